// Package templates holds the form sets shipped with hoso: one folder per
// set, each with a bo-mau.toml manifest and the DOCX templates maintainers
// edit in Word or LibreOffice. See README.md in this folder.
package templates

import "embed"

// FS is every shipped form set, embedded in the binary.
//
//go:embed */bo-mau.toml */*.docx
var FS embed.FS
