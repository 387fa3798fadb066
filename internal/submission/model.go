// Package submission is the typed model of one submission (một đợt đề nghị
// khen thưởng) as a clerk writes it in TOML, with its decoding and the
// validation that reports every problem at once, in Vietnamese, at the TOML
// line where it is.
//
// The TOML keys are the ASCII Vietnamese words clerks use (ho_ten, chuc_vu,
// ngay_sinh…); they are the `toml` tags below. The model knows nothing of
// templates or documents.
package submission

import "strings"

// Submission is one đợt đề nghị: everything one dossier needs.
type Submission struct {
	FormSet  string    `toml:"bo_mau"`
	Agency   Agency    `toml:"co_quan"`
	Movement Movement  `toml:"phong_trao"`
	Proposal Proposal  `toml:"to_trinh"`
	Council  Council   `toml:"hoi_dong"`
	Meeting  Meeting   `toml:"bien_ban"`
	Reports  Reports   `toml:"bao_cao"`
	Tax      TaxLetter `toml:"xac_nhan_thue"`
	Nominees []Nominee `toml:"de_nghi"`
	// Documents holds the own data of the documents a form set declares
	// beyond those above ([van_ban.<id>]: a Giấy mời's number, date…).
	Documents map[string]Document `toml:"van_ban"`
}

// Agency is the submitting agency (cơ quan trình khen thưởng), the
// issuer of every document that names no other.
type Agency struct {
	Issuer
	Province string `toml:"tinh"` // province-level name, for award names
}

// Issuer is who issues a document: the agency, or for one document
// another office (a Phòng Nội vụ writing the Tờ trình) given in the
// document's own table as co_quan.
type Issuer struct {
	Parent      string   `toml:"cap_tren"`         // cơ quan chủ quản trực tiếp (optional)
	Name        string   `toml:"ten"`              // full name as written in sentences
	HeaderLines []string `toml:"ten_dau_trang"`    // the name's lines in the header block
	Abbrev      string   `toml:"viet_tat"`         // for ký hiệu: TTr-UBND
	Place       string   `toml:"dia_danh"`         // địa danh of the date line
	Unit        string   `toml:"don_vi_soan_thao"` // drafting unit abbreviation: UBND-VP, Lưu: VT, VP
}

// Movement is the emulation movement the awards are proposed in.
type Movement struct {
	Name   string `toml:"ten"`
	Period string `toml:"giai_doan"`
	Plan   string `toml:"ke_hoach"`
}

// Signer is who signs a document and with what authority (NĐ 30, II.7).
type Signer struct {
	OnBehalf string `toml:"thay_mat"`  // TM. <collective body>
	Mode     string `toml:"hinh_thuc"` // KT, Q, TL, TUQ or empty
	For      string `toml:"thay_cho"`  // the head's position signed for: KT. CHỦ TỊCH
	Position string `toml:"chuc_vu"`   // the signer's own position
	Name     string `toml:"ho_ten"`
}

// ModeCode is the signing mode as written in the signature block: "KT",
// "Q", "TL", "TUQ" (any case, with or without the dot), "" when the head
// signs.
func (s Signer) ModeCode() string { return strings.ToUpper(strings.TrimSuffix(s.Mode, ".")) }

// Proposal is the Tờ trình.
type Proposal struct {
	Number     *int     `toml:"so"`
	Date       Date     `toml:"ngay"`
	Summary    string   `toml:"trich_yeu"`
	To         []string `toml:"kinh_gui"`
	Bases      []string `toml:"can_cu"`
	Body       []string `toml:"noi_dung"`
	Recipients []string `toml:"noi_nhan"`
	Archive    string   `toml:"luu"`
	Signer     Signer   `toml:"nguoi_ky"`
}

// Council is the Hội đồng Thi đua - Khen thưởng.
type Council struct {
	Name        string   `toml:"ten"`
	HeaderLines []string `toml:"ten_dau_trang"`
	Abbrev      string   `toml:"viet_tat"`
	Total       *int     `toml:"tong_so"`
	Members     []Member `toml:"thanh_vien"`
}

// Member is one council member.
type Member struct {
	Name     string `toml:"ho_ten"`
	Position string `toml:"chuc_vu"`
	Role     string `toml:"vai_tro"`
	Present  *bool  `toml:"co_mat"`
	Absence  string `toml:"ly_do_vang"`
}

// IsPresent reports whether the member attended (the default).
func (m Member) IsPresent() bool { return m.Present == nil || *m.Present }

// Meeting is the council meeting recorded in the Biên bản.
type Meeting struct {
	Number     *int     `toml:"so"`
	Start      Moment   `toml:"bat_dau"`
	End        Moment   `toml:"ket_thuc"`
	Place      string   `toml:"dia_diem"`
	Chair      string   `toml:"chu_tri"`
	Secretary  string   `toml:"thu_ky"`
	Method     string   `toml:"hinh_thuc_bieu_quyet"`
	Body       []string `toml:"noi_dung"`
	Recipients []string `toml:"noi_nhan"`
	Archive    string   `toml:"luu"`
}

// Document is the own data of a document a form set declares
// ([van_ban.<id>]): what every document may carry of its own.
type Document struct {
	Number     *int     `toml:"so"`
	Date       Date     `toml:"ngay"`
	Issuer     *Issuer  `toml:"co_quan"`
	Signer     *Signer  `toml:"nguoi_ky"`
	Summary    string   `toml:"trich_yeu"`
	To         []string `toml:"kinh_gui"`
	Recipients []string `toml:"noi_nhan"`
	Archive    string   `toml:"luu"`
}

// Reports holds what the achievement reports share.
type Reports struct {
	Date Date `toml:"ngay"`
}

// TaxLetter is the công văn asking tax offices to confirm obligations.
type TaxLetter struct {
	Number     *int     `toml:"so"`
	Date       Date     `toml:"ngay"`
	Period     string   `toml:"ky_xac_nhan"`
	Deadline   Date     `toml:"han_tra_loi"`
	Signer     *Signer  `toml:"nguoi_ky"`
	Recipients []string `toml:"noi_nhan"`
	Archive    string   `toml:"luu"`
}

// Nominee is one proposed collective or person (de_nghi).
type Nominee struct {
	Kind  Kind   `toml:"loai"`
	Award string `toml:"hinh_thuc"`

	// Individuals and enterprise owners.
	Name      string   `toml:"ho_ten"`
	Born      Date     `toml:"ngay_sinh"`
	Gender    string   `toml:"gioi_tinh"`
	Ethnicity string   `toml:"dan_toc"`
	Hometown  string   `toml:"que_quan"`
	Residence string   `toml:"tru_quan"`
	Unit      string   `toml:"don_vi"`
	Position  string   `toml:"chuc_vu"`
	Education string   `toml:"trinh_do"`
	Degrees   string   `toml:"hoc_ham"`
	Duties    []string `toml:"nhiem_vu"`
	Company   string   `toml:"doanh_nghiep"`

	// Collectives and enterprises.
	OrgName   string   `toml:"ten"`
	Address   string   `toml:"dia_chi"`
	Phone     string   `toml:"dien_thoai"`
	Email     string   `toml:"email"`
	Head      string   `toml:"thu_truong"`
	Features  []string `toml:"dac_diem"`
	Functions []string `toml:"chuc_nang"`

	// Everyone.
	ParentUnit   string   `toml:"don_vi_cap_tren"`
	ReportDate   Date     `toml:"ngay_bao_cao"`
	Achievements []string `toml:"thanh_tich"`
	Titles       []Honour `toml:"danh_hieu"`
	Awards       []Honour `toml:"khen_thuong"`
	Vote         Vote     `toml:"bieu_quyet"`
	Tax          *Tax     `toml:"thue"`
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
	Year     int    `toml:"nam"`
	Title    string `toml:"ten"`
	Decision string `toml:"quyet_dinh"`
}

// Vote is the council's vote on one nominee.
type Vote struct {
	For     *int `toml:"tan_thanh"`
	Against *int `toml:"khong_tan_thanh"`
}

// Tax is an enterprise's tax data.
type Tax struct {
	Code    string `toml:"ma_so_thue"`
	Address string `toml:"dia_chi"`
	Office  string `toml:"co_quan_thue"`
	Period  string `toml:"ky"`
}
