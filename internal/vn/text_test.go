package vn

import (
	"strings"
	"testing"
)

func TestNFC(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nguyê\u0303n", "Nguyễn"},
		{"Nguye\u0302\u0303n", "Nguyễn"},
		{"Nguyễn", "Nguyễn"},
		{"ho\u0300a", "hòa"},
		{"hoa\u0300", "hoà"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := NFC(tt.in); got != tt.want {
			t.Errorf("NFC(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
	if got := NFC("Nguyê\u0303n"); len(got) != len("Nguyễn") || strings.ContainsRune(got, '\u0303') {
		t.Errorf("NFC left combining mark in %+q", got)
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Nguyễn Văn An  ", "Nguyễn Văn An"},
		{"\u00a0Hòa\u00a0", "Hòa"},
		{"\u200bHòa\u200b", "Hòa"},
		{"\ufeffHòa", "Hòa"},
		{"\t\n Tân Sơn Hòa \r\n", "Tân Sơn Hòa"},
		{"\u200b \u00a0\ufeff", ""},
		{"Nguyê\u0303n ", "Nguyễn"},
		{"a\u00a0b", "a\u00a0b"}, // inner white space is kept
		{"", ""},
		// what the TOML decoder stores (it cleans every string)
		{"  a  ", "a"},
		{"\u200b\ufeff\u00a0a b\t\n", "a b"},
		{"Vie\u0323\u0302t", "Việt"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("Clean(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestUpperLower(t *testing.T) {
	upper := []struct{ in, want string }{
		{"ủy ban nhân dân phường tân sơn hòa", "ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA"},
		{"hoà", "HOÀ"},
		{"hòa", "HÒA"},
		{"đặng thị ửng", "ĐẶNG THỊ ỬNG"},
		{"nguyê\u0303n", "NGUYỄN"},
		{"ho\u0300a", "HÒA"},
		{"cộng hòa xã hội chủ nghĩa việt nam", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"},
		{"độc lập - tự do - hạnh phúc", "ĐỘC LẬP - TỰ DO - HẠNH PHÚC"},
		{"ỹ ỷ ỵ ữ ợ ẫ ắ", "Ỹ Ỷ Ỵ Ữ Ợ Ẫ Ắ"},
	}
	for _, tt := range upper {
		if got := Upper(tt.in); got != tt.want {
			t.Errorf("Upper(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
	lower := []struct{ in, want string }{
		{"ỦY BAN NHÂN DÂN PHƯỜNG TÂN SƠN HÒA", "ủy ban nhân dân phường tân sơn hòa"},
		{"HOÀ", "hoà"},
		{"ĐẶNG THỊ ỬNG", "đặng thị ửng"},
		{"NGUYÊ\u0303N", "nguyễn"},
		{"Ỹ Ỷ Ỵ Ữ Ợ Ẫ Ắ", "ỹ ỷ ỵ ữ ợ ẫ ắ"},
	}
	for _, tt := range lower {
		if got := Lower(tt.in); got != tt.want {
			t.Errorf("Lower(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestASCII(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đặng Thị Ửng", "Dang Thi Ung"},
		{"Nguyê\u0303n", "Nguyen"},
		{"ĐẶNG", "DANG"},
		{"đường", "duong"},
		{"Ủy ban nhân dân phường Tân Sơn Hòa", "Uy ban nhan dan phuong Tan Son Hoa"},
		{"hoà hòa", "hoa hoa"},
		{"ăâêôơư ĂÂÊÔƠƯ", "aaeoou AAEOOU"},
		{"Số 12/2024/QĐ-UBND", "So 12/2024/QD-UBND"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := ASCII(tt.in); got != tt.want {
			t.Errorf("ASCII(%+q) = %+q, want %+q", tt.in, got, tt.want)
		}
	}
}

func TestSlug(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 0, "uy-ban-nhan-dan-phuong-tan-son-hoa"},
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 100, "uy-ban-nhan-dan-phuong-tan-son-hoa"},
		{"ĐẶNG", 0, "dang"},
		{"Nguyê\u0303n Văn An", 0, "nguyen-van-an"},
		{"  --Đặng  Thị__Ửng!! ", 0, "dang-thi-ung"},
		{"Số 12/2024/QĐ-UBND", 0, "so-12-2024-qd-ubnd"},
		{"../../etc/passwd", 0, "etc-passwd"},
		{`C:\Windows\..\x`, 0, "c-windows-x"},
		{"!!!", 0, ""},
		{"", 10, ""},
		{"\u00a0\u200b", 0, ""},
		// Cutting at a "-" boundary.
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 10, "uy-ban"},      // "uy-ban-nha" -> "uy-ban"
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 6, "uy-ban"},       // next byte is "-"
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 7, "uy-ban"},       // would end in "-"
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 14, "uy-ban-nhan"}, // "uy-ban-nhan-da"
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 33, "uy-ban-nhan-dan-phuong-tan-son"},
		{"Ủy ban nhân dân phường Tân Sơn Hòa", 34, "uy-ban-nhan-dan-phuong-tan-son-hoa"},
		// No boundary available: hard cut.
		{"abcdefghij", 4, "abcd"},
		{"Nghị quyết", 3, "ngh"},
		{"uy-ban", 1, "u"},
	}
	for _, tt := range tests {
		got := Slug(tt.in, tt.max)
		if got != tt.want {
			t.Errorf("Slug(%+q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
		if tt.max > 0 && len(got) > tt.max {
			t.Errorf("Slug(%+q, %d) = %q is longer than max", tt.in, tt.max, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Errorf("Slug(%+q) = %q contains %q", tt.in, got, r)
			}
		}
		if strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Errorf("Slug(%+q) = %q has a stray dash", tt.in, got)
		}
	}
}
