package scanner

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// crmSource is a fake CRM of many tables whose every call takes a little while and is
// counted: how many run at once, at most. Samples hold realistic values; rule queries
// get answers derived from their SQL text, so each check has a stable result.
type crmSource struct {
	units   []Unit
	delay   time.Duration
	failing string // a table whose Sample fails

	inFlight, maxInFlight, calls atomic.Int64
}

func newCRMSource(tables int) *crmSource {
	kinds := []struct {
		name string
		cols []ColumnInfo
	}{
		{"contacts", []ColumnInfo{{Name: "id", DataType: "integer"}, {Name: "first_name", DataType: "text"}, {Name: "last_name", DataType: "text"},
			{Name: "email", DataType: "text"}, {Name: "phone", DataType: "text"}, {Name: "birth_date", DataType: "date"}, {Name: "notes", DataType: "text"}}},
		{"users", []ColumnInfo{{Name: "id", DataType: "integer"}, {Name: "login", DataType: "text"}, {Name: "password", DataType: "text"}, {Name: "last_ip", DataType: "text"}}},
		{"payments", []ColumnInfo{{Name: "id", DataType: "integer"}, {Name: "contact_id", DataType: "integer"}, {Name: "card_number", DataType: "text"}, {Name: "iban", DataType: "text"}}},
		{"products", []ColumnInfo{{Name: "id", DataType: "integer"}, {Name: "sku", DataType: "text"}, {Name: "price", DataType: "numeric"}}},
	}
	src := &crmSource{delay: 2 * time.Millisecond}
	for i := range tables {
		k := kinds[i%len(kinds)]
		src.units = append(src.units, Unit{Source: "crm", Database: "crm", Schema: "public", Table: fmt.Sprintf("%s_%03d", k.name, i),
			RowEstimate: 1000, Columns: k.cols, PrimaryKey: []string{"id"}})
	}
	return src
}

func (f *crmSource) enter() func() {
	f.calls.Add(1)
	n := f.inFlight.Add(1)
	for {
		m := f.maxInFlight.Load()
		if n <= m || f.maxInFlight.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(f.delay)
	return func() { f.inFlight.Add(-1) }
}

func (f *crmSource) Dialect() dialect.Dialect { return dialect.Postgres }
func (f *crmSource) Close() error             { return nil }

func (f *crmSource) Units(context.Context) ([]Unit, error) {
	defer f.enter()()
	return f.units, nil
}

func (f *crmSource) Sample(ctx context.Context, u Unit, n int) (Sample, error) {
	defer f.enter()()
	if u.Table == f.failing {
		return Sample{}, errors.New("relation is locked")
	}
	out := Sample{Rows: min(n, 50), Values: map[string][]string{}}
	for i := range out.Rows {
		for _, c := range u.Columns {
			var v string
			switch c.Name {
			case "first_name":
				v = []string{"Anna", "Peter", "Marie", "Lukas"}[i%4]
			case "last_name":
				v = []string{"Schmidt", "Dupont", "Rossi", "Nowak"}[i%4]
			case "email", "login":
				v = fmt.Sprintf("user%d@example.org", i)
			case "phone":
				v = fmt.Sprintf("+49 171 %07d", 1000000+i)
			case "birth_date":
				v = fmt.Sprintf("19%02d-%02d-%02d", 50+i%40, 1+i%12, 1+i%28)
			case "notes":
				v = fmt.Sprintf("called on %d, asked about invoice %d", i, i*7)
			case "password":
				v = fmt.Sprintf("secret%d", i)
			case "last_ip":
				v = fmt.Sprintf("10.0.%d.%d", i%256, i%200)
			case "card_number":
				v = []string{"4111111111111111", "5500005555555559"}[i%2]
			case "iban":
				v = "DE89370400440532013000"
			default:
				v = fmt.Sprint(i)
			}
			out.Values[c.Name] = append(out.Values[c.Name], v)
		}
	}
	return out, nil
}

func (f *crmSource) Query(ctx context.Context, sql string, maxRows int) (Rows, error) {
	defer f.enter()()
	h := fnv.New32a()
	h.Write([]byte(sql))
	n := int64(h.Sum32() % 7) // some checks find nothing
	switch {
	case strings.HasPrefix(sql, "SELECT COUNT(*) AS records"):
		return Rows{Values: [][]any{{n * 10, n * 5, nil, int64(1)}}}, nil
	case strings.HasPrefix(sql, "SELECT row_key FROM"):
		var out Rows
		for k := range min(int(n), maxRows) {
			out.Values = append(out.Values, []any{int64(k + 1)})
		}
		return out, nil
	default: // candidates validated in Go: row_key, subject_key, since, value
		var out Rows
		for k := range min(int(n)*10, maxRows) {
			out.Values = append(out.Values, []any{int64(k + 1), int64(k%5 + 1), nil, fmt.Sprintf("secret%d", k)})
		}
		return out, nil
	}
}

func scanCRM(t *testing.T, src *crmSource, limit int, opts ...Option) (Result, []PhaseStat) {
	t.Helper()
	c, err := detect.New()
	require.NoError(t, err)
	var mu sync.Mutex
	var stats []PhaseStat
	opts = append(opts, WithConcurrency(limit), WithClock(func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }),
		WithPhaseStats(func(p PhaseStat) { mu.Lock(); stats = append(stats, p); mu.Unlock() }))
	s, err := New(c, rules.Default(), opts...)
	require.NoError(t, err)
	res, err := s.Scan(t.Context(), Target{Name: "crm", Kind: "postgres", Source: src})
	require.NoError(t, err)
	res.Summary.DurationMS = 0
	return res, stats
}

// TestScanConcurrencyLimit: however many tables and checks, no more calls run against the
// source at once than its limit, and they do run side by side up to it.
func TestScanConcurrencyLimit(t *testing.T) {
	for _, limit := range []int{1, 2, 3} {
		t.Run(fmt.Sprint(limit), func(t *testing.T) {
			src := newCRMSource(40)
			res, _ := scanCRM(t, src, limit)
			require.Equal(t, 40, res.Summary.TablesScanned)
			require.NotEmpty(t, res.Findings, "the rules ran checks")
			assert.LessOrEqual(t, src.maxInFlight.Load(), int64(limit))
			if limit > 1 {
				assert.Greater(t, src.maxInFlight.Load(), int64(1), "calls never overlapped")
			}
		})
	}
}

// TestScanConcurrencyFromConfig: the source's own setting wins over WithConcurrency.
func TestScanConcurrencyFromConfig(t *testing.T) {
	src := newCRMSource(30)
	c, err := detect.New()
	require.NoError(t, err)
	s, err := New(c, rules.Set{}, WithConcurrency(8))
	require.NoError(t, err)
	_, err = s.Scan(t.Context(), Target{Name: "crm", Kind: "postgres", Source: src, Settings: &config.Source{Name: "crm", Concurrency: 1}})
	require.NoError(t, err)
	assert.Equal(t, int64(1), src.maxInFlight.Load())
}

// TestScanQueryRate: with max_queries_per_second, the scan's calls into the source are
// spaced by the rate (no burst), rules' checks included; without it they are not.
func TestScanQueryRate(t *testing.T) {
	c, err := detect.New()
	require.NoError(t, err)
	s, err := New(c, rules.Default())
	require.NoError(t, err)
	fast := newCRMSource(6)
	began := time.Now()
	_, err = s.Scan(t.Context(), Target{Name: "crm", Kind: "postgres", Source: fast, Settings: &config.Source{Name: "crm"}})
	require.NoError(t, err)
	unlimited := time.Since(began)

	const perSecond = 20.0
	slow := newCRMSource(6)
	began = time.Now()
	_, err = s.Scan(t.Context(), Target{Name: "crm", Kind: "postgres", Source: slow, Settings: &config.Source{Name: "crm", Concurrency: 4, MaxQueriesPerSecond: perSecond}})
	require.NoError(t, err)
	took := time.Since(began)
	calls := slow.calls.Load()
	require.Equal(t, fast.calls.Load(), calls, "the same queries")
	require.Greater(t, calls, int64(10))
	floor := time.Duration(float64(calls-1) / perSecond * float64(time.Second))
	assert.GreaterOrEqual(t, took, floor, "%d calls at %g/s", calls, perSecond)
	assert.Less(t, unlimited, floor, "without a rate the same scan is faster than the floor")
	t.Logf("%d calls: %v unlimited, %v at %g/s (floor %v)", calls, unlimited, took, perSecond, floor)
}

// TestScanConcurrentSameAsSequential: a concurrent scan gives exactly what a sequential
// one gives, a failing table included, in the same order.
func TestScanConcurrentSameAsSequential(t *testing.T) {
	seqSrc := newCRMSource(37)
	seqSrc.failing = "users_013"
	seq, seqStats := scanCRM(t, seqSrc, 1)
	require.Len(t, seq.Summary.TablesFailed, 1)
	require.NotEmpty(t, seq.Findings)
	for _, limit := range []int{2, 5} {
		src := newCRMSource(37)
		src.failing = "users_013"
		src.delay = 0
		got, stats := scanCRM(t, src, limit)
		require.Equal(t, seq, got, "concurrency %d", limit)
		require.Equal(t, seqSrc.calls.Load(), src.calls.Load(), "the same number of queries")
		require.Len(t, stats, len(seqStats))
	}
}

// TestScanPhaseStats: the phases are reported in order and count the calls made.
func TestScanPhaseStats(t *testing.T) {
	src := newCRMSource(12)
	_, stats := scanCRM(t, src, 2)
	require.GreaterOrEqual(t, len(stats), 4)
	assert.Equal(t, "catalog", stats[0].Phase)
	assert.Equal(t, int64(1), stats[0].Queries)
	assert.Equal(t, "sampling", stats[1].Phase)
	assert.Equal(t, int64(12), stats[1].Queries, "one sample per table")
	assert.Equal(t, int64(12*50), stats[1].Rows)
	assert.Equal(t, "classification", stats[2].Phase)
	assert.Positive(t, stats[2].Busy)
	total := stats[0].Queries + stats[1].Queries
	for _, p := range stats[3:] {
		assert.True(t, strings.HasPrefix(p.Phase, "rules/"), p.Phase)
		total += p.Queries
	}
	assert.Equal(t, src.calls.Load(), total, "every call counted in one phase")
}

// TestScanConcurrentCancel: a cancelled scan stops and says so.
func TestScanConcurrentCancel(t *testing.T) {
	src := newCRMSource(200)
	src.delay = 5 * time.Millisecond
	c, err := detect.New()
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(t.Context())
	var seen atomic.Int64
	s, err := New(c, rules.Default(), WithConcurrency(2), WithProgress(func(done, total int, _ string) {
		if seen.Add(1) == 10 {
			cancel()
		}
	}))
	require.NoError(t, err)
	_, err = s.Scan(ctx, Target{Name: "crm", Kind: "postgres", Source: src})
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, src.calls.Load(), int64(100), "stopped early")
}

func TestWithConcurrencyValidates(t *testing.T) {
	c, err := detect.New()
	require.NoError(t, err)
	_, err = New(c, rules.Set{}, WithConcurrency(0))
	require.ErrorContains(t, err, "scanner: concurrency must be positive, got 0")
}

// slowSource is a countingSource whose every sample takes delay.
type slowSource struct {
	*countingSource
	delay time.Duration
	units []Unit
}

func (f *slowSource) Units(context.Context) ([]Unit, error) { return f.units, nil }

func (f *slowSource) Sample(ctx context.Context, u Unit, n int) (Sample, error) {
	time.Sleep(f.delay)
	return f.countingSource.Sample(ctx, u, n)
}

// TestScanConcurrentBudgetIgnoresQueueing: a table's time budget counts its own samples,
// not the time they waited for the source's one query slot behind other tables: every
// table near the threshold gets its larger sample, as in a sequential scan.
func TestScanConcurrentBudgetIgnoresQueueing(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8)) // 9 tables in flight, 8 of them queued
	src := &slowSource{countingSource: &countingSource{rows: 1000}, delay: 25 * time.Millisecond}
	for i := range 12 {
		u := adaptiveUnit()
		u.Table = fmt.Sprintf("contacts_%02d", i)
		u.RowEstimate = 100000
		src.units = append(src.units, u)
	}
	s, err := New(bandClassifier{enough: 250}, rules.Set{}, WithConcurrency(1))
	require.NoError(t, err)
	cfg := &config.Config{Discovery: config.Discovery{TableTimeBudget: config.Duration(150 * time.Millisecond)}}
	res, err := s.Scan(t.Context(), Target{Name: "crm", Kind: "postgres", Source: src, Config: cfg})
	require.NoError(t, err)
	require.Equal(t, 12, res.Summary.TablesScanned)
	for _, it := range res.Inventory {
		if it.Column == "near" {
			assert.Contains(t, it.Evidence.Signals, "sample:enlarged", it.Table)
			assert.InDelta(t, 0.95, it.Confidence, 1e-9, it.Table)
		}
	}
	assert.Len(t, src.calls(), 24, "two samples per table")
}
