package pdf

import (
	"fmt"
	"maps"
	"slices"

	"github.com/hoso-vn/hoso/internal/pdf/internal/book"
	"github.com/hoso-vn/hoso/internal/pdf/internal/draw"
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
)

// Where fontPages put their text: lines of charsPerLine characters,
// lineStep points apart, on A4 pages.
const (
	charsPerLine     = 64
	lineStep         = 12.0
	fontPageW        = 595.3
	fontPageH        = 841.9
	fontPageMargin   = 36.0
	fontPageFontSize = 10.0
)

// drawFonts draws the merged PDF's fonts when no window's subset of a
// face holds every character the windows drew in it: a PDF showing, in
// each face chars names (by BaseFont), its characters.
func drawFonts(chars map[string][]rune) (*book.Book, error) {
	pages, err := fontPages(chars)
	if err != nil {
		return nil, err
	}
	b, err := draw.Draw(pages, draw.Meta{})
	if err != nil {
		return nil, err
	}
	return book.New(b)
}

// fontPages are pages that show, in each face chars names, its
// characters.
func fontPages(chars map[string][]rune) ([]*layout.Page, error) {
	page := &layout.Page{W: fontPageW, H: fontPageH}
	out := []*layout.Page{page}
	y := fontPageMargin
	for _, name := range slices.Sorted(maps.Keys(chars)) {
		runes := chars[name]
		face, ok := draw.FaceOf(name)
		if !ok {
			return nil, fmt.Errorf("không biết phông %s", name)
		}
		for len(runes) > 0 {
			n := min(len(runes), charsPerLine)
			if y > fontPageH-fontPageMargin {
				page = &layout.Page{W: fontPageW, H: fontPageH}
				out = append(out, page)
				y = fontPageMargin
			}
			page.Texts = append(page.Texts, layout.Text{X: fontPageMargin, Y: y, Face: face, Size: fontPageFontSize, Text: string(runes[:n])})
			y += lineStep
			runes = runes[n:]
		}
	}
	return out, nil
}
