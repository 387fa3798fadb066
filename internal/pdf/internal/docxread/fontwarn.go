package docxread

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/fonts"
	"github.com/hoso-vn/hoso/internal/vn"
)

// fontNote gathers the paragraphs that use one font the PDF cannot show as
// Word shows it: one warning per font names the first and counts them.
type fontNote struct {
	font     string
	match    fonts.Match
	legacy   string // TCVN3 or VNI: the text is in that legacy encoding
	where    string // the first paragraph
	sample   string // legacy: the text of the first run
	paras    int
	lastPara int
}

// noteFont records that run (of paragraph number r.paraNo) is set in font.
func (r *reader) noteFont(font string, run *etree.Element) { r.noteFontOf(font, run, "") }

// noteFontOf records that text of element e (a run, or a paragraph for its
// list label: then text is the label's) is set in font; text "" stands
// for the run's own.
func (r *reader) noteFontOf(font string, e *etree.Element, text string) {
	if font == "" {
		return
	}
	if r.fontIdx == nil {
		r.fontIdx = map[string]int{}
	}
	i, seen := r.fontIdx[font]
	if !seen {
		i = -1
		m := fonts.Lookup(font)
		enc, legacy := vn.LegacyFont(font)
		if legacy || m.Kind != fonts.Same {
			i = len(r.fontNotes)
			n := &fontNote{font: font, match: m, where: r.where(r.paragraphOf(e))}
			if legacy {
				n.sample = text
				if text == "" {
					n.sample = runText(e)
				}
				n.legacy = enc
				if name, ok := vn.LegacyEncoding(n.sample); ok {
					n.legacy = name
				}
			}
			r.fontNotes = append(r.fontNotes, n)
		}
		r.fontIdx[font] = i
	}
	if i < 0 {
		return
	}
	if n := r.fontNotes[i]; n.lastPara != r.paraNo {
		n.paras++
		n.lastPara = r.paraNo
	}
}

// fontWarnings turns the notes into warnings, in order of first use.
func (r *reader) fontWarnings() {
	for _, n := range r.fontNotes {
		var msg string
		switch {
		case n.legacy != "":
			msg = fmt.Sprintf("phông «%s» là phông tiếng Việt cũ, chữ lưu theo bảng mã %s: PDF in đúng các ký tự có trong tệp, như LibreOffice («%s» thay vì «%s»); "+
				"hãy chuyển mã đoạn văn sang Unicode (Unikey: Ctrl+Shift+F6) và đổi sang phông Times New Roman",
				n.font, vn.LegacyLabel(n.legacy), shorten(n.sample, 30), shorten(vn.DecodeLegacy(n.sample, n.legacy), 30))
		case n.match.Kind == fonts.Fallback:
			msg = fmt.Sprintf("phông «%s» không có sẵn: chữ vẽ bằng %s như LibreOffice, rộng hơn phông gốc nên dòng có thể xuống khác Word",
				n.font, n.match.Family.Name())
		default:
			msg = fmt.Sprintf("phông «%s»: LibreOffice vẽ bằng %s, hoso không kèm phông này nên vẽ bằng %s; dòng có thể xuống khác",
				n.font, n.match.Instead, n.match.Family.Name())
		}
		if n.paras > 1 {
			msg += fmt.Sprintf(" (%d đoạn dùng phông này)", n.paras)
		}
		r.warn(n.where, msg)
	}
}

// paragraphOf is the paragraph that holds e (e itself when it is one):
// the paragraph being read. (Not found through e's parent links: a filled
// document's tree shares the template's subtrees.)
func (r *reader) paragraphOf(e *etree.Element) *etree.Element {
	if e.Tag == "p" || r.para == nil {
		return e
	}
	return r.para
}

// runText is the text of a run's w:t elements.
func runText(run *etree.Element) string {
	var sb strings.Builder
	for _, t := range run.SelectElements("w:t") {
		sb.WriteString(t.Text())
	}
	return sb.String()
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) > n {
		return string(rs[:n-1]) + "…"
	}
	return string(rs)
}

// unsupportedRun names the character formatting the PDF does not show.
var unsupportedRun = map[string]string{
	"smallCaps": "chữ hoa nhỏ (smallCaps)",
	"emboss":    "chữ nổi (emboss)",
	"imprint":   "chữ chìm (imprint)",
	"outline":   "chữ viền (outline)",
	"shadow":    "chữ bóng (shadow)",
	"bdr":       "khung quanh chữ (w:bdr)",
	"fitText":   "co giãn chữ theo độ rộng (fitText)",
	"em":        "dấu nhấn (w:em)",
}

// w14Effects are Word 2010's text effects.
var w14Effects = map[string]bool{"glow": true, "shadow": true, "reflection": true, "textOutline": true,
	"textFill": true, "props3d": true, "scene3d": true}

// formatOn reports whether one of the unsupportedRun elements is in force.
func formatOn(c *etree.Element) bool {
	switch v := wval(c); c.Tag {
	case "em":
		return v != "" && v != "none"
	case "bdr":
		return v != "" && v != "nil" && v != "none"
	case "fitText":
		return true
	default:
		return onOff(c)
	}
}

// runFormatWarnings warns of the formatting of a run (direct, or from its
// character style) that the PDF does not show.
func (r *reader) runFormatWarnings(rPr *etree.Element, run *etree.Element) {
	if rPr == nil {
		return
	}
	check := func(e *etree.Element) {
		if e == nil {
			return
		}
		for c := range e.ChildElementsSeq() {
			if label, ok := unsupportedRun[c.Tag]; ok && c.Space == "w" && formatOn(c) {
				r.warn(r.where(r.paragraphOf(run)), "định dạng ký tự chưa được hỗ trợ, PDF in chữ thường: "+label)
			}
			if c.Space == "w14" && w14Effects[c.Tag] {
				r.warn(r.where(r.paragraphOf(run)), "hiệu ứng chữ của Word (w14:"+c.Tag+") chưa được hỗ trợ: PDF in chữ thường")
			}
			if c.Tag == "color" && c.SelectAttr("w:themeColor") != nil && validHex(wval(c)) == "" && wval(c) != "auto" {
				r.warn(r.where(r.paragraphOf(run)), "màu chữ theo chủ đề (themeColor) không kèm mã màu: in màu đen như LibreOffice")
			}
		}
	}
	check(rPr)
	if st := rPr.SelectElement("w:rStyle"); st != nil {
		for _, d := range r.styles.chain(wval(st)) {
			check(d.RPr)
		}
	}
}
