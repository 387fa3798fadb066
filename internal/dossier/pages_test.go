package dossier_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/hoso-vn/hoso/templates"
)

// TestLandscapeAnnexIsDrawnLandscape: a maintainer turns the Danh sách
// section of the Tờ trình template to landscape. Its page comes out
// landscape in the document's PDF and in ho-so.pdf, with nothing cut off
// at the right edge, while the other pages stay portrait.
func TestLandscapeAnnexIsDrawnLandscape(t *testing.T) {
	fsys := testtool.CopyFS(t, templates.FS, ".", func(p string, data []byte) []byte {
		if p != "nd152-2025/to-trinh.docx" {
			return data
		}
		// The annex's section: the one restarting page numbers.
		const margins = `<w:pgMar w:top="1134" w:right="851" w:bottom="1134" w:left="1701" w:header="567" w:footer="567" w:gutter="0"/><w:pgNumType w:start="1"/>`
		return ooxmltest.ReplaceInDocument(t, data, `<w:pgSz w:w="11906" w:h="16838"/>`+margins,
			`<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`+margins)
	})
	sets, err := formset.Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(sampleWard)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dossier.Build(sampleWard, src, sets)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.RenderPDF(); err != nil {
		t.Fatal(err)
	}
	sizes := func(pdf []byte, n int) []string {
		out := testtool.PDFInfo(t, pdf, "-f", "1", "-l", strconv.Itoa(n))
		var got []string
		for _, line := range strings.Split(out, "\n") {
			if strings.HasPrefix(line, "Page ") && strings.Contains(line, "size:") {
				got = append(got, strings.Join(strings.Fields(line)[3:6], " "))
			}
		}
		return got
	}
	const portrait, landscape = "595.3 x 841.9", "841.9 x 595.3"
	if got := strings.Join(sizes(d.Documents[0].PDFBytes, 3), "|"); got != portrait+"|"+portrait+"|"+landscape {
		t.Errorf("Tờ trình pages: %s", got)
	}
	merged := sizes(d.Merged, 5)
	if strings.Join(merged, "|") != portrait+"|"+portrait+"|"+landscape+"|"+portrait+"|"+portrait {
		t.Errorf("ho-so.pdf pages 1-5: %s", strings.Join(merged, "|"))
	}
	// The annex's last words, which a portrait page cut off.
	text := strings.Join(strings.Fields(testtool.PDFText(t, d.Documents[0].PDFBytes)), " ")
	if !strings.Contains(text, "năm 2026 của Ủy ban nhân dân phường Tân Sơn Hòa)") {
		t.Errorf("the annex heading lost its end:\n%s", text)
	}
}
