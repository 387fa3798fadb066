package book

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// Merger writes one PDF from the pages of Books appended in turn, without
// holding them: each Append writes the Book's pages and the objects they
// need at once (renumbered, copied byte for byte), and Close writes the
// fonts, the outline, the page tree and the cross-reference table. A
// picture is written once for all the Books (by content). So is each
// font: the pages of every Book refer to one font per face, written at
// Close, which must hold every character of every file's subset of it:
// the subset of an appended file that holds them all, when one does (a
// dossier drawn as one file), else the font of a PDF drawn for the
// purpose (Close checks that it holds them all). A Merger is used from
// one goroutine.
type Merger struct {
	out       *objWriter
	num       *numbering
	tree      *pageTree
	treeAttrs []byte // what the page tree gives every page: the first file's
	fonts     map[string]*sharedFont
	fontOrder []string // BaseFont names, in order of first use
	w         io.Writer
	version   string // the highest PDF version of the files ("1.4")
}

// sharedFont is a font the merged file holds once: its number there, the
// characters the appended files' subsets of it hold (read once a second
// file has it: until then its one subset holds them all), and a subset
// that holds all the characters seen (nil when none does).
type sharedFont struct {
	nr    int
	chars charBits
	whole *fontCopy
}

// NewMerger starts a merged PDF written to w (which should buffer: the
// objects are written one by one). A w that can grow (bytes.Buffer) is
// grown by about the size of each Book appended.
func NewMerger(w io.Writer) *Merger {
	return &Merger{w: w, tree: &pageTree{}, fonts: map[string]*sharedFont{}}
}

// Append writes every page of b after those appended before.
func (m *Merger) Append(b *Book) error {
	if m.out == nil {
		if len(b.files) == 0 {
			return errors.New("không có trang nào để ghép")
		}
		// The header is written before the later files are seen: it says
		// at least 1.4 (transparency, which the drawer's PNGs may need), and
		// the catalog says more when a later file needs it (Close).
		m.version = max(pdfVersion(b.files[0].header), minVersion)
		m.out = newObjWriter(m.w, []byte("%PDF-"+m.version+"\n"), 0)
		m.num = newNumbering(infoNr + 1)
		m.treeAttrs = b.files[0].inherit
	}
	m.num.renum = map[source]int{} // the picture keys stay
	if g, ok := m.w.(interface{ Grow(int) }); ok {
		size := 0
		for _, r := range b.files {
			size += len(r.pdf)
		}
		g.Grow(size)
	}
	for si, r := range b.files {
		if v := pdfVersion(r.header); v > m.version {
			m.version = v
		}
		if err := m.appendFile(si, r); err != nil {
			return err
		}
	}
	return m.out.err
}

// minVersion is the least PDF version a merged file declares.
const minVersion = "1.4"

// pdfVersion is the version a "%PDF-1.x" header line gives.
func pdfVersion(header []byte) string {
	return strings.TrimSpace(strings.TrimPrefix(string(header), "%PDF-"))
}

// appendFile writes the pages of file si of the Book being appended and
// the objects they need, but the fonts shared across files.
func (m *Merger) appendFile(si int, r *reader) error {
	own, err := m.ownAttrs(r.inherit)
	if err != nil {
		return err
	}
	sg := segment{r, 1, len(r.pages)}
	need, old, err := needed(r, sg.pages(), func(nr int, o *rawObject) bool { return m.shareFont(si, r, nr, o) })
	if err != nil {
		return err
	}
	write := m.num.add(si, r, old)
	isPage := map[int]bool{}
	for _, p := range sg.pages() {
		isPage[p] = true
		m.tree.add(m.num.renum[source{si, p}])
	}
	for _, nr := range write {
		v := need[nr].renumbered(m.num.lookup(si))
		if isPage[nr] {
			if v, err = pageValue(v, nr, own); err != nil {
				return err
			}
		}
		m.out.object(m.num.renum[source{si, nr}], v, need[nr].stream)
	}
	return m.out.err
}

// ownAttrs is what the pages of a file whose tree gives them inherit must
// carry themselves: nothing when the merged tree gives the same. A file
// whose tree lacks an attribute the merged tree gives cannot be merged.
func (m *Merger) ownAttrs(inherit []byte) ([]byte, error) {
	if bytes.Equal(inherit, m.treeAttrs) {
		return nil, nil
	}
	for _, key := range inheritKeyRe.FindAll(m.treeAttrs, -1) {
		if !bytes.Contains(inherit, key) {
			return nil, fmt.Errorf("không ghép được: cây trang của một tệp thiếu %s mà tệp đầu có", key)
		}
	}
	return inherit, nil
}

// shareFont takes a Type0 font of file si (object nr) out of the objects
// copied: its references are renumbered to the one font of its name in
// the merged file, and the characters its subset holds are noted. A font
// whose characters cannot be read is copied as it is (false).
func (m *Merger) shareFont(si int, r *reader, nr int, o *rawObject) bool {
	name, ok := fontName(o)
	if !ok {
		return false
	}
	f := m.fonts[name]
	if f == nil {
		c, err := copyFont(r, nr)
		if err != nil {
			return false
		}
		f = &sharedFont{nr: m.num.next, whole: c}
		m.num.next++
		m.fonts[name] = f
		m.fontOrder = append(m.fontOrder, name)
	} else if !m.addChars(f, r, nr, o) {
		return false
	}
	m.num.renum[source{si, nr}] = f.nr
	return true
}

// addChars notes the characters of another file's subset of f (object nr
// of r), and keeps a subset that holds them all, if one does.
func (m *Merger) addChars(f *sharedFont, r *reader, nr int, o *rawObject) bool {
	chars, ok := fontChars(r, o)
	if !ok {
		return false
	}
	if f.chars == nil { // the first file's, read now
		if f.chars, ok = fontChars(f.whole, f.whole.objs[f.whole.root]); !ok {
			return false
		}
		f.whole.chars = f.chars.clone()
	}
	f.chars.or(chars)
	if f.whole != nil && f.chars.without(f.whole.chars) >= 0 {
		f.whole = nil // the one kept no longer holds every character
	}
	if f.whole == nil && f.chars.without(chars) < 0 {
		if c, err := copyFont(r, nr); err == nil {
			c.chars, f.whole = chars, c
		}
	}
	return true
}

// Close writes the shared fonts, then the outline of marks, the catalog,
// the page tree and info, and the cross-reference table. A font no
// appended subset holds whole is taken from the PDF fonts draws with the
// characters chars gives for its BaseFont (see Merger); fonts is not
// called when no font needs it.
func (m *Merger) Close(fonts func(chars map[string][]rune) (*Book, error), info Info, marks []Bookmark) error {
	if m.out == nil {
		return errors.New("không có trang nào để ghép")
	}
	if err := m.writeFonts(fonts); err != nil {
		return err
	}
	catalog, ol, err := withOutline(marks, m.num.next, m.tree.refs)
	if err != nil {
		return err
	}
	if first := pdfVersion(m.out.header); m.version > first {
		// The header, written with the first file, says less than a later
		// file needs: the catalog says more (PDF 1.4 and later).
		catalog = strings.TrimSuffix(catalog, " >>") + " /Version /" + m.version + " >>"
	}
	ol.emit(m.out, m.num.next)
	m.out.object(catalogNr, []byte(catalog), nil)
	m.out.object(pagesNr, m.tree.dict(m.treeAttrs), nil)
	m.out.object(infoNr, infoDict(info), nil)
	return m.out.finish(catalogNr, infoNr)
}

// writeFonts writes each shared font, under the number the pages refer
// to, with the objects it needs.
func (m *Merger) writeFonts(fonts func(chars map[string][]rune) (*Book, error)) error {
	need := map[string][]rune{}
	for _, name := range m.fontOrder {
		if f := m.fonts[name]; f.whole == nil {
			need[name] = f.chars.runes()
		}
	}
	var drawn map[string]*fontCopy
	if len(need) > 0 {
		b, err := fonts(need)
		if err != nil {
			return err
		}
		if drawn, err = typeZeroFonts(b); err != nil {
			return err
		}
	}
	for _, name := range m.fontOrder {
		f := m.fonts[name]
		c := f.whole
		if c == nil {
			if c = drawn[name]; c == nil {
				return fmt.Errorf("thiếu phông %s để ghép", name)
			}
		}
		if f.chars != nil { // nil: one file had it, its subset is whole
			if missing := f.chars.without(c.chars); missing >= 0 {
				return fmt.Errorf("phông %s để ghép thiếu chữ U+%04X", name, missing)
			}
		}
		m.writeFont(f.nr, c)
	}
	return m.out.err
}

// writeFont writes font c as object nr, and the objects it needs under
// new numbers.
func (m *Merger) writeFont(nr int, c *fontCopy) {
	const seg = -1 // the font's own file
	m.num.renum[source{seg, c.root}] = nr
	for _, old := range c.old {
		if old != c.root {
			m.num.renum[source{seg, old}] = m.num.next
			m.num.next++
		}
	}
	for _, old := range c.old {
		o := c.objs[old]
		m.out.object(m.num.renum[source{seg, old}], o.renumbered(m.num.lookup(seg)), o.stream)
	}
}

// fontCopy is a Type0 font of some file, with every object it needs
// (which keep the file's bytes from being freed while it is kept: one
// drawn file at most).
type fontCopy struct {
	root  int                // the font's number in its file
	objs  map[int]*rawObject // it and the objects it needs, by number in its file
	old   []int              // their numbers, sorted
	chars charBits           // the characters its subset holds, once read
}

// object is object nr of the copy.
func (c *fontCopy) object(nr int) (*rawObject, error) {
	if o := c.objs[nr]; o != nil {
		return o, nil
	}
	return nil, fmt.Errorf("không tìm thấy đối tượng %d", nr)
}

// copyFont keeps font nr of r and the objects it needs.
func copyFont(r *reader, nr int) (*fontCopy, error) {
	need, old, err := needed(r, []int{nr}, nil)
	if err != nil {
		return nil, err
	}
	return &fontCopy{root: nr, objs: need, old: old}, nil
}

// typeZeroFonts copies the Type0 fonts the pages of b use, by BaseFont,
// with their characters.
func typeZeroFonts(b *Book) (map[string]*fontCopy, error) {
	found := map[string]*fontCopy{}
	for _, r := range b.files {
		var err error
		_, _, nerr := needed(r, r.pages, func(nr int, o *rawObject) bool {
			name, ok := fontName(o)
			if ok && found[name] == nil && err == nil {
				c, cerr := copyFont(r, nr)
				if cerr == nil {
					c.chars, ok = fontChars(r, o)
				}
				if err = cerr; ok && err == nil {
					found[name] = c
				}
			}
			return ok
		})
		if err == nil {
			err = nerr
		}
		if err != nil {
			return nil, err
		}
	}
	return found, nil
}

var (
	type0Re       = regexp.MustCompile(`/Subtype\s*/Type0\b`)
	baseFontRe    = regexp.MustCompile(`/BaseFont\s*/([^\s/<>\[\]()]+)`)
	descendantsRe = regexp.MustCompile(`/DescendantFonts\s*\[\s*(\d+)\s+\d+\s+R\s*\]`)
	cidToGIDRe    = regexp.MustCompile(`/CIDToGIDMap\s+(\d+)\s+\d+\s+R`)
	flateRe       = regexp.MustCompile(`/Filter\s*/FlateDecode\b`)
)

// fontName is the BaseFont of a Type0 font; ok is false for any other
// object.
func fontName(o *rawObject) (name string, ok bool) {
	if !bytes.Contains(o.value, []byte("/Type0")) || !type0Re.Match(o.value) {
		return "", false
	}
	bf := baseFontRe.FindSubmatch(o.value)
	if bf == nil {
		return "", false
	}
	return string(bf[1]), true
}

// objectSource gives the objects of a file, or of a font copied from one.
type objectSource interface {
	object(nr int) (*rawObject, error)
}

// fontChars reads the characters the subset of Type0 font o holds: those
// its CIDToGIDMap maps to a glyph (Identity-H: a character's code is its
// CID). ok is false for a font without such a map.
func fontChars(src objectSource, o *rawObject) (chars charBits, ok bool) {
	desc := descendantsRe.FindSubmatch(o.value)
	if desc == nil {
		return nil, false
	}
	cid, err := src.object(atoi(desc[1]))
	if err != nil {
		return nil, false
	}
	mapRef := cidToGIDRe.FindSubmatch(cid.value)
	if mapRef == nil {
		return nil, false
	}
	m, err := src.object(atoi(mapRef[1]))
	if err != nil || m.stream == nil {
		return nil, false
	}
	data := m.stream
	if flateRe.Match(m.value) {
		buf := inflaters.Get().(*inflater)
		defer inflaters.Put(buf)
		if data, err = buf.inflate(data); err != nil {
			return nil, false
		}
	}
	chars = make(charBits, 1<<16/64)
	for c := 0; 2*c+1 < len(data); c++ {
		if data[2*c]|data[2*c+1] != 0 {
			chars[c/64] |= 1 << (c % 64)
		}
	}
	return chars, true
}

// inflater decompresses a CIDToGIDMap: two bytes per code, 65536 codes
// at most. Its buffers are reused (a map is read per font and file).
type inflater struct {
	src bytes.Reader
	zr  io.ReadCloser
	out bytes.Buffer
}

var inflaters = sync.Pool{New: func() any { return &inflater{} }}

// inflate returns the zlib data b inflated, in a buffer that is the
// inflater's until its next use.
func (f *inflater) inflate(b []byte) ([]byte, error) {
	f.src.Reset(b)
	var err error
	if f.zr == nil {
		f.zr, err = zlib.NewReader(&f.src)
	} else {
		err = f.zr.(zlib.Resetter).Reset(&f.src, nil)
	}
	if err != nil {
		return nil, err
	}
	f.out.Reset()
	if _, err := f.out.ReadFrom(io.LimitReader(f.zr, 2<<16+1)); err != nil {
		return nil, err
	}
	if f.out.Len() > 2<<16 {
		return nil, errors.New("CIDToGIDMap quá lớn")
	}
	return f.out.Bytes(), nil
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}

// charBits is a set of 16-bit character codes.
type charBits []uint64

// runes lists the codes of c.
func (c charBits) runes() []rune {
	var out []rune
	for i, w := range c {
		for b := 0; w != 0; b++ {
			if w&1 != 0 {
				out = append(out, rune(i*64+b))
			}
			w >>= 1
		}
	}
	return out
}

// clone is a copy of c.
func (c charBits) clone() charBits { return append(charBits(nil), c...) }

// or adds the codes of o to c.
func (c *charBits) or(o charBits) {
	if *c == nil {
		*c = make(charBits, len(o))
	}
	for i, w := range o {
		(*c)[i] |= w
	}
}

// without returns the first code of c that o lacks, or -1.
func (c charBits) without(o charBits) int {
	for i, w := range c {
		if i < len(o) {
			w &^= o[i]
		}
		for b := 0; w != 0; b++ {
			if w&1 != 0 {
				return i*64 + b
			}
			w >>= 1
		}
	}
	return -1
}
