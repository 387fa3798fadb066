package submission_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/pdf"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/templates"
)

// FuzzDecodeSubmission runs arbitrary bytes through what hoso build does
// with a submission file: decode, validate, fill every template. It must
// never panic (what keeps it quick, the limits checked before parsing, is
// tested as bounded work in tomlin, not timed here: the machine may be
// busy); bad input gives located problems whose message
// holds no raw control character; input that passes validation fills
// every template (a template failing on valid input is a bug), and every
// DOCX produced re-opens and parses with the PDF stage's reader.
//
// Seeds: the base submission of the validation tests, the samples and the
// bad-input corpus (testdata/bad); crashers found are kept in
// testdata/fuzz/FuzzDecodeSubmission.
func FuzzDecodeSubmission(f *testing.F) {
	f.Add([]byte(base))
	for _, pattern := range []string{"../../samples/*.toml", "../../testdata/bad/*.toml"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			if b, err := os.ReadFile(file); err == nil {
				f.Add(b)
			}
		}
	}
	sets, err := formset.Load(templates.FS)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		s, ix, problems, err := submission.Decode(src)
		if err != nil {
			t.Fatalf("Decode: %v", err)
		}
		if ix != nil {
			submission.Validate(s, ix, nil) // whatever was decoded, with problems or not
		}
		for _, p := range problems {
			if p.Key == "" || p.Msg == "" {
				t.Errorf("problem without key or message: %+v", p)
			}
		}
		d, err := dossier.Build("f.toml", src, sets)
		var ie *dossier.InputError
		switch {
		case errors.As(err, &ie):
			msg := ie.Error()
			for _, r := range msg {
				if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f {
					t.Fatalf("message holds U+%04X:\n%s", r, msg)
				}
			}
			if !strings.Contains(msg, "lỗi trong tệp hồ sơ") {
				t.Fatalf("message without summary:\n%s", msg)
			}
		case err != nil:
			t.Fatalf("valid input, but filling failed: %v", err)
		default:
			for _, doc := range d.Documents {
				if _, _, err := pdf.Check(doc.Bytes); err != nil {
					t.Fatalf("%s does not re-open: %v", doc.DOCX, err)
				}
			}
		}
	})
}
