package tomlin

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// date is a test Unmarshaler: a date written either as a TOML date or as a
// "dd/mm/yyyy" string, the way the callers of this package do it.
type date struct{ Y, M, D int }

const wantDateDMY = `ngày tháng (ví dụ 1985-03-12 hoặc "12/03/1985")`

var dmy = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)

func (dt *date) DecodeTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		if ValueKind(x) != "ngày tháng" {
			return &TypeError{Want: wantDateDMY, Got: v, Tip: "Chỉ ghi ngày, không ghi giờ."}
		}
		*dt = date{x.Year(), int(x.Month()), x.Day()}
		return nil
	case string:
		m := dmy.FindStringSubmatch(x)
		if m == nil {
			return fmt.Errorf("ngày tháng không đúng dạng dd/mm/yyyy: %q", x)
		}
		d, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d || int(t.Month()) != mo {
			return hinted{fmt.Sprintf("ngày %s không tồn tại", x), "Kiểm tra lại ngày và tháng."}
		}
		*dt = date{y, mo, d}
		return nil
	}
	return &TypeError{Want: wantDateDMY, Got: v}
}

// hinted is an error with a hint.
type hinted struct{ msg, hint string }

func (h hinted) Error() string { return h.msg }
func (h hinted) Hint() string  { return h.hint }

// gender is a test enumeration implemented with Unmarshaler.
type gender string

func (g *gender) DecodeTOML(v any) error {
	s, ok := v.(string)
	if !ok {
		return &TypeError{Want: WantString, Got: v}
	}
	switch s {
	case "nam", "nữ":
		*g = gender(s)
		return nil
	}
	return fmt.Errorf("giới tính phải là \"nam\" hoặc \"nữ\", không phải %q", s)
}

// want is the part of a Problem that tests compare; Msg and Hint are only
// compared when not empty.
type want struct {
	Path string
	Pos  Pos
	Key  string
	Msg  string
	Hint string
}

func checkProblems(t *testing.T, got Problems, wants []want) {
	t.Helper()
	if len(got) != len(wants) {
		t.Fatalf("got %d problems, want %d:\n%s", len(got), len(wants), dump(got))
	}
	for i, w := range wants {
		g := got[i]
		if g.Path != w.Path || g.Pos != w.Pos || g.Key != w.Key ||
			(w.Msg != "" && g.Msg != w.Msg) || (w.Hint != "" && g.Hint != w.Hint) {
			t.Errorf("problem %d:\n got  %s %s %s %q hint %q\n want %s %s %s %q hint %q",
				i, g.Path, fmtPos(g.Pos), g.Key, g.Msg, g.Hint, w.Path, fmtPos(w.Pos), w.Key, w.Msg, w.Hint)
		}
	}
}

func dump(ps Problems) string {
	s := ""
	for _, p := range ps {
		s += fmt.Sprintf("  %s %s %s %q hint %q\n", p.Path, fmtPos(p.Pos), p.Key, p.Msg, p.Hint)
	}
	return s
}

// fmtPos shows all fields of a Pos (its String method hides Len).
func fmtPos(p Pos) string { return fmt.Sprintf("{%d %d %d}", p.Line, p.Col, p.Len) }
