package docxread

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// table reads a table. Table-style borders and margins apply only when the
// table names its style (LibreOffice ignores an unreferenced default style).
func (r *reader) table(t *etree.Element) *docmodel.Table {
	out := &docmodel.Table{Compat15: r.compat15, Margins: docmodel.CellMargins{Left: 108, Right: 108}}
	tblPr := t.SelectElement("w:tblPr")
	styleID := ""
	if tblPr != nil {
		if st := tblPr.SelectElement("w:tblStyle"); st != nil {
			styleID = wval(st)
		}
	}
	for _, d := range r.styles.chain(styleID) {
		applyTblPr(out, d.TblPr)
	}
	applyTblPr(out, tblPr)
	if g := t.SelectElement("w:tblGrid"); g != nil {
		for _, c := range g.SelectElements("w:gridCol") {
			w, _ := twips(c, "w:w")
			out.Grid = append(out.Grid, w)
		}
	}
	for _, tr := range t.SelectElements("w:tr") {
		out.Rows = append(out.Rows, r.row(tr, styleID))
	}
	r.tableDrawing(out, tblPr)
	// A grid shorter than the rows' spans: widen with what the cells say.
	cols := 0
	for _, row := range out.Rows {
		n := 0
		for _, c := range row.Cells {
			n += c.Span
		}
		cols = max(cols, n)
	}
	for len(out.Grid) < cols {
		out.Grid = append(out.Grid, 0)
		r.warn(r.part, "bảng thiếu cột trong w:tblGrid; độ rộng cột được ước lượng")
	}
	return out
}

func applyTblPr(t *docmodel.Table, tblPr *etree.Element) {
	if tblPr == nil {
		return
	}
	for c := range tblPr.ChildElementsSeq() {
		switch c.Tag {
		case "tblW":
			switch c.SelectAttrValue("w:type", "dxa") {
			case "dxa":
				t.Width, _ = twips(c, "w:w")
			case "pct":
				v := c.SelectAttrValue("w:w", "0")
				if strings.HasSuffix(v, "%") {
					t.WidthPct = atoi(strings.TrimSuffix(v, "%")) * 50
				} else {
					t.WidthPct = atoi(v)
				}
			}
		case "tblInd":
			t.Indent, _ = twips(c, "w:w")
		case "jc":
			switch wval(c) {
			case "center":
				t.Align = docmodel.AlignCenter
			case "right", "end":
				t.Align = docmodel.AlignRight
			default:
				t.Align = docmodel.AlignLeft
			}
		case "tblBorders":
			readBorders(&t.Borders, c)
		case "tblCellMar":
			readMargins(&t.Margins, c)
		}
	}
}

func readBorders(b *docmodel.Borders, e *etree.Element) {
	for c := range e.ChildElementsSeq() {
		bd := border(c)
		switch c.Tag {
		case "top":
			b.Top = bd
		case "left", "start":
			b.Left = bd
		case "bottom":
			b.Bottom = bd
		case "right", "end":
			b.Right = bd
		case "insideH":
			b.InsideH = bd
		case "insideV":
			b.InsideV = bd
		}
	}
}

func readMargins(m *docmodel.CellMargins, e *etree.Element) {
	for c := range e.ChildElementsSeq() {
		v, ok := twips(c, "w:w")
		if !ok {
			continue
		}
		switch c.Tag {
		case "top":
			m.Top = v
		case "left", "start":
			m.Left = v
		case "bottom":
			m.Bottom = v
		case "right", "end":
			m.Right = v
		}
	}
}

func (r *reader) row(tr *etree.Element, tblStyle string) *docmodel.Row {
	row := &docmodel.Row{}
	if trPr := tr.SelectElement("w:trPr"); trPr != nil {
		if h := trPr.SelectElement("w:trHeight"); h != nil {
			row.Height, _ = twips(h, "w:val")
			switch h.SelectAttrValue("w:hRule", "atLeast") {
			case "exact":
				row.HeightRule = docmodel.HeightExact
			case "auto":
				row.HeightRule = docmodel.HeightAuto
			default:
				row.HeightRule = docmodel.HeightAtLeast
			}
		}
		row.Header = onOff(trPr.SelectElement("w:tblHeader"))
		row.CantSplit = onOff(trPr.SelectElement("w:cantSplit"))
		if gb := trPr.SelectElement("w:gridBefore"); gb != nil {
			r.warn(r.part, "hàng bảng có ô trống đầu hàng (gridBefore) chưa được hỗ trợ")
		}
	}
	for tc := range tr.ChildElementsSeq() {
		switch tc.Tag {
		case "tc":
			row.Cells = append(row.Cells, r.cell(tc, tblStyle))
		case "sdt", "customXml":
			for _, inner := range tc.FindElements(".//w:tc") {
				row.Cells = append(row.Cells, r.cell(inner, tblStyle))
			}
		}
	}
	return row
}

func (r *reader) cell(tc *etree.Element, tblStyle string) *docmodel.Cell {
	c := &docmodel.Cell{Span: 1, VAlign: "top"}
	if tcPr := tc.SelectElement("w:tcPr"); tcPr != nil {
		if gs := tcPr.SelectElement("w:gridSpan"); gs != nil {
			c.Span = max(1, atoi(wval(gs)))
		}
		if vm := tcPr.SelectElement("w:vMerge"); vm != nil {
			if wval(vm) == "restart" {
				c.VMerge = docmodel.VMergeRestart
			} else {
				c.VMerge = docmodel.VMergeContinue
			}
		}
		if b := tcPr.SelectElement("w:tcBorders"); b != nil {
			readBorders(&c.Borders, b)
		}
		if shd := tcPr.SelectElement("w:shd"); shd != nil {
			c.Fill = shading(shd)
			r.checkShading(at(r.part), shd)
		}
		if m := tcPr.SelectElement("w:tcMar"); m != nil {
			c.Margins = &docmodel.CellMargins{Top: -1, Left: -1, Bottom: -1, Right: -1}
			readMargins(c.Margins, m)
		}
		if va := tcPr.SelectElement("w:vAlign"); va != nil {
			c.VAlign = wval(va)
		}
		if tcPr.SelectElement("w:textDirection") != nil && wval(tcPr.SelectElement("w:textDirection")) != "lrTb" {
			r.warn(r.part, "ô bảng xoay hướng chữ chưa được hỗ trợ: dàn theo chiều ngang")
		}
	}
	for k := range tc.ChildElementsSeq() {
		if k.Tag == "tcPr" {
			continue
		}
		c.Blocks = append(c.Blocks, r.block(k, tblStyle)...)
	}
	if c.VMerge == docmodel.VMergeContinue {
		if text := strings.TrimSpace(plainText(tc)); text != "" {
			r.warn(r.part, fmt.Sprintf("chữ «%s» trong ô tiếp nối của ô gộp dọc (vMerge) không được in (Word và LibreOffice cũng không in)", clip(text)))
		}
	}
	return c
}
