package main

import (
	"fmt"
	"sync"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/safefs"
)

// folderNames gives the dossiers of one run their folder names. A folder
// is named after the agency and the Tờ trình date, so two submissions of
// one agency dated the same day (two Tờ trình sent the same day) share a
// name; before, the later write replaced the other dossier. Now a dossier
// takes the name unless another submission file of this run took it or
// the folder already holds something else than the dossier of this
// submission file (by its full path: dossier.FolderFree); then it tries
// "-2", "-3"… Names are given in the order of the input files,
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
	held := ""
	for k := 1; ; k++ {
		folder = name
		if k > 1 {
			folder = fmt.Sprintf("%s-%d", name, k)
		}
		why, free := f.heldBy(folder, i)
		if free {
			break
		}
		if k == 1 {
			held = why
		}
	}
	f.taken[folder] = i
	if folder != name {
		note = fmt.Sprintf("thư mục %s %s: hồ sơ này ghi vào thư mục %s (tên thư mục theo cơ quan và ngày Tờ trình), thư mục kia không bị động tới",
			safefs.Quote(name), held, safefs.Quote(folder))
	}
	return folder, note
}

// heldBy tells whether input i may write folder: no other input of this
// run took it, and it holds nothing but the dossier of the same
// submission file. Otherwise it says what the folder holds.
func (f *folderNames) heldBy(folder string, i int) (why string, free bool) {
	if j, ok := f.taken[folder]; ok {
		return "là hồ sơ của tệp " + safefs.Quote(f.files[j]), false
	}
	free, why = dossier.FolderFree(f.out, folder, f.files[i])
	return why, free
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
