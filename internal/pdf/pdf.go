// Package pdf is the PDF stage, behind one door: filled DOCX documents in;
// each document's PDF, the merged and bookmarked dossier PDF, and what
// could not be carried over (as warnings) out. The PDF is a rendering of
// the filled DOCX, never a second layout: a template edit changes both.
// Stream takes the documents one window of pages at a time, hands each
// document's PDF on as soon as its window is drawn and appends the
// window's pages to the merged PDF, so that a dossier of any size holds
// about one window in memory; Render keeps everything in memory.
//
// Its parts live under internal/ so that nothing else reaches them:
// docxread reads a DOCX into docmodel, layout breaks lines and pages the
// way LibreOffice does, draw draws the pages with maroto (the only package
// that touches maroto and gofpdf), and book cuts the drawn PDFs into one
// file per document and joins them into the dossier with its outline.
package pdf

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/parallel"
	"github.com/hoso-vn/hoso/internal/pdf/internal/book"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docxread"
	"github.com/hoso-vn/hoso/internal/pdf/internal/draw"
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
)

// Producer names the software that writes the PDFs.
const Producer = draw.Producer

// Document is one filled DOCX of a dossier.
type Document struct {
	Name  string // its file name, for messages: "01-to-trinh.docx"
	Title string // the title of its PDF
	// Group is the outline entry of the run of consecutive documents it
	// belongs to ("Báo cáo thành tích"); Label, when not empty, is its own
	// entry under Group (the nominee's name).
	Group, Label string
	DOCX         []byte
	// Parts, when not nil, are the DOCX's parts as the filler holds them
	// (docxtpl.Filled: the body's tree, the template's other parts parsed
	// once): they are read instead of opening DOCX again.
	Parts *ooxml.Parts
}

// Meta is the document information every PDF carries.
type Meta struct {
	Title   string // the merged PDF's title
	Author  string
	Subject string
}

// Output is one document's PDF.
type Output struct {
	PDF      []byte
	Pages    int
	Warnings []string // what the PDF does not show as the DOCX does
}

// Result is what Render makes: one Output per Document, in order, and the
// merged dossier.
type Result struct {
	Documents []Output
	Merged    []byte
}

// Warm parses the fonts once per process, so that the first real document
// does not wait for it; call it on a goroutine at start-up.
func Warm() { draw.Warm() }

// Render renders docs as Stream does, keeping every PDF in memory.
func Render(docs []Document, meta Meta) (*Result, error) {
	res := &Result{Documents: make([]Output, len(docs))}
	var merged bytes.Buffer
	err := Stream(context.Background(), len(docs), func(i int) (Document, error) { return docs[i], nil },
		func(i int, out Output) error { res.Documents[i] = out; return nil }, &merged, meta)
	if err != nil {
		return nil, err
	}
	res.Merged = merged.Bytes()
	return res, nil
}

// drawAll draws the pages in groups of whole documents, each group cut
// further where the page size changes (maroto draws one size per PDF).
func drawAll(all []*layout.Page, firstPage, pageCounts []int, meta Meta) ([][]byte, error) {
	var units []pageRange
	for _, g := range drawGroups(pageCounts) {
		end := len(all)
		if g.end < len(pageCounts) {
			end = firstPage[g.end]
		}
		units = append(units, sameSize(all, firstPage[g.first], end)...)
	}
	dm := draw.Meta{Title: meta.Title, Author: meta.Author, Subject: meta.Subject, Creator: "hoso"}
	drawn := make([][]byte, len(units))
	err := parallel.Do(len(units), func(u int) (err error) {
		drawn[u], err = draw.Draw(all[units[u].first:units[u].end], dm)
		return err
	})
	return drawn, err
}

// pageRange is pages [first, end) of a dossier's pages.
type pageRange struct{ first, end int }

// sameSize cuts pages [first, end) into runs of one page size: maroto
// draws a PDF in one size.
func sameSize(pages []*layout.Page, first, end int) []pageRange {
	var out []pageRange
	for i := first + 1; i <= end; i++ {
		if i == end || pages[i].W != pages[first].W || pages[i].H != pages[first].H {
			out = append(out, pageRange{first, i})
			first = i
		}
	}
	return out
}

// Drawing groups: a dossier of p pages is drawn in min(p/minGroupPages,
// maxGroups) groups (at least one) of whole documents with about as many
// pages each. The grouping depends on the documents only, not on the
// machine, so that the same input gives the same bytes everywhere.
const (
	minGroupPages = 8
	maxGroups     = 4
)

// docRange is documents [first, end) of a dossier.
type docRange struct{ first, end int }

// drawGroups cuts documents with the given page counts into drawing groups:
// a group is closed before the document that would take it further past
// its share of the pages than stopping short does.
func drawGroups(pages []int) []docRange {
	total := 0
	for _, p := range pages {
		total += p
	}
	n := min(max(total/minGroupPages, 1), maxGroups, len(pages))
	var groups []docRange
	first, sum := 0, 0
	for i, p := range pages {
		boundary := total * (len(groups) + 1) // the group's end, in pages × n
		if i > first && len(groups) < n-1 && (sum+p)*n > boundary && abs(sum*n-boundary) <= abs((sum+p)*n-boundary) {
			groups = append(groups, docRange{first, i})
			first = i
		}
		sum += p
	}
	return append(groups, docRange{first, len(pages)})
}

func abs(x int) int { return max(x, -x) }

// outline is the merged PDF's outline: one entry per run of documents of
// one group, with a child per labelled document.
func outline(docs []docEntry) []book.Bookmark {
	var marks []book.Bookmark
	page := 1
	for i, doc := range docs {
		if i == 0 || docs[i-1].Group != doc.Group {
			marks = append(marks, book.Bookmark{Title: doc.Group, Page: page})
		}
		if doc.Label != "" {
			m := &marks[len(marks)-1]
			m.Kids = append(m.Kids, book.Bookmark{Title: doc.Label, Page: page})
		}
		page += doc.pages
	}
	return marks
}

// Check lays out one filled DOCX without drawing it and returns its page
// count and what its PDF would not show as the DOCX does: for checks of
// templates and for tests.
func Check(docx []byte) (pages int, warnings []string, err error) {
	l, err := lay(Document{DOCX: docx})
	if err != nil {
		return 0, nil, err
	}
	return len(l.pages), l.warnings, nil
}

// laidDoc is one DOCX laid out into pages, with what the reader could not
// carry over.
type laidDoc struct {
	pages    []*layout.Page
	warnings []string
}

// lay reads a DOCX hoso filled, from the parts its filler handed over or
// else from its bytes, and lays it out. Characters the embedded font
// cannot draw are named in a warning: the PDF shows them as empty boxes.
func lay(d Document) (*laidDoc, error) {
	parts := d.Parts
	if parts == nil {
		var err error
		if parts, err = ooxml.OpenOwn(d.DOCX); err != nil {
			return nil, err
		}
	}
	doc, warnings, err := docxread.Read(parts)
	if err != nil {
		return nil, err
	}
	pages, err := layout.Layout(doc)
	if err != nil {
		return nil, err
	}
	warnings = append(warnings, layout.Warnings(pages)...)
	if missing := layout.MissingGlyphs(pages); len(missing) > 0 {
		warnings = append(warnings, missingWarning(missing))
	}
	return &laidDoc{pages: pages, warnings: warnings}, nil
}

// maxListed bounds how many missing characters a warning names.
const maxListed = 10

func missingWarning(missing []rune) string {
	var names []string
	for i, r := range missing {
		if i == maxListed {
			names = append(names, fmt.Sprintf("và %d chữ khác", len(missing)-maxListed))
			break
		}
		names = append(names, fmt.Sprintf("«%c» (U+%04X)", r, r))
	}
	return "phông chữ Times New Roman (Liberation Serif) không có " + strings.Join(names, ", ") +
		": trong PDF các chữ này hiện thành ô trống, DOCX vẫn giữ đúng chữ; nên viết lại bằng chữ Việt hoặc chữ Latinh"
}
