package pdf

import (
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// loWrapFixture reads a fixture of testdata/lo-wrap: documents of the issue
// 17 audit (wrapping around anchored objects, frames), most as LibreOffice
// saves them.
func loWrapFixture(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata/lo-wrap", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// TestLoWrapFixturesRender renders every lo-wrap fixture; with
// HOSO_FIXTURE_OUT set, each DOCX and its PDF are written there for
// fidelity.py.
func TestLoWrapFixturesRender(t *testing.T) {
	out := os.Getenv("HOSO_FIXTURE_OUT")
	files, _ := filepath.Glob("testdata/lo-wrap/*.docx")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		name := filepath.Base(f)
		docx := loWrapFixture(t, name)
		res, err := Render([]Document{{Name: name, Title: name, Group: name, DOCX: docx}}, Meta{Title: name})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if w := res.Documents[0].Warnings; len(w) > 0 {
			t.Logf("%s: %d warnings:\n  %s", name, len(w), strings.Join(w, "\n  "))
		}
		if out == "" {
			continue
		}
		base := filepath.Join(out, strings.TrimSuffix(name, ".docx"))
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".docx", docx, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(base+".pdf", res.Documents[0].PDF, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestLibreOfficeWrappedObjectsAreWrapped lays out l2, a document
// LibreOffice saved (behindDoc="1" on every wrapped object): the lines of
// the first body paragraph stop left of the "GHI CHÚ" text box (square
// wrap, LibreOffice's lines end by 370 pt), the paragraph of the picture
// aligned right with wrapText="right" starts below the picture (LibreOffice:
// "Ảnh" at 639.4–657.6 pt, under the picture), and the rule under "Độc
// lập - Tự do - Hạnh phúc", whose top-and-bottom wrap hoso does not carry
// to the paragraphs after its own, is warned.
func TestLibreOfficeWrappedObjectsAreWrapped(t *testing.T) {
	d, err := lay(Document{Name: "l2", DOCX: loWrapFixture(t, "l2-lo-frame-line-borders.docx")})
	if err != nil {
		t.Fatal(err)
	}
	pg := d.pages[0]
	var boxLeft float64
	for _, f := range pg.Fills {
		if f.X > 300 && f.H > 40 { // the text box's fill (right of the column's middle)
			boxLeft = f.X
		}
	}
	if len(pg.Images) != 1 || boxLeft == 0 {
		t.Fatalf("%d pictures, text box at %.2f", len(pg.Images), boxLeft)
	}
	pic := pg.Images[0]
	var thuc, anh *layout.Text
	for i, tx := range pg.Texts {
		switch {
		case strings.HasPrefix(tx.Text, "Thực") && thuc == nil:
			thuc = &pg.Texts[i]
		case strings.HasPrefix(tx.Text, "Ảnh"):
			anh = &pg.Texts[i]
		}
	}
	for _, tx := range pg.Texts {
		if thuc != nil && tx.Y == thuc.Y && tx.X > boxLeft-1 {
			t.Errorf("%q at x %.2f on the first body line runs into the text box at %.2f", tx.Text, tx.X, boxLeft)
		}
	}
	if anh == nil || anh.Y-14 < pic.Y+pic.H {
		t.Errorf("«Ảnh căn phải» at %+v, want below the picture (bottom %.2f)", anh, pic.Y+pic.H)
	}
	want := "«Độc lập - Tự do - Hạnh phúc»: chữ của các đoạn sau chưa bao quanh được hình"
	if len(d.warnings) != 1 || !strings.Contains(d.warnings[0], want) {
		t.Errorf("warnings %q, want one: %s", d.warnings, want)
	}
}
