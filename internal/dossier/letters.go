package dossier

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
)

// letterKind is what a confirmation letter asks of which office.
type letterKind struct {
	office  func(n *Nominee) string // the office of a nominee, "" when it has none
	summary string                  // the trích yếu, before the enterprise's name
}

var letterKinds = map[string]letterKind{
	"xac_nhan_thue": {office: func(n *Nominee) string {
		if n.Tax == nil {
			return ""
		}
		return n.Tax.Office
	}, summary: "đề nghị xác nhận việc thực hiện nghĩa vụ thuế, nộp ngân sách nhà nước của "},
	"xac_nhan_bhxh": {office: func(n *Nominee) string {
		if n.Insurance == nil {
			return ""
		}
		return n.Insurance.Office
	}, summary: "đề nghị xác nhận việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp của "},
}

// letterOf is the confirmation letter a document of a letter part is (see
// formset.Part.IsLetter): its enterprises, the office addressed, the
// years it asks about (those of the enterprises' reports) and its trích
// yếu (the document's own number, date, signer are in DocView). The warnings say
// what the clerk wrote that the letter does not print as written.
func letterOf(p *formset.Part, inst instance, data *Data, sub *submission.Submission) (*TaxLetter, []string) {
	table := p.DataTable()
	kind := letterKinds[table]
	t := sub.Letters(table)
	l := &TaxLetter{Deadline: t.Deadline.Time}
	for _, i := range inst.nominees {
		n := data.Nominees[i]
		if kind.office(n) == "" {
			continue
		}
		l.Nominees = append(l.Nominees, n)
		if l.Office == "" {
			l.Office = kind.office(n)
		}
		for _, y := range n.ReportYears {
			if !slices.Contains(l.Years, y) {
				l.Years = append(l.Years, y)
			}
		}
	}
	slices.Sort(l.Years)
	if table == "xac_nhan_thue" {
		l.TaxOffice = l.Office
	}
	l.Subject = "các doanh nghiệp, chủ doanh nghiệp có tên dưới đây"
	if len(l.Nominees) == 1 {
		l.Subject = l.Nominees[0].Taxpayer
	}
	l.Summary = kind.summary + l.Subject
	if len(l.Nominees) > 1 {
		l.Summary = kind.summary + "các doanh nghiệp, chủ doanh nghiệp"
	}
	var warnings []string
	l.Period, warnings = letterPeriod(table, t.Period, l)
	return l, warnings
}

// letterPeriod is the period a letter asks about: the years of the
// enterprises' reports, in the clerk's words (ky_xac_nhan) when they say
// the same years; the clerk's words (or, for tax, the enterprises' thue.ky)
// when no report years are known.
func letterPeriod(table, clerk string, l *TaxLetter) (string, []string) {
	if len(l.Years) == 0 {
		if clerk == "" && table == "xac_nhan_thue" {
			clerk = taxPeriods(l.Nominees)
		}
		if clerk == "" {
			return "", []string{fmt.Sprintf("%s: công văn không ghi các năm cần xác nhận: ghi bao_cao.tu_nam và den_nam, phong_trao.giai_doan hoặc %s.ky_xac_nhan", table, table)}
		}
		return clerk, nil
	}
	if clerk == "" || sameYears(clerk, l.Years) {
		if clerk == "" {
			return yearsPhrase(l.Years), nil
		}
		return clerk, nil
	}
	return yearsPhrase(l.Years), []string{fmt.Sprintf("%s.ky_xac_nhan %q không khớp các năm của báo cáo thành tích (%s): công văn ghi %s",
		table, clerk, period(l.Years), yearsPhrase(l.Years))}
}

var yearRe = regexp.MustCompile(`\b(19|20)\d\d\b`)

// sameYears reports whether a period in words spans the years given: its
// first and last years are theirs.
func sameYears(text string, years []int) bool {
	var found []int
	for _, m := range yearRe.FindAllString(text, -1) {
		y, _ := strconv.Atoi(m)
		found = append(found, y)
	}
	return len(found) > 0 && slices.Min(found) == years[0] && slices.Max(found) == years[len(years)-1]
}

// taxPeriods joins the distinct periods the enterprises gave (thue.ky).
func taxPeriods(ns []*Nominee) string {
	var out []string
	for _, n := range ns {
		if k := n.Tax.Period; k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return strings.Join(out, "; ")
}
