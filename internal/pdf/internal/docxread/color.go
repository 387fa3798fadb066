package docxread

import (
	"math"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// theme holds what shapes take from the document's theme: the colour
// scheme (dk1, lt1, accent1…) and the widths of the line styles that a
// shape's style refers to (lnRef idx 1, 2, 3), in EMU.
type theme struct {
	colors map[string]docmodel.Color
	lines  []int
}

// officeTheme is Word's default theme (Office 2013 and later), used when
// the document has none.
var officeTheme = theme{
	colors: map[string]docmodel.Color{
		"dk1": {}, "lt1": {R: 255, G: 255, B: 255}, "dk2": {R: 0x44, G: 0x54, B: 0x6A}, "lt2": {R: 0xE7, G: 0xE6, B: 0xE6},
		"accent1": {R: 0x44, G: 0x72, B: 0xC4}, "accent2": {R: 0xED, G: 0x7D, B: 0x31}, "accent3": {R: 0xA5, G: 0xA5, B: 0xA5},
		"accent4": {R: 0xFF, G: 0xC0}, "accent5": {R: 0x5B, G: 0x9B, B: 0xD5}, "accent6": {R: 0x70, G: 0xAD, B: 0x47},
		"hlink": {R: 0x05, G: 0x63, B: 0xC1}, "folHlink": {R: 0x95, G: 0x4F, B: 0x72},
	},
	lines: []int{6350, 12700, 19050},
}

// theme reads the main part's theme once; parts of it that are missing
// come from Word's default.
func (r *reader) theme() *theme {
	if r.themeRead != nil {
		return r.themeRead
	}
	t := &theme{colors: map[string]docmodel.Color{}, lines: officeTheme.lines}
	for k, v := range officeTheme.colors {
		t.colors[k] = v
	}
	r.themeRead = t
	var root *etree.Element
	if part := r.related("/theme"); part != "" {
		root, _ = r.XML(part)
	}
	if root == nil {
		return t
	}
	if cs := root.FindElement(".//a:clrScheme"); cs != nil {
		for c := range cs.ChildElementsSeq() {
			if col, ok := plainColor(c.ChildElements()); ok {
				t.colors[c.Tag] = col
			}
		}
	}
	if ls := root.FindElement(".//a:lnStyleLst"); ls != nil {
		var widths []int
		for _, ln := range ls.SelectElements("a:ln") {
			widths = append(widths, atoi(ln.SelectAttrValue("w", "9525")))
		}
		if len(widths) > 0 {
			t.lines = widths
		}
	}
	return t
}

// plainColor reads an srgbClr or sysClr among els, without modifiers
// (a theme's scheme).
func plainColor(els []*etree.Element) (docmodel.Color, bool) {
	for _, e := range els {
		switch e.Tag {
		case "srgbClr":
			return hexColor(e.SelectAttrValue("val", ""))
		case "sysClr":
			return hexColor(e.SelectAttrValue("lastClr", ""))
		}
	}
	return docmodel.Color{}, false
}

// drawingColor reads the colour element inside e (a:solidFill, a:lnRef…):
// srgbClr, schemeClr, sysClr or prstClr with its luminance, shade, tint
// and alpha modifiers. ok is false when e holds none or the colour is
// fully transparent.
func (r *reader) drawingColor(e *etree.Element) (docmodel.Color, bool) {
	for c := range e.ChildElementsSeq() {
		var col docmodel.Color
		ok := false
		switch c.Tag {
		case "srgbClr":
			col, ok = hexColor(c.SelectAttrValue("val", ""))
		case "sysClr":
			col, ok = hexColor(c.SelectAttrValue("lastClr", ""))
			if !ok {
				col, ok = namedColor(c.SelectAttrValue("val", ""))
			}
		case "prstClr":
			col, ok = namedColor(c.SelectAttrValue("val", ""))
		case "schemeClr":
			col, ok = r.theme().colors[schemeAlias(c.SelectAttrValue("val", ""))]
		}
		if !ok {
			continue
		}
		return modify(col, c)
	}
	return docmodel.Color{}, false
}

// schemeAlias maps the text and background names to the scheme's slots.
func schemeAlias(name string) string {
	switch name {
	case "tx1":
		return "dk1"
	case "bg1":
		return "lt1"
	case "tx2":
		return "dk2"
	case "bg2":
		return "lt2"
	}
	return name
}

// modify applies a colour's modifiers (children of its element), in
// order. A transparent colour is blended with the white page; a fully
// transparent one is no colour.
func modify(col docmodel.Color, e *etree.Element) (docmodel.Color, bool) {
	h, s, l := toHSL(col)
	alpha := 1.0
	for m := range e.ChildElementsSeq() {
		v := float64(atoi(m.SelectAttrValue("val", "100000"))) / 100000
		switch m.Tag {
		case "lumMod":
			l *= v
		case "lumOff":
			l += v
		case "shade":
			col = fromHSL(h, s, l)
			col = docmodel.Color{R: uint8(float64(col.R) * v), G: uint8(float64(col.G) * v), B: uint8(float64(col.B) * v)}
			h, s, l = toHSL(col)
		case "tint":
			col = fromHSL(h, s, l)
			t := func(c uint8) uint8 { return uint8(255 - (255-float64(c))*v) }
			col = docmodel.Color{R: t(col.R), G: t(col.G), B: t(col.B)}
			h, s, l = toHSL(col)
		case "alpha":
			alpha = v
		}
	}
	col = fromHSL(h, s, min(max(l, 0), 1))
	if alpha <= 0.001 {
		return col, false
	}
	if alpha < 1 {
		b := func(c uint8) uint8 { return uint8(math.Round(255 - (255-float64(c))*alpha)) }
		col = docmodel.Color{R: b(col.R), G: b(col.G), B: b(col.B)}
	}
	return col, true
}

// hexColor reads "RRGGBB" (or "#RRGGBB", "#RGB").
func hexColor(s string) (docmodel.Color, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) == 3 {
		s = string([]byte{s[0], s[0], s[1], s[1], s[2], s[2]})
	}
	if len(s) != 6 {
		return docmodel.Color{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return docmodel.Color{}, false
	}
	return docmodel.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}, true
}

// namedColors are the colour names Word and LibreOffice write in VML and
// DrawingML preset colours.
var namedColors = map[string]string{
	"black": "000000", "white": "FFFFFF", "red": "FF0000", "green": "008000", "blue": "0000FF",
	"yellow": "FFFF00", "gray": "808080", "grey": "808080", "silver": "C0C0C0", "maroon": "800000",
	"navy": "000080", "olive": "808000", "purple": "800080", "teal": "008080", "lime": "00FF00",
	"aqua": "00FFFF", "fuchsia": "FF00FF", "windowtext": "000000", "window": "FFFFFF",
	"darkgray": "A9A9A9", "lightgray": "D3D3D3", "darkred": "8B0000", "darkblue": "00008B",
}

func namedColor(s string) (docmodel.Color, bool) {
	if hex, ok := namedColors[strings.ToLower(s)]; ok {
		return hexColor(hex)
	}
	return docmodel.Color{}, false
}

// vmlColor reads a VML colour: "#RRGGBB", "#RGB", a name, or a name with
// a system colour index after it ("black [3213]").
func vmlColor(s string) (docmodel.Color, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ' '); i > 0 {
		s = s[:i]
	}
	if strings.HasPrefix(s, "#") {
		return hexColor(s)
	}
	return namedColor(s)
}

func toHSL(c docmodel.Color) (h, s, l float64) {
	r, g, b := float64(c.R)/255, float64(c.G)/255, float64(c.B)/255
	mx, mn := max(r, g, b), min(r, g, b)
	l = (mx + mn) / 2
	if mx == mn {
		return 0, 0, l
	}
	d := mx - mn
	if l > 0.5 {
		s = d / (2 - mx - mn)
	} else {
		s = d / (mx + mn)
	}
	switch mx {
	case r:
		h = (g - b) / d
		if g < b {
			h += 6
		}
	case g:
		h = (b-r)/d + 2
	default:
		h = (r-g)/d + 4
	}
	return h / 6, s, l
}

func fromHSL(h, s, l float64) docmodel.Color {
	if s == 0 {
		v := uint8(math.Round(l * 255))
		return docmodel.Color{R: v, G: v, B: v}
	}
	var q float64
	if l < 0.5 {
		q = l * (1 + s)
	} else {
		q = l + s - l*s
	}
	p := 2*l - q
	hue := func(t float64) uint8 {
		t -= math.Floor(t)
		var v float64
		switch {
		case t < 1.0/6:
			v = p + (q-p)*6*t
		case t < 0.5:
			v = q
		case t < 2.0/3:
			v = p + (q-p)*(2.0/3-t)*6
		default:
			v = p
		}
		return uint8(math.Round(v * 255))
	}
	return docmodel.Color{R: hue(h + 1.0/3), G: hue(h), B: hue(h - 1.0/3)}
}
