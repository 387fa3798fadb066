package submission

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// AwardKey is what an award proposed is known by: its code when the set
// knows it (by code or by name), else the text as written, folded. Two
// nominees proposed for the same award have the same key however the
// clerk wrote it.
func AwardKey(set *formset.Set, award string) string {
	if set != nil {
		if a, _, ok := set.Resolve(award); ok {
			return a.Code
		}
	}
	return vn.Lower(strings.TrimSpace(award))
}

// AwardGroup is one award proposed and the nominees proposed for it.
type AwardGroup struct {
	Key      string // AwardKey
	Nominees []int  // indexes into Nominees, in order
}

// AwardsProposed groups the nominees by the award proposed, in order of
// first mention: one Tờ trình per group when the set prints one per award.
func (s *Submission) AwardsProposed(set *formset.Set) []AwardGroup {
	var out []AwardGroup
	at := map[string]int{}
	for i, n := range s.Nominees {
		key := AwardKey(set, n.Award)
		k, seen := at[key]
		if !seen {
			k = len(out)
			at[key] = k
			out = append(out, AwardGroup{Key: key})
		}
		out[k].Nominees = append(out[k].Nominees, i)
	}
	return out
}

// ProposalFor is what the Tờ trình for one award has of its own: the
// [to_trinh] table's, with what the award's [[to_trinh.rieng]] block
// gives instead; numbered tells whether the block gave the number.
func (s *Submission) ProposalFor(set *formset.Set, award string) (own Own, numbered bool) {
	key := AwardKey(set, award)
	return s.Own("to_trinh").ForAward(award, func(a, _ string) bool { return AwardKey(set, a) == key })
}

// perAwardBlocks checks the [[to_trinh.rieng]] blocks: each names an award
// some nominee is proposed for (a block for no award would be dropped
// silently), at most one block per award, and the Tờ trình numbers that
// follow (a block's, else the table's counted on in order of the awards)
// are all different. Only a set that prints one Tờ trình per award reads
// the blocks.
func (v *validator) perAwardBlocks(s *Submission, set *formset.Set) {
	if set == nil || len(s.Proposal.Each) == 0 {
		return
	}
	if !set.RepeatsPerAward("to_trinh") {
		v.add("to_trinh.rieng", tomlin.KeyUnknownKey, fmt.Sprintf("bộ mẫu %s in một Tờ trình chung cho mọi hình thức: các khối [[to_trinh.rieng]] không được dùng", set.ID),
			"bỏ các khối [[to_trinh.rieng]], ghi số, nơi gửi ở [to_trinh]")
		return
	}
	groups := s.AwardsProposed(set)
	proposed := map[string]bool{}
	for _, g := range groups {
		proposed[g.Key] = true
	}
	blockOf := map[string]int{}
	for i, e := range s.Proposal.Each {
		at := tomlin.PathIndex("to_trinh.rieng", i+1)
		if e.Award == "" {
			v.add(at+".hinh_thuc", KeyRequired, "thiếu hình thức của khối [[to_trinh.rieng]]", "ghi hinh_thuc như ở de_nghi, ví dụ hinh_thuc = \"giay-khen-chu-tich-ubnd\"")
			continue
		}
		key := AwardKey(set, e.Award)
		switch first, dup := blockOf[key]; {
		case !proposed[key]:
			v.addValue(at+".hinh_thuc", KeyAward, fmt.Sprintf("không đối tượng nào được đề nghị hình thức %q: khối [[to_trinh.rieng]] này không thuộc Tờ trình nào", e.Award),
				"ghi hinh_thuc đúng như ở [[de_nghi]], hoặc bỏ khối này")
		case dup:
			v.addValue(at+".hinh_thuc", KeyDuplicate, fmt.Sprintf("hình thức %q đã có khối [[to_trinh.rieng]] thứ %d", e.Award, first+1),
				"mỗi hình thức một khối: gộp hai khối làm một")
		default:
			blockOf[key] = i
		}
	}
	v.proposalNumbers(s, set, groups)
}

// proposalNumbers refuses two Tờ trình of one dossier with the same number.
func (v *validator) proposalNumbers(s *Submission, set *formset.Set, groups []AwardGroup) {
	byNumber := map[int]string{}
	for k, g := range groups {
		award := s.Nominees[g.Nominees[0]].Award
		own, numbered := s.ProposalFor(set, award)
		if own.Number == nil {
			continue
		}
		n := *own.Number
		if !numbered {
			n += k
		}
		if other, dup := byNumber[n]; dup {
			v.add("to_trinh.rieng", KeyDuplicate, fmt.Sprintf("Tờ trình đề nghị %q và Tờ trình đề nghị %q cùng mang số %d", other, award, n),
				fmt.Sprintf("Tờ trình thứ k (theo thứ tự hình thức xuất hiện ở [[de_nghi]]) mang số to_trinh.so + k - 1 khi khối [[to_trinh.rieng]] của nó không ghi so; ghi so riêng cho Tờ trình %q", award))
			continue
		}
		byNumber[n] = award
	}
}
