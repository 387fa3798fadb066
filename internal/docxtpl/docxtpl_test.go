package docxtpl

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"

	"github.com/beevik/etree"
)

// makeDocx builds a minimal DOCX whose body is body (WordprocessingML), plus
// any extra parts.
func makeDocx(t *testing.T, body string, extra map[string]string) []byte {
	t.Helper()
	return makeDocxSect(t, body, "<w:sectPr/>", extra)
}

// makeDocxSect is makeDocx with the body's own section properties.
func makeDocxSect(t *testing.T, body, sectPr string, extra map[string]string) []byte {
	t.Helper()
	// Every extra part in word/ is reached from the document, as Word
	// writes it: a part no relationship reaches is refused.
	rels := ooxmltest.StylesRel
	var more []ooxmltest.Part
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		if dir, base := path.Split(name); dir == "word/" && base != "styles.xml" {
			kind := strings.TrimRight(strings.TrimSuffix(base, path.Ext(base)), "0123456789")
			rels += `<Relationship Id="rId` + base + `" Type="` + ooxmltest.RelTypes + kind + `" Target="` + base + `"/>`
		}
		more = append(more, ooxmltest.Part{Name: name, Data: extra[name]})
	}
	parts := ooxmltest.With(ooxmltest.MinimalStyled(""),
		ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `>` + rels + `</Relationships>`},
		ooxmltest.Part{Name: "word/document.xml", Data: ooxmltest.DocumentXML(body + sectPr)})
	return ooxmltest.Zip(t, ooxmltest.Declared(ooxmltest.With(parts, more...))) // an extra part replaces the one made here
}

// body returns the w:body element of a filled DOCX.
func body(t *testing.T, docx []byte) *etree.Element {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromString(ooxmltest.PartIn(t, docx, "word/document.xml")); err != nil {
		t.Fatal(err)
	}
	return doc.Root().SelectElement("w:body")
}

// paras returns the visible text of every paragraph under e, with breaks
// as "\n" and tabs as "\t".
func paras(e *etree.Element) []string {
	var out []string
	for _, p := range e.FindElements(".//w:p") {
		var sb strings.Builder
		for _, r := range p.FindElements(".//w:r") {
			for _, c := range r.ChildElements() {
				switch {
				case isW(c, "t"):
					sb.WriteString(c.Text())
				case isW(c, "br"):
					sb.WriteString("\n")
				case isW(c, "tab"):
					sb.WriteString("\t")
				}
			}
		}
		out = append(out, sb.String())
	}
	return out
}

func fill(t *testing.T, bodyXML string, data any) *etree.Element {
	t.Helper()
	tpl, err := Parse("t.docx", makeDocx(t, bodyXML, nil))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	out, err := tpl.Execute(data)
	if err != nil {
		t.Fatalf("Execute: %v", err)
	}
	if raw := ooxmltest.PartIn(t, out, "word/document.xml"); strings.Contains(raw, "{{") || strings.Contains(raw, "hoso-") {
		t.Errorf("leftover template syntax in output: %s", raw)
	}
	return body(t, out)
}

func p(runs ...string) string { return "<w:p>" + strings.Join(runs, "") + "</w:p>" }
func r(text string) string {
	return `<w:r><w:t xml:space="preserve">` + text + `</w:t></w:r>`
}

type person struct {
	Name  string    `toml:"ho_ten"`
	Title string    `toml:"chuc_vu"`
	Born  time.Time `toml:"ngay_sinh"`
	Notes []string  `toml:"ghi_chu"`
}

type group struct {
	Name    string   `tpl:"ten"`
	Members []person `tpl:"thanh_vien"`
}

type root struct {
	Person  person   `tpl:"nguoi"`
	People  []person `tpl:"ds"`
	Groups  []group  `tpl:"nhom"`
	Deputy  bool     `tpl:"ky_thay"`
	Number  int      `tpl:"so"`
	Text    string   `tpl:"van_ban"`
	Nothing *person  `tpl:"khong_co"`
}

func TestSplitRunsAreJoinedAndKeepFirstRunFormatting(t *testing.T) {
	// What Word writes after editing, spell-checking and typing with a
	// Vietnamese input method: the tag in four runs with proofErr, rsid,
	// a language tag and a bookmark in between.
	xml := `<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Họ tên: {{ngu</w:t></w:r>` +
		`<w:proofErr w:type="spellStart"/><w:r w:rsidR="00AB12CD"><w:rPr><w:lang w:val="vi-VN"/></w:rPr><w:t>oi.</w:t></w:r>` +
		`<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:rPr><w:i/></w:rPr><w:t>ho_t</w:t></w:r>` +
		`<w:proofErr w:type="spellEnd"/><w:r><w:t>en}} (cán bộ)</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>`
	b := fill(t, xml, root{Person: person{Name: "Nguyễn Thị Mai"}})
	if got := paras(b); !reflect.DeepEqual(got, []string{"Họ tên: Nguyễn Thị Mai (cán bộ)"}) {
		t.Fatalf("text = %q", got)
	}
	found := false
	for _, run := range b.FindElements(".//w:r") {
		if tt := run.SelectElement("w:t"); tt != nil && tt.Text() == "Nguyễn Thị Mai" {
			found = true
			if run.FindElement("w:rPr/w:b") == nil {
				t.Errorf("value run lost the bold of the run where the tag starts")
			}
		}
	}
	if !found {
		t.Errorf("no run holds exactly the value")
	}
	if len(b.FindElements(".//w:proofErr")) != 0 {
		t.Errorf("proofErr left inside the output")
	}
	if len(b.FindElements(".//w:bookmarkStart")) != 1 {
		t.Errorf("bookmark lost")
	}
}

func TestSmartQuotesAndFilters(t *testing.T) {
	xml := p(r(`[{{nguoi.chuc_vu | mac_dinh:“Không có”}}] {{so | hai_so}} {{nguoi.ngay_sinh | ngay}} {{so | la_ma}} {{so | chu_cai}} {{nguoi.ho_ten | hoa}}`))
	b := fill(t, xml, root{Number: 5, Person: person{Name: "trần thị ửng", Born: time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC)}})
	want := "[Không có] 05 ngày 05 tháng 02 năm 2026 V đ TRẦN THỊ ỬNG"
	if got := paras(b)[0]; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// TestMoneyFormatter: | tien groups thousands with dots, beyond what an
// int of a 32-bit machine holds, losses included; an absent amount is
// empty.
func TestMoneyFormatter(t *testing.T) {
	type money struct {
		Revenue int64  `tpl:"doanh_thu"`
		Loss    int64  `tpl:"lo"`
		Workers int    `tpl:"lao_dong"`
		None    *int64 `tpl:"khong"`
	}
	xml := p(r(`{{doanh_thu | tien}} {{lo | tien}} {{lao_dong | tien}} [{{khong | tien}}]`))
	b := fill(t, xml, money{Revenue: 447305000000, Loss: -1200000, Workers: 1250})
	if got, want := paras(b)[0], "447.305.000.000 -1.200.000 1.250 []"; got != want {
		t.Fatalf("got %q, want %q", got, want)
	}
}

// A tax code printed with | khong_ngat keeps its hyphen as Word's
// non-breaking hyphen (shown as "-", never a line break), in the value's
// run; a U+2011 in a value is written the same way.
func TestNonBreakingHyphenIsWordsOwn(t *testing.T) {
	tpl, err := Parse("t.docx", makeDocx(t, p(r("MST {{van_ban | khong_ngat}}; {{nguoi.ho_ten}}")), nil))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(root{Text: "0312840639-002", Person: person{Name: "A\u2011B"}})
	if err != nil {
		t.Fatal(err)
	}
	raw := ooxmltest.PartIn(t, out, "word/document.xml")
	for _, want := range []string{`<w:t xml:space="preserve">0312840639</w:t><w:noBreakHyphen/><w:t xml:space="preserve">002</w:t>`,
		`<w:t xml:space="preserve">A</w:t><w:noBreakHyphen/><w:t xml:space="preserve">B</w:t>`} {
		if !strings.Contains(raw, want) {
			t.Errorf("no %s in %s", want, raw)
		}
	}
	if strings.Contains(raw, "\u2011") || strings.Contains(raw, "0312840639-002") {
		t.Errorf("a hyphen left as text: %s", raw)
	}
}

func TestValuesAreEscapedOnceAndNeverEvaluated(t *testing.T) {
	val := `A & B <c> "d" 'e' {{nguoi.ho_ten}} {{end}}`
	tpl, err := Parse("t.docx", makeDocx(t, p(r("{{van_ban}}")), nil))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(root{Text: val, Person: person{Name: "X"}})
	if err != nil {
		t.Fatal(err)
	}
	b := body(t, out)
	if got := paras(b)[0]; got != val {
		t.Fatalf("round trip %q, want %q", got, val)
	}
	raw := ooxmltest.PartIn(t, out, "word/document.xml")
	if !strings.Contains(raw, "A &amp; B &lt;c&gt;") || strings.Contains(raw, "&amp;amp;") {
		t.Errorf("escaping wrong: %s", raw)
	}
}

func TestNewlinesAndTabsBecomeBreaksInsideTheRun(t *testing.T) {
	b := fill(t, p(`<w:r><w:rPr><w:b/></w:rPr><w:t>{{van_ban}}</w:t></w:r>`), root{Text: "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN HÒA\tx"})
	if got := paras(b)[0]; got != "ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN HÒA\tx" {
		t.Fatalf("got %q", got)
	}
	runs := b.FindElements(".//w:r")
	if len(runs) != 1 || runs[0].SelectElement("w:br") == nil || runs[0].SelectElement("w:tab") == nil || runs[0].FindElement("w:rPr/w:b") == nil {
		t.Fatalf("want one bold run with w:br and w:tab, got %d runs", len(runs))
	}
	for _, tt := range runs[0].SelectElements("w:t") {
		if strings.ContainsAny(tt.Text(), "\n\t") {
			t.Errorf("raw newline or tab inside w:t")
		}
	}
}

func TestParagraphLoopDropsControlParagraphs(t *testing.T) {
	xml := p(r("Trước")) + p(r("{{for x in ds}}")) + p(r("{{stt}}. {{x.ho_ten}}")) +
		p(r("{{for n in x.ghi_chu}}")) + p(r("- {{n}}")) + p(r("{{end}}")) + p(r("{{end}}")) + p(r("Sau"))
	data := root{People: []person{{Name: "A", Notes: []string{"a1", "a2"}}, {Name: "B"}, {Name: "C", Notes: []string{"c1"}}}}
	got := paras(fill(t, xml, data))
	want := []string{"Trước", "1. A", "- a1", "- a2", "2. B", "3. C", "- c1", "Sau"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
	got = paras(fill(t, xml, root{}))
	if !reflect.DeepEqual(got, []string{"Trước", "Sau"}) {
		t.Fatalf("empty list: got %q", got)
	}
}

func tbl(rows ...string) string {
	return `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="3000"/></w:tblGrid>` + strings.Join(rows, "") + `</w:tbl>`
}
func tr(cells ...string) string {
	var sb strings.Builder
	sb.WriteString("<w:tr>")
	for _, c := range cells {
		sb.WriteString("<w:tc><w:tcPr/>" + c + "</w:tc>")
	}
	sb.WriteString("</w:tr>")
	return sb.String()
}

func rowTexts(b *etree.Element) [][]string {
	var out [][]string
	for _, row := range b.FindElements(".//w:tr") {
		var cells []string
		for _, tc := range row.SelectElements("w:tc") {
			cells = append(cells, strings.Join(paras(tc), "|"))
		}
		out = append(out, cells)
	}
	return out
}

func TestRowLoopInOneRow(t *testing.T) {
	xml := tbl(tr(p(r("STT")), p(r("Họ tên"))), tr(p(r("{{for x in ds}}{{stt}}")), p(r("{{x.ho_ten}}{{end}}"))))
	got := rowTexts(fill(t, xml, root{People: []person{{Name: "A"}, {Name: "B"}}}))
	want := [][]string{{"STT", "Họ tên"}, {"1", "A"}, {"2", "B"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q", got)
	}
}

func TestNestedRowLoopsWithControlRowsAndRomanGroups(t *testing.T) {
	xml := tbl(
		tr(p(r("STT")), p(r("Tên"))),
		tr(p(r("{{for g in nhom}}")), p()),
		tr(p(r("{{stt | la_ma}}")), p(r("{{g.ten | hoa}}"))),
		tr(p(r("{{for m in g.thanh_vien}}")), p()),
		tr(p(r("{{stt}}")), p(r("{{m.ho_ten}}"))),
		tr(p(r("{{end}}")), p(r("{{end}}"))),
	)
	data := root{Groups: []group{{Name: "tập thể", Members: []person{{Name: "X"}}}, {Name: "cá nhân", Members: []person{{Name: "Y"}, {Name: "Z"}}}}}
	got := rowTexts(fill(t, xml, data))
	want := [][]string{{"STT", "Tên"}, {"I", "TẬP THỂ"}, {"1", "X"}, {"II", "CÁ NHÂN"}, {"1", "Y"}, {"2", "Z"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q\nwant %q", got, want)
	}
}

func TestLoopOverEmptyListKeepsCellsAndTablesValid(t *testing.T) {
	// A paragraph loop that is a cell's only content, and a table whose
	// only row is a loop: both must still give a valid document.
	xml := tbl(tr(p(r("Ghi chú")), p(r("{{for n in nguoi.ghi_chu}}"))+p(r("{{n}}"))+p(r("{{end}}")))) +
		tbl(tr(p(r("{{for x in ds}}{{x.ho_ten}}")), p(r("{{end}}")))) + p(r("Hết"))
	b := fill(t, xml, root{})
	if n := len(b.FindElements(".//w:tbl")); n != 1 {
		t.Fatalf("tables = %d, want the empty one removed", n)
	}
	for _, tc := range b.FindElements(".//w:tc") {
		if tc.SelectElement("w:p") == nil {
			t.Fatalf("cell without paragraph")
		}
	}
}

func TestConditionals(t *testing.T) {
	xml := p(r("{{if ky_thay}}")) + p(r("KT. CHỦ TỊCH")) + p(r("{{else}}")) + p(r("CHỦ TỊCH")) + p(r("{{end}}")) +
		p(r("A{{if not ky_thay}} B{{end}}{{if so == 3}} C{{else}} D{{end}}")) +
		p(r("{{if khong_co}}{{khong_co.ho_ten}}{{end}}Z"))
	got := paras(fill(t, xml, root{Deputy: true, Number: 3}))
	if !reflect.DeepEqual(got, []string{"KT. CHỦ TỊCH", "A C", "Z"}) {
		t.Fatalf("deputy: %q", got)
	}
	got = paras(fill(t, xml, root{Number: 4}))
	if !reflect.DeepEqual(got, []string{"CHỦ TỊCH", "A B D", "Z"}) {
		t.Fatalf("head: %q", got)
	}
}

func parseErrs(t *testing.T, docx []byte) Errors {
	t.Helper()
	_, err := Parse("mau.docx", docx)
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("want Errors, got %v", err)
	}
	return errs
}

func TestStructureErrorsAreLocated(t *testing.T) {
	cases := []struct {
		name, body, want string
	}{
		{"missing end", p(r("{{for x in ds}}")) + p(r("{{x.ho_ten}}")), "đoạn 1 «{{for x in ds}}»: {{for x in ds}}: thiếu {{end}}"},
		{"stray end", p(r("a")) + p(r("{{end}}")), "đoạn 2 «{{end}}»: {{end}}: {{end}} thừa"},
		{"else outside if", p(r("{{for x in ds}}{{else}}{{end}}")), "{{else}} không nằm trong một {{if}}"},
		{"unclosed", p(r("Số {{so")), "không có \"}}\" đóng"},
		{"bad syntax", p(r("{{for x ds}}")), "vòng lặp phải có dạng"},
		{"unknown filter", p(r("{{so | hoaa}}")), "không có bộ định dạng \"hoaa\""},
		{"in table", tbl(tr(p(r("x")), p(r("y"))), tr(p(r("a")), p(r("{{if so}}b")))), "bảng 1, hàng 2, ô 2, đoạn 4 «{{if so}}b»"},
		{"else not alone", p(r("{{if so}}")) + p(r("a {{else}}")) + p(r("{{end}}")), "{{else}} phải đứng riêng một đoạn"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			errs := parseErrs(t, makeDocx(t, c.body, nil))
			if !strings.Contains(errs.Error(), c.want) || !strings.HasPrefix(errs.Error(), "mau.docx: ") {
				t.Fatalf("error %q does not contain %q", errs.Error(), c.want)
			}
		})
	}
}

func TestTagsInHeadersAreRefused(t *testing.T) {
	hdr := `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + ooxmltest.WNS + `><w:p><w:r><w:t>{{so}}</w:t></w:r></w:p></w:hdr>`
	errs := parseErrs(t, makeDocx(t, p(r("a")), map[string]string{"word/header1.xml": hdr}))
	if !strings.Contains(errs.Error(), "đầu trang không phần nào dùng (word/header1.xml), đoạn 1 «{{so}}»") {
		t.Fatalf("got %v", errs)
	}
}

func TestUnknownFieldsStaticAndAtFill(t *testing.T) {
	xml := tbl(tr(p(r("{{for x in ds}}{{x.ho_tenn}}")), p(r("{{end}}")))) + p(r("{{nguoi.chuc_vu}} {{ds}}"))
	tpl, err := Parse("mau.docx", makeDocx(t, xml, nil))
	if err != nil {
		t.Fatal(err)
	}
	errs := tpl.Check(reflect.TypeOf(root{}))
	if len(errs) != 2 {
		t.Fatalf("want 2 problems, got %v", errs)
	}
	if !strings.Contains(errs[0].Error(), `bảng 1, hàng 1, ô 1`) || !strings.Contains(errs[0].Error(), `không có trường "x.ho_tenn"; các trường có ở đây: chuc_vu, ghi_chu, ho_ten, ngay_sinh`) {
		t.Errorf("got %v", errs[0])
	}
	if !strings.Contains(errs[1].Error(), "{{ds}}: đây là một danh sách") {
		t.Errorf("got %v", errs[1])
	}
	_, err = tpl.Execute(root{People: []person{{Name: "A"}}})
	if err == nil || !strings.Contains(err.Error(), `không có trường "x.ho_tenn"`) {
		t.Fatalf("Execute: %v", err)
	}
}

func TestControlCharactersAreRefused(t *testing.T) {
	tpl, err := Parse("mau.docx", makeDocx(t, p(r("{{van_ban}}")), nil))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tpl.Execute(root{Text: "a\x01b"}); err == nil || !strings.Contains(err.Error(), "U+0001") {
		t.Fatalf("got %v", err)
	}
}

func TestExecuteIsRepeatable(t *testing.T) {
	tpl, err := Parse("mau.docx", makeDocx(t, p(r("{{nguoi.ho_ten}}")), nil))
	if err != nil {
		t.Fatal(err)
	}
	a, _ := tpl.Execute(root{Person: person{Name: "A"}})
	b, _ := tpl.Execute(root{Person: person{Name: "B"}})
	if paras(body(t, a))[0] != "A" || paras(body(t, b))[0] != "B" {
		t.Fatal("second fill leaked into the first or the template changed")
	}
}

func TestLocationsFollowReadingOrder(t *testing.T) {
	// A paragraph after a table is numbered after the table's paragraphs.
	xml := tbl(tr(p(r("a")), p(r("b")))) + p(r("{{khong_co_truong}}"))
	tpl, err := Parse("mau.docx", makeDocx(t, xml, nil))
	if err != nil {
		t.Fatal(err)
	}
	errs := tpl.Check(reflect.TypeOf(root{}))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "đoạn 3 «{{khong_co_truong}}»") {
		t.Fatalf("got %v", errs)
	}
}

func TestBlockAcrossATableEdgeIsRefused(t *testing.T) {
	xml := tbl(tr(p(r("{{for x in ds}}{{x.ho_ten}}")), p(r("b")))) + p(r("{{end}}"))
	errs := parseErrs(t, makeDocx(t, xml, nil))
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "bảng 1, hàng 1, ô 1") ||
		!strings.Contains(errs[0].Error(), "phải cùng nằm trong thân văn bản, cùng một ô") {
		t.Fatalf("got %v", errs)
	}
}

// TestVerifyDocxCatchesWhatTheCarrierGotWrong feeds the check a DOCX that
// does not hold what was filled: a different body, a cut archive, a body
// with the engine's markers left in.
func TestVerifyDocxCatchesWhatTheCarrierGotWrong(t *testing.T) {
	tpl, err := Parse("mau.docx", makeDocx(t, p(r("{{van_ban}}")), nil))
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(root{Text: "đúng"})
	if err != nil {
		t.Fatal(err)
	}
	parts, err := ooxml.OpenParts(out)
	if err != nil {
		t.Fatal(err)
	}
	body, err := parts.Bytes("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	if err := verifyDocx(out, string(body)); err != nil {
		t.Fatalf("a good file is refused: %v", err)
	}
	other := strings.Replace(string(body), "đúng", "sai!", 1)
	if err := verifyDocx(out, other); err == nil || !strings.Contains(err.Error(), "khác nội dung đã điền") {
		t.Errorf("a different body: %v", err)
	}
	if err := verifyDocx(out[:len(out)-30], string(body)); err == nil {
		t.Error("a cut archive passes")
	}
	marked := strings.Replace(string(body), "<w:body>", "<w:body><"+blockElem+"/>", 1)
	fake := ooxmltest.Zip(t, []ooxmltest.Part{{Name: "word/document.xml", Data: marked}})
	if err := verifyDocx(fake, marked); err == nil || !strings.Contains(err.Error(), "dấu vết của mẫu") {
		t.Errorf("leftover marker: %v", err)
	}
}

// TestOtherPartsAreCopiedAsStored checks the patched carrier: every part but
// the body leaves the template byte for byte as it was stored (compressed
// bytes and all), the body is the filled one, and nothing is added or lost.
func TestOtherPartsAreCopiedAsStored(t *testing.T) {
	hdr := `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + ooxmltest.WNS + `><w:p><w:r><w:t>Đầu trang</w:t></w:r></w:p></w:hdr>`
	// Stored uncompressed, as some tools write them: a carrier that
	// inflates and compresses again changes the bytes.
	tplBytes := restore(t, makeDocx(t, p(r("{{van_ban}}")), map[string]string{"word/header1.xml": hdr, "word/styles.xml": "<w:styles " + ooxmltest.WNS + "/>"}))
	tpl, err := Parse("mau.docx", tplBytes)
	if err != nil {
		t.Fatal(err)
	}
	out, err := tpl.Execute(root{Text: "đã điền"})
	if err != nil {
		t.Fatal(err)
	}
	stored := func(b []byte) map[string][]byte {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		m := map[string][]byte{}
		for _, f := range zr.File {
			rc, err := f.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			if m[f.Name], err = io.ReadAll(rc); err != nil {
				t.Fatal(err)
			}
		}
		return m
	}
	in, got := stored(tplBytes), stored(out)
	if len(in) != len(got) {
		t.Fatalf("%d parts in the template, %d in the output", len(in), len(got))
	}
	for name, b := range in {
		same := bytes.Equal(got[name], b)
		if name == "word/document.xml" {
			if same {
				t.Error("the body was not replaced")
			}
			continue
		}
		if !same {
			t.Errorf("%s: not copied as stored", name)
		}
	}
	if !strings.Contains(ooxmltest.PartIn(t, out, "word/document.xml"), "đã điền") {
		t.Error("filled text missing from the body")
	}
}

// restore rewrites an archive with every part stored uncompressed.
func restore(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestExecuteLeavesTheTemplateUntouched: outputs share the template's
// subtrees without tags; filling (loops over full and empty lists, both
// branches of an if, cells and tables repaired) must not change the
// compiled template, on one goroutine or several (run with -race).
func TestExecuteLeavesTheTemplateUntouched(t *testing.T) {
	xml := tbl(tr(p(r("STT")), p(r("Họ tên"))), tr(p(r("{{for x in ds}}{{stt}}")), p(r("{{x.ho_ten}}{{end}}")))) +
		tbl(tr(p(r("Ghi chú")), p(r("{{for n in nguoi.ghi_chu}}"))+p(r("{{n}}"))+p(r("{{end}}")))) +
		p(r("{{if ky_thay}}")) + p(r("KT. CHỦ TỊCH")) + p(r("{{else}}")) + p(r("CHỦ TỊCH")) + p(r("{{end}}")) + p(r("Hết"))
	tpl, err := Parse("mau.docx", makeDocx(t, xml, nil))
	if err != nil {
		t.Fatal(err)
	}
	compiled := func() string {
		doc := etree.NewDocument()
		doc.SetRoot(tpl.root.Copy())
		s, _ := doc.WriteToString()
		return s
	}
	before := compiled()
	data := []root{{}, {People: []person{{Name: "A"}, {Name: "B"}}, Deputy: true}, {Person: person{Notes: []string{"x", "y"}}}}
	var wg sync.WaitGroup
	outs := make([][]byte, len(data)*2)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if outs[i], err = tpl.Execute(data[i%len(data)]); err != nil {
				t.Errorf("filling data %d: %v", i%len(data), err)
			}
		}()
	}
	wg.Wait()
	if after := compiled(); after != before {
		t.Fatalf("the template changed while filling:\nbefore %s\nafter  %s", before, after)
	}
	for i := range data {
		if !bytes.Equal(outs[i], outs[i+len(data)]) {
			t.Errorf("data %d filled twice gave different files", i)
		}
	}
	if got := strings.Join(paras(body(t, outs[1])), "|"); !strings.Contains(got, "KT. CHỦ TỊCH|Hết") ||
		!strings.Contains(got, "1|A|2|B") || strings.Contains(got, "|CHỦ TỊCH|") {
		t.Errorf("filled: %q", got)
	}
}

// TestBodyIsWrittenAsEtreeWritesIt: Execute writes the template's tagless
// subtrees from bytes kept at compile time and the rest itself; reading
// the body back and writing it with etree must give the same bytes.
func TestBodyIsWrittenAsEtreeWritesIt(t *testing.T) {
	xml := tbl(tr(p(r("STT")), p(r("Họ tên"))), tr(p(r("{{for x in ds}}{{stt}}")), p(r("{{x.ho_ten}}{{end}}")))) +
		tbl(tr(p(r("Ghi chú")), p(r("{{for n in nguoi.ghi_chu}}"))+p(r("{{n}}"))+p(r("{{end}}")))) +
		p(r("{{if ky_thay}}")) + p(r("KT. CHỦ TỊCH")) + p(r("{{else}}")) + p(r("CHỦ TỊCH")) + p(r("{{end}}")) +
		`<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve"> a &amp; b </w:t></w:r></w:p>` + p(r("{{van_ban}}"))
	tpl, err := Parse("mau.docx", makeDocx(t, xml, nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, data := range []root{{}, {People: []person{{Name: `A & <B> "C" 'D'`}}, Deputy: true, Text: "dòng 1\ndòng\t2"}} {
		out, err := tpl.Execute(data)
		if err != nil {
			t.Fatal(err)
		}
		written := ooxmltest.PartIn(t, out, "word/document.xml")
		doc := etree.NewDocument()
		if err := doc.ReadFromString(written); err != nil {
			t.Fatal(err)
		}
		again, _ := doc.WriteToString()
		if again != written {
			t.Errorf("etree writes the body otherwise:\nours  %s\netree %s", written, again)
		}
	}
}
