package layout

import (
	"slices"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Characters the font has outside Vietnamese (Greek, Cyrillic, arrows,
// operators) are measured with their own advances, not as .notdef; the
// ones it lacks are reported once each, in order.
func TestGlyphCoverage(t *testing.T) {
	fs, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		for _, r := range "aĐữ–…€№αЖ→≤■ﬁ" {
			if !f.has(r) {
				t.Errorf("%q (U+%04X) measured as missing", r, r)
			}
		}
		for _, r := range "世ไ😀" {
			if f.has(r) {
				t.Errorf("%q (U+%04X) taken as present", r, r)
			}
		}
	}
	if fs[Regular].advance('→') == fs[Regular].missing && fs[Regular].advance('α') == fs[Regular].missing {
		t.Error("arrows and Greek measured with the .notdef advance")
	}
	bold := para("ไทย 世", 26, docmodel.ParaProps{})
	bold.Inlines[0].Props.Bold = true
	pages := layoutDoc(t, []docmodel.Block{
		para("Nguyễn 世界\u00a0\u200b 05/TTr\u2011UBND", 26, docmodel.ParaProps{}), bold,
		para("😀 Đà Nẵng", 26, docmodel.ParaProps{PageBreakBefore: true}),
	}, nil, false)
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	got := MissingGlyphs(pages)
	if want := []rune("世界ไทย😀"); !slices.Equal(got, want) {
		t.Errorf("MissingGlyphs = %q, want %q", string(got), string(want))
	}
}
