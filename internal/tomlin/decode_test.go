package tomlin

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

type khenThuong struct {
	Nam      int    `toml:"nam"`
	HinhThuc string `toml:"hinh_thuc"`
}

type deNghi struct {
	HoTen      string       `toml:"ho_ten"`
	NgaySinh   date         `toml:"ngay_sinh"`
	NgayCap    *date        `toml:"ngay_cap"`
	GioiTinh   gender       `toml:"gioi_tinh"`
	ThanhTich  []string     `toml:"thanh_tich"`
	KhenThuong []khenThuong `toml:"khen_thuong"`
}

type thue struct {
	MaSo   string `toml:"ma_so"`
	CoQuan string `toml:"co_quan"`
}

type common struct {
	NguoiKy string `toml:"nguoi_ky"`
}

type hoSo struct {
	common
	TieuDe  string            `toml:"tieu_de"`
	So      *int              `toml:"so"`
	Khan    *bool             `toml:"khan"`
	NgayKy  *time.Time        `toml:"ngay_ky"`
	TyLe    float64           `toml:"ty_le"`
	NoiNhan []string          `toml:"noi_nhan"`
	Nam     []int             `toml:"nam"`
	Thue    *thue             `toml:"thue"`
	NhanXet map[string]string `toml:"nhan_xet"`
	Khac    any               `toml:"khac"`
	DeNghi  []deNghi          `toml:"de_nghi"`
	Bo      string            `toml:"-"`
	Untag   string
}

func decode(t *testing.T, src string) (*hoSo, *Index, Problems) {
	t.Helper()
	var v hoSo
	ix, ps, err := Decode([]byte(src), &v)
	if err != nil {
		t.Fatalf("Decode: unexpected error %v", err)
	}
	return &v, ix, ps
}

func TestDecodeValid(t *testing.T) {
	src := `nguoi_ky = "Trần Thị B"
tieu_de = "Đề nghị khen thưởng"
so = 12
khan = false
ngay_ky = 2026-01-15
ty_le = 3
noi_nhan = ["Như trên", "Lưu VT"]
nam = [2024, 2025]
thue.ma_so = "0101234567"
thue.co_quan = "Chi cục Thuế"
nhan_xet = { tot = "Hoàn thành tốt", "ghi chú" = "không" }
khac = [1, "a", { b = true }]

[[de_nghi]]
ho_ten = "Nguyễn Văn A"
ngay_sinh = 1985-03-12
gioi_tinh = "nam"
thanh_tich = ["Chiến sĩ thi đua"]
[[de_nghi.khen_thuong]]
nam = 2020
hinh_thuc = "Giấy khen"

[[de_nghi]]
ho_ten = "Lê Thị C"
ngay_sinh = "01/02/1990"
ngay_cap = "15/06/2021"
gioi_tinh = "nữ"
`
	v, ix, ps := decode(t, src)
	if len(ps) != 0 {
		t.Fatalf("unexpected problems:\n%s", dump(ps))
	}
	if ix == nil {
		t.Fatal("nil index")
	}
	twelve, no := 12, false
	want := hoSo{
		common:  common{NguoiKy: "Trần Thị B"},
		TieuDe:  "Đề nghị khen thưởng",
		So:      &twelve,
		Khan:    &no,
		TyLe:    3,
		NoiNhan: []string{"Như trên", "Lưu VT"},
		Nam:     []int{2024, 2025},
		Thue:    &thue{MaSo: "0101234567", CoQuan: "Chi cục Thuế"},
		NhanXet: map[string]string{"tot": "Hoàn thành tốt", "ghi chú": "không"},
		Khac:    []any{int64(1), "a", map[string]any{"b": true}},
		DeNghi: []deNghi{
			{
				HoTen: "Nguyễn Văn A", NgaySinh: date{1985, 3, 12}, GioiTinh: "nam",
				ThanhTich:  []string{"Chiến sĩ thi đua"},
				KhenThuong: []khenThuong{{Nam: 2020, HinhThuc: "Giấy khen"}},
			},
			{HoTen: "Lê Thị C", NgaySinh: date{1990, 2, 1}, NgayCap: &date{2021, 6, 15}, GioiTinh: "nữ"},
		},
	}
	if v.NgayKy == nil || v.NgayKy.Format("2006-01-02") != "2026-01-15" {
		t.Errorf("NgayKy = %v", v.NgayKy)
	}
	v.NgayKy = nil
	if !reflect.DeepEqual(*v, want) {
		t.Errorf("decoded\n %#v\nwant\n %#v", *v, want)
	}
}

func TestDecodePointersAbsentAndPresent(t *testing.T) {
	v, _, ps := decode(t, "tieu_de = \"x\"\n")
	if len(ps) != 0 {
		t.Fatalf("problems: %s", dump(ps))
	}
	if v.So != nil || v.Khan != nil || v.NgayKy != nil || v.Thue != nil || v.NoiNhan != nil || v.NhanXet != nil {
		t.Errorf("absent keys must leave nil pointers, slices and maps: %+v", v)
	}

	v, _, ps = decode(t, "so = 0\nkhan = false\nngay_ky = 2026-01-15T08:30:00\n[thue]\n[[de_nghi]]\nngay_cap = 2020-01-02\n")
	if len(ps) != 0 {
		t.Fatalf("problems: %s", dump(ps))
	}
	switch {
	case v.So == nil || *v.So != 0:
		t.Errorf("So = %v, want pointer to 0", v.So)
	case v.Khan == nil || *v.Khan:
		t.Errorf("Khan = %v, want pointer to false", v.Khan)
	case v.NgayKy == nil || v.NgayKy.Hour() != 8:
		t.Errorf("NgayKy = %v", v.NgayKy)
	case v.Thue == nil || *v.Thue != (thue{}):
		t.Errorf("Thue = %v, want pointer to empty table", v.Thue)
	case len(v.DeNghi) != 1 || v.DeNghi[0].NgayCap == nil || *v.DeNghi[0].NgayCap != (date{2020, 1, 2}):
		t.Errorf("DeNghi = %+v", v.DeNghi)
	}
}

func TestDecodeUnknownKeys(t *testing.T) {
	src := `tieu_de = "x"
Tieu-De = "y"
nguoi_kyy = "z"

[[de_nghi]]
ho_ten = "A"
[[de_nghi]]
ho_ten = "B"
[[de_nghi]]
"họ_tên" = "C"
gioi_tinh = "nam"
xyz = 1
[[de_nghi.khen_thuong]]
nam = 2020
[[de_nghi.khen_thuong]]
nam = 2021
  hinh_thuk = "Giấy khen"
[de_nghi.khen_thuong.chi_tiet]
a = 1
`
	_, _, ps := decode(t, src)
	checkProblems(t, ps, []want{
		{"Tieu-De", Pos{2, 1, 7}, KeyUnknownKey, `khóa không được hỗ trợ "Tieu-De"`, `Có phải ý bạn là "tieu_de"?`},
		{"nguoi_kyy", Pos{3, 1, 9}, KeyUnknownKey, `khóa không được hỗ trợ "nguoi_kyy"`, `Có phải ý bạn là "nguoi_ky"?`},
		{"de_nghi[3].họ_tên", Pos{10, 1, 8}, KeyUnknownKey, `khóa không được hỗ trợ "họ_tên"`, `Có phải ý bạn là "ho_ten"?`},
		{"de_nghi[3].xyz", Pos{12, 1, 3}, KeyUnknownKey, `khóa không được hỗ trợ "xyz"`,
			"Các khóa được hỗ trợ ở đây: ho_ten, ngay_sinh, ngay_cap, gioi_tinh, thanh_tich, khen_thuong"},
		{"de_nghi[3].khen_thuong[2].hinh_thuk", Pos{17, 3, 9}, KeyUnknownKey, `khóa không được hỗ trợ "hinh_thuk"`, `Có phải ý bạn là "hinh_thuc"?`},
		{"de_nghi[3].khen_thuong[2].chi_tiet", Pos{18, 1, 30}, KeyUnknownKey, `khóa không được hỗ trợ "chi_tiet"`, ""},
	})
}

func TestDecodeTypeErrorsTogether(t *testing.T) {
	src := `tieu_de = 5
so = "12"
khan = "có"
ngay_ky = "2026-01-15"
ty_le = "x"
thue = "abc"
noi_nhan = 5
nhan_xet = { a = "tốt", b = 2 }
[[de_nghi]]
ngay_sinh = 1985
gioi_tinh = "khác"
thanh_tich = ["a", 2, true]
ngay_cap = "31/02/2020"
[[de_nghi.khen_thuong]]
nam = 2020.5
[[de_nghi]]
ngay_sinh = 1985-03-12T08:00:00
khen_thuong = 3
`
	v, _, ps := decode(t, src)
	checkProblems(t, ps, []want{
		{"tieu_de", Pos{1, 11, 1}, KeyType, "cần chuỗi văn bản nhưng gặp số nguyên", `Hãy đặt giá trị trong dấu ngoặc kép, ví dụ: "5"`},
		{"so", Pos{2, 6, 4}, KeyType, "cần số nguyên nhưng gặp chuỗi văn bản", ""},
		{"khan", Pos{3, 8, 4}, KeyType, "cần true/false nhưng gặp chuỗi văn bản", ""},
		{"ngay_ky", Pos{4, 11, 12}, KeyType, "cần ngày tháng (ví dụ 1985-03-12) nhưng gặp chuỗi văn bản", ""},
		{"ty_le", Pos{5, 9, 3}, KeyType, "cần số thực nhưng gặp chuỗi văn bản", ""},
		{"thue", Pos{6, 8, 5}, KeyType, "cần bảng nhưng gặp chuỗi văn bản", ""},
		{"noi_nhan", Pos{7, 12, 1}, KeyType, "cần danh sách nhưng gặp số nguyên", ""},
		{"nhan_xet.b", Pos{8, 29, 1}, KeyType, "cần chuỗi văn bản nhưng gặp số nguyên", ""},
		{"de_nghi[1].ngay_sinh", Pos{10, 13, 4}, KeyType,
			`cần ngày tháng (ví dụ 1985-03-12 hoặc "12/03/1985") nhưng gặp số nguyên`, ""},
		{"de_nghi[1].gioi_tinh", Pos{11, 13, 6}, KeyValue, `giới tính phải là "nam" hoặc "nữ", không phải "khác"`, ""},
		{"de_nghi[1].thanh_tich[2]", Pos{12, 20, 1}, KeyType, "cần chuỗi văn bản nhưng gặp số nguyên", ""},
		{"de_nghi[1].thanh_tich[3]", Pos{12, 23, 4}, KeyType, "cần chuỗi văn bản nhưng gặp giá trị true/false", ""},
		{"de_nghi[1].ngay_cap", Pos{13, 12, 12}, KeyValue, "ngày 31/02/2020 không tồn tại", "Kiểm tra lại ngày và tháng."},
		{"de_nghi[1].khen_thuong[1].nam", Pos{15, 7, 6}, KeyType, "cần số nguyên nhưng gặp số thực", "Cần số nguyên, không có phần thập phân."},
		{"de_nghi[2].ngay_sinh", Pos{17, 13, 19}, KeyType,
			`cần ngày tháng (ví dụ 1985-03-12 hoặc "12/03/1985") nhưng gặp ngày giờ`, "Chỉ ghi ngày, không ghi giờ."},
		{"de_nghi[2].khen_thuong", Pos{18, 15, 1}, KeyType, "cần danh sách nhưng gặp số nguyên", ""},
	})
	// Valid entries next to invalid ones are still decoded.
	if v.NhanXet["a"] != "tốt" {
		t.Errorf("NhanXet = %v", v.NhanXet)
	}
	if _, ok := v.NhanXet["b"]; ok {
		t.Errorf("NhanXet must leave out the entry that could not be decoded: %v", v.NhanXet)
	}
	if !ps.Has("de_nghi[1]") || !ps.Has("de_nghi[1].thanh_tich") || ps.Has("de_nghi[1].ho_ten") || ps.Has("de_ng") {
		t.Error("Problems.Has gives wrong answers")
	}
}

func TestDecodeRange(t *testing.T) {
	type target struct {
		I8  int8    `toml:"i8"`
		U8  uint8   `toml:"u8"`
		U   uint    `toml:"u"`
		F32 float32 `toml:"f32"`
		OK  uint16  `toml:"ok"`
	}
	var v target
	_, ps, err := Decode([]byte("i8 = 128\nu8 = 256\nu = -1\nf32 = 1e300\nok = 65535\n"), &v)
	if err != nil {
		t.Fatal(err)
	}
	checkProblems(t, ps, []want{
		{"i8", Pos{1, 6, 3}, KeyRange, "số 128 nằm ngoài khoảng cho phép (từ -128 đến 127)", ""},
		{"u8", Pos{2, 6, 3}, KeyRange, "số 256 nằm ngoài khoảng cho phép (từ 0 đến 255)", ""},
		{"u", Pos{3, 5, 2}, KeyRange, "", ""},
		{"f32", Pos{4, 7, 5}, KeyRange, "số 1e+300 nằm ngoài khoảng cho phép", ""},
	})
	if v.OK != 65535 {
		t.Errorf("OK = %d", v.OK)
	}
}

func TestDecodeNormalisation(t *testing.T) {
	// "Nguyễn Văn" in NFD: e + combining circumflex + combining tilde,
	// a + combining breve.
	nfd := "Nguye\u0302\u0303n Va\u0306n"
	src := "tieu_de = \"  " + nfd + "\u200b \"\n" +
		"noi_nhan = [\"\ufeffNhư trên \", \"\tLưu VT\"]\n" +
		"nhan_xet = { \"kho\u0302ng\" = \" Tô\u0301t\u00a0\" }\n" +
		"khac = [\" a\u0300 \", { k = \" b \" }]\n" +
		"[[de_nghi]]\n" +
		"ho_ten = '''\n  " + nfd + "\n'''\n" +
		"gioi_tinh = \" nu\u031b\u0303 \"\n" +
		"ngay_sinh = \" 12/03/1985 \"\n"
	v, _, ps := decode(t, src)
	if len(ps) != 0 {
		t.Fatalf("problems:\n%s", dump(ps))
	}
	if v.TieuDe != "Nguyễn Văn" {
		t.Errorf("TieuDe = %q, want NFC %q", v.TieuDe, "Nguyễn Văn")
	}
	if !reflect.DeepEqual(v.NoiNhan, []string{"Như trên", "Lưu VT"}) {
		t.Errorf("NoiNhan = %q", v.NoiNhan)
	}
	if !reflect.DeepEqual(v.NhanXet, map[string]string{"không": "Tốt"}) {
		t.Errorf("NhanXet = %q", v.NhanXet)
	}
	if !reflect.DeepEqual(v.Khac, []any{"à", map[string]any{"k": "b"}}) {
		t.Errorf("Khac = %q", v.Khac)
	}
	d := v.DeNghi[0]
	if d.HoTen != "Nguyễn Văn" || d.GioiTinh != "nữ" || d.NgaySinh != (date{1985, 3, 12}) {
		t.Errorf("DeNghi[0] = %+v", d)
	}
}

func TestDecodeScalarToStringSlice(t *testing.T) {
	v, _, ps := decode(t, "noi_nhan = \"Như trên\"\nnam = 2024\n[[de_nghi]]\nthanh_tich = \"Lao động tiên tiến\"\n")
	checkProblems(t, ps, []want{
		{"nam", Pos{2, 7, 4}, KeyType, "cần danh sách nhưng gặp số nguyên", ""},
	})
	if !reflect.DeepEqual(v.NoiNhan, []string{"Như trên"}) {
		t.Errorf("NoiNhan = %q", v.NoiNhan)
	}
	if !reflect.DeepEqual(v.DeNghi[0].ThanhTich, []string{"Lao động tiên tiến"}) {
		t.Errorf("ThanhTich = %q", v.DeNghi[0].ThanhTich)
	}
}

func TestDecodeDottedKeysAndInlineTables(t *testing.T) {
	src := "thue.ma_so = \"0101234567\"\nthue . co_quan = 7\n" +
		"[[de_nghi]]\nkhen_thuong = [{ nam = 2020, hinh_thuc = \"Giấy khen\" }, { nam = \"2021\", loai = 1 }]\n"
	v, ix, ps := decode(t, src)
	checkProblems(t, ps, []want{
		{"thue.co_quan", Pos{2, 18, 1}, KeyType, "cần chuỗi văn bản nhưng gặp số nguyên", ""},
		{"de_nghi[1].khen_thuong[2].nam", Pos{4, 65, 6}, KeyType, "cần số nguyên nhưng gặp chuỗi văn bản", ""},
		{"de_nghi[1].khen_thuong[2].loai", Pos{4, 73, 4}, KeyUnknownKey, `khóa không được hỗ trợ "loai"`, ""},
	})
	if v.Thue == nil || v.Thue.MaSo != "0101234567" {
		t.Errorf("Thue = %+v", v.Thue)
	}
	if got := ix.Find("thue.ma_so"); got != (Pos{1, 6, 5}) {
		t.Errorf("Find(thue.ma_so) = %+v", got)
	}
	if got := v.DeNghi[0].KhenThuong; len(got) != 2 || got[0] != (khenThuong{2020, "Giấy khen"}) {
		t.Errorf("KhenThuong = %+v", got)
	}
}

func TestDecodeCRLFAndBOM(t *testing.T) {
	src := "\ufeff# BOM\r\ntieu_de = \"Đề nghị\"\r\nghi = \"\"\"a\r\nb\"\"\"\r\nso = \"x\"\r\n"
	v, ix, ps := decode(t, src)
	checkProblems(t, ps, []want{
		{"ghi", Pos{3, 1, 3}, KeyUnknownKey, "", ""},
		{"so", Pos{5, 6, 3}, KeyType, "", ""},
	})
	if v.TieuDe != "Đề nghị" {
		t.Errorf("TieuDe = %q", v.TieuDe)
	}
	if got := ix.Find("tieu_de"); got != (Pos{2, 1, 7}) {
		t.Errorf("Find(tieu_de) = %+v", got)
	}
	// A BOM does not shift columns on the first line.
	_, ix, _ = decode(t, "\ufefftieu_de = 1\n")
	if got := ix.FindValue("tieu_de"); got != (Pos{1, 11, 1}) {
		t.Errorf("FindValue(tieu_de) after BOM = %+v", got)
	}
}

func TestDecodeSyntaxErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  Pos
		msg  string
		hint string
	}{
		{"invalid date", "tieu_de = \"x\"\n\nngay_ky = 2026-02-30\n", Pos{3, 11, 10},
			"ngày giờ không hợp lệ: 2026-02-30", "Tháng 2 năm 2026 chỉ có 28 ngày."},
		{"date without leading zero", "ngay_ky = 1985-3-12\n", Pos{1, 11, 9},
			"ngày giờ không hợp lệ: 1985-3-12", "Tháng và ngày phải đủ hai chữ số, ví dụ 1985-03-02 chứ không phải 1985-3-2."},
		{"unterminated string", "so = 1\ntieu_de = \"Đề nghị\nso = 2\n", Pos{2, 19, 1},
			"chuỗi chưa được đóng trên cùng dòng (chuỗi trong dấu ngoặc không được xuống dòng)", ""},
		{"unterminated string at EOF", "tieu_de = \"abc", Pos{1, 14, 1},
			`chuỗi chưa được đóng: thiếu dấu " ở cuối`, ""},
		{"unterminated multi-line string", "tieu_de = \"\"\"abc\n", Pos{1, 17, 1},
			`chuỗi nhiều dòng chưa được đóng: thiếu """ ở cuối`, ""},
		{"duplicate key", "[[de_nghi]]\nho_ten = \"A\"\nho_ten = \"B\"\n", Pos{3, 1, 6},
			`khóa bị lặp: "de_nghi.ho_ten" đã được khai báo trước đó`, ""},
		{"duplicate table", "[thue]\n[thue]\n", Pos{2, 2, 4},
			`khóa bị lặp: "thue" đã được khai báo trước đó`, ""},
		{"bare text value", "ho_ten = Nguyễn Văn A\n", Pos{1, 10, 6},
			`cần một giá trị nhưng gặp "Nguyễn"`, hintQuote},
		{"missing value", "ho_ten =\nso = 1\n", Pos{1, 9, 1}, "thiếu giá trị sau dấu '='", ""},
		{"space in key", "ho ten = \"A\"\n", Pos{1, 4, 1}, "cần dấu '=' sau tên khóa nhưng gặp 't'", hintKeySpace},
		{"invalid escape in multi-line string", "a = \"\"\"\nabc\n \\q \"\"\"\n", Pos{3, 2, 2},
			`ký tự thoát không hợp lệ trong chuỗi: \q`, hintEscape},
		{"windows path", "a = \"C:\\Users\\x\"\n", Pos{1, 8, 3},
			`ký tự thoát không hợp lệ trong chuỗi: sau \U cần mã số thập lục phân`, hintEscape},
		{"unclosed array", "a = [1, 2\nb = 3\n", Pos{2, 1, 1},
			"trong danh sách cần dấu phẩy ',' hoặc dấu ']' nhưng gặp 'b'", ""},
		{"dd/mm/yyyy unquoted", "a = 12/03/1985\n", Pos{1, 7, 1},
			"sau giá trị chỉ được có chú thích (#) rồi xuống dòng, nhưng gặp '/'", ""},
		{"decimal comma", "a = 1,5\n", Pos{1, 6, 1}, "",
			"Số thập phân dùng dấu chấm, không dùng dấu phẩy: 1.5 chứ không phải 1,5"},
		{"leading zero", "so_cccd = 001085012345\n", Pos{1, 11, 12},
			"số nguyên không được bắt đầu bằng số 0: 001085012345", hintLeadingZero},
		{"control character", "a = 1\nb = \"x\x01\"\n", Pos{2, 7, 1}, "", ""},
		{"CRLF", "a = 1\r\nb = \"abc\r\nc = 1\r\n", Pos{2, 9, 1}, "", ""},
		{"BOM", "\ufeffa = 2026-13-01\n", Pos{1, 5, 10}, "ngày giờ không hợp lệ: 2026-13-01", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct{}
			ix, ps, err := Decode([]byte(tt.src), &v)
			if err != nil {
				t.Fatal(err)
			}
			if ix != nil {
				t.Error("index must be nil on a syntax error")
			}
			checkProblems(t, ps, []want{{"", tt.pos, KeySyntax, tt.msg, tt.hint}})
		})
	}
}

// A parser message the table does not know gets a Vietnamese message and
// hint, never the parser's English.
func TestTranslateFallback(t *testing.T) {
	msg, hint := translate("some future message", "", 0)
	if msg != "lỗi cú pháp TOML" || hint != hintSyntax {
		t.Errorf("translate = %q, %q", msg, hint)
	}
}

func TestDecodeEncoding(t *testing.T) {
	tests := []struct {
		name string
		src  string
		pos  Pos
		msg  string
	}{
		{"latin-1 byte", "a = 1\nho_ten = \"Nguy\xe1n\"\n", Pos{2, 15, 1}, "tệp không phải UTF-8: byte 0xE1 không hợp lệ; có vẻ tệp đang ở bảng mã Windows-1252"},
		{"after multi-byte characters", "tieu_de = \"Đề nghị \xff\"\n", Pos{1, 20, 1}, "tệp không phải UTF-8: byte 0xFF không hợp lệ"},
		{"UTF-16", "\xff\xfea\x00 \x00=\x00", Pos{}, "tệp không phải UTF-8 (tệp đang ở dạng UTF-16)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v struct{}
			ix, ps, err := Decode([]byte(tt.src), &v)
			if err != nil || ix != nil {
				t.Fatalf("Decode = %v, %v", ix, err)
			}
			checkProblems(t, ps, []want{{"", tt.pos, KeyEncoding, tt.msg, hintEncoding}})
		})
	}
}

func TestDecodeProgrammerErrors(t *testing.T) {
	var s struct{}
	var n int
	tests := []struct {
		name string
		v    any
	}{
		{"not a pointer", s},
		{"nil pointer", (*struct{})(nil)},
		{"pointer to non-struct", &n},
		{"nil", nil},
		{"channel field", &struct {
			C chan int `toml:"c"`
		}{}},
		{"int map key", &struct {
			M map[int]string `toml:"m"`
		}{}},
		{"nested func", &struct {
			S []struct {
				F func() `toml:"f"`
			} `toml:"s"`
		}{}},
		{"unexported tagged field", &struct {
			x int `toml:"x"`
		}{}},
		{"duplicate key", &struct {
			A string `toml:"a"`
			B string `toml:"a"`
		}{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ps, err := Decode([]byte("a = 1\n"), tt.v)
			if err == nil || !strings.HasPrefix(err.Error(), "tomlin: ") {
				t.Errorf("want a tomlin programmer error, got %v", err)
			}
			if ps != nil {
				t.Errorf("problems = %v", ps)
			}
		})
	}
}

func TestDecodeRecursiveType(t *testing.T) {
	type node struct {
		Ten  string `toml:"ten"`
		Con  []node `toml:"con"`
		Next *node  `toml:"next"`
	}
	var v node
	_, ps, err := Decode([]byte("ten = \"a\"\n[[con]]\nten = \"b\"\n[[con.con]]\nten = 1\n"), &v)
	if err != nil {
		t.Fatal(err)
	}
	checkProblems(t, ps, []want{{"con[1].con[1].ten", Pos{5, 7, 1}, KeyType, "", ""}})
	if v.Con[0].Ten != "b" || v.Next != nil {
		t.Errorf("v = %+v", v)
	}
}

func TestSuggest(t *testing.T) {
	known := []string{"ho_ten", "ngay_sinh", "nam", "so", "hinh_thuc", "dia_chi"}
	tests := []struct{ key, want string }{
		{"ho_tenn", "ho_ten"},
		{"ho_tne", "ho_ten"}, // transposition
		{"hoten", "ho_ten"},  // deletion
		{"họ_tên", "ho_ten"}, // diacritics
		{"Ho-Ten", "ho_ten"}, // case and dash
		{"HỌ TÊN", "ho_ten"}, // case, space and diacritics
		{"ngay_snh", "ngay_sinh"},
		{"ngày_sinh", "ngay_sinh"},
		{"năm", "nam"},
		{"nm", "nam"}, // short key: distance 1
		{"ma", ""},    // short key: distance 2 is too far
		{"sô", "so"},
		{"dia_chi_cu", ""}, // distance 3
		{"hinh_thuk", "hinh_thuc"},
		{"xyz", ""},
	}
	for _, tt := range tests {
		if got := newKeySet(known).suggest(tt.key); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}

// TestRestTakesTheKeysNoFieldTakes: a `toml:",rest"` map collects the
// keys no other field takes, cleaned and checked like strings; without
// one, such a key is unknown.
func TestRestTakesTheKeysNoFieldTakes(t *testing.T) {
	type doc struct {
		Number int            `toml:"so"`
		Rest   map[string]any `toml:",rest"`
	}
	var v struct {
		Docs map[string]doc `toml:"van_ban"`
	}
	src := "[van_ban.giay-moi]\nso = 3\nthanh_phan = [\"Ông A \", \"Bà B\"]\nthoi_gian = 2026-01-28T08:00:00\n"
	_, ps, err := Decode([]byte(src), &v)
	if err != nil || len(ps) > 0 {
		t.Fatal(err, ps)
	}
	d := v.Docs["giay-moi"]
	if d.Number != 3 || len(d.Rest) != 2 || d.Rest["thanh_phan"].([]any)[0] != "Ông A" {
		t.Errorf("decoded %+v", d)
	}
	_, ps, _ = Decode([]byte(src+"ghi_chu = \"x\u200by\"\n"), &v)
	if len(ps) != 1 || ps[0].Path != "van_ban.giay-moi.ghi_chu" || ps[0].Key != KeyInvisible {
		t.Errorf("problems %v", ps)
	}
	var plain struct {
		Docs map[string]struct {
			Number int `toml:"so"`
		} `toml:"van_ban"`
	}
	if _, ps, _ := Decode([]byte(src), &plain); len(ps) != 2 || ps[0].Key != KeyUnknownKey {
		t.Errorf("without a rest map: %v", ps)
	}
}
