package layout

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
	"github.com/rivo/uniseg"
)

type pieceKind int

const (
	pWord pieceKind = iota
	pSpace
	pTab
	pBreak     // manual line break
	pPageBreak // manual page break
)

// piece is the smallest unit of line breaking: a word fragment in one
// style, one space, a tab or a break.
type piece struct {
	kind       pieceKind
	text       string
	face       Face
	size       int // half-points
	width      float64
	underline  bool
	strike     bool
	field      docmodel.InlineKind // FieldPage/FieldPages: text is a stand-in
	breakAfter bool                // a line may end after this fragment (after a hyphen)
	x          float64             // position from the text column's left edge, once placed
	st         *runStyle           // formatting beyond face and size; nil for plain text
	next       rune                // the character after this fragment in its run (kerning), 0 at its end
	runEnd     bool                // the fragment ends its run
	lead       float64             // a list label drawn this far left of x (right or centred labels)
	note       *docmodel.Note      // the footnote this note mark refers to

	obj *docmodel.InlineShape // an object in the line (kind pWord, text U+FFFC)
}

// line is one laid-out line of a paragraph.
type line struct {
	pieces    []piece
	width     float64 // natural width without trailing spaces
	endsBreak bool    // ends with a manual line break
	justified bool    // its spaces are widened (words are drawn one by one)
	pageBreak bool    // a manual page break follows
	last      bool    // the paragraph's last line
	isFirst   bool    // the paragraph's first line (first-line indent)
	lm        lineMetrics
	pitch     int // advance to the next line, twips
	base      int // baseline below the line top, twips
	natural   int // height that must fit above the page bottom
	// Room left beside anchored objects the text wraps around (twips from
	// the indents), and the space skipped above the line to pass below
	// them (wrap.go).
	narrowL, narrowR float64
	skip             int
}

// toPieces cuts a paragraph's inlines into pieces and marks where a line
// may break: the Unicode line breaking algorithm (UAX #14, as LibreOffice's
// ICU breaker applies it) over the whole paragraph text, except that a
// line never breaks after "/" (LibreOffice keeps "30/2020" and "abc/def"
// whole). A PAGE field is measured with pageText, the number of the page
// being laid out when it is known (headers), a stand-in otherwise.
func toPieces(p *docmodel.Paragraph, pageText string) []piece {
	var sb strings.Builder
	starts := make([]int, len(p.Inlines)+1)
	for k, in := range p.Inlines {
		starts[k] = sb.Len()
		switch in.Kind {
		case docmodel.Text:
			sb.WriteString(in.Text)
		case docmodel.Tab:
			sb.WriteString("\t")
		case docmodel.LineBreak, docmodel.PageBreak:
			sb.WriteString("\n")
		case docmodel.NoteRef:
			sb.WriteString(in.Text)
		case docmodel.Object:
			sb.WriteString(objectChar)
		default:
			sb.WriteString(pageText)
		}
	}
	text := sb.String()
	starts[len(p.Inlines)] = len(text)
	breaks := lineBreaks(text)
	// About a word and a space per space, plus one piece per inline.
	out := make([]piece, 0, 2*strings.Count(text, " ")+len(p.Inlines)+3)
	out = appendLabel(out, p.Label)
	for k, in := range p.Inlines {
		face := faceFor(in.Props)
		base := piece{face: face, size: in.Props.Size, underline: in.Props.Underline != "" && in.Props.Underline != "none",
			strike: in.Props.Strike, st: styleOf(in.Props, metricsOf(face))}
		from, to := starts[k], starts[k+1]
		switch in.Kind {
		case docmodel.Tab:
			pc := base
			pc.kind, pc.breakAfter = pTab, true
			out = append(out, pc)
		case docmodel.LineBreak:
			pc := base
			pc.kind = pBreak
			out = append(out, pc)
		case docmodel.PageBreak:
			pc := base
			pc.kind = pPageBreak
			out = append(out, pc)
		case docmodel.FieldPage, docmodel.FieldPages:
			pc := base
			pc.kind, pc.field, pc.text, pc.runEnd = pWord, in.Kind, pageText, true
			pc.width = pc.measure(pc.text, 0, true)
			pc.breakAfter = breaks[to]
			out = append(out, pc)
		case docmodel.NoteRef:
			out = appendMark(out, base, in, text[from:to], from, breaks)
		case docmodel.Object:
			out = append(out, objectPiece(base, in.Shape, breaks[to]))
		default:
			out = appendText(out, base, text[from:to], from, breaks)
		}
	}
	return out
}

// lineBreaks marks the byte offsets of text where a line may break
// (breaks[i]: before text[i]; breaks[len(text)]: at the end).
func lineBreaks(text string) []bool {
	breaks := make([]bool, len(text)+1)
	if text == "" {
		return breaks
	}
	if plainWords(text) {
		// Letters, digits, spaces and , . : ; only: UAX #14 breaks after
		// each run of spaces unless punctuation follows, and at the end,
		// nowhere else (LB7, LB13, LB18, LB23, LB25, LB28, LB29);
		// TestPlainWordsBreakAsUAX14 checks it against uniseg character
		// by character.
		for i := 1; i < len(text); i++ {
			breaks[i] = text[i-1] == ' ' && text[i] != ' ' && strings.IndexByte(plainPunct, text[i]) < 0
		}
		breaks[len(text)] = true
		return breaks
	}
	state, pos := -1, 0
	for rest := text; len(rest) > 0; {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		pos += len(seg)
		if pos > 0 && text[pos-1] != '/' {
			breaks[pos] = true
		}
	}
	// LibreOffice 7.4 breaks after a hyphen-minus before a digit, where
	// UAX #14 (LB25) does not: "0312840639-|002", "2023-|2025", "số -|2025"
	// (WORD-FEATURES.md §10). A non-breaking hyphen (U+2011) never breaks.
	for i := 1; i < len(text); i++ {
		if text[i-1] == '-' && text[i] >= '0' && text[i] <= '9' {
			breaks[i] = true
		}
	}
	return breaks
}

// plainWords reports whether text holds only Latin letters (Vietnamese
// included), ASCII digits, spaces and the punctuation , . : ; (UAX #14
// classes AL, NU, SP and IS), with no digit right after punctuation.
func plainWords(text string) bool {
	for i, r := range text {
		switch {
		case r < utf8.RuneSelf:
			if !plainASCII[r] {
				return false
			}
			// A digit after punctuation may break or not depending on
			// what comes before (LB25): left to uniseg.
			if r >= '0' && r <= '9' && i > 0 && strings.IndexByte(plainPunct, text[i-1]) >= 0 {
				return false
			}
		case r >= 0xC0 && r <= 0x24F && r != 0xD7 && r != 0xF7, r >= 0x1E00 && r <= 0x1EFF:
			if !unicode.IsLetter(r) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// plainPunct is the punctuation plainWords takes (UAX #14 class IS).
const plainPunct = ",.:;"

var plainASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for _, c := range " " + plainPunct {
		t[c] = true
	}
	return t
}()

// appendText splits the text of one inline (starting at byte offset from
// in the paragraph) into words and spaces, cutting words where a line may
// break inside them (after a hyphen: "05/TTr-|UBND").
func appendText(out []piece, base piece, text string, from int, breaks []bool) []piece {
	add := func(kind pieceKind, start, end int) {
		pc := base
		pc.kind, pc.text, pc.breakAfter = kind, text[start:end], breaks[from+end]
		pc.next, pc.runEnd = firstRune(text[end:]), end == len(text)
		pc.width = pc.measure(pc.text, pc.next, pc.runEnd)
		out = append(out, pc)
	}
	word := func(start, end int) {
		if start < end {
			add(pWord, start, end)
		}
	}
	start := 0
	for i, r := range text {
		switch {
		case r == ' ':
			word(start, i)
			add(pSpace, i, i+1)
			start = i + 1
		case i > start && breaks[from+i]:
			word(start, i)
			start = i
		}
	}
	word(start, len(text))
	return out
}

// shown maps a character to the one Word shows for it: the non-breaking
// hyphen is drawn as a hyphen (the font has no glyph of its own for it);
// a soft hyphen (U+00AD, the letter ư of the legacy TCVN3 fonts) shows
// nothing and takes no room, as in LibreOffice.
func shown(s string) string {
	for i := 0; i+1 < len(s); i++ {
		// U+00AD is C2 AD in UTF-8, U+2011 E2 80 91.
		if s[i] == 0xC2 && s[i+1] == 0xAD || s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && s[i+2] == 0x91 {
			return shownReplacer.Replace(s)
		}
	}
	return s
}

var shownReplacer = strings.NewReplacer("\u2011", "-", "\u00ad", "")

// drawable is shown(s) with every character beyond the Basic Multilingual
// Plane (an emoji), which the fonts do not have and the PDF writer cannot
// subset, replaced by U+FFFD (an emoji crashed the PDF writer with an index
// out of range; see dossier's TestEmojiInADocument…).
func drawable(s string) string {
	s = shown(s)
	for _, r := range s {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return '\uFFFD'
				}
				return r
			}, s)
		}
	}
	return s
}

// breaker holds what line breaking needs to know about the column.
type breaker struct {
	width      float64 // text column width, twips
	props      docmodel.ParaProps
	defaultTab int
	markSize   int
	markFace   Face     // the paragraph mark's face: an empty line's height
	wrap       *wrapper // anchored objects the text wraps around; nil: none
}

// breakLines fills lines greedily: a line takes words while their widths
// and the spaces between them (not the trailing ones) fit the space
// between the indents.
func (b *breaker) breakLines(pcs []piece) []*line {
	f := &lineFill{b: b, pcs: pcs, cur: b.nextLine(nil), first: true, formatted: styled(pcs)}
	for i := 0; i < len(f.pcs); {
		if next, ok := f.control(i); ok {
			i = next
			continue
		}
		i = f.unit(i)
	}
	if len(f.pcs) > f.start || len(f.lines) == 0 || f.lines[len(f.lines)-1].endsBreak {
		f.finish(len(f.pcs))
	}
	f.lines[len(f.lines)-1].last = true
	for _, ln := range f.lines {
		b.place(ln)
	}
	return f.lines
}

// lineFill is breakLines at work: the lines made so far and the one being
// filled. A line's pieces are a stretch of pcs (which toPieces made for
// this call alone): pcs[start:i] is the line being filled.
type lineFill struct {
	b     *breaker
	pcs   []piece
	lines []*line
	cur   *line
	first bool // cur is the paragraph's first line
	start int
	curX  float64 // advance of everything on the line, trailing spaces included
	// The same, measured as LibreOffice measures lines with formatted runs,
	// in paragraphs that have some (plain ones keep the exact sum).
	fit       fitAcc
	formatted bool
}

// indent is where the line being filled starts.
func (f *lineFill) indent() float64 {
	if f.first {
		return float64(f.b.props.IndLeft+f.b.props.FirstLine) + f.cur.narrowL
	}
	return float64(f.b.props.IndLeft) + f.cur.narrowL
}

// avail is the room between the indents of the line being filled.
func (f *lineFill) avail() float64 {
	return f.b.width - f.indent() - float64(f.b.props.IndRight) - f.cur.narrowR
}

// finish ends the line being filled before pcs[end] and starts the next.
func (f *lineFill) finish(end int) {
	f.cur.pieces = f.pcs[f.start:end:end]
	f.cur.isFirst = f.first
	f.cur.width = trimmedWidth(f.cur.pieces)
	f.lines = append(f.lines, f.cur)
	f.cur = f.b.nextLine(f.cur)
	f.curX, f.fit = 0, fitAcc{}
	f.first = false
	f.start = end
}

// control takes pcs[i] when it is not part of a word: a space or a tab
// goes on the line, a line or page break ends it. ok is false for a word;
// next is where to go on.
func (f *lineFill) control(i int) (next int, ok bool) {
	pc := &f.pcs[i]
	switch pc.kind {
	case pSpace:
	case pTab:
		pc.width = f.b.tabWidth(f.indent()+f.curX, f.pcs[i+1:], f.first)
	case pBreak:
		f.cur.endsBreak = true
		f.finish(i + 1)
		return i + 1, true
	case pPageBreak:
		f.cur.pageBreak = true
		f.finish(i)
		f.start = i + 1
		return i + 1, true
	default:
		return i, false
	}
	f.curX += pc.width
	if f.formatted {
		f.fit = f.fit.add(pc)
	}
	return i + 1, true
}

// unit puts on the line the pieces from pcs[i] to the next break
// opportunity (its trailing spaces may hang past the line's end), or ends
// the line before them when they do not fit; a unit longer than a whole
// line is cut between characters. It returns where to go on.
func (f *lineFill) unit(i int) int {
	pcs := f.pcs
	j := i
	for j < len(pcs) && (pcs[j].kind == pWord || pcs[j].kind == pSpace) {
		j++
		if pcs[j-1].breakAfter {
			break
		}
	}
	w := trimmedWidth(pcs[i:j])
	if !f.fits(i, j, w) && hasWord(pcs[f.start:i]) {
		f.finish(i)
		return i
	}
	if w > f.avail()+0.001 && !hasWord(pcs[f.start:i]) {
		// The line's head and the rest take the unit's place in pcs.
		rest := f.b.cutUnit(pcs[i:j], f.avail()-f.curX)
		f.pcs = append(append(append(pcs[:i:i], rest[0]...), rest[1]...), pcs[j:]...)
		f.finish(i + len(rest[0]))
		return i + len(rest[0])
	}
	full := 0.0
	for _, u := range pcs[i:j] {
		full += u.width
	}
	f.curX += full
	for ; f.formatted && i < j; i++ {
		f.fit = f.fit.add(&pcs[i])
	}
	return j
}

// fits tells whether the unit pcs[i:j], w wide without its trailing
// spaces, fits on the line being filled.
func (f *lineFill) fits(i, j int, w float64) bool {
	if !f.formatted || !f.fit.styled && !styled(f.pcs[i:j]) {
		return f.curX+w <= f.avail()+0.001
	}
	with := f.fit
	for k := i; k < i+trailingStart(f.pcs[i:j]); k++ {
		with = with.add(&f.pcs[k])
	}
	return with.width()-lineSpacing(f.pcs[i:j]) <= f.avail()+0.001
}

// cutUnit splits a unit that is wider than a line between characters:
// the first part fits in room (at least one character), the rest follows.
func (b *breaker) cutUnit(unit []piece, room float64) [2][]piece {
	var head, tail []piece
	used := 0.0
	for k, pc := range unit {
		if tail != nil {
			tail = append(tail, pc)
			continue
		}
		if used+pc.width <= room || (pc.obj != nil && len(head) == 0) {
			head = append(head, pc)
			used += pc.width
			continue
		}
		cut := 0
		for idx, r := range pc.text {
			end := idx + utf8.RuneLen(r)
			next, last := firstRune(pc.text[end:]), end == len(pc.text)
			if last {
				next = pc.next
			}
			rw := pc.measure(pc.text[idx:end], next, last && pc.runEnd)
			if used+rw > room && (len(head) > 0 || idx > 0) {
				break
			}
			used += rw
			cut = end
		}
		if cut > 0 {
			h := pc
			h.text = pc.text[:cut]
			h.next, h.runEnd = firstRune(pc.text[cut:]), pc.runEnd && cut == len(pc.text)
			h.width = h.measure(h.text, h.next, h.runEnd)
			h.breakAfter = false
			head = append(head, h)
		}
		if cut < len(pc.text) {
			t := pc
			t.text = pc.text[cut:]
			t.width = t.measure(t.text, t.next, t.runEnd)
			tail = append(tail, t)
		}
		tail = append(tail, unit[k+1:]...)
		break
	}
	return [2][]piece{head, tail}
}

func hasWord(pcs []piece) bool {
	for _, pc := range pcs {
		if pc.kind == pWord || pc.kind == pTab {
			return true
		}
	}
	return false
}

// trimmedWidth is the advance of pieces without the trailing spaces and
// without the character spacing of the last character (LibreOffice
// neither fits nor aligns it).
func trimmedWidth(pcs []piece) float64 {
	w := 0.0
	end := trailingStart(pcs)
	for _, pc := range pcs[:end] {
		w += pc.width
	}
	return w - lineSpacing(pcs[:end])
}

// tabWidth is the advance of a tab at column position x: to the next
// custom stop, else to the next multiple of the default tab width measured
// from the column edge (the hanging indent counts as a stop). Right and
// centre stops align the text that follows up to the next tab.
func (b *breaker) tabWidth(x float64, rest []piece, first bool) float64 {
	stops := append([]docmodel.TabStop{}, b.props.Tabs...)
	if first && b.props.FirstLine < 0 {
		stops = append(stops, docmodel.TabStop{Pos: b.props.IndLeft, Align: "left"})
	}
	var best *docmodel.TabStop
	for k := range stops {
		s := &stops[k]
		if float64(s.Pos) > x+0.001 && (best == nil || s.Pos < best.Pos) {
			best = s
		}
	}
	if best == nil {
		def := float64(b.defaultTab)
		if def <= 0 {
			def = 720
		}
		n := float64(int(x/def) + 1)
		return n*def - x
	}
	w := float64(best.Pos) - x
	following := 0.0
	for _, pc := range rest {
		if pc.kind == pTab || pc.kind == pBreak || pc.kind == pPageBreak {
			break
		}
		following += pc.width
	}
	switch best.Align {
	case "right", "end":
		w -= following
	case "center":
		w -= following / 2
	}
	if w < 0 {
		w = 0
	}
	return w
}

// measure sets a line's vertical measures.
func (b *breaker) measure(ln *line) {
	ln.lm = b.lineMetrics(ln.pieces)
	ln.pitch, ln.base, ln.natural = pitch(ln.lm, b.props)
	raiseForObjects(ln, b.props)
}

// place sets the x of every piece of a line and its vertical measures.
func (b *breaker) place(ln *line) {
	b.measure(ln)
	indent := float64(b.props.IndLeft) + ln.narrowL
	if ln.isFirst {
		indent += float64(b.props.FirstLine)
	}
	avail := b.width - indent - float64(b.props.IndRight) - ln.narrowR
	x := indent
	// Justification widens the spaces after the last tab and before the
	// trailing spaces.
	from, end := 0, trailingStart(ln.pieces)
	for k, pc := range ln.pieces {
		if pc.kind == pTab {
			from = k + 1
		}
	}
	extra := 0.0
	switch b.props.Align {
	case docmodel.AlignCenter:
		x += (avail - ln.width) / 2
	case docmodel.AlignRight:
		x += avail - ln.width
	case docmodel.AlignBoth:
		if !ln.last || ln.endsBreak {
			n := 0
			for _, pc := range ln.pieces[from:end] {
				if pc.kind == pSpace {
					n++
				}
			}
			if n > 0 && avail > ln.width {
				extra = (avail - ln.width) / float64(n)
			}
		}
	}
	ln.justified = extra > 0.01 // less cannot be seen: the words stay one text
	for k := range ln.pieces {
		ln.pieces[k].x = x
		x += ln.pieces[k].width
		if extra > 0 && ln.pieces[k].kind == pSpace && k >= from && k < end {
			x += extra
		}
	}
}

// trailingStart is the index where the trailing spaces (and break) begin.
func trailingStart(pcs []piece) int {
	end := len(pcs)
	for end > 0 && (pcs[end-1].kind == pSpace || pcs[end-1].kind == pBreak) {
		end--
	}
	return end
}

// pitch returns a line's advance, its baseline offset and the height that
// must fit above the page bottom, by the paragraph's line rule.
func pitch(lm lineMetrics, p docmodel.ParaProps) (adv, base, natural int) {
	switch p.LineRule {
	case docmodel.LineExact:
		return p.Line, 4 * p.Line / 5, p.Line
	case docmodel.LineAtLeast:
		if p.Line > lm.natural {
			return p.Line, lm.base + p.Line - lm.natural, p.Line
		}
		return lm.natural, lm.base, lm.natural
	}
	pct := percent(p.Line)
	if pct >= 100 {
		return lm.natural + lm.natural*(pct-100)/100, lm.base, lm.natural
	}
	adv = lm.natural * pct / 100
	return adv, 4 * adv / 5, adv
}

// percent converts a line value in 240ths to LibreOffice's integer
// percentage (exact halves round down).
func percent(v int) int {
	q := v * 5
	pct, rem := q/12, q%12
	if rem*2 > 12 {
		pct++
	}
	return pct
}

// fieldText is what a field piece prints on a page.
func fieldText(kind docmodel.InlineKind, page, pages int) string {
	if kind == docmodel.FieldPages {
		return strconv.Itoa(pages)
	}
	return strconv.Itoa(page)
}
