package docxtpl

import (
	"errors"
	"strings"
	"testing"
)

// Templates from elsewhere: what is not a DOCX, or carries active or
// external content, is refused with the template's name and a clear
// message, before anything is compiled.
func TestParseRefusesUnsafeTemplates(t *testing.T) {
	body := p(r("{{ten}}"))
	cases := []struct {
		name string
		raw  []byte
		want string
	}{
		{"a PDF", []byte("%PDF-1.4\n..."), "tệp PDF"},
		{"an old .doc", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "Word 97-2003"},
		{"macros", makeDocx(t, body, map[string]string{"word/vbaProject.bin": "x"}), "macro"},
		{"attached template on a server", makeDocx(t, body, map[string]string{"word/_rels/settings.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="\\203.0.113.5\share\x.dotm" TargetMode="External"/></Relationships>`}), "attachedTemplate"},
		{"DDE field", makeDocx(t, p(`<w:r><w:instrText>DDEAUTO cmd "/c x"</w:instrText></w:r>`)+body, nil), "DDEAUTO"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("mau.docx", c.raw)
			var es Errors
			if !errors.As(err, &es) || len(es) != 1 || es[0].Template != "mau.docx" || !strings.Contains(es[0].Msg, c.want) {
				t.Errorf("Parse = %v, want one error for mau.docx holding %q", err, c.want)
			}
		})
	}
	if _, err := Parse("mau.docx", makeDocx(t, body, nil)); err != nil {
		t.Errorf("a plain template: %v", err)
	}
}
