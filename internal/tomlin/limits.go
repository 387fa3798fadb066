package tomlin

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/unicode/runenames"
)

// Limits on what Decode accepts, so that a wrong or hostile file gets a
// clear message quickly instead of a long wait. A real submission is a few
// tens of kilobytes, with paragraphs of a few hundred characters, keys of
// at most twenty characters, values nested four deep and a few tables for
// each person proposed (at most 5 000 people: some 30 000 tables). The
// limits on keys, nesting and tables are checked by a pre-scan, before the
// TOML parser sees the text: its time grows with the square of the parts
// of a dotted key and of the depth of inline tables, and every table costs
// the decoder a struct (400 000 empty tables in 5 MB took 43 s).
const (
	MaxFileSize = 5 << 20 // bytes of a TOML file
	MaxTextLen  = 20000   // characters of one string value
	MaxDepth    = 16      // nesting: parts of a table header and of a dotted key, arrays, inline tables
	MaxKeyLen   = 100     // characters of one key (of one part of a dotted key)
	MaxTables   = 40000   // tables: headers [a] and [[a]], and inline tables { }
	MaxMarks    = 2       // combining marks on one letter, counted decomposed (NFD)
)

// Message keys of the limits and of the characters a string may not hold.
const (
	KeyTooLarge      = "too-large"        // the file is larger than MaxFileSize
	KeyTooDeep       = "too-deep"         // keys, tables and arrays nested deeper than MaxDepth
	KeyKeyTooLong    = "key-too-long"     // a key longer than MaxKeyLen
	KeyTooManyTables = "too-many-tables"  // more tables than MaxTables
	KeyLineEnds      = "line-ends"        // lines ended by a lone CR (old Mac OS)
	KeyTooLong       = "too-long"         // a string longer than MaxTextLen
	KeyControlChar   = "control-char"     // a control character or one XML cannot carry
	KeyInvisible     = "invisible-char"   // an invisible format character inside a text (zero-width, bidi control…)
	KeyReplacement   = "replacement-char" // U+FFFD, left where a conversion lost a character
	KeyMarks         = "combining-marks"  // more than MaxMarks combining marks on one letter, or a mark on no letter
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
	return fmt.Sprintf("tệp quá lớn (%s); tệp hồ sơ chỉ được tối đa %s", SizeText(size), SizeText(MaxFileSize))
}

// SizeText formats a size in bytes for a person: "5 MB", "41 KB".
func SizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.Replace(fmt.Sprintf("%.1f MB", float64(n)/(1<<20)), ".0 ", " ", 1)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}

// prescan walks the text once, before the TOML parser sees it, and returns
// the first of the problems the parser would take long over: a key longer
// than MaxKeyLen, or a value nested deeper than MaxDepth, counting the
// parts of the table header it is under, the parts of its dotted key and
// the arrays and inline tables around it. Strings and comments are
// skipped. The scan is lenient and linear: on text that is not valid TOML
// it measures what looks like keys and brackets and leaves the rest to the
// parser.
func prescan(src string) *Problem {
	p := &prescanner{src: src}
	return p.run()
}

// prescanner is the state of prescan.
type prescanner struct {
	src    string
	i      int      // current byte offset
	table  int      // depth of the values under the last table header
	open   []opened // the arrays and inline tables open at p.i, innermost last
	tables int      // tables met so far
}

// opened is an open array or inline table.
type opened struct {
	depth int  // depth of the values inside
	table bool // an inline table, where keys come; else an array
}

// keyStops are the bytes that cannot start or continue a bare key.
const keyStops = " \t\r\n.=[]#,{}\"'"

func (p *prescanner) run() *Problem {
	atKey := true // a key, or at top level a table header, may start at p.i
	cur := 0      // depth of the value being read
	for p.i < len(p.src) {
		c := p.src[p.i]
		if atKey {
			switch {
			case c == ' ' || c == '\t' || c == '\r' || c == '\n':
				p.i++
				continue
			case c == '#':
				p.skipComment()
				continue
			case c == '[' && len(p.open) == 0:
				if prob := p.countTable(); prob != nil {
					return prob
				}
				p.i++
				array := p.i < len(p.src) && p.src[p.i] == '['
				if array {
					p.i++
				}
				n, prob := p.key(0)
				if prob != nil {
					return prob
				}
				p.table = n
				atKey = false
				continue
			case c == '"' || c == '\'' || !strings.ContainsRune(keyStops, rune(c)):
				base := p.table
				if len(p.open) > 0 {
					base = p.open[len(p.open)-1].depth
				}
				n, prob := p.key(base)
				if prob != nil {
					return prob
				}
				cur, atKey = base+n, false
				continue
			}
			atKey = false
		}
		switch c {
		case '\n':
			atKey = len(p.open) == 0
			p.i++
		case '#':
			p.skipComment()
		case '"', '\'':
			p.i = stringEnd(p.src, p.i)
		case '[', '{':
			if cur+1 > MaxDepth {
				return p.tooDeep(p.i, p.i+1, fmt.Sprintf("danh sách hoặc bảng lồng nhau quá %d tầng", MaxDepth))
			}
			if c == '{' {
				if prob := p.countTable(); prob != nil {
					return prob
				}
			}
			cur++
			p.open = append(p.open, opened{cur, c == '{'})
			atKey = c == '{'
			p.i++
		case ']', '}':
			if n := len(p.open); n > 0 {
				p.open = p.open[:n-1]
			}
			if n := len(p.open); n > 0 {
				cur = p.open[n-1].depth
			}
			p.i++
		case ',':
			if n := len(p.open); n > 0 {
				atKey, cur = p.open[n-1].table, p.open[n-1].depth
			}
			p.i++
		default:
			p.i++
		}
	}
	return nil
}

// key measures the possibly dotted key at p.i, whose values lie base deep,
// and returns the number of its parts, or the problem with it.
func (p *prescanner) key(base int) (int, *Problem) {
	n := 0
	for {
		for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
			p.i++
		}
		start := p.i
		if p.i < len(p.src) && (p.src[p.i] == '"' || p.src[p.i] == '\'') {
			p.i = stringEnd(p.src, p.i)
		} else {
			for p.i < len(p.src) && !strings.ContainsRune(keyStops, rune(p.src[p.i])) {
				p.i++
			}
		}
		if p.i == start {
			return n, nil
		}
		n++
		name := p.src[start:p.i]
		if name[0] == '"' || name[0] == '\'' {
			name = strings.Trim(name, name[:1])
		}
		if l := utf8.RuneCountInString(name); l > MaxKeyLen {
			return n, &Problem{
				Pos: newScanner(p.src).pos(start, p.i),
				Key: KeyKeyTooLong,
				Msg: fmt.Sprintf("tên khóa dài %d ký tự, quá giới hạn %d ký tự", l, MaxKeyLen),
				Hint: "Tên khóa là các từ ngắn như ho_ten, ngay_sinh. Nếu đây là một giá trị, hãy viết " +
					"tên khóa và dấu = trước nó, và đặt văn bản trong dấu ngoặc kép: ten = \"...\"",
			}
		}
		if base+n > MaxDepth {
			return n, p.tooDeep(start, p.i, fmt.Sprintf("khóa có quá nhiều phần nối bằng dấu chấm: khóa, bảng và danh sách lồng nhau quá %d tầng", MaxDepth))
		}
		for p.i < len(p.src) && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
			p.i++
		}
		if p.i >= len(p.src) || p.src[p.i] != '.' {
			return n, nil
		}
		p.i++
	}
}

// countTable counts the table starting at p.i and returns the problem if
// it is one too many.
func (p *prescanner) countTable() *Problem {
	if p.tables++; p.tables <= MaxTables {
		return nil
	}
	return &Problem{
		Pos: newScanner(p.src).pos(p.i, p.i+1),
		Key: KeyTooManyTables,
		Msg: fmt.Sprintf("tệp có hơn %d bảng ([...], [[...]] hoặc { ... })", MaxTables),
		Hint: "Một hồ sơ thật chỉ có vài bảng cho mỗi đối tượng; kiểm tra xem có dán nhầm nhiều lần không, " +
			"hoặc tách thành nhiều tệp hồ sơ.",
	}
}

func (p *prescanner) skipComment() {
	if k := strings.IndexByte(p.src[p.i:], '\n'); k >= 0 {
		p.i += k
	} else {
		p.i = len(p.src)
	}
}

// tooDeep is the problem of something nested deeper than MaxDepth at the
// byte range [start, end).
func (p *prescanner) tooDeep(start, end int, msg string) *Problem {
	return &Problem{
		Pos: newScanner(p.src).pos(start, end),
		Key: KeyTooDeep,
		Msg: msg,
		Hint: "Tệp hồ sơ chỉ cần lồng vài tầng, như [[de_nghi.danh_hieu]] rồi nam = 2025; " +
			"kiểm tra các dấu [ ] và { } có đóng đúng chỗ không.",
	}
}

// checkLineEnds refuses lines ended by a lone carriage return, as the
// classic Mac OS wrote them: the TOML parser would see one long line
// holding control characters.
func checkLineEnds(src string) *Problem {
	at := -1
	for i := strings.IndexByte(src, '\r'); i >= 0 && i < len(src); i++ {
		if src[i] == '\r' && (i+1 == len(src) || src[i+1] != '\n') {
			at = i
			break
		}
	}
	if at < 0 {
		return nil
	}
	hint := "Hãy lưu lại tệp với kiểu xuống dòng Windows (CR LF) hoặc Unix (LF): trong Notepad++ chọn " +
		"Edit → EOL Conversion → Windows (CR LF) rồi lưu; trong Notepad chỉ cần mở và lưu lại."
	if !strings.Contains(src, "\n") {
		return &Problem{ // no position: the whole file is one line
			Key:  KeyLineEnds,
			Msg:  "tệp xuống dòng bằng ký tự CR đứng riêng (kiểu máy Mac cũ), hoso chỉ đọc được xuống dòng LF hoặc CR LF",
			Hint: hint,
		}
	}
	return &Problem{
		Pos:  newScanner(src).pos(at, at+1),
		Key:  KeyLineEnds,
		Msg:  "có ký tự CR (U+000D) đứng riêng, không liền trước ký tự xuống dòng LF: có lẽ một phần tệp được dán từ máy Mac cũ",
		Hint: hint,
	}
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
// XML cannot carry most of them and none prints. Invisible format
// characters inside a text are refused with key "invisible-char" rather
// than dropped silently: zero-width spaces and joiners (U+200B–U+200D,
// U+2060, U+FEFF), soft hyphens, the line and paragraph separators
// U+2028/U+2029 and the bidirectional controls (U+061C, U+200E/F,
// U+202A–U+202E, U+2066–U+2069; every character of Unicode category Cf,
// Zl or Zp). They come from text pasted from web pages and chats, split
// words where they should not, and the bidirectional ones reorder the
// letters on screen and in the PDF ("Võ Thị neyuD ỹM"): the clerk should
// see what the documents will hold. At the edges of a value the zero-width
// ones are trimmed with the white space (see [vn.Clean]). U+FFFD, the mark
// a failed conversion leaves for a lost character, is refused with key
// "replacement-char": the text must be typed again. The other default
// ignorable characters (see invisible) are refused with "invisible-char"
// too. More than MaxMarks combining marks on one letter, counted in the
// decomposed form (a Vietnamese letter carries at most two), and a mark
// at the start of the text or after white space are refused with key
// "combining-marks": stacked marks are drawn over the lines around them,
// and a mark on no letter hides what it stands on.
func checkText(s string) (key, msg, hint string) {
	if n := utf8.RuneCountInString(s); n > MaxTextLen {
		return KeyTooLong, fmt.Sprintf("văn bản dài %d ký tự, quá giới hạn %d ký tự của một trường", n, MaxTextLen),
			"Văn bản dài nên tách thành nhiều đoạn (danh sách [\"đoạn 1\", \"đoạn 2\"]); kiểm tra xem có dán nhầm cả một tệp không."
	}
	n, marks := 0, 0
	prev := rune(-1) // the character before, -1 at the start
	for i, r := range s {
		n++
		w := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, w = utf8.DecodeRuneInString(s[i:])
		}
		if key, msg, hint := checkRune(s, i, n, r, w); key != "" {
			return key, msg, hint
		}
		if isMark(r) && (prev < 0 || unicode.IsSpace(prev)) {
			return KeyMarks, fmt.Sprintf("có dấu phụ (dấu kết hợp) U+%04X không đứng trên chữ nào ở ký tự thứ %d%s", r, n, where(s, i)),
				"Dấu phụ phải đi sau chữ cái nó đánh dấu; dấu đứng đầu hay sau khoảng trắng lẫn vào khi sao chép. Hãy xóa rồi gõ lại bằng bộ gõ tiếng Việt."
		}
		prev = r
		if marks = countMarks(s[i:], r, marks); marks > MaxMarks {
			return KeyMarks, fmt.Sprintf("có hơn %d dấu phụ (dấu kết hợp) chồng lên một chữ ở ký tự thứ %d%s; chữ Việt không cần nhiều dấu như vậy", MaxMarks, n, where(s, i)),
				"Chữ này lẫn vào khi sao chép, hoặc cố ý làm rối văn bản. Hãy xóa chữ đó rồi gõ lại bằng bộ gõ tiếng Việt (Unikey, bảng mã Unicode)."
		}
	}
	return "", "", ""
}

// checkRune checks the character r, the n-th of s, at byte offset i and w
// bytes long.
func checkRune(s string, i, n int, r rune, w int) (key, msg, hint string) {
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
	case unicode.Is(unicode.Bidi_Control, r):
		return KeyInvisible, fmt.Sprintf("có ký tự vô hình điều khiển hướng chữ U+%04X (%s) ở ký tự thứ %d%s: nó đảo thứ tự các chữ khi hiển thị trong Word và PDF", r, runenames.Name(r), n, where(s, i)),
			"Ký tự này lẫn vào khi dán chữ từ trang web, tin nhắn hoặc văn bản tiếng Ả Rập. Hãy xóa cả đoạn chữ quanh nó rồi gõ lại."
	case invisible(r):
		return KeyInvisible, fmt.Sprintf("có ký tự vô hình U+%04X (%s) ở ký tự thứ %d%s", r, runenames.Name(r), n, where(s, i)),
			"Ký tự này thường lẫn vào khi dán chữ từ trang web. Hãy xóa hai chữ cái hai bên nó rồi gõ lại."
	}
	return "", "", ""
}

// invisible reports whether r prints nothing and is no white space: the
// format characters (Cf), the line and paragraph separators, the default
// ignorable code points (Unicode's Default_Ignorable_Code_Point: variation
// selectors, the combining grapheme joiner U+034F, the Hangul fillers,
// the Khmer inherent vowels U+17B4/5…) and the blank Braille pattern
// U+2800, which looks like a space but is none.
func invisible(r rune) bool {
	return unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp,
		unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector) || r == 0x2800
}

// isMark reports whether r is a combining mark.
func isMark(r rune) bool { return unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc) }

// countMarks returns how many combining marks in a row stand on the last
// letter once r, which starts rest, is added to a run of marks: counted in
// the decomposed form (NFD), so that a letter NFC composed with its marks
// ("á", "ệ") carries them on into the marks typed after it. A Vietnamese
// letter has at most two (ệ: e, circumflex, dot below).
func countMarks(rest string, r rune, marks int) int {
	d := norm.NFD.PropertiesString(rest).Decomposition()
	if d == nil {
		d = []byte(string(r))
	}
	for _, c := range string(d) {
		if isMark(c) {
			marks++
		} else {
			marks = 0
		}
	}
	return marks
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
