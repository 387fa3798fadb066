package vn

import (
	"slices"
	"sync"
	"testing"
)

func TestCompare(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"a", "b", -1},
		{"b", "a", 1},
		{"An", "An", 0},
		{"An", "Ăn", -1},
		{"Ăn", "Ân", -1},
		{"Ân", "Bình", -1},
		{"d", "đ", -1},
		{"đ", "e", -1},
		{"Dũng", "Đào", -1}, // d < đ decides before the rest of the word
		{"Zorro", "Đào", 1}, // plain byte order would say Z < Đ
		{"o", "ô", -1},
		{"ô", "ơ", -1},
		{"u", "ư", -1},
		{"ư", "v", -1},
		{"a", "à", -1},
		{"à", "á", -1},
		{"Nguyễn", "Nguyê\u0303n", 1}, // collate equal, byte tie-break (NFC > NFD here)
	}
	for _, tt := range tests {
		if got := Compare(tt.a, tt.b); got != tt.want {
			t.Errorf("Compare(%+q, %+q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSortStrings(t *testing.T) {
	tests := []struct {
		in, want []string
	}{
		{
			[]string{"Đào", "Dũng", "Bình", "Ân", "Ăn", "Anh", "An", "Yến", "Ưng", "Uyên", "Ơn", "Ổn", "Oanh"},
			[]string{"An", "Anh", "Ăn", "Ân", "Bình", "Dũng", "Đào", "Oanh", "Ổn", "Ơn", "Uyên", "Ưng", "Yến"},
		},
		{
			[]string{"ạ", "á", "ã", "ả", "à", "a"},
			[]string{"a", "à", "ả", "ã", "á", "ạ"},
		},
		{
			[]string{"phường Tân Sơn Hòa", "phường Đông Hưng Thuận", "phường Bến Nghé", "phường Đa Kao"},
			[]string{"phường Bến Nghé", "phường Đa Kao", "phường Đông Hưng Thuận", "phường Tân Sơn Hòa"},
		},
		{nil, nil},
		{[]string{"x"}, []string{"x"}},
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		SortStrings(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("SortStrings(%q) = %q, want %q", tt.in, got, tt.want)
		}
		// SortStrings and Compare must agree.
		again := slices.Clone(tt.in)
		slices.SortFunc(again, Compare)
		if !slices.Equal(again, tt.want) {
			t.Errorf("slices.SortFunc(%q, Compare) = %q, want %q", tt.in, again, tt.want)
		}
	}
}

func TestCompareNames(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"Nguyễn Văn An", "Trần Văn Bình", -1},          // An < Bình
		{"Trần Văn Bình", "Nguyễn Văn An", 1},           // symmetric
		{"Nguyễn Văn An", "Trần Thị An", 1},             // same given name: Thị < Văn
		{"Nguyễn Văn An", "Trần Văn An", -1},            // same given and middle: Nguyễn < Trần
		{"Lê An", "Nguyễn Văn An", -1},                  // no middle name sorts first
		{"Đặng Thị Ửng", "Nguyễn Văn Út", 1},            // Út < Ửng
		{"Nguyễn Văn An", " Nguyễn  Văn An\u00a0", 0},   // white space ignored
		{"Nguyễn Văn An", "Nguyê\u0303n Văn An", 0},     // NFD == NFC
		{"Nguyễn Thị Minh Khai", "Nguyễn Thị Khai", 1},  // [Thị Minh] > [Thị]
		{"Nguyễn Thị Minh Khai", "Lê Thị Nga Khai", -1}, // Minh < Nga
		{"An", "Bình", -1},
		{"Nguyễn Văn An", "Nguyễn Văn Ân", -1},
		{"", "An", -1},
	}
	for _, tt := range tests {
		got := CompareNames(tt.a, tt.b)
		if got != tt.want {
			t.Errorf("CompareNames(%+q, %+q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}

	names := []string{"Trần Văn Bình", "Nguyễn Văn An", "Lê Thị Ánh", "Trần Thị An", "Phạm Đức", "Võ Dũng"}
	want := []string{"Trần Thị An", "Nguyễn Văn An", "Lê Thị Ánh", "Trần Văn Bình", "Võ Dũng", "Phạm Đức"}
	slices.SortFunc(names, CompareNames)
	if !slices.Equal(names, want) {
		t.Errorf("sorted names = %q, want %q", names, want)
	}
}

func TestCompareConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			for range 200 {
				if Compare("Dũng", "Đào") != -1 {
					t.Error("Compare(Dũng, Đào) != -1")
					return
				}
				s := []string{"Đào", "Dũng", "An"}
				SortStrings(s)
				if !slices.Equal(s, []string{"An", "Dũng", "Đào"}) {
					t.Errorf("SortStrings = %q", s)
					return
				}
			}
		})
	}
	wg.Wait()
}
