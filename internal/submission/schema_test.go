package submission

import (
	"regexp"
	"strings"
	"testing"
)

// The schema's pattern for loai accepts exactly what the decoder accepts,
// over spellings a clerk types.
func TestKindPatternMatchesDecoder(t *testing.T) {
	alts := Kind("").JSONSchema()["anyOf"].([]any)
	re := regexp.MustCompile(alts[1].(map[string]any)["pattern"].(string))
	var inputs []string
	for _, k := range Kinds {
		words := strings.Split(k.Label(), " ")
		for _, sep := range []string{" ", "-", "_", " - ", ". "} {
			for _, text := range []string{strings.Join(words, sep), string(k)} {
				inputs = append(inputs, text, strings.ToUpper(text), "  "+text+" ", text+"x", "x"+text, text+" 2",
					strings.ReplaceAll(text, sep, ""))
			}
		}
	}
	inputs = append(inputs, "Cá Nhân", "TẬP THỂ", "Doanh-Nghiệp", "chủ doanh  nghiệp", "ca nhan tap the", "", "-", "ca-nhân-")
	for _, in := range inputs {
		var k Kind
		accepted := k.DecodeTOML(in) == nil
		if matched := re.MatchString(in); matched != accepted {
			t.Errorf("%q: pattern matches %v, decoder accepts %v", in, matched, accepted)
		}
	}
}
