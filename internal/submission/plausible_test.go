package submission

import (
	"reflect"
	"slices"
	"testing"
	"time"
)

// fill sets every date and moment under v to t, giving every list and
// map one element and every pointer a value, so that each date site of the model
// holds a date.
func fill(v reflect.Value, t time.Time) {
	switch v.Kind() {
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), t)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), t)
	case reflect.Map:
		if v.Type().Elem().Kind() == reflect.Interface {
			return // free fields: raw values, FreeValue's
		}
		e := reflect.New(v.Type().Elem()).Elem()
		fill(e, t)
		v.Set(reflect.MakeMap(v.Type()))
		v.SetMapIndex(reflect.ValueOf("khoa_tu_do"), e)
	case reflect.Struct:
		switch v.Type() {
		case dateType:
			v.Set(reflect.ValueOf(Date{t}))
		case momentType:
			v.Set(reflect.ValueOf(Moment{Time: t}))
		case reflect.TypeOf(time.Time{}):
		default:
			for i := range v.NumField() {
				if v.Type().Field(i).IsExported() {
					fill(v.Field(i), t)
				}
			}
		}
	}
}

// Every date of the model, found by walking its type, is refused when it
// lies in 9999: none is left out of the plausible-date rule.
func TestEveryDateIsJudged(t *testing.T) {
	var want []string
	for _, s := range stringSites(reflect.TypeOf(Submission{}), nil, map[reflect.Type]int{}) {
		if s.typ == dateType || s.typ == momentType {
			want = append(want, s.path())
		}
	}
	if len(want) < 8 || !slices.Contains(want, "de_nghi[1].danh_hieu[1].quyet_dinh.ngay") {
		t.Fatalf("the walk found the dates %v", want)
	}
	var s Submission
	fill(reflect.ValueOf(&s).Elem(), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC))
	v := &validator{today: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)}
	v.plausibleDates(&s)
	var got []string
	for _, p := range v.problems {
		if p.Key == KeyDate {
			got = append(got, p.Path)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("dates refused:\n%v\nwant:\n%v", got, want)
	}
}
