package draw

import (
	"bytes"
	"image"
	imgcolor "image/color"
	"image/png"
	"regexp"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
)

// pngOf is a w × h PNG in one colour.
func pngOf(t *testing.T, w, h int, c imgcolor.NRGBA) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPicturesAreEmbeddedOnceAndReproducibly draws a seal twice on a page
// and once on the next, beside another picture of the same pixel width:
// the PDF holds each picture once, names each once in a page's resources,
// draws it where it is placed, and the bytes are the same on every run
// (maroto registers each drawing under a random name; the PDF writer used
// to order pictures of one width by map iteration).
func TestPicturesAreEmbeddedOnceAndReproducibly(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	seal := pngOf(t, 40, 40, imgcolor.NRGBA{R: 200, G: 20, B: 40, A: 255})
	logo := pngOf(t, 40, 30, imgcolor.NRGBA{B: 200, A: 255})
	pages := func() []*layout.Page {
		p1 := &layout.Page{W: 595, H: 842, Images: []layout.Image{
			{X: 300, Y: 500, W: 113.4, H: 113.4, Data: seal, Format: "png"},
			{X: 100, Y: 100, W: 56.7, H: 56.7, Data: seal, Format: "png"},
			{X: 72, Y: 20, W: 51, H: 38.25, Data: logo, Format: "png"},
		}}
		p2 := &layout.Page{W: 595, H: 842, Images: []layout.Image{{X: 300, Y: 500, W: 113.4, H: 113.4, Data: seal, Format: "png"}}}
		return []*layout.Page{p1, p2}
	}
	first, err := Draw(pages(), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	raw := string(first)
	if n := len(regexp.MustCompile(`/Subtype /Image`).FindAllString(raw, -1)); n != 2 {
		t.Errorf("%d image objects, want 2 (the seal and the logo, each once)", n)
	}
	for _, dict := range regexp.MustCompile(`/XObject <<([^>]*)>>`).FindAllStringSubmatch(raw, -1) {
		names := regexp.MustCompile(`/(I[0-9a-f]+) \d+ 0 R`).FindAllStringSubmatch(dict[1], -1)
		seen := map[string]bool{}
		for _, n := range names {
			if seen[n[1]] {
				t.Errorf("picture %s named twice in one resource dictionary: %s", n[1], dict[1])
			}
			seen[n[1]] = true
		}
	}
	for range 20 {
		again, err := Draw(pages(), Meta{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, first) {
			t.Fatal("drawing the same pictures twice gave different bytes")
		}
	}
}
