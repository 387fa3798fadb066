package vn

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// scriptNames names in Vietnamese the scripts a pasted letter most often
// comes from, in the order they are tried.
var scriptNames = []struct {
	table *unicode.RangeTable
	name  string
}{
	{unicode.Latin, "chữ Latinh"},
	{unicode.Cyrillic, "chữ Kirin (tiếng Nga…)"},
	{unicode.Greek, "chữ Hy Lạp"},
	{unicode.Han, "chữ Hán"},
	{unicode.Hiragana, "chữ Nhật"},
	{unicode.Katakana, "chữ Nhật"},
	{unicode.Hangul, "chữ Hàn"},
	{unicode.Thai, "chữ Thái Lan"},
	{unicode.Lao, "chữ Lào"},
	{unicode.Khmer, "chữ Khmer"},
	{unicode.Arabic, "chữ Ả Rập"},
	{unicode.Hebrew, "chữ Do Thái"},
	{unicode.Armenian, "chữ Armenia"},
	{unicode.Georgian, "chữ Gruzia"},
	{unicode.Devanagari, "chữ Phạn (Devanagari)"},
	{unicode.Tai_Viet, "chữ Thái Việt"},
	{unicode.Cham, "chữ Chăm"},
}

// ScriptName names the script of the letter r in Vietnamese ("chữ Latinh",
// "chữ Kirin (tiếng Nga…)", "chữ Hán"…), "chữ khác" for a letter of a
// script not listed and "" for a character that is not a letter.
func ScriptName(r rune) string {
	if !unicode.IsLetter(r) {
		return ""
	}
	for _, s := range scriptNames {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return "chữ khác"
}

// NonLatin returns the first letter of s that is not a Latin letter (the
// letters Vietnamese is written in), and whether there is one. Digits,
// punctuation and combining marks are not letters.
func NonLatin(s string) (rune, bool) {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) && r != modifierApostrophe {
			return r, true
		}
	}
	return 0, false
}

// modifierApostrophe (ʼ, U+02BC) is the apostrophe Unicode recommends
// inside words; names of the Central Highlands are written with it ("Hʼ
// Hen Niê", "Ea Hʼleo") as often as with ' or ’.
const modifierApostrophe = '\u02bc'

// nameLatin are the blocks of the Latin letters a name is written in:
// ASCII, Latin-1, Latin Extended-A and -B and Latin Extended Additional
// (the precomposed Vietnamese letters). The other Latin letters are
// look-alikes: small capitals (ᴅ, ʜ), phonetic letters, fullwidth forms (Ｄ).
var nameLatin = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x0041, Hi: 0x005a, Stride: 1}, {Lo: 0x0061, Hi: 0x007a, Stride: 1},
	{Lo: 0x00c0, Hi: 0x024f, Stride: 1}, {Lo: 0x1e00, Hi: 0x1eff, Stride: 1},
}}

// OddLetter returns the first Latin letter of s that a name is not written
// with, and whether there is one: a compatibility form (its NFKC form
// differs, as fullwidth Ｄ or ligature ﬁ) or a letter outside the blocks of
// the Latin alphabets (small capital ᴅ, phonetic ʜ). Such a letter looks
// like an ordinary one but is not found by a search and hides a duplicate.
// Letters of other scripts are NonLatin's and MixedWord's.
func OddLetter(s string) (rune, bool) {
	for _, r := range s {
		if r < utf8.RuneSelf || !unicode.IsLetter(r) || !unicode.Is(unicode.Latin, r) {
			continue // ASCII letters are the alphabet's own
		}
		if oddLatin(r) {
			return r, true
		}
	}
	return 0, false
}

// oddLetters remembers oddLatin's answer for each letter met: names are
// checked once per value, and Vietnamese uses a few hundred letters.
var oddLetters sync.Map // rune → bool

// oddLatin reports whether a Latin letter is a compatibility form or its
// base letter lies outside the Latin alphabets (see OddLetter).
func oddLatin(r rune) bool {
	if odd, ok := oddLetters.Load(r); ok {
		return odd.(bool)
	}
	one := string(r)
	base, _ := utf8.DecodeRuneInString(norm.NFD.String(one))
	odd := !unicode.Is(nameLatin, base) || norm.NFKC.String(one) != norm.NFC.String(one)
	oddLetters.Store(r, odd)
	return odd
}

// lookAlike lists the scripts whose letters pass for Latin ones.
var lookAlike = []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek}

// MixedWord returns the first word of s whose letters come from more than
// one of the Latin, Cyrillic and Greek scripts ("Duyеn" with a Cyrillic е),
// with one letter of each of the first two scripts met, and whether there
// is such a word. Such a word looks like a Vietnamese one but is not: it
// is not found by a search, sorts apart and is not a duplicate of the
// word it imitates. A word is a run of letters and combining marks.
func MixedWord(s string) (word string, a, b rune, ok bool) {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) }) {
		var first rune
		firstScript := -1
		for _, r := range w {
			for k, t := range lookAlike {
				if !unicode.Is(t, r) {
					continue
				}
				switch {
				case firstScript < 0:
					first, firstScript = r, k
				case k != firstScript:
					return w, first, r, true
				}
			}
		}
	}
	return "", 0, 0, false
}

// confusables maps Cyrillic and Greek lower-case letters to the Latin
// letter they look like in print. Only letters that pass for a plain Latin
// letter are listed: the rest of those scripts looks foreign at a glance.
var confusables = strings.NewReplacer(
	// Cyrillic
	"а", "a", "в", "b", "е", "e", "ё", "ë", "к", "k", "м", "m", "н", "h", "о", "o", "р", "p",
	"с", "c", "т", "t", "у", "y", "х", "x", "і", "i", "ї", "ï", "ј", "j", "ѕ", "s", "ԁ", "d",
	"һ", "h", "ԛ", "q", "ԝ", "w", "ү", "y", "ӏ", "l",
	// Greek
	"α", "a", "β", "b", "ε", "e", "η", "n", "ι", "i", "κ", "k", "μ", "u", "ν", "v", "ο", "o",
	"ρ", "p", "τ", "t", "υ", "u", "χ", "x", "γ", "y", "ω", "w",
)

// tones are the five Vietnamese tone marks as combining characters.
const tones = string(toneGrave) + string(toneAcute) + string(toneTilde) + string(toneHook) + string(toneDot)

// SameName reports whether two names are the same person's, written as
// clerks write them: tone marks old or new style (Hoà, Hòa), any case,
// spaces doubled or non-breaking (see FoldName).
func SameName(a, b string) bool { return FoldName(a) == FoldName(b) }

// FoldName reduces a name to the form two spellings of the same name share,
// to find duplicates: compatibility forms folded (NFKC: fullwidth Ｄ is D),
// lower case, Cyrillic and Greek look-alike letters
// replaced by the Latin letters they imitate, each word's tone mark moved
// to the end of the word (so "Hoà" and "Hòa", "Thuỷ" and "Thủy" fold
// alike) and white space collapsed to single spaces. Different names keep
// different folds: letters, vowel marks and tones are kept. The result is
// a key, not text to show.
func FoldName(s string) string {
	s = confusables.Replace(Lower(norm.NFKC.String(s)))
	words := strings.Fields(s)
	for i, w := range words {
		var base strings.Builder
		tone := ""
		for _, r := range norm.NFD.String(w) {
			if strings.ContainsRune(tones, r) {
				tone = string(r)
				continue
			}
			base.WriteRune(r)
		}
		words[i] = NFC(base.String()) + tone
	}
	return strings.Join(words, " ")
}
