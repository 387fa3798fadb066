package layout

import "github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"

// Text wrapping around anchored objects (WORD-FEATURES.md §4), within the
// paragraph the object is anchored to. Positions here are twips below the
// paragraph's top (above its spacing before), x in the text column.

// band is the room an object the text wraps around takes from the lines
// it overlaps: its box grown by its wrap distances and half its outline.
type band struct {
	top, bottom int
	left, right float64
	below       bool // wrapTopAndBottom: no text beside it
	side        docmodel.WrapSide
}

// minRoom is the narrowest room beside an object a line is set in; a line
// with less on both sides moves below the object [model, not measured].
const minRoom = 567

// wrapper follows the lines of a paragraph down past its wrapping
// objects while the breaker fills them.
type wrapper struct {
	bands []band
	y     int // top of the next line
	again int // the spacing a first line moved below an object gets above it
	est   int // height of the next line, for the overlap test
	extra int // a line's spacing beyond its natural height (LineAuto > 100 %)
	// maxSkip bounds the room a line skips: a line and its skip fit on a
	// page, whatever the objects say.
	maxSkip int
}

// nextLine starts the line after prev (nil: the first), narrowed beside or
// moved below the objects it overlaps. Without wrapping objects it is an
// empty line.
func (b *breaker) nextLine(prev *line) *line {
	ln := &line{}
	w := b.wrap
	if w == nil {
		return ln
	}
	if prev != nil {
		b.measure(prev)
		w.y += prev.skip + prev.pitch
		w.est, w.extra = prev.pitch, prev.pitch-prev.natural
	}
	left, right := float64(b.props.IndLeft), b.width-float64(b.props.IndRight)
	for range len(w.bands) + 1 { // each pass moves the line below one more object at most
		top := w.y + ln.skip
		moved := false
		for _, bd := range w.bands {
			if top >= bd.bottom || top+w.est <= bd.top {
				continue
			}
			if onRight, ok := bd.beside(bd.left-left, right-bd.right); ok {
				if onRight {
					ln.narrowL = max(ln.narrowL, bd.right-left)
				} else {
					ln.narrowR = max(ln.narrowR, right-bd.left)
				}
				continue
			}
			// Below the object. LibreOffice sets the paragraph's first line
			// as if the paragraph began there: the spacing between it and
			// the paragraph above and that one's last line's extra spacing,
			// then the line's own extra spacing above it (§4, m04e/m04f).
			to := bd.bottom + w.extra
			if prev == nil {
				to += w.again
			}
			ln.skip, ln.narrowL, ln.narrowR, moved = min(to-w.y, w.maxSkip), 0, 0, true
			break
		}
		if !moved {
			break
		}
	}
	return ln
}

// beside says on which side of the object a line with roomL and roomR
// beside it is set (onRight), or that it goes below it (ok false): on the
// side its wrapText allows, when at least minRoom is left there; with
// both sides allowed, on the wider (LibreOffice, l2 fixture: wrapText
// "right" on an object against the right margin puts the text below it).
func (bd band) beside(roomL, roomR float64) (onRight, ok bool) {
	switch {
	case bd.below:
		return false, false
	case bd.side == docmodel.SideLeft:
		return false, roomL >= minRoom
	case bd.side == docmodel.SideRight:
		return true, roomR >= minRoom
	}
	return roomR >= roomL, max(roomL, roomR) >= minRoom
}
