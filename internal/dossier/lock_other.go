//go:build !unix && !windows

package dossier

import "os"

// On systems with neither flock nor LockFileEx the folder is not locked.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
