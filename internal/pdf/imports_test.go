package pdf

import (
	"os/exec"
	"slices"
	"strings"
	"testing"
)

// module is hoso's module path.
const module = "github.com/hoso-vn/hoso"

// drawPkg is the one package of hoso that may import maroto and gofpdf
// (its package doc says why).
const drawPkg = module + "/internal/pdf/internal/draw"

// drawnWith are the import path prefixes of maroto and of gofpdf (the
// patched copy in internal/gofpdf keeps upstream's path, see go.mod).
var drawnWith = []string{"github.com/johnfercher/maroto/", "github.com/phpdave11/gofpdf"}

// imports lists, with go list, the imports of every package hoso's
// packages build from (test files are not part of the graph), by package.
func imports(t *testing.T, patterns ...string) map[string][]string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command is needed to list the packages: %v", err)
	}
	args := append([]string{"list", "-deps", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`}, patterns...)
	out, err := exec.Command(goTool, args...).Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	graph := map[string][]string{}
	for line := range strings.Lines(string(out)) {
		fields := strings.Fields(line)
		graph[fields[0]] = fields[1:]
	}
	return graph
}

func own(pkg string) bool { return pkg == module || strings.HasPrefix(pkg, module+"/") }

// TestOnlyDrawImportsMarotoAndGofpdf checks that, among hoso's own
// packages, only draw imports maroto or gofpdf: every other package
// reaches them through draw or not at all.
func TestOnlyDrawImportsMarotoAndGofpdf(t *testing.T) {
	n, drawImports := 0, map[string]bool{}
	for pkg, imps := range imports(t, module+"/...") {
		if !own(pkg) {
			continue
		}
		n++
		for _, imp := range imps {
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
	if n < 10 {
		t.Fatalf("go list gave %d packages of hoso", n)
	}
	for _, prefix := range drawnWith {
		if !drawImports[prefix] {
			t.Errorf("%s imports nothing under %s: has drawing moved?", drawPkg, prefix)
		}
	}
}

// TestStageWalls checks the walls ARCHITECTURE.md draws: the input model
// builds from no DOCX or PDF package; the dossier reaches the PDF stage
// through its one facade; the CLI imports nothing of the PDF stage.
func TestStageWalls(t *testing.T) {
	graph := imports(t, module+"/...")
	facade := module + "/internal/pdf"
	wordish := []string{module + "/internal/docx", module + "/internal/ooxml", facade, "github.com/nguyenthenguyen/docx", "github.com/beevik/etree"}
	model := imports(t, module+"/internal/submission")
	if len(model) < 3 {
		t.Fatalf("go list gave %d packages for the model", len(model))
	}
	for pkg := range model {
		for _, w := range wordish {
			if pkg == w || strings.HasPrefix(pkg, w+"/") {
				t.Errorf("internal/submission builds from %s: the model knows no Word files", pkg)
			}
		}
	}
	for _, c := range []struct {
		pkg     string
		allowed []string // what of the PDF stage it may import
	}{{module + "/internal/dossier", []string{facade}}, {module + "/cmd/hoso", nil}} {
		imps, ok := graph[c.pkg]
		if !ok {
			t.Fatalf("go list did not list %s", c.pkg)
		}
		for _, imp := range imps {
			if (imp == facade || strings.HasPrefix(imp, facade+"/")) && !slices.Contains(c.allowed, imp) {
				t.Errorf("%s imports %s: allowed of the PDF stage: %q", c.pkg, imp, c.allowed)
			}
		}
	}
}
