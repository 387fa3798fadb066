package tplcheck

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/docxtpl"
)

// Field is one name a template may use, found by reflection over the data
// type: nothing here is kept by hand.
type Field struct {
	Path    string // "co_quan.ten", "de_nghi[].ho_ten"
	Type    string // in words: văn bản, số, ngày, có/không, danh sách, nhóm…
	Doc     string // the `doc` tag
	Example string // the `example` tag
	Same    string // for a group or list already listed elsewhere: that path

	child string // the first field name of a group, for examples
}

// Fields walks the struct type t and lists every field a template may
// name, depth first in declaration order. A list shows the fields of its
// elements under "name[]"; a struct type met a second time is not expanded
// again but points at its first listing (Same).
func Fields(t reflect.Type) []Field {
	var out []Field
	first := map[reflect.Type]string{}
	var walk func(t reflect.Type, prefix string)
	walk = func(t reflect.Type, prefix string) {
		t = deref(t)
		for i := 0; i < t.NumField(); i++ {
			sf := t.Field(i)
			name := docxtpl.FieldName(sf)
			if name == "" {
				continue
			}
			f := Field{Path: prefix + name, Type: typeWords(sf.Type), Doc: sf.Tag.Get("doc"), Example: sf.Tag.Get("example")}
			ft := deref(sf.Type)
			list := ft.Kind() == reflect.Slice || ft.Kind() == reflect.Array
			if list {
				ft = deref(ft.Elem())
			}
			sub := ""
			if ft.Kind() == reflect.Struct && !isLeaf(ft) {
				sub = f.Path + "."
				if list {
					sub = f.Path + "[]."
				}
				f.child = firstField(ft)
				if p, ok := first[ft]; ok {
					f.Same = p
					out = append(out, f)
					continue
				}
				first[ft] = strings.TrimSuffix(sub, ".")
			}
			out = append(out, f)
			if sub != "" {
				walk(ft, sub)
			}
		}
	}
	walk(t, "")
	return out
}

// firstField is the template name of the first visible field of a struct.
func firstField(t reflect.Type) string {
	for i := 0; i < t.NumField(); i++ {
		if n := docxtpl.FieldName(t.Field(i)); n != "" {
			return n
		}
	}
	return ""
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

var (
	timeType     = reflect.TypeOf(time.Time{})
	stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
)

// isLeaf reports whether a struct type prints as one value.
func isLeaf(t reflect.Type) bool {
	return t == timeType || t.Implements(stringerType) || reflect.PointerTo(t).Implements(stringerType)
}

// typeWords says what kind of value a field holds, the way a maintainer
// thinks of it.
func typeWords(t reflect.Type) string {
	t = deref(t)
	switch {
	case t == timeType:
		return "ngày"
	case t.Kind() == reflect.Struct && isLeaf(t):
		return "văn bản"
	}
	switch t.Kind() {
	case reflect.String:
		return "văn bản"
	case reflect.Bool:
		return "có/không"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "số"
	case reflect.Float32, reflect.Float64:
		return "số thập phân"
	case reflect.Slice, reflect.Array:
		e := typeWords(t.Elem())
		if e == "nhóm" {
			return "danh sách"
		}
		return "danh sách " + e
	case reflect.Struct, reflect.Map:
		return "nhóm"
	}
	return t.String()
}

// usage tells how a field of a given type is written in a template.
func usage(f Field) string {
	name := f.Path
	if strings.Contains(name, "[]") {
		// inside a loop: the part after the last [] is read from the loop variable
		i := strings.LastIndex(name, "[].")
		if i >= 0 {
			name = "x." + name[i+3:]
		}
	}
	switch {
	case f.Type == "danh sách":
		return fmt.Sprintf("{{for x in %s}} … {{x.…}} … {{end}}", name)
	case strings.HasPrefix(f.Type, "danh sách "):
		return fmt.Sprintf("{{for x in %s}}{{x}}{{end}}", name)
	case f.Type == "nhóm":
		return fmt.Sprintf("{{%s.…}}", name)
	case f.Type == "có/không":
		return fmt.Sprintf("{{if %s}} … {{else}} … {{end}}", name)
	case f.Type == "ngày":
		return fmt.Sprintf("{{%s | ngay}}", name)
	}
	return "{{" + name + "}}"
}

// WriteFields prints every field of t and every formatter, for
// maintainers: "hoso templates fields".
func WriteFields(w io.Writer, t reflect.Type) error {
	var b strings.Builder
	b.WriteString(`TRƯỜNG DỮ LIỆU DÙNG TRONG MẪU (fields a template may use)
Sinh tự động từ kiểu dữ liệu của chương trình (dossier.Data).

Cách đọc tên:
  co_quan.ten        trường «ten» trong nhóm «co_quan»: viết {{co_quan.ten}}
  de_nghi[].ho_ten   «de_nghi» là danh sách; trong vòng lặp
                     {{for x in de_nghi}} … {{x.ho_ten}} … {{end}}
                     mỗi phần tử là x, viết {{x.ho_ten}}
  stt                số thứ tự (1, 2, 3…) của phần tử trong vòng {{for}} gần nhất
Kiểu: văn bản, số, ngày (in bằng | ngay, | ngay_so…), có/không (dùng với
{{if …}}), danh sách (dùng với {{for …}}), nhóm (chọn một trường con).
Mọi mẫu nhận cùng các trường; doi_tuong chỉ có giá trị trong Báo cáo thành
tích, cong_van_thue chỉ có giá trị trong Công văn xin xác nhận thuế.

`)
	for _, f := range Fields(t) {
		fmt.Fprintf(&b, "%s  [%s]\n", f.Path, f.Type)
		if f.Doc != "" {
			fmt.Fprintf(&b, "    %s\n", f.Doc)
		}
		if f.Same != "" {
			fmt.Fprintf(&b, "    các trường con giống %s (ví dụ %s)\n", f.Same, sameExample(f))
		}
		if f.Example != "" {
			fmt.Fprintf(&b, "    ví dụ: %s\n", strings.ReplaceAll(f.Example, "\n", " ⏎ "))
		}
		fmt.Fprintf(&b, "    viết: %s\n", usage(f))
	}
	b.WriteString(`
BỘ ĐỊNH DẠNG (formatters): {{truong | ten}} hoặc {{truong | ten:"tham số"}}
Có thể nối nhiều bộ: {{x | mac_dinh:"Không" | hoa}}.

`)
	for _, fl := range docxtpl.Filters() {
		fmt.Fprintf(&b, "%s\n    %s\n    ví dụ: %s → %s\n", fl.Name, fl.Doc, fl.Example, fl.Output)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// sameExample names one field of a repeated group at its new place.
func sameExample(f Field) string {
	if strings.HasPrefix(f.Type, "danh sách") {
		return "{{for x in " + f.Path + "}}{{x." + f.child + "}}{{end}}"
	}
	return "{{" + f.Path + "." + f.child + "}}"
}
