package dossier_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// What a reviewing office checks first: who issues each document, who
// decides each award, one Tờ trình per award (domain.md F.1).

// joined is a document's non-empty paragraphs, one per line.
func joined(x *docx) string { return strings.Join(x.nonEmpty(), "\n") }

// mustContain fails for each want the text lacks and each unwanted text
// it has.
func mustContain(t *testing.T, name, text string, want []string, unwanted ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", name, w)
		}
	}
	for _, u := range unwanted {
		if strings.Contains(text, u) {
			t.Errorf("%s has %q", name, u)
		}
	}
}

// The district's Tờ trình comes from its Phòng Nội vụ (header, ký hiệu,
// signer); the Biên bản stays the council's and the tax letter the
// committee's, with their own signers.
func TestEachDocumentHasItsIssuer(t *testing.T) {
	d := buildFile(t, sampleDistrict)
	_, tt := doc(t, d, "01-to-trinh.docx")
	mustContain(t, "Tờ trình", joined(tt),
		[]string{"ỦY BAN NHÂN DÂN QUẬN TÂN BÌNH\nPHÒNG NỘI VỤ", "Số: 358/TTr-NV", "TRƯỞNG PHÒNG\nĐặng Văn Quang",
			"Phòng Nội vụ quận Tân Bình kính đề nghị Chủ tịch Ủy ban nhân dân quận Tân Bình xem xét"},
		"TM. ỦY BAN NHÂN DÂN", "/TTr-UBND")

	_, bb := doc(t, d, "02-bien-ban.docx")
	mustContain(t, "Biên bản", joined(bb), []string{"HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG", "/BB-HĐTĐKT"}, "PHÒNG NỘI VỤ", "TRƯỞNG PHÒNG")

	tax := docsOf(d, "xac-nhan-thue")
	if len(tax) == 0 {
		t.Fatal("no tax letter")
	}
	x := open(t, tax[0].DOCX, tax[0].Bytes)
	mustContain(t, tax[0].DOCX, joined(x), []string{"/UBND-NV", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"}, "PHÒNG NỘI VỤ", "TRƯỞNG PHÒNG")
}

// A document of the agency needs its own signer when the Tờ trình's signs
// for another office: refused, not signed by the wrong person.
func TestAgencyDocumentNeedsItsSignerWhenTheProposalHasAnotherIssuer(t *testing.T) {
	src := readFile(t, sampleDistrict)
	at := strings.Index(src, "[xac_nhan_thue.nguoi_ky]")
	if at < 0 {
		t.Fatal("the district sample has no [xac_nhan_thue.nguoi_ky]")
	}
	end := strings.Index(src[at:], "\n\n")
	src = src[:at] + src[at+end+2:]
	problems := inputProblems(t, sampleDistrict, src)
	if !hasProblem(problems, "xac_nhan_thue.nguoi_ky", "người ký Tờ trình ký cho Phòng Nội vụ") {
		t.Errorf("no problem for the tax letter's signer: %v", problems)
	}
}

// The award's name comes from its decider's jurisdiction, never from the
// issuer's name; the request follows the decider's level.
func TestDeciderNamesTheAward(t *testing.T) {
	d := buildFile(t, sampleDistrict)
	var gk *dossier.Document
	for _, x := range docsOf(d, "to-trinh") {
		if strings.Contains(x.DOCX, "giay-khen") {
			gk = x
		}
	}
	if gk == nil || gk.Subject != "Giấy khen của Chủ tịch Ủy ban nhân dân quận Tân Bình" || gk.Number != "361/TTr-NV" {
		t.Fatalf("the Giấy khen's Tờ trình: %+v", gk)
	}
	x := open(t, gk.DOCX, gk.Bytes)
	mustContain(t, gk.DOCX, joined(x),
		[]string{"Về việc đề nghị tặng Giấy khen của Chủ tịch Ủy ban nhân dân quận Tân Bình",
			"xem xét, tặng Giấy khen của Chủ tịch Ủy ban nhân dân quận Tân Bình cho 01 cá nhân",
			"xem xét, quyết định./."},
		"Chủ tịch Phòng Nội vụ", "xem xét, trình")

	// The ward asks the city chairman to forward the Prime Minister's award.
	w := buildFile(t, sampleWard)
	for _, y := range docsOf(w, "to-trinh") {
		if !strings.Contains(y.DOCX, "bang-khen-thu-tuong") {
			continue
		}
		text := joined(open(t, y.DOCX, y.Bytes))
		mustContain(t, y.DOCX, text, []string{
			"kính đề nghị Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh xem xét, trình Thủ tướng Chính phủ tặng Bằng khen của Thủ tướng Chính phủ",
			"xem xét, trình Thủ tướng Chính phủ quyết định./."}, "xem xét, tặng Bằng khen của Thủ tướng")
		return
	}
	t.Error("the ward sample has no Tờ trình for the Bằng khen của Thủ tướng")
}

// One Tờ trình per award type, each numbered, titled and listed on its
// own; the Biên bản covers every nominee.
func TestOneProposalPerAward(t *testing.T) {
	d := buildFile(t, sampleWard)
	s := decode(t, readFile(t, sampleWard))
	tt := docsOf(d, "to-trinh")
	if len(tt) != 2 {
		t.Fatalf("%d Tờ trình, want 2 (two award types)", len(tt))
	}
	want := []struct{ file, subject, number, nominee string }{
		{"01-to-trinh-01-bang-khen-chu-tich-ubnd-tp.docx", "Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", "05/TTr-UBND", "Trần Minh Khôi"},
		{"01-to-trinh-02-bang-khen-thu-tuong.docx", "Bằng khen của Thủ tướng Chính phủ", "06/TTr-UBND", "Nguyễn Thị Thu Hà"},
	}
	for i, w := range want {
		x := tt[i]
		if x.DOCX != w.file || x.Subject != w.subject || x.Number != w.number {
			t.Errorf("Tờ trình %d: %s %q %s, want %s %q %s", i+1, x.DOCX, x.Subject, x.Number, w.file, w.subject, w.number)
		}
		text := joined(open(t, x.DOCX, x.Bytes))
		mustContain(t, x.DOCX, text, []string{"Về việc đề nghị tặng " + w.subject, "(Kèm theo Tờ trình số " + w.number, w.nominee})
		// Each lists only its own award's nominees.
		for _, n := range s.Nominees {
			if (n.Award == "bang-khen-thu-tuong") != (w.subject == "Bằng khen của Thủ tướng Chính phủ") && strings.Contains(text, n.DisplayName()) {
				t.Errorf("%s lists %s, proposed for %s", x.DOCX, n.DisplayName(), n.Award)
			}
		}
	}
	_, bb := doc(t, d, "02-bien-ban.docx")
	for _, n := range s.Nominees {
		if !strings.Contains(joined(bb), n.DisplayName()) {
			t.Errorf("the Biên bản lacks %s", n.DisplayName())
		}
	}
}

// A [[to_trinh.rieng]] block gives one Tờ trình its own number, issuer,
// signer and addressee; one that names no award proposed, two for one
// award, and two Tờ trình with one number are refused.
func TestPerAwardBlocks(t *testing.T) {
	src := readFile(t, sampleWard) + `
[[to_trinh.rieng]]
hinh_thuc = "Bằng khen của Thủ tướng Chính phủ"
so = 17
ngay = 2026-02-06
noi_nhan = ["Văn phòng Chính phủ"]
`
	d := build(t, sampleWard, src)
	tt := docsOf(d, "to-trinh")
	if len(tt) != 2 || tt[0].Number != "05/TTr-UBND" || tt[1].Number != "17/TTr-UBND" {
		t.Fatalf("numbers: %v", []string{tt[0].Number, tt[1].Number})
	}
	text := joined(open(t, tt[1].DOCX, tt[1].Bytes))
	mustContain(t, tt[1].DOCX, text, []string{"ngày 06 tháng 02 năm 2026", "- Như trên;\n- Văn phòng Chính phủ;"}, "Sở Nội vụ (Ban Thi đua")

	for _, c := range []struct{ block, path, msg string }{
		{"hinh_thuc = \"huan-chuong-lao-dong-hang-ba\"\nso = 9", "to_trinh.rieng[1].hinh_thuc", "không đối tượng nào được đề nghị"},
		{"hinh_thuc = \"bang-khen-thu-tuong\"\nso = 9\n[[to_trinh.rieng]]\nhinh_thuc = \"bang-khen-thu-tuong\"", "to_trinh.rieng[2].hinh_thuc", "đã có khối"},
		{"hinh_thuc = \"bang-khen-thu-tuong\"\nso = 5", "to_trinh.rieng", "cùng mang số 5"},
		{"hinh_thuc = \"bang-khen-thu-tuong\"\nco_quan = { ten = \"Văn phòng\", viet_tat = \"VP\" }", "to_trinh.rieng[1].nguoi_ky", "chưa ghi người ký"},
	} {
		src := readFile(t, sampleWard) + "\n[[to_trinh.rieng]]\n" + c.block + "\n"
		if problems := inputProblems(t, sampleWard, src); !hasProblem(problems, c.path, c.msg) {
			t.Errorf("%q: want a problem at %s saying %q, got %v", c.block, c.path, c.msg, problems)
		}
	}
}

// A commune's Giấy khen is not proposed to the commune's own chairman by
// the commune's committee: the unit proposes it (toi-thieu: a health
// station), and a committee's Tờ trình is refused with how to do it.
func TestCommuneGiayKhen(t *testing.T) {
	d := buildFile(t, sampleMin)
	_, tt := doc(t, d, "01-to-trinh.docx")
	mustContain(t, "Tờ trình", joined(tt), []string{"ỦY BAN NHÂN DÂN XÃ BÌNH MỸ\nTRẠM Y TẾ", "Kính gửi: Chủ tịch Ủy ban nhân dân xã Bình Mỹ.",
		"Giấy khen của Chủ tịch Ủy ban nhân dân xã Bình Mỹ", "TRƯỞNG TRẠM"}, "TM. ỦY BAN NHÂN DÂN")

	src := readFile(t, sampleMin)
	src = replace(t, src, "ten = \"Trạm Y tế xã Bình Mỹ\"\ncap_tren = \"Ủy ban nhân dân xã Bình Mỹ\"\nviet_tat = \"TYT\"", "ten = \"Ủy ban nhân dân xã Bình Mỹ\"\nviet_tat = \"UBND\"")
	problems := inputProblems(t, sampleMin, src)
	if !hasProblem(problems, "de_nghi[1].hinh_thuc", "do Chủ tịch Ủy ban nhân dân xã Bình Mỹ quyết định") {
		t.Errorf("a committee proposing its own Giấy khen: %v", problems)
	}
	src = replace(t, src, "ngay = 2026-01-09\n", "ngay = 2026-01-09\nkinh_gui = [\"Chủ tịch Ủy ban nhân dân xã Bình Mỹ\"]\n")
	if problems := inputProblems(t, sampleMin, src); !hasProblem(problems, "to_trinh.kinh_gui[1]", "gửi chính Chủ tịch của mình") {
		t.Errorf("a committee addressing its own chairman: %v", problems)
	}
}

// A committee signs as a collective unless the clerk wrote another line.
func TestCommitteeSignsOnBehalf(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), "thay_mat = \"Ủy ban nhân dân\"\nhinh_thuc = \"KT\"", "hinh_thuc = \"KT\"")
	_, x := doc(t, build(t, sampleWard, src), "01-to-trinh.docx")
	mustContain(t, "Tờ trình", joined(x), []string{"TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Quốc Bảo"})
}

// A report's upper header line is the direct superior the nominee names,
// never the proposing agency; an enterprise has none.
func TestReportHeaderShowsOnlyANamedSuperior(t *testing.T) {
	d := buildFile(t, sampleWard)
	for _, x := range docsOf(d, "bao-cao-thanh-tich") {
		header := headerCell(t, open(t, x.DOCX, x.Bytes))
		if strings.Contains(x.DOCX, "cong-ty") && header != "CÔNG TY TNHH THƯƠNG MẠI DỊCH VỤ PHÚ LỢI" {
			t.Errorf("%s: an enterprise is shown under another body: %q", x.DOCX, header)
		}
		// Nor asked to have a superior that does not exist confirm it:
		// the level submitting the award does (domain.md B.2).
		if strings.Contains(x.DOCX, "cong-ty") {
			mustContain(t, x.DOCX, joined(open(t, x.DOCX, x.Bytes)), []string{"XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"}, "CẤP TRÊN")
		}
	}
	src := replace(t, readFile(t, sampleWard), "ten = \"Công ty TNHH Thương mại Dịch vụ Phú Lợi\"\n",
		"ten = \"Công ty TNHH Thương mại Dịch vụ Phú Lợi\"\ndon_vi_cap_tren = \"Tổng Công ty Thương mại Sài Gòn\"\n")
	for _, x := range docsOf(build(t, sampleWard, src), "bao-cao-thanh-tich") {
		if strings.Contains(x.DOCX, "phu-loi") {
			if got := headerCell(t, open(t, x.DOCX, x.Bytes)); got != "TỔNG CÔNG TY THƯƠNG MẠI SÀI GÒN\nCÔNG TY TNHH THƯƠNG MẠI DỊCH VỤ PHÚ LỢI" {
				t.Errorf("%s: header %q", x.DOCX, got)
			}
			mustContain(t, x.DOCX, joined(open(t, x.DOCX, x.Bytes)), []string{"THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN\nTRỰC TIẾP NHẬN XÉT, XÁC NHẬN", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"})
		}
	}
	// A superior that is the proposing agency itself confirms once, as the
	// level submitting the award, not twice.
	src = replace(t, readFile(t, sampleWard), "ten = \"Công ty TNHH Thương mại Dịch vụ Phú Lợi\"\n",
		"ten = \"Công ty TNHH Thương mại Dịch vụ Phú Lợi\"\ndon_vi_cap_tren = \"Ủy ban nhân dân phường Tân Sơn Hòa\"\n")
	for _, x := range docsOf(build(t, sampleWard, src), "bao-cao-thanh-tich") {
		if strings.Contains(x.DOCX, "phu-loi") {
			mustContain(t, x.DOCX, joined(open(t, x.DOCX, x.Bytes)), []string{"XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG"}, "ĐƠN VỊ CẤP TRÊN")
		}
	}
}

// Missing personal details leave a dotted line and a warning, never
// "Không"; a report states its period, and one shorter than its award
// needs is warned about.
func TestReportDetailsAndPeriod(t *testing.T) {
	d := buildFile(t, sampleMin)
	x, r := doc(t, d, "03-bao-cao.docx")
	text := joined(r)
	mustContain(t, x.DOCX, text, []string{"Quê quán: ……", "Dân tộc: ……", "Học hàm, học vị, danh hiệu, giải thưởng: ……",
		"1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận\n……", "II. THÀNH TÍCH ĐẠT ĐƯỢC\n"}, "Quê quán: Không", ": Không", "GIAI ĐOẠN")
	for _, w := range []string{"chưa ghi quê quán", "chưa ghi dân tộc", "chưa ghi học hàm", "chưa ghi quyền hạn, nhiệm vụ"} {
		if !strings.Contains(strings.Join(x.Warnings, "\n"), w) {
			t.Errorf("no warning %q: %q", w, x.Warnings)
		}
	}

	ward := buildFile(t, sampleWard)
	_, r = doc(t, ward, "03-bao-cao-02-nguyen-thi-thu-ha.docx")
	mustContain(t, "Nguyễn Thị Thu Hà's report", joined(r), []string{"II. THÀNH TÍCH ĐẠT ĐƯỢC (GIAI ĐOẠN 2021 - 2025)"})
	src := replace(t, readFile(t, sampleWard), "giai_doan = \"2021 - 2025\"\n", "")
	var warned bool
	for _, y := range docsOf(build(t, sampleWard, src), "bao-cao-thanh-tich") {
		if strings.Contains(strings.Join(y.Warnings, "\n"), "(03 năm), Bằng khen của Thủ tướng Chính phủ cần thành tích 05 năm") {
			warned = true
		}
	}
	if !warned {
		t.Error("a 3-year report for a 5-year award is not warned about")
	}
	for _, y := range docsOf(ward, "bao-cao-thanh-tich") {
		for _, w := range y.Warnings {
			if strings.Contains(w, "cần thành tích") {
				t.Errorf("%s: %s", y.DOCX, w)
			}
		}
	}
}

// Nơi nhận starts with "Như trên" once; a via line follows Kính gửi; the
// council's meeting is cited once even when the clerk cites it; a căn cứ
// line the clerk began with "Căn cứ" prints the word once.
func TestProposalTexts(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), "noi_nhan = [\"Như trên\", ", "kinh_gui_qua = \"Ban Thi đua - Khen thưởng, Sở Nội vụ\"\nnoi_nhan = [")
	src = replace(t, src, "can_cu = [\n", "can_cu = [\n  \"Căn cứ kết quả họp xét của Hội đồng Thi đua - Khen thưởng phường ngày 28 tháng 01 năm 2026;\",\n  \"căn cứ  Quyết định số 12/QĐ-UBND;\",\n")
	_, x := doc(t, build(t, sampleWard, src), "01-to-trinh.docx")
	text := joined(x)
	mustContain(t, "Tờ trình", text, []string{"Kính gửi: Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh", "(qua Ban Thi đua - Khen thưởng, Sở Nội vụ)", "Nơi nhận:\n- Như trên;\n- Sở Nội vụ"},
		"Trên cơ sở kết quả họp xét", "Căn cứ Căn cứ", "Căn cứ căn cứ")
	mustContain(t, "Tờ trình", text, []string{"Căn cứ kết quả họp xét của Hội đồng", "Căn cứ Quyết định số 12/QĐ-UBND;"})
	if strings.Count(text, "Như trên") != 1 {
		t.Errorf("\"Như trên\" %d times", strings.Count(text, "Như trên"))
	}
}

// Years are text ("Năm học 2021 - 2022"), and a decision given as number,
// date and body is printed by the NĐ 30 date rule, keeping its zeros.
func TestHonoursAsText(t *testing.T) {
	d := buildFile(t, sampleDistrict)
	for _, x := range docsOf(d, "bao-cao-thanh-tich") {
		if !strings.Contains(x.DOCX, "le-hoang-phuc") {
			continue
		}
		r := open(t, x.DOCX, x.Bytes)
		titles := r.table(t, "Danh hiệu thi đua")
		awards := r.table(t, "Hình thức khen thưởng")
		if got := titles[1]; got[0] != "2024" || got[2] != "Quyết định số 07/QĐ-UBND ngày 06 tháng 01 năm 2025 của Chủ tịch Ủy ban nhân dân quận Tân Bình" {
			t.Errorf("titles row: %q", got)
		}
		if got := awards[1]; got[0] != "Năm học 2021 - 2022" {
			t.Errorf("awards row: %q", got)
		}
		return
	}
	t.Fatal("no report for Lê Hoàng Phúc")
}

// headerCell is the issuer's cell of a document's header table.
func headerCell(t *testing.T, x *docx) string {
	t.Helper()
	tbl := x.root.FindElement("//w:tbl")
	if tbl == nil {
		t.Fatalf("%s has no header table", x.name)
	}
	return strings.TrimSpace(rows(tbl)[0][0])
}

// inputProblems builds src and returns the problems that refuse it.
func inputProblems(t *testing.T, path, src string) tomlin.Problems {
	t.Helper()
	d, err := dossier.Build(path, []byte(src), sets(t))
	var ie *dossier.InputError
	if !errors.As(err, &ie) {
		t.Fatalf("Build = %v, %v; want an *InputError", d, err)
	}
	return ie.Problems
}

// hasProblem reports whether a problem at path says msg.
func hasProblem(ps tomlin.Problems, path, msg string) bool {
	for _, p := range ps {
		if p.Path == path && strings.Contains(p.Msg, msg) {
			return true
		}
	}
	return false
}

// A movement whose name already says its period is not followed by the
// period again, in the Tờ trình, the letters and the Biên bản's purpose.
func TestMovementPeriodPrintedOnce(t *testing.T) {
	name := "Cán bộ, công chức, viên chức thi đua năng động, sáng tạo, dám nghĩ, dám làm vì lợi ích chung, vì sự phát triển Thành phố Hồ Chí Minh"
	src := replace(t, readFile(t, sampleWard), "ten = \""+name+"\"", "ten = \"Thi đua yêu nước giai đoạn 2023 - 2025\"")
	d := build(t, sampleWard, src)
	for _, doc := range d.Documents {
		if !strings.HasSuffix(doc.DOCX, ".docx") {
			continue
		}
		text := joined(open(t, doc.DOCX, doc.Bytes))
		if strings.Contains(text, "giai đoạn 2023 - 2025” giai đoạn") || strings.Contains(text, "giai đoạn 2023 - 2025 giai đoạn") {
			t.Errorf("%s prints the period twice", doc.DOCX)
		}
	}
	_, x := doc(t, d, "01-to-trinh-01-bang-khen-chu-tich-ubnd-tp.docx")
	mustContain(t, "Tờ trình", joined(x), []string{"“Thi đua yêu nước giai đoạn 2023 - 2025”"})
}
