package layout

import (
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Footnotes at the page foot and endnotes after the last page, as
// LibreOffice 7.4 lays them out (WORD-FEATURES.md §5). Twips throughout.
//
// The notes of a page stand on the body's bottom, in the order of their
// marks, one flow of paragraphs: the first note's spacing before is kept,
// between two the larger of after and before, the last one's after is
// dropped. Above them: noteGap, the separator (noteRule high, a quarter of
// the column wide, from its left edge), noteGap again; the body then ends
// noteGap above the separator. A line (or table row) with marks is placed
// only if at least the first line of its first note fits below it; what
// does not fit of a note goes on at the next page's foot, and nothing more
// is added below a note that goes on. The notes never take more than the
// page body less a fifth of the page's print area (LibreOffice keeps that
// much for the text).
const (
	noteGap  = 57 // 0.1 cm: between the body and the separator, the separator and the notes
	noteRule = 10 // the separator's height (0.5 pt)
	noteArea = noteGap + noteRule + noteGap + noteGap
)

// notes is the note area of the page being laid out.
type notes struct {
	foot        int     // the body's bottom without notes: the notes end here
	cap         int     // the most the notes may take
	left, width int     // the text column the separator is drawn in
	plan                // what is placed so far
	strips      []slice // placed, spacing strips included, top to bottom
	carry       []slice // goes on at the next page's foot
	boxes       map[*docmodel.Note]*noteBox
}

// plan is the note area's extent: the height placed, the spacing after
// its last note, and whether a note goes on at the next page.
type plan struct {
	sigma, after int
	full         bool
}

// noteBox is a note laid out for the column: its strips without the
// spacing before its first paragraph and after its last, kept apart.
type noteBox struct {
	width         int
	before, after int
	strips        []slice
}

// noteBox lays a note out once per column width.
func (e *engine) noteBox(n *docmodel.Note) *noteBox {
	if nb := e.notes.boxes[n]; nb != nil && nb.width == e.colWidth {
		return nb
	}
	if e.notes.boxes == nil {
		e.notes.boxes = map[*docmodel.Note]*noteBox{}
	}
	nb := &noteBox{width: e.colWidth, strips: e.stack(n.Blocks, e.colWidth)}
	if len(nb.strips) > 0 && isGap(nb.strips[0]) {
		nb.before, nb.strips = nb.strips[0].h, nb.strips[1:]
	}
	if k := len(nb.strips) - 1; k >= 0 && isGap(nb.strips[k]) {
		nb.after, nb.strips = nb.strips[k].h, nb.strips[:k]
	}
	e.notes.boxes[n] = nb
	return nb
}

// isGap reports whether a strip is only spacing.
func isGap(s slice) bool { return s.kind == sBorder && len(s.rules) == 0 && len(s.texts) == 0 }

// limit is the body's bottom with a note area of the plan.
func (e *engine) limit(p plan) int {
	if p.sigma == 0 {
		return e.notes.foot
	}
	return e.notes.foot - p.sigma - noteArea
}

// openNotes starts the note area of a new page whose body spans
// [e.y, e.bottom]: the notes that go on from the previous page are placed
// first, as much of them as the area takes. printArea is the page's
// height within its margins (LibreOffice's, which holds the header and
// footer).
func (e *engine) openNotes(printArea int) {
	na := &e.notes
	na.foot, na.left, na.width = e.bottom, e.colLeft, e.colWidth
	na.cap = e.bottom - e.y - printArea/5 - noteArea
	na.plan, na.strips = plan{}, nil
	carry := dropGaps(na.carry)
	na.carry = nil
	for k, s := range carry {
		if k > 0 && na.sigma+s.h > na.cap {
			na.carry, na.full = carry[k:], true
			break
		}
		na.strips = append(na.strips, s)
		na.sigma += s.h
	}
	e.bottom = e.limit(na.plan)
}

// takeNotes plans the notes marked in a strip whose bottom is at y, from
// plan p: the plan after them, the strips placed on this page and those
// that go on. ok is false when not even the first line of the first note
// fits on this page (or a note already goes on from it): the strip must
// go to the next page.
func (e *engine) takeNotes(p plan, marked []*docmodel.Note, y int) (after plan, now, later []slice, ok bool) {
	room := min(e.notes.cap, e.notes.foot-y-noteArea)
	if p.full {
		return p, nil, nil, false
	}
	for i, n := range marked {
		nb := e.noteBox(n)
		gap := nb.before
		if p.sigma > 0 {
			gap = max(p.after, nb.before)
		}
		h := gap
		for _, s := range nb.strips {
			h += s.h
		}
		if p.sigma+h <= room {
			now = appendGap(now, gap)
			now = append(now, nb.strips...)
			p.sigma, p.after = p.sigma+h, nb.after
			continue
		}
		// It does not fit whole: its first lines here, the rest after.
		k, used := 0, p.sigma+gap
		for k < len(nb.strips) && used+nb.strips[k].h <= room {
			used += nb.strips[k].h
			k++
		}
		if k == 0 && i == 0 {
			return p, nil, nil, false
		}
		if k > 0 {
			now = appendGap(now, gap)
			now = append(now, nb.strips[:k]...)
			p.sigma = used
		}
		later = append(later, nb.strips[k:]...)
		for _, m := range marked[i+1:] {
			mb := e.noteBox(m)
			later = appendGap(later, max(nb.after, mb.before))
			later = append(later, mb.strips...)
			nb = mb
		}
		p.full = true
		break
	}
	return p, now, later, true
}

func appendGap(ss []slice, gap int) []slice {
	if gap > 0 {
		ss = append(ss, slice{kind: sBorder, h: gap, fit: gap})
	}
	return ss
}

// fits reports whether a strip whose top is at y fits on the page after
// plan p, with its notes; p moves on by them.
func (e *engine) fits(p *plan, s slice, y int) bool {
	if y+s.fit > e.limit(*p) {
		return false
	}
	if len(s.notes) == 0 {
		return true
	}
	next, _, _, ok := e.takeNotes(*p, s.notes, y+s.fit)
	if ok {
		*p = next
	}
	return ok
}

// addNotes places the notes marked in a strip placed with its bottom at y
// (a strip forced onto a page where they do not fit sends them all to the
// next page), and moves the body's bottom up above them.
func (e *engine) addNotes(marked []*docmodel.Note, y int) {
	if len(marked) == 0 {
		return
	}
	na := &e.notes
	next, now, later, ok := e.takeNotes(na.plan, marked, y)
	if !ok {
		for _, n := range marked {
			nb := e.noteBox(n)
			na.carry = appendGap(na.carry, nb.before)
			na.carry = append(na.carry, nb.strips...)
		}
		return
	}
	na.plan = next
	na.strips = append(na.strips, now...)
	na.carry = append(na.carry, later...)
	e.bottom = e.limit(na.plan)
}

// closeNotes draws the page's note area: the separator and the notes,
// standing on the body's bottom.
func (e *engine) closeNotes() {
	na := &e.notes
	if e.pg == nil || len(na.strips) == 0 {
		return
	}
	y := na.foot - na.sigma
	sep := float64(y - noteGap - noteRule/2)
	e.pg.rules = append(e.pg.rules, tRule{x1: float64(na.left), x2: float64(na.left + na.width*25/100), y1: sep, y2: sep, w: noteRule})
	for _, s := range na.strips {
		e.emit(s, na.left, y)
		y += s.h
	}
	na.strips, na.plan = nil, plan{}
}

// notesIn lists the footnotes marked in strips (the cells of a row).
func notesIn(parts [][]slice) []*docmodel.Note {
	var out []*docmodel.Note
	for _, ss := range parts {
		for _, s := range ss {
			out = append(out, s.notes...)
		}
	}
	return out
}

// flushNotes gives the notes still going on at the end of the text pages
// of their own.
func (e *engine) flushNotes() {
	for len(e.notes.carry) > 0 {
		e.newPage(true)
	}
}

// printArea is a page's height within its margins as LibreOffice has it
// for a Word page: from the header's top when there is a header (its
// distance from the edge), else from the top margin; the same below.
func printArea(s *docmodel.Section, header, footer bool) int {
	top, bottom := s.Top, s.Bottom
	if header {
		top = s.HeaderDist
	}
	if footer {
		bottom = s.FooterDist
	}
	return s.PageH - top - bottom
}

// endnoteMargin is the margin of LibreOffice's Endnote page style on
// every side (2 cm): a Word document does not set it.
const endnoteMargin = 1134

// endnotes lays the endnotes out after the last page as body paragraphs,
// from the top of a page of their own in LibreOffice's Endnote page
// style: the last section's paper, 2 cm margins, no header or footer,
// the page numbers going on.
func (e *engine) endnotes() {
	if len(e.doc.Endnotes) == 0 {
		return
	}
	s := &docmodel.Section{PageW: e.sec.PageW, PageH: e.sec.PageH, Top: endnoteMargin, Bottom: endnoteMargin,
		Left: endnoteMargin, Right: endnoteMargin}
	e.startSection(e.secIndex, s)
	for _, n := range e.doc.Endnotes {
		e.flow(n.Blocks)
	}
}
