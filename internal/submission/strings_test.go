package submission

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// stringSite is a place of the model that takes a string: the path of
// its keys and 1-based indexes, as tomlin writes paths.
type stringSite struct {
	keys []any // string keys and int indexes (1-based)
	typ  reflect.Type
}

var unmarshalerType = reflect.TypeOf((*tomlin.Unmarshaler)(nil)).Elem()

// stringSites walks the model type t: every string field, nested, in
// arrays, in maps and in the types that decode themselves (given a string:
// each of them takes one), and the fields of those types that are tables.
func stringSites(t reflect.Type, at []any, seen map[reflect.Type]int) []stringSite {
	if seen[t] > 1 {
		return nil // a recursive type: two levels are enough
	}
	seen[t]++
	defer func() { seen[t]-- }()
	here := append([]any(nil), at...)
	var out []stringSite
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		out = append(out, stringSite{here, t})
	}
	switch t.Kind() {
	case reflect.Pointer:
		return append(out, stringSites(t.Elem(), here, seen)...)
	case reflect.String:
		if len(out) == 0 {
			out = append(out, stringSite{here, t})
		}
	case reflect.Slice:
		out = append(out, stringSites(t.Elem(), append(here, 1), seen)...)
	case reflect.Map, reflect.Interface:
		if t.Kind() == reflect.Map {
			t = t.Elem()
		}
		out = append(out, stringSites(t, append(here, "khoa_tu_do"), seen)...)
	case reflect.Struct:
		if t == reflect.TypeOf(time.Time{}) {
			return out
		}
		keys, err := tomlin.StructKeys(t)
		if err != nil {
			panic(err)
		}
		for _, k := range keys {
			out = append(out, stringSites(k.Field.Type, append(here, k.Name), seen)...)
		}
		for i := range t.NumField() {
			if t.Field(i).Tag.Get("toml") == ",rest" {
				out = append(out, stringSites(t.Field(i).Type, here, seen)...)
			}
		}
	}
	return out
}

// path is the site's path as tomlin writes it.
func (s stringSite) path() string {
	p := ""
	for _, k := range s.keys {
		switch k := k.(type) {
		case string:
			p = tomlin.PathKey(p, k)
		case int:
			p = tomlin.PathIndex(p, k)
		}
	}
	return p
}

// document is a TOML document holding value at the site, and nothing else.
func (s stringSite) document(t *testing.T, value string) []byte {
	var v any = value
	for i := len(s.keys) - 1; i >= 0; i-- {
		switch k := s.keys[i].(type) {
		case string:
			v = map[string]any{k: v}
		case int:
			if m, ok := v.(map[string]any); ok {
				v = []map[string]any{m}
			} else {
				v = []any{v}
			}
		}
	}
	var b bytes.Buffer
	if err := toml.NewEncoder(&b).Encode(v); err != nil {
		t.Fatalf("%s: %v", s.path(), err)
	}
	return b.Bytes()
}

// TestEveryStringRefusesBidi puts a bidirectional control into each string
// of the model in turn (found by walking the type, not listed by hand) and
// expects the decoder to refuse it there, on its line: a field whose type
// decodes itself (quyet_dinh, nam, ngay, loai…) gets the same checks as a
// plain string field.
func TestEveryStringRefusesBidi(t *testing.T) {
	sites := stringSites(reflect.TypeOf(Submission{}), nil, map[reflect.Type]int{})
	if len(sites) < 100 {
		t.Fatalf("only %d string sites found in the model", len(sites))
	}
	custom := 0
	for _, s := range sites {
		if s.typ.Kind() != reflect.String || s.typ.PkgPath() != "" {
			custom++
		}
		for _, bad := range []string{"\u202e", "\u200f", "\x1b[2J"} {
			src := s.document(t, "Ủy ban"+bad+"nhân dân")
			_, _, ps, err := Decode(src)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, p := range ps {
				if p.Path == s.path() && (p.Key == tomlin.KeyInvisible || p.Key == tomlin.KeyControlChar) && p.Pos.Line > 0 {
					found = true
				}
			}
			if !found {
				t.Errorf("%s (%s) with %q: not refused as an invisible or control character on its line; got %v\n%s",
					s.path(), s.typ, bad, ps, src)
			}
		}
	}
	if custom < 5 {
		t.Errorf("only %d sites of types that decode themselves: the walk missed them", custom)
	}
	if !strings.Contains(strings.Join(pathsOf(sites), " "), "quyet_dinh.so") {
		t.Errorf("the walk missed quyet_dinh.so: %v", pathsOf(sites))
	}
}

func pathsOf(sites []stringSite) []string {
	out := make([]string, len(sites))
	for i, s := range sites {
		out[i] = s.path()
	}
	return out
}
