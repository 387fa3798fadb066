//go:build unix

package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// A ".hoso.lock" in the output folder that is a symbolic link to a file
// elsewhere is refused, naming it: the file is not truncated nor written
// (it was overwritten with the process id), and no dossier is written.
func TestBuildRefusesALockThatIsALink(t *testing.T) {
	victim := filepath.Join(t.TempDir(), "cua-toi.txt")
	os.WriteFile(victim, []byte("dữ liệu của tôi\n"), 0o644)
	out := filepath.Join(t.TempDir(), "ra")
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(victim, filepath.Join(out, ".hoso.lock")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "-o", out, sampleMin)
	if code != exitFailed || !strings.Contains(stderr, ".hoso.lock") || !strings.Contains(stderr, "liên kết tượng trưng") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(victim); string(b) != "dữ liệu của tôi\n" {
		t.Errorf("the linked file became %q", b)
	}
	if n := len(visibleEntries(t, out)); n != 0 {
		t.Errorf("%d dossiers written", n)
	}
}

// A dossier folder that is a symbolic link (to a folder elsewhere) is
// never written through nor replaced: the dossier goes to "…-2" and the
// clerk is told, naming both folders, exit 0 — as README says.
func TestBuildBesideADossierFolderThatIsALink(t *testing.T) {
	out, elsewhere := filepath.Join(t.TempDir(), "ra"), t.TempDir()
	first := filepath.Join(t.TempDir(), "ra-truoc")
	if code, _, stderr := runCLI(t, "build", "-q", "-o", first, sampleMin); code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	slug := visibleEntries(t, first)[0].Name()
	os.MkdirAll(out, 0o755)
	if err := os.Symlink(elsewhere, filepath.Join(out, slug)); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "build", "-o", out, sampleMin)
	if code != exitOK || !strings.Contains(stderr, slug+" là liên kết tượng trưng") || !strings.Contains(stderr, "ghi vào thư mục "+slug+"-2") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if es, _ := os.ReadDir(elsewhere); len(es) != 0 {
		t.Errorf("%d entries written through the link", len(es))
	}
	if _, err := os.Stat(filepath.Join(out, slug+"-2", "manifest.json")); err != nil {
		t.Errorf("no dossier in %s-2: %v", slug, err)
	}
}

// Control bytes in a file name (ESC, BEL) reach the terminal escaped, in
// the error messages, the progress and the summary lines alike.
func TestFileNamesArePrintedQuoted(t *testing.T) {
	dir := t.TempDir()
	src, _ := os.ReadFile(sampleMin)
	good := filepath.Join(dir, "tot\x1b[31m\a.toml")
	bad := filepath.Join(dir, "sai\x1b]0;x\a.toml")
	os.WriteFile(good, src, 0o644)
	os.WriteFile(bad, []byte("ngay = 2026-13-01\n"), 0o644)
	code, stdout, stderr := runCLI(t, "build", "-o", filepath.Join(dir, "ra\x07"), good, bad, filepath.Join(dir, "khong-co\x1b.toml"))
	if code != exitFailed {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, s := range []string{stdout, stderr} {
		if strings.ContainsAny(s, "\x1b\x07") {
			t.Errorf("a raw control byte was printed:\n%q", s)
		}
	}
	for _, want := range []string{`tot\x1b[31m\a.toml`, `sai\x1b]0;x\a.toml`, `khong-co\x1b.toml`} {
		if !strings.Contains(stdout+stderr, want) {
			t.Errorf("%s is not named, escaped:\nstdout %s\nstderr %s", want, stdout, stderr)
		}
	}
}

// writeSub writes a synthetic submission (k nominees, seed, batch index)
// to path, creating its folder.
func writeSub(t *testing.T, path string, k int, seed uint64, index int) {
	t.Helper()
	testtool.WriteFiles(t, filepath.Dir(path), map[string]string{filepath.Base(path): synth.Submission(k, seed, index)})
}

// Two submission files with the same base name in two folders, same
// agency and date, other nominees: the second does not replace the
// first's dossier (it used to, exit 0, no note), it goes to "-2" with a
// note. A file name that is not UTF-8 keeps its folder on every rebuild
// (each rebuild used to make a new "-2" folder).
func TestFolderOwnerIsTheFullPath(t *testing.T) {
	in := t.TempDir()
	a, b := filepath.Join(in, "a", "ho-so.toml"), filepath.Join(in, "b", "ho-so.toml")
	writeSub(t, a, 2, 10, 0)
	writeSub(t, b, 3, 11, 0)
	out := filepath.Join(t.TempDir(), "ra")
	dirOf := func(path string) (dir, note string) {
		t.Helper()
		code, stdout, stderr := runCLI(t, "build", "--json", "-o", out, path)
		var sum summary
		if err := json.Unmarshal([]byte(stdout), &sum); code != exitOK || err != nil || len(sum.Dossiers) != 1 {
			t.Fatalf("%s: exit %d, %v\n%s", path, code, err, stderr)
		}
		return filepath.Base(sum.Dossiers[0].Dir), sum.Dossiers[0].Note
	}
	da, _ := dirOf(a)
	db, note := dirOf(b)
	if db != da+"-2" || !strings.Contains(note, "là hồ sơ của tệp "+a) {
		t.Errorf("b/ho-so.toml went to %s (a's is %s), note %q", db, da, note)
	}
	if again, note := dirOf(a); again != da || note != "" {
		t.Errorf("a/ho-so.toml rebuilt went to %s, note %q", again, note)
	}
	raw, _ := os.ReadFile(filepath.Join(out, da, "manifest.json"))
	var m dossier.Manifest
	if json.Unmarshal(raw, &m); m.Source != a {
		t.Errorf("a's folder holds the dossier of %s", m.Source)
	}

	odd := filepath.Join(in, "ho-so-\xff.toml")
	writeSub(t, odd, 2, 12, 4)
	first, _ := dirOf(odd)
	for run := 0; run < 2; run++ {
		if again, note := dirOf(odd); again != first || note != "" {
			t.Errorf("rebuild %d of a non-UTF-8 name went to %s, not %s; note %q", run, again, first, note)
		}
	}
}

// Every command that writes a file the user names follows one rule: a
// new file only, never over an existing file, never through a link
// (dangling or not); init already did, sample overwrote and followed.
func TestCommandsNeverOverwriteNorFollowLinks(t *testing.T) {
	commands := map[string]func(path string) []string{
		"init":   func(path string) []string { return []string{"init", path} },
		"sample": func(path string) []string { return []string{"sample", "-n", "2", "-o", path} },
	}
	for name, args := range commands {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			victim := filepath.Join(dir, "cua-toi.toml")
			os.WriteFile(victim, []byte("# của tôi\n"), 0o644)
			link := filepath.Join(dir, "lien-ket.toml")
			os.Symlink(victim, link)
			dangling := filepath.Join(dir, "treo.toml")
			os.Symlink(filepath.Join(dir, "chua-co.toml"), dangling)
			for _, path := range []string{victim, link, dangling} {
				code, _, stderr := runCLI(t, args(path)...)
				if code != exitBadInput || !strings.Contains(stderr, "không ghi đè") {
					t.Errorf("%s %s: exit %d, stderr %q", name, filepath.Base(path), code, stderr)
				}
			}
			if b, _ := os.ReadFile(victim); string(b) != "# của tôi\n" {
				t.Errorf("the user's file became %q", b)
			}
			if _, err := os.Lstat(filepath.Join(dir, "chua-co.toml")); err == nil {
				t.Error("a file was created through the dangling link")
			}
			fresh := filepath.Join(dir, "moi.toml")
			if code, _, stderr := runCLI(t, args(fresh)...); code != exitOK {
				t.Errorf("%s into a new file: exit %d, %s", name, code, stderr)
			}
		})
	}
	// templates export: a folder it would write into that is a link.
	dst := t.TempDir()
	elsewhere := t.TempDir()
	os.Symlink(elsewhere, filepath.Join(dst, "nd152-2025"))
	code, _, stderr := runCLI(t, "templates", "export", dst)
	if code == exitOK || !strings.Contains(stderr, "liên kết tượng trưng") {
		t.Errorf("export through a linked folder: exit %d, %s", code, stderr)
	}
	if es, _ := os.ReadDir(elsewhere); len(es) != 0 {
		t.Errorf("export wrote through the link: %v", es)
	}
}

// A FIFO given as input, or among the *.toml of an input folder, is
// refused before it is opened, naming it; the other submissions are
// built. (The batch used to wait on it for ever.) Only a hang guard
// bounds the wait: if it passes, the build hung.
func TestBuildRefusesAFIFO(t *testing.T) {
	in := batchDir(t, 2, 1)
	fifo := filepath.Join(in, "ong.toml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	out := filepath.Join(t.TempDir(), "ra")
	type result struct {
		code           int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		var r result
		r.code, r.stdout, r.stderr = runCLI(t, "build", "--json", "-o", out, in, fifo)
		done <- r
	}()
	var r result
	select {
	case r = <-done:
	case <-time.After(hangGuard):
		t.Fatal("hung: the build waits on the FIFO")
	}
	var sum summary
	if err := json.Unmarshal([]byte(r.stdout), &sum); err != nil {
		t.Fatalf("%v\n%s", err, r.stdout)
	}
	if r.code != exitFailed || sum.Built != 2 || sum.Failed != 2 || strings.Count(r.stderr, "là ống dẫn (FIFO)") != 2 {
		t.Errorf("exit %d, %d built, %d failed; stderr:\n%s", r.code, sum.Built, sum.Failed, r.stderr)
	}
}

// A signal ends the run whatever stage the dossiers are at: here the
// dossier's write, which fills and renders it a window of documents at a
// time, is held up until the run is interrupted; SIGTERM ends the build,
// exit 130, and the write, told to stop, leaves nothing: no dossier
// folder, no staging folder. (A dossier being rendered used to be waited
// for.) The guard only bounds the wait.
func TestSignalEndsTheRunDuringRendering(t *testing.T) {
	entered := make(chan struct{}, 1)
	writeDossier = func(d *dossier.Dossier, ctx context.Context, out string) (string, error) {
		entered <- struct{}{}
		<-ctx.Done()
		return d.Write(ctx, out)
	}
	t.Cleanup(func() { writeDossier = (*dossier.Dossier).Write })
	out := filepath.Join(t.TempDir(), "ra")
	done := make(chan int, 1)
	go func() { code, _, _ := runCLI(t, "build", "-q", "-j", "1", "-o", out, sampleMin); done <- code }()
	select {
	case <-entered:
	case <-time.After(hangGuard):
		t.Fatal("hung before rendering")
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitInterrupted {
			t.Errorf("exit %d, want %d", code, exitInterrupted)
		}
	case <-time.After(hangGuard):
		t.Fatal("hung: SIGTERM did not end a build held up in rendering")
	}
	es, err := os.ReadDir(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		if e.Name() != ".hoso.lock" {
			t.Errorf("the output folder holds %s", e.Name())
		}
	}
}

// OS errors reach the clerk in Vietnamese, naming the path and what to
// do; no English system text.
func TestOSErrorsInVietnamese(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "tep")
	os.WriteFile(file, nil, 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"build", "-o", "", sampleMin}, "-o để trống: hãy ghi tên thư mục đầu ra"},
		{[]string{"build", "-o", filepath.Join(file, "ra"), sampleMin}, "là tệp chứ không phải thư mục"},
		{[]string{"build", "-o", filepath.Join(dir, "ra"), filepath.Join(dir, "khong-co.toml")}, "khong-co.toml: không có: hãy kiểm tra lại"},
		{[]string{"build", "-o", filepath.Join(dir, "ra"), dir}, "không có tệp .toml nào"},
		{[]string{"init", filepath.Join(dir, "khong-co", "x.toml")}, "không có: hãy kiểm tra lại"},
		{[]string{"sample", "-o", filepath.Join(file, "x.toml")}, "là tệp chứ không phải thư mục"},
	}
	if os.Geteuid() != 0 { // permissions do not bind root
		ro := filepath.Join(dir, "chi-doc")
		os.MkdirAll(ro, 0o555)
		cases = append(cases, struct {
			args []string
			want string
		}{[]string{"build", "-o", filepath.Join(ro, "ra"), sampleMin}, "không được phép"})
	}
	english := []string{"no such file", "permission denied", "not a directory", "file exists", "mkdir ", "open ", "stat "}
	for _, c := range cases {
		_, _, stderr := runCLI(t, c.args...)
		if !strings.Contains(stderr, c.want) {
			t.Errorf("%q: stderr %q, want %q", c.args, stderr, c.want)
		}
		for _, e := range english {
			if strings.Contains(stderr, e) {
				t.Errorf("%q: English system text %q in %q", c.args, e, stderr)
			}
		}
	}
}
