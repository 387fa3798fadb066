// Package tplcheck lints form sets the way a maintainer at the Phòng Nội
// vụ needs it: every problem of every template at once, in Vietnamese,
// with a place a person can find in Word or LibreOffice (file, part,
// table/row/cell, paragraph number and a quote of its text) and a
// suggested fix.
//
// It checks what the template engine would refuse (malformed tags,
// unbalanced or misplaced loops and conditionals, fields the data does not
// have, formatters given a kind of value they do not take, tags where the
// engine does not fill), what Nghị định 30/2020/NĐ-CP requires of the page
// (A4, portrait but for a wide table, margins, Times New Roman, no theme
// fonts) and what the PDF renderer does not draw: whatever the renderer
// itself reports (pdf.Check: columns, symbols, equations, shapes…), once,
// and what it draws otherwise without a word (fields other than
// PAGE/NUMPAGES, tracked changes, even-page headers). It reads templates;
// it never fills or writes them. It also lists the fields templates may
// use (Fields, WriteFields).
package tplcheck

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Severity says whether a finding stops the set from being used.
type Severity int

// Severities, least severe first.
const (
	// Warning is something the documents survive but a maintainer should
	// look at: a layout feature the PDF does not draw, a page number missing.
	Warning Severity = iota
	// Error is something that makes documents wrong or unusable: a tag that
	// cannot be filled, a font or page size outside Nghị định 30.
	Error
)

// String is the Vietnamese label of the severity.
func (s Severity) String() string {
	if s == Error {
		return "LỖI"
	}
	return "CẢNH BÁO"
}

// Codes of findings, stable for tests and tools.
const (
	CodeTemplate    = docxtpl.CodeTemplate   // refused by the engine: malformed tag, unknown formatter…
	CodeUnbalanced  = docxtpl.CodeUnbalanced // {{for}}/{{if}} without {{end}}, stray {{end}} or {{else}}
	CodeMisplaced   = docxtpl.CodeMisplaced  // a block whose tags sit in places that do not match
	CodeUnknown     = docxtpl.CodeUnknown    // a field the data does not have
	CodeType        = docxtpl.CodeType       // a formatter given a kind of value it does not take
	CodeUnfilled    = docxtpl.CodeUnfilled   // a tag where the engine does not fill (header, field code…)
	CodeUnreadable  = docxtpl.CodeUnreadable // not a DOCX at all
	CodeTagFormat   = docxtpl.CodeFormat     // a tag whose letters are not formatted alike
	CodeLandscape   = docxtpl.CodeLandscape  // a landscape page (allowed for a wide table)
	CodeTagSyntax   = "tag-syntax"           // text that looks like a tag but is not one
	CodePartFields  = "part-fields"          // fields that are always empty in this part
	CodeFont        = "font"                 // a font other than Times New Roman
	CodeThemeFont   = "theme-font"           // a theme font (+Body, +Headings)
	CodeFontUnset   = "font-unset"           // no font set at any level
	CodePageSize    = "page-size"            // not A4
	CodeMargins     = "margins"              // margins outside Nghị định 30
	CodePageNumber  = "page-number"          // page numbers not as Nghị định 30 wants
	CodeLayout      = "layout"               // a layout feature the PDF renderer does not draw
	CodeManifest    = "manifest"             // a problem in bo-mau.toml
	CodeMissingPart = "missing-part"         // a part without a template file
	CodeOverlap     = "overlap"              // two sets valid on the same day
	CodeGap         = "gap"                  // days between two sets that no set covers
)

// Finding is one problem, located for a person working in Word.
type Finding struct {
	Severity Severity
	Code     string // see the Code constants
	Set      string // form set id, when known
	File     string // path inside the checked folder: "nd152-2025/to-trinh.docx"
	Part     string // "thân văn bản", "đầu trang (word/header1.xml)", "kiểu (word/styles.xml)", "bo-mau.toml"…
	Where    string // "bảng 2, hàng 3, ô 1, đoạn 14 «…»", "phần (section) 1", "dòng 12"…
	Message  string // what is wrong, in Vietnamese
	Fix      string // what to do about it, in Vietnamese
}

// String is the finding on one line: severity, file, part, place, message.
func (f Finding) String() string {
	loc := []string{f.File}
	if f.Part != "" {
		loc = append(loc, f.Part)
	}
	if f.Where != "" {
		loc = append(loc, f.Where)
	}
	return fmt.Sprintf("%s %s: %s", f.Severity, strings.Join(loc, ", "), f.Message)
}

// Report is everything found in a folder of form sets.
type Report struct {
	Sets     []string // ids of the sets whose manifests could be read
	Findings []Finding
}

// Errors counts the findings of severity Error.
func (r *Report) Errors() int { return r.count(Error) }

// Warnings counts the findings of severity Warning.
func (r *Report) Warnings() int { return r.count(Warning) }

func (r *Report) count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Write prints the report for a person: each finding with its place, the
// problem and the fix, then what was found in each set and the verdict.
func (r *Report) Write(w io.Writer) error {
	var b strings.Builder
	for _, f := range r.Findings {
		place := strings.Trim(f.Part+", "+f.Where, ", ")
		docxtpl.WriteProblem(&b, f.Severity.String()+"  "+f.File, place, f.Message, f.Fix)
		b.WriteByte('\n')
	}
	errs, warns := r.Errors(), r.Warnings()
	if errs == 0 && warns == 0 {
		fmt.Fprintf(&b, "Đạt: bộ mẫu %s không có lỗi, không có cảnh báo.\n", strings.Join(r.Sets, ", "))
		_, err := io.WriteString(w, b.String())
		return err
	}
	b.WriteString("Từng bộ mẫu:\n")
	for _, g := range r.groups() {
		fmt.Fprintf(&b, "  %s: %s\n", g.label, counts(g.errors, g.warnings))
	}
	switch {
	case errs == 0:
		fmt.Fprintf(&b, "Đạt: không có lỗi; %d cảnh báo nên xem lại.\n", warns)
	case len(r.Sets) == 0:
		fmt.Fprintf(&b, "Không đạt: không đọc được bộ mẫu nào; %s. Sửa các lỗi rồi chạy lại  hoso templates check.\n", counts(errs, warns))
	default:
		fmt.Fprintf(&b, "Không đạt: %s. Sửa các lỗi rồi chạy lại  hoso templates check.\n", counts(errs, warns))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// counts words a number of errors and warnings: "2 lỗi, 1 cảnh báo",
// "đạt" when there are none.
func counts(errs, warns int) string {
	var parts []string
	if errs > 0 {
		parts = append(parts, fmt.Sprintf("%d lỗi", errs))
	}
	if warns > 0 {
		parts = append(parts, fmt.Sprintf("%d cảnh báo", warns))
	}
	if len(parts) == 0 {
		return "đạt, không có lỗi, không có cảnh báo"
	}
	return strings.Join(parts, ", ")
}

// group is what the summary counts apart: a set read from its manifest,
// a folder whose bo-mau.toml could not be read, the checked folder as a
// whole.
type group struct {
	label            string
	errors, warnings int
}

// groups counts the findings of each set (every set read, in order), then
// of each folder whose manifest could not be read, then of the folder as
// a whole.
func (r *Report) groups() []*group {
	var out []*group
	by := map[string]*group{}
	get := func(label string) *group {
		if g, ok := by[label]; ok {
			return g
		}
		g := &group{label: label}
		by[label] = g
		out = append(out, g)
		return g
	}
	for _, id := range r.Sets {
		get("bộ mẫu " + id)
	}
	var rest []Finding
	for _, f := range r.Findings {
		if f.Set == "" {
			rest = append(rest, f)
			continue
		}
		get("bộ mẫu " + f.Set).add(f)
	}
	sort.SliceStable(rest, func(i, j int) bool { return folderOf(rest[i]) < folderOf(rest[j]) })
	for _, f := range rest {
		get(folderOf(f)).add(f)
	}
	return out
}

func (g *group) add(f Finding) {
	if f.Severity == Error {
		g.errors++
	} else {
		g.warnings++
	}
}

// folderOf names the folder of a finding that belongs to no set read:
// the set folder whose bo-mau.toml could not be read, or the checked
// folder as a whole.
func folderOf(f Finding) string {
	switch dir := path.Dir(f.File); {
	case f.File == "." || f.File == "":
		return "thư mục đã chọn"
	case dir == ".":
		return "bộ mẫu ở thư mục đã chọn (bo-mau.toml có lỗi nên không đọc được)"
	default:
		return "thư mục " + dir + " (bo-mau.toml có lỗi nên không đọc được)"
	}
}

// CheckFS lints every form set under fsys (a folder of set folders, as
// given to build --templates, or one set's folder). schema is the type the
// templates are filled with (dossier.Data); nil skips the field check.
func CheckFS(fsys fs.FS, schema reflect.Type) *Report {
	sets, errs := formset.Inspect(fsys)
	r := &Report{}
	for _, e := range errs {
		r.Findings = append(r.Findings, inspectFindings(e)...)
		// A set refused for its manifest still has its templates checked,
		// so every problem shows at once.
		var me *formset.ManifestError
		if errors.As(e, &me) {
			for _, name := range docxIn(fsys, path.Dir(me.Manifest)) {
				raw, err := formset.ReadTemplate(fsys, name)
				if err != nil {
					r.Findings = append(r.Findings, Finding{Severity: Error, Code: CodeUnreadable, File: name, Message: err.Error()})
					continue
				}
				// The free fields its parts declare, as far as the
				// manifest was read: not false "unknown field" errors.
				var extra map[string]reflect.StructField
				if me.Partial != nil {
					extra = FreeFields(me.Partial, path.Base(name))
				}
				r.Findings = append(r.Findings, CheckDocx(name, nil, raw, docxtpl.Schema{Data: schema, Extra: extra})...)
			}
		}
	}
	for _, s := range sets {
		r.Sets = append(r.Sets, s.ID)
		r.Findings = append(r.Findings, CheckSet(s, schema)...)
	}
	r.Findings = append(r.Findings, gaps(sets)...)
	sortFindings(r.Findings)
	return r
}

// CheckSet lints the templates of one loaded set and the award names of
// its manifest.
func CheckSet(s *formset.Set, schema reflect.Type) []Finding {
	var out []Finding
	for i, a := range s.Awards {
		for _, ph := range awardPlaceholder.FindAllString(a.Name, -1) {
			if !slices.Contains(formset.Placeholders, ph) && ph != "{co_quan}" { // {co_quan}: formset's own message
				out = append(out, Finding{Severity: Error, Code: CodeUnfilled, Set: s.ID, File: s.Manifest(), Part: "bo-mau.toml",
					Where:   fmt.Sprintf("[[khen_thuong]] thứ %d (ma = %q)", i+1, a.Code),
					Message: fmt.Sprintf("tên hình thức có chỗ thay %s mà chương trình không điền", ph),
					Fix:     "trong tên hình thức chỉ dùng {xa} (xã, phường), {huyen} (quận, huyện) và {tinh} (tỉnh, thành phố) của cấp quyết định; ghi phần còn lại bằng chữ"})
			}
		}
	}
	checked := map[string]bool{}
	for i := range s.Parts {
		p := &s.Parts[i]
		for _, file := range p.Template.Files() {
			if checked[file] {
				continue
			}
			checked[file] = true
			name := s.Path(file)
			raw, err := s.ReadFile(file)
			if err != nil {
				out = append(out, Finding{Severity: Error, Code: CodeMissingPart, Set: s.ID, File: name,
					Message: fmt.Sprintf("không đọc được mẫu của %s: %v", p.Title, err),
					Fix:     "kiểm tra tên tệp (mau) trong khối [[van_ban]] của bo-mau.toml"})
				continue
			}
			fs := CheckDocx(name, p, raw, docxtpl.Schema{Data: schema, Extra: FreeFields(s, file)})
			for i := range fs {
				fs[i].Set = s.ID
			}
			out = append(out, fs...)
		}
	}
	return out
}

// inspectFindings turns what formset.Inspect found into findings.
func inspectFindings(e error) []Finding {
	var me *formset.ManifestError
	var oe *formset.OverlapError
	switch {
	case errors.As(e, &me):
		var out []Finding
		for _, p := range me.Problems.Sorted() {
			f := Finding{Severity: Error, Code: CodeManifest, File: me.Manifest, Part: "bo-mau.toml",
				Message: p.Msg, Fix: p.Hint}
			if strings.HasPrefix(p.Path, "van_ban") && strings.Contains(p.Path, ".mau") {
				f.Code = CodeMissingPart
			}
			if !p.Pos.IsZero() {
				f.Where = fmt.Sprintf("dòng %d, cột %d", p.Pos.Line, p.Pos.Col)
			}
			if p.Path != "" {
				f.Where = strings.TrimPrefix(f.Where+", khóa "+p.Path, ", ")
			}
			if f.Fix == "" {
				f.Fix = "sửa bo-mau.toml theo mẫu trong " + docxtpl.Guide + " (mục «Thêm một bộ mẫu mới»)"
			}
			out = append(out, f)
		}
		return out
	case errors.As(e, &oe):
		return []Finding{{Severity: Error, Code: CodeOverlap, Set: oe.B.ID, File: oe.B.Manifest(), Part: "bo-mau.toml", Where: "hieu_luc_tu, hieu_luc_den",
			Message: oe.Error() + "; một ngày phải chỉ thuộc một bộ mẫu",
			Fix: fmt.Sprintf("đặt hieu_luc_den của %s (%s) là ngày trước hieu_luc_tu của %s",
				oe.A.ID, oe.A.Manifest(), oe.B.ID)}}
	}
	return []Finding{{Severity: Error, Code: CodeManifest, File: ".", Message: e.Error(),
		Fix: "mỗi bộ mẫu là một thư mục có tệp bo-mau.toml và các tệp .docx; xem " + docxtpl.Guide + " (hoso templates export THƯ_MỤC chép ra)"}}
}

// sortFindings orders findings by file, errors first, keeping the order
// in which they were found otherwise.
func sortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		if fs[i].File != fs[j].File {
			return fs[i].File < fs[j].File
		}
		return fs[i].Severity > fs[j].Severity
	})
}

// Errors is what "hoso templates check" calls errors in one template file,
// each worded as check prints it: the build refuses such a template with
// the same words (one verdict for both).
func Errors(name string, raw []byte) []string {
	var out []string
	for _, f := range CheckDocx(name, nil, raw, docxtpl.Schema{}) {
		if f.Severity != Error {
			continue
		}
		var b strings.Builder
		docxtpl.WriteProblem(&b, "LỖI  "+f.File, strings.TrimPrefix(f.Part+", "+f.Where, ", "), f.Message, f.Fix)
		out = append(out, strings.TrimRight(b.String(), "\n"))
	}
	return out
}

// gaps warns about days between the validity of two sets (sorted by
// start, as Inspect gives them) that no set covers: a Tờ trình dated
// then has no form set, and its build is refused.
func gaps(sets []*formset.Set) []Finding {
	var out []Finding
	for i := 1; i < len(sets); i++ {
		a, b := sets[i-1], sets[i]
		if a.ValidTo.IsZero() || !a.ValidTo.AddDate(0, 0, 1).Before(b.ValidFrom.Time) {
			continue
		}
		from, to := a.ValidTo.AddDate(0, 0, 1), b.ValidFrom.AddDate(0, 0, -1)
		out = append(out, Finding{Severity: Warning, Code: CodeGap, Set: b.ID, File: b.Manifest(), Part: "bo-mau.toml", Where: "hieu_luc_tu",
			Message: fmt.Sprintf("không bộ mẫu nào áp dụng từ %s đến %s (giữa %s, %s và %s, %s): hồ sơ có Tờ trình đề ngày trong khoảng này sẽ bị từ chối",
				vn.ShortDate(from), vn.ShortDate(to), a.ID, a.Validity(), b.ID, b.Validity()),
			Fix: fmt.Sprintf("nếu không cố ý, đặt hieu_luc_den của %s là %s hoặc hieu_luc_tu của %s là %s",
				a.ID, vn.ShortDate(b.ValidFrom.AddDate(0, 0, -1)), b.ID, vn.ShortDate(a.ValidTo.AddDate(0, 0, 1)))})
	}
	return out
}

// docxIn lists the .docx files of a folder (not a glob: a folder named
// with "[" is a name, not a pattern).
func docxIn(fsys fs.FS, dir string) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil // the manifest beside them was read: the folder is there
	}
	var out []string
	for _, e := range entries {
		if e.Type().IsRegular() && strings.EqualFold(path.Ext(e.Name()), ".docx") {
			out = append(out, path.Join(dir, e.Name()))
		}
	}
	return out
}
