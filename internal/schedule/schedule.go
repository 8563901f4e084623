// Package schedule runs each configured source's scans at the times of its cron
// schedule with gocron. A source's run never overlaps its previous run.
package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/google/uuid"
	"github.com/jonboulle/clockwork"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
)

// RunFunc runs one scan of one source. The default calls pipeline.Run.
type RunFunc func(ctx context.Context, source string) error

// Scheduler owns the gocron scheduler and one job per scheduled source.
type Scheduler struct {
	cfg    *config.Config
	logger *slog.Logger
	clock  clockwork.Clock
	run    RunFunc
	s      gocron.Scheduler
	jobs   map[string]gocron.Job
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

// ErrNothingScheduled is returned when no source has a schedule.
var ErrNothingScheduled = errors.New("schedule: no source has a schedule (set sources[].schedule.cron)")

// New builds the scheduler and registers one job per source that has a schedule.
func New(cfg *config.Config, opts ...Option) (*Scheduler, error) {
	sc := &Scheduler{cfg: cfg, logger: slog.New(slog.DiscardHandler), clock: clockwork.NewRealClock(), jobs: map[string]gocron.Job{}}
	for _, o := range opts {
		if err := o(sc); err != nil {
			return nil, err
		}
	}
	if sc.run == nil {
		sc.run = func(ctx context.Context, source string) error {
			_, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, Sources: []string{source}, Logger: sc.logger})
			return err
		}
	}
	s, err := gocron.NewScheduler(
		gocron.WithClock(sc.clock),
		gocron.WithLogger(sc.logger.With("component", "schedule")),
		gocron.WithStopTimeout(30*time.Second),
	)
	if err != nil {
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
		j, err := s.NewJob(
			gocron.CronJob(expr, false),
			gocron.NewTask(func(ctx context.Context) error { return sc.run(ctx, name) }),
			gocron.WithName(name),
			gocron.WithTags("scan"),
			gocron.WithSingletonMode(gocron.LimitModeReschedule),
			gocron.WithEventListeners(
				gocron.BeforeJobRuns(func(_ uuid.UUID, n string) { sc.logger.Info("scheduled scan starting", "source", n) }),
				gocron.AfterJobRuns(func(_ uuid.UUID, n string) { sc.logger.Info("scheduled scan finished", "source", n) }),
				gocron.AfterJobRunsWithError(func(_ uuid.UUID, n string, err error) {
					sc.logger.Error("scheduled scan failed", "source", n, "error", err)
				}),
			),
		)
		if err != nil {
			_ = s.Shutdown()
			return nil, fmt.Errorf("schedule source %q: %w", name, err)
		}
		sc.jobs[name] = j
	}
	if len(sc.jobs) == 0 {
		_ = s.Shutdown()
		return nil, ErrNothingScheduled
	}
	return sc, nil
}

// NextRun returns when a source's next scan is due.
func (sc *Scheduler) NextRun(source string) (time.Time, error) {
	j, ok := sc.jobs[source]
	if !ok {
		return time.Time{}, fmt.Errorf("schedule: no job for source %q", source)
	}
	return j.NextRun()
}

// Start starts the jobs without blocking.
func (sc *Scheduler) Start() {
	sc.s.Start()
	for name, j := range sc.jobs {
		if next, err := j.NextRun(); err == nil {
			sc.logger.Info("scan scheduled", "source", name, "next_run", next)
		}
	}
}

// Shutdown stops the jobs, cancelling running scans' contexts, and waits for them.
func (sc *Scheduler) Shutdown() error { return sc.s.Shutdown() }

// Serve starts the jobs and blocks until ctx ends (SIGINT/SIGTERM), then shuts down.
func (sc *Scheduler) Serve(ctx context.Context) error {
	sc.Start()
	<-ctx.Done()
	sc.logger.Info("stopping: waiting for running scans")
	return sc.Shutdown()
}
