package docxread

import (
	"slices"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Frames (w:framePr): adjacent paragraphs with the same frame properties
// form one frame, placed at a position of its own like a text box and
// anchored to the paragraph that follows it (its vertical position "text"
// is measured from that paragraph's top). They are read as ordinary
// paragraphs first, then taken out of the flow by frames once the blocks
// around them are known.

// frameInfo is a framed paragraph's w:framePr.
type frameInfo struct {
	key   string // the attributes: adjacent paragraphs with equal keys share a frame
	fp    *etree.Element
	where string
	// sides is the room its left and right borders take (space and
	// width): the frame's width holds them, its text is narrower
	// (LibreOffice draws them inside the frame, §10).
	sides [2]int
}

// noteFrame records that a paragraph is in a frame. A drop cap stays an
// ordinary paragraph (warned).
func (r *reader) noteFrame(p *docmodel.Paragraph, pPr, fp *etree.Element, where string) {
	if dc := fp.SelectAttrValue("w:dropCap", "none"); dc != "none" {
		r.warn(where, "chữ hoa thả (drop cap) được in như chữ thường trong PDF")
		return
	}
	var attrs []string
	for _, a := range fp.Attr {
		attrs = append(attrs, a.FullKey()+"="+a.Value)
	}
	slices.Sort(attrs)
	if r.framed == nil {
		r.framed = map[*docmodel.Paragraph]*frameInfo{}
	}
	fi := &frameInfo{key: strings.Join(attrs, " "), fp: fp, where: where}
	if bd := pPr.SelectElement("w:pBdr"); bd != nil {
		for i, side := range []string{"w:left", "w:right"} {
			if e := bd.SelectElement(side); e != nil {
				b := border(e)
				fi.sides[i] = b.Width() + b.Space*20
			}
		}
	}
	r.framed[p] = fi
}

// frames takes the framed paragraphs out of blocks: each run of them with
// the same properties becomes an anchored box on the next paragraph (the
// previous one when no paragraph follows).
func (r *reader) frames(blocks []docmodel.Block) []docmodel.Block {
	if len(r.framed) == 0 || r.inBox > 0 { // a frame in a text box stays a paragraph (leftoverFrames)
		return blocks
	}
	type pending struct {
		a   *docmodel.Anchor
		pos int // index in out of the paragraph before it, -1 for none
	}
	var out []docmodel.Block
	var waiting []pending
	for i := 0; i < len(blocks); {
		p, ok := blocks[i].(*docmodel.Paragraph)
		fi := r.framed[p]
		if !ok || fi == nil {
			if q, ok := blocks[i].(*docmodel.Paragraph); ok {
				for _, w := range waiting {
					q.Anchors = append(q.Anchors, w.a)
				}
				waiting = nil
			}
			out = append(out, blocks[i])
			i++
			continue
		}
		var content []docmodel.Block
		var sides [2]int
		for i < len(blocks) {
			q, ok := blocks[i].(*docmodel.Paragraph)
			if !ok || r.framed[q] == nil || r.framed[q].key != fi.key {
				break
			}
			sides = [2]int{max(sides[0], r.framed[q].sides[0]), max(sides[1], r.framed[q].sides[1])}
			delete(r.framed, q)
			content = append(content, q)
			i++
		}
		a := r.frameAnchor(fi, content)
		a.Inset[0], a.Inset[2] = sides[0], sides[1]
		waiting = append(waiting, pending{a: a, pos: lastParagraph(out)})
	}
	for _, w := range waiting { // nothing follows: the paragraph before
		if w.pos < 0 {
			r.warn(w.a.Where, "khung (frame) không có đoạn nào để neo: không in")
			continue
		}
		q := out[w.pos].(*docmodel.Paragraph)
		q.Anchors = append(q.Anchors, w.a)
	}
	return out
}

// lastParagraph is the index of the last paragraph of blocks, -1 if none.
func lastParagraph(blocks []docmodel.Block) int {
	for i := len(blocks) - 1; i >= 0; i-- {
		if _, ok := blocks[i].(*docmodel.Paragraph); ok {
			return i
		}
	}
	return -1
}

// frameAnchor makes a frame's paragraphs an anchored box.
func (r *reader) frameAnchor(fi *frameInfo, content []docmodel.Block) *docmodel.Anchor {
	fp := fi.fp
	tw := func(k string) int { v, _ := twips(fp, k); return clampExtent(v) }
	a := &docmodel.Anchor{Where: fi.where}
	a.Kind, a.Blocks, a.VAlign = docmodel.ShapeRect, content, "top"
	a.W, a.H = max(tw("w:w"), 0), max(tw("w:h"), 0)
	switch fp.SelectAttrValue("w:hRule", "auto") {
	case "exact":
		a.HRule = docmodel.HeightExact
	case "atLeast":
		a.HRule = docmodel.HeightAtLeast
	default:
		a.HRule = docmodel.HeightAuto
	}
	if a.W == 0 {
		r.warn(fi.where, "khung (frame) không ghi bề rộng: PDF dàn bằng bề rộng cột")
	}
	hs, vs := max(tw("w:hSpace"), 0), max(tw("w:vSpace"), 0)
	a.Dist = [4]int{hs, vs, hs, vs}
	a.PosH = docmodel.Pos{Rel: frameRel(fp.SelectAttrValue("w:hAnchor", "text"), docmodel.RelColumn), Offset: tw("w:x"),
		Align: frameAlign(fp.SelectAttrValue("w:xAlign", ""))}
	a.PosV = docmodel.Pos{Rel: frameRel(fp.SelectAttrValue("w:vAnchor", "text"), docmodel.RelParagraph), Offset: tw("w:y"),
		Align: frameAlign(fp.SelectAttrValue("w:yAlign", ""))}
	switch fp.SelectAttrValue("w:wrap", "around") {
	case "none":
		a.Wrap = docmodel.WrapNone
	case "notBeside":
		a.Wrap = docmodel.WrapTopBottom
	default:
		a.Wrap = docmodel.WrapSquare
	}
	return a
}

// frameRel maps a frame's hAnchor or vAnchor; "text" is the column
// (horizontally) or the anchor paragraph (vertically).
func frameRel(s string, text docmodel.Rel) docmodel.Rel {
	switch s {
	case "page":
		return docmodel.RelPage
	case "margin":
		return docmodel.RelMargin
	}
	return text
}

// frameAlign maps xAlign and yAlign to an alignment; inside and outside
// are taken as on an odd page.
func frameAlign(s string) string {
	switch s {
	case "left", "inside":
		return "left"
	case "right", "outside":
		return "right"
	case "top", "bottom", "center":
		return s
	}
	return ""
}

// leftoverFrames warns about framed paragraphs that stayed in the flow
// (in table cells and text boxes).
func (r *reader) leftoverFrames() {
	var where []string
	for _, fi := range r.framed {
		where = append(where, fi.where)
	}
	slices.Sort(where)
	for _, w := range where {
		r.warn(w, "khung (frame) trong ô bảng hoặc hộp văn bản chưa được hỗ trợ: dàn như đoạn thường")
	}
}
