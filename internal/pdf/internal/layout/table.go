package layout

import (
	"math"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// tableBox is a table laid out for a column (x relative to the column):
// one table, or tables that follow each other with nothing between,
// which Word and LibreOffice draw as one (WORD-FEATURES.md §9d).
type tableBox struct {
	rows     []*rowBox
	bottomBW int // the table's bottom border, drawn under the last row
}

// rowBox is a laid-out row.
type rowBox struct {
	r      *docmodel.Row
	height int // with its top border
	topBW  int // the top border's width: the rule shared with the row above
	cells  []*cellBox
}

// cellBox is a laid-out cell.
type cellBox struct {
	c                        *docmodel.Cell
	x, w                     int // the cell's grid box
	textX, textW             int
	mar                      docmodel.CellMargins
	top, bottom, left, right *docmodel.Border // its own sides (the table's where it has none)
	fill                     string           // its shading (a continued cell: its first cell's)
	strips                   []slice
	contentH                 int
	rowsSpanned              int      // > 1 for the first cell of a vertical merge
	spanH                    int      // the height of the rows it spans
	head                     *cellBox // for a continued cell, the first cell of its merge
	spanDrawn                bool     // the first cell was last drawn over all its rows
}

// layoutTables lays out a table, or tables with nothing between them as
// one: each keeps its own grid, borders and margins, the rows meet at one
// resolved rule.
func (e *engine) layoutTables(ts []*docmodel.Table, width int) *tableBox {
	tb := &tableBox{}
	for _, t := range ts {
		tb.rows = append(tb.rows, e.tableRows(t, width)...)
	}
	tb.mergeCells()
	tb.measure()
	return tb
}

// tableRows lays out a table's cells: boxes from the grid, borders from
// the cell or the table, margins, contents.
func (e *engine) tableRows(t *docmodel.Table, width int) []*rowBox {
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
	var rows []*rowBox
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
			cb := &cellBox{c: c, x: x0 + gridX[col], w: gridX[col+span] - gridX[col], rowsSpanned: 1, fill: c.Fill}
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
			rb.cells = append(rb.cells, cb)
			col += span
		}
		rows = append(rows, rb)
	}
	return rows
}

// mergeCells links vertical merges: the first cell spans the rows whose
// cell at the same grid position continues it; a continued cell takes its
// shading.
func (tb *tableBox) mergeCells() {
	for ri, rb := range tb.rows {
		for _, cb := range rb.cells {
			if cb.c.VMerge != docmodel.VMergeRestart {
				continue
			}
			for k := ri + 1; k < len(tb.rows); k++ {
				if cont := cellAt(tb.rows[k], cb.x); cont != nil && cont.c.VMerge == docmodel.VMergeContinue {
					cb.rowsSpanned++
					cont.head, cont.fill = cb, cb.fill
					continue
				}
				break
			}
		}
	}
}

// measure sets the rows' heights (LibreOffice's model: a row is its top
// border, the cells' top margin, content and bottom margin; the table's
// bottom border follows the last row). A row's top border is the rule it
// shares with the row above, resolved from both.
func (tb *tableBox) measure() {
	var buf []edge
	for ri, rb := range tb.rows {
		var above *rowBox
		if ri > 0 {
			above = tb.rows[ri-1]
		}
		for _, cb := range rb.cells {
			buf = topEdges(buf[:0], above, cb)
			for _, ed := range buf {
				rb.topBW = max(rb.topBW, ed.b.Width())
			}
		}
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
				span = need
			}
			cb.spanH = span
		}
	}
	if n := len(tb.rows); n > 0 {
		for _, cb := range tb.rows[n-1].cells {
			tb.bottomBW = max(tb.bottomBW, cb.bottom.Width())
		}
	}
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

// edge is a stretch of a cell's top edge and the border stroked along it.
type edge struct {
	x1, x2 int
	b      *docmodel.Border
}

// topEdges appends to dst the border along the top of a cell: with no row
// above (the top of the table or of a page: measured, §3) the cell's own
// top; under a row, the upper cells' bottoms resolved against it stretch
// by stretch; none inside a vertical merge.
func topEdges(dst []edge, above *rowBox, cb *cellBox) []edge {
	x1, x2 := cb.x, cb.x+cb.w
	if above == nil {
		return append(dst, edge{x1, x2, cb.top})
	}
	if cb.c.VMerge == docmodel.VMergeContinue {
		return dst
	}
	start := len(dst)
	add := func(dst []edge, a, b int, bd *docmodel.Border) []edge {
		if n := len(dst); n > start && dst[n-1].x2 == a && sameBorder(dst[n-1].b, bd) {
			dst[n-1].x2 = b
			return dst
		}
		return append(dst, edge{a, b, bd})
	}
	at := x1
	for _, up := range above.cells {
		a, b := max(up.x, x1), min(up.x+up.w, x2)
		if b <= a {
			continue
		}
		if a > at {
			dst = add(dst, at, a, cb.top)
		}
		dst = add(dst, a, b, resolveEdge(up.bottom, cb.top))
		at = b
	}
	if at < x2 {
		dst = add(dst, at, x2, cb.top)
	}
	return dst
}

// sameBorder reports whether two borders draw the same stroke.
func sameBorder(a, b *docmodel.Border) bool {
	if !a.Visible() || !b.Visible() {
		return a.Visible() == b.Visible()
	}
	return *a == *b
}

// drawRow emits a row (or the part of it on this page) with its top at y.
// above is the row drawn just above it on this page (nil at the top of
// the table or of a page); parts holds each cell's strips to draw; height
// is the part's height; closeBottom draws the cells' bottom borders under
// it (end of table or page).
func (e *engine) drawRow(rb, above *rowBox, parts [][]slice, y, height int, closeBottom bool, x0 int) {
	for k, cb := range rb.cells {
		// A merged cell is aligned and shaded over its rows when they are
		// all on this page; broken across pages, it is top-aligned in its
		// first row (measured, §3).
		cellH, valign := height, cb.c.VAlign
		if cb.rowsSpanned > 1 {
			cb.spanDrawn = height == rb.height && y+cb.spanH <= e.bottom
			if cb.spanDrawn {
				cellH = cb.spanH
			} else {
				valign = "top"
			}
		}
		e.shadeCell(cb, x0, y, cellH)
		if cb.c.VMerge != docmodel.VMergeContinue {
			contentH := stripsHeight(parts[k])
			ty := y + rb.topBW + cb.mar.Top
			inner := cellH - rb.topBW - cb.mar.Top - cb.mar.Bottom
			switch valign {
			case "center":
				ty += max(0, (inner-contentH)/2)
			case "bottom":
				ty += max(0, inner-contentH)
			}
			placed := len(e.pg.objects)
			e.emitStrips(parts[k], x0+cb.textX, ty, 0)
			if cb.rowsSpanned <= 1 {
				e.keepInCell(placed, float64(y), float64(y+height))
			}
		}
		x1, x2 := float64(x0+cb.x), float64(x0+cb.x+cb.w)
		e.edges = topEdges(e.edges[:0], above, cb)
		for i, ed := range e.edges {
			end := float64(x0 + ed.x2)
			if i == len(e.edges)-1 {
				end += float64(cb.right.Width())
			}
			e.pg.rules = hstroke(e.pg.rules, ed.b, float64(x0+ed.x1), end, float64(y))
		}
		e.pg.rules = vstroke(e.pg.rules, cb.left, x1, float64(y), float64(y+height))
		e.pg.rules = vstroke(e.pg.rules, cb.right, x2, float64(y), float64(y+height))
		if closeBottom {
			e.pg.rules = hstroke(e.pg.rules, cb.bottom, x1, x2+float64(cb.right.Width()), float64(y+height))
		}
	}
}

// shadeCell paints a cell's shading (measured, §3): from the middle of its
// left border to the middle of its right border (the gridlines without
// borders), over the row including its top border. A continued cell is
// painted with its first cell when that was painted over all its rows.
func (e *engine) shadeCell(cb *cellBox, x0, y, h int) {
	if cb.fill == "" || (cb.head != nil && cb.head.spanDrawn) {
		return
	}
	x1 := float64(x0+cb.x) + float64(cb.left.Width())/2
	x2 := float64(x0+cb.x+cb.w) + float64(cb.right.Width())/2
	e.pg.fills = append(e.pg.fills, tFill{x: x1, y: float64(y), w: x2 - x1, h: float64(h), color: colorOf(cb.fill)})
}

// placeTable places a table in the body, row by row: a row that does not
// fit is split between lines (or moved whole when it must not split), and
// header rows are repeated at the top of each new page.
func (e *engine) placeTable(tb *tableBox) {
	if !e.fresh {
		e.y += e.prev.after
	}
	e.rowAbove = nil
	var headers []*rowBox
	for _, rb := range tb.rows {
		if !rb.r.Header {
			break
		}
		headers = append(headers, rb)
	}
	if !e.fresh && !e.headersKeepRoom(tb, headers) {
		e.newPage(true)
	}
	for ri, rb := range tb.rows {
		last := ri == len(tb.rows)-1
		e.placeRow(tb, rb, last, headers, ri < len(headers))
	}
	e.y += tb.bottomBW
	e.fresh = false
	e.prev = above{}
	e.rowAbove = nil
}

func (e *engine) placeRow(tb *tableBox, rb *rowBox, last bool, headers []*rowBox, isHeader bool) {
	parts := rb.whole()
	height := rb.height
	tableFresh := e.fresh
	for {
		extra := 0
		if last {
			extra = tb.bottomBW
		}
		// A row that does not fit on a fresh page is split even when it
		// must not split: drawn whole it would run off the page.
		if pl := e.notes.plan; e.fits(&pl, slice{fit: max(height+extra, mergedNeed(rb, parts)), notes: notesIn(parts)}, e.y) {
			e.drawRow(rb, e.rowAbove, parts, e.y, height, last, e.colLeft)
			e.addNotes(notesIn(parts), e.y+height)
			e.y += height
			e.fresh = false
			e.rowAbove = rb
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
		e.drawRow(rb, e.rowAbove, now, e.y, partH, true, e.colLeft)
		e.addNotes(notesIn(now), e.y+partH)
		e.y += partH
		e.rowAbove = nil                // closed by its own bottom borders
		e.breakTable(headers, isHeader) // a header row split is not repeated above its own rest
		tableFresh = true
		parts = later
		rest := 0
		for k, cb := range rb.cells {
			rest = max(rest, cb.mar.Top+stripsHeight(parts[k])+cb.mar.Bottom)
		}
		height = rb.topBW + rest
	}
}

// headersKeepRoom reports whether a table's header rows leave room on
// this page for the start of its first row: a line of it, or all of it
// when it must not split. LibreOffice moves the table to the next page
// rather than leave its header rows alone at a page foot (measured, §3).
func (e *engine) headersKeepRoom(tb *tableBox, headers []*rowBox) bool {
	if len(headers) == 0 || len(headers) == len(tb.rows) {
		return true
	}
	y := e.y
	for _, h := range headers {
		y += h.height
	}
	first := tb.rows[len(headers)]
	if first.r.CantSplit {
		return y+max(first.height, mergedNeed(first, first.whole())) <= e.bottom
	}
	start := 0 // the first line of every cell
	for _, cb := range first.cells {
		if ss := dropGaps(cb.strips); len(ss) > 0 {
			start = max(start, cb.mar.Top+ss[0].fit)
		}
	}
	return y+first.topBW+start <= e.bottom
}

// breakTable starts a new page inside a table and repeats its header rows,
// unless they would take more than half the page (found by FuzzLayout:
// header rows taller than the page, repeated on every page, left no room
// for the rows and the table never ended). The last row on the page is
// closed with its own bottom borders (measured, §3).
func (e *engine) breakTable(headers []*rowBox, inHeader bool) {
	if rb := e.rowAbove; rb != nil {
		for _, cb := range rb.cells {
			x1 := float64(e.colLeft + cb.x)
			e.pg.rules = hstroke(e.pg.rules, cb.bottom, x1, x1+float64(cb.w+cb.right.Width()), float64(e.y))
		}
	}
	e.newPage(true)
	e.rowAbove = nil
	if inHeader {
		return
	}
	total := 0
	for _, h := range headers {
		total += max(h.height, mergedNeed(h, h.whole()))
	}
	if total > (e.bottom-e.y)/2 {
		return
	}
	for _, h := range headers {
		e.drawRow(h, e.rowAbove, h.whole(), e.y, h.height, false, e.colLeft)
		e.y += h.height
		e.rowAbove = h
	}
}

// whole is each cell's strips: the row's parts when it is drawn whole.
func (rb *rowBox) whole() [][]slice {
	parts := make([][]slice, len(rb.cells))
	for k, cb := range rb.cells {
		parts[k] = cb.strips
	}
	return parts
}

// mergedNeed is the height a merged cell's text needs from the top of its
// first row (it runs down over the rows below): the row must not be
// drawn whole where that does not fit. 0 when the row starts no merge.
func mergedNeed(rb *rowBox, parts [][]slice) int {
	need := 0
	for k, cb := range rb.cells {
		if cb.rowsSpanned > 1 {
			need = max(need, rb.topBW+cb.mar.Top+stripsHeight(parts[k])+cb.mar.Bottom)
		}
	}
	return need
}

// stripsHeight is the height of strips one under the other.
func stripsHeight(ss []slice) int {
	h := 0
	for _, s := range ss {
		h += s.h
	}
	return h
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
	var above *rowBox
	for ri, rb := range tb.rows {
		// Nested rows are not split: a merged cell's rows follow it.
		e := &engine{pg: &pageState{}, bottom: math.MaxInt32}
		last := ri == len(tb.rows)-1
		parts := rb.whole()
		e.drawRow(rb, above, parts, 0, rb.height, last, 0)
		above = rb
		s := slice{kind: sRow, h: rb.height, fit: rb.height, texts: e.pg.texts, rules: e.pg.rules, fills: e.pg.fills, notes: notesIn(parts), objects: e.pg.objects}
		if last {
			s.h += tb.bottomBW
		}
		out = append(out, s)
	}
	return out
}
