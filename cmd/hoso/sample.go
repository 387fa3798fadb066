package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// sampleCmd writes a deterministic synthetic submission into a new file
// (never over an existing one: writeNew).
func sampleCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("sample", flag.ContinueOnError)
	fl.SetOutput(stderr)
	n := fl.Int("n", 10, "số đối tượng (nominees)")
	seed := fl.Uint64("seed", 1, "hạt giống ngẫu nhiên (same seed, same file)")
	index := fl.Int("i", 0, "số thứ tự hồ sơ trong một lô (đổi tên phường)")
	out := fl.String("o", "", "tệp ghi ra (output file)")
	if err := fl.Parse(args); err != nil {
		return exitBadInput
	}
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprint(stderr, "hoso sample: cần -n N và -o TỆP.toml\n")
		return exitBadInput
	}
	// A sample is a submission hoso accepts: at most MaxNominees nominees
	// (two billion would not fit in memory), in at most MaxFileSize bytes.
	if *n < 1 || *n > submission.MaxNominees {
		fmt.Fprintf(stderr, "hoso sample: -n %d không hợp lệ: số đối tượng từ 1 đến %d (số đối tượng tối đa của một hồ sơ); hồ sơ lớn hơn hãy tách thành nhiều tệp, ví dụ -n 1000 -i 0, -n 1000 -i 1…\n",
			*n, submission.MaxNominees)
		return exitBadInput
	}
	text := synth.Submission(*n, *seed, *index)
	if len(text) > tomlin.MaxFileSize {
		fmt.Fprintf(stderr, "hoso sample: hồ sơ mẫu %d đối tượng dài %s, quá giới hạn %s của một tệp hồ sơ; hãy chọn -n nhỏ hơn, tối đa khoảng %d\n",
			*n, tomlin.SizeText(int64(len(text))), tomlin.SizeText(tomlin.MaxFileSize), *n*tomlin.MaxFileSize/len(text))
		return exitBadInput
	}
	if code := writeNew("hoso sample", *out, []byte(text), stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "Đã viết %s: %d đối tượng\n", safefs.Quote(*out), *n)
	return exitOK
}
