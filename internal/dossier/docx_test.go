package dossier_test

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/beevik/etree"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/hoso-vn/hoso/templates"
)

// ---------------------------------------------------------------- helpers

var (
	loadOnce   sync.Once // the subtests that call sets run in parallel
	loadedSets []*formset.Set
	loadErr    error
)

func sets(t testing.TB) []*formset.Set {
	t.Helper()
	loadOnce.Do(func() { loadedSets, loadErr = formset.Load(templates.FS) })
	if loadErr != nil {
		t.Fatalf("formset.Load: %v", loadErr)
	}
	return loadedSets
}

const (
	sampleWard     = "../../samples/phuong-tan-son-hoa-2026.toml"
	sampleMin      = "../../samples/toi-thieu.toml"
	sampleDistrict = "../../samples/quan-tan-binh-2025.toml"
	twoOffices     = "testdata/hai-co-quan-thue.toml"
)

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// replace replaces the only occurrence of old in src.
func replace(t *testing.T, src, old, new string) string {
	t.Helper()
	if n := strings.Count(src, old); n != 1 {
		t.Fatalf("%q occurs %d times in the source, want once", old, n)
	}
	return strings.Replace(src, old, new, 1)
}

func build(t *testing.T, path, src string) *dossier.Dossier {
	t.Helper()
	d, err := dossier.Build(path, []byte(src), sets(t))
	if err != nil {
		t.Fatalf("Build(%s): %v", path, err)
	}
	return d
}

func buildFile(t *testing.T, path string) *dossier.Dossier {
	t.Helper()
	return build(t, path, readFile(t, path))
}

// docx is one opened DOCX: its parts and its parsed document.xml.
type docx struct {
	name  string
	parts map[string][]byte
	root  *etree.Element // w:document
	raw   string         // word/document.xml as bytes
}

// open unzips a DOCX and parses every XML part; any failure fails the test.
func open(t *testing.T, name string, b []byte) *docx {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("%s does not open as a zip: %v", name, err)
	}
	d := &docx{name: name, parts: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		d.parts[f.Name] = data
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			doc := etree.NewDocument()
			if err := doc.ReadFromBytes(data); err != nil {
				t.Errorf("%s: %s does not parse: %v", name, f.Name, err)
			} else if doc.Root() == nil {
				t.Errorf("%s: %s has no root element", name, f.Name)
			}
		}
	}
	for _, need := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml"} {
		if d.parts[need] == nil {
			t.Fatalf("%s lacks %s", name, need)
		}
	}
	doc := etree.NewDocument()
	if err := doc.ReadFromBytes(d.parts["word/document.xml"]); err != nil {
		t.Fatalf("%s: document.xml: %v", name, err)
	}
	d.root = doc.Root()
	d.raw = string(d.parts["word/document.xml"])
	return d
}

func isW(e *etree.Element, tag string) bool { return e.Space == "w" && e.Tag == tag }

// text is the visible text of a paragraph (or any element): w:t joined,
// w:br as "\n", w:tab as "\t", w:noBreakHyphen as the "-" Word shows.
func text(e *etree.Element) string {
	var b strings.Builder
	for _, r := range e.FindElements(".//w:r") {
		for _, c := range r.ChildElements() {
			switch {
			case isW(c, "t"):
				b.WriteString(c.Text())
			case isW(c, "br"):
				b.WriteString("\n")
			case isW(c, "tab"):
				b.WriteString("\t")
			case isW(c, "noBreakHyphen"):
				b.WriteString("-")
			}
		}
	}
	return b.String()
}

func (d *docx) paragraphs() []*etree.Element { return d.root.FindElements("//w:p") }

// texts is the text of every paragraph, in document order.
func (d *docx) texts() []string {
	var out []string
	for _, p := range d.paragraphs() {
		out = append(out, text(p))
	}
	return out
}

// nonEmpty is texts without the empty paragraphs.
func (d *docx) nonEmpty() []string {
	var out []string
	for _, s := range d.texts() {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

// para finds the paragraphs whose text is exactly s.
func (d *docx) para(s string) []*etree.Element {
	var out []*etree.Element
	for _, p := range d.paragraphs() {
		if text(p) == s {
			out = append(out, p)
		}
	}
	return out
}

func (d *docx) has(s string) bool { return len(d.para(s)) > 0 }

// index is the position of the first paragraph with text s among the
// non-empty ones, or -1.
func (d *docx) index(s string) int {
	for i, x := range d.nonEmpty() {
		if x == s {
			return i
		}
	}
	return -1
}

// rows is the text of every cell of every row of a table.
func rows(tbl *etree.Element) [][]string {
	var out [][]string
	for _, tr := range tbl.SelectElements("w:tr") {
		var cells []string
		for _, tc := range tr.SelectElements("w:tc") {
			var ps []string
			for _, p := range tc.SelectElements("w:p") {
				ps = append(ps, text(p))
			}
			cells = append(cells, strings.Join(ps, "\n"))
		}
		out = append(out, cells)
	}
	return out
}

// table finds the table whose first row contains a cell with text header.
func (d *docx) table(t *testing.T, header string) [][]string {
	t.Helper()
	for _, tbl := range d.root.FindElements("//w:tbl") {
		r := rows(tbl)
		if len(r) > 0 {
			for _, c := range r[0] {
				if c == header {
					return r
				}
			}
		}
	}
	t.Fatalf("%s: no table with a %q column", d.name, header)
	return nil
}

// doc returns the document named file, or else the first of the
// documents named file's stem and a suffix ("01-to-trinh.docx" is the
// first Tờ trình, "01-to-trinh-01-…docx", when there is one per award).
func doc(t *testing.T, d *dossier.Dossier, file string) (*dossier.Document, *docx) {
	t.Helper()
	for _, x := range d.Documents {
		if x.DOCX == file {
			return x, open(t, x.DOCX, x.Bytes)
		}
	}
	for _, x := range d.Documents {
		if strings.HasPrefix(x.DOCX, strings.TrimSuffix(file, ".docx")+"-") {
			return x, open(t, x.DOCX, x.Bytes)
		}
	}
	var names []string
	for _, x := range d.Documents {
		names = append(names, x.DOCX)
	}
	t.Fatalf("no %s among %q", file, names)
	return nil, nil
}

func docsOf(d *dossier.Dossier, part string) []*dossier.Document {
	var out []*dossier.Document
	for _, x := range d.Documents {
		if x.Part == part {
			out = append(out, x)
		}
	}
	return out
}

// decode reads a submission the way the tool does, for expectations
// that follow the input (names, kinds, tax offices).
func decode(t *testing.T, src string) *submission.Submission {
	t.Helper()
	s, _, problems, err := submission.Decode([]byte(src))
	if err != nil || len(problems) > 0 {
		t.Fatalf("Decode: %v %v", err, problems)
	}
	return s
}

// ---------------------------------------------------------------- parts

// TestSamplesHaveEveryPart builds each sample and checks its documents:
// the parts in order, one Tờ trình per award type, the file names, no
// template syntax left, one report per nominee in the form of its kind,
// and the confirmation letters, each addressed to its office.
func TestSamplesHaveEveryPart(t *testing.T) {
	for _, path := range []string{sampleWard, sampleMin, twoOffices} {
		t.Run(filepath.Base(path), func(t *testing.T) {
			src := readFile(t, path)
			sub := decode(t, src)
			d := build(t, path, src)

			taxLetters, insuranceLetters := expectedLetters(sub)
			want, awards := expectedParts(sub, taxLetters, insuranceLetters)
			var got []string
			for _, x := range d.Documents {
				got = append(got, x.Part)
			}
			if strings.Join(got, " ") != strings.Join(want, " ") {
				t.Fatalf("parts %q, want %q", got, want)
			}
			if !strings.HasPrefix(d.Documents[0].DOCX, "01-to-trinh-01-") || d.Documents[awards].DOCX != "02-bien-ban.docx" {
				t.Errorf("first files %s, %s", d.Documents[0].DOCX, d.Documents[awards].DOCX)
			}
			checkFiles(t, d)
			checkReports(t, d, sub)
			// One letter per enterprise, or per office when the
			// submission groups them, in order of first mention.
			for part, want := range map[string][]letter{"xac-nhan-thue": taxLetters, "xac-nhan-bhxh": insuranceLetters} {
				checkLetters(t, d, part, want)
			}
		})
	}
}

// expectedLetters are the tax and the social-insurance letters sub should
// give.
func expectedLetters(sub *submission.Submission) (tax, insurance []letter) {
	tax = expectLetters(sub.Nominees, sub.Tax.Grouped, func(n submission.Nominee) string {
		if n.Tax == nil {
			return ""
		}
		return n.Tax.Office
	})
	insurance = expectLetters(sub.Nominees, sub.SocialInsurance.Grouped, func(n submission.Nominee) string {
		if n.Insurance == nil {
			return ""
		}
		return n.Insurance.Office
	})
	return tax, insurance
}

// expectedParts is the part of each document sub should give, in order:
// a Tờ trình per award type (awards of them), the Biên bản, a report per
// nominee, then the letters.
func expectedParts(sub *submission.Submission, tax, insurance []letter) (parts []string, awards int) {
	seen := map[string]bool{}
	for _, n := range sub.Nominees {
		if !seen[n.Award] {
			seen[n.Award] = true
			parts = append(parts, "to-trinh") // one Tờ trình per award type
		}
	}
	parts = append(parts, "bien-ban")
	for range sub.Nominees {
		parts = append(parts, "bao-cao-thanh-tich")
	}
	for range tax {
		parts = append(parts, "xac-nhan-thue")
	}
	for range insurance {
		parts = append(parts, "xac-nhan-bhxh")
	}
	return parts, len(seen)
}

// checkFiles checks every document's file: a plain, unique .docx name,
// no template syntax left in any part, warnings never nil.
func checkFiles(t *testing.T, d *dossier.Dossier) {
	t.Helper()
	names := map[string]bool{}
	for _, x := range d.Documents {
		if names[x.DOCX] {
			t.Errorf("two documents named %s", x.DOCX)
		}
		names[x.DOCX] = true
		if !strings.HasSuffix(x.DOCX, ".docx") || strings.ContainsAny(x.DOCX, "/\\ ") {
			t.Errorf("bad file name %q", x.DOCX)
		}
		dx := open(t, x.DOCX, x.Bytes)
		for name, b := range dx.parts {
			if bytes.Contains(b, []byte("{{")) || bytes.Contains(b, []byte("}}")) {
				t.Errorf("%s: %s keeps template syntax", x.DOCX, name)
			}
		}
		if x.Warnings == nil {
			t.Errorf("%s: nil warnings (the manifest needs [])", x.DOCX)
		}
	}
}

// checkReports checks there is one report per nominee, in order, with
// the form of its kind, its sections and its achievements.
func checkReports(t *testing.T, d *dossier.Dossier, sub *submission.Submission) {
	t.Helper()
	reports := docsOf(d, "bao-cao-thanh-tich")
	for i, n := range sub.Nominees {
		r := reports[i]
		wantName := n.OrgName
		if n.Kind.IsPerson() {
			wantName = n.Name
		}
		if r.Subject != wantName {
			t.Errorf("report %d is about %q, want %q", i+1, r.Subject, wantName)
		}
		if !regexp.MustCompile(`^03-bao-cao-0` + string(rune('1'+i)) + `-[a-z0-9-]+\.docx$`).MatchString(r.DOCX) {
			t.Errorf("report %d file %q", i+1, r.DOCX)
		}
		dx := open(t, r.DOCX, r.Bytes)
		person := dx.has("I. SƠ LƯỢC LÝ LỊCH")
		group := dx.has("I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH")
		switch n.Kind {
		case submission.Individual, submission.Owner:
			if !person || group {
				t.Errorf("%s (%s) should use the individual form: lý lịch %v, đặc điểm %v", r.DOCX, n.Kind, person, group)
			}
		case submission.Collective, submission.Enterprise:
			if person || !group {
				t.Errorf("%s (%s) should use the collective form: lý lịch %v, đặc điểm %v", r.DOCX, n.Kind, person, group)
			}
		}
		heading := "II. THÀNH TÍCH ĐẠT ĐƯỢC"
		if period := cmp.Or(n.Period, sub.Movement.Period); period != "" {
			heading += " (GIAI ĐOẠN " + period + ")" // the reporting period
		}
		if !dx.has(heading) || !dx.has("III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG") {
			t.Errorf("%s lacks sections II and III", r.DOCX)
		}
		for _, a := range n.Achievements {
			if !dx.has(a) {
				t.Errorf("%s lacks the achievement paragraph %q", r.DOCX, a)
			}
		}
	}
}

// checkLetters checks the documents of part are the letters want, in
// order, each addressed to its office.
func checkLetters(t *testing.T, d *dossier.Dossier, part string, want []letter) {
	t.Helper()
	letters := docsOf(d, part)
	for i, w := range want {
		if letters[i].Subject != w.subject {
			t.Errorf("%s %d for %q, want %q", part, i+1, letters[i].Subject, w.subject)
		}
		dx := open(t, letters[i].DOCX, letters[i].Bytes)
		if !dx.has("Kính gửi: " + w.office + ".") {
			t.Errorf("%s is not addressed to %s:\n%q", letters[i].DOCX, w.office, dx.nonEmpty())
		}
	}
}

// letter is a confirmation letter a submission should give: its subject
// (the enterprise, or the office when grouped) and the office addressed.
type letter struct{ subject, office string }

// expectLetters lists the letters of the nominees that have an office:
// one each, or one per office (compared without case) when grouped.
func expectLetters(ns []submission.Nominee, grouped *bool, office func(submission.Nominee) string) []letter {
	var out []letter
	seen := map[string]bool{}
	for _, n := range ns {
		o := office(n)
		switch {
		case o == "":
		case grouped == nil || !*grouped:
			out = append(out, letter{n.DisplayName(), o})
		case !seen[strings.ToLower(o)]:
			seen[strings.ToLower(o)] = true
			out = append(out, letter{o, o})
		}
	}
	return out
}

// TestSampleEntriesAreWordSafe: every entry of every DOCX of every sample
// is one Word and .NET's System.IO.Packaging read: zip versions, flags,
// method, a date that exists (.ci/run checks the same files with
// ooxml_validate.py). The carrier copied the template's parts with
// "version needed to extract" 0 and no date.
func TestSampleEntriesAreWordSafe(t *testing.T) {
	paths, err := filepath.Glob("../../samples/*.toml")
	if err != nil || len(paths) < 3 {
		t.Fatalf("samples: %v %v", paths, err)
	}
	entries := 0
	for _, path := range paths {
		for _, doc := range buildFile(t, path).Documents {
			dates, err := testtool.ZipEntries(doc.Bytes)
			if err != nil {
				t.Errorf("%s %s: %v", filepath.Base(path), doc.DOCX, err)
			}
			entries += len(dates)
		}
	}
	if entries < 100 {
		t.Errorf("only %d entries checked", entries)
	}
}

func TestSampleCounts(t *testing.T) {
	// The samples themselves, as a person reads them.
	// The ward's two enterprises share a tax office and a social-insurance
	// office but get a letter each; the test file groups its tax letters
	// (gop = true) and not its social-insurance ones.
	for _, c := range []struct {
		path                                   string
		proposals, reports, letters, insurance int
	}{{sampleWard, 2, 5, 2, 2}, {sampleMin, 1, 1, 0, 0}, {twoOffices, 1, 5, 2, 3}} {
		d := buildFile(t, c.path)
		if n := len(docsOf(d, "bao-cao-thanh-tich")); n != c.reports {
			t.Errorf("%s: %d reports, want %d", c.path, n, c.reports)
		}
		if n := len(docsOf(d, "xac-nhan-thue")); n != c.letters {
			t.Errorf("%s: %d tax letters, want %d", c.path, n, c.letters)
		}
		if n := len(docsOf(d, "to-trinh")); n != c.proposals {
			t.Errorf("%s: %d Tờ trình, want %d (one per award type)", c.path, n, c.proposals)
		}
		if n := len(docsOf(d, "xac-nhan-bhxh")); n != c.insurance {
			t.Errorf("%s: %d social-insurance letters, want %d", c.path, n, c.insurance)
		}
		if len(d.Documents) != c.proposals+1+c.reports+c.letters+c.insurance {
			t.Errorf("%s: %d documents", c.path, len(d.Documents))
		}
	}
}

// ---------------------------------------------------------------- numbers and dates

func TestDocumentNumbers(t *testing.T) {
	d := buildFile(t, sampleWard)
	tt, tx := doc(t, d, "01-to-trinh.docx")
	if !tx.has("Số: 05/TTr-UBND") || tt.Number != "05/TTr-UBND" {
		t.Errorf("Tờ trình number: manifest %q, paragraphs %q", tt.Number, tx.nonEmpty()[:8])
	}
	bb, bx := doc(t, d, "02-bien-ban.docx")
	if !bx.has("Số: 01/BB-HĐTĐKT") || bb.Number != "01/BB-HĐTĐKT" {
		t.Errorf("Biên bản number: manifest %q, paragraphs %q", bb.Number, bx.nonEmpty()[:8])
	}
	letter := docsOf(d, "xac-nhan-thue")[0]
	lx := open(t, letter.DOCX, letter.Bytes)
	if !lx.has("Số: 12/UBND-VP") || letter.Number != "12/UBND-VP" {
		t.Errorf("công văn number: manifest %q, paragraphs %q", letter.Number, lx.nonEmpty()[:8])
	}
	// A công văn has its trích yếu as "V/v …" right under the number.
	i := lx.index("Số: 12/UBND-VP")
	if i < 0 || i+1 >= len(lx.nonEmpty()) || !strings.HasPrefix(lx.nonEmpty()[i+1], "V/v ") {
		t.Errorf("no \"V/v …\" paragraph under the number: %q", lx.nonEmpty())
	}
	// Reports carry no number.
	for _, r := range docsOf(d, "bao-cao-thanh-tich") {
		if r.Number != "" {
			t.Errorf("%s has number %q", r.DOCX, r.Number)
		}
	}

	m := buildFile(t, sampleMin)
	if _, x := doc(t, m, "01-to-trinh.docx"); !x.has("Số: 03/TTr-TYT") {
		t.Errorf("toi-thieu: no \"Số: 03/TTr-TYT\": %q", x.nonEmpty()[:8])
	}
	// The ward's second Tờ trình (another award) counts on from to_trinh.so.
	if second := docsOf(d, "to-trinh")[1]; second.Number != "06/TTr-UBND" {
		t.Errorf("second Tờ trình: %q, want 06/TTr-UBND", second.Number)
	}
}

func TestTaxLettersPerOfficeNumberedConsecutively(t *testing.T) {
	src := readFile(t, twoOffices)
	d := build(t, twoOffices, src)
	letters := docsOf(d, "xac-nhan-thue")
	if len(letters) != 2 {
		t.Fatalf("%d letters, want one per tax office (2)", len(letters))
	}
	// xac_nhan_thue.so = 9: 09 then 10.
	want := []struct {
		number, office string
		firms          []string
		codes          []string
	}{
		{"09/UBND-VP", "Thuế cơ sở 8 Thành phố Hồ Chí Minh",
			[]string{"Công ty TNHH Phú Thọ An", "Hợp tác xã Thương mại Hòa Bình"}, []string{"0312345673", "0312345673-002"}},
		{"10/UBND-VP", "Thuế cơ sở 2 Thành phố Hồ Chí Minh",
			[]string{"Tôn Thất Hưng (Công ty Cổ phần Hưng Thịnh)"}, []string{"0318765434"}},
	}
	for i, w := range want {
		l := letters[i]
		if !strings.HasPrefix(l.DOCX, "04-xac-nhan-thue-0"+string(rune('1'+i))+"-") {
			t.Errorf("letter %d file %q", i+1, l.DOCX)
		}
		if l.Number != w.number || l.Subject != w.office {
			t.Errorf("letter %d: %q to %q, want %q to %q", i+1, l.Number, l.Subject, w.number, w.office)
		}
		x := open(t, l.DOCX, l.Bytes)
		if !x.has("Số: " + w.number) {
			t.Errorf("%s lacks \"Số: %s\"", l.DOCX, w.number)
		}
		if !x.has("Kính gửi: " + w.office + ".") {
			t.Errorf("%s not addressed to %s", l.DOCX, w.office)
		}
		rs := x.table(t, "Mã số thuế")
		var firms, codes []string
		for _, r := range rs[1:] {
			if len(r) < 3 {
				t.Fatalf("short row %q", r)
			}
			firms = append(firms, r[1])
			codes = append(codes, r[2])
		}
		if strings.Join(firms, "|") != strings.Join(w.firms, "|") || strings.Join(codes, "|") != strings.Join(w.codes, "|") {
			t.Errorf("%s lists %q %q, want %q %q", l.DOCX, firms, codes, w.firms, w.codes)
		}
	}

	// Without xac_nhan_thue.so both letters get a blank number and a
	// warning.
	noNum := replace(t, src, "so = 9\n", "")
	d = build(t, twoOffices, noNum)
	for _, l := range docsOf(d, "xac-nhan-thue") {
		if !regexp.MustCompile(`^[\s\x{00a0}]+/UBND-VP$`).MatchString(l.Number) || len(l.Warnings) == 0 {
			t.Errorf("%s: number %q, warnings %q", l.DOCX, l.Number, l.Warnings)
		}
	}
}

// The request names the period to confirm; with no ky_xac_nhan (nor thue.ky)
// the sentence must still read well.
func TestTaxLetterWithoutPeriodReadsWell(t *testing.T) {
	d := buildFile(t, twoOffices)
	for _, l := range docsOf(d, "xac-nhan-thue") {
		x := open(t, l.DOCX, l.Bytes)
		for _, p := range x.nonEmpty() {
			if strings.Contains(p, "  ") || strings.Contains(p, " ,") {
				t.Errorf("%s: %q", l.DOCX, p)
			}
		}
	}
}

func TestDateLineIsItalic(t *testing.T) {
	d := buildFile(t, sampleWard)
	for _, c := range []struct{ file, line string }{
		{"01-to-trinh.docx", "Tân Sơn Hòa, ngày 05 tháng 02 năm 2026"},
		// The tax letter has its own date (xac_nhan_thue.ngay).
		{"04-xac-nhan-thue-01-cong-ty-tnhh-thuong-mai-dich-vu-phu-loi.docx", "Tân Sơn Hòa, ngày 20 tháng 01 năm 2026"},
	} {
		_, x := doc(t, d, c.file)
		ps := x.para(c.line)
		if len(ps) != 1 {
			t.Errorf("%s: %d paragraphs %q; first ones: %q", c.file, len(ps), c.line, x.nonEmpty()[:8])
			continue
		}
		runs := 0
		for _, r := range ps[0].FindElements(".//w:r") {
			if r.FindElement("w:t") == nil || r.FindElement("w:t").Text() == "" {
				continue
			}
			runs++
			i := r.FindElement("w:rPr/w:i")
			if i == nil {
				t.Errorf("%s: run %q of the date line is not italic", c.file, text(r))
				continue
			}
			if v := i.SelectAttrValue("w:val", "true"); v == "0" || v == "false" {
				t.Errorf("%s: run %q has w:i w:val=%q", c.file, text(r), v)
			}
		}
		if runs == 0 {
			t.Errorf("%s: date line without text runs", c.file)
		}
	}
	// Months 1 and 2 and days below 10 are padded, months 3–12 are not.
	_, x := doc(t, buildFile(t, twoOffices), "01-to-trinh.docx")
	if !x.has("Phú Thọ Hòa, ngày 10 tháng 3 năm 2026") {
		t.Errorf("date line of 2026-03-10 not found: %q", x.nonEmpty()[:8])
	}
	// The Biên bản (NĐ 30 Mẫu 1.9) has no place-date line.
	_, bx := doc(t, d, "02-bien-ban.docx")
	for _, p := range bx.nonEmpty() {
		if strings.HasPrefix(p, "Tân Sơn Hòa, ngày") {
			t.Errorf("Biên bản has a place-date line %q", p)
		}
	}
}

func TestProposalWithoutNumber(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), "[to_trinh]\nso = 5\n", "[to_trinh]\n")
	d := build(t, sampleWard, src)
	tt, x := doc(t, d, "01-to-trinh.docx")
	blank := regexp.MustCompile(`^Số: [\s\x{00a0}]+/TTr-UBND$`)
	var found bool
	for _, p := range x.nonEmpty() {
		if strings.HasPrefix(p, "Số:") {
			found = true
			if !blank.MatchString(p) {
				t.Errorf("number line %q should leave the number blank", p)
			}
		}
		if strings.HasPrefix(p, "(Kèm theo Tờ trình số") && strings.Contains(p, "05/") {
			t.Errorf("annex still cites a number: %q", p)
		}
	}
	if !found {
		t.Fatal("no \"Số:\" line")
	}
	if len(tt.Warnings) == 0 {
		t.Fatal("no warning for the missing number")
	}
	// The manifest carries the warning.
	var m struct {
		Docs []struct {
			Part     string   `json:"phan"`
			Warnings []string `json:"canh_bao"`
		} `json:"tai_lieu"`
	}
	b, err := json.Marshal(d.Manifest())
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	if m.Docs[0].Part != "to-trinh" || len(m.Docs[0].Warnings) == 0 || !strings.Contains(strings.Join(m.Docs[0].Warnings, " "), "số") {
		t.Errorf("manifest to-trinh warnings %q", m.Docs[0].Warnings)
	}
	for _, doc := range m.Docs {
		if doc.Part == "bien-ban" && len(doc.Warnings) != 0 {
			t.Errorf("the numbered Biên bản should have no warning: %q", doc.Warnings)
		}
	}
	// With the number there is no such warning.
	if w := buildFile(t, sampleWard).Documents[0].Warnings; len(w) != 0 {
		t.Errorf("numbered Tờ trình has warnings %q", w)
	}
}

// ---------------------------------------------------------------- Kính gửi, signature

func TestKinhGuiOneAndSeveral(t *testing.T) {
	_, one := doc(t, buildFile(t, sampleWard), "01-to-trinh.docx")
	if !one.has("Kính gửi: Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh.") {
		t.Errorf("one recipient: %q", one.nonEmpty()[:12])
	}
	if one.has("Kính gửi:") {
		t.Error("one recipient must be on the Kính gửi line itself")
	}

	// Three recipients; the clerk typed a ";" after the first one.
	src := replace(t, readFile(t, sampleWard),
		`kinh_gui = ["Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"]`,
		`kinh_gui = ["Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh;", "Sở Nội vụ Thành phố Hồ Chí Minh", "Ban Thi đua - Khen thưởng Thành phố."]`)
	_, x := doc(t, build(t, sampleWard, src), "01-to-trinh.docx")
	ps := x.nonEmpty()
	i := x.index("Kính gửi:")
	if i < 0 || i+3 >= len(ps) {
		t.Fatalf("no \"Kính gửi:\" paragraph: %q", ps)
	}
	want := []string{
		"- Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh;",
		"- Sở Nội vụ Thành phố Hồ Chí Minh;",
		"- Ban Thi đua - Khen thưởng Thành phố.",
	}
	if got := ps[i+1 : i+4]; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("recipients\n got %q\nwant %q", got, want)
	}
	for _, p := range ps {
		if strings.HasPrefix(p, "Kính gửi: ") {
			t.Errorf("several recipients but a one-line Kính gửi: %q", p)
		}
	}
	// The sentence still names the first recipient without punctuation.
	if !strings.Contains(strings.Join(ps, "\n"), "kính đề nghị Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh xem xét") {
		t.Error("the proposal sentence does not name the first recipient")
	}
}

func TestSignatureBlock(t *testing.T) {
	// KT.: TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH, then the name.
	for _, file := range []string{"01-to-trinh.docx", "04-xac-nhan-thue-01-cong-ty-tnhh-thuong-mai-dich-vu-phu-loi.docx"} {
		_, x := doc(t, buildFile(t, sampleWard), file)
		ps := x.nonEmpty()
		i := x.index("TM. ỦY BAN NHÂN DÂN")
		if i < 0 || i+3 >= len(ps) {
			t.Fatalf("%s: no TM. line: %q", file, ps)
		}
		if got := ps[i : i+4]; strings.Join(got, "|") != "TM. ỦY BAN NHÂN DÂN|KT. CHỦ TỊCH|PHÓ CHỦ TỊCH|Phạm Quốc Bảo" {
			t.Errorf("%s: signature %q", file, got)
		}
	}

	// The head of a unit signs alone: only TRƯỞNG TRẠM and the name.
	_, x := doc(t, buildFile(t, sampleMin), "01-to-trinh.docx")
	ps := x.nonEmpty()
	i := x.index("TRƯỞNG TRẠM")
	if i < 0 || i+1 >= len(ps) || ps[i+1] != "Nguyễn Văn Tài" {
		t.Errorf("head's signature not found: %q", ps)
	}
	for _, p := range ps {
		for _, mode := range []string{"TM.", "KT.", "Q.", "TL.", "TUQ."} {
			if strings.HasPrefix(p, mode+" ") {
				t.Errorf("head signing alone, but %q", p)
			}
		}
	}

	// TM. without KT.: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH.
	_, x = doc(t, buildFile(t, twoOffices), "01-to-trinh.docx")
	ps = x.nonEmpty()
	i = x.index("TM. ỦY BAN NHÂN DÂN")
	if i < 0 || i+2 >= len(ps) || ps[i+1] != "CHỦ TỊCH" || ps[i+2] != "Mai Thanh Bình" {
		t.Errorf("TM. + CHỦ TỊCH not found: %q", ps)
	}
}

// ---------------------------------------------------------------- Danh sách annex

func TestAnnexGroupsCollectivesFirst(t *testing.T) {
	cases := []struct {
		path string
		want [][2]string // STT, name
	}{
		{sampleWard, [][2]string{
			{"I", "TẬP THỂ"},
			{"1", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Tân Sơn Hòa"},
			{"2", "Công ty TNHH Thương mại Dịch vụ Phú Lợi"},
			{"II", "CÁ NHÂN"},
			{"1", "Trần Minh Khôi"},
			{"2", "Lê Văn Thành"},
		}},
		// Input lists a person first: the annex still starts with TẬP THỂ.
		{twoOffices, [][2]string{
			{"I", "TẬP THỂ"},
			{"1", "Công ty TNHH Phú Thọ An"},
			{"2", "Hợp tác xã Thương mại Hòa Bình"},
			{"3", "Khu phố 3 phường Phú Thọ Hòa"},
			{"II", "CÁ NHÂN"},
			{"1", "Đinh Thị Lụa"},
			{"2", "Tôn Thất Hưng"},
		}},
		// Only individuals: one group, numbered I.
		{sampleMin, [][2]string{
			{"I", "CÁ NHÂN"},
			{"1", "Võ Thị Mỹ Duyên"},
		}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			_, x := doc(t, buildFile(t, c.path), "01-to-trinh.docx")
			rs := x.table(t, "STT")
			var got [][2]string
			for _, r := range rs[1:] {
				if len(r) < 2 {
					t.Fatalf("short row %q", r)
				}
				got = append(got, [2]string{r[0], r[1]})
			}
			if len(got) != len(c.want) {
				t.Fatalf("rows %q, want %q", got, c.want)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Errorf("row %d = %q, want %q", i+1, got[i], c.want[i])
				}
			}
			// Group rows span the other columns; nominee rows have 4 cells
			// and an award.
			for _, r := range rs[1:] {
				if r[0] == "I" || r[0] == "II" {
					continue
				}
				if len(r) != 4 || r[3] == "" {
					t.Errorf("nominee row %q should have 4 cells and an award", r)
				}
			}
		})
	}
	// The award column spells the award out; each Tờ trình lists the
	// nominees of its award.
	awards := map[string]string{}
	for _, tt := range docsOf(buildFile(t, sampleWard), "to-trinh") {
		for _, r := range open(t, tt.DOCX, tt.Bytes).table(t, "STT")[1:] {
			if len(r) == 4 {
				awards[r[1]] = r[3]
			}
		}
	}
	if awards["Nguyễn Thị Thu Hà"] != "Bằng khen của Thủ tướng Chính phủ" ||
		awards["Trần Minh Khôi"] != "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh" {
		t.Errorf("award names: %q", awards)
	}
}

// sections returns the w:sectPr elements of the body in order, and the
// index (among all paragraphs) of the paragraph holding each one; the
// body's own final sectPr gets len(paragraphs).
func sections(x *docx) ([]*etree.Element, []int) {
	var out []*etree.Element
	var at []int
	ps := x.paragraphs()
	for i, p := range ps {
		if s := p.FindElement("w:pPr/w:sectPr"); s != nil {
			out = append(out, s)
			at = append(at, i)
		}
	}
	if s := x.root.FindElement("w:body/w:sectPr"); s != nil {
		out = append(out, s)
		at = append(at, len(ps))
	}
	return out, at
}

func TestAnnexIsItsOwnSection(t *testing.T) {
	_, x := doc(t, buildFile(t, sampleWard), "01-to-trinh.docx")
	secs, at := sections(x)
	if len(secs) != 2 {
		t.Fatalf("%d sections, want 2 (Tờ trình, Danh sách)", len(secs))
	}
	// The first section ends before the annex title.
	title := -1
	for i, p := range x.paragraphs() {
		if text(p) == "DANH SÁCH" {
			title = i
			break
		}
	}
	if title < 0 || at[0] >= title {
		t.Fatalf("first section ends at paragraph %d, annex title at %d", at[0], title)
	}
	// A new page, no number on its first page, the page-number header kept.
	annex := secs[1]
	if typ := annex.FindElement("w:type"); typ != nil && typ.SelectAttrValue("w:val", "") != "nextPage" {
		t.Errorf("annex section starts with %q, want a new page", typ.SelectAttrValue("w:val", ""))
	}
	if annex.FindElement("w:titlePg") == nil {
		t.Error("annex section lacks w:titlePg (no number on its first page)")
	}
	if annex.FindElement("w:headerReference[@w:type='default']") == nil {
		t.Error("annex section has no default header (page numbers)")
	}
	if secs[0].FindElement("w:titlePg") == nil {
		t.Error("the Tờ trình section lacks w:titlePg")
	}
	// The header holds a PAGE field.
	hdr := string(x.parts["word/header1.xml"])
	if !strings.Contains(hdr, " PAGE ") {
		t.Errorf("header1.xml has no PAGE field: %s", hdr)
	}
}

func TestAnnexPagesAreNumberedFromOne(t *testing.T) {
	for _, path := range []string{sampleWard, sampleMin} {
		_, x := doc(t, buildFile(t, path), "01-to-trinh.docx")
		secs, _ := sections(x)
		annex := secs[len(secs)-1]
		pg := annex.FindElement("w:pgNumType")
		if pg == nil || pg.SelectAttrValue("w:start", "") != "1" {
			t.Errorf("%s: annex section has no w:pgNumType w:start=\"1\"", path)
		}
	}
}

// ---------------------------------------------------------------- Biên bản

// TestMinutesVoteTable: each row counts the members present and the
// written opinions of the absent, their sum on the council's total and the
// rate of it, two decimals unless whole; the table's sums are the text's.
func TestMinutesVoteTable(t *testing.T) {
	cases := []struct {
		path string
		want [][]string // STT, name, present, written, total, against, rate
	}{
		// One absent member (9 in all) agreed in writing to every nominee.
		{sampleWard, [][]string{
			{"1", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường Tân Sơn Hòa", "8", "1", "9/9", "0", "100%"},
			{"2", "Nguyễn Thị Thu Hà", "8", "1", "9/9", "0", "100%"},
			{"3", "Trần Minh Khôi", "7", "1", "8/9", "1", "88,89%"},
			{"4", "Công ty TNHH Thương mại Dịch vụ Phú Lợi", "8", "1", "9/9", "0", "100%"},
			{"5", "Lê Văn Thành", "8", "1", "9/9", "0", "100%"},
		}},
		// 11 members, one absent who was against Trương Thị Mỹ Linh in
		// writing: 10/11, the vote against said to be written.
		{sampleDistrict, [][]string{
			{"1", "Ủy ban nhân dân Phường 2, quận Tân Bình", "10", "1", "11/11", "0", "100%"},
			{"2", "Trương Thị Mỹ Linh", "10", "0", "10/11", "1 (1 bằng văn bản)", "90,91%"},
			{"3", "Công ty Cổ phần Thương mại Dịch vụ Bảy Hiền", "9", "1", "10/11", "1", "90,91%"},
			{"4", "Lê Hoàng Phúc", "10", "1", "11/11", "0", "100%"},
		}},
		// tong_so = 5 with 4 members listed: the fifth is absent; the rate
		// is over 5.
		{twoOffices, [][]string{
			{"1", "Đinh Thị Lụa", "4", "0", "4/5", "0", "80%"},
			{"2", "Công ty TNHH Phú Thọ An", "4", "1", "5/5", "0", "100%"},
			{"3", "Tôn Thất Hưng", "4", "1", "5/5", "0", "100%"},
			{"4", "Hợp tác xã Thương mại Hòa Bình", "3", "1", "4/5", "1", "80%"},
			{"5", "Khu phố 3 phường Phú Thọ Hòa", "4", "1", "5/5", "0", "100%"},
		}},
		{sampleMin, [][]string{{"1", "Võ Thị Mỹ Duyên", "3", "0", "3/3", "0", "100%"}}},
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.path), func(t *testing.T) {
			_, x := doc(t, buildFile(t, c.path), "02-bien-ban.docx")
			rs := x.table(t, "Tỷ lệ tán thành")
			if len(rs) < 2 || strings.Join(rs[1], "|") != "|||Dự họp|Bằng văn bản|Cộng||" {
				t.Fatalf("header rows %q", rs[:min(2, len(rs))])
			}
			body := rs[2:]
			if len(body) != len(c.want) {
				t.Fatalf("%d rows, want one per nominee (%d): %q", len(body), len(c.want), body)
			}
			total := ""
			for i, r := range body {
				got := []string{r[0], r[1], r[3], r[4], r[5], r[6], r[7]}
				if strings.Join(got, "|") != strings.Join(c.want[i], "|") {
					t.Errorf("row %d = %q, want %q", i+1, got, c.want[i])
				}
				// present + written = the total in favour
				var present, written, sum, of int
				fmt.Sscan(r[3], &present)
				fmt.Sscan(r[4], &written)
				fmt.Sscanf(r[5], "%d/%d", &sum, &of)
				if present+written != sum {
					t.Errorf("row %d: %d present + %d written is not %d", i+1, present, written, sum)
				}
				total = fmt.Sprint(of)
			}
			// The text says the rate is on the same total.
			if text := strings.Join(x.nonEmpty(), "\n"); !strings.Contains(text, "tỷ lệ tính trên tổng số "+fmt.Sprintf("%02s", total)+" thành viên Hội đồng") {
				t.Errorf("the text does not give the total %s the table counts on", total)
			}
		})
	}
}

func TestMinutesAttendance(t *testing.T) {
	_, x := doc(t, buildFile(t, sampleWard), "02-bien-ban.docx")
	ps := strings.Join(x.nonEmpty(), "\n")
	for _, w := range []string{
		"08/09 thành viên",
		"- Ngô Văn Hậu, Trưởng phòng Kinh tế - Ủy viên (lý do: đi công tác, có ý kiến bằng văn bản).",
		"Chủ trì (chủ tọa): Đỗ Thanh Tùng",
		"Thư ký (người ghi biên bản): Đặng Thùy Trang",
		"Thời gian bắt đầu: 08 giờ 00 phút ngày 28 tháng 01 năm 2026.",
		"10 giờ 30 phút ngày 28 tháng 01 năm 2026",
	} {
		if !strings.Contains(ps, w) {
			t.Errorf("Biên bản lacks %q", w)
		}
	}
	// The absent member is not listed among those present.
	i, j := x.index("Vắng mặt:"), -1
	for k, p := range x.nonEmpty() {
		if strings.HasPrefix(p, "- Ngô Văn Hậu") {
			j = k
		}
	}
	if i < 0 || j < i {
		t.Errorf("absent member listed at %d, \"Vắng mặt:\" at %d", j, i)
	}
	// The council is the issuer: its name is bold under the (plain) agency.
	if ps := x.para("HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"); len(ps) != 1 || ps[0].FindElement(".//w:r/w:rPr/w:b") == nil {
		t.Error("Biên bản: the council's name is missing or not bold")
	}
	if x.index("THƯ KÝ") < 0 || x.index("CHỦ TỌA") < 0 {
		t.Error("Biên bản lacks the THƯ KÝ / CHỦ TỌA signatures")
	}
}

// ---------------------------------------------------------------- text fidelity

func TestSpecialCharactersComeOutLiterally(t *testing.T) {
	// In TOML: \" is a quote; the rest is literal.
	const tomlText = `Doanh thu tăng 17% & lợi nhuận <gấp đôi> > kế hoạch; \"Top 10\" 'xuất sắc' {{ho_ten}} & {{end}} A&amp;B`
	const want = `Doanh thu tăng 17% & lợi nhuận <gấp đôi> > kế hoạch; "Top 10" 'xuất sắc' {{ho_ten}} & {{end}} A&amp;B`
	src := replace(t, readFile(t, sampleWard),
		"thanh_tich = [\n  \"Xây dựng kho dữ liệu số hóa",
		"thanh_tich = [\n  \""+tomlText+"\",\n  \"Xây dựng kho dữ liệu số hóa")
	src = replace(t, src,
		"noi_dung = [\n  \"Qua ba năm triển khai",
		"noi_dung = [\n  \""+tomlText+"\",\n  \"Qua ba năm triển khai")
	d := build(t, sampleWard, src)
	for _, file := range []string{"03-bao-cao-03-tran-minh-khoi.docx", "01-to-trinh.docx"} {
		_, x := doc(t, d, file)
		if len(x.para(want)) != 1 {
			t.Errorf("%s: no paragraph equal to the input; paragraphs: %q", file, x.nonEmpty())
		}
		// Escaped exactly once: every "&" of the text is one "&amp;".
		amps := 0
		for _, p := range x.texts() {
			amps += strings.Count(p, "&")
		}
		if n := strings.Count(x.raw, "&amp;"); n != amps {
			t.Errorf("%s: %d \"&amp;\" in the XML for %d ampersands in the text", file, n, amps)
		}
		// The input's own "&amp;" is text: it comes out as "&amp;amp;" once,
		// and nothing else is escaped twice.
		if n, want := strings.Count(x.raw, "&amp;amp;"), strings.Count(want, "&amp;"); n != want {
			t.Errorf("%s: %d \"&amp;amp;\" in the XML, want %d", file, n, want)
		}
		if strings.Contains(x.raw, "&amp;lt;") || strings.Contains(x.raw, "&amp;gt;") || strings.Contains(x.raw, "&amp;quot;") {
			t.Errorf("%s: escaped twice", file)
		}
		if !strings.Contains(x.raw, "&lt;gấp đôi&gt;") && !strings.Contains(x.raw, "&lt;gấp đôi>") {
			t.Errorf("%s: \"<\" not escaped", file)
		}
	}
	// The rest of the report is unchanged by the braces.
	_, x := doc(t, d, "03-bao-cao-03-tran-minh-khoi.docx")
	if !x.has("- Họ tên (ghi đầy đủ bằng chữ in thường, không viết tắt): Trần Minh Khôi") {
		t.Errorf("report lost its name line: %q", x.nonEmpty()[:12])
	}
}

func TestMultiLineValueBecomesBreaksInOneRun(t *testing.T) {
	cases := []struct {
		path, file string
		lines      []string
		bold       bool // the issuer is bold, its chủ quản is not (NĐ 30)
	}{
		// ten_dau_trang = ["Ủy ban nhân dân", "Phường Tân Sơn Hòa"], in capitals.
		{sampleWard, "01-to-trinh.docx", []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN SƠN HÒA"}, true},
		// In the Biên bản the agency is the chủ quản of the council.
		{sampleWard, "02-bien-ban.docx", []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG TÂN SƠN HÒA"}, false},
		// No ten_dau_trang: the name is split after ỦY BAN NHÂN DÂN.
		{twoOffices, "01-to-trinh.docx", []string{"ỦY BAN NHÂN DÂN", "PHƯỜNG PHÚ THỌ HÒA"}, true},
	}
	for _, c := range cases {
		_, x := doc(t, buildFile(t, c.path), c.file)
		ps := x.para(strings.Join(c.lines, "\n"))
		if len(ps) == 0 {
			t.Errorf("%s %s: no header paragraph %q: %q", filepath.Base(c.path), c.file, c.lines, x.nonEmpty()[:4])
			continue
		}
		// One run: rPr, t, br, t.
		var runs []*etree.Element
		for _, r := range ps[0].FindElements(".//w:r") {
			if r.FindElement("w:t") != nil {
				runs = append(runs, r)
			}
		}
		if len(runs) != 1 {
			t.Errorf("%s %s: %d runs, want the lines in one run", filepath.Base(c.path), c.file, len(runs))
			continue
		}
		var seq []string
		for _, e := range runs[0].ChildElements() {
			switch {
			case isW(e, "t"):
				seq = append(seq, "t:"+e.Text())
			case isW(e, "br"):
				seq = append(seq, "br")
			}
		}
		want := []string{"t:" + c.lines[0], "br", "t:" + c.lines[1]}
		if strings.Join(seq, "|") != strings.Join(want, "|") {
			t.Errorf("%s %s: run holds %q, want %q", filepath.Base(c.path), c.file, seq, want)
		}
		if bold := runs[0].FindElement("w:rPr/w:b") != nil; bold != c.bold {
			t.Errorf("%s %s: name block bold %v, want %v", filepath.Base(c.path), c.file, bold, c.bold)
		}
		if strings.Contains(x.raw, "\n"+c.lines[1]) {
			t.Errorf("%s %s: raw newline kept in the XML", filepath.Base(c.path), c.file)
		}
	}
}

func TestBadInputBuildsNothing(t *testing.T) {
	src := replace(t, readFile(t, sampleMin), `gioi_tinh = "Nữ"`, `gioi_tinh = "X"`)
	d, err := dossier.Build("x.toml", []byte(src), sets(t))
	var ie *dossier.InputError
	if d != nil || !errors.As(err, &ie) {
		t.Fatalf("Build = %v, %v; want nil and an *InputError", d, err)
	}
	if len(ie.Problems) != 1 || ie.Problems[0].Key != submission.KeyChoice || ie.Problems[0].Path != "de_nghi[1].gioi_tinh" {
		t.Errorf("problems: %v", ie.Problems)
	}
	// Not TOML at all.
	d, err = dossier.Build("x.toml", []byte("[co_quan\nten = 1\n"), sets(t))
	if d != nil || !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Key != "syntax" || ie.Problems[0].Pos.Line != 1 {
		t.Errorf("syntax: %v, %v", d, err)
	}
}

// An award written in full that the form set recognises (its deciding
// level is checked) is warned about as free text, without the claim that
// its level could not be checked.
func TestRecognisedFreeTextAwardWarning(t *testing.T) {
	src := strings.Replace(readFile(t, sampleMin), `hinh_thuc = "giay-khen-chu-tich-ubnd"`, `hinh_thuc = "Bằng khen của Thủ tướng Chính phủ"`, 1)
	d := build(t, sampleMin, src)
	var got []string
	for _, doc := range d.Documents {
		got = append(got, doc.Warnings...)
	}
	joined := strings.Join(got, "\n")
	if !strings.Contains(joined, `"Bằng khen của Thủ tướng Chính phủ" ghi tự do: in nguyên văn`) || strings.Contains(joined, "không kiểm tra được") {
		t.Errorf("warnings:\n%s", joined)
	}
}
