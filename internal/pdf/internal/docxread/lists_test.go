package docxread

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// readParts reads a DOCX made of a body and the given parts (styles.xml,
// numbering.xml, settings.xml, footnotes.xml, endnotes.xml), each related
// from the document.
func readParts(t *testing.T, body string, parts map[string]string) (*docmodel.Document, []string) {
	t.Helper()
	kinds := map[string]string{"styles.xml": "styles", "numbering.xml": "numbering", "settings.xml": "settings",
		"footnotes.xml": "footnotes", "endnotes.xml": "endnotes"}
	if _, ok := parts["styles.xml"]; !ok {
		parts["styles.xml"] = wpart("styles", "")
	}
	rels := `<Relationships ` + ooxmltest.RelsNS + `>`
	all := ooxmltest.Minimal(body)
	for name, data := range parts {
		rels += `<Relationship Id="r` + kinds[name] + `" Type="` + ooxmltest.RelTypes + kinds[name] + `" Target="` + name + `"/>`
		all = ooxmltest.With(all, ooxmltest.Part{Name: "word/" + name, Data: data})
	}
	all = ooxmltest.With(all, ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: rels + `</Relationships>`})
	p, err := ooxml.Open(ooxmltest.Zip(t, ooxmltest.Declared(all)))
	if err != nil {
		t.Fatal(err)
	}
	doc, warnings, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	return doc, warnings
}

// wpart wraps the children of a part's root element.
func wpart(root, inner string) string {
	return `<w:` + root + ` ` + ooxmltest.WNS + `>` + inner + `</w:` + root + `>`
}

// lvl is a w:lvl; extra goes after lvlJc (suff, rPr, pPr…).
func lvl(i int, format, text string, left, hanging int, extra string) string {
	return `<w:lvl w:ilvl="` + strconv.Itoa(i) + `"><w:start w:val="1"/><w:numFmt w:val="` + format + `"/><w:lvlText w:val="` + text +
		`"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` + strconv.Itoa(left) + `" w:hanging="` + strconv.Itoa(hanging) + `"/></w:pPr>` + extra + `</w:lvl>`
}

// numbered is a paragraph in list numID at level ilvl.
func numbered(numID, ilvl int, text, pPr string) string {
	return `<w:p><w:pPr>` + pPr + `<w:numPr><w:ilvl w:val="` + strconv.Itoa(ilvl) + `"/><w:numId w:val="` + strconv.Itoa(numID) + `"/></w:numPr></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
}

func labels(doc *docmodel.Document) []string {
	var out []string
	for _, b := range doc.Sections[0].Blocks {
		if p, ok := b.(*docmodel.Paragraph); ok {
			if p.Label == nil {
				out = append(out, "-")
			} else {
				out = append(out, p.Label.Text)
			}
		}
	}
	return out
}

// The fixture 06 lists, as LibreOffice 7.4 numbers them (WORD-FEATURES.md
// §6, m06_numbering.py 6b): continuation across an ordinary paragraph,
// sublevels restarting under a new item, a second w:num of the same
// abstractNum with startOverride 1 and 5, multi-level text, Roman
// headings (each %n in its own level's format: "2.b.1."), numbering switched
// off by numId 0.
func TestListLabelsCountAsLibreOffice(t *testing.T) {
	numbering := wpart("numbering",
		`<w:abstractNum w:abstractNumId="0">`+lvl(0, "upperRoman", "%1.", 567, 567, `<w:rPr><w:b/></w:rPr>`)+`</w:abstractNum>`+
			`<w:abstractNum w:abstractNumId="1">`+lvl(0, "decimal", "%1.", 927, 360, "")+lvl(1, "lowerLetter", "%2)", 1287, 360, "")+
			lvl(2, "decimal", "%1.%2.%3.", 1647, 360, "")+`</w:abstractNum>`+
			`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`+
			`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`+
			`<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`+
			`<w:num w:numId="8"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>`+
			`<w:num w:numId="9"><w:abstractNumId w:val="1"/></w:num>`)
	body := numbered(1, 0, "MỤC ĐÍCH", "") +
		numbered(2, 0, "a", "") + numbered(2, 0, "b", "") + numbered(2, 1, "c", "") + numbered(2, 1, "d", "") +
		numbered(2, 2, "e", "") + `<w:p><w:r><w:t>chen giữa</w:t></w:r></w:p>` + numbered(2, 0, "f", "") + numbered(2, 1, "g", "") +
		numbered(1, 0, "NỘI DUNG", "") + numbered(7, 0, "h", "") + numbered(9, 0, "i", "") + numbered(8, 0, "j", "") + numbered(8, 0, "k", "") +
		numbered(0, 0, "tắt", "")
	doc, warnings := readParts(t, body, map[string]string{"numbering.xml": numbering})
	want := []string{"I.", "1.", "2.", "a)", "b)", "2.b.1.", "-", "3.", "a)", "II.", "1.", "2.", "5.", "6.", "-"}
	if got := labels(doc); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("labels\n got %v\nwant %v", got, want)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
}

// A level's indent replaces the paragraph style's and gives way to the
// paragraph's own; its rPr adds to the paragraph mark's; suffix and
// alignment are carried.
func TestListLevelPropertiesAndPrecedence(t *testing.T) {
	styles := wpart("styles", `<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>`+
		`<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>`)
	numbering := wpart("numbering", `<w:abstractNum w:abstractNumId="0">`+
		lvl(0, "decimal", "Điều %1.", 0, 0, `<w:suff w:val="space"/><w:rPr><w:b/><w:sz w:val="24"/></w:rPr>`)+
		strings.Replace(lvl(1, "lowerRoman", "%2)", 927, 360, `<w:suff w:val="nothing"/>`), `w:val="left"`, `w:val="right"`, 1)+
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	body := numbered(1, 0, "a", `<w:pStyle w:val="ListParagraph"/>`) +
		numbered(1, 1, "b", `<w:pStyle w:val="ListParagraph"/>`) +
		numbered(1, 1, "c", `<w:pStyle w:val="ListParagraph"/><w:ind w:left="1500"/><w:rPr><w:i/></w:rPr>`)
	doc, _ := readParts(t, body, map[string]string{"styles.xml": styles, "numbering.xml": numbering})
	ps := doc.Sections[0].Blocks
	p0, p1, p2 := ps[0].(*docmodel.Paragraph), ps[1].(*docmodel.Paragraph), ps[2].(*docmodel.Paragraph)
	if p0.Props.IndLeft != 0 || p0.Props.FirstLine != 0 {
		t.Errorf("level 0 indent %d/%d, want the level's 0/0 over the style's 720", p0.Props.IndLeft, p0.Props.FirstLine)
	}
	if l := p0.Label; l.Text != "Điều 1." || !l.Props.Bold || l.Props.Size != 24 || l.Suffix != docmodel.SuffixSpace {
		t.Errorf("level 0 label %+v, want «Điều 1.» bold 12 pt, space suffix", l)
	}
	if p1.Props.IndLeft != 927 || p1.Props.FirstLine != -360 || p1.Label.Align != docmodel.AlignRight ||
		p1.Label.Suffix != docmodel.SuffixNothing || p1.Label.Text != "i)" {
		t.Errorf("level 1: indent %d/%d label %+v", p1.Props.IndLeft, p1.Props.FirstLine, p1.Label)
	}
	if p2.Props.IndLeft != 1500 || p2.Props.FirstLine != -360 || !p2.Label.Props.Italic || p2.Label.Text != "ii)" {
		t.Errorf("direct indent and mark: indent %d/%d label %+v", p2.Props.IndLeft, p2.Props.FirstLine, p2.Label)
	}
}

// Numbering that comes from a paragraph style (Heading 1 with numPr, the
// level found by the level's pStyle), a list whose levels come through a
// numbering style (numStyleLink), and lvlRestart 0 (never restart).
func TestListNumberingFromStyles(t *testing.T) {
	styles := wpart("styles",
		`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`+
			`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/></w:style>`+
			`<w:style w:type="numbering" w:styleId="Outline"><w:name w:val="Outline"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>`)
	numbering := wpart("numbering", `<w:abstractNum w:abstractNumId="0"><w:styleLink w:val="Outline"/>`+
		strings.Replace(lvl(0, "decimal", "Chương %1", 0, 0, ""), `<w:lvlJc`, `<w:pStyle w:val="Heading1"/><w:lvlJc`, 1)+
		strings.Replace(lvl(1, "decimal", "%1.%2", 0, 0, ""), `<w:lvlJc`, `<w:pStyle w:val="Heading2"/><w:lvlRestart w:val="0"/><w:lvlJc`, 1)+
		`</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:numStyleLink w:val="Outline"/></w:abstractNum>`+
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>`)
	h := func(style, text string) string {
		return `<w:p><w:pPr><w:pStyle w:val="` + style + `"/></w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	body := h("Heading1", "A") + h("Heading2", "B") + h("Heading1", "C") + h("Heading2", "D") + numbered(2, 0, "E", "")
	doc, warnings := readParts(t, body, map[string]string{"styles.xml": styles, "numbering.xml": numbering})
	want := "Chương 1 1.1 Chương 2 2.2 Chương 3"
	if got := strings.Join(labels(doc), " "); got != want {
		t.Errorf("labels %q, want %q", got, want)
	}
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
}

// Symbol and Wingdings bullets become the characters LibreOffice draws for
// them; a character the embedded font lacks is drawn as a near one with a
// warning, as are picture bullets and formats hoso does not know.
func TestBulletsAndWarnings(t *testing.T) {
	bullet := func(i int, text, font string) string {
		return lvl(i, "bullet", text, 720, 360, `<w:rPr><w:rFonts w:ascii="`+font+`" w:hAnsi="`+font+`"/></w:rPr>`)
	}
	numbering := wpart("numbering", `<w:abstractNum w:abstractNumId="0">`+bullet(0, "\uf0b7", "Symbol")+bullet(1, "\uf0a7", "Wingdings")+
		bullet(2, "\uf0fc", "Wingdings")+bullet(3, "o", "Courier New")+bullet(4, "·", "Symbol")+
		strings.Replace(bullet(5, "\uf0b7", "Symbol"), `<w:lvlJc`, `<w:lvlPicBulletId w:val="0"/><w:lvlJc`, 1)+
		lvl(6, "vietnameseCounting", "%7.", 720, 360, "")+
		`</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`)
	var body string
	for i := range 7 {
		body += numbered(1, i, "x", "")
	}
	body += numbered(5, 0, "không có", "")
	doc, warnings := readParts(t, body, map[string]string{"numbering.xml": numbering})
	want := "• ▪ √ o • • 1. -"
	if got := strings.Join(labels(doc), " "); got != want {
		t.Errorf("labels %q, want %q", got, want)
	}
	for _, w := range []string{"đoạn 3 «x»: dấu đầu dòng «✓» (phông Wingdings) không có trong phông chữ nhúng (Liberation Serif): in thành «√»",
		"đoạn 6 «x»: dấu đầu dòng bằng hình ảnh", "đoạn 7 «x»: đánh số tự động kiểu «vietnameseCounting»",
		"đoạn 8 «không có»: đánh số tự động: không tìm thấy danh sách số 5",
		"đoạn 4 «x»: phông «Courier New»: LibreOffice vẽ bằng Liberation Mono"} {
		if !hasWarning(warnings, w) {
			t.Errorf("no warning %q in %v", w, warnings)
		}
	}
	if len(warnings) != 5 {
		t.Errorf("%d warnings, want 5: %v", len(warnings), warnings)
	}
	// A symbol font's bullet is drawn in Liberation Serif; another font's
	// label in the font it names (like any run).
	var fonts []string
	for _, b := range doc.Sections[0].Blocks {
		if p, ok := b.(*docmodel.Paragraph); ok && p.Label != nil {
			fonts = append(fonts, p.Label.Props.Font)
		}
	}
	if got := strings.Join(fonts, ","); got != ",,,Courier New,,," {
		t.Errorf("label fonts %q, want only Courier New named", got)
	}
}

// A numbered paragraph whose list is nowhere (no numbering.xml) is warned
// about: Word prints no number either, but the template is likely broken.
func TestNumberingWithoutNumberingPart(t *testing.T) {
	doc, warnings := readParts(t, numbered(3, 0, "Mục", ""), map[string]string{})
	if doc.Sections[0].Blocks[0].(*docmodel.Paragraph).Label != nil || len(warnings) != 1 ||
		!strings.Contains(warnings[0], "đoạn 1 «Mục»: đánh số tự động: không tìm thấy danh sách số 3") {
		t.Errorf("warnings %v", warnings)
	}
}

func hasWarning(ws []string, part string) bool {
	for _, w := range ws {
		if strings.Contains(w, part) {
			return true
		}
	}
	return false
}

func TestNumberFormats(t *testing.T) {
	for _, c := range []struct {
		n      int
		format string
		want   string
	}{{4, "upperRoman", "IV"}, {1994, "upperRoman", "MCMXCIV"}, {9, "lowerRoman", "ix"}, {4000, "upperRoman", "4000"},
		{1, "lowerLetter", "a"}, {26, "upperLetter", "Z"}, {27, "lowerLetter", "aa"}, {53, "lowerLetter", "aaa"},
		{7, "decimalZero", "07"}, {12, "decimalZero", "12"}, {3, "none", ""}, {3, "bullet", ""}, {5, "chicago", "**"}, {2, "decimal", "2"}} {
		if got, ok := formatNumber(c.n, c.format); got != c.want || !ok {
			t.Errorf("formatNumber(%d, %s) = %q, %v; want %q", c.n, c.format, got, ok, c.want)
		}
	}
	if got, ok := formatNumber(3, "ordinalText"); got != "3" || ok {
		t.Errorf("an unknown format: %q, %v; want 3 in decimal, not ok", got, ok)
	}
}
