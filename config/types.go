package config

import (
	"encoding"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Secret is a string that never prints: DSNs, passwords and tokens. It marshals as
// "<secret>" so a config dumped to a log or report cannot leak it.
type Secret string

func (s Secret) String() string                { return "<secret>" }
func (s Secret) GoString() string              { return "<secret>" }
func (s Secret) MarshalText() ([]byte, error)  { return []byte("<secret>"), nil }
func (s Secret) MarshalJSON() ([]byte, error)  { return []byte(`"<secret>"`), nil }
func (s *Secret) UnmarshalText(b []byte) error { *s = Secret(b); return nil }
func (s Secret) Reveal() string                { return string(s) }

// Duration is a time.Duration written as "30s", "5m".
type Duration time.Duration

func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("invalid duration %q (examples: 30s, 5m, 1h)", string(b))
	}
	*d = Duration(v)
	return nil
}

// UnmarshalYAML reads the scalar through UnmarshalText and puts its line in the error;
// the YAML library reports a text unmarshaller's error without one.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error { return scalarWithLine(n, d) }

func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// Period is an ISO-8601 duration of calendar units, such as P3Y, P24M, P30D or P1Y6M.
// Retention periods are calendar periods, so they are applied with AddDate, not hours.
type Period struct {
	Years, Months, Days int
	text                string
}

var periodRE = regexp.MustCompile(`^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$`)

// ParsePeriod reads an ISO-8601 period of years, months, weeks and days.
func ParsePeriod(s string) (Period, error) {
	m := periodRE.FindStringSubmatch(strings.ToUpper(strings.TrimSpace(s)))
	if m == nil || s == "P" || strings.TrimSpace(s) == "" {
		return Period{}, fmt.Errorf("invalid ISO-8601 period %q (examples: P3Y, P24M, P30D)", s)
	}
	n := func(i int) int { v, _ := strconv.Atoi(m[i]); return v }
	p := Period{Years: n(1), Months: n(2), Days: n(3)*7 + n(4), text: strings.ToUpper(strings.TrimSpace(s))}
	if p.IsZero() {
		return Period{}, fmt.Errorf("invalid ISO-8601 period %q: it is zero", s)
	}
	return p, nil
}

// MustPeriod is ParsePeriod for constants in code.
func MustPeriod(s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		panic(err)
	}
	return p
}

func (p Period) IsZero() bool { return p.Years == 0 && p.Months == 0 && p.Days == 0 }

// Before returns t minus the period.
func (p Period) Before(t time.Time) time.Time { return t.AddDate(-p.Years, -p.Months, -p.Days) }

func (p Period) String() string { return p.text }

func (p *Period) UnmarshalText(b []byte) error {
	v, err := ParsePeriod(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// UnmarshalYAML reads the scalar through UnmarshalText and puts its line in the error.
func (p *Period) UnmarshalYAML(n *yaml.Node) error { return scalarWithLine(n, p) }

// scalarWithLine decodes a scalar node with u, reporting a failure as a type error of
// that node's line, which the loader turns into "file:line: message".
func scalarWithLine(n *yaml.Node, u encoding.TextUnmarshaler) error {
	if n.Kind != yaml.ScalarNode {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: expected a single value, not a list or mapping", n.Line)}}
	}
	if err := u.UnmarshalText([]byte(n.Value)); err != nil {
		return &yaml.TypeError{Errors: []string{fmt.Sprintf("line %d: %v", n.Line, err)}}
	}
	return nil
}

func (p Period) MarshalText() ([]byte, error) { return []byte(p.text), nil }

// SplitTableRef splits "schema.table" or "table".
func SplitTableRef(ref string) (schema, table string) {
	if i := strings.LastIndexByte(ref, '.'); i >= 0 {
		return ref[:i], ref[i+1:]
	}
	return "", ref
}
