package pdfbook

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
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

func TestJoinPutsThePagesInOrder(t *testing.T) {
	a, b := makePages(t, 1, 2, 0), makePages(t, 3, 3, 0)
	info := Info{Title: "Hồ sơ đề nghị khen thưởng", Author: "Ủy ban nhân dân phường Tân Sơn Hòa", Producer: "hoso"}
	joined, err := Join([][]byte{a, b}, info)
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(joined); err != nil {
		t.Errorf("strict validation: %v", err)
	}
	if n, err := PageCount(joined); n != 5 || err != nil {
		t.Errorf("%d pages (%v), want 5", n, err)
	}
	again, _ := Join([][]byte{a, b}, info)
	if !bytes.Equal(again, joined) {
		t.Errorf("Join is not deterministic")
	}
	pi, err := api.PDFInfo(bytes.NewReader(joined), "j.pdf", nil, false, newConfig())
	if err != nil {
		t.Fatal(err)
	}
	if pi.Title != info.Title || pi.Author != info.Author {
		t.Errorf("info: title %q author %q", pi.Title, pi.Author)
	}
	// The joined file takes an outline, and cuts back into its sources.
	marked, err := Outline(joined, []Bookmark{{Title: "Một", Page: 1}, {Title: "Hai", Page: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(marked); err != nil {
		t.Errorf("joined and outlined: %v", err)
	}
	parts, err := Split(joined, []Range{{First: 3, Last: 5}})
	if err != nil {
		t.Fatal(err)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		dir := t.TempDir()
		f := filepath.Join(dir, "j.pdf")
		os.WriteFile(f, joined, 0o644)
		for p := 1; p <= 5; p++ {
			out, _ := exec.Command(bin, "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), f, "-").Output()
			if want := fmt.Sprintf("PAGE%02d", p); !strings.Contains(string(out), want) {
				t.Errorf("page %d reads %q, want %s", p, strings.TrimSpace(string(out)), want)
			}
		}
		os.WriteFile(f, parts[0], 0o644)
		if out, _ := exec.Command(bin, "-l", "1", f, "-").Output(); !strings.Contains(string(out), "PAGE03") {
			t.Errorf("cut from the joined file, page 1 reads %q, want PAGE03", out)
		}
	}
	if qpdf, err := exec.LookPath("qpdf"); err == nil {
		f := filepath.Join(t.TempDir(), "q.pdf")
		os.WriteFile(f, marked, 0o644)
		if msg, err := exec.Command(qpdf, "--check", f).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, msg)
		}
	}
}

func TestJoinRefusesDifferentPageTrees(t *testing.T) {
	_, err := Join([][]byte{makePages(t, 1, 1, 0), makePages(t, 2, 1, 148)}, Info{})
	if err == nil || !strings.Contains(err.Error(), "tệp PDF thứ 2") {
		t.Errorf("A4 joined with A5 width: %v", err)
	}
	if _, err := Join([][]byte{makePDF(t, 1), []byte("%PDF-1.3\nnot really")}, Info{}); err == nil {
		t.Errorf("garbage accepted")
	}
}
