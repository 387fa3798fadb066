package xlsxin

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/vn"
	"github.com/xuri/excelize/v2"
)

// sheet is one visible worksheet: its raw cell values and merged ranges.
type sheet struct {
	name     string
	rows     [][]string // raw values (numbers unformatted), row and column from 0
	merges   []rect
	f        *excelize.File
	date1904 bool
	isDate   map[int]bool // by style index: the number format shows a date
}

// rect is a merged range, rows and columns from 0, ends included.
type rect struct{ r0, c0, r1, c1 int }

// loadSheets reads every visible worksheet.
func loadSheets(f *excelize.File) ([]*sheet, error) {
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	var out []*sheet
	for _, name := range f.GetSheetList() {
		if visible, err := f.GetSheetVisible(name); err == nil && !visible {
			continue
		}
		rows, err := readRows(f, name)
		if err != nil {
			return nil, err
		}
		s := &sheet{name: name, rows: rows, f: f, date1904: date1904, isDate: map[int]bool{}}
		merged, err := f.GetMergeCells(name, true)
		if err != nil {
			return nil, err
		}
		for _, m := range merged {
			c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
			c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
			if err1 == nil && err2 == nil {
				s.merges = append(s.merges, rect{r0 - 1, c0 - 1, r1 - 1, c1 - 1})
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// readRows reads the raw values of a sheet's rows, at most maxRows.
func readRows(f *excelize.File, name string) ([][]string, error) {
	it, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	defer it.Close()
	var rows [][]string
	for it.Next() {
		if len(rows) == maxRows {
			return nil, fmt.Errorf("trang %q có hơn %d dòng: không phải một danh sách đề nghị", name, maxRows)
		}
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		rows = append(rows, cols)
	}
	for len(rows) > 0 && len(rows[len(rows)-1]) == 0 {
		rows = rows[:len(rows)-1]
	}
	return rows, it.Error()
}

// raw is the raw value of a cell, "" beyond the data.
func (s *sheet) raw(r, c int) string {
	if r < 0 || r >= len(s.rows) || c < 0 || c >= len(s.rows[r]) {
		return ""
	}
	return s.rows[r][c]
}

// text is a cell's value as text on one line: NFC, white space (line
// breaks typed with Alt+Enter too) collapsed to single spaces.
func (s *sheet) text(r, c int) string {
	return strings.Join(strings.Fields(vn.NFC(s.raw(r, c))), " ")
}

// width is the number of columns of the widest row.
func (s *sheet) width() int {
	w := 0
	for _, row := range s.rows {
		w = max(w, len(row))
	}
	return w
}

// mergeAt returns the merged range holding the cell, if any.
func (s *sheet) mergeAt(r, c int) (rect, bool) {
	for _, m := range s.merges {
		if r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 {
			return m, true
		}
	}
	return rect{}, false
}

var plainName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*$`)

// ref names a cell as Excel does: Sheet1!C12, 'Danh sách'!C12.
func (s *sheet) ref(r, c int) string {
	cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
	return s.prefix() + cell
}

// rowRef names a whole row: Sheet1!12:12.
func (s *sheet) rowRef(r int) string {
	n := strconv.Itoa(r + 1)
	return s.prefix() + n + ":" + n
}

func (s *sheet) prefix() string {
	if plainName.MatchString(s.name) {
		return s.name + "!"
	}
	return "'" + strings.ReplaceAll(s.name, "'", "''") + "'!"
}

var isoDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// value is a cell's value as a TOML decoder would get it: a string, a
// time.Time in "date-local" for a date (an Excel date number shown as a
// date, or a date cell), a float64 for another number; nil when empty.
// Text is as typed (NFC, trimmed), line breaks kept.
func (s *sheet) value(r, c int) any {
	raw := s.raw(r, c)
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	num, err := strconv.ParseFloat(raw, 64)
	if err != nil && !isoDate.MatchString(raw) {
		return vn.Clean(raw)
	}
	axis, _ := excelize.CoordinatesToCellName(c+1, r+1)
	switch t, _ := s.f.GetCellType(s.name, axis); t {
	case excelize.CellTypeSharedString, excelize.CellTypeInlineString, excelize.CellTypeFormula:
		return vn.Clean(raw)
	case excelize.CellTypeDate:
		if d, err := time.Parse("2006-01-02", raw[:min(10, len(raw))]); err == nil {
			return localDate(d)
		}
		return vn.Clean(raw)
	}
	if err == nil && s.dateStyle(axis) {
		if d, err := excelize.ExcelDateToTime(num, s.date1904); err == nil {
			return localDate(d)
		}
	}
	if err != nil {
		return vn.Clean(raw)
	}
	return num
}

// localDate is the day of t as the TOML decoder gives a local date.
func localDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.FixedZone("date-local", 0))
}

// dateStyle reports whether the cell's number format shows a date.
func (s *sheet) dateStyle(axis string) bool {
	idx, err := s.f.GetCellStyle(s.name, axis)
	if err != nil {
		return false
	}
	if d, ok := s.isDate[idx]; ok {
		return d
	}
	d := false
	if st, err := s.f.GetStyle(idx); err == nil {
		if st.CustomNumFmt != nil {
			d = dateCode(*st.CustomNumFmt)
		} else {
			d = builtinDate(st.NumFmt)
		}
	}
	s.isDate[idx] = d
	return d
}

// builtinDate reports whether a built-in number format (ECMA-376,
// 18.8.30, with the East Asian ones) shows a date.
func builtinDate(id int) bool {
	return id >= 14 && id <= 17 || id == 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58
}

var fmtLiteral = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)

// dateCode reports whether a custom number format shows a day or a year
// (m alone may be minutes).
func dateCode(code string) bool {
	code = strings.ToLower(fmtLiteral.ReplaceAllString(code, ""))
	return strings.ContainsAny(code, "dy")
}
