package pdfmerge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/unicode/norm"
)

// loadCustomFonts returns the Go Regular TrueType font for maroto, so that
// fixtures embed a font like real dossier documents do.
var loadCustomFonts = sync.OnceValues(func() ([]*entity.CustomFont, error) {
	return repository.New().AddUTF8FontFromBytes("goregular", fontstyle.Normal, goregular.TTF).Load()
})

// makePDF builds a PDF with one page per marker; every page shows its marker
// (ASCII, for text extraction) and a Vietnamese line. With embedFont the
// pages use an embedded TrueType font, otherwise maroto's core font.
func makePDF(tb testing.TB, embedFont bool, markers ...string) []byte {
	tb.Helper()
	b := config.NewBuilder()
	if embedFont {
		fonts, err := loadCustomFonts()
		if err != nil {
			tb.Fatalf("loading font: %v", err)
		}
		b.WithCustomFonts(fonts)
		b.WithDefaultFont(&props.Font{Family: "goregular", Size: 12})
	}
	m := maroto.New(b.Build())
	for _, mk := range markers {
		p := page.New()
		p.Add(text.NewRow(10, mk))
		if embedFont {
			p.Add(text.NewRow(10, "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập, Tự do, Hạnh phúc"))
			for i := 0; i < 20; i++ {
				p.Add(text.NewRow(8, fmt.Sprintf("Dòng %d: Báo cáo thành tích của cá nhân đề nghị khen thưởng.", i+1)))
			}
		}
		m.AddPages(p)
	}
	doc, err := m.Generate()
	if err != nil {
		tb.Fatalf("maroto: %v", err)
	}
	return doc.GetBytes()
}

// markers returns n page markers for a part, e.g. "MARKP03S2".
func markers(part, n int) []string {
	ss := make([]string, n)
	for i := range ss {
		ss[i] = fmt.Sprintf("MARKP%02dS%d", part, i+1)
	}
	return ss
}

// bm is a comparable view of a bookmark.
type bm struct {
	Title string
	Page  int
	Kids  []bm
}

func fromPdfcpu(in []pdfcpu.Bookmark) []bm {
	var out []bm
	for _, b := range in {
		out = append(out, bm{Title: b.Title, Page: b.PageFrom, Kids: fromPdfcpu(b.Kids)})
	}
	return out
}

func dump(bms []bm, indent string) string {
	var sb strings.Builder
	for _, b := range bms {
		fmt.Fprintf(&sb, "%s%q -> %d\n", indent, b.Title, b.Page)
		sb.WriteString(dump(b.Kids, indent+"  "))
	}
	return sb.String()
}

// dossier is the fixture of a typical dossier: part numbers are global so
// that every page has a unique marker.
type dossier struct {
	groups      []Group
	pageMarkers []string // expected marker per output page
	want        []bm     // expected outline
}

func newDossier(tb testing.TB) dossier {
	tb.Helper()
	var d dossier
	part := 0
	add := func(title string, pages int) Part {
		part++
		mk := markers(part, pages)
		d.pageMarkers = append(d.pageMarkers, mk...)
		return Part{Title: title, PDF: makePDF(tb, true, mk...)}
	}
	d.groups = []Group{
		// Single part, no group title: uses the part's title.
		{Parts: []Part{add("Tờ trình", 1)}},
		// Single part with a group title: the group title wins.
		{Title: "Biên bản họp Hội đồng Thi đua - Khen thưởng", Parts: []Part{add("Biên bản", 2)}},
		// Several nominees: one child per nominee. The second title is
		// given decomposed (NFD) and must come back composed (NFC).
		{Title: "Báo cáo thành tích", Parts: []Part{
			add("Báo cáo thành tích: Nguyễn Thị Thu Hà", 3),
			add(norm.NFD.String("Báo cáo thành tích: Trần Văn Đức"), 1),
			add("Báo cáo thành tích: Lê Hoàng Yến\n(tập thể)", 2),
		}},
		// No group title, several parts: one top-level bookmark each.
		{Parts: []Part{
			add("Công văn gửi Cục Thuế tỉnh Quảng Ngãi", 1),
			add("Công văn gửi Chi cục Thuế khu vực Đắk Lắk", 2),
		}},
	}
	d.want = []bm{
		{Title: "Tờ trình", Page: 1},
		{Title: "Biên bản họp Hội đồng Thi đua - Khen thưởng", Page: 2},
		{Title: "Báo cáo thành tích", Page: 4, Kids: []bm{
			{Title: "Báo cáo thành tích: Nguyễn Thị Thu Hà", Page: 4},
			{Title: "Báo cáo thành tích: Trần Văn Đức", Page: 7},
			{Title: "Báo cáo thành tích: Lê Hoàng Yến (tập thể)", Page: 8},
		}},
		{Title: "Công văn gửi Cục Thuế tỉnh Quảng Ngãi", Page: 10},
		{Title: "Công văn gửi Chi cục Thuế khu vực Đắk Lắk", Page: 11},
	}
	return d
}

// readOutline reads the outline back with pdfcpu.
func readOutline(tb testing.TB, pdf []byte) []bm {
	tb.Helper()
	got, err := api.Bookmarks(bytes.NewReader(pdf), newConfig())
	if err != nil {
		tb.Fatalf("reading bookmarks: %v", err)
	}
	return fromPdfcpu(got)
}

func checkOutline(tb testing.TB, what string, got, want []bm) {
	tb.Helper()
	if g, w := dump(got, ""), dump(want, ""); g != w {
		tb.Errorf("%s outline:\n got:\n%s want:\n%s", what, g, w)
	}
	var walk func([]bm)
	walk = func(bms []bm) {
		for _, b := range bms {
			if !norm.NFC.IsNormalString(b.Title) {
				tb.Errorf("%s: title %q is not NFC", what, b.Title)
			}
			walk(b.Kids)
		}
	}
	walk(got)
}

func writeTemp(tb testing.TB, pdf []byte) string {
	tb.Helper()
	p := filepath.Join(tb.TempDir(), "merged.pdf")
	if err := os.WriteFile(p, pdf, 0o600); err != nil {
		tb.Fatal(err)
	}
	return p
}

func TestMerge(t *testing.T) {
	d := newDossier(t)
	out, err := Merge(d.groups)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}

	if err := Validate(out); err != nil {
		t.Errorf("Validate(merged): %v", err)
	}
	n, err := PageCount(out)
	if err != nil {
		t.Fatalf("PageCount: %v", err)
	}
	if n != len(d.pageMarkers) {
		t.Errorf("PageCount = %d, want %d", n, len(d.pageMarkers))
	}
	checkOutline(t, "pdfcpu", readOutline(t, out), d.want)

	path := writeTemp(t, out)

	t.Run("qpdf", func(t *testing.T) {
		if _, err := exec.LookPath("qpdf"); err != nil {
			t.Skip("qpdf not installed")
		}
		if msg, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, msg)
		}
		// qpdf decodes the outline independently of pdfcpu.
		js, err := exec.Command("qpdf", "--json=2", "--json-key=outlines", path).Output()
		if err != nil {
			t.Fatalf("qpdf --json: %v", err)
		}
		checkOutline(t, "qpdf", qpdfOutline(t, js), d.want)
	})

	t.Run("pdfinfo", func(t *testing.T) {
		if _, err := exec.LookPath("pdfinfo"); err != nil {
			t.Skip("pdfinfo not installed")
		}
		info, err := exec.Command("pdfinfo", path).Output()
		if err != nil {
			t.Fatalf("pdfinfo: %v", err)
		}
		m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindSubmatch(info)
		if m == nil {
			t.Fatalf("pdfinfo: no page count in\n%s", info)
		}
		if got, _ := strconv.Atoi(string(m[1])); got != len(d.pageMarkers) {
			t.Errorf("pdfinfo pages = %d, want %d", got, len(d.pageMarkers))
		}
	})

	t.Run("pageorder", func(t *testing.T) {
		checkPageOrder(t, path, d.pageMarkers)
	})
}

// checkPageOrder extracts the text of every page with pdftotext and checks
// that page i carries marker i and no other.
func checkPageOrder(t *testing.T, path string, want []string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	txt, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(strings.TrimSuffix(string(txt), "\f"), "\f")
	if len(pages) != len(want) {
		t.Fatalf("pdftotext found %d pages, want %d", len(pages), len(want))
	}
	re := regexp.MustCompile(`MARKP\d+S\d+`)
	for i, p := range pages {
		got := re.FindAllString(p, -1)
		if len(got) != 1 || got[0] != want[i] {
			t.Errorf("page %d markers = %v, want [%s]", i+1, got, want[i])
		}
	}
}

// qpdfOutline converts the "outlines" key of qpdf's JSON v2 output.
func qpdfOutline(tb testing.TB, js []byte) []bm {
	tb.Helper()
	type item struct {
		Title string `json:"title"`
		Page  *int   `json:"destpageposfrom1"`
		Kids  []item `json:"kids"`
	}
	var doc struct {
		Outlines []item `json:"outlines"`
	}
	if err := json.Unmarshal(js, &doc); err != nil {
		tb.Fatalf("qpdf json: %v", err)
	}
	var conv func([]item) []bm
	conv = func(items []item) []bm {
		var out []bm
		for _, it := range items {
			b := bm{Title: it.Title, Kids: conv(it.Kids)}
			if it.Page != nil {
				b.Page = *it.Page
			}
			out = append(out, b)
		}
		return out
	}
	return conv(doc.Outlines)
}

// Two nominees with the same name must still get bookmarks to their own
// pages (pdfcpu keys named destinations by title).
func TestMergeDuplicateTitles(t *testing.T) {
	const name = "Báo cáo thành tích: Nguyễn Văn An"
	groups := []Group{
		{Parts: []Part{{Title: "Tờ trình", PDF: makePDF(t, true, markers(1, 1)...)}}},
		{Title: "Báo cáo thành tích", Parts: []Part{
			{Title: name, PDF: makePDF(t, true, markers(2, 2)...)},
			{Title: name, PDF: makePDF(t, true, markers(3, 1)...)},
			{Title: name, PDF: makePDF(t, true, markers(4, 1)...)},
		}},
		// Same title as the group.
		{Title: "Tờ trình", Parts: []Part{{Title: "x", PDF: makePDF(t, true, markers(5, 1)...)}}},
	}
	want := []bm{
		{Title: "Tờ trình", Page: 1},
		{Title: "Báo cáo thành tích", Page: 2, Kids: []bm{
			{Title: name, Page: 2},
			{Title: name, Page: 4},
			{Title: name, Page: 5},
		}},
		{Title: "Tờ trình", Page: 6},
	}
	out, err := Merge(groups)
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if err := Validate(out); err != nil {
		t.Errorf("Validate: %v", err)
	}
	checkOutline(t, "pdfcpu", readOutline(t, out), want)
	if _, err := exec.LookPath("qpdf"); err == nil {
		path := writeTemp(t, out)
		if msg, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, msg)
		}
		js, err := exec.Command("qpdf", "--json=2", "--json-key=outlines", path).Output()
		if err != nil {
			t.Fatalf("qpdf --json: %v", err)
		}
		checkOutline(t, "qpdf", qpdfOutline(t, js), want)
	}
}

// Merging an already merged dossier replaces its bookmarks.
func TestMergeMergedInput(t *testing.T) {
	d := newDossier(t)
	first, err := Merge(d.groups)
	if err != nil {
		t.Fatal(err)
	}
	out, err := Merge([]Group{{Title: "Hồ sơ", Parts: []Part{{Title: "Toàn bộ", PDF: first}}}})
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	if err := Validate(out); err != nil {
		t.Errorf("Validate: %v", err)
	}
	checkOutline(t, "pdfcpu", readOutline(t, out), []bm{{Title: "Hồ sơ", Page: 1}})
}

// Documents that use the non-embedded standard fonts (maroto's default
// Arial/Helvetica) merge fine and pass qpdf, but pdfcpu's strict validation
// rejects the result: pdfcpu always writes a PDF 1.7 header and its strict
// validator then requires FirstChar/LastChar/Widths/FontDescriptor even for
// the standard 14 fonts. The input alone (PDF 1.3) passes. This test records
// that behaviour; dossier documents embed a TrueType font and are not
// affected.
func TestMergeCoreFonts(t *testing.T) {
	in := makePDF(t, false, markers(1, 2)...)
	if err := Validate(in); err != nil {
		t.Fatalf("Validate(input): %v", err)
	}
	out, err := Merge([]Group{{Title: "Tờ trình", Parts: []Part{
		{Title: "a", PDF: in},
		{Title: "b", PDF: makePDF(t, false, markers(2, 1)...)},
	}}})
	if err != nil {
		t.Fatalf("Merge: %v", err)
	}
	want := []bm{{Title: "Tờ trình", Page: 1, Kids: []bm{{Title: "a", Page: 1}, {Title: "b", Page: 3}}}}
	checkOutline(t, "pdfcpu", readOutline(t, out), want)
	if err := Validate(out); err != nil {
		t.Logf("known pdfcpu limitation, strict Validate(merged core-font PDF): %v", err)
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		path := writeTemp(t, out)
		if msg, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, msg)
		}
		checkPageOrder(t, path, []string{"MARKP01S1", "MARKP01S2", "MARKP02S1"})
	}
}

func TestMergeErrors(t *testing.T) {
	good := makePDF(t, true, "MARKP01S1")
	cases := []struct {
		name   string
		groups []Group
		is     error
	}{
		{"nil", nil, ErrNoInput},
		{"no parts", []Group{{Title: "Tờ trình"}}, nil},
		{"empty pdf", []Group{{Parts: []Part{{Title: "Tờ trình"}}}}, nil},
		{"garbage", []Group{{Parts: []Part{{Title: "Tờ trình", PDF: []byte("not a pdf")}}}}, nil},
		{"truncated", []Group{{Parts: []Part{{Title: "Tờ trình", PDF: good[:len(good)/2]}}}}, nil},
		{"no title", []Group{{Parts: []Part{{Title: " \n", PDF: good}}}}, ErrEmptyTitle},
		{"no child title", []Group{{Title: "Báo cáo", Parts: []Part{{Title: "a", PDF: good}, {PDF: good}}}}, ErrEmptyTitle},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, err := Merge(c.groups)
			if err == nil {
				t.Fatalf("Merge succeeded (%d bytes), want error", len(out))
			}
			if !strings.HasPrefix(err.Error(), "không ghép được tệp PDF: ") {
				t.Errorf("error %q lacks the Vietnamese prefix", err)
			}
			if c.is != nil && !errors.Is(err, c.is) {
				t.Errorf("error %v is not %v", err, c.is)
			}
			t.Log(err)
		})
	}
	// A titled group with a single untitled part is fine.
	if _, err := Merge([]Group{{Title: "Tờ trình", Parts: []Part{{PDF: good}}}}); err != nil {
		t.Errorf("titled group with untitled single part: %v", err)
	}
}

func TestValidateAndPageCount(t *testing.T) {
	pdf := makePDF(t, true, markers(1, 3)...)
	if err := Validate(pdf); err != nil {
		t.Errorf("Validate(maroto): %v", err)
	}
	if n, err := PageCount(pdf); err != nil || n != 3 {
		t.Errorf("PageCount = %d, %v; want 3", n, err)
	}
	truncated := pdf[:len(pdf)-200] // pdfcpu alone repairs this silently
	for _, bad := range [][]byte{nil, []byte("%PDF-1.4\ngarbage"), []byte("hello"), truncated} {
		if err := Validate(bad); err == nil {
			t.Errorf("Validate(%d bytes of junk) = nil", len(bad))
		} else if !strings.HasPrefix(err.Error(), "tệp PDF không hợp lệ") {
			t.Errorf("Validate error %q not in Vietnamese", err)
		} else {
			t.Log(err)
		}
	}
	for _, bad := range [][]byte{nil, []byte("%PDF-1.4\ngarbage"), []byte("hello")} {
		if _, err := PageCount(bad); err == nil {
			t.Errorf("PageCount(%d bytes of junk) succeeded", len(bad))
		}
	}
}

func TestMergeConcurrent(t *testing.T) {
	d := newDossier(t)
	const workers, rounds = 4, 3
	var wg sync.WaitGroup
	results := make([][]byte, workers*rounds)
	errs := make([]error, workers*rounds)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for r := 0; r < rounds; r++ {
				i := w*rounds + r
				results[i], errs[i] = Merge(d.groups)
				if errs[i] == nil {
					errs[i] = Validate(results[i])
				}
				if errs[i] == nil {
					_, errs[i] = PageCount(results[i])
				}
			}
		}(w)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		checkOutline(t, fmt.Sprintf("run %d", i), readOutline(t, results[i]), d.want)
	}
}

// benchParts returns parts×pages fixtures.
func benchParts(b *testing.B, parts, pages int, embedFont bool) []Group {
	g := Group{Title: "Báo cáo thành tích"}
	for i := 0; i < parts; i++ {
		g.Parts = append(g.Parts, Part{
			Title: fmt.Sprintf("Báo cáo thành tích: Nguyễn Thị Thu Hà %d", i+1),
			PDF:   makePDF(b, embedFont, markers(i+1, pages)...),
		})
	}
	return []Group{g}
}

func BenchmarkMerge(b *testing.B) {
	for _, c := range []struct {
		parts, pages int
	}{
		{10, 3},  // 30 pages
		{16, 10}, // 160 pages
		{80, 2},  // 160 pages, many small documents
	} {
		for _, embed := range []bool{false, true} {
			font := "corefont"
			if embed {
				font = "ttf"
			}
			b.Run(fmt.Sprintf("%dx%dpages/%s", c.parts, c.pages, font), func(b *testing.B) {
				groups := benchParts(b, c.parts, c.pages, embed)
				in := 0
				for _, p := range groups[0].Parts {
					in += len(p.PDF)
				}
				b.ReportAllocs()
				b.ResetTimer()
				var out []byte
				for i := 0; i < b.N; i++ {
					var err error
					if out, err = Merge(groups); err != nil {
						b.Fatal(err)
					}
				}
				b.StopTimer()
				b.ReportMetric(float64(in)/1024, "inKiB")
				b.ReportMetric(float64(len(out))/1024, "outKiB")
			})
		}
	}
}
