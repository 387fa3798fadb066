package dossier

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hoso-vn/hoso/internal/testtool"
)

// snapshot reads every file under dir.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[rel] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string]string) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, " ")
}

// TestFailedWriteKeepsThePreviousDossier writes a dossier, then rewrites
// it with a failure injected at every file in turn: each time the error
// is reported, the previous dossier is intact, byte for byte, and no
// temporary folder is left.
func TestFailedWriteKeepsThePreviousDossier(t *testing.T) {
	out := t.TempDir()
	first := buildPDF(t, minSample, "", "")
	dir, err := first.Write(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	second := buildPDF(t, minSample, "Võ Thị Mỹ Duyên", "Võ Thị Mỹ Hạnh")
	if second.Slug != first.Slug {
		t.Fatalf("slugs differ: %s, %s", first.Slug, second.Slug)
	}
	files := len(before)
	errInjected := errors.New("đĩa đầy (lỗi giả lập)")
	defer func() { write, flush = writeFile, syncFolder }()
	for fail := 1; fail <= files; fail++ {
		var n atomic.Int32 // the files are written on several goroutines
		write = func(path string, data []byte) error {
			if n.Add(1) == int32(fail) {
				// Half a file, as a full disk leaves it.
				os.WriteFile(path, data[:len(data)/2], 0o644)
				return errInjected
			}
			return writeFile(path, data)
		}
		if _, err := second.Write(context.Background(), out); !errors.Is(err, errInjected) {
			t.Fatalf("failure at file %d: Write = %v", fail, err)
		}
		after := snapshot(t, dir)
		if names(after) != names(before) {
			t.Fatalf("failure at file %d: the folder holds %s, before %s", fail, names(after), names(before))
		}
		for k, v := range before {
			if after[k] != v {
				t.Errorf("failure at file %d: %s changed", fail, k)
			}
		}
		if es, _ := os.ReadDir(out); len(es) != 1 {
			t.Errorf("failure at file %d: the output folder holds %d entries", fail, len(es))
		}
	}
	// A failure to flush the written files to disk does the same.
	write = writeFile
	flush = func(string) error { return errInjected }
	if _, err := second.Write(context.Background(), out); !errors.Is(err, errInjected) {
		t.Fatalf("failure to flush: Write = %v", err)
	}
	if after := snapshot(t, dir); names(after) != names(before) || after["manifest.json"] != before["manifest.json"] {
		t.Fatalf("failure to flush: the previous dossier changed")
	}
	if es, _ := os.ReadDir(out); len(es) != 1 {
		t.Errorf("failure to flush: the output folder holds %d entries", len(es))
	}
	flush = syncFolder
	// Without a failure the new dossier replaces the old one.
	if _, err := second.Write(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if snapshot(t, dir)["manifest.json"] == before["manifest.json"] && snapshot(t, dir)["01-to-trinh.docx"] == before["01-to-trinh.docx"] {
		t.Error("the second dossier did not replace the first")
	}
}

// TestUnwritableOutputFolderKeepsThePreviousDossier: a folder the user
// cannot write into (permissions do not bind root).
func TestUnwritableOutputFolderKeepsThePreviousDossier(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	out := t.TempDir()
	d := buildPDF(t, minSample, "", "")
	dir, err := d.Write(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, dir)
	os.Chmod(out, 0o555)
	defer os.Chmod(out, 0o755)
	if _, err := buildPDF(t, minSample, "Võ Thị Mỹ Duyên", "Võ Thị Mỹ Hạnh").Write(context.Background(), out); err == nil {
		t.Fatal("Write into a read-only folder succeeded")
	}
	if after := snapshot(t, dir); names(after) != names(before) || after["manifest.json"] != before["manifest.json"] {
		t.Error("the previous dossier changed")
	}
}

// TestKilledMidReplaceIsFinished: runs were killed while replacing two
// dossiers. In one the previous dossier had been renamed aside and the
// new one was not in place: the next run puts the previous one back. In
// the other the new one was in place and the clerk's file not yet carried
// over: the next run carries it over. Half-written work goes, and the
// staging folder with it.
func TestKilledMidReplaceIsFinished(t *testing.T) {
	out := t.TempDir()
	slug := "uy-ban-nhan-dan-xa-binh-my-2026-01-09"
	stage := filepath.Join(out, stagingName)
	os.MkdirAll(stage, 0o755)
	os.WriteFile(filepath.Join(stage, markerName), []byte(markerText), 0o644)
	files := map[string]string{
		// Killed between the two renames.
		slug + "-123/cu/manifest.json":  "bản cũ",
		slug + "-123/cu/scan.pdf":       "của văn thư",
		slug + "-123/moi/manifest.json": "bản mới",
		// Killed while carrying the clerk's entries over.
		"khac-2026-01-09-9/cu/manifest.json":    `{"ho_so": "khac-2026-01-09", "tai_lieu": [{"docx": "01-to-trinh.docx"}]}`,
		"khac-2026-01-09-9/cu/01-to-trinh.docx": "bản cũ của hoso",
		"khac-2026-01-09-9/cu/phu-luc/a.pdf":    "phụ lục",
		// Killed while writing, nothing renamed.
		"khac-2026-01-09-8/moi/01-to-trinh.docx": "dở",
	}
	testtool.WriteFiles(t, stage, files)
	os.MkdirAll(filepath.Join(out, "khac-2026-01-09"), 0o755)
	release, err := LockOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	release()
	after := snapshot(t, out)
	want := map[string]string{
		".hoso.lock":                    after[".hoso.lock"],
		slug + "/manifest.json":         "bản cũ",
		slug + "/scan.pdf":              "của văn thư",
		"khac-2026-01-09/phu-luc/a.pdf": "phụ lục",
	}
	if names(after) != names(want) {
		t.Fatalf("the output folder holds %s, want %s", names(after), names(want))
	}
	for k, v := range want {
		if after[k] != v {
			t.Errorf("%s: %q, want %q", k, after[k], v)
		}
	}
}

// TestCleanupTouchesOnlyHosoFolders: start-up clean-up used to delete, or
// rename into place, any hidden folder named like ".x.tmp-*" — a user's
// ".config.tmp-2024/" was deleted, ".sao-luu.tmp-1.old" renamed to
// "sao-luu". Now it touches only hoso's marked staging folder: the
// user's folders, and a ".hoso-tam" folder hoso did not mark, stay.
func TestCleanupTouchesOnlyHosoFolders(t *testing.T) {
	for _, stage := range []string{"", "unmarked"} {
		out := t.TempDir()
		user := map[string]string{
			".config.tmp-2024/settings":        "của người dùng",
			".sao-luu.tmp-1.old/manifest.json": "sao lưu",
			".x.tmp-9/a":                       "b",
		}
		if stage != "" {
			user[stagingName+"/ghi-chu.txt"] = "không phải của hoso"
		}
		testtool.WriteFiles(t, out, user)
		release, err := LockOutput(out)
		if err != nil {
			t.Fatal(err)
		}
		release()
		after := snapshot(t, out)
		delete(after, ".hoso.lock")
		if names(after) != names(user) {
			t.Errorf("%s: after clean-up the output folder holds %s, want %s", stage, names(after), names(user))
		}
		// A Write there refuses a staging folder that is not hoso's.
		if stage != "" {
			_, err := buildPDF(t, minSample, "", "").Write(context.Background(), out)
			if err == nil || !strings.Contains(err.Error(), "không phải thư mục tạm của hoso") {
				t.Errorf("Write with a foreign %s: %v", stagingName, err)
			}
			if b, _ := os.ReadFile(filepath.Join(out, stagingName, "ghi-chu.txt")); string(b) != "không phải của hoso" {
				t.Error("the foreign staging folder changed")
			}
		}
	}
}

func TestWriteRefusesUnsafeNames(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "ra")
	good := buildPDF(t, minSample, "", "")
	cases := []struct {
		name string
		mod  func(d *Dossier)
	}{
		{"slug with a path", func(d *Dossier) { d.Slug = "../../etc" }},
		{"absolute slug", func(d *Dossier) { d.Slug = "/tmp/x" }},
		{"hidden slug", func(d *Dossier) { d.Slug = ".x" }},
		{"empty slug", func(d *Dossier) { d.Slug = "" }},
		{"device name", func(d *Dossier) { d.Slug = "CON" }},
		{"document with a path", func(d *Dossier) { d.Documents[0].DOCX = "../01-to-trinh.docx" }},
		{"document with a backslash", func(d *Dossier) { d.Documents[0].DOCX = `..\01-to-trinh.docx` }},
		{"device name with an extension", func(d *Dossier) { d.Documents[0].PDF = "nul.pdf" }},
		{"two documents with one name", func(d *Dossier) { d.Documents[1].DOCX = d.Documents[0].DOCX }},
		{"a document named like the manifest", func(d *Dossier) { d.Documents[1].PDF = "manifest.json" }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := *good
			d.Documents = nil
			for _, doc := range good.Documents {
				cp := *doc
				d.Documents = append(d.Documents, &cp)
			}
			c.mod(&d)
			if _, err := d.Write(context.Background(), out); err == nil {
				t.Fatal("Write succeeded")
			}
			if es, _ := os.ReadDir(base); len(es) != 0 {
				t.Errorf("something was created: %v", es)
			}
		})
	}
	for name, want := range map[string]bool{"01-to-trinh.docx": true, "ho-so.pdf": true, "con-2026-01-09": true,
		"com1.txt": false, "LPT9": false, "a:b": false, "x.": false, "": false, "..": false} {
		if got := plainName(name); got != want {
			t.Errorf("plainName(%q) = %v, want %v", name, got, want)
		}
	}
}

// A previous folder that cannot even be listed is not thrown away with
// the work folder: it may hold the clerk's files. carryOver says so, and
// swap then keeps the work folder.
func TestUnlistableOldFolderIsKept(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "cu")
	if err := os.WriteFile(old, []byte("không phải thư mục"), 0o644); err != nil {
		t.Fatal(err)
	}
	left := carryOver(old, t.TempDir())
	if len(left) != 1 || !strings.Contains(left[0], "không đọc được") {
		t.Fatalf("carryOver of an unlistable folder = %q, want it reported as left", left)
	}
	if b, err := os.ReadFile(old); err != nil || string(b) != "không phải thư mục" {
		t.Errorf("the unlistable entry was touched: %q %v", b, err)
	}
}
