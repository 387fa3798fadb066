//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// nhap refuses a FIFO before opening it (opening one waited for a writer
// without end) and writes nothing. The test holds the FIFO open for
// writing so that, should nhap open it, it would not wait but fail on
// another message.
func TestImportRefusesFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "danh-sach.xlsx")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	w, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	code, _, stderr := runCLI(t, "nhap", fifo)
	if code != exitBadInput || !strings.Contains(stderr, "là ống dẫn (FIFO), không phải tệp thường") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("written: %v", entries)
	}
}

// The reading phase ends at once on SIGINT, with errInterrupted; the
// signal is sent from inside the work, once the handler is in place.
func TestInterruptibleEndsOnSignal(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	_, err := interruptible(func() (int, error) {
		if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
			return 0, err
		}
		<-block
		return 1, nil
	})
	if err != errInterrupted {
		t.Errorf("err = %v, want errInterrupted", err)
	}
}

// A missing sheet whose name holds ESC and BEL is named quoted, with the
// Vietnamese wording of an OS error build uses, never raw bytes or the
// system's English.
func TestImportMissingFileIsQuoted(t *testing.T) {
	name := filepath.Join(t.TempDir(), "ds\x1b[31m\a.xlsx")
	code, _, stderr := runCLI(t, "nhap", name)
	if code != exitBadInput || strings.ContainsAny(stderr, "\x1b\a") || strings.Contains(stderr, "no such file") ||
		!strings.Contains(stderr, `\x1b[31m\a.xlsx": không có: hãy kiểm tra lại tên và đường dẫn`) {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}
