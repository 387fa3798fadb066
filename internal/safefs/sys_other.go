//go:build !unix && !windows

package safefs

import "io/fs"

// Systems with neither O_NOFOLLOW nor Windows' errors: refuseLink checks
// the path before it is opened, and O_EXCL refuses any name that exists.
const (
	noFollow = 0
	nonBlock = 0
)

func linkCount(fs.FileInfo) uint64 { return 1 }

var platformCauses []cause
