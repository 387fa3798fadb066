package testtool

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
)

// readerVersions are the values of "version needed to extract" that .NET's
// System.IO.Packaging accepts (10, 11, 20, 45; 11 is never written) and
// Word opens: 1.0 stored, 2.0 deflate, 4.5 zip64.
var readerVersions = []uint16{10, 20, 45}

// zipFlags are the general-purpose flag bits a DOCX entry may carry: the
// deflate options (1, 2), a data descriptor (3) and UTF-8 names (11).
// Bit 0 is encryption; the others are not for OPC packages.
const zipFlags = 1<<1 | 1<<2 | 1<<3 | 1<<11

// DOSDate is a zip entry's MS-DOS date and time as calendar fields.
type DOSDate struct {
	Year, Month, Day, Hour, Minute, Second int
}

func dosDate(date, clock uint16) DOSDate {
	return DOSDate{Year: 1980 + int(date>>9), Month: int(date >> 5 & 0xf), Day: int(date & 0x1f),
		Hour: int(clock >> 11), Minute: int(clock >> 5 & 0x3f), Second: 2 * int(clock&0x1f)}
}

func (d DOSDate) valid() bool {
	return d.Month >= 1 && d.Month <= 12 && d.Day >= 1 && d.Day <= 31 &&
		d.Hour <= 23 && d.Minute <= 59 && d.Second <= 59
}

// ZipEntries checks every entry of the archive b, in its central directory
// and in its local header, as Word and .NET's System.IO.Packaging read
// them: "version needed to extract" and "version made by" 1.0, 2.0 or 4.5;
// no encryption or other flag; method stored or deflate; a DOS date and
// time that exist; the local header agreeing with the central directory.
// It returns the entries' dates, by name, and one error naming every
// problem.
func ZipEntries(b []byte) (map[string]DOSDate, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	dates := map[string]DOSDate{}
	var problems []string
	bad := func(name, format string, args ...any) {
		problems = append(problems, name+": "+fmt.Sprintf(format, args...))
	}
	for _, f := range zr.File {
		if !slices.Contains(readerVersions, f.ReaderVersion) {
			bad(f.Name, "version needed to extract %d (central directory)", f.ReaderVersion)
		}
		if !slices.Contains(readerVersions, f.CreatorVersion&0xff) {
			bad(f.Name, "version made by %d", f.CreatorVersion&0xff)
		}
		if f.Flags&^zipFlags != 0 {
			bad(f.Name, "flags %#04x", f.Flags)
		}
		if f.Method != zip.Store && f.Method != zip.Deflate {
			bad(f.Name, "compression method %d", f.Method)
		}
		d := dosDate(f.ModifiedDate, f.ModifiedTime)
		if !d.valid() {
			bad(f.Name, "DOS date %+v does not exist (central directory)", d)
		}
		dates[f.Name] = d
		local, err := localHeader(b, f)
		if err != nil {
			bad(f.Name, "%v", err)
			continue
		}
		if local.version != f.ReaderVersion {
			bad(f.Name, "version needed to extract %d in the local header, %d in the central directory", local.version, f.ReaderVersion)
		}
		if local.method != f.Method || local.date != f.ModifiedDate || local.time != f.ModifiedTime {
			bad(f.Name, "method or date differ between the local header and the central directory")
		}
	}
	if len(problems) > 0 {
		return dates, fmt.Errorf("%d problems in the zip entries:\n%s", len(problems), strings.Join(problems, "\n"))
	}
	return dates, nil
}

// localFields is what ZipEntries reads of an entry's local file header.
type localFields struct {
	version, method, time, date uint16
}

// localHeader finds the local file header of f in b: the 30 bytes, the
// name and the extra field just before f's data, the extra field's length
// being the one the header itself states.
func localHeader(b []byte, f *zip.File) (localFields, error) {
	data, err := f.DataOffset()
	if err != nil {
		return localFields{}, err
	}
	for extra := int64(0); extra <= 0xffff; extra++ {
		at := data - extra - int64(len(f.Name)) - 30
		if at < 0 {
			break
		}
		h := b[at:data]
		le := binary.LittleEndian
		if string(h[:4]) != "PK\x03\x04" || int64(le.Uint16(h[28:])) != extra ||
			int(le.Uint16(h[26:])) != len(f.Name) || string(h[30:30+len(f.Name)]) != f.Name {
			continue
		}
		return localFields{version: le.Uint16(h[4:]), method: le.Uint16(h[8:]), time: le.Uint16(h[10:]), date: le.Uint16(h[12:])}, nil
	}
	return localFields{}, fmt.Errorf("no local header before the data at %d", data)
}
