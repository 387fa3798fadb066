package xlsxin

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/submission"
)

// Whatever the bytes, Read refuses the file or gives a result that holds:
// nominees only without problems, every problem located and worded, and
// blocks that read back as a submission with exactly those nominees.
func FuzzRead(f *testing.F) {
	for _, path := range []string{sampleSheet, "testdata/danh-sach-libreoffice.xlsx"} {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	set := wardSet(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Read(bytes.NewReader(data), int64(len(data)), "x.xlsx", Options{Set: set})
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if len(res.Problems) > 0 && len(res.Entries) > 0 {
			t.Fatal("entries given with problems")
		}
		for _, p := range res.Problems {
			if strings.TrimSpace(p.Text) == "" {
				t.Fatalf("problem without text: %+v", p)
			}
		}
		sub, ix, problems, err := submission.Decode([]byte(res.TOML("x.xlsx")))
		if err != nil || ix == nil || len(problems) > 0 || len(sub.Nominees) != len(res.Entries) {
			t.Fatalf("blocks do not read back: %v %v\n%s", err, problems, res.TOML("x.xlsx"))
		}
	})
}
