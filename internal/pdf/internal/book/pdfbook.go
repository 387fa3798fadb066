// Package book puts drawn PDFs together and takes them apart: a Book reads
// the page trees of the drawn files once, and Extract writes any run of
// its pages as a new file (objects copied byte for byte and renumbered,
// nothing decompressed or drawn again), with an outline when asked; a
// Merger appends the pages of Book after Book to one file as they come,
// each font and picture written once. The result is byte-for-byte
// reproducible (pdfcpu's own writer numbers objects in map order, so the
// same input would give different files).
package book

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"golang.org/x/text/unicode/norm"
)

// Bookmark is an outline entry pointing at a 1-based page.
type Bookmark struct {
	Title string
	Page  int
	Kids  []Bookmark
}

var (
	trailerRe   = regexp.MustCompile(`(?s)trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$`)
	refRe       = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + `\s+(\d+)\s+(\d+)\s+R`) }
	rootRe      = refRe("Root")
	infoRe      = refRe("Info")
	pagesRe     = refRe("Pages")
	sizeRe      = regexp.MustCompile(`/Size\s+(\d+)`)
	kidsRe      = regexp.MustCompile(`(?s)/Kids\s*\[(.*?)\]`)
	indirectRe  = regexp.MustCompile(`(\d+)\s+(\d+)\s+R`)
	typePagesRe = regexp.MustCompile(`/Type\s*/Pages\b`)
)

// doc is what a Book needs of a PDF: its trailer, its catalog,
// its page tree root and its pages in order, and a reader of its objects.
type doc struct {
	*reader
	root, info []string // "/Root n g R" and "/Info n g R" submatches (info may be nil)
	prevXref   string   // offset of the last xref section
	size       int      // the trailer's /Size
	catalog    string
	tree       string   // the page tree root's dictionary
	pages      []string // page references "n g R"
}

func openDoc(pdf []byte) (*doc, error) {
	m := trailerRe.FindSubmatch(pdf)
	if m == nil {
		return nil, errors.New("không tìm thấy trailer (tệp không phải PDF có bảng xref thường)")
	}
	trailer := string(m[1])
	d := &doc{prevXref: string(m[2]), root: rootRe.FindStringSubmatch(trailer), info: infoRe.FindStringSubmatch(trailer)}
	size := match(sizeRe, trailer)
	if size == "" || d.root == nil {
		return nil, errors.New("trailer thiếu /Size hoặc /Root")
	}
	d.size, _ = strconv.Atoi(size)
	start, _ := strconv.Atoi(d.prevXref)
	offsets, err := xrefTable(pdf, start)
	if err != nil {
		return nil, err
	}
	d.reader = &reader{pdf: pdf, offsets: offsets}
	if d.catalog, err = d.text(d.root[1]); err != nil {
		return nil, err
	}
	pr := pagesRe.FindStringSubmatch(d.catalog)
	if pr == nil {
		return nil, errors.New("catalog thiếu /Pages")
	}
	if d.tree, err = d.text(pr[1]); err != nil {
		return nil, err
	}
	if d.pages, err = d.pageRefs(pr[1], pr[2], d.tree, 0); err != nil {
		return nil, err
	}
	return d, nil
}

func match(re *regexp.Regexp, s string) string {
	if m := re.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return ""
}

// xrefTable maps object numbers to byte offsets, read from the classic
// cross-reference sections starting at startxref and following /Prev (the
// newest entry of an object wins).
func xrefTable(pdf []byte, start int) (map[int]int, error) {
	offsets := map[int]int{}
	seen := map[int]bool{}
	for start > 0 && start < len(pdf) && !seen[start] {
		seen[start] = true
		rest := pdf[start:]
		if !bytes.HasPrefix(rest, []byte("xref")) {
			return nil, errors.New("startxref không trỏ tới bảng xref thường (tệp dùng xref stream?)")
		}
		lines := strings.Split(string(rest[:min(len(rest), 1<<22)]), "\n")
		i := 1
		for i < len(lines) {
			head := strings.Fields(lines[i])
			if len(head) == 0 {
				i++
				continue
			}
			if head[0] == "trailer" {
				break
			}
			if len(head) != 2 {
				return nil, fmt.Errorf("dòng xref hỏng: %q", lines[i])
			}
			first, err1 := strconv.Atoi(head[0])
			n, err2 := strconv.Atoi(head[1])
			if err1 != nil || err2 != nil || i+n >= len(lines) {
				return nil, fmt.Errorf("dòng xref hỏng: %q", lines[i])
			}
			for k := 0; k < n; k++ {
				e := strings.Fields(lines[i+1+k])
				if len(e) == 3 && e[2] == "n" {
					if _, ok := offsets[first+k]; !ok {
						off, _ := strconv.Atoi(e[0])
						offsets[first+k] = off
					}
				}
			}
			i += n + 1
		}
		tr := trailerAt(rest)
		prev := prevRe.FindStringSubmatch(tr)
		if prev == nil {
			break
		}
		start, _ = strconv.Atoi(prev[1])
	}
	return offsets, nil
}

var prevRe = regexp.MustCompile(`/Prev\s+(\d+)`)

// trailerAt returns the trailer dictionary following an xref section.
func trailerAt(b []byte) string {
	i := bytes.Index(b, []byte("trailer"))
	if i < 0 {
		return ""
	}
	j := bytes.Index(b[i:], []byte("startxref"))
	if j < 0 {
		return string(b[i:])
	}
	return string(b[i : i+j])
}

// text returns the value of object nr (a decimal number) as text.
func (r *reader) text(nr string) (string, error) {
	n, _ := strconv.Atoi(nr)
	o, err := r.read(n)
	if err != nil {
		return "", err
	}
	return string(o.value), nil
}

// pageRefs lists the page objects under the page tree node nr gen, whose
// dictionary is node, in order.
func (r *reader) pageRefs(nr, gen, node string, depth int) ([]string, error) {
	if depth > 32 {
		return nil, errors.New("cây trang lồng quá sâu")
	}
	if !typePagesRe.MatchString(node) {
		return []string{nr + " " + gen + " R"}, nil
	}
	kids := kidsRe.FindStringSubmatch(node)
	if kids == nil {
		return nil, fmt.Errorf("nút trang %s thiếu /Kids", nr)
	}
	var out []string
	for _, k := range indirectRe.FindAllStringSubmatch(kids[1], -1) {
		kid, err := r.text(k[1])
		if err != nil {
			return nil, err
		}
		sub, err := r.pageRefs(k[1], k[2], kid, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, sub...)
	}
	return out, nil
}

// writer numbers and writes the outline's objects.
type writer struct {
	next  int
	pages []string
	objs  map[int]string
}

func (w *writer) alloc() int {
	if w.objs == nil {
		w.objs = map[int]string{}
	}
	w.next++
	return w.next - 1
}

// items writes the outline items for marks under parent and returns the
// first and last item and the number of visible descendants (all open).
func (w *writer) items(marks []Bookmark, parent int) (first, last, count int, err error) {
	nrs := make([]int, len(marks))
	for i := range marks {
		nrs[i] = w.alloc()
	}
	for i, b := range marks {
		title := cleanTitle(b.Title)
		if title == "" {
			return 0, 0, 0, errors.New("mục lục có mục không tên")
		}
		if b.Page < 1 || b.Page > len(w.pages) {
			return 0, 0, 0, fmt.Errorf("mục %q trỏ tới trang %d, tệp có %d trang", title, b.Page, len(w.pages))
		}
		d := fmt.Sprintf("<< /Title %s /Parent %d 0 R /Dest [%s /Fit]", utf16Hex(title), parent, w.pages[b.Page-1])
		if i > 0 {
			d += fmt.Sprintf(" /Prev %d 0 R", nrs[i-1])
		}
		if i+1 < len(marks) {
			d += fmt.Sprintf(" /Next %d 0 R", nrs[i+1])
		}
		count++
		if len(b.Kids) > 0 {
			kf, kl, kc, err := w.items(b.Kids, nrs[i])
			if err != nil {
				return 0, 0, 0, err
			}
			d += fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d", kf, kl, kc)
			count += kc
		}
		w.objs[nrs[i]] = d + " >>"
	}
	return nrs[0], nrs[len(nrs)-1], count, nil
}

// utf16Hex writes a text string as UTF-16BE with a byte order mark.
func utf16Hex(s string) string {
	var sb strings.Builder
	sb.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&sb, "%04X", u)
	}
	sb.WriteString(">")
	return sb.String()
}

// cleanTitle normalises a title to NFC, turns control characters into
// spaces and trims it.
func cleanTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}
