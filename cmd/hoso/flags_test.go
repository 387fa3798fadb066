package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Every flag error of every command is said in Vietnamese, naming the
// flag and what it takes, with exit 2 and nothing written; a number out of
// range (-j 100000000 grew to 24 GB, -j -5 was taken silently) is refused
// before any work.
func TestFlagErrorsAreVietnamese(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ra")
	sub := "../../samples/phuong-tan-son-hoa-2026.toml"
	cases := []struct {
		args []string
		want string // in the message, besides "hoso CMD: "
	}{
		{[]string{"build", "-o", out, "-j", "abc", sub}, fmt.Sprintf(`giá trị abc của -j không dùng được: cần một số nguyên từ 1 đến %d`, maxJobs())},
		{[]string{"build", "-o", out, "-j", "-5", sub}, "giá trị -5 của -j"},
		{[]string{"build", "-o", out, "-j", "0", sub}, "giá trị 0 của -j"},
		{[]string{"build", "-o", out, "-j", "100000000", sub}, "giá trị 100000000 của -j"},
		{[]string{"build", "-o", out, "-j", "99999999999999999999999", sub}, "giá trị 99999999999999999999999 của -j không dùng được"},
		{[]string{"build", "-o", out, "--bogus", sub}, "không có tùy chọn -bogus; các tùy chọn: -j, --json, -o, -q, --templates"},
		{[]string{"build", "-o", out, "-q=maybe", sub}, "giá trị maybe của -q không dùng được: cần true hoặc false"},
		{[]string{"build", "-o"}, "tùy chọn -o cần một giá trị, ví dụ -o out"},
		{[]string{"build", "---x", sub}, `tùy chọn ---x viết sai`},
		{[]string{"sample", "-n", "1e3", "-o", out}, "giá trị 1e3 của -n không dùng được: cần một số nguyên từ 1 đến 5000"},
		{[]string{"sample", "--seed", "99999999999999999999999", "-o", out}, "giá trị 99999999999999999999999 của -seed không dùng được"},
		{[]string{"sample", "-i", "-1", "-o", out}, "giá trị -1 của -i không dùng được: cần một số nguyên từ 0 đến"},
		{[]string{"kiem-tra", "--bogus", sub}, "không có tùy chọn -bogus"},
		{[]string{"nhap", "--bogus", "a.xlsx"}, "không có tùy chọn -bogus"},
		{[]string{"nhap", "a.xlsx", "-o"}, "tùy chọn -o cần một giá trị"},
		{[]string{"templates", "check", "--bogus"}, "không có tùy chọn -bogus"},
		{[]string{"templates", "list", "--bogus"}, "không có tùy chọn -bogus"},
		{[]string{"templates", "fields", "--json=2"}, "giá trị 2 của -json không dùng được: cần true hoặc false"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCLI(t, c.args...)
		name := strings.Join(c.args[:1], "")
		if c.args[0] == "templates" {
			name += " " + c.args[1]
		}
		if code != exitBadInput {
			t.Errorf("%q: exit %d, want %d; stderr %q", c.args, code, exitBadInput, stderr)
		}
		for _, english := range []string{"Usage of", "flag provided", "invalid value", "parse error", "needs an argument", "out of range"} {
			if strings.Contains(stderr, english) {
				t.Errorf("%q: English %q in %q", c.args, english, stderr)
			}
		}
		if c.want != "" && !strings.Contains(stderr, "hoso "+name+": "+c.want) {
			t.Errorf("%q: stderr %q, want %q", c.args, stderr, c.want)
		}
		if stdout != "" {
			t.Errorf("%q: stdout %q", c.args, stdout)
		}
		if _, err := os.Lstat(out); !os.IsNotExist(err) {
			t.Fatalf("%q: %s written (%v)", c.args, out, err)
		}
	}
}

// The ranges the numeric flags take.
func TestIntRange(t *testing.T) {
	var n int64 = 7
	r := intRange{&n, 1, 4}
	for _, bad := range []string{"0", "5", "-1", "abc", "1e3", "", "0x2", "99999999999999999999"} {
		if err := r.Set(bad); err == nil || n != 7 {
			t.Errorf("Set(%q) = %v, n = %d", bad, err, n)
		}
	}
	if err := r.Set("4"); err != nil || n != 4 {
		t.Errorf("Set(4) = %v, n = %d", err, n)
	}
	if maxJobs() < 2 || maxJobs() > 32 {
		t.Errorf("maxJobs() = %d", maxJobs())
	}
}

// init takes a file name, not a flag: "init --bogus" made a file named so.
func TestInitRefusesFlags(t *testing.T) {
	t.Chdir(t.TempDir())
	code, _, stderr := runCLI(t, "init", "--bogus")
	if code != exitBadInput || !strings.Contains(stderr, "hoso init: không có tùy chọn --bogus") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if entries, _ := os.ReadDir("."); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
}
