package dossier

import (
	"fmt"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/epoch"
	"github.com/hoso-vn/hoso/internal/layout"
	"github.com/hoso-vn/hoso/internal/pdfbook"
	"github.com/hoso-vn/hoso/internal/pdfdraw"
	"github.com/hoso-vn/hoso/internal/render"
)

// RenderPDF lays out every filled DOCX (from the DOCX itself, so a
// template edit changes both outputs), draws the pages with maroto in a few
// groups at once, cuts each document's PDF out of the drawn ones, joins
// them into ho-so.pdf and adds the bookmarks (one per document and per
// nominee). A group shares the cost of subsetting the fonts among its
// documents; several groups keep every core drawing. Where the page size
// changes (a landscape annex), a group is drawn as several PDFs, one per
// size. What the reader could not carry over becomes a warning.
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
	when, ok := epoch.Time()
	if !ok {
		when = time.Now()
	}
	info := func(title string) pdfbook.Info {
		return pdfbook.Info{Title: title, Author: d.Agency, Subject: d.Subject, Creator: "hoso", Producer: pdfdraw.Producer, Date: when}
	}
	var all []*layout.Page
	firstPage := make([]int, len(d.Documents)) // 0-based index in all
	pageCounts := make([]int, len(d.Documents))
	for i, doc := range d.Documents {
		doc.PDF = strings.TrimSuffix(doc.DOCX, ".docx") + ".pdf"
		doc.Pages = len(laid[i].Pages)
		for _, w := range laid[i].Warnings {
			doc.Warnings = append(doc.Warnings, "PDF: "+w)
		}
		firstPage[i], pageCounts[i] = len(all), doc.Pages
		all = append(all, laid[i].Pages...)
	}
	var units []pageRange
	for _, g := range drawGroups(pageCounts) {
		end := len(all)
		if g.end < len(d.Documents) {
			end = firstPage[g.end]
		}
		units = append(units, sameSize(all, firstPage[g.first], end)...)
	}
	meta := pdfdraw.Meta{Title: "Hồ sơ đề nghị khen thưởng", Author: d.Agency, Subject: d.Subject, Creator: "hoso"}
	drawn := make([][]byte, len(units))
	err = parallel(len(units), func(u int) (err error) {
		drawn[u], err = pdfdraw.Draw(all[units[u].first:units[u].end], meta)
		return err
	})
	if err != nil {
		return fmt.Errorf("%s: %w", MergedName, err)
	}
	book, err := pdfbook.NewBook(drawn...)
	if err != nil {
		return fmt.Errorf("%s: %w", MergedName, err)
	}
	err = parallel(len(d.Documents), func(i int) (err error) {
		doc := d.Documents[i]
		doc.PDFBytes, err = book.Extract(firstPage[i]+1, firstPage[i]+doc.Pages, info(doc.Title))
		if err != nil {
			return fmt.Errorf("%s: %w", doc.PDF, err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	merged, err := book.Extract(1, book.Pages(), info(meta.Title))
	if err != nil {
		return fmt.Errorf("%s: %w", MergedName, err)
	}
	d.Merged, err = pdfbook.Outline(merged, d.bookmarks())
	return err
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
