package layout

import (
	"math"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Shapes, text boxes, frames and pictures (WORD-FEATURES.md §4, §7, §10):
// anchored ones at the positions their anchors give, inline ones on their
// line's baseline. A paragraph's objects ride on its strips (slice.objects)
// with positions relative to the strip until the strip is placed (emit);
// positions relative to the page or its margins are resolved when the
// pages are finished (drawObjects), where every object becomes fills,
// images, strokes and the texts of its box.

// objectChar stands for an inline object in a paragraph's text: the
// object replacement character (a line may break on either side).
const objectChar = "\uFFFC"

// laidAbove is what a paragraph laid out after another in the same
// column needs of it to place the lines it moves below an object.
type laidAbove struct {
	after int // its spacing after
	extra int // its last line's spacing beyond the natural height
}

// tObject is a drawn object in twips.
type tObject struct {
	shape *docmodel.Shape
	// hRel, vRel say what x and y are measured from: RelColumn and
	// RelParagraph mean the strip that carries the object (its left edge,
	// its top); each placement of the strip (emit) adds the strip's
	// position, so that on a finished page they are page positions.
	hRel, vRel     docmodel.Rel
	hAlign, vAlign string // alignment in the reference area ("" places by x, y)
	x, y           float64
	w, h           float64
	// lead says y is measured from the paragraph's top, above the
	// spacing before its first strip (slice.lead).
	lead bool
	// follow says the object is a picture anchored to its paragraph: in a
	// table cell it is kept inside the cell (keepInCell).
	follow bool
	inner  *pageState // a box's text, relative to the box's top-left corner
	where  string
	keepR  float64 // aligned right, the room it keeps from the right edge (Anchor.KeepDistR)
}

// anchorObject is an anchored object of a paragraph being laid out.
type anchorObject struct {
	a   *docmodel.Anchor
	obj tObject
}

// prepareAnchors lays out the content of a paragraph's anchored objects,
// resolves what it can of their positions in a column width twips wide,
// and gives the breaker the objects the text wraps around.
func (e *engine) prepareAnchors(pb *paraBox, b *breaker, width int, joinTop bool) []anchorObject {
	p := pb.p
	if len(p.Anchors) == 0 {
		return nil
	}
	out := make([]anchorObject, 0, len(p.Anchors))
	var bands []band
	for _, a := range p.Anchors {
		o := e.shapeObject(&a.Shape, width, a.Where)
		o.hRel, o.vRel, o.hAlign, o.vAlign = a.PosH.Rel, a.PosV.Rel, a.PosH.Align, a.PosV.Align
		o.x, o.y = float64(a.PosH.Offset), float64(a.PosV.Offset)
		if a.KeepDistR {
			o.keepR = float64(a.Dist[2])
		}
		switch o.hRel {
		case docmodel.RelColumn, docmodel.RelCharacter:
			o.x = o.alignH(float64(width))
			o.hAlign = ""
		}
		if o.vRel == docmodel.RelParagraph {
			o.vAlign, o.lead, o.follow = "", true, a.Kind == docmodel.ShapePicture
		}
		out = append(out, anchorObject{a: a, obj: o})
		if bd, ok := e.wrapBand(a, &o, width); ok {
			bands = append(bands, bd)
		}
	}
	if len(bands) > 0 {
		// The first line's top, below the paragraph's top (which is below
		// the spacing after of the paragraph above), and the spacing a line
		// moved below an object gets above it again (m04f).
		first := max(pb.before-e.above.after, 0)
		again := max(pb.before, e.above.after) + e.above.extra
		if bt := p.Props.BorderTop; bt.Visible() && !joinTop {
			first += bt.Width() + bt.Space*20
			again += bt.Width() + bt.Space*20
		}
		size, face := p.Mark.Size, faceFor(p.Mark)
		for _, in := range p.Inlines {
			if in.Kind == docmodel.Text {
				size, face = in.Props.Size, faceFor(in.Props)
				break
			}
		}
		lm := lineFor(metricsOf(face), size)
		pitch, _, natural := pitch(lm, p.Props)
		b.wrap = &wrapper{bands: bands, y: first, again: again, est: pitch, extra: max(pitch-natural, 0),
			maxSkip: max(e.sec.PageH-e.sec.Top-e.sec.Bottom-2*pitch, 0)}
	}
	return out
}

// wrapBand is the room an object the text wraps around takes in its
// paragraph; ok is false when the text does not wrap around it (or, warned,
// cannot: the layout knows where an object is only relative to its
// paragraph).
func (e *engine) wrapBand(a *docmodel.Anchor, o *tObject, width int) (band, bool) {
	// behindDoc does not matter: LibreOffice and Word wrap the text around
	// an object behind it as around one in front (§4, lo-wrap fixtures).
	if a.Wrap == docmodel.WrapNone || e.sec == nil { // e.sec: nil in a text box's engine
		return band{}, false
	}
	// Lines beside the box start at its edge + the wrap distance; lines
	// below start below its outline's outer edge (m04e).
	half := a.Stroke / 2
	left, right := o.x-float64(a.Dist[0]), o.x+o.w+float64(a.Dist[2])
	switch o.hRel {
	case docmodel.RelColumn, docmodel.RelCharacter:
	case docmodel.RelMargin, docmodel.RelPage: // in the body's column (in a table cell: approximately)
		s := e.sec
		x := o.alignH(float64(s.PageW))
		if o.hRel == docmodel.RelMargin {
			x = float64(s.Left) + o.alignH(float64(s.PageW-s.Left-s.Right))
		}
		x -= float64(e.colLeft)
		left, right = x-float64(a.Dist[0]), x+o.w+float64(a.Dist[2])
	default:
		e.note(a.Where, "chữ chưa bao quanh được hình neo theo lề trái/phải: chữ chạy qua hình")
		return band{}, false
	}
	if o.vRel != docmodel.RelParagraph {
		if e.overlapsBody(o) {
			e.note(a.Where, "chữ chưa bao quanh được hình neo theo trang, lề hoặc dòng: chữ chạy qua hình")
		}
		return band{}, false
	}
	if right <= 0 || left >= float64(width) {
		return band{}, false
	}
	if int(o.h)+a.Dist[1]+a.Dist[3] > e.sec.PageH-e.sec.Top-e.sec.Bottom {
		e.note(a.Where, "hình cao hơn trang: chữ chưa bao quanh được, chạy qua hình")
		return band{}, false
	}
	top := int(math.Floor(o.y - float64(a.Dist[1]) - half))
	bottom := int(math.Ceil(o.y + o.h + float64(a.Dist[3]) + half))
	if a.Wrap == docmodel.WrapSquare && a.Side == docmodel.SideBoth && left >= minRoom && float64(width)-right >= minRoom {
		e.note(a.Where, "chữ chỉ chạy bên rộng hơn của hình, chưa chạy cả hai bên hình (wrapText bothSides)")
	}
	return band{top: top, bottom: bottom, left: left, right: right, below: a.Wrap == docmodel.WrapTopBottom, side: a.Side}, true
}

// overlapsBody reports whether an object placed relative to the page or
// its margins may cover the body text of the current section's pages (a
// "Mẫu số" frame in the top margin does not).
func (e *engine) overlapsBody(o *tObject) bool {
	s := e.sec
	var lo, hi float64
	switch o.vRel {
	case docmodel.RelPage:
		lo, hi = 0, float64(s.PageH)
	case docmodel.RelMargin:
		lo, hi = float64(s.Top), float64(s.PageH-s.Bottom)
	case docmodel.RelTopMargin:
		lo, hi = 0, float64(s.Top)
	case docmodel.RelBottomMargin:
		lo, hi = float64(s.PageH-s.Bottom), float64(s.PageH)
	default:
		return true
	}
	y := lo + alignIn(o.vAlign, o.y, hi-lo, o.h)
	return y < float64(s.PageH-s.Bottom) && y+o.h > float64(s.Top)
}

// note records a warning of the layout on the current page, once per
// page.
func (e *engine) note(where, what string) {
	msg := where + ": " + what
	if e.pg == nil {
		return
	}
	for _, n := range e.pg.warnings {
		if n == msg {
			return
		}
	}
	e.pg.warnings = append(e.pg.warnings, msg)
}

// alignIn places a box of size in a room: at offset, or aligned.
func alignIn(align string, offset, room, size float64) float64 {
	switch align {
	case "left", "top", "inside":
		return 0
	case "center":
		return (room - size) / 2
	case "right", "bottom", "outside":
		return room - size
	}
	return offset
}

// alignH is the object's x in a reference area room wide: aligned, or at
// its offset. Aligned right it keeps keepR clear of the area's right edge.
func (o *tObject) alignH(room float64) float64 {
	x := alignIn(o.hAlign, o.x, room, o.w)
	if o.hAlign == "right" {
		x -= o.keepR
	}
	return x
}

// maxBoxDepth bounds text boxes inside text boxes (inline ones can nest).
const maxBoxDepth = 4

// shapeObject lays out a shape's box: its size and, for a box with text,
// the text laid out in its inner width (a frame without a width takes the
// column's); a group's parts, placed in its box.
func (e *engine) shapeObject(sh *docmodel.Shape, colWidth int, where string) tObject {
	o := tObject{shape: sh, w: float64(sh.W), h: float64(sh.H), where: where}
	if len(sh.Parts) > 0 {
		o.inner = &pageState{}
		for i := range sh.Parts {
			part := &sh.Parts[i]
			po := e.shapeObject(&part.Shape, part.Shape.W, where)
			po.hRel, po.vRel, po.x, po.y = docmodel.RelColumn, docmodel.RelParagraph, float64(part.X), float64(part.Y)
			o.inner.objects = append(o.inner.objects, po)
		}
		return o
	}
	if len(sh.Blocks) == 0 {
		return o
	}
	if sh.W == 0 {
		o.w = float64(colWidth)
	}
	in := sh.Inset
	s := 0
	if sh.InnerStroke {
		s = int(math.Ceil(sh.Stroke))
	}
	inner := &engine{doc: e.doc, pg: &pageState{}, number: e.number, boxDepth: e.boxDepth + 1}
	if inner.boxDepth > maxBoxDepth {
		return o
	}
	strips := inner.stack(sh.Blocks, max(int(o.w)-in[0]-in[2]-2*s, 1))
	content := 0
	for _, st := range strips {
		content += st.h
	}
	frame := in[1] + in[3] + 2*s
	switch sh.HRule {
	case docmodel.HeightAtLeast:
		o.h = float64(max(sh.H, content+frame))
	case docmodel.HeightAuto:
		o.h = float64(content + frame)
	}
	y := in[1] + s
	switch room := int(o.h) - frame; sh.VAlign {
	case "center":
		y += max(room-content, 0) / 2
	case "bottom":
		y += max(room-content, 0)
	}
	inner.emitStrips(strips, in[0]+s, y, 0) // with the paragraphs' side borders and shading (frames, §10)
	o.inner = inner.pg
	return o
}

// objectPiece is the line-breaking piece of an inline object: a word as
// wide as the object.
func objectPiece(base piece, sh *docmodel.InlineShape, breakAfter bool) piece {
	pc := base
	pc.kind, pc.text, pc.obj, pc.breakAfter = pWord, objectChar, sh, breakAfter
	pc.st = nil // its run's character formatting does not apply to it
	pc.width = float64(sh.W)
	return pc
}

// raiseForObjects makes room in a line for its inline objects, which sit
// on the baseline: one taller than the text's ascent becomes the line's
// ascent, the descent and the extra spacing stay the font's; a line with
// no text beside its objects has no descent (§7, m07c). In an exact line
// height nothing moves [uncertain: LibreOffice grows such a line a
// little].
func raiseForObjects(ln *line, pp docmodel.ParaProps) {
	if pp.LineRule == docmodel.LineExact {
		return
	}
	h, text := 0, false
	for _, pc := range ln.pieces {
		switch {
		case pc.obj != nil:
			h = max(h, pc.obj.H)
		case pc.kind == pWord:
			text = true
		}
	}
	d := h - ln.base
	if d < 0 || h == 0 {
		return
	}
	if !text {
		d -= ln.lm.natural - ln.lm.base // no descent below the objects
	}
	ln.base, ln.lm.base = h, h
	ln.natural += d
	ln.pitch += d
	ln.lm.natural += d
}

// attachObjects puts a laid-out paragraph's objects on its strips: lines
// moved below wrapping objects get their skip, inline objects go on their
// line's strip, anchored ones on the first strip (positions relative to a
// character or a line found in the lines).
func (e *engine) attachObjects(pb *paraBox, lines []*line, anchors []anchorObject) {
	if n := len(lines); n > 0 {
		e.above = laidAbove{after: pb.after, extra: max(lines[n-1].pitch-lines[n-1].natural, 0)}
	}
	k := 0
	top := 0 // of the current strip, below the first strip's top
	lineTop := make([]int, len(lines))
	for i := range pb.slices {
		s := &pb.slices[i]
		if s.kind != sLine || k >= len(lines) {
			top += s.h
			continue
		}
		ln := lines[k]
		if ln.skip > 0 {
			shiftStrip(s, ln.skip)
		}
		lineTop[k] = top + ln.skip
		for _, pc := range ln.pieces {
			if pc.obj != nil {
				o := e.shapeObject(&pc.obj.Shape, int(pc.obj.W), pc.obj.Where)
				o.hRel, o.vRel = docmodel.RelColumn, docmodel.RelParagraph
				o.x, o.y = pc.x, float64(ln.skip+ln.base)-o.h
				s.objects = append(s.objects, o)
			}
		}
		top += s.h
		k++
	}
	if len(anchors) == 0 || len(pb.slices) == 0 {
		return
	}
	first := &pb.slices[0]
	height := pb.before + top
	for _, ao := range anchors {
		o := ao.obj
		if o.hRel == docmodel.RelCharacter {
			o.x += charX(lines, ao.a.At)
			o.hRel = docmodel.RelColumn
		}
		if o.vRel == docmodel.RelLine {
			o.y += float64(lineTop[lineOf(lines, ao.a.At)])
			o.vRel, o.lead, o.follow = docmodel.RelParagraph, false, ao.a.Kind == docmodel.ShapePicture
		}
		if ao.a.Wrap != docmodel.WrapNone && o.lead && o.vRel == docmodel.RelParagraph &&
			int(o.y+o.h) > height && e.pg != nil {
			e.note(ao.a.Where, "chữ của các đoạn sau chưa bao quanh được hình: chữ chạy qua hình")
		}
		first.objects = append(first.objects, o)
	}
}

// shiftStrip moves a line strip's content down by d, making it taller.
func shiftStrip(s *slice, d int) {
	s.h += d
	s.fit += d
	for i := range s.texts {
		s.texts[i].y += d
	}
	for i := range s.rules {
		s.rules[i].y1 += float64(d)
		s.rules[i].y2 += float64(d)
	}
}

// lineOf is the index of the line holding character at of its paragraph
// (counted as textLength does in the reader: every piece that is not text
// is one character).
func lineOf(lines []*line, at int) int {
	n := 0
	for i, ln := range lines {
		for _, pc := range ln.pieces {
			n += pieceChars(pc)
		}
		if n > at {
			return i
		}
	}
	return max(len(lines)-1, 0)
}

// charX is the x of character at of a paragraph in its line.
func charX(lines []*line, at int) float64 {
	n := 0
	for _, ln := range lines {
		for _, pc := range ln.pieces {
			c := pieceChars(pc)
			if n+c > at {
				return pc.x
			}
			n += c
		}
	}
	if len(lines) > 0 {
		ln := lines[len(lines)-1]
		if len(ln.pieces) > 0 {
			last := ln.pieces[len(ln.pieces)-1]
			return last.x + last.width
		}
	}
	return 0
}

func pieceChars(pc piece) int {
	if pc.kind == pWord && pc.obj == nil && pc.field == docmodel.Text {
		return len([]rune(pc.text))
	}
	return 1
}

// leadOf is the lead of a paragraph's first strip placed gap below the
// paragraph above: LibreOffice measures positions relative to a paragraph
// from below the spacing after of the paragraph above (m04f).
func (e *engine) leadOf(pb *paraBox, gap int) int {
	if gap == 0 {
		return 0
	}
	_, after := e.prev.spacing(pb, false)
	return max(gap-after, 0)
}

// appendPlaced adds a strip's objects, placed with the strip at (x, y),
// to the page's.
func appendPlaced(dst []tObject, s slice, x, y int) []tObject {
	for _, o := range s.objects {
		if o.hRel == docmodel.RelColumn {
			o.x += float64(x)
		}
		if o.vRel == docmodel.RelParagraph {
			o.y += float64(y)
			if o.lead {
				o.y -= float64(s.lead)
				o.lead = false
			}
		}
		dst = append(dst, o)
	}
	return dst
}

// keepInCell keeps the pictures anchored in a table cell, the page's
// objects from index from on, inside the cell's height [top, bottom]:
// LibreOffice moves one that would stick out below the cell up, one
// above it down, and one taller than the cell to the cell's top; shapes
// (lines, text boxes) stay where they are anchored (m07b, m04g).
func (e *engine) keepInCell(from int, top, bottom float64) {
	for i := from; i < len(e.pg.objects); i++ {
		o := &e.pg.objects[i]
		if o.follow && o.vRel == docmodel.RelParagraph {
			o.y = max(min(o.y, bottom-o.h), top)
		}
	}
}

// drawObjects turns a page's objects into its fills, images and strokes;
// the texts and rules of their boxes join the page's own (before the
// page's texts are finished, so that page fields and missing characters in
// a box are handled with the rest).
func (e *engine) drawObjects(ps *pageState, pg *Page) {
	for _, o := range ps.objects {
		x, y := e.resolve(ps, o)
		e.drawObject(ps, pg, o, x, y)
	}
}

// resolve is an object's top-left corner on its page, twips.
func (e *engine) resolve(ps *pageState, o tObject) (x, y float64) {
	s := e.doc.Sections[ps.section]
	w, h := float64(s.PageW), float64(s.PageH)
	l, r, t, b := float64(s.Left), float64(s.Right), float64(s.Top), float64(s.Bottom)
	area := func(rel docmodel.Rel, horizontal bool) (lo, hi float64, ok bool) {
		switch {
		case rel == docmodel.RelPage:
			if horizontal {
				return 0, w, true
			}
			return 0, h, true
		case rel == docmodel.RelMargin && horizontal:
			return l, w - r, true
		case rel == docmodel.RelMargin:
			return t, h - b, true
		case rel == docmodel.RelLeftMargin:
			return 0, l, true
		case rel == docmodel.RelRightMargin:
			return w - r, w, true
		case rel == docmodel.RelTopMargin:
			return 0, t, true
		case rel == docmodel.RelBottomMargin:
			return h - b, h, true
		}
		return 0, 0, false
	}
	x, y = o.x, o.y
	if lo, hi, ok := area(o.hRel, true); ok {
		x = lo + o.alignH(hi-lo)
	}
	if lo, hi, ok := area(o.vRel, false); ok {
		y = lo + alignIn(o.vAlign, o.y, hi-lo, o.h)
	}
	return x, y
}

// drawObject draws an object with its top-left corner at (x, y), twips.
func (e *engine) drawObject(ps *pageState, pg *Page, o tObject, x, y float64) {
	sh := o.shape
	col := Color(sh.StrokeColor)
	switch sh.Kind {
	case docmodel.ShapeLine:
		if sh.Stroke > 0 {
			pg.Rules = append(pg.Rules, Rule{X1: pt(x), Y1: pt(y), X2: pt(x + o.w), Y2: pt(y + o.h), Width: pt(sh.Stroke), Color: col})
		}
		return
	case docmodel.ShapePicture:
		if p := sh.Picture; p != nil && o.w > 0 && o.h > 0 {
			pg.Images = append(pg.Images, Image{X: pt(x), Y: pt(y), W: pt(o.w), H: pt(o.h), Data: p.Data, Format: p.Format})
		}
	case docmodel.ShapeGroup: // its parts only: o.inner
	default:
		if f := sh.Fill; f != nil && o.w > 0 && o.h > 0 {
			pg.Fills = append(pg.Fills, Fill{X: pt(x), Y: pt(y), W: pt(o.w), H: pt(o.h), Color: Color(*f)})
		}
	}
	if sh.Stroke > 0 {
		pg.Rules = append(pg.Rules, outline(x, y, o.w, o.h, sh.Stroke, sh.InnerStroke, col)...)
	}
	if o.inner == nil {
		return
	}
	for _, t := range o.inner.texts {
		t.x += x
		t.y += int(math.Round(y))
		ps.texts = append(ps.texts, t)
	}
	for _, r := range o.inner.rules {
		r.x1, r.x2, r.y1, r.y2 = r.x1+x, r.x2+x, r.y1+y, r.y2+y
		ps.rules = append(ps.rules, r)
	}
	for _, in := range o.inner.objects {
		e.drawObject(ps, pg, in, in.x+x, in.y+y)
	}
}

// outline is a box's outline as four strokes: centred on the box's edges
// (DrawingML) or inside them (VML text boxes); the horizontal ones reach
// half a width further to close the corners.
func outline(x, y, w, h, s float64, inside bool, col Color) []Rule {
	top, bottom, left, right := y, y+h, x, x+w
	if inside {
		top, bottom, left, right = y+s/2, y+h-s/2, x+s/2, x+w-s/2
	}
	ext := s / 2
	rule := func(x1, y1, x2, y2 float64) Rule {
		return Rule{X1: pt(x1), Y1: pt(y1), X2: pt(x2), Y2: pt(y2), Width: pt(s), Color: col}
	}
	return []Rule{
		rule(left-ext, top, right+ext, top), rule(left-ext, bottom, right+ext, bottom),
		rule(left, top, left, bottom), rule(right, top, right, bottom),
	}
}

// Warnings lists, once each, what the layout of the pages could not do as
// their document asks.
func Warnings(pages []*Page) []string {
	var out []string
	seen := map[string]bool{}
	for _, p := range pages {
		for _, w := range p.Warnings {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}
