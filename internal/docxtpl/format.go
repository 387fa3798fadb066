package docxtpl

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/vn"
)

// Kind is what sort of value a tag prints, as far as formatters care: a
// set of the Kind constants. A field's kind comes from its Go type and the
// options of its `tpl` tag (see FieldKind).
type Kind int

// Kinds of values.
const (
	KindText     Kind = 1 << iota // text, and what prints as text: có/không, decimals
	KindInt                       // a whole number: an amount, a measure, a year, a count
	KindOrdinal                   // a position in a list: stt, a whole number tagged `tpl:",ordinal"`
	KindDate                      // a date without a time of day
	KindDateTime                  // a date and time: a date tagged `tpl:",datetime"`
	KindAny      = KindText | KindInt | KindOrdinal | KindDate | KindDateTime

	kindNumber = KindInt | KindOrdinal   // every whole number
	kindTime   = KindDate | KindDateTime // every date
)

// kindWordsOf names kinds in Vietnamese, a whole family before its
// members: every whole number is "số", every date "ngày".
var kindWordsOf = []struct {
	k Kind
	w string
}{{KindText, "chữ"}, {kindNumber, "số"}, {KindInt, "số"}, {KindOrdinal, "số thứ tự"},
	{kindTime, "ngày"}, {KindDate, "ngày"}, {KindDateTime, "ngày giờ"}}

// String names the kinds in Vietnamese: "chữ", "số", "ngày", "chữ hoặc ngày".
func (k Kind) String() string {
	if k == KindAny {
		return "mọi kiểu"
	}
	var ws []string
	for _, x := range kindWordsOf {
		if k&x.k == x.k {
			ws = append(ws, x.w)
			k &^= x.k
		}
	}
	return strings.Join(ws, " hoặc ")
}

var (
	timeType     = reflect.TypeOf(time.Time{})
	stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
)

// KindOf says what kind of value a field of type t prints as; ok is false
// for what does not print (a list, a group of fields) and for an
// interface, whose kind is known only when the template is filled.
func KindOf(t reflect.Type) (k Kind, ok bool) {
	t = indirectType(t)
	switch {
	case t == timeType:
		return KindDate, true
	case t.Implements(stringerType) || reflect.PointerTo(t).Implements(stringerType):
		return KindText, true
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return KindInt, true
	case reflect.String, reflect.Bool, reflect.Float32, reflect.Float64:
		return KindText, true
	}
	return 0, false
}

// FieldKind is the kind of the value a struct field holds (of its items,
// for a list): KindOf its type, made finer by the options of its `tpl`
// tag: "datetime" makes a date a KindDateTime, "ordinal" a whole number a
// KindOrdinal. ok is as for KindOf.
func FieldKind(f reflect.StructField) (k Kind, ok bool) {
	t := indirectType(f.Type)
	if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
		t = t.Elem()
	}
	return kindOf(t, f.Tag)
}

// kindOf is the kind of a value of type t held by a field tagged tag.
func kindOf(t reflect.Type, tag reflect.StructTag) (Kind, bool) {
	k, ok := KindOf(t)
	switch {
	case k == KindDate && tagHas(tag, "datetime"):
		k = KindDateTime
	case k == KindInt && tagHas(tag, "ordinal"):
		k = KindOrdinal
	}
	return k, ok
}

// kindOfValue is KindOf for a value met when the template is filled; the
// usual types are told apart without reflection. The value carries no
// tag: a whole number may be any whole number, a date any date (the check
// before filling told them apart).
func kindOfValue(v any) Kind {
	switch v.(type) {
	case nil:
		return 0
	case string:
		return KindText
	case int, int64:
		return kindNumber
	case time.Time:
		return kindTime
	}
	k, _ := KindOf(reflect.TypeOf(v))
	switch k {
	case KindInt:
		return kindNumber
	case KindDate:
		return kindTime
	}
	return k
}

// Filter is a Vietnamese formatter a tag applies with "| name" (or
// "| name:arg"). Fn receives the value (nil when empty) and the argument.
type Filter struct {
	Name    string
	Doc     string // what it does, in Vietnamese
	Arg     string // what its argument is; "" when it takes none
	Accepts Kind   // the kinds of value it takes
	Gives   Kind   // the kind it gives; 0: the kind it was given, or text (mac_dinh)
	Max     int    // for a list label (la_ma, chu_cai): the largest number it takes, from 1; 0: no bound
	Example string // a template snippet using it, valid against the dossier data
	Output  string // what Example prints
	Fn      func(v any, arg string) (any, error)
}

// Filters lists every formatter templates may use, sorted by name.
func Filters() []Filter {
	out := make([]Filter, 0, len(filters))
	for _, f := range filters {
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

var filters = map[string]Filter{}

func init() {
	for _, f := range []Filter{
		{Name: "hoa", Doc: "chữ in hoa", Accepts: KindAny, Gives: KindText,
			Example: `{{co_quan.ten | hoa}}`, Output: "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA", Fn: textFilter(vn.Upper)},
		{Name: "thuong", Doc: "chữ thường", Accepts: KindAny, Gives: KindText,
			Example: `{{co_quan.ten | thuong}}`, Output: "ủy ban nhân dân phường tân sơn hòa", Fn: textFilter(vn.Lower)},
		{Name: "ngay", Doc: "ngày theo Nghị định 30 (ngày < 10 và tháng 1, 2 thêm số 0)", Accepts: kindTime, Gives: KindText,
			Example: `{{van_ban.ngay | ngay}}`, Output: "ngày 05 tháng 02 năm 2026", Fn: dateFilter(vn.DecreeDate)},
		{Name: "ngay_so", Doc: "ngày dạng dd/mm/yyyy", Accepts: kindTime, Gives: KindText,
			Example: `{{doi_tuong.ngay_sinh | ngay_so}}`, Output: "12/03/1985", Fn: dateFilter(vn.ShortDate)},
		{Name: "ngay_chu", Doc: "ngày viết bằng chữ", Accepts: kindTime, Gives: KindText,
			Example: `{{van_ban.ngay | ngay_chu}}`, Output: "ngày năm tháng Hai năm hai nghìn không trăm hai mươi sáu", Fn: dateFilter(vn.DateInWords)},
		{Name: "gio", Doc: "giờ phút của một ngày giờ (không dùng cho trường chỉ có ngày)", Accepts: KindDateTime, Gives: KindText,
			Example: `{{bien_ban.bat_dau | gio}}`, Output: "08 giờ 00 phút", Fn: dateFilter(vn.ClockTime)},
		{Name: "nam", Doc: "năm của một ngày", Accepts: kindTime, Gives: KindText,
			Example: `{{van_ban.ngay | nam}}`, Output: "2026", Fn: dateFilter(func(t time.Time) string { return strconv.Itoa(t.Year()) })},
		{Name: "hai_so", Doc: "số có ít nhất hai chữ số", Accepts: kindNumber, Gives: KindText,
			Example: `{{so_tap_the | hai_so}}`, Output: "05", Fn: intFilter(vn.Pad2)},
		{Name: "tien", Doc: "số có dấu chấm tách hàng nghìn (tiền, số lớn)", Accepts: kindNumber, Gives: KindText,
			Example: `{{for x in de_nghi}}{{for y in x.so_lieu}}{{y.doanh_thu | tien}}{{end}}{{end}}`, Output: "447.305.000.000",
			Fn: int64Filter(vn.Money)},
		{Name: "so_chu", Doc: "số viết bằng chữ", Accepts: kindNumber, Gives: KindText,
			Example: `{{hoi_dong.tong_so | so_chu}}`, Output: "chín", Fn: intFilter(func(n int) string { return vn.NumberInWords(int64(n)) })},
		{Name: "la_ma", Doc: "số La Mã, đánh số mục", Accepts: KindOrdinal, Gives: KindText, Max: 3999,
			Example: `{{for g in nhom}}{{stt | la_ma}}. {{g.ten | hoa}} {{end}}`, Output: "I. TẬP THỂ II. CÁ NHÂN", Fn: intFilter(vn.Roman)},
		{Name: "chu_cai", Doc: "chữ cái đánh điểm a, b, c, d, đ, e, g…", Accepts: KindOrdinal, Gives: KindText,
			Max:     10 * vn.PointLetterCount,
			Example: `{{for c in to_trinh.can_cu}}{{stt | chu_cai}}) {{c}} {{end}}`, Output: "a) … b) … c) …", Fn: intFilter(vn.PointLetter)},
		{Name: "khong_ngat", Doc: "gạch nối không ngắt dòng: mã số thuế «0312840639-002» luôn nằm trọn trên một dòng (Word in dấu - thường)",
			Accepts: KindAny, Gives: KindText,
			Example: `{{for x in cong_van_thue.doanh_nghiep}}{{x.thue.ma_so_thue | khong_ngat}}{{end}}`,
			Output:  "0312840639-002 (không xuống dòng ở dấu -)", Fn: textFilter(func(s string) string { return strings.ReplaceAll(s, "-", nonBreakingHyphen) })},
		{Name: "mac_dinh", Doc: "giá trị thay thế khi trường trống", Arg: "chữ in thay khi trường trống", Accepts: KindAny,
			Example: `{{doi_tuong.chuc_vu | mac_dinh:"Không"}}`, Output: "Không (khi chưa ghi chức vụ)", Fn: func(v any, arg string) (any, error) {
				if !truthy(reflect.ValueOf(v)) {
					return arg, nil
				}
				return v, nil
			}},
	} {
		if f.Max > 0 {
			f.Doc += fmt.Sprintf(" (chỉ cho số thứ tự: stt, so_thu_tu; từ 1 đến %d)", f.Max)
		}
		filters[f.Name] = f
	}
}

// after is the kind a formatter gives when given kind k.
func (f Filter) after(k Kind) Kind {
	if f.Gives == 0 {
		return k | KindText
	}
	return f.Gives
}

// checkFilterCalls finds, without data, the formatters of a tag that do
// not exist or are given an argument they do not take, or none when they
// need one.
func checkFilterCalls(tg *tag) []error {
	var out []error
	for _, c := range tg.filters {
		f, ok := filters[c.name]
		switch {
		case !ok:
			out = append(out, newProblem(CodeTemplate,
				"dùng một bộ định dạng có trong danh sách (hoso templates fields, phần «Bộ định dạng»); viết liền, chữ thường, ví dụ {{van_ban.ngay | ngay}}",
				"không có bộ định dạng %q; có: %s", c.name, filterNames()))
		case f.Arg == "" && c.hasArg:
			out = append(out, newProblem(CodeTemplate, fmt.Sprintf("viết | %s, không có «:» và tham số", f.Name),
				"bộ định dạng «%s» không nhận tham số", f.Name))
		case f.Arg != "" && !c.hasArg:
			out = append(out, newProblem(CodeTemplate, fmt.Sprintf("viết | %s:\"…\" với %s, ví dụ %s", f.Name, f.Arg, f.Example),
				"bộ định dạng «%s» cần một tham số (%s)", f.Name, f.Arg))
		}
	}
	return out
}

// filterNames lists the formatter names for messages.
func filterNames() string {
	var names []string
	for _, f := range Filters() {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// chainProblem checks a tag's formatters against the kind of its value,
// in order: each must take what the one before gives. what names the value
// ("«co_quan.dia_danh»"). It returns nil when the chain fits; it stops at a
// formatter that does not exist (reported when the tag was parsed).
func chainProblem(tg *tag, k Kind, what string) error {
	before := ""
	for _, c := range tg.filters {
		f, ok := filters[c.name]
		if !ok {
			return nil
		}
		if bad := k &^ f.Accepts; bad != 0 {
			return kindProblem(f, what, before, bad, k)
		}
		k = f.after(k)
		before = c.name
		if c.hasArg {
			before += fmt.Sprintf(":%q", c.arg)
		}
	}
	return nil
}

// kindProblem words a formatter given a value of a kind it does not take.
// before is the formatter that gave the value ("" when it is the field's).
func kindProblem(f Filter, what, before string, bad, all Kind) error {
	if before == "" {
		return newProblem(CodeType, kindFix(f),
			"bộ định dạng «%s» cần %s, còn %s là %s", f.Name, f.Accepts, what, all)
	}
	return newProblem(CodeType,
		fmt.Sprintf("đặt | %s trước | %s, hoặc bỏ một trong hai", f.Name, strings.SplitN(before, ":", 2)[0]),
		"bộ định dạng «%s» cần %s, còn sau «%s» giá trị của %s có thể là %s", f.Name, f.Accepts, before, what, bad)
}

// kindFix suggests what to use instead of a formatter given the wrong kind.
func kindFix(f Filter) string {
	return fmt.Sprintf("«%s» dùng cho trường kiểu %s (xem kiểu của từng trường và bảng bộ định dạng trong  hoso templates fields); bỏ | %s hoặc chọn đúng trường",
		f.Name, f.Accepts, f.Name)
}

// applyFilters runs the formatters of a tag, in order, on a value met when
// filling; a value of a kind a formatter does not take (a dynamic field)
// is refused in words naming the field.
func applyFilters(tg *tag, v any) (any, error) {
	for i, c := range tg.filters {
		f := filters[c.name]
		if k := kindOfValue(v); v != nil && k&f.Accepts == 0 {
			return nil, newProblem(CodeType, kindFix(f), "bộ định dạng «%s» cần %s, còn %s ở đây là %s", f.Name, f.Accepts, subject(tg, i), kindWords(k))
		}
		if err := f.inRange(v, tg, i); err != nil {
			return nil, err
		}
		var err error
		if v, err = f.Fn(v, c.arg); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// inRange refuses a whole number outside 1…Max of a list-label
// formatter (tg's i-th): a money amount given to chu_cai would print
// hundreds of millions of letters.
func (f Filter) inRange(v any, tg *tag, i int) error {
	rv := reflect.ValueOf(v)
	if f.Max == 0 || v == nil || !(rv.CanInt() || rv.CanUint()) {
		return nil
	}
	if (rv.CanInt() && rv.Int() >= 1 && rv.Int() <= int64(f.Max)) || (rv.CanUint() && rv.Uint() >= 1 && rv.Uint() <= uint64(f.Max)) {
		return nil
	}
	n, _ := printValue(rv)
	return newProblem(CodeType, fmt.Sprintf("«%s» chỉ đánh số mục (số thứ tự từ 1 đến %d); in số này bằng | tien hoặc không định dạng", f.Name, f.Max),
		"bộ định dạng «%s» chỉ nhận số từ 1 đến %d, còn %s ở đây là %s", f.Name, f.Max, subject(tg, i), n)
}

// subject names, for a message, the value tg's i-th formatter is given.
func subject(tg *tag, i int) string {
	what := "«" + strings.Join(tg.path, ".") + "»"
	if i > 0 {
		what = fmt.Sprintf("giá trị của %s sau «%s»", what, tg.filters[i-1].name)
	}
	return what
}

// kindWords names a value's kind, "giá trị không in được" when it has none.
func kindWords(k Kind) string {
	if k == 0 {
		return "một giá trị không in được (danh sách hoặc nhóm)"
	}
	return k.String()
}

func textFilter(fn func(string) string) func(any, string) (any, error) {
	return func(v any, _ string) (any, error) {
		s, err := printValue(reflect.ValueOf(v))
		if err != nil {
			return nil, err
		}
		return fn(s), nil
	}
}

// dateFilter formats a date; applyFilter has made sure v is one.
func dateFilter(fn func(time.Time) string) func(any, string) (any, error) {
	return func(v any, _ string) (any, error) {
		t, _ := v.(time.Time)
		if t.IsZero() {
			return "", nil
		}
		return fn(t), nil
	}
}

// intFilter formats a whole number; applyFilter has made sure v is one.
func intFilter(fn func(int) string) func(any, string) (any, error) {
	return int64Filter(func(n int64) string { return fn(int(n)) })
}

// int64Filter is intFilter for a function of an int64 (an amount of money
// beyond the int of a 32-bit machine).
func int64Filter(fn func(int64) string) func(any, string) (any, error) {
	return func(v any, _ string) (any, error) {
		if v == nil {
			return "", nil
		}
		rv := reflect.ValueOf(v)
		if rv.CanInt() {
			return fn(rv.Int()), nil
		}
		return fn(int64(rv.Uint())), nil
	}
}
