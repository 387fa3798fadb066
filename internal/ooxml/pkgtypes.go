package ooxml

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"strings"
)

// partKind is what a relationship of one kind must reach: a part of this
// content type (a prefix, for images) whose XML root element has this
// local name ("" for a part that is not XML).
type partKind struct{ contentType, root string }

// Content types of WordprocessingML and of the package's own parts.
const (
	ctWML    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	ctOffice = "application/vnd.openxmlformats-officedocument."
	ctRels   = "application/vnd.openxmlformats-package.relationships+xml"
	ctImage  = "image/"
)

// partKinds are the relationship kinds whose target's content type and
// root element are checked: what Word and LibreOffice write. A part of
// another kind needs a content type of its own and passes the other
// checks (fields, embedded content…).
var partKinds = map[string][]partKind{
	"officeDocument":      {{ctWML + "document.main+xml", "document"}, {ctWML + "template.main+xml", "document"}},
	"styles":              {{ctWML + "styles+xml", "styles"}},
	"stylesWithEffects":   {{"application/vnd.ms-word.stylesWithEffects+xml", "styles"}},
	"settings":            {{ctWML + "settings+xml", "settings"}},
	"webSettings":         {{ctWML + "webSettings+xml", "webSettings"}},
	"fontTable":           {{ctWML + "fontTable+xml", "fonts"}},
	"numbering":           {{ctWML + "numbering+xml", "numbering"}},
	"header":              {{ctWML + "header+xml", "hdr"}},
	"footer":              {{ctWML + "footer+xml", "ftr"}},
	"footnotes":           {{ctWML + "footnotes+xml", "footnotes"}},
	"endnotes":            {{ctWML + "endnotes+xml", "endnotes"}},
	"comments":            {{ctWML + "comments+xml", "comments"}},
	"glossaryDocument":    {{ctWML + "document.glossary+xml", "glossaryDocument"}},
	"theme":               {{ctOffice + "theme+xml", "theme"}},
	"customXmlProps":      {{ctOffice + "customXmlProperties+xml", "datastoreItem"}},
	"core-properties":     {{"application/vnd.openxmlformats-package.core-properties+xml", "coreProperties"}},
	"extended-properties": {{ctOffice + "extended-properties+xml", "Properties"}},
	"custom-properties":   {{ctOffice + "custom-properties+xml", "Properties"}},
	"thumbnail":           {{ctImage, ""}},
	"image":               {{ctImage, ""}},
}

// docPropsKinds are the kinds by which the package's relationships may
// reach a part in docProps/: the document's properties and thumbnail.
var docPropsKinds = map[string]bool{
	"core-properties": true, "extended-properties": true, "custom-properties": true, "thumbnail": true,
	"extendedProperties": true, "customProperties": true, // Strict OOXML's names
}

// reach is one relationship that reaches a part.
type reach struct {
	kind    string
	fromPkg bool // a relationship of the package itself (_rels/.rels)
}

// checkReached walks the relationships from the package's own and
// refuses a part none of them reaches ([Content_Types].xml and the
// relationship parts of reached parts need none), a part in docProps/
// other than the properties and thumbnail the package's relationships
// reach, and a part whose content type or root element is not what the
// relationships reaching it say (a header declared as a footer, or as
// plain XML, makes a document Word calls damaged).
func (pkg *pkgScan) checkReached() error {
	reached := pkg.walk()
	for _, f := range pkg.files {
		key := foldName(f.Name)
		if key == foldName("[Content_Types].xml") {
			continue
		}
		by, ok := reached[key]
		if !ok {
			return fmt.Errorf("phần %q của tệp DOCX không được phần nào dùng tới (không quan hệ nào trỏ tới): có thể là dữ liệu thừa hoặc nội dung giấu; "+
				"hãy xóa phần đó khỏi tệp, hoặc mở tệp bằng Word hoặc LibreOffice rồi lưu lại (khi lưu, phần không dùng bị bỏ)", f.Name)
		}
		if err := pkg.checkKind(f, by); err != nil {
			return err
		}
		if err := pkg.checkRefs(f.Name); err != nil {
			return err
		}
	}
	return nil
}

// walk follows the relationships from the package's own, breadth first,
// and gives every part reached with the relationships reaching it; a
// relationship part is given with none.
func (pkg *pkgScan) walk() map[string][]reach {
	reached := map[string][]reach{}
	queue := []string{""}
	for len(queue) > 0 {
		source := queue[0]
		queue = queue[1:]
		relsKey := foldName(relsPartName(source))
		if _, seen := reached[relsKey]; !seen {
			reached[relsKey] = nil
		}
		for _, r := range pkg.rels[relsKey] {
			if r.external() {
				continue
			}
			name, _ := resolveTarget(path.Dir(source), r.target)
			f := pkg.names[foldName(name)]
			if f == nil {
				continue
			}
			by, seen := reached[foldName(name)]
			reached[foldName(name)] = append(by, reach{kind: r.kind(), fromPkg: source == ""})
			if !seen {
				queue = append(queue, f.Name)
			}
		}
	}
	return reached
}

// checkKind checks one reached part against the relationships reaching
// it (none for a relationship part).
func (pkg *pkgScan) checkKind(f *zip.File, by []reach) error {
	name := f.Name
	ct := strings.ToLower(strings.TrimSpace(strings.Split(pkg.types.of(name), ";")[0]))
	fix := "mẫu bị sửa bằng công cụ khác hoặc độc hại; " + resaveHint
	if ct == "" {
		return fmt.Errorf("phần %q không có kiểu nội dung (content type) trong [Content_Types].xml; %s", name, fix)
	}
	if len(by) == 0 && strings.HasSuffix(strings.ToLower(name), ".rels") && ct != ctRels {
		return fmt.Errorf("phần quan hệ %q có kiểu nội dung %s, không phải %s; %s", name, quoteShort(ct), ctRels, fix)
	}
	docProps := strings.HasPrefix(foldName(name), "docprops/")
	for _, r := range by {
		if docProps && !(r.fromPkg && docPropsKinds[r.kind]) {
			return fmt.Errorf("phần %q nằm trong docProps/ nhưng không phải thuộc tính tài liệu (core.xml, app.xml, custom.xml) hay ảnh thu nhỏ mà gói trỏ tới (quan hệ %s); %s",
				name, quoteShort(r.kind), fix)
		}
		kinds, known := partKinds[r.kind]
		if !known {
			continue
		}
		if !matchKind(kinds, ct, pkg.roots[foldName(name)].Local) {
			return fmt.Errorf("phần %q có kiểu nội dung %s (phần tử gốc %s), không phải kiểu mà quan hệ %s cần (%s); Word sẽ báo tệp hỏng; %s",
				name, quoteShort(ct), quoteShort(pkg.roots[foldName(name)].Local), quoteShort(r.kind), kinds[0].contentType, fix)
		}
		if kinds[0].root == "" && !looksLikeImage(f) {
			return fmt.Errorf("phần %q khai báo là ảnh (quan hệ %s) nhưng nội dung là chương trình, tệp OLE hay tệp nén; %s", name, quoteShort(r.kind), fix)
		}
	}
	if docProps && len(by) == 0 {
		return fmt.Errorf("phần %q nằm trong docProps/ nhưng không phải thuộc tính tài liệu hay ảnh thu nhỏ; %s", name, fix)
	}
	return nil
}

// matchKind reports whether a part of content type ct (lower case) and
// root element root is one of kinds.
func matchKind(kinds []partKind, ct, root string) bool {
	for _, k := range kinds {
		want := strings.ToLower(k.contentType)
		if k.root == "" && strings.HasPrefix(ct, want) || k.root != "" && ct == want && root == k.root {
			return true
		}
	}
	return false
}

// looksLikeImage reports whether a part declared an image does not start
// as a program, an OLE compound file or a zip archive would: what an
// image relationship reaches is copied into every output.
func looksLikeImage(f *zip.File) bool {
	head, err := readPart(f)
	if err != nil {
		return false
	}
	for _, magic := range []string{"MZ", "\xd0\xcf\x11\xe0", "PK\x03\x04", "\x7fELF"} {
		if bytes.HasPrefix(head, []byte(magic)) {
			return false
		}
	}
	return true
}

// checkRefs refuses an XML part that uses a relationship id (r:id,
// r:embed…) its relationships part does not declare: Word calls such a
// file damaged.
func (pkg *pkgScan) checkRefs(name string) error {
	ids := map[string]bool{}
	for _, r := range pkg.rels[foldName(relsPartName(name))] {
		ids[r.id] = true
	}
	for _, id := range pkg.refs[foldName(name)] {
		if !ids[id] {
			return fmt.Errorf("phần %q dùng quan hệ %s mà %q không khai báo; Word sẽ báo tệp hỏng; %s", name, quoteShort(id), relsPartName(name), resaveHint)
		}
	}
	return nil
}
