package submission

import (
	"fmt"
	"reflect"
	"strings"
	"unicode"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// legacyText reports every string of the submission that looks typed in a
// legacy Vietnamese encoding (see vn.LegacyEncoding), with what it says
// once converted, and every string holding a character beyond the Basic
// Multilingual Plane (emoji pasted from a chat): the document fonts have
// none, and an official document has no use for them.
func (v *validator) legacyText(s *Submission) {
	eachField(reflect.ValueOf(s).Elem(), "", func(path string, f reflect.Value) bool {
		if f.Kind() != reflect.String || f.String() == "" || v.problems.Has(path) {
			return true
		}
		text := f.String()
		if i := strings.IndexFunc(text, func(r rune) bool { return r > 0xFFFF }); i >= 0 {
			r := []rune(text[i:])[0]
			v.addValue(path, KeyEmoji,
				fmt.Sprintf("có ký tự %q (U+%04X, biểu tượng hoặc chữ hiếm) mà phông chữ của văn bản không có", string(r), r),
				"Hãy xóa ký tự đó; văn bản hành chính không dùng biểu tượng cảm xúc.")
			return true
		}
		name, ok := vn.LegacyEncoding(text)
		if !ok {
			return true
		}
		v.addValue(path, KeyLegacy,
			fmt.Sprintf("chữ có vẻ được gõ bằng bảng mã %s rồi dán vào, không phải Unicode: %q đọc theo bảng mã đó là %q",
				vn.LegacyLabel(name), shorten(text, 40), shorten(vn.DecodeLegacy(text, name), 40)),
			vn.LegacyHint(name))
		return true
	})
}

// shorten cuts s to at most n characters for a message.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// names checks that the names documents are filed under hold letters: the
// agency's name gives the dossier's folder, a nominee's name the report's
// file name.
//
// A name with letters of another script is reported by the limits
// (Limit.Latin) and not again here.
func (v *validator) names(s *Submission) {
	if s.Agency.Name != "" && vn.Slug(s.Agency.Name, 0) == "" && !v.problems.Has("co_quan.ten") {
		v.add("co_quan.ten", KeyName, fmt.Sprintf("tên cơ quan %q không có chữ cái hay chữ số nào", s.Agency.Name),
			"tên cơ quan đặt tên cho thư mục hồ sơ; viết đầy đủ, ví dụ \"Ủy ban nhân dân phường Tân Sơn Hòa\"")
	}
	for i, n := range s.Nominees {
		at := tomlin.PathIndex("de_nghi", i+1)
		field := ".ten"
		if n.Kind.IsPerson() {
			field = ".ho_ten"
		}
		if name := n.DisplayName(); name != "" && !strings.ContainsFunc(name, unicode.IsLetter) && !v.problems.Has(at+field) {
			v.add(at+field, KeyName, fmt.Sprintf("tên %q không có chữ cái nào", name), "")
		}
	}
}
