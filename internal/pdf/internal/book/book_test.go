package book

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// pdftotextPage reads page p of pdf back with poppler's pdftotext.
func pdftotextPage(t *testing.T, pdf []byte, p int) string {
	t.Helper()
	return testtool.PDFText(t, pdf, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p))
}

func TestExtractGivesValidDocuments(t *testing.T) {
	book, err := New(makePDF(t, 7))
	if err != nil {
		t.Fatal(err)
	}
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	info := Info{Title: "Tờ trình", Author: "Ủy ban nhân dân phường Tân Sơn Hòa", Date: date}
	cases := []struct{ first, last int }{{1, 2}, {3, 3}, {4, 7}}
	var parts [][]byte
	for _, c := range cases {
		part, err := book.Extract(c.first, c.last, info, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := pdftest.Validate(part); err != nil {
			t.Errorf("pages %d-%d: strict validation: %v", c.first, c.last, err)
		}
		if n, err := pdftest.PageCount(part); n != c.last-c.first+1 || err != nil {
			t.Errorf("pages %d-%d: %d pages (%v)", c.first, c.last, n, err)
		}
		if got := pdftotextPage(t, part, 1); !strings.Contains(got, fmt.Sprintf("PAGE%02d", c.first)) {
			t.Errorf("pages %d-%d start with %q", c.first, c.last, strings.TrimSpace(got))
		}
		parts = append(parts, part)
	}
	pi, err := pdftest.Info(parts[0])
	if err != nil {
		t.Fatal(err)
	}
	if pi.Title != info.Title || pi.Author != info.Author {
		t.Errorf("info: title %q author %q", pi.Title, pi.Author)
	}
	if again, _ := book.Extract(1, 2, info, nil); !bytes.Equal(again, parts[0]) {
		t.Errorf("Extract is not deterministic")
	}
	testtool.QPDFCheck(t, parts[2])
}

func TestExtractErrors(t *testing.T) {
	book, err := New(makePDF(t, 2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := book.Extract(2, 3, Info{}, nil); err == nil || !strings.Contains(err.Error(), "tệp có 2 trang") {
		t.Errorf("range past the end: %v", err)
	}
	if _, err := New(makePDF(t, 1), []byte("%PDF-1.3\nnot really")); err == nil || !strings.Contains(err.Error(), "tệp PDF thứ 2") {
		t.Errorf("garbage accepted: %v", err)
	}
}

// TestBookSpansFiles reads two files as one: the pages keep their order
// across the files, a range may span them, and the whole takes an outline.
func TestBookSpansFiles(t *testing.T) {
	book, err := New(makePages(t, 1, 2, 0), makePages(t, 3, 3, 0))
	if err != nil {
		t.Fatal(err)
	}
	if book.Pages() != 5 {
		t.Fatalf("%d pages, want 5", book.Pages())
	}
	info := Info{Title: "Hồ sơ đề nghị khen thưởng", Producer: "hoso"}
	whole, err := book.Extract(1, 5, info, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := pdftest.Validate(whole); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	for p := 1; p <= 5; p++ {
		if got := pdftotextPage(t, whole, p); !strings.Contains(got, fmt.Sprintf("PAGE%02d", p)) {
			t.Errorf("page %d reads %q", p, strings.TrimSpace(got))
		}
	}
	across, err := book.Extract(2, 4, info, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := pdftest.PageCount(across); n != 3 {
		t.Errorf("pages 2-4 across the files: %d pages", n)
	}
	if got := pdftotextPage(t, across, 2); !strings.Contains(got, "PAGE03") {
		t.Errorf("page 2 of pages 2-4 reads %q, want PAGE03", got)
	}
	marked, err := book.Extract(1, 5, Info{}, []Bookmark{{Title: "Một", Page: 1}, {Title: "Hai", Page: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if err := pdftest.Validate(marked); err != nil {
		t.Errorf("outlined: %v", err)
	}
	testtool.QPDFCheck(t, marked)
}

// TestBookMixesPageSizes: files whose page trees give different page sizes
// are put together with each page carrying its own size.
func TestBookMixesPageSizes(t *testing.T) {
	book, err := New(makePages(t, 1, 1, 0), makePages(t, 2, 1, 297), makePages(t, 3, 1, 0))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := book.Extract(1, 3, Info{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := pdftest.Validate(whole); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	testtool.QPDFCheck(t, whole)
	out := testtool.PDFInfo(t, whole, "-f", "1", "-l", "3")
	var sizes []string
	for _, line := range strings.Split(string(out), "\n") {
		if strings.HasPrefix(line, "Page ") && strings.Contains(line, "size:") {
			sizes = append(sizes, strings.Join(strings.Fields(line)[3:6], " "))
		}
	}
	if want := "595.28 x 841.89|841.89 x 841.89|595.28 x 841.89"; strings.Join(sizes, "|") != want {
		t.Errorf("page sizes %q, want %q", strings.Join(sizes, "|"), want)
	}
}

// TestBookFromGoroutines extracts from one book on several goroutines
// (run with -race): the readers share their object caches.
func TestBookFromGoroutines(t *testing.T) {
	book, err := New(makePDF(t, 6))
	if err != nil {
		t.Fatal(err)
	}
	out := make([][]byte, 6)
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], _ = book.Extract(i+1, i+1, Info{}, nil)
		}()
	}
	wg.Wait()
	for i, part := range out {
		if n, err := pdftest.PageCount(part); n != 1 || err != nil {
			t.Errorf("page %d: %d pages (%v)", i+1, n, err)
		}
	}
}

// FuzzRefSpans checks the reference scanner against the regular
// expression it replaces.
func FuzzRefSpans(f *testing.F) {
	for _, s := range []string{
		"<< /Type /Page /Parent 2 0 R /Resources 4 0 R /Contents 8 0 R >>",
		"[ 5 0 R 7 0 R\n9\r\n0\tR ]",
		"/W [ 32 [ 250 333 555 ] 7929 7929 500 ]",
		"1 2 3 R", "x11 2 R", "1 0 R 0 R", "12 0 R0 0 R", "R", "0 R", " 0 0 R",
		"/Kids[3 0 R]/Count 1", "(1 0 R) 2 0 R", "99999999999999999999999 0 R",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want []span
		for _, m := range indirectRe.FindAllSubmatchIndex(b, -1) {
			n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
			want = append(want, span{m[0], m[1], n})
		}
		got := refSpans(b)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q: refSpans %v, regexp %v", b, got, want)
		}
	})
}

// TestPictureInSeveralFilesIsWrittenOnce: a seal (a PNG with
// transparency: an image and its soft mask) drawn in two PDFs of a book
// is written once in a file cut across both.
func TestPictureInSeveralFilesIsWrittenOnce(t *testing.T) {
	seal := sealPNG(t)
	book, err := New(pagesWithPicture(t, seal), pagesWithPicture(t, seal))
	if err != nil {
		t.Fatal(err)
	}
	both, err := book.Extract(1, 2, Info{Title: "Hồ sơ"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(both), "/Subtype /Image"); n != 2 {
		t.Errorf("%d image objects, want 2 (the seal and its mask, once)", n)
	}
	if err := pdftest.Validate(both); err != nil {
		t.Error(err)
	}
	testtool.QPDFCheck(t, both)
	one, err := book.Extract(2, 2, Info{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(one), "/Subtype /Image"); n != 2 {
		t.Errorf("second file alone: %d image objects, want 2", n)
	}
}
