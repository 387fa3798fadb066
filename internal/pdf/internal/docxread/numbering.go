package docxread

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/pdf/internal/docmodel"
)

// Numbering (numbering.xml) as LibreOffice 7.4 draws it (WORD-FEATURES.md
// §6): a paragraph's w:numPr, direct or from its style, names a w:num and
// a level; the w:num names an abstractNum whose level gives the label's
// text (lvlText with %1…%9 in each level's numFmt), alignment, suffix,
// indents and run properties. Counters belong to the abstractNum, so two
// w:num of one abstractNum continue each other; a w:num with a
// startOverride restarts its levels where it is first used.

// maxLevels is how many levels a list has (w:ilvl 0…8).
const maxLevels = 9

// level is one w:lvl.
type level struct {
	start   int
	format  string // w:numFmt
	text    string // w:lvlText
	align   docmodel.Align
	suffix  docmodel.Suffix
	restart int  // w:lvlRestart: the 1-based level whose use restarts this one; -1 = any higher level
	legal   bool // w:isLgl: every number in decimal
	pStyle  string
	picture bool   // w:lvlPicBulletId: a picture bullet
	font    string // the label's w:rFonts (a symbol font recodes the bullet)
	pPr     *etree.Element
	rPr     *etree.Element
}

// abstractList is a w:abstractNum with its counters.
type abstractList struct {
	levels    [maxLevels]*level
	styleLink string // w:numStyleLink: the levels are those of a numbering style's list
	cur       [maxLevels]int
	set       [maxLevels]bool // cur holds a number (the level has been used since its restart)
}

// list is a w:num: an abstractNum with overrides.
type list struct {
	abstractID string
	start      [maxLevels]int // startOverride, 0 when none (stored + 1)
	levels     [maxLevels]*level
	used       bool
}

// numbering is a document's numbering.xml.
type numbering struct {
	abstracts map[string]*abstractList
	lists     map[string]*list
	styles    *styles
	styled    bool // some paragraph style has a w:numPr
}

// readNumbering reads numbering.xml (nil root: the document has none).
func readNumbering(root *etree.Element, st *styles) *numbering {
	n := &numbering{abstracts: map[string]*abstractList{}, lists: map[string]*list{}, styles: st}
	for _, s := range st.ByID {
		n.styled = n.styled || s.Type == "paragraph" && findNumPr(s.PPr) != nil
	}
	if root == nil {
		return n
	}
	for _, a := range root.SelectElements("w:abstractNum") {
		al := &abstractList{}
		for _, l := range a.SelectElements("w:lvl") {
			if i := atoi(l.SelectAttrValue("w:ilvl", "0")); i >= 0 && i < maxLevels {
				al.levels[i] = readLevel(l)
			}
		}
		if sl := a.SelectElement("w:numStyleLink"); sl != nil {
			al.styleLink = wval(sl)
		}
		n.abstracts[a.SelectAttrValue("w:abstractNumId", "")] = al
	}
	for _, e := range root.SelectElements("w:num") {
		l := &list{}
		if a := e.SelectElement("w:abstractNumId"); a != nil {
			l.abstractID = wval(a)
		}
		for _, o := range e.SelectElements("w:lvlOverride") {
			i := atoi(o.SelectAttrValue("w:ilvl", "0"))
			if i < 0 || i >= maxLevels {
				continue
			}
			if so := o.SelectElement("w:startOverride"); so != nil {
				l.start[i] = atoi(wval(so)) + 1
			}
			if lv := o.SelectElement("w:lvl"); lv != nil {
				l.levels[i] = readLevel(lv)
			}
		}
		n.lists[e.SelectAttrValue("w:numId", "")] = l
	}
	return n
}

func readLevel(l *etree.Element) *level {
	lv := &level{start: 1, format: "decimal", restart: -1, pPr: l.SelectElement("w:pPr"), rPr: l.SelectElement("w:rPr")}
	for c := range l.ChildElementsSeq() {
		switch c.Tag {
		case "start":
			lv.start = atoi(wval(c))
		case "numFmt":
			lv.format = wval(c)
		case "lvlText":
			lv.text = wval(c)
		case "lvlJc":
			switch wval(c) {
			case "center":
				lv.align = docmodel.AlignCenter
			case "right", "end":
				lv.align = docmodel.AlignRight
			}
		case "suff":
			switch wval(c) {
			case "space":
				lv.suffix = docmodel.SuffixSpace
			case "nothing":
				lv.suffix = docmodel.SuffixNothing
			}
		case "lvlRestart":
			lv.restart = atoi(wval(c))
		case "isLgl":
			lv.legal = onOff(c)
		case "pStyle":
			lv.pStyle = wval(c)
		case "lvlPicBulletId":
			lv.picture = true
		}
	}
	if f := l.FindElement("w:rPr/w:rFonts"); f != nil {
		lv.font = f.SelectAttrValue("w:ascii", f.SelectAttrValue("w:hAnsi", ""))
	}
	return lv
}

// numRef is a paragraph's place in a list: the w:num id and the level.
type numRef struct {
	id    string
	level int
}

// numPr finds a paragraph's numbering: its own w:numPr, else its style's
// (the nearest style of the chain that has one). A numId of 0 switches
// numbering off. ok is false when the paragraph is not numbered.
func (n *numbering) numPr(pPr *etree.Element) (ref numRef, ok bool) {
	id, lvl := "", -1
	styleID := n.styles.paraStyle(pPr)
	if np := findNumPr(pPr); np != nil {
		id, lvl = numIDs(np)
	} else if !n.styled {
		return numRef{}, false
	}
	if id == "" || lvl < 0 {
		for _, st := range n.styles.Chain(styleID) {
			if np := findNumPr(st.PPr); np != nil {
				sid, slvl := numIDs(np)
				if id == "" {
					id = sid
				}
				if lvl < 0 {
					lvl = slvl
				}
				if id != "" {
					break
				}
			}
		}
	}
	if id == "" || id == "0" {
		return numRef{}, false
	}
	if lvl < 0 {
		lvl = n.styleLevel(id, styleID)
	}
	return numRef{id: id, level: min(max(lvl, 0), maxLevels-1)}, true
}

func findNumPr(pPr *etree.Element) *etree.Element {
	if pPr == nil {
		return nil
	}
	return pPr.SelectElement("w:numPr")
}

// numIDs reads a w:numPr: its numId ("" when absent) and ilvl (-1 when absent).
func numIDs(np *etree.Element) (id string, lvl int) {
	lvl = -1
	if e := np.SelectElement("w:numId"); e != nil {
		id = wval(e)
	}
	if e := np.SelectElement("w:ilvl"); e != nil {
		lvl = atoi(wval(e))
	}
	return id, lvl
}

// styleLevel is the level of a list linked to a paragraph style (w:lvl
// with w:pStyle), 0 when none is.
func (n *numbering) styleLevel(id, styleID string) int {
	for i := range maxLevels {
		if lv := n.level(id, i); lv != nil && lv.pStyle == styleID && styleID != "" {
			return i
		}
	}
	return 0
}

// abstract resolves a w:num to its abstractNum, following a numStyleLink
// to the list of the numbering style it names.
func (n *numbering) abstract(id string) *abstractList {
	l := n.lists[id]
	if l == nil {
		return nil
	}
	a := n.abstracts[l.abstractID]
	for hops := 0; a != nil && a.styleLink != "" && hops < 4; hops++ {
		st := n.styles.ByID[a.styleLink]
		if st == nil {
			return a
		}
		np := findNumPr(st.PPr)
		if np == nil {
			return a
		}
		sid, _ := numIDs(np)
		ln := n.lists[sid]
		if ln == nil {
			return a
		}
		a = n.abstracts[ln.abstractID]
	}
	return a
}

// level is the definition of a level of a w:num, its own override first.
func (n *numbering) level(id string, i int) *level {
	if l := n.lists[id]; l != nil && l.levels[i] != nil {
		return l.levels[i]
	}
	if a := n.abstract(id); a != nil {
		return a.levels[i]
	}
	return nil
}

// startOf is where a level of a w:num counts from.
func (n *numbering) startOf(id string, i int) int {
	if l := n.lists[id]; l != nil && l.start[i] > 0 {
		return l.start[i] - 1
	}
	if lv := n.level(id, i); lv != nil {
		return lv.start
	}
	return 1
}

// next counts a numbered paragraph and returns its level's definition and
// the numbers of levels 0…ref.level as they print. count false gives the
// numbers without counting (headers, footers and notes keep no counters).
func (n *numbering) next(ref numRef, count bool) (*level, [maxLevels]int) {
	var nums [maxLevels]int
	lv := n.level(ref.id, ref.level)
	a := n.abstract(ref.id)
	if lv == nil || a == nil {
		return nil, nums
	}
	l := n.lists[ref.id]
	if count {
		if !l.used {
			l.used = true
			for i := range maxLevels {
				if l.start[i] > 0 {
					a.set[i] = false
				}
			}
		}
		i := ref.level
		if a.set[i] {
			a.cur[i]++
		} else {
			a.cur[i], a.set[i] = n.startOf(ref.id, i), true
		}
		for k := i + 1; k < maxLevels; k++ {
			if restarts(n.level(ref.id, k), k, i) {
				a.set[k] = false
			}
		}
	}
	for i := range maxLevels {
		nums[i] = n.startOf(ref.id, i)
		if a.set[i] {
			nums[i] = a.cur[i]
		}
	}
	return lv, nums
}

// restarts reports whether level k restarts when level used is counted:
// after any higher level by default, after the levels above its
// lvlRestart, never for lvlRestart 0.
func restarts(lv *level, k, used int) bool {
	limit := k
	if lv != nil && lv.restart >= 0 {
		limit = lv.restart
	}
	return used < limit
}

// labelText fills a level's lvlText: %1…%9 become the numbers of those
// levels in their own formats (decimal for all with isLgl). The second
// result names a format drawn as decimal, "" when every one is known.
func (n *numbering) labelText(id string, lv *level, nums [maxLevels]int) (string, string) {
	if lv.format == "bullet" {
		return lv.text, ""
	}
	var sb strings.Builder
	unknown := ""
	t := lv.text
	for i := 0; i < len(t); i++ {
		if t[i] == '%' && i+1 < len(t) && t[i+1] >= '1' && t[i+1] <= '9' {
			k := int(t[i+1] - '1')
			f := lv.format
			if other := n.level(id, k); other != nil {
				f = other.format
			}
			if lv.legal {
				f = "decimal"
			}
			s, ok := formatNumber(nums[k], f)
			if !ok {
				unknown = f
			}
			sb.WriteString(s)
			i++
			continue
		}
		sb.WriteByte(t[i])
	}
	return sb.String(), unknown
}

// formatNumber writes n in a numFmt; ok is false for a format hoso does
// not know, written in decimal.
func formatNumber(n int, format string) (s string, ok bool) {
	switch format {
	case "decimal", "":
		return strconv.Itoa(n), true
	case "decimalZero":
		return fmt.Sprintf("%02d", n), true
	case "upperRoman", "lowerRoman":
		s = roman(n)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s, true
	case "upperLetter", "lowerLetter":
		s = letters(n)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s, true
	case "none", "bullet":
		return "", true
	case "chicago":
		return chicago(n), true
	}
	return strconv.Itoa(n), false
}

// roman writes 1…3999 in Roman numerals, other numbers in decimal.
func roman(n int) string {
	if n <= 0 || n >= 4000 {
		return strconv.Itoa(n)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var sb strings.Builder
	for i, v := range vals {
		for n >= v {
			sb.WriteString(syms[i])
			n -= v
		}
	}
	return sb.String()
}

// letters writes n as Word does: a…z, then aa…zz, aaa…; 0 and below in
// decimal.
func letters(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	return strings.Repeat(string(rune('a'+(n-1)%26)), (n-1)/26+1)
}

// chicago writes the Chicago Manual's note marks: *, †, ‡, §, then doubled.
func chicago(n int) string {
	if n <= 0 {
		return strconv.Itoa(n)
	}
	marks := []string{"*", "†", "‡", "§"}
	return strings.Repeat(marks[(n-1)%4], (n-1)/4+1)
}

// listLabel gives a numbered paragraph its label and returns the level's
// paragraph properties (its indents, which come between the style's and
// the paragraph's own). Whatever the label cannot show is warned about at
// the paragraph.
func (r *reader) listLabel(p *etree.Element, pPr *etree.Element, out *docmodel.Paragraph) (lvlPPr *etree.Element) {
	ref, ok := r.lists.numPr(pPr)
	if !ok {
		return nil
	}
	lv, nums := r.lists.next(ref, r.part == r.mainPart)
	if lv == nil {
		r.warn(r.where(p), fmt.Sprintf("đánh số tự động: không tìm thấy danh sách số %s, cấp %d trong numbering.xml: không in số", ref.id, ref.level+1))
		return nil
	}
	text, unknown := r.lists.labelText(ref.id, lv, nums)
	if unknown != "" {
		r.warn(r.where(p), fmt.Sprintf("đánh số tự động kiểu «%s» chưa được hỗ trợ: in bằng số thường (1, 2, 3)", unknown))
	}
	if lv.picture {
		r.warn(r.where(p), "dấu đầu dòng bằng hình ảnh chưa được hỗ trợ: in dấu «•»")
		text = "•"
	} else if lv.format == "bullet" {
		text = r.bulletText(p, text, lv.font)
	}
	props := out.Mark
	applyRPr(&props, lv.rPr)
	if props.Caps {
		text = strings.ToUpper(text)
	}
	if lv.format == "bullet" && symbolFont(lv.font) {
		props.Font = "" // recoded to Unicode by bulletText, drawn in Liberation Serif
	} else {
		r.noteFontOf(props.Font, p, text)
	}
	out.Label = &docmodel.ListLabel{Text: text, Props: props, Align: lv.align, Suffix: lv.suffix}
	return lv.pPr
}
