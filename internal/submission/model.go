// Package submission is the typed model of one submission (một đợt đề nghị
// khen thưởng) as a clerk writes it in TOML, with its decoding and the
// validation that reports every problem at once, in Vietnamese, at the TOML
// line where it is.
//
// The TOML keys are the ASCII Vietnamese words clerks use (ho_ten, chuc_vu,
// ngay_sinh…); they are the `toml` tags below. The model knows nothing of
// templates or documents. The `doc` tags describe each key in Vietnamese:
// they become the descriptions of the JSON Schema that TOML editors use
// (see Schema), so every field has one.
package submission

import "strings"

// Submission is one đợt đề nghị: everything one dossier needs.
type Submission struct {
	FormSet  string    `toml:"bo_mau" doc:"ép dùng một bộ mẫu, ví dụ \"nd152-2025\"; bỏ trống: chọn theo ngày Tờ trình"`
	Agency   Agency    `toml:"co_quan" doc:"(*) cơ quan trình khen thưởng"`
	Movement Movement  `toml:"phong_trao" doc:"(*) phong trào thi đua"`
	Proposal Proposal  `toml:"to_trinh" doc:"(*) Tờ trình đề nghị khen thưởng"`
	Council  Council   `toml:"hoi_dong" doc:"(*) Hội đồng Thi đua - Khen thưởng"`
	Meeting  Meeting   `toml:"bien_ban" doc:"(*) Biên bản họp Hội đồng"`
	Reports  Reports   `toml:"bao_cao" doc:"các báo cáo thành tích"`
	Tax      TaxLetter `toml:"xac_nhan_thue" doc:"công văn xin xác nhận nghĩa vụ thuế (khi có doanh nghiệp, chủ doanh nghiệp)"`
	// SocialInsurance is the letters asking social-insurance offices to
	// confirm contributions, alike.
	SocialInsurance TaxLetter `toml:"xac_nhan_bhxh" doc:"công văn xin xác nhận đóng bảo hiểm xã hội (khi có doanh nghiệp, chủ doanh nghiệp)"`
	Nominees        []Nominee `toml:"de_nghi" doc:"(*) đối tượng đề nghị khen thưởng, mỗi đối tượng một khối [[de_nghi]]"`
	// Documents holds the own data of the documents a form set declares
	// beyond those above ([van_ban.<id>]: a Giấy mời's number, date…).
	Documents map[string]Document `toml:"van_ban" doc:"số, ngày, người ký, nơi nhận… của các văn bản khác mà bộ mẫu khai báo, mỗi văn bản một bảng [van_ban.<id>]"`
}

// Agency is the submitting agency (cơ quan trình khen thưởng), the
// issuer of every document that names no other.
type Agency struct {
	Issuer
	Province string `toml:"tinh" doc:"tỉnh, thành phố; cần cho Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh, thành phố"`
	Commune  string `toml:"xa" doc:"xã, phường của cơ quan (tên hình thức, nơi kính gửi); mặc định suy từ ten hoặc cap_tren: \"phường Tân Sơn Hòa\""`
	District string `toml:"huyen" doc:"quận, huyện của cơ quan (trước 01/07/2025); mặc định suy từ ten hoặc cap_tren: \"quận Tân Bình\""`
}

// Issuer is who issues a document: the agency, or for one document
// another office (a Phòng Nội vụ writing the Tờ trình) given in the
// document's own table as co_quan.
type Issuer struct {
	Parent      string   `toml:"cap_tren" doc:"cơ quan chủ quản trực tiếp (dòng trên, không đậm)"`                                                 // cơ quan chủ quản trực tiếp (optional)
	Name        string   `toml:"ten" doc:"(*) tên đầy đủ, viết như trong câu: \"Ủy ban nhân dân phường Tân Sơn Hòa\""`                             // full name as written in sentences
	HeaderLines []string `toml:"ten_dau_trang" doc:"các dòng tên ở đầu văn bản (in hoa khi in); mặc định tách \"ỦY BAN NHÂN DÂN\" / phần còn lại"` // the name's lines in the header block
	Abbrev      string   `toml:"viet_tat" doc:"(*) ký hiệu cơ quan: \"UBND\" → 05/TTr-UBND"`                                                       // for ký hiệu: TTr-UBND
	Place       string   `toml:"dia_danh" doc:"(*) địa danh dòng ngày tháng: \"Tân Sơn Hòa\""`                                                     // địa danh of the date line
	Unit        string   `toml:"don_vi_soan_thao" doc:"đơn vị soạn thảo: công văn \"Số: 12/UBND-VP\", \"Lưu: VT, VP.\""`                           // drafting unit abbreviation: UBND-VP, Lưu: VT, VP
}

// Movement is the emulation movement the awards are proposed in.
type Movement struct {
	Name   string `toml:"ten" doc:"(*) tên phong trào thi đua"`
	Period string `toml:"giai_doan" doc:"giai đoạn: \"2023 - 2025\""`
	Plan   string `toml:"ke_hoach" doc:"kế hoạch phát động phong trào"`
}

// Signer is who signs a document and with what authority (NĐ 30, II.7).
type Signer struct {
	OnBehalf string `toml:"thay_mat" doc:"dòng TM. (thay mặt tập thể): \"Ủy ban nhân dân\""`                                          // TM. <collective body>
	Mode     string `toml:"hinh_thuc" doc:"hình thức ký: KT (ký thay), Q (quyền), TL (thừa lệnh), TUQ (thừa ủy quyền) hoặc bỏ trống"` // KT, Q, TL, TUQ or empty
	For      string `toml:"thay_cho" doc:"chức vụ người đứng đầu được ký thay: \"Chủ tịch\" → KT. CHỦ TỊCH"`                          // the head's position signed for: KT. CHỦ TỊCH
	Position string `toml:"chuc_vu" doc:"chức vụ của người ký"`                                                                       // the signer's own position
	Name     string `toml:"ho_ten" doc:"(*) họ tên người ký"`
}

// ModeCode is the signing mode as written in the signature block: "KT",
// "Q", "TL", "TUQ" (any case, with or without the dot), "" when the head
// signs.
func (s Signer) ModeCode() string { return strings.ToUpper(strings.TrimSuffix(s.Mode, ".")) }

// Proposal is the Tờ trình.
type Proposal struct {
	Number     *int       `toml:"so" doc:"số Tờ trình (Tờ trình đầu tiên khi đề nghị nhiều hình thức, các Tờ trình sau tăng dần); bỏ trống thì để chỗ trống ghi số sau khi ký"`
	Date       Date       `toml:"ngay" doc:"(*) ngày Tờ trình: 2026-02-05 hoặc \"05/02/2026\"; chọn bộ mẫu theo ngày này"`
	Issuer     *Issuer    `toml:"co_quan" doc:"cơ quan ban hành Tờ trình khi không phải cơ quan trình, ví dụ Phòng Nội vụ"`
	Summary    string     `toml:"trich_yeu" doc:"trích yếu; mặc định theo hình thức khen thưởng"`
	To         []string   `toml:"kinh_gui" doc:"kính gửi: một hoặc nhiều nơi; mặc định Chủ tịch Ủy ban nhân dân cấp xét theo hình thức khen thưởng"`
	Via        string     `toml:"kinh_gui_qua" doc:"gửi qua cơ quan tham mưu, in sau nơi kính gửi: \"Ban Thi đua - Khen thưởng, Sở Nội vụ\""`
	Bases      []string   `toml:"can_cu" doc:"các văn bản làm căn cứ, mỗi văn bản một dòng; mẫu tự viết chữ \"Căn cứ\" ở đầu dòng"`
	Body       []string   `toml:"noi_dung" doc:"các đoạn nội dung Tờ trình"`
	Recipients []string   `toml:"noi_nhan" doc:"nơi nhận (\"Như trên\" tự thêm ở đầu, dòng \"Lưu\" ở cuối)"`
	Archive    string     `toml:"luu" doc:"dòng Lưu: \"VT, VP\""`
	Signer     Signer     `toml:"nguoi_ky" doc:"(*) người ký Tờ trình"`
	Each       []PerAward `toml:"rieng" doc:"số, ngày, trích yếu, nơi gửi riêng của từng Tờ trình khi đề nghị nhiều hình thức: mỗi hình thức một khối [[to_trinh.rieng]]"`
}

// PerAward is what one Tờ trình of several (one per award type) has of its
// own ([[to_trinh.rieng]]).
type PerAward struct {
	Award      string   `toml:"hinh_thuc" doc:"(*) hình thức của Tờ trình này, như ghi ở de_nghi (mã hoặc tên)"`
	Number     *int     `toml:"so" doc:"số Tờ trình này"`
	Date       Date     `toml:"ngay" doc:"ngày Tờ trình này"`
	Issuer     *Issuer  `toml:"co_quan" doc:"cơ quan ban hành Tờ trình này khi khác Tờ trình chung (Phòng Văn hóa - Xã hội trình Chủ tịch Ủy ban nhân dân phường)"`
	Signer     *Signer  `toml:"nguoi_ky" doc:"người ký Tờ trình này"`
	Summary    string   `toml:"trich_yeu" doc:"trích yếu của Tờ trình này"`
	To         []string `toml:"kinh_gui" doc:"kính gửi của Tờ trình này"`
	Via        string   `toml:"kinh_gui_qua" doc:"cơ quan tham mưu Tờ trình này gửi qua"`
	Recipients []string `toml:"noi_nhan" doc:"nơi nhận của Tờ trình này"`
	Archive    string   `toml:"luu" doc:"dòng Lưu của Tờ trình này"`
}

// Council is the Hội đồng Thi đua - Khen thưởng.
type Council struct {
	Name        string   `toml:"ten" doc:"(*) tên Hội đồng Thi đua - Khen thưởng"`
	HeaderLines []string `toml:"ten_dau_trang" doc:"các dòng tên Hội đồng ở đầu Biên bản"`
	Abbrev      string   `toml:"viet_tat" doc:"(*) ký hiệu Hội đồng: \"HĐTĐKT\" → 01/BB-HĐTĐKT"`
	Total       *int     `toml:"tong_so" doc:"tổng số thành viên; mặc định: số người trong danh sách"`
	Members     []Member `toml:"thanh_vien" doc:"(*) thành viên Hội đồng, mỗi người một khối [[hoi_dong.thanh_vien]]"`
}

// Member is one council member.
type Member struct {
	Name     string `toml:"ho_ten" doc:"họ tên thành viên"`
	Position string `toml:"chuc_vu" doc:"chức vụ"`
	Role     string `toml:"vai_tro" doc:"vai trò trong Hội đồng: \"Chủ tịch Hội đồng\", \"Ủy viên - Thư ký\"…"`
	Present  *bool  `toml:"co_mat" doc:"có mặt tại cuộc họp (mặc định: có)"`
	Absence  string `toml:"ly_do_vang" doc:"lý do vắng mặt"`
}

// IsPresent reports whether the member attended (the default).
func (m Member) IsPresent() bool { return m.Present == nil || *m.Present }

// Meeting is the council meeting recorded in the Biên bản.
type Meeting struct {
	Number     *int     `toml:"so" doc:"số Biên bản (số riêng của Hội đồng)"`
	Start      Moment   `toml:"bat_dau" doc:"(*) lúc bắt đầu họp: 2026-01-28T08:00:00 hoặc \"28/01/2026 08:00\""`
	End        Moment   `toml:"ket_thuc" doc:"(*) lúc kết thúc: giờ (\"10:30\") hoặc ngày giờ; phải sau lúc bắt đầu"`
	Place      string   `toml:"dia_diem" doc:"(*) địa điểm họp"`
	Chair      string   `toml:"chu_tri" doc:"(*) họ tên người chủ trì (một thành viên có mặt)"`
	Secretary  string   `toml:"thu_ky" doc:"(*) họ tên thư ký (một thành viên có mặt)"`
	Method     string   `toml:"hinh_thuc_bieu_quyet" doc:"hình thức biểu quyết, một cụm từ: \"bỏ phiếu kín\", \"biểu quyết giơ tay\" (Biên bản in «Hội đồng tiến hành …, kết quả như sau»)"`
	Purpose    string   `toml:"muc_dich" doc:"mục đích cuộc họp, in sau «Họp Hội đồng …»: \"xét đề nghị khen thưởng …\"; mặc định theo phong trào thi đua"`
	Guests     []string `toml:"khach_moi" doc:"khách mời dự họp, mỗi người một dòng: \"Ông …, chức vụ, cơ quan\""`
	Ballot     *Ballot  `toml:"kiem_phieu" doc:"kết quả kiểm phiếu khi bỏ phiếu kín: phat_ra, thu_ve, hop_le, to_kiem_phieu"`
	Body       []string `toml:"noi_dung" doc:"các đoạn nội dung cuộc họp"`
	Recipients []string `toml:"noi_nhan" doc:"nơi nhận Biên bản"`
	Archive    string   `toml:"luu" doc:"dòng Lưu của Biên bản"`
	// Others are nominees of other submissions the same meeting reviewed:
	// the Biên bản lists them too, so that one Biên bản number prints the
	// same table in every dossier it serves.
	Others []Considered `toml:"xet_them" doc:"đối tượng của hồ sơ khác được xét cùng cuộc họp, in thêm vào bảng kết quả của Biên bản, mỗi đối tượng một khối [[bien_ban.xet_them]]"`
}

// Ballot is the count of a secret ballot (bỏ phiếu kín) and who counted it.
type Ballot struct {
	Issued   *int     `toml:"phat_ra" doc:"(*) số phiếu phát ra"`
	Returned *int     `toml:"thu_ve" doc:"(*) số phiếu thu về"`
	Valid    *int     `toml:"hop_le" doc:"(*) số phiếu hợp lệ"`
	Tellers  []string `toml:"to_kiem_phieu" doc:"Tổ kiểm phiếu, mỗi người một dòng: \"Ông …, Ủy viên - Tổ trưởng\""`
}

// Considered is a nominee of another submission reviewed at the same
// meeting: a row of the Biên bản's table.
type Considered struct {
	Kind   Kind   `toml:"loai" doc:"(*) loại đối tượng: ca-nhan, tap-the, doanh-nghiep, chu-doanh-nghiep"`
	Name   string `toml:"ten" doc:"(*) họ tên cá nhân hoặc tên tập thể, như in trong Biên bản"`
	Award  string `toml:"hinh_thuc" doc:"(*) hình thức đề nghị: mã trong bộ mẫu hoặc tên đầy đủ"`
	Vote   Vote   `toml:"bieu_quyet" doc:"(*) kết quả biểu quyết: { tan_thanh = 9, khong_tan_thanh = 1 }"`
	Before bool   `toml:"xep_truoc" doc:"in trước các đối tượng của hồ sơ này (true), để mọi hồ sơ in bảng theo cùng thứ tự"`
}

// Document is the own data of a document a form set declares
// ([van_ban.<id>]): what every document may carry of its own.
type Document struct {
	Number     *int     `toml:"so" doc:"số văn bản; bỏ trống thì để chỗ trống ghi số sau khi ký"`
	Date       Date     `toml:"ngay" doc:"ngày ký; mặc định ngày Tờ trình"`
	Issuer     *Issuer  `toml:"co_quan" doc:"cơ quan ban hành văn bản, khi không phải cơ quan trình ([co_quan])"`
	Signer     *Signer  `toml:"nguoi_ky" doc:"người ký; mặc định người ký Tờ trình khi cùng cơ quan ban hành"`
	Summary    string   `toml:"trich_yeu" doc:"trích yếu nội dung"`
	To         []string `toml:"kinh_gui" doc:"nơi kính gửi (một hoặc nhiều nơi)"`
	Recipients []string `toml:"noi_nhan" doc:"nơi nhận (dòng Lưu được thêm vào cuối)"`
	Archive    string   `toml:"luu" doc:"dòng Lưu: \"VT, VP\""`
	// Fields are the free fields the form set declares for the document
	// (truong), checked against those declarations.
	Fields map[string]any `toml:",rest"`
	// Grouped chooses, for a document the form set may print per group
	// (gop_theo), one per group (true) or one per nominee (false).
	Grouped *bool `toml:"gop" doc:"true: gộp các đối tượng cùng nhóm vào một văn bản (khi bộ mẫu cho phép); false: mỗi đối tượng một văn bản"`
}

// Reports holds what the achievement reports share.
type Reports struct {
	Date     Date `toml:"ngay" doc:"ngày các báo cáo thành tích (mặc định: ngày họp)"`
	FromYear *int `toml:"tu_nam" doc:"năm đầu của thời gian báo cáo thành tích (cùng den_nam): số liệu doanh nghiệp và công văn xác nhận thuế, bảo hiểm xã hội theo các năm này"`
	ToYear   *int `toml:"den_nam" doc:"năm cuối của thời gian báo cáo thành tích"`
}

// TaxLetter is a kind of công văn asking offices to confirm what
// enterprises owe ([xac_nhan_thue] to tax offices, [xac_nhan_bhxh] to
// social-insurance offices): one per enterprise, or one per office when
// grouped.
type TaxLetter struct {
	Issuer     *Issuer  `toml:"co_quan" doc:"cơ quan ban hành công văn khi không phải cơ quan trình"`
	Number     *int     `toml:"so" doc:"số công văn đầu tiên; các công văn sau tăng dần"`
	Date       Date     `toml:"ngay" doc:"ngày công văn (mặc định: ngày Tờ trình)"`
	Period     string   `toml:"ky_xac_nhan" doc:"kỳ đề nghị xác nhận khi không có năm báo cáo (bao_cao.tu_nam, den_nam): \"các năm 2023, 2024 và 2025\""`
	Deadline   Date     `toml:"han_tra_loi" doc:"hạn trả lời"`
	Signer     *Signer  `toml:"nguoi_ky" doc:"người ký công văn (mặc định: người ký Tờ trình)"`
	Recipients []string `toml:"noi_nhan" doc:"nơi nhận công văn (dòng «Như trên» tự thêm ở đầu)"`
	Archive    string   `toml:"luu" doc:"dòng Lưu của công văn"`
	Grouped    *bool    `toml:"gop" doc:"true: một công văn cho mỗi cơ quan, liệt kê mọi doanh nghiệp của cơ quan đó; false: mỗi doanh nghiệp một công văn; mặc định theo bộ mẫu"`
}

// Nominee is one proposed collective or person (de_nghi).
type Nominee struct {
	Kind  Kind   `toml:"loai" doc:"(*) loại đối tượng: ca-nhan, tap-the, doanh-nghiep, chu-doanh-nghiep (có dấu cũng được)"`
	Award string `toml:"hinh_thuc" doc:"(*) hình thức đề nghị: mã trong bộ mẫu (giay-khen-chu-tich-ubnd…) hoặc tên đầy đủ"`

	// Individuals and enterprise owners.
	Name      string   `toml:"ho_ten" doc:"(*) họ tên (cá nhân, chủ doanh nghiệp)"`
	Born      Date     `toml:"ngay_sinh" doc:"(*) ngày sinh (cá nhân, chủ doanh nghiệp): 1985-03-12 hoặc \"12/03/1985\""`
	Gender    string   `toml:"gioi_tinh" doc:"(*) giới tính (cá nhân, chủ doanh nghiệp): \"Nam\" hoặc \"Nữ\""`
	Ethnicity string   `toml:"dan_toc" doc:"dân tộc"`
	Hometown  string   `toml:"que_quan" doc:"quê quán"`
	Residence string   `toml:"tru_quan" doc:"trú quán"`
	Unit      string   `toml:"don_vi" doc:"(*) đơn vị công tác (cá nhân, chủ doanh nghiệp)"`
	Position  string   `toml:"chuc_vu" doc:"(*) chức vụ (cá nhân, chủ doanh nghiệp)"`
	Education string   `toml:"trinh_do" doc:"trình độ chuyên môn, nghiệp vụ"`
	Degrees   string   `toml:"hoc_ham" doc:"học hàm, học vị, danh hiệu, giải thưởng"`
	Duties    []string `toml:"nhiem_vu" doc:"quyền hạn, nhiệm vụ được giao (mỗi phần tử một đoạn)"`
	Company   string   `toml:"doanh_nghiep" doc:"(*) tên doanh nghiệp (chủ doanh nghiệp)"`

	// Enterprises.
	ForeignName  string    `toml:"ten_nuoc_ngoai" doc:"tên giao dịch bằng tiếng nước ngoài (doanh nghiệp)"`
	Registration string    `toml:"so_dang_ky" doc:"giấy chứng nhận đăng ký doanh nghiệp: số, ngày cấp, nơi cấp (doanh nghiệp)"`
	Finance      *Finance  `toml:"tai_chinh" doc:"tình hình tài chính (doanh nghiệp): von_co_dinh, von_luu_dong (đồng), nguon_von"`
	Figures      []Figures `toml:"so_lieu" doc:"số liệu sản xuất, kinh doanh từng năm báo cáo (doanh nghiệp), mỗi năm một khối [[de_nghi.so_lieu]]"`

	// Collectives and enterprises.
	OrgName   string   `toml:"ten" doc:"(*) tên tập thể, doanh nghiệp"`
	Address   string   `toml:"dia_chi" doc:"(*) địa chỉ trụ sở (tập thể, doanh nghiệp)"`
	Phone     string   `toml:"dien_thoai" doc:"điện thoại (tập thể, doanh nghiệp)"`
	Email     string   `toml:"email" doc:"thư điện tử (tập thể, doanh nghiệp)"`
	Head      string   `toml:"thu_truong" doc:"(*) họ tên thủ trưởng, người ký báo cáo (tập thể, doanh nghiệp)"`
	Features  []string `toml:"dac_diem" doc:"đặc điểm, tình hình (mỗi phần tử một đoạn)"`
	Functions []string `toml:"chuc_nang" doc:"chức năng, nhiệm vụ (mỗi phần tử một đoạn)"`

	// Everyone.
	ParentUnit   string   `toml:"don_vi_cap_tren" doc:"đơn vị cấp trên trực tiếp: dòng trên ở đầu báo cáo thành tích, cột đơn vị của tập thể trong Danh sách; bỏ trống khi không có (doanh nghiệp tư nhân)"`
	Period       string   `toml:"giai_doan" doc:"giai đoạn thành tích báo cáo: \"2021 - 2025\", \"Năm học 2024 - 2025\"; mặc định giai đoạn của phong trào"`
	ReportDate   Date     `toml:"ngay_bao_cao" doc:"ngày riêng của báo cáo thành tích"`
	Achievements []string `toml:"thanh_tich" doc:"(*) thành tích (mỗi phần tử một đoạn)"`
	Titles       []Honour `toml:"danh_hieu" doc:"danh hiệu thi đua đã đạt, mỗi danh hiệu một khối [[de_nghi.danh_hieu]]"`
	Awards       []Honour `toml:"khen_thuong" doc:"hình thức khen thưởng đã nhận, mỗi hình thức một khối [[de_nghi.khen_thuong]]"`
	Vote         Vote     `toml:"bieu_quyet" doc:"(*) kết quả biểu quyết của Hội đồng: { tan_thanh = 8, khong_tan_thanh = 0 }, thêm van_ban_tan_thanh, van_ban_khong_tan_thanh cho ý kiến bằng văn bản của thành viên vắng mặt"`
	Tax          *Tax     `toml:"thue" doc:"(*) thông tin thuế (doanh nghiệp, chủ doanh nghiệp)"`
	Insurance    *Insured `toml:"bhxh" doc:"(*) bảo hiểm xã hội (doanh nghiệp, chủ doanh nghiệp), khi bộ mẫu có công văn xác nhận bảo hiểm xã hội"`
}

// Finance is an enterprise's financial position (NĐ 98/2023 Mẫu 02,
// footnote: vốn cố định, vốn lưu động and their sources).
type Finance struct {
	Fixed   *int64 `toml:"von_co_dinh" doc:"(*) vốn cố định (đồng)"`
	Working *int64 `toml:"von_luu_dong" doc:"(*) vốn lưu động (đồng)"`
	Sources string `toml:"nguon_von" doc:"nguồn vốn: ngân sách, tự có, vay ngân hàng…"`
}

// Figures are an enterprise's results of one year, a row of its report's
// table.
type Figures struct {
	Year    int    `toml:"nam" doc:"(*) năm"`
	Revenue *int64 `toml:"doanh_thu" doc:"(*) doanh thu (đồng)"`
	Profit  *int64 `toml:"loi_nhuan" doc:"(*) lợi nhuận trước thuế (đồng; lỗ ghi số âm)"`
	Budget  *int64 `toml:"nop_ngan_sach" doc:"(*) nộp ngân sách nhà nước (đồng)"`
	Workers *int   `toml:"so_lao_dong" doc:"(*) số lao động (người)"`
	Income  *int64 `toml:"thu_nhap_binh_quan" doc:"(*) thu nhập bình quân (đồng/người/tháng)"`
}

// Insured is an enterprise's social-insurance data.
type Insured struct {
	Office string `toml:"co_quan" doc:"(*) cơ quan bảo hiểm xã hội quản lý: \"Bảo hiểm xã hội cơ sở Tân Bình\""`
}

// DisplayName is the person's or the collective's name.
func (n Nominee) DisplayName() string {
	if n.Kind.IsPerson() {
		return n.Name
	}
	return n.OrgName
}

// Honour is a title or award received before (danh hiệu, khen thưởng).
type Honour struct {
	Year     YearText `toml:"nam" doc:"năm: 2023, hoặc \"Năm học 2022 - 2023\""`
	Title    string   `toml:"ten" doc:"tên danh hiệu hoặc hình thức"`
	Decision Decision `toml:"quyet_dinh" doc:"quyết định: \"Quyết định số …/QĐ-UBND ngày … của …\", hoặc { so = \"07/QĐ-UBND\", ngay = 2022-01-05, co_quan = \"…\" }"`
}

// Vote is the council's vote on one nominee: the votes of the members
// present and the written opinions of absent members, which count too,
// on the council's total membership (NĐ 98/2023 Điều 30 khoản 7).
type Vote struct {
	For            *int `toml:"tan_thanh" doc:"(*) số thành viên dự họp tán thành"`
	Against        *int `toml:"khong_tan_thanh" doc:"số thành viên dự họp không tán thành"`
	WrittenFor     *int `toml:"van_ban_tan_thanh" doc:"số ý kiến bằng văn bản tán thành của thành viên vắng mặt"`
	WrittenAgainst *int `toml:"van_ban_khong_tan_thanh" doc:"số ý kiến bằng văn bản không tán thành của thành viên vắng mặt"`
}

// Tally is a vote counted: present, written, and both.
type Tally struct {
	For, Against, WrittenFor, WrittenAgainst int
}

// Tally counts the vote; a count not given is 0.
func (v Vote) Tally() Tally {
	n := func(p *int) int {
		if p == nil {
			return 0
		}
		return *p
	}
	return Tally{For: n(v.For), Against: n(v.Against), WrittenFor: n(v.WrittenFor), WrittenAgainst: n(v.WrittenAgainst)}
}

// TotalFor is the members in favour, present or in writing.
func (t Tally) TotalFor() int { return t.For + t.WrittenFor }

// TotalAgainst is the members against, present or in writing.
func (t Tally) TotalAgainst() int { return t.Against + t.WrittenAgainst }

// Present is the votes cast at the meeting.
func (t Tally) Present() int { return t.For + t.Against }

// Written is the written opinions counted.
func (t Tally) Written() int { return t.WrittenFor + t.WrittenAgainst }

// Tax is an enterprise's tax data.
type Tax struct {
	Code    string `toml:"ma_so_thue" doc:"(*) mã số thuế: 10 chữ số, hoặc 10-3 chữ số cho chi nhánh"`
	Address string `toml:"dia_chi" doc:"địa chỉ đăng ký thuế (mặc định: dia_chi của đối tượng)"`
	Office  string `toml:"co_quan_thue" doc:"(*) cơ quan thuế quản lý: \"Thuế cơ sở 3 Thành phố Hồ Chí Minh\""`
	Period  string `toml:"ky" doc:"kỳ đề nghị xác nhận thuế: \"năm 2023, 2024, 2025\""`
}
