package pdfdraw

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"io"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/hoso-vn/hoso/fonts"
	"github.com/hoso-vn/hoso/internal/layout"
)

// vietnamese uses precomposed letters that Liberation Serif draws as
// composite glyphs (a base letter plus marks), the case where the subsetter
// rewrites glyph data.
const vietnamese = "Ủy ban phường Tân Sơn Hòa: Đặng Thị Ửng, Nguyễn Văn Ễ, Trần Thị Ỹ"

func testPage() *layout.Page {
	p := &layout.Page{W: 595, H: 842}
	for f := range faceStyles {
		p.Texts = append(p.Texts, layout.Text{X: 72, Y: 100 + 24*float64(f), Face: layout.Face(f), Size: 13, Text: vietnamese})
	}
	return p
}

// TestDrawLeavesTheFontsUntouched: the embedded font files are shared by
// every PDF of the process (internal/gofpdf parses each once), so drawing
// must not write into them.
func TestDrawLeavesTheFontsUntouched(t *testing.T) {
	faces := [][]byte{fonts.Regular, fonts.Italic, fonts.Bold, fonts.BoldItalic}
	var before [][32]byte
	for _, f := range faces {
		before = append(before, sha256.Sum256(f))
	}
	for i := 0; i < 3; i++ {
		if _, err := Draw([]*layout.Page{testPage()}, Meta{}); err != nil {
			t.Fatal(err)
		}
	}
	for i, f := range faces {
		if sha256.Sum256(f) != before[i] {
			t.Errorf("font file %d changed while drawing", i)
		}
	}
}

// TestParallelDrawsGiveTheSameBytes draws the same page on several
// goroutines at once (run with -race): with the fonts and their character
// maps shared, every PDF must still be the same, and hold the text.
func TestParallelDrawsGiveTheSameBytes(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	const n = 6
	out := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = Draw([]*layout.Page{testPage()}, Meta{Title: "Thử"})
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(out[i], out[0]) {
			t.Fatalf("PDF %d differs from PDF 0", i)
		}
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: text not read back")
	}
	cmd := exec.Command("pdftotext", "-", "-")
	cmd.Stdin = bytes.NewReader(out[0])
	text, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(string(text), vietnamese); got != len(faceStyles) {
		t.Errorf("read back %d copies of the line, want %d:\n%s", got, len(faceStyles), text)
	}
}

// TestFontSelectionIsNotRepeated: maroto selects the font up to three
// times for every piece of text; the patched gofpdf writes the selection
// once, and each face's text still follows its own selection.
func TestFontSelectionIsNotRepeated(t *testing.T) {
	pdf, err := Draw([]*layout.Page{testPage()}, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var content string
	for _, m := range regexp.MustCompile(`(?s)/Filter /FlateDecode /Length \d+>>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(r)
		if bytes.Contains(b, []byte(" Tj ET")) {
			content = string(b)
		}
	}
	if content == "" {
		t.Fatal("no page content stream found")
	}
	lines := strings.Split(content, "\n")
	selections, texts := 0, 0
	for i, l := range lines {
		if strings.HasSuffix(l, " Tf ET") {
			selections++
			if i > 0 && lines[i-1] == l {
				t.Errorf("line %d repeats the font selection %q", i, l)
			}
		}
		if strings.Contains(l, " Tj ET") {
			texts++
		}
	}
	if texts < len(faceStyles) || selections < len(faceStyles) {
		t.Errorf("%d font selections for %d texts in four faces:\n%s", selections, texts, content)
	}
}
