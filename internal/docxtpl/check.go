package docxtpl

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/beevik/etree"
)

// Check verifies, without data, that every field the template names exists
// in the data type (the struct type Execute will receive), that loops run
// over lists and that each formatter takes the kind of value it is given.
// It returns every problem found.
func (t *Template) Check(data reflect.Type) Errors { return t.CheckSchema(Schema{Data: data}) }

// CheckSchema is Check with the free fields s declares (see Schema).
func (t *Template) CheckSchema(s Schema) Errors { return t.check(s, nil) }

// Fields lists, sorted, the full path of every field the template reads
// (to print, to loop over, to test): a loop variable's fields under its
// list's path ("de_nghi[].ho_ten"), the item itself as "to_trinh.can_cu[]",
// the position in a loop as "stt".
func (t *Template) Fields() []string {
	seen := map[string]bool{}
	w := &walker{t: t, cur: &typeScope{}, use: func(_ *tag, _ []string, _ reflect.Type, _ reflect.StructTag, full string, _ error) {
		if full != "" {
			seen[full] = true
		}
	}}
	w.walk(t.root)
	return slices.Sorted(maps.Keys(seen))
}

// check checks the fields of a compiled tree against s. wrapped lists the
// control tags whose block was made, in a tree compiled with problems
// (whose control tags are still there); nil for a template ready to fill.
func (t *Template) check(s Schema, wrapped map[int]bool) Errors {
	var errs Errors
	w := &walker{t: t, extra: s.Extra, wrapped: wrapped, cur: &typeScope{typ: s.Data}}
	w.use = func(tg *tag, path []string, typ reflect.Type, ftag reflect.StructTag, _ string, err error) {
		if err == nil && typ != nil {
			err = fits(tg, path, typ, ftag)
		}
		if err != nil {
			errs.add(t.name, tg.where, tg.text, err)
		}
	}
	w.walk(t.root)
	return errs
}

// fits checks what a tag does with a value of type typ held by a field
// tagged ftag: a loop needs a list, a print something printable that its
// formatters take, a comparison something printable that can print as
// its literal.
func fits(tg *tag, path []string, typ reflect.Type, ftag reflect.StructTag) error {
	name := strings.Join(path, ".")
	switch {
	case tg.kind == tagFor:
		if k := indirectType(typ).Kind(); k != reflect.Slice && k != reflect.Array && k != reflect.Interface {
			return notList(name)
		}
	case tg.kind == tagValue || tg.cond.op != "":
		if err := printable(typ); err != nil {
			return err
		}
		k, ok := kindOf(typ, ftag)
		switch {
		case !ok:
		case tg.kind == tagValue:
			return chainProblem(tg, k, "«"+name+"»")
		default:
			return literalProblem(tg.cond, typ, k, name)
		}
	}
	return nil
}

// notList is a loop over something that is not a list.
func notList(name string) error {
	return newProblem(CodeTemplate, "{{for x in …}} chỉ chạy trên trường kiểu «danh sách» (xem kiểu của từng trường trong  hoso templates fields)",
		"%q không phải danh sách", name)
}

// walker visits the tags of a compiled tree in reading order, resolving
// each path it reads in the loop scope the tag sits in.
type walker struct {
	t       *Template
	extra   map[string]reflect.StructField
	wrapped map[int]bool // see Template.check
	cur     *typeScope
	// loose holds the scopes to go back to at the {{end}} of a block that
	// could not be made (a template with problems): such a loop's variable
	// stays known after its tag, so its fields are still checked.
	loose []*typeScope
	// use receives every path a tag reads: its type (nil when unknown),
	// its field's tag, its full path and the error of resolving it.
	use func(tg *tag, path []string, typ reflect.Type, ftag reflect.StructTag, full string, err error)
}

func (w *walker) walk(e *etree.Element) {
	for c := range e.ChildElementsSeq() {
		switch {
		case c.Tag == blockElem:
			tg := w.t.tagAt(c, "id")
			if tg.kind == tagIf {
				w.read(tg, tg.cond.path)
				w.walk(c)
				continue
			}
			saved, loose := w.cur, len(w.loose)
			w.cur = w.enter(tg)
			w.walk(c)
			w.cur, w.loose = saved, w.loose[:loose]
		case c.SelectAttr(tagAttr) != nil:
			w.tag(c)
		default:
			w.walk(c)
		}
	}
}

// tag visits a tag's run: a value, or a control tag whose block could not
// be made.
func (w *walker) tag(run *etree.Element) {
	tg := w.t.tagAt(run, tagAttr)
	switch {
	case tg.kind == tagValue:
		w.read(tg, tg.path)
	case w.wrapped[tg.id]: // read where its block is
	case tg.kind == tagFor:
		w.loose = append(w.loose, w.cur)
		w.cur = w.enter(tg)
	case tg.kind == tagIf:
		w.read(tg, tg.cond.path)
		w.loose = append(w.loose, w.cur)
	case tg.kind == tagEnd && len(w.loose) > 0:
		w.cur = w.loose[len(w.loose)-1]
		w.loose = w.loose[:len(w.loose)-1]
	}
}

// read resolves a path a tag reads and hands it to use.
func (w *walker) read(tg *tag, path []string) (reflect.Type, reflect.StructTag, string) {
	typ, ftag, full, err := w.cur.lookup(path, w.extra)
	w.use(tg, path, typ, ftag, full, err)
	return typ, ftag, full
}

// enter reads a for's list and returns the scope inside the loop.
func (w *walker) enter(tg *tag) *typeScope {
	typ, ftag, full := w.read(tg, tg.path)
	inner := &typeScope{up: w.cur, name: tg.varName, tag: ftag, path: full + "[]"}
	if typ != nil {
		if t := indirectType(typ); t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			inner.typ = t.Elem()
		}
	}
	return inner
}

func (t *Template) tagAt(e *etree.Element, attr string) *tag {
	return (&executor{t: t}).tagOf(e, attr)
}

// printable says whether a value of type typ can be printed by a tag.
func printable(typ reflect.Type) error {
	if _, ok := KindOf(typ); ok {
		return nil
	}
	switch indirectType(typ).Kind() {
	case reflect.Slice, reflect.Array:
		return errPrintList
	case reflect.Struct, reflect.Map:
		return errPrintGroup
	}
	return nil
}

// What a tag that prints a list or a group of fields is told, when the
// template is checked and when it is filled.
var (
	errPrintList = newProblem(CodeTemplate, "in từng phần tử bằng vòng lặp: {{for x in …}}{{x}}{{end}}, hoặc {{x.ten}} khi phần tử là một nhóm trường",
		"đây là một danh sách: dùng {{for x in ...}} để in từng phần tử")
	errPrintGroup = newProblem(CodeTemplate, "chọn một trường con, ví dụ {{co_quan.ten}} thay cho {{co_quan}} (hoso templates fields)",
		"đây là một nhóm trường: hãy chọn một trường con (ví dụ .ten)")
)

// literalProblem refuses a comparison of a field of kind k (type typ)
// with a literal it never prints as: {{if so_ca_nhan == "ba"}} would
// always be false (a number prints as digits, a date as dd/mm/yyyy, a
// yes/no as có or không).
func literalProblem(c condition, typ reflect.Type, k Kind, name string) error {
	var want, example string
	switch {
	case indirectType(typ).Kind() == reflect.Bool:
		if c.lit == "có" || c.lit == "không" {
			return nil
		}
		want, example = "có/không", fmt.Sprintf("{{if %s}} hoặc {{if not %s}}", name, name)
	case k&kindNumber != 0:
		if _, err := strconv.ParseInt(c.lit, 10, 64); err == nil {
			return nil
		}
		want, example = k.String(), fmt.Sprintf("{{if %s %s 3}}", name, c.op)
	case k&kindTime != 0:
		if _, err := time.Parse("02/01/2006", c.lit); err == nil {
			return nil
		}
		want, example = k.String(), fmt.Sprintf("{{if %s %s \"05/02/2026\"}} (ngày dạng dd/mm/yyyy)", name, c.op)
	default:
		return nil
	}
	return newProblem(CodeType, "so sánh với một giá trị cùng kiểu, ví dụ "+example,
		"«%s» là %s, không bao giờ bằng %q: phép so sánh %s luôn cho cùng một kết quả", name, want, c.lit, c.op)
}
