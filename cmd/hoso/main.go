// Command hoso builds Vietnamese award-nomination dossiers (hồ sơ đề nghị
// khen thưởng) from one TOML file per submission.
//
//	hoso build [-o DIR] [--templates DIR] FILE.toml...
//	hoso init [FILE.toml]
//
// Exit codes: 0 every dossier built; 1 some dossier failed; 2 bad input or
// usage (nothing built).
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
