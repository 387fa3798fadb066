package layout

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// fuzzWords are the words the generated documents are made of: Vietnamese
// words, numbers and references with the punctuation the line breaker
// treats specially, and a word as long as a cell of a three-column table
// allows.
var fuzzWords = []string{"Ủy", "ban", "nhân", "dân", "phường", "Tân", "Sơn", "Hòa", "CỘNG", "HÒA", "XÃ", "HỘI",
	"Nguyễn", "Thị", "Ánh", "quyết", "định", "số", "05/TTr-UBND", "(2023-2025)", "100%", "khen-thưởng", "a", "bb",
	"“Thi", "đua”", "Luật;", "điều,", "x.", "Thiđuayêunước", "1.234.567", "ngày", "tháng", "năm", "…"}

// docGen builds a document from fuzz bytes, one instruction a byte.
type docGen struct {
	data   []byte
	i      int
	words  []string // every word placed, in order
	props  docmodel.RunProps
	inNote bool // generating a footnote's paragraphs (no notes in notes)
}

func (g *docGen) next() int {
	if g.i >= len(g.data) {
		return 0
	}
	g.i++
	return int(g.data[g.i-1])
}

func (g *docGen) paraProps() docmodel.ParaProps {
	pp := docmodel.ParaProps{
		Align:  docmodel.Align(g.next() % 4),
		Before: g.next() % 5 * 120, After: g.next() % 5 * 120,
		Line:      240 + g.next()%5*60,
		IndLeft:   g.next() % 3 * 360,
		FirstLine: g.next()%4*360 - 360,
	}
	flags := g.next()
	pp.KeepNext, pp.KeepLines, pp.WidowControl = flags&1 != 0, flags&2 != 0, flags&4 != 0
	pp.PageBreakBefore = flags&0x38 == 0x38
	// boxed, barred and shaded paragraphs, in groups when consecutive
	switch flags >> 6 {
	case 1:
		b := &docmodel.Border{Style: "single", Size: 4, Space: 4}
		pp.BorderTop, pp.BorderBottom, pp.BorderLeft, pp.BorderRight, pp.BorderBetween = b, b, b, b, b
	case 2:
		pp.BorderLeft, pp.Fill = &docmodel.Border{Style: "double", Size: 12, Space: 8}, "F2F2F2"
	}
	return pp
}

// label gives a paragraph a list label one time in four.
func (g *docGen) label() *docmodel.ListLabel {
	if op := g.next(); op%4 == 3 {
		return &docmodel.ListLabel{Text: []string{"1.", "IV.", "Điều 12.", "•", "1.2.3."}[op/4%5], Props: g.props,
			Align: docmodel.Align(op / 32 % 3), Suffix: docmodel.Suffix(op / 96 % 3)}
	}
	return nil
}

// note reads a footnote of one to four paragraphs.
func (g *docGen) note() *docmodel.Note {
	g.inNote = true
	defer func() { g.inNote = false }()
	n := &docmodel.Note{}
	for k := 0; k < 1+g.next()%4; k++ {
		n.Blocks = append(n.Blocks, g.paragraph())
	}
	return n
}

// paragraph reads a paragraph's inlines until an end instruction.
func (g *docGen) paragraph() *docmodel.Paragraph {
	p := &docmodel.Paragraph{Props: g.paraProps(), Mark: g.props, Label: g.label()}
	for n := 0; n < 60 && g.i < len(g.data); n++ {
		switch op := g.next(); op % 16 {
		case 0:
			return p
		case 1, 2, 3, 4, 5:
			w := fuzzWords[g.next()%len(fuzzWords)]
			g.words = append(g.words, w)
			p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.Text, Text: w + " ", Props: g.props})
		case 6:
			p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.Tab, Props: g.props})
		case 7:
			p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.LineBreak, Props: g.props})
		case 8:
			if op&0x70 == 0x70 {
				p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.PageBreak, Props: g.props})
			}
		case 9:
			g.props.Bold = !g.props.Bold
		case 10:
			g.props.Italic = !g.props.Italic
		case 11:
			g.props.Size = 16 + g.next()%9*2
		case 12:
			if g.props.Underline == "" {
				g.props.Underline = "single"
			} else {
				g.props.Underline = ""
			}
		case 13:
			p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.FieldPage, Props: g.props})
		case 14:
			g.props.Caps = !g.props.Caps
		case 15:
			switch op / 16 % 3 {
			case 0:
				g.charFormat()
			case 1:
				if !g.inNote {
					rp := g.props
					rp.VertAlign = docmodel.VertAlign(1 + op/64%2)
					p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.NoteRef, Text: "1", Props: rp, Note: g.note()})
				}
			default:
				g.object(p)
			}
		}
	}
	return p
}

// charFormat changes one of the character properties beyond face and
// size: spacing, scale, kerning, position, super/subscript, font, colour
// and highlight.
func (g *docGen) charFormat() {
	switch v := g.next(); g.next() % 7 {
	case 0:
		g.props.Spacing = v%15*10 - 40
	case 1:
		g.props.Scale = []int{0, 50, 80, 150}[v%4]
	case 2:
		g.props.Kern = !g.props.Kern
	case 3:
		g.props.Position = v%25 - 12
	case 4:
		g.props.VertAlign = docmodel.VertAlign(v % 3)
	case 5:
		g.props.Font = []string{"", "Arial", "Calibri Bold", "Tahoma", ".VnTime", "Cambria"}[v%6]
	case 6:
		g.props.Color, g.props.Highlight = []string{"", "FF0000"}[v%2], []string{"", "FFFF00"}[v/2%2]
	}
}

// object adds an inline picture or an anchored line, rectangle, picture,
// group or small text box to a paragraph: anchored where the bytes say,
// with any wrap. Inline pictures are shorter than a page and boxes sit near
// the page's top, so that no text has to go below the bottom margin.
func (g *docGen) object(p *docmodel.Paragraph) {
	pic := &docmodel.Picture{Data: []byte("png"), Format: "png"}
	sh := docmodel.Shape{Kind: docmodel.ShapeKind(g.next() % 3), W: g.next() % 16 * 400, H: g.next() % 8 * 400,
		Stroke: float64(g.next() % 40), Picture: pic, VAlign: "center", HRule: docmodel.HeightRule(g.next() % 3),
		Inset: [4]int{144, 72, 144, 72}}
	if sh.Kind == docmodel.ShapeLine {
		sh.H = 0
	}
	if op := g.next(); op%5 == 0 { // a group of a line and the shape
		line := docmodel.Shape{Kind: docmodel.ShapeLine, W: sh.W, Stroke: 10}
		sh = docmodel.Shape{Kind: docmodel.ShapeGroup, W: sh.W, H: sh.H + 400, Parts: []docmodel.GroupPart{{Shape: sh}, {Y: sh.H + op%400, Shape: line}}}
	}
	op := g.next()
	if op%4 == 0 {
		p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.Object, Props: g.props, Shape: &docmodel.InlineShape{Shape: sh}})
		return
	}
	rels := []docmodel.Rel{docmodel.RelColumn, docmodel.RelParagraph, docmodel.RelPage, docmodel.RelMargin,
		docmodel.RelCharacter, docmodel.RelLine, docmodel.RelLeftMargin, docmodel.RelRightMargin, docmodel.RelTopMargin}
	aligns := []string{"", "", "left", "center", "right"}
	a := &docmodel.Anchor{Shape: sh, Wrap: docmodel.Wrap(op / 4 % 3), Behind: op&0x40 != 0, At: g.next() % 40,
		PosH: docmodel.Pos{Rel: rels[g.next()%len(rels)], Offset: g.next()*40 - 2000, Align: aligns[g.next()%len(aligns)]},
		PosV: docmodel.Pos{Rel: rels[g.next()%len(rels)], Offset: g.next()*20 - 1000, Align: aligns[g.next()%len(aligns)]},
		Dist: [4]int{g.next() * 4, g.next() * 4, g.next() * 4, g.next() * 4}}
	if a.Kind == docmodel.ShapeRect && op&0x80 != 0 {
		// A text box of a word or two at the page's top.
		a.W, a.PosV = max(a.W, 3000), docmodel.Pos{Rel: docmodel.RelPage, Offset: g.next() * 4}
		w := fuzzWords[g.next()%len(fuzzWords)]
		a.Blocks = []docmodel.Block{&docmodel.Paragraph{Props: docmodel.ParaProps{Line: 240}, Mark: g.props,
			Inlines: []docmodel.Inline{{Kind: docmodel.Text, Text: w, Props: g.props}}}}
	}
	p.Anchors = append(p.Anchors, a)
}

// table reads a table of up to three columns.
func (g *docGen) table() *docmodel.Table {
	cols := 1 + g.next()%3
	t := &docmodel.Table{Borders: docmodel.Borders{Top: line1, Bottom: line1, Left: line1, Right: line1, InsideH: line1, InsideV: line1},
		Margins: docmodel.CellMargins{Left: 108, Right: 108}}
	for c := 0; c < cols; c++ {
		t.Grid = append(t.Grid, 9000/cols)
	}
	rows := 1 + g.next()%8
	for r := 0; r < rows; r++ {
		flags := g.next()
		row := &docmodel.Row{Header: r == 0 && flags&1 != 0, CantSplit: flags&2 != 0}
		if flags&4 != 0 {
			row.Height, row.HeightRule = 200+g.next()%8*100, docmodel.HeightAtLeast
		}
		for c := 0; c < cols; c++ {
			cell := &docmodel.Cell{Span: 1}
			// borders, shading and vertical merges: flags 0x08 gives the
			// cell its own top and bottom, 0x10 shading; 0x20 continues
			// the merge of the cell above in the first column (0x40:
			// centred).
			if flags&0x08 != 0 {
				cell.Borders.Top, cell.Borders.Bottom = fuzzBorders[g.next()%len(fuzzBorders)], fuzzBorders[g.next()%len(fuzzBorders)]
			}
			if flags&0x10 != 0 {
				cell.Fill = "D9D9D9"
			}
			if c == 0 && r > 0 && flags&0x20 != 0 {
				cell.VMerge, t.Rows[r-1].Cells[0].VMerge = docmodel.VMergeContinue, max(t.Rows[r-1].Cells[0].VMerge, docmodel.VMergeRestart)
				if flags&0x40 != 0 {
					t.Rows[r-1].Cells[0].VAlign = "center"
				}
			}
			placed := len(g.words)
			for k := 0; k < 1+g.next()%3; k++ {
				cell.Blocks = append(cell.Blocks, g.paragraph())
			}
			if cell.VMerge == docmodel.VMergeContinue {
				g.words = g.words[:placed] // a continued cell's text is not drawn (nor by Word, nor LibreOffice)
			}
			row.Cells = append(row.Cells, cell)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

var line1 = &docmodel.Border{Style: "single", Size: 4}

// fuzzBorders are the cell borders the generated tables use: none, nil,
// thin, wide, double and coloured.
var fuzzBorders = []*docmodel.Border{nil, {Style: "nil"}, line1, {Style: "single", Size: 24}, {Style: "double", Size: 4},
	{Style: "single", Size: 8, Color: "FF0000"}}

// FuzzLayout lays out documents built from fuzz bytes: paragraphs of
// Vietnamese words with every paragraph property the model has, list
// labels, the character formatting (spacing, scale, kerning, raised and
// lowered text, fonts, colours), breaks, fields, footnotes, inline
// pictures, anchored shapes and text boxes with every position reference
// and wrap mode, and tables with header rows, rows that may not split and
// minimum heights. Layout must not panic or reach MaxPages (its bound on work,
// where a layout that would never end stops); every word placed comes out
// on a page (in the joined text of the pages; the parts of a word broken
// after a hyphen each); no text is set below the bottom margin (no
// generated line or row is taller than a page, so nothing overflows by
// force).
func FuzzLayout(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("\x00\x01\x02\x03\x04\x05\x01\x03\x07\x01\x09\x00"))
	f.Add([]byte(strings.Repeat("\x01\x05\x02\x07\x03\x11", 200)))
	f.Add([]byte(strings.Repeat("\xf0\x02\x03\x01\x01\x00\x00\x01\x02\x03\x01\x04\x05\x00", 60)))
	f.Add([]byte("\xf1\x02\x05\x06\x01\x11\x02\x21\x03\x31\x00\x01\x41\x00" + strings.Repeat("\x01\x12", 300)))
	f.Add([]byte(strings.Repeat("\x01\x05\x0f\x03\x00\x0f\x07\x04\x02\x0f\x05\x05\x0f\x02\x03\x0f\x02\x02\x03\x0f\x03\x01\x07", 40)))
	f.Add([]byte(strings.Repeat("\x01\x00\x00\x00\x00\x00\x00\x03\x01\x05\x1f\x03\x00\x00\x00\x00\x00\x00\x00"+
		strings.Repeat("\x01\x07", 40)+"\x00\x01\x02\x00", 40)))
	f.Add([]byte(strings.Repeat("\x01\x02\x03\x04\x05\x06\x07\x01\x2f\x01\x05\x03\x09\x02\x05\x30\x01\x21\x03\x40\x02\x10\x10\x10\x10"+
		strings.Repeat("\x01\x03", 40)+"\x2f\x02\x03\x02\x11\x01\x06\x81\x04\x03\x22\x01\x41\x05\x00\x09\x09\x09\x09\x07\x02\x00", 8)))
	f.Fuzz(func(t *testing.T, data []byte) {
		g := &docGen{data: data, props: docmodel.RunProps{Size: 26}}
		sec := &docmodel.Section{PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 1134,
			HeaderDist: 567, HeaderDefault: []docmodel.Block{&docmodel.Paragraph{Props: docmodel.ParaProps{Line: 240, Align: docmodel.AlignCenter},
				Mark: docmodel.RunProps{Size: 26}, Inlines: []docmodel.Inline{{Kind: docmodel.FieldPage, Props: docmodel.RunProps{Size: 26}}}}}}
		for len(sec.Blocks) < 400 && g.i < len(data) {
			if op := g.next(); op >= 0xf0 {
				sec.Blocks = append(sec.Blocks, g.table())
			} else {
				sec.Blocks = append(sec.Blocks, g.paragraph())
			}
		}
		doc := &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{sec}}
		// Bounded work: a document of 400 blocks is far from MaxPages,
		// where Layout stops whatever a fault would make of it.
		pages, err := Layout(doc)
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		limit := float64(sec.PageH-sec.Bottom)/20 + 0.01
		for n, pg := range pages {
			for _, tx := range pg.Texts {
				all.WriteString(tx.Text)
				if tx.Y > limit {
					t.Fatalf("page %d: %q at %.2f pt, below the bottom margin at %.2f pt", n+1, tx.Text, tx.Y, limit)
				}
			}
		}
		// A word may be broken after a hyphen, or between any two letters
		// when it is wider than its column, and the parts then lie on two
		// lines, or two pages with the header between them: each part must
		// be there.
		joined := strings.ReplaceAll(all.String(), " ", "")
		for _, w := range g.words {
			for _, part := range strings.SplitAfter(w, "-") {
				if part != "" && !onPages(joined, part) && !onPages(joined, strings.ToUpper(part)) {
					t.Fatalf("%q (of %q) is on no page", part, w)
				}
			}
		}
	})
}

// onPages reports whether word is in the pages' joined text, whole or cut
// into pieces where a line ran out (each the longest prefix of what is
// left that the text holds).
func onPages(joined, word string) bool {
	for word != "" {
		n := len(word)
		for n > 0 && !strings.Contains(joined, word[:n]) {
			_, size := utf8.DecodeLastRuneInString(word[:n])
			n -= size
		}
		if n == 0 {
			return false
		}
		word = word[n:]
	}
	return true
}

// A row that must not split but is taller than a page is split anyway:
// drawn whole it ran off the bottom of the page (found by FuzzLayout).
func TestCantSplitRowTallerThanAPageSplits(t *testing.T) {
	cell := &docmodel.Cell{Span: 1}
	for i := 0; i < 80; i++ {
		cell.Blocks = append(cell.Blocks, para("Dòng thứ trong một ô rất cao", 26, docmodel.ParaProps{}))
	}
	tbl := &docmodel.Table{Grid: []int{9000}, Rows: []*docmodel.Row{{CantSplit: true, Cells: []*docmodel.Cell{cell}}}}
	pages := layoutDoc(t, []docmodel.Block{para("Trước bảng", 26, docmodel.ParaProps{}), tbl}, nil, false)
	if len(pages) < 2 {
		t.Fatalf("%d page(s)", len(pages))
	}
	lines := 0
	for n, pg := range pages {
		for _, tx := range pg.Texts {
			if tx.Y > (16838-1134)/20.0+0.01 {
				t.Errorf("page %d: text at %.1f pt, below the bottom margin", n+1, tx.Y)
			}
			lines += strings.Count(tx.Text, "Dòng")
		}
	}
	if lines != 80 {
		t.Errorf("%d lines of the row laid out, want 80", lines)
	}
	// The row moved to a fresh page first, as a row that must not split does.
	for _, tx := range pages[0].Texts {
		if strings.Contains(tx.Text, "Dòng") {
			t.Errorf("the row started on the page of the paragraph before it")
			break
		}
	}
}

// Characters beyond the Basic Multilingual Plane (emoji) are drawn as
// U+FFFD: the fonts have none and the PDF writer crashed on them (found
// while writing FuzzDossierPDF).
func TestAstralCharactersAreDrawnAsReplacement(t *testing.T) {
	pages := layoutDoc(t, []docmodel.Block{para("Võ Thị 😀 Duyên 𝐀", 26, docmodel.ParaProps{})}, nil, false)
	var got strings.Builder
	for _, tx := range pages[0].Texts {
		got.WriteString(tx.Text)
	}
	if s := got.String(); s != "Võ Thị \uFFFD Duyên \uFFFD" {
		t.Errorf("drawn %q", s)
	}
}

// Header rows taller than half a page are not repeated on the next pages:
// repeated, a header taller than the page left no room for the rows and the
// table never ended (found by FuzzLayout).
func TestTallHeaderRowIsNotRepeated(t *testing.T) {
	head := &docmodel.Cell{Span: 1}
	for i := 0; i < 60; i++ {
		head.Blocks = append(head.Blocks, para("Tiêu đề rất dài", 26, docmodel.ParaProps{}))
	}
	rows := []*docmodel.Row{{Header: true, Cells: []*docmodel.Cell{head}}}
	for i := 0; i < 40; i++ {
		rows = append(rows, &docmodel.Row{Cells: []*docmodel.Cell{{Span: 1, Blocks: []docmodel.Block{para("Hàng", 26, docmodel.ParaProps{})}}}})
	}
	tbl := &docmodel.Table{Grid: []int{9000}, Rows: rows}
	pages := layoutDoc(t, []docmodel.Block{tbl}, nil, false) // never ended before: now MaxPages would stop it
	heads, body := 0, 0
	for n, pg := range pages {
		for _, tx := range pg.Texts {
			if tx.Y > (16838-1134)/20.0+0.01 {
				t.Errorf("page %d: text below the bottom margin", n+1)
			}
			heads += strings.Count(tx.Text, "Tiêu đề")
			body += strings.Count(tx.Text, "Hàng")
		}
	}
	if heads != 60 || body != 40 {
		t.Errorf("%d header lines and %d rows laid out, want 60 and 40 (header not repeated)", heads, body)
	}
}

// Layout lays out MaxPages pages and refuses one more, with a message for
// the clerk: the bound on its work whatever the document (a table whose
// header rows filled every page never ended, TestTallHeaderRowIsNotRepeated).
func TestLayoutStopsAtMaxPages(t *testing.T) {
	blocks := func(n int) []docmodel.Block {
		out := make([]docmodel.Block, n)
		for i := range out {
			out[i] = para("Trang", 26, docmodel.ParaProps{PageBreakBefore: i > 0})
		}
		return out
	}
	if pages := layoutDoc(t, blocks(MaxPages), nil, false); len(pages) != MaxPages {
		t.Fatalf("%d pages, want %d", len(pages), MaxPages)
	}
	doc := &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{{
		PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 851, Blocks: blocks(MaxPages + 1)}}}
	pages, err := Layout(doc)
	if err == nil || pages != nil || !strings.Contains(err.Error(), "văn bản dài hơn 10000 trang") {
		t.Errorf("%d pages past the limit, error %v", len(pages), err)
	}
}
