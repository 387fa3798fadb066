package ooxml

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
)

// Namespaces whose elements the safety check recognises.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsOffice  = "urn:schemas-microsoft-com:office:office" // VML's o: prefix
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships"
)

// maxXMLDepth is the deepest nesting of elements a part may have: the
// limit etree, which reads the parts afterwards, applies.
const maxXMLDepth = 1024

// relation is one relationship as a .rels part declares it.
type relation struct{ id, typ, target, mode string }

// external reports whether the relationship points outside the package:
// declared so, or (failing closed) with a target no part name can be.
func (r relation) external() bool {
	if r.mode != "" && r.mode != "Internal" {
		return true
	}
	t := r.target
	return strings.Contains(t, ":") || strings.HasPrefix(t, "//") || strings.HasPrefix(t, `\\`)
}

// kind is the last segment of the relationship type: "styles", "oleObject"…
func (r relation) kind() string { return path.Base(r.typ) }

// pkgScan is what reading every XML part of a package told.
type pkgScan struct {
	files []*zip.File
	names map[string]*zip.File  // by foldName
	rels  map[string][]relation // by the folded name of their .rels part
	roots map[string]xml.Name   // root element of each XML part, by folded name
	refs  map[string][]string   // relationship ids (r:id, r:embed…) each XML part uses, by folded name
	types contentTypes
}

// scanPackage reads every XML part through once, refusing the package at
// the first part that is not well-formed, declares a DOCTYPE or ENTITY,
// or holds active, embedded or outside content (see CheckPackage).
func scanPackage(zr *zip.Reader, names map[string]*zip.File) (*pkgScan, error) {
	types := contentTypes{byExt: map[string]string{}, byPart: map[string]string{}}
	pkg := &pkgScan{files: zr.File, names: names, rels: map[string][]relation{}, roots: map[string]xml.Name{}, refs: map[string][]string{}, types: types}
	ctFile := names[foldName("[Content_Types].xml")]
	root, err := scanXML(ctFile, types.add)
	if err != nil {
		return nil, err
	}
	pkg.roots[foldName(ctFile.Name)] = root
	for _, f := range zr.File {
		if f == ctFile {
			continue
		}
		ct := types.of(f.Name)
		if err := checkContentType(f.Name, ct); err != nil {
			return nil, err
		}
		if !isXMLPart(f.Name, ct) {
			continue
		}
		var rels []relation
		root, err := scanXML(f, func(se xml.StartElement) error {
			if se.Name.Local == "Relationship" && strings.HasSuffix(strings.ToLower(f.Name), ".rels") {
				rels = append(rels, relation{id: attr(se, "Id"), typ: attr(se, "Type"), target: attr(se, "Target"), mode: attr(se, "TargetMode")})
			}
			for _, a := range se.Attr {
				if a.Name.Space == nsR || a.Name.Space == nsRStrict {
					pkg.refs[foldName(f.Name)] = append(pkg.refs[foldName(f.Name)], a.Value)
				}
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if err := checkRels(f.Name, rels); err != nil {
			return nil, err
		}
		pkg.roots[foldName(f.Name)] = root
		pkg.rels[foldName(f.Name)] = rels
	}
	return pkg, nil
}

// scanXML reads one XML part through: it must be well-formed UTF-8 XML
// with one root element, no deeper than maxXMLDepth, without directives
// (DOCTYPE, ENTITY), embedded objects or risky fields. visit sees every
// start element. A part that cannot be read is refused: the check fails
// closed.
func scanXML(f *zip.File, visit func(xml.StartElement) error) (root xml.Name, err error) {
	rc, err := f.Open()
	if err != nil {
		return root, fmt.Errorf("phần %q hỏng, không giải nén được; %s", f.Name, resaveHint)
	}
	defer rc.Close()
	dec := xml.NewDecoder(io.LimitReader(rc, maxPartSize))
	fields := fieldCodes{part: f.Name}
	depth, roots := 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return root, malformed(f.Name, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if depth++; depth > maxXMLDepth {
				return root, fmt.Errorf("phần %q lồng quá sâu (hơn %d tầng); %s", f.Name, maxXMLDepth, resaveHint)
			}
			if depth == 1 {
				roots++
				root = t.Name
			}
			if err := checkElement(f.Name, t); err != nil {
				return root, err
			}
			if err := fields.start(t); err != nil {
				return root, err
			}
			if err := visit(t); err != nil {
				return root, err
			}
		case xml.EndElement:
			depth--
			if err := fields.end(t); err != nil {
				return root, err
			}
		case xml.CharData:
			if depth == 0 && strings.Trim(string(t), " \t\r\n") != "" {
				return root, fmt.Errorf("phần %q hỏng: có chữ ngoài phần tử gốc; %s", f.Name, resaveHint)
			}
			fields.text(t)
		case xml.Directive:
			return root, fmt.Errorf("phần %q có khai báo %s: mẫu không được khai báo DOCTYPE hay ENTITY (có thể tải định nghĩa từ nơi khác); Word và LibreOffice không tự tạo khai báo này, %s",
				f.Name, quoteShort("<!"+string(t)+">"), resaveHint)
		}
	}
	if roots != 1 {
		return root, fmt.Errorf("phần %q hỏng: cần đúng một phần tử gốc, có %d; %s", f.Name, roots, resaveHint)
	}
	return root, fields.finish()
}

// malformed words a decoding error of a part.
func malformed(part string, err error) error {
	if se, ok := errors.AsType[*xml.SyntaxError](err); ok {
		return fmt.Errorf("phần %q hỏng: không phải XML hợp lệ (lỗi ở dòng %d); %s", part, se.Line, resaveHint)
	}
	return fmt.Errorf("phần %q hỏng, không đọc được (không phải XML UTF-8, hoặc dữ liệu nén hỏng); %s", part, resaveHint)
}

// checkElement refuses the elements of active or embedded content: OLE
// objects, ActiveX controls and content imported from another file.
func checkElement(part string, se xml.StartElement) error {
	n := se.Name
	w := n.Space == nsW || n.Space == nsWStrict
	switch {
	case w && (n.Local == "object" || n.Local == "objectEmbed" || n.Local == "objectLink"), n.Space == nsOffice && n.Local == "OLEObject":
		return fmt.Errorf("%q (<%s>): %s", part, n.Local, errEmbedded)
	case w && n.Local == "control":
		return fmt.Errorf("%q (<%s>): %s", part, n.Local, errActiveX)
	case w && n.Local == "altChunk":
		return fmt.Errorf("%q (<%s>): %s", part, n.Local, errAltChunk)
	}
	return nil
}

var errAltChunk = errors.New("mẫu có nội dung nhập từ tệp khác (altChunk: HTML, RTF hay tài liệu chèn nguyên khối); hãy mở bằng Word rồi lưu lại để nội dung thành văn bản thường, hoặc xóa phần đó")

// contentTypes are the declarations of [Content_Types].xml.
type contentTypes struct{ byExt, byPart map[string]string }

// add records a Default or Override declaration.
func (c contentTypes) add(se xml.StartElement) error {
	switch se.Name.Local {
	case "Default":
		c.byExt[strings.ToLower(attr(se, "Extension"))] = attr(se, "ContentType")
	case "Override":
		c.byPart[foldName(unescapePart(strings.TrimPrefix(attr(se, "PartName"), "/")))] = attr(se, "ContentType")
	}
	return nil
}

// of is the content type of a part.
func (c contentTypes) of(name string) string {
	if ct, ok := c.byPart[foldName(name)]; ok {
		return ct
	}
	return c.byExt[strings.ToLower(strings.TrimPrefix(path.Ext(name), "."))]
}

// checkContentType refuses parts of macro-enabled, ActiveX, OLE and
// embedded-package content types.
func checkContentType(part, ct string) error {
	lower := strings.ToLower(ct)
	office := strings.HasPrefix(lower, "application/vnd.openxmlformats-officedocument.")
	switch {
	case strings.Contains(lower, "macroenabled"), strings.Contains(lower, "vbaproject"), strings.Contains(lower, "vbadata"):
		return errMacro
	case strings.Contains(lower, "activex"):
		return fmt.Errorf("%q (%s): %s", part, quoteShort(ct), errActiveX)
	case strings.Contains(lower, "oleobject"), strings.Contains(lower, "opendocument"),
		strings.HasPrefix(lower, "application/msword"), strings.HasPrefix(lower, "application/vnd.ms-excel"), strings.HasPrefix(lower, "application/vnd.ms-powerpoint"),
		office && (strings.HasSuffix(lower, ".sheet") || strings.HasSuffix(lower, ".document") || strings.HasSuffix(lower, ".template") ||
			strings.HasSuffix(lower, ".presentation") || strings.HasSuffix(lower, ".slideshow")):
		return fmt.Errorf("%q (%s): %s", part, quoteShort(ct), errEmbedded)
	}
	return nil
}

// isXMLPart reports whether a part is XML by its name or content type.
func isXMLPart(name, ct string) bool {
	switch strings.ToLower(path.Ext(name)) {
	case ".xml", ".rels", ".vml":
		return true
	}
	ct = strings.ToLower(strings.TrimSpace(strings.Split(ct, ";")[0]))
	return strings.HasSuffix(ct, "+xml") || strings.HasSuffix(ct, "/xml")
}

// checkRels refuses relationships to macros, OLE objects, embedded
// packages, ActiveX controls and imported content, relationships pointing
// outside the file other than web hyperlinks, and internal targets that
// are not part names of this package.
func checkRels(part string, rels []relation) error {
	dir := relsSourceDir(part)
	for _, r := range rels {
		switch kind := strings.ToLower(r.kind()); {
		case strings.Contains(kind, "vbaproject"):
			return errMacro
		case kind == "oleobject", kind == "package":
			return fmt.Errorf("%q (quan hệ %s → %s): %s", part, quoteShort(r.kind()), quoteShort(r.target), errEmbedded)
		case kind == "control":
			return fmt.Errorf("%q (quan hệ %s → %s): %s", part, quoteShort(r.kind()), quoteShort(r.target), errActiveX)
		case kind == "afchunk":
			return fmt.Errorf("%q (quan hệ %s → %s): %s", part, quoteShort(r.kind()), quoteShort(r.target), errAltChunk)
		}
		if r.external() {
			if r.kind() == "hyperlink" && webLink(r.target) {
				continue
			}
			return fmt.Errorf("%q: tệp DOCX có liên kết ra ngoài (%s → %s); mẫu không được lấy nội dung từ nơi khác: %s",
				part, quoteShort(r.kind()), quoteShort(r.target), externalHint(r.kind()))
		}
		if _, ok := resolveTarget(dir, r.target); !ok {
			return fmt.Errorf("%q: quan hệ %s trỏ tới %s, không phải một phần trong tệp; %s", part, quoteShort(r.kind()), quoteShort(r.target), resaveHint)
		}
	}
	return nil
}

// webLink reports whether a hyperlink's target is a web page or an e-mail
// address, not a file or a network share.
func webLink(target string) bool {
	t := strings.ToLower(target)
	return strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "mailto:")
}

// externalHint tells how to remove an external relationship in Word.
func externalHint(kind string) string {
	switch kind {
	case "attachedTemplate":
		return "bỏ mẫu đính kèm trong Word (Developer → Document Template → xóa tên mẫu) rồi lưu lại"
	case "image":
		return "chèn ảnh từ tệp trên máy (Insert → Pictures → This Device) thay vì liên kết"
	case "hyperlink":
		return "liên kết chỉ được trỏ tới trang web (http://, https://) hoặc thư điện tử (mailto:); sửa hoặc bỏ liên kết (chuột phải → Edit Hyperlink hoặc Remove Hyperlink)"
	}
	return "xóa phần liên kết đó hoặc chép nội dung vào văn bản"
}

// relsPartName is the relationships part of a part ("" for the package).
func relsPartName(part string) string {
	dir, base := path.Split(part)
	return dir + "_rels/" + base + ".rels"
}

// relsSourceDir is the folder relative targets of a .rels part start
// from: "word" for word/_rels/document.xml.rels, "" for _rels/.rels.
func relsSourceDir(rels string) string {
	dir := path.Dir(rels)
	if path.Base(dir) == "_rels" {
		dir = path.Dir(dir)
	}
	if dir == "." {
		return ""
	}
	return dir
}

// resolveTarget turns an internal relationship target into a part name:
// relative to dir (the source part's folder), or from the package root
// when it starts with "/"; percent-escapes are decoded. ok is false for a
// target that is not a part name inside the package.
func resolveTarget(dir, target string) (name string, ok bool) {
	t, _, _ := strings.Cut(target, "#")
	t = unescapePart(t)
	if t == "" || strings.Contains(t, `\`) {
		return "", false
	}
	if strings.HasPrefix(t, "/") {
		name = path.Clean(t)[1:]
	} else {
		name = path.Join(dir, t)
	}
	return name, name != "" && name != "." && name != ".." && !strings.HasPrefix(name, "../")
}

// unescapePart decodes the percent-escapes of a part name, leaving a name
// with a broken escape as it is.
func unescapePart(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// checkStructure refuses a package without a main document part or a
// styles part that is one, and parts no relationship reaches.
func (pkg *pkgScan) checkStructure() error {
	main := pkg.target("", "officeDocument")
	if main == "" || !isW(pkg.roots[foldName(main)], "document") {
		return errors.New("tệp nén này không phải tài liệu Word (không có phần văn bản chính w:document mà _rels/.rels trỏ tới)")
	}
	styles := pkg.target(main, "styles")
	switch {
	case styles == "":
		return fmt.Errorf("%q: mẫu không có phần kiểu (styles.xml) nên phông và cỡ chữ mặc định tùy máy; hãy mở bằng Word hoặc LibreOffice, đặt phông Times New Roman cho kiểu Normal rồi lưu lại", main)
	case !isW(pkg.roots[foldName(styles)], "styles"):
		return fmt.Errorf("phần %q không phải phần kiểu (cần phần tử gốc w:styles); %s", styles, resaveHint)
	}
	return pkg.checkReached()
}

// isW reports whether n is the WordprocessingML element local.
func isW(n xml.Name, local string) bool {
	return (n.Space == nsW || n.Space == nsWStrict) && n.Local == local
}

// target is the existing part the first relationship of kind from source
// ("" for the package) points to, or "".
func (pkg *pkgScan) target(source, kind string) string {
	for _, r := range pkg.rels[foldName(relsPartName(source))] {
		if r.kind() != kind || r.external() {
			continue
		}
		if name, ok := resolveTarget(path.Dir(source), r.target); ok && pkg.names[foldName(name)] != nil {
			return pkg.names[foldName(name)].Name
		}
	}
	return ""
}
