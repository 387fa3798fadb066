package formset

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/vn"
)

// Award is a form of commendation a set knows by a short code.
type Award struct {
	Code     string `toml:"ma"`
	Name     string `toml:"ten"` // with {xa}, {huyen}, {tinh}: the decider's jurisdiction
	Decider  string `toml:"cap_quyet_dinh"`
	Repealed string `toml:"bai_bo"` // why the award can no longer be proposed
	// Phrases identify the award when a submission writes it out in full
	// instead of giving its code (nhan_dien), compared as whole words
	// without case or diacritics: "ủy ban nhân dân quận" finds "Giấy khen
	// của Chủ tịch UỶ BAN NHÂN DÂN QUẬN Tân Bình".
	Phrases []string `toml:"nhan_dien"`
	// Verb is how the award is given in a request (dong_tu): "tặng" (the
	// default), "tặng thưởng" for an order.
	Verb string `toml:"dong_tu"`
	// Achievement is what the nominees have shown (thanh_tich), as the Tờ
	// trình words it: "thành tích xuất sắc" (the default).
	Achievement string `toml:"thanh_tich"`
	// MinYears is the length of the achievement period the award asks for
	// (so_nam; 0 for none): a shorter reporting period is warned about.
	MinYears int `toml:"so_nam"`
}

// Decider is an authority that decides awards (cap_quyet_dinh), with its
// level: a proposal is addressed to the chairman of the level above its
// issuer and forwarded up to the decider's.
type Decider struct {
	Code  string
	Title string // with {xa}, {huyen} or {tinh}
	Level Level
}

// Level is an administrative level, from the commune up.
type Level int

// The levels deciders sit at.
const (
	LevelCommune   Level = 1 + iota // xã, phường, đặc khu
	LevelDistrict                   // quận, huyện (until 30/06/2025)
	LevelProvince                   // tỉnh, thành phố trực thuộc trung ương
	LevelPM                         // Thủ tướng Chính phủ
	LevelPresident                  // Chủ tịch nước
)

// LevelTitle is how messages name a level: "xã, phường".
func LevelTitle(l Level) string {
	switch l {
	case LevelCommune:
		return "xã, phường"
	case LevelDistrict:
		return "quận, huyện"
	case LevelProvince:
		return "tỉnh, thành phố"
	}
	return "trung ương"
}

// LevelNames are the names a set's cap_hanh_chinh uses.
var LevelNames = map[string]Level{"xa": LevelCommune, "huyen": LevelDistrict, "tinh": LevelProvince}

// Deciders are the authorities an award is decided by.
var Deciders = []Decider{
	{"chu-tich-ubnd-xa", "Chủ tịch Ủy ban nhân dân {xa}", LevelCommune},
	{"chu-tich-ubnd-huyen", "Chủ tịch Ủy ban nhân dân {huyen}", LevelDistrict},
	{"chu-tich-ubnd-tinh", "Chủ tịch Ủy ban nhân dân {tinh}", LevelProvince},
	{"thu-tuong", "Thủ tướng Chính phủ", LevelPM},
	{"chu-tich-nuoc", "Chủ tịch nước", LevelPresident},
}

// DeciderOf finds a decider by code.
func DeciderOf(code string) (Decider, bool) {
	for _, d := range Deciders {
		if d.Code == code {
			return d, true
		}
	}
	return Decider{}, false
}

// deciderCodes lists the deciders' codes for messages.
func deciderCodes() string {
	var codes []string
	for _, d := range Deciders {
		codes = append(codes, d.Code)
	}
	return strings.Join(codes, ", ")
}

// Jurisdiction names the administrative units a submission is made in:
// the commune, the district (until 30/06/2025) and the province.
type Jurisdiction struct {
	Commune, District, Province string
}

// expand fills {xa}, {huyen} and {tinh}.
// A name the jurisdiction does not give reads as the level's generic
// words ("xã, phường"); validation asks for the names documents print.
func (j Jurisdiction) expand(s string) string {
	return strings.NewReplacer("{xa}", or(j.Commune, LevelTitle(LevelCommune)), "{huyen}", or(j.District, LevelTitle(LevelDistrict)),
		"{tinh}", or(j.Province, LevelTitle(LevelProvince))).Replace(s)
}

// Missing lists the placeholders of s the jurisdiction has no name for.
func (j Jurisdiction) Missing(s string) []string {
	var out []string
	for i, name := range []string{j.Commune, j.District, j.Province} {
		if name == "" && strings.Contains(s, Placeholders[i]) {
			out = append(out, Placeholders[i])
		}
	}
	return out
}

func or(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}

// Placeholders are the names an award's or a decider's title may hold.
var Placeholders = []string{"{xa}", "{huyen}", "{tinh}"}

// ExpandName is the award's full name in a jurisdiction.
func (a Award) ExpandName(j Jurisdiction) string { return j.expand(a.Name) }

// VerbOrDefault is how the award is given: "tặng" unless the set says.
func (a Award) VerbOrDefault() string {
	if a.Verb != "" {
		return a.Verb
	}
	return "tặng"
}

// AchievementOrDefault is what the nominees have shown, as a Tờ trình
// words it.
func (a Award) AchievementOrDefault() string {
	if a.Achievement != "" {
		return a.Achievement
	}
	return "thành tích xuất sắc"
}

// Title is a decider's title in a jurisdiction.
func (d Decider) TitleIn(j Jurisdiction) string { return j.expand(d.Title) }

// LevelsOrDefault are the set's administrative levels; a set that names
// none has the communes and provinces of NĐ 152/2025.
func (s *Set) LevelsOrDefault() []Level {
	if len(s.Levels) == 0 {
		return []Level{LevelCommune, LevelProvince}
	}
	out := make([]Level, 0, len(s.Levels))
	for _, n := range s.Levels {
		out = append(out, LevelNames[n])
	}
	return out
}

// LevelAbove is the level a proposal of an authority at level l goes to:
// the next administrative level of the set above it, then the Prime
// Minister, then the President.
func (s *Set) LevelAbove(l Level) Level {
	for _, x := range s.LevelsOrDefault() {
		if x > l {
			return x
		}
	}
	return max(l+1, LevelPM)
}

// Request is how a proposal addressed to the chairman at level to asks
// for an award decided at its decider's level, ending with verb: "xem
// xét, tặng" when the addressee decides, "xem xét, trình Thủ tướng Chính
// phủ tặng" when the award is decided higher up, naming every authority it
// passes. ok is false for an award decided below the addressee.
func (s *Set) Request(a Award, to Level, j Jurisdiction, verb string) (phrase string, ok bool) {
	d, known := DeciderOf(a.Decider)
	if !known || d.Level < to {
		return "", false
	}
	var chain []string
	for l := to; l < d.Level; {
		l = s.LevelAbove(l)
		for _, x := range Deciders {
			if x.Level == l {
				chain = append(chain, "trình "+x.TitleIn(j))
			}
		}
	}
	return strings.Join(append(append([]string{"xem xét,"}, chain...), verb), " "), true
}

// ChairmanOf is the title of the chairman at a level of a jurisdiction:
// the addressee of a proposal.
func ChairmanOf(l Level, j Jurisdiction) string {
	for _, d := range Deciders {
		if d.Level == l {
			return d.TitleIn(j)
		}
	}
	return ""
}

// checkAwards finds what is wrong with the awards and levels of a set.
func (s *Set) checkAwards(add func(path, kind, msg, hint string)) {
	for i, name := range s.Levels {
		if _, ok := LevelNames[name]; !ok {
			add(fmt.Sprintf("cap_hanh_chinh[%d]", i+1), "value", fmt.Sprintf("cấp hành chính %q không có", name), `chọn trong "xa", "huyen", "tinh", theo thứ tự từ thấp lên cao`)
		}
	}
	seen := map[string]bool{}
	for i, a := range s.Awards {
		at := fmt.Sprintf("khen_thuong[%d]", i+1)
		if a.Code == "" || a.Name == "" {
			add(at, "required", "mỗi hình thức cần ma và ten", "")
		}
		if a.Code != "" && seen[a.Code] {
			add(at+".ma", "value", fmt.Sprintf("mã hình thức %q bị trùng", a.Code), "")
		}
		seen[a.Code] = true
		for j, p := range a.Phrases {
			if vn.Slug(p, 0) == "" {
				add(fmt.Sprintf("%s.nhan_dien[%d]", at, j+1), "value", fmt.Sprintf("cụm từ nhận diện %q không có chữ nào", p), `ví dụ: nhan_dien = ["ủy ban nhân dân quận"]`)
			}
		}
		if a.Repealed != "" {
			continue
		}
		if _, ok := DeciderOf(a.Decider); !ok {
			add(at+".cap_quyet_dinh", "value", fmt.Sprintf("cap_quyet_dinh %q không có; chọn một trong: %s", a.Decider, deciderCodes()), "")
		}
		if strings.Contains(a.Name, "{co_quan}") {
			add(at+".ten", "value", "tên hình thức dùng {co_quan} (tên cơ quan trình), nhưng tên hình thức theo địa bàn của cấp quyết định",
				`thay {co_quan} bằng "Ủy ban nhân dân {xa}" (cấp xã) hoặc "Ủy ban nhân dân {huyen}" (cấp huyện); {tinh} cho cấp tỉnh`)
		}
		if a.MinYears < 0 || a.MinYears > 50 {
			add(at+".so_nam", "value", fmt.Sprintf("so_nam %d không hợp lý (0 đến 50)", a.MinYears), "")
		}
	}
}

// Award finds an award by code.
func (s *Set) Award(code string) (Award, bool) {
	for _, a := range s.Awards {
		if a.Code == code {
			return a, true
		}
	}
	return Award{}, false
}

// Resolve finds the award a submission's hinh_thuc stands for: an award
// code, or else a name written in full in which one of an award's phrases
// (nhan_dien) appears as whole words, compared without case or diacritics.
// byName tells the second case; ok is false when neither matches (free
// text the set does not know).
func (s *Set) Resolve(hinhThuc string) (a Award, byName, ok bool) {
	if a, ok := s.Award(hinhThuc); ok {
		return a, false, true
	}
	for _, a := range s.Awards {
		for _, p := range a.Phrases {
			if hasPhrase(hinhThuc, p) {
				return a, true, true
			}
		}
	}
	return Award{}, false, false
}
