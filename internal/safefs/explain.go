package safefs

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"unicode"
)

// refusal is a file hoso will not use, in words; it is no OS error.
type refusal string

func (r refusal) Error() string { return string(r) }

// The refusals a caller may test with errors.Is.
var (
	// ErrLink: a symbolic link where hoso writes or keeps a file.
	ErrLink error = refusal("là liên kết tượng trưng (symbolic link): hoso không đọc, không ghi qua liên kết mà nó không tạo; hãy xóa liên kết hoặc chọn tên, thư mục khác")
	// ErrShared: a kept file with another name (a hard link).
	ErrShared error = refusal("là tệp có nhiều tên (liên kết cứng, hard link): hoso không ghi vào tệp dùng chung với nơi khác; hãy xóa tệp này")
	// ErrNotRegular: a folder, FIFO, device or socket where a file is read.
	ErrNotRegular error = refusal("không phải tệp thường")

	errChanged  error = refusal("tệp vừa bị thay trong lúc mở: hãy chạy lại")
	errTooLarge error = refusal("tệp lớn bất thường, không phải tệp hoso đã ghi")
	errNotDir   error = refusal("là một tệp, không phải thư mục: hãy đổi tên tệp đó hoặc chọn thư mục khác")
	errEmpty    error = refusal("tên thư mục để trống: hãy ghi tên thư mục")
)

// notRegularError names the kind of file that is not a regular file.
type notRegularError struct{ mode fs.FileMode }

func (e notRegularError) Error() string {
	kind := "không phải tệp thường"
	switch {
	case e.mode.IsDir():
		kind = "là thư mục, không phải tệp"
	case e.mode&fs.ModeNamedPipe != 0:
		kind = "là ống dẫn (FIFO), không phải tệp thường (đọc nó có thể phải chờ mãi)"
	case e.mode&fs.ModeDevice != 0:
		kind = "là thiết bị, không phải tệp thường"
	case e.mode&fs.ModeSocket != 0:
		kind = "là socket, không phải tệp thường"
	}
	return kind + "; hoso chỉ dùng tệp thường: hãy chỉ đúng tệp"
}

func (e notRegularError) Is(target error) bool { return target == ErrNotRegular }

func notRegular(mode fs.FileMode) error { return notRegularError{mode} }

// cause is one kind of OS error and its wording.
type cause struct {
	errs []error
	text string
}

// causes words the OS errors a clerk meets, most particular first; each
// says what to do. platformCauses adds the system's own.
var causes = append(platformCauses, []cause{
	{[]error{syscall.ENOSPC, syscall.EDQUOT}, "ổ đĩa đầy hoặc hết hạn mức dung lượng: hãy giải phóng chỗ trống rồi chạy lại"},
	{[]error{syscall.EROFS}, "ổ đĩa chỉ cho đọc: hãy chọn nơi ghi khác"},
	{[]error{syscall.ELOOP}, ErrLink.Error()},
	{[]error{syscall.ENOTDIR}, "một phần của đường dẫn là tệp chứ không phải thư mục: hãy kiểm tra lại đường dẫn"},
	{[]error{syscall.EISDIR}, "là thư mục, không phải tệp: hãy chỉ đúng tệp"},
	{[]error{syscall.ENAMETOOLONG}, "tên hoặc đường dẫn quá dài: hãy chọn tên ngắn hơn hoặc thư mục gần gốc ổ đĩa hơn"},
	{[]error{syscall.EMFILE, syscall.ENFILE}, "mở quá nhiều tệp cùng lúc: hãy chạy lại với -j nhỏ hơn"},
	{[]error{syscall.EBUSY}, "đang được chương trình khác dùng: hãy đóng chương trình đó rồi chạy lại"},
	{[]error{syscall.EIO}, "lỗi đọc ghi của ổ đĩa: hãy kiểm tra ổ đĩa (ổ USB, ổ mạng) rồi chạy lại"},
	{[]error{fs.ErrExist}, "đã có; hoso không ghi đè: hãy chọn tên khác, hoặc tự đổi tên hay chuyển cái đang có đi"},
	{[]error{fs.ErrNotExist}, "không có: hãy kiểm tra lại tên và đường dẫn"},
	{[]error{fs.ErrPermission}, "không được phép (thiếu quyền đọc hoặc ghi): hãy kiểm tra quyền của tệp, thư mục, hoặc chọn nơi khác"},
}...)

// Explain words why an operation failed, in Vietnamese, with what to do;
// the caller names the path. hoso's own refusals and messages are already
// words and come out as they are; an OS error of a kind not listed keeps
// the system's text after "lỗi hệ thống".
func Explain(err error) string {
	var r refusal
	var nr notRegularError
	switch {
	case errors.As(err, &nr):
		return nr.Error()
	case errors.As(err, &r):
		return r.Error()
	}
	for _, c := range causes {
		for _, e := range c.errs {
			if errors.Is(err, e) {
				return c.text
			}
		}
	}
	var errno syscall.Errno
	var pe *fs.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &errno):
		return "lỗi hệ thống: " + errno.Error()
	case errors.As(err, &pe):
		return "lỗi hệ thống: " + pe.Err.Error()
	case errors.As(err, &le):
		return "lỗi hệ thống: " + le.Err.Error()
	}
	return err.Error()
}

// Quote gives a path as it may be printed on a terminal: as it is when
// every character is a letter, a mark, a digit or one of -_.,/+@:~=()[]
// (and the system's separator), otherwise in double quotes with Go's
// escapes. So a control byte (ESC, BEL), an invisible or bidirectional
// character, a byte that is not UTF-8, a space or a quote is shown, never
// acted on or mistaken.
func Quote(path string) string {
	if path == "" {
		return `""`
	}
	for _, r := range path {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) &&
			!strings.ContainsRune("-_.,/+@:~=()[]", r) && r != filepath.Separator || r == unicode.ReplacementChar {
			return strconv.Quote(path)
		}
	}
	return path
}
