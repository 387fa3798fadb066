package docxread

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

const noteStyles = `<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>` +
	`<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:rPr><w:sz w:val="20"/></w:rPr></w:style>`

func noteXML(kind string, id int, text string) string {
	return `<w:` + kind + ` w:id="` + strconv.Itoa(id) + `"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>` +
		`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:` + kind + `Ref/></w:r><w:r><w:t xml:space="preserve"> ` + text + `</w:t></w:r></w:p></w:` + kind + `>`
}

func refRun(kind string, id int) string {
	return `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:` + kind + `Reference w:id="` + strconv.Itoa(id) + `"/></w:r>`
}

// notesOf lists a paragraph's note marks: their text and whether they carry a note.
func marksOf(p *docmodel.Paragraph) (marks []docmodel.Inline) {
	for _, in := range p.Inlines {
		if in.Kind == docmodel.NoteRef {
			marks = append(marks, in)
		}
	}
	return marks
}

// Footnote references carry their note and its number (decimal, in order
// of the references, whatever the ids); the mark at the head of the note
// prints the same number, raised by the «footnote reference» style.
// Endnotes go to the document's list, numbered i, ii (Word's and
// LibreOffice's default), their marks raised by LibreOffice's anchor style.
func TestNotesAreNumberedAndCarried(t *testing.T) {
	footnotes := wpart("footnotes", `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`+
		noteXML("footnote", 7, "Bảy")+noteXML("footnote", 3, "Ba"))
	endnotes := wpart("endnotes", noteXML("endnote", 1, "Cuối"))
	body := `<w:p><w:r><w:t>Một</w:t></w:r>` + refRun("footnote", 7) + `<w:r><w:t>; hai</w:t></w:r>` + refRun("footnote", 3) +
		refRun("endnote", 1) + `</w:p>`
	doc, warnings := readParts(t, body, map[string]string{"styles.xml": wpart("styles", noteStyles),
		"footnotes.xml": footnotes, "endnotes.xml": endnotes})
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	p := doc.Sections[0].Blocks[0].(*docmodel.Paragraph)
	marks := marksOf(p)
	if len(marks) != 3 {
		t.Fatalf("%d marks, want 3: %+v", len(marks), p.Inlines)
	}
	for i, want := range []string{"1", "2", "i"} {
		if marks[i].Text != want || marks[i].Props.VertAlign != docmodel.VertSuper {
			t.Errorf("mark %d: %q %v, want %q superscript", i, marks[i].Text, marks[i].Props.VertAlign, want)
		}
	}
	if marks[0].Note == nil || marks[1].Note == nil || marks[2].Note != nil {
		t.Fatalf("footnote marks carry their notes, the endnote's is in the document's list")
	}
	np := marks[1].Note.Blocks[0].(*docmodel.Paragraph)
	own := marksOf(np)
	if len(own) != 1 || own[0].Text != "2" || own[0].Props.VertAlign != docmodel.VertSuper || np.Props.Style != "FootnoteText" ||
		np.Inlines[len(np.Inlines)-1].Text != " Ba" || np.Mark.Size != 20 {
		t.Errorf("note 2 read as %+v", np)
	}
	if len(doc.Endnotes) != 1 {
		t.Fatalf("%d endnotes", len(doc.Endnotes))
	}
	// No «endnote reference» style: LibreOffice prints the endnote's own mark unraised.
	em := marksOf(doc.Endnotes[0].Blocks[0].(*docmodel.Paragraph))
	if len(em) != 1 || em[0].Text != "i" || em[0].Props.VertAlign != docmodel.VertBaseline {
		t.Errorf("endnote's own mark %+v, want «i» on the baseline", em)
	}
}

// What a note holds is warned about where it is in its part (paragraphs
// counted in the part's order, whatever the order of the references); a
// reference in a header is warned about, not printed.
func TestWarningsInAndAroundNotes(t *testing.T) {
	footnotes := wpart("footnotes", `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>`+
		noteXML("footnote", 1, "Một")+strings.Replace(noteXML("footnote", 2, "Hai"), `<w:r><w:t`, `<w:r><w:sym w:char="F0FC"/></w:r><w:r><w:t`, 1))
	header := wpart("hdr", `<w:p><w:r><w:t>Đầu trang</w:t></w:r>`+refRun("footnote", 1)+`</w:p>`)
	body := `<w:p><w:r><w:t>A</w:t></w:r>` + refRun("footnote", 2) + refRun("footnote", 1) + `</w:p>` +
		`<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rhdr"/></w:sectPr></w:pPr></w:p>`
	parts := ooxmltest.With(ooxmltest.Minimal(body), ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `>` +
		`<Relationship Id="rstyles" Type="` + ooxmltest.RelTypes + `styles" Target="styles.xml"/>` +
		`<Relationship Id="rfoot" Type="` + ooxmltest.RelTypes + `footnotes" Target="footnotes.xml"/>` +
		`<Relationship Id="rhdr" Type="` + ooxmltest.RelTypes + `header" Target="header1.xml"/></Relationships>`},
		ooxmltest.Part{Name: "word/styles.xml", Data: wpart("styles", "")}, ooxmltest.Part{Name: "word/footnotes.xml", Data: footnotes},
		ooxmltest.Part{Name: "word/header1.xml", Data: header})
	p, err := ooxml.Open(ooxmltest.Zip(t, ooxmltest.Declared(parts)))
	if err != nil {
		t.Fatal(err)
	}
	_, warnings, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"word/footnotes.xml, đoạn 3 «Hai»: ký tự symbol", "word/header1.xml, đoạn"} {
		if !hasWarning(warnings, w) {
			t.Errorf("no warning %q in %v", w, warnings)
		}
	}
	if !hasWarning(warnings, "chú thích cuối trang đặt trong đầu trang") {
		t.Errorf("the header's reference is not warned about: %v", warnings)
	}
}

// settings.xml's footnotePr sets the format and the first number; a
// reference to a note that is not there, and a section's own note
// settings, are warned about.
func TestNoteSettingsAndMissingNotes(t *testing.T) {
	settings := wpart("settings", `<w:footnotePr><w:numFmt w:val="upperRoman"/><w:numStart w:val="3"/><w:numRestart w:val="eachPage"/></w:footnotePr>`)
	footnotes := wpart("footnotes", noteXML("footnote", 1, "Một"))
	body := `<w:p><w:r><w:t>A</w:t></w:r>` + refRun("footnote", 1) + refRun("footnote", 9) + refRun("endnote", 1) + `</w:p>` +
		`<w:p><w:pPr><w:sectPr><w:footnotePr><w:numFmt w:val="lowerLetter"/></w:footnotePr></w:sectPr></w:pPr></w:p>`
	doc, warnings := readParts(t, body, map[string]string{"settings.xml": settings, "footnotes.xml": footnotes})
	marks := marksOf(doc.Sections[0].Blocks[0].(*docmodel.Paragraph))
	if len(marks) != 1 || marks[0].Text != "III" {
		t.Errorf("marks %+v, want one «III»", marks)
	}
	for _, w := range []string{"settings.xml: chú thích cuối trang: đánh số lại mỗi trang", "đoạn 1 «A»: chú thích cuối trang số 9 không có trong footnotes.xml: không in",
		"đoạn 1 «A»: chú thích cuối văn bản số 1 không có trong endnotes.xml (văn bản không có phần này)",
		"word/document.xml: thiết lập chú thích riêng của phần (section)"} {
		if !hasWarning(warnings, w) {
			t.Errorf("no warning %q in %v", w, warnings)
		}
	}
}

// LibreOffice adds an empty paragraph in the default style above a
// document that begins with a table, when the document has a note
// reference anywhere (m05_footnotes.py 5b', m05b_notes_flow.py 5e); not
// when it has none or begins with a paragraph.
func TestLeadingParagraphAboveATableWithNotes(t *testing.T) {
	styles := wpart("styles", `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>`+
		`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:pPr><w:spacing w:after="120"/></w:pPr></w:style>`)
	table := `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`
	withRef := `<w:p><w:r><w:t>Văn bản</w:t></w:r>` + refRun("endnote", 1) + `</w:p>`
	for _, c := range []struct {
		name, body string
		blocks     int // the body's blocks, 1 more when the paragraph is added
		added      bool
	}{{"table and reference", table + withRef, 2, true}, {"no reference", table + `<w:p/>`, 2, false},
		{"paragraph first", `<w:p/>` + table + withRef, 3, false}} {
		doc, _ := readParts(t, c.body, map[string]string{"styles.xml": styles, "endnotes.xml": wpart("endnotes", noteXML("endnote", 1, "x"))})
		blocks := doc.Sections[0].Blocks
		if added := len(blocks) == c.blocks+1; added != c.added {
			t.Fatalf("%s: paragraph added %v, want %v", c.name, added, c.added)
		}
		if !c.added {
			continue
		}
		first, ok := blocks[0].(*docmodel.Paragraph)
		if !ok || len(first.Inlines) != 0 || first.Props.Style != "Normal" || first.Props.After != 120 || first.Mark.Size != 26 {
			t.Errorf("%s: the added block is not an empty paragraph in the default style: %+v", c.name, blocks[0])
		}
	}
}
