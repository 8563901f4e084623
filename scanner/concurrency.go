package scanner

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// WithConcurrency sets how many queries a scan runs against one source at once when the
// source's config does not say (sources[].concurrency); the default is 2. Classification
// runs on every core whatever the limit.
func WithConcurrency(n int) Option {
	return func(s *Scanner) error {
		if n < 1 {
			return fmt.Errorf("scanner: concurrency must be positive, got %d", n)
		}
		s.concurrency = n
		return nil
	}
}

// WithPhaseStats sets a callback told, at the end of each phase of a source's scan, what
// the phase cost: see PhaseStat. The bench harness uses it.
func WithPhaseStats(f func(PhaseStat)) Option {
	return func(s *Scanner) error { s.stats = f; return nil }
}

// PhaseStat is what one phase of a source's scan cost. Phases, in order:
//
//   - "catalog": listing the tables and columns;
//   - "sampling" and "classification": reading samples and classifying their columns.
//     Both run at once, table by table, so both carry the same Wall; Busy is the time
//     spent in the source's Sample calls, or in the classifier, summed over workers;
//   - "rules/<family>", one per rule family: the checks of its rules. Checks of every
//     family run at once, so Wall is the whole rules phase and Busy the family's own
//     time in queries, summed over workers.
//
// Queries counts calls into the source (one Sample call may run a second statement when
// a TABLESAMPLE returned too few rows); Rows the rows they returned.
type PhaseStat struct {
	Source  string
	Phase   string
	Wall    time.Duration
	Busy    time.Duration
	Queries int64
	Rows    int64
	Units   int // tables or checks the phase handled
}

// limitedSource lets at most cap(slots) calls into a source run at once, spaces them by
// rate when the source sets one, and counts them.
type limitedSource struct {
	Source
	slots   chan struct{}
	rate    *rate.Limiter // nil: no limit
	queries atomic.Int64
	rows    atomic.Int64
	busy    atomic.Int64 // nanoseconds spent in Sample calls
}

// sourceMeter counts one rule family's queries, rows and time.
type sourceMeter struct {
	queries, rows, busy atomic.Int64
}

func newLimitedSource(src Source, limit int, perSecond float64) *limitedSource {
	l := &limitedSource{Source: src, slots: make(chan struct{}, limit)}
	if perSecond > 0 {
		l.rate = rate.NewLimiter(rate.Limit(perSecond), 1) // no bursts
	}
	return l
}

// acquire waits for a free slot, adding the wait to the context's queue clock. Under a
// context from holdSlot the caller already has one: acquire then returns at once and
// release does nothing.
//
// Every call waits for its turn under the rate first, in a held slot too: the rate is
// of queries, not of slots.
func (l *limitedSource) acquire(ctx context.Context) (release func(), err error) {
	began := time.Now()
	if l.rate != nil {
		if err := l.rate.Wait(ctx); err != nil {
			return nil, err
		}
	}
	if held, _ := ctx.Value(heldSlotKey{}).(*limitedSource); held == l {
		l.queued(ctx, began)
		return func() {}, nil
	}
	select {
	case l.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	l.queued(ctx, began)
	return func() { <-l.slots }, nil
}

// queued adds the time since began to the context's queue clock, if it has one.
func (l *limitedSource) queued(ctx context.Context, began time.Time) {
	if q, ok := ctx.Value(queueClockKey{}).(*atomic.Int64); ok {
		q.Add(int64(time.Since(began)))
	}
}

type (
	heldSlotKey   struct{}
	queueClockKey struct{}
)

// holdSlot takes a query slot of src (when src limits its queries) and returns a context
// whose calls into src run in that slot without waiting again, until release.
func holdSlot(ctx context.Context, src Source) (context.Context, func(), error) {
	l, ok := src.(*limitedSource)
	if !ok {
		return ctx, func() {}, nil
	}
	release, err := l.acquire(ctx)
	if err != nil {
		return nil, nil, err
	}
	return context.WithValue(ctx, heldSlotKey{}, l), release, nil
}

// withQueueClock returns a context that adds up how long its calls waited for a query
// slot, and a function telling that total.
func withQueueClock(ctx context.Context) (context.Context, func() time.Duration) {
	q := new(atomic.Int64)
	return context.WithValue(ctx, queueClockKey{}, q), func() time.Duration { return time.Duration(q.Load()) }
}

// Units implements Source.
func (l *limitedSource) Units(ctx context.Context) ([]Unit, error) {
	release, err := l.acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	l.queries.Add(1)
	return l.Source.Units(ctx)
}

// Sample implements Source.
func (l *limitedSource) Sample(ctx context.Context, u Unit, n int) (Sample, error) {
	release, err := l.acquire(ctx)
	if err != nil {
		return Sample{}, err
	}
	defer release()
	start := time.Now()
	s, err := l.Source.Sample(ctx, u, n)
	l.busy.Add(int64(time.Since(start)))
	l.queries.Add(1)
	l.rows.Add(int64(s.Rows))
	return s, err
}

// Query implements Source.
func (l *limitedSource) Query(ctx context.Context, sql string, maxRows int) (Rows, error) {
	return l.query(ctx, nil, sql, maxRows)
}

func (l *limitedSource) query(ctx context.Context, m *sourceMeter, sql string, maxRows int) (Rows, error) {
	release, err := l.acquire(ctx)
	if err != nil {
		return Rows{}, err
	}
	defer release()
	start := time.Now()
	r, err := l.Source.Query(ctx, sql, maxRows)
	l.queries.Add(1)
	l.rows.Add(int64(len(r.Values)))
	if m != nil {
		m.busy.Add(int64(time.Since(start)))
		m.queries.Add(1)
		m.rows.Add(int64(len(r.Values)))
	}
	return r, err
}

// metered is the source a family's checks query through: limited like every other call,
// and counted for the family.
type metered struct {
	*limitedSource
	m *sourceMeter
}

func (m metered) Query(ctx context.Context, sql string, maxRows int) (Rows, error) {
	return m.limitedSource.query(ctx, m.m, sql, maxRows)
}

// forEach calls fn(i) for i in [0, n) on up to workers goroutines and waits for them.
// After ctx ends no new call starts.
func forEach(ctx context.Context, n, workers int, fn func(i int)) {
	workers = max(min(workers, n), 1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				fn(i)
			}
		})
	}
	wg.Wait()
}

// classifyWorkers is how many tables are sampled and classified at once: enough for
// every core to classify while the source's limit of samples is being read.
func classifyWorkers(limit int) int { return limit + runtime.GOMAXPROCS(0) }
