package pdfbook

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
)

func TestSplitExtractsValidDocuments(t *testing.T) {
	src := makePDF(t, 7)
	date := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	parts, err := Split(src, []Range{
		{First: 1, Last: 2, Info: Info{Title: "Tờ trình", Author: "Ủy ban nhân dân phường Tân Sơn Hòa", Date: date}},
		{First: 3, Last: 3, Info: Info{Title: "Báo cáo thành tích: Nguyễn Thị Thu Hà"}},
		{First: 4, Last: 7},
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{2, 1, 4} {
		if err := Validate(parts[i]); err != nil {
			t.Errorf("part %d: strict validation: %v", i+1, err)
		}
		if n, err := PageCount(parts[i]); n != want || err != nil {
			t.Errorf("part %d: %d pages (%v), want %d", i+1, n, err, want)
		}
	}
	info, err := api.PDFInfo(bytes.NewReader(parts[0]), "a.pdf", nil, false, newConfig())
	if err != nil {
		t.Fatal(err)
	}
	if info.Title != "Tờ trình" || info.Author != "Ủy ban nhân dân phường Tân Sơn Hòa" {
		t.Errorf("info: title %q author %q", info.Title, info.Author)
	}
	again, _ := Split(src, []Range{{First: 1, Last: 2, Info: Info{Title: "Tờ trình", Author: "Ủy ban nhân dân phường Tân Sơn Hòa", Date: date}}})
	if !bytes.Equal(again[0], parts[0]) {
		t.Errorf("Split is not deterministic")
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		dir := t.TempDir()
		for i, want := range []string{"PAGE01", "PAGE03", "PAGE04"} {
			f := filepath.Join(dir, "p.pdf")
			os.WriteFile(f, parts[i], 0o644)
			out, _ := exec.Command(bin, "-l", "1", f, "-").Output()
			if !strings.Contains(string(out), want) {
				t.Errorf("part %d starts with %q, want %s", i+1, strings.TrimSpace(string(out)), want)
			}
		}
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		f := filepath.Join(t.TempDir(), "q.pdf")
		os.WriteFile(f, parts[2], 0o644)
		if msg, err := exec.Command(qpdf, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, msg)
		}
	}
}

func TestSplitErrors(t *testing.T) {
	src := makePDF(t, 2)
	if _, err := Split(src, []Range{{First: 2, Last: 3}}); err == nil || !strings.Contains(err.Error(), "tệp có 2 trang") {
		t.Errorf("range past the end: %v", err)
	}
	if _, err := Split([]byte("%PDF-1.3\nnot really"), []Range{{First: 1, Last: 1}}); err == nil {
		t.Errorf("garbage accepted")
	}
}
