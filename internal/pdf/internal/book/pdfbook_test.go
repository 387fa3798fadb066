package book

import (
	"bytes"
	"fmt"
	goimage "image"
	"image/color"
	"image/png"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/image"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/text"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/props"
	"github.com/johnfercher/maroto/v2/pkg/repository"
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

// outlined extracts every page of src with the outline marks.
func outlined(t *testing.T, src []byte, marks []Bookmark) ([]byte, error) {
	t.Helper()
	b, err := New(src)
	if err != nil {
		t.Fatal(err)
	}
	return b.Extract(1, b.Pages(), Info{}, marks)
}

func TestOutlineReadsBack(t *testing.T) {
	src := makePDF(t, 7)
	out, err := outlined(t, src, marks)
	if err != nil {
		t.Fatal(err)
	}
	got, err := pdftest.Bookmarks(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []flat{{"Tờ trình", 1, 0}, {"Báo cáo thành tích", 3, 0}, {"Nguyễn Thị Thu Hà", 3, 1},
		{"Nguyễn Thị Thu Hà", 5, 1}, {"Trần Văn Đức (tập thể)", 6, 1}, {"Công văn", 7, 0}}
	if g := flatten(got, 0); fmt.Sprint(g) != fmt.Sprint(want) {
		t.Errorf("outline\n got %v\nwant %v", g, want)
	}
	if err := pdftest.Validate(out); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	if n, err := pdftest.PageCount(out); n != 7 || err != nil {
		t.Errorf("pages %d, %v", n, err)
	}
	if !bytes.Contains(out, []byte("/PageMode /UseOutlines")) {
		t.Errorf("the bookmark panel is not opened")
	}
	testtool.QPDFCheck(t, out)
}

func TestOutlineIsDeterministic(t *testing.T) {
	src := makePDF(t, 7)
	a, _ := outlined(t, src, marks)
	b, _ := outlined(t, src, marks)
	if !bytes.Equal(a, b) {
		t.Errorf("same input, different bytes")
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
	} {
		_, err := outlined(t, c.pdf, c.marks)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// sealPNG is a red ring on a transparent square.
func sealPNG(t *testing.T) []byte {
	t.Helper()
	img := goimage.NewNRGBA(goimage.Rect(0, 0, 60, 60))
	for y := range 60 {
		for x := range 60 {
			if d := (x-30)*(x-30) + (y-30)*(y-30); d > 500 && d < 800 {
				img.SetNRGBA(x, y, color.NRGBA{R: 200, A: 220})
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pagesWithPicture is a one-page PDF showing a PNG.
func pagesWithPicture(t *testing.T, pic []byte) []byte {
	t.Helper()
	m := maroto.New(config.NewBuilder().Build())
	m.AddPages(page.New().Add(image.NewFromBytesRow(40, pic, extension.Png)))
	doc, err := m.Generate()
	if err != nil {
		t.Fatal(err)
	}
	return doc.GetBytes()
}
