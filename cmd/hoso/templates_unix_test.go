//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestTemplateFilesMustBeRegular: a template or bo-mau.toml that is a
// link to /dev/zero, a link out of the folder, or a FIFO is refused by
// check and build without being read (reading /dev/zero ran out of
// memory, opening a FIFO blocked); a link to a file inside the folder is
// followed.
func TestTemplateFilesMustBeRegular(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "ngoai.docx")
	orig, err := os.ReadFile(filepath.Join("..", "..", "templates", "nd152-2025", "to-trinh.docx"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(outside, orig, 0o644)
	cases := []struct {
		name, file string
		make       func(path string) error
		want       string
	}{
		{"template linked to /dev/zero", "to-trinh.docx", func(p string) error { return os.Symlink("/dev/zero", p) }, "liên kết (symlink) trỏ ra ngoài"},
		{"template linked out of the folder", "to-trinh.docx", func(p string) error { return os.Symlink(outside, p) }, "liên kết (symlink) trỏ ra ngoài"},
		{"template that is a FIFO", "to-trinh.docx", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "một ống (FIFO)"},
		{"bo-mau.toml linked to /dev/zero", "bo-mau.toml", func(p string) error { return os.Symlink("/dev/zero", p) }, "liên kết (symlink) trỏ ra ngoài"},
		{"bo-mau.toml that is a FIFO", "bo-mau.toml", func(p string) error { return syscall.Mkfifo(p, 0o644) }, "một ống (FIFO)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tpl := copyTemplates(t)
			p := filepath.Join(tpl, "nd152-2025", c.file)
			os.Remove(p)
			if err := c.make(p); err != nil {
				t.Fatal(err)
			}
			code, stdout, _ := runTemplates(t, "check", tpl)
			if code != exitFailed || !strings.Contains(stdout, c.want) || !strings.Contains(stdout, "nd152-2025/"+c.file) {
				t.Errorf("check: exit %d\n%s", code, stdout)
			}
			out := filepath.Join(t.TempDir(), "ra")
			code, _, stderr := runCLI(t, "build", "-q", "--templates", tpl, "-o", out, sampleMin)
			if code == exitOK || !strings.Contains(stderr, c.want) {
				t.Errorf("build: exit %d\n%s", code, stderr)
			}
		})
	}
	// A link to a file inside the folder is fine.
	tpl := copyTemplates(t)
	p := filepath.Join(tpl, "nd152-2025", "to-trinh.docx")
	os.Rename(p, filepath.Join(tpl, "to-trinh-that.docx"))
	if err := os.Symlink(filepath.Join("..", "to-trinh-that.docx"), p); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := runTemplates(t, "check", tpl); code != exitOK {
		t.Errorf("a link inside the folder: exit %d\n%s", code, stdout)
	}
}
