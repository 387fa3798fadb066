package main

import (
	"fmt"
	"sync"
)

// folderNames gives the dossiers of one run their folder names in the
// order of the input files, whatever order they finish in: the first
// submission that produces a name keeps it, the next ones get "-2", "-3"…
// Two submissions of one agency with the same Tờ trình date (two Tờ trình
// sent the same day) each get their dossier, under names that do not
// depend on timing; before, the later write replaced the earlier dossier.
type folderNames struct {
	mu     sync.Mutex
	turn   *sync.Cond
	next   int            // the input index whose turn it is
	passed map[int]bool   // indices after next that produce no dossier
	first  map[string]int // name → index of the input that took it
	files  []string
}

func newFolderNames(files []string) *folderNames {
	f := &folderNames{passed: map[int]bool{}, first: map[string]int{}, files: files}
	f.turn = sync.NewCond(&f.mu)
	return f
}

// claim waits for input i's turn and returns the folder name its dossier
// is written under: name, or name with a suffix when an earlier input of
// the run took name; note says so, for the clerk.
func (f *folderNames) claim(i int, name string) (folder, note string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for f.next != i {
		f.turn.Wait()
	}
	folder = name
	for k := 2; ; k++ {
		if _, taken := f.first[folder]; !taken {
			break
		}
		folder = fmt.Sprintf("%s-%d", name, k)
	}
	f.first[folder] = i
	if folder != name {
		note = fmt.Sprintf("cùng cơ quan và cùng ngày Tờ trình với %s (thư mục %s): hồ sơ này ghi vào thư mục %s",
			f.files[f.first[name]], name, folder)
	}
	f.advance()
	return folder, note
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
