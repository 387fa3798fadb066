package dossier

import (
	"fmt"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// numbered is the number a document prints and the submission's key it
// comes from ("xac_nhan_bhxh.so", "to_trinh.rieng[2].so"); the zero
// value for a document printed without one.
type numbered struct {
	n  int
	at string
}

// numberedAs is what a document of part p numbered num prints: nothing
// for a part without numbers or a number left blank. from is the index of
// the [[…rieng]] block that gave the number, -1 when the table did.
func numberedAs(p *formset.Part, num *int, from int) numbered {
	if !p.IsNumbered() || num == nil {
		return numbered{}
	}
	at := p.DataTable() + ".so"
	if from >= 0 {
		at = tomlin.PathIndex(p.DataTable()+".rieng", from+1) + ".so"
	}
	return numbered{n: *num, at: at}
}

// numberBlock is the index of the last [[…rieng]] block for award that
// gives a number: the one Own.ForAward takes the number from.
func numberBlock(each []submission.PerAward, award string, same func(a, b string) bool) int {
	from := -1
	for i, e := range each {
		if e.Number != nil && same(e.Award, award) {
			from = i
		}
	}
	return from
}

// duplicateNumbers refuses two documents printed with the same number and
// ký hiệu (the issuer's) dated in the same year: a reviewing office
// returns such a dossier, as the register of an issuer gives a number
// once a year. The numbers are those the documents print, after each
// series counts on from its table's; each series is reported once, at
// the key of the later one.
func (d *Dossier) duplicateNumbers(ix *tomlin.Index) tomlin.Problems {
	first := map[string]int{} // year, number and ký hiệu → the first document printing it
	var ps tomlin.Problems
	reported := map[string]bool{}
	for i, j := range d.jobs {
		if j.num.at == "" {
			continue
		}
		key := yearSymbol(j) + " " + j.view.Document.Number
		k, seen := first[key]
		if !seen {
			first[key] = i
			continue
		}
		if reported[j.num.at] {
			continue
		}
		reported[j.num.at] = true
		v := j.view.Document
		ps.Add(j.num.at, ix.FindValue(j.num.at), submission.KeyDuplicate,
			fmt.Sprintf("%s mang số %s năm %d, trùng số với %s (%s)", d.Documents[i].Title, v.NumSymbol, v.Date.Year(), d.Documents[k].Title, d.Documents[k].DOCX),
			d.duplicateHint(i, k))
	}
	return ps
}

// yearSymbol is the register a document's number is taken from: the
// year of its date and its ký hiệu.
func yearSymbol(j job) string {
	return fmt.Sprintf("%d %s", j.view.Document.Date.Year(), j.view.Document.Symbol)
}

// duplicateHint says how to give document i a number of its own, k being
// the document already printing it: a first number after those the other
// series of its register print.
func (d *Dossier) duplicateHint(i, k int) string {
	at, other := d.jobs[i].num.at, d.jobs[k].num.at
	if at == other {
		return fmt.Sprintf("hai văn bản của bộ mẫu cùng lấy số từ khóa %s (văn bản %q và %q): người bảo trì bộ mẫu cho mỗi văn bản một bảng số riêng (du_lieu)",
			at, d.Documents[k].Part, d.Documents[i].Part)
	}
	free := 0
	for _, j := range d.jobs {
		if j.num.at != "" && j.num.at != at && yearSymbol(j) == yearSymbol(d.jobs[i]) {
			free = max(free, j.num.n+1)
		}
	}
	return fmt.Sprintf("số của một cơ quan, một ký hiệu chỉ dùng một lần trong năm; các văn bản cùng bảng mang số tăng dần từ %s: ghi số khác, ví dụ so = %d", at, free)
}
