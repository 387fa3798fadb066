// Package render is the PDF stage's facade: it turns a filled DOCX into a
// PDF by reading it into the document model, laying it out and drawing it.
// The PDF is a rendering of the DOCX, never a second layout: a template
// edit changes both.
package render

import (
	"github.com/hoso-vn/hoso/internal/docxread"
	"github.com/hoso-vn/hoso/internal/layout"
	"github.com/hoso-vn/hoso/internal/pdfdraw"
)

// Result is a rendered PDF with what the reader could not carry over.
type Result struct {
	PDF      []byte
	Pages    int
	Warnings []string
	Layout   []*layout.Page // the laid-out pages, to draw again into the merged dossier
}

// DocxToPDF renders docx; meta fills the PDF's document information (the
// title defaults to the DOCX's own).
func DocxToPDF(docx []byte, meta pdfdraw.Meta) (*Result, error) {
	doc, warnings, err := docxread.Read(docx)
	if err != nil {
		return nil, err
	}
	pages, err := layout.Layout(doc)
	if err != nil {
		return nil, err
	}
	if meta.Title == "" {
		meta.Title = doc.Title
	}
	pdf, err := pdfdraw.Draw(pages, meta)
	if err != nil {
		return nil, err
	}
	return &Result{PDF: pdf, Pages: len(pages), Warnings: warnings, Layout: pages}, nil
}
