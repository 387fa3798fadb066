package formset

import (
	"fmt"
	"math/big"
	"regexp"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Threshold is a rule of the council's meeting and vote ([[nguong]] in
// bo-mau.toml): how many members must attend, how many of all members
// must be in favour for a nominee to be proposed, and whether the vote
// must be a ballot. Rules differ by award and by body (NĐ 98/2023 Điều 30
// khoản 7 sets 90 % and 80 % for emulation titles only; other awards
// follow the council's own rules), so they are data of the form set. A
// rule applies to the awards it names by code (hinh_thuc) or, for awards
// written in full, by phrase (nhan_dien); one rule naming neither applies
// to every other award.
type Threshold struct {
	Name    string   `toml:"ten"`       // what it covers, as printed: "danh hiệu Chiến sĩ thi đua cơ sở, Cờ thi đua"
	Awards  []string `toml:"hinh_thuc"` // award codes of the set it applies to
	Phrases []string `toml:"nhan_dien"` // phrases of awards written in full it applies to (whole words, any case and diacritics)
	Quorum  *Share   `toml:"co_mat"`    // least share of all members present at the meeting
	Pass    *Share   `toml:"tan_thanh"` // least share of all members in favour, written opinions included
	Ballot  bool     `toml:"bo_phieu"`  // the vote must be a ballot (bỏ phiếu)
	Basis   string   `toml:"can_cu"`    // where the rule is written, printed in the Biên bản
	OnFail  string   `toml:"khi_khong_dat"`
}

// What a dossier does when a rule is not met (khi_khong_dat).
const (
	FailRefuse = "tu-choi"  // the submission is refused: the law makes the vote or the meeting invalid
	FailWarn   = "canh-bao" // a warning: the council's own rules may say otherwise
)

// Refuses reports whether a rule not met refuses the submission (the
// default) rather than warning.
func (t *Threshold) Refuses() bool { return t.OnFail != FailWarn }

// IsDefault reports whether the rule applies to every award no other rule
// names.
func (t *Threshold) IsDefault() bool { return len(t.Awards) == 0 && len(t.Phrases) == 0 }

// Describe says the rule in words, as the Biên bản prints it after the
// awards it applies to: "số thành viên dự họp từ 2/3 tổng số thành viên
// Hội đồng trở lên; số phiếu tán thành … từ 90% tổng số thành viên Hội
// đồng trở lên; biểu quyết bằng hình thức bỏ phiếu".
func (t *Threshold) Describe() string {
	var parts []string
	if t.Quorum != nil {
		parts = append(parts, "số thành viên dự họp "+t.Quorum.Words("tổng số thành viên Hội đồng"))
	}
	if t.Pass != nil {
		parts = append(parts, "số phiếu tán thành (kể cả ý kiến bằng văn bản của thành viên vắng mặt) "+t.Pass.Words("tổng số thành viên Hội đồng"))
	}
	if t.Ballot {
		parts = append(parts, "biểu quyết bằng hình thức bỏ phiếu")
	}
	return strings.Join(parts, "; ")
}

// Threshold finds the rule for an award as a submission gives it (a code,
// or a name written in full): the first rule naming its code or one of
// whose phrases it contains, else the default rule; nil when no rule
// applies.
func (s *Set) Threshold(award string) *Threshold {
	code := award
	if a, _, ok := s.Resolve(award); ok {
		code = a.Code
	}
	var def *Threshold
	for i := range s.Thresholds {
		t := &s.Thresholds[i]
		if slices.Contains(t.Awards, code) || slices.ContainsFunc(t.Phrases, func(p string) bool { return hasPhrase(award, p) }) {
			return t
		}
		if t.IsDefault() && def == nil {
			def = t
		}
	}
	return def
}

// hasPhrase reports whether phrase appears in text as whole words,
// compared without case or diacritics.
func hasPhrase(text, phrase string) bool {
	slug := vn.Slug(phrase, 0)
	return slug != "" && strings.Contains("-"+vn.Slug(text, 0)+"-", "-"+slug+"-")
}

// Share is a least share of the council's members: "≥ 2/3", "> 50%",
// "90%" (at least), a whole number meaning a percentage.
type Share struct {
	num, den *big.Int
	strict   bool   // more than, not at least
	text     string // the share as printed: "2/3", "90%"
}

var shareRe = regexp.MustCompile(`^\s*(≥|>=|>)?\s*(?:(\d+)\s*/\s*(\d+)|(\d+)(?:[.,](\d+))?\s*%)\s*$`)

// DecodeTOML reads a share: a text "≥ 2/3", ">= 90%", "> 50%", "2/3",
// "66,67%", or a whole number of percent (80).
func (s *Share) DecodeTOML(v any) error {
	const hint = `ví dụ: "≥ 2/3" (từ hai phần ba trở lên), "≥ 90%", "> 50%" (quá nửa), hoặc 80 (từ 80% trở lên)`
	var text string
	switch x := v.(type) {
	case int64:
		text = fmt.Sprintf("%d%%", x)
	case string:
		text = x
	default:
		return fmt.Errorf("cần tỷ lệ, %s", hint)
	}
	g := shareRe.FindStringSubmatch(text)
	if g == nil {
		return fmt.Errorf("không đọc được tỷ lệ %q; %s", text, hint)
	}
	s.strict = g[1] == ">"
	if g[2] != "" {
		s.num, _ = new(big.Int).SetString(g[2], 10)
		s.den, _ = new(big.Int).SetString(g[3], 10)
		s.text = g[2] + "/" + g[3]
	} else {
		s.num, _ = new(big.Int).SetString(g[4]+g[5], 10)
		s.den = new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(2+len(g[5]))), nil)
		s.text = g[4]
		if g[5] != "" {
			s.text += "," + g[5]
		}
		s.text += "%"
	}
	if s.den.Sign() == 0 || s.num.Sign() == 0 || s.num.Cmp(s.den) > 0 || (s.strict && s.num.Cmp(s.den) == 0) {
		return fmt.Errorf("tỷ lệ %q phải lớn hơn 0 và không quá 100%%; %s", text, hint)
	}
	return nil
}

// Met reports whether count of total members reaches the share.
func (s *Share) Met(count, total int) bool {
	lhs := new(big.Int).Mul(big.NewInt(int64(count)), s.den)
	rhs := new(big.Int).Mul(big.NewInt(int64(total)), s.num)
	if s.strict {
		return lhs.Cmp(rhs) > 0
	}
	return lhs.Cmp(rhs) >= 0
}

// Words says the share of whole in words: "từ 2/3 tổng số … trở lên",
// "trên 50% tổng số …".
func (s *Share) Words(whole string) string {
	if s.strict {
		return "trên " + s.text + " " + whole
	}
	return "từ " + s.text + " " + whole + " trở lên"
}

// String is the share as written in a message: "≥ 2/3", "> 50%".
func (s *Share) String() string {
	if s.strict {
		return "> " + s.text
	}
	return "≥ " + s.text
}

// checkThresholds finds what is wrong with the [[nguong]] blocks.
func (s *Set) checkThresholds(ps *tomlin.Problems, ix *tomlin.Index) {
	defaults := 0
	for i := range s.Thresholds {
		t := &s.Thresholds[i]
		at := tomlin.PathIndex("nguong", i+1)
		add := func(key, kind, msg, hint string) {
			path, pos := at, ix.Find(at)
			if key != "" {
				path = at + "." + key
				if q := ix.FindValue(path); !q.IsZero() {
					pos = q
				}
			}
			ps.Add(path, pos, kind, msg, hint)
		}
		if strings.TrimSpace(t.Name) == "" {
			add("ten", "required", "quy định thiếu ten (các hình thức nó áp dụng, in trong Biên bản)", `ví dụ: ten = "danh hiệu Chiến sĩ thi đua cơ sở"`)
		}
		if strings.TrimSpace(t.Basis) == "" {
			add("can_cu", "required", "quy định thiếu can_cu (văn bản quy định tỷ lệ, in trong Biên bản)", `ví dụ: can_cu = "khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP"`)
		}
		if t.Quorum == nil && t.Pass == nil && !t.Ballot {
			add("", "required", "quy định không đặt điều kiện nào", "ghi co_mat (tỷ lệ dự họp tối thiểu), tan_thanh (tỷ lệ tán thành tối thiểu) hoặc bo_phieu = true")
		}
		if t.OnFail != "" && t.OnFail != FailRefuse && t.OnFail != FailWarn {
			add("khi_khong_dat", "value", fmt.Sprintf("khi_khong_dat %q không có", t.OnFail),
				`chọn "tu-choi" (từ chối lập hồ sơ) hoặc "canh-bao" (chỉ cảnh báo)`)
		}
		for _, code := range t.Awards {
			if _, ok := s.Award(code); !ok {
				add("hinh_thuc", "value", fmt.Sprintf("bộ mẫu không có hình thức mã %q", code), "dùng mã của một khối [[khen_thuong]], hoặc nhan_dien cho hình thức ghi đầy đủ tên")
			}
		}
		for _, p := range t.Phrases {
			if vn.Slug(p, 0) == "" {
				add("nhan_dien", "value", fmt.Sprintf("cụm từ nhận diện %q không có chữ nào", p), `ví dụ: nhan_dien = ["chiến sĩ thi đua cơ sở"]`)
			}
		}
		if t.IsDefault() {
			defaults++
			if defaults > 1 {
				add("", "value", "hai quy định cùng áp dụng cho mọi hình thức (không có hinh_thuc, nhan_dien)", "giữ một quy định chung; các quy định khác ghi hinh_thuc hoặc nhan_dien")
			}
		}
	}
}
