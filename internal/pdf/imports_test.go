package pdf

import (
	"os/exec"
	"strings"
	"testing"
)

// drawPkg is the one package of hoso that may import maroto and gofpdf
// (its package doc says why).
const drawPkg = "github.com/hoso-vn/hoso/internal/pdf/internal/draw"

// drawnWith are the import path prefixes of maroto and of gofpdf (the
// patched copy in internal/gofpdf keeps upstream's path, see go.mod).
var drawnWith = []string{"github.com/johnfercher/maroto/", "github.com/phpdave11/gofpdf"}

// TestOnlyDrawImportsMarotoAndGofpdf lists every package hoso's packages
// build from (go list -deps) and checks that, among hoso's own, only draw
// imports maroto or gofpdf: every other package reaches them through draw
// or not at all. Test files are not part of the graph.
func TestOnlyDrawImportsMarotoAndGofpdf(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the packages: %v", err)
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f",
		`{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "github.com/hoso-vn/hoso/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	own, drawImports := 0, map[string]bool{}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		if pkg != "github.com/hoso-vn/hoso" && !strings.HasPrefix(pkg, "github.com/hoso-vn/hoso/") {
			continue
		}
		own++
		for _, imp := range imports {
			for _, prefix := range drawnWith {
				if !strings.HasPrefix(imp, prefix) {
					continue
				}
				if pkg != drawPkg {
					t.Errorf("%s imports %s: only %s may", pkg, imp, drawPkg)
					continue
				}
				drawImports[prefix] = true
			}
		}
	}
	// Not vacuous: the packages were listed, and draw was among them.
	if own < 10 {
		t.Fatalf("go list gave %d packages of hoso:\n%s", own, out)
	}
	for _, prefix := range drawnWith {
		if !drawImports[prefix] {
			t.Errorf("%s imports nothing under %s: has drawing moved?", drawPkg, prefix)
		}
	}
}
