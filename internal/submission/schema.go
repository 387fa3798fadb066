package submission

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/tomlschema"
	"github.com/hoso-vn/hoso/internal/vn"
	"golang.org/x/text/unicode/norm"
)

// Schema returns the JSON Schema of a submission file, generated from the
// model (its toml and doc tags), for TOML editors: samples/ho-so.schema.json
// is this, and `hoso schema` prints it.
func Schema() ([]byte, error) {
	return tomlschema.Generate(reflect.TypeOf(Submission{}), "Hồ sơ đề nghị khen thưởng (hoso)",
		"Tệp hồ sơ của hoso: một Tờ trình đề nghị khen thưởng cùng Biên bản, Báo cáo thành tích, Công văn xác nhận thuế. "+
			"(*) = bắt buộc. Kiểm tra đầy đủ: hoso kiem-tra TỆP.toml", choices())
}

// The values of the plain fields validation checks against a fixed set,
// as it compares them: in any case (see validator.nominees and
// validator.signer; cmd/hoso's tests hold the two in step).
var (
	genders   = []string{"Nam", "Nữ"}
	signModes = []string{"KT", "Q", "TL", "TUQ"} // each may end in a dot; none at all is the head signing
)

// choices refines the fields with a fixed set of values: the set is offered,
// and what validation accepts, any case, is the pattern.
func choices() tomlschema.Refine {
	return tomlschema.Refine{
		"Nominee.gioi_tinh": {"anyOf": []any{
			map[string]any{"enum": anys(genders)},
			map[string]any{"type": "string", "pattern": `^\s*` + caseless(genders) + `\s*$`},
		}},
		"Signer.hinh_thuc": {"anyOf": []any{
			map[string]any{"enum": anys(slices.Concat(signModes, []string{""}))},
			map[string]any{"type": "string", "pattern": `^\s*` + caseless(signModes) + `?\.?\s*$`},
		}},
	}
}

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// caseless is a group matching any of words in any case, a letter with
// diacritics composed or not (NFC, NFD or between: "ữ", "ư"+"◌̃", "u"+"◌̛"+"◌̃"),
// as validation compares them after vn.Lower.
func caseless(words []string) string {
	alts := make([]string, len(words))
	for i, w := range words {
		var b strings.Builder
		for _, r := range vn.NFC(w) {
			var forms []string
			for _, c := range []rune{unicode.ToLower(r), unicode.ToUpper(r)} {
				d := []rune(norm.NFD.String(string(c)))
				for j := 1; j <= len(d); j++ {
					forms = append(forms, regexp.QuoteMeta(norm.NFC.String(string(d[:j]))+string(d[j:])))
				}
			}
			slices.Sort(forms)
			forms = slices.Compact(forms)
			if joined := strings.Join(forms, ""); utf8.RuneCountInString(joined) == len(forms) {
				b.WriteString("[" + joined + "]")
			} else {
				b.WriteString("(?:" + strings.Join(forms, "|") + ")")
			}
		}
		alts[i] = b.String()
	}
	return "(?:" + strings.Join(alts, "|") + ")"
}

// The date forms DecodeTOML reads, without their anchors, for the schema.
var (
	dmyText = strings.Trim(dmy.String(), "^$")
	ymdText = strings.Trim(ymd.String(), "^$")
	hmText  = strings.Trim(hm.String(), "^$")
)

// tomlTime is a TOML time of day as an editor shows it (10:30:00).
const tomlTime = `\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?`

// JSONSchema accepts a TOML date or date-time and "dd/mm/yyyy" text.
func (Date) JSONSchema() map[string]any {
	return map[string]any{"type": "string",
		"pattern":  `^\s*(?:` + dmyText + `|` + ymdText + `(?:[T ]` + tomlTime + `(?:Z|[+-]\d{2}:\d{2})?)?)\s*$`,
		"examples": []any{"2026-02-05", "05/02/2026"}}
}

// JSONSchema accepts a TOML date-time or time, "dd/mm/yyyy HH:MM" (in
// either order) and "HH:MM".
func (Moment) JSONSchema() map[string]any {
	day := `(?:` + dmyText + `|` + ymdText + `)`
	clock := `(?:` + hmText + `)`
	return map[string]any{"type": "string",
		"pattern": `^\s*(?:` + ymdText + `[T ]` + tomlTime + `(?:Z|[+-]\d{2}:\d{2})?|` + tomlTime + `|` +
			clock + `|` + day + `\s+` + clock + `|` + clock + `\s+` + day + `)\s*$`,
		"examples": []any{"2026-01-28T08:00:00", "28/01/2026 08:00", "10:30"}}
}

// JSONSchema offers the kinds' codes and accepts what DecodeTOML accepts:
// a code in any case, with or without diacritics, its words separated by
// anything but letters and digits ("Cá nhân", "tap_the").
func (Kind) JSONSchema() map[string]any {
	codes := make([]any, len(Kinds))
	alts := make([]string, len(Kinds))
	for i, k := range Kinds {
		codes[i] = string(k)
		words := strings.Split(string(k), "-")
		for j, w := range words {
			var b strings.Builder
			for _, c := range w {
				b.WriteString(letterClass(c))
			}
			words[j] = b.String()
		}
		alts[i] = strings.Join(words, notLetter+"+")
	}
	return map[string]any{"anyOf": []any{
		map[string]any{"enum": codes},
		map[string]any{"type": "string", "pattern": "^" + notLetter + "*(?:" + strings.Join(alts, "|") + ")" + notLetter + "*$"},
	}}
}

// notLetter is a character vn.Slug turns into a word break (written out
// for regular expression engines without Unicode classes).
const notLetter = "[^0-9A-Za-zÀ-ỹ]"

// letterClass is the class of the Vietnamese letters vn.Slug folds to the
// ASCII letter c: both cases, every diacritic.
func letterClass(c rune) string {
	var rs []rune
	for _, span := range [][2]rune{{'A', 'z'}, {0xC0, 0x1B0}, {0x1EA0, 0x1EF9}} {
		for r := span[0]; r <= span[1]; r++ {
			if vn.Slug(string(r), 0) == string(c) {
				rs = append(rs, r)
			}
		}
	}
	slices.Sort(rs)
	return "[" + string(rs) + "]"
}

// JSONSchema accepts a year as a number or a text.
func (YearText) JSONSchema() map[string]any {
	return map[string]any{"type": []any{"integer", "string"}, "examples": []any{2024, "Năm học 2022 - 2023"}}
}

// JSONSchema accepts a decision as a text or as its number, date and
// issuing body.
func (Decision) JSONSchema() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "string"},
		map[string]any{"type": "object", "additionalProperties": false, "properties": map[string]any{
			"so":      map[string]any{"type": "string", "description": "số và ký hiệu, giữ số 0 ở đầu: \"07/QĐ-UBND\""},
			"ngay":    Date{}.JSONSchema(),
			"co_quan": map[string]any{"type": "string", "description": "cơ quan, người ban hành"},
		}},
	}}
}
