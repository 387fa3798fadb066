package tplcheck_test

// The committed fixtures under testdata/ are made from the shipped form
// sets by this file:
//
//	go test ./internal/tplcheck -run TestFixtures -update
//
//	testdata/lo/<set>/      every template after a LibreOffice round trip
//	                        (soffice --headless --convert-to "docx:MS Word 2007 XML")
//	testdata/word/<set>/    every tag split the way Word splits what a person
//	                        types: runs with rsids, spell-check marks (proofErr),
//	                        language runs, a _GoBack bookmark, "{{" typed in two
//	                        goes, smart quotes in formatter arguments
//	testdata/broken/<case>/ nd152-2025 with one template broken
//
// Without -update, TestFixturesAreCurrent fails when the shipped templates
// changed and the fixtures were not made again.

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/beevik/etree"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/templates"
)

var update = flag.Bool("update", false, "make the fixtures in testdata/ again from templates/")

// shippedSets are the set folders of templates/.
func shippedSets(t *testing.T) []string {
	t.Helper()
	m, err := fs.Glob(templates.FS, "*/bo-mau.toml")
	if err != nil || len(m) == 0 {
		t.Fatalf("no shipped sets: %v", err)
	}
	var out []string
	for _, x := range m {
		out = append(out, path.Dir(x))
	}
	sort.Strings(out)
	return out
}

// readZip returns the entries of a DOCX in order.
func readZip(t *testing.T, raw []byte) ([]string, map[string][]byte) {
	t.Helper()
	var names []string
	files := map[string][]byte{}
	for _, p := range ooxmltest.Unzip(t, raw) {
		names = append(names, p.Name)
		files[p.Name] = []byte(p.Data)
	}
	return names, files
}

// writeZip writes entries deterministically (fixed times), so a fixture
// made twice is the same bytes.
func writeZip(t *testing.T, names []string, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, Modified: time.Date(2025, 7, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(files[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// editPart applies fn to one XML part of a DOCX.
func editPart(t *testing.T, raw []byte, part string, fn func(doc *etree.Document)) []byte {
	t.Helper()
	names, files := readZip(t, raw)
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(files[part]); err != nil {
		t.Fatalf("%s: %v", part, err)
	}
	fn(doc)
	out, err := doc.WriteToBytes()
	if err != nil {
		t.Fatal(err)
	}
	files[part] = out
	return writeZip(t, names, files)
}

// replaceText replaces old with new in the XML text of a part, once.
func replaceText(t *testing.T, raw []byte, part, old, new string) []byte {
	t.Helper()
	names, files := readZip(t, raw)
	s := string(files[part])
	if strings.Count(s, old) < 1 {
		t.Fatalf("%s: %q not found", part, old)
	}
	files[part] = []byte(strings.Replace(s, old, new, 1))
	return writeZip(t, names, files)
}

// ---------------------------------------------------------------- Word-style splitting

var (
	tagInText = regexp.MustCompile(`\{\{.*?\}\}`)
	// pieces of a tag as Word's spell checker and autocorrect cut them
	tagPieces = regexp.MustCompile(`\{\{|\}\}|\.|\||"[^"]*"|[a-z_]+|[^a-z_.|"{}]+`)
	identRe   = regexp.MustCompile(`^[a-z_]+$`)
)

// wordSplit rewrites every run holding a tag the way Word stores text a
// person typed over several editing sessions.
func wordSplit(t *testing.T, raw []byte) []byte {
	return editPart(t, raw, "word/document.xml", func(doc *etree.Document) {
		w := &wordTyping{}
		for _, p := range doc.FindElements("//w:p") {
			p.CreateAttr("w:rsidR", w.nextRsid())
			p.CreateAttr("w:rsidRDefault", "00B41C2D")
			for _, r := range p.SelectElements("w:r") {
				ts := r.SelectElements("w:t")
				if len(ts) != 1 || !strings.Contains(ts[0].Text(), "{{") {
					continue
				}
				pieces, kinds := w.pieces(ts[0].Text())
				parent := r.Parent()
				at := r.Index()
				parent.RemoveChild(r)
				for i, tok := range w.runs(pieces, kinds, r.SelectElement("w:rPr")) {
					parent.InsertChildAt(at+i, tok)
				}
			}
		}
	})
}

// wordTyping is what Word keeps across a document while it stores what a
// person typed: the editing sessions (rsids), the tags met so far (which
// decide how each is split) and whether the _GoBack bookmark is placed.
type wordTyping struct {
	rsid   int
	tagNo  int
	goBack bool
}

// nextRsid is the id of a new editing session.
func (w *wordTyping) nextRsid() string {
	w.rsid++
	return fmt.Sprintf("00%06X", 0xA10000+w.rsid*7919%0xFFFF)
}

// pieces cuts the text of a run into what was typed in one go, each of a
// kind: "text" around the tags, "ident" (a field name, marked by the
// spell checker) or "punct". "{{" or "}}" of some tags is typed in two
// goes, and the quotes of formatter arguments are made curly.
func (w *wordTyping) pieces(text string) (pieces, kinds []string) {
	last := 0
	for _, loc := range tagInText.FindAllStringIndex(text, -1) {
		if loc[0] > last {
			pieces, kinds = append(pieces, text[last:loc[0]]), append(kinds, "text")
		}
		w.tagNo++
		tag := text[loc[0]:loc[1]]
		for _, pc := range tagPieces.FindAllString(tag, -1) {
			switch {
			case pc == "{{" && w.tagNo%3 == 0:
				// "{{" typed in two goes: two runs
				pieces, kinds = append(pieces, "{", "{"), append(kinds, "punct", "punct")
			case pc == "}}" && w.tagNo%3 == 1:
				pieces, kinds = append(pieces, "}", "}"), append(kinds, "punct", "punct")
			case strings.HasPrefix(pc, `"`):
				// autocorrect makes the quotes curly
				pieces, kinds = append(pieces, "“"+strings.Trim(pc, `"`)+"”"), append(kinds, "punct")
			case identRe.MatchString(pc):
				pieces, kinds = append(pieces, pc), append(kinds, "ident")
			default:
				pieces, kinds = append(pieces, pc), append(kinds, "punct")
			}
		}
		last = loc[1]
	}
	if last < len(text) {
		pieces, kinds = append(pieces, text[last:]), append(kinds, "text")
	}
	return pieces, kinds
}

// runs makes a run of each piece, with the run properties rPr: every run
// has its session, every other one a formatting session too; a field
// name is in English (w:lang) between spell-check marks (w:proofErr),
// and the first one is followed by the _GoBack bookmark.
func (w *wordTyping) runs(pieces, kinds []string, rPr *etree.Element) []etree.Token {
	var out []etree.Token
	for i, pc := range pieces {
		nr := etree.NewElement("w:r")
		nr.CreateAttr("w:rsidR", w.nextRsid())
		if i%2 == 1 {
			nr.CreateAttr("w:rsidRPr", w.nextRsid())
		}
		if rPr != nil {
			np := rPr.Copy()
			if kinds[i] == "ident" {
				lang := np.CreateElement("w:lang")
				lang.CreateAttr("w:val", "en-US")
			}
			nr.AddChild(np)
		} else if kinds[i] == "ident" {
			np := nr.CreateElement("w:rPr")
			np.CreateElement("w:lang").CreateAttr("w:val", "en-US")
		}
		nt := nr.CreateElement("w:t")
		nt.CreateAttr("xml:space", "preserve")
		nt.SetText(pc)
		if kinds[i] != "ident" {
			out = append(out, nr)
			continue
		}
		ps := etree.NewElement("w:proofErr")
		ps.CreateAttr("w:type", "spellStart")
		pe := etree.NewElement("w:proofErr")
		pe.CreateAttr("w:type", "spellEnd")
		out = append(out, ps, nr, pe)
		if !w.goBack {
			w.goBack = true
			bs := etree.NewElement("w:bookmarkStart")
			bs.CreateAttr("w:id", "0")
			bs.CreateAttr("w:name", "_GoBack")
			be := etree.NewElement("w:bookmarkEnd")
			be.CreateAttr("w:id", "0")
			out = append(out, bs, be)
		}
	}
	return out
}

// ---------------------------------------------------------------- broken sets

// brokenCase is one committed broken set: nd152-2025 with one template
// changed.
type brokenCase struct {
	dir  string // folder under testdata/broken
	file string // the template changed
	what string // the change, for the manifest comment
	make func(t *testing.T, raw []byte) []byte
}

var brokenCases = []brokenCase{
	{"truong-la", "to-trinh.docx", "trường không có: {{van_ban.trich_yu}}", func(t *testing.T, raw []byte) []byte {
		return replaceText(t, raw, "word/document.xml", "{{van_ban.trich_yeu}}", "{{van_ban.trich_yu}}")
	}},
	{"vong-lap-ho", "bien-ban.docx", "{{for d in bien_ban.noi_dung}} thiếu {{end}}", func(t *testing.T, raw []byte) []byte {
		names, files := readZip(t, raw)
		s := string(files["word/document.xml"])
		at := strings.Index(s, "{{for d in bien_ban.noi_dung}}")
		end := strings.Index(s[at:], "{{end}}")
		if at < 0 || end < 0 {
			t.Fatal("bien-ban.docx: loop not found")
		}
		files["word/document.xml"] = []byte(s[:at+end] + s[at+end+len("{{end}}"):])
		return writeZip(t, names, files)
	}},
	{"the-dau-trang", "bao-cao-ca-nhan.docx", "thẻ {{doi_tuong.ho_ten}} trong đầu trang", func(t *testing.T, raw []byte) []byte {
		return editPart(t, raw, "word/header1.xml", func(doc *etree.Document) {
			p := doc.Root().CreateElement("w:p")
			p.CreateElement("w:pPr").CreateElement("w:jc").CreateAttr("w:val", "right")
			r := p.CreateElement("w:r")
			r.CreateElement("w:t").SetText("{{doi_tuong.ho_ten}}")
		})
	}},
	{"phong-arial", "bao-cao-tap-the.docx", "tiêu đề «BÁO CÁO THÀNH TÍCH» phông Arial", func(t *testing.T, raw []byte) []byte {
		return editPart(t, raw, "word/document.xml", func(doc *etree.Document) {
			for _, tx := range doc.FindElements("//w:t") {
				if tx.Text() == "BÁO CÁO THÀNH TÍCH" {
					rPr := tx.Parent().SelectElement("w:rPr")
					f := etree.NewElement("w:rFonts")
					for _, a := range []string{"w:ascii", "w:hAnsi", "w:cs"} {
						f.CreateAttr(a, "Arial")
					}
					rPr.InsertChildAt(0, f)
					return
				}
			}
			t.Fatal("title not found")
		})
	}},
	{"kho-letter", "xac-nhan-thue.docx", "khổ giấy Letter", func(t *testing.T, raw []byte) []byte {
		return editPart(t, raw, "word/document.xml", func(doc *etree.Document) {
			for _, pg := range doc.FindElements("//w:pgSz") {
				pg.CreateAttr("w:w", "12240")
				pg.CreateAttr("w:h", "15840")
			}
		})
	}},
	{"vong-lap-lech", "to-trinh.docx", "{{for g in nhom}} trong bảng, {{end}} của nó ở đoạn sau bảng", func(t *testing.T, raw []byte) []byte {
		return editPart(t, raw, "word/document.xml", func(doc *etree.Document) {
			tbls := doc.FindElements("//w:body/w:tbl")
			list := tbls[len(tbls)-1]
			rows := list.SelectElements("w:tr")
			lastT := rows[len(rows)-1].FindElement(".//w:t")
			if lastT == nil || lastT.Text() != "{{end}}" {
				t.Fatal("last row of the list is not {{end}}")
			}
			lastT.SetText("")
			after := list.Parent().Child[list.Index()+1].(*etree.Element)
			tx := after.FindElement(".//w:t")
			tx.SetText("{{end}}" + tx.Text())
		})
	}},
}

// ---------------------------------------------------------------- generation

// fixtureFiles makes every fixture but the LibreOffice ones: path under
// testdata → bytes.
func fixtureFiles(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, set := range shippedSets(t) {
		entries, err := fs.ReadDir(templates.FS, set)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			raw, err := fs.ReadFile(templates.FS, path.Join(set, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(e.Name(), ".docx") {
				raw = wordSplit(t, raw)
			}
			out[path.Join("word", set, e.Name())] = raw
		}
	}
	manifest, err := fs.ReadFile(templates.FS, "nd152-2025/bo-mau.toml")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := fs.ReadDir(templates.FS, "nd152-2025")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range brokenCases {
		id := "hong-" + c.dir
		m := strings.Replace(string(manifest), `id = "nd152-2025"`, fmt.Sprintf("id = %q", id), 1)
		m = "# Bộ mẫu hỏng để kiểm thử: " + c.file + ": " + c.what + ".\n# Làm bởi internal/tplcheck/fixtures_test.go (go test -run TestFixtures -update).\n" + m
		out[path.Join("broken", c.dir, "bo-mau.toml")] = []byte(m)
		for _, e := range entries {
			if !strings.HasSuffix(e.Name(), ".docx") {
				continue
			}
			raw, err := fs.ReadFile(templates.FS, path.Join("nd152-2025", e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if e.Name() == c.file {
				raw = c.make(t, raw)
			}
			out[path.Join("broken", c.dir, e.Name())] = raw
		}
	}
	return out
}

// sourceHash identifies the shipped templates the LibreOffice fixtures
// were made from.
func sourceHash(t *testing.T) string {
	t.Helper()
	h := sha256.New()
	for _, set := range shippedSets(t) {
		entries, err := fs.ReadDir(templates.FS, set)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			raw, err := fs.ReadFile(templates.FS, path.Join(set, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(h, "%s/%s %d\n", set, e.Name(), len(raw))
			h.Write(raw)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

const loHashFile = "testdata/lo/NGUON.sha256"

// makeLibreOffice converts every shipped template with LibreOffice into
// testdata/lo/<set>/.
func makeLibreOffice(t *testing.T) {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("-update needs LibreOffice (soffice) for testdata/lo: %v", err)
	}
	profile := t.TempDir()
	if err := os.RemoveAll("testdata/lo"); err != nil {
		t.Fatal(err)
	}
	for _, set := range shippedSets(t) {
		src := t.TempDir()
		dst := filepath.Join("testdata", "lo", set)
		if err := os.MkdirAll(dst, 0o755); err != nil {
			t.Fatal(err)
		}
		entries, _ := fs.ReadDir(templates.FS, set)
		var docs []string
		for _, e := range entries {
			raw, _ := fs.ReadFile(templates.FS, path.Join(set, e.Name()))
			if strings.HasSuffix(e.Name(), ".docx") {
				p := filepath.Join(src, e.Name())
				if err := os.WriteFile(p, raw, 0o644); err != nil {
					t.Fatal(err)
				}
				docs = append(docs, p)
				continue
			}
			if err := os.WriteFile(filepath.Join(dst, e.Name()), raw, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		args := append([]string{"--headless", "-env:UserInstallation=file://" + profile,
			"--convert-to", "docx:MS Word 2007 XML", "--outdir", dst}, docs...)
		if out, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			t.Fatalf("soffice: %v\n%s", err, out)
		}
	}
	if err := os.WriteFile(loHashFile, []byte(sourceHash(t)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFixturesAreCurrent makes the fixtures again (with -update, writes
// them) and checks the committed ones are what the shipped templates give.
func TestFixturesAreCurrent(t *testing.T) {
	want := fixtureFiles(t)
	if *update {
		for _, dir := range []string{"testdata/word", "testdata/broken"} {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
		}
		for p, b := range want {
			full := filepath.Join("testdata", filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(full, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		makeLibreOffice(t)
	}
	const again = "the shipped templates changed: make the fixtures again with  go test ./internal/tplcheck -run TestFixtures -update"
	for p, b := range want {
		got, err := os.ReadFile(filepath.Join("testdata", filepath.FromSlash(p)))
		if err != nil {
			t.Errorf("%s: %v; %s", p, err, again)
			continue
		}
		if !sameContent(t, p, got, b) {
			t.Errorf("testdata/%s differs from what templates/ gives; %s", p, again)
		}
	}
	recorded, err := os.ReadFile(loHashFile)
	if err != nil || strings.TrimSpace(string(recorded)) != sourceHash(t) {
		t.Errorf("testdata/lo was made from other templates; %s", again)
	}
	for _, set := range shippedSets(t) {
		for _, name := range []string{"bo-mau.toml", "to-trinh.docx", "bien-ban.docx", "bao-cao-ca-nhan.docx", "bao-cao-tap-the.docx", "xac-nhan-thue.docx", "xac-nhan-bhxh.docx"} {
			if _, err := os.Stat(filepath.Join("testdata", "lo", set, name)); err != nil {
				t.Errorf("testdata/lo: %v", err)
			}
		}
	}
}

// sameContent compares two fixtures: a DOCX by its entries' names and
// uncompressed bytes (compressed bytes may change with the Go version),
// anything else byte for byte.
func sameContent(t *testing.T, name string, a, b []byte) bool {
	t.Helper()
	if !strings.HasSuffix(name, ".docx") {
		return bytes.Equal(a, b)
	}
	na, fa := readZip(t, a)
	nb, fb := readZip(t, b)
	if strings.Join(na, "\n") != strings.Join(nb, "\n") {
		return false
	}
	for _, n := range na {
		if !bytes.Equal(fa[n], fb[n]) {
			return false
		}
	}
	return true
}
