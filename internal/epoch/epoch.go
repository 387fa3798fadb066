// Package epoch reads SOURCE_DATE_EPOCH, the reproducible-builds convention
// for "the time to write into generated files": when it is set, every
// date hoso puts in a PDF is that time, so the same input gives the same
// bytes.
package epoch

import (
	"os"
	"strconv"
	"time"
)

// Time returns SOURCE_DATE_EPOCH as a time and whether it is set (and a
// valid count of seconds).
func Time() (time.Time, bool) {
	s := os.Getenv("SOURCE_DATE_EPOCH")
	if s == "" {
		return time.Time{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, false
	}
	return time.Unix(n, 0).UTC(), true
}
