// Package formset reads the form sets (bộ mẫu) shipped in templates/ or
// kept in a maintainer's folder: a bo-mau.toml manifest naming the law, the
// dates the set is valid for, its DOCX parts and the awards it knows by
// short code. It picks the set that covers a document's date and compiles
// its templates once per process. It knows nothing of nominees.
package formset

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso/internal/docxread"
	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Part names one document of the dossier.
type Part string

// The parts of a dossier, in the order they are filed.
const (
	ToTrinh      Part = "to_trinh"
	BienBan      Part = "bien_ban"
	BaoCaoCaNhan Part = "bao_cao_ca_nhan"
	BaoCaoTapThe Part = "bao_cao_tap_the"
	XacNhanThue  Part = "xac_nhan_thue"
)

// Parts lists every part a set must provide.
var Parts = []Part{ToTrinh, BienBan, BaoCaoCaNhan, BaoCaoTapThe, XacNhanThue}

// Deciders are the authorities an award is decided by (cap_quyet_dinh).
var Deciders = []string{"chu-tich-nuoc", "thu-tuong", "chu-tich-ubnd-tinh", "chu-tich-ubnd-huyen", "chu-tich-ubnd-xa"}

// Award is a form of commendation a set knows by a short code.
type Award struct {
	Code     string `toml:"ma"`
	Name     string `toml:"ten"`
	Decider  string `toml:"cap_quyet_dinh"`
	Repealed string `toml:"bai_bo"` // why the award can no longer be proposed
	// Phrases identify the award when a submission writes it out in full
	// instead of giving its code (nhan_dien), compared as whole words
	// without case or diacritics: "ủy ban nhân dân quận" finds "Giấy khen
	// của Chủ tịch UỶ BAN NHÂN DÂN QUẬN Tân Bình".
	Phrases []string `toml:"nhan_dien"`
}

// ExpandName fills {tinh} and {co_quan} in the award's name.
func (a Award) ExpandName(agency, province string) string {
	return strings.NewReplacer("{tinh}", province, "{co_quan}", agency).Replace(a.Name)
}

// Set is one form set.
type Set struct {
	ID        string            `toml:"id"`
	Title     string            `toml:"ten"`
	Law       string            `toml:"luat"`
	Level     string            `toml:"cap"`
	ValidFrom tomlDate          `toml:"hieu_luc_tu"`
	ValidTo   tomlDate          `toml:"hieu_luc_den"`
	Files     map[string]string `toml:"phan"`
	Awards    []Award           `toml:"khen_thuong"`

	fsys     fs.FS
	dir      string
	manifest string
	schema   reflect.Type // when set, templates are also checked against it

	once     sync.Once
	compiled map[Part]*docxtpl.Template
	err      error
}

// tomlDate is a manifest date.
type tomlDate struct{ time.Time }

// DecodeTOML accepts a TOML date.
func (d *tomlDate) DecodeTOML(v any) error {
	t, ok := v.(time.Time)
	if !ok {
		return fmt.Errorf("cần ngày dạng 2025-07-01")
	}
	d.Time = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	return nil
}

// Dir is the set's folder inside its file system ("." for a set whose
// bo-mau.toml sits at the root).
func (s *Set) Dir() string { return s.dir }

// Manifest is the path of the set's bo-mau.toml inside its file system.
func (s *Set) Manifest() string { return s.manifest }

// Path is the path of a part's template inside the set's file system.
func (s *Set) Path(p Part) string { return path.Join(s.dir, s.File(p)) }

// ReadPart returns the raw DOCX of a part's template, read by
// ReadTemplate.
func (s *Set) ReadPart(p Part) ([]byte, error) { return ReadTemplate(s.fsys, s.Path(p)) }

// PartTitle names a part in Vietnamese, for listings and messages.
func PartTitle(p Part) string {
	switch p {
	case ToTrinh:
		return "Tờ trình (kèm Danh sách)"
	case BienBan:
		return "Biên bản họp Hội đồng"
	case BaoCaoCaNhan:
		return "Báo cáo thành tích cá nhân"
	case BaoCaoTapThe:
		return "Báo cáo thành tích tập thể"
	case XacNhanThue:
		return "Công văn xin xác nhận nghĩa vụ thuế"
	}
	return string(p)
}

// DeciderTitle names a cap_quyet_dinh value in Vietnamese.
func DeciderTitle(code string) string {
	switch code {
	case "chu-tich-nuoc":
		return "Chủ tịch nước"
	case "thu-tuong":
		return "Thủ tướng Chính phủ"
	case "chu-tich-ubnd-tinh":
		return "Chủ tịch Ủy ban nhân dân tỉnh, thành phố"
	case "chu-tich-ubnd-huyen":
		return "Chủ tịch Ủy ban nhân dân quận, huyện"
	case "chu-tich-ubnd-xa":
		return "Chủ tịch Ủy ban nhân dân xã, phường"
	}
	return code
}

// Covers reports whether date falls in the set's validity.
func (s *Set) Covers(date time.Time) bool {
	return !date.Before(s.ValidFrom.Time) && (s.ValidTo.IsZero() || !date.After(s.ValidTo.Time))
}

// Validity describes the validity dates in words.
func (s *Set) Validity() string {
	if s.ValidTo.IsZero() {
		return "từ " + vn.ShortDate(s.ValidFrom.Time)
	}
	return "từ " + vn.ShortDate(s.ValidFrom.Time) + " đến " + vn.ShortDate(s.ValidTo.Time)
}

// Award finds an award by code.
func (s *Set) Award(code string) (Award, bool) {
	for _, a := range s.Awards {
		if a.Code == code {
			return a, true
		}
	}
	return Award{}, false
}

// Resolve finds the award a submission's hinh_thuc stands for: an award
// code, or else a name written in full in which one of an award's phrases
// (nhan_dien) appears as whole words, compared without case or diacritics.
// byName tells the second case; ok is false when neither matches (free
// text the set does not know).
func (s *Set) Resolve(hinhThuc string) (a Award, byName, ok bool) {
	if a, ok := s.Award(hinhThuc); ok {
		return a, false, true
	}
	words := "-" + vn.Slug(hinhThuc, 0) + "-"
	for _, a := range s.Awards {
		for _, p := range a.Phrases {
			if slug := vn.Slug(p, 0); slug != "" && strings.Contains(words, "-"+slug+"-") {
				return a, true, true
			}
		}
	}
	return Award{}, false, false
}

// File is the template file name of a part, relative to the set's folder.
func (s *Set) File(p Part) string { return s.Files[string(p)] }

// Template returns the compiled template of a part. All parts are compiled
// on first use, once per process; every problem of every part is reported.
func (s *Set) Template(p Part) (*docxtpl.Template, error) {
	s.once.Do(s.compile)
	if s.err != nil {
		return nil, s.err
	}
	return s.compiled[p], nil
}

// compile parses and checks every part's template, each on its own
// goroutine (a few milliseconds each, on the path of the first document);
// the problems are reported in the order of Parts.
func (s *Set) compile() {
	templates := make([]*docxtpl.Template, len(Parts))
	problems := make([]string, len(Parts))
	var wg sync.WaitGroup
	for i, p := range Parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			templates[i], problems[i] = s.compilePart(p)
		}()
	}
	wg.Wait()
	s.compiled = map[Part]*docxtpl.Template{}
	var errs []string
	for i, p := range Parts {
		if problems[i] != "" {
			errs = append(errs, problems[i])
			continue
		}
		s.compiled[p] = templates[i]
	}
	if len(errs) > 0 {
		s.err = fmt.Errorf("bộ mẫu %s có lỗi:\n%s", s.ID, strings.Join(errs, "\n"))
	}
}

// compilePart parses and checks one part's template.
func (s *Set) compilePart(p Part) (*docxtpl.Template, string) {
	name := s.Path(p)
	raw, err := s.ReadPart(p)
	if err != nil {
		return nil, fmt.Sprintf("%s: không đọc được mẫu: %v", name, err)
	}
	t, err := docxtpl.Parse(name, raw)
	if err != nil {
		return nil, err.Error()
	}
	if s.schema != nil {
		if ce := t.Check(s.schema); len(ce) > 0 {
			return nil, ce.Error()
		}
	}
	return t, ""
}

// Load reads every form set under fsys: each folder holding a bo-mau.toml,
// or fsys itself when bo-mau.toml sits at its root (a maintainer pointing
// at one set's folder). Any problem in any manifest, or two sets whose
// validity overlaps, refuses the whole folder.
func Load(fsys fs.FS) ([]*Set, error) {
	sets, errs := Inspect(fsys)
	if len(errs) > 0 {
		return nil, joinErrors(errs)
	}
	return sets, nil
}

// LoadFor is Load, and each set's templates are also checked, when they
// are first compiled, against schema (the type Execute will receive), so a
// template naming a field that does not exist is refused even when the
// submission at hand would never reach that tag.
func LoadFor(fsys fs.FS, schema reflect.Type) ([]*Set, error) {
	sets, err := Load(fsys)
	for _, s := range sets {
		s.schema = schema
	}
	return sets, err
}

// ManifestError is what is wrong with one bo-mau.toml.
type ManifestError struct {
	Manifest string          // its path in the file system
	Src      []byte          // its text
	Problems tomlin.Problems // every problem, located when possible
}

// Error renders every problem with its line of bo-mau.toml.
func (e *ManifestError) Error() string {
	var b bytes.Buffer
	if err := e.Problems.Render(&b, e.Manifest, e.Src); err != nil {
		return e.Manifest + ": " + e.Problems.Error()
	}
	return strings.TrimRight(b.String(), "\n")
}

// OverlapError is two sets valid on the same day: a date would not say
// which to use.
type OverlapError struct{ A, B *Set }

// Error names both sets and their validity.
func (e *OverlapError) Error() string {
	return fmt.Sprintf("bộ mẫu %s (%s) và %s (%s) chồng lấn thời gian hiệu lực", e.A.ID, e.A.Validity(), e.B.ID, e.B.Validity())
}

// Inspect reads every manifest under fsys like Load but does not stop at
// the first bad one: it returns the sets that are fine and, separately,
// every problem (*ManifestError, *OverlapError or a plain error), so a
// checker can report them all and still look at the good sets.
func Inspect(fsys fs.FS) ([]*Set, []error) {
	manifests, err := findManifests(fsys)
	if err != nil {
		return nil, []error{err}
	}
	if len(manifests) == 0 {
		return nil, []error{fmt.Errorf("không có bộ mẫu nào (thiếu tệp */bo-mau.toml)")}
	}
	var sets []*Set
	var errs []error
	ids := map[string]string{}
	for _, m := range manifests {
		src, err := readFile(fsys, m, maxManifestSize)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		s := &Set{fsys: fsys, dir: path.Dir(m), manifest: m}
		ix, problems, err := tomlin.Decode(src, s)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if ix != nil {
			problems = append(problems, s.check(fsys, ix)...)
		}
		if s.ID != "" {
			if other, dup := ids[s.ID]; dup {
				problems.Add("id", ix.Find("id"), "value", fmt.Sprintf("mã bộ mẫu %q đã dùng ở %s", s.ID, other), "mỗi bộ mẫu một mã riêng")
			}
			ids[s.ID] = m
		}
		if len(problems) > 0 {
			errs = append(errs, &ManifestError{Manifest: m, Src: src, Problems: problems})
			continue
		}
		sets = append(sets, s)
	}
	sort.Slice(sets, func(i, j int) bool { return sets[i].ValidFrom.Before(sets[j].ValidFrom.Time) })
	for i := 1; i < len(sets); i++ {
		a, b := sets[i-1], sets[i]
		if a.ValidTo.IsZero() || !a.ValidTo.Before(b.ValidFrom.Time) {
			errs = append(errs, &OverlapError{A: a, B: b})
		}
	}
	return sets, errs
}

// findManifests lists bo-mau.toml at the root of fsys and in each folder
// (or link to a folder) right under it. Unlike fs.Glob, it opens nothing
// but folders: opening a FIFO blocks.
func findManifests(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fileError(fsys, ".", err)
	}
	var out []string
	if _, err := fs.Stat(fsys, "bo-mau.toml"); err == nil {
		out = append(out, "bo-mau.toml")
	}
	for _, e := range entries {
		if e.Type()&fs.ModeSymlink != 0 {
			if st, err := fs.Stat(fsys, e.Name()); err != nil || !st.IsDir() {
				continue
			}
		} else if !e.IsDir() {
			continue
		}
		m := path.Join(e.Name(), "bo-mau.toml")
		if _, err := fs.Lstat(fsys, m); err == nil {
			out = append(out, m)
		}
	}
	return out, nil
}

// joinErrors words Inspect's problems as Load has always reported them.
func joinErrors(errs []error) error {
	var manifest bytes.Buffer
	var other []error
	for _, e := range errs {
		var me *ManifestError
		if errors.As(e, &me) {
			manifest.WriteString(me.Error())
			manifest.WriteString("\n")
			continue
		}
		other = append(other, e)
	}
	if manifest.Len() > 0 {
		return fmt.Errorf("bộ mẫu không hợp lệ:\n%s", manifest.String())
	}
	return errors.Join(other...)
}

// check finds what a manifest lacks.
func (s *Set) check(fsys fs.FS, ix *tomlin.Index) tomlin.Problems {
	var ps tomlin.Problems
	if s.ID == "" {
		ps.Add("id", tomlin.Pos{}, "required", "thiếu mã bộ mẫu", `ví dụ: id = "nd98-2023"`)
	}
	if s.ValidFrom.IsZero() {
		ps.Add("hieu_luc_tu", tomlin.Pos{}, "required", "thiếu ngày bắt đầu hiệu lực", "ví dụ: hieu_luc_tu = 2024-01-01")
	}
	if !s.ValidTo.IsZero() && s.ValidTo.Before(s.ValidFrom.Time) {
		ps.Add("hieu_luc_den", ix.Find("hieu_luc_den"), "value", "ngày hết hiệu lực trước ngày bắt đầu", "")
	}
	for _, p := range Parts {
		f := s.File(p)
		if f == "" {
			at := "phan." + string(p)
			pos := ix.Find("phan")
			ps.Add(at, pos, "required", "thiếu tệp mẫu cho phần "+PartTitle(p), fmt.Sprintf("thêm dòng %s = \"tên-tệp.docx\" trong bảng [phan]", p))
			continue
		}
		switch err := statFile(fsys, path.Join(s.dir, f), docxread.MaxTemplateSize); {
		case errors.Is(err, fs.ErrNotExist):
			ps.Add("phan."+string(p), ix.FindValue("phan."+string(p)), "value", fmt.Sprintf("không có tệp %q trong thư mục %s", f, s.dir), "")
		case err != nil:
			ps.Add("phan."+string(p), ix.FindValue("phan."+string(p)), "value", err.Error(), "hoặc sửa tên tệp trong bảng [phan]")
		}
	}
	for k := range s.Files {
		if names := partNames(); !slices.Contains(names, k) {
			ps.Add("phan."+k, ix.Find("phan."+k), "unknown-key", fmt.Sprintf("không có phần %q", k), "các phần: "+strings.Join(names, ", "))
		}
	}
	seen := map[string]bool{}
	for i, a := range s.Awards {
		at := tomlin.PathIndex("khen_thuong", i+1)
		if a.Code == "" || a.Name == "" {
			ps.Add(at, ix.Find(at), "required", "mỗi hình thức cần ma và ten", "")
		}
		if a.Code != "" && seen[a.Code] {
			ps.Add(at+".ma", ix.FindValue(at+".ma"), "value", fmt.Sprintf("mã hình thức %q bị trùng", a.Code), "")
		}
		seen[a.Code] = true
		for j, p := range a.Phrases {
			if vn.Slug(p, 0) == "" {
				pp := tomlin.PathIndex(at+".nhan_dien", j+1)
				ps.Add(pp, ix.FindValue(at+".nhan_dien"), "value", fmt.Sprintf("cụm từ nhận diện %q không có chữ nào", p), `ví dụ: nhan_dien = ["ủy ban nhân dân quận"]`)
			}
		}
		if a.Repealed == "" && !slices.Contains(Deciders, a.Decider) {
			ps.Add(at+".cap_quyet_dinh", ix.Find(at+".cap_quyet_dinh"), "value",
				fmt.Sprintf("cap_quyet_dinh %q không có; chọn một trong: %s", a.Decider, strings.Join(Deciders, ", ")), "")
		}
	}
	return ps
}

func partNames() []string {
	out := make([]string, len(Parts))
	for i, p := range Parts {
		out[i] = string(p)
	}
	return out
}

// Select picks the set for a document dated date, or the set named force.
func Select(sets []*Set, date time.Time, force string) (*Set, error) {
	if force != "" {
		var ids []string
		for _, s := range sets {
			if s.ID == force {
				return s, nil
			}
			ids = append(ids, s.ID)
		}
		return nil, fmt.Errorf("không có bộ mẫu %q; có: %s", force, strings.Join(ids, ", "))
	}
	var known []string
	for _, s := range sets {
		if s.Covers(date) {
			return s, nil
		}
		known = append(known, fmt.Sprintf("%s (%s)", s.ID, s.Validity()))
	}
	why := "ngày này nằm giữa hiệu lực của hai bộ mẫu"
	switch {
	case len(sets) == 0:
		why = "chưa có bộ mẫu nào"
	case date.Before(sets[0].ValidFrom.Time):
		why = "ngày này trước mọi bộ mẫu hiện có: hồ sơ của thời kỳ đó dùng biểu mẫu của văn bản pháp luật khi ấy, cần thêm bộ mẫu tương ứng (xem templates/README.md)"
	case !sets[len(sets)-1].ValidTo.IsZero() && date.After(sets[len(sets)-1].ValidTo.Time):
		why = "ngày này sau hiệu lực của mọi bộ mẫu hiện có: cần bộ mẫu theo quy định mới (xem templates/README.md)"
	}
	return nil, fmt.Errorf("không có bộ mẫu nào áp dụng cho ngày %s (%s); các bộ mẫu: %s",
		vn.ShortDate(date), why, strings.Join(known, "; "))
}
