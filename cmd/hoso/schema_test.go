package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "write samples/ho-so.schema.json again from the model")

const schemaFile = "../../samples/ho-so.schema.json"

// The shipped schema is what the model gives now: a field added to
// internal/submission without regenerating it fails here
// (go test ./cmd/hoso -run TestSchemaFileInStep -update writes it).
func TestSchemaFileInStep(t *testing.T) {
	code, stdout, stderr := runCLI(t, "schema")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if *update {
		if err := os.WriteFile(schemaFile, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	shipped, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if string(shipped) != stdout {
		t.Errorf("%s differs from `hoso schema`: run go test ./cmd/hoso -run TestSchemaFileInStep -update", schemaFile)
	}
	if code, _, _ := runCLI(t, "schema", "x"); code != exitBadInput {
		t.Errorf("schema with an argument: exit %d", code)
	}
}

// compileSchema compiles the shipped schema with a validator that asserts
// formats and patterns as editors do.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("ho-so.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("ho-so.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// instance turns TOML into the JSON value an editor checks: dates and
// times as the text they are written as.
func instance(t *testing.T, src string) any {
	t.Helper()
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatal(err)
	}
	var conv func(v any) any
	conv = func(v any) any {
		switch x := v.(type) {
		case time.Time:
			switch x.Location().String() {
			case "date-local":
				return x.Format("2006-01-02")
			case "datetime-local":
				return x.Format("2006-01-02T15:04:05")
			case "time-local":
				return x.Format("15:04:05")
			}
			return x.Format(time.RFC3339)
		case map[string]any:
			for k, e := range x {
				x[k] = conv(e)
			}
		case []map[string]any:
			out := make([]any, len(x))
			for i, e := range x {
				out[i] = conv(e)
			}
			return out
		case []any:
			for i, e := range x {
				x[i] = conv(e)
			}
		}
		return v
	}
	b, err := json.Marshal(conv(m))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

// Every sample, the skeleton `hoso init` writes and every file of
// testdata/ that builds are valid for the editors; the skeleton names the
// schema on its first line.
func TestSamplesMatchSchema(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("../../samples/*.toml")
	more, _ := filepath.Glob("../../internal/dossier/testdata/*.toml")
	files = append(files, more...)
	if len(files) < 4 {
		t.Fatalf("only %d samples", len(files))
	}
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(instance(t, string(src))); err != nil {
			t.Errorf("%s: %v", path, err)
		}
	}
	if err := s.Validate(instance(t, string(skeleton))); err != nil {
		t.Errorf("skeleton: %v", err)
	}
	first, _, _ := strings.Cut(string(skeleton), "\n")
	if first != "#:schema "+schemaURL {
		t.Errorf("skeleton's first line %q", first)
	}
}

// What hoso refuses for its type, the schema refuses too; what hoso
// accepts in another spelling (dates as text, kinds with diacritics, one
// string for a list), the schema accepts.
func TestSchemaJudgesLikeTheDecoder(t *testing.T) {
	s := compileSchema(t)
	src, err := os.ReadFile(sampleMin)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		old, new string
		ok       bool
	}{
		{`ngay_sinh = "23/07/1988"`, `ngay_sinh = 1988-07-23`, true},
		{`ngay_sinh = "23/07/1988"`, `ngay_sinh = "1988-07-23"`, true},
		{`ngay_sinh = "23/07/1988"`, `ngay_sinh = "23.07.1988"`, true},
		{`ngay_sinh = "23/07/1988"`, `ngay_sinh = "ngày 23 tháng 7"`, false},
		{`ngay_sinh = "23/07/1988"`, `ngay_sinh = 1988`, false},
		{`loai = "ca-nhan"`, `loai = "Cá nhân"`, true},
		{`loai = "ca-nhan"`, `loai = " CÁ_NHÂN "`, true},
		{`loai = "ca-nhan"`, `loai = "cá nhân tiêu biểu"`, false},
		{`loai = "ca-nhan"`, `loai = "canhan"`, false},
		{`ket_thuc = "15:30"`, `ket_thuc = 15:30:00`, true},
		{`ket_thuc = "15:30"`, `ket_thuc = "06/01/2026 15h30"`, true},
		{`ket_thuc = "15:30"`, `ket_thuc = 2026-01-06`, false},
		{`bat_dau = "06/01/2026 14:00"`, `bat_dau = 2026-01-06T14:00:00`, true},
		{`ngay = 2026-01-09`, "ngay = 2026-01-09\nkinh_gui = \"Chủ tịch Ủy ban nhân dân xã Bình Mỹ\"", true},
		{`ngay = 2026-01-09`, "ngay = 2026-01-09\nkinh_gui = 5", false},
		{`so = 3`, `so = "ba"`, false},
		{`dia_danh = "Bình Mỹ"`, `dia_danh = "Bình Mỹ"` + "\nten_viet_tat = \"x\"", false},
		{`bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 0 }`, `bieu_quyet = { tan_thanh = 3, phieu_trang = 0 }`, false},
	}
	for _, c := range cases {
		text := string(src)
		if strings.Count(text, c.old) != 1 {
			t.Fatalf("%q not once in the sample", c.old)
		}
		text = strings.Replace(text, c.old, c.new, 1)
		err := s.Validate(instance(t, text))
		if (err == nil) != c.ok {
			t.Errorf("%s: schema says valid=%v, want %v (%v)", c.new, err == nil, c.ok, err)
		}
		// The decoder agrees on the type (other checks aside).
		if code, _, stderr := runCLI(t, "kiem-tra", tempSubmission(t, text)); (code == exitOK) != c.ok {
			t.Errorf("%s: kiem-tra exit %d, want ok=%v\n%s", c.new, code, c.ok, stderr)
		}
	}
}

// tempSubmission writes a submission into a fresh folder and returns its path.
func tempSubmission(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "ho-so.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// The fields with a fixed set of values (gioi_tinh, nguoi_ky.hinh_thuc)
// take in the schema what kiem-tra takes, in any case, and refuse what it
// refuses ("Khác").
func TestSchemaChoicesLikeValidation(t *testing.T) {
	s := compileSchema(t)
	src, err := os.ReadFile(sampleMin)
	if err != nil {
		t.Fatal(err)
	}
	const gender, signer = `gioi_tinh = "Nữ"`, `chuc_vu = "Trưởng Trạm"`
	cases := []struct {
		old, new string
		ok       bool
	}{
		{gender, `gioi_tinh = "Nam"`, true},
		{gender, `gioi_tinh = "nữ"`, true},
		{gender, `gioi_tinh = "NỮ"`, true},
		{gender, `gioi_tinh = "NAM"`, true},
		{gender, "gioi_tinh = \"Nu\u031b\u0303\"", true}, // NFD, as macOS types it
		{gender, `gioi_tinh = " Nam "`, true},
		{gender, `gioi_tinh = "Khác"`, false},
		{gender, `gioi_tinh = "Nu"`, false},
		{gender, `gioi_tinh = "X"`, false},
		{gender, `gioi_tinh = "Nam nữ"`, false},
		{signer, "hinh_thuc = \"KT\"\nthay_cho = \"Trưởng Trạm\"\nchuc_vu = \"Phó Trưởng Trạm\"", true},
		{signer, "hinh_thuc = \"kt.\"\nthay_cho = \"Trưởng Trạm\"\nchuc_vu = \"Phó Trưởng Trạm\"", true},
		{signer, "hinh_thuc = \"Tuq\"\nthay_cho = \"Trưởng Trạm\"\nchuc_vu = \"Phó Trưởng Trạm\"", true},
		{signer, "hinh_thuc = \"q\"\nthay_cho = \"Trưởng Trạm\"", true},
		{signer, "hinh_thuc = \"\"\n" + signer, true},
		{signer, "hinh_thuc = \"Ký thay\"\nthay_cho = \"Trưởng Trạm\"\nchuc_vu = \"Phó Trưởng Trạm\"", false},
		{signer, "hinh_thuc = \"TM\"\nthay_cho = \"Trưởng Trạm\"\nchuc_vu = \"Phó Trưởng Trạm\"", false},
	}
	for _, c := range cases {
		text := string(src)
		if strings.Count(text, c.old) != 1 {
			t.Fatalf("%q not once in the sample", c.old)
		}
		text = strings.Replace(text, c.old, c.new, 1)
		if err := s.Validate(instance(t, text)); (err == nil) != c.ok {
			t.Errorf("%q: schema says valid=%v, want %v (%v)", c.new, err == nil, c.ok, err)
		}
		if code, _, stderr := runCLI(t, "kiem-tra", tempSubmission(t, text)); (code == exitOK) != c.ok {
			t.Errorf("%q: kiem-tra exit %d, want ok=%v\n%s", c.new, code, c.ok, stderr)
		}
	}
}
