package tomlin

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// quick fails the test when fn takes longer than d: limits are there so
// that bad input is refused quickly.
func quick(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	start := time.Now()
	fn()
	if el := time.Since(start); el > d {
		t.Errorf("took %v, want under %v", el, d)
	}
}

func TestFileSizeLimit(t *testing.T) {
	var v struct {
		A string `toml:"a"`
	}
	big := []byte("a = \"" + strings.Repeat("x", MaxFileSize) + "\"\n")
	quick(t, time.Second, func() {
		ix, ps, err := Decode(big, &v)
		if err != nil || ix != nil {
			t.Fatalf("Decode = %v, %v", ix, err)
		}
		checkProblems(t, ps, []want{{"", Pos{}, KeyTooLarge, "tệp quá lớn (5 MB); tệp hồ sơ chỉ được tối đa 5 MB", ""}})
	})
	if ps := ps(t, "a = \"x\"\n", &v); len(ps) != 0 {
		t.Errorf("a small file: %v", ps)
	}
}

func ps(t *testing.T, src string, v any) Problems {
	t.Helper()
	_, ps, err := Decode([]byte(src), v)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestNestingLimit(t *testing.T) {
	var v struct {
		A any `toml:"a"`
		B any `toml:"b"`
	}
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	// Inline tables nested 20000 deep take the TOML parser minutes; the
	// limit answers at once.
	quick(t, time.Second, func() {
		checkProblems(t, ps(t, "a = "+nest("{b=", "}", 20000)+"\n", &v),
			[]want{{"", Pos{1, 4 + 3*MaxDepth + 1, 1}, KeyTooDeep, "", ""}})
		checkProblems(t, ps(t, "b = 2\na = "+nest("[", "]", 100000)+"\n", &v),
			[]want{{"", Pos{2, 4 + MaxDepth + 1, 1}, KeyTooDeep, "", ""}})
	})
	// Up to the limit, and brackets in strings and comments, are fine.
	ok := []string{
		"a = " + nest("[", "]", MaxDepth) + "\n",
		"a = \"" + strings.Repeat("[{", 100) + "\"\nb = '" + strings.Repeat("[", 100) + "' # " + strings.Repeat("{", 100) + "\n",
		"a = \"\"\"\n" + strings.Repeat("[", 100) + "\\\"\"\"\"\"\"\n[[c]]\n[[c]]\n",
		"a = '''" + strings.Repeat("{", 100) + "''''\n",
	}
	for _, src := range ok {
		var w struct {
			A any `toml:"a"`
			B any `toml:"b"`
			C any `toml:"c"`
		}
		if got := ps(t, src, &w); len(got) != 0 {
			t.Errorf("%.60q: %s", src, dump(got))
		}
	}
}

// TestLongLinesAreLinear: positions on one long line are counted once,
// not once per element.
func TestLongLinesAreLinear(t *testing.T) {
	var v struct {
		A []int `toml:"a"`
	}
	src := "a = [" + strings.Repeat("1, ", 300000) + "]\n"
	quick(t, 3*time.Second, func() {
		if got := ps(t, src, &v); len(got) != 0 || len(v.A) != 300000 {
			t.Errorf("%d elements, problems %s", len(v.A), dump(got))
		}
	})
}

func TestTextRules(t *testing.T) {
	type doc struct {
		A string   `toml:"a"`
		L []string `toml:"l"`
	}
	tests := []struct {
		name, src string
		want      []want
		value     string // A after decoding, when there is no problem
	}{
		{"tab and new lines are kept", "a = \"\"\"x\ty\r\nz\"\"\"\n", nil, "x\ty\r\nz"},
		{"escaped new line", `a = "Dòng 1\nDòng 2"` + "\n", nil, "Dòng 1\nDòng 2"},
		{"escaped control", `a = "Nguyễn\u0001Văn"` + "\n", []want{{"a", Pos{1, 5, 17}, KeyControlChar,
			`có ký tự điều khiển U+0001 (ký tự vô hình, không in được) ở ký tự thứ 7, ngay sau "Nguyễn"`, ""}}, ""},
		{"escape \\e", `a = "x\e[31m"` + "\n", []want{{"a", Pos{1, 5, 9}, KeyControlChar, "", ""}}, ""},
		{"raw C1 control", "a = \"x\u0085y\"\n", []want{{"a", Pos{1, 5, 5}, KeyControlChar, "", ""}}, ""},
		{"DEL", `a = "x\u007f"` + "\n", []want{{"a", Pos{1, 5, 9}, KeyControlChar, "", ""}}, ""},
		{"noncharacter", `a = "\uFFFE"` + "\n", []want{{"a", Pos{1, 5, 8}, KeyControlChar,
			"có ký tự không hợp lệ U+FFFE ở ký tự thứ 1, ở đầu văn bản; tệp Word không chứa được ký tự này", ""}}, ""},
		{"replacement character", "a = \"Nguy\ufffdn\"\n", []want{{"a", Pos{1, 5, 8}, KeyReplacement,
			`có ký tự thay thế U+FFFD (�) ở ký tự thứ 5, ngay sau "Nguy": chữ ở đây đã bị hỏng khi chuyển bảng mã hoặc sao chép`, ""}}, ""},
		{"zero width space inside", "a = \"Tân\u200bSơn\"\n", []want{{"a", Pos{1, 5, 9}, KeyInvisible,
			`có ký tự vô hình U+200B (ZERO WIDTH SPACE) ở ký tự thứ 4, ngay sau "Tân"`, ""}}, ""},
		{"BOM inside, in a list", "l = [\"ok\", \"a\ufeffb\"]\n", []want{{"l[2]", Pos{1, 12, 5}, KeyInvisible, "", ""}}, ""},
		{"zero width space at the edges is trimmed", "a = \"\u200bTân Sơn\u200b\"\n", nil, "Tân Sơn"},
		{"longest text", "a = \"" + strings.Repeat("đ", MaxTextLen) + "\"\n", nil, strings.Repeat("đ", MaxTextLen)},
		{"too long", "a = \"" + strings.Repeat("đ", MaxTextLen+1) + "\"\n", []want{{"a", Pos{1, 5, maxTokenLen}, KeyTooLong,
			"văn bản dài 20001 ký tự, quá giới hạn 20000 ký tự của một trường", ""}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v doc
			got := ps(t, tt.src, &v)
			checkProblems(t, got, tt.want)
			if tt.want == nil && v.A != tt.value {
				t.Errorf("a = %q, want %q", v.A, tt.value)
			}
			// Rendering a problem never prints a raw control character.
			var b strings.Builder
			got.Render(&b, "x.toml", []byte(tt.src))
			for _, r := range b.String() {
				if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f {
					t.Errorf("the message holds U+%04X:\n%s", r, b.String())
				}
			}
		})
	}
}

func TestEncodingGuesses(t *testing.T) {
	utf16 := func(e unicode.Endianness, bom unicode.BOMPolicy) string {
		s, err := unicode.UTF16(e, bom).NewEncoder().String("ho_ten = \"Nguyễn Văn A\"\n")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	latin := func(s string) string {
		b, err := charmap.Windows1252.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	tests := []struct {
		name, src, msg string
		hint           string // a part of it
	}{
		{"UTF-16 LE with BOM", utf16(unicode.LittleEndian, unicode.UseBOM), "tệp không phải UTF-8 (tệp đang ở dạng UTF-16)", "UTF-8"},
		{"UTF-16 LE", utf16(unicode.LittleEndian, unicode.IgnoreBOM), "tệp không phải UTF-8 (tệp đang ở dạng UTF-16 (không có BOM))", "UTF-8"},
		{"UTF-16 BE", utf16(unicode.BigEndian, unicode.IgnoreBOM), "tệp không phải UTF-8 (tệp đang ở dạng UTF-16 (không có BOM))", "UTF-8"},
		{"UTF-32 LE", "\xff\xfe\x00\x00a\x00\x00\x00", "tệp không phải UTF-8 (tệp đang ở dạng UTF-32)", "UTF-8"},
		{"TCVN3", latin("ho_ten = \"NguyÔn V¨n Tµi\"\nten = \"Uû ban nh©n d©n\"\n"),
			"tệp không phải UTF-8: byte 0xD4 không hợp lệ; có vẻ tệp được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime)", "Nguồn: TCVN3 (ABC)"},
		{"VNI", latin("ho_ten = \"Nguyeãn Vaên Taøi\"\n"),
			"tệp không phải UTF-8: byte 0xE3 không hợp lệ; có vẻ tệp được gõ bằng bảng mã VNI (phông VNI-Times)", "Nguồn: VNI Windows"},
		{"Windows-1258", "ho_ten = \"Nguy\xea\xden V\xe3n T\xe0i\"\n",
			"tệp không phải UTF-8: byte 0xEA không hợp lệ; có vẻ tệp đang ở bảng mã Windows-1258", "Save As"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct {
				A string `toml:"ho_ten"`
				B string `toml:"ten"`
			}
			got := ps(t, tt.src, &v)
			if len(got) != 1 || got[0].Key != KeyEncoding || got[0].Msg != tt.msg || !strings.Contains(got[0].Hint, tt.hint) {
				t.Errorf("got %s\nwant %q with a hint holding %q", dump(got), tt.msg, tt.hint)
			}
		})
	}
	// A stray NUL is a syntax error, as before.
	var v struct{}
	if got := ps(t, "a = 1\x00\n", &v); len(got) != 1 || got[0].Key != KeySyntax {
		t.Errorf("stray NUL: %s", dump(got))
	}
}

func TestRenderKeepsMessagesShort(t *testing.T) {
	// A long line is quoted around the problem.
	src := "a = \"" + strings.Repeat("x", 500) + "\", b = 1\n"
	var v struct {
		A string `toml:"a"`
	}
	got := ps(t, src, &v)
	var b strings.Builder
	if err := got.Render(&b, "x.toml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	lines := strings.Split(out, "\n")
	for _, l := range lines {
		if n := len([]rune(l)); n > maxShown+20 {
			t.Errorf("a line of %d characters:\n%s", n, l)
		}
	}
	// The carets still stand under the problem: the quoted line and the
	// caret line agree on where "," is.
	quoted, carets := "", ""
	for i, l := range lines {
		if strings.Contains(l, "| …") && i+1 < len(lines) {
			quoted, carets = l, lines[i+1]
		}
	}
	k := strings.Index(carets, "^")
	if quoted == "" || k < 0 || []rune(quoted)[len([]rune(carets[:k]))] != ',' {
		t.Errorf("carets not under the comma:\n%s", out)
	}
	// Thousands of problems: the first hundred, then a count.
	var mb strings.Builder
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&mb, "k%d = 1\n", i)
	}
	many := mb.String()
	var w struct{}
	got = ps(t, many, &w)
	if len(got) != 1000 {
		t.Fatalf("%d problems", len(got))
	}
	b.Reset()
	got.Render(&b, "x.toml", []byte(many))
	if n := strings.Count(b.String(), "khóa không được hỗ trợ"); n != maxRendered {
		t.Errorf("%d problems shown, want %d", n, maxRendered)
	}
	if !strings.Contains(b.String(), "… và 900 lỗi khác") {
		t.Errorf("no count of the rest:\n%s", b.String()[len(b.String())-300:])
	}
}

// The parser's messages may quote the end of input as U+0000 (found by
// FuzzDecodeSubmission): it is shown as ␀, never written raw.
func TestParserMessagesShowControlCharacters(t *testing.T) {
	var v struct{}
	got := ps(t, "\n\n0={0=0b", &v)
	if len(got) != 1 || got[0].Key != KeySyntax || !strings.Contains(got[0].Msg, "␀") {
		t.Fatalf("got %s", dump(got))
	}
	var b strings.Builder
	got.Render(&b, "x.toml", []byte("\n\n0={0=0b"))
	if strings.ContainsFunc(b.String(), func(r rune) bool { return r < 0x20 && r != '\n' }) {
		t.Errorf("a control character in:\n%q", b.String())
	}
}
