// Package testtool holds what the tests of several packages share: the
// programs a test runs (poppler's pdftotext and pdfinfo, qpdf), which skip
// the test with a message on a machine without them but fail it under CI;
// the check that every entry of a DOCX is one Word and .NET read; and
// files written into a folder or copied, edited, from a file system.
package testtool

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// packages names the Debian package of each program the tests run.
var packages = map[string]string{
	"pdftotext": "poppler-utils",
	"pdfinfo":   "poppler-utils",
	"pdfimages": "poppler-utils",
	"qpdf":      "qpdf",
}

// Need returns the path of the program name. When it is not installed the
// test stops: skipped, with a message naming the program and its package,
// or, when the environment variable CI is set, failed, so that a CI run
// never passes a check it did not make.
func Need(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := "%s is not installed (Debian package %s): what the test reads with it is not checked"
	if os.Getenv("CI") != "" {
		t.Fatalf(msg+"; CI is set, so this is a failure", name, packages[name])
	}
	t.Skipf(msg, name, packages[name])
	return ""
}

// ValidateOOXML checks every DOCX under dir with the shared tools'
// ooxml_validate.py (zip headers, ISO/IEC 29500 schemas, relationships),
// found as .ci/run finds it, in ../shared/tools next to the repository,
// and run with the system's /usr/bin/python3, which has its modules. It
// returns the report and whether the validator found no error. Without
// the tools the test stops as Need stops it.
func ValidateOOXML(t testing.TB, dir string) (report string, ok bool) {
	t.Helper()
	root, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for { // the repository: the folder of go.mod
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err == nil || filepath.Dir(root) == root {
			break
		}
		root = filepath.Dir(root)
	}
	script := filepath.Join(root, "..", "shared", "tools", "ooxml", "ooxml_validate.py")
	for _, need := range []string{script, "/usr/bin/python3"} {
		if _, err := os.Stat(need); err != nil {
			msg := "%s is missing: the OOXML package checks are not made"
			if os.Getenv("CI") != "" {
				t.Fatalf(msg+"; CI is set, so this is a failure", need)
			}
			t.Skipf(msg, need)
		}
	}
	out, err := exec.Command("/usr/bin/python3", script, dir).CombinedOutput()
	return string(out), err == nil
}

// Run runs the program name (see Need) with args, stdin (if not nil) as
// its standard input, and returns what it wrote on standard output; the
// test fails if the program fails.
func Run(t testing.TB, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(Need(t, name), args...)
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %q: %v\n%s%s", name, args, err, out, stderr.Bytes())
	}
	return out
}

// PDFText is the text of pdf as poppler's pdftotext reads it, with the
// options args ("-f", "2", for instance), in NFC.
func PDFText(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	args = append([]string{"-enc", "UTF-8"}, args...)
	return norm.NFC.String(string(Run(t, pdf, "pdftotext", append(args, "-", "-")...)))
}

// PDFInfo is what poppler's pdfinfo says of pdf, with the options args,
// in NFC.
func PDFInfo(t testing.TB, pdf []byte, args ...string) string {
	t.Helper()
	return norm.NFC.String(string(Run(t, pdf, "pdfinfo", append(args, "-")...)))
}

// QPDFCheck fails the test unless qpdf --check finds pdf sound.
func QPDFCheck(t testing.TB, pdf []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.pdf") // qpdf reads no standard input
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	Run(t, nil, "qpdf", "--check", path)
}
