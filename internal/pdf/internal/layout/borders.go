package layout

import (
	"slices"
	"strconv"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Borders and shading as LibreOffice 7.4 draws them (WORD-FEATURES.md §3
// and §10): strokes in their colour, double lines as two strokes, the
// rule between two table rows resolved from both sides, paragraph side
// borders outside the text, shading under a paragraph or cell.

// colorOf reads a docmodel colour ("1F3864"; "" for auto, and anything
// else, is black).
func colorOf(hex string) Color {
	v, err := strconv.ParseUint(hex, 16, 32)
	if err != nil || len(hex) != 6 {
		return Color{}
	}
	return Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}
}

// hstroke appends to dst the strokes of a horizontal border whose top
// edge is at y: it covers [y, y + width]. A double border is two lines a
// third of its width thick with a third between them.
func hstroke(dst []tRule, b *docmodel.Border, x1, x2, y float64) []tRule {
	if !b.Visible() {
		return dst
	}
	w, c := float64(b.Width()), colorOf(b.Color)
	if b.Style == "double" {
		t := w / 3
		return append(dst, tRule{x1: x1, x2: x2, y1: y + t/2, y2: y + t/2, w: t, color: c},
			tRule{x1: x1, x2: x2, y1: y + w - t/2, y2: y + w - t/2, w: t, color: c})
	}
	return append(dst, tRule{x1: x1, x2: x2, y1: y + w/2, y2: y + w/2, w: w, color: c})
}

// vstroke appends to dst the strokes of a vertical border whose left edge
// is at x: it covers [x, x + width].
func vstroke(dst []tRule, b *docmodel.Border, x, y1, y2 float64) []tRule {
	if !b.Visible() {
		return dst
	}
	w, c := float64(b.Width()), colorOf(b.Color)
	if b.Style == "double" {
		t := w / 3
		return append(dst, tRule{x1: x + t/2, x2: x + t/2, y1: y1, y2: y2, w: t, color: c},
			tRule{x1: x + w - t/2, x2: x + w - t/2, y1: y1, y2: y2, w: t, color: c})
	}
	return append(dst, tRule{x1: x + w/2, x2: x + w/2, y1: y1, y2: y2, w: w, color: c})
}

// resolveEdge is the one border drawn where a row's bottom meets the top
// of the row below (measured, §3): a side with no border (nil, none,
// absent) loses to one with a border, the wider wins (a double counts
// three times its size), and at equal widths the lower row's top wins.
func resolveEdge(upper, lower *docmodel.Border) *docmodel.Border {
	if upper.Width() > lower.Width() {
		return upper
	}
	if lower.Visible() {
		return lower
	}
	return nil
}

// deco is what a paragraph paints beside and under its text: its
// shading and its left and right borders, drawn once over each run of
// consecutive strips that carry it (the spacing inside a border group
// included). Positions are twips from the column's left edge.
type deco struct {
	fill        Color
	hasFill     bool
	left, right *docmodel.Border
	lx, rx      float64 // the left border's outer edge, the right border's inner edge
	fx1, fx2    float64 // the shading's extent
}

// paraDeco measures a paragraph's decoration; nil when it has none.
// Side borders lie outside the text: the left one's outer edge at
// indent − space − width, the right one's inner edge at the right indent
// + space; shading covers the border box, or the indented column.
func paraDeco(pp docmodel.ParaProps, width int) *deco {
	hasFill := pp.Fill != ""
	if !hasFill && !pp.BorderLeft.Visible() && !pp.BorderRight.Visible() {
		return nil
	}
	d := &deco{fill: colorOf(pp.Fill), hasFill: hasFill}
	if pp.BorderLeft.Visible() {
		d.left = pp.BorderLeft
		d.lx = float64(pp.IndLeft - pp.BorderLeft.Space*20 - pp.BorderLeft.Width())
	}
	if pp.BorderRight.Visible() {
		d.right = pp.BorderRight
		d.rx = float64(width - pp.IndRight + pp.BorderRight.Space*20)
	}
	d.fx1, d.fx2 = d.box(pp, width)
	return d
}

// box is the horizontal extent of a paragraph's border box: from the left
// border's outer edge (or the left indent) to the right border's outer
// edge (or the right indent). d may be nil.
func (d *deco) box(pp docmodel.ParaProps, width int) (x1, x2 float64) {
	x1, x2 = float64(pp.IndLeft), float64(width-pp.IndRight)
	if d != nil && d.left != nil {
		x1 = d.lx
	}
	if d != nil && d.right != nil {
		x2 = d.rx + float64(d.right.Width())
	}
	return x1, x2
}

// paint draws the decoration over [y1, y2] with the column at x; its
// shading goes in the page's fills at index at, under the fills its
// strips added (a run's highlight is painted over its paragraph's
// shading).
func (d *deco) paint(e *engine, x float64, y1, y2, at int) {
	if d == nil || y2 <= y1 {
		return
	}
	if d.hasFill {
		e.pg.fills = slices.Insert(e.pg.fills, at, tFill{x: x + d.fx1, y: float64(y1), w: d.fx2 - d.fx1, h: float64(y2 - y1), color: d.fill})
	}
	e.pg.rules = vstroke(e.pg.rules, d.left, x+d.lx, float64(y1), float64(y2))
	e.pg.rules = vstroke(e.pg.rules, d.right, x+d.rx, float64(y1), float64(y2))
}

// topRule is the strip a paragraph starts with: its top border, or, when
// it continues a border group, the between border (measured, §10: the
// group's bottom-border space, the rule, then the between border's space;
// no rule and no space when the group has no between border).
func topRule(pp docmodel.ParaProps, x1, x2 float64, joinTop bool) *slice {
	if !joinTop {
		if !pp.BorderTop.Visible() {
			return nil
		}
		bw := pp.BorderTop.Width()
		return &slice{kind: sBorder, h: bw + pp.BorderTop.Space*20, fit: bw, rules: hstroke(nil, pp.BorderTop, x1, x2, 0)}
	}
	if !pp.BorderBetween.Visible() {
		return nil
	}
	pre := 0
	if pp.BorderBottom.Visible() {
		pre = pp.BorderBottom.Space * 20
	}
	bw := pp.BorderBetween.Width()
	return &slice{kind: sBorder, h: pre + bw + pp.BorderBetween.Space*20, fit: pre + bw,
		rules: hstroke(nil, pp.BorderBetween, x1, x2, float64(pre))}
}

// sameFrame reports whether a neighbouring block is a paragraph that forms
// a border group with p: the same borders, shading and indents, and p has
// a border or shading at all.
func sameFrame(b docmodel.Block, p *docmodel.Paragraph) bool {
	q, ok := b.(*docmodel.Paragraph)
	if !ok {
		return false
	}
	a, c := p.Props, q.Props
	if a.Fill == "" && !a.BorderTop.Visible() && !a.BorderBottom.Visible() && !a.BorderLeft.Visible() &&
		!a.BorderRight.Visible() && !a.BorderBetween.Visible() {
		return false
	}
	eq := func(a, b *docmodel.Border) bool {
		if !a.Visible() || !b.Visible() {
			return a.Visible() == b.Visible()
		}
		return *a == *b
	}
	return eq(a.BorderTop, c.BorderTop) && eq(a.BorderBottom, c.BorderBottom) && eq(a.BorderLeft, c.BorderLeft) &&
		eq(a.BorderRight, c.BorderRight) && eq(a.BorderBetween, c.BorderBetween) && a.Fill == c.Fill &&
		a.IndLeft == c.IndLeft && a.IndRight == c.IndRight
}

// emitStrips draws strips one under the other from y with the column at
// x, and paints each run of strips that share a decoration once; lead is
// the height above y the first strip's decoration also covers (the
// spacing inside a border group). It returns the y under the last strip.
func (e *engine) emitStrips(ss []slice, x, y, lead int) int {
	var cur *deco
	from, at := y, len(e.pg.fills)
	if len(ss) > 0 {
		cur, from = ss[0].deco, y-lead
	}
	for _, s := range ss {
		if s.deco != cur {
			cur.paint(e, float64(x), from, y, at)
			cur, from, at = s.deco, y, len(e.pg.fills)
		}
		e.emit(s, x, y)
		y += s.h
	}
	cur.paint(e, float64(x), from, y, at)
	return y
}
