package vn

import (
	"math/big"
	"strconv"
	"strings"
)

// digitWords are the plain Vietnamese digit names.
var digitWords = [10]string{
	"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
}

// billion is the "tỷ" unit; larger numbers repeat it ("một nghìn tỷ").
const billion = 1_000_000_000

// NumberInWords spells n in Vietnamese following standard official usage
// ("nghìn", "linh", "tỷ"): 21 -> "hai mươi mốt", 105 -> "một trăm linh
// năm", 1005 -> "một nghìn không trăm linh năm", 10^12 -> "một nghìn tỷ".
// After "mươi" a unit 1 is "mốt", 4 is "tư" and 5 is "lăm"; after "mười"
// 5 is "lăm". A non-zero group below 100 that follows a higher group is
// read with "không trăm". Negative numbers are prefixed with "âm ".
func NumberInWords(n int64) string {
	if n == 0 {
		return digitWords[0]
	}
	if n < 0 {
		// Negate in uint64 so that math.MinInt64 does not overflow.
		return "âm " + strings.Join(spellUint(uint64(-(n+1))+1, false), " ")
	}
	return strings.Join(spellUint(uint64(n), false), " ")
}

// spellUint spells u > 0. When full is true a higher-order part has
// already been spoken, so the leading group must say its hundreds.
func spellUint(u uint64, full bool) []string {
	var words []string
	if u >= billion {
		words = append(words, spellUint(u/billion, full)...)
		words = append(words, "tỷ")
		u %= billion
		full = true
	}
	if u == 0 {
		return words
	}
	groups := [3]struct {
		div  uint64
		unit string
	}{{1_000_000, "triệu"}, {1_000, "nghìn"}, {1, ""}}
	for _, g := range groups {
		v := int(u / g.div % 1000)
		if v == 0 {
			continue
		}
		words = append(words, spellGroup(v, full)...)
		if g.unit != "" {
			words = append(words, g.unit)
		}
		full = true
	}
	return words
}

// spellGroup spells a three-digit group 0 < v < 1000. When full is true
// the hundreds are always spoken ("không trăm linh năm").
func spellGroup(v int, full bool) []string {
	h, t, u := v/100, v/10%10, v%10
	var w []string
	if h > 0 || full {
		w = append(w, digitWords[h], "trăm")
	}
	switch {
	case t == 0:
		if u == 0 {
			break
		}
		if len(w) > 0 {
			w = append(w, "linh")
		}
		w = append(w, digitWords[u])
	case t == 1:
		w = append(w, "mười")
		switch u {
		case 0:
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digitWords[u])
		}
	default:
		w = append(w, digitWords[t], "mươi")
		switch u {
		case 0:
		case 1:
			w = append(w, "mốt")
		case 4:
			w = append(w, "tư")
		case 5:
			w = append(w, "lăm")
		default:
			w = append(w, digitWords[u])
		}
	}
	return w
}

// Roman returns the upper-case Roman numeral for 1 <= n <= 3999 ("XIV",
// "MCMXCIX"); other values are returned as a decimal string.
func Roman(n int) string {
	if n <= 0 || n > 3999 {
		return strconv.Itoa(n)
	}
	vals := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// pointLetters is the NĐ 30/2020 sequence of letters for points (điểm):
// the Vietnamese alphabet without f, j, w, z and without letters carrying
// diacritics, except đ.
var pointLetters = [...]string{
	"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
}

// PointLetter returns the n-th (1-based) point letter: a, b, c, d, đ, e,
// g, ..., x, y (23 letters), then doubled letters "aa", "bb", ..., "yy",
// then tripled, and so on. n <= 0 returns "".
func PointLetter(n int) string {
	if n <= 0 {
		return ""
	}
	k := len(pointLetters)
	return strings.Repeat(pointLetters[(n-1)%k], (n-1)/k+1)
}

// Percent formats num/den as a Vietnamese percentage rounded half away
// from zero to at most one decimal, with a decimal comma, "." as the
// thousands separator and no space before "%": (8, 9) -> "88,9%",
// (1, 2) -> "50%", (25, 2) -> "1.250%". den <= 0 returns "".
func Percent(num, den int) string {
	if den <= 0 {
		return ""
	}
	// Tenths of a percent: (2*|num|*1000 + den) / (2*den), computed with
	// math/big so that no input can overflow.
	t := new(big.Int).Abs(big.NewInt(int64(num)))
	t.Mul(t, big.NewInt(2000))
	t.Add(t, big.NewInt(int64(den)))
	t.Quo(t, new(big.Int).Mul(big.NewInt(2), big.NewInt(int64(den))))
	digits := t.String()
	if len(digits) < 2 {
		digits = "0" + digits
	}
	whole, frac := digits[:len(digits)-1], digits[len(digits)-1:]
	s := groupThousands(whole)
	if frac != "0" {
		s += "," + frac
	}
	if num < 0 && t.Sign() != 0 {
		s = "-" + s
	}
	return s + "%"
}

// groupThousands inserts "." between groups of three digits of the
// decimal digit string s.
func groupThousands(s string) string {
	if len(s) <= 3 {
		return s
	}
	var b strings.Builder
	pre := len(s) % 3
	b.WriteString(s[:pre])
	for i := pre; i < len(s); i += 3 {
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s[i : i+3])
	}
	return b.String()
}
