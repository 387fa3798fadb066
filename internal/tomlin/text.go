package tomlin

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/vn"
	"golang.org/x/text/unicode/norm"
)

// cleanRaw cleans every string in a raw TOML value, and converts arrays of
// tables ([]map[string]any) to []any, so that an Unmarshaler sees only
// string, int64, float64, bool, time.Time, []any and map[string]any.
func cleanRaw(v any) any {
	switch v := v.(type) {
	case string:
		return vn.Clean(v)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cleanRaw(e)
		}
		return out
	case []map[string]any:
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cleanRaw(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			out[norm.NFC.String(k)] = cleanRaw(e)
		}
		return out
	}
	return v
}

// Vietnamese names of expected kinds, for type error messages.
const (
	WantString = "chuỗi văn bản"
	WantInt    = "số nguyên"
	WantFloat  = "số thực"
	WantBool   = "true/false"
	WantDate   = "ngày tháng (ví dụ 1985-03-12)"
	WantList   = "danh sách"
	WantTable  = "bảng"
)

// ValueKind returns the Vietnamese name of the kind of a raw TOML value as
// [Decode] and [Unmarshaler] see it: "chuỗi văn bản", "số nguyên",
// "số thực", "giá trị true/false", "ngày tháng", "ngày giờ", "giờ",
// "danh sách" or "bảng".
func ValueKind(v any) string {
	switch v := v.(type) {
	case string:
		return "chuỗi văn bản"
	case int64, int, int32:
		return "số nguyên"
	case float64, float32:
		return "số thực"
	case bool:
		return "giá trị true/false"
	case time.Time:
		switch v.Location().String() {
		case "date-local":
			return "ngày tháng"
		case "time-local":
			return "giờ"
		}
		return "ngày giờ"
	case []any, []map[string]any:
		return "danh sách"
	case map[string]any:
		return "bảng"
	case nil:
		return "giá trị rỗng"
	}
	return fmt.Sprintf("giá trị %T", v)
}

// TypeError is the error for a value of the wrong kind: "cần WANT nhưng
// gặp KIND". An [Unmarshaler] may return one; [Decode] then reports it
// with the message key "type".
type TypeError struct {
	Want string // Vietnamese description of what was expected
	Got  any    // the raw TOML value found
	Tip  string // optional hint
}

// Error returns the Vietnamese message.
func (e *TypeError) Error() string {
	return "cần " + e.Want + " nhưng gặp " + ValueKind(e.Got)
}

// Hint returns the optional hint.
func (e *TypeError) Hint() string { return e.Tip }

// typeHint suggests how to fix a value of the wrong kind.
func typeHint(want string, got any) string {
	switch want {
	case WantString:
		switch got.(type) {
		case int64, float64, bool, time.Time:
			return `Hãy đặt giá trị trong dấu ngoặc kép, ví dụ: "` + rawText(got) + `"`
		}
	case WantInt, WantFloat:
		if _, ok := got.(string); ok {
			return "Số viết không có dấu ngoặc kép, ví dụ: so_luong = 3"
		}
		if _, ok := got.(float64); ok && want == WantInt {
			return "Cần số nguyên, không có phần thập phân."
		}
	case WantBool:
		if _, ok := got.(string); ok {
			return "Viết true hoặc false, không có dấu ngoặc kép."
		}
	case WantDate:
		if _, ok := got.(string); ok {
			return "Ngày tháng viết không có dấu ngoặc kép, theo dạng NĂM-THÁNG-NGÀY, ví dụ: 1985-03-12"
		}
	case WantList:
		return `Danh sách viết trong ngoặc vuông, ví dụ: ["Như trên", "Lưu VT"]`
	}
	return ""
}

// rawText formats a scalar raw value roughly as it was written.
func rawText(v any) string {
	if t, ok := v.(time.Time); ok {
		switch t.Location().String() {
		case "date-local":
			return t.Format("2006-01-02")
		case "time-local":
			return t.Format("15:04:05")
		}
		return t.Format(time.RFC3339)
	}
	return fmt.Sprint(v)
}

// fold reduces a key to a form in which case, '-' versus '_', spaces and
// Vietnamese diacritics do not matter: "Họ-Tên" and "ho_ten" fold alike.
func fold(s string) string {
	return keySeparators.Replace(strings.ToLower(vn.ASCII(s)))
}

var keySeparators = strings.NewReplacer("-", "_", " ", "_")

// keySet is the keys a table knows, folded once (see fold) for suggest.
type keySet struct {
	names  []string
	folded []string
}

func newKeySet(names []string) keySet {
	ks := keySet{names: names, folded: make([]string, len(names))}
	for i, n := range names {
		ks.folded[i] = fold(n)
	}
	return ks
}

// hint suggests the known key that key was probably meant to be, or lists
// the known keys when they are few.
func (ks keySet) hint(key string) string {
	if s := ks.suggest(key); s != "" {
		return fmt.Sprintf("Có phải ý bạn là %q?", s)
	}
	if n := len(ks.names); n > 0 && n <= 12 {
		return "Các khóa được hỗ trợ ở đây: " + strings.Join(ks.names, ", ")
	}
	return ""
}

// suggest returns the known key that key was probably meant to be, or "".
// A key matches if it folds to the same form (see fold) or is within a
// Damerau-Levenshtein distance of 2 (1 for keys of 4 characters or fewer)
// of it; the closest match wins, the earlier one on a tie. Known keys whose
// length differs by more than that are not compared, so that the work is
// bounded by the known keys, however long the unknown one.
func (ks keySet) suggest(key string) string {
	fk := fold(key)
	nk := utf8.RuneCountInString(fk)
	best, bestDist := "", 3
	for i, k := range ks.names {
		fc := ks.folded[i]
		if fc == fk {
			return k
		}
		nc := utf8.RuneCountInString(fc)
		limit := 2
		if min(nk, nc) <= 4 {
			limit = 1
		}
		if abs(nk-nc) > limit {
			continue // the distance is at least the difference in length
		}
		if d := distance(fk, fc); d <= limit && d < bestDist {
			best, bestDist = k, d
		}
	}
	return best
}

func abs(n int) int { return max(n, -n) }

// distance is the optimal string alignment (restricted Damerau-Levenshtein)
// distance between a and b, counted in runes.
func distance(a, b string) int {
	s, t := []rune(a), []rune(b)
	d := make([][]int, len(s)+1)
	for i := range d {
		d[i] = make([]int, len(t)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(s); i++ {
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(s)][len(t)]
}
