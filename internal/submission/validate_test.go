package submission_test

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/templates"
)

// base is a small valid submission with one nominee of every kind:
// de_nghi[1] ca-nhan, [2] tap-the, [3] doanh-nghiep, [4] chu-doanh-nghiep.
// Every case below mutates it. Lines a case edits are unique, or the edit
// names which occurrence it means.
const base = `# Hồ sơ hợp lệ tối thiểu cho kiểm thử.

[co_quan]
ten = "Trường Trung học cơ sở Bình Mỹ"
cap_tren = "Ủy ban nhân dân xã Bình Mỹ"
viet_tat = "UBND"
dia_danh = "Bình Mỹ"
tinh = "Thành phố Hồ Chí Minh"

[phong_trao]
ten = "Thi đua yêu nước năm 2025"

[to_trinh]
so = 3
ngay = 2026-01-09
kinh_gui = ["Chủ tịch Ủy ban nhân dân xã Bình Mỹ"]

[to_trinh.nguoi_ky]
chuc_vu = "Chủ tịch"
ho_ten = "Nguyễn Văn Tài"

[hoi_dong]
ten = "Hội đồng Thi đua - Khen thưởng xã Bình Mỹ"
viet_tat = "HĐTĐKT"

[[hoi_dong.thanh_vien]]
ho_ten = "Nguyễn Văn Tài"
chuc_vu = "Chủ tịch Ủy ban nhân dân xã"
vai_tro = "Chủ tịch Hội đồng"

[[hoi_dong.thanh_vien]]
ho_ten = "Trần Thị Bích"
chuc_vu = "Công chức Văn phòng - Thống kê"
vai_tro = "Ủy viên - Thư ký"

[[hoi_dong.thanh_vien]]
ho_ten = "Lâm Văn Sáu"
chuc_vu = "Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã"
vai_tro = "Ủy viên"

[bien_ban]
so = 1
bat_dau = "06/01/2026 14:00"
ket_thuc = "15:30"
dia_diem = "Phòng họp Ủy ban nhân dân xã Bình Mỹ"
chu_tri = "Nguyễn Văn Tài"
thu_ky = "Trần Thị Bích"

[xac_nhan_thue]
so = 7
ngay = 2026-01-07
han_tra_loi = 2026-01-08

[[de_nghi]]
loai = "ca-nhan"
hinh_thuc = "giay-khen-chu-tich-ubnd"
ho_ten = "Võ Thị Mỹ Duyên"
ngay_sinh = "23/07/1988"
gioi_tinh = "Nữ"
don_vi = "Trạm Y tế xã Bình Mỹ"
chuc_vu = "Viên chức Trạm Y tế"
thanh_tich = ["Hoàn thành xuất sắc nhiệm vụ năm 2025."]
bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 0 }

[[de_nghi.danh_hieu]]
nam = 2025
ten = "Lao động tiên tiến"

[[de_nghi]]
loai = "tap-the"
hinh_thuc = "giay-khen-chu-tich-ubnd"
ten = "Trường Tiểu học Bình Mỹ"
dia_chi = "ấp 1, xã Bình Mỹ"
thu_truong = "Phan Văn Học"
thanh_tich = ["Tỷ lệ học sinh hoàn thành chương trình đạt 100%."]
bieu_quyet = { tan_thanh = 3 }

[[de_nghi]]
loai = "doanh-nghiep"
hinh_thuc = "giay-khen-chu-tich-ubnd"
ten = "Công ty TNHH Bình Mỹ Xanh"
dia_chi = "ấp 2, xã Bình Mỹ"
thu_truong = "Đoàn Văn Xanh"
thanh_tich = ["Nộp ngân sách đầy đủ, đúng hạn."]
bieu_quyet = { tan_thanh = 2, khong_tan_thanh = 1 }

[de_nghi.thue]
ma_so_thue = "0312345673"
co_quan_thue = "Thuế cơ sở 19 Thành phố Hồ Chí Minh"

[de_nghi.bhxh]
co_quan = "Bảo hiểm xã hội cơ sở Bình Mỹ"

[[de_nghi]]
loai = "chu-doanh-nghiep"
hinh_thuc = "giay-khen-chu-tich-ubnd"
ho_ten = "Hồ Văn Chủ"
ngay_sinh = 1970-05-01
gioi_tinh = "Nam"
don_vi = "Công ty Cổ phần Mỹ Phát"
chuc_vu = "Giám đốc"
doanh_nghiep = "Công ty Cổ phần Mỹ Phát"
thanh_tich = ["Tạo việc làm cho 120 lao động địa phương."]
bieu_quyet = { khong_tan_thanh = 0, tan_thanh = 3 }

[de_nghi.thue]
ma_so_thue = "0318765434"
dia_chi = "ấp 3, xã Bình Mỹ"
co_quan_thue = "Thuế cơ sở 19 Thành phố Hồ Chí Minh"

[de_nghi.bhxh]
co_quan = "Bảo hiểm xã hội cơ sở Bình Mỹ"
`

// edit replaces the nth (1-based; 0 means "the only") occurrence of old.
type edit struct {
	old, new string
	nth      int
}

// del deletes the nth occurrence of a whole line (given without "\n").
func del(line string, nth int) edit { return edit{line + "\n", "", nth} }

// set replaces a unique line.
func set(old, new string) edit { return edit{old, new, 0} }

func apply(t *testing.T, src string, edits []edit) string {
	t.Helper()
	for _, e := range edits {
		n := strings.Count(src, e.old)
		switch {
		case n == 0:
			t.Fatalf("edit: %q not found in the source", e.old)
		case e.nth == 0 && n != 1:
			t.Fatalf("edit: %q occurs %d times; say which", e.old, n)
		case e.nth > n:
			t.Fatalf("edit: %q occurs %d times, not %d", e.old, n, e.nth)
		}
		at := nthIndex(src, e.old, max(e.nth, 1))
		src = src[:at] + e.new + src[at+len(e.old):]
	}
	return src
}

func nthIndex(s, sub string, nth int) int {
	at := -1
	for i := 0; i < nth; i++ {
		k := strings.Index(s[at+1:], sub)
		if k < 0 {
			return -1
		}
		at += 1 + k
	}
	return at
}

// lineOf is the 1-based line of the nth occurrence of anchor in src, or 0
// (the unknown position) for an empty anchor.
func lineOf(t *testing.T, src, anchor string, nth int) int {
	t.Helper()
	if anchor == "" {
		return 0 // no position
	}
	at := nthIndex(src, anchor, max(nth, 1))
	if at < 0 {
		t.Fatalf("anchor %q (occurrence %d) not in the source", anchor, nth)
	}
	return strings.Count(src[:at], "\n") + 1
}

// want is one expected problem: its key, field path and the line of the
// nth occurrence of anchor in the mutated source.
type want struct {
	key, path string
	anchor    string
	nth       int
}

var (
	setsOnce []*formset.Set
	setsErr  error
)

func sets(t *testing.T) []*formset.Set {
	t.Helper()
	if setsOnce == nil && setsErr == nil {
		setsOnce, setsErr = formset.Load(templates.FS)
	}
	if setsErr != nil {
		t.Fatalf("formset.Load: %v", setsErr)
	}
	return setsOnce
}

// check runs the source through dossier.Build, which decodes, selects the
// form set and validates exactly as the tool does, and returns the problems
// (nil when the dossier was built).
func check(t *testing.T, src string) (tomlin.Problems, *dossier.InputError) {
	t.Helper()
	d, err := dossier.Build("ho-so.toml", []byte(src), sets(t))
	if err == nil {
		if d == nil || len(d.Documents) == 0 {
			t.Fatalf("Build returned no error and no documents")
		}
		return nil, nil
	}
	var ie *dossier.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("Build: want *dossier.InputError, got %T: %v", err, err)
	}
	if len(ie.Problems) == 0 {
		t.Fatalf("InputError without problems")
	}
	return ie.Problems, ie
}

func describe(ps tomlin.Problems) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  %s %s line %d: %s (%s)", p.Key, p.Path, p.Pos.Line, p.Msg, p.Hint)
	}
	return b.String()
}

func expectProblems(t *testing.T, src string, got tomlin.Problems, wants []want) {
	t.Helper()
	var g, w []string
	for _, p := range got {
		g = append(g, fmt.Sprintf("%s %s @%d", p.Key, p.Path, p.Pos.Line))
	}
	for _, x := range wants {
		w = append(w, fmt.Sprintf("%s %s @%d", x.key, x.path, lineOf(t, src, x.anchor, x.nth)))
	}
	sort.Strings(g)
	sort.Strings(w)
	if strings.Join(g, "\n") != strings.Join(w, "\n") {
		t.Errorf("problems differ\n got: %q\nwant: %q\nfull:%s", g, w, describe(got))
	}
}

func TestBaseIsValid(t *testing.T) {
	if ps, _ := check(t, base); ps != nil {
		t.Fatalf("the base submission must be valid, got:%s", describe(ps))
	}
}

// The headers of the nominees, for anchors.
const nom = "[[de_nghi]]"

// problemCase is one change to the base submission and the problems it
// must give (want nil: the submission stays valid).
type problemCase struct {
	name  string
	edits []edit
	want  []want
}

// decoderCases: what the decoder (tomlin) reports: unknown keys, values
// of the wrong kind, dates and times that cannot be read.
var decoderCases = []problemCase{
	{"unknown key with suggestion", []edit{set(`ho_ten = "Võ Thị Mỹ Duyên"`, `ho_tn = "Võ Thị Mỹ Duyên"`)}, []want{
		{tomlin.KeyUnknownKey, "de_nghi[1].ho_tn", `ho_tn =`, 1},
		{submission.KeyRequired, "de_nghi[1].ho_ten", nom, 1},
	}},
	{"wrong type", []edit{set("so = 3\n", "so = \"ba\"\n")}, []want{
		{tomlin.KeyType, "to_trinh.so", `so = "ba"`, 1},
	}},
	{"wrong type in a list of tables", []edit{set("nam = 2025", `nam = true`)}, []want{
		{tomlin.KeyType, "de_nghi[1].danh_hieu[1].nam", `nam = true`, 1},
	}},
	{"unknown kind", []edit{set(`loai = "tap-the"`, `loai = "hop-tac-xa"`)}, []want{
		{tomlin.KeyValue, "de_nghi[2].loai", `loai = "hop-tac-xa"`, 1},
	}},
	{"kind with diacritics accepted", []edit{set(`loai = "tap-the"`, `loai = "Tập thể"`)}, nil},
	{"impossible date string", []edit{set(`ngay_sinh = "23/07/1988"`, `ngay_sinh = "30/02/1988"`)}, []want{
		{tomlin.KeyValue, "de_nghi[1].ngay_sinh", `ngay_sinh = "30/02/1988"`, 1},
	}},
	{"unreadable date string", []edit{set(`ngay_sinh = "23/07/1988"`, `ngay_sinh = "tháng 7 năm 1988"`)}, []want{
		{tomlin.KeyValue, "de_nghi[1].ngay_sinh", `ngay_sinh = "tháng 7`, 1},
	}},
	{"impossible optional date", []edit{set("ngay = 2026-01-07", `ngay = "30/02/2026"`)}, []want{
		{tomlin.KeyValue, "xac_nhan_thue.ngay", `ngay = "30/02/2026"`, 1},
	}},
	{"impossible meeting time", []edit{set(`ket_thuc = "15:30"`, `ket_thuc = "25:30"`)}, []want{
		{tomlin.KeyValue, "bien_ban.ket_thuc", `ket_thuc = "25:30"`, 1},
	}},
}

// requiredCases: what is required, per part of the dossier and per kind
// of nominee.
var requiredCases = []problemCase{
	{"agency fields", []edit{del(`ten = "Trường Trung học cơ sở Bình Mỹ"`, 0), del(`viet_tat = "UBND"`, 0), del(`dia_danh = "Bình Mỹ"`, 0)}, []want{
		{submission.KeyRequired, "co_quan.ten", "[co_quan]", 1},
		{submission.KeyRequired, "co_quan.viet_tat", "[co_quan]", 1},
		{submission.KeyRequired, "co_quan.dia_danh", "[co_quan]", 1},
	}},
	{"proposal date and movement", []edit{del("ngay = 2026-01-09", 0), del(`ten = "Thi đua yêu nước năm 2025"`, 0)}, []want{
		{submission.KeyRequired, "to_trinh.ngay", "[to_trinh]", 1},
		{submission.KeyRequired, "phong_trao.ten", "[phong_trao]", 1},
	}},
	// The addressee follows from the superior committee (cap_tren);
	// without it and without kinh_gui it is missing.
	// Nor the commune the Giấy khen is named after.
	{"recipients the agency's names do not tell", []edit{del(`kinh_gui = ["Chủ tịch Ủy ban nhân dân xã Bình Mỹ"]`, 0), del(`cap_tren = "Ủy ban nhân dân xã Bình Mỹ"`, 0)}, []want{
		{submission.KeyRequired, "to_trinh.kinh_gui", "[to_trinh]", 1},
		{submission.KeyRequired, "co_quan.xa", "[co_quan]", 1},
	}},
	{"signer without name", []edit{del(`ho_ten = "Nguyễn Văn Tài"`, 1)}, []want{
		{submission.KeyRequired, "to_trinh.nguoi_ky.ho_ten", "[to_trinh.nguoi_ky]", 1},
	}},
	{"KT signer without thay_cho", []edit{set(`chuc_vu = "Chủ tịch"`+"\n", `hinh_thuc = "KT"`+"\n"+`chuc_vu = "Phó Chủ tịch"`+"\n")}, []want{
		{submission.KeyRequired, "to_trinh.nguoi_ky.thay_cho", "[to_trinh.nguoi_ky]", 1},
	}},
	{"council name, abbreviation and members", []edit{
		del(`ten = "Hội đồng Thi đua - Khen thưởng xã Bình Mỹ"`, 0), del(`viet_tat = "HĐTĐKT"`, 0),
		del(`vai_tro = "Ủy viên"`, 0),
	}, []want{
		{submission.KeyRequired, "hoi_dong.ten", "[hoi_dong]", 1},
		{submission.KeyRequired, "hoi_dong.viet_tat", "[hoi_dong]", 1},
		{submission.KeyRequired, "hoi_dong.thanh_vien[3].vai_tro", "[[hoi_dong.thanh_vien]]", 3},
	}},
	{"meeting start, place, secretary", []edit{del(`bat_dau = "06/01/2026 14:00"`, 0), del(`dia_diem = "Phòng họp Ủy ban nhân dân xã Bình Mỹ"`, 0), del(`thu_ky = "Trần Thị Bích"`, 0)}, []want{
		{submission.KeyRequired, "bien_ban.bat_dau", "[bien_ban]", 1},
		{submission.KeyRequired, "bien_ban.dia_diem", "[bien_ban]", 1},
		{submission.KeyRequired, "bien_ban.thu_ky", "[bien_ban]", 1},
	}},
	{"meeting start without a day", []edit{set(`bat_dau = "06/01/2026 14:00"`, `bat_dau = "14:00"`)}, []want{
		{submission.KeyRequired, "bien_ban.bat_dau", `bat_dau = "14:00"`, 1},
	}},
	{"no nominee", []edit{{"[[de_nghi]]", "[[de_nghi_x]]", 1}, {"[[de_nghi]]", "[[de_nghi_x]]", 1}, {"[[de_nghi]]", "[[de_nghi_x]]", 1}, {"[[de_nghi]]", "[[de_nghi_x]]", 1},
		{"[[de_nghi.danh_hieu]]", "[[de_nghi_x.danh_hieu]]", 1}, {"[de_nghi.thue]", "[de_nghi_x.thue]", 1}, {"[de_nghi.thue]", "[de_nghi_x.thue]", 1},
		{"[de_nghi.bhxh]", "[de_nghi_x.bhxh]", 1}, {"[de_nghi.bhxh]", "[de_nghi_x.bhxh]", 1}}, []want{
		{tomlin.KeyUnknownKey, "de_nghi_x", "[[de_nghi_x]]", 1},
		// No position: the key is absent and so is every ancestor.
		{submission.KeyRequired, "de_nghi", "", 0},
	}},
	{"nominee without kind", []edit{del(`loai = "ca-nhan"`, 0)}, []want{
		{submission.KeyRequired, "de_nghi[1].loai", nom, 1},
	}},
	{"individual: every required field", []edit{
		del(`ho_ten = "Võ Thị Mỹ Duyên"`, 0), del(`ngay_sinh = "23/07/1988"`, 0), del(`gioi_tinh = "Nữ"`, 0),
		del(`don_vi = "Trạm Y tế xã Bình Mỹ"`, 0), del(`chuc_vu = "Viên chức Trạm Y tế"`, 0),
		del(`thanh_tich = ["Hoàn thành xuất sắc nhiệm vụ năm 2025."]`, 0), del(`bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 0 }`, 0),
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"` + "\n", "", 1},
	}, []want{
		{submission.KeyRequired, "de_nghi[1].ho_ten", nom, 1},
		{submission.KeyRequired, "de_nghi[1].ngay_sinh", nom, 1},
		{submission.KeyRequired, "de_nghi[1].gioi_tinh", nom, 1},
		{submission.KeyRequired, "de_nghi[1].don_vi", nom, 1},
		{submission.KeyRequired, "de_nghi[1].chuc_vu", nom, 1},
		{submission.KeyRequired, "de_nghi[1].thanh_tich", nom, 1},
		{submission.KeyRequired, "de_nghi[1].bieu_quyet.tan_thanh", nom, 1},
		{submission.KeyRequired, "de_nghi[1].hinh_thuc", nom, 1},
	}},
	{"collective: every required field", []edit{
		del(`ten = "Trường Tiểu học Bình Mỹ"`, 0), del(`dia_chi = "ấp 1, xã Bình Mỹ"`, 0), del(`thu_truong = "Phan Văn Học"`, 0),
		set(`thanh_tich = ["Tỷ lệ học sinh hoàn thành chương trình đạt 100%."]`, `thanh_tich = []`),
		set(`bieu_quyet = { tan_thanh = 3 }`, `bieu_quyet = { khong_tan_thanh = 1 }`),
	}, []want{
		{submission.KeyRequired, "de_nghi[2].ten", nom, 2},
		{submission.KeyRequired, "de_nghi[2].dia_chi", nom, 2},
		{submission.KeyRequired, "de_nghi[2].thu_truong", nom, 2},
		{submission.KeyRequired, "de_nghi[2].thanh_tich", "thanh_tich = []", 1},
		{submission.KeyRequired, "de_nghi[2].bieu_quyet.tan_thanh", "bieu_quyet = { khong_tan_thanh = 1 }", 1},
	}},
	{"enterprise: name, address, head; tax address falls back", []edit{
		del(`ten = "Công ty TNHH Bình Mỹ Xanh"`, 0), del(`dia_chi = "ấp 2, xã Bình Mỹ"`, 0), del(`thu_truong = "Đoàn Văn Xanh"`, 0),
	}, []want{
		{submission.KeyRequired, "de_nghi[3].ten", nom, 3},
		{submission.KeyRequired, "de_nghi[3].dia_chi", nom, 3},
		{submission.KeyRequired, "de_nghi[3].thu_truong", nom, 3},
		{submission.KeyTaxMissing, "de_nghi[3].thue.dia_chi", "[de_nghi.thue]", 1},
	}},
	{"enterprise owner: person fields and company", []edit{
		del(`ho_ten = "Hồ Văn Chủ"`, 0), del("ngay_sinh = 1970-05-01", 0), del(`gioi_tinh = "Nam"`, 0),
		del(`don_vi = "Công ty Cổ phần Mỹ Phát"`, 0), del(`chuc_vu = "Giám đốc"`, 0), del(`doanh_nghiep = "Công ty Cổ phần Mỹ Phát"`, 0),
	}, []want{
		{submission.KeyRequired, "de_nghi[4].ho_ten", nom, 4},
		{submission.KeyRequired, "de_nghi[4].ngay_sinh", nom, 4},
		{submission.KeyRequired, "de_nghi[4].gioi_tinh", nom, 4},
		{submission.KeyRequired, "de_nghi[4].don_vi", nom, 4},
		{submission.KeyRequired, "de_nghi[4].chuc_vu", nom, 4},
		{submission.KeyRequired, "de_nghi[4].doanh_nghiep", nom, 4},
	}},
	{"honour without name", []edit{set(`ten = "Lao động tiên tiến"`, `quyet_dinh = "Quyết định số 1/QĐ-UBND"`)}, []want{
		{submission.KeyRequired, "de_nghi[1].danh_hieu[1].ten", "[[de_nghi.danh_hieu]]", 1},
	}},
	{"provincial award needs co_quan.tinh", []edit{del(`tinh = "Thành phố Hồ Chí Minh"`, 0), {`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-chu-tich-ubnd-tp"`, 2}}, []want{
		{submission.KeyRequired, "co_quan.tinh", "[co_quan]", 1},
	}},
}

// dateCases: dates out of their range or out of order, the years of
// honours and their decisions.
var dateCases = []problemCase{
	{"born after the proposal", []edit{set(`ngay_sinh = "23/07/1988"`, `ngay_sinh = "23/07/2026"`)}, []want{
		{submission.KeyDate, "de_nghi[1].ngay_sinh", `ngay_sinh = "23/07/2026"`, 1},
	}},
	{"born more than 120 years ago", []edit{set("ngay_sinh = 1970-05-01", "ngay_sinh = 1890-05-01")}, []want{
		{submission.KeyDate, "de_nghi[4].ngay_sinh", "ngay_sinh = 1890-05-01", 1},
	}},
	{"honour year in the future", []edit{set("nam = 2025", "nam = 2027")}, []want{
		{submission.KeyDate, "de_nghi[1].danh_hieu[1].nam", "nam = 2027", 1},
	}},
	{"honour school year in the future", []edit{set("nam = 2025", `nam = "Năm học 2026 - 2027"`)}, []want{
		{submission.KeyDate, "de_nghi[1].danh_hieu[1].nam", `nam = "Năm học`, 1},
	}},
	{"honour year text without a year", []edit{set("nam = 2025", `nam = "năm ngoái"`)}, []want{
		{submission.KeyDate, "de_nghi[1].danh_hieu[1].nam", `nam = "năm ngoái"`, 1},
	}},
	{"honour year not four digits", []edit{set("nam = 2025", `nam = "Năm học 22 - 23"`)}, []want{
		{submission.KeyDate, "de_nghi[1].danh_hieu[1].nam", `nam = "Năm học 22 - 23"`, 1},
	}},
	{"decision table without its date and body", []edit{set("nam = 2025\n", "nam = 2025\nquyet_dinh = { so = \"07/QĐ-UBND\" }\n")}, []want{
		{submission.KeyRequired, "de_nghi[1].danh_hieu[1].quyet_dinh.ngay", "quyet_dinh = {", 1},
		{submission.KeyRequired, "de_nghi[1].danh_hieu[1].quyet_dinh.co_quan", "quyet_dinh = {", 1},
	}},
	{"decision table with a number as a number", []edit{set("nam = 2025\n", "nam = 2025\nquyet_dinh = { so = 7, ngay = 2025-01-06, co_quan = \"UBND\" }\n")}, []want{
		{tomlin.KeyType, "de_nghi[1].danh_hieu[1].quyet_dinh", "quyet_dinh = {", 1},
	}},
	{"meeting ends before it starts", []edit{set(`ket_thuc = "15:30"`, `ket_thuc = "13:30"`)}, []want{
		{submission.KeyDateOrder, "bien_ban.ket_thuc", `ket_thuc = "13:30"`, 1},
	}},
	{"meeting ends on an earlier day", []edit{set(`ket_thuc = "15:30"`, `ket_thuc = "05/01/2026 16:00"`)}, []want{
		{submission.KeyDateOrder, "bien_ban.ket_thuc", `ket_thuc = "05/01/2026 16:00"`, 1},
	}},
	{"proposal dated before the meeting", []edit{set("ngay = 2026-01-09", "ngay = 2026-01-05")}, []want{
		{submission.KeyDateOrder, "to_trinh.ngay", "ngay = 2026-01-05", 1},
	}},
	{"tax deadline before the letter", []edit{set("han_tra_loi = 2026-01-08", "han_tra_loi = 2026-01-06")}, []want{
		{submission.KeyDateOrder, "xac_nhan_thue.han_tra_loi", "han_tra_loi = 2026-01-06", 1},
	}},
}

// councilCases: the council, its members and its votes.
var councilCases = []problemCase{
	{"votes above the council total", []edit{set("bieu_quyet = { tan_thanh = 2, khong_tan_thanh = 1 }", "bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 1 }")}, []want{
		{submission.KeyVote, "de_nghi[3].bieu_quyet", "bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 1 }", 1},
	}},
	{"votes above tong_so", []edit{set(`viet_tat = "HĐTĐKT"`, `viet_tat = "HĐTĐKT"`+"\ntong_so = 5"), set("bieu_quyet = { tan_thanh = 3 }", "bieu_quyet = { tan_thanh = 6 }")}, []want{
		{submission.KeyVote, "de_nghi[2].bieu_quyet", "bieu_quyet = { tan_thanh = 6 }", 1},
	}},
	{"negative vote", []edit{set("bieu_quyet = { tan_thanh = 3 }", "bieu_quyet = { tan_thanh = -1 }")}, []want{
		{submission.KeyVote, "de_nghi[2].bieu_quyet.tan_thanh", "bieu_quyet = { tan_thanh = -1 }", 1},
	}},
	{"present members above the total", []edit{
		set(`viet_tat = "HĐTĐKT"`, `viet_tat = "HĐTĐKT"`+"\ntong_so = 2"),
		// keep every vote within 2 so that only attendance is wrong
		set("bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 0 }", "bieu_quyet = { tan_thanh = 2 }"),
		set("bieu_quyet = { tan_thanh = 3 }", "bieu_quyet = { tan_thanh = 1 }"),
		set("bieu_quyet = { tan_thanh = 2, khong_tan_thanh = 1 }", "bieu_quyet = { tan_thanh = 1, khong_tan_thanh = 1 }"),
		set("bieu_quyet = { khong_tan_thanh = 0, tan_thanh = 3 }", "bieu_quyet = { tan_thanh = 2, khong_tan_thanh = 0 }"),
	}, []want{
		{submission.KeyAttendance, "hoi_dong.tong_so", "tong_so = 2", 1},
		{submission.KeyAttendance, "hoi_dong.thanh_vien", "[[hoi_dong.thanh_vien]]", 1},
	}},
	{"chair is not a member", []edit{set(`chu_tri = "Nguyễn Văn Tài"`, `chu_tri = "Nguyễn Văn Tại"`)}, []want{
		{submission.KeyMember, "bien_ban.chu_tri", `chu_tri = "Nguyễn Văn Tại"`, 1},
	}},
	{"secretary was absent", []edit{set(`vai_tro = "Ủy viên - Thư ký"`, `vai_tro = "Ủy viên - Thư ký"`+"\nco_mat = false"),
		// her written opinion counts: two present, one in writing
		set("bieu_quyet = { tan_thanh = 3, khong_tan_thanh = 0 }", "bieu_quyet = { tan_thanh = 2, van_ban_tan_thanh = 1 }"),
		set("bieu_quyet = { tan_thanh = 3 }", "bieu_quyet = { tan_thanh = 2, van_ban_tan_thanh = 1 }"),
		set("bieu_quyet = { tan_thanh = 2, khong_tan_thanh = 1 }", "bieu_quyet = { tan_thanh = 2, van_ban_khong_tan_thanh = 1 }"),
		set("bieu_quyet = { khong_tan_thanh = 0, tan_thanh = 3 }", "bieu_quyet = { tan_thanh = 1, khong_tan_thanh = 1, van_ban_tan_thanh = 1 }")}, []want{
		{submission.KeyMember, "bien_ban.thu_ky", `thu_ky = "Trần Thị Bích"`, 1},
	}},
	{"chair matched case-insensitively", []edit{set(`chu_tri = "Nguyễn Văn Tài"`, `chu_tri = "NGUYỄN VĂN TÀI"`)}, nil},
	{"chair matched with spaces doubled or non-breaking", []edit{set(`chu_tri = "Nguyễn Văn Tài"`, "chu_tri = \"Nguyễn  Văn\u00a0Tài\"")}, nil},
}

// taxCases: the tax data of enterprises and business owners, and tax
// codes.
var taxCases = []problemCase{
	{"enterprise without tax data", []edit{del("[de_nghi.thue]", 1), del(`ma_so_thue = "0312345673"`, 0), {`co_quan_thue = "Thuế cơ sở 19 Thành phố Hồ Chí Minh"` + "\n", "", 1}}, []want{
		{submission.KeyTaxMissing, "de_nghi[3].thue", nom, 3},
	}},
	{"owner without tax data", []edit{del("[de_nghi.thue]", 2), del(`ma_so_thue = "0318765434"`, 0), del(`dia_chi = "ấp 3, xã Bình Mỹ"`, 0), {`co_quan_thue = "Thuế cơ sở 19 Thành phố Hồ Chí Minh"` + "\n", "", 2}}, []want{
		{submission.KeyTaxMissing, "de_nghi[4].thue", nom, 4},
	}},
	{"owner with tax table but no code, office or address", []edit{del(`ma_so_thue = "0318765434"`, 0), del(`dia_chi = "ấp 3, xã Bình Mỹ"`, 0), {`co_quan_thue = "Thuế cơ sở 19 Thành phố Hồ Chí Minh"` + "\n", "", 2}}, []want{
		{submission.KeyTaxMissing, "de_nghi[4].thue.ma_so_thue", "[de_nghi.thue]", 2},
		{submission.KeyRequired, "de_nghi[4].thue.co_quan_thue", "[de_nghi.thue]", 2},
		{submission.KeyTaxMissing, "de_nghi[4].thue.dia_chi", "[de_nghi.thue]", 2},
	}},
	{"tax code with 9 digits", []edit{set(`ma_so_thue = "0312345673"`, `ma_so_thue = "031234567"`)}, []want{
		{submission.KeyTaxCode, "de_nghi[3].thue.ma_so_thue", `ma_so_thue = "031234567"`, 1},
	}},
	{"tax code with a bad check digit", []edit{set(`ma_so_thue = "0312345673"`, `ma_so_thue = "0312345674"`)}, []want{
		{submission.KeyTaxCode, "de_nghi[3].thue.ma_so_thue", `ma_so_thue = "0312345674"`, 1},
	}},
	{"tax code with letters", []edit{set(`ma_so_thue = "0318765434"`, `ma_so_thue = "03187654AB"`)}, []want{
		{submission.KeyTaxCode, "de_nghi[4].thue.ma_so_thue", `ma_so_thue = "03187654AB"`, 1},
	}},
	{"branch tax code 10-3 accepted", []edit{set(`ma_so_thue = "0312345673"`, `ma_so_thue = "0312345673-001"`)}, nil},
	{"branch tax code with a bad check digit", []edit{set(`ma_so_thue = "0312345673"`, `ma_so_thue = "0312345674-001"`)}, []want{
		{submission.KeyTaxCode, "de_nghi[3].thue.ma_so_thue", `ma_so_thue = "0312345674-001"`, 1},
	}},
	{"branch tax code with 2-digit suffix", []edit{set(`ma_so_thue = "0312345673"`, `ma_so_thue = "0312345673-01"`)}, []want{
		{submission.KeyTaxCode, "de_nghi[3].thue.ma_so_thue", `ma_so_thue = "0312345673-01"`, 1},
	}},
}

// awardCases: the awards proposed: known codes, free text, repealed
// awards, and who decides them.
var awardCases = []problemCase{
	{"unknown award code", []edit{{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "giay-khen-chu-tich"`, 2}}, []want{
		{submission.KeyAward, "de_nghi[2].hinh_thuc", `hinh_thuc = "giay-khen-chu-tich"`, 1},
	}},
	{"free-text award accepted", []edit{{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "Kỷ niệm chương Vì sự nghiệp giáo dục"`, 2}}, nil},
	{"repealed award", []edit{{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "giay-khen-chu-tich-ubnd-quan"`, 1}}, []want{
		{submission.KeyAwardRepealed, "de_nghi[1].hinh_thuc", `hinh_thuc = "giay-khen-chu-tich-ubnd-quan"`, 1},
	}},
	{"repealed award written out in full", []edit{{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "Giấy khen của Chủ tịch Uỷ ban nhân dân Quận Tân Bình"`, 1}}, []want{
		{submission.KeyAwardRepealed, "de_nghi[1].hinh_thuc", `hinh_thuc = "Giấy khen của Chủ tịch Uỷ ban nhân dân Quận Tân Bình"`, 1},
	}},
	{"repealed award written with UBND huyện", []edit{{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "Giấy khen Chủ tịch UBND huyện Củ Chi"`, 1}}, []want{
		{submission.KeyAwardRepealed, "de_nghi[1].hinh_thuc", `hinh_thuc = "Giấy khen Chủ tịch UBND huyện Củ Chi"`, 1},
	}},
	{"a phrase matches whole words only", []edit{{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "Giấy khen của Chủ tịch Ủy ban nhân dân quậnx"`, 1}}, nil},
	{"President-decided award written out beside a PM-decided code: each its own Tờ trình", []edit{
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "HUÂN CHƯƠNG LAO ĐỘNG HẠNG BA"`, 2},
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-thu-tuong"`, 3},
	}, nil},
	{"President-decided beside PM-decided: each its own Tờ trình", []edit{
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "huan-chuong-lao-dong-hang-ba"`, 2},
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-thu-tuong"`, 3},
	}, nil},
	{"PM-decided first, then President-decided: each its own Tờ trình", []edit{
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-thu-tuong"`, 1},
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "huan-chuong-lao-dong-hang-ba"`, 2},
	}, nil},
	{"PM-decided with provincial awards is fine", []edit{
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-thu-tuong"`, 1},
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-chu-tich-ubnd-tp"`, 1},
	}, nil},
}

// otherCases: duplicate nominees, choices, document numbers and the form
// set.
var otherCases = []problemCase{
	{"the same person twice", []edit{set(`ho_ten = "Hồ Văn Chủ"`, `ho_ten = "Võ Thị Mỹ Duyên"`), set("ngay_sinh = 1970-05-01", "ngay_sinh = 1988-07-23")}, []want{
		{submission.KeyDuplicate, "de_nghi[4]", nom, 4},
	}},
	{"same name, other birth date is not a duplicate", []edit{set(`ho_ten = "Hồ Văn Chủ"`, `ho_ten = "Võ Thị Mỹ Duyên"`)}, nil},
	{"bad gender", []edit{set(`gioi_tinh = "Nữ"`, `gioi_tinh = "Khác"`)}, []want{
		{submission.KeyChoice, "de_nghi[1].gioi_tinh", `gioi_tinh = "Khác"`, 1},
	}},
	{"bad signing mode", []edit{set(`chuc_vu = "Chủ tịch"`+"\n", `chuc_vu = "Chủ tịch"`+"\nhinh_thuc = \"XT\"\n")}, []want{
		{submission.KeyChoice, "to_trinh.nguoi_ky.hinh_thuc", `hinh_thuc = "XT"`, 1},
	}},
	{"acting head (Q.) with a title of his own", []edit{set(`chuc_vu = "Chủ tịch"`+"\n", `chuc_vu = "Phó Chủ tịch"`+"\nhinh_thuc = \"Q\"\nthay_cho = \"Chủ tịch\"\n")}, []want{
		{submission.KeyChoice, "to_trinh.nguoi_ky.chuc_vu", `chuc_vu = "Phó Chủ tịch"`, 1},
	}},
	{"acting head (Q.) with the title in chuc_vu", []edit{set(`chuc_vu = "Chủ tịch"`+"\n", `chuc_vu = "Trưởng Trạm"`+"\nhinh_thuc = \"Q\"\n")}, []want{
		{submission.KeyChoice, "to_trinh.nguoi_ky.chuc_vu", `chuc_vu = "Trưởng Trạm"`, 1},
	}},
	{"an owner whose company is proposed under another tax code", []edit{set(`doanh_nghiep = "Công ty Cổ phần Mỹ Phát"`, `doanh_nghiep = "Công ty TNHH Bình Mỹ Xanh"`)}, []want{
		{submission.KeyTaxCode, "de_nghi[4].thue.ma_so_thue", `ma_so_thue = "0318765434"`, 1},
	}},
	{"an owner whose company is proposed under the same tax code", []edit{set(`doanh_nghiep = "Công ty Cổ phần Mỹ Phát"`, `doanh_nghiep = "Công ty TNHH Bình Mỹ Xanh"`), set(`ma_so_thue = "0318765434"`, `ma_so_thue = "0312345673"`)}, nil},
	{"acting head (Q.) alone", []edit{set(`chuc_vu = "Chủ tịch"`+"\n", "hinh_thuc = \"Q\"\nthay_cho = \"Chủ tịch\"\n")}, nil},
	{"document number zero", []edit{set("so = 3\n", "so = 0\n")}, []want{
		{submission.KeyNumber, "to_trinh.so", "so = 0", 1},
	}},
	{"document number too large", []edit{set("so = 7\n", "so = 100000\n")}, []want{
		{submission.KeyNumber, "xac_nhan_thue.so", "so = 100000", 1},
	}},
	{"meeting number negative", []edit{set("so = 1\n", "so = -1\n")}, []want{
		{submission.KeyNumber, "bien_ban.so", "so = -1", 1},
	}},
	{"unknown form set", []edit{set("[co_quan]\n", "bo_mau = \"nd91-2017\"\n\n[co_quan]\n")}, []want{
		{submission.KeyFormSet, "bo_mau", "bo_mau =", 1},
	}},
	{"no form set for the date", []edit{set("ngay = 2026-01-09", "ngay = 2023-12-29"), set(`bat_dau = "06/01/2026 14:00"`, `bat_dau = "26/12/2023 14:00"`), set("nam = 2025", "nam = 2023"),
		set("ngay = 2026-01-07", "ngay = 2023-12-27"), set("han_tra_loi = 2026-01-08", "han_tra_loi = 2023-12-28")}, []want{
		{submission.KeyFormSet, "to_trinh.ngay", "ngay = 2023-12-29", 1},
	}},
	{"form set named explicitly", []edit{set("[co_quan]\n", "bo_mau = \"nd152-2025\"\n\n[co_quan]\n")}, nil},
}

// TestValidationProblems applies each case's edits to the base submission
// and compares the problems found with the case's, subject by subject.
func TestValidationProblems(t *testing.T) {
	for _, cases := range [][]problemCase{decoderCases, requiredCases, dateCases, councilCases, taxCases, awardCases, otherCases} {
		run(t, cases)
	}
}

// run applies each case's edits to the base submission, as a subtest of
// the case's name, and compares the problems found with the case's.
func run(t *testing.T, cases []problemCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkWants(t, apply(t, base, c.edits), c.want) })
	}
}

// checkWants checks src: no problem when wants is nil, else exactly the
// problems wants names. It returns the input error of the check.
func checkWants(t *testing.T, src string, wants []want) *dossier.InputError {
	t.Helper()
	got, ie := check(t, src)
	if wants == nil {
		if got != nil {
			t.Fatalf("want no problem, got:%s", describe(got))
		}
		return ie
	}
	expectProblems(t, src, got, wants)
	return ie
}

func TestSyntaxErrorIsShownWithLineAndCaret(t *testing.T) {
	src := apply(t, base, []edit{set(`viet_tat = "UBND"`, `viet_tat = "UBND`)})
	got, ie := check(t, src)
	if len(got) != 1 {
		t.Fatalf("a syntax error stops decoding: want exactly 1 problem, got:%s", describe(got))
	}
	p := got[0]
	wantLine := lineOf(t, src, `viet_tat = "UBND`, 1)
	if p.Key != tomlin.KeySyntax || p.Path != "" || p.Pos.Line != wantLine {
		t.Errorf("got %s %q line %d, want %s \"\" line %d", p.Key, p.Path, p.Pos.Line, tomlin.KeySyntax, wantLine)
	}
	msg := ie.Error()
	loc := fmt.Sprintf("ho-so.toml:%d:%d: ", wantLine, p.Pos.Col)
	if !strings.Contains(msg, loc) {
		t.Errorf("message lacks %q:\n%s", loc, msg)
	}
	// The offending line is quoted with its number, then a caret line.
	quoted := regexp.MustCompile(fmt.Sprintf(`(?m)^\s+%d \| viet_tat = "UBND\n\s+\| +\^+$`, wantLine))
	if !quoted.MatchString(msg) {
		t.Errorf("message lacks the quoted line %d followed by a caret line:\n%s", wantLine, msg)
	}
}

func TestUnknownKeySuggestsTheKnownKey(t *testing.T) {
	src := apply(t, base, []edit{set(`dia_danh = "Bình Mỹ"`, `dia_dan = "Bình Mỹ"`)})
	got, ie := check(t, src)
	var p *tomlin.Problem
	for i := range got {
		if got[i].Key == tomlin.KeyUnknownKey {
			p = &got[i]
		}
	}
	if p == nil {
		t.Fatalf("no unknown-key problem:%s", describe(got))
	}
	if p.Path != "co_quan.dia_dan" || p.Pos.Line != lineOf(t, src, "dia_dan =", 1) {
		t.Errorf("got %s line %d", p.Path, p.Pos.Line)
	}
	if !strings.Contains(p.Hint, "Có phải ý bạn là") || !strings.Contains(p.Hint, `"dia_danh"`) {
		t.Errorf("hint %q does not suggest \"dia_danh\"", p.Hint)
	}
	if !strings.Contains(ie.Error(), `Có phải ý bạn là "dia_danh"`) {
		t.Errorf("the rendered message lacks the suggestion:\n%s", ie.Error())
	}
}

func TestEveryProblemIsReportedAtOnce(t *testing.T) {
	src := apply(t, base, []edit{
		set(`dia_danh = "Bình Mỹ"`, `dia_dan = "Bình Mỹ"`),                                         // unknown key + required
		set("ngay = 2026-01-07", `ngay = "31/04/2026"`),                                            // value
		set(`ket_thuc = "15:30"`, `ket_thuc = "13:00"`),                                            // date-order
		set("bieu_quyet = { tan_thanh = 3 }", "bieu_quyet = { tan_thanh = 4 }"),                    // vote
		set(`ma_so_thue = "0312345673"`, `ma_so_thue = "031234567"`),                               // tax-code
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "huan-chuong-lao-dong-hang-ba"`, 1}, // award-mixed…
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-thu-tuong"`, 1},          // …with this one
		set(`gioi_tinh = "Nam"`, `gioi_tinh = "nam giới"`),                                         // choice
		set("so = 7\n", "so = 0\n"),                                                                // number
	})
	got, ie := check(t, src)
	expectProblems(t, src, got, []want{
		{tomlin.KeyUnknownKey, "co_quan.dia_dan", "dia_dan =", 1},
		{submission.KeyRequired, "co_quan.dia_danh", "[co_quan]", 1},
		{tomlin.KeyValue, "xac_nhan_thue.ngay", `ngay = "31/04/2026"`, 1},
		{submission.KeyDateOrder, "bien_ban.ket_thuc", `ket_thuc = "13:00"`, 1},
		{submission.KeyVote, "de_nghi[2].bieu_quyet", "bieu_quyet = { tan_thanh = 4 }", 1},
		{submission.KeyTaxCode, "de_nghi[3].thue.ma_so_thue", `ma_so_thue = "031234567"`, 1},
		{submission.KeyChoice, "de_nghi[4].gioi_tinh", `gioi_tinh = "nam giới"`, 1},
		{submission.KeyNumber, "xac_nhan_thue.so", "so = 0", 1},
	})
	// Reported in file order, and all of them in the message.
	for i := 1; i < len(got); i++ {
		if got[i].Pos.Line < got[i-1].Pos.Line {
			t.Errorf("problems not in line order: %d after %d", got[i].Pos.Line, got[i-1].Pos.Line)
		}
	}
	if want := fmt.Sprintf("%d lỗi", len(got)); !strings.Contains(ie.Error(), want) {
		t.Errorf("message does not count %q:\n%s", want, ie.Error())
	}
	for _, p := range got {
		if !strings.Contains(ie.Error(), p.Path+": ") {
			t.Errorf("message does not name %s", p.Path)
		}
	}
}

func TestInputErrorMessage(t *testing.T) {
	src := apply(t, base, []edit{set(`gioi_tinh = "Nữ"`, `gioi_tinh = "Không rõ"`)})
	got, ie := check(t, src)
	if len(got) != 1 {
		t.Fatalf("want 1 problem, got:%s", describe(got))
	}
	line := lineOf(t, src, `gioi_tinh = "Không rõ"`, 1)
	msg := ie.Error()
	// FILE:LINE:COL: PATH: MESSAGE
	head := regexp.MustCompile(fmt.Sprintf(`(?m)^ho-so\.toml:%d:(\d+): de_nghi\[1\]\.gioi_tinh: .*giới tính`, line))
	m := head.FindStringSubmatch(msg)
	if m == nil {
		t.Fatalf("message lacks \"ho-so.toml:%d:COL: de_nghi[1].gioi_tinh: …\":\n%s", line, msg)
	}
	col := 0
	fmt.Sscan(m[1], &col)
	// Vietnamese: the summary and the hint.
	for _, w := range []string{"1 lỗi trong tệp hồ sơ, không tạo văn bản nào", "Gợi ý: "} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
	// The line is quoted with its number, and the next line has carets
	// starting at COL.
	quoted := `gioi_tinh = "Không rõ"`
	lines := strings.Split(msg, "\n")
	for i, l := range lines {
		if !strings.HasSuffix(l, fmt.Sprintf("%d | %s", line, quoted)) {
			continue
		}
		if i+1 >= len(lines) {
			t.Fatalf("no caret line after the quoted line:\n%s", msg)
		}
		bar := strings.Index(l, "| ")
		caret := lines[i+1]
		if strings.Index(caret, "| ") != bar {
			t.Fatalf("caret line not aligned with the quoted line:\n%s\n%s", l, caret)
		}
		marks := caret[bar+2:]
		lead := len(marks) - len(strings.TrimLeft(marks, " "))
		n := strings.Count(marks, "^")
		if strings.Trim(marks, " ^") != "" || n == 0 || lead != col-1 || lead+n > len([]rune(quoted)) {
			t.Errorf("carets %q do not start at column %d within the line:\n%s\n%s", marks, col, l, caret)
		}
		return
	}
	t.Errorf("quoted line not found:\n%s", msg)
}

// A value that cannot be decoded is reported once, where it is; the
// validation must not add that the same field is missing (or 0).
func TestUndecodableValueIsReportedOnce(t *testing.T) {
	cases := []struct {
		name string
		edit edit
		key  string
		path string
	}{
		{"date", set(`ngay_sinh = "23/07/1988"`, `ngay_sinh = "30/02/1988"`), tomlin.KeyValue, "de_nghi[1].ngay_sinh"},
		{"proposal date", set("ngay = 2026-01-09", `ngay = "30/02/2026"`), tomlin.KeyValue, "to_trinh.ngay"},
		{"time", set(`ket_thuc = "15:30"`, `ket_thuc = "25:30"`), tomlin.KeyValue, "bien_ban.ket_thuc"},
		{"number", set("so = 3\n", "so = \"ba\"\n"), tomlin.KeyType, "to_trinh.so"},
		{"kind", set(`loai = "tap-the"`, `loai = "hop-tac-xa"`), tomlin.KeyValue, "de_nghi[2].loai"},
		{"year", set("nam = 2025", `nam = 2025.0`), tomlin.KeyType, "de_nghi[1].danh_hieu[1].nam"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, _ := check(t, apply(t, base, []edit{c.edit}))
			if len(got) != 1 || got[0].Key != c.key || got[0].Path != c.path {
				t.Errorf("want only %s at %s, got:%s", c.key, c.path, describe(got))
			}
		})
	}
}

func TestDecodeNormalisesToNFCAndTrims(t *testing.T) {
	// "Nguyễn Văn Tài" typed with combining marks (NFD), with blanks around.
	nfd := "Nguye\u0302\u0303n Va\u0306n Ta\u0300i"
	const nfc = "Nguyễn Văn Tài"
	if nfd == nfc {
		t.Fatal("the test input must be decomposed")
	}
	src := apply(t, base, []edit{
		set(`ho_ten = "Võ Thị Mỹ Duyên"`, `ho_ten = "  `+nfd+"\t\"" /* tab as typed in an editor */),
		set(`chu_tri = "Nguyễn Văn Tài"`, `chu_tri = " `+nfd+` "`),
		set(`thanh_tich = ["Hoàn thành xuất sắc nhiệm vụ năm 2025."]`, `thanh_tich = ["  Hoa\u0300n tha\u0300nh  ", "\u0110a\u0323t 100%"]`),
	})
	s, ix, problems, err := submission.Decode([]byte(src))
	if err != nil || ix == nil || len(problems) > 0 {
		t.Fatalf("Decode: err %v, index %v, problems:%s", err, ix != nil, describe(problems))
	}
	if got := s.Nominees[0].Name; got != nfc {
		t.Errorf("ho_ten = %q (% x), want %q", got, got, nfc)
	}
	if got := s.Meeting.Chair; got != nfc {
		t.Errorf("chu_tri = %q, want %q", got, nfc)
	}
	if got := s.Nominees[0].Achievements; len(got) != 2 || got[0] != "Hoàn thành" || got[1] != "Đạt 100%" {
		t.Errorf("thanh_tich = %q, want [\"Hoàn thành\" \"Đạt 100%%\"]", got)
	}
	// Normalised text still matches: the NFD chair is the NFC member.
	if ps, _ := check(t, src); ps != nil {
		t.Errorf("NFD input should validate like NFC input:%s", describe(ps))
	}
}

func TestDecodeReadsTheModel(t *testing.T) {
	s, _, problems, err := submission.Decode([]byte(base))
	if err != nil || len(problems) > 0 {
		t.Fatalf("Decode: %v%s", err, describe(problems))
	}
	if len(s.Nominees) != 4 {
		t.Fatalf("%d nominees, want 4", len(s.Nominees))
	}
	kinds := []submission.Kind{submission.Individual, submission.Collective, submission.Enterprise, submission.Owner}
	for i, k := range kinds {
		if s.Nominees[i].Kind != k {
			t.Errorf("de_nghi[%d].loai = %q, want %q", i+1, s.Nominees[i].Kind, k)
		}
	}
	if got := s.Nominees[0].Born.Format("2006-01-02"); got != "1988-07-23" {
		t.Errorf("ngay_sinh \"23/07/1988\" read as %s", got)
	}
	if got := s.Meeting.Start.Format("2006-01-02 15:04"); got != "2026-01-06 14:00" {
		t.Errorf("bat_dau read as %s", got)
	}
	if !s.Meeting.End.TimeOnly || submission.MeetingEnd(s.Meeting).Format("2006-01-02 15:04") != "2026-01-06 15:30" {
		t.Errorf("ket_thuc \"15:30\" should be a time on the meeting's day, got %v (time only %v)", submission.MeetingEnd(s.Meeting), s.Meeting.End.TimeOnly)
	}
	if s.Proposal.Number == nil || *s.Proposal.Number != 3 || s.Council.Total != nil {
		t.Errorf("to_trinh.so %v, hoi_dong.tong_so %v", s.Proposal.Number, s.Council.Total)
	}
	if got := submission.CouncilTotal(s.Council); got != 3 {
		t.Errorf("council total without tong_so = %d, want the 3 listed members", got)
	}
	if v := s.Nominees[2].Vote; v.For == nil || *v.For != 2 || v.Against == nil || *v.Against != 1 {
		t.Errorf("de_nghi[3].bieu_quyet = %+v", v)
	}
	if tx := s.Nominees[3].Tax; tx == nil || tx.Code != "0318765434" || tx.Address != "ấp 3, xã Bình Mỹ" {
		t.Errorf("de_nghi[4].thue = %+v", tx)
	}
}

// TestOneProposalForAllKeepsDecidersApart: a form set that prints one Tờ
// trình for every award cannot carry a President-decided award beside a
// Prime-Minister-decided one (domain.md B.4); a set printing one Tờ
// trình per award can (see the cases above).
func TestOneProposalForAllKeepsDecidersApart(t *testing.T) {
	fsys := testtool.CopyFS(t, templates.FS, "nd152-2025", func(path string, data []byte) []byte {
		if path != "nd152-2025/bo-mau.toml" {
			return data
		}
		out := bytes.Replace(data, []byte(`lap = "moi-hinh-thuc"`), []byte(`lap = "mot"`), 1)
		if bytes.Equal(out, data) {
			t.Fatalf("%s: the Tờ trình's repetition is not where the test expects it", path)
		}
		return out
	})
	oneForAll, err := formset.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	src := apply(t, base, []edit{
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "huan-chuong-lao-dong-hang-ba"`, 2},
		{`hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "bang-khen-thu-tuong"`, 3},
	})
	_, err = dossier.Build("ho-so.toml", []byte(src), oneForAll)
	var ie *dossier.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("built with one Tờ trình for both deciders: %v", err)
	}
	expectProblems(t, src, ie.Problems, []want{{submission.KeyAwardMixed, "de_nghi[4].hinh_thuc", `hinh_thuc = "bang-khen-thu-tuong"`, 1}})
}
