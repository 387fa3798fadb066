package xlsxin

import (
	"fmt"
	"maps"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// readSheets reads the table of every sheet that has one.
func (res *Result) readSheets(sheets []*sheet) {
	var without []*sheet
	found := false
	for _, s := range sheets {
		h, ok := s.findHeader()
		if !ok {
			if len(s.rows) > 0 {
				without = append(without, s)
			}
			continue
		}
		found = true
		res.headerWarnings(s, h)
		res.readTable(s, h)
	}
	if !found {
		at := ""
		if len(sheets) > 0 {
			at = sheets[0].prefix() + "A1"
		}
		res.problem(at, "không tìm thấy dòng tiêu đề của danh sách",
			fmt.Sprintf("cần một dòng (trong %d dòng đầu) có cột \"Họ và tên\" hoặc \"Tên tập thể\" và ít nhất một cột khác như \"Hình thức đề nghị\", \"Chức vụ\", \"Đơn vị công tác\"", headerRows))
		return
	}
	for _, s := range without {
		res.warn(s.name, "trang này không có dòng tiêu đề của danh sách: bỏ qua cả trang")
	}
}

// headerWarnings names the columns left out.
func (res *Result) headerWarnings(s *sheet, h *header) {
	for _, c := range h.unknown {
		res.warn(s.ref(h.row, c), fmt.Sprintf("cột %q không có trong tệp hồ sơ: bỏ qua cột này", h.labels[c]))
	}
	for _, c := range slices.Sorted(maps.Keys(h.twice)) {
		res.warn(s.ref(h.row, c), fmt.Sprintf("cột %q nói lại điều cột %q đã có: bỏ qua cột này", h.labels[c], h.labels[h.twice[c]]))
	}
}

var (
	rowNumber  = regexp.MustCompile(`^\d+\.?$`)
	colNumbers = regexp.MustCompile(`^\(?\d+\)?$`)
	// A section heading: "I. TẬP THỂ", "II- Cá nhân", "A. ...", "1. Khối
	// Đảng", or its number alone in the first cell ("I", then "TẬP THỂ").
	sectionMark = regexp.MustCompile(`^(?:[IVXLC]+|[A-Z]|\d{1,2})\s*[.)/:-]\s*\S|^(?:[IVXLC]+|[A-Z])[.)]?$`)
)

// readTable reads the rows under the header.
func (res *Result) readTable(s *sheet, h *header) {
	kind := s.defaultKind(h)
	numCol, numbered := h.column(colNumber)
	last := len(s.rows) - 1 // the table's last row: the last numbered one
	if numbered {
		for last >= h.first && !rowNumber.MatchString(s.text(last, numCol)) {
			last--
		}
	}
	var footer []int
	for r := h.first; r < len(s.rows); r++ {
		cells := s.filled(r)
		joined := s.joined(r, cells)
		switch {
		case len(cells) == 0 || s.numberingRow(cells, r):
			continue
		case s.section(r, h, cells):
			if k := kindIn(joined); k != "" {
				kind = k
			}
			continue
		case numbered && !rowNumber.MatchString(s.text(r, numCol)):
			if r > last {
				footer = append(footer, r)
			} else {
				res.warn(s.rowRef(r), fmt.Sprintf("dòng không có số thứ tự (STT) nên không được coi là một đối tượng: bỏ qua (%s)", shorten(joined, 60)))
			}
			continue
		}
		res.readRow(s, h, r, kind)
	}
	if len(footer) > 0 {
		res.warn(s.rowRef(footer[0]), fmt.Sprintf("bỏ qua %d dòng cuối (từ dòng %d: chữ ký, ghi chú…), không có số thứ tự", len(footer), footer[0]+1))
	}
}

// column returns the first column going to t.
func (h *header) column(t target) (int, bool) {
	found, ok := 0, false
	for c, ct := range h.cols {
		if ct == t && (!ok || c < found) {
			found, ok = c, true
		}
	}
	return found, ok
}

// filled lists the columns of row r that hold something.
func (s *sheet) filled(r int) []int {
	var cells []int
	if r < len(s.rows) {
		for c := range s.rows[r] {
			if s.text(r, c) != "" {
				cells = append(cells, c)
			}
		}
	}
	return cells
}

func (s *sheet) joined(r int, cells []int) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = s.text(r, c)
	}
	return strings.Join(parts, " ")
}

// numberingRow tells the row of column numbers under a header: "1 2 3 …"
// or "(1) (2) (3) …".
func (s *sheet) numberingRow(cells []int, r int) bool {
	if len(cells) < 3 {
		return false
	}
	for _, c := range cells {
		if !colNumbers.MatchString(s.text(r, c)) {
			return false
		}
	}
	return true
}

// section tells a section heading: at most two cells (the number and the
// title), a mark such as "I." or a kind's name, no row number.
func (s *sheet) section(r int, h *header, cells []int) bool {
	if len(cells) > 2 {
		return false
	}
	if c, ok := h.column(colNumber); ok && rowNumber.MatchString(s.text(r, c)) {
		return false
	}
	joined := s.joined(r, cells)
	return sectionMark.MatchString(s.text(r, cells[0])) || sectionMark.MatchString(joined) ||
		len(cells) == 1 && kindIn(joined) != "" && len(strings.Fields(joined)) <= 4
}

// defaultKind is the kind a sheet's rows have before any section row: the
// one kind its name or its title rows name, if exactly one.
func (s *sheet) defaultKind(h *header) submission.Kind {
	texts := []string{s.name}
	for r := 0; r < h.row; r++ {
		texts = append(texts, s.joined(r, s.filled(r)))
	}
	found := submission.Kind("")
	for _, t := range texts {
		switch k := kindIn(t); {
		case k == "":
		case found != "" && k != found:
			return ""
		default:
			found = k
		}
	}
	return found
}

// kindIn finds the one kind a text names ("II. CÁ NHÂN", "Danh sách tập
// thể đề nghị…"), or "" for none or several.
func kindIn(text string) submission.Kind {
	words := "-" + vn.Slug(text, 0) + "-"
	var found []submission.Kind
	if strings.Contains(words, "-chu-doanh-nghiep-") {
		found = append(found, submission.Owner)
		words = strings.ReplaceAll(words, "-chu-doanh-nghiep-", "-")
	}
	for _, k := range []submission.Kind{submission.Individual, submission.Collective, submission.Enterprise} {
		if strings.Contains(words, "-"+string(k)+"-") {
			found = append(found, k)
		}
	}
	if len(found) != 1 {
		return ""
	}
	return found[0]
}

// source is the row holding the value of cell (r, c): r, or the top of a
// range merged down one column (several people of one unit).
func (s *sheet) source(r, c int, h *header) int {
	if m, ok := s.mergeAt(r, c); ok && m.c0 == m.c1 && m.r0 >= h.first {
		return m.r0
	}
	return r
}

// readRow reads the nominee of row r.
func (res *Result) readRow(s *sheet, h *header, r int, kind submission.Kind) {
	e := Entry{Sheet: s.name, Row: r + 1, cells: map[string]string{}}
	kind = res.rowKind(s, h, r, kind)
	e.Nominee.Kind = kind
	gender := ""
	for _, c := range slices.Sorted(maps.Keys(h.cols)) {
		t, r0 := h.cols[c], s.source(r, c, h)
		v, ref := s.value(r0, c), s.ref(r0, c)
		if v == nil {
			continue
		}
		set := func(key string, v any) {
			if err := setKey(reflect.ValueOf(&e.Nominee).Elem(), key, v); err != nil {
				text := h.labels[c] + ": " + err.Error()
				if _, ok := v.(string); !ok {
					text += fmt.Sprintf(" (ô ghi %s)", asText(v))
				}
				res.problem(ref, text, "")
			}
			e.cells[key] = ref
		}
		switch t {
		case colNumber, colKind:
		case colName:
			// Of a row whose kind is unknown, the name is both kinds'.
			if kind.IsPerson() || kind == "" {
				set("ho_ten", v)
			}
			if !kind.IsPerson() {
				set("ten", v)
			}
		case colBornMan, colBornWoman:
			set("ngay_sinh", v)
			gender = res.setGender(&e, gender, genderOf(t), ref)
		case colMan, colWoman:
			gender = res.setGender(&e, gender, genderOf(t), ref)
		case "gioi_tinh":
			gender = res.setGender(&e, gender, normalGender(asText(v)), ref)
		case colAward:
			set("hinh_thuc", v)
			e.Award = e.Nominee.Award
		default:
			set(string(t), v)
		}
	}
	e.Nominee.Gender = gender
	if e.Nominee.DisplayName() == "" {
		what := "tên " + kind.Label()
		switch {
		case kind == "":
			what = "tên (họ tên cá nhân hoặc tên tập thể)"
		case kind.IsPerson():
			what = "họ tên"
		}
		c, _ := h.column(colName)
		res.problem(s.ref(r, c), "dòng có số liệu nhưng thiếu "+what, "điền tên, hoặc xóa cả dòng nếu không đề nghị")
	}
	res.Entries = append(res.Entries, e)
}

// rowKind is the kind of row r: its "Loại" cell's, else the section's.
// A kind unknown is a problem, and "": the row's cells are read and
// checked all the same.
func (res *Result) rowKind(s *sheet, h *header, r int, section submission.Kind) submission.Kind {
	if c, ok := h.column(colKind); ok {
		if v := s.value(s.source(r, c, h), c); v != nil {
			var k submission.Kind
			if err := k.DecodeTOML(v); err != nil {
				res.problem(s.ref(s.source(r, c, h), c), h.labels[c]+": "+err.Error(), "")
				return ""
			}
			return k
		}
	}
	if section == "" {
		res.problem(s.rowRef(r), "không biết đối tượng ở dòng này là cá nhân hay tập thể",
			"thêm cột \"Loại\" (cá nhân, tập thể, doanh nghiệp, chủ doanh nghiệp) hoặc dòng mục \"I. TẬP THỂ\", \"II. CÁ NHÂN\" phía trên")
	}
	return section
}

func genderOf(t target) string {
	if t == colBornMan || t == colMan {
		return "Nam"
	}
	return "Nữ"
}

// normalGender writes "nam", "NỮ", "nu" as Nam, Nữ; anything else as
// typed, for the check of the value to name.
func normalGender(s string) string {
	switch vn.Slug(s, 0) {
	case "nam":
		return "Nam"
	case "nu":
		return "Nữ"
	}
	return s
}

// setGender records the gender cell ref gives; two cells of one row
// giving two genders are a problem.
func (res *Result) setGender(e *Entry, had, now, ref string) string {
	if had != "" && had != now {
		res.problem(ref, fmt.Sprintf("giới tính ghi hai lần, khác nhau: %q và %q", had, now), "")
	}
	e.cells["gioi_tinh"] = ref
	return now
}

// setKey stores the cell value v at key (a TOML key path, "thue.ma_so_thue")
// of the struct rv, creating the tables on the way, as the decoder of a
// submission file would.
func setKey(rv reflect.Value, key string, v any) error {
	name, rest, nested := strings.Cut(key, ".")
	keys, err := tomlin.StructKeys(rv.Type())
	if err != nil {
		return err
	}
	for _, k := range keys {
		if k.Name != name {
			continue
		}
		f := rv.FieldByIndex(k.Field.Index)
		if !nested {
			return setValue(f, v)
		}
		if f.Kind() == reflect.Pointer {
			if f.IsNil() {
				f.Set(reflect.New(f.Type().Elem()))
			}
			f = f.Elem()
		}
		return setKey(f, rest, v)
	}
	panic("xlsxin: the model has no key " + key)
}

// setValue stores a cell value into a field: types that decode themselves
// get the value as a TOML decoder gives it; text goes on one line, a list
// of paragraphs takes one per line of the cell.
func setValue(f reflect.Value, v any) error {
	if u, ok := f.Addr().Interface().(tomlin.Unmarshaler); ok {
		return u.DecodeTOML(v)
	}
	switch f.Kind() {
	case reflect.Pointer:
		n := reflect.New(f.Type().Elem())
		if err := setValue(n.Elem(), v); err != nil {
			return err
		}
		f.Set(n)
	case reflect.String:
		f.SetString(strings.Join(strings.Fields(asText(v)), " "))
	case reflect.Slice:
		var lines []string
		for _, l := range strings.Split(asText(v), "\n") {
			if l = vn.Clean(l); l != "" {
				lines = append(lines, l)
			}
		}
		f.Set(reflect.ValueOf(lines))
	case reflect.Int:
		n, err := strconv.Atoi(asText(v))
		if err != nil {
			return fmt.Errorf("cần một số nguyên")
		}
		f.SetInt(int64(n))
	default:
		panic("xlsxin: cannot store into " + f.Type().String())
	}
	return nil
}

// asText is a cell value as text: a number as written, a date dd/mm/yyyy.
func asText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case time.Time:
		return vn.ShortDate(x)
	}
	return fmt.Sprint(v)
}

// shorten cuts s to at most n characters for a message.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}
