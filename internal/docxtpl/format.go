package docxtpl

import (
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"time"

	"github.com/hoso-vn/hoso/internal/vn"
)

// Filter is a Vietnamese formatter a tag applies with "| name" (or
// "| name:arg"). Fn receives the value (nil when empty) and the argument.
type Filter struct {
	Name    string
	Doc     string // what it does, in Vietnamese
	Example string // a tag and what it prints
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
		{"hoa", "chữ in hoa", `{{co_quan.ten | hoa}} → ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA`, textFilter(vn.Upper)},
		{"thuong", "chữ thường", `{{x | thuong}} → ủy ban nhân dân`, textFilter(vn.Lower)},
		{"ngay", "ngày theo Nghị định 30 (ngày < 10 và tháng 1, 2 thêm số 0)", `{{to_trinh.ngay | ngay}} → ngày 05 tháng 02 năm 2026`, dateFilter(vn.DecreeDate)},
		{"ngay_so", "ngày dạng dd/mm/yyyy", `{{ngay_sinh | ngay_so}} → 12/03/1985`, dateFilter(vn.ShortDate)},
		{"ngay_chu", "ngày viết bằng chữ", `{{ngay | ngay_chu}} → ngày mười lăm tháng Hai năm hai nghìn không trăm hai mươi sáu`, dateFilter(vn.DateInWords)},
		{"gio", "giờ phút", `{{bien_ban.bat_dau | gio}} → 08 giờ 00 phút`, dateFilter(vn.ClockTime)},
		{"nam", "năm của một ngày", `{{to_trinh.ngay | nam}} → 2026`, dateFilter(func(t time.Time) string { return strconv.Itoa(t.Year()) })},
		{"hai_so", "số có ít nhất hai chữ số (số văn bản, ngày)", `{{to_trinh.so | hai_so}} → 05`, intFilter(vn.Pad2)},
		{"so_chu", "số viết bằng chữ", `{{hoi_dong.tong_so | so_chu}} → chín`, intFilter(func(n int) string { return vn.NumberInWords(int64(n)) })},
		{"la_ma", "số La Mã", `{{stt | la_ma}} → IV`, intFilter(vn.Roman)},
		{"chu_cai", "chữ cái đánh điểm a, b, c, d, đ, e, g…", `{{stt | chu_cai}} → đ (với stt = 5)`, intFilter(vn.PointLetter)},
		{"mac_dinh", "giá trị thay thế khi trường trống", `{{x.chuc_vu | mac_dinh:"Không"}} → Không`, func(v any, arg string) (any, error) {
			if !truthy(reflect.ValueOf(v)) {
				return arg, nil
			}
			return v, nil
		}},
	} {
		filters[f.Name] = f
	}
}

func applyFilter(f filterCall, v any) (any, error) {
	flt, ok := filters[f.name]
	if !ok {
		return nil, fmt.Errorf("không có bộ định dạng %q", f.name)
	}
	return flt.Fn(v, f.arg)
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

func dateFilter(fn func(time.Time) string) func(any, string) (any, error) {
	return func(v any, _ string) (any, error) {
		switch t := v.(type) {
		case nil:
			return "", nil
		case time.Time:
			if t.IsZero() {
				return "", nil
			}
			return fn(t), nil
		}
		return nil, fmt.Errorf("bộ định dạng ngày tháng cần một ngày, gặp %T", v)
	}
}

func intFilter(fn func(int) string) func(any, string) (any, error) {
	return func(v any, _ string) (any, error) {
		if v == nil {
			return "", nil
		}
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			return fn(int(rv.Int())), nil
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			return fn(int(rv.Uint())), nil
		case reflect.String:
			if rv.String() == "" {
				return "", nil
			}
			n, err := strconv.Atoi(rv.String())
			if err == nil {
				return fn(n), nil
			}
		}
		return nil, fmt.Errorf("bộ định dạng số cần một số nguyên, gặp %v", v)
	}
}
