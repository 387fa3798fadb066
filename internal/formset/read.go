package formset

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
)

// Limits of the files of a form set folder, which may hold anything.
const (
	maxManifestSize = 1 << 20  // a real bo-mau.toml is a few kilobytes
	MaxTemplateFile = 32 << 20 // a template's DOCX file (ooxml.MaxTemplateSize bounds its content alike)
)

// ReadTemplate reads a template file of a form set through readFile,
// within the size of a template package.
func ReadTemplate(fsys fs.FS, name string) ([]byte, error) {
	return readFile(fsys, name, MaxTemplateFile)
}

// readFile reads a file of a form set folder, which may hold anything: it
// must be a regular file (or a symbolic link to one, where fsys allows
// it: the folder hoso opens for --templates keeps links inside the
// folder) of at most limit bytes. A device, FIFO, socket or folder is
// refused before it is opened, a file over limit before it is read, and
// no more than limit bytes are read whatever the file becomes meanwhile.
// The errors are Vietnamese and name the file.
func readFile(fsys fs.FS, name string, limit int64) ([]byte, error) {
	if err := statFile(fsys, name, limit); err != nil {
		return nil, err
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fileError(fsys, name, err)
	}
	defer f.Close()
	if err := checkFileInfo(f.Stat()); err != nil { // what was opened, not only what was looked at
		return nil, fmt.Errorf("%s %w", name, err)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	switch {
	case err != nil:
		return nil, fileError(fsys, name, err)
	case int64(len(data)) > limit:
		return nil, tooLarge(name, int64(len(data)), limit)
	}
	return data, nil
}

// statFile checks, without opening it, that name is a regular file of at
// most limit bytes.
func statFile(fsys fs.FS, name string, limit int64) error {
	st, err := fs.Stat(fsys, name)
	if err != nil {
		return fileError(fsys, name, err)
	}
	if err := checkFileInfo(st, nil); err != nil {
		return fmt.Errorf("%s %w", name, err)
	}
	if st.Size() > limit {
		return tooLarge(name, st.Size(), limit)
	}
	return nil
}

// checkFileInfo refuses what is not a regular file.
func checkFileInfo(st fs.FileInfo, err error) error {
	if err != nil {
		return fmt.Errorf("không đọc được thông tin tệp: %w", err)
	}
	what := ""
	switch m := st.Mode(); {
	case m.IsRegular():
		return nil
	case m.IsDir():
		what = "một thư mục"
	case m&fs.ModeNamedPipe != 0:
		what = "một ống (FIFO)"
	case m&fs.ModeSocket != 0:
		what = "một socket"
	case m&fs.ModeDevice != 0:
		what = "một thiết bị"
	default:
		what = "một tệp đặc biệt"
	}
	return fmt.Errorf("là %s, không phải tệp thường: bộ mẫu chỉ gồm tệp .docx và bo-mau.toml thật; hãy chép tệp thật vào thư mục bộ mẫu", what)
}

// tooLarge refuses a file over its limit.
func tooLarge(name string, size, limit int64) error {
	return fmt.Errorf("%s quá lớn (%d KB, tối đa %d KB): kiểm tra xem có chọn nhầm tệp không", name, size>>10, limit>>10)
}

// fileError words an error opening or reading name; it still matches
// the error it words (errors.Is(err, fs.ErrNotExist)…).
func fileError(fsys fs.FS, name string, err error) error {
	msg := fmt.Sprintf("không đọc được %s (lỗi hệ thống: %v)", name, err)
	switch {
	case isBrokenLink(fsys, name):
		msg = name + " là liên kết (symlink) trỏ ra ngoài thư mục bộ mẫu hoặc tới tệp không có: hãy chép tệp thật vào thư mục bộ mẫu"
	case errors.Is(err, fs.ErrNotExist):
		msg = "không có tệp " + name
	case errors.Is(err, fs.ErrPermission):
		msg = "không có quyền đọc " + name + ": hãy cấp quyền đọc tệp cho người chạy chương trình"
	}
	return &fileErr{msg: msg, err: err}
}

// isBrokenLink reports whether name is a symbolic link fsys does not
// follow: its target is missing or outside the folder.
func isBrokenLink(fsys fs.FS, name string) bool {
	st, err := fs.Lstat(fsys, name)
	if err != nil || st.Mode()&fs.ModeSymlink == 0 {
		return false
	}
	_, err = fs.Stat(fsys, name)
	return err != nil
}

// fileErr is a Vietnamese message for an error of the file system.
type fileErr struct {
	msg string
	err error
}

func (e *fileErr) Error() string { return e.msg }
func (e *fileErr) Unwrap() error { return e.err }

// findManifests lists bo-mau.toml at the root of fsys and in each folder
// (or link to a folder inside fsys) right under it. A link fsys does not
// follow (its target is outside the folder, or missing) is a problem
// naming it, not skipped: the form set it may hold would vanish without
// a word. Unlike fs.Glob, it opens nothing but folders: opening a FIFO
// blocks.
func findManifests(fsys fs.FS) ([]string, []error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, []error{fileError(fsys, ".", err)}
	}
	var out []string
	var errs []error
	if _, err := fs.Stat(fsys, "bo-mau.toml"); err == nil {
		out = append(out, "bo-mau.toml")
	}
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			st, err := fs.Stat(fsys, e.Name())
			if err != nil {
				errs = append(errs, &fileErr{msg: e.Name() + " là liên kết (symlink) trỏ ra ngoài thư mục bộ mẫu hoặc tới nơi không có, nên không được đọc: " +
					"hãy chép thư mục bộ mẫu thật (hoặc tệp thật) vào thư mục này, hoặc xóa liên kết", err: err})
				continue
			}
			if !st.IsDir() {
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		m := path.Join(e.Name(), "bo-mau.toml")
		if _, err := fs.Lstat(fsys, m); err == nil {
			out = append(out, m)
		}
	}
	return out, errs
}
