package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/hoso-vn/hoso/internal/dossier"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/templates"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailed   = 1 // some dossier failed
	exitBadInput = 2 // bad input or usage; nothing built
)

const usage = `hoso — lập hồ sơ đề nghị khen thưởng (build award-nomination dossiers)

Cách dùng (usage):
  hoso build [-o THƯ_MỤC] [--templates THƯ_MỤC] TỆP.toml...
        Lập hồ sơ cho từng tệp: Tờ trình, Biên bản, Báo cáo thành tích,
        Công văn xác nhận thuế (DOCX và PDF), ho-so.pdf và manifest.json
        trong THƯ_MỤC/<tên hồ sơ>/.
  hoso init [TỆP.toml]
        Viết tệp hồ sơ mẫu có chú thích để điền (mặc định: ho-so.toml).

Mã thoát (exit codes): 0 xong hết; 1 có hồ sơ lỗi; 2 dữ liệu vào hoặc lệnh sai.
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitBadInput
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "init":
		return initCmd(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "hoso: lệnh không có: %q\n\n%s", args[0], usage)
	return exitBadInput
}

func build(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("build", flag.ContinueOnError)
	fl.SetOutput(stderr)
	out := fl.String("o", "out", "thư mục ghi hồ sơ (output folder)")
	tplDir := fl.String("templates", "", "thư mục bộ mẫu riêng thay cho bộ mẫu có sẵn (form sets folder)")
	if err := fl.Parse(args); err != nil {
		return exitBadInput
	}
	files := fl.Args()
	if len(files) == 0 {
		fmt.Fprint(stderr, "hoso build: thiếu tệp hồ sơ (.toml)\n\n"+usage)
		return exitBadInput
	}
	var fsys fs.FS = templates.FS
	if *tplDir != "" {
		fsys = os.DirFS(*tplDir)
	}
	sets, err := formset.Load(fsys)
	if err != nil {
		fmt.Fprintf(stderr, "hoso: %v\n", err)
		return exitBadInput
	}
	built, refused, failed := 0, 0, 0
	for _, path := range files {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintf(stderr, "hoso: không đọc được %s: %v\n", path, err)
			refused++
			continue
		}
		d, err := dossier.Build(path, src, sets)
		var inputErr *dossier.InputError
		switch {
		case errors.As(err, &inputErr):
			fmt.Fprintln(stderr, inputErr.Error())
			refused++
			continue
		case err != nil:
			fmt.Fprintf(stderr, "hoso: %s: %v\n", path, err)
			failed++
			continue
		}
		if err := d.RenderPDF(); err != nil {
			fmt.Fprintf(stderr, "hoso: %s: %v\n", path, err)
			failed++
			continue
		}
		dir, err := d.Write(*out)
		if err != nil {
			fmt.Fprintf(stderr, "hoso: %s: không ghi được hồ sơ: %v\n", path, err)
			failed++
			continue
		}
		built++
		fmt.Fprintf(stdout, "%s: %d văn bản → %s\n", path, len(d.Documents), filepath.ToSlash(dir))
		for _, doc := range d.Documents {
			for _, w := range doc.Warnings {
				fmt.Fprintf(stderr, "  cảnh báo %s: %s\n", doc.DOCX, w)
			}
		}
	}
	switch {
	case built == 0 && failed == 0:
		return exitBadInput
	case refused+failed > 0:
		return exitFailed
	}
	return exitOK
}

//go:embed skeleton.toml
var skeleton []byte

func initCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprint(stderr, "hoso init: chỉ nhận một tên tệp\n")
		return exitBadInput
	}
	path := "ho-so.toml"
	if len(args) == 1 {
		path = args[0]
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			fmt.Fprintf(stderr, "hoso init: %s đã có; không ghi đè\n", path)
		} else {
			fmt.Fprintf(stderr, "hoso init: %v\n", err)
		}
		return exitBadInput
	}
	if _, err := f.Write(skeleton); err != nil {
		f.Close()
		fmt.Fprintf(stderr, "hoso init: %v\n", err)
		return exitFailed
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "hoso init: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(stdout, "Đã viết %s: điền thông tin rồi chạy  hoso build %s\n", path, path)
	return exitOK
}
