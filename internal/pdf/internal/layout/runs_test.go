package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The expected numbers below are LibreOffice 7.4's, measured in
// WORD-FEATURES.md (section numbers cited) on an A4 page with margins
// 1134/1701/1134 tw: the column is 9071 tw = 453.55 pt from x = 85.05 pt,
// the first line's top at 56.7 pt. LibreOffice's PDF puts text 0.1 pt right
// of its position; the figures here are without it.

// layoutRuns lays out paragraphs on the measurement page.
func layoutRuns(t *testing.T, blocks ...docmodel.Block) []*Page {
	t.Helper()
	doc := &docmodel.Document{DefaultTab: 720, Sections: []*docmodel.Section{{
		PageW: 11906, PageH: 16838, Top: 1134, Bottom: 1134, Left: 1701, Right: 1134, Blocks: blocks}}}
	pages, err := Layout(doc)
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// runs makes a paragraph of runs of one size; each run is its text and a
// function that sets its properties (nil: plain).
func runs(size int, pp docmodel.ParaProps, rs ...any) *docmodel.Paragraph {
	if pp.Line == 0 {
		pp.Line = 240
	}
	p := &docmodel.Paragraph{Props: pp, Mark: docmodel.RunProps{Size: size}}
	for i := 0; i < len(rs); i += 2 {
		rp := docmodel.RunProps{Size: size}
		if f, ok := rs[i+1].(func(*docmodel.RunProps)); ok && f != nil {
			f(&rp)
		}
		p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.Text, Text: rs[i].(string), Props: rp})
	}
	return p
}

// textAt finds the text holding s on a page.
func textAt(t *testing.T, p *Page, s string) Text {
	t.Helper()
	for _, tx := range p.Texts {
		if strings.Contains(tx.Text, s) {
			return tx
		}
	}
	t.Fatalf("no text holds %q", s)
	return Text{}
}

func near(got, want, tol float64) bool { return math.Abs(got-want) <= tol }

func spacing(s int) func(*docmodel.RunProps) { return func(rp *docmodel.RunProps) { rp.Spacing = s } }

// §1a: every character of a condensed or expanded run, spaces included,
// advances by its font advance plus the spacing; the run's last character
// takes a positive spacing but not a negative one.
func TestCharacterSpacingAdvances(t *testing.T) {
	natural := metricsOf(Regular).width("Hxa Hxa", 28) / 20
	for _, s := range []int{-40, -6, 20, 100} {
		pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "Hxa Hxa", spacing(s), "|", nil))[0]
		run, bar := textAt(t, pg, "Hxa"), textAt(t, pg, "|")
		n := 7
		if s < 0 {
			n = 6
		}
		if want := natural + float64(n*s)/20; !near(bar.X-run.X, want, 0.001) {
			t.Errorf("spacing %d: run advances %.3f pt, want %.3f", s, bar.X-run.X, want)
		}
		if run.Spacing != float64(s)/20 {
			t.Errorf("spacing %d: drawn with %.3f pt per glyph", s, run.Spacing)
		}
	}
}

// §1b: a centred run is placed by its width without the last character's
// spacing (natural + (n−1)·s when expanded, natural + (n−2)·s when
// condensed): "HHHH" at 14 pt starts at 293.60 (−40 tw), 291.90 (−6),
// 290.10 (+20), 284.10 (+100).
func TestCentredSpacedRunPosition(t *testing.T) {
	for s, want := range map[int]float64{-40: 293.60, -6: 291.90, 20: 290.10, 100: 284.10} {
		pg := layoutRuns(t, runs(28, docmodel.ParaProps{Align: docmodel.AlignCenter}, "HHHH", spacing(s)))[0]
		if x := textAt(t, pg, "HHHH").X; !near(x, want, 0.06) {
			t.Errorf("spacing %d: centred run at %.2f, want %.2f", s, x, want)
		}
	}
}

// §1 the quốc hiệu case: 13 pt bold in a cell 265 pt wide (here a column
// narrowed by indents) wraps at −2 tw and fits on one line at −4 tw.
func TestCondensedQuocHieuFits(t *testing.T) {
	const qh = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	for s, lines := range map[int]int{0: 2, -2: 2, -4: 1, -6: 1} {
		p := runs(26, docmodel.ParaProps{Align: docmodel.AlignCenter, IndRight: 9071 - 5300}, qh, func(rp *docmodel.RunProps) {
			rp.Bold, rp.Spacing = true, s
		})
		if got := len(breakAt(t, p, 9071)); got != lines {
			t.Errorf("spacing %d: %d lines, want %d", s, got, lines)
		}
	}
}

// §1e: line breaking counts every character's spacing (spaces too) but
// not the line's last; LibreOffice's lines of just_-10 (condensed, first
// line indented) and jx_20 (expanded, whose second line is 0.25 pt wider
// than the column with its last character's spacing and stays whole).
func TestSpacingLineBreaks(t *testing.T) {
	const text = "Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 02 năm 2025 của Ủy ban nhân dân phường về tổ chức phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025, các cơ quan, đơn vị, tổ dân phố đã triển khai sâu rộng, thu hút đông đảo cán bộ, công chức và Nhân dân tham gia. Qua bình xét, Hội đồng Thi đua - Khen thưởng phường đã lựa chọn những tập thể, cá nhân có thành tích xuất sắc, tiêu biểu, được quần chúng tín nhiệm để đề nghị cấp trên xem xét khen thưởng theo quy định của Luật Thi đua, khen thưởng năm 2022."
	const more = " Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 99,6%; việc tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích được triển khai rộng rãi, góp phần giảm thời gian đi lại của người dân."
	for _, c := range []struct {
		name    string
		text    string
		spacing int
		indent  int
		want    []string
	}{
		{"just_-10", text + more, -10, 567, []string{
			"Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 02 năm 2025 của Ủy ban",
			"nhân dân phường về tổ chức phong trào thi đua “Dân vận khéo” giai đoạn 2023 - 2025,",
			"các cơ quan, đơn vị, tổ dân phố đã triển khai sâu rộng, thu hút đông đảo cán bộ, công",
			"chức và Nhân dân tham gia. Qua bình xét, Hội đồng Thi đua - Khen thưởng phường đã",
			"lựa chọn những tập thể, cá nhân có thành tích xuất sắc, tiêu biểu, được quần chúng tín",
			"nhiệm để đề nghị cấp trên xem xét khen thưởng theo quy định của Luật Thi đua, khen",
			"thưởng năm 2022. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn đạt 99,6%;",
			"việc tiếp nhận và trả kết quả qua dịch vụ bưu chính công ích được triển khai rộng rãi,",
			"góp phần giảm thời gian đi lại của người dân."}},
		{"jx_20", text, 20, 0, []string{
			"Thực hiện Kế hoạch số 45/KH-UBND ngày 10 tháng 02 năm 2025",
			"của Ủy ban nhân dân phường về tổ chức phong trào thi đua “Dân vận",
			"khéo” giai đoạn 2023 - 2025, các cơ quan, đơn vị, tổ dân phố đã",
			"triển khai sâu rộng, thu hút đông đảo cán bộ, công chức và Nhân dân",
			"tham gia. Qua bình xét, Hội đồng Thi đua - Khen thưởng phường đã",
			"lựa chọn những tập thể, cá nhân có thành tích xuất sắc, tiêu biểu,",
			"được quần chúng tín nhiệm để đề nghị cấp trên xem xét khen thưởng",
			"theo quy định của Luật Thi đua, khen thưởng năm 2022."}},
	} {
		p := runs(28, docmodel.ParaProps{Align: docmodel.AlignBoth, FirstLine: c.indent}, c.text, spacing(c.spacing))
		if got := lineWords(breakAt(t, p, 9071)); strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: lines\n%s\nwant\n%s", c.name, strings.Join(got, "\n"), strings.Join(c.want, "\n"))
		}
	}
}

// §1c: w:w scales the advances, not the spacing; the text is drawn with
// that scale.
func TestHorizontalScale(t *testing.T) {
	natural := metricsOf(Regular).width("Hxa Hxa", 28) / 20
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "Hxa Hxa", func(rp *docmodel.RunProps) { rp.Scale, rp.Spacing = 80, 20 }, "|", nil))[0]
	run, bar := textAt(t, pg, "Hxa"), textAt(t, pg, "|")
	if want := natural*0.8 + 7; !near(bar.X-run.X, want, 0.001) {
		t.Errorf("80 %% with 1 pt spacing: %.3f pt, want %.3f", bar.X-run.X, want)
	}
	if run.Scale != 0.8 || run.Spacing != 1 {
		t.Errorf("drawn with scale %.2f spacing %.2f, want 0.8 and 1", run.Scale, run.Spacing)
	}
}

// §1d, m01c: w:kern turns pair kerning on, spaces included: "AVAWAY To"
// is 73.50 pt at 14 pt (82.82 unkerned), 82.50 with +20 tw spacing; "A
// To AT" advances 9.30, 3.30, 7.50, 7.00, 2.80, 8.50 pt.
func TestKerning(t *testing.T) {
	kern := func(s int) func(*docmodel.RunProps) {
		return func(rp *docmodel.RunProps) { rp.Kern, rp.Spacing = true, s }
	}
	for s, want := range map[int]float64{0: 73.50, 20: 82.50} {
		pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "AVAWAY To", kern(s), "|", nil))[0]
		if x := textAt(t, pg, "|").X - textAt(t, pg, "A").X; !near(x, want, 0.02) {
			t.Errorf("spacing %d: kerned run %.3f pt, want %.2f", s, x, want)
		}
	}
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "A To AT", kern(0), "|", nil))[0]
	var xs []float64
	for _, tx := range pg.Texts {
		for range tx.Text {
			xs = append(xs, tx.X)
			break
		}
	}
	// The kerned pairs are drawn apart (spaces are not drawn).
	var starts []string
	for _, tx := range pg.Texts {
		starts = append(starts, tx.Text)
	}
	if got := strings.Join(starts, "/"); got != "A/T/o/A/T/|" {
		t.Fatalf("texts %s, want A/T/o/A/T/|", got)
	}
	want := []float64{0, 12.60, 20.10, 29.90, 38.40, 47.00}
	for i, w := range want {
		if got := xs[i] - xs[0]; !near(got, w, 0.06) {
			t.Errorf("text %d at +%.3f, want +%.2f", i, got, w)
		}
	}
}

// §1f: w:position raises by round(100·pos/size) % of the single line height
// at the text's own size; raised text pushes its line down, lowered text
// the next line.
func TestPosition(t *testing.T) {
	pos := func(hp int) func(*docmodel.RunProps) { return func(rp *docmodel.RunProps) { rp.Position = hp } }
	for _, c := range []struct {
		size, pos             int
		raise, first, nextTop float64
	}{
		{28, 6, 3.40, 73.20, 16.10},
		{28, -6, -3.40, 69.80, 19.50},
		{24, 20, 11.50, 79.40, 13.80},
	} {
		pg := layoutRuns(t, runs(c.size, docmodel.ParaProps{}, "Hx ", nil, "X", pos(c.pos), " Hx", nil),
			runs(c.size, docmodel.ParaProps{}, "Next", nil))[0]
		hx, x, next := textAt(t, pg, "Hx"), textAt(t, pg, "X"), textAt(t, pg, "Next")
		if !near(hx.Y-x.Y, c.raise, 0.06) || !near(hx.Y, c.first, 0.06) || !near(next.Y-hx.Y, c.nextTop, 0.06) {
			t.Errorf("%d pt, position %d: raise %.2f, first baseline %.2f, pitch %.2f; want %.2f, %.2f, %.2f",
				c.size/2, c.pos, hx.Y-x.Y, hx.Y, next.Y-hx.Y, c.raise, c.first, c.nextTop)
		}
	}
}

// §2: superscripts and subscripts are 58 % of the size, raised so their
// top meets the full-size text's top (subscripts lowered so their bottom
// meets its bottom); the line keeps its height unless the superscript is
// larger than the text (28 pt in 12 pt).
func TestSuperscriptAndSubscript(t *testing.T) {
	vert := func(v docmodel.VertAlign, size int) func(*docmodel.RunProps) {
		return func(rp *docmodel.RunProps) {
			rp.VertAlign = v
			if size > 0 {
				rp.Size = size
			}
		}
	}
	for _, c := range []struct {
		size        int
		small, up   float64
		down, pitch float64
	}{{20, 5.8, 3.90, 0.90, 11.55}, {24, 6.95, 4.70, 1.10, 13.80}, {28, 8.1, 5.55, 1.25, 16.10}, {40, 11.6, 7.80, 1.80, 23.00}} {
		pg := layoutRuns(t, runs(c.size, docmodel.ParaProps{}, "Hx", nil, "2", vert(docmodel.VertSuper, 0), "Hy", nil, "3", vert(docmodel.VertSub, 0)),
			runs(c.size, docmodel.ParaProps{}, "Next", nil))[0]
		hx, sup, sub, next := textAt(t, pg, "Hx"), textAt(t, pg, "2"), textAt(t, pg, "3"), textAt(t, pg, "Next")
		if sup.Size != c.small || sub.Size != c.small {
			t.Errorf("%d pt: sizes %.2f/%.2f, want %.2f", c.size/2, sup.Size, sub.Size, c.small)
		}
		if !near(hx.Y-sup.Y, c.up, 0.06) || !near(sub.Y-hx.Y, c.down, 0.06) || !near(next.Y-hx.Y, c.pitch, 0.001) {
			t.Errorf("%d pt: raise %.2f, drop %.2f, pitch %.2f; want %.2f, %.2f, %.2f", c.size/2, hx.Y-sup.Y, sub.Y-hx.Y, next.Y-hx.Y, c.up, c.down, c.pitch)
		}
	}
	pg := layoutRuns(t, runs(24, docmodel.ParaProps{}, "2", vert(docmodel.VertSuper, 56), "Hx", nil), runs(24, docmodel.ParaProps{}, "Next", nil))[0]
	if y := textAt(t, pg, "Hx").Y; !near(y, 82.90, 0.06) {
		t.Errorf("a 28 pt superscript in 12 pt text: baseline %.2f, want 82.90", y)
	}
}

// §2, m02b: a line holding a superscript fits as LibreOffice measures it
// (each run rounded up to whole twips on its reference device): fixture
// 02's line is 453.48 pt by the exact sum, yet does not fit 453.55 pt; it
// fits 453.60.
func TestSuperscriptLineFit(t *testing.T) {
	p := runs(28, docmodel.ParaProps{}, "thưởng năm 2022. Kết quả xếp loại năm học 2024 - 2025", nil,
		"(5)", func(rp *docmodel.RunProps) { rp.VertAlign = docmodel.VertSuper }, " đạt mức “Hoàn thành xong", nil)
	for width, last := range map[float64]string{9071: "“Hoàn", 9072: "thành"} {
		lines := lineWords(breakAt(t, p, width))
		if !strings.HasSuffix(lines[0], last) {
			t.Errorf("column %.0f tw: first line %q, want it to end with %q", width, lines[0], last)
		}
	}
}

// §8: each font sets its own line height (hhea, the reference's integer
// procedure): at 14 pt Liberation Sans 16.10 with the baseline 13.15 below
// the line's top, Carlito 17.10 and 13.60, DejaVu Sans 16.30 and 13.00
// (first baselines measured 69.90, 70.30, 69.70); a line mixing fonts
// takes the highest baseline and the deepest descent (m01c 8d:
// Serif+Calibri first baseline 70.30, next 86.90; Serif+Tahoma 69.80,
// 86.20).
func TestFontsSetTheLineHeight(t *testing.T) {
	font := func(name string) func(*docmodel.RunProps) { return func(rp *docmodel.RunProps) { rp.Font = name } }
	for _, c := range []struct {
		runs        []any
		first, next float64
	}{
		{[]any{"Arial", font("Arial")}, 69.85, 85.90},
		{[]any{"Calibri", font("Calibri")}, 70.30, 86.90},
		{[]any{"Tahoma", font("Tahoma")}, 69.70, 86.10},
		{[]any{"Serif ", nil, "Calibri", font("Calibri"), " serif", nil}, 70.30, 86.90},
		{[]any{"Serif ", nil, "Tahoma", font("Tahoma"), " serif", nil}, 69.80, 86.20},
	} {
		pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, c.runs...), runs(28, docmodel.ParaProps{}, "Next", nil))[0]
		first, next := pg.Texts[0].Y, textAt(t, pg, "Next").Y
		if !near(first, c.first, 0.06) || !near(next, c.next, 0.06) {
			t.Errorf("%v: baselines %.2f, %.2f; want %.2f, %.2f", c.runs, first, next, c.first, c.next)
		}
	}
	// Arial's advances are Liberation Sans's: 206.76 pt for the measured line.
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "Thực hiện Kế hoạch số 45/KH-UBND", font("Arial"), "|", nil))[0]
	sans := metricsOf(Face(1)*4).width("Thực hiện Kế hoạch số 45/KH-UBND", 28) / 20
	if w := textAt(t, pg, "|").X - pg.Texts[0].X; !near(w, sans, 0.001) || textAt(t, pg, "Thực").Face != 4 {
		t.Errorf("Arial run %.2f pt in face %d, want %.2f in Liberation Sans (4)", w, textAt(t, pg, "Thực").Face, sans)
	}
}

// A font named with its style ("Times New Roman Bold") is that family in
// that style.
func TestStyleInFontName(t *testing.T) {
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "THÔNG BÁO", func(rp *docmodel.RunProps) { rp.Font = "Times New Roman Bold" }))[0]
	if f := pg.Texts[0].Face; f != Bold {
		t.Errorf("face %d, want Liberation Serif Bold (%d)", f, Bold)
	}
}

// m01c 1h, 1i: colours are drawn; a highlight or a run's shading paints
// the run's box, from its first character to the end of its last, from
// the line's top to the bottom of its single line (14 pt: 56.70–72.75).
func TestColourAndHighlight(t *testing.T) {
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "Hx ", nil, "Yellow text", func(rp *docmodel.RunProps) {
		rp.Highlight, rp.Color = "FFFF00", "FF0000"
	}, " Hx", nil))[0]
	yellow := textAt(t, pg, "Yellow")
	if yellow.Color != (Color{R: 255}) {
		t.Errorf("colour %+v, want red", yellow.Color)
	}
	if len(pg.Fills) != 1 {
		t.Fatalf("%d fills, want 1", len(pg.Fills))
	}
	f := pg.Fills[0]
	w := metricsOf(Regular).width("Yellow text", 28) / 20
	if f.Color != (Color{R: 255, G: 255}) || !near(f.X, yellow.X, 0.001) || !near(f.W, w, 0.001) || !near(f.Y, 56.70, 0.001) || !near(f.Y+f.H, 72.80, 0.06) {
		t.Errorf("fill %+v, want yellow at x %.2f width %.2f, y 56.70–72.75", f, yellow.X, w)
	}
}

// A highlight in a shaded paragraph is painted over the paragraph's
// shading, as LibreOffice paints a run's background over its paragraph's:
// the fills are drawn in order, so the paragraph's comes first.
func TestHighlightIsPaintedOverParagraphShading(t *testing.T) {
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{Fill: "D9D9D9"}, "Hx ", nil, "Yellow", func(rp *docmodel.RunProps) {
		rp.Highlight = "FFFF00"
	}))[0]
	var colours []Color
	for _, f := range pg.Fills {
		colours = append(colours, f.Color)
	}
	grey, yellow := Color{R: 0xD9, G: 0xD9, B: 0xD9}, Color{R: 255, G: 255}
	if len(colours) != 2 || colours[0] != grey || colours[1] != yellow {
		t.Errorf("fills in order %v, want the grey shading, then the yellow highlight", colours)
	}
}

// m01c 8e: a soft hyphen (the ư of TCVN3 text) takes no room and is not
// drawn.
func TestSoftHyphenIsInvisible(t *testing.T) {
	pg := layoutRuns(t, runs(28, docmodel.ParaProps{}, "ph\u00adêng", nil))[0]
	if got := pg.Texts[0].Text; got != "phêng" {
		t.Errorf("drawn %q, want %q", got, "phêng")
	}
}
