package tomlin

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Index records where things are defined in a TOML text, by field path (see
// the package documentation for the path syntax): for every key its key,
// for every inline array element its start, for every table and array of
// tables element its header. It is built by [Decode]; the zero Index knows no
// positions.
type Index struct {
	entries map[string]*entry
}

// entry holds the positions known for one path.
type entry struct {
	key      Pos  // the key, table header or array element
	val      Pos  // the value after '=' (or the element itself)
	implicit bool // key was only implied by a longer table header
}

// Find returns the position where path is defined: its key, its table header
// or, for an array element, the element start. If path has no position (for
// example a required field that is absent) it returns the position of the
// nearest ancestor that has one, so that the problem points at the enclosing
// table header; the zero Pos if none has.
func (ix *Index) Find(path string) Pos {
	return ix.find(path, false)
}

// FindValue is like [Index.Find] but prefers the position of the value
// assigned to path (after the '='), which is where a type error is best
// shown; it falls back to Find.
func (ix *Index) FindValue(path string) Pos {
	return ix.find(path, true)
}

// Paths returns every path that has a position, in source order.
func (ix *Index) Paths() []string {
	if ix == nil {
		return nil
	}
	paths := make([]string, 0, len(ix.entries))
	for p := range ix.entries {
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool {
		a, b := ix.entries[paths[i]].key, ix.entries[paths[j]].key
		if a != b {
			return a.before(b)
		}
		return paths[i] < paths[j]
	})
	return paths
}

func (ix *Index) find(path string, value bool) Pos {
	if ix == nil {
		return Pos{}
	}
	if e := ix.entries[path]; e != nil {
		if value && !e.val.IsZero() {
			return e.val
		}
		if !e.key.IsZero() {
			return e.key
		}
	}
	for _, p := range ancestors(path) {
		if e := ix.entries[p]; e != nil && !e.key.IsZero() {
			return e.key
		}
	}
	return Pos{}
}

// ancestors returns the proper prefixes of a field path that are paths
// themselves, longest first: a.b[2].c gives a.b[2], a.b, a.
func ancestors(path string) []string {
	var cuts []int
	for i := 0; i < len(path); {
		switch path[i] {
		case '.':
			cuts = append(cuts, i)
			i++
		case '[':
			if i > 0 {
				cuts = append(cuts, i)
			}
			j := strings.IndexByte(path[i:], ']')
			if j < 0 {
				i = len(path)
			} else {
				i += j + 1
			}
		case '"':
			i++
			for i < len(path) && path[i] != '"' {
				if path[i] == '\\' {
					i++
				}
				i++
			}
			i++
		default:
			i++
		}
	}
	out := make([]string, 0, len(cuts))
	for k := len(cuts) - 1; k >= 0; k-- {
		out = append(out, path[:cuts[k]])
	}
	return out
}

// PathKey returns the path of key name inside the table at path parent
// ("" for the root), quoting name if it is not a plain key.
func PathKey(parent, name string) string {
	if !plainKey(name) {
		name = strconv.Quote(name)
	}
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// PathIndex returns the path of the element with 1-based index i of the
// array at path parent.
func PathIndex(parent string, i int) string {
	return parent + "[" + strconv.Itoa(i) + "]"
}

// plainKey reports whether a key can be written in a path without quotes.
func plainKey(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.In(r, unicode.Mn) || r == '_' || r == '-') {
			return false
		}
	}
	return true
}

// buildIndex scans a TOML text that BurntSushi/toml has accepted and records
// the positions of its keys, headers and array elements. The scanner is
// lenient: it relies on the text being valid and never fails; should it meet
// something it does not understand it keeps what it has indexed so far.
func buildIndex(src string) (ix *Index) {
	ix = &Index{entries: make(map[string]*entry)}
	s := newScanner(src)
	s.ix = ix
	defer func() {
		if r := recover(); r != nil && r != errScan {
			panic(r)
		}
	}()
	s.document()
	return ix
}

// errScan aborts a scan that met something unexpected.
var errScan = new(int)

// scanner walks a TOML text.
type scanner struct {
	src        string
	i          int // current byte offset
	lineStarts []int
	ix         *Index
	aot        map[string]int // path of an array of tables → elements so far

	colLine, colAt, colN int // the last position counted: line, byte offset, column - 1
	counted              int // bytes counted for columns so far: the work pos does
}

// keyPart is one part of a (possibly dotted) key.
type keyPart struct {
	name       string // the key, unescaped
	start, end int    // byte offsets of the part in the source, quotes included
}

// newScanner returns a scanner at the start of src.
func newScanner(src string) *scanner {
	s := &scanner{src: src, lineStarts: []int{0}, aot: make(map[string]int)}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			s.lineStarts = append(s.lineStarts, i+1)
		}
	}
	return s
}

func (s *scanner) eof() bool { return s.i >= len(s.src) }

func (s *scanner) peek(prefix string) bool { return strings.HasPrefix(s.src[s.i:], prefix) }

// maxTokenLen caps Pos.Len: carets under more characters help nobody, and
// counting them for every element of a long one-line array would cost time
// quadratic in its length.
const maxTokenLen = 1000

// pos converts the byte range [start, end) into a Pos whose Len stops at the
// end of the first line (and at maxTokenLen).
func (s *scanner) pos(start, end int) Pos {
	line := sort.Search(len(s.lineStarts), func(k int) bool { return s.lineStarts[k] > start })
	from, col := s.lineStarts[line-1], 0
	// The scanner mostly moves forward: count the columns from the last
	// position on the same line, so that a long line is counted once.
	if s.colLine == line && s.colAt <= start {
		from, col = s.colAt, s.colN
	}
	col += utf8.RuneCountInString(s.src[from:start])
	s.counted += start - from
	s.colLine, s.colAt, s.colN = line, start, col
	n := 0
	for i := start; i < end && n < maxTokenLen; n++ {
		if c := s.src[i]; c == '\r' || c == '\n' {
			break
		}
		_, w := utf8.DecodeRuneInString(s.src[i:end])
		i += w
	}
	return Pos{Line: line, Col: col + 1, Len: max(n, 1)}
}

// setKey records the key position of path. An explicit definition replaces
// an implicit one; otherwise the first definition wins.
func (s *scanner) setKey(path string, p Pos, implicit bool) {
	e := s.ix.entries[path]
	if e == nil {
		s.ix.entries[path] = &entry{key: p, implicit: implicit}
		return
	}
	if e.implicit && !implicit {
		e.key, e.implicit = p, false
	}
}

// setVal records the value position of path, if none is known yet.
func (s *scanner) setVal(path string, p Pos) {
	e := s.ix.entries[path]
	if e == nil {
		e = &entry{key: p}
		s.ix.entries[path] = e
	}
	if e.val.IsZero() {
		e.val = p
	}
}

// skipSpace skips blanks on the current line.
func (s *scanner) skipSpace() {
	for !s.eof() && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
		s.i++
	}
}

// skipBlank skips blanks, line ends and comments.
func (s *scanner) skipBlank() {
	for !s.eof() {
		switch s.src[s.i] {
		case ' ', '\t', '\r', '\n':
			s.i++
		case '#':
			for !s.eof() && s.src[s.i] != '\n' {
				s.i++
			}
		default:
			return
		}
	}
}

// document scans the whole text.
func (s *scanner) document() {
	table := "" // path of the table that key/value pairs go to
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		before := s.i
		if s.src[s.i] == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
		}
		if s.i <= before {
			panic(errScan)
		}
	}
}

// header scans "[a.b]" or "[[a.b]]" and returns the path it opens.
func (s *scanner) header() string {
	start := s.i
	array := s.peek("[[")
	if array {
		s.i += 2
	} else {
		s.i++
	}
	parts := s.key()
	s.skipSpace()
	if array {
		if !s.peek("]]") {
			panic(errScan)
		}
		s.i += 2
	} else {
		if !s.peek("]") {
			panic(errScan)
		}
		s.i++
	}
	hp := s.pos(start, s.i)

	// Resolve the parts: a part naming an array of tables means its last
	// element.
	path := ""
	for k, part := range parts {
		path = PathKey(path, part.name)
		last := k == len(parts)-1
		if last && array {
			s.setKey(path, hp, false)
			s.aot[path]++
			path = PathIndex(path, s.aot[path])
			s.setKey(path, hp, false)
			break
		}
		if n := s.aot[path]; n > 0 {
			path = PathIndex(path, n)
		}
		s.setKey(path, hp, !last)
	}
	return path
}

// keyValue scans "key = value" and records it under table.
func (s *scanner) keyValue(table string) {
	parts := s.key()
	if len(parts) == 0 {
		panic(errScan)
	}
	path := table
	for _, part := range parts {
		path = PathKey(path, part.name)
		s.setKey(path, s.pos(part.start, part.end), false)
	}
	s.skipSpace()
	if !s.peek("=") {
		panic(errScan)
	}
	s.i++
	s.skipSpace()
	s.value(path)
}

// key scans a possibly dotted key and returns its parts.
func (s *scanner) key() []keyPart {
	var parts []keyPart
	for {
		s.skipSpace()
		if s.eof() {
			return parts
		}
		start := s.i
		var name string
		switch s.src[s.i] {
		case '"':
			end := s.basicEnd()
			name = unescape(s.src[start+1 : max(end-1, start+1)])
			s.i = end
		case '\'':
			end := s.literalEnd()
			name = s.src[start+1 : max(end-1, start+1)]
			s.i = end
		default:
			for !s.eof() && !strings.ContainsRune(" \t\r\n.=[]#\"',{}", rune(s.src[s.i])) {
				s.i++
			}
			name = s.src[start:s.i]
			if name == "" {
				return parts
			}
		}
		parts = append(parts, keyPart{name: name, start: start, end: s.i})
		s.skipSpace()
		if !s.peek(".") {
			return parts
		}
		s.i++
	}
}

// value scans a value and records its position as the value of path.
func (s *scanner) value(path string) {
	start := s.i
	switch {
	case s.peek(`"""`):
		s.i = s.multiEnd(`"`, true)
	case s.peek(`'''`):
		s.i = s.multiEnd(`'`, false)
	case s.peek(`"`):
		s.i = s.basicEnd()
	case s.peek(`'`):
		s.i = s.literalEnd()
	case s.peek(`[`):
		s.array(path)
	case s.peek(`{`):
		s.inlineTable(path)
	default:
		// Number, boolean, date or time: up to a delimiter; a date may be
		// separated from its time by one space.
		for !s.eof() && !strings.ContainsRune(",]}#\r\n", rune(s.src[s.i])) {
			s.i++
		}
		end := s.i
		for end > start && (s.src[end-1] == ' ' || s.src[end-1] == '\t') {
			end--
		}
		s.setVal(path, s.pos(start, end))
		return
	}
	s.setVal(path, s.pos(start, s.i))
}

// array scans an inline array starting at s.i, recording its elements.
func (s *scanner) array(path string) {
	s.i++
	n := 0
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		switch s.src[s.i] {
		case ']':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		n++
		at := s.i
		s.value(PathIndex(path, n))
		if s.i <= at {
			panic(errScan)
		}
	}
}

// inlineTable scans an inline table starting at s.i, recording its keys.
func (s *scanner) inlineTable(path string) {
	s.i++
	for {
		s.skipBlank()
		if s.eof() {
			return
		}
		switch s.src[s.i] {
		case '}':
			s.i++
			return
		case ',':
			s.i++
			continue
		}
		at := s.i
		s.keyValue(path)
		if s.i <= at {
			panic(errScan)
		}
	}
}

// basicEnd returns the offset just after the basic string starting at s.i.
func (s *scanner) basicEnd() int {
	i := s.i + 1
	for i < len(s.src) {
		switch s.src[i] {
		case '\\':
			i += 2
		case '"':
			return i + 1
		case '\n':
			return i
		default:
			i++
		}
	}
	return len(s.src)
}

// literalEnd returns the offset just after the literal string starting at
// s.i.
func (s *scanner) literalEnd() int {
	i := s.i + 1
	for i < len(s.src) {
		switch s.src[i] {
		case '\'':
			return i + 1
		case '\n':
			return i
		default:
			i++
		}
	}
	return len(s.src)
}

// multiEnd returns the offset just after the multi-line string starting at
// s.i, delimited by three quotes q; escapes tells whether backslash escapes
// apply. Up to two quotes right before the closing delimiter belong to the
// string.
func (s *scanner) multiEnd(q string, escapes bool) int {
	delim := strings.Repeat(q, 3)
	i := s.i + 3
	for i < len(s.src) {
		if escapes && s.src[i] == '\\' {
			i += 2
			continue
		}
		if strings.HasPrefix(s.src[i:], delim) {
			n := 3
			for n < 5 && i+n < len(s.src) && s.src[i+n] == q[0] {
				n++
			}
			return i + n
		}
		i++
	}
	return len(s.src)
}

// unescape decodes the escapes of a TOML basic string (the text between the
// quotes); invalid escapes, which cannot occur in valid TOML, are kept.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			b.WriteByte(c)
			continue
		}
		i++
		switch s[i] {
		case 'b':
			b.WriteByte('\b')
		case 't':
			b.WriteByte('\t')
		case 'n':
			b.WriteByte('\n')
		case 'f':
			b.WriteByte('\f')
		case 'r':
			b.WriteByte('\r')
		case 'e':
			b.WriteByte(0x1b)
		case '"', '\\':
			b.WriteByte(s[i])
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[i]]
			if i+n < len(s) {
				if v, err := strconv.ParseUint(s[i+1:i+1+n], 16, 32); err == nil {
					b.WriteRune(rune(v))
					i += n
					continue
				}
			}
			b.WriteByte('\\')
			b.WriteByte(s[i])
		default:
			b.WriteByte('\\')
			b.WriteByte(s[i])
		}
	}
	return b.String()
}
