package docxread

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

const (
	wDoc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ooxmltest.WNS +
		` xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"><w:body>`
	wEnd = `</w:body></w:document>`
	// wordTheme is a theme whose fonts are Word's: Calibri Light for
	// headings, Calibri for the body.
	wordTheme = `<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"><a:themeElements>` +
		`<a:fontScheme name="Office"><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont>` +
		`<a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>`
)

// readStyled reads a body (with styles and Word's theme) and returns the
// document and the warnings.
func readStyled(t *testing.T, body, styles string) (*docmodel.Document, []string) {
	t.Helper()
	parts := ooxmltest.Minimal("")
	parts[3].Data = wDoc + body + wEnd
	parts = ooxmltest.With(parts,
		ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `>` +
			`<Relationship Id="rId1" Type="` + ooxmltest.RelTypes + `styles" Target="styles.xml"/>` +
			`<Relationship Id="rId2" Type="` + ooxmltest.RelTypes + `theme" Target="theme/theme1.xml"/></Relationships>`},
		ooxmltest.Part{Name: "word/styles.xml", Data: `<w:styles ` + ooxmltest.WNS + `>` + styles + `</w:styles>`},
		ooxmltest.Part{Name: "word/theme/theme1.xml", Data: wordTheme})
	p, err := ooxml.Open(ooxmltest.Zip(t, ooxmltest.Declared(parts)))
	if err != nil {
		t.Fatal(err)
	}
	doc, warnings, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	return doc, warnings
}

// inlines are the inlines of the document's paragraphs, in order.
func inlines(doc *docmodel.Document) []docmodel.Inline {
	var out []docmodel.Inline
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if p, ok := b.(*docmodel.Paragraph); ok {
				out = append(out, p.Inlines...)
			}
		}
	}
	return out
}

func run(rPr, text string) string {
	return `<w:r><w:rPr>` + rPr + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

// Each character property is read into the model with its unit: spacing
// in twips, scale in percent, position in half-points, kerning on for any
// non-zero w:kern (LibreOffice ignores Word's threshold), colours as
// RRGGBB with auto and black as none, highlight names as Word's colours,
// shading patterns laid over their fill.
func TestRunPropertiesAreRead(t *testing.T) {
	body := `<w:p>` +
		run(`<w:spacing w:val="-6"/>`, "a") + run(`<w:w w:val="90"/>`, "b") + run(`<w:w w:val="100"/>`, "c") +
		run(`<w:kern w:val="28"/>`, "d") + run(`<w:kern w:val="0"/>`, "e") + run(`<w:position w:val="-6"/>`, "f") +
		run(`<w:vertAlign w:val="superscript"/>`, "g") + run(`<w:vertAlign w:val="subscript"/>`, "h") +
		run(`<w:color w:val="1f3864"/>`, "i") + run(`<w:color w:val="auto"/>`, "j") + run(`<w:color w:val="000000"/>`, "k") +
		run(`<w:highlight w:val="yellow"/>`, "l") + run(`<w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>`, "m") +
		run(`<w:shd w:val="pct25" w:color="auto" w:fill="FFFFFF"/>`, "n") + run(`<w:shd w:val="clear" w:color="auto" w:fill="auto"/>`, "o") +
		run(`<w:spacing w:val="1pt"/>`, "p") + run(`<w:spacing w:val="-999999"/><w:w w:val="5000"/><w:position w:val="99999"/>`, "q") + `</w:p>`
	doc, _ := readStyled(t, body, "")
	got := map[string]docmodel.RunProps{}
	for _, in := range inlines(doc) {
		got[in.Text] = in.Props
	}
	check := func(text string, ok bool, what string) {
		t.Helper()
		if !ok {
			t.Errorf("%q: %s; props %+v", text, what, got[text])
		}
	}
	check("a", got["a"].Spacing == -6, "spacing -6 tw")
	check("b", got["b"].Scale == 90, "scale 90")
	check("c", got["c"].Scale == 0, "scale 100 is none")
	check("d", got["d"].Kern, "kerning on")
	check("e", !got["e"].Kern, "w:kern 0 is off")
	check("f", got["f"].Position == -6, "position -6 half-points")
	check("g", got["g"].VertAlign == docmodel.VertSuper, "superscript")
	check("h", got["h"].VertAlign == docmodel.VertSub, "subscript")
	check("i", got["i"].Color == "1F3864", "colour 1F3864")
	check("j", got["j"].Color == "", "auto is black")
	check("k", got["k"].Color == "", "000000 is black")
	check("l", got["l"].Highlight == "FFFF00", "yellow highlight")
	check("m", got["m"].Shading == "D9D9D9", "clear shading paints its fill")
	check("n", got["n"].Shading == "BFBFBF", "25 % black over white")
	check("o", got["o"].Shading == "", "auto fill paints nothing")
	check("p", got["p"].Spacing == 20, "1pt is 20 tw")
	check("q", got["q"].Spacing == -31680 && got["q"].Scale == 600 && got["q"].Position == 3168, "Word's limits")
}

// A theme font resolves to the theme's typeface; a run's own font, a
// character style and the paragraph style apply in Word's order.
func TestRunFontsResolveThemesAndStyles(t *testing.T) {
	styles := `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/></w:rPr></w:rPrDefault></w:docDefaults>` +
		`<w:style w:type="paragraph" w:styleId="H"><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi"/></w:rPr></w:style>` +
		`<w:style w:type="character" w:styleId="C"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>`
	body := `<w:p>` + run(``, "body") + run(`<w:rStyle w:val="C"/>`, "charstyle") +
		run(`<w:rFonts w:ascii="Times New Roman Bold" w:hAnsi="Times New Roman Bold"/>`, "direct") +
		run(`<w:rFonts w:hAnsi="Tahoma"/>`, "hansi") + `</w:p>` +
		`<w:p><w:pPr><w:pStyle w:val="H"/></w:pPr>` + run(``, "heading") + `</w:p>`
	doc, _ := readStyled(t, body, styles)
	want := map[string]string{"body": "Calibri", "charstyle": "Arial", "direct": "Times New Roman Bold", "hansi": "Tahoma", "heading": "Calibri Light"}
	for _, in := range inlines(doc) {
		if in.Props.Font != want[in.Text] {
			t.Errorf("%s: font %q, want %q", in.Text, in.Props.Font, want[in.Text])
		}
	}
}

// Hidden text (w:vanish) is left out, as Word and LibreOffice leave it out
// of print; the text around it stays.
func TestHiddenTextIsLeftOut(t *testing.T) {
	doc, _ := readStyled(t, `<w:p>`+run(``, "Trước ")+run(`<w:vanish/>`, "ẨN")+run(``, " sau")+`</w:p>`, "")
	var sb strings.Builder
	for _, in := range inlines(doc) {
		sb.WriteString(in.Text)
	}
	if sb.String() != "Trước  sau" {
		t.Errorf("text %q, want %q", sb.String(), "Trước  sau")
	}
}

// Fonts the PDF cannot draw as Word does are named once each, at their
// first paragraph, with the count of paragraphs; a legacy Vietnamese font
// also names its encoding and shows the text as printed and as meant.
// Fonts drawn with their metric twin (Arial, Calibri) and a style named
// in the font ("Times New Roman Bold") give no warning.
func TestFontWarningsNameTheFontOnce(t *testing.T) {
	body := `<w:p>` + run(`<w:rFonts w:ascii="Tahoma" w:hAnsi="Tahoma"/>`, "Một") + `</w:p>` +
		`<w:p>` + run(`<w:rFonts w:ascii="Tahoma" w:hAnsi="Tahoma"/>`, "Hai") + run(`<w:rFonts w:ascii="Tahoma"/><w:b/>`, "đậm") + `</w:p>` +
		`<w:p>` + run(`<w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>`, "Uû ban nh©n d©n") + `</w:p>` +
		`<w:p>` + run(`<w:rFonts w:ascii="Cambria"/>`, "Cambria") + run(`<w:rFonts w:ascii="Arial"/>`, "Arial") +
		run(`<w:rFonts w:ascii="Calibri"/>`, "Calibri") + run(`<w:rFonts w:ascii="Times New Roman Bold"/>`, "TNR") + `</w:p>`
	_, warnings := readStyled(t, body, "")
	if len(warnings) != 3 {
		t.Fatalf("%d warnings, want 3 (Tahoma, .VnTime, Cambria):\n%s", len(warnings), strings.Join(warnings, "\n"))
	}
	for i, want := range [][]string{
		{"đoạn 1 «Một»", "«Tahoma»", "DejaVu Sans", "(2 đoạn dùng phông này)"},
		{"đoạn 3", "«.VnTime»", "TCVN3", "«Uû ban nh©n d©n» thay vì «Uỷ ban nhân dân»", "Unicode"},
		{"đoạn 4", "«Cambria»", "Caladea", "Liberation Serif"},
	} {
		for _, w := range want {
			if !strings.Contains(warnings[i], w) {
				t.Errorf("warning %d lacks %q: %s", i+1, w, warnings[i])
			}
		}
	}
}

// Character formatting the PDF does not show is warned where it is used,
// directly or through a character style; a theme colour without its value
// is drawn black and warned.
func TestUnsupportedRunFormattingIsWarned(t *testing.T) {
	styles := `<w:style w:type="character" w:styleId="Sh"><w:rPr><w:shadow/></w:rPr></w:style>`
	body := `<w:p>` + run(`<w:smallCaps/>`, "nhỏ") + run(`<w:smallCaps w:val="0"/>`, "không") + `</w:p>` +
		`<w:p>` + run(`<w:rStyle w:val="Sh"/>`, "bóng") + `</w:p>` +
		`<w:p>` + run(`<w:color w:themeColor="accent2"/>`, "chủ đề") + run(`<w:color w:val="2F5496" w:themeColor="accent1"/>`, "có mã") + `</w:p>` +
		`<w:p>` + run(`<w:em w:val="dot"/>`, "nhấn") + run(`<w:em w:val="none"/>`, "thường") + `</w:p>` +
		`<w:p>` + run(`<w14:glow w14:rad="63500"/>`, "sáng") + `</w:p>`
	_, warnings := readStyled(t, body, styles)
	want := []string{"đoạn 1 «nhỏkhông»: định dạng ký tự chưa được hỗ trợ, PDF in chữ thường: chữ hoa nhỏ (smallCaps)",
		"đoạn 2 «bóng»: định dạng ký tự chưa được hỗ trợ, PDF in chữ thường: chữ bóng (shadow)",
		"đoạn 3 «chủ đềcó mã»: màu chữ theo chủ đề (themeColor) không kèm mã màu: in màu đen như LibreOffice",
		"đoạn 4 «nhấnthường»: định dạng ký tự chưa được hỗ trợ, PDF in chữ thường: dấu nhấn (w:em)",
		"đoạn 5 «sáng»: hiệu ứng chữ của Word (w14:glow) chưa được hỗ trợ: PDF in chữ thường"}
	if len(warnings) != len(want) {
		t.Fatalf("%d warnings, want %d:\n%s", len(warnings), len(want), strings.Join(warnings, "\n"))
	}
	for i, w := range want {
		if !strings.HasSuffix(warnings[i], w) {
			t.Errorf("warning %d = %q, want …%q", i+1, warnings[i], w)
		}
	}
}
