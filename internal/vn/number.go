package vn

import (
	"fmt"
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

// PointLetterCount is the number of point letters: PointLetter(n) has
// (n-1)/PointLetterCount + 1 letters.
const PointLetterCount = len(pointLetters)

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

// Percent formats num/den as a Vietnamese percentage with a decimal
// comma, "." as the thousands separator and no space before "%": a whole
// percentage without decimals ((1, 2) -> "50%", (25, 2) -> "1.250%"),
// any other with two, rounded half away from zero ((10, 11) ->
// "90,91%", (1, 8) -> "12,50%"). den <= 0 returns "".
func Percent(num, den int) string {
	if den <= 0 {
		return ""
	}
	// Hundredths of a percent: (2*|num|*10000 + den) / (2*den), computed
	// with math/big so that no input can overflow; exact when the
	// remainder of 100*|num| by den is zero.
	abs := new(big.Int).Abs(big.NewInt(int64(num)))
	whole, rem := new(big.Int).QuoRem(new(big.Int).Mul(abs, big.NewInt(100)), big.NewInt(int64(den)), new(big.Int))
	var s string
	if rem.Sign() == 0 {
		s = groupThousands(whole.String())
	} else {
		t := new(big.Int).Mul(abs, big.NewInt(20000))
		t.Add(t, big.NewInt(int64(den)))
		t.Quo(t, new(big.Int).Mul(big.NewInt(2), big.NewInt(int64(den))))
		digits := fmt.Sprintf("%03s", t.String())
		s = groupThousands(digits[:len(digits)-2]) + "," + digits[len(digits)-2:]
	}
	if num < 0 && strings.Trim(s, "0,.") != "" {
		s = "-" + s
	}
	return s + "%"
}

// Money formats an amount of money (or any whole number) with "." as the
// thousands separator, as official documents print it:
// 447305000000 -> "447.305.000.000", -1200000 -> "-1.200.000".
func Money(n int64) string {
	if n < 0 {
		// Through uint64 so that math.MinInt64 does not overflow.
		return "-" + groupThousands(strconv.FormatUint(uint64(-(n+1))+1, 10))
	}
	return groupThousands(strconv.FormatInt(n, 10))
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
