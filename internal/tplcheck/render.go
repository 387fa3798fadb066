package tplcheck

import (
	"strings"

	"github.com/hoso-vn/hoso/internal/pdf"
)

// rendered lists the topics the check leaves to the PDF renderer, each with
// what a maintainer does about it: the renderer's rules are not repeated
// here. A topic joins the list when the renderer warns about it and the
// check of its own goes.
var rendered = []struct{ topic, fix string }{
	{"đánh số tự động", "dùng kiểu số 1, 2, 3 / I, II, III / a, b, c (Word: Home → Numbering → Define New Number Format; LibreOffice: Định dạng → Dấu đầu dòng và đánh số), hoặc gõ số bằng tay"},
	{"dấu đầu dòng", "chọn dấu «•», «▪», «-» hoặc «–» của phông Times New Roman (Word: Bullets → Define New Bullet → Font…; LibreOffice: Định dạng → Dấu đầu dòng và đánh số), hoặc gõ dấu bằng tay"},
	{"chú thích cuối", "đánh số chú thích liên tục cả văn bản, đặt ở cuối trang (Word: References → Footnotes → Numbering: Continuous); xoá dấu chú thích không còn nội dung"},
	{"chú thích lề", "xoá mọi chú thích lề (Review → Delete → Delete All Comments): chúng lẫn vào mẫu"},
	{"w:sym", "gõ ký tự Unicode tương ứng bằng phông Times New Roman"},
	{"công thức toán", "viết công thức bằng chữ thường"},
	{"ngắt cột", "dùng ngắt trang (Ctrl+Enter) hoặc bỏ ngắt"},
	{"nhiều cột", "Word: Layout → Columns → One. LibreOffice: Định dạng → Cột → 1"},
	{"ngắt phần liên tục", "dùng ngắt phần «Next Page» (Trang mới) hoặc bỏ ngắt phần"},
	{"chẵn/lẻ", "Word: Header & Footer → bỏ chọn Different Odd & Even Pages. LibreOffice: Kiểu trang → Đầu trang → chọn «Nội dung giống nhau trái/phải»"},
}

// renderFix is what a maintainer can do about a renderer warning of no
// topic of its own.
const renderFix = "làm như lời báo (ví dụ bỏ nhóm hình, chèn lại ảnh dạng PNG hoặc JPEG, dùng đường kẻ ngang hoặc dọc); " +
	"mở bản PDF của một hồ sơ thử để xem chỗ đó"

// checkRender reports, once each, what the PDF renderer itself says it
// would not draw as the DOCX shows it (pdf.Check lays the template out
// without drawing): shapes it cannot draw, pictures it cannot read,
// numbering formats and bullets it lacks, notes it cannot place… with the
// fix of the warning's topic (rendered). Its locations name the part and
// the paragraph, counted as the renderer counts them (every paragraph of
// the part, those in tables and text boxes included).
func (d *docx) checkRender(raw []byte) []Finding {
	_, warnings, err := pdf.Check(raw)
	if err != nil {
		return []Finding{d.find(Warning, CodeLayout, nil, "", "PDF không dàn trang được: "+err.Error(), renderFix)}
	}
	var out []Finding
	for _, w := range warnings {
		p, file, where, msg := d.splitRenderWarning(w)
		fix := renderFix
		for _, r := range rendered {
			if strings.Contains(msg, r.topic) {
				fix = r.fix
				break
			}
		}
		f := d.find(Warning, CodeLayout, p, where, msg, fix)
		if f.Part == "" {
			f.Part = file
		}
		out = append(out, f)
	}
	return out
}

// splitRenderWarning cuts a renderer warning ("word/header1.xml, đoạn 3
// «…»: what", "settings.xml: what") into the part it names (nil for a part
// without paragraphs), that part's file name, the place in it and the
// message; the quote of a paragraph may hold a colon of its own.
func (d *docx) splitRenderWarning(w string) (p *part, file, where, msg string) {
	comma, colon := strings.Index(w, ", "), strings.Index(w, ": ")
	switch {
	case comma >= 0 && (colon < 0 || comma < colon):
		file, where = w[:comma], w[comma+2:]
		if loc, m, ok := strings.Cut(where, "»: "); ok {
			where, msg = loc+"»", m
		} else {
			where, msg, _ = strings.Cut(where, ": ")
		}
	case colon >= 0:
		file, msg = w[:colon], w[colon+2:]
	default:
		return nil, "", "", w
	}
	for _, q := range d.parts {
		if q.file == file {
			return q, file, where, msg
		}
	}
	return nil, file, where, msg
}
