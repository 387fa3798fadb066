package docxtpl

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// scope is the chain of loop variables visible at a point of the template;
// the bottom link holds the root data.
type scope struct {
	up    *scope
	name  string        // loop variable ("" at the root)
	val   reflect.Value // its value (the root data at the root)
	index int           // 1-based position in the loop
}

func (s *scope) push(name string, v reflect.Value, index int) *scope {
	return &scope{up: s, name: name, val: v, index: index}
}

// lookup resolves a dotted path: loop variables first (innermost wins),
// then "stt" (the innermost loop's 1-based index), then the root's fields.
func (s *scope) lookup(path []string) (reflect.Value, error) {
	v, consumed, err := s.head(path[0])
	if err != nil {
		return reflect.Value{}, err
	}
	for i, name := range path[consumed:] {
		v = indirect(v)
		if !v.IsValid() {
			return reflect.Value{}, nil // a nil pointer on the way prints as empty
		}
		f, ok := fieldByName(v.Type(), name)
		if !ok {
			return reflect.Value{}, unknownField(strings.Join(path[:consumed+i+1], "."), v.Type())
		}
		v = v.FieldByIndex(f)
	}
	return v, nil
}

// head resolves the first name of a path and says how many names it used:
// 1 for a loop variable or "stt", 0 when the path starts at the root.
func (s *scope) head(name string) (reflect.Value, int, error) {
	for c := s; c != nil; c = c.up {
		if c.name != "" && c.name == name {
			return c.val, 1, nil
		}
	}
	if name == "stt" {
		for c := s; c != nil; c = c.up {
			if c.name != "" {
				return reflect.ValueOf(c.index), 1, nil
			}
		}
		return reflect.Value{}, 0, fmt.Errorf("\"stt\" chỉ dùng được bên trong {{for}}")
	}
	root := s
	for root.up != nil {
		root = root.up
	}
	return root.val, 0, nil
}

// indirect follows pointers and interfaces; a nil one gives the invalid Value.
func indirect(v reflect.Value) reflect.Value {
	for v.IsValid() && (v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface) {
		if v.IsNil() {
			return reflect.Value{}
		}
		v = v.Elem()
	}
	return v
}

// indirectType follows pointer types.
func indirectType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

var fieldCache sync.Map // reflect.Type -> map[string][]int

// FieldName is the name a template uses for a struct field: its `tpl` tag,
// else its `toml` tag; "" when the field is not visible to templates.
func FieldName(f reflect.StructField) string {
	if !f.IsExported() {
		return ""
	}
	for _, key := range []string{"tpl", "toml"} {
		if tg, ok := f.Tag.Lookup(key); ok {
			name, _, _ := strings.Cut(tg, ",")
			if name == "-" {
				return ""
			}
			if name != "" {
				return name
			}
		}
	}
	return ""
}

// fieldByName finds the field a template name refers to in struct type t.
func fieldByName(t reflect.Type, name string) ([]int, bool) {
	t = indirectType(t)
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	m, ok := fieldCache.Load(t)
	if !ok {
		fields := map[string][]int{}
		for i := 0; i < t.NumField(); i++ {
			if n := FieldName(t.Field(i)); n != "" {
				fields[n] = t.Field(i).Index
			}
		}
		m, _ = fieldCache.LoadOrStore(t, fields)
	}
	idx, found := m.(map[string][]int)[name]
	return idx, found
}

// fieldNames lists the template names of a struct type, sorted.
func fieldNames(t reflect.Type) []string {
	t = indirectType(t)
	var names []string
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			if n := FieldName(t.Field(i)); n != "" {
				names = append(names, n)
			}
		}
	}
	sort.Strings(names)
	return names
}

func unknownField(path string, in reflect.Type) error {
	names := fieldNames(in)
	if len(names) == 0 {
		return fmt.Errorf("không có trường %q (giá trị ở đây không có trường con)", path)
	}
	return fmt.Errorf("không có trường %q; các trường có ở đây: %s", path, strings.Join(names, ", "))
}

// typeScope mirrors scope for the static check: types instead of values.
type typeScope struct {
	up   *typeScope
	name string
	typ  reflect.Type
}

func (s *typeScope) lookup(path []string) (reflect.Type, error) {
	var t reflect.Type
	rest := path
	for c := s; c != nil; c = c.up {
		if c.name != "" && c.name == path[0] {
			t, rest = c.typ, path[1:]
			break
		}
	}
	if t == nil && path[0] == "stt" {
		for c := s; c != nil; c = c.up {
			if c.name != "" {
				return reflect.TypeOf(0), nil
			}
		}
		return nil, fmt.Errorf("\"stt\" chỉ dùng được bên trong {{for}}")
	}
	if t == nil {
		root := s
		for root.up != nil {
			root = root.up
		}
		t = root.typ
	}
	for i, name := range rest {
		t = indirectType(t)
		if t.Kind() == reflect.Interface {
			return t, nil // dynamic: checked when filled
		}
		f, ok := fieldByName(t, name)
		if !ok {
			return nil, unknownField(strings.Join(path[:len(path)-len(rest)+i+1], "."), t)
		}
		t = t.FieldByIndex(f).Type
	}
	return t, nil
}
