package tomlin

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Pos is a position in the TOML source, as a person counts it: Line and Col
// are 1-based, Col counts characters (Unicode code points, a tab counts as
// one) from the start of the line, not bytes. Len is the length in characters
// of the token at that position (a key, a value, a table header) when known,
// limited to the end of its line; 0 means unknown, and carets then mark a
// single character. The zero Pos means "unknown position".
type Pos struct {
	Line, Col, Len int
}

// IsZero reports whether p is the unknown position.
func (p Pos) IsZero() bool { return p.Line == 0 }

// String formats p as "LINE:COL", or "" for the unknown position.
func (p Pos) String() string {
	if p.IsZero() {
		return ""
	}
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Col)
}

// before orders positions; unknown positions sort last.
func (p Pos) before(q Pos) bool {
	switch {
	case p.IsZero():
		return false
	case q.IsZero():
		return true
	case p.Line != q.Line:
		return p.Line < q.Line
	default:
		return p.Col < q.Col
	}
}

// Message keys used by this package for [Problem.Key].
const (
	KeySyntax     = "syntax"      // the text is not valid TOML
	KeyEncoding   = "encoding"    // the file is not UTF-8
	KeyUnknownKey = "unknown-key" // a key the target struct does not know
	KeyType       = "type"        // a value of the wrong TOML type
	KeyRange      = "range"       // a number outside the range of the field
	KeyValue      = "value"       // rejected by an Unmarshaler
)

// Problem is one thing wrong in the input, located for a person.
type Problem struct {
	Path string // field path with 1-based indices, "" for syntax errors
	Pos  Pos    // where in the source; zero if unknown
	Key  string // stable message key for tests and callers, see KeySyntax etc.
	Msg  string // Vietnamese message (without the path)
	Hint string // optional Vietnamese hint ("Có phải ý bạn là ...", usage)
}

// String formats the problem on one line as "LINE:COL: PATH: MSG", leaving
// out the parts that are unknown or empty.
func (p Problem) String() string {
	var b strings.Builder
	if !p.Pos.IsZero() {
		b.WriteString(p.Pos.String())
		b.WriteString(": ")
	}
	if p.Path != "" {
		b.WriteString(p.Path)
		b.WriteString(": ")
	}
	b.WriteString(p.Msg)
	return b.String()
}

// Problems is a list of problems found in one input. It implements error;
// use [Problems.Err] to get a nil error for an empty list.
type Problems []Problem

// Add appends a problem; it is meant for callers' own validation, typically
// with pos taken from [Index.Find] or [Index.FindValue].
func (ps *Problems) Add(path string, pos Pos, key, msg, hint string) {
	*ps = append(*ps, Problem{Path: path, Pos: pos, Key: key, Msg: msg, Hint: hint})
}

// Has reports whether some problem concerns path or a path inside it
// (path[2], path.key...). Callers use it to skip their own validation of
// values that could not be decoded.
func (ps Problems) Has(path string) bool {
	for _, p := range ps {
		if p.Path == path || (strings.HasPrefix(p.Path, path) && len(p.Path) > len(path) &&
			(p.Path[len(path)] == '.' || p.Path[len(path)] == '[')) {
			return true
		}
	}
	return false
}

// Err returns ps as an error, or nil if there are no problems.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Keys returns the message keys of the problems in order; handy in tests.
func (ps Problems) Keys() []string {
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.Key
	}
	return keys
}

// Sorted returns a copy of ps ordered by position, problems without a
// position last; the order of problems at the same position is kept.
func (ps Problems) Sorted() Problems {
	out := append(Problems(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Pos.before(out[j].Pos) })
	return out
}

// Error returns one line per problem (see [Problem.String]), sorted by
// position.
func (ps Problems) Error() string {
	lines := make([]string, 0, len(ps))
	for _, p := range ps.Sorted() {
		lines = append(lines, p.String())
	}
	return strings.Join(lines, "\n")
}

// hintLabel starts the hint line of a rendered problem.
const hintLabel = "Gợi ý: "

// Render writes every problem, sorted by position (problems without a
// position last), separated by blank lines, as
//
//	FILE:LINE:COL: PATH: MSG
//	    LINE-1 | previous source line
//	    LINE   | offending source line
//	           |      ^^^^
//	    Gợi ý: HINT
//
// The carets are under the key or value concerned, as long as its token when
// that is known. Tabs are expanded to 8 columns and combining marks take no
// room, so the carets line up with the text in a terminal; invisible
// characters (bidirectional controls, zero-width ones) are shown escaped. A problem without
// a position prints as "FILE: PATH: MSG"; a syntax problem has no PATH part.
// src must be the bytes given to [Decode]; a leading byte order mark and CR
// line endings are handled as Decode handles them. A source line longer
// than 160 characters is quoted around the position only. After the first
// 100 problems, one line counts the rest.
func (ps Problems) Render(w io.Writer, filename string, src []byte) error {
	text := strings.TrimPrefix(string(src), bom)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.Map(func(r rune) rune {
			if r != '\t' && unicode.IsControl(r) {
				return '\uFFFD'
			}
			return r
		}, strings.ToValidUTF8(strings.TrimSuffix(l, "\r"), "\uFFFD"))
	}
	var b strings.Builder
	for i, p := range ps.Sorted() {
		if i == maxRendered {
			fmt.Fprintf(&b, "\n… và %d lỗi khác; hãy sửa các lỗi trên rồi chạy lại để xem tiếp.\n", len(ps)-i)
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		if filename != "" {
			b.WriteString(filename)
			b.WriteString(":")
			if p.Pos.IsZero() {
				b.WriteString(" ")
			}
		}
		b.WriteString(p.String())
		b.WriteByte('\n')
		if !p.Pos.IsZero() && p.Pos.Line <= len(lines) {
			renderContext(&b, lines, p.Pos)
		}
		if p.Hint != "" {
			indent := "    " + strings.Repeat(" ", len([]rune(hintLabel)))
			for j, l := range strings.Split(strings.TrimRight(p.Hint, "\n"), "\n") {
				switch {
				case j == 0:
					b.WriteString("    " + hintLabel + l)
				case l == "":
				default:
					b.WriteString(indent + l)
				}
				b.WriteByte('\n')
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// renderContext writes the line before pos, the line of pos and the carets.
func renderContext(b *strings.Builder, lines []string, pos Pos) {
	width := len(strconv.Itoa(pos.Line))
	gutter := func(n int, text string) {
		fmt.Fprintf(b, "    %*d |", width, n)
		if text != "" {
			b.WriteString(" ")
			b.WriteString(text)
		}
		b.WriteByte('\n')
	}
	line, pos := window(lines[pos.Line-1], pos)
	if pos.Line > 1 {
		prev, _ := window(lines[pos.Line-2], Pos{Col: 1})
		gutter(pos.Line-1, printable(prev))
	}
	gutter(pos.Line, printable(line))

	// Visual column of the caret start and visual width of the token.
	col, span := 0, 0
	n := 0
	for _, r := range line {
		n++
		w := runeWidth(r, col+span)
		switch {
		case n < pos.Col:
			col += w
		case n < pos.Col+max(pos.Len, 1):
			span += w
		}
	}
	if span < 1 {
		span = 1
	}
	fmt.Fprintf(b, "    %*s | %s%s\n", width, "", strings.Repeat(" ", col), strings.Repeat("^", span))
}

// maxRendered is the most problems Render shows: a file with thousands
// of them is better fixed from the first ones.
const maxRendered = 100

// maxShown is the most characters of a source line a message quotes.
const maxShown = 160

// window cuts a long source line to maxShown characters around pos,
// marking the cuts with "…", and moves pos onto the cut line.
func window(line string, pos Pos) (string, Pos) {
	rs := []rune(line)
	if len(rs) <= maxShown {
		return line, pos
	}
	start := min(max(pos.Col-1-40, 0), len(rs)-maxShown)
	end := start + maxShown
	out := string(rs[start:end]) + "…"
	pos.Col -= start
	if start > 0 {
		out = "…" + out
		pos.Col++
	}
	if pos.Col+pos.Len > maxShown+2 {
		pos.Len = max(maxShown+2-pos.Col, 1)
	}
	return out, pos
}

// runeWidth is the number of terminal columns r takes when printed (see
// printable) at column at (0-based).
func runeWidth(r rune, at int) int {
	if esc, ok := escaped(r); ok {
		return len(esc)
	}
	switch {
	case r == '\t':
		return 8 - at%8
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0
	default:
		return 1
	}
}

// escaped is how a quoted source line shows an invisible character (see
// invisible: format characters, bidirectional controls, default ignorable
// ones): as its escape, \u202e, so that the excerpt neither hides it nor
// lets it reorder the terminal's line.
func escaped(r rune) (string, bool) {
	switch {
	case !invisible(r):
		return "", false
	case r > 0xFFFF:
		return fmt.Sprintf("\\U%08x", r), true
	}
	return fmt.Sprintf("\\u%04x", r), true
}

// printable is a source line as a message quotes it: tabs replaced by
// spaces up to the next multiple of 8 columns, invisible characters by
// their escapes.
func printable(s string) string {
	var b strings.Builder
	col := 0
	for _, r := range s {
		w := runeWidth(r, col)
		if esc, ok := escaped(r); ok {
			b.WriteString(esc)
		} else if r == '\t' {
			b.WriteString(strings.Repeat(" ", w))
		} else {
			b.WriteRune(r)
		}
		col += w
	}
	return b.String()
}
