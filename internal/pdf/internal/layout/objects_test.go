package layout

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The numbers below are LibreOffice 7.4's, measured in WORD-FEATURES.md
// §4, §7 and §10 (PDF positions on a 0.1 pt grid, text x + 0.1 pt).

// wfDoc lays blocks out on the Word-feature fixtures' page: A4, margins
// top and bottom 1134, left 1701, right 1134 tw.
func wfDoc(t *testing.T, blocks []docmodel.Block, header []docmodel.Block) []*Page {
	t.Helper()
	doc := &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{{
		PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 1134, HeaderDist: 567, FooterDist: 567,
		HeaderDefault: header, Blocks: blocks}}}
	pages, err := Layout(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// anchorPara is fixture m04's anchor paragraph: "Đoạn neo" 14 pt, 12 pt
// before, 567 tw left indent, with a and the text "Đoạn trước" (12 pt
// before) above it: its top (above its spacing) is at 84.8 pt.
func anchorPara(a *docmodel.Anchor) []docmodel.Block {
	p := para("Đoạn neo", 28, docmodel.ParaProps{Before: 240, IndLeft: 567})
	a.At = len([]rune("Đoạn neo"))
	p.Anchors = []*docmodel.Anchor{a}
	return []docmodel.Block{para("Đoạn trước", 28, docmodel.ParaProps{Before: 240}), p, para("Đoạn sau", 28, docmodel.ParaProps{})}
}

func lineAnchor(h, v docmodel.Rel) *docmodel.Anchor {
	return &docmodel.Anchor{Shape: docmodel.Shape{Kind: docmodel.ShapeLine, W: 2000, Stroke: 10},
		PosH: docmodel.Pos{Rel: h, Offset: 1000}, PosV: docmodel.Pos{Rel: v, Offset: 400}}
}

func TestAnchoredLineLandsWhereLibreOfficeDrawsIt(t *testing.T) { // §4 table: 100 pt line at (50, 20) pt
	charX := 85.05 + 28.35 + fm(t)[Regular].width("Đoạn neo", 28)/20 // the anchor character, after "Đoạn neo"
	for _, c := range []struct {
		h, v docmodel.Rel
		x, y float64
	}{
		{docmodel.RelColumn, docmodel.RelParagraph, 135.05, 104.8},
		{docmodel.RelPage, docmodel.RelPage, 50, 20},
		{docmodel.RelMargin, docmodel.RelMargin, 135.05, 76.7},
		{docmodel.RelCharacter, docmodel.RelLine, charX + 50, 116.8},
	} {
		pg := wfDoc(t, anchorPara(lineAnchor(c.h, c.v)), nil)[0]
		if len(pg.Rules) != 1 {
			t.Fatalf("%v/%v: %d rules, want the line", c.h, c.v, len(pg.Rules))
		}
		r := pg.Rules[0]
		if !near(r.X1, c.x, 0.01) || !near(r.Y1, c.y, 0.01) || !near(r.X2-r.X1, 100, 0.01) || r.Y2 != r.Y1 || r.Width != 0.5 {
			t.Errorf("%v/%v: line %+v, want from (%.2f, %.2f), 100 pt long, 0.5 pt", c.h, c.v, r, c.x, c.y)
		}
	}
	if !near(charX+50, 217.45, 0.1) {
		t.Errorf("character-relative x %.2f, LibreOffice 217.45", charX+50)
	}
}

// textBox is a 100 × 30 pt box with "Hộp" 12 pt at (50, 20) pt relative to
// column and paragraph, with a 0.75 pt outline.
func textBox(vml bool) *docmodel.Anchor {
	return &docmodel.Anchor{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 2000, H: 600, Stroke: 15, InnerStroke: vml,
		Inset: [4]int{144, 72, 144, 72}, HRule: docmodel.HeightExact, VAlign: "top",
		Blocks: []docmodel.Block{para("Hộp", 24, docmodel.ParaProps{})}},
		PosH: docmodel.Pos{Rel: docmodel.RelColumn, Offset: 1000}, PosV: docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 400}}
}

func TestTextBoxTextAndOutline(t *testing.T) { // §4: DrawingML outline on the edge, VML inside; text inset
	for _, c := range []struct {
		vml        bool
		base, x    float64 // LibreOffice: 119.6 / 142.4 and 120.1 / 142.9 (x + 0.1 pt)
		top, width float64
	}{{false, 119.6, 142.25, 104.8, 100.75}, {true, 120.35, 143.0, 104.8 + 0.375, 100}} {
		pg := wfDoc(t, anchorPara(textBox(c.vml)), nil)[0]
		var box Text
		for _, tx := range pg.Texts {
			if tx.Text == "Hộp" {
				box = tx
			}
		}
		if !near(box.Y, c.base, 0.06) || !near(box.X, c.x, 0.06) {
			t.Errorf("vml %v: text at (%.2f, %.2f), want (%.2f, %.2f)", c.vml, box.X, box.Y, c.x, c.base)
		}
		top := pg.Rules[0]
		if !near(top.Y1, c.top, 0.001) || !near(top.X2-top.X1, c.width, 0.001) || top.Width != 0.75 {
			t.Errorf("vml %v: top of the outline %+v, want at %.3f, %.2f long", c.vml, top, c.top, c.width)
		}
	}
}

// photoPara is fixture 04's paragraph beside a wrapSquare photo box:
// 85.05 × 113.4 pt at the column's left, 6 pt below the paragraph's top,
// 9 pt wrap distance, 0.5 pt outline.
func photoPara() *docmodel.Paragraph {
	p := para("Ô ảnh bên trái là một hộp văn bản neo vào đoạn này (neo theo cột và đoạn, bao chữ hình vuông), chữ của "+
		"đoạn chạy vòng bên phải nó như ô ảnh của sơ yếu lý lịch. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn "+
		"đạt 99,6%; việc tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích được triển khai rộng rãi, góp phần giảm "+
		"thời gian đi lại của người dân. Qua bình xét, Hội đồng Thi đua - Khen thưởng phường đã lựa chọn những tập thể, "+
		"cá nhân có thành tích xuất sắc, tiêu biểu, được quần chúng tín nhiệm để đề nghị cấp trên xem xét khen thưởng "+
		"theo quy định của Luật Thi đua, khen thưởng năm 2022.", 28,
		docmodel.ParaProps{Before: 120, Line: 276, FirstLine: 567, Align: docmodel.AlignBoth})
	p.Anchors = []*docmodel.Anchor{{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 1701, H: 2268, Stroke: 10},
		PosH: docmodel.Pos{Rel: docmodel.RelColumn}, PosV: docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 120},
		Wrap: docmodel.WrapSquare, Dist: [4]int{180, 0, 180, 0}}}
	return p
}

func TestWrapSquareNarrowsTheLinesBesideTheBox(t *testing.T) { // §4: lines start at box right + distR
	pg := wfDoc(t, []docmodel.Block{photoPara()}, nil)[0]
	xs := lineStarts(pg)
	// LibreOffice (x − 0.1 pt): 207.5 (first line, indented), 179.2 for
	// the next six, then the margin (the line whose top is below the box's
	// bottom).
	want := []float64{207.5, 179.2, 179.2, 179.2, 179.2, 179.2, 179.2, 85.1}
	if len(xs) < len(want)+1 {
		t.Fatalf("%d lines, want more than %d", len(xs), len(want))
	}
	for i, w := range want {
		if !near(xs[i], w, 0.1) {
			t.Errorf("line %d starts at %.2f, LibreOffice %.2f", i+1, xs[i], w)
		}
	}
}

// lineStarts is the x of the first text of every baseline, top down.
func lineStarts(pg *Page) []float64 {
	var ys []float64
	first := map[float64]float64{}
	for _, tx := range pg.Texts {
		if x, ok := first[tx.Y]; !ok || tx.X < x {
			if !ok {
				ys = append(ys, tx.Y)
			}
			first[tx.Y] = tx.X
		}
	}
	out := make([]float64, len(ys))
	for i, y := range ys {
		out[i] = first[y]
	}
	return out
}

func TestWrapTopAndBottomMovesTheLineBelowTheBox(t *testing.T) { // m04e, m04f: 45 pt box 4 pt below the paragraph's top
	for _, c := range []struct {
		name              string
		prevLine, line    int
		prevAfter, before int
		want              float64 // LibreOffice: baseline below the box's bottom
	}{
		{"single", 240, 240, 0, 0, 13.4},
		{"anchor 1.15", 240, 276, 0, 0, 15.8},
		{"above 1.15", 276, 240, 0, 0, 15.8},
		{"both 1.15", 276, 276, 0, 0, 18.2},
		{"after 6 pt above", 240, 240, 120, 0, 19.4},
		{"before 6 pt", 240, 240, 0, 120, 19.4},
		{"after 3, before 6", 240, 240, 60, 120, 19.4},
	} {
		prev := para("Đoạn trước", 28, docmodel.ParaProps{Before: 240, Line: c.prevLine, After: c.prevAfter})
		p := para("Neo một hai ba", 28, docmodel.ParaProps{Line: c.line, Before: c.before})
		p.Anchors = []*docmodel.Anchor{{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 4000, H: 900, Stroke: 10},
			PosV: docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 80}, Wrap: docmodel.WrapTopBottom}}
		pg := wfDoc(t, []docmodel.Block{prev, p, para("Đoạn sau", 28, docmodel.ParaProps{})}, nil)[0]
		bottom := pg.Rules[1].Y1 // the outline's bottom edge
		if got := baselineOf(t, pg, "Neo") - bottom; !near(got, c.want, 0.1) {
			t.Errorf("%s: baseline %.2f below the box, LibreOffice %.2f", c.name, got, c.want)
		}
	}
}

// picture is an inline picture size tw square.
func picture(size int) docmodel.Inline {
	return docmodel.Inline{Kind: docmodel.Object, Props: docmodel.RunProps{Size: 28}, Shape: &docmodel.InlineShape{
		Shape: docmodel.Shape{Kind: docmodel.ShapePicture, W: size, H: size, Picture: &docmodel.Picture{Data: []byte("x"), Format: "png"}}}}
}

func TestInlinePictureLineHeight(t *testing.T) { // §7 and m07c: a 40 pt picture after "Trước" 14 pt
	for _, c := range []struct {
		name string
		text bool
		line int
		want float64 // LibreOffice: next baseline below the picture's bottom
	}{
		{"with text", true, 240, 16.15},
		{"alone", false, 240, 13.15},
		{"alone 1.15", false, 276, 15.55},
		{"with text 1.15", true, 276, 18.55},
	} {
		p := &docmodel.Paragraph{Props: docmodel.ParaProps{Line: c.line}, Mark: docmodel.RunProps{Size: 28},
			Inlines: []docmodel.Inline{picture(800)}}
		if c.text {
			p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.Text, Text: " chữ", Props: docmodel.RunProps{Size: 28}})
		}
		pg := wfDoc(t, []docmodel.Block{para("Trước", 28, docmodel.ParaProps{}), p, para("Sau", 28, docmodel.ParaProps{})}, nil)[0]
		if len(pg.Images) != 1 {
			t.Fatalf("%s: %d images", c.name, len(pg.Images))
		}
		im := pg.Images[0]
		if !near(im.Y, 72.75, 0.06) || im.W != 40 || im.H != 40 || im.X != 85.05 {
			t.Errorf("%s: picture at %+v, LibreOffice (85.05, 72.75) 40 × 40", c.name, im)
		}
		if got := baselineOf(t, pg, "Sau") - (im.Y + im.H); !near(got, c.want, 0.06) {
			t.Errorf("%s: next baseline %.2f below the picture, LibreOffice %.2f", c.name, got, c.want)
		}
	}
}

func TestAnchoredPictureStaysInsideItsCell(t *testing.T) { // m07b: picture at paragraph - 10 pt in a cell's last paragraph
	for _, c := range []struct {
		size int
		want float64 // LibreOffice's top of the picture
	}{{2268, 72.75}, {400, 127.15}} { // taller than the cell: at its top; small: where anchored
		var content []docmodel.Block
		for i := range 4 {
			content = append(content, para("Dòng "+string(rune('0'+i)), 28, docmodel.ParaProps{}))
		}
		seal := &docmodel.Paragraph{Props: docmodel.ParaProps{Line: 240}, Mark: docmodel.RunProps{Size: 4}}
		seal.Anchors = []*docmodel.Anchor{{Shape: docmodel.Shape{Kind: docmodel.ShapePicture, W: c.size, H: c.size,
			Picture: &docmodel.Picture{Data: []byte("x"), Format: "png"}}, Behind: true,
			PosH: docmodel.Pos{Rel: docmodel.RelColumn, Offset: 200}, PosV: docmodel.Pos{Rel: docmodel.RelParagraph, Offset: -200}}}
		content = append(content, seal, para("Cuối", 28, docmodel.ParaProps{}))
		tbl := &docmodel.Table{Grid: []int{4000, 5071}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
			Rows: []*docmodel.Row{{Cells: []*docmodel.Cell{{Span: 1, Blocks: []docmodel.Block{para("Trái", 28, docmodel.ParaProps{})}},
				{Span: 1, Blocks: content}}}}}
		pg := wfDoc(t, []docmodel.Block{para("Trước", 28, docmodel.ParaProps{}), tbl}, nil)[0]
		if im := pg.Images[0]; !near(im.Y, c.want, 0.06) || !near(im.X, 85.05+200+5.4+10, 0.01) {
			t.Errorf("%d tw picture at (%.2f, %.2f), LibreOffice (300.45, %.2f)", c.size, im.X, im.Y, c.want)
		}
	}
}

// frame is a frame's anchor as the reader makes it.
func frame(text string, w int, h, v docmodel.Pos, hRule docmodel.HeightRule, height int) *docmodel.Anchor {
	return &docmodel.Anchor{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: w, H: height, HRule: hRule, VAlign: "top",
		Blocks: []docmodel.Block{para(text, 24, docmodel.ParaProps{Align: docmodel.AlignCenter})}},
		PosH: h, PosV: v, Wrap: docmodel.WrapSquare, Dist: [4]int{180, 0, 180, 0}}
}

func TestFramesArePlacedOutOfTheFlow(t *testing.T) { // §10
	body := para(strings.Repeat("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 99,6%. ", 6), 28,
		docmodel.ParaProps{Before: 120, Line: 276, FirstLine: 567, Align: docmodel.AlignBoth})
	body.Anchors = []*docmodel.Anchor{
		frame("Mẫu số 01", 1800, docmodel.Pos{Rel: docmodel.RelPage, Offset: 9000}, docmodel.Pos{Rel: docmodel.RelPage, Offset: 400},
			docmodel.HeightExact, 400),
		frame("Khung neo theo lề", 2835, docmodel.Pos{Rel: docmodel.RelMargin, Align: "right"},
			docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 1}, docmodel.HeightAuto, 0),
	}
	pg := wfDoc(t, []docmodel.Block{body}, nil)[0]
	var mau, khung Text
	for _, tx := range pg.Texts {
		switch {
		case strings.HasPrefix(tx.Text, "Mẫu"):
			mau = tx
		case strings.HasPrefix(tx.Text, "Khung"):
			khung = tx
		}
	}
	w := fm(t)[Regular].width("Mẫu số 01", 24) / 20
	if !near(mau.Y, 31.2, 0.06) || !near(mau.X, 450+(90-w)/2, 0.01) {
		t.Errorf("page frame text at (%.2f, %.2f), LibreOffice centred in 450–540, baseline 31.2", mau.X, mau.Y)
	}
	if kw := fm(t)[Regular].width("Khung neo theo lề", 24) / 20; !near(khung.X, 538.6-141.75+(141.75-kw)/2, 0.01) {
		t.Errorf("margin frame text at x %.2f, want centred in 396.85–538.6 (LibreOffice 396.9–538.55)", khung.X)
	}
	// The body's lines beside the frame end before frame left - 9 pt.
	for _, tx := range pg.Texts {
		if tx.Size == 14 && tx.Y < khung.Y+14 {
			end := tx.X + fm(t)[tx.Face].width(tx.Text, 28)/20
			if end > 387.9+0.01 {
				t.Errorf("body text %q beside the frame ends at %.2f, past 387.9", tx.Text, end)
			}
		}
	}
	if len(pg.Warnings) != 0 {
		t.Errorf("warnings %q: a frame in the top margin covers no text", pg.Warnings)
	}
}

func TestObjectInAHeaderCellFollowsTheCell(t *testing.T) {
	// A rule under the company name, anchored in a header table's second
	// cell: drawn from that cell's text left + offset on every page (the
	// row is a strip of the header, placed again on each page).
	cell := para("CÔNG TY", 26, docmodel.ParaProps{})
	cell.Anchors = []*docmodel.Anchor{lineAnchor(docmodel.RelColumn, docmodel.RelParagraph)}
	tbl := &docmodel.Table{Grid: []int{3000, 6071}, Compat15: true, Margins: docmodel.CellMargins{Left: 108, Right: 108},
		Rows: []*docmodel.Row{{Cells: []*docmodel.Cell{{Span: 1, Blocks: []docmodel.Block{para("Logo", 26, docmodel.ParaProps{})}},
			{Span: 1, Blocks: []docmodel.Block{cell}}}}}}
	var blocks []docmodel.Block
	for range 60 {
		blocks = append(blocks, para("Dòng", 28, docmodel.ParaProps{}))
	}
	pages := wfDoc(t, blocks, []docmodel.Block{tbl})
	if len(pages) < 2 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, pg := range pages {
		if len(pg.Rules) != 1 || !near(pg.Rules[0].X1, (1701+3000+108+1000)/20.0, 0.01) || !near(pg.Rules[0].Y1, (567+400)/20.0, 0.01) {
			t.Errorf("page %d: rules %+v, want the line at (%.2f, %.2f)", i+1, pg.Rules, (1701+3000+108+1000)/20.0, (567+400)/20.0)
		}
	}
}

func TestTextThatCannotWrapIsWarned(t *testing.T) {
	p := para("Đoạn có hình neo theo trang.", 28, docmodel.ParaProps{})
	p.Anchors = []*docmodel.Anchor{{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 2000, H: 2000, Stroke: 10},
		PosH: docmodel.Pos{Rel: docmodel.RelPage, Offset: 3000}, PosV: docmodel.Pos{Rel: docmodel.RelPage, Offset: 3000},
		Wrap: docmodel.WrapSquare, Where: "word/document.xml, đoạn 1"}}
	pg := wfDoc(t, []docmodel.Block{p}, nil)[0]
	if len(pg.Warnings) != 1 || !strings.HasPrefix(pg.Warnings[0], "word/document.xml, đoạn 1: chữ chưa bao quanh") {
		t.Errorf("warnings %q, want one naming the paragraph", pg.Warnings)
	}
}

func TestGroupPartsLandWhereLibreOfficeDrawsThem(t *testing.T) { // m04c
	box := docmodel.Shape{Kind: docmodel.ShapeRect, W: 2000, H: 600, Stroke: 10, HRule: docmodel.HeightExact, VAlign: "top",
		Blocks: []docmodel.Block{para("Hộp", 24, docmodel.ParaProps{})}}
	line := docmodel.Shape{Kind: docmodel.ShapeLine, W: 2000, Stroke: 10}
	g := &docmodel.Anchor{Shape: docmodel.Shape{Kind: docmodel.ShapeGroup, W: 4000, H: 1000, Parts: []docmodel.GroupPart{
		{Shape: line}, {X: 2000, Y: 1000, Shape: line}, {X: 2000, Shape: box}}},
		PosH: docmodel.Pos{Rel: docmodel.RelColumn, Offset: 1000}, PosV: docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 400}}
	pg := wfDoc(t, anchorPara(g), nil)[0]
	var lines [][2]float64
	for _, r := range pg.Rules {
		if r.Y1 == r.Y2 && near(r.X2-r.X1, 100, 0.01) {
			lines = append(lines, [2]float64{r.X1, r.Y1})
		}
	}
	// LibreOffice: lines from (135.05, 104.8) and (235.05, 154.8); the
	// box's text at (235.2, 116.0): no inset (x + 0.1 pt on its grid).
	if len(lines) != 2 || lines[0] != [2]float64{135.05, 104.8} || !near(lines[1][0], 235.05, 0.01) || !near(lines[1][1], 154.8, 0.01) {
		t.Errorf("the group's lines %v", lines)
	}
	found := false
	for _, tx := range pg.Texts {
		if tx.Text == "Hộp" {
			found = true
			if !near(tx.X, 235.1, 0.06) || !near(tx.Y, 116.0, 0.06) {
				t.Errorf("the group's text at (%.2f, %.2f), LibreOffice (235.1, 116.0)", tx.X, tx.Y)
			}
		}
	}
	if !found {
		t.Error("the group's text box text is not drawn")
	}
}
