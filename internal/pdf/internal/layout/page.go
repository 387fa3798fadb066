// Package layout lays a document model out on pages the way LibreOffice
// lays out the same DOCX (the measured rules are in
// ../shared/reference/libreoffice-layout-rules.md): greedy line breaking
// with the real advance widths of Liberation Serif, justified lines but the
// last, LibreOffice's integer-rounded line pitch, paragraph spacing as the
// larger of after and before, widow/orphan control and keep-with-next,
// tables with borders, margins, spans, repeated header rows and rows that
// split, headers with page numbers. It produces positioned text and rules;
// it knows nothing of PDF files or of what the document says.
package layout

import "github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"

// Page is one laid-out page. Coordinates are points from the page's
// top-left corner; a text's Y is its baseline.
type Page struct {
	W, H    float64
	Number  int     // the number printed by a PAGE field
	Section int     // index of the section the page belongs to
	Fills   []Fill  // drawn first: shading under text and rules
	Images  []Image // drawn after the fills
	Texts   []Text
	Rules   []Rule
	// Missing lists, in order of first appearance, the characters of the
	// page's text the font has no glyph for (drawn as empty boxes).
	Missing []rune
	// Warnings name, with where they are, what the layout of the page
	// could not do as the document asks (text that does not wrap around a
	// shape…).
	Warnings []string
}

// Color is an RGB colour; the zero value is black, what a DOCX draws when
// it names none. It is the model's colour (one type from the DOCX to the
// PDF).
type Color = docmodel.Color

// Text is a piece of text drawn in one face at one size.
type Text struct {
	X, Y  float64
	Face  Face
	Size  float64 // points
	Text  string
	Color Color
	// Spacing is added to the advance of every glyph, points (w:spacing).
	Spacing float64
	// Scale stretches the glyphs and their advances horizontally (w:w):
	// 0.9 is 90 %; 0 means none.
	Scale float64
}

// Rule is a straight horizontal or vertical stroke (border, underline,
// short rule), centred on its line.
type Rule struct {
	X1, Y1, X2, Y2 float64
	Width          float64
	Color          Color
}

// Fill is a rectangle painted in one colour (cell or paragraph shading).
type Fill struct {
	X, Y, W, H float64 // top-left corner and size
	Color      Color
}

// Image is a picture placed in a rectangle (top-left corner and size).
type Image struct {
	X, Y, W, H float64
	Data       []byte
	Format     string // "png" or "jpg"
}

// pt converts twips to points.
func pt(tw float64) float64 { return tw / 20 }
