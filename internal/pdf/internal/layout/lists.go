package layout

import (
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// List labels and note marks (WORD-FEATURES.md §5, §6).

// appendLabel adds a paragraph's list label at the start of its pieces: one
// word that never breaks or stretches (its suffix space included), then a
// tab for a tab suffix. The label takes its own formatting (a superscript
// label is raised and shrunk like any run, runs.go). A right-aligned label
// ends at the first line's indent and a centred one is centred on it: the
// part drawn before the indent is its lead, and only the rest advances.
func appendLabel(out []piece, l *docmodel.ListLabel) []piece {
	if l == nil {
		return out
	}
	face := faceFor(l.Props)
	pc := piece{kind: pWord, face: face, size: l.Props.Size, text: l.Text, runEnd: true,
		underline: l.Props.Underline != "" && l.Props.Underline != "none", strike: l.Props.Strike,
		st: styleOf(l.Props, metricsOf(face))}
	if l.Suffix == docmodel.SuffixSpace {
		pc.text += " "
	}
	pc.width = pc.measure(pc.text, 0, true)
	switch l.Align {
	case docmodel.AlignRight:
		pc.lead = pc.width
	case docmodel.AlignCenter:
		pc.lead = pc.width / 2
	}
	pc.width -= pc.lead
	out = append(out, pc)
	if l.Suffix == docmodel.SuffixTab {
		out = append(out, piece{kind: pTab, face: face, size: pc.size, breakAfter: true})
	}
	return out
}

// appendMark adds a note mark's pieces; the first carries the note. A
// custom mark (w:customMarkFollows) prints nothing of its own: a piece of
// no width carries the note.
func appendMark(out []piece, base piece, in docmodel.Inline, text string, from int, breaks []bool) []piece {
	n0 := len(out)
	out = appendText(out, base, text, from, breaks)
	if len(out) == n0 {
		pc := base
		pc.kind = pWord
		out = append(out, pc)
	}
	out[n0].note = in.Note
	return out
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
