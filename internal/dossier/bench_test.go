package dossier

import (
	"context"
	"testing"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/parallel"
	"github.com/hoso-vn/hoso/internal/pdf"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/templates"
)

// pdfOf renders one filled document the way the command does for a
// one-document dossier: the filled tree handed to the PDF stage.
func pdfOf(f *docxtpl.Filled) error {
	_, err := pdf.Render([]pdf.Document{{Name: "01-to-trinh.docx", Title: "Tờ trình", Group: "Tờ trình", DOCX: f.DOCX, Parts: f.Parts}}, pdf.Meta{})
	return err
}

// wardToTrinh returns the ward sample's compiled Tờ trình template, the
// data it is filled with and the filled DOCX: a 3-page document (the Tờ
// trình and its annex).
func wardToTrinh(b *testing.B) (*docxtpl.Template, *Data, []byte) {
	d, _, src := buildSample(b, wardSample, "", "")
	tpls, err := templatesOf(d.FormSet)
	if err != nil {
		b.Fatal(err)
	}
	t := tpls["to-trinh.docx"]
	sub, _, _, _ := submission.Decode(src)
	return t, buildData(sub, d.FormSet), d.Documents[0].Bytes
}

// BenchmarkDocumentDOCXAndPDF fills the 3-page Tờ trình and renders it
// to a PDF of its own, after start-up (templates compiled, fonts parsed).
func BenchmarkDocumentDOCXAndPDF(b *testing.B) {
	t, data, _ := wardToTrinh(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f, err := t.Fill(*data)
		if err != nil {
			b.Fatal(err)
		}
		if err := pdfOf(f); err != nil {
			b.Fatal(err)
		}
	}
}

// The stages of BenchmarkDocumentDOCXAndPDF: filling, here; laying out,
// drawing and cutting, in internal/pdf (BenchmarkStage*).

// BenchmarkStageFill fills the Tờ trình template (DOCX written).
func BenchmarkStageFill(b *testing.B) {
	t, data, _ := wardToTrinh(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := t.Fill(*data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSampleDossier builds the whole ward sample: 8 documents, DOCX,
// PDF and the merged ho-so.pdf, kept in memory (not written to disk), each
// filled document handed to the PDF stage as Write does.
func BenchmarkSampleDossier(b *testing.B) {
	_, sets, src := buildSample(b, wardSample, "", "")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := Prepare("sample.toml", src, sets)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.RenderPDF(); err != nil {
			b.Fatal(err)
		}
	}
}

// benchDossier builds a dossier from TOML source in memory, as
// BenchmarkSampleDossier does.
func benchDossier(b *testing.B, src []byte) {
	b.Helper()
	sets, err := formset.Load(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d, err := Prepare("bench.toml", src, sets)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.RenderPDF(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDossier4 is one dossier of four nominees: DOCX, PDF, ho-so.pdf.
func BenchmarkDossier4(b *testing.B) { benchDossier(b, []byte(synth.Submission(4, 1, 0))) }

// BenchmarkDossier50 is a 50-nominee submission (about 54 documents).
func BenchmarkDossier50(b *testing.B) { benchDossier(b, []byte(synth.Submission(50, 1, 0))) }

// BenchmarkBatch10 builds ten 4-nominee submissions, several at a time
// as hoso build -j does, and writes them as it does (Write fills and
// renders into the folder).
func BenchmarkBatch10(b *testing.B) {
	sets, err := formset.Load(templates.FS)
	if err != nil {
		b.Fatal(err)
	}
	var srcs [][]byte
	for i := 0; i < 10; i++ {
		srcs = append(srcs, []byte(synth.Submission(4, 1, i)))
	}
	out := b.TempDir()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		err := parallel.Do(len(srcs), func(k int) error {
			d, err := Prepare("bench.toml", srcs[k], sets)
			if err != nil {
				return err
			}
			_, err = d.Write(context.Background(), out)
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}
