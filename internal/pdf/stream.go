package pdf

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/epoch"
	"github.com/hoso-vn/hoso/internal/parallel"
	"github.com/hoso-vn/hoso/internal/pdf/internal/book"
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
)

// Source gives document i of a dossier, filled. Stream calls it once per
// document, from several goroutines, as the windows need them.
type Source func(i int) (Document, error)

// Sink takes document i's PDF once the window holding the document is
// drawn. Stream calls it once per document, from several goroutines, and
// keeps nothing of the Output after.
type Sink func(i int, out Output) error

// windowPages is the size of a window, in pages: documents are laid out
// until the pages not drawn yet reach it, then the shortest run of them
// that reaches it (all of them at the end) is drawn as Render used to draw
// a whole dossier. A dossier of up to windowPages pages (the samples, a
// 50-nominee submission) is one window, drawn as before; a larger one
// holds about one window of pages in memory at a time, whatever its size.
// The cut depends on the documents' page counts only, not on the machine:
// the same input gives the same bytes everywhere.
const windowPages = 256

// Stream renders n documents, given by src, a window of documents at a
// time: it lays them out, draws the window's pages in a few groups at
// once, cuts each document's PDF out of the drawn ones for sink, appends
// the pages to the merged PDF written to merged, and forgets the window.
// The merged PDF has one bookmark per group of documents and per label;
// its fonts are written once, at the end, with every character of every
// window (drawFonts). Stream stops, with ctx's error, between windows once ctx ends.
func Stream(ctx context.Context, n int, src Source, sink Sink, merged io.Writer, meta Meta) error {
	when, ok := epoch.Time()
	if !ok {
		when = time.Now()
	}
	s := &stream{ctx: ctx, n: n, src: src, sink: sink, meta: meta, when: when,
		docs: make([]docEntry, n), merge: book.NewMerger(merged)}
	for s.next < n || len(s.pending) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := s.layAhead(); err != nil {
			return err
		}
		if err := s.drawWindow(s.cut()); err != nil {
			return err
		}
	}
	return s.close()
}

// stream is Stream at work: documents [0, drawn) are drawn and handed
// over, pending are laid out, [next, n) not yet given by src.
type stream struct {
	ctx          context.Context
	n            int
	src          Source
	sink         Sink
	meta         Meta
	when         time.Time
	docs         []docEntry // what the outline needs of every document
	pending      []*laidDoc
	pendingPages int
	drawn, next  int
	merge        *book.Merger
}

// docEntry is what the merged PDF's outline and the messages need of a
// document once its pages are gone.
type docEntry struct {
	Name, Title, Group, Label string
	pages                     int
}

// layAhead lays out documents, a batch at a time on every core, until a
// window's worth of pages waits or every document is laid out.
func (s *stream) layAhead() error {
	for s.next < s.n && s.pendingPages < windowPages {
		if err := s.ctx.Err(); err != nil {
			return err
		}
		first, batch := s.next, min(s.n-s.next, 4*runtime.GOMAXPROCS(0))
		laid := make([]*laidDoc, batch)
		err := parallel.Do(batch, func(k int) error {
			doc, err := s.src(first + k)
			if err != nil {
				return err
			}
			s.docs[first+k] = docEntry{Name: doc.Name, Title: doc.Title, Group: doc.Group, Label: doc.Label}
			if laid[k], err = lay(doc); err != nil {
				return fmt.Errorf("%s: không dàn trang được: %w", doc.Name, err)
			}
			s.docs[first+k].pages = len(laid[k].pages)
			return nil
		})
		if err != nil {
			return err
		}
		for _, l := range laid {
			s.pendingPages += len(l.pages)
		}
		s.pending = append(s.pending, laid...)
		s.next += batch
	}
	return nil
}

// cut takes the next window off the documents laid out: the shortest run
// with windowPages pages or more, or all of them once none is left to lay
// out.
func (s *stream) cut() []*laidDoc {
	w, sum := s.pending, 0
	for k, l := range s.pending {
		if sum += len(l.pages); sum >= windowPages {
			w = s.pending[:k+1]
			break
		}
	}
	s.pending = append([]*laidDoc(nil), s.pending[len(w):]...)
	for _, l := range w {
		s.pendingPages -= len(l.pages)
	}
	return w
}

// drawWindow draws the documents of a window (the next ones to draw),
// hands each one's PDF to the sink and appends the pages to the merged
// PDF.
func (s *stream) drawWindow(w []*laidDoc) error {
	var all []*layout.Page
	firstPage, counts := make([]int, len(w)), make([]int, len(w))
	for k, l := range w {
		firstPage[k], counts[k] = len(all), len(l.pages)
		all = append(all, l.pages...)
	}
	drawn, err := drawAll(all, firstPage, counts, s.meta)
	if err != nil {
		return err
	}
	bk, err := book.New(drawn...)
	if err != nil {
		return err
	}
	first := s.drawn
	err = parallel.Do(len(w), func(k int) error {
		doc, from := s.docs[first+k], firstPage[k]+1
		pdf, err := bk.Extract(from, from+counts[k]-1, s.info(doc.Title), nil)
		if err != nil {
			return fmt.Errorf("%s: %w", strings.TrimSuffix(doc.Name, ".docx")+".pdf", err)
		}
		return s.sink(first+k, Output{PDF: pdf, Pages: counts[k], Warnings: w[k].warnings})
	})
	if err != nil {
		return err
	}
	s.drawn += len(w)
	return s.merge.Append(bk)
}

// close ends the merged PDF: its fonts (drawn with every character the
// windows used, unless one window's subset holds them all) and its
// outline.
func (s *stream) close() error {
	return s.merge.Close(drawFonts, s.info(s.meta.Title), outline(s.docs))
}

// info is the document information of a PDF titled title.
func (s *stream) info(title string) book.Info {
	return book.Info{Title: title, Author: s.meta.Author, Subject: s.meta.Subject, Creator: "hoso", Producer: Producer, Date: s.when}
}
