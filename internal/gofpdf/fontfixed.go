package gofpdf

// hoso: the tables a subset copies unchanged from the font file (names,
// hinting programs, OS/2…) are the same in every subset of that file. They
// are gathered, check-summed and compressed once per file and placed after
// the tables that change, so that each PDF compresses only what is its own
// and splices the rest in (deflate blocks from separate compressors follow
// one another when the first ends on a byte boundary: a sync flush).

import (
	"bytes"
	"encoding/binary"
	"hash/adler32"
	"sort"
	"sync"

	"github.com/klauspost/compress/flate"
)

// fixedTableNames are the tables GenerateCutFont copies as they are (post
// is rebuilt, but only from the file's own header).
var fixedTableNames = []string{"OS/2", "cvt ", "fpgm", "gasp", "name", "post", "prep"}

// fixedTables are a font file's unchanged tables, laid out one after the
// other (each padded to four bytes) in tag order.
type fixedTables struct {
	names    []string       // present tables, sorted
	offset   map[string]int // in block
	size     map[string]int // unpadded
	checksum map[string][]int
	block    []byte
	sum      uint32 // TrueType checksum of block
	adler    uint32 // Adler-32 of block
	deflated []byte // block as final deflate blocks, best compression
}

// fixed returns the file's unchanged tables, built once per file when
// the file is shared (utf.cmap set).
func (utf *utf8FontFile) fixed() *fixedTables {
	if utf.cmap == nil {
		return utf.buildFixed()
	}
	c := utf.cmap
	c.fixedOnce.Do(func() { c.fixed = utf.buildFixed() })
	return c.fixed
}

func (utf *utf8FontFile) buildFixed() *fixedTables {
	fx := &fixedTables{offset: map[string]int{}, size: map[string]int{}, checksum: map[string][]int{}}
	for _, name := range fixedTableNames {
		data := utf.getTableData(name)
		if name == "post" && len(data) >= 16 {
			data = append(append([]byte{0x00, 0x03, 0x00, 0x00}, data[4:16]...), make([]byte, 16)...)
		}
		if data == nil {
			continue
		}
		fx.names = append(fx.names, name)
		fx.offset[name] = len(fx.block)
		fx.size[name] = len(data)
		fx.checksum[name] = utf.generateChecksum(data)
		fx.block = append(fx.block, data...)
		for len(fx.block)%4 != 0 {
			fx.block = append(fx.block, 0)
		}
	}
	sort.Strings(fx.names)
	fx.sum = checksum32(utf.generateChecksum(fx.block))
	fx.adler = adler32.Checksum(fx.block)
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestCompression)
	w.Write(fx.block)
	w.Close()
	fx.deflated = buf.Bytes()
	return fx
}

func checksum32(c []int) uint32 { return uint32(c[0])<<16 | uint32(c[1]) }

// deflaters keeps compressors between streams: a new one allocates and
// clears about a megabyte of tables.
var deflaters = sync.Pool{New: func() interface{} {
	w, _ := flate.NewWriter(nil, flate.BestSpeed)
	return w
}}

// zlibStream compresses data (at BestSpeed) into a zlib stream; when fx
// is given, its ready blocks end the stream, after data.
func zlibStream(data []byte, fx *fixedTables) []byte {
	var buf bytes.Buffer
	if fx != nil { // font data compresses little
		buf.Grow(len(data) + len(fx.deflated) + 16)
	}
	buf.Write([]byte{0x78, 0x01}) // zlib header: deflate, 32 KB window, fastest
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(data)
	sum := adler32.Checksum(data)
	if fx == nil {
		w.Close()
	} else {
		w.Flush() // ends on a byte boundary, the stream still open
		buf.Write(fx.deflated)
		sum = adler32Combine(sum, fx.adler, len(fx.block))
	}
	deflaters.Put(w)
	return binary.BigEndian.AppendUint32(buf.Bytes(), sum)
}

// adler32Combine is the Adler-32 of a followed by b, from their sums and
// the length of b (zlib's adler32_combine).
func adler32Combine(a, b uint32, lenB int) uint32 {
	const base = 65521
	rem := uint32(lenB % base)
	sum1 := a & 0xffff
	sum2 := rem * sum1 % base
	sum1 += (b & 0xffff) + base - 1
	sum2 += (a >> 16) + (b >> 16) + base - rem
	if sum1 >= base {
		sum1 -= base
	}
	if sum1 >= base {
		sum1 -= base
	}
	if sum2 >= base<<1 {
		sum2 -= base << 1
	}
	if sum2 >= base {
		sum2 -= base
	}
	return sum1 | sum2<<16
}
