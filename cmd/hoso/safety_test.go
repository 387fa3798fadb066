package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
)

// A file far over the size limit is refused from its size, at once.
func TestBuildRefusesAHugeFile(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "nham.toml")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 2<<30); err != nil { // sparse: 2 GB of nothing
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "ra")
	// The size is the file's own (2048 MB), not the 5 MB and a byte the
	// reader would stop at: it was refused from its size, unread.
	code, _, stderr := runCLI(t, "build", "-o", out, big)
	if code != exitBadInput || !strings.Contains(stderr, "nham.toml: tệp quá lớn (2048 MB); tệp hồ sơ chỉ được tối đa 5 MB") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("the output folder was created: %v", err)
	}
}

// copyTemplates copies the built-in form sets into a folder.
func copyTemplates(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	if _, err := exportTemplates(dir); err != nil {
		t.Fatal(err)
	}
	return dir
}

// A template that is not a DOCX, or carries macros, is refused with the
// template's name and what is wrong, as bad input (exit 2, led by
// formset.Refused like every refused template); nothing is written.
func TestBuildRefusesUnsafeTemplates(t *testing.T) {
	cases := []struct {
		name string
		data func(orig []byte) []byte
		want string
	}{
		{"PDF", func([]byte) []byte { return []byte("%PDF-1.7\n") }, "đây là tệp PDF, không phải DOCX"},
		{"old Word", func([]byte) []byte { return []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") }, "đây là tệp Word 97-2003 (.doc)"},
		{"empty", func([]byte) []byte { return nil }, "tệp rỗng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := copyTemplates(t)
			matches, _ := filepath.Glob(filepath.Join(tpl, "*", "to-trinh.docx"))
			if len(matches) == 0 {
				t.Fatal("no to-trinh.docx in the form sets")
			}
			for _, m := range matches {
				orig, _ := os.ReadFile(m)
				os.WriteFile(m, c.data(orig), 0o644)
			}
			out := filepath.Join(t.TempDir(), "ra")
			code, _, stderr := runCLI(t, "build", "-q", "--templates", tpl, "-o", out, sampleMin)
			if code != exitBadInput || !strings.Contains(stderr, formset.Refused) || !strings.Contains(stderr, c.want) || !strings.Contains(stderr, "to-trinh.docx") {
				t.Errorf("exit %d, stderr:\n%s", code, stderr)
			}
			if es, _ := os.ReadDir(out); len(visible(es)) != 0 {
				t.Errorf("%d dossiers written", len(visible(es)))
			}
		})
	}
}

func visible(es []os.DirEntry) []os.DirEntry {
	var out []os.DirEntry
	for _, e := range es {
		if !strings.HasPrefix(e.Name(), ".") {
			out = append(out, e)
		}
	}
	return out
}

// TestSecondInterruptEndsAtOnce: a first Ctrl-C lets the dossiers being
// written finish, a second one ends hoso at once. The test binary, as
// hoso, writes the first dossier and then holds up the second write
// (HOSO_TEST_HOLD_WRITE): only the second Ctrl-C can end it. The dossier
// written is whole, and the next run leaves nothing behind.
func TestSecondInterruptEndsAtOnce(t *testing.T) {
	in := batchDir(t, 3, 2)
	out := filepath.Join(t.TempDir(), "ra")
	held := filepath.Join(t.TempDir(), "dang-ghi")
	cmd := exec.Command(os.Args[0], "build", "-j", "1", "-o", out, in)
	cmd.Env = append(os.Environ(), "HOSO_TEST_MAIN=1", "HOSO_TEST_HOLD_WRITE="+held)
	errFile, err := os.Create(filepath.Join(t.TempDir(), "stderr"))
	if err != nil {
		t.Fatal(err)
	}
	defer errFile.Close()
	cmd.Stderr = errFile // a file: read while the process writes it
	stderr := func() string { b, _ := os.ReadFile(errFile.Name()); return string(b) }
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { _, err := os.Stat(held); return err == nil }, "the second write to begin")
	cmd.Process.Signal(syscall.SIGINT)
	waitFor(t, func() bool { return strings.Contains(stderr(), "bấm Ctrl-C lần nữa để thoát ngay") }, "the first Ctrl-C to be acknowledged")
	cmd.Process.Signal(syscall.SIGINT)
	waitExit(t, cmd)
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Fatalf("hoso was not ended by the second Ctrl-C (%v):\n%s", cmd.ProcessState, stderr())
	}
	dirs := dossierDirs(out)
	if len(dirs) != 1 {
		t.Fatalf("%d dossiers written, want the first one", len(dirs))
	}
	m, err := os.ReadFile(filepath.Join(dirs[0], "manifest.json"))
	if err != nil {
		t.Fatalf("%s: no manifest: a half-written dossier", dirs[0])
	}
	var man struct {
		Docs []struct{ DOCX, PDF string } `json:"tai_lieu"`
	}
	json.Unmarshal(m, &man)
	for _, doc := range man.Docs {
		for _, f := range []string{doc.DOCX, doc.PDF} {
			if _, err := os.Stat(filepath.Join(dirs[0], f)); err != nil {
				t.Errorf("%s: %s missing", dirs[0], f)
			}
		}
	}
	if code, _, errs := runCLI(t, "build", "-q", "-o", out, in); code != exitOK {
		t.Fatalf("next run: exit %d\n%s", code, errs)
	}
	if got := len(dossierDirs(out)); got != 3 {
		t.Errorf("next run: %d dossiers", got)
	}
	if _, err := os.Stat(filepath.Join(out, ".hoso-tam")); !os.IsNotExist(err) {
		t.Errorf("the staging folder was left behind: %v", err)
	}
}

// hangGuard bounds how long a test waits for something that must happen:
// not a speed threshold (the machine may be busy), only the limit past
// which the test fails as hung instead of running until go test's own.
const hangGuard = 60 * time.Second

// waitFor polls cond until it holds, failing as hung after hangGuard.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(hangGuard); !cond(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("hung: waited %v for %s", hangGuard, what)
		}
	}
}

// waitExit waits for the started command to end, killing it and failing
// as hung after hangGuard.
func waitExit(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
	case <-time.After(hangGuard):
		cmd.Process.Kill()
		<-done
		t.Fatalf("hung: hoso had not ended %v after the signal", hangGuard)
	}
}
