package layout

import (
	"fmt"
	"slices"
	"sync"
	"unicode"

	"github.com/hoso-vn/hoso/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// Face is one face of one of the embedded families (fonts.Family): the
// family times four plus the style (bold<<1 | italic). The zero family is
// Liberation Serif, whose faces are Regular…BoldItalic.
type Face int

// The faces of Liberation Serif, the templates' font.
const (
	Regular Face = iota
	Italic
	Bold
	BoldItalic
)

// NumFaces is the number of faces, every family's four.
const NumFaces = Face(fonts.NumFamilies) * 4

// FaceOf picks the Liberation Serif face for bold and italic flags.
func FaceOf(bold, italic bool) Face {
	f := Regular
	if bold {
		f |= Bold
	}
	if italic {
		f |= Italic
	}
	return f
}

// Family is the face's family.
func (f Face) Family() fonts.Family { return fonts.Family(f / 4) }

// Style is the face's style within its family.
func (f Face) Style() fonts.Style { return fonts.Style(f % 4) }

// metrics holds what layout needs from a font: advance widths in font
// units and the hhea vertical metrics (the ones LibreOffice uses).
type metrics struct {
	upem            int
	ascent, descent int
	lineGap         int
	adv             []int16 // by character below 0x10000; -1: no glyph
	missing         int     // advance of .notdef, for characters the font lacks
	font            *sfnt.Font
	kerns           sync.Map // kerning of a pair of characters (uint32 a<<16|b) in font units, as int
}

var (
	faceOnce  [NumFaces]sync.Once
	faceTable [NumFaces]*metrics
	faceErr   [NumFaces]error
)

// fontFailure is what metricsOf panics with when an embedded face does not
// parse; Layout turns it into an error.
type fontFailure struct{ err error }

// metricsOf returns a face's metrics, parsed on first use once per
// process.
func metricsOf(f Face) *metrics {
	faceOnce[f].Do(func() {
		data, err := fonts.Data(f.Family(), f.Style())
		if err == nil {
			faceTable[f], err = loadMetrics(data)
		}
		if err != nil {
			faceErr[f] = fmt.Errorf("font %s %d: %w", f.Family().Name(), f.Style(), err)
		}
	})
	if faceErr[f] != nil {
		panic(fontFailure{faceErr[f]})
	}
	return faceTable[f]
}

// faces returns the four faces of Liberation Serif, or the error that
// one of them does not parse.
func faces() (fs [4]*metrics, err error) {
	defer func() {
		if r := recover(); r != nil {
			ff, ok := r.(fontFailure)
			if !ok {
				panic(r)
			}
			err = ff.err
		}
	}()
	for f := Regular; f <= BoldItalic; f++ {
		fs[f] = metricsOf(f)
	}
	return fs, nil
}

// preload lists the characters whose advances are read up front: every
// block of the BMP that Liberation Serif covers at least in part (Latin,
// IPA, combining marks, Greek, Cyrillic, Latin Extended Additional with
// Vietnamese, punctuation, currency, letterlike symbols, arrows,
// mathematical operators, box drawing and shapes, ligatures). A character
// outside them is one the font lacks: it is measured as .notdef, drawn as
// a box, and listed in Page.Missing.
var preload = [][2]rune{{0x20, 0x7e}, {0xa0, 0x52f}, {0x1d00, 0x1fff}, {0x2000, 0x2bff}, {0xfb00, 0xfb06}, {0xfffc, 0xfffd}}

func loadMetrics(data []byte) (*metrics, error) {
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, err
	}
	var buf sfnt.Buffer
	upem := int(f.UnitsPerEm())
	ppem := fixed.I(upem)
	fm, err := f.Metrics(&buf, ppem, font.HintingNone)
	if err != nil {
		return nil, err
	}
	m := &metrics{upem: upem, ascent: fm.Ascent.Round(), descent: fm.Descent.Round(), adv: make([]int16, 0x10000), font: f}
	for r := range m.adv {
		m.adv[r] = -1
	}
	m.lineGap = fm.Height.Round() - m.ascent - m.descent
	if a, err := f.GlyphAdvance(&buf, 0, ppem, font.HintingNone); err == nil {
		m.missing = a.Round()
	}
	for _, rg := range preload {
		for r := rg[0]; r <= rg[1]; r++ {
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				continue
			}
			a, err := f.GlyphAdvance(&buf, gi, ppem, font.HintingNone)
			if err == nil {
				m.adv[r] = int16(a.Round()) // at most the em, 2048 here
			}
		}
	}
	return m, nil
}

// has reports whether the font has a glyph for r.
func (m *metrics) has(r rune) bool { return r >= 0 && int(r) < len(m.adv) && m.adv[r] >= 0 }

// missingIn appends to seen the characters of s the font has no glyph
// for and seen does not hold yet. Spaces and format characters draw
// nothing and are not listed.
func (m *metrics) missingIn(s string, seen []rune) []rune {
	for _, r := range s {
		if !m.has(r) && !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) && !slices.Contains(seen, r) {
			seen = append(seen, r)
		}
	}
	return seen
}

// MissingGlyphs returns, in order of first appearance, the characters of
// the pages' text the font has no glyph for: they show as empty boxes in
// the PDF.
func MissingGlyphs(pages []*Page) []rune {
	var out []rune
	for _, p := range pages {
		for _, r := range p.Missing {
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
	}
	return out
}

// advance is r's advance in font units.
func (m *metrics) advance(r rune) int {
	if m.has(r) {
		return int(m.adv[r])
	}
	return m.missing
}

// kern is the kerning of the pair a, b in font units (negative: closer),
// from the font's GPOS or kern table; looked up once per pair and face.
func (m *metrics) kern(a, b rune) int {
	key := uint32(a)<<16 | uint32(b)&0xFFFF
	if a > 0xFFFF || b > 0xFFFF {
		return 0
	}
	if v, ok := m.kerns.Load(key); ok {
		return v.(int)
	}
	var buf sfnt.Buffer
	k := 0
	ga, err1 := m.font.GlyphIndex(&buf, a)
	gb, err2 := m.font.GlyphIndex(&buf, b)
	if err1 == nil && err2 == nil && ga != 0 && gb != 0 {
		if v, err := m.font.Kern(&buf, ga, gb, fixed.I(m.upem), font.HintingNone); err == nil {
			k = v.Round()
		}
	}
	m.kerns.Store(key, k)
	return k
}

// width is the advance of s at size half-points, in twips (no kerning:
// LibreOffice applies none unless a run asks for it).
func (m *metrics) width(s string, size int) float64 {
	units := 0
	for _, r := range s {
		units += m.advance(r)
	}
	return float64(units) * float64(size) * 10 / float64(m.upem)
}

// lineMetrics are the vertical measures of one line of text, in twips,
// computed the way LibreOffice does: on a reference device of 8640 dpi
// (6 device units per twip), rounding each quantity on its own.
type lineMetrics struct {
	height  int // ascent + descent
	lead    int // the hhea line gap, placed above the text
	ascent  int
	natural int // height + lead: the single line pitch
	base    int // ascent + lead: baseline below the line top
}

// lineFor returns the line metrics of font m at size half-points.
func lineFor(m *metrics, size int) lineMetrics { return lineForTw(m, size*10) }

// lineForTw returns the line metrics of font m at size tw twips.
func lineForTw(m *metrics, tw int) lineMetrics {
	h := tw * 6 // device units: tw/20 pt × 120
	round := func(num, den int) int { return (2*num + den) / (2 * den) }
	a := round(m.ascent*h, m.upem)
	d := round(m.descent*h, m.upem)
	g := round(m.lineGap*h, m.upem)
	lm := lineMetrics{ascent: round(a, 6), height: round(a+d, 6), lead: round(g, 6)}
	lm.natural = lm.height + lm.lead
	lm.base = lm.ascent + lm.lead
	return lm
}
