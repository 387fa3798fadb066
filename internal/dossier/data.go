package dossier

import (
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/vn"
)

// Data is everything a template may print. Every part of the dossier gets
// the same shape, so a maintainer learns one set of names; DoiTuong and
// CongVanThue are filled only for the parts they belong to. The `tpl` tags
// are the names templates use; `doc` says what a field holds (listed by
// `hoso templates fields`).
type Data struct {
	CoQuan      Agency     `tpl:"co_quan" doc:"cơ quan trình khen thưởng"`
	PhongTrao   Movement   `tpl:"phong_trao" doc:"phong trào thi đua"`
	ToTrinh     Proposal   `tpl:"to_trinh" doc:"Tờ trình"`
	HoiDong     Council    `tpl:"hoi_dong" doc:"Hội đồng Thi đua - Khen thưởng"`
	BienBan     Meeting    `tpl:"bien_ban" doc:"cuộc họp Hội đồng (Biên bản)"`
	DeNghi      []*Nominee `tpl:"de_nghi" doc:"mọi đối tượng được đề nghị, theo thứ tự trong tệp"`
	Nhom        []Group    `tpl:"nhom" doc:"đối tượng chia nhóm: tập thể trước, cá nhân sau"`
	TongHop     []AwardSum `tpl:"tong_hop" doc:"số tập thể, cá nhân theo từng hình thức khen thưởng"`
	SoTapThe    int        `tpl:"so_tap_the" doc:"số tập thể (kể cả doanh nghiệp) được đề nghị"`
	SoCaNhan    int        `tpl:"so_ca_nhan" doc:"số cá nhân (kể cả chủ doanh nghiệp) được đề nghị"`
	DoiTuong    *Nominee   `tpl:"doi_tuong" doc:"đối tượng của văn bản đang in, khi văn bản in riêng cho từng đối tượng"`
	CongVanThue *TaxLetter `tpl:"cong_van_thue" doc:"công văn xin xác nhận thuế đang in (một cơ quan thuế)"`
	VanBan      *DocView   `tpl:"van_ban" doc:"văn bản đang in: số, ngày, cơ quan ban hành, người ký, nơi nhận của chính nó"`
}

// DocView is the document being printed: what it carries of its own.
type DocView struct {
	Title      string    `tpl:"ten" doc:"tên văn bản, như bo-mau.toml khai báo" example:"Giấy mời họp Hội đồng Thi đua - Khen thưởng"`
	Number     string    `tpl:"so" doc:"số văn bản, hai chữ số; để trống chỗ ghi số khi chưa có" example:"05"`
	Symbol     string    `tpl:"ky_hieu" doc:"ký hiệu: tên loại và cơ quan, hoặc cơ quan và đơn vị soạn thảo với công văn" example:"TTr-UBND"`
	NumSymbol  string    `tpl:"so_ky_hieu" doc:"số và ký hiệu" example:"05/TTr-UBND"`
	Date       time.Time `tpl:"ngay" doc:"ngày ký văn bản"`
	Issuer     Issuer    `tpl:"co_quan" doc:"cơ quan, tổ chức ban hành văn bản"`
	Signer     Signer    `tpl:"nguoi_ky" doc:"người ký văn bản"`
	Summary    string    `tpl:"trich_yeu" doc:"trích yếu nội dung"`
	To         []string  `tpl:"kinh_gui" doc:"nơi kính gửi, đã có dấu câu"`
	ToOne      bool      `tpl:"kinh_gui_mot" doc:"chỉ kính gửi một nơi (in trên cùng dòng «Kính gửi:»)"`
	Recipients []string  `tpl:"noi_nhan" doc:"nơi nhận, đã có dấu câu; dòng cuối là Lưu"`
	Award      string    `tpl:"hinh_thuc" doc:"hình thức khen thưởng, với văn bản in riêng cho từng hình thức"`
}

// Issuer is the office that issues a document: its header lines and the
// parts of its number.
type Issuer struct {
	Name        string `tpl:"ten" doc:"tên đầy đủ, viết như trong câu" example:"Ủy ban nhân dân phường Tân Sơn Hòa"`
	HeaderLines string `tpl:"ten_dau_trang" doc:"tên in hoa ở đầu văn bản, các dòng cách nhau bằng xuống dòng" example:"ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN HÒA"`
	Parent      string `tpl:"cap_tren" doc:"cơ quan cấp trên trực tiếp, dòng trên ở đầu văn bản (có thể trống)"`
	Abbrev      string `tpl:"viet_tat" doc:"tên viết tắt trong ký hiệu" example:"UBND"`
	Place       string `tpl:"dia_danh" doc:"địa danh ở dòng ngày tháng" example:"Tân Sơn Hòa"`
	Unit        string `tpl:"don_vi_soan_thao" doc:"viết tắt đơn vị soạn thảo" example:"VP"`
}

// Agency is the issuing agency.
type Agency struct {
	Ten           string `tpl:"ten" doc:"tên đầy đủ, viết như trong câu" example:"Ủy ban nhân dân phường Tân Sơn Hòa"`
	TenDauTrang   string `tpl:"ten_dau_trang" doc:"tên in hoa ở đầu văn bản, các dòng cách nhau bằng xuống dòng" example:"ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN HÒA"`
	CapTren       string `tpl:"cap_tren" doc:"cơ quan chủ quản trực tiếp (có thể trống)"`
	VietTat       string `tpl:"viet_tat" doc:"tên viết tắt trong ký hiệu" example:"UBND"`
	DiaDanh       string `tpl:"dia_danh" doc:"địa danh ở dòng ngày tháng" example:"Tân Sơn Hòa"`
	Tinh          string `tpl:"tinh" doc:"tỉnh, thành phố" example:"Thành phố Hồ Chí Minh"`
	DonViSoanThao string `tpl:"don_vi_soan_thao" doc:"viết tắt đơn vị soạn thảo" example:"VP"`
}

// Movement is the emulation movement.
type Movement struct {
	Ten      string `tpl:"ten" doc:"tên phong trào"`
	GiaiDoan string `tpl:"giai_doan" doc:"giai đoạn" example:"2021 - 2025"`
	KeHoach  string `tpl:"ke_hoach" doc:"kế hoạch phát động"`
}

// Signer is who signs.
type Signer struct {
	ThayMat  string `tpl:"thay_mat" doc:"tập thể được ký thay mặt (dòng TM.), có thể trống" example:"Ủy ban nhân dân"`
	HinhThuc string `tpl:"hinh_thuc" doc:"KT, Q, TL, TUQ hoặc trống" example:"KT"`
	ThayCho  string `tpl:"thay_cho" doc:"chức vụ người đứng đầu được ký thay" example:"Chủ tịch"`
	ChucVu   string `tpl:"chuc_vu" doc:"chức vụ người ký" example:"Phó Chủ tịch"`
	HoTen    string `tpl:"ho_ten" doc:"họ tên người ký"`
}

// Proposal is the Tờ trình.
type Proposal struct {
	So         string    `tpl:"so" doc:"số văn bản, hai chữ số" example:"05"`
	KyHieu     string    `tpl:"ky_hieu" doc:"ký hiệu" example:"TTr-UBND"`
	SoKyHieu   string    `tpl:"so_ky_hieu" doc:"số và ký hiệu" example:"05/TTr-UBND"`
	Ngay       time.Time `tpl:"ngay" doc:"ngày ký"`
	TrichYeu   string    `tpl:"trich_yeu" doc:"trích yếu"`
	KinhGui    []string  `tpl:"kinh_gui" doc:"nơi kính gửi, đã có dấu ; hoặc . cuối dòng"`
	KinhGuiMot bool      `tpl:"kinh_gui_mot" doc:"chỉ có một nơi kính gửi"`
	NguoiNhan  string    `tpl:"nguoi_nhan" doc:"nơi kính gửi đầu tiên, không dấu câu (dùng trong câu văn)"`
	CanCu      []string  `tpl:"can_cu" doc:"các dòng căn cứ (không có chữ \"Căn cứ\" ở đầu)"`
	NoiDung    []string  `tpl:"noi_dung" doc:"các đoạn nội dung"`
	NoiNhan    []string  `tpl:"noi_nhan" doc:"nơi nhận, đã có dấu câu; dòng cuối là Lưu"`
	NguoiKy    Signer    `tpl:"nguoi_ky" doc:"người ký"`
}

// Council is the Hội đồng Thi đua - Khen thưởng.
type Council struct {
	Ten         string    `tpl:"ten" doc:"tên Hội đồng"`
	TenDauTrang string    `tpl:"ten_dau_trang" doc:"tên in hoa ở đầu biên bản"`
	VietTat     string    `tpl:"viet_tat" example:"HĐTĐKT"`
	TongSo      int       `tpl:"tong_so" doc:"tổng số thành viên"`
	SoCoMat     int       `tpl:"so_co_mat" doc:"số thành viên có mặt"`
	SoVang      int       `tpl:"so_vang" doc:"số thành viên vắng"`
	ThanhVien   []*Member `tpl:"thanh_vien" doc:"mọi thành viên"`
	CoMat       []*Member `tpl:"co_mat" doc:"thành viên có mặt"`
	Vang        []*Member `tpl:"vang" doc:"thành viên vắng"`
	ChuTri      *Member   `tpl:"chu_tri" doc:"người chủ trì"`
	ThuKy       *Member   `tpl:"thu_ky" doc:"thư ký"`
}

// Member is a council member.
type Member struct {
	HoTen    string `tpl:"ho_ten" doc:"họ và tên"`
	ChucVu   string `tpl:"chuc_vu" doc:"chức vụ"`
	VaiTro   string `tpl:"vai_tro" doc:"vai trò trong Hội đồng"`
	CoMat    bool   `tpl:"co_mat" doc:"có mặt tại cuộc họp"`
	LyDoVang string `tpl:"ly_do_vang" doc:"lý do vắng mặt"`
	Dau      string `tpl:"dau" doc:"dấu cuối dòng khi liệt kê: ; hoặc ."`
}

// Meeting is the council meeting.
type Meeting struct {
	So                string    `tpl:"so" example:"01"`
	KyHieu            string    `tpl:"ky_hieu" example:"BB-HĐTĐKT"`
	SoKyHieu          string    `tpl:"so_ky_hieu" example:"01/BB-HĐTĐKT"`
	BatDau            time.Time `tpl:"bat_dau" doc:"bắt đầu (ngày giờ)"`
	KetThuc           time.Time `tpl:"ket_thuc" doc:"kết thúc (ngày giờ)"`
	DiaDiem           string    `tpl:"dia_diem" doc:"địa điểm họp"`
	HinhThucBieuQuyet string    `tpl:"hinh_thuc_bieu_quyet" example:"bỏ phiếu kín"`
	NoiDung           []string  `tpl:"noi_dung" doc:"các đoạn nội dung thêm"`
	NoiNhan           []string  `tpl:"noi_nhan" doc:"nơi nhận, đã có dấu câu"`
}

// Nominee is one proposed collective or person.
type Nominee struct {
	Stt              int       `tpl:"so_thu_tu" doc:"thứ tự trong tệp hồ sơ"`
	Loai             string    `tpl:"loai" example:"ca-nhan"`
	LaCaNhan         bool      `tpl:"la_ca_nhan" doc:"đối tượng là cá nhân"`
	LaTapThe         bool      `tpl:"la_tap_the" doc:"đối tượng là tập thể"`
	LaDoanhNghiep    bool      `tpl:"la_doanh_nghiep" doc:"đối tượng là doanh nghiệp"`
	LaChuDoanhNghiep bool      `tpl:"la_chu_doanh_nghiep" doc:"đối tượng là chủ doanh nghiệp"`
	Ten              string    `tpl:"ten" doc:"họ tên cá nhân hoặc tên tập thể"`
	HoTen            string    `tpl:"ho_ten" doc:"họ và tên"`
	NgaySinh         time.Time `tpl:"ngay_sinh" doc:"ngày sinh"`
	GioiTinh         string    `tpl:"gioi_tinh" doc:"giới tính: Nam hoặc Nữ"`
	DanToc           string    `tpl:"dan_toc" doc:"dân tộc"`
	QueQuan          string    `tpl:"que_quan" doc:"quê quán"`
	TruQuan          string    `tpl:"tru_quan" doc:"nơi ở hiện nay (trú quán)"`
	DonVi            string    `tpl:"don_vi" doc:"đơn vị công tác"`
	ChucVu           string    `tpl:"chuc_vu" doc:"chức vụ"`
	TrinhDo          string    `tpl:"trinh_do" doc:"trình độ chuyên môn, nghiệp vụ"`
	HocHam           string    `tpl:"hoc_ham" doc:"học hàm, học vị, danh hiệu, giải thưởng"`
	DoanhNghiep      string    `tpl:"doanh_nghiep" doc:"doanh nghiệp của chủ doanh nghiệp"`
	ChucVuDonVi      string    `tpl:"chuc_vu_don_vi" doc:"cột \"Chức vụ, đơn vị công tác\" của danh sách"`
	DiaChi           string    `tpl:"dia_chi" doc:"địa chỉ trụ sở"`
	DienThoai        string    `tpl:"dien_thoai" doc:"điện thoại"`
	Email            string    `tpl:"email" doc:"thư điện tử"`
	ThuTruong        string    `tpl:"thu_truong" doc:"thủ trưởng đơn vị (tập thể)"`
	DacDiem          []string  `tpl:"dac_diem" doc:"các đoạn đặc điểm, tình hình (tập thể)"`
	ChucNang         []string  `tpl:"chuc_nang" doc:"các đoạn chức năng, nhiệm vụ (tập thể)"`
	NhiemVu          []string  `tpl:"nhiem_vu" doc:"các đoạn quyền hạn, nhiệm vụ được giao (cá nhân)"`
	ThanhTich        []string  `tpl:"thanh_tich" doc:"các đoạn thành tích"`
	DanhHieu         []Honour  `tpl:"danh_hieu" doc:"danh hiệu thi đua đã đạt"`
	KhenThuong       []Honour  `tpl:"khen_thuong" doc:"hình thức khen thưởng đã nhận"`
	HinhThuc         string    `tpl:"hinh_thuc" doc:"tên đầy đủ hình thức khen thưởng đề nghị"`
	HinhThucMa       string    `tpl:"hinh_thuc_ma" doc:"mã hình thức như trong tệp hồ sơ"`
	BieuQuyet        VoteView  `tpl:"bieu_quyet" doc:"kết quả biểu quyết của Hội đồng"`
	Thue             *Tax      `tpl:"thue" doc:"thông tin thuế (doanh nghiệp, chủ doanh nghiệp)"`
	TenNopThue       string    `tpl:"ten_nop_thue" doc:"tên người nộp thuế: doanh nghiệp, hoặc chủ doanh nghiệp kèm doanh nghiệp"`
	NgayBaoCao       time.Time `tpl:"ngay_bao_cao" doc:"ngày của báo cáo thành tích"`
	DonViCapTren     string    `tpl:"don_vi_cap_tren" doc:"dòng trên ở đầu báo cáo"`
	DonViBaoCao      string    `tpl:"don_vi_bao_cao" doc:"dòng dưới (in đậm) ở đầu báo cáo"`
}

// Honour is a title or award received before.
type Honour struct {
	Nam       int    `tpl:"nam" doc:"năm"`
	Ten       string `tpl:"ten"`
	QuyetDinh string `tpl:"quyet_dinh" doc:"số, ngày quyết định; cơ quan ban hành"`
}

// VoteView is the council's vote on one nominee.
type VoteView struct {
	TanThanh      int    `tpl:"tan_thanh" doc:"số phiếu tán thành"`
	KhongTanThanh int    `tpl:"khong_tan_thanh" doc:"số phiếu không tán thành"`
	TyLe          string `tpl:"ty_le" doc:"tỷ lệ tán thành trên tổng số thành viên" example:"88,9%"`
}

// Tax is an enterprise's tax data.
type Tax struct {
	MaSoThue   string `tpl:"ma_so_thue" doc:"mã số thuế"`
	DiaChi     string `tpl:"dia_chi" doc:"địa chỉ trụ sở"`
	CoQuanThue string `tpl:"co_quan_thue" doc:"cơ quan thuế quản lý"`
	Ky         string `tpl:"ky" doc:"kỳ cần xác nhận"`
}

// Group is a heading of the Danh sách with its nominees.
type Group struct {
	Ten      string     `tpl:"ten" example:"Tập thể"`
	DoiTuong []*Nominee `tpl:"doi_tuong"`
}

// AwardSum counts the nominees proposed for one award.
type AwardSum struct {
	Ten      string `tpl:"ten"`
	SoTapThe int    `tpl:"so_tap_the"`
	SoCaNhan int    `tpl:"so_ca_nhan"`
	Dau      string `tpl:"dau" doc:"dấu cuối dòng khi liệt kê: ; hoặc ."`
}

// TaxLetter is one công văn to one tax office.
type TaxLetter struct {
	So          string     `tpl:"so" doc:"số văn bản, hai chữ số"`
	KyHieu      string     `tpl:"ky_hieu" example:"UBND-VP"`
	SoKyHieu    string     `tpl:"so_ky_hieu" example:"12/UBND-VP"`
	Ngay        time.Time  `tpl:"ngay" doc:"ngày ký"`
	CoQuanThue  string     `tpl:"co_quan_thue" doc:"cơ quan thuế quản lý"`
	KyXacNhan   string     `tpl:"ky_xac_nhan" doc:"kỳ xin xác nhận" example:"từ năm 2023 đến năm 2025"`
	HanTraLoi   time.Time  `tpl:"han_tra_loi" doc:"hạn trả lời"`
	DoanhNghiep []*Nominee `tpl:"doanh_nghiep" doc:"doanh nghiệp, chủ doanh nghiệp thuộc cơ quan thuế này"`
	NguoiKy     Signer     `tpl:"nguoi_ky"`
	NoiNhan     []string   `tpl:"noi_nhan"`
}

// number formats a document number: zero-padded below 10, or blank space
// to be written by hand after signing when not given.
func number(n *int) string {
	if n == nil {
		return "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0"
	}
	return vn.Pad2(*n)
}

// listItems ends every item with ";" and the last with ".", dropping the
// punctuation the clerk may have typed (NĐ 30: Kính gửi, Nơi nhận).
func listItems(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		s = strings.TrimRight(s, " ;.,")
		if i == len(items)-1 {
			out[i] = s + "."
		} else {
			out[i] = s + ";"
		}
	}
	return out
}

// headerLines is the name block of a header: the given lines, or the name
// in capitals, with "ỦY BAN NHÂN DÂN" on a line of its own.
func headerLines(lines []string, name string) string {
	if len(lines) > 0 {
		up := make([]string, len(lines))
		for i, l := range lines {
			up[i] = vn.Upper(l)
		}
		return strings.Join(up, "\n")
	}
	u := vn.Upper(name)
	for _, head := range []string{"ỦY BAN NHÂN DÂN ", "HỘI ĐỒNG NHÂN DÂN "} {
		if rest, ok := strings.CutPrefix(u, head); ok {
			return strings.TrimSpace(head) + "\n" + rest
		}
	}
	return u
}

func signer(s submission.Signer) Signer {
	return Signer{ThayMat: s.OnBehalf, HinhThuc: s.ModeCode(), ThayCho: s.For, ChucVu: s.Position, HoTen: s.Name}
}

// archiveLine is the last Nơi nhận item: "Lưu: VT, VP".
func archiveLine(archive, unit string) string {
	if archive == "" {
		archive = "VT"
		if unit != "" {
			archive += ", " + unit
		}
	}
	if !strings.HasPrefix(archive, "Lưu") {
		archive = "Lưu: " + archive
	}
	return archive
}

// set and the submission give the award names; everything else is a copy
// or a count.
func buildData(s *submission.Submission, set *formset.Set) *Data {
	a := s.Agency
	d := &Data{
		CoQuan: Agency{Ten: a.Name, TenDauTrang: headerLines(a.HeaderLines, a.Name), CapTren: a.Parent,
			VietTat: a.Abbrev, DiaDanh: a.Place, Tinh: a.Province, DonViSoanThao: a.Unit},
		PhongTrao: Movement{Ten: s.Movement.Name, GiaiDoan: s.Movement.Period, KeHoach: s.Movement.Plan},
	}
	p := s.Proposal
	d.ToTrinh = Proposal{
		So: number(p.Number), KyHieu: "TTr-" + a.Abbrev, Ngay: p.Date.Time, TrichYeu: p.Summary,
		KinhGui: listItems(p.To), KinhGuiMot: len(p.To) == 1, CanCu: p.Bases, NoiDung: p.Body,
		NoiNhan: listItems(append(append([]string{}, p.Recipients...), archiveLine(p.Archive, a.Unit))),
		NguoiKy: signer(p.Signer),
	}
	d.ToTrinh.SoKyHieu = d.ToTrinh.So + "/" + d.ToTrinh.KyHieu
	if len(p.To) > 0 {
		d.ToTrinh.NguoiNhan = strings.TrimRight(p.To[0], " ;.,")
	}
	d.HoiDong = council(s.Council, s.Meeting)
	m := s.Meeting
	method := m.Method
	if method == "" {
		method = "bỏ phiếu kín"
	}
	meetingArchive := m.Archive
	if meetingArchive == "" {
		meetingArchive = "VT, Hồ sơ"
	}
	d.BienBan = Meeting{So: number(m.Number), KyHieu: "BB-" + s.Council.Abbrev, BatDau: m.Start.Time,
		KetThuc: submission.MeetingEnd(m), DiaDiem: m.Place, HinhThucBieuQuyet: method, NoiDung: m.Body,
		NoiNhan: listItems(append(append([]string{}, m.Recipients...), archiveLine(meetingArchive, "")))}
	d.BienBan.SoKyHieu = d.BienBan.So + "/" + d.BienBan.KyHieu

	total := submission.CouncilTotal(s.Council)
	for i, n := range s.Nominees {
		d.DeNghi = append(d.DeNghi, nominee(i+1, n, s, set, total))
	}
	d.Nhom, d.TongHop, d.SoTapThe, d.SoCaNhan = summarise(d.DeNghi, s)
	if d.ToTrinh.TrichYeu == "" {
		d.ToTrinh.TrichYeu = "Về việc đề nghị khen thưởng"
		if len(d.TongHop) == 1 {
			d.ToTrinh.TrichYeu = "Về việc đề nghị tặng " + d.TongHop[0].Ten
		}
	}
	return d
}

func council(c submission.Council, m submission.Meeting) Council {
	cv := Council{Ten: c.Name, TenDauTrang: headerLines(c.HeaderLines, c.Name), VietTat: c.Abbrev,
		TongSo: submission.CouncilTotal(c)}
	if len(c.HeaderLines) == 0 {
		cv.TenDauTrang = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
	}
	for _, mb := range c.Members {
		mv := &Member{HoTen: mb.Name, ChucVu: mb.Position, VaiTro: mb.Role, CoMat: mb.IsPresent(), LyDoVang: mb.Absence}
		cv.ThanhVien = append(cv.ThanhVien, mv)
		if mv.CoMat {
			cv.CoMat = append(cv.CoMat, mv)
		} else {
			cv.Vang = append(cv.Vang, mv)
		}
		if vn.Lower(mb.Name) == vn.Lower(m.Chair) {
			cv.ChuTri = mv
		}
		if vn.Lower(mb.Name) == vn.Lower(m.Secretary) {
			cv.ThuKy = mv
		}
	}
	cv.SoCoMat, cv.SoVang = len(cv.CoMat), cv.TongSo-len(cv.CoMat)
	punctuate(cv.CoMat)
	punctuate(cv.Vang)
	return cv
}

// punctuate sets the list punctuation of members listed one per line.
func punctuate(ms []*Member) {
	for i, m := range ms {
		m.Dau = ";"
		if i == len(ms)-1 {
			m.Dau = "."
		}
	}
}

func nominee(stt int, n submission.Nominee, s *submission.Submission, set *formset.Set, total int) *Nominee {
	nv := &Nominee{
		Stt: stt, Loai: string(n.Kind), LaCaNhan: n.Kind == submission.Individual, LaTapThe: n.Kind == submission.Collective,
		LaDoanhNghiep: n.Kind == submission.Enterprise, LaChuDoanhNghiep: n.Kind == submission.Owner,
		Ten: n.DisplayName(), HoTen: n.Name, NgaySinh: n.Born.Time, GioiTinh: n.Gender, DanToc: n.Ethnicity,
		QueQuan: n.Hometown, TruQuan: n.Residence, DonVi: n.Unit, ChucVu: n.Position, TrinhDo: n.Education,
		HocHam: n.Degrees, DoanhNghiep: n.Company, DiaChi: n.Address, DienThoai: n.Phone, Email: n.Email,
		ThuTruong: n.Head, DacDiem: n.Features, ChucNang: n.Functions, NhiemVu: n.Duties, ThanhTich: n.Achievements,
		HinhThuc: n.Award, HinhThucMa: n.Award, DonViCapTren: n.ParentUnit,
	}
	if a, ok := set.Award(n.Award); ok {
		nv.HinhThuc = a.ExpandName(s.Agency.Name, s.Agency.Province)
	}
	for _, h := range n.Titles {
		nv.DanhHieu = append(nv.DanhHieu, Honour{Nam: h.Year, Ten: h.Title, QuyetDinh: h.Decision})
	}
	for _, h := range n.Awards {
		nv.KhenThuong = append(nv.KhenThuong, Honour{Nam: h.Year, Ten: h.Title, QuyetDinh: h.Decision})
	}
	if n.Vote.For != nil {
		nv.BieuQuyet.TanThanh = *n.Vote.For
		nv.BieuQuyet.TyLe = vn.Percent(*n.Vote.For, total)
	}
	if n.Vote.Against != nil {
		nv.BieuQuyet.KhongTanThanh = *n.Vote.Against
	}
	if n.Kind.IsPerson() {
		nv.ChucVuDonVi = strings.Join(nonEmpty(n.Position, n.Unit), ", ")
		nv.DonViBaoCao = n.Unit
	} else {
		nv.ChucVuDonVi = n.Address
		nv.DonViBaoCao = n.OrgName
	}
	if nv.DonViCapTren == "" {
		// The proposing agency is the unit's superior, unless the unit is
		// the agency itself: then its own superior, if any.
		nv.DonViCapTren = s.Agency.Name
		if vn.Lower(nv.DonViBaoCao) == vn.Lower(s.Agency.Name) {
			nv.DonViCapTren = s.Agency.Parent
		}
	}
	nv.NgayBaoCao = firstDate(n.ReportDate.Time, s.Reports.Date.Time, submission.DayOf(s.Meeting.Start.Time), s.Proposal.Date.Time)
	if n.Tax != nil {
		t := *n.Tax
		if t.Address == "" {
			t.Address = n.Address
		}
		nv.Thue = &Tax{MaSoThue: t.Code, DiaChi: t.Address, CoQuanThue: t.Office, Ky: t.Period}
		nv.TenNopThue = n.DisplayName()
		if n.Kind == submission.Owner && n.Company != "" {
			nv.TenNopThue = n.Name + " (" + n.Company + ")"
		}
	}
	return nv
}

func nonEmpty(xs ...string) []string {
	var out []string
	for _, x := range xs {
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

func firstDate(ts ...time.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t
		}
	}
	return time.Time{}
}

// scoped is the data of one document: the dossier's, with the nominees
// narrowed to those the document concerns.
func scoped(all *Data, inst instance, sub *submission.Submission, set *formset.Set) Data {
	view := *all
	if len(inst.nominees) != len(all.DeNghi) {
		view.DeNghi = nil
		for _, i := range inst.nominees {
			view.DeNghi = append(view.DeNghi, all.DeNghi[i])
		}
		view.Nhom, view.TongHop, view.SoTapThe, view.SoCaNhan = summarise(view.DeNghi, sub)
	}
	if inst.person >= 0 {
		view.DoiTuong = all.DeNghi[inst.person]
	}
	return view
}

// docView is what a document carries of its own: its table's data (the
// k-th document of a repeated part numbered on from the table's number),
// its issuer, and for a document per award, the award.
func docView(p *formset.Part, own submission.Own, num *int, inst instance, sub *submission.Submission, set *formset.Set) *DocView {
	is := issuerOf(p, own, sub)
	v := &DocView{Title: p.Title, Date: own.Date, Issuer: is, Summary: own.Summary, To: listItems(own.To), ToOne: len(own.To) == 1}
	if p.IsNumbered() {
		v.Number = number(num)
		v.Symbol = symbol(p, is)
		v.NumSymbol = v.Number + "/" + v.Symbol
	}
	if v.Date.IsZero() {
		v.Date = sub.Proposal.Date.Time
	}
	switch {
	case own.Signer != nil:
		v.Signer = signer(*own.Signer)
	case own.Issuer == nil && p.Issuer != formset.IssuerCouncil:
		v.Signer = signer(sub.Proposal.Signer)
	}
	archive := own.Archive
	if archive == "" && p.Issuer == formset.IssuerCouncil {
		archive = "VT, Hồ sơ"
	}
	v.Recipients = listItems(append(append([]string{}, own.Recipients...), archiveLine(archive, is.Unit)))
	if inst.award != "" {
		v.Award = inst.subject
	}
	return v
}

// summarise groups nominees for the Danh sách (collectives first, then
// persons) and counts them per award, in order of first mention.
func summarise(ns []*Nominee, s *submission.Submission) (groups []Group, sums []AwardSum, collectives, persons int) {
	bySum := map[string]*AwardSum{}
	var order []string
	var coll, pers []*Nominee
	for _, nv := range ns {
		sum := bySum[nv.HinhThuc]
		if sum == nil {
			sum = &AwardSum{Ten: nv.HinhThuc}
			bySum[nv.HinhThuc] = sum
			order = append(order, nv.HinhThuc)
		}
		if s.Nominees[nv.Stt-1].Kind.IsPerson() {
			pers = append(pers, nv)
			sum.SoCaNhan++
		} else {
			coll = append(coll, nv)
			sum.SoTapThe++
		}
	}
	if len(coll) > 0 {
		groups = append(groups, Group{Ten: "Tập thể", DoiTuong: coll})
	}
	if len(pers) > 0 {
		groups = append(groups, Group{Ten: "Cá nhân", DoiTuong: pers})
	}
	for i, name := range order {
		sum := *bySum[name]
		sum.Dau = ";"
		if i == len(order)-1 {
			sum.Dau = "."
		}
		sums = append(sums, sum)
	}
	return groups, sums, len(coll), len(pers)
}
