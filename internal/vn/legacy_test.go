package vn

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

func TestSyllable(t *testing.T) {
	good := strings.Fields(`a ăn ấy Nguyễn Trường Hòa hoà Ủy Uỷ quốc Quỳnh giữa gì già giặt nghiêng
		khuya khuỷu chuyên quyết xoong thuở người rượu tuổi khuấy hoặc oanh huỳnh huých
		kỹ ký cộng đồng nhân dân việt nam xã phường thành phố chí minh bình mỹ tân sơn
		CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM ĐỘC LẬP TỰ DO HẠNH PHÚC`)
	for _, w := range good {
		if !syllable(w) {
			t.Errorf("syllable(%q) = false, want true", w)
		}
	}
	bad := strings.Fields(`céng kan ghan ngi ngha hàt bác̀ aâ nhaân café Müller straße crème
		xyz bcd q ©n uû nh©n áá ich̃`)
	for _, w := range bad {
		if syllable(w) {
			t.Errorf("syllable(%q) = true, want false", w)
		}
	}
}

func TestLegacyEncodingExamples(t *testing.T) {
	cases := []struct{ in, name, want string }{
		{"Uû ban nh©n d©n", TCVN3, "Uỷ ban nhân dân"},
		{"CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", TCVN3, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"Uû ban nh©n d©n x· B×nh Mü", TCVN3, "Uỷ ban nhân dân xã Bình Mỹ"},
		{"NguyÔn V¨n Tµi", TCVN3, "Nguyễn Văn Tài"},
		{"Tr\u00adêng TiÓu häc Lª Lîi", TCVN3, "Trường Tiểu học Lê Lợi"},
		{"Lª", TCVN3, "Lê"}, // one word, but ª is no letter of any Latin text
		{"UÛy ban nhaân daân", VNI, "Ủy ban nhân dân"},
		{"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", VNI, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"Nguyeãn Vaên Taøi", VNI, "Nguyễn Văn Tài"},
		{"Tröôøng Tieåu hoïc Leâ Lôïi", VNI, "Trường Tiểu học Lê Lợi"},
	}
	for _, c := range cases {
		name, ok := LegacyEncoding(c.in)
		if !ok || name != c.name {
			t.Errorf("LegacyEncoding(%q) = %q, %v; want %q", c.in, name, ok, c.name)
		}
		if got := DecodeLegacy(c.in, c.name); got != c.want {
			t.Errorf("DecodeLegacy(%q, %s) = %q, want %q", c.in, c.name, got, c.want)
		}
	}
}

func TestLegacyEncodingLeavesRealTextAlone(t *testing.T) {
	texts := []string{
		"Ủy ban nhân dân phường Tân Sơn Hòa", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Độc lập - Tự do - Hạnh phúc", "Nguyễn Thị Ánh Tuyết", "Đắk Lắk, Kon Tum, Pleiku",
		"Hoàn thành xuất sắc nhiệm vụ năm 2025; tỷ lệ 99% trẻ em trong độ tuổi.",
		"Giấy khen của Chủ tịch Ủy ban nhân dân", "Công ty TNHH Một thành viên Cà phê Sài Gòn",
		// Latin-script text with the characters the tables use.
		"Le café crème est très apprécié à Noël, déjà à côté du théâtre.",
		"Müller und Söhne GmbH, Straße der Einheit, Grüße aus Köln",
		"El niño comió piñata en la montaña; año, señor, acción",
		"São Paulo, coração, informação, não, irmã",
		"© 2025 Công ty ABC. Kích thước 5 µm, 3 × 4 ÷ 2, Nº 5, 1ª edição",
		"naïve résumé façade coöperate Zoë Brontë",
		"Ðinh Công Tráng", // Ð (U+00D0) typed for Đ
	}
	for _, s := range texts {
		if name, ok := LegacyEncoding(s); ok {
			t.Errorf("LegacyEncoding(%q) = %s, want nothing", s, name)
		}
	}
}

// realLines returns the lines of the repository's Vietnamese texts.
func realLines(t *testing.T) []string {
	t.Helper()
	files, _ := filepath.Glob("../../samples/*.toml")
	files = append(files, "../../README.md", "../../cmd/hoso/skeleton.toml")
	var lines []string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
		fh.Close()
	}
	if len(lines) < 200 {
		t.Fatalf("only %d lines of Vietnamese text found", len(lines))
	}
	return lines
}

// TestLegacyEncodingRoundTrip encodes every line of the repository's
// Vietnamese texts into each legacy encoding's look-alikes: the original
// is never reported, the encoded text is whenever it has two words with
// diacritics, and DecodeLegacy gives the original back.
func TestLegacyEncodingRoundTrip(t *testing.T) {
	tcvn := map[rune]rune{}
	for k, v := range tcvn3Map {
		tcvn[v] = k
	}
	vni := map[rune]string{}
	for k, v := range vniMap {
		if old, ok := vni[v]; !ok || strings.ToUpper(k) == k && unicode.IsUpper(v) || len(k) < len(old) {
			if rs := []rune(k); len(rs) == 1 || unicode.IsUpper(rs[0]) == unicode.IsUpper(rs[1]) {
				vni[v] = k
			}
		}
	}
	encode := func(s string, table func(r rune) (string, bool)) string {
		var b strings.Builder
		for _, r := range NFC(s) {
			if e, ok := table(r); ok {
				b.WriteString(e)
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	detected, lines := 0, 0
	for _, line := range realLines(t) {
		if name, ok := LegacyEncoding(line); ok {
			t.Errorf("real text reported as %s: %q", name, line)
		}
		marked := 0
		for _, w := range words(line) {
			if hasNonASCII(w) && syllable(string(w)) {
				marked++
			}
		}
		if marked < 2 {
			continue
		}
		lines++
		low := Lower(line)
		for _, c := range []struct {
			name, text, want string
		}{
			{TCVN3, encode(low, func(r rune) (string, bool) { e, ok := tcvn[r]; return string(e), ok }), low},
			{VNI, encode(line, func(r rune) (string, bool) { e, ok := vni[r]; return e, ok }), line},
		} {
			if ambiguous(c.want, c.name) {
				continue // the line already holds look-alike characters ("×"): no round trip
			}
			name, ok := LegacyEncoding(c.text)
			if ok && name != c.name {
				t.Errorf("%s text taken for %s: %q", c.name, name, c.text)
			}
			if !ok {
				// Too little to tell: "cô quan" is VNI for "cơ quan" but
				// also Vietnamese as it is.
				t.Logf("%s text not recognised: %q", c.name, c.text)
				continue
			}
			detected++
			if got := DecodeLegacy(c.text, c.name); got != NFC(c.want) {
				t.Errorf("DecodeLegacy(%s):\n got %q\nwant %q", c.name, got, NFC(c.want))
			}
		}
	}
	if lines < 100 {
		t.Errorf("only %d lines tried", lines)
	}
	if detected < 2*lines*97/100 {
		t.Errorf("%d of %d encoded texts recognised, want 97%%", detected, 2*lines)
	}
	t.Logf("%d lines, %d encoded texts recognised", lines, detected)
}

// ambiguous reports whether s holds a symbol (not a letter) the encoding
// uses as a look-alike ("×"), so that encoding s and decoding it back
// cannot give s.
func ambiguous(s, encoding string) bool {
	for _, r := range s {
		if r < 0x80 || unicode.IsLetter(r) {
			continue
		}
		if encoding == TCVN3 {
			if _, ok := tcvn3Map[r]; ok {
				return true
			}
			continue
		}
		for k := range vniMap {
			if strings.ContainsRune(k, r) {
				return true
			}
		}
	}
	return false
}

func TestGuessEncoding(t *testing.T) {
	text := "Ủy ban nhân dân phường Tân Sơn Hòa, Nguyễn Văn Tài"
	// Windows-1258 has the marked vowels (â, ơ, ư...) but writes the tones
	// as combining characters.
	var split strings.Builder
	for _, r := range NFC(text) {
		var tone []rune
		var base strings.Builder
		for _, d := range norm.NFD.String(string(r)) {
			switch d {
			case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
				tone = append(tone, d)
			default:
				base.WriteRune(d)
			}
		}
		split.WriteString(NFC(base.String()) + string(tone))
	}
	cp1258, err := charmap.Windows1258.NewEncoder().String(split.String())
	if err != nil {
		t.Fatal(err)
	}
	latin, _ := charmap.Windows1252.NewEncoder().String("Le café crème, déjà vu")
	tcvn3, _ := charmap.Windows1252.NewEncoder().String("Uû ban nh©n d©n ph\u00adêng T©n S¬n Hoµ")
	vniB, _ := charmap.Windows1252.NewEncoder().String("UÛy ban nhaân daân phöôøng")
	cases := []struct {
		in   []byte
		want string
	}{
		{[]byte(cp1258), Windows1258},
		{[]byte(latin), Windows1252},
		{[]byte(tcvn3), TCVN3},
		{[]byte(vniB), VNI},
		{[]byte("abc \xff\x80 def"), ""},
	}
	for _, c := range cases {
		if got := GuessEncoding(c.in); got != c.want {
			t.Errorf("GuessEncoding(% x) = %q, want %q", c.in, got, c.want)
		}
	}
}
