package book

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// merge appends the books in turn and closes with fonts.
func merge(t *testing.T, fonts []byte, marks []Bookmark, books ...*Book) ([]byte, error) {
	t.Helper()
	var out bytes.Buffer
	m := NewMerger(&out)
	for _, b := range books {
		if err := m.Append(b); err != nil {
			return nil, err
		}
	}
	drawFonts := func(map[string][]rune) (*Book, error) { return New(fonts) }
	if err := m.Close(drawFonts, Info{Title: "Hồ sơ đề nghị khen thưởng"}, marks); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

func mustBook(t *testing.T, pdfs ...[]byte) *Book {
	t.Helper()
	b, err := New(pdfs...)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestMergerAppendsBooksWithOneFont merges three books (windows), one of
// two files: the pages keep their order, the outline points at them, and
// the font every file embeds a subset of is written once, from the fonts
// PDF, whatever the number of files.
func TestMergerAppendsBooksWithOneFont(t *testing.T) {
	books := []*Book{
		mustBook(t, makePages(t, 1, 2, 0)),
		mustBook(t, makePages(t, 3, 1, 0), makePages(t, 4, 2, 0)),
		mustBook(t, makePages(t, 6, 1, 0)),
	}
	marks := []Bookmark{{Title: "Tờ trình", Page: 1}, {Title: "Báo cáo", Page: 3, Kids: []Bookmark{{Title: "Nguyễn Văn A", Page: 6}}}}
	merged, err := merge(t, makePages(t, 1, 6, 0), marks, books...)
	if err != nil {
		t.Fatal(err)
	}
	if err := pdftest.Validate(merged); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	testtool.QPDFCheck(t, merged)
	if n, err := pdftest.PageCount(merged); n != 6 || err != nil {
		t.Fatalf("%d pages (%v), want 6", n, err)
	}
	for p := 1; p <= 6; p++ {
		if got := pdftotextPage(t, merged, p); !strings.Contains(got, fmt.Sprintf("PAGE%02d Cộng hòa xã hội chủ nghĩa Việt Nam", p)) {
			t.Errorf("page %d reads %q", p, strings.TrimSpace(got))
		}
	}
	if n := strings.Count(string(merged), "/Subtype /Type0"); n != 1 {
		t.Errorf("%d Type0 fonts, want 1 for the four files", n)
	}
	if n := strings.Count(string(merged), "/FontFile2"); n != 1 {
		t.Errorf("%d embedded font files, want 1", n)
	}
	got, err := pdftest.Bookmarks(merged)
	if err != nil {
		t.Fatal(err)
	}
	var flat []string
	for _, f := range flatten(got, 0) {
		flat = append(flat, fmt.Sprintf("%d %s p%d", f.depth, f.title, f.page))
	}
	if want := "0 Tờ trình p1|0 Báo cáo p3|1 Nguyễn Văn A p6"; strings.Join(flat, "|") != want {
		t.Errorf("outline %q, want %q", strings.Join(flat, "|"), want)
	}
	again, err := merge(t, makePages(t, 1, 6, 0), marks, books...)
	if err != nil || !bytes.Equal(again, merged) {
		t.Errorf("a second merge differs (%v)", err)
	}
}

// TestMergerRefusesFontsMissingACharacter: when no file's subset holds
// every character, the fonts PDF must; one drawn for the first page only
// lacks the digits of the others.
func TestMergerRefusesFontsMissingACharacter(t *testing.T) {
	var out bytes.Buffer
	m := NewMerger(&out)
	for _, b := range []*Book{mustBook(t, makePages(t, 1, 1, 0)), mustBook(t, makePages(t, 2, 2, 0))} {
		if err := m.Append(b); err != nil {
			t.Fatal(err)
		}
	}
	var asked string
	err := m.Close(func(chars map[string][]rune) (*Book, error) {
		asked = fmt.Sprint(len(chars), " ", strings.Contains(string(chars["utf8goregular"]), "0123"))
		return New(makePages(t, 1, 1, 0))
	}, Info{}, nil)
	if err == nil || !strings.Contains(err.Error(), "thiếu chữ U+0032") {
		t.Fatalf("fonts lacking '2': %v", err)
	}
	if asked != "1 true" {
		t.Errorf("the fonts were asked for with %s, want the one font and digits 0-3", asked)
	}
	if _, err := merge(t, makePDF(t, 0), nil); err == nil {
		t.Error("a merge of nothing succeeded")
	}
}

// TestMergerKeepsAWholeSubset: when a file's subset holds every
// character of the others' (the first book's, or the second's), it is
// the merged file's font, and no fonts PDF is drawn.
func TestMergerKeepsAWholeSubset(t *testing.T) {
	for _, books := range [][]*Book{
		{mustBook(t, makePages(t, 1, 3, 0)), mustBook(t, makePages(t, 2, 1, 0))},
		{mustBook(t, makePages(t, 2, 1, 0)), mustBook(t, makePages(t, 1, 3, 0)), mustBook(t, makePages(t, 3, 1, 0))},
	} {
		var out bytes.Buffer
		m := NewMerger(&out)
		for _, b := range books {
			if err := m.Append(b); err != nil {
				t.Fatal(err)
			}
		}
		noFonts := func(map[string][]rune) (*Book, error) {
			t.Error("fonts drawn although a subset holds every character")
			return nil, nil
		}
		if err := m.Close(noFonts, Info{}, nil); err != nil {
			t.Fatal(err)
		}
		testtool.QPDFCheck(t, out.Bytes())
		text := testtool.PDFText(t, out.Bytes())
		for _, digit := range []string{"PAGE01", "PAGE02", "PAGE03"} {
			if !strings.Contains(text, digit) {
				t.Errorf("the merged file does not read %s: %q", digit, text)
			}
		}
		if n := strings.Count(out.String(), "/FontFile2"); n != 1 {
			t.Errorf("%d embedded font files, want 1", n)
		}
	}
}

// TestMergerMixesPageSizesAndSharesPictures: a book whose page tree gives
// another size keeps it on its own pages; a picture drawn in two books is
// written once; fonts the file does not subset (maroto's core font) are
// copied as they are.
func TestMergerMixesPageSizesAndSharesPictures(t *testing.T) {
	seal := sealPNG(t)
	merged, err := merge(t, makePages(t, 1, 3, 0), nil,
		mustBook(t, makePages(t, 1, 1, 0)), mustBook(t, makePages(t, 2, 1, 297)), mustBook(t, makePages(t, 3, 1, 0)),
		mustBook(t, pagesWithPicture(t, seal)), mustBook(t, pagesWithPicture(t, seal)))
	if err != nil {
		t.Fatal(err)
	}
	if err := pdftest.Validate(merged); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	testtool.QPDFCheck(t, merged)
	var sizes []string
	for _, line := range strings.Split(testtool.PDFInfo(t, merged, "-f", "1", "-l", "5"), "\n") {
		if strings.HasPrefix(line, "Page ") && strings.Contains(line, "size:") {
			sizes = append(sizes, strings.Join(strings.Fields(line)[3:6], " "))
		}
	}
	if want := "595.28 x 841.89|841.89 x 841.89|595.28 x 841.89|595.28 x 841.89|595.28 x 841.89"; strings.Join(sizes, "|") != want {
		t.Errorf("page sizes %q, want %q", strings.Join(sizes, "|"), want)
	}
	if n := strings.Count(string(merged), "/Subtype /Image"); n != 2 {
		t.Errorf("%d image objects, want 2 (the seal and its mask, once)", n)
	}
	// The header is written with the first book: a later one of a higher
	// version raises the catalog's.
	later := bytes.Replace(makePages(t, 2, 1, 0), []byte("%PDF-1.3"), []byte("%PDF-1.6"), 1)
	merged, err = merge(t, makePages(t, 1, 2, 0), nil, mustBook(t, makePages(t, 1, 1, 0)), mustBook(t, later))
	if err != nil {
		t.Fatal(err)
	}
	testtool.QPDFCheck(t, merged)
	if !bytes.HasPrefix(merged, []byte("%PDF-1.4\n")) || !regexp.MustCompile(`PDF version:\s+1\.6\n`).MatchString(testtool.PDFInfo(t, merged)) {
		t.Errorf("a 1.6 file merged after a 1.3 one: %q…, pdfinfo:\n%s", merged[:9], testtool.PDFInfo(t, merged))
	}
}
