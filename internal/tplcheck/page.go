package tplcheck

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/docxtpl"
)

// Page set-up of Nghị định 30/2020/NĐ-CP, Phụ lục I, mục I.
const (
	a4W, a4H     = 11906, 16838 // twips
	pageTol      = 20           // twips either way, as the shared checker
	twipsPerMM   = 56.7
	marginTolTwp = 1.0
)

// margin is one side's range in millimetres.
type margin struct {
	attr, name string
	lo, hi     float64
}

var margins = []margin{
	{"top", "trên", 20, 25},
	{"bottom", "dưới", 20, 25},
	{"left", "trái", 30, 35},
	{"right", "phải", 15, 20},
}

const pageFix = "Word: Layout (Bố cục) → Size → A4. LibreOffice: Định dạng → Kiểu trang → Trang → Khổ A4. Trang đứng, trừ phần chỉ có bảng rộng (phụ lục) được để trang ngang"

const marginFix = "đặt lề trên 20–25 mm, dưới 20–25 mm, trái 30–35 mm, phải 15–20 mm (ví dụ 20/20/30/15 mm). Word: Layout → Margins → Custom Margins. LibreOffice: Định dạng → Kiểu trang → Trang → Lề"

// checkPage checks every section's paper, orientation and margins, and
// the page numbers Nghị định 30 asks for (top centre, not on page 1). A
// landscape A4 section is allowed (a wide table): the engine notes it.
func (d *docx) checkPage() []Finding {
	var out []Finding
	sects := docxtpl.Sections(d.body.root)
	if len(sects) == 0 {
		return []Finding{d.find(Error, CodePageSize, d.body, "",
			"tài liệu không khai báo khổ giấy và lề (thiếu w:sectPr): Word dùng khổ mặc định của máy, thường là Letter", pageFix)}
	}
	for _, sect := range sects {
		sp, where := sect.Props, sect.Name(d.body.loc)
		pg := sp.SelectElement("w:pgSz")
		w, h := twips(pg, "w:w"), twips(pg, "w:h")
		if docxtpl.IsLandscape(sp) {
			w, h = h, w
		}
		switch {
		case pg == nil || w == 0 || h == 0:
			out = append(out, d.find(Error, CodePageSize, d.body, where, "không khai báo khổ giấy (w:pgSz): Word dùng khổ mặc định của máy", pageFix))
		case abs(w-a4W) > pageTol || abs(h-a4H) > pageTol:
			out = append(out, d.find(Error, CodePageSize, d.body, where,
				fmt.Sprintf("khổ giấy %.0f × %.0f mm%s, không phải A4 (210 × 297 mm)", w/twipsPerMM, h/twipsPerMM, paperName(w, h)), pageFix))
		}
		mar := sp.SelectElement("w:pgMar")
		if mar == nil {
			out = append(out, d.find(Error, CodeMargins, d.body, where, "không khai báo lề trang (w:pgMar): Word dùng lề mặc định 25,4 mm", marginFix))
			continue
		}
		var bad []string
		for _, m := range margins {
			v := abs(twips(mar, "w:"+m.attr))
			if m.attr == "left" {
				v += twips(mar, "w:gutter")
			}
			if v < m.lo*twipsPerMM-marginTolTwp || v > m.hi*twipsPerMM+marginTolTwp {
				bad = append(bad, fmt.Sprintf("lề %s %s mm (cần %g–%g mm)", m.name, mmText(v), m.lo, m.hi))
			}
		}
		if len(bad) > 0 {
			out = append(out, d.find(Error, CodeMargins, d.body, where, strings.Join(bad, "; ")+" theo Nghị định 30/2020/NĐ-CP", marginFix))
		}
		for _, kind := range []string{"headerReference", "footerReference"} {
			for _, ref := range sp.SelectElements("w:" + kind) {
				if ref.SelectAttrValue("w:type", "") == "even" {
					out = append(out, d.find(Warning, CodeLayout, d.body, where,
						"có đầu trang/chân trang riêng cho trang chẵn: PDF dùng đầu trang thường cho mọi trang",
						"Word: Header & Footer → bỏ chọn Different Odd & Even Pages. LibreOffice: Kiểu trang → Đầu trang → bỏ «Nội dung giống nhau trái/phải»"))
				}
			}
		}
	}
	out = append(out, d.checkPageNumbers(sects)...)
	return out
}

// checkPageNumbers: a PAGE field in the default header of every section
// and none on the first page (titlePg with a first-page header without
// one), as Nghị định 30 Phụ lục I mục I.7 wants.
func (d *docx) checkPageNumbers(sects []docxtpl.Section) []Finding {
	rels := d.relTargets()
	var out []Finding
	const fix = "Word: Insert → Page Number → Top of Page → Plain Number 2 (giữa), cỡ 13–14, rồi chọn Different First Page. LibreOffice: Chèn → Đầu trang → Mặc định, Chèn → Trường → Số trang, căn giữa; Kiểu trang → «Trang đầu» không có đầu trang"
	for i, sect := range sects {
		sp, where := sect.Props, sect.Name(d.body.loc)
		def, first := "", ""
		for _, ref := range sp.SelectElements("w:headerReference") {
			switch ref.SelectAttrValue("w:type", "default") {
			case "default":
				def = rels[ref.SelectAttrValue("r:id", "")]
			case "first":
				first = rels[ref.SelectAttrValue("r:id", "")]
			}
		}
		if def == "" && i > 0 {
			continue // inherits the previous section's headers
		}
		if def == "" || !d.hasPageField(def) {
			out = append(out, d.find(Warning, CodePageNumber, d.body, where,
				"không có số trang ở đầu trang: văn bản nhiều trang phải đánh số trang ở giữa lề trên (Nghị định 30, Phụ lục I, mục I.7)", fix))
			continue
		}
		titlePg := sp.SelectElement("w:titlePg")
		if titlePg == nil || wval(titlePg) == "0" || wval(titlePg) == "false" {
			out = append(out, d.find(Warning, CodePageNumber, d.body, where,
				"số trang cũng in ở trang đầu: trang 1 không đánh số (Nghị định 30, Phụ lục I, mục I.7)", fix))
		} else if first != "" && d.hasPageField(first) {
			out = append(out, d.find(Warning, CodePageNumber, d.body, where,
				"đầu trang của trang đầu có số trang: trang 1 không đánh số", fix))
		}
	}
	return out
}

// relTargets maps the body's relationship ids to part names.
func (d *docx) relTargets() map[string]string {
	out := map[string]string{}
	rels, _ := d.pkg.Rels(d.body.file)
	for _, r := range rels {
		out[r.ID] = r.Target
	}
	return out
}

// hasPageField reports whether a part holds a PAGE field.
func (d *docx) hasPageField(name string) bool {
	for _, p := range d.parts {
		if p.file != name {
			continue
		}
		for _, f := range p.root.FindElements("//w:fldSimple") {
			if fieldName(f.SelectAttrValue("w:instr", "")) == "PAGE" {
				return true
			}
		}
		for _, it := range p.root.FindElements("//w:instrText") {
			if fieldName(it.Text()) == "PAGE" {
				return true
			}
		}
	}
	return false
}

// fieldName is the first word of a field instruction, upper-cased.
func fieldName(instr string) string {
	f := strings.Fields(strings.ToUpper(instr))
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func paperName(w, h float64) string {
	switch {
	case abs(w-12240) <= pageTol && abs(h-15840) <= pageTol:
		return " (Letter)"
	case abs(w-12240) <= pageTol && abs(h-20160) <= pageTol:
		return " (Legal)"
	case abs(w-16838) <= pageTol && abs(h-23811) <= pageTol:
		return " (A3)"
	case abs(w-8391) <= pageTol && abs(h-11906) <= pageTol:
		return " (A5)"
	}
	return ""
}

func twips(e *etree.Element, attr string) float64 {
	if e == nil {
		return 0
	}
	v, err := strconv.ParseFloat(e.SelectAttrValue(attr, "0"), 64)
	if err != nil {
		return 0
	}
	return v
}

func mmText(tw float64) string {
	return strings.Replace(strconv.FormatFloat(tw/twipsPerMM, 'f', 1, 64), ".", ",", 1)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
