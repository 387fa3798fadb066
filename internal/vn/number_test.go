package vn

import (
	"math"
	"testing"
)

func TestNumberInWords(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "không"},
		{1, "một"},
		{4, "bốn"},
		{5, "năm"},
		{9, "chín"},
		{10, "mười"},
		{11, "mười một"},
		{14, "mười bốn"},
		{15, "mười lăm"},
		{19, "mười chín"},
		{20, "hai mươi"},
		{21, "hai mươi mốt"},
		{24, "hai mươi tư"},
		{25, "hai mươi lăm"},
		{31, "ba mươi mốt"},
		{55, "năm mươi lăm"},
		{99, "chín mươi chín"},
		{100, "một trăm"},
		{101, "một trăm linh một"},
		{104, "một trăm linh bốn"},
		{105, "một trăm linh năm"},
		{110, "một trăm mười"},
		{111, "một trăm mười một"},
		{115, "một trăm mười lăm"},
		{121, "một trăm hai mươi mốt"},
		{200, "hai trăm"},
		{999, "chín trăm chín mươi chín"},
		{1000, "một nghìn"},
		{1001, "một nghìn không trăm linh một"},
		{1005, "một nghìn không trăm linh năm"},
		{1010, "một nghìn không trăm mười"},
		{1015, "một nghìn không trăm mười lăm"},
		{1100, "một nghìn một trăm"},
		{1999, "một nghìn chín trăm chín mươi chín"},
		{2001, "hai nghìn không trăm linh một"},
		{2023, "hai nghìn không trăm hai mươi ba"},
		{2024, "hai nghìn không trăm hai mươi tư"},
		{10000, "mười nghìn"},
		{15000, "mười lăm nghìn"},
		{21000, "hai mươi mốt nghìn"},
		{100000, "một trăm nghìn"},
		{105000, "một trăm linh năm nghìn"},
		{1000000, "một triệu"},
		{1000005, "một triệu không trăm linh năm"},
		{1005000, "một triệu không trăm linh năm nghìn"},
		{1200000, "một triệu hai trăm nghìn"},
		{1234567, "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"},
		{10000000, "mười triệu"},
		{1000000000, "một tỷ"},
		{1000000005, "một tỷ không trăm linh năm"},
		{1005000000, "một tỷ không trăm linh năm triệu"},
		{2500000000, "hai tỷ năm trăm triệu"},
		{1000000000000, "một nghìn tỷ"},
		{1001000000000, "một nghìn không trăm linh một tỷ"},
		{1000000000001, "một nghìn tỷ không trăm linh một"},
		{1000000000000000, "một triệu tỷ"},
		{1000000000000000000, "một tỷ tỷ"},
		{-5, "âm năm"},
		{-1200000, "âm một triệu hai trăm nghìn"},
		{math.MaxInt64, "chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " +
			"tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh bảy"},
		{math.MinInt64, "âm chín tỷ hai trăm hai mươi ba triệu ba trăm bảy mươi hai nghìn không trăm ba mươi sáu tỷ " +
			"tám trăm năm mươi tư triệu bảy trăm bảy mươi lăm nghìn tám trăm linh tám"},
	}
	for _, tt := range tests {
		if got := NumberInWords(tt.in); got != tt.want {
			t.Errorf("NumberInWords(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRoman(t *testing.T) {
	first20 := []string{
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
		"XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
	}
	for i, want := range first20 {
		if got := Roman(i + 1); got != want {
			t.Errorf("Roman(%d) = %q, want %q", i+1, got, want)
		}
	}
	tests := []struct {
		in   int
		want string
	}{
		{40, "XL"}, {44, "XLIV"}, {49, "XLIX"}, {90, "XC"}, {400, "CD"},
		{1999, "MCMXCIX"}, {2024, "MMXXIV"}, {3999, "MMMCMXCIX"},
		{0, "0"}, {-3, "-3"}, {4000, "4000"},
	}
	for _, tt := range tests {
		if got := Roman(tt.in); got != tt.want {
			t.Errorf("Roman(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPointLetter(t *testing.T) {
	want := []string{
		"a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
		"n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
		"aa", "bb",
	}
	for i, w := range want {
		if got := PointLetter(i + 1); got != w {
			t.Errorf("PointLetter(%d) = %q, want %q", i+1, got, w)
		}
	}
	tests := []struct {
		in   int
		want string
	}{
		{0, ""}, {-1, ""}, {28, "đđ"}, {46, "yy"}, {47, "aaa"},
	}
	for _, tt := range tests {
		if got := PointLetter(tt.in); got != tt.want {
			t.Errorf("PointLetter(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	tests := []struct {
		num, den int
		want     string
	}{
		{9, 9, "100%"},
		{10, 11, "90,91%"}, // 90,909… rounds up
		{8, 9, "88,89%"},
		{2, 3, "66,67%"},
		{1, 3, "33,33%"},
		{5, 6, "83,33%"},
		{1, 6, "16,67%"},
		{1, 2, "50%"},
		{0, 7, "0%"},
		{1, 8, "12,50%"},  // not whole: two decimals
		{1, 16, "6,25%"},  // exact in hundredths
		{1, 32, "3,13%"},  // 3,125 rounds half up
		{1, 200, "0,50%"}, // 0,5 exactly
		{1, 20001, "0,00%"},
		{3, 2, "150%"},
		{25, 2, "1.250%"},
		{-1, 3, "-33,33%"},
		{-1, 30000, "0,00%"},
		{1, 0, ""},
		{1, -2, ""},
		{math.MaxInt32, 1, "214.748.364.700%"},
		{math.MinInt32, 7, "-30.678.337.828,57%"},
		{math.MaxInt32, math.MaxInt32 - 1, "100,00%"}, // not exactly 100: two decimals
	}
	for _, tt := range tests {
		if got := Percent(tt.num, tt.den); got != tt.want {
			t.Errorf("Percent(%d, %d) = %q, want %q", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestMoney(t *testing.T) {
	tests := []struct {
		in   int64
		want string
	}{
		{0, "0"}, {999, "999"}, {1000, "1.000"}, {447305000000, "447.305.000.000"},
		{-1200000, "-1.200.000"}, {math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tt := range tests {
		if got := Money(tt.in); got != tt.want {
			t.Errorf("Money(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
