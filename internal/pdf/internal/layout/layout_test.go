package layout

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
	"github.com/rivo/uniseg"
)

// The expected numbers below are LibreOffice 7.4's, measured in
// ../shared/reference/libreoffice-layout-rules.md (section numbers cited).

func fm(t *testing.T) [4]*metrics {
	t.Helper()
	f, err := faces()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestLineMetricsMatchLibreOffice(t *testing.T) { // §1 table
	for _, c := range []struct{ size, natural, base int }{{24, 276, 224}, {26, 299, 243}, {28, 322, 262}} {
		lm := lineFor(fm(t)[Regular], c.size)
		if lm.natural != c.natural || lm.base != c.base {
			t.Errorf("size %d: natural %d base %d, want %d %d", c.size, lm.natural, lm.base, c.natural, c.base)
		}
	}
}

func TestLinePitchRules(t *testing.T) { // §1 measured values
	cases := []struct {
		size, line int
		rule       docmodel.LineRule
		pitch      int
		base       int
	}{
		{28, 276, docmodel.LineAuto, 370, 262},
		{26, 276, docmodel.LineAuto, 343, 243},
		{28, 360, docmodel.LineAuto, 483, 262},
		{24, 360, docmodel.LineExact, 360, 288},
		{24, 400, docmodel.LineAtLeast, 400, 348},
		{28, 240, docmodel.LineAtLeast, 322, 262},
	}
	for _, c := range cases {
		lm := lineFor(fm(t)[Regular], c.size)
		p, b, _ := pitch(lm, docmodel.ParaProps{Line: c.line, LineRule: c.rule})
		if p != c.pitch || b != c.base {
			t.Errorf("size %d line %d rule %d: pitch %d base %d, want %d %d", c.size, c.line, c.rule, p, b, c.pitch, c.base)
		}
	}
	for v, want := range map[int]int{250: 104, 259: 108, 264: 110, 270: 112, 276: 115, 330: 137, 360: 150} {
		if got := percent(v); got != want {
			t.Errorf("percent(%d) = %d, want %d", v, got, want)
		}
	}
}

func para(text string, size int, pp docmodel.ParaProps) *docmodel.Paragraph {
	if pp.Line == 0 {
		pp.Line = 240
	}
	rp := docmodel.RunProps{Size: size}
	return &docmodel.Paragraph{Props: pp, Mark: rp, Inlines: []docmodel.Inline{{Kind: docmodel.Text, Text: text, Props: rp}}}
}

func lineWords(lines []*line) []string {
	var out []string
	for _, ln := range lines {
		var sb strings.Builder
		for _, pc := range ln.pieces {
			sb.WriteString(pc.text)
		}
		out = append(out, strings.TrimSpace(sb.String()))
	}
	return out
}

func breakAt(t *testing.T, p *docmodel.Paragraph, width float64) []*line {
	b := &breaker{width: width, props: p.Props, defaultTab: 720, markSize: p.Mark.Size, markFace: faceFor(p.Mark)}
	return b.breakLines(toPieces(p, "1"))
}

func TestLineFitThresholdIsExact(t *testing.T) { // §4 t4d_boundary: 12 words = 6816.11 tw at 14 pt
	text := "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015 Luật sửa đổi bổ sung một số điều của Luật"
	for _, c := range []struct {
		width float64
		words int
	}{{6817, 12}, {6816, 11}} {
		for _, jc := range []docmodel.Align{docmodel.AlignLeft, docmodel.AlignBoth} {
			lines := breakAt(t, para(text, 28, docmodel.ParaProps{Align: jc}), c.width)
			if n := len(strings.Fields(lineWords(lines)[0])); n != c.words {
				t.Errorf("width %.0f align %d: %d words on line 1, want %d", c.width, jc, n, c.words)
			}
		}
	}
}

func TestBreakOpportunities(t *testing.T) { // §4 t4j_breaks
	p := para("Số 05/TTr-UBND", 28, docmodel.ParaProps{})
	w := fm(t)[Regular].width("Số 05/TTr-", 28)
	got := lineWords(breakAt(t, p, w+1))
	if got[0] != "Số 05/TTr-" || got[1] != "UBND" {
		t.Errorf("after a hyphen followed by a letter: %q", got)
	}
	w = fm(t)[Regular].width("Số 05/", 28)
	got = lineWords(breakAt(t, p, w+1))
	if got[0] != "Số" {
		t.Errorf("no break after \"/\": %q", got)
	}
	// LibreOffice breaks after a hyphen-minus before a digit (UAX #14 LB25
	// would not), never at a non-breaking hyphen (WORD-FEATURES.md §10).
	for _, c := range []struct{ text, first string }{
		{"mã số thuế 0312840639-002,", "mã số thuế 0312840639-"},
		{"năm 2023-2025", "năm 2023-"},
		{"số -2025", "số -"},
		{"mã số thuế 0312840639\u2011002,", "mã số thuế"},
	} {
		p = para(c.text, 28, docmodel.ParaProps{})
		w = fm(t)[Regular].width(shown(c.text), 28)
		if got := lineWords(breakAt(t, p, w-1)); got[0] != c.first {
			t.Errorf("%q one point too wide: first line %q, want %q", c.text, got[0], c.first)
		}
	}
	// No break before a full stop even after a space (UAX #14 LB13).
	p = para("đến ngày ....../....../", 26, docmodel.ParaProps{})
	w = fm(t)[Regular].width("đến ngày", 26)
	if got := lineWords(breakAt(t, p, w+1)); got[0] != "đến" {
		t.Errorf("\"ngày ......\" must move whole: %q", got)
	}
}

func TestJustificationWidensSpacesButNotTheLastLine(t *testing.T) { // §4 Justification
	text := strings.Repeat("Trong năm qua Ủy ban nhân dân phường đã tập trung chỉ đạo ", 4)
	lines := breakAt(t, para(text, 28, docmodel.ParaProps{Align: docmodel.AlignBoth}), 9000)
	if len(lines) < 2 {
		t.Fatalf("want several lines, got %d", len(lines))
	}
	first := lines[0]
	end := first.pieces[trailingStart(first.pieces)-1]
	if right := end.x + end.width; math.Abs(right-9000) > 0.01 {
		t.Errorf("justified line ends at %.2f, want 9000", right)
	}
	last := lines[len(lines)-1]
	space := fm(t)[Regular].width(" ", 28)
	for k := 1; k < len(last.pieces); k++ {
		if prev := last.pieces[k-1]; prev.kind == pSpace && math.Abs(last.pieces[k].x-(prev.x+prev.width)) > 0.01 {
			t.Errorf("last line's spaces widened")
		}
	}
	if space != 70 { // 0.25 em at 14 pt = 3.5 pt
		t.Errorf("space = %.2f tw, want 70", space)
	}
	// A line ending with a manual break is justified (§4).
	p := &docmodel.Paragraph{Props: docmodel.ParaProps{Align: docmodel.AlignBoth, Line: 240}, Mark: docmodel.RunProps{Size: 28},
		Inlines: []docmodel.Inline{{Kind: docmodel.Text, Text: "a b c", Props: docmodel.RunProps{Size: 28}},
			{Kind: docmodel.LineBreak, Props: docmodel.RunProps{Size: 28}},
			{Kind: docmodel.Text, Text: "d e", Props: docmodel.RunProps{Size: 28}}}}
	lines = breakAt(t, p, 5000)
	c := lines[0].pieces[4]
	if c.text != "c" || math.Abs(c.x+c.width-5000) > 0.01 {
		t.Errorf("line before a manual break not justified: %q ends at %.2f", c.text, c.x+c.width)
	}
}

func TestIndentsAndCentring(t *testing.T) { // §5
	lines := breakAt(t, para("Kính gửi", 28, docmodel.ParaProps{IndLeft: 1000, FirstLine: 720}), 9071)
	if x := lines[0].pieces[0].x; x != 1720 {
		t.Errorf("left 1000 + firstLine 720: x = %.2f", x)
	}
	lines = breakAt(t, para("abc", 28, docmodel.ParaProps{Align: docmodel.AlignCenter, FirstLine: 720}), 9071)
	w := fm(t)[Regular].width("abc", 28)
	if x := lines[0].pieces[0].x; math.Abs(x-(720+(9071-720-w)/2)) > 0.01 {
		t.Errorf("centred with first-line indent: x = %.2f", x)
	}
}

// page lays out paragraphs on a 12 pt A4 page with the rules' margins.
func layoutDoc(t *testing.T, blocks []docmodel.Block, header []docmodel.Block, titlePg bool) []*Page {
	t.Helper()
	doc := &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{{
		PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 851, HeaderDist: 567,
		TitlePage: titlePg, HeaderDefault: header, Blocks: blocks}}}
	pages, err := Layout(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

func baselineOf(t *testing.T, p *Page, word string) float64 {
	t.Helper()
	for _, tx := range p.Texts {
		if strings.HasPrefix(tx.Text, word) {
			return tx.Y
		}
	}
	t.Fatalf("%q not on the page", word)
	return 0
}

func TestParagraphSpacingIsTheLargerOfAfterAndBefore(t *testing.T) { // §2, §3 s_a, s_b, s_c
	a := para("Alpha", 24, docmodel.ParaProps{Before: 480, After: 240})
	b := para("Beta", 24, docmodel.ParaProps{Before: 120})
	pg := layoutDoc(t, []docmodel.Block{a, b}, nil, false)[0]
	if y := baselineOf(t, pg, "Alpha"); y != float64(1134+480+224)/20 {
		t.Errorf("first baseline %.2f pt, want top + before + B", y)
	}
	if d := baselineOf(t, pg, "Beta") - baselineOf(t, pg, "Alpha"); math.Abs(d-float64(276+240)/20) > 1e-9 {
		t.Errorf("baseline distance %.2f pt, want (276+240)/20", d)
	}
}

func TestPageNumberFromPageTwo(t *testing.T) { // §10
	hdr := []docmodel.Block{&docmodel.Paragraph{Props: docmodel.ParaProps{Align: docmodel.AlignCenter, Line: 240},
		Mark: docmodel.RunProps{Size: 28}, Inlines: []docmodel.Inline{{Kind: docmodel.FieldPage, Props: docmodel.RunProps{Size: 28}}}}}
	var blocks []docmodel.Block
	for i := 0; i < 60; i++ {
		blocks = append(blocks, para("Dòng thử nghiệm", 28, docmodel.ParaProps{}))
	}
	pages := layoutDoc(t, blocks, hdr, true)
	if len(pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(pages))
	}
	for _, tx := range pages[0].Texts {
		if tx.Text == "1" {
			t.Errorf("page 1 shows a number")
		}
	}
	y := baselineOf(t, pages[1], "2")
	if y != float64(567+262)/20 {
		t.Errorf("page number baseline %.2f pt, want 41.45", y)
	}
	var x float64
	for _, tx := range pages[1].Texts {
		if tx.Text == "2" {
			x = tx.X
		}
	}
	if math.Abs(x-(1701+(9354-140)/2.0)/20) > 0.01 {
		t.Errorf("page number x %.2f pt, want centred", x)
	}
	// 45 single 14 pt lines fit in 14570 tw: 14570/322 = 45.2 (§1 page bottom).
	if n := len(pages[0].Texts); n != 45 {
		t.Errorf("%d lines on page 1, want 45", n)
	}
}

func TestOrphanMovesWholeParagraph(t *testing.T) { // §8 orphan: 51 lines + a 5-line paragraph, 12 pt, 52 lines/page
	var blocks []docmodel.Block
	for i := 0; i < 51; i++ {
		blocks = append(blocks, para("x", 24, docmodel.ParaProps{WidowControl: true}))
	}
	long := strings.Repeat("lorem ipsum dolor sit amet ", 30)
	blocks = append(blocks, para(long, 24, docmodel.ParaProps{WidowControl: true}))
	pages := layoutDoc(t, blocks, nil, false)
	if len(pages) != 2 || len(pages[0].Texts) != 51 {
		t.Fatalf("orphan control: page 1 has %d texts, %d pages", len(pages[0].Texts), len(pages))
	}
}

func TestTableCellPosition(t *testing.T) { // §6: sz 4 borders, text at margin + 5 + 108, baseline top + 10 + 224
	single := &docmodel.Border{Style: "single", Size: 4}
	tbl := &docmodel.Table{Grid: []int{2500, 2500}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
		Borders: docmodel.Borders{Top: single, Left: single, Bottom: single, Right: single, InsideH: single, InsideV: single},
		Rows: []*docmodel.Row{{Cells: []*docmodel.Cell{
			{Span: 1, Blocks: []docmodel.Block{para("A1", 24, docmodel.ParaProps{})}},
			{Span: 1, Blocks: []docmodel.Block{para("B1", 24, docmodel.ParaProps{})}}}}}}
	pg := layoutDoc(t, []docmodel.Block{tbl}, nil, false)[0]
	for _, tx := range pg.Texts {
		want := float64(1701+5+108) / 20
		if tx.Text == "B1" {
			want += 2500.0 / 20
		}
		if math.Abs(tx.X-want) > 0.001 || tx.Y != float64(1134+10+224)/20 {
			t.Errorf("%s at (%.2f, %.2f), want (%.2f, %.2f)", tx.Text, tx.X, tx.Y, want, float64(1134+234)/20)
		}
	}
	// Borders: the left one is centred at the gridline + bw/2.
	found := false
	for _, r := range pg.Rules {
		if r.X1 == r.X2 && math.Abs(r.X1-float64(1701+5)/20) < 0.001 {
			found = true
		}
	}
	if !found {
		t.Errorf("no left border at the margin + bw/2")
	}
}

func TestRepeatedHeaderRowAndSplitTable(t *testing.T) { // §6: tblHeader repeated on each page
	single := &docmodel.Border{Style: "single", Size: 4}
	rows := []*docmodel.Row{{Header: true, Cells: []*docmodel.Cell{{Span: 1, Blocks: []docmodel.Block{para("HEADER", 24, docmodel.ParaProps{})}}}}}
	for i := 0; i < 80; i++ {
		rows = append(rows, &docmodel.Row{Cells: []*docmodel.Cell{{Span: 1, Blocks: []docmodel.Block{para("row", 24, docmodel.ParaProps{})}}}})
	}
	tbl := &docmodel.Table{Grid: []int{5000}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
		Borders: docmodel.Borders{Top: single, Left: single, Bottom: single, Right: single, InsideH: single}, Rows: rows}
	pages := layoutDoc(t, []docmodel.Block{tbl}, nil, false)
	if len(pages) != 2 {
		t.Fatalf("pages = %d", len(pages))
	}
	count := 0
	for _, p := range pages {
		if p.Texts[0].Text != "HEADER" {
			t.Errorf("page %d does not start with the header row", p.Number)
		}
		for _, tx := range p.Texts {
			if tx.Text == "row" {
				count++
			}
			if tx.Y*20 > 16838-1134 {
				t.Errorf("text below the bottom margin on page %d", p.Number)
			}
		}
	}
	if count != 80 {
		t.Errorf("%d body rows drawn, want 80 (nothing lost)", count)
	}
}

// unisegBreaks is lineBreaks without its fast path: uniseg alone.
func unisegBreaks(text string) []bool {
	breaks := make([]bool, len(text)+1)
	state, pos := -1, 0
	for rest := text; len(rest) > 0; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		breaks[pos] = true
	}
	return breaks
}

// TestPlainWordsBreakAsUAX14 checks lineBreaks's fast path against uniseg
// for every character it takes, next to every kind of neighbour (letter,
// digit, space, each punctuation mark), and on random strings of them.
func TestPlainWordsBreakAsUAX14(t *testing.T) {
	var alphabet []rune
	for r := rune(0); r <= 0x1EFF; r++ {
		if plainWords(string(r)) {
			alphabet = append(alphabet, r)
		}
	}
	if len(alphabet) < 300 || !plainWords("Ủy ban nhân dân phường Tân Sơn Hòa, số 05: năm 2026.") || plainWords("a-b") ||
		plainWords("a\u00a0b") || plainWords("(a)") || plainWords("a/b") || plainWords("“a”") {
		t.Fatalf("plainWords takes the wrong characters (%d)", len(alphabet))
	}
	checked := 0
	check := func(s string) {
		t.Helper()
		if !plainWords(s) {
			return // a digit after punctuation: uniseg's
		}
		checked++
		if got, want := lineBreaks(s), unisegBreaks(s); !slices.Equal(got, want) {
			t.Fatalf("%q: breaks %v, uniseg %v", s, got, want)
		}
	}
	neighbours := []string{"a", "Ư", "7", " ", "  ", ",", ".", ":", ";"}
	for _, r := range alphabet {
		c := string(r)
		for _, n := range neighbours {
			check(n + c + n)
			check(c + n + c)
			check(n + n + c + " " + c)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var sb strings.Builder
		for range 1 + rng.IntN(12) {
			if rng.IntN(3) == 0 {
				sb.WriteString(neighbours[rng.IntN(len(neighbours))])
			} else {
				sb.WriteRune(alphabet[rng.IntN(len(alphabet))])
			}
		}
		check(sb.String())
	}
	if checked < 20000 {
		t.Errorf("only %d strings took the fast path", checked)
	}
}
