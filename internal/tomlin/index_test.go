package tomlin

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// indexDoc exercises the scanner: multi-line strings that look like headers
// and keys, multi-line arrays with comments, inline tables, dotted and
// quoted keys, nested arrays of tables and a super-table defined late.
const indexDoc = `# Hồ sơ khen thưởng
tieu_de = """
[de_nghi]
ho_ten = "giả" # không phải khóa
'nháy' "kép" \""" ]
"""
ghi_chu = '''
[[x]] = '' ''
'''
noi_nhan = [
  "Như trên", # chú thích có ] và ,
  """Lưu
VT""",
  'C:\hồ sơ',
]
thue.ma_so = "0101234567"
"thue".'co_quan' = { ten = "Chi cục", dia_chi = { so = 5 } }

[[de_nghi]]
ho_ten = "A"
thanh_tich = [[1, 2], [3]]
[[de_nghi]]
  ho_ten = "B"
ds = [{ a = 1 }, { a = 2, b = [ "x" ] }]
[de_nghi.que_quan]
tinh = "Hà Nội"
[[de_nghi.khen_thuong]]
nam = 2020
[[de_nghi]]
[[de_nghi.khen_thuong]]
nam = 2021
[[de_nghi.khen_thuong]]
nam = 2022
[bang.con]
x = 1979-05-27 07:32:00Z
[bang]
y = 1
"a.b" = 2
`

func TestIndexPositions(t *testing.T) {
	var m map[string]any
	if _, err := toml.Decode(indexDoc, &m); err != nil {
		t.Fatalf("test document is not valid TOML: %v", err)
	}
	ix := buildIndex(indexDoc)
	tests := []struct {
		path       string
		key, value Pos
	}{
		{"tieu_de", Pos{2, 1, 7}, Pos{2, 11, 3}},
		{"ghi_chu", Pos{7, 1, 7}, Pos{7, 11, 3}},
		{"noi_nhan", Pos{10, 1, 8}, Pos{10, 12, 1}},
		{"noi_nhan[1]", Pos{11, 3, 10}, Pos{11, 3, 10}},
		{"noi_nhan[2]", Pos{12, 3, 6}, Pos{12, 3, 6}},
		{"noi_nhan[3]", Pos{14, 3, 10}, Pos{14, 3, 10}},
		{"thue", Pos{16, 1, 4}, Pos{16, 1, 4}},
		{"thue.ma_so", Pos{16, 6, 5}, Pos{16, 14, 12}},
		{"thue.co_quan", Pos{17, 8, 9}, Pos{17, 20, 41}},
		{"thue.co_quan.ten", Pos{17, 22, 3}, Pos{17, 28, 9}},
		{"thue.co_quan.dia_chi", Pos{17, 39, 7}, Pos{17, 49, 10}},
		{"thue.co_quan.dia_chi.so", Pos{17, 51, 2}, Pos{17, 56, 1}},
		{"de_nghi", Pos{19, 1, 11}, Pos{19, 1, 11}},
		{"de_nghi[1]", Pos{19, 1, 11}, Pos{19, 1, 11}},
		{"de_nghi[1].ho_ten", Pos{20, 1, 6}, Pos{20, 10, 3}},
		{"de_nghi[1].thanh_tich[1]", Pos{21, 15, 6}, Pos{21, 15, 6}},
		{"de_nghi[1].thanh_tich[1][2]", Pos{21, 19, 1}, Pos{21, 19, 1}},
		{"de_nghi[1].thanh_tich[2]", Pos{21, 23, 3}, Pos{21, 23, 3}},
		{"de_nghi[1].thanh_tich[2][1]", Pos{21, 24, 1}, Pos{21, 24, 1}},
		{"de_nghi[2]", Pos{22, 1, 11}, Pos{22, 1, 11}},
		{"de_nghi[2].ho_ten", Pos{23, 3, 6}, Pos{23, 12, 3}},
		{"de_nghi[2].ds[1]", Pos{24, 7, 9}, Pos{24, 7, 9}},
		{"de_nghi[2].ds[2]", Pos{24, 18, 22}, Pos{24, 18, 22}},
		{"de_nghi[2].ds[2].a", Pos{24, 20, 1}, Pos{24, 24, 1}},
		{"de_nghi[2].ds[2].b", Pos{24, 27, 1}, Pos{24, 31, 7}},
		{"de_nghi[2].ds[2].b[1]", Pos{24, 33, 3}, Pos{24, 33, 3}},
		{"de_nghi[2].que_quan", Pos{25, 1, 18}, Pos{25, 1, 18}},
		{"de_nghi[2].que_quan.tinh", Pos{26, 1, 4}, Pos{26, 8, 8}},
		{"de_nghi[2].khen_thuong", Pos{27, 1, 23}, Pos{27, 1, 23}},
		{"de_nghi[2].khen_thuong[1]", Pos{27, 1, 23}, Pos{27, 1, 23}},
		{"de_nghi[2].khen_thuong[1].nam", Pos{28, 1, 3}, Pos{28, 7, 4}},
		{"de_nghi[3]", Pos{29, 1, 11}, Pos{29, 1, 11}},
		{"de_nghi[3].khen_thuong[1]", Pos{30, 1, 23}, Pos{30, 1, 23}},
		{"de_nghi[3].khen_thuong[1].nam", Pos{31, 1, 3}, Pos{31, 7, 4}},
		{"de_nghi[3].khen_thuong[2]", Pos{32, 1, 23}, Pos{32, 1, 23}},
		{"de_nghi[3].khen_thuong[2].nam", Pos{33, 1, 3}, Pos{33, 7, 4}},
		{"bang", Pos{36, 1, 6}, Pos{36, 1, 6}},
		{"bang.con", Pos{34, 1, 10}, Pos{34, 1, 10}},
		{"bang.con.x", Pos{35, 1, 1}, Pos{35, 5, 20}},
		{"bang.y", Pos{37, 1, 1}, Pos{37, 5, 1}},
		{`bang."a.b"`, Pos{38, 1, 5}, Pos{38, 9, 1}},

		// Absent paths fall back to the nearest ancestor with a position.
		{"de_nghi[3].ho_ten", Pos{29, 1, 11}, Pos{29, 1, 11}},
		{"de_nghi[2].que_quan.xa", Pos{25, 1, 18}, Pos{25, 1, 18}},
		{`bang."a.b".z`, Pos{38, 1, 5}, Pos{38, 1, 5}},
		{"thue.co_quan.dia_chi.so_nha", Pos{17, 39, 7}, Pos{17, 39, 7}},
		{"de_nghi[7]", Pos{19, 1, 11}, Pos{19, 1, 11}},

		// Look-alikes inside multi-line strings are not indexed.
		{"ho_ten", Pos{}, Pos{}},
		{"x", Pos{}, Pos{}},
		{"x[1]", Pos{}, Pos{}},
	}
	for _, tt := range tests {
		if got := ix.Find(tt.path); got != tt.key {
			t.Errorf("Find(%q) = %s, want %s", tt.path, fmtPos(got), fmtPos(tt.key))
		}
		if got := ix.FindValue(tt.path); got != tt.value {
			t.Errorf("FindValue(%q) = %s, want %s", tt.path, fmtPos(got), fmtPos(tt.value))
		}
	}
}

func TestIndexCRLFAndTabs(t *testing.T) {
	src := "a = \"\"\"x\r\ny\"\"\"\r\n[t]\r\n\tb = [\r\n  1,\r\n  \"đ\",\r\n]\r\n"
	var m map[string]any
	if _, err := toml.Decode(src, &m); err != nil {
		t.Fatal(err)
	}
	ix := buildIndex(src)
	tests := []struct {
		path string
		want Pos
	}{
		{"a", Pos{1, 5, 4}}, // Len stops before the CR
		{"t", Pos{3, 1, 3}},
		{"t.b", Pos{4, 6, 1}},
		{"t.b[1]", Pos{5, 3, 1}},
		{"t.b[2]", Pos{6, 3, 3}},
	}
	for _, tt := range tests {
		if got := ix.FindValue(tt.path); got != tt.want {
			t.Errorf("FindValue(%q) = %s, want %s", tt.path, fmtPos(got), fmtPos(tt.want))
		}
	}
}

func TestIndexNil(t *testing.T) {
	var ix *Index
	if got := ix.Find("a.b"); !got.IsZero() {
		t.Errorf("nil Index Find = %+v", got)
	}
	if got := ix.Paths(); got != nil {
		t.Errorf("nil Index Paths = %v", got)
	}
}

func TestAncestors(t *testing.T) {
	tests := []struct {
		path string
		want []string
	}{
		{"a", nil},
		{"a.b[2].c", []string{"a.b[2]", "a.b", "a"}},
		{`a."b.c[1]".d`, []string{`a."b.c[1]"`, "a"}},
		{`x[1][2]`, []string{"x[1]", "x"}},
		{`"a\".b"[3]`, []string{`"a\".b"`}},
	}
	for _, tt := range tests {
		got := ancestors(tt.path)
		if len(got) != len(tt.want) {
			t.Errorf("ancestors(%q) = %q, want %q", tt.path, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("ancestors(%q) = %q, want %q", tt.path, got, tt.want)
				break
			}
		}
	}
}

func TestPathKey(t *testing.T) {
	tests := []struct{ parent, key, want string }{
		{"", "ho_ten", "ho_ten"},
		{"de_nghi[2]", "ngay_sinh", "de_nghi[2].ngay_sinh"},
		{"a", "họ_tên", "a.họ_tên"},
		{"a", "b.c", `a."b.c"`},
		{"a", "", `a.""`},
		{"a", "x y", `a."x y"`},
	}
	for _, tt := range tests {
		if got := PathKey(tt.parent, tt.key); got != tt.want {
			t.Errorf("PathKey(%q, %q) = %q, want %q", tt.parent, tt.key, got, tt.want)
		}
	}
	if got := PathIndex("de_nghi", 3); got != "de_nghi[3]" {
		t.Errorf("PathIndex = %q", got)
	}
}

func TestUnescape(t *testing.T) {
	tests := []struct{ in, want string }{
		{`plain`, "plain"},
		{`a\"b`, `a"b`},
		{`t\u00ean`, "tên"},
		{`\U0001F600\\`, "😀\\"},
		{`\x41\t`, "A\t"},
	}
	for _, tt := range tests {
		if got := unescape(tt.in); got != tt.want {
			t.Errorf("unescape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
