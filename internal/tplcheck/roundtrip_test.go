package tplcheck_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/templates"
)

// samples are every submission in samples/; both form sets are used.
func samples(t *testing.T) []string {
	t.Helper()
	m, err := filepath.Glob("../../samples/*.toml")
	if err != nil || len(m) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	return m
}

// docText is the text of a DOCX body: the w:t of each paragraph joined,
// one paragraph a line.
func docText(t *testing.T, docx []byte) string {
	t.Helper()
	doc := etree.NewDocument()
	if err := doc.ReadFromString(ooxmltest.PartIn(t, docx, "word/document.xml")); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, p := range paragraphs(doc.Root()) {
		var sb strings.Builder
		for _, tx := range p.FindElements(".//w:t") {
			if nearestP(tx) != p {
				continue // text of a nested paragraph (text box) belongs to it
			}
			sb.WriteString(tx.Text())
		}
		lines = append(lines, sb.String())
	}
	return strings.Join(lines, "\n")
}

// paragraphs lists the w:p under root in document order.
func paragraphs(root *etree.Element) []*etree.Element {
	var out []*etree.Element
	for _, c := range root.ChildElements() {
		if c.Space == "w" && c.Tag == "p" {
			out = append(out, c)
		}
		out = append(out, paragraphs(c)...)
	}
	return out
}

func nearestP(e *etree.Element) *etree.Element {
	for a := e.Parent(); a != nil; a = a.Parent() {
		if a.Space == "w" && a.Tag == "p" {
			return a
		}
	}
	return nil
}

// build builds one sample with the sets in fsys and returns each
// document's text by file name.
func build(t *testing.T, fsys fs.FS, sample string) (map[string]string, string) {
	t.Helper()
	sets, err := formset.Load(fsys)
	if err != nil {
		t.Fatalf("formset.Load: %v", err)
	}
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	d, err := dossier.Build(sample, src, sets)
	if err != nil {
		t.Fatalf("%s: %v", sample, err)
	}
	out := map[string]string{}
	for _, doc := range d.Documents {
		out[doc.DOCX] = docText(t, doc.Bytes)
	}
	return out, d.FormSet.ID
}

// TestRoundTripFixturesGiveTheSameText builds every sample with the
// templates after a LibreOffice round trip and with tags split the way
// Word splits them, and compares the text of every document with what the
// shipped templates give.
func TestRoundTripFixturesGiveTheSameText(t *testing.T) {
	usedSets := map[string]bool{}
	for _, sample := range samples(t) {
		want, set := build(t, templates.FS, sample)
		usedSets[set] = true
		for _, fx := range []string{"lo", "word"} {
			t.Run(filepath.Base(sample)+"/"+fx, func(t *testing.T) {
				got, gotSet := build(t, os.DirFS(filepath.Join("testdata", fx)), sample)
				if gotSet != set {
					t.Fatalf("form set %s, want %s", gotSet, set)
				}
				if len(got) != len(want) {
					t.Fatalf("%d documents, want %d", len(got), len(want))
				}
				for name, w := range want {
					g, ok := got[name]
					if !ok {
						t.Errorf("%s missing", name)
						continue
					}
					if strings.Contains(g, "{{") || strings.Contains(g, "}}") {
						t.Errorf("%s: a tag was left in the output", name)
					}
					if g != w {
						t.Errorf("%s: text differs from the shipped templates' output\n%s", name, firstDiff(w, g))
					}
				}
			})
		}
	}
	for _, s := range []string{"nd98-2023", "nd152-2025"} {
		if !usedSets[s] {
			t.Errorf("no sample is built with %s", s)
		}
	}
}

// firstDiff shows the first line where a and b differ.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) || i < len(lb); i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return "paragraph " + strconv.Itoa(i+1) + ":\n want: " + x + "\n  got: " + y
		}
	}
	return ""
}
