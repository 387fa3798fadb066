package vn

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// Names of the legacy Vietnamese encodings LegacyEncoding and
// GuessEncoding recognise.
const (
	TCVN3       = "TCVN3"        // TCVN 5712:1993 VN3, the "ABC" fonts (.VnTime, .VnTimeH)
	VNI         = "VNI"          // VNI-Windows, the VNI fonts (VNI-Times)
	Windows1258 = "Windows-1258" // Microsoft's Vietnamese code page
	Windows1252 = "Windows-1252" // Western European (Latin-1) code page
)

// tcvn3Rows is the TCVN3 (ABC) table as its look-alikes: text typed in a
// .VnTime font and pasted into a Unicode program shows each TCVN3 byte as
// the Windows-1252/Latin-1 character with the same code. Each row gives a
// vowel (or đ) without tone, with sắc, huyền, hỏi, ngã and nặng, then the
// same letters as they show when pasted. The capitals with tones have no
// code of their own: the .VnTimeH fonts draw the small letters' codes as
// capitals ("CéNG HOµ" is "CỘNG HOÀ").
var tcvn3Rows = [][2]string{
	{"aáàảãạ", "a¸µ¶·¹"},
	{"ăắằẳẵặ", "¨¾»¼½Æ"},
	{"âấầẩẫậ", "©ÊÇÈÉË"},
	{"eéèẻẽẹ", "eÐÌÎÏÑ"},
	{"êếềểễệ", "ªÕÒÓÔÖ"},
	{"iíìỉĩị", "iÝ×ØÜÞ"},
	{"oóòỏõọ", "oãßáâä"},
	{"ôốồổỗộ", "«èåæçé"},
	{"ơớờởỡợ", "¬íêëìî"},
	{"uúùủũụ", "uóïñòô"},
	{"ưứừửữự", "\u00adøõö÷ù"}, // ư is 0xAD, a soft hyphen in Latin-1
	{"yýỳỷỹỵ", "yýúûüþ"},
	{"đ", "®"},
	{"ĂÂÊÔƠƯĐ", "¡¢£¤¥¦§"},
}

// vniRows is the VNI-Windows table: VNI writes a toned or marked vowel as
// the base letter followed by a mark character (ơ, ư, đ and the i's are
// single characters). Each row gives a vowel without tone, with sắc,
// huyền, hỏi, ngã and nặng, and its six VNI spellings. Capitals are the
// same spellings in capitals ("UÛy ban nhaân daân" is "Ủy ban nhân dân").
var vniRows = []struct {
	letters string
	vni     [6]string
}{
	{"aáàảãạ", [6]string{"a", "aù", "aø", "aû", "aõ", "aï"}},
	{"âấầẩẫậ", [6]string{"aâ", "aá", "aà", "aå", "aã", "aä"}},
	{"ăắằẳẵặ", [6]string{"aê", "aé", "aè", "aú", "aü", "aë"}},
	{"eéèẻẽẹ", [6]string{"e", "eù", "eø", "eû", "eõ", "eï"}},
	{"êếềểễệ", [6]string{"eâ", "eá", "eà", "eå", "eã", "eä"}},
	{"iíìỉĩị", [6]string{"i", "í", "ì", "æ", "ó", "ò"}},
	{"oóòỏõọ", [6]string{"o", "où", "oø", "oû", "oõ", "oï"}},
	{"ôốồổỗộ", [6]string{"oâ", "oá", "oà", "oå", "oã", "oä"}},
	{"ơớờởỡợ", [6]string{"ô", "ôù", "ôø", "ôû", "ôõ", "ôï"}},
	{"uúùủũụ", [6]string{"u", "uù", "uø", "uû", "uõ", "uï"}},
	{"ưứừửữự", [6]string{"ö", "öù", "öø", "öû", "öõ", "öï"}},
	{"yýỳỷỹỵ", [6]string{"y", "yù", "yø", "yû", "yõ", "î"}},
}

// vniD is đ in VNI.
const vniD = "ñ"

// strongTCVN3 are TCVN3 look-alikes that are not letters of Vietnamese or
// of the common Latin languages: one of them in a word that reads as
// Vietnamese once converted is evidence enough.
const strongTCVN3 = "¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾×÷Þþ"

// strongVNI are the VNI marks that are no Vietnamese letter.
const strongVNI = "øØûÛïÏåÅäÄüÜëËæÆîÎöÖñÑ"

var (
	tcvn3Map = map[rune]rune{}   // look-alike → letter
	vniMap   = map[string]rune{} // one or two look-alikes → letter
	legacyRs = map[rune]bool{}   // every look-alike of either table
)

func init() {
	for _, row := range tcvn3Rows {
		letters, codes := []rune(row[0]), []rune(row[1])
		for i, c := range codes {
			if c != letters[i] {
				tcvn3Map[c] = letters[i]
				legacyRs[c] = true
			}
		}
	}
	add := func(seq string, letter rune) {
		if seq != string(letter) {
			vniMap[seq] = letter
			for _, r := range seq {
				if r >= 0x80 {
					legacyRs[r] = true
				}
			}
		}
	}
	for _, row := range vniRows {
		letters := []rune(row.letters)
		for i, seq := range row.vni {
			up := unicode.ToUpper(letters[i])
			add(seq, letters[i])
			add(strings.ToUpper(seq), up)
			// A capital base with a small mark, or the reverse, keeps the
			// base letter's case.
			if rs := []rune(seq); len(rs) == 2 {
				add(string([]rune{unicode.ToUpper(rs[0]), rs[1]}), up)
				add(string([]rune{rs[0], unicode.ToUpper(rs[1])}), letters[i])
			}
		}
	}
	add(vniD, 'đ')
	add(strings.ToUpper(vniD), 'Đ')
}

// codec converts one word from a legacy encoding's look-alikes.
type codec struct {
	name   string
	strong string
	decode func(word []rune, caps bool) (string, bool)
}

var codecs = []codec{
	{TCVN3, strongTCVN3, decodeTCVN3},
	{VNI, strongVNI, decodeVNI},
}

// decodeTCVN3 converts a word of TCVN3 look-alikes; changed reports
// whether any character was converted. In text typed in capitals (in a
// .VnTimeH font) the converted letters are capitals too.
func decodeTCVN3(word []rune, caps bool) (string, bool) {
	var b strings.Builder
	changed := false
	for _, r := range word {
		if l, ok := tcvn3Map[r]; ok {
			changed = true
			if caps {
				l = unicode.ToUpper(l)
			}
			r = l
		}
		b.WriteRune(r)
	}
	return b.String(), changed
}

// decodeVNI converts a word of VNI look-alikes, two characters (base and
// mark) before one.
func decodeVNI(word []rune, _ bool) (string, bool) {
	var b strings.Builder
	changed := false
	for i := 0; i < len(word); i++ {
		if i+1 < len(word) {
			if l, ok := vniMap[string(word[i:i+2])]; ok {
				b.WriteRune(l)
				changed = true
				i++
				continue
			}
		}
		if l, ok := vniMap[string(word[i])]; ok {
			b.WriteRune(l)
			changed = true
			continue
		}
		b.WriteRune(word[i])
	}
	return b.String(), changed
}

// words splits s into words: runs of letters, combining marks and the
// look-alikes of the legacy tables (some of which are symbols: ©, ×).
func words(s string) [][]rune {
	var out [][]rune
	var cur []rune
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || legacyRs[r] {
			cur = append(cur, r)
			continue
		}
		if len(cur) > 0 {
			out = append(out, cur)
			cur = nil
		}
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// caseOK reports whether a word is in small letters, in capitals or
// capitalised, as real words are.
func caseOK(word []rune) bool {
	upper, lower := 0, 0
	for i, r := range word {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i > 0 && lower > 0 {
				return false
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	return upper <= 1 || lower == 0
}

// legacyScore counts, in s, the words that read as Vietnamese only once
// converted from c's look-alikes (evidence) and those that read as
// Vietnamese only as they are (counter-evidence). strong tells whether some
// evidence word holds a character that no Latin-script text uses as a
// letter.
func legacyScore(s string, c codec) (evidence, counter int, strong bool) {
	for _, w := range words(s) {
		if len(w) < 2 {
			continue
		}
		conv, changed := c.decode(w, false)
		if !changed {
			continue
		}
		asIs := caseOK(w) && syllable(string(w))
		after := syllable(conv)
		switch {
		case after && !asIs && hasASCIILetter(w):
			evidence++
			for _, r := range w {
				strong = strong || strings.ContainsRune(c.strong, r)
			}
		case asIs && !after:
			counter++
		}
	}
	return evidence, counter, strong
}

func hasASCIILetter(w []rune) bool {
	for _, r := range w {
		if r < utf8.RuneSelf && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// LegacyEncoding reports whether s is Vietnamese text typed in a legacy
// 8-bit encoding and pasted into Unicode text, where it shows as Latin-1
// look-alikes: TCVN3 ("Uû ban nh©n d©n" for "Ủy ban nhân dân") or VNI
// ("UÛy ban nhaân daân"). name is TCVN3 or VNI.
//
// The test is conservative: a word counts only if it is not a Vietnamese
// syllable as written but becomes one when read through the encoding's
// table (see tcvn3Rows and vniRows), and it contains an ASCII letter. s is
// reported when at least two words count and they outnumber the words
// that read the other way round, or when one word counts, none reads the
// other way and it holds a character no Latin-script language uses as a
// letter (©, µ, ¸ in TCVN3; Û, ø, ï in VNI). Vietnamese written in Unicode
// and ordinary English, French or German text are never reported.
func LegacyEncoding(s string) (name string, ok bool) {
	best, bestEv := "", 0
	for _, c := range codecs {
		ev, counter, strong := legacyScore(s, c)
		if (ev >= 2 && ev > counter || ev == 1 && counter == 0 && strong) && ev > bestEv {
			best, bestEv = c.name, ev
		}
	}
	return best, best != ""
}

// DecodeLegacy converts s from the look-alikes of the legacy encoding name
// (TCVN3 or VNI, as LegacyEncoding returns), word by word; a word that
// reads as Vietnamese as it is but not once converted is kept. It returns NFC text; for any
// other name it returns s unchanged.
func DecodeLegacy(s, name string) string {
	var c *codec
	for i := range codecs {
		if codecs[i].name == name {
			c = &codecs[i]
		}
	}
	if c == nil {
		return s
	}
	// Text whose ASCII letters are all capitals was typed in capitals.
	upper, lower := 0, 0
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			upper++
		case r >= 'a' && r <= 'z':
			lower++
		}
	}
	caps := upper >= 2 && lower == 0
	var b strings.Builder
	var cur []rune
	flush := func() {
		if len(cur) == 0 {
			return
		}
		if conv, changed := c.decode(cur, caps); changed && (syllable(conv) || !(caseOK(cur) && syllable(string(cur)))) {
			b.WriteString(conv)
		} else {
			b.WriteString(string(cur))
		}
		cur = nil
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || legacyRs[r] {
			cur = append(cur, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return NFC(b.String())
}

// GuessEncoding guesses the encoding of b, a text that is not valid UTF-8,
// for a message telling the user how to save it: TCVN3 or VNI (bytes of a
// file typed in those fonts), Windows1258 (Vietnamese saved by a Windows
// program in the "ANSI" code page), Windows1252 (a Western text), or ""
// when there is no telling.
func GuessEncoding(b []byte) string {
	// The legacy fonts' bytes read as Windows-1252 are their look-alikes;
	// Windows-1258 text is Vietnamese once decoded. The reading that gives
	// the most Vietnamese words wins.
	latin := latin1(b)
	best, score := "", 0
	for _, c := range codecs {
		if ev, counter, _ := legacyScore(latin, c); ev > counter && ev > score {
			best, score = c.name, ev
		}
	}
	if cp, err := charmap.Windows1258.NewDecoder().Bytes(b); err == nil {
		good, bad := 0, 0
		for _, w := range words(norm.NFC.String(string(cp))) {
			if !hasNonASCII(w) {
				continue
			}
			if syllable(string(w)) {
				good++
			} else {
				bad++
			}
		}
		if good > bad && good > score {
			best = Windows1258
		}
	}
	if best != "" {
		return best
	}
	for _, w := range words(latin) {
		if hasNonASCII(w) && hasASCIILetter(w) {
			return Windows1252 // a word with an accented letter: café
		}
	}
	return ""
}

// latin1 reads b as Windows-1252 (Latin-1 with the printable characters
// of 0x80–0x9F).
func latin1(b []byte) string {
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return string(b)
	}
	return string(s)
}

func hasNonASCII(w []rune) bool {
	for _, r := range w {
		if r >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// LegacyFont reports whether a font name is one of the legacy Vietnamese
// fonts, whose text is stored in their 8-bit encoding and reads as
// Latin-1 look-alikes in any other font: the ABC fonts (.VnTime,
// .VnTimeH, .VnArial…) use TCVN3, the VNI fonts (VNI-Times, VNI-Helve…)
// VNI. name is TCVN3 or VNI.
func LegacyFont(font string) (name string, ok bool) {
	f := strings.ToLower(strings.TrimSpace(font))
	switch {
	case strings.HasPrefix(f, ".vn"):
		return TCVN3, true
	case strings.HasPrefix(f, "vni-"), strings.HasPrefix(f, "vni "):
		return VNI, true
	}
	return "", false
}

// LegacyLabel names a legacy encoding (TCVN3 or VNI) for a person, with
// the fonts that give it away.
func LegacyLabel(name string) string {
	switch name {
	case TCVN3:
		return "TCVN3 (ABC, phông .VnTime)"
	case VNI:
		return "VNI (phông VNI-Times)"
	}
	return name
}

// LegacyHint tells a person how to convert text typed in a legacy encoding
// (TCVN3 or VNI) to Unicode with Unikey, the tool Vietnamese offices use.
func LegacyHint(name string) string {
	src := "TCVN3 (ABC)"
	if name == VNI {
		src = "VNI Windows"
	}
	return "Hãy chuyển sang Unicode, ví dụ bằng Unikey: chép đoạn văn bản, mở Công cụ chuyển mã (Ctrl+Shift+F6),\n" +
		"chọn Nguồn: " + src + ", Đích: Unicode, bấm \"Chuyển mã\", rồi dán lại."
}
