package vn

import (
	"math/rand"
	"regexp"
	"testing"
)

// slugRe is what a slug may be: words of [a-z0-9] joined by single dashes.
var slugRe = regexp.MustCompile(`^([a-z0-9]+(-[a-z0-9]+)*)?$`)

// Names that would be unsafe as file names become plain slugs: no path,
// no dot, no leading dash; "" when nothing is left (callers then use a
// fallback name).
func TestSlugOfUnsafeNames(t *testing.T) {
	cases := map[string]string{
		"../../etc":                 "etc",
		"..\\..\\Windows\\System32": "windows-system32",
		"/":                         "",
		"":                          "",
		"..":                        "",
		"CON":                       "con",
		"NUL.txt":                   "nul-txt",
		"com1":                      "com1",
		"a/b":                       "a-b",
		" -Ủy ban/../ ":             "uy-ban",
		"\x00\x01":                  "",
		"~/.ssh/id_rsa":             "ssh-id-rsa",
		"C:\\Hồ sơ":                 "c-ho-so",
	}
	for in, want := range cases {
		if got := Slug(in, 60); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	rng := rand.New(rand.NewSource(1))
	alphabet := []rune("./\\:*?\"<>| -_aAđĐỦyz09\x00\u200b\u0301~")
	for i := 0; i < 20000; i++ {
		rs := make([]rune, rng.Intn(30))
		for k := range rs {
			rs[k] = alphabet[rng.Intn(len(alphabet))]
		}
		if got := Slug(string(rs), 1+rng.Intn(40)); !slugRe.MatchString(got) {
			t.Fatalf("Slug(%q) = %q", string(rs), got)
		}
	}
}
