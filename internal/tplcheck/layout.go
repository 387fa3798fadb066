package tplcheck

import "fmt"

// checkLayout warns about what the PDF stage (internal/pdf) draws
// otherwise than Word without saying so itself, so a maintainer learns it
// before a clerk sees a PDF that differs from the DOCX: fields it does not
// update and changes still tracked. These are warnings: the DOCX is still
// right. Everything the renderer warns about itself (numbering, notes,
// shapes, columns, symbols, equations…) is reported by checkRender, once.
func (d *docx) checkLayout() []Finding {
	var out []Finding
	warn := func(p *part, where, msg, fix string) {
		out = append(out, d.find(Warning, CodeLayout, p, where, msg, fix))
	}
	for _, p := range d.parts {
		if p.kind == "chú thích lề" {
			continue
		}
		for _, e := range p.root.FindElements("//w:fldSimple") {
			if name := fieldName(e.SelectAttrValue("w:instr", "")); !supportedField(name) {
				warn(p, p.loc.Where(e), fieldMsg(name), fieldFix)
			}
		}
		for _, e := range p.root.FindElements("//w:instrText") {
			if name := fieldName(e.Text()); name != "" && !supportedField(name) {
				warn(p, p.loc.Where(e), fieldMsg(name), fieldFix)
			}
		}
		if n := len(p.root.FindElements("//w:ins")) + len(p.root.FindElements("//w:del")); n > 0 {
			warn(p, "", fmt.Sprintf("còn %d thay đổi đang theo dõi (Track Changes) chưa chấp nhận", n),
				"Review → Accept All Changes và tắt Track Changes (LibreOffice: Sửa → Theo dõi thay đổi → Quản lý → Chấp nhận tất cả)")
		}
	}
	return out
}

func supportedField(name string) bool {
	return name == "PAGE" || name == "NUMPAGES" || name == "SECTIONPAGES"
}

func fieldMsg(name string) string {
	if name == "" {
		name = "?"
	}
	return fmt.Sprintf("trường (field) %s: không được cập nhật khi lập hồ sơ, PDF in nguyên kết quả đã lưu trong mẫu", name)
}

const fieldFix = "thay trường bằng chữ thường hoặc bằng một thẻ (ví dụ ngày tháng: {{van_ban.ngay | ngay}}); chỉ dùng trường PAGE, NUMPAGES cho số trang"
