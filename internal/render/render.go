// Package render is the PDF stage's facade over reading and layout: it
// turns a filled DOCX into laid-out pages by reading it into the document
// model and laying that out. The pages are a rendering of the DOCX, never a
// second layout: a template edit changes both. Drawing them is pdfdraw's
// job, so that a dossier's documents can be drawn together once.
package render

import (
	"github.com/hoso-vn/hoso/internal/docxread"
	"github.com/hoso-vn/hoso/internal/layout"
)

// Laid is a DOCX laid out into pages, with what the reader could not carry
// over and the document's own title.
type Laid struct {
	Pages    []*layout.Page
	Warnings []string
	Title    string
}

// Lay reads docx and lays it out.
func Lay(docx []byte) (*Laid, error) {
	doc, warnings, err := docxread.Read(docx)
	if err != nil {
		return nil, err
	}
	pages, err := layout.Layout(doc)
	if err != nil {
		return nil, err
	}
	return &Laid{Pages: pages, Warnings: warnings, Title: doc.Title}, nil
}
