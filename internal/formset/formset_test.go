package formset_test

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/templates"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestShippedSetsAreChosenByDate(t *testing.T) {
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range sets {
		ids = append(ids, s.ID)
	}
	if strings.Join(ids, ",") != "nd98-2023,nd152-2025" {
		t.Fatalf("sets %v", ids)
	}
	for date, want := range map[string]string{
		"2024-01-01": "nd98-2023", "2025-06-10": "nd98-2023", "2025-06-30": "nd98-2023",
		"2025-07-01": "nd152-2025", "2026-02-05": "nd152-2025",
	} {
		s, err := formset.Select(sets, day(date), "")
		if err != nil || s.ID != want {
			t.Errorf("%s: got %v %v, want %s", date, s, err, want)
		}
	}
	_, err = formset.Select(sets, day("2023-12-31"), "")
	if err == nil || !strings.Contains(err.Error(), "31/12/2023") || !strings.Contains(err.Error(), "trước mọi bộ mẫu") {
		t.Errorf("2023-12-31: %v", err)
	}
	if s, err := formset.Select(sets, day("2026-02-05"), "nd98-2023"); err != nil || s.ID != "nd98-2023" {
		t.Errorf("forced: %v %v", s, err)
	}
	// The district award: named in both, repealed from 01/07/2025.
	old, _ := sets[0].Award("giay-khen-chu-tich-ubnd-quan")
	cur, _ := sets[1].Award("giay-khen-chu-tich-ubnd-quan")
	if old.Repealed != "" || old.Decider != "chu-tich-ubnd-huyen" || !strings.Contains(cur.Repealed, "cấp quận, huyện đã chấm dứt hoạt động") {
		t.Errorf("district award: nd98 %+v, nd152 %+v", old, cur)
	}
}

// set is a minimal valid set folder in a map file system.
func set(dir, id, from, to string, docx []byte) fstest.MapFS {
	m := `id = "` + id + `"
ten = "thử"
hieu_luc_tu = ` + from + "\n"
	if to != "" {
		m += "hieu_luc_den = " + to + "\n"
	}
	m += `[[van_ban]]
id = "to-trinh"
ten = "Tờ trình"
mau = "a.docx"
`
	return fstest.MapFS{
		dir + "bo-mau.toml": {Data: []byte(m)},
		dir + "a.docx":      {Data: docx},
	}
}

func merge(ms ...fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}

func shippedDocx(t *testing.T) []byte {
	t.Helper()
	raw, err := fs.ReadFile(templates.FS, "nd152-2025/to-trinh.docx")
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestOneSetFolderAndInspect(t *testing.T) {
	raw := shippedDocx(t)
	sets, err := formset.Load(set("", "mot", "2025-07-01", "", raw))
	if err != nil || len(sets) != 1 || sets[0].Dir() != "." || sets[0].Path(sets[0].Parts[0].Template.Default) != "a.docx" {
		t.Fatalf("a set at the root: %v %v", sets, err)
	}

	fsys := merge(set("a/", "a", "2024-01-01", "2025-06-30", raw), set("b/", "b", "2025-06-01", "", raw),
		fstest.MapFS{"c/bo-mau.toml": {Data: []byte("id = \"c\"\nhieu_luc_tu = 2020-01-01\n[[van_ban]]\nid = \"to-trinh\"\nten = \"Tờ trình\"\nmau = \"khong-co.docx\"\n[[van_ban]]\nid = \"bien-ban\"\nmau = \"a.docx\"\n")}})
	good, errs := formset.Inspect(fsys)
	if len(good) != 2 {
		t.Errorf("good sets: %d", len(good))
	}
	var me *formset.ManifestError
	var oe *formset.OverlapError
	var haveManifest, haveOverlap bool
	for _, e := range errs {
		switch {
		case errors.As(e, &me):
			haveManifest = me.Manifest == "c/bo-mau.toml" && strings.Contains(me.Error(), `không có tệp "khong-co.docx"`) &&
				strings.Contains(me.Error(), "c/bo-mau.toml:6:7: van_ban[1].mau") && strings.Contains(me.Error(), "van_ban[2].ten")
		case errors.As(e, &oe):
			haveOverlap = oe.A.ID == "a" && oe.B.ID == "b"
		}
	}
	if !haveManifest || !haveOverlap {
		t.Errorf("Inspect errors: %v", errs)
	}
	if _, err := formset.Load(fsys); err == nil || !strings.Contains(err.Error(), "bộ mẫu không hợp lệ") {
		t.Errorf("Load: %v", err)
	}

	dup := merge(set("a/", "x", "2024-01-01", "2024-12-31", raw), set("b/", "x", "2025-01-01", "", raw))
	if _, err := formset.Load(dup); err == nil || !strings.Contains(err.Error(), `mã bộ mẫu "x" đã dùng ở a/bo-mau.toml`) {
		t.Errorf("duplicate id: %v", err)
	}
}
