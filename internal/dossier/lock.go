package dossier

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrLocked says another hoso is writing into the same output folder.
var ErrLocked = errors.New("thư mục đầu ra đang được một lệnh hoso khác ghi; hãy chờ lệnh đó xong hoặc dùng thư mục khác (-o)")

// LockOutput takes the output folder for this process, so that two builds
// into one folder cannot interleave their files. The lock is released by
// the returned function, or by the system when the process ends however
// it ends. Once locked, hidden half-written folders left by an earlier run
// that was killed are removed.
func LockOutput(dir string) (release func(), err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(filepath.Join(dir, ".hoso.lock"), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		return nil, err
	}
	if f.Truncate(0) == nil {
		fmt.Fprintf(f, "%d\n", os.Getpid())
	}
	removeStale(dir)
	return func() {
		unlockFile(f)
		f.Close()
	}, nil
}

// removeStale deletes the ".<slug>.tmp-*" folders Write leaves only when
// the process is killed mid-write. A ".<slug>.tmp-*.old" folder is the
// previous dossier, renamed aside just before the new one was to take its
// place: if that never happened, it is put back.
func removeStale(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		at := strings.Index(name, ".tmp-")
		if !e.IsDir() || !strings.HasPrefix(name, ".") || at < 0 {
			continue
		}
		path := filepath.Join(dir, name)
		if strings.HasSuffix(name, ".old") {
			final := filepath.Join(dir, name[1:at])
			if _, err := os.Lstat(final); os.IsNotExist(err) && plainName(name[1:at]) {
				if os.Rename(path, final) == nil {
					continue
				}
			}
		}
		os.RemoveAll(path)
	}
}
