package vn

import "testing"

func TestTaxCode(t *testing.T) {
	tests := []struct {
		in     string
		ok     bool
		reason string
	}{
		// Known real codes.
		{"0100109106", true, ""}, // Viettel: Σ=114, 114 mod 11=4, 10-4=6
		{"0300588569", true, ""}, // Vinamilk: Σ=375, 375 mod 11=1, 10-1=9
		{"0100109106-001", true, ""},
		{"0300588569-012", true, ""},
		{" 0300588569\u00a0", true, ""},
		// Hand-computed: Σ=29 -> 10-7=3; Σ=21 -> 10-10=0.
		{"0100000003", true, ""},
		{"0000000070", true, ""},
		// Check digit errors.
		{"0100109107", false, TaxCodeReasonCheckDigit},
		{"0300588560", false, TaxCodeReasonCheckDigit},
		{"0100109105-001", false, TaxCodeReasonCheckDigit},
		{"0000000000", false, TaxCodeReasonCheckDigit}, // Σ mod 11 = 0 -> no valid digit
		// Format errors.
		{"", false, TaxCodeReasonFormat},
		{"010010910", false, TaxCodeReasonFormat},
		{"01001091066", false, TaxCodeReasonFormat},
		{"010010910a", false, TaxCodeReasonFormat},
		{"0100109106-01", false, TaxCodeReasonFormat},
		{"0100109106-0001", false, TaxCodeReasonFormat},
		{"0100109106_001", false, TaxCodeReasonFormat},
		{"0100109106 001", false, TaxCodeReasonFormat},
		{"0100109106-00a", false, TaxCodeReasonFormat},
		{"０１００１０９１０６", false, TaxCodeReasonFormat}, // full-width digits
		{"01001 09106", false, TaxCodeReasonFormat},
	}
	for _, tt := range tests {
		ok, reason := TaxCode(tt.in)
		if ok != tt.ok || reason != tt.reason {
			t.Errorf("TaxCode(%+q) = (%v, %q), want (%v, %q)", tt.in, ok, reason, tt.ok, tt.reason)
		}
	}
	if TaxCodeReasonFormat != "phải gồm 10 chữ số, hoặc 10 chữ số - 3 chữ số (chi nhánh)" {
		t.Errorf("TaxCodeReasonFormat = %q", TaxCodeReasonFormat)
	}
	if TaxCodeReasonCheckDigit != "chữ số kiểm tra không đúng" {
		t.Errorf("TaxCodeReasonCheckDigit = %q", TaxCodeReasonCheckDigit)
	}
}
