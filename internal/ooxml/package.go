package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Limits that keep a hostile or broken file from exhausting memory. The
// declared sizes are upper bounds: archive/zip refuses to read an entry
// past the size its header declares. Real XML compresses 5 to 20 times,
// very repetitive text (a paragraph pasted a hundred times) a few hundred
// times; only a large part, or a large package, compressed more than
// maxRatio times is taken for a zip bomb.
const (
	maxPartSize  = 64 << 20  // uncompressed bytes of one part
	maxTotalSize = 256 << 20 // uncompressed bytes of a filled document
	maxEntries   = 2000      // parts in the package
	maxRatio     = 100       // uncompressed/compressed size of a large part or package
	ratioFloor   = 8 << 20   // smaller parts and packages are not ratio-checked
)

// MaxTemplateSize bounds a template: the bytes of its file, and the
// uncompressed bytes of all its parts. A form template is a few hundred
// kilobytes; every output carries a copy of what it holds.
const MaxTemplateSize = 32 << 20

// resaveHint tells a maintainer how to get a clean package back.
const resaveHint = "hãy mở tệp bằng Word hoặc LibreOffice rồi lưu lại dạng «Word Document (.docx)»"

// CheckPackage vets a DOCX template that comes from elsewhere before
// anything in it is read. It must be a zip archive (a clear message names
// what it is instead: an old .doc, a PDF, an RTF, an OpenDocument text…)
// whose entry names are plain part names (no absolute path, "..", "\",
// empty segment, or two names equal but for case), within the limits
// above (zip bombs are refused by the compression ratio of a part and of
// the whole package), with a main document part and a styles part. Every
// XML part must be well-formed, without DOCTYPE or ENTITY declarations,
// and every part must be reached by a relationship. No active or embedded
// content: macros, ActiveX controls, OLE objects and embedded packages;
// no relationship pointing outside the file other than a web hyperlink
// (an attachedTemplate, oleObject or image fetched from a server); no
// field that runs or fetches something (DDE, INCLUDETEXT, LINK… or any
// field naming a path or URL). The messages are Vietnamese, for the
// maintainer of the template, and name the part.
func CheckPackage(raw []byte) error {
	_, err := vetPackage(raw)
	return err
}

// vetPackage is CheckPackage, giving the opened archive.
func vetPackage(raw []byte) (*zip.Reader, error) {
	zr, names, err := checkArchive(raw, MaxTemplateSize)
	if err != nil {
		return nil, err
	}
	if err := checkPartNames(zr); err != nil {
		return nil, err
	}
	if mime := names["mimetype"]; mime != nil {
		if b, err := readPart(mime); err == nil && strings.Contains(string(b), "opendocument") {
			return nil, errors.New("đây là tệp OpenDocument (.odt), không phải DOCX; hãy mở bằng LibreOffice và lưu lại dạng Word 2007-365 (.docx)")
		}
	}
	if names[foldName("[Content_Types].xml")] == nil || names[foldName("_rels/.rels")] == nil {
		return nil, errors.New("tệp nén này không phải tài liệu Word (thiếu [Content_Types].xml hoặc _rels/.rels)")
	}
	pkg, err := scanPackage(zr, names)
	if err != nil {
		return nil, err
	}
	if err := pkg.checkStructure(); err != nil {
		return nil, err
	}
	return zr, nil
}

// checkArchive checks what the archive's directory tells without reading
// any part: a zip archive with plain, distinct entry names, within the
// limits above and maxTotal uncompressed bytes in all. names gives the
// entries by foldName.
func checkArchive(raw []byte, maxTotal uint64) (zr *zip.Reader, names map[string]*zip.File, err error) {
	if !bytes.HasPrefix(raw, []byte("PK")) {
		return nil, nil, errors.New(notZip(raw))
	}
	zr, err = zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) { // insecure names get the message below
		return nil, nil, fmt.Errorf("tệp DOCX hỏng, không mở được như tệp nén zip; %s", resaveHint)
	}
	if len(zr.File) > maxEntries {
		return nil, nil, fmt.Errorf("tệp DOCX có quá nhiều phần (%d, tối đa %d)", len(zr.File), maxEntries)
	}
	var total uint64
	names = map[string]*zip.File{}
	for _, f := range zr.File {
		if err := checkEntryName(f.Name); err != nil {
			return nil, nil, err
		}
		key := foldName(f.Name)
		if other := names[key]; other != nil {
			return nil, nil, fmt.Errorf("tệp DOCX có hai mục trùng tên %q và %q (tên phần trong DOCX không phân biệt chữ hoa, chữ thường); %s",
				other.Name, f.Name, resaveHint)
		}
		names[key] = f
		size := f.UncompressedSize64
		total += size
		switch {
		case size > maxPartSize:
			return nil, nil, fmt.Errorf("phần %q của tệp DOCX quá lớn (%d MB, tối đa %d MB)", f.Name, size>>20, maxPartSize>>20)
		case size > ratioFloor && size > maxRatio*f.CompressedSize64:
			return nil, nil, fmt.Errorf("phần %q của tệp DOCX nén bất thường (%d lần): có thể là tệp độc hại (zip bomb)",
				f.Name, size/max(f.CompressedSize64, 1))
		case total > maxTotal:
			return nil, nil, fmt.Errorf("tệp DOCX giải nén ra quá lớn (hơn %d MB); xóa các phần không cần (ảnh lớn, dữ liệu thừa) rồi lưu lại", maxTotal>>20)
		}
	}
	// The whole package: many parts each under the floor add up. The
	// file's length bounds what the parts hold compressed (entries that
	// share their data cannot count it twice).
	if total > ratioFloor && total > maxRatio*uint64(len(raw)) {
		return nil, nil, fmt.Errorf("tệp DOCX nén bất thường: %d KB giải nén ra %d MB (%d lần): có thể là tệp độc hại (zip bomb)",
			len(raw)>>10, total>>20, total/uint64(max(len(raw), 1)))
	}
	return zr, names, nil
}

// checkEntryName refuses an entry name that is not a plain part name: one
// that an unzip tool would write outside its folder or onto another entry
// (absolute, "..", "\", a drive or stream colon, a segment Windows trims),
// a folder entry, or one that cannot be shown as it is (control, format
// or bidirectional characters, bytes that are not UTF-8).
func checkEntryName(name string) error {
	why := ""
	switch {
	case name == "":
		why = "tên rỗng"
	case !utf8.ValidString(name) || strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsPrint(r) }):
		why = "tên có ký tự điều khiển, ký tự vô hình hoặc không phải UTF-8"
	case strings.Contains(name, `\`):
		why = "tên có dấu «\\» (đường dẫn Windows)"
	case strings.HasPrefix(name, "/"):
		why = "tên là đường dẫn tuyệt đối"
	case strings.HasSuffix(name, "/"):
		why = "mục thư mục (tệp được nén lại bằng công cụ nén thay vì lưu bằng Word)"
	}
	for seg := range strings.SplitSeq(name, "/") {
		if why != "" {
			break
		}
		switch {
		case seg == "":
			why = "tên có đoạn rỗng («//»)"
		case seg == "." || seg == "..":
			why = "tên có đoạn «" + seg + "» trỏ ra ngoài thư mục"
		case strings.Contains(seg, ":"):
			why = "tên có dấu «:» (ổ đĩa hoặc luồng dữ liệu Windows)"
		case strings.HasSuffix(seg, ".") || strings.HasSuffix(seg, " "):
			why = "tên có đoạn kết thúc bằng dấu chấm hoặc dấu cách (Windows bỏ đi, trùng với tên khác)"
		}
	}
	if why == "" {
		return nil
	}
	return fmt.Errorf("tệp DOCX có mục %q không hợp lệ: %s; mẫu bị sửa bằng công cụ khác hoặc độc hại, %s", name, why, resaveHint)
}

// foldName is the key under which part names are compared: OPC part
// names are case-insensitive, and a name spelt with composed or
// decomposed accents is the same name on macOS.
func foldName(name string) string {
	return strings.ToLower(norm.NFC.String(name))
}

// checkPartNames refuses the parts whose name alone shows active or
// embedded content: a VBA project, ActiveX controls, OLE objects and
// embedded packages (Word keeps them under embeddings/).
func checkPartNames(zr *zip.Reader) error {
	for _, f := range zr.File {
		lower := strings.ToLower(f.Name)
		switch {
		case strings.HasSuffix(lower, "vbaproject.bin"), strings.HasSuffix(lower, "vbadata.xml"):
			return errMacro
		case hasSegment(lower, "activex"):
			return fmt.Errorf("%q: %s", f.Name, errActiveX)
		case hasSegment(lower, "embeddings"):
			return fmt.Errorf("%q: %s", f.Name, errEmbedded)
		}
	}
	return nil
}

// hasSegment reports whether a folder of the slash-separated name is seg.
func hasSegment(name, seg string) bool {
	return strings.HasPrefix(name, seg+"/") || strings.Contains(name, "/"+seg+"/")
}

var (
	errMacro    = errors.New("tệp chứa macro (VBA); mẫu không được chứa macro: hãy mở bằng Word và lưu lại dạng \"Word Document (.docx)\", không phải .docm")
	errActiveX  = errors.New("mẫu có điều khiển ActiveX; mẫu không được chứa nội dung chạy được: hãy xóa điều khiển đó trong Word (Developer → Design Mode, chọn rồi bấm Delete) rồi lưu lại")
	errEmbedded = errors.New("mẫu có đối tượng nhúng (OLE: bảng Excel, tệp đính kèm, gói tài liệu khác); đối tượng này được chép vào mọi văn bản và có thể chạy chương trình khác: hãy xóa đối tượng (chọn rồi bấm Delete), hoặc chép nội dung của nó vào văn bản (Paste Special → Unformatted Text)")
)

// notZip says what a file that is not a zip archive seems to be.
func notZip(raw []byte) string {
	head := strings.ToLower(strings.TrimLeft(string(raw[:min(len(raw), 512)]), "\ufeff \t\r\n"))
	switch {
	case len(raw) == 0:
		return "tệp rỗng, không phải DOCX"
	case bytes.HasPrefix(raw, []byte("\xd0\xcf\x11\xe0")):
		return "đây là tệp Word 97-2003 (.doc) hoặc tệp DOCX có đặt mật khẩu, không phải DOCX; hãy mở bằng Word và lưu lại dạng \"Word Document (.docx)\", không đặt mật khẩu"
	case strings.HasPrefix(head, "%pdf"):
		return "đây là tệp PDF, không phải DOCX; mẫu phải là tệp Word (.docx)"
	case strings.HasPrefix(head, "{\\rtf"):
		return "đây là tệp RTF, không phải DOCX; hãy mở bằng Word và lưu lại dạng \"Word Document (.docx)\""
	case strings.HasPrefix(head, "<?xml"), strings.HasPrefix(head, "<html"), strings.HasPrefix(head, "<!doctype"):
		return "đây là tệp XML/HTML (Word XML 2003 hoặc trang web lưu đuôi .doc), không phải DOCX; hãy mở bằng Word và lưu lại dạng \"Word Document (.docx)\""
	}
	return "không phải tệp DOCX (tệp DOCX là một tệp nén zip; tệp này không phải)"
}

// quoteShort quotes text from the file for a message: «shortened», with
// what a terminal would act on or hide (control, format and bidirectional
// characters, bytes that are not UTF-8) written as Go escapes, and
// backslashes kept as they are (a Windows path stays readable).
func quoteShort(s string) string {
	var b strings.Builder
	b.WriteString("«")
	for i, r := range []rune(strings.ToValidUTF8(s, "\uFFFD")) {
		if i == 79 {
			b.WriteString("…")
			break
		}
		if unicode.IsPrint(r) {
			b.WriteRune(r)
		} else {
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		}
	}
	b.WriteString("»")
	return b.String()
}

// attr is the value of the attribute with local name local, or "".
func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// readPart reads a small part whole.
func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, 4096))
}
