package main

import (
	"errors"
	"html"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/templates"
)

const (
	sampleDistrict = "../../samples/quan-tan-binh-2025.toml"
	fixtures       = "../../internal/tplcheck/testdata"
)

func runTemplates(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	return runCLI(t, append([]string{"templates"}, args...)...)
}

func TestTemplatesList(t *testing.T) {
	code, out, errs := runTemplates(t, "list")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"nd98-2023 — ", "Nghị định số 98/2023/NĐ-CP", "Hiệu lực: từ 01/01/2024 đến 30/06/2025", "Cấp: quận, huyện",
		"nd152-2025 — ", "Hiệu lực: từ 01/07/2025", "bao-cao-thanh-tich", "to-trinh.docx", "xac-nhan-thue.docx",
		"giay-khen-chu-tich-ubnd-quan   ĐÃ BÃI BỎ: cấp quận, huyện đã chấm dứt hoạt động",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "nd98-2023") > strings.Index(out, "nd152-2025") {
		t.Error("sets not in date order")
	}
	if code, _, _ := runTemplates(t, "list", "--templates", filepath.Join(fixtures, "lo")); code != exitOK {
		t.Errorf("list --templates: exit %d", code)
	}
	if code, _, _ := runTemplates(t, "list", "--templates", t.TempDir()); code != exitBadInput {
		t.Errorf("list of an empty folder: exit %d, want %d", code, exitBadInput)
	}
}

func TestTemplatesCheckShippedAndRoundTripped(t *testing.T) {
	for _, args := range [][]string{
		{"check"},
		{"check", filepath.Join(fixtures, "lo")},
		{"check", "--templates", filepath.Join(fixtures, "word")},
		{"check", filepath.Join("..", "..", "templates", "nd98-2023")}, // one set's folder
	} {
		code, out, errs := runTemplates(t, args...)
		if code != exitOK || !strings.Contains(out, "Đạt:") {
			t.Errorf("%v: exit %d\n%s%s", args, code, out, errs)
		}
	}
}

// TestTemplatesCheckRefusesBrokenSets: every committed broken set gives
// exit 1 and names the file and the place.
func TestTemplatesCheckRefusesBrokenSets(t *testing.T) {
	for dir, want := range map[string][]string{
		"truong-la":     {"LỖI  to-trinh.docx", "Ở đâu: thân văn bản, đoạn 12 «{{van_ban.trich_yu}}»", "có phải là {{van_ban.trich_yeu}}?"},
		"vong-lap-ho":   {"LỖI  bien-ban.docx", "«{{for d in bien_ban.noi_dung}}»", "thiếu {{end}}"},
		"the-dau-trang": {"LỖI  bao-cao-ca-nhan.docx", "Ở đâu: đầu trang các trang sau trang đầu, đoạn 2 «{{doi_tuong.ho_ten}}»"},
		"phong-arial":   {"LỖI  bao-cao-tap-the.docx", "«BÁO CÁO THÀNH TÍCH»", "phông «Arial»"},
		"kho-letter":    {"LỖI  xac-nhan-thue.docx", "phần (section) 1", "(Letter), không phải A4"},
		"vong-lap-lech": {"LỖI  to-trinh.docx", "bảng 3, hàng 2, ô 1", "không cùng chỗ"},
	} {
		code, out, errs := runTemplates(t, "check", filepath.Join(fixtures, "broken", dir))
		if code != exitFailed {
			t.Errorf("%s: exit %d, want %d\n%s%s", dir, code, exitFailed, out, errs)
		}
		for _, w := range append(want, "  bộ mẫu hong-"+dir+": 1 lỗi\n", "Không đạt: 1 lỗi.", "Cách sửa: ") {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", dir, w, out)
			}
		}
	}
	if code, _, _ := runTemplates(t, "check", "/khong/co/thu/muc/nay"); code != exitBadInput {
		t.Errorf("missing folder: exit %d, want %d", code, exitBadInput)
	}
}

// pad is s padded with spaces to n runes, as the fields table prints it.
func pad(s string, n int) string { return s + strings.Repeat(" ", n-len([]rune(s))) }

func TestTemplatesFields(t *testing.T) {
	code, out, errs := runTemplates(t, "fields")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"co_quan.ten  [chữ]", "de_nghi[].ho_ten  [chữ]", "van_ban.ngay  [ngày]",
		"viết: {{van_ban.ngay | ngay}}", "mac_dinh\n", "ví dụ: {{van_ban.ngay | ngay}} → ngày 05 tháng 02 năm 2026",
		"  hai_so     " + pad("số; số thứ tự", 30) + " chữ\n", "  la_ma      " + pad("số thứ tự", 30) + " chữ\n",
		"  gio        " + pad("ngày giờ", 30) + " chữ\n", "stt  [số thứ tự]", "de_nghi[].so_thu_tu  [số thứ tự]",
		"bien_ban.bat_dau  [ngày giờ]"} {
		if !strings.Contains(out, want) {
			t.Errorf("fields lack %q", want)
		}
	}
	code, out, errs = runTemplates(t, "fields", "--json", "--bo-mau", "nd98-2023", "--templates", "../../templates")
	if code != exitOK || !strings.Contains(out, `"truong": "doi_tuong.ho_ten",`) || !strings.Contains(out, `"phan": [
        "bao-cao-thanh-tich"
      ]`) {
		t.Errorf("fields --json --bo-mau: exit %d %s\n%.2000s", code, errs, out)
	}
	if code, _, errs := runTemplates(t, "fields", "--bo-mau", "khong-co"); code != exitBadInput || !strings.Contains(errs, `không có bộ mẫu "khong-co"`) {
		t.Errorf("fields --bo-mau khong-co: exit %d %s", code, errs)
	}
	if code, _, _ := runTemplates(t, "khong-co"); code != exitBadInput {
		t.Errorf("unknown subcommand: exit %d", code)
	}
}

// TestBuildRefusesBrokenTemplates: build with a set whose template names
// a field that does not exist, or leaves a loop open, writes nothing and
// names the template and the place.
func TestBuildRefusesBrokenTemplates(t *testing.T) {
	for dir, want := range map[string][]string{
		"truong-la":   {"to-trinh.docx", "«{{van_ban.trich_yu}}»", `không có trường "van_ban.trich_yu"`},
		"vong-lap-ho": {"bien-ban.docx", "«{{for d in bien_ban.noi_dung}}»", "thiếu {{end}}"},
	} {
		out := filepath.Join(t.TempDir(), "ra")
		code, stdout, stderr := runCLI(t, "build", "--templates", filepath.Join(fixtures, "broken", dir), "-o", out, sampleWard)
		if code != exitFailed && code != exitBadInput {
			t.Errorf("%s: exit %d\n%s%s", dir, code, stdout, stderr)
		}
		for _, w := range want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s: stderr lacks %q:\n%s", dir, w, stderr)
			}
		}
		var written []string
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				written = append(written, p)
			}
			return nil
		})
		if len(written) > 0 {
			t.Errorf("%s: files written: %v", dir, written)
		}
	}
}

// district is the district sample with edits applied, written to a temp file.
func district(t *testing.T, edits ...[2]string) (string, []byte) {
	t.Helper()
	src, err := os.ReadFile(sampleDistrict)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for _, e := range edits {
		if !strings.Contains(s, e[0]) {
			t.Fatalf("%q not in %s", e[0], sampleDistrict)
		}
		s = strings.Replace(s, e[0], e[1], 1)
	}
	path := filepath.Join(t.TempDir(), "quan.toml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, []byte(s)
}

// TestFormSetChosenByDate: the Tờ trình date picks the set; the district
// award exists until 30/06/2025 and is refused after, saying why; a date
// no set covers is a clear error.
func TestFormSetChosenByDate(t *testing.T) {
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	giayKhenQuan := [2]string{`hinh_thuc = "bang-khen-chu-tich-ubnd-tp"
ten = "Ủy ban nhân dân Phường 2`, `hinh_thuc = "giay-khen-chu-tich-ubnd-quan"
ten = "Ủy ban nhân dân Phường 2`}

	path, src := district(t, giayKhenQuan)
	d, err := dossier.Build(path, src, sets)
	if err != nil {
		t.Fatalf("district award dated 10/06/2025: %v", err)
	}
	if d.FormSet.ID != "nd98-2023" {
		t.Errorf("form set %s, want nd98-2023", d.FormSet.ID)
	}

	path, src = district(t, giayKhenQuan, [2]string{"ngay = 2025-06-10", "ngay = 2025-07-10"})
	_, err = dossier.Build(path, src, sets)
	var ie *dossier.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("district award dated 10/07/2025: want refused, got %v", err)
	}
	// The award and the district agency are refused, each once; nothing
	// follows from the level that is gone (no addressee, no names).
	var repealed, level int
	for _, p := range ie.Problems {
		switch {
		case p.Key == submission.KeyAwardRepealed && p.Path == "de_nghi[1].hinh_thuc" &&
			strings.Contains(p.Msg, "cấp quận, huyện đã chấm dứt hoạt động từ ngày 01/07/2025"):
			repealed++
		case p.Key == submission.KeyChoice && p.Path == "co_quan.ten" && strings.Contains(p.Msg, "bộ mẫu nd152-2025 không có cấp quận, huyện"):
			level++
		}
	}
	if repealed != 1 || level != 1 || len(ie.Problems) != 2 {
		t.Errorf("want one award-repealed and one level problem, got: %v", ie.Problems)
	}
	code, _, stderr := runCLI(t, "build", "-o", t.TempDir(), path)
	if code != exitBadInput || !strings.Contains(stderr, "không còn áp dụng từ bộ mẫu nd152-2025") || !strings.Contains(stderr, "không tạo văn bản nào") {
		t.Errorf("build: exit %d\n%s", code, stderr)
	}

	path, _ = district(t, [2]string{"ngay = 2025-06-10", "ngay = 2023-12-20"}, [2]string{"bat_dau = 2025-06-05T14:00:00", "bat_dau = 2023-12-15T14:00:00"})
	code, _, stderr = runCLI(t, "build", "-o", t.TempDir(), path)
	if code != exitBadInput || !strings.Contains(stderr, "không có bộ mẫu nào áp dụng cho ngày 20/12/2023") ||
		!strings.Contains(stderr, "nd98-2023 (từ 01/01/2024 đến 30/06/2025)") {
		t.Errorf("date before every set: exit %d\n%s", code, stderr)
	}
}

func TestTemplatesExportThenCheck(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bo-mau")
	code, out, errs := runTemplates(t, "export", dir)
	if code != exitOK || !strings.Contains(out, "Đã chép 15 tệp") || !strings.Contains(out, "hướng dẫn soạn mẫu: "+filepath.Join(dir, "HUONG-DAN.md")) {
		t.Fatalf("export: exit %d\n%s%s", code, out, errs)
	}
	guide, err := os.ReadFile(filepath.Join(dir, "HUONG-DAN.md"))
	if err != nil || string(guide) != string(templates.Guide) || !strings.Contains(string(guide), "## 3. Cú pháp thẻ") {
		t.Errorf("the maintainers' guide was not written beside the sets: %v", err)
	}
	_, help, _ := runTemplates(t, "--help")
	if !strings.Contains(help, "THƯ_MỤC/HUONG-DAN.md") || strings.Contains(help, "templates/README.md") {
		t.Errorf("help does not point to the exported guide:\n%s", help)
	}
	if code, out, _ := runTemplates(t, "check", dir); code != exitOK {
		t.Errorf("check of the exported sets: exit %d\n%s", code, out)
	}
	if code, _, errs := runTemplates(t, "export", dir); code != exitBadInput || !strings.Contains(errs, "không ghi đè") {
		t.Errorf("second export: exit %d %s", code, errs)
	}
}

// TestCheckCatchesWhatBuildRefuses: a formatter given the wrong kind of
// value fails check (exit 1, with the fix) before any build, and the build
// refuses the set in words, without Go's formatting of values.
func TestCheckCatchesWhatBuildRefuses(t *testing.T) {
	for _, c := range []struct{ text, tag, msg string }{ // text: what the title becomes, when more than the tag
		{"", "{{co_quan.dia_danh | ngay}}", "bộ định dạng «ngay» cần ngày, còn «co_quan.dia_danh» là chữ"},
		{"", "{{van_ban.ngay | hai_so}}", "bộ định dạng «hai_so» cần số, còn «van_ban.ngay» là ngày"},
		{"", "{{co_quan.ten | la_ma}}", "bộ định dạng «la_ma» cần số thứ tự, còn «co_quan.ten» là chữ"},
		{"", "{{van_ban.trich_yeu | so_chu}}", "bộ định dạng «so_chu» cần số, còn «van_ban.trich_yeu» là chữ"},
		{"", "{{so_ca_nhan | gio}}", "bộ định dạng «gio» cần ngày giờ, còn «so_ca_nhan» là số"},
		// What the audit of issue 14.2 found check passing and build
		// filling: a money amount as point letters (~340 million letters a
		// cell), a date alone as a time, comparisons always false.
		{"{{for x in de_nghi}}{{for y in x.so_lieu}}{{y.loi_nhuan | chu_cai}}{{end}}{{end}}", "{{y.loi_nhuan | chu_cai}}",
			"bộ định dạng «chu_cai» cần số thứ tự, còn «y.loi_nhuan» là số"},
		{"", "{{so_tap_the | la_ma}}", "bộ định dạng «la_ma» cần số thứ tự, còn «so_tap_the» là số"},
		{"", "{{van_ban.ngay | gio}}", "bộ định dạng «gio» cần ngày giờ, còn «van_ban.ngay» là ngày"},
		{"{{if van_ban.ngay == \"2026\"}}x{{end}}", "{{if van_ban.ngay == \"2026\"}}", "«van_ban.ngay» là ngày, không bao giờ bằng \"2026\""},
		{"{{if so_ca_nhan == \"ba\"}}x{{end}}", "{{if so_ca_nhan == \"ba\"}}", "«so_ca_nhan» là số, không bao giờ bằng \"ba\""},
	} {
		if c.text == "" {
			c.text = c.tag
		}
		t.Run(c.tag, func(t *testing.T) {
			dir := copyTemplates(t)
			file := filepath.Join(dir, "nd152-2025", "to-trinh.docx")
			docx, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, ooxmltest.ReplaceInDocument(t, docx, ">TỜ TRÌNH<", ">"+html.EscapeString(c.text)+"<"), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, _ := runTemplates(t, "check", dir)
			if code != exitFailed || !strings.Contains(out, "Lỗi gì: "+c.tag+": "+c.msg) || !strings.Contains(out, "Cách sửa: ") {
				t.Errorf("check: exit %d\n%s", code, out)
			}
			code, _, stderr := runCLI(t, "build", "-q", "--templates", dir, "-o", filepath.Join(t.TempDir(), "ra"), sampleWard)
			if code != exitBadInput || !strings.Contains(stderr, c.tag+": "+c.msg) { // a refused template is bad input
				t.Errorf("build: exit %d\n%s", code, stderr)
			}
			for _, leak := range []string{"gặp", "UTC", "string"} {
				if strings.Contains(stderr, leak) {
					t.Errorf("build message shows %q:\n%s", leak, stderr)
				}
			}
		})
	}
}
