package dossier_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/templates"
)

// A part a maintainer declares with the tax letters' table (du_lieu =
// "xac_nhan_thue") takes its numbers from xac_nhan_thue.so as the shipped
// tax letters do: both series print 12/UBND-VP. The dossier is refused at
// that key, the hint naming the two parts.
func TestPartsSharingANumberTableAreRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, templates.FS); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "nd152-2025", "bo-mau.toml")
	block := `
[[van_ban]]
id = "thue-gop"
ten = "Công văn gộp theo cơ quan thuế"
mau = "xac-nhan-thue.docx"
lap = "moi-doi-tuong"
loai = ["doanh-nghiep", "chu-doanh-nghiep"]
gop_theo = "thue.co_quan_thue"
gop = true
du_lieu = "xac_nhan_thue"
`
	m := readFile(t, manifest)
	at := strings.Index(m, "[[khen_thuong]]")
	if err := os.WriteFile(manifest, []byte(m[:at]+block+"\n"+m[at:]), 0o644); err != nil {
		t.Fatal(err)
	}
	sets, err := formset.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	src := readFile(t, sampleWard)
	_, err = dossier.Prepare(sampleWard, []byte(src), sets)
	var ie *dossier.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 {
		t.Fatalf("want one problem, got %v", err)
	}
	p := ie.Problems[0]
	line := 1 + strings.Count(src[:strings.Index(src, "[xac_nhan_thue]\nso = 12")], "\n") + 1
	if p.Path != "xac_nhan_thue.so" || p.Key != submission.KeyDuplicate || p.Pos.Line != line {
		t.Errorf("problem %s %s at line %d, want xac_nhan_thue.so duplicate at line %d", p.Path, p.Key, p.Pos.Line, line)
	}
	for _, w := range []string{"mang số 12/UBND-VP năm 2026", "04-xac-nhan-thue-01-"} {
		if !strings.Contains(p.Msg, w) {
			t.Errorf("message lacks %q: %s", w, p.Msg)
		}
	}
	if !strings.Contains(p.Hint, `"xac-nhan-thue" và "thue-gop"`) {
		t.Errorf("hint does not name the two parts: %s", p.Hint)
	}
}
