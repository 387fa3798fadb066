package vn

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The five tone marks as combining characters (the sixth tone, ngang, has
// none).
const (
	toneGrave = '\u0300' // huyền
	toneAcute = '\u0301' // sắc
	toneTilde = '\u0303' // ngã
	toneHook  = '\u0309' // hỏi
	toneDot   = '\u0323' // nặng
)

// vietLetters is the Vietnamese alphabet without tone marks.
const vietLetters = "aăâbcdđeêghiklmnoôơpqrstuưvxy"

// Initial consonants, longest first so that "ngh" is tried before "ng".
var initials = []string{"ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", ""}

// Final consonants.
var finals = []string{"ch", "ng", "nh", "c", "m", "n", "p", "t", ""}

// How a vowel nucleus may end a syllable.
const (
	open   = 1 << iota // the syllable may end with the nucleus
	closed             // a final consonant may follow
)

// nuclei are the vowel nuclei of Vietnamese syllables (with their glides),
// without tone marks.
var nuclei = map[string]int{
	"a": open | closed, "ă": closed, "â": closed, "e": open | closed, "ê": open | closed,
	"i": open | closed, "o": open | closed, "ô": open | closed, "ơ": open | closed,
	"u": open | closed, "ư": open | closed, "y": open | closed,

	"ai": open, "ao": open, "au": open, "ay": open, "âu": open, "ây": open, "eo": open,
	"êu": open, "ia": open, "iu": open, "oi": open, "ôi": open, "ơi": open, "ua": open,
	"ui": open, "ưa": open, "ưi": open, "ưu": open, "uơ": open,
	"iê": closed, "yê": closed, "oă": closed, "oo": closed, "uâ": closed, "uô": closed, "ươ": closed,
	"oa": open | closed, "oe": open | closed, "uê": open | closed, "uy": open | closed,

	"iêu": open, "yêu": open, "oai": open, "oay": open, "oao": open, "oeo": open, "uây": open,
	"uôi": open, "ươi": open, "ươu": open, "uya": open, "uyu": open, "uyê": closed,
}

// syllable reports whether word (letters only, any case, NFC or NFD) is a
// well-formed Vietnamese syllable: an initial consonant, a vowel nucleus
// and a final consonant that Vietnamese spelling allows together, at most
// one tone mark, and only sắc or nặng before a final c, ch, p or t.
func syllable(word string) bool {
	var b strings.Builder
	tone := rune(0)
	for _, r := range norm.NFD.String(strings.ToLower(word)) {
		switch r {
		case toneGrave, toneAcute, toneTilde, toneHook, toneDot:
			if tone != 0 {
				return false
			}
			tone = r
			continue
		}
		b.WriteRune(r)
	}
	base := norm.NFC.String(b.String())
	if base == "" {
		return false
	}
	for _, r := range base {
		if !strings.ContainsRune(vietLetters, r) {
			return false
		}
	}
	for _, in := range initials {
		if !strings.HasPrefix(base, in) {
			continue
		}
		rest := base[len(in):]
		for _, fin := range finals {
			if !strings.HasSuffix(rest, fin) {
				continue
			}
			nuc := rest[:len(rest)-len(fin)]
			if rhymeOK(in, nuc, fin, tone) {
				return true
			}
		}
	}
	return false
}

// rhymeOK checks a split of a syllable into initial, nucleus and final.
func rhymeOK(in, nuc, fin string, tone rune) bool {
	kind, ok := nuclei[nuc]
	if !ok {
		return false
	}
	if fin == "" && kind&open == 0 || fin != "" && kind&closed == 0 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(nuc)
	front := first == 'e' || first == 'ê' || first == 'i' || first == 'y'
	switch in {
	case "c", "ng":
		if front {
			return false // written k, ngh
		}
	case "g":
		if first == 'e' || first == 'ê' {
			return false // written gh
		}
	case "k", "gh", "ngh":
		if !front {
			return false
		}
	}
	switch fin {
	case "ch", "nh":
		switch nuc {
		case "a", "ê", "i", "y", "oa", "uê", "uy":
		default:
			return false
		}
	case "c", "ng":
		switch nuc {
		case "i", "ê", "y", "uy", "uê":
			return false
		}
	}
	switch fin {
	case "c", "ch", "p", "t":
		if tone != toneAcute && tone != toneDot {
			return false
		}
	}
	return true
}
