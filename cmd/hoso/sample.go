package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/synth"
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
	if *out == "" || *n < 1 || fl.NArg() > 0 {
		fmt.Fprint(stderr, "hoso sample: cần -n N (≥ 1) và -o TỆP.toml\n")
		return exitBadInput
	}
	if code := writeNew("hoso sample", *out, []byte(synth.Submission(*n, *seed, *index)), stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "Đã viết %s: %d đối tượng\n", safefs.Quote(*out), *n)
	return exitOK
}
