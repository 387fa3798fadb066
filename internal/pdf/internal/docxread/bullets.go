package docxread

import (
	"fmt"
	"strings"

	"github.com/beevik/etree"
)

// Bullets in the symbol fonts. Word writes a bullet as a code of the Symbol
// or Wingdings font (U+F0B7, U+F0A7…, or the same code without U+F000);
// neither font is free, and LibreOffice draws such a code with the glyph
// of the Unicode character it stands for (from OpenSymbol). hoso draws that
// character in Liberation Serif; where Liberation Serif has no glyph for
// it, a close one it has, with a warning.

// symbolBullet is what one code of a symbol font stands for, and what hoso
// draws for it (the same unless Liberation Serif lacks the character).
type symbolBullet struct{ means, drawn rune }

// symbolFonts maps the codes of the symbol fonts that Word's bullet
// library and office documents use.
var symbolFonts = map[string]map[byte]symbolBullet{
	"symbol": {
		0xB7: {'•', '•'}, 0xA8: {'♦', '♦'}, 0xA7: {'♣', '♣'}, 0xA9: {'♥', '♥'}, 0xAA: {'♠', '♠'},
		0xAE: {'→', '→'}, 0xDE: {'⇒', '→'}, 0xDB: {'⇔', '⇔'}, 0x2D: {'−', '−'}, 0xB0: {'°', '°'},
	},
	"wingdings": {
		0x6C: {'●', '●'}, 0x6E: {'■', '■'}, 0x6F: {'□', '□'}, 0x71: {'❑', '□'}, 0x75: {'◆', '♦'},
		0x76: {'❖', '♦'}, 0x77: {'⬥', '♦'}, 0xA7: {'▪', '▪'}, 0xA8: {'◻', '□'}, 0x9F: {'•', '•'},
		0xD8: {'➢', '►'}, 0xE8: {'➔', '→'}, 0xF0: {'⇨', '→'}, 0xFB: {'✗', '×'}, 0xFC: {'✓', '√'},
		0xFD: {'☒', '□'}, 0xFE: {'☑', '□'}, 0x4A: {'☺', '☺'}, 0xAB: {'★', '*'},
	},
}

// bulletText turns a bullet level's text in font into what hoso draws:
// unchanged unless font is a symbol font, whose codes become the
// characters they stand for. Codes it does not know, and characters drawn
// as a near glyph, are warned about at paragraph p.
func (r *reader) bulletText(p *etree.Element, text, font string) string {
	table := symbolFonts[strings.ToLower(strings.TrimSpace(font))]
	if table == nil {
		if symbolFont(font) {
			r.warn(r.where(p), fmt.Sprintf("dấu đầu dòng phông %s chưa được hỗ trợ: in dấu «•»", font))
			return "•"
		}
		return text
	}
	var sb strings.Builder
	for _, c := range text {
		code := c
		if c >= 0xF000 && c <= 0xF0FF {
			code = c - 0xF000
		}
		b, ok := table[byte(code)]
		if code > 0xFF || !ok {
			r.warn(r.where(p), fmt.Sprintf("dấu đầu dòng mã %04X phông %s chưa được hỗ trợ: in dấu «•»", c, font))
			sb.WriteRune('•')
			continue
		}
		if b.drawn != b.means {
			r.warn(r.where(p), fmt.Sprintf("dấu đầu dòng «%c» (phông %s) không có trong phông chữ nhúng (Liberation Serif): in thành «%c»", b.means, font, b.drawn))
		}
		sb.WriteRune(b.drawn)
	}
	return sb.String()
}

// symbolFont reports whether font is a symbol font whose codes bulletText
// turns into Unicode characters (or «•»): the bullet is then drawn in
// Liberation Serif, not in the font the level names.
func symbolFont(font string) bool {
	return symbolFonts[strings.ToLower(strings.TrimSpace(font))] != nil ||
		strings.HasPrefix(strings.ToLower(font), "wingdings") || strings.EqualFold(font, "Webdings")
}
