package ooxml

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
)

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
	ok := ooxmltest.With(ooxmltest.MinimalStyled(`<w:p><w:r><w:t>x</w:t></w:r><w:fldSimple w:instr=" PAGE "/></w:p>`),
		ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `>` + ooxmltest.StylesRel + `<Relationship Id="rId5" Type="` + ooxmltest.RelTypes + `hyperlink" Target="https://thuvienphapluat.vn/" TargetMode="External"/></Relationships>`})
	if err := CheckPackage(ooxmltest.Zip(t, ok)); err != nil {
		t.Errorf("a hyperlink and a PAGE field: %v", err)
	}
}

func TestCheckPackageRefuses(t *testing.T) {
	base := ooxmltest.MinimalStyled(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)
	many := append([]ooxmltest.Part(nil), base...)
	for i := 0; i < maxEntries; i++ {
		many = append(many, ooxmltest.Part{Name: "word/media/x" + strings.Repeat("a", i%5) + string(rune('a'+i%26)) + string(rune('a'+i/26%26)) + string(rune('a'+i/676)) + ".bin", Data: "x"})
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
		{"OpenDocument", ooxmltest.Zip(t, []ooxmltest.Part{{Name: "mimetype", Data: "application/vnd.oasis.opendocument.text"}, {Name: "content.xml", Data: "<x/>"}}), "OpenDocument (.odt)"},
		{"a zip of something else", ooxmltest.Zip(t, []ooxmltest.Part{{Name: "a.txt", Data: "x"}}), "không phải tài liệu Word"},
		{"too many parts", ooxmltest.Zip(t, many), "quá nhiều phần"},
		{"a part too large", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/media/big.bin", Raw: true, Size: maxPartSize + 1, Compressed: maxPartSize})), "quá lớn"},
		{"too large in all", ooxmltest.Zip(t, ooxmltest.With(base,
			ooxmltest.Part{Name: "word/media/1.bin", Raw: true, Size: 60 << 20, Compressed: 59 << 20},
			ooxmltest.Part{Name: "word/media/2.bin", Raw: true, Size: 60 << 20, Compressed: 59 << 20},
			ooxmltest.Part{Name: "word/media/3.bin", Raw: true, Size: 60 << 20, Compressed: 59 << 20},
			ooxmltest.Part{Name: "word/media/4.bin", Raw: true, Size: 60 << 20, Compressed: 59 << 20},
			ooxmltest.Part{Name: "word/media/5.bin", Raw: true, Size: 60 << 20, Compressed: 59 << 20})), "giải nén ra quá lớn"},
		{"zip bomb", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/document.xml", Raw: true, Size: 50 << 20, Compressed: 50 << 10})), "zip bomb"},
		{"macro project", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/vbaProject.bin", Data: "x"})), "macro"},
		{"macro content type", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "[Content_Types].xml", Data: strings.Replace(ooxmltest.CTMain,
			"wordprocessingml.document.main+xml", "../vnd.ms-word.document.macroEnabled.main+xml", 1)})), "macro"},
		{"ActiveX", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/activeX/activeX1.xml", Data: "<x/>"})), "ActiveX"},
		{"attached template", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/_rels/settings.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS +
			`><Relationship Id="rId1" Type="` + ooxmltest.RelTypes + `attachedTemplate" Target="http://203.0.113.5/mau.dotm" TargetMode="External"/></Relationships>`})),
			`liên kết ra ngoài («attachedTemplate» → «http://203.0.113.5/mau.dotm»)`},
		{"linked OLE object", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS +
			`><Relationship Id="rId9" Type="` + ooxmltest.RelTypes + `oleObject" Target="file:///C:/bang.xlsx" TargetMode="External"/></Relationships>`})), "oleObject"},
		{"remote image", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/_rels/header1.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS +
			`><Relationship Id="rId2" Type="` + ooxmltest.RelTypes + `image" Target="https://example.com/x.png" TargetMode="External"/></Relationships>`})), "Insert → Pictures"},
		{"DDEAUTO field", ooxmltest.Zip(t, ooxmltest.MinimalStyled(`<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc.exe" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`)), "trường DDEAUTO"},
		{"INCLUDEPICTURE field", ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/header1.xml", Data: `<w:hdr ` + ooxmltest.WNS + `><w:p><w:fldSimple w:instr="INCLUDEPICTURE &quot;http://example.com/a.png&quot;"/></w:p></w:hdr>`})), "trường INCLUDEPICTURE"},
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
	base := ooxmltest.MinimalStyled(`<w:p><w:r><w:t>x</w:t></w:r></w:p>`)
	for name, raw := range map[string][]byte{
		"text":       []byte("Tờ trình"),
		"broken zip": []byte("PK\x03\x04 broken"),
		"zip bomb":   ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/document.xml", Raw: true, Size: 50 << 20, Compressed: 50 << 10})),
		"too large":  ooxmltest.Zip(t, ooxmltest.With(base, ooxmltest.Part{Name: "word/media/big.bin", Raw: true, Size: maxPartSize + 1, Compressed: maxPartSize})),
	} {
		_, want := Open(raw)
		if _, err := OpenOwn(raw); err == nil || want == nil || err.Error() != want.Error() {
			t.Errorf("%s: OpenOwn = %v, Open = %v", name, err, want)
		}
	}
	good := ooxmltest.Zip(t, base)
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
