package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/xuri/excelize/v2"
)

const (
	sampleSheet = "../../samples/danh-sach-de-nghi.xlsx"
	savedByLO   = "../../internal/xlsxin/testdata/danh-sach-libreoffice.xlsx"
)

// copyFile copies src into dir and returns the copy's path.
func copyFile(t *testing.T, src, dir string) string {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(path, b, 0o640); err != nil {
		t.Fatal(err)
	}
	return path
}

var importedBlock = regexp.MustCompile(`(?m)^\[\[de_nghi\]\]  # [^\n]*\nloai = "([a-z-]+)"\n`)

// fillIn does what the clerk does after importing: types, in every block
// imported, the achievements and the council's vote, and for a
// collective its address and head.
//
// The list proposes the ward chairman's Giấy khen, which does not go up
// with the ward's Tờ trình to the city: a block gives it a Tờ trình of
// the ward's Phòng Văn hóa - Xã hội to the ward chairman.
func fillIn(text string) string {
	return importedBlock.ReplaceAllStringFunc(text, func(block string) string {
		kind := importedBlock.FindStringSubmatch(block)[1]
		block += "thanh_tich = [\"Hoàn thành xuất sắc nhiệm vụ năm 2025.\"]\nbieu_quyet = { tan_thanh = 8, khong_tan_thanh = 0, van_ban_tan_thanh = 1 }\n"
		if kind == "tap-the" {
			block += "dia_chi = \"phường Tân Sơn Hòa, Thành phố Hồ Chí Minh\"\nthu_truong = \"Nguyễn Văn Trưởng\"\n"
		}
		return block
	}) + perAwardBlock
}

// perAwardBlock, put last in the file, gives the Giấy khen its own Tờ
// trình.
const perAwardBlock = `
[[to_trinh.rieng]]
hinh_thuc = "giay-khen-chu-tich-ubnd"
so = 21
co_quan = { ten = "Phòng Văn hóa - Xã hội phường Tân Sơn Hòa", cap_tren = "Ủy ban nhân dân phường Tân Sơn Hòa", viet_tat = "VHXH", dia_danh = "Tân Sơn Hòa" }
nguoi_ky = { chuc_vu = "Trưởng phòng", ho_ten = "Bùi Thị Kim Oanh" }
`

// The clerk's path, end to end, for the sample list and for the same list
// saved by LibreOffice Calc: import into a copy of the ward's submission,
// the file keeps every byte it had and gains the nominees; kiem-tra names
// what is still to fill in; once filled in, build puts the nominees in the
// Tờ trình's list and writes their reports.
func TestImportIntoSubmissionThenBuild(t *testing.T) {
	for _, sheet := range []string{sampleSheet, savedByLO} {
		t.Run(filepath.Base(sheet), func(t *testing.T) {
			dir := t.TempDir()
			ward := copyFile(t, sampleWard, dir)
			before, _ := os.ReadFile(ward)
			code, stdout, stderr := runCLI(t, "nhap", sheet, "--vao", ward)
			if code != exitOK || !strings.Contains(stdout, "Đã thêm 6 đối tượng") {
				t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
			}
			// Trần Minh Khôi is already in the ward's file.
			if !strings.Contains(stderr, `'Danh sách'!B18: "Trần Minh Khôi" (cá nhân) đã có trong tệp hồ sơ (de_nghi[3]): bỏ qua`) ||
				!strings.Contains(stderr, `cột "Ghi chú" không có trong tệp hồ sơ`) {
				t.Errorf("warnings:\n%s", stderr)
			}
			after, _ := os.ReadFile(ward)
			if !bytes.HasPrefix(after, before) {
				t.Fatal("the submission's own text changed")
			}
			if st, _ := os.Stat(ward); st.Mode().Perm() != 0o640 {
				t.Errorf("permissions %v, want 0640", st.Mode().Perm())
			}
			if leftovers, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(leftovers) > 0 {
				t.Errorf("temporary files left: %v", leftovers)
			}

			code, _, stderr = runCLI(t, "kiem-tra", ward)
			if code != exitBadInput || !strings.Contains(stderr, "de_nghi[6].thanh_tich: thiếu thành tích") ||
				!strings.Contains(stderr, "de_nghi[6].thu_truong: thiếu họ tên thủ trưởng") {
				t.Errorf("kiem-tra before filling in: exit %d\n%s", code, stderr)
			}

			if err := os.WriteFile(ward, []byte(fillIn(string(after))), 0o640); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "ra")
			if code, _, stderr := runCLI(t, "build", "-o", out, ward); code != exitOK {
				t.Fatalf("build after filling in: exit %d\n%s", code, stderr)
			}
			folder := filepath.Join(out, wardSlug)
			list := regexp.MustCompile(`<[^>]*>`).ReplaceAllString(ooxmltest.PartOf(t, filepath.Join(folder, "01-to-trinh-03-giay-khen-chu-tich-ubnd.docx"), "word/document.xml"), "")
			for _, name := range []string{"Tổ dân phố 12", "Trường Tiểu học Tân Sơn Hòa", "Nguyễn Văn Hùng", "Lê Thị Thanh Hương", "Mã Quốc Vinh", "Đỗ Thị Mai",
				"Giấy khen của Chủ tịch Ủy ban nhân dân phường Tân Sơn Hòa", "PHÒNG VĂN HÓA - XÃ HỘI", "21/TTr-VHXH",
				"Kính gửi: Chủ tịch Ủy ban nhân dân phường Tân Sơn Hòa", "kính đề nghị Chủ tịch Ủy ban nhân dân phường Tân Sơn Hòa xem xét, tặng"} {
				if !strings.Contains(list, name) {
					t.Errorf("the Giấy khen's Tờ trình lacks %q", name)
				}
			}
			report := ooxmltest.PartOf(t, filepath.Join(folder, "03-bao-cao-08-nguyen-van-hung.docx"), "word/document.xml")
			for _, s := range []string{"Nguyễn Văn Hùng", "15/04/1980", "Tổ trưởng Tổ dân phố 12"} {
				if !strings.Contains(report, s) {
					t.Errorf("Nguyễn Văn Hùng's report lacks %q", s)
				}
			}
		})
	}
}

// A new file is the skeleton (with its #:schema line) without its sample
// nominees, plus the list's; it is never written over an existing file.
func TestImportNewFile(t *testing.T) {
	dir := t.TempDir()
	sheet := copyFile(t, sampleSheet, dir)
	code, stdout, stderr := runCLI(t, "import", sheet)
	target := strings.TrimSuffix(sheet, ".xlsx") + ".toml"
	if code != exitOK || !strings.Contains(stdout, "Đã thêm 7 đối tượng") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	text, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(text, []byte("#:schema "+schemaURL+"\n")) || bytes.Contains(text, []byte("Họ Tên Cá Nhân")) ||
		len(regexp.MustCompile(`(?m)^\[\[de_nghi\]\]`).FindAll(text, -1)) != 7 || !bytes.Contains(text, []byte(`ho_ten = "Trần Minh Khôi"`)) {
		t.Errorf("new file:\n%s", text)
	}
	// The ward's Tờ trình goes to the city: the ward chairman's own Giấy
	// khen cannot ride on it, and the import says so at once, by cell.
	if !regexp.MustCompile(`cảnh báo: 'Danh sách'!H11, 'Danh sách'!H14, .*"giay-khen-chu-tich-ubnd" do Chủ tịch Ủy ban nhân dân phường Tân Sơn Hòa quyết định, thấp hơn nơi nhận Tờ trình`).MatchString(stderr) {
		t.Errorf("no warning for the Giấy khen rows:\n%s", stderr)
	}
	// It checks: only what the list could not give is missing.
	code, _, stderr = runCLI(t, "kiem-tra", target)
	if code != exitBadInput || strings.Contains(stderr, "ho_ten") || !strings.Contains(stderr, "de_nghi[1].thanh_tich") {
		t.Errorf("kiem-tra: exit %d\n%s", code, stderr)
	}

	code, _, stderr = runCLI(t, "nhap", sheet, "-o", target)
	if code != exitBadInput || !strings.Contains(stderr, "đã có; không ghi đè") {
		t.Errorf("import over an existing file: exit %d\n%s", code, stderr)
	}
	if again, _ := os.ReadFile(target); !bytes.Equal(again, text) {
		t.Error("the existing file changed")
	}
	if code, _, _ := runCLI(t, "nhap", sheet, "-o", "a.toml", "--vao", target); code != exitBadInput {
		t.Errorf("-o and --vao together: exit %d", code)
	}
	if code, _, _ := runCLI(t, "nhap"); code != exitBadInput {
		t.Errorf("no sheet: exit %d", code)
	}
}

// badSheet writes a list with a date that does not exist, a row without a
// name and an award the form set does not know.
func badSheet(t *testing.T, dir string) string {
	t.Helper()
	f := excelize.NewFile()
	rows := [][]any{
		{"STT", "Họ và tên", "Ngày sinh", "Giới tính", "Chức vụ", "Đơn vị", "Hình thức đề nghị"},
		{"II. CÁ NHÂN"},
		{1, "Nguyễn Văn An", "31/02/1985", "Nam", "Kế toán", "Phòng Kinh tế", "Giấy khen của Chủ tịch UBND phường"},
		{2, nil, "01/01/1980", "Nữ", "Văn thư", "Văn phòng", "Giấy khen của Chủ tịch UBND phường"},
		{3, "Trần Thị Bình", "06/05/1979", "Nữ", "Văn thư", "Văn phòng", "Cờ thi đua của Chính phủ"},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "sai.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// A badly filled list is refused with every problem located, exit 2, and
// nothing written.
func TestImportRefusesBadSheet(t *testing.T) {
	dir := t.TempDir()
	sheet := badSheet(t, dir)
	ward := copyFile(t, sampleWard, dir)
	before, _ := os.ReadFile(ward)
	code, stdout, stderr := runCLI(t, "nhap", sheet, "--vao", ward)
	if code != exitBadInput || stdout != "" {
		t.Errorf("exit %d, stdout %q", code, stdout)
	}
	for _, w := range []string{
		`sai.xlsx: Sheet1!C3: Ngày sinh: ngày "31/02/1985" không có thật`,
		"sai.xlsx: Sheet1!B4: dòng có số liệu nhưng thiếu họ tên",
		`sai.xlsx: Sheet1!G5: bộ mẫu nd152-2025 không có hình thức "Cờ thi đua của Chính phủ"`,
		"Gợi ý: ghi một mã hoặc tên đầy đủ của hình thức: huan-chuong-lao-dong-hang-ba",
		"sai.xlsx: 3 lỗi trong bảng, không ghi tệp nào",
	} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if after, _ := os.ReadFile(ward); !bytes.Equal(after, before) {
		t.Error("the submission changed")
	}
	code, _, _ = runCLI(t, "nhap", sheet, "-o", filepath.Join(dir, "moi.toml"))
	if _, err := os.Stat(filepath.Join(dir, "moi.toml")); code != exitBadInput || err == nil {
		t.Errorf("new file from a bad list: exit %d, file %v", code, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("files left: %v", entries)
	}
}

// The clerk's file is never written through a link, keeps its line
// endings, and is not changed when the nominees cannot be appended to it.
func TestImportKeepsTheFileSafe(t *testing.T) {
	dir := t.TempDir()
	ward := copyFile(t, sampleWard, dir)
	link := filepath.Join(dir, "lien-ket.toml")
	if err := os.Symlink(ward, link); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(t, "nhap", sampleSheet, "--vao", link); code != exitBadInput || !strings.Contains(stderr, "liên kết tượng trưng") {
		t.Errorf("through a link: exit %d\n%s", code, stderr)
	}

	min, _ := os.ReadFile(sampleMin)
	crlf := filepath.Join(dir, "crlf.toml")
	os.WriteFile(crlf, bytes.ReplaceAll(bytes.TrimSuffix(min, []byte("\n")), []byte("\n"), []byte("\r\n")), 0o644)
	if code, _, stderr := runCLI(t, "nhap", sampleSheet, "--vao", crlf); code != exitOK {
		t.Fatalf("CRLF file: exit %d\n%s", code, stderr)
	}
	got, _ := os.ReadFile(crlf)
	if bytes.Count(got, []byte("\n")) != bytes.Count(got, []byte("\r\n")) || !bytes.Contains(got, []byte("\r\n[[de_nghi]]  # danh-sach-de-nghi.xlsx")) {
		t.Errorf("line endings mixed:\n%q", got)
	}

	inline := filepath.Join(dir, "inline.toml")
	text := "de_nghi = \"chưa có\"\n" + string(min[:bytes.Index(min, []byte("[[de_nghi]]"))])
	os.WriteFile(inline, []byte(text), 0o644)
	if code, _, stderr := runCLI(t, "nhap", sampleSheet, "--vao", inline); code != exitBadInput || !strings.Contains(stderr, "không thêm được") {
		t.Errorf("de_nghi as a string: exit %d\n%s", code, stderr)
	}
	if after, _ := os.ReadFile(inline); string(after) != text {
		t.Error("the file changed")
	}

	// A change made while importing is not lost.
	if err := replaceFile(inline, []byte("what it was"), []byte("new")); err == nil || !strings.Contains(err.Error(), "vừa bị sửa") {
		t.Errorf("replaceFile over a changed file: %v", err)
	}
	if after, _ := os.ReadFile(inline); string(after) != text {
		t.Error("the changed file was overwritten")
	}
}
