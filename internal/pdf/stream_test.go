package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
)

// TestWindowsAreCutByPages: a window is the shortest run of the documents
// laid out with windowPages pages or more, the last one what is left.
func TestWindowsAreCutByPages(t *testing.T) {
	doc := func(pages int) *laidDoc { return &laidDoc{pages: make([]*layout.Page, pages)} }
	s := &stream{}
	for _, p := range []int{100, 100, 100, 10, 300, 5} {
		s.pending = append(s.pending, doc(p))
		s.pendingPages += p
	}
	var got []string
	for len(s.pending) > 0 {
		var w []int
		for _, l := range s.cut() {
			w = append(w, len(l.pages))
		}
		got = append(got, fmt.Sprint(w))
	}
	if want := "[[100 100 100] [10 300] [5]]"; fmt.Sprint(got) != want {
		t.Errorf("windows %v, want %v", got, want)
	}
	if s.pendingPages != 0 {
		t.Errorf("%d pages left pending", s.pendingPages)
	}
}

// TestStreamDrawsManyWindows renders 100 three-page documents (300
// pages: two windows): every document's PDF has its pages, the merged one
// all of them with one bookmark per document, and Render gives the same
// bytes as Stream.
func TestStreamDrawsManyWindows(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	docx := benchDOCX(t)
	const n = 100
	docs := make([]Document, n)
	for i := range docs {
		docs[i] = Document{Name: fmt.Sprintf("%03d.docx", i), Title: "Tờ trình", Group: "Tờ trình", Label: fmt.Sprintf("Văn bản %d", i+1), DOCX: docx}
	}
	res, err := Render(docs, Meta{Title: "Hồ sơ"})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for i, out := range res.Documents {
		if n, err := pdftest.PageCount(out.PDF); err != nil || n != out.Pages || n != 3 {
			t.Fatalf("document %d: %d pages (%v), Output says %d", i, n, err, out.Pages)
		}
		total += out.Pages
	}
	if total <= windowPages {
		t.Fatalf("%d pages: one window", total)
	}
	if err := pdftest.Validate(res.Merged); err != nil {
		t.Error(err)
	}
	if n, _ := pdftest.PageCount(res.Merged); n != total {
		t.Errorf("merged: %d pages, want %d", n, total)
	}
	marks, err := pdftest.Bookmarks(res.Merged)
	if err != nil || len(marks) != 1 || len(marks[0].Kids) != n || marks[0].Kids[n-1].PageFrom != total-2 {
		t.Errorf("outline: %v", err)
	}
	var merged bytes.Buffer
	err = Stream(context.Background(), n, func(i int) (Document, error) { return docs[i], nil },
		func(i int, out Output) error {
			if !bytes.Equal(out.PDF, res.Documents[i].PDF) {
				return fmt.Errorf("document %d differs", i)
			}
			return nil
		}, &merged, Meta{Title: "Hồ sơ"})
	if err != nil || !bytes.Equal(merged.Bytes(), res.Merged) {
		t.Errorf("Stream and Render differ (%v)", err)
	}
}

// TestStreamStopsBetweenWindows: once ctx ends, Stream returns its error
// at the end of the window, having asked for about a window of documents
// of the 300 it was given.
func TestStreamStopsBetweenWindows(t *testing.T) {
	docx := benchDOCX(t)
	const n = 300
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var asked atomic.Int32
	err := Stream(ctx, n, func(i int) (Document, error) {
		asked.Add(1)
		return Document{Name: "x.docx", Title: "x", Group: "x", DOCX: docx}, nil
	}, func(int, Output) error { cancel(); return nil }, io.Discard, Meta{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Stream = %v, want the context's error", err)
	}
	if a := int(asked.Load()); a >= n/2 {
		t.Errorf("%d documents asked for of %d: Stream went on past the first window", a, n)
	}
}
