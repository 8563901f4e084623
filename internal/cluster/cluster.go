// Package cluster is `serve` on many replicas: with the PostgreSQL state store and
// cluster.enabled, the replicas share each scheduled scan through River job queues in
// the state database. A slot of a schedule becomes one run (unique by job and slot, so
// clock skew between replicas cannot double it); the run plans one job per source, each
// plan one job per batch of tables, which any replica's workers take; when a source's
// tables are done, one job evaluates its rules, and when every source is, one job merges
// the results, writes the reports and raises the tasks (pipeline.Run, with the stored
// results standing in for the scans). A replica that dies mid-job has its job rescued
// and run again by another (River's rescuer); the run's record notes the retried units.
// Queries against one source are capped across the cluster (permit.go).
package cluster

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivertype"
	"github.com/robfig/cron/v3"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/sink"
	"github.com/gdprscan/gdprscan/internal/store"
)

// Queue is the River queue of every gdprscan job.
const Queue = "gdprscan"

// Options of a replica.
type Options struct {
	Config *config.Config
	// Store and Dispatcher are the replica's state store and sinks (the merge job's
	// pipeline.Run uses them); Metrics, when set, records the merged runs.
	Store      *store.Store
	Dispatcher *sink.Dispatcher
	Metrics    *metrics.Metrics
	Logger     *slog.Logger
	// Name tells this replica apart in the run records and River's client list.
	Name string
	// Schedules registers the config's schedules as River periodic jobs, run by the
	// elected leader (serve sets it; tests trigger slots themselves).
	Schedules bool
	// FetchPollInterval is how often idle workers look for jobs besides being notified
	// (default River's, 1s); tests and benchmarks shorten it.
	FetchPollInterval time.Duration
	// FetchCooldown is the least time between two fetches of a replica's workers
	// (default River's, 100ms): it bounds how many short jobs a replica starts per second.
	FetchCooldown time.Duration
	// RetryDelay, when set, is the wait before a failed job is tried again instead of
	// River's growing backoff (attempt⁴ seconds) (tests).
	RetryDelay time.Duration
	// OnMerged is told when this replica has merged a run (tests, serve's logging).
	OnMerged func(run string, out *pipeline.Outcome, err error)
	// BeforeTables is called before a table job scans its batch (tests: a replica that
	// dies mid-scan). It may block until ctx ends.
	BeforeTables func(ctx context.Context, source string, batch int)
}

// Node is one replica's share of the cluster: its River client and the pool it uses.
type Node struct {
	o      Options
	cfg    *config.Config
	log    *slog.Logger
	pool   *pgxpool.Pool
	client *river.Client[pgx.Tx]
	name   string

	// killed refuses new connections to the state database (tests: a replica that died).
	killed atomic.Bool
}

// New connects a replica to the state database, installs River's schema and the
// cluster's tables if needed, and builds its River client; Start starts it.
func New(ctx context.Context, o Options) (*Node, error) {
	cfg := o.Config
	if cfg == nil || cfg.State.DSN == "" {
		return nil, errors.New("cluster: needs the PostgreSQL state store (state.dsn)")
	}
	if o.Store == nil || o.Dispatcher == nil {
		return nil, errors.New("cluster: needs the replica's state store and dispatcher")
	}
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if o.Name == "" {
		return nil, errors.New("cluster: empty replica name")
	}
	pc, err := pgxpool.ParseConfig(cfg.State.DSN.Reveal())
	if err != nil {
		return nil, errors.New("cluster: the state dsn does not parse as a postgres URL")
	}
	workers := cfg.Cluster.WorkerCount()
	// Each running job holds a connection for its source's query slot and briefly a
	// second for its result; River itself needs a few (fetching, completing, the
	// leader, the LISTEN connection).
	pc.MaxConns = int32(2*workers + 6)
	pc.ConnConfig.RuntimeParams["application_name"] = "gdprscan " + o.Name
	n := &Node{o: o, cfg: cfg, log: log.With("component", "cluster", "replica", o.Name), name: o.Name}
	pc.BeforeConnect = func(context.Context, *pgx.ConnConfig) error {
		if n.killed.Load() {
			return errors.New("cluster: replica killed")
		}
		return nil
	}
	pool, err := pgxpool.NewWithConfig(ctx, pc)
	if err != nil {
		return nil, fmt.Errorf("cluster: state database: %w", err)
	}
	n.pool = pool
	if err := Migrate(ctx, pool); err != nil {
		pool.Close()
		return nil, err
	}
	workersReg := river.NewWorkers()
	river.AddWorker(workersReg, &slotWorker{n: n})
	river.AddWorker(workersReg, &planWorker{n: n})
	river.AddWorker(workersReg, &tablesWorker{n: n})
	river.AddWorker(workersReg, &evaluateWorker{n: n})
	river.AddWorker(workersReg, &mergeWorker{n: n})
	rc := &river.Config{
		ID:                   clientID(o.Name),
		Logger:               log.With("component", "river", "replica", o.Name),
		Queues:               map[string]river.QueueConfig{Queue: {MaxWorkers: workers}},
		Workers:              workersReg,
		JobTimeout:           cfg.Cluster.Timeout(),
		RescueStuckJobsAfter: cfg.Cluster.Rescue(),
		FetchPollInterval:    o.FetchPollInterval,
		MaxAttempts:          maxAttempts,
	}
	if o.FetchCooldown > 0 {
		rc.FetchCooldown = o.FetchCooldown
	} else if o.FetchPollInterval > 0 {
		rc.FetchCooldown = min(o.FetchPollInterval, river.FetchCooldownDefault)
	}
	if o.RetryDelay > 0 {
		rc.RetryPolicy = fixedRetry(o.RetryDelay)
	}
	if o.Schedules {
		if rc.PeriodicJobs, err = periodicJobs(cfg); err != nil {
			pool.Close()
			return nil, err
		}
	}
	client, err := river.NewClient(riverpgxv5.New(pool), rc)
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("cluster: river client: %w", err)
	}
	n.client = client
	return n, nil
}

// maxAttempts is how often a job is tried before River discards it; a job that finds its
// source's query slots taken is snoozed, which does not count. A plan, table or evaluate
// job whose source stays out of reach gives up at giveUpAttempt — it records the source
// or its tables as failed and the run goes on — which leaves attempts for a job whose
// replica dies after that (a rescued job past its last attempt would be discarded).
const (
	maxAttempts   = 5
	giveUpAttempt = 3
)

// fixedRetry tries a failed job again after a fixed delay.
type fixedRetry time.Duration

func (f fixedRetry) NextRetry(*rivertype.JobRow) time.Time { return time.Now().Add(time.Duration(f)) }

// clientID is the replica name in the characters River accepts for a client ID.
func clientID(name string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
			return r
		}
		return '_'
	}, name)
}

// Start starts the replica's workers (and, on the leader, the periodic slots).
func (n *Node) Start(ctx context.Context) error {
	if err := n.client.Start(ctx); err != nil {
		return fmt.Errorf("cluster: start: %w", err)
	}
	n.log.Info("cluster replica started", "workers", n.cfg.Cluster.WorkerCount())
	return nil
}

// Stop lets running jobs finish (until ctx ends, then cancels them) and closes the pool.
// Jobs cancelled here are retried by the other replicas.
func (n *Node) Stop(ctx context.Context) error {
	err := n.client.Stop(ctx)
	if err != nil && ctx.Err() != nil {
		cctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		err = n.client.StopAndCancel(cctx)
		cancel()
	}
	n.closePool()
	if err != nil {
		return fmt.Errorf("cluster: stop: %w", err)
	}
	return nil
}

// closePool closes the pool and waits (a little) until its connections are closed: the
// pool closes a connection still in use only when it is released, and a database that
// is dropped or failed over next should not see this replica any more.
func (n *Node) closePool() {
	n.pool.Close()
	for deadline := time.Now().Add(5 * time.Second); n.pool.Stat().TotalConns() > 0 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
}

// Ping tells whether the replica reaches the state database (readiness).
func (n *Node) Ping(ctx context.Context) error { return n.pool.Ping(ctx) }

// Trigger starts the run of a job at a slot, as the periodic schedule does: job is
// "scope:<scope>" or "source:<name>", sources the sources it scans (nil for all). The
// insert is unique by job and slot, and the run's record is unique again, so every
// replica may call it for the same slot and the run still happens once.
func (n *Node) Trigger(ctx context.Context, job string, sources []string, slot time.Time) error {
	_, err := n.client.Insert(ctx, slotArgs{Job: job, Sources: sources, Slot: slot.UTC()}, nil)
	if err != nil {
		return fmt.Errorf("cluster: trigger %s: %w", job, err)
	}
	return nil
}

// periodicJobs turns the config's schedules into River periodic jobs: the scope's and
// each scheduled source's. Their slot is the minute the leader's clock fired in.
func periodicJobs(cfg *config.Config) ([]*river.PeriodicJob, error) {
	var out []*river.PeriodicJob
	add := func(job string, sources []string, sc *config.Schedule) error {
		sched, err := cron.ParseStandard("CRON_TZ=" + sc.Timezone + " " + sc.Cron)
		if err != nil {
			return fmt.Errorf("cluster: schedule of %s: %w", job, err)
		}
		out = append(out, river.NewPeriodicJob(sched, func() (river.JobArgs, *river.InsertOpts) {
			return slotArgs{Job: job, Sources: sources, Slot: slotOf(time.Now())}, nil
		}, &river.PeriodicJobOpts{ID: job}))
		return nil
	}
	if cfg.Report.Schedule != nil {
		if err := add(JobScope(cfg), nil, cfg.Report.Schedule); err != nil {
			return nil, err
		}
	}
	for _, s := range cfg.Sources {
		if s.Schedule != nil {
			if err := add("source:"+s.Name, []string{s.Name}, s.Schedule); err != nil {
				return nil, err
			}
		}
	}
	if len(out) == 0 {
		return nil, errors.New("cluster: nothing is scheduled (set report.schedule.cron or sources[].schedule.cron)")
	}
	return out, nil
}

// slotOf is the slot a periodic firing at now is for: its minute. River fires up to
// 100ms early, so a second is added first; a firing late by up to a minute keeps its slot.
func slotOf(now time.Time) time.Time { return now.Add(time.Second).UTC().Truncate(time.Minute) }

// JobScope is the name of the scope's job, as the single-node scheduler names it.
func JobScope(cfg *config.Config) string { return "scope:" + cfg.Organisation.Scope }

// Jobs lists every scheduled job with its sources (nil for all), for run-now.
func Jobs(cfg *config.Config) map[string][]string {
	out := map[string][]string{}
	if cfg.Report.Schedule != nil {
		out[JobScope(cfg)] = nil
	}
	for _, s := range cfg.Sources {
		if s.Schedule != nil {
			out["source:"+s.Name] = []string{s.Name}
		}
	}
	return out
}
