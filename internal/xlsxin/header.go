package xlsxin

import (
	"regexp"
	"strings"

	"github.com/hoso-vn/hoso/internal/vn"
)

// A target is where the cells of a column go: the key of a nominee in the
// submission file ("ho_ten", "thue.ma_so_thue"), or one of the columns
// below that need more than a key.
type target string

const (
	colNumber    target = "#stt"      // số thứ tự: tells a nominee's row from the others
	colName      target = "#ten"      // ho_ten of a person, ten of a collective
	colBornMan   target = "#sinh-nam" // ngày sinh under "Nam": a man's birth date
	colBornWoman target = "#sinh-nu"  // ngày sinh under "Nữ"
	colMan       target = "#nam"      // a mark under Giới tính / Nam
	colWoman     target = "#nu"       // a mark under Giới tính / Nữ
	colKind      target = "loai"
	colAward     target = "hinh_thuc"
)

// columns maps the headers clerks write, as slugs (vn.Slug: no case, no
// diacritics, words joined by "-"; text in brackets left out), to targets.
var columns = map[target][]string{
	colNumber:                    {"stt", "tt", "so-tt", "so-thu-tu"},
	colName:                      {"ho-va-ten", "ho-ten", "ten", "ten-tap-the", "ten-ca-nhan", "ten-tap-the-ca-nhan", "ten-ca-nhan-tap-the", "ho-va-ten-ten-tap-the", "ho-ten-ten-tap-the", "ten-doi-tuong", "doi-tuong-de-nghi"},
	colBornMan:                   {"ngay-sinh-nam", "ngay-thang-nam-sinh-nam", "nam-sinh-nam"},
	colBornWoman:                 {"ngay-sinh-nu", "ngay-thang-nam-sinh-nu", "nam-sinh-nu"},
	colMan:                       {"gioi-tinh-nam"},
	colWoman:                     {"gioi-tinh-nu"},
	colKind:                      {"loai", "loai-doi-tuong", "doi-tuong", "ca-nhan-tap-the", "tap-the-ca-nhan"},
	colAward:                     {"hinh-thuc", "hinh-thuc-de-nghi", "hinh-thuc-khen-thuong", "hinh-thuc-khen-thuong-de-nghi", "hinh-thuc-de-nghi-khen-thuong", "de-nghi-khen-thuong", "de-nghi-hinh-thuc", "hinh-thuc-khen"},
	"ngay_sinh":                  {"ngay-sinh", "ngay-thang-nam-sinh", "sinh-ngay"},
	"gioi_tinh":                  {"gioi-tinh"},
	"dan_toc":                    {"dan-toc"},
	"que_quan":                   {"que-quan", "nguyen-quan", "que"},
	"tru_quan":                   {"tru-quan", "noi-o", "noi-o-hien-nay", "cho-o-hien-nay", "noi-cu-tru", "thuong-tru", "dia-chi-thuong-tru"},
	"don_vi":                     {"don-vi", "don-vi-cong-tac", "noi-cong-tac", "co-quan-don-vi", "co-quan-cong-tac", "co-quan-don-vi-cong-tac"},
	"chuc_vu":                    {"chuc-vu", "chuc-danh", "chuc-vu-chuc-danh"},
	"trinh_do":                   {"trinh-do", "trinh-do-chuyen-mon", "trinh-do-chuyen-mon-nghiep-vu"},
	"hoc_ham":                    {"hoc-ham", "hoc-vi", "hoc-ham-hoc-vi"},
	"nhiem_vu":                   {"nhiem-vu", "nhiem-vu-duoc-giao", "quyen-han-nhiem-vu", "quyen-han-nhiem-vu-duoc-giao"},
	"doanh_nghiep":               {"doanh-nghiep", "ten-doanh-nghiep"},
	"dia_chi":                    {"dia-chi", "dia-chi-tru-so", "tru-so"},
	"dien_thoai":                 {"dien-thoai", "so-dien-thoai"},
	"email":                      {"email", "e-mail", "thu-dien-tu"},
	"thu_truong":                 {"thu-truong", "thu-truong-don-vi", "ho-ten-thu-truong", "nguoi-dung-dau"},
	"don_vi_cap_tren":            {"don-vi-cap-tren", "co-quan-cap-tren", "co-quan-chu-quan"},
	"thanh_tich":                 {"thanh-tich", "thanh-tich-dat-duoc", "tom-tat-thanh-tich", "thanh-tich-noi-bat"},
	"thue.ma_so_thue":            {"ma-so-thue", "mst"},
	"thue.co_quan_thue":          {"co-quan-thue", "co-quan-thue-quan-ly"},
	"bhxh.co_quan":               {"co-quan-bhxh", "co-quan-bao-hiem-xa-hoi", "co-quan-bhxh-quan-ly", "co-quan-bao-hiem-xa-hoi-quan-ly"},
	"bieu_quyet.tan_thanh":       {"tan-thanh", "so-phieu-tan-thanh", "phieu-tan-thanh"},
	"bieu_quyet.khong_tan_thanh": {"khong-tan-thanh", "so-phieu-khong-tan-thanh", "phieu-khong-tan-thanh"},
	"bieu_quyet.van_ban_tan_thanh": {"van-ban-tan-thanh", "y-kien-van-ban-tan-thanh", "tan-thanh-bang-van-ban",
		"y-kien-bang-van-ban-tan-thanh"},
	"bieu_quyet.van_ban_khong_tan_thanh": {"van-ban-khong-tan-thanh", "y-kien-van-ban-khong-tan-thanh", "khong-tan-thanh-bang-van-ban",
		"y-kien-bang-van-ban-khong-tan-thanh"},
}

// bySlug is columns turned around.
var bySlug = func() map[string]target {
	m := map[string]target{}
	for t, slugs := range columns {
		for _, s := range slugs {
			if _, dup := m[s]; dup {
				panic("xlsxin: header " + s + " maps to two columns")
			}
			m[s] = t
		}
	}
	return m
}()

var bracketed = regexp.MustCompile(`\([^)]*\)|\[[^\]]*\]`)

// match finds the target of a header text. "Họ và tên / Tên tập thể"
// matches when every part names the same target.
func match(label string) (target, bool) {
	if t, ok := bySlug[vn.Slug(bracketed.ReplaceAllString(label, " "), 0)]; ok {
		return t, true
	}
	parts := strings.Split(label, "/")
	if len(parts) < 2 {
		return "", false
	}
	var found target
	for _, p := range parts {
		t, ok := bySlug[vn.Slug(bracketed.ReplaceAllString(p, " "), 0)]
		if !ok || found != "" && t != found {
			return "", false
		}
		found = t
	}
	return found, true
}

// header is the header of a sheet's table.
type header struct {
	row     int            // the (first) header row
	first   int            // the first row below the header
	cols    map[int]target // known columns
	unknown []int          // columns with a header the submission has no key for
	twice   map[int]int    // a column saying again what an earlier one says → that one
	labels  map[int]string // header text of every column, for messages
}

// has reports whether some column goes to t.
func (h *header) has(t target) bool {
	for _, ct := range h.cols {
		if ct == t {
			return true
		}
	}
	return false
}

// findHeader looks for the table's header in the first rows: the first
// row (or pair of rows, when merged cells span two) naming the nominee's
// name and at least one more known column.
func (s *sheet) findHeader() (*header, bool) {
	for r := 0; r < min(len(s.rows), headerRows); r++ {
		if h := s.headerAt(r, s.twoRowHeader(r)); h != nil {
			return h, true
		}
	}
	return nil, false
}

// twoRowHeader reports whether the header starting at row r takes two
// rows: a cell of it merged down into the next row, or merged across
// cells with their own headers under it.
func (s *sheet) twoRowHeader(r int) bool {
	for _, m := range s.merges {
		if m.r0 != r {
			continue
		}
		if m.r1 > r {
			return true
		}
		for c := m.c0; m.c1 > m.c0 && c <= m.c1; c++ { // headers under it, not data
			if sub := s.text(r+1, c); sub != "" {
				if _, ok := match(s.text(r, m.c0) + " " + sub); ok {
					return true
				}
				if _, ok := match(sub); ok {
					return true
				}
			}
		}
	}
	return false
}

// headerAt reads the header at row r (and r+1 when two), or nil if the
// row is not a header.
func (s *sheet) headerAt(r int, two bool) *header {
	h := &header{row: r, first: r + 1, cols: map[int]target{}, labels: map[int]string{}, twice: map[int]int{}}
	at := map[target]int{}
	if two {
		h.first = r + 2
	}
	for c := 0; c < s.width(); c++ {
		top := s.text(r, c)
		if m, ok := s.mergeAt(r, c); ok && m.r0 == r {
			top = s.text(r, m.c0) // a header over several columns
		}
		sub := ""
		if two {
			if m, ok := s.mergeAt(r+1, c); !ok || m.r0 == r+1 {
				sub = s.text(r+1, c)
			}
		}
		label := strings.TrimSpace(top + " " + sub)
		if label == "" {
			continue
		}
		h.labels[c] = label
		t, ok := match(label)
		if !ok && sub != "" {
			t, ok = match(sub)
		}
		if !ok && sub != "" {
			t, ok = match(top)
		}
		if prev, dup := at[t]; ok && dup && t != colName {
			h.twice[c] = prev
		} else if ok {
			h.cols[c] = t
			at[t] = c
		} else {
			h.unknown = append(h.unknown, c)
		}
	}
	if !h.has(colName) || len(h.cols) < 2 {
		return nil
	}
	return h
}
