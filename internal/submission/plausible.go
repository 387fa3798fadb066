package submission

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

var (
	dateType   = reflect.TypeOf(Date{})
	momentType = reflect.TypeOf(Moment{})
)

// eachDate calls fn with the path and the day of every date of the model
// under v: every Date, every Moment with a day, and every TOML date of a
// free field, found by walking the fields as the decoder fills them
// (tomlin.StructKeys), so that a date added to the model is checked
// without being listed here.
func eachDate(v reflect.Value, path string, fn func(path string, t time.Time)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			eachDate(v.Elem(), path, fn)
		}
	case reflect.Slice:
		for i := range v.Len() {
			eachDate(v.Index(i), tomlin.PathIndex(path, i+1), fn)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			eachDate(v.MapIndex(k), tomlin.PathKey(path, k.String()), fn)
		}
	case reflect.Struct:
		switch t := v.Type(); t {
		case dateType:
			fn(path, v.Interface().(Date).Time)
		case momentType:
			if m := v.Interface().(Moment); !m.TimeOnly {
				fn(path, m.Time)
			}
		case reflect.TypeOf(time.Time{}):
			fn(path, v.Interface().(time.Time))
		default:
			keys, _ := tomlin.StructKeys(t) // the decoder checked the type
			for _, k := range keys {
				eachDate(v.FieldByIndex(k.Field.Index), tomlin.PathKey(path, k.Name), fn)
			}
			if rest := tomlin.RestField(t); rest != nil {
				eachDate(v.FieldByIndex(rest), path, fn)
			}
		}
	}
}

// plausibleDates refuses every date of the submission (see eachDate) that
// no document of a dossier made today can carry: after today by more than
// MaxAhead years, or before FirstYear (a birth date: MaxAge years before
// it; the age at the Tờ trình is checked by dates). Dates with a problem
// already are left alone.
func (v *validator) plausibleDates(s *Submission) {
	eachDate(reflect.ValueOf(s).Elem(), "", func(path string, t time.Time) {
		if t.IsZero() || v.problems.Has(path) {
			return
		}
		first := time.Date(FirstYear, 1, 1, 0, 0, 0, 0, time.UTC)
		if isBirthDate(path) {
			first = first.AddDate(-MaxAge, 0, 0)
		}
		last := v.today.AddDate(MaxAhead, 0, 0)
		if t.Before(first) || t.After(last) {
			v.addValue(path, KeyDate, fmt.Sprintf("ngày %s không hợp lý: ngoài khoảng từ %s đến %s (hôm nay %s)",
				vn.ShortDate(t), vn.ShortDate(first), vn.ShortDate(last), vn.ShortDate(v.today)), "Kiểm tra lại năm.")
		}
	})
}

// isBirthDate reports whether the date at path is a birth date.
func isBirthDate(path string) bool {
	return strings.HasSuffix(path, ".ngay_sinh")
}

// decisionDate checks the date of the decision that gave an honour (at,
// the path of the honour) against the years the honour names: a decision
// cannot come before them (a year of slack: a school year's title).
func (v *validator) decisionDate(at string, h Honour) {
	path := at + ".quyet_dinh.ngay"
	d := h.Decision.Date.Time
	from, _, ok := h.Year.Bounds()
	if d.IsZero() || !ok || v.problems.Has(path) || v.problems.Has(at+".nam") {
		return
	}
	// Decisions come late, often by years (a Huân chương for 2016 - 2020
	// signed in 2022, resistance medals decades on): plausibleDates bounds
	// the latest.
	if y := d.Year(); y < from-1 {
		v.addValue(path, KeyDate, fmt.Sprintf("quyết định ngày %s trước năm %s của danh hiệu, hình thức khen thưởng: cần từ năm %d trở đi",
			vn.ShortDate(d), string(h.Year), from-1), "Kiểm tra lại năm của quyết định và năm được khen (nam).")
	}
}
