package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/tomlin"
)

// problem is one located problem of a submission, for --json.
type problem struct {
	File  string `json:"tep"`
	Line  int    `json:"dong,omitempty"`
	Col   int    `json:"cot,omitempty"`
	Len   int    `json:"do_dai,omitempty"` // characters marked, 0 if unknown
	Field string `json:"truong,omitempty"`
	Key   string `json:"ma"`
	Text  string `json:"noi_dung"`
	Hint  string `json:"goi_y,omitempty"`
}

// problems converts the decoder's problems of the file at path.
func problems(path string, ps tomlin.Problems) []problem {
	out := make([]problem, len(ps))
	for i, p := range ps {
		out[i] = problem{File: path, Line: p.Pos.Line, Col: p.Pos.Col, Len: p.Pos.Len,
			Field: p.Path, Key: p.Key, Text: p.Msg, Hint: p.Hint}
	}
	return out
}

// loadSets loads the form sets: the embedded ones, or a maintainer's
// folder.
func loadSets(dir string) ([]*formset.Set, error) {
	fsys, _, err := templatesFS(dir)
	if err != nil {
		return nil, err
	}
	return formset.Load(fsys)
}

// checked is what `kiem-tra --json` says of one submission.
type checked struct {
	Source    string    `json:"nguon"`
	Status    status    `json:"trang_thai"`
	Documents int       `json:"so_van_ban"`
	Warnings  int       `json:"so_canh_bao"`
	Notices   []notice  `json:"canh_bao,omitempty"`
	Errors    []string  `json:"loi,omitempty"`
	Problems  []problem `json:"van_de,omitempty"`
}

// checkCmd runs "hoso kiem-tra": every problem and warning a build would
// give before drawing the PDF, and no file written.
func checkCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("kiem-tra")
	tplDir := fl.String("templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	jsonOut := fl.Bool("json", false, "in kết quả dạng JSON (JSON on stdout, for editors and scripts)")
	if !parseFlags(fl, args, stderr) {
		return exitBadInput
	}
	if fl.NArg() == 0 {
		fmt.Fprint(stderr, "hoso kiem-tra: thiếu tệp hồ sơ (.toml)\n\n"+usage)
		return exitBadInput
	}
	sets, err := loadSets(*tplDir)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return exitBadInput
	}
	files, unreadable := expandInputs(fl.Args())
	var results []checked
	for _, o := range unreadable {
		results = append(results, checked{Source: o.Source, Status: o.Status, Errors: o.Errors})
	}
	for _, path := range files {
		d, o := prepare(path, sets)
		if d != nil {
			if err := d.Fill(); err != nil {
				d, o.Status, o.Errors = nil, statusFailed, []string{fmt.Sprintf("hoso: %s: %v", safefs.Quote(path), err)}
			}
		}
		c := checked{Source: path, Status: o.Status, Errors: o.Errors, Problems: o.Problems}
		if d != nil {
			c.Status, c.Documents, c.Notices = statusOK, len(d.Documents), notices(d.Documents)
			for _, doc := range d.Documents {
				c.Warnings += len(doc.Warnings)
			}
		}
		results = append(results, c)
	}
	valid, refused := 0, 0
	for _, c := range results {
		switch c.Status {
		case statusOK:
			valid++
		case statusBadInput:
			refused++
		}
		if !*jsonOut {
			reportCheck(c, stdout, stderr)
		}
	}
	printed := true
	if *jsonOut {
		printed = printJSON(stdout, stderr, struct {
			Results []checked `json:"ho_so"`
			Valid   int       `json:"hop_le"`
			Failed  int       `json:"that_bai"`
		}{results, valid, len(results) - valid})
	}
	return unlessLost(exitFor(valid, len(results)-valid, refused), printed)
}

// reportCheck prints the verdict on one submission for a person.
func reportCheck(c checked, stdout, stderr io.Writer) {
	for _, e := range c.Errors {
		fmt.Fprintln(stderr, e)
	}
	if c.Status != statusOK {
		return
	}
	fmt.Fprintf(stdout, "%s: hợp lệ, %d văn bản; %d cảnh báo\n", c.Source, c.Documents, c.Warnings)
	for _, n := range c.Notices {
		fmt.Fprintf(stdout, "  - %s: %s\n", strings.Join(n.Documents, ", "), n.Text)
	}
}
