// Package docmodel is the document model between the DOCX reader and the
// layout engine: sections, paragraphs with fully resolved properties, runs,
// fields and tables, in WordprocessingML's own units (twips, half-points,
// eighths of a point). Style inheritance is already applied: a consumer
// never looks anything up.
package docmodel

// Document is a whole document.
type Document struct {
	Title      string // core properties title
	DefaultTab int    // default tab stop interval, twips
	Sections   []*Section
	// Endnotes are the document's endnotes in the order of their
	// references: printed on a page of their own after the last one.
	Endnotes []*Note
}

// Section is a run of pages sharing one page setup.
type Section struct {
	PageW, PageH               int // twips
	Top, Bottom, Left, Right   int // margins, twips (Left includes the gutter)
	HeaderDist, FooterDist     int // twips from the page edge
	TitlePage                  bool
	PageStart                  int // first page number; 0 = continue
	HeaderDefault, HeaderFirst []Block
	FooterDefault, FooterFirst []Block
	Blocks                     []Block
}

// Block is a paragraph or a table.
type Block interface{ isBlock() }

// Align is a paragraph's horizontal alignment.
type Align int

// Alignments.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
	AlignBoth // justified
)

// LineRule says how Line is read.
type LineRule int

// Line rules.
const (
	LineAuto    LineRule = iota // Line is 240ths of the single line height
	LineExact                   // Line is the pitch in twips
	LineAtLeast                 // Line is the minimum pitch in twips
)

// Border is one side of a paragraph, table or cell border.
type Border struct {
	Style string // "single", "double", … ; "" or "nil"/"none" means no border
	Size  int    // eighths of a point
	Space int    // points between the border and the text
	Color string // "RRGGBB"; "" for auto (black)
}

// Visible reports whether the border draws anything.
func (b *Border) Visible() bool {
	return b != nil && b.Style != "" && b.Style != "nil" && b.Style != "none" && b.Size > 0
}

// Width is the stroke width in twips (0 for no border).
func (b *Border) Width() int {
	if !b.Visible() {
		return 0
	}
	w := b.Size * 20 / 8
	switch b.Style {
	case "double":
		w *= 3
	case "thick": // LibreOffice draws it twice its size (measured, WORD-FEATURES.md §10)
		w *= 2
	}
	return w
}

// TabStop is a custom tab stop.
type TabStop struct {
	Pos   int    // twips from the text column's left edge
	Align string // left, center, right, decimal
	Clear bool
}

// ParaProps are a paragraph's resolved properties.
type ParaProps struct {
	Style                   string // style id, for contextual spacing
	Align                   Align
	IndLeft, IndRight       int // twips
	FirstLine               int // twips; negative for a hanging indent
	Before, After           int // twips
	BeforeAuto, AfterAuto   bool
	Line                    int
	LineRule                LineRule
	KeepNext, KeepLines     bool
	PageBreakBefore         bool
	WidowControl            bool
	ContextualSpacing       bool
	BorderTop, BorderBottom *Border
	Tabs                    []TabStop
	// BorderLeft and BorderRight are drawn outside the text column;
	// BorderBetween separates consecutive paragraphs with the same
	// borders.
	BorderLeft, BorderRight, BorderBetween *Border
	Fill                                   string // shading "RRGGBB" (w:shd, pattern applied); "" for none
}

// RunProps are a run's resolved properties.
type RunProps struct {
	Bold, Italic bool
	Underline    string // "" or "none" for none, "single", "double", "words", …
	Size         int    // half-points
	Caps         bool
	Strike       bool
	// Font is the font named for Latin text (w:rFonts ascii, else hAnsi;
	// theme fonts resolved), as written ("Times New Roman Bold"); "" for
	// none.
	Font string
	// Spacing is w:spacing: twips added after each character (negative:
	// condensed).
	Spacing int
	// Scale is w:w, the horizontal scale in percent; 0 means 100.
	Scale int
	// Kern is a non-zero w:kern: pair kerning is on (LibreOffice ignores
	// Word's minimum size).
	Kern bool
	// Position is w:position: half-points the text is raised (negative:
	// lowered), at its own size.
	Position int
	// VertAlign is w:vertAlign: VertSuper or VertSub make the text smaller
	// and raise or lower it.
	VertAlign VertAlign
	// Color is w:color as RRGGBB; "" for auto (black).
	Color string
	// Highlight is w:highlight as RRGGBB; "" for none. It is drawn over
	// Shading, the colour w:shd paints behind the text.
	Highlight, Shading string
	// Hidden is w:vanish: the text is not drawn (the reader leaves it out).
	Hidden bool
}

// VertAlign is a run's vertical alignment (w:vertAlign).
type VertAlign int

// Vertical alignments.
const (
	VertBaseline VertAlign = iota
	VertSuper
	VertSub
)

// InlineKind says what an inline item is.
type InlineKind int

// Inline kinds.
const (
	Text       InlineKind = iota // Text holds the text
	Tab                          // a tab character
	LineBreak                    // w:br (text wrapping)
	PageBreak                    // w:br type="page"
	FieldPage                    // PAGE field: the page number
	FieldPages                   // NUMPAGES field: the page count
	NoteRef                      // a footnote or endnote mark: Text is its number
	Object                       // a picture or a box in the line: Inline.Shape
)

// Inline is a piece of a paragraph with its formatting.
type Inline struct {
	Kind  InlineKind
	Text  string
	Props RunProps
	// Note is the footnote a NoteRef in the body refers to; nil for the
	// mark at the head of a note's own text and for endnote references.
	Note *Note
	// Shape is what an Object inline draws.
	Shape *InlineShape
}

// Note is a footnote or endnote: its paragraphs (and tables), the first
// starting with its own mark.
type Note struct {
	Blocks []Block
}

// Paragraph is a paragraph.
type Paragraph struct {
	Props   ParaProps
	Mark    RunProps // the paragraph mark's formatting (an empty paragraph's height)
	Inlines []Inline
	SectPr  bool // ends a section

	// Label is its number or bullet (numbering.xml), nil when it has none.
	Label *ListLabel
	// Anchors are the shapes, text boxes, pictures and frames placed at
	// positions of their own and anchored to this paragraph.
	Anchors []*Anchor
}

// ListLabel is the number or bullet of a paragraph in a list, laid out at
// the start of its first line like text, then its suffix.
type ListLabel struct {
	Text   string
	Props  RunProps
	Align  Align // left: starts at the first line's indent; right: ends there; center: centred on it
	Suffix Suffix
}

// Suffix is what follows a list label.
type Suffix int

// List label suffixes (w:suff).
const (
	SuffixTab     Suffix = iota // a tab to the next stop (the hanging indent counts as one)
	SuffixSpace                 // one space
	SuffixNothing               // the text follows the label at once
)

func (*Paragraph) isBlock() {}

// CellMargins are a cell's inner margins in twips.
type CellMargins struct{ Top, Left, Bottom, Right int }

// Borders of a table or a cell.
type Borders struct {
	Top, Left, Bottom, Right, InsideH, InsideV *Border
}

// VMerge is a cell's part in a vertical merge.
type VMerge int

// Vertical merge states.
const (
	VMergeNone VMerge = iota
	VMergeRestart
	VMergeContinue
)

// Table is a table.
type Table struct {
	Grid     []int // column widths, twips
	Width    int   // preferred width (w:tblW) in twips; 0 = the grid's sum
	WidthPct int   // preferred width in fiftieths of a percent of the column (w:type="pct")
	Indent   int   // twips from the text column's left edge
	Align    Align // left, center or right placement
	Borders  Borders
	Margins  CellMargins
	Compat15 bool // laid out by Word 2013+ rules (edge at the margin)
	Rows     []*Row
}

func (*Table) isBlock() {}

// HeightRule says how a row's height is read.
type HeightRule int

// Row height rules.
const (
	HeightAuto HeightRule = iota
	HeightAtLeast
	HeightExact
)

// Row is a table row.
type Row struct {
	Height     int
	HeightRule HeightRule
	Header     bool // repeated at the top of each page
	CantSplit  bool
	Cells      []*Cell
}

// Cell is a table cell.
type Cell struct {
	Span    int // grid columns covered
	VMerge  VMerge
	Borders Borders // cell-level overrides (nil sides inherit the table's)
	Margins *CellMargins
	VAlign  string // top, center, bottom
	Blocks  []Block
	Fill    string // shading "RRGGBB" (w:shd, pattern applied; the table's when the cell has none); "" for none
}
