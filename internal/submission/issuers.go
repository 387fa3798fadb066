package submission

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// issuers checks the documents whose issuer is not the agency's, and
// those of the agency when the Tờ trình has another issuer: each names
// what it needs (an issuer's name and symbol; a signer of its own, since
// the Tờ trình's signer signs for another office). Documents without a
// number of their own (a nominee's report, signed by the nominee's head)
// need none.
func (v *validator) issuers(s *Submission, set *formset.Set) {
	type issued struct {
		table string
		is    *Issuer
	}
	all := []issued{{"to_trinh", s.Proposal.Issuer}, {"xac_nhan_thue", s.Tax.Issuer}}
	for i, e := range s.Proposal.Each {
		at := tomlin.PathIndex("to_trinh.rieng", i+1)
		all = append(all, issued{at, e.Issuer})
		if e.Issuer != nil && e.Signer == nil {
			v.add(at+".nguoi_ky", KeyRequired, fmt.Sprintf("Tờ trình đề nghị %q do %s ban hành nhưng chưa ghi người ký", e.Award, e.Issuer.Name),
				"thêm bảng ["+at+".nguoi_ky] (chuc_vu, ho_ten): người ký Tờ trình chung ký cho cơ quan khác")
		}
	}
	for _, t := range all {
		if t.is != nil {
			v.require(t.table+".co_quan.ten", t.is.Name, "tên cơ quan ban hành")
			v.require(t.table+".co_quan.viet_tat", t.is.Abbrev, "tên viết tắt của cơ quan ban hành, dùng trong ký hiệu (\"NV\" → 358/TTr-NV)")
		}
	}
	if s.Proposal.Issuer == nil || set == nil {
		return
	}
	for _, p := range set.Parts {
		if p.Issuer == formset.IssuerCouncil || p.DataTable() == "to_trinh" || !p.IsNumbered() {
			continue
		}
		own := s.Own(p.DataTable())
		if own.Issuer == nil && own.Signer == nil && s.hasDocuments(&p) {
			v.add(p.DataTable()+".nguoi_ky", KeyRequired,
				fmt.Sprintf("%s do %s ban hành nhưng chưa ghi người ký: người ký Tờ trình ký cho %s", p.Title, s.Agency.Name, s.Proposal.Issuer.Name),
				"thêm bảng ["+p.DataTable()+".nguoi_ky] (thay_mat, hinh_thuc, thay_cho, chuc_vu, ho_ten)")
		}
	}
}

// hasDocuments reports whether a part gives a document for this
// submission: a part printed per nominee of some kinds may give none.
func (s *Submission) hasDocuments(p *formset.Part) bool {
	if p.Repeat != formset.PerNominee {
		return true
	}
	for _, n := range s.Nominees {
		if p.Applies(string(n.Kind)) {
			return true
		}
	}
	return false
}

// addressees checks that each award proposed can go where its Tờ trình
// goes: an award decided below the addressee (a commune's Giấy khen in a
// Tờ trình of the commune's committee, which goes up to the province) is
// refused with how it is proposed instead; without kinh_gui, the
// addressee must follow from the names of the agency and the issuer.
func (v *validator) addressees(s *Submission, set *formset.Set) {
	if set == nil || v.problems.Has("co_quan") || !v.levelInSet(s, set) {
		return // the names the checks read are wrong already
	}
	j := s.Agency.Jurisdiction()
	asked := map[string]bool{}
	for _, g := range s.AwardsProposed(set) {
		first := g.Nominees[0]
		own, _ := s.ProposalFor(set, s.Nominees[first].Award)
		to := s.AddresseeLevel(set, own.Issuer)
		if len(own.To) == 0 && !asked["kinh_gui"] && !v.addresseeKnown(to, j) {
			asked["kinh_gui"] = true // once: the same names are missing for every award
		}
		a, _, ok := set.Resolve(s.Nominees[first].Award)
		if !ok || a.Repealed != "" {
			continue
		}
		v.awardPlaces(a, j, asked)
		d, _ := formset.DeciderOf(a.Decider)
		if to == 0 || d.Level >= to {
			continue
		}
		for _, i := range g.Nominees {
			v.belowAddressee(s, i, a, d, to, own.Issuer != nil)
		}
	}
	v.selfAddressed(s)
}

// levelInSet refuses an agency whose committee's level the set has no
// place for (a district's in a set of communes and provinces).
func (v *validator) levelInSet(s *Submission, set *formset.Set) bool {
	l := s.Agency.Level()
	if l == 0 || slices.Contains(set.LevelsOrDefault(), l) {
		return true
	}
	var names []string
	for _, x := range set.LevelsOrDefault() {
		names = append(names, formset.LevelTitle(x))
	}
	v.addValue("co_quan.ten", KeyChoice, fmt.Sprintf("bộ mẫu %s không có cấp %s (chỉ có cấp %s)", set.ID, formset.LevelTitle(l), strings.Join(names, ", cấp ")),
		"kiểm tra ngày Tờ trình (bộ mẫu chọn theo ngày) và tên cơ quan, cơ quan cấp trên")
	return false
}

// addresseeKnown reports whether the chairman a Tờ trình without kinh_gui
// goes to can be named, and says what is missing when not.
func (v *validator) addresseeKnown(to formset.Level, j formset.Jurisdiction) bool {
	if to == 0 {
		v.add("to_trinh.kinh_gui", KeyRequired, "thiếu nơi kính gửi: tên cơ quan không cho biết gửi Chủ tịch Ủy ban nhân dân nào",
			"ghi kinh_gui = [\"Chủ tịch Ủy ban nhân dân …\"], hoặc ghi co_quan.cap_tren là Ủy ban nhân dân cấp trên của đơn vị")
		return false
	}
	return v.addresseeNamed(to, j)
}

// places are the keys that name each level's unit, by the placeholder
// award names use for it.
var places = map[string]struct {
	level        formset.Level
	key, example string
}{
	"{xa}":    {formset.LevelCommune, "co_quan.xa", `xa = "phường Tân Sơn Hòa"`},
	"{huyen}": {formset.LevelDistrict, "co_quan.huyen", `huyen = "quận Tân Bình"`},
	"{tinh}":  {formset.LevelProvince, "co_quan.tinh", `tinh = "Thành phố Hồ Chí Minh"`},
}

// awardPlaces asks for the names an award's full name prints (the
// commune of a commune's Giấy khen) when neither the keys nor the names of
// the agency and its superior give them; asked once per key.
func (v *validator) awardPlaces(a formset.Award, j formset.Jurisdiction, asked map[string]bool) {
	for _, ph := range j.Missing(a.Name) {
		p := places[ph]
		if asked[p.key] {
			continue
		}
		asked[p.key] = true
		v.add(p.key, KeyRequired, fmt.Sprintf("thiếu tên %s: tên hình thức %q ghi tên %s nơi quyết định", formset.LevelTitle(p.level), a.Name, formset.LevelTitle(p.level)),
			"ghi trong [co_quan]: "+p.example)
	}
}

// belowAddressee refuses an award decided below the level its Tờ trình
// goes to, saying who proposes it instead.
func (v *validator) belowAddressee(s *Submission, nominee int, a formset.Award, d formset.Decider, to formset.Level, ownIssuer bool) {
	j := s.Agency.Jurisdiction()
	hint := "hình thức này do cấp dưới nơi nhận Tờ trình quyết định: lập Tờ trình riêng gửi cấp đó"
	if d.Level == s.Agency.Level() && s.Agency.IsCommittee() && !ownIssuer {
		hint = fmt.Sprintf("%s do chính %s quyết định, không trình lên cấp trên. "+
			"Hồ sơ đề nghị hình thức này do đơn vị đề nghị (trường học, trạm y tế, tổ dân phố…) lập: ghi đơn vị đó ở [co_quan] với cap_tren = %q; "+
			"hoặc để một phòng chuyên môn trình Chủ tịch: khối [[to_trinh.rieng]] với hinh_thuc, co_quan, nguoi_ky riêng",
			a.ExpandName(j), d.TitleIn(j), s.Agency.Name)
	}
	v.addValue(tomlin.PathIndex("de_nghi", nominee+1)+".hinh_thuc", KeyAddressee, fmt.Sprintf("hình thức %q do %s quyết định, thấp hơn nơi nhận Tờ trình (%s)",
		s.Nominees[nominee].Award, d.TitleIn(j), formset.ChairmanOf(to, j)), hint)
}

// selfAddressed refuses a Tờ trình of a people's committee written to its
// own chairman.
func (v *validator) selfAddressed(s *Submission) {
	if s.Proposal.Issuer != nil || !s.Agency.IsCommittee() {
		return
	}
	own := "chủ tịch " + vn.Lower(s.Agency.Name)
	for i, k := range s.Proposal.To {
		if strings.Contains(vn.Lower(k), own) {
			v.addValue(tomlin.PathIndex("to_trinh.kinh_gui", i+1), KeyAddressee, fmt.Sprintf("Tờ trình của %s gửi chính Chủ tịch của mình", s.Agency.Name),
				"Tờ trình của Ủy ban nhân dân gửi Chủ tịch Ủy ban nhân dân cấp trên; hồ sơ Giấy khen của Chủ tịch do đơn vị đề nghị lập (ghi đơn vị ở [co_quan], cap_tren là Ủy ban nhân dân)")
		}
	}
}

// addresseeNamed checks that the jurisdiction names the addressee's
// committee: a Tờ trình without kinh_gui goes to the chairman the level
// tells, whose name the agency's keys must give.
func (v *validator) addresseeNamed(to formset.Level, j formset.Jurisdiction) bool {
	for i, name := range []string{j.Commune, j.District, j.Province} {
		p := places[formset.Placeholders[i]]
		if p.level == to && name == "" {
			v.add(p.key, KeyRequired, fmt.Sprintf("thiếu tên %s: Tờ trình gửi Chủ tịch Ủy ban nhân dân %s mà không ghi kinh_gui", formset.LevelTitle(p.level), formset.LevelTitle(p.level)),
				"ghi trong [co_quan]: "+p.example+"; hoặc ghi to_trinh.kinh_gui")
			return false
		}
	}
	return true
}
