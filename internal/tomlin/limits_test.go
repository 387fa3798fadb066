package tomlin

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// refusedBeforeParsing decodes src, which the checks before the TOML
// parser must refuse, and returns the problems. The parser is replaced for
// the call: reaching it fails the test. Limits are there so that bad input
// is refused without the parser's work, which grows faster than the input
// (the speed itself is for benchmarks, not tests).
func refusedBeforeParsing(t *testing.T, src string, v any) Problems {
	t.Helper()
	saved := parse
	defer func() { parse = saved }()
	parse = func(string) (map[string]any, error) {
		t.Errorf("the TOML parser was called on %.40q…", src)
		return saved("")
	}
	ix, ps, err := Decode([]byte(src), v)
	if err != nil || ix != nil {
		t.Fatalf("Decode = %v, %v", ix, err)
	}
	return ps
}

func TestFileSizeLimit(t *testing.T) {
	var v struct {
		A string `toml:"a"`
	}
	big := "a = \"" + strings.Repeat("x", MaxFileSize) + "\"\n"
	checkProblems(t, refusedBeforeParsing(t, big, &v),
		[]want{{"", Pos{}, KeyTooLarge, "tệp quá lớn (5 MB); tệp hồ sơ chỉ được tối đa 5 MB", ""}})
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
		X any `toml:"x"`
	}
	nest := func(open, close string, n int) string {
		return strings.Repeat(open, n) + "1" + strings.Repeat(close, n)
	}
	dotted := func(n int) string { return "x" + strings.Repeat(".a", n-1) }
	// Every case takes the TOML parser minutes (a 41 KB file of dotted keys:
	// 147 s and 530 MB); the pre-scan refuses it at the first part too deep.
	tests := []struct {
		name, src string
		pos       Pos
	}{
		// a: depth 1, each {b= adds two (the table and the key b).
		{"inline tables", "a = " + nest("{b=", "}", 20000) + "\n", Pos{1, 4 + 3*(MaxDepth/2-1) + 2, 1}},
		{"arrays", "b = 2\na = " + nest("[", "]", 100000) + "\n", Pos{2, 4 + MaxDepth, 1}},
		{"dotted key", dotted(20000) + " = 1\n", Pos{1, 2*MaxDepth + 1, 1}},
		{"dotted key with blanks and quotes", "x . \"a\" . 'b'" + strings.Repeat(" . c", 20000) + " = 1\n", Pos{1, 13 + 4*(MaxDepth-3) + 4, 1}},
		{"table header", "[" + dotted(20000) + "]\n", Pos{1, 2*MaxDepth + 2, 1}},
		{"array of tables header", "[[" + dotted(20000) + "]]\n", Pos{1, 2*MaxDepth + 3, 1}},
		{"key under a deep header", "[" + dotted(MaxDepth-1) + "]\n" + "b.c = 1\n", Pos{2, 3, 1}},
		{"dotted key in an inline table", "a = { " + dotted(20000) + " = 1 }\n", Pos{1, 7 + 2*(MaxDepth-2), 1}},
		{"inline table in an array", "a = [{ b = [" + nest("{c=", "}", 100) + "] }]\n", Pos{1, 12 + 3*((MaxDepth-4)/2-1) + 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, refusedBeforeParsing(t, tt.src, &v), []want{{"", tt.pos, KeyTooDeep, "", ""}})
		})
	}
	// Up to the limit, and brackets, dots and long words in strings and
	// comments, are fine.
	ok := []string{
		"a = " + nest("[", "]", MaxDepth-1) + "\n",
		dotted(MaxDepth) + " = 1\n",
		"[" + dotted(MaxDepth-1) + "]\nb = 1\n",
		"a = \"" + strings.Repeat("[{", 100) + "\"\nb = '" + strings.Repeat("[", 100) + "' # " + strings.Repeat("{", 100) + "\n",
		"a = \"\"\"\n" + strings.Repeat("[", 100) + "\\\"\"\"\"\"\"\n[[c]]\n[[c]]\n",
		"a = '''" + strings.Repeat("{", 100) + "''''\n",
		"a = [\"x.y.z\", 1.5, 2026-01-01T08:00:00.5]\nb = { c = \"" + strings.Repeat("a.", 1000) + "\" }\n",
		"a = [ # " + strings.Repeat("x.", 1000) + "\n  1,\n]\n# " + strings.Repeat("[", 1000) + "\n",
	}
	for _, src := range ok {
		var w struct {
			A any `toml:"a"`
			B any `toml:"b"`
			C any `toml:"c"`
			X any `toml:"x"`
		}
		if got := ps(t, src, &w); len(got) != 0 {
			t.Errorf("%.60q: %s", src, dump(got))
		}
	}
}

func TestKeyLengthLimit(t *testing.T) {
	var v struct {
		A any `toml:"a"`
	}
	// A 4.9 MB key took 131 s and 819 MB in the search for a known key it
	// might be a typo of: the pre-scan refuses it.
	huge := strings.Repeat("k", 4_900_000)
	tests := []struct {
		name, src string
		pos       Pos
	}{
		{"bare key", "a = 1\n" + huge + " = 1\n", Pos{2, 1, maxTokenLen}},
		{"quoted key", `a."` + huge + `" = 1` + "\n", Pos{1, 3, maxTokenLen}},
		{"second part", "a." + strings.Repeat("đ", MaxKeyLen+1) + " = 1\n", Pos{1, 3, MaxKeyLen + 1}},
		{"table header", "[" + huge + "]\n", Pos{1, 2, maxTokenLen}},
		{"key in an inline table", "a = { " + huge + " = 1 }\n", Pos{1, 7, maxTokenLen}},
		{"a value without a key", huge + "\n", Pos{1, 1, maxTokenLen}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkProblems(t, refusedBeforeParsing(t, tt.src, &v), []want{{"", tt.pos, KeyKeyTooLong, "", ""}})
		})
	}
	// A long value is no key; a key of MaxKeyLen characters is only unknown.
	long := strings.Repeat("k", MaxKeyLen)
	checkProblems(t, ps(t, "a = \""+strings.Repeat("k", 10000)+"\"\n"+long+" = 1\n", &v),
		[]want{{long, Pos{2, 1, MaxKeyLen}, KeyUnknownKey, "", ""}})
	quoted := strings.Repeat("đ", MaxKeyLen)
	checkProblems(t, ps(t, `"`+quoted+`" = 1`, &v), []want{{quoted, Pos{1, 1, MaxKeyLen + 2}, KeyUnknownKey, "", ""}})
}

// Every table costs the decoder a struct: 400 000 empty [[de_nghi]] in
// 5 MB took 43 s and 170 MB. The pre-scan counts them.
func TestTableLimit(t *testing.T) {
	var v struct {
		A []struct {
			B []map[string]any `toml:"b"`
		} `toml:"a"`
	}
	headers := strings.Repeat("[[a]]\n", MaxTables)
	checkProblems(t, refusedBeforeParsing(t, headers+"[[a]]\n", &v), []want{{"", Pos{MaxTables + 1, 1, 1}, KeyTooManyTables, "", ""}})
	inline := "[[a]]\nb = [" + strings.Repeat("{}, ", MaxTables-1) + "{}]\n"
	checkProblems(t, refusedBeforeParsing(t, inline, &v), []want{{"", Pos{2, 6 + 4*(MaxTables-1), 1}, KeyTooManyTables, "", ""}})
	if got := ps(t, headers, &v); len(got) != 0 || len(v.A) != MaxTables {
		t.Errorf("%d tables: %s", len(v.A), dump(got))
	}
}

// The search for the known key an unknown one was meant to be does work
// bounded by the known keys only: a long key is not compared at all, and
// the known keys are folded once, not once per unknown key (400 000
// unknown keys took 146 s).
func TestSuggestionWorkIsBounded(t *testing.T) {
	known := newKeySet([]string{"ho_ten", "ngay_sinh", "hinh_thuc_bieu_quyet", "don_vi_soan_thao"})
	work := func(key string) float64 {
		return testing.AllocsPerRun(1, func() {
			if s := known.suggest(key); s != "" {
				t.Errorf("suggest(%.20q…) = %q", key, s)
			}
		})
	}
	// A short key is compared with every known key of about its length
	// (the comparison allocates); a long one with none.
	short := work("ho_tex_xx")
	for _, key := range []string{strings.Repeat("x", MaxKeyLen), strings.Repeat("ho_ten", 1000)} {
		if long := work(key); long > short {
			t.Errorf("suggest for a key of %d characters made %v allocations, more than for a short key (%v)", len(key), long, short)
		}
	}
	// The known keys are not folded again for each unknown key: asking about
	// a key far from all of forty known keys costs fewer allocations than
	// one per known key.
	var many []string
	for i := range 40 {
		many = append(many, fmt.Sprintf("khóa_%02d", i))
	}
	manyKeys := newKeySet(many)
	if allocs := testing.AllocsPerRun(5, func() { manyKeys.suggest(strings.Repeat("q", 30)) }); allocs >= 40 {
		t.Errorf("suggest among 40 keys made %v allocations", allocs)
	}
	if s := known.suggest("ho_tn"); s != "ho_ten" {
		t.Errorf("suggest(ho_tn) = %q", s)
	}
}

// Positions on one long line are counted once, not once per element: the
// work of the scanner is linear in the length of the text.
func TestLongLinesAreLinear(t *testing.T) {
	var v struct {
		A []int `toml:"a"`
	}
	src := "a = [" + strings.Repeat("1, ", 300000) + "]\n"
	if got := ps(t, src, &v); len(got) != 0 || len(v.A) != 300000 {
		t.Errorf("%d elements, problems %s", len(v.A), dump(got))
	}
	s := newScanner(src)
	s.ix = &Index{entries: map[string]*entry{}}
	s.document()
	if len(s.ix.entries) != 300001 {
		t.Fatalf("%d entries", len(s.ix.entries))
	}
	if s.counted > len(src) {
		t.Errorf("counted %d bytes for the columns of a line of %d", s.counted, len(src))
	}
}

func TestLoneCarriageReturns(t *testing.T) {
	var v struct {
		A any `toml:"a"`
		B any `toml:"b"`
	}
	// A file from the classic Mac OS: every line ends with CR alone.
	checkProblems(t, refusedBeforeParsing(t, "a = 1\rb = \"x\"\r", &v), []want{{"", Pos{}, KeyLineEnds,
		"tệp xuống dòng bằng ký tự CR đứng riêng (kiểu máy Mac cũ), hoso chỉ đọc được xuống dòng LF hoặc CR LF", ""}})
	// One such line pasted into a Windows file.
	got := refusedBeforeParsing(t, "a = 1\r\nb = 2\rc = 3\r\n", &v)
	checkProblems(t, got, []want{{"", Pos{2, 6, 1}, KeyLineEnds, "", ""}})
	if !strings.Contains(got[0].Hint, "EOL Conversion") {
		t.Errorf("hint %q does not say how to convert", got[0].Hint)
	}
	// CR LF, and CR inside strings written as \r, are fine.
	for _, src := range []string{"a = 1\r\nb = \"x\\ry\"\r\n", "a = \"\"\"x\r\ny\"\"\"\r\n"} {
		if got := ps(t, src, &v); len(got) != 0 {
			t.Errorf("%q: %s", src, dump(got))
		}
	}
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
		// The bidirectional controls reorder the letters on screen:
		// "Võ Thị \u202eMỹ Duyên" shows as "Võ Thị neyuD ỹM".
		{"right-to-left override", "a = \"Võ Thị \u202eMỹ Duyên\"\n", []want{{"a", Pos{1, 5, 18}, KeyInvisible,
			`có ký tự vô hình điều khiển hướng chữ U+202E (RIGHT-TO-LEFT OVERRIDE) ở ký tự thứ 8, ngay sau "Võ Thị ": nó đảo thứ tự các chữ khi hiển thị trong Word và PDF`, ""}}, ""},
		{"bidi embedding, escaped", `a = "x\u202Ay"` + "\n", []want{{"a", Pos{1, 5, 10}, KeyInvisible, "", ""}}, ""},
		{"bidi isolate", "l = [\"a\u2066b\u2069\"]\n", []want{{"l[1]", Pos{1, 6, 6}, KeyInvisible, "", ""}}, ""},
		{"left-to-right mark at the end", "a = \"Mỹ\u200e\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible, "", ""}}, ""},
		{"right-to-left mark", "a = \"\u200fMỹ\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible, "", ""}}, ""},
		{"Arabic letter mark", "a = \"a\u061cb\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible, "", ""}}, ""},
		{"soft hyphen", "a = \"Thành\u00adphố\"\n", []want{{"a", Pos{1, 5, 11}, KeyInvisible,
			`có ký tự vô hình U+00AD (SOFT HYPHEN) ở ký tự thứ 6, ngay sau "Thành"`, ""}}, ""},
		{"line separator", "a = \"a\u2028b\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible, "", ""}}, ""},
		// Combining marks: a Vietnamese letter in NFC carries none; two are
		// allowed for letters Unicode has no single character for. (NFC
		// composes n and the first acute into ń.)
		{"two marks on a letter", "a = \"q\u0323\u0302\"\n", nil, "q\u0323\u0302"},
		{"decomposed Vietnamese", "a = \"Nguye\u0302\u0303n\"\n", nil, "Nguyễn"},
		{"stacked marks", "a = \"Duyên" + strings.Repeat("\u0301", 3000) + "\"\n", []want{{"a", Pos{1, 5, maxTokenLen}, KeyMarks,
			"có hơn 2 dấu phụ (dấu kết hợp) chồng lên một chữ ở ký tự thứ 7, ngay sau \"Duyêń\u0301\"; chữ Việt không cần nhiều dấu như vậy", ""}}, ""},
		// Marks are counted decomposed: NFC composes a and the first acute
		// into á, which carries it on into the two typed after.
		{"acute and two more", "a = \"Ha\u0301\u0301\u0301\"\n", []want{{"a", Pos{1, 5, 7}, KeyMarks, "", ""}}, ""},
		{"precomposed letter and one more", "a = \"Nguy\u1ec5\u0301n\"\n", []want{{"a", Pos{1, 5, 9}, KeyMarks, "", ""}}, ""},
		{"mark at the start", "a = \"\u0301Nguyễn\"\n", []want{{"a", Pos{1, 5, 9}, KeyMarks,
			"có dấu phụ (dấu kết hợp) U+0301 không đứng trên chữ nào ở ký tự thứ 1, ở đầu văn bản", ""}}, ""},
		{"mark after a space", "a = \"VT, \u0301 VP\"\n", []want{{"a", Pos{1, 5, 10}, KeyMarks, "", ""}}, ""},
		// Default ignorable characters print nothing and hide duplicates.
		{"combining grapheme joiner", "a = \"Ha\u034f\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible,
			`có ký tự vô hình U+034F (COMBINING GRAPHEME JOINER) ở ký tự thứ 3, ngay sau "Ha"`, ""}}, ""},
		{"variation selector", "a = \"Hà\ufe0f\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible, "", ""}}, ""},
		{"Khmer inherent vowel", "a = \"Hà\u17b4\"\n", []want{{"a", Pos{1, 5, 5}, KeyInvisible, "", ""}}, ""},
		{"Hangul filler", "a = \"Thu \u3164Hà\"\n", []want{{"a", Pos{1, 5, 9}, KeyInvisible, "", ""}}, ""},
		{"blank Braille pattern", "a = \"Thu\u2800Hà\"\n", []want{{"a", Pos{1, 5, 8}, KeyInvisible,
			`có ký tự vô hình U+2800 (BRAILLE PATTERN BLANK) ở ký tự thứ 4, ngay sau "Thu"`, ""}}, ""},
		{"three marks", "a = \"q\u0301\u0302\u0323\"\n", []want{{"a", Pos{1, 5, 6}, KeyMarks, "", ""}}, ""},
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
				if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || invisible(r) {
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
