package ooxml

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/beevik/etree"
	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/xml"
)

// parseXML parses one part into an etree document.
//
// Parts written the way word processors and etree write them (UTF-8,
// ASCII names, the five predefined entities and character references,
// comments, the XML declaration) are read with the tdewolff/parse lexer,
// about three times faster than encoding/xml. Anything else (a DOCTYPE,
// CDATA, other processing instructions, another encoding, unknown
// entities, tabs or line breaks inside attribute values, a broken
// structure…) is read by etree itself, which also words the error for a
// broken part. Both give the same tree: FuzzParseXML checks it.
func parseXML(data []byte) (*etree.Document, error) {
	if doc, ok := lexXML(data); ok {
		return doc, nil
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(data); err != nil {
		return nil, err
	}
	return doc, nil
}

// maxLexDepth is the deepest nesting lexXML takes; deeper parts go to
// etree, which has its own limit.
const maxLexDepth = 256

// lexXML builds the tree of a part that keeps to the plain subset
// parseXML describes; ok is false for anything outside it.
func lexXML(data []byte) (doc *etree.Document, ok bool) {
	if !plainChars(data) {
		return nil, false
	}
	doc = etree.NewDocument()
	rest, ok := declaration(doc, data)
	if !ok {
		return nil, false
	}
	// The lexer turns tabs and line breaks inside attribute values into
	// spaces in the buffer it reads: give it a copy when there are any, and
	// refuse the part if it changed one.
	input := rest
	if bytes.ContainsAny(rest, "\t\n\r") {
		input = append(make([]byte, 0, len(rest)+1), rest...) // room for the lexer's NUL
	}
	in := parse.NewInputBytes(input)
	defer func() {
		in.Restore() // the byte past the end, which the lexer set to NUL
		if ok && !bytes.Equal(in.Bytes(), rest) {
			doc, ok = nil, false
		}
	}()
	lx := xml.NewLexer(in)
	stack := []*etree.Element{&doc.Element}
	var open *etree.Element // element whose start tag is being read
	for {
		tt, raw := lx.Next()
		top := stack[len(stack)-1]
		switch tt {
		case xml.ErrorToken:
			return doc, lx.Err() == io.EOF && open == nil && len(stack) == 1 && doc.Root() != nil
		case xml.StartTagToken:
			name := string(lx.Text())
			if !plainName(name) || len(stack) > maxLexDepth || (len(stack) == 1 && doc.Root() != nil) {
				return nil, false
			}
			open = top.CreateElement(name)
		case xml.AttributeToken:
			name, val := string(lx.Text()), lx.AttrVal()
			if !plainName(name) || len(val) < 2 || (val[0] != '"' && val[0] != '\'') || val[len(val)-1] != val[0] ||
				bytes.IndexByte(val[1:len(val)-1], '<') >= 0 {
				return nil, false
			}
			text, ok := unescape(val[1 : len(val)-1])
			if !ok {
				return nil, false
			}
			open.CreateAttr(name, text) // a repeated one replaces the value in place, as etree does
		case xml.StartTagCloseToken:
			stack = append(stack, open)
			open = nil
		case xml.StartTagCloseVoidToken:
			open = nil
		case xml.EndTagToken:
			if len(stack) == 1 || !isName(lx.Text(), top) || !bytes.HasSuffix(raw, []byte(">")) {
				return nil, false
			}
			stack = stack[:len(stack)-1]
		case xml.TextToken:
			text, ok := unescape(raw)
			if !ok || (len(stack) == 1 && !isSpace(text)) {
				return nil, false
			}
			top.CreateText("").SetData(text) // SetData marks white space as etree does
		case xml.CommentToken:
			body := lx.Text() // between "<!--" and "-->"
			if !bytes.HasSuffix(raw, []byte("-->")) || len(raw) < 7 || bytes.Contains(body, []byte("--")) || bytes.HasSuffix(body, []byte("-")) {
				return nil, false
			}
			top.CreateComment(string(body))
		default: // DOCTYPE, CDATA, processing instructions
			return nil, false
		}
	}
}

// declaration reads the XML declaration, if the part starts with one, as
// encoding/xml does (a ProcInst with target "xml"), and returns what
// follows it. Only version 1.0 in UTF-8 is taken.
func declaration(doc *etree.Document, data []byte) (rest []byte, ok bool) {
	if !bytes.HasPrefix(data, []byte("<?xml")) {
		return data, !bytes.HasPrefix(data, []byte("<?"))
	}
	end := bytes.Index(data, []byte("?>"))
	if end < 0 || len(data) < 6 || !isSpace(string(data[5:6])) {
		return nil, false
	}
	inst := strings.TrimLeft(string(data[5:end]), " \t\r\n")
	if strings.ContainsAny(inst, "\r\n\t'&<") {
		return nil, false
	}
	for _, f := range strings.Fields(inst) {
		k, v, found := strings.Cut(f, "=")
		if !found || len(v) < 2 || v[0] != '"' || v[len(v)-1] != '"' {
			return nil, false
		}
		v = v[1 : len(v)-1]
		switch {
		case k == "version" && v == "1.0", k == "standalone" && (v == "yes" || v == "no"),
			k == "encoding" && strings.EqualFold(v, "utf-8"):
		default:
			return nil, false
		}
	}
	doc.CreateProcInst("xml", inst)
	return data[end+2:], true
}

// plainChars reports whether data is UTF-8 made only of characters XML
// allows, U+FFFE and U+FFFF and controls other than tab and line breaks
// being the ones it does not.
func plainChars(data []byte) bool {
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return false
		}
	}
	return utf8.Valid(data) && !bytes.Contains(data, []byte("\uFFFE")) && !bytes.Contains(data, []byte("\uFFFF"))
}

// plainName reports whether s is an ASCII XML name with at most one
// colon, neither first nor last.
func plainName(s string) bool {
	if s == "" || s[0] == ':' || s[len(s)-1] == ':' {
		return false
	}
	colons := 0
	for i := 0; i < len(s); i++ {
		switch nameByte[s[i]] {
		case nameStart:
		case nameColon:
			colons++
		case nameOther:
			if i == 0 || s[i-1] == ':' {
				return false
			}
		default:
			return false
		}
	}
	return colons <= 1
}

// Kinds of bytes in a plain name.
const (
	notName = iota
	nameStart
	nameOther // not first, nor first after the colon
	nameColon
)

var nameByte = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = nameStart, nameStart
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = nameOther
	}
	t['_'], t['-'], t['.'], t[':'] = nameStart, nameOther, nameOther, nameColon
	return t
}()

// isName reports whether b is e's prefixed name.
func isName(b []byte, e *etree.Element) bool {
	if e.Space == "" {
		return string(b) == e.Tag
	}
	return len(b) == len(e.Space)+1+len(e.Tag) && string(b[:len(e.Space)]) == e.Space &&
		b[len(e.Space)] == ':' && string(b[len(e.Space)+1:]) == e.Tag
}

func isSpace(s string) bool {
	return strings.Trim(s, " \t\r\n") == ""
}

// unescape decodes the five predefined entities and character references
// and turns CR LF and lone CR into LF, as encoding/xml does; ok is false
// for any other entity, and for "]]>".
func unescape(b []byte) (string, bool) {
	if !bytes.ContainsAny(b, "&\r]") {
		return string(b), true
	}
	if bytes.Contains(b, []byte("]]>")) { // encoding/xml refuses it outside CDATA
		return "", false
	}
	var sb strings.Builder
	sb.Grow(len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch c {
		case '\r':
			sb.WriteByte('\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		case '&':
		default:
			sb.WriteByte(c)
			continue
		}
		end := bytes.IndexByte(b[i:], ';')
		if end < 0 {
			return "", false
		}
		ent := string(b[i+1 : i+end])
		i += end
		switch ent {
		case "amp":
			sb.WriteByte('&')
		case "lt":
			sb.WriteByte('<')
		case "gt":
			sb.WriteByte('>')
		case "apos":
			sb.WriteByte('\'')
		case "quot":
			sb.WriteByte('"')
		default:
			r, ok := charRef(ent)
			if !ok {
				return "", false
			}
			sb.WriteRune(r)
		}
	}
	return sb.String(), true
}

// charRef decodes the inside of "&#…;": decimal digits, or "x" and hex
// digits, naming a character XML allows.
func charRef(ent string) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	digits, base := ent[1:], 10
	if digits[0] == 'x' {
		digits, base = digits[1:], 16
	}
	if digits == "" || digits[0] == '+' || digits[0] == '-' {
		return 0, false
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(n)
	ok := r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
	return r, ok
}
