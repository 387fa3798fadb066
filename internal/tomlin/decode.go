package tomlin

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/hoso-vn/hoso/internal/vn"
	"golang.org/x/text/unicode/norm"
)

// Unmarshaler is implemented (on the pointer receiver) by types that decode
// a TOML value themselves. DecodeTOML gets the raw value, with every string
// already cleaned (NFC, trimmed: see [vn.Clean]): string, int64, float64, bool, time.Time,
// []any or map[string]any. The text of a returned error becomes the message
// of a problem with key "value" ("type" for a [*TypeError]); if the error has
// a method Hint() string, its result becomes the hint.
//
// TOML dates arrive as time.Time in a location named "date-local" (local
// datetimes: "datetime-local", local times: "time-local"); [ValueKind]
// tells them apart.
type Unmarshaler interface {
	DecodeTOML(v any) error
}

var (
	timeType        = reflect.TypeOf(time.Time{})
	unmarshalerType = reflect.TypeOf((*Unmarshaler)(nil)).Elem()
)

// Decode parses src and fills v, a non-nil pointer to a struct. It returns
// the position index (nil only if src is too large, not UTF-8, nested too
// deep or not valid TOML) and every problem found. Strings stored in
// string fields are checked with the limits and rules of [MaxTextLen] and
// [KeyControlChar]. Problems are data, not errors: the error return is
// only for programmer errors (v not a pointer to struct, a field kind that
// is not supported).
//
// Fields of v whose keys are absent are left untouched, so pointer fields
// stay nil; a pointer field whose key is present is set even if its value
// has a problem (use [Problems.Has] to skip further checks of such values).
// Map entries whose values have problems are left out of the map. Map keys
// are normalised to NFC but not trimmed.
func Decode(src []byte, v any) (*Index, Problems, error) {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() || rv.Elem().Kind() != reflect.Struct {
		return nil, nil, fmt.Errorf("tomlin: Decode needs a non-nil pointer to a struct, not %T", v)
	}
	if err := checkType(rv.Elem().Type(), map[reflect.Type]bool{}); err != nil {
		return nil, nil, err
	}

	if p := checkSize(src); p != nil {
		return nil, Problems{*p}, nil
	}
	text := strings.TrimPrefix(string(src), bom)
	if p := checkEncoding(text); p != nil {
		return nil, Problems{*p}, nil
	}
	if p := checkLineEnds(text); p != nil {
		return nil, Problems{*p}, nil
	}
	if p := prescan(text); p != nil {
		return nil, Problems{*p}, nil
	}
	m, err := parse(text)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, Problems{syntaxProblem(pe, text)}, nil
		}
		return nil, Problems{{Key: KeySyntax, Msg: "lỗi cú pháp TOML", Hint: hintSyntax}}, nil
	}

	d := &decoder{ix: buildIndex(text), structs: map[reflect.Type]*structInfo{}}
	d.value("", m, rv.Elem())
	return d.ix, d.ps, nil
}

// parse is the TOML parser; tests replace it to see that what the pre-scan
// refuses never reaches it.
var parse = func(text string) (m map[string]any, err error) {
	_, err = toml.Decode(text, &m)
	return m, err
}

// decoder fills Go values from raw TOML values, collecting problems.
type decoder struct {
	ix      *Index
	ps      Problems
	structs map[reflect.Type]*structInfo
	unknown int // unknown keys met so far
}

// structInfo is what decoding a table into a struct type needs, computed
// once per type rather than once per table.
type structInfo struct {
	byName map[string]field // by TOML key
	keys   keySet           // the keys, in declaration order
	rest   []int            // the field tagged `toml:",rest"`, if any
}

// structInfo returns the fields of struct type t by key.
func (d *decoder) structInfo(t reflect.Type) *structInfo {
	if si := d.structs[t]; si != nil {
		return si
	}
	fields, _ := structFields(t) // checked by checkType
	si := &structInfo{byName: make(map[string]field, len(fields)), rest: RestField(t)}
	names := make([]string, len(fields))
	for i, f := range fields {
		si.byName[f.name] = f
		names[i] = f.name
	}
	si.keys = newKeySet(names)
	d.structs[t] = si
	return si
}

// mismatch reports a value of the wrong kind: want was expected, got found.
func (d *decoder) mismatch(path, want string, got any) {
	d.ps.Add(path, d.ix.FindValue(path), KeyType,
		"cần "+want+" nhưng gặp "+ValueKind(got), typeHint(want, got))
}

// as gives the raw value data as a T, or reports that want was expected
// there (ok false).
func as[T any](d *decoder, path, want string, data any) (v T, ok bool) {
	if v, ok = data.(T); !ok {
		d.mismatch(path, want, data)
	}
	return v, ok
}

// value stores the raw value data, found at path, into rv, which is
// addressable: through the type's own DecodeTOML when it has one, else
// by the kind of rv, one method per kind (as BurntSushi/toml's unify
// dispatches). A value of the wrong kind or out of range is a problem.
func (d *decoder) value(path string, data any, rv reflect.Value) {
	if u, ok := rv.Addr().Interface().(Unmarshaler); ok {
		d.unmarshal(path, data, u)
		return
	}
	if rv.Type() == timeType {
		d.timeValue(path, data, rv)
		return
	}
	switch rv.Kind() {
	case reflect.Pointer:
		nv := reflect.New(rv.Type().Elem())
		d.value(path, data, nv.Elem())
		rv.Set(nv)
	case reflect.Interface:
		if v, ok := d.cleanChecked(path, data); ok {
			rv.Set(reflect.ValueOf(v))
		}
	case reflect.String:
		d.text(path, data, rv)
	case reflect.Bool:
		d.boolean(path, data, rv)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		d.integer(path, data, rv)
	case reflect.Float32, reflect.Float64:
		d.float(path, data, rv)
	case reflect.Slice:
		d.slice(path, data, rv)
	case reflect.Map:
		d.mapping(path, data, rv)
	case reflect.Struct:
		if m, ok := as[map[string]any](d, path, WantTable, data); ok {
			d.table(path, m, rv)
		}
	default:
		// checkType rejects every other kind before decoding starts.
		panic("tomlin: unsupported kind " + rv.Kind().String())
	}
}

// unmarshal hands the raw value to the type's own DecodeTOML, once every
// string in it has passed the checks of a string field (cleanChecked), so
// that a type decoding itself cannot let through what a string field
// refuses. Its error is the problem: a *TypeError is reported as a value
// of the wrong kind (KeyType), any other as a wrong value (KeyValue), with
// the error's Hint when it has one.
func (d *decoder) unmarshal(path string, data any, u Unmarshaler) {
	v, ok := d.cleanChecked(path, data)
	if !ok {
		return
	}
	err := u.DecodeTOML(v)
	if err == nil {
		return
	}
	key := KeyValue
	var te *TypeError
	if errors.As(err, &te) {
		key = KeyType
	}
	hint := ""
	var h interface{ Hint() string }
	if errors.As(err, &h) {
		hint = h.Hint()
	}
	d.ps.Add(path, d.ix.FindValue(path), key, err.Error(), hint)
}

// timeValue decodes a TOML date, time or date-time into a time.Time.
func (d *decoder) timeValue(path string, data any, rv reflect.Value) {
	if tm, ok := as[time.Time](d, path, WantDate, data); ok {
		rv.Set(reflect.ValueOf(tm))
	}
}

// text decodes a string, cleaned (vn.Clean); a character it must not
// hold (checkText) is a problem, and the string is stored all the same.
func (d *decoder) text(path string, data any, rv reflect.Value) {
	s, ok := as[string](d, path, WantString, data)
	if !ok {
		return
	}
	s = vn.Clean(s)
	if key, msg, hint := checkText(s); key != "" {
		d.ps.Add(path, d.ix.FindValue(path), key, msg, hint)
	}
	rv.SetString(s)
}

// boolean decodes true or false.
func (d *decoder) boolean(path string, data any, rv reflect.Value) {
	if b, ok := as[bool](d, path, WantBool, data); ok {
		rv.SetBool(b)
	}
}

// integer decodes an integer into a signed or unsigned integer type,
// within its range.
func (d *decoder) integer(path string, data any, rv reflect.Value) {
	n, ok := as[int64](d, path, WantInt, data)
	if !ok {
		return
	}
	bits := rv.Type().Bits()
	switch {
	case rv.CanInt() && rv.OverflowInt(n):
		d.outOfRange(path, n, fmt.Sprint(-(int64(1) << (bits - 1))), fmt.Sprint(int64(1)<<(bits-1)-1))
	case rv.CanInt():
		rv.SetInt(n)
	case n < 0 || rv.OverflowUint(uint64(n)):
		d.outOfRange(path, n, "0", fmt.Sprint(uint64(math.MaxUint64)>>(64-bits)))
	default:
		rv.SetUint(uint64(n))
	}
}

// float decodes a float, or an integer, into a float type, within its
// range.
func (d *decoder) float(path string, data any, rv reflect.Value) {
	var f float64
	switch x := data.(type) {
	case float64:
		f = x
	case int64:
		f = float64(x)
	default:
		d.mismatch(path, WantFloat, data)
		return
	}
	if rv.OverflowFloat(f) {
		d.ps.Add(path, d.ix.FindValue(path), KeyRange,
			fmt.Sprintf("số %v nằm ngoài khoảng cho phép", f), "")
		return
	}
	rv.SetFloat(f)
}

// mapping decodes a table into a map, keys NFC-normalised; an entry that
// cannot be decoded is left out (its problem is reported).
func (d *decoder) mapping(path string, data any, rv reflect.Value) {
	m, ok := as[map[string]any](d, path, WantTable, data)
	if !ok {
		return
	}
	t := rv.Type()
	out := reflect.MakeMapWithSize(t, len(m))
	for _, k := range d.keys(path, m) {
		child := PathKey(path, k)
		ev := reflect.New(t.Elem()).Elem()
		n := len(d.ps)
		d.value(child, m[k], ev)
		if len(d.ps) > n {
			continue // leave out entries that could not be decoded
		}
		out.SetMapIndex(reflect.ValueOf(norm.NFC.String(k)).Convert(t.Key()), ev)
	}
	rv.Set(out)
}

// outOfRange reports an integer outside the range lo…hi of its Go type.
func (d *decoder) outOfRange(path string, n int64, lo, hi string) {
	d.ps.Add(path, d.ix.FindValue(path), KeyRange,
		fmt.Sprintf("số %d nằm ngoài khoảng cho phép (từ %s đến %s)", n, lo, hi), "")
}

// slice decodes an array (or a single string, for slices of strings).
func (d *decoder) slice(path string, data any, rv reflect.Value) {
	var elems []any
	switch x := data.(type) {
	case []any:
		elems = x
	case []map[string]any:
		elems = make([]any, len(x))
		for i, e := range x {
			elems[i] = e
		}
	case string:
		if rv.Type().Elem().Kind() == reflect.String {
			// A single string where a list of strings is expected:
			// noi_nhan = "Như trên" means ["Như trên"].
			out := reflect.MakeSlice(rv.Type(), 1, 1)
			d.value(path, x, out.Index(0))
			rv.Set(out)
			return
		}
		d.mismatch(path, WantList, data)
		return
	default:
		d.mismatch(path, WantList, data)
		return
	}
	out := reflect.MakeSlice(rv.Type(), len(elems), len(elems))
	for i, e := range elems {
		d.value(PathIndex(path, i+1), e, out.Index(i))
	}
	rv.Set(out)
}

// table decodes a TOML table into the struct rv.
func (d *decoder) table(path string, m map[string]any, rv reflect.Value) {
	si := d.structInfo(rv.Type())
	for _, k := range d.keys(path, m) {
		child := PathKey(path, k)
		f, ok := si.byName[norm.NFC.String(k)]
		switch {
		case !ok && si.rest != nil:
			d.restValue(child, norm.NFC.String(k), m[k], rv.FieldByIndex(si.rest))
			continue
		case !ok:
			d.unknownKey(child, k, si.keys)
			continue
		}
		d.value(child, m[k], rv.FieldByIndex(f.index))
	}
}

// maxSuggested is the most unknown keys that get a hint: finding the key
// meant costs time, and the later unknown keys come after the first
// problems, which are all Render shows (maxRendered).
const maxSuggested = maxRendered

func (d *decoder) unknownKey(path, key string, known keySet) {
	hint := ""
	if d.unknown++; d.unknown <= maxSuggested {
		hint = known.hint(key)
	}
	d.ps.Add(path, d.ix.Find(path), KeyUnknownKey, fmt.Sprintf("khóa không được hỗ trợ %q", key), hint)
}

// keys returns the keys of m in source order (then by name), so that
// problems come out in a stable, natural order.
func (d *decoder) keys(path string, m map[string]any) []string {
	keys := make([]string, 0, len(m))
	pos := make(map[string]Pos, len(m))
	for k := range m {
		keys = append(keys, k)
		pos[k] = d.ix.Find(PathKey(path, k))
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := pos[keys[i]], pos[keys[j]]
		if a != b {
			return a.before(b)
		}
		return keys[i] < keys[j]
	})
	return keys
}

// RestField finds the field of struct type t tagged `toml:",rest"`: a
// map[string]any that takes the keys no other field takes (the free fields
// a form set declares), their values cleaned and their texts checked like
// any string's; nil when t has none. Whoever reads it checks the keys.
func RestField(t reflect.Type) []int {
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("toml"); tag == ",rest" {
			return t.Field(i).Index
		}
	}
	return nil
}

// restValue stores one key of a table in its rest map.
func (d *decoder) restValue(path, key string, data any, rv reflect.Value) {
	v, ok := d.cleanChecked(path, data)
	if !ok {
		return
	}
	if rv.IsNil() {
		rv.Set(reflect.MakeMap(rv.Type()))
	}
	rv.SetMapIndex(reflect.ValueOf(key), reflect.ValueOf(v))
}

// cleanChecked cleans a raw value (cleanRaw) and checks every string in
// it as a string field's (checkTexts); ok is false when one was refused.
func (d *decoder) cleanChecked(path string, data any) (v any, ok bool) {
	v = cleanRaw(data)
	n := len(d.ps)
	d.checkTexts(path, v)
	return v, len(d.ps) == n
}

// checkTexts checks every string of a raw value as a string field's.
func (d *decoder) checkTexts(path string, v any) {
	switch x := v.(type) {
	case string:
		if key, msg, hint := checkText(x); key != "" {
			d.ps.Add(path, d.ix.FindValue(path), key, msg, hint)
		}
	case []any:
		for i, e := range x {
			d.checkTexts(PathIndex(path, i+1), e)
		}
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(x)) {
			d.checkTexts(PathKey(path, k), x[k])
		}
	}
}

// field is a struct field that takes a TOML key.
type field struct {
	name  string // the TOML key
	index []int  // for reflect.Value.FieldByIndex
}

// structFields lists the fields of struct type t that take TOML keys, in
// declaration order: fields with a toml tag other than "-", and the fields
// of embedded structs without a tag.
func structFields(t reflect.Type) ([]field, error) {
	var fields []field
	seen := map[string]bool{}
	var walk func(t reflect.Type, index []int) error
	walk = func(t reflect.Type, index []int) error {
		for i := range t.NumField() {
			sf := t.Field(i)
			idx := append(append([]int(nil), index...), i)
			tag, hasTag := sf.Tag.Lookup("toml")
			name, _, _ := strings.Cut(tag, ",")
			if !hasTag {
				if sf.Anonymous && sf.Type.Kind() == reflect.Struct && sf.Type != timeType {
					if err := walk(sf.Type, idx); err != nil {
						return err
					}
				}
				continue
			}
			if name == "-" || tag == ",rest" {
				continue // a rest map takes no key of its own (RestField)
			}
			if !sf.IsExported() {
				return fmt.Errorf("tomlin: field %s.%s has a toml tag but is not exported", t, sf.Name)
			}
			if name == "" {
				name = sf.Name
			}
			if seen[name] {
				return fmt.Errorf("tomlin: key %q is used by two fields of %s", name, t)
			}
			seen[name] = true
			fields = append(fields, field{name: name, index: idx})
		}
		return nil
	}
	return fields, walk(t, nil)
}

// checkType reports an error if t, or a type it contains, cannot be
// decoded.
func checkType(t reflect.Type, seen map[reflect.Type]bool) error {
	if seen[t] {
		return nil
	}
	seen[t] = true
	if reflect.PointerTo(t).Implements(unmarshalerType) || t == timeType {
		return nil
	}
	switch t.Kind() {
	case reflect.String, reflect.Bool,
		reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return nil
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return nil
		}
	case reflect.Pointer, reflect.Slice:
		return checkType(t.Elem(), seen)
	case reflect.Map:
		if t.Key().Kind() == reflect.String {
			return checkType(t.Elem(), seen)
		}
	case reflect.Struct:
		fields, err := structFields(t)
		if err != nil {
			return err
		}
		for _, f := range fields {
			ft := t.FieldByIndex(f.index).Type
			if err := checkType(ft, seen); err != nil {
				return fmt.Errorf("%w (field %q of %s)", err, f.name, t)
			}
		}
		return nil
	}
	return fmt.Errorf("tomlin: unsupported type %s", t)
}
