//go:build !unix

package dossier

import "os"

// On systems without flock the folder is not locked.
func lockFile(*os.File) error { return nil }

func unlockFile(*os.File) {}
