package cluster

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/scanner"
)

// keepRuns is how long the plans and stored results of merged runs are kept (for
// looking into a run); their findings stay in the state store's history.
const keepRuns = "30 days"

type mergeWorker struct {
	river.WorkerDefaults[mergeArgs]
	n *Node
}

// Record is the run's record written next to its reports as <scope>-cluster.json: which
// replica scanned what, and which units ran more than once because a replica was lost.
type Record struct {
	Run     string         `json:"run"`
	ScanID  string         `json:"scan_id"`
	Slot    time.Time      `json:"slot"`
	Merged  string         `json:"merged_by"`
	Sources []RecordSource `json:"sources"`
	// Retried lists "<source>: <unit>" for every unit that ran again.
	Retried []string `json:"retried"`
}

// RecordSource is one source of a run's record.
type RecordSource struct {
	Name    string        `json:"name"`
	Batches []RecordBatch `json:"batches"`
	Error   string        `json:"error,omitempty"`
}

// RecordBatch is one table job of a run's record.
type RecordBatch struct {
	Batch    int    `json:"batch"`
	Tables   int    `json:"tables"`
	Attempt  int    `json:"attempt"`
	Replica  string `json:"replica"`
	Duration int64  `json:"duration_ms"`
}

// Work merges the run once. The merging replica holds the run's merge lock (a session
// advisory lock, freed if it dies) while pipeline.Run writes the reports and raises the
// tasks, then marks the run merged; a second merge (a retry, a rescue of a slow merge)
// waits for the lock and then finds the run merged.
func (w *mergeWorker) Work(ctx context.Context, job *river.Job[mergeArgs]) error {
	n, a := w.n, job.Args
	conn, err := n.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	var locked bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1::int4, $2::int4)`, mergeLockClass, permitKey(a.Run)).Scan(&locked); err != nil {
		return err
	}
	if !locked {
		return snooze()
	}
	defer func() {
		if _, err := conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1::int4, $2::int4)`, mergeLockClass, permitKey(a.Run)); err != nil {
			_ = conn.Conn().Close(context.Background())
		}
	}()
	var rec Record
	var merged *time.Time
	var sources []string
	var all bool
	if err := conn.QueryRow(ctx, `SELECT merged_at, sources, all_sources, slot FROM gdprscan_cluster_runs WHERE run_key = $1`, a.Run).
		Scan(&merged, &sources, &all, &rec.Slot); err != nil {
		return fmt.Errorf("run %s: %w", a.Run, err)
	}
	if merged != nil {
		return nil
	}
	results, err := n.loadResults(ctx, conn, a.Run, &rec)
	if err != nil {
		return err
	}
	pick := sources
	if all {
		pick = nil
	}
	out, err := pipeline.Run(ctx, pipeline.Options{Config: n.cfg, Sources: pick, Logger: n.log, Store: n.o.Store, Dispatcher: n.o.Dispatcher,
		Metrics: n.o.Metrics, Dated: true,
		ScanSource: func(_ context.Context, src *config.Source) (scanner.SourceSummary, scanner.Result, error) {
			r, ok := results[src.Name]
			if !ok {
				r = failedSource(src.Name, src.Kind, time.Now(), errors.New("no result in the run"))
			}
			if r.Summary.Error != "" {
				return r.Summary, r.Result, fmt.Errorf("source %s: %s", src.Name, r.Summary.Error)
			}
			return r.Summary, r.Result, nil
		}})
	if err == nil {
		rec.Run, rec.ScanID, rec.Merged = a.Run, out.Report.ScanID, n.name
		if werr := writeRecord(n.cfg, pipeline.RunScope(n.cfg, pick), rec); werr != nil {
			n.log.Error("the run's record could not be written", "run", a.Run, "error", werr)
		}
		_, err = conn.Exec(ctx, `UPDATE gdprscan_cluster_runs SET merged_at = now(), scan_id = $2 WHERE run_key = $1`, a.Run, out.Report.ScanID)
	}
	if err == nil {
		// The state keeps what a run found; the plan of a merged run is not needed for long.
		if _, perr := conn.Exec(ctx, `DELETE FROM gdprscan_cluster_runs WHERE merged_at < now() - $1::interval`, keepRuns); perr != nil {
			n.log.Warn("old runs' plans could not be pruned", "error", perr)
		}
	}
	n.recordMerged(a.Run, out, err, rec)
	return err
}

// mergeLockClass is the first key of the merge locks (the second is the run's hash).
const mergeLockClass = 0x67647072 // "gdpr"

// recordMerged logs the merged run, counts its sources in the metrics and tells OnMerged.
func (n *Node) recordMerged(run string, out *pipeline.Outcome, err error, rec Record) {
	if err != nil {
		n.log.Error("the run could not be merged; it is tried again", "run", run, "error", err)
	} else {
		for _, s := range out.Report.Sources {
			n.o.Metrics.Scan(s.Name, s.Error == "", time.Now())
		}
		if len(rec.Retried) > 0 {
			n.log.Warn("units ran again after a replica was lost", "run", run, "retried", rec.Retried)
		}
		n.log.Info("scheduled scan finished", "run", run, "scan_id", out.Report.ScanID, "findings", len(out.Report.Findings))
	}
	if n.o.OnMerged != nil {
		n.o.OnMerged(run, out, err)
	}
}

// loadResults reads the run's source results and fills the record's per-batch part.
func (n *Node) loadResults(ctx context.Context, tx querier, run string, rec *Record) (map[string]sourceResult, error) {
	rows, err := tx.Query(ctx, `SELECT source, result FROM gdprscan_cluster_sources WHERE run_key = $1 ORDER BY source`, run)
	if err != nil {
		return nil, err
	}
	type row struct {
		Source string
		Raw    []byte
	}
	got, err := pgx.CollectRows(rows, pgx.RowToStructByPos[row])
	if err != nil {
		return nil, err
	}
	out := map[string]sourceResult{}
	rec.Retried = []string{}
	for _, g := range got {
		var r sourceResult
		if err := json.Unmarshal(g.Raw, &r); err != nil {
			return nil, fmt.Errorf("run %s, source %s: %w", run, g.Source, err)
		}
		out[g.Source] = r
		rs := RecordSource{Name: g.Source, Batches: []RecordBatch{}, Error: r.Summary.Error}
		for _, u := range r.Retried {
			rec.Retried = append(rec.Retried, g.Source+": "+u)
		}
		brows, err := tx.Query(ctx, `SELECT batch, jsonb_array_length(units), coalesce(attempt, 0), coalesce(replica, ''),
			coalesce((result->>'duration_ms')::bigint, 0) FROM gdprscan_cluster_units WHERE run_key = $1 AND source = $2 ORDER BY batch`, run, g.Source)
		if err != nil {
			return nil, err
		}
		if rs.Batches, err = pgx.CollectRows(brows, pgx.RowToStructByPos[RecordBatch]); err != nil {
			return nil, err
		}
		rec.Sources = append(rec.Sources, rs)
	}
	return out, nil
}

// querier runs queries: a transaction or a connection.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// writeRecord writes <scope>-cluster.json into the report folder, atomically.
func writeRecord(cfg *config.Config, scope string, rec Record) error {
	dir := cfg.Path(cfg.Report.OutDir)
	js, err := json.MarshalIndent(rec, "", "  ")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, scope+"-cluster.json")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(js, '\n'), 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
