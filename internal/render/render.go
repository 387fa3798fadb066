// Package render is the PDF stage's facade over reading and layout: it
// turns a filled DOCX into laid-out pages by reading it into the document
// model and laying that out. The pages are a rendering of the DOCX, never a
// second layout: a template edit changes both. Drawing them is pdfdraw's
// job, so that a dossier's documents can be drawn together once.
package render

import (
	"fmt"
	"strings"

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

// maxListed bounds how many missing characters a warning names.
const maxListed = 10

// Lay reads docx, a DOCX the template engine filled (see
// docxread.ReadFilled), and lays it out. Characters the embedded font
// cannot draw are named in a warning: the PDF shows them as empty boxes.
func Lay(docx []byte) (*Laid, error) {
	doc, warnings, err := docxread.ReadFilled(docx)
	if err != nil {
		return nil, err
	}
	pages, err := layout.Layout(doc)
	if err != nil {
		return nil, err
	}
	if missing := layout.MissingGlyphs(pages); len(missing) > 0 {
		warnings = append(warnings, missingWarning(missing))
	}
	return &Laid{Pages: pages, Warnings: warnings, Title: doc.Title}, nil
}

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
