package dossier

import (
	"strings"
	"time"
	"unicode/utf8"

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
	Agency      Agency     `tpl:"co_quan" doc:"cơ quan trình khen thưởng"`
	Movement    Movement   `tpl:"phong_trao" doc:"phong trào thi đua"`
	Proposal    Proposal   `tpl:"to_trinh" doc:"Tờ trình"`
	Council     Council    `tpl:"hoi_dong" doc:"Hội đồng Thi đua - Khen thưởng"`
	Meeting     Meeting    `tpl:"bien_ban" doc:"cuộc họp Hội đồng (Biên bản)"`
	Nominees    []*Nominee `tpl:"de_nghi" doc:"mọi đối tượng được đề nghị, theo thứ tự trong tệp"`
	Groups      []Group    `tpl:"nhom" doc:"đối tượng chia nhóm: tập thể trước, cá nhân sau"`
	AwardSums   []AwardSum `tpl:"tong_hop" doc:"số tập thể, cá nhân theo từng hình thức khen thưởng"`
	Collectives int        `tpl:"so_tap_the" doc:"số tập thể (kể cả doanh nghiệp) được đề nghị"`
	Persons     int        `tpl:"so_ca_nhan" doc:"số cá nhân (kể cả chủ doanh nghiệp) được đề nghị"`
	Nominee     *Nominee   `tpl:"doi_tuong" doc:"đối tượng của văn bản đang in, khi văn bản in riêng cho từng đối tượng"`
	TaxLetter   *TaxLetter `tpl:"cong_van_thue" doc:"công văn xin xác nhận thuế đang in (như cong_van, chỉ trong công văn gửi cơ quan thuế)"`
	Letter      *TaxLetter `tpl:"cong_van" doc:"công văn xin xác nhận đang in: gửi cơ quan thuế hoặc cơ quan bảo hiểm xã hội, cho một doanh nghiệp hoặc mọi doanh nghiệp của một cơ quan"`
	Document    *DocView   `tpl:"van_ban" doc:"văn bản đang in: số, ngày, cơ quan ban hành, người ký, nơi nhận của chính nó"`
}

// DocView is the document being printed: what it carries of its own.
type DocView struct {
	Title       string    `tpl:"ten" doc:"tên văn bản, như bo-mau.toml khai báo" example:"Giấy mời họp Hội đồng Thi đua - Khen thưởng"`
	Addressee   string    `tpl:"nguoi_nhan" doc:"nơi kính gửi đầu tiên, không dấu câu (dùng trong câu văn)" example:"Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh"`
	Via         string    `tpl:"kinh_gui_qua" doc:"gửi qua (cơ quan tham mưu), in sau nơi kính gửi" example:"Ban Thi đua - Khen thưởng, Sở Nội vụ"`
	Request     string    `tpl:"de_nghi" doc:"việc đề nghị người nhận làm, theo cấp quyết định hình thức khen thưởng" example:"xem xét, trình Thủ tướng Chính phủ tặng"`
	Closing     string    `tpl:"ket_luan" doc:"câu kết của Tờ trình sau «kính trình …», theo cấp quyết định" example:"xem xét, quyết định"`
	Verb        string    `tpl:"dong_tu" doc:"cách trao hình thức khen thưởng" example:"tặng"`
	Achievement string    `tpl:"thanh_tich" doc:"thành tích hình thức khen thưởng đòi hỏi, như Tờ trình viết" example:"thành tích xuất sắc"`
	Number      string    `tpl:"so" doc:"số văn bản, hai chữ số; để trống chỗ ghi số khi chưa có" example:"05"`
	Symbol      string    `tpl:"ky_hieu" doc:"ký hiệu: tên loại và cơ quan, hoặc cơ quan và đơn vị soạn thảo với công văn" example:"TTr-UBND"`
	NumSymbol   string    `tpl:"so_ky_hieu" doc:"số và ký hiệu" example:"05/TTr-UBND"`
	Date        time.Time `tpl:"ngay" doc:"ngày ký văn bản"`
	Issuer      Issuer    `tpl:"co_quan" doc:"cơ quan, tổ chức ban hành văn bản"`
	Signer      Signer    `tpl:"nguoi_ky" doc:"người ký văn bản"`
	Summary     string    `tpl:"trich_yeu" doc:"trích yếu nội dung"`
	To          []string  `tpl:"kinh_gui" doc:"nơi kính gửi, đã có dấu câu"`
	ToOne       bool      `tpl:"kinh_gui_mot" doc:"chỉ kính gửi một nơi (in trên cùng dòng «Kính gửi:»)"`
	Recipients  []string  `tpl:"noi_nhan" doc:"nơi nhận, đã có dấu câu; dòng cuối là Lưu"`
	Award       string    `tpl:"hinh_thuc" doc:"hình thức khen thưởng, với văn bản in riêng cho từng hình thức"`
	// Fields are the free fields the form set declares for the document
	// ({{van_ban.<ten>}}), of the types submission.FreeValue gives.
	Fields map[string]any `tpl:",extra"`
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
	Name        string `tpl:"ten" doc:"tên đầy đủ, viết như trong câu" example:"Ủy ban nhân dân phường Tân Sơn Hòa"`
	HeaderLines string `tpl:"ten_dau_trang" doc:"tên in hoa ở đầu văn bản, các dòng cách nhau bằng xuống dòng" example:"ỦY BAN NHÂN DÂN\nPHƯỜNG TÂN SƠN HÒA"`
	Parent      string `tpl:"cap_tren" doc:"cơ quan chủ quản trực tiếp (có thể trống)"`
	Abbrev      string `tpl:"viet_tat" doc:"tên viết tắt trong ký hiệu" example:"UBND"`
	Place       string `tpl:"dia_danh" doc:"địa danh ở dòng ngày tháng" example:"Tân Sơn Hòa"`
	Province    string `tpl:"tinh" doc:"tỉnh, thành phố" example:"Thành phố Hồ Chí Minh"`
	Unit        string `tpl:"don_vi_soan_thao" doc:"viết tắt đơn vị soạn thảo" example:"VP"`
}

// Movement is the emulation movement.
type Movement struct {
	Name   string `tpl:"ten" doc:"tên phong trào"`
	Period string `tpl:"giai_doan" doc:"giai đoạn" example:"2021 - 2025"`
	Plan   string `tpl:"ke_hoach" doc:"kế hoạch phát động"`
}

// Signer is who signs.
type Signer struct {
	OnBehalf string `tpl:"thay_mat" doc:"tập thể được ký thay mặt (dòng TM.), có thể trống" example:"Ủy ban nhân dân"`
	Mode     string `tpl:"hinh_thuc" doc:"KT, Q, TL, TUQ hoặc trống" example:"KT"`
	For      string `tpl:"thay_cho" doc:"chức vụ người đứng đầu được ký thay" example:"Chủ tịch"`
	Position string `tpl:"chuc_vu" doc:"chức vụ người ký" example:"Phó Chủ tịch"`
	Name     string `tpl:"ho_ten" doc:"họ tên người ký"`
}

// Proposal is the Tờ trình.
// Its number, date, addressees and signer are each Tờ trình's own: see
// DocView (van_ban).
type Proposal struct {
	Bases        []string `tpl:"can_cu" doc:"các dòng căn cứ (không có chữ \"Căn cứ\" ở đầu)"`
	Body         []string `tpl:"noi_dung" doc:"các đoạn nội dung"`
	MeetingCited bool     `tpl:"da_dan_bien_ban" doc:"căn cứ hoặc nội dung đã dẫn kết quả họp xét (Biên bản) của Hội đồng: câu \"Trên cơ sở kết quả họp xét\" không nhắc lại"`
}

// Council is the Hội đồng Thi đua - Khen thưởng.
type Council struct {
	Name         string    `tpl:"ten" doc:"tên Hội đồng"`
	HeaderLines  string    `tpl:"ten_dau_trang" doc:"tên in hoa ở đầu biên bản"`
	Abbrev       string    `tpl:"viet_tat" doc:"tên viết tắt của Hội đồng trong ký hiệu biên bản" example:"HĐTĐKT"`
	Total        int       `tpl:"tong_so" doc:"tổng số thành viên"`
	PresentCount int       `tpl:"so_co_mat" doc:"số thành viên có mặt"`
	AbsentCount  int       `tpl:"so_vang" doc:"số thành viên vắng"`
	Members      []*Member `tpl:"thanh_vien" doc:"mọi thành viên"`
	Present      []*Member `tpl:"co_mat" doc:"thành viên có mặt"`
	Absent       []*Member `tpl:"vang" doc:"thành viên vắng"`
	Chair        *Member   `tpl:"chu_tri" doc:"người chủ trì"`
	Secretary    *Member   `tpl:"thu_ky" doc:"thư ký"`
}

// Member is a council member.
type Member struct {
	Name          string `tpl:"ho_ten" doc:"họ và tên"`
	Position      string `tpl:"chuc_vu" doc:"chức vụ"`
	Role          string `tpl:"vai_tro" doc:"vai trò trong Hội đồng"`
	Present       bool   `tpl:"co_mat" doc:"có mặt tại cuộc họp"`
	AbsenceReason string `tpl:"ly_do_vang" doc:"lý do vắng mặt"`
	Punct         string `tpl:"dau" doc:"dấu cuối dòng khi liệt kê: ; hoặc ."`
}

// Meeting is the council meeting.
type Meeting struct {
	Number       string      `tpl:"so" doc:"số biên bản, hai chữ số" example:"01"`
	Symbol       string      `tpl:"ky_hieu" doc:"ký hiệu biên bản" example:"BB-HĐTĐKT"`
	NumSymbol    string      `tpl:"so_ky_hieu" doc:"số và ký hiệu biên bản" example:"01/BB-HĐTĐKT"`
	Start        time.Time   `tpl:"bat_dau,datetime" doc:"bắt đầu (ngày giờ)"`
	End          time.Time   `tpl:"ket_thuc,datetime" doc:"kết thúc (ngày giờ)"`
	Place        string      `tpl:"dia_diem" doc:"địa điểm họp"`
	Purpose      string      `tpl:"muc_dich" doc:"mục đích cuộc họp, sau «Họp Hội đồng …»" example:"xét đề nghị khen thưởng trong Phong trào thi đua “…” giai đoạn 2023 - 2025"`
	Guests       []string    `tpl:"khach_moi" doc:"khách mời, đã có dấu câu"`
	VotingMethod string      `tpl:"hinh_thuc_bieu_quyet" doc:"hình thức biểu quyết, một cụm từ không có dấu câu cuối" example:"bỏ phiếu kín"`
	IsBallot     bool        `tpl:"bo_phieu" doc:"biểu quyết bằng bỏ phiếu"`
	Ballot       *BallotView `tpl:"kiem_phieu" doc:"kết quả kiểm phiếu (khi có)"`
	Rows         []*VoteRow  `tpl:"ket_qua" doc:"kết quả biểu quyết từng đối tượng: của hồ sơ này và của hồ sơ khác xét cùng cuộc họp"`
	Collectives  int         `tpl:"so_tap_the" doc:"số tập thể (kể cả doanh nghiệp) được xét ở cuộc họp"`
	Persons      int         `tpl:"so_ca_nhan" doc:"số cá nhân (kể cả chủ doanh nghiệp) được xét ở cuộc họp"`
	Failed       int         `tpl:"so_khong_dat" doc:"số đối tượng không đạt tỷ lệ tán thành theo quy định"`
	Rules        []RuleView  `tpl:"quy_dinh" doc:"quy định về tỷ lệ dự họp, tán thành đã áp dụng (bo-mau.toml, [[nguong]])"`
	Body         []string    `tpl:"noi_dung" doc:"các đoạn nội dung thêm"`
	Recipients   []string    `tpl:"noi_nhan" doc:"nơi nhận, đã có dấu câu"`
}

// BallotView is the count of a secret ballot.
type BallotView struct {
	Issued   int      `tpl:"phat_ra" doc:"số phiếu phát ra"`
	Returned int      `tpl:"thu_ve" doc:"số phiếu thu về"`
	Valid    int      `tpl:"hop_le" doc:"số phiếu hợp lệ"`
	Tellers  []string `tpl:"to_kiem_phieu" doc:"Tổ kiểm phiếu, đã có dấu câu"`
}

// VoteRow is a line of the Biên bản's table of votes.
type VoteRow struct {
	Name  string   `tpl:"ten" doc:"họ tên cá nhân hoặc tên tập thể"`
	Award string   `tpl:"hinh_thuc" doc:"tên đầy đủ hình thức khen thưởng đề nghị"`
	Vote  VoteView `tpl:"bieu_quyet" doc:"kết quả biểu quyết"`
	Other bool     `tpl:"ho_so_khac" doc:"đối tượng của hồ sơ khác xét cùng cuộc họp"`
}

// RuleView is a rule of the vote applied to some rows: the awards, what
// it asks, where it is written.
type RuleView struct {
	Awards string `tpl:"hinh_thuc" doc:"các hình thức khen thưởng áp dụng quy định, cách nhau bằng dấu phẩy"`
	Name   string `tpl:"ten" doc:"tên quy định như bộ mẫu ghi" example:"danh hiệu Chiến sĩ thi đua cơ sở"`
	Text   string `tpl:"mo_ta" doc:"điều kiện của quy định" example:"số thành viên dự họp từ 2/3 tổng số thành viên Hội đồng trở lên"`
	Basis  string `tpl:"can_cu" doc:"văn bản quy định" example:"khoản 7 Điều 30 Nghị định số 98/2023/NĐ-CP"`
	Punct  string `tpl:"dau" doc:"dấu cuối dòng khi liệt kê: ; hoặc ."`
}

// Nominee is one proposed collective or person.
type Nominee struct {
	Index         int       `tpl:"so_thu_tu,ordinal" doc:"thứ tự trong tệp hồ sơ (số thứ tự: nhận | la_ma, | chu_cai)"`
	Kind          string    `tpl:"loai" doc:"loại đối tượng: ca-nhan, tap-the, doanh-nghiep, chu-doanh-nghiep" example:"ca-nhan"`
	IsIndividual  bool      `tpl:"la_ca_nhan" doc:"đối tượng là cá nhân"`
	IsCollective  bool      `tpl:"la_tap_the" doc:"đối tượng là tập thể"`
	IsEnterprise  bool      `tpl:"la_doanh_nghiep" doc:"đối tượng là doanh nghiệp"`
	IsOwner       bool      `tpl:"la_chu_doanh_nghiep" doc:"đối tượng là chủ doanh nghiệp"`
	Name          string    `tpl:"ten" doc:"họ tên cá nhân hoặc tên tập thể"`
	PersonName    string    `tpl:"ho_ten" doc:"họ và tên"`
	Born          time.Time `tpl:"ngay_sinh" doc:"ngày sinh"`
	Gender        string    `tpl:"gioi_tinh" doc:"giới tính: Nam hoặc Nữ"`
	Ethnicity     string    `tpl:"dan_toc" doc:"dân tộc"`
	Hometown      string    `tpl:"que_quan" doc:"quê quán"`
	Residence     string    `tpl:"tru_quan" doc:"nơi ở hiện nay (trú quán)"`
	Unit          string    `tpl:"don_vi" doc:"đơn vị công tác"`
	Position      string    `tpl:"chuc_vu" doc:"chức vụ"`
	Education     string    `tpl:"trinh_do" doc:"trình độ chuyên môn, nghiệp vụ"`
	Degrees       string    `tpl:"hoc_ham" doc:"học hàm, học vị, danh hiệu, giải thưởng"`
	Company       string    `tpl:"doanh_nghiep" doc:"doanh nghiệp của chủ doanh nghiệp"`
	ForeignName   string    `tpl:"ten_nuoc_ngoai" doc:"tên giao dịch bằng tiếng nước ngoài (doanh nghiệp)"`
	Registration  string    `tpl:"so_dang_ky" doc:"giấy chứng nhận đăng ký doanh nghiệp: số, ngày, nơi cấp"`
	Finance       *Finance  `tpl:"tai_chinh" doc:"tình hình tài chính (doanh nghiệp)"`
	Figures       []Figures `tpl:"so_lieu" doc:"số liệu sản xuất, kinh doanh từng năm (doanh nghiệp), theo thứ tự năm"`
	ReportYears   []int     `tpl:"nam_bao_cao" doc:"các năm của báo cáo thành tích (bao_cao.tu_nam đến den_nam, hoặc các năm có số liệu)"`
	ReportPeriod  string    `tpl:"ky_bao_cao" doc:"thời gian báo cáo thành tích" example:"từ năm 2023 đến năm 2025"`
	PositionUnit  string    `tpl:"chuc_vu_don_vi" doc:"cột \"Chức vụ, đơn vị công tác\" của danh sách"`
	Address       string    `tpl:"dia_chi" doc:"địa chỉ trụ sở"`
	Phone         string    `tpl:"dien_thoai" doc:"điện thoại"`
	Email         string    `tpl:"email" doc:"thư điện tử"`
	Head          string    `tpl:"thu_truong" doc:"thủ trưởng đơn vị (tập thể)"`
	Features      []string  `tpl:"dac_diem" doc:"các đoạn đặc điểm, tình hình (tập thể)"`
	Functions     []string  `tpl:"chuc_nang" doc:"các đoạn chức năng, nhiệm vụ (tập thể)"`
	Duties        []string  `tpl:"nhiem_vu" doc:"các đoạn quyền hạn, nhiệm vụ được giao (cá nhân)"`
	Achievements  []string  `tpl:"thanh_tich" doc:"các đoạn thành tích"`
	Titles        []Honour  `tpl:"danh_hieu" doc:"danh hiệu thi đua đã đạt"`
	Awards        []Honour  `tpl:"khen_thuong" doc:"hình thức khen thưởng đã nhận"`
	Award         string    `tpl:"hinh_thuc" doc:"tên đầy đủ hình thức khen thưởng đề nghị"`
	AwardCode     string    `tpl:"hinh_thuc_ma" doc:"mã hình thức như trong tệp hồ sơ"`
	Vote          VoteView  `tpl:"bieu_quyet" doc:"kết quả biểu quyết của Hội đồng"`
	Tax           *Tax      `tpl:"thue" doc:"thông tin thuế (doanh nghiệp, chủ doanh nghiệp)"`
	Insurance     *Insured  `tpl:"bhxh" doc:"bảo hiểm xã hội (doanh nghiệp, chủ doanh nghiệp)"`
	Taxpayer      string    `tpl:"ten_nop_thue" doc:"tên người nộp thuế: doanh nghiệp, hoặc chủ doanh nghiệp kèm doanh nghiệp"`
	ReportDate    time.Time `tpl:"ngay_bao_cao" doc:"ngày của báo cáo thành tích"`
	Period        string    `tpl:"giai_doan" doc:"giai đoạn thành tích báo cáo (mặc định giai đoạn của phong trào)" example:"2021 - 2025"`
	ParentUnit    string    `tpl:"don_vi_cap_tren" doc:"dòng trên ở đầu báo cáo"`
	ParentSigns   bool      `tpl:"cap_tren_xac_nhan" doc:"đơn vị cấp trên trực tiếp ký nhận xét, xác nhận báo cáo: có cấp trên và cấp trên không phải cơ quan trình (cơ quan trình xác nhận ở khối cấp trình khen thưởng)"`
	ReportingUnit string    `tpl:"don_vi_bao_cao" doc:"dòng dưới (in đậm) ở đầu báo cáo"`
}

// Honour is a title or award received before.
type Honour struct {
	Year     string `tpl:"nam" doc:"năm, như tệp hồ sơ ghi" example:"Năm học 2022 - 2023"`
	Title    string `tpl:"ten" doc:"tên danh hiệu hoặc hình thức khen thưởng"`
	Decision string `tpl:"quyet_dinh" doc:"quyết định: số, ngày (theo Nghị định 30), cơ quan ban hành" example:"Quyết định số 07/QĐ-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân quận Tân Bình"`
}

// VoteView is the council's vote on one nominee: the members present,
// the written opinions of absent members, both, on the council's total.
type VoteView struct {
	For            int    `tpl:"tan_thanh" doc:"số thành viên dự họp tán thành"`
	Against        int    `tpl:"khong_tan_thanh" doc:"số thành viên dự họp không tán thành"`
	WrittenFor     int    `tpl:"van_ban_tan_thanh" doc:"số ý kiến bằng văn bản tán thành (thành viên vắng mặt)"`
	WrittenAgainst int    `tpl:"van_ban_khong_tan_thanh" doc:"số ý kiến bằng văn bản không tán thành"`
	TotalFor       int    `tpl:"tong_tan_thanh" doc:"tổng số tán thành: dự họp và bằng văn bản"`
	TotalAgainst   int    `tpl:"tong_khong_tan_thanh" doc:"tổng số không tán thành: dự họp và bằng văn bản"`
	Rate           string `tpl:"ty_le" doc:"tỷ lệ tổng số tán thành trên tổng số thành viên Hội đồng" example:"90,91%"`
	Passed         bool   `tpl:"dat" doc:"đạt tỷ lệ tán thành theo quy định của bộ mẫu (có khi không có quy định)"`
}

// Finance is an enterprise's financial position, in đồng.
type Finance struct {
	Fixed   int64  `tpl:"von_co_dinh" doc:"vốn cố định (đồng): {{… | tien}} in 447.305.000.000"`
	Working int64  `tpl:"von_luu_dong" doc:"vốn lưu động (đồng)"`
	Sources string `tpl:"nguon_von" doc:"nguồn vốn"`
}

// Figures are an enterprise's results of one year.
type Figures struct {
	Year    int   `tpl:"nam" doc:"năm"`
	Revenue int64 `tpl:"doanh_thu" doc:"doanh thu (đồng): {{… | tien}} in 447.305.000.000"`
	Profit  int64 `tpl:"loi_nhuan" doc:"lợi nhuận (đồng; lỗ là số âm)"`
	Budget  int64 `tpl:"nop_ngan_sach" doc:"nộp ngân sách nhà nước (đồng)"`
	Workers int   `tpl:"so_lao_dong" doc:"số lao động (người)"`
	Income  int64 `tpl:"thu_nhap_binh_quan" doc:"thu nhập bình quân (đồng/người/tháng)"`
}

// Insured is an enterprise's social-insurance data.
type Insured struct {
	Office string `tpl:"co_quan" doc:"cơ quan bảo hiểm xã hội quản lý"`
}

// Tax is an enterprise's tax data.
type Tax struct {
	Code    string `tpl:"ma_so_thue" doc:"mã số thuế"`
	Address string `tpl:"dia_chi" doc:"địa chỉ trụ sở"`
	Office  string `tpl:"co_quan_thue" doc:"cơ quan thuế quản lý"`
	Period  string `tpl:"ky" doc:"kỳ cần xác nhận"`
}

// Group is a heading of the Danh sách with its nominees.
type Group struct {
	Name     string     `tpl:"ten" doc:"tên nhóm trong danh sách" example:"Tập thể"`
	Nominees []*Nominee `tpl:"doi_tuong" doc:"các đối tượng của nhóm"`
}

// AwardSum counts the nominees proposed for one award.
type AwardSum struct {
	Name        string `tpl:"ten" doc:"tên đầy đủ hình thức khen thưởng"`
	Collectives int    `tpl:"so_tap_the" doc:"số tập thể đề nghị hình thức này"`
	Persons     int    `tpl:"so_ca_nhan" doc:"số cá nhân đề nghị hình thức này"`
	Punct       string `tpl:"dau" doc:"dấu cuối dòng khi liệt kê: ; hoặc ."`
}

// TaxLetter is one công văn asking an office to confirm what enterprises
// owe: the tax office (cong_van_thue), the social-insurance office; for
// one enterprise, or every enterprise of the office when grouped. Its
// number, date, issuer, signer and Nơi nhận are the letter's own: see
// DocView (van_ban).
type TaxLetter struct {
	TaxOffice string     `tpl:"co_quan_thue" doc:"cơ quan thuế quản lý (công văn gửi cơ quan thuế)"`
	Office    string     `tpl:"co_quan" doc:"cơ quan được đề nghị xác nhận: cơ quan thuế hoặc cơ quan bảo hiểm xã hội"`
	Summary   string     `tpl:"trich_yeu" doc:"trích yếu, sau «V/v»" example:"đề nghị xác nhận việc thực hiện nghĩa vụ thuế, nộp ngân sách nhà nước của Công ty TNHH Phú Lợi"`
	Subject   string     `tpl:"doi_tuong" doc:"doanh nghiệp của công văn, hoặc «các doanh nghiệp, chủ doanh nghiệp có tên dưới đây»"`
	Period    string     `tpl:"ky_xac_nhan" doc:"kỳ xin xác nhận: các năm của báo cáo thành tích" example:"các năm 2023, 2024 và 2025"`
	Years     []int      `tpl:"nam" doc:"các năm xin xác nhận"`
	Deadline  time.Time  `tpl:"han_tra_loi" doc:"hạn trả lời"`
	Nominees  []*Nominee `tpl:"doanh_nghiep" doc:"doanh nghiệp, chủ doanh nghiệp của công văn"`
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

// ownName is the name of an office as its header prints it under its
// superior's: without the place the superior's line already gives
// ("Phòng Văn hóa - Xã hội phường Tân Sơn Hòa" under "Ủy ban nhân dân
// phường Tân Sơn Hòa" is "Phòng Văn hóa - Xã hội").
func ownName(name, parent string) string {
	lp := vn.Lower(parent)
	for _, head := range []string{"ủy ban nhân dân ", "uỷ ban nhân dân "} {
		unit, ok := strings.CutPrefix(lp, head)
		if !ok {
			continue
		}
		if ln := vn.Lower(name); strings.HasSuffix(ln, " "+unit) && len(ln) > len(unit)+1 {
			r := []rune(name)
			return strings.TrimSpace(string(r[:len(r)-utf8.RuneCountInString(unit)]))
		}
	}
	return name
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
	return Signer{OnBehalf: s.OnBehalf, Mode: s.ModeCode(), For: s.For, Position: s.Position, Name: s.Name}
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
		Agency: Agency{Name: a.Name, HeaderLines: headerLines(a.HeaderLines, a.Name), Parent: a.Parent,
			Abbrev: a.Abbrev, Place: a.Place, Province: a.Province, Unit: a.Unit},
		Movement: Movement{Name: s.Movement.Name, Period: periodNotNamed(s.Movement), Plan: s.Movement.Plan},
	}
	p := s.Proposal
	bases := withoutLeadWord(p.Bases, "căn cứ")
	d.Proposal = Proposal{Bases: bases, Body: p.Body, MeetingCited: citesMeeting(append(append([]string{}, bases...), p.Body...))}
	d.Council = council(s.Council, s.Meeting)
	d.Meeting = meeting(s, set)

	total := submission.CouncilTotal(s.Council)
	for i, n := range s.Nominees {
		d.Nominees = append(d.Nominees, nominee(i+1, n, s, set, total))
	}
	d.Groups, d.AwardSums, d.Collectives, d.Persons = summarise(d.Nominees, s)
	return d
}

func council(c submission.Council, m submission.Meeting) Council {
	cv := Council{Name: c.Name, HeaderLines: headerLines(c.HeaderLines, c.Name), Abbrev: c.Abbrev,
		Total: submission.CouncilTotal(c)}
	if len(c.HeaderLines) == 0 {
		cv.HeaderLines = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
	}
	for _, mb := range c.Members {
		mv := &Member{Name: mb.Name, Position: mb.Position, Role: mb.Role, Present: mb.IsPresent(), AbsenceReason: mb.Absence}
		cv.Members = append(cv.Members, mv)
		if mv.Present {
			cv.Present = append(cv.Present, mv)
		} else {
			cv.Absent = append(cv.Absent, mv)
		}
		if vn.SameName(mb.Name, m.Chair) {
			cv.Chair = mv
		}
		if vn.SameName(mb.Name, m.Secretary) {
			cv.Secretary = mv
		}
	}
	cv.PresentCount, cv.AbsentCount = len(cv.Present), cv.Total-len(cv.Present)
	cv.Members, cv.Present, cv.Absent = punctuated(cv.Members), punctuated(cv.Present), punctuated(cv.Absent)
	return cv
}

// punctuated is a list of members listed one per line, each a copy with
// the punctuation that follows it in this list: ";" and "." after the
// last. A member is in several lists (all, present, absent), each with its
// own last line.
func punctuated(ms []*Member) []*Member {
	out := make([]*Member, len(ms))
	for i, m := range ms {
		c := *m
		c.Punct = ";"
		if i == len(ms)-1 {
			c.Punct = "."
		}
		out[i] = &c
	}
	return out
}

func nominee(stt int, n submission.Nominee, s *submission.Submission, set *formset.Set, total int) *Nominee {
	nv := &Nominee{
		Index: stt, Kind: string(n.Kind), IsIndividual: n.Kind == submission.Individual, IsCollective: n.Kind == submission.Collective,
		IsEnterprise: n.Kind == submission.Enterprise, IsOwner: n.Kind == submission.Owner,
		Name: n.DisplayName(), PersonName: n.Name, Born: n.Born.Time, Gender: n.Gender, Ethnicity: n.Ethnicity,
		Hometown: n.Hometown, Residence: n.Residence, Unit: n.Unit, Position: n.Position, Education: n.Education,
		Degrees: n.Degrees, Company: n.Company, Address: n.Address, Phone: n.Phone, Email: n.Email,
		Head: n.Head, Features: n.Features, Functions: n.Functions, Duties: n.Duties, Achievements: n.Achievements,
		Award: n.Award, AwardCode: n.Award, ParentUnit: n.ParentUnit,
		ParentSigns: n.ParentUnit != "" && !vn.SameName(n.ParentUnit, s.Agency.Name),
	}
	nv.Award = awardName(n.Award, s, set)
	for _, h := range n.Titles {
		nv.Titles = append(nv.Titles, Honour{Year: string(h.Year), Title: h.Title, Decision: h.Decision.String()})
	}
	for _, h := range n.Awards {
		nv.Awards = append(nv.Awards, Honour{Year: string(h.Year), Title: h.Title, Decision: h.Decision.String()})
	}
	nv.Vote = voteView(n.Award, n.Vote, set, total)
	enterprise(nv, n, s)
	if n.Kind.IsPerson() {
		nv.PositionUnit = strings.Join(nonEmpty(n.Position, n.Unit), ", ")
		nv.ReportingUnit = n.Unit
	} else {
		// A collective's line of the Danh sách names its superior unit,
		// never its street address; its report's upper header line only a
		// superior the submission names (none for a private company).
		nv.PositionUnit = n.ParentUnit
		nv.ReportingUnit = n.OrgName
	}
	nv.Period = string(submission.ReportPeriod(s, n))
	nv.ReportDate = firstDate(n.ReportDate.Time, s.Reports.Date.Time, submission.DayOf(s.Meeting.Start.Time), s.Proposal.Date.Time)
	if n.Tax != nil {
		t := *n.Tax
		if t.Address == "" {
			t.Address = n.Address
		}
		nv.Tax = &Tax{Code: t.Code, Address: t.Address, Office: t.Office, Period: t.Period}
	}
	if n.Insurance != nil {
		nv.Insurance = &Insured{Office: n.Insurance.Office}
	}
	if n.Kind.PaysTax() {
		nv.Taxpayer = n.DisplayName()
		if n.Kind == submission.Owner && n.Company != "" {
			nv.Taxpayer = n.Name + " (" + n.Company + ")"
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
	if len(inst.nominees) != len(all.Nominees) {
		view.Nominees = nil
		for _, i := range inst.nominees {
			view.Nominees = append(view.Nominees, all.Nominees[i])
		}
		view.Groups, view.AwardSums, view.Collectives, view.Persons = summarise(view.Nominees, sub)
	}
	if inst.person >= 0 {
		view.Nominee = all.Nominees[inst.person]
	}
	return view
}

// docView is what a document carries of its own: its table's data (the
// k-th document of a repeated part numbered on from the table's number),
// its issuer, and for a document per award, the award.
func docView(p *formset.Part, own submission.Own, num *int, inst instance, sub *submission.Submission, set *formset.Set) *DocView {
	is := issuerOf(p, own, sub)
	v := &DocView{Title: p.Title, Date: own.Date, Issuer: is, Summary: own.Summary, Via: own.Via}
	if p.IsNumbered() {
		v.Number = number(num)
		v.Symbol = symbol(p, is)
		v.NumSymbol = v.Number + "/" + v.Symbol
	}
	if v.Date.IsZero() {
		v.Date = sub.Proposal.Date.Time
	}
	v.Signer = docSigner(p, own, is, sub)
	if inst.award != "" {
		award(v, inst, own, sub, set)
	}
	to := own.To
	if len(to) == 0 && v.Addressee != "" {
		to = []string{v.Addressee}
	}
	v.To, v.ToOne = listItems(to), len(to) == 1
	if len(to) > 0 && v.Addressee == "" {
		v.Addressee = strings.TrimRight(to[0], " ;.,")
	}
	v.Recipients = recipients(p, own, is, len(to) > 0)
	for _, f := range p.Fields {
		if raw, ok := own.Fields[f.Name]; ok {
			if v.Fields == nil {
				v.Fields = map[string]any{}
			}
			v.Fields[f.Name], _ = submission.FreeValue(f.Kind, raw) // checked when validated
		}
	}
	return v
}

// docSigner is who signs a document: its table's signer, else the Tờ
// trình's when both are the agency's (a document of another issuer names
// its own: validation asks for it). A people's committee signs as a
// collective: "TM. ỦY BAN NHÂN DÂN" unless the clerk wrote another line.
func docSigner(p *formset.Part, own submission.Own, is Issuer, sub *submission.Submission) Signer {
	var sg Signer
	switch {
	case own.Signer != nil:
		sg = signer(*own.Signer)
	case own.Issuer == nil && p.Issuer != formset.IssuerCouncil && sub.Proposal.Issuer == nil:
		sg = signer(sub.Proposal.Signer)
	default:
		return sg
	}
	if sg.OnBehalf == "" && (sg.Mode == "" || sg.Mode == "KT" || sg.Mode == "Q") && isCommittee(is.Name) {
		sg.OnBehalf = "Ủy ban nhân dân"
	}
	return sg
}

// isCommittee reports whether an issuer is a people's committee.
func isCommittee(name string) bool {
	l := vn.Lower(name)
	return strings.HasPrefix(l, "ủy ban nhân dân") || strings.HasPrefix(l, "uỷ ban nhân dân")
}

// award fills what a document per award says of the award: its name, how
// it is given, the achievement it asks for, the addressee (the chairman
// of the level above the issuer, or of the issuer's own committee when a
// subordinate office or unit proposes) and what the addressee is asked to
// do: decide, or forward to the deciders above.
func award(v *DocView, inst instance, own submission.Own, sub *submission.Submission, set *formset.Set) {
	v.Award = inst.subject
	v.Verb, v.Achievement = "tặng", "thành tích xuất sắc"
	v.Request, v.Closing = "xem xét, tặng", "xem xét, quyết định"
	a, known := set.Award(inst.award)
	if known {
		v.Verb, v.Achievement = a.VerbOrDefault(), a.AchievementOrDefault()
	}
	j := sub.Agency.Jurisdiction()
	if to := sub.AddresseeLevel(set, own.Issuer); to > 0 {
		v.Addressee = formset.ChairmanOf(to, j)
		if known {
			if r, ok := set.Request(a, to, j, a.VerbOrDefault()); ok {
				v.Request = r
			}
			if c, ok := set.Request(a, to, j, "quyết định"); ok {
				v.Closing = c
			}
		}
	}
	if v.Summary == "" {
		v.Summary = "Về việc đề nghị " + v.Verb + " " + v.Award
	}
}

// recipients is a document's Nơi nhận: "Như trên" first when it has
// addressees (NĐ 30), the table's, then the Lưu line.
func recipients(p *formset.Part, own submission.Own, is Issuer, addressed bool) []string {
	var items []string
	if addressed && !hasNhuTren(own.Recipients) {
		items = append(items, "Như trên")
	}
	items = append(items, own.Recipients...)
	archive := own.Archive
	if archive == "" && p.Issuer == formset.IssuerCouncil {
		archive = "VT, Hồ sơ"
	}
	return listItems(append(items, archiveLine(archive, is.Unit)))
}

// hasNhuTren reports whether a Nơi nhận already names the addressees.
func hasNhuTren(items []string) bool {
	for _, it := range items {
		if strings.HasPrefix(vn.Lower(strings.TrimSpace(it)), "như trên") {
			return true
		}
	}
	return false
}

// citesMeeting reports whether the clerk's căn cứ or paragraphs already
// cite the council's meeting, so the Tờ trình does not say it twice.
// periodNotNamed is the movement's period for the phrase "<name> giai
// đoạn <period>", empty when the name already says it ("Thi đua yêu nước
// giai đoạn 2020 - 2024"), so that it is not printed twice.
func periodNotNamed(m submission.Movement) string {
	if m.Period != "" && strings.Contains(vn.Lower(m.Name), vn.Lower(m.Period)) {
		return ""
	}
	return m.Period
}

// withoutLeadWord returns lines with a leading word the template writes
// itself ("Căn cứ") taken off, in any case, so that a line the clerk began
// with it does not print the word twice.
func withoutLeadWord(lines []string, word string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l
		if len(l) > len(word) && l[len(word)] == ' ' && vn.Lower(l[:len(word)]) == word {
			out[i] = strings.TrimLeft(l[len(word):], " ")
		}
	}
	return out
}

func citesMeeting(texts []string) bool {
	for _, t := range texts {
		l := vn.Lower(t)
		if strings.Contains(l, "kết quả họp xét") || strings.Contains(l, "biên bản họp") || strings.Contains(l, "kết quả cuộc họp") {
			return true
		}
	}
	return false
}

// summarise groups nominees for the Danh sách (collectives first, then
// persons) and counts them per award, in order of first mention.
func summarise(ns []*Nominee, s *submission.Submission) (groups []Group, sums []AwardSum, collectives, persons int) {
	bySum := map[string]*AwardSum{}
	var order []string
	var coll, pers []*Nominee
	for _, nv := range ns {
		sum := bySum[nv.Award]
		if sum == nil {
			sum = &AwardSum{Name: nv.Award}
			bySum[nv.Award] = sum
			order = append(order, nv.Award)
		}
		if s.Nominees[nv.Index-1].Kind.IsPerson() {
			pers = append(pers, nv)
			sum.Persons++
		} else {
			coll = append(coll, nv)
			sum.Collectives++
		}
	}
	if len(coll) > 0 {
		groups = append(groups, Group{Name: "Tập thể", Nominees: coll})
	}
	if len(pers) > 0 {
		groups = append(groups, Group{Name: "Cá nhân", Nominees: pers})
	}
	for i, name := range order {
		sum := *bySum[name]
		sum.Punct = ";"
		if i == len(order)-1 {
			sum.Punct = "."
		}
		sums = append(sums, sum)
	}
	return groups, sums, len(coll), len(pers)
}
