package dossier

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/epoch"
	"github.com/hoso-vn/hoso/internal/layout"
	"github.com/hoso-vn/hoso/internal/pdfbook"
	"github.com/hoso-vn/hoso/internal/pdfdraw"
	"github.com/hoso-vn/hoso/internal/render"
)

// RenderPDF lays out every filled DOCX (from the DOCX itself, so a
// template edit changes both outputs), draws all the pages once with
// maroto into ho-so.pdf, cuts each document's PDF out of it and adds the
// bookmarks (one per document and per nominee). Drawing the dossier once
// shares the cost of loading and subsetting the fonts among its documents.
// What the reader could not carry over becomes a warning of the document.
func (d *Dossier) RenderPDF() error {
	laid := make([]*render.Laid, len(d.Documents))
	err := parallel(len(d.Documents), func(i int) (err error) {
		laid[i], err = render.Lay(d.Documents[i].Bytes)
		if err != nil {
			return fmt.Errorf("%s: không dàn trang được: %w", d.Documents[i].DOCX, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var all []*layout.Page
	var ranges []pdfbook.Range
	when, _ := epoch.Time()
	for i, doc := range d.Documents {
		doc.PDF = strings.TrimSuffix(doc.DOCX, ".docx") + ".pdf"
		doc.Pages = len(laid[i].Pages)
		for _, w := range laid[i].Warnings {
			doc.Warnings = append(doc.Warnings, "PDF: "+w)
		}
		ranges = append(ranges, pdfbook.Range{First: len(all) + 1, Last: len(all) + len(laid[i].Pages),
			Info: pdfbook.Info{Title: doc.Title, Author: d.Agency, Subject: d.Subject, Creator: "hoso", Producer: pdfdraw.Producer, Date: when}})
		all = append(all, laid[i].Pages...)
	}
	merged, err := pdfdraw.Draw(all, pdfdraw.Meta{Title: "Hồ sơ đề nghị khen thưởng", Author: d.Agency, Subject: d.Subject, Creator: "hoso"})
	if err != nil {
		return fmt.Errorf("%s: %w", MergedName, err)
	}
	parts, err := pdfbook.Split(merged, ranges)
	if err != nil {
		return err
	}
	for i, doc := range d.Documents {
		doc.PDFBytes = parts[i]
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
		if i == 0 || d.Documents[i-1].Part != doc.Part {
			marks = append(marks, pdfbook.Bookmark{Title: titles[doc.Part], Page: page})
		}
		if doc.Subject != "" {
			m := &marks[len(marks)-1]
			m.Kids = append(m.Kids, pdfbook.Bookmark{Title: doc.Subject, Page: page})
		}
		page += doc.Pages
	}
	return marks
}
