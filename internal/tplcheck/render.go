package tplcheck

import (
	"strings"

	"github.com/hoso-vn/hoso/internal/pdf"
)

// rendered lists the topics the check leaves to the PDF renderer: it lays
// the template out (pdf.Check) and reports what the renderer warns about
// them, located as the renderer locates it, rather than repeat the
// renderer's rules here. A topic joins the list when the renderer draws
// it and its own check below goes.
var rendered = []struct{ topic, fix string }{
	{"đánh số tự động", "dùng kiểu số 1, 2, 3 / I, II, III / a, b, c (Word: Home → Numbering → Define New Number Format; LibreOffice: Định dạng → Dấu đầu dòng và đánh số), hoặc gõ số bằng tay"},
	{"dấu đầu dòng", "chọn dấu «•», «▪», «-» hoặc «–» của phông Times New Roman (Word: Bullets → Define New Bullet → Font…; LibreOffice: Định dạng → Dấu đầu dòng và đánh số), hoặc gõ dấu bằng tay"},
	{"chú thích cuối", "đánh số chú thích liên tục cả văn bản, đặt ở cuối trang (Word: References → Footnotes → Numbering: Continuous); xoá dấu chú thích không còn nội dung"},
}

// renderedFindings lays the template out and returns, as findings, the
// renderer's warnings about the topics left to it. A template the renderer
// cannot read gives none: the other checks say why.
func (d *docx) renderedFindings(raw []byte) []Finding {
	_, warnings, err := pdf.Check(raw)
	if err != nil {
		return nil
	}
	var out []Finding
	for _, w := range warnings {
		loc, msg := splitWarning(w)
		for _, r := range rendered {
			if !strings.Contains(msg, r.topic) {
				continue
			}
			file, where, _ := strings.Cut(loc, ", ")
			f := d.find(Warning, CodeLayout, d.partOf(file), where, msg, r.fix)
			if f.Part == "" {
				f.Part = file
			}
			out = append(out, f)
			break
		}
	}
	return out
}

// splitWarning cuts a renderer warning into its place ("word/document.xml,
// đoạn 12 «…»", "settings.xml") and its message, the quote of the
// paragraph being allowed a colon of its own.
func splitWarning(w string) (loc, msg string) {
	if q := strings.Index(w, " «"); q >= 0 {
		if end := strings.Index(w[q:], "»: "); end >= 0 {
			return w[:q+end+len("»")], w[q+end+len("»: "):]
		}
	}
	loc, msg, _ = strings.Cut(w, ": ")
	return loc, msg
}

// partOf is the part of a file name, nil when it holds no paragraphs.
func (d *docx) partOf(file string) *part {
	for _, p := range d.parts {
		if p.file == file {
			return p
		}
	}
	return nil
}
