package docxread

import (
	"slices"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// styles resolves properties through docDefaults and basedOn chains.
type styles struct {
	*ooxml.StyleSheet
	// theme reads the theme's Latin fonts (headings, body) the first time
	// a run names one; nil when the document has no theme.
	theme        func() (major, minor string)
	major, minor string
	themeRead    bool
}

func newStyles(root *etree.Element) *styles { return &styles{StyleSheet: ooxml.ReadStyleSheet(root)} }

// chain returns the style and its ancestors, base first: the order their
// properties apply in.
func (s *styles) chain(id string) []*ooxml.Style {
	out := s.Chain(id)
	slices.Reverse(out)
	return out
}

// paraStyle is the paragraph's style id, or the default paragraph style.
func (s *styles) paraStyle(pPr *etree.Element) string {
	if pPr != nil {
		if ps := pPr.SelectElement("w:pStyle"); ps != nil {
			return wval(ps)
		}
	}
	return s.DefaultPara
}

// paraProps resolves a paragraph's properties: defaults, table style,
// style chain, its list level's (lvlPPr, nil when not numbered), direct.
func (s *styles) paraProps(pPr *etree.Element, tblStyle string, lvlPPr *etree.Element) docmodel.ParaProps {
	p := docmodel.ParaProps{WidowControl: true, Line: 240}
	applyPPr(&p, s.DefaultPPr)
	for _, d := range s.chain(tblStyle) {
		applyPPr(&p, d.PPr)
	}
	id := s.paraStyle(pPr)
	p.Style = id
	for _, d := range s.chain(id) {
		applyPPr(&p, d.PPr)
	}
	applyPPr(&p, lvlPPr)
	applyPPr(&p, pPr)
	return p
}

// runBase resolves the run properties every run of a paragraph starts from:
// defaults, table style, paragraph style chain.
func (s *styles) runBase(pPr *etree.Element, tblStyle string) docmodel.RunProps {
	rp := docmodel.RunProps{Size: 20}
	applyRPr(&rp, s.DefaultRPr)
	for _, d := range s.chain(tblStyle) {
		applyRPr(&rp, d.RPr)
	}
	for _, d := range s.chain(s.paraStyle(pPr)) {
		applyRPr(&rp, d.RPr)
	}
	s.resolveFont(&rp)
	return rp
}

// runProps adds a run's character style and direct formatting to base.
func (s *styles) runProps(base docmodel.RunProps, rPr *etree.Element) docmodel.RunProps {
	rp := base
	cs := s.DefaultChar
	if rPr != nil {
		if st := rPr.SelectElement("w:rStyle"); st != nil {
			cs = wval(st)
		}
	}
	for _, d := range s.chain(cs) {
		applyRPr(&rp, d.RPr)
	}
	applyRPr(&rp, rPr)
	s.resolveFont(&rp)
	return rp
}

func applyPPr(p *docmodel.ParaProps, pPr *etree.Element) {
	if pPr == nil {
		return
	}
	for c := range pPr.ChildElementsSeq() {
		switch c.Tag {
		case "jc":
			switch wval(c) {
			case "center":
				p.Align = docmodel.AlignCenter
			case "right", "end":
				p.Align = docmodel.AlignRight
			case "both", "distribute", "justify", "lowKashida", "mediumKashida", "highKashida", "thaiDistribute":
				p.Align = docmodel.AlignBoth
			default:
				p.Align = docmodel.AlignLeft
			}
		case "ind":
			for _, k := range []string{"w:left", "w:start"} {
				if v, ok := twips(c, k); ok {
					p.IndLeft = v
				}
			}
			for _, k := range []string{"w:right", "w:end"} {
				if v, ok := twips(c, k); ok {
					p.IndRight = v
				}
			}
			if v, ok := twips(c, "w:firstLine"); ok {
				p.FirstLine = v
			}
			if v, ok := twips(c, "w:hanging"); ok {
				p.FirstLine = -v
			}
		case "spacing":
			if v, ok := twips(c, "w:before"); ok {
				p.Before = v
			}
			if v, ok := twips(c, "w:after"); ok {
				p.After = v
			}
			if a := c.SelectAttr("w:beforeAutospacing"); a != nil {
				p.BeforeAuto = a.Value == "1" || a.Value == "true" || a.Value == "on"
			}
			if a := c.SelectAttr("w:afterAutospacing"); a != nil {
				p.AfterAuto = a.Value == "1" || a.Value == "true" || a.Value == "on"
			}
			if v, ok := twips(c, "w:line"); ok {
				p.Line = v
				switch c.SelectAttrValue("w:lineRule", "auto") {
				case "exact":
					p.LineRule = docmodel.LineExact
				case "atLeast":
					p.LineRule = docmodel.LineAtLeast
				default:
					p.LineRule = docmodel.LineAuto
				}
			}
		case "keepNext":
			p.KeepNext = onOff(c)
		case "keepLines":
			p.KeepLines = onOff(c)
		case "pageBreakBefore":
			p.PageBreakBefore = onOff(c)
		case "widowControl":
			p.WidowControl = onOff(c)
		case "contextualSpacing":
			p.ContextualSpacing = onOff(c)
		case "pBdr":
			for _, side := range []struct {
				tag string
				to  **docmodel.Border
			}{{"w:top", &p.BorderTop}, {"w:bottom", &p.BorderBottom}, {"w:left", &p.BorderLeft}, {"w:start", &p.BorderLeft},
				{"w:right", &p.BorderRight}, {"w:end", &p.BorderRight}, {"w:between", &p.BorderBetween}} {
				if b := c.SelectElement(side.tag); b != nil {
					*side.to = border(b)
				}
			}
		case "shd":
			p.Fill = shading(c)
		case "tabs":
			for _, t := range c.SelectElements("w:tab") {
				pos, _ := twips(t, "w:pos")
				ts := docmodel.TabStop{Pos: pos, Align: wval(t)}
				if ts.Align == "clear" {
					ts.Clear = true
				}
				p.Tabs = mergeTab(p.Tabs, ts)
			}
		}
	}
}

// mergeTab adds or clears a stop at a position.
func mergeTab(tabs []docmodel.TabStop, t docmodel.TabStop) []docmodel.TabStop {
	out := tabs[:0:0]
	for _, x := range tabs {
		if x.Pos != t.Pos {
			out = append(out, x)
		}
	}
	if !t.Clear {
		out = append(out, t)
	}
	return out
}

func border(e *etree.Element) *docmodel.Border {
	b := &docmodel.Border{Style: wval(e)}
	b.Size = atoi(e.SelectAttrValue("w:sz", "0"))
	b.Space = atoi(e.SelectAttrValue("w:space", "0"))
	b.Color = validHex(e.SelectAttrValue("w:color", "auto"))
	return b
}

func applyRPr(rp *docmodel.RunProps, rPr *etree.Element) {
	if rPr == nil {
		return
	}
	for c := range rPr.ChildElementsSeq() {
		switch c.Tag {
		case "b":
			rp.Bold = onOff(c)
		case "i":
			rp.Italic = onOff(c)
		case "caps":
			rp.Caps = onOff(c)
		case "strike", "dstrike":
			rp.Strike = onOff(c)
		case "sz":
			if v := atoi(wval(c)); v > 0 {
				rp.Size = v
			}
		case "u":
			rp.Underline = wval(c)
		default:
			applyRunFormat(rp, c)
		}
	}
}
