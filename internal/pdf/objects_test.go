package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/testtool"
)

// fixture reads a Word-feature fixture (testdata/word-features).
func fixture(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("../../testdata/word-features", name))
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// storedPictures counts what poppler's pdfimages lists of a PDF: the
// placements of pictures and of their soft masks, and the pictures stored
// (distinct objects; a mask is listed with its picture's).
func storedPictures(t *testing.T, pdf []byte) (placed, stored int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	objects := map[string]bool{}
	for _, line := range strings.Split(string(testtool.Run(t, nil, "pdfimages", "-list", path)), "\n")[2:] {
		f := strings.Fields(line)
		if len(f) > 11 {
			placed++
			objects[f[10]] = true // the object number
		}
	}
	return placed, len(objects)
}

// TestWordShapesAndPicturesEndToEnd renders the Word-like fixtures of line
// shapes and text boxes (04) and of pictures (07) as a dossier: nothing is
// warned, the text boxes' text is in the PDF, and the four pictures of 07
// (logo and seal with their soft masks, portrait, signature) are placed on
// every page but stored once in ho-so.pdf, although its sixteen copies of
// 07 are drawn in two groups; the bytes are the same on a second run.
func TestWordShapesAndPicturesEndToEnd(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	docs := []Document{{Name: "04.docx", Title: "04", Group: "Hình", DOCX: fixture(t, "04-shapes.docx")}}
	for i := range 16 {
		docs = append(docs, Document{Name: "07.docx", Title: "07", Group: "Ảnh", Label: string(rune('A' + i)), DOCX: fixture(t, "07-pictures.docx")})
	}
	res, err := Render(docs, Meta{Title: "Hồ sơ"})
	if err != nil {
		t.Fatal(err)
	}
	if len(drawGroups([]int{1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1})) < 2 {
		t.Fatal("the dossier is drawn in one group: the test would not cross groups")
	}
	for i, d := range res.Documents {
		if len(d.Warnings) != 0 || d.Pages != 1 {
			t.Errorf("document %d: %d pages, warnings %q", i, d.Pages, d.Warnings)
		}
	}
	text := testtool.PDFText(t, res.Documents[0].PDF)
	for _, want := range []string{"DỰ THẢO", "Ảnh", "(3 x 4 cm)", "Ghi chú: hộp văn bản này bao chữ"} {
		if !strings.Contains(text, want) {
			t.Errorf("04's PDF lacks %q", want)
		}
	}
	if placed, stored := storedPictures(t, res.Documents[1].PDF); placed != 6 || stored != 4 {
		t.Errorf("07's PDF: %d placed, %d stored, want 4 pictures and 2 masks placed, 4 stored", placed, stored)
	}
	if placed, stored := storedPictures(t, res.Merged); placed != 16*6 || stored != 4 {
		t.Errorf("ho-so.pdf: %d placed, %d stored, want %d placed, 4 stored", placed, stored, 16*6)
	}
	again, err := Render(docs, Meta{Title: "Hồ sơ"})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Merged, res.Merged) {
		t.Error("ho-so.pdf differs between two runs with SOURCE_DATE_EPOCH set")
	}
}
