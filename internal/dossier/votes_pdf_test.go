package dossier

import (
	"strings"
	"testing"
)

// TestPDFShowsVotesLettersAndFigures reads the district's PDFs back: the
// 10/11 vote and its rate, the rule applied, the social-insurance letter
// and its years, the enterprise's money with dot thousands.
func TestPDFShowsVotesLettersAndFigures(t *testing.T) {
	d := buildPDF(t, districtSample, "", "")
	texts := map[string]string{}
	for _, doc := range d.Documents {
		texts[doc.Part] += pdfText(t, doc.PDFBytes) + " "
	}
	for _, c := range []struct{ part, want string }{
		{"bien-ban", "10 0 10/11 1 (1 bằng văn bản) 90,91%"}, // Trương Thị Mỹ Linh: 10 present, none in writing, one absent against
		{"bien-ban", "10 1 11/11 0 100%"},
		{"bien-ban", "số phiếu phát ra: 10, số phiếu thu về: 10, số phiếu hợp lệ: 10"},
		{"bien-ban", "(theo Quy chế hoạt động của Hội đồng Thi đua - Khen thưởng)"},
		{"xac-nhan-bhxh", "Kính gửi: Bảo hiểm xã hội quận Tân Bình."},
		{"xac-nhan-bhxh", "- Năm 2022: số người lao động tham gia"}, {"xac-nhan-bhxh", "- Năm 2024: số người lao động tham gia"},
		{"xac-nhan-thue", "các năm 2022, 2023 và 2024"},
		// pdftotext reads a table column by column: the figures one by one
		{"bao-cao-thanh-tich", "412.037.000.000"}, {"bao-cao-thanh-tich", "19.118.000.000"},
		{"bao-cao-thanh-tich", "6.585.000.000"}, {"bao-cao-thanh-tich", "12.650.000"},
		{"bao-cao-thanh-tich", "vốn cố định 38.650.000.000 đồng"},
	} {
		if !strings.Contains(texts[c.part], c.want) {
			t.Errorf("%s PDF lacks %q:\n%s", c.part, c.want, texts[c.part])
		}
	}
}
