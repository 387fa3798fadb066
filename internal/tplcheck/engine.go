package tplcheck

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/hoso-vn/hoso/internal/docxtpl"
)

// engineFinding turns a problem the template engine found into a finding
// with its part and a suggested fix. The engine already locates it.
func engineFinding(name string, e *docxtpl.Error) Finding {
	f := Finding{Severity: Error, File: name, Part: "thân văn bản", Where: e.Where, Message: e.Msg}
	if e.Where == "" {
		f.Part = "" // the file as a whole
	}
	if e.Tag != "" {
		f.Message = e.Tag + ": " + e.Msg
	}
	if strings.HasPrefix(e.Where, "word/") {
		file, rest, _ := strings.Cut(e.Where, ", ")
		if i := strings.Index(file, " ("); i >= 0 {
			f.Part = strings.TrimSuffix(file[i+2:], ")") + " (" + file[:i] + ")"
		} else {
			f.Part = file
		}
		f.Where = rest
	}
	f.Code, f.Fix = classify(e)
	return f
}

// rule maps the wording of an engine message to a code and a fix.
type rule struct {
	contains string
	code     string
	fix      string
}

var rules = []rule{
	{"không có trường", CodeUnknown, ""}, // fix computed from the message
	{"thiếu {{end}}", CodeUnbalanced, "thêm {{end}} ở cuối phần cần lặp hoặc cần điều kiện, trong cùng ô bảng hoặc cùng thân văn bản với thẻ mở; mỗi {{for …}} và {{if …}} cần đúng một {{end}}"},
	{"{{end}} thừa", CodeUnbalanced, "xoá {{end}} này, hoặc thêm thẻ mở {{for …}} / {{if …}} tương ứng ở trước nó"},
	{"{{else}} không nằm trong", CodeUnbalanced, "{{else}} chỉ dùng giữa {{if …}} và {{end}} của nó; xoá hoặc thêm {{if …}}"},
	{"chỉ có một {{else}}", CodeUnbalanced, "xoá {{else}} thừa; muốn nhiều nhánh thì lồng {{if}} trong {{else}}"},
	{"phải cùng nằm trong thân văn bản", CodeMisplaced, "đặt thẻ mở và {{end}} cùng trong thân văn bản, cùng một ô, hoặc trong các ô của cùng một bảng (vòng lặp theo hàng)"},
	{"{{else}} phải đứng riêng", CodeMisplaced, "đặt {{else}} trên một dòng (đoạn) riêng ngang cấp với {{if}} và {{end}}; với vòng theo hàng bảng, đặt nó trong một hàng riêng"},
	{"thẻ chỉ được đặt trong thân văn bản", CodeUnfilled, "đầu trang, chân trang và chú thích không được điền: chuyển nội dung có thẻ vào thân văn bản hoặc thay thẻ bằng chữ cố định; đầu trang chỉ nên có số trang (trường PAGE)"},
	{"không có bộ định dạng", CodeTemplate, "dùng một bộ định dạng có trong danh sách (hoso templates fields, phần «Bộ định dạng»); viết liền, chữ thường, ví dụ {{to_trinh.ngay | ngay}}"},
	{"không có \"}}\" đóng", CodeTemplate, "gõ đủ hai dấu «}}» ở cuối thẻ; nếu chữ «{{» là chữ thường trong văn bản, hãy viết khác đi"},
	{"chưa đóng trước thẻ", CodeTemplate, "gõ đủ hai dấu «}}» ở cuối thẻ trước khi mở thẻ tiếp theo"},
	{"bị cắt ngang", CodeTemplate, "xoá tab, ngắt dòng (Shift+Enter) hoặc trường nằm giữa «{{» và «}}»: mỗi thẻ phải liền một dòng"},
	{"vắt qua ranh giới", CodeTemplate, "xoá thẻ rồi gõ lại liền một lần, ngoài siêu liên kết và trường"},
	{"không phải danh sách", CodeTemplate, "{{for x in …}} chỉ chạy trên trường kiểu «danh sách» (xem cột kiểu trong hoso templates fields)"},
	{"đây là một danh sách", CodeTemplate, "in từng phần tử bằng vòng lặp: {{for x in …}}{{x}}{{end}}, hoặc {{x.ten}} khi phần tử là một nhóm trường"},
	{"nhóm trường", CodeTemplate, "chọn một trường con, ví dụ {{co_quan.ten}} thay cho {{co_quan}} (hoso templates fields)"},
	{"\"stt\" chỉ dùng", CodeTemplate, "dùng {{stt}} giữa {{for …}} và {{end}} của một vòng lặp"},
	{"XML hỏng", CodeUnreadable, "mở tệp bằng Word hoặc LibreOffice rồi lưu lại dạng .docx"},
	{"không đọc được tệp DOCX", CodeUnreadable, "mở tệp bằng Word hoặc LibreOffice rồi lưu lại dạng .docx (Word Document)"},
	{"không phải tài liệu", CodeUnreadable, "mở tệp bằng Word hoặc LibreOffice rồi lưu lại dạng .docx (Word Document)"},
}

func classify(e *docxtpl.Error) (code, fix string) {
	for _, r := range rules {
		if strings.Contains(e.Msg, r.contains) {
			if r.code == CodeUnknown {
				return r.code, unknownFieldFix(e.Msg)
			}
			return r.code, r.fix
		}
	}
	return CodeTemplate, "viết thẻ theo cú pháp trong templates/README.md (mục «Cú pháp thẻ»): {{truong}}, {{truong | dinh_dang}}, {{for x in danh_sach}} … {{end}}, {{if truong}} … {{else}} … {{end}}"
}

var (
	quotedPath = regexp.MustCompile(`không có trường "([^"]+)"`)
	hereFields = regexp.MustCompile(`các trường có ở đây: (.+)$`)
)

// unknownFieldFix suggests the closest name the engine listed.
func unknownFieldFix(msg string) string {
	const more = "xem mọi trường bằng lệnh  hoso templates fields"
	m := quotedPath.FindStringSubmatch(msg)
	h := hereFields.FindStringSubmatch(msg)
	if m == nil || h == nil {
		return "sửa tên trường cho đúng; " + more
	}
	path := strings.Split(m[1], ".")
	last := path[len(path)-1]
	best, bestD := "", 1<<30
	for _, c := range strings.Split(h[1], ", ") {
		if d := distance(last, c); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(2, len([]rune(last))/2) {
		return "sửa tên trường cho đúng; " + more
	}
	path[len(path)-1] = best
	return fmt.Sprintf("có phải là {{%s}}? Sửa tên trường cho đúng; %s", strings.Join(path, "."), more)
}

// distance is the Levenshtein distance between a and b, in runes.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
