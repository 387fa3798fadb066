package docxread

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The colours LibreOffice 7.4 paints for w:shd patterns (WORD-FEATURES.md
// §10, m10b_para_borders.py): the fill with the pattern colour mixed in by
// the pattern's share, truncated.
func TestShadingIsTheColourLibreOfficePaints(t *testing.T) {
	cases := []struct{ val, color, fill, want string }{
		{"clear", "auto", "D9D9D9", "D9D9D9"},
		{"clear", "auto", "auto", ""},
		{"nil", "auto", "D9D9D9", ""},
		{"pct25", "auto", "FFFFFF", "BFBFBF"},   // measured 0.749
		{"pct50", "FF0000", "0000FF", "7F007F"}, // measured (0.498, 0, 0.498)
		{"solid", "00FF00", "auto", "00FF00"},
		{"horzStripe", "000000", "FFFF00", "AAAA00"}, // measured (0.667, 0.667, 0)
		{"pct12", "000000", "FFFFFF", "DFDFDF"},      // 12.5 %
		{"pct95", "000000", "FFFFFF", "0C0C0C"},      // measured 95.3 %
		{"clear", "auto", "1f3864", "1F3864"},
	}
	for _, c := range cases {
		shd := `<w:shd w:val="` + c.val + `" w:color="` + c.color + `" w:fill="` + c.fill + `"/>`
		d, _ := readBody(t, `<w:p><w:pPr>`+shd+`</w:pPr><w:r><w:t>x</w:t></w:r></w:p>`+
			`<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr>`+shd+`</w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
		blocks := d.Sections[0].Blocks
		if got := blocks[0].(*docmodel.Paragraph).Props.Fill; got != c.want {
			t.Errorf("paragraph %s: fill %q, want %q", shd, got, c.want)
		}
		if got := blocks[1].(*docmodel.Table).Rows[0].Cells[0].Fill; got != c.want {
			t.Errorf("cell %s: fill %q, want %q", shd, got, c.want)
		}
	}
}

func TestTableShadingIsTheCellsDefault(t *testing.T) {
	d, _ := readBody(t, `<w:tbl><w:tblPr><w:shd w:val="clear" w:color="auto" w:fill="E2EFDA"/></w:tblPr>`+
		`<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid><w:tr>`+
		`<w:tc><w:p/></w:tc><w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="FFFF00"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
	cells := d.Sections[0].Blocks[0].(*docmodel.Table).Rows[0].Cells
	if cells[0].Fill != "E2EFDA" || cells[1].Fill != "FFFF00" {
		t.Errorf("fills %q, %q; want the table's, then the cell's own", cells[0].Fill, cells[1].Fill)
	}
}

func TestBordersCarryTheirColourAndEverySide(t *testing.T) {
	d, warnings := readBody(t, `<w:p><w:pPr><w:pBdr>`+
		`<w:top w:val="single" w:sz="4" w:space="1" w:color="auto"/>`+
		`<w:left w:val="single" w:sz="24" w:space="8" w:color="808080"/>`+
		`<w:right w:val="double" w:sz="8" w:space="4" w:color="ff0000"/>`+
		`<w:between w:val="single" w:sz="4" w:space="1" w:color="zzzzzz"/>`+
		`</w:pBdr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>`+
		`<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single" w:sz="4" w:color="FF0000"/></w:tblBorders></w:tblPr>`+
		`<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcBorders>`+
		`<w:top w:val="nil"/><w:bottom w:val="single" w:sz="12" w:color="1F3864"/></w:tcBorders></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
	pp := d.Sections[0].Blocks[0].(*docmodel.Paragraph).Props
	for _, c := range []struct {
		name string
		b    *docmodel.Border
		want docmodel.Border
	}{
		{"top", pp.BorderTop, docmodel.Border{Style: "single", Size: 4, Space: 1}},
		{"left", pp.BorderLeft, docmodel.Border{Style: "single", Size: 24, Space: 8, Color: "808080"}},
		{"right", pp.BorderRight, docmodel.Border{Style: "double", Size: 8, Space: 4, Color: "FF0000"}},
		{"between", pp.BorderBetween, docmodel.Border{Style: "single", Size: 4, Space: 1}}, // a bad colour is auto
	} {
		if c.b == nil || *c.b != c.want {
			t.Errorf("paragraph %s border %+v, want %+v", c.name, c.b, c.want)
		}
	}
	tbl := d.Sections[0].Blocks[1].(*docmodel.Table)
	if b := tbl.Borders.InsideH; b == nil || b.Color != "FF0000" {
		t.Errorf("insideH %+v, want red", b)
	}
	cb := tbl.Rows[0].Cells[0].Borders
	if cb.Top == nil || cb.Top.Style != "nil" || cb.Bottom == nil || cb.Bottom.Color != "1F3864" {
		t.Errorf("cell borders top %+v bottom %+v", cb.Top, cb.Bottom)
	}
	for _, w := range warnings {
		if strings.Contains(w, "viền") {
			t.Errorf("single and double borders are drawn, yet warned: %s", w)
		}
	}
}

// Border styles the PDF strokes as a solid single line are named, with the
// paragraph or the part they are in.
func TestBorderStylesDrawnOtherwiseAreWarned(t *testing.T) {
	_, warnings := readBody(t, `<w:p><w:pPr><w:pBdr><w:bottom w:val="dotted" w:sz="4" w:space="1" w:color="auto"/></w:pBdr></w:pPr>`+
		`<w:r><w:t>Chấm chấm</w:t></w:r></w:p>`+
		`<w:tbl><w:tblPr><w:tblBorders><w:top w:val="thinThickSmallGap" w:sz="12"/></w:tblBorders></w:tblPr>`+
		`<w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:shd w:val="weird" w:fill="FFFF00"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
	all := strings.Join(warnings, "\n")
	for _, want := range []string{"«Chấm chấm»: viền kiểu «dotted» được vẽ bằng nét liền đơn",
		"bảng: viền kiểu «thinThickSmallGap»", "mẫu tô nền «weird»"} {
		if !strings.Contains(all, want) {
			t.Errorf("no warning containing %q in:\n%s", want, all)
		}
	}
}

// A continued cell of a vertical merge is not drawn (LibreOffice does not
// draw it either: m03c, vcont): its text is named in a warning.
func TestTextOfAContinuedMergedCellIsWarned(t *testing.T) {
	_, warnings := readBody(t, `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>`+
		`<w:tr><w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>ĐẦU</w:t></w:r></w:p></w:tc></w:tr>`+
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p><w:r><w:t>TIẾP</w:t></w:r></w:p></w:tc></w:tr>`+
		`<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>`)
	if len(warnings) != 1 || !strings.Contains(warnings[0], "«TIẾP» trong ô tiếp nối của ô gộp dọc") {
		t.Errorf("warnings %q, want one naming «TIẾP»", warnings)
	}
}
