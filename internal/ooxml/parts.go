package ooxml

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"sync"

	"github.com/beevik/etree"
)

// Parts gives access to the parts of a DOCX file: their bytes, their
// parsed XML and their relationships, each part read at most once per
// call and never beyond the part size limit. Part names are compared
// without case, as OPC and Word do. It does not vet the file: one from
// elsewhere goes through CheckPackage first.
type Parts struct {
	files map[string]*zip.File // by foldName
	names []string
	// A filled document's parts (Filled): the body as the filler's tree,
	// and the other parts' trees parsed once for every such document.
	body     *etree.Element
	bodyName string // foldName of the body part
	shared   *treeCache
	cacheMu  sync.Mutex // guards cache, the template's own
	cache    *treeCache
}

// treeCache holds parsed parts, each parsed at most once (read only).
type treeCache struct {
	body  string // foldName of the main document part
	mu    sync.Mutex
	trees map[string]*treeEntry // by foldName
}

type treeEntry struct {
	once sync.Once
	root *etree.Element
	err  error
}

// Filled returns the parts of a document filled from the package p holds
// (a template): the same parts, but that body, the main document part,
// is the tree the filler made, not parsed again from its bytes. The other
// parts are read from p, parsed once for every document filled from it,
// and their trees are shared: a reader must not change them (nor body).
// Bytes of the body part is an error: only its tree is held.
func (p *Parts) Filled(body *etree.Element) *Parts {
	p.cacheMu.Lock()
	if p.cache == nil {
		p.cache = &treeCache{body: foldName(p.MainPart()), trees: map[string]*treeEntry{}}
	}
	c := p.cache
	p.cacheMu.Unlock()
	return &Parts{files: p.files, names: p.names, body: body, bodyName: c.body, shared: c}
}

// OpenParts opens a DOCX file's parts.
func OpenParts(docx []byte) (*Parts, error) {
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, fmt.Errorf("không phải tệp DOCX: %w", err)
	}
	return partsOf(zr), nil
}

// partsOf lists the parts of an opened archive.
func partsOf(zr *zip.Reader) *Parts {
	p := &Parts{files: make(map[string]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		key := foldName(f.Name)
		if _, dup := p.files[key]; !dup {
			p.names = append(p.names, f.Name)
		}
		p.files[key] = f
	}
	sort.Strings(p.names)
	return p
}

// Names lists the parts, sorted.
func (p *Parts) Names() []string { return p.names }

// Stat gives a part's uncompressed size and CRC-32 as the archive's
// directory records them, without reading the part.
func (p *Parts) Stat(name string) (size uint64, crc uint32, ok bool) {
	f := p.files[foldName(name)]
	if f == nil {
		return 0, 0, false
	}
	return f.UncompressedSize64, f.CRC32, true
}

// Bytes reads one part whole.
func (p *Parts) Bytes(name string) ([]byte, error) {
	if p.body != nil && foldName(name) == p.bodyName {
		return nil, fmt.Errorf("phần %s của văn bản đã điền chỉ có dạng cây XML", name)
	}
	f := p.files[foldName(name)]
	if f == nil {
		return nil, fmt.Errorf("thiếu phần %s", name)
	}
	if f.UncompressedSize64 > maxPartSize {
		return nil, fmt.Errorf("phần %s quá lớn (%d byte)", name, f.UncompressedSize64)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	// The directory's size is checked against the data by archive/zip
	// (ErrFormat when they differ); reading into a slice of that size
	// spares the growing copies of io.ReadAll.
	data := make([]byte, 0, f.UncompressedSize64+1)
	for {
		n, err := rc.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if len(data) == cap(data) {
			return nil, fmt.Errorf("%s: %w", name, zip.ErrFormat)
		}
	}
}

// XML reads and parses one part, returning its root element. For the parts
// of a filled document (Filled), the tree is shared: read only.
func (p *Parts) XML(name string) (*etree.Element, error) {
	if p.shared == nil {
		return p.parse(name)
	}
	key := foldName(name)
	if key == p.bodyName {
		return p.body, nil
	}
	p.shared.mu.Lock()
	e := p.shared.trees[key]
	if e == nil {
		e = &treeEntry{}
		p.shared.trees[key] = e
	}
	p.shared.mu.Unlock()
	e.once.Do(func() { e.root, e.err = p.parse(name) })
	return e.root, e.err
}

// parse reads and parses one part.
func (p *Parts) parse(name string) (*etree.Element, error) {
	data, err := p.Bytes(name)
	if err != nil {
		return nil, err
	}
	doc, err := parseXML(data)
	if err != nil {
		return nil, fmt.Errorf("%s: XML hỏng: %w", name, err)
	}
	if doc.Root() == nil {
		return nil, fmt.Errorf("%s: rỗng", name)
	}
	return doc.Root(), nil
}

// Rel is one internal relationship of a part, its target resolved to a
// part name.
type Rel struct{ ID, Type, Target string }

// Rels reads the relationships of a part ("" for the package's own,
// _rels/.rels). External targets (links out), and targets that are not a
// part name, are left out.
func (p *Parts) Rels(part string) ([]Rel, error) {
	root, err := p.XML(relsPartName(part))
	if err != nil {
		return nil, err
	}
	var out []Rel
	for e := range root.ChildElementsSeq() {
		r := relation{id: e.SelectAttrValue("Id", ""), typ: e.SelectAttrValue("Type", ""),
			target: e.SelectAttrValue("Target", ""), mode: e.SelectAttrValue("TargetMode", "")}
		if e.Tag != "Relationship" || r.external() {
			continue
		}
		if t, ok := resolveTarget(path.Dir(part), r.target); ok {
			out = append(out, Rel{ID: r.id, Type: r.typ, Target: t})
		}
	}
	return out, nil
}

// MainPart is the main document part named by the package relationships,
// word/document.xml when they name none.
func (p *Parts) MainPart() string {
	if t := p.Related("", "officeDocument"); t != "" {
		return t
	}
	return "word/document.xml"
}

// Related is the target of the first relationship of a part ("" for the
// package) whose type ends in "/"+kind ("styles", "settings"…), or "".
func (p *Parts) Related(part, kind string) string {
	rels, _ := p.Rels(part)
	for _, r := range rels {
		if strings.HasSuffix(r.Type, "/"+kind) {
			return r.Target
		}
	}
	return ""
}

// SideKind names, as a person sees it in Word, a part that holds
// paragraphs beside the body: "đầu trang" (header), "chân trang" (footer),
// "chú thích cuối trang" (footnotes, endnotes) or "chú thích lề"
// (comments); "" for any other part.
func SideKind(name string) string {
	dir, base := path.Split(name)
	if dir != "word/" || !strings.HasSuffix(base, ".xml") {
		return ""
	}
	switch {
	case strings.HasPrefix(base, "header"):
		return "đầu trang"
	case strings.HasPrefix(base, "footer"):
		return "chân trang"
	case strings.HasPrefix(base, "footnotes"), strings.HasPrefix(base, "endnotes"):
		return "chú thích cuối trang"
	case strings.HasPrefix(base, "comments"):
		return "chú thích lề"
	}
	return ""
}
