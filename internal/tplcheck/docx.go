package tplcheck

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"reflect"
	"sort"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/docxread"
	"github.com/hoso-vn/hoso/internal/docxtpl"
)

// maxPart bounds the size of one XML part read from a template.
const maxPart = 64 << 20

// CheckDocx lints one template file; name is used in findings.
func CheckDocx(name string, raw []byte, schema reflect.Type) []Finding {
	// A file refused as a package (not a DOCX, a zip bomb, macros, links
	// out) is not opened any further, here or by the engine.
	if err := docxread.CheckPackage(raw); err != nil {
		return []Finding{{Severity: Error, Code: CodeUnreadable, File: name, Message: err.Error(),
			Fix: "mở tệp bằng Word hoặc LibreOffice rồi lưu lại kiểu «Word Document (*.docx)», không macro, không liên kết ra ngoài"}}
	}
	var out []Finding
	t, err := docxtpl.Parse(name, raw)
	var tplErrs docxtpl.Errors
	switch {
	case errors.As(err, &tplErrs):
		for _, e := range tplErrs {
			out = append(out, engineFinding(name, e))
		}
	case err != nil:
		out = append(out, Finding{Severity: Error, Code: CodeTemplate, File: name, Message: err.Error()})
	case schema != nil:
		for _, e := range t.Check(schema) {
			out = append(out, engineFinding(name, e))
		}
	}
	d, err := openDocx(name, raw)
	if err != nil {
		if len(out) == 0 {
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
	name     string
	files    map[string][]byte
	body     *part   // word/document.xml
	parts    []*part // body first, then headers, footers, notes and comments
	styles   *styleSheet
	settings *etree.Element
}

// part is one XML part holding paragraphs.
type part struct {
	file string // word/header1.xml
	kind string // "thân văn bản", "đầu trang"…
	root *etree.Element
	loc  *docxtpl.Locator
}

// label names the part for findings: "thân văn bản" or "đầu trang (word/header1.xml)".
func (p *part) label() string {
	if p.file == "word/document.xml" {
		return p.kind
	}
	return p.kind + " (" + p.file + ")"
}

func openDocx(name string, raw []byte) (*docx, error) {
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, fmt.Errorf("không đọc được tệp DOCX: %v", err)
	}
	d := &docx{name: name, files: map[string][]byte{}}
	for _, f := range zr.File {
		if f.UncompressedSize64 > maxPart {
			return nil, fmt.Errorf("phần %s quá lớn", f.Name)
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, maxPart))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", f.Name, err)
		}
		d.files[f.Name] = data
	}
	main := mainPart(d.files)
	root, err := d.parse(main)
	if err != nil {
		return nil, err
	}
	d.body = &part{file: main, kind: "thân văn bản", root: root, loc: docxtpl.NewLocator(root)}
	d.parts = append(d.parts, d.body)
	var names []string
	for n := range d.files {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		dir, base := path.Split(n)
		if dir != "word/" || !strings.HasSuffix(base, ".xml") {
			continue
		}
		kind := ""
		switch {
		case strings.HasPrefix(base, "header"):
			kind = "đầu trang"
		case strings.HasPrefix(base, "footer"):
			kind = "chân trang"
		case strings.HasPrefix(base, "footnotes"), strings.HasPrefix(base, "endnotes"):
			kind = "chú thích cuối trang"
		case strings.HasPrefix(base, "comments"):
			kind = "chú thích lề"
		default:
			continue
		}
		r, err := d.parse(n)
		if err != nil {
			continue // docxtpl reports unreadable parts
		}
		d.parts = append(d.parts, &part{file: n, kind: kind, root: r, loc: docxtpl.NewLocator(r)})
	}
	st, _ := d.parse("word/styles.xml")
	d.styles = newStyleSheet(st)
	d.settings, _ = d.parse("word/settings.xml")
	return d, nil
}

// mainPart finds the main document part through the package relationships.
func mainPart(files map[string][]byte) string {
	if rels, ok := files["_rels/.rels"]; ok {
		doc := etree.NewDocument()
		if doc.ReadFromBytes(rels) == nil && doc.Root() != nil {
			for _, r := range doc.Root().ChildElements() {
				if strings.HasSuffix(r.SelectAttrValue("Type", ""), "/officeDocument") {
					return strings.TrimPrefix(r.SelectAttrValue("Target", ""), "/")
				}
			}
		}
	}
	return "word/document.xml"
}

func (d *docx) parse(name string) (*etree.Element, error) {
	data, ok := d.files[name]
	if !ok {
		return nil, fmt.Errorf("thiếu %s", name)
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, fmt.Errorf("%s: XML hỏng: %v", name, err)
	}
	if doc.Root() == nil {
		return nil, fmt.Errorf("%s: trống", name)
	}
	return doc.Root(), nil
}

// partOf finds a part by its label in findings.
func (d *docx) partOf(label string) *part {
	for _, p := range d.parts {
		if p.label() == label {
			return p
		}
	}
	return nil
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
