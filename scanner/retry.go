package scanner

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"runtime/debug"
	"sync/atomic"
	"time"

	"github.com/gdprscan/gdprscan/rules"
)

// RetryPolicy says how often a unit of work (listing the catalogue, sampling a table,
// one rule query) is tried when it fails in a way the engine calls retryable, and how
// long to wait before the first retry; each further wait doubles.
type RetryPolicy struct {
	Attempts int
	Backoff  time.Duration
}

// DefaultRetry rides out a dropped connection or a server restart of a few seconds.
var DefaultRetry = RetryPolicy{Attempts: 3, Backoff: 500 * time.Millisecond}

// WithRetry sets the retry policy; Attempts 1 turns retries off.
func WithRetry(p RetryPolicy) Option {
	return func(s *Scanner) error {
		if p.Attempts < 1 || p.Backoff < 0 {
			return fmt.Errorf("scanner: retry needs at least one attempt and a non-negative backoff, got %+v", p)
		}
		s.retry = p
		return nil
	}
}

// retrying is a Source whose calls are retried with backoff while the engine's Retrier
// says the failure is transient. A source without a Retrier is returned as it is.
type retrying struct {
	Source
	r      Retrier
	policy RetryPolicy
	log    *slog.Logger
}

func withRetry(src Source, p RetryPolicy, log *slog.Logger) Source {
	r, ok := src.(Retrier)
	if !ok || p.Attempts <= 1 {
		return src
	}
	return &retrying{Source: src, r: r, policy: p, log: log}
}

// do runs fn until it succeeds, fails for good, or the attempts are used up; the last
// error then says how many attempts were made.
func (s *retrying) do(ctx context.Context, what string, fn func() error) error {
	wait := s.policy.Backoff
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || ctx.Err() != nil || !s.r.Retryable(err) {
			return err
		}
		if attempt == s.policy.Attempts {
			return fmt.Errorf("gave up after %d attempts: %w", attempt, err)
		}
		s.log.Warn("retrying", "what", what, "attempt", attempt, "error", Scrub(err.Error()))
		// Jitter keeps several scanners from hammering a recovering server in step.
		d := wait/2 + rand.N(wait/2+1)
		select {
		case <-ctx.Done():
			return err
		case <-time.After(d):
		}
		wait *= 2
	}
}

func (s *retrying) Units(ctx context.Context) (out []Unit, err error) {
	err = s.do(ctx, "list tables", func() error { out, err = s.Source.Units(ctx); return err })
	return out, err
}

func (s *retrying) Sample(ctx context.Context, u Unit, n int) (out Sample, err error) {
	err = s.do(ctx, "sample "+u.ID(), func() error { out, err = s.Source.Sample(ctx, u, n); return err })
	return out, err
}

func (s *retrying) Query(ctx context.Context, q string, maxRows int) (out Rows, err error) {
	err = s.do(ctx, "query", func() error { out, err = s.Source.Query(ctx, q, maxRows); return err })
	return out, err
}

// classifyUnitSafe is classifyUnit with a panic turned into that table's failure: a
// classifier bug on one hostile value must not end the whole scan.
func (s *Scanner) classifyUnitSafe(ctx context.Context, t Target, u Unit, n int, busy *atomic.Int64) (tbl rules.Table, items []InventoryItem, err error) {
	defer func() {
		if p := recover(); p != nil {
			s.logger.Error("classifier panicked", "unit", u.ID(), "panic", Scrub(fmt.Sprint(p)), "stack", string(debug.Stack()))
			tbl, items, err = rules.Table{}, nil, fmt.Errorf("classify %s: the classifier failed on a sampled value (%v); the table was not classified", u.ID(), p)
		}
	}()
	return s.classifyUnitTimed(ctx, t, u, n, busy)
}
