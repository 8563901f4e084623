// Package schedule runs each configured source's scans at the times of its cron
// schedule with gocron. A source's run never overlaps its previous run: a run due while
// the last is still going is skipped. A failed run is logged, and the source runs again
// at its next slot. Shutdown lets running scans finish within the stop timeout, then
// cancels them.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/google/uuid"
	"github.com/jonboulle/clockwork"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
)

// RunFunc runs one scan of one source. The default calls pipeline.Run.
type RunFunc func(ctx context.Context, source string) error

// DefaultStopTimeout is how long Shutdown lets running scans finish before it cancels them.
const DefaultStopTimeout = 30 * time.Second

// cancelWait bounds the wait for cancelled scans to return.
const cancelWait = 30 * time.Second

// Scheduler owns the gocron scheduler and one job per scheduled source.
type Scheduler struct {
	cfg       *config.Config
	logger    *slog.Logger
	clock     clockwork.Clock
	run       RunFunc
	stop      time.Duration
	afterRun  func(source string, err error)
	singleton bool
	s         gocron.Scheduler
	jobs      map[string]gocron.Job

	// Scans run under runCtx, not under gocron's job context (which gocron cancels as
	// soon as it shuts down), so that Shutdown can let them finish first.
	runCtx     context.Context
	cancelRuns context.CancelFunc
	mu         sync.Mutex // guards stopping and the Add of running
	stopping   bool
	running    sync.WaitGroup
	busy       sync.Map // source → *sync.Mutex: held while the source's scan runs
	started    atomic.Bool
	onStopping func() // tests: told when Shutdown starts waiting
}

// Option configures a Scheduler.
type Option func(*Scheduler) error

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) Option {
	return func(s *Scheduler) error {
		if l == nil {
			return errors.New("schedule: nil logger")
		}
		s.logger = l
		return nil
	}
}

// WithClock sets the clock; tests pass a fake one.
func WithClock(c clockwork.Clock) Option {
	return func(s *Scheduler) error {
		if c == nil {
			return errors.New("schedule: nil clock")
		}
		s.clock = c
		return nil
	}
}

// WithRunFunc replaces what a job runs.
func WithRunFunc(f RunFunc) Option {
	return func(s *Scheduler) error {
		if f == nil {
			return errors.New("schedule: nil run func")
		}
		s.run = f
		return nil
	}
}

// WithStopTimeout sets how long Shutdown lets running scans finish before cancelling
// them (default 30s).
func WithStopTimeout(d time.Duration) Option {
	return func(s *Scheduler) error {
		if d <= 0 {
			return fmt.Errorf("schedule: stop timeout must be positive, got %s", d)
		}
		s.stop = d
		return nil
	}
}

// WithAfterRun sets a function told when a scan of a source has ended (err nil on
// success), after the source is free to run again.
func WithAfterRun(f func(source string, err error)) Option {
	return func(s *Scheduler) error {
		if f == nil {
			return errors.New("schedule: nil after-run func")
		}
		s.afterRun = f
		return nil
	}
}

// WithoutGocronSingleton leaves out gocron's singleton mode and relies on the
// scheduler's own overlap guard alone. For tests with a fake clock: gocron releases its
// singleton lock only after its post-run bookkeeping, so a test that advances the clock
// right after a run may see the next run dropped (LIBRARIES.md §1); the scheduler's own
// guard is released before the run is reported ended.
func WithoutGocronSingleton() Option {
	return func(s *Scheduler) error { s.singleton = false; return nil }
}

// ErrNothingScheduled is returned when no source has a schedule.
var ErrNothingScheduled = errors.New("schedule: no source has a schedule (set sources[].schedule.cron)")

// ErrStopTimedOut is returned by Shutdown when cancelled scans did not return in time.
var ErrStopTimedOut = errors.New("schedule: scans did not stop in time")

// New builds the scheduler and registers one job per source that has a schedule.
func New(cfg *config.Config, opts ...Option) (*Scheduler, error) {
	sc := &Scheduler{cfg: cfg, logger: slog.New(slog.DiscardHandler), clock: clockwork.NewRealClock(), jobs: map[string]gocron.Job{},
		stop: DefaultStopTimeout, singleton: true}
	for _, o := range opts {
		if err := o(sc); err != nil {
			return nil, err
		}
	}
	if sc.run == nil {
		sc.run = func(ctx context.Context, source string) error {
			_, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, Sources: []string{source}, Logger: sc.logger, Dated: true})
			return err
		}
	}
	sc.runCtx, sc.cancelRuns = context.WithCancel(context.Background())
	s, err := gocron.NewScheduler(
		gocron.WithClock(sc.clock),
		gocron.WithLogger(sc.logger.With("component", "schedule")),
		// By the time gocron is shut down the scans have ended (see Shutdown).
		gocron.WithStopTimeout(sc.stop+time.Second),
	)
	if err != nil {
		sc.cancelRuns()
		return nil, fmt.Errorf("schedule: %w", err)
	}
	sc.s = s
	for i := range cfg.Sources {
		src := cfg.Sources[i]
		if src.Schedule == nil {
			continue
		}
		// The time zone goes into the expression so each source keeps its own.
		expr := "CRON_TZ=" + src.Schedule.Timezone + " " + src.Schedule.Cron
		name := src.Name
		jobOpts := []gocron.JobOption{
			gocron.WithName(name),
			gocron.WithTags("scan"),
			gocron.WithEventListeners(
				gocron.AfterJobRunsWithError(func(_ uuid.UUID, n string, err error) {
					sc.logger.Error("scheduled scan failed; it runs again at its next slot", "source", n, "error", err)
				}),
			),
		}
		if sc.singleton {
			jobOpts = append(jobOpts, gocron.WithSingletonMode(gocron.LimitModeReschedule))
		}
		j, err := s.NewJob(
			gocron.CronJob(expr, false),
			gocron.NewTask(func() error { return sc.runJob(name) }),
			jobOpts...,
		)
		if err != nil {
			_ = s.Shutdown()
			sc.cancelRuns()
			return nil, fmt.Errorf("schedule source %q: %w", name, err)
		}
		sc.jobs[name] = j
	}
	if len(sc.jobs) == 0 {
		_ = s.Shutdown()
		sc.cancelRuns()
		return nil, ErrNothingScheduled
	}
	return sc, nil
}

// runJob runs one scan of a source, unless the scheduler is stopping or the source's
// previous scan is still running.
func (sc *Scheduler) runJob(source string) error {
	sc.mu.Lock()
	if sc.stopping {
		sc.mu.Unlock()
		return nil
	}
	sc.running.Add(1)
	sc.mu.Unlock()
	defer sc.running.Done()

	m, _ := sc.busy.LoadOrStore(source, &sync.Mutex{})
	guard := m.(*sync.Mutex)
	if !guard.TryLock() {
		sc.logger.Warn("previous scan still running; this run is skipped", "source", source)
		return nil
	}
	start := time.Now()
	sc.logger.Info("scheduled scan starting", "source", source)
	err := sc.run(sc.runCtx, source)
	guard.Unlock()
	if err == nil {
		sc.logger.Info("scheduled scan finished", "source", source, "duration", time.Since(start).Round(time.Millisecond))
	}
	if sc.afterRun != nil {
		sc.afterRun(source, err)
	}
	return err
}

// Sources lists the scheduled sources, sorted.
func (sc *Scheduler) Sources() []string {
	out := make([]string, 0, len(sc.jobs))
	for n := range sc.jobs {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// NextRun returns when a source's next scan is due.
func (sc *Scheduler) NextRun(source string) (time.Time, error) {
	j, ok := sc.jobs[source]
	if !ok {
		return time.Time{}, fmt.Errorf("schedule: no job for source %q", source)
	}
	return j.NextRun()
}

// NextRuns returns a source's next n scan times.
func (sc *Scheduler) NextRuns(source string, n int) ([]time.Time, error) {
	j, ok := sc.jobs[source]
	if !ok {
		return nil, fmt.Errorf("schedule: no job for source %q", source)
	}
	return j.NextRuns(n)
}

// Start starts the jobs without blocking.
func (sc *Scheduler) Start() {
	sc.s.Start()
	sc.started.Store(true)
	for _, name := range sc.Sources() {
		if next, err := sc.jobs[name].NextRun(); err == nil {
			sc.logger.Info("scan scheduled", "source", name, "next_run", next)
		}
	}
}

// Started tells whether Start was called and Shutdown was not.
func (sc *Scheduler) Started() bool { return sc.started.Load() }

// RunNow starts a scan of every scheduled source now (serve --run-now); a source whose
// scan is already running is skipped.
func (sc *Scheduler) RunNow() error {
	var errs []error
	for _, name := range sc.Sources() {
		if err := sc.jobs[name].RunNow(); err != nil {
			errs = append(errs, fmt.Errorf("run %s now: %w", name, err))
		}
	}
	return errors.Join(errs...)
}

// Shutdown stops starting scans, lets the running ones finish within the stop timeout,
// then cancels them and waits for them to return; then it stops gocron.
func (sc *Scheduler) Shutdown() error {
	sc.started.Store(false)
	sc.mu.Lock()
	sc.stopping = true
	sc.mu.Unlock()
	if sc.onStopping != nil {
		sc.onStopping()
	}
	done := make(chan struct{})
	go func() { sc.running.Wait(); close(done) }()
	var err error
	t := time.NewTimer(sc.stop)
	select {
	case <-done:
		t.Stop()
	case <-t.C:
		sc.logger.Warn("scans still running at the stop timeout; cancelling them", "stop_timeout", sc.stop)
		sc.cancelRuns()
		select {
		case <-done:
		case <-time.After(cancelWait):
			err = ErrStopTimedOut
		}
	}
	sc.cancelRuns()
	if e := sc.s.Shutdown(); e != nil && err == nil {
		err = fmt.Errorf("schedule: %w", e)
	}
	return err
}

// Serve starts the jobs and blocks until ctx ends (SIGINT/SIGTERM), then shuts down.
func (sc *Scheduler) Serve(ctx context.Context) error {
	sc.Start()
	<-ctx.Done()
	sc.logger.Info("stopping: waiting for running scans", "stop_timeout", sc.stop)
	return sc.Shutdown()
}
