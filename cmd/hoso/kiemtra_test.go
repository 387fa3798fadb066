package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

// kiem-tra gives the verdict and the warnings of build without drawing or
// writing anything: a valid file exits 0 with the documents' warnings, a
// bad one exits 2 with every problem located, and both at once exit 1.
func TestCheck(t *testing.T) {
	dir := t.TempDir()
	bad, line := badCopy(t, dir, `ngay_sinh = "23/07/1988"`, `ngay_sinh = "30/02/1988"`)
	sampleMin, err := filepath.Abs(sampleMin)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)

	code, stdout, stderr := runCLI(t, "kiem-tra", sampleMin)
	if code != exitOK || !strings.Contains(stdout, sampleMin+": hợp lệ, 3 văn bản") {
		t.Fatalf("valid file: exit %d\n%s\n%s", code, stdout, stderr)
	}
	// The report's missing details are the warnings build gives.
	if !strings.Contains(stdout, "03-bao-cao-01-vo-thi-my-duyen.docx: chưa ghi quê quán") {
		t.Errorf("warnings not shown:\n%s", stdout)
	}

	code, _, stderr = runCLI(t, "check", bad)
	if code != exitBadInput || !strings.Contains(stderr, bad+":"+strconv.Itoa(line)+":13: de_nghi[1].ngay_sinh: ngày \"30/02/1988\" không có thật") {
		t.Errorf("bad file: exit %d\n%s", code, stderr)
	}

	code, stdout, _ = runCLI(t, "kiem-tra", "--json", sampleMin, bad)
	if code != exitFailed {
		t.Errorf("one good, one bad: exit %d", code)
	}
	var res struct {
		Results []struct {
			Source   string `json:"nguon"`
			Status   string `json:"trang_thai"`
			Warnings int    `json:"so_canh_bao"`
			Notices  []struct {
				Documents []string `json:"van_ban"`
				Text      string   `json:"noi_dung"`
			} `json:"canh_bao"`
			Problems []problem `json:"van_de"`
		} `json:"ho_so"`
		Valid int `json:"hop_le"`
	}
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || len(res.Results) != 2 {
		t.Fatalf("--json: %v\n%s", err, stdout)
	}
	good, refused := res.Results[0], res.Results[1]
	if good.Status != "ok" || good.Warnings == 0 || len(good.Notices) == 0 || res.Valid != 1 {
		t.Errorf("valid file in JSON: %+v", good)
	}
	want := problem{File: bad, Line: line, Col: 13, Len: 12, Field: "de_nghi[1].ngay_sinh", Key: "value", Text: `ngày "30/02/1988" không có thật`}
	if refused.Status != "loi-du-lieu" || len(refused.Problems) != 1 || refused.Problems[0] != want {
		t.Errorf("refused file in JSON: %+v\nwant problem %+v", refused, want)
	}

	// Nothing written: the folder holds only the bad copy.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("kiem-tra wrote into %s: %v", dir, entries)
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); err == nil {
		t.Error("kiem-tra made an output folder")
	}
	if code, _, _ := runCLI(t, "kiem-tra"); code != exitBadInput {
		t.Errorf("no file: exit %d", code)
	}
}

// closedPipe is a stdout that takes nothing, as a pipe whose reader has
// gone.
type closedPipe struct{}

func (closedPipe) Write([]byte) (int, error) { return 0, syscall.EPIPE }

// TestLostJSONFails: when stdout does not take the --json result, the run
// says so on stderr and exits 1, though the dossier was built (and the
// file found valid): a script must not take the run for a success.
func TestLostJSONFails(t *testing.T) {
	out := t.TempDir()
	var stderr bytes.Buffer
	code := run([]string{"build", "--json", "-o", out, sampleMin}, closedPipe{}, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "hoso: không in được kết quả JSON: broken pipe") {
		t.Errorf("build --json into a closed pipe: exit %d, stderr %q", code, stderr.String())
	}
	if entries := visibleEntries(t, out); len(entries) != 1 {
		t.Errorf("the dossier is still written: %d entries", len(entries))
	}
	stderr.Reset()
	code = run([]string{"kiem-tra", "--json", sampleMin}, closedPipe{}, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "hoso: không in được kết quả JSON: broken pipe") {
		t.Errorf("kiem-tra --json into a closed pipe: exit %d, stderr %q", code, stderr.String())
	}
}
