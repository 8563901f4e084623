// Package schedule runs the scans of `serve` at the times of their cron schedules with
// gocron. There are two kinds of job: a source's own job (sources[].schedule), which
// scans that source alone, and the report scope's job (report.schedule), which scans
// every source in one run and so writes the scope's workbook. No job overlaps its
// previous run, and no source is scanned by two jobs at once: a source job due while
// its source is busy is skipped; the scope job waits for its sources. A failed run is
// logged and runs again at its next slot. Shutdown lets running scans finish within
// the stop timeout, then cancels them. With a Locker (WithLocker), replicas sharing a
// state run each slot of each job once between them.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/google/uuid"
	"github.com/jonboulle/clockwork"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
)

// RunFunc runs one scan of the given sources; nil means all of them (the scope's run).
// The default calls pipeline.Run.
type RunFunc func(ctx context.Context, sources []string) error

// Job is one scheduled job.
type Job struct {
	// Name is "source:<name>" or "scope:<scope>": unique, and the key replicas lock on.
	Name string
	// Sources are the sources it scans, sorted; nil for the scope job, which scans all.
	Sources []string
}

// DefaultStopTimeout is how long Shutdown lets running scans finish before it cancels them.
const DefaultStopTimeout = 30 * time.Second

// cancelWait bounds the wait for cancelled scans to return.
const cancelWait = 30 * time.Second

// Scheduler owns the gocron scheduler and its jobs.
type Scheduler struct {
	cfg       *config.Config
	logger    *slog.Logger
	clock     clockwork.Clock
	run       RunFunc
	stop      time.Duration
	afterRun  func(job string, err error)
	singleton bool
	locker    gocron.Locker
	s         gocron.Scheduler
	jobs      map[string]gocron.Job
	specs     map[string]Job

	// Scans run under runCtx, not under gocron's job context (which gocron cancels as
	// soon as it shuts down), so that Shutdown can let them finish first.
	runCtx     context.Context
	cancelRuns context.CancelFunc
	mu         sync.Mutex // guards stopping and the Add of running
	stopping   bool
	running    sync.WaitGroup
	jobBusy    sync.Map                 // job name → *sync.Mutex: held while the job runs
	sourceBusy map[string]chan struct{} // source → one token, taken while it is scanned
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

// WithAfterRun sets a function told when a job's run has ended (err nil on success),
// after the job and its sources are free to run again; skipped runs are not told.
func WithAfterRun(f func(job string, err error)) Option {
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

// WithLocker makes every run of a job first take a lock from l under the job's name,
// and skip the run when it cannot: replicas sharing a state use a SlotLocker.
func WithLocker(l gocron.Locker) Option {
	return func(s *Scheduler) error {
		if l == nil {
			return errors.New("schedule: nil locker")
		}
		s.locker = l
		return nil
	}
}

// ErrNothingScheduled is returned when neither a source nor the report has a schedule.
var ErrNothingScheduled = errors.New("schedule: nothing is scheduled (set report.schedule.cron or sources[].schedule.cron)")

// ErrStopTimedOut is returned by Shutdown when cancelled scans did not return in time.
var ErrStopTimedOut = errors.New("schedule: scans did not stop in time")

// New builds the scheduler and registers a job for the report scope, when it has a
// schedule, and one for each source that has one.
func New(cfg *config.Config, opts ...Option) (*Scheduler, error) {
	sc := &Scheduler{cfg: cfg, logger: slog.New(slog.DiscardHandler), clock: clockwork.NewRealClock(), jobs: map[string]gocron.Job{},
		specs: map[string]Job{}, sourceBusy: map[string]chan struct{}{}, stop: DefaultStopTimeout, singleton: true}
	for _, o := range opts {
		if err := o(sc); err != nil {
			return nil, err
		}
	}
	if sc.run == nil {
		sc.run = func(ctx context.Context, sources []string) error {
			_, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, Sources: sources, Logger: sc.logger, Dated: true})
			return err
		}
	}
	for _, src := range cfg.Sources {
		sc.sourceBusy[src.Name] = make(chan struct{}, 1)
	}
	sc.runCtx, sc.cancelRuns = context.WithCancel(context.Background())
	schedOpts := []gocron.SchedulerOption{
		gocron.WithClock(sc.clock),
		gocron.WithLogger(sc.logger.With("component", "schedule")),
		// By the time gocron is shut down the scans have ended (see Shutdown).
		gocron.WithStopTimeout(sc.stop + time.Second),
	}
	if sc.locker != nil {
		schedOpts = append(schedOpts, gocron.WithDistributedLocker(sc.locker))
	}
	s, err := gocron.NewScheduler(schedOpts...)
	if err != nil {
		sc.cancelRuns()
		return nil, fmt.Errorf("schedule: %w", err)
	}
	sc.s = s
	if r := cfg.Report.Schedule; r != nil {
		if err := sc.add(Job{Name: "scope:" + cfg.Organisation.Scope}, r); err != nil {
			return nil, err
		}
	}
	for _, src := range cfg.Sources {
		if src.Schedule == nil {
			continue
		}
		if err := sc.add(Job{Name: "source:" + src.Name, Sources: []string{src.Name}}, src.Schedule); err != nil {
			return nil, err
		}
	}
	if len(sc.jobs) == 0 {
		_ = s.Shutdown()
		sc.cancelRuns()
		return nil, ErrNothingScheduled
	}
	return sc, nil
}

// add registers one job with gocron.
func (sc *Scheduler) add(job Job, when *config.Schedule) error {
	// The time zone goes into the expression so each job keeps its own.
	expr := "CRON_TZ=" + when.Timezone + " " + when.Cron
	jobOpts := []gocron.JobOption{
		gocron.WithName(job.Name),
		gocron.WithTags("scan"),
		gocron.WithEventListeners(
			gocron.AfterJobRunsWithError(func(_ uuid.UUID, n string, err error) {
				sc.logger.Error("scheduled scan failed; it runs again at its next slot", "job", n, "error", err)
			}),
			gocron.AfterLockError(func(_ uuid.UUID, n string, err error) {
				if errors.Is(err, ErrSlotTaken) {
					sc.logger.Info("run skipped: this slot has run already, here or on another replica", "job", n)
				} else {
					sc.logger.Error("run skipped: the slot could not be claimed in the state", "job", n, "error", err)
				}
			}),
		),
	}
	if sc.singleton {
		jobOpts = append(jobOpts, gocron.WithSingletonMode(gocron.LimitModeReschedule))
	}
	j, err := sc.s.NewJob(gocron.CronJob(expr, false), gocron.NewTask(func() error { return sc.runJob(job) }), jobOpts...)
	if err != nil {
		_ = sc.s.Shutdown()
		sc.cancelRuns()
		return fmt.Errorf("schedule %s: %w", job.Name, err)
	}
	sc.jobs[job.Name], sc.specs[job.Name] = j, job
	return nil
}

// runJob runs one scan of a job, unless the scheduler is stopping, the job's previous
// run is still going, or — for a source's job — the source is being scanned already.
// The scope's job waits for its sources instead: it is the run the report depends on.
func (sc *Scheduler) runJob(job Job) error {
	sc.mu.Lock()
	if sc.stopping {
		sc.mu.Unlock()
		return nil
	}
	sc.running.Add(1)
	sc.mu.Unlock()
	defer sc.running.Done()

	m, _ := sc.jobBusy.LoadOrStore(job.Name, &sync.Mutex{})
	guard := m.(*sync.Mutex)
	if !guard.TryLock() {
		sc.logger.Warn("previous run still going; this run is skipped", "job", job.Name)
		return nil
	}
	taken, err := sc.takeSources(job)
	if err != nil || taken == nil {
		guard.Unlock()
		return err
	}
	start := time.Now()
	sc.logger.Info("scheduled scan starting", "job", job.Name)
	err = sc.run(sc.runCtx, job.Sources)
	for _, tok := range taken {
		<-tok
	}
	guard.Unlock()
	if err == nil {
		sc.logger.Info("scheduled scan finished", "job", job.Name, "duration", time.Since(start).Round(time.Millisecond))
	}
	if sc.afterRun != nil {
		sc.afterRun(job.Name, err)
	}
	return err
}

// takeSources takes the token of each source the job scans, in name order (so two
// waiting jobs cannot deadlock). A source job does not wait: nil, nil means a source is
// busy and the run is skipped.
func (sc *Scheduler) takeSources(job Job) ([]chan struct{}, error) {
	names := job.Sources
	if names == nil {
		names = slices.Sorted(maps.Keys(sc.sourceBusy))
	}
	var taken []chan struct{}
	release := func() {
		for _, tok := range taken {
			<-tok
		}
	}
	for _, n := range names {
		tok := sc.sourceBusy[n]
		if job.Sources != nil {
			select {
			case tok <- struct{}{}:
			default:
				release()
				sc.logger.Warn("source is being scanned by another job; this run is skipped", "job", job.Name, "source", n)
				return nil, nil
			}
		} else {
			select {
			case tok <- struct{}{}:
			case <-sc.runCtx.Done():
				release()
				return nil, sc.runCtx.Err()
			}
		}
		taken = append(taken, tok)
	}
	return taken, nil
}

// Jobs lists the names of the jobs, sorted.
func (sc *Scheduler) Jobs() []string {
	return slices.Sorted(maps.Keys(sc.jobs))
}

// NextRun returns when a job's next run is due.
func (sc *Scheduler) NextRun(job string) (time.Time, error) {
	j, ok := sc.jobs[job]
	if !ok {
		return time.Time{}, fmt.Errorf("schedule: no job %q", job)
	}
	return j.NextRun()
}

// NextRuns returns a job's next n run times.
func (sc *Scheduler) NextRuns(job string, n int) ([]time.Time, error) {
	j, ok := sc.jobs[job]
	if !ok {
		return nil, fmt.Errorf("schedule: no job %q", job)
	}
	return j.NextRuns(n)
}

// Start starts the jobs without blocking.
func (sc *Scheduler) Start() {
	sc.s.Start()
	sc.started.Store(true)
	for _, name := range sc.Jobs() {
		if next, err := sc.jobs[name].NextRun(); err == nil {
			sources := "all"
			if s := sc.specs[name].Sources; s != nil {
				sources = strings.Join(s, ",")
			}
			sc.logger.Info("scan scheduled", "job", name, "sources", sources, "next_run", next)
		}
	}
}

// Started tells whether Start was called and Shutdown was not.
func (sc *Scheduler) Started() bool { return sc.started.Load() }

// RunNow starts every job now (serve --run-now), on this replica whatever the others
// do: it is an operator's request, not a slot, so it takes no lock. A source job that
// finds its source busy with the scope's run skips; the scope's run waits for source
// runs under way. A failed run is logged.
func (sc *Scheduler) RunNow() error {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if sc.stopping {
		return errors.New("schedule: stopping")
	}
	for _, name := range sc.Jobs() {
		job := sc.specs[name]
		sc.running.Add(1)
		go func() {
			defer sc.running.Done()
			if err := sc.runJob(job); err != nil {
				sc.logger.Error("scan failed; the job runs again at its next slot", "job", job.Name, "error", err)
			}
		}()
	}
	return nil
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
