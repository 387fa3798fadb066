package tomlin

import (
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// indexedPaths lists the paths of every key and array element in a generic
// TOML value.
func indexedPaths(path string, v any, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := PathKey(path, k)
			*out = append(*out, p)
			indexedPaths(p, e, out)
		}
	case []map[string]any:
		for i, e := range x {
			p := PathIndex(path, i+1)
			*out = append(*out, p)
			indexedPaths(p, e, out)
		}
	case []any:
		for i, e := range x {
			p := PathIndex(path, i+1)
			*out = append(*out, p)
			indexedPaths(p, e, out)
		}
	}
}

// FuzzDecode checks that Decode and Render never panic, that the rendered
// messages hold no raw control character, and that, for valid TOML, the
// scanner finds every key and array element BurntSushi/toml parsed.
func FuzzDecode(f *testing.F) {
	f.Add(indexDoc)
	f.Add("a = \"\"\"x\r\ny\"\"\"\r\n[t]\r\n\tb = [\r\n  1,\r\n  \"đ\",\r\n]\r\n")
	f.Add("x = [{a = [{b = 1}]}, {c = {d = '''e'''}}]\n[[y.z]]\n[y.z.w]\n\"q.r\".'s' = 1979-05-27 07:32:00Z\n")
	f.Add("a = { b = 1,\n  c = 2, # comment\n}\n")
	f.Fuzz(func(t *testing.T, src string) {
		var v struct {
			A any `toml:"a"`
		}
		ix, ps, err := Decode([]byte(src), &v)
		if err != nil {
			t.Fatal(err)
		}
		var rendered strings.Builder
		if err := ps.Render(&rendered, "f.toml", []byte(src)); err != nil {
			t.Fatal(err)
		}
		for _, r := range rendered.String() {
			if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f {
				t.Fatalf("the message holds U+%04X:\n%s", r, rendered.String())
			}
		}
		if ix == nil {
			return
		}
		var m map[string]any
		if _, err := toml.Decode(strings.TrimPrefix(src, bom), &m); err != nil {
			t.Fatalf("Decode returned an index for invalid TOML: %v", err)
		}
		var paths []string
		indexedPaths("", m, &paths)
		for _, p := range paths {
			if ix.entries[p] == nil {
				t.Errorf("no position for %s", p)
			}
		}
	})
}
