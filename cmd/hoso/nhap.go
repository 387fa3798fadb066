package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/submission"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/hoso-vn/hoso/internal/xlsxin"
)

// importCmd runs "hoso nhap": the nominees of an Excel list into a new
// submission file made from the skeleton, or appended to an existing one
// without touching anything else in it.
func importCmd(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("nhap")
	out := fl.String("o", "", "tệp hồ sơ mới (mặc định: tên tệp Excel, đuôi .toml)")
	into := fl.String("vao", "", "thêm vào tệp hồ sơ có sẵn thay cho tạo tệp mới")
	tplDir := fl.String("templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	files, err := parseInterspersed(fl, args)
	if !reportFlags(fl, err, stderr) {
		return exitBadInput
	}
	switch {
	case len(files) != 1:
		fmt.Fprint(stderr, "hoso nhap: cần đúng một tệp Excel (.xlsx)\n\n"+usage)
		return exitBadInput
	case *out != "" && *into != "":
		fmt.Fprint(stderr, "hoso nhap: dùng -o (tệp mới) hoặc --vao (tệp có sẵn), không dùng cả hai\n")
		return exitBadInput
	}
	sheet := files[0]
	target, base, err := importTarget(sheet, *out, *into)
	if err != nil {
		fmt.Fprintf(stderr, "hoso nhap: %v\n", err)
		return exitBadInput
	}
	sub, set, ok := targetSet(target, base, *tplDir, stderr)
	if !ok {
		return exitBadInput
	}
	res, err := interruptible(func() (*xlsxin.Result, error) { return readSheet(sheet, set, sub) })
	if errors.Is(err, errInterrupted) {
		fmt.Fprintln(stderr, "hoso nhap: đã ngắt; không ghi tệp nào")
		return exitInterrupted
	}
	if err != nil {
		fmt.Fprintf(stderr, "hoso nhap: %v\n", err)
		return exitBadInput
	}
	name, shown := safefs.Quote(filepath.Base(sheet)), safefs.Quote(target)
	for _, w := range res.Warnings {
		fmt.Fprintf(stderr, "%s: cảnh báo: %s\n", name, w)
	}
	if len(res.Problems) > 0 {
		for _, p := range res.Problems {
			fmt.Fprintf(stderr, "%s: %s\n", name, p)
			if p.Hint != "" {
				fmt.Fprintf(stderr, "    Gợi ý: %s\n", p.Hint)
			}
		}
		fmt.Fprintf(stderr, "%s: %d lỗi trong bảng, không ghi tệp nào\n", name, len(res.Problems))
		return exitBadInput
	}
	if len(res.Entries) == 0 {
		if *into != "" {
			fmt.Fprintf(stdout, "%s: không có đối tượng nào mới để thêm vào %s\n", name, shown)
			return exitOK
		}
		fmt.Fprintf(stderr, "hoso nhap: %s: bảng không có đối tượng nào\n", name)
		return exitBadInput
	}
	text, err := appendNominees(base, res, name, len(sub.Nominees))
	if err == nil {
		if *into != "" {
			err = replaceFile(target, base, text)
		} else {
			err = createFile(target, text)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "hoso nhap: %s: %s\n", shown, safefs.Explain(err))
		return exitBadInput
	}
	for _, w := range addresseeWarnings(text, set, res.Entries, len(sub.Nominees)) {
		fmt.Fprintf(stderr, "%s: cảnh báo: %s\n", name, w)
	}
	fmt.Fprintf(stdout, "Đã thêm %d đối tượng từ %s vào %s. Điền phần còn lại (thành tích, biểu quyết…) rồi chạy:  hoso kiem-tra %s\n",
		len(res.Entries), name, shown, shown)
	return exitOK
}

// addresseeWarnings says at once which imported nominees the target's Tờ
// trình cannot carry (a ward chairman's own Giấy khen in a ward's Tờ
// trình to the city): the build would refuse them, after the clerk had
// filled in their achievements. One line per award naming the sheet's
// cells, with the hint.
func addresseeWarnings(text []byte, set *formset.Set, entries []xlsxin.Entry, had int) []string {
	sub, ix, _, err := submission.Decode(text)
	if err != nil || ix == nil || set == nil {
		return nil
	}
	type group struct {
		rows      []string
		msg, hint string
	}
	var order []string
	groups := map[string]*group{}
	for _, p := range submission.Validate(sub, ix, set) {
		m := nomineePath.FindStringSubmatch(p.Path)
		if p.Key != submission.KeyAddressee || m == nil {
			continue
		}
		i, _ := strconv.Atoi(m[1])
		if i <= had || i-had > len(entries) {
			continue
		}
		g := groups[p.Msg]
		if g == nil {
			g = &group{msg: p.Msg, hint: p.Hint}
			groups[p.Msg] = g
			order = append(order, p.Msg)
		}
		g.rows = append(g.rows, cmp.Or(entries[i-had-1].Cell("hinh_thuc"), strings.TrimSuffix(p.Path, ".hinh_thuc")))
	}
	var out []string
	for _, k := range order {
		g := groups[k]
		out = append(out, fmt.Sprintf("%s: %s. Gợi ý: %s", strings.Join(g.rows, ", "), g.msg, g.hint))
	}
	return out
}

// parseInterspersed parses flags given before, between and after the
// positional arguments ("nhap DS.xlsx -o HS.toml"), and returns the latter.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fl.Parse(args); err != nil {
			return nil, err
		}
		if fl.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// importTarget names the file the nominees go to and returns its text: the
// existing file (--vao), or the skeleton without its sample nominees.
func importTarget(sheet, out, into string) (string, []byte, error) {
	if into != "" {
		if st, err := os.Lstat(into); err == nil && st.Mode()&fs.ModeSymlink != 0 {
			return "", nil, fmt.Errorf("%s là một liên kết tượng trưng (symlink): hoso không ghi qua liên kết; hãy chỉ thẳng tệp hồ sơ", safefs.Quote(into))
		}
		base, err := readSubmission(into)
		if err != nil {
			return "", nil, err
		}
		return into, base, nil
	}
	if out == "" {
		out = strings.TrimSuffix(sheet, filepath.Ext(sheet)) + ".toml"
	}
	if _, err := os.Lstat(out); err == nil {
		return "", nil, fmt.Errorf("%s đã có; không ghi đè. Để thêm vào tệp đó: hoso nhap %s --vao %s", safefs.Quote(out), safefs.Quote(sheet), safefs.Quote(out))
	}
	head, _, _ := bytes.Cut(skeleton, []byte("\n[[de_nghi]]"))
	return out, append(bytes.Clone(head), '\n'), nil
}

// targetSet decodes the target's text and picks the form set its awards
// are checked against: the one the file names (bo_mau) or its Tờ trình's
// date selects, else the one in force today.
func targetSet(target string, base []byte, tplDir string, stderr io.Writer) (*submission.Submission, *formset.Set, bool) {
	sub, ix, problems, err := submission.Decode(base)
	if err != nil {
		fmt.Fprintf(stderr, "hoso nhap: %v\n", err)
		return nil, nil, false
	}
	if ix == nil {
		var b strings.Builder
		problems.Render(&b, target, base)
		fmt.Fprintf(stderr, "hoso nhap: %s không đọc được; sửa tệp trước khi nhập thêm:\n%s", safefs.Quote(target), b.String())
		return nil, nil, false
	}
	sets, err := loadSets(tplDir)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return nil, nil, false
	}
	day := sub.Proposal.Date.Time
	if day.IsZero() {
		day = time.Now()
	}
	set, err := formset.Select(sets, day, sub.FormSet)
	if err != nil {
		fmt.Fprintf(stderr, "hoso nhap: %s: %v\n", safefs.Quote(target), err)
		return nil, nil, false
	}
	return sub, set, true
}

// readSheet reads the Excel list for the submission sub.
// Only a regular file is opened (safefs.OpenRegular): a FIFO would wait
// for a writer without end.
func readSheet(path string, set *formset.Set, sub *submission.Submission) (*xlsxin.Result, error) {
	f, err := safefs.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, safefs.Wrap("không đọc được", path, err)
	}
	return xlsxin.Read(f, st.Size(), safefs.Quote(filepath.Base(path)), xlsxin.Options{Set: set, Into: sub})
}

// appendNominees appends the nominees' blocks to base, with its line
// endings, and checks that the result reads as base did plus them: the
// same nominees first (base had had), the same problems outside the new
// blocks.
func appendNominees(base []byte, res *xlsxin.Result, source string, had int) ([]byte, error) {
	add := res.TOML(source)
	if bytes.Contains(base, []byte("\r\n")) {
		add = strings.ReplaceAll(add, "\n", "\r\n")
	}
	text := bytes.Clone(base)
	if len(text) > 0 && text[len(text)-1] != '\n' {
		text = append(text, []byte(lineEnd(base))...)
	}
	text = append(text, add...)
	old, _, oldProblems, _ := submission.Decode(base)
	sub, ix, problems, err := submission.Decode(text)
	if err != nil || ix == nil || len(sub.Nominees) != had+len(res.Entries) ||
		had > 0 && !reflect.DeepEqual(sub.Nominees[:had], old.Nominees) || !slices.Equal(outside(problems, had), outside(oldProblems, had)) {
		return nil, errors.New("không thêm được các khối [[de_nghi]] vào cuối tệp (tệp có khai báo de_nghi theo cách khác?): không ghi gì")
	}
	return text, nil
}

var nomineePath = regexp.MustCompile(`^de_nghi\[(\d+)\]`)

// outside lists the problems that do not concern the nominees after the
// first had.
func outside(ps tomlin.Problems, had int) []string {
	var out []string
	for _, p := range ps {
		if m := nomineePath.FindStringSubmatch(p.Path); m != nil {
			if i, _ := strconv.Atoi(m[1]); i > had {
				continue
			}
		}
		out = append(out, p.Path+"|"+p.Key+"|"+p.Msg)
	}
	slices.Sort(out)
	return out
}

func lineEnd(text []byte) string {
	if bytes.Contains(text, []byte("\r\n")) {
		return "\r\n"
	}
	return "\n"
}

// replaceFile writes data over path atomically: a temporary file in the
// same folder, renamed over it, with its permissions. The file must still
// hold was (what it was read as): a change made meanwhile is not lost.
func replaceFile(path string, was, data []byte) error {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("không phải một tệp thường (liên kết tượng trưng?): không ghi")
	}
	tmp, err := writeTemp(path, data, st.Mode().Perm())
	if err != nil {
		return err
	}
	if now, err := os.ReadFile(path); err != nil || !bytes.Equal(now, was) {
		os.Remove(tmp)
		return fmt.Errorf("tệp vừa bị sửa trong lúc nhập: không ghi; hãy lưu tệp rồi chạy lại")
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// createFile writes a new file atomically, never over an existing one.
func createFile(path string, data []byte) error {
	tmp, err := writeTemp(path, data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("tệp đã có; không ghi đè")
		}
		// No hard links here (some shared folders): the name was free a
		// moment ago; rename into it.
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("tệp đã có; không ghi đè")
		}
		return os.Rename(tmp, path)
	}
	return nil
}

// writeTemp writes data to a new hidden file beside path, flushed to disk.
func writeTemp(path string, data []byte, perm fs.FileMode) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if err == nil {
		err = f.Chmod(perm)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}
