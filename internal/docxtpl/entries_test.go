package docxtpl

import (
	"archive/zip"
	"bytes"
	"testing"

	"github.com/hoso-vn/hoso/internal/ooxml/ooxmltest"
	"github.com/hoso-vn/hoso/internal/testtool"
)

// TestEveryEntryIsWordSafeAndDated: every entry of a filled DOCX, the body
// and the parts copied from the template as they are stored, says it was
// made by and needs zip 2.0 and carries one date: SOURCE_DATE_EPOCH
// (clamped to the years a DOS date holds), else 1980-01-01 00:00. The
// templates here are written the way that broke Word and .NET packaging:
// entries dated 0 (month 0, day 0), deflated with a data descriptor or
// stored. The carrier used to copy such parts with "version needed to
// extract" 0, which System.IO.Packaging refuses.
func TestEveryEntryIsWordSafeAndDated(t *testing.T) {
	hdr := `<?xml version="1.0" encoding="UTF-8"?><w:hdr ` + ooxmltest.WNS + `><w:p><w:r><w:t>Đầu trang</w:t></w:r></w:p></w:hdr>`
	deflated := makeDocx(t, p(r("{{van_ban}}")), map[string]string{"word/header1.xml": hdr})
	templates := map[string][]byte{"deflated": deflated, "stored": restore(t, deflated)}
	zr, err := zip.NewReader(bytes.NewReader(deflated), int64(len(deflated)))
	if err != nil {
		t.Fatal(err)
	}
	if d := zr.File[0].ModifiedDate; d != 0 {
		t.Fatalf("the test template's entries are dated %#x, want 0", d)
	}
	dos1980 := testtool.DOSDate{Year: 1980, Month: 1, Day: 1}
	cases := []struct {
		epoch string
		want  testtool.DOSDate
	}{
		{"", dos1980},
		{"1767225600", testtool.DOSDate{Year: 2026, Month: 1, Day: 1}},
		{"1767236645", testtool.DOSDate{Year: 2026, Month: 1, Day: 1, Hour: 3, Minute: 4, Second: 4}}, // DOS time counts 2 s
		{"0", dos1980},            // 1970: before the first DOS date
		{"not a number", dos1980}, // ignored, as for the PDFs
		{"9999999999", testtool.DOSDate{Year: 2107, Month: 12, Day: 31, Hour: 23, Minute: 59, Second: 58}}, // 2286
	}
	for name, tplBytes := range templates {
		tpl, err := Parse("mau.docx", tplBytes)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			t.Setenv("SOURCE_DATE_EPOCH", c.epoch)
			out, err := tpl.Execute(root{Text: "đã điền"})
			if err != nil {
				t.Fatal(err)
			}
			dates, err := testtool.ZipEntries(out)
			if err != nil {
				t.Errorf("%s template, SOURCE_DATE_EPOCH=%q: %v", name, c.epoch, err)
			}
			if len(dates) != len(zr.File) {
				t.Errorf("%s template: %d entries, want %d", name, len(dates), len(zr.File))
			}
			for part, d := range dates {
				if d != c.want {
					t.Errorf("%s template, SOURCE_DATE_EPOCH=%q: %s dated %+v, want %+v", name, c.epoch, part, d, c.want)
				}
			}
		}
	}
}
