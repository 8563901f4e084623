package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/sink"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/scanner"
)

// maxAttachment is the largest workbook the summary mail carries; a larger one is named
// in the mail instead.
const maxAttachment = 15 << 20

// syncRequest is the Store.Sync of a run: the tasks it calls for, with the payload the
// sinks receive, and the sinks subscribed to their changes.
func syncRequest(scanID string, at time.Time, want []tasks.Task, covered store.Coverage, sinks []sink.TaskSink, sup suppressed) (store.Sync, error) {
	st := make([]store.Task, len(want))
	for i, t := range want {
		p, err := json.Marshal(t)
		if err != nil {
			return store.Sync{}, fmt.Errorf("task %s: %w", t.ID, err)
		}
		st[i] = store.Task{ID: t.ID, RuleID: t.RuleID, Source: t.Source, Table: t.Schema + "." + t.Table,
			Location: t.Database + "." + t.Schema + "." + t.Table, Title: t.Title, Fingerprints: t.Fingerprints, Payload: p}
	}
	return store.Sync{ScanID: scanID, At: at, Want: st, Covered: covered, Sinks: sink.Subscriptions(sinks), Notes: sup.notes}, nil
}

// storeSources is the per-source part of a run for the store.
func storeSources(sums []scanner.SourceSummary, fs []scanner.Finding) []store.SourceResult {
	n := map[string]int{}
	for _, f := range fs {
		n[f.Location.Source]++
	}
	out := make([]store.SourceResult, len(sums))
	for i, s := range sums {
		out[i] = store.SourceResult{Source: s.Name, Kind: s.Kind, TablesScanned: s.TablesScanned, TablesFailed: len(s.TablesFailed),
			Findings: n[s.Name], Error: s.Error, Duration: time.Duration(s.DurationMS) * time.Millisecond}
	}
	return out
}

// reportStatus is a finding's status in the reports after the run: suppressed, new,
// reopened or open.
func reportStatus(f scanner.Finding, d store.Diff) string {
	if f.Status == scanner.StatusSuppressed {
		return scanner.StatusSuppressed
	}
	for _, fp := range d.Reopened {
		if fp == f.Fingerprint {
			return scanner.StatusReopened
		}
	}
	for _, fp := range d.New {
		if fp == f.Fingerprint {
			return scanner.StatusNew
		}
	}
	return scanner.StatusOpen
}

// fillTickets points each finding's ticket in the workbook at the issue a tracker sink
// opened for its task, when one did (in a run before this one).
func fillTickets(ctx context.Context, st *store.Store, sinks []sink.TaskSink, d *reports.DPIAContext, want []tasks.Task, log *slog.Logger) {
	if d.Tickets == nil {
		d.Tickets = map[string]reports.Ticket{}
	}
	for _, t := range want {
		for _, s := range sinks {
			if _, isFile := s.(*sink.FileSink); isFile {
				continue // a file is no tracker
			}
			ref, ok, err := st.TaskRef(ctx, t.ID, s.Name())
			if err != nil {
				log.Warn("task references unavailable", "error", err)
				return
			}
			if !ok {
				continue
			}
			for _, fp := range t.Fingerprints {
				d.Tickets[fp] = reports.Ticket{ID: ref.ExternalID, URL: ref.URL}
			}
			break
		}
	}
}

// deliverInput is what a run hands to deliver.
type deliverInput struct {
	st      *store.Store
	disp    *sink.Dispatcher
	rep     reports.Report
	diff    store.Diff
	created []store.Task
	closed  []store.Task
	files   []string
	metrics *metrics.Metrics
	log     *slog.Logger
	// noSummary holds back the run summary: a run over part of the sources while the
	// report scope has its own schedule, whose run mails the scope's summary.
	noSummary bool
}

// deliver ends a run: it records the run's metrics, queues the run summary for the
// sinks that take one (email), queues for each sink the open tasks it never had (a sink
// added to the config later), and delivers everything pending in the outbox, earlier
// failures included. A sink that fails is logged and counted; what it did not take stays
// in the outbox for the retry loop of serve or the next run.
func deliver(ctx context.Context, in deliverInput) {
	start := time.Now()
	defer func() { in.metrics.Phase(metrics.PhaseSinks, time.Since(start)) }()
	observe(in.metrics, in.rep)
	in.metrics.Tasks(len(in.created), len(in.closed))

	sum := summary(in)
	for _, s := range in.disp.Sinks() {
		acts := sink.ActionsOf(s)
		for _, a := range acts {
			switch a {
			case sink.ActionSummary:
				if in.noSummary {
					continue
				}
				p, err := json.Marshal(sum)
				if err == nil {
					err = in.st.Enqueue(ctx, store.OutboxItem{Sink: s.Name(), Action: store.ActionSummary, ScanID: in.rep.ScanID, Payload: p, CreatedAt: in.rep.FinishedAt})
				}
				if err != nil {
					in.log.Error("run summary not queued", "sink", s.Name(), "error", err)
				}
			case sink.ActionOpen:
				if n, err := in.st.Backfill(ctx, s.Name(), in.rep.ScanID, in.rep.FinishedAt); err != nil {
					in.log.Error("open tasks not queued for a new sink", "sink", s.Name(), "error", err)
				} else if n > 0 {
					in.log.Info("open tasks queued for a sink that never had them", "sink", s.Name(), "tasks", n)
				}
			}
		}
	}
	res, err := in.disp.Deliver(ctx, true)
	if err != nil {
		in.log.Error("tasks not delivered: the state store failed; they stay in the outbox", "error", err)
		return
	}
	if res.Failed > 0 {
		in.log.Warn("some deliveries failed; they stay in the outbox", "delivered", res.Delivered, "failed", res.Failed)
	}
}

// observe sets the findings gauges of each scanned source.
func observe(m *metrics.Metrics, rep reports.Report) {
	if m == nil {
		return
	}
	for _, s := range rep.Sources {
		if s.Error != "" {
			continue
		}
		counts := map[metrics.FindingKey]int{}
		supp := 0
		for _, f := range rep.Findings {
			if f.Location.Source != s.Name {
				continue
			}
			if f.Status == scanner.StatusSuppressed {
				supp++
				continue
			}
			counts[metrics.FindingKey{RiskLevel: f.RiskLevel.String(), Family: string(f.Family)}]++
		}
		m.Findings(s.Name, counts, supp)
	}
}

// summary is the run summary for the email sink, with the workbook attached.
func summary(in deliverInput) sink.Summary {
	rep := in.rep
	s := sink.Summary{ScanID: rep.ScanID, Scope: rep.Organisation.Scope, Controller: rep.Organisation.Controller,
		StartedAt: rep.StartedAt, FinishedAt: rep.FinishedAt, Findings: len(rep.Findings), ByRisk: map[string]int{},
		New: len(in.diff.New), Resolved: len(in.diff.Resolved), Suppressed: len(in.diff.Suppressed),
		TasksOpened: len(in.created), TasksClosed: len(in.closed)}
	for _, f := range rep.Findings {
		if f.Status != scanner.StatusSuppressed {
			s.ByRisk[f.RiskLevel.String()]++
		}
	}
	for _, src := range rep.Sources {
		s.Sources = append(s.Sources, sink.SourceLine{Name: src.Name, TablesScanned: src.TablesScanned, TablesFailed: len(src.TablesFailed), Error: src.Error})
	}
	for _, f := range in.files {
		if filepath.Ext(f) != ".xlsx" {
			continue
		}
		s.Workbook = filepath.Base(f)
		if info, err := os.Stat(f); err == nil && info.Size() <= maxAttachment {
			if b, err := os.ReadFile(f); err == nil {
				s.WorkbookData = b
			}
		}
		break // the first is the dated file when there is one
	}
	return s
}
