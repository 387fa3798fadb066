// Package xlsxin reads the list of nominees a clerk keeps in Excel (STT,
// họ và tên or tên tập thể, chức vụ, đơn vị, hình thức đề nghị, ngày
// sinh…) and turns its rows into [[de_nghi]] blocks of a submission file.
//
// The sheet is read as clerks make it: title rows above the table, a
// header row found by its Vietnamese column names (any case, with or
// without diacritics, over one or two merged rows), a row of column
// numbers, blank rows, section rows ("I. TẬP THỂ", "II. CÁ NHÂN") giving
// the kind of the rows below them, a footer with signatures. Columns the
// submission has no key for are left out with a warning naming them.
// Dates are Excel dates or "dd/mm/yyyy" text. An award is resolved in the
// form set's catalogue and written as its code.
//
// Every problem is reported at once, in Vietnamese, located as Excel
// names a cell ('Danh sách'!C12); with any problem, no block is given. The
// values go through the same decoder and the same checks of their content
// as a submission file, so what is refused in a TOML file is refused here,
// at its cell. The package knows no Word file and no template.
package xlsxin

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/xuri/excelize/v2"
)

// Limits on the workbook, so that a wrong file gets a message quickly.
const (
	MaxFileSize  = 20 << 20  // bytes of the .xlsx file
	maxUnzipped  = 200 << 20 // bytes of all its parts once unpacked
	maxPartInRAM = 16 << 20  // a larger sheet is unpacked to a temporary file
	headerRows   = 40        // the header row is looked for in the first rows
	maxRows      = 20000     // rows of one sheet
)

// Options says where the nominees go.
type Options struct {
	// Set is the form set of the submission: awards are resolved in its
	// catalogue.
	Set *formset.Set
	// Into is the submission the nominees are added to (may be nil): a
	// nominee it already has is skipped, and its dates serve the checks (a
	// birth date after the Tờ trình).
	Into *submission.Submission
}

// Notice is a problem or a warning, located at a cell, a row or a sheet
// ("Sheet1!C12", "Sheet1!12:12", "Sheet1"), or at nothing for the file.
type Notice struct {
	At   string
	Text string
	Hint string
}

func (n Notice) String() string {
	if n.At == "" {
		return n.Text
	}
	return n.At + ": " + n.Text
}

// Entry is one nominee read from one row.
type Entry struct {
	Nominee submission.Nominee
	Sheet   string
	Row     int    // 1-based, as Excel shows it
	Award   string // the award as the sheet wrote it, when written as its code
	cells   map[string]string
}

// Result is what a workbook gives.
type Result struct {
	Entries  []Entry
	Warnings []Notice // things left out or skipped, each named
	Problems []Notice // with any, no entry may be used
}

// Read reads the workbook in r (size bytes). name is the file's name, for
// messages. An error is a file that cannot be read as a workbook at all,
// with a Vietnamese message; everything else is in the Result.
func Read(r io.ReaderAt, size int64, name string, opts Options) (*Result, error) {
	if size > MaxFileSize {
		return nil, fmt.Errorf("tệp %s nặng %.1f MB, quá giới hạn %d MB của một bảng danh sách: kiểm tra xem có chọn nhầm tệp không",
			name, float64(size)/(1<<20), MaxFileSize>>20)
	}
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n < 4 || !bytes.HasPrefix(head, []byte("PK")) {
		if bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
			return nil, fmt.Errorf("%s là tệp Excel 97-2003 (.xls) hoặc có đặt mật khẩu: hãy mở bằng Excel hoặc LibreOffice, bỏ mật khẩu nếu có, rồi lưu thành .xlsx", name)
		}
		return nil, fmt.Errorf("%s không phải tệp Excel .xlsx", name)
	}
	f, err := excelize.OpenReader(io.NewSectionReader(r, 0, size), excelize.Options{
		RawCellValue: true, UnzipSizeLimit: maxUnzipped, UnzipXMLSizeLimit: maxPartInRAM})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, fmt.Errorf("%s giải nén ra quá %d MB: không phải một bảng danh sách", name, maxUnzipped>>20)
		}
		return nil, fmt.Errorf("không đọc được %s: tệp hỏng hoặc không phải .xlsx (%v)", name, err)
	}
	defer f.Close()
	res := &Result{}
	sheets, err := loadSheets(f)
	if err != nil {
		return nil, fmt.Errorf("không đọc được %s: %v", name, err)
	}
	res.readSheets(sheets)
	res.check(opts)
	inOrder(res.Problems, sheets)
	inOrder(res.Warnings, sheets)
	if len(res.Problems) > 0 {
		res.Entries = nil
	}
	return res, nil
}

// inOrder sorts notices as the workbook reads: by sheet, row, column.
func inOrder(ns []Notice, sheets []*sheet) {
	key := func(n Notice) [3]int {
		k := [3]int{-1, 0, 0}
		for i, s := range sheets {
			if cell, ok := strings.CutPrefix(n.At, s.prefix()); ok {
				k[0] = i
				if c, r, err := excelize.CellNameToCoordinates(cell); err == nil {
					k[1], k[2] = r, c
				} else if row, _, ok := strings.Cut(cell, ":"); ok {
					k[1], _ = strconv.Atoi(row)
				}
			} else if n.At == s.name {
				k[0] = i
			}
		}
		return k
	}
	slices.SortStableFunc(ns, func(a, b Notice) int {
		ka, kb := key(a), key(b)
		return slices.Compare(ka[:], kb[:])
	})
}

func (res *Result) problem(at, text, hint string) {
	res.Problems = append(res.Problems, Notice{At: at, Text: text, Hint: hint})
}

func (res *Result) warn(at, text string) {
	res.Warnings = append(res.Warnings, Notice{At: at, Text: text})
}
