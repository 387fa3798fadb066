package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/hoso-vn/hoso/internal/safefs"
)

// Exit codes.
const (
	exitOK       = 0
	exitFailed   = 1 // some dossier failed
	exitBadInput = 2 // bad input or usage; nothing built
)

const usage = `hoso — lập hồ sơ đề nghị khen thưởng (build award-nomination dossiers)

Cách dùng (usage):
  hoso build [-o THƯ_MỤC] [-j N] [-q] [--json] [--templates THƯ_MỤC] TỆP.toml|THƯ_MỤC...
        Lập hồ sơ cho từng tệp (thư mục: mọi tệp *.toml trong đó): Tờ trình,
        Biên bản, Báo cáo thành tích, Công văn xác nhận thuế (DOCX và PDF),
        ho-so.pdf và manifest.json trong THƯ_MỤC/<tên hồ sơ>/.
        -j N: số hồ sơ lập song song (mặc định: số nhân CPU); -q: chỉ báo lỗi;
        --json: tổng kết dạng JSON trên stdout.
  hoso kiem-tra [--json] [--templates THƯ_MỤC] TỆP.toml|THƯ_MỤC...   (check)
        Chỉ kiểm tra: mọi lỗi và cảnh báo mà build báo (trừ cảnh báo khi vẽ
        PDF), không ghi tệp nào; --json cho trình soạn thảo và script.
  hoso nhap DANH-SÁCH.xlsx [-o TỆP.toml | --vao TỆP.toml]   (import)
        Nhập danh sách đối tượng đề nghị từ bảng Excel: vào tệp hồ sơ mới
        (mặc định: DANH-SÁCH.toml cạnh tệp Excel) hoặc thêm vào tệp có sẵn.
  hoso init [TỆP.toml]
        Viết tệp hồ sơ mẫu có chú thích để điền (mặc định: ho-so.toml).
  hoso schema
        In JSON Schema của tệp hồ sơ (cho trình soạn thảo TOML; bản trong kho:
        ` + schemaURL + `).
  hoso sample -n N [--seed S] -o TỆP.toml
        Viết một hồ sơ tổng hợp N đối tượng (để đo tốc độ, kiểm thử).
  hoso templates list|check|fields|export [--templates THƯ_MỤC] [THƯ_MỤC]
        Dành cho người bảo trì bộ mẫu: liệt kê bộ mẫu; kiểm tra bộ mẫu (lỗi
        kèm vị trí và cách sửa, mã thoát 1 khi có lỗi); in mọi trường và bộ
        định dạng; chép bộ mẫu có sẵn ra để sửa, kèm hướng dẫn HUONG-DAN.md.

Mã thoát (exit codes): 0 xong hết; 1 có hồ sơ lỗi; 2 dữ liệu vào hoặc lệnh sai;
130 bị ngắt (Ctrl-C).
`

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitBadInput
	}
	switch args[0] {
	case "build":
		return build(args[1:], stdout, stderr)
	case "kiem-tra", "check":
		return checkCmd(args[1:], stdout, stderr)
	case "nhap", "import":
		return importCmd(args[1:], stdout, stderr)
	case "init":
		return initCmd(args[1:], stdout, stderr)
	case "schema":
		return schemaCmd(args[1:], stdout, stderr)
	case "sample":
		return sampleCmd(args[1:], stdout, stderr)
	case "templates":
		return templatesCmd(args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "hoso: lệnh không có: %q\n\n%s", args[0], usage)
	return exitBadInput
}

//go:embed skeleton.toml
var skeleton []byte

func initCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprint(stderr, "hoso init: chỉ nhận một tên tệp\n")
		return exitBadInput
	}
	if len(args) == 1 && strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "hoso init: không có tùy chọn %s; cách dùng: hoso init [TỆP.toml] (tên tệp bắt đầu bằng \"-\" thì viết ./%s)\n", safefs.Quote(args[0]), safefs.Quote(args[0]))
		return exitBadInput
	}
	path := "ho-so.toml"
	if len(args) == 1 {
		path = args[0]
	}
	if code := writeNew("hoso init", path, skeleton, stderr); code != exitOK {
		return code
	}
	fmt.Fprintf(stdout, "Đã viết %s: điền thông tin rồi chạy  hoso build %s\n", safefs.Quote(path), safefs.Quote(path))
	return exitOK
}

// writeNew is the one rule of every command that writes a file the user
// names (init, sample, templates export): the file is created new, never
// over an existing file, never through a link, and synced; a failure is
// printed in words for cmd. It returns the exit code: a name already
// taken is bad usage, anything else a failure.
func writeNew(cmd, path string, data []byte, stderr io.Writer) int {
	err := safefs.WriteNew(path, data, true)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "%s: %v\n", cmd, err)
	if errors.Is(err, fs.ErrExist) {
		return exitBadInput
	}
	return exitFailed
}
