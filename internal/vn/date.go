package vn

import (
	"fmt"
	"strconv"
	"time"
)

// Pad2 formats n with at least two digits: 5 -> "05", 12 -> "12",
// 0 -> "00". Negative numbers are formatted like fmt's "%02d" ("-5").
func Pad2(n int) string {
	return fmt.Sprintf("%02d", n)
}

// DecreeDayMonth formats the day and month part of a date by NĐ 30/2020
// (Phụ lục I): days below 10 and months 1 and 2 get a leading zero, months
// 3 to 12 do not. (5, 2) -> "ngày 05 tháng 02", (29, 6) -> "ngày 29 tháng 6".
func DecreeDayMonth(day, month int) string {
	d := strconv.Itoa(day)
	if day >= 0 && day < 10 {
		d = Pad2(day)
	}
	m := strconv.Itoa(month)
	if month == 1 || month == 2 {
		m = Pad2(month)
	}
	return "ngày " + d + " tháng " + m
}

// DecreeDate formats t as required by NĐ 30/2020 for the place-and-date
// line of a document: "ngày 05 tháng 02 năm 2026", "ngày 29 tháng 6 năm
// 2019". See DecreeDayMonth for the zero-padding rule.
func DecreeDate(t time.Time) string {
	return DecreeDayMonth(t.Day(), int(t.Month())) + " năm " + strconv.Itoa(t.Year())
}

// ShortDate formats t as dd/mm/yyyy ("05/02/2026").
func ShortDate(t time.Time) string {
	return t.Format("02/01/2006")
}

// ClockTime formats the time of day of t as used in minutes of meetings:
// "08 giờ 00 phút", "14 giờ 30 phút" (24-hour clock).
func ClockTime(t time.Time) string {
	return Pad2(t.Hour()) + " giờ " + Pad2(t.Minute()) + " phút"
}

// monthNames are the capitalised Vietnamese month names, index 0 = January.
var monthNames = [12]string{
	"Một", "Hai", "Ba", "Tư", "Năm", "Sáu",
	"Bảy", "Tám", "Chín", "Mười", "Mười một", "Mười hai",
}

// MonthName returns the capitalised Vietnamese name of month m as used in
// spelled dates ("Một", "Tư", "Mười hai"); out-of-range months return the
// decimal number.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return strconv.Itoa(int(m))
	}
	return monthNames[m-1]
}

// DateInWords spells a date in words: 15/02/2023 -> "ngày mười lăm tháng
// Hai năm hai nghìn không trăm hai mươi ba". Days use plain numbers
// ("ngày một", "ngày hai mươi mốt"); month names are capitalised.
func DateInWords(t time.Time) string {
	return "ngày " + NumberInWords(int64(t.Day())) +
		" tháng " + MonthName(t.Month()) +
		" năm " + NumberInWords(int64(t.Year()))
}
