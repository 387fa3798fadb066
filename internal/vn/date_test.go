package vn

import (
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestPad2(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{
		{0, "00"}, {1, "01"}, {5, "05"}, {9, "09"}, {10, "10"}, {12, "12"},
		{31, "31"}, {100, "100"}, {2026, "2026"}, {-5, "-5"},
	}
	for _, tt := range tests {
		if got := Pad2(tt.in); got != tt.want {
			t.Errorf("Pad2(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestDecreeDayMonth(t *testing.T) {
	// All twelve months, with a one-digit and a two-digit day.
	tests := []struct {
		day, month int
		want       string
	}{
		{5, 1, "ngày 05 tháng 01"},
		{5, 2, "ngày 05 tháng 02"},
		{5, 3, "ngày 05 tháng 3"},
		{5, 4, "ngày 05 tháng 4"},
		{5, 5, "ngày 05 tháng 5"},
		{5, 6, "ngày 05 tháng 6"},
		{5, 7, "ngày 05 tháng 7"},
		{5, 8, "ngày 05 tháng 8"},
		{5, 9, "ngày 05 tháng 9"},
		{5, 10, "ngày 05 tháng 10"},
		{5, 11, "ngày 05 tháng 11"},
		{5, 12, "ngày 05 tháng 12"},
		{1, 1, "ngày 01 tháng 01"},
		{9, 9, "ngày 09 tháng 9"},
		{10, 1, "ngày 10 tháng 01"},
		{15, 2, "ngày 15 tháng 02"},
		{29, 6, "ngày 29 tháng 6"},
		{31, 12, "ngày 31 tháng 12"},
	}
	for _, tt := range tests {
		if got := DecreeDayMonth(tt.day, tt.month); got != tt.want {
			t.Errorf("DecreeDayMonth(%d, %d) = %q, want %q", tt.day, tt.month, got, tt.want)
		}
	}
}

func TestDecreeDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{date(2026, 2, 5), "ngày 05 tháng 02 năm 2026"},
		{date(2019, 6, 29), "ngày 29 tháng 6 năm 2019"},
		{date(2020, 1, 15), "ngày 15 tháng 01 năm 2020"},
		{date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"},
		{date(2024, 3, 1), "ngày 01 tháng 3 năm 2024"},
		{date(2024, 12, 31), "ngày 31 tháng 12 năm 2024"},
		{date(2025, 11, 9), "ngày 09 tháng 11 năm 2025"},
		{date(2025, 9, 2), "ngày 02 tháng 9 năm 2025"},
	}
	for _, tt := range tests {
		if got := DecreeDate(tt.in); got != tt.want {
			t.Errorf("DecreeDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShortDate(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{date(2026, 2, 5), "05/02/2026"},
		{date(2019, 6, 29), "29/06/2019"},
		{date(2024, 12, 31), "31/12/2024"},
		{date(2000, 1, 1), "01/01/2000"},
	}
	for _, tt := range tests {
		if got := ShortDate(tt.in); got != tt.want {
			t.Errorf("ShortDate(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClockTime(t *testing.T) {
	tests := []struct {
		h, m int
		want string
	}{
		{8, 0, "08 giờ 00 phút"},
		{14, 30, "14 giờ 30 phút"},
		{0, 5, "00 giờ 05 phút"},
		{23, 59, "23 giờ 59 phút"},
		{7, 45, "07 giờ 45 phút"},
	}
	for _, tt := range tests {
		in := time.Date(2026, 2, 5, tt.h, tt.m, 17, 0, time.UTC)
		if got := ClockTime(in); got != tt.want {
			t.Errorf("ClockTime(%02d:%02d) = %q, want %q", tt.h, tt.m, got, tt.want)
		}
	}
}

func TestMonthName(t *testing.T) {
	want := []string{"Một", "Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười", "Mười một", "Mười hai"}
	for i, w := range want {
		if got := MonthName(time.Month(i + 1)); got != w {
			t.Errorf("MonthName(%d) = %q, want %q", i+1, got, w)
		}
	}
	if got := MonthName(13); got != "13" {
		t.Errorf("MonthName(13) = %q, want %q", got, "13")
	}
}

func TestDateInWords(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{date(2023, 2, 15), "ngày mười lăm tháng Hai năm hai nghìn không trăm hai mươi ba"},
		{date(2023, 4, 1), "ngày một tháng Tư năm hai nghìn không trăm hai mươi ba"},
		{date(2024, 1, 21), "ngày hai mươi mốt tháng Một năm hai nghìn không trăm hai mươi tư"},
		{date(2025, 12, 24), "ngày hai mươi tư tháng Mười hai năm hai nghìn không trăm hai mươi lăm"},
		{date(2026, 11, 25), "ngày hai mươi lăm tháng Mười một năm hai nghìn không trăm hai mươi sáu"},
		{date(2000, 10, 10), "ngày mười tháng Mười năm hai nghìn"},
		{date(1999, 5, 14), "ngày mười bốn tháng Năm năm một nghìn chín trăm chín mươi chín"},
		{date(2001, 7, 31), "ngày ba mươi mốt tháng Bảy năm hai nghìn không trăm linh một"},
		{date(2010, 9, 2), "ngày hai tháng Chín năm hai nghìn không trăm mười"},
	}
	for _, tt := range tests {
		if got := DateInWords(tt.in); got != tt.want {
			t.Errorf("DateInWords(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
