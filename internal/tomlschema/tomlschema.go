// Package tomlschema generates the JSON Schema (draft-07) of a struct that
// internal/tomlin decodes, so that TOML editors (Taplo, Even Better TOML)
// complete the keys, show what each one means and mark values of the wrong
// type while a clerk types.
//
// The schema follows tomlin's rules, read through [tomlin.StructKeys]:
// keys are the `toml` tags, unknown keys are refused (additionalProperties
// false), a list of strings also takes a single string, strings are at most
// [tomlin.MaxTextLen] characters. Each field's `doc` tag becomes the key's
// description; a field without one is an error, so that a field added to
// the model cannot go undescribed. A type that decodes itself
// ([tomlin.Unmarshaler]) must say what it accepts by implementing [Typer].
//
// A plain field whose values hoso checks against a fixed set (a gender, a
// signing mode) gets what the caller says of it through [Refine].
//
// TOML editors check dates and times as the strings they are written as
// (1985-03-12, 2026-01-28T08:00:00, 10:30:00), so their schemas are string
// patterns.
package tomlschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"time"

	"github.com/hoso-vn/hoso/internal/tomlin"
)

// Typer is implemented by types that decode themselves: JSONSchema returns
// the schema of the TOML values they accept, as an editor sees them. It is
// called on the zero value and must return a new map each time.
type Typer interface {
	JSONSchema() map[string]any
}

var (
	typerType       = reflect.TypeOf((*Typer)(nil)).Elem()
	unmarshalerType = reflect.TypeOf((*tomlin.Unmarshaler)(nil)).Elem()
	timeType        = reflect.TypeOf(time.Time{})
)

// Refine adds to the schema of fields, by "Type.key" (the Go type's name
// and the field's TOML key, "Nominee.gioi_tinh"), what their type cannot
// say: a pattern of the values validation accepts, say.
type Refine map[string]map[string]any

// gen generates one schema.
type gen struct {
	refine Refine
	used   map[string]bool
}

// Generate returns the schema of struct type t as indented JSON, with its
// title and description, the fields refine names refined. A name of
// refine that is no field of the model is an error, so that a field
// renamed in the model does not lose its refinement unseen.
func Generate(t reflect.Type, title, description string, refine Refine) ([]byte, error) {
	g := &gen{refine: refine, used: map[string]bool{}}
	root, err := g.schemaOf(t, t.Name())
	if err != nil {
		return nil, err
	}
	for _, name := range slices.Sorted(maps.Keys(refine)) {
		if !g.used[name] {
			return nil, fmt.Errorf("tomlschema: refinement of %s: no such field in the model", name)
		}
	}
	root["$schema"] = "http://json-schema.org/draft-07/schema#"
	root["title"] = title
	root["description"] = description
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// schemaOf is the schema of the values of type t; at names the place in
// the model for errors.
func (g *gen) schemaOf(t reflect.Type, at string) (map[string]any, error) {
	if reflect.PointerTo(t).Implements(typerType) {
		return reflect.New(t).Interface().(Typer).JSONSchema(), nil
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return nil, fmt.Errorf("tomlschema: %s: type %s decodes itself but has no JSONSchema method", at, t)
	}
	if t == timeType {
		return map[string]any{"type": "string", "pattern": `^\d{4}-\d{2}-\d{2}|^\d{2}:\d{2}`}, nil
	}
	switch t.Kind() {
	case reflect.Pointer:
		return g.schemaOf(t.Elem(), at)
	case reflect.String:
		return map[string]any{"type": "string", "maxLength": tomlin.MaxTextLen}, nil
	case reflect.Bool:
		return map[string]any{"type": "boolean"}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		s := map[string]any{"type": "integer"}
		if bits := t.Bits(); bits < 64 {
			s["minimum"], s["maximum"] = -(int64(1) << (bits - 1)), int64(1)<<(bits-1)-1
		}
		return s, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		s := map[string]any{"type": "integer", "minimum": 0}
		if bits := t.Bits(); bits < 64 {
			s["maximum"] = uint64(1)<<bits - 1
		}
		return s, nil
	case reflect.Float32, reflect.Float64:
		return map[string]any{"type": "number"}, nil
	case reflect.Interface:
		return map[string]any{}, nil
	case reflect.Slice:
		items, err := g.schemaOf(t.Elem(), at+"[]")
		if err != nil {
			return nil, err
		}
		list := map[string]any{"type": "array", "items": items}
		if t.Elem().Kind() == reflect.String { // tomlin takes "x" for ["x"]
			return map[string]any{"anyOf": []any{items, list}}, nil
		}
		return list, nil
	case reflect.Map:
		if t.Key().Kind() != reflect.String {
			break
		}
		values, err := g.schemaOf(t.Elem(), at+"{}")
		if err != nil {
			return nil, err
		}
		return map[string]any{"type": "object", "additionalProperties": values}, nil
	case reflect.Struct:
		return g.object(t, at)
	}
	return nil, fmt.Errorf("tomlschema: %s: unsupported type %s", at, t)
}

// object is the schema of a table decoded into struct type t.
func (g *gen) object(t reflect.Type, at string) (map[string]any, error) {
	keys, err := tomlin.StructKeys(t)
	if err != nil {
		return nil, err
	}
	props := make(map[string]any, len(keys))
	for _, k := range keys {
		where := at + "." + k.Name
		doc, ok := k.Field.Tag.Lookup("doc")
		if !ok || doc == "" {
			return nil, fmt.Errorf("tomlschema: %s (field %s of %s) has no doc tag", where, k.Field.Name, t)
		}
		s, err := g.schemaOf(k.Field.Type, where)
		if err != nil {
			return nil, err
		}
		if more, ok := g.refine[t.Name()+"."+k.Name]; ok {
			maps.Copy(s, more)
			g.used[t.Name()+"."+k.Name] = true
		}
		s["description"] = doc
		props[k.Name] = s
	}
	// A table with a rest map takes the free fields its form set declares:
	// any key, checked by hoso against the declarations.
	return map[string]any{"type": "object", "properties": props, "additionalProperties": tomlin.RestField(t) != nil}, nil
}
