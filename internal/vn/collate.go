package vn

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// collator is the shared Vietnamese collator. collate.Collator keeps
// internal buffers and is not safe for concurrent use, so every use must
// hold collatorMu.
var (
	collatorMu sync.Mutex
	collator   = collate.New(language.Vietnamese)
)

// Compare compares a and b in Vietnamese alphabetical order (a < ă < â <
// b < ... < d < đ < ...) and returns -1, 0 or +1. Strings that collate
// equal are ordered by their bytes, so 0 is returned only for identical
// strings and the order is total and deterministic.
func Compare(a, b string) int {
	collatorMu.Lock()
	c := collator.CompareString(a, b)
	collatorMu.Unlock()
	if c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

// SortStrings sorts s in place in Vietnamese alphabetical order, using
// the same total order as Compare.
func SortStrings(s []string) {
	if len(s) < 2 {
		return
	}
	type item struct {
		key []byte
		s   string
	}
	items := make([]item, len(s))
	var buf collate.Buffer
	collatorMu.Lock()
	for i, v := range s {
		// Copy the key: it points into buf, which is reset below.
		items[i] = item{key: slices.Clone(collator.KeyFromString(&buf, v)), s: v}
		buf.Reset()
	}
	collatorMu.Unlock()
	slices.SortFunc(items, func(x, y item) int {
		if c := bytes.Compare(x.key, y.key); c != 0 {
			return c
		}
		return strings.Compare(x.s, y.s)
	})
	for i := range items {
		s[i] = items[i].s
	}
}

// nameParts splits a Vietnamese personal name into family name (first
// word), middle names and given name (last word). A one-word name is
// treated as a given name only.
func nameParts(name string) (family string, middle []string, given string) {
	f := strings.Fields(Clean(name))
	switch len(f) {
	case 0:
		return "", nil, ""
	case 1:
		return "", nil, f[0]
	}
	return f[0], f[1 : len(f)-1], f[len(f)-1]
}

// CompareNames compares two Vietnamese personal names the way
// alphabetical lists of people are ordered: by given name (last word),
// then middle names (left to right, fewer middle names first when one
// list is a prefix of the other), then family name (first word), each
// part compared with Compare. "Trần Thị An" < "Nguyễn Văn An" <
// "Lê Bình". Names are cleaned and NFC-normalised first, so 0 means the
// two names are the same words (surrounding or repeated spaces and
// NFC/NFD differences are ignored).
func CompareNames(a, b string) int {
	fa, ma, ga := nameParts(a)
	fb, mb, gb := nameParts(b)
	if c := Compare(ga, gb); c != 0 {
		return c
	}
	if c := slices.CompareFunc(ma, mb, Compare); c != 0 {
		return c
	}
	return Compare(fa, fb)
}
