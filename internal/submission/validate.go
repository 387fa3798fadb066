package submission

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Message keys of the validation problems (tests and tools rely on them).
const (
	KeyRequired      = "required"         // a field the documents need is missing
	KeyDate          = "date"             // an implausible date (see FirstYear, MaxAhead…)
	KeyDateOrder     = "date-order"       // dates in the wrong order
	KeyVote          = "vote"             // votes out of range, above the members present or absent, or the ballots
	KeyThreshold     = "threshold"        // a rule of the form set ([[nguong]]) not met: attendance, share in favour, ballot
	KeyYears         = "years"            // an enterprise's yearly figures not the years of its report
	KeyAttendance    = "attendance"       // council size out of range, members present above it
	KeyMember        = "member"           // chair or secretary not a present member
	KeyTaxMissing    = "tax-missing"      // an enterprise without tax data
	KeyTaxCode       = "tax-code"         // a malformed tax code
	KeyAward         = "award"            // an award the form set does not know
	KeyAwardRepealed = "award-repealed"   // an award that no longer exists
	KeyAwardMixed    = "award-mixed"      // President- and PM-level awards mixed
	KeyAddressee     = "addressee"        // an award its Tờ trình's addressee does not decide nor forward, a committee writing to its own chairman
	KeyDuplicate     = "duplicate"        // the same nominee twice
	KeyChoice        = "choice"           // a value outside its list
	KeyNumber        = "number"           // a document number out of range
	KeyFormSet       = "form-set"         // no form set for the date
	KeyLegacy        = "legacy-encoding"  // text typed in TCVN3 or VNI, pasted as Latin-1 look-alikes
	KeyName          = "name"             // a name without a letter, or with letters not Latin
	KeyTooMany       = "too-many"         // a list longer than its Limit
	KeyLines         = "too-many-lines"   // a text with more line breaks than its Limit
	KeyMixedScript   = "mixed-script"     // a word mixing Latin, Cyrillic or Greek letters
	KeyEmoji         = "unprintable-char" // a character beyond the BMP (an emoji) no document font has
)

// The decoder (tomlin) reports, besides syntax, type and unknown-key
// problems: "too-large", "too-deep", "key-too-long", "too-many-tables", "line-ends",
// "too-long", "control-char", "invisible-char", "replacement-char",
// "combining-marks" and "encoding" (see tomlin.Key…); the limits of this
// package report texts too long with tomlin.KeyTooLong too.

// Decode reads a submission from TOML source. Problems found while
// decoding (syntax, unknown keys, wrong types, bad dates) are returned with
// their positions; the index locates fields for later checks. The index is
// nil when the source could not be parsed at all.
func Decode(src []byte) (*Submission, *tomlin.Index, tomlin.Problems, error) {
	s := &Submission{}
	ix, problems, err := tomlin.Decode(src, s)
	return s, ix, problems, err
}

// validator collects problems located through the index.
type validator struct {
	ix       *tomlin.Index
	today    time.Time // the day dates are judged from, at midnight UTC
	problems tomlin.Problems
}

func (v *validator) add(path, key, msg, hint string) {
	var pos tomlin.Pos
	if v.ix != nil {
		pos = v.ix.Find(path)
	}
	v.problems.Add(path, pos, key, msg, hint)
}

// addValue is add at the position of the value, where a text or a number
// is best shown.
func (v *validator) addValue(path, key, msg, hint string) {
	var pos tomlin.Pos
	if v.ix != nil {
		pos = v.ix.FindValue(path)
	}
	v.problems.Add(path, pos, key, msg, hint)
}

func (v *validator) require(path, value, what string) {
	if value == "" {
		v.add(path, KeyRequired, "thiếu "+what, "")
	}
}

func (v *validator) requireList(path string, value []string, what string) {
	if len(value) == 0 {
		v.add(path, KeyRequired, "thiếu "+what+" (ít nhất một dòng)", "")
	}
}

// Validate checks what the documents need and what the law allows. set is
// the form set chosen for the submission (nil if none could be chosen: its
// checks are then skipped). It returns every problem found. Dates are
// judged from today in Vietnam; see ValidateAt.
func Validate(s *Submission, ix *tomlin.Index, set *formset.Set) tomlin.Problems {
	return ValidateAt(s, ix, set, time.Now())
}

// ValidateDecoded is Validate after decoding found problems: a value that
// could not be decoded is not judged again, nor are what follows from it
// (a member's presence that could not be read does not make the votes
// exceed those present). It returns the new problems only.
func ValidateDecoded(s *Submission, ix *tomlin.Index, set *formset.Set, decoded tomlin.Problems) tomlin.Problems {
	return validate(s, ix, set, time.Now(), decoded)
}

// ValidateAt is Validate with dates judged from the day of now in Vietnam
// (UTC+7): a Tờ trình may be dated at most MaxAhead years after it.
func ValidateAt(s *Submission, ix *tomlin.Index, set *formset.Set, now time.Time) tomlin.Problems {
	return validate(s, ix, set, now, nil)
}

func validate(s *Submission, ix *tomlin.Index, set *formset.Set, now time.Time, decoded tomlin.Problems) tomlin.Problems {
	v := &validator{ix: ix, today: DayOf(now.In(Vietnam)), problems: append(tomlin.Problems{}, decoded...)}
	v.limits(s)
	v.agency(s.Agency)
	v.proposal(s)
	v.council(s)
	v.dates(s, set)
	v.plausibleDates(s)
	v.nominees(s, set)
	v.meeting(s, set, v.attendance(s))
	v.reportYears(s)
	v.checkFigureYears(s)
	v.documents(s, set)
	v.grouping(s, set)
	v.thresholds(s, set)
	v.names(s)
	v.legacyText(s)
	// What follows reads the agency's names: after they are checked.
	v.issuers(s, set)
	v.perAwardBlocks(s, set)
	v.addressees(s, set)
	return v.problems[len(decoded):]
}

func (v *validator) agency(a Agency) {
	v.require("co_quan.ten", a.Name, "tên cơ quan (co_quan.ten)")
	v.require("co_quan.viet_tat", a.Abbrev, "tên viết tắt của cơ quan dùng trong ký hiệu, ví dụ \"UBND\"")
	v.require("co_quan.dia_danh", a.Place, "địa danh ghi ở dòng ngày tháng, ví dụ \"Tân Sơn Hòa\"")
}

func (v *validator) signer(path string, sg Signer) {
	v.require(path+".ho_ten", sg.Name, "họ tên người ký")
	switch sg.ModeCode() {
	case "":
		v.require(path+".chuc_vu", sg.Position, "chức vụ người ký")
	case "KT", "TL", "TUQ":
		v.require(path+".thay_cho", sg.For, "chức vụ của người đứng đầu được ký thay (thay_cho), ví dụ \"Chủ tịch\"")
		v.require(path+".chuc_vu", sg.Position, "chức vụ người ký")
	case "Q": // NĐ 30: "Q. CHỦ TỊCH" alone, the deputy's own title is not printed
		switch {
		case sg.For == "" && sg.Position != "":
			v.addValue(path+".chuc_vu", KeyChoice, fmt.Sprintf("người ký quyền (Q.) ghi chức vụ được giao quyền ở thay_cho, không ở chuc_vu: chữ ký ghi \"Q. %s\"", vn.Upper(sg.Position)),
				fmt.Sprintf("thay_cho = %q và bỏ dòng chuc_vu", sg.Position))
		case sg.Position != "":
			v.addValue(path+".chuc_vu", KeyChoice, fmt.Sprintf("người ký quyền (Q.) không ghi chức vụ riêng %q: chữ ký chỉ ghi \"Q. %s\"", sg.Position, vn.Upper(sg.For)),
				"bỏ dòng chuc_vu")
		default:
			v.require(path+".thay_cho", sg.For, "chức vụ được giao quyền (thay_cho), ví dụ \"Chủ tịch\"")
		}
	default:
		v.add(path+".hinh_thuc", KeyChoice, fmt.Sprintf("hình thức ký %q không có", sg.Mode),
			"chọn KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền), hoặc bỏ trống khi người đứng đầu ký")
	}
}

func (v *validator) proposal(s *Submission) {
	p := s.Proposal
	if p.Date.IsZero() {
		v.add("to_trinh.ngay", KeyRequired, "thiếu ngày Tờ trình (to_trinh.ngay)", "ví dụ: ngay = 2026-02-05")
	}
	v.signer("to_trinh.nguoi_ky", p.Signer)
	v.require("phong_trao.ten", s.Movement.Name, "tên phong trào thi đua")
	for _, table := range formset.LetterTables {
		t := s.Letters(table)
		if t.Signer != nil {
			v.signer(table+".nguoi_ky", *t.Signer)
		}
		if !t.Deadline.IsZero() && !t.Date.IsZero() && t.Deadline.Before(t.Date.Time) {
			v.add(table+".han_tra_loi", KeyDateOrder, "hạn trả lời trước ngày công văn", "")
		}
	}
}

func (v *validator) council(s *Submission) {
	c, m := s.Council, s.Meeting
	v.require("hoi_dong.ten", c.Name, "tên Hội đồng, ví dụ \"Hội đồng Thi đua - Khen thưởng phường Tân Sơn Hòa\"")
	v.require("hoi_dong.viet_tat", c.Abbrev, "tên viết tắt của Hội đồng dùng trong ký hiệu biên bản, ví dụ \"HĐTĐKT\"")
	if len(c.Members) == 0 {
		v.add("hoi_dong.thanh_vien", KeyRequired, "thiếu danh sách thành viên Hội đồng ([[hoi_dong.thanh_vien]])", "")
	}
	present := 0
	for i, mb := range c.Members {
		at := tomlin.PathIndex("hoi_dong.thanh_vien", i+1)
		v.require(at+".ho_ten", mb.Name, "họ tên thành viên")
		v.require(at+".chuc_vu", mb.Position, "chức vụ của thành viên")
		v.require(at+".vai_tro", mb.Role, "vai trò trong Hội đồng, ví dụ \"Ủy viên\"")
		if mb.IsPresent() {
			present++
		}
	}
	total := CouncilTotal(c)
	inRange := !v.problems.Has("hoi_dong.tong_so") // else reported by the limits
	if c.Total != nil && *c.Total < len(c.Members) && inRange {
		v.add("hoi_dong.tong_so", KeyAttendance,
			fmt.Sprintf("tổng số thành viên %d ít hơn số người trong danh sách (%d)", *c.Total, len(c.Members)), "")
	}
	if present > total && inRange {
		v.add("hoi_dong.thanh_vien", KeyAttendance, fmt.Sprintf("số thành viên có mặt (%d) lớn hơn tổng số (%d)", present, total), "")
	}
	if m.Start.IsZero() {
		v.add("bien_ban.bat_dau", KeyRequired, "thiếu thời gian bắt đầu cuộc họp", "ví dụ: bat_dau = 2026-01-28T08:00:00")
	} else if m.Start.TimeOnly {
		v.add("bien_ban.bat_dau", KeyRequired, "thời gian bắt đầu cần cả ngày, không chỉ giờ", "ví dụ: bat_dau = 2026-01-28T08:00:00")
	}
	if m.End.IsZero() {
		v.add("bien_ban.ket_thuc", KeyRequired, "thiếu thời gian kết thúc cuộc họp", "ví dụ: ket_thuc = \"10:30\"")
	} else if end := MeetingEnd(m); !m.Start.IsZero() && !end.After(m.Start.Time) {
		v.add("bien_ban.ket_thuc", KeyDateOrder, fmt.Sprintf("cuộc họp kết thúc (%s) không sau lúc bắt đầu (%s)",
			end.Format("15:04 ")+vn.ShortDate(end), m.Start.Format("15:04 ")+vn.ShortDate(m.Start.Time)), "")
	}
	v.require("bien_ban.dia_diem", m.Place, "địa điểm họp")
	v.memberRef("bien_ban.chu_tri", m.Chair, c.Members, "chủ trì (chủ tọa)")
	v.memberRef("bien_ban.thu_ky", m.Secretary, c.Members, "thư ký")
	if !m.Start.IsZero() && !s.Proposal.Date.IsZero() && s.Proposal.Date.Before(DayOf(m.Start.Time)) {
		v.add("to_trinh.ngay", KeyDateOrder, fmt.Sprintf("Tờ trình (%s) đề ngày trước cuộc họp Hội đồng (%s)",
			vn.ShortDate(s.Proposal.Date.Time), vn.ShortDate(m.Start.Time)), "Tờ trình căn cứ biên bản họp nên phải ký sau cuộc họp")
	}
}

func (v *validator) memberRef(path, name string, members []Member, what string) {
	if name == "" {
		v.add(path, KeyRequired, "thiếu "+what+": ghi họ tên một thành viên Hội đồng", "")
		return
	}
	for _, m := range members {
		if vn.SameName(m.Name, name) {
			if !m.IsPresent() {
				v.add(path, KeyMember, fmt.Sprintf("%s %q vắng mặt (co_mat = false)", what, name), "")
			}
			return
		}
	}
	v.add(path, KeyMember, fmt.Sprintf("%s %q không có trong danh sách thành viên Hội đồng", what, name), "")
}

// CouncilTotal is the council's size: tong_so, or the number of listed members.
func CouncilTotal(c Council) int {
	if c.Total != nil {
		return *c.Total
	}
	return len(c.Members)
}

// MeetingEnd is the end of the meeting, on the start's day when only a
// time was given.
func MeetingEnd(m Meeting) time.Time {
	if m.End.TimeOnly {
		return time.Date(m.Start.Year(), m.Start.Month(), m.Start.Day(), m.End.Hour(), m.End.Minute(), 0, 0, time.UTC)
	}
	return m.End.Time
}

// DayOf is the calendar day of t, at midnight UTC: how submission dates
// are kept.
func DayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func (v *validator) nominees(s *Submission, set *formset.Set) {
	proposalYear := 0 // unknown: no date
	if !s.Proposal.Date.IsZero() {
		proposalYear = s.Proposal.Date.Year()
	}
	if len(s.Nominees) == 0 {
		v.add("de_nghi", KeyRequired, "chưa có ai được đề nghị ([[de_nghi]])", "thêm ít nhất một mục [[de_nghi]]")
		return
	}
	if len(s.Nominees) > MaxNominees {
		return // reported by the limits
	}
	a := v.attendance(s)
	seen := map[string]int{}
	deciders := map[string]int{} // decider → first nominee index using it
	for i, n := range s.Nominees {
		at := tomlin.PathIndex("de_nghi", i+1)
		if n.Kind == "" {
			v.add(at+".loai", KeyRequired, "thiếu loại đối tượng", "loai = \"ca-nhan\", \"tap-the\", \"doanh-nghiep\" hoặc \"chu-doanh-nghiep\"")
			continue
		}
		kind := n.Kind.Label()
		if n.Kind.IsPerson() {
			v.require(at+".ho_ten", n.Name, "họ tên ("+kind+")")
			if n.Born.IsZero() {
				v.add(at+".ngay_sinh", KeyRequired, "thiếu ngày sinh ("+kind+")", "")
			}
			switch vn.Lower(n.Gender) {
			case "nam", "nữ":
			case "":
				v.add(at+".gioi_tinh", KeyRequired, "thiếu giới tính ("+kind+")", "gioi_tinh = \"Nam\" hoặc \"Nữ\"")
			default:
				v.add(at+".gioi_tinh", KeyChoice, fmt.Sprintf("giới tính %q không hợp lệ", n.Gender), "gioi_tinh = \"Nam\" hoặc \"Nữ\"")
			}
			v.require(at+".chuc_vu", n.Position, "chức vụ ("+kind+")")
			v.require(at+".don_vi", n.Unit, "đơn vị công tác ("+kind+")")
			if n.Kind == Owner {
				v.require(at+".doanh_nghiep", n.Company, "tên doanh nghiệp của chủ doanh nghiệp")
			}
		} else {
			v.require(at+".ten", n.OrgName, "tên "+kind)
			v.require(at+".dia_chi", n.Address, "địa chỉ trụ sở ("+kind+")")
			v.require(at+".thu_truong", n.Head, "họ tên thủ trưởng đơn vị (ký báo cáo)")
		}
		v.requireList(at+".thanh_tich", n.Achievements, "thành tích")
		v.tax(at, n)
		v.enterprise(at, n, set)
		v.vote(at, n.Vote, a)
		eachHonour(at, n, func(hp string, h Honour) { v.honour(hp, h, proposalYear) })
		if key := vn.FoldName(n.DisplayName()) + "|" + n.Born.Format("2006-01-02"); n.DisplayName() != "" {
			if j, dup := seen[key]; dup {
				v.add(at, KeyDuplicate, fmt.Sprintf("%q đã được đề nghị ở de_nghi[%d]", n.DisplayName(), j), "mỗi đối tượng chỉ ghi một lần")
			} else {
				seen[key] = i + 1
			}
		}
		v.award(at, n, set, s, deciders, i+1)
	}
	v.ownersCompanies(s)
	// Awards the President decides and awards the Prime Minister decides
	// go in separate Tờ trình (domain.md B.4): a set printing one Tờ
	// trình per award keeps them apart already.
	if first, ok := deciders["chu-tich-nuoc"]; ok && (set == nil || !set.RepeatsPerAward("to_trinh")) {
		if second, ok2 := deciders["thu-tuong"]; ok2 {
			v.add(tomlin.PathIndex("de_nghi", max(first, second))+".hinh_thuc", KeyAwardMixed,
				fmt.Sprintf("hình thức do Chủ tịch nước quyết định (de_nghi[%d]) và do Thủ tướng quyết định (de_nghi[%d]) không được trình chung một Tờ trình", first, second),
				"tách thành hai tệp hồ sơ, mỗi cấp quyết định một Tờ trình")
		}
	}
}

func (v *validator) tax(at string, n Nominee) {
	if !n.Kind.PaysTax() {
		return
	}
	if n.Tax == nil {
		v.add(at+".thue", KeyTaxMissing, "doanh nghiệp, chủ doanh nghiệp cần thông tin thuế để xin xác nhận nghĩa vụ thuế",
			"thêm bảng [de_nghi.thue] với ma_so_thue và co_quan_thue")
		return
	}
	if n.Tax.Code == "" {
		v.add(at+".thue.ma_so_thue", KeyTaxMissing, "thiếu mã số thuế", "")
	} else if ok, why := vn.TaxCode(n.Tax.Code); !ok {
		v.add(at+".thue.ma_so_thue", KeyTaxCode, fmt.Sprintf("mã số thuế %q không hợp lệ: %s", n.Tax.Code, why), "")
	}
	v.require(at+".thue.co_quan_thue", n.Tax.Office, "tên cơ quan thuế quản lý, ví dụ \"Thuế cơ sở 3 Thành phố Hồ Chí Minh\"")
	if n.Tax.Address == "" && n.Address == "" {
		v.add(at+".thue.dia_chi", KeyTaxMissing, "thiếu địa chỉ đăng ký thuế", "")
	}
}

func (v *validator) award(at string, n Nominee, set *formset.Set, s *Submission, deciders map[string]int, index int) {
	if n.Award == "" {
		v.add(at+".hinh_thuc", KeyRequired, "thiếu hình thức khen thưởng đề nghị", "ví dụ: hinh_thuc = \"giay-khen-chu-tich-ubnd\"")
		return
	}
	if set == nil {
		return
	}
	a, _, ok := set.Resolve(n.Award)
	if !ok {
		if looksLikeCode(n.Award) {
			var codes []string
			for _, a := range set.Awards {
				if a.Repealed == "" {
					codes = append(codes, a.Code)
				}
			}
			v.add(at+".hinh_thuc", KeyAward, fmt.Sprintf("bộ mẫu %s không có hình thức %q", set.ID, n.Award),
				"dùng một mã: "+strings.Join(codes, ", ")+"; hoặc ghi đầy đủ tên hình thức")
		}
		return // free text no award's phrases match: taken as written
	}
	if a.Repealed != "" {
		v.add(at+".hinh_thuc", KeyAwardRepealed, fmt.Sprintf("hình thức %q không còn áp dụng từ bộ mẫu %s: %s", n.Award, set.ID, a.Repealed), "")
		return
	}
	if _, ok := deciders[a.Decider]; !ok {
		deciders[a.Decider] = index
	}
}

// looksLikeCode tells a mistyped award code from a free-text award name.
func looksLikeCode(s string) bool {
	return !strings.Contains(s, " ") && strings.Contains(s, "-") && s == strings.ToLower(s)
}

// documents checks the [van_ban.<id>] tables: each must belong to a
// document the form set declares with a table of its own (no du_lieu),
// and its number and signer follow the rules of the other documents'.
func (v *validator) documents(s *Submission, set *formset.Set) {
	if set == nil {
		return
	}
	v.missingDocumentTables(s, set)
	if len(s.Documents) == 0 {
		return
	}
	var declared, own []string
	for _, p := range set.Parts {
		declared = append(declared, p.ID)
		if p.Data == "" {
			own = append(own, p.ID)
		}
	}
	hint := fmt.Sprintf("bộ mẫu %s có các văn bản: %s; bảng [van_ban.<id>] chỉ dành cho: %s",
		set.ID, strings.Join(declared, ", "), strings.Join(own, ", "))
	if len(own) == 0 {
		hint = fmt.Sprintf("bộ mẫu %s có các văn bản: %s; không văn bản nào có bảng [van_ban.<id>]: xóa bảng này",
			set.ID, strings.Join(declared, ", "))
	}
	ids := make([]string, 0, len(s.Documents))
	for id := range s.Documents {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		at := tomlin.PathKey("van_ban", id)
		switch p, ok := set.Part(id); {
		case !ok:
			v.add(at, tomlin.KeyUnknownKey, fmt.Sprintf("bộ mẫu %s không có văn bản %q", set.ID, id), hint)
		case p.Data != "":
			v.add(at, tomlin.KeyUnknownKey, fmt.Sprintf("số, ngày… của văn bản %q (%s) ghi trong bảng [%s], không ghi trong [van_ban.%s]", id, p.Title, p.Data, id),
				"chuyển các khóa sang bảng ["+p.Data+"]")
		default:
			d := s.Documents[id] // its number is bounded with the others (Limits)
			if d.Signer != nil {
				v.signer(at+".nguoi_ky", *d.Signer)
			}
			v.freeFields(at, p, d)
			v.unprinted(at, p, d)
		}
	}
}
