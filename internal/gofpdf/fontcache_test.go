package gofpdf

// hoso: tests of the font cache (fontcache.go). A document that registers a
// font must get the font its bytes hold at that moment, whatever the cache
// saw before: the reference for every check is the same document made with
// an empty cache, as in a new process.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"sync"
	"testing"
	"time"
)

func TestMain(m *testing.M) {
	// Reproducible PDFs, as hoso sets them (internal/pdf/internal/draw).
	when := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	SetDefaultCreationDate(when)
	SetDefaultModificationDate(when)
	SetDefaultCatalogSort(true)
	os.Exit(m.Run())
}

// font reads one face of Liberation Serif from the repository's fonts/.
func font(t testing.TB, face string) []byte {
	t.Helper()
	b, err := os.ReadFile("../../fonts/LiberationSerif-" + face + ".ttf")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// padded returns a copy of b followed by zeros up to n bytes: still the same
// TrueType font (tables are found by their offsets), now n bytes long.
func padded(b []byte, n int) []byte {
	out := make([]byte, n)
	copy(out, b)
	return out
}

const sampleText = "Hồ sơ đề nghị khen thưởng — Ủy ban nhân dân"

// newDoc starts a document drawing with the font in data as family "f".
func newDoc(t testing.TB, data []byte) *Fpdf {
	t.Helper()
	pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 595, Ht: 842}})
	pdf.AddUTF8FontFromBytes("f", "", data)
	pdf.AddPage()
	pdf.SetFont("f", "", 12)
	pdf.Text(50, 50, sampleText)
	if pdf.Err() {
		t.Fatal(pdf.Error())
	}
	return pdf
}

func output(t testing.TB, pdf *Fpdf) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// reference is the PDF newDoc makes from data with an empty cache, in a copy
// of data that nothing else holds.
func reference(t testing.TB, data []byte) []byte {
	t.Helper()
	resetFontCache()
	defer resetFontCache()
	return output(t, newDoc(t, bytes.Clone(data)))
}

// widths returns the character widths the document's font "f" measures with.
func widths(pdf *Fpdf) []int {
	return pdf.fonts[getFontKey("f", "")].Cw
}

// TestReusedBufferGivesItsNewFont: a buffer that held one font, then holds
// another of the same length (a different font copied into the same memory),
// must give the second font, not the parsed definition of the first.
func TestReusedBufferGivesItsNewFont(t *testing.T) {
	regular, bold := font(t, "Regular"), font(t, "Bold")
	n := max(len(regular), len(bold))
	a, b := padded(regular, n), padded(bold, n)
	wantA, wantB := reference(t, a), reference(t, b)

	buf := make([]byte, n)
	copy(buf, a)
	docA := newDoc(t, buf)
	if got := output(t, docA); !bytes.Equal(got, wantA) {
		t.Fatal("first font: the PDF differs from one made with an empty cache")
	}
	copy(buf, b) // same array, same length, another font
	docB := newDoc(t, buf)
	if w := widths(docB); slices.Equal(w, widths(docA)) {
		t.Error("the reused buffer was given the first font's widths")
	}
	if got := output(t, docB); !bytes.Equal(got, wantB) {
		t.Error("second font in the same buffer: the PDF differs from one made with an empty cache")
	}
}

// TestSubSliceGivesItsOwnFont: a slice with the same first byte as one seen
// before and another length holds another font.
func TestSubSliceGivesItsOwnFont(t *testing.T) {
	regular, bold := font(t, "Regular"), font(t, "Bold")
	if len(bold) >= len(regular) {
		t.Fatal("the test needs Bold shorter than Regular")
	}
	wantBold := reference(t, bold)

	buf := bytes.Clone(regular)
	newDoc(t, buf)
	copy(buf, bold)
	sub := buf[:len(bold)] // same first byte, shorter
	if got := output(t, newDoc(t, sub)); !bytes.Equal(got, wantBold) {
		t.Error("sub-slice: the PDF differs from one made with an empty cache")
	}
}

// TestTwoFontsStayApart: two fonts registered in turn under the same family
// and style each give their own PDF, in either order.
func TestTwoFontsStayApart(t *testing.T) {
	regular, italic := font(t, "Regular"), font(t, "Italic")
	wantR, wantI := reference(t, regular), reference(t, italic)
	for i := range 2 {
		if got := output(t, newDoc(t, regular)); !bytes.Equal(got, wantR) {
			t.Errorf("round %d: Regular differs from one made with an empty cache", i)
		}
		if got := output(t, newDoc(t, italic)); !bytes.Equal(got, wantI) {
			t.Errorf("round %d: Italic differs from one made with an empty cache", i)
		}
	}
}

// TestBytesChangedAfterRegistration: the bytes given may change once
// AddUTF8FontFromBytes has returned; the document keeps the font they held
// (upstream read them again when writing the PDF).
func TestBytesChangedAfterRegistration(t *testing.T) {
	regular, bold := font(t, "Regular"), font(t, "Bold")
	n := max(len(regular), len(bold))
	a, b := padded(regular, n), padded(bold, n)
	wantA := reference(t, a)

	for _, cached := range []bool{false, true} {
		resetFontCache()
		if cached {
			newDoc(t, bytes.Clone(a)) // the next document finds a in the cache
		}
		buf := bytes.Clone(a)
		doc := newDoc(t, buf)
		copy(buf, b)
		if got := output(t, doc); !bytes.Equal(got, wantA) {
			t.Errorf("cached %v: the PDF changed with the bytes after registration", cached)
		}
	}
}

// table returns where the table tag's directory record, and the table,
// lie in the TrueType file b.
func table(t *testing.T, b []byte, tag string) (rec, off, length int) {
	t.Helper()
	n := int(binary.BigEndian.Uint16(b[4:]))
	for rec := 12; rec < 12+16*n; rec += 16 {
		if string(b[rec:rec+4]) == tag {
			return rec, int(binary.BigEndian.Uint32(b[rec+8:])), int(binary.BigEndian.Uint32(b[rec+12:]))
		}
	}
	t.Fatalf("no %s table", tag)
	return 0, 0, 0
}

// addToWord adds d to the big-endian word at b[i:i+4].
func addToWord(b []byte, i int, d uint32) {
	binary.BigEndian.PutUint32(b[i:], binary.BigEndian.Uint32(b[i:])+d)
}

// TestEditedTableIsSeen: a font changed in place, one table edited and its
// checksum in the directory updated (as a font tool writes it), is a new
// font for the slice that held the old one.
func TestEditedTableIsSeen(t *testing.T) {
	regular := font(t, "Regular")
	edited := bytes.Clone(regular)
	rec, post, _ := table(t, edited, "post")
	addToWord(edited, post+8, 1) // underline thickness + 1
	addToWord(edited, rec+4, 1)  // the post table's checksum
	want := reference(t, edited)
	if bytes.Equal(want, reference(t, regular)) {
		t.Fatal("the edit does not change the PDF: the test cannot tell the fonts apart")
	}

	buf := bytes.Clone(regular)
	newDoc(t, buf)
	copy(buf, edited)
	if got := output(t, newDoc(t, buf)); !bytes.Equal(got, want) {
		t.Error("the edited font was taken for the one the slice held before")
	}
}

// TestUnseenEditGivesTheFirstFontWhole: an edit in place that keeps every
// table's checksum (a sum of words) is not seen in the slice that held the
// font (fontcache.go says why); the document then gets the font as first
// given, whole, never a mix. Given in another slice, the edited bytes are
// compared in full and give the edited font.
func TestUnseenEditGivesTheFirstFontWhole(t *testing.T) {
	regular := font(t, "Regular")
	edited := bytes.Clone(regular)
	_, post, _ := table(t, edited, "post")
	addToWord(edited, post+8, 1)           // underline thickness + 1
	addToWord(edited, post+16, ^uint32(0)) // minMemType42 - 1: same checksum
	wantFirst, wantEdited := reference(t, regular), reference(t, edited)
	if bytes.Equal(wantFirst, wantEdited) {
		t.Fatal("the edit does not change the PDF: the test cannot tell the fonts apart")
	}

	buf := bytes.Clone(regular)
	newDoc(t, buf)
	copy(buf, edited)
	if got := output(t, newDoc(t, buf)); !bytes.Equal(got, wantFirst) {
		t.Error("same slice: the PDF is not the first font's")
	}
	if got := output(t, newDoc(t, bytes.Clone(edited))); !bytes.Equal(got, wantEdited) {
		t.Error("another slice: the edited bytes did not give the edited font")
	}
}

// TestSameBytesParsedOnce: the same font in two different slices is parsed
// once; both documents share the parsed character map.
func TestSameBytesParsedOnce(t *testing.T) {
	resetFontCache()
	regular := font(t, "Regular")
	one := newDoc(t, regular)
	two := newDoc(t, bytes.Clone(regular))
	key := getFontKey("f", "")
	c1, c2 := one.fonts[key].utf8File.cmap, two.fonts[key].utf8File.cmap
	if c1 == nil || c1 != c2 {
		t.Errorf("character maps %p and %p: the second slice was parsed again", c1, c2)
	}
	if n := fontCacheLen(); n != 1 {
		t.Errorf("%d cache entries for one font, want 1", n)
	}
}

// TestParallelDocuments draws documents with two fonts on several
// goroutines at once (run with -race): each PDF equals its reference.
func TestParallelDocuments(t *testing.T) {
	fonts := [][]byte{font(t, "Regular"), font(t, "BoldItalic")}
	want := [][]byte{reference(t, fonts[0]), reference(t, fonts[1])}
	var wg sync.WaitGroup
	errs := make(chan error, 8*6)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 6 {
				k := (g + i) % 2
				pdf := NewCustom(&InitType{UnitStr: "pt", Size: SizeType{Wd: 595, Ht: 842}})
				pdf.AddUTF8FontFromBytes("f", "", fonts[k])
				pdf.AddPage()
				pdf.SetFont("f", "", 12)
				pdf.Text(50, 50, sampleText)
				var buf bytes.Buffer
				if err := pdf.Output(&buf); err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(buf.Bytes(), want[k]) {
					errs <- fmt.Errorf("goroutine %d, document %d: font %d differs from its reference", g, i, k)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// resetFontCache empties the cache, as in a new process.
func resetFontCache() {
	utf8FontsMu.Lock()
	clear(utf8Fonts)
	utf8FontsMu.Unlock()
	seen.Clear()
}

func fontCacheLen() int {
	utf8FontsMu.RLock()
	defer utf8FontsMu.RUnlock()
	n := 0
	for _, list := range utf8Fonts {
		n += len(list)
	}
	return n
}
