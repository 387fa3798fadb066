package tplcheck_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/tplcheck"
	"github.com/hoso-vn/hoso/templates"
)

var schema = reflect.TypeOf(dossier.Data{})

func describe(r *tplcheck.Report) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString("\n  " + f.Code + " " + f.String())
	}
	return b.String()
}

func TestShippedAndRoundTrippedSetsPass(t *testing.T) {
	for name, fsys := range map[string]fs.FS{
		"templates/":    templates.FS,
		"testdata/lo":   os.DirFS("testdata/lo"),
		"testdata/word": os.DirFS("testdata/word"),
	} {
		r := tplcheck.CheckFS(fsys, schema)
		if r.Errors() > 0 || r.Warnings() > 0 {
			t.Errorf("%s: %d errors, %d warnings:%s", name, r.Errors(), r.Warnings(), describe(r))
		}
		if strings.Join(r.Sets, ",") != "nd98-2023,nd152-2025" {
			t.Errorf("%s: sets %v", name, r.Sets)
		}
	}
}

// TestBrokenFixturesAreReported checks every committed broken set is
// refused with exactly its problem, located the way a person finds it.
func TestBrokenFixturesAreReported(t *testing.T) {
	cases := []struct {
		dir, code, file, part, where, msg, fix string
	}{
		{"truong-la", tplcheck.CodeUnknown, "to-trinh.docx", "thân văn bản", "đoạn 12 «{{van_ban.trich_yu}}»",
			`không có trường "van_ban.trich_yu"`, "{{van_ban.trich_yeu}}"},
		{"vong-lap-ho", tplcheck.CodeUnbalanced, "bien-ban.docx", "thân văn bản", "«{{for d in bien_ban.noi_dung}}»",
			"thiếu {{end}}", "thêm {{end}}"},
		{"the-dau-trang", tplcheck.CodeUnfilled, "bao-cao-ca-nhan.docx", "đầu trang các trang sau trang đầu", "đoạn 2 «{{doi_tuong.ho_ten}}»",
			"chỉ được đặt trong thân văn bản", "thân văn bản"},
		{"phong-arial", tplcheck.CodeFont, "bao-cao-tap-the.docx", "thân văn bản", "«BÁO CÁO THÀNH TÍCH»",
			"«Arial» (ascii, hAnsi)", "Times New Roman"}, // cs: only for complex-script text
		{"kho-letter", tplcheck.CodePageSize, "xac-nhan-thue.docx", "thân văn bản", "phần (section) 1",
			"216 × 279 mm (Letter)", "A4"},
		{"vong-lap-lech", tplcheck.CodeMisplaced, "to-trinh.docx", "thân văn bản", "bảng 3, hàng 2, ô 1",
			"{{for g in nhom}} (ở bảng 3, hàng 2, ô 1) và {{end}} của nó (ở đoạn 70, ngoài bảng)", "cùng một bảng"},
	}
	for _, c := range cases {
		t.Run(c.dir, func(t *testing.T) {
			r := tplcheck.CheckFS(os.DirFS(filepath.Join("testdata", "broken", c.dir)), schema)
			if r.Errors() != 1 || len(r.Findings) != 1 {
				t.Fatalf("want exactly one error, got %d errors, %d findings:%s", r.Errors(), len(r.Findings), describe(r))
			}
			f := r.Findings[0]
			if f.Code != c.code || f.File != c.file || f.Part != c.part || !strings.Contains(f.Where, c.where) ||
				!strings.Contains(f.Message, c.msg) || !strings.Contains(f.Fix, c.fix) || f.Set != "hong-"+c.dir {
				t.Errorf("got %+v", f)
			}
		})
	}
}

// tempSet copies nd152-2025 into a temporary folder, applying edit to the
// named template, and returns the folder.
func tempSet(t *testing.T, file string, edit func(raw []byte) []byte) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := fs.ReadDir(templates.FS, "nd152-2025")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, err := fs.ReadFile(templates.FS, path.Join("nd152-2025", e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == file {
			raw = edit(raw)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// findOne checks the report has a finding with code, severity and the
// substrings in its place and message.
func findOne(t *testing.T, r *tplcheck.Report, code string, sev tplcheck.Severity, where, msg string) {
	t.Helper()
	for _, f := range r.Findings {
		if f.Code == code && f.Severity == sev && strings.Contains(f.Part+", "+f.Where, where) && strings.Contains(f.Message, msg) {
			if f.Fix == "" {
				t.Errorf("finding without a fix: %v", f)
			}
			return
		}
	}
	t.Errorf("no %s %s at %q with %q:%s", sev, code, where, msg, describe(r))
}

func bodyEdit(t *testing.T, fn func(doc *etree.Document)) func([]byte) []byte {
	return func(raw []byte) []byte { return editPart(t, raw, "word/document.xml", fn) }
}

// firstText returns the w:t whose text is s.
func firstText(t *testing.T, doc *etree.Document, s string) *etree.Element {
	t.Helper()
	for _, e := range doc.FindElements("//w:t") {
		if e.Text() == s {
			return e
		}
	}
	t.Fatalf("no text %q", s)
	return nil
}

// docxCase is one change to a shipped template and the finding it must
// give (code, severity, and substrings of its place and message).
type docxCase struct {
	name, file string
	edit       func(t *testing.T) func([]byte) []byte
	code       string
	sev        tplcheck.Severity
	where, msg string
}

// docxPageCases: the package, fonts, page size and margins, and what the
// PDF does not draw (numbering, images, columns, fields, footnotes…).
var docxPageCases = []docxCase{
	{"theme font in the defaults", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			// the defaults take a theme font and the Normal style no longer overrides them
			raw = replaceText(t, raw, "word/styles.xml", `<w:qFormat/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/></w:rPr>`, `<w:qFormat/>`)
			return replaceText(t, raw, "word/styles.xml", `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`,
				`<w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/>`)
		}
	}, tplcheck.CodeThemeFont, tplcheck.Error, "kiểu (word/styles.xml), mặc định của tài liệu (docDefaults)", "minorHAnsi"},
	{"other font in the Normal style", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			return replaceText(t, raw, "word/styles.xml", `<w:qFormat/><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"`, `<w:qFormat/><w:rPr><w:rFonts w:ascii="Cambria" w:hAnsi="Cambria"`)
		}
	}, tplcheck.CodeFont, tplcheck.Error, "kiểu «Normal»", "«Cambria» (ascii, hAnsi)"},
	{"complex-script font in a run marked right-to-left", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			raw = lowriterCS(t, raw)
			return bodyEdit(t, func(doc *etree.Document) {
				run := firstText(t, doc, "TỜ TRÌNH").Parent()
				rPr := run.SelectElement("w:rPr")
				if rPr == nil {
					rPr = run.CreateElement("w:rPr")
					run.InsertChildAt(0, rPr)
				}
				rPr.CreateElement("w:rtl")
			})(raw)
		}
	}, tplcheck.CodeFont, tplcheck.Error, "kiểu «Normal»", "«DejaVu Sans» (cs)"},
	{"complex-script font for Arabic characters", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			raw = lowriterCS(t, raw)
			return bodyEdit(t, func(doc *etree.Document) {
				firstText(t, doc, "TỜ TRÌNH").SetText("TỜ TRÌNH مرحبا")
			})(raw)
		}
	}, tplcheck.CodeFont, tplcheck.Warning, "kiểu «Normal»", "«DejaVu Sans» (cs: phông cho chữ Ả Rập"},
	{"margins of Word's default", "bien-ban.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			for _, m := range doc.FindElements("//w:pgMar") {
				for _, a := range []string{"w:top", "w:bottom", "w:left", "w:right"} {
					m.CreateAttr(a, "1440")
				}
			}
		})
	}, tplcheck.CodeMargins, tplcheck.Error, "phần (section) 1", "lề trái 25,4 mm (cần 30–35 mm)"},
	{"landscape", "bien-ban.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			pg := doc.FindElement("//w:pgSz")
			pg.CreateAttr("w:w", "16838")
			pg.CreateAttr("w:h", "11906")
			pg.CreateAttr("w:orient", "landscape")
		})
	}, tplcheck.CodeLandscape, tplcheck.Warning, "phần (section) 1, cả văn bản", "Nghị định 30/2020/NĐ-CP cho phép dùng trang ngang cho bảng rộng"},
	{"landscape Letter", "bien-ban.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			pg := doc.FindElement("//w:pgSz")
			pg.CreateAttr("w:w", "15840")
			pg.CreateAttr("w:h", "12240")
			pg.CreateAttr("w:orient", "landscape")
		})
	}, tplcheck.CodePageSize, tplcheck.Error, "phần (section) 1", "216 × 279 mm (Letter), không phải A4"},
	{"numbering", "bao-cao-ca-nhan.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			p := firstText(t, doc, "I. SƠ LƯỢC LÝ LỊCH").Parent().Parent()
			num := p.SelectElement("w:pPr").CreateElement("w:numPr")
			num.CreateElement("w:numId").CreateAttr("w:val", "1")
		})
	}, tplcheck.CodeLayout, tplcheck.Warning, "thân văn bản, đoạn 14 «I. SƠ LƯỢC LÝ LỊCH»", "đánh số tự động: không tìm thấy danh sách số 1"},
	{"bullet the PDF draws as another", "bao-cao-ca-nhan.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			// a paragraph whose text has a colon of its own, as the renderer quotes it
			return withList(t, raw, `- Quê quán: {{doi_tuong.que_quan | mac_dinh:"………………………………"}}`, `<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="`+"\uf0fc"+
				`"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl>`)
		}
	}, tplcheck.CodeLayout, tplcheck.Warning, "thân văn bản, đoạn 17 «- Quê quán: {{doi_tuong.que_quan | mac_…»", "dấu đầu dòng «✓» (phông Wingdings) không có trong phông chữ nhúng"},
	{"group of shapes", "bao-cao-ca-nhan.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			doc.Root().CreateAttr("xmlns:v", "urn:schemas-microsoft-com:vml")
			run := firstText(t, doc, "BÁO CÁO THÀNH TÍCH").Parent()
			run.Parent().AddChild(etree.NewElement("w:r"))
			run.Parent().ChildElements()[len(run.Parent().ChildElements())-1].CreateElement("w:pict").CreateElement("v:group")
		})
	}, tplcheck.CodeLayout, tplcheck.Warning, "thân văn bản, đoạn 11 «BÁO CÁO THÀNH TÍCH»", "nhóm hình (group) chưa được hỗ trợ trong PDF"},
	{"two columns", "bao-cao-tap-the.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			doc.FindElement("//w:sectPr/w:cols").CreateAttr("w:num", "2")
		})
	}, tplcheck.CodeLayout, tplcheck.Warning, "thân văn bản", "văn bản nhiều cột chưa được hỗ trợ"},
	{"date field", "xac-nhan-thue.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			p := firstText(t, doc, "Trân trọng./.").Parent().Parent()
			f := p.CreateElement("w:fldSimple")
			f.CreateAttr("w:instr", " DATE \\@ \"dd/MM/yyyy\" ")
		})
	}, tplcheck.CodeLayout, tplcheck.Warning, "«Trân trọng./.»", "trường (field) DATE"},
	{"footnote", "xac-nhan-thue.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			r := firstText(t, doc, "Trân trọng./.").Parent()
			r.CreateElement("w:footnoteReference").CreateAttr("w:id", "1")
		})
	}, tplcheck.CodeLayout, tplcheck.Warning, "thân văn bản, đoạn 42 «Trân trọng./.»", "chú thích cuối trang số 1 không có trong footnotes.xml"},
	{"even and odd headers", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			return editPart(t, raw, "word/settings.xml", func(doc *etree.Document) {
				doc.Root().CreateElement("w:evenAndOddHeaders")
			})
		}
	}, tplcheck.CodeLayout, tplcheck.Warning, "settings.xml", "chẵn/lẻ"},
	{"no page number", "bien-ban.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			return replaceText(t, raw, "word/header1.xml", " PAGE ", " NUMPAGES ")
		}
	}, tplcheck.CodePageNumber, tplcheck.Warning, "phần (section) 1", "không có số trang"},
}

// docxTagCases: the tags: their syntax and format, unknown fields and
// formatters, fields of another part, formatters given the wrong kind.
var docxTagCases = []docxCase{
	{"stray closing braces", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "TỜ TRÌNH").SetText("TỜ TRÌNH co_quan.ten}}")
		})
	}, tplcheck.CodeTagSyntax, tplcheck.Error, "«TỜ TRÌNH co_quan.ten}}»", "«}}»"},
	{"single braces", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "TỜ TRÌNH").SetText("TỜ TRÌNH {co_quan.ten}")
		})
	}, tplcheck.CodeTagSyntax, tplcheck.Warning, "«TỜ TRÌNH {co_quan.ten}»", "thiếu dấu ngoặc"},
	{"tag in deleted text", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			p := firstText(t, doc, "TỜ TRÌNH").Parent().Parent()
			del := p.CreateElement("w:del")
			del.CreateElement("w:r").CreateElement("w:delText").SetText("{{co_quan.ten}}")
		})
	}, tplcheck.CodeUnfilled, tplcheck.Error, "«TỜ TRÌNH»", "đã xoá"},
	{"unknown field in a branch the samples never take", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "TỜ TRÌNH").SetText("TỜ TRÌNH{{if so_tap_the == \"999\"}}{{co_quan.ten_tat}}{{end}}")
		})
	}, tplcheck.CodeUnknown, tplcheck.Error, "«TỜ TRÌNH{{if", `"co_quan.ten_tat"`},
	{"report field in the Tờ trình", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "TỜ TRÌNH").SetText("TỜ TRÌNH {{doi_tuong.ten}}")
		})
	}, tplcheck.CodePartFields, tplcheck.Warning, "thân văn bản", "doi_tuong"},
	{"letter field in the Tờ trình", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "TỜ TRÌNH").SetText("TỜ TRÌNH {{cong_van.co_quan}}")
		})
	}, tplcheck.CodePartFields, tplcheck.Warning, "thân văn bản", "cong_van"},
	// A letter may be grouped per office (gop_theo): then it has no
	// one nominee.
	{"report field in a letter", "xac-nhan-thue.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "Trân trọng./.").SetText("Trân trọng {{doi_tuong.ten}}./.")
		})
	}, tplcheck.CodePartFields, tplcheck.Warning, "thân văn bản", "doi_tuong"},
	{"macro-enabled document", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return func(raw []byte) []byte {
			return replaceText(t, raw, "[Content_Types].xml", "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
		}
	}, tplcheck.CodeUnreadable, tplcheck.Error, "", "macro"},
	{"date formatter on text", "to-trinh.docx", setTitle("{{co_quan.dia_danh | ngay}}"),
		tplcheck.CodeType, tplcheck.Error, "«{{co_quan.dia_danh | ngay}}»", "bộ định dạng «ngay» cần ngày, còn «co_quan.dia_danh» là chữ"},
	{"number formatter on a date", "to-trinh.docx", setTitle("{{van_ban.ngay | hai_so}}"),
		tplcheck.CodeType, tplcheck.Error, "«{{van_ban.ngay | hai_so}}»", "bộ định dạng «hai_so» cần số, còn «van_ban.ngay» là ngày"},
	{"roman numerals of text", "to-trinh.docx", setTitle("{{co_quan.ten | la_ma}}"),
		tplcheck.CodeType, tplcheck.Error, "«{{co_quan.ten | la_ma}}»", "bộ định dạng «la_ma» cần số thứ tự, còn «co_quan.ten» là chữ"},
	{"number in words of text", "to-trinh.docx", setTitle("{{van_ban.so | so_chu}}"),
		tplcheck.CodeType, tplcheck.Error, "«{{van_ban.so | so_chu}}»", "bộ định dạng «so_chu» cần số, còn «van_ban.so» là chữ"},
	{"time of a number", "to-trinh.docx", setTitle("{{so_ca_nhan | gio}}"),
		tplcheck.CodeType, tplcheck.Error, "«{{so_ca_nhan | gio}}»", "bộ định dạng «gio» cần ngày giờ, còn «so_ca_nhan» là số"},
	{"tag half in bold", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			wt := firstText(t, doc, "TỜ TRÌNH")
			run := wt.Parent()
			plain := run.Copy()
			rPr := plain.SelectElement("w:rPr")
			rPr.RemoveChild(rPr.SelectElement("w:b"))
			rPr.RemoveChild(rPr.SelectElement("w:bCs"))
			plain.SelectElement("w:t").SetText("ten}}")
			wt.SetText("{{co_quan.")
			run.Parent().InsertChildAt(run.Index()+1, plain)
		})
	}, tplcheck.CodeTagFormat, tplcheck.Warning, "thân văn bản, đoạn 11 «{{co_quan.ten}}»",
		"{{co_quan.ten}}: các chữ trong thẻ định dạng khác nhau: «{{co_quan.» đậm; «ten}}» không đậm. Giá trị điền vào theo định dạng của «{{» (đậm)"},
	{"landscape Danh sách", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			pg := doc.FindElement("/w:document/w:body/w:sectPr/w:pgSz")
			pg.CreateAttr("w:w", "16838")
			pg.CreateAttr("w:h", "11906")
			pg.CreateAttr("w:orient", "landscape")
		})
	}, tplcheck.CodeLandscape, tplcheck.Warning, "thân văn bản, phần (section) 2 của 2, từ đoạn", "trang nằm ngang"},
	{"unknown formatter", "to-trinh.docx", func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) {
			firstText(t, doc, "TỜ TRÌNH").SetText("{{co_quan.ten | in_hoa}}")
		})
	}, tplcheck.CodeTemplate, tplcheck.Error, "«{{co_quan.ten | in_hoa}}»", `"in_hoa"`},
}

// lowriterCS gives a template the fonts LibreOffice writes when its
// default complex-script and Asian font is left as it comes (DejaVu Sans):
// Times New Roman only for ascii and hAnsi, in the defaults and Normal.
func lowriterCS(t *testing.T, raw []byte) []byte {
	t.Helper()
	tnr := `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>`
	lo := `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="DejaVu Sans" w:cs="DejaVu Sans"/>`
	return replaceText(t, replaceText(t, raw, "word/styles.xml", tnr, lo), "word/styles.xml", tnr, lo) // defaults, Normal
}

// TestComplexScriptFontOfLibreOfficeIsNoError: a template saved by
// LibreOffice with its default complex-script and Asian font (DejaVu
// Sans, audit of issue 17) passes: Word sets Vietnamese text in the ascii
// and hAnsi fonts; the cs and eastAsia ones only serve complex-script and
// East Asian characters, which it does not hold.
func TestComplexScriptFontOfLibreOfficeIsNoError(t *testing.T) {
	dir := tempSet(t, "to-trinh.docx", func(raw []byte) []byte { return lowriterCS(t, raw) })
	r := tplcheck.CheckFS(os.DirFS(dir), schema)
	for _, f := range r.Findings {
		if f.Code == tplcheck.CodeFont || f.Code == tplcheck.CodeFontUnset || f.Code == tplcheck.CodeThemeFont {
			t.Errorf("finding %v", f)
		}
	}
}

// TestDocxChecks edits one template of a copy of a shipped set per case
// and checks the finding it gives, in that file only.
func TestDocxChecks(t *testing.T) {
	for _, c := range slices.Concat(docxPageCases, docxTagCases) {
		t.Run(c.name, func(t *testing.T) {
			dir := tempSet(t, c.file, c.edit(t))
			r := tplcheck.CheckFS(os.DirFS(dir), schema)
			findOne(t, r, c.code, c.sev, c.where, c.msg)
			for _, f := range r.Findings {
				if f.File != c.file {
					t.Errorf("finding in a file not changed: %v", f)
				}
			}
		})
	}
}

// What the renderer warns about itself is reported once, with the fix of
// its topic, not again by a check of tplcheck's own; paragraph side and
// between borders, which the renderer draws, are no finding.
func TestRendererTopicsReportedOnce(t *testing.T) {
	dir := tempSet(t, "to-trinh.docx", func(raw []byte) []byte {
		raw = bodyEdit(t, func(doc *etree.Document) {
			doc.Root().CreateAttr("xmlns:m", "http://schemas.openxmlformats.org/officeDocument/2006/math")
			run := firstText(t, doc, "TỜ TRÌNH").Parent()
			sym := run.CreateElement("w:sym")
			sym.CreateAttr("w:font", "Symbol")
			sym.CreateAttr("w:char", "F0B7")
			run.CreateElement("w:br").CreateAttr("w:type", "column")
			run.CreateElement("w:commentReference").CreateAttr("w:id", "0")
			run.Parent().CreateElement("m:oMath")
			bdr := run.Parent().SelectElement("w:pPr").CreateElement("w:pBdr")
			for _, side := range []string{"w:left", "w:right", "w:between"} {
				b := bdr.CreateElement(side)
				b.CreateAttr("w:val", "single")
				b.CreateAttr("w:sz", "4")
			}
			sp := doc.FindElement("//w:sectPr")
			sp.FindElement("w:cols").CreateAttr("w:num", "2")
			sp.CreateElement("w:type").CreateAttr("w:val", "continuous")
		})(raw)
		return editPart(t, raw, "word/settings.xml", func(doc *etree.Document) {
			doc.Root().CreateElement("w:evenAndOddHeaders")
		})
	})
	r := tplcheck.CheckFS(os.DirFS(dir), schema)
	for _, topic := range [][]string{{"w:sym"}, {"công thức toán"}, {"ngắt cột"}, {"chú thích lề"}, {"chẵn/lẻ"},
		{"chia 2 cột", "nhiều cột"}, {"ngắt phần liên tục"}} {
		var found []tplcheck.Finding
		for _, f := range r.Findings {
			for _, k := range topic {
				if strings.Contains(f.Message, k) {
					found = append(found, f)
					break
				}
			}
		}
		if len(found) != 1 {
			t.Errorf("%q: %d findings, want 1:%s", topic[0], len(found), describe(r))
		}
	}
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "viền") {
			t.Errorf("side borders are drawn, yet: %v", f)
		}
	}
}

// withList adds numbering.xml with one list of the given level to a
// template and puts the paragraph holding text in it.
func withList(t *testing.T, raw []byte, text, level string) []byte {
	t.Helper()
	raw = bodyEdit(t, func(doc *etree.Document) {
		num := firstText(t, doc, text).Parent().Parent().SelectElement("w:pPr").CreateElement("w:numPr")
		num.CreateElement("w:ilvl").CreateAttr("w:val", "0")
		num.CreateElement("w:numId").CreateAttr("w:val", "1")
	})(raw)
	raw = replaceText(t, raw, "word/_rels/document.xml.rels", "</Relationships>",
		`<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`)
	raw = replaceText(t, raw, "[Content_Types].xml", "</Types>",
		`<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`)
	names, files := readZip(t, raw)
	files["word/numbering.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:abstractNum w:abstractNumId="0">` + level + `</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)
	return writeZip(t, append(names, "word/numbering.xml"), files)
}

// A list the PDF draws as Word does is no longer a finding: numbering is
// left to the renderer, which warns only about what it cannot draw.
func TestDrawnListIsNoFinding(t *testing.T) {
	dir := tempSet(t, "bao-cao-ca-nhan.docx", func(raw []byte) []byte {
		return withList(t, raw, "I. SƠ LƯỢC LÝ LỊCH", `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/>`+
			`<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>`)
	})
	if r := tplcheck.CheckFS(os.DirFS(dir), schema); len(r.Findings) != 0 {
		t.Errorf("findings for a drawn list:%s", describe(r))
	}
}

// TestDrawnShapesAreNotWarned: the rule under the agency name drawn as a
// line shape (DrawingML with its VML fallback), a text box and a framed
// paragraph are drawn in the PDF, so the check says nothing of them.
func TestDrawnShapesAreNotWarned(t *testing.T) {
	dir := tempSet(t, "to-trinh.docx", bodyEdit(t, func(doc *etree.Document) {
		for k, v := range map[string]string{"xmlns:mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
			"xmlns:v": "urn:schemas-microsoft-com:vml", "xmlns:wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
			"xmlns:a": "http://schemas.openxmlformats.org/drawingml/2006/main", "xmlns:wps": "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"} {
			doc.Root().CreateAttr(k, v)
		}
		shapes, err := etree.NewDocument(), error(nil)
		shapes.ReadSettings.Permissive = true
		err = shapes.ReadFromString(`<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>` +
			`<wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
			`<wp:positionH relativeFrom="column"><wp:posOffset>472440</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>209550</wp:posOffset></wp:positionV>` +
			`<wp:extent cx="1174750" cy="0"/><wp:wrapNone/><wp:docPr id="9" name="Line"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
			`<wps:wsp><wps:spPr><a:prstGeom prst="line"/><a:ln w="6350"/></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
			`<mc:Fallback><w:pict><v:line style="position:absolute" from="37.2pt,16.5pt" to="129.7pt,16.5pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>`)
		if err != nil {
			t.Fatal(err)
		}
		title := firstText(t, doc, "TỜ TRÌNH").Parent().Parent()
		title.AddChild(shapes.Root())
		framed := title.Copy()
		framed.SelectElement("w:pPr").CreateElement("w:framePr").CreateAttr("w:w", "2000")
		title.Parent().InsertChildAt(title.Index(), framed)
	}))
	r := tplcheck.CheckFS(os.DirFS(dir), schema)
	if r.Warnings() > 0 || r.Errors() > 0 {
		t.Errorf("want nothing said of drawn shapes:%s", describe(r))
	}
}

// setTitle replaces the title of a template (TỜ TRÌNH) with text.
func setTitle(text string) func(t *testing.T) func([]byte) []byte {
	return func(t *testing.T) func([]byte) []byte {
		return bodyEdit(t, func(doc *etree.Document) { firstText(t, doc, "TỜ TRÌNH").SetText(text) })
	}
}

// TestOneMistakeHidesNothing: an open loop, an unknown formatter and a
// malformed tag do not hide the fields named before or beside them.
func TestOneMistakeHidesNothing(t *testing.T) {
	dir := tempSet(t, "bien-ban.docx", bodyEdit(t, func(doc *etree.Document) {
		firstText(t, doc, "BIÊN BẢN").SetText("{{bien_ban.dia_diemm}} {{for x in de_nghi}}{{x.tenn}} {{x.ten | in_hoa}} {{hoi_dong.tong_so | ngay}}")
	}))
	r := tplcheck.CheckFS(os.DirFS(dir), schema)
	for _, c := range []struct{ code, msg string }{
		{tplcheck.CodeUnknown, `không có trường "bien_ban.dia_diemm"`},
		{tplcheck.CodeUnbalanced, "{{for x in de_nghi}}: thiếu {{end}}"},
		{tplcheck.CodeUnknown, `không có trường "x.tenn"`},
		{tplcheck.CodeTemplate, `không có bộ định dạng "in_hoa"`},
		{tplcheck.CodeType, "bộ định dạng «ngay» cần ngày, còn «hoi_dong.tong_so» là số"},
	} {
		findOne(t, r, c.code, tplcheck.Error, "«{{bien_ban.dia_diemm}}", c.msg)
	}
	if r.Errors() != 5 {
		t.Errorf("want 5 errors:%s", describe(r))
	}
}

func TestManifestChecks(t *testing.T) {
	t.Run("missing part", func(t *testing.T) {
		dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
			return []byte(strings.Replace(string(raw), `mau = "bien-ban.docx"`, `mau = "bien-ban-moi.docx"`, 1))
		})
		r := tplcheck.CheckFS(os.DirFS(dir), schema)
		findOne(t, r, tplcheck.CodeMissingPart, tplcheck.Error, "dòng 41, cột 7, khóa van_ban[2].mau", `"bien-ban-moi.docx"`)
	})
	t.Run("templates of a set with a bad manifest are still checked", func(t *testing.T) {
		dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
			return []byte(strings.Replace(string(raw), "hieu_luc_tu = 2025-07-01", "hieu_luc_tu = 2025-07-01\nhieu_luc_den = 2025-01-01", 1))
		})
		raw, err := os.ReadFile(filepath.Join("testdata", "broken", "kho-letter", "xac-nhan-thue.docx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "xac-nhan-thue.docx"), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		r := tplcheck.CheckFS(os.DirFS(dir), schema)
		findOne(t, r, tplcheck.CodeManifest, tplcheck.Error, "khóa hieu_luc_den", "trước ngày bắt đầu")
		findOne(t, r, tplcheck.CodePageSize, tplcheck.Error, "phần (section) 1", "Letter")
	})
	t.Run("overlapping sets", func(t *testing.T) {
		root := t.TempDir()
		for _, id := range []string{"a", "b"} {
			dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
				return []byte(strings.Replace(string(raw), `id = "nd152-2025"`, `id = "`+id+`"`, 1))
			})
			if err := os.Rename(dir, filepath.Join(root, id)); err != nil {
				t.Fatal(err)
			}
		}
		r := tplcheck.CheckFS(os.DirFS(root), schema)
		findOne(t, r, tplcheck.CodeOverlap, tplcheck.Error, "hieu_luc_tu", "chồng lấn")
	})
	t.Run("a gap between two sets", func(t *testing.T) {
		root := t.TempDir()
		for id, dates := range map[string]string{"a": "hieu_luc_tu = 2024-01-01\nhieu_luc_den = 2025-05-31", "b": "hieu_luc_tu = 2025-07-01"} {
			dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
				s := strings.Replace(string(raw), `id = "nd152-2025"`, `id = "`+id+`"`, 1)
				return []byte(strings.Replace(s, "hieu_luc_tu = 2025-07-01", dates, 1))
			})
			if err := os.Rename(dir, filepath.Join(root, id)); err != nil {
				t.Fatal(err)
			}
		}
		r := tplcheck.CheckFS(os.DirFS(root), schema)
		findOne(t, r, tplcheck.CodeGap, tplcheck.Warning, "hieu_luc_tu", "không bộ mẫu nào áp dụng từ 01/06/2025 đến 30/06/2025")
		if r.Errors() != 0 {
			t.Errorf("a gap is no error: %d errors", r.Errors())
		}
	})
	t.Run("award phrase without a letter", func(t *testing.T) {
		dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
			return []byte(strings.Replace(string(raw), `nhan_dien = ["huân chương lao động hạng ba"]`, `nhan_dien = ["huân chương lao động hạng ba", " - "]`, 1))
		})
		r := tplcheck.CheckFS(os.DirFS(dir), schema)
		findOne(t, r, tplcheck.CodeManifest, tplcheck.Error, "khóa khen_thuong[1].nhan_dien[2]", "không có chữ nào")
	})
	t.Run("award name with a placeholder nobody fills", func(t *testing.T) {
		dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
			return []byte(strings.Replace(string(raw), `ten = "Giấy khen của Chủ tịch Ủy ban nhân dân {xa}"`, `ten = "Giấy khen của Chủ tịch {quan}"`, 1))
		})
		r := tplcheck.CheckFS(os.DirFS(dir), schema)
		findOne(t, r, tplcheck.CodeUnfilled, tplcheck.Error, `ma = "giay-khen-chu-tich-ubnd"`, "{quan}")
	})
}

// minimalDocx is a shipped template with its body replaced.
func minimalDocx(t *testing.T, body string) []byte {
	t.Helper()
	raw, err := fs.ReadFile(templates.FS, "nd152-2025/to-trinh.docx")
	if err != nil {
		t.Fatal(err)
	}
	names, files := readZip(t, raw)
	files["word/document.xml"] = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>` + body +
		`<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701"/></w:sectPr></w:body></w:document>`)
	return writeZip(t, names, files)
}

// TestStylesAreFoundByTheirRelationship: a styles part under another name
// (the package check accepts it, the PDF reader follows the relationship)
// is the one whose fonts are checked, not a missing word/styles.xml.
func TestStylesAreFoundByTheirRelationship(t *testing.T) {
	raw, err := fs.ReadFile(templates.FS, "nd152-2025/to-trinh.docx")
	if err != nil {
		t.Fatal(err)
	}
	names, files := readZip(t, raw)
	for i, n := range names {
		if n == "word/styles.xml" {
			names[i] = "word/kieu.xml"
			files["word/kieu.xml"] = files[n]
		}
	}
	files["word/_rels/document.xml.rels"] = bytes.Replace(files["word/_rels/document.xml.rels"], []byte(`Target="styles.xml"`), []byte(`Target="kieu.xml"`), 1)
	files["[Content_Types].xml"] = bytes.Replace(files["[Content_Types].xml"], []byte(`"/word/styles.xml"`), []byte(`"/word/kieu.xml"`), 1)
	if found := tplcheck.CheckDocx("to-trinh.docx", nil, writeZip(t, names, files), docxtpl.Schema{}); len(found) > 0 {
		t.Errorf("findings: %v", found)
	}
}

// TestSettingsAreOptional: a relationship to a settings part the package
// lacks leaves the defaults, as the PDF reader has it, while the layout
// checks still read the settings a template has (evenAndOddHeaders).
func TestSettingsAreOptional(t *testing.T) {
	raw, err := fs.ReadFile(templates.FS, "nd152-2025/to-trinh.docx")
	if err != nil {
		t.Fatal(err)
	}
	names, files := readZip(t, raw)
	settings := files["word/settings.xml"]
	if !bytes.Contains(settings, []byte("<w:settings")) {
		t.Fatalf("no settings part in the shipped template: %q", settings)
	}
	without := slices.DeleteFunc(slices.Clone(names), func(n string) bool { return n == "word/settings.xml" })
	if found := tplcheck.CheckDocx("to-trinh.docx", nil, writeZip(t, without, files), docxtpl.Schema{}); len(found) > 0 {
		t.Errorf("settings named but absent: %v", found)
	}
	files["word/settings.xml"] = bytes.Replace(settings, []byte("</w:settings>"), []byte(`<w:evenAndOddHeaders/></w:settings>`), 1)
	found := tplcheck.CheckDocx("to-trinh.docx", nil, writeZip(t, names, files), docxtpl.Schema{})
	if len(found) != 1 || !strings.Contains(found[0].Message, "chẵn") {
		t.Errorf("even and odd headers in the settings: %v", found)
	}
}

// copySet writes a shipped set's files into dir.
func copySet(t *testing.T, set, dir string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(templates.FS, set)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		raw, _ := fs.ReadFile(templates.FS, path.Join(set, e.Name()))
		if err := os.WriteFile(filepath.Join(dir, e.Name()), raw, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestSummaryCountsEachSet: the summary says which set has which
// problems; a set whose bo-mau.toml cannot be read is counted apart, by
// its folder, not charged to the sets that were read.
func TestSummaryCountsEachSet(t *testing.T) {
	root := t.TempDir()
	copySet(t, "nd98-2023", filepath.Join(root, "nd98-2023"))
	copySet(t, "nd152-2025", filepath.Join(root, "nd152-2025"))
	broken := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
		s := strings.Replace(string(raw), `id = "nd152-2025"`, `id = "moi"`, 1)
		return []byte(strings.Replace(s, "hieu_luc_tu = 2025-07-01", "hieu_luc_tu = 2027-01-01\nhieu_luc_den = 2026-01-01", 1))
	})
	if err := os.Rename(broken, filepath.Join(root, "moi")); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join("testdata", "broken", "truong-la", "to-trinh.docx"))
	if err := os.WriteFile(filepath.Join(root, "moi", "to-trinh.docx"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	r := tplcheck.CheckFS(os.DirFS(root), schema)
	if err := r.Write(&out); err != nil {
		t.Fatal(err)
	}
	want := "Từng bộ mẫu:\n" +
		"  bộ mẫu nd98-2023: đạt, không có lỗi, không có cảnh báo\n" +
		"  bộ mẫu nd152-2025: đạt, không có lỗi, không có cảnh báo\n" +
		"  thư mục moi (bo-mau.toml có lỗi nên không đọc được): 2 lỗi\n" +
		"Không đạt: 2 lỗi. Sửa các lỗi rồi chạy lại  hoso templates check.\n"
	if !strings.HasSuffix(out.String(), want) {
		t.Errorf("summary:\n%s\nwant the end:\n%s", out.String(), want)
	}

	out.Reset()
	if err := tplcheck.CheckFS(os.DirFS(t.TempDir()), schema).Write(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out.String(), "Từng bộ mẫu:\n  thư mục đã chọn: 1 lỗi\nKhông đạt: không đọc được bộ mẫu nào; 1 lỗi. Sửa các lỗi rồi chạy lại  hoso templates check.\n") {
		t.Errorf("empty folder:\n%s", out.String())
	}
}

// A set refused for its manifest still has its templates checked, also
// in a folder whose name holds a glob character.
func TestBrokenSetInABracketFolder(t *testing.T) {
	root := t.TempDir()
	broken := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
		return []byte(strings.Replace(string(raw), "hieu_luc_tu = 2025-07-01", "hieu_luc_tu = 2027-01-01\nhieu_luc_den = 2026-01-01", 1))
	})
	dir := filepath.Join(root, "bo[1]")
	if err := os.Rename(broken, dir); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join("testdata", "broken", "truong-la", "to-trinh.docx"))
	if err := os.WriteFile(filepath.Join(dir, "to-trinh.docx"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	r := tplcheck.CheckFS(os.DirFS(root), schema)
	for _, f := range r.Findings {
		if f.File == "bo[1]/to-trinh.docx" && f.Severity == tplcheck.Error {
			return
		}
	}
	t.Errorf("the template of bo[1] was not checked:\n%s", describe(r))
}

// A part grouped by the tax office without the letters' data (du_lieu) is
// printed once per office, not per nominee: its warnings say so, and say
// how its template gets the letter's fields (cong_van), which are empty.
func TestGroupedPartWithoutLetterData(t *testing.T) {
	dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
		block := "[[van_ban]]\nid = \"thue-gop\"\nten = \"Công văn gộp theo cơ quan thuế\"\nmau = \"thue-gop.docx\"\n" +
			"lap = \"moi-doi-tuong\"\nloai = [\"doanh-nghiep\", \"chu-doanh-nghiep\"]\ngop_theo = \"thue.co_quan_thue\"\ngop = true\n\n"
		return []byte(strings.Replace(string(raw), "[[khen_thuong]]", block+"[[khen_thuong]]", 1))
	})
	letter, err := os.ReadFile(filepath.Join(dir, "xac-nhan-thue.docx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "thue-gop.docx"), letter, 0o644); err != nil {
		t.Fatal(err)
	}
	r := tplcheck.CheckFS(os.DirFS(dir), schema)
	var ours []tplcheck.Finding
	for _, f := range r.Findings {
		if strings.Contains(f.Message, "Công văn gộp theo cơ quan thuế") {
			ours = append(ours, f)
		}
	}
	if len(ours) != 2 {
		t.Fatalf("want 2 findings on the grouped part, got %d:%s", len(ours), describe(r))
	}
	for _, f := range ours {
		if f.Code != tplcheck.CodePartFields || f.Severity != tplcheck.Warning {
			t.Errorf("finding %s %v: %s", f.Code, f.Severity, f.Message)
		}
		if strings.Contains(f.Message, "in riêng cho từng đối tượng") || strings.Contains(f.Fix, "doi_tuong") {
			t.Errorf("a grouped part is not printed per nominee: %s (%s)", f.Message, f.Fix)
		}
		if !strings.Contains(f.Fix, `du_lieu = "xac_nhan_thue"`) {
			t.Errorf("the fix does not say how to get the letter's fields: %s", f.Fix)
		}
	}
	if !strings.Contains(ours[0].Message+ours[1].Message, "in riêng cho từng nhóm đối tượng cùng thue.co_quan_thue (gop_theo)") {
		t.Errorf("no finding says the part is printed per group:%s", describe(r))
	}
}

// freeFieldsManifest declares three free fields of the Biên bản: a text,
// a date and time and a date.
func freeFieldsManifest(raw []byte) []byte {
	const fields = `co_quan = "hoi-dong"

[[van_ban.truong]]
ten = "phong_hop"
kieu = "chu"
nghia = "phòng họp"
bat_buoc = true

[[van_ban.truong]]
ten = "gio_hop"
kieu = "ngay-gio"
nghia = "giờ họp"

[[van_ban.truong]]
ten = "ngay_hop"
kieu = "ngay"
nghia = "ngày họp"
`
	return []byte(strings.Replace(string(raw), `co_quan = "hoi-dong"`+"\n", fields, 1))
}

// TestFreeFieldsOfAPart: check knows the free fields each part declares,
// with their kinds, as the build does: those of the part a template
// serves are fields, their formatters are checked against their kind,
// and another part's template does not see them.
func TestFreeFieldsOfAPart(t *testing.T) {
	withTitle := func(t *testing.T, file, title, text string) *tplcheck.Report {
		dir := tempSet(t, "bo-mau.toml", freeFieldsManifest)
		raw, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		raw = bodyEdit(t, func(doc *etree.Document) { firstText(t, doc, title).SetText(text) })(raw)
		if err := os.WriteFile(filepath.Join(dir, file), raw, 0o644); err != nil {
			t.Fatal(err)
		}
		return tplcheck.CheckFS(os.DirFS(dir), schema)
	}
	t.Run("declared", func(t *testing.T) {
		r := withTitle(t, "bien-ban.docx", "BIÊN BẢN", "{{van_ban.phong_hop | hoa}} {{van_ban.gio_hop | gio}} {{van_ban.ngay_hop | ngay}} {{if van_ban.ngay_hop == \"05/02/2026\"}}x{{end}}")
		if r.Errors() != 0 {
			t.Errorf("declared free fields refused:%s", describe(r))
		}
	})
	t.Run("checked against their kind", func(t *testing.T) {
		r := withTitle(t, "bien-ban.docx", "BIÊN BẢN", "{{van_ban.ngay_hop | gio}} {{van_ban.phong_hop | la_ma}} {{van_ban.phong_hopp}} {{if van_ban.gio_hop == \"2026\"}}x{{end}}")
		for _, c := range []struct{ code, msg string }{
			{tplcheck.CodeType, "bộ định dạng «gio» cần ngày giờ, còn «van_ban.ngay_hop» là ngày"},
			{tplcheck.CodeType, "bộ định dạng «la_ma» cần số thứ tự, còn «van_ban.phong_hop» là chữ"},
			{tplcheck.CodeUnknown, "các trường tự do đã khai báo: gio_hop, ngay_hop, phong_hop"},
			{tplcheck.CodeType, `«van_ban.gio_hop» là ngày giờ, không bao giờ bằng "2026"`},
		} {
			findOne(t, r, c.code, tplcheck.Error, "«{{van_ban.ngay_hop | gio}}", c.msg)
		}
		if r.Errors() != 4 {
			t.Errorf("want 4 errors:%s", describe(r))
		}
	})
	t.Run("not in another part", func(t *testing.T) {
		r := withTitle(t, "to-trinh.docx", "TỜ TRÌNH", "{{van_ban.phong_hop}}")
		findOne(t, r, tplcheck.CodeUnknown, tplcheck.Error, "«{{van_ban.phong_hop}}»", "chưa khai báo trường tự do nào ở đây")
	})
}

// TestRefusedManifestKeepsItsFreeFields: a mistake in bo-mau.toml does
// not make every template using a declared free field wrong as well: the
// templates of the refused set are checked with the free fields its parts
// declare, as far as the manifest was read.
func TestRefusedManifestKeepsItsFreeFields(t *testing.T) {
	dir := tempSet(t, "bo-mau.toml", func(raw []byte) []byte {
		m := freeFieldsManifest(raw)
		return []byte(strings.Replace(string(m), `kieu = "ngay-gio"`, `kieu = "gio"`, 1)) // the one mistake
	})
	raw, err := os.ReadFile(filepath.Join(dir, "bien-ban.docx"))
	if err != nil {
		t.Fatal(err)
	}
	raw = bodyEdit(t, func(doc *etree.Document) {
		firstText(t, doc, "BIÊN BẢN").SetText("{{van_ban.phong_hop}} {{van_ban.ngay_hop | ngay}}")
	})(raw)
	if err := os.WriteFile(filepath.Join(dir, "bien-ban.docx"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	r := tplcheck.CheckFS(os.DirFS(dir), schema)
	for _, f := range r.Findings {
		if f.Code == tplcheck.CodeUnknown {
			t.Errorf("a declared free field called unknown: %s", f.Message)
		}
	}
	if r.Errors() == 0 {
		t.Errorf("the manifest's mistake is not reported:%s", describe(r))
	}
}
