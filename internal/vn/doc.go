// Package vn is the single home of the Vietnamese text rules used by hoso.
//
// Every other package that needs to normalise, case, fold, spell or
// format Vietnamese text must go through this package rather than
// re-implementing the rules locally. It covers:
//
//   - Unicode hygiene: NFC normalisation, trimming of invisible white space,
//     locale-correct upper and lower casing, ASCII folding and file-name slugs.
//   - Date and time formats required by Nghị định 30/2020/NĐ-CP (Phụ lục I),
//     e.g. "ngày 05 tháng 02 năm 2026", plus short dates and clock times.
//   - Numbers: official spelling in words ("một trăm linh năm",
//     "hai mươi mốt"), Roman numerals, point letters (a, b, c, d, đ, ...)
//     percentages with a decimal comma and money with dot thousands.
//   - Validation of Vietnamese tax codes (mã số thuế).
//   - Recognition of text typed in the legacy 8-bit encodings TCVN3 (ABC,
//     .VnTime) and VNI and pasted as Latin-1 look-alikes, its conversion,
//     and a guess at the encoding of a file that is not UTF-8.
//
// All functions are safe for concurrent use and return NFC text.
// The package depends only on the standard library and golang.org/x/text.
package vn
