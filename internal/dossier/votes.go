package dossier

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/vn"
)

// meeting is the Biên bản's data: the meeting as it happened, every row
// of its table of votes (this submission's nominees and those of other
// submissions reviewed at the same meeting) and the rules applied.
func meeting(s *submission.Submission, set *formset.Set) Meeting {
	m := s.Meeting
	archive := m.Archive
	if archive == "" {
		archive = "VT, Hồ sơ"
	}
	mv := Meeting{Number: number(m.Number), Symbol: "BB-" + s.Council.Abbrev, Start: m.Start.Time,
		End: submission.MeetingEnd(m), Place: m.Place, Purpose: purpose(s), Guests: listItems(m.Guests),
		VotingMethod: submission.VotingMethod(m), IsBallot: submission.IsBallot(m.Method), Body: m.Body,
		Recipients: listItems(append(append([]string{}, m.Recipients...), archiveLine(archive, "")))}
	mv.NumSymbol = mv.Number + "/" + mv.Symbol
	if b := m.Ballot; b != nil && b.Issued != nil && b.Returned != nil && b.Valid != nil {
		mv.Ballot = &BallotView{Issued: *b.Issued, Returned: *b.Returned, Valid: *b.Valid, Tellers: listItems(b.Tellers)}
	}
	total := submission.CouncilTotal(s.Council)
	type applied struct {
		rule   *formset.Threshold
		awards []string
	}
	var rules []*applied
	for _, r := range submission.Rows(s) {
		row := &VoteRow{Name: r.Name, Award: awardName(r.Award, s, set), Vote: voteView(r.Award, r.Vote, set, total), Other: r.Other}
		mv.Rows = append(mv.Rows, row)
		if r.Kind.IsPerson() {
			mv.Persons++
		} else {
			mv.Collectives++
		}
		if !row.Vote.Passed {
			mv.Failed++
		}
		if set == nil {
			continue
		}
		rule := set.Threshold(r.Award)
		if rule == nil {
			continue
		}
		k := slices.IndexFunc(rules, func(a *applied) bool { return a.rule == rule })
		if k < 0 {
			k = len(rules)
			rules = append(rules, &applied{rule: rule})
		}
		if !slices.Contains(rules[k].awards, row.Award) {
			rules[k].awards = append(rules[k].awards, row.Award)
		}
	}
	for i, a := range rules {
		punct := ";"
		if i == len(rules)-1 {
			punct = "."
		}
		mv.Rules = append(mv.Rules, RuleView{Awards: strings.Join(a.awards, ", "), Name: a.rule.Name, Text: a.rule.Describe(),
			Basis: a.rule.Basis, Punct: punct})
	}
	return mv
}

// purpose is what the meeting was held for: the clerk's words, or the
// review of awards in the submission's movement.
func purpose(s *submission.Submission) string {
	if p := strings.TrimRight(strings.TrimSpace(s.Meeting.Purpose), " ."); p != "" {
		return p
	}
	p := "xét đề nghị khen thưởng trong Phong trào thi đua “" + s.Movement.Name + "”"
	if period := periodNotNamed(s.Movement); period != "" {
		p += " giai đoạn " + period
	}
	return p
}

// voteView counts a vote as the law does: present and written together,
// on the council's total, and judges it against the form set's rule for
// the award.
func voteView(award string, v submission.Vote, set *formset.Set, total int) VoteView {
	t := v.Tally()
	_, ok := submission.Passes(set, award, v, total)
	return VoteView{For: t.For, Against: t.Against, WrittenFor: t.WrittenFor, WrittenAgainst: t.WrittenAgainst,
		TotalFor: t.TotalFor(), TotalAgainst: t.TotalAgainst(), Rate: vn.Percent(t.TotalFor(), total), Passed: ok}
}

// awardName is the full name of an award as the submission gives it: the
// set's name for a code, the text as written otherwise.
func awardName(award string, s *submission.Submission, set *formset.Set) string {
	if set == nil {
		return award
	}
	if a, ok := set.Award(award); ok {
		return a.ExpandName(s.Agency.Jurisdiction())
	}
	return award
}

// enterprise fills what only enterprises carry and the years of the
// nominee's report.
func enterprise(nv *Nominee, n submission.Nominee, s *submission.Submission) {
	nv.ForeignName, nv.Registration = n.ForeignName, n.Registration
	if f := n.Finance; f != nil && f.Fixed != nil && f.Working != nil {
		nv.Finance = &Finance{Fixed: *f.Fixed, Working: *f.Working, Sources: f.Sources}
	}
	for _, f := range n.Figures {
		if f.Revenue == nil || f.Profit == nil || f.Budget == nil || f.Workers == nil || f.Income == nil {
			continue // refused by validation
		}
		nv.Figures = append(nv.Figures, Figures{Year: f.Year, Revenue: *f.Revenue, Profit: *f.Profit, Budget: *f.Budget,
			Workers: *f.Workers, Income: *f.Income})
	}
	slices.SortFunc(nv.Figures, func(a, b Figures) int { return a.Year - b.Year })
	nv.ReportYears = submission.ReportYears(s, n)
	nv.ReportPeriod = period(nv.ReportYears)
}

// period says a run of years: "năm 2025", "từ năm 2023 đến năm 2025".
func period(years []int) string {
	switch len(years) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("năm %d", years[0])
	}
	return fmt.Sprintf("từ năm %d đến năm %d", years[0], years[len(years)-1])
}

// yearsPhrase lists years for a letter: "năm 2025", "các năm 2023, 2024 và
// 2025".
func yearsPhrase(years []int) string {
	switch len(years) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf("năm %d", years[0])
	}
	parts := make([]string, len(years))
	for i, y := range years {
		parts[i] = fmt.Sprint(y)
	}
	return "các năm " + strings.Join(parts[:len(parts)-1], ", ") + " và " + parts[len(parts)-1]
}
