package submission

import (
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/vn"
	"golang.org/x/text/unicode/runenames"
)

// Limit bounds one field of the model by what a real document carries, so
// that a pasted register or a hostile file is refused with the field named
// instead of giving a Tờ trình of five thousand pages.
type Limit struct {
	Items  int  // most elements of a list; 0 for a field that is not a list
	Chars  int  // most characters of one text (of each text of a list)
	Breaks int  // most line breaks in one text
	Latin  bool // a name: its letters must be Latin ones, as Vietnamese is written

	Min, Max int64  // range of a number
	Key      string // message key of a number out of range
	What     string // what the number is, in the message
}

// The most people a list may hold: nominees of one Tờ trình (tens in
// practice; thousands are a whole register pasted), members of a council
// (ten or twenty in practice).
const (
	MaxNominees = 5000
	MaxCouncil  = 100
)

// Plausible dates. A date far from today or from the Tờ trình is a typo
// (9999, 2062 for 2026) or a file copied from another year, and would be
// printed as it is.
const (
	FirstYear      = 1945 // no award year before the first commendations of the Democratic Republic
	MaxAhead       = 1    // years after today a Tờ trình may be dated
	MaxSpread      = 1    // years between the Tờ trình and the meeting, the reports, the tax letter
	MaxMeetingDays = 3    // days a council meeting may last
	MinAge         = 6    // youngest age of a person proposed, at the date of the Tờ trình (pupils are rewarded too)
	MaxAge         = 100  // oldest age
)

// Kinds of text, by the longest real one and its lines. A person's name is
// at most about fifty characters; an agency, a company or a unit a line or
// two of a header; a căn cứ or a decision two or three lines of a page; a
// paragraph of achievements a few thousand characters with a few line
// breaks. Only paragraphs may break lines.
var (
	personName = Limit{Chars: 100, Latin: true}
	orgName    = Limit{Chars: 300, Latin: true}
	code       = Limit{Chars: 50}
	line       = Limit{Chars: 300}
	longLine   = Limit{Chars: 1000}
	paragraph  = Limit{Chars: 5000, Breaks: 30}
)

// list is the limit of a list of at most n elements, each within text (a
// zero text for a list of tables).
func list(n int, text Limit) Limit {
	text.Items = n
	return text
}

// number is the limit of an integer between lo and hi.
func number(lo, hi int64, key, what string) Limit {
	return Limit{Min: lo, Max: hi, Key: key, What: what}
}

var (
	docNumber = number(1, 99999, KeyNumber, "số văn bản")
	votes     = number(0, MaxCouncil, KeyVote, "số phiếu")
	year      = number(FirstYear, 9999, KeyDate, "năm")
	// Money in đồng: the largest Vietnamese groups count their capital and
	// revenue in hundreds of thousands of billions (10^14); a profit may be
	// a loss.
	money       = number(0, MaxMoney, KeyNumber, "số tiền (đồng)")
	signedMoney = number(-MaxMoney, MaxMoney, KeyNumber, "số tiền (đồng)")
	workers     = number(0, 1_000_000, KeyNumber, "số lao động")
)

// MaxMoney bounds an amount of money in đồng (10^17: a thousand times the
// largest group's revenue).
const MaxMoney = 100_000_000_000_000_000

// Limits is the one table of limits: every text, list and number of the
// model, by its field path without indices. TestEveryFieldHasALimit keeps
// it complete; the README lists it (TestReadmeListsTheLimits).
var Limits = withIssuerAndSigner(map[string]Limit{
	"bo_mau": code,

	"co_quan.cap_tren":         orgName,
	"co_quan.ten":              orgName,
	"co_quan.ten_dau_trang":    list(4, orgName),
	"co_quan.viet_tat":         code,
	"co_quan.dia_danh":         orgName,
	"co_quan.tinh":             orgName,
	"co_quan.don_vi_soan_thao": code,
	"co_quan.xa":               orgName,
	"co_quan.huyen":            orgName,

	"phong_trao.ten":       longLine,
	"phong_trao.giai_doan": code,
	"phong_trao.ke_hoach":  longLine,

	"to_trinh.so":                 docNumber,
	"to_trinh.trich_yeu":          longLine,
	"to_trinh.kinh_gui":           list(10, line),
	"to_trinh.kinh_gui_qua":       line,
	"to_trinh.rieng":              list(20, Limit{}),
	"to_trinh.rieng.hinh_thuc":    line,
	"to_trinh.rieng.so":           docNumber,
	"to_trinh.rieng.trich_yeu":    longLine,
	"to_trinh.rieng.kinh_gui":     list(10, line),
	"to_trinh.rieng.noi_nhan":     list(20, line),
	"to_trinh.rieng.kinh_gui_qua": line,
	"to_trinh.rieng.luu":          line,
	"to_trinh.can_cu":             list(30, longLine),
	"to_trinh.noi_dung":           list(50, paragraph),
	"to_trinh.noi_nhan":           list(20, line),
	"to_trinh.luu":                line,
	"to_trinh.nguoi_ky.thay_mat":  line,
	"to_trinh.nguoi_ky.hinh_thuc": code,
	"to_trinh.nguoi_ky.thay_cho":  line,
	"to_trinh.nguoi_ky.chuc_vu":   line,
	"to_trinh.nguoi_ky.ho_ten":    personName,

	"hoi_dong.ten":                   orgName,
	"hoi_dong.ten_dau_trang":         list(4, orgName),
	"hoi_dong.viet_tat":              code,
	"hoi_dong.tong_so":               number(1, MaxCouncil, KeyAttendance, "tổng số thành viên"),
	"hoi_dong.thanh_vien":            list(MaxCouncil, Limit{}),
	"hoi_dong.thanh_vien.ho_ten":     personName,
	"hoi_dong.thanh_vien.chuc_vu":    line,
	"hoi_dong.thanh_vien.vai_tro":    line,
	"hoi_dong.thanh_vien.ly_do_vang": line,

	"bien_ban.so":                                          docNumber,
	"bien_ban.dia_diem":                                    line,
	"bien_ban.chu_tri":                                     personName,
	"bien_ban.thu_ky":                                      personName,
	"bien_ban.hinh_thuc_bieu_quyet":                        line,
	"bien_ban.muc_dich":                                    longLine,
	"bien_ban.khach_moi":                                   list(30, line),
	"bien_ban.kiem_phieu.phat_ra":                          votes,
	"bien_ban.kiem_phieu.thu_ve":                           votes,
	"bien_ban.kiem_phieu.hop_le":                           votes,
	"bien_ban.kiem_phieu.to_kiem_phieu":                    list(10, line),
	"bien_ban.xet_them":                                    list(1000, Limit{}),
	"bien_ban.xet_them.loai":                               code,
	"bien_ban.xet_them.ten":                                orgName,
	"bien_ban.xet_them.hinh_thuc":                          line,
	"bien_ban.xet_them.bieu_quyet.tan_thanh":               votes,
	"bien_ban.xet_them.bieu_quyet.khong_tan_thanh":         votes,
	"bien_ban.xet_them.bieu_quyet.van_ban_tan_thanh":       votes,
	"bien_ban.xet_them.bieu_quyet.van_ban_khong_tan_thanh": votes,
	"bien_ban.noi_dung":                                    list(50, paragraph),
	"bien_ban.noi_nhan":                                    list(20, line),
	"bien_ban.luu":                                         line,

	"bao_cao.tu_nam":  year,
	"bao_cao.den_nam": year,

	"de_nghi":                                    list(MaxNominees, Limit{}),
	"de_nghi.loai":                               code,
	"de_nghi.hinh_thuc":                          line,
	"de_nghi.ho_ten":                             personName,
	"de_nghi.gioi_tinh":                          code,
	"de_nghi.dan_toc":                            code,
	"de_nghi.que_quan":                           line,
	"de_nghi.tru_quan":                           line,
	"de_nghi.don_vi":                             orgName,
	"de_nghi.chuc_vu":                            line,
	"de_nghi.trinh_do":                           line,
	"de_nghi.hoc_ham":                            line,
	"de_nghi.nhiem_vu":                           list(30, paragraph),
	"de_nghi.doanh_nghiep":                       orgName,
	"de_nghi.ten_nuoc_ngoai":                     orgName,
	"de_nghi.so_dang_ky":                         longLine,
	"de_nghi.tai_chinh.von_co_dinh":              money,
	"de_nghi.tai_chinh.von_luu_dong":             money,
	"de_nghi.tai_chinh.nguon_von":                longLine,
	"de_nghi.so_lieu":                            list(20, Limit{}),
	"de_nghi.so_lieu.nam":                        year,
	"de_nghi.so_lieu.doanh_thu":                  money,
	"de_nghi.so_lieu.loi_nhuan":                  signedMoney,
	"de_nghi.so_lieu.nop_ngan_sach":              money,
	"de_nghi.so_lieu.so_lao_dong":                workers,
	"de_nghi.so_lieu.thu_nhap_binh_quan":         money,
	"de_nghi.ten":                                orgName,
	"de_nghi.dia_chi":                            line,
	"de_nghi.dien_thoai":                         code,
	"de_nghi.email":                              code,
	"de_nghi.thu_truong":                         personName,
	"de_nghi.dac_diem":                           list(30, paragraph),
	"de_nghi.chuc_nang":                          list(30, paragraph),
	"de_nghi.don_vi_cap_tren":                    orgName,
	"de_nghi.giai_doan":                          code,
	"de_nghi.thanh_tich":                         list(100, paragraph),
	"de_nghi.danh_hieu":                          list(50, Limit{}),
	"de_nghi.danh_hieu.nam":                      line,
	"de_nghi.danh_hieu.ten":                      line,
	"de_nghi.danh_hieu.quyet_dinh":               longLine,
	"de_nghi.danh_hieu.quyet_dinh.so":            code,
	"de_nghi.danh_hieu.quyet_dinh.co_quan":       orgName,
	"de_nghi.khen_thuong":                        list(50, Limit{}),
	"de_nghi.khen_thuong.nam":                    line,
	"de_nghi.khen_thuong.ten":                    line,
	"de_nghi.khen_thuong.quyet_dinh":             longLine,
	"de_nghi.khen_thuong.quyet_dinh.so":          code,
	"de_nghi.khen_thuong.quyet_dinh.co_quan":     orgName,
	"de_nghi.bieu_quyet.tan_thanh":               votes,
	"de_nghi.bieu_quyet.khong_tan_thanh":         votes,
	"de_nghi.bieu_quyet.van_ban_tan_thanh":       votes,
	"de_nghi.bieu_quyet.van_ban_khong_tan_thanh": votes,
	"de_nghi.thue.ma_so_thue":                    code,
	"de_nghi.thue.dia_chi":                       line,
	"de_nghi.thue.co_quan_thue":                  orgName,
	"de_nghi.thue.ky":                            line,
	"de_nghi.bhxh.co_quan":                       orgName,
})

// indexRe matches the indices of a field path.
var indexRe = regexp.MustCompile(`\[\d+\]`)

// withIssuerAndSigner adds to limits the fields of the issuers and signers
// every document's table may hold, as [co_quan] and [to_trinh.nguoi_ky]
// are bounded, and those of both tables of confirmation letters.
func withIssuerAndSigner(limits map[string]Limit) map[string]Limit {
	copyFields := func(to, from string, fields ...string) {
		for _, f := range fields {
			limits[to+"."+f] = limits[from+"."+f]
		}
	}
	issuer := []string{"cap_tren", "ten", "ten_dau_trang", "viet_tat", "dia_danh", "don_vi_soan_thao"}
	signer := []string{"thay_mat", "hinh_thuc", "thay_cho", "chuc_vu", "ho_ten"}
	for _, doc := range []string{"van_ban.*", "to_trinh", "to_trinh.rieng", "xac_nhan_thue", "xac_nhan_bhxh"} {
		copyFields(doc+".co_quan", "co_quan", issuer...)
	}
	for _, doc := range []string{"van_ban.*", "to_trinh.rieng", "xac_nhan_thue", "xac_nhan_bhxh"} {
		copyFields(doc+".nguoi_ky", "to_trinh.nguoi_ky", signer...)
	}
	for _, letters := range []string{"xac_nhan_thue", "xac_nhan_bhxh"} {
		limits[letters+".ky_xac_nhan"] = line
		copyFields(letters, "to_trinh", "so", "noi_nhan", "luu")
	}
	copyFields("van_ban.*", "to_trinh", "so", "trich_yeu", "kinh_gui", "noi_nhan", "luu")
	return limits
}

// documentKeyRe is the key of a declared document's table, which Limits
// writes as "*": van_ban.giay-moi.so is van_ban.*.so.
var documentKeyRe = regexp.MustCompile(`^van_ban\.[^.]+`)

// limitOf returns the limit of the field at path (with indices).
func limitOf(path string) (Limit, bool) {
	l, ok := Limits[documentKeyRe.ReplaceAllString(indexRe.ReplaceAllString(path, ""), "van_ban.*")]
	return l, ok
}

// limits checks every text, list and number of the submission against its
// limit in Limits, and every text for words mixing look-alike scripts. A
// list over its limit is reported once, its elements not checked.
func (v *validator) limits(s *Submission) {
	eachField(reflect.ValueOf(s).Elem(), "", func(path string, f reflect.Value) bool {
		l, ok := limitOf(path)
		switch {
		case f.Kind() == reflect.Slice:
			if ok && l.Items > 0 && f.Len() > l.Items {
				v.add(path, KeyTooMany, fmt.Sprintf("danh sách có %d mục, quá giới hạn %d mục", f.Len(), l.Items),
					"Một hồ sơ thật không cần nhiều như vậy; kiểm tra xem có dán nhầm cả một danh sách hay một tệp không, "+
						"hoặc tách thành nhiều tệp hồ sơ.")
				return false
			}
		case f.Kind() == reflect.String:
			v.text(path, f.String(), l)
		case f.CanInt():
			if n := f.Int(); ok && (n < l.Min || n > l.Max) {
				v.addValue(path, l.Key, fmt.Sprintf("%s %d nằm ngoài khoảng hợp lý: từ %d đến %d", l.What, n, l.Min, l.Max), "")
			}
		}
		return true
	})
}

// text checks one text against its limit, reporting the first problem.
func (v *validator) text(path, s string, l Limit) {
	if s == "" {
		return
	}
	n := utf8.RuneCountInString(s)
	breaks := strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
	switch {
	case n > l.Chars:
		v.addValue(path, tomlin.KeyTooLong, fmt.Sprintf("dài %d ký tự, quá giới hạn %d ký tự của trường này", n, l.Chars),
			"Kiểm tra xem có dán nhầm cả một đoạn hay một tệp không; văn bản dài thì tách thành nhiều đoạn (danh sách [\"đoạn 1\", \"đoạn 2\"]) nếu trường này là danh sách.")
	case breaks > l.Breaks && l.Breaks == 0:
		v.addValue(path, KeyLines, "có dấu xuống dòng; trường này chỉ viết trên một dòng",
			"Hãy viết liền trên một dòng (bỏ \\n hoặc chỗ xuống dòng trong chuỗi \"\"\"...\"\"\").")
	case breaks > l.Breaks:
		v.addValue(path, KeyLines, fmt.Sprintf("có %d lần xuống dòng, quá giới hạn %d của một đoạn", breaks, l.Breaks),
			"Hãy tách thành nhiều đoạn: danh sách [\"đoạn 1\", \"đoạn 2\"]; kiểm tra xem có dán nhầm nhiều dòng trống không.")
	default:
		if w, a, b, mixed := vn.MixedWord(s); mixed {
			v.addValue(path, KeyMixedScript, fmt.Sprintf("từ %q trộn chữ %q (%s) với chữ %q (%s) trông giống nhau", w, string(a), vn.ScriptName(a), string(b), vn.ScriptName(b)),
				"Chữ lẫn vào khi sao chép trông giống chữ Việt nhưng không phải: tìm kiếm, sắp xếp và kiểm tra trùng đều sai. Hãy xóa từ đó rồi gõ lại.")
		} else if r, foreign := vn.NonLatin(s); foreign && l.Latin {
			v.addValue(path, KeyName, fmt.Sprintf("tên phải viết bằng chữ Việt (chữ cái Latinh), nhưng có chữ %q (U+%04X, %s)", string(r), r, vn.ScriptName(r)),
				"Văn bản hành chính ghi tên bằng chữ Việt; tên nước ngoài ghi theo phiên âm hoặc chữ Latinh. "+
					"Nếu chữ này lẫn vào khi sao chép (trông giống chữ Latinh), hãy xóa rồi gõ lại.")
		} else if r, odd := vn.OddLetter(s); odd && l.Latin && !isLegacy(s) {
			v.addValue(path, KeyName, fmt.Sprintf("tên có chữ %q (U+%04X, %s) trông giống chữ thường dùng nhưng không phải", string(r), r, runenames.Name(r)),
				"Chữ toàn khổ (Ｄ), chữ hoa nhỏ (ᴅ) hay chữ ghép lẫn vào khi sao chép: tìm kiếm và kiểm tra trùng tên đều sai. Hãy xóa chữ đó rồi gõ lại bằng bộ gõ tiếng Việt.")
		}
	}
}

// isLegacy reports whether s looks typed in a legacy encoding, which
// legacyText reports with what it says once converted.
func isLegacy(s string) bool {
	_, ok := vn.LegacyEncoding(s)
	return ok
}

// eachField calls fn with the path and value of every string, number and
// list of tables or texts under the struct v, following the toml tags as
// the decoder does; a list's elements are visited when fn returns true for
// the list. Nil pointers are skipped.
func eachField(v reflect.Value, path string, fn func(path string, v reflect.Value) bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			eachField(v.Elem(), path, fn)
		}
	case reflect.String, reflect.Int, reflect.Int64:
		fn(path, v)
	case reflect.Slice:
		if fn(path, v) {
			for i := 0; i < v.Len(); i++ {
				eachField(v.Index(i), tomlin.PathIndex(path, i+1), fn)
			}
		}
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		for _, k := range keys {
			eachField(v.MapIndex(k), tomlin.PathKey(path, k.String()), fn)
		}
	case reflect.Struct:
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			switch {
			case f.Anonymous && name == "":
				eachField(v.Field(i), path, fn) // an embedded struct's keys are its parent's
			case name != "" && name != "-" && f.IsExported():
				eachField(v.Field(i), tomlin.PathKey(path, name), fn)
			}
		}
	}
}
