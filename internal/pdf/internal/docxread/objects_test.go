package docxread

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Namespaces of the drawing markup the test documents use.
const drawNS = ` xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml"` +
	` xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w10="urn:schemas-microsoft-com:office:word"` +
	` xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"` +
	` xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"` +
	` xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"` +
	` xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"`

// readBody reads a document whose body is body, with more parts (media,
// their relationships) added.
func readBody(t *testing.T, body string, more ...ooxmltest.Part) (*docmodel.Document, []string) {
	t.Helper()
	parts := ooxmltest.Minimal(body)
	parts[3].Data = strings.Replace(parts[3].Data, "<w:document ", "<w:document"+drawNS+" ", 1)
	file := ooxmltest.Zip(t, ooxmltest.Declared(ooxmltest.With(parts, more...)))
	p, err := ooxml.OpenParts(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, warnings, err := Read(p)
	if err != nil {
		t.Fatal(err)
	}
	return doc, warnings
}

func paragraphs(doc *docmodel.Document) []*docmodel.Paragraph {
	var out []*docmodel.Paragraph
	for _, s := range doc.Sections {
		for _, b := range s.Blocks {
			if p, ok := b.(*docmodel.Paragraph); ok {
				out = append(out, p)
			}
		}
	}
	return out
}

// dmlLine is fixture 04's rule under the agency name: a DrawingML line in
// mc:AlternateContent with its VML fallback.
const dmlLine = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
	`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>472440</wp:posOffset></wp:positionH>` +
	`<wp:positionV relativeFrom="paragraph"><wp:posOffset>209550</wp:posOffset></wp:positionV><wp:extent cx="1174750" cy="0"/><wp:wrapNone/><wp:docPr id="2" name="Line"/>` +
	`<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1174750" cy="0"/></a:xfrm>` +
	`<a:prstGeom prst="line"><a:avLst/></a:prstGeom><a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
	`<mc:Fallback><w:pict><v:line style="position:absolute;mso-position-horizontal-relative:text;mso-position-vertical-relative:text" from="37.2pt,16.5pt" to="129.7pt,16.5pt" strokecolor="#000000" strokeweight="0.5pt"/></w:pict></mc:Fallback></mc:AlternateContent></w:r>`

func TestLineShapesAreReadOnceFromDrawingMLOrVML(t *testing.T) {
	vml := `<w:r><w:pict><v:line style="position:absolute;mso-position-horizontal-relative:text;mso-position-vertical-relative:text" from="37.2pt,16.5pt" to="129.7pt,16.5pt" strokecolor="#000000" strokeweight="0.5pt"/></w:pict></w:r>`
	for name, run := range map[string]string{"DrawingML": dmlLine, "VML": vml} {
		doc, warnings := readBody(t, `<w:p><w:r><w:t>PHƯỜNG TÂN SƠN HÒA</w:t></w:r>`+run+`</w:p>`)
		p := paragraphs(doc)[0]
		if len(warnings) != 0 || len(p.Anchors) != 1 {
			t.Fatalf("%s: %d anchors, warnings %q; want the line once", name, len(p.Anchors), warnings)
		}
		a := p.Anchors[0]
		if a.Kind != docmodel.ShapeLine || a.W != 1850 || a.H != 0 || a.Stroke != 10 || a.StrokeColor != (docmodel.Color{}) ||
			a.PosH != (docmodel.Pos{Rel: docmodel.RelColumn, Offset: 744}) || a.PosV != (docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 330}) ||
			a.Wrap != docmodel.WrapNone || a.At != len([]rune("PHƯỜNG TÂN SƠN HÒA")) {
			t.Errorf("%s: %+v", name, a)
		}
	}
}

func TestTextBoxesHoldTheirParagraphs(t *testing.T) {
	dml := `<w:p><w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
		`<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="margin"><wp:align>right</wp:align></wp:positionH><wp:positionV relativeFrom="page"><wp:posOffset>144145</wp:posOffset></wp:positionV>` +
		`<wp:extent cx="1206500" cy="355600"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Box"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
		`<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:prstGeom prst="rect"/><a:noFill/><a:ln w="19050"><a:solidFill><a:srgbClr val="C00000"/></a:solidFill></a:ln></wps:spPr>` +
		`<wps:txbx><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr lIns="0" anchor="ctr"><a:spAutoFit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>`
	vml := `<w:p><w:r><w:pict><v:rect style="position:absolute;margin-left:358.55pt;margin-top:11.35pt;width:95pt;height:28pt;z-index:-5;mso-position-horizontal-relative:margin;mso-position-vertical-relative:page" filled="f" strokecolor="#000000" strokeweight="1.5pt">` +
		`<v:textbox inset="7.2pt,3.6pt,7.2pt,0"><w:txbxContent><w:p><w:r><w:t>DỰ THẢO</w:t></w:r></w:p></w:txbxContent></v:textbox><w10:wrap type="square"/></v:rect></w:pict></w:r></w:p>`
	for name, c := range map[string]struct {
		body  string
		want  docmodel.Anchor
		inner bool
	}{
		"DrawingML": {dml, docmodel.Anchor{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 1900, H: 560, Stroke: 30,
			StrokeColor: docmodel.Color{R: 0xC0}, HRule: docmodel.HeightAtLeast, VAlign: "center", Inset: [4]int{0, 72, 144, 72}},
			PosH: docmodel.Pos{Rel: docmodel.RelMargin, Align: "right"}, PosV: docmodel.Pos{Rel: docmodel.RelPage, Offset: 227},
			Wrap: docmodel.WrapTopBottom}, false},
		"VML": {vml, docmodel.Anchor{Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 1900, H: 560, Stroke: 30,
			HRule: docmodel.HeightExact, VAlign: "top", Inset: [4]int{144, 72, 144, 0}, InnerStroke: true},
			PosH: docmodel.Pos{Rel: docmodel.RelMargin, Offset: 7171}, PosV: docmodel.Pos{Rel: docmodel.RelPage, Offset: 227},
			Wrap: docmodel.WrapSquare, Behind: true}, true},
	} {
		doc, warnings := readBody(t, c.body)
		ps := paragraphs(doc)
		if len(warnings) != 0 || len(ps) != 1 || len(ps[0].Anchors) != 1 {
			t.Fatalf("%s: %d paragraphs, warnings %q", name, len(ps), warnings)
		}
		a := *ps[0].Anchors[0]
		box := a.Blocks
		a.Blocks, a.Where = nil, ""
		if a.Shape.Stroke != c.want.Stroke || a.W != c.want.W || a.H != c.want.H || a.Inset != c.want.Inset || a.HRule != c.want.HRule ||
			a.VAlign != c.want.VAlign || a.InnerStroke != c.inner || a.StrokeColor != c.want.StrokeColor || a.Fill != nil ||
			a.PosH != c.want.PosH || a.PosV != c.want.PosV || a.Wrap != c.want.Wrap || a.Behind != c.want.Behind {
			t.Errorf("%s: %+v\nwant %+v", name, a, c.want)
		}
		if len(box) != 1 || box[0].(*docmodel.Paragraph).Inlines[0].Text != "DỰ THẢO" {
			t.Errorf("%s: box holds %+v", name, box)
		}
	}
}

func TestShapesThePDFCannotDrawAreWarned(t *testing.T) {
	anchor := func(graphic string) string {
		return `<w:p><w:r><w:t>Đoạn có hình</w:t></w:r><w:r><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
			`<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>` +
			`<wp:extent cx="1270000" cy="635000"/><wp:wrapNone/><wp:docPr id="1" name="S"/><a:graphic>` + graphic + `</a:graphic></wp:anchor></w:drawing></w:r></w:p>`
	}
	for want, body := range map[string]string{
		"đường chéo":                  anchor(`<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="line"/><a:ln w="6350"/></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>`),
		"biểu đồ":                     anchor(`<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"/>`),
		"hình «ellipse» chưa vẽ được": anchor(`<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="ellipse"/></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>`),
		"nét đứt":                     anchor(`<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:spPr><a:prstGeom prst="rect"/><a:ln w="6350"><a:prstDash val="dash"/></a:ln></wps:spPr><wps:bodyPr/></wps:wsp></a:graphicData>`),
		"nhóm hình (group)":           `<w:p><w:r><w:t>Đoạn có hình</w:t></w:r><w:r><w:pict><v:group style="position:absolute"/></w:pict></w:r></w:p>`,
	} {
		_, warnings := readBody(t, body)
		if len(warnings) != 1 || !strings.Contains(warnings[0], want) || !strings.HasPrefix(warnings[0], "word/document.xml, đoạn 1 «Đoạn có hình»: ") {
			t.Errorf("warnings %q, want one about %q naming the paragraph", warnings, want)
		}
	}
}

func TestThemeLineStyleAndColour(t *testing.T) {
	// Word's default line: no width or colour of its own, the style's
	// lnRef idx 1 in accent1 (Office theme: 0.5 pt, 4472C4).
	line := strings.Replace(strings.Replace(dmlLine, `<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln>`, ``, 1),
		`<wps:bodyPr/>`, `<wps:style><a:lnRef idx="1"><a:schemeClr val="accent1"><a:lumMod val="75000"/></a:schemeClr></a:lnRef><a:fillRef idx="0"><a:schemeClr val="accent1"/></a:fillRef></wps:style><wps:bodyPr/>`, 1)
	doc, warnings := readBody(t, `<w:p>`+line+`</w:p>`)
	a := paragraphs(doc)[0].Anchors[0]
	// accent1 4472C4 at 75 % luminance: 2F5597, Word's "Blue, Accent 1, Darker 25%".
	if len(warnings) != 0 || a.Stroke != 10 || a.StrokeColor != (docmodel.Color{R: 0x2F, G: 0x55, B: 0x97}) {
		t.Errorf("stroke %v %+v, warnings %q", a.Stroke, a.StrokeColor, warnings)
	}
}

// pngBytes is a w × h 8-bit PNG; gray16 makes it 16-bit grey.
func pngBytes(t *testing.T, w, h int, gray16 bool) []byte {
	t.Helper()
	var img image.Image = image.NewNRGBA(image.Rect(0, 0, w, h))
	if gray16 {
		img = image.NewGray16(image.Rect(0, 0, w, h))
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pictureRun is an inline picture of relationship rId9, w × h EMU, cropped
// by srcRect.
func pictureRun(w, h int, srcRect string) string {
	return `<w:r><w:drawing><wp:inline><wp:extent cx="` + strconv.Itoa(w) + `" cy="` + strconv.Itoa(h) + `"/><wp:docPr id="1" name="P"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">` +
		`<pic:pic><pic:blipFill><a:blip r:embed="rId9"/>` + srcRect + `<a:stretch/></pic:blipFill><pic:spPr><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
}

func mediaRels(part, target string) ooxmltest.Part {
	return ooxmltest.Part{Name: part, Data: `<Relationships ` + ooxmltest.RelsNS + `><Relationship Id="rId9" Type="` + ooxmltest.RelTypes + `image" Target="` + target + `"/></Relationships>`}
}

func TestPicturesAreReadThroughTheirPartsRelationships(t *testing.T) {
	plain := pngBytes(t, 40, 40, false)
	hdr := `<w:hdr ` + ooxmltest.WNS + drawNS + `><w:p>` + pictureRun(647700, 647700, "") + `</w:p></w:hdr>`
	body := `<w:p><w:r><w:t>x</w:t></w:r></w:p><w:sectPr><w:headerReference w:type="default" r:id="rId1"/></w:sectPr>`
	parts := ooxmltest.Minimal("")
	parts[3].Data = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + ooxmltest.WNS + drawNS + `><w:body>` + body + `</w:body></w:document>`
	file := ooxmltest.Zip(t, ooxmltest.With(parts,
		ooxmltest.Part{Name: "word/_rels/document.xml.rels", Data: `<Relationships ` + ooxmltest.RelsNS + `><Relationship Id="rId1" Type="` + ooxmltest.RelTypes + `header" Target="header1.xml"/></Relationships>`},
		ooxmltest.Part{Name: "word/header1.xml", Data: hdr},
		mediaRels("word/_rels/header1.xml.rels", "media/logo.png"),
		ooxmltest.Part{Name: "word/media/logo.png", Data: string(plain)}))
	p, err := ooxml.OpenParts(file)
	if err != nil {
		t.Fatal(err)
	}
	doc, warnings, err := Read(p)
	if err != nil || len(warnings) != 0 {
		t.Fatalf("%v %q", err, warnings)
	}
	in := doc.Sections[0].HeaderDefault[0].(*docmodel.Paragraph).Inlines[0]
	if in.Kind != docmodel.Object || in.Shape.W != 1020 || in.Shape.H != 1020 || in.Shape.Picture == nil ||
		!bytes.Equal(in.Shape.Picture.Data, plain) || in.Shape.Picture.Format != "png" {
		t.Errorf("header picture %+v, want the logo's own bytes, 51 pt square", in)
	}
}

func TestPicturesAreCheckedAndPreparedForThePDF(t *testing.T) {
	var gifBuf bytes.Buffer
	if err := gif.Encode(&gifBuf, image.NewPaletted(image.Rect(0, 0, 30, 20), []color.Color{color.White, color.Black}), nil); err != nil {
		t.Fatal(err)
	}
	broken := pngBytes(t, 40, 40, false)
	broken = append(broken[:60:60], bytes.Repeat([]byte{0xAB}, 40)...)
	// 48 million pixels declared: refused by its header, before a decoder
	// allocates them (a decode would fail on the data: "hỏng").
	huge := pngBytes(t, 1, 1, false)
	binary.BigEndian.PutUint32(huge[16:], 8000)
	binary.BigEndian.PutUint32(huge[20:], 6000)
	binary.BigEndian.PutUint32(huge[29:], crc32.ChecksumIEEE(huge[12:29]))
	for _, c := range []struct {
		name, file string
		data       []byte
		srcRect    string
		w, h       int
		warn       string // "" for a picture drawn
		format     string
		px         [2]int // the picture's pixels as the PDF gets them
	}{
		{"16-bit PNG", "a.png", pngBytes(t, 40, 20, true), "", 40, 20, "", "png", [2]int{40, 20}},
		{"GIF", "a.gif", gifBuf.Bytes(), "", 30, 20, "", "png", [2]int{30, 20}},
		{"stretched", "a.png", pngBytes(t, 40, 40, false), "", 80, 40, "", "png", [2]int{80, 40}},
		{"cropped", "a.png", pngBytes(t, 40, 40, false), `<a:srcRect l="50000"/>`, 20, 40, "", "png", [2]int{20, 40}},
		{"broken", "a.png", broken, "", 40, 40, "hỏng", "", [2]int{}},
		{"EMF", "a.emf", []byte("\x01\x00\x00\x00 EMF"), "", 40, 40, "dạng EMF", "", [2]int{}},
		{"huge", "a.png", huge, "", 40, 30, "quá lớn (8000 × 6000", "", [2]int{}},
	} {
		doc, warnings := readBody(t, `<w:p>`+pictureRun(c.w*12700, c.h*12700, c.srcRect)+`</w:p>`,
			mediaRels("word/_rels/document.xml.rels", "media/"+c.file), ooxmltest.Part{Name: "word/media/" + c.file, Data: string(c.data)})
		pic := paragraphs(doc)[0].Inlines[0].Shape.Picture
		if c.warn != "" {
			if pic != nil || len(warnings) != 1 || !strings.Contains(warnings[0], "ảnh «"+c.file+"» "+c.warn) {
				t.Errorf("%s: picture %v, warnings %q, want none drawn and a warning", c.name, pic != nil, warnings)
			}
			continue
		}
		if pic == nil || len(warnings) != 0 {
			t.Fatalf("%s: no picture, warnings %q", c.name, warnings)
		}
		cfg, format, err := image.DecodeConfig(bytes.NewReader(pic.Data))
		if err != nil || format != c.format || pic.Format != c.format || cfg.Width != c.px[0] || cfg.Height != c.px[1] {
			t.Errorf("%s: %s %d × %d (%v), want %s %v", c.name, format, cfg.Width, cfg.Height, err, c.format, c.px)
		}
		if format == "png" && !plainPNG(pic.Data) {
			t.Errorf("%s: the PDF writer cannot embed this PNG (16-bit or interlaced)", c.name)
		}
	}
}

func TestFramesAreTakenOutOfTheFlow(t *testing.T) {
	fp := `<w:framePr w:w="2835" w:hSpace="180" w:wrap="around" w:vAnchor="text" w:hAnchor="margin" w:xAlign="right" w:y="1"/>`
	page := `<w:framePr w:w="1800" w:h="400" w:hRule="exact" w:vAnchor="page" w:hAnchor="page" w:x="9000" w:y="400"/>`
	body := `<w:p><w:pPr>` + page + `<w:pBdr><w:left w:val="single" w:sz="4" w:space="4"/><w:right w:val="single" w:sz="4" w:space="4"/></w:pBdr></w:pPr><w:r><w:t>Mẫu số 01</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Kính gửi</w:t></w:r></w:p>` +
		`<w:p><w:pPr>` + fp + `</w:pPr><w:r><w:t>Khung dòng 1</w:t></w:r></w:p><w:p><w:pPr>` + fp + `</w:pPr><w:r><w:t>Khung dòng 2</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Tỷ lệ hồ sơ</w:t></w:r></w:p>` +
		`<w:tbl><w:tblGrid><w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc><w:p><w:pPr>` + fp + `</w:pPr><w:r><w:t>Trong ô</w:t></w:r></w:p></w:tc></w:tr></w:tbl>` +
		`<w:p><w:r><w:t>Cuối</w:t></w:r></w:p><w:p><w:pPr>` + page + `</w:pPr><w:r><w:t>Khung cuối</w:t></w:r></w:p>`
	doc, warnings := readBody(t, body)
	ps := paragraphs(doc)
	var texts []string
	for _, p := range ps {
		texts = append(texts, p.Inlines[0].Text)
	}
	if strings.Join(texts, "|") != "Kính gửi|Tỷ lệ hồ sơ|Cuối" {
		t.Fatalf("paragraphs in the flow: %q", texts)
	}
	mau := ps[0].Anchors[0]
	if len(ps[0].Anchors) != 1 || mau.W != 1800 || mau.H != 400 || mau.HRule != docmodel.HeightExact || mau.Inset != [4]int{90, 0, 90, 0} ||
		mau.PosH != (docmodel.Pos{Rel: docmodel.RelPage, Offset: 9000}) || mau.PosV != (docmodel.Pos{Rel: docmodel.RelPage, Offset: 400}) ||
		mau.Wrap != docmodel.WrapSquare || len(mau.Blocks) != 1 {
		t.Errorf("page frame on the next paragraph: %+v", mau)
	}
	if len(ps[1].Anchors) != 1 || len(ps[1].Anchors[0].Blocks) != 2 || ps[1].Anchors[0].W != 2835 ||
		ps[1].Anchors[0].PosH != (docmodel.Pos{Rel: docmodel.RelMargin, Align: "right"}) ||
		ps[1].Anchors[0].PosV != (docmodel.Pos{Rel: docmodel.RelParagraph, Offset: 1}) || ps[1].Anchors[0].Dist != [4]int{180, 0, 180, 0} {
		t.Errorf("two paragraphs of one frame, on the paragraph after them: %+v", ps[1].Anchors)
	}
	if len(ps[2].Anchors) != 1 || ps[2].Anchors[0].Blocks[0].(*docmodel.Paragraph).Inlines[0].Text != "Khung cuối" {
		t.Errorf("a frame with no paragraph after it goes on the one before: %+v", ps[2].Anchors)
	}
	var frames []string // (the side borders are warned by their own reader)
	for _, w := range warnings {
		if strings.Contains(w, "khung") {
			frames = append(frames, w)
		}
	}
	if len(frames) != 1 || !strings.Contains(frames[0], "«Trong ô»: khung (frame) trong ô bảng") {
		t.Errorf("warnings %q, want one about frames: the frame in a cell", warnings)
	}
}

func TestWarningsNameTheParagraphNotItsTextBox(t *testing.T) {
	box := `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:inline><wp:extent cx="635000" cy="635000"/><wp:docPr id="1" name="B"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
		`<wps:wsp><wps:spPr><a:prstGeom prst="rect"/></wps:spPr><wps:txbx><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>` +
		`<mc:Fallback><w:pict><v:rect><v:textbox><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
	_, warnings := readBody(t, `<w:p><w:r><w:t>Đoạn</w:t></w:r>`+box+`<w:r><w:sym w:char="F0FC"/></w:r></w:p>`)
	if len(warnings) != 1 || !strings.Contains(warnings[0], "«Đoạn»") {
		t.Errorf("warnings %q, want the paragraph named by its own text", warnings)
	}
}

func TestFrameInATextBoxStaysAParagraph(t *testing.T) {
	body := `<w:p><w:r><w:pict><v:rect style="position:absolute;width:200pt;height:60pt"><v:textbox><w:txbxContent>` +
		`<w:p><w:pPr><w:framePr w:w="1800" w:hAnchor="page" w:vAnchor="page" w:x="9000" w:y="400"/></w:pPr><w:r><w:t>Khung trong hộp</w:t></w:r></w:p>` +
		`<w:p><w:r><w:t>Dòng sau</w:t></w:r></w:p></w:txbxContent></v:textbox></v:rect></w:pict></w:r><w:r><w:t>Đoạn</w:t></w:r></w:p>`
	doc, warnings := readBody(t, body)
	box := paragraphs(doc)[0].Anchors[0].Blocks
	if len(box) != 2 || len(box[1].(*docmodel.Paragraph).Anchors) != 0 {
		t.Errorf("text box holds %d blocks, the second with anchors %v; want both paragraphs in the flow", len(box), box)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "«Khung trong hộp»: khung (frame) trong ô bảng hoặc hộp văn bản") {
		t.Errorf("warnings %q", warnings)
	}
}

// groupRun is m04c's group: 200 × 50 pt at (column + 50, paragraph + 20)
// pt, child coordinates scaled by scale: two lines and a text box.
func groupRun(scale int) string {
	const emu = 12700
	sp := func(x, y, w, h int, geom, extra string) string {
		return `<wps:wsp><wps:spPr><a:xfrm><a:off x="` + strconv.Itoa(x*scale*emu) + `" y="` + strconv.Itoa(y*scale*emu) + `"/><a:ext cx="` +
			strconv.Itoa(w*scale*emu) + `" cy="` + strconv.Itoa(h*scale*emu) + `"/></a:xfrm><a:prstGeom prst="` + geom +
			`"/><a:ln w="6350"/></wps:spPr>` + extra + `<wps:bodyPr/></wps:wsp>`
	}
	return `<w:r><mc:AlternateContent><mc:Choice Requires="wpg"><w:drawing><wp:anchor simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>` +
		`<wp:positionH relativeFrom="column"><wp:posOffset>635000</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>254000</wp:posOffset></wp:positionV>` +
		`<wp:extent cx="2540000" cy="635000"/><wp:wrapNone/><wp:docPr id="1" name="G"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup">` +
		`<wpg:wgp xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2540000" cy="635000"/>` +
		`<a:chOff x="0" y="0"/><a:chExt cx="` + strconv.Itoa(2540000*scale) + `" cy="` + strconv.Itoa(635000*scale) + `"/></a:xfrm></wpg:grpSpPr>` +
		sp(0, 0, 100, 0, "line", "") + sp(100, 50, 100, 0, "line", "") +
		sp(100, 0, 100, 30, "rect", `<wps:txbx><w:txbxContent><w:p><w:r><w:t>Hộp</w:t></w:r></w:p></w:txbxContent></wps:txbx>`) +
		`</wpg:wgp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:group/></w:pict></mc:Fallback></mc:AlternateContent></w:r>`
}

func TestGroupsAreReadWithTheirShapes(t *testing.T) { // m04c
	for _, scale := range []int{1, 2} {
		doc, warnings := readBody(t, `<w:p><w:r><w:t>Đoạn neo</w:t></w:r>`+groupRun(scale)+`</w:p>`)
		as := paragraphs(doc)[0].Anchors
		if len(warnings) != 0 || len(as) != 1 {
			t.Fatalf("scale %d: %d anchors, warnings %q", scale, len(as), warnings)
		}
		g := as[0]
		if g.Kind != docmodel.ShapeGroup || g.W != 4000 || g.H != 1000 || g.PosH.Offset != 1000 || g.PosV.Offset != 400 || len(g.Parts) != 3 {
			t.Fatalf("scale %d: group %+v", scale, g)
		}
		for i, want := range []docmodel.GroupPart{
			{X: 0, Y: 0, Shape: docmodel.Shape{Kind: docmodel.ShapeLine, W: 2000}},
			{X: 2000, Y: 1000, Shape: docmodel.Shape{Kind: docmodel.ShapeLine, W: 2000}},
			{X: 2000, Y: 0, Shape: docmodel.Shape{Kind: docmodel.ShapeRect, W: 2000, H: 600}},
		} {
			got := g.Parts[i]
			if got.X != want.X || got.Y != want.Y || got.Shape.Kind != want.Shape.Kind || got.Shape.W != want.Shape.W || got.Shape.H != want.Shape.H {
				t.Errorf("scale %d: part %d %+v, want %+v", scale, i, got, want)
			}
		}
		if box := g.Parts[2].Shape; box.Inset != [4]int{} || len(box.Blocks) != 1 {
			t.Errorf("scale %d: grouped text box insets %v (LibreOffice: none unless written), %d blocks", scale, box.Inset, len(box.Blocks))
		}
	}
}
