package dossier_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/submission"
)

// text is every non-empty paragraph of a document, one per line.
func (d *docx) text() string { return strings.Join(d.nonEmpty(), "\n") }

// TestMinutesRecordTheMeeting: the district's Biên bản as the meeting
// happened — its purpose, guests, tally committee and count, the method
// as a phrase, the absent member's written opinion — and the rule it
// applied, which for a Bằng khen is not NĐ 98 Điều 30 khoản 7.
func TestMinutesRecordTheMeeting(t *testing.T) {
	_, x := doc(t, buildFile(t, sampleDistrict), "02-bien-ban.docx")
	text := x.text()
	for _, want := range []string{
		"Họp Hội đồng Thi đua - Khen thưởng quận Tân Bình xét đề nghị khen thưởng trong Phong trào thi đua “Cán bộ, công chức, viên chức thi đua năng động, sáng tạo, dám nghĩ, dám làm vì lợi ích chung, vì sự phát triển Thành phố Hồ Chí Minh” giai đoạn 2022 - 2025",
		"Khách mời:\n- Bà Nguyễn Thị Thanh Hương, Phó Trưởng Ban Thi đua - Khen thưởng, Sở Nội vụ Thành phố Hồ Chí Minh;\n- Ông Trần Văn Bình, Phó Chủ tịch Hiệp hội Doanh nghiệp quận Tân Bình.\nChủ trì (chủ tọa):",
		"Tổ kiểm phiếu gồm:\n- Ông Võ Hoàng Nam, Ủy viên Hội đồng - Tổ trưởng;\n- Ông Mai Văn Phúc, Ủy viên Hội đồng - Thành viên;\n- Bà Nguyễn Hoàng Yến, Ủy viên - Thư ký Hội đồng - Thành viên.\n2. Hội đồng",
		"2. Hội đồng tiến hành bỏ phiếu kín (số phiếu phát ra: 10, số phiếu thu về: 10, số phiếu hợp lệ: 10), kết quả như sau (số phiếu tán thành gồm phiếu của thành viên dự họp và ý kiến bằng văn bản của thành viên vắng mặt; tỷ lệ tính trên tổng số 11 thành viên Hội đồng):",
		"1. Hội đồng nghe báo cáo tóm tắt thành tích của 02 tập thể và 02 cá nhân",
		"Tỷ lệ biểu quyết theo quy định:\n- Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh, Giấy khen của Chủ tịch Ủy ban nhân dân quận Tân Bình: số thành viên dự họp từ 2/3 tổng số thành viên Hội đồng trở lên; số phiếu tán thành (kể cả ý kiến bằng văn bản của thành viên vắng mặt) trên 50% tổng số thành viên Hội đồng (theo Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng).",
		"khen thưởng các tập thể, cá nhân nêu trên.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the Biên bản lacks %q", want)
		}
	}
	if strings.Contains(text, "Điều 30") {
		t.Error("the Biên bản of Bằng khen votes cites Điều 30 (emulation titles only)")
	}
}

// TestVotingMethodIsAPhrase: a capital and a full stop are the clerk's
// habits, not a sentence; a sentence is refused at its line.
func TestVotingMethodIsAPhrase(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), `hinh_thuc_bieu_quyet = "bỏ phiếu kín"`, `hinh_thuc_bieu_quyet = "Bỏ phiếu kín."`)
	_, x := doc(t, build(t, sampleWard, src), "02-bien-ban.docx")
	if !strings.Contains(x.text(), "2. Hội đồng tiến hành bỏ phiếu kín, kết quả như sau (") {
		t.Errorf("method not normalised:\n%s", x.text())
	}
	src = replace(t, readFile(t, sampleWard), `hinh_thuc_bieu_quyet = "bỏ phiếu kín"`,
		`hinh_thuc_bieu_quyet = "Hội đồng bỏ phiếu kín, có ý kiến bằng văn bản của thành viên vắng mặt."`)
	_, err := dossier.Build(sampleWard, []byte(src), sets(t))
	var ie *dossier.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Path != "bien_ban.hinh_thuc_bieu_quyet" ||
		!strings.Contains(ie.Problems[0].Msg, "Hội đồng tiến hành <cụm từ>, kết quả như sau") || ie.Problems[0].Pos.Line == 0 {
		t.Errorf("a sentence as the method: %v", err)
	}
}

// wardWithoutEnterprises is the ward's submission whose two enterprises
// are reviewed by the same meeting for another submission: rows of its
// Biên bản, not nominees of its own.
func wardWithoutEnterprises(t *testing.T) string {
	src := readFile(t, sampleWard)
	i := strings.Index(src, "[[de_nghi]]\nloai = \"doanh-nghiep\"")
	if i < 0 {
		t.Fatal("the ward's enterprise not found")
	}
	src = src[:i]
	others := `
[[bien_ban.xet_them]]
loai = "doanh-nghiep"
ten = "Công ty TNHH Thương mại Dịch vụ Phú Lợi"
hinh_thuc = "bang-khen-chu-tich-ubnd-tp"
bieu_quyet = { tan_thanh = 8, khong_tan_thanh = 0, van_ban_tan_thanh = 1 }

[[bien_ban.xet_them]]
loai = "chu-doanh-nghiep"
ten = "Lê Văn Thành"
hinh_thuc = "bang-khen-chu-tich-ubnd-tp"
bieu_quyet = { tan_thanh = 8, khong_tan_thanh = 0, van_ban_tan_thanh = 1 }

`
	return replace(t, src, "# Các báo cáo thành tích tính các năm 2023 - 2025.\n", others+"# Các báo cáo thành tích tính các năm 2023 - 2025.\n")
}

// TestOneMinutesForTwoSubmissions: a meeting that reviewed two
// submissions prints the same Biên bản in both dossiers when each lists
// the other's nominees: one number, one table, one text.
func TestOneMinutesForTwoSubmissions(t *testing.T) {
	_, whole := doc(t, buildFile(t, sampleWard), "02-bien-ban.docx")
	part := build(t, sampleWard, wardWithoutEnterprises(t))
	if n := len(docsOf(part, "bao-cao-thanh-tich")); n != 3 {
		t.Fatalf("the submission without its enterprises has %d reports, want 3", n)
	}
	_, minutes := doc(t, part, "02-bien-ban.docx")
	if whole.raw != minutes.raw {
		t.Errorf("the two dossiers print different Biên bản:\n%s\n----\n%s", whole.text(), minutes.text())
	}
	// Placed before this submission's nominees (xep_truoc), they lead.
	src := strings.ReplaceAll(wardWithoutEnterprises(t), "hinh_thuc = \"bang-khen-chu-tich-ubnd-tp\"\nbieu_quyet = { tan_thanh = 8, khong_tan_thanh = 0, van_ban_tan_thanh = 1 }\n\n",
		"hinh_thuc = \"bang-khen-chu-tich-ubnd-tp\"\nbieu_quyet = { tan_thanh = 8, khong_tan_thanh = 0, van_ban_tan_thanh = 1 }\nxep_truoc = true\n\n")
	_, x := doc(t, build(t, sampleWard, src), "02-bien-ban.docx")
	rows := x.table(t, "Tỷ lệ tán thành")[2:]
	var names []string
	for _, r := range rows {
		names = append(names, r[0]+" "+r[1])
	}
	if got := strings.Join(names, "; "); !strings.HasPrefix(got, "1 Công ty TNHH Thương mại Dịch vụ Phú Lợi; 2 Lê Văn Thành; 3 Văn phòng") {
		t.Errorf("rows %s", got)
	}
}

// TestAnotherSubmissionsNomineeNotPassed: a nominee of another submission
// below its share is printed as not passed, and the conclusion proposes
// only those that passed; this submission is not refused nor warned.
func TestAnotherSubmissionsNomineeNotPassed(t *testing.T) {
	src := replace(t, wardWithoutEnterprises(t), "loai = \"chu-doanh-nghiep\"\nten = \"Lê Văn Thành\"\nhinh_thuc = \"bang-khen-chu-tich-ubnd-tp\"\nbieu_quyet = { tan_thanh = 8, khong_tan_thanh = 0, van_ban_tan_thanh = 1 }",
		"loai = \"chu-doanh-nghiep\"\nten = \"Lê Văn Thành\"\nhinh_thuc = \"bang-khen-chu-tich-ubnd-tp\"\nbieu_quyet = { tan_thanh = 3, khong_tan_thanh = 5, van_ban_khong_tan_thanh = 1 }")
	d := build(t, sampleWard, src)
	m, x := doc(t, d, "02-bien-ban.docx")
	if len(m.Warnings) != 0 {
		t.Errorf("warnings %q", m.Warnings)
	}
	rows := x.table(t, "Tỷ lệ tán thành")[2:]
	last := rows[len(rows)-1]
	if last[1] != "Lê Văn Thành" || last[5] != "3/9" || last[6] != "6 (1 bằng văn bản)" || last[7] != "33,33% (không đạt)" {
		t.Errorf("the row not passed: %q", last)
	}
	if !strings.Contains(x.text(), "khen thưởng các tập thể, cá nhân nêu trên đạt tỷ lệ phiếu tán thành theo quy định.") {
		t.Errorf("the conclusion proposes every row:\n%s", x.text())
	}
}

// TestEmulationTitlesFollowArticle30: in the nd98-2023 set an emulation
// title written in full is judged by NĐ 98 Điều 30 khoản 7 — 80 % of all
// members, by ballot — refused below it with the rule named, and the
// Biên bản cites it for that title only.
func TestEmulationTitlesFollowArticle30(t *testing.T) {
	district := readFile(t, sampleDistrict)
	title := replace(t, district, "[[de_nghi]]\nloai = \"ca-nhan\"\nhinh_thuc = \"bang-khen-chu-tich-ubnd-tp\"",
		"[[de_nghi]]\nloai = \"ca-nhan\"\nhinh_thuc = \"Chiến sĩ thi đua cơ sở\"")
	_, x := doc(t, build(t, sampleDistrict, title), "02-bien-ban.docx")
	text := x.text()
	for _, want := range []string{
		"- Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh, Giấy khen của Chủ tịch Ủy ban nhân dân quận Tân Bình: số thành viên dự họp từ 2/3",
		"- Chiến sĩ thi đua cơ sở: số phiếu tán thành (kể cả ý kiến bằng văn bản của thành viên vắng mặt) từ 80% tổng số thành viên Hội đồng trở lên; biểu quyết bằng hình thức bỏ phiếu (theo khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP).",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the Biên bản lacks %q:\n%s", want, text)
		}
	}
	// 8 of 11 (72,73%) is below 80%: refused, the rule named.
	low := replace(t, title, "tan_thanh = 10\nkhong_tan_thanh = 0\nvan_ban_khong_tan_thanh = 1", "tan_thanh = 8\nkhong_tan_thanh = 2\nvan_ban_khong_tan_thanh = 1")
	_, err := dossier.Build(sampleDistrict, []byte(low), sets(t))
	var ie *dossier.InputError
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || ie.Problems[0].Key != submission.KeyThreshold || ie.Problems[0].Path != "de_nghi[2].bieu_quyet" ||
		!strings.Contains(ie.Problems[0].Msg, "8/11") || !strings.Contains(ie.Problems[0].Msg, "72,73%") ||
		!strings.Contains(ie.Problems[0].Msg, "≥ 80%") || !strings.Contains(ie.Problems[0].Msg, "khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP") {
		t.Errorf("8/11 for an emulation title: %v", err)
	}
	// A show of hands for an emulation title: refused.
	hands := replace(t, title, `hinh_thuc_bieu_quyet = "bỏ phiếu kín"`, `hinh_thuc_bieu_quyet = "biểu quyết giơ tay"`)
	ballot := hands[strings.Index(hands, "# Bỏ phiếu kín: 10"):strings.Index(hands, "# Các báo cáo thành tích")]
	hands = replace(t, hands, ballot, "")
	_, err = dossier.Build(sampleDistrict, []byte(hands), sets(t))
	if !errors.As(err, &ie) || len(ie.Problems) != 1 || !strings.Contains(ie.Error(), "bien_ban.hinh_thuc_bieu_quyet: danh hiệu Chiến sĩ thi đua cơ sở, Cờ thi đua phải biểu quyết bằng hình thức bỏ phiếu theo khoản 7 Điều 30") {
		t.Errorf("a show of hands for an emulation title: %v", err)
	}
}

// TestCouncilRuleOnlyWarns: below the council's own rule (the sets' rule
// for other awards, a guess of each council's regulation) the dossier is
// built and the Biên bản warns, naming the rule.
func TestCouncilRuleOnlyWarns(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), "[de_nghi.bieu_quyet]\ntan_thanh = 7\nkhong_tan_thanh = 1\nvan_ban_tan_thanh = 1",
		"[de_nghi.bieu_quyet]\ntan_thanh = 4\nkhong_tan_thanh = 3")
	m, x := doc(t, build(t, sampleWard, src), "02-bien-ban.docx")
	// 4 for and 3 against of 8 present: one abstained, which the table
	// cannot show, so it is said too.
	if len(m.Warnings) != 2 || !strings.Contains(m.Warnings[0], `de_nghi[3].bieu_quyet: "Trần Minh Khôi" có 4/9 thành viên Hội đồng tán thành (44,44%), chưa đạt > 50% tổng số thành viên theo Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng`) ||
		!strings.Contains(m.Warnings[1], `"Trần Minh Khôi" có 4 tán thành, 3 không tán thành trên 8 thành viên dự họp: 1 không biểu quyết`) {
		t.Errorf("warnings %q", m.Warnings)
	}
	rows := x.table(t, "Tỷ lệ tán thành")[2:]
	if rows[2][7] != "44,44% (không đạt)" {
		t.Errorf("row %q", rows[2])
	}
}

// TestLettersPerEnterprise: by default each enterprise has its own tax
// letter and its own social-insurance letter, numbered on from the table's
// number, with its own trích yếu, asking for the years of its report: paid
// against registered, the change on the year before, in full and on time,
// no arrears.
func TestLettersPerEnterprise(t *testing.T) {
	d := buildFile(t, sampleWard)
	firms := []string{"Công ty TNHH Thương mại Dịch vụ Phú Lợi", "Lê Văn Thành (Công ty Cổ phần Xây dựng Tân Sơn)"}
	for _, c := range []struct {
		part, office, summary, line string
		numbers                     []string
		asks                        []string
	}{
		{"xac-nhan-thue", "Thuế cơ sở 3 Thành phố Hồ Chí Minh", "V/v đề nghị xác nhận việc thực hiện nghĩa vụ thuế, nộp ngân sách nhà nước của ",
			"số phải nộp theo kê khai, đăng ký ....", []string{"12/UBND-VP", "13/UBND-VP"}, []string{
				"xác nhận việc thực hiện nghĩa vụ thuế và các khoản thu ngân sách nhà nước từ ngày 01/01/2023 đến ngày 31/12/2025 của ",
				"a) Số thuế và các khoản thu ngân sách nhà nước đã nộp từng năm so với số phải nộp theo kê khai, đăng ký;",
				"b) Mức tăng, giảm số đã nộp so với năm trước;", "c) Việc nộp đầy đủ, đúng thời hạn;",
				"d) Việc không còn nợ thuế, tiền chậm nộp, tiền phạt."}},
		{"xac-nhan-bhxh", "Bảo hiểm xã hội cơ sở Tân Bình", "V/v đề nghị xác nhận việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp của ",
			"số người lao động tham gia ....", []string{"14/UBND-VP", "15/UBND-VP"}, []string{
				"xác nhận việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp các năm 2023, 2024 và 2025 của ",
				"b) Số tiền phải đóng và số tiền đã đóng từng năm;", "c) Việc đóng đầy đủ, đúng thời hạn;",
				"XÁC NHẬN CỦA CƠ QUAN BẢO HIỂM XÃ HỘI"}},
	} {
		letters := docsOf(d, c.part)
		if len(letters) != 2 {
			t.Fatalf("%s: %d letters, want one per enterprise", c.part, len(letters))
		}
		for i, l := range letters {
			x := open(t, l.DOCX, l.Bytes)
			text := x.text()
			if l.Number != c.numbers[i] || !x.has("Số: "+c.numbers[i]) {
				t.Errorf("%s: number %q, want %s", l.DOCX, l.Number, c.numbers[i])
			}
			if !x.has(c.summary + firms[i]) {
				t.Errorf("%s: no trích yếu %q:\n%s", l.DOCX, c.summary+firms[i], text)
			}
			if !x.has("Kính gửi: " + c.office + ".") {
				t.Errorf("%s: not to %s", l.DOCX, c.office)
			}
			for _, a := range c.asks {
				if !strings.Contains(text, a) {
					t.Errorf("%s lacks %q", l.DOCX, a)
				}
			}
			// One enterprise, a line per year for the office to fill in.
			if rs := x.table(t, "Mã số thuế"); len(rs) != 2 || !strings.HasPrefix(firms[i], rs[1][1]) && rs[1][1] != firms[i] {
				t.Errorf("%s lists %q", l.DOCX, rs)
			}
			at := x.index(firms[i] + ":")
			if at < 0 || at+3 >= len(x.nonEmpty()) {
				t.Fatalf("%s: no lines per year under %q:\n%s", l.DOCX, firms[i], text)
			}
			for k, year := range []string{"2023", "2024", "2025"} {
				if line := x.nonEmpty()[at+1+k]; !strings.HasPrefix(line, "- Năm "+year+": "+c.line) {
					t.Errorf("%s: line %q, want year %s: %s…", l.DOCX, line, year, c.line)
				}
			}
		}
	}

	// Grouping per office stays possible: the submission says gop = true.
	src := replace(t, readFile(t, sampleWard), "[xac_nhan_bhxh]\nso = 14\n", "[xac_nhan_bhxh]\nso = 14\ngop = true\n")
	g := build(t, sampleWard, src)
	if l := docsOf(g, "xac-nhan-bhxh"); len(l) != 1 || l[0].Subject != "Bảo hiểm xã hội cơ sở Tân Bình" ||
		!open(t, l[0].DOCX, l[0].Bytes).has("V/v đề nghị xác nhận việc đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp của các doanh nghiệp, chủ doanh nghiệp") {
		t.Errorf("grouped: %d letters", len(l))
	} else if rs := open(t, l[0].DOCX, l[0].Bytes).table(t, "Mã số thuế"); len(rs) != 3 {
		t.Errorf("the grouped letter lists %q", rs)
	}
	if n := len(docsOf(g, "xac-nhan-thue")); n != 2 {
		t.Errorf("grouping the social-insurance letters grouped the tax letters: %d", n)
	}
}

// TestLetterPeriodIsTheReportsYears: a period that does not span the
// report's years is not printed; the letter asks for those years and
// says why.
func TestLetterPeriodIsTheReportsYears(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), `ky_xac_nhan = "từ ngày 01/01/2023 đến ngày 31/12/2025"`, `ky_xac_nhan = "năm 2025"`)
	for _, l := range docsOf(build(t, sampleWard, src), "xac-nhan-thue") {
		x := open(t, l.DOCX, l.Bytes)
		if !strings.Contains(x.text(), "ngân sách nhà nước các năm 2023, 2024 và 2025 của") {
			t.Errorf("%s does not ask for the report's years:\n%s", l.DOCX, x.text())
		}
		if len(l.Warnings) != 1 || !strings.Contains(l.Warnings[0], `xac_nhan_thue.ky_xac_nhan "năm 2025" không khớp các năm của báo cáo thành tích (từ năm 2023 đến năm 2025)`) {
			t.Errorf("%s warnings %q", l.DOCX, l.Warnings)
		}
	}
}

// TestEnterpriseReportFigures: the district's enterprise reports its
// financial position and three years of figures, money with dot
// thousands, the years those of the report.
func TestEnterpriseReportFigures(t *testing.T) {
	_, x := doc(t, buildFile(t, sampleDistrict), "03-bao-cao-03-cong-ty-co-phan-thuong-mai-dich-vu-bay.docx")
	text := x.text()
	for _, want := range []string{
		"- Tên giao dịch bằng tiếng nước ngoài: Bay Hien Trading Service Joint Stock Company",
		"- Giấy chứng nhận đăng ký doanh nghiệp: 0302458195 do Sở Kế hoạch và Đầu tư Thành phố Hồ Chí Minh cấp lần đầu ngày 12/3/2004",
		"- Tình hình tài chính: vốn cố định 38.650.000.000 đồng; vốn lưu động 71.240.000.000 đồng; nguồn vốn: vốn chủ sở hữu và vốn vay ngân hàng thương mại.",
		"Kết quả sản xuất, kinh doanh và thực hiện nghĩa vụ với Nhà nước từ năm 2022 đến năm 2024:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	rows := x.table(t, "Doanh thu (đồng)")
	want := [][]string{
		{"2022", "340.496.000.000", "15.320.000.000", "5.870.000.000", "171", "11.200.000"},
		{"2023", "376.812.000.000", "17.045.000.000", "6.145.000.000", "178", "11.900.000"},
		{"2024", "412.037.000.000", "19.118.000.000", "6.585.000.000", "185", "12.650.000"},
	}
	if len(rows) != 4 {
		t.Fatalf("figures %q", rows)
	}
	for i, w := range want {
		if strings.Join(rows[i+1], "|") != strings.Join(w, "|") {
			t.Errorf("year %d: %q, want %q", i+1, rows[i+1], w)
		}
	}
	// A collective without figures prints none of it.
	_, c := doc(t, buildFile(t, sampleDistrict), "03-bao-cao-01-uy-ban-nhan-dan-phuong-2-quan-tan-binh.docx")
	if strings.Contains(c.text(), "Kết quả sản xuất") || strings.Contains(c.text(), "Tình hình tài chính") {
		t.Error("a collective's report prints an enterprise's figures")
	}
}

// TestOwnerIsNotHisOwnConfirmer: an enterprise owner's report has no
// «Thủ trưởng đơn vị xác nhận, đề nghị» — he heads the unit — only the
// confirmation of the level that proposes him; a person's report keeps
// both.
func TestOwnerIsNotHisOwnConfirmer(t *testing.T) {
	d := buildFile(t, sampleWard)
	for _, c := range []struct {
		file  string
		owner bool
	}{{"03-bao-cao-05-le-van-thanh.docx", true}, {"03-bao-cao-02-nguyen-thi-thu-ha.docx", false}} {
		_, x := doc(t, d, c.file)
		text := x.text()
		if got := strings.Contains(text, "XÁC NHẬN, ĐỀ NGHỊ"); got == c.owner {
			t.Errorf("%s: unit head's confirmation %v, owner %v", c.file, got, c.owner)
		}
		if !strings.Contains(text, "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG") {
			t.Errorf("%s lacks the confirmation of the proposing level", c.file)
		}
	}
}

var percentRe = regexp.MustCompile(`\d+,\d+%|\d+%`)

// TestRatesPrintTwoDecimals: every rate of every sample's Biên bản has
// two decimals or none.
func TestRatesPrintTwoDecimals(t *testing.T) {
	for _, path := range []string{sampleWard, sampleDistrict, sampleMin, twoOffices} {
		_, x := doc(t, buildFile(t, path), "02-bien-ban.docx")
		for _, r := range x.table(t, "Tỷ lệ tán thành")[2:] {
			rate := strings.TrimSuffix(r[7], " (không đạt)")
			if !percentRe.MatchString(rate) || strings.Contains(rate, ",") && len(rate[strings.Index(rate, ",")+1:]) != 3 {
				t.Errorf("%s: rate %q", path, r[7])
			}
		}
	}
}

// TestLetterYearsWithoutStatedYears: with no report years stated, a letter
// asks for the years its enterprise's report prints (the movement's
// period when the enterprise has no figures); with no period at all it
// says so in a warning instead of asking for nothing silently.
func TestLetterYearsWithoutStatedYears(t *testing.T) {
	src := replace(t, readFile(t, sampleWard), "tu_nam = 2023\nden_nam = 2025\n", "")
	src = replace(t, src, `ky_xac_nhan = "từ ngày 01/01/2023 đến ngày 31/12/2025"`+"\n", "")
	letters := append(docsOf(build(t, sampleWard, src), "xac-nhan-thue"), docsOf(build(t, sampleWard, src), "xac-nhan-bhxh")...)
	if len(letters) < 4 {
		t.Fatalf("%d letters", len(letters))
	}
	for _, l := range letters {
		if text := open(t, l.DOCX, l.Bytes).text(); !strings.Contains(text, "các năm 2023, 2024 và 2025") {
			t.Errorf("%s does not ask for the years its report prints:\n%s", l.DOCX, text)
		}
	}
	noPeriod := replace(t, src, "giai_doan = \"2023 - 2025\"\n", "")
	warned := 0
	for _, l := range docsOf(build(t, sampleWard, noPeriod), "xac-nhan-bhxh") {
		asks := strings.Contains(open(t, l.DOCX, l.Bytes).text(), "các năm 20") // the years of its figures
		says := strings.Contains(strings.Join(l.Warnings, "\n"), "công văn không ghi các năm cần xác nhận")
		if asks == says {
			t.Errorf("%s asks for years: %v; warns about none: %v %q", l.DOCX, asks, says, l.Warnings)
		}
		if says {
			warned++
		}
	}
	if warned == 0 {
		t.Error("no letter left without years: the case is not tested")
	}
}

// TestBlankBallotsAreSaid: at a secret ballot, votes that fall short of
// the valid ballots are blank ballots the table has no column for: the
// Biên bản warns about them instead of leaving the count unexplained.
func TestBlankBallotsAreSaid(t *testing.T) {
	src := replace(t, readFile(t, sampleDistrict), "tan_thanh = 10\nkhong_tan_thanh = 0\nvan_ban_khong_tan_thanh = 1", "tan_thanh = 9\nkhong_tan_thanh = 0\nvan_ban_khong_tan_thanh = 1")
	m, _ := doc(t, build(t, sampleDistrict, src), "02-bien-ban.docx")
	if len(m.Warnings) != 1 || !strings.Contains(m.Warnings[0], `"Trương Thị Mỹ Linh" có 9 tán thành, 0 không tán thành trên 10 phiếu hợp lệ: 1 không biểu quyết (phiếu trống)`) {
		t.Errorf("warnings %q", m.Warnings)
	}
	if m, _ := doc(t, buildFile(t, sampleDistrict), "02-bien-ban.docx"); len(m.Warnings) != 0 {
		t.Errorf("the sample, every ballot counted, warns: %q", m.Warnings)
	}
}
