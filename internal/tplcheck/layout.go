package tplcheck

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso/internal/docxtpl"
)

// checkLayout warns about what the PDF stage (internal/pdf: its DOCX
// reader and layout) does not draw, so a maintainer learns it before a clerk
// sees a PDF that differs from the DOCX. These are warnings: the DOCX is
// still right.
func (d *docx) checkLayout() []Finding {
	var out []Finding
	warn := func(p *part, where, msg, fix string) {
		out = append(out, d.find(Warning, CodeLayout, p, where, msg, fix))
	}
	for _, p := range d.parts {
		if p.kind == "chú thích lề" {
			continue
		}
		for _, para := range docxtpl.InOrder(p.root, "p") {
			pPr := para.SelectElement("w:pPr")
			if pPr == nil {
				continue
			}
			if pPr.SelectElement("w:numPr") != nil {
				warn(p, p.loc.Where(para), "đoạn dùng đánh số tự động (Numbering/Bullets): số hoặc dấu đầu dòng không được in trong PDF",
					"tắt Numbering/Bullets và gõ số hoặc dấu bằng tay («1.», «a)», «-»)")
			}
			if pPr.SelectElement("w:framePr") != nil {
				warn(p, p.loc.Where(para), "đoạn đặt trong khung (frame): PDF dàn như đoạn thường",
					"bỏ khung; dùng bảng không viền để đặt chữ vào vị trí")
			}
			if bd := pPr.SelectElement("w:pBdr"); bd != nil && (bd.SelectElement("w:left") != nil || bd.SelectElement("w:right") != nil || bd.SelectElement("w:between") != nil) {
				warn(p, p.loc.Where(para), "đoạn có viền trái, phải hoặc giữa: PDF chỉ vẽ viền trên và dưới",
					"chỉ dùng viền trên/dưới (như đường kẻ dưới tên cơ quan), hoặc dùng bảng có viền")
			}
		}
		for _, e := range p.root.FindElements("//w:drawing") {
			what := "hình ảnh hoặc hình vẽ"
			if len(e.FindElements(".//w:txbxContent")) > 0 {
				what = "hộp văn bản (text box)"
			}
			warn(p, p.loc.Where(e), what+": không được in trong PDF",
				"xoá đối tượng; đường kẻ dưới tên cơ quan, Quốc hiệu dùng viền đoạn (Borders → Top) như mẫu có sẵn; chữ đặt cạnh nhau dùng bảng không viền")
		}
		// OLE objects (w:object) are refused with the package.
		for _, e := range p.root.FindElements("//w:pict") {
			warn(p, p.loc.Where(e), "hình vẽ hoặc hộp văn bản kiểu cũ (VML): không được in trong PDF",
				"xoá đối tượng; dùng viền đoạn hoặc bảng không viền")
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
		for _, tag := range []string{"footnoteReference", "endnoteReference"} {
			for _, e := range p.root.FindElements("//w:" + tag) {
				warn(p, p.loc.Where(e), "chú thích cuối trang (footnote/endnote): không được in trong PDF",
					"đưa nội dung chú thích vào thân văn bản, ví dụ trong ngoặc đơn")
			}
		}
		for _, e := range p.root.FindElements("//w:commentReference") {
			warn(p, p.loc.Where(e), "còn chú thích lề (comment): không được in, và lẫn vào mẫu",
				"xoá mọi chú thích lề (Review → Delete → Delete All Comments)")
		}
		if n := len(p.root.FindElements("//w:ins")) + len(p.root.FindElements("//w:del")); n > 0 {
			warn(p, "", fmt.Sprintf("còn %d thay đổi đang theo dõi (Track Changes) chưa chấp nhận", n),
				"Review → Accept All Changes và tắt Track Changes (LibreOffice: Sửa → Theo dõi thay đổi → Quản lý → Chấp nhận tất cả)")
		}
		for _, e := range p.root.FindElements("//w:sym") {
			warn(p, p.loc.Where(e), "ký tự chèn từ bảng Symbol (w:sym): không được in trong PDF",
				"gõ ký tự Unicode tương ứng bằng phông Times New Roman")
		}
		if n := len(p.root.FindElements("//m:oMath")); n > 0 {
			warn(p, "", "có công thức toán (Equation): không được in trong PDF", "viết công thức bằng chữ thường")
		}
		for _, e := range p.root.FindElements("//w:br") {
			if e.SelectAttrValue("w:type", "") == "column" {
				warn(p, p.loc.Where(e), "ngắt cột (column break): PDF dàn như ngắt trang", "dùng ngắt trang (Ctrl+Enter) hoặc bỏ ngắt")
			}
		}
	}
	for _, st := range d.usedStyles() {
		if st.PPr != nil && st.PPr.SelectElement("w:numPr") != nil {
			warn(d.stylesPart, styleLabel(st),
				"kiểu đoạn có đánh số tự động: số hoặc dấu đầu dòng không được in trong PDF",
				"bỏ Numbering khỏi kiểu (Modify → Format → Numbering → None) và gõ số bằng tay")
		}
	}
	if d.settings != nil {
		if e := d.settings.SelectElement("w:evenAndOddHeaders"); e != nil && wval(e) != "0" && wval(e) != "false" {
			warn(&part{file: "word/settings.xml", kind: "thiết lập"}, "", "đầu trang chẵn/lẻ khác nhau: PDF dùng đầu trang thường cho mọi trang",
				"Word: Header & Footer → bỏ chọn Different Odd & Even Pages. LibreOffice: Kiểu trang → Đầu trang → chọn «Nội dung giống nhau trái/phải»")
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

// usedStyles lists the paragraph styles the parts use (and the default),
// with the styles they are based on.
func (d *docx) usedStyles() []*style {
	ids := map[string]bool{d.styles.DefaultPara: true}
	for _, p := range d.parts {
		for _, ps := range p.root.FindElements("//w:pStyle") {
			ids[wval(ps)] = true
		}
	}
	var out []*style
	seen := map[*style]bool{}
	for id := range ids {
		for _, st := range d.styles.Chain(id) {
			if !seen[st] {
				seen[st] = true
				out = append(out, st)
			}
		}
	}
	// stable order for messages
	slices.SortFunc(out, func(a, b *style) int { return strings.Compare(a.ID, b.ID) })
	return out
}
