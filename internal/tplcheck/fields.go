package tplcheck

import (
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
)

// Field is one name a template may use, found by reflection over the data
// type: nothing here is kept by hand.
type Field struct {
	Path    string   `json:"truong"`                // "co_quan.ten", "de_nghi[].ho_ten"
	Type    string   `json:"kieu"`                  // in words: chữ, số, ngày, ngày giờ, có/không, danh sách của …, nhóm
	Doc     string   `json:"y_nghia"`               // what it holds: the field's `doc` tag
	Example string   `json:"vi_du"`                 // a template snippet using it, valid against the data
	Sample  string   `json:"gia_tri_mau,omitempty"` // a value it may hold: the `example` tag
	Parts   []string `json:"phan,omitempty"`        // the parts of a form set whose templates read it, when one is given
	// Same is, for a group met before under another path, that path: the
	// listing for people does not repeat its fields.
	Same string `json:"-"`
}

// Fields walks the struct type t and lists every field a template may
// name, depth first in declaration order, every group expanded wherever
// it appears (doi_tuong.ho_ten as well as de_nghi[].ho_ten); the fields
// of a list's items are under "name[]".
func Fields(t reflect.Type) []Field { return walkFields(t, false) }

// walkFields lists the fields of t; with collapse, a struct type met a
// second time is not expanded again but points at its first listing.
func walkFields(t reflect.Type, collapse bool) []Field {
	var out []Field
	first := map[reflect.Type]string{}
	// walk lists the fields of struct type st at path prefix; expr is how
	// a template refers to the struct there (a loop variable inside a
	// loop), open and close the loops a snippet must sit in.
	var walk func(st reflect.Type, prefix, expr, open, close string, depth int, seen []reflect.Type)
	walk = func(st reflect.Type, prefix, expr, open, close string, depth int, seen []reflect.Type) {
		for i := 0; i < st.NumField(); i++ {
			sf := st.Field(i)
			name := docxtpl.FieldName(sf)
			if name == "" {
				continue
			}
			datetime := docxtpl.HasOption(sf, "datetime")
			ref := join(expr, name)
			f := Field{Path: prefix + name, Type: typeWords(sf), Doc: sf.Tag.Get("doc"), Sample: sf.Tag.Get("example"),
				Example: open + usage(ref, sf.Type, datetime, depth) + close}
			ft := deref(sf.Type)
			list := ft.Kind() == reflect.Slice || ft.Kind() == reflect.Array
			if list {
				ft = deref(ft.Elem())
			}
			if !isGroup(ft) {
				out = append(out, f)
				continue
			}
			if p, ok := first[ft]; ok && collapse {
				f.Same = p
				out = append(out, f)
				continue
			}
			out = append(out, f)
			if containsType(seen, ft) {
				continue // a type inside itself
			}
			sub := f.Path + "."
			if !list {
				first[ft] = f.Path
				walk(ft, sub, ref, open, close, depth, append(seen, ft))
				continue
			}
			v := loopVar(depth)
			first[ft] = f.Path + "[]"
			walk(ft, f.Path+"[].", v, open+"{{for "+v+" in "+ref+"}}", "{{end}}"+close, depth+1, append(seen, ft))
		}
	}
	walk(deref(t), "", "", "", "", 0, nil)
	return append(sttField(out), out...)
}

// sttField lists stt, which is no field of the data but the engine's
// position in the innermost loop, when fields has a list to loop over:
// its example loops over the first.
func sttField(fields []Field) []Field {
	for _, f := range fields {
		if strings.HasPrefix(f.Type, "danh sách") && !strings.Contains(f.Path, "[]") {
			return []Field{{Path: "stt", Type: docxtpl.KindOrdinal.String(),
				Doc:     "số thứ tự (1, 2, 3…) của phần tử trong vòng {{for}} gần nhất; chỉ dùng giữa {{for …}} và {{end}}; nhận | la_ma, | chu_cai",
				Example: "{{for x in " + f.Path + "}}{{stt}}{{end}}"}}
		}
	}
	return nil
}

func join(expr, name string) string {
	if expr == "" {
		return name
	}
	return expr + "." + name
}

func containsType(ts []reflect.Type, t reflect.Type) bool {
	for _, x := range ts {
		if x == t {
			return true
		}
	}
	return false
}

// loopVar names the variable of a loop nested depth loops deep.
func loopVar(depth int) string {
	if depth < 3 {
		return []string{"x", "y", "z"}[depth]
	}
	return fmt.Sprintf("x%d", depth+1)
}

// usage is a snippet that uses the value expr of type t the way its type
// wants: a date through | ngay, a list in a loop, a group by a field of
// its own, a yes/no in an {{if}}.
func usage(expr string, t reflect.Type, datetime bool, depth int) string {
	t = deref(t)
	switch {
	case t == timeType && datetime:
		return "{{" + expr + " | gio}}, {{" + expr + " | ngay}}"
	case t == timeType:
		return "{{" + expr + " | ngay}}"
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		v := loopVar(depth)
		return "{{for " + v + " in " + expr + "}}" + usage(v, t.Elem(), false, depth+1) + "{{end}}"
	case isGroup(t):
		sf, ok := firstField(t)
		if !ok {
			return "{{" + expr + ".…}}"
		}
		return usage(expr+"."+docxtpl.FieldName(sf), sf.Type, docxtpl.HasOption(sf, "datetime"), depth)
	case t.Kind() == reflect.Bool:
		return "{{if " + expr + "}}…{{end}}"
	}
	return "{{" + expr + "}}"
}

// firstField is the first field of a struct a template may name.
func firstField(t reflect.Type) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		if docxtpl.FieldName(t.Field(i)) != "" {
			return t.Field(i), true
		}
	}
	return reflect.StructField{}, false
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

var timeType = reflect.TypeOf(time.Time{})

// isGroup reports whether t is a group of fields rather than one value.
func isGroup(t reflect.Type) bool {
	_, printable := docxtpl.KindOf(t)
	return !printable && (t.Kind() == reflect.Struct || t.Kind() == reflect.Map)
}

// typeWords says what kind of value field sf holds, the way a maintainer
// thinks of it: its kind (docxtpl.FieldKind) in words, or what it is when
// it does not print.
func typeWords(sf reflect.StructField) string {
	t := deref(sf.Type)
	switch {
	case isGroup(t):
		return "nhóm"
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return "danh sách của " + typeWords(reflect.StructField{Type: t.Elem(), Tag: sf.Tag})
	case t.Kind() == reflect.Bool:
		return "có/không"
	case t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64:
		return "số thập phân"
	case t.Kind() == reflect.Interface:
		return "tùy dữ liệu"
	}
	k, _ := docxtpl.FieldKind(sf)
	return k.String()
}

// kindTypes names the field types a formatter takes, in the words of
// typeWords.
func kindTypes(k docxtpl.Kind) string {
	if k == docxtpl.KindAny {
		return "mọi kiểu in được"
	}
	var ws []string
	for _, one := range []docxtpl.Kind{docxtpl.KindText, docxtpl.KindInt, docxtpl.KindOrdinal, docxtpl.KindDate, docxtpl.KindDateTime} {
		switch {
		case k&one == 0:
		case one == docxtpl.KindText:
			ws = append(ws, "chữ, có/không, số thập phân")
		default:
			ws = append(ws, one.String())
		}
	}
	return strings.Join(ws, "; ")
}

// gives says what a formatter gives, in words.
func gives(f docxtpl.Filter) string {
	if f.Gives == 0 {
		return "kiểu của trường, hoặc chữ (tham số) khi trường trống"
	}
	return f.Gives.String()
}

// PartsReading maps each field path to the parts of set s whose templates
// read it (see docxtpl.Template.Fields), for the listing of fields.
func PartsReading(s *formset.Set) (map[string][]string, error) {
	out := map[string][]string{}
	for _, p := range s.Parts {
		seen := map[string]bool{}
		for _, file := range p.Template.Files() {
			raw, err := s.ReadFile(file)
			if err != nil {
				return nil, err
			}
			t, err := docxtpl.Parse(s.Path(file), raw)
			if err != nil {
				return nil, err
			}
			for _, f := range t.Fields() {
				if !seen[f] {
					seen[f] = true
					out[f] = append(out[f], p.ID)
				}
			}
		}
	}
	return out, nil
}

// WriteFields prints every field of t and every formatter, for
// maintainers: "hoso templates fields". parts, when not nil, gives the
// parts of a form set that read each field (PartsReading); free are the
// set's declared free fields (DeclaredFields), their parts those that
// declare them.
func WriteFields(w io.Writer, t reflect.Type, parts map[string][]string, free []Field) error {
	var b strings.Builder
	b.WriteString(`TRƯỜNG DỮ LIỆU DÙNG TRONG MẪU (fields a template may use)
Sinh tự động từ kiểu dữ liệu của chương trình (dossier.Data).

Cách đọc tên:
  co_quan.ten        trường «ten» trong nhóm «co_quan»: viết {{co_quan.ten}}
  de_nghi[].ho_ten   «de_nghi» là danh sách; trong vòng lặp
                     {{for x in de_nghi}} … {{x.ho_ten}} … {{end}}
                     mỗi phần tử là x, viết {{x.ho_ten}}
  stt                số thứ tự (1, 2, 3…) của phần tử trong vòng {{for}} gần nhất
Kiểu: chữ; số; số thứ tự (stt, so_thu_tu: đánh số mục bằng | la_ma,
| chu_cai); ngày (in bằng | ngay, | ngay_so…), ngày giờ (thêm | gio); có/không
(dùng với {{if …}}); danh sách của … (dùng với {{for …}}); nhóm (chọn một
trường con). {{if truong == "…"}} so sánh với giá trị in ra của trường: số
viết bằng chữ số, ngày dạng dd/mm/yyyy, có/không là «có» hoặc «không». Mỗi trường có một ví dụ viết đúng («viết:»), đã được kiểm tra.
Mọi mẫu nhận cùng các trường; doi_tuong chỉ có giá trị trong văn bản in
riêng cho từng đối tượng (lap = "moi-doi-tuong", như Báo cáo thành tích, công
văn xin xác nhận cho một doanh nghiệp), cong_van trong công văn xin xác nhận
(thuế, bảo hiểm xã hội), cong_van_thue chỉ trong công văn gửi cơ quan thuế;
ở văn bản khác chúng trống. Trường tự do của một văn bản ({{van_ban.<ten>}})
là các trường bo-mau.toml khai báo trong [[van_ban.truong]] của nó.
Danh sách cho máy đọc: hoso templates fields --json

`)
	for _, f := range walkFields(t, true) {
		fmt.Fprintf(&b, "%s  [%s]\n", f.Path, f.Type)
		if f.Doc != "" {
			fmt.Fprintf(&b, "    %s\n", f.Doc)
		}
		if f.Same != "" {
			fmt.Fprintf(&b, "    các trường con giống %s\n", f.Same)
		}
		if f.Sample != "" {
			fmt.Fprintf(&b, "    giá trị mẫu: %s\n", strings.ReplaceAll(f.Sample, "\n", " ⏎ "))
		}
		fmt.Fprintf(&b, "    viết: %s\n", f.Example)
		if ps := parts[f.Path]; len(ps) > 0 {
			fmt.Fprintf(&b, "    dùng trong: %s\n", strings.Join(ps, ", "))
		}
	}
	if len(free) > 0 {
		b.WriteString("\nTRƯỜNG TỰ DO CỦA BỘ MẪU (declared free fields: [[van_ban.truong]])\n")
		for _, f := range free {
			fmt.Fprintf(&b, "%s  [%s]\n    %s\n    viết: %s\n    khai báo trong: %s\n", f.Path, f.Type, f.Doc, f.Example, strings.Join(f.Parts, ", "))
		}
	}
	b.WriteString(`
BỘ ĐỊNH DẠNG (formatters): {{truong | ten}} hoặc {{truong | ten:"tham số"}}
Có thể nối nhiều bộ: {{x | mac_dinh:"Không" | hoa}}; mỗi bộ nhận giá trị bộ
trước cho. Dùng bộ định dạng với kiểu trường khác là lỗi (hoso templates check).

`)
	fmt.Fprintf(&b, "  %-10s %-30s %s\n", "bộ", "nhận kiểu", "cho")
	for _, fl := range docxtpl.Filters() {
		fmt.Fprintf(&b, "  %-10s %-30s %s\n", fl.Name, kindTypes(fl.Accepts), gives(fl))
	}
	b.WriteByte('\n')
	for _, fl := range docxtpl.Filters() {
		fmt.Fprintf(&b, "%s\n    %s\n", fl.Name, fl.Doc)
		if fl.Arg != "" {
			fmt.Fprintf(&b, "    tham số: %s\n", fl.Arg)
		}
		fmt.Fprintf(&b, "    ví dụ: %s → %s\n", fl.Example, fl.Output)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// filterJSON is a formatter in the JSON listing.
type filterJSON struct {
	Name    string `json:"ten"`
	Doc     string `json:"y_nghia"`
	Accepts string `json:"nhan_kieu"`
	Gives   string `json:"cho"`
	Arg     string `json:"tham_so,omitempty"`
	Example string `json:"vi_du"`
	Output  string `json:"ket_qua"`
}

// WriteFieldsJSON prints every field of t (every group expanded: see
// Fields) and every formatter as JSON, for tools: {"truong": […],
// "bo_dinh_dang": […]}. parts and free are as for WriteFields.
func WriteFieldsJSON(w io.Writer, t reflect.Type, parts map[string][]string, free []Field) error {
	fields := Fields(t)
	for i := range fields {
		fields[i].Parts = parts[fields[i].Path]
	}
	fields = append(fields, free...)
	var fl []filterJSON
	for _, f := range docxtpl.Filters() {
		fl = append(fl, filterJSON{Name: f.Name, Doc: f.Doc, Accepts: kindTypes(f.Accepts), Gives: gives(f), Arg: f.Arg,
			Example: f.Example, Output: f.Output})
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Fields  []Field      `json:"truong"`
		Filters []filterJSON `json:"bo_dinh_dang"`
	}{fields, fl})
}

// freeFieldTypes are the fields the free fields of each kind are read as:
// the type submission.FreeValue gives them, with the options that make
// their kind finer (a date and time is a `tpl:",datetime"`).
var freeFieldTypes = map[string]reflect.StructField{
	formset.FieldText:     {Type: reflect.TypeOf("")},
	formset.FieldParas:    {Type: reflect.TypeOf([]string{})},
	formset.FieldDate:     {Type: timeType},
	formset.FieldDateTime: {Type: timeType, Tag: `tpl:",datetime"`},
	formset.FieldNumber:   {Type: reflect.TypeOf(0)},
}

// FreeFields declares, for the template file of set s (docxtpl.Schema's
// Extra), the free fields that the parts it serves declare
// ([[van_ban.truong]]), each as {{van_ban.<ten>}}: the template of
// several parts may read the fields of any of them.
func FreeFields(s *formset.Set, file string) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for _, p := range s.Parts {
		if !slices.Contains(p.Template.Files(), file) {
			continue
		}
		for _, fd := range p.Fields {
			sf, ok := freeFieldTypes[fd.Kind]
			if !ok { // a kind the manifest check refuses: read as text meanwhile
				sf = freeFieldTypes[formset.FieldText]
			}
			out["van_ban."+fd.Name] = sf
		}
	}
	return out
}

// DeclaredFields lists the free fields the parts of set s declare
// ([[van_ban.truong]]), as "hoso templates fields --bo-mau" shows them
// beside the data's fields: {{van_ban.<ten>}}, its kind, meaning and the
// parts declaring it.
func DeclaredFields(s *formset.Set) []Field {
	var out []Field
	at := map[string]int{}
	for _, p := range s.Parts {
		for _, fd := range p.Fields {
			path := "van_ban." + fd.Name
			if i, ok := at[path]; ok {
				out[i].Parts = append(out[i].Parts, p.ID)
				continue
			}
			sf := freeFieldTypes[fd.Kind]
			doc := fd.Meaning
			if fd.Required {
				doc += " (bắt buộc)"
			}
			at[path] = len(out)
			out = append(out, Field{Path: path, Type: typeWords(sf), Doc: doc,
				Example: usage("van_ban."+fd.Name, sf.Type, docxtpl.HasOption(sf, "datetime"), 0), Parts: []string{p.ID}})
		}
	}
	return out
}
