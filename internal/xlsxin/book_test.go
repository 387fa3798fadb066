package xlsxin

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// book writes test workbooks the way clerks fill them: text, dates as
// Excel dates with a date format, merged cells.
type book struct {
	t     *testing.T
	f     *excelize.File
	sheet string
	dmy   int // style: custom format dd/mm/yyyy
	short int // style: built-in date format 14
}

func newBook(t *testing.T, sheet string) *book {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	code := "dd/mm/yyyy"
	dmy, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err != nil {
		t.Fatal(err)
	}
	short, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		t.Fatal(err)
	}
	return &book{t: t, f: f, sheet: sheet, dmy: dmy, short: short}
}

// row writes values from column A of row r; a time.Time becomes a date
// with the dd/mm/yyyy format, nil leaves the cell empty.
func (b *book) row(r int, values ...any) {
	b.t.Helper()
	for i, v := range values {
		if v == nil {
			continue
		}
		cell, _ := excelize.CoordinatesToCellName(i+1, r)
		if err := b.f.SetCellValue(b.sheet, cell, v); err != nil {
			b.t.Fatal(err)
		}
		if _, ok := v.(time.Time); ok {
			if err := b.f.SetCellStyle(b.sheet, cell, cell, b.dmy); err != nil {
				b.t.Fatal(err)
			}
		}
	}
}

// style sets a style on one cell.
func (b *book) style(cell string, style int) {
	b.t.Helper()
	if err := b.f.SetCellStyle(b.sheet, cell, cell, style); err != nil {
		b.t.Fatal(err)
	}
}

// merge merges a range ("A1:D1").
func (b *book) merge(from, to string) {
	b.t.Helper()
	if err := b.f.MergeCell(b.sheet, from, to); err != nil {
		b.t.Fatal(err)
	}
}

// bytes returns the workbook.
func (b *book) bytes() []byte {
	b.t.Helper()
	buf, err := b.f.WriteToBuffer()
	if err != nil {
		b.t.Fatal(err)
	}
	return buf.Bytes()
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// read reads a workbook's bytes.
func read(t *testing.T, data []byte, opts Options) *Result {
	t.Helper()
	res, err := Read(bytes.NewReader(data), int64(len(data)), "danh-sach.xlsx", opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
