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
// template's name and what is wrong; nothing is written.
func TestBuildRefusesUnsafeTemplates(t *testing.T) {
	cases := []struct {
		name string
		data func(orig []byte) []byte
		want string
	}{
		{"PDF", func([]byte) []byte { return []byte("%PDF-1.7\n") }, "to-trinh.docx: đây là tệp PDF, không phải DOCX"},
		{"old Word", func([]byte) []byte { return []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1") }, "to-trinh.docx: đây là tệp Word 97-2003 (.doc)"},
		{"empty", func([]byte) []byte { return nil }, "to-trinh.docx: tệp rỗng"},
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
			if code == exitOK || !strings.Contains(stderr, c.want) {
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

// TestSecondInterruptEndsAtOnceAndNothingHalfRemains: a first Ctrl-C lets
// the dossiers being written finish, a second one ends hoso at once, in
// the middle of writing. Whatever state that leaves, no dossier folder in
// the output is half-written, and the next run removes the leftovers.
func TestSecondInterruptEndsAtOnceAndNothingHalfRemains(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a batch in a subprocess")
	}
	in := batchDir(t, 12, 25)
	out := filepath.Join(t.TempDir(), "ra")
	cmd := exec.Command(os.Args[0], "build", "-j", "2", "-o", out, in)
	cmd.Env = append(os.Environ(), "HOSO_TEST_MAIN=1")
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
	deadline := time.Now().Add(60 * time.Second)
	for len(dossierDirs(out)) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	// Wait for the first one to be acknowledged, then interrupt again
	// while the dossiers in hand are still being rendered.
	for !strings.Contains(stderr(), "bấm Ctrl-C lần nữa để thoát ngay") && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGINT)
	start := time.Now()
	cmd.Wait()
	if el := time.Since(start); el > 2*time.Second {
		t.Errorf("the second Ctrl-C took %v to end hoso", el)
	}
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Fatalf("hoso was not ended by the second Ctrl-C (%v):\n%s", cmd.ProcessState, stderr())
	}
	complete := func() {
		t.Helper()
		for _, d := range dossierDirs(out) {
			m, err := os.ReadFile(filepath.Join(d, "manifest.json"))
			if err != nil {
				t.Errorf("%s: no manifest: a half-written dossier", d)
				continue
			}
			var man struct {
				Docs []struct{ DOCX, PDF string } `json:"tai_lieu"`
			}
			json.Unmarshal(m, &man)
			for _, doc := range man.Docs {
				if _, err := os.Stat(filepath.Join(d, doc.DOCX)); err != nil {
					t.Errorf("%s: %s missing", d, doc.DOCX)
				}
			}
		}
	}
	complete()
	if es, _ := os.ReadDir(out); true {
		var names []string
		for _, e := range es {
			names = append(names, e.Name())
		}
		t.Logf("after the second Ctrl-C the output folder holds: %s", strings.Join(names, " "))
	}
	// The next run into the same folder cleans up what was left.
	if code, _, errs := runCLI(t, "build", "-q", "-o", out, batchDir(t, 1, 1)); code != exitOK {
		t.Fatalf("next run: exit %d\n%s", code, errs)
	}
	complete()
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("left behind after the next run: %s", e.Name())
		}
	}
}
