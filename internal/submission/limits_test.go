package submission

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/tomlin"
)

// field is what a path of the model holds: a text, a number, a list of
// texts or a list of tables.
type field int

const (
	text field = iota
	num
	textList
	tableList
)

// modelFields lists the path (without indices) and kind of every text,
// number and list of the model type t, following the toml tags.
func modelFields(t reflect.Type, path string, out map[string]field) {
	switch t.Kind() {
	case reflect.Pointer:
		modelFields(t.Elem(), path, out)
	case reflect.String:
		out[path] = text
	case reflect.Int, reflect.Int64:
		out[path] = num
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			out[path] = textList
			return
		}
		out[path] = tableList
		modelFields(t.Elem(), path, out)
	case reflect.Map:
		modelFields(t.Elem(), path+".*", out)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			switch {
			case f.Anonymous && name == "":
				modelFields(f.Type, path, out)
			case name != "" && name != "-":
				modelFields(f.Type, tomlin.PathKey(path, name), out)
			}
		}
	}
}

// Every text, number and list of the model has its limit, of the right
// kind, and every limit is a field of the model: a field added without a
// limit fails here.
func TestEveryFieldHasALimit(t *testing.T) {
	fields := map[string]field{}
	modelFields(reflect.TypeOf(Submission{}), "", fields)
	if len(fields) < 80 {
		t.Fatalf("only %d fields found", len(fields))
	}
	for path, f := range fields {
		l, ok := Limits[path]
		isNumber, isText := l.Max > l.Min && l.Key != "" && l.What != "", l.Chars > 0
		switch {
		case !ok:
			t.Errorf("%s has no limit", path)
		case f == num && (!isNumber || isText || l.Items != 0):
			t.Errorf("%s is a number; its limit %+v", path, l)
		case f == text && (!isText || isNumber || l.Items != 0):
			t.Errorf("%s is a text; its limit %+v", path, l)
		case f == textList && (!isText || isNumber || l.Items == 0):
			t.Errorf("%s is a list of texts; its limit %+v", path, l)
		case f == tableList && (isText || isNumber || l.Items == 0):
			t.Errorf("%s is a list of tables; its limit %+v", path, l)
		}
	}
	for path := range Limits {
		if _, ok := fields[path]; !ok {
			t.Errorf("the limit of %s concerns no field of the model", path)
		}
	}
}

// limitsTable is the README's table of the limits, one row for each limit
// shared by several fields, in the order of the fields' first appearance.
func limitsTable() string {
	paths := make([]string, 0, len(Limits))
	for p := range Limits {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var rows []Limit
	fields := map[Limit][]string{}
	for _, p := range paths {
		l := Limits[p]
		if fields[l] == nil {
			rows = append(rows, l)
		}
		fields[l] = append(fields[l], "`"+p+"`")
	}
	var b strings.Builder
	b.WriteString("| trường | giới hạn |\n| --- | --- |\n")
	for _, l := range rows {
		fmt.Fprintf(&b, "| %s | %s |\n", strings.Join(fields[l], ", "), describeLimit(l))
	}
	return b.String()
}

// describeLimit says a limit in words, for the README.
func describeLimit(l Limit) string {
	var parts []string
	if l.Max != 0 {
		parts = append(parts, fmt.Sprintf("số từ %d đến %d", l.Min, l.Max))
	}
	if l.Items != 0 {
		parts = append(parts, fmt.Sprintf("tối đa %d mục", l.Items))
	}
	if l.Chars != 0 {
		each := ""
		if l.Items != 0 {
			each = "mỗi mục "
		}
		lines := "một dòng"
		if l.Breaks > 0 {
			lines = fmt.Sprintf("xuống dòng tối đa %d lần", l.Breaks)
		}
		parts = append(parts, fmt.Sprintf("%s%d ký tự, %s", each, l.Chars, lines))
	}
	if l.Latin {
		parts = append(parts, "chỉ chữ cái Latinh")
	}
	return strings.Join(parts, "; ")
}

var updateReadme = flag.Bool("update-readme", false, "rewrite the README's table of limits")

func TestReadmeListsTheLimits(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	want := limitsTable()
	if *updateReadme {
		start := strings.Index(string(readme), "| trường | giới hạn |")
		end := strings.Index(string(readme)[start:], "\n\n")
		if start < 0 || end < 0 {
			t.Fatal("README.md has no table of limits to replace")
		}
		readme = []byte(string(readme)[:start] + strings.TrimSuffix(want, "\n") + string(readme)[start+end:])
		if err := os.WriteFile("../../README.md", readme, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !strings.Contains(string(readme), want) {
		t.Errorf("README.md does not list the limits as they are; its table should read:\n%s", want)
	}
}
