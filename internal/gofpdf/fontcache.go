package gofpdf

// hoso: a TrueType file given as bytes is parsed once per process, not once
// per document. Parsing, and the JSON-and-SHA-1 font ID computed from the
// 65536 widths, cost about as much as drawing a three-page document.

import (
	"bytes"
	"crypto/sha1"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"sync"
	"weak"
)

// The cache holds every font file parsed, with its own copy of the file's
// bytes, which never changes: every document reads its font from that
// copy, so the bytes a caller gives may change as soon as
// AddUTF8FontFromBytes returns.
//
// Which cached font a document gets is decided by the bytes it gives:
//   - bytes not seen in this slice before are compared in full with the
//     cached files of the same size, family and style (findUTF8Font);
//   - a slice given before (same array, same start and length) was so
//     compared then; it is only checked again for a change (sameFile), and
//     compared in full when it changed.
//
// sameFile compares the table directory (each table's tag, checksum,
// offset and length) and head's checkSumAdjustment (the whole file's
// checksum): another font copied into the buffer, or any edit that changes
// a table's checksum or length, is seen. An edit in place that keeps every
// table's checksum is not seen, and the document then gets the font as the
// slice held it first, whole: comparing the full file on every call would
// cost about 20 µs per face and document, 4 % of drawing a three-page
// document. The entry of a slice since collected stays (a few words).
var (
	utf8FontsMu sync.RWMutex
	utf8Fonts   = map[utf8FontKey][]*cachedFont{}
	seen        sync.Map // sliceKey → *cachedFont the slice held when last compared
)

// utf8FontKey names the registrations that may share a parsed font: a
// file of the same size under the same family and style, with the same
// initial subset. Under one key, the files are told apart by their bytes.
type utf8FontKey struct {
	size     int
	fontkey  string
	subset57 bool
}

// sliceKey names the slice a font was given in, without keeping its array
// alive: weak pointers to the same byte compare equal, and never equal one
// to an array allocated later at the same address.
type sliceKey struct {
	first weak.Pointer[byte]
	font  utf8FontKey
}

// cachedFont is a parsed font definition (utf8File and usedRunes unset),
// the font file it was parsed from (the cache's copy, never changed) and
// the tables read from that file.
type cachedFont struct {
	def  fontDefType
	data []byte
	cmap *cmapTables
}

// findUTF8Font returns the cached font whose file holds the bytes data,
// nil when there is none.
func findUTF8Font(key utf8FontKey, data []byte) *cachedFont {
	id := sliceKey{weak.Make(&data[0]), key}
	if v, ok := seen.Load(id); ok {
		if c := v.(*cachedFont); sameFile(c.data, data) {
			return c
		}
	}
	utf8FontsMu.RLock()
	list := utf8Fonts[key]
	utf8FontsMu.RUnlock()
	for _, c := range list { // entries never change: compared unlocked
		if bytes.Equal(c.data, data) {
			seen.Store(id, c)
			return c
		}
	}
	return nil
}

// sameFile reports whether data, the same length as the cached file, has
// its table directory and its head table's checkSumAdjustment. False when
// file is not a TrueType file with a head table.
func sameFile(file, data []byte) bool {
	if len(file) != len(data) || len(file) < 12 {
		return false
	}
	end := 12 + 16*int(binary.BigEndian.Uint16(file[4:]))
	if end > len(file) || !bytes.Equal(file[:end], data[:end]) {
		return false
	}
	for rec := 12; rec < end; rec += 16 {
		if string(file[rec:rec+4]) != "head" {
			continue
		}
		adj := int(binary.BigEndian.Uint32(file[rec+8:])) + 8
		return adj+4 <= len(file) && bytes.Equal(file[adj:adj+4], data[adj:adj+4])
	}
	return false
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
// bytes, reading the cache's copy of them, with its own reader and its own
// set of used runes.
func cachedUTF8Font(data []byte, fontkey string, subset57 bool) (fontDefType, bool) {
	if len(data) == 0 {
		return fontDefType{}, false
	}
	c := findUTF8Font(utf8FontKey{len(data), fontkey, subset57}, data)
	if c == nil {
		return fontDefType{}, false
	}
	def := c.def
	def.utf8File = newUTF8Font(&fileReader{array: c.data})
	def.utf8File.cmap = c.cmap
	if subset57 {
		def.usedRunes = makeSubsetRange(57)
	} else {
		def.usedRunes = makeSubsetRange(32)
	}
	return def, true
}

// cacheUTF8Font keeps a definition parsed from file, a copy of given that
// nothing else holds and that never changes (addFontFromBytes). The
// widths slice is shared by every document and only read; subsetting
// parses the file again through each document's own reader. When another
// goroutine cached the same bytes meanwhile, its entry stays and def keeps
// its own tables.
func cacheUTF8Font(given, file []byte, fontkey string, subset57 bool, def fontDefType) {
	if len(file) == 0 {
		return
	}
	key := utf8FontKey{len(file), fontkey, subset57}
	utf8FontsMu.Lock()
	defer utf8FontsMu.Unlock()
	for _, c := range utf8Fonts[key] {
		if bytes.Equal(c.data, file) {
			return
		}
	}
	c := &cachedFont{def: def, data: file, cmap: &cmapTables{}}
	def.utf8File.cmap = c.cmap
	c.def.utf8File = nil
	c.def.usedRunes = nil
	utf8Fonts[key] = append(utf8Fonts[key], c)
	seen.Store(sliceKey{weak.Make(&given[0]), key}, c)
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
