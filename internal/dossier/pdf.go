package dossier

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/pdfdraw"
	"github.com/hoso-vn/hoso/internal/pdfmerge"
	"github.com/hoso-vn/hoso/internal/render"
)

// RenderPDF renders every filled DOCX into a PDF (from the DOCX itself,
// so a template edit changes both) and merges them into ho-so.pdf with a
// bookmark per document and per nominee. What the renderer could not carry
// over becomes a warning of the document.
func (d *Dossier) RenderPDF() error {
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
	}
	merged, err := pdfmerge.Merge(d.bookmarks())
	if err != nil {
		return err
	}
	d.Merged = merged
	return nil
}

// bookmarks groups the documents for ho-so.pdf: one bookmark per part,
// with a child per nominee or tax office where a part has several files.
func (d *Dossier) bookmarks() []pdfmerge.Group {
	titles := map[string]string{
		PartToTrinh:   "Tờ trình và Danh sách đề nghị khen thưởng",
		PartBienBan:   "Biên bản họp Hội đồng Thi đua - Khen thưởng",
		PartBaoCao:    "Báo cáo thành tích",
		PartXacNhanTh: "Công văn đề nghị xác nhận nghĩa vụ thuế",
	}
	var groups []pdfmerge.Group
	for _, doc := range d.Documents {
		title := titles[doc.Part]
		if len(groups) == 0 || groups[len(groups)-1].Title != title {
			groups = append(groups, pdfmerge.Group{Title: title})
		}
		g := &groups[len(groups)-1]
		child := title
		if doc.Subject != "" {
			child = doc.Subject
		}
		g.Parts = append(g.Parts, pdfmerge.Part{Title: child, PDF: doc.PDFBytes})
	}
	return groups
}
