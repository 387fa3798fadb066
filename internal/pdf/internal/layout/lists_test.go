package layout

import (
	"math"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// The expected positions are LibreOffice 7.4's, measured by
// testdata/word-features/measure/m06_numbering.py (6a, 6b): twips from
// the text column's left edge, 14 pt text.

// listPara is a 14 pt paragraph with a list label, laid out in the A4
// column (9071 tw).
func listPara(t *testing.T, label docmodel.ListLabel, text string, pp docmodel.ParaProps) []*line {
	t.Helper()
	if label.Props.Size == 0 {
		label.Props.Size = 28
	}
	p := para(text, 28, pp)
	p.Label = &label
	return breakAt(t, p, 9071)
}

// drawnAt is where a line's words are drawn (x, twips).
func drawnAt(ln *line) map[string]float64 {
	out := map[string]float64{}
	for _, pc := range ln.pieces {
		if pc.kind == pWord {
			out[pc.text] = pc.x - pc.lead
		}
	}
	return out
}

func TestListLabelPositions(t *testing.T) {
	for _, c := range []struct {
		name          string
		label         docmodel.ListLabel
		left, hanging int
		labelX, textX float64 // -1: not checked
	}{
		{"decimal 927/360", docmodel.ListLabel{Text: "1."}, 927, 360, 567, 927},
		{"upperRoman 567/567", docmodel.ListLabel{Text: "II.", Props: docmodel.RunProps{Bold: true}}, 567, 567, 0, 567},
		{"label wider than the hanging indent", docmodel.ListLabel{Text: "Mục 1.", Props: docmodel.RunProps{Bold: true}}, 720, 360, 360, 1440},
		{"1.1. ends before the indent", docmodel.ListLabel{Text: "1.1.", Props: docmodel.RunProps{Bold: true}}, 792, 432, 360, 792},
		{"right-aligned", docmodel.ListLabel{Text: "i)", Align: docmodel.AlignRight}, 720, 360, 189, 720},
		{"centred", docmodel.ListLabel{Text: "(1)", Align: docmodel.AlignCenter}, 1080, 720, 197, 1080},
		{"space suffix", docmodel.ListLabel{Text: "1.", Suffix: docmodel.SuffixSpace}, 0, 0, 0, 280},
		{"no suffix", docmodel.ListLabel{Text: "1.", Suffix: docmodel.SuffixNothing}, 0, 0, 0, 210},
		{"12 pt label", docmodel.ListLabel{Text: "1.", Props: docmodel.RunProps{Size: 24}}, 720, 360, 360, 720},
	} {
		lines := listPara(t, c.label, "Chữ", docmodel.ParaProps{IndLeft: c.left, FirstLine: -c.hanging})
		at := drawnAt(lines[0])
		lx, ok := at[lines[0].pieces[0].text]
		if !ok || math.Abs(lx-c.labelX) > 1.5 {
			t.Errorf("%s: label at %.1f (drawn %v), want %.0f", c.name, lx, at, c.labelX)
		}
		if x := at["Chữ"]; math.Abs(x-c.textX) > 1.5 {
			t.Errorf("%s: text at %.1f, want %.0f", c.name, x, c.textX)
		}
	}
}

// The label is laid out in its own size and face (the line's height
// follows the largest), and a justified line widens the spaces of the
// text, not those inside the label or its space suffix.
func TestListLabelInJustifiedLine(t *testing.T) {
	words := "Điều khoản dùng hậu tố khoảng trắng và số rất dài để xuống dòng trong một đoạn căn đều hai bên lề của trang"
	lines := listPara(t, docmodel.ListLabel{Text: "Điều 1.", Suffix: docmodel.SuffixSpace, Props: docmodel.RunProps{Bold: true}},
		words, docmodel.ParaProps{Align: docmodel.AlignBoth})
	if len(lines) < 2 {
		t.Fatalf("%d lines, want a justified first line", len(lines))
	}
	first := lines[0]
	w := fm(t)[Bold].width("Điều 1. ", 28)
	if first.pieces[0].text != "Điều 1. " || first.pieces[1].x != w {
		t.Errorf("first word at %.2f after label %q, want %.2f (label width, not stretched)", first.pieces[1].x, first.pieces[0].text, w)
	}
	end := first.pieces[trailingStart(first.pieces)-1]
	if right := end.x + end.width; math.Abs(right-9071) > 0.5 {
		t.Errorf("justified line ends at %.2f, want 9071", right)
	}
	if lines[1].pieces[0].x != 0 {
		t.Errorf("continuation line at %.2f, want the indent 0", lines[1].pieces[0].x)
	}
}

// Superscript and subscript (the note marks' and labels' rule too, drawn
// by runs.go): 58 % of the size, advances scaled alike, raised by
// B(size) − B(58 % size) or lowered by D(size) − D(58 % size)
// (WORD-FEATURES.md §2: 14 pt → 8.1 pt raised 5.5, lowered 1.27; 12 pt →
// raised 4.7); the line keeps its height.
func TestScriptSizeAndRise(t *testing.T) {
	for _, c := range []struct {
		size int
		va   docmodel.VertAlign
		pts  float64 // drawn size
		rise float64 // points
	}{{28, docmodel.VertSuper, 8.1, 5.5}, {24, docmodel.VertSuper, 6.95, 4.7}, {28, docmodel.VertSub, 8.1, -1.27}} {
		p := para("m", c.size, docmodel.ParaProps{})
		p.Inlines = append(p.Inlines, docmodel.Inline{Kind: docmodel.Text, Text: "2", Props: docmodel.RunProps{Size: c.size, VertAlign: c.va}})
		lines := breakAt(t, p, 9071)
		texts, _ := lineTexts(lines[0])
		if len(texts) != 2 {
			t.Fatalf("texts %+v", texts)
		}
		sup := texts[1]
		if rise := float64(lines[0].base-sup.y) / 20; math.Abs(float64(sup.sizeTw)/20-c.pts) > 0.001 || math.Abs(rise-c.rise) > 0.06 {
			t.Errorf("size %d %v: drawn %.2f pt raised %.2f pt, want %.2f pt, %.2f pt", c.size, c.va, float64(sup.sizeTw)/20, rise, c.pts, c.rise)
		}
		full := fm(t)[Regular].width("2", c.size)
		if w := lines[0].pieces[1].width; math.Abs(w/full-0.58) > 0.005 {
			t.Errorf("size %d: advance %.2f of %.2f, want 58 %%", c.size, w, full)
		}
		if want := lineFor(fm(t)[Regular], c.size).natural; lines[0].pitch != want {
			t.Errorf("size %d: pitch %d, want %d", c.size, lines[0].pitch, want)
		}
	}
}
