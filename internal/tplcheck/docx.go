package tplcheck

import (
	"slices"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml"
)

// CheckDocx lints one template file; name is used in findings. part is
// the form-set part the file serves (nil when unknown), for the check of
// fields that are always empty in it. schema is what the file is filled
// with: the data type (nil skips the field check) and the free fields its
// parts declare (FreeFields).
func CheckDocx(name string, part *formset.Part, raw []byte, schema docxtpl.Schema) []Finding {
	// A file refused as a package (not a DOCX, a zip bomb, macros, links
	// out) is not opened any further, here or by the engine.
	pkg, err := ooxml.Open(raw)
	if err != nil {
		return []Finding{{Severity: Error, Code: CodeUnreadable, File: name, Message: err.Error(),
			Fix: "làm như lời báo; thường là mở tệp bằng Word hoặc LibreOffice rồi lưu lại kiểu «Word Document (*.docx)», không macro, không đối tượng nhúng, không liên kết ra ngoài"}}
	}
	var out []Finding
	errs, notes := docxtpl.Lint(name, raw, schema)
	for _, e := range errs {
		out = append(out, engineFinding(name, e))
	}
	for _, n := range notes {
		out = append(out, noteFinding(name, n))
	}
	d, err := openDocx(name, pkg)
	if err != nil {
		if !slices.ContainsFunc(out, func(f Finding) bool { return f.Code == CodeUnreadable }) {
			out = append(out, Finding{Severity: Error, Code: CodeUnreadable, File: name, Message: err.Error(),
				Fix: "lưu lại tệp bằng Word hoặc LibreOffice, kiểu «Word Document (*.docx)»"})
		}
		return out
	}
	misplaced, balanced := d.checkBlocks()
	if balanced && len(misplaced) > 0 {
		// The engine refuses a block across a table's edge too; this
		// check's message says where each tag is, so it replaces the
		// engine's.
		kept := out[:0]
		for _, f := range out {
			if f.Code != CodeMisplaced {
				kept = append(kept, f)
			}
		}
		out = kept
	}
	out = append(out, misplaced...)
	out = append(out, d.checkTagPlaces()...)
	out = append(out, d.checkPage()...)
	out = append(out, d.checkFonts()...)
	out = append(out, d.checkLayout()...)
	out = append(out, d.checkRender(raw)...)
	if part != nil {
		out = append(out, d.partFields(part)...)
	}
	return dedupe(out)
}

func dedupe(fs []Finding) []Finding {
	seen := map[string]bool{}
	out := fs[:0]
	for _, f := range fs {
		k := f.File + "\x00" + f.Part + "\x00" + f.Where + "\x00" + f.Message
		if !seen[k] {
			seen[k] = true
			out = append(out, f)
		}
	}
	return out
}

// docx is a template opened for inspection.
type docx struct {
	name   string
	pkg    *ooxml.Parts
	body   *part   // word/document.xml
	parts  []*part // body first, then headers, footers, notes and comments
	styles *styleSheet
	// stylesPart is the styles part, for findings about styles.
	stylesPart *part
	settings   *etree.Element
}

// part is one XML part holding paragraphs.
type part struct {
	file string // word/header1.xml
	kind string // "thân văn bản", "đầu trang"…
	name string // how a person finds it: "đầu trang trang đầu của phần 1"; "" to name it by kind and file
	root *etree.Element
	loc  *docxtpl.Locator
}

// label names the part for findings: "thân văn bản", "đầu trang trang đầu",
// "kiểu (word/styles.xml)".
func (p *part) label() string {
	if p.name != "" {
		return p.name
	}
	return p.kind + " (" + p.file + ")"
}

// openDocx reads the parts of a package that passed the package check:
// the body, the parts beside it, the styles and the settings.
func openDocx(name string, pkg *ooxml.Parts) (*docx, error) {
	d := &docx{name: name, pkg: pkg}
	main := pkg.MainPart()
	root, err := pkg.XML(main)
	if err != nil {
		return nil, err
	}
	d.body = &part{file: main, kind: "thân văn bản", name: "thân văn bản", root: root, loc: docxtpl.NewLocator(root)}
	d.parts = append(d.parts, d.body)
	names := docxtpl.SideNames(pkg, root)
	for _, n := range pkg.Names() {
		kind := ooxml.SideKind(n)
		if kind == "" {
			continue
		}
		r, err := pkg.XML(n)
		if err != nil {
			continue // docxtpl reports unreadable parts
		}
		d.parts = append(d.parts, &part{file: n, kind: kind, name: names[n], root: r, loc: docxtpl.NewLocator(r)})
	}
	// The parts the document's relationships name, as Word and the PDF
	// reader find them. The package check made sure there is a styles
	// part. Settings are optional: none named, or a name without a part,
	// leaves the defaults, as the PDF reader has it; a settings part that
	// is there but unreadable is reported.
	stylesFile := pkg.Related(main, "styles")
	st, err := pkg.XML(stylesFile)
	if err != nil {
		return nil, err
	}
	d.styles = &styleSheet{ooxml.ReadStyleSheet(st)}
	d.stylesPart = &part{file: stylesFile, kind: "kiểu"}
	if f := pkg.Related(main, "settings"); f != "" {
		if _, _, ok := pkg.Stat(f); ok {
			if d.settings, err = pkg.XML(f); err != nil {
				return nil, err
			}
		}
	}
	return d, nil
}

// find returns a new finding about this template.
func (d *docx) find(sev Severity, code string, p *part, where, msg, fix string) Finding {
	f := Finding{Severity: sev, Code: code, File: d.name, Where: where, Message: msg, Fix: fix}
	if p != nil {
		f.Part = p.label()
	}
	return f
}

// isW reports whether e is the WordprocessingML element w:<local>.
func isW(e *etree.Element, local string) bool {
	return e != nil && e.Space == "w" && e.Tag == local
}

// wval is the w:val attribute.
func wval(e *etree.Element) string { return e.SelectAttrValue("w:val", "") }

// ancestor returns the nearest ancestor of e that is w:<local>, or nil.
func ancestor(e *etree.Element, local string) *etree.Element {
	for a := e.Parent(); a != nil; a = a.Parent() {
		if isW(a, local) {
			return a
		}
	}
	return nil
}
