package daemon

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/cluster"
	"github.com/gdprscan/gdprscan/internal/schedule"
)

// scheduler is what serve starts and stops: the single-node gocron scheduler, or in
// cluster mode the replica's River client.
type scheduler interface {
	Start() error
	Started() bool
	RunNow() error
	Shutdown() error
}

// gocronScheduler adapts schedule.Scheduler, whose Start cannot fail.
type gocronScheduler struct{ *schedule.Scheduler }

func (g gocronScheduler) Start() error { g.Scheduler.Start(); return nil }

// clusterScheduler runs serve's schedules as a cluster replica.
type clusterScheduler struct {
	node    *cluster.Node
	cfg     *config.Config
	stop    time.Duration
	started atomic.Bool
}

func (c *clusterScheduler) Start() error {
	if err := c.node.Start(context.Background()); err != nil {
		return err
	}
	c.started.Store(true)
	return nil
}

func (c *clusterScheduler) Started() bool { return c.started.Load() }

// RunNow starts a run of every scheduled job now (serve --run-now). It is an operator's
// request to this replica, keyed by the current second, not a slot of the schedule.
func (c *clusterScheduler) RunNow() error {
	now := time.Now().UTC().Truncate(time.Second)
	var errs []error
	for job, sources := range cluster.Jobs(c.cfg) {
		errs = append(errs, c.node.Trigger(context.Background(), job, sources, now))
	}
	return errors.Join(errs...)
}

// Shutdown lets running jobs finish within the stop timeout; the ones cancelled then
// are retried by the other replicas.
func (c *clusterScheduler) Shutdown() error {
	c.started.Store(false)
	d := c.stop
	if d <= 0 {
		d = schedule.DefaultStopTimeout
	}
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	return c.node.Stop(ctx)
}
