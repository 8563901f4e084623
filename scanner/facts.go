package scanner

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// maxRequestRows bounds the completed requests read to compute the median delay.
const maxRequestRows = 10_000

// Facts are the figures the DPIA workbook shows beside the findings (the Lawful basis &
// consent and Data subject rights sheets), counted during the scan from the source's
// mapping. The queries are aggregates: only counts and durations come back, never a value.
type Facts struct {
	// Consent is the mapped consent table's rows per purpose and status: nil when the
	// source maps no consent table or it could not be counted, empty when it holds none.
	Consent []ConsentCount
	// Erasure is the mapped erasure-request table's figures: nil when the source maps no
	// such table or it could not be counted.
	Erasure *RequestCounts
}

// ConsentCount is the number of consent rows and distinct subjects for one purpose and
// status of a consent table.
type ConsentCount struct {
	Purpose, Status string
	Granted         bool // the status is one of the mapping's granted values
	Rows, Subjects  int64
}

// RequestCounts are the requests received, completed and open in a request table, and
// the median days from receipt to completion (-1 when none was completed).
type RequestCounts struct {
	Received, Completed, Open int64
	MedianDays                float64
}

// countFacts counts the consent and erasure tables the source's mapping names. units is
// the whole catalogue, before the include/exclude filters, so a mapped table is found
// even when its columns are not classified. A table that cannot be counted is logged and
// its figures stay nil; the other is still counted.
func (s *Scanner) countFacts(ctx context.Context, t Target, units []Unit) Facts {
	var f Facts
	if t.Settings == nil {
		return f
	}
	m := t.Settings.Mapping
	dl := t.Source.Dialect()
	table := func(ref string) (string, error) {
		schema, name := config.SplitTableRef(ref)
		for _, u := range units {
			if strings.EqualFold(u.Table, name) && (schema == "" || strings.EqualFold(u.Schema, schema)) {
				return dl.Table(u.Schema, u.Table), nil
			}
		}
		return "", fmt.Errorf("table %q not found", ref)
	}
	warn := func(err error) {
		if ctx.Err() == nil {
			s.logger.Warn("consent and request figures not counted", "source", t.Name, "error", Scrub(err.Error()))
		}
	}
	if m.Consent != nil {
		c, err := countConsent(ctx, t.Source, dl, table, m.Consent)
		if err != nil {
			warn(fmt.Errorf("mapping.consent: %w", err))
		}
		f.Consent = c
	}
	if m.Erasure != nil && ctx.Err() == nil {
		r, err := countRequests(ctx, t.Source, dl, table, m.Erasure)
		if err != nil {
			warn(fmt.Errorf("mapping.erasure: %w", err))
		}
		f.Erasure = r
	}
	return f
}

func countConsent(ctx context.Context, src Source, dl dialect.Dialect, table func(string) (string, error), c *config.ConsentMapping) ([]ConsentCount, error) {
	t, err := table(c.Table)
	if err != nil {
		return nil, err
	}
	purpose, status := dl.Column("c", c.PurposeColumn), dl.Column("c", c.StatusColumn)
	q := fmt.Sprintf("SELECT %[1]s, %[2]s, COUNT(*), COUNT(DISTINCT %[3]s) FROM %[4]s c GROUP BY %[1]s, %[2]s",
		dl.Text(purpose), dl.Text(status), dl.Column("c", c.SubjectKey), t)
	rows, err := src.Query(ctx, q, 10_000)
	if err != nil {
		return nil, err
	}
	granted := c.GrantedValues
	if len(granted) == 0 {
		granted = []string{"granted"}
	}
	counts := []ConsentCount{}
	for _, r := range rows.Values { // purpose and status come back as text (dl.Text)
		st := valueText(r[1])
		counts = append(counts, ConsentCount{
			Purpose: valueText(r[0]), Status: st, Rows: IntValue(r[2]), Subjects: IntValue(r[3]),
			Granted: slices.ContainsFunc(granted, func(g string) bool { return strings.EqualFold(g, st) }),
		})
	}
	return counts, nil
}

func countRequests(ctx context.Context, src Source, dl dialect.Dialect, table func(string) (string, error), e *config.ErasureMapping) (*RequestCounts, error) {
	t, err := table(e.Table)
	if err != nil {
		return nil, err
	}
	received, completed := dl.Column("r", e.ReceivedColumn), dl.Column("r", e.CompletedColumn)
	rows, err := src.Query(ctx, fmt.Sprintf("SELECT COUNT(*), COUNT(%s) FROM %s r", completed, t), 1)
	if err != nil {
		return nil, err
	}
	if len(rows.Values) != 1 {
		return nil, fmt.Errorf("count: no row")
	}
	rc := &RequestCounts{Received: IntValue(rows.Values[0][0]), Completed: IntValue(rows.Values[0][1])}
	rc.Open = rc.Received - rc.Completed
	rows, err = src.Query(ctx, fmt.Sprintf("SELECT %s, %s FROM %s r WHERE %s IS NOT NULL AND %s IS NOT NULL",
		received, completed, t, received, completed), maxRequestRows)
	if err != nil {
		return nil, err
	}
	var days []float64
	for _, r := range rows.Values {
		a, ok1 := timeOf(r[0])
		b, ok2 := timeOf(r[1])
		if ok1 && ok2 && !b.Before(a) {
			days = append(days, b.Sub(a).Hours()/24)
		}
	}
	rc.MedianDays = -1
	if len(days) > 0 {
		slices.Sort(days)
		m := days[len(days)/2]
		if len(days)%2 == 0 {
			m = (days[len(days)/2-1] + days[len(days)/2]) / 2
		}
		rc.MedianDays = float64(int(m*10+0.5)) / 10
	}
	return rc, nil
}

// timeOf reads a timestamp as the engines return it: a time, or ISO text in SQLite.
func timeOf(v any) (time.Time, bool) {
	switch x := v.(type) {
	case time.Time:
		return x, true
	case string:
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05", "2006-01-02"} {
			if t, err := time.Parse(layout, x); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}
