package pdf

import (
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
)

// faceChars notes, for each face, the characters the drawn pages show:
// the merged PDF has one font per face, which must hold them all (each
// window's drawing has a subset of its own).
type faceChars [layout.NumFaces][]uint64 // bit c: character c (16-bit codes)

// add notes the characters of pages.
func (c *faceChars) add(pages []*layout.Page) {
	for _, p := range pages {
		for _, t := range p.Texts {
			bits := c[t.Face]
			if bits == nil {
				bits = make([]uint64, 1<<16/64)
				c[t.Face] = bits
			}
			for _, r := range t.Text {
				if r < 1<<16 {
					bits[r/64] |= 1 << (r % 64)
				}
			}
		}
	}
}

// Where the pages of pages put their text: lines of charsPerLine
// characters, lineStep points apart, on A4 pages.
const (
	charsPerLine     = 64
	lineStep         = 12.0
	fontPageW        = 595.3
	fontPageH        = 841.9
	fontPageMargin   = 36.0
	fontPageFontSize = 10.0
)

// pages are pages that show every character noted, each in its face: the
// font subsets drawn for them are the merged PDF's fonts.
func (c *faceChars) pages() []*layout.Page {
	page := &layout.Page{W: fontPageW, H: fontPageH}
	out := []*layout.Page{page}
	y := fontPageMargin
	for f, bits := range c {
		var line []rune
		flush := func() {
			if y > fontPageH-fontPageMargin {
				page = &layout.Page{W: fontPageW, H: fontPageH}
				out = append(out, page)
				y = fontPageMargin
			}
			page.Texts = append(page.Texts, layout.Text{X: fontPageMargin, Y: y, Face: layout.Face(f), Size: fontPageFontSize, Text: string(line)})
			y += lineStep
			line = line[:0]
		}
		for r := range rune(len(bits) * 64) {
			if bits[r/64]&(1<<(r%64)) == 0 {
				continue
			}
			if line = append(line, r); len(line) == charsPerLine {
				flush()
			}
		}
		if len(line) > 0 {
			flush()
		}
	}
	return out
}
