package docxtpl

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/beevik/etree"
)

// look is how a run's letters look: the run properties a reader sees
// (bold, size, colour…) with their values; properties that do not change
// the letters (language, spell-check, complex-script twins) are left out,
// so the runs Word splits a word into for its own reasons look alike.
type look map[string]string

// lookProps are the run properties a look holds, in the order they are
// described.
var lookProps = []string{"b", "i", "u", "strike", "dstrike", "caps", "smallCaps", "vanish",
	"sz", "rFonts", "color", "highlight", "shd", "vertAlign", "spacing", "rStyle"}

// lookOf reads the look of a run from its own properties.
func lookOf(run *etree.Element) look {
	out := look{}
	rPr := run.SelectElement("w:rPr")
	if rPr == nil {
		return out
	}
	for c := range rPr.ChildElementsSeq() {
		if c.Space != "w" || !slices.Contains(lookProps, c.Tag) {
			continue
		}
		val := c.SelectAttrValue("w:val", "")
		switch c.Tag {
		case "rFonts":
			val = c.SelectAttrValue("w:ascii", c.SelectAttrValue("w:hAnsi", c.SelectAttrValue("w:asciiTheme", "")))
		case "shd":
			val = c.SelectAttrValue("w:fill", "")
		case "sz", "color", "highlight", "vertAlign", "spacing", "rStyle":
		case "u":
			if val == "" {
				val = "single"
			}
		default: // a toggle: on unless w:val says off
			val = "1"
			if offValue(c.SelectAttrValue("w:val", "")) {
				val = ""
			}
		}
		switch val {
		case "", "none", "auto", "baseline", "0":
			continue
		}
		out[c.Tag] = val
	}
	return out
}

// words describes property prop of a look in Vietnamese ("đậm",
// "không đậm", "cỡ 14").
func (l look) words(prop string) string {
	v, on := l[prop]
	toggle := map[string]string{"b": "đậm", "i": "nghiêng", "u": "gạch chân", "strike": "gạch ngang",
		"dstrike": "gạch ngang đôi", "caps": "chữ hoa (caps)", "smallCaps": "chữ hoa nhỏ", "vanish": "ẩn"}
	if w, ok := toggle[prop]; ok {
		if on {
			return w
		}
		return "không " + w
	}
	if !on {
		return map[string]string{"sz": "cỡ chữ mặc định", "rFonts": "phông mặc định", "color": "màu tự động",
			"highlight": "không tô sáng", "shd": "không tô nền", "vertAlign": "chữ ngang dòng",
			"spacing": "không giãn chữ", "rStyle": "không có kiểu ký tự"}[prop]
	}
	switch prop {
	case "sz":
		n, _ := strconv.ParseFloat(v, 64)
		return "cỡ " + strings.Replace(strconv.FormatFloat(n/2, 'f', -1, 64), ".", ",", 1)
	case "vertAlign":
		if v == "superscript" {
			return "chỉ số trên"
		}
		return "chỉ số dưới"
	}
	return map[string]string{"rFonts": "phông ", "color": "màu ", "highlight": "tô sáng ", "shd": "tô nền ",
		"spacing": "giãn chữ ", "rStyle": "kiểu ký tự "}[prop] + v
}

// lookPiece is some letters of a tag with their look.
type lookPiece struct {
	text string
	look look
}

// unevenLook says, when the letters of a tag do not all look alike, which
// differ from the tag's first letters and how, and what the value will
// look like (the engine gives it the look of the run where "{{" starts);
// "" when they look alike.
func unevenLook(pieces []lookPiece) string {
	// join neighbours that look alike
	var segs []lookPiece
	for _, p := range pieces {
		if n := len(segs); n > 0 && maps.Equal(segs[n-1].look, p.look) {
			segs[n-1].text += p.text
			continue
		}
		segs = append(segs, p)
	}
	if len(segs) < 2 {
		return ""
	}
	head := segs[0].look
	var differ []string
	var parts []string
	for _, sg := range segs[1:] {
		var ws []string
		for _, prop := range lookProps {
			if head[prop] != sg.look[prop] {
				ws = append(ws, sg.look.words(prop))
				if !slices.Contains(differ, prop) {
					differ = append(differ, prop)
				}
			}
		}
		parts = append(parts, "«"+sg.text+"» "+strings.Join(ws, ", "))
	}
	var hw []string
	for _, prop := range lookProps {
		if slices.Contains(differ, prop) {
			hw = append(hw, head.words(prop))
		}
	}
	first := strings.Join(hw, ", ")
	return "các chữ trong thẻ định dạng khác nhau: «" + segs[0].text + "» " + first + "; " + strings.Join(parts, "; ") +
		". Giá trị điền vào theo định dạng của «{{» (" + first + ")"
}

// unevenFix is what to do about a tag formatted unevenly.
const unevenFix = "chọn cả thẻ, từ «{{» đến «}}», rồi đặt một định dạng cho cả thẻ (ví dụ bấm Ctrl+B cho đến khi cả thẻ cùng đậm hoặc cùng không đậm)"
