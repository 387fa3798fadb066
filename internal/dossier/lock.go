package dossier

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/hoso-vn/hoso/internal/safefs"
)

// ErrLocked says another hoso is writing into the same output folder.
var ErrLocked = errors.New("thư mục đầu ra đang được một lệnh hoso khác ghi; hãy chờ lệnh đó xong hoặc dùng thư mục khác (-o)")

// lockName is the output folder's lock file.
const lockName = ".hoso.lock"

// LockOutput takes the output folder for this process, so that two builds
// into one folder cannot interleave their files. The lock is released by
// the returned function, or by the system when the process ends however
// it ends. The lock file is opened only if it is a regular file of its
// own (never through a link). Once locked, what an earlier run that was
// killed left in the staging folder is cleared up (recoverStaging). Every
// error names the folder or the file.
func LockOutput(dir string) (release func(), err error) {
	if err := safefs.MkdirAll(dir); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, lockName)
	f, err := safefs.OpenKept(path)
	if err != nil {
		return nil, err
	}
	if err := lockFile(f); err != nil {
		f.Close()
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("%s: %w", safefs.Quote(dir), err)
		}
		return nil, safefs.Wrap("không khóa được", path, err)
	}
	if f.Truncate(0) == nil {
		fmt.Fprintf(f, "%d\n", os.Getpid())
	}
	recoverStaging(dir)
	return func() {
		unlockFile(f)
		f.Close()
	}, nil
}

// The staging folder in the output folder, where each dossier is written
// (in a work folder of its own) before it is renamed into place, and the
// file inside that marks it as hoso's: clean-up touches nothing in the
// output folder but a staging folder with this marker.
const (
	stagingName = ".hoso-tam"
	markerName  = "THU-MUC-TAM-CUA-HOSO.txt"
	markerText  = "Thư mục tạm của hoso: hồ sơ được ghi vào đây trước khi chuyển vào chỗ.\n" +
		"Lệnh hoso build sau tự dọn nó; đừng để tệp của bạn ở đây.\n"
)

// staging counts, per output folder (absolute path), the Writes of this
// process using its staging folder: the last one out removes it. Between
// processes the output lock keeps builds apart.
var staging = struct {
	sync.Mutex
	users map[string]int
}{users: map[string]int{}}

// enterStaging returns outDir's staging folder, created and marked if need
// be, and the function to call once the work folder in it is gone.
func enterStaging(outDir string) (dir string, leave func(), err error) {
	key := sourceKey(outDir)
	dir = filepath.Join(outDir, stagingName)
	staging.Lock()
	defer staging.Unlock()
	if staging.users[key] == 0 {
		if err := markStaging(dir); err != nil {
			return "", nil, err
		}
	}
	staging.users[key]++
	return dir, func() {
		staging.Lock()
		defer staging.Unlock()
		if staging.users[key]--; staging.users[key] == 0 {
			delete(staging.users, key)
			removeStaging(dir)
		}
	}, nil
}

// markStaging creates the staging folder with its marker, or accepts one
// that is hoso's: marked, or empty (made by a run killed before it wrote
// the marker). Anything else with that name is refused, not used.
func markStaging(dir string) error {
	if err := safefs.EnsureDir(dir); err != nil {
		return err
	}
	if isStaging(dir) {
		return nil
	}
	if es, err := os.ReadDir(dir); err != nil || len(es) > 0 {
		return fmt.Errorf("thư mục %s không phải thư mục tạm của hoso (thiếu tệp %s): hãy đổi tên hoặc chuyển nó đi rồi chạy lại",
			safefs.Quote(dir), markerName)
	}
	return safefs.WriteNew(filepath.Join(dir, markerName), []byte(markerText), false)
}

// isStaging tells whether dir is a staging folder hoso made: a folder
// (not a link) holding the marker, a regular file with the marker text.
func isStaging(dir string) bool {
	if st, err := os.Lstat(dir); err != nil || !st.IsDir() {
		return false
	}
	b, err := safefs.ReadOwn(filepath.Join(dir, markerName), int64(len(markerText)))
	return err == nil && string(b) == markerText
}

// removeStaging removes the staging folder when only its marker is left.
func removeStaging(dir string) {
	es, err := os.ReadDir(dir)
	if err != nil || len(es) != 1 || es[0].Name() != markerName || !isStaging(dir) {
		return
	}
	os.Remove(filepath.Join(dir, markerName))
	os.Remove(dir)
}

// recoverStaging clears what a run killed mid-write left in outDir's
// staging folder, if it is hoso's. A work folder holding a previous
// dossier renamed aside ("cu") is finished first: the dossier is put back
// if the new one never took its place, otherwise the clerk's entries in
// it are moved into the new folder. A work folder is removed only when
// nothing of the clerk's is left in it.
func recoverStaging(outDir string) {
	dir := filepath.Join(outDir, stagingName)
	if !isStaging(dir) {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Name() == markerName {
			continue
		}
		work := filepath.Join(dir, e.Name())
		if e.IsDir() && !finishWork(outDir, work, e.Name()) {
			continue
		}
		os.RemoveAll(work)
	}
	removeStaging(dir)
}

// finishWork ends the replacement a killed run left in the work folder
// work ("<slug>-<random>") and reports whether the folder may go.
func finishWork(outDir, work, name string) bool {
	aside := filepath.Join(work, asideName)
	if st, err := os.Lstat(aside); err != nil || !st.IsDir() {
		return true // no previous dossier in it
	}
	at := strings.LastIndex(name, "-")
	if at <= 0 || !plainName(name[:at]) {
		return false
	}
	final := filepath.Join(outDir, name[:at])
	if _, err := os.Lstat(final); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(aside, final) == nil
	}
	return len(carryOver(aside, final)) == 0
}
