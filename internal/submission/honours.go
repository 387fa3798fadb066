package submission

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// YearText is when a title or award was received, as the report prints
// it: a year (2023, written as a number or a text) or a span of years
// ("Năm học 2022 - 2023", "2021 - 2025").
type YearText string

// DecodeTOML accepts a whole number or a text.
func (y *YearText) DecodeTOML(v any) error {
	switch x := v.(type) {
	case int64:
		*y = YearText(strconv.FormatInt(x, 10))
		return nil
	case string:
		*y = YearText(x)
		return nil
	}
	return &tomlin.TypeError{Want: "năm: một số (2023) hoặc một chuỗi (\"Năm học 2022 - 2023\")", Got: v, Tip: `ví dụ: nam = 2023, hoặc nam = "Năm học 2022 - 2023"`}
}

// digitRuns finds the numbers a text names.
var digitRuns = regexp.MustCompile(`\d+`)

// Years lists the numbers the text names, in order; a number that is not
// four digits long is given as -1 (it is no year).
func (y YearText) Years() []int {
	var out []int
	for _, run := range digitRuns.FindAllString(string(y), -1) {
		n, err := strconv.Atoi(run)
		if len(run) != 4 || err != nil {
			n = -1
		}
		out = append(out, n)
	}
	return out
}

// Last is the latest year the text names (0 when it names none).
func (y YearText) Last() int {
	if ys := y.Years(); len(ys) > 0 {
		return slices.Max(ys)
	}
	return 0
}

// Bounds are the first and last years the text names (FirstYear on),
// within MaxReportYears of each other; ok is false when it names none.
func (y YearText) Bounds() (from, to int, ok bool) {
	for _, n := range y.Years() {
		if n < FirstYear {
			continue
		}
		if from == 0 || n < from {
			from = n
		}
		to = max(to, n)
	}
	return from, to, from > 0 && to-from < MaxReportYears
}

// Span is how many years a period covers: "2021 - 2025" five, "2025" one,
// a school year ("Năm học 2022 - 2023") one. 0 when it names no year.
func (y YearText) Span() int {
	first, last, ok := y.Bounds()
	switch {
	case !ok:
		return 0
	case strings.Contains(vn.Lower(string(y)), "năm học"):
		return max(last-first, 1)
	}
	return last - first + 1
}

// DecisionText is a decision cited as the clerk wrote it.
type DecisionText string

// Decision is the decision that gave a title or award: free text, or its
// number and symbol, date and issuing body, printed as NĐ 30 writes a
// decision ("Quyết định số 07/QĐ-UBND ngày 05 tháng 01 năm 2022 của …").
type Decision struct {
	DecisionText        // the free text, when the clerk wrote one
	Number       string `toml:"so" doc:"số và ký hiệu, giữ số 0 ở đầu: \"07/QĐ-UBND\""`
	Date         Date   `toml:"ngay" doc:"ngày ký quyết định"`
	Issuer       string `toml:"co_quan" doc:"cơ quan, người ban hành: \"Chủ tịch Ủy ban nhân dân quận Tân Bình\""`
}

// decisionKeys are the keys of a decision given as a table.
var decisionKeys = []string{"so", "ngay", "co_quan"}

// DecodeTOML accepts a text, or a table of so, ngay and co_quan.
func (d *Decision) DecodeTOML(v any) error {
	switch x := v.(type) {
	case string:
		d.DecisionText = DecisionText(x)
		return nil
	case map[string]any:
		return d.decodeTable(x)
	}
	return &tomlin.TypeError{Want: "quyết định: một chuỗi, hoặc bảng { so, ngay, co_quan }", Got: v,
		Tip: `ví dụ: quyet_dinh = { so = "07/QĐ-UBND", ngay = 2022-01-05, co_quan = "Chủ tịch Ủy ban nhân dân quận Tân Bình" }`}
}

// decodeTable sets d only when the whole table reads.
func (d *Decision) decodeTable(m map[string]any) error {
	var out Decision
	for k, v := range m {
		switch k {
		case "so", "co_quan":
			s, ok := v.(string)
			if !ok {
				return &tomlin.TypeError{Want: "quyet_dinh." + k + ": một chuỗi", Got: v, Tip: `số giữ số 0 ở đầu, trong ngoặc kép: so = "07/QĐ-UBND"`}
			}
			if k == "so" {
				out.Number = s
			} else {
				out.Issuer = s
			}
		case "ngay":
			if err := out.Date.DecodeTOML(v); err != nil {
				return err
			}
		default:
			return valueError{fmt.Sprintf("quyết định không có khóa %q", k), "các khóa của quyết định: " + strings.Join(decisionKeys, ", ")}
		}
	}
	*d = out
	return nil
}

// String is the decision as a report prints it.
func (d Decision) String() string {
	if d.DecisionText != "" || d.Number == "" && d.Date.IsZero() && d.Issuer == "" {
		return string(d.DecisionText)
	}
	out := "Quyết định số " + d.Number
	if !d.Date.IsZero() {
		out += " " + vn.DecreeDate(d.Date.Time)
	}
	if d.Issuer != "" {
		out += " của " + d.Issuer
	}
	return out
}

// honour checks a title or award received before: its name, its year (in
// range, not after the Tờ trình's), a decision given as a table whole and
// its date near the year.
func (v *validator) honour(hp string, h Honour, proposal int) {
	v.require(hp+".ten", h.Title, "tên danh hiệu hoặc hình thức")
	v.honourYear(hp+".nam", h.Year, proposal)
	d := h.Decision
	if d.DecisionText == "" && (d.Number != "" || !d.Date.IsZero() || d.Issuer != "") {
		v.require(hp+".quyet_dinh.so", d.Number, "số và ký hiệu quyết định")
		if d.Date.IsZero() {
			v.add(hp+".quyet_dinh.ngay", KeyRequired, "thiếu ngày quyết định", "")
		}
		v.require(hp+".quyet_dinh.co_quan", d.Issuer, "cơ quan, người ban hành quyết định")
	}
	v.decisionDate(hp, h)
}

// honourYear checks the years a year text names: each four digits, from
// FirstYear to the year of the Tờ trình (proposal; 0 when unknown).
func (v *validator) honourYear(at string, y YearText, proposal int) {
	ys := y.Years()
	if y == "" || v.problems.Has(at) {
		return
	}
	if len(ys) == 0 {
		v.addValue(at, KeyDate, fmt.Sprintf("%q không ghi năm nào", string(y)), `ví dụ: nam = 2023, hoặc nam = "Năm học 2022 - 2023"`)
		return
	}
	for _, n := range ys {
		switch {
		case n < FirstYear || n > 9999:
			v.addValue(at, KeyDate, fmt.Sprintf("năm %q nằm ngoài khoảng hợp lý: từ %d đến 9999", string(y), FirstYear), "")
			return
		case proposal > 0 && n > proposal:
			v.addValue(at, KeyDate, fmt.Sprintf("năm %d sau năm của Tờ trình (%d)", n, proposal), "Ghi các danh hiệu, hình thức đã nhận trước khi đề nghị lần này.")
			return
		}
	}
}
