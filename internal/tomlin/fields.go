package tomlin

import (
	"reflect"
	"sync"
)

// StructKey is a struct field that takes a TOML key.
type StructKey struct {
	Name  string              // the TOML key
	Field reflect.StructField // the field, with its Index from the outer struct
}

// StructKeys lists the fields of struct type t that [Decode] fills, in
// declaration order, with the same rules: a `toml` tag other than "-", and
// the fields of embedded structs without a tag. Other packages use it to
// describe the same keys (a JSON Schema, an import) without a second copy
// of the rules. The list is computed once per type and shared: callers
// must not modify it.
func StructKeys(t reflect.Type) ([]StructKey, error) {
	if keys, ok := structKeys.Load(t); ok {
		return keys.([]StructKey), nil
	}
	keys, err := structKeysOf(t)
	if err == nil {
		structKeys.Store(t, keys)
	}
	return keys, err
}

// structKeys caches StructKeys by type (a type's fields never change).
var structKeys sync.Map // reflect.Type → []StructKey

func structKeysOf(t reflect.Type) ([]StructKey, error) {
	fields, err := structFields(t)
	if err != nil {
		return nil, err
	}
	keys := make([]StructKey, len(fields))
	for i, f := range fields {
		sf := t.FieldByIndex(f.index)
		sf.Index = f.index
		keys[i] = StructKey{Name: f.name, Field: sf}
	}
	return keys, nil
}
