package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestWordFeatureFixtures renders every Word-feature fixture
// (testdata/word-features, Word-like XML and LibreOffice's re-saves):
// none may fail. With HOSO_FIXTURE_OUT set, each DOCX and its PDF are
// written there, for .ci/run to compare with LibreOffice (fidelity.py)
// and a person to look at.
func TestWordFeatureFixtures(t *testing.T) {
	out := os.Getenv("HOSO_FIXTURE_OUT")
	for _, dir := range []string{"", "lo"} {
		files, err := filepath.Glob(filepath.Join("../../testdata/word-features", dir, "*.docx"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no fixtures in %s (%v)", dir, err)
		}
		for _, f := range files {
			docx, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			name := filepath.Base(f)
			if dir != "" {
				name = dir + "-" + name
			}
			res, err := Render([]Document{{Name: name, Title: name, Group: name, DOCX: docx}}, Meta{Title: name})
			if err != nil {
				t.Errorf("%s: %v", f, err)
				continue
			}
			if out == "" {
				continue
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				t.Fatal(err)
			}
			base := filepath.Join(out, strings.TrimSuffix(name, ".docx"))
			if err := os.WriteFile(base+".docx", docx, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(base+".pdf", res.Documents[0].PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			if w := res.Documents[0].Warnings; len(w) > 0 {
				t.Logf("%s: %d warnings:\n  %s", name, len(w), strings.Join(w, "\n  "))
			}
		}
	}
}
