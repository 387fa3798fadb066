package tplcheck_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tplcheck"
	"github.com/hoso-vn/hoso/templates"
)

// examplesDocx is a template with one paragraph per snippet.
func examplesDocx(t *testing.T, snippets []string) []byte {
	var body strings.Builder
	for _, s := range snippets {
		body.WriteString(`<w:p><w:r><w:t xml:space="preserve">` + strings.ReplaceAll(s, "&", "&amp;") + `</w:t></w:r></w:p>`)
	}
	return minimalDocx(t, body.String())
}

// TestEveryPrintedExampleIsAValidTag: the example printed for every field
// and every formatter passes the engine's check against the data; the
// listing and the engine cannot drift apart.
func TestEveryPrintedExampleIsAValidTag(t *testing.T) {
	var snippets []string
	for _, f := range tplcheck.Fields(schema) {
		if f.Example == "" || !strings.Contains(f.Example, "{{") {
			t.Errorf("%s: no example", f.Path)
		}
		snippets = append(snippets, f.Example)
	}
	for _, fl := range docxtpl.Filters() {
		snippets = append(snippets, fl.Example)
		if !strings.Contains(fl.Example, "| "+fl.Name) || fl.Output == "" {
			t.Errorf("formatter %s: example %q does not use it or shows no output", fl.Name, fl.Example)
		}
	}
	if _, err := docxtpl.Compile("vi-du.docx", examplesDocx(t, snippets), docxtpl.Schema{Data: schema}); err != nil {
		t.Fatalf("printed examples the engine refuses:\n%v", err)
	}
	// the check above can fail: the examples printed before were refused
	for _, bad := range []string{"{{for x in de_nghi[].khen_thuong}}{{x.nam}}{{end}}", "{{ngay | ngay_chu}}", "{{van_ban.so | hai_so}}"} {
		if _, err := docxtpl.Compile("sai.docx", examplesDocx(t, []string{bad}), docxtpl.Schema{Data: schema}); err == nil {
			t.Errorf("the engine accepted %s", bad)
		}
	}
}

func TestFieldTypesInWords(t *testing.T) {
	byPath := map[string]tplcheck.Field{}
	for _, f := range tplcheck.Fields(schema) {
		if _, dup := byPath[f.Path]; dup {
			t.Errorf("%s listed twice", f.Path)
		}
		byPath[f.Path] = f
	}
	for path, typ := range map[string]string{
		"co_quan":                              "nhóm",
		"co_quan.ten":                          "chữ",
		"van_ban.ngay":                         "ngày",
		"van_ban.kinh_gui":                     "danh sách của chữ",
		"van_ban.kinh_gui_mot":                 "có/không",
		"so_tap_the":                           "số",
		"stt":                                  "số thứ tự",
		"de_nghi[].so_thu_tu":                  "số thứ tự",
		"de_nghi[].so_lieu[].loi_nhuan":        "số",
		"bien_ban.bat_dau":                     "ngày giờ",
		"de_nghi":                              "danh sách của nhóm",
		"de_nghi[].ho_ten":                     "chữ",
		"de_nghi[].danh_hieu":                  "danh sách của nhóm",
		"de_nghi[].danh_hieu[].nam":            "chữ",
		"doi_tuong":                            "nhóm",
		"doi_tuong.ho_ten":                     "chữ",
		"nhom[].doi_tuong[].khen_thuong[].nam": "chữ",
		"cong_van_thue.doanh_nghiep[].thue.ma_so_thue": "chữ",
	} {
		if byPath[path].Type != typ {
			t.Errorf("%s: type %q, want %q", path, byPath[path].Type, typ)
		}
	}
	if f := byPath["de_nghi[].danh_hieu[].nam"]; f.Example != "{{for x in de_nghi}}{{for y in x.danh_hieu}}{{y.nam}}{{end}}{{end}}" {
		t.Errorf("nested example %q", f.Example)
	}
	if f := byPath["co_quan.ten"]; f.Doc == "" || f.Sample != "Ủy ban nhân dân phường Tân Sơn Hòa" {
		t.Errorf("co_quan.ten: %+v", f)
	}

	// a date with a time of day says so, and its example prints the time
	type meeting struct {
		Start time.Time `tpl:"bat_dau,datetime" doc:"bắt đầu"`
		Day   time.Time `tpl:"ngay"`
	}
	fs := tplcheck.Fields(reflect.TypeOf(struct {
		M meeting `tpl:"hop"`
	}{}))
	if fs[1].Type != "ngày giờ" || fs[1].Example != "{{hop.bat_dau | gio}}, {{hop.bat_dau | ngay}}" || fs[2].Type != "ngày" {
		t.Errorf("datetime: %+v", fs)
	}
}

// missingDoc lists the data fields without a `doc` tag (their meaning) in
// internal/dossier/data.go. Whoever gives one its meaning removes it here:
// the test fails when a field without a meaning is added and when one
// listed here has got its meaning.
var missingDoc = []string{}

// TestEveryFieldHasAMeaning: every field templates may name says what it
// holds (templates fields prints it).
func TestEveryFieldHasAMeaning(t *testing.T) {
	var missing []string
	seen := map[reflect.Type]bool{}
	var walk func(rt reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || rt == reflect.TypeOf(time.Time{}) || seen[rt] {
			return
		}
		seen[rt] = true
		for i := 0; i < rt.NumField(); i++ {
			sf := rt.Field(i)
			name := docxtpl.FieldName(sf)
			if name == "" {
				continue
			}
			if sf.Tag.Get("doc") == "" {
				missing = append(missing, rt.Name()+"."+name)
			}
			walk(sf.Type)
		}
	}
	walk(schema)
	slices.Sort(missing)
	want := slices.Clone(missingDoc)
	slices.Sort(want)
	if !slices.Equal(missing, want) {
		t.Errorf("fields without a meaning (doc tag):\n got %q\nwant %q", missing, want)
	}
	var noDoc int
	for _, f := range tplcheck.Fields(schema) {
		if f.Doc == "" {
			noDoc++
		}
	}
	if noDoc == 0 && len(missingDoc) > 0 {
		t.Error("the listing gives a meaning the data types lack")
	}
}

// TestFieldsJSON: --json lists every field with its type, meaning and
// example, and with a form set, the parts whose templates read it.
func TestFieldsJSON(t *testing.T) {
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	set, err := formset.Select(sets, time.Time{}, "nd152-2025")
	if err != nil {
		t.Fatal(err)
	}
	parts, err := tplcheck.PartsReading(set)
	if err != nil {
		t.Fatal(err)
	}
	var out strings.Builder
	if err := tplcheck.WriteFieldsJSON(&out, schema, parts, nil); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Fields []struct {
			Path    string   `json:"truong"`
			Type    string   `json:"kieu"`
			Doc     string   `json:"y_nghia"`
			Example string   `json:"vi_du"`
			Parts   []string `json:"phan"`
		} `json:"truong"`
		Filters []map[string]string `json:"bo_dinh_dang"`
	}
	if err := json.Unmarshal([]byte(out.String()), &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Fields) != len(tplcheck.Fields(schema)) || len(got.Filters) != len(docxtpl.Filters()) {
		t.Fatalf("%d fields, %d formatters", len(got.Fields), len(got.Filters))
	}
	for _, fl := range got.Filters {
		if fl["ten"] == "" || fl["nhan_kieu"] == "" || fl["cho"] == "" || fl["vi_du"] == "" {
			t.Errorf("formatter %v", fl)
		}
	}
	byPath := map[string][]string{}
	for _, f := range got.Fields {
		if f.Type == "" || f.Example == "" {
			t.Errorf("%+v", f)
		}
		byPath[f.Path] = f.Parts
	}
	for path, want := range map[string][]string{
		"co_quan.ten":                {"bien-ban"},
		"doi_tuong.ho_ten":           {"bao-cao-thanh-tich"},
		"cong_van_thue.co_quan_thue": {"xac-nhan-thue"},
		"cong_van.co_quan":           {"xac-nhan-bhxh"},
		"bien_ban.ket_qua[].ten":     {"bien-ban"},
		"nhom[].doi_tuong[].ten":     {"to-trinh"},
		"de_nghi[].ngay_sinh":        nil,
		"stt":                        {"to-trinh", "bien-ban", "xac-nhan-thue", "xac-nhan-bhxh"},
	} {
		if !reflect.DeepEqual(byPath[path], want) {
			t.Errorf("%s read by %q, want %q", path, byPath[path], want)
		}
	}
}

// TestFieldsHeaderSaysWhereDoiTuongHasAValue: doi_tuong has a value in
// every document printed per nominee, not only in the Báo cáo thành tích.
func TestFieldsHeaderSaysWhereDoiTuongHasAValue(t *testing.T) {
	var out strings.Builder
	if err := tplcheck.WriteFields(&out, schema, nil, nil); err != nil {
		t.Fatal(err)
	}
	head, _, _ := strings.Cut(out.String(), "Danh sách cho máy đọc")
	if strings.Contains(head, "doi_tuong chỉ có giá trị trong Báo cáo") || !strings.Contains(head, `lap = "moi-doi-tuong"`) {
		t.Errorf("header:\n%s", head)
	}
}

// TestDeclaredFieldsAreListed: "templates fields --bo-mau" lists the free
// fields the set's parts declare, with kind, meaning and the declaring
// part, in the text and in the JSON.
func TestDeclaredFieldsAreListed(t *testing.T) {
	dir := tempSet(t, "bo-mau.toml", freeFieldsManifest)
	sets, err := formset.Load(os.DirFS(dir))
	if err != nil || len(sets) != 1 {
		t.Fatalf("%d sets: %v", len(sets), err)
	}
	free := tplcheck.DeclaredFields(sets[0])
	if len(free) != 3 || free[0].Path != "van_ban.phong_hop" || free[0].Type != "chữ" || free[0].Doc != "phòng họp (bắt buộc)" ||
		!slices.Equal(free[0].Parts, []string{"bien-ban"}) || !strings.Contains(free[1].Example, "{{van_ban.gio_hop") {
		t.Fatalf("declared fields %+v", free)
	}
	var text, js strings.Builder
	if err := tplcheck.WriteFields(&text, schema, nil, free); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(text.String(), "TRƯỜNG TỰ DO CỦA BỘ MẪU") || !strings.Contains(text.String(), "van_ban.ngay_hop  [ngày]") {
		t.Errorf("the text listing lacks the free fields")
	}
	if err := tplcheck.WriteFieldsJSON(&js, schema, nil, free); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Fields []tplcheck.Field `json:"truong"`
	}
	if err := json.Unmarshal([]byte(js.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(doc.Fields, func(f tplcheck.Field) bool { return f.Path == "van_ban.gio_hop" && f.Type == "ngày giờ" }) {
		t.Errorf("the JSON listing lacks van_ban.gio_hop")
	}
}
