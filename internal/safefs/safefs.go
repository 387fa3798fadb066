// Package safefs is the one way hoso touches the file system on the
// user's behalf: a file it writes is always new (created exclusively, never
// through a symbolic link), a file it keeps from run to run (the output
// folder's lock) is never a link nor shared with another name, an input is
// read only when it is a regular file, a path is printed so that no byte of
// it acts on the terminal, and an OS error is worded in Vietnamese with
// what to do.
package safefs

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
)

// Error is a file-system failure in words: what hoso was doing, on which
// path, why and what to do (Explain). It unwraps to the OS error.
type Error struct {
	What string // what hoso was doing: "không tạo được tệp"
	Path string
	Err  error
}

func (e *Error) Error() string { return e.What + " " + Quote(e.Path) + ": " + Explain(e.Err) }

func (e *Error) Unwrap() error { return e.Err }

// Wrap returns err as an *Error saying what hoso was doing on path; nil
// stays nil, and an *Error is returned as it is (it is worded already).
func Wrap(what, path string, err error) error {
	var done *Error
	if err == nil || errors.As(err, &done) {
		return err
	}
	return &Error{What: what, Path: path, Err: err}
}

// Create creates a new file at path for writing, only if nothing is
// there: not a file, not a folder, not a symbolic link, dangling or not.
// So what hoso writes is always a file it made, never one it reached
// through a link or one the user had.
func Create(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL|noFollow, 0o644)
	if err != nil {
		return nil, Wrap("không tạo được tệp", path, err)
	}
	return f, nil
}

// WriteNew writes data into a new file (see Create), synced to disk when
// sync is set, and reports every error: a full disk shows at Sync or
// Close, not only at Write. A file it could not write whole is removed (it
// made it).
func WriteNew(path string, data []byte, sync bool) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return Wrap("không ghi được tệp", path, err)
	}
	return nil
}

// OpenRegular opens path for reading if it is a regular file; a link to
// one is followed (the user named it). A folder, a FIFO, a device or a
// socket is refused before it is opened, so that reading can neither wait
// for a writer that never comes nor go on without end; the opened file is
// checked again in case the name changed in between.
func OpenRegular(path string) (*os.File, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, Wrap("không đọc được", path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, Wrap("không đọc", path, notRegular(st.Mode()))
	}
	f, err := os.OpenFile(path, os.O_RDONLY|nonBlock, 0)
	if err != nil {
		return nil, Wrap("không đọc được", path, err)
	}
	if now, err := f.Stat(); err != nil || !now.Mode().IsRegular() || !os.SameFile(st, now) {
		f.Close()
		if err == nil {
			err = errChanged
		}
		return nil, Wrap("không đọc", path, err)
	}
	return f, nil
}

// ReadOwn reads a file hoso wrote earlier (a dossier's manifest, a
// marker): a regular file reached without a link, at most limit bytes.
func ReadOwn(path string, limit int64) ([]byte, error) {
	if err := refuseLink(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|noFollow|nonBlock, 0)
	if err != nil {
		return nil, Wrap("không đọc được", path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		if err == nil {
			err = notRegular(st.Mode())
		}
		return nil, Wrap("không đọc", path, err)
	}
	var b bytes.Buffer
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, Wrap("không đọc được", path, err)
	}
	if int64(b.Len()) > limit {
		return nil, Wrap("không đọc", path, errTooLarge)
	}
	return b.Bytes(), nil
}

// OpenKept opens, creating it if need be, a file hoso keeps from run to
// run (the output folder's lock) for reading and writing. It is never
// reached through a symbolic link, and must be a regular file with no
// other name: through a hard link hoso would write into a file elsewhere.
func OpenKept(path string) (*os.File, error) {
	if err := refuseLink(path); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|noFollow|nonBlock, 0o644)
	if err != nil {
		return nil, Wrap("không mở được tệp", path, err)
	}
	st, err := f.Stat()
	switch {
	case err != nil:
	case !st.Mode().IsRegular():
		err = notRegular(st.Mode())
	case linkCount(st) > 1:
		err = ErrShared
	default:
		return f, nil
	}
	f.Close()
	return nil, Wrap("không dùng", path, err)
}

// MkdirAll creates a folder the user named, with the folders above it.
func MkdirAll(path string) error {
	if path == "" {
		return Wrap("không tạo được thư mục", path, errEmpty)
	}
	return Wrap("không tạo được thư mục", path, os.MkdirAll(path, 0o755))
}

// EnsureDir creates a folder hoso writes into, inside one that exists, or
// accepts it if it is already a folder. A symbolic link, or a file, in its
// place is refused: hoso does not write through a link it did not make.
func EnsureDir(path string) error {
	err := os.Mkdir(path, 0o755)
	if err == nil || !errors.Is(err, fs.ErrExist) {
		return Wrap("không tạo được thư mục", path, err)
	}
	st, err := os.Lstat(path)
	switch {
	case err != nil:
		return Wrap("không xem được", path, err)
	case st.Mode()&fs.ModeSymlink != 0:
		return Wrap("không ghi vào", path, ErrLink)
	case !st.IsDir():
		return Wrap("không ghi vào", path, errNotDir)
	}
	return nil
}

// refuseLink refuses a path that is a symbolic link. Where the system has
// O_NOFOLLOW the open that follows checks it again, with no gap.
func refuseLink(path string) error {
	if st, err := os.Lstat(path); err == nil && st.Mode()&fs.ModeSymlink != 0 {
		return Wrap("không dùng", path, ErrLink)
	}
	return nil
}
