//go:build windows

package safefs

import (
	"io/fs"

	"golang.org/x/sys/windows"
)

// Windows has no O_NOFOLLOW: refuseLink checks the path before it is
// opened, and a file is created with O_EXCL, which fails on any name that
// exists, a link included. Nothing there blocks on open.
const (
	noFollow = 0
	nonBlock = 0
)

// linkCount is not known from a FileInfo on Windows.
func linkCount(fs.FileInfo) uint64 { return 1 }

// platformCauses words the Windows errors the common list misses.
var platformCauses = []cause{
	{[]error{windows.ERROR_DISK_FULL, windows.ERROR_HANDLE_DISK_FULL}, "ổ đĩa đầy: hãy giải phóng chỗ trống rồi chạy lại"},
	{[]error{windows.ERROR_SHARING_VIOLATION, windows.ERROR_LOCK_VIOLATION}, "đang được chương trình khác mở (Word, trình xem PDF…): hãy đóng nó rồi chạy lại"},
}
