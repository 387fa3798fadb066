package main

import (
	"fmt"
	"path/filepath"
	"sync"

	"github.com/hoso-vn/hoso/internal/dossier"
)

// folderNames gives the dossiers of one run their folder names. A folder
// is named after the agency and the Tờ trình date, so two submissions of
// one agency dated the same day (two Tờ trình sent the same day) share a
// name; before, the later write replaced the other dossier. Now a dossier
// takes the name unless another submission file of this run took it or
// the folder already holds the dossier of another submission file; then
// it tries "-2", "-3"… Names are given in the order of the input files,
// whatever order the dossiers finish in, so each run with the same files
// gives the same names, and rebuilding one file alone replaces its own
// folder, never another file's.
type folderNames struct {
	out   string
	files []string

	mu     sync.Mutex
	turn   *sync.Cond
	next   int            // the input index whose turn it is
	passed map[int]bool   // indices after next that produce no dossier
	taken  map[string]int // folder → the input of this run that took it
}

func newFolderNames(out string, files []string) *folderNames {
	f := &folderNames{out: out, files: files, passed: map[int]bool{}, taken: map[string]int{}}
	f.turn = sync.NewCond(&f.mu)
	return f
}

// claim waits for input i's turn and returns the folder its dossier is
// written to: name, or name with a suffix, and then a note for the clerk
// saying whose dossier holds name.
func (f *folderNames) claim(i int, name string) (folder, note string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.next != i {
		f.turn.Wait()
	}
	defer f.advance()
	holder := ""
	for k := 1; ; k++ {
		folder = name
		if k > 1 {
			folder = fmt.Sprintf("%s-%d", name, k)
		}
		owner, free := f.ownerOf(folder, i)
		if free {
			break
		}
		if k == 1 {
			holder = owner
		}
	}
	f.taken[folder] = i
	if folder != name {
		note = fmt.Sprintf("thư mục %s là hồ sơ của tệp %s (cùng cơ quan, cùng ngày Tờ trình): hồ sơ này ghi vào thư mục %s",
			name, holder, folder)
	}
	return folder, note
}

// ownerOf tells whether input i may write folder: no other input of this
// run took it, and it does not hold the dossier of another submission
// file (by file name, so a rebuild from another working folder still
// replaces its own dossier). Otherwise it names the owner.
func (f *folderNames) ownerOf(folder string, i int) (owner string, free bool) {
	if j, ok := f.taken[folder]; ok {
		return f.files[j], false
	}
	src, exists := dossier.FolderSource(f.out, folder)
	if !exists || filepath.Base(src) == filepath.Base(f.files[i]) {
		return "", true
	}
	if src == "" {
		src = "không rõ (thư mục không có manifest.json)"
	}
	return src, false
}

// pass gives up input i's turn: it produces no dossier.
func (f *folderNames) pass(i int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if i == f.next {
		f.advance()
	} else {
		f.passed[i] = true
	}
}

// advance moves the turn past the current input and those that passed.
func (f *folderNames) advance() {
	f.next++
	for f.passed[f.next] {
		delete(f.passed, f.next)
		f.next++
	}
	f.turn.Broadcast()
}
