package docxtpl

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
)

// code is a type that prints through String.
type code int

func (c code) String() string { return "M" + string(rune('0'+int(c))) }

// kinds has a field of every kind a formatter cares about.
type kinds struct {
	Place   string      `tpl:"dia_danh"`
	Date    time.Time   `tpl:"ngay"`
	Count   int         `tpl:"so"`
	Money   int64       `tpl:"tien"`
	Pos     int         `tpl:"thu_tu,ordinal"`
	Moment  time.Time   `tpl:"luc,datetime"`
	Moments []time.Time `tpl:"cac_luc,datetime"`
	PCount  *int        `tpl:"so_con_tro"`
	Dynamic any         `tpl:"dong"`
	Code    code        `tpl:"ma"`
	Yes     bool        `tpl:"co"`
	List    []string    `tpl:"ds"`
	People  []person    `tpl:"nguoi"`
}

var kindsType = reflect.TypeOf(kinds{})

// compileErrs compiles body against kinds and returns its problems.
func compileErrs(t *testing.T, body string) Errors {
	t.Helper()
	tpl, err := Compile("mau.docx", makeDocx(t, body, nil), Schema{Data: kindsType})
	if err == nil {
		if tpl == nil {
			t.Fatal("no template and no error")
		}
		return nil
	}
	var errs Errors
	if !errors.As(err, &errs) || tpl != nil {
		t.Fatalf("want Errors and no template, got %v, %v", tpl, err)
	}
	return errs
}

func TestFormattersAreCheckedAgainstTheFieldKind(t *testing.T) {
	cases := []struct {
		tag, code, want string // want "" when the tag is fine
	}{
		{`{{dia_danh | ngay}}`, CodeType, "bộ định dạng «ngay» cần ngày, còn «dia_danh» là chữ"},
		{`{{ngay | hai_so}}`, CodeType, "bộ định dạng «hai_so» cần số, còn «ngay» là ngày"},
		{`{{dia_danh | la_ma}}`, CodeType, "«la_ma» cần số thứ tự, còn «dia_danh» là chữ"},
		// A list label takes a position in a list, not any number: a
		// money amount | chu_cai printed hundreds of millions of letters.
		{`{{so | la_ma}}`, CodeType, "«la_ma» cần số thứ tự, còn «so» là số"},
		{`{{tien | chu_cai}}`, CodeType, "«chu_cai» cần số thứ tự, còn «tien» là số"},
		{`{{for x in ds}}{{so | hai_so | chu_cai}}{{end}}`, CodeType, "«chu_cai» cần số thứ tự, còn sau «hai_so» giá trị của «so» có thể là chữ"},
		// gio needs a time of day: a date alone printed "00 giờ 00 phút".
		{`{{ngay | gio}}`, CodeType, "«gio» cần ngày giờ, còn «ngay» là ngày"},
		// A comparison with a literal the field never prints as is always false.
		{`{{if ngay == "2026"}}x{{end}}`, CodeType, `«ngay» là ngày, không bao giờ bằng "2026"`},
		{`{{if so == "ba"}}x{{end}}`, CodeType, `«so» là số, không bao giờ bằng "ba"`},
		{`{{if co != "yes"}}x{{end}}`, CodeType, `«co» là có/không, không bao giờ bằng "yes"`},
		{`{{for x in ds}}{{if stt == "một"}}x{{end}}{{end}}`, CodeType, `«stt» là số thứ tự, không bao giờ bằng "một"`},
		{`{{dia_danh | so_chu}}`, CodeType, "«so_chu» cần số, còn «dia_danh» là chữ"},
		{`{{so | gio}}`, CodeType, "«gio» cần ngày giờ, còn «so» là số"},
		{`{{ma | hai_so}}`, CodeType, "«hai_so» cần số, còn «ma» là chữ"},
		{`{{nguoi | hoa}}`, CodeTemplate, "đây là một danh sách"},
		{`{{ngay | mac_dinh:"Chưa có" | ngay}}`, CodeType, `«ngay» cần ngày, còn sau «mac_dinh:"Chưa có"» giá trị của «ngay» có thể là chữ`},
		{`{{for x in nguoi}}{{x.ho_ten | ngay_so}}{{end}}`, CodeType, "«ngay_so» cần ngày, còn «x.ho_ten» là chữ"},
		{`{{dia_danh | hoa:"x"}}`, CodeTemplate, "bộ định dạng «hoa» không nhận tham số"},
		{`{{dia_danh | mac_dinh}}`, CodeTemplate, "bộ định dạng «mac_dinh» cần một tham số"},
		{`{{ngay | ngay | hoa}}`, "", ""},
		{`{{ngay | ngay_so}} {{luc | gio}} {{ngay | nam}} {{ngay | ngay_chu}} {{luc | ngay}}`, "", ""},
		{`{{for x in cac_luc}}{{x | gio}}{{end}}`, "", ""},
		{`{{so_con_tro | hai_so}} {{thu_tu | la_ma}} {{so | so_chu}} {{thu_tu | chu_cai}} {{tien | tien}} {{thu_tu | hai_so}}`, "", ""},
		{`{{if so == 3}}{{end}}{{if ngay != "05/02/2026"}}{{end}}{{if co == "có"}}{{end}}{{if dia_danh == "ba"}}{{end}}{{if ma == "M1"}}{{end}}`, "", ""},
		{`{{dia_danh | mac_dinh:"Không" | hoa}} {{so | mac_dinh:"0" | thuong}}`, "", ""},
		{`{{ma | hoa}} {{co | hoa}} {{so | hoa}}`, "", ""},
		{`{{dong | ngay}} {{dong | hai_so}}`, "", ""}, // dynamic: checked when filled
		{`{{for x in nguoi}}{{stt | la_ma}}{{x.ngay_sinh | ngay_so}}{{end}}`, "", ""},
	}
	for _, c := range cases {
		t.Run(c.tag, func(t *testing.T) {
			errs := compileErrs(t, p(r(c.tag)))
			switch {
			case c.want == "" && len(errs) > 0:
				t.Fatalf("refused: %v", errs)
			case c.want == "":
			case len(errs) != 1:
				t.Fatalf("want one problem, got %v", errs)
			case !strings.Contains(errs[0].Msg, c.want) || errs[0].Code != c.code || errs[0].Fix == "":
				t.Fatalf("got %+v, want %q (%s)", errs[0], c.want, c.code)
			}
		})
	}
}

// TestDynamicKindMismatchIsWorded: a value whose kind is known only when
// filling is refused in words naming the tag and the field, never with
// Go's formatting of the value.
func TestDynamicKindMismatchIsWorded(t *testing.T) {
	for _, c := range []struct {
		tag  string
		val  any
		want string
	}{
		{"{{dong | ngay}}", "Tân Sơn Hòa", "bộ định dạng «ngay» cần ngày, còn «dong» ở đây là chữ"},
		{"{{dong | hai_so}}", time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC), "bộ định dạng «hai_so» cần số, còn «dong» ở đây là ngày"},
		{"{{dong | hai_so}}", "05", "bộ định dạng «hai_so» cần số, còn «dong» ở đây là chữ"},
		// A value outside a list label's range is refused, never printed
		// as hundreds of millions of letters.
		{"{{dong | chu_cai}}", int64(447305000000), "bộ định dạng «chu_cai» chỉ nhận số từ 1 đến 230, còn «dong» ở đây là 447305000000"},
		{"{{dong | chu_cai}}", 231, "bộ định dạng «chu_cai» chỉ nhận số từ 1 đến 230, còn «dong» ở đây là 231"},
		{"{{dong | la_ma}}", 4000, "bộ định dạng «la_ma» chỉ nhận số từ 1 đến 3999, còn «dong» ở đây là 4000"},
		{"{{dong | la_ma}}", uint(0), "bộ định dạng «la_ma» chỉ nhận số từ 1 đến 3999, còn «dong» ở đây là 0"},
		{`{{dong | mac_dinh:"x" | gio}}`, 7, "bộ định dạng «gio» cần ngày giờ, còn giá trị của «dong» sau «mac_dinh» ở đây là số"},
	} {
		tpl, err := Compile("mau.docx", makeDocx(t, p(r(c.tag)), nil), Schema{Data: kindsType})
		if err != nil {
			t.Fatal(err)
		}
		_, err = tpl.Execute(kinds{Dynamic: c.val})
		var e *Error
		if !errors.As(err, &e) || e.Tag != c.tag || e.Code != CodeType || e.Msg != c.want {
			t.Errorf("%s with %T: got %v, want %q", c.tag, c.val, err, c.want)
			continue
		}
		for _, leak := range []string{"UTC", "2026-02-05", "string", "gặp", "int"} {
			if strings.Contains(e.Msg, leak) {
				t.Errorf("%s: message shows Go's %q: %s", c.tag, leak, e.Msg)
			}
		}
	}
	labels, err := Compile("mau.docx", makeDocx(t, p(r("{{dong | chu_cai}}|{{dong | la_ma}}")), nil), Schema{Data: kindsType})
	if err != nil {
		t.Fatal(err)
	}
	for n, want := range map[int]string{1: "a|I", 24: "aa|XXIV", 230: "yyyyyyyyyy|CCXXX"} {
		out, err := labels.Execute(kinds{Dynamic: n})
		if err != nil {
			t.Fatal(err)
		}
		if got := paras(body(t, out))[0]; got != want {
			t.Errorf("%d: got %q, want %q", n, got, want)
		}
	}
	tpl, err := Compile("mau.docx", makeDocx(t, p(r("{{dong | ngay}}|{{dong | hai_so}}")), nil), Schema{Data: kindsType})
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(kinds{})
	if err != nil || paras(body(t, out))[0] != "|" {
		t.Fatalf("an empty dynamic value prints as empty: %v", err)
	}
}

// TestEveryProblemInOnePass: an open loop, a broken tag and an unknown
// formatter hide nothing: the fields before and after them are checked
// in the same pass.
func TestEveryProblemInOnePass(t *testing.T) {
	errs := compileErrs(t, p(r("{{dia_danhh}}"))+
		p(r("{{for x in nguoi}}"))+
		p(r("{{x.ho_ten}} {{x.ho_tenn}}"))+
		p(r("{{so | in_hoa}} {{khong_co}} {{ngay | hai_so}}"))+
		p(r("{{so {{dia_danh | ngay}}"))+
		p(r("{{co}}")))
	want := []string{
		`đoạn 1 «{{dia_danhh}}»: {{dia_danhh}}: không có trường "dia_danhh"`,
		`đoạn 2 «{{for x in nguoi}}»: {{for x in nguoi}}: thiếu {{end}}`,
		`{{x.ho_tenn}}: không có trường "x.ho_tenn"`,
		`{{so | in_hoa}}: không có bộ định dạng "in_hoa"`,
		`{{khong_co}}: không có trường "khong_co"`,
		`{{ngay | hai_so}}: bộ định dạng «hai_so» cần số`,
		`thẻ "{{so " chưa đóng trước thẻ tiếp theo`,
		`{{dia_danh | ngay}}: bộ định dạng «ngay» cần ngày`,
	}
	got := errs.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q", w)
		}
	}
	if len(errs) != len(want) {
		t.Errorf("want %d problems, got %d:\n%s", len(want), len(errs), got)
	}
	// Lint gives the same problems.
	lerrs, _ := Lint("mau.docx", makeDocx(t, p(r("{{for x in nguoi}}"))+p(r("{{x.ho_tenn}}")), nil), Schema{Data: kindsType})
	if len(lerrs) != 2 || !strings.Contains(lerrs.Error(), `"x.ho_tenn"`) {
		t.Errorf("Lint: %v", lerrs)
	}
}

// TestExplainGivesTheFix: the build prints template problems with the
// advice check prints.
func TestExplainGivesTheFix(t *testing.T) {
	_, err := Compile("mau.docx", makeDocx(t, p(r("a"))+p(r("{{end}}"))+p(r("{{dia_danhh}}")), nil), Schema{Data: kindsType})
	got := Explain(err)
	for _, w := range []string{
		"LỖI  mau.docx\n    Ở đâu: thân văn bản, đoạn 2 «{{end}}»\n    Lỗi gì: {{end}}: {{end}} thừa",
		"    Cách sửa: xoá {{end}} này",
		"Cách sửa: có phải là {{dia_danh}}?",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}
	if plain := Explain(errors.New("khác")); plain != "khác" {
		t.Errorf("other error: %q", plain)
	}
}

const twoSections = `<w:p><w:pPr><w:sectPr>` +
	`<w:headerReference w:type="first" r:id="rH1"/><w:headerReference w:type="default" r:id="rH2"/>` +
	`<w:pgSz w:w="11906" w:h="16838"/><w:titlePg/></w:sectPr></w:pPr><w:r><w:t>Tờ trình</w:t></w:r></w:p>` +
	`<w:p><w:r><w:t>Danh sách</w:t></w:r></w:p>`

const landscapeSect = `<w:sectPr><w:headerReference w:type="even" r:id="rH3"/><w:headerReference w:type="default" r:id="rH2"/>` +
	`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`

// TestSectionsAndHeadersAreNamedAsInWord: sections in reading order,
// headers by the pages and the section they serve, a landscape section
// noted (allowed for a wide table).
func TestSectionsAndHeadersAreNamedAsInWord(t *testing.T) {
	hdr := func(text string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + ooxmltest.WNS + `><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:hdr>`
	}
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header3.xml"/>` +
		`<Relationship Id="rH2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>` +
		`<Relationship Id="rH3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>` +
		`<Relationship Id="rH4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header4.xml"/>` +
		`<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`</Relationships>`
	headers := func(a, b, c, d string) map[string]string {
		return map[string]string{"word/_rels/document.xml.rels": rels,
			"word/header1.xml": hdr(a), "word/header2.xml": hdr(b), "word/header3.xml": hdr(c), "word/header4.xml": hdr(d)}
	}
	raw := makeDocxSect(t, twoSections, landscapeSect, headers("{{a}}", "{{b}}", "{{c}}", "{{d}}"))
	errs := parseErrs(t, raw)
	got := errs.Error()
	for _, w := range []string{
		"mau.docx: đầu trang các trang sau trang đầu của phần 1; đầu trang các trang lẻ của phần 2, đoạn 1 «{{a}}»",
		"mau.docx: đầu trang các trang chẵn của phần 2, đoạn 1 «{{b}}»",
		"mau.docx: đầu trang trang đầu của phần 1, đoạn 1 «{{c}}»",
		"mau.docx: đầu trang không phần nào dùng (word/header4.xml), đoạn 1 «{{d}}»",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q:\n%s", w, got)
		}
	}

	tpl, err := Parse("mau.docx", makeDocxSect(t, twoSections, landscapeSect, headers("a", "b", "c", "d")))
	if err != nil {
		t.Fatal(err)
	}
	notes := tpl.Notes()
	if len(notes) != 1 || notes[0].Code != CodeLandscape || notes[0].Where != "phần (section) 2 của 2, từ đoạn 2 «Danh sách»" ||
		!strings.Contains(notes[0].String(), "mau.docx: phần (section) 2 của 2, từ đoạn 2 «Danh sách»: trang nằm ngang: Nghị định 30/2020/NĐ-CP cho phép") {
		t.Fatalf("notes: %+v", notes)
	}
	secs := Sections(tpl.root)
	if len(secs) != 2 || IsLandscape(secs[0].Props) || !IsLandscape(secs[1].Props) || secs[0].Name(NewLocator(tpl.root)) != "phần (section) 1 của 2, từ đoạn 1 «Tờ trình»" {
		t.Fatalf("sections out of reading order: %+v", secs)
	}
}

// TestUnevenTagFormatIsNoted: a tag half in bold fills with the look of
// its "{{"; the note says which letters differ and how. Runs Word splits
// for its own reasons (language, spell-check) are not noted.
func TestUnevenTagFormatIsNoted(t *testing.T) {
	run := func(rPr, text string) string {
		return `<w:r><w:rPr>` + rPr + `</w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
	}
	tpl, err := Parse("mau.docx", makeDocx(t,
		p(run(`<w:lang w:val="vi-VN"/>`, "Tại {{dia_"), run(`<w:b/><w:sz w:val="28"/>`, "danh}}"))+
			p(run(`<w:lang w:val="en-US"/>`, "{{so"), run(`<w:lang w:val="vi-VN"/><w:noProof/>`, "}}"))+
			p(run(``, "{{if co}}"), run(`<w:i/>`, "x{{end}}")), nil))
	if err != nil {
		t.Fatal(err)
	}
	notes := tpl.Notes()
	if len(notes) != 1 {
		t.Fatalf("want one note, got %+v", notes)
	}
	n := notes[0]
	want := "các chữ trong thẻ định dạng khác nhau: «{{dia_» không đậm, cỡ chữ mặc định; «danh}}» đậm, cỡ 14. Giá trị điền vào theo định dạng của «{{» (không đậm, cỡ chữ mặc định)"
	if n.Code != CodeFormat || n.Tag != "{{dia_danh}}" || n.Msg != want || n.Where != "đoạn 1 «Tại {{dia_danh}}»" || n.Fix == "" {
		t.Fatalf("got %+v", n)
	}
	// Lint notes it too, beside the problems of a template it refuses.
	errs, lnotes := Lint("mau.docx", makeDocx(t, p(run(``, "{{dia_"), run(`<w:u w:val="single"/>`, "danh}}"))+p(r("{{end}}")), nil), Schema{})
	if len(errs) != 1 || len(lnotes) != 1 || !strings.Contains(lnotes[0].Msg, "«danh}}» gạch chân") {
		t.Fatalf("Lint: %v, %+v", errs, lnotes)
	}
}

// docView is a document's data with free fields, as a form set declares.
type docView struct {
	So    string         `tpl:"so"`
	Extra map[string]any `tpl:",extra"`
}

type withDoc struct {
	VanBan docView  `tpl:"van_ban"`
	People []person `tpl:"ds"`
}

// TestFreeFields: a struct's `tpl:",extra"` map answers the names it has
// no field for, when filling; Check knows only the declared ones, with
// their types.
func TestFreeFields(t *testing.T) {
	xml := p(r("{{van_ban.so}}|{{van_ban.thoi_gian | gio}}|{{van_ban.dia_diem | hoa}}|{{van_ban.ghi_chu}}"))
	declared := map[string]reflect.StructField{
		"van_ban.thoi_gian": {Type: reflect.TypeOf(time.Time{}), Tag: `tpl:",datetime"`},
		"van_ban.dia_diem":  {Type: reflect.TypeOf("")},
		"van_ban.ghi_chu":   {Type: reflect.TypeOf("")},
	}
	tpl, err := Compile("mau.docx", makeDocx(t, xml, nil), Schema{Data: reflect.TypeOf(withDoc{}), Extra: declared})
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(withDoc{VanBan: docView{So: "03", Extra: map[string]any{
		"thoi_gian": time.Date(2026, 2, 5, 14, 30, 0, 0, time.UTC), "dia_diem": "Hội trường"}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := paras(body(t, out))[0]; got != "03|14 giờ 30 phút|HỘI TRƯỜNG|" {
		t.Errorf("filled %q", got)
	}
	if _, err := tpl.Execute(withDoc{}); err != nil {
		t.Errorf("no free fields given: %v", err)
	}

	errs := compileErrsWith(t, p(r("{{van_ban.dia_diem | ngay}} {{van_ban.thoi_gain}}")), reflect.TypeOf(withDoc{}), declared)
	if len(errs) != 2 || errs[0].Code != CodeType || !strings.Contains(errs[0].Msg, "«ngay» cần ngày, còn «van_ban.dia_diem» là chữ") ||
		errs[1].Code != CodeUnknown || !strings.Contains(errs[1].Msg, `không có trường "van_ban.thoi_gain"; các trường có ở đây: so; các trường tự do đã khai báo: dia_diem, ghi_chu, thoi_gian`) ||
		!strings.Contains(errs[1].Fix, "có phải là {{van_ban.thoi_gian}}?") {
		t.Errorf("declared: %v", errs)
	}
	errs = compileErrsWith(t, p(r("{{van_ban.thoi_gian}}")), reflect.TypeOf(withDoc{}), nil)
	if len(errs) != 1 || !strings.Contains(errs[0].Msg, "chưa khai báo trường tự do nào ở đây") {
		t.Errorf("undeclared: %v", errs)
	}
	// The map is no field of its own.
	if errs := compileErrsWith(t, p(r("{{van_ban.Extra}}")), reflect.TypeOf(withDoc{}), declared); len(errs) != 1 {
		t.Errorf("the free-field map is visible: %v", errs)
	}
}

// compileErrsWith compiles body against data and declared free fields.
func compileErrsWith(t *testing.T, body string, data reflect.Type, extra map[string]reflect.StructField) Errors {
	t.Helper()
	_, err := Compile("mau.docx", makeDocx(t, body, nil), Schema{Data: data, Extra: extra})
	var errs Errors
	if err != nil && !errors.As(err, &errs) {
		t.Fatal(err)
	}
	return errs
}

// TestFieldsListsWhatATemplateReads: every field a template prints, loops
// over or tests, by full path, loop variables resolved; stt as "stt".
func TestFieldsListsWhatATemplateReads(t *testing.T) {
	xml := p(r("{{nguoi.ho_ten | hoa}} {{if ky_thay}}KT.{{end}}")) +
		tbl(tr(p(r("{{for x in ds}}{{stt}}")), p(r("{{x.ho_ten}}"))),
			tr(p(r("{{for g in x.ghi_chu}}{{g}}{{end}}")), p(r("{{if x.ngay_sinh}}{{x.ngay_sinh | ngay_so}}{{end}}{{end}}")))) +
		p(r("{{for n in nhom}}{{for m in n.thanh_vien}}{{m.chuc_vu}}{{end}}{{end}}{{if so == \"3\"}}{{end}}"))
	tpl, err := Parse("mau.docx", makeDocx(t, xml, nil))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ds", "ds[].ghi_chu", "ds[].ghi_chu[]", "ds[].ho_ten", "ds[].ngay_sinh", "ky_thay", "nguoi.ho_ten",
		"nhom", "nhom[].thanh_vien", "nhom[].thanh_vien[].chuc_vu", "so", "stt"}
	if got := tpl.Fields(); !reflect.DeepEqual(got, want) {
		t.Errorf("Fields:\n got %q\nwant %q", got, want)
	}
}
