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
	Via        string         // kính gửi qua
	Each       []PerAward     // what each document per award has of its own
	Grouped    *bool          // the submission's choice of grouping (gop), nil: the form set's
}

// ForAward is the own data of the document for one award (as the
// submission writes it: code or name): the table's, with what its
// [[…rieng]] block for that award gives instead. A block naming its own
// issuer keeps nothing of the table's that belongs to the table's issuer
// (addressees, signer, Nơi nhận, Lưu): those follow the new issuer.
// numbered tells whether the block gave the number.
func (o Own) ForAward(award string, same func(a, b string) bool) (own Own, numbered bool) {
	for _, e := range o.Each {
		if !same(e.Award, award) {
			continue
		}
		if e.Issuer != nil {
			o.To, o.Via, o.Signer, o.Recipients, o.Archive = nil, "", nil, nil, ""
		}
		if e.Number != nil {
			o.Number, numbered = e.Number, true
		}
		if !e.Date.IsZero() {
			o.Date = e.Date.Time
		}
		if e.Issuer != nil {
			o.Issuer = e.Issuer
		}
		if e.Signer != nil {
			o.Signer = e.Signer
		}
		if e.Summary != "" {
			o.Summary = e.Summary
		}
		if len(e.To) > 0 {
			o.To = e.To
		}
		if e.Via != "" {
			o.Via = e.Via
		}
		if len(e.Recipients) > 0 {
			o.Recipients = e.Recipients
		}
		if e.Archive != "" {
			o.Archive = e.Archive
		}
	}
	return o, numbered
}

// Own reads the own data of the documents whose table is named (as a form
// set's part names it: "to_trinh", "bien_ban", "xac_nhan_thue",
// "xac_nhan_bhxh" or "van_ban.<id>").
func (s *Submission) Own(table string) Own {
	switch table {
	case "to_trinh":
		p := &s.Proposal
		return Own{Number: p.Number, Date: p.Date.Time, Issuer: p.Issuer, Signer: &p.Signer, Summary: p.Summary, To: p.To,
			Recipients: p.Recipients, Archive: p.Archive, Via: p.Via, Each: p.Each}
	case "bien_ban":
		m := s.Meeting
		return Own{Number: m.Number, Date: DayOf(m.Start.Time), Recipients: m.Recipients, Archive: m.Archive}
	case "xac_nhan_thue", "xac_nhan_bhxh":
		t := s.Letters(table)
		return Own{Number: t.Number, Date: t.Date.Time, Issuer: t.Issuer, Signer: t.Signer, Recipients: t.Recipients, Archive: t.Archive, Grouped: t.Grouped}
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
