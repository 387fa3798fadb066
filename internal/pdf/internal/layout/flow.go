package layout

import (
	"fmt"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// MaxPages is the most pages Layout lays out for one document. The
// largest submission hoso accepts gives a few hundred; the limit bounds
// the work on any input, whatever a template or a fault in the layout
// would make of it (a table that broke pages forever was one).
const MaxPages = 10000

// tooManyPages is what newPage panics with past MaxPages; Layout turns it
// into an error.
type tooManyPages struct{}

// engine flows a document's blocks onto pages.
type engine struct {
	doc *docmodel.Document

	pages []*pageState
	pg    *pageState

	sec       *docmodel.Section
	secIndex  int
	pageInSec int
	number    int // printed number of the current page

	colLeft, colWidth int // body text column, twips
	y, bottom         int // flow position and body bottom, twips from the page top

	prev     above   // the last paragraph placed
	rowAbove *rowBox // the table row placed last on this page (nil at the top of a table or page)
	edges    []edge  // scratch for a cell's top borders
	fresh    bool    // nothing placed on this page yet
	natural  bool    // this page began because the previous one was full

	notes    notes     // the footnotes of the page
	boxDepth int       // text boxes this engine lays out the content of are nested this deep
	above    laidAbove // the paragraph laid out last in the current column (objects.go)
}

// pageState collects a page's texts and rules in twips until the page
// count is known (NUMPAGES).
type pageState struct {
	w, h     int
	number   int
	section  int
	texts    []tText
	rules    []tRule
	fills    []tFill
	objects  []tObject // placed shapes, pictures and text boxes (objects.go)
	warnings []string  // what the layout could not do as the document asks
}

// Layout lays out a document and returns its pages, or an error past
// MaxPages.
func Layout(doc *docmodel.Document) (pages []*Page, err error) {
	if _, err := faces(); err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			switch x := r.(type) {
			case tooManyPages:
				pages, err = nil, fmt.Errorf("văn bản dài hơn %d trang, quá số trang hoso dàn được: hãy rút gọn nội dung hoặc tách hồ sơ", MaxPages)
			case fontFailure:
				pages, err = nil, x.err
			default:
				panic(r)
			}
		}
	}()
	e := &engine{doc: doc}
	for i, s := range doc.Sections {
		e.startSection(i, s)
		e.flow(s.Blocks)
	}
	e.flushNotes()
	e.endnotes()
	e.closeNotes()
	return e.finish(), nil
}

func (e *engine) startSection(i int, s *docmodel.Section) {
	e.sec, e.secIndex, e.pageInSec = s, i, 0
	e.colLeft = s.Left
	e.colWidth = s.PageW - s.Left - s.Right
	switch {
	case s.PageStart > 0:
		e.number = s.PageStart - 1
	case s.PageStart < 0:
		e.number = -1
	}
	e.newPage(false)
}

// newPage starts a page: it draws the page's header and footer and sets
// the body's top and bottom. natural says the previous page overflowed
// (spacing before the first paragraph is then dropped). Past MaxPages it
// stops the layout (Layout returns an error).
func (e *engine) newPage(natural bool) {
	if len(e.pages) == MaxPages {
		panic(tooManyPages{})
	}
	e.closeNotes()
	s := e.sec
	e.number++
	e.pg = &pageState{w: s.PageW, h: s.PageH, number: e.number, section: e.secIndex}
	e.pages = append(e.pages, e.pg)
	header, footer := s.HeaderDefault, s.FooterDefault
	if s.TitlePage && e.pageInSec == 0 {
		header, footer = s.HeaderFirst, s.FooterFirst
	}
	e.pageInSec++
	top, bottom := s.Top, s.PageH-s.Bottom
	if len(header) > 0 {
		y := e.emitStrips(e.stack(header, e.colWidth), e.colLeft, s.HeaderDist, 0)
		top = max(top, y)
	}
	if len(footer) > 0 {
		strips := e.stack(footer, e.colWidth)
		h := 0
		for _, st := range strips {
			h += st.h
		}
		y := s.PageH - s.FooterDist - h
		bottom = min(bottom, y)
		e.emitStrips(strips, e.colLeft, y, 0)
	}
	e.y, e.bottom = top, bottom
	e.fresh, e.natural = true, natural
	e.prev.after = 0
	e.openNotes(printArea(s, len(header) > 0, len(footer) > 0))
}

// emit draws a strip with its top-left at (x, y), twips.
func (e *engine) emit(s slice, x, y int) {
	for _, t := range s.texts {
		t.x += float64(x)
		t.y += y
		e.pg.texts = append(e.pg.texts, t)
	}
	for _, r := range s.rules {
		r.x1 += float64(x)
		r.x2 += float64(x)
		r.y1 += float64(y)
		r.y2 += float64(y)
		e.pg.rules = append(e.pg.rules, r)
	}
	for _, f := range s.fills {
		f.x += float64(x)
		f.y += float64(y)
		e.pg.fills = append(e.pg.fills, f)
	}
	e.pg.objects = appendPlaced(e.pg.objects, s, x, y)
}

// box is a block laid out for the body column.
type box struct {
	para  *paraBox
	table *tableBox
}

// flow places a section's blocks.
func (e *engine) flow(blocks []docmodel.Block) {
	boxes := e.boxes(blocks, e.colWidth)
	for i, b := range boxes {
		if b.para != nil {
			e.placePara(b.para, boxes[i+1:])
		} else {
			e.placeTable(b.table)
		}
	}
}

// boxes lays out blocks for a column: paragraphs into lines, tables into
// rows. Paragraphs with identical borders and shading next to each other
// form a group; tables with nothing between them are laid out as one.
func (e *engine) boxes(blocks []docmodel.Block, width int) []box {
	out := make([]box, 0, len(blocks))
	e.above = laidAbove{}
	for i := 0; i < len(blocks); i++ {
		switch x := blocks[i].(type) {
		case *docmodel.Paragraph:
			joinTop := i > 0 && sameFrame(blocks[i-1], x)
			joinBottom := i+1 < len(blocks) && sameFrame(blocks[i+1], x)
			out = append(out, box{para: e.layoutPara(x, width, joinTop, joinBottom)})
		case *docmodel.Table:
			ts := []*docmodel.Table{x}
			for i+1 < len(blocks) {
				next, ok := blocks[i+1].(*docmodel.Table)
				if !ok {
					break
				}
				ts = append(ts, next)
				i++
			}
			out = append(out, box{table: e.layoutTables(ts, width)})
			e.above = laidAbove{}
		}
	}
	return out
}

// spacing returns the gap above a paragraph: the larger of the previous
// paragraph's after and this one's before (contextual spacing drops both
// between paragraphs of one style); none at the top of a page the
// previous one overflowed into.
func (e *engine) spacing(pb *paraBox) int {
	before, prevAfter := e.prev.spacing(pb, e.fresh)
	switch {
	case e.fresh && e.natural:
		return 0
	case e.fresh:
		return before
	}
	return max(prevAfter, before)
}

// placePara places a paragraph, keeping it with the next block, moving it
// whole or splitting it by widow/orphan control as LibreOffice does.
func (e *engine) placePara(pb *paraBox, rest []box) {
	p := pb.p.Props
	if p.PageBreakBefore && !e.fresh {
		e.newPage(false)
	}
	gap := e.spacing(pb)
	if p.KeepNext && !e.fresh && len(rest) > 0 {
		need := gap + pb.height() + e.keepHeight(pb.after, rest, 0)
		if e.y+need > e.bottom {
			e.newPage(true)
			gap = 0
		}
	}
	e.placeStrips(pb, gap)
	e.prev = aboveOf(pb)
}

// above is what the spacing rules need of the paragraph above.
type above struct {
	after int    // its spacing after
	style string // its style, for contextual spacing
	ctx   bool   // it has contextual spacing
}

func aboveOf(pb *paraBox) above {
	return above{after: pb.after, style: pb.p.Props.Style, ctx: pb.p.Props.ContextualSpacing}
}

// spacing returns pb's spacing before and the above paragraph's after as
// they apply between the two: contextual spacing drops each between
// paragraphs of one style. top says pb starts the column, where its own
// before is kept.
func (a above) spacing(pb *paraBox, top bool) (before, after int) {
	p := pb.p.Props
	before, after = pb.before, a.after
	if !top && p.ContextualSpacing && a.style == p.Style {
		before = 0
	}
	if a.ctx && a.style == p.Style {
		after = 0
	}
	return before, after
}

// keepHeight is the room a keep-with-next paragraph needs below itself:
// the start of the next block (two lines of a paragraph, the first row of
// a table), or all of the next paragraph and what it keeps with in turn.
func (e *engine) keepHeight(after int, rest []box, depth int) int {
	if len(rest) == 0 || depth > 20 {
		return 0
	}
	next := rest[0]
	if next.table != nil {
		if len(next.table.rows) == 0 {
			return 0
		}
		return after + next.table.rows[0].height
	}
	nb := next.para
	gap := max(after, nb.before)
	if nb.p.Props.KeepNext {
		return gap + nb.height() + e.keepHeight(nb.after, rest[1:], depth+1)
	}
	h, lines := 0, 0
	for _, s := range nb.slices {
		if s.kind == sLine {
			if lines == 2 {
				break
			}
			lines++
			h += s.fit
			continue
		}
		h += s.h
	}
	return gap + h
}

// placeStrips places a paragraph's strips from gap below the flow
// position, breaking pages as needed.
func (e *engine) placeStrips(pb *paraBox, gap int) {
	strips := pb.slices
	p := pb.p.Props
	for len(strips) > 0 {
		y := e.y + gap
		n, yy := 0, y
		pl := e.notes.plan
		for _, s := range strips {
			if !e.fits(&pl, s, yy) {
				break
			}
			yy += s.h
			n++
			if s.kind == sLine && s.breakAfter {
				break
			}
		}
		if n < len(strips) && !(n > 0 && strips[n-1].breakAfter) && !e.fresh {
			lines := countLines(strips)
			fitted := countLines(strips[:n])
			moveWhole := p.KeepLines && len(strips) == len(pb.slices)
			if p.WidowControl {
				if fitted < min(2, lines) {
					moveWhole = true
				} else if lines-fitted < 2 {
					fitted = lines - 2
					if fitted < 2 {
						moveWhole = true
					} else {
						n = stripsForLines(strips, fitted)
					}
				}
			}
			if moveWhole || n == 0 {
				e.newPage(true)
				gap = 0
				continue
			}
		}
		if n == 0 {
			n = 1 // taller than an empty page: it goes here anyway
		}
		painted := 0
		if pb.joinTop && len(strips) == len(pb.slices) && !e.fresh {
			painted = gap // a border group paints the spacing between its paragraphs
		}
		if len(strips) == len(pb.slices) {
			strips[0].lead = e.leadOf(pb, gap) // the paragraph's first strip (objects.go)
		}
		e.y = e.emitStrips(strips[:n], e.colLeft, y, painted)
		for _, s := range strips[:n] {
			e.addNotes(s.notes, y+s.fit)
			y += s.h
		}
		e.fresh = false
		brk := strips[n-1].breakAfter
		strips = strips[n:]
		gap = 0
		if len(strips) > 0 || brk {
			e.newPage(!brk)
		}
	}
}

func countLines(ss []slice) int {
	n := 0
	for _, s := range ss {
		if s.kind == sLine {
			n++
		}
	}
	return n
}

// stripsForLines is how many strips hold the first n lines.
func stripsForLines(ss []slice, n int) int {
	for k, s := range ss {
		if s.kind == sLine {
			n--
			if n == 0 {
				return k + 1
			}
		}
	}
	return len(ss)
}

// stack lays blocks out one under the other in a column that does not
// break (headers, table cells): paragraphs' strips with the spacing
// between them as strips of their own.
func (e *engine) stack(blocks []docmodel.Block, width int) []slice {
	var out []slice
	var prev above
	first := true
	for _, b := range e.boxes(blocks, width) {
		if b.table != nil {
			if !first && prev.after > 0 {
				out = append(out, slice{kind: sBorder, h: prev.after})
			}
			out = append(out, b.table.strips()...)
			prev, first = above{}, false
			continue
		}
		pb := b.para
		before, after := prev.spacing(pb, first)
		if gap := max(before, after); gap > 0 {
			s := slice{kind: sBorder, h: gap}
			if pb.joinTop {
				s.deco = pb.deco // a border group paints the spacing between its paragraphs
			}
			out = append(out, s)
		}
		out = append(out, pb.slices...)
		if len(pb.slices) > 0 {
			out[len(out)-len(pb.slices)].lead = max(before-after, 0)
		}
		prev, first = aboveOf(pb), false
	}
	if prev.after > 0 {
		out = append(out, slice{kind: sBorder, h: prev.after})
	}
	return out
}

// finish turns the pages into points and fills the page-number fields.
func (e *engine) finish() []*Page {
	out := make([]*Page, len(e.pages))
	for i, ps := range e.pages {
		pg := &Page{W: pt(float64(ps.w)), H: pt(float64(ps.h)), Number: ps.number, Section: ps.section, Warnings: ps.warnings,
			Texts: make([]Text, 0, len(ps.texts)), Fills: make([]Fill, 0, len(ps.fills)), Rules: make([]Rule, 0, len(ps.rules))}
		e.drawObjects(ps, pg)
		for _, t := range ps.texts {
			text := t.text
			if t.field != docmodel.Text {
				text = fieldText(t.field, ps.number, len(e.pages))
			}
			pg.Missing = metricsOf(t.face).missingIn(shown(text), pg.Missing)
			pg.Texts = append(pg.Texts, t.drawn(text))
		}
		for _, f := range ps.fills {
			pg.Fills = append(pg.Fills, Fill{X: pt(f.x), Y: pt(f.y), W: pt(f.w), H: pt(f.h), Color: f.color})
		}
		for _, r := range ps.rules {
			pg.Rules = append(pg.Rules, Rule{X1: pt(r.x1), Y1: pt(r.y1), X2: pt(r.x2), Y2: pt(r.y2), Width: pt(r.w), Color: r.color})
		}
		out[i] = pg
	}
	return out
}
