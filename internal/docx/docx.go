package docx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"io/ioutil"
	"maps"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/flate" // hoso: faster than compress/flate
)

// Contains functions to work with data from a zip file
type ZipData interface {
	files() []*zip.File
	close() error
}

// Type for in memory zip files
type ZipInMemory struct {
	data *zip.Reader
}

func (d ZipInMemory) files() []*zip.File {
	return d.data.File
}

// Since there is nothing to close for in memory, just nil the data and return nil
func (d ZipInMemory) close() error {
	d.data = nil
	return nil
}

// Type for zip files read from disk
type ZipFile struct {
	data *zip.ReadCloser
}

func (d ZipFile) files() []*zip.File {
	return d.data.File
}

func (d ZipFile) close() error {
	return d.data.Close()
}

type ReplaceDocx struct {
	zipReader ZipData
	content   string
	links     string
	headers   map[string]string
	footers   map[string]string
	images    map[string]string
	original  *parts // hoso: the parts as read, for Write to compare
}

// parts holds the text of the parts as they were read (hoso).
type parts struct {
	content, links   string
	headers, footers map[string]string
}

func (r *ReplaceDocx) Editable() *Docx {
	return &Docx{
		files:    r.zipReader.files(),
		content:  r.content,
		links:    r.links,
		headers:  r.headers,
		footers:  r.footers,
		images:   r.images,
		original: r.original,
	}
}

func (r *ReplaceDocx) Close() error {
	return r.zipReader.close()
}

type Docx struct {
	files    []*zip.File
	content  string
	links    string
	headers  map[string]string
	footers  map[string]string
	images   map[string]string
	original *parts    // hoso
	modified time.Time // hoso: the date of every entry (SetModTime)
}

// SetModTime sets the date and time Write puts on every entry of the
// archive (hoso). Zip entries hold an MS-DOS date, 1980 to 2107: a time
// before is written as 1980-01-01 00:00:00, the earliest (so is the zero
// time, when SetModTime is not called), a time after as the latest.
func (d *Docx) SetModTime(t time.Time) {
	d.modified = t
}

func (d *Docx) GetContent() string {
	return d.content
}

func (d *Docx) SetContent(content string) {
	d.content = content
}

func (d *Docx) ReplaceRaw(oldString string, newString string, num int) {
	d.content = strings.Replace(d.content, oldString, newString, num)
}

func (d *Docx) Replace(oldString string, newString string, num int) (err error) {
	oldString, err = encode(oldString)
	if err != nil {
		return err
	}
	newString, err = encode(newString)
	if err != nil {
		return err
	}
	d.content = strings.Replace(d.content, oldString, newString, num)

	return nil
}

func (d *Docx) ReplaceLink(oldString string, newString string, num int) (err error) {
	oldString, err = encode(oldString)
	if err != nil {
		return err
	}
	newString, err = encode(newString)
	if err != nil {
		return err
	}
	d.links = strings.Replace(d.links, oldString, newString, num)

	return nil
}

func (d *Docx) ReplaceHeader(oldString string, newString string) (err error) {
	return replaceHeaderFooter(d.headers, oldString, newString)
}

func (d *Docx) ReplaceFooter(oldString string, newString string) (err error) {
	return replaceHeaderFooter(d.footers, oldString, newString)
}

func (d *Docx) WriteToFile(path string) (err error) {
	var target *os.File
	target, err = os.Create(path)
	if err != nil {
		return
	}
	defer target.Close()
	err = d.Write(target)
	return
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
		data, changed, err := d.part(file.Name)
		if err != nil {
			return err
		}
		if !changed {
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
		if _, err := writer.Write(data); err != nil {
			return err
		}
	}
	return w.Close()
}

// part returns what Write must write for a part, and whether it differs
// from the part as read (hoso).
func (d *Docx) part(name string) (data []byte, changed bool, err error) {
	o := d.original
	switch {
	case name == "word/document.xml":
		return []byte(d.content), d.content != o.content, nil
	case name == "word/_rels/document.xml.rels":
		return []byte(d.links), d.links != o.links, nil
	case strings.Contains(name, "header") && d.headers[name] != "":
		return []byte(d.headers[name]), d.headers[name] != o.headers[name], nil
	case strings.Contains(name, "footer") && d.footers[name] != "":
		return []byte(d.footers[name]), d.footers[name] != o.footers[name], nil
	case strings.HasPrefix(name, "word/media/") && d.images[name] != "":
		data, err := os.ReadFile(d.images[name])
		return data, true, err
	}
	return nil, false, nil
}

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

func replaceHeaderFooter(headerFooter map[string]string, oldString string, newString string) (err error) {
	oldString, err = encode(oldString)
	if err != nil {
		return err
	}
	newString, err = encode(newString)
	if err != nil {
		return err
	}

	for k := range headerFooter {
		headerFooter[k] = strings.Replace(headerFooter[k], oldString, newString, -1)
	}

	return nil
}

// ReadDocxFromFS opens a docx file from the file system
func ReadDocxFromFS(file string, fs fs.FS) (*ReplaceDocx, error) {
	f, err := fs.Open(file)
	if err != nil {
		return nil, err
	}
	buff := bytes.NewBuffer([]byte{})
	size, err := io.Copy(buff, f)
	if err != nil {
		return nil, err
	}
	reader := bytes.NewReader(buff.Bytes())
	return ReadDocxFromMemory(reader, size)
}

func ReadDocxFromMemory(data io.ReaderAt, size int64) (*ReplaceDocx, error) {
	reader, err := zip.NewReader(data, size)
	if err != nil {
		return nil, err
	}
	zipData := ZipInMemory{data: reader}
	return ReadDocx(zipData)
}

func ReadDocxFile(path string) (*ReplaceDocx, error) {
	reader, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	zipData := ZipFile{data: reader}
	return ReadDocx(zipData)
}

func ReadDocx(reader ZipData) (*ReplaceDocx, error) {
	content, err := readText(reader.files())
	if err != nil {
		return nil, err
	}

	links, err := readLinks(reader.files())
	if err != nil {
		return nil, err
	}

	headers, footers, _ := readHeaderFooter(reader.files())
	images, _ := retrieveImageFilenames(reader.files())
	// hoso: copies, for the maps given to Editable copies are shared and
	// may be edited.
	original := &parts{content: content, links: links, headers: maps.Clone(headers), footers: maps.Clone(footers)}
	return &ReplaceDocx{zipReader: reader, content: content, links: links, headers: headers, footers: footers, images: images, original: original}, nil
}

func retrieveImageFilenames(files []*zip.File) (map[string]string, error) {
	images := make(map[string]string)
	for _, f := range files {
		if strings.HasPrefix(f.Name, "word/media/") {
			images[f.Name] = ""
		}
	}
	return images, nil
}

func readHeaderFooter(files []*zip.File) (headerText map[string]string, footerText map[string]string, err error) {

	h, f, err := retrieveHeaderFooterDoc(files)

	if err != nil {
		return map[string]string{}, map[string]string{}, err
	}

	headerText, err = buildHeaderFooter(h)
	if err != nil {
		return map[string]string{}, map[string]string{}, err
	}

	footerText, err = buildHeaderFooter(f)
	if err != nil {
		return map[string]string{}, map[string]string{}, err
	}

	return headerText, footerText, err
}

func buildHeaderFooter(headerFooter []*zip.File) (map[string]string, error) {

	headerFooterText := make(map[string]string)
	for _, element := range headerFooter {
		documentReader, err := element.Open()
		if err != nil {
			return map[string]string{}, err
		}

		text, err := wordDocToString(documentReader)
		if err != nil {
			return map[string]string{}, err
		}

		headerFooterText[element.Name] = text
	}

	return headerFooterText, nil
}

func readText(files []*zip.File) (text string, err error) {
	var documentFile *zip.File
	documentFile, err = retrieveWordDoc(files)
	if err != nil {
		return text, err
	}
	var documentReader io.ReadCloser
	documentReader, err = documentFile.Open()
	if err != nil {
		return text, err
	}

	text, err = wordDocToString(documentReader)
	return
}

func readLinks(files []*zip.File) (text string, err error) {
	var documentFile *zip.File
	documentFile, err = retrieveLinkDoc(files)
	if err != nil {
		return text, err
	}
	var documentReader io.ReadCloser
	documentReader, err = documentFile.Open()
	if err != nil {
		return text, err
	}

	text, err = wordDocToString(documentReader)
	return
}

func wordDocToString(reader io.Reader) (string, error) {
	b, err := ioutil.ReadAll(reader)
	if err != nil {
		return "", err
	}
	return string(b), nil
}

func retrieveWordDoc(files []*zip.File) (file *zip.File, err error) {
	for _, f := range files {
		if f.Name == "word/document.xml" {
			file = f
		}
	}
	if file == nil {
		err = errors.New("document.xml file not found")
	}
	return
}

func retrieveLinkDoc(files []*zip.File) (file *zip.File, err error) {
	for _, f := range files {
		if f.Name == "word/_rels/document.xml.rels" {
			file = f
		}
	}
	if file == nil {
		err = errors.New("document.xml.rels file not found")
	}
	return
}

func retrieveHeaderFooterDoc(files []*zip.File) (headers []*zip.File, footers []*zip.File, err error) {
	for _, f := range files {

		if strings.Contains(f.Name, "header") {
			headers = append(headers, f)
		}
		if strings.Contains(f.Name, "footer") {
			footers = append(footers, f)
		}
	}
	if len(headers) == 0 && len(footers) == 0 {
		err = errors.New("headers[1-3].xml file not found and footers[1-3].xml file not found")
	}
	return
}

func streamToByte(stream io.Reader) []byte {
	buf := new(bytes.Buffer)
	buf.ReadFrom(stream)
	return buf.Bytes()
}

// To get Word to recognize a tab character, we have to first close off the previous
// text element.  This means if there are multiple consecutive tabs, there are empty <w:t></w:t>
// in between but it still seems to work correctly in the output document, certainly better
// than other combinations I tried.
const TAB = "</w:t><w:tab/><w:t>"
const NEWLINE = "<w:br/>"

func encode(s string) (string, error) {
	var b bytes.Buffer
	enc := xml.NewEncoder(bufio.NewWriter(&b))
	if err := enc.Encode(s); err != nil {
		return s, err
	}
	output := strings.Replace(b.String(), "<string>", "", 1) // remove string tag
	output = strings.Replace(output, "</string>", "", 1)
	output = strings.Replace(output, "&#xD;&#xA;", NEWLINE, -1) // \r\n (Windows newline)
	output = strings.Replace(output, "&#xD;", NEWLINE, -1)      // \r (earlier Mac newline)
	output = strings.Replace(output, "&#xA;", NEWLINE, -1)      // \n (unix/linux/OS X newline)
	output = strings.Replace(output, "&#x9;", TAB, -1)          // \t (tab)
	return output, nil
}

func (d *Docx) ReplaceImage(oldImage string, newImage string) (err error) {
	if _, ok := d.images[oldImage]; ok {
		d.images[oldImage] = newImage
		return nil
	}
	return fmt.Errorf("old image: %q, file not found", oldImage)
}

func (d *Docx) ImagesLen() int {
	return len(d.images)
}
