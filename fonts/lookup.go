package fonts

import "strings"

// Kind says how closely the face Lookup finds stands for the font named.
type Kind int

// The kinds of match.
const (
	// Same: the face is the font or its metric twin (same advance widths):
	// text is laid out as Word lays it out.
	Same Kind = iota
	// Fallback: LibreOffice has no such font either and draws the text in
	// this face (fontconfig's default, DejaVu Sans): hoso draws what
	// LibreOffice draws; Word, with the real font, breaks lines elsewhere.
	Fallback
	// Nearest: LibreOffice draws the text in a face hoso does not embed
	// (Cambria's Caladea, Courier New's Liberation Mono…); this is the
	// embedded face nearest to it.
	Nearest
)

// Match is what Lookup finds for a font name.
type Match struct {
	Family       Family
	Bold, Italic bool // the name itself says bold or italic ("Times New Roman Bold")
	Kind         Kind
	// Instead is, for a Nearest match, the face LibreOffice uses.
	Instead string
}

// known maps font names, lower case without spaces, to what stands for
// them. The faces LibreOffice 7.4 draws were measured with fc-match and in
// its PDFs (internal/pdf/internal/layout/WORD-FEATURES.md §8).
var known = map[string]Match{
	"timesnewroman":    {Family: Serif},
	"times":            {Family: Serif},
	"tinos":            {Family: Serif},
	"liberationserif":  {Family: Serif},
	"arial":            {Family: Sans},
	"helvetica":        {Family: Sans},
	"arimo":            {Family: Sans},
	"liberationsans":   {Family: Sans},
	"calibri":          {Family: Carlito},
	"carlito":          {Family: Carlito},
	"dejavusans":       {Family: DejaVuSans},
	"cambria":          {Family: Serif, Kind: Nearest, Instead: "Caladea"},
	"caladea":          {Family: Serif, Kind: Nearest, Instead: "Caladea"},
	"georgia":          {Family: Serif, Kind: Nearest, Instead: "DejaVu Serif"},
	"garamond":         {Family: Serif, Kind: Nearest, Instead: "DejaVu Serif"},
	"palatinolinotype": {Family: Serif, Kind: Nearest, Instead: "DejaVu Serif"},
	"couriernew":       {Family: DejaVuSans, Kind: Nearest, Instead: "Liberation Mono"},
	"courier":          {Family: DejaVuSans, Kind: Nearest, Instead: "Liberation Mono"},
	"liberationmono":   {Family: DejaVuSans, Kind: Nearest, Instead: "Liberation Mono"},
	"consolas":         {Family: DejaVuSans, Kind: Nearest, Instead: "DejaVu Sans Mono"},
}

// styleSuffixes are what PDF-to-Word converters and old documents append
// to a family name ("Times New Roman Bold", "TimesNewRomanPS-BoldMT",
// "Arial,Italic"), longest first.
var styleSuffixes = []string{"bolditalic", "boldoblique", "italic", "oblique", "bold", "regular", "mt", "ps"}

// Lookup finds the embedded face that stands for a font a run names: the
// font itself or its metric twin, else the face LibreOffice draws it in
// (DejaVu Sans for every font it does not know). An empty name is Times
// New Roman, the templates' font. A style in the name ("Times New Roman
// Bold") is read as Word reads it: Times New Roman, bold.
func Lookup(name string) Match {
	key := compact(name)
	if key == "" {
		return Match{Family: Serif}
	}
	if m, ok := known[key]; ok {
		return m
	}
	bold, italic := false, false
	for rest := key; ; {
		cut := ""
		for _, s := range styleSuffixes {
			if len(rest) > len(s) && strings.HasSuffix(rest, s) {
				cut = s
				break
			}
		}
		if cut == "" {
			break
		}
		rest = strings.TrimSuffix(rest, cut)
		bold = bold || strings.Contains(cut, "bold")
		italic = italic || strings.Contains(cut, "italic") || strings.Contains(cut, "oblique")
		if m, ok := known[rest]; ok {
			m.Bold, m.Italic = bold, italic
			return m
		}
	}
	return Match{Family: DejaVuSans, Kind: Fallback}
}

// compact is a font name in lower case without spaces and the separators
// converters put before a style.
func compact(name string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		switch r {
		case ' ', '-', ',', '_', '\t':
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
