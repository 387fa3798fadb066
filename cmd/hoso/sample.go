package main

import (
	"fmt"
	"io"
	"math"

	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/synth"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// maxSampleIndex is the largest "hoso sample -i": more submissions than a
// batch test needs.
const maxSampleIndex = 99999

// sampleCmd writes a deterministic synthetic submission into a new file
// (never over an existing one: writeNew).
func sampleCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("sample")
	// A sample is a submission hoso accepts: at most MaxNominees nominees
	// (two billion would not fit in memory), in at most MaxFileSize bytes.
	n := intFlag(fl, "n", 10, 1, submission.MaxNominees, "số đối tượng (nominees)")
	seed := intFlag(fl, "seed", 1, 0, math.MaxInt64, "hạt giống ngẫu nhiên (same seed, same file)")
	index := intFlag(fl, "i", 0, 0, maxSampleIndex, "số thứ tự hồ sơ trong một lô (đổi tên phường)")
	out := fl.String("o", "", "tệp ghi ra (output file)")
	if !parseFlags(fl, args, stderr) {
		return exitBadInput
	}
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprint(stderr, "hoso sample: cần -n N và -o TỆP.toml\n")
		return exitBadInput
	}
	text := synth.Submission(int(*n), uint64(*seed), int(*index))
	if len(text) > tomlin.MaxFileSize {
		fmt.Fprintf(stderr, "hoso sample: hồ sơ mẫu %d đối tượng dài %s, quá giới hạn %s của một tệp hồ sơ; hãy chọn -n nhỏ hơn, tối đa khoảng %d\n",
			*n, tomlin.SizeText(int64(len(text))), tomlin.SizeText(tomlin.MaxFileSize), int(*n)*tomlin.MaxFileSize/len(text))
		return exitBadInput
	}
	if code := writeNew("hoso sample", *out, []byte(text), stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "Đã viết %s: %d đối tượng\n", safefs.Quote(*out), *n)
	return exitOK
}
