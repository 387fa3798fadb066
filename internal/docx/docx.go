// Package docx is hoso's DOCX carrier: a patched copy of
// github.com/nguyenthenguyen/docx (see PATCHES.md). It reads a template's
// main document part once and writes one archive per filled document,
// copying every other part as it is stored.
package docx

import (
	"archive/zip"
	"errors"
	"io"
	"path"
	"sync"
	"time"

	"github.com/klauspost/compress/flate" // hoso: faster than compress/flate
)

//lint:file-ignore SA1019 hoso writes the MS-DOS date fields on purpose: FileHeader.Modified would add an extended-timestamp extra field (PATCHES.md, 4).

// ReplaceDocx is a DOCX archive as read: its parts and the text of its
// main document part. hoso: only that part is read and may change;
// upstream also read the links, headers, footers and images for its
// Replace methods.
type ReplaceDocx struct {
	files   []*zip.File
	content string
}

// Editable returns a document to fill, sharing the archive's parts.
func (r *ReplaceDocx) Editable() *Docx {
	return &Docx{
		files:    r.files,
		content:  r.content,
		original: r.content,
	}
}

// Docx is one document being filled from a ReplaceDocx.
type Docx struct {
	files    []*zip.File
	content  string
	original string    // hoso: content as read, for Write to compare
	modified time.Time // hoso: the date of every entry (SetModTime)
}

// SetModTime sets the date and time Write puts on every entry of the
// archive (hoso). Zip entries hold an MS-DOS date, 1980 to 2107: a time
// before is written as 1980-01-01 00:00:00, the earliest (so is the zero
// time, when SetModTime is not called), a time after as the latest.
func (d *Docx) SetModTime(t time.Time) {
	d.modified = t
}

// GetContent returns the main document part's XML.
func (d *Docx) GetContent() string {
	return d.content
}

// SetContent replaces the main document part's XML.
func (d *Docx) SetContent(content string) {
	d.content = content
}

// Write writes the document as a DOCX archive.
//
// hoso: a part the caller did not change is copied as it is stored in the
// source archive (neither inflated nor compressed again); a changed part is
// compressed with a pooled compressor; write errors are returned (upstream
// dropped them, and the archive's central directory with them). Every
// entry is dated (SetModTime) and says it was made by and needs zip 2.0:
// .NET's System.IO.Packaging refuses any "version needed to extract" but
// 10, 11, 20 and 45, and Word calls such a file unreadable.
func (d *Docx) Write(ioWriter io.Writer) error {
	w := zip.NewWriter(ioWriter)
	w.RegisterCompressor(zip.Deflate, pooledDeflate)
	date, clock := dosTime(d.modified)
	for _, file := range d.files {
		if file.Name != documentPart || d.content == d.original {
			if err := copyRaw(w, file, date, clock); err != nil {
				return err
			}
			continue
		}
		writer, err := w.CreateHeader(&zip.FileHeader{Name: file.Name, Method: zip.Deflate,
			ModifiedDate: date, ModifiedTime: clock})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(writer, d.content); err != nil {
			return err
		}
	}
	return w.Close()
}

// documentPart is the main document, the only part Write may compress
// again (hoso).
const documentPart = "word/document.xml"

// zipVersion20 is zip 2.0, what an entry with deflate needs: "version
// made by" (host 0, MS-DOS) and "version needed to extract" (hoso).
// zip.Writer.CreateHeader writes it; CreateRaw writes what it is given.
const zipVersion20 = 20

// copyRaw copies a part of the source archive into w as it is stored,
// dated date and clock (hoso). Parts are far under 4 GiB (the template
// checks bound them), so no entry needs zip64 (version 4.5).
func copyRaw(w *zip.Writer, file *zip.File, date, clock uint16) error {
	raw, err := file.OpenRaw()
	if err != nil {
		return err
	}
	out, err := w.CreateRaw(&zip.FileHeader{
		Name:               file.Name,
		CreatorVersion:     zipVersion20,
		ReaderVersion:      zipVersion20,
		Method:             file.Method,
		Flags:              file.Flags &^ 0x8, // sizes are known: no data descriptor
		ModifiedDate:       date,
		ModifiedTime:       clock,
		CRC32:              file.CRC32,
		CompressedSize64:   file.CompressedSize64,
		UncompressedSize64: file.UncompressedSize64,
	})
	if err != nil {
		return err
	}
	buf := copyBuffers.Get().(*[]byte)
	_, err = io.CopyBuffer(out, raw, *buf)
	copyBuffers.Put(buf)
	return err
}

// dosTime returns t as an MS-DOS date and time, t's wall clock clamped to
// the years a DOS date holds, 1980 to 2107 (hoso).
func dosTime(t time.Time) (date, clock uint16) {
	first := time.Date(1980, 1, 1, 0, 0, 0, 0, t.Location())
	last := time.Date(2107, 12, 31, 23, 59, 58, 0, t.Location())
	if t.Before(first) {
		t = first
	} else if t.After(last) {
		t = last
	}
	date = uint16((t.Year()-1980)<<9 | int(t.Month())<<5 | t.Day())
	clock = uint16(t.Hour()<<11 | t.Minute()<<5 | t.Second()/2)
	return date, clock
}

// copyBuffers keeps the buffers copyRaw copies through (hoso): io.Copy
// allocates and clears 32 KB for each part.
var copyBuffers = sync.Pool{New: func() any {
	b := make([]byte, 4096)
	return &b
}}

// deflaters keeps compressors between parts and documents (hoso): a new
// one allocates and clears about a megabyte of tables.
var deflaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, flate.BestSpeed)
	return fw
}}

type pooledWriter struct{ *flate.Writer }

// Close ends the compressed stream and gives the compressor back.
func (p pooledWriter) Close() error {
	err := p.Writer.Close()
	deflaters.Put(p.Writer)
	return err
}

func pooledDeflate(w io.Writer) (io.WriteCloser, error) {
	fw := deflaters.Get().(*flate.Writer)
	fw.Reset(w)
	return pooledWriter{fw}, nil
}

// ReadDocxFromMemory reads a DOCX archive of size bytes. It fails when
// the archive holds no word/document.xml or no
// word/_rels/document.xml.rels.
func ReadDocxFromMemory(data io.ReaderAt, size int64) (*ReplaceDocx, error) {
	reader, err := zip.NewReader(data, size)
	if err != nil {
		return nil, err
	}
	content, err := readPart(reader.File, documentPart)
	if err != nil {
		return nil, err
	}
	// hoso: the links are read to refuse a document without them, as
	// upstream does, and not kept.
	if _, err := readPart(reader.File, "word/_rels/document.xml.rels"); err != nil {
		return nil, err
	}
	return &ReplaceDocx{files: reader.File, content: content}, nil
}

// readPart returns the text of the archive's last part named name (hoso:
// one function for upstream's readText and readLinks).
func readPart(files []*zip.File, name string) (string, error) {
	var file *zip.File
	for _, f := range files {
		if f.Name == name {
			file = f
		}
	}
	if file == nil {
		return "", errors.New(path.Base(name) + " file not found")
	}
	r, err := file.Open()
	if err != nil {
		return "", err
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	return string(b), nil
}
