package docxread

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
)

// fuzzDocx packs a document part, a styles part and a header part into a
// DOCX whose relationships reach all three, with the lists and notes of
// fuzzNumbering and fuzzNotes.
func fuzzDocx(t *testing.T, document, styles, header string) []byte {
	parts := ooxmltest.Minimal("")
	parts[3].Data = document
	rel := func(id, kind, target string) string {
		return `<Relationship Id="` + id + `" Type="` + ooxmltest.RelTypes + kind + `" Target="` + target + `"/>`
	}
	parts = ooxmltest.With(parts,
		ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `>` +
			rel("rId1", "styles", "styles.xml") + rel("rId2", "header", "header1.xml") + rel("rId3", "numbering", "numbering.xml") +
			rel("rId4", "footnotes", "footnotes.xml") + rel("rId5", "endnotes", "endnotes.xml") + `</Relationships>`},
		ooxmltest.Part{Name: "word/styles.xml", Data: styles},
		ooxmltest.Part{Name: "word/header1.xml", Data: header},
		ooxmltest.Part{Name: "word/numbering.xml", Data: fuzzNumbering},
		ooxmltest.Part{Name: "word/footnotes.xml", Data: `<w:footnotes ` + ooxmltest.WNS + `>` + fuzzNotes("footnote") + `</w:footnotes>`},
		ooxmltest.Part{Name: "word/endnotes.xml", Data: `<w:endnotes ` + ooxmltest.WNS + `>` + fuzzNotes("endnote") + `</w:endnotes>`})
	return ooxmltest.Zip(t, ooxmltest.Declared(parts))
}

// fuzzNumbering has lists 1 (multi-level decimal, a Roman level, a
// Wingdings bullet), 2 (through a numbering style) and 3 (an override).
const fuzzNumbering = `<w:numbering ` + ooxmltest.WNS + `><w:abstractNum w:abstractNumId="0">` +
	`<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>` +
	`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:suff w:val="space"/><w:lvlText w:val="%1.%2.%3"/><w:lvlJc w:val="right"/></w:lvl>` +
	`<w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="` + "\uf0fc" + `"/><w:rPr><w:rFonts w:ascii="Wingdings"/></w:rPr></w:lvl>` +
	`</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="A"/></w:abstractNum>` +
	`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
	`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="4"/><w:lvl w:ilvl="0"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:lvlOverride></w:num></w:numbering>`

// fuzzNotes are notes 1 and 2 of a kind, the second two paragraphs long.
func fuzzNotes(kind string) string {
	p := func(text string) string {
		return `<w:p><w:r><w:` + kind + `Ref/></w:r><w:r><w:t xml:space="preserve"> ` + text + `</w:t></w:r></w:p>`
	}
	return `<w:` + kind + ` w:id="1">` + p("Chú thích một.") + `</w:` + kind + `><w:` + kind + ` w:id="2">` +
		p("Chú thích hai, dài hơn một chút để xuống dòng trong vùng chú thích.") + p("Đoạn thứ hai.") + `</w:` + kind + `>`
}

// FuzzReadDocx reads arbitrary document, styles and header parts in a
// DOCX with the PDF stage's reader, and lays out what it reads. Neither
// may panic; a document the reader accepts is laid out, within
// layout.MaxPages, into at least one page of positive size. raw, when not empty, is read as a whole
// file instead (archives that are not quite zips).
//
// Seeds: the parts of the form set templates and small documents with
// tables, spans, merges, sections, fields, character formatting, lists,
// notes, shapes, text boxes and frames.
func FuzzReadDocx(f *testing.F) {
	const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ooxmltest.WNS + drawNS + `><w:body>`
	const end = `</w:body></w:document>`
	styles := `<w:styles ` + ooxmltest.WNS + `><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/><w:rPr><w:b/></w:rPr></w:style></w:styles>`
	header := `<w:hdr ` + ooxmltest.WNS + `><w:p><w:r><w:t>Trang </w:t></w:r><w:fldSimple w:instr=" PAGE "/><w:r><w:t>/</w:t></w:r><w:fldSimple w:instr="NUMPAGES"/></w:p></w:hdr>`
	bodies := []string{
		`<w:p><w:pPr><w:pStyle w:val="A"/></w:pPr><w:r><w:t>Đoạn văn bản tiếng Việt dài vừa phải để xuống dòng vài lần trong trang.</w:t></w:r></w:p>`,
		`<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr>` +
			`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>B</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>C</w:t><w:br/><w:t>D</w:t></w:r></w:p></w:tc></w:tr>` +
			`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:tab/><w:t>E</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`,
		`<w:p><w:pPr><w:spacing w:before="240" w:after="120" w:line="360" w:lineRule="auto"/><w:ind w:left="720" w:hanging="360"/><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr><w:r><w:rPr><w:i/><w:u w:val="single"/></w:rPr><w:t>x</w:t></w:r><w:r><w:tab/><w:t>y</w:t></w:r></w:p>`,
		`<w:p><w:pPr><w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:bottom="1134" w:left="1701" w:right="1134" w:header="720" w:footer="720"/><w:headerReference w:type="default" r:id="rId2"/><w:pgNumType w:start="1"/><w:titlePg/></w:sectPr></w:pPr></w:p><w:p><w:r><w:br w:type="page"/><w:t>sau</w:t></w:r></w:p>`,
		`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
		`<w:p><w:r><w:rPr><w:rFonts w:ascii="Times New Roman Bold"/><w:spacing w:val="-6"/><w:w w:val="90"/><w:kern w:val="28"/></w:rPr><w:t>AVA quốc hiệu</w:t></w:r>` +
			`<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:color w:val="FF0000"/><w:highlight w:val="yellow"/></w:rPr><w:t>(1)</w:t></w:r>` +
			`<w:r><w:rPr><w:rFonts w:ascii=".VnTime"/><w:position w:val="-6"/><w:shd w:val="pct25" w:fill="auto"/></w:rPr><w:t>Uû ban</w:t></w:r>` +
			`<w:r><w:rPr><w:rFonts w:asciiTheme="minorHAnsi"/><w:vanish/><w:smallCaps/></w:rPr><w:t>ẩn</w:t></w:r></w:p>`,
		`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="-1440" w:bottom="1440" w:left="1440" w:right="1440"/></w:sectPr>`,
		`<w:tbl><w:tblGrid><w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:p><w:r><w:t>Ô</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p></w:tc></w:tr></w:tbl>` +
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Mục</w:t></w:r><w:r><w:footnoteReference w:id="1"/><w:endnoteReference w:id="2"/></w:r></w:p>` +
			`<w:p><w:pPr><w:pStyle w:val="A"/><w:numPr><w:ilvl w:val="2"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>Dấu</w:t></w:r></w:p>`,
		`<w:p><w:r><w:t>Dòng có hình</w:t></w:r>` + dmlLine + `</w:p><w:p><w:pPr><w:framePr w:w="2835" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="right"/></w:pPr><w:r><w:t>Khung</w:t></w:r></w:p><w:p><w:r><w:t>Sau khung</w:t></w:r></w:p>`,
		`<w:p><w:r><w:pict><v:rect style="position:absolute;margin-left:10pt;margin-top:-5pt;width:95pt;height:28pt;rotation:90" strokeweight="1.5pt"><v:textbox inset="1pt,1pt"><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></v:textbox><w10:wrap type="topAndBottom"/></v:rect></w:pict></w:r><w:r><w:t>Chữ</w:t></w:r></w:p>`,
	}
	for _, b := range bodies {
		f.Add(doc+b+end, styles, header, []byte(nil))
	}
	files, _ := filepath.Glob("../../../../templates/*/*.docx")
	for i, file := range files {
		if i%3 != 0 {
			continue // a few templates are enough
		}
		f.Add(ooxmltest.PartOf(f, file, "word/document.xml"), ooxmltest.PartOf(f, file, "word/styles.xml"), ooxmltest.PartOf(f, file, "word/header1.xml"), []byte(nil))
		if i == 0 {
			raw, _ := os.ReadFile(file)
			f.Add("", "", "", raw)
		}
	}
	f.Fuzz(func(t *testing.T, document, styles, header string, raw []byte) {
		file := raw
		if len(raw) == 0 {
			file = fuzzDocx(t, document, styles, header)
		}
		parts, err := ooxml.Open(file)
		if err != nil {
			return
		}
		d, _, err := Read(parts)
		if err != nil {
			return
		}
		// Bounded work: Layout stops at layout.MaxPages, an error here.
		pages, err := layout.Layout(d)
		if err != nil {
			t.Fatalf("Layout: %v", err)
		}
		if len(pages) == 0 {
			t.Errorf("no page")
		}
		for i, pg := range pages {
			if !(pg.W > 0 && pg.H > 0) {
				t.Errorf("page %d is %v × %v", i+1, pg.W, pg.H)
			}
		}
	})
}
