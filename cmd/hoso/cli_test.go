package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/submission"
)

const (
	sampleWard = "../../samples/phuong-tan-son-hoa-2026.toml"
	sampleMin  = "../../samples/toi-thieu.toml"
	wardSlug   = "uy-ban-nhan-dan-phuong-tan-son-hoa-2026-02-05"
	minSlug    = "uy-ban-nhan-dan-xa-binh-my-2026-01-09"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// badCopy writes the minimal sample with one line replaced into dir and
// returns its path and the line number of the replaced line.
func badCopy(t *testing.T, dir, old, new string) (string, int) {
	t.Helper()
	src, err := os.ReadFile(sampleMin)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	at := strings.Index(s, old)
	if at < 0 || strings.Count(s, old) != 1 {
		t.Fatalf("%q not once in %s", old, sampleMin)
	}
	line := strings.Count(s[:at], "\n") + 1
	path := filepath.Join(dir, "sai.toml")
	if err := os.WriteFile(path, []byte(s[:at]+new+s[at+len(old):]), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, line
}

func TestBuildSample(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ho-so")
	code, stdout, stderr := runCLI(t, "build", "-o", out, sampleWard)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	dir := filepath.Join(out, wardSlug)
	for _, f := range []string{"manifest.json", "01-to-trinh-01-bang-khen-chu-tich-ubnd-tp.docx", "01-to-trinh-02-bang-khen-thu-tuong.docx", "02-bien-ban.docx"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if !strings.Contains(stdout, sampleWard+": 12 văn bản") || !strings.Contains(stdout, filepath.ToSlash(dir)) {
		t.Errorf("stdout %q", stdout)
	}
}

func TestBuildBadFileWritesNothing(t *testing.T) {
	tmp := t.TempDir()
	bad, line := badCopy(t, tmp, `ngay_sinh = "23/07/1988"`, `ngay_sinh = "30/02/1988"`)
	out := filepath.Join(tmp, "ra")
	code, stdout, stderr := runCLI(t, "build", "-o", out, bad)
	if code != exitBadInput {
		t.Errorf("exit %d, want %d", code, exitBadInput)
	}
	// Vietnamese, naming the file, line, field, and showing the line.
	head := regexp.MustCompile(regexp.QuoteMeta(bad) + `:` + strconv.Itoa(line) + `:\d+: de_nghi\[1\]\.ngay_sinh: `)
	if !head.MatchString(stderr) {
		t.Errorf("stderr does not locate %s:%d de_nghi[1].ngay_sinh:\n%s", bad, line, stderr)
	}
	for _, w := range []string{"không tạo văn bản nào", "không có thật", `| ngay_sinh = "30/02/1988"`, "^"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if stdout != "" {
		t.Errorf("stdout %q", stdout)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output folder created for a refused file: %v", err)
	}
}

func TestBuildSyntaxError(t *testing.T) {
	tmp := t.TempDir()
	bad, line := badCopy(t, tmp, `dia_danh = "Bình Mỹ"`, `dia_danh = "Bình Mỹ`)
	out := filepath.Join(tmp, "ra")
	code, _, stderr := runCLI(t, "build", "-o", out, bad)
	if code != exitBadInput {
		t.Errorf("exit %d, want %d", code, exitBadInput)
	}
	if !regexp.MustCompile(regexp.QuoteMeta(bad) + `:` + strconv.Itoa(line) + `:\d+: `).MatchString(stderr) {
		t.Errorf("stderr does not locate line %d:\n%s", line, stderr)
	}
	if !regexp.MustCompile(`(?m)^\s+\|\s+\^+$`).MatchString(stderr) {
		t.Errorf("no caret line:\n%s", stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("output folder created: %v", err)
	}
}

func TestBuildOneGoodOneBad(t *testing.T) {
	tmp := t.TempDir()
	bad, _ := badCopy(t, tmp, `gioi_tinh = "Nữ"`, `gioi_tinh = "Nu"`)
	out := filepath.Join(tmp, "ra")
	code, stdout, stderr := runCLI(t, "build", "-o", out, bad, sampleWard)
	if code != exitFailed {
		t.Errorf("exit %d, want %d; stderr:\n%s", code, exitFailed, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, wardSlug, "manifest.json")); err != nil {
		t.Errorf("the good dossier was not written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, minSlug)); !os.IsNotExist(err) {
		t.Errorf("the bad file's dossier exists: %v", err)
	}
	if !strings.Contains(stderr, "de_nghi[1].gioi_tinh") || !strings.Contains(stdout, wardSlug) {
		t.Errorf("stdout %q\nstderr %q", stdout, stderr)
	}
	entries := visibleEntries(t, out)
	if len(entries) != 1 {
		t.Errorf("output folder holds %d entries, want 1", len(entries))
	}
}

func TestBuildMissingFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ra")
	code, _, stderr := runCLI(t, "build", "-o", out, filepath.Join(t.TempDir(), "khong-co.toml"))
	if code != exitBadInput || !strings.Contains(stderr, "không đọc được") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestUsage(t *testing.T) {
	code, stdout, stderr := runCLI(t)
	if code != exitBadInput || !strings.Contains(stderr, "Cách dùng") || !strings.Contains(stderr, "hoso build") || stdout != "" {
		t.Errorf("no args: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	code, _, stderr = runCLI(t, "xay")
	if code != exitBadInput || !strings.Contains(stderr, `"xay"`) || !strings.Contains(stderr, "Cách dùng") {
		t.Errorf("unknown command: exit %d, stderr %q", code, stderr)
	}
	code, _, stderr = runCLI(t, "build")
	if code != exitBadInput || !strings.Contains(stderr, "thiếu tệp") {
		t.Errorf("build without files: exit %d, stderr %q", code, stderr)
	}
	code, _, _ = runCLI(t, "build", "--khong-co-co")
	if code != exitBadInput {
		t.Errorf("unknown flag: exit %d", code)
	}
	code, stdout, _ = runCLI(t, "help")
	if code != exitOK || !strings.Contains(stdout, "Cách dùng") {
		t.Errorf("help: exit %d, stdout %q", code, stdout)
	}
}

func TestInitWritesABuildableSkeleton(t *testing.T) {
	tmp := t.TempDir()
	path := filepath.Join(tmp, "moi.toml")
	code, stdout, stderr := runCLI(t, "init", path)
	if code != exitOK {
		t.Fatalf("init: exit %d, stderr %q", code, stderr)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("skeleton.toml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("init did not write skeleton.toml")
	}
	if !strings.Contains(stdout, path) {
		t.Errorf("stdout %q", stdout)
	}

	// Never overwrite.
	if err := os.WriteFile(path, []byte("# của tôi\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "init", path)
	if code != exitBadInput || !strings.Contains(stderr, "không ghi đè") {
		t.Errorf("init over an existing file: exit %d, stderr %q", code, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "# của tôi\n" {
		t.Errorf("existing file changed to %q", b)
	}

	// The skeleton builds as written: it is in step with the schema.
	fresh := filepath.Join(tmp, "khung.toml")
	if code, _, stderr := runCLI(t, "init", fresh); code != exitOK {
		t.Fatalf("init: exit %d, %s", code, stderr)
	}
	out := filepath.Join(tmp, "ra")
	code, _, stderr = runCLI(t, "build", "-o", out, fresh)
	if code != exitOK {
		t.Fatalf("building the skeleton: exit %d, stderr:\n%s", code, stderr)
	}
	entries := visibleEntries(t, out)
	if len(entries) != 1 {
		t.Fatalf("skeleton output: %d entries", len(entries))
	}
	m, err := os.ReadFile(filepath.Join(out, entries[0].Name(), "manifest.json"))
	if err != nil || !bytes.Contains(m, []byte(`"xac-nhan-thue"`)) || !bytes.Contains(m, []byte(`"bao-cao-thanh-tich"`)) {
		t.Errorf("skeleton dossier lacks its parts: %v\n%s", err, m)
	}

	if code, _, _ := runCLI(t, "init", "a.toml", "b.toml"); code != exitBadInput {
		t.Errorf("init with two names: exit %d", code)
	}
}

func TestInitDefaultName(t *testing.T) {
	t.Chdir(t.TempDir())
	if code, _, stderr := runCLI(t, "init"); code != exitOK {
		t.Fatalf("exit %d, %s", code, stderr)
	}
	if _, err := os.Stat("ho-so.toml"); err != nil {
		t.Errorf("default file: %v", err)
	}
}

// visibleEntries lists a folder without hidden entries (the output lock).
func visibleEntries(t *testing.T, dir string) []os.DirEntry {
	t.Helper()
	all, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return visible(all)
}

// Warnings reach the clerk on the terminal, grouped by text with the
// documents they concern, and the scripts in the JSON summary; -q hides
// them (they stay in manifest.json).
func TestBuildShowsWarnings(t *testing.T) {
	dir := t.TempDir()
	// A position with a letter the fonts lack, printed in the Tờ trình's
	// list and in the report (a name must be in Latin letters: see
	// submission.Limits; other texts keep any script).
	in, _ := badCopy(t, dir, `chuc_vu = "Viên chức Trạm Y tế"`, `chuc_vu = "Viên chức Trạm Y tế 世"`)
	code, _, stderr := runCLI(t, "build", "-o", filepath.Join(dir, "ra"), in)
	if code != exitOK {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	glyph := regexp.MustCompile(`(?m)^  - 01-to-trinh-01-[a-z-]+\.docx, 03-bao-cao-01-[a-z-]+\.docx: PDF: .*«世» \(U\+4E16\)`)
	if !glyph.MatchString(stderr) || strings.Count(stderr, "U+4E16") != 1 {
		t.Errorf("the font warning is not shown once for the two documents:\n%s", stderr)
	}
	if !strings.Contains(stderr, "chưa ghi quê quán") {
		t.Errorf("the report's missing details are not shown:\n%s", stderr)
	}
	code, stdout, stderr := runCLI(t, "build", "--json", "-o", filepath.Join(dir, "ra"), in)
	if code != exitOK || strings.Contains(stderr, "cảnh báo") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	var sum struct {
		Dossiers []struct {
			Warnings int `json:"so_canh_bao"`
			Notices  []struct {
				Documents []string `json:"van_ban"`
				Text      string   `json:"noi_dung"`
			} `json:"canh_bao"`
		} `json:"ho_so"`
	}
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil || len(sum.Dossiers) != 1 {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	d := sum.Dossiers[0]
	total := 0
	for _, n := range d.Notices {
		total += len(n.Documents)
		if strings.Contains(n.Text, "U+4E16") && len(n.Documents) != 2 {
			t.Errorf("font warning on %v, want the Tờ trình and the report", n.Documents)
		}
	}
	if total != d.Warnings || total == 0 {
		t.Errorf("%d warnings counted, %d listed", d.Warnings, total)
	}
	if _, _, stderr := runCLI(t, "build", "-q", "-o", filepath.Join(dir, "ra"), in); stderr != "" {
		t.Errorf("-q printed:\n%s", stderr)
	}
}

// sample writes at most the largest submission hoso accepts (5000
// nominees, 5 MB): two billion nominees ran out of memory. A refused count
// writes nothing.
func TestSampleCountIsBounded(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"2000000000", "5001", "0", "-3"} {
		out := filepath.Join(dir, "mau-"+n+".toml")
		code, _, stderr := runCLI(t, "sample", "-n", n, "-o", out)
		if code != exitBadInput || !strings.Contains(stderr, "giá trị "+n+" của -n không dùng được: cần một số nguyên từ 1 đến 5000") {
			t.Errorf("-n %s: exit %d, stderr %q", n, code, stderr)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("-n %s: %s written (%v)", n, out, err)
		}
	}
	// 5000 synthetic nominees take more than MaxFileSize: refused too, with
	// the count that fits.
	big := filepath.Join(dir, "mau-5000.toml")
	code, _, stderr := runCLI(t, "sample", "-n", "5000", "-o", big)
	if code != exitBadInput || !strings.Contains(stderr, "quá giới hạn 5 MB của một tệp hồ sơ; hãy chọn -n nhỏ hơn, tối đa khoảng 4") {
		t.Errorf("-n 5000: exit %d, stderr %q", code, stderr)
	}
	if _, err := os.Stat(big); !os.IsNotExist(err) {
		t.Errorf("-n 5000: %s written (%v)", big, err)
	}
	// What sample writes, hoso accepts.
	out := filepath.Join(dir, "mau.toml")
	if code, stdout, stderr := runCLI(t, "sample", "-n", "4000", "-o", out); code != exitOK || !strings.Contains(stdout, "4000 đối tượng") {
		t.Fatalf("-n 4000: exit %d, %s%s", code, stdout, stderr)
	}
	src, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s, ix, ps, err := submission.Decode(src)
	if err != nil || len(ps) > 0 || len(s.Nominees) != 4000 {
		t.Fatalf("the sample of 4000: %d nominees, %v %v", len(s.Nominees), err, ps)
	}
	if ps := submission.Validate(s, ix, nil); len(ps) > 0 {
		t.Errorf("the sample of 4000 is refused: %v", ps)
	}
}
