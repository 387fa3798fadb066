package docxtpl

import (
	"errors"
	"fmt"
	"strings"
)

// Codes of template problems, stable for tests and tools (the template
// linter reports them as its findings' codes).
const (
	CodeTemplate   = "template"       // malformed tag, unknown formatter…
	CodeUnbalanced = "unbalanced"     // {{for}}/{{if}} without {{end}}, stray {{end}} or {{else}}
	CodeMisplaced  = "misplaced"      // a block whose tags sit in places that do not match
	CodeUnknown    = "unknown-field"  // a field the data does not have
	CodeType       = "formatter-type" // a formatter given a value of a kind it does not take
	CodeUnfilled   = "unfilled"       // a tag where the engine does not fill (header, notes…)
	CodeUnreadable = "unreadable"     // not a DOCX at all
	CodeFormat     = "tag-format"     // a tag whose letters are not all formatted alike
	CodeLandscape  = "landscape"      // a landscape section
)

// Error is a template problem located for a maintainer working in Word:
// the template file, the part and the place in it (table, row, cell,
// paragraph and a quote of its text), the tag concerned, what is wrong
// and what to do about it.
type Error struct {
	Template string // template file name
	Part     string // "thân văn bản", "đầu trang trang đầu của phần 1"…; "" for the file as a whole
	Where    string // "bảng 2, hàng 3, ô 1, đoạn 14 «…»"
	Tag      string // the tag as written, if any
	Msg      string // Vietnamese message
	Code     string // one of the Code constants
	Fix      string // what to do about it, in Vietnamese
}

// Error is the problem on one line: file, place (the body is not named),
// tag and message.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Template)
	place := e.Place()
	if e.Part == bodyPart {
		place = e.Where
	}
	if place != "" {
		b.WriteString(": ")
		b.WriteString(place)
	}
	b.WriteString(": ")
	b.WriteString(e.What())
	return b.String()
}

// Place is the part and the place in it, as one phrase.
func (e *Error) Place() string { return joinPlace(e.Part, e.Where) }

// What is the message, after the tag when there is one.
func (e *Error) What() string {
	if e.Tag != "" {
		return e.Tag + ": " + e.Msg
	}
	return e.Msg
}

// joinPlace joins a part's name and a place in it.
func joinPlace(part, where string) string {
	switch {
	case part == "":
		return where
	case where == "":
		return part
	}
	return part + ", " + where
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

// add records a problem found at a place of the body; err's code and fix
// are kept when it is a *problem.
func (es *Errors) add(tpl, where, tagText string, err error) {
	*es = append(*es, located(tpl, bodyPart, where, tagText, err))
}

// bodyPart is how the document body is named in messages.
const bodyPart = "thân văn bản"

// located turns a problem into an Error at a place.
func located(tpl, part, where, tagText string, err error) *Error {
	e := &Error{Template: tpl, Part: part, Where: where, Tag: tagText, Msg: err.Error(), Code: CodeTemplate, Fix: syntaxFix}
	var p *problem
	if errors.As(err, &p) {
		e.Code, e.Fix = p.code, p.fix
	}
	return e
}

// problem is a message with its code and fix, before it is located.
type problem struct{ code, msg, fix string }

func (p *problem) Error() string { return p.msg }

// newProblem words a problem; the fix is said as it is.
func newProblem(code, fix, format string, args ...any) *problem {
	return &problem{code: code, msg: fmt.Sprintf(format, args...), fix: fix}
}

// Guide is the file name of the maintainers' guide that
// "hoso templates export" writes beside the form sets; fixes point to it.
const Guide = "HUONG-DAN.md"

// The fixes shared by several problems.
const (
	syntaxFix     = "viết thẻ theo cú pháp trong " + Guide + " (mục «Cú pháp thẻ»): {{truong}}, {{truong | dinh_dang}}, {{for x in danh_sach}} … {{end}}, {{if truong}} … {{else}} … {{end}}"
	resaveFix     = "mở tệp bằng Word hoặc LibreOffice rồi lưu lại kiểu «Word Document (*.docx)»"
	fieldsCommand = "xem mọi trường bằng lệnh  hoso templates fields"
)

// Explain renders err for a maintainer: every template problem in it as
// "hoso templates check" prints it (file, where, what is wrong, how to fix
// it); any other error as its text. The build prints template errors
// with it, so a maintainer reads the same advice in both.
func Explain(err error) string {
	var es Errors
	var one *Error
	switch {
	case errors.As(err, &es):
	case errors.As(err, &one):
		es = Errors{one}
	default:
		return err.Error()
	}
	var b strings.Builder
	for i, e := range es {
		if i > 0 {
			b.WriteByte('\n')
		}
		WriteProblem(&b, "LỖI  "+e.Template, e.Place(), e.What(), e.Fix)
	}
	return strings.TrimRight(b.String(), "\n")
}

// WriteProblem writes one problem in the form hoso shows maintainers: a
// heading line (severity and file), then «Ở đâu», «Lỗi gì» and «Cách sửa»,
// each left out when empty.
func WriteProblem(b *strings.Builder, heading, place, msg, fix string) {
	b.WriteString(heading)
	b.WriteByte('\n')
	if place != "" {
		fmt.Fprintf(b, "    Ở đâu: %s\n", place)
	}
	fmt.Fprintf(b, "    Lỗi gì: %s\n", indentMore(msg))
	if fix != "" {
		fmt.Fprintf(b, "    Cách sửa: %s\n", indentMore(fix))
	}
}

func indentMore(s string) string {
	return strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n        ")
}
