package pdfbook

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/text/unicode/norm"
)

// makePDF builds an n-page PDF with an embedded font, like the dossier's.
func makePDF(t *testing.T, n int) []byte { return makePages(t, 1, n, 0) }

// makePages builds an n-page A4 PDF whose pages say PAGE<first>,
// PAGE<first+1>…; a width other than 0 (mm) changes the page size.
func makePages(t *testing.T, first, n int, width float64) []byte {
	t.Helper()
	fonts, err := repository.New().AddUTF8FontFromBytes("goregular", fontstyle.Normal, goregular.TTF).Load()
	if err != nil {
		t.Fatal(err)
	}
	b := config.NewBuilder().WithCustomFonts(fonts).WithDefaultFont(&props.Font{Family: "goregular", Size: 12})
	if width != 0 {
		b = b.WithDimensions(width, 297)
	}
	m := maroto.New(b.Build())
	for i := first; i < first+n; i++ {
		m.AddPages(page.New().Add(text.NewRow(10, fmt.Sprintf("PAGE%02d Cộng hòa xã hội chủ nghĩa Việt Nam", i))))
	}
	doc, err := m.Generate()
	if err != nil {
		t.Fatal(err)
	}
	return doc.GetBytes()
}

type flat struct {
	title string
	page  int
	depth int
}

func flatten(in []pdfcpu.Bookmark, depth int) []flat {
	var out []flat
	for _, b := range in {
		out = append(out, flat{b.Title, b.PageFrom, depth})
		out = append(out, flatten(b.Kids, depth+1)...)
	}
	return out
}

var marks = []Bookmark{
	{Title: "Tờ trình", Page: 1},
	{Title: "Báo cáo thành tích", Page: 3, Kids: []Bookmark{
		{Title: "Nguyễn Thị Thu Hà", Page: 3},
		{Title: norm.NFD.String("Nguyễn Thị Thu Hà"), Page: 5}, // same name, another nominee
		{Title: "Trần Văn Đức\n(tập thể)", Page: 6},
	}},
	{Title: "Công văn", Page: 7},
}

func TestOutlineReadsBack(t *testing.T) {
	src := makePDF(t, 7)
	out, err := Outline(src, marks)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, src) {
		t.Errorf("the drawn bytes were changed; the outline must be an appended update")
	}
	got, err := api.Bookmarks(bytes.NewReader(out), newConfig())
	if err != nil {
		t.Fatal(err)
	}
	want := []flat{{"Tờ trình", 1, 0}, {"Báo cáo thành tích", 3, 0}, {"Nguyễn Thị Thu Hà", 3, 1},
		{"Nguyễn Thị Thu Hà", 5, 1}, {"Trần Văn Đức (tập thể)", 6, 1}, {"Công văn", 7, 0}}
	if g := flatten(got, 0); fmt.Sprint(g) != fmt.Sprint(want) {
		t.Errorf("outline\n got %v\nwant %v", g, want)
	}
	if err := Validate(out); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	if n, err := PageCount(out); n != 7 || err != nil {
		t.Errorf("pages %d, %v", n, err)
	}
	if !bytes.Contains(out, []byte("/PageMode /UseOutlines")) {
		t.Errorf("the bookmark panel is not opened")
	}
	testtool.QPDFCheck(t, out)
}

func TestOutlineIsDeterministicAndRepeatable(t *testing.T) {
	src := makePDF(t, 7)
	a, _ := Outline(src, marks)
	b, _ := Outline(src, marks)
	if !bytes.Equal(a, b) {
		t.Errorf("same input, different bytes")
	}
	// A second outline replaces the first.
	c, err := Outline(a, []Bookmark{{Title: "Một", Page: 2}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := api.Bookmarks(bytes.NewReader(c), newConfig())
	if err != nil || len(got) != 1 || got[0].Title != "Một" || got[0].PageFrom != 2 {
		t.Errorf("second outline: %v %v", got, err)
	}
	if err := Validate(c); err != nil {
		t.Errorf("strict validation after two updates: %v", err)
	}
}

func TestOutlineErrors(t *testing.T) {
	src := makePDF(t, 2)
	for _, c := range []struct {
		name  string
		pdf   []byte
		marks []Bookmark
		want  string
	}{
		{"page out of range", src, []Bookmark{{Title: "x", Page: 3}}, "trỏ tới trang 3, tệp có 2 trang"},
		{"empty title", src, []Bookmark{{Title: " \n", Page: 1}}, "không tên"},
		{"no marks", src, nil, "không có mục nào"},
		{"not a PDF", []byte("hello"), []Bookmark{{Title: "x", Page: 1}}, "không tìm thấy trailer"},
	} {
		_, err := Outline(c.pdf, c.marks)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

func TestValidateRefusesDamage(t *testing.T) {
	src := makePDF(t, 1)
	if err := Validate(src); err != nil {
		t.Fatalf("a good file: %v", err)
	}
	for name, bad := range map[string][]byte{
		"empty":     nil,
		"truncated": src[:len(src)-200],
		"no header": append([]byte("junk"), src[1200:]...),
	} {
		if err := Validate(bad); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}
