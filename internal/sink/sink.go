// Package sink delivers remediation tasks to where engineers work — a JSON-lines file,
// a signed webhook, GitHub Issues, Jira — and the run summary to the compliance team by
// email. Deliveries come from the outbox in the state store (see Dispatcher): a sink
// that is down loses nothing, and since the store keeps each task's external id per
// sink, a retry never opens a second issue.
//
// A sink is small: Name and Send. Send handles its own retries (Attempts tries, Backoff
// apart, doubling) and returns an error only after it gives up; the error is Permanent
// when trying again cannot help (the tracker refused the request).
package sink

import (
	"context"
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/rules"
)

// Action is what a delivery asks of a sink.
type Action = string

// Actions.
const (
	ActionOpen    Action = store.ActionOpen
	ActionReopen  Action = store.ActionReopen
	ActionClose   Action = store.ActionClose
	ActionSummary Action = store.ActionSummary
)

// TaskActions are what a task sink receives unless it says otherwise.
var TaskActions = []Action{ActionOpen, ActionReopen, ActionClose}

// Delivery is one item of the outbox as a sink receives it.
type Delivery struct {
	// ID is stable across retries of this delivery.
	ID     string
	Action Action
	// Task is set for open, reopen and close.
	Task tasks.Task
	// Summary is set for summary.
	Summary *Summary
	// Ref is what this sink made of the task before (empty if nothing).
	Ref store.Ref
	// ScanID and At are the run that decided the action and when it ended.
	ScanID string
	At     time.Time
	// Note says why a task closes when it is not simply resolved (a suppression).
	Note string
	// Attempt counts earlier attempts: above 0, an earlier one may have reached the
	// sink, so a sink that creates things looks for what it made first.
	Attempt int
}

// TaskSink delivers to one place.
type TaskSink interface {
	Name() string
	// Send delivers d and returns what the sink made of the task (an issue number, a
	// key); an empty Ref for a delivery that makes nothing.
	Send(ctx context.Context, d Delivery) (store.Ref, error)
}

// Subscriber is optional: the actions a sink receives (default TaskActions).
type Subscriber interface {
	Actions() []Action
}

// ActionsOf returns the actions a sink receives.
func ActionsOf(s TaskSink) []Action {
	if sub, ok := s.(Subscriber); ok {
		return sub.Actions()
	}
	return TaskActions
}

// Summary is the run summary the email sink sends.
type Summary struct {
	ScanID       string         `json:"scan_id"`
	Scope        string         `json:"scope"`
	Controller   string         `json:"controller"`
	StartedAt    time.Time      `json:"started_at"`
	FinishedAt   time.Time      `json:"finished_at"`
	Sources      []SourceLine   `json:"sources"`
	Findings     int            `json:"findings"`
	ByRisk       map[string]int `json:"by_risk"`
	New          int            `json:"new"`
	Resolved     int            `json:"resolved"`
	Suppressed   int            `json:"suppressed"`
	TasksOpened  int            `json:"tasks_opened"`
	TasksClosed  int            `json:"tasks_closed"`
	Workbook     string         `json:"workbook"` // file name of the attachment
	WorkbookData []byte         `json:"workbook_data,omitempty"`
}

// SourceLine is one source in a summary.
type SourceLine struct {
	Name          string `json:"name"`
	TablesScanned int    `json:"tables_scanned"`
	TablesFailed  int    `json:"tables_failed"`
	Error         string `json:"error,omitempty"`
}

// permanent marks an error that retrying cannot fix.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent marks err as one that trying again cannot fix (a 4xx answer).
func Permanent(err error) error {
	if err == nil {
		return nil
	}
	return permanent{err}
}

// IsPermanent tells whether err was marked Permanent.
func IsPermanent(err error) bool {
	var p permanent
	return errors.As(err, &p)
}

// retry calls f up to attempts times, backoff apart (doubling), until it succeeds or
// fails permanently or ctx ends.
func retry(ctx context.Context, attempts int, backoff time.Duration, f func() error) error {
	if attempts < 1 {
		attempts = 1
	}
	var err error
	for i := 0; i < attempts; i++ {
		if i > 0 {
			t := time.NewTimer(backoff << (i - 1))
			select {
			case <-ctx.Done():
				t.Stop()
				return errors.Join(err, ctx.Err())
			case <-t.C:
			}
		}
		if err = f(); err == nil || IsPermanent(err) || ctx.Err() != nil {
			return err
		}
	}
	return err
}

// Route is where a task goes in a sink: the project (GitHub repository, Jira project),
// assignee and labels.
type Route struct {
	Project  string   `json:"project,omitempty"`
	Assignee string   `json:"assignee,omitempty"`
	Labels   []string `json:"labels,omitempty"`
}

// Router picks a task's route from a sink's defaults and routing list: the first route
// whose sources, tables and rules all match sets project and assignee and adds labels.
type Router struct {
	def    Route
	routes []config.Route
	min    rules.RiskLevel
}

// NewRouter builds the router of a sink's config.
func NewRouter(c config.Sink) Router {
	min, err := rules.ParseRiskLevel(c.MinRisk)
	if err != nil {
		min = rules.RiskLow
	}
	return Router{def: Route{Project: c.Project, Assignee: c.Assignee, Labels: slices.Clone(c.Labels)}, routes: c.Routing, min: min}
}

// Wants tells whether a task is at or above the sink's min_risk.
func (r Router) Wants(t tasks.Task) bool { return r.min == 0 || t.RiskLevel >= r.min }

// Route returns the task's route.
func (r Router) Route(t tasks.Task) Route {
	out := Route{Project: r.def.Project, Assignee: r.def.Assignee, Labels: slices.Clone(r.def.Labels)}
	for _, rt := range r.routes {
		if !globAny(rt.Sources, t.Source) || !(globAny(rt.Tables, t.Table) || globAny(rt.Tables, t.Schema+"."+t.Table)) || !globAny(rt.Rules, t.RuleID) {
			continue
		}
		if rt.Project != "" {
			out.Project = rt.Project
		}
		if rt.Assignee != "" {
			out.Assignee = rt.Assignee
		}
		for _, l := range rt.Labels {
			if !slices.Contains(out.Labels, l) {
				out.Labels = append(out.Labels, l)
			}
		}
		break
	}
	return out
}

// globAny matches name against globs, case-insensitively; no globs match anything.
func globAny(globs []string, name string) bool {
	if len(globs) == 0 {
		return true
	}
	for _, g := range globs {
		if ok, _ := path.Match(strings.ToLower(g), strings.ToLower(name)); ok {
			return true
		}
	}
	return false
}

// Comment is the text a tracker gets when a task closes or reopens.
func Comment(d Delivery) string {
	day := d.At.UTC().Format("2006-01-02")
	switch d.Action {
	case ActionClose:
		if d.Note != "" {
			return fmt.Sprintf("Closed by gdprscan: %s (scan %s, %s).", d.Note, d.ScanID, day)
		}
		return fmt.Sprintf("Resolved: scan %s on %s no longer finds this problem in %s.%s. Closed by gdprscan.", d.ScanID, day, d.Task.Schema, d.Task.Table)
	case ActionReopen:
		return fmt.Sprintf("Reopened: scan %s on %s finds this problem again in %s.%s.", d.ScanID, day, d.Task.Schema, d.Task.Table)
	}
	return ""
}

// issueTitle puts the task id in front of the title; a search for the id finds the
// issue again after a retry.
func issueTitle(t tasks.Task) string { return "[" + t.ID + "] " + t.Title }
