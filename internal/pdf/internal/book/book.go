package book

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"time"
)

// Info is the document information of an extracted PDF.
type Info struct {
	Title, Author, Subject, Creator, Producer string
	Date                                      time.Time
}

// Book is one or more PDFs read as one document: its pages are numbered
// from 1 across the files, in order. Pages are cut out of it (Extract)
// with the objects they need (content streams, resources, fonts) copied
// byte for byte and renumbered; nothing is decompressed or drawn again.
// Each file must have a classic cross-reference table and no object
// streams, as the PDFs pdfdraw writes have. The files may have pages of
// different sizes. A picture drawn in several files is written once. A
// Book may be used from several goroutines.
type Book struct {
	files []*reader
	first []int // the book's page number of each file's first page
	pages int
}

// New reads the page trees of pdfs.
func New(pdfs ...[]byte) (*Book, error) {
	b := &Book{}
	for i, pdf := range pdfs {
		r, err := newReader(pdf)
		if err != nil {
			return nil, fmt.Errorf("không đọc được tệp PDF thứ %d: %w", i+1, err)
		}
		b.files = append(b.files, r)
		b.first = append(b.first, b.pages+1)
		b.pages += len(r.pages)
	}
	return b, nil
}

// Pages is the number of pages in the book.
func (b *Book) Pages() int { return b.pages }

// Extract writes pages first to last (1-based, inclusive) as a PDF of
// their own carrying info and, when marks are given, an outline opened
// with the bookmark panel shown (pages counted from first).
func (b *Book) Extract(first, last int, info Info, marks []Bookmark) ([]byte, error) {
	if first < 1 || last < first || last > b.pages {
		return nil, fmt.Errorf("không tách được trang %d-%d: tệp có %d trang", first, last, b.pages)
	}
	var segs []segment
	for i, r := range b.files {
		from, to := max(first, b.first[i]), min(last, b.first[i]+len(r.pages)-1)
		if from <= to {
			segs = append(segs, segment{r, from - b.first[i] + 1, to - b.first[i] + 1})
		}
	}
	out, err := assemble(segs, info, marks)
	if err != nil {
		return nil, fmt.Errorf("không tách được trang %d-%d: %w", first, last, err)
	}
	return out, nil
}

// reader gives access to the objects of a classic PDF.
type reader struct {
	mu      sync.Mutex         // guards cache
	cache   map[int]*rawObject // objects read so far (fonts are shared by every extract)
	pdf     []byte
	header  []byte
	offsets map[int]int
	pages   []int  // page object numbers, in order
	inherit []byte // attributes pages inherit from the page tree root (/MediaBox …)
}

func newReader(pdf []byte) (*reader, error) {
	d, err := openDoc(pdf)
	if err != nil {
		return nil, err
	}
	r := d.reader
	if nl := bytes.IndexByte(pdf, '\n'); nl > 0 && bytes.HasPrefix(pdf, []byte("%PDF-")) {
		r.header = pdf[:nl+1]
	} else {
		return nil, errors.New("thiếu phần đầu %PDF-")
	}
	for _, m := range inheritRe.FindAllString(d.tree, -1) {
		if indirectRe.MatchString(m) {
			return nil, errors.New("cây trang có thuộc tính kế thừa gián tiếp, chưa hỗ trợ")
		}
		r.inherit = append(append(r.inherit, ' '), m...)
	}
	for _, ref := range d.pages {
		n, _ := strconv.Atoi(indirectRe.FindStringSubmatch(ref)[1])
		r.pages = append(r.pages, n)
	}
	return r, nil
}

// rawObject is an object's dictionary (or other value) text and, for a
// stream, its data.
type rawObject struct {
	value  []byte
	stream []byte // nil if not a stream
	refs   []int  // objects it refers to, but for a page's /Parent
	spans  []span // every "n g R" in value, /Parent included
}

// span is where an indirect reference to object nr sits in a value.
type span struct{ start, end, nr int }

var (
	objHeadRe = regexp.MustCompile(`^\s*(\d+)\s+(\d+)\s+obj\b`)
	lengthRe  = regexp.MustCompile(`/Length\s+(\d+)(?:\s+(\d+)\s+R)?`)
	parentRe  = regexp.MustCompile(`/Parent\s+\d+\s+\d+\s+R`)
	inheritRe = regexp.MustCompile(`/(?:MediaBox|CropBox)\s*\[[^\]]*\]|/Rotate\s+-?\d+|/Resources\s+\d+\s+\d+\s+R`)
	// the name of an attribute inheritRe finds
	inheritKeyRe = regexp.MustCompile(`/(?:MediaBox|CropBox|Rotate|Resources)\b`)
)

// object reads object nr (once).
func (r *reader) object(nr int) (*rawObject, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if o, ok := r.cache[nr]; ok {
		return o, nil
	}
	o, err := r.read(nr)
	if err != nil {
		return nil, err
	}
	parent := parentRe.FindIndex(o.value)
	o.spans = refSpans(o.value)
	for _, sp := range o.spans {
		if parent == nil || sp.start < parent[0] || sp.start >= parent[1] {
			o.refs = append(o.refs, sp.nr)
		}
	}
	if r.cache == nil {
		r.cache = map[int]*rawObject{}
	}
	r.cache[nr] = o
	return o, nil
}

func (r *reader) read(nr int) (*rawObject, error) {
	off, ok := r.offsets[nr]
	if !ok || off >= len(r.pdf) {
		return nil, fmt.Errorf("không tìm thấy đối tượng %d", nr)
	}
	b := r.pdf[off:]
	h := objHeadRe.FindSubmatchIndex(b)
	if h == nil || string(b[h[2]:h[3]]) != strconv.Itoa(nr) {
		return nil, fmt.Errorf("đối tượng %d không ở vị trí bảng xref ghi", nr)
	}
	body := b[h[1]:]
	end := valueEnd(body)
	if end < 0 {
		return nil, fmt.Errorf("đối tượng %d hỏng", nr)
	}
	o := &rawObject{value: bytes.TrimSpace(body[:end])}
	rest := bytes.TrimLeft(body[end:], " \t\r\n")
	if bytes.HasPrefix(rest, []byte("stream")) {
		data := rest[len("stream"):]
		switch {
		case bytes.HasPrefix(data, []byte("\r\n")):
			data = data[2:]
		case bytes.HasPrefix(data, []byte("\n")):
			data = data[1:]
		}
		lm := lengthRe.FindSubmatch(o.value)
		if lm == nil {
			return nil, fmt.Errorf("luồng %d thiếu /Length", nr)
		}
		n, _ := strconv.Atoi(string(lm[1]))
		if lm[2] != nil { // indirect length
			lo, err := r.read(n)
			if err != nil {
				return nil, err
			}
			n, _ = strconv.Atoi(string(lo.value))
		}
		if n < 0 || n > len(data) {
			return nil, fmt.Errorf("luồng %d: /Length %d vượt quá tệp", nr, n)
		}
		o.stream = data[:n]
	}
	return o, nil
}

// refSpans finds every indirect reference "nr gen R" in a value, as
// indirectRe would, scanning back from each R: the regular expression
// spent most of its time on the long number arrays of font widths.
func refSpans(b []byte) []span {
	var out []span
	for i := 0; i < len(b); i++ {
		if b[i] != 'R' {
			continue
		}
		gen, _, ok := numberBefore(b, i)
		if !ok {
			continue
		}
		start, end, ok := numberBefore(b, gen)
		if !ok {
			continue
		}
		nr, _ := strconv.Atoi(string(b[start:end])) // too large: no such object
		out = append(out, span{start, i + 1, nr})
	}
	return out
}

// numberBefore finds the digits that end, after at least one space,
// right before b[i]: they are b[start:end].
func numberBefore(b []byte, i int) (start, end int, ok bool) {
	end = i
	for end > 0 && isPDFSpace(b[end-1]) {
		end--
	}
	start = end
	for start > 0 && isDigit(b[start-1]) {
		start--
	}
	return start, end, end < i && start < end
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isPDFSpace is the \s of regexp: what can separate the parts of a
// reference.
func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// renumbered returns the value with every reference to an object that
// renum knows replaced by "new 0 R"; the others are kept as they are.
func (o *rawObject) renumbered(renum func(nr int) (int, bool)) []byte {
	out := make([]byte, 0, len(o.value)+8)
	at := 0
	for _, sp := range o.spans {
		if nn, ok := renum(sp.nr); ok {
			out = append(out, o.value[at:sp.start]...)
			out = strconv.AppendInt(out, int64(nn), 10)
			out = append(out, " 0 R"...)
			at = sp.end
		}
	}
	return append(out, o.value[at:]...)
}

// valueEnd returns where an object's value ends: before "stream" or
// "endobj" at the top level, outside strings and dictionaries.
func valueEnd(b []byte) int {
	depth := 0
	for i := 0; i < len(b); i++ {
		switch c := b[i]; {
		case c == '(':
			i = skipString(b, i)
			if i < 0 {
				return -1
			}
		case c == '<' && i+1 < len(b) && b[i+1] == '<':
			depth++
			i++
		case c == '>' && i+1 < len(b) && b[i+1] == '>':
			depth--
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case depth == 0 && (bytes.HasPrefix(b[i:], []byte("stream")) || bytes.HasPrefix(b[i:], []byte("endobj"))):
			return i
		}
	}
	return -1
}

// skipString returns the index of the ")" closing the literal string that
// opens at i, or -1.
func skipString(b []byte, i int) int {
	depth := 0
	for ; i < len(b); i++ {
		switch b[i] {
		case '\\':
			i++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// pictureKey identifies an image XObject of r by its content (see
// contentKey); ok is false for any other object.
func pictureKey(r *reader, nr int) (key [sha256.Size]byte, ok bool) {
	o, err := r.object(nr)
	if err != nil || o.stream == nil || !bytes.Contains(o.value, []byte("/Subtype /Image")) {
		return key, false
	}
	return contentKey(r, nr, 0)
}

// contentKey identifies an object by its content: its value, with each
// object it refers to (a picture's soft mask, its palette) given by that
// object's own key, and its stream. ok is false past a few levels of
// references.
func contentKey(r *reader, nr, depth int) (key [sha256.Size]byte, ok bool) {
	o, err := r.object(nr)
	if err != nil || depth > 2 {
		return key, false
	}
	h := sha256.New()
	at := 0
	for _, sp := range o.spans {
		sub, ok := contentKey(r, sp.nr, depth+1)
		if !ok {
			return key, false
		}
		h.Write(o.value[at:sp.start])
		h.Write(sub[:])
		at = sp.end
	}
	h.Write(o.value[at:])
	if o.stream != nil {
		h.Write([]byte("\nstream\n"))
		h.Write(o.stream)
	}
	copy(key[:], h.Sum(nil))
	return key, true
}

// withInherited adds to a page dictionary the attributes its page tree
// gave it (inherit, as newReader collects them) that it does not set.
func withInherited(page, inherit []byte) ([]byte, error) {
	end := bytes.LastIndex(page, []byte(">>"))
	if end < 0 {
		return nil, errors.New("trang không phải một từ điển")
	}
	has := map[string]bool{}
	for _, key := range inheritKeyRe.FindAll(page, -1) {
		has[string(key)] = true
	}
	var add []byte
	for _, attr := range inheritRe.FindAll(inherit, -1) {
		if !has[string(inheritKeyRe.Find(attr))] {
			add = append(append(add, ' '), attr...)
		}
	}
	out := append(append(append([]byte(nil), page[:end]...), add...), page[end:]...)
	return out, nil
}

// infoDict writes a document information dictionary.
func infoDict(in Info) []byte {
	var b bytes.Buffer
	b.WriteString("<<")
	for _, kv := range [][2]string{{"Title", in.Title}, {"Author", in.Author}, {"Subject", in.Subject},
		{"Creator", in.Creator}, {"Producer", in.Producer}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " /%s %s", kv[0], utf16Hex(cleanTitle(kv[1])))
		}
	}
	if !in.Date.IsZero() {
		d := in.Date.UTC().Format("20060102150405") + "+00'00'"
		fmt.Fprintf(&b, " /CreationDate (D:%s) /ModDate (D:%s)", d, d)
	}
	b.WriteString(" >>")
	return b.Bytes()
}
