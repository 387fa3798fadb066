package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

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
  hoso templates fields
        Mọi trường một mẫu được dùng (kiểu, ý nghĩa, ví dụ) và các bộ
        định dạng, sinh từ kiểu dữ liệu của chương trình.
  hoso templates export THƯ_MỤC
        Chép các bộ mẫu có sẵn ra THƯ_MỤC để sửa trong Word hoặc
        LibreOffice; sau đó dùng  --templates THƯ_MỤC  khi check và build.

Hướng dẫn soạn mẫu: templates/README.md.
`

// schema is the type every template is filled with.
var schema = reflect.TypeOf(dossier.Data{})

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
		if len(args) > 1 {
			fmt.Fprint(stderr, "hoso templates fields: không nhận thêm tham số\n")
			return exitBadInput
		}
		if err := tplcheck.WriteFields(stdout, schema); err != nil {
			fmt.Fprintf(stderr, "hoso: %v\n", err)
			return exitFailed
		}
		return exitOK
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
// is empty. It says which in words.
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
	return os.DirFS(dir), "thư mục " + safefs.Quote(dir), nil
}

// templatesList runs "hoso templates list".
func templatesList(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("templates list", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	if err := fl.Parse(args); err != nil {
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
		fmt.Fprintf(stderr, "hoso: %v\nChạy  hoso templates check  để xem chi tiết.\n", err)
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
		b.WriteString("  Các phần:\n")
		for _, p := range formset.Parts {
			fmt.Fprintf(&b, "    %-16s %-38s %s\n", p, formset.PartTitle(p), s.File(p))
		}
		b.WriteString("  Hình thức khen thưởng (mã dùng trong tệp hồ sơ, hinh_thuc = \"…\"):\n")
		for _, a := range s.Awards {
			if a.Repealed != "" {
				fmt.Fprintf(&b, "    %-30s ĐÃ BÃI BỎ: %s\n", a.Code, a.Repealed)
				continue
			}
			fmt.Fprintf(&b, "    %-30s %s (%s quyết định)\n", a.Code, a.Name, formset.DeciderTitle(a.Decider))
		}
	}
	if _, err := io.WriteString(stdout, b.String()); err != nil {
		return exitFailed
	}
	return exitOK
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
	fl := flag.NewFlagSet("templates check", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dir := fl.String("templates", "", "thư mục bộ mẫu cần kiểm tra (form sets folder)")
	if err := fl.Parse(args); err != nil {
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
	fmt.Fprintf(stdout, "Đã chép %d tệp vào %s. Sửa mẫu rồi chạy:\n  hoso templates check %s\n  hoso build --templates %s TỆP.toml\n",
		n, q, q, q)
	return exitOK
}

// existsError is a file export would overwrite.
type existsError struct{ path string }

func (e *existsError) Error() string { return e.path + " đã có" }

// exportTemplates writes every file of the embedded sets under dst and
// returns how many; it writes nothing if one of them exists already (a
// link, even dangling, counts). The folders below dst are hoso's: one that
// is a link is refused, and every file is created new (safefs).
func exportTemplates(dst string) (int, error) {
	var files, dirs []string
	err := fs.WalkDir(templates.FS, ".", func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
		case d.IsDir() && p != ".":
			dirs = append(dirs, p)
		case !d.IsDir():
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	for _, p := range files {
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
	for _, p := range files {
		data, err := fs.ReadFile(templates.FS, p)
		if err != nil {
			return 0, err
		}
		if err := safefs.WriteNew(filepath.Join(dst, filepath.FromSlash(p)), data, true); err != nil {
			return 0, err
		}
	}
	return len(files), nil
}
