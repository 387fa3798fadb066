package vn

import "testing"

func TestScriptName(t *testing.T) {
	tests := []struct {
		r    rune
		want string
	}{
		{'a', "chữ Latinh"}, {'Ư', "chữ Latinh"}, {'е', "chữ Kirin (tiếng Nga…)"}, {'ο', "chữ Hy Lạp"},
		{'人', "chữ Hán"}, {'ก', "chữ Thái Lan"}, {'한', "chữ Hàn"}, {'1', ""}, {' ', ""}, {'ሀ', "chữ khác"},
	}
	for _, tt := range tests {
		if got := ScriptName(tt.r); got != tt.want {
			t.Errorf("ScriptName(%q) = %q, want %q", tt.r, got, tt.want)
		}
	}
}

func TestNonLatin(t *testing.T) {
	for _, s := range []string{"Ủy ban nhân dân phường Tân Sơn Hòa", "Công ty ABC (số 1), Köln", "HĐTĐKT", "Nguye\u0302\u0303n", "Hʼ Hen Niê", "Trạm Y tế xã Ea Hʼleo"} {
		if r, ok := NonLatin(s); ok {
			t.Errorf("NonLatin(%q) = %q", s, r)
		}
	}
	for s, want := range map[string]rune{"人民委员会": '人', "Võ Thị Mỹ Duyеn": 'е', "Công ty Ωmega": 'Ω'} {
		if r, ok := NonLatin(s); !ok || r != want {
			t.Errorf("NonLatin(%q) = %q, %v; want %q", s, r, ok, want)
		}
	}
}

func TestMixedWord(t *testing.T) {
	mixed := []struct {
		s, word string
		a, b    rune
	}{
		{"Võ Thị Mỹ Duyеn", "Duyеn", 'D', 'е'},     // Cyrillic е
		{"Trần Thị Bích Ηà", "Ηà", 'Η', 'à'},       // Greek capital eta
		{"Đоàn Văn Xanh", "Đоàn", 'Đ', 'о'},        // Cyrillic о between Latin letters
		{"Сông ty Bình Mỹ", "Сông", 'С', 'ô'},      // Cyrillic С first
		{"Ρhường 1, Σector 2", "Ρhường", 'Ρ', 'h'}, // first mixed word wins
	}
	for _, tt := range mixed {
		w, a, b, ok := MixedWord(tt.s)
		if !ok || w != tt.word || a != tt.a || b != tt.b {
			t.Errorf("MixedWord(%q) = %q %q %q %v, want %q %q %q", tt.s, w, a, b, ok, tt.word, tt.a, tt.b)
		}
	}
	// Whole words of another script, and Latin words with other marks, are
	// not mixed.
	for _, s := range []string{"Võ Thị Mỹ Duyên", "Hợp tác với ООО Ромашка (Москва)", "hệ số α = 0,5", "Müller GmbH",
		"Nguye\u0302\u0303n", "人民 ABC", "Công ty 人民"} {
		if w, _, _, ok := MixedWord(s); ok {
			t.Errorf("MixedWord(%q) = %q", s, w)
		}
	}
}

func TestOddLetter(t *testing.T) {
	odd := map[string]rune{
		"Nguyễn Thị Thu Ｈà": 'Ｈ', // fullwidth
		"Đào ᴅuy Anh":       'ᴅ', // small capital
		"Nguyễn Thị Thu ʜà": 'ʜ',
		"Trần Văn ﬁ":        'ﬁ', // ligature
	}
	for s, want := range odd {
		if r, ok := OddLetter(s); !ok || r != want {
			t.Errorf("OddLetter(%q) = %q, %v; want %q", s, r, ok, want)
		}
	}
	for _, s := range []string{"Nguyễn Thị Thu Hà", "Đặng Ưng Ởn", "Ōtani Shōhei", "Müller Łukasz Øster", "Pha\u0323m", "Hà Nội 2", "Αnh"} {
		if r, ok := OddLetter(s); ok {
			t.Errorf("OddLetter(%q) = %q; want none", s, r)
		}
	}
}

func TestFoldName(t *testing.T) {
	same := [][2]string{
		{"Võ Thị Mỹ Duyen", "Võ Thị Mỹ Duyеn"},    // Cyrillic е
		{"Võ Thị Mỹ Duyên", "VÕ THỊ MỸ DUYÊN"},    // case
		{"Võ Thị Mỹ Duyên", " Võ  Thị Mỹ\tDuyên"}, // white space
		{"Lê Thị Hòa", "Lê Thị Hoà"},              // old and new tone placement
		{"Nguyễn Thị Thủy", "Nguyễn Thị Thuỷ"},
		{"Trần Văn Ọc", "Trần Văn Ọc"},
		{"Đoàn Văn Xanh", "Đоàn Văn Хanh"}, // Cyrillic о and Х
		{"Phạm Văn An", "Pha\u0323m Va\u0306n An"},
		{"Anh", "Αnh"}, // Greek Alpha
		{"Nguyễn Thị Thu Hà", "Nguyễn Thị Thu Ｈà"}, // fullwidth Ｈ
		{"Đào Duy Anh", "Đào Ｄuy Ａnh"},
	}
	for _, p := range same {
		if a, b := FoldName(p[0]), FoldName(p[1]); a != b {
			t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q; want equal", p[0], a, p[1], b)
		}
	}
	different := [][2]string{
		{"Lê Thị Hòa", "Lê Thị Hoa"},
		{"Lê Thị Hòa", "Lê Thị Hóa"},
		{"Nguyễn Văn Tâm", "Nguyễn Văn Tám"},
		{"Trần Thị Bích", "Trần Thị Bịch"},
		{"Đào Văn Sơn", "Dao Van Son"},
		{"Lê Văn Ơn", "Lê Văn On"},
		{"Võ Thị Mỹ Duyên", "Võ Thị Mỹ Duyen"},
	}
	for _, p := range different {
		if a, b := FoldName(p[0]), FoldName(p[1]); a == b {
			t.Errorf("FoldName(%q) = FoldName(%q) = %q; want different", p[0], p[1], a)
		}
	}
}

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"Nguyễn Văn Hòa", "Nguyễn Văn Hoà", true},
		{"Trần Thị Thủy", "TRẦN THỊ THUỶ", true},
		{"Nguyễn  Văn\u00a0Tài", "Nguyễn Văn Tài", true},
		{"Nguyễn Văn Tài", "Nguyễn Văn Tại", false},
	} {
		if got := SameName(c.a, c.b); got != c.same {
			t.Errorf("SameName(%q, %q) = %v", c.a, c.b, got)
		}
	}
}
