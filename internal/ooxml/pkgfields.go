package ooxml

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// riskyFields are the field codes that run something or fetch content
// from elsewhere when the document is opened, updated or clicked.
var riskyFields = map[string]bool{
	"DDE": true, "DDEAUTO": true, "INCLUDE": true, "INCLUDETEXT": true, "INCLUDEPICTURE": true, "LINK": true,
	"IMPORT": true, "EMBED": true, "DATABASE": true, "MACROBUTTON": true, "PRINT": true,
}

// placeRE finds a path or URL in a field code: a UNC path or an escaped
// backslash (\\server, C:\\x), a drive (C:\, C:/), a URL scheme, or a
// path starting with "//".
var placeRE = regexp.MustCompile(`(?i)\\\\|(^|[^a-z0-9])[a-z]:[\\/]|(^|[^a-z0-9+.-])([a-z][a-z0-9+.-]*://|(file|https?|ftps?|smb|mhtml):)|(^|[\s"'])//`)

// nested stands in a field's code for a field nested inside it: its
// result is only known when the field is updated. XML cannot carry NUL.
const nested = '\x00'

// fieldCodes follows the fields of one part as its tokens stream by: the
// code of a complex field is all the w:instrText (and w:delInstrText,
// which rejecting a tracked deletion brings back) between its begin and
// separate fldChar, whatever the runs it is split into; fields nested in
// a code are followed on their own. Each code, and each w:fldSimple's, is
// checked by checkFieldCode.
type fieldCodes struct {
	part  string
	open  []*fieldCode     // complex fields begun and not ended, innermost last
	instr *strings.Builder // inside an instruction text element
}

// fieldCode is one complex field being read.
type fieldCode struct {
	code   strings.Builder
	inCode bool // between begin and separate
}

// inCode is the innermost field whose code is being read, or nil.
func (fc *fieldCodes) inCode() *fieldCode {
	if n := len(fc.open); n > 0 && fc.open[n-1].inCode {
		return fc.open[n-1]
	}
	return nil
}

// start follows a start element.
func (fc *fieldCodes) start(se xml.StartElement) error {
	if se.Name.Space != nsW && se.Name.Space != nsWStrict {
		return nil
	}
	switch se.Name.Local {
	case "instrText", "delInstrText":
		fc.instr = &strings.Builder{}
	case "fldSimple":
		if outer := fc.inCode(); outer != nil {
			outer.code.WriteRune(nested)
		}
		return checkFieldCode(fc.part, attr(se, "instr"))
	case "fldChar":
		switch attr(se, "fldCharType") {
		case "begin":
			if outer := fc.inCode(); outer != nil {
				outer.code.WriteRune(nested)
			}
			fc.open = append(fc.open, &fieldCode{inCode: true})
		case "separate":
			if n := len(fc.open); n > 0 {
				fc.open[n-1].inCode = false
			}
		case "end":
			if n := len(fc.open); n > 0 {
				f := fc.open[n-1]
				fc.open = fc.open[:n-1]
				return checkFieldCode(fc.part, f.code.String())
			}
		}
	}
	return nil
}

// text follows character data.
func (fc *fieldCodes) text(b []byte) {
	if fc.instr != nil {
		fc.instr.Write(b)
	}
}

// end follows an end element: an instruction text goes to the field
// whose code is being read, or is checked alone when there is none.
func (fc *fieldCodes) end(ee xml.EndElement) error {
	if fc.instr == nil || ee.Name.Local != "instrText" && ee.Name.Local != "delInstrText" {
		return nil
	}
	text := fc.instr.String()
	fc.instr = nil
	if f := fc.inCode(); f != nil {
		f.code.WriteString(text)
		return nil
	}
	return checkFieldCode(fc.part, text)
}

// finish checks the fields the part leaves unended.
func (fc *fieldCodes) finish() error {
	for _, f := range fc.open {
		if err := checkFieldCode(fc.part, f.code.String()); err != nil {
			return err
		}
	}
	return nil
}

// checkFieldCode refuses a field that runs or fetches something: by its
// name in any case (riskyFields), a name built from a nested field, or a
// path or URL anywhere in its code.
func checkFieldCode(part, code string) error {
	shown := strings.Join(strings.Fields(strings.ReplaceAll(code, string(nested), " {…} ")), " ")
	var what string
	rest := strings.TrimLeftFunc(code, unicode.IsSpace)
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end < 0 {
		end = len(rest)
	}
	name := strings.ToUpper(rest[:end])
	switch {
	case strings.HasPrefix(rest[end:], string(nested)):
		what = "có tên ghép từ một trường lồng bên trong, chỉ biết khi cập nhật trường"
	case riskyFields[name]:
		what = "là trường " + name + ", chạy lệnh hoặc lấy nội dung từ nơi khác"
	case name == "HYPERLINK":
		return checkHyperlinkField(part, shown, rest[end:])
	case placeRE.MatchString(strings.ReplaceAll(code, string(nested), " ")):
		what = "nêu đường dẫn tệp hoặc địa chỉ mạng, nơi nội dung có thể được lấy về"
	default:
		return nil
	}
	return fmt.Errorf("%q: trường %s %s; mẫu không được lấy nội dung từ nơi khác: hãy xóa trường đó (Word: Alt+F9 để hiện mã trường, chọn cả trường rồi xóa; LibreOffice: Xem → Tên trường, Ctrl+F9) và gõ nội dung bằng tay",
		part, quoteShort(shown), what)
}

// checkHyperlinkField refuses a HYPERLINK field whose target fails the
// test a hyperlink relationship's target passes (webLink): a relative
// path, a share, a file: or javascript: URL… A link to a bookmark alone
// (\l) has no target. Its other arguments (the screen tip \o, the
// frame \t) must name no path or URL, as in any field.
func checkHyperlinkField(part, shown, args string) error {
	target, rest := hyperlinkTarget(args)
	var what string
	switch {
	case strings.ContainsRune(target, nested):
		what = "có đích ghép từ một trường lồng bên trong, chỉ biết khi cập nhật trường"
	case target != "" && !webLink(target):
		what = "trỏ tới " + quoteShort(target) + ", không phải trang web hay thư điện tử"
	case placeRE.MatchString(strings.ReplaceAll(rest, string(nested), " ")):
		what = "nêu đường dẫn tệp hoặc địa chỉ mạng, nơi nội dung có thể được lấy về"
	default:
		return nil
	}
	return fmt.Errorf("%q: trường %s %s; %s (Word: Alt+F9 để hiện mã trường)", part, quoteShort(shown), what, externalHint("hyperlink"))
}

// hyperlinkTarget splits the arguments of a HYPERLINK field into its
// target (the first argument that is neither a switch nor a switch's
// argument, unquoted as Word does) and the rest.
func hyperlinkTarget(args string) (target, rest string) {
	var others []string
	takesArg := false
	for _, a := range fieldArgs(args) {
		switch {
		case takesArg:
			others, takesArg = append(others, a), false
		case strings.HasPrefix(a, `\`) && len(a) == 2:
			others = append(others, a)
			takesArg = strings.ContainsRune("lotLOT", rune(a[1]))
		case target == "":
			target = a
		default:
			others = append(others, a)
		}
	}
	return target, strings.Join(others, " ")
}

// fieldArgs splits a field code's arguments as Word reads them: runs of
// non-space characters, or text in double quotes where \\ stands for a
// backslash and \" for a quote.
func fieldArgs(s string) []string {
	var args []string
	var b strings.Builder
	in, quoted := false, false
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quoted && r == '\\' && i+1 < len(rs) && (rs[i+1] == '\\' || rs[i+1] == '"'):
			i++
			b.WriteRune(rs[i])
		case r == '"':
			quoted, in = !quoted, true
		case !quoted && unicode.IsSpace(r):
			if in {
				args, in = append(args, b.String()), false
				b.Reset()
			}
		default:
			b.WriteRune(r)
			in = true
		}
	}
	if in {
		args = append(args, b.String())
	}
	return args
}
