package submission

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// attendance is who the votes of a meeting can come from.
type attendance struct {
	total, present, absent int
	valid                  *int // valid ballots of a secret ballot, when counted
	sure                   bool // every member's presence was read: present and absent may be judged
}

// attendance counts the council at the meeting (see attendanceOf); it is
// not sure when a member's co_mat could not be read.
func (v *validator) attendance(s *Submission) attendance {
	a := attendanceOf(s)
	a.sure = true
	for i := range s.Council.Members {
		if v.problems.Has(tomlin.PathIndex("hoi_dong.thanh_vien", i+1) + ".co_mat") {
			a.sure = false
		}
	}
	if b := s.Meeting.Ballot; b != nil && !ballotHolds(*b, a.present) {
		a.valid = nil // the count itself is refused (see ballot): no vote is judged by it
	}
	return a
}

// ballotHolds reports whether a ballot's count holds together: issued to
// at most those present, returned at most issued, valid at most returned.
func ballotHolds(b Ballot, present int) bool {
	return b.Issued != nil && b.Returned != nil && b.Valid != nil &&
		*b.Issued <= present && *b.Returned <= *b.Issued && *b.Valid <= *b.Returned
}

// attendanceOf counts the council at the meeting: the members listed
// present, the others (listed absent or not listed) absent.
func attendanceOf(s *Submission) attendance {
	a := attendance{total: CouncilTotal(s.Council)}
	for _, m := range s.Council.Members {
		if m.IsPresent() {
			a.present++
		}
	}
	a.absent = max(a.total-a.present, 0)
	if b := s.Meeting.Ballot; b != nil {
		a.valid = b.Valid
	}
	return a
}

// vote checks one nominee's vote (at is the nominee's path): the members
// present cast at most one vote each, the absent ones at most one written
// opinion each; with a secret ballot, the votes cast are at most the
// valid ballots.
func (v *validator) vote(at string, vt Vote, a attendance) {
	if vt.For == nil {
		v.add(at+".bieu_quyet.tan_thanh", KeyRequired, "thiếu số thành viên dự họp tán thành",
			"ví dụ: bieu_quyet = { tan_thanh = 9, khong_tan_thanh = 0 }; ý kiến bằng văn bản của thành viên vắng mặt: van_ban_tan_thanh, van_ban_khong_tan_thanh")
		return
	}
	if v.problems.Has(at + ".bieu_quyet") {
		return // a count out of range, reported by the limits
	}
	t := vt.Tally() // every count is at most MaxCouncil: no sum overflows
	switch {
	case a.sure && t.Present() > a.present:
		v.add(at+".bieu_quyet", KeyVote, fmt.Sprintf("%d phiếu của thành viên dự họp (%d tán thành, %d không tán thành) nhiều hơn số thành viên dự họp (%d)",
			t.Present(), t.For, t.Against, a.present),
			"mỗi thành viên dự họp một phiếu; ý kiến của thành viên vắng mặt ghi riêng: van_ban_tan_thanh, van_ban_khong_tan_thanh")
	case a.sure && t.Written() > a.absent:
		v.add(at+".bieu_quyet", KeyVote, fmt.Sprintf("%d ý kiến bằng văn bản nhiều hơn số thành viên vắng mặt (%d)", t.Written(), a.absent),
			"chỉ thành viên vắng mặt (co_mat = false, hoặc không có trong danh sách khi tong_so lớn hơn) gửi ý kiến bằng văn bản")
	case t.Present()+t.Written() > a.total:
		v.add(at+".bieu_quyet", KeyVote, fmt.Sprintf("tổng số phiếu (%d) lớn hơn tổng số thành viên Hội đồng (%d)", t.Present()+t.Written(), a.total), "")
	case a.valid != nil && t.Present() > *a.valid:
		v.add(at+".bieu_quyet", KeyVote, fmt.Sprintf("%d phiếu của thành viên dự họp nhiều hơn số phiếu hợp lệ (%d)", t.Present(), *a.valid),
			"kiểm tra lại bien_ban.kiem_phieu.hop_le và số phiếu của đối tượng này")
	}
}

// meeting checks what the Biên bản says of the vote: the method is a
// phrase, a ballot's count is consistent, the nominees of other
// submissions are complete and not this submission's.
func (v *validator) meeting(s *Submission, set *formset.Set, a attendance) {
	m := s.Meeting
	if _, err := methodPhrase(m.Method); err != nil && !v.problems.Has("bien_ban.hinh_thuc_bieu_quyet") {
		v.addValue("bien_ban.hinh_thuc_bieu_quyet", KeyChoice, err.Error(),
			`ví dụ: hinh_thuc_bieu_quyet = "bỏ phiếu kín" hoặc "biểu quyết giơ tay"; ý kiến bằng văn bản của thành viên vắng mặt ghi trong bieu_quyet (van_ban_tan_thanh…), diễn biến khác ghi trong noi_dung`)
	}
	if b := m.Ballot; b != nil && !v.problems.Has("bien_ban.kiem_phieu") {
		v.ballot(*b, m, a)
	}
	names := map[string]string{}
	for i, n := range s.Nominees {
		if n.DisplayName() != "" {
			names[vn.FoldName(n.DisplayName())] = tomlin.PathIndex("de_nghi", i+1)
		}
	}
	for i, o := range m.Others {
		at := tomlin.PathIndex("bien_ban.xet_them", i+1)
		if o.Kind == "" {
			v.add(at+".loai", KeyRequired, "thiếu loại đối tượng", `loai = "ca-nhan", "tap-the", "doanh-nghiep" hoặc "chu-doanh-nghiep"`)
		}
		v.require(at+".ten", o.Name, "tên đối tượng (in trong bảng kết quả của Biên bản)")
		if o.Award == "" {
			v.add(at+".hinh_thuc", KeyRequired, "thiếu hình thức khen thưởng đề nghị", "")
		}
		v.vote(at, o.Vote, a)
		if other, dup := names[vn.FoldName(o.Name)]; dup && o.Name != "" {
			v.add(at+".ten", KeyDuplicate, fmt.Sprintf("%q là đối tượng của hồ sơ này (%s), không phải của hồ sơ khác", o.Name, other),
				"bien_ban.xet_them chỉ ghi đối tượng của các hồ sơ khác được xét cùng cuộc họp")
		} else if o.Name != "" {
			names[vn.FoldName(o.Name)] = at
		}
	}
}

// ballot checks the count of a secret ballot.
func (v *validator) ballot(b Ballot, m Meeting, a attendance) {
	at := "bien_ban.kiem_phieu"
	if !IsBallot(m.Method) {
		v.add(at, KeyVote, fmt.Sprintf("có kết quả kiểm phiếu nhưng hình thức biểu quyết là %q", methodOrDefault(m.Method)),
			`kiểm phiếu chỉ có khi bỏ phiếu: hinh_thuc_bieu_quyet = "bỏ phiếu kín", hoặc bỏ bảng [bien_ban.kiem_phieu]`)
		return
	}
	for _, f := range []struct {
		p    *int
		key  string
		what string
	}{{b.Issued, "phat_ra", "số phiếu phát ra"}, {b.Returned, "thu_ve", "số phiếu thu về"}, {b.Valid, "hop_le", "số phiếu hợp lệ"}} {
		if f.p == nil {
			v.add(at+"."+f.key, KeyRequired, "thiếu "+f.what, "ví dụ: kiem_phieu = { phat_ra = 10, thu_ve = 10, hop_le = 10 }")
			return
		}
	}
	switch {
	case *b.Issued > a.present:
		v.addValue(at+".phat_ra", KeyVote, fmt.Sprintf("%d phiếu phát ra, nhiều hơn số thành viên dự họp (%d)", *b.Issued, a.present),
			"mỗi thành viên dự họp nhận một phiếu; ý kiến của thành viên vắng mặt là ý kiến bằng văn bản")
	case *b.Returned > *b.Issued:
		v.addValue(at+".thu_ve", KeyVote, fmt.Sprintf("%d phiếu thu về, nhiều hơn số phiếu phát ra (%d)", *b.Returned, *b.Issued), "")
	case *b.Valid > *b.Returned:
		v.addValue(at+".hop_le", KeyVote, fmt.Sprintf("%d phiếu hợp lệ, nhiều hơn số phiếu thu về (%d)", *b.Valid, *b.Returned), "")
	}
}

// defaultMethod is the voting method when the submission gives none.
const defaultMethod = "bỏ phiếu kín"

func methodOrDefault(m string) string {
	if strings.TrimSpace(m) == "" {
		return defaultMethod
	}
	return m
}

// VotingMethod is the meeting's voting method as the phrase the Biên bản
// completes «Hội đồng tiến hành …, kết quả như sau» with: the clerk's
// words without the final punctuation, a capital first letter made small;
// "bỏ phiếu kín" when not given. A text that is not a phrase is refused
// by validation and returned as given here.
func VotingMethod(m Meeting) string {
	p, err := methodPhrase(m.Method)
	if err != nil {
		return m.Method
	}
	return p
}

// IsBallot reports whether a voting method is a ballot (bỏ phiếu): its
// words name ballots (phiếu), not a show of hands.
func IsBallot(method string) bool {
	return strings.Contains("-"+vn.Slug(methodOrDefault(method), 0)+"-", "-phieu-")
}

// methodPhrase normalises a voting method to a phrase, or says why the
// clerk's text is a sentence the Biên bản cannot complete.
func methodPhrase(method string) (string, error) {
	p := strings.TrimRight(strings.TrimSpace(methodOrDefault(method)), " .;,:")
	if i := strings.IndexAny(p, ".;:!?\n"); i >= 0 {
		return "", fmt.Errorf("hình thức biểu quyết là một cụm từ, Biên bản in «Hội đồng tiến hành <cụm từ>, kết quả như sau»; %q có dấu %q giữa câu",
			method, p[i:i+1])
	}
	folded := "-" + vn.Slug(p, 0) + "-"
	for _, start := range []string{"-hoi-dong-", "-ket-qua-", "-cac-thanh-vien-"} {
		if strings.HasPrefix(folded, start) {
			return "", fmt.Errorf("hình thức biểu quyết là một cụm từ, Biên bản in «Hội đồng tiến hành <cụm từ>, kết quả như sau»; %q là một câu", method)
		}
	}
	if words := len(strings.Fields(p)); words > 15 {
		return "", fmt.Errorf("hình thức biểu quyết là một cụm từ, Biên bản in «Hội đồng tiến hành <cụm từ>, kết quả như sau»; %q dài %d từ", method, words)
	}
	first, size := utf8.DecodeRuneInString(p)
	if second, _ := utf8.DecodeRuneInString(p[size:]); unicode.IsUpper(first) && !unicode.IsUpper(second) {
		p = vn.Lower(string(first)) + p[size:]
	}
	return p, nil
}

// Row is one line of the Biên bản's table of votes: a nominee of this
// submission or of another reviewed at the same meeting.
type Row struct {
	Path  string // de_nghi[i] or bien_ban.xet_them[j]
	Kind  Kind
	Name  string
	Award string
	Vote  Vote
	Other bool // of another submission
}

// Rows lists the Biên bản's rows in the order it prints them: the other
// submissions' nominees placed before (xep_truoc), this submission's,
// then the other submissions' others.
func Rows(s *Submission) []Row {
	var before, own, after []Row
	for i, n := range s.Nominees {
		own = append(own, Row{Path: tomlin.PathIndex("de_nghi", i+1), Kind: n.Kind, Name: n.DisplayName(), Award: n.Award, Vote: n.Vote})
	}
	for j, o := range s.Meeting.Others {
		r := Row{Path: tomlin.PathIndex("bien_ban.xet_them", j+1), Kind: o.Kind, Name: o.Name, Award: o.Award, Vote: o.Vote, Other: true}
		if o.Before {
			before = append(before, r)
		} else {
			after = append(after, r)
		}
	}
	return append(append(before, own...), after...)
}

// Finding is a rule of the form set's [[nguong]] a submission does not
// meet: refused (Refuse) or warned about, as the rule says (a nominee
// without a majority of the votes cast is refused by any rule).
type Finding struct {
	Path, Message, Hint string
	Refuse              bool
}

// Passes reports whether a row's vote reaches the pass share of the rule
// for its award (true when no rule sets one); rule is that rule, nil when
// none applies.
func Passes(set *formset.Set, award string, vote Vote, total int) (rule *formset.Threshold, ok bool) {
	if set == nil {
		return nil, true
	}
	rule = set.Threshold(award)
	if rule == nil || rule.Pass == nil {
		return rule, true
	}
	return rule, rule.Pass.Met(vote.Tally().TotalFor(), total)
}

// Thresholds checks the meeting and every row of the Biên bản against the
// rules of the form set: attendance, the share in favour, a ballot where
// one is required. A nominee of another submission below its pass share
// is not this submission's concern: the Biên bản prints it as not passed.
func Thresholds(s *Submission, set *formset.Set) []Finding {
	if set == nil || len(set.Thresholds) == 0 {
		return nil
	}
	a := attendanceOf(s)
	var out []Finding
	seen := map[*formset.Threshold]bool{}
	for _, r := range Rows(s) {
		rule, ok := Passes(set, r.Award, r.Vote, a.total)
		if rule == nil {
			continue
		}
		if !ok && !r.Other && r.Vote.For != nil {
			// A warning rule (the council's own rules may count otherwise)
			// still refuses a nominee without a majority of the votes
			// cast: no rule passes it, and the Tờ trình would propose
			// whom the Biên bản records as rejected.
			t := r.Vote.Tally()
			out = append(out, Finding{Path: r.Path + ".bieu_quyet", Refuse: rule.Refuses() || t.TotalFor() <= t.TotalAgainst(),
				Message: fmt.Sprintf("%q có %d/%d thành viên Hội đồng tán thành (%s), chưa đạt %s tổng số thành viên theo %s (quy định cho %s)",
					r.Name, t.TotalFor(), a.total, vn.Percent(t.TotalFor(), a.total), rule.Pass, rule.Basis, rule.Name),
				Hint: "đối tượng không đạt tỷ lệ thì không đề nghị khen thưởng; kiểm tra lại số phiếu (kể cả ý kiến bằng văn bản của thành viên vắng mặt)"})
		}
		if seen[rule] {
			continue
		}
		seen[rule] = true
		if rule.Quorum != nil && !rule.Quorum.Met(a.present, a.total) {
			out = append(out, Finding{Path: "hoi_dong.thanh_vien", Refuse: rule.Refuses(),
				Message: fmt.Sprintf("cuộc họp có %d/%d thành viên dự họp, chưa đạt %s tổng số thành viên theo %s (quy định cho %s)",
					a.present, a.total, rule.Quorum, rule.Basis, rule.Name),
				Hint: "cuộc họp không đủ số thành viên dự họp thì kết quả không hợp lệ; kiểm tra co_mat của các thành viên và hoi_dong.tong_so"})
		}
		if rule.Ballot && !IsBallot(s.Meeting.Method) {
			out = append(out, Finding{Path: "bien_ban.hinh_thuc_bieu_quyet", Refuse: rule.Refuses(),
				Message: fmt.Sprintf("%s phải biểu quyết bằng hình thức bỏ phiếu theo %s, Biên bản ghi %q", rule.Name, rule.Basis, methodOrDefault(s.Meeting.Method)),
				Hint:    `hinh_thuc_bieu_quyet = "bỏ phiếu kín"`})
		}
	}
	return out
}

// Abstentions are the rows whose present votes fall short of the votes
// cast at the meeting (the valid ballots, or the members present at a show
// of hands): abstentions or blank ballots, for which the Biên bản's table
// has no column. They are warnings, so that none goes unsaid.
func Abstentions(s *Submission) []Finding {
	a := attendanceOf(s)
	cast, what := a.present, "thành viên dự họp"
	if a.valid != nil {
		cast, what = *a.valid, "phiếu hợp lệ"
	}
	var out []Finding
	for _, r := range Rows(s) {
		t := r.Vote.Tally()
		if n := cast - t.For - t.Against; r.Vote.For != nil && n > 0 {
			out = append(out, Finding{Path: r.Path + ".bieu_quyet",
				Message: fmt.Sprintf("%q có %d tán thành, %d không tán thành trên %d %s: %d không biểu quyết (phiếu trống), bảng của Biên bản không có cột ghi số này; ghi vào bien_ban.noi_dung nếu cần",
					r.Name, t.For, t.Against, cast, what, n)})
		}
	}
	return out
}

// thresholds reports the findings of Thresholds that refuse the
// submission; the others are warnings of the dossier.
func (v *validator) thresholds(s *Submission, set *formset.Set) {
	if v.problems.Has("hoi_dong") {
		return // the council's counts are refused: no share of them means anything
	}
	for _, f := range Thresholds(s, set) {
		if f.Refuse && !v.problems.Has(f.Path) { // a count refused is not judged again
			v.add(f.Path, KeyThreshold, f.Message, f.Hint)
		}
	}
}
