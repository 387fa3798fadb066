package submission_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// A [van_ban.<id>] table must name a document the chosen form set declares
// with a table of its own; its number and signer are checked like the
// other documents'.
func TestDocumentTables(t *testing.T) {
	cases := []struct {
		name, table string
		want        []want
	}{
		{"undeclared document", "[van_ban.khong-co]\nso = 4\n", []want{
			{tomlin.KeyUnknownKey, "van_ban.khong-co", "[van_ban.khong-co]", 1},
		}},
		{"document with a built-in table", "[van_ban.to-trinh]\nso = 4\n", []want{
			{tomlin.KeyUnknownKey, "van_ban.to-trinh", "[van_ban.to-trinh]", 1},
		}},
		{"declared document", "[van_ban.bao-cao-thanh-tich]\nngay = 2026-01-08\nnoi_nhan = [\"Hội đồng\"]\n", nil},
		{"number out of range", "[van_ban.bao-cao-thanh-tich]\nso = 0\n", []want{
			{submission.KeyNumber, "van_ban.bao-cao-thanh-tich.so", "so = 0", 1},
		}},
		{"number of a document printed without one", "[van_ban.bao-cao-thanh-tich]\nso = 4\n", []want{
			{tomlin.KeyUnknownKey, "van_ban.bao-cao-thanh-tich.so", "so = 4", 1},
		}},
		{"signer without a name", "[van_ban.bao-cao-thanh-tich.nguoi_ky]\nchuc_vu = \"Chủ tịch\"\n", []want{
			{submission.KeyRequired, "van_ban.bao-cao-thanh-tich.nguoi_ky.ho_ten", "[van_ban.bao-cao-thanh-tich.nguoi_ky]", 1},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) { checkWants(t, base+"\n"+c.table, c.want) })
	}
}

// The refusal of an undeclared document says which documents the form set
// has and which of them take a [van_ban.<id>] table.
func TestUndeclaredDocumentMessageListsTheDeclaredOnes(t *testing.T) {
	_, ie := check(t, base+"\n[van_ban.giay-moi]\nso = 3\n")
	if ie == nil {
		t.Fatal("[van_ban.giay-moi] accepted by a form set that does not declare it")
	}
	msg := ie.Error()
	line := lineOf(t, string(ie.Src), "[van_ban.giay-moi]", 1)
	for _, w := range []string{
		"ho-so.toml:" + strconv.Itoa(line) + ":1: van_ban.giay-moi: bộ mẫu nd152-2025 không có văn bản \"giay-moi\"",
		"bảng [van_ban.<id>] chỉ dành cho: bao-cao-thanh-tich",
	} {
		if !strings.Contains(msg, w) {
			t.Errorf("message lacks %q:\n%s", w, msg)
		}
	}
	for _, set := range sets(t) {
		if set.ID != "nd152-2025" {
			continue
		}
		for _, p := range set.Parts {
			if !strings.Contains(msg, p.ID) {
				t.Errorf("message does not list the declared document %q:\n%s", p.ID, msg)
			}
		}
	}
}
