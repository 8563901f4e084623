package schedule

import (
	"context"
	"log/slog"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/store"
)

// scopeConfig has two sources and the report scope "acme": the scope runs Mondays at
// 07:00 Berlin time, crm also every hour on the hour, billing only with the scope.
func scopeConfig(t *testing.T) *config.Config {
	t.Helper()
	cfg, err := config.Load([]byte(`
organisation: {scope: acme}
report:
  schedule: {cron: "0 7 * * MON", timezone: Europe/Berlin}
sources:
  - name: crm
    kind: sqlite
    dsn: "sqlite://crm.db"
    schedule: {cron: "0 * * * *"}
  - name: billing
    kind: sqlite
    dsn: "sqlite://billing.db"
`), "test.yaml")
	require.NoError(t, err)
	return cfg
}

// The scope's job scans every source in one run (nil sources); a source's job scans it alone.
func TestScopeJobRunsAllSources(t *testing.T) {
	defer goleak.VerifyNone(t)
	// Monday 2026-11-30 05:59 UTC = 06:59 in Berlin.
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 5, 59, 0, 0, time.UTC))
	ran := make(chan []string, 4)
	ended := make(chan string, 4)
	s, err := New(scopeConfig(t), WithClock(fc), WithoutGocronSingleton(),
		WithRunFunc(func(_ context.Context, sources []string) error { ran <- sources; return nil }),
		WithAfterRun(func(job string, _ error) { ended <- job }))
	require.NoError(t, err)
	s.Start()
	defer func() { require.NoError(t, s.Shutdown()) }()
	assert.Equal(t, []string{"scope:acme", "source:crm"}, s.Jobs())
	next, err := s.NextRun("scope:acme")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC), next.UTC())

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 2))
	fc.Advance(time.Minute) // 06:00 UTC: both jobs are due
	got := map[string]bool{}
	for range 2 {
		got[within(t, ended, "a run")] = true
	}
	assert.Equal(t, map[string]bool{"scope:acme": true, "source:crm": true}, got)
	var calls [][]string
	for range 2 {
		calls = append(calls, within(t, ran, "a run's sources"))
	}
	assert.ElementsMatch(t, [][]string{nil, {"crm"}}, calls)
}

// A source is never scanned by two jobs at once: the scope's run waits for a source
// run under way, and a source run due during the scope's run is skipped.
func TestScopeAndSourceJobsDoNotOverlap(t *testing.T) {
	defer goleak.VerifyNone(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 5, 59, 0, 0, time.UTC))
	logs := make(logLines, 4096) // gocron's own debug lines go here too
	started := make(chan string, 4)
	ended := make(chan string, 4)
	release := map[string]chan struct{}{"scope:acme": make(chan struct{}), "source:crm": make(chan struct{})}
	var crmRuns atomic.Int32
	s, err := New(scopeConfig(t), WithClock(fc), WithoutGocronSingleton(), WithLogger(slog.New(logs)),
		WithRunFunc(func(_ context.Context, sources []string) error {
			job := "scope:acme"
			if sources != nil {
				job = "source:crm"
				crmRuns.Add(1)
			}
			started <- job
			<-release[job]
			return nil
		}),
		WithAfterRun(func(job string, _ error) { ended <- job }))
	require.NoError(t, err)
	s.Start()

	// crm's own run goes first and holds the source.
	require.NoError(t, s.jobs["source:crm"].RunNow())
	assert.Equal(t, "source:crm", within(t, started, "crm's run"))
	require.NoError(t, s.jobs["scope:acme"].RunNow())
	select {
	case j := <-started:
		t.Fatalf("%s started while crm was being scanned", j)
	case <-time.After(100 * time.Millisecond):
	}
	close(release["source:crm"])
	assert.Equal(t, "scope:acme", within(t, started, "the scope's run, once crm is free"))
	assert.Equal(t, "source:crm", within(t, ended, "crm's run ended"))

	// During the scope's run crm's own slot comes and is skipped.
	require.NoError(t, s.jobs["source:crm"].RunNow())
	waitLog(t, logs, "source is being scanned by another job; this run is skipped")
	close(release["scope:acme"])
	require.NoError(t, s.Shutdown())
	assert.EqualValues(t, 1, crmRuns.Load())
}

// Two replicas share a state. Their clocks are skewed: B's runs 200 ms behind A's, so
// B reaches each slot after A has finished it. Each slot runs once between them.
func TestReplicasRunEachSlotOnce(t *testing.T) {
	defer goleak.VerifyNone(t)
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "state.db"))
	require.NoError(t, err)
	defer st.Close()

	t0 := time.Date(2026, 11, 30, 5, 59, 0, 0, time.UTC)
	type replica struct {
		clock *clockwork.FakeClock
		s     *Scheduler
		runs  atomic.Int32
		done  chan string
		logs  logLines
	}
	cfg := scopeConfig(t)
	cfg.Sources[0].Schedule = nil // the scope's job alone
	start := func(name string, skew time.Duration) *replica {
		r := &replica{clock: clockwork.NewFakeClockAt(t0.Add(-skew)), done: make(chan string, 8), logs: make(logLines, 4096)}
		locker, err := NewSlotLocker(st, r.clock, name)
		require.NoError(t, err)
		r.s, err = New(cfg, WithClock(r.clock), WithoutGocronSingleton(), WithLocker(locker), WithLogger(slog.New(r.logs)),
			WithRunFunc(func(context.Context, []string) error { r.runs.Add(1); return nil }),
			WithAfterRun(func(job string, _ error) { r.done <- job }))
		require.NoError(t, err)
		r.s.Start()
		return r
	}
	a, b := start("replica-a", 0), start("replica-b", 200*time.Millisecond)
	defer func() { require.NoError(t, a.s.Shutdown()); require.NoError(t, b.s.Shutdown()) }()
	wait, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()

	for week := range 3 {
		require.NoError(t, a.clock.BlockUntilContext(wait, 1))
		require.NoError(t, b.clock.BlockUntilContext(wait, 1))
		stepA, stepB := time.Minute, time.Minute+200*time.Millisecond
		if week > 0 {
			stepA, stepB = 7*24*time.Hour, 7*24*time.Hour
		}
		a.clock.Advance(stepA) // A reaches the slot first and runs it to the end
		within(t, a.done, "A's run")
		b.clock.Advance(stepB) // then B, whose clock lags, reaches the same slot
		waitLog(t, b.logs, "run skipped: this slot has run already")
		assert.EqualValues(t, week+1, a.runs.Load(), "week %d", week)
		assert.Zero(t, b.runs.Load(), "week %d: B never runs a slot A ran", week)
	}
}

// Without the slot claim, a replica that fails to reach the state does not run.
func TestSlotLockerErrors(t *testing.T) {
	_, err := NewSlotLocker(nil, clockwork.NewFakeClock(), "a")
	assert.EqualError(t, err, "schedule: nil claimer")
	_, err = NewSlotLocker(failing{}, clockwork.NewFakeClock(), "")
	assert.EqualError(t, err, "schedule: empty holder")
	l, err := NewSlotLocker(failing{}, clockwork.NewFakeClock(), "a")
	require.NoError(t, err)
	_, err = l.Lock(context.Background(), "scope:acme")
	assert.EqualError(t, err, "state unreachable")
}

type failing struct{}

func (failing) ClaimSlot(context.Context, string, time.Time, string, time.Time) (bool, error) {
	return false, errStateUnreachable
}

var errStateUnreachable = errorString("state unreachable")

type errorString string

func (e errorString) Error() string { return string(e) }
