package xlsxin

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// TOML returns the nominees as [[de_nghi]] blocks to append to a
// submission file, each after a blank line and headed by a comment naming
// its row in source (the workbook's file name).
func (res *Result) TOML(source string) string { return blocks(res.Entries, source) }

func blocks(entries []Entry, source string) string {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString("\n[[de_nghi]]")
		if source != "" {
			fmt.Fprintf(&b, "  # %s, %s dòng %d", comment(source), comment(e.Sheet), e.Row)
		}
		b.WriteByte('\n')
		notes := map[string]string{}
		if e.Award != "" {
			notes["hinh_thuc"] = "trong bảng: " + strconv.Quote(e.Award)
		}
		table(&b, "de_nghi", reflect.ValueOf(e.Nominee), notes)
	}
	return b.String()
}

// table writes the keys of struct v that hold a value, then its tables.
func table(b *strings.Builder, path string, v reflect.Value, notes map[string]string) {
	keys, err := tomlin.StructKeys(v.Type())
	if err != nil {
		panic(err)
	}
	var sub []tomlin.StructKey
	for _, k := range keys {
		f := v.FieldByIndex(k.Field.Index)
		if f.IsZero() {
			continue
		}
		if _, isDate := f.Interface().(submission.Date); !isDate && (f.Kind() == reflect.Struct || f.Kind() == reflect.Pointer && f.Elem().Kind() == reflect.Struct) {
			sub = append(sub, k)
			continue
		}
		b.WriteString(k.Name + " = " + literal(f))
		if n := notes[k.Name]; n != "" {
			b.WriteString("  # " + comment(n))
		}
		b.WriteByte('\n')
	}
	for _, k := range sub {
		f := reflect.Indirect(v.FieldByIndex(k.Field.Index))
		fmt.Fprintf(b, "\n[%s.%s]\n", path, k.Name)
		table(b, path+"."+k.Name, f, nil)
	}
}

// literal writes a value the importer fills as TOML.
func literal(f reflect.Value) string {
	if d, ok := f.Interface().(submission.Date); ok {
		return d.Format("2006-01-02")
	}
	switch f.Kind() {
	case reflect.Pointer:
		return literal(f.Elem())
	case reflect.String:
		return quote(f.String())
	case reflect.Int:
		return strconv.FormatInt(f.Int(), 10)
	case reflect.Slice:
		if f.Len() == 1 {
			return "[" + literal(f.Index(0)) + "]"
		}
		var b strings.Builder
		b.WriteString("[\n")
		for i := range f.Len() {
			b.WriteString("  " + literal(f.Index(i)) + ",\n")
		}
		return b.String() + "]"
	}
	panic("xlsxin: cannot write " + f.Type().String())
}

// quote writes s as a TOML basic string: quotes, backslashes and control
// characters escaped, so that the decoder reads back s exactly (and names
// the characters it refuses).
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < 0x20 || r == 0x7f {
				fmt.Fprintf(&b, `\u%04X`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// comment makes text safe for a TOML comment: one line, no control
// character.
func comment(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}
