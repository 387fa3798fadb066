package layout

import (
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The audit of issue 17 (testdata/lo-wrap of internal/pdf): wrapping
// around objects behind the text, wrapText sides, frames' side borders.

func TestTextWrapsAroundAnObjectBehindIt(t *testing.T) {
	// LibreOffice writes behindDoc="1" on every wrapped object it saves,
	// and wraps the text around it all the same (a07 with behindDoc 0 and
	// 1: the same PDF text positions): the lines of TestWrapSquare….
	p := photoPara()
	p.Anchors[0].Behind = true
	xs := lineStarts(wfDoc(t, []docmodel.Block{p}, nil)[0])
	for i, w := range []float64{207.5, 179.2, 179.2, 179.2, 179.2, 179.2, 179.2, 85.1} {
		if i >= len(xs) || !near(xs[i], w, 0.1) {
			t.Fatalf("line starts %.2f, LibreOffice %.2f at line %d", xs, w, i+1)
		}
	}
}

// rightPicture is photoPara's box against the right margin, the text
// allowed on side only.
func rightPicture(side docmodel.WrapSide) *docmodel.Paragraph {
	p := photoPara()
	a := p.Anchors[0]
	a.PosH = docmodel.Pos{Rel: docmodel.RelMargin, Align: "right"}
	a.Side = side
	return p
}

func TestWrapTextRightBesideARightPictureMovesTheTextBelow(t *testing.T) {
	// l2 (LibreOffice): a picture aligned right, wrapText="right": no room
	// on its right, so the paragraph starts below it.
	pg := wfDoc(t, []docmodel.Block{rightPicture(docmodel.SideRight)}, nil)[0]
	boxBottom := 56.7 + 6 + 113.4 // the page's top margin, the offset, the height
	if y := pg.Texts[0].Y; y < boxBottom {
		t.Errorf("first baseline at %.2f, above the picture's bottom %.2f", y, boxBottom)
	}
	// Allowed on the left (or either side), the lines run beside it.
	for _, side := range []docmodel.WrapSide{docmodel.SideLeft, docmodel.SideBoth, docmodel.SideLargest} {
		pg := wfDoc(t, []docmodel.Block{rightPicture(side)}, nil)[0]
		if y := pg.Texts[0].Y; y > 56.7+6+20 {
			t.Errorf("side %d: first baseline at %.2f, want beside the picture", side, y)
		}
	}
	// On the left only, a picture against the left margin puts the text below.
	p := photoPara()
	p.Anchors[0].Side = docmodel.SideLeft
	if y := wfDoc(t, []docmodel.Block{p}, nil)[0].Texts[0].Y; y < 56.7+6+113.4 {
		t.Errorf("wrapText left beside a left picture: first baseline at %.2f, above its bottom", y)
	}
}

func TestWrapOnBothSidesIsWarnedWhenBothHaveRoom(t *testing.T) {
	p := photoPara()
	a := p.Anchors[0]
	a.PosH = docmodel.Pos{Rel: docmodel.RelColumn, Offset: 3000}
	a.Where = "word/document.xml, đoạn 1"
	pg := wfDoc(t, []docmodel.Block{p}, nil)[0]
	if len(pg.Warnings) != 1 || pg.Warnings[0] != "word/document.xml, đoạn 1: chữ chỉ chạy bên rộng hơn của hình, chưa chạy cả hai bên hình (wrapText bothSides)" {
		t.Errorf("warnings %q, want the one-side wrap named", pg.Warnings)
	}
	a.Side = docmodel.SideLargest // what hoso draws: nothing to warn
	if pg := wfDoc(t, []docmodel.Block{p}, nil)[0]; len(pg.Warnings) != 0 {
		t.Errorf("largest: warnings %q", pg.Warnings)
	}
}

func TestFrameSideBordersAreDrawn(t *testing.T) {
	// §10: fixture 10's "Mẫu số 01", a frame at (450, 20) pt, 90 pt wide,
	// with a box border (0.5 pt, space 1 pt): LibreOffice strokes its
	// sides at 450.25 and 539.7, inside the frame.
	f := frame("Mẫu số 01", 1800, docmodel.Pos{Rel: docmodel.RelPage, Offset: 9000}, docmodel.Pos{Rel: docmodel.RelPage, Offset: 400},
		docmodel.HeightExact, 400)
	pp := &f.Blocks[0].(*docmodel.Paragraph).Props
	b := sideBorder(4, 1, "")
	pp.BorderTop, pp.BorderBottom, pp.BorderLeft, pp.BorderRight = b, b, b, b
	f.Inset = [4]int{30, 0, 30, 0} // the sides' room, as the reader sets it
	body := para("Nội dung", 28, docmodel.ParaProps{})
	body.Anchors = []*docmodel.Anchor{f}
	pg := wfDoc(t, []docmodel.Block{body}, nil)[0]
	var xs []float64
	for _, r := range pg.Rules {
		if r.X1 == r.X2 {
			xs = append(xs, r.X1)
		}
	}
	if len(xs) != 2 || !near(xs[0], 450.25, 0.06) || !near(xs[1], 539.75, 0.06) {
		t.Errorf("vertical strokes at %.2f, LibreOffice 450.25 and 539.7", xs)
	}
}

func TestRightAlignedTextBoxKeepsItsRightDistance(t *testing.T) {
	// a07 and its variants (LibreOffice): a 198.45 pt text box, 0.75 pt
	// outline, aligned right in the margins, has its right edge at 529.9
	// with distR 9 pt, 520.85 with 18 pt, 538.85 with none; a picture so
	// aligned stays against the margin (a05), and so does a frame (§10).
	for _, c := range []struct {
		distR int
		keep  bool
		want  float64
	}{{180, true, 529.9}, {360, true, 520.85}, {0, true, 538.85}, {180, false, 538.85}} {
		p := para("Chữ", 28, docmodel.ParaProps{})
		p.Anchors = []*docmodel.Anchor{{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 3969, H: 1701, Stroke: 15},
			PosH: docmodel.Pos{Rel: docmodel.RelMargin, Align: "right"}, PosV: docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 120},
			Wrap: docmodel.WrapSquare, Dist: [4]int{180, 72, c.distR, 72}, KeepDistR: c.keep}}
		right := 0.0
		for _, r := range wfDoc(t, []docmodel.Block{p}, nil)[0].Rules {
			right = max(right, r.X1, r.X2)
		}
		if !near(right, c.want, 0.15) {
			t.Errorf("distR %d keep %v: right edge %.2f, LibreOffice %.2f", c.distR, c.keep, right, c.want)
		}
	}
}

func TestThickBorderIsTwiceItsSize(t *testing.T) {
	// v3 (LibreOffice): a "thick" left border, sz 18 (2.25 pt), space
	// 10 pt, no indent, is stroked 4.5 pt wide at 72.85 (70.6–75.1).
	pp := docmodel.ParaProps{BorderLeft: &docmodel.Border{Style: "thick", Size: 18, Space: 10}}
	pg := wfDoc(t, []docmodel.Block{para("Đoạn có viền trái dày.", 26, pp)}, nil)[0]
	if len(pg.Rules) != 1 || !near(pg.Rules[0].X1, 72.85, 0.06) || pg.Rules[0].Width != 4.5 {
		t.Errorf("rules %+v, LibreOffice one 4.5 pt wide at 72.85", pg.Rules)
	}
}
