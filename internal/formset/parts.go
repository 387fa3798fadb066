package formset

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
)

// The kinds of nominee (loai) a part may be limited to or choose its
// template by. The input model uses the same names.
const (
	Individual = "ca-nhan"
	Collective = "tap-the"
	Enterprise = "doanh-nghiep"
	Owner      = "chu-doanh-nghiep"
)

// Kinds lists every nominee kind.
var Kinds = []string{Individual, Collective, Enterprise, Owner}

// Repeat says how many documents of a part a dossier has.
type Repeat string

// The repetitions a part may declare (lap).
const (
	Once       Repeat = "mot"           // one document
	PerAward   Repeat = "moi-hinh-thuc" // one per award type proposed, with the nominees proposed for it
	PerNominee Repeat = "moi-doi-tuong" // one per nominee, or per group of nominees when grouped
)

var repeats = []Repeat{Once, PerAward, PerNominee}

// The issuers a part may have by default (co_quan).
const (
	IssuerAgency  = "co-quan"  // the submitting agency, [co_quan]
	IssuerCouncil = "hoi-dong" // its Hội đồng Thi đua - Khen thưởng, [hoi_dong]
)

// The kinds of a declared free field (kieu).
const (
	FieldText     = "chu"      // one line of text
	FieldParas    = "doan"     // a list of paragraphs
	FieldDate     = "ngay"     // a date
	FieldDateTime = "ngay-gio" // a date and time
	FieldNumber   = "so"       // a whole number
)

// FieldKinds lists the kinds of free field.
var FieldKinds = []string{FieldText, FieldParas, FieldDate, FieldDateTime, FieldNumber}

// Part is one document of a dossier, as the form set declares it in a
// [[van_ban]] block of bo-mau.toml: which template, how many copies, what
// it is called and what of its own it carries. A form set is its parts in
// order; adding a document to a dossier is adding a block.
type Part struct {
	ID       string    `toml:"id"`       // the manifest's phan, file names, [van_ban.<id>] in a submission
	Title    string    `toml:"ten"`      // bookmark and messages
	Template Templates `toml:"mau"`      // one DOCX, or one per nominee kind
	Repeat   Repeat    `toml:"lap"`      // mot (default), moi-hinh-thuc, moi-doi-tuong
	Kinds    []string  `toml:"loai"`     // moi-doi-tuong: only nominees of these kinds (default: all)
	GroupBy  string    `toml:"gop_theo"` // moi-doi-tuong: one document per distinct value of this nominee field
	Grouped  bool      `toml:"gop"`      // group by default (a submission may say otherwise)
	Stem     string    `toml:"tep"`      // file name stem, default id: NN-<tep>[-MM-<slug>].docx
	TypeCode string    `toml:"ky_hieu"`  // abbreviation of the document type: TTr, BB, GM; none for a công văn
	Numbered *bool     `toml:"so"`       // carries a number of its own (default yes)
	Data     string    `toml:"du_lieu"`  // the submission's table of its own data, default van_ban.<id>
	Issuer   string    `toml:"co_quan"`  // who issues it unless the submission says: co-quan (default) or hoi-dong
	Fields   []Field   `toml:"truong"`   // free fields of its own data, printed as {{van_ban.<ten>}}
}

// Field is a free field a part's own data may carry: typed, explained,
// and printed by its template as {{van_ban.<Name>}}.
type Field struct {
	Name     string `toml:"ten"`
	Kind     string `toml:"kieu"` // chu, doan, ngay, ngay-gio, so
	Meaning  string `toml:"nghia"`
	Required bool   `toml:"bat_buoc"`
}

// Templates is a part's template: one file (Default), or one per nominee
// kind (a table mau = { ca-nhan = "…", tap-the = "…" }).
type Templates struct {
	Default string
	ByKind  map[string]string
}

// DecodeTOML accepts a file name or a table of file names by kind.
func (t *Templates) DecodeTOML(v any) error {
	switch x := v.(type) {
	case string:
		t.Default = x
		return nil
	case map[string]any:
		t.ByKind = map[string]string{}
		for k, f := range x {
			s, ok := f.(string)
			if !ok {
				return fmt.Errorf("mau.%s cần tên tệp .docx", k)
			}
			t.ByKind[k] = s
		}
		return nil
	}
	return fmt.Errorf(`mau cần tên tệp ("to-trinh.docx") hoặc bảng theo loại đối tượng ({ ca-nhan = "a.docx", tap-the = "b.docx" })`)
}

// For is the template file for a nominee of the given kind ("" for parts
// not printed per nominee).
func (t Templates) For(kind string) string {
	if f, ok := t.ByKind[kind]; ok {
		return f
	}
	return t.Default
}

// Files lists the distinct template files, sorted.
func (t Templates) Files() []string {
	var out []string
	if t.Default != "" {
		out = append(out, t.Default)
	}
	for _, f := range t.ByKind {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	sort.Strings(out)
	return out
}

// IsNumbered reports whether the part's documents carry numbers.
func (p *Part) IsNumbered() bool { return p.Numbered == nil || *p.Numbered }

// DataTable is the submission table holding the part's own data.
func (p *Part) DataTable() string {
	if p.Data != "" {
		return p.Data
	}
	return "van_ban." + p.ID
}

// FileStem is the stem of the part's file names.
func (p *Part) FileStem() string {
	if p.Stem != "" {
		return p.Stem
	}
	return p.ID
}

// Applies reports whether nominees of a kind get documents of a part
// printed per nominee.
func (p *Part) Applies(kind string) bool {
	return len(p.Kinds) == 0 || slices.Contains(p.Kinds, kind)
}

// Field finds a declared free field.
func (p *Part) Field(name string) (Field, bool) {
	for _, f := range p.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// Part finds a part by id.
func (s *Set) Part(id string) (*Part, bool) {
	for i := range s.Parts {
		if s.Parts[i].ID == id {
			return &s.Parts[i], true
		}
	}
	return nil, false
}

// RepeatsPerAward reports whether a part reading the named data table
// ("to_trinh") prints one document per award.
func (s *Set) RepeatsPerAward(table string) bool {
	for _, p := range s.Parts {
		if p.DataTable() == table && p.Repeat == PerAward {
			return true
		}
	}
	return false
}

// Path is the path of a template file of the set inside its file system.
func (s *Set) Path(file string) string { return path.Join(s.dir, file) }

// LetterTables are the built-in tables of the confirmation letters (công
// văn xin xác nhận): a part taking its data from one is a letter to an
// office about enterprises, and its template sees the letter (cong_van).
var LetterTables = []string{"xac_nhan_thue", "xac_nhan_bhxh"}

// IsLetter reports whether the part's documents are confirmation letters.
func (p *Part) IsLetter() bool { return slices.Contains(LetterTables, p.DataTable()) }

// GroupFields are the nominee fields a part may group its documents by
// (gop_theo): the tax office, the social-insurance office.
var GroupFields = []string{"thue.co_quan_thue", "bhxh.co_quan"}

// builtinTables are the submission tables the input model knows, which a
// part may name as its data (du_lieu); any other part keeps its own data
// in [van_ban.<id>].
var builtinTables = []string{"to_trinh", "bien_ban", "xac_nhan_thue", "xac_nhan_bhxh"}

// reservedFields are the names of the fields every document's own data
// has ({{van_ban.so}}, {{van_ban.ngay}}…): a free field may not take them.
var reservedFields = []string{"so", "ky_hieu", "so_ky_hieu", "ngay", "co_quan", "nguoi_ky", "trich_yeu", "kinh_gui",
	"kinh_gui_mot", "noi_nhan", "luu", "hinh_thuc", "de_nghi", "rieng", "gop", "ten"}

// checkParts finds what is wrong with the [[van_ban]] blocks.
func (s *Set) checkParts(ps *tomlin.Problems, ix *tomlin.Index, stat func(file string) error) {
	if len(s.Parts) == 0 {
		ps.Add("van_ban", tomlin.Pos{}, "required", "bộ mẫu chưa khai báo văn bản nào",
			"mỗi văn bản của hồ sơ là một khối [[van_ban]] có id, ten, mau; xem HUONG-DAN.md (hoso templates export) mục «Thêm một văn bản vào hồ sơ»")
		return
	}
	ids := map[string]bool{}
	stems := map[string]bool{}
	for i := range s.Parts {
		p := &s.Parts[i]
		at := tomlin.PathIndex("van_ban", i+1)
		add := func(key, kind, msg, hint string) {
			path := at
			pos := ix.Find(at)
			if key != "" {
				path = at + "." + key
				if q := ix.FindValue(path); !q.IsZero() {
					pos = q
				}
			}
			ps.Add(path, pos, kind, msg, hint)
		}
		switch {
		case p.ID == "":
			add("id", "required", "văn bản thiếu id", `ví dụ: id = "giay-moi" (chữ thường không dấu, nối bằng -)`)
		case vn.Slug(p.ID, 0) != p.ID:
			add("id", "value", fmt.Sprintf("id %q chỉ được gồm chữ thường không dấu, số và dấu -", p.ID), fmt.Sprintf("ví dụ: id = %q", vn.Slug(p.ID, 40)))
		case ids[p.ID]:
			add("id", "value", fmt.Sprintf("id %q đã dùng cho văn bản khác", p.ID), "mỗi văn bản một id riêng")
		}
		ids[p.ID] = true
		if stems[p.FileStem()] {
			add("tep", "value", fmt.Sprintf("tên tệp %q đã dùng cho văn bản khác", p.FileStem()), "đặt tep khác nhau cho từng văn bản")
		}
		stems[p.FileStem()] = true
		if p.Title == "" {
			add("ten", "required", "văn bản thiếu ten (tên in ở mục lục và trong thông báo)", `ví dụ: ten = "Giấy mời họp Hội đồng Thi đua - Khen thưởng"`)
		}
		s.checkPartTemplates(p, add, stat)
		s.checkPartRepeat(p, add)
		if p.Data != "" && !slices.Contains(builtinTables, p.Data) {
			add("du_lieu", "value", fmt.Sprintf("du_lieu %q không có", p.Data),
				"bỏ trống để văn bản có bảng riêng [van_ban."+p.ID+"], hoặc chọn: "+strings.Join(builtinTables, ", "))
		}
		if p.Issuer != "" && p.Issuer != IssuerAgency && p.Issuer != IssuerCouncil {
			add("co_quan", "value", fmt.Sprintf("co_quan %q không có", p.Issuer), `chọn "co-quan" (cơ quan trình) hoặc "hoi-dong" (Hội đồng Thi đua - Khen thưởng)`)
		}
		checkFields(p, at, ps, ix)
	}
}

func (s *Set) checkPartTemplates(p *Part, add func(key, kind, msg, hint string), stat func(string) error) {
	if p.Template.Default == "" && len(p.Template.ByKind) == 0 {
		add("mau", "required", "văn bản thiếu tệp mẫu (mau)", `ví dụ: mau = "giay-moi.docx"`)
		return
	}
	for k := range p.Template.ByKind {
		if !slices.Contains(Kinds, k) {
			add("mau."+k, "value", fmt.Sprintf("loại đối tượng %q không có", k), "các loại: "+strings.Join(Kinds, ", "))
		}
	}
	if p.Template.Default == "" && len(p.Template.ByKind) > 0 {
		if p.Repeat != PerNominee || p.GroupBy != "" {
			add("mau", "value", "mẫu theo loại đối tượng chỉ dùng cho văn bản in riêng từng đối tượng (lap = \"moi-doi-tuong\", không gop_theo)",
				`ghi một tệp: mau = "ten-tep.docx"`)
		}
		for _, k := range Kinds {
			if p.Applies(k) && p.Template.ByKind[k] == "" {
				add("mau", "value", fmt.Sprintf("chưa có mẫu cho loại đối tượng %q", k),
					fmt.Sprintf("thêm %s = \"ten-tep.docx\" vào bảng mau, hoặc giới hạn loai", k))
			}
		}
	}
	for _, f := range p.Template.Files() {
		if !strings.HasSuffix(strings.ToLower(f), ".docx") || strings.Contains(f, "/") || strings.Contains(f, `\`) {
			add("mau", "value", fmt.Sprintf("tệp mẫu %q phải là tệp .docx nằm ngay trong thư mục bộ mẫu", f), "")
			continue
		}
		switch err := stat(f); {
		case errors.Is(err, fs.ErrNotExist):
			add("mau", "value", fmt.Sprintf("không có tệp %q trong thư mục %s", f, s.dir), "")
		case err != nil:
			add("mau", "value", err.Error(), "hoặc sửa tên tệp (mau) trong khối [[van_ban]]")
		}
	}
}

func (s *Set) checkPartRepeat(p *Part, add func(key, kind, msg, hint string)) {
	if p.Repeat == "" {
		p.Repeat = Once
	}
	if !slices.Contains(repeats, p.Repeat) {
		add("lap", "value", fmt.Sprintf("lap %q không có", p.Repeat),
			`chọn "mot" (một văn bản), "moi-hinh-thuc" (mỗi hình thức khen thưởng một văn bản) hoặc "moi-doi-tuong" (mỗi đối tượng một văn bản)`)
	}
	for _, k := range p.Kinds {
		if !slices.Contains(Kinds, k) {
			add("loai", "value", fmt.Sprintf("loại đối tượng %q không có", k), "các loại: "+strings.Join(Kinds, ", "))
		}
	}
	if p.Repeat != PerNominee && (len(p.Kinds) > 0 || p.GroupBy != "" || p.Grouped) {
		add("lap", "value", "loai, gop_theo và gop chỉ dùng với lap = \"moi-doi-tuong\"", "")
	}
	if p.GroupBy != "" && !slices.Contains(GroupFields, p.GroupBy) {
		add("gop_theo", "value", fmt.Sprintf("gop_theo %q không có", p.GroupBy), "chọn: "+strings.Join(GroupFields, ", "))
	}
	if p.Grouped && p.GroupBy == "" {
		add("gop", "value", "gop = true cần gop_theo (trường dùng để gộp, ví dụ \"thue.co_quan_thue\")", "")
	}
}

func checkFields(p *Part, at string, ps *tomlin.Problems, ix *tomlin.Index) {
	seen := map[string]bool{}
	for j, f := range p.Fields {
		fat := tomlin.PathIndex(at+".truong", j+1)
		pos := ix.Find(fat)
		switch {
		case f.Name == "" || vn.Slug(f.Name, 0) != strings.ReplaceAll(f.Name, "_", "-"):
			ps.Add(fat+".ten", pos, "value", fmt.Sprintf("tên trường %q chỉ được gồm chữ thường không dấu, số và dấu _", f.Name), `ví dụ: ten = "thanh_phan"`)
		case slices.Contains(reservedFields, f.Name):
			ps.Add(fat+".ten", pos, "value", fmt.Sprintf("tên trường %q đã là trường chung của mọi văn bản ({{van_ban.%s}})", f.Name, f.Name), "đặt tên khác")
		case seen[f.Name]:
			ps.Add(fat+".ten", pos, "value", fmt.Sprintf("trường %q khai báo hai lần", f.Name), "")
		}
		seen[f.Name] = true
		if !slices.Contains(FieldKinds, f.Kind) {
			ps.Add(fat+".kieu", pos, "value", fmt.Sprintf("kiểu %q không có", f.Kind),
				"chọn: chu (một dòng chữ), doan (các đoạn), ngay (ngày), ngay-gio (ngày giờ), so (số)")
		}
		if f.Meaning == "" {
			ps.Add(fat+".nghia", pos, "required", fmt.Sprintf("trường %q thiếu nghia (giải thích cho người lập hồ sơ)", f.Name), "")
		}
	}
}

// legacyBlocks writes the [[van_ban]] blocks that declare the five parts
// an earlier manifest named in its [phan] table, with its file names.
func legacyBlocks(files map[string]string) string {
	file := func(key, def string) string {
		if f := files[key]; f != "" {
			return f
		}
		return def
	}
	person, group := file("bao_cao_ca_nhan", "bao-cao-ca-nhan.docx"), file("bao_cao_tap_the", "bao-cao-tap-the.docx")
	return fmt.Sprintf(`[[van_ban]]
id = "to-trinh"
ten = "Tờ trình và Danh sách đề nghị khen thưởng"
mau = %q
lap = "moi-hinh-thuc"
ky_hieu = "TTr"
du_lieu = "to_trinh"

[[van_ban]]
id = "bien-ban"
ten = "Biên bản họp Hội đồng Thi đua - Khen thưởng"
mau = %q
ky_hieu = "BB"
du_lieu = "bien_ban"
co_quan = "hoi-dong"

[[van_ban]]
id = "bao-cao-thanh-tich"
ten = "Báo cáo thành tích"
tep = "bao-cao"
mau = { ca-nhan = %q, chu-doanh-nghiep = %q, tap-the = %q, doanh-nghiep = %q }
lap = "moi-doi-tuong"
so = false

[[van_ban]]
id = "xac-nhan-thue"
ten = "Công văn đề nghị xác nhận nghĩa vụ thuế"
mau = %q
lap = "moi-doi-tuong"
loai = ["doanh-nghiep", "chu-doanh-nghiep"]
gop_theo = "thue.co_quan_thue"
du_lieu = "xac_nhan_thue"
(các mẫu cũ dùng tên trường cũ: chạy hoso templates check để thấy chỗ cần sửa)`,
		file("to_trinh", "to-trinh.docx"), file("bien_ban", "bien-ban.docx"), person, person, group, group,
		file("xac_nhan_thue", "xac-nhan-thue.docx"))
}
