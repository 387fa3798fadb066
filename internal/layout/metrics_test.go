package layout

import (
	"slices"
	"testing"
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
	pages := []*Page{
		{Texts: []Text{{Face: Regular, Text: "Nguyễn 世界\u00a0\u200b"}, {Face: Bold, Text: "ไทย 世"}}},
		{Texts: []Text{{Face: Italic, Text: "😀 Đà Nẵng"}}},
	}
	got, err := MissingGlyphs(pages)
	if err != nil {
		t.Fatal(err)
	}
	if want := []rune("世界ไทย😀"); !slices.Equal(got, want) {
		t.Errorf("MissingGlyphs = %q, want %q", string(got), string(want))
	}
}
