package docxtpl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/ooxml"
)

// Section is one section of a document body, in reading order: the
// paragraphs up to one that carries section properties (w:sectPr), the
// last section ending with the body's own.
type Section struct {
	Props *etree.Element // its w:sectPr
	N     int            // 1-based number in reading order
	Count int            // how many sections the body has
	First *etree.Element // its first paragraph, nil when it has none
}

// Sections lists the sections of a w:document (or w:body) in reading
// order. Section properties kept by tracked changes (w:sectPrChange) are
// not sections.
func Sections(root *etree.Element) []Section {
	var out []Section
	var first *etree.Element
	for _, e := range inOrderAny(root, "p", "sectPr") {
		switch {
		case isW(e, "p"):
			if first == nil {
				first = e
			}
		case isW(e.Parent(), "body") || (isW(e.Parent(), "pPr") && isW(e.Parent().Parent(), "p")):
			out = append(out, Section{Props: e, N: len(out) + 1, First: first})
			first = nil
		}
	}
	for i := range out {
		out[i].Count = len(out)
	}
	return out
}

// inOrderAny lists the w: elements of the given local names under root,
// in reading order; a paragraph comes before the sectPr it holds.
func inOrderAny(root *etree.Element, locals ...string) []*etree.Element {
	var out []*etree.Element
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for c := range e.ChildElementsSeq() {
			for _, l := range locals {
				if isW(c, l) {
					out = append(out, c)
					break
				}
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

// Name is how messages name the section so a person finds it:
// "phần (section) 1, cả văn bản" when it is the only one, else
// "phần (section) 2 của 3, từ đoạn 41 «…»".
func (s Section) Name(loc *Locator) string {
	if s.Count == 1 {
		return "phần (section) 1, cả văn bản"
	}
	n := fmt.Sprintf("phần (section) %d của %d", s.N, s.Count)
	if s.First != nil {
		n += ", từ " + loc.Where(s.First)
	}
	return n
}

// IsLandscape reports whether a section's page is wider than high (or
// says it is landscape).
func IsLandscape(sectPr *etree.Element) bool {
	pg := sectPr.SelectElement("w:pgSz")
	if pg == nil {
		return false
	}
	w, _ := strconv.ParseFloat(pg.SelectAttrValue("w:w", "0"), 64)
	h, _ := strconv.ParseFloat(pg.SelectAttrValue("w:h", "0"), 64)
	return pg.SelectAttrValue("w:orient", "") == "landscape" || w > h
}

// sectionNotes notes the landscape sections of the body: allowed (Nghị
// định 30 lets a wide table, an annex such as the Danh sách, sit on a
// landscape page) but worth a look, in check and in the build's warnings.
func (t *Template) sectionNotes() []Note {
	var out []Note
	var loc *Locator
	for _, s := range Sections(t.root) {
		if !IsLandscape(s.Props) {
			continue
		}
		if loc == nil {
			loc = NewLocator(t.root)
		}
		out = append(out, Note{Template: t.name, Part: bodyPart, Where: s.Name(loc), Code: CodeLandscape,
			Msg: "trang nằm ngang: Nghị định 30/2020/NĐ-CP cho phép dùng trang ngang cho bảng rộng (phụ lục như Danh sách); các trang khác phải là A4 đứng",
			Fix: "nếu phần này không phải bảng rộng, đặt trang đứng. Word: Layout → Orientation → Portrait. LibreOffice: Định dạng → Kiểu trang → Trang → Hướng dọc"})
	}
	return out
}

// SideNames names the header, footer and note parts of a DOCX the way a
// person finds them in Word: by kind, the pages they serve and their
// section — "đầu trang trang đầu của phần 1", "chân trang các trang
// chẵn", "chú thích cuối trang". root is the main part (w:document). A
// header or footer no section uses is named with its file.
func SideNames(parts *ooxml.Parts, root *etree.Element) map[string]string {
	targets := map[string]string{}
	rels, _ := parts.Rels(parts.MainPart())
	for _, r := range rels {
		targets[r.ID] = r.Target
	}
	uses := map[string][]string{}
	sections := Sections(root)
	for _, s := range sections {
		titlePg := s.Props.SelectElement("w:titlePg")
		title := titlePg != nil && !offValue(titlePg.SelectAttrValue("w:val", ""))
		for _, kind := range []string{"header", "footer"} {
			refs := s.Props.SelectElements("w:" + kind + "Reference")
			has := map[string]bool{}
			for _, ref := range refs {
				has[ref.SelectAttrValue("w:type", "default")] = true
			}
			for _, ref := range refs {
				name := map[string]string{"header": "đầu trang", "footer": "chân trang"}[kind]
				switch typ := ref.SelectAttrValue("w:type", "default"); {
				case typ == "first":
					name += " trang đầu"
				case typ == "even":
					name += " các trang chẵn"
				case has["even"]:
					name += " các trang lẻ"
				case title:
					name += " các trang sau trang đầu"
				}
				if len(sections) > 1 {
					name += fmt.Sprintf(" của phần %d", s.N)
				}
				target := targets[ref.SelectAttrValue("r:id", "")]
				uses[target] = append(uses[target], name)
			}
		}
	}
	out := map[string]string{}
	for _, n := range parts.Names() {
		kind := ooxml.SideKind(n)
		switch {
		case kind == "":
		case len(uses[n]) > 0:
			out[n] = strings.Join(uses[n], "; ")
		case kind == "đầu trang" || kind == "chân trang":
			out[n] = kind + " không phần nào dùng (" + n + ")"
		default:
			out[n] = kind
		}
	}
	return out
}

// offValue reports whether an on/off property's w:val turns it off.
func offValue(v string) bool { return v == "0" || v == "false" || v == "off" }
