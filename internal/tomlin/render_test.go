package tomlin

import (
	"strings"
	"testing"
)

func TestRenderOneProblem(t *testing.T) {
	src := "[[de_nghi]]\nho_ten = \"Nguyễn Văn A\"\nngay_sinh = 1985\n"
	var v struct {
		DeNghi []struct {
			HoTen    string `toml:"ho_ten"`
			NgaySinh date   `toml:"ngay_sinh"`
		} `toml:"de_nghi"`
	}
	b := renderDecoded(t, src, &v)
	want := `hoso.toml:3:13: de_nghi[1].ngay_sinh: cần ngày tháng (ví dụ 1985-03-12 hoặc "12/03/1985") nhưng gặp số nguyên
    2 | ho_ten = "Nguyễn Văn A"
    3 | ngay_sinh = 1985
      |             ^^^^
`
	if b.String() != want {
		t.Errorf("Render:\n%s\nwant:\n%s", b.String(), want)
	}
}

func TestRenderSeveral(t *testing.T) {
	// CRLF line ends, a tab and a decomposed (NFD) "Nguyễn" before the
	// offending values: the carets must still line up.
	src := "nhan_xet = { a = \"Nguye\u0302\u0303n\", b = 2 }\r\n" +
		"\tso = \"12\"\r\n" +
		"[[de_nghi]]\r\n" +
		"ho_tenn = \"A\"\r\n"
	var v struct {
		NhanXet map[string]string `toml:"nhan_xet"`
		So      int               `toml:"so"`
		DeNghi  []struct {
			HoTen    string `toml:"ho_ten"`
			NgaySinh *date  `toml:"ngay_sinh"`
		} `toml:"de_nghi"`
	}
	ix, ps, err := Decode([]byte(src), &v)
	if err != nil {
		t.Fatal(err)
	}
	// A caller's own validation: a required field, and a rule without a
	// position; added first, they must still be sorted by position.
	ps.Add("de_nghi[1]", Pos{}, "required", "cần ít nhất một khen thưởng", "")
	if v.DeNghi[0].NgaySinh == nil {
		ps.Add("de_nghi[1].ngay_sinh", ix.Find("de_nghi[1].ngay_sinh"), "required", "thiếu ngày sinh", "")
	}

	var b strings.Builder
	if err := ps.Render(&b, "hoso.toml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	line1 := "nhan_xet = { a = \"Nguye\u0302\u0303n\", b = 2 }"
	want := "hoso.toml:1:34: nhan_xet.b: cần chuỗi văn bản nhưng gặp số nguyên\n" +
		"    1 | " + line1 + "\n" +
		"      | " + strings.Repeat(" ", 31) + "^\n" +
		"    Gợi ý: Hãy đặt giá trị trong dấu ngoặc kép, ví dụ: \"2\"\n" +
		"\n" +
		"hoso.toml:2:7: so: cần số nguyên nhưng gặp chuỗi văn bản\n" +
		"    1 | " + line1 + "\n" +
		"    2 |         so = \"12\"\n" +
		"      |              ^^^^\n" +
		"    Gợi ý: Số viết không có dấu ngoặc kép, ví dụ: so_luong = 3\n" +
		"\n" +
		"hoso.toml:3:1: de_nghi[1].ngay_sinh: thiếu ngày sinh\n" +
		"    2 |         so = \"12\"\n" +
		"    3 | [[de_nghi]]\n" +
		"      | ^^^^^^^^^^^\n" +
		"\n" +
		"hoso.toml:4:1: de_nghi[1].ho_tenn: khóa không được hỗ trợ \"ho_tenn\"\n" +
		"    3 | [[de_nghi]]\n" +
		"    4 | ho_tenn = \"A\"\n" +
		"      | ^^^^^^^\n" +
		"    Gợi ý: Có phải ý bạn là \"ho_ten\"?\n" +
		"\n" +
		"hoso.toml: de_nghi[1]: cần ít nhất một khen thưởng\n"
	if b.String() != want {
		t.Errorf("Render:\n%s\nwant:\n%s", b.String(), want)
	}

	wantErr := "1:34: nhan_xet.b: cần chuỗi văn bản nhưng gặp số nguyên\n" +
		"2:7: so: cần số nguyên nhưng gặp chuỗi văn bản\n" +
		"3:1: de_nghi[1].ngay_sinh: thiếu ngày sinh\n" +
		"4:1: de_nghi[1].ho_tenn: khóa không được hỗ trợ \"ho_tenn\"\n" +
		"de_nghi[1]: cần ít nhất một khen thưởng"
	if got := ps.Error(); got != wantErr {
		t.Errorf("Error():\n%s\nwant:\n%s", got, wantErr)
	}
	if ps[0].Key != KeyType || ps[len(ps)-1].Key != "required" {
		t.Errorf("Render or Error must not reorder the receiver: %v", ps.Keys())
	}
}

func TestRenderSyntaxAndMultiLineHint(t *testing.T) {
	src := "\ufeffa = 1\nngay = 2026-02-30 # sai\n"
	var v struct{}
	_, ps, err := Decode([]byte(src), &v)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := ps.Render(&b, "x.toml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	want := "x.toml:2:8: ngày giờ không hợp lệ: 2026-02-30\n" +
		"    1 | a = 1\n" +
		"    2 | ngay = 2026-02-30 # sai\n" +
		"      |        ^^^^^^^^^^\n" +
		"    Gợi ý: Tháng 2 năm 2026 chỉ có 28 ngày.\n"
	if b.String() != want {
		t.Errorf("Render:\n%s\nwant:\n%s", b.String(), want)
	}

	ps = Problems{{Pos: Pos{Line: 10, Col: 1}, Key: "x", Msg: "m", Hint: "một\n\n  hai"}}
	b.Reset()
	if err := ps.Render(&b, "", []byte("a\n")); err != nil {
		t.Fatal(err)
	}
	// The position is past the end of the source: no context lines.
	want = "10:1: m\n    Gợi ý: một\n\n             hai\n"
	if b.String() != want {
		t.Errorf("Render:\n%q\nwant:\n%q", b.String(), want)
	}
}

func TestProblemsErr(t *testing.T) {
	var ps Problems
	if ps.Err() != nil {
		t.Error("empty Problems must give a nil error")
	}
	ps.Add("a", Pos{1, 2, 3}, KeyValue, "sai", "")
	if err := ps.Err(); err == nil || err.Error() != "1:2: a: sai" {
		t.Errorf("Err() = %v", err)
	}
}

// An invisible character in a quoted line is shown escaped, not raw (a
// right-to-left override reordered the terminal's line), and the carets
// still stand under the key.
func TestRenderEscapesInvisible(t *testing.T) {
	src := "[p]\n\"ten\u202e\" = \"x\"\n"
	var v struct {
		P struct {
			Ten string `toml:"ten"`
		} `toml:"p"`
	}
	b := renderDecoded(t, src, &v)
	if strings.ContainsRune(b.String(), '\u202e') {
		t.Errorf("raw U+202E in:\n%s", b.String())
	}
	if !strings.Contains(b.String(), "    2 | \"ten\\u202e\" = \"x\"\n      | ^^^^^^^^^^^\n") {
		t.Errorf("Render:\n%s", b.String())
	}
}

// renderDecoded decodes src into v and renders its problems as the
// command prints them.
func renderDecoded(t *testing.T, src string, v any) *strings.Builder {
	t.Helper()
	_, ps, err := Decode([]byte(src), v)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := ps.Render(&b, "hoso.toml", []byte(src)); err != nil {
		t.Fatal(err)
	}
	return &b
}
