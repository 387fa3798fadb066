package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// TestMain lets the test binary act as the hoso command for the tests
// that need a separate process (signals).
func TestMain(m *testing.M) {
	if os.Getenv("HOSO_TEST_MAIN") == "1" {
		if held := os.Getenv("HOSO_TEST_HOLD_WRITE"); held != "" {
			holdSecondWrite(held)
		}
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// holdSecondWrite makes the process write its first dossier and hold up
// the second write for ever, after creating the file held.
func holdSecondWrite(held string) {
	var calls atomic.Int32
	writeDossier = func(d *dossier.Dossier, ctx context.Context, out string) (string, error) {
		if calls.Add(1) == 1 {
			return d.Write(ctx, out)
		}
		os.WriteFile(held, nil, 0o644)
		select {}
	}
}

// batchDir writes n synthetic submissions (k nominees each) into a folder
// and returns it.
func batchDir(t *testing.T, n, k int) string {
	t.Helper()
	dir := t.TempDir()
	for i := 0; i < n; i++ {
		f := filepath.Join(dir, "ho-so-"+string(rune('a'+i))+".toml")
		if err := os.WriteFile(f, []byte(synth.Submission(k, 7, i)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBatchFolderWithBrokenSubmissions(t *testing.T) {
	in := batchDir(t, 3, 2)
	bad := []byte(strings.Replace(synth.Submission(2, 7, 5), "ngay = 2026-", "ngay = 2026-13-", 1))
	os.WriteFile(filepath.Join(in, "ho-so-hong.toml"), bad, 0o644)
	os.WriteFile(filepath.Join(in, "khong-phai.txt"), []byte("x"), 0o644)
	out := filepath.Join(t.TempDir(), "ra")
	code, stdout, stderr := runCLI(t, "build", "-j", "2", "--json", "-o", out, in)
	if code != exitFailed {
		t.Fatalf("exit %d, want 1 (some failed); stderr:\n%s", code, stderr)
	}
	var sum summary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("--json output does not parse: %v\n%s", err, stdout)
	}
	if sum.Built != 3 || sum.Failed != 1 || len(sum.Dossiers) != 4 {
		t.Fatalf("summary %+v", sum)
	}
	for _, o := range sum.Dossiers {
		broken := strings.HasSuffix(o.Source, "ho-so-hong.toml")
		if broken != (o.Status == "loi-du-lieu") {
			t.Errorf("%s: status %s", o.Source, o.Status)
		}
		if !broken && (o.Documents < 4 || o.Pages < o.Documents) {
			t.Errorf("%s: %d documents, %d pages", o.Source, o.Documents, o.Pages)
		}
	}
	if !strings.Contains(stderr, "ho-so-hong.toml") || !strings.Contains(stderr, "ngay") {
		t.Errorf("the broken file's message is missing:\n%s", stderr)
	}
	if n := len(visibleEntries(t, out)); n != 3 {
		t.Errorf("%d dossiers written, want 3", n)
	}
}

func TestBatchIsTheSameInParallel(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	in := batchDir(t, 3, 3)
	a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	if code, _, stderr := runCLI(t, "build", "-q", "-j", "1", "-o", a, in); code != exitOK {
		t.Fatalf("-j 1: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "build", "-q", "-j", "3", "-o", b, in); code != exitOK {
		t.Fatalf("-j 3: exit %d\n%s", code, stderr)
	}
	n := 0
	filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || !bytes.Equal(x, y) {
			t.Errorf("%s differs between -j 1 and -j 3 (%v)", rel, err)
		}
		n++
		return nil
	})
	if n < 30 {
		t.Errorf("only %d files compared", n)
	}
}

func TestBuildRefusesALockedOutputFolder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ra")
	release, err := dossier.LockOutput(out)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	in := batchDir(t, 1, 1)
	code, _, stderr := runCLI(t, "build", "-o", out, in)
	if code != exitFailed || !strings.Contains(stderr, "đang được một lệnh hoso khác ghi") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if n := len(visibleEntries(t, out)); n != 0 {
		t.Errorf("%d entries written into a locked folder", n)
	}
}

// The start-up clean-up leaves the user's hidden folders alone, however
// they are named (it used to delete ".config.tmp-2024/" and rename
// ".sao-luu.tmp-1.old" to "sao-luu"): it clears only hoso's own marked
// staging folder (see internal/dossier).
func TestBuildLeavesTheUsersHiddenFolders(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ra")
	mine := map[string]string{
		".config.tmp-2024/settings":           "của tôi",
		".sao-luu.tmp-1.old/manifest.json":    "sao lưu",
		".ho-so-cu.tmp-1234/01-to-trinh.docx": "bản nháp",
	}
	testtool.WriteFiles(t, out, mine)
	if code, _, stderr := runCLI(t, "build", "-q", "-o", out, batchDir(t, 1, 1)); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for name, text := range mine {
		if b, err := os.ReadFile(filepath.Join(out, name)); err != nil || string(b) != text {
			t.Errorf("%s: %q, %v", name, b, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "sao-luu")); err == nil {
		t.Error("the user's backup was renamed into place")
	}
	if _, err := os.Stat(filepath.Join(out, ".hoso-tam")); !os.IsNotExist(err) {
		t.Errorf("hoso's staging folder left behind: %v", err)
	}
}

// TestInterruptedRunLeavesNoHalfDossier starts a batch in a separate
// process, interrupts it once the first dossier is in place, and checks
// that every dossier folder present is complete and nothing half-written
// remains.
func TestInterruptedRunLeavesNoHalfDossier(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a batch in a subprocess")
	}
	in := batchDir(t, 12, 25)
	out := filepath.Join(t.TempDir(), "ra")
	cmd := exec.Command(os.Args[0], "build", "-q", "-j", "2", "-o", out, in)
	cmd.Env = append(os.Environ(), "HOSO_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	for len(dossierDirs(out)) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	code := cmd.ProcessState.ExitCode()
	if code != exitInterrupted {
		t.Fatalf("exit %d (%v), want %d; stderr:\n%s", code, err, exitInterrupted, stderr.String())
	}
	dirs := dossierDirs(out)
	if len(dirs) == 0 || len(dirs) == 12 {
		t.Fatalf("%d dossiers written; the interruption came too late or too early to test", len(dirs))
	}
	for _, d := range dirs {
		m, err := os.ReadFile(filepath.Join(d, "manifest.json"))
		if err != nil {
			t.Errorf("%s: no manifest: a half-written dossier", d)
			continue
		}
		var man dossier.Manifest
		json.Unmarshal(m, &man)
		for _, doc := range man.Documents {
			for _, f := range []string{doc.DOCX, doc.PDF} {
				if _, err := os.Stat(filepath.Join(d, f)); err != nil {
					t.Errorf("%s: %s missing", d, f)
				}
			}
		}
	}
	if _, err := os.Stat(filepath.Join(out, ".hoso-tam")); !os.IsNotExist(err) {
		t.Errorf("the staging folder was left behind: %v", err)
	}
}

// dossierDirs lists the finished dossier folders in out.
func dossierDirs(out string) []string {
	entries, _ := os.ReadDir(out)
	var dirs []string
	for _, e := range entries {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			dirs = append(dirs, filepath.Join(out, e.Name()))
		}
	}
	return dirs
}

// Two submissions of one agency with the same Tờ trình date (two Tờ trình
// sent the same day) map to the same folder name. Both dossiers are
// written: the first input in order keeps the name, the next one gets
// "-2", the same on every run whatever order they finish in; the clerk is
// told. (The later write used to replace the earlier dossier silently.)
func TestSameAgencyAndDateKeepBothDossiers(t *testing.T) {
	in := t.TempDir()
	for i, name := range []string{"a.toml", "b.toml", "c.toml"} {
		// a and c: same agency and date (index 0), other nominees (seed);
		// b: another agency.
		index := []int{0, 1, 0}[i]
		src := synth.Submission(2+i, uint64(10+i), index)
		if err := os.WriteFile(filepath.Join(in, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "ra")
	for run := 0; run < 2; run++ {
		code, stdout, stderr := runCLI(t, "build", "-j", "3", "--json", "-o", out, in)
		if code != exitOK {
			t.Fatalf("run %d: exit %d\n%s", run, code, stderr)
		}
		var sum summary
		if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
			t.Fatal(err)
		}
		dirs := map[string]string{} // source file → folder
		for _, o := range sum.Dossiers {
			dirs[filepath.Base(o.Source)] = filepath.Base(o.Dir)
		}
		if dirs["c.toml"] != dirs["a.toml"]+"-2" || dirs["b.toml"] == dirs["a.toml"] {
			t.Fatalf("run %d: folders %v", run, dirs)
		}
		for _, o := range sum.Dossiers {
			want := filepath.Base(o.Source) == "c.toml"
			if want != strings.Contains(o.Note, dirs["c.toml"]) {
				t.Errorf("run %d: %s: note %q", run, o.Source, o.Note)
			}
			m, err := os.ReadFile(filepath.Join(o.Dir, "manifest.json"))
			if err != nil {
				t.Fatal(err)
			}
			var man dossier.Manifest
			json.Unmarshal(m, &man)
			if filepath.Base(man.Source) != filepath.Base(o.Source) || man.Slug != filepath.Base(o.Dir) {
				t.Errorf("run %d: %s holds the dossier of %s (%s)", run, o.Dir, man.Source, man.Slug)
			}
		}
		if n := len(visibleEntries(t, out)); n != 3 {
			t.Errorf("run %d: %d dossiers written, want 3", run, n)
		}
	}
	_, _, stderr := runCLI(t, "build", "-o", out, in)
	if !strings.Contains(stderr, "c.toml: thư mục ") || !strings.Contains(stderr, "là hồ sơ của tệp "+filepath.Join(in, "a.toml")) {
		t.Errorf("the clerk is not told about the second folder:\n%s", stderr)
	}

	// Rebuilt alone, a file replaces its own folder, never the other's;
	// a new file of the same agency and date takes the next free name.
	owner := func(dir string) string {
		var m dossier.Manifest
		raw, _ := os.ReadFile(filepath.Join(out, dir, "manifest.json"))
		json.Unmarshal(raw, &m)
		return filepath.Base(m.Source)
	}
	first := ""
	for _, e := range visibleEntries(t, out) {
		if owner(e.Name()) == "a.toml" {
			first = e.Name()
		}
	}
	os.WriteFile(filepath.Join(in, "d.toml"), []byte(synth.Submission(3, 99, 0)), 0o644)
	for _, f := range []string{"c.toml", "a.toml", "d.toml"} {
		code, stdout, stderr := runCLI(t, "build", "--json", "-o", out, filepath.Join(in, f))
		if code != exitOK {
			t.Fatalf("%s alone: exit %d\n%s", f, code, stderr)
		}
		var sum summary
		json.Unmarshal([]byte(stdout), &sum)
		want := map[string]string{"a.toml": first, "c.toml": first + "-2", "d.toml": first + "-3"}[f]
		if got := filepath.Base(sum.Dossiers[0].Dir); got != want {
			t.Errorf("%s alone went to %s, want %s", f, got, want)
		}
		for dir, file := range map[string]string{first: "a.toml", first + "-2": "c.toml"} {
			if owner(dir) != file {
				t.Errorf("after building %s alone, %s holds the dossier of %s, want %s", f, dir, owner(dir), file)
			}
		}
	}
}
