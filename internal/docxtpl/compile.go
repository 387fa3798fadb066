package docxtpl

import (
	"bytes"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/docx"
	"github.com/hoso-vn/hoso/internal/ooxml"
)

// Names of the marker elements and attribute the compiled tree carries
// between Parse and Execute; none of them survives into an output file.
const (
	tagAttr   = "hoso-tag"   // on a w:r that holds one tag; value = tag id
	blockElem = "hoso-block" // wraps the range a for/if governs; attr id
	thenElem  = "hoso-then"
	elseElem  = "hoso-else"
)

// Template is a DOCX template compiled once and filled many times.
type Template struct {
	name string
	// carrier holds the template's parts for every output. Each output is
	// an Editable copy whose body is replaced; its header and footer maps
	// are shared with the other copies, which is safe only because the
	// engine never edits them (tags in headers and footers are refused).
	carrier *docx.ReplaceDocx
	// parts are the template's parts as a reader sees them: every filled
	// document hands them on with its own body (Fill).
	parts *ooxml.Parts
	root  *etree.Element // compiled w:document with markers
	tags  []*tag         // by id
	// dynamic holds the elements of root that are or hold a marker; every
	// other subtree is put into each output tree as it is (shared, read
	// only: output trees are only written out).
	dynamic map[*etree.Element]bool
	// static holds what etree writes for each largest subtree of root
	// without a marker; size is about the size of a filled body.
	static map[*etree.Element][]byte
	size   int
	notes  []Note
}

// Note is something a maintainer should know about a template that does
// not stop it from being used: a landscape page, a tag whose letters are
// formatted unevenly. It has the fields of Error; Code is CodeLandscape
// or CodeFormat.
type Note Error

// String is the note on one line, as Error words a problem.
func (n Note) String() string { return (*Error)(&n).Error() }

// Notes lists what the maintainer should know about the template (see
// Note), in reading order; the build can add them to the warnings
// (canh_bao) of the documents made from it.
func (t *Template) Notes() []Note { return t.notes }

// Name is the template's file name as given to Parse.
func (t *Template) Name() string { return t.name }

// tagRef ties a parsed tag to the run that holds it in the compiled tree.
type tagRef struct {
	tag *tag
	run *etree.Element
}

// block is a for or if with its else and end tags (ids into tags).
type block struct{ open, els, end int }

// Schema says what a template will be filled with, for the check of the
// fields it names.
type Schema struct {
	// Data is the struct type Execute receives; nil skips the check.
	Data reflect.Type
	// Extra declares the free fields a struct with a `tpl:",extra"` map
	// holds, by full path ("van_ban.thoi_gian", "de_nghi[].ghi_chu"): each
	// as a struct field would be, its Type the type it prints as and its
	// Tag the options that make its kind finer (`tpl:",datetime"`), checked
	// like a struct field. A name neither a field nor declared here is an
	// error.
	Extra map[string]reflect.StructField
}

// Parse compiles a DOCX template. name is used in messages (the template's
// file name). Every problem found is returned at once, as Errors.
func Parse(name string, raw []byte) (*Template, error) { return Compile(name, raw, Schema{}) }

// Compile parses a DOCX template and checks the fields it names against s:
// every problem of the file, its tags, its blocks and its fields at once,
// as Errors, and then no template. Notes (a landscape page, a tag
// formatted unevenly) are kept in the template: see Notes.
func Compile(name string, raw []byte, s Schema) (*Template, error) {
	t, errs := compile(name, raw, s)
	if len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// Lint is what Compile finds, for the template linter: every problem and
// every note, the notes also when the template has problems.
func Lint(name string, raw []byte, s Schema) (Errors, []Note) {
	t, errs := compile(name, raw, s)
	if t == nil {
		return errs, nil
	}
	return errs, t.notes
}

// compile parses, checks and, when nothing is wrong, prepares the template
// for Execute. With problems it still returns what it parsed (nil only
// when the file cannot be read), so that every problem is found: a block
// left open does not hide the fields named after it.
func compile(name string, raw []byte, s Schema) (*Template, Errors) {
	unreadable := func(part, msg string) Errors {
		return Errors{{Template: name, Part: part, Msg: msg, Code: CodeUnreadable, Fix: resaveFix}}
	}
	// A template may come from another office: refuse what is not a DOCX,
	// zip bombs and active content before reading anything.
	if err := ooxml.CheckPackage(raw); err != nil {
		return nil, unreadable("", err.Error())
	}
	// The carrier copies the parts it is not given as they are stored in
	// the template (internal/docx, patched): nothing is inflated per output.
	rd, err := docx.ReadDocxFromMemory(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, unreadable("", "không đọc được tệp DOCX: "+err.Error())
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromString(rd.Editable().GetContent()); err != nil {
		return nil, unreadable("word/document.xml", "XML hỏng: "+err.Error())
	}
	root := doc.Root()
	if root == nil || !isW(root, "document") || root.SelectElement("w:body") == nil {
		return nil, unreadable("word/document.xml", "không phải tài liệu WordprocessingML (thiếu w:document/w:body với tiền tố w:)")
	}
	if name := emptyName(root); name != "" {
		return nil, unreadable("word/document.xml", fmt.Sprintf("XML hỏng: tên %q thiếu phần sau dấu hai chấm", name))
	}
	parts, err := ooxml.OpenParts(raw)
	if err != nil {
		return nil, unreadable("", "không đọc được tệp DOCX: "+err.Error())
	}
	t := &Template{name: name, carrier: rd, root: root, parts: parts}
	t.notes = append(t.notes, t.sectionNotes()...)
	errs := t.checkOtherParts()
	refs := t.isolateTags(&errs)
	blocks := t.buildBlocks(refs, &errs)
	control := controlOnly(root, refs)
	wrapped := map[int]bool{}
	for _, b := range blocks {
		if err := t.wrap(b, refs, control); err != nil {
			errs = append(errs, err)
			continue
		}
		wrapped[b.open], wrapped[b.end] = true, true
		if b.els >= 0 {
			wrapped[b.els] = true
		}
	}
	if s.Data != nil {
		errs = append(errs, t.check(s, wrapped)...)
	}
	if len(errs) > 0 {
		return t, errs
	}
	removeControl(root, refs, control)
	scrubCopies(root)
	t.dynamic = map[*etree.Element]bool{}
	t.markDynamic(root)
	t.repairStatic(root)
	t.static = map[*etree.Element][]byte{}
	t.writeStatic(root)
	return t, nil
}

// writeStatic keeps what etree writes for each largest subtree without a
// marker, for Execute to copy into every output.
func (t *Template) writeStatic(e *etree.Element) {
	if !t.dynamic[e] {
		var b bytes.Buffer
		e.WriteTo(&b, &writeSettings)
		t.static[e] = b.Bytes()
		t.size += b.Len()
		return
	}
	t.size += 2*len(e.FullTag()) + 5
	for _, c := range e.ChildElements() {
		t.writeStatic(c)
	}
}

// markDynamic records the elements that are or hold a marker (a tag's run,
// a block); the others are the same in every output, which shares them.
func (t *Template) markDynamic(e *etree.Element) bool {
	d := e.Tag == blockElem || e.SelectAttr(tagAttr) != nil
	for _, c := range e.ChildElements() {
		if t.markDynamic(c) {
			d = true
		}
	}
	if d {
		t.dynamic[e] = true
	}
	return d
}

// repairStatic does for the elements that hold no marker what Execute's
// repair does for the others: a table needs a row, a cell must end with a
// paragraph.
func (t *Template) repairStatic(e *etree.Element) {
	for i := 0; i < len(e.Child); i++ {
		c, ok := e.Child[i].(*etree.Element)
		if !ok {
			continue
		}
		t.repairStatic(c)
		if !t.dynamic[c] && !repair(c) {
			e.RemoveChildAt(i)
			i--
		}
	}
}

// isolateTags finds every tag of the document, parses it and gives it a run
// of its own marked with its id.
func (t *Template) isolateTags(errs *Errors) []tagRef {
	var refs []tagRef
	loc := NewLocator(t.root)
	for _, p := range InOrder(t.root, "p") {
		_, text := paragraphAtoms(p)
		if !strings.Contains(text, "{{") {
			continue
		}
		where := loc.Where(p)
		spans, problems := findTagSpans(text)
		for _, err := range problems {
			errs.add(t.name, where, "", err)
		}
		for _, sp := range spans {
			raw := text[sp.start:sp.end]
			tg, err := parseTag(raw[2 : len(raw)-2])
			if err != nil {
				errs.add(t.name, where, raw, err)
				continue
			}
			tg.text, tg.where = raw, where
			for _, err := range checkFilterCalls(tg) {
				errs.add(t.name, where, raw, err)
			}
			run, uneven, err := isolateTag(p, sp)
			if err != nil {
				errs.add(t.name, where, raw, err)
				continue
			}
			if uneven != "" && tg.kind == tagValue {
				t.notes = append(t.notes, Note{Template: t.name, Part: bodyPart, Where: where, Tag: raw, Code: CodeFormat,
					Msg: uneven, Fix: unevenFix})
			}
			tg.id = len(refs)
			run.CreateAttr(tagAttr, strconv.Itoa(tg.id))
			refs = append(refs, tagRef{tg, run})
			t.tags = append(t.tags, tg)
		}
	}
	return refs
}

// buildBlocks pairs for/if with else and end, innermost first.
func (t *Template) buildBlocks(refs []tagRef, errs *Errors) []block {
	var stack []block
	var done []block
	for i, r := range refs {
		switch r.tag.kind {
		case tagFor, tagIf:
			stack = append(stack, block{open: i, els: -1, end: -1})
		case tagElse:
			if len(stack) == 0 || refs[stack[len(stack)-1].open].tag.kind != tagIf {
				errs.add(t.name, r.tag.where, r.tag.text, newProblem(CodeUnbalanced,
					"{{else}} chỉ dùng giữa {{if …}} và {{end}} của nó; xoá hoặc thêm {{if …}}", "{{else}} không nằm trong một {{if}}"))
				continue
			}
			top := &stack[len(stack)-1]
			if top.els >= 0 {
				errs.add(t.name, r.tag.where, r.tag.text, newProblem(CodeUnbalanced,
					"xoá {{else}} thừa; muốn nhiều nhánh thì lồng {{if}} trong {{else}}", "một {{if}} chỉ có một {{else}}"))
				continue
			}
			top.els = i
		case tagEnd:
			if len(stack) == 0 {
				errs.add(t.name, r.tag.where, r.tag.text, newProblem(CodeUnbalanced,
					"xoá {{end}} này, hoặc thêm thẻ mở {{for …}} / {{if …}} tương ứng ở trước nó", "{{end}} thừa: không có {{for}} hay {{if}} nào đang mở"))
				continue
			}
			b := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			b.end = i
			done = append(done, b)
		}
	}
	for _, b := range stack {
		o := refs[b.open].tag
		errs.add(t.name, o.where, o.text, newProblem(CodeUnbalanced,
			"thêm {{end}} ở cuối phần cần lặp hoặc cần điều kiện, trong cùng ô bảng hoặc cùng thân văn bản với thẻ mở; mỗi {{for …}} và {{if …}} cần đúng một {{end}}",
			"thiếu {{end}} đóng thẻ này"))
	}
	return done
}

// controlOnly finds the paragraphs and table rows that hold nothing but
// control tags ({{for}}, {{if}}, {{else}}, {{end}}): they vanish from the
// output, so a maintainer can put a loop's tags on lines of their own.
func controlOnly(root *etree.Element, refs []tagRef) map[*etree.Element]bool {
	isControlRun := func(r *etree.Element) bool {
		id, err := strconv.Atoi(r.SelectAttrValue(tagAttr, "x"))
		return err == nil && refs[id].tag.isControl()
	}
	out := map[*etree.Element]bool{}
	paraState := func(p *etree.Element) (control, empty bool) {
		atoms, _ := paragraphAtoms(p)
		control, empty = false, true
		for _, a := range atoms {
			switch {
			case isControlRun(a.run):
				control = true
			case a.t != nil && strings.TrimSpace(a.text) == "":
			default:
				return false, false
			}
		}
		return control, empty && !control
	}
	for _, p := range InOrder(root, "p") {
		if c, _ := paraState(p); c {
			out[p] = true
		}
	}
	for _, tr := range InOrder(root, "tr") {
		control, ok := false, true
		for _, tc := range tr.SelectElements("w:tc") {
			for c := range tc.ChildElementsSeq() {
				switch {
				case isW(c, "tcPr"):
				case isW(c, "p"):
					cp, empty := paraState(c)
					control = control || cp
					ok = ok && (cp || empty)
				default:
					ok = false
				}
			}
		}
		if control && ok {
			out[tr] = true
		}
	}
	return out
}

// wrap moves the range a block governs into a marker element. The range is
// found from the lowest common ancestor of the opening and closing tags:
// the same paragraph → the runs between them; the same cell, body or text
// box → the paragraphs (and tables) between them; cells of one table → the
// rows from the opening tag's row to the closing tag's row. Paragraphs and
// rows that hold only control tags are left out of the range.
func (t *Template) wrap(b block, refs []tagRef, control map[*etree.Element]bool) *Error {
	open, end := refs[b.open], refs[b.end]
	l := commonAncestor(open.run, end.run)
	if isW(l, "tr") {
		l = l.Parent()
	}
	inline := insideParagraph(l)
	oc, cc := childOf(l, open.run), childOf(l, end.run)
	if !inline && !isW(l, "tbl") && (!isW(oc, "p") || !isW(cc, "p")) {
		// One tag inside a table (or a content control) and the other
		// outside it: repeating "what lies between" would take the whole
		// table, which is never what the maintainer meant.
		return located(t.name, bodyPart, open.tag.where, open.tag.text, newProblem(CodeMisplaced,
			"đặt thẻ mở và {{end}} cùng trong thân văn bản, cùng một ô, hoặc trong các ô của cùng một bảng (vòng lặp theo hàng)",
			"thẻ mở và {{end}} của nó phải cùng nằm trong thân văn bản, cùng một ô, hoặc trong các ô của cùng một bảng"))
	}
	first, last := oc.Index()+1, cc.Index()-1
	if !inline {
		if !control[oc] {
			first = oc.Index()
		}
		if !control[cc] {
			last = cc.Index()
		}
	}
	split := -1
	if b.els >= 0 {
		els := refs[b.els]
		ec := childOf(l, els.run)
		if !inline && !control[ec] {
			kind := "đoạn"
			if isW(ec, "tr") {
				kind = "hàng bảng"
			}
			return located(t.name, bodyPart, els.tag.where, els.tag.text, newProblem(CodeMisplaced,
				"đặt {{else}} trên một dòng (đoạn) riêng ngang cấp với {{if}} và {{end}}; với vòng theo hàng bảng, đặt nó trong một hàng riêng",
				"{{else}} phải đứng riêng một %s, ngang cấp với {{if}} và {{end}} của nó", kind))
		}
		split = ec.Index()
	}
	var items []*etree.Element
	var elseAt = -1
	for i := first; i <= last && i < len(l.Child); i++ {
		e, ok := l.Child[i].(*etree.Element)
		if !ok {
			continue
		}
		if i == split {
			elseAt = len(items)
		}
		items = append(items, e)
	}
	blk := etree.NewElement(blockElem)
	blk.CreateAttr("id", strconv.Itoa(b.open))
	insertAt := first
	for _, e := range items {
		l.RemoveChild(e)
	}
	if insertAt > len(l.Child) {
		insertAt = len(l.Child)
	}
	l.InsertChildAt(insertAt, blk)
	if refs[b.open].tag.kind == tagFor {
		for _, e := range items {
			blk.AddChild(e)
		}
		return nil
	}
	then, other := blk.CreateElement(thenElem), blk.CreateElement(elseElem)
	for i, e := range items {
		if elseAt >= 0 && i >= elseAt {
			other.AddChild(e)
		} else {
			then.AddChild(e)
		}
	}
	return nil
}

// removeControl deletes the control tags' runs and the paragraphs and rows
// that held nothing else.
func removeControl(root *etree.Element, refs []tagRef, control map[*etree.Element]bool) {
	for e := range control {
		if isW(e, "tr") {
			e.Parent().RemoveChild(e)
		}
	}
	for e := range control {
		if isW(e, "p") && e.SelectElement("w:pPr") != nil && e.SelectElement("w:pPr").SelectElement("w:sectPr") != nil {
			continue // keeps its section break; only the tags go
		}
		if isW(e, "p") && e.Parent() != nil {
			e.Parent().RemoveChild(e)
		}
	}
	for _, r := range refs {
		if r.tag.isControl() && r.run.Parent() != nil {
			r.run.Parent().RemoveChild(r.run)
		}
	}
}

// scrubCopies removes what must stay unique in a document and would be
// duplicated by loops (Word's paragraph ids, bookmarks inside blocks) and
// the spell-check marks, in one walk of the tree.
func scrubCopies(root *etree.Element) {
	var walk func(e *etree.Element, inBlock bool)
	walk = func(e *etree.Element, inBlock bool) {
		inBlock = inBlock || e.Tag == blockElem
		for i := 0; i < len(e.Child); i++ {
			c, ok := e.Child[i].(*etree.Element)
			if !ok {
				continue
			}
			if isW(c, "proofErr") || (inBlock && (isW(c, "bookmarkStart") || isW(c, "bookmarkEnd"))) {
				e.RemoveChildAt(i)
				i--
				continue
			}
			if isW(c, "p") {
				c.RemoveAttr("w14:paraId")
				c.RemoveAttr("w14:textId")
			}
			walk(c, inBlock)
		}
	}
	walk(root, false)
}

// InOrder lists the w:<local> elements under root in reading (document)
// order; etree's "//" search goes level by level instead.
func InOrder(root *etree.Element, local string) []*etree.Element {
	var out []*etree.Element
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for _, tok := range e.Child { // e.Child, not ChildElements: no slice per element
			if c, ok := tok.(*etree.Element); ok {
				if isW(c, local) {
					out = append(out, c)
				}
				walk(c)
			}
		}
	}
	if root != nil {
		walk(root)
	}
	return out
}

// commonAncestor returns the deepest element that contains both a and b.
func commonAncestor(a, b *etree.Element) *etree.Element {
	seen := map[*etree.Element]bool{}
	for e := a; e != nil; e = e.Parent() {
		seen[e] = true
	}
	for e := b; e != nil; e = e.Parent() {
		if seen[e] {
			return e
		}
	}
	return nil
}

// childOf returns the ancestor-or-self of e whose parent is l.
func childOf(l, e *etree.Element) *etree.Element {
	for e != nil && e.Parent() != l {
		e = e.Parent()
	}
	return e
}

// insideParagraph reports whether e is a paragraph or lies inside one
// (a hyperlink, a field, a run) before any container of paragraphs.
func insideParagraph(e *etree.Element) bool {
	for ; e != nil; e = e.Parent() {
		switch {
		case isW(e, "p"):
			return true
		case isW(e, "tc"), isW(e, "body"), isW(e, "tbl"), isW(e, "tr"), isW(e, "txbxContent"),
			isW(e, "sdtContent") && !isW(e.Parent().Parent(), "p"), e.Tag == blockElem || e.Tag == thenElem || e.Tag == elseElem:
			return false
		}
	}
	return false
}

// Locator describes places in a WordprocessingML part the way a person
// finds them in Word: table, row and cell numbers, the paragraph's number
// in the part (in reading order) and the start of its text. The engine and
// the template linter use it, so both name the same place the same way.
type Locator struct {
	paraNo  map[*etree.Element]int
	tableNo map[*etree.Element]int
}

// NewLocator numbers the paragraphs and tables under root.
func NewLocator(root *etree.Element) *Locator {
	l := &Locator{paraNo: map[*etree.Element]int{}, tableNo: map[*etree.Element]int{}}
	for i, p := range InOrder(root, "p") {
		l.paraNo[p] = i + 1
	}
	for i, t := range InOrder(root, "tbl") {
		l.tableNo[t] = i + 1
	}
	return l
}

// Paragraph is the 1-based number of paragraph p, 0 if unknown.
func (l *Locator) Paragraph(p *etree.Element) int { return l.paraNo[p] }

// Where describes the paragraph holding e (or e itself when it is one):
// "bảng 2, hàng 3, ô 1, đoạn 14 «…»"; "" outside any paragraph.
func (l *Locator) Where(e *etree.Element) string {
	p := e
	for p != nil && !isW(p, "p") {
		p = p.Parent()
	}
	if p == nil {
		return ""
	}
	var parts []string
	for a := p.Parent(); a != nil; a = a.Parent() {
		if isW(a, "tc") {
			parts = append([]string{l.cell(a)}, parts...)
		}
	}
	parts = append(parts, fmt.Sprintf("đoạn %d «%s»", l.paraNo[p], quote(visibleText(p), 60)))
	return strings.Join(parts, ", ")
}

// Cell describes the innermost table cell holding e, or "" outside tables.
func (l *Locator) Cell(e *etree.Element) string {
	for ; e != nil; e = e.Parent() {
		if isW(e, "tc") {
			return l.cell(e)
		}
	}
	return ""
}

func (l *Locator) cell(tc *etree.Element) string {
	tr := tc.Parent()
	tbl := tr.Parent()
	return fmt.Sprintf("bảng %d, hàng %d, ô %d", l.tableNo[tbl], indexAmong(tbl, tr, "tr"), indexAmong(tr, tc, "tc"))
}

// indexAmong is the 1-based position of child among parent's w:<local> children.
func indexAmong(parent, child *etree.Element, local string) int {
	n := 0
	for c := range parent.ChildElementsSeq() {
		if isW(c, local) {
			n++
		}
		if c == child {
			return n
		}
	}
	return 0
}

// quote shortens s to at most n runes for a message.
func quote(s string, n int) string {
	rs := []rune(strings.TrimSpace(s))
	if len(rs) <= n {
		return string(rs)
	}
	return string(rs[:n-1]) + "…"
}

// checkOtherParts refuses tags in headers, footers, footnotes and the like:
// the engine fills the document body only, and a tag left there would reach
// the output unfilled.
func (t *Template) checkOtherParts() Errors {
	parts := t.parts
	var errs Errors
	var names map[string]string
	name := func(part string) string { // computed for the first problem only
		if names == nil {
			names = SideNames(parts, t.root)
		}
		return names[part]
	}
	for _, part := range parts.Names() {
		if ooxml.SideKind(part) == "" {
			continue
		}
		root, err := parts.XML(part)
		if err != nil {
			errs = append(errs, &Error{Template: t.name, Part: name(part), Msg: "không đọc được: " + err.Error(),
				Code: CodeUnreadable, Fix: resaveFix})
			continue
		}
		var loc *Locator
		for _, p := range InOrder(root, "p") {
			if strings.Contains(visibleText(p), "{{") {
				if loc == nil {
					loc = NewLocator(root)
				}
				errs = append(errs, &Error{Template: t.name, Part: name(part), Where: loc.Where(p), Code: CodeUnfilled,
					Msg: "thẻ chỉ được đặt trong thân văn bản; đầu trang, chân trang và chú thích không được điền",
					Fix: "đầu trang, chân trang và chú thích không được điền: chuyển nội dung có thẻ vào thân văn bản hoặc thay thẻ bằng chữ cố định; đầu trang chỉ nên có số trang (trường PAGE)"})
			}
		}
	}
	return errs
}

// emptyName returns the first element or attribute name under e that
// namespaces do not allow ("v:", ":", "a:b:c"), "" when there is none.
// XML allows such names, etree keeps them, but the readers of the filled
// document (Word, ours) refuse them: the body is written again for every
// document, so each would be unreadable.
func emptyName(e *etree.Element) string {
	if badLocal(e.Tag) {
		return e.FullTag()
	}
	for _, a := range e.Attr {
		if badLocal(a.Key) {
			return a.FullKey()
		}
	}
	for _, c := range e.ChildElements() {
		if n := emptyName(c); n != "" {
			return n
		}
	}
	return ""
}

// badLocal reports whether the local part etree gives a name is empty or
// still holds a colon.
func badLocal(local string) bool { return local == "" || strings.Contains(local, ":") }
