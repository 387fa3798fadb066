package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The expected numbers are LibreOffice 7.4's, measured by
// testdata/word-features/measure/m05_footnotes.py (5a, 5b) and
// m05b_notes_flow.py (5d): 12 pt one-line body paragraphs (13.8 pt pitch)
// on A4 with 56.7 pt top and bottom margins, 85.05 pt left, 56.7 pt right;
// notes 10 pt (11.55 pt pitch).

// note is a footnote of n one-line 10 pt paragraphs, the first starting
// with its mark; before and after are its paragraphs' spacing.
func note(n, before, after int) *docmodel.Note {
	rp := docmodel.RunProps{Size: 20}
	nt := &docmodel.Note{}
	for i := range n {
		p := &docmodel.Paragraph{Props: docmodel.ParaProps{Line: 240, Before: before, After: after}, Mark: rp,
			Inlines: []docmodel.Inline{{Kind: docmodel.Text, Text: fmt.Sprintf("Chú thích dòng %d", i+1), Props: rp}}}
		if i == 0 {
			mark := docmodel.Inline{Kind: docmodel.NoteRef, Text: "1", Props: rp}
			mark.Props.VertAlign = docmodel.VertSuper
			p.Inlines = append([]docmodel.Inline{mark}, p.Inlines...)
		}
		nt.Blocks = append(nt.Blocks, p)
	}
	return nt
}

// noteDoc is n body lines "Dòng k", with a reference to notes[k] after
// line k (0-based).
func noteDoc(t *testing.T, n int, notes map[int]*docmodel.Note) []*Page {
	t.Helper()
	var blocks []docmodel.Block
	for i := range n {
		p := para(fmt.Sprintf("Dòng %d", i+1), 24, docmodel.ParaProps{})
		if nt := notes[i]; nt != nil {
			p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.NoteRef, Text: "1", Note: nt,
				Props: docmodel.RunProps{Size: 24, VertAlign: docmodel.VertSuper}})
		}
		blocks = append(blocks, p)
	}
	return layoutA4(t, &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{a4(blocks)}})
}

func a4(blocks []docmodel.Block) *docmodel.Section {
	return &docmodel.Section{PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 1134, Blocks: blocks}
}

func layoutA4(t *testing.T, doc *docmodel.Document) []*Page {
	t.Helper()
	pages, err := Layout(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// count is how many texts of a page start with prefix, and the baseline
// of the last.
func count(p *Page, prefix string) (n int, last float64) {
	for _, tx := range p.Texts {
		if strings.HasPrefix(tx.Text, prefix) {
			n++
			last = tx.Y
		}
	}
	return n, last
}

// separator returns the page's footnote separator (a rule of 0.5 pt from
// the left margin), ok false when the page has none.
func separator(p *Page) (Rule, bool) {
	for _, r := range p.Rules {
		if r.Width == 0.5 && r.Y1 == r.Y2 && math.Abs(r.X1-85.05) < 0.01 {
			return r, true
		}
	}
	return Rule{}, false
}

// One 10 pt note: the separator 770.30–770.80 from 85.05 to 198.40, the
// note's baseline 783.0 with its mark raised 3.9 pt at 5.8 pt, the
// reference 6.95 pt raised 4.7 pt, 51 body lines instead of 52; three
// notes leave 49 and move the separator to 747.20.
func TestFootnoteAreaAndSeparator(t *testing.T) {
	pages := noteDoc(t, 60, map[int]*docmodel.Note{0: note(1, 0, 0)})
	pg := pages[0]
	if n, _ := count(pg, "Dòng"); n != 51 {
		t.Errorf("%d body lines on page 1, want 51", n)
	}
	sep, ok := separator(pg)
	if !ok || !near(sep.Y1, 770.55, 0.051) || !near(sep.X2, 198.40, 0.051) {
		t.Errorf("separator %+v (found %v), want centred at 770.55, 85.05–198.40", sep, ok)
	}
	if _, y := count(pg, "Chú thích"); !near(y, 783.0, 0.051) {
		t.Errorf("note baseline %.2f, want 783.0", y)
	}
	var marks []Text
	for _, tx := range pg.Texts {
		if tx.Text == "1" {
			marks = append(marks, tx)
		}
	}
	if len(marks) != 2 || !near(marks[0].Y, 63.2, 0.051) || !near(marks[0].Size, 6.95, 0.051) || !near(marks[1].Y, 779.1, 0.051) || !near(marks[1].Size, 5.8, 0.051) {
		t.Errorf("marks %+v, want the reference at 63.2 (6.95 pt) and the note's at 779.1 (5.8 pt)", marks)
	}
	if _, ok := separator(pages[1]); ok {
		t.Errorf("page 2 has no reference but a separator")
	}
	three := noteDoc(t, 60, map[int]*docmodel.Note{0: note(1, 0, 0), 1: note(1, 0, 0), 2: note(1, 0, 0)})
	if n, _ := count(three[0], "Dòng"); n != 49 {
		t.Errorf("three notes: %d body lines, want 49", n)
	}
	if sep, _ := separator(three[0]); !near(sep.Y1, 747.45, 0.051) {
		t.Errorf("three notes: separator at %.2f, want 747.20–747.70", sep.Y1)
	}
}

// A reference on line 52, the last that fits without a note: the line and
// its note go to page 2 (ref_last). A note that does not fit below its
// reference line goes on at the next page's foot, without widow control
// (long_10_at46: 7 lines, then 1 under a separator at 770.30). A note
// longer than the page takes at most the body less a fifth of the print
// area (long_70_at5: 11 body lines and 49 note lines, then 4 lines and the
// separator at 735.65 on page 2 with 48 body lines).
func TestFootnotesThatDoNotFit(t *testing.T) {
	last := noteDoc(t, 60, map[int]*docmodel.Note{51: note(1, 0, 0)})
	if n, _ := count(last[0], "Dòng"); n != 51 {
		t.Errorf("ref_last: %d lines on page 1, want 51", n)
	}
	if _, ok := separator(last[0]); ok {
		t.Errorf("ref_last: page 1 has a separator")
	}
	if n, _ := count(last[1], "Chú thích"); n != 1 {
		t.Errorf("ref_last: the note is not on page 2")
	}

	split := noteDoc(t, 60, map[int]*docmodel.Note{45: note(8, 0, 0)})
	if n, _ := count(split[0], "Dòng"); n != 46 {
		t.Errorf("long_10_at46: %d body lines on page 1, want 46", n)
	}
	if n, y := count(split[0], "Chú thích"); n != 7 || !near(y, 783.0, 0.051) {
		t.Errorf("long_10_at46: %d note lines on page 1 ending at %.2f, want 7 ending at 783.0", n, y)
	}
	if sep, _ := separator(split[0]); !near(sep.Y1, 701.25, 0.051) {
		t.Errorf("long_10_at46: separator at %.2f, want 701.00–701.50", sep.Y1)
	}
	if n, _ := count(split[1], "Chú thích"); n != 1 {
		t.Errorf("long_10_at46: %d note lines go on, want 1", n)
	}
	if sep, ok := separator(split[1]); !ok || !near(sep.Y1, 770.55, 0.051) {
		t.Errorf("long_10_at46: page 2 separator %+v, want at 770.30–770.80", sep)
	}

	long := noteDoc(t, 120, map[int]*docmodel.Note{4: note(53, 0, 0)})
	if n, _ := count(long[0], "Dòng"); n != 11 {
		t.Errorf("long_70_at5: %d body lines on page 1, want 11", n)
	}
	if n, _ := count(long[0], "Chú thích"); n != 49 {
		t.Errorf("long_70_at5: %d note lines on page 1, want 49", n)
	}
	if n, _ := count(long[1], "Chú thích"); n != 4 {
		t.Errorf("long_70_at5: %d note lines on page 2, want 4", n)
	}
	if n, _ := count(long[1], "Dòng"); n != 48 {
		t.Errorf("long_70_at5: %d body lines on page 2, want 48", n)
	}
	if sep, _ := separator(long[1]); !near(sep.Y1, 735.9, 0.051) {
		t.Errorf("long_70_at5: page 2 separator at %.2f, want 735.65–736.15", sep.Y1)
	}
}

// Notes are one flow of paragraphs: the first one's spacing before is
// kept, between two the larger of after and before, the last after is
// dropped (spacing: separator 740.75, baselines 759.5 and 783.0).
func TestSpacingBetweenFootnotes(t *testing.T) {
	pages := noteDoc(t, 60, map[int]*docmodel.Note{5: note(1, 120, 240), 6: note(1, 120, 240)})
	if n, _ := count(pages[0], "Dòng"); n != 49 {
		t.Errorf("%d body lines, want 49", n)
	}
	var ys []float64
	for _, tx := range pages[0].Texts {
		if strings.HasPrefix(tx.Text, "Chú thích") {
			ys = append(ys, tx.Y)
		}
	}
	if len(ys) != 2 || !near(ys[0], 759.5, 0.051) || !near(ys[1], 783.0, 0.051) {
		t.Errorf("note baselines %v, want 759.5 and 783.0", ys)
	}
	if sep, _ := separator(pages[0]); !near(sep.Y1, 741.0, 0.051) {
		t.Errorf("separator at %.2f, want 740.75–741.25", sep.Y1)
	}
}

// A reference in a table row counts like one in a line (table_ref: 50
// lines and the row on page 1).
func TestFootnoteInATableRow(t *testing.T) {
	var blocks []docmodel.Block
	for i := range 60 {
		blocks = append(blocks, para(fmt.Sprintf("Dòng %d", i+1), 24, docmodel.ParaProps{}))
	}
	cell := para("Ô bảng", 24, docmodel.ParaProps{})
	cell.Inlines = append(cell.Inlines, docmodel.Inline{Kind: docmodel.NoteRef, Text: "1", Note: note(1, 0, 0),
		Props: docmodel.RunProps{Size: 24, VertAlign: docmodel.VertSuper}})
	tbl := &docmodel.Table{Grid: []int{9071}, Compat15: true, Rows: []*docmodel.Row{{Cells: []*docmodel.Cell{{Span: 1, Blocks: []docmodel.Block{cell}}}}}}
	blocks = append(blocks[:45], append([]docmodel.Block{tbl}, blocks[45:]...)...)
	pages := layoutA4(t, &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{a4(blocks)}})
	if n, _ := count(pages[0], "Dòng"); n != 50 {
		t.Errorf("%d lines on page 1, want 50", n)
	}
	if n, _ := count(pages[0], "Chú thích"); n != 1 {
		t.Errorf("the row's note is not on page 1")
	}
	if sep, _ := separator(pages[0]); !near(sep.Y1, 770.55, 0.051) {
		t.Errorf("separator at %.2f, want 770.30–770.80", sep.Y1)
	}
}

// Endnotes go on a page of their own after the text, in LibreOffice's
// Endnote page style: 2 cm margins (endnote: baseline 66.1 at x 56.7).
func TestEndnotesOnTheirOwnPage(t *testing.T) {
	body := []docmodel.Block{para("Dòng 1", 24, docmodel.ParaProps{})}
	end := note(1, 0, 0)
	pages := layoutA4(t, &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{a4(body)}, Endnotes: []*docmodel.Note{end}})
	if len(pages) != 2 {
		t.Fatalf("%d pages, want the text's and the endnotes'", len(pages))
	}
	for _, tx := range pages[1].Texts {
		if strings.HasPrefix(tx.Text, "Chú thích") && (!near(tx.Y, 66.05, 0.051) || tx.X > 62) {
			t.Errorf("endnote text at (%.2f, %.2f), want baseline 66.05 near x 56.7", tx.X, tx.Y)
		}
	}
	if pages[1].Number != 2 {
		t.Errorf("endnote page number %d, want 2", pages[1].Number)
	}
}
