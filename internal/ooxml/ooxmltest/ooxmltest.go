// Package ooxmltest builds small DOCX archives for tests: a minimal
// document with its content types and relationships, parts replaced or
// added, and entries that declare sizes of their own (to test limits
// without megabytes of data).
package ooxmltest

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// Namespaces and relationship types the test parts use.
const (
	WNS      = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	RelsNS   = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	RelTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	CTMain   = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
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
		{Name: "word/document.xml", Data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + WNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`},
	}
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

// PartOf reads one part of a DOCX file on disk, "" if absent.
func PartOf(t testing.TB, file, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc)
			if err != nil {
				t.Fatal(err)
			}
			return string(b)
		}
	}
	return ""
}
