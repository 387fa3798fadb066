package xlsxin

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/templates"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"
)

// wardSet is the form set of the ward's sample (nd152-2025).
func wardSet(t testing.TB) *formset.Set {
	t.Helper()
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	set, err := formset.Select(sets, date(2026, time.February, 5), "")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

type want struct {
	row                            int
	kind                           submission.Kind
	name, award, written           string
	born                           time.Time
	gender, ethnicity, unit, title string
}

// The sample list and the same list saved again by LibreOffice Calc (as
// "Excel 2007-365") give the same nominees: the ones wardList writes.
func TestSampleAndLibreOffice(t *testing.T) {
	wants := []want{
		{11, submission.Collective, "Tổ dân phố 12", "giay-khen-chu-tich-ubnd", "Giấy khen của Chủ tịch UBND phường", time.Time{}, "", "", "", ""},
		{12, submission.Collective, "Trường Tiểu học Tân Sơn Hòa", "bang-khen-chu-tich-ubnd-tp", "Bằng khen của Chủ tịch UBND Thành phố", time.Time{}, "", "", "", ""},
		{14, submission.Individual, "Nguyễn Văn Hùng", "giay-khen-chu-tich-ubnd", "Giấy khen của Chủ tịch UBND phường", date(1980, 4, 15), "Nam", "Kinh", "Tổ dân phố 12", "Tổ trưởng Tổ dân phố 12"},
		{15, submission.Individual, "Lê Thị Thanh Hương", "giay-khen-chu-tich-ubnd", "", date(1990, 9, 2), "Nữ", "Kinh", "Trường Tiểu học Tân Sơn Hòa", "Giáo viên"},
		{16, submission.Individual, "Mã Quốc Vinh", "giay-khen-chu-tich-ubnd", "Giấy khen của Chủ tịch Ủy ban nhân dân phường Tân Sơn Hòa", date(1985, 12, 3), "Nam", "Hoa", "Ủy ban nhân dân phường Tân Sơn Hòa", "Công chức Văn phòng - Thống kê"},
		// The unit merged over rows 16 and 17 belongs to both.
		{17, submission.Individual, "Đỗ Thị Mai", "giay-khen-chu-tich-ubnd", "Giấy khen của Chủ tịch UBND phường", date(1992, 6, 30), "Nữ", "Kinh", "Ủy ban nhân dân phường Tân Sơn Hòa", "Công chức Địa chính - Xây dựng"},
		{18, submission.Individual, "Trần Minh Khôi", "bang-khen-chu-tich-ubnd-tp", "Bằng khen của Chủ tịch UBND Thành phố", date(1991, 3, 2), "Nam", "Kinh", "Ủy ban nhân dân phường Tân Sơn Hòa", "Công chức Văn hóa - Xã hội"},
	}
	made := wardList(t).bytes()
	saved, err := os.ReadFile("testdata/danh-sach-libreoffice.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	var tomls []string
	for _, data := range [][]byte{made, saved} {
		res := read(t, data, Options{Set: wardSet(t)})
		if len(res.Problems) > 0 {
			t.Fatalf("problems: %v", res.Problems)
		}
		if len(res.Entries) != len(wants) {
			t.Fatalf("%d entries, want %d", len(res.Entries), len(wants))
		}
		for i, w := range wants {
			e, n := res.Entries[i], res.Entries[i].Nominee
			if e.Row != w.row || e.Sheet != "Danh sách" || n.Kind != w.kind || n.DisplayName() != w.name || n.Award != w.award || e.Award != w.written ||
				!n.Born.Equal(w.born) || n.Gender != w.gender || n.Ethnicity != w.ethnicity || n.Unit != w.unit || n.Position != w.title {
				t.Errorf("row %d: %+v (written %q)\nwant %+v", e.Row, n, e.Award, w)
			}
		}
		notes := noticeStrings(res.Warnings)
		for _, w := range []string{`'Danh sách'!I7: cột "Ghi chú" không có trong tệp hồ sơ`, `'Danh sách'!20:20: bỏ qua 4 dòng cuối (từ dòng 20`} {
			if !strings.Contains(notes, w) {
				t.Errorf("warnings lack %q:\n%s", w, notes)
			}
		}
		if len(res.Warnings) != 2 {
			t.Errorf("warnings:\n%s", notes)
		}
		tomls = append(tomls, res.TOML(""))
	}
	if tomls[0] != tomls[1] {
		t.Errorf("the LibreOffice copy reads differently:\n%s\n---\n%s", tomls[0], tomls[1])
	}
}

func noticeStrings(ns []Notice) string {
	var b strings.Builder
	for _, n := range ns {
		b.WriteString(n.String() + "\n")
	}
	return b.String()
}

// badList is a list with one of every mistake the issue names.
func badList(t *testing.T) *book {
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Hình thức đề nghị", "Loại")
	b.row(2, 1, "Nguyễn Văn An", "31/02/1985", "Nam", "giay-khen-chu-tich-ubnd", "cá nhân")
	b.row(3, 2, nil, "01/01/1980", "Nữ", "giay-khen-chu-tich-ubnd", "cá nhân")
	b.row(4, 3, "Trần Thị Bình", date(1979, 5, 6), "Nữ", "Cờ thi đua của Chính phủ", "cá nhân")
	b.row(5, 4, "Lê Văn Cường", 1985, "Nam", "Giấy khen của Chủ tịch UBND quận", "cá nhân")
	b.row(6, 5, "Phạm Thị Dung", date(1990, 1, 1), "X", "giay-khen-chu-tich-ubnd", "học sinh")
	b.row(7, 6, "Uû ban nh©n d©n", date(1990, 1, 1), "Nam", "giay-khen-chu-tich-ubnd", "cá nhân")
	b.row(8, 7, "Võ\u200bVăn Em", date(1990, 1, 1), "Nam", "giay-khen-chu-tich-ubnd", "cá nhân")
	b.row(9, 8, "Hồ Văn Phúc", date(2030, 1, 1), "Nam", "giay-khen-chu-tich-ubnd", "cá nhân")
	return b
}

// Every mistake is reported at once, at its cell, in Vietnamese, and
// nothing is given.
func TestRefusals(t *testing.T) {
	into := &submission.Submission{Proposal: submission.Proposal{Date: submission.Date{Time: date(2026, 2, 5)}}}
	res := read(t, badList(t).bytes(), Options{Set: wardSet(t), Into: into})
	got := noticeStrings(res.Problems)
	for _, w := range []string{
		`Sheet1!C2: Ngày sinh: ngày "31/02/1985" không có thật`,
		"Sheet1!B3: dòng có số liệu nhưng thiếu họ tên",
		`Sheet1!E4: bộ mẫu nd152-2025 không có hình thức "Cờ thi đua của Chính phủ"`,
		`Sheet1!C5: Ngày sinh: cần ngày tháng`, "(ô ghi 1985)",
		`Sheet1!E5: hình thức "Giấy khen của Chủ tịch UBND quận" không còn áp dụng từ bộ mẫu nd152-2025: cấp quận, huyện đã chấm dứt`,
		`Sheet1!F6: Loại: loại "học sinh" không có`,
		`Sheet1!B7: chữ có vẻ được gõ bằng bảng mã TCVN3`,
		`Sheet1!B8: có ký tự vô hình U+200B`,
		`Sheet1!C9: ngày sinh 01/01/2030 sau ngày Tờ trình`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
	if len(res.Entries) != 0 {
		t.Errorf("entries given with problems: %d", len(res.Entries))
	}
	// In the order of the sheet, whichever check found them.
	last := 0
	for _, p := range res.Problems {
		c, r, err := excelize.CellNameToCoordinates(strings.TrimPrefix(p.At, "Sheet1!"))
		if err != nil || r*100+c < last {
			t.Errorf("%s comes after row %d: %v", p.At, last/100, err)
		}
		last = r*100 + c
	}
	for _, p := range res.Problems {
		if p.Text == "" || p.At == "" {
			t.Errorf("problem without place or text: %+v", p)
		}
		if strings.Contains(p.Text, "không có trong bộ mẫu") || strings.Contains(p.Text, "Cờ thi đua") {
			if !strings.Contains(p.Hint, "giay-khen-chu-tich-ubnd (Giấy khen của Chủ tịch Ủy ban nhân dân xã, phường)") || strings.Contains(p.Hint, "giay-khen-chu-tich-ubnd-quan") {
				t.Errorf("unknown award's hint does not list the codes in force: %q", p.Hint)
			}
		}
	}

	// An invalid gender is refused at its cell too.
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Họ tên", "Giới tính", "Loại")
	b.row(2, 1, "Phạm Thị Dung", "X", "cá nhân")
	if got := noticeStrings(read(t, b.bytes(), Options{Set: wardSet(t)}).Problems); !strings.Contains(got, `Sheet1!C2: giới tính "X" không hợp lệ`) {
		t.Errorf("gender X:\n%s", got)
	}
}

func TestMissingHeader(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.row(1, "DANH SÁCH ĐỀ NGHỊ")
	b.row(3, "Số", "Người được đề nghị", "Mức khen")
	b.row(4, 1, "Nguyễn Văn An", "Giấy khen")
	res := read(t, b.bytes(), Options{Set: wardSet(t)})
	if len(res.Problems) != 1 || res.Problems[0].At != "Sheet1!A1" || !strings.Contains(res.Problems[0].Text, "không tìm thấy dòng tiêu đề") ||
		!strings.Contains(res.Problems[0].Hint, `"Họ và tên"`) {
		t.Errorf("problems: %+v", res.Problems)
	}
}

// Headers are found in any case, with or without diacritics, with extra
// spaces, text in brackets and both names of the name column; the kind
// comes from a column, the sheet's name or its title; gender from marks
// under "Giới tính".
func TestHeaderVariants(t *testing.T) {
	b := newBook(t, "Cá nhân")
	b.row(1, "DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG")
	b.row(2, "  so   TT ", "HỌ VÀ TÊN / TÊN TẬP THỂ", "Ngay thang nam sinh (dd/mm/yyyy)", "Giới tính", nil, "Chuc vu", "ĐƠN VỊ CÔNG TÁC", "Hình thức khen thưởng", "Đơn vị")
	b.row(3, nil, nil, nil, "Nam", "Nữ")
	b.merge("D2", "E2")
	b.row(4, "1", "Nguyễn Văn An", "05.06.1981", "x", nil, "Kế toán", "Phòng Kinh tế", "giay-khen-chu-tich-ubnd", "trùng")
	b.row(5, "2.", "Trần Thị Bình", date(1982, 7, 8), nil, "X", "Văn thư", "Văn phòng", "giay-khen-chu-tich-ubnd")
	res := read(t, b.bytes(), Options{Set: wardSet(t)})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	if len(res.Entries) != 2 {
		t.Fatalf("%d entries", len(res.Entries))
	}
	a, c := res.Entries[0].Nominee, res.Entries[1].Nominee
	if a.Kind != submission.Individual || a.Name != "Nguyễn Văn An" || !a.Born.Equal(date(1981, 6, 5)) || a.Gender != "Nam" || a.Position != "Kế toán" || a.Unit != "Phòng Kinh tế" {
		t.Errorf("first: %+v", a)
	}
	if c.Gender != "Nữ" || !c.Born.Equal(date(1982, 7, 8)) {
		t.Errorf("second: %+v", c)
	}
	if got := noticeStrings(res.Warnings); !strings.Contains(got, `'Cá nhân'!I2: cột "Đơn vị" nói lại điều cột "ĐƠN VỊ CÔNG TÁC" đã có`) {
		t.Errorf("warnings:\n%s", got)
	}

	// Without any of them the kind is a problem naming the row.
	b = newBook(t, "Sheet1")
	b.row(1, "STT", "Họ và tên", "Hình thức đề nghị")
	b.row(2, 1, "Nguyễn Văn An", "giay-khen-chu-tich-ubnd")
	res = read(t, b.bytes(), Options{Set: wardSet(t)})
	if got := noticeStrings(res.Problems); !strings.Contains(got, "Sheet1!2:2: không biết đối tượng ở dòng này là cá nhân hay tập thể") {
		t.Errorf("no kind:\n%s", got)
	}
}

// Section rows give the kind of the rows under them, however they are
// written; a section naming no kind keeps the kind it is under.
func TestSections(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Họ và tên", "Hình thức đề nghị")
	b.row(2, "I", "TẬP THỂ")
	b.row(3, 1, "Tổ dân phố 1", "giay-khen-chu-tich-ubnd")
	b.row(4, "II. Cá nhân")
	b.row(5, 1, "Nguyễn Văn An", "giay-khen-chu-tich-ubnd")
	b.row(6, nil, "A. Khối Đảng")
	b.row(7, 2, "Trần Văn Bình", "giay-khen-chu-tich-ubnd")
	b.row(8, "III", "DOANH NGHIỆP")
	b.row(9, 1, "Công ty TNHH Ánh Dương", "giay-khen-chu-tich-ubnd")
	res := read(t, b.bytes(), Options{Set: wardSet(t)})
	if len(res.Problems) > 0 || len(res.Warnings) > 0 {
		t.Fatalf("problems %v, warnings %v", res.Problems, res.Warnings)
	}
	var kinds []submission.Kind
	for _, e := range res.Entries {
		kinds = append(kinds, e.Nominee.Kind)
	}
	want := []submission.Kind{submission.Collective, submission.Individual, submission.Individual, submission.Enterprise}
	if !slices.Equal(kinds, want) {
		t.Errorf("kinds %v, want %v", kinds, want)
	}
}

// A nominee the submission already has, or an earlier row gave, is
// skipped with a warning; the same name born another day is another
// person.
func TestDuplicates(t *testing.T) {
	into := &submission.Submission{Nominees: []submission.Nominee{
		{Kind: submission.Individual, Name: "Nguyễn Văn An", Born: submission.Date{Time: date(1981, 6, 5)}},
		{Kind: submission.Collective, OrgName: "Tổ dân phố 3"},
	}}
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Họ và tên", "Ngày sinh", "Loại")
	b.row(2, 1, "NGUYỄN VĂN AN", "05/06/1981", "cá nhân")
	b.row(3, 2, "Nguyễn Văn An", "05/06/1990", "cá nhân")
	b.row(4, 3, "Tổ dân phố 3", nil, "tập thể")
	b.row(5, 4, "Nguyễn Văn An", "05/06/1990", "cá nhân")
	b.row(6, 5, "Tổ dân phố 3", nil, "cá nhân")
	res := read(t, b.bytes(), Options{Set: wardSet(t), Into: into})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	var rows []int
	for _, e := range res.Entries {
		rows = append(rows, e.Row)
	}
	if len(rows) != 2 || rows[0] != 3 || rows[1] != 6 {
		t.Errorf("kept rows %v, want [3 6]", rows)
	}
	got := noticeStrings(res.Warnings)
	for _, w := range []string{
		`Sheet1!B2: "NGUYỄN VĂN AN" (cá nhân) đã có trong tệp hồ sơ (de_nghi[1])`,
		`Sheet1!B4: "Tổ dân phố 3" (tập thể) đã có trong tệp hồ sơ (de_nghi[2])`,
		`Sheet1!B5: "Nguyễn Văn An" (cá nhân) đã có ở dòng 3`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("warnings lack %q:\n%s", w, got)
		}
	}
}

// What a cell holds reaches the submission file exactly: quotes,
// backslashes, paragraphs on lines of a cell, text typed decomposed (NFD)
// comes back NFC; the TOML decodes to the same values.
func TestValuesRoundTrip(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Tên tập thể", "Địa chỉ", "Thành tích", "Mã số thuế", "Loại", "Số phiếu tán thành")
	odd := `Công ty "Ánh Dương" \ chi nhánh`
	b.row(2, 1, odd, norm.NFD.String("Số 1, đường Lê Lợi"), "Đoạn một: \"trích\".\n\n  Đoạn hai \\ tiếp.  \n", "0312345673", "doanh nghiệp", 7)
	res := read(t, b.bytes(), Options{Set: wardSet(t)})
	if len(res.Problems) > 0 {
		t.Fatalf("problems: %v", res.Problems)
	}
	text := res.TOML("a \"b\"\n.xlsx")
	sub, _, problems, err := submission.Decode([]byte(text))
	if err != nil || len(problems) > 0 || len(sub.Nominees) != 1 {
		t.Fatalf("%v %v\n%s", err, problems, text)
	}
	n := sub.Nominees[0]
	if n.OrgName != odd || n.Address != "Số 1, đường Lê Lợi" || !norm.NFC.IsNormalString(n.Address) ||
		len(n.Achievements) != 2 || n.Achievements[0] != `Đoạn một: "trích".` || n.Achievements[1] != `Đoạn hai \ tiếp.` ||
		n.Tax == nil || n.Tax.Code != "0312345673" || n.Kind != submission.Enterprise || n.Vote.For == nil || *n.Vote.For != 7 {
		t.Errorf("decoded %+v\n%s", n, text)
	}
	if !strings.Contains(text, "[de_nghi.thue]") || !strings.Contains(text, `# a "b" .xlsx, Sheet1 dòng 2`) {
		t.Errorf("TOML:\n%s", text)
	}
	// The index finds the values: the blocks are what a clerk could type.
	if _, ix, _, _ := submission.Decode([]byte(text)); ix.Find(tomlin.PathIndex("de_nghi", 1) + ".thue.ma_so_thue").IsZero() {
		t.Error("thue.ma_so_thue not located")
	}
}

// Every key a column goes to is a key of a nominee.
func TestColumnsAreKeys(t *testing.T) {
	for tg := range columns {
		if strings.HasPrefix(string(tg), "#") {
			continue
		}
		var n submission.Nominee
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s: %v", tg, r)
				}
			}()
			setKey(reflectValue(&n), string(tg), "1")
		}()
	}
}

// A sheet far longer than any list is refused without being kept whole.
func TestTooManyRows(t *testing.T) {
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Họ và tên", "Loại")
	b.row(maxRows+1, 1, "Nguyễn Văn An", "cá nhân")
	data := b.bytes()
	_, err := Read(bytes.NewReader(data), int64(len(data)), "x.xlsx", Options{})
	if err == nil || !strings.Contains(err.Error(), `trang "Sheet1" có hơn 20000 dòng`) {
		t.Errorf("err %v", err)
	}
}

func TestNotAWorkbook(t *testing.T) {
	for _, c := range []struct {
		data []byte
		size int64
		want string
	}{
		{[]byte("STT,Họ và tên\n1,An\n"), 0, "không phải tệp Excel .xlsx"},
		{[]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, 0, "Excel 97-2003 (.xls)"},
		{[]byte("PK\x03\x04 broken"), 0, "tệp hỏng"},
		{[]byte("PK"), MaxFileSize + 1, "quá giới hạn 20 MB"},
	} {
		size := c.size
		if size == 0 {
			size = int64(len(c.data))
		}
		_, err := Read(bytes.NewReader(c.data), size, "x.xlsx", Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: %v", c.want, err)
		}
	}
}

func reflectValue(n *submission.Nominee) reflect.Value { return reflect.ValueOf(n).Elem() }

// One problem of a row or a sheet hides no other: without any kind (no
// "Loại" column, no section row) every cell is still checked, what holds
// for any kind plainly, what holds for one kind saying so; a "Loại" cell
// that names no kind hides nothing of its row either.
func TestKindUnknownHidesNothing(t *testing.T) {
	into := &submission.Submission{Proposal: submission.Proposal{Date: submission.Date{Time: date(2026, 2, 5)}}}
	b := newBook(t, "Sheet1")
	b.row(1, "STT", "Họ và tên", "Ngày sinh", "Giới tính", "Hình thức đề nghị")
	b.row(2, 1, "Nguyễn Văn An", "31/02/1985", "Nam", "giay-khen-chu-tich-ubnd")
	b.row(3, 2, nil, "01/01/1980", "Nữ", "giay-khen-chu-tich-ubnd")
	b.row(4, 3, "Trần Thị Bình", date(1979, 5, 6), "Nữ", "Cờ thi đua của Chính phủ")
	b.row(5, 4, "Lê Văn Cường", 1985, "Nam", "Giấy khen của Chủ tịch UBND quận")
	b.row(6, 5, "Phạm Thị Dung", date(1990, 1, 1), "Khác", "giay-khen-chu-tich-ubnd")
	b.row(7, 6, "Uû ban nh©n d©n", date(1990, 1, 1), "Nam", "giay-khen-chu-tich-ubnd")
	b.row(8, 7, "Hồ Văn Phúc", date(2030, 1, 1), "Nam", "giay-khen-chu-tich-ubnd")
	res := read(t, b.bytes(), Options{Set: wardSet(t), Into: into})
	got := noticeStrings(res.Problems)
	wants := []string{
		`Sheet1!C2: Ngày sinh: ngày "31/02/1985" không có thật`,
		"Sheet1!B3: dòng có số liệu nhưng thiếu tên (họ tên cá nhân hoặc tên tập thể)",
		`Sheet1!E4: bộ mẫu nd152-2025 không có hình thức "Cờ thi đua của Chính phủ"`,
		`Sheet1!C5: Ngày sinh: cần ngày tháng`,
		`Sheet1!E5: hình thức "Giấy khen của Chủ tịch UBND quận" không còn áp dụng`,
		`Sheet1!D6: giới tính "Khác" không hợp lệ (nếu đối tượng là cá nhân hoặc chủ doanh nghiệp)`,
		`Sheet1!B7: chữ có vẻ được gõ bằng bảng mã TCVN3`,
		`Sheet1!C8: ngày sinh 01/01/2030 sau ngày Tờ trình (05/02/2026) (nếu đối tượng là cá nhân hoặc chủ doanh nghiệp)`,
	}
	for r := 2; r <= 8; r++ {
		wants = append(wants, fmt.Sprintf("Sheet1!%d:%d: không biết đối tượng ở dòng này là cá nhân hay tập thể", r, r))
	}
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
	// A problem both kinds find is told once.
	if n := strings.Count(got, "Sheet1!B7: chữ có vẻ được gõ bằng bảng mã TCVN3"); n != 1 {
		t.Errorf("the TCVN3 name told %d times:\n%s", n, got)
	}
	if len(res.Entries) != 0 {
		t.Errorf("entries given with problems: %d", len(res.Entries))
	}

	b = newBook(t, "Sheet1")
	b.row(1, "STT", "Họ tên", "Giới tính", "Ngày sinh", "Loại")
	b.row(2, 1, "Phạm Thị Dung", "X", "31/02/1985", "học sinh")
	got = noticeStrings(read(t, b.bytes(), Options{Set: wardSet(t)}).Problems)
	for _, w := range []string{`Sheet1!C2: giới tính "X" không hợp lệ`, `Sheet1!D2: Ngày sinh: ngày "31/02/1985" không có thật`, `Sheet1!E2: Loại: loại "học sinh" không có`} {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
	if strings.Contains(got, "không biết đối tượng") {
		t.Errorf("the kind told twice:\n%s", got)
	}
}
