package dossier

import (
	"strings"

	"github.com/hoso-vn/hoso/internal/pdf"
)

// RenderPDF hands every filled DOCX to the PDF stage and keeps what it
// gives back: each document's PDF, its page count and warnings, and the
// merged ho-so.pdf with one bookmark per part and per nominee.
func (d *Dossier) RenderPDF() error {
	docs := make([]pdf.Document, len(d.Documents))
	for i, doc := range d.Documents {
		docs[i] = pdf.Document{Name: doc.DOCX, Title: doc.Title, Group: doc.Group, Label: doc.Subject, DOCX: doc.Bytes}
	}
	res, err := pdf.Render(docs, pdf.Meta{Title: "Hồ sơ đề nghị khen thưởng", Author: d.Agency, Subject: d.Subject})
	if err != nil {
		return err
	}
	for i, doc := range d.Documents {
		out := res.Documents[i]
		doc.PDF = strings.TrimSuffix(doc.DOCX, ".docx") + ".pdf"
		doc.PDFBytes, doc.Pages = out.PDF, out.Pages
		for _, w := range out.Warnings {
			doc.Warnings = append(doc.Warnings, "PDF: "+w)
		}
	}
	d.Merged = res.Merged
	return nil
}

// Warm prepares the PDF stage (parses the fonts) once per process, so that
// the first dossier does not wait for it; a command calls it on a
// goroutine at start-up, while the submissions are read and filled.
func Warm() { pdf.Warm() }
