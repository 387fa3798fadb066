package layout

import (
	"math"
	"sync"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/fonts"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Character formatting beyond face and size, as LibreOffice 7.4 draws it
// (WORD-FEATURES.md §1, §2, §8):
//   - w:spacing adds s twips after every character of the run, spaces
//     included, except that the run's last character takes no negative
//     spacing; a line's width (to fit and to align) leaves out its last
//     character's spacing;
//   - w:w scales every advance (the spacing is not scaled); the glyphs are
//     drawn narrower or wider;
//   - w:kern turns on pair kerning, across the run's spaces too;
//   - w:position raises the text by round(100·pos/size) % of its single
//     line height, at its own size; the line grows by the raise;
//   - superscript and subscript are 58 % of the size, raised so that their
//     top meets the top of the full-size text (subscript: their bottom its
//     bottom); the line keeps its height;
//   - colour, highlight and shading paint the glyphs and the run's box.

// runStyle is the character formatting of one inline that plain text
// lacks; pieces of plain text have none (nil), and are measured and drawn
// as before.
type runStyle struct {
	tw      int  // glyph size, twips (58 % of the run's size for super- and subscripts)
	rise    int  // baseline shift, twips (positive: up)
	spacing int  // twips after each character (w:spacing)
	scale   int  // horizontal scale, percent (100: none)
	kern    bool // pair kerning
	color   Color
	fill    Color // highlight or shading, when hasFill
	hasFill bool
}

// superProp is LibreOffice's size of superscripts and subscripts, percent.
const superProp = 58

var lookups sync.Map // font name → fonts.Match

// faceFor is the face a run is drawn in: its font's family (a name that
// carries a style, "Times New Roman Bold", adds it) and its bold and
// italic.
func faceFor(p docmodel.RunProps) Face {
	fam, bold, italic := fonts.Serif, p.Bold, p.Italic
	if p.Font != "" {
		m, ok := lookups.Load(p.Font)
		if !ok {
			m, _ = lookups.LoadOrStore(p.Font, fonts.Lookup(p.Font))
		}
		match := m.(fonts.Match)
		fam, bold, italic = match.Family, bold || match.Bold, italic || match.Italic
	}
	return Face(fam)*4 + FaceOf(bold, italic)
}

// styleOf is a run's formatting beyond face and size, nil when it has none.
func styleOf(p docmodel.RunProps, m *metrics) *runStyle {
	if p.Spacing == 0 && (p.Scale == 0 || p.Scale == 100) && !p.Kern && p.Position == 0 &&
		p.VertAlign == docmodel.VertBaseline && p.Color == "" && p.Highlight == "" && p.Shading == "" {
		return nil
	}
	st := &runStyle{tw: p.Size * 10, spacing: p.Spacing, scale: 100, kern: p.Kern, color: colorOf(p.Color)}
	if p.Scale > 0 {
		st.scale = p.Scale
	}
	if fill := p.Highlight; fill != "" || p.Shading != "" {
		if fill == "" {
			fill = p.Shading
		}
		st.fill, st.hasFill = colorOf(fill), true
	}
	full := lineForTw(m, st.tw)
	switch p.VertAlign {
	case docmodel.VertSuper, docmodel.VertSub:
		st.tw = st.tw * superProp / 100
		small := lineForTw(m, st.tw)
		if p.VertAlign == docmodel.VertSuper {
			st.rise = full.base - small.base
		} else {
			st.rise = -((full.natural - full.base) - (small.natural - small.base))
		}
	default:
		if p.Position != 0 && p.Size > 0 {
			pct := math.Round(100 * float64(p.Position) / float64(p.Size))
			st.rise = int(math.Round(pct * float64(full.natural) / 100))
		}
	}
	return st
}

// advance is the advance of s (already drawable) in twips, set in face m
// with this style. next is the character that follows s in its run (0 for
// none): with kerning, the pair it makes with s's last character counts
// here. end says s ends its run: its last character takes no negative
// spacing.
func (st *runStyle) advance(m *metrics, s string, next rune, end bool) float64 {
	units, n := 0, 0
	prev := rune(-1)
	for _, r := range s {
		units += m.advance(r)
		if st.kern && prev >= 0 {
			units += m.kern(prev, r)
		}
		prev = r
		n++
	}
	if st.kern && prev >= 0 && next > 0 {
		units += m.kern(prev, next)
	}
	if end && st.spacing < 0 && n > 0 {
		n--
	}
	return float64(units)*float64(st.tw)*float64(st.scale)/100/float64(m.upem) + float64(n*st.spacing)
}

// width is a piece's advance for s, one of its texts: plain text as the
// font gives it, styled text with its spacing, scale and kerning (next and
// end as for runStyle.advance).
func (pc *piece) measure(s string, next rune, end bool) float64 {
	m := metricsOf(pc.face)
	if pc.st == nil {
		return m.width(drawable(s), pc.size)
	}
	return pc.st.advance(m, drawable(s), next, end)
}

// firstRune is the first character of s, 0 when s is empty.
func firstRune(s string) rune {
	if s == "" {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// sameStyle reports whether two pieces' texts can be drawn as one.
func sameStyle(a, b *runStyle) bool {
	return a == b || a != nil && b != nil && a.tw == b.tw && a.rise == b.rise && a.spacing == b.spacing &&
		a.scale == b.scale && a.kern == b.kern && a.color == b.color
}

// lineSpacing is the character spacing the last character of pieces
// carries, which LibreOffice leaves out of a line's width.
func lineSpacing(pcs []piece) float64 {
	for k := len(pcs) - 1; k >= 0; k-- {
		if pcs[k].kind == pWord {
			if pcs[k].st == nil {
				return 0
			}
			return float64(pcs[k].st.spacing)
		}
	}
	return 0
}

// vertical is a piece's extent above and below its line's baseline, in
// twips: its font's baseline offset and the rest of its single line
// height, moved by its rise.
func (pc *piece) vertical() (above, below int) {
	tw := pc.size * 10
	rise := 0
	if pc.st != nil {
		tw, rise = pc.st.tw, pc.st.rise
	}
	lm := lineForTw(metricsOf(pc.face), tw)
	return lm.base + rise, lm.natural - lm.base - rise
}

// lineMetrics are a line's vertical measures: the highest baseline offset
// and the deepest descent of its pieces, each in its own font and size
// (plain pieces of one family count at their largest size), moved by their
// rise. A line without text takes the paragraph mark's.
func (b *breaker) lineMetrics(pcs []piece) lineMetrics {
	var largest [fonts.NumFamilies]int // plain text's largest size by family, half-points
	above, below, any := 0, 0, false
	for k := range pcs {
		pc := &pcs[k]
		if pc.kind != pWord && pc.kind != pSpace && pc.kind != pTab {
			continue
		}
		any = true
		if pc.st == nil {
			largest[pc.face.Family()] = max(largest[pc.face.Family()], pc.size)
			continue
		}
		a, d := pc.vertical()
		above, below = max(above, a), max(below, d)
	}
	if !any {
		size := b.markSize
		for _, pc := range pcs {
			size = max(size, pc.size)
		}
		return lineFor(metricsOf(b.markFace), size)
	}
	for fam, size := range largest {
		if size == 0 {
			continue
		}
		lm := lineFor(metricsOf(Face(fam)*4), size)
		above, below = max(above, lm.base), max(below, lm.natural-lm.base)
	}
	return lineMetrics{natural: above + below, base: above}
}

// joins reports whether piece a can be drawn in the same text as b (a
// list label's lead starts a text of its own).
func joins(a, b *piece) bool {
	return a.face == b.face && a.size == b.size && sameStyle(a.st, b.st) && a.lead == 0
}

// textOf is the text of piece pc (or part of it) drawn at x on a line
// whose baseline is base; a list label's lead moves it left.
func textOf(pc *piece, base int, x float64, text string) tText {
	t := tText{x: x - pc.lead, y: base, face: pc.face, sizeTw: pc.size * 10, text: text, field: pc.field, st: pc.st}
	if pc.st != nil {
		t.y -= pc.st.rise
		t.sizeTw = pc.st.tw
	}
	return t
}

// drawn is a text as the page carries it, in points.
func (t *tText) drawn(text string) Text {
	out := Text{X: pt(t.x), Y: pt(float64(t.y)), Face: t.face, Size: pt(float64(t.sizeTw)), Text: drawable(text)}
	if st := t.st; st != nil {
		out.Color, out.Spacing = st.color, pt(float64(st.spacing))
		if st.scale != 100 {
			out.Scale = float64(st.scale) / 100
		}
	}
	return out
}

// kernedTexts draws a kerned word: one text per stretch between pairs
// whose kerning is not zero, each at the position the kerning gives it.
func kernedTexts(pc *piece, base int) []tText {
	m := metricsOf(pc.face)
	var out []tText
	start, x := 0, pc.x
	prev := rune(-1)
	for i, r := range pc.text {
		d := drawableRune(r)
		if d < 0 {
			continue
		}
		if prev >= 0 && m.kern(prev, d) != 0 {
			seg := pc.text[start:i]
			out = append(out, textOf(pc, base, x, seg))
			x += pc.st.advance(m, drawable(seg), d, false)
			start = i
		}
		prev = d
	}
	return append(out, textOf(pc, base, x, pc.text[start:]))
}

// drawableRune is the character drawable(s) draws for r, -1 for none.
func drawableRune(r rune) rune {
	switch {
	case r == '\u2011':
		return '-'
	case r == '\u00ad':
		return -1
	case r > 0xFFFF:
		return '\uFFFD'
	}
	return r
}

// lineFills paints the highlight or shading of a line's runs: one
// rectangle per stretch of one colour, from its first character to the
// end of its last (trailing spaces left out), as tall as its font's single
// line (LibreOffice paints the portion's box).
func lineFills(ln *line) []tFill {
	var out []tFill
	end := trailingStart(ln.pieces)
	for k := 0; k < end; k++ {
		pc := &ln.pieces[k]
		if pc.st == nil || !pc.st.hasFill {
			continue
		}
		j := k
		for j+1 < end && ln.pieces[j+1].st != nil && ln.pieces[j+1].st.hasFill && ln.pieces[j+1].st.fill == pc.st.fill {
			j++
		}
		above, below := pc.vertical()
		x2 := ln.pieces[j].x + ln.pieces[j].width
		out = append(out, tFill{x: pc.x, y: float64(ln.base - above), w: x2 - pc.x, h: float64(above + below), color: pc.st.fill})
		k = j
	}
	return out
}

// styled reports whether some piece has formatting beyond face and size.
func styled(pcs []piece) bool {
	for k := range pcs {
		if pcs[k].st != nil {
			return true
		}
	}
	return false
}

// fitAcc measures a line as LibreOffice does to decide whether it fits,
// when the line holds formatted runs (a superscript, a condensed word…):
// each run (a portion) is measured on LibreOffice's reference device, 6
// units per twip, every glyph's advance rounded there and the run's sum
// rounded up to whole twips; spacing, kerning and tabs are added as they
// are (WORD-FEATURES.md §2, measured on seven lines at their threshold).
// Plain lines keep the exact sum, which matched LibreOffice on 271 lines
// (libreoffice-layout-rules.md §4). Pieces are added one at a time, so a
// line costs its length whatever its width.
type fitAcc struct {
	styled bool    // a piece added has formatting beyond face and size
	closed float64 // twips of the runs done
	open   bool    // a run is being measured:
	face   Face
	size   int
	st     *runStyle
	device int     // its glyphs on the reference device
	extra  float64 // its spacing and kerning, twips
}

// add measures one more piece of the line.
func (a fitAcc) add(pc *piece) fitAcc {
	a.styled = a.styled || pc.st != nil
	if pc.kind == pTab || pc.field != docmodel.Text {
		a = a.close()
		a.closed += pc.width
		return a
	}
	if !a.open || a.face != pc.face || a.size != pc.size || a.st != pc.st {
		a = a.close()
		a.open, a.face, a.size, a.st = true, pc.face, pc.size, pc.st
	}
	m := metricsOf(pc.face)
	h, scale := pc.size*60, 100 // font height in device units (tw × 6)
	if pc.st != nil {
		h, scale = pc.st.tw*6, pc.st.scale
	}
	den := m.upem * 100
	units := 0
	for _, r := range drawable(pc.text) {
		adv := m.advance(r)
		a.device += (2*adv*h*scale + den) / (2 * den)
		units += adv
	}
	// What the piece's width holds beyond its glyphs: spacing, kerning.
	a.extra += pc.width - float64(units)*float64(h)*float64(scale)/100/6/float64(m.upem)
	return a
}

// close ends the run being measured.
func (a fitAcc) close() fitAcc {
	if a.open {
		a.closed += math.Ceil(float64(a.device)/6-1e-9) + a.extra
		a.open, a.device, a.extra = false, 0, 0
	}
	return a
}

// width is the line's width so far.
func (a fitAcc) width() float64 { return a.close().closed }
