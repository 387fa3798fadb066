package docxread

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Shapes, text boxes and pictures in DrawingML (w:drawing, Word 2007 and
// later) and the choice between DrawingML and its VML fallback
// (mc:AlternateContent). VML is read in vml.go, pictures in picture.go.

// objectCtx is where an object is met: the paragraph it belongs to, the
// formatting of its run (an inline object's line) and, for warnings, where
// the paragraph is.
type objectCtx struct {
	out   *docmodel.Paragraph
	props docmodel.RunProps
	where string
}

// maxExtent bounds a shape's size and offsets, in twips: ten times the
// largest page Word accepts. A file that says more is broken; its shapes
// are clamped so that the layout stays bounded.
const maxExtent = 10 * maxPage

// emu reads a length in EMU (635 to a twip) as twips, clamped.
func emu(s string) int {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) {
		return 0
	}
	return clampExtent(int(math.Round(v / 635)))
}

func clampExtent(v int) int { return min(max(v, -maxExtent), maxExtent) }

// supportedChoice lists the markup-compatibility namespaces whose
// mc:Choice the reader takes: DrawingML shapes and the extensions it can
// ignore. Anything else (canvases, ink) falls back to mc:Fallback.
var supportedChoice = map[string]bool{"wps": true, "wpg": true, "wp14": true, "w14": true, "w15": true, "a14": true, "w16se": true}

// choose picks the branch of an mc:AlternateContent to read: the first
// mc:Choice whose requirements are all supported, else mc:Fallback.
func choose(ac *etree.Element) *etree.Element {
	for c := range ac.ChildElementsSeq() {
		if c.Tag == "Choice" {
			ok := true
			for _, ns := range strings.Fields(c.SelectAttrValue("Requires", "")) {
				ok = ok && supportedChoice[ns]
			}
			if ok {
				return c
			}
		}
	}
	for c := range ac.ChildElementsSeq() {
		if c.Tag == "Fallback" {
			return c
		}
	}
	return nil
}

// object reads a drawing, a VML picture, an OLE object or a choice between
// them met in a run.
func (r *reader) object(e *etree.Element, ctx *objectCtx) {
	switch e.Tag {
	case "AlternateContent":
		if b := choose(e); b != nil {
			for c := range b.ChildElementsSeq() {
				r.object(c, ctx)
			}
		}
	case "drawing":
		for c := range e.ChildElementsSeq() {
			switch c.Tag {
			case "inline":
				r.inlineDrawing(c, ctx)
			case "anchor":
				r.anchorDrawing(c, ctx)
			}
		}
	case "pict":
		r.vml(e, ctx)
	case "object":
		r.warn(ctx.where, "đối tượng nhúng (OLE) không được in trong PDF")
	}
}

// inlineDrawing reads a wp:inline: an object in the line, its size from
// wp:extent.
func (r *reader) inlineDrawing(in *etree.Element, ctx *objectCtx) {
	w, h := extent(in)
	sh, _, ok := r.graphic(in, w, h, ctx.where)
	if ok {
		r.addInline(sh, ctx)
	}
}

// addInline appends an inline object to the paragraph.
func (r *reader) addInline(sh *docmodel.Shape, ctx *objectCtx) {
	ctx.out.Inlines = append(ctx.out.Inlines, docmodel.Inline{Kind: docmodel.Object, Props: ctx.props,
		Shape: &docmodel.InlineShape{Shape: *sh, Where: ctx.where}})
}

// extent is a drawing's size from its wp:extent, twips.
func extent(e *etree.Element) (w, h int) {
	if x := child(e, "extent"); x != nil {
		w, h = max(emu(x.SelectAttrValue("cx", "0")), 0), max(emu(x.SelectAttrValue("cy", "0")), 0)
	}
	return w, h
}

// anchorDrawing reads a wp:anchor: a shape, text box or picture at a
// position of its own.
func (r *reader) anchorDrawing(an *etree.Element, ctx *objectCtx) {
	if r.inBox > 0 {
		r.warn(ctx.where, "hình neo bên trong hộp văn bản không được in trong PDF")
		return
	}
	w, h := extent(an)
	sh, turned, ok := r.graphic(an, w, h, ctx.where)
	if !ok {
		return
	}
	a := &docmodel.Anchor{Shape: *sh, Behind: flag(an, "behindDoc", false), Where: ctx.where}
	a.KeepDistR = sh.Kind == docmodel.ShapeRect || sh.Kind == docmodel.ShapeLine
	a.Dist = [4]int{emu(an.SelectAttrValue("distL", "0")), emu(an.SelectAttrValue("distT", "0")),
		emu(an.SelectAttrValue("distR", "0")), emu(an.SelectAttrValue("distB", "0"))}
	a.PosH = anchorPos(child(an, "positionH"))
	a.PosV = anchorPos(child(an, "positionV"))
	if flag(an, "simplePos", false) {
		if sp := child(an, "simplePos"); sp != nil {
			a.PosH = docmodel.Pos{Rel: docmodel.RelPage, Offset: emu(sp.SelectAttrValue("x", "0"))}
			a.PosV = docmodel.Pos{Rel: docmodel.RelPage, Offset: emu(sp.SelectAttrValue("y", "0"))}
		}
	}
	if turned {
		turn(a)
	}
	for c := range an.ChildElementsSeq() {
		switch c.Tag {
		case "wrapSquare", "wrapTight", "wrapThrough":
			a.Wrap, a.Side = docmodel.WrapSquare, wrapSide(c.SelectAttrValue("wrapText", "bothSides"))
		case "wrapTopAndBottom":
			a.Wrap = docmodel.WrapTopBottom
		}
	}
	r.addAnchor(a, ctx)
}

// wrapSide maps DrawingML's wrapText or VML's side to the sides the text
// runs on beside an object.
func wrapSide(s string) docmodel.WrapSide {
	switch s {
	case "left":
		return docmodel.SideLeft
	case "right":
		return docmodel.SideRight
	case "largest":
		return docmodel.SideLargest
	}
	return docmodel.SideBoth
}

// addAnchor attaches an anchored object to the paragraph, at the
// paragraph's text so far.
func (r *reader) addAnchor(a *docmodel.Anchor, ctx *objectCtx) {
	a.At = textLength(ctx.out)
	ctx.out.Anchors = append(ctx.out.Anchors, a)
}

// textLength counts the characters of a paragraph's inlines the way the
// layout does: text by its characters, every other inline as one.
func textLength(p *docmodel.Paragraph) int {
	n := 0
	for _, in := range p.Inlines {
		if in.Kind == docmodel.Text {
			n += utf8.RuneCountInString(in.Text)
		} else {
			n++
		}
	}
	return n
}

// turn makes a shape turned by a quarter turn the box it covers: the same
// centre, width and height swapped (Word positions the unturned box and
// turns it about its centre).
func turn(a *docmodel.Anchor) {
	w, h := a.W, a.H
	a.W, a.H = h, w
	if a.PosH.Align == "" {
		a.PosH.Offset += (w - h) / 2
	}
	if a.PosV.Align == "" {
		a.PosV.Offset += (h - w) / 2
	}
}

// anchorPos reads wp:positionH or wp:positionV.
func anchorPos(e *etree.Element) docmodel.Pos {
	if e == nil {
		return docmodel.Pos{}
	}
	p := docmodel.Pos{Rel: relFrom(e.SelectAttrValue("relativeFrom", ""))}
	for c := range e.ChildElementsSeq() {
		switch c.Tag {
		case "posOffset":
			p.Offset = emu(c.Text())
		case "align":
			p.Align = strings.TrimSpace(c.Text())
		}
	}
	return p
}

// relFrom maps a DrawingML relativeFrom value to a position reference.
func relFrom(s string) docmodel.Rel {
	switch s {
	case "page":
		return docmodel.RelPage
	case "margin":
		return docmodel.RelMargin
	case "paragraph":
		return docmodel.RelParagraph
	case "character":
		return docmodel.RelCharacter
	case "line":
		return docmodel.RelLine
	case "leftMargin", "insideMargin":
		return docmodel.RelLeftMargin
	case "rightMargin", "outsideMargin":
		return docmodel.RelRightMargin
	case "topMargin":
		return docmodel.RelTopMargin
	case "bottomMargin":
		return docmodel.RelBottomMargin
	}
	return docmodel.RelColumn
}

// graphic reads the a:graphic of a wp:inline or wp:anchor of size w × h:
// a picture or a shape (line, rectangle, text box). turned says it is
// turned by a quarter turn. What the PDF does not draw is warned (ok is
// false).
func (r *reader) graphic(holder *etree.Element, w, h int, where string) (sh *docmodel.Shape, turned, ok bool) {
	gd := holder.FindElement("./a:graphic/a:graphicData")
	if gd == nil {
		return nil, false, false
	}
	uri := gd.SelectAttrValue("uri", "")
	for c := range gd.ChildElementsSeq() {
		switch c.Tag {
		case "pic":
			sh, turned = r.dmlPicture(c, w, h, where)
			return sh, turned, true
		case "wsp":
			return r.dmlShape(c, w, h, where)
		case "wgp":
			sh, ok := r.dmlGroup(c, w, h, where, 0)
			return sh, false, ok
		}
	}
	switch {
	case strings.Contains(uri, "/chart"):
		r.warn(where, "biểu đồ (chart) không được in trong PDF")
	case strings.Contains(uri, "/diagram"):
		r.warn(where, "sơ đồ SmartArt không được in trong PDF")
	default:
		r.warn(where, "hình vẽ loại này chưa được hỗ trợ trong PDF: không in")
	}
	return nil, false, false
}

// dmlPicture reads a pic:pic: its image from the part the blip names, its
// cropping and its outline.
func (r *reader) dmlPicture(pic *etree.Element, w, h int, where string) (*docmodel.Shape, bool) {
	sh := &docmodel.Shape{Kind: docmodel.ShapePicture, W: w, H: h}
	var crop [4]float64
	if src := pic.FindElement(".//a:srcRect"); src != nil {
		for i, k := range []string{"l", "t", "r", "b"} {
			crop[i] = float64(atoi(src.SelectAttrValue(k, "0"))) / 100000
		}
	}
	if blip := pic.FindElement(".//a:blip"); blip != nil {
		if id := blip.SelectAttrValue("r:embed", ""); id != "" {
			sh.Picture = r.picture(id, crop, w, h, where)
		} else if blip.SelectAttrValue("r:link", "") != "" {
			r.warn(where, "hình ảnh liên kết ra ngoài tệp (linked) không được in trong PDF: hãy chèn ảnh vào tệp")
		}
	}
	sp := child(pic, "spPr")
	if sp == nil {
		return sh, false
	}
	r.outline(sh, sp, nil, where)
	if rot := rotation(sp); rot != 0 {
		r.warn(where, "ảnh xoay chưa được hỗ trợ trong PDF: in không xoay")
	}
	return sh, false
}

// dmlShape reads a wps:wsp: a line, a rectangle or a text box.
func (r *reader) dmlShape(wsp *etree.Element, w, h int, where string) (*docmodel.Shape, bool, bool) {
	sh := &docmodel.Shape{Kind: docmodel.ShapeRect, W: w, H: h}
	sp := child(wsp, "spPr")
	style := child(wsp, "style")
	geom := "rect"
	if sp != nil {
		if g := child(sp, "prstGeom"); g != nil {
			geom = g.SelectAttrValue("prst", "rect")
		} else if child(sp, "custGeom") != nil {
			geom = "custom"
		}
	}
	r.outline(sh, sp, style, where)
	r.fill(sh, sp, style, where)
	if tb := child(wsp, "txbx"); tb != nil {
		if c := child(tb, "txbxContent"); c != nil {
			sh.Blocks = r.boxBlocks(c)
		}
	} else if child(wsp, "linkedTxbx") != nil {
		r.warn(where, "hộp văn bản nối tiếp (linked text box) không được in trong PDF")
	}
	r.bodyPr(sh, child(wsp, "bodyPr"), where)
	turned := false
	switch rot := rotation(sp); {
	case rot == 90 || rot == 270:
		turned = true
	case rot != 0 && rot != 180:
		r.warn(where, fmt.Sprintf("hình xoay %d° chưa được hỗ trợ trong PDF: in không xoay", rot))
	}
	if turned && len(sh.Blocks) > 0 {
		r.warn(where, "chữ xoay trong hộp văn bản chưa được hỗ trợ trong PDF: in chữ ngang")
	}
	switch geom {
	case "line", "straightConnector1":
		return r.line(sh, turned, where)
	case "rect", "roundRect", "snip1Rect", "flowChartProcess", "flowChartAlternateProcess":
		if geom != "rect" && geom != "flowChartProcess" {
			r.warn(where, "hình chữ nhật góc tròn hoặc vát được vẽ thành hình chữ nhật thường trong PDF")
		}
	default:
		r.warn(where, fmt.Sprintf("hình «%s» chưa vẽ được trong PDF: chỉ in chữ trong hình (nếu có)", geom))
		sh.Stroke, sh.Fill = 0, nil
		if len(sh.Blocks) == 0 {
			return nil, false, false
		}
	}
	return sh, turned, true
}

// maxGroupDepth bounds groups inside groups.
const maxGroupDepth = 4

// dmlGroup reads a group (wpg:wgp, or wpg:grpSp inside one) shown w × h
// twips: its shapes, pictures and groups placed by the group's transform,
// which maps the children's coordinates (a:chOff, a:chExt) onto its box.
func (r *reader) dmlGroup(g *etree.Element, w, h int, where string, depth int) (*docmodel.Shape, bool) {
	if depth > maxGroupDepth {
		r.warn(where, "nhóm hình lồng quá sâu: phần trong cùng không được in")
		return nil, false
	}
	sh := &docmodel.Shape{Kind: docmodel.ShapeGroup, W: w, H: h}
	r.inGroup++
	defer func() { r.inGroup-- }()
	sp := child(g, "grpSpPr")
	_, _, chOff, chExt := xfrm(sp)
	if rot := rotation(sp); rot != 0 {
		r.warn(where, fmt.Sprintf("nhóm hình xoay %d° chưa được hỗ trợ trong PDF: in không xoay", rot))
	}
	sx, sy := 1.0/635, 1.0/635 // child coordinates are EMU when the group does not scale them
	if chExt[0] > 0 {
		sx = float64(w) / chExt[0]
	}
	if chExt[1] > 0 {
		sy = float64(h) / chExt[1]
	}
	for c := range g.ChildElementsSeq() {
		var props *etree.Element
		switch c.Tag {
		case "wsp", "pic":
			props = child(c, "spPr")
		case "grpSp":
			props = child(c, "grpSpPr")
		default:
			continue
		}
		off, ext, _, _ := xfrm(props)
		part := docmodel.GroupPart{X: clampExtent(int(math.Round((off[0] - chOff[0]) * sx))), Y: clampExtent(int(math.Round((off[1] - chOff[1]) * sy)))}
		pw, ph := clampExtent(int(math.Round(ext[0]*sx))), clampExtent(int(math.Round(ext[1]*sy)))
		var ps *docmodel.Shape
		turned, ok := false, true
		switch c.Tag {
		case "wsp":
			ps, turned, ok = r.dmlShape(c, pw, ph, where)
		case "pic":
			ps, turned = r.dmlPicture(c, pw, ph, where)
		case "grpSp":
			ps, ok = r.dmlGroup(c, pw, ph, where, depth+1)
		}
		if !ok {
			continue
		}
		if turned { // the box it covers: the same centre, width and height swapped
			part.X, part.Y = part.X+(ps.W-ps.H)/2, part.Y+(ps.H-ps.W)/2
			ps.W, ps.H = ps.H, ps.W
		}
		part.Shape = *ps
		sh.Parts = append(sh.Parts, part)
	}
	return sh, len(sh.Parts) > 0
}

// xfrm reads a shape's or group's a:xfrm: offset, size and, for a group,
// its children's offset and size, in EMU.
func xfrm(props *etree.Element) (off, ext, chOff, chExt [2]float64) {
	x := child(props, "xfrm")
	for _, v := range []struct {
		tag  string
		dst  *[2]float64
		a, b string
	}{{"off", &off, "x", "y"}, {"ext", &ext, "cx", "cy"}, {"chOff", &chOff, "x", "y"}, {"chExt", &chExt, "cx", "cy"}} {
		if e := child(x, v.tag); e != nil {
			v.dst[0], v.dst[1] = cssNumber(e.SelectAttrValue(v.a, "0")), cssNumber(e.SelectAttrValue(v.b, "0"))
		}
	}
	return off, ext, chOff, chExt
}

// line makes a line shape horizontal or vertical along its box; the PDF
// draws no diagonals (warned, not drawn).
func (r *reader) line(sh *docmodel.Shape, turned bool, where string) (*docmodel.Shape, bool, bool) {
	sh.Kind, sh.Fill, sh.Blocks = docmodel.ShapeLine, nil, nil
	w, h := sh.W, sh.H // before the turn: anchorDrawing turns the line
	const thin = 2     // twips: LibreOffice writes a horizontal line 1 twip high
	switch {
	case sh.Stroke == 0:
		return nil, false, false
	case h <= thin:
		sh.H = 0
	case w <= thin:
		sh.W = 0
	default:
		r.warn(where, "đường chéo chưa vẽ được trong PDF (chỉ vẽ đường ngang, đường dọc): không in")
		return nil, false, false
	}
	return sh, turned, true
}

// rotation is a shape's a:xfrm rot in whole degrees, 0–359.
func rotation(sp *etree.Element) int {
	if sp == nil {
		return 0
	}
	x := child(sp, "xfrm")
	if x == nil {
		return 0
	}
	deg := int(math.Round(float64(atoi(x.SelectAttrValue("rot", "0"))) / 60000))
	return ((deg % 360) + 360) % 360
}

// outline reads a shape's a:ln (or, without one, the line style its
// wps:style refers to): width and colour.
func (r *reader) outline(sh *docmodel.Shape, sp, style *etree.Element, where string) {
	var ln *etree.Element
	if sp != nil {
		ln = child(sp, "ln")
	}
	ref := (*etree.Element)(nil)
	if style != nil {
		ref = child(style, "lnRef")
	}
	idx := 0
	if ref != nil {
		idx = atoi(ref.SelectAttrValue("idx", "0"))
	}
	width := -1
	if ln != nil && ln.SelectAttr("w") != nil {
		width = atoi(ln.SelectAttrValue("w", "0"))
	}
	if width < 0 {
		lines := r.theme().lines
		switch {
		case idx >= 1 && idx <= len(lines):
			width = lines[idx-1]
		case ln != nil:
			width = 9525 // a:ln without w: Word draws 0.75 pt
		default:
			return
		}
	}
	col, ok := docmodel.Color{}, ln != nil || idx > 0
	if ref != nil {
		if c, found := r.drawingColor(ref); found {
			col = c
		}
	}
	if ln != nil {
		for c := range ln.ChildElementsSeq() {
			switch c.Tag {
			case "noFill":
				ok = false
			case "solidFill":
				col, ok = r.drawingColor(c)
			case "gradFill", "pattFill":
				r.warn(where, "đường viền tô chuyển màu hoặc hoa văn được vẽ một màu trong PDF")
			case "prstDash":
				if v := c.SelectAttrValue("val", "solid"); v != "solid" {
					r.warn(where, "đường nét đứt được vẽ thành nét liền trong PDF")
				}
			}
		}
	}
	if ok {
		sh.Stroke, sh.StrokeColor = float64(width)/635, col
	}
}

// fill reads a shape's fill: a:solidFill in its spPr, or the fill its
// wps:style refers to; gradients and pictures are warned and not drawn.
func (r *reader) fill(sh *docmodel.Shape, sp, style *etree.Element, where string) {
	if sp != nil {
		for c := range sp.ChildElementsSeq() {
			switch c.Tag {
			case "noFill":
				return
			case "solidFill":
				if col, ok := r.drawingColor(c); ok {
					sh.Fill = &col
				}
				return
			case "gradFill", "pattFill", "blipFill", "grpFill":
				r.warn(where, "nền tô chuyển màu, hoa văn hoặc ảnh của hình chưa được hỗ trợ trong PDF: không tô")
				return
			}
		}
	}
	if style == nil {
		return
	}
	if ref := child(style, "fillRef"); ref != nil && atoi(ref.SelectAttrValue("idx", "0")) > 0 {
		if col, ok := r.drawingColor(ref); ok {
			sh.Fill = &col
		}
	}
}

// bodyPr reads a text box's insets, its text's vertical placement and
// whether it grows with its text.
func (r *reader) bodyPr(sh *docmodel.Shape, b *etree.Element, where string) {
	sh.Inset = [4]int{144, 72, 144, 72} // Word's default: 0.1 in, 0.05 in
	if r.inGroup > 0 {
		sh.Inset = [4]int{} // LibreOffice gives a grouped text box none unless written (m04c)
	}
	sh.HRule = docmodel.HeightExact
	sh.VAlign = "top"
	if b == nil {
		return
	}
	for i, k := range []string{"lIns", "tIns", "rIns", "bIns"} {
		if a := b.SelectAttr(k); a != nil {
			sh.Inset[i] = max(emu(a.Value), 0)
		}
	}
	switch b.SelectAttrValue("anchor", "t") {
	case "ctr":
		sh.VAlign = "center"
	case "b":
		sh.VAlign = "bottom"
	}
	if child(b, "spAutoFit") != nil {
		sh.HRule = docmodel.HeightAtLeast
	}
	if v := b.SelectAttrValue("vert", "horz"); v != "horz" && len(sh.Blocks) > 0 {
		r.warn(where, "chữ dọc trong hộp văn bản chưa được hỗ trợ trong PDF: in chữ ngang")
	}
}

// boxBlocks reads the paragraphs and tables of a text box.
func (r *reader) boxBlocks(content *etree.Element) []docmodel.Block {
	r.inBox++
	defer func() { r.inBox-- }()
	var out []docmodel.Block
	for c := range content.ChildElementsSeq() {
		out = append(out, r.block(c, "")...)
	}
	return r.frames(out)
}

// child is e's first child element with the local name tag, whatever its
// namespace prefix.
func child(e *etree.Element, tag string) *etree.Element {
	if e == nil {
		return nil
	}
	for c := range e.ChildElementsSeq() {
		if c.Tag == tag {
			return c
		}
	}
	return nil
}
