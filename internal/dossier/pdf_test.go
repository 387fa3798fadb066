package dossier

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf"
	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/hoso-vn/hoso/internal/vn"
	"github.com/hoso-vn/hoso/templates"
)

// The samples the tests build.
const (
	wardSample     = "../../samples/phuong-tan-son-hoa-2026.toml"
	minSample      = "../../samples/toi-thieu.toml"
	districtSample = "../../samples/quan-tan-binh-2025.toml"
)

// buildSample builds the submission at path with the built-in form sets,
// after replacing old, which must stand in it once, by new (old "" leaves
// it as it is). It returns the dossier, the sets and the source it built.
func buildSample(tb testing.TB, path, old, new string) (*Dossier, []*formset.Set, []byte) {
	tb.Helper()
	sets, err := formset.Load(templates.FS)
	if err != nil {
		tb.Fatal(err)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	if old != "" {
		if n := bytes.Count(src, []byte(old)); n != 1 {
			tb.Fatalf("%q stands %d times in %s, want once", old, n, path)
		}
		src = bytes.Replace(src, []byte(old), []byte(new), 1)
	}
	d, err := Build(path, src, sets)
	if err != nil {
		tb.Fatal(err)
	}
	return d, sets, src
}

// buildPDF is buildSample's dossier with its PDFs.
func buildPDF(t *testing.T, path, old, new string) *Dossier {
	t.Helper()
	d, _, _ := buildSample(t, path, old, new)
	if err := d.RenderPDF(); err != nil {
		t.Fatal(err)
	}
	return d
}

// pdfText extracts a PDF's text with poppler's pdftotext, in NFC with
// white space collapsed.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(testtool.PDFText(t, pdf)), " ")
}

// pdfinfo is what poppler's pdfinfo says of pdf, white space collapsed.
func pdfinfo(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.Join(strings.Fields(testtool.PDFInfo(t, pdf)), " ")
}

func TestEveryPDFIsValidAndCountsItsPages(t *testing.T) {
	d := buildPDF(t, wardSample, "", "")
	total := 0
	for _, doc := range d.Documents {
		if err := pdftest.Validate(doc.PDFBytes); err != nil {
			t.Errorf("%s: strict validation: %v", doc.PDF, err)
		}
		n, err := pdftest.PageCount(doc.PDFBytes)
		if err != nil || n != doc.Pages || n < 1 {
			t.Errorf("%s: %d pages in the file, manifest says %d (%v)", doc.PDF, n, doc.Pages, err)
		}
		total += n
	}
	if err := pdftest.Validate(d.Merged); err != nil {
		t.Errorf("ho-so.pdf: strict validation: %v", err)
	}
	if n, _ := pdftest.PageCount(d.Merged); n != total {
		t.Errorf("ho-so.pdf has %d pages, the documents %d", n, total)
	}
}

// TestPDFTextHoldsEveryFilledValue reads each PDF back and finds the
// values the submission gave (nothing dropped, nothing garbled).
func TestPDFTextHoldsEveryFilledValue(t *testing.T) {
	d := buildPDF(t, wardSample, "", "")
	src, err := os.ReadFile(wardSample)
	if err != nil {
		t.Fatal(err)
	}
	sub, _, _, _ := submission.Decode(src)
	texts := map[string]string{}
	for _, doc := range d.Documents {
		texts[doc.Part+"/"+doc.Subject] += pdfText(t, doc.PDFBytes) + " "
	}
	// Line breaks may fall after a hyphen ("NĐ-|CP"), where the text
	// extractor inserts a space.
	// pdftotext also drops a hyphen that ends a line: compare without
	// white space and hyphens.
	squeeze := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", "") }
	want := func(part, value string) {
		t.Helper()
		for key, text := range texts {
			if strings.HasPrefix(key, part) && strings.Contains(squeeze(text), squeeze(value)) {
				return
			}
		}
		t.Errorf("%s: %q not found in the PDF text", part, value)
	}
	want("to-trinh", "Số: 05/TTr-UBND")
	want("to-trinh", "Tân Sơn Hòa, ngày 05 tháng 02 năm 2026")
	want("to-trinh", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	want("bien-ban", "Số: 01/BB-HĐTĐKT")
	want("xac-nhan-thue", "Số: 12/UBND-VP")
	for _, n := range sub.Nominees {
		name := n.DisplayName()
		want("to-trinh", name)
		want("bien-ban", name)
		for _, para := range n.Achievements {
			// The PDF breaks lines; compare the words of the paragraph.
			want("bao-cao-thanh-tich"+"/"+name, strings.Join(strings.Fields(para), " "))
		}
		for _, h := range n.Titles {
			want("bao-cao-thanh-tich"+"/"+name, h.Decision.String())
		}
		if n.Tax != nil {
			want("xac-nhan-thue", n.Tax.Code)
		}
	}
	for _, m := range sub.Council.Members {
		want("bien-ban", m.Name)
	}
	want("to-trinh", vn.Upper(sub.Proposal.Signer.Position))
}

func TestPDFIsReproducibleWithSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600") // 2026-01-01
	a := buildPDF(t, minSample, "", "")
	b := buildPDF(t, minSample, "", "")
	for i := range a.Documents {
		if !bytes.Equal(a.Documents[i].PDFBytes, b.Documents[i].PDFBytes) {
			t.Errorf("%s differs between two builds", a.Documents[i].PDF)
		}
	}
	if !bytes.Equal(a.Merged, b.Merged) {
		t.Errorf("ho-so.pdf differs between two builds")
	}
	if !bytes.Contains(a.Documents[0].PDFBytes, []byte("D:20260101")) {
		t.Errorf("creation date is not SOURCE_DATE_EPOCH")
	}
}

func TestPDFMetadata(t *testing.T) {
	// The ward sample is drawn in two groups, the minimal one in one: the
	// merged file's information is the same either way.
	for _, sample := range []string{wardSample, minSample} {
		d := buildPDF(t, sample, "", "")
		common := []string{"Author: " + d.Agency, "Creator: hoso", "Producer: " + pdf.Producer,
			"CreationDate:", "Page size: 595.3 x 841.9 pts (A4)"}
		doc := d.Documents[len(d.Documents)-1]
		for what, info := range map[string]string{doc.PDF: pdfinfo(t, doc.PDFBytes), MergedName: pdfinfo(t, d.Merged)} {
			want := append([]string{"Title: " + doc.Title}, common...)
			if what == MergedName {
				want[0] = "Title: Hồ sơ đề nghị khen thưởng"
			}
			for _, w := range want {
				if !strings.Contains(info, w) {
					t.Errorf("%s %s: pdfinfo lacks %q:\n%s", sample, what, w, info)
				}
			}
		}
	}
	d := buildPDF(t, wardSample, "", "")
	var report *Document
	for _, doc := range d.Documents {
		if doc.Part == "bao-cao-thanh-tich" && report == nil {
			report = doc
		}
	}
	info := pdfinfo(t, report.PDFBytes)
	for _, want := range []string{"Title: Báo cáo thành tích: Văn phòng Hội đồng nhân dân",
		"Subject: Hồ sơ đề nghị khen thưởng - Cán bộ"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
}

// A branch's tax code never breaks at its hyphen (issue 17 item 10): the
// templates print it with | khong_ngat, the DOCX holds Word's
// w:noBreakHyphen (Word shows "-"), and the PDF keeps "0312345673-002"
// on one line in the tax letter's narrow column and in the report.
func TestBranchTaxCodeIsNotBrokenAtItsHyphen(t *testing.T) {
	d := buildPDF(t, wardSample, `ma_so_thue = "0312345673"`, `ma_so_thue = "0312345673-002"`)
	seen := 0
	for _, doc := range d.Documents {
		raw := ooxmltest.PartIn(t, doc.Bytes, "word/document.xml")
		if !strings.Contains(raw, "0312345673") {
			continue
		}
		seen++
		if !strings.Contains(raw, `0312345673</w:t><w:noBreakHyphen/><w:t xml:space="preserve">002`) {
			t.Errorf("%s: the tax code is not written with w:noBreakHyphen", doc.DOCX)
		}
		if text := pdfText(t, doc.PDFBytes); !strings.Contains(text, "0312345673-002") {
			t.Errorf("%s: the PDF does not show 0312345673-002 whole", doc.PDF)
		}
	}
	if seen != 3 {
		t.Errorf("the tax code is in %d documents, want the tax and social-insurance letters and the report", seen)
	}
}
