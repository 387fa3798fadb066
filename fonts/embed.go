// Package fonts embeds the typefaces hoso lays out and draws with, and
// says which of them stands for a font a DOCX names (see Lookup):
//
//   - Liberation Serif, the metric twin of Times New Roman (SIL Open Font
//     License 1.1, LICENSE-OFL.txt): the fonts of the form templates;
//   - Liberation Sans, the metric twin of Arial and Helvetica (same
//     licence);
//   - Carlito, the metric twin of Calibri, Word's default font since 2007
//     (SIL Open Font License 1.1, LICENSE-Carlito.txt);
//   - DejaVu Sans, what LibreOffice draws for a font it does not have
//     (Tahoma, Verdana, the legacy .VnTime and VNI fonts…; Bitstream Vera
//     licence, LICENSE-DejaVu.txt).
//
// Liberation Serif is stored as it is; the other faces are the original
// files compressed with gzip (the binary is smaller by half), expanded on
// first use: the bytes are the original files', which TestFilesAreTheOriginals
// checks against their SHA-256.
package fonts

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"sync"
)

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

//go:embed *.ttf.gz
var packed embed.FS

// Family is one of the typefaces hoso embeds.
type Family int

// The families. Serif is the zero value: what a run that names no font is
// drawn in.
const (
	Serif      Family = iota // Liberation Serif
	Sans                     // Liberation Sans
	Carlito                  // Carlito
	DejaVuSans               // DejaVu Sans
	NumFamilies
)

// Style is one of a family's four faces, indexable as bold<<1 | italic.
type Style int

// The styles.
const (
	StyleRegular Style = iota
	StyleItalic
	StyleBold
	StyleBoldItalic
	NumStyles
)

// families names each family for people and for PDF files (PDF has no
// spaces in a font's name), and the files of its faces by Style.
var families = [NumFamilies]struct {
	name, pdf string
	files     [NumStyles]string
}{
	Serif:      {"Liberation Serif", "LiberationSerif", [NumStyles]string{}},
	Sans:       {"Liberation Sans", "LiberationSans", [NumStyles]string{"LiberationSans-Regular", "LiberationSans-Italic", "LiberationSans-Bold", "LiberationSans-BoldItalic"}},
	Carlito:    {"Carlito", "Carlito", [NumStyles]string{"Carlito-Regular", "Carlito-Italic", "Carlito-Bold", "Carlito-BoldItalic"}},
	DejaVuSans: {"DejaVu Sans", "DejaVuSans", [NumStyles]string{"DejaVuSans", "DejaVuSans-Oblique", "DejaVuSans-Bold", "DejaVuSans-BoldOblique"}},
}

// Name is the family's name as people read it ("Liberation Sans").
func (f Family) Name() string { return families[f].name }

// PDFName is the family's name in a PDF file ("LiberationSans").
func (f Family) PDFName() string { return families[f].pdf }

var (
	faceOnce [NumFamilies][NumStyles]sync.Once
	faceData [NumFamilies][NumStyles][]byte
	faceErr  [NumFamilies][NumStyles]error
)

// Data returns the TrueType file of a face, expanded once per process;
// the bytes are shared and must not be changed.
func Data(f Family, s Style) ([]byte, error) {
	if f < 0 || f >= NumFamilies || s < 0 || s >= NumStyles {
		return nil, fmt.Errorf("fonts: no face %d/%d", f, s)
	}
	if f == Serif {
		return [NumStyles][]byte{Regular, Italic, Bold, BoldItalic}[s], nil
	}
	faceOnce[f][s].Do(func() {
		faceData[f][s], faceErr[f][s] = unpack(families[f].files[s] + ".ttf.gz")
	})
	return faceData[f][s], faceErr[f][s]
}

func unpack(name string) ([]byte, error) {
	z, err := packed.ReadFile(name)
	if err != nil {
		return nil, err
	}
	r, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("fonts: %s: %w", name, err)
	}
	return data, nil
}
