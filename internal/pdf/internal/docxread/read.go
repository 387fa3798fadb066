// Package docxread reads a DOCX file into the document model the layout
// engine draws from. It supports the subset of WordprocessingML that the
// form templates and their maintainers use (sections, styles with basedOn
// chains, paragraph and run formatting, tabs, PAGE/NUMPAGES fields, tables
// with spans, merges, borders and margins, headers). Whatever it meets
// outside that subset is reported as a warning with its location; no text
// is dropped silently. Opening and vetting the package is ooxml's job.
package docxread

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Read reads a DOCX's parts into the document model. The warnings name
// what the model does not carry (images, text boxes, numbering…), with
// where it was.
func Read(parts *ooxml.Parts) (*docmodel.Document, []string, error) {
	return read(parts)
}

func read(parts *ooxml.Parts) (*docmodel.Document, []string, error) {
	r := &reader{Parts: parts}
	mainPart := parts.MainPart()
	root, err := r.XML(mainPart)
	if err != nil {
		return nil, nil, err
	}
	r.part, r.mainPart = mainPart, mainPart
	r.docRels, _ = r.Rels(mainPart)
	r.styles = newStyles(nil)
	r.notes = newNotes()
	numberingPart := ""
	for _, rel := range r.docRels {
		switch {
		case strings.HasSuffix(rel.Type, "/styles"):
			if st, err := r.XML(rel.Target); err == nil {
				r.styles = newStyles(st)
			} else {
				r.warn("styles.xml", "không đọc được kiểu (styles): "+err.Error())
			}
		case strings.HasSuffix(rel.Type, "/settings"):
			if st, err := r.XML(rel.Target); err == nil {
				r.settings(st)
			}
		case strings.HasSuffix(rel.Type, "/numbering"):
			numberingPart = rel.Target
		case strings.HasSuffix(rel.Type, "/footnotes"):
			r.notes.foot.part = rel.Target
		case strings.HasSuffix(rel.Type, "/endnotes"):
			r.notes.end.part = rel.Target
		}
	}
	if t := r.related("/theme"); t != "" {
		r.styles.theme = func() (string, string) {
			if th, err := r.XML(t); err == nil {
				return themeFonts(th)
			}
			return "", ""
		}
	}
	r.readNumbering(numberingPart)
	if r.tab == 0 {
		r.tab = 720
	}
	doc := &docmodel.Document{DefaultTab: r.tab, Title: r.title()}
	body := root.SelectElement("w:body")
	if body == nil {
		return nil, nil, fmt.Errorf("%s: thiếu w:body", mainPart)
	}
	r.body(body, doc)
	r.leadingParagraph(doc)
	doc.Endnotes = r.endnotes
	r.leftoverFrames()
	r.fontWarnings()
	return doc, r.warnings, nil
}

// readNumbering reads numbering.xml, once the styles are known (a list
// may take its levels from a numbering style).
func (r *reader) readNumbering(part string) {
	var root *etree.Element
	if part != "" {
		var err error
		if root, err = r.XML(part); err != nil {
			r.warn(part, "không đọc được đánh số tự động (numbering): "+err.Error())
		}
	}
	r.lists = readNumbering(root, r.styles)
}

type reader struct {
	*ooxml.Parts
	part     string
	para     *etree.Element // the paragraph being read
	docRels  []ooxml.Rel
	styles   *styles
	compat15 bool
	tab      int
	warnings []string
	paraNo   int
	seenWarn map[string]bool
	// fontNotes are the fonts the PDF cannot draw as Word does, fontIdx
	// their index by name (-1: a font drawn as Word draws it).
	fontNotes []*fontNote
	fontIdx   map[string]int
	mainPart  string
	lists     *numbering
	notes     *notes
	endnotes  []*docmodel.Note

	// Shapes, pictures and frames (drawing.go, vml.go, picture.go,
	// frame.go).
	inBox        int    // depth of text boxes being read
	inGroup      int    // depth of groups being read
	themeRead    *theme // the theme, once read
	partRels     map[string][]ooxml.Rel
	decodedMedia map[string]*decoded // by part name
	resampled    map[string]*docmodel.Picture
	framed       map[*docmodel.Paragraph]*frameInfo
}

// related is the target of the main part's relationship of a type (its
// last segment, "/theme").
func (r *reader) related(kind string) string {
	for _, rl := range r.docRels {
		if strings.HasSuffix(rl.Type, kind) {
			return rl.Target
		}
	}
	return ""
}

func (r *reader) target(id string) string {
	for _, rl := range r.docRels {
		if rl.ID == id {
			return rl.Target
		}
	}
	return ""
}

// warn records one unsupported feature; repeats of the same message are
// kept once.
func (r *reader) warn(where, what string) {
	msg := where + ": " + what
	if r.seenWarn == nil {
		r.seenWarn = map[string]bool{}
	}
	if !r.seenWarn[msg] {
		r.seenWarn[msg] = true
		r.warnings = append(r.warnings, msg)
	}
}

func (r *reader) settings(st *etree.Element) {
	if t := st.SelectElement("w:defaultTabStop"); t != nil {
		r.tab = atoi(wval(t))
	}
	for _, cs := range st.FindElements("w:compat/w:compatSetting") {
		if cs.SelectAttrValue("w:name", "") == "compatibilityMode" && atoi(cs.SelectAttrValue("w:val", "")) >= 15 {
			r.compat15 = true
		}
	}
	r.notePr(st.SelectElement("w:footnotePr"), &r.notes.foot, "chú thích cuối trang")
	r.notePr(st.SelectElement("w:endnotePr"), &r.notes.end, "chú thích cuối văn bản")
	if st.SelectElement("w:evenAndOddHeaders") != nil && onOff(st.SelectElement("w:evenAndOddHeaders")) {
		r.warn("settings.xml", "đầu trang chẵn/lẻ khác nhau chưa được hỗ trợ: dùng đầu trang mặc định cho mọi trang")
	}
}

func (r *reader) title() string {
	root, err := r.XML("docProps/core.xml")
	if err != nil {
		return ""
	}
	for e := range root.ChildElementsSeq() {
		if e.Tag == "title" {
			return strings.TrimSpace(e.Text())
		}
	}
	return ""
}

// wval is an element's w:val.
func wval(e *etree.Element) string { return e.SelectAttrValue("w:val", "") }

// onOff reads a toggle: present without w:val, or with a true value.
func onOff(e *etree.Element) bool {
	if e == nil {
		return false
	}
	switch wval(e) {
	case "", "1", "true", "on":
		return true
	}
	return false
}

func atoi(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil {
		return int(f)
	}
	return 0
}

// twips reads a measure attribute; Word writes twips, sometimes with a
// unit suffix (LibreOffice never does).
func twips(e *etree.Element, attr string) (int, bool) {
	a := e.SelectAttr(attr)
	if a == nil {
		return 0, false
	}
	v := a.Value
	switch {
	case strings.HasSuffix(v, "pt"):
		f, _ := strconv.ParseFloat(strings.TrimSuffix(v, "pt"), 64)
		return int(f * 20), true
	case strings.HasSuffix(v, "mm"):
		f, _ := strconv.ParseFloat(strings.TrimSuffix(v, "mm"), 64)
		return int(f * 56.6929), true
	case strings.HasSuffix(v, "cm"):
		f, _ := strconv.ParseFloat(strings.TrimSuffix(v, "cm"), 64)
		return int(f * 566.929), true
	case strings.HasSuffix(v, "in"):
		f, _ := strconv.ParseFloat(strings.TrimSuffix(v, "in"), 64)
		return int(f * 1440), true
	}
	return atoi(v), true
}
