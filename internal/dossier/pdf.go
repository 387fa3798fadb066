package dossier

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/layout"
	"github.com/hoso-vn/hoso/internal/pdfbook"
	"github.com/hoso-vn/hoso/internal/pdfdraw"
	"github.com/hoso-vn/hoso/internal/render"
)

// RenderPDF renders every filled DOCX into a PDF (from the DOCX itself,
// so a template edit changes both) and draws all their pages again into
// ho-so.pdf, with a bookmark per document and per nominee. What the
// renderer could not carry over becomes a warning of the document.
func (d *Dossier) RenderPDF() error {
	var all []*layout.Page
	for _, doc := range d.Documents {
		res, err := render.DocxToPDF(doc.Bytes, pdfdraw.Meta{Title: doc.Title, Author: d.Agency, Subject: d.Subject, Creator: "hoso"})
		if err != nil {
			return fmt.Errorf("%s: không tạo được PDF: %w", doc.DOCX, err)
		}
		doc.PDF = strings.TrimSuffix(doc.DOCX, ".docx") + ".pdf"
		doc.PDFBytes, doc.Pages = res.PDF, res.Pages
		for _, w := range res.Warnings {
			doc.Warnings = append(doc.Warnings, "PDF: "+w)
		}
		all = append(all, res.Layout...)
	}
	merged, err := pdfdraw.Draw(all, pdfdraw.Meta{Title: "Hồ sơ đề nghị khen thưởng", Author: d.Agency, Subject: d.Subject, Creator: "hoso"})
	if err != nil {
		return fmt.Errorf("%s: %w", MergedName, err)
	}
	d.Merged, err = pdfbook.Outline(merged, d.bookmarks())
	return err
}

// bookmarks is the outline of ho-so.pdf: one entry per part, with a child
// per nominee or tax office where a part has several files.
func (d *Dossier) bookmarks() []pdfbook.Bookmark {
	titles := map[string]string{
		PartToTrinh:   "Tờ trình và Danh sách đề nghị khen thưởng",
		PartBienBan:   "Biên bản họp Hội đồng Thi đua - Khen thưởng",
		PartBaoCao:    "Báo cáo thành tích",
		PartXacNhanTh: "Công văn đề nghị xác nhận nghĩa vụ thuế",
	}
	var marks []pdfbook.Bookmark
	page := 1
	for i, doc := range d.Documents {
		title := titles[doc.Part]
		if i == 0 || d.Documents[i-1].Part != doc.Part {
			marks = append(marks, pdfbook.Bookmark{Title: title, Page: page})
		}
		if doc.Subject != "" {
			m := &marks[len(marks)-1]
			m.Kids = append(m.Kids, pdfbook.Bookmark{Title: doc.Subject, Page: page})
		}
		page += doc.Pages
	}
	return marks
}
