package ooxml

import "github.com/beevik/etree"

// Style is one w:style of styles.xml, its property elements as written.
type Style struct {
	ID, Type, Name, BasedOn string
	PPr, RPr, TblPr         *etree.Element // nil when absent
}

// StyleSheet is styles.xml: the document defaults and the styles by id,
// with the default paragraph, character and table styles.
type StyleSheet struct {
	ByID                                   map[string]*Style
	DefaultPPr, DefaultRPr                 *etree.Element // docDefaults; nil when absent
	DefaultPara, DefaultChar, DefaultTable string
}

// ReadStyleSheet reads styles.xml from its root element; nil gives an
// empty sheet.
func ReadStyleSheet(root *etree.Element) *StyleSheet {
	s := &StyleSheet{ByID: map[string]*Style{}}
	if root == nil {
		return s
	}
	if dd := root.SelectElement("w:docDefaults"); dd != nil {
		s.DefaultPPr = dd.FindElement("w:pPrDefault/w:pPr")
		s.DefaultRPr = dd.FindElement("w:rPrDefault/w:rPr")
	}
	for _, e := range root.SelectElements("w:style") {
		st := &Style{ID: e.SelectAttrValue("w:styleId", ""), Type: e.SelectAttrValue("w:type", "paragraph"),
			PPr: e.SelectElement("w:pPr"), RPr: e.SelectElement("w:rPr"), TblPr: e.SelectElement("w:tblPr")}
		if n := e.SelectElement("w:name"); n != nil {
			st.Name = wval(n)
		}
		if b := e.SelectElement("w:basedOn"); b != nil {
			st.BasedOn = wval(b)
		}
		s.ByID[st.ID] = st
		if v := e.SelectAttrValue("w:default", ""); v == "1" || v == "true" || v == "on" {
			switch st.Type {
			case "paragraph":
				s.DefaultPara = st.ID
			case "character":
				s.DefaultChar = st.ID
			case "table":
				s.DefaultTable = st.ID
			}
		}
	}
	return s
}

// Chain lists a style and the styles it is based on, nearest first. An
// unknown id ends the chain, and so does a loop.
func (s *StyleSheet) Chain(id string) []*Style {
	var out []*Style
	seen := map[string]bool{}
	for id != "" && !seen[id] {
		seen[id] = true
		st := s.ByID[id]
		if st == nil {
			break
		}
		out = append(out, st)
		id = st.BasedOn
	}
	return out
}

// wval is an element's w:val attribute.
func wval(e *etree.Element) string { return e.SelectAttrValue("w:val", "") }
