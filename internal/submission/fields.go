package submission

import (
	"fmt"
	"sort"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// FreeValue converts the raw TOML value of a declared free field (kieu:
// chu, doan, ngay, ngay-gio, so) to what a template prints: a string, a
// list of paragraphs, a date or a date and time (time.Time), or an int.
// The error says in Vietnamese what the kind takes.
func FreeValue(kind string, raw any) (any, error) {
	switch kind {
	case formset.FieldText:
		if s, ok := raw.(string); ok && !strings.ContainsAny(s, "\r\n") {
			return s, nil
		}
		return nil, fmt.Errorf("cần một dòng chữ, ví dụ \"Hội trường Ủy ban nhân dân phường\"")
	case formset.FieldParas:
		switch x := raw.(type) {
		case string:
			return []string{x}, nil
		case []any:
			out := make([]string, len(x))
			for i, e := range x {
				s, ok := e.(string)
				if !ok {
					return nil, fmt.Errorf("cần các đoạn chữ, ví dụ [\"đoạn 1\", \"đoạn 2\"]")
				}
				out[i] = s
			}
			return out, nil
		}
		return nil, fmt.Errorf("cần các đoạn chữ, ví dụ [\"đoạn 1\", \"đoạn 2\"]")
	case formset.FieldDate:
		var d Date
		if err := d.DecodeTOML(raw); err != nil {
			return nil, err
		}
		return d.Time, nil
	case formset.FieldDateTime:
		var m Moment
		if err := m.DecodeTOML(raw); err != nil {
			return nil, err
		}
		if m.TimeOnly {
			return nil, fmt.Errorf("cần cả ngày và giờ, ví dụ 2026-01-28T08:00:00 hoặc \"28/01/2026 08:00\"")
		}
		return m.Time, nil
	case formset.FieldNumber:
		if n, ok := raw.(int64); ok && n >= 0 && n <= 1_000_000 {
			return int(n), nil
		}
		return nil, fmt.Errorf("cần một số nguyên từ 0 đến 1000000")
	}
	return nil, fmt.Errorf("kiểu trường %q không có", kind)
}

// freeFields checks the free fields of a declared document's table
// against what its part declares: every key declared, every value of its
// kind, every required field given.
func (v *validator) freeFields(at string, p *formset.Part, d Document) {
	keys := make([]string, 0, len(d.Fields))
	for k := range d.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		path := tomlin.PathKey(at, k)
		f, ok := p.Field(k)
		if !ok {
			v.add(path, tomlin.KeyUnknownKey, fmt.Sprintf("văn bản %q (%s) không có trường %q", p.ID, p.Title, k), declaredHint(p))
			continue
		}
		if _, err := FreeValue(f.Kind, d.Fields[k]); err != nil {
			v.addValue(path, tomlin.KeyType, fmt.Sprintf("%s (%s): %v", k, f.Meaning, err), "")
		}
	}
	for _, f := range p.Fields {
		if _, ok := d.Fields[f.Name]; f.Required && !ok {
			v.add(tomlin.PathKey(at, f.Name), KeyRequired, fmt.Sprintf("thiếu %s (%s) của %s", f.Name, f.Meaning, p.Title), "")
		}
	}
}

// missingDocumentTables refuses a declared document the dossier prints
// whose required free fields have no [van_ban.<id>] table at all (with a
// table, freeFields names each missing field): it would print blanks.
func (v *validator) missingDocumentTables(s *Submission, set *formset.Set) {
	for i := range set.Parts {
		p := &set.Parts[i]
		if _, given := s.Documents[p.ID]; given || p.Data != "" || !s.hasDocuments(p) {
			continue
		}
		var required []string
		for _, f := range p.Fields {
			if f.Required {
				required = append(required, fmt.Sprintf("%s (%s)", f.Name, f.Meaning))
			}
		}
		if len(required) > 0 {
			v.add("van_ban", KeyRequired, fmt.Sprintf("%s (%s) cần %s: thiếu bảng [van_ban.%s]", p.Title, p.ID, strings.Join(required, ", "), p.ID),
				fmt.Sprintf("thêm bảng [van_ban.%s] với các trường đó", p.ID))
		}
	}
}

// declaredHint lists the free fields a part declares.
func declaredHint(p *formset.Part) string {
	if len(p.Fields) == 0 {
		return "văn bản này chỉ có các khóa chung: so, ngay, co_quan, nguoi_ky, trich_yeu, kinh_gui, noi_nhan, luu"
	}
	var names []string
	for _, f := range p.Fields {
		names = append(names, fmt.Sprintf("%s (%s)", f.Name, f.Meaning))
	}
	return "các khóa chung: so, ngay, co_quan, nguoi_ky, trich_yeu, kinh_gui, noi_nhan, luu; các trường riêng: " + strings.Join(names, ", ")
}
