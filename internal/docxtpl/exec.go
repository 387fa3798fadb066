package docxtpl

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/epoch"
	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Execute fills the template with data (a struct or a pointer to one) and
// returns the DOCX bytes. Values are inserted as text: escaped once by the
// XML writer, never read as template code; "\n" becomes a line break and
// "\t" a tab inside the run.
func (t *Template) Execute(data any) ([]byte, error) {
	f, err := t.Fill(data)
	if err != nil {
		return nil, err
	}
	return f.DOCX, nil
}

// Filled is a filled document: the DOCX file, and its parts as the
// engine holds them, the body as the tree it was written from, for a
// reader that would otherwise unzip the file and parse it again.
type Filled struct {
	DOCX  []byte
	Parts *ooxml.Parts
}

// Fill fills the template as Execute does and returns the file with its
// parts (see Filled). The body's tree shares the template's subtrees
// that hold no tag, and the other parts' trees are shared by every
// document of the template: they are read only. (That the archive opens
// and its body is what was filled is checked by the tests, not here: the
// carrier's write errors are returned, internal/docx PATCHES.md 3.)
func (t *Template) Fill(data any) (*Filled, error) {
	ex := &executor{t: t}
	root := shallowCopy(t.root)
	if err := ex.fill(root, t.root, &scope{val: reflect.ValueOf(data)}, false); err != nil {
		return nil, err
	}
	var xml bytes.Buffer
	xml.Grow(t.size)
	xml.WriteString(declaration)
	t.write(&xml, root)
	// nguyenthenguyen/docx is the zip carrier (patched: internal/docx).
	d := t.carrier.Editable()
	d.SetContent(xml.String())
	if when, ok := epoch.Time(); ok {
		d.SetModTime(when) // else every entry is dated 1980-01-01 00:00
	}
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		return nil, err
	}
	return &Filled{DOCX: buf.Bytes(), Parts: t.parts.Filled(root)}, nil
}

// declaration is what etree writes for the XML declaration of a part.
const declaration = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`

// writeSettings are etree's defaults, which every part is written with.
var writeSettings = etree.NewDocument().WriteSettings

// write serialises a filled element as etree does: the template's
// subtrees without tags as the bytes etree wrote for them when the
// template was compiled (Template.static), the rest token by token.
func (t *Template) write(w *bytes.Buffer, e *etree.Element) {
	if b, ok := t.static[e]; ok {
		w.Write(b)
		return
	}
	w.WriteByte('<')
	w.WriteString(e.FullTag())
	for i := range e.Attr {
		w.WriteByte(' ')
		e.Attr[i].WriteTo(w, &writeSettings)
	}
	if len(e.Child) == 0 {
		w.WriteString("/>")
		return
	}
	w.WriteByte('>')
	for _, c := range e.Child {
		if el, ok := c.(*etree.Element); ok {
			t.write(w, el)
		} else {
			c.WriteTo(w, &writeSettings)
		}
	}
	w.WriteString("</")
	w.WriteString(e.FullTag())
	w.WriteByte('>')
}

type executor struct{ t *Template }

func (ex *executor) fail(tg *tag, err error) error {
	return located(ex.t.name, bodyPart, tg.where, tg.text, err)
}

// fill appends to dst the filled children of src (only its elements when
// elementsOnly: the content of a block). A subtree without markers is the
// template's own, shared by every output; the output tree is written out
// and never edited (etree writes a tree without its parent links).
func (ex *executor) fill(dst, src *etree.Element, sc *scope, elementsOnly bool) error {
	for _, tok := range src.Child {
		e, isElem := tok.(*etree.Element)
		switch {
		case !isElem:
			if !elementsOnly {
				dst.Child = append(dst.Child, tok)
			}
		case !ex.t.dynamic[e]:
			dst.Child = append(dst.Child, e)
		case e.Tag == blockElem:
			if err := ex.block(dst, e, sc); err != nil {
				return err
			}
		case e.SelectAttr(tagAttr) != nil:
			run, err := ex.value(e, sc)
			if err != nil {
				return err
			}
			if run != nil {
				dst.Child = append(dst.Child, run)
			}
		default:
			n := shallowCopy(e)
			if err := ex.fill(n, e, sc, false); err != nil {
				return err
			}
			if repair(n) {
				dst.Child = append(dst.Child, n)
			}
		}
	}
	return nil
}

// shallowCopy is a new element with e's name and attributes.
func shallowCopy(e *etree.Element) *etree.Element {
	n := etree.NewElement(e.Tag)
	n.Space = e.Space
	for _, a := range e.Attr {
		n.CreateAttr(a.FullKey(), a.Value)
	}
	return n
}

func (ex *executor) tagOf(e *etree.Element, attr string) *tag {
	id, _ := strconv.Atoi(e.SelectAttrValue(attr, ""))
	return ex.t.tags[id]
}

// block appends to dst what a for or if marker expands to.
func (ex *executor) block(dst, e *etree.Element, sc *scope) error {
	tg := ex.tagOf(e, "id")
	if tg.kind == tagIf {
		ok, err := ex.test(tg, sc)
		if err != nil {
			return err
		}
		branch := e.SelectElement(thenElem)
		if !ok {
			branch = e.SelectElement(elseElem)
		}
		if branch == nil {
			return nil
		}
		return ex.fill(dst, branch, sc, true)
	}
	list, err := sc.lookup(tg.path)
	if err != nil {
		return ex.fail(tg, err)
	}
	list = indirect(list)
	if !list.IsValid() {
		return nil
	}
	if list.Kind() != reflect.Slice && list.Kind() != reflect.Array {
		return ex.fail(tg, notList(strings.Join(tg.path, ".")))
	}
	for i := 0; i < list.Len(); i++ {
		if err := ex.fill(dst, e, sc.push(tg.varName, list.Index(i), i+1), true); err != nil {
			return err
		}
	}
	return nil
}

// test evaluates an if's condition.
func (ex *executor) test(tg *tag, sc *scope) (bool, error) {
	v, err := sc.lookup(tg.cond.path)
	if err != nil {
		return false, ex.fail(tg, err)
	}
	var ok bool
	if tg.cond.op == "" {
		ok = truthy(v)
	} else {
		s, err := printValue(v)
		if err != nil {
			return false, ex.fail(tg, err)
		}
		ok = (s == tg.cond.lit) == (tg.cond.op == "==")
	}
	return ok != tg.cond.not, nil
}

// truthy: false, 0, "", an empty list, a zero date and nil are false.
func truthy(v reflect.Value) bool {
	v = indirect(v)
	if !v.IsValid() {
		return false
	}
	if tm, ok := v.Interface().(time.Time); ok {
		return !tm.IsZero()
	}
	switch v.Kind() {
	case reflect.Struct:
		return true
	default:
		return !v.IsZero() && !(v.Kind() == reflect.Slice && v.Len() == 0)
	}
}

// value fills one value tag: a new run with the tag run's properties and
// the printed value, or nil when the value is empty.
func (ex *executor) value(e *etree.Element, sc *scope) (*etree.Element, error) {
	tg := ex.tagOf(e, tagAttr)
	v, err := sc.lookup(tg.path)
	if err != nil {
		return nil, ex.fail(tg, err)
	}
	var val any
	if v = indirect(v); v.IsValid() {
		val = v.Interface()
	}
	if val, err = applyFilters(tg, val); err != nil {
		return nil, ex.fail(tg, err)
	}
	s, err := printValue(reflect.ValueOf(val))
	if err != nil {
		return nil, ex.fail(tg, err)
	}
	if s == "" {
		return nil, nil
	}
	if bad := firstInvalidXMLRune(s); bad >= 0 {
		return nil, ex.fail(tg, newProblem(CodeTemplate, "xoá ký tự này khỏi dữ liệu của hồ sơ",
			"giá trị chứa ký tự điều khiển U+%04X mà tệp Word không chứa được", bad))
	}
	run := etree.NewElement("w:r")
	if rPr := e.SelectElement("w:rPr"); rPr != nil {
		run.Child = append(run.Child, rPr) // shared with the template, as in fill
	}
	appendText(run, s)
	return run, nil
}

// nonBreakingHyphen (U+2011) in a value is written as Word's own
// w:noBreakHyphen: Word draws the font's hyphen and never breaks there
// (U+2011 as text would need a glyph Times New Roman may lack).
const nonBreakingHyphen = "\u2011"

// appendText adds s to run as w:t pieces, with w:br for "\n" (and for
// "\r\n" or a lone "\r": a reader normalises a raw CR to LF, so the tree
// handed over would differ from the file), w:tab for "\t" and
// w:noBreakHyphen for U+2011.
func appendText(run *etree.Element, s string) {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	for li, line := range strings.Split(s, "\n") {
		if li > 0 {
			run.CreateElement("w:br")
		}
		for ti, tabbed := range strings.Split(line, "\t") {
			if ti > 0 {
				run.CreateElement("w:tab")
			}
			for hi, piece := range strings.Split(tabbed, nonBreakingHyphen) {
				if hi > 0 {
					run.CreateElement("w:noBreakHyphen")
				}
				if piece != "" {
					t := run.CreateElement("w:t")
					t.CreateAttr("xml:space", "preserve")
					t.SetText(piece)
				}
			}
		}
	}
}

// printValue renders a value for the document: text as is, numbers in
// digits, dates as dd/mm/yyyy, true/false as "có"/"không".
func printValue(v reflect.Value) (string, error) {
	v = indirect(v)
	if !v.IsValid() {
		return "", nil
	}
	switch x := v.Interface().(type) {
	case time.Time:
		if x.IsZero() {
			return "", nil
		}
		return vn.ShortDate(x), nil
	case fmt.Stringer:
		return x.String(), nil
	}
	switch v.Kind() {
	case reflect.String:
		return v.String(), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.FormatInt(v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.FormatUint(v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		return strings.Replace(strconv.FormatFloat(v.Float(), 'f', -1, 64), ".", ",", 1), nil
	case reflect.Bool:
		if v.Bool() {
			return "có", nil
		}
		return "không", nil
	case reflect.Slice, reflect.Array:
		return "", errPrintList
	case reflect.Struct, reflect.Map:
		return "", errPrintGroup
	}
	return "", fmt.Errorf("không in được giá trị kiểu %s", v.Type())
}

// firstInvalidXMLRune returns the first rune XML 1.0 cannot carry, or -1.
func firstInvalidXMLRune(s string) rune {
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20, r == 0xFFFE, r == 0xFFFF, r >= 0xD800 && r <= 0xDFFF, r == utf8.RuneError:
			return r
		}
	}
	return -1
}

// repair keeps the document valid after loops over empty lists: a table
// needs a row (false: leave the table out), a cell must end with a
// paragraph (one is added).
func repair(e *etree.Element) bool {
	switch {
	case isW(e, "tbl"):
		return e.SelectElement("w:tr") != nil
	case isW(e, "tc"):
		if last := lastChildElement(e); last == nil || !isW(last, "p") {
			e.CreateElement("w:p")
		}
	}
	return true
}

func lastChildElement(e *etree.Element) *etree.Element {
	for i := len(e.Child) - 1; i >= 0; i-- {
		if c, ok := e.Child[i].(*etree.Element); ok {
			return c
		}
	}
	return nil
}
