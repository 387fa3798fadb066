package layout

import (
	"sort"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The expected positions below are LibreOffice 7.4's, measured in
// WORD-FEATURES.md §3 (m03_tables.py, m03c_row_edges.py) and §10
// (m10_frames_borders.py, m10b_para_borders.py), written in twips from
// the page of layoutDoc (top margin 1134, left 1701, column 9354).

func bd(style string, size int, color string) *docmodel.Border {
	return &docmodel.Border{Style: style, Size: size, Color: color}
}

func cell(text string) *docmodel.Cell {
	return &docmodel.Cell{Span: 1, Blocks: []docmodel.Block{para(text, 24, docmodel.ParaProps{})}}
}

// twoRows is a 2×2 table with upper's cells' bottoms and lower's cells'
// tops set.
func twoRows(tb docmodel.Borders, upper, lower *docmodel.Border) *docmodel.Table {
	r1 := &docmodel.Row{Cells: []*docmodel.Cell{cell("A1"), cell("B1")}}
	r2 := &docmodel.Row{Cells: []*docmodel.Cell{cell("A2"), cell("B2")}}
	for _, c := range r1.Cells {
		c.Borders.Bottom = upper
	}
	for _, c := range r2.Cells {
		c.Borders.Top = lower
	}
	return &docmodel.Table{Grid: []int{2500, 2500}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
		Borders: tb, Rows: []*docmodel.Row{r1, r2}}
}

// hRules are a page's horizontal rules between y1 and y2 (points), top
// to bottom.
func hRules(p *Page, y1, y2 float64) []Rule {
	var out []Rule
	for _, r := range p.Rules {
		if r.Y1 == r.Y2 && r.Y1 >= y1 && r.Y1 <= y2 {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Y1 < out[j].Y1 })
	return out
}

var (
	red  = Color{R: 255}
	blue = Color{B: 255}
)

// The rule between two rows is one border resolved from the upper row's
// bottom and the lower row's top, stroked at the top of the lower row,
// which it pushes down by its width (§3 "The rule between two rows").
func TestRowRuleIsResolvedFromBothRows(t *testing.T) {
	single, none := bd("single", 4, ""), bd("nil", 0, "")
	type stroke struct {
		y, w float64 // centre and width, twips
		c    Color
	}
	cases := []struct {
		name         string
		tb           docmodel.Borders
		upper, lower *docmodel.Border
		want         []stroke // at the top of row 2 (1134 + 276 = 1410)
	}{
		{"excel: top nil, upper bottom single", docmodel.Borders{}, single, none, []stroke{{1415, 10, Color{}}}},
		{"upper bottom only", docmodel.Borders{}, single, nil, []stroke{{1415, 10, Color{}}}},
		{"lower top only", docmodel.Borders{}, nil, single, []stroke{{1415, 10, Color{}}}},
		{"insideH, lower top nil", docmodel.Borders{InsideH: single}, nil, none, []stroke{{1415, 10, Color{}}}},
		{"insideH, both nil", docmodel.Borders{InsideH: single}, none, none, nil},
		{"wider lower wins", docmodel.Borders{}, single, bd("single", 12, ""), []stroke{{1425, 30, Color{}}}},
		{"wider upper wins", docmodel.Borders{}, bd("single", 12, ""), single, []stroke{{1425, 30, Color{}}}},
		{"double beats single", docmodel.Borders{}, bd("double", 4, ""), single, []stroke{{1415, 10, Color{}}, {1435, 10, Color{}}}},
		{"equal: the lower's colour (red over blue)", docmodel.Borders{}, bd("single", 4, "FF0000"), bd("single", 4, "0000FF"), []stroke{{1415, 10, blue}}},
		{"equal: the lower's colour (blue over red)", docmodel.Borders{}, bd("single", 4, "0000FF"), bd("single", 4, "FF0000"), []stroke{{1415, 10, red}}},
		{"a wider insideH beats a cell's own top", docmodel.Borders{InsideH: bd("single", 12, "")}, nil, bd("single", 4, "FF0000"), []stroke{{1425, 30, Color{}}}},
	}
	for _, c := range cases {
		pg := layoutDoc(t, []docmodel.Block{twoRows(c.tb, c.upper, c.lower)}, nil, false)[0]
		got := hRules(pg, 1400.0/20, 1450.0/20)
		var bw float64
		for _, s := range c.want {
			bw = max(bw, s.y+s.w/2-1410)
		}
		// each cell strokes its stretch: two strokes per line
		if len(got) != 2*len(c.want) {
			t.Errorf("%s: %d strokes %+v, want %d lines", c.name, len(got), got, len(c.want))
			continue
		}
		for i, s := range c.want {
			for _, r := range got[2*i : 2*i+2] {
				if !near(r.Y1, s.y/20, 0.001) || !near(r.Width, s.w/20, 0.001) || r.Color != s.c {
					t.Errorf("%s: stroke %+v, want y %.2f width %.2f colour %v", c.name, r, s.y/20, s.w/20, s.c)
				}
			}
		}
		if y := baselineOf(t, pg, "A2"); !near(y, (1410+bw+224)/20, 0.001) {
			t.Errorf("%s: row 2 baseline %.2f, want %.2f (pushed down by the rule)", c.name, y, (1410+bw+224)/20)
		}
	}
}

// tallRows is a table of 8 rows of an exact 3000 tw that must not split,
// with every border single: 4 rows fit on a page, the break falls between
// rows 4 and 5, whose bottom and top are set.
func tallRows(upper, lower *docmodel.Border) *docmodel.Table {
	single := bd("single", 4, "")
	tbl := &docmodel.Table{Grid: []int{5000}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
		Borders: docmodel.Borders{Top: single, Left: single, Bottom: single, Right: single}}
	for k := 1; k <= 8; k++ {
		c := cell("r" + string(rune('0'+k)))
		if k == 4 {
			c.Borders.Bottom = upper
		}
		if k == 5 {
			c.Borders.Top = lower
		}
		tbl.Rows = append(tbl.Rows, &docmodel.Row{Height: 3000, HeightRule: docmodel.HeightExact, CantSplit: true, Cells: []*docmodel.Cell{c}})
	}
	return tbl
}

// Where a table breaks between rows, the row at the page foot is closed
// with its own bottom and the row on the next page opens with its own
// top; the room the row keeps for its top is the resolved rule's
// (§3, m03c between_upper_bottom and between_lower_top).
func TestTableBreakUsesEachRowsOwnBorders(t *testing.T) {
	redLine := bd("single", 4, "FF0000")
	for _, c := range []struct {
		name         string
		upper, lower *docmodel.Border
		footRed      bool // page 1 closes row 4 with a red rule
		topRed       bool // page 2 opens row 5 with a red rule
	}{
		{"upper bottom red, lower top nil", redLine, bd("nil", 0, ""), true, false},
		{"upper bottom nil, lower top red", bd("nil", 0, ""), redLine, false, true},
	} {
		pages := layoutDoc(t, []docmodel.Block{tallRows(c.upper, c.lower)}, nil, false)
		if len(pages) != 2 {
			t.Fatalf("%s: %d pages", c.name, len(pages))
		}
		y4 := baselineOf(t, pages[0], "r4") - 234.0/20 // row 4's top
		end := y4 + 3000.0/20
		reds := func(p *Page, y float64) int {
			n := 0
			for _, r := range hRules(p, y-1, y+1) {
				if r.Color == red {
					n++
				}
			}
			return n
		}
		if got := reds(pages[0], end+0.25); (got > 0) != c.footRed {
			t.Errorf("%s: red rule at the foot of page 1: %d strokes", c.name, got)
		}
		if got := reds(pages[1], 1134.0/20+0.25); (got > 0) != c.topRed {
			t.Errorf("%s: red rule at the top of page 2: %d strokes", c.name, got)
		}
		if y := baselineOf(t, pages[1], "r5"); !near(y, float64(1134+10+224)/20, 0.001) {
			t.Errorf("%s: row 5 baseline %.2f, want the top + the rule's width + B", c.name, y)
		}
	}
}

// A vertically merged cell is laid out over its rows: centred in
// [first row top + bw, last row bottom], or at the bottom (§3 vmerge_center,
// vmerge_bottom: LibreOffice's 103.4 and 124.6 pt lie 13.8 pt lower, under
// a paragraph); broken across pages it is top-aligned in its first row
// (m03c vmerge_across_break).
func TestMergedCellIsAlignedOverItsRows(t *testing.T) {
	merged := func(valign string, lines int) *docmodel.Table {
		single := bd("single", 4, "")
		row := func(a *docmodel.Cell, b ...docmodel.Block) *docmodel.Row {
			return &docmodel.Row{Cells: []*docmodel.Cell{a, {Span: 1, Blocks: b}}}
		}
		p := func(s string) docmodel.Block { return para(s, 24, docmodel.ParaProps{}) }
		cont := func() *docmodel.Cell { return &docmodel.Cell{Span: 1, VMerge: docmodel.VMergeContinue, VAlign: valign} }
		var b2 []docmodel.Block
		for i := 0; i < lines; i++ {
			b2 = append(b2, p("r2"))
		}
		return &docmodel.Table{Grid: []int{2500, 2500}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
			Borders: docmodel.Borders{Top: single, Left: single, Bottom: single, Right: single, InsideH: single, InsideV: single},
			Rows: []*docmodel.Row{
				row(&docmodel.Cell{Span: 1, VMerge: docmodel.VMergeRestart, VAlign: valign, Blocks: []docmodel.Block{p("M")}}, p("r1")),
				row(cont(), b2...), row(cont(), p("r3")), row(cell("x4"), p("y4"))}}
	}
	// rows 286, 10 + 2·276, 286 tw: the merge spans 1134 tw from 1134
	for _, c := range []struct {
		valign string
		want   float64
	}{{"center", 1134 + 10 + (1134-10-276)/2 + 224}, {"bottom", 1134 + 1134 - 276 + 224}, {"top", 1134 + 10 + 224}} {
		pg := layoutDoc(t, []docmodel.Block{merged(c.valign, 2)}, nil, false)[0]
		if y := baselineOf(t, pg, "M"); !near(y, c.want/20, 0.001) {
			t.Errorf("vAlign %s: M at %.2f, want %.2f", c.valign, y, c.want/20)
		}
	}
	// 60 lines in row 2: the merge breaks across pages and M stays at the top
	pages := layoutDoc(t, []docmodel.Block{merged("center", 60)}, nil, false)
	if y := baselineOf(t, pages[0], "M"); !near(y, float64(1134+10+224)/20, 0.001) {
		t.Errorf("merge broken across pages: M at %.2f, want top-aligned %.2f", y, float64(1134+10+224)/20)
	}
}

// Cell shading spans from the middle of the left border to the middle of
// the right border, and the row's height including its top border; it
// is drawn with the rule colours given (§3 "Shading", "Colours").
func TestCellShadingAndBorderColours(t *testing.T) {
	tb := twoRows(docmodel.Borders{Top: bd("single", 8, "1F3864"), Left: bd("single", 8, "1F3864"),
		Bottom: bd("single", 8, "1F3864"), Right: bd("single", 8, "1F3864"), InsideH: bd("single", 8, "FF0000"),
		InsideV: bd("single", 8, "FFFFFF")}, nil, nil)
	for _, c := range tb.Rows[0].Cells {
		c.Fill = "D9D9D9"
	}
	pg := layoutDoc(t, []docmodel.Block{tb}, nil, false)[0]
	if len(pg.Fills) != 2 {
		t.Fatalf("%d fills, want the two cells of row 1", len(pg.Fills))
	}
	f := pg.Fills[0]
	grey := Color{R: 0xD9, G: 0xD9, B: 0xD9}
	// left border 20 tw wide at 1701, inner border 20 tw at 1701+2500
	if !near(f.X, 1711.0/20, 0.001) || !near(f.X+f.W, 4211.0/20, 0.001) || !near(f.Y, 1134.0/20, 0.001) || !near(f.H, (20+276)/20.0, 0.001) || f.Color != grey {
		t.Errorf("fill %+v, want x 85.55–210.55, y 56.7, h 14.8, grey", f)
	}
	colours := map[Color]int{}
	for _, r := range pg.Rules {
		colours[r.Color]++
	}
	if colours[Color{R: 0x1F, G: 0x38, B: 0x64}] == 0 || colours[red] == 0 || colours[Color{R: 255, G: 255, B: 255}] == 0 || colours[Color{}] != 0 {
		t.Errorf("rule colours %v: want dark blue, red and white, no black", colours)
	}
}

// Tables with nothing between them are one table: one rule where they
// meet, and each keeps its own borders (§9d; Word's rule where
// LibreOffice would take the last table's table borders).
func TestAdjacentTablesAreMerged(t *testing.T) {
	single, none := bd("single", 4, ""), bd("nil", 0, "")
	all := docmodel.Borders{Top: single, Left: single, Bottom: single, Right: single, InsideH: single, InsideV: single}
	nothing := docmodel.Borders{Top: none, Left: none, Bottom: none, Right: none, InsideH: none, InsideV: none}
	one := func(b docmodel.Borders, text string) *docmodel.Table {
		return &docmodel.Table{Grid: []int{2500, 2500}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
			Borders: b, Rows: []*docmodel.Row{{Cells: []*docmodel.Cell{cell(text), cell(text)}}}}
	}
	pg := layoutDoc(t, []docmodel.Block{one(all, "A"), one(all, "B")}, nil, false)[0]
	// A: 10 + 276; the junction: one 10 tw rule; B: 276; B's bottom
	if got := hRules(pg, 0, 1000); len(got) != 6 {
		t.Errorf("%d horizontal strokes, want 3 lines of 2 (top, junction, bottom): %+v", len(got), got)
	}
	if y := baselineOf(t, pg, "B"); !near(y, float64(1134+286+10+224)/20, 0.001) {
		t.Errorf("B at %.2f, want one rule above it", y)
	}
	pg = layoutDoc(t, []docmodel.Block{one(all, "A"), one(nothing, "B")}, nil, false)[0]
	got := hRules(pg, 0, 1000)
	if len(got) != 4 || !near(got[2].Y1, float64(1134+286+5)/20, 0.001) {
		t.Errorf("bordered A over borderless B: %+v, want A's top and its bottom as the junction", got)
	}
	for _, r := range pg.Rules {
		if r.X1 == r.X2 && r.Y2 > float64(1134+286+10)/20 {
			t.Errorf("a vertical rule beside the borderless table: %+v", r)
		}
	}
}

func sideBorder(size, space int, color string) *docmodel.Border {
	return &docmodel.Border{Style: "single", Size: size, Space: space, Color: color}
}

// vRulesAt are a page's vertical rules centred at x (points).
func vRulesAt(p *Page, x float64) []Rule {
	var out []Rule
	for _, r := range p.Rules {
		if r.X1 == r.X2 && near(r.X1, x, 0.001) {
			out = append(out, r)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Y1 < out[j].Y1 })
	return out
}

// covers reports whether rules (top to bottom) cover [y1, y2] without a gap.
func covers(rules []Rule, y1, y2 float64) bool {
	at := y1
	for _, r := range rules {
		if r.Y1 > at+0.001 {
			return false
		}
		at = max(at, r.Y2)
	}
	return at >= y2-0.001
}

// Left and right borders lie outside the text: the left one's outer edge
// at indent − space − width, the right one's inner edge at the right
// indent + space; they run from the top border's top to the bottom
// border's bottom, and the top and bottom rules reach their outer edges
// (§10 side_box: 94.8 = 99.25 − 4 − 0.5, 528.35 = 524.35 + 4).
func TestParagraphSideBordersLieOutsideTheText(t *testing.T) {
	box := docmodel.ParaProps{IndLeft: 284, IndRight: 284, BorderTop: sideBorder(4, 1, ""), BorderBottom: sideBorder(4, 1, ""),
		BorderLeft: sideBorder(4, 4, ""), BorderRight: sideBorder(4, 4, "")}
	pg := layoutDoc(t, []docmodel.Block{para("Hộp bốn viền.", 24, box)}, nil, false)[0]
	left := float64(1701+284-80-10+5) / 20
	right := float64(1701+9354-284+80+5) / 20
	bottom := float64(1134+10+20+276+20+10) / 20
	for _, x := range []float64{left, right} {
		rs := vRulesAt(pg, x)
		if len(rs) != 1 || !near(rs[0].Y1, 1134.0/20, 0.001) || !near(rs[0].Y2, bottom, 0.001) || !near(rs[0].Width, 0.5, 0.001) {
			t.Errorf("side border at x %.2f: %+v, want one 0.5 pt stroke from 56.7 to %.2f", x, rs, bottom)
		}
	}
	for _, r := range hRules(pg, 0, 1000) {
		if !near(r.X1, left-0.25, 0.001) || !near(r.X2, right+0.25, 0.001) {
			t.Errorf("top/bottom rule %+v, want it from the left border's outer edge to the right one's", r)
		}
	}
	if x := pg.Texts[0].X; !near(x, float64(1701+284)/20, 0.001) {
		t.Errorf("text at %.2f, want at its indent", x)
	}
	// a 3 pt grey bar, space 8 pt, at a 567 tw indent: stroked at 103.9
	bar := docmodel.ParaProps{IndLeft: 567, BorderLeft: sideBorder(24, 8, "808080")}
	pg = layoutDoc(t, []docmodel.Block{para("Viền trái.", 24, bar)}, nil, false)[0]
	if rs := vRulesAt(pg, float64(1701+567-160-60+30)/20); len(rs) != 1 || rs[0].Color != (Color{R: 0x80, G: 0x80, B: 0x80}) || !near(rs[0].Width, 3, 0.001) {
		t.Errorf("left bar: %+v, want a 3 pt grey stroke at 103.9", rs)
	}
}

// The between border separates paragraphs of one group: after the first
// one's bottom-border space, the rule, then the between border's space
// (§10 between_tb_s4: 72.0 + 1, rule 0.5, + 4 + 11.2 = 88.7; between_only_s4:
// the rule right under the line).
func TestBetweenBorderSeparatesAGroup(t *testing.T) {
	for _, c := range []struct {
		name        string
		top, bottom *docmodel.Border
		ruleTop     float64 // twips below the first line's bottom
	}{{"with top and bottom borders", sideBorder(4, 1, ""), sideBorder(4, 1, ""), 20}, {"between only", nil, nil, 0}} {
		pp := docmodel.ParaProps{BorderTop: c.top, BorderBottom: c.bottom, BorderBetween: sideBorder(4, 4, "")}
		pg := layoutDoc(t, []docmodel.Block{para("Đoạn 1.", 24, pp), para("Đoạn 2.", 24, pp)}, nil, false)[0]
		line1 := baselineOf(t, pg, "Đoạn 1.")*20 - 224 + 276
		rule := line1 + c.ruleTop + 5
		if len(hRules(pg, (rule-1)/20, (rule+1)/20)) != 1 {
			t.Errorf("%s: no between rule at %.2f: %+v", c.name, rule/20, pg.Rules)
		}
		if y := baselineOf(t, pg, "Đoạn 2."); !near(y, (rule+5+80+224)/20, 0.001) {
			t.Errorf("%s: second paragraph at %.2f, want %.2f", c.name, y, (rule+5+80+224)/20)
		}
		if n := len(hRules(pg, 0, 1000)); c.top != nil && n != 3 || c.top == nil && n != 1 {
			t.Errorf("%s: %d horizontal rules: the group has one top, one between, one bottom", c.name, n)
		}
	}
}

// A group's side borders and shading run on through the spacing between
// its paragraphs; a paragraph alone is painted over its lines only, not
// its spacing (§10 left_group_after240, shd_group_after120, shd_plain).
func TestGroupsArePaintedThroughTheirSpacing(t *testing.T) {
	bar := docmodel.ParaProps{IndLeft: 567, After: 240, BorderLeft: sideBorder(24, 8, "")}
	pg := layoutDoc(t, []docmodel.Block{para("Đoạn 1.", 24, bar), para("Đoạn 2.", 24, bar)}, nil, false)[0]
	end := float64(1134+276+240+276) / 20
	if rs := vRulesAt(pg, float64(1701+567-160-60+30)/20); !covers(rs, 1134.0/20, end) || rs[len(rs)-1].Y2 > end+0.001 {
		t.Errorf("the bar %+v does not run from 56.7 to %.2f", rs, end)
	}
	shd := docmodel.ParaProps{After: 120, Fill: "D9D9D9"}
	pg = layoutDoc(t, []docmodel.Block{para("Đoạn 1.", 24, shd), para("Đoạn 2.", 24, shd)}, nil, false)[0]
	top, bottom := pg.Fills[0].Y, pg.Fills[len(pg.Fills)-1].Y+pg.Fills[len(pg.Fills)-1].H
	gapless := true
	for i := 1; i < len(pg.Fills); i++ {
		gapless = gapless && near(pg.Fills[i].Y, pg.Fills[i-1].Y+pg.Fills[i-1].H, 0.001)
	}
	if !gapless || !near(top, 1134.0/20, 0.001) || !near(bottom, float64(1134+276+120+276)/20, 0.001) {
		t.Errorf("group shading %+v, want 56.7 to %.2f without a gap", pg.Fills, float64(1134+276+120+276)/20)
	}
	alone := docmodel.ParaProps{Before: 240, After: 240, Fill: "D9D9D9", IndLeft: 567, IndRight: 567}
	pg = layoutDoc(t, []docmodel.Block{para("Trước.", 24, docmodel.ParaProps{}), para("Tô nền.", 24, alone), para("Sau.", 24, docmodel.ParaProps{})}, nil, false)[0]
	if len(pg.Fills) != 1 {
		t.Fatalf("%d fills, want 1", len(pg.Fills))
	}
	f := pg.Fills[0]
	if !near(f.Y, float64(1134+276+240)/20, 0.001) || !near(f.H, 276.0/20, 0.001) || !near(f.X, float64(1701+567)/20, 0.001) ||
		!near(f.X+f.W, float64(1701+9354-567)/20, 0.001) || f.Color != (Color{R: 0xD9, G: 0xD9, B: 0xD9}) {
		t.Errorf("shading %+v, want the indented line box 82.5–96.3 without the spacing", f)
	}
}

// A table's header rows stay at a page foot only with a line of the first
// row under them, or all of it when it must not split; otherwise the table
// starts on the next page (m03c-style case, LibreOffice hdr_50, hdr_51,
// cant_49: 52 lines of 12 pt fill a page).
func TestHeaderRowsAreNotLeftAloneAtAPageFoot(t *testing.T) {
	single := bd("single", 4, "")
	table := func(cantSplit bool) *docmodel.Table {
		three := &docmodel.Cell{Span: 1, Blocks: []docmodel.Block{para("h1a", 24, docmodel.ParaProps{}),
			para("h1b", 24, docmodel.ParaProps{}), para("h1c", 24, docmodel.ParaProps{})}}
		return &docmodel.Table{Grid: []int{4000}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
			Borders: docmodel.Borders{Top: single, Left: single, Bottom: single, Right: single, InsideH: single},
			Rows: []*docmodel.Row{{Header: true, Cells: []*docmodel.Cell{cell("TIÊU")}},
				{CantSplit: cantSplit, Cells: []*docmodel.Cell{three}}, {Cells: []*docmodel.Cell{cell("h2")}}}}
	}
	for _, c := range []struct {
		lead      int
		cantSplit bool
		page1     []string // the table's words on page 1
	}{{49, false, []string{"TIÊU", "h1a", "h1b"}}, {50, false, []string{"TIÊU", "h1a"}}, {51, false, nil}, {49, true, nil}} {
		var blocks []docmodel.Block
		for i := 0; i < c.lead; i++ {
			blocks = append(blocks, para("Dẫn", 24, docmodel.ParaProps{}))
		}
		pages := layoutDoc(t, append(blocks, table(c.cantSplit)), nil, false)
		var got []string
		for _, tx := range pages[0].Texts {
			if tx.Text != "Dẫn" {
				got = append(got, tx.Text)
			}
		}
		if strings.Join(got, " ") != strings.Join(c.page1, " ") {
			t.Errorf("%d lines before, cantSplit %v: page 1 holds %q, want %q", c.lead, c.cantSplit, got, c.page1)
		}
	}
}
