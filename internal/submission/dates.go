package submission

import (
	"fmt"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// dates checks that every date is plausible (see FirstYear, MaxAhead…):
// the Tờ trình at most MaxAhead years after today and within the validity
// of the form set it is built with; the meeting, reports and tax letter
// within MaxSpread years of it, the meeting at most MaxMeetingDays long;
// every person between MinAge and MaxAge years old at its date; award years
// not after its year. Without a date of the Tờ trình (already reported)
// only that date's own checks run.
func (v *validator) dates(s *Submission, set *formset.Set) {
	p := s.Proposal.Date.Time
	switch {
	case p.IsZero():
		return
	case p.After(v.today.AddDate(MaxAhead, 0, 0)):
		v.add("to_trinh.ngay", KeyDate, fmt.Sprintf("ngày Tờ trình %s sau hôm nay (%s) hơn %d năm", vn.ShortDate(p), vn.ShortDate(v.today), MaxAhead),
			"Kiểm tra lại năm: Tờ trình đề ngày ký, không quá một năm sau hôm nay.")
		return
	case p.Year() < FirstYear:
		v.add("to_trinh.ngay", KeyDate, fmt.Sprintf("ngày Tờ trình %s trước năm %d", vn.ShortDate(p), FirstYear), "Kiểm tra lại năm.")
		return
	}
	m := s.Meeting
	if !m.Start.IsZero() && !m.Start.TimeOnly {
		v.near("bien_ban.bat_dau", m.Start.Time, p, "cuộc họp Hội đồng")
		if end := MeetingEnd(m); end.After(m.Start.AddDate(0, 0, MaxMeetingDays)) {
			v.add("bien_ban.ket_thuc", KeyDate, fmt.Sprintf("cuộc họp kết thúc %s, sau lúc bắt đầu (%s) hơn %d ngày",
				vn.ShortDate(end), vn.ShortDate(m.Start.Time), MaxMeetingDays), "Kiểm tra lại ngày kết thúc; họp trong ngày thì chỉ cần ghi giờ, ví dụ ket_thuc = \"10:30\".")
		}
	}
	v.near("bao_cao.ngay", s.Reports.Date.Time, p, "ngày báo cáo thành tích")
	for _, table := range formset.LetterTables {
		v.near(table+".ngay", s.Letters(table).Date.Time, p, "ngày công văn xin xác nhận")
		v.near(table+".han_tra_loi", s.Letters(table).Deadline.Time, p, "hạn trả lời")
	}
	if y := s.Reports.ToYear; y != nil && *y > p.Year() && !v.problems.Has("bao_cao.den_nam") {
		v.addValue("bao_cao.den_nam", KeyDate, fmt.Sprintf("năm %d sau năm của Tờ trình (%d)", *y, p.Year()), "báo cáo thành tích gồm các năm đến năm đề nghị")
	}
	for i, n := range s.Nominees[:min(len(s.Nominees), MaxNominees)] {
		at := tomlin.PathIndex("de_nghi", i+1)
		v.near(at+".ngay_bao_cao", n.ReportDate.Time, p, "ngày báo cáo thành tích")
		if n.Kind.IsPerson() && !n.Born.IsZero() {
			v.age(at+".ngay_sinh", n.Born.Time, p)
		}
		for k, f := range n.Figures {
			if fp := tomlin.PathIndex(at+".so_lieu", k+1) + ".nam"; f.Year > p.Year() && !v.problems.Has(fp) {
				v.addValue(fp, KeyDate, fmt.Sprintf("năm %d sau năm của Tờ trình (%d)", f.Year, p.Year()), "số liệu là của các năm đã qua")
			}
		}
	}
}

// near reports the date d at path (what it is the date of) when it is more
// than MaxSpread years from the date of the Tờ trình p.
func (v *validator) near(path string, d, p time.Time, what string) {
	if d.IsZero() || !d.Before(p.AddDate(-MaxSpread, 0, 0)) && !d.After(p.AddDate(MaxSpread, 0, 0)) {
		return
	}
	v.add(path, KeyDate, fmt.Sprintf("%s %s cách ngày Tờ trình (%s) hơn %d năm", what, vn.ShortDate(d), vn.ShortDate(p), MaxSpread),
		"Kiểm tra lại năm; các văn bản của một hồ sơ được lập trong cùng một đợt.")
}

// age reports a birth date that makes the person younger than MinAge or
// older than MaxAge at the date of the Tờ trình p.
func (v *validator) age(path string, born, p time.Time) {
	if born.After(p) {
		v.add(path, KeyDate, fmt.Sprintf("ngày sinh %s sau ngày Tờ trình (%s)", vn.ShortDate(born), vn.ShortDate(p)), "Kiểm tra lại năm sinh.")
		return
	}
	years := p.Year() - born.Year()
	if p.Month() < born.Month() || p.Month() == born.Month() && p.Day() < born.Day() {
		years--
	}
	if years < MinAge || years > MaxAge {
		v.add(path, KeyDate, fmt.Sprintf("ngày sinh %s không hợp lý: đến ngày Tờ trình (%s) người này %d tuổi, ngoài khoảng %d đến %d tuổi",
			vn.ShortDate(born), vn.ShortDate(p), years, MinAge, MaxAge), "Kiểm tra lại năm sinh.")
	}
}

// eachHonour calls fn with the path and value of every title and award a
// nominee at path received before.
func eachHonour(at string, n Nominee, fn func(path string, h Honour)) {
	for k, h := range n.Titles {
		fn(tomlin.PathIndex(at+".danh_hieu", k+1), h)
	}
	for k, h := range n.Awards {
		fn(tomlin.PathIndex(at+".khen_thuong", k+1), h)
	}
}
