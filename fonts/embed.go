// Package fonts embeds Liberation Serif, the metric twin of Times New Roman
// (SIL Open Font License 1.1, see LICENSE-OFL.txt). The DOCX files name
// Times New Roman; the PDF is laid out and drawn with these faces, which
// have the same advance widths.
package fonts

import _ "embed"

// The four faces of Liberation Serif.
var (
	//go:embed LiberationSerif-Regular.ttf
	Regular []byte
	//go:embed LiberationSerif-Bold.ttf
	Bold []byte
	//go:embed LiberationSerif-Italic.ttf
	Italic []byte
	//go:embed LiberationSerif-BoldItalic.ttf
	BoldItalic []byte
)
