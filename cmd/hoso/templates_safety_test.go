package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// replaceIn edits one part of a DOCX by a string replacement.
func replaceIn(part, old, new string) func(string, []byte) ([]byte, bool) {
	return func(name string, data []byte) ([]byte, bool) {
		if name == part {
			return bytes.Replace(data, []byte(old), []byte(new), 1), true
		}
		return data, true
	}
}

// TestCheckAndBuildRefuseHostileTemplatesAlike: every Tờ trình template
// of a maintainer's folder is made hostile one way; templates check calls
// it an error and build refuses it, both with the same message naming the
// part, and build writes nothing.
func TestCheckAndBuildRefuseHostileTemplatesAlike(t *testing.T) {
	cases := []struct {
		name  string
		edit  func(string, []byte) ([]byte, bool)
		extra []ooxmltest.Part
		want  []string
	}{
		{"INCLUDETEXT split over two runs", replaceIn("word/document.xml", "<w:body>", `<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>`+
			`<w:r><w:instrText xml:space="preserve"> INCLUDE</w:instrText></w:r><w:r><w:instrText xml:space="preserve">TEXT "\\\\server\\share\\x.docx" </w:instrText></w:r>`+
			`<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`), nil, []string{`"word/document.xml"`, "INCLUDETEXT"}},
		{"DOCTYPE in styles.xml", replaceIn("word/styles.xml", "<w:styles", `<!DOCTYPE w:styles SYSTEM "http://203.0.113.5/x.dtd"><w:styles`), nil,
			[]string{`"word/styles.xml"`, "DOCTYPE"}},
		{"no styles.xml", func(name string, data []byte) ([]byte, bool) { return data, name != "word/styles.xml" }, nil,
			[]string{"không có phần kiểu"}},
		{"garbage styles.xml", func(name string, data []byte) ([]byte, bool) {
			if name == "word/styles.xml" {
				return []byte("<w:styles"), true
			}
			return data, true
		}, nil, []string{`"word/styles.xml"`, "hỏng"}},
		{"an entry out of the folder", nil, []ooxmltest.Part{{Name: "../../x.bat", Data: "x"}}, []string{`"../../x.bat"`}},
		{"an unreached part", nil, []ooxmltest.Part{{Name: "word/media/junk.bin", Data: "x"}}, []string{`"word/media/junk.bin"`, "không được phần nào dùng tới"}},
		{"a HYPERLINK field to a program", replaceIn("word/document.xml", "<w:body>", `<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>`+
			`<w:r><w:instrText xml:space="preserve">HYPERLINK \l "bm" "evil.exe"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`), nil,
			[]string{`"word/document.xml"`, "«evil.exe»"}},
		{"a program in docProps", nil, []ooxmltest.Part{{Name: "docProps/evil.exe", Data: "MZ"}}, []string{`"docProps/evil.exe"`}},
		{"a header declared as a footer", replaceIn("[Content_Types].xml", "header+xml", "footer+xml"), nil, []string{"header", "footer+xml"}},
		{"an OLE object", nil, []ooxmltest.Part{{Name: "word/embeddings/oleObject1.bin", Data: "x"}}, []string{`"word/embeddings/oleObject1.bin"`, "OLE"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := templatesWithEditedProposal(t, c.edit, c.extra...)
			code, stdout, _ := runTemplates(t, "check", tpl)
			if code != exitFailed {
				t.Errorf("check: exit %d, want %d", code, exitFailed)
			}
			out := filepath.Join(t.TempDir(), "ra")
			bcode, _, stderr := runCLI(t, "build", "-q", "--templates", tpl, "-o", out, sampleMin)
			if bcode != exitBadInput || !strings.Contains(stderr, formset.Refused) { // one verdict, whether the file or its content is bad
				t.Errorf("build: exit %d, want %d and %q", bcode, exitBadInput, formset.Refused)
			}
			for _, w := range c.want {
				if !strings.Contains(stdout, w) || !strings.Contains(stderr, w) {
					t.Errorf("check or build does not say %q:\ncheck:\n%s\nbuild:\n%s", w, stdout, stderr)
				}
			}
			if es, _ := os.ReadDir(out); len(visible(es)) != 0 {
				t.Errorf("%d dossiers written", len(visible(es)))
			}
		})
	}
}

// Whatever a template carries, templates check passing it means every
// output is a package Word opens: ooxml_validate.py (the shared tools'
// OOXML checker) finds no error in what build writes from it. The
// variants are those the package check used to pass although every output
// failed the validator (a header declared as a footer or with no type,
// a dangling r:id, parts in docProps/) and those it accepts (a web
// HYPERLINK field, a header declared as one).
func TestTemplatesCheckPassMeansValidOutputs(t *testing.T) {
	field := func(code string) func(string, []byte) ([]byte, bool) {
		return replaceIn("word/document.xml", "<w:body>", `<w:body><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">`+
			code+`</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>x</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)
	}
	both := func(a, b func(string, []byte) ([]byte, bool)) func(string, []byte) ([]byte, bool) {
		return func(name string, data []byte) ([]byte, bool) {
			data, keep := a(name, data)
			if !keep {
				return data, false
			}
			return b(name, data)
		}
	}
	rels := "word/_rels/document.xml.rels"
	cases := []struct {
		name  string
		edit  func(string, []byte) ([]byte, bool)
		extra []ooxmltest.Part
		pass  bool // templates check passes it
	}{
		{"as shipped", replaceIn("", "", ""), nil, true},
		{"a web HYPERLINK field", field(`HYPERLINK "https://thuvienphapluat.vn/" \o "Luật"`), nil, true},
		{"a HYPERLINK field to a program", field(`HYPERLINK "evil.exe"`), nil, false},
		{"a header with no declared type", replaceIn("[Content_Types].xml", `PartName="/word/header1.xml"`, `PartName="/word/headerX.xml"`), nil, false},
		{"a header declared as a footer", replaceIn("[Content_Types].xml", "header+xml", "footer+xml"), nil, false},
		{"a web settings part with a dangling r:id", both(replaceIn(rels, "</Relationships>", `<Relationship Id="rIdW" Type="`+ooxmltest.RelTypes+`webSettings" Target="webSettings.xml"/></Relationships>`),
			replaceIn("[Content_Types].xml", "</Types>", `<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/></Types>`)),
			[]ooxmltest.Part{{Name: "word/webSettings.xml", Data: `<w:webSettings ` + ooxmltest.WNS + `><w:frameset><w:frame><w:sourceFileName r:id="rIdF"/></w:frame></w:frameset></w:webSettings>`}}, false},
		{"a program in docProps", nil, []ooxmltest.Part{{Name: "docProps/evil.exe", Data: "MZ"}}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := templatesWithEditedProposal(t, c.edit, c.extra...)
			code, stdout, _ := runTemplates(t, "check", tpl)
			if (code == exitOK) != c.pass {
				t.Errorf("check: exit %d, want it to pass: %v\n%s", code, c.pass, stdout)
			}
			if code != exitOK {
				return
			}
			out := filepath.Join(t.TempDir(), "ra")
			if code, _, stderr := runCLI(t, "build", "-q", "--templates", tpl, "-o", out, sampleMin, sampleWard); code != exitOK {
				t.Fatalf("build: exit %d\n%s", code, stderr)
			}
			if report, ok := testtool.ValidateOOXML(t, out); !ok {
				t.Errorf("check passed it, but ooxml_validate.py finds errors in the outputs:\n%s", report)
			}
		})
	}
}

// templatesWithEditedProposal exports the shipped templates and rezips the
// Tờ trình of every set with edit and extra parts; it returns the folder.
func templatesWithEditedProposal(t *testing.T, edit func(string, []byte) ([]byte, bool), extra ...ooxmltest.Part) string {
	t.Helper()
	tpl := copyTemplates(t)
	matches, err := filepath.Glob(filepath.Join(tpl, "*", "to-trinh.docx"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no Tờ trình template in %s: %v", tpl, err)
	}
	for _, m := range matches {
		orig, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(m, ooxmltest.Rezip(t, orig, edit, extra...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return tpl
}
