package tomlschema

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"
)

type inner struct {
	N uint8 `toml:"n" doc:"một số nhỏ"`
}

type embedded struct {
	E string `toml:"e" doc:"trường của struct nhúng"`
}

type sample struct {
	embedded
	S    string            `toml:"s" doc:"chuỗi"`
	L    []string          `toml:"l" doc:"danh sách chuỗi"`
	T    []inner           `toml:"t" doc:"bảng lặp"`
	P    *int16            `toml:"p" doc:"số"`
	B    bool              `toml:"b" doc:"có/không"`
	M    map[string]string `toml:"m" doc:"bảng tự do"`
	Skip string            `toml:"-"`
	//lint:ignore U1000 read by no code: Generate must leave an unexported field out
	plain string
}

type undocumented struct {
	S string `toml:"s"`
}

type selfDecoding struct{}

func (*selfDecoding) DecodeTOML(any) error { return nil }

type withSelfDecoding struct {
	X selfDecoding `toml:"x" doc:"tự đọc"`
}

func TestGenerate(t *testing.T) {
	b, err := Generate(reflect.TypeOf(sample{plain: "không phải khóa"}), "tiêu đề", "mô tả", nil) // plain, unexported, is no key
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	props := got["properties"].(map[string]any)
	if keys := slices.Sorted(maps.Keys(props)); strings.Join(keys, " ") != "b e l m p s t" {
		t.Errorf("keys %v", keys)
	}
	if got["additionalProperties"] != false || got["title"] != "tiêu đề" {
		t.Errorf("root %v", got)
	}
	p := props["p"].(map[string]any)
	if p["type"] != "integer" || p["minimum"] != float64(-32768) || p["maximum"] != float64(32767) || p["description"] != "số" {
		t.Errorf("p: %v", p)
	}
	l := props["l"].(map[string]any)["anyOf"].([]any)
	if len(l) != 2 || l[0].(map[string]any)["type"] != "string" || l[1].(map[string]any)["type"] != "array" {
		t.Errorf("a list of strings takes one string too: %v", l)
	}
	items := props["t"].(map[string]any)["items"].(map[string]any)
	n := items["properties"].(map[string]any)["n"].(map[string]any)
	if n["maximum"] != float64(255) || n["minimum"] != float64(0) || items["additionalProperties"] != false {
		t.Errorf("t items: %v", items)
	}
}

// A field without a description, or a self-decoding type that does not
// say what it accepts, stops the generator instead of giving a schema
// that says less than the model.
func TestGenerateRefuses(t *testing.T) {
	if _, err := Generate(reflect.TypeOf(undocumented{}), "", "", nil); err == nil || !strings.Contains(err.Error(), "no doc tag") {
		t.Errorf("undocumented field: %v", err)
	}
	if _, err := Generate(reflect.TypeOf(withSelfDecoding{}), "", "", nil); err == nil || !strings.Contains(err.Error(), "no JSONSchema method") {
		t.Errorf("self-decoding type: %v", err)
	}
}

// A refinement adds to its field's schema, wherever the type is used; one
// naming no field of the model stops the generator.
func TestRefine(t *testing.T) {
	b, err := Generate(reflect.TypeOf(sample{}), "", "", Refine{"inner.n": {"maximum": 9}, "sample.s": {"pattern": "^a$"}})
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	props := got["properties"].(map[string]any)
	if s := props["s"].(map[string]any); s["pattern"] != "^a$" || s["type"] != "string" || s["description"] != "chuỗi" {
		t.Errorf("s: %v", s)
	}
	n := props["t"].(map[string]any)["items"].(map[string]any)["properties"].(map[string]any)["n"].(map[string]any)
	if n["maximum"] != float64(9) || n["minimum"] != float64(0) {
		t.Errorf("n: %v", n)
	}
	if _, err := Generate(reflect.TypeOf(sample{}), "", "", Refine{"sample.x": {"pattern": "^a$"}}); err == nil || !strings.Contains(err.Error(), "sample.x") {
		t.Errorf("a refinement of no field: %v", err)
	}
}
