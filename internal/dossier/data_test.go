package dossier

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/submission"
)

// TestListPunctuationFollowsTheListPrinted: a member is in the list of
// all members and in the list of those present or absent; each list ends
// with "." at its own last line, so an absent member in the middle of the
// list of all prints ";".
func TestListPunctuationFollowsTheListPrinted(t *testing.T) {
	absent := false
	c := council(submission.Council{Members: []submission.Member{
		{Name: "A"}, {Name: "B", Present: &absent}, {Name: "C"},
	}}, submission.Meeting{})
	var all, present, gone []string
	for _, m := range c.Members {
		all = append(all, m.Name+m.Punct)
	}
	for _, m := range c.Present {
		present = append(present, m.Name+m.Punct)
	}
	for _, m := range c.Absent {
		gone = append(gone, m.Name+m.Punct)
	}
	if got := strings.Join(all, " "); got != "A; B; C." {
		t.Errorf("all members: %s", got)
	}
	if got := strings.Join(present, " "); got != "A; C." {
		t.Errorf("present: %s", got)
	}
	if got := strings.Join(gone, " "); got != "B." {
		t.Errorf("absent: %s", got)
	}
}
