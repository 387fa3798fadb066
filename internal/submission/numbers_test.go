package submission_test

import (
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/submission"
)

// Two documents of one issuer with the same number and ký hiệu in one
// year are refused, on the numbers printed: the base's two tax letters
// are 07 and 08/UBND; social-insurance letters from 8 print 08 and 09.
func TestDuplicateDocumentNumbers(t *testing.T) {
	insurance := func(table string) edit {
		return set("[[de_nghi]]\nloai = \"ca-nhan\"", table+"\n[[de_nghi]]\nloai = \"ca-nhan\"")
	}
	cases := []problemCase{
		{"same first number", []edit{insurance("[xac_nhan_bhxh]\nso = 7\n")}, []want{
			{submission.KeyDuplicate, "xac_nhan_bhxh.so", "so = 7", 2},
		}},
		{"the tax letters counted on reach it", []edit{insurance("[xac_nhan_bhxh]\nso = 8\n")}, []want{
			{submission.KeyDuplicate, "xac_nhan_bhxh.so", "so = 8", 1},
		}},
		{"right after the tax letters", []edit{insurance("[xac_nhan_bhxh]\nso = 9\n")}, nil},
		{"one tax letter grouped", []edit{set("so = 7\n", "so = 7\ngop = true\n"), insurance("[xac_nhan_bhxh]\nso = 8\n")}, nil},
		{"another year", []edit{insurance("[xac_nhan_bhxh]\nso = 7\nngay = 2025-12-29\n")}, nil},
		{"another ký hiệu", []edit{set("[bien_ban]\nso = 1\n", "[bien_ban]\nso = 3\n")}, nil},
		{"another issuer", []edit{insurance("[xac_nhan_bhxh]\nso = 7\nnguoi_ky = { chuc_vu = \"Trưởng phòng\", ho_ten = \"Lê Văn Nội\" }\nco_quan = { ten = \"Phòng Nội vụ\", viet_tat = \"NV\" }\n")}, nil},
	}
	run(t, cases)
}

// The refusal names the document that has the number first and its file.
func TestDuplicateNumberMessageNamesTheOtherDocument(t *testing.T) {
	src := strings.Replace(base, "[[de_nghi]]\nloai = \"ca-nhan\"", "[xac_nhan_bhxh]\nso = 8\n\n[[de_nghi]]\nloai = \"ca-nhan\"", 1)
	ps, ie := check(t, src)
	if ie == nil || len(ps) != 1 {
		t.Fatalf("want one problem, got:%s", describe(ps))
	}
	msg := ie.Error()
	for _, w := range []string{
		"08/UBND năm 2026",
		"trùng số với Công văn đề nghị xác nhận nghĩa vụ thuế: Hồ Văn Chủ (04-xac-nhan-thue-02-ho-van-chu.docx)",
		"ví dụ so = 9",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
}
