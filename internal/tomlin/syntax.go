package tomlin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/hoso-vn/hoso/internal/vn"
)

// bom is the UTF-8 byte order mark, which some Windows editors put at the
// start of a file.
const bom = "\ufeff"

// checkEncoding returns a problem if src is not UTF-8 text, naming the
// encoding it seems to be in: UTF-16 or UTF-32 (a byte order mark, or NUL
// bytes between the letters), TCVN3 or VNI (bytes of the legacy
// Vietnamese fonts), Windows-1258 or Windows-1252 (see vn.GuessEncoding).
func checkEncoding(src string) *Problem {
	if enc := utf16Like(src); enc != "" {
		return &Problem{ // no position: its lines would be unreadable
			Key:  KeyEncoding,
			Msg:  "tệp không phải UTF-8 (tệp đang ở dạng " + enc + ")",
			Hint: hintEncoding,
		}
	}
	if utf8.ValidString(src) {
		return nil
	}
	off := 0
	for off < len(src) {
		r, w := utf8.DecodeRuneInString(src[off:])
		if r == utf8.RuneError && w == 1 {
			break
		}
		off += w
	}
	ls := strings.LastIndexByte(src[:off], '\n') + 1
	msg, hint := fmt.Sprintf("tệp không phải UTF-8: byte 0x%02X không hợp lệ", src[off]), hintEncoding
	enc := ""
	if good, bad := utf8Counts(src); good < bad {
		// Mostly UTF-8 with a stray byte is UTF-8 with a stray byte.
		enc = vn.GuessEncoding([]byte(src))
	}
	switch enc {
	case vn.TCVN3, vn.VNI:
		msg += "; có vẻ tệp được gõ bằng bảng mã " + vn.LegacyLabel(enc)
		hint = vn.LegacyHint(enc) + "\nRồi lưu tệp với bảng mã UTF-8."
	case vn.Windows1258, vn.Windows1252:
		msg += "; có vẻ tệp đang ở bảng mã " + enc
	}
	return &Problem{
		Pos: Pos{
			Line: strings.Count(src[:off], "\n") + 1,
			Col:  utf8.RuneCountInString(src[ls:off]) + 1,
			Len:  1,
		},
		Key:  KeyEncoding,
		Msg:  msg,
		Hint: hint,
	}
}

// utf8Counts counts the characters of src written with several bytes in
// valid UTF-8 and the bytes that are not valid UTF-8.
func utf8Counts(src string) (good, bad int) {
	for i := 0; i < len(src); {
		r, w := utf8.DecodeRuneInString(src[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			bad++
		case w > 1:
			good++
		}
		i += w
	}
	return good, bad
}

// utf16Like names the encoding of a text in UTF-16 or UTF-32: by its byte
// order mark, or by NUL bytes at every other (fourth) position, which is
// how letters look in UTF-16 (UTF-32). It returns "" for other texts.
func utf16Like(src string) string {
	switch {
	case strings.HasPrefix(src, "\xff\xfe\x00\x00"):
		return "UTF-32"
	case strings.HasPrefix(src, "\x00\x00\xfe\xff"):
		return "UTF-32"
	case strings.HasPrefix(src, "\xff\xfe"), strings.HasPrefix(src, "\xfe\xff"):
		return "UTF-16"
	}
	head := src[:min(len(src), 4096)]
	nuls := strings.Count(head, "\x00")
	if len(head) < 4 || nuls*4 < len(head) {
		return "" // a stray NUL is left to the parser
	}
	var at [4]int
	for i := 0; i < len(head); i++ {
		if head[i] == 0 {
			at[i%4]++
		}
	}
	if nuls*4 >= len(head)*2 && (at[0]+at[1] == 0 || at[2]+at[3] == 0 || at[1]+at[2] == 0 || at[0]+at[3] == 0) {
		return "UTF-32 (không có BOM)"
	}
	return "UTF-16 (không có BOM)"
}

const hintEncoding = "Hãy lưu lại tệp với bảng mã UTF-8 (ví dụ trong Notepad: File → Save As → Encoding: UTF-8)."

// syntaxProblem turns a BurntSushi/toml parse error on src into a Problem.
func syntaxProblem(pe toml.ParseError, src string) Problem {
	msg, hint := translate(pe.Message, src, pe.Position.Start)
	return Problem{
		Pos:  syntaxPos(pe, src),
		Key:  KeySyntax,
		Msg:  visible(msg),
		Hint: visible(hint),
	}
}

// visible shows the control characters a parser message may quote (the
// parser reports the end of input as U+0000) as their pictures: ␀, ␁…
// Line feeds and tabs are kept.
func visible(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20:
			return 0x2400 + r
		case r == 0x7f:
			return 0x2421
		case r >= 0x80 && r <= 0x9f:
			return '\uFFFD'
		}
		return r
	}, s)
}

// syntaxPos computes a character-based position from the byte range of a
// parse error. BurntSushi/toml sometimes marks the whole token read so far;
// for escapes the interesting part is the last backslash, and for a token
// that spans lines (a multi-line string) its end.
func syntaxPos(pe toml.ParseError, src string) Pos {
	if src == "" {
		return Pos{Line: 1, Col: 1, Len: 1}
	}
	start := min(max(pe.Position.Start, 0), len(src)-1)
	end := min(start+max(pe.Position.Len, 1), len(src))
	span := src[start:end]
	switch {
	case hexEscapeRe.MatchString(pe.Message):
		esc := hexEscapeRe.FindStringSubmatch(pe.Message)[1]
		if k := strings.LastIndex(span, esc); k >= 0 {
			start += k
		}
	case strings.Contains(pe.Message, "escape"):
		if k := strings.LastIndexByte(span, '\\'); k >= 0 {
			start += k
		}
	case gotRuneRe.MatchString(pe.Message):
		// Point at the unexpected character itself, not at the blanks
		// before it.
		if r, err := strconv.Unquote(gotRuneRe.FindStringSubmatch(pe.Message)[1]); err == nil {
			if k := strings.Index(span, r); k >= 0 {
				start += k
			}
		}
		end = start + 1
	case strings.Contains(pe.Message, "control characters"):
		for k := start; k < len(src); k++ {
			if c := src[k]; (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f {
				start, end = k, k+1
				break
			}
		}
	case strings.Contains(strings.TrimRight(span, "\r\n"), "\n"):
		start = end - 1
	}
	for end > start+1 && (src[end-1] == ' ' || src[end-1] == '\t') {
		end-- // a date lexed as a possible "date time" takes a blank along
	}
	if end <= start {
		end = start + 1
	}
	return newScanner(src).pos(start, end)
}

// hexEscapeRe matches the message for a bad \x, \u or \U escape.
var hexEscapeRe = regexp.MustCompile(`hexadecimal digits after '(\\[xuU])'`)

// gotRuneRe matches the unexpected character in a message.
var gotRuneRe = regexp.MustCompile(`but got ('(?:[^'\\]|\\.[^']*)')`)

// A translation maps a BurntSushi/toml message to Vietnamese. The function
// gets the regexp submatches, the source and the error offset, and returns
// the message and an optional hint.
type translation struct {
	re *regexp.Regexp
	fn func(m []string, src string, at int) (msg, hint string)
}

// tr builds a translation that ignores the source.
func tr(pattern, format, hint string, groups ...int) translation {
	return translation{regexp.MustCompile(pattern), func(m []string, _ string, _ int) (string, string) {
		args := make([]any, len(groups))
		for i, g := range groups {
			args[i] = m[g]
		}
		return fmt.Sprintf(format, args...), hint
	}}
}

const (
	hintQuote = `Văn bản phải đặt trong dấu ngoặc kép, ví dụ: ho_ten = "Nguyễn Văn A"`

	hintEscape = `Trong chuỗi đặt giữa dấu ngoặc kép, dấu \ bắt đầu một ký tự thoát
(\n, \t, \", \\, \uXXXX...). Để viết chính dấu \, hãy:
- viết hai lần: "C:\\Hồ sơ", hoặc
- dùng dấu nháy đơn, trong đó \ không có nghĩa đặc biệt: 'C:\Hồ sơ', hoặc
- dùng dấu / thay cho \: "C:/Hồ sơ".`

	hintStringNL = `Chuỗi trong dấu ngoặc kép phải nằm trên một dòng. Kiểm tra xem đã đóng dấu " chưa.
Để viết văn bản nhiều dòng, dùng ba dấu ngoặc kép:
    noi_dung = """Dòng thứ nhất
    Dòng thứ hai"""`

	hintDate = `Ngày tháng viết theo dạng NĂM-THÁNG-NGÀY, đủ hai chữ số cho tháng và ngày,
không có dấu ngoặc kép, ví dụ: ngay_sinh = 1985-03-12
Ngày giờ: 2026-01-15T08:30:00, giờ: 08:30:00.`

	hintInt = `Số quá lớn. Nếu đây là mã số (CCCD, số điện thoại, mã số thuế...),
hãy đặt trong dấu ngoặc kép, ví dụ: so_cccd = "001085012345"`

	hintLeadingZero = `Nếu đây là mã số (CCCD, số điện thoại, mã số thuế...), hãy đặt trong dấu
ngoặc kép để giữ số 0 ở đầu, ví dụ: so_cccd = "001085012345"`

	hintKeySpace = `Tên khóa không được chứa dấu cách; dùng dấu gạch dưới, ví dụ: ho_ten = "..."`

	hintSyntax = `Mỗi dòng viết một khóa = giá trị, ví dụ: ho_ten = "Nguyễn Văn A"; bảng viết [ten_bang].
Xem tệp mẫu do lệnh "hoso init" viết ra.`

	hintNumber = `Số viết bằng chữ số thập phân, không có dấu cách hay chữ cái, ví dụ: so = 12.
Nếu đây là mã số hay văn bản, hãy đặt trong dấu ngoặc kép: "0x12".`

	hintFloat = "Số thực viết như 1.5 hoặc 2.0 (có chữ số ở cả hai phía dấu chấm)."

	hintUnderscore = "Dấu gạch dưới trong số chỉ được đứng giữa hai chữ số, ví dụ 1_000; tốt nhất bỏ hẳn: 1000."

	hintUnicodeEscape = `\uXXXX phải là mã của một ký tự có thật; tốt nhất gõ thẳng ký tự đó thay cho mã.`
)

// keyCharHint explains why the character r cannot be in the name of a
// key or a table (what is "khóa" or "bảng"), and what to do.
func keyCharHint(r rune, what string) string {
	switch {
	case r == ' ' || r == '\t':
		return strings.ReplaceAll(hintKeySpace, "khóa", what)
	case r < utf8.RuneSelf:
		return fmt.Sprintf("Tên %s chỉ gồm chữ cái Latinh không dấu, chữ số, dấu _ và dấu -; nếu đây là giá trị, hãy viết dấu = trước nó.", what)
	case unicode.Is(unicode.Latin, r):
		return fmt.Sprintf("Tên %s viết không dấu: %q thay cho %q, ví dụ ho_ten, ngay_sinh.", what, vn.ASCII(string(r)), string(r))
	case unicode.IsLetter(r):
		return fmt.Sprintf("Chữ %q (U+%04X) là %s, trông giống chữ Latinh nhưng không phải. "+
			"Tên %s chỉ gồm chữ cái Latinh không dấu, chữ số, dấu _ và dấu -: hãy xóa rồi gõ lại tên %s "+
			"bằng bàn phím tiếng Anh (tắt bộ gõ tiếng Việt).", string(r), r, vn.ScriptName(r), what, what)
	}
	return fmt.Sprintf("Tên %s chỉ gồm chữ cái Latinh không dấu, chữ số, dấu _ và dấu -; hãy xóa ký tự %q (U+%04X).", what, string(r), r)
}

// gotRune returns the character a parser message quotes as 'x', or 0.
func gotRune(quoted string) rune {
	s, err := strconv.Unquote(quoted)
	if err != nil {
		return 0
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

var translations = []translation{
	tr(`^unexpected EOF; expected value$`, "tệp kết thúc khi còn thiếu giá trị", `Sau dấu = phải có giá trị, ví dụ: ho_ten = "Nguyễn Văn A"`),
	{regexp.MustCompile(`^expected value but found (.*) instead$`), func(m []string, _ string, _ int) (string, string) {
		switch m[1] {
		case `'\n'`, `'\r'`, `'#'`:
			return "thiếu giá trị sau dấu '='", `Ví dụ: ho_ten = "Nguyễn Văn A", so_luong = 3, ngay_ky = 2026-01-15`
		case `"True"`, `"TRUE"`, `"False"`, `"FALSE"`:
			return "cần một giá trị nhưng gặp " + m[1], "Giá trị đúng/sai viết bằng chữ thường: true hoặc false"
		}
		return "cần một giá trị nhưng gặp " + m[1], hintQuote
	}},
	tr(`^unexpected EOF; expected '"'$`, `chuỗi chưa được đóng: thiếu dấu " ở cuối`, `Thêm dấu " ở cuối văn bản, trên cùng dòng.`),
	tr(`^unexpected EOF; expected "'"$`, `chuỗi chưa được đóng: thiếu dấu ' ở cuối`, `Thêm dấu ' ở cuối văn bản, trên cùng dòng.`),
	tr(`^unexpected EOF; expected '"""'$`, `chuỗi nhiều dòng chưa được đóng: thiếu """ ở cuối`, `Thêm ba dấu ngoặc kép """ ở cuối văn bản.`),
	tr(`^unexpected EOF; expected "'''"$`, `chuỗi nhiều dòng chưa được đóng: thiếu ''' ở cuối`, `Thêm ba dấu nháy đơn ''' ở cuối văn bản.`),
	tr(`^strings cannot contain newlines$`, `chuỗi chưa được đóng trên cùng dòng (chuỗi trong dấu ngoặc không được xuống dòng)`, hintStringNL),
	tr(`^unexpected ('""""""'|"''''''")$`, "có quá nhiều dấu ngoặc liên tiếp: %s",
		`Chuỗi nhiều dòng kết thúc bằng đúng ba dấu ngoặc; bớt dấu thừa, hoặc viết dấu " bên trong chuỗi là \".`, 1),
	{regexp.MustCompile(`^invalid datetime: "(.*)"$`), func(m []string, _ string, _ int) (string, string) {
		return "ngày giờ không hợp lệ: " + m[1], dateHint(m[1])
	}},
	tr(`^Key '(.*)' has already been defined\.$`, `khóa bị lặp: "%s" đã được khai báo trước đó`,
		"Mỗi khóa chỉ được khai báo một lần trong một bảng; hãy xóa hoặc đổi tên một trong hai.", 1),
	tr(`^Key '(.*)' was already created as a hash\.$`, `khóa bị lặp: "%s" đã được khai báo trước đó, không thể khai báo lại thành bảng`,
		"Mỗi khóa hoặc bảng chỉ được khai báo một lần; hãy xóa hoặc đổi tên một trong hai.", 1),
	tr(`^Key '(.*)' was already created and cannot be used as an array\.$`,
		`khóa bị lặp: "%s" đã được khai báo, không thể dùng làm danh sách bảng [[...]]`,
		"Danh sách bảng [[...]] không được trùng tên với một bảng [...] hay một khóa đã có.", 1),
	tr(`^invalid escape in string '(.*)'$`, `ký tự thoát không hợp lệ trong chuỗi: %s`, hintEscape, 1),
	tr(`^invalid escape: '(.*)'$`, `ký tự thoát không hợp lệ trong chuỗi: %s`, hintEscape, 1),
	tr(`^expected (two|four|eight) hexadecimal digits after '(.*)', but got (.*) instead$`,
		`ký tự thoát không hợp lệ trong chuỗi: sau %s cần mã số thập lục phân`, hintEscape, 2),
	tr(`^Escaped character '(.*)' is not valid UTF-8\.$`, "mã ký tự %s không ứng với ký tự nào", hintUnicodeEscape, 1),
	tr(`^files cannot contain NULL bytes`, "tệp chứa byte NULL; có lẽ tệp đang ở dạng UTF-16, không phải UTF-8", hintEncoding),
	tr(`^TOML files cannot contain control characters: '(0x..)'$`,
		"tệp chứa ký tự điều khiển %s (ký tự vô hình, thường do sao chép từ chương trình khác)",
		"Hãy xóa ký tự đó rồi gõ lại đoạn văn bản.", 1),
	{regexp.MustCompile(`^expected a top-level item to end with a newline, comment, or EOF, but got (.*) instead$`),
		func(m []string, src string, at int) (string, string) {
			msg := "sau giá trị chỉ được có chú thích (#) rồi xuống dòng, nhưng gặp " + m[1]
			line := lineAround(src, at)
			switch {
			case m[1] == "'/'" && dmyRe.MatchString(line):
				return msg, `Ngày tháng viết dạng 1985-03-12 (không có dấu ngoặc kép) hoặc đặt trong dấu ngoặc kép: "12/03/1985"`
			case m[1] == "','" && at > 0 && at+1 < len(src) && isDigit(src[at-1]) && isDigit(src[at+1]):
				return msg, "Số thập phân dùng dấu chấm, không dùng dấu phẩy: 1.5 chứ không phải 1,5"
			}
			return msg, "Mỗi dòng chỉ chứa một khóa = giá trị; văn bản phải đặt trong dấu ngoặc kép."
		}},
	{regexp.MustCompile(`^expected '\.' or '=', but got (.*) instead$`), func(m []string, src string, at int) (string, string) {
		r := gotRune(m[1])
		if r >= utf8.RuneSelf && unicode.IsLetter(r) {
			return "tên khóa có chữ không hợp lệ " + m[1], keyCharHint(r, "khóa")
		}
		if key, _, _ := strings.Cut(lineAround(src, at), "="); strings.ContainsAny(strings.TrimSpace(key), " \t") {
			r = ' ' // a key of two words
		}
		return "cần dấu '=' sau tên khóa nhưng gặp " + m[1], keyCharHint(r, "khóa")
	}},
	tr(`^unexpected EOF; expected key separator '='$`, "tệp kết thúc khi còn thiếu dấu '=' sau tên khóa",
		`Viết khóa = giá trị, ví dụ: ho_ten = "Nguyễn Văn A"`),
	tr(`^unexpected '=': key name appears blank$`, "thiếu tên khóa trước dấu '='", `Viết tên khóa trước dấu =, ví dụ: ho_ten = "Nguyễn Văn A"`),
	tr(`^unexpected '\.': keys cannot start with a '\.'$`, "tên khóa không được bắt đầu bằng dấu chấm", "Hãy xóa dấu chấm ở đầu tên khóa."),
	tr(`^unexpected '='$`, "dấu '=' không đúng chỗ",
		"Mỗi dòng chỉ có một dấu = giữa tên khóa và giá trị; văn bản có dấu = phải đặt trong dấu ngoặc kép."),
	tr(`^unexpected '\.'$`, "dấu chấm không đúng chỗ", "Tên khóa nhiều phần viết a.b, không có dấu chấm thừa; số thập phân viết 1.5."),
	{regexp.MustCompile(`^expected a comma \(','\) or array terminator \(']'\), but got (.*)$`), func(m []string, _ string, _ int) (string, string) {
		return "trong danh sách cần dấu phẩy ',' hoặc dấu ']' nhưng gặp " + gotText(m[1]),
			"Các phần tử cách nhau bằng dấu phẩy, danh sách kết thúc bằng ']': noi_nhan = [\"Như trên\", \"Lưu VT\"]"
	}},
	{regexp.MustCompile(`^expected a comma or an inline table terminator '}', but got (.*) instead$`), func(m []string, _ string, _ int) (string, string) {
		return "trong bảng nội tuyến cần dấu phẩy ',' hoặc dấu '}' nhưng gặp " + gotText(m[1]),
			"Các cặp khóa = giá trị trong { } cách nhau bằng dấu phẩy: { tan_thanh = 8, khong_tan_thanh = 0 }"
	}},
	tr(`^unexpected comma$`, "dấu phẩy không đúng chỗ", "Bỏ dấu phẩy thừa: các phần tử cách nhau bằng đúng một dấu phẩy."),
	tr(`^expected end of table array name delimiter '\]', but got (.*) instead$`,
		"tên danh sách bảng phải đóng bằng ']]' nhưng gặp %s", "Danh sách bảng viết [[ten]], ví dụ [[de_nghi]].", 1),
	tr(`^unexpected end of table name \(table names cannot be empty\)$`, "tên bảng không được để trống",
		"Viết tên bảng giữa hai dấu ngoặc vuông, ví dụ [co_quan]."),
	tr(`^unexpected table separator \(table names cannot be empty\)$`, "tên bảng không được để trống",
		"Viết tên bảng giữa hai dấu ngoặc vuông, ví dụ [co_quan]."),
	{regexp.MustCompile(`^expected '\.' or '\]' to end table name, but got (.*) instead$`), func(m []string, src string, at int) (string, string) {
		r := gotRune(m[1])
		if name, _, _ := strings.Cut(lineAround(src, at), "]"); strings.ContainsAny(strings.Trim(name, "[ \t"), " \t") {
			r = ' ' // a table name of two words
		}
		return "tên bảng phải đóng bằng ']' nhưng gặp " + m[1], keyCharHint(r, "bảng")
	}},
	tr(`^Invalid integer "(.*)": cannot have leading zeroes$`, "số nguyên không được bắt đầu bằng số 0: %s", hintLeadingZero, 1),
	tr(`^Invalid (?:integer|float) "(.*)": underscores must be surrounded by digits$`, "số không hợp lệ: %s", hintUnderscore, 1),
	tr(`^(.*) is out of range for (int64|float64)$`, "số %s vượt quá giới hạn cho phép", hintInt, 1),
	tr(`^Invalid float "(.*)"`, "số thực không hợp lệ: %s", hintFloat, 1),
	tr(`^Invalid float value: "(.*)"$`, "số thực không hợp lệ: %s", hintFloat, 1),
	tr(`^invalid float: '(.*)'$`, "số thực không hợp lệ: %s", hintFloat, 1),
	tr(`^floats must start with a digit, not '\.'$`, "số thực phải bắt đầu bằng chữ số, không phải dấu chấm", "Ví dụ: 0.5 chứ không phải .5"),
	tr(`^expected a digit but got (.*)$`, "cần chữ số nhưng gặp %s", hintNumber, 1),
	tr(`^cannot use sign with non-decimal numbers: '(.*)'$`, "số viết theo hệ 16, 8 hay 2 không được có dấu + hay -: %s", hintNumber, 1),
	tr(`(?s)^not an? (?:binary|octal|hexadecimal) number: '(.*?)\s*'$`, "số không hợp lệ: %s", hintNumber, 1),
}

// gotText is what a parser message says it met: a quoted character, or
// "end of file".
func gotText(s string) string {
	if s == "end of file" {
		return "cuối tệp"
	}
	return s
}

// dmyRe matches a date written as dd/mm/yyyy.
var dmyRe = regexp.MustCompile(`\b\d{1,2}/\d{1,2}/\d{4}\b`)

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// lineAround returns the source line containing offset at.
func lineAround(src string, at int) string {
	at = min(max(at, 0), len(src))
	start := strings.LastIndexByte(src[:at], '\n') + 1
	end := strings.IndexByte(src[at:], '\n')
	if end < 0 {
		return src[start:]
	}
	return src[start : at+end]
}

// translate returns the Vietnamese message and hint for a BurntSushi/toml
// error message. A message the table does not know (from a newer version
// of the parser) gets a general one: the parser's English never reaches a
// clerk, and the position still shows where.
func translate(msg, src string, at int) (string, string) {
	for _, t := range translations {
		if m := t.re.FindStringSubmatch(msg); m != nil {
			return t.fn(m, src, at)
		}
	}
	return "lỗi cú pháp TOML", hintSyntax
}

// dateHint explains why a date like 2026-02-30 is invalid.
var ymdRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})`)

func dateHint(v string) string {
	m := ymdRe.FindStringSubmatch(v)
	if m == nil {
		return hintDate
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	switch {
	case len(m[2]) < 2 || len(m[3]) < 2:
		return "Tháng và ngày phải đủ hai chữ số, ví dụ 1985-03-02 chứ không phải 1985-3-2."
	case mo < 1 || mo > 12:
		return fmt.Sprintf("Không có tháng %d; ngày tháng viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 1985-03-12.", mo)
	case d < 1 || d > daysIn(y, mo):
		return fmt.Sprintf("Tháng %d năm %d chỉ có %d ngày.", mo, y, daysIn(y, mo))
	}
	return hintDate
}

// daysIn returns the number of days of month mo of year y.
func daysIn(y, mo int) int {
	return time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
