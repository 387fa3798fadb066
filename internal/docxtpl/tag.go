package docxtpl

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// tagKind says what a {{…}} tag does.
type tagKind int

const (
	tagValue tagKind = iota // {{path | filter}}: prints a value
	tagFor                  // {{for x in path}}: repeats a range
	tagIf                   // {{if cond}}: keeps a range when cond holds
	tagElse                 // {{else}}: the other branch of the innermost if
	tagEnd                  // {{end}}: closes the innermost for/if
)

// filterCall is one "| name" or "| name:arg" step of a value tag.
type filterCall struct {
	name   string
	arg    string
	hasArg bool
}

// condition is the test of an {{if}}: a path, optionally negated or compared
// with a literal.
type condition struct {
	not  bool
	path []string
	op   string // "", "==" or "!="
	lit  string // literal compared with the path's printed value
}

// tag is one parsed {{…}} tag of a template.
type tag struct {
	id      int // its number in the template, as in the run's marker
	kind    tagKind
	text    string // the tag as written, "{{…}}", for messages
	path    []string
	filters []filterCall
	varName string // loop variable of a for
	cond    condition
	where   string // location for messages
}

// isControl reports whether the tag steers the structure rather than print.
func (t *tag) isControl() bool { return t.kind != tagValue }

// smartQuotes maps the quotes Word's autocorrect types to ASCII ones.
var smartQuotes = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‟", `"`, "‘", "'", "’", "'", "\u00a0", " ")

// PlainQuotes turns the quotes Word's autocorrect types (and no-break
// spaces) into the ASCII ones, as the engine does inside a tag.
func PlainQuotes(s string) string { return smartQuotes.Replace(s) }

// parseTag parses the inside of a tag ("for x in list", "ho_ten | hoa").
func parseTag(inner string) (*tag, error) {
	toks, err := lexTag(smartQuotes.Replace(inner))
	if err != nil {
		return nil, err
	}
	if len(toks) == 0 {
		return nil, fmt.Errorf("thẻ rỗng")
	}
	t := &tag{}
	switch toks[0].text {
	case "for":
		t.kind = tagFor
		if len(toks) != 4 || toks[1].kind != tokIdent || toks[2].text != "in" || toks[3].kind != tokIdent ||
			strings.Contains(toks[1].text, ".") {
			return nil, fmt.Errorf("vòng lặp phải có dạng {{for x in danh_sach}}")
		}
		t.varName = toks[1].text
		if t.varName == "stt" {
			return nil, fmt.Errorf("không dùng được tên biến vòng lặp \"stt\" (đã dành cho số thứ tự)")
		}
		t.path = splitPath(toks[3].text)
		return t, nil
	case "if":
		t.kind = tagIf
		c, err := parseCondition(toks[1:])
		if err != nil {
			return nil, err
		}
		t.cond = c
		return t, nil
	case "else", "end":
		if len(toks) != 1 {
			return nil, fmt.Errorf("{{%s}} không nhận thêm gì", toks[0].text)
		}
		t.kind = tagElse
		if toks[0].text == "end" {
			t.kind = tagEnd
		}
		return t, nil
	}
	t.kind = tagValue
	if toks[0].kind != tokIdent {
		return nil, fmt.Errorf("thẻ phải bắt đầu bằng tên trường, gặp %q", toks[0].text)
	}
	t.path = splitPath(toks[0].text)
	rest := toks[1:]
	for len(rest) > 0 {
		if rest[0].text != "|" || len(rest) < 2 || rest[1].kind != tokIdent {
			return nil, fmt.Errorf("sau tên trường chỉ được có \"| bộ_định_dạng\", gặp %q", rest[0].text)
		}
		f := filterCall{name: rest[1].text}
		rest = rest[2:]
		if len(rest) > 0 && rest[0].text == ":" {
			if len(rest) < 2 || (rest[1].kind != tokString && rest[1].kind != tokIdent && rest[1].kind != tokNumber) {
				return nil, fmt.Errorf("thiếu tham số sau \"%s:\"", f.name)
			}
			f.arg, f.hasArg = rest[1].text, true
			rest = rest[2:]
		}
		t.filters = append(t.filters, f)
	}
	return t, nil
}

// parseCondition parses "path", "not path", "path == lit" and "path != lit".
func parseCondition(toks []token) (condition, error) {
	var c condition
	if len(toks) > 0 && toks[0].text == "not" {
		c.not = true
		toks = toks[1:]
	}
	if len(toks) == 0 || toks[0].kind != tokIdent {
		return c, fmt.Errorf("điều kiện phải có dạng {{if truong}}, {{if not truong}} hoặc {{if truong == \"giá trị\"}}")
	}
	c.path = splitPath(toks[0].text)
	switch len(toks) {
	case 1:
		return c, nil
	case 3:
		if (toks[1].text == "==" || toks[1].text == "!=") && toks[2].kind != tokOp {
			c.op, c.lit = toks[1].text, toks[2].text
			return c, nil
		}
	}
	return c, fmt.Errorf("điều kiện phải có dạng {{if truong}}, {{if not truong}} hoặc {{if truong == \"giá trị\"}}")
}

func splitPath(s string) []string { return strings.Split(s, ".") }

type tokKind int

const (
	tokIdent tokKind = iota
	tokString
	tokNumber
	tokOp
)

type token struct {
	kind tokKind
	text string
}

// lexTag splits a tag's inside into identifiers (with dots), quoted strings,
// numbers and the operators | : == !=.
func lexTag(s string) ([]token, error) {
	var toks []token
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || r == '\'':
			j := i + 1
			for j < len(rs) && rs[j] != r {
				j++
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("chuỗi trong thẻ thiếu dấu đóng %c", r)
			}
			toks = append(toks, token{tokString, string(rs[i+1 : j])})
			i = j + 1
		case r == '|' || r == ':':
			toks = append(toks, token{tokOp, string(r)})
			i++
		case (r == '=' || r == '!') && i+1 < len(rs) && rs[i+1] == '=':
			toks = append(toks, token{tokOp, string(rs[i : i+2])})
			i += 2
		case r == '-' || unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) && (unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			if _, err := strconv.ParseFloat(string(rs[i:j]), 64); err != nil {
				return nil, fmt.Errorf("số không hợp lệ %q", string(rs[i:j]))
			}
			toks = append(toks, token{tokNumber, string(rs[i:j])})
			i = j
		case isIdentRune(r):
			j := i
			for j < len(rs) && (isIdentRune(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '.') {
				j++
			}
			id := string(rs[i:j])
			if strings.HasPrefix(id, ".") || strings.HasSuffix(id, ".") || strings.Contains(id, "..") {
				return nil, fmt.Errorf("tên trường không hợp lệ %q", id)
			}
			toks = append(toks, token{tokIdent, id})
			i = j
		default:
			return nil, fmt.Errorf("ký tự không hợp lệ trong thẻ: %q", string(r))
		}
	}
	return toks, nil
}

// isIdentRune accepts the ASCII letters and "_" of field names.
func isIdentRune(r rune) bool {
	return r == '_' || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z')
}
