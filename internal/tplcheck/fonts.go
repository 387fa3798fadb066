package tplcheck

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/ooxml"
)

// The font Nghị định 30 requires, compared case-insensitively.
const requiredFont = "Times New Roman"

// fontSlots are the rFonts attributes that carry Vietnamese text, with the
// attribute naming a theme font instead. The complex-script slot (w:cs)
// carries it only in a run marked complex script or right-to-left; it is
// checked there, and, as a warning, where the text holds characters of a
// complex script (complexScript). w:eastAsia is never checked: Word takes
// it for East Asian characters only.
var fontSlots = []struct{ attr, theme string }{
	{"w:ascii", "w:asciiTheme"},
	{"w:hAnsi", "w:hAnsiTheme"},
	{"w:cs", "w:cstheme"},
}

// style is one w:style of styles.xml.
type style = ooxml.Style

// styleSheet resolves the style chains of a document.
type styleSheet struct{ *ooxml.StyleSheet }

// rFonts is the w:rFonts of run properties, nil when there is none.
func rFonts(rPr *etree.Element) *etree.Element {
	if rPr == nil {
		return nil
	}
	return rPr.SelectElement("w:rFonts")
}

// styleLabel names a style for a person.
func styleLabel(st *style) string {
	if st.Name != "" && st.Name != st.ID {
		return fmt.Sprintf("kiểu «%s» (%s)", st.Name, st.ID)
	}
	return fmt.Sprintf("kiểu «%s»", st.ID)
}

// fontLevel is one place a run's font may come from, nearest first.
type fontLevel struct {
	rFonts *etree.Element
	style  *style // nil for direct formatting and document defaults
	direct bool
}

// runLevels lists where a run's font may come from, in the order Word
// applies them: direct formatting, character style, paragraph style,
// table style, document defaults.
func (s *styleSheet) runLevels(run *etree.Element) []fontLevel {
	var lv []fontLevel
	rPr := run.SelectElement("w:rPr")
	if rPr != nil {
		lv = append(lv, fontLevel{rFonts: rPr.SelectElement("w:rFonts"), direct: true})
		if rs := rPr.SelectElement("w:rStyle"); rs != nil {
			for _, st := range s.Chain(wval(rs)) {
				lv = append(lv, fontLevel{rFonts: rFonts(st.RPr), style: st})
			}
		}
	}
	pid := s.DefaultPara
	if p := ancestor(run, "p"); p != nil {
		if ps := p.FindElement("w:pPr/w:pStyle"); ps != nil {
			pid = wval(ps)
		}
	}
	for _, st := range s.Chain(pid) {
		lv = append(lv, fontLevel{rFonts: rFonts(st.RPr), style: st})
	}
	if tbl := ancestor(run, "tbl"); tbl != nil {
		tid := s.DefaultTable
		if ts := tbl.FindElement("w:tblPr/w:tblStyle"); ts != nil {
			tid = wval(ts)
		}
		for _, st := range s.Chain(tid) {
			lv = append(lv, fontLevel{rFonts: rFonts(st.RPr), style: st})
		}
	}
	lv = append(lv, fontLevel{rFonts: rFonts(s.DefaultRPr)})
	return lv
}

// fontProblem is a wrong font found at one level, with the slots concerned.
type fontProblem struct {
	kind  string // CodeFont, CodeThemeFont, CodeFontUnset
	value string
	level fontLevel
	slots []string
	// warn: only the complex-script slot, for characters of a complex
	// script in a run not marked so (a warning, not an error).
	warn bool
}

// complexScripts are the scripts Word sets in a run's complex-script font
// (w:cs) whatever the run's marks.
var complexScripts = []*unicode.RangeTable{unicode.Arabic, unicode.Hebrew, unicode.Syriac, unicode.Thaana,
	unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar, unicode.Tibetan, unicode.Devanagari, unicode.Bengali,
	unicode.Gurmukhi, unicode.Gujarati, unicode.Oriya, unicode.Tamil, unicode.Telugu, unicode.Kannada,
	unicode.Malayalam, unicode.Sinhala}

// complexScript says when Word sets a run's text in its complex-script
// font: marked (w:rtl or w:cs on, directly or by its styles or the
// document defaults): all of it; else only its characters of a complex
// script (some: true). Vietnamese is Latin: the ascii and hAnsi fonts.
func (s *styleSheet) complexScript(run *etree.Element, levels []fontLevel) (marked, some bool) {
	rPrs := []*etree.Element{run.SelectElement("w:rPr"), s.DefaultRPr}
	for _, lv := range levels {
		if lv.style != nil {
			rPrs = append(rPrs, lv.style.RPr)
		}
	}
	for _, rPr := range rPrs {
		if rPr == nil {
			continue
		}
		for _, tag := range []string{"w:rtl", "w:cs"} {
			if e := rPr.SelectElement(tag); e != nil && !slices.Contains([]string{"0", "false", "off"}, wval(e)) {
				return true, true
			}
		}
	}
	for _, t := range run.SelectElements("w:t") {
		if strings.ContainsFunc(t.Text(), func(r rune) bool { return unicode.IsOneOf(complexScripts, r) }) {
			return false, true
		}
	}
	return false, false
}

// checkFonts resolves the font of every run that shows text in the body,
// headers and footers and reports the level (direct formatting in a
// paragraph, a style, the document defaults) where a wrong one is set.
func (d *docx) checkFonts() []Finding {
	var out []Finding
	for _, p := range d.parts {
		if p.kind != "thân văn bản" && p.kind != "đầu trang" && p.kind != "chân trang" {
			continue
		}
		for _, run := range p.root.FindElements("//w:r") {
			if !showsText(run) || ancestor(run, "del") != nil || ancestor(run, "moveFrom") != nil {
				continue
			}
			for _, fp := range d.styles.resolve(run) {
				out = append(out, d.fontFinding(p, run, fp))
			}
		}
	}
	return out
}

// showsText reports whether a run holds visible text.
func showsText(run *etree.Element) bool {
	for _, t := range run.SelectElements("w:t") {
		if strings.TrimSpace(t.Text()) != "" {
			return true
		}
	}
	return false
}

// resolve finds the wrong fonts of a run, grouped by where they are set.
func (s *styleSheet) resolve(run *etree.Element) []fontProblem {
	levels := s.runLevels(run)
	var probs []fontProblem
	add := func(kind, value string, lv fontLevel, slot string) {
		for i := range probs {
			if probs[i].kind == kind && probs[i].value == value && probs[i].level == lv {
				probs[i].slots = append(probs[i].slots, slot)
				return
			}
		}
		probs = append(probs, fontProblem{kind: kind, value: value, level: lv, slots: []string{slot}})
	}

	marked, some := s.complexScript(run, levels)
	for _, slot := range fontSlots {
		name := strings.TrimPrefix(slot.attr, "w:")
		if slot.attr == "w:cs" && !some {
			continue
		}
		found := false
		for _, lv := range levels {
			if lv.rFonts == nil {
				continue
			}
			if th := lv.rFonts.SelectAttrValue(slot.theme, ""); th != "" {
				add(CodeThemeFont, th, lv, name)
				found = true
				break
			}
			if v := lv.rFonts.SelectAttrValue(slot.attr, ""); v != "" {
				if !strings.EqualFold(strings.TrimSpace(v), requiredFont) {
					add(CodeFont, v, lv, name)
				}
				found = true
				break
			}
		}
		if !found {
			add(CodeFontUnset, "", fontLevel{}, name)
		}
	}
	if !marked { // the cs slot alone, for a few characters: a warning
		for i := range probs {
			probs[i].warn = slices.Equal(probs[i].slots, []string{"cs"})
		}
	}
	return probs
}

func (d *docx) fontFinding(p *part, run *etree.Element, fp fontProblem) Finding {
	slots := strings.Join(fp.slots, ", ")
	sev := Error
	if fp.warn {
		sev, slots = Warning, "cs: phông cho chữ Ả Rập, Do Thái, Thái… có trong đoạn"
	}
	var msg, fix string
	switch fp.kind {
	case CodeThemeFont:
		msg = fmt.Sprintf("dùng phông chủ đề «%s» (%s): phông này đổi theo máy và chủ đề Word, không phải Times New Roman", fp.value, slots)
		fix = "chọn đích danh phông Times New Roman thay cho «+Body» / «+Headings» (Calibri, Cambria…)"
	case CodeFont:
		msg = fmt.Sprintf("phông «%s» (%s): Nghị định 30/2020/NĐ-CP yêu cầu phông Times New Roman", fp.value, slots)
		fix = "đổi sang phông Times New Roman"
	default:
		msg = fmt.Sprintf("không đặt phông ở đâu cả (%s): Word dùng phông mặc định của máy", slots)
		fix = "đặt phông Times New Roman cho kiểu Normal và làm mặc định (Word: Home → Font → Set As Default; LibreOffice: Công cụ → Tùy chọn → LibreOffice Writer → Phông cơ bản)"
		return d.find(sev, CodeFontUnset, d.stylesPart, "mặc định của tài liệu (docDefaults) và kiểu Normal", msg, fix)
	}
	switch {
	case fp.level.direct:
		return d.find(sev, fp.kind, p, p.loc.Where(run), msg,
			fix+" cho đoạn này: chọn chữ rồi đổi phông, hoặc xoá định dạng trực tiếp (Ctrl+Space) để theo kiểu Normal")
	case fp.level.style != nil:
		return d.find(sev, fp.kind, d.stylesPart, styleLabel(fp.level.style), msg,
			fix+" trong "+styleLabel(fp.level.style)+" (Word: Home → Styles → chuột phải → Modify; LibreOffice: Kiểu → Quản lý kiểu → Sửa kiểu → Phông)")
	}
	return d.find(sev, fp.kind, d.stylesPart, "mặc định của tài liệu (docDefaults)", msg,
		fix+" làm phông mặc định (Word: Home → Font → Set As Default → All documents based on this template)")
}
