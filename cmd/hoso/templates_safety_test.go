package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rezip rewrites a DOCX: edit gives each entry's new data (keep false
// drops it), then the extra entries are added with their names as given.
func rezip(t *testing.T, orig []byte, edit func(name string, data []byte) ([]byte, bool), extra map[string]string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(orig), int64(len(orig)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(rc)
		rc.Close()
		if data, keep := edit(f.Name, data); keep {
			w, _ := zw.Create(f.Name)
			w.Write(data)
		}
	}
	for name, data := range extra {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate})
		io.WriteString(w, data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

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
	keep := func(_ string, data []byte) ([]byte, bool) { return data, true }
	cases := []struct {
		name  string
		edit  func(string, []byte) ([]byte, bool)
		extra map[string]string
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
		{"an entry out of the folder", keep, map[string]string{"../../x.bat": "x"}, []string{`"../../x.bat"`}},
		{"an unreached part", keep, map[string]string{"word/media/junk.bin": "x"}, []string{`"word/media/junk.bin"`, "không được phần nào dùng tới"}},
		{"an OLE object", keep, map[string]string{"word/embeddings/oleObject1.bin": "x"}, []string{`"word/embeddings/oleObject1.bin"`, "OLE"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := copyTemplates(t)
			matches, _ := filepath.Glob(filepath.Join(tpl, "*", "to-trinh.docx"))
			for _, m := range matches {
				orig, _ := os.ReadFile(m)
				os.WriteFile(m, rezip(t, orig, c.edit, c.extra), 0o644)
			}
			code, stdout, _ := runTemplates(t, "check", tpl)
			if code != exitFailed {
				t.Errorf("check: exit %d, want %d", code, exitFailed)
			}
			out := filepath.Join(t.TempDir(), "ra")
			bcode, _, stderr := runCLI(t, "build", "-q", "--templates", tpl, "-o", out, sampleMin)
			if bcode == exitOK {
				t.Errorf("build: exit %d", bcode)
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
