package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"github.com/hoso-vn/hoso/internal/safefs"
)

// maxJobs is the most dossiers "hoso build -j" builds at once: twice the
// processors, at most 32. More only waits for the same processors and
// multiplies the memory held (each dossier in flight holds its documents).
func maxJobs() int { return min(max(2*runtime.NumCPU(), 2), 32) }

// newFlags makes the flag set of command name ("build", "templates check"):
// errors are returned, not printed; parseFlags says them in Vietnamese.
func newFlags(name string) *flag.FlagSet {
	fl := flag.NewFlagSet(name, flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	return fl
}

// intRange is a flag taking a whole number from lo to hi.
type intRange struct {
	p      *int64
	lo, hi int64
}

// intFlag defines a flag taking a whole number from lo to hi, def by
// default.
func intFlag(fl *flag.FlagSet, name string, def, lo, hi int64, usage string) *int64 {
	p := new(int64)
	*p = def
	fl.Var(intRange{p, lo, hi}, name, usage)
	return p
}

func (r intRange) String() string {
	if r.p == nil {
		return ""
	}
	return strconv.FormatInt(*r.p, 10)
}

// Set reads a whole number within the range; the error is Vietnamese.
func (r intRange) Set(s string) error {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < r.lo || n > r.hi {
		return fmt.Errorf("cần một số nguyên từ %d đến %d", r.lo, r.hi)
	}
	*r.p = n
	return nil
}

// parseFlags parses args with fl and, on an error, says it on stderr in
// Vietnamese, naming the flag and what it takes; ok is false then (exit 2).
// -h lists the flags.
func parseFlags(fl *flag.FlagSet, args []string, stderr io.Writer) (ok bool) {
	return reportFlags(fl, fl.Parse(args), stderr)
}

// reportFlags says the error of fl.Parse on stderr (see parseFlags).
func reportFlags(fl *flag.FlagSet, err error, stderr io.Writer) (ok bool) {
	if err == nil {
		return true
	}
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprintf(stderr, "Các tùy chọn của hoso %s (options):\n", fl.Name())
		fl.SetOutput(stderr)
		fl.PrintDefaults()
		fl.SetOutput(io.Discard)
		return false
	}
	fmt.Fprintf(stderr, "hoso %s: %s\n", fl.Name(), flagMessage(fl, err.Error()))
	return false
}

// flagMessage translates an error of package flag, whose wording is
// stable: the flag and the value named, quoted.
func flagMessage(fl *flag.FlagSet, msg string) string {
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return fmt.Sprintf("không có tùy chọn %s; các tùy chọn: %s (xem hoso %s -h)", safefs.Quote(name), flagNames(fl), fl.Name())
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return fmt.Sprintf("tùy chọn %s cần một giá trị, ví dụ %s%s", safefs.Quote(name), name, example(fl, name))
	}
	if bad, ok := strings.CutPrefix(msg, "bad flag syntax: "); ok {
		return fmt.Sprintf("tùy chọn %s viết sai: viết -tên hoặc --tên, ví dụ -o ho-so", safefs.Quote(bad))
	}
	// invalid value "V" for flag -N: REASON; invalid boolean value "V" for -N: REASON
	for _, prefix := range []string{"invalid value ", "invalid boolean value "} {
		rest, ok := strings.CutPrefix(msg, prefix)
		if !ok {
			continue
		}
		value, err := strconv.QuotedPrefix(rest)
		if err != nil {
			break
		}
		v, _ := strconv.Unquote(value)
		rest = strings.TrimPrefix(strings.TrimPrefix(rest[len(value):], " for flag "), " for ")
		name, reason, _ := strings.Cut(rest, ": ")
		if prefix == "invalid boolean value " {
			reason = "cần true hoặc false"
		}
		what := ""
		if f := fl.Lookup(strings.TrimLeft(name, "-")); f != nil {
			what = " — " + f.Usage
		}
		return fmt.Sprintf("giá trị %s của %s không dùng được: %s%s", safefs.Quote(v), name, reason, what)
	}
	return "tùy chọn không đúng: " + safefs.Quote(msg)
}

// flagNames lists the flags of fl as they are typed.
func flagNames(fl *flag.FlagSet) string {
	var names []string
	fl.VisitAll(func(f *flag.Flag) {
		dash := "--"
		if len(f.Name) == 1 {
			dash = "-"
		}
		names = append(names, dash+f.Name)
	})
	if len(names) == 0 {
		return "không có"
	}
	return strings.Join(names, ", ")
}

// example is a value to show after flag name: its default, or a word.
func example(fl *flag.FlagSet, name string) string {
	f := fl.Lookup(strings.TrimLeft(name, "-"))
	if f != nil && f.DefValue != "" && f.DefValue != "false" {
		return " " + f.DefValue
	}
	return " GIÁ_TRỊ"
}
