package tomlin

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// syntaxSamples is one input for each message of the TOML parser that a
// submission can meet (BurntSushi/toml v1.6.0: lex.go and parse.go).
var syntaxSamples = []string{
	"a =",
	"a = \n",
	"a = True\n",
	"a = x\n",
	"a = \"abc",
	"a = 'abc",
	"a = \"\"\"abc",
	"a = '''abc",
	"a = \"abc\nb = 1\n",
	"a = \"\"\"abc\"\"\"\"\"\"\n",
	"a = '''abc''''''\n",
	"a = 2026-13-01\n",
	"a = 1\na = 2\n",
	"[a]\n[a]\n",
	"a = 1\n[a.b]\n",
	"a = 1\n[[a]]\n",
	"a = 1\na.b = 2\n",
	"a = \"\"\"x\\  y\"\"\"\n",
	"a = \"\\q\"\n",
	"a = \"\\x4\"\n",
	"a = \"\\ud800\"\n",
	"a = 1\x01\n",
	"a = 12/03/1985\n",
	"a = 1,5\n",
	"a = 1 2\n",
	"ho ten = 1\n",
	"ho_tеn = 1\n",
	"họ_tên = 1\n",
	"a",
	"= 1\n",
	".a = 1\n",
	"a = = 1\n",
	"a..b = 1\n",
	"a = [1, 2\n",
	"a = [1, 2",
	"a = { b = 1 c = 2 }\n",
	"a = [1,,2]\n",
	"a.= 1\n",
	"[a..b]\n",
	"a = +ix\n",
	"a = -x\n",
	"[[a]\n",
	"[]\n",
	"[a.]\n",
	"[a b]\n",
	"[de_nghі]\n",
	"a = 007\n",
	"a = 1__0\n",
	"a = 99999999999999999999\n",
	"a = 01.5\n",
	"a = 1e\n",
	"a = 1.e5\n",
	"a = .5\n",
	"a = 1_\n",
	"a = +0x1\n",
	"a = 0x\n",
	"a = 0o8\n",
	"a = 1979-05-27T07:3\n",
	"a = \x00",
	"a\x00 = 1\n",
}

// englishWord matches words of the parser's English; messages and hints
// may quote the input ('x', "x") and name menus (File → Save As), nothing
// else.
var englishWord = regexp.MustCompile(`(?i)\b(expected|unexpected|invalid|instead|cannot|must|found|key|keys|table|value|number|digits?|newlines?|defined|allowed|separator|escape|range|character|underscores|surrounded|EOF|hexadecimal|octal|binary|float|integer|hash|array|empty|blank|got|but|end of file|line|start|length)\b`)

// quoted matches the parts of a message that quote the input.
var quoted = regexp.MustCompile(`'[^']*'|"[^"]*"`)

func TestSyntaxMessagesAreVietnamese(t *testing.T) {
	used := make([]bool, len(translations))
	for _, src := range syntaxSamples {
		var m map[string]any
		_, err := toml.Decode(src, &m)
		var pe toml.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%q: the parser accepts it (%v)", src, err)
			continue
		}
		for i, tr := range translations {
			if tr.re.MatchString(pe.Message) {
				used[i] = true
				break
			}
		}
		var v struct{}
		got := ps(t, src, &v)
		if len(got) != 1 {
			t.Errorf("%q: %s", src, dump(got))
			continue
		}
		p := got[0]
		if p.Msg == "lỗi cú pháp TOML" {
			t.Errorf("%q: the parser's message %q is not translated", src, pe.Message)
		}
		if p.Hint == "" {
			t.Errorf("%q: %q says not what to do", src, p.Msg)
		}
		if p.Pos.IsZero() && p.Key == KeySyntax {
			t.Errorf("%q: %q has no position", src, p.Msg)
		}
		for _, text := range []string{p.Msg, p.Hint} {
			if w := englishWord.FindString(quoted.ReplaceAllString(text, "")); w != "" {
				t.Errorf("%q: English %q in %q", src, w, text)
			}
		}
	}
	for i, u := range used {
		if !u {
			t.Errorf("no sample for the translation of %s", translations[i].re)
		}
	}
}

// The hints about a key name with a letter that is not plain ASCII say
// which letter and what to do.
func TestKeyCharacterHints(t *testing.T) {
	tests := []struct{ src, msg, hint string }{
		{"ho_tеn = 1\n", "tên khóa có chữ không hợp lệ 'е'", "là chữ Kirin (tiếng Nga…), trông giống chữ Latinh"},
		{"họ_tên = 1\n", "tên khóa có chữ không hợp lệ 'ọ'", `Tên khóa viết không dấu: "o" thay cho "ọ"`},
		{"ho ten = 1\n", "cần dấu '=' sau tên khóa nhưng gặp 't'", "không được chứa dấu cách"},
		{"[de_nghі]\n", "tên bảng phải đóng bằng ']' nhưng gặp 'і'", "Tên bảng chỉ gồm chữ cái Latinh không dấu"},
		{"[de nghi]\n", "tên bảng phải đóng bằng ']' nhưng gặp 'n'", "Tên bảng không được chứa dấu cách"},
	}
	for _, tt := range tests {
		var v struct{}
		got := ps(t, tt.src, &v)
		if len(got) != 1 || got[0].Msg != tt.msg || !strings.Contains(got[0].Hint, tt.hint) {
			t.Errorf("%q: %s\nwant %q with a hint holding %q", tt.src, dump(got), tt.msg, tt.hint)
		}
	}
}
