package dossier

import (
	"bytes"
	"context"
	"io"

	"github.com/hoso-vn/hoso/internal/pdf"
)

// RenderPDF fills the documents not filled yet and hands every DOCX to the
// PDF stage, keeping what it gives back in memory: each document's PDF,
// its page count and warnings, and the merged ho-so.pdf with one bookmark
// per part and per nominee. (Write does the same a window at a time,
// straight into the dossier folder.)
func (d *Dossier) RenderPDF() error {
	var merged bytes.Buffer
	err := d.render(context.Background(),
		func(i int, docx []byte) error { d.Documents[i].Bytes = docx; return nil },
		func(i int, pdf []byte) error { d.Documents[i].PDFBytes = pdf; return nil }, &merged)
	if err != nil {
		return err
	}
	d.Merged = merged.Bytes()
	return nil
}

// render produces the dossier's files through the PDF stage, a window of
// documents at a time: each document not filled yet is filled, its DOCX
// given to docx and its filled tree handed on to the PDF stage (not
// parsed again); each document's PDF goes to pdfOut once its window is
// drawn, its page count and warnings noted; the merged PDF is written to
// merged. A document filled already (Build) goes to docx as it is, and its
// bytes to the PDF stage. docx and pdfOut are called from several
// goroutines.
func (d *Dossier) render(ctx context.Context, docx, pdfOut func(i int, b []byte) error, merged io.Writer) error {
	src := func(i int) (pdf.Document, error) {
		doc := d.Documents[i]
		in := pdf.Document{Name: doc.DOCX, Title: doc.Title, Group: doc.Group, Label: doc.Subject, DOCX: doc.Bytes}
		if doc.Bytes == nil {
			f, err := d.fill(i)
			if err != nil {
				return in, err
			}
			in.DOCX, in.Parts = f.DOCX, f.Parts
		}
		return in, docx(i, in.DOCX)
	}
	sink := func(i int, out pdf.Output) error {
		doc := d.Documents[i]
		doc.Pages = out.Pages
		doc.Warnings = doc.Warnings[:doc.own:doc.own]
		for _, w := range out.Warnings {
			doc.Warnings = append(doc.Warnings, "PDF: "+w)
		}
		return pdfOut(i, out.PDF)
	}
	meta := pdf.Meta{Title: "Hồ sơ đề nghị khen thưởng", Author: d.Agency, Subject: d.Subject}
	return pdf.Stream(ctx, len(d.Documents), src, sink, merged, meta)
}

// Warm prepares the PDF stage (parses the fonts) once per process, so that
// the first dossier does not wait for it; a command calls it on a
// goroutine at start-up, while the submissions are read and filled.
func Warm() { pdf.Warm() }
