package pdf

import (
	"slices"
	"testing"
)

func TestDrawGroupsAreWholeDocumentsOfSimilarSize(t *testing.T) {
	cases := []struct {
		pages []int
		want  []docRange
	}{
		{[]int{2, 2, 2}, []docRange{{0, 3}}},                                        // 6 pages: one group
		{[]int{4, 4, 4, 4}, []docRange{{0, 2}, {2, 4}}},                             // 16 pages: two
		{[]int{3, 2, 2, 2, 2, 2, 2, 2}, []docRange{{0, 4}, {4, 8}}},                 // the ward sample: 17 pages, 9 + 8
		{[]int{3, 2, 2, 2, 2, 2, 2, 2, 2}, []docRange{{0, 4}, {4, 9}}},              // 19 pages: 9 + 10
		{[]int{12, 1}, []docRange{{0, 2}}},                                          // 13 pages: one group
		{[]int{12, 1, 1, 1, 1}, []docRange{{0, 1}, {1, 5}}},                         // a big first document
		{[]int{1, 1, 1, 1, 1, 30}, []docRange{{0, 5}, {5, 6}}},                      // a big last one
		{[]int{6, 6, 6, 6, 6, 6, 6, 6}, []docRange{{0, 2}, {2, 4}, {4, 6}, {6, 8}}}, // at most four
		{[]int{40}, []docRange{{0, 1}}},                                             // never more groups than documents
	}
	for _, c := range cases {
		got := drawGroups(c.pages)
		if !slices.Equal(got, c.want) {
			t.Errorf("drawGroups(%v) = %v, want %v", c.pages, got, c.want)
		}
	}
}
