package dossier_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/pdf/pdftest"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/testtool"
	"github.com/hoso-vn/hoso/internal/tplcheck"
	"github.com/hoso-vn/hoso/templates"
)

// The acceptance case of issue 14: a maintainer adds a document to the
// dossier with a DOCX and a few lines of bo-mau.toml, without Go.
// testdata/giay-moi holds a Giấy mời họp Hội đồng written from scratch as
// a LibreOffice flat ODT, the DOCX LibreOffice wrote from it (make.sh) and
// the [[van_ban]] block that declares it (van-ban.toml); ho-so.toml is the
// Giấy mời's own table a clerk adds to a submission. .ci/run checks the
// same document with the NĐ 30 tools and against LibreOffice's rendering.
const giayMoiDir = "../../testdata/giay-moi"

// withGiayMoi copies the shipped form sets into a folder and adds the Giấy
// mời to nd152-2025 as the maintainer does: giay-moi.docx beside the other
// templates, van-ban.toml's block right after the Biên bản's (the blocks'
// order is the documents' order). docx replaces the DOCX when not nil.
func withGiayMoi(t *testing.T, docx []byte) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(dir, templates.FS); err != nil {
		t.Fatal(err)
	}
	set := filepath.Join(dir, "nd152-2025")
	if docx == nil {
		docx = []byte(readFile(t, filepath.Join(giayMoiDir, "giay-moi.docx")))
	}
	if err := os.WriteFile(filepath.Join(set, "giay-moi.docx"), docx, 0o644); err != nil {
		t.Fatal(err)
	}
	manifest := readFile(t, filepath.Join(set, "bo-mau.toml"))
	bienBan := strings.Index(manifest, `id = "bien-ban"`)
	next := strings.Index(manifest[bienBan:], "[[van_ban]]")
	if bienBan < 0 || next < 0 {
		t.Fatal("bo-mau.toml of nd152-2025 has no [[van_ban]] block after the Biên bản's")
	}
	at := bienBan + next
	manifest = manifest[:at] + readFile(t, filepath.Join(giayMoiDir, "van-ban.toml")) + "\n" + manifest[at:]
	if err := os.WriteFile(filepath.Join(set, "bo-mau.toml"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// giayMoiSubmission is the ward sample with the Giấy mời's table added.
func giayMoiSubmission(t *testing.T) string {
	t.Helper()
	return readFile(t, sampleWard) + "\n" + readFile(t, filepath.Join(giayMoiDir, "ho-so.toml"))
}

func TestGiayMoiAddedWithoutGo(t *testing.T) {
	dir := withGiayMoi(t, nil)

	// templates check: no error, no warning (nothing LibreOffice wrote is
	// beyond the PDF renderer).
	r := tplcheck.CheckFS(os.DirFS(dir), dossier.Schema)
	if r.Errors() != 0 || r.Warnings() != 0 {
		var b strings.Builder
		r.Write(&b)
		t.Fatalf("templates check: %d errors, %d warnings:\n%s", r.Errors(), r.Warnings(), b.String())
	}
	sets, err := formset.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}

	src := giayMoiSubmission(t)
	d, err := dossier.Build("ho-so.toml", []byte(src), sets)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.RenderPDF(); err != nil {
		t.Fatal(err)
	}
	folder, err := d.Write(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}

	entry, before := giayMoiEntry(t, folder)
	want := giayMoiTexts(t, src)
	docx := open(t, entry.DOCX, []byte(readFile(t, filepath.Join(folder, entry.DOCX))))
	if strings.Contains(docx.raw, "{{") {
		t.Error("the filled Giấy mời still holds a tag")
	}
	texts := strings.Join(docx.texts(), "\n")
	for _, w := range want {
		if !strings.Contains(texts, w) {
			t.Errorf("DOCX lacks %q; its paragraphs:\n%s", w, texts)
		}
	}

	pdf := []byte(readFile(t, filepath.Join(folder, entry.PDF)))
	if err := pdftest.Validate(pdf); err != nil {
		t.Fatal(err)
	}
	if n, err := pdftest.PageCount(pdf); err != nil || n != entry.Pages {
		t.Errorf("the PDF has %d pages (%v), the manifest says %d", n, err, entry.Pages)
	}
	text := testtool.PDFText(t, pdf)
	flat := strings.Join(strings.Fields(text), " ")
	for _, w := range want {
		if w = strings.Join(strings.Fields(w), " "); !strings.Contains(flat, w) {
			t.Errorf("PDF text lacks %q:\n%s", w, text)
		}
	}

	marks, err := pdftest.Bookmarks(d.Merged)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range marks {
		if m.Title == "Giấy mời họp Hội đồng Thi đua - Khen thưởng" {
			found = true
			if m.PageFrom != before+1 {
				t.Errorf("the Giấy mời's bookmark points at page %d, want %d (after the Tờ trình and the Biên bản)", m.PageFrom, before+1)
			}
		}
	}
	if !found {
		t.Errorf("ho-so.pdf has no bookmark for the Giấy mời: %+v", marks)
	}
}

// manifestEntry is one document of manifest.json, as other tools read it.
type manifestEntry struct {
	Part     string   `json:"phan"`
	DOCX     string   `json:"docx"`
	PDF      string   `json:"pdf"`
	Number   string   `json:"so_ky_hieu"`
	Pages    int      `json:"so_trang"`
	Warnings []string `json:"canh_bao"`
}

// giayMoiEntry reads the dossier's manifest.json, checks the Giấy mời's
// entry and its place (after the Biên bản, before the reports) and returns
// it with the number of pages before it.
func giayMoiEntry(t *testing.T, folder string) (manifestEntry, int) {
	t.Helper()
	var m struct {
		Docs []manifestEntry `json:"tai_lieu"`
	}
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(folder, "manifest.json"))), &m); err != nil {
		t.Fatal(err)
	}
	var parts []string
	var entry manifestEntry
	pages, before := 0, -1
	for _, e := range m.Docs {
		if len(parts) == 0 || parts[len(parts)-1] != e.Part {
			parts = append(parts, e.Part)
		}
		if e.Part == "giay-moi" {
			entry, before = e, pages
		}
		pages += e.Pages
	}
	if got := strings.Join(parts, " "); got != "to-trinh bien-ban giay-moi bao-cao-thanh-tich xac-nhan-thue xac-nhan-bhxh" {
		t.Fatalf("the dossier's documents are %s", got)
	}
	if entry.Number != "03/GM-UBND" || entry.DOCX != "03-giay-moi.docx" || entry.PDF != "03-giay-moi.pdf" {
		t.Errorf("manifest entry %+v, want 03/GM-UBND in 03-giay-moi.docx/.pdf", entry)
	}
	if len(entry.Warnings) != 0 || entry.Pages < 1 {
		t.Errorf("manifest entry: %d pages, warnings %q", entry.Pages, entry.Warnings)
	}
	return entry, before
}

// giayMoiTexts is what the filled Giấy mời must say, from the submission:
// its number and date line (NĐ 30: two-digit day, month 01 padded), the
// header, every council member, the meeting's time and place, the
// movement, the Tờ trình's signer (the Giấy mời names none) and its Nơi
// nhận ending with the Lưu line.
func giayMoiTexts(t *testing.T, src string) []string {
	t.Helper()
	s, _, problems, err := submission.Decode([]byte(src))
	if err != nil || len(problems) > 0 {
		t.Fatalf("the submission does not decode: %v %v", err, problems)
	}
	want := []string{
		"ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN HÒA",
		"Số: 03/GM-UBND",
		"Tân Sơn Hòa, ngày 22 tháng 01 năm 2026",
		"GIẤY MỜI",
		s.Agency.Name + " trân trọng kính mời:",
		"Thời gian: 08 giờ 00 phút, ngày 28 tháng 01 năm 2026.",
		"Địa điểm: " + s.Meeting.Place + ".",
		"“" + s.Movement.Name + "” giai đoạn " + s.Movement.Period,
		"TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", s.Proposal.Signer.Name,
		"Nơi nhận:", "- Như trên;", "- Thường trực Đảng ủy phường;", "- Lưu: VT, VP.",
	}
	if len(s.Council.Members) == 0 {
		t.Fatal("the sample has no council members")
	}
	for _, m := range s.Council.Members {
		want = append(want, "- "+m.Name+", "+m.Position+" - "+m.Role)
	}
	return want
}

// A [van_ban.<id>] table no declared document owns is refused, located,
// naming the documents the extended set declares.
func TestGiayMoiUndeclaredTableRefused(t *testing.T) {
	sets, err := formset.Load(os.DirFS(withGiayMoi(t, nil)))
	if err != nil {
		t.Fatal(err)
	}
	src := giayMoiSubmission(t) + "\n[van_ban.khong-co]\nso = 4\n"
	_, err = dossier.Build("ho-so.toml", []byte(src), sets)
	var ie *dossier.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("want an InputError, got %v", err)
	}
	line := strings.Count(src[:strings.Index(src, "[van_ban.khong-co]")], "\n") + 1
	if len(ie.Problems) != 1 || ie.Problems[0].Path != "van_ban.khong-co" || ie.Problems[0].Pos.Line != line {
		t.Fatalf("want one problem at van_ban.khong-co line %d, got %+v", line, ie.Problems)
	}
	msg := ie.Error()
	for _, w := range []string{
		`bộ mẫu nd152-2025 không có văn bản "khong-co"`,
		"bộ mẫu nd152-2025 có các văn bản: to-trinh, bien-ban, giay-moi, bao-cao-thanh-tich, xac-nhan-thue, xac-nhan-bhxh",
		"bảng [van_ban.<id>] chỉ dành cho: giay-moi",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
}

// templates check reads the added template like the shipped ones: a
// misspelt field in giay-moi.docx is an error naming that file.
func TestGiayMoiCheckedLikeTheShippedTemplates(t *testing.T) {
	docx := ooxmltest.ReplaceInDocument(t, []byte(readFile(t, filepath.Join(giayMoiDir, "giay-moi.docx"))),
		"{{van_ban.so_ky_hieu}}", "{{van_ban.so_ky_hieuu}}")
	r := tplcheck.CheckFS(os.DirFS(withGiayMoi(t, docx)), dossier.Schema)
	var b strings.Builder
	r.Write(&b)
	if r.Errors() != 1 || !strings.Contains(b.String(), "giay-moi.docx") || !strings.Contains(b.String(), "van_ban.so_ky_hieuu") {
		t.Errorf("want one error in giay-moi.docx about van_ban.so_ky_hieuu, got:\n%s", b.String())
	}
}

// TestFreeFieldsOfADeclaredDocument: a part declares free fields (truong);
// its template prints them as {{van_ban.<ten>}}, checked against their
// kinds; the submission gives them in [van_ban.<id>], checked against the
// declarations.
func TestFreeFieldsOfADeclaredDocument(t *testing.T) {
	docx := ooxmltest.ReplaceInDocument(t, []byte(readFile(t, filepath.Join(giayMoiDir, "giay-moi.docx"))),
		"Địa điểm: {{bien_ban.dia_diem}}.", "Địa điểm: {{van_ban.phong_hop}}, có mặt trước {{van_ban.gio_den | gio}}.")
	dir := withGiayMoi(t, docx)
	manifest := filepath.Join(dir, "nd152-2025", "bo-mau.toml")
	m := readFile(t, manifest)
	decl := `ky_hieu = "GM"
[[van_ban.truong]]
ten = "phong_hop"
kieu = "chu"
nghia = "phòng họp"
bat_buoc = true
[[van_ban.truong]]
ten = "gio_den"
kieu = "ngay-gio"
nghia = "giờ có mặt"
`
	m = strings.Replace(m, "ky_hieu = \"GM\"\n", decl, 1)
	if err := os.WriteFile(manifest, []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
	sets, err := formset.Load(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	src := giayMoiSubmission(t) + "phong_hop = \"Phòng họp số 2\"\ngio_den = 2026-01-28T07:45:00\n"
	d, err := dossier.Build("ho-so.toml", []byte(src), sets)
	if err != nil {
		t.Fatal(err)
	}
	var gm *dossier.Document
	for _, doc := range d.Documents {
		if doc.Part == "giay-moi" {
			gm = doc
		}
	}
	if gm == nil {
		t.Fatal("no giay-moi document")
	}
	if body := regexp.MustCompile(`<[^>]+>`).ReplaceAllString(open(t, gm.DOCX, gm.Bytes).raw, ""); !strings.Contains(body, "Địa điểm: Phòng họp số 2, có mặt trước 07 giờ 45 phút.") {
		t.Errorf("document.xml lacks the free fields:\n%s", body)
	}

	// A key the part does not declare, a value of the wrong kind, a
	// required field left out: each refused at its line.
	bad := giayMoiSubmission(t) + "phong_hop = [\"a\"]\nghi_chu = \"x\"\n"
	_, err = dossier.Build("ho-so.toml", []byte(bad), sets)
	var ie *dossier.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("want refused, got %v", err)
	}
	got := ie.Error()
	for _, want := range []string{"van_ban.giay-moi.ghi_chu", `không có trường "ghi_chu"`, "phong_hop (phòng họp): cần một dòng chữ"} {
		if !strings.Contains(got, want) {
			t.Errorf("message lacks %q:\n%s", want, got)
		}
	}
	_, err = dossier.Build("ho-so.toml", []byte(giayMoiSubmission(t)), sets)
	if !errors.As(err, &ie) || !strings.Contains(ie.Error(), "thiếu phong_hop (phòng họp)") {
		t.Errorf("a required free field left out: %v", err)
	}
	// Without its table at all, the required field is missing too (it
	// would print a blank).
	_, err = dossier.Build("ho-so.toml", []byte(readFile(t, sampleWard)), sets)
	if !errors.As(err, &ie) || !strings.Contains(ie.Error(), "cần phong_hop (phòng họp): thiếu bảng [van_ban.giay-moi]") {
		t.Errorf("a required free field without its table: %v", err)
	}
}

// TestFormSetForcedOutsideItsValidity: bo_mau may name a set whose
// validity does not cover the Tờ trình's date (a maintainer trying a new
// set); the dossier is built and every document warns.
func TestFormSetForcedOutsideItsValidity(t *testing.T) {
	src := strings.Replace(readFile(t, sampleWard), "[co_quan]\n", "bo_mau = \"nd98-2023\"\n\n[co_quan]\n", 1)
	d := build(t, "ho-so.toml", src)
	if d.FormSet.ID != "nd98-2023" {
		t.Fatalf("form set %s", d.FormSet.ID)
	}
	for _, doc := range d.Documents {
		found := false
		for _, w := range doc.Warnings {
			found = found || strings.Contains(w, "bộ mẫu nd98-2023 được chọn bằng bo_mau nhưng chỉ áp dụng từ 01/01/2024 đến 30/06/2025, không cho Tờ trình ngày 05/02/2026")
		}
		if !found {
			t.Errorf("%s: no warning about the forced form set: %q", doc.DOCX, doc.Warnings)
		}
	}
}
