// Package formset reads the form sets (bộ mẫu) shipped in templates/ or
// kept in a maintainer's folder: a bo-mau.toml manifest naming the law, the
// dates the set is valid for, its DOCX parts and the awards it knows by
// short code. It picks the set that covers a document's date and compiles
// its templates once per process. It knows nothing of nominees.
package formset

import (
	"bytes"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/tomlin"
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

	fsys fs.FS
	dir  string

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

// Dir is the set's folder inside its file system.
func (s *Set) Dir() string { return s.dir }

// Covers reports whether date falls in the set's validity.
func (s *Set) Covers(date time.Time) bool {
	return !date.Before(s.ValidFrom.Time) && (s.ValidTo.IsZero() || !date.After(s.ValidTo.Time))
}

// Validity describes the validity dates in words.
func (s *Set) Validity() string {
	if s.ValidTo.IsZero() {
		return "từ " + s.ValidFrom.Format("02/01/2006")
	}
	return "từ " + s.ValidFrom.Format("02/01/2006") + " đến " + s.ValidTo.Format("02/01/2006")
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

func (s *Set) compile() {
	s.compiled = map[Part]*docxtpl.Template{}
	var errs []string
	for _, p := range Parts {
		name := path.Join(s.dir, s.File(p))
		raw, err := fs.ReadFile(s.fsys, name)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s: không đọc được mẫu: %v", name, err))
			continue
		}
		t, err := docxtpl.Parse(name, raw)
		if err != nil {
			errs = append(errs, err.Error())
			continue
		}
		s.compiled[p] = t
	}
	if len(errs) > 0 {
		s.err = fmt.Errorf("bộ mẫu %s có lỗi:\n%s", s.ID, strings.Join(errs, "\n"))
	}
}

// Load reads every form set under fsys: each folder holding a bo-mau.toml.
func Load(fsys fs.FS) ([]*Set, error) {
	manifests, err := fs.Glob(fsys, "*/bo-mau.toml")
	if err != nil {
		return nil, err
	}
	if len(manifests) == 0 {
		return nil, fmt.Errorf("không có bộ mẫu nào (thiếu tệp */bo-mau.toml)")
	}
	var sets []*Set
	var errs bytes.Buffer
	for _, m := range manifests {
		src, err := fs.ReadFile(fsys, m)
		if err != nil {
			return nil, err
		}
		s := &Set{fsys: fsys, dir: path.Dir(m)}
		_, problems, err := tomlin.Decode(src, s)
		if err != nil {
			return nil, err
		}
		problems = append(problems, s.check(fsys)...)
		if len(problems) > 0 {
			problems.Render(&errs, m, src)
			continue
		}
		sets = append(sets, s)
	}
	if errs.Len() > 0 {
		return nil, fmt.Errorf("bộ mẫu không hợp lệ:\n%s", errs.String())
	}
	sort.Slice(sets, func(i, j int) bool { return sets[i].ValidFrom.Before(sets[j].ValidFrom.Time) })
	for i := 1; i < len(sets); i++ {
		a, b := sets[i-1], sets[i]
		if a.ValidTo.IsZero() || !a.ValidTo.Before(b.ValidFrom.Time) {
			return nil, fmt.Errorf("bộ mẫu %s (%s) và %s (%s) chồng lấn thời gian hiệu lực", a.ID, a.Validity(), b.ID, b.Validity())
		}
	}
	return sets, nil
}

// check finds what a manifest lacks.
func (s *Set) check(fsys fs.FS) tomlin.Problems {
	var ps tomlin.Problems
	if s.ID == "" {
		ps.Add("id", tomlin.Pos{}, "required", "thiếu mã bộ mẫu", "")
	}
	if s.ValidFrom.IsZero() {
		ps.Add("hieu_luc_tu", tomlin.Pos{}, "required", "thiếu ngày bắt đầu hiệu lực", "")
	}
	if !s.ValidTo.IsZero() && s.ValidTo.Before(s.ValidFrom.Time) {
		ps.Add("hieu_luc_den", tomlin.Pos{}, "value", "ngày hết hiệu lực trước ngày bắt đầu", "")
	}
	for _, p := range Parts {
		f := s.File(p)
		if f == "" {
			ps.Add("phan."+string(p), tomlin.Pos{}, "required", "thiếu tệp mẫu cho phần này", "")
			continue
		}
		if _, err := fs.Stat(fsys, path.Join(s.dir, f)); err != nil {
			ps.Add("phan."+string(p), tomlin.Pos{}, "value", fmt.Sprintf("không có tệp %q trong thư mục %s", f, s.dir), "")
		}
	}
	for i, a := range s.Awards {
		at := tomlin.PathIndex("khen_thuong", i+1)
		if a.Code == "" || a.Name == "" {
			ps.Add(at, tomlin.Pos{}, "required", "mỗi hình thức cần ma và ten", "")
		}
		if a.Repealed == "" && !contains(Deciders, a.Decider) {
			ps.Add(at+".cap_quyet_dinh", tomlin.Pos{}, "value",
				fmt.Sprintf("cap_quyet_dinh %q không có; chọn một trong: %s", a.Decider, strings.Join(Deciders, ", ")), "")
		}
	}
	return ps
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
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
	return nil, fmt.Errorf("không có bộ mẫu nào áp dụng cho ngày %s; các bộ mẫu: %s",
		date.Format("02/01/2006"), strings.Join(known, "; "))
}
