package draw

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/hoso-vn/hoso/fonts"
	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
	"github.com/hoso-vn/hoso/internal/testtool"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// vietnamese uses precomposed letters that Liberation Serif draws as
// composite glyphs (a base letter plus marks), the case where the subsetter
// rewrites glyph data.
const vietnamese = "Ủy ban phường Tân Sơn Hòa: Đặng Thị Ửng, Nguyễn Văn Ễ, Trần Thị Ỹ"

func testPage() *layout.Page {
	p := &layout.Page{W: 595, H: 842}
	for f := range faceStyles {
		p.Texts = append(p.Texts, layout.Text{X: 72, Y: 100 + 24*float64(f), Face: layout.Face(f), Size: 13, Text: vietnamese})
	}
	return p
}

// TestDrawLeavesTheFontsUntouched: the embedded font files are shared by
// every PDF of the process (internal/gofpdf parses each once), so drawing
// must not write into them.
func TestDrawLeavesTheFontsUntouched(t *testing.T) {
	faces := [][]byte{fonts.Regular, fonts.Italic, fonts.Bold, fonts.BoldItalic}
	var before [][32]byte
	for _, f := range faces {
		before = append(before, sha256.Sum256(f))
	}
	for i := 0; i < 3; i++ {
		if _, err := Draw([]*layout.Page{testPage()}, Meta{}); err != nil {
			t.Fatal(err)
		}
	}
	for i, f := range faces {
		if sha256.Sum256(f) != before[i] {
			t.Errorf("font file %d changed while drawing", i)
		}
	}
}

// TestParallelDrawsGiveTheSameBytes draws the same page on several
// goroutines at once (run with -race): with the fonts and their character
// maps shared, every PDF must still be the same, and hold the text.
func TestParallelDrawsGiveTheSameBytes(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1767225600")
	const n = 6
	out := make([][]byte, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i], errs[i] = Draw([]*layout.Page{testPage()}, Meta{Title: "Thử"})
		}()
	}
	wg.Wait()
	for i := range n {
		if errs[i] != nil {
			t.Fatal(errs[i])
		}
		if !bytes.Equal(out[i], out[0]) {
			t.Fatalf("PDF %d differs from PDF 0", i)
		}
	}
	text := testtool.PDFText(t, out[0])
	if got := strings.Count(string(text), vietnamese); got != len(faceStyles) {
		t.Errorf("read back %d copies of the line, want %d:\n%s", got, len(faceStyles), text)
	}
}

// TestFontSelectionIsNotRepeated: maroto selects the font up to three
// times for every piece of text; the patched gofpdf writes a selection
// only when it changes what is in force on the page, and each face's
// text still follows its own selection.
func TestFontSelectionIsNotRepeated(t *testing.T) {
	p := testPage()
	for k, w := range strings.Fields("hai từ nữa cùng phông") {
		p.Texts = append(p.Texts, layout.Text{X: 72 + 40*float64(k), Y: 300, Face: layout.Bold, Size: 13, Text: w})
	}
	pdf, err := Draw([]*layout.Page{p}, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	content := pageContent(t, pdf)
	lines := strings.Split(content, "\n")
	selections, texts := 0, 0
	inForce := ""
	for i, l := range lines {
		switch {
		case strings.HasSuffix(l, " Tf ET"):
			selections++
			if l == inForce {
				t.Errorf("line %d selects the font in force again: %q", i, l)
			}
			inForce = l
		case !strings.HasPrefix(l, "BT ") && strings.Contains(l, "Q"):
			inForce = "" // a restored graphics state
		}
		if strings.Contains(l, " Tj ET") {
			texts++
		}
	}
	if texts < len(faceStyles) || selections < len(faceStyles) {
		t.Errorf("%d font selections for %d texts in four faces:\n%s", selections, texts, content)
	}
}

// pageContent is the (last) page content stream of a PDF, inflated.
func pageContent(t *testing.T, pdf []byte) string {
	t.Helper()
	var content string
	for _, m := range regexp.MustCompile(`(?s)/Filter /FlateDecode /Length \d+>>\nstream\n(.*?)\nendstream`).FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(r)
		if bytes.Contains(b, []byte(" Tj")) {
			content = string(b)
		}
	}
	if content == "" {
		t.Fatal("no page content stream found")
	}
	return content
}

// TestWidthsMatchTheFont reads every /W (CIDFont widths) array back and
// checks each code's width against the font file's own advance, read with
// golang.org/x/image/font/sfnt: the patched gofpdf writes the arrays in
// one pass of its own. Every drawn character must be listed.
func TestWidthsMatchTheFont(t *testing.T) {
	p := testPage()
	// Runs of equal widths (digits), gaps, and codes far apart.
	p.Texts = append(p.Texts, layout.Text{X: 72, Y: 400, Face: layout.Regular, Size: 13,
		Text: "0123456789 ĂăĐđƠơƯư ẠạẢảẤấ “trích” – … №"})
	pdf, err := Draw([]*layout.Page{p}, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	// gofpdf names a face "utf8" + family in lower case + maroto's style.
	baseFont := func(f layout.Face) string { return "utf8" + strings.ToLower(Family) + string(faceStyles[f]) }
	files := [4][]byte{layout.Regular: fonts.Regular, layout.Italic: fonts.Italic, layout.Bold: fonts.Bold, layout.BoldItalic: fonts.BoldItalic}
	faces := map[string][]byte{}
	for f, file := range files {
		faces[baseFont(layout.Face(f))] = file
	}
	cidFont := regexp.MustCompile(`(?s)/Subtype /CIDFontType2\n/BaseFont /(\S+)\n.*?(/W \[.*?\n? \])\n/CIDToGIDMap`)
	found := cidFont.FindAllSubmatch(pdf, -1)
	if len(found) != len(faceStyles) {
		t.Fatalf("%d CIDFonts with widths, want %d", len(found), len(faceStyles))
	}
	for _, m := range found {
		name := string(m[1])
		file, ok := faces[name]
		if !ok {
			t.Fatalf("unknown font %s", name)
		}
		widths, err := parseW(string(m[2]))
		if err != nil {
			t.Fatalf("%s: %v in %s", name, err, m[2])
		}
		f, err := sfnt.Parse(file)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		upem := fixed.I(int(f.UnitsPerEm()))
		for cid, w := range widths {
			gi, err := f.GlyphIndex(&buf, rune(cid))
			if err != nil || gi == 0 {
				t.Errorf("%s: width given for %U, which the font lacks", name, cid)
				continue
			}
			adv, _ := f.GlyphAdvance(&buf, gi, upem, font.HintingNone)
			if want := math.Round(float64(adv.Round()) * 1000 / float64(f.UnitsPerEm())); float64(w) != want {
				t.Errorf("%s: %U width %d, font says %v", name, cid, w, want)
			}
		}
		for _, tx := range p.Texts {
			if baseFont(tx.Face) != name {
				continue
			}
			for _, r := range tx.Text {
				if _, ok := widths[int(r)]; !ok {
					t.Errorf("%s: %q (%U) drawn but has no width", name, r, r)
				}
			}
		}
	}
}

// parseW reads a /W array: "c [w1 w2 …]" lists and "c1 c2 w" ranges.
func parseW(s string) (map[int]int, error) {
	s = strings.TrimPrefix(s, "/W")
	s = strings.NewReplacer("[", " [ ", "]", " ] ").Replace(s)
	tok := strings.Fields(s)
	if len(tok) < 2 || tok[0] != "[" || tok[len(tok)-1] != "]" {
		return nil, fmt.Errorf("not an array")
	}
	tok = tok[1 : len(tok)-1]
	out := map[int]int{}
	num := func(i int) (int, error) {
		if i >= len(tok) {
			return 0, fmt.Errorf("cut short")
		}
		return strconv.Atoi(tok[i])
	}
	for i := 0; i < len(tok); {
		c, err := num(i)
		if err != nil {
			return nil, err
		}
		if i+1 < len(tok) && tok[i+1] == "[" {
			j := i + 2
			for ; j < len(tok) && tok[j] != "]"; j++ {
				w, err := num(j)
				if err != nil {
					return nil, err
				}
				out[c+j-i-2] = w
			}
			i = j + 1
			continue
		}
		last, err := num(i + 1)
		if err != nil {
			return nil, err
		}
		w, err := num(i + 2)
		if err != nil {
			return nil, err
		}
		for k := c; k <= last; k++ {
			out[k] = w
		}
		i += 3
	}
	return out, nil
}

// TestEmbeddedFontsAreWholeTrueType checks each embedded subset: its
// stream inflates with a correct Adler-32 to /Length1 bytes (the patched
// gofpdf splices a per-file compressed part in), every table's checksum
// and the whole file's (head's adjustment) are right, and the drawn
// characters have glyphs with outlines.
func TestEmbeddedFontsAreWholeTrueType(t *testing.T) {
	pdf, err := Draw([]*layout.Page{testPage()}, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	streams := regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`).FindAllSubmatchIndex(pdf, -1)
	if len(streams) != len(faceStyles) {
		t.Fatalf("%d embedded font files, want %d", len(streams), len(faceStyles))
	}
	for _, m := range streams {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		length1, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		zr, err := zlib.NewReader(bytes.NewReader(pdf[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		ttf, err := io.ReadAll(zr) // fails on a wrong Adler-32
		if err != nil {
			t.Fatalf("font stream: %v", err)
		}
		if len(ttf) != length1 {
			t.Errorf("font is %d bytes, /Length1 says %d", len(ttf), length1)
		}
		sum := func(b []byte) (s uint32) {
			for i := 0; i < len(b); i += 4 {
				var w [4]byte
				copy(w[:], b[i:])
				s += uint32(w[0])<<24 | uint32(w[1])<<16 | uint32(w[2])<<8 | uint32(w[3])
			}
			return s
		}
		if got := sum(ttf); got != 0xB1B0AFBA {
			t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", got)
		}
		tables := int(ttf[4])<<8 | int(ttf[5])
		for i := 0; i < tables; i++ {
			e := ttf[12+16*i:]
			tag := string(e[:4])
			want := uint32(e[4])<<24 | uint32(e[5])<<16 | uint32(e[6])<<8 | uint32(e[7])
			off := int(e[8])<<24 | int(e[9])<<16 | int(e[10])<<8 | int(e[11])
			size := int(e[12])<<24 | int(e[13])<<16 | int(e[14])<<8 | int(e[15])
			if off+size > len(ttf) {
				t.Fatalf("table %q runs past the end", tag)
			}
			data := bytes.Clone(ttf[off : off+size])
			if tag == "head" {
				copy(data[8:12], []byte{0, 0, 0, 0})
			}
			if got := sum(data); got != want {
				t.Errorf("table %q checksum %#x, directory says %#x", tag, got, want)
			}
		}
		f, err := sfnt.Parse(ttf)
		if err != nil {
			t.Fatalf("subset does not parse: %v", err)
		}
		var buf sfnt.Buffer
		for _, r := range vietnamese {
			if r == ' ' || r == ',' || r == ':' {
				continue
			}
			gi, err := f.GlyphIndex(&buf, r)
			if err != nil || gi == 0 {
				t.Errorf("%q has no glyph in the subset", r)
				continue
			}
			segs, err := f.LoadGlyph(&buf, gi, fixed.I(12), nil)
			if err != nil || len(segs) == 0 {
				t.Errorf("%q: glyph without outline (%v)", r, err)
			}
		}
	}
}

// TestFaceOfNamesTheDrawnFonts draws a text in every face of every family
// on a page of its own: the one font of each page, by its /BaseFont, is
// the face FaceOf gives.
func TestFaceOfNamesTheDrawnFonts(t *testing.T) {
	baseFont := regexp.MustCompile(`/Subtype /Type0\n/BaseFont /(\S+)`)
	for f := range layout.NumFaces {
		page := &layout.Page{W: 595, H: 842, Texts: []layout.Text{{X: 72, Y: 100, Face: f, Size: 12, Text: "Hòa"}}}
		if f != layout.Regular { // maroto's default font is always there
			page.Texts = append(page.Texts, layout.Text{X: 72, Y: 120, Face: layout.Regular, Size: 12, Text: "x"})
		}
		pdf, err := Draw([]*layout.Page{page}, Meta{})
		if err != nil {
			t.Fatal(err)
		}
		found := map[layout.Face]bool{}
		for _, m := range baseFont.FindAllSubmatch(pdf, -1) {
			got, ok := FaceOf(string(m[1]))
			if !ok {
				t.Fatalf("face %d: FaceOf(%q) knows no face", f, m[1])
			}
			found[got] = true
		}
		if !found[f] || len(found) != min(2, int(f)+1) {
			t.Errorf("face %d: the PDF's fonts are faces %v", f, found)
		}
	}
	if _, ok := FaceOf("utf8goregular"); ok {
		t.Error("FaceOf names a font hoso does not draw")
	}
}
