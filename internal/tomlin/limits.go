package tomlin

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits on what Decode accepts, so that a wrong or hostile file gets a
// clear message quickly instead of a long wait. A real submission is a few
// tens of kilobytes, with paragraphs of a few hundred characters and
// values nested three deep.
const (
	MaxFileSize = 5 << 20 // bytes of a TOML file
	MaxTextLen  = 20000   // characters of one string value
	MaxDepth    = 32      // nesting of arrays and inline tables
)

// Message keys of the limits and of the characters a string may not hold.
const (
	KeyTooLarge    = "too-large"        // the file is larger than MaxFileSize
	KeyTooDeep     = "too-deep"         // arrays or inline tables nested deeper than MaxDepth
	KeyTooLong     = "too-long"         // a string longer than MaxTextLen
	KeyControlChar = "control-char"     // a control character or one XML cannot carry
	KeyInvisible   = "invisible-char"   // a zero-width character inside a text
	KeyReplacement = "replacement-char" // U+FFFD, left where a conversion lost a character
)

// checkSize refuses a file larger than MaxFileSize before it is parsed.
func checkSize(src []byte) *Problem {
	if len(src) <= MaxFileSize {
		return nil
	}
	return &Problem{
		Key: KeyTooLarge,
		Msg: TooLargeMessage(int64(len(src))),
		Hint: "Tệp hồ sơ chỉ chứa chữ, thường chỉ vài chục KB. Kiểm tra xem có chọn nhầm tệp không " +
			"(tệp Word, PDF, ảnh...), hoặc tách thành nhiều tệp hồ sơ.",
	}
}

// TooLargeMessage says that a file of size bytes is over MaxFileSize; the
// command uses it too, for a file it refuses from its size alone.
func TooLargeMessage(size int64) string {
	return fmt.Sprintf("tệp quá lớn (%s); tệp hồ sơ chỉ được tối đa %s", sizeText(size), sizeText(MaxFileSize))
}

// sizeText formats a size in bytes for a person.
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".0 ", " ", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// checkDepth refuses arrays and inline tables nested deeper than MaxDepth
// before the text is parsed: the TOML parser takes time quadratic in the
// depth of inline tables. Strings and comments are skipped; table headers
// ([a], [[a]]) count as nesting too, which never reaches the limit.
func checkDepth(src string) *Problem {
	depth := 0
	for i := 0; i < len(src); i++ {
		switch c := src[i]; c {
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
		case '"', '\'':
			i = stringEnd(src, i) - 1
		case '[', '{':
			depth++
			if depth > MaxDepth {
				return &Problem{
					Pos:  newScanner(src).pos(i, i+1),
					Key:  KeyTooDeep,
					Msg:  fmt.Sprintf("danh sách hoặc bảng lồng nhau quá %d tầng", MaxDepth),
					Hint: "Tệp hồ sơ chỉ cần lồng vài tầng; kiểm tra các dấu [ ] và { } có đóng đúng chỗ không.",
				}
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return nil
}

// stringEnd returns the offset just after the string starting at src[i]
// (a quote), or the end of its line for a single-line string that is not
// closed (the parser reports it).
func stringEnd(src string, i int) int {
	q := src[i]
	escapes := q == '"'
	if strings.HasPrefix(src[i:], strings.Repeat(string(q), 3)) {
		delim := strings.Repeat(string(q), 3)
		for j := i + 3; j < len(src); j++ {
			if escapes && src[j] == '\\' {
				j++
				continue
			}
			if strings.HasPrefix(src[j:], delim) {
				for j+3 < len(src) && src[j+3] == q {
					j++ // up to two quotes before the delimiter belong to the string
				}
				return j + 3
			}
		}
		return len(src)
	}
	for j := i + 1; j < len(src); j++ {
		switch {
		case escapes && src[j] == '\\':
			j++
		case src[j] == q:
			return j + 1
		case src[j] == '\n':
			return j
		}
	}
	return len(src)
}

// checkText returns the problem with a string value, if any: longer than
// MaxTextLen, or holding a character that has no place in a document.
//
// Tab, line feed and carriage return are allowed (a line feed becomes a
// line break in the document). Other C0 and C1 control characters,
// U+FFFE, U+FFFF and broken UTF-8 are refused with key "control-char":
// XML cannot carry most of them and none prints. Zero-width characters
// (U+200B–U+200D, U+2060, U+FEFF) inside a text are refused with key
// "invisible-char" rather than dropped silently: they come from text
// pasted from web pages, split words where they should not, and the
// clerk should see what the documents will hold. At the edges of a value
// they are trimmed with the white space (see [vn.Clean]). U+FFFD, the mark a
// failed conversion leaves for a lost character, is refused with key
// "replacement-char": the text must be typed again.
func checkText(s string) (key, msg, hint string) {
	if n := utf8.RuneCountInString(s); n > MaxTextLen {
		return KeyTooLong, fmt.Sprintf("văn bản dài %d ký tự, quá giới hạn %d ký tự của một trường", n, MaxTextLen),
			"Văn bản dài nên tách thành nhiều đoạn (danh sách [\"đoạn 1\", \"đoạn 2\"]); kiểm tra xem có dán nhầm cả một tệp không."
	}
	n := 0
	for i, r := range s {
		n++
		w := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, w = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20 || r >= 0x7f && r <= 0x9f:
			return KeyControlChar, fmt.Sprintf("có ký tự điều khiển U+%04X (ký tự vô hình, không in được) ở ký tự thứ %d%s", r, n, where(s, i)),
				"Ký tự này thường lẫn vào khi sao chép từ chương trình khác; hãy xóa đoạn đó rồi gõ lại."
		case r == 0xFFFE || r == 0xFFFF || r == utf8.RuneError && w == 1:
			return KeyControlChar, fmt.Sprintf("có ký tự không hợp lệ U+%04X ở ký tự thứ %d%s; tệp Word không chứa được ký tự này", r, n, where(s, i)),
				"Hãy xóa đoạn đó rồi gõ lại."
		case r == utf8.RuneError:
			return KeyReplacement, fmt.Sprintf("có ký tự thay thế U+FFFD (�) ở ký tự thứ %d%s: chữ ở đây đã bị hỏng khi chuyển bảng mã hoặc sao chép", n, where(s, i)),
				"Hãy gõ lại đoạn đó (dấu � đứng thay cho một chữ đã mất)."
		case r >= 0x200B && r <= 0x200D || r == 0x2060 || r == 0xFEFF:
			return KeyInvisible, fmt.Sprintf("có ký tự vô hình U+%04X (%s) ở ký tự thứ %d%s", r, invisibleName(r), n, where(s, i)),
				"Ký tự này thường lẫn vào khi dán chữ từ trang web. Hãy xóa hai chữ cái hai bên nó rồi gõ lại."
		}
	}
	return "", "", ""
}

// where quotes up to ten characters of s before byte offset i, to help a
// person find an invisible character.
func where(s string, i int) string {
	before := []rune(s[:i])
	if len(before) == 0 {
		return ", ở đầu văn bản"
	}
	if len(before) > 10 {
		before = before[len(before)-10:]
	}
	return fmt.Sprintf(", ngay sau %q", string(before))
}

func invisibleName(r rune) string {
	switch r {
	case 0x200B:
		return "ZERO WIDTH SPACE"
	case 0x200C:
		return "ZERO WIDTH NON-JOINER"
	case 0x200D:
		return "ZERO WIDTH JOINER"
	case 0x2060:
		return "WORD JOINER"
	}
	return "ZERO WIDTH NO-BREAK SPACE"
}
