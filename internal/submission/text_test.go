package submission_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

func TestTextProblems(t *testing.T) {
	cases := []problemCase{
		{"TCVN3 pasted into a name", []edit{set(`ho_ten = "Võ Thị Mỹ Duyên"`, `ho_ten = "Vâ ThÞ Mü Duyªn"`)}, []want{
			{submission.KeyLegacy, "de_nghi[1].ho_ten", `ho_ten = "Vâ ThÞ Mü Duyªn"`, 1},
		}},
		{"VNI pasted into a list", []edit{set(`kinh_gui = ["Chủ tịch Ủy ban nhân dân xã Bình Mỹ"]`,
			`kinh_gui = ["Chuû tòch UÛy ban nhaân daân xaõ Bình Myõ"]`)}, []want{
			{submission.KeyLegacy, "to_trinh.kinh_gui[1]", `kinh_gui = [`, 1},
		}},
		{"TCVN3 capitals", []edit{set(`ten = "Thi đua yêu nước năm 2025"`, `ten = "THI §UA Y£U N¦íC N¡M 2025"`)}, []want{
			{submission.KeyLegacy, "phong_trao.ten", `ten = "THI`, 1},
		}},
		{"control character", []edit{set(`dia_danh = "Bình Mỹ"`, `dia_danh = "Bình\u0007Mỹ"`)}, []want{
			{tomlin.KeyControlChar, "co_quan.dia_danh", `dia_danh =`, 1},
		}},
		{"zero width space inside a name", []edit{set(`ho_ten = "Võ Thị Mỹ Duyên"`, "ho_ten = \"Võ Thị\u200b Mỹ Duyên\"")}, []want{
			{tomlin.KeyInvisible, "de_nghi[1].ho_ten", `ho_ten = "Võ Thị`, 1},
		}},
		{"emoji", []edit{set(`ho_ten = "Võ Thị Mỹ Duyên"`, `ho_ten = "Võ Thị Mỹ Duyên 🎉"`)}, []want{
			{submission.KeyEmoji, "de_nghi[1].ho_ten", `ho_ten = "Võ Thị Mỹ Duyên 🎉"`, 1},
		}},
		{"agency name without letters", []edit{set(`ten = "Trường Trung học cơ sở Bình Mỹ"`, `ten = "../../.."`)}, []want{
			{submission.KeyName, "co_quan.ten", `ten = "../../.."`, 1},
		}},
		{"nominee name without letters", []edit{set(`ho_ten = "Võ Thị Mỹ Duyên"`, `ho_ten = "???"`)}, []want{
			{submission.KeyName, "de_nghi[1].ho_ten", `ho_ten = "???"`, 1},
		}},
		{"a blank name is missing", []edit{set(`ho_ten = "Võ Thị Mỹ Duyên"`, "ho_ten = \" \u00a0\u200b \"")}, []want{
			{submission.KeyRequired, "de_nghi[1].ho_ten", "ho_ten = \" \u00a0", 1},
		}},
		// Not legacy text: Vietnamese and Latin-script text as it is.
		{"French and German", []edit{set(`thanh_tich = ["Nộp ngân sách đầy đủ, đúng hạn."]`,
			`thanh_tich = ["Hợp tác với Café Crème SARL (Lyon) và Müller GmbH (Köln), © 2025."]`)}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ie := checkWants(t, apply(t, base, c.edits), c.want)
			if c.want != nil && c.want[0].key == submission.KeyLegacy {
				// The message names the encoding and says what the text reads.
				msg := ie.Error()
				for _, w := range []string{"bảng mã", "Unikey", "Chuyển mã"} {
					if !strings.Contains(msg, w) {
						t.Errorf("message lacks %q:\n%s", w, msg)
					}
				}
			}
		})
	}
}

func TestLegacyMessageReadsTheText(t *testing.T) {
	src := apply(t, base, []edit{set(`ten = "Trường Trung học cơ sở Bình Mỹ"`, `ten = "Uû ban nh©n d©n x· B×nh Mü"`)})
	got, _ := check(t, src)
	if len(got) != 1 || got[0].Path != "co_quan.ten" {
		t.Fatalf("got:%s", describe(got))
	}
	want := `chữ có vẻ được gõ bằng bảng mã TCVN3 (ABC, phông .VnTime) rồi dán vào, không phải Unicode: "Uû ban nh©n d©n x· B×nh Mü" đọc theo bảng mã đó là "Uỷ ban nhân dân xã Bình Mỹ"`
	if got[0].Msg != want {
		t.Errorf("message\n got %q\nwant %q", got[0].Msg, want)
	}
}

func TestTooManyNominees(t *testing.T) {
	one := base[strings.LastIndex(base, "[[de_nghi]]"):]
	var b strings.Builder
	b.WriteString(base)
	for i := 0; i < submission.MaxNominees; i++ {
		// Distinct names, so that nothing else is wrong.
		fmt.Fprint(&b, strings.Replace(one, `ho_ten = "Hồ Văn Chủ"`, fmt.Sprintf(`ho_ten = "Hồ Văn Chủ %d"`, i), 1))
	}
	src := b.String()
	got, _ := check(t, src)
	expectProblems(t, src, got, []want{{submission.KeyTooMany, "de_nghi", nom, 1}})
}
