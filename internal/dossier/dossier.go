// Package dossier turns one submission into its dossier: it validates the
// submission against the form set chosen by date, builds the data every
// template sees, fills each part's template into a DOCX and writes the
// dossier folder with its manifest atomically. Later stages (the PDF) plug
// in through Options.
package dossier

import (
	"fmt"
	"runtime"
	"strings"
	"sync"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// The manifest's part names ("phan").
const (
	PartToTrinh   = "to-trinh"
	PartBienBan   = "bien-ban"
	PartBaoCao    = "bao-cao-thanh-tich"
	PartXacNhanTh = "xac-nhan-thue"
)

// Document is one file of a dossier.
type Document struct {
	Part     string   `json:"phan"`
	Subject  string   `json:"doi_tuong"`
	DOCX     string   `json:"docx"`
	Number   string   `json:"so_ky_hieu"`
	Warnings []string `json:"canh_bao"`

	PDF   string `json:"pdf,omitempty"`
	Pages int    `json:"so_trang,omitempty"`

	Title    string `json:"-"` // document title, for PDF metadata and bookmarks
	Bytes    []byte `json:"-"` // the DOCX
	PDFBytes []byte `json:"-"`
}

// Dossier is a built dossier held in memory until it is written.
type Dossier struct {
	Slug      string
	Source    string
	FormSet   *formset.Set
	Agency    string
	Subject   string // what the dossier is about, for PDF metadata
	Documents []*Document
	Merged    []byte // ho-so.pdf, once RenderPDF has run
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
// part. Bad input gives an *InputError; a template that cannot be filled
// gives a plain error naming the template and the place in it.
func Build(path string, src []byte, sets []*formset.Set) (*Dossier, error) {
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
	for _, vp := range submission.Validate(sub, ix, set) {
		if !decoded.Has(vp.Path) {
			problems = append(problems, vp)
		}
	}
	if len(problems) > 0 {
		problems = problems.Sorted()
		return nil, &InputError{Path: path, Src: src, Problems: problems}
	}
	return fill(path, sub, set)
}

// fill builds the data and fills every part's template.
func fill(path string, sub *submission.Submission, set *formset.Set) (*Dossier, error) {
	data := buildData(sub, set)
	d := &Dossier{
		Slug:    vn.Slug(sub.Agency.Name, 60) + "-" + sub.Proposal.Date.Format("2006-01-02"),
		Source:  path,
		FormSet: set,
		Agency:  sub.Agency.Name,
		Subject: "Hồ sơ đề nghị khen thưởng - " + sub.Movement.Name,
	}
	// The documents are listed first, then filled in parallel.
	type job struct {
		part formset.Part
		doc  *Document
		view Data
	}
	var jobs []job
	add := func(part formset.Part, doc *Document, view Data) {
		jobs = append(jobs, job{part, doc, view})
		d.Documents = append(d.Documents, doc)
	}
	numberWarning := func(n *int, what string) []string {
		if n == nil {
			return []string{fmt.Sprintf("%s chưa có số: đã để trống chỗ ghi số, văn thư ghi số sau khi ký", what)}
		}
		return nil
	}
	base := *data
	add(formset.ToTrinh, &Document{Part: PartToTrinh, DOCX: "01-to-trinh.docx", Number: data.ToTrinh.SoKyHieu,
		Title: "Tờ trình " + data.ToTrinh.TrichYeu, Warnings: append(numberWarning(sub.Proposal.Number, "Tờ trình"), freeTextAwards(sub, set)...)}, base)
	add(formset.BienBan, &Document{Part: PartBienBan, DOCX: "02-bien-ban.docx", Number: data.BienBan.SoKyHieu,
		Title: "Biên bản họp " + sub.Council.Name, Warnings: numberWarning(sub.Meeting.Number, "Biên bản")}, base)
	width := len(fmt.Sprint(len(data.DeNghi)))
	if width < 2 {
		width = 2
	}
	for i, n := range data.DeNghi {
		part := formset.BaoCaoTapThe
		if sub.Nominees[i].Kind.IsPerson() {
			part = formset.BaoCaoCaNhan
		}
		view := base
		view.DoiTuong = n
		name := fmt.Sprintf("03-bao-cao-%0*d-%s.docx", width, n.Stt, slugOr(n.Ten, "doi-tuong"))
		doc := &Document{Part: PartBaoCao, Subject: n.Ten, DOCX: name, Title: "Báo cáo thành tích: " + n.Ten,
			Warnings: missingDetails(sub.Nominees[i])}
		add(part, doc, view)
	}
	for i, letter := range taxLetters(sub, data) {
		view := base
		view.CongVanThue = letter
		name := fmt.Sprintf("04-xac-nhan-thue-%02d-%s.docx", i+1, slugOr(letter.CoQuanThue, "co-quan-thue"))
		doc := &Document{Part: PartXacNhanTh, Subject: letter.CoQuanThue, DOCX: name, Number: letter.SoKyHieu,
			Title:    "Công văn đề nghị xác nhận nghĩa vụ thuế gửi " + letter.CoQuanThue,
			Warnings: numberWarning(sub.Tax.Number, "Công văn xin xác nhận thuế")}
		add(formset.XacNhanThue, doc, view)
	}
	err := parallel(len(jobs), func(i int) error {
		t, err := set.Template(jobs[i].part)
		if err != nil {
			return err
		}
		jobs[i].doc.Bytes, err = t.Execute(jobs[i].view)
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, doc := range d.Documents {
		if doc.Warnings == nil {
			doc.Warnings = []string{}
		}
	}
	return d, nil
}

// parallel runs fn(0) … fn(n-1) on as many goroutines as there are CPUs
// and returns the first error, by index order.
func parallel(n int, fn func(i int) error) error {
	return parallelN(n, runtime.GOMAXPROCS(0), fn)
}

// parallelN is parallel with at most workers goroutines.
func parallelN(n, workers int, fn func(i int) error) error {
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(n, workers); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				errs[i] = fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	return firstError(errs)
}

func firstError(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

func slugOr(s, fallback string) string {
	if sl := vn.Slug(s, 40); sl != "" {
		return sl
	}
	return fallback
}

// taxLetters makes one công văn per tax office, in order of first mention,
// numbered from xac_nhan_thue.so.
func taxLetters(sub *submission.Submission, data *Data) []*TaxLetter {
	var letters []*TaxLetter
	byOffice := map[string]*TaxLetter{}
	t := sub.Tax
	sg := sub.Proposal.Signer
	if t.Signer != nil {
		sg = *t.Signer
	}
	date := t.Date.Time
	if date.IsZero() {
		date = sub.Proposal.Date.Time
	}
	for _, n := range data.DeNghi {
		if n.Thue == nil {
			continue
		}
		l := byOffice[vn.Lower(n.Thue.CoQuanThue)]
		if l == nil {
			l = &TaxLetter{CoQuanThue: n.Thue.CoQuanThue, KyHieu: sub.Agency.Abbrev, Ngay: date,
				HanTraLoi: t.Deadline.Time, NguoiKy: signer(sg)}
			if sub.Agency.Unit != "" {
				l.KyHieu += "-" + sub.Agency.Unit
			}
			l.NoiNhan = listItems(append(append([]string{"Như trên"}, t.Recipients...), archiveLine(t.Archive, sub.Agency.Unit)))
			byOffice[vn.Lower(n.Thue.CoQuanThue)] = l
			letters = append(letters, l)
		}
		l.DoanhNghiep = append(l.DoanhNghiep, n)
	}
	for i, l := range letters {
		var num *int
		if t.Number != nil {
			k := *t.Number + i
			num = &k
		}
		l.So = number(num)
		l.SoKyHieu = l.So + "/" + l.KyHieu
		l.KyXacNhan = t.Period
		if l.KyXacNhan == "" {
			l.KyXacNhan = periodOf(l.DoanhNghiep)
		}
	}
	return letters
}

// periodOf joins the distinct periods the enterprises gave.
func periodOf(ns []*Nominee) string {
	var out []string
	seen := map[string]bool{}
	for _, n := range ns {
		if k := n.Thue.Ky; k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return strings.Join(out, "; ")
}

// freeTextAwards warns about awards written in full instead of by code:
// they are printed as written, and the deciding level of one the set does
// not recognise is not checked.
func freeTextAwards(sub *submission.Submission, set *formset.Set) []string {
	var out []string
	for i, n := range sub.Nominees {
		switch _, byName, ok := set.Resolve(n.Award); {
		case !ok:
			out = append(out, fmt.Sprintf("de_nghi[%d]: hình thức %q ghi tự do: in nguyên văn, không kiểm tra được cấp quyết định", i+1, n.Award))
		case byName:
			out = append(out, fmt.Sprintf("de_nghi[%d]: hình thức %q ghi tự do: in nguyên văn", i+1, n.Award))
		}
	}
	return out
}

// missingDetails warns about report fields left empty that the form
// prints as "Không".
func missingDetails(n submission.Nominee) []string {
	var out []string
	if n.Kind.IsPerson() {
		for _, f := range []struct{ v, name string }{{n.Hometown, "quê quán"}, {n.Residence, "trú quán"}, {n.Education, "trình độ chuyên môn"}} {
			if f.v == "" {
				out = append(out, "chưa ghi "+f.name+": báo cáo in \"Không\"")
			}
		}
		if len(n.Duties) == 0 {
			out = append(out, "chưa ghi quyền hạn, nhiệm vụ được giao (nhiem_vu)")
		}
	} else if len(n.Functions) == 0 {
		out = append(out, "chưa ghi chức năng, nhiệm vụ (chuc_nang)")
	}
	return out
}
