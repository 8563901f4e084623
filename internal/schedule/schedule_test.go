package schedule

import (
	"context"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/config"
)

func testConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load([]byte(`
sources:
  - name: crm
    kind: sqlite
    dsn: "sqlite://crm.db"
    schedule: {cron: "0 6 * * MON", timezone: Europe/Berlin}
  - name: unscheduled
    kind: sqlite
    dsn: "sqlite://other.db"
`), "test.yaml")
	require.NoError(t, err)
	return cfg
}

func TestNextRunFollowsCronInTimeZone(t *testing.T) {
	defer goleak.VerifyNone(t)
	// Sunday 2026-11-29 12:00 UTC; the next Monday 06:00 in Berlin (UTC+1) is 05:00 UTC.
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	s, err := New(testConfig(t), WithClock(fc), WithRunFunc(func(context.Context, string) error { return nil }))
	require.NoError(t, err)
	s.Start()
	defer func() { require.NoError(t, s.Shutdown()) }()
	next, err := s.NextRun("crm")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 11, 30, 5, 0, 0, 0, time.UTC), next.UTC())
	_, err = s.NextRun("unscheduled")
	assert.Error(t, err, "a source without a schedule gets no job")
}

func TestJobRunsTheSourceWhenDue(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 59, 0, 0, time.UTC))
	ran := make(chan string, 4)
	s, err := New(testConfig(t), WithClock(fc), WithRunFunc(func(_ context.Context, source string) error {
		ran <- source
		return nil
	}))
	require.NoError(t, err)
	s.Start()
	defer func() { require.NoError(t, s.Shutdown()) }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 1))
	fc.Advance(time.Minute)
	select {
	case src := <-ran:
		assert.Equal(t, "crm", src)
	case <-ctx.Done():
		t.Fatal("the scheduled scan did not run")
	}
}

// Shutdown cancels a running scan's context and waits for it: nothing keeps running.
func TestShutdownCancelsRunningScan(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 59, 0, 0, time.UTC))
	started := make(chan struct{})
	cancelled := make(chan struct{})
	s, err := New(testConfig(t), WithClock(fc), WithRunFunc(func(ctx context.Context, _ string) error {
		close(started)
		<-ctx.Done()
		close(cancelled)
		return ctx.Err()
	}))
	require.NoError(t, err)
	s.Start()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 1))
	fc.Advance(time.Minute)
	select {
	case <-started:
	case <-ctx.Done():
		t.Fatal("the scan did not start")
	}
	require.NoError(t, s.Shutdown())
	select {
	case <-cancelled:
	case <-ctx.Done():
		t.Fatal("shutdown did not cancel the running scan")
	}
}

func TestNothingScheduled(t *testing.T) {
	cfg, err := config.Load([]byte("sources:\n  - {name: a, kind: sqlite, dsn: \"sqlite://a.db\"}\n"), "t.yaml")
	require.NoError(t, err)
	_, err = New(cfg)
	assert.ErrorIs(t, err, ErrNothingScheduled)
}
