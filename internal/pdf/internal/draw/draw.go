// Package draw draws laid-out pages into a PDF with maroto, the PDF library
// hoso is built on. It is the only package of hoso that imports maroto or
// gofpdf (internal/pdf's TestOnlyDrawImportsMarotoAndGofpdf checks it).
//
// maroto is used as a canvas. Each page is one maroto row as tall as the
// page, holding one component (pageComponent) that places every piece of
// text at its baseline and strokes every rule, where the layout package
// put them. maroto's own text and rows cannot lay out a Word document: a
// text has one style (no bold word inside a paragraph), its line pitch is
// the font size (Word's single spacing is about 1.15 em in Liberation
// Serif), tabs, line breaks and repeated spaces are not handled, justified
// text has its last line stretched too, and a row taller than the page is
// cut off without an error. So the layout package breaks the lines and the
// pages, and this package only places what it decided:
//   - each text's cell is 10000 mm wide, so that maroto never breaks a
//     line the layout already broke;
//   - maroto puts a text's baseline one font size below its cell's top,
//     so the cell starts one size above the baseline (Y - size).
//
// It calls gofpdf directly for what maroto does not set: gofpdf's
// package-level modification date and catalog order (and creation date),
// which creationTime sets from SOURCE_DATE_EPOCH so that the same input
// gives the same bytes.
//
// Fonts are the faces of package fonts the pages use (Liberation Serif for
// the templates), embedded and subset, each parsed once per process by the
// patched gofpdf (internal/gofpdf); a run's character spacing and scale
// travel to gofpdf in the style string maroto passes through (textStyle);
// compression is on.
package draw

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoso-vn/hoso/fonts"
	"github.com/hoso-vn/hoso/internal/epoch"
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
	"github.com/johnfercher/go-tree/node"
	"github.com/johnfercher/maroto/v2"
	"github.com/johnfercher/maroto/v2/pkg/components/col"
	"github.com/johnfercher/maroto/v2/pkg/components/page"
	"github.com/johnfercher/maroto/v2/pkg/components/row"
	"github.com/johnfercher/maroto/v2/pkg/config"
	"github.com/johnfercher/maroto/v2/pkg/consts/align"
	"github.com/johnfercher/maroto/v2/pkg/consts/extension"
	"github.com/johnfercher/maroto/v2/pkg/consts/fontstyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/linestyle"
	"github.com/johnfercher/maroto/v2/pkg/consts/orientation"
	"github.com/johnfercher/maroto/v2/pkg/core"
	"github.com/johnfercher/maroto/v2/pkg/core/entity"
	"github.com/johnfercher/maroto/v2/pkg/props"
	fpdf "github.com/phpdave11/gofpdf"
)

// Family is the font family name of Liberation Serif in the PDF, maroto's
// default font.
var Family = fonts.Serif.PDFName()

// Producer names the software that wrote the PDF.
const Producer = "hoso (maroto, gofpdf)"

// Meta is the PDF's document information.
type Meta struct {
	Title, Author, Subject, Creator string
}

var (
	fontOnce [layout.NumFaces]sync.Once
	fontList [layout.NumFaces]*entity.CustomFont
	fontErr  [layout.NumFaces]error
)

var faceStyles = [fonts.NumStyles]fontstyle.Type{fonts.StyleRegular: fontstyle.Normal, fonts.StyleItalic: fontstyle.Italic,
	fonts.StyleBold: fontstyle.Bold, fonts.StyleBoldItalic: fontstyle.BoldItalic}

// faceFont is a face as maroto registers it, made once per process.
func faceFont(f layout.Face) (*entity.CustomFont, error) {
	fontOnce[f].Do(func() {
		data, err := fonts.Data(f.Family(), f.Style())
		if err != nil {
			fontErr[f] = err
			return
		}
		fontList[f] = &entity.CustomFont{Family: f.Family().PDFName(), Style: faceStyles[f.Style()], Bytes: data}
	})
	return fontList[f], fontErr[f]
}

// FaceOf is the face a PDF drawn here calls baseFont (a font's /BaseFont:
// gofpdf names the subset of a face "utf8", its family in lower case and
// its style: "utf8liberationserifB").
func FaceOf(baseFont string) (layout.Face, bool) {
	for f := range layout.NumFaces {
		if baseFont == "utf8"+strings.ToLower(f.Family().PDFName())+string(faceStyles[f.Style()]) {
			return f, true
		}
	}
	return 0, false
}

// customFonts returns the faces the pages use: each face registered costs
// a subset in every PDF, so unused ones are left out.
func customFonts(pages []*layout.Page) ([]*entity.CustomFont, error) {
	used := [layout.NumFaces]bool{layout.Regular: true} // maroto's default font
	for _, p := range pages {
		for _, t := range p.Texts {
			used[t.Face] = true
		}
	}
	// The bytes are shared by every PDF: the patched gofpdf (internal/gofpdf)
	// only reads them and parses each face once per process.
	var out []*entity.CustomFont
	for f, u := range used {
		if u {
			cf, err := faceFont(layout.Face(f))
			if err != nil {
				return nil, err
			}
			out = append(out, cf)
		}
	}
	return out, nil
}

// creationTime is SOURCE_DATE_EPOCH when set (reproducible output), else
// now. gofpdf keeps its default dates in package variables: they are set
// once per process.
func creationTime() time.Time {
	t, ok := epoch.Time()
	if !ok {
		return time.Now()
	}
	reproducible.Do(func() {
		fpdf.SetDefaultModificationDate(t)
		fpdf.SetDefaultCreationDate(t)
		fpdf.SetDefaultCatalogSort(true)
	})
	return t
}

var reproducible sync.Once

var warm sync.Once

// Warm parses the four faces of Liberation Serif, once per process, so that the first real
// document does not wait for it: a command calls it on a goroutine at
// start-up, while the other stages keep the rest of the machine busy.
// (Creating a maroto document registers the fonts; nothing is drawn.)
func Warm() {
	warm.Do(func() {
		var all []*entity.CustomFont
		for f := layout.Regular; f <= layout.BoldItalic; f++ {
			cf, err := faceFont(f)
			if err != nil {
				return
			}
			all = append(all, cf)
		}
		maroto.New(config.NewBuilder().WithCustomFonts(all).Build())
	})
}

const mmPerPt = 25.4 / 72

// Draw renders pages, all of one size, into PDF bytes.
func Draw(pages []*layout.Page, meta Meta) ([]byte, error) {
	if len(pages) == 0 {
		return nil, fmt.Errorf("không có trang nào để vẽ")
	}
	cf, err := customFonts(pages)
	if err != nil {
		return nil, err
	}
	for i, p := range pages {
		if p.W != pages[0].W || p.H != pages[0].H {
			return nil, fmt.Errorf("trang %d khác khổ trang 1 (%.0f×%.0f pt, %.0f×%.0f pt): mỗi tệp PDF vẽ một khổ", i+1, p.W, p.H, pages[0].W, pages[0].H)
		}
	}
	w, h := pages[0].W*mmPerPt, pages[0].H*mmPerPt
	b := config.NewBuilder().
		WithDimensions(w, h).
		WithLeftMargin(0).WithTopMargin(0).WithRightMargin(0).WithBottomMargin(0).
		WithSequentialMode().
		WithCompression(true).
		WithCustomFonts(cf).
		WithDefaultFont(&props.Font{Family: Family, Style: fontstyle.Normal, Size: 12}).
		WithCreationDate(creationTime())
	if meta.Title != "" {
		b = b.WithTitle(meta.Title, true)
	}
	if meta.Author != "" {
		b = b.WithAuthor(meta.Author, true)
	}
	if meta.Subject != "" {
		b = b.WithSubject(meta.Subject, true)
	}
	if meta.Creator != "" {
		b = b.WithCreator(meta.Creator, true)
	}
	m := maroto.New(b.Build())
	for _, p := range pages {
		m.AddPages(page.New().Add(row.New(p.H * mmPerPt).Add(col.New(12).Add(&pageComponent{p: p}))))
	}
	doc, err := m.Generate()
	if err != nil {
		return nil, err
	}
	return doc.GetBytes(), nil
}

// pageComponent draws one laid-out page.
type pageComponent struct {
	p *layout.Page
}

// Render places every fill, image, text and rule at its position (maroto
// measures from the cell's top-left corner; the cell is the whole page).
func (c *pageComponent) Render(provider core.Provider, cell *entity.Cell) {
	for _, f := range c.p.Fills {
		// A horizontal stroke as thick as the rectangle is tall paints it
		// exactly (PDF's default butt caps): maroto draws no rectangles.
		provider.AddLine(&entity.Cell{X: cell.X + f.X*mmPerPt, Y: cell.Y + (f.Y+f.H/2)*mmPerPt, Width: f.W * mmPerPt},
			&props.Line{Thickness: f.H * mmPerPt, SizePercent: 100, Style: linestyle.Solid, Orientation: orientation.Horizontal, Color: color(f.Color)})
	}
	for _, im := range c.p.Images {
		provider.AddImageFromBytes(im.Data, &entity.Cell{X: cell.X + im.X*mmPerPt, Y: cell.Y + im.Y*mmPerPt, Width: im.W * mmPerPt, Height: im.H * mmPerPt},
			&props.Rect{Percent: 100}, extension.Type(im.Format))
	}
	for _, t := range c.p.Texts {
		sizeMM := t.Size * mmPerPt
		provider.AddText(t.Text, &entity.Cell{X: cell.X + t.X*mmPerPt, Y: cell.Y + t.Y*mmPerPt - sizeMM, Width: 10000, Height: 10000},
			&props.Text{Family: t.Face.Family().PDFName(), Style: textStyle(t), Size: t.Size, Align: align.Left, Color: color(t.Color)})
	}
	for _, r := range c.p.Rules {
		lp := &props.Line{Thickness: r.Width * mmPerPt, SizePercent: 100, Style: linestyle.Solid, Color: color(r.Color)}
		if r.X1 == r.X2 {
			lp.Orientation = orientation.Vertical
			provider.AddLine(&entity.Cell{X: cell.X + r.X1*mmPerPt, Y: cell.Y + r.Y1*mmPerPt, Height: (r.Y2 - r.Y1) * mmPerPt}, lp)
			continue
		}
		lp.Orientation = orientation.Horizontal
		provider.AddLine(&entity.Cell{X: cell.X + r.X1*mmPerPt, Y: cell.Y + r.Y1*mmPerPt, Width: (r.X2 - r.X1) * mmPerPt}, lp)
	}
}

// textStyle is the style maroto passes to the patched gofpdf for a text: its
// face's, with the character spacing and horizontal scale after "|" when
// it has them (internal/gofpdf PATCHES.md, 21). PDF scales the spacing
// with the text; w:spacing is not scaled, hence the division.
func textStyle(t layout.Text) fontstyle.Type {
	style := faceStyles[t.Face.Style()]
	scale := t.Scale
	if scale == 0 {
		scale = 1
	}
	if t.Spacing == 0 && scale == 1 {
		return style
	}
	return style + fontstyle.Type("|"+strconv.FormatFloat(t.Spacing/scale, 'f', 4, 64)+"|"+strconv.FormatFloat(scale*100, 'f', 2, 64))
}

// black is the colour of almost everything drawn: shared, never changed.
var black = &props.Color{}

// color is a layout colour as maroto takes it.
func color(c layout.Color) *props.Color {
	if c == (layout.Color{}) {
		return black
	}
	return &props.Color{Red: int(c.R), Green: int(c.G), Blue: int(c.B)}
}

// GetHeight is the page's height: the row holds exactly one page.
func (c *pageComponent) GetHeight(core.Provider, *entity.Cell) float64 { return c.p.H * mmPerPt }

// SetConfig is part of maroto's component interface; nothing to configure.
func (c *pageComponent) SetConfig(*entity.Config) {}

// GetStructure describes the component for maroto's debug tree.
func (c *pageComponent) GetStructure() *node.Node[core.Structure] {
	return node.New(core.Structure{Type: "hoso-page", Details: map[string]interface{}{"texts": len(c.p.Texts), "rules": len(c.p.Rules)}})
}
