package layout

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The page-break cases of issue 17 item 9, measured in WORD-FEATURES.md §9.

// pageOf is the index of the page showing word, -1 when none does.
func pageOf(pages []*Page, word string) int {
	for i, p := range pages {
		for _, tx := range p.Texts {
			if strings.HasPrefix(tx.Text, word) {
				return i
			}
		}
	}
	return -1
}

// A page break followed by a next-page section break keeps the page the
// section's last paragraph falls on, as Word does (issue 17 chose Word;
// LibreOffice drops that page: fixture 09b has 5 pages in Word, 3 in
// LibreOffice) — whether the break and the section end are in separate
// paragraphs or in one.
func TestPageBreakThenSectionBreakKeepsWordsBlankPage(t *testing.T) {
	brk := &docmodel.Paragraph{Props: docmodel.ParaProps{Line: 240}, Mark: docmodel.RunProps{Size: 24},
		Inlines: []docmodel.Inline{{Kind: docmodel.PageBreak, Props: docmodel.RunProps{Size: 24}}}}
	sectEnd := &docmodel.Paragraph{Props: docmodel.ParaProps{Line: 240}, Mark: docmodel.RunProps{Size: 24}, SectPr: true}
	same := para("Hết phụ lục I.", 24, docmodel.ParaProps{})
	same.Inlines = append(same.Inlines, docmodel.Inline{Kind: docmodel.PageBreak, Props: docmodel.RunProps{Size: 24}})
	same.SectPr = true
	sec := func(blocks ...docmodel.Block) *docmodel.Section {
		return &docmodel.Section{PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 1134, Blocks: blocks}
	}
	for _, c := range []struct {
		name  string
		first *docmodel.Section
	}{
		{"break and section end in two paragraphs", sec(para("Tờ trình", 24, docmodel.ParaProps{}), brk, sectEnd)},
		{"break and section end in one paragraph", sec(para("Tờ trình", 24, docmodel.ParaProps{}), same)},
	} {
		pages, err := Layout(&docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{c.first, sec(para("PHỤ LỤC", 24, docmodel.ParaProps{}))}})
		if err != nil {
			t.Fatal(err)
		}
		if len(pages) != 3 || pageOf(pages, "PHỤ LỤC") != 2 || len(pages[1].Texts) != 0 {
			t.Errorf("%s: %d pages, PHỤ LỤC on page %d; want 3 pages, the second blank", c.name, len(pages), pageOf(pages, "PHỤ LỤC")+1)
		}
	}
}

// A keep-with-next heading stays at a page foot only when two lines of the
// next paragraph fit under it (§9c keep_48/49/50, the reference §8): with
// room for one it moves to the next page. 52 lines of 12 pt fill a page.
func TestKeepWithNextHeadingNeedsTwoLinesUnderIt(t *testing.T) {
	long := strings.Repeat("Tồn tại, hạn chế trong công tác thi đua khen thưởng năm qua. ", 8)
	for _, c := range []struct {
		before int
		page   int // the heading's page
	}{{49, 0}, {50, 1}} {
		var blocks []docmodel.Block
		for i := 0; i < c.before; i++ {
			blocks = append(blocks, para("Dòng", 24, docmodel.ParaProps{}))
		}
		blocks = append(blocks, para("II. TỒN TẠI", 24, docmodel.ParaProps{KeepNext: true, WidowControl: true}),
			para(long, 24, docmodel.ParaProps{WidowControl: true}))
		pages := layoutDoc(t, blocks, nil, false)
		if got := pageOf(pages, "II. TỒN TẠI"); got != c.page {
			t.Errorf("%d lines before: the heading is on page %d, want %d", c.before, got+1, c.page+1)
		}
	}
}
