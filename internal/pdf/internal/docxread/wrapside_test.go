package docxread

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

func TestWrapSidesAreRead(t *testing.T) {
	for _, c := range []struct {
		dml, vml string
		want     docmodel.WrapSide
	}{
		{`<wp:wrapSquare wrapText="bothSides"/>`, `<w10:wrap type="square"/>`, docmodel.SideBoth},
		{`<wp:wrapSquare wrapText="right"/>`, `<w10:wrap type="square" side="right"/>`, docmodel.SideRight},
		{`<wp:wrapTight wrapText="left"/>`, `<w10:wrap type="tight" side="left"/>`, docmodel.SideLeft},
		{`<wp:wrapSquare wrapText="largest"/>`, `<w10:wrap type="square" side="largest"/>`, docmodel.SideLargest},
	} {
		dml := strings.Replace(dmlLine, "<wp:wrapNone/>", c.dml, 1)
		vml := `<w:r><w:pict><v:line style="position:absolute;mso-position-horizontal-relative:text;mso-position-vertical-relative:text" from="37.2pt,16.5pt" to="129.7pt,16.5pt" strokecolor="#000000" strokeweight="0.5pt">` +
			c.vml + `</v:line></w:pict></w:r>`
		for name, run := range map[string]string{"DrawingML": dml, "VML": vml} {
			doc, _ := readBody(t, `<w:p><w:r><w:t>Chữ</w:t></w:r>`+run+`</w:p>`)
			a := paragraphs(doc)[0].Anchors[0]
			if a.Wrap != docmodel.WrapSquare || a.Side != c.want {
				t.Errorf("%s %s: wrap %d side %d, want square side %d", name, c.dml, a.Wrap, a.Side, c.want)
			}
			// LibreOffice keeps a DrawingML shape aligned right distR clear
			// of the margin (a07); VML is not measured.
			if a.KeepDistR != (name == "DrawingML") {
				t.Errorf("%s: KeepDistR %v", name, a.KeepDistR)
			}
		}
	}
}
