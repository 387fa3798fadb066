package pdf

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTableAndPageFlowFixturesPageCounts: the table and page-flow
// fixtures of issue 17 (items 3, 9, 10) have LibreOffice's page count
// (WORD-FEATURES.md), both as Word writes them and as LibreOffice re-saves
// them; 09b has Word's, by the choice (LibreOffice drops the page a
// section's last paragraph falls on after a page break: 3). 09a's table
// ends 2 pt above what its three trailing empty paragraphs need: a row a
// hair too tall would add a blank page.
func TestTableAndPageFlowFixturesPageCounts(t *testing.T) {
	want := map[string]int{"03-table-borders": 1, "03b-long-table": 3, "09a-trailing-empty": 1,
		"09b-section-break": 5, "09c-keep-next": 2, "09d-adjacent-tables": 1, "10-frames-borders": 1}
	for _, dir := range []string{"", "lo"} {
		for name, pages := range want {
			f := filepath.Join("../../testdata/word-features", dir, name+".docx")
			docx, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			n, _, err := Check(docx)
			if err != nil || n != pages {
				t.Errorf("%s: %d pages (%v), want %d", f, n, err, pages)
			}
		}
	}
}
