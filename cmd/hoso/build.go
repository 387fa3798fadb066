package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/tomlin"
	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

const exitInterrupted = 130

// status is what became of one submission, as --json prints it
// (trang_thai) for build and kiem-tra.
type status string

const (
	// statusOK: the dossier was built (kiem-tra: the submission is valid
	// and its documents were filled).
	statusOK status = "ok"
	// statusBadInput: the submission was refused (unreadable, or not
	// valid, with every problem listed); nothing was written for it.
	statusBadInput status = "loi-du-lieu"
	// statusFailed: the submission was valid, but its dossier could not
	// be made or written (a template, the PDF stage, the disk, the lock).
	statusFailed status = "loi"
	// statusInterrupted: the run was interrupted (Ctrl-C, SIGTERM) before
	// this dossier was written.
	statusInterrupted status = "bi-ngat"
)

// outcome is what became of one submission.
type outcome struct {
	Source    string    `json:"nguon"`
	Status    status    `json:"trang_thai"`
	Dir       string    `json:"thu_muc,omitempty"`
	Documents int       `json:"so_van_ban"`
	Pages     int       `json:"so_trang"`
	Warnings  int       `json:"so_canh_bao"`
	Notices   []notice  `json:"canh_bao,omitempty"`
	Errors    []string  `json:"loi,omitempty"`
	Problems  []problem `json:"van_de,omitempty"`  // bad input, located
	Note      string    `json:"ghi_chu,omitempty"` // about the folder name
}

// notice is one warning of a dossier with the documents it concerns: the
// same warning on several documents (a character the font lacks, a missing
// number) is shown once.
type notice struct {
	Documents []string `json:"van_ban"`
	Text      string   `json:"noi_dung"`
}

// notices groups the dossier's warnings, in the order they first appear.
func notices(docs []*dossier.Document) []notice {
	var out []notice
	at := map[string]int{}
	for _, doc := range docs {
		for _, w := range doc.Warnings {
			i, ok := at[w]
			if !ok {
				i = len(out)
				at[w] = i
				out = append(out, notice{Text: w})
			}
			out[i].Documents = append(out[i].Documents, doc.DOCX)
		}
	}
	return out
}

// summary is the --json output.
type summary struct {
	Dossiers  []outcome `json:"ho_so"`
	Built     int       `json:"thanh_cong"`
	Failed    int       `json:"that_bai"`
	Documents int       `json:"so_van_ban"`
	Pages     int       `json:"so_trang"`
	Seconds   float64   `json:"thoi_gian_giay"`
}

// build runs "hoso build": the submissions are built in parallel, each
// dossier written whole or not at all, and the run summed up.
func build(args []string, stdout, stderr io.Writer) int {
	opt, ok := parseBuild(args, stderr)
	if !ok {
		return exitBadInput
	}
	start := time.Now()
	go dossier.Warm() // fonts parsed while the submissions are read and filled
	files, unreadable := expandInputs(opt.inputs)
	for _, o := range unreadable {
		fmt.Fprintln(stderr, o.Errors[0])
	}
	sets, err := loadSets(opt.templates)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return exitBadInput
	}
	// The output folder is locked (and created) only when the first
	// dossier is ready to be written: refused input leaves no trace.
	lock := &outputLock{dir: opt.out}
	defer lock.release()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	p := newProgress(opt, len(files), stdout, stderr)
	// The watcher ends before build returns (and before stop(): deferred
	// calls run last first), so it never writes after the summary.
	defer watchInterrupt(ctx, stop, p)()
	results := buildAll(ctx, opt.jobs, files, sets, lock, p)
	p.finish()

	sum, refused := summarize(append(unreadable, results...), time.Since(start))
	printed := true
	if opt.json {
		printed = printJSON(stdout, stderr, sum)
	} else if !opt.quiet {
		fmt.Fprintf(stderr, "Xong: %d hồ sơ, %d lỗi; %d văn bản, %d trang; %.1f giây\n",
			sum.Built, sum.Failed, sum.Documents, sum.Pages, sum.Seconds)
	}
	if ctx.Err() != nil {
		fmt.Fprintln(stderr, "hoso: đã ngắt; hồ sơ đang lập dở không được ghi")
		return exitInterrupted
	}
	return unlessLost(exitFor(sum.Built, sum.Failed, refused), printed)
}

// buildOptions are the flags and arguments of "hoso build".
type buildOptions struct {
	out       string   // -o: the output folder
	templates string   // --templates: a maintainer's form sets, "" for the embedded ones
	jobs      int      // -j: dossiers built at once
	quiet     bool     // -q: errors only
	json      bool     // --json: the summary as JSON on stdout
	inputs    []string // submission files and folders
}

// parseBuild reads build's flags and arguments. ok is false when they are
// wrong; the message (and the usage) is printed on stderr.
func parseBuild(args []string, stderr io.Writer) (opt buildOptions, ok bool) {
	fl := newFlags("build")
	fl.StringVar(&opt.out, "o", "out", "thư mục ghi hồ sơ (output folder)")
	fl.StringVar(&opt.templates, "templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	jobs := intFlag(fl, "j", int64(min(runtime.NumCPU(), maxJobs())), 1, int64(maxJobs()), "số hồ sơ lập song song (parallel dossiers)")
	fl.BoolVar(&opt.quiet, "q", false, "chỉ báo lỗi (errors only)")
	fl.BoolVar(&opt.json, "json", false, "in tổng kết dạng JSON (JSON summary on stdout)")
	if !parseFlags(fl, args, stderr) {
		return opt, false
	}
	if fl.NArg() == 0 {
		fmt.Fprint(stderr, "hoso build: thiếu tệp hồ sơ (.toml)\n\n"+usage)
		return opt, false
	}
	if opt.out == "" {
		fmt.Fprint(stderr, "hoso build: -o để trống: hãy ghi tên thư mục đầu ra, ví dụ  -o ho-so\n")
		return opt, false
	}
	opt.inputs, opt.jobs = fl.Args(), int(*jobs)
	return opt, true
}

// progress tells, as each submission ends, what became of it: the bar on
// a terminal, the errors, and (unless -q or --json) a line per dossier
// built, the note about its folder name and its warnings. Its lock
// orders the lines, the bar and the watcher's message.
type progress struct {
	mu             sync.Mutex
	bar            *progressbar.ProgressBar // nil but on a terminal
	tty            bool                     // the bar is shown
	errorsOnly     bool                     // -q or --json
	stdout, stderr io.Writer
}

// newProgress sets up the report of a run of n submissions; the bar is
// shown on a terminal only, and never with -q or --json.
func newProgress(opt buildOptions, n int, stdout, stderr io.Writer) *progress {
	p := &progress{errorsOnly: opt.quiet || opt.json, stdout: stdout, stderr: stderr}
	p.tty = isTerminal(stderr) && !p.errorsOnly && n > 0
	if p.tty {
		p.bar = progressbar.NewOptions(n, progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("Đang lập hồ sơ"), progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true), progressbar.OptionClearOnFinish())
	}
	return p
}

// done reports the outcome of one submission.
func (p *progress) done(o outcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Describe(safefs.Quote(filepath.Base(o.Source)))
		p.bar.Add(1)
	}
	if o.Status != statusOK {
		p.clear()
		for _, e := range o.Errors {
			fmt.Fprintln(p.stderr, e)
		}
	}
	if p.errorsOnly {
		return
	}
	if o.Status == statusOK && !p.tty {
		fmt.Fprintf(p.stdout, "%s: %d văn bản, %d trang → %s\n", safefs.Quote(o.Source), o.Documents, o.Pages, safefs.Quote(filepath.ToSlash(o.Dir)))
	}
	if o.Note != "" {
		p.clear()
		fmt.Fprintf(p.stderr, "%s: %s\n", safefs.Quote(o.Source), o.Note)
	}
	if len(o.Notices) > 0 {
		p.clear()
		fmt.Fprintf(p.stderr, "%s: %d cảnh báo (cũng ghi trong manifest.json, canh_bao):\n", safefs.Quote(o.Source), o.Warnings)
		for _, n := range o.Notices {
			fmt.Fprintf(p.stderr, "  - %s: %s\n", strings.Join(n.Documents, ", "), n.Text)
		}
	}
}

// clear takes the bar off the screen before a line is printed; the caller
// holds the lock.
func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

// stopping says, unless -q or --json, that the run is ending after the
// first signal.
func (p *progress) stopping() {
	if p.errorsOnly {
		return
	}
	p.mu.Lock()
	fmt.Fprintln(p.stderr, "hoso: đang dừng sau khi ghi xong các hồ sơ đang ghi dở; bấm Ctrl-C lần nữa để thoát ngay")
	p.mu.Unlock()
}

// finish completes the bar once every submission has ended.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}

// watchInterrupt watches for the first signal (ctx ends): the dossiers
// being written are then finished (each appears whole or not at all),
// and stop restores the default handling, so that a second signal ends
// hoso at once; the next run removes what was left half-written. The
// function returned ends the watcher and waits for it.
func watchInterrupt(ctx context.Context, stop context.CancelFunc, p *progress) (end func()) {
	finished, watched := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(watched)
		select {
		case <-ctx.Done():
		case <-finished:
			return
		}
		select {
		case <-finished: // the run ended as the signal came
			return
		default:
		}
		stop()
		p.stopping()
	}()
	return func() { close(finished); <-watched }
}

// buildAll builds the files on jobs workers, handed out in order, and
// returns their outcomes in the order of files. Once ctx ends, the files
// not yet handed out are interrupted.
func buildAll(ctx context.Context, jobs int, files []string, sets []*formset.Set, lock *outputLock, p *progress) []outcome {
	results := make([]outcome, len(files))
	names := newFolderNames(lock.dir, files)
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < max(1, jobs); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				results[i] = buildOne(ctx, i, files, sets, lock, names)
				p.done(results[i])
			}
		}()
	}
feed:
	for i := range files {
		select {
		case work <- i:
		case <-ctx.Done():
			for k := i; k < len(files); k++ {
				results[k] = outcome{Source: files[k], Status: statusInterrupted}
			}
			break feed
		}
	}
	close(work)
	wg.Wait()
	return results
}

// summarize sums up the run's outcomes; refused counts the submissions
// refused for bad input (part of Failed).
func summarize(results []outcome, took time.Duration) (sum summary, refused int) {
	sum = summary{Dossiers: results, Seconds: took.Seconds()}
	for _, o := range results {
		switch o.Status {
		case statusOK:
			sum.Built++
			sum.Documents += o.Documents
			sum.Pages += o.Pages
		case statusBadInput:
			refused++
			sum.Failed++
		default:
			sum.Failed++
		}
	}
	return sum, refused
}

// printJSON writes v on stdout, indented, for --json. When stdout does
// not take it (a closed pipe, a full disk) the error is said on stderr
// and printed is false: a script must not read a cut summary as the run's.
func printJSON(stdout, stderr io.Writer, v any) (printed bool) {
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		fmt.Fprintf(stderr, "hoso: không in được kết quả JSON: %v\n", err)
		return false
	}
	return true
}

// unlessLost is the exit code of a run whose --json result was printed,
// or not: a run that went well but whose result was lost failed.
func unlessLost(code int, printed bool) int {
	if !printed && code == exitOK {
		return exitFailed
	}
	return code
}

// exitFor is the exit code of a run that built (or found valid) built
// submissions and failed on failed ones, refused of them for bad input.
func exitFor(built, failed, refused int) int {
	switch {
	case built == 0 && refused == failed:
		return exitBadInput
	case failed > 0:
		return exitFailed
	}
	return exitOK
}

// buildOne builds, renders and writes the dossier of input i. Nothing is
// written if the run is interrupted first: reading and checking are given
// up at once, and filling and rendering, which Write does a window of
// documents at a time straight into the staging folder, at the end of the
// window, what was written of the dossier removed.
func buildOne(ctx context.Context, i int, files []string, sets []*formset.Set, lock *outputLock, names *folderNames) outcome {
	path := files[i]
	o := outcome{Source: path}
	claimed := false
	defer func() {
		if !claimed {
			names.pass(i)
		}
	}()
	if ctx.Err() != nil {
		o.Status = statusInterrupted
		return o
	}
	p, done := unlessInterrupted(ctx, func() prepared { d, o := prepare(path, sets); return prepared{d, o} })
	switch {
	case !done || ctx.Err() != nil:
		o.Status = statusInterrupted
		return o
	case p.d == nil:
		return p.o
	}
	d := p.d
	if err := lock.take(); err != nil {
		o.Status, o.Errors = statusFailed, []string{"hoso: " + err.Error()}
		return o
	}
	d.Slug, o.Note = names.claim(i, d.Slug)
	claimed = true
	if ctx.Err() != nil { // interrupted while waiting for its turn
		o.Status, o.Note = statusInterrupted, ""
		return o
	}
	dir, err := writeDossier(d, ctx, lock.dir)
	switch {
	case err != nil && ctx.Err() != nil:
		o.Status, o.Note = statusInterrupted, ""
		return o
	case err != nil:
		o.Status, o.Errors = statusFailed, []string{fmt.Sprintf("hoso: %s: không lập được hồ sơ: %v", safefs.Quote(path), err)}
		return o
	}
	o.Status, o.Dir, o.Documents = statusOK, dir, len(d.Documents)
	for _, doc := range d.Documents {
		o.Pages += doc.Pages
		o.Warnings += len(doc.Warnings)
	}
	o.Notices = notices(d.Documents)
	return o
}

// writeDossier is the stage tests hold up to interrupt.
var writeDossier = (*dossier.Dossier).Write

// prepared is a dossier read, checked and listed, or the outcome that says
// why not.
type prepared struct {
	d *dossier.Dossier
	o outcome
}

// prepare reads and validates the submission at path and lists its
// documents: nothing filled yet, nothing written. Without a dossier, the
// outcome says why (statusBadInput, with every problem, or the templates
// of its form set refused; statusFailed otherwise).
func prepare(path string, sets []*formset.Set) (*dossier.Dossier, outcome) {
	o := outcome{Source: path}
	src, err := readSubmission(path)
	if err != nil {
		o.Status, o.Errors = statusBadInput, []string{"hoso: " + err.Error()}
		return nil, o
	}
	d, err := dossier.Prepare(path, src, sets)
	var inputErr *dossier.InputError
	var tplErr *dossier.TemplateError
	switch {
	case errors.As(err, &tplErr): // the templates are input too: refused, as a folder refused when loaded
		o.Status, o.Errors = statusBadInput, []string{fmt.Sprintf("hoso: %s: %v", safefs.Quote(path), err)}
		return nil, o
	case errors.As(err, &inputErr):
		inputErr.Path = safefs.Quote(path)
		o.Status, o.Errors, o.Problems = statusBadInput, []string{inputErr.Error()}, problems(path, inputErr.Problems)
		return nil, o
	case err != nil:
		o.Status, o.Errors = statusFailed, []string{fmt.Sprintf("hoso: %s: %v", safefs.Quote(path), err)}
		return nil, o
	}
	return d, o
}

// unlessInterrupted runs f on a goroutine of its own and returns what it
// returns, or done false as soon as ctx ends: whatever stage a dossier is
// at, an interrupted run ends at once. The abandoned work ends with the
// process, and nothing of it is written.
func unlessInterrupted[T any](ctx context.Context, f func() T) (r T, done bool) {
	result := make(chan T, 1)
	go func() { result <- f() }()
	select {
	case r = <-result:
		return r, true
	case <-ctx.Done():
		return r, false
	}
}

// readSubmission reads a submission file. Only a regular file is opened
// (a FIFO or a device is refused before, so nothing waits on it); one
// larger than tomlin.MaxFileSize is refused from its size, unread.
func readSubmission(path string) ([]byte, error) {
	f, err := safefs.OpenRegular(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > tomlin.MaxFileSize {
		return nil, fmt.Errorf("%s: %s: kiểm tra xem có chọn nhầm tệp không", safefs.Quote(path), tomlin.TooLargeMessage(st.Size()))
	}
	src, err := io.ReadAll(io.LimitReader(f, tomlin.MaxFileSize+1))
	if err != nil {
		return nil, safefs.Wrap("không đọc được", path, err)
	}
	return src, nil
}

// outputLock takes the output folder's lock on first use.
type outputLock struct {
	dir    string
	once   sync.Once
	err    error
	unlock func()
}

func (l *outputLock) take() error {
	l.once.Do(func() { l.unlock, l.err = dossier.LockOutput(l.dir) })
	return l.err
}

func (l *outputLock) release() {
	if l.unlock != nil {
		l.unlock()
	}
}

// expandInputs turns the arguments into submission files: files as given,
// folders into their *.toml files, sorted. A path that cannot be read, or
// a folder without submissions, is returned as a refused outcome.
func expandInputs(args []string) (files []string, unreadable []outcome) {
	refuse := func(path string, err error) {
		unreadable = append(unreadable, outcome{Source: path, Status: statusBadInput, Errors: []string{"hoso: " + err.Error()}})
	}
	for _, a := range args {
		st, err := os.Stat(a)
		if err != nil {
			refuse(a, safefs.Wrap("không đọc được", a, err))
			continue
		}
		if !st.IsDir() {
			files = append(files, a) // readSubmission refuses what is not a regular file
			continue
		}
		entries, err := os.ReadDir(a) // sorted by name
		if err != nil {
			refuse(a, safefs.Wrap("không đọc được thư mục", a, err))
			continue
		}
		found := 0
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".toml") {
				files = append(files, filepath.Join(a, e.Name()))
				found++
			}
		}
		if found == 0 {
			refuse(a, fmt.Errorf("thư mục %s không có tệp .toml nào: hãy chỉ thư mục chứa tệp hồ sơ", safefs.Quote(a)))
		}
	}
	return files, unreadable
}

// isTerminal reports whether w is a terminal (progress bars only there).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}
