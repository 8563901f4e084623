package bench

import (
	"context"
	"maps"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/scanner"
)

func TestPlan(t *testing.T) {
	for name, s := range Scales {
		t.Run(name, func(t *testing.T) {
			p := plan(s)
			require.Len(t, p, s.Tables)
			var sum int64
			seen := map[string]bool{}
			for _, tb := range p {
				sum += tb.rows
				require.Positive(t, tb.rows, tb.name)
				require.False(t, seen[tb.name], "duplicate table %s", tb.name)
				seen[tb.name] = true
			}
			assert.Equal(t, s.Rows, sum)
			assert.Equal(t, "contacts", p[0].name)
			assert.Greater(t, p[0].rows, p[len(p)-1].rows*10, "a few tables hold most rows")
		})
	}
	even := plan(Scale{Tables: 30, Rows: 3000, Even: true})
	for _, tb := range even {
		assert.Equal(t, int64(100), tb.rows, tb.name)
	}
}

// TestGeneratorDeterministic: the same table gets the same values every time, and they
// look like what they are meant to be.
func TestGeneratorDeterministic(t *testing.T) {
	rows := func() [][]any {
		g := newGen(0, 1000)
		var out [][]any
		for g.row < 200 {
			g.row++
			var r []any
			for _, c := range kinds[0].cols {
				r = append(r, c.gen(g))
			}
			out = append(out, r)
		}
		return out
	}
	a, b := rows(), rows()
	require.Equal(t, a, b)
	cols := map[string]int{}
	for i, c := range kinds[0].cols {
		cols[c.name] = i
	}
	for _, r := range a {
		assert.True(t, ibanOK(r[cols["iban"]].(string)), "iban %v", r[cols["iban"]])
		assert.Contains(t, r[cols["email"]], "@")
	}
}

// TestConcurrentScanSameAsSequential scans a generated CRM on real servers with one query
// at a time and with several: the same inventory and findings, and never more queries
// against the engine at once than the limit.
func TestConcurrentScanSameAsSequential(t *testing.T) {
	// Small tables are read whole (no random TABLESAMPLE), so two scans see the same rows.
	s := Scale{Name: "t", Tables: 13, Rows: 13 * 400, Even: true}
	for _, engine := range []string{"postgres", "mysql"} {
		t.Run(engine, func(t *testing.T) {
			ctx := t.Context()
			db := &Database{Engine: engine}
			if engine == "postgres" {
				db.DSN = testdb.Postgres(t)
				require.NoError(t, fillPostgres(ctx, db.DSN, s, db))
			} else {
				db.DSN = testdb.MySQL(t)
				require.NoError(t, fillMySQL(ctx, testdb.Writable(t, db.DSN), s, db))
			}
			require.Equal(t, s.Rows, db.Rows)
			var reports []any
			for _, limit := range []int{1, 2, 4} {
				o := ScanOptions{Concurrency: limit, OutDir: t.TempDir(), Now: func() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }}
				cfg, err := scanConfig(db, o)
				require.NoError(t, err)
				var peak atomic.Int64
				countCalls(t, &peak)
				out, err := scan(ctx, cfg, o, nil)
				require.NoError(t, err)
				require.Len(t, out.Report.Sources, 1)
				sum := out.Report.Sources[0]
				require.Empty(t, sum.TablesFailed)
				require.Equal(t, s.Tables, sum.TablesScanned)
				require.NotEmpty(t, out.Report.Findings)
				require.LessOrEqual(t, peak.Load(), int64(limit), "queries at once with limit %d", limit)
				if limit > 1 {
					require.Greater(t, peak.Load(), int64(1), "queries never ran side by side")
				}
				reports = append(reports, []any{out.Report.Inventory, out.Report.Findings, out.Report.NotEvaluated})
			}
			require.Equal(t, reports[0], reports[1], "concurrency 2 vs 1")
			require.Equal(t, reports[0], reports[2], "concurrency 4 vs 1")
		})
	}
}

// countCalls makes every source the pipeline opens count how many of its calls run at
// once, at most, into peak; the original openers come back when the test ends.
func countCalls(t *testing.T, peak *atomic.Int64) {
	saved := maps.Clone(pipeline.Openers)
	t.Cleanup(func() { pipeline.Openers = saved })
	for kind, open := range saved {
		pipeline.Openers[kind] = func(ctx context.Context, dsn string, o scanner.Options) (scanner.Source, error) {
			src, err := open(ctx, dsn, o)
			if err != nil {
				return nil, err
			}
			return &countingSource{Source: src, peak: peak}, nil
		}
	}
}

type countingSource struct {
	scanner.Source
	inFlight atomic.Int64
	peak     *atomic.Int64
}

func (c *countingSource) enter() func() {
	n := c.inFlight.Add(1)
	for {
		p := c.peak.Load()
		if n <= p || c.peak.CompareAndSwap(p, n) {
			break
		}
	}
	return func() { c.inFlight.Add(-1) }
}

func (c *countingSource) Units(ctx context.Context) ([]scanner.Unit, error) {
	defer c.enter()()
	return c.Source.Units(ctx)
}

func (c *countingSource) Sample(ctx context.Context, u scanner.Unit, n int) (scanner.Sample, error) {
	defer c.enter()()
	return c.Source.Sample(ctx, u, n)
}

func (c *countingSource) Query(ctx context.Context, sql string, maxRows int) (scanner.Rows, error) {
	defer c.enter()()
	return c.Source.Query(ctx, sql, maxRows)
}

// ibanOK checks an IBAN's ISO 13616 mod-97 check digits.
func ibanOK(s string) bool {
	if len(s) < 15 {
		return false
	}
	rem := 0
	for _, c := range s[4:] + s[:4] {
		switch {
		case c >= '0' && c <= '9':
			rem = (rem*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			rem = (rem*100 + int(c-'A'+10)) % 97
		default:
			return false
		}
	}
	return rem == 1
}
