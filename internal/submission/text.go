package submission

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"unicode"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// MaxNominees is the most nominees one submission may hold: a Tờ trình
// proposes tens of them; thousands are a mistake (a whole register pasted)
// and would take long to lay out.
const MaxNominees = 5000

// legacyText reports every string of the submission that looks typed in a
// legacy Vietnamese encoding (see vn.LegacyEncoding), with what it says
// once converted, and every string holding a character beyond the Basic
// Multilingual Plane (emoji pasted from a chat): the document fonts have
// none, and an official document has no use for them.
func (v *validator) legacyText(s *Submission) {
	eachString(reflect.ValueOf(s).Elem(), "", func(path, text string) {
		var pos tomlin.Pos
		if v.ix != nil {
			pos = v.ix.FindValue(path)
		}
		if i := strings.IndexFunc(text, func(r rune) bool { return r > 0xFFFF }); i >= 0 {
			r := []rune(text[i:])[0]
			v.problems.Add(path, pos, KeyEmoji,
				fmt.Sprintf("có ký tự %q (U+%04X, biểu tượng hoặc chữ hiếm) mà phông chữ của văn bản không có", string(r), r),
				"Hãy xóa ký tự đó; văn bản hành chính không dùng biểu tượng cảm xúc.")
			return
		}
		name, ok := vn.LegacyEncoding(text)
		if !ok {
			return
		}
		v.problems.Add(path, pos, KeyLegacy,
			fmt.Sprintf("chữ có vẻ được gõ bằng bảng mã %s rồi dán vào, không phải Unicode: %q đọc theo bảng mã đó là %q",
				vn.LegacyLabel(name), shorten(text, 40), shorten(vn.DecodeLegacy(text, name), 40)),
			vn.LegacyHint(name))
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

// eachString calls fn with the path and value of every non-empty string
// field (and string list element) under the struct v, following the toml
// tags as the decoder does.
func eachString(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			eachString(v.Elem(), path, fn)
		}
	case reflect.String:
		if s := v.String(); s != "" {
			fn(path, s)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			eachString(v.Index(i), tomlin.PathIndex(path, i+1), fn)
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			eachString(v.MapIndex(k), tomlin.PathKey(path, k.String()), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			switch {
			case f.Anonymous && name == "":
				eachString(v.Field(i), path, fn) // an embedded struct's keys are its parent's
			case name != "" && name != "-" && f.IsExported():
				eachString(v.Field(i), tomlin.PathKey(path, name), fn)
			}
		}
	}
}

// names checks that the names documents are filed under hold letters: the
// agency's name gives the dossier's folder, a nominee's name the report's
// file name.
func (v *validator) names(s *Submission) {
	if s.Agency.Name != "" && vn.Slug(s.Agency.Name, 0) == "" {
		v.add("co_quan.ten", KeyName, fmt.Sprintf("tên cơ quan %q không có chữ cái hay chữ số nào", s.Agency.Name),
			"tên cơ quan đặt tên cho thư mục hồ sơ; viết đầy đủ, ví dụ \"Ủy ban nhân dân phường Tân Sơn Hòa\"")
	}
	for i, n := range s.Nominees {
		at := tomlin.PathIndex("de_nghi", i+1)
		field := ".ten"
		if n.Kind.IsPerson() {
			field = ".ho_ten"
		}
		if name := n.DisplayName(); name != "" && !strings.ContainsFunc(name, unicode.IsLetter) {
			v.add(at+field, KeyName, fmt.Sprintf("tên %q không có chữ cái nào", name), "")
		}
	}
}
