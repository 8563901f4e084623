package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// The jobs of a run, in order. Priorities make replicas finish a run's sources and
// merge it before starting more tables (River runs priority 1 first).
type (
	// slotArgs starts the run of a job at a slot.
	slotArgs struct {
		Job     string    `json:"job"`
		Sources []string  `json:"sources"` // nil: every source (the scope's run)
		Slot    time.Time `json:"slot"`
	}
	// planArgs lists a source's tables and enqueues their batches.
	planArgs struct {
		Run    string `json:"run"`
		Source string `json:"source"`
	}
	// tablesArgs classifies one batch of a source's tables.
	tablesArgs struct {
		Run    string `json:"run"`
		Source string `json:"source"`
		Batch  int    `json:"batch"`
	}
	// evaluateArgs runs a source's rules once its tables are classified.
	evaluateArgs struct {
		Run    string `json:"run"`
		Source string `json:"source"`
	}
	// mergeArgs merges a run's sources into its reports and tasks.
	mergeArgs struct {
		Run string `json:"run"`
	}
)

func (slotArgs) Kind() string     { return "gdprscan_slot" }
func (planArgs) Kind() string     { return "gdprscan_plan" }
func (tablesArgs) Kind() string   { return "gdprscan_tables" }
func (evaluateArgs) Kind() string { return "gdprscan_evaluate" }
func (mergeArgs) Kind() string    { return "gdprscan_merge" }

// Every job is unique by its arguments: a slot, a source's plan in a run, a batch… is
// enqueued once however many replicas (or retries of the job before) ask for it.
func uniqueOpts(priority int) river.InsertOpts {
	return river.InsertOpts{Queue: Queue, Priority: priority, UniqueOpts: river.UniqueOpts{ByArgs: true}}
}

func (slotArgs) InsertOpts() river.InsertOpts     { return uniqueOpts(2) }
func (planArgs) InsertOpts() river.InsertOpts     { return uniqueOpts(2) }
func (tablesArgs) InsertOpts() river.InsertOpts   { return uniqueOpts(3) }
func (evaluateArgs) InsertOpts() river.InsertOpts { return uniqueOpts(1) }
func (mergeArgs) InsertOpts() river.InsertOpts    { return uniqueOpts(1) }

// runKey names the run of a job at a slot.
func runKey(job string, slot time.Time) string { return job + "@" + slot.UTC().Format(time.RFC3339) }

// snooze puts a job back for a short, random while: its source's query slots are taken.
func snooze() error { return river.JobSnooze(100*time.Millisecond + rand.N(400*time.Millisecond)) }

// sourceResult is a source's scan result as the merge needs it, stored in the state.
type sourceResult struct {
	scanner.Result
	// Retried lists the units of the source that ran more than once ("tables 2:
	// public.users, public.leads", "plan", "evaluate").
	Retried []string `json:"retried,omitempty"`
}

// batchResult is what a table job stored: its tables' classifications (masked examples
// only) and the tables that failed.
type batchResult struct {
	Inventory  []scanner.InventoryItem `json:"inventory"`
	Failed     []scanner.TableError    `json:"failed"`
	Scanned    int                     `json:"scanned"`
	DurationMS int64                   `json:"duration_ms"`
}

// ---- slot ----

type slotWorker struct {
	river.WorkerDefaults[slotArgs]
	n *Node
}

// Work records the run — once per job and slot, whatever replica or retry gets here —
// and enqueues a plan per source in the same transaction.
func (w *slotWorker) Work(ctx context.Context, job *river.Job[slotArgs]) error {
	n, a := w.n, job.Args
	sources, all := a.Sources, a.Sources == nil
	if all {
		for _, s := range n.cfg.Sources {
			sources = append(sources, s.Name)
		}
	}
	key := runKey(a.Job, a.Slot)
	return pgx.BeginFunc(ctx, n.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO gdprscan_cluster_runs (run_key, job, slot, sources, all_sources)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`, key, a.Job, a.Slot, sources, all)
		if err != nil {
			return fmt.Errorf("run %s: %w", key, err)
		}
		if tag.RowsAffected() == 0 {
			n.log.Info("run skipped: this slot has run already", "run", key)
			return nil
		}
		params := make([]river.InsertManyParams, len(sources))
		for i, s := range sources {
			params[i] = river.InsertManyParams{Args: planArgs{Run: key, Source: s}}
		}
		if _, err := n.client.InsertManyTx(ctx, tx, params); err != nil {
			return fmt.Errorf("run %s: enqueue plans: %w", key, err)
		}
		n.log.Info("scheduled scan starting", "run", key, "sources", len(sources))
		return nil
	})
}

// ---- plan ----

type planWorker struct {
	river.WorkerDefaults[planArgs]
	n *Node
}

// Work lists the source's tables, stores them in batches and enqueues a job per batch.
func (w *planWorker) Work(ctx context.Context, job *river.Job[planArgs]) error {
	n, a := w.n, job.Args
	var planned bool
	if err := n.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM gdprscan_cluster_sources WHERE run_key = $1 AND source = $2)`,
		a.Run, a.Source).Scan(&planned); err != nil {
		return err
	}
	if planned {
		return nil
	}
	src, ok := n.cfg.SourceByName(a.Source)
	if !ok { // replicas with different configs (a rollout): another may know it
		if job.Attempt < giveUpAttempt {
			return errNotConfigured
		}
		return n.finishSource(ctx, a.Run, a.Source, failedSource(a.Source, "", time.Now(), errNotConfigured), nil)
	}
	start := time.Now()
	var units []scanner.Unit
	err := n.withSource(ctx, src, func(s scanner.Source, _ *config.Source) error {
		var err error
		t0 := time.Now()
		units, err = s.Units(ctx)
		n.o.Metrics.Phase(metrics.PhaseDiscover, time.Since(t0))
		return err
	})
	if errors.Is(err, errBusy) {
		return snooze()
	}
	if err != nil {
		if ctx.Err() != nil || job.Attempt < giveUpAttempt {
			return fmt.Errorf("source %s: %s", a.Source, scanner.Scrub(err.Error()))
		}
		return n.finishSource(ctx, a.Run, a.Source, failedSource(src.Name, src.Kind, start, fmt.Errorf("list tables: %w", err)), nil)
	}
	kept := scanner.FilterUnits(units, src)
	skipped := filteredOut(units, kept)
	units = kept
	skippedJSON, err := json.Marshal(skipped)
	if err != nil {
		return err
	}
	size := n.cfg.Cluster.Batch()
	var batches [][]scanner.Unit
	for i := 0; i < len(units); i += size {
		batches = append(batches, units[i:min(i+size, len(units))])
	}
	return pgx.BeginFunc(ctx, n.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO gdprscan_cluster_sources (run_key, source, batches, plan_attempt, skipped) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT DO NOTHING`, a.Run, a.Source, len(batches), job.Attempt, skippedJSON)
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		params := make([]river.InsertManyParams, len(batches))
		for i, b := range batches {
			js, err := json.Marshal(b)
			if err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO gdprscan_cluster_units (run_key, source, batch, units) VALUES ($1, $2, $3, $4)`,
				a.Run, a.Source, i, js); err != nil {
				return err
			}
			params[i] = river.InsertManyParams{Args: tablesArgs{Run: a.Run, Source: a.Source, Batch: i}}
		}
		if len(params) == 0 { // nothing to scan: evaluate at once (it reports no tables)
			params = []river.InsertManyParams{{Args: evaluateArgs(a)}}
		}
		_, err = n.client.InsertManyTx(ctx, tx, params)
		n.log.Info("source planned", "run", a.Run, "source", a.Source, "tables", len(units), "batches", len(batches))
		return err
	})
}

// ---- tables ----

type tablesWorker struct {
	river.WorkerDefaults[tablesArgs]
	n *Node
}

// Work classifies the batch's tables (no rules yet) and stores the result; the last
// batch of the source to finish enqueues its evaluation.
func (w *tablesWorker) Work(ctx context.Context, job *river.Job[tablesArgs]) error {
	n, a := w.n, job.Args
	var raw []byte
	var done bool
	if err := n.pool.QueryRow(ctx, `SELECT units, result IS NOT NULL FROM gdprscan_cluster_units WHERE run_key = $1 AND source = $2 AND batch = $3`,
		a.Run, a.Source, a.Batch).Scan(&raw, &done); err != nil {
		return fmt.Errorf("batch %d of %s: %w", a.Batch, a.Source, err)
	}
	if done {
		return nil
	}
	var units []scanner.Unit
	if err := json.Unmarshal(raw, &units); err != nil {
		return fmt.Errorf("batch %d of %s: %w", a.Batch, a.Source, err)
	}
	src, ok := n.cfg.SourceByName(a.Source)
	if !ok {
		src = &config.Source{Name: a.Source}
	}
	start := time.Now()
	var res scanner.Result
	err := n.withSource(ctx, src, func(s scanner.Source, one *config.Source) error {
		if n.o.BeforeTables != nil {
			n.o.BeforeTables(ctx, a.Source, a.Batch)
		}
		classifier, err := detect.New(detect.ConfigOptions(n.cfg.Discovery)...)
		if err != nil {
			return err
		}
		sc, err := scanner.New(classifier, rules.Set{}, scanner.WithLogger(n.log.With("source", a.Source)), n.phaseHook(metrics.PhaseClassify))
		if err != nil {
			return err
		}
		// The mapping is for the rules and the DPIA facts, which the evaluation does over
		// the whole source: a batch counting them too would only repeat its queries.
		classifyOnly := *one
		classifyOnly.Mapping = config.Mapping{}
		res, err = sc.Scan(ctx, scanner.Target{Name: src.Name, Kind: src.Kind, Source: batchSource{Source: s, units: units}, Settings: &classifyOnly, Config: n.cfg})
		return err
	})
	if errors.Is(err, errBusy) {
		return snooze()
	}
	br := batchResult{Inventory: res.Inventory, Failed: res.Summary.TablesFailed, Scanned: res.Summary.TablesScanned, DurationMS: time.Since(start).Milliseconds()}
	if err != nil {
		if ctx.Err() != nil || job.Attempt < giveUpAttempt {
			return fmt.Errorf("batch %d of %s: %s", a.Batch, a.Source, scanner.Scrub(err.Error()))
		}
		// The source stayed out of reach: its tables are failed, the run goes on.
		br = batchResult{Failed: []scanner.TableError{}}
		for _, u := range units {
			br.Failed = append(br.Failed, scanner.TableError{Table: u.Schema + "." + u.Table, Error: scanner.Scrub(err.Error())})
		}
	}
	js, err := json.Marshal(br)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, n.pool, func(tx pgx.Tx) error {
		// The source's row is locked first, so that of two batches finishing together
		// exactly one sees the other's result and enqueues the evaluation.
		if _, err := tx.Exec(ctx, `SELECT 1 FROM gdprscan_cluster_sources WHERE run_key = $1 AND source = $2 FOR UPDATE`, a.Run, a.Source); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE gdprscan_cluster_units SET result = $4, attempt = $5, replica = $6, finished_at = now()
			WHERE run_key = $1 AND source = $2 AND batch = $3`, a.Run, a.Source, a.Batch, js, job.Attempt, n.name); err != nil {
			return err
		}
		var left int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM gdprscan_cluster_units WHERE run_key = $1 AND source = $2 AND result IS NULL`,
			a.Run, a.Source).Scan(&left); err != nil {
			return err
		}
		if left == 0 {
			_, err := n.client.InsertTx(ctx, tx, evaluateArgs{Run: a.Run, Source: a.Source}, nil)
			return err
		}
		return nil
	})
}

// ---- evaluate ----

type evaluateWorker struct {
	river.WorkerDefaults[evaluateArgs]
	n *Node
}

// Work runs the source's rules over its classified tables and stores the source's
// result; the last source of the run to finish enqueues the merge.
func (w *evaluateWorker) Work(ctx context.Context, job *river.Job[evaluateArgs]) error {
	n, a := w.n, job.Args
	src, ok := n.cfg.SourceByName(a.Source)
	if !ok {
		src = &config.Source{Name: a.Source}
	}
	var planAttempt int
	var done bool
	var planned time.Time
	var skippedJSON []byte
	if err := n.pool.QueryRow(ctx, `SELECT plan_attempt, result IS NOT NULL, planned_at, skipped FROM gdprscan_cluster_sources WHERE run_key = $1 AND source = $2`,
		a.Run, a.Source).Scan(&planAttempt, &done, &planned, &skippedJSON); err != nil {
		return fmt.Errorf("source %s: %w", a.Source, err)
	}
	if done {
		return nil
	}
	var skipped []scanner.Unit
	if len(skippedJSON) > 0 { // NULL in a run planned before the column existed
		if err := json.Unmarshal(skippedJSON, &skipped); err != nil {
			return fmt.Errorf("source %s: the plan's skipped tables: %w", a.Source, err)
		}
	}
	rows, err := n.pool.Query(ctx, `SELECT batch, units, result, attempt FROM gdprscan_cluster_units WHERE run_key = $1 AND source = $2 ORDER BY batch`, a.Run, a.Source)
	if err != nil {
		return err
	}
	type batch struct {
		n       int
		units   []scanner.Unit
		res     batchResult
		attempt int
	}
	batches, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (batch, error) {
		var b batch
		var ju, jr []byte
		if err := r.Scan(&b.n, &ju, &jr, &b.attempt); err != nil {
			return b, err
		}
		if err := json.Unmarshal(ju, &b.units); err != nil {
			return b, err
		}
		return b, json.Unmarshal(jr, &b.res)
	})
	if err != nil {
		return fmt.Errorf("source %s: read the batches: %w", a.Source, err)
	}
	// Tables that failed in their batch stay out of the rules, as in a single scan.
	var evaluable []scanner.Unit
	var items []scanner.InventoryItem
	var failed []scanner.TableError
	scanned := 0
	var retried []string
	if planAttempt > 1 {
		retried = append(retried, "plan")
	}
	retriedTables := map[string]bool{}
	for _, b := range batches {
		bad := map[string]bool{}
		for _, f := range b.res.Failed {
			bad[f.Table] = true
		}
		var names []string
		for _, u := range b.units {
			names = append(names, u.Schema+"."+u.Table)
			if !bad[u.Schema+"."+u.Table] {
				evaluable = append(evaluable, u)
			}
		}
		items = append(items, b.res.Inventory...)
		failed = append(failed, b.res.Failed...)
		scanned += b.res.Scanned
		if b.attempt > 1 {
			retried = append(retried, fmt.Sprintf("tables %d: %s", b.n, strings.Join(names, ", ")))
			for _, nm := range names {
				retriedTables[nm] = true
			}
		}
	}
	if job.Attempt > 1 {
		retried = append(retried, "evaluate")
	}
	set, err := rules.Default().Select(n.cfg.Rules.Enable, n.cfg.Rules.Disable)
	if err != nil {
		return river.JobCancel(err)
	}
	// The classifications are final already: overrides were applied by the table jobs.
	evalCfg := *n.cfg
	evalCfg.Discovery.Overrides = nil
	var res scanner.Result
	err = n.withSource(ctx, src, func(s scanner.Source, one *config.Source) error {
		// The DPIA facts count mapped tables even when the filters leave them out, as in
		// one scan: the replay lists those the plan skipped beside the tables it replays.
		r := newReplay(s, append(evaluable, skipped...), items)
		sc, err := scanner.New(r, set, scanner.WithLogger(n.log.With("source", a.Source)), n.phaseHook(metrics.PhaseRules))
		if err != nil {
			return err
		}
		res, err = sc.Scan(ctx, scanner.Target{Name: src.Name, Kind: src.Kind, Source: r, Settings: one, Config: &evalCfg})
		return err
	})
	if errors.Is(err, errBusy) {
		return snooze()
	}
	if err != nil {
		if ctx.Err() != nil || job.Attempt < giveUpAttempt {
			return fmt.Errorf("source %s: %s", a.Source, scanner.Scrub(err.Error()))
		}
		return n.finishSource(ctx, a.Run, a.Source, failedSource(src.Name, src.Kind, planned, err), &job.Attempt)
	}
	// The source's summary is the batches' table counts and failures, then the rules'.
	res.Summary.TablesScanned = scanned
	res.Summary.TablesFailed = append(append([]scanner.TableError{}, failed...), res.Summary.TablesFailed...)
	res.Summary.DurationMS = time.Since(planned).Milliseconds()
	for i := range res.Inventory {
		if it := &res.Inventory[i]; retriedTables[it.Schema+"."+it.Table] {
			it.Evidence.Signals = append(it.Evidence.Signals, SignalRetried)
		}
	}
	return n.finishSource(ctx, a.Run, a.Source, sourceResult{Result: res, Retried: retried}, &job.Attempt)
}

// filteredOut are the tables of the catalogue the filters left out of kept: a scan never
// samples them, but counts the mapped ones among them for the DPIA facts. The plan
// stores them for the evaluation, which so needs no second catalogue query.
func filteredOut(catalogue, kept []scanner.Unit) []scanner.Unit {
	in := make(map[string]bool, len(kept))
	for _, u := range kept {
		in[u.ID()] = true
	}
	var out []scanner.Unit
	for _, u := range catalogue {
		if !in[u.ID()] {
			out = append(out, u)
		}
	}
	return out
}

// SignalRetried marks, in the report's inventory, the columns of a table whose job ran
// again after its replica was lost: the report notes the units that were retried.
const SignalRetried = "cluster:retried"

// failedSource is the result of a source that could not be scanned, as pipeline.Run
// reports one.
func failedSource(name, kind string, start time.Time, err error) sourceResult {
	msg := scanner.Scrub(err.Error())
	sum := scanner.SourceSummary{Name: name, Kind: kind, TablesFailed: []scanner.TableError{}, Error: msg, DurationMS: time.Since(start).Milliseconds()}
	return sourceResult{Result: scanner.Result{Summary: sum}}
}

// finishSource stores a source's result and, when it is the run's last, enqueues the merge.
func (n *Node) finishSource(ctx context.Context, run, source string, res sourceResult, attempt *int) error {
	js, err := json.Marshal(res)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, n.pool, func(tx pgx.Tx) error {
		var sources []string
		if err := tx.QueryRow(ctx, `SELECT sources FROM gdprscan_cluster_runs WHERE run_key = $1 FOR UPDATE`, run).Scan(&sources); err != nil {
			return fmt.Errorf("run %s: %w", run, err)
		}
		if _, err := tx.Exec(ctx, `INSERT INTO gdprscan_cluster_sources (run_key, source, batches, result, eval_attempt, finished_at)
			VALUES ($1, $2, 0, $3, $4, now())
			ON CONFLICT (run_key, source) DO UPDATE SET result = EXCLUDED.result, eval_attempt = EXCLUDED.eval_attempt, finished_at = now()`,
			run, source, js, attempt); err != nil {
			return err
		}
		var finished int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM gdprscan_cluster_sources WHERE run_key = $1 AND result IS NOT NULL`, run).Scan(&finished); err != nil {
			return err
		}
		n.log.Info("source scanned", "run", run, "source", source, "error", res.Summary.Error)
		if finished == len(sources) {
			_, err := n.client.InsertTx(ctx, tx, mergeArgs{Run: run}, nil)
			return err
		}
		return nil
	})
}

// phaseHook records in the metrics the one phase of the scanner's walk a job does for
// real: "classify" in a table job (per batch), "rules" in an evaluation.
func (n *Node) phaseHook(only string) scanner.Option {
	return scanner.WithPhaseHook(func(phase string, d time.Duration) {
		if phase == only {
			n.o.Metrics.Phase(phase, d)
		}
	})
}

// errNotConfigured is a job's error on a replica whose configuration lacks the source.
var errNotConfigured = errors.New("the source is not in this replica's configuration")

// withSource takes one of the source's query slots, opens the source and runs f with it
// and the settings a scan of it must use: one query at a time. errBusy means every
// slot was taken.
//
// A slot is one query: a job holding one slot must not run sources[].concurrency
// queries of its own, or n jobs would run n times the cluster-wide limit.
func (n *Node) withSource(ctx context.Context, src *config.Source, f func(scanner.Source, *config.Source) error) error {
	if _, ok := n.cfg.SourceByName(src.Name); !ok {
		return errNotConfigured
	}
	release, err := acquirePermit(ctx, n.pool, src.Name, n.cfg.Cluster.SourceLimit(src.Name))
	if err != nil {
		return err
	}
	defer release()
	one := oneQueryPerSlot(src)
	s, err := pipeline.Open(ctx, one)
	if err != nil {
		return err
	}
	defer s.Close()
	return f(s, one)
}

// oneQueryPerSlot is src with a concurrency of one: a scan with these settings runs one
// query at a time.
func oneQueryPerSlot(src *config.Source) *config.Source {
	one := *src
	one.Concurrency = 1
	return &one
}
