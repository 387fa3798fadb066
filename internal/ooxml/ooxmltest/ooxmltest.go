// Package ooxmltest builds and reads small DOCX archives for tests: a
// minimal document with its content types and relationships (and, if
// wanted, a styles part), parts replaced or added, entries that declare
// sizes of their own (to test limits without megabytes of data), one part
// read back, and an archive rewritten with some entries edited.
package ooxmltest

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"strings"
	"testing"
)

// Namespaces and relationship types the test parts use.
const (
	WNS      = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	RelsNS   = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	RelTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	// StylesRel is the relationship from the document to word/styles.xml.
	StylesRel = `<Relationship Id="rIdS" Type="` + RelTypes + `styles" Target="styles.xml"/>`
	// CTMain declares the content types of MinimalStyled's parts.
	CTMain = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`
)

// Part is one entry of a test archive; a Raw entry declares Size and
// Compressed of its own.
type Part struct {
	Name, Data       string
	Raw              bool
	Size, Compressed uint64
}

// Minimal are the parts of a minimal DOCX whose body is body.
func Minimal(body string) []Part {
	return []Part{
		{Name: "[Content_Types].xml", Data: CTMain},
		{Name: "_rels/.rels", Data: `<Relationships ` + RelsNS + `><Relationship Id="rId1" Type="` + RelTypes + `officeDocument" Target="word/document.xml"/></Relationships>`},
		{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + RelsNS + `></Relationships>`},
		{Name: "word/document.xml", Data: DocumentXML(body + `<w:sectPr/>`)},
	}
}

// DocumentXML is a word/document.xml whose w:body holds inner (the
// paragraphs and tables, then the body's w:sectPr).
func DocumentXML(inner string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + WNS + `><w:body>` + inner + `</w:body></w:document>`
}

// MinimalStyled are the parts of Minimal(body) with an empty styles part,
// last, reached from the document by StylesRel: the smallest DOCX that
// the package check accepts.
func MinimalStyled(body string) []Part {
	return With(Minimal(body),
		Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + RelsNS + `>` + StylesRel + `</Relationships>`},
		Part{Name: "word/styles.xml", Data: `<w:styles ` + WNS + `/>`})
}

// Zip writes parts into an archive.
func Zip(t testing.TB, parts []Part) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		var w io.Writer
		var err error
		if p.Raw {
			w, err = zw.CreateRaw(&zip.FileHeader{Name: p.Name, Method: zip.Deflate,
				UncompressedSize64: p.Size, CompressedSize64: p.Compressed})
		} else {
			w, err = zw.Create(p.Name)
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, p.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// With replaces parts of the same name, or adds them.
func With(parts []Part, more ...Part) []Part {
	out := append([]Part(nil), parts...)
	for _, m := range more {
		replaced := false
		for i := range out {
			if out[i].Name == m.Name {
				out[i], replaced = m, true
			}
		}
		if !replaced {
			out = append(out, m)
		}
	}
	return out
}

// Unzip returns the entries of the archive docx in their order, with
// their data; the test fails if the archive or an entry cannot be read.
func Unzip(t testing.TB, docx []byte) []Part {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatalf("not a zip archive: %v", err)
	}
	parts := make([]Part, 0, len(zr.File))
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts = append(parts, Part{Name: f.Name, Data: string(data)})
	}
	return parts
}

// find is the data of the entry name of docx, and whether there is one.
func find(t testing.TB, docx []byte, name string) (string, bool) {
	t.Helper()
	for _, p := range Unzip(t, docx) {
		if p.Name == name {
			return p.Data, true
		}
	}
	return "", false
}

// PartIn reads the part name ("word/document.xml", for instance) of the
// DOCX docx; the test fails if docx has no such part.
func PartIn(t testing.TB, docx []byte, name string) string {
	t.Helper()
	data, ok := find(t, docx, name)
	if !ok {
		t.Fatalf("the DOCX has no part %s", name)
	}
	return data
}

// PartOf reads the part name of the DOCX file on disk, "" if the file has
// no such part (a template without a header, say); the test fails if the
// file cannot be read.
func PartOf(t testing.TB, file, name string) string {
	t.Helper()
	docx, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	data, _ := find(t, docx, name)
	return data
}

// Rezip rewrites the archive docx: edit gives each entry's new data, or
// keep false to drop the entry (a nil edit keeps every entry as it is),
// then the extra parts are added, in order, with their names as given.
func Rezip(t testing.TB, docx []byte, edit func(name string, data []byte) (_ []byte, keep bool), extra ...Part) []byte {
	t.Helper()
	var parts []Part
	for _, p := range Unzip(t, docx) {
		if edit != nil {
			data, keep := edit(p.Name, []byte(p.Data))
			if !keep {
				continue
			}
			p.Data = string(data)
		}
		parts = append(parts, p)
	}
	return Zip(t, append(parts, extra...))
}

// ReplaceIn rewrites the archive docx with the first old in its part name
// replaced by new; the test fails if that part does not hold old.
func ReplaceIn(t testing.TB, docx []byte, name, old, new string) []byte {
	t.Helper()
	if !strings.Contains(PartIn(t, docx, name), old) {
		t.Fatalf("%s does not hold %q", name, old)
	}
	return Rezip(t, docx, func(n string, data []byte) ([]byte, bool) {
		if n == name {
			data = bytes.Replace(data, []byte(old), []byte(new), 1)
		}
		return data, true
	})
}

// ReplaceInDocument is ReplaceIn for word/document.xml, the body.
func ReplaceInDocument(t testing.TB, docx []byte, old, new string) []byte {
	t.Helper()
	return ReplaceIn(t, docx, "word/document.xml", old, new)
}

// wordTypes are the content types of the WordprocessingML parts, by the
// name Word gives them without digits and extension.
var wordTypes = map[string]string{
	"header": "header+xml", "footer": "footer+xml", "numbering": "numbering+xml", "settings": "settings+xml",
	"footnotes": "footnotes+xml", "endnotes": "endnotes+xml", "comments": "comments+xml", "fontTable": "fontTable+xml",
	"webSettings": "webSettings+xml", "theme": "theme",
}

// Declared adds to the [Content_Types].xml of parts an Override for each
// part named as Word names a header, footer, numbering, settings, notes,
// comments, font table or theme part, which the package check requires.
func Declared(parts []Part) []Part {
	out := append([]Part(nil), parts...)
	var decls strings.Builder
	for _, p := range parts {
		base := strings.TrimRight(strings.TrimSuffix(p.Name[strings.LastIndex(p.Name, "/")+1:], ".xml"), "0123456789")
		ct, ok := wordTypes[base]
		if !ok || !strings.HasSuffix(p.Name, ".xml") {
			continue
		}
		if ct == "theme" {
			ct = "application/vnd.openxmlformats-officedocument.theme+xml"
		} else {
			ct = "application/vnd.openxmlformats-officedocument.wordprocessingml." + ct
		}
		decls.WriteString(`<Override PartName="/` + p.Name + `" ContentType="` + ct + `"/>`)
	}
	for i := range out {
		if out[i].Name == "[Content_Types].xml" {
			out[i].Data = strings.Replace(out[i].Data, "</Types>", decls.String()+"</Types>", 1)
		}
	}
	return out
}
