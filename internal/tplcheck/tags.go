package tplcheck

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
)

var (
	tagRe            = regexp.MustCompile(`\{\{(.*?)\}\}`)
	awardPlaceholder = regexp.MustCompile(`\{[^{}]*\}`)
	// a name in single braces, as if a brace of a tag were forgotten
	singleBrace = regexp.MustCompile(`(^|[^{])\{\s*[a-z_][a-z0-9_.]*\s*(\|[^{}]*)?\}([^}]|$)`)
)

// foundTag is one {{…}} found in a paragraph of the body.
type foundTag struct {
	text string         // as written
	kind string         // "for", "if", "else", "end" or "" for a value
	para *etree.Element // the paragraph holding it
	root string         // the first name of its path ("co_quan"), "" if none
	loop string         // the variable a for binds
}

// bodyTags lists the tags of the body in document order.
func (d *docx) bodyTags() []foundTag {
	var out []foundTag
	for _, p := range docxtpl.InOrder(d.body.root, "p") {
		text := docxtpl.ParagraphText(p)
		for _, m := range tagRe.FindAllStringSubmatch(text, -1) {
			inner := strings.Fields(docxtpl.PlainQuotes(m[1]))
			t := foundTag{text: m[0], para: p}
			if len(inner) > 0 {
				switch inner[0] {
				case "for":
					t.kind = "for"
					if len(inner) == 4 {
						t.loop, t.root = inner[1], firstName(inner[3])
					}
				case "if":
					t.kind = "if"
					if len(inner) > 1 && inner[1] == "not" && len(inner) > 2 {
						t.root = firstName(inner[2])
					} else if len(inner) > 1 {
						t.root = firstName(inner[1])
					}
				case "else", "end":
					t.kind = inner[0]
				default:
					t.root = firstName(strings.Split(inner[0], "|")[0])
				}
			}
			out = append(out, t)
		}
	}
	return out
}

func firstName(path string) string {
	name, _, _ := strings.Cut(strings.TrimSpace(path), ".")
	return name
}

// container is where a block's paragraphs live: a table cell, a text box
// or the body.
func container(p *etree.Element) *etree.Element {
	for a := p.Parent(); a != nil; a = a.Parent() {
		if isW(a, "tc") || isW(a, "txbxContent") || isW(a, "body") {
			return a
		}
	}
	return nil
}

// checkBlocks pairs {{for}}/{{if}} with {{else}} and {{end}} in document
// order and finds blocks that cannot be what the maintainer meant: the
// opening tag in a table and the closing one outside it (the whole table
// would repeat), in different tables, in a text box and the body. balanced
// says whether every tag found its pair.
func (d *docx) checkBlocks() (out []Finding, balanced bool) {
	balanced = true
	type open struct {
		tag  foundTag
		elsP *etree.Element
	}
	var stack []open
	where := func(p *etree.Element) string {
		if c := d.body.loc.Cell(p); c != "" {
			return c
		}
		return fmt.Sprintf("đoạn %d, ngoài bảng", d.body.loc.Paragraph(p))
	}
	same := func(a, b *etree.Element) bool {
		ca, cb := container(a), container(b)
		if ca == cb {
			return true
		}
		// cells of one table: the block repeats or keeps table rows
		return isW(ca, "tc") && isW(cb, "tc") && ca.Parent().Parent() == cb.Parent().Parent()
	}
	for _, t := range d.bodyTags() {
		switch t.kind {
		case "for", "if":
			stack = append(stack, open{tag: t})
		case "else":
			if len(stack) > 0 {
				stack[len(stack)-1].elsP = t.para
			}
		case "end":
			if len(stack) == 0 {
				balanced = false
				continue
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !same(o.tag.para, t.para) {
				out = append(out, d.find(Error, CodeMisplaced, d.body, d.body.loc.Where(o.tag.para),
					fmt.Sprintf("%s (ở %s) và {{end}} của nó (ở %s) không cùng chỗ: chương trình không lặp (hay giữ, bỏ) được đúng phần nằm giữa hai thẻ mà sẽ báo lỗi hoặc lặp cả khối bao quanh (cả bảng)",
						o.tag.text, where(o.tag.para), where(t.para)),
					"đặt thẻ mở và {{end}} trong cùng một ô bảng (lặp đoạn trong ô), trong các ô của cùng một bảng (lặp hàng bảng), hoặc cả hai ở ngoài bảng (lặp đoạn, lặp cả bảng)"))
				continue
			}
			if o.elsP != nil && !same(o.tag.para, o.elsP) {
				out = append(out, d.find(Error, CodeMisplaced, d.body, d.body.loc.Where(o.elsP),
					fmt.Sprintf("{{else}} của %s nằm ở %s, không cùng chỗ với {{if}} (ở %s)", o.tag.text, where(o.elsP), where(o.tag.para)),
					"đặt {{if}}, {{else}} và {{end}} của cùng một điều kiện trong cùng một ô bảng, hoặc cả ba ở ngoài bảng"))
			}
		}
	}
	return out, balanced && len(stack) == 0
}

// checkTagPlaces finds tags where the engine does not fill them (tracked
// deletions, field codes, document properties), tags in text boxes (which
// the PDF does not draw) and text that looks like a tag but is not one.
func (d *docx) checkTagPlaces() []Finding {
	var out []Finding
	for _, p := range d.parts {
		for _, e := range p.root.FindElements("//w:delText") {
			if strings.Contains(e.Text(), "{{") {
				out = append(out, d.find(Error, CodeUnfilled, p, p.loc.Where(e),
					"thẻ nằm trong phần chữ đã xoá khi bật theo dõi thay đổi (Track Changes): không được điền",
					"Review → Accept All Changes (LibreOffice: Sửa → Theo dõi thay đổi → Chấp nhận tất cả), rồi gõ lại thẻ nếu cần"))
			}
		}
		for _, e := range p.root.FindElements("//w:instrText") {
			if strings.Contains(e.Text(), "{{") {
				out = append(out, d.find(Error, CodeUnfilled, p, p.loc.Where(e),
					"thẻ nằm trong mã của một trường (field): không được điền",
					"xoá trường (chọn rồi Ctrl+Shift+F9 để đổi thành chữ thường) rồi gõ thẻ vào văn bản"))
			}
		}
		if p != d.body {
			continue // docxtpl reports every tag in headers, footers and notes
		}
		for _, para := range docxtpl.InOrder(p.root, "p") {
			text := docxtpl.ParagraphText(para)
			if ancestor(para, "txbxContent") != nil && strings.Contains(text, "{{") {
				out = append(out, d.find(Warning, CodeLayout, p, p.loc.Where(para),
					"thẻ nằm trong hộp văn bản (text box): được điền trong DOCX nhưng hộp văn bản không được vẽ trong PDF",
					"đưa nội dung ra khỏi hộp văn bản, dùng bảng không viền để đặt chữ cạnh nhau"))
			}
			rest := tagRe.ReplaceAllString(text, "")
			switch {
			case strings.Contains(rest, "}}"):
				out = append(out, d.find(Error, CodeTagSyntax, p, p.loc.Where(para),
					"có «}}» mà không có «{{» mở trước nó: thẻ sẽ bị in nguyên văn",
					"gõ đủ «{{» ở đầu thẻ, hoặc xoá «}}» thừa"))
			case strings.Contains(rest, "{ {") || strings.Contains(rest, "} }"):
				out = append(out, d.find(Error, CodeTagSyntax, p, p.loc.Where(para),
					"có dấu ngoặc nhọn cách nhau («{ {» hoặc «} }»): không phải thẻ, sẽ bị in nguyên văn",
					"viết liền «{{» và «}}»"))
			case singleBrace.MatchString(rest):
				out = append(out, d.find(Warning, CodeTagSyntax, p, p.loc.Where(para),
					fmt.Sprintf("«%s» trông như một thẻ thiếu dấu ngoặc: chỉ {{…}} (hai dấu ngoặc) được điền", strings.TrimSpace(singleBrace.FindString(rest))),
					"viết thành {{ten_truong}} với hai dấu ngoặc mỗi bên"))
			}
		}
	}
	for _, f := range []string{"docProps/core.xml", "docProps/app.xml", "docProps/custom.xml"} {
		if data, err := d.pkg.Bytes(f); err == nil && bytes.Contains(data, []byte("{{")) {
			out = append(out, Finding{Severity: Warning, Code: CodeUnfilled, File: d.name, Part: "thuộc tính tài liệu (" + f + ")",
				Message: "thuộc tính tài liệu (tiêu đề, chủ đề…) có thẻ: không được điền",
				Fix:     "File → Info → Properties (LibreOffice: Tệp → Thuộc tính): xoá thẻ khỏi các thuộc tính"})
		}
	}
	return out
}

// partFields warns about fields that are empty in a part: the subject of
// a report (doi_tuong) is filled only for a part printed once per nominee
// and never grouped, the confirmation letter (cong_van, and cong_van_thue
// for the tax office's) only for the letters' parts; and about a part
// printed per nominee, or per group of nominees, whose template prints
// nothing of its own nominee or group, whose copies would all be alike.
func (d *docx) partFields(p *formset.Part) []Finding {
	name := d.name
	roots := map[string]bool{}
	loops := map[string]bool{}
	for _, t := range d.bodyTags() {
		if t.loop != "" {
			loops[t.loop] = true
		}
	}
	for _, t := range d.bodyTags() {
		if t.root != "" && !loops[t.root] {
			roots[t.root] = true
		}
	}
	letter := p.IsLetter()
	grouped := p.Repeat == formset.PerNominee && p.GroupBy != ""
	fields := []struct {
		name, parts string
		belongs     bool
	}{
		{"doi_tuong", "văn bản in riêng cho từng đối tượng, không gộp (Báo cáo thành tích)", p.Repeat == formset.PerNominee && !grouped},
		{"cong_van", "công văn xin xác nhận (xac_nhan_thue, xac_nhan_bhxh)", letter},
		{"cong_van_thue", "công văn xin xác nhận thuế (xac_nhan_thue)", p.DataTable() == "xac_nhan_thue"},
	}
	var out []Finding
	distinct := grouped && slices.ContainsFunc(groupNarrowed, func(f string) bool { return roots[f] })
	for _, f := range fields {
		distinct = distinct || roots[f.name] && f.belongs
		if roots[f.name] && !f.belongs {
			out = append(out, Finding{Severity: Warning, Code: CodePartFields, File: name, Part: "thân văn bản",
				Message: fmt.Sprintf("mẫu %s dùng trường %s, trường này chỉ có giá trị trong %s: ở đây trống", p.Title, f.name, f.parts),
				Fix:     emptyFieldFix(p, f.name)})
		}
	}
	if p.Repeat == formset.PerNominee && !distinct {
		out = append(out, identicalCopies(p, name, letter, grouped))
	}
	return out
}

// groupNarrowed are the fields a document printed per group of nominees
// fills with its group's nominees only.
var groupNarrowed = []string{"de_nghi", "nhom", "tong_hop", "so_tap_the", "so_ca_nhan"}

// groupLetters are the letters' tables whose data a part grouped by an
// office (gop_theo) takes to print the letter to each office (cong_van).
var groupLetters = map[string]string{"thue.co_quan_thue": "xac_nhan_thue", "bhxh.co_quan": "xac_nhan_bhxh"}

// emptyFieldFix is how to fill, or do without, a field that is empty in
// part p: a part grouped by an office is a letter to each office when it
// takes the letters' data (du_lieu).
func emptyFieldFix(p *formset.Part, field string) string {
	if table := groupLetters[p.GroupBy]; strings.HasPrefix(field, "cong_van") && table != "" && p.Data == "" {
		return fmt.Sprintf("văn bản gộp theo %s có trường cong_van khi lấy dữ liệu công văn: ghi du_lieu = %q trong khối [[van_ban]] của nó "+
			"(số, ngày, gop lấy từ bảng [%s] của tệp hồ sơ; nếu văn bản khác của bộ mẫu cũng lấy số từ bảng đó thì hai văn bản trùng số và hồ sơ bị từ chối)", p.GroupBy, table, table)
	}
	return "dùng các trường chung (de_nghi, nhom, tong_hop…) hoặc chuyển nội dung sang đúng mẫu"
}

// identicalCopies is the warning for a part printed per nominee or per
// group whose template prints nothing of its own nominee or group.
func identicalCopies(p *formset.Part, file string, letter, grouped bool) Finding {
	f := Finding{Severity: Warning, Code: CodePartFields, File: file, Part: "thân văn bản"}
	each := "từng đối tượng"
	if grouped {
		each = fmt.Sprintf("từng đối tượng hoặc từng nhóm đối tượng cùng %s (gop_theo)", p.GroupBy)
	}
	switch {
	case letter:
		f.Message = fmt.Sprintf("mẫu %s được in riêng cho %s nhưng không dùng trường cong_van: các bản in ra sẽ giống hệt nhau", p.Title, each)
		f.Fix = "in thông tin riêng bằng các trường cong_van.… (hoso templates fields)"
	case grouped:
		f.Message = fmt.Sprintf("mẫu %s được in riêng cho từng nhóm đối tượng cùng %s (gop_theo) nhưng không dùng trường nào riêng của nhóm: các bản in ra sẽ giống hệt nhau", p.Title, p.GroupBy)
		f.Fix = "in các đối tượng của nhóm bằng de_nghi, nhom hoặc tong_hop (mỗi bản chỉ gồm đối tượng của nhóm mình)"
		if table := groupLetters[p.GroupBy]; table != "" {
			f.Fix += fmt.Sprintf(", hoặc ghi du_lieu = %q để in công văn gửi từng cơ quan bằng các trường cong_van.…", table)
		}
	default:
		f.Message = fmt.Sprintf("mẫu %s được in riêng cho từng đối tượng nhưng không dùng trường doi_tuong: các bản in ra sẽ giống hệt nhau", p.Title)
		f.Fix = "in thông tin riêng bằng các trường doi_tuong.… (hoso templates fields)"
	}
	return f
}
