// Package dossier turns one submission into its dossier: it validates the
// submission against the form set chosen by date, builds the data every
// template sees, fills each part's template into a DOCX, hands the filled
// documents to the PDF stage (internal/pdf) and writes the dossier folder
// with its manifest atomically, filling and rendering a window of
// documents at a time as it writes. It never sees a page.
package dossier

import (
	"fmt"
	"strings"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/parallel"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Document is one file of a dossier.
type Document struct {
	Part     string   `json:"phan"` // the form set's id of the part
	Group    string   `json:"-"`    // the part's title: the bookmark over its documents
	Subject  string   `json:"doi_tuong"`
	DOCX     string   `json:"docx"`
	Number   string   `json:"so_ky_hieu"`
	Warnings []string `json:"canh_bao"`

	PDF   string `json:"pdf"`
	Pages int    `json:"so_trang,omitempty"`

	Title string `json:"-"` // document title, for PDF metadata and bookmarks
	// Bytes and PDFBytes are the files in memory, after Build and
	// RenderPDF; Write fills and renders the documents it is not given so,
	// a window at a time, and keeps neither.
	Bytes    []byte `json:"-"` // the DOCX
	PDFBytes []byte `json:"-"`

	own int // how many of Warnings are not the PDF stage's
}

// Dossier is a dossier: its documents listed (Prepare), filled (Build),
// rendered (RenderPDF) or written (Write).
type Dossier struct {
	Slug      string
	Source    string
	FormSet   *formset.Set
	Agency    string
	Subject   string // what the dossier is about, for PDF metadata
	Documents []*Document
	Merged    []byte // ho-so.pdf, once RenderPDF has run

	jobs   []job             // how to fill each document
	hashes map[string]string // the SHA-256 of each file Write wrote, by name
}

// job is how to fill one document: its template and what it is filled
// with.
type job struct {
	tpl  *docxtpl.Template
	view Data
	num  numbered // the number printed, if any, and the key it comes from
}

// InputError is a submission refused for bad input: every problem, located.
type InputError struct {
	Path     string
	Src      []byte
	Problems tomlin.Problems
}

func (e *InputError) Error() string {
	var b strings.Builder
	if err := e.Problems.Render(&b, e.Path, e.Src); err != nil {
		return e.Problems.Error()
	}
	return fmt.Sprintf("%s: %d lỗi trong tệp hồ sơ, không tạo văn bản nào:\n%s", e.Path, len(e.Problems), b.String())
}

// Build validates the submission in src (read from path) and fills every
// document in memory (Bytes), as Prepare and Fill do.
func Build(path string, src []byte, sets []*formset.Set) (*Dossier, error) {
	d, err := Prepare(path, src, sets)
	if err != nil {
		return nil, err
	}
	if err := d.Fill(); err != nil {
		return nil, err
	}
	return d, nil
}

// Prepare validates the submission in src (read from path) and lists the
// documents every part of the form set gives, with what each is filled
// with: nothing is filled yet. Bad input gives an *InputError; a template
// that cannot be compiled, a plain error naming it.
func Prepare(path string, src []byte, sets []*formset.Set) (*Dossier, error) {
	sub, ix, problems, err := submission.Decode(src)
	if err != nil {
		return nil, err
	}
	if ix == nil { // not TOML at all: nothing more to check
		return nil, &InputError{Path: path, Src: src, Problems: problems}
	}
	var set *formset.Set
	if !sub.Proposal.Date.IsZero() || sub.FormSet != "" {
		set, err = formset.Select(sets, sub.Proposal.Date.Time, sub.FormSet)
		if err != nil {
			field := "to_trinh.ngay"
			if sub.FormSet != "" {
				field = "bo_mau"
			}
			problems.Add(field, ix.Find(field), submission.KeyFormSet, err.Error(), "")
		}
	}
	// A value that could not be decoded is already reported; validation
	// would only call it missing a second time. (Only the decoder's
	// problems count: a nominee can be both a duplicate and have a name
	// with a foreign letter.)
	decoded := problems
	for _, vp := range submission.ValidateDecoded(sub, ix, set, decoded) {
		if !decoded.Has(vp.Path) {
			problems = append(problems, vp)
		}
	}
	if len(problems) > 0 {
		problems = problems.Sorted()
		return nil, &InputError{Path: path, Src: src, Problems: problems}
	}
	d, err := list(path, sub, set)
	if err != nil {
		return nil, err
	}
	if problems := d.duplicateNumbers(ix); len(problems) > 0 {
		return nil, &InputError{Path: path, Src: src, Problems: problems.Sorted()}
	}
	return d, nil
}

// Fill fills every document not filled yet, in memory (Bytes). A
// template that cannot be filled gives an error naming the template and
// the place in it.
func (d *Dossier) Fill() error {
	return parallel.Do(len(d.Documents), func(i int) error {
		if d.Documents[i].Bytes != nil {
			return nil
		}
		f, err := d.fill(i)
		if err == nil {
			d.Documents[i].Bytes = f.DOCX
		}
		return err
	})
}

// fill fills document i.
func (d *Dossier) fill(i int) (*docxtpl.Filled, error) {
	return d.jobs[i].tpl.Fill(d.jobs[i].view)
}

// list lists the documents every part of the set gives, with the
// template and the data each is filled with.
func list(path string, sub *submission.Submission, set *formset.Set) (*Dossier, error) {
	tpls, err := templatesOf(set)
	if err != nil {
		return nil, err
	}
	data := buildData(sub, set)
	d := &Dossier{
		Slug:    vn.Slug(sub.Agency.Name, 60) + "-" + sub.Proposal.Date.Format("2006-01-02"),
		Source:  path,
		FormSet: set,
		Agency:  sub.Agency.Name,
		Subject: "Hồ sơ đề nghị khen thưởng - " + sub.Movement.Name,
	}
	thresholdWarnings := thresholdWarnings(sub, set)
	for order := range set.Parts {
		p := &set.Parts[order]
		base := sub.Own(p.DataTable())
		insts := instances(p, sub, set)
		for k, inst := range insts {
			own, num, from := ownOf(base, k, inst, set)
			view := scoped(data, inst, sub, set)
			var warnings []string
			if p.IsLetter() {
				view.Letter, warnings = letterOf(p, inst, data, sub)
				if p.DataTable() == "xac_nhan_thue" {
					view.TaxLetter = view.Letter
				}
				if own.Summary == "" {
					own.Summary = view.Letter.Summary
				}
				if len(own.To) == 0 && view.Letter.Office != "" {
					own.To = []string{view.Letter.Office}
				}
			}
			if p.DataTable() == "bien_ban" {
				warnings = append(warnings, thresholdWarnings...)
			}
			view.Document = docView(p, own, num, inst, sub, set)
			file := p.Template.Default
			if inst.person >= 0 {
				file = p.Template.For(string(sub.Nominees[inst.person].Kind))
			}
			d.jobs = append(d.jobs, job{tpl: tpls[file], view: view, num: numberedAs(p, num, from)})
			warnings = append(warnings, partWarnings(p, inst, num, sub, set, tpls[file])...)
			for _, n := range tpls[file].Notes() {
				warnings = append(warnings, "mẫu "+n.String())
			}
			if sub.FormSet != "" && !set.Covers(sub.Proposal.Date.Time) {
				warnings = append(warnings, fmt.Sprintf("bộ mẫu %s được chọn bằng bo_mau nhưng chỉ áp dụng %s, không cho Tờ trình ngày %s: kiểm tra lại biểu mẫu và văn bản pháp luật dẫn trong hồ sơ",
					set.ID, set.Validity(), vn.ShortDate(sub.Proposal.Date.Time)))
			}
			name := fileName(order+1, p, k, len(insts), inst)
			d.Documents = append(d.Documents, &Document{Part: p.ID, Group: p.Title, Subject: inst.subject,
				DOCX: name, PDF: strings.TrimSuffix(name, ".docx") + ".pdf", Number: numberText(p, view.Document),
				Title: documentTitle(p, inst), Warnings: append([]string{}, warnings...), own: len(warnings)})
		}
	}
	return d, nil
}

// numberText is a document's number and symbol for the manifest, "" for
// a part without numbers.
func numberText(p *formset.Part, v *DocView) string {
	if !p.IsNumbered() {
		return ""
	}
	return v.NumSymbol
}

// ownOf is what the k-th document of a part has of its own: the table's
// data, and for a document per award what its [[…rieng]] block gives;
// its number is the block's, else the table's counted on by k. from is
// the index of the [[…rieng]] block that gave the number, -1 when the
// table did.
func ownOf(base submission.Own, k int, inst instance, set *formset.Set) (own submission.Own, num *int, from int) {
	if inst.award == "" {
		return base, numberOf(base, k), -1
	}
	same := func(a, b string) bool { return submission.AwardKey(set, a) == submission.AwardKey(set, b) }
	own, numbered := base.ForAward(inst.award, same)
	if numbered {
		return own, own.Number, numberBlock(base.Each, inst.award, same)
	}
	return own, numberOf(base, k), -1
}

// thresholdWarnings are the rules of the form set ([[nguong]]) the
// meeting or a nominee does not meet that warn rather than refuse (those
// that refuse stopped the build in validation), and the abstentions the
// table cannot show: the Biên bản carries them.
func thresholdWarnings(sub *submission.Submission, set *formset.Set) []string {
	var out []string
	for _, f := range append(submission.Thresholds(sub, set), submission.Abstentions(sub)...) {
		if !f.Refuse {
			out = append(out, f.Path+": "+f.Message)
		}
	}
	return out
}
