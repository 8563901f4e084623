package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
)

// maxRequestRows bounds the completed requests read to compute the median delay.
const maxRequestRows = 10_000

// countFacts counts, on each source with a consent or erasure mapping, the consent rows
// per purpose and status and the requests received, completed and open, for the
// Lawful basis & consent and Data subject rights sheets. The queries are aggregates run
// read-only like every scanner query; only counts and durations come back, never a
// value. A source that cannot be counted is logged and its cells stay blank.
func countFacts(ctx context.Context, cfg *config.Config, d *reports.DPIAContext, log *slog.Logger) {
	for i := range cfg.Sources {
		src := &cfg.Sources[i]
		m := src.Mapping
		hasConsent := slices.ContainsFunc(d.Consent, func(c reports.ConsentSource) bool { return c.Source == src.Name })
		hasRequests := slices.ContainsFunc(d.Requests, func(r reports.RequestSource) bool { return r.Source == src.Name })
		if (m.Consent == nil || !hasConsent) && (m.Erasure == nil || !hasRequests) {
			continue
		}
		if err := countSource(ctx, src, d); err != nil {
			if ctx.Err() != nil {
				return
			}
			log.Warn("consent and request figures not counted", "source", src.Name, "error", scanner.Scrub(err.Error()))
		}
	}
}

func countSource(ctx context.Context, src *config.Source, d *reports.DPIAContext) error {
	s, err := Open(ctx, src)
	if err != nil {
		return err
	}
	defer s.Close()
	units, err := s.Units(ctx)
	if err != nil {
		return err
	}
	dl := s.Dialect()
	table := func(ref string) (string, error) {
		schema, name := config.SplitTableRef(ref)
		for _, u := range units {
			if strings.EqualFold(u.Table, name) && (schema == "" || strings.EqualFold(u.Schema, schema)) {
				return dl.Table(u.Schema, u.Table), nil
			}
		}
		return "", fmt.Errorf("table %q not found", ref)
	}
	if c := src.Mapping.Consent; c != nil {
		for i := range d.Consent {
			cs := &d.Consent[i]
			if cs.Source != src.Name {
				continue
			}
			t, err := table(c.Table)
			if err != nil {
				return fmt.Errorf("mapping.consent: %w", err)
			}
			purpose, status := dl.Column("c", c.PurposeColumn), dl.Column("c", c.StatusColumn)
			q := fmt.Sprintf("SELECT %[1]s, %[2]s, COUNT(*), COUNT(DISTINCT %[3]s) FROM %[4]s c GROUP BY %[1]s, %[2]s",
				dl.Text(purpose), dl.Text(status), dl.Column("c", c.SubjectKey), t)
			rows, err := s.Query(ctx, q, 10_000)
			if err != nil {
				return err
			}
			granted := c.GrantedValues
			if len(granted) == 0 {
				granted = []string{"granted"}
			}
			cs.Counts = []reports.ConsentCount{}
			for _, r := range rows.Values {
				st := text(r[1])
				cs.Counts = append(cs.Counts, reports.ConsentCount{
					Purpose: text(r[0]), Status: st, Rows: scanner.IntValue(r[2]), Subjects: scanner.IntValue(r[3]),
					Granted: slices.ContainsFunc(granted, func(g string) bool { return strings.EqualFold(g, st) }),
				})
			}
		}
	}
	if e := src.Mapping.Erasure; e != nil {
		for i := range d.Requests {
			rs := &d.Requests[i]
			if rs.Source != src.Name || rs.Right != "erasure" {
				continue
			}
			if err := countRequests(ctx, s, dl, table, e, rs); err != nil {
				return fmt.Errorf("mapping.erasure: %w", err)
			}
		}
	}
	return nil
}

func countRequests(ctx context.Context, s scanner.Source, dl dialect.Dialect, table func(string) (string, error), e *config.ErasureMapping, rs *reports.RequestSource) error {
	t, err := table(e.Table)
	if err != nil {
		return err
	}
	received, completed := dl.Column("r", e.ReceivedColumn), dl.Column("r", e.CompletedColumn)
	rows, err := s.Query(ctx, fmt.Sprintf("SELECT COUNT(*), COUNT(%s) FROM %s r", completed, t), 1)
	if err != nil {
		return err
	}
	if len(rows.Values) != 1 {
		return fmt.Errorf("count: no row")
	}
	rs.Received, rs.Completed = scanner.IntValue(rows.Values[0][0]), scanner.IntValue(rows.Values[0][1])
	rs.Open = rs.Received - rs.Completed
	rows, err = s.Query(ctx, fmt.Sprintf("SELECT %s, %s FROM %s r WHERE %s IS NOT NULL AND %s IS NOT NULL",
		received, completed, t, received, completed), maxRequestRows)
	if err != nil {
		return err
	}
	var days []float64
	for _, r := range rows.Values {
		a, ok1 := timeOf(r[0])
		b, ok2 := timeOf(r[1])
		if ok1 && ok2 && !b.Before(a) {
			days = append(days, b.Sub(a).Hours()/24)
		}
	}
	rs.MedianDays = -1
	if len(days) > 0 {
		slices.Sort(days)
		m := days[len(days)/2]
		if len(days)%2 == 0 {
			m = (days[len(days)/2-1] + days[len(days)/2]) / 2
		}
		rs.MedianDays = float64(int(m*10+0.5)) / 10
	}
	rs.Counted = true
	return nil
}

func text(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	return fmt.Sprint(v)
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
