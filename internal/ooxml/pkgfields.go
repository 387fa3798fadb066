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
	case placeRE.MatchString(strings.ReplaceAll(code, string(nested), " ")):
		what = "nêu đường dẫn tệp hoặc địa chỉ mạng, nơi nội dung có thể được lấy về"
	default:
		return nil
	}
	return fmt.Errorf("%q: trường %s %s; mẫu không được lấy nội dung từ nơi khác: hãy xóa trường đó (Word: Alt+F9 để hiện mã trường, chọn cả trường rồi xóa; LibreOffice: Xem → Tên trường, Ctrl+F9) và gõ nội dung bằng tay",
		part, quoteShort(shown), what)
}
