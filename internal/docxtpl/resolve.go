package docxtpl

import (
	"fmt"
	"reflect"
	"slices"
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
// A struct without a field of the name looks in its free fields (a map
// tagged `tpl:",extra"`), where a missing key prints as empty.
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
		fs := fieldsOf(v.Type())
		if f, ok := fs.byName[name]; ok {
			v = v.FieldByIndex(f)
			continue
		}
		if fs.extra == nil {
			return reflect.Value{}, unknownField(strings.Join(path[:consumed+i+1], "."), v.Type(), nil)
		}
		m := v.FieldByIndex(fs.extra)
		if m.IsNil() {
			return reflect.Value{}, nil
		}
		v = m.MapIndex(reflect.ValueOf(name).Convert(m.Type().Key()))
		if !v.IsValid() {
			return reflect.Value{}, nil // a free field not given prints as empty
		}
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
		return reflect.Value{}, 0, errSttOutside
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

var fieldCache sync.Map // reflect.Type -> *structFields

// structFields is what templates see of a struct type.
type structFields struct {
	byName map[string][]int // template name → field index
	names  []string         // the template names, sorted
	extra  []int            // the index of its free-field map, nil if none
}

// FieldName is the name a template uses for a struct field: its `tpl` tag,
// else its `toml` tag; "" when the field is not visible to templates (a
// free-field map, tagged `tpl:",extra"`, is not a field).
func FieldName(f reflect.StructField) string {
	if !f.IsExported() || isExtra(f) {
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

// HasOption reports whether a struct field's `tpl` tag carries an option
// after its name: `tpl:",extra"` (free fields), `tpl:"bat_dau,datetime"`
// (a date with a time of day).
func HasOption(f reflect.StructField, option string) bool { return tagHas(f.Tag, option) }

// tagHas is HasOption for a field's tag.
func tagHas(tag reflect.StructTag, option string) bool {
	_, opts, _ := strings.Cut(tag.Get("tpl"), ",")
	for _, o := range strings.Split(opts, ",") {
		if o == option {
			return true
		}
	}
	return false
}

// isExtra reports whether f holds a struct's free fields: an exported map
// with string keys tagged `tpl:",extra"`.
func isExtra(f reflect.StructField) bool {
	return f.IsExported() && f.Type.Kind() == reflect.Map && f.Type.Key().Kind() == reflect.String && HasOption(f, "extra")
}

// fieldsOf reads (once per type) the template names of struct type t.
func fieldsOf(t reflect.Type) *structFields {
	t = indirectType(t)
	if c, ok := fieldCache.Load(t); ok {
		return c.(*structFields)
	}
	fs := &structFields{byName: map[string][]int{}}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if isExtra(f) {
				fs.extra = f.Index
			}
			if n := FieldName(f); n != "" {
				fs.byName[n] = f.Index
				fs.names = append(fs.names, n)
			}
		}
	}
	sort.Strings(fs.names)
	c, _ := fieldCache.LoadOrStore(t, fs)
	return c.(*structFields)
}

// unknownField words a name that type in does not have; declared lists the
// free fields declared there, if it has a free-field map.
func unknownField(path string, in reflect.Type, declared []string) error {
	fs := fieldsOf(in)
	dir, last := "", path
	if i := strings.LastIndex(path, "."); i >= 0 {
		dir, last = path[:i+1], path[i+1:]
	}
	fix := "sửa tên trường cho đúng; " + fieldsCommand
	if best := closest(last, slices.Concat(fs.names, declared)); best != "" {
		fix = fmt.Sprintf("có phải là {{%s}}? Sửa tên trường cho đúng; %s", dir+best, fieldsCommand)
	}
	if len(fs.names) == 0 && fs.extra == nil {
		return newProblem(CodeUnknown, fix, "không có trường %q (giá trị ở đây không có trường con)", path)
	}
	here := ""
	if len(fs.names) > 0 {
		here = "; các trường có ở đây: " + strings.Join(fs.names, ", ")
	}
	if fs.extra != nil {
		if len(declared) > 0 {
			here += "; các trường tự do đã khai báo: " + strings.Join(declared, ", ")
		} else {
			here += "; chưa khai báo trường tự do nào ở đây"
		}
		fix += "; trường tự do phải được khai báo trong bo-mau.toml"
	}
	return newProblem(CodeUnknown, fix, "không có trường %q%s", path, here)
}

// closest is the name nearest to name, if one is near enough to be what
// was meant; "" otherwise.
func closest(name string, names []string) string {
	best, bestD := "", 1<<30
	for _, c := range names {
		if d := distance(name, c); d < bestD {
			best, bestD = c, d
		}
	}
	if bestD > max(2, len([]rune(name))/2) {
		return ""
	}
	return best
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// typeScope mirrors scope for the static check and for Fields: the type
// and the full path of each loop variable instead of its value. A nil
// type is unknown (Fields, or a loop whose list is wrong): nothing under
// it is checked.
type typeScope struct {
	up   *typeScope
	name string            // loop variable ("" at the root)
	typ  reflect.Type      // its element type (the data type at the root)
	tag  reflect.StructTag // the tag of its list's field: its options hold for the items
	path string            // its full path: "de_nghi[]" ("" at the root)
}

// sttTag gives stt, the position in the innermost loop, its kind.
const sttTag reflect.StructTag = `tpl:"stt,ordinal"`

// errSttOutside is "stt" used outside every loop.
var errSttOutside = newProblem(CodeTemplate, "dùng {{stt}} giữa {{for …}} và {{end}} của một vòng lặp",
	"\"stt\" chỉ dùng được bên trong {{for}}")

// lookup resolves a dotted path to the field it names: its type, the tag
// whose options make its kind finer (see FieldKind), and its full path
// ("de_nghi[].ho_ten" for x.ho_ten inside {{for x in de_nghi}}; "stt"
// for stt, the position in the innermost loop). extra declares free fields by full path. The
// type is nil when unknown: under an interface, an unknown loop, or
// without types.
func (s *typeScope) lookup(path []string, extra map[string]reflect.StructField) (reflect.Type, reflect.StructTag, string, error) {
	var t reflect.Type
	var tag reflect.StructTag
	full := ""
	rest := path
	found := false
	for c := s; c != nil; c = c.up {
		if c.name != "" && c.name == path[0] {
			t, tag, full, rest, found = c.typ, c.tag, c.path, path[1:], true
			break
		}
	}
	if !found && path[0] == "stt" {
		for c := s; c != nil; c = c.up {
			if c.name != "" {
				return reflect.TypeOf(0), sttTag, "stt", nil
			}
		}
		return nil, "", "", errSttOutside
	}
	if !found {
		root := s
		for root.up != nil {
			root = root.up
		}
		t = root.typ
	}
	for i, name := range rest {
		if full != "" {
			full += "."
		}
		full += name
		if t == nil {
			continue
		}
		if t = indirectType(t); t.Kind() == reflect.Interface {
			t = nil // dynamic: checked when filled
			continue
		}
		fs := fieldsOf(t)
		if f, ok := fs.byName[name]; ok {
			sf := t.FieldByIndex(f)
			t, tag = sf.Type, sf.Tag
			continue
		}
		if df, ok := extra[full]; ok && fs.extra != nil {
			t, tag = df.Type, df.Tag
			continue
		}
		return nil, "", full, unknownField(strings.Join(path[:len(path)-len(rest)+i+1], "."), t, declaredUnder(extra, full, fs.extra != nil))
	}
	return t, tag, full, nil
}

// declaredUnder lists the free fields declared beside full path p.
func declaredUnder(extra map[string]reflect.StructField, p string, has bool) []string {
	if !has {
		return nil
	}
	prefix := p[:strings.LastIndex(p, ".")+1]
	var out []string
	for k := range extra {
		if rest, ok := strings.CutPrefix(k, prefix); ok && !strings.Contains(rest, ".") {
			out = append(out, rest)
		}
	}
	sort.Strings(out)
	return out
}
