package layout

import (
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// sliceKind tells the lines of a paragraph from its border strips.
type sliceKind int

const (
	sLine sliceKind = iota
	sBorder
	sRow // a row of a table nested in a cell
)

// slice is a horizontal strip of a laid-out paragraph (or nested table
// row): the unit pages and split table rows are cut between. Positions in
// it are twips: x from the text column's left edge, y from the strip's top.
type slice struct {
	kind       sliceKind
	breakAfter bool // a manual page break follows this line
	h          int  // advance to the next strip
	fit        int  // height that must fit above the page bottom
	texts      []tText
	rules      []tRule
	fills      []tFill
	notes      []*docmodel.Note // footnotes referenced in it, in order
	objects    []tObject        // shapes, pictures and text boxes (objects.go)
	deco       *deco            // the paragraph's shading and side borders, painted over runs of strips
	// lead is, on a paragraph's first strip, the spacing placed above it:
	// objects anchored to the paragraph are measured from above it.
	lead int
}

// tText is a text in twips; a field's text is filled per page.
type tText struct {
	x      float64
	y      int // baseline
	face   Face
	sizeTw int // font size, twips
	text   string
	field  docmodel.InlineKind
	st     *runStyle // colour, spacing and scale; nil for plain text
}

// tFill is a painted rectangle in twips, top-left corner and size
// (highlight, paragraph and cell shading).
type tFill struct {
	x, y, w, h float64
	color      Color
}

// tRule is a stroke in twips.
type tRule struct {
	x1, y1, x2, y2 float64
	w              float64
	color          Color
}

// paraBox is a paragraph ready to be placed: its strips and spacing.
type paraBox struct {
	p             *docmodel.Paragraph
	slices        []slice
	before, after int
	joinTop       bool  // continues a border group: the spacing above is painted with it
	deco          *deco // nil when it has no shading and no side borders
}

// height is the paragraph's total advance.
func (pb *paraBox) height() int {
	h := 0
	for _, s := range pb.slices {
		h += s.h
	}
	return h
}

// layoutPara lays a paragraph out in a column width twips wide.
// joinTop/joinBottom say the neighbour has the same borders and shading (a
// border group: no top or bottom rule between them, the between border
// instead).
func (e *engine) layoutPara(p *docmodel.Paragraph, width int, joinTop, joinBottom bool) *paraBox {
	pp := p.Props
	b := &breaker{width: float64(width), props: pp, defaultTab: e.doc.DefaultTab, markSize: p.Mark.Size, markFace: faceFor(p.Mark)}
	pb := &paraBox{p: p, before: pp.Before, after: pp.After, joinTop: joinTop, deco: paraDeco(pp, width)}
	if pp.BeforeAuto {
		pb.before = 280
	}
	if pp.AfterAuto {
		pb.after = 280
	}
	anchors := e.prepareAnchors(pb, b, width, joinTop)
	lines := b.breakLines(toPieces(p, strconv.Itoa(max(e.number, 1))))
	left, right := pb.deco.box(pp, width)
	if top := topRule(pp, left, right, joinTop); top != nil {
		pb.slices = append(pb.slices, *top)
	}
	bottom := pp.BorderBottom.Visible() && !joinBottom
	for i, ln := range lines {
		s := slice{kind: sLine, h: ln.pitch, fit: ln.natural, breakAfter: ln.pageBreak, notes: lineNotes(ln)}
		s.texts, s.rules = lineTexts(ln)
		s.fills = lineFills(ln)
		if bottom && i == len(lines)-1 {
			s.h = ln.lm.natural // the rule sits under the natural line; the extra goes below it
			if pp.LineRule != docmodel.LineAuto {
				s.h = ln.pitch
			}
		}
		pb.slices = append(pb.slices, s)
	}
	if bottom {
		last := lines[len(lines)-1]
		extra := last.pitch - last.lm.natural
		if pp.LineRule != docmodel.LineAuto || extra < 0 {
			extra = 0
		}
		bw := pp.BorderBottom.Width()
		sp := pp.BorderBottom.Space * 20
		pb.slices = append(pb.slices, slice{kind: sBorder, h: sp + bw + extra, fit: sp + bw,
			rules: hstroke(nil, pp.BorderBottom, left, right, float64(sp))})
	}
	for i := range pb.slices {
		pb.slices[i].deco = pb.deco
	}
	e.attachObjects(pb, lines, anchors)
	return pb
}

// lineTexts turns a placed line into texts and underline strokes. Words
// of a justified line are drawn one by one; elsewhere consecutive words and
// spaces of one style make one text.
func lineTexts(ln *line) ([]tText, []tRule) {
	var texts []tText
	var rules []tRule
	justified := ln.justified
	end := trailingStart(ln.pieces)
	var cur *tText
	var curPiece *piece // the piece cur began with
	var sb strings.Builder
	flush := func() {
		if cur != nil {
			cur.text = strings.TrimRight(sb.String(), " ")
			if strings.TrimSpace(cur.text) != "" {
				texts = append(texts, *cur)
			}
			cur = nil
			sb.Reset()
		}
	}
	for k, pc := range ln.pieces[:end] {
		switch pc.kind {
		case pWord:
			if pc.obj != nil { // drawn as an object (objects.go)
				flush()
				continue
			}
			if pc.field != docmodel.Text {
				flush()
				texts = append(texts, textOf(&pc, ln.base, pc.x, pc.text))
				continue
			}
			if pc.st != nil && pc.st.kern {
				flush()
				texts = append(texts, kernedTexts(&pc, ln.base)...)
				continue
			}
			if cur == nil || !joins(&ln.pieces[k], curPiece) {
				flush()
				t := textOf(&pc, ln.base, pc.x, "")
				cur, curPiece = &t, &ln.pieces[k]
			}
			sb.WriteString(pc.text)
		case pSpace:
			if cur != nil && !justified && k+1 < end && ln.pieces[k+1].kind == pWord &&
				joins(&ln.pieces[k+1], curPiece) && (pc.st == nil || !pc.st.kern) {
				sb.WriteString(" ")
				continue
			}
			flush()
		default:
			flush()
		}
	}
	flush()
	// Underlines and strike-through, one stroke per run of marked pieces.
	for k := 0; k < end; {
		pc := ln.pieces[k]
		if !(pc.underline || pc.strike) || pc.kind == pBreak {
			k++
			continue
		}
		j := k
		for j+1 < end && ln.pieces[j+1].underline == pc.underline && ln.pieces[j+1].strike == pc.strike &&
			ln.pieces[j+1].size == pc.size {
			j++
		}
		x1, x2 := pc.x, ln.pieces[j].x+ln.pieces[j].width
		if pc.underline {
			y, w := underlinePos(pc.size)
			rules = append(rules, tRule{x1: x1, x2: x2, y1: float64(ln.base) + y, y2: float64(ln.base) + y, w: w})
		}
		if pc.strike {
			y := float64(ln.base) - float64(pc.size)*10*0.27
			rules = append(rules, tRule{x1: x1, x2: x2, y1: y, y2: y, w: float64(pc.size) * 10 * 0.05})
		}
		k = j + 1
	}
	return texts, rules
}

// underlinePos is LibreOffice's underline: its centre below the baseline
// and its thickness, in twips, derived from the font's descent on a
// 720 dpi device.
func underlinePos(size int) (y, w float64) {
	pts := float64(size) / 2
	d := int(443.0/2048*pts*10 + 0.5)
	a := int(1825.0/2048*pts*10 + 0.5)
	d2 := d
	if 3*d > a {
		d2 = a / 3
	}
	t := max(1, (25*d2+50)/100)
	return float64(d/2+1-t/2) * 2, float64(t) * 2
}
