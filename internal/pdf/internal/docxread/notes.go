package docxread

import (
	"fmt"
	"slices"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Footnotes and endnotes (footnotes.xml, endnotes.xml). A reference in the
// text becomes a NoteRef inline carrying the note's number, and the note's
// paragraphs, read where the reference is; the mark at the head of a note's
// text (w:footnoteRef) prints the same number. Numbers run through the
// document in the format of settings.xml's footnotePr and endnotePr
// (decimal and lowerRoman, Word's defaults and LibreOffice's).

// noteKind is one of the two kinds of notes.
type noteKind struct {
	part   string                    // footnotes.xml or endnotes.xml, "" when the document has none
	byID   map[string]*etree.Element // its w:footnote/w:endnote elements, read at the first reference
	paras  map[string]int            // how many paragraphs of the part come before each (for warnings)
	format string                    // numFmt
	start  int                       // numStart
	count  int                       // references numbered so far
}

// notes is the state of both kinds while a document is read.
type notes struct {
	foot, end noteKind
	refs      int    // references met
	mark      string // the number printed by a w:footnoteRef/w:endnoteRef in the note being read
	inNote    bool
}

func newNotes() *notes {
	return &notes{foot: noteKind{format: "decimal", start: 1}, end: noteKind{format: "lowerRoman", start: 1}}
}

// notePr reads settings.xml's w:footnotePr or w:endnotePr.
func (r *reader) notePr(e *etree.Element, k *noteKind, name string) {
	if e == nil {
		return
	}
	if f := e.SelectElement("w:numFmt"); f != nil {
		k.format = wval(f)
	}
	if s := e.SelectElement("w:numStart"); s != nil {
		k.start = atoi(wval(s))
	}
	if rs := e.SelectElement("w:numRestart"); rs != nil && wval(rs) != "continuous" {
		r.warn("settings.xml", name+": đánh số lại mỗi trang hoặc mỗi phần chưa được hỗ trợ: số chạy liên tục cả văn bản")
	}
	if pos := e.SelectElement("w:pos"); pos != nil && wval(pos) != "pageBottom" && wval(pos) != "docEnd" {
		r.warn("settings.xml", name+": vị trí «"+wval(pos)+"» chưa được hỗ trợ: in ở cuối trang (chú thích cuối trang) hoặc cuối văn bản (chú thích cuối văn bản)")
	}
}

// noteInline adds to a paragraph the inline of a note reference or of a
// note's own mark c, found in a run of in (none inside a field's
// instruction).
func (r *reader) noteInline(c, in *etree.Element, rp docmodel.RunProps, out *docmodel.Paragraph, f *fieldState) {
	if f.depth > 0 && !f.inResult {
		return
	}
	switch c.Tag {
	case "footnoteRef", "endnoteRef":
		if r.notes.inNote {
			out.Inlines = append(out.Inlines, r.ownMark(c, rp))
		}
	default:
		if in, ok := r.noteRef(c, rp, r.where(in)); ok {
			out.Inlines = append(out.Inlines, in)
		}
	}
}

// noteRef reads a w:footnoteReference or w:endnoteReference: the note's
// number and paragraphs; where locates it for warnings. It returns the inline to add, ok false when the
// note cannot be found (warned).
func (r *reader) noteRef(ref *etree.Element, rp docmodel.RunProps, where string) (docmodel.Inline, bool) {
	end := ref.Tag == "endnoteReference"
	k, tag, name := &r.notes.foot, "w:footnote", "chú thích cuối trang"
	if end {
		k, tag, name = &r.notes.end, "w:endnote", "chú thích cuối văn bản"
	}
	if r.notes.inNote || r.part != r.mainPart {
		r.warn(where, name+" đặt trong đầu trang, chân trang hoặc trong một chú thích khác chưa được hỗ trợ: không in")
		return docmodel.Inline{}, false
	}
	id := ref.SelectAttrValue("w:id", "")
	el := r.noteElement(k, tag, id)
	if el == nil {
		file := strings.TrimPrefix(k.part, "word/")
		if file == "" {
			file = strings.TrimPrefix(tag, "w:") + "s.xml (văn bản không có phần này)"
		}
		r.warn(where, fmt.Sprintf("%s số %s không có trong %s: không in", name, id, file))
		return docmodel.Inline{}, false
	}
	r.notes.refs++
	k.count++
	mark, ok := formatNumber(k.start+k.count-1, k.format)
	if !ok {
		r.warn(where, fmt.Sprintf("%s: kiểu số «%s» chưa được hỗ trợ: in bằng số thường", name, k.format))
	}
	if a := ref.SelectAttr("w:customMarkFollows"); a != nil && (a.Value == "1" || a.Value == "true" || a.Value == "on") {
		mark = "" // the run that follows holds the mark
	}
	note := &docmodel.Note{Blocks: r.noteBlocks(el, k.part, k.paras[id], mark)}
	if rp.VertAlign == docmodel.VertBaseline {
		rp.VertAlign = docmodel.VertSuper // LibreOffice's anchor style raises every mark
	}
	in := docmodel.Inline{Kind: docmodel.NoteRef, Text: mark, Props: rp, Note: note}
	if end {
		r.endnotes = append(r.endnotes, note)
		in.Note = nil
	}
	return in, true
}

// noteElement finds note id in its part, reading the part the first time.
func (r *reader) noteElement(k *noteKind, tag, id string) *etree.Element {
	if k.part == "" {
		return nil
	}
	if k.byID == nil {
		k.byID, k.paras = map[string]*etree.Element{}, map[string]int{}
		root, err := r.XML(k.part)
		if err != nil {
			r.warn(k.part, "không đọc được: "+err.Error())
			return nil
		}
		n := 0
		for _, e := range root.SelectElements(tag) {
			id := e.SelectAttrValue("w:id", "")
			k.byID[id], k.paras[id] = e, n
			n += len(e.FindElements(".//w:p"))
		}
	}
	return k.byID[id]
}

// noteBlocks reads a note's paragraphs and tables, its own marks printing
// mark; before is how many paragraphs of the part come before it.
// Numbered paragraphs in a note do not count in the body's lists.
func (r *reader) noteBlocks(el *etree.Element, part string, before int, mark string) []docmodel.Block {
	savedPart, savedNo := r.part, r.paraNo
	r.part, r.paraNo = part, before
	r.notes.inNote, r.notes.mark = true, mark
	defer func() {
		r.part, r.paraNo = savedPart, savedNo
		r.notes.inNote, r.notes.mark = false, ""
	}()
	var blocks []docmodel.Block
	for c := range el.ChildElementsSeq() {
		blocks = append(blocks, r.block(c, "")...)
	}
	return blocks
}

// ownMark is the inline for a w:footnoteRef or w:endnoteRef: the number of
// the note being read. LibreOffice raises it as the document's «footnote
// reference» or «endnote reference» style says, whatever its run says.
func (r *reader) ownMark(c *etree.Element, rp docmodel.RunProps) docmodel.Inline {
	name := "footnote reference"
	if c.Tag == "endnoteRef" {
		name = "endnote reference"
	}
	rp.VertAlign = r.styleVertAlign(name)
	return docmodel.Inline{Kind: docmodel.NoteRef, Text: r.notes.mark, Props: rp}
}

// styleVertAlign is the vertical alignment of the character style of a
// name (the first by id when several have it), Baseline when none has.
func (r *reader) styleVertAlign(name string) docmodel.VertAlign {
	var ids []string
	for id, st := range r.styles.ByID {
		if st.Type == "character" && strings.EqualFold(st.Name, name) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return docmodel.VertBaseline
	}
	slices.Sort(ids)
	var rp docmodel.RunProps
	for _, d := range r.styles.chain(ids[0]) {
		applyRPr(&rp, d.RPr)
	}
	return rp.VertAlign
}

// leadingParagraph copies LibreOffice 7.4: a document that begins with a
// table and has a footnote or endnote reference gets an empty paragraph in
// the default style above the table (WORD-FEATURES.md §5; Word adds none).
func (r *reader) leadingParagraph(doc *docmodel.Document) {
	if r.notes.refs == 0 || len(doc.Sections) == 0 || len(doc.Sections[0].Blocks) == 0 {
		return
	}
	s := doc.Sections[0]
	if _, ok := s.Blocks[0].(*docmodel.Table); !ok {
		return
	}
	p := &docmodel.Paragraph{Props: r.styles.paraProps(nil, "", nil), Mark: r.styles.runBase(nil, "")}
	s.Blocks = append([]docmodel.Block{p}, s.Blocks...)
}
