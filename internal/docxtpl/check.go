package docxtpl

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/beevik/etree"
)

// Check verifies, without data, that every field the template names exists
// in the data type (the struct type Execute will receive) and that loops run
// over lists. It returns every problem found.
func (t *Template) Check(data reflect.Type) Errors {
	var errs Errors
	t.checkTree(t.root, &typeScope{typ: data}, &errs)
	return errs
}

func (t *Template) checkTree(e *etree.Element, ts *typeScope, errs *Errors) {
	for c := range e.ChildElementsSeq() {
		switch {
		case c.Tag == blockElem:
			tg := t.tagAt(c, "id")
			if tg.kind == tagIf {
				if _, err := ts.lookup(tg.cond.path); err != nil {
					errs.add(t.name, tg.where, tg.text, "%s", err.Error())
				}
				t.checkTree(c, ts, errs)
				continue
			}
			typ, err := ts.lookup(tg.path)
			if err != nil {
				errs.add(t.name, tg.where, tg.text, "%s", err.Error())
				continue
			}
			typ = indirectType(typ)
			switch typ.Kind() {
			case reflect.Slice, reflect.Array:
				t.checkTree(c, &typeScope{up: ts, name: tg.varName, typ: typ.Elem()}, errs)
			case reflect.Interface:
			default:
				errs.add(t.name, tg.where, tg.text, "%q không phải danh sách", strings.Join(tg.path, "."))
			}
		case c.SelectAttr(tagAttr) != nil:
			tg := t.tagAt(c, tagAttr)
			typ, err := ts.lookup(tg.path)
			if err != nil {
				errs.add(t.name, tg.where, tg.text, "%s", err.Error())
				continue
			}
			if len(tg.filters) == 0 {
				if err := printable(typ); err != nil {
					errs.add(t.name, tg.where, tg.text, "%s", err.Error())
				}
			}
		default:
			t.checkTree(c, ts, errs)
		}
	}
}

func (t *Template) tagAt(e *etree.Element, attr string) *tag {
	return (&executor{t: t}).tagOf(e, attr)
}

// printable says whether a value of type typ can be printed by a tag.
func printable(typ reflect.Type) error {
	typ = indirectType(typ)
	if typ == reflect.TypeOf(time.Time{}) || typ.Implements(reflect.TypeOf((*fmt.Stringer)(nil)).Elem()) {
		return nil
	}
	switch typ.Kind() {
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
	errPrintList  = errors.New("đây là một danh sách: dùng {{for x in ...}} để in từng phần tử")
	errPrintGroup = errors.New("đây là một nhóm trường: hãy chọn một trường con (ví dụ .ten)")
)

// filterNames lists the formatter names for messages.
func filterNames() string {
	var names []string
	for _, f := range Filters() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}
