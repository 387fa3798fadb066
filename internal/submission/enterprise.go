package submission

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// MaxReportYears bounds the years an achievement report covers (ten for
// the longest award periods, Huân chương Hồ Chí Minh).
const MaxReportYears = 10

// reportYears checks [bao_cao] tu_nam and den_nam: both or neither, in
// order, at most MaxReportYears.
func (v *validator) reportYears(s *Submission) {
	from, to := s.Reports.FromYear, s.Reports.ToYear
	if v.problems.Has("bao_cao.tu_nam") || v.problems.Has("bao_cao.den_nam") {
		return
	}
	switch {
	case from == nil && to == nil:
	case from == nil:
		v.add("bao_cao.tu_nam", KeyRequired, "có den_nam nhưng thiếu tu_nam (năm đầu của thời gian báo cáo)", "ví dụ: tu_nam = 2023, den_nam = 2025")
	case to == nil:
		v.add("bao_cao.den_nam", KeyRequired, "có tu_nam nhưng thiếu den_nam (năm cuối của thời gian báo cáo)", "ví dụ: tu_nam = 2023, den_nam = 2025")
	case *from > *to:
		v.addValue("bao_cao.den_nam", KeyDateOrder, fmt.Sprintf("năm cuối %d trước năm đầu %d", *to, *from), "")
	case *to-*from+1 > MaxReportYears:
		v.addValue("bao_cao.tu_nam", KeyDate, fmt.Sprintf("báo cáo từ năm %d đến năm %d: %d năm, quá %d năm", *from, *to, *to-*from+1, MaxReportYears), "")
	}
}

// ReportYears are the years a nominee's achievement report covers, in
// order: the years stated (see statedYears), else the years of its
// figures, else those of the movement's period, which the report then
// prints as its own (see ReportPeriod); none when none is given.
func ReportYears(s *Submission, n Nominee) []int {
	if ys, _ := statedYears(s, n); ys != nil {
		return ys
	}
	var out []int
	for _, f := range n.Figures {
		if !slices.Contains(out, f.Year) {
			out = append(out, f.Year)
		}
	}
	slices.Sort(out)
	if from, to, ok := YearText(s.Movement.Period).Bounds(); len(out) == 0 && ok {
		return yearsFromTo(from, to)
	}
	return out
}

// statedYears are the years the submission says a nominee's report
// covers, and where it says so: the nominee's own period (giai_doan), else
// [bao_cao] tu_nam to den_nam; nil when neither names years.
func statedYears(s *Submission, n Nominee) (years []int, where string) {
	if from, to, ok := YearText(n.Period).Bounds(); ok {
		return yearsFromTo(from, to), "giai_doan " + n.Period
	}
	if from, to := s.Reports.FromYear, s.Reports.ToYear; from != nil && to != nil && *from <= *to && *to-*from < MaxReportYears {
		return yearsFromTo(*from, *to), fmt.Sprintf("bao_cao.tu_nam, den_nam: %d - %d", *from, *to)
	}
	return nil, ""
}

func yearsFromTo(from, to int) []int {
	var out []int
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}

// ReportPeriod is the period a nominee's report states: its own
// (giai_doan), else [bao_cao] tu_nam - den_nam, else the movement's.
func ReportPeriod(s *Submission, n Nominee) YearText {
	switch from, to := s.Reports.FromYear, s.Reports.ToYear; {
	case n.Period != "":
		return YearText(n.Period)
	case from != nil && to != nil && *from < *to:
		return YearText(fmt.Sprintf("%d - %d", *from, *to))
	case from != nil && to != nil:
		return YearText(strconv.Itoa(*from))
	}
	return YearText(s.Movement.Period)
}

// enterprise checks what only enterprises carry (financial position,
// yearly figures, foreign name, registration) and the social-insurance
// data the form set's letters need.
func (v *validator) enterprise(at string, n Nominee, set *formset.Set) {
	if n.Kind != Enterprise {
		for _, f := range []struct {
			key string
			set bool
		}{{"ten_nuoc_ngoai", n.ForeignName != ""}, {"so_dang_ky", n.Registration != ""}, {"tai_chinh", n.Finance != nil}, {"so_lieu", len(n.Figures) > 0}} {
			if f.set {
				v.add(at+"."+f.key, KeyChoice, fmt.Sprintf("%s chỉ dùng cho doanh nghiệp (loai = \"doanh-nghiep\"), báo cáo của %s không in trường này", f.key, n.Kind.Label()), "bỏ trường này, hoặc sửa loai")
			}
		}
	}
	if f := n.Finance; f != nil {
		if f.Fixed == nil {
			v.add(at+".tai_chinh.von_co_dinh", KeyRequired, "thiếu vốn cố định (đồng)", "ví dụ: tai_chinh = { von_co_dinh = 120000000000, von_luu_dong = 85000000000 }")
		}
		if f.Working == nil {
			v.add(at+".tai_chinh.von_luu_dong", KeyRequired, "thiếu vốn lưu động (đồng)", "ví dụ: tai_chinh = { von_co_dinh = 120000000000, von_luu_dong = 85000000000 }")
		}
	}
	v.figures(at, n)
	v.insurance(at, n, set)
}

// figures checks an enterprise's yearly figures: every figure of every
// year, each year once.
func (v *validator) figures(at string, n Nominee) {
	seen := map[int]bool{}
	for k, f := range n.Figures {
		fp := tomlin.PathIndex(at+".so_lieu", k+1)
		if f.Year == 0 {
			v.add(fp+".nam", KeyRequired, "thiếu năm của số liệu", "ví dụ: nam = 2024")
		} else if seen[f.Year] {
			v.addValue(fp+".nam", KeyYears, fmt.Sprintf("năm %d có hai khối số liệu", f.Year), "mỗi năm một khối [[de_nghi.so_lieu]]")
		}
		seen[f.Year] = true
		var missing []string
		for _, m := range []struct {
			key   string
			given bool
		}{{"doanh_thu", f.Revenue != nil}, {"loi_nhuan", f.Profit != nil}, {"nop_ngan_sach", f.Budget != nil},
			{"so_lao_dong", f.Workers != nil}, {"thu_nhap_binh_quan", f.Income != nil}} {
			if !m.given {
				missing = append(missing, m.key)
			}
		}
		if len(missing) > 0 {
			v.add(fp, KeyRequired, "thiếu "+strings.Join(missing, ", ")+" của năm "+fmt.Sprint(f.Year),
				"bảng số liệu của báo cáo in đủ các cột: doanh thu, lợi nhuận, nộp ngân sách (đồng), số lao động (người), thu nhập bình quân (đồng/người/tháng)")
		}
	}
}

// checkFigureYears checks that an enterprise's figures are of the years
// its report covers (its giai_doan, else [bao_cao] tu_nam to den_nam),
// when the submission states them.
func (v *validator) checkFigureYears(s *Submission) {
	if v.problems.Has("bao_cao") {
		return
	}
	for i, n := range s.Nominees {
		at := tomlin.PathIndex("de_nghi", i+1)
		want, where := statedYears(s, n)
		if len(n.Figures) == 0 || want == nil || v.problems.Has(at+".so_lieu") || v.problems.Has(at+".giai_doan") {
			continue
		}
		var got []int
		for _, f := range n.Figures {
			got = append(got, f.Year)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			v.add(at+".so_lieu", KeyYears, fmt.Sprintf("số liệu có các năm %s nhưng báo cáo thành tích gồm các năm %s (%s)",
				yearList(got), yearList(want), where), "ghi số liệu đúng các năm của báo cáo, mỗi năm một khối [[de_nghi.so_lieu]]")
		}
	}
}

func yearList(ys []int) string {
	s := make([]string, len(ys))
	for i, y := range ys {
		s[i] = fmt.Sprint(y)
	}
	return strings.Join(s, ", ")
}

// insurance checks the social-insurance data a nominee needs: the office
// when the form set sends its kind a social-insurance letter, none when it
// does not (it would print nowhere).
func (v *validator) insurance(at string, n Nominee, set *formset.Set) {
	if set == nil || n.Kind == "" {
		return
	}
	needed := false
	for _, p := range set.Parts {
		if p.DataTable() == "xac_nhan_bhxh" && p.Repeat == formset.PerNominee && p.Applies(string(n.Kind)) {
			needed = true
		}
	}
	switch {
	case needed && n.Insurance == nil:
		v.add(at+".bhxh", KeyRequired, fmt.Sprintf("%s cần cơ quan bảo hiểm xã hội để xin xác nhận đóng bảo hiểm xã hội", n.Kind.Label()),
			`thêm bảng [de_nghi.bhxh] với co_quan = "Bảo hiểm xã hội cơ sở …"`)
	case needed:
		v.require(at+".bhxh.co_quan", n.Insurance.Office, "tên cơ quan bảo hiểm xã hội quản lý, ví dụ \"Bảo hiểm xã hội cơ sở Tân Bình\"")
	case n.Insurance != nil:
		v.add(at+".bhxh", KeyChoice, fmt.Sprintf("bộ mẫu %s không có công văn xác nhận bảo hiểm xã hội cho %s: bảng [de_nghi.bhxh] không được dùng", set.ID, n.Kind.Label()),
			"bỏ bảng [de_nghi.bhxh]")
	}
}

// grouping checks the submission's choice of grouping (gop) against the
// form set: a part may be grouped only when it declares how (gop_theo).
func (v *validator) grouping(s *Submission, set *formset.Set) {
	if set == nil {
		return
	}
	for _, p := range set.Parts {
		table := p.DataTable()
		if own := s.Own(table); own.Grouped != nil && p.GroupBy == "" {
			v.add(tomlin.PathKey(table, "gop"), KeyChoice, fmt.Sprintf("%s của bộ mẫu %s không gộp được (bộ mẫu không khai báo gop_theo)", p.Title, set.ID),
				"bỏ khóa gop")
		}
	}
}
