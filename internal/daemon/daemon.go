// Package daemon is `gdprscan serve`: the scheduler, the state store and the sinks it
// shares between runs, the outbox retry loop, and the HTTP endpoints, started together
// and stopped in order on SIGINT or SIGTERM.
package daemon

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/cluster"
	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/schedule"
	"github.com/gdprscan/gdprscan/internal/server"
	"github.com/gdprscan/gdprscan/internal/sink"
)

// DefaultRetryInterval is how often the outbox is tried between runs.
const DefaultRetryInterval = time.Minute

// Options of the daemon.
type Options struct {
	Config *config.Config
	// Listen is the address of the endpoints (default 127.0.0.1:9464); Listener, when
	// set, is used instead (tests).
	Listen   string
	Listener net.Listener
	// RunNow starts every scheduled job (the scope's and the sources') at startup.
	RunNow bool
	Logger *slog.Logger
	// Clock drives the schedules and the retry loop; tests pass a fake one.
	Clock clockwork.Clock
	// StopTimeout is how long running scans may finish after SIGINT/SIGTERM before they
	// are cancelled (default 30s).
	StopTimeout time.Duration
	// RetryInterval is how often the outbox is tried between runs (default 1m).
	RetryInterval time.Duration
	// Schedule adds scheduler options (tests).
	Schedule []schedule.Option
	// Ready, when set, is told the address the endpoints listen on once everything runs.
	Ready func(addr string)
	// Cluster adjusts the cluster replica's options (tests); used with cluster.enabled.
	Cluster func(*cluster.Options)
}

// Run starts the daemon and blocks until ctx ends, then stops it: the scheduler first
// (running scans may finish within the stop timeout), then the retry loop, the HTTP
// server and the state store.
func Run(ctx context.Context, o Options) error {
	cfg := o.Config
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	clock := o.Clock
	if clock == nil {
		clock = clockwork.NewRealClock()
	}
	interval := o.RetryInterval
	if interval <= 0 {
		interval = DefaultRetryInterval
	}
	outDir := cfg.Path(cfg.Report.OutDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return fmt.Errorf("output folder: %w", err)
	}
	m := metrics.New()
	st, err := pipeline.OpenState(ctx, cfg, outDir)
	if err != nil {
		return err
	}
	defer st.Close()
	sinks, err := sink.Build(cfg, outDir)
	if err != nil {
		return err
	}
	disp, err := sink.NewDispatcher(st, sinks, sink.WithLogger(log.With("component", "sink")), sink.WithMetrics(m), sink.WithClock(clock))
	if err != nil {
		return err
	}

	runScan := func(ctx context.Context, sources []string) error {
		out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, Sources: sources, Logger: log,
			Store: st, Dispatcher: disp, Metrics: m, Dated: true})
		if err != nil {
			for _, s := range sourcesOf(cfg, sources) {
				m.Scan(s, false, time.Now())
			}
			return err
		}
		var failed []string
		for _, s := range out.Report.Sources {
			m.Scan(s.Name, s.Error == "", time.Now())
			if s.Error != "" {
				failed = append(failed, s.Name)
			}
		}
		if len(failed) > 0 {
			return fmt.Errorf("source %s could not be scanned", strings.Join(failed, ", "))
		}
		return nil
	}
	var sched scheduler
	if cfg.Cluster.Enabled {
		// Replicas share each scan's tables through River (docs/cluster.md).
		co := cluster.Options{Config: cfg, Store: st, Dispatcher: disp, Metrics: m, Logger: log, Name: replicaName(), Schedules: true}
		if o.Cluster != nil {
			o.Cluster(&co)
		}
		node, err := cluster.New(ctx, co)
		if err != nil {
			return err
		}
		sched = &clusterScheduler{node: node, cfg: cfg, stop: o.StopTimeout}
	} else {
		// Replicas sharing the state run each slot of each job once between them.
		locker, err := schedule.NewSlotLocker(st, clock, replicaName())
		if err != nil {
			return err
		}
		opts := []schedule.Option{schedule.WithLogger(log), schedule.WithClock(clock), schedule.WithRunFunc(runScan), schedule.WithLocker(locker)}
		if o.StopTimeout > 0 {
			opts = append(opts, schedule.WithStopTimeout(o.StopTimeout))
		}
		s, err := schedule.New(cfg, append(opts, o.Schedule...)...)
		if err != nil {
			return err
		}
		sched = gocronScheduler{s}
	}

	ln := o.Listener
	if ln == nil {
		addr := o.Listen
		if addr == "" {
			addr = server.DefaultAddr
		}
		if ln, err = net.Listen("tcp", addr); err != nil {
			_ = sched.Shutdown()
			return fmt.Errorf("listen: %w", err)
		}
	}
	srv := server.New(m.Registry, log.With("component", "http"))
	srv.AddCheck("scheduler", func(context.Context) error {
		if !sched.Started() {
			return errors.New("not started")
		}
		return nil
	})
	srv.AddCheck("state", st.Ping)
	var wg sync.WaitGroup
	serveErr := make(chan error, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		serveErr <- srv.Serve(ln)
	}()

	if err := sched.Start(); err != nil {
		_ = sched.Shutdown()
		_ = srv.Shutdown(context.WithoutCancel(ctx))
		wg.Wait()
		return err
	}
	if o.RunNow {
		if err := sched.RunNow(); err != nil {
			log.Error("run-now failed", "error", err)
		}
	}
	loopCtx, stopLoop := context.WithCancel(context.WithoutCancel(ctx))
	wg.Add(1)
	go func() {
		defer wg.Done()
		disp.Loop(loopCtx, interval)
	}()
	if o.Ready != nil {
		o.Ready(ln.Addr().String())
	}

	var runErr error
	select {
	case <-ctx.Done():
	case runErr = <-serveErr:
		log.Error("the HTTP server stopped", "error", runErr)
	}
	log.Info("stopping: waiting for running scans")
	errs := []error{runErr}
	errs = append(errs, sched.Shutdown())
	stopLoop()
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	errs = append(errs, srv.Shutdown(shutCtx))
	wg.Wait()
	log.Info("stopped")
	return errors.Join(errs...)
}

// sourcesOf names the sources of a run: the given ones, or all for nil.
func sourcesOf(cfg *config.Config, sources []string) []string {
	if sources != nil {
		return sources
	}
	out := make([]string, len(cfg.Sources))
	for i, s := range cfg.Sources {
		out[i] = s.Name
	}
	return out
}

// replicaName tells this process apart from other replicas in slot claims: host,
// process id and a random part (two containers may share a host name and pid 1).
func replicaName() string {
	host, _ := os.Hostname()
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return fmt.Sprintf("%s/%d/%x", host, os.Getpid(), b)
}
