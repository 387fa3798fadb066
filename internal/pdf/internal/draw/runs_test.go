package draw

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/internal/layout"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// A condensed, expanded or scaled text is drawn as one text with its
// character spacing (Tc, divided by the scale, which PDF applies to it)
// and horizontal scale (Tz), put back inside the same text object: the
// plain text after it has neither, and both read back as words.
func TestSpacingAndScaleAreTextState(t *testing.T) {
	p := &layout.Page{W: 595, H: 842, Texts: []layout.Text{
		{X: 72, Y: 100, Face: layout.Bold, Size: 14, Text: "CỘNG HÒA XÃ HỘI", Spacing: -0.3},
		{X: 72, Y: 130, Face: layout.Regular, Size: 14, Text: "Chữ kéo giãn", Spacing: 0.5, Scale: 0.9},
		{X: 72, Y: 160, Face: layout.Regular, Size: 14, Text: "Sau đó bình thường"},
	}}
	pdf, err := Draw([]*layout.Page{p}, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for _, l := range strings.Split(pageContent(t, pdf), "\n") {
		if strings.Contains(l, " Tj") {
			texts = append(texts, l)
		}
	}
	if len(texts) != 3 {
		t.Fatalf("%d texts drawn, want 3:\n%s", len(texts), strings.Join(texts, "\n"))
	}
	for i, want := range []*regexp.Regexp{
		regexp.MustCompile(`^BT -0\.3000 Tc 100\.0000 Tz [\d.]+ [\d.]+ Td \(.*\) Tj 0 Tc 100 Tz ET$`),
		regexp.MustCompile(`^BT 0\.5556 Tc 90\.0000 Tz [\d.]+ [\d.]+ Td \(.*\) Tj 0 Tc 100 Tz ET$`),
		regexp.MustCompile(`^BT [\d.]+ [\d.]+ Td \(.*\) Tj ET$`),
	} {
		if !want.MatchString(texts[i]) {
			t.Errorf("text %d: %q does not match %s", i+1, texts[i], want)
		}
	}
	got := string(testtool.PDFText(t, pdf))
	for _, w := range []string{"CỘNG HÒA XÃ HỘI", "Chữ kéo giãn", "Sau đó bình thường"} {
		if !strings.Contains(got, w) {
			t.Errorf("%q not read back from:\n%s", w, got)
		}
	}
}

// Text in the other families is drawn in their embedded faces (the
// fonts a PDF embeds are the faces its pages use), and reads back.
func TestOtherFamiliesAreEmbedded(t *testing.T) {
	sans, carlito, dejavu := layout.Face(4), layout.Face(8), layout.Face(12)
	p := &layout.Page{W: 595, H: 842, Texts: []layout.Text{
		{X: 72, Y: 100, Face: sans, Size: 13, Text: "Arial: " + vietnamese},
		{X: 72, Y: 130, Face: carlito | layout.Italic, Size: 13, Text: "Calibri: " + vietnamese},
		{X: 72, Y: 160, Face: dejavu | layout.Bold, Size: 10, Text: "Tahoma: " + vietnamese},
	}}
	pdf, err := Draw([]*layout.Page{p}, Meta{})
	if err != nil {
		t.Fatal(err)
	}
	var bases []string
	for _, m := range regexp.MustCompile(`/Subtype /CIDFontType2\n/BaseFont /(\S+)`).FindAllSubmatch(pdf, -1) {
		bases = append(bases, string(m[1]))
	}
	slices.Sort(bases)
	// maroto's default font (Liberation Serif) is always registered.
	if got := strings.Join(bases, " "); got != "utf8carlitoI utf8dejavusansB utf8liberationsans utf8liberationserif" {
		t.Errorf("embedded %s", got)
	}
	got := string(testtool.PDFText(t, pdf))
	for _, w := range []string{"Arial: ", "Calibri: ", "Tahoma: "} {
		if !strings.Contains(got, w+vietnamese) {
			t.Errorf("%q not read back from:\n%s", w+vietnamese, got)
		}
	}
}
