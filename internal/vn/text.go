package vn

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode Normalization Form C (precomposed characters).
func NFC(s string) string {
	return norm.NFC.String(s)
}

// isTrimSpace reports whether r is white space or an invisible format
// character that should never survive at the edges of a field.
func isTrimSpace(r rune) bool {
	if unicode.IsSpace(r) { // includes U+00A0 NO-BREAK SPACE
		return true
	}
	switch r {
	case '\u200B', // ZERO WIDTH SPACE
		'\u200C', // ZERO WIDTH NON-JOINER
		'\u200D', // ZERO WIDTH JOINER
		'\u2060', // WORD JOINER
		'\uFEFF': // ZERO WIDTH NO-BREAK SPACE / byte order mark
		return true
	}
	return false
}

// Clean returns NFC(s) with leading and trailing white space removed,
// including NBSP (U+00A0), zero-width space (U+200B), zero-width
// (non-)joiners, word joiner (U+2060) and BOM (U+FEFF).
func Clean(s string) string {
	return strings.TrimFunc(NFC(s), isTrimSpace)
}

// Upper upper-cases Vietnamese text and returns it in NFC. Tone mark
// placement is kept as given ("hoà" -> "HOÀ", "hòa" -> "HÒA"); NFD input
// is accepted.
func Upper(s string) string {
	return NFC(strings.ToUpper(NFC(s)))
}

// Lower lower-cases Vietnamese text and returns it in NFC. Tone mark
// placement is kept as given; NFD input is accepted.
func Lower(s string) string {
	return NFC(strings.ToLower(NFC(s)))
}

// ASCII folds Vietnamese text to ASCII: đ -> d, Đ -> D and all combining
// marks (tones and vowel diacritics) removed ("Đặng Thị Ửng" -> "Dang Thi
// Ung"). Characters outside Vietnamese that have no decomposition to ASCII
// are kept unchanged (in NFC).
func ASCII(s string) string {
	s = NFC(s)
	s = strings.NewReplacer("đ", "d", "Đ", "D").Replace(s)
	d := norm.NFD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	return NFC(b.String())
}

// Slug returns a file-name-safe slug of s made only of [a-z0-9-]: s is
// folded with ASCII and lower-cased, every run of other characters becomes
// a single "-", and leading/trailing "-" are removed. If max > 0 and the
// slug is longer than max bytes it is cut at the last "-" that keeps it
// within max (or hard-cut at max when the first word alone is too long);
// the result never ends in "-". max <= 0 means no limit. Slug returns ""
// when nothing is left.
func Slug(s string, max int) string {
	folded := strings.ToLower(ASCII(s))
	var b strings.Builder
	b.Grow(len(folded))
	dash := false
	for _, r := range folded {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if max <= 0 || len(out) <= max {
		return out
	}
	cut := out[:max]
	if out[max] != '-' { // cutting inside a word: go back to the last boundary
		if i := strings.LastIndexByte(cut, '-'); i > 0 {
			cut = cut[:i]
		}
	}
	return strings.TrimRight(cut, "-")
}
