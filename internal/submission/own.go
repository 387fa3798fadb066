package submission

import (
	"strings"
	"time"
)

// Own is what one document carries of its own, whichever table of the
// submission holds it: the Tờ trình's in [to_trinh], the Biên bản's in
// [bien_ban], the tax letters' in [xac_nhan_thue], the social-insurance
// letters' in [xac_nhan_bhxh], a declared document's
// in [van_ban.<id>]. Absent values are zero.
type Own struct {
	Number     *int
	Date       time.Time
	Issuer     *Issuer
	Signer     *Signer
	Summary    string
	To         []string
	Recipients []string
	Archive    string
	Fields     map[string]any // free fields, raw: see FreeValue
	Grouped    *bool          // the submission's choice of grouping (gop), nil: the form set's
}

// Own reads the own data of the documents whose table is named (as a form
// set's part names it: "to_trinh", "bien_ban", "xac_nhan_thue",
// "xac_nhan_bhxh" or "van_ban.<id>").
func (s *Submission) Own(table string) Own {
	switch table {
	case "to_trinh":
		p := &s.Proposal
		return Own{Number: p.Number, Date: p.Date.Time, Signer: &p.Signer, Summary: p.Summary, To: p.To,
			Recipients: p.Recipients, Archive: p.Archive}
	case "bien_ban":
		m := s.Meeting
		return Own{Number: m.Number, Date: DayOf(m.Start.Time), Recipients: m.Recipients, Archive: m.Archive}
	case "xac_nhan_thue", "xac_nhan_bhxh":
		t := s.Letters(table)
		return Own{Number: t.Number, Date: t.Date.Time, Signer: t.Signer, Recipients: t.Recipients, Archive: t.Archive, Grouped: t.Grouped}
	}
	if id, ok := strings.CutPrefix(table, "van_ban."); ok {
		d := s.Documents[id]
		return Own{Number: d.Number, Date: d.Date.Time, Issuer: d.Issuer, Signer: d.Signer, Summary: d.Summary, To: d.To,
			Recipients: d.Recipients, Archive: d.Archive, Fields: d.Fields, Grouped: d.Grouped}
	}
	return Own{}
}

// Letters is the table of the confirmation letters named: [xac_nhan_thue]
// or [xac_nhan_bhxh].
func (s *Submission) Letters(table string) TaxLetter {
	if table == "xac_nhan_bhxh" {
		return s.SocialInsurance
	}
	return s.Tax
}
