package dossier

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/hoso-vn/hoso/internal/docxtpl"
	"github.com/hoso-vn/hoso/internal/formset"
	"github.com/hoso-vn/hoso/internal/parallel"
	"github.com/hoso-vn/hoso/internal/tplcheck"
)

// Schema is the type every template is filled with: a template naming a
// field it lacks is refused when its set is first used, even where the
// data at hand would never reach the tag.
var Schema = reflect.TypeOf(Data{})

// compiledSet is a form set's templates, compiled once per process.
type compiledSet struct {
	once   sync.Once
	byFile map[string]*docxtpl.Template
	err    error
}

var compiled sync.Map // *formset.Set → *compiledSet

// templatesOf compiles and checks every template of a set on its first
// use; every problem of every template is reported.
func templatesOf(set *formset.Set) (map[string]*docxtpl.Template, error) {
	c, _ := compiled.LoadOrStore(set, &compiledSet{})
	cs := c.(*compiledSet)
	cs.once.Do(func() { cs.byFile, cs.err = compileSet(set) })
	return cs.byFile, cs.err
}

// compileSet parses and checks the templates of a set, each on its own
// goroutine (a few milliseconds each, on the path of the first document);
// the problems are reported in the order of the parts, each with its fix,
// as "hoso templates check" prints them.
func compileSet(set *formset.Set) (map[string]*docxtpl.Template, error) {
	var files []string
	for _, p := range set.Parts {
		for _, f := range p.Template.Files() {
			if !slices.Contains(files, f) {
				files = append(files, f)
			}
		}
	}
	tpls := make([]*docxtpl.Template, len(files))
	problems := make([]string, len(files))
	parallel.Do(len(files), func(i int) error {
		tpls[i], problems[i] = compileFile(set, files[i], tplcheck.FreeFields(set, files[i]))
		return nil
	})
	out := map[string]*docxtpl.Template{}
	var errs []string
	for i, f := range files {
		if problems[i] != "" {
			errs = append(errs, problems[i])
			continue
		}
		out[f] = tpls[i]
	}
	if len(errs) > 0 {
		return nil, &TemplateError{Set: set.ID, Problems: errs}
	}
	return out, nil
}

// TemplateError is a form set refused for its templates: one that cannot
// be read, or that "hoso templates check" calls wrong. Like a form-set
// folder refused when it is loaded, it is bad input: the dossiers of the
// set are refused, not failed.
type TemplateError struct {
	Set      string   // the form set's id
	Problems []string // each template's problems, with their fixes
}

// Error words the refusal as formset.Load words a refused folder.
func (e *TemplateError) Error() string {
	return fmt.Sprintf("%s: %s:\n%s", formset.Refused, e.Set, strings.Join(e.Problems, "\n"))
}

// compileFile parses one template and checks it against Schema and the
// free fields its parts declare. A template that "hoso templates check"
// calls wrong is refused here too, with the same words: one verdict.
func compileFile(set *formset.Set, file string, extra map[string]reflect.StructField) (*docxtpl.Template, string) {
	name := set.Path(file)
	raw, err := set.ReadFile(file)
	if err != nil {
		return nil, fmt.Sprintf("%s: không đọc được mẫu: %v", name, err)
	}
	t, err := docxtpl.Compile(name, raw, docxtpl.Schema{Data: Schema, Extra: extra})
	if err != nil {
		return nil, docxtpl.Explain(err)
	}
	if errs := tplcheck.Errors(name, raw); len(errs) > 0 {
		return nil, strings.Join(errs, "\n")
	}
	return t, ""
}
