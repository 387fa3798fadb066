package docxread

import (
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Theme font markers: a run that names a theme font (w:asciiTheme) holds
// one of these in Font until styles.resolveFont puts the theme's font in.
const (
	themeMajor = "+major"
	themeMinor = "+minor"
)

// Word's limits: spacing and position of 1584 pt either way, a scale of
// 1 to 600 %. Values beyond them (which Word does not write) are brought
// within.
const (
	maxSpacing  = 1584 * 20 // twips
	maxPosition = 1584 * 2  // half-points
	maxScale    = 600       // percent
)

// applyRunFormat reads the character formatting applyRPr leaves to it:
// fonts, spacing, scale, kerning, position, vertical alignment, colour,
// highlight and shading, hidden text.
func applyRunFormat(rp *docmodel.RunProps, c *etree.Element) {
	switch c.Tag {
	case "rFonts":
		if f := runFont(c); f != "" {
			rp.Font = f
		}
	case "spacing":
		if v, ok := twips(c, "w:val"); ok {
			rp.Spacing = min(max(v, -maxSpacing), maxSpacing)
		}
	case "w":
		if v := atoi(strings.TrimSuffix(wval(c), "%")); v > 0 {
			rp.Scale = min(v, maxScale)
			if v == 100 {
				rp.Scale = 0
			}
		}
	case "kern":
		rp.Kern = atoi(wval(c)) != 0
	case "position":
		rp.Position = min(max(atoi(wval(c)), -maxPosition), maxPosition)
	case "vertAlign":
		switch wval(c) {
		case "superscript":
			rp.VertAlign = docmodel.VertSuper
		case "subscript":
			rp.VertAlign = docmodel.VertSub
		default:
			rp.VertAlign = docmodel.VertBaseline
		}
	case "color":
		rp.Color = textColor(wval(c))
	case "highlight":
		rp.Highlight = highlightColors[wval(c)]
	case "shd":
		rp.Shading = shading(c)
	case "vanish":
		rp.Hidden = onOff(c)
	}
}

// runFont is the font an rFonts element names for Latin text: the theme
// font, else ascii, else hAnsi (LibreOffice reads ascii; Word uses hAnsi
// for letters beyond ASCII, the same font in every real document).
func runFont(c *etree.Element) string {
	for _, a := range []string{"w:asciiTheme", "w:hAnsiTheme"} {
		switch v := c.SelectAttrValue(a, ""); {
		case strings.HasPrefix(v, "major"):
			return themeMajor
		case strings.HasPrefix(v, "minor"):
			return themeMinor
		}
	}
	for _, a := range []string{"w:ascii", "w:hAnsi"} {
		if v := strings.TrimSpace(c.SelectAttrValue(a, "")); v != "" {
			return v
		}
	}
	return ""
}

// textColor is a text colour as RRGGBB, or "" for auto, a value that is
// no colour, and black (what a run without colour draws).
func textColor(v string) string {
	if v = validHex(v); v == "000000" {
		return ""
	}
	return v
}

// highlightColors are w:highlight's sixteen colours as Word draws them.
var highlightColors = map[string]string{
	"black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
	"red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
	"darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
	"darkGray": "808080", "lightGray": "C0C0C0",
}

// validHex is v in capitals when it is an RRGGBB colour, else "".
func validHex(v string) string {
	if len(v) != 6 {
		return ""
	}
	if _, err := strconv.ParseUint(v, 16, 32); err != nil {
		return ""
	}
	return strings.ToUpper(v)
}

// themeFonts reads the major (headings) and minor (body) Latin fonts of a
// theme part, what w:asciiTheme names.
func themeFonts(root *etree.Element) (major, minor string) {
	scheme := child(child(root, "themeElements"), "fontScheme")
	typeface := func(font string) string {
		if l := child(child(scheme, font), "latin"); l != nil {
			return l.SelectAttrValue("typeface", "")
		}
		return ""
	}
	return typeface("majorFont"), typeface("minorFont")
}

// resolveFont puts the theme's font in place of a theme marker (the theme
// is read the first time); a theme without that font leaves the run with
// none (Times New Roman).
func (s *styles) resolveFont(rp *docmodel.RunProps) {
	if (rp.Font == themeMajor || rp.Font == themeMinor) && !s.themeRead {
		s.themeRead = true
		if s.theme != nil {
			s.major, s.minor = s.theme()
		}
	}
	switch rp.Font {
	case themeMajor:
		rp.Font = s.major
	case themeMinor:
		rp.Font = s.minor
	}
}
