package pdf

import (
	"os"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/book"
	"github.com/hoso-vn/hoso/internal/pdf/internal/draw"
)

// benchDOCX is the ward sample's Tờ trình as filled on 2026-11-27 (3
// pages: the Tờ trình and its annex), frozen so that figures taken months
// apart compare the renderer, not the templates.
func benchDOCX(b testing.TB) []byte {
	docx, err := os.ReadFile("testdata/bench-to-trinh.docx")
	if err != nil {
		b.Fatal(err)
	}
	return docx
}

// BenchmarkRenderOne renders the document to a PDF of its own, the way a
// one-document dossier is: lay out, draw, cut out, outline.
func BenchmarkRenderOne(b *testing.B) {
	docs := []Document{{Name: "01-to-trinh.docx", Title: "Tờ trình", Group: "Tờ trình", DOCX: benchDOCX(b)}}
	Warm()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Render(docs, Meta{}); err != nil {
			b.Fatal(err)
		}
	}
}

// The stages of BenchmarkRenderOne, one by one.

// BenchmarkStageLay reads the filled DOCX and lays it out.
func BenchmarkStageLay(b *testing.B) {
	docx := benchDOCX(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := lay(Document{DOCX: docx}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageDraw draws the laid-out pages with maroto (fonts subset
// and embedded).
func BenchmarkStageDraw(b *testing.B) {
	l, err := lay(Document{DOCX: benchDOCX(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := draw.Draw(l.pages, draw.Meta{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStageSplit cuts the document's PDF out of the drawn one.
func BenchmarkStageSplit(b *testing.B) {
	l, err := lay(Document{DOCX: benchDOCX(b)})
	if err != nil {
		b.Fatal(err)
	}
	drawn, err := draw.Draw(l.pages, draw.Meta{})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bk, err := book.New(drawn)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := bk.Extract(1, len(l.pages), book.Info{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
