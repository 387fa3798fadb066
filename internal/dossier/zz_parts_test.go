package dossier

import (
	"os"
	"testing"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/pdfbook"
	"github.com/hoso-vn/hoso/internal/pdfdraw"
	"github.com/hoso-vn/hoso/internal/render"
	"github.com/hoso-vn/hoso/internal/submission"
)

func BenchmarkPartExecute(b *testing.B) {
	d, _, _ := loadSample(b, "../../samples/phuong-tan-son-hoa-2026.toml")
	t, _ := d.FormSet.Template(formset.ToTrinh)
	src, _ := os.ReadFile("../../samples/phuong-tan-son-hoa-2026.toml")
	sub, _, _, _ := submission.Decode(src)
	data := buildData(sub, d.FormSet)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t.Execute(*data)
	}
}
func BenchmarkPartLay(b *testing.B) {
	d, _, _ := loadSample(b, "../../samples/phuong-tan-son-hoa-2026.toml")
	docx := d.Documents[0].Bytes
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		render.Lay(docx)
	}
}
func BenchmarkPartDraw(b *testing.B) {
	d, _, _ := loadSample(b, "../../samples/phuong-tan-son-hoa-2026.toml")
	laid, _ := render.Lay(d.Documents[0].Bytes)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pdfdraw.Draw(laid.Pages, pdfdraw.Meta{})
	}
}
func BenchmarkPartSplit(b *testing.B) {
	d, _, _ := loadSample(b, "../../samples/phuong-tan-son-hoa-2026.toml")
	laid, _ := render.Lay(d.Documents[0].Bytes)
	pdf, _ := pdfdraw.Draw(laid.Pages, pdfdraw.Meta{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pdfbook.Split(pdf, []pdfbook.Range{{First: 1, Last: len(laid.Pages)}})
	}
}
