//go:build unix

package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestQuote(t *testing.T) {
	for in, want := range map[string]string{
		"samples/phuong-tan-son-hoa-2026.toml": "samples/phuong-tan-son-hoa-2026.toml",
		"hồ-sơ/Tờ_trình(2).toml":               "hồ-sơ/Tờ_trình(2).toml",
		"tot\x1b[31m\a.toml":                   `"tot\x1b[31m\a.toml"`,
		"ho-so-\xff.toml":                      `"ho-so-\xff.toml"`,
		"Võ\u202eneyuD.toml":                   `"Võ\u202eneyuD.toml"`,
		"hồ sơ.toml":                           `"hồ sơ.toml"`,
		`a"b.toml`:                             `"a\"b.toml"`,
		"":                                     `""`,
	} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}

func TestExplainWordsOSErrors(t *testing.T) {
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}, "ổ đĩa đầy"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, "không được phép"},
		{&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EROFS}, "chỉ cho đọc"},
		{&fs.PathError{Op: "mkdir", Path: "x", Err: syscall.ENOTDIR}, "không phải thư mục"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EEXIST}, "không ghi đè"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.ELOOP}, "liên kết tượng trưng"},
		{&fs.PathError{Op: "open", Path: "x", Err: syscall.EPROTO}, "lỗi hệ thống: "},
		{errors.New("đĩa đầy (lỗi giả lập)"), "đĩa đầy (lỗi giả lập)"},
	} {
		got := Explain(c.err)
		if !strings.Contains(got, c.want) || strings.Contains(got, "x:") {
			t.Errorf("Explain(%v) = %q, want %q", c.err, got, c.want)
		}
	}
	err := Wrap("không ghi được tệp", "a\x1b.pdf", &fs.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC})
	if !errors.Is(err, syscall.ENOSPC) || err.Error() != `không ghi được tệp "a\x1b.pdf": ổ đĩa đầy hoặc hết hạn mức dung lượng: hãy giải phóng chỗ trống rồi chạy lại` {
		t.Errorf("Wrap: %v", err)
	}
}

// Create and WriteNew make a new file only: an existing file, a link or
// a dangling link is refused, and nothing is written behind it.
func TestCreateOnlyNew(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "cua-toi")
	os.WriteFile(mine, []byte("của tôi"), 0o644)
	os.Symlink(mine, filepath.Join(dir, "lien-ket"))
	os.Symlink(filepath.Join(dir, "chua-co"), filepath.Join(dir, "treo"))
	for _, name := range []string{"cua-toi", "lien-ket", "treo"} {
		if err := WriteNew(filepath.Join(dir, name), []byte("x"), true); !errors.Is(err, fs.ErrExist) {
			t.Errorf("%s: WriteNew = %v", name, err)
		}
	}
	if b, _ := os.ReadFile(mine); string(b) != "của tôi" {
		t.Errorf("the file became %q", b)
	}
	if _, err := os.Lstat(filepath.Join(dir, "chua-co")); err == nil {
		t.Error("a file was created through the dangling link")
	}
	if err := WriteNew(filepath.Join(dir, "moi"), []byte("mới"), true); err != nil {
		t.Fatal(err)
	}
}

// OpenRegular refuses a FIFO, a device and a folder before opening them
// (a FIFO without a writer would block the open for ever), and reads a
// regular file through a link.
func TestOpenRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "ong")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	for path, kind := range map[string]string{fifo: "FIFO", "/dev/zero": "thiết bị", dir: "thư mục"} {
		if f, err := OpenRegular(path); !errors.Is(err, ErrNotRegular) || !strings.Contains(err.Error(), kind) {
			t.Errorf("%s: OpenRegular = %v", path, err)
			if f != nil {
				f.Close()
			}
		}
	}
	file := filepath.Join(dir, "a.toml")
	os.WriteFile(file, []byte("a = 1"), 0o644)
	os.Symlink(file, filepath.Join(dir, "b.toml"))
	f, err := OpenRegular(filepath.Join(dir, "b.toml"))
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
}
