package dossier_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// The bad-input corpus: every file of testdata/bad is a submission a clerk
// could write, with its expected outcome in header lines:
//
//	# expect: error PATH KEY [@LINE]   a problem at PATH ("-" for none) with KEY
//	# expect: message TEXT             the error message holds TEXT
//	# expect: ok                       the dossier is built
//	# expect: warning TEXT             a document warning holds TEXT
//	# expect: text TEXT                a document's text (DOCX and PDF) holds TEXT
//	# expect: folder NAME              the dossier's folder is NAME
//	# expect: file NAME                a document's file is NAME
//
// The errors must be exactly the ones listed (the order does not matter).
const badDir = "../../testdata/bad"

// expectation is the parsed header of one corpus file.
type expectation struct {
	errors          []string       // "PATH KEY"
	lines           map[string]int // "PATH KEY" → line
	messages        []string
	ok              bool
	warnings, texts []string
	folder          string
	files           []string
}

func parseExpect(t *testing.T, src []byte) expectation {
	t.Helper()
	head := src
	if bytes.HasPrefix(src, []byte("\xff\xfe")) || bytes.Count(src[:min(len(src), 200)], []byte{0}) > 20 {
		dec, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(src)
		if err != nil {
			t.Fatal(err)
		}
		head = dec
	}
	e := expectation{lines: map[string]int{}}
	lines := strings.FieldsFunc(string(head), func(r rune) bool { return r == '\n' || r == '\r' }) // CR alone too: old Mac files
	for _, line := range lines {
		rest, found := strings.CutPrefix(line, "# expect: ")
		if !found {
			continue
		}
		kind, arg, _ := strings.Cut(rest, " ")
		switch kind {
		case "error":
			f := strings.Fields(arg)
			if len(f) < 2 {
				t.Fatalf("bad expectation %q", line)
			}
			path := f[0]
			if path == "-" {
				path = ""
			}
			key := path + " " + f[1]
			e.errors = append(e.errors, key)
			if len(f) == 3 {
				n, err := strconv.Atoi(strings.TrimPrefix(f[2], "@"))
				if err != nil {
					t.Fatalf("bad line in %q", line)
				}
				e.lines[key] = n
			}
		case "message":
			e.messages = append(e.messages, arg)
		case "ok":
			e.ok = true
		case "warning":
			e.warnings = append(e.warnings, arg)
		case "text":
			e.texts = append(e.texts, arg)
		case "folder":
			e.folder = arg
		case "file":
			e.files = append(e.files, arg)
		default:
			t.Fatalf("unknown expectation %q", line)
		}
	}
	if e.ok == (len(e.errors) > 0) {
		t.Fatalf("a corpus file expects either errors or ok, not %d errors and ok=%v", len(e.errors), e.ok)
	}
	return e
}

func TestBadInputCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(badDir, "*.toml"))
	if err != nil || len(files) < 40 {
		t.Fatalf("%d corpus files (%v), want at least 40", len(files), err)
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".toml"), func(t *testing.T) {
			t.Parallel()
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d, err := dossier.Build(f, src, sets(t))
			checkOutcome(t, d, err, parseExpect(t, src))
		})
	}
}

// checkOutcome compares what Build gave with the expectation.
func checkOutcome(t *testing.T, d *dossier.Dossier, err error, want expectation) {
	t.Helper()
	var ie *dossier.InputError
	if !want.ok {
		if !errors.As(err, &ie) {
			t.Fatalf("want input errors %q, got %v", want.errors, err)
		}
		checkProblems(t, ie, want)
		return
	}
	if err != nil {
		t.Fatalf("want a dossier, got: %v", err)
	}
	checkDossier(t, d, want)
}

func checkProblems(t *testing.T, ie *dossier.InputError, want expectation) {
	t.Helper()
	var got []string
	for _, p := range ie.Problems {
		got = append(got, p.Path+" "+p.Key)
		// Only what is absent, in a table that is absent too, has no place.
		if p.Path != "" && p.Pos.IsZero() && p.Key != submission.KeyRequired {
			t.Errorf("%s %s: no position", p.Path, p.Key)
		}
		if line, ok := want.lines[p.Path+" "+p.Key]; ok && p.Pos.Line != line {
			t.Errorf("%s %s at line %d, want %d", p.Path, p.Key, p.Pos.Line, line)
		}
	}
	exp := append([]string(nil), want.errors...)
	sort.Strings(got)
	sort.Strings(exp)
	if strings.Join(got, "\n") != strings.Join(exp, "\n") {
		t.Errorf("problems differ\n got: %q\nwant: %q\n%s", got, exp, ie.Error())
	}
	// The message is readable: Vietnamese, every path named, no raw
	// control character.
	msg := ie.Error()
	for _, w := range want.messages {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
	if !strings.Contains(msg, "lỗi trong tệp hồ sơ, không tạo văn bản nào") {
		t.Errorf("message lacks the summary:\n%s", msg)
	}
	for _, p := range ie.Problems {
		if p.Path != "" && !strings.Contains(msg, p.Path+": ") {
			t.Errorf("message does not name %s:\n%s", p.Path, msg)
		}
	}
	for _, r := range msg {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f {
			t.Errorf("message holds the control character U+%04X", r)
		}
	}
}

// checkDossier checks a built dossier against the expectation, renders
// its PDFs and writes it.
func checkDossier(t *testing.T, d *dossier.Dossier, want expectation) {
	t.Helper()
	var warnings []string
	var docText strings.Builder
	names := map[string]bool{}
	for _, doc := range d.Documents {
		warnings = append(warnings, doc.Warnings...)
		x := open(t, doc.DOCX, doc.Bytes)
		docText.WriteString(strings.Join(x.texts(), "\n") + "\n")
		names[doc.DOCX] = true
	}
	for _, w := range want.warnings {
		if !strings.Contains(strings.Join(warnings, "\n"), w) {
			t.Errorf("no warning holds %q; warnings: %q", w, warnings)
		}
	}
	for _, w := range want.texts {
		if !strings.Contains(docText.String(), w) {
			t.Errorf("the documents do not hold %q", w)
		}
	}
	if want.folder != "" && d.Slug != want.folder {
		t.Errorf("folder %q, want %q", d.Slug, want.folder)
	}
	for _, f := range want.files {
		if !names[f] {
			t.Errorf("no document %q; documents: %v", f, names)
		}
	}
	if err := d.RenderPDF(); err != nil {
		t.Fatalf("RenderPDF: %v", err)
	}
	for _, doc := range d.Documents {
		if err := pdftest.Validate(doc.PDFBytes); err != nil {
			t.Errorf("%s: %v", doc.PDF, err)
		}
	}
	if err := pdftest.Validate(d.Merged); err != nil {
		t.Errorf("%s: %v", dossier.MergedName, err)
	}
	// Written inside the output folder, under the expected names.
	out := t.TempDir()
	dir, err := d.Write(context.Background(), filepath.Join(out, "ra"))
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if filepath.Dir(dir) != filepath.Join(out, "ra") {
		t.Errorf("dossier written to %s, outside %s", dir, filepath.Join(out, "ra"))
	}
	for f := range names {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
	}
	if es, _ := os.ReadDir(out); len(es) != 1 {
		t.Errorf("the parent of the output folder holds %d entries", len(es))
	}
	// Last, for it needs pdftotext: the PDFs hold the expected texts.
	if len(want.texts) == 0 {
		return
	}
	var pdfText strings.Builder
	for _, doc := range d.Documents {
		pdfText.WriteString(testtool.PDFText(t, doc.PDFBytes) + " ")
	}
	squeeze := func(s string) string { return strings.ReplaceAll(strings.Join(strings.Fields(s), ""), "-", "") }
	for _, w := range want.texts {
		if !strings.Contains(squeeze(pdfText.String()), squeeze(w)) {
			t.Errorf("the PDFs do not hold %q", w)
		}
	}
}

// TestBadInputLimits covers the inputs too large to keep as files: a file
// over the size limit and a submission with too many nominees. Both are
// refused with a clear message before the work that would make them
// costly, which the test measures in bytes allocated (the same on a busy
// machine as on a quiet one; how long it takes is for the benchmarks):
// the file before it is decoded, the nominees before any document is
// filled (filling one nominee's report allocates about 3 MB; decoding and
// checking one, about 46 KB).
func TestBadInputLimits(t *testing.T) {
	base := readFile(t, sampleMin)
	nominee := base[strings.Index(base, "[[de_nghi]]"):]
	var many strings.Builder
	many.WriteString(base)
	for i := 0; i < submission.MaxNominees; i++ {
		fmt.Fprint(&many, strings.Replace(nominee, `ho_ten = "Võ Thị Mỹ Duyên"`, fmt.Sprintf(`ho_ten = "Võ Thị Mỹ Duyên %d"`, i), 1))
	}
	big := base + "\n# " + strings.Repeat("Hồ sơ đề nghị khen thưởng. ", tomlin.MaxFileSize/20) + "\n"
	cases := []struct {
		name, src string
		want      string
		maxAlloc  uint64
	}{
		{"too many nominees", many.String(), "de_nghi " + submission.KeyTooMany, (submission.MaxNominees + 1) * 100 << 10},
		{"too large", big, " " + tomlin.KeyTooLarge, 1 << 20},
	}
	sets := sets(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := []byte(c.src)
			var d *dossier.Dossier
			var err error
			n := allocated(func() { d, err = dossier.Build(c.name+".toml", src, sets) })
			checkOutcome(t, d, err, expectation{errors: []string{c.want}})
			if n > c.maxAlloc {
				t.Errorf("refusing %d bytes allocated %d bytes, want at most %d", len(src), n, c.maxAlloc)
			}
		})
	}
}

// allocated returns the bytes fn allocates: a measure of its work that a
// busy machine does not change. The tests of the package that measure it
// run one at a time (not in parallel), so nothing else allocates meanwhile.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
