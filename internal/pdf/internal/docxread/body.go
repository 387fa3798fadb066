package docxread

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// body reads the body into sections.
func (r *reader) body(body *etree.Element, doc *docmodel.Document) {
	var prev *docmodel.Section
	cur := &docmodel.Section{}
	for c := range body.ChildElementsSeq() {
		if c.Tag == "sectPr" {
			continue
		}
		for _, b := range r.block(c, "") {
			cur.Blocks = append(cur.Blocks, b)
			if p, ok := b.(*docmodel.Paragraph); ok && p.SectPr {
				r.sectPr(c.FindElement("w:pPr/w:sectPr"), cur, prev)
				cur.Blocks = r.frames(cur.Blocks)
				doc.Sections = append(doc.Sections, cur)
				prev, cur = cur, &docmodel.Section{}
			}
		}
	}
	r.sectPr(body.SelectElement("w:sectPr"), cur, prev)
	cur.Blocks = r.frames(cur.Blocks)
	doc.Sections = append(doc.Sections, cur)
}

// sectPr reads a section's page setup and headers; headers not given are
// inherited from the previous section.
func (r *reader) sectPr(sp *etree.Element, s, prev *docmodel.Section) {
	s.PageW, s.PageH = 11906, 16838
	s.Top, s.Bottom, s.Left, s.Right, s.HeaderDist, s.FooterDist = 1440, 1440, 1800, 1800, 720, 720
	if prev != nil {
		s.HeaderDefault, s.HeaderFirst = prev.HeaderDefault, prev.HeaderFirst
		s.FooterDefault, s.FooterFirst = prev.FooterDefault, prev.FooterFirst
	}
	if sp == nil {
		return
	}
	if pg := sp.SelectElement("w:pgSz"); pg != nil {
		s.PageW, _ = twips(pg, "w:w")
		s.PageH, _ = twips(pg, "w:h")
	}
	if m := sp.SelectElement("w:pgMar"); m != nil {
		s.Top, _ = twips(m, "w:top")
		s.Bottom, _ = twips(m, "w:bottom")
		s.Left, _ = twips(m, "w:left")
		s.Right, _ = twips(m, "w:right")
		s.HeaderDist, _ = twips(m, "w:header")
		s.FooterDist, _ = twips(m, "w:footer")
		gutter, _ := twips(m, "w:gutter")
		s.Left += max(gutter, 0)
		if s.Top < 0 {
			s.Top = -s.Top
		}
		if s.Bottom < 0 {
			s.Bottom = -s.Bottom
		}
	}
	r.saneGeometry(s)
	s.TitlePage = onOff(sp.SelectElement("w:titlePg"))
	if pn := sp.SelectElement("w:pgNumType"); pn != nil {
		if v, ok := twips(pn, "w:start"); ok {
			s.PageStart = v
			if s.PageStart == 0 {
				s.PageStart = -1 // numbering restarts at 0
			}
		}
	}
	if t := sp.SelectElement("w:type"); t != nil {
		switch wval(t) {
		case "continuous":
			r.warn(r.part, "ngắt phần liên tục (continuous) được dàn như ngắt trang")
		case "evenPage", "oddPage":
			r.warn(r.part, "ngắt phần sang trang chẵn/lẻ được dàn như ngắt trang thường")
		}
	}
	if sp.SelectElement("w:footnotePr") != nil || sp.SelectElement("w:endnotePr") != nil {
		r.warn(r.part, "thiết lập chú thích riêng của phần (section) chưa được hỗ trợ: dùng thiết lập chung của văn bản")
	}
	if cols := sp.SelectElement("w:cols"); cols != nil && atoi(cols.SelectAttrValue("w:num", "1")) > 1 {
		r.warn(r.part, "văn bản nhiều cột chưa được hỗ trợ: dàn thành một cột")
	}
	r.references(sp, "w:headerReference", &s.HeaderDefault, &s.HeaderFirst)
	r.references(sp, "w:footerReference", &s.FooterDefault, &s.FooterFirst)
}

// references reads a section's header (or footer) references into the
// default and first-page slots; even-page ones are not used.
func (r *reader) references(sp *etree.Element, tag string, def, first *[]docmodel.Block) {
	for _, ref := range sp.SelectElements(tag) {
		blocks := r.headerFooter(ref)
		switch ref.SelectAttrValue("w:type", "default") {
		case "first":
			*first = blocks
		case "even":
		default:
			*def = blocks
		}
	}
}

// Page geometry Word accepts: pages from 0.1 to 22 inches, and a body
// at least half an inch each way.
const (
	minPage = 144
	maxPage = 31680
	minBody = 720
)

// saneGeometry brings a section's page size and margins within what Word
// accepts, so that the layout always has a body to fill: a missing or
// absurd page size becomes A4, margins that leave no body are shrunk.
func (r *reader) saneGeometry(s *docmodel.Section) {
	fixed := false
	if s.PageW < minPage || s.PageW > maxPage || s.PageH < minPage || s.PageH > maxPage {
		s.PageW, s.PageH, fixed = 11906, 16838, true
	}
	for _, m := range []*int{&s.Left, &s.Right, &s.HeaderDist, &s.FooterDist} {
		if *m < 0 || *m > maxPage {
			*m, fixed = 0, true
		}
	}
	if s.Top > maxPage || s.Bottom > maxPage {
		s.Top, s.Bottom, fixed = 1440, 1440, true
	}
	if s.PageW-s.Left-s.Right < minBody {
		s.Left, s.Right, fixed = max(s.PageW-minBody, 0)/2, max(s.PageW-minBody, 0)/2, true
	}
	if s.PageH-s.Top-s.Bottom < minBody {
		s.Top, s.Bottom, fixed = max(s.PageH-minBody, 0)/2, max(s.PageH-minBody, 0)/2, true
	}
	if fixed {
		r.warn(r.part, "khổ giấy hoặc lề trang không hợp lệ: dàn theo khổ A4 hoặc thu hẹp lề")
	}
}

func (r *reader) headerFooter(ref *etree.Element) []docmodel.Block {
	target := r.target(ref.SelectAttrValue("r:id", ""))
	if target == "" {
		return nil
	}
	root, err := r.XML(target)
	if err != nil {
		r.warn(target, "không đọc được: "+err.Error())
		return []docmodel.Block{}
	}
	saved := r.part
	r.part = target
	defer func() { r.part = saved }()
	blocks := []docmodel.Block{}
	for c := range root.ChildElementsSeq() {
		blocks = append(blocks, r.block(c, "")...)
	}
	return r.frames(blocks)
}

// block reads a block-level element: a paragraph, a table, or a wrapper
// around them.
func (r *reader) block(e *etree.Element, tblStyle string) []docmodel.Block {
	switch e.Tag {
	case "p":
		return []docmodel.Block{r.paragraph(e, tblStyle)}
	case "tbl":
		return []docmodel.Block{r.table(e)}
	case "sdt":
		var out []docmodel.Block
		if c := e.SelectElement("w:sdtContent"); c != nil {
			for k := range c.ChildElementsSeq() {
				out = append(out, r.block(k, tblStyle)...)
			}
		}
		return out
	case "customXml", "ins", "smartTag", "AlternateContent":
		if e.Tag == "AlternateContent" {
			if e = choose(e); e == nil {
				return nil
			}
		}
		var out []docmodel.Block
		for k := range e.ChildElementsSeq() {
			out = append(out, r.block(k, tblStyle)...)
		}
		return out
	case "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart", "commentRangeEnd",
		"del", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "sectPr", "tcPr", "trPr", "tblPr":
		return nil
	}
	if text := e.Text(); strings.TrimSpace(text) != "" || len(e.ChildElements()) > 0 {
		r.warn(r.part, fmt.Sprintf("phần tử <%s> chưa được hỗ trợ trong PDF", e.FullTag()))
	}
	return nil
}

// paragraph reads a paragraph and its runs.
func (r *reader) paragraph(p *etree.Element, tblStyle string) *docmodel.Paragraph {
	r.paraNo++
	outer := r.para
	r.para = p
	defer func() { r.para = outer }()
	pPr := p.SelectElement("w:pPr")
	out := &docmodel.Paragraph{}
	base := r.styles.runBase(pPr, tblStyle)
	out.Mark = base
	if pPr != nil {
		out.Mark = r.styles.runProps(base, pPr.SelectElement("w:rPr"))
	}
	out.Props = r.styles.paraProps(pPr, tblStyle, r.listLabel(p, pPr, out))
	if pPr != nil {
		out.SectPr = pPr.SelectElement("w:sectPr") != nil
		if fp := pPr.SelectElement("w:framePr"); fp != nil {
			r.noteFrame(out, pPr, fp, r.where(p))
		}
		if bd := pPr.SelectElement("w:pBdr"); bd != nil && bd.SelectElement("w:bar") != nil {
			r.warn(r.where(p), "viền «bar» của đoạn (đường kẻ ở lề trang) chưa được hỗ trợ")
		}
		r.checkShading(func() string { return r.where(p) }, pPr.SelectElement("w:shd"))
	}
	pp := &out.Props
	r.checkBorders(func() string { return r.where(p) }, pp.BorderTop, pp.BorderBottom, pp.BorderLeft, pp.BorderRight, pp.BorderBetween)
	f := &fieldState{}
	r.inlines(p, base, out, f)
	return out
}

// where describes a paragraph for a warning.
func (r *reader) where(p *etree.Element) string {
	return fmt.Sprintf("%s, đoạn %d «%s»", r.part, r.paraNo, clip(strings.TrimSpace(plainText(p))))
}

// clip shortens a text quoted in a warning to 40 characters.
func clip(s string) string {
	txt := []rune(s)
	if len(txt) > 40 {
		txt = append(txt[:39], '…')
	}
	return string(txt)
}

// plainText is the text of a paragraph's own runs: not that of its text
// boxes, nor of the fallbacks of its drawings.
func plainText(p *etree.Element) string {
	var sb strings.Builder
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for c := range e.ChildElementsSeq() {
			switch c.Tag {
			case "t":
				sb.WriteString(c.Text())
			case "txbxContent", "Fallback":
			default:
				walk(c)
			}
		}
	}
	walk(p)
	return sb.String()
}

// fieldState follows a complex field (fldChar begin … separate … end)
// across the runs of a paragraph.
type fieldState struct {
	depth    int
	instr    strings.Builder
	inResult bool
	kind     docmodel.InlineKind // FieldPage, FieldPages, or Text for others (keep result)
	emitted  bool
}

// inlines walks the paragraph's content in order.
func (r *reader) inlines(e *etree.Element, base docmodel.RunProps, out *docmodel.Paragraph, f *fieldState) {
	for c := range e.ChildElementsSeq() {
		switch c.Tag {
		case "r":
			r.run(c, e, base, out, f)
		case "hyperlink", "ins", "smartTag", "customXml", "moveTo", "dir", "bdo":
			r.inlines(c, base, out, f)
		case "sdt":
			if sc := c.SelectElement("w:sdtContent"); sc != nil {
				r.inlines(sc, base, out, f)
			}
		case "AlternateContent":
			if b := choose(c); b != nil {
				r.inlines(b, base, out, f)
			}
		case "fldSimple":
			instr := strings.Fields(strings.ToUpper(c.SelectAttrValue("w:instr", "")))
			kind := docmodel.Text
			if len(instr) > 0 && instr[0] == "PAGE" {
				kind = docmodel.FieldPage
			} else if len(instr) > 0 && (instr[0] == "NUMPAGES" || instr[0] == "SECTIONPAGES") {
				kind = docmodel.FieldPages
			}
			if kind == docmodel.Text {
				r.inlines(c, base, out, f)
				continue
			}
			rp := base
			if rr := c.FindElement(".//w:r/w:rPr"); rr != nil {
				rp = r.styles.runProps(base, rr)
			}
			out.Inlines = append(out.Inlines, docmodel.Inline{Kind: kind, Props: rp})
		case "pPr", "proofErr", "bookmarkStart", "bookmarkEnd", "del", "moveFrom", "commentRangeStart", "commentRangeEnd",
			"permStart", "permEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd", "lastRenderedPageBreak":
		case "oMath", "oMathPara":
			r.warn(r.where(e), "công thức toán chưa được hỗ trợ trong PDF")
		default:
			r.warn(r.where(e), fmt.Sprintf("phần tử <%s> trong đoạn chưa được hỗ trợ", c.FullTag()))
		}
	}
}

// run reads one w:r of in (the paragraph, or a hyperlink… in it). The
// tree is walked down only: a filled document's tree shares the
// template's subtrees, whose parent links lead into the template.
func (r *reader) run(run, in *etree.Element, base docmodel.RunProps, out *docmodel.Paragraph, f *fieldState) {
	rPr := run.SelectElement("w:rPr")
	rp := r.styles.runProps(base, rPr)
	r.runFormatWarnings(rPr, run)
	r.noteFont(rp.Font, run)
	add := func(kind docmodel.InlineKind, text string) {
		if f.depth > 0 && !f.inResult || rp.Hidden {
			return // inside a field's instruction, or hidden text (not printed)
		}
		if f.depth > 0 && f.kind != docmodel.Text {
			if !f.emitted { // PAGE/NUMPAGES: our number replaces the cached result
				out.Inlines = append(out.Inlines, docmodel.Inline{Kind: f.kind, Props: rp})
				f.emitted = true
			}
			return
		}
		if kind == docmodel.Text && rp.Caps {
			text = strings.ToUpper(text)
		}
		n := len(out.Inlines)
		if kind == docmodel.Text && n > 0 && out.Inlines[n-1].Kind == docmodel.Text && out.Inlines[n-1].Props == rp {
			out.Inlines[n-1].Text += text
			return
		}
		out.Inlines = append(out.Inlines, docmodel.Inline{Kind: kind, Text: text, Props: rp})
	}
	for c := range run.ChildElementsSeq() {
		switch c.Tag {
		case "rPr":
		case "t":
			add(docmodel.Text, c.Text())
		case "tab", "ptab":
			add(docmodel.Tab, "")
		case "br":
			switch c.SelectAttrValue("w:type", "") {
			case "page":
				add(docmodel.PageBreak, "")
			case "column":
				r.warn(r.where(in), "ngắt cột được dàn như ngắt trang")
				add(docmodel.PageBreak, "")
			default:
				add(docmodel.LineBreak, "")
			}
		case "cr":
			add(docmodel.LineBreak, "")
		case "noBreakHyphen":
			add(docmodel.Text, "\u2011")
		case "softHyphen", "lastRenderedPageBreak", "annotationRef":
		case "footnoteRef", "endnoteRef", "footnoteReference", "endnoteReference":
			r.noteInline(c, in, rp, out, f)
		case "sym":
			r.warn(r.where(in), "ký tự symbol (w:sym) chưa được hỗ trợ")
		case "fldChar":
			switch c.SelectAttrValue("w:fldCharType", "") {
			case "begin":
				f.depth++
				if f.depth == 1 {
					f.instr.Reset()
					f.inResult, f.emitted, f.kind = false, false, docmodel.Text
				}
			case "separate":
				if f.depth == 1 {
					f.inResult = true
					instr := strings.Fields(strings.ToUpper(f.instr.String()))
					if len(instr) > 0 && instr[0] == "PAGE" {
						f.kind = docmodel.FieldPage
					} else if len(instr) > 0 && (instr[0] == "NUMPAGES" || instr[0] == "SECTIONPAGES") {
						f.kind = docmodel.FieldPages
					}
				}
			case "end":
				if f.depth == 1 && !f.inResult && !f.emitted {
					// A field with no cached result: PAGE still prints.
					instr := strings.Fields(strings.ToUpper(f.instr.String()))
					if len(instr) > 0 && instr[0] == "PAGE" {
						out.Inlines = append(out.Inlines, docmodel.Inline{Kind: docmodel.FieldPage, Props: rp})
					} else if len(instr) > 0 && instr[0] == "NUMPAGES" {
						out.Inlines = append(out.Inlines, docmodel.Inline{Kind: docmodel.FieldPages, Props: rp})
					}
				}
				if f.depth > 0 {
					f.depth--
				}
			}
		case "instrText":
			if f.depth == 1 && !f.inResult {
				f.instr.WriteString(c.Text())
			}
		case "drawing", "pict", "object", "AlternateContent":
			r.object(c, &objectCtx{out: out, props: rp, where: r.where(in)})
		case "commentReference":
			r.warn(r.where(in), "chú thích lề (comment) không được in trong PDF")
		default:
			r.warn(r.where(in), fmt.Sprintf("phần tử <%s> trong đoạn chưa được hỗ trợ", c.FullTag()))
		}
	}
}
