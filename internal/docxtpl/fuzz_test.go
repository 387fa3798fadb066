package docxtpl

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
)

// FuzzFill compiles arbitrary document.xml bodies, wrapped in a minimal
// DOCX, and fills them with a value in every field. Parse never panics and
// refuses a body with located Errors; when it accepts one, Execute either
// reports a located *Error (an unknown field, a value XML cannot carry) or
// returns a DOCX that re-opens, whose document.xml parses and holds no
// marker of the engine, which the PDF stage's reader reads, which is the
// same when filled twice, and whose size the template and the value bound.
func FuzzFill(f *testing.F) {
	cell := func(s string) string { return "<w:tc><w:tcPr/>" + s + "</w:tc>" }
	seeds := []string{
		p(r("{{van_ban}}")),
		p(r("Họ tên: {{nguoi.ho_ten | hoa}}"), r("; số {{so}}")),
		p(r("{{"), r("nguoi."), r("ho_ten}}")),
		p(r("{{for x in ds}}{{stt}}. {{x.ho_ten}} {{end}}")),
		p(r("{{for x in ds}}")) + p(r("{{x.ho_ten}}, {{x.chuc_vu | mac_dinh:\"Không\"}}")) + p(r("{{end}}")),
		p(r("{{if ky_thay}}KT. {{else}}TM. {{end}}")),
		p(r("{{if ky_thay}}")) + p(r("A")) + p(r("{{else}}")) + p(r("B")) + p(r("{{end}}")),
		p(r("{{if so == \"7\"}}bảy{{end}}{{if not khong_co}}không có{{end}}")),
		tbl(tr(cell(p(r("STT"))), cell(p(r("Họ tên")))), tr(cell(p(r("{{for x in ds}}{{stt}}"))), cell(p(r("{{x.ho_ten}}{{end}}"))))),
		tbl(tr(cell(p(r("{{for g in nhom}}{{g.ten}}"))), cell(p(r("")))), tr(cell(p(r("{{for m in g.thanh_vien}}{{m.ho_ten}}"))), cell(p(r("{{end}}{{end}}"))))),
		p(`<w:hyperlink r:id="rId1">` + r("{{van_ban}}") + `</w:hyperlink>`),
		p(`<w:r><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent>` + p(r("{{van_ban}}")) + `</w:txbxContent></v:textbox></w:pict></w:r>`),
		p(`<w:sdt><w:sdtContent>` + r("{{van_ban}}") + `</w:sdtContent></w:sdt>`),
		p(`<w:bookmarkStart w:id="1" w:name="a"/>` + r("{{for x in ds}}{{x.ho_ten}}") + `<w:bookmarkEnd w:id="1"/>` + r("{{end}}")),
		p(`<w:proofErr w:type="spellStart"/>` + r("{{van") + `<w:proofErr w:type="spellEnd"/>` + r("_ban}}")),
		p(`<w:r><w:t>{{van_ban</w:t><w:tab/><w:t>}}</w:t></w:r>`),
		p(r("“{{van_ban}}” ‘x’ {{nguoi.ngay_sinh}}")),
		p(`<w:pPr><w:sectPr/></w:pPr>`+r("{{for x in ds}}")) + p(r("{{end}}")),
		p(r("{{end}}")) + p(r("{{else}}")) + p(r("{{for x in}}")),
		`<w:del>` + p(r("{{van_ban}}")) + `</w:del>`,
	}
	for _, s := range seeds {
		f.Add(s, "Nguyễn Văn A & <Hồ> \"Sơn\" {{so}}\nDòng 2\tcột")
	}
	f.Add(p(r("{{van_ban}}")), "\x01")
	f.Fuzz(func(t *testing.T, bodyXML, value string) {
		raw := makeDocx(t, bodyXML, nil)
		// the one-pass check of a template with problems never fails
		// silently: every problem is located and has a fix
		lerrs, _ := Lint("t.docx", raw, Schema{Data: reflect.TypeOf(root{})})
		for _, e := range lerrs {
			if e.Template != "t.docx" || e.Msg == "" || e.Code == "" || e.Fix == "" {
				t.Fatalf("a problem without template, message, code or fix: %+v", e)
			}
		}
		tpl, err := Parse("t.docx", raw)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("Parse: %T %v", err, err)
			}
			for _, e := range es {
				if e.Template != "t.docx" || e.Msg == "" {
					t.Fatalf("an error without template or message: %+v", e)
				}
			}
			return
		}
		someone := person{Name: value, Title: value, Born: time.Date(1988, 7, 23, 0, 0, 0, 0, time.UTC), Notes: []string{value, ""}}
		data := root{Person: someone, People: []person{someone, {Name: "B"}}, Groups: []group{{Name: value, Members: []person{someone}}, {}},
			Deputy: len(value)%2 == 0, Number: len(value), Text: value}
		filled, err := tpl.Fill(data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("Execute failed without a located error: %v", err)
			}
			return
		}
		checkFilled(t, tpl, filled)
		out := filled.DOCX
		b := ooxmltest.PartIn(t, out, "word/document.xml")
		if err := etree.NewDocument().ReadFromString(b); err != nil {
			t.Fatalf("document.xml does not parse: %v", err)
		}
		if strings.Contains(b, "hoso-") {
			t.Fatalf("an engine marker is left in the output")
		}
		if most, ok := fillBound(bodyXML, value); ok && len(b) > most {
			t.Fatalf("document.xml of %d bytes, want at most %d", len(b), most)
		}
		if _, err := ooxml.Open(out); err != nil {
			t.Fatalf("the PDF stage cannot read the output: %v", err)
		}
		again, err := tpl.Execute(data)
		if err != nil || !bytes.Equal(again, out) {
			t.Fatalf("a second fill differs (%v)", err)
		}
	})
}

// fillBound is the most bytes a filled document.xml may hold, the bound on
// the engine's work. Every byte comes from the template, rewritten by the
// XML writer (which at most multiplies a character by 8, "&quot;" for '"',
// and adds a few repairs), or from a tag: its run's properties (from the
// template), and its value, the fuzz value with line breaks and tabs as
// elements (32 bytes a byte at most), a literal of the template, a date
// or a number. Each is repeated at most once per item of the lists
// around it, two here: so 2 to the number of loops, and there are at most
// as many loops and tags as pairs of '{' (typed, or as a character
// reference). ok is false when the bound would be too loose to mean
// anything, or when markup declarations could hide a '{'.
func fillBound(bodyXML, value string) (most int, ok bool) {
	if strings.Contains(bodyXML, "<!") {
		return 0, false
	}
	tags := (strings.Count(bodyXML, "{") + strings.Count(bodyXML, "&#")) / 2
	if tags > 20 {
		return 0, false
	}
	return (8*len(bodyXML) + 4096 + tags*(128*len(value)+len(bodyXML)+256)) << tags, true
}
