package synth_test

import (
	"testing"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/templates"
)

func TestSameSeedSameFile(t *testing.T) {
	a, b := synth.Submission(12, 7, 0), synth.Submission(12, 7, 0)
	if a != b {
		t.Fatal("the same seed gave two different files")
	}
	if synth.Submission(12, 8, 0) == a {
		t.Error("another seed gave the same file")
	}
	if synth.Submission(12, 7, 1) == a {
		t.Error("another batch index gave the same file")
	}
}

// Every generated submission must be one a clerk could have written: it
// decodes and validates without a single problem, and mixes every kind.
func TestGeneratedSubmissionsAreValidAndMixed(t *testing.T) {
	sets, err := formset.Load(templates.FS)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{1, 4, 50, 300} {
		src := synth.Submission(n, uint64(n), 3)
		sub, ix, problems, err := submission.Decode([]byte(src))
		if err != nil || ix == nil {
			t.Fatalf("n=%d: decode: %v", n, err)
		}
		set, err := formset.Select(sets, sub.Proposal.Date.Time, sub.FormSet)
		if err != nil {
			t.Fatalf("n=%d: no form set: %v", n, err)
		}
		problems = append(problems, submission.Validate(sub, ix, set)...)
		if len(problems) > 0 {
			t.Fatalf("n=%d: %d problems: %s", n, len(problems), problems.Error())
		}
		if len(sub.Nominees) != n {
			t.Errorf("n=%d: %d nominees written", n, len(sub.Nominees))
		}
		if n < 50 {
			continue
		}
		kinds := map[submission.Kind]int{}
		for _, nom := range sub.Nominees {
			kinds[nom.Kind]++
		}
		for _, k := range submission.Kinds {
			if kinds[k] == 0 {
				t.Errorf("n=%d: no nominee of kind %s", n, k)
			}
		}
	}
}
