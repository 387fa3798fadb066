package ooxml

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Limits that keep a hostile or broken file from exhausting memory. The
// declared sizes are upper bounds: archive/zip refuses to read an entry
// past the size its header declares. Real XML compresses 5 to 20 times,
// very repetitive text (a paragraph pasted a hundred times) a few hundred
// times; only a large part compressed more than maxRatio times is taken
// for a zip bomb.
const (
	maxPartSize  = 64 << 20  // uncompressed bytes of one part
	maxTotalSize = 256 << 20 // uncompressed bytes of the whole package
	maxEntries   = 2000      // parts in the package
	maxRatio     = 100       // uncompressed/compressed size of a large part
	ratioFloor   = 32 << 20  // parts smaller than this are not ratio-checked
)

// CheckPackage vets a DOCX that comes from elsewhere before anything in it
// is read: it must be a zip archive (a clear message names what it is
// instead: an old .doc, a PDF, an RTF, an OpenDocument text…), within the
// limits above (zip bombs are refused by their compression ratio), with a
// document part, and free of active content: no macros (vbaProject.bin,
// macro-enabled content types), no ActiveX controls, no relationship
// pointing outside the file other than a hyperlink (an attachedTemplate,
// oleObject or image fetched from a server), and no field that runs or
// fetches something (DDE, DDEAUTO, INCLUDETEXT, INCLUDEPICTURE, LINK).
// The messages are Vietnamese, for the maintainer of the template.
func CheckPackage(raw []byte) error {
	_, err := vetPackage(raw)
	return err
}

// vetPackage is CheckPackage, giving the opened archive.
func vetPackage(raw []byte) (*zip.Reader, error) {
	zr, names, err := checkArchive(raw)
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		lower := strings.ToLower(f.Name)
		switch {
		case strings.HasSuffix(lower, "vbaproject.bin"), strings.HasSuffix(lower, "vbadata.xml"):
			return nil, errMacro
		case strings.HasPrefix(lower, "word/activex/"):
			return nil, errors.New("tệp DOCX chứa điều khiển ActiveX; mẫu không được chứa nội dung chạy được: hãy xóa điều khiển đó trong Word")
		}
	}
	if mime := names["mimetype"]; mime != nil {
		if b, err := readPart(mime); err == nil && strings.Contains(string(b), "opendocument") {
			return nil, errors.New("đây là tệp OpenDocument (.odt), không phải DOCX; hãy mở bằng LibreOffice và lưu lại dạng Word 2007-365 (.docx)")
		}
	}
	ct := names["[Content_Types].xml"]
	if ct == nil || names["word/document.xml"] == nil && !hasMainPart(names) {
		return nil, errors.New("tệp nén này không phải tài liệu Word (thiếu [Content_Types].xml hoặc word/document.xml)")
	}
	if err := checkContentTypes(ct); err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		switch {
		case strings.HasSuffix(f.Name, ".rels"):
			if err := checkRels(f); err != nil {
				return nil, err
			}
		case strings.HasPrefix(f.Name, "word/") && strings.HasSuffix(f.Name, ".xml"):
			if err := checkFields(f); err != nil {
				return nil, err
			}
		}
	}
	return zr, nil
}

// checkArchive checks what the archive's directory tells without reading
// any part: a zip archive within the limits above.
func checkArchive(raw []byte) (*zip.Reader, map[string]*zip.File, error) {
	if !bytes.HasPrefix(raw, []byte("PK")) {
		return nil, nil, errors.New(notZip(raw))
	}
	zr, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return nil, nil, fmt.Errorf("tệp DOCX hỏng, không mở được (%v); hãy mở bằng Word hoặc LibreOffice rồi lưu lại", err)
	}
	if len(zr.File) > maxEntries {
		return nil, nil, fmt.Errorf("tệp DOCX có quá nhiều phần (%d, tối đa %d)", len(zr.File), maxEntries)
	}
	var total uint64
	names := map[string]*zip.File{}
	for _, f := range zr.File {
		names[f.Name] = f
		size := f.UncompressedSize64
		total += size
		switch {
		case size > maxPartSize:
			return nil, nil, fmt.Errorf("phần %s của tệp DOCX quá lớn (%d MB, tối đa %d MB)", f.Name, size>>20, maxPartSize>>20)
		case total > maxTotalSize:
			return nil, nil, fmt.Errorf("tệp DOCX giải nén ra quá lớn (hơn %d MB)", maxTotalSize>>20)
		case size > ratioFloor && size > maxRatio*f.CompressedSize64:
			return nil, nil, fmt.Errorf("phần %s của tệp DOCX nén bất thường (%d lần): có thể là tệp độc hại (zip bomb)",
				f.Name, size/max(f.CompressedSize64, 1))
		}
	}
	return zr, names, nil
}

var errMacro = errors.New("tệp chứa macro (VBA); mẫu không được chứa macro: hãy mở bằng Word và lưu lại dạng \"Word Document (.docx)\", không phải .docm")

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

// hasMainPart reports whether the package relationships name a main
// document part that exists.
func hasMainPart(names map[string]*zip.File) bool {
	f := names["_rels/.rels"]
	if f == nil {
		return false
	}
	found := false
	eachElement(f, func(se xml.StartElement) error {
		if se.Name.Local == "Relationship" && strings.HasSuffix(attr(se, "Type"), "/officeDocument") {
			found = names[strings.TrimPrefix(attr(se, "Target"), "/")] != nil
		}
		return nil
	})
	return found
}

// checkContentTypes refuses macro-enabled and ActiveX content types.
func checkContentTypes(f *zip.File) error {
	return eachElement(f, func(se xml.StartElement) error {
		ct := strings.ToLower(attr(se, "ContentType"))
		switch {
		case strings.Contains(ct, "macroenabled"), strings.Contains(ct, "vbaproject"), strings.Contains(ct, "vbadata"):
			return errMacro
		case strings.Contains(ct, "activex"):
			return errors.New("tệp DOCX chứa điều khiển ActiveX; mẫu không được chứa nội dung chạy được: hãy xóa điều khiển đó trong Word")
		}
		return nil
	})
}

// checkRels refuses relationships that point outside the file, except
// hyperlinks, and relationships to macros.
func checkRels(f *zip.File) error {
	return eachElement(f, func(se xml.StartElement) error {
		if se.Name.Local != "Relationship" {
			return nil
		}
		typ := attr(se, "Type")
		kind := path.Base(typ)
		if strings.Contains(strings.ToLower(kind), "vbaproject") {
			return errMacro
		}
		if attr(se, "TargetMode") != "External" || kind == "hyperlink" {
			return nil
		}
		return fmt.Errorf("%s: tệp DOCX có liên kết ra ngoài (%s → %q); mẫu không được lấy nội dung từ nơi khác: %s",
			f.Name, kind, quoteShort(attr(se, "Target")), externalHint(kind))
	})
}

// externalHint tells how to remove an external relationship in Word.
func externalHint(kind string) string {
	switch kind {
	case "attachedTemplate":
		return "bỏ mẫu đính kèm trong Word (Developer → Document Template → xóa tên mẫu) rồi lưu lại"
	case "oleObject":
		return "xóa đối tượng liên kết (OLE) hoặc chép nội dung của nó vào văn bản"
	case "image":
		return "chèn ảnh từ tệp trên máy (Insert → Pictures → This Device) thay vì liên kết"
	}
	return "xóa phần liên kết đó hoặc chép nội dung vào văn bản"
}

// riskyFields are the field codes that run something or fetch content
// from elsewhere when the document is opened or updated.
var riskyFields = map[string]bool{"DDE": true, "DDEAUTO": true, "INCLUDETEXT": true, "INCLUDEPICTURE": true, "LINK": true, "IMPORT": true}

// checkFields refuses fields that run or fetch something.
func checkFields(f *zip.File) error {
	var code strings.Builder
	inInstr := false
	check := func(instr string) error {
		name, _, _ := strings.Cut(strings.TrimSpace(instr), " ")
		if riskyFields[strings.ToUpper(name)] {
			return fmt.Errorf("%s: tệp DOCX có trường %s (%q): trường này chạy lệnh hoặc lấy nội dung từ nơi khác; hãy xóa trường đó",
				f.Name, strings.ToUpper(name), quoteShort(strings.TrimSpace(instr)))
		}
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	data, err := io.ReadAll(io.LimitReader(rc, maxPartSize))
	rc.Close()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if !bytes.Contains(data, []byte("instrText")) && !bytes.Contains(data, []byte("fldSimple")) {
		return nil // no field at all: nothing to tokenize
	}
	return tokens(bytes.NewReader(data), func(tok xml.Token) error {
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "instrText":
				inInstr = true
				code.Reset()
			case "fldSimple":
				return check(attr(t, "instr"))
			}
		case xml.CharData:
			if inInstr {
				code.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "instrText" {
				inInstr = false
				return check(code.String())
			}
		}
		return nil
	})
}

// quoteShort shortens s for a message.
func quoteShort(s string) string {
	if rs := []rune(s); len(rs) > 80 {
		return string(rs[:79]) + "…"
	}
	return s
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

// eachElement streams the start elements of an XML part to fn.
func eachElement(f *zip.File, fn func(xml.StartElement) error) error {
	return eachToken(f, func(tok xml.Token) error {
		if se, ok := tok.(xml.StartElement); ok {
			return fn(se)
		}
		return nil
	})
}

// eachToken streams the tokens of an XML part to fn; a part that is not
// well-formed XML ends the stream quietly (the readers report it).
func eachToken(f *zip.File, fn func(xml.Token) error) error {
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	defer rc.Close()
	return tokens(io.LimitReader(rc, maxPartSize), fn)
}

// tokens feeds the raw XML tokens of r to fn until the end or fn's error.
func tokens(r io.Reader, fn func(xml.Token) error) error {
	dec := xml.NewDecoder(r)
	dec.Strict = false
	for {
		tok, err := dec.RawToken()
		if err != nil {
			return nil
		}
		if err := fn(tok); err != nil {
			return err
		}
	}
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
