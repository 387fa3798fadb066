package docmodel

// Color is an RGB colour; the zero value is black.
type Color struct{ R, G, B uint8 }

// Picture is an image ready for the PDF: PNG or JPEG bytes the PDF writer
// takes as they are (the reader has decoded them once, and re-encoded
// what the writer cannot take).
type Picture struct {
	Data   []byte
	Format string // "png" or "jpg"
}

// ShapeKind says what a shape draws.
type ShapeKind int

// Shape kinds.
const (
	ShapeRect    ShapeKind = iota // a rectangle: outline, fill, and the text of a text box
	ShapeLine                     // a straight line across its box
	ShapePicture                  // a picture filling its box
	ShapeGroup                    // shapes grouped: Parts, placed in its box
)

// Shape is a drawn object, in twips: a line, a rectangle (a text box or a
// frame when it holds Blocks) or a picture.
type Shape struct {
	Kind ShapeKind
	W, H int
	// HRule says how H is read for a box with text: exact, at least (the
	// box grows with its text), or auto (the text's height).
	HRule HeightRule
	// Stroke is the outline's (a line's) width in twips; 0 draws none.
	Stroke      float64
	StrokeColor Color
	Fill        *Color // nil: not filled
	// Inset is the text's distance from the box's edges: left, top,
	// right, bottom.
	Inset [4]int
	// VAlign places the text in a box taller than it: "top", "center",
	// "bottom".
	VAlign string
	// InnerStroke draws the outline inside the box and moves the text in by
	// its width (VML text boxes), instead of centring it on the box's edge.
	InnerStroke bool
	Blocks      []Block
	Picture     *Picture
	Parts       []GroupPart // a group's shapes
}

// GroupPart is a shape of a group, at (X, Y) twips from the group's
// top-left corner.
type GroupPart struct {
	X, Y  int
	Shape Shape
}

// Rel names what an anchored object's position is measured from.
type Rel int

// Position references. Horizontal: column, page, margin, character and
// the left and right margin areas; vertical: paragraph, page, margin,
// line and the top and bottom margin areas.
const (
	RelColumn Rel = iota
	RelParagraph
	RelPage
	RelMargin
	RelCharacter
	RelLine
	RelLeftMargin
	RelRightMargin
	RelTopMargin
	RelBottomMargin
)

// Pos is one coordinate of an anchored object.
type Pos struct {
	Rel    Rel
	Offset int    // twips from the reference's start edge
	Align  string // "left"/"top", "center", "right"/"bottom"; "" places by Offset
}

// Wrap says how the text flows around an anchored object.
type Wrap int

// Wrap modes.
const (
	WrapNone      Wrap = iota // the text runs over or under it
	WrapSquare                // lines beside it are narrowed to leave it room
	WrapTopBottom             // no text beside it: lines move below it
)

// WrapSide says on which sides of an object wrapped square the text runs
// (wrapText, VML side).
type WrapSide int

// Wrap sides.
const (
	SideBoth    WrapSide = iota // both sides (hoso: the wider one, warned when both have room)
	SideLeft                    // only on its left
	SideRight                   // only on its right
	SideLargest                 // on the wider side
)

// Anchor is a shape placed at a position of its own, anchored to the
// paragraph that holds it.
type Anchor struct {
	Shape
	PosH, PosV Pos
	Wrap       Wrap
	Behind     bool // drawn behind the text
	// Dist is the room kept free around it when the text wraps: left,
	// top, right, bottom, twips.
	Dist [4]int
	// At is where it is anchored in the paragraph's text, in characters
	// (for positions relative to a character or a line).
	At int
	// Where names it for warnings: the part and the paragraph.
	Where string
	// Side is where the text runs beside it when Wrap is WrapSquare.
	Side WrapSide
	// KeepDistR says that aligned right it stays its right wrap distance
	// (Dist[2]) inside its reference area: LibreOffice places a DrawingML
	// shape so, not a picture nor a frame.
	KeepDistR bool
}

// InlineShape is a shape in a line of text (Kind Object): a picture
// or a box, its bottom on the baseline.
type InlineShape struct {
	Shape
	Where string
}
