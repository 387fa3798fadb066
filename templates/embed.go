// Package templates holds the form sets shipped with hoso: one folder per
// set, each with a bo-mau.toml manifest and the DOCX templates maintainers
// edit in Word or LibreOffice, and the maintainers' guide (README.md in
// this folder), which "hoso templates export" writes beside the sets.
package templates

import "embed"

// FS is every shipped form set, embedded in the binary.
//
//go:embed */bo-mau.toml */*.docx
var FS embed.FS

// Guide is the maintainers' guide (README.md of this folder, in
// Vietnamese with English alongside).
//
//go:embed README.md
var Guide []byte
