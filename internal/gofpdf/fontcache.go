package gofpdf

// hoso: a TrueType file given as bytes is parsed once per process, not once
// per document. Parsing, and the JSON-and-SHA-1 font ID computed from the
// 65536 widths, cost about as much as drawing a three-page document.

import (
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"sync"
	"unsafe"
)

// utf8FontKey names one registration of a font file: the same bytes (by
// content) under the same family and style, with the same initial subset.
type utf8FontKey struct {
	sum      uint64
	size     int
	fontkey  string
	subset57 bool
}

var fontSeed = maphash.MakeSeed()

func keyOf(data []byte, fontkey string, subset57 bool) utf8FontKey {
	return utf8FontKey{sumOf(data), len(data), fontkey, subset57}
}

// bytesID names a byte slice by where it lies in memory.
type bytesID struct {
	first *byte
	size  int
}

var sums sync.Map // bytesID → maphash sum of the bytes

// sumOf hashes a font file once per slice: the same fonts are given for
// every document, and hashing them cost more than a page of text. Like
// upstream, which reads the bytes again when the document is written, it
// takes the bytes given to AddUTF8FontFromBytes to stay unchanged.
func sumOf(data []byte) uint64 {
	id := bytesID{unsafe.SliceData(data), len(data)}
	if v, ok := sums.Load(id); ok {
		return v.(uint64)
	}
	sum := maphash.Bytes(fontSeed, data)
	sums.Store(id, sum)
	return sum
}

var utf8Fonts sync.Map // utf8FontKey → cachedFont

// cachedFont is a parsed font definition (utf8File and usedRunes unset)
// and the character map of its file.
type cachedFont struct {
	def  fontDefType
	cmap *cmapTables
}

// cmapTables is a font file's Unicode character map, read once by the
// first document that subsets the file, then only read.
type cmapTables struct {
	once       sync.Once
	ok         bool
	charSymbol map[int]int

	locaOnce sync.Once
	loca     []int // glyph offsets in the glyf table, read-only

	fixedOnce sync.Once
	fixed     *fixedTables // the tables every subset copies, read-only
}

// readCMAP sets utf.charSymbolDictionary from the file's character map.
func (utf *utf8FontFile) readCMAP() bool {
	if utf.cmap == nil {
		return utf.generateCMAP() != nil
	}
	c := utf.cmap
	c.once.Do(func() {
		c.ok = utf.generateCMAP() != nil
		c.charSymbol = utf.charSymbolDictionary
	})
	utf.charSymbolDictionary = c.charSymbol
	return c.ok
}

// readLOCA sets utf.symbolPosition from the file's glyph location table,
// parsed once per file.
func (utf *utf8FontFile) readLOCA(format, numSymbols int) {
	if utf.cmap == nil {
		utf.parseLOCATable(format, numSymbols)
		return
	}
	c := utf.cmap
	c.locaOnce.Do(func() {
		utf.parseLOCATable(format, numSymbols)
		c.loca = utf.symbolPosition
	})
	utf.symbolPosition = c.loca
}

// cachedUTF8Font returns a font definition parsed earlier from the same
// bytes, with its own reader and its own set of used runes.
func cachedUTF8Font(data []byte, fontkey string, subset57 bool) (fontDefType, bool) {
	if len(data) == 0 {
		return fontDefType{}, false
	}
	v, ok := utf8Fonts.Load(keyOf(data, fontkey, subset57))
	if !ok {
		return fontDefType{}, false
	}
	c := v.(cachedFont)
	def := c.def
	def.utf8File = newUTF8Font(&fileReader{array: data})
	def.utf8File.cmap = c.cmap
	if subset57 {
		def.usedRunes = makeSubsetRange(57)
	} else {
		def.usedRunes = makeSubsetRange(32)
	}
	return def, true
}

// cacheUTF8Font keeps a parsed definition. The widths slice is shared by
// every document and only read; subsetting parses the file again through
// each document's own reader.
func cacheUTF8Font(data []byte, fontkey string, subset57 bool, def fontDefType) {
	if len(data) == 0 {
		return
	}
	c := cachedFont{def: def, cmap: &cmapTables{}}
	def.utf8File.cmap = c.cmap
	c.def.utf8File = nil
	c.def.usedRunes = nil
	utf8Fonts.Store(keyOf(data, fontkey, subset57), c)
}

// utf8FontID is generateFontID without encoding the 65536 widths as JSON:
// the definition without its widths as JSON, then the widths as binary,
// through SHA-1.
func utf8FontID(def fontDefType) string {
	widths := def.Cw
	def.Cw = nil
	def.File = ""
	j, _ := json.Marshal(&def)
	h := sha1.New()
	h.Write(j)
	b := make([]byte, 4*len(widths))
	for i, w := range widths {
		binary.BigEndian.PutUint32(b[4*i:], uint32(w))
	}
	h.Write(b)
	return fmt.Sprintf("%x", h.Sum(nil))
}
