package book

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
)

// segment is a run of pages (1-based, inclusive) of one source PDF.
type segment struct {
	r           *reader
	first, last int
}

func (s segment) pages() []int { return s.r.pages[s.first-1 : s.last] }

// The objects every PDF the package writes starts with.
const catalogNr, pagesNr, infoNr = 1, 2, 3

// source is object nr of the seg-th segment being written.
type source struct{ seg, nr int }

// assemble writes the pages of the segments, in order, as a new PDF: a
// catalog, one page tree, the information dictionary, then every object
// the pages need (found by following references, but not the pages'
// /Parent, which is replaced), renumbered from 4 in source order, and the
// outline's objects last.
func assemble(segs []segment, info Info, marks []Bookmark) ([]byte, error) {
	num := newNumbering(infoNr + 1)
	var order []source
	var objs []*rawObject
	for si, sg := range segs {
		need, old, err := needed(sg.r, sg.pages(), nil)
		if err != nil {
			return nil, err
		}
		for _, nr := range num.add(si, sg.r, old) {
			order = append(order, source{si, nr})
			objs = append(objs, need[nr])
		}
	}
	tree := newPageTree(segs, num)
	catalog, ol, err := withOutline(marks, num.next, tree.refs)
	if err != nil {
		return nil, err
	}
	size := 512 + tree.kids.Len()
	for _, o := range objs {
		size += len(o.value) + len(o.stream) + 64
	}
	var buf bytes.Buffer
	buf.Grow(size + 20*num.next)
	out := newObjWriter(&buf, segs[0].r.header, ol.next)
	out.object(catalogNr, []byte(catalog), nil)
	out.object(pagesNr, tree.dict(nil), nil)
	out.object(infoNr, infoDict(info), nil)
	for i, src := range order {
		v := objs[i].renumbered(num.lookup(src.seg))
		if tree.isPage[src] {
			if v, err = pageValue(v, src.nr, tree.own(src.seg)); err != nil {
				return nil, err
			}
		}
		out.object(num.renum[src], v, objs[i].stream)
	}
	ol.emit(out, num.next)
	if err := out.finish(catalogNr, infoNr); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// needed lists the objects of r that objects roots (pages) need, roots
// included, found by following references (but not a page's /Parent), and
// their numbers sorted. An object for which leave returns true is neither
// listed nor followed.
func needed(r *reader, roots []int, leave func(nr int, o *rawObject) bool) (map[int]*rawObject, []int, error) {
	need := map[int]*rawObject{}
	left := map[int]bool{}
	queue := append([]int(nil), roots...)
	for len(queue) > 0 {
		nr := queue[0]
		queue = queue[1:]
		if _, done := need[nr]; done || left[nr] {
			continue
		}
		o, err := r.object(nr)
		if err != nil {
			return nil, nil, err
		}
		if leave != nil && leave(nr, o) {
			left[nr] = true
			continue
		}
		need[nr] = o
		for _, n := range o.refs {
			if _, done := need[n]; !done {
				queue = append(queue, n)
			}
		}
	}
	old := make([]int, 0, len(need))
	for nr := range need {
		old = append(old, nr)
	}
	sort.Ints(old)
	return need, old, nil
}

// numbering gives the objects of a PDF being written their numbers, from
// next on in the order they are added. A picture drawn in several files
// (a seal on every report) is written once: a picture whose content was
// numbered already takes that number.
type numbering struct {
	next     int
	renum    map[source]int
	pictures map[[sha256.Size]byte]int // a picture's content → its number
}

func newNumbering(next int) *numbering {
	return &numbering{next: next, renum: map[source]int{}, pictures: map[[sha256.Size]byte]int{}}
}

// add numbers objects old of segment seg (read from r) and returns those
// that are to be written, in order: all but pictures written already.
func (n *numbering) add(seg int, r *reader, old []int) []int {
	write := old[:0:0]
	for _, nr := range old {
		key, isPicture := pictureKey(r, nr)
		if at, seen := n.pictures[key]; isPicture && seen {
			n.renum[source{seg, nr}] = at
			continue
		}
		if isPicture {
			n.pictures[key] = n.next
		}
		n.renum[source{seg, nr}] = n.next
		n.next++
		write = append(write, nr)
	}
	return write
}

// lookup is the renumbering of segment seg's references, for
// rawObject.renumbered.
func (n *numbering) lookup(seg int) func(nr int) (int, bool) {
	return func(nr int) (int, bool) {
		nn, ok := n.renum[source{seg, nr}]
		return nn, ok
	}
}

// pageTree is the single page tree of a PDF being written.
type pageTree struct {
	kids      bytes.Buffer // "n 0 R " for every page
	refs      []string     // "n 0 R" for every page, in order
	isPage    map[source]bool
	treeAttrs []byte   // what the tree gives every page (/MediaBox …), nil when the files differ
	inherit   [][]byte // each segment's own
}

// newPageTree lists the pages of segs, numbered by num. The files' page
// trees may give their pages different attributes (a landscape file after
// a portrait one): then each page carries its own, and the new tree none.
func newPageTree(segs []segment, num *numbering) *pageTree {
	t := &pageTree{isPage: map[source]bool{}, treeAttrs: segs[0].r.inherit}
	for si, sg := range segs {
		t.inherit = append(t.inherit, sg.r.inherit)
		if !bytes.Equal(sg.r.inherit, t.treeAttrs) {
			t.treeAttrs = nil
		}
		for _, p := range sg.pages() {
			t.isPage[source{si, p}] = true
			t.add(num.renum[source{si, p}])
		}
	}
	return t
}

// add appends page nr to the tree.
func (t *pageTree) add(nr int) {
	ref := strconv.Itoa(nr) + " 0 R"
	t.refs = append(t.refs, ref)
	t.kids.WriteString(ref + " ")
}

// own is what the pages of segment seg must carry themselves: the
// attributes their file's tree gave them, unless the new tree gives them.
func (t *pageTree) own(seg int) []byte {
	if t.treeAttrs != nil {
		return nil
	}
	return t.inherit[seg]
}

// dict is the page tree's dictionary; attrs, when not nil, replaces the
// attributes the tree gives every page.
func (t *pageTree) dict(attrs []byte) []byte {
	if attrs == nil {
		attrs = t.treeAttrs
	}
	return []byte(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d%s >>", t.kids.String(), len(t.refs), attrs))
}

// pageValue makes a renumbered page dictionary (source object nr) a page
// of the new tree: its /Parent is the new tree, and it carries the
// inherited attributes own that it does not set itself.
func pageValue(v []byte, nr int, own []byte) ([]byte, error) {
	v = parentRe.ReplaceAll(v, []byte(fmt.Sprintf("/Parent %d 0 R", pagesNr)))
	if !bytes.Contains(v, []byte("/Parent")) {
		return nil, fmt.Errorf("trang %d thiếu /Parent", nr)
	}
	if own == nil {
		return v, nil
	}
	v, err := withInherited(v, own)
	if err != nil {
		return nil, fmt.Errorf("trang %d: %w", nr, err)
	}
	return v, nil
}

// withOutline numbers the outline of marks from next (none without marks)
// and returns the catalog that opens it with the bookmark panel shown.
// pages are the references of the new file's pages.
func withOutline(marks []Bookmark, next int, pages []string) (catalog string, ol *writer, err error) {
	ol = &writer{next: next, pages: pages}
	if len(marks) == 0 {
		return fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pagesNr), ol, nil
	}
	outlinesNr := ol.alloc()
	first, last, count, err := ol.items(marks, outlinesNr)
	if err != nil {
		return "", nil, fmt.Errorf("không thêm được mục lục: %w", err)
	}
	ol.objs[outlinesNr] = fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", first, last, count)
	return fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R /PageMode /UseOutlines >>", pagesNr, outlinesNr), ol, nil
}

// emit writes the outline's objects, numbered from first.
func (w *writer) emit(out *objWriter, first int) {
	for nr := first; nr < w.next; nr++ {
		out.object(nr, []byte(w.objs[nr]), nil)
	}
}

// objWriter writes the objects of a PDF and then its cross-reference
// table and trailer, keeping the first write error.
type objWriter struct {
	w       io.Writer
	header  []byte  // the "%PDF-1.x" line
	at      int64   // bytes written
	offsets []int64 // by object number; 0: not written
	scratch []byte
	err     error
}

// newObjWriter starts a PDF with header (the "%PDF-1.x" line) and the
// binary comment; size is a hint of the number of objects.
func newObjWriter(w io.Writer, header []byte, size int) *objWriter {
	o := &objWriter{w: w, header: header, offsets: make([]int64, 0, size)}
	o.write(header)
	o.write(binaryComment)
	return o
}

// What every object writes around its value, as bytes (converting a
// string at each write would allocate).
var (
	binaryComment = []byte("%\xe2\xe3\xcf\xd3\n")
	streamStart   = []byte("\nstream\n")
	streamEnd     = []byte("\nendstream")
	objEnd        = []byte("\nendobj\n")
	freeEntry     = []byte("0000000000 65535 f \n")
)

func (o *objWriter) write(b []byte) {
	if o.err != nil {
		return
	}
	n, err := o.w.Write(b)
	o.at += int64(n)
	o.err = err
}

// object writes object nr with its value and, when not nil, its stream.
func (o *objWriter) object(nr int, value, stream []byte) {
	for len(o.offsets) <= nr {
		o.offsets = append(o.offsets, 0)
	}
	o.offsets[nr] = o.at
	o.scratch = append(strconv.AppendInt(o.scratch[:0], int64(nr), 10), " 0 obj\n"...)
	o.write(o.scratch)
	o.write(value)
	if stream != nil {
		o.write(streamStart)
		o.write(stream)
		o.write(streamEnd)
	}
	o.write(objEnd)
}

// finish writes the cross-reference table of every object written
// (numbers not written are free entries) and the trailer.
func (o *objWriter) finish(root, info int) error {
	if len(o.offsets) == 0 {
		return errors.New("tệp PDF không có đối tượng nào")
	}
	xref := o.at
	o.write([]byte(fmt.Sprintf("xref\n0 %d\n0000000000 65535 f \n", len(o.offsets))))
	line := make([]byte, 0, 20)
	for _, off := range o.offsets[1:] {
		if off == 0 {
			o.write(freeEntry)
			continue
		}
		// "%010d 00000 n \n", without fmt: one line per object.
		line = strconv.AppendInt(line[:0], off, 10)
		pad := 10 - len(line)
		line = append(line[:0], "0000000000"[:max(pad, 0)]...)
		line = strconv.AppendInt(line, off, 10)
		o.write(append(line, " 00000 n \n"...))
	}
	o.write([]byte(fmt.Sprintf("trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(o.offsets), root, info, xref)))
	return o.err
}
