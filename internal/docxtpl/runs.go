package docxtpl

import (
	"strings"

	"github.com/beevik/etree"
)

// isW reports whether e is the WordprocessingML element w:<local>.
func isW(e *etree.Element, local string) bool {
	return e != nil && e.Space == "w" && e.Tag == local
}

// atom is one piece of a paragraph's visible text: the text of a w:t, or a
// separator (tab, break, field character…) that a tag may not span.
type atom struct {
	run   *etree.Element
	el    *etree.Element // the run child that produced the atom
	t     *etree.Element // el when it is a w:t, nil for a separator
	text  string
	start int // byte offset in the paragraph text
}

// separator stands for a non-text run child in the joined paragraph text.
const separator = "\x00"

// paragraphAtoms lists the text atoms of p in reading order. Runs of nested
// paragraphs (text boxes) and deleted text belong elsewhere and are skipped.
func paragraphAtoms(p *etree.Element) ([]atom, string) {
	var atoms []atom
	var sb strings.Builder
	var walk func(e *etree.Element)
	walk = func(e *etree.Element) {
		for c := range e.ChildElementsSeq() {
			switch {
			case isW(c, "p"), isW(c, "del"), isW(c, "moveFrom"), isW(c, "pPr"):
				continue
			case isW(c, "r"):
				for rc := range c.ChildElementsSeq() {
					switch {
					case isW(rc, "rPr"):
					case isW(rc, "t"):
						atoms = append(atoms, atom{run: c, el: rc, t: rc, text: rc.Text(), start: sb.Len()})
						sb.WriteString(rc.Text())
					default:
						atoms = append(atoms, atom{run: c, el: rc, text: separator, start: sb.Len()})
						sb.WriteString(separator)
					}
				}
			default:
				walk(c)
			}
		}
	}
	walk(p)
	return atoms, sb.String()
}

// ParagraphText joins the text of a paragraph the way the engine looks for
// tags in it: the w:t of its runs (also inside hyperlinks, inserted text,
// content controls), other run content (tabs, breaks, field characters) as
// one separator character that no tag can hold; nested paragraphs (text boxes) and deleted text are left out.
func ParagraphText(p *etree.Element) string {
	_, s := paragraphAtoms(p)
	return s
}

// visibleText is the paragraph text as a person reads it (separators shown
// as spaces), for locations in messages.
func visibleText(p *etree.Element) string {
	_, s := paragraphAtoms(p)
	return strings.ReplaceAll(s, separator, " ")
}

// tagSpan is the byte range of one {{…}} in a paragraph's joined text.
type tagSpan struct{ start, end int }

// findTagSpans finds the {{…}} tags of a paragraph's joined text, and what
// is wrong with the ones that are not tags; it goes on after a broken tag
// so that every problem of the paragraph is reported.
func findTagSpans(text string) ([]tagSpan, []error) {
	var spans []tagSpan
	var errs []error
	for i := 0; ; {
		o := strings.Index(text[i:], "{{")
		if o < 0 {
			return spans, errs
		}
		o += i
		c := strings.Index(text[o+2:], "}}")
		if c < 0 {
			return spans, append(errs, newProblem(CodeTemplate,
				"gõ đủ hai dấu «}}» ở cuối thẻ; nếu chữ «{{» là chữ thường trong văn bản, hãy viết khác đi",
				"thẻ mở \"{{\" không có \"}}\" đóng"))
		}
		c += o + 2
		if n := strings.Index(text[o+2:c], "{{"); n >= 0 {
			errs = append(errs, newProblem(CodeTemplate, "gõ đủ hai dấu «}}» ở cuối thẻ trước khi mở thẻ tiếp theo",
				"thẻ \"%s\" chưa đóng trước thẻ tiếp theo", strings.ReplaceAll(text[o:o+2+n], separator, " ")))
			i = o + 2 + n
			continue
		}
		i = c + 2
		if strings.Contains(text[o:c], separator) {
			errs = append(errs, newProblem(CodeTemplate,
				"xoá tab, ngắt dòng (Shift+Enter) hoặc trường nằm giữa «{{» và «}}»: mỗi thẻ phải liền một dòng",
				"thẻ \"%s\" bị cắt ngang bởi tab, ngắt dòng hoặc trường (field)", strings.ReplaceAll(text[o:c+2], separator, " ")))
			continue
		}
		spans = append(spans, tagSpan{o, c + 2})
	}
}

// isolateTag rewrites the runs of p so that the text [span.start, span.end)
// is alone in one run that keeps the formatting of the run where the tag
// starts. Word splits what a person typed into several runs (spell-check
// marks, rsids, language tags, bookmarks); this joins them back. It returns
// the run holding the tag and, when its letters are not all formatted
// alike, which differ and how (see unevenLook).
func isolateTag(p *etree.Element, span tagSpan) (*etree.Element, string, error) {
	splitAt(p, span.end)
	splitAt(p, span.start)
	atoms, text := paragraphAtoms(p)
	var first, last *etree.Element
	var inside []*etree.Element
	var pieces []lookPiece
	for _, a := range atoms {
		if a.start >= span.start && a.start+len(a.text) <= span.end && a.start < span.end {
			if first == nil {
				first = a.run
			}
			if last != a.run {
				inside = append(inside, a.run)
			}
			last = a.run
			pieces = append(pieces, lookPiece{text: a.text, look: lookOf(a.run)})
		}
	}
	if first == nil {
		return nil, "", newProblem(CodeTemplate, "xoá thẻ rồi gõ lại liền một lần", "không tách được thẻ")
	}
	parent := first.Parent()
	for _, r := range inside {
		if r.Parent() != parent {
			return nil, "", newProblem(CodeTemplate, "xoá thẻ rồi gõ lại liền một lần, ngoài siêu liên kết và trường",
				"thẻ nằm vắt qua ranh giới siêu liên kết hoặc trường; hãy gõ lại thẻ")
		}
	}
	// Drop everything between the first and last run that only marks up
	// the tag's letters (proofErr, other runs of the tag).
	from, to := first.Index(), last.Index()
	tagRun := etree.NewElement("w:r")
	if rPr := first.SelectElement("w:rPr"); rPr != nil {
		tagRun.AddChild(rPr.Copy())
	}
	t := tagRun.CreateElement("w:t")
	t.CreateAttr("xml:space", "preserve")
	t.SetText(text[span.start:span.end])
	var keep []etree.Token
	for i := from; i <= to; i++ {
		if e, ok := parent.Child[i].(*etree.Element); ok && (isW(e, "bookmarkStart") || isW(e, "bookmarkEnd")) {
			keep = append(keep, e)
		}
	}
	for i := to; i >= from; i-- {
		parent.RemoveChildAt(i)
	}
	parent.InsertChildAt(from, tagRun)
	for i, k := range keep {
		parent.InsertChildAt(from+1+i, k)
	}
	return tagRun, unevenLook(pieces), nil
}

// splitAt makes pos a run boundary in p: a w:t that straddles pos is cut in
// two, and so is its run.
func splitAt(p *etree.Element, pos int) {
	atoms, _ := paragraphAtoms(p)
	for i, a := range atoms {
		end := a.start + len(a.text)
		switch {
		case a.t != nil && a.start < pos && pos < end:
			splitRun(a.run, a.t, pos-a.start)
			return
		case pos == end && i+1 < len(atoms) && atoms[i+1].run == a.run:
			// Two children of one run meet at pos: cut the run between them.
			splitRunBefore(a.run, atoms[i+1])
			return
		}
	}
}

// splitRun cuts run r inside its text child t at byte offset off: r keeps
// what comes before, a new run after r (same properties) takes the rest.
func splitRun(r, t *etree.Element, off int) {
	text := t.Text()
	right := etree.NewElement("w:r")
	copyRunAttrs(r, right)
	if rPr := r.SelectElement("w:rPr"); rPr != nil {
		right.AddChild(rPr.Copy())
	}
	rt := right.CreateElement("w:t")
	rt.CreateAttr("xml:space", "preserve")
	rt.SetText(text[off:])
	t.SetText(text[:off])
	setPreserve(t)
	moveAfter(r, t, right)
	insertAfter(r, right)
}

// splitRunBefore cuts run r so that the atom a and what follows it move to
// a new run after r.
func splitRunBefore(r *etree.Element, a atom) {
	right := etree.NewElement("w:r")
	copyRunAttrs(r, right)
	if rPr := r.SelectElement("w:rPr"); rPr != nil {
		right.AddChild(rPr.Copy())
	}
	from := a.el
	idx := from.Index()
	for len(r.Child) > idx {
		c := r.Child[idx]
		r.RemoveChildAt(idx)
		right.AddChild(c)
	}
	insertAfter(r, right)
}

// moveAfter moves the children of r that follow child into dst.
func moveAfter(r, child, dst *etree.Element) {
	idx := child.Index() + 1
	for len(r.Child) > idx {
		c := r.Child[idx]
		r.RemoveChildAt(idx)
		dst.AddChild(c)
	}
}

func copyRunAttrs(from, to *etree.Element) {
	for _, a := range from.Attr {
		to.CreateAttr(a.FullKey(), a.Value)
	}
}

func setPreserve(t *etree.Element) {
	if t.SelectAttr("xml:space") == nil {
		t.CreateAttr("xml:space", "preserve")
	}
}

// insertAfter places n right after e in e's parent.
func insertAfter(e, n *etree.Element) {
	e.Parent().InsertChildAt(e.Index()+1, n)
}
