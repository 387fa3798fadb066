package dossier_test

import (
	"archive/zip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// keysOf returns the sorted keys of a JSON object.
func keysOf(t *testing.T, v any) []string {
	t.Helper()
	m, ok := v.(map[string]any)
	if !ok {
		t.Fatalf("want a JSON object, got %T", v)
	}
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func TestWriteFolderAndManifest(t *testing.T) {
	out := filepath.Join(t.TempDir(), "ra") // Write creates it
	d := buildFile(t, sampleWard)
	dir, err := d.Write(context.Background(), out)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if dir != filepath.Join(out, d.Slug) {
		t.Errorf("Write returned %s, want %s", dir, filepath.Join(out, d.Slug))
	}
	if d.Slug != "uy-ban-nhan-dan-phuong-tan-son-hoa-2026-02-05" {
		t.Errorf("slug %q", d.Slug)
	}

	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m any
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest.json: %v", err)
	}
	if got := strings.Join(keysOf(t, m), ","); got != "bo_mau,ho_so,ho_so_pdf,nguon,nguon_day_du,sha256,tai_lieu" {
		t.Errorf("manifest keys %s", got)
	}
	top := m.(map[string]any)
	abs, _ := filepath.Abs(sampleWard)
	if top["ho_so"] != d.Slug || top["nguon"] != sampleWard || top["nguon_day_du"] != abs || top["bo_mau"] != "nd152-2025" {
		t.Errorf("manifest head: ho_so %v, nguon %v, nguon_day_du %v, bo_mau %v", top["ho_so"], top["nguon"], top["nguon_day_du"], top["bo_mau"])
	}
	docs, ok := top["tai_lieu"].([]any)
	if !ok || len(docs) != len(d.Documents) {
		t.Fatalf("tai_lieu: %T with %d entries, want %d", top["tai_lieu"], len(docs), len(d.Documents))
	}
	want := []string{"manifest.json", "ho-so.pdf"}
	for i, x := range docs {
		if got := strings.Join(keysOf(t, x), ","); got != "canh_bao,docx,doi_tuong,pdf,phan,so_ky_hieu,so_trang" {
			t.Errorf("tai_lieu[%d] keys %s", i, got)
		}
		e := x.(map[string]any)
		if _, ok := e["canh_bao"].([]any); !ok {
			t.Errorf("tai_lieu[%d].canh_bao = %v, want a list", i, e["canh_bao"])
		}
		for _, k := range []string{"phan", "doi_tuong", "docx", "so_ky_hieu"} {
			if _, ok := e[k].(string); !ok {
				t.Errorf("tai_lieu[%d].%s = %v, want a string", i, k, e[k])
			}
		}
		name := e["docx"].(string)
		if name != d.Documents[i].DOCX || e["phan"] != d.Documents[i].Part {
			t.Errorf("tai_lieu[%d] = %v, %v; dossier has %s, %s", i, name, e["phan"], d.Documents[i].DOCX, d.Documents[i].Part)
		}
		want = append(want, name, e["pdf"].(string))
		// The PDF, rendered as the folder was written, has the pages the
		// manifest gives.
		if b, err := os.ReadFile(filepath.Join(dir, e["pdf"].(string))); err != nil {
			t.Errorf("manifest names %s: %v", e["pdf"], err)
		} else if n, err := pdftest.PageCount(b); err != nil || float64(n) != e["so_trang"] {
			t.Errorf("%s: %d pages (%v), manifest says %v", e["pdf"], n, err, e["so_trang"])
		}
		// The file exists, is the built DOCX and re-opens.
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("manifest names %s: %v", name, err)
			continue
		}
		if string(b) != string(d.Documents[i].Bytes) {
			t.Errorf("%s on disk differs from the built bytes", name)
		}
		zr, err := zip.OpenReader(filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%s does not re-open: %v", name, err)
			continue
		}
		zr.Close()
		open(t, name, b)
	}
	sort.Strings(want)
	if got := listDir(t, dir); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("folder holds\n%q\nmanifest names\n%q", got, want)
	}
	// Parts in filing order: a Tờ trình per award, bien-ban, reports, letters.
	var parts []string
	for _, x := range docs {
		parts = append(parts, x.(map[string]any)["phan"].(string))
	}
	if got := strings.Join(parts, " "); got != "to-trinh to-trinh bien-ban bao-cao-thanh-tich bao-cao-thanh-tich bao-cao-thanh-tich bao-cao-thanh-tich bao-cao-thanh-tich xac-nhan-thue xac-nhan-thue xac-nhan-bhxh xac-nhan-bhxh" {
		t.Errorf("parts %s", got)
	}
	if got := listDir(t, out); len(got) != 1 || got[0] != d.Slug {
		t.Errorf("output folder holds %q, want only %s (no temporary folder left)", got, d.Slug)
	}
}

// A rebuild replaces hoso's files and keeps what the clerk added to the
// folder (a signed scan, an annex folder, a link): it is carried over into
// the new folder, byte for byte. A document the new build no longer makes
// goes. (The rebuild used to delete the clerk's files.)
func TestRewriteKeepsTheClerksFiles(t *testing.T) {
	out := t.TempDir()
	d := buildFile(t, sampleWard)
	dir, err := d.Write(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	clerk := map[string]string{
		"to-trinh-da-ky.pdf":     "%PDF bản quét có chữ ký",
		"phu-luc/bang-diem.xlsx": "phụ lục",
		".ghi-chu":               "ẩn",
	}
	testtool.WriteFiles(t, dir, clerk)
	if err := os.Symlink("phu-luc", filepath.Join(dir, "lien-ket")); err != nil {
		t.Fatal(err)
	}
	// Same slug, fewer documents: remove the enterprises (and so the tax
	// letter) by building another submission of the same agency and date.
	src := readFile(t, sampleWard)
	cut := strings.Index(src, "\n[[de_nghi]]\nloai = \"doanh-nghiep\"")
	if cut < 0 {
		t.Fatal("sample changed: no enterprise nominee")
	}
	d2 := build(t, sampleWard, src[:cut+1])
	if d2.Slug != d.Slug || len(d2.Documents) >= len(d.Documents) {
		t.Fatalf("second build: slug %s, %d documents", d2.Slug, len(d2.Documents))
	}
	dir2, err := d2.Write(context.Background(), out)
	if err != nil {
		t.Fatalf("second Write: %v", err)
	}
	if dir2 != dir {
		t.Errorf("second Write went to %s, not %s", dir2, dir)
	}
	for name, text := range clerk {
		if b, err := os.ReadFile(filepath.Join(dir, name)); err != nil || string(b) != text {
			t.Errorf("the clerk's %s: %q, %v", name, b, err)
		}
	}
	if target, err := os.Readlink(filepath.Join(dir, "lien-ket")); err != nil || target != "phu-luc" {
		t.Errorf("the clerk's link: %q, %v", target, err)
	}
	want := []string{".ghi-chu", "lien-ket", "manifest.json", "ho-so.pdf", "phu-luc", "to-trinh-da-ky.pdf"}
	for _, x := range d2.Documents {
		want = append(want, x.DOCX, x.PDF)
	}
	sort.Strings(want)
	if got := listDir(t, dir); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("after rewrite the folder holds\n%q\nwant\n%q", got, want)
	}
	var m struct {
		Docs []struct {
			DOCX string `json:"docx"`
		} `json:"tai_lieu"`
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err := json.Unmarshal(raw, &m); err != nil || len(m.Docs) != len(d2.Documents) {
		t.Errorf("manifest after rewrite: %v, %d entries", err, len(m.Docs))
	}
	if got := listDir(t, out); len(got) != 1 {
		t.Errorf("output folder holds %q (a temporary folder left behind?)", got)
	}

	// A file of the clerk's with the name of a file the next build writes
	// stops the write, naming it; nothing changes.
	clash := d.Documents[len(d.Documents)-1].DOCX // the tax letter d2 lacks
	if err := os.WriteFile(filepath.Join(dir, clash), []byte("của tôi"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	_, err = d.Write(context.Background(), out)
	if err == nil || !strings.Contains(err.Error(), clash) || !strings.Contains(err.Error(), "không do hoso ghi") {
		t.Fatalf("Write over a clerk's file of the same name: %v", err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, clash)); string(b) != "của tôi" || strings.Join(listDir(t, dir), " ") != strings.Join(before, " ") {
		t.Errorf("the refused write changed the folder: %q", listDir(t, dir))
	}
}

func TestWriteFailureLeavesNothing(t *testing.T) {
	base := t.TempDir()
	out := filepath.Join(base, "tep")
	if err := os.WriteFile(out, []byte("không phải thư mục"), 0o644); err != nil {
		t.Fatal(err)
	}
	d := buildFile(t, sampleMin)
	if _, err := d.Write(context.Background(), out); err == nil {
		t.Fatal("Write into a path that is a file should fail")
	}
	if got := listDir(t, base); len(got) != 1 || got[0] != "tep" {
		t.Errorf("after a failed Write the parent holds %q", got)
	}
}

// A file hoso wrote that the clerk edited since (appended to, saved in
// Word) is the clerk's: manifest.json keeps the SHA-256 of every file
// hoso wrote, and a rebuild that would replace an edited file stops,
// naming it, the old dossier untouched; renamed, it is carried over like
// any file of the clerk's, and one the new dossier does not write is
// carried over as it is (issue 12.13: the edit used to vanish, exit 0).
func TestRewriteKeepsTheClerksEdits(t *testing.T) {
	out := t.TempDir()
	d := buildFile(t, sampleWard)
	dir, err := d.Write(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Hashes map[string]string `json:"sha256"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(dir, "manifest.json"))), &m); err != nil {
		t.Fatal(err)
	}
	files := listDir(t, dir)
	if len(m.Hashes) != len(files)-1 {
		t.Errorf("manifest hashes %d files, the folder holds %d besides manifest.json", len(m.Hashes), len(files)-1)
	}
	for _, name := range files {
		if name == "manifest.json" {
			continue
		}
		sum := sha256.Sum256([]byte(readFile(t, filepath.Join(dir, name))))
		if m.Hashes[name] != hex.EncodeToString(sum[:]) {
			t.Errorf("manifest hash of %s: %q, the file's is %x", name, m.Hashes[name], sum)
		}
	}
	// Unedited: replaced as before.
	if _, err := d.Write(context.Background(), out); err != nil {
		t.Fatalf("rewrite of an unedited dossier: %v", err)
	}

	minutes := filepath.Join(dir, d.Documents[1].DOCX) // 02-bien-ban.docx
	edited := readFile(t, minutes) + "ghi chú của văn thư"
	if err := os.WriteFile(minutes, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	before := listDir(t, dir)
	_, err = d.Write(context.Background(), out)
	if err == nil || !strings.Contains(err.Error(), d.Documents[1].DOCX) || !strings.Contains(err.Error(), "đã được sửa sau khi hoso ghi") {
		t.Fatalf("Write over an edited file: %v", err)
	}
	if readFile(t, minutes) != edited || strings.Join(listDir(t, dir), " ") != strings.Join(before, " ") {
		t.Fatalf("the refused write changed the folder: %q", listDir(t, dir))
	}
	// Renamed as the message says: carried over, the new file written.
	kept := filepath.Join(dir, "02-bien-ban-da-sua.docx")
	if err := os.Rename(minutes, kept); err != nil {
		t.Fatal(err)
	}
	if _, err := d.Write(context.Background(), out); err != nil {
		t.Fatalf("Write after the rename: %v", err)
	}
	if readFile(t, kept) != edited || readFile(t, minutes) == edited {
		t.Error("the renamed edit is lost, or the new minutes are not written")
	}

	// An edited document the next build no longer makes stays.
	tax := filepath.Join(dir, d.Documents[len(d.Documents)-1].DOCX)
	if err := os.WriteFile(tax, []byte(readFile(t, tax)+"x"), 0o644); err != nil {
		t.Fatal(err)
	}
	taxEdited := readFile(t, tax)
	src := readFile(t, sampleWard)
	d2 := build(t, sampleWard, src[:strings.Index(src, "\n[[de_nghi]]\nloai = \"doanh-nghiep\"")+1])
	if _, err := d2.Write(context.Background(), out); err != nil {
		t.Fatalf("Write of a dossier without the edited document: %v", err)
	}
	if readFile(t, tax) != taxEdited {
		t.Error("the edited document the new dossier lacks is lost")
	}
}
