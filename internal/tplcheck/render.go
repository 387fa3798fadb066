package tplcheck

import (
	"strings"

	"github.com/hoso-vn/hoso/internal/pdf"
)

// checkRender reports what the PDF renderer itself says it would not draw
// as the DOCX shows it (pdf.Check lays the template out without drawing):
// shapes it cannot draw (diagonal lines, groups, charts), pictures it
// cannot read, text that cannot wrap around an object… Its locations name
// the part and the paragraph, counted as the renderer counts them (every
// paragraph of the part, those in tables and text boxes included).
func (d *docx) checkRender(raw []byte) []Finding {
	_, warnings, err := pdf.Check(raw)
	if err != nil {
		return []Finding{d.find(Warning, CodeLayout, nil, "", "PDF không dàn trang được: "+err.Error(), renderFix)}
	}
	var out []Finding
	for _, w := range warnings {
		p, where, msg := d.splitRenderWarning(w)
		out = append(out, d.find(Warning, CodeLayout, p, where, msg, renderFix))
	}
	return out
}

// renderFix is what a maintainer can do about a renderer warning.
const renderFix = "làm như lời báo (ví dụ bỏ nhóm hình, chèn lại ảnh dạng PNG hoặc JPEG, dùng đường kẻ ngang hoặc dọc); " +
	"mở bản PDF của một hồ sơ thử để xem chỗ đó"

// splitRenderWarning cuts a renderer warning ("word/header1.xml, đoạn 3
// «…»: what") into the part it names, the place in it and the message.
func (d *docx) splitRenderWarning(w string) (p *part, where, msg string) {
	for _, q := range d.parts {
		rest, ok := strings.CutPrefix(w, q.file)
		if !ok {
			continue
		}
		if loc, m, ok := strings.Cut(rest, "»: "); ok && strings.HasPrefix(loc, ", ") {
			return q, strings.TrimPrefix(loc, ", ") + "»", m
		}
		if m, ok := strings.CutPrefix(rest, ": "); ok {
			return q, "", m
		}
	}
	return nil, "", w
}
