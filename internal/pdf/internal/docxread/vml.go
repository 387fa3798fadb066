package docxread

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// VML shapes (w:pict): what Word 2003–2007 wrote, and what later versions
// keep as the fallback of a DrawingML shape. A shape's geometry and
// position are in its CSS-like style attribute.

// vml reads the shapes of a w:pict.
func (r *reader) vml(pict *etree.Element, ctx *objectCtx) {
	for c := range pict.ChildElementsSeq() {
		switch c.Tag {
		case "shapetype":
		case "line", "rect", "roundrect", "shape", "oval", "image":
			r.vmlShape(c, ctx)
		case "group":
			r.warn(ctx.where, "nhóm hình (group) chưa được hỗ trợ trong PDF: không in; hãy bỏ nhóm (Ungroup) trong Word")
		default:
			if c.Space == "v" {
				r.warn(ctx.where, fmt.Sprintf("hình VML <%s> chưa được hỗ trợ trong PDF: không in", c.FullTag()))
			}
		}
	}
}

// vmlShape reads one VML shape: a line, a rectangle or text box, or a
// picture; anchored when its style says position:absolute, inline
// otherwise.
func (r *reader) vmlShape(e *etree.Element, ctx *objectCtx) {
	st := vmlStyle(e.SelectAttrValue("style", ""))
	if st["visibility"] == "hidden" || st["display"] == "none" {
		return
	}
	absolute := st["position"] == "absolute"
	if absolute && r.inBox > 0 {
		r.warn(ctx.where, "hình neo bên trong hộp văn bản không được in trong PDF")
		return
	}
	sh := &docmodel.Shape{Kind: docmodel.ShapeRect, W: max(cssLength(st["width"]), 0), H: max(cssLength(st["height"]), 0)}
	x, y := cssLength(st["margin-left"])+cssLength(st["left"]), cssLength(st["margin-top"])+cssLength(st["top"])
	if e.Tag == "line" {
		x1, y1 := vmlPoint(e.SelectAttrValue("from", "0,0"))
		x2, y2 := vmlPoint(e.SelectAttrValue("to", "0,0"))
		x, y = x+min(x1, x2), y+min(y1, y2)
		sh.W, sh.H = abs(x2-x1), abs(y2-y1)
	}
	r.vmlStroke(sh, e, ctx.where)
	if !r.vmlContent(sh, e, st, ctx.where) {
		return
	}
	if st["rotation"] != "" {
		switch deg := ((int(math.Round(cssNumber(st["rotation"]))) % 360) + 360) % 360; deg {
		case 0, 180:
		case 90, 270:
			x, y = x+(sh.W-sh.H)/2, y+(sh.H-sh.W)/2
			sh.W, sh.H = sh.H, sh.W
		default:
			r.warn(ctx.where, fmt.Sprintf("hình xoay %d° chưa được hỗ trợ trong PDF: in không xoay", deg))
		}
	}
	if !absolute {
		r.addInline(sh, ctx)
		return
	}
	a := &docmodel.Anchor{Shape: *sh, Where: ctx.where}
	a.PosH = docmodel.Pos{Rel: vmlRel(st["mso-position-horizontal-relative"], docmodel.RelColumn), Offset: x,
		Align: vmlAlign(st["mso-position-horizontal"])}
	a.PosV = docmodel.Pos{Rel: vmlRel(st["mso-position-vertical-relative"], docmodel.RelParagraph), Offset: y,
		Align: vmlAlign(st["mso-position-vertical"])}
	a.Behind = cssNumber(st["z-index"]) < 0
	a.Dist = [4]int{cssLength(st["mso-wrap-distance-left"]), cssLength(st["mso-wrap-distance-top"]),
		cssLength(st["mso-wrap-distance-right"]), cssLength(st["mso-wrap-distance-bottom"])}
	if wr := child(e, "wrap"); wr != nil {
		switch wr.SelectAttrValue("type", "") {
		case "square", "tight", "through":
			a.Wrap, a.Side = docmodel.WrapSquare, wrapSide(wr.SelectAttrValue("side", "both"))
		case "topAndBottom":
			a.Wrap = docmodel.WrapTopBottom
		}
	}
	r.addAnchor(a, ctx)
}

// vmlContent reads what a VML shape holds and decides what it draws: a
// line, a picture, or a rectangle with its fill and text. ok is false when
// nothing is drawn (warned).
func (r *reader) vmlContent(sh *docmodel.Shape, e *etree.Element, st map[string]string, where string) (ok bool) {
	if img := child(e, "imagedata"); img != nil {
		sh.Kind = docmodel.ShapePicture
		id := img.SelectAttrValue("r:id", img.SelectAttrValue("o:relid", ""))
		crop := [4]float64{vmlFraction(img.SelectAttrValue("cropleft", "")), vmlFraction(img.SelectAttrValue("croptop", "")),
			vmlFraction(img.SelectAttrValue("cropright", "")), vmlFraction(img.SelectAttrValue("cropbottom", ""))}
		if id != "" {
			sh.Picture = r.picture(id, crop, sh.W, sh.H, where)
		}
		if !flag(e, "stroked", false) {
			sh.Stroke = 0
		}
		return true
	}
	if e.Tag == "line" || vmlIsLine(e) {
		sh.Kind = docmodel.ShapeLine
		switch {
		case sh.Stroke == 0:
			return false
		case sh.H <= 2:
			sh.H = 0
		case sh.W <= 2:
			sh.W = 0
		default:
			r.warn(where, "đường chéo chưa vẽ được trong PDF (chỉ vẽ đường ngang, đường dọc): không in")
			return false
		}
		return true
	}
	r.vmlFill(sh, e, where)
	if tb := child(e, "textbox"); tb != nil {
		sh.InnerStroke, sh.VAlign, sh.HRule = true, "top", docmodel.HeightExact
		sh.Inset = [4]int{144, 72, 144, 72}
		if in := tb.SelectAttrValue("inset", ""); in != "" {
			for i, v := range strings.SplitN(in, ",", 4) {
				if v = strings.TrimSpace(v); v != "" {
					sh.Inset[i] = max(cssLength(v), 0)
				}
			}
		}
		if vmlStyle(tb.SelectAttrValue("style", ""))["mso-fit-shape-to-text"] == "t" {
			sh.HRule = docmodel.HeightAtLeast
		}
		switch st["v-text-anchor"] {
		case "middle", "middle-center", "middle-baseline":
			sh.VAlign = "center"
		case "bottom", "bottom-center", "bottom-baseline":
			sh.VAlign = "bottom"
		}
		if c := child(tb, "txbxContent"); c != nil {
			sh.Blocks = r.boxBlocks(c)
		}
	}
	switch e.Tag {
	case "rect", "shape":
	case "roundrect":
		r.warn(where, "hình chữ nhật góc tròn hoặc vát được vẽ thành hình chữ nhật thường trong PDF")
	default:
		r.warn(where, fmt.Sprintf("hình VML <%s> chưa vẽ được trong PDF: chỉ in chữ trong hình (nếu có)", e.FullTag()))
		sh.Stroke, sh.Fill = 0, nil
		return len(sh.Blocks) > 0
	}
	return true
}

// vmlIsLine reports whether a v:shape is a straight line: a straight
// connector (shape type 32) or a path from one corner to another.
func vmlIsLine(e *etree.Element) bool {
	if e.Tag != "shape" {
		return false
	}
	if t := e.SelectAttrValue("type", ""); strings.HasSuffix(t, "_t32") || e.SelectAttr("o:connectortype") != nil {
		return true
	}
	p := strings.ReplaceAll(e.SelectAttrValue("path", ""), " ", "")
	return p == "m,l21600,e" || p == "m,l,21600e" || p == "m0,0l21600,0e" || p == "m0,0l0,21600e"
}

// vmlStroke reads a VML shape's outline: the stroked, strokecolor and
// strokeweight attributes and its v:stroke.
func (r *reader) vmlStroke(sh *docmodel.Shape, e *etree.Element, where string) {
	on := flag(e, "stroked", true)
	col, _ := vmlColor(e.SelectAttrValue("strokecolor", "black"))
	weight := vmlWeight(e.SelectAttrValue("strokeweight", "0.75pt"))
	if s := child(e, "stroke"); s != nil {
		on = flag(s, "on", on)
		if c, ok := vmlColor(s.SelectAttrValue("color", "")); ok {
			col = c
		}
		if w := s.SelectAttrValue("weight", ""); w != "" {
			weight = vmlWeight(w)
		}
		if d := s.SelectAttrValue("dashstyle", "solid"); d != "solid" {
			r.warn(where, "đường nét đứt được vẽ thành nét liền trong PDF")
		}
	}
	if on && weight > 0 {
		sh.Stroke, sh.StrokeColor = weight, col
	}
}

// vmlFill reads a VML shape's fill: filled and fillcolor (white when not
// given, as Word draws it) and its v:fill.
func (r *reader) vmlFill(sh *docmodel.Shape, e *etree.Element, where string) {
	on := flag(e, "filled", true)
	col, ok := vmlColor(e.SelectAttrValue("fillcolor", "white"))
	if f := child(e, "fill"); f != nil {
		on = flag(f, "on", on)
		if c, found := vmlColor(f.SelectAttrValue("color", "")); found {
			col, ok = c, true
		}
		if op := f.SelectAttrValue("opacity", ""); op != "" && vmlFraction(op) < 0.001 {
			on = false
		}
		if t := f.SelectAttrValue("type", "solid"); on && t != "solid" {
			r.warn(where, "nền tô chuyển màu, hoa văn hoặc ảnh của hình chưa được hỗ trợ trong PDF: không tô")
			on = false
		}
	}
	if on && ok {
		sh.Fill = &col
	}
}

// vmlStyle parses a VML style attribute into lower-case keys.
func vmlStyle(s string) map[string]string {
	out := map[string]string{}
	for _, decl := range strings.Split(s, ";") {
		k, v, ok := strings.Cut(decl, ":")
		if ok {
			out[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
		}
	}
	return out
}

// vmlRel maps mso-position-horizontal-relative and -vertical-relative.
// LibreOffice places VML "char" and "line" like "text".
func vmlRel(s string, text docmodel.Rel) docmodel.Rel {
	switch s {
	case "page":
		return docmodel.RelPage
	case "margin":
		return docmodel.RelMargin
	case "left-margin-area", "inner-margin-area":
		return docmodel.RelLeftMargin
	case "right-margin-area", "outer-margin-area":
		return docmodel.RelRightMargin
	case "top-margin-area":
		return docmodel.RelTopMargin
	case "bottom-margin-area":
		return docmodel.RelBottomMargin
	}
	return text
}

// vmlAlign maps mso-position-horizontal and -vertical; "absolute" (or
// nothing) places by offset.
func vmlAlign(s string) string {
	switch s {
	case "left", "inside", "top":
		return "left"
	case "center":
		return "center"
	case "right", "outside", "bottom":
		return "right"
	}
	return ""
}

// cssLength reads a CSS length as twips: pt, in, cm, mm, pc, px, emu;
// a bare number is pixels (0.75 pt).
func cssLength(s string) int {
	s = strings.TrimSpace(s)
	if s == "" || s == "auto" {
		return 0
	}
	factor := 15.0 // px
	for _, u := range []struct {
		unit string
		tw   float64
	}{{"pt", 20}, {"in", 1440}, {"cm", 1440 / 2.54}, {"mm", 144 / 2.54}, {"pc", 240}, {"px", 15}, {"emu", 1.0 / 635}} {
		if strings.HasSuffix(s, u.unit) {
			s, factor = strings.TrimSuffix(s, u.unit), u.tw
			break
		}
	}
	v := cssNumber(s)
	return clampExtent(int(math.Round(v * factor)))
}

// cssNumber reads a plain number, 0 when it is not one.
func cssNumber(s string) float64 {
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0
	}
	return v
}

// vmlPoint reads "x,y" (a v:line's from and to) as twips.
func vmlPoint(s string) (x, y int) {
	a, b, _ := strings.Cut(s, ",")
	return cssLength(a), cssLength(b)
}

// vmlWeight reads a stroke weight as twips: a length, or a bare number,
// of points when small and of EMU when large (LibreOffice writes
// weight="6480").
func vmlWeight(s string) float64 {
	s = strings.TrimSpace(s)
	if v := cssNumber(s); v != 0 || s == "0" {
		if v >= 100 {
			return min(v/635, maxExtent)
		}
		return min(v*20, maxExtent)
	}
	return float64(cssLength(s))
}

// vmlFraction reads a VML fraction: "0.25", "25%" or "16384f" (65536ths).
func vmlFraction(s string) float64 {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return 0
	case strings.HasSuffix(s, "f"):
		return min(max(cssNumber(strings.TrimSuffix(s, "f"))/65536, 0), 1)
	case strings.HasSuffix(s, "%"):
		return min(max(cssNumber(strings.TrimSuffix(s, "%"))/100, 0), 1)
	}
	return min(max(cssNumber(s), 0), 1)
}

// flag reads a boolean attribute ("t", "f", "true", "false", "1", "0"…),
// def when it is absent or says something else.
func flag(e *etree.Element, name string, def bool) bool {
	a := e.SelectAttr(name)
	if a == nil {
		return def
	}
	switch strings.ToLower(strings.TrimSpace(a.Value)) {
	case "t", "true", "1", "on":
		return true
	case "f", "false", "0", "off":
		return false
	}
	return def
}

func abs(x int) int { return max(x, -x) }
