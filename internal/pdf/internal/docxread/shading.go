package docxread

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// patternShare is the share, in thousandths, of the pattern colour that
// LibreOffice 7.4 mixes into the fill for each w:shd pattern (measured,
// WORD-FEATURES.md §10: pctNN is NN %, pct12/37/62/87 are 12.5 % steps,
// every stripe and cross a third).
func patternShare(val string) (int, bool) {
	switch val {
	case "clear", "":
		return 0, true
	case "solid":
		return 1000, true
	case "pct12":
		return 125, true
	case "pct37":
		return 375, true
	case "pct62":
		return 625, true
	case "pct87":
		return 875, true
	case "horzStripe", "vertStripe", "reverseDiagStripe", "diagStripe", "horzCross", "diagCross",
		"thinHorzStripe", "thinVertStripe", "thinReverseDiagStripe", "thinDiagStripe", "thinHorzCross", "thinDiagCross":
		return 333, true
	}
	if n, err := strconv.Atoi(strings.TrimPrefix(val, "pct")); err == nil && strings.HasPrefix(val, "pct") && n >= 0 && n <= 100 {
		return n * 10, true
	}
	return 0, false
}

// shading reads a w:shd as the one colour LibreOffice paints: the fill
// (white when auto) with the pattern colour (black when auto) mixed in by
// the pattern's share; "" when nothing is painted (nil, or a clear pattern
// over an auto fill). An unknown pattern paints the fill.
func shading(e *etree.Element) string {
	val := wval(e)
	if val == "nil" {
		return ""
	}
	fill := validHex(e.SelectAttrValue("w:fill", "auto"))
	share, _ := patternShare(val)
	if share == 0 {
		return fill
	}
	if fill == "" {
		fill = "FFFFFF"
	}
	pat := validHex(e.SelectAttrValue("w:color", "auto"))
	if pat == "" {
		pat = "000000"
	}
	var out strings.Builder
	for i := 0; i < 6; i += 2 {
		f, _ := strconv.ParseUint(fill[i:i+2], 16, 8)
		p, _ := strconv.ParseUint(pat[i:i+2], 16, 8)
		v := (int(f)*(1000-share) + int(p)*share) / 1000 // LibreOffice truncates
		fmt.Fprintf(&out, "%02X", v)
	}
	return out.String()
}

// drawnBorderStyles are the border styles the PDF draws as Word does:
// "thick" is a single line twice its size wide, as LibreOffice draws it.
var drawnBorderStyles = map[string]bool{"": true, "nil": true, "none": true, "single": true, "thick": true, "double": true}

// checkBorders warns about borders drawn otherwise than the DOCX says: a
// dotted, dashed, triple… line is stroked as a solid single one. where
// names the place; it is called only for a warning.
func (r *reader) checkBorders(where func() string, bs ...*docmodel.Border) {
	for _, b := range bs {
		if b != nil && b.Visible() && !drawnBorderStyles[b.Style] {
			r.warn(where(), fmt.Sprintf("viền kiểu «%s» được vẽ bằng nét liền đơn", b.Style))
		}
	}
}

// checkShading warns about a w:shd pattern the PDF does not know: it
// paints only the fill.
func (r *reader) checkShading(where func() string, shd *etree.Element) {
	if shd == nil {
		return
	}
	if _, ok := patternShare(wval(shd)); !ok && wval(shd) != "nil" {
		r.warn(where(), fmt.Sprintf("mẫu tô nền «%s» chưa được hỗ trợ: chỉ tô màu nền", wval(shd)))
	}
}

// at is a place that is already known, for checkBorders and checkShading.
func at(where string) func() string { return func() string { return where } }

// tableDrawing gives the cells with no shading of their own the table's
// (w:tblPr/w:shd) and warns about the table's and cells' borders the PDF
// draws otherwise.
func (r *reader) tableDrawing(t *docmodel.Table, tblPr *etree.Element) {
	fill := ""
	if tblPr != nil {
		if shd := tblPr.SelectElement("w:shd"); shd != nil {
			fill = shading(shd)
			r.checkShading(at(r.part), shd)
		}
	}
	b := t.Borders
	r.checkBorders(at(r.part+", bảng"), b.Top, b.Left, b.Bottom, b.Right, b.InsideH, b.InsideV)
	for _, row := range t.Rows {
		for _, c := range row.Cells {
			if c.Fill == "" {
				c.Fill = fill
			}
			b := c.Borders
			r.checkBorders(at(r.part+", ô bảng"), b.Top, b.Left, b.Bottom, b.Right, b.InsideH, b.InsideV)
		}
	}
}
