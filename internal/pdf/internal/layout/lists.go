package layout

import (
	"math"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// List labels and raised or lowered text (WORD-FEATURES.md §2, §6).

// appendLabel adds a paragraph's list label at the start of its pieces: one
// word that never breaks or stretches (its suffix space included), then a
// tab for a tab suffix. A right-aligned label ends at the first line's
// indent and a centred one is centred on it: the part drawn before the
// indent is its lead, and only the rest advances.
func appendLabel(out []piece, l *docmodel.ListLabel, fm [4]*metrics) []piece {
	if l == nil {
		return out
	}
	face := FaceOf(l.Props.Bold, l.Props.Italic)
	pc := piece{kind: pWord, face: face, size: l.Props.Size, text: l.Text,
		underline: l.Props.Underline != "" && l.Props.Underline != "none", strike: l.Props.Strike}
	if l.Suffix == docmodel.SuffixSpace {
		pc.text += " "
	}
	pc.width = fm[face].width(drawable(pc.text), pc.size)
	out = append(out, pc)
	label := &out[len(out)-1]
	script(out[len(out)-1:], l.Props.VertAlign, fm[face])
	switch l.Align {
	case docmodel.AlignRight:
		label.lead = label.width
	case docmodel.AlignCenter:
		label.lead = label.width / 2
	}
	label.width -= label.lead
	if l.Suffix == docmodel.SuffixTab {
		out = append(out, piece{kind: pTab, face: face, size: pc.size, breakAfter: true})
	}
	return out
}

// appendMark adds a note mark's pieces; the first carries the note. A
// custom mark (w:customMarkFollows) prints nothing of its own: a piece of
// no width carries the note.
func appendMark(out []piece, base piece, in docmodel.Inline, text string, from int, breaks []bool, m *metrics) []piece {
	n0 := len(out)
	out = appendText(out, base, text, from, breaks, m)
	if len(out) == n0 {
		pc := base
		pc.kind = pWord
		out = append(out, pc)
	}
	out[n0].note = in.Note
	return out
}

// scriptPercent is the size of superscript and subscript text, percent of
// the run's (LibreOffice's automatic escapement).
const scriptPercent = 58

// script shrinks superscript and subscript pieces to 58 % and raises
// (lowers) them: superscript by B(size) − B(58 % size), B the baseline below
// the line top (hhea ascent + line gap); subscript by D(size) − D(58 %
// size), D the hhea descent. The line keeps the full size's height.
func script(pcs []piece, va docmodel.VertAlign, m *metrics) {
	if va == docmodel.Baseline {
		return
	}
	for k := range pcs {
		pc := &pcs[k]
		if pc.kind != pWord && pc.kind != pSpace {
			continue
		}
		full := pc.size * 10
		pc.escH = full * scriptPercent / 100
		if full > 0 {
			pc.width *= float64(pc.escH) / float64(full)
		}
		above := func(h int) float64 { return float64((m.ascent+m.lineGap)*h) / float64(m.upem) }
		below := func(h int) float64 { return float64(m.descent*h) / float64(m.upem) }
		if va == docmodel.Superscript {
			pc.rise = int(math.Round(above(full) - above(pc.escH)))
		} else {
			pc.rise = -int(math.Round(below(full) - below(pc.escH)))
		}
	}
}

// measure is the advance of s in the piece's face and size, twips.
func (pc *piece) measure(m *metrics, s string) float64 {
	w := m.width(drawable(s), pc.size)
	if pc.escH > 0 && pc.size > 0 {
		w *= float64(pc.escH) / float64(pc.size*10)
	}
	return w
}

// textOf starts the text a piece draws, on a line whose baseline is base.
func textOf(pc piece, base int) tText {
	return tText{x: pc.x - pc.lead, y: base - pc.rise, face: pc.face, size: pc.size, height: pc.escH, text: pc.text, field: pc.field}
}

// sameRun reports whether a piece continues text t: same face, size,
// height and baseline, and no lead of its own.
func sameRun(t *tText, pc piece, base int) bool {
	return t.face == pc.face && t.size == pc.size && t.height == pc.escH && t.y == base-pc.rise && pc.lead == 0
}

// points is the font size a text is drawn at.
func (t tText) points() float64 {
	if t.height > 0 {
		return float64(t.height) / 20
	}
	return float64(t.size) / 2
}

// lineNotes lists the footnotes whose marks a line holds.
func lineNotes(ln *line) []*docmodel.Note {
	var out []*docmodel.Note
	for _, pc := range ln.pieces {
		if pc.note != nil {
			out = append(out, pc.note)
		}
	}
	return out
}
