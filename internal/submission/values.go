package submission

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/hoso-vn/hoso/internal/vn"
)

// Date is a calendar date given as a TOML date (2026-02-05) or as the text
// clerks type ("05/02/2026").
type Date struct{ time.Time }

// Vietnam is the time zone of every date and time of a submission: UTC+7.
var Vietnam = time.FixedZone("UTC+7", 7*60*60)

// valueError is an error with a hint, as tomlin reports them.
type valueError struct{ msg, hint string }

func (e valueError) Error() string { return e.msg }
func (e valueError) Hint() string  { return e.hint }

// vietnamClock returns the date and clock of a TOML date or time as read
// in Vietnam. Local dates and times (without an offset) are Vietnam's; an
// offset of +07:00 is Vietnam's too. Another offset is refused rather than
// converted silently: "08:30Z" is 15:30 in Vietnam, and the minutes must
// say the hour the meeting was held; the hint gives the converted value.
func vietnamClock(x time.Time) (time.Time, error) {
	switch x.Location().String() {
	case "date-local", "datetime-local", "time-local":
		return x, nil
	}
	if _, off := x.Zone(); off == 7*60*60 {
		return x, nil
	}
	offset := x.Format("Z07:00")
	local := x.In(Vietnam)
	return time.Time{}, valueError{
		fmt.Sprintf("ngày giờ %s ghi theo múi giờ %s, không phải giờ Việt Nam (UTC+7)", x.Format(time.RFC3339), offset),
		fmt.Sprintf("Hãy ghi giờ Việt Nam, không kèm múi giờ: %s (%s theo múi giờ %s là %s giờ Việt Nam).",
			local.Format("2006-01-02T15:04:05"), x.Format("15:04"), offset, local.Format("15:04 02/01/2006")),
	}
}

var dmy = regexp.MustCompile(`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$`)
var ymd = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)

// DecodeTOML accepts a TOML date or datetime (in Vietnam, see
// vietnamClock), or "dd/mm/yyyy".
func (d *Date) DecodeTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		t, err := vietnamClock(x)
		if err != nil {
			return err
		}
		d.Time = DayOf(t)
		return nil
	case string:
		t, err := parseDate(x)
		if err != nil {
			return err
		}
		d.Time = t
		return nil
	}
	return fmt.Errorf("cần ngày tháng, ví dụ 2026-02-05 hoặc \"05/02/2026\"")
}

// parseDate reads "dd/mm/yyyy" (also with "." or "-") or "yyyy-mm-dd" and
// refuses dates that do not exist.
func parseDate(s string) (time.Time, error) {
	var d, m, y int
	if g := dmy.FindStringSubmatch(s); g != nil {
		d, m, y = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else if g := ymd.FindStringSubmatch(s); g != nil {
		y, m, d = atoi(g[1]), atoi(g[2]), atoi(g[3])
	} else {
		return time.Time{}, fmt.Errorf("không đọc được ngày %q: hãy viết dạng 05/02/2026 hoặc 2026-02-05", s)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || t.Day() != d || t.Month() != time.Month(m) {
		return time.Time{}, fmt.Errorf("ngày %q không có thật", s)
	}
	return t, nil
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// Moment is a date and time of day (a meeting's start or end). The end may
// be given as a time only ("10:30"), meaning the day of the start.
type Moment struct {
	time.Time
	TimeOnly bool
}

var hm = regexp.MustCompile(`^(\d{1,2})[:hg](\d{2})(?::(\d{2}))?$`)

// DecodeTOML accepts a TOML local datetime (2026-01-28T08:00:00) or one
// with the offset +07:00, a TOML time (10:30:00), "dd/mm/yyyy HH:MM" or
// "HH:MM". Every time is Vietnam's; see vietnamClock.
func (m *Moment) DecodeTOML(v any) error {
	switch x := v.(type) {
	case time.Time:
		loc := x.Location().String()
		if loc == "date-local" {
			return fmt.Errorf("cần cả giờ, ví dụ 2026-01-28T08:00:00 hoặc \"28/01/2026 08:00\"")
		}
		t, err := vietnamClock(x)
		if err != nil {
			return err
		}
		m.Time = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), 0, 0, time.UTC)
		m.TimeOnly = loc == "time-local"
		return nil
	case string:
		fields := strings.Fields(x)
		var day time.Time
		var clock string
		switch len(fields) {
		case 1:
			clock = fields[0]
			m.TimeOnly = true
		case 2:
			if hm.MatchString(fields[0]) {
				fields[0], fields[1] = fields[1], fields[0]
			}
			t, err := parseDate(fields[0])
			if err != nil {
				return err
			}
			day, clock = t, fields[1]
		default:
			return fmt.Errorf("không đọc được thời điểm %q: hãy viết \"28/01/2026 08:00\"", x)
		}
		g := hm.FindStringSubmatch(clock)
		if g == nil || atoi(g[1]) > 23 || atoi(g[2]) > 59 {
			return fmt.Errorf("giờ %q không hợp lệ: hãy viết dạng 08:00", clock)
		}
		m.Time = time.Date(day.Year(), day.Month(), day.Day(), atoi(g[1]), atoi(g[2]), 0, 0, time.UTC)
		return nil
	}
	return fmt.Errorf("cần ngày giờ, ví dụ 2026-01-28T08:00:00 hoặc \"28/01/2026 08:00\"")
}

// Kind is what a nominee is: an individual, a collective, an enterprise or
// an enterprise owner.
type Kind string

// The nominee kinds.
const (
	Individual Kind = "ca-nhan"
	Collective Kind = "tap-the"
	Enterprise Kind = "doanh-nghiep"
	Owner      Kind = "chu-doanh-nghiep"
)

// Kinds lists the valid kinds.
var Kinds = []Kind{Individual, Collective, Enterprise, Owner}

// DecodeTOML accepts the kind with or without diacritics ("cá nhân",
// "ca-nhan", "Cá_nhân").
func (k *Kind) DecodeTOML(v any) error {
	s, ok := v.(string)
	if !ok {
		return fmt.Errorf("cần một trong: %s", kindList())
	}
	slug := Kind(vn.Slug(s, 0))
	for _, c := range Kinds {
		if slug == c {
			*k = c
			return nil
		}
	}
	return fmt.Errorf("loại %q không có; chọn một trong: %s", s, kindList())
}

func kindList() string {
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = `"` + string(k) + `"`
	}
	return strings.Join(names, ", ")
}

// IsPerson reports whether the kind uses the individual report form.
func (k Kind) IsPerson() bool { return k == Individual || k == Owner }

// PaysTax reports whether the kind needs the tax office's confirmation.
func (k Kind) PaysTax() bool { return k == Enterprise || k == Owner }

// Label is the kind in words, for messages.
func (k Kind) Label() string {
	switch k {
	case Individual:
		return "cá nhân"
	case Collective:
		return "tập thể"
	case Enterprise:
		return "doanh nghiệp"
	case Owner:
		return "chủ doanh nghiệp"
	}
	return string(k)
}
