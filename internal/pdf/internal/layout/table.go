package layout

import (
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// tableBox is a table laid out for a column (x relative to the column).
type tableBox struct {
	t        *docmodel.Table
	rows     []*rowBox
	bottomBW int // the table's bottom border, drawn under the last row
}

// rowBox is a laid-out row.
type rowBox struct {
	r      *docmodel.Row
	height int // with its top border
	topBW  int
	cells  []*cellBox
}

// cellBox is a laid-out cell.
type cellBox struct {
	c                        *docmodel.Cell
	x, w                     int // the cell's grid box
	textX, textW             int
	mar                      docmodel.CellMargins
	top, bottom, left, right *docmodel.Border
	strips                   []slice
	contentH                 int
	rowsSpanned              int // > 1 for the first cell of a vertical merge
}

// layoutTable lays out a table: cell boxes from the grid, cell contents,
// row heights (LibreOffice's model: a row is its top border, the cells'
// top margin, content and bottom margin; the table's bottom border follows
// the last row).
func (e *engine) layoutTable(t *docmodel.Table, width int) *tableBox {
	tb := &tableBox{t: t}
	gridX := make([]int, len(t.Grid)+1)
	for i, g := range t.Grid {
		gridX[i+1] = gridX[i] + g
	}
	total := gridX[len(t.Grid)]
	// LibreOffice stretches the grid to the table's preferred width when
	// they differ (its own DOCX export rounds them apart by a twip).
	want := t.Width
	if t.WidthPct > 0 {
		want = width * t.WidthPct / 5000
	}
	if want > 0 && total > 0 && want != total {
		for i := range gridX {
			gridX[i] = (gridX[i]*want*2 + total) / (2 * total)
		}
		total = want
	}
	x0 := t.Indent
	switch t.Align {
	case docmodel.AlignCenter:
		x0 = (width - total) / 2
	case docmodel.AlignRight:
		x0 = width - total
	}
	if !t.Compat15 && len(t.Rows) > 0 && len(t.Rows[0].Cells) > 0 {
		// Before Word 2013 a table's text, not its edge, lines up with the margin.
		first := t.Rows[0].Cells[0]
		m := t.Margins
		if first.Margins != nil && first.Margins.Left >= 0 {
			m.Left = first.Margins.Left
		}
		left := t.Borders.Left
		if first.Borders.Left != nil {
			left = first.Borders.Left
		}
		x0 -= m.Left + left.Width()/2
	}
	ncols := len(t.Grid)
	for ri, r := range t.Rows {
		rb := &rowBox{r: r}
		col := 0
		for _, c := range r.Cells {
			span := c.Span
			if col+span > ncols {
				span = max(1, ncols-col)
			}
			if col >= ncols {
				break
			}
			cb := &cellBox{c: c, x: x0 + gridX[col], w: gridX[col+span] - gridX[col], rowsSpanned: 1}
			cb.top = pick(c.Borders.Top, t.Borders.Top, t.Borders.InsideH, ri == 0)
			cb.bottom = pick(c.Borders.Bottom, t.Borders.Bottom, t.Borders.InsideH, ri == len(t.Rows)-1)
			cb.left = pick(c.Borders.Left, t.Borders.Left, t.Borders.InsideV, col == 0)
			cb.right = pick(c.Borders.Right, t.Borders.Right, t.Borders.InsideV, col+span >= ncols)
			cb.mar = t.Margins
			if m := c.Margins; m != nil {
				for _, s := range []struct {
					from int
					to   *int
				}{{m.Top, &cb.mar.Top}, {m.Left, &cb.mar.Left}, {m.Bottom, &cb.mar.Bottom}, {m.Right, &cb.mar.Right}} {
					if s.from >= 0 {
						*s.to = s.from
					}
				}
			}
			cb.textX = cb.x + cb.left.Width()/2 + cb.mar.Left
			cb.textW = cb.w - cb.mar.Left - cb.mar.Right
			if c.VMerge != docmodel.VMergeContinue {
				cb.strips = e.stack(c.Blocks, max(cb.textW, 1))
				for _, s := range cb.strips {
					cb.contentH += s.h
				}
			}
			rb.topBW = max(rb.topBW, cb.top.Width())
			rb.cells = append(rb.cells, cb)
			col += span
		}
		tb.rows = append(tb.rows, rb)
	}
	// Vertical merges: the first cell spans the rows whose cell at the same
	// grid position continues it.
	for ri, rb := range tb.rows {
		for _, cb := range rb.cells {
			if cb.c.VMerge != docmodel.VMergeRestart {
				continue
			}
			for k := ri + 1; k < len(tb.rows); k++ {
				if cont := cellAt(tb.rows[k], cb.x); cont != nil && cont.c.VMerge == docmodel.VMergeContinue {
					cb.rowsSpanned++
					continue
				}
				break
			}
		}
	}
	for _, rb := range tb.rows {
		h := 0
		for _, cb := range rb.cells {
			if cb.c.VMerge == docmodel.VMergeContinue || cb.rowsSpanned > 1 {
				continue
			}
			h = max(h, cb.mar.Top+cb.contentH+cb.mar.Bottom)
		}
		if len(rb.cells) > 0 && h == 0 {
			h = rb.cells[0].mar.Top + rb.cells[0].mar.Bottom
		}
		rb.height = rb.topBW + h
		switch rb.r.HeightRule {
		case docmodel.HeightAtLeast:
			rb.height = max(rb.height, rb.r.Height)
		case docmodel.HeightExact:
			if rb.r.Height > 0 {
				rb.height = rb.r.Height
			}
		}
	}
	for ri, rb := range tb.rows {
		for _, cb := range rb.cells {
			if cb.rowsSpanned <= 1 {
				continue
			}
			span := 0
			for k := ri; k < ri+cb.rowsSpanned; k++ {
				span += tb.rows[k].height
			}
			if need := rb.topBW + cb.mar.Top + cb.contentH + cb.mar.Bottom; need > span {
				tb.rows[ri+cb.rowsSpanned-1].height += need - span
			}
		}
	}
	if n := len(tb.rows); n > 0 {
		for _, cb := range tb.rows[n-1].cells {
			tb.bottomBW = max(tb.bottomBW, cb.bottom.Width())
		}
	}
	return tb
}

// pick resolves one side of a cell's border: its own, else the table's
// outer border on the edge, else the table's inside border.
func pick(own, outer, inside *docmodel.Border, edge bool) *docmodel.Border {
	if own != nil {
		return own
	}
	if edge {
		return outer
	}
	return inside
}

func cellAt(rb *rowBox, x int) *cellBox {
	for _, cb := range rb.cells {
		if cb.x == x {
			return cb
		}
	}
	return nil
}

// drawRow emits a row (or the part of it on this page) with its top at y.
// parts holds each cell's strips to draw; height is the part's height;
// closeBottom draws a bottom border under it (end of table or page).
func (e *engine) drawRow(rb *rowBox, parts [][]slice, y, height int, closeBottom bool, x0 int) {
	for k, cb := range rb.cells {
		if cb.c.VMerge != docmodel.VMergeContinue {
			contentH := 0
			for _, s := range parts[k] {
				contentH += s.h
			}
			ty := y + rb.topBW + cb.mar.Top
			inner := height - rb.topBW - cb.mar.Top - cb.mar.Bottom
			switch cb.c.VAlign {
			case "center":
				ty += max(0, (inner-contentH)/2)
			case "bottom":
				ty += max(0, inner-contentH)
			}
			placed := len(e.pg.objects)
			for _, s := range parts[k] {
				e.emit(s, x0+cb.textX, ty)
				ty += s.h
			}
			if cb.rowsSpanned <= 1 {
				e.keepInCell(placed, float64(y), float64(y+height))
			}
		}
		x1, x2 := float64(x0+cb.x), float64(x0+cb.x+cb.w)
		if cb.c.VMerge != docmodel.VMergeContinue {
			hline(e, cb.top, x1, x2+float64(cb.right.Width()), float64(y))
		}
		vline(e, cb.left, x1, float64(y), float64(y+height))
		vline(e, cb.right, x2, float64(y), float64(y+height))
		if closeBottom {
			hline(e, cb.bottom, x1, x2+float64(cb.right.Width()), float64(y+height))
		}
	}
}

// hline strokes a border whose top edge is at y (it covers [y, y+bw]).
func hline(e *engine, b *docmodel.Border, x1, x2, y float64) {
	if !b.Visible() {
		return
	}
	w := float64(b.Width())
	e.pg.rules = append(e.pg.rules, tRule{x1: x1, x2: x2, y1: y + w/2, y2: y + w/2, w: w})
}

// vline strokes a border whose left edge is at x (it covers [x, x+bw]).
func vline(e *engine, b *docmodel.Border, x, y1, y2 float64) {
	if !b.Visible() {
		return
	}
	w := float64(b.Width())
	e.pg.rules = append(e.pg.rules, tRule{x1: x + w/2, x2: x + w/2, y1: y1, y2: y2, w: w})
}

// placeTable places a table in the body, row by row: a row that does not
// fit is split between lines (or moved whole when it must not split), and
// header rows are repeated at the top of each new page.
func (e *engine) placeTable(tb *tableBox) {
	if !e.fresh {
		e.y += e.prev.after
	}
	var headers []*rowBox
	for _, rb := range tb.rows {
		if !rb.r.Header {
			break
		}
		headers = append(headers, rb)
	}
	for ri, rb := range tb.rows {
		last := ri == len(tb.rows)-1
		e.placeRow(tb, rb, last, headers, ri < len(headers))
	}
	e.y += tb.bottomBW
	e.fresh = false
	e.prev = above{}
}

func (e *engine) placeRow(tb *tableBox, rb *rowBox, last bool, headers []*rowBox, isHeader bool) {
	parts := make([][]slice, len(rb.cells))
	for k, cb := range rb.cells {
		parts[k] = cb.strips
	}
	height := rb.height
	tableFresh := e.fresh
	for {
		extra := 0
		if last {
			extra = tb.bottomBW
		}
		// A row that does not fit on a fresh page is split even when it
		// must not split: drawn whole it would run off the page.
		if pl := e.notes.plan; e.fits(&pl, slice{fit: height + extra, notes: notesIn(parts)}, e.y) {
			e.drawRow(rb, parts, e.y, height, last, e.colLeft)
			e.addNotes(notesIn(parts), e.y+height)
			e.y += height
			e.fresh = false
			return
		}
		if !tableFresh && (rb.r.CantSplit || isHeader) {
			e.breakTable(headers, isHeader)
			tableFresh = true
			continue
		}
		// Split: each cell keeps the strips that fit; the rest goes on.
		room := e.bottom - e.y - rb.topBW
		now := make([][]slice, len(parts))
		later := make([][]slice, len(parts))
		placed, stuck, used := false, false, 0
		for k, cb := range rb.cells {
			yy := cb.mar.Top
			n, fitH := 0, 0
			// LibreOffice splits a row after any line that fits: widow
			// control and keep-with-next do not hold inside a cell.
			for i, s := range parts[k] {
				if yy+s.fit > room {
					break
				}
				yy += s.h
				n, fitH = i+1, yy
			}
			if n == 0 && tableFresh && len(parts[k]) > 0 {
				n, fitH = 1, cb.mar.Top+parts[k][0].h // a strip taller than the page
			}
			if n == 0 && hasContent(parts[k]) {
				stuck = true // this cell cannot be split here
			}
			if n > 0 && hasContent(parts[k][:n]) {
				placed = true
			}
			now[k], later[k] = parts[k][:n], dropGaps(parts[k][n:])
			used = max(used, fitH)
		}
		if (!placed || stuck) && !tableFresh {
			e.breakTable(headers, false)
			tableFresh = true
			continue
		}
		partH := rb.topBW + used
		e.drawRow(rb, now, e.y, partH, true, e.colLeft)
		e.addNotes(notesIn(now), e.y+partH)
		e.y += partH
		e.breakTable(headers, isHeader) // a header row split is not repeated above its own rest
		tableFresh = true
		parts = later
		rest := 0
		for k, cb := range rb.cells {
			h := 0
			for _, s := range parts[k] {
				h += s.h
			}
			rest = max(rest, cb.mar.Top+h+cb.mar.Bottom)
		}
		height = rb.topBW + rest
	}
}

// breakTable starts a new page inside a table and repeats its header rows,
// unless they would take more than half the page (found by FuzzLayout:
// header rows taller than the page, repeated on every page, left no room
// for the rows and the table never ended).
func (e *engine) breakTable(headers []*rowBox, inHeader bool) {
	e.newPage(true)
	if inHeader {
		return
	}
	total := 0
	for _, h := range headers {
		total += h.height
	}
	if total > (e.bottom-e.y)/2 {
		return
	}
	for _, h := range headers {
		parts := make([][]slice, len(h.cells))
		for k, cb := range h.cells {
			parts[k] = cb.strips
		}
		e.drawRow(h, parts, e.y, h.height, false, e.colLeft)
		e.y += h.height
	}
}

func hasContent(ss []slice) bool {
	for _, s := range ss {
		if s.kind != sBorder || len(s.rules) > 0 {
			return true
		}
	}
	return false
}

// dropGaps removes the spacing strips a continuation starts with.
func dropGaps(ss []slice) []slice {
	for len(ss) > 0 && ss[0].kind == sBorder && len(ss[0].rules) == 0 && len(ss[0].texts) == 0 {
		ss = ss[1:]
	}
	return ss
}

// strips turns a table nested in a cell or header into strips, one per
// row (nested rows are not split).
func (tb *tableBox) strips() []slice {
	var out []slice
	for ri, rb := range tb.rows {
		e := &engine{pg: &pageState{}}
		parts := make([][]slice, len(rb.cells))
		for k, cb := range rb.cells {
			parts[k] = cb.strips
		}
		last := ri == len(tb.rows)-1
		e.drawRow(rb, parts, 0, rb.height, last, 0)
		s := slice{kind: sRow, h: rb.height, fit: rb.height, texts: e.pg.texts, rules: e.pg.rules, fills: e.pg.fills, notes: notesIn(parts), objects: e.pg.objects}
		if last {
			s.h += tb.bottomBW
		}
		out = append(out, s)
	}
	return out
}
