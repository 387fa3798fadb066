package formset_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/templates"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestShippedSetsAreChosenByDate(t *testing.T) {
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range sets {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "nd98-2023,nd152-2025" {
		t.Fatalf("sets %v", ids)
	}
	for date, want := range map[string]string{
		"2024-01-01": "nd98-2023", "2025-06-10": "nd98-2023", "2025-06-30": "nd98-2023",
		"2025-07-01": "nd152-2025", "2026-02-05": "nd152-2025",
	} {
		s, err := formset.Select(sets, day(date), "")
		if err != nil || s.ID != want {
			t.Errorf("%s: got %v %v, want %s", date, s, err, want)
		}
	}
	_, err = formset.Select(sets, day("2023-12-31"), "")
	if err == nil || !strings.Contains(err.Error(), "31/12/2023") || !strings.Contains(err.Error(), "trước mọi bộ mẫu") {
		t.Errorf("2023-12-31: %v", err)
	}
	if s, err := formset.Select(sets, day("2026-02-05"), "nd98-2023"); err != nil || s.ID != "nd98-2023" {
		t.Errorf("forced: %v %v", s, err)
	}
	// The district award: named in both, repealed from 01/07/2025.
	old, _ := sets[0].Award("giay-khen-chu-tich-ubnd-quan")
	cur, _ := sets[1].Award("giay-khen-chu-tich-ubnd-quan")
	if old.Repealed != "" || old.Decider != "chu-tich-ubnd-huyen" || !strings.Contains(cur.Repealed, "cấp quận, huyện đã chấm dứt hoạt động") {
		t.Errorf("district award: nd98 %+v, nd152 %+v", old, cur)
	}
}

// set is a minimal valid set folder in a map file system.
func set(dir, id, from, to string, docx []byte) fstest.MapFS {
	m := `id = "` + id + `"
ten = "thử"
hieu_luc_tu = ` + from + "\n"
	if to != "" {
		m += "hieu_luc_den = " + to + "\n"
	}
	m += `[[van_ban]]
id = "to-trinh"
ten = "Tờ trình"
mau = "a.docx"
`
	return fstest.MapFS{
		dir + "bo-mau.toml": {Data: []byte(m)},
		dir + "a.docx":      {Data: docx},
	}
}

func merge(ms ...fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func shippedDocx(t *testing.T) []byte {
	t.Helper()
	raw, err := fs.ReadFile(templates.FS, "nd152-2025/to-trinh.docx")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestOneSetFolderAndInspect(t *testing.T) {
	raw := shippedDocx(t)
	sets, err := formset.Load(set("", "mot", "2025-07-01", "", raw))
	if err != nil || len(sets) != 1 || sets[0].Dir() != "." || sets[0].Path(sets[0].Parts[0].Template.Default) != "a.docx" {
		t.Fatalf("a set at the root: %v %v", sets, err)
	}

	fsys := merge(set("a/", "a", "2024-01-01", "2025-06-30", raw), set("b/", "b", "2025-06-01", "", raw),
		fstest.MapFS{"c/bo-mau.toml": {Data: []byte("id = \"c\"\nhieu_luc_tu = 2020-01-01\n[[van_ban]]\nid = \"to-trinh\"\nten = \"Tờ trình\"\nmau = \"khong-co.docx\"\n[[van_ban]]\nid = \"bien-ban\"\nmau = \"a.docx\"\n")}})
	good, errs := formset.Inspect(fsys)
	if len(good) != 2 {
		t.Errorf("good sets: %d", len(good))
	}
	var me *formset.ManifestError
	var oe *formset.OverlapError
	var haveManifest, haveOverlap bool
	for _, e := range errs {
		switch {
		case errors.As(e, &me):
			haveManifest = me.Manifest == "c/bo-mau.toml" && strings.Contains(me.Error(), `không có tệp "khong-co.docx"`) &&
				strings.Contains(me.Error(), "c/bo-mau.toml:6:7: van_ban[1].mau") && strings.Contains(me.Error(), "van_ban[2].ten")
		case errors.As(e, &oe):
			haveOverlap = oe.A.ID == "a" && oe.B.ID == "b"
		}
	}
	if !haveManifest || !haveOverlap {
		t.Errorf("Inspect errors: %v", errs)
	}
	if _, err := formset.Load(fsys); err == nil || !strings.Contains(err.Error(), "bộ mẫu không hợp lệ") {
		t.Errorf("Load: %v", err)
	}

	dup := merge(set("a/", "x", "2024-01-01", "2024-12-31", raw), set("b/", "x", "2025-01-01", "", raw))
	if _, err := formset.Load(dup); err == nil || !strings.Contains(err.Error(), `mã bộ mẫu "x" đã dùng ở a/bo-mau.toml`) {
		t.Errorf("duplicate id: %v", err)
	}
}

// openCounter is a file system that counts the files opened by name.
type openCounter struct {
	fs.FS
	opened map[string]int
}

func (o openCounter) Open(name string) (fs.File, error) {
	o.opened[name]++
	return o.FS.Open(name)
}

// Stat and ReadDir look without opening, as os.DirFS and os.Root do.
func (o openCounter) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.FS, name) }

func (o openCounter) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.FS, name) }

// TestOnlyRegularFilesWithinLimitsAreRead: a template or manifest that is
// a device, a FIFO or a folder, or larger than its limit, is refused from
// what Stat says, before it is opened.
func TestOnlyRegularFilesWithinLimitsAreRead(t *testing.T) {
	raw := shippedDocx(t)
	big := "# " + strings.Repeat("x", 2<<20) + "\n"
	cases := []struct {
		name   string
		fsys   fstest.MapFS
		unread string
		want   string
	}{
		{"a device as template", merge(set("", "mot", "2025-07-01", "", raw), fstest.MapFS{"a.docx": {Data: raw, Mode: fs.ModeDevice}}), "a.docx", "a.docx là một thiết bị, không phải tệp thường"},
		{"a FIFO as template", merge(set("", "mot", "2025-07-01", "", raw), fstest.MapFS{"a.docx": {Mode: fs.ModeNamedPipe}}), "a.docx", "a.docx là một ống (FIFO)"},
		{"a folder as template", merge(set("", "mot", "2025-07-01", "", nil), fstest.MapFS{"a.docx": {Mode: fs.ModeDir}, "a.docx/x": {Data: raw}}), "a.docx", "a.docx là một thư mục"},
		{"a template over the package limit", merge(set("", "mot", "2025-07-01", "", raw), fstest.MapFS{"a.docx": {Data: make([]byte, formset.MaxTemplateFile+1)}}), "a.docx", "a.docx quá lớn"},
		{"a device as manifest", fstest.MapFS{"bo-mau.toml": {Data: []byte("id = \"x\"\n"), Mode: fs.ModeCharDevice | fs.ModeDevice}}, "bo-mau.toml", "bo-mau.toml là một thiết bị"},
		{"a manifest over 1 MB", merge(set("", "mot", "2025-07-01", "", raw), fstest.MapFS{"bo-mau.toml": {Data: []byte(big)}}), "bo-mau.toml", "bo-mau.toml quá lớn (2048 KB, tối đa 1024 KB)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys := openCounter{FS: c.fsys, opened: map[string]int{}}
			_, err := formset.Load(fsys)
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("Load = %v, want %q", err, c.want)
			}
			if n := fsys.opened[c.unread]; n != 0 {
				t.Errorf("Load opened %s %d times", c.unread, n)
			}
			if strings.HasSuffix(c.unread, ".docx") {
				if _, err := formset.ReadTemplate(fsys, c.unread); err == nil || fsys.opened[c.unread] != 0 {
					t.Errorf("ReadTemplate(%s) = %v, opened %d times", c.unread, err, fsys.opened[c.unread])
				}
			}
		})
	}
}

// A form set folder that is a link the folder does not follow (its target
// outside the folder, or missing) is named as a problem, by Inspect and
// Load alike, not skipped: the set it holds would vanish without a word
// (issue 12 re-audit, item 4). A link to a file inside is no problem.
func TestLinkedSetFolderIsNamed(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "nd98-2023"), mustSub(t, templates.FS, "nd98-2023")); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(outside, mustSub(t, templates.FS, "nd152-2025")); err != nil {
		t.Fatal(err)
	}
	for name, target := range map[string]string{"nd152-2025": outside, "treo": filepath.Join(dir, "khong-co"), "HUONG-DAN.md": "nd98-2023/bo-mau.toml"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Skip("no symbolic links here:", err)
		}
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	good, errs := formset.Inspect(root.FS())
	joined := errors.Join(errs...)
	for _, name := range []string{"nd152-2025", "treo"} {
		if joined == nil || !strings.Contains(joined.Error(), name+" là liên kết (symlink) trỏ ra ngoài thư mục bộ mẫu") {
			t.Errorf("Inspect does not name %s: %v", name, joined)
		}
	}
	if joined != nil && strings.Contains(joined.Error(), "HUONG-DAN.md") {
		t.Errorf("a link to a file inside the folder is refused: %v", joined)
	}
	if len(good) == 0 || good[0].ID != "nd98-2023" {
		t.Errorf("the good set is lost: %v", good)
	}
	if _, err := formset.Load(root.FS()); err == nil || !strings.Contains(err.Error(), "nd152-2025 là liên kết") {
		t.Errorf("Load = %v, want the link named", err)
	}
}

// mustSub is fs.Sub, the test failing on an error.
func mustSub(t *testing.T, fsys fs.FS, dir string) fs.FS {
	t.Helper()
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	return sub
}
