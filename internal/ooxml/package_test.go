package ooxml

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const (
	wNS      = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	relsNS   = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	relTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctMain   = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
)

// part is one entry of a test archive; raw entries declare sizes of their
// own (to test the limits without megabytes of data).
type part struct {
	name, data       string
	raw              bool
	size, compressed uint64
}

// docxParts are the parts of a minimal DOCX whose body is body: the
// relationships reach the document and an empty styles part.
func docxParts(body string) []part {
	return []part{
		{name: "[Content_Types].xml", data: ctMain},
		{name: "_rels/.rels", data: `<Relationships ` + relsNS + `><Relationship Id="rId1" Type="` + relTypes + `officeDocument" Target="word/document.xml"/></Relationships>`},
		{name: "word/_rels/document.xml.rels", data: `<Relationships ` + relsNS + `>` + stylesRel + `</Relationships>`},
		{name: "word/document.xml", data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`},
		{name: "word/styles.xml", data: `<w:styles ` + wNS + `/>`},
	}
}

// stylesRel is the relationship from the document to its styles part.
const stylesRel = `<Relationship Id="rIdS" Type="` + relTypes + `styles" Target="styles.xml"/>`

func zipOf(t *testing.T, parts []part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		if p.raw {
			w, err := zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate,
				UncompressedSize64: p.size, CompressedSize64: p.compressed})
			if err != nil {
				t.Fatal(err)
			}
			io.WriteString(w, p.data)
			continue
		}
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, p.data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// with replaces or adds parts.
func with(parts []part, more ...part) []part {
	out := append([]part(nil), parts...)
	for _, m := range more {
		replaced := false
		for i := range out {
			if out[i].name == m.name {
				out[i], replaced = m, true
			}
		}
		if !replaced {
			out = append(out, m)
		}
	}
	return out
}

func TestCheckPackageAcceptsRealDocuments(t *testing.T) {
	files, _ := filepath.Glob("../../templates/*/*.docx")
	if len(files) == 0 {
		t.Fatal("no templates found")
	}
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckPackage(raw); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	ok := with(docxParts(`<w:p><w:r><w:t>x</w:t></w:r><w:fldSimple w:instr=" PAGE "/></w:p>`),
		part{name: "word/_rels/document.xml.rels", data: `<Relationships ` + relsNS + `>` + stylesRel + `<Relationship Id="rId5" Type="` + relTypes + `hyperlink" Target="https://thuvienphapluat.vn/" TargetMode="External"/></Relationships>`})
	if err := CheckPackage(zipOf(t, ok)); err != nil {
		t.Errorf("a hyperlink and a PAGE field: %v", err)
	}
}

func TestCheckPackageRefuses(t *testing.T) {
	base := docxParts(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)
	many := append([]part(nil), base...)
	for i := 0; i < maxEntries; i++ {
		many = append(many, part{name: "word/media/x" + strings.Repeat("a", i%5) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + ".bin", data: "x"})
	}
	cases := []struct {
		name string
		raw  []byte
		want string
	}{
		{"empty", nil, "tệp rỗng"},
		{"Word 97-2003", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 rest"), "Word 97-2003 (.doc)"},
		{"PDF", []byte("%PDF-1.7\n"), "tệp PDF"},
		{"RTF", []byte(`{\rtf1\ansi hello}`), "tệp RTF"},
		{"Word XML 2003", []byte(`<?xml version="1.0"?><w:wordDocument/>`), "XML/HTML"},
		{"text", []byte("Tờ trình"), "không phải tệp DOCX"},
		{"broken zip", []byte("PK\x03\x04 broken"), "tệp DOCX hỏng"},
		{"OpenDocument", zipOf(t, []part{{name: "mimetype", data: "application/vnd.oasis.opendocument.text"}, {name: "content.xml", data: "<x/>"}}), "OpenDocument (.odt)"},
		{"a zip of something else", zipOf(t, []part{{name: "a.txt", data: "x"}}), "không phải tài liệu Word"},
		{"too many parts", zipOf(t, many), "quá nhiều phần"},
		{"a part too large", zipOf(t, with(base, part{name: "word/media/big.bin", raw: true, size: maxPartSize + 1, compressed: maxPartSize})), "quá lớn"},
		{"too large in all", zipOf(t, with(base,
			part{name: "word/media/1.bin", raw: true, size: 60 << 20, compressed: 59 << 20},
			part{name: "word/media/2.bin", raw: true, size: 60 << 20, compressed: 59 << 20},
			part{name: "word/media/3.bin", raw: true, size: 60 << 20, compressed: 59 << 20},
			part{name: "word/media/4.bin", raw: true, size: 60 << 20, compressed: 59 << 20},
			part{name: "word/media/5.bin", raw: true, size: 60 << 20, compressed: 59 << 20})), "giải nén ra quá lớn"},
		{"zip bomb", zipOf(t, with(base, part{name: "word/document.xml", raw: true, size: 50 << 20, compressed: 50 << 10})), "zip bomb"},
		{"macro project", zipOf(t, with(base, part{name: "word/vbaProject.bin", data: "x"})), "macro"},
		{"macro content type", zipOf(t, with(base, part{name: "[Content_Types].xml", data: strings.Replace(ctMain,
			"wordprocessingml.document.main+xml", "../vnd.ms-word.document.macroEnabled.main+xml", 1)})), "macro"},
		{"ActiveX", zipOf(t, with(base, part{name: "word/activeX/activeX1.xml", data: "<x/>"})), "ActiveX"},
		{"attached template", zipOf(t, with(base, part{name: "word/_rels/settings.xml.rels", data: `<Relationships ` + relsNS +
			`><Relationship Id="rId1" Type="` + relTypes + `attachedTemplate" Target="http://203.0.113.5/mau.dotm" TargetMode="External"/></Relationships>`})),
			`liên kết ra ngoài («attachedTemplate» → «http://203.0.113.5/mau.dotm»)`},
		{"linked OLE object", zipOf(t, with(base, part{name: "word/_rels/document.xml.rels", data: `<Relationships ` + relsNS +
			`><Relationship Id="rId9" Type="` + relTypes + `oleObject" Target="file:///C:/bang.xlsx" TargetMode="External"/></Relationships>`})), "oleObject"},
		{"remote image", zipOf(t, with(base, part{name: "word/_rels/header1.xml.rels", data: `<Relationships ` + relsNS +
			`><Relationship Id="rId2" Type="` + relTypes + `image" Target="https://example.com/x.png" TargetMode="External"/></Relationships>`})), "Insert → Pictures"},
		{"DDEAUTO field", zipOf(t, docxParts(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)), "trường DDEAUTO"},
		{"INCLUDEPICTURE field", zipOf(t, with(base, part{name: "word/header1.xml", data: `<w:hdr ` + wNS + `><w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;http://example.com/a.png&quot;"/></w:p></w:hdr>`})), "trường INCLUDEPICTURE"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := CheckPackage(c.raw)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("CheckPackage = %v, want an error holding %q", err, c.want)
			}
			// Open refuses it the same way.
			if _, rerr := Open(c.raw); rerr == nil || rerr.Error() != err.Error() {
				t.Errorf("Open = %v, want %v", rerr, err)
			}
		})
	}
}

// TestOpenOwnKeepsTheLimits: the engine's own output skips the content
// checks but not the archive's limits, and opens as Open does.
func TestOpenOwnKeepsTheLimits(t *testing.T) {
	base := docxParts(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)
	for name, raw := range map[string][]byte{
		"text":       []byte("Tờ trình"),
		"broken zip": []byte("PK\x03\x04 broken"),
		"zip bomb":   zipOf(t, with(base, part{name: "word/document.xml", raw: true, size: 50 << 20, compressed: 50 << 10})),
		"too large":  zipOf(t, with(base, part{name: "word/media/big.bin", raw: true, size: maxPartSize + 1, compressed: maxPartSize})),
	} {
		_, want := Open(raw)
		if _, err := OpenOwn(raw); err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("%s: OpenOwn = %v, Open = %v", name, err, want)
		}
	}
	good := zipOf(t, base)
	a, err := Open(good)
	if err != nil {
		t.Fatal(err)
	}
	b, err := OpenOwn(good)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Names(), b.Names()) {
		t.Errorf("OpenOwn and Open give different parts")
	}
}
