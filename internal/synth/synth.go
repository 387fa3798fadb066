// Package synth writes deterministic synthetic submissions: a ward's
// proposal with any number of nominees of mixed kinds and realistic
// Vietnamese text, for benchmarks and tests. The same seed gives the same
// file.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/vn"
)

var (
	families = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles  = []string{"Văn", "Thị", "Minh", "Thanh", "Ngọc", "Quốc", "Hữu", "Thu", "Hoàng", "Kim", "Đức", "Bảo"}
	givens   = []string{"An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương", "Khang", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Uyên", "Việt", "Xuân", "Yến"}
	units    = []string{"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân phường", "Phòng Kinh tế", "Phòng Văn hóa - Xã hội",
		"Trạm Y tế phường", "Trường Tiểu học Tân Sơn", "Trường Mầm non Hoa Sen", "Công an phường", "Ban Chỉ huy Quân sự phường",
		"Trung tâm Phục vụ hành chính công phường", "Đoàn Thanh niên Cộng sản Hồ Chí Minh phường"}
	positions = []string{"Chuyên viên", "Công chức", "Phó Trưởng phòng", "Trưởng phòng", "Giáo viên", "Bác sĩ", "Điều dưỡng", "Viên chức", "Phó Giám đốc"}
	companies = []string{"Công ty TNHH Thương mại Dịch vụ", "Công ty Cổ phần Xây dựng", "Công ty TNHH Sản xuất", "Công ty Cổ phần Đầu tư", "Hợp tác xã Dịch vụ"}
	brands    = []string{"Phú Lợi", "Tân Sơn", "Hòa Bình", "An Khang", "Minh Phát", "Thành Công", "Hưng Thịnh", "Việt Tín", "Đại Phát", "Sao Mai"}
	streets   = []string{"Trường Chinh", "Cộng Hòa", "Phạm Văn Hai", "Lạc Long Quân", "Hoàng Văn Thụ", "Âu Cơ", "Bàu Cát", "Lý Thường Kiệt"}
	feats     = []string{
		"Hoàn thành xuất sắc nhiệm vụ được giao trong ba năm liên tục; chủ động tham mưu nhiều giải pháp cải cách hành chính, rút ngắn thời gian giải quyết hồ sơ cho người dân và doanh nghiệp.",
		"Tham gia xây dựng và vận hành hệ thống tiếp nhận hồ sơ trực tuyến, bảo đảm 100% hồ sơ được giải quyết đúng hạn, không có phản ánh, kiến nghị của người dân.",
		"Có sáng kiến được Hội đồng sáng kiến công nhận, áp dụng hiệu quả tại đơn vị, tiết kiệm thời gian và kinh phí, được nhân rộng tại các phường lân cận.",
		"Tích cực tham gia các hoạt động an sinh xã hội, vận động quyên góp ủng hộ Quỹ “Vì người nghèo”, chăm lo cho gia đình chính sách và hộ có hoàn cảnh khó khăn trên địa bàn.",
		"Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; đoàn kết nội bộ, được đồng nghiệp và nhân dân tín nhiệm.",
		"Doanh thu năm 2025 tăng 15% so với năm 2023; nộp ngân sách nhà nước đầy đủ, đúng hạn; bảo đảm việc làm và thu nhập ổn định cho người lao động.",
	}
)

type gen struct {
	r  *rand.Rand
	sb strings.Builder
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

func (g *gen) name() string {
	return g.pick(families) + " " + g.pick(middles) + " " + g.pick(givens)
}

func (g *gen) line(format string, args ...any) { fmt.Fprintf(&g.sb, format+"\n", args...) }

// taxCode returns a valid 10-digit tax code: nine random digits, then
// the check digit vn.TaxCode accepts (drawn again when none does).
func (g *gen) taxCode() string {
	for {
		code := []byte("03")
		for range 7 {
			code = append(code, byte('0'+g.r.IntN(10)))
		}
		for c := byte('0'); c <= '9'; c++ {
			if ok, _ := vn.TaxCode(string(append(code, c))); ok {
				return string(append(code, c))
			}
		}
	}
}

// Submission returns the TOML text of a submission with n nominees:
// about one in six a collective, one in eight an enterprise, one in ten an
// enterprise owner, the rest individuals. index distinguishes submissions
// of one batch (their agencies differ).
func Submission(n int, seed uint64, index int) string {
	g := &gen{r: rand.New(rand.NewPCG(seed, uint64(index)))}
	ward := brands[index%len(brands)]
	if index >= len(brands) {
		ward = fmt.Sprintf("%s %d", ward, index/len(brands)+1)
	}
	date := time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC).AddDate(0, 0, index%20)
	g.line("# Hồ sơ tổng hợp (synthetic) — %d đối tượng, seed %d", n, seed)
	g.line("[co_quan]")
	g.line("ten = %q", "Ủy ban nhân dân phường "+ward)
	g.line("viet_tat = \"UBND\"")
	g.line("dia_danh = %q", ward)
	g.line("tinh = \"Thành phố Hồ Chí Minh\"")
	g.line("don_vi_soan_thao = \"VP\"")
	g.line("[phong_trao]")
	g.line("ten = \"Thi đua yêu nước, hoàn thành xuất sắc nhiệm vụ chính trị năm 2025\"")
	g.line("giai_doan = \"2023 - 2025\"")
	g.line("[to_trinh]")
	g.line("so = %d", 1+index%40)
	g.line("ngay = %s", date.Format("2006-01-02"))
	g.line("kinh_gui = [\"Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh\"]")
	g.line("can_cu = [\"Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\", \"Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ;\"]")
	g.line("noi_dung = [%q]", feats[0])
	g.line("noi_nhan = [\"Như trên\", \"Sở Nội vụ (Ban Thi đua - Khen thưởng)\"]")
	g.line("[to_trinh.nguoi_ky]")
	g.line("thay_mat = \"Ủy ban nhân dân\"")
	g.line("chuc_vu = \"Chủ tịch\"")
	chair, secretary := g.name(), g.name()
	g.line("ho_ten = %q", chair)
	g.line("[hoi_dong]")
	g.line("ten = %q", "Hội đồng Thi đua - Khen thưởng phường "+ward)
	g.line("viet_tat = \"HĐTĐKT\"")
	members := []string{chair, secretary}
	for i := 0; i < 5; i++ {
		members = append(members, g.name())
	}
	for i, m := range members {
		role := "Ủy viên"
		switch i {
		case 0:
			role = "Chủ tịch Hội đồng"
		case 1:
			role = "Ủy viên - Thư ký"
		}
		g.line("[[hoi_dong.thanh_vien]]")
		g.line("ho_ten = %q", m)
		g.line("chuc_vu = %q", g.pick(positions)+" "+g.pick(units))
		g.line("vai_tro = %q", role)
	}
	g.line("[bien_ban]")
	g.line("so = %d", 1+index%40)
	g.line("bat_dau = %sT08:00:00", date.AddDate(0, 0, -7).Format("2006-01-02"))
	g.line("ket_thuc = \"11:00\"")
	g.line("dia_diem = %q", "Hội trường Ủy ban nhân dân phường "+ward)
	g.line("chu_tri = %q", chair)
	g.line("thu_ky = %q", secretary)
	g.line("[xac_nhan_thue]")
	g.line("so = %d", 10+index%40)
	g.line("ky_xac_nhan = \"từ ngày 01/01/2023 đến ngày 31/12/2025\"")
	for i := 0; i < n; i++ {
		g.nominee(i, len(members))
	}
	return g.sb.String()
}

func (g *gen) nominee(i, council int) {
	kind := "ca-nhan"
	switch {
	case i%6 == 1:
		kind = "tap-the"
	case i%8 == 3:
		kind = "doanh-nghiep"
	case i%10 == 7:
		kind = "chu-doanh-nghiep"
	}
	award := "bang-khen-chu-tich-ubnd-tp"
	if i%3 == 0 {
		award = "bang-khen-thu-tuong"
	}
	g.line("\n[[de_nghi]]")
	g.line("loai = %q", kind)
	g.line("hinh_thuc = %q", award)
	company := g.pick(companies) + " " + g.pick(brands)
	switch kind {
	case "tap-the", "doanh-nghiep":
		name := g.pick(units)
		if kind == "doanh-nghiep" {
			name = company
		}
		g.line("ten = %q", fmt.Sprintf("%s %d", name, i+1))
		g.line("dia_chi = %q", fmt.Sprintf("số %d đường %s, Thành phố Hồ Chí Minh", 1+g.r.IntN(400), g.pick(streets)))
		g.line("thu_truong = %q", g.name())
		g.line("dac_diem = [%q]", "Đơn vị có tập thể đoàn kết, cơ sở vật chất được đầu tư đồng bộ; tổ chức Đảng và các đoàn thể hoạt động hiệu quả.")
		g.line("chuc_nang = [%q]", "Thực hiện chức năng, nhiệm vụ theo quy định; phục vụ người dân và doanh nghiệp trên địa bàn.")
	default:
		g.line("ho_ten = %q", g.name())
		g.line("ngay_sinh = %d-%02d-%02d", 1965+g.r.IntN(35), 1+g.r.IntN(12), 1+g.r.IntN(28))
		g.line("gioi_tinh = %q", []string{"Nam", "Nữ"}[g.r.IntN(2)])
		g.line("dan_toc = \"Kinh\"")
		g.line("que_quan = %q", "xã "+g.pick(brands)+", tỉnh Đồng Nai")
		g.line("tru_quan = \"phường Tân Sơn Hòa, Thành phố Hồ Chí Minh\"")
		if kind == "chu-doanh-nghiep" {
			g.line("don_vi = %q", company)
			g.line("chuc_vu = \"Giám đốc\"")
			g.line("doanh_nghiep = %q", company)
		} else {
			g.line("don_vi = %q", g.pick(units))
			g.line("chuc_vu = %q", g.pick(positions))
		}
		g.line("trinh_do = \"Cử nhân\"")
		g.line("nhiem_vu = [%q]", "Thực hiện nhiệm vụ chuyên môn được phân công; tham mưu lãnh đạo đơn vị trong lĩnh vực phụ trách.")
	}
	g.line("thanh_tich = [%q, %q]", g.pick(feats), g.pick(feats))
	g.line("bieu_quyet = { tan_thanh = %d, khong_tan_thanh = 0 }", council-g.r.IntN(2))
	g.line("[[de_nghi.danh_hieu]]")
	g.line("nam = 2025")
	g.line("ten = \"Lao động tiên tiến\"")
	g.line("quyet_dinh = \"Quyết định số %d/QĐ-UBND ngày 20/12/2025 của Chủ tịch Ủy ban nhân dân phường\"", 100+i)
	if kind == "doanh-nghiep" || kind == "chu-doanh-nghiep" {
		g.line("[de_nghi.thue]")
		g.line("ma_so_thue = %q", g.taxCode())
		g.line("co_quan_thue = %q", fmt.Sprintf("Thuế cơ sở %d Thành phố Hồ Chí Minh", 1+i%3))
		g.line("ky = \"năm 2023, 2024, 2025\"")
		if kind == "chu-doanh-nghiep" {
			g.line("dia_chi = %q", fmt.Sprintf("số %d đường %s, Thành phố Hồ Chí Minh", 1+g.r.IntN(400), g.pick(streets)))
		}
		g.line("[de_nghi.bhxh]")
		g.line("co_quan = %q", fmt.Sprintf("Bảo hiểm xã hội cơ sở %d Thành phố Hồ Chí Minh", 1+i%3))
	}
}
