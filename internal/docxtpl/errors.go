package docxtpl

import (
	"fmt"
	"strings"
)

// Error is a template problem located for a maintainer working in Word:
// the template file, where in it (table, row, cell, paragraph and a quote of
// its text) and the tag concerned.
type Error struct {
	Template string // template file name
	Where    string // "bảng 2, hàng 3, ô 1, đoạn 14 «…»"
	Tag      string // the tag as written, if any
	Msg      string // Vietnamese message
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Template)
	if e.Where != "" {
		b.WriteString(": ")
		b.WriteString(e.Where)
	}
	if e.Tag != "" {
		b.WriteString(": ")
		b.WriteString(e.Tag)
	}
	b.WriteString(": ")
	b.WriteString(e.Msg)
	return b.String()
}

// Errors is every problem found in one template.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

func (es *Errors) add(tpl, where, tagText, format string, args ...any) {
	*es = append(*es, &Error{Template: tpl, Where: where, Tag: tagText, Msg: fmt.Sprintf(format, args...)})
}
