package schedule

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync/atomic"
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

// newTestScheduler starts a scheduler on a fake clock; it is shut down when the test ends.
func newTestScheduler(t *testing.T, fc *clockwork.FakeClock, opts ...Option) *Scheduler {
	t.Helper()
	s, err := New(testConfig(t), append([]Option{WithClock(fc)}, opts...)...)
	require.NoError(t, err)
	s.Start()
	return s
}

// within waits for ch, or fails the test after a timeout.
func within[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(5 * time.Second):
		t.Fatalf("timed out waiting: %s", what)
	}
	var zero T
	return zero
}

// logLines is a slog handler that hands each message on.
type logLines chan string

func (l logLines) Enabled(context.Context, slog.Level) bool { return true }
func (l logLines) Handle(_ context.Context, r slog.Record) error {
	select {
	case l <- r.Message:
	default:
	}
	return nil
}
func (l logLines) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l logLines) WithGroup(string) slog.Handler      { return l }

func waitLog(t *testing.T, l logLines, prefix string) {
	t.Helper()
	deadline := time.After(5 * time.Second)
	for {
		select {
		case m := <-l:
			if strings.HasPrefix(m, prefix) {
				return
			}
		case <-deadline:
			t.Fatalf("no log line %q", prefix)
		}
	}
}

// Schedule arithmetic is tested through NextRuns, without running anything.
func TestNextRunsFollowCronInTimeZone(t *testing.T) {
	defer goleak.VerifyNone(t)
	// Sunday 2026-11-29 12:00 UTC; Monday 06:00 in Berlin is 05:00 UTC in winter and
	// 04:00 UTC in summer (DST starts 2027-03-28).
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	s := newTestScheduler(t, fc, WithRunFunc(func(context.Context, []string) error { return nil }))
	defer func() { require.NoError(t, s.Shutdown()) }()
	next, err := s.NextRun("source:crm")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 11, 30, 5, 0, 0, 0, time.UTC), next.UTC())
	runs, err := s.NextRuns("source:crm", 3)
	require.NoError(t, err)
	require.Len(t, runs, 3)
	assert.Equal(t, time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC), runs[1].UTC())
	_, err = s.NextRun("source:unscheduled")
	assert.Error(t, err, "a source without a schedule gets no job")
	assert.Equal(t, []string{"source:crm"}, s.Jobs())
	assert.True(t, s.Started())
}

func TestJobRunsTheSourceWhenDue(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 59, 0, 0, time.UTC))
	ran := make(chan string, 4)
	s := newTestScheduler(t, fc, WithRunFunc(func(_ context.Context, sources []string) error {
		ran <- sources[0]
		return nil
	}))
	defer func() { require.NoError(t, s.Shutdown()) }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 1))
	fc.Advance(time.Minute)
	assert.Equal(t, "crm", within(t, ran, "the scheduled scan"))
}

// A failed run is logged and the source runs again at its next slot.
func TestFailedRunRunsAgainAtNextSlot(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 59, 0, 0, time.UTC))
	logs := make(logLines, 64)
	var calls atomic.Int32
	ended := make(chan error, 4)
	s := newTestScheduler(t, fc, WithLogger(slog.New(logs)), WithoutGocronSingleton(),
		WithRunFunc(func(context.Context, []string) error {
			if calls.Add(1) == 1 {
				return errors.New("source unreachable")
			}
			return nil
		}),
		WithAfterRun(func(_ string, err error) { ended <- err }))
	defer func() { require.NoError(t, s.Shutdown()) }()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 1))
	fc.Advance(time.Minute)
	assert.EqualError(t, within(t, ended, "the failing run"), "source unreachable")
	waitLog(t, logs, "scheduled scan failed; it runs again at its next slot")

	next, err := s.NextRun("source:crm")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 12, 7, 5, 0, 0, 0, time.UTC), next.UTC(), "the failure does not change the schedule")
	require.NoError(t, fc.BlockUntilContext(ctx, 1))
	fc.Advance(7 * 24 * time.Hour)
	assert.NoError(t, within(t, ended, "the next slot's run"))
	assert.EqualValues(t, 2, calls.Load())
}

// --run-now starts every job at once, without waiting for its slot.
func TestRunNow(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	ended := make(chan string, 4)
	s := newTestScheduler(t, fc, WithRunFunc(func(context.Context, []string) error { return nil }),
		WithAfterRun(func(source string, _ error) { ended <- source }))
	defer func() { require.NoError(t, s.Shutdown()) }()
	require.NoError(t, s.RunNow())
	assert.Equal(t, "source:crm", within(t, ended, "the run-now scan"))
}

// The scheduler's own guard: a run of a source due while its last is still going is
// skipped (gocron's singleton mode does the same in production; it is left out here so
// that only the guard is tested).
func TestNoOverlappingRuns(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	logs := make(logLines, 64)
	started := make(chan struct{}, 4)
	release := make(chan struct{})
	var calls atomic.Int32
	s := newTestScheduler(t, fc, WithLogger(slog.New(logs)), WithoutGocronSingleton(), WithRunFunc(func(context.Context, []string) error {
		calls.Add(1)
		started <- struct{}{}
		<-release
		return nil
	}))
	require.NoError(t, s.RunNow())
	within(t, started, "the first run")
	require.NoError(t, s.RunNow())
	waitLog(t, logs, "previous run still going; this run is skipped")
	close(release)
	require.NoError(t, s.Shutdown())
	assert.EqualValues(t, 1, calls.Load())
}

// Shutdown lets a running scan finish within the stop timeout, without cancelling it.
func TestShutdownLetsRunningScanFinish(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	started := make(chan struct{}, 1)
	release := make(chan struct{})
	finished := make(chan error, 1)
	s := newTestScheduler(t, fc, WithStopTimeout(10*time.Second), WithRunFunc(func(ctx context.Context, _ []string) error {
		started <- struct{}{}
		<-release
		finished <- ctx.Err()
		return nil
	}))
	s.onStopping = func() { close(release) } // the scan ends while Shutdown waits
	require.NoError(t, s.RunNow())
	within(t, started, "the scan")
	require.NoError(t, s.Shutdown())
	assert.NoError(t, within(t, finished, "the scan's end"), "the scan was not cancelled")
	assert.False(t, s.Started())
}

// Shutdown cancels a scan still running at the stop timeout and waits for it.
func TestShutdownCancelsRunningScan(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 59, 0, 0, time.UTC))
	started := make(chan struct{})
	cancelled := make(chan struct{})
	s := newTestScheduler(t, fc, WithStopTimeout(20*time.Millisecond), WithRunFunc(func(ctx context.Context, _ []string) error {
		close(started)
		<-ctx.Done()
		close(cancelled)
		return ctx.Err()
	}))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 1))
	fc.Advance(time.Minute)
	within(t, started, "the scan")
	require.NoError(t, s.Shutdown())
	within(t, cancelled, "the cancellation")
}

func TestNothingScheduled(t *testing.T) {
	cfg, err := config.Load([]byte("sources:\n  - {name: a, kind: sqlite, dsn: \"sqlite://a.db\"}\n"), "t.yaml")
	require.NoError(t, err)
	_, err = New(cfg)
	assert.ErrorIs(t, err, ErrNothingScheduled)
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name    string
		opt     Option
		wantErr string
	}{
		{"stop timeout", WithStopTimeout(0), "schedule: stop timeout must be positive, got 0s"},
		{"logger", WithLogger(nil), "schedule: nil logger"},
		{"clock", WithClock(nil), "schedule: nil clock"},
		{"run func", WithRunFunc(nil), "schedule: nil run func"},
		{"after run", WithAfterRun(nil), "schedule: nil after-run func"},
		{"locker", WithLocker(nil), "schedule: nil locker"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(testConfig(t), tt.opt)
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}
