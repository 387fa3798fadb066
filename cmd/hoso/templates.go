package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/safefs"
	"github.com/hoso-vn/hoso/internal/tplcheck"
	"github.com/hoso-vn/hoso/templates"
)

// templatesUsage is printed by "hoso templates" without a subcommand.
const templatesUsage = `hoso templates — dành cho người bảo trì bộ mẫu (for template maintainers)

Cách dùng (usage):
  hoso templates list [--templates THƯ_MỤC]
        Các bộ mẫu: văn bản pháp luật, cấp, thời gian hiệu lực, các phần
        và tệp mẫu, các hình thức khen thưởng.
  hoso templates check [--templates THƯ_MỤC] [THƯ_MỤC]
        Kiểm tra bộ mẫu (mặc định: bộ mẫu có sẵn; THƯ_MỤC là thư mục chứa
        các bộ mẫu hoặc thư mục của một bộ mẫu). Báo từng lỗi với tệp, phần,
        số đoạn, trích chữ và cách sửa. Mã thoát 1 khi có lỗi.
  hoso templates fields [--json] [--bo-mau MÃ [--templates THƯ_MỤC]]
        Mọi trường một mẫu được dùng (kiểu, ý nghĩa, ví dụ viết đúng) và
        các bộ định dạng với kiểu trường chúng nhận, sinh từ kiểu dữ liệu
        của chương trình; --json cho công cụ khác; --bo-mau ghi thêm các
        phần (mẫu) của bộ mẫu đó dùng từng trường.
  hoso templates export THƯ_MỤC
        Chép các bộ mẫu có sẵn ra THƯ_MỤC để sửa trong Word hoặc
        LibreOffice, kèm hướng dẫn soạn mẫu THƯ_MỤC/` + docxtpl.Guide + `;
        sau đó dùng  --templates THƯ_MỤC  khi check và build.

Hướng dẫn soạn mẫu (cú pháp thẻ, vòng lặp, kiểm tra, thêm bộ mẫu mới): tệp
` + docxtpl.Guide + ` mà  hoso templates export THƯ_MỤC  chép ra cùng các bộ mẫu.
`

// schema is the type every template is filled with.
var schema = dossier.Schema

// templatesCmd runs "hoso templates …".
func templatesCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, templatesUsage)
		return exitBadInput
	}
	switch args[0] {
	case "list":
		return templatesList(args[1:], stdout, stderr)
	case "check":
		return templatesCheck(args[1:], stdout, stderr)
	case "fields":
		return templatesFields(args[1:], stdout, stderr)
	case "export":
		return templatesExport(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, templatesUsage)
		return exitOK
	}
	fmt.Fprintf(stderr, "hoso templates: lệnh không có: %q\n\n%s", args[0], templatesUsage)
	return exitBadInput
}

// templatesFS opens a maintainer's folder, or the embedded sets when dir
// is empty. It says which in words. The folder is opened as an os.Root:
// a symbolic link inside it is followed only to a file inside it, never
// to /dev/zero or another folder's files (formset reads only regular
// files, within size limits).
func templatesFS(dir string) (fs.FS, string, error) {
	if dir == "" {
		return templates.FS, "bộ mẫu có sẵn trong chương trình", nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, "", safefs.Wrap("không mở được thư mục bộ mẫu", dir, err)
	}
	if !st.IsDir() {
		return nil, "", fmt.Errorf("%s không phải thư mục: hãy chỉ thư mục chứa bo-mau.toml và các tệp .docx", safefs.Quote(dir))
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, "", fmt.Errorf("không mở được thư mục bộ mẫu %s: %v", safefs.Quote(dir), safefs.Explain(err))
	}
	// The root stays open for the life of the process, as the folder's
	// templates are compiled on first use.
	return root.FS(), "thư mục " + safefs.Quote(dir), nil
}

// templatesList runs "hoso templates list".
func templatesList(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("templates list")
	dir := fl.String("templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	if !parseFlags(fl, args, stderr) {
		return exitBadInput
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "hoso templates list: không nhận tham số %q (dùng --templates THƯ_MỤC)\n", fl.Arg(0))
		return exitBadInput
	}
	fsys, from, err := templatesFS(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return exitBadInput
	}
	sets, err := formset.Load(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err) // formset.Refused says to run templates check
		return exitBadInput
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Bộ mẫu (%s):\n", from)
	for _, s := range sets {
		fmt.Fprintf(&b, "\n%s — %s\n", s.ID, s.Title)
		fmt.Fprintf(&b, "  Văn bản pháp luật: %s\n", s.Law)
		if s.Level != "" {
			fmt.Fprintf(&b, "  Cấp: %s\n", levelWords(s.Level))
		}
		fmt.Fprintf(&b, "  Hiệu lực: %s (chọn theo ngày Tờ trình)\n", s.Validity())
		fmt.Fprintf(&b, "  Thư mục: %s\n", s.Dir())
		b.WriteString("  Các văn bản (theo thứ tự trong hồ sơ):\n")
		for _, p := range s.Parts {
			fmt.Fprintf(&b, "    %-20s %-46s %s\n", p.ID, p.Title, strings.Join(p.Template.Files(), ", "))
		}
		b.WriteString("  Hình thức khen thưởng (mã dùng trong tệp hồ sơ, hinh_thuc = \"…\"):\n")
		for _, a := range s.Awards {
			if a.Repealed != "" {
				fmt.Fprintf(&b, "    %-30s ĐÃ BÃI BỎ: %s\n", a.Code, a.Repealed)
				continue
			}
			d, _ := formset.DeciderOf(a.Decider)
			fmt.Fprintf(&b, "    %-30s %s (%s quyết định)\n", a.Code, a.Name, d.Title)
		}
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return exitFailed
	}
	return exitOK
}

// templatesFields runs "hoso templates fields": every field and
// formatter, as text or JSON, with the parts of one form set that read
// each field when --bo-mau names one.
func templatesFields(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("templates fields")
	asJSON := fl.Bool("json", false, "in JSON cho công cụ khác (JSON for tools)")
	setID := fl.String("bo-mau", "", "ghi các phần của bộ mẫu này dùng từng trường, và các trường tự do bộ mẫu khai báo (form set whose parts and free fields are listed)")
	dir := fl.String("templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	if !parseFlags(fl, args, stderr) {
		return exitBadInput
	}
	if fl.NArg() > 0 {
		fmt.Fprintf(stderr, "hoso templates fields: không nhận tham số %q\n", fl.Arg(0))
		return exitBadInput
	}
	var parts map[string][]string
	var free []tplcheck.Field
	if *setID != "" {
		var code int
		if parts, free, code = partsReading(*dir, *setID, stderr); code != exitOK {
			return code
		}
	}
	write := tplcheck.WriteFields
	if *asJSON {
		write = tplcheck.WriteFieldsJSON
	}
	if err := write(stdout, schema, parts, free); err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// partsReading loads the form set id from dir (the built-in sets when
// empty), maps each field to the parts that read it and lists the free
// fields its parts declare.
func partsReading(dir, id string, stderr io.Writer) (map[string][]string, []tplcheck.Field, int) {
	fsys, _, err := templatesFS(dir)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return nil, nil, exitBadInput
	}
	sets, err := formset.Load(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err) // formset.Refused says to run templates check
		return nil, nil, exitBadInput
	}
	set, err := formset.Select(sets, time.Time{}, id)
	if err != nil {
		fmt.Fprintf(stderr, "hoso templates fields: %v\n", err)
		return nil, nil, exitBadInput
	}
	parts, err := tplcheck.PartsReading(set)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %s\nChạy  hoso templates check  để xem chi tiết.\n", docxtpl.Explain(err))
		return nil, nil, exitFailed
	}
	return parts, tplcheck.DeclaredFields(set), exitOK
}

// levelWords names a set's level (cap) in Vietnamese.
func levelWords(level string) string {
	switch level {
	case "tinh":
		return "tỉnh, thành phố"
	case "huyen":
		return "quận, huyện"
	case "xa":
		return "xã, phường, đặc khu"
	}
	return level
}

// templatesCheck runs "hoso templates check": exit 1 when there are errors.
func templatesCheck(args []string, stdout, stderr io.Writer) int {
	fl := newFlags("templates check")
	dir := fl.String("templates", "", "thư mục bộ mẫu cần kiểm tra (form sets folder)")
	if !parseFlags(fl, args, stderr) {
		return exitBadInput
	}
	switch {
	case fl.NArg() > 1:
		fmt.Fprint(stderr, "hoso templates check: chỉ nhận một thư mục\n")
		return exitBadInput
	case fl.NArg() == 1 && *dir != "" && *dir != fl.Arg(0):
		fmt.Fprint(stderr, "hoso templates check: chỉ nhận một thư mục (THƯ_MỤC hoặc --templates THƯ_MỤC)\n")
		return exitBadInput
	case fl.NArg() == 1:
		*dir = fl.Arg(0)
	}
	fsys, from, err := templatesFS(*dir)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return exitBadInput
	}
	fmt.Fprintf(stdout, "Kiểm tra %s\n\n", from)
	r := tplcheck.CheckFS(fsys, schema)
	if err := r.Write(stdout); err != nil {
		return exitFailed
	}
	if r.Errors() > 0 {
		return exitFailed
	}
	return exitOK
}

// templatesExport copies the embedded sets into a folder a maintainer
// edits; it never overwrites a file nor writes through a link.
func templatesExport(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 || strings.HasPrefix(args[0], "-") {
		fmt.Fprint(stderr, "hoso templates export: cần đúng một thư mục đích\n")
		return exitBadInput
	}
	dst := args[0]
	n, err := exportTemplates(dst)
	var exists *existsError
	switch {
	case errors.As(err, &exists):
		fmt.Fprintf(stderr, "hoso templates export: %s đã có; không ghi đè (chọn thư mục trống)\n", safefs.Quote(exists.path))
		return exitBadInput
	case err != nil:
		fmt.Fprintf(stderr, "hoso templates export: %v\n", err)
		return exitFailed
	}
	q := safefs.Quote(dst)
	fmt.Fprintf(stdout, "Đã chép %d tệp vào %s; hướng dẫn soạn mẫu: %s. Sửa mẫu rồi chạy:\n  hoso templates check %s\n  hoso build --templates %s TỆP.toml\n",
		n, q, safefs.Quote(filepath.Join(dst, docxtpl.Guide)), q, q)
	return exitOK
}

// existsError is a file export would overwrite.
type existsError struct{ path string }

func (e *existsError) Error() string { return e.path + " đã có" }

// exportTemplates writes every file of the embedded sets under dst, and
// the maintainers' guide beside them, and returns how many files; it
// writes nothing if one of them exists already (a link, even dangling,
// counts). The folders below dst are hoso's: one that is a link is
// refused, and every file is created new (safefs).
func exportTemplates(dst string) (int, error) {
	files := map[string][]byte{docxtpl.Guide: templates.Guide}
	var dirs []string
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
		case d.IsDir() && p != ".":
			dirs = append(dirs, p)
		case !d.IsDir():
			files[p], err = fs.ReadFile(templates.FS, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	names := slices.Sorted(maps.Keys(files))
	for _, p := range names {
		out := filepath.Join(dst, filepath.FromSlash(p))
		if _, err := os.Lstat(out); err == nil {
			return 0, &existsError{out}
		}
	}
	if err := safefs.MkdirAll(dst); err != nil {
		return 0, err
	}
	for _, p := range dirs { // parents first: WalkDir's order
		if err := safefs.EnsureDir(filepath.Join(dst, filepath.FromSlash(p))); err != nil {
			return 0, err
		}
	}
	for _, p := range names {
		if err := safefs.WriteNew(filepath.Join(dst, filepath.FromSlash(p)), files[p], true); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}
