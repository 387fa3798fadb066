package submission

import (
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/vn"
)

// ubndPrefix begins the name of a people's committee.
const ubndPrefix = "ủy ban nhân dân "

// localUnit splits the name of a people's committee into its
// administrative unit and that unit's level: "Ủy ban nhân dân phường Tân
// Sơn Hòa" is "phường Tân Sơn Hòa", a commune. ok is false for any other
// name.
func localUnit(name, province string) (unit string, level formset.Level, ok bool) {
	lower := vn.Lower(name)
	lower = strings.Replace(lower, "uỷ", "ủy", 1) // both tone placements
	if !strings.HasPrefix(lower, ubndPrefix) {
		return "", 0, false
	}
	unit = strings.TrimSpace(string([]rune(name)[len([]rune(ubndPrefix)):]))
	first, _, _ := strings.Cut(vn.Lower(unit), " ")
	switch {
	case province != "" && vn.Lower(unit) == vn.Lower(province):
		return unit, formset.LevelProvince, true
	case first == "tỉnh":
		return unit, formset.LevelProvince, true
	case first == "phường" || first == "xã" || first == "thị" && strings.HasPrefix(vn.Lower(unit), "thị trấn") || first == "đặc":
		return unit, formset.LevelCommune, true
	case first == "quận" || first == "huyện" || first == "thị" || first == "thành":
		return unit, formset.LevelDistrict, true
	}
	return unit, 0, false
}

// IsCommittee reports whether the agency is a people's committee (Ủy ban
// nhân dân), whose chairman decides and signs for it.
func (a Agency) IsCommittee() bool {
	_, _, ok := localUnit(a.Name, a.Province)
	return ok
}

// Level is the administrative level of the agency's people's committee:
// its own when it is one, else its superior's (cap_tren), for a unit such
// as a school that proposes to its commune. 0 when neither says.
func (a Agency) Level() formset.Level {
	if _, l, ok := localUnit(a.Name, a.Province); ok {
		return l
	}
	_, l, _ := localUnit(a.Parent, a.Province)
	return l
}

// Jurisdiction names the communes, district and province the agency is
// in, for award names and addressees: co_quan.xa, co_quan.huyen and
// co_quan.tinh when given, else what the names of the agency and of its
// superior tell.
func (a Agency) Jurisdiction() formset.Jurisdiction {
	j := formset.Jurisdiction{Commune: a.Commune, District: a.District, Province: a.Province}
	for _, name := range []string{a.Name, a.Parent} {
		unit, level, ok := localUnit(name, a.Province)
		if !ok {
			continue
		}
		switch {
		case level == formset.LevelCommune && j.Commune == "":
			j.Commune = unit
		case level == formset.LevelDistrict && j.District == "":
			j.District = unit
		case level == formset.LevelProvince && j.Province == "":
			j.Province = unit
		}
	}
	return j
}

// AddresseeLevel is the level of the chairman a Tờ trình goes to: the
// level above the agency's (in set's administrative levels) when the
// agency, a people's committee, issues it; its own committee's when a
// subordinate office (issuer, a Phòng Nội vụ) or a unit (a school under a
// commune) does. 0 when the names do not tell.
//
// An issuer that is itself a people's committee (a Tờ trình of the
// commune's committee in a unit's dossier) goes to the level above it.
func (s *Submission) AddresseeLevel(set *formset.Set, issuer *Issuer) formset.Level {
	a := s.Agency
	if issuer != nil {
		if _, l, ok := localUnit(issuer.Name, a.Province); ok {
			return set.LevelAbove(l)
		}
	}
	l := a.Level()
	switch {
	case l == 0:
		return 0
	case issuer == nil && a.IsCommittee():
		return set.LevelAbove(l)
	}
	return l
}
