package tplcheck

import (
	"github.com/hoso-vn/hoso/internal/docxtpl"
)

// engineFinding turns a problem the template engine found, located and
// with its fix, into a finding.
func engineFinding(name string, e *docxtpl.Error) Finding {
	return Finding{Severity: Error, Code: e.Code, File: name, Part: e.Part, Where: e.Where, Message: e.What(), Fix: e.Fix}
}

// noteFinding turns what the engine notes about a template (a landscape
// page, a tag formatted unevenly) into a warning.
func noteFinding(name string, n docxtpl.Note) Finding {
	f := engineFinding(name, (*docxtpl.Error)(&n))
	f.Severity = Warning
	return f
}
