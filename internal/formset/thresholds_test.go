package formset_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/hoso-vn/hoso/internal/formset"
)

// withRules is a one-part set with two awards and the given [[nguong]]
// blocks.
func withRules(t *testing.T, rules string) fstest.MapFS {
	fsys := set("", "thu", "2025-07-01", "", shippedDocx(t))
	m := string(fsys["bo-mau.toml"].Data) + `
[[khen_thuong]]
ma = "giay-khen"
ten = "Giấy khen"
cap_quyet_dinh = "chu-tich-ubnd-xa"

[[khen_thuong]]
ma = "bang-khen"
ten = "Bằng khen"
cap_quyet_dinh = "chu-tich-ubnd-tinh"
` + rules
	fsys["bo-mau.toml"] = &fstest.MapFile{Data: []byte(m)}
	return fsys
}

// TestThresholdForAnAward: a rule applies to the awards it names by code,
// to awards written in full by phrase, and the rule naming neither to
// every other; the first rule that names an award wins.
func TestThresholdForAnAward(t *testing.T) {
	sets, err := formset.Load(withRules(t, `
[[nguong]]
ten = "Chiến sĩ thi đua cơ sở"
nhan_dien = ["chiến sĩ thi đua cơ sở"]
tan_thanh = "≥ 80%"
can_cu = "khoản 7 Điều 30"

[[nguong]]
ten = "Chiến sĩ thi đua"
nhan_dien = ["chiến sĩ thi đua"]
tan_thanh = 90
can_cu = "khoản 7 Điều 30"

[[nguong]]
ten = "Bằng khen"
hinh_thuc = ["bang-khen"]
co_mat = ">= 2/3"
can_cu = "Quy chế"

[[nguong]]
ten = "các hình thức khác"
tan_thanh = "> 50%"
can_cu = "Quy chế"
khi_khong_dat = "canh-bao"
`))
	if err != nil {
		t.Fatal(err)
	}
	s := sets[0]
	for _, c := range []struct{ award, rule string }{
		{"bang-khen", "Bằng khen"},
		{"giay-khen", "các hình thức khác"},
		{"Danh hiệu CHIẾN SĨ THI ĐUA CƠ SỞ năm 2025", "Chiến sĩ thi đua cơ sở"},
		{"Chiến sĩ thi đua cấp tỉnh", "Chiến sĩ thi đua"},
		{"Kỷ niệm chương", "các hình thức khác"},
	} {
		if r := s.Threshold(c.award); r == nil || r.Name != c.rule {
			t.Errorf("%q: rule %+v, want %q", c.award, r, c.rule)
		}
	}
	if s.Threshold("bang-khen").Refuses() == false || s.Threshold("giay-khen").Refuses() {
		t.Error("khi_khong_dat: refuse by default, warn when it says canh-bao")
	}
	if got := s.Threshold("bang-khen").Describe(); got != "số thành viên dự họp từ 2/3 tổng số thành viên Hội đồng trở lên" {
		t.Errorf("Describe: %q", got)
	}
	if got := s.Threshold("giay-khen").Describe(); !strings.HasSuffix(got, "trên 50% tổng số thành viên Hội đồng") {
		t.Errorf("Describe: %q", got)
	}
}

// TestSharesMet: the comparisons on whole numbers, exact at the edge.
func TestSharesMet(t *testing.T) {
	sets, err := formset.Load(withRules(t, `
[[nguong]]
ten = "a"
hinh_thuc = ["bang-khen"]
co_mat = "≥ 2/3"
tan_thanh = "≥ 90%"
can_cu = "x"

[[nguong]]
ten = "b"
co_mat = "> 50%"
tan_thanh = "≥ 66,67%"
can_cu = "x"
`))
	if err != nil {
		t.Fatal(err)
	}
	a, b := sets[0].Threshold("bang-khen"), sets[0].Threshold("giay-khen")
	for _, c := range []struct {
		share        *formset.Share
		count, total int
		want         bool
	}{
		{a.Quorum, 6, 9, true}, {a.Quorum, 5, 9, false}, {a.Quorum, 8, 12, true},
		{a.Pass, 9, 10, true}, {a.Pass, 10, 11, true}, {a.Pass, 8, 9, false}, // 90,91% and 88,89%
		{b.Quorum, 5, 10, false}, {b.Quorum, 6, 11, true}, // more than half: 5/10 is not
		{b.Pass, 2, 3, false}, {b.Pass, 6667, 10000, true}, // 66,67% is above two thirds
	} {
		if got := c.share.Met(c.count, c.total); got != c.want {
			t.Errorf("%s met by %d/%d: %v, want %v", c.share, c.count, c.total, got, c.want)
		}
	}
}

// TestBadThresholds: every mistake of a [[nguong]] block is reported at
// its line, with the others.
func TestBadThresholds(t *testing.T) {
	_, err := formset.Load(withRules(t, `
[[nguong]]
hinh_thuc = ["khong-co"]
tan_thanh = "90"
can_cu = "x"

[[nguong]]
ten = "b"
co_mat = "≥ 3/2"
khi_khong_dat = "bo-qua"

[[nguong]]
ten = "c"
can_cu = "x"

[[nguong]]
ten = "d"
tan_thanh = "> 50%"
can_cu = "x"
`))
	if err == nil {
		t.Fatal("bad [[nguong]] blocks accepted")
	}
	for _, want := range []string{
		"nguong[1].ten", `không có hình thức mã "khong-co"`, `không đọc được tỷ lệ "90"`,
		"nguong[2].can_cu", `tỷ lệ "≥ 3/2" phải lớn hơn 0 và không quá 100%`, `khi_khong_dat "bo-qua" không có`,
		"nguong[3]: quy định không đặt điều kiện nào",
		"hai quy định cùng áp dụng cho mọi hình thức",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the error lacks %q:\n%v", want, err)
		}
	}
}
