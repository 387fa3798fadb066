package vn

// Reasons returned by TaxCode when a code is rejected.
const (
	// TaxCodeReasonFormat explains a malformed tax code.
	TaxCodeReasonFormat = "phải gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số (chi nhánh)"
	// TaxCodeReasonCheckDigit explains a tax code whose check digit fails.
	TaxCodeReasonCheckDigit = "chữ số kiểm tra không đúng"
)

// taxWeights are the weights of digits 1..9 of a tax code.
var taxWeights = [9]int{31, 29, 23, 19, 17, 13, 7, 5, 3}

// TaxCode reports whether s is a valid Vietnamese tax code (mã số thuế):
// 10 ASCII digits ("0301234567") or, for a branch (chi nhánh), 10 digits,
// "-" and 3 digits ("0301234567-001"). Surrounding white space is ignored
// (see Clean). The 10th digit must equal 10 - (Σ wᵢ·dᵢ mod 11) with weights
// 31, 29, 23, 19, 17, 13, 7, 5, 3 over digits 1..9. When ok is false,
// reason is a short Vietnamese explanation (TaxCodeReasonFormat or
// TaxCodeReasonCheckDigit).
func TaxCode(s string) (ok bool, reason string) {
	s = Clean(s)
	switch {
	case len(s) == 10 && allDigits(s):
	case len(s) == 14 && allDigits(s[:10]) && s[10] == '-' && allDigits(s[11:]):
	default:
		return false, TaxCodeReasonFormat
	}
	sum := 0
	for i, w := range taxWeights {
		sum += w * int(s[i]-'0')
	}
	if 10-sum%11 != int(s[9]-'0') {
		return false, TaxCodeReasonCheckDigit
	}
	return true, ""
}

// allDigits reports whether s is non-empty and made only of ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
