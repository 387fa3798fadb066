package dossier_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/testtool"
	"golang.org/x/text/unicode/norm"
)

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// drawable reports whether the PDF fonts draw every character of s (the
// ranges the layout engine measures: Latin, Vietnamese, punctuation), so
// that its text can be found in the PDF. Other scripts are kept in the
// DOCX but have no glyph in the PDF.
func drawable(s string) bool {
	for _, r := range s {
		switch {
		case r >= 0x20 && r <= 0x7e, r >= 0xa0 && r <= 0x24f && r != 0xad, r >= 0x1ea0 && r <= 0x1ef9,
			r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x2044, r == 0x20ab, r == 0x20ac, r == 0x2116, r == 0x2122,
			r == '\n', r == '\t':
		default:
			return false
		}
	}
	return true
}

// FuzzDossierPDF puts arbitrary text in a nominee's name and achievement
// paragraph of the minimal sample and builds the whole dossier. Text the
// validation refuses gives an input error; any other text gives DOCX files
// that re-open and parse, and PDFs that pass pdfcpu's strict validation;
// when the fonts draw every character, the text of the nominee's report
// (read back with pdftotext) holds every word of both values. The work is
// bounded by the text put in: the name is printed four times (Danh sách,
// Biên bản, twice in the report) and the paragraph once, each byte on a
// line at most, and a page holds more than 15 lines even under a repeated
// table header; each printing may also push a row or paragraph onto a new
// page.
func FuzzDossierPDF(f *testing.F) {
	f.Add("Võ Thị Mỹ Duyên", "Hoàn thành xuất sắc nhiệm vụ năm 2025.")
	f.Add("A&B <Hồ> \"Sơn\" 'x'", "{{ho_ten}} {{end}} {{for x in de_nghi}} & &amp; <w:t> ]]>")
	f.Add("Nguyễn Văn Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười Mười Một", strings.Repeat("Thiđuayêunướcthiđuayêunước ", 40))
	f.Add("Trần\u00a0Thị Bích", "Dòng 1\nDòng 2\tcột ‘x’ “y” – — … № 5 ₫ €")
	f.Add("Lê", "Ủy ban nhân dân\u200b")
	f.Add("Đặng Thị Ửng", "x")
	f.Add("Võ Thị 美 Duyên", "😀 Chúc mừng 🎉") // refused: no emoji in a document
	basePages := 0
	base, err := dossier.Build(sampleMin, []byte(readFile(f, sampleMin)), sets(f))
	if err == nil {
		err = base.RenderPDF()
	}
	if err != nil {
		f.Fatal(err)
	}
	for _, doc := range base.Documents {
		basePages += doc.Pages
	}
	f.Fuzz(func(t *testing.T, name, paragraph string) {
		src := strings.Replace(readFile(t, sampleMin), `ho_ten = "Võ Thị Mỹ Duyên"`, "ho_ten = "+tomlString(name), 1)
		src = strings.Replace(src, `"Hoàn thành xuất sắc nhiệm vụ năm 2025; tổ chức tiêm chủng mở rộng đạt tỷ lệ 99% trẻ em trong độ tuổi."`,
			tomlString(paragraph), 1)
		d, err := dossier.Build("f.toml", []byte(src), sets(t))
		var ie *dossier.InputError
		if errors.As(err, &ie) {
			return
		}
		if err != nil {
			t.Fatalf("Build: %v", err)
		}
		if err := d.RenderPDF(); err != nil {
			t.Fatalf("RenderPDF: %v", err)
		}
		for _, doc := range d.Documents {
			open(t, doc.DOCX, doc.Bytes)
			if err := pdftest.Validate(doc.PDFBytes); err != nil {
				t.Fatalf("%s: %v", doc.PDF, err)
			}
		}
		if err := pdftest.Validate(d.Merged); err != nil {
			t.Fatalf("%s: %v", dossier.MergedName, err)
		}
		pages := 0
		for _, doc := range d.Documents {
			pages += doc.Pages
		}
		if most := basePages + 4*(len(name)/15+2) + len(paragraph)/15 + 2; pages > most {
			t.Fatalf("%d pages for a name of %d bytes and a paragraph of %d, want at most %d", pages, len(name), len(paragraph), most)
		}
		// The nominee's report holds the name and the paragraph. Text is
		// compared word by word: a justified line ending in a line break
		// spreads its words over the line, and the text extractor may then
		// read them in another order.
		var report string
		for _, doc := range d.Documents {
			if doc.Part == "bao-cao-thanh-tich" {
				report = testtool.PDFText(t, doc.PDFBytes)
			}
		}
		squeeze := func(s string) string {
			return strings.Map(func(r rune) rune {
				if r == '-' {
					return -1
				}
				return r
			}, norm.NFC.String(s))
		}
		got := squeeze(report)
		need := map[string]int{}
		for _, v := range []string{name, paragraph} {
			v = norm.NFC.String(v)
			if !drawable(v) || strings.ContainsFunc(v, func(r rune) bool { return unicode.Is(unicode.Mn, r) }) {
				continue
			}
			for _, w := range strings.Fields(squeeze(v)) {
				need[w]++
			}
		}
		for w, n := range need {
			if strings.Count(got, w) < n {
				t.Fatalf("the report's PDF holds %q %d times, want %d:\n%s", w, strings.Count(got, w), n, report)
			}
		}
	})
}

// renameDuyen gives Võ Thị Mỹ Duyên of the minimal sample the name name
// in the body of every document that names her.
func renameDuyen(t *testing.T, d *dossier.Dossier, name string) {
	t.Helper()
	renamed := 0
	for _, doc := range d.Documents {
		if strings.Contains(ooxmltest.PartIn(t, doc.Bytes, "word/document.xml"), "Võ Thị Mỹ Duyên") {
			doc.Bytes = ooxmltest.Rezip(t, doc.Bytes, func(part string, data []byte) ([]byte, bool) {
				if part == "word/document.xml" {
					data = bytes.ReplaceAll(data, []byte("Võ Thị Mỹ Duyên"), []byte(name))
				}
				return data, true
			})
			renamed++
		}
	}
	if renamed == 0 {
		t.Fatal("no document names Võ Thị Mỹ Duyên")
	}
}

// An emoji that reaches a document (the validation refuses it in a
// submission; a template may still hold one) is drawn as U+FFFD: it
// crashed the PDF writer (found while writing FuzzDossierPDF).
func TestEmojiInADocumentDoesNotCrashThePDF(t *testing.T) {
	d := build(t, sampleMin, readFile(t, sampleMin))
	renameDuyen(t, d, "Võ Thị 😀 Duyên")
	if err := d.RenderPDF(); err != nil {
		t.Fatal(err)
	}
	for _, doc := range d.Documents {
		if err := pdftest.Validate(doc.PDFBytes); err != nil {
			t.Errorf("%s: %v", doc.PDF, err)
		}
	}
	if text := testtool.PDFText(t, d.Merged); !strings.Contains(text, "Võ Thị \uFFFD Duyên") {
		t.Errorf("the emoji is not drawn as U+FFFD")
	}
}

// A character the font lacks (here Chinese and Thai, which Word would draw
// with a fallback font) cannot be drawn: the PDF shows a box, and the
// manifest names every such character, so nothing is lost silently.
func TestCharactersTheFontLacksAreReported(t *testing.T) {
	d := build(t, sampleMin, readFile(t, sampleMin))
	renameDuyen(t, d, "Võ Thị Mỹ Duyên 世界 ไทย")
	if err := d.RenderPDF(); err != nil {
		t.Fatal(err)
	}
	reported := 0
	for _, doc := range d.Documents {
		for _, w := range doc.Warnings {
			if strings.Contains(w, "không có") && strings.Contains(w, "U+4E16") && strings.Contains(w, "U+0E44") {
				reported++
			}
			if strings.Contains(w, "«ỹ»") || strings.Contains(w, "«Đ»") {
				t.Errorf("%s: a Vietnamese letter reported missing: %s", doc.DOCX, w)
			}
		}
	}
	if reported == 0 {
		t.Errorf("no document reports the characters the font lacks")
	}
	// The samples as they are report none.
	for _, path := range []string{sampleWard, sampleMin, "../../samples/quan-tan-binh-2025.toml"} {
		d := build(t, path, readFile(t, path))
		if err := d.RenderPDF(); err != nil {
			t.Fatal(err)
		}
		for _, doc := range d.Documents {
			for _, w := range doc.Warnings {
				if strings.Contains(w, "phông chữ") {
					t.Errorf("%s: %s", doc.DOCX, w)
				}
			}
		}
	}
}
