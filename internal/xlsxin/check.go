package xlsxin

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// check resolves the awards, skips the nominees already there and puts
// the values through the submission's decoder and content checks.
func (res *Result) check(opts Options) {
	res.awards(opts)
	res.dedupe(opts.Into)
	had := 0
	if opts.Into != nil {
		had = len(opts.Into.Nominees)
	}
	if n := had + len(res.Entries); n > submission.MaxNominees {
		res.problem("", fmt.Sprintf("có %d đối tượng; một hồ sơ chỉ được tối đa %d", n, submission.MaxNominees),
			"tách danh sách thành nhiều tệp hồ sơ, mỗi tệp một Tờ trình")
		return
	}
	res.recheck(opts)
}

// awards resolves every award in the form set's catalogue and writes it
// as its code; an award the catalogue does not know, or has repealed, is
// a problem naming the codes there are.
func (res *Result) awards(opts Options) {
	if opts.Set == nil {
		return
	}
	var known []string
	for _, a := range opts.Set.Awards {
		if a.Repealed == "" {
			known = append(known, fmt.Sprintf("%s (%s)", a.Code, a.ExpandName(formset.Jurisdiction{})))
		}
	}
	for i := range res.Entries {
		e := &res.Entries[i]
		text := e.Nominee.Award
		if text == "" {
			continue
		}
		a, _, ok := opts.Set.Resolve(text)
		switch {
		case !ok:
			res.problem(e.cells["hinh_thuc"], fmt.Sprintf("bộ mẫu %s không có hình thức %q", opts.Set.ID, text),
				"ghi một mã hoặc tên đầy đủ của hình thức: "+strings.Join(known, "; "))
		case a.Repealed != "":
			res.problem(e.cells["hinh_thuc"], fmt.Sprintf("hình thức %q không còn áp dụng từ bộ mẫu %s: %s", text, opts.Set.ID, a.Repealed), "")
		default:
			e.Nominee.Award = a.Code
			if text == a.Code {
				e.Award = ""
			}
		}
	}
}

// nameCell is the cell of the entry's name.
// Cell is where the sheet gave a field of the entry ("'Danh sách'!H14"),
// "" when no column gave it.
func (e Entry) Cell(field string) string { return e.cells[field] }

func (e Entry) nameCell() string {
	if e.Nominee.Kind.IsPerson() {
		return e.cells["ho_ten"]
	}
	return e.cells["ten"]
}

// same tells one nominee written twice: same kind and name (any case),
// and not two different birth dates.
func same(a, b submission.Nominee) bool {
	return a.Kind != "" && a.Kind == b.Kind && vn.Lower(a.DisplayName()) == vn.Lower(b.DisplayName()) &&
		(a.Born.IsZero() || b.Born.IsZero() || a.Born.Equal(b.Born.Time))
}

// dedupe skips, with a warning, a nominee the submission already has or
// an earlier row already gave.
func (res *Result) dedupe(into *submission.Submission) {
	kept := res.Entries[:0]
rows:
	for _, e := range res.Entries {
		at := e.nameCell()
		if into != nil && e.Nominee.DisplayName() != "" {
			for i, n := range into.Nominees {
				if same(n, e.Nominee) {
					res.warn(at, fmt.Sprintf("%q (%s) đã có trong tệp hồ sơ (de_nghi[%d]): bỏ qua, không thêm lần nữa", e.Nominee.DisplayName(), e.Nominee.Kind.Label(), i+1))
					continue rows
				}
			}
		}
		for _, k := range kept {
			if e.Nominee.DisplayName() != "" && same(k.Nominee, e.Nominee) {
				res.warn(at, fmt.Sprintf("%q (%s) đã có ở dòng %d: bỏ qua dòng này", e.Nominee.DisplayName(), e.Nominee.Kind.Label(), k.Row))
				continue rows
			}
		}
		kept = append(kept, e)
	}
	res.Entries = kept
}

// contentKeys are the validation problems about a value the sheet gave:
// those about values still to be filled in (thành tích, biểu quyết…) wait
// for `hoso kiem-tra`.
var contentKeys = map[string]bool{
	submission.KeyLegacy: true, submission.KeyEmoji: true, submission.KeyName: true,
	submission.KeyDate: true, submission.KeyChoice: true, submission.KeyTaxCode: true,
}

var entryPath = regexp.MustCompile(`^de_nghi\[(\d+)\](?:\.(.*))?$`)
var index = regexp.MustCompile(`\[\d+\]`)

// Of a row whose kind is unknown, the values are checked as each of two
// kinds that between them carry every check: as a person (gender, age)
// and as an organisation; both paying tax, for the tax code's check.
var (
	asPerson = submission.Owner
	asOrg    = submission.Enterprise
)

// recheck writes the entries as TOML, decodes them as a submission file is
// decoded and validates the content of their values: each problem comes
// back to its cell. With rows of unknown kind, a problem found for one of
// the two kinds only says which.
func (res *Result) recheck(opts Options) {
	sub, ix, problems, err := submission.Decode([]byte(blocks(res.Entries, "")))
	if err != nil || ix == nil {
		res.problem("", fmt.Sprintf("lỗi của hoso khi chuyển danh sách sang TOML: %v %v", err, problems), "")
		return
	}
	for _, p := range problems {
		res.problem(res.cellOf(p.Path), p.Msg, p.Hint)
	}
	person := res.validate(sub.Nominees, asPerson, ix, opts, problems)
	if !slices.ContainsFunc(res.Entries, func(e Entry) bool { return e.Nominee.Kind == "" }) {
		res.Problems = append(res.Problems, person...)
		return
	}
	org := res.validate(sub.Nominees, asOrg, ix, opts, problems)
	for _, n := range person {
		if !slices.Contains(org, n) {
			n.Text += " (nếu đối tượng là " + submission.Individual.Label() + " hoặc " + asPerson.Label() + ")"
		}
		res.Problems = append(res.Problems, n)
	}
	for _, n := range org {
		if !slices.Contains(person, n) {
			n.Text += " (nếu đối tượng là " + submission.Collective.Label() + " hoặc " + asOrg.Label() + ")"
			res.Problems = append(res.Problems, n)
		}
	}
}

// validate checks the content of the nominees' values, those of unknown
// kind taken as the kind unknown, leaving out what decoding found.
func (res *Result) validate(nominees []submission.Nominee, unknown submission.Kind, ix *tomlin.Index, opts Options, decoded tomlin.Problems) []Notice {
	target := submission.Submission{}
	if opts.Into != nil {
		target = *opts.Into
	}
	target.Nominees = slices.Clone(nominees)
	for i := range target.Nominees {
		if target.Nominees[i].Kind == "" {
			target.Nominees[i].Kind = unknown
		}
	}
	decoded = slices.Clip(decoded) // appended to below, never the caller's
	var found []Notice
	for _, p := range submission.Validate(&target, ix, opts.Set) {
		if contentKeys[p.Key] && strings.HasPrefix(p.Path, "de_nghi[") && !decoded.Has(p.Path) {
			decoded = append(decoded, p) // one problem a value
			if n := (Notice{At: res.cellOf(p.Path), Text: p.Msg, Hint: p.Hint}); !slices.Contains(found, n) {
				found = append(found, n)
			}
		}
	}
	return found
}

// cellOf is the cell of a nominee's value at path ("de_nghi[3].ngay_sinh"),
// its name's cell for a value no column gave.
func (res *Result) cellOf(path string) string {
	m := entryPath.FindStringSubmatch(path)
	if m == nil {
		return ""
	}
	i, _ := strconv.Atoi(m[1])
	e := res.Entries[i-1]
	if at := e.cells[index.ReplaceAllString(m[2], "")]; at != "" {
		return at
	}
	return e.nameCell()
}
