// Package store keeps gdprscan's own state: runs and their per-source results, the
// lifecycle of findings (first seen, last seen, resolved at, status), remediation tasks
// with their ids in each task sink, and the outbox of deliveries to those sinks. It
// holds locations, counts and fingerprints only, never a value read from a scanned
// database.
//
// The state is an embedded SQLite file by default (Open) or a PostgreSQL database
// (OpenPostgres). Both run the same versioned migrations (migrate.go) and the same
// queries: queries are written with "?" placeholders, which the PostgreSQL connection
// rewrites.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the embedded default: pure Go, no server
)

// Engine names the database the state lives in.
type Engine string

// Engines.
const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store is the state.
type Store struct {
	db     *sql.DB
	engine Engine
	name   string // for messages: the file path, or "postgres <db>"; never a DSN
}

// Open opens (creating and migrating if needed) the SQLite state file at path.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	// Create the file owner-only: SQLite gives its WAL and shared-memory files the same mode.
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	f.Close()
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer: SQLite serialises writes anyway
	s := &Store{db: db, engine: SQLite, name: path}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	return s, nil
}

// Close closes the state.
func (s *Store) Close() error { return s.db.Close() }

// Engine tells where the state lives.
func (s *Store) Engine() Engine { return s.engine }

// String names the state for messages (the file, or the PostgreSQL database name).
func (s *Store) String() string { return s.name }

// Ping tells whether the state answers; /readyz asks it.
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.db.QueryRowContext(ctx, `SELECT 1`).Scan(&one); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// Run is one scan run.
type Run struct {
	ScanID, Scope, RulesetVersion, ToolVersion string
	StartedAt                                  time.Time
}

// Finding is what the store keeps of a finding.
type Finding struct {
	Fingerprint, RuleID, Source, Table, Location, Title, RiskLevel string
	Records, Subjects                                              int64
	// Suppressed findings are kept with status "suppressed"; Suppression says why
	// (kind, author, expiry), for the record.
	Suppressed  bool
	Suppression string
}

// Finding statuses.
const (
	StatusNew        = "new"
	StatusOpen       = "open"
	StatusResolved   = "resolved"
	StatusReopened   = "reopened"
	StatusSuppressed = "suppressed"
)

// Diff is how a run's findings compare with the state before it.
type Diff struct {
	New        []string  // fingerprints never seen, or seen and resolved before (reopened)
	Reopened   []string  // subset of New that had been resolved
	Open       []string  // seen before and still there
	Suppressed []string  // seen in this run and suppressed (a subset of the three above)
	Resolved   []Finding // open before, gone now
}

// SourceResult is one source's part of a run.
type SourceResult struct {
	Source, Kind                string
	TablesScanned, TablesFailed int
	Findings                    int
	Error                       string // set when the source could not be scanned at all
	Duration                    time.Duration
}

// Coverage tells whether a run evaluated a rule on a source's table ("schema.table"), so
// that findings there that are absent now count as resolved. A table that failed, a rule
// that was not evaluated, or a source that was not scanned resolves nothing.
type Coverage func(source, table, ruleID string) bool

// StartRun records the start of a run.
func (s *Store) StartRun(ctx context.Context, r Run) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO runs (scan_id, scope, started_at, ruleset_version, tool_version) VALUES (?, ?, ?, ?, ?)`,
		r.ScanID, r.Scope, ts(r.StartedAt), r.RulesetVersion, r.ToolVersion)
	if err != nil {
		return fmt.Errorf("store: start run: %w", err)
	}
	return nil
}

// FinishRun records the run's findings (and, when given, its per-source results) and
// returns the difference with the state before it.
//
// Lifecycle: a finding never seen is "new"; seen again, "open"; absent from a run that
// covered its rule and table, "resolved" (resolved_at set); seen again after that,
// "reopened". A suppressed finding has status "suppressed" whatever its history, and goes
// back to "open" when its suppression ends.
func (s *Store) FinishRun(ctx context.Context, scanID string, at time.Time, fs []Finding, covered Coverage, sources ...SourceResult) (Diff, error) {
	var d Diff
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return d, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	now := ts(at)
	seen := map[string]bool{}
	for _, f := range fs {
		if seen[f.Fingerprint] {
			continue
		}
		seen[f.Fingerprint] = true
		var resolved sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT resolved_at FROM findings WHERE fingerprint = ?`, f.Fingerprint).Scan(&resolved)
		status := StatusOpen
		switch {
		case errors.Is(err, sql.ErrNoRows):
			d.New = append(d.New, f.Fingerprint)
			status = StatusNew
			if f.Suppressed {
				status = StatusSuppressed
				d.Suppressed = append(d.Suppressed, f.Fingerprint)
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO findings (fingerprint, rule_id, source, location, tbl, title, risk_level, records, subjects, first_seen, last_seen, last_scan_id, status, suppression)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				f.Fingerprint, f.RuleID, f.Source, f.Location, f.Table, f.Title, f.RiskLevel, f.Records, f.Subjects, now, now, scanID, status, f.Suppression)
		case err != nil:
		default:
			if resolved.Valid {
				d.New = append(d.New, f.Fingerprint)
				d.Reopened = append(d.Reopened, f.Fingerprint)
				status = StatusReopened
			} else {
				d.Open = append(d.Open, f.Fingerprint)
			}
			if f.Suppressed {
				status = StatusSuppressed
				d.Suppressed = append(d.Suppressed, f.Fingerprint)
			}
			_, err = tx.ExecContext(ctx, `UPDATE findings SET risk_level = ?, records = ?, subjects = ?, title = ?, last_seen = ?, resolved_at = NULL, last_scan_id = ?, status = ?, suppression = ? WHERE fingerprint = ?`,
				f.RiskLevel, f.Records, f.Subjects, f.Title, now, scanID, status, f.Suppression, f.Fingerprint)
		}
		if err != nil {
			return d, fmt.Errorf("store: record finding %s: %w", f.Fingerprint, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT fingerprint, rule_id, source, tbl, location, title, risk_level, records, subjects FROM findings WHERE resolved_at IS NULL`)
	if err != nil {
		return d, fmt.Errorf("store: %w", err)
	}
	var gone []Finding
	for rows.Next() {
		var f Finding
		if err := rows.Scan(&f.Fingerprint, &f.RuleID, &f.Source, &f.Table, &f.Location, &f.Title, &f.RiskLevel, &f.Records, &f.Subjects); err != nil {
			rows.Close()
			return d, fmt.Errorf("store: %w", err)
		}
		if !seen[f.Fingerprint] && covered(f.Source, f.Table, f.RuleID) {
			gone = append(gone, f)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, fmt.Errorf("store: %w", err)
	}
	for _, f := range gone {
		if _, err := tx.ExecContext(ctx, `UPDATE findings SET resolved_at = ?, status = ? WHERE fingerprint = ?`, now, StatusResolved, f.Fingerprint); err != nil {
			return d, fmt.Errorf("store: resolve %s: %w", f.Fingerprint, err)
		}
	}
	d.Resolved = gone
	for _, r := range sources {
		if _, err := tx.ExecContext(ctx, `INSERT INTO run_sources (scan_id, source, kind, tables_scanned, tables_failed, findings, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (scan_id, source) DO UPDATE SET kind = excluded.kind, tables_scanned = excluded.tables_scanned, tables_failed = excluded.tables_failed,
			findings = excluded.findings, error = excluded.error, duration_ms = excluded.duration_ms`,
			scanID, r.Source, r.Kind, r.TablesScanned, r.TablesFailed, r.Findings, r.Error, r.Duration.Milliseconds()); err != nil {
			return d, fmt.Errorf("store: source result %s: %w", r.Source, err)
		}
	}
	if _, err := tx.ExecContext(ctx, `UPDATE runs SET finished_at = ?, findings = ?, new_findings = ?, resolved_findings = ?, reopened_findings = ?, suppressed_findings = ? WHERE scan_id = ?`,
		now, len(seen), len(d.New), len(gone), len(d.Reopened), len(d.Suppressed), scanID); err != nil {
		return d, fmt.Errorf("store: finish run: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return d, fmt.Errorf("store: %w", err)
	}
	return d, nil
}

// FindingState is a finding's lifecycle as stored.
type FindingState struct {
	Fingerprint, RuleID, Source, Table, Status, Suppression string
	FirstSeen, LastSeen                                     time.Time
	ResolvedAt                                              *time.Time
}

// FindingState returns one finding's lifecycle; ok is false when it was never seen.
func (s *Store) FindingState(ctx context.Context, fingerprint string) (st FindingState, ok bool, err error) {
	var first, last string
	var resolved sql.NullString
	err = s.db.QueryRowContext(ctx, `SELECT fingerprint, rule_id, source, tbl, status, suppression, first_seen, last_seen, resolved_at FROM findings WHERE fingerprint = ?`, fingerprint).
		Scan(&st.Fingerprint, &st.RuleID, &st.Source, &st.Table, &st.Status, &st.Suppression, &first, &last, &resolved)
	if errors.Is(err, sql.ErrNoRows) {
		return st, false, nil
	}
	if err != nil {
		return st, false, fmt.Errorf("store: %w", err)
	}
	st.FirstSeen, st.LastSeen = parseTS(first), parseTS(last)
	if resolved.Valid {
		t := parseTS(resolved.String)
		st.ResolvedAt = &t
	}
	return st, true, nil
}

// SourceResults returns a run's per-source results, by source name.
func (s *Store) SourceResults(ctx context.Context, scanID string) ([]SourceResult, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT source, kind, tables_scanned, tables_failed, findings, error, duration_ms FROM run_sources WHERE scan_id = ? ORDER BY source`, scanID)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []SourceResult
	for rows.Next() {
		var r SourceResult
		var ms int64
		if err := rows.Scan(&r.Source, &r.Kind, &r.TablesScanned, &r.TablesFailed, &r.Findings, &r.Error, &ms); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		r.Duration = time.Duration(ms) * time.Millisecond
		out = append(out, r)
	}
	return out, rows.Err()
}

// Task is a remediation task as the store keeps it.
type Task struct {
	ID, RuleID, Source, Table, Location, Title, Status string
	Fingerprints                                       []string
	// Payload is the task as the sinks receive it (JSON); the store keeps the latest, so
	// that a close can be delivered with what the task said.
	Payload []byte
	// Reopened is set on tasks Sync returns as created that had been closed before.
	Reopened bool
}

// Task statuses.
const (
	TaskOpen     = "open"
	TaskResolved = "resolved"
)

// Task actions, as the outbox records them.
const (
	ActionOpen    = "open"
	ActionReopen  = "reopen"
	ActionClose   = "close"
	ActionSummary = "summary"
)

// Subscription says which actions a sink receives.
type Subscription struct {
	Sink    string
	Actions []string
}

func (sub Subscription) wants(action string) bool {
	for _, a := range sub.Actions {
		if a == action {
			return true
		}
	}
	return false
}

// Sync is what a run calls for, for Store.Sync.
type Sync struct {
	ScanID  string
	At      time.Time
	Want    []Task
	Covered Coverage
	// Sinks subscribe to the task changes; each change is put in the outbox for each
	// sink that wants it, in the same transaction, so none is lost.
	Sinks []Subscription
	// Notes says why a task closes, by task id (e.g. "suppressed: accepted risk …");
	// default: resolved.
	Notes map[string]string
}

// SyncTasks records the tasks a run calls for. It returns the tasks that are new or
// reopened (to be sent on), and closes the open tasks that are no longer called for but
// whose location the run covered.
func (s *Store) SyncTasks(ctx context.Context, at time.Time, want []Task, covered Coverage) (created, closed []Task, err error) {
	return s.Sync(ctx, Sync{At: at, Want: want, Covered: covered})
}

// Sync is SyncTasks that also fills the outbox of the subscribed sinks.
func (s *Store) Sync(ctx context.Context, req Sync) (created, closed []Task, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	now := ts(req.At)
	wanted := map[string]bool{}
	for _, t := range req.Want {
		if wanted[t.ID] {
			continue
		}
		wanted[t.ID] = true
		var status string
		err := tx.QueryRowContext(ctx, `SELECT status FROM tasks WHERE id = ?`, t.ID).Scan(&status)
		fps := strings.Join(t.Fingerprints, ",")
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO tasks (id, rule_id, source, tbl, location, title, status, fingerprints, created_at, updated_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				t.ID, t.RuleID, t.Source, t.Table, t.Location, t.Title, TaskOpen, fps, now, now, string(t.Payload))
			t.Status = TaskOpen
			created = append(created, t)
		case err != nil:
		case status != TaskOpen:
			_, err = tx.ExecContext(ctx, `UPDATE tasks SET status = ?, fingerprints = ?, title = ?, payload = ?, updated_at = ?, closed_at = NULL WHERE id = ?`,
				TaskOpen, fps, t.Title, string(t.Payload), now, t.ID)
			t.Status, t.Reopened = TaskOpen, true
			created = append(created, t)
		default:
			_, err = tx.ExecContext(ctx, `UPDATE tasks SET fingerprints = ?, title = ?, payload = ? WHERE id = ?`, fps, t.Title, string(t.Payload), t.ID)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("store: task %s: %w", t.ID, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, rule_id, source, tbl, location, title, fingerprints, payload FROM tasks WHERE status = ?`, TaskOpen)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	for rows.Next() {
		var t Task
		var fps, payload string
		if err := rows.Scan(&t.ID, &t.RuleID, &t.Source, &t.Table, &t.Location, &t.Title, &fps, &payload); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("store: %w", err)
		}
		if !wanted[t.ID] && req.Covered(t.Source, t.Table, t.RuleID) {
			t.Status = TaskResolved
			t.Payload = []byte(payload)
			if fps != "" {
				t.Fingerprints = strings.Split(fps, ",")
			}
			closed = append(closed, t)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	for _, t := range closed {
		if _, err := tx.ExecContext(ctx, `UPDATE tasks SET status = ?, updated_at = ?, closed_at = ? WHERE id = ?`, TaskResolved, now, now, t.ID); err != nil {
			return nil, nil, fmt.Errorf("store: close task %s: %w", t.ID, err)
		}
	}
	var items []OutboxItem
	for _, sub := range req.Sinks {
		for _, t := range created {
			action := ActionOpen
			if t.Reopened {
				action = ActionReopen
			}
			if sub.wants(action) {
				items = append(items, OutboxItem{Sink: sub.Sink, TaskID: t.ID, Action: action, ScanID: req.ScanID, Payload: t.Payload, CreatedAt: req.At})
			}
		}
		for _, t := range closed {
			if sub.wants(ActionClose) {
				items = append(items, OutboxItem{Sink: sub.Sink, TaskID: t.ID, Action: ActionClose, ScanID: req.ScanID, Note: req.Notes[t.ID], Payload: t.Payload, CreatedAt: req.At})
			}
		}
	}
	if err := enqueue(ctx, tx, items); err != nil {
		return nil, nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	return created, closed, nil
}

// TaskStatus returns a task's status ("open", "resolved"); ok is false for an unknown id.
func (s *Store) TaskStatus(ctx context.Context, id string) (status string, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT status FROM tasks WHERE id = ?`, id).Scan(&status)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("store: %w", err)
	}
	return status, true, nil
}

// LastRuns returns the newest n runs' scan ids, newest first.
func (s *Store) LastRuns(ctx context.Context, n int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT scan_id FROM runs WHERE finished_at IS NOT NULL ORDER BY started_at DESC, scan_id DESC LIMIT ?`, n)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}

// tsLayout is RFC 3339 in UTC with a fixed nine-digit fraction, so that timestamps
// sort as text on both engines; time.RFC3339Nano parses it.
const tsLayout = "2006-01-02T15:04:05.000000000Z"

func ts(t time.Time) string { return t.UTC().Format(tsLayout) }

func parseTS(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
