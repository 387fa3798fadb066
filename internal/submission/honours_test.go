package submission

import (
	"testing"
	"time"
)

func TestYearTextSpan(t *testing.T) {
	for _, c := range []struct {
		text string
		span int
	}{
		{"2025", 1}, {"2021 - 2025", 5}, {"Năm học 2022 - 2023", 1}, {"năm học 2020 - 2023", 3},
		{"các năm 2023, 2024, 2025", 3}, {"năm ngoái", 0}, {"22 - 23", 0}, {"", 0},
	} {
		if got := YearText(c.text).Span(); got != c.span {
			t.Errorf("%q: span %d, want %d", c.text, got, c.span)
		}
	}
}

func TestDecisionString(t *testing.T) {
	for _, c := range []struct {
		d    Decision
		want string
	}{
		{Decision{DecisionText: "Quyết định số 12/QĐ-UBND ngày 20/12/2024"}, "Quyết định số 12/QĐ-UBND ngày 20/12/2024"},
		{Decision{Number: "07/QĐ-UBND", Date: Date{time.Date(2022, 1, 5, 0, 0, 0, 0, Vietnam)}, Issuer: "Ủy ban nhân dân quận Tân Bình"},
			"Quyết định số 07/QĐ-UBND ngày 05 tháng 01 năm 2022 của Ủy ban nhân dân quận Tân Bình"},
		{Decision{Number: "318/QĐ-UBND", Date: Date{time.Date(2025, 12, 22, 0, 0, 0, 0, Vietnam)}, Issuer: "Chủ tịch Ủy ban nhân dân phường"},
			"Quyết định số 318/QĐ-UBND ngày 22 tháng 12 năm 2025 của Chủ tịch Ủy ban nhân dân phường"},
		{Decision{}, ""},
	} {
		if got := c.d.String(); got != c.want {
			t.Errorf("got %q\nwant %q", got, c.want)
		}
	}
}
