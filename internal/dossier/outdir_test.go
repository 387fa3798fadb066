//go:build unix

package dossier

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/hoso-vn/hoso/internal/safefs"
)

// TestLockNeverWritesThroughALink: a ".hoso.lock" already in the output
// folder that is a symbolic link (dangling or not), a hard link to a file
// elsewhere, or a FIFO is refused, naming it; the file it leads to is
// untouched. (The link used to be followed: its target was truncated and
// overwritten with the process id.)
func TestLockNeverWritesThroughALink(t *testing.T) {
	cases := []struct {
		name string
		make func(lock, victim string) error
		want error
	}{
		{"symbolic link", func(lock, victim string) error { return os.Symlink(victim, lock) }, safefs.ErrLink},
		{"dangling link", func(lock, victim string) error { return os.Symlink(victim+".moi", lock) }, safefs.ErrLink},
		{"hard link", func(lock, victim string) error { return os.Link(victim, lock) }, safefs.ErrShared},
		{"FIFO", func(lock, _ string) error { return syscall.Mkfifo(lock, 0o644) }, safefs.ErrNotRegular},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			victim := filepath.Join(t.TempDir(), "cua-toi.txt")
			os.WriteFile(victim, []byte("dữ liệu của tôi\n"), 0o644)
			out := t.TempDir()
			lock := filepath.Join(out, lockName)
			if err := c.make(lock, victim); err != nil {
				t.Skip(err)
			}
			release, err := LockOutput(out)
			if err == nil {
				release()
			}
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), lock) {
				t.Errorf("LockOutput = %v, want %v naming %s", err, c.want, lock)
			}
			if b, _ := os.ReadFile(victim); string(b) != "dữ liệu của tôi\n" {
				t.Errorf("the file behind the lock became %q", b)
			}
			if _, err := os.Lstat(victim + ".moi"); err == nil {
				t.Error("a file was created at the dangling link's target")
			}
		})
	}
}

// TestWriteNeverThroughALink: a dossier folder, or the staging folder,
// that is a symbolic link to somewhere else is refused; nothing is written
// at the other end.
func TestWriteNeverThroughALink(t *testing.T) {
	d := buildPDF(t, minSample, "", "")
	for _, at := range []string{d.Slug, stagingName} {
		t.Run(at, func(t *testing.T) {
			elsewhere := t.TempDir()
			out := t.TempDir()
			if at == d.Slug {
				// A real dossier of the same submission, reached by a link.
				if _, err := d.Write(context.Background(), elsewhere); err != nil {
					t.Fatal(err)
				}
				elsewhere = filepath.Join(elsewhere, d.Slug)
			}
			before := snapshot(t, elsewhere)
			if err := os.Symlink(elsewhere, filepath.Join(out, at)); err != nil {
				t.Fatal(err)
			}
			_, err := d.Write(context.Background(), out)
			if err == nil || !strings.Contains(err.Error(), "liên kết") {
				t.Errorf("Write = %v, want a refusal of the link", err)
			}
			if after := snapshot(t, elsewhere); names(after) != names(before) {
				t.Errorf("behind the link: %s, before %s", names(after), names(before))
			}
		})
	}
}

// TestFolderBelongsToTheFullPath: two submission files with the same base
// name in two folders (same agency and date) do not share a dossier
// folder: ownership compares the cleaned absolute path. (It compared base
// names: b/ho-so.toml silently replaced the dossier of a/ho-so.toml.) A
// path that is not UTF-8 is recorded byte for byte and owns its folder on
// every rebuild (it was stored with U+FFFD and matched nothing).
func TestFolderBelongsToTheFullPath(t *testing.T) {
	out := t.TempDir()
	d := buildPDF(t, minSample, "", "")
	d.Source = filepath.Join("a", "ho-so.toml")
	if _, err := d.Write(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	for _, same := range []string{"a/ho-so.toml", "./a/../a/ho-so.toml", mustAbs(t, "a/ho-so.toml")} {
		if free, held := FolderFree(out, d.Slug, same); !free {
			t.Errorf("%s: the folder of a/ho-so.toml is not its own: %s", same, held)
		}
	}
	free, held := FolderFree(out, d.Slug, "b/ho-so.toml")
	if free || !strings.Contains(held, "là hồ sơ của tệp "+mustAbs(t, "a/ho-so.toml")) {
		t.Errorf("b/ho-so.toml may take a's folder: %v, %q", free, held)
	}
	other := *d
	other.Source = "b/ho-so.toml"
	if _, err := other.Write(context.Background(), out); err == nil || !strings.Contains(err.Error(), "hoso không ghi đè") {
		t.Errorf("Write of b's dossier into a's folder: %v", err)
	}
	m, err := readManifest(filepath.Join(out, d.Slug))
	if err != nil || m.Source != d.Source {
		t.Errorf("a's dossier was replaced: %v, %+v", err, m)
	}

	odd := *d
	odd.Source = "ho-so-\xff\xfe.toml"
	oddOut := t.TempDir()
	if _, err := odd.Write(context.Background(), oddOut); err != nil {
		t.Fatal(err)
	}
	raw, _ := os.ReadFile(filepath.Join(oddOut, odd.Slug, ManifestName))
	var top map[string]any
	if err := json.Unmarshal(raw, &top); err != nil || top["nguon_day_du_byte"] == nil {
		t.Fatalf("the path's bytes are not recorded: %v\n%s", err, raw)
	}
	if free, held := FolderFree(oddOut, odd.Slug, odd.Source); !free {
		t.Errorf("a non-UTF-8 path does not own its folder: %s", held)
	}
	if free, _ := FolderFree(oddOut, odd.Slug, "ho-so-\xff\xfd.toml"); free {
		t.Error("another non-UTF-8 path with the same U+FFFD form owns the folder")
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	abs, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}
