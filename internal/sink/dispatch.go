package sink

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/jonboulle/clockwork"

	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
)

// Dispatcher delivers the outbox of the state store to the sinks. Each item is claimed
// before it is sent, so two dispatchers (a run ending while the retry loop ticks, or two
// replicas on one PostgreSQL state) never send it twice; a delivered item records what
// the sink made of the task, so the next action on the task (close, reopen) goes to the
// same issue. Items of one sink go oldest first; a task whose item failed waits for it.
type Dispatcher struct {
	st      *store.Store
	sinks   []TaskSink
	log     *slog.Logger
	metrics *metrics.Metrics
	clock   clockwork.Clock
	lease   time.Duration
}

// DispatcherOption configures a Dispatcher.
type DispatcherOption func(*Dispatcher) error

// WithLogger sets the logger.
func WithLogger(l *slog.Logger) DispatcherOption {
	return func(d *Dispatcher) error {
		if l == nil {
			return errors.New("sink: nil logger")
		}
		d.log = l
		return nil
	}
}

// WithMetrics counts deliveries and errors.
func WithMetrics(m *metrics.Metrics) DispatcherOption {
	return func(d *Dispatcher) error { d.metrics = m; return nil }
}

// WithClock sets the clock; tests pass a fake one.
func WithClock(c clockwork.Clock) DispatcherOption {
	return func(d *Dispatcher) error {
		if c == nil {
			return errors.New("sink: nil clock")
		}
		d.clock = c
		return nil
	}
}

// WithLease sets how long a claimed item is held before another dispatcher may take it
// (it must outlast one Send with all its retries).
func WithLease(lease time.Duration) DispatcherOption {
	return func(d *Dispatcher) error {
		if lease <= 0 {
			return fmt.Errorf("sink: lease must be positive, got %s", lease)
		}
		d.lease = lease
		return nil
	}
}

// NewDispatcher delivers st's outbox to sinks.
func NewDispatcher(st *store.Store, sinks []TaskSink, opts ...DispatcherOption) (*Dispatcher, error) {
	if st == nil {
		return nil, errors.New("sink: nil store")
	}
	d := &Dispatcher{st: st, sinks: sinks, log: slog.New(slog.DiscardHandler), clock: clockwork.NewRealClock(), lease: 10 * time.Minute}
	for _, o := range opts {
		if err := o(d); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// Sinks are the dispatcher's sinks.
func (d *Dispatcher) Sinks() []TaskSink { return d.sinks }

// Subscriptions says which sink receives which actions, for store.Sync.
func Subscriptions(sinks []TaskSink) []store.Subscription {
	out := make([]store.Subscription, len(sinks))
	for i, s := range sinks {
		out[i] = store.Subscription{Sink: s.Name(), Actions: ActionsOf(s)}
	}
	return out
}

// Result counts what one Deliver did.
type Result struct {
	Delivered, Failed int
}

// Deliver sends the items that are due — with all, every pending item whatever its next
// attempt time (a run delivers everything it can). A sink that fails is logged, counted
// and skipped for the rest of this pass; its items stay for the next. The error is the
// state store's, never a sink's.
func (d *Dispatcher) Deliver(ctx context.Context, all bool) (Result, error) {
	var res Result
	now := d.clock.Now()
	dueBy := now
	if all {
		dueBy = now.AddDate(100, 0, 0)
	}
	for _, s := range d.sinks {
		if err := d.deliverSink(ctx, s, dueBy, &res); err != nil {
			return res, err
		}
	}
	if counts, err := d.st.Outbox(ctx); err == nil {
		for _, s := range d.sinks {
			d.metrics.Pending(s.Name(), counts[s.Name()].Pending)
		}
	}
	return res, nil
}

func (d *Dispatcher) deliverSink(ctx context.Context, s TaskSink, dueBy time.Time, res *Result) error {
	name := s.Name()
	items, err := d.st.Pending(ctx, name, dueBy)
	if err != nil {
		return err
	}
	blocked := map[string]bool{}
	for _, it := range items {
		if ctx.Err() != nil {
			return nil
		}
		if it.TaskID != "" && blocked[it.TaskID] {
			continue
		}
		now := d.clock.Now()
		ok, err := d.st.Claim(ctx, it.ID, now, d.lease)
		if err != nil {
			return err
		}
		if !ok {
			blocked[it.TaskID] = it.TaskID != ""
			continue
		}
		del, err := decode(it)
		if err != nil {
			if err := d.st.Failed(ctx, it.ID, err.Error(), now, true, now); err != nil {
				return err
			}
			continue
		}
		if it.TaskID != "" {
			if del.Ref, _, err = d.st.TaskRef(ctx, it.TaskID, name); err != nil {
				return err
			}
		}
		ref, err := s.Send(ctx, del)
		log := d.log.With("sink", name, "action", it.Action, "task_id", it.TaskID, "delivery", it.ID)
		if err != nil {
			d.metrics.Delivery(name, it.Action, err)
			res.Failed++
			if ctx.Err() != nil {
				// Stopping: put the item back as it was, to be sent next time.
				_ = d.st.Failed(context.WithoutCancel(ctx), it.ID, "interrupted", now, false, now)
				return nil
			}
			dead := IsPermanent(err)
			next := now.Add(retryDelay(it.Attempts + 1))
			if err := d.st.Failed(ctx, it.ID, err.Error(), next, dead, now); err != nil {
				return err
			}
			if dead {
				log.Error("sink refused a delivery; it will not be retried", "error", err)
				blocked[it.TaskID] = it.TaskID != ""
				continue
			}
			log.Warn("sink unavailable; the delivery stays in the outbox", "error", err, "next_attempt", next)
			return nil // the sink is down: its other items wait too
		}
		if ref.ExternalID == "" && del.Ref.ExternalID != "" {
			ref = del.Ref // a no-op keeps what the sink had
		}
		if err := d.st.Delivered(ctx, it, ref, d.clock.Now()); err != nil {
			return err
		}
		d.metrics.Delivery(name, it.Action, nil)
		res.Delivered++
		log.Debug("delivered", "external_id", ref.ExternalID)
	}
	return nil
}

// decode turns an outbox item into what the sink receives (without the task's Ref).
func decode(it store.OutboxItem) (Delivery, error) {
	del := Delivery{ID: it.ID, Action: it.Action, ScanID: it.ScanID, At: it.CreatedAt, Note: it.Note, Attempt: it.Attempts}
	if it.Action == ActionSummary {
		var s Summary
		if err := json.Unmarshal(it.Payload, &s); err != nil {
			return del, fmt.Errorf("bad summary payload: %w", err)
		}
		del.Summary = &s
		return del, nil
	}
	if err := json.Unmarshal(it.Payload, &del.Task); err != nil {
		return del, fmt.Errorf("bad task payload: %w", err)
	}
	if del.Task.ID == "" {
		del.Task = tasks.Task{ID: it.TaskID}
	}
	return del, nil
}

// retryDelay is how long an item waits after its n-th failed attempt: 30 s, doubling,
// at most an hour.
func retryDelay(n int) time.Duration {
	d := 30 * time.Second
	for i := 1; i < n && d < time.Hour; i++ {
		d *= 2
	}
	return min(d, time.Hour)
}

// Loop delivers what is due every interval until ctx ends: the serve command's retry
// loop, so a sink that comes back gets its items without waiting for the next scan.
func (d *Dispatcher) Loop(ctx context.Context, interval time.Duration) {
	t := d.clock.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.Chan():
			if _, err := d.Deliver(ctx, false); err != nil && ctx.Err() == nil {
				d.log.Error("outbox delivery failed", "error", err)
			}
		}
	}
}
