package dossier

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/vn"
)

// instance is one document of a part: the nominees it concerns and what
// tells it apart from the other documents of its part.
type instance struct {
	nominees []int  // indexes into the submission's nominees
	subject  string // bookmark and manifest's doi_tuong; "" for a part printed once
	slug     string // the file name's last part
	award    string // moi-hinh-thuc: the award's code or text as the submission gives it
	person   int    // moi-doi-tuong, not grouped: the nominee; -1 otherwise
}

// instances lists the documents of a part, in the order of the nominees
// they concern.
func instances(p *formset.Part, sub *submission.Submission, set *formset.Set) []instance {
	switch p.Repeat {
	case formset.PerAward:
		return perAward(sub, set)
	case formset.PerNominee:
		return perNominee(p, sub)
	}
	all := make([]int, len(sub.Nominees))
	for i := range all {
		all[i] = i
	}
	return []instance{{nominees: all, person: -1}}
}

// perAward gives each award proposed a document, in order of first
// mention; an award written in full counts as the code it resolves to.
func perAward(sub *submission.Submission, set *formset.Set) []instance {
	var out []instance
	for _, g := range sub.AwardsProposed(set) {
		name := sub.Nominees[g.Nominees[0]].Award
		if a, ok := set.Award(g.Key); ok {
			name = a.ExpandName(sub.Agency.Jurisdiction())
		}
		out = append(out, instance{nominees: g.Nominees, subject: name, slug: slugOr(g.Key, "hinh-thuc"), award: g.Key, person: -1})
	}
	return out
}

// perNominee gives each nominee of the part's kinds a document, or, when
// the part groups them, each distinct value of the grouping field one.
func perNominee(p *formset.Part, sub *submission.Submission) []instance {
	var out []instance
	at := map[string]int{}
	for i, n := range sub.Nominees {
		if !p.Applies(string(n.Kind)) {
			continue
		}
		if !grouped(p, sub) {
			name := n.DisplayName()
			out = append(out, instance{nominees: []int{i}, subject: name, slug: slugOr(name, "doi-tuong"), person: i})
			continue
		}
		value := groupValue(n, p.GroupBy)
		k, seen := at[vn.Lower(value)]
		if !seen {
			k = len(out)
			at[vn.Lower(value)] = k
			out = append(out, instance{subject: value, slug: slugOr(value, "nhom"), person: -1})
		}
		out[k].nominees = append(out[k].nominees, i)
	}
	return out
}

// grouped reports whether a part's documents are printed per group: the
// part must say how to group (gop_theo); the submission's table may choose
// (gop), else the part's default.
func grouped(p *formset.Part, sub *submission.Submission) bool {
	if p.GroupBy == "" {
		return false
	}
	if g := sub.Own(p.DataTable()).Grouped; g != nil {
		return *g
	}
	return p.Grouped
}

// groupValue is a nominee's value of a grouping field (formset.GroupFields).
func groupValue(n submission.Nominee, field string) string {
	switch {
	case field == "thue.co_quan_thue" && n.Tax != nil:
		return n.Tax.Office
	case field == "bhxh.co_quan" && n.Insurance != nil:
		return n.Insurance.Office
	}
	return ""
}

// fileName is NN-<stem>.docx for a part printed once, NN-<stem>-MM-<slug>.docx
// for the documents of a repeated part (MM wide enough for their count).
func fileName(order int, p *formset.Part, k, count int, inst instance) string {
	if p.Repeat == formset.Once {
		return fmt.Sprintf("%02d-%s.docx", order, p.FileStem())
	}
	width := max(2, len(fmt.Sprint(count)))
	return fmt.Sprintf("%02d-%s-%0*d-%s.docx", order, p.FileStem(), width, k+1, inst.slug)
}

// documentTitle is the title of a document's PDF.
func documentTitle(p *formset.Part, inst instance) string {
	if inst.subject == "" {
		return p.Title
	}
	return p.Title + ": " + inst.subject
}

// numberOf is the number of the k-th document of a part: the table's
// number for the first, the next ones counting on from it; nil when the
// table gives none.
func numberOf(own submission.Own, k int) *int {
	if own.Number == nil {
		return nil
	}
	n := *own.Number + k
	return &n
}

// partWarnings are what a document should be read again for: a number
// left blank, awards written in full, details its report leaves empty. A
// warning about a value goes only to documents whose template prints it.
func partWarnings(p *formset.Part, inst instance, num *int, sub *submission.Submission, set *formset.Set, t *docxtpl.Template) []string {
	reads := map[string]bool{}
	for _, f := range t.Fields() {
		reads[f] = true
	}
	var out []string
	if p.IsNumbered() && num == nil {
		out = append(out, fmt.Sprintf("%s chưa có số: đã để trống chỗ ghi số, văn thư ghi số sau khi ký", p.Title))
	}
	if printsAwards(reads) {
		out = append(out, freeTextAwards(sub, set, inst.nominees)...)
	}
	if inst.person >= 0 {
		for _, m := range missingDetails(sub.Nominees[inst.person]) {
			if reads["doi_tuong."+m.field] {
				out = append(out, m.text)
			}
		}
		if reads["doi_tuong.giai_doan"] {
			out = append(out, shortPeriod(sub, set, inst.person)...)
		}
	}
	return out
}

// shortPeriod warns when the years a report covers are fewer than its
// award asks for (the set's so_nam: 05 years for a Bằng khen của Thủ
// tướng).
func shortPeriod(sub *submission.Submission, set *formset.Set, i int) []string {
	n := sub.Nominees[i]
	a, _, ok := set.Resolve(n.Award)
	period := submission.ReportPeriod(sub, n)
	if !ok || a.MinYears == 0 || period.Span() == 0 || period.Span() >= a.MinYears {
		return nil
	}
	return []string{fmt.Sprintf("de_nghi[%d]: báo cáo thành tích giai đoạn %s (%s năm), %s cần thành tích %s năm: ghi giai_doan của đối tượng cho đủ số năm",
		i+1, period, vn.Pad2(period.Span()), a.ExpandName(sub.Agency.Jurisdiction()), vn.Pad2(a.MinYears))}
}

// printsAwards reports whether a template prints the awards proposed.
func printsAwards(reads map[string]bool) bool {
	for _, f := range []string{"de_nghi[].hinh_thuc", "nhom[].doi_tuong[].hinh_thuc", "tong_hop[].ten", "van_ban.hinh_thuc", "doi_tuong.hinh_thuc"} {
		if reads[f] {
			return true
		}
	}
	return false
}

// freeTextAwards warns about awards written in full instead of by code:
// they are printed as written, and the deciding level of one the set does
// not recognise is not checked.
func freeTextAwards(sub *submission.Submission, set *formset.Set, nominees []int) []string {
	var out []string
	for _, i := range nominees {
		n := sub.Nominees[i]
		switch _, byName, ok := set.Resolve(n.Award); {
		case !ok:
			out = append(out, fmt.Sprintf("de_nghi[%d]: hình thức %q ghi tự do: in nguyên văn, không kiểm tra được cấp quyết định", i+1, n.Award))
		case byName:
			out = append(out, fmt.Sprintf("de_nghi[%d]: hình thức %q ghi tự do: in nguyên văn", i+1, n.Award))
		}
	}
	return out
}

// detail is a nominee's detail left empty: the field a template prints it
// with, and the warning.
type detail struct{ field, text string }

// missingDetails lists the report fields a nominee left empty, which the
// form leaves as a dotted line to fill in by hand (never "Không": a person
// always has a quê quán).
func missingDetails(n submission.Nominee) []detail {
	var out []detail
	if n.Kind.IsPerson() {
		for _, f := range []struct{ v, field, name string }{{n.Ethnicity, "dan_toc", "dân tộc"}, {n.Hometown, "que_quan", "quê quán"}, {n.Residence, "tru_quan", "trú quán"},
			{n.Education, "trinh_do", "trình độ chuyên môn"}, {n.Degrees, "hoc_ham", "học hàm, học vị, danh hiệu, giải thưởng (ghi \"Không\" khi không có)"}} {
			if f.v == "" {
				out = append(out, detail{f.field, "chưa ghi " + f.name + ": báo cáo để dòng chấm để ghi tay"})
			}
		}
		if len(n.Duties) == 0 {
			out = append(out, detail{"nhiem_vu", "chưa ghi quyền hạn, nhiệm vụ được giao (nhiem_vu): báo cáo để dòng chấm để ghi tay"})
		}
	} else if len(n.Functions) == 0 {
		out = append(out, detail{"chuc_nang", "chưa ghi chức năng, nhiệm vụ (chuc_nang)"})
	}
	return out
}

func slugOr(s, fallback string) string {
	if sl := vn.Slug(s, 40); sl != "" {
		return sl
	}
	return fallback
}

// issuerOf is who issues a part's documents: the submission's own table
// may name an issuer (co_quan); else the part's default, the council or
// the agency.
func issuerOf(p *formset.Part, own submission.Own, sub *submission.Submission) Issuer {
	if own.Issuer != nil {
		i := own.Issuer
		return Issuer{Name: i.Name, HeaderLines: headerLines(i.HeaderLines, ownName(i.Name, i.Parent)), Parent: i.Parent, Abbrev: i.Abbrev,
			Place: firstNonEmpty(i.Place, sub.Agency.Place), Unit: i.Unit}
	}
	a := sub.Agency
	if p.Issuer == formset.IssuerCouncil {
		c := sub.Council
		lines := "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
		if len(c.HeaderLines) > 0 {
			lines = headerLines(c.HeaderLines, c.Name)
		}
		// The council's header has its committee's name above it, in the
		// committee's own header lines.
		return Issuer{Name: c.Name, HeaderLines: lines, Parent: headerLines(a.HeaderLines, a.Name), Abbrev: c.Abbrev, Place: a.Place}
	}
	return Issuer{Name: a.Name, HeaderLines: headerLines(a.HeaderLines, ownName(a.Name, a.Parent)), Parent: a.Parent, Abbrev: a.Abbrev,
		Place: a.Place, Unit: a.Unit}
}

// symbol is a document's ký hiệu: the type's abbreviation and the
// issuer's ("TTr-UBND"), or for a công văn the issuer's and its drafting
// unit's ("UBND-VP").
func symbol(p *formset.Part, is Issuer) string {
	if p.TypeCode != "" {
		return p.TypeCode + "-" + is.Abbrev
	}
	if is.Unit != "" {
		return is.Abbrev + "-" + is.Unit
	}
	return is.Abbrev
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if strings.TrimSpace(x) != "" {
			return x
		}
	}
	return ""
}
