// Command hoso builds Vietnamese award-nomination dossiers (hồ sơ đề nghị
// khen thưởng) from one TOML file per submission.
//
//	hoso build [-o DIR] [-j N] [-q] [--json] [--templates DIR] FILE.toml|DIR...
//	hoso kiem-tra [--json] FILE.toml|DIR...          (alias check)
//	hoso nhap LIST.xlsx [-o FILE.toml | --vao FILE.toml]  (alias import)
//	hoso init [FILE.toml]
//	hoso schema
//	hoso sample -n N [--seed S] -o FILE.toml
//	hoso templates list|check|fields|export
//
// Exit codes: 0 every dossier built; 1 some dossier failed; 2 bad input or
// usage (nothing built); 130 interrupted.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	// A run is short and its memory is bounded by -j dossiers in flight: let
	// the heap grow to five times what is live before collecting (GOGC=400)
	// instead of twice, which saves about a tenth of the time of a ward's
	// dossier, under a soft ceiling of 160 MiB (GOMEMLIMIT) past which the
	// collector works harder, so that a very large submission stays near
	// what it needs. GOGC and GOMEMLIMIT in the environment still win.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(160 << 20)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
