// Package formset reads the form sets (bộ mẫu) shipped in templates/ or
// kept in a maintainer's folder: a bo-mau.toml manifest naming the law, the
// dates the set is valid for, the documents of a dossier (their templates,
// how many of each, what each carries of its own) and the awards it knows
// by short code. It picks the set that covers a document's date. It is
// data only: it reads template files as bytes for others to compile, and
// knows nothing of Word files or of nominees.
package formset

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Set is one form set.
type Set struct {
	ID        string   `toml:"id"`
	Title     string   `toml:"ten"`
	Law       string   `toml:"luat"`
	Level     string   `toml:"cap"`
	ValidFrom tomlDate `toml:"hieu_luc_tu"`
	ValidTo   tomlDate `toml:"hieu_luc_den"`
	// Levels are the administrative levels of the period, lowest first
	// (cap_hanh_chinh: ["xa", "huyen", "tinh"] until 30/06/2025, ["xa",
	// "tinh"] after): a proposal goes to the chairman of the next level up.
	Levels []string `toml:"cap_hanh_chinh"`
	Parts  []Part   `toml:"van_ban"`
	Awards []Award  `toml:"khen_thuong"`
	// Thresholds are the rules of the council's meeting and vote, by award
	// ([[nguong]]; see Threshold).
	Thresholds []Threshold       `toml:"nguong"`
	Legacy     map[string]string `toml:"phan"` // the five fixed parts of earlier versions: refused with the blocks that replace them

	fsys     fs.FS
	dir      string
	manifest string
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

// ReadFile returns the bytes of a template file of the set, read by
// ReadTemplate.
func (s *Set) ReadFile(file string) ([]byte, error) { return ReadTemplate(s.fsys, s.Path(file)) }

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

// ManifestError is what is wrong with one bo-mau.toml.
type ManifestError struct {
	Manifest string          // its path in the file system
	Src      []byte          // its text
	Problems tomlin.Problems // every problem, located when possible
	// Partial is the set as far as it was read, for a checker to keep
	// looking at its templates (their declared free fields): never built.
	Partial *Set
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
	manifests, errs := findManifests(fsys)
	if len(manifests) == 0 {
		if len(errs) == 0 {
			errs = append(errs, errors.New("không có bộ mẫu nào (thiếu tệp */bo-mau.toml)"))
		}
		return nil, errs
	}
	var sets []*Set
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
			errs = append(errs, &ManifestError{Manifest: m, Src: src, Problems: problems, Partial: s})
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

// Refused leads the message of form sets refused, whatever the cause
// (a folder, a manifest, a template's file or its content): one verdict.
const Refused = "bộ mẫu không hợp lệ (chạy  hoso templates check  để xem cả bộ)"

// joinErrors words Inspect's problems for Load: every problem, led by
// Refused; errors.Is and errors.As still find each.
func joinErrors(errs []error) error {
	return fmt.Errorf("%s:\n%w", Refused, errors.Join(errs...))
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
	if len(s.Legacy) > 0 {
		ps.Add("phan", ix.Find("phan"), "value", "bảng [phan] của phiên bản trước đã được thay bằng các khối [[van_ban]], mỗi văn bản một khối",
			"thay bảng [phan] bằng:\n"+legacyBlocks(s.Legacy))
	}
	s.checkParts(&ps, ix, func(file string) error {
		return statFile(fsys, path.Join(s.dir, file), MaxTemplateFile)
	})
	s.checkAwards(func(path, kind, msg, hint string) {
		pos := ix.FindValue(path)
		if pos.IsZero() {
			pos = ix.Find(path)
		}
		ps.Add(path, pos, kind, msg, hint)
	})
	s.checkThresholds(&ps, ix)
	return ps
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
		why = "ngày này trước mọi bộ mẫu hiện có: hồ sơ của thời kỳ đó dùng biểu mẫu của văn bản pháp luật khi ấy, cần thêm bộ mẫu tương ứng (xem hướng dẫn bảo trì bộ mẫu: hoso templates export THƯ_MỤC ghi tệp HUONG-DAN.md)"
	case !sets[len(sets)-1].ValidTo.IsZero() && date.After(sets[len(sets)-1].ValidTo.Time):
		why = "ngày này sau hiệu lực của mọi bộ mẫu hiện có: cần bộ mẫu theo quy định mới (xem hướng dẫn bảo trì bộ mẫu: hoso templates export THƯ_MỤC ghi tệp HUONG-DAN.md)"
	}
	return nil, fmt.Errorf("không có bộ mẫu nào áp dụng cho ngày %s (%s); các bộ mẫu: %s",
		vn.ShortDate(date), why, strings.Join(known, "; "))
}
