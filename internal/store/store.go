// Package store keeps gdprscan's own state in an embedded SQLite file: runs, the
// lifecycle of findings (first seen, last seen, resolved) and remediation tasks. It holds
// locations, counts and fingerprints only, never a value read from a scanned database.
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

const schema = `
CREATE TABLE IF NOT EXISTS runs (
	scan_id TEXT PRIMARY KEY,
	scope TEXT NOT NULL,
	started_at TEXT NOT NULL,
	finished_at TEXT,
	ruleset_version TEXT NOT NULL,
	tool_version TEXT NOT NULL,
	findings INTEGER NOT NULL DEFAULT 0,
	new_findings INTEGER NOT NULL DEFAULT 0,
	resolved_findings INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS findings (
	fingerprint TEXT PRIMARY KEY,
	rule_id TEXT NOT NULL,
	source TEXT NOT NULL,
	location TEXT NOT NULL,
	tbl TEXT NOT NULL,
	title TEXT NOT NULL,
	risk_level TEXT NOT NULL,
	records INTEGER NOT NULL,
	subjects INTEGER NOT NULL,
	first_seen TEXT NOT NULL,
	last_seen TEXT NOT NULL,
	resolved_at TEXT,
	last_scan_id TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
	id TEXT PRIMARY KEY,
	rule_id TEXT NOT NULL,
	source TEXT NOT NULL,
	tbl TEXT NOT NULL,
	location TEXT NOT NULL,
	title TEXT NOT NULL,
	status TEXT NOT NULL,
	fingerprints TEXT NOT NULL,
	created_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
`

// Store is the state file.
type Store struct{ db *sql.DB }

// Open opens (creating if needed) the state file at path.
func Open(ctx context.Context, path string) (*Store, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store %s: %w", path, err)
	}
	db.SetMaxOpenConns(1) // one writer: SQLite serialises writes anyway
	if _, err := db.ExecContext(ctx, schema); err != nil {
		db.Close()
		return nil, fmt.Errorf("store %s: create schema: %w", path, err)
	}
	return &Store{db: db}, nil
}

// Close closes the file.
func (s *Store) Close() error { return s.db.Close() }

// Run is one scan run.
type Run struct {
	ScanID, Scope, RulesetVersion, ToolVersion string
	StartedAt                                  time.Time
}

// Finding is what the store keeps of a finding.
type Finding struct {
	Fingerprint, RuleID, Source, Table, Location, Title, RiskLevel string
	Records, Subjects                                              int64
}

// Diff is how a run's findings compare with the state before it.
type Diff struct {
	New      []string  // fingerprints never seen, or seen and resolved before (reopened)
	Reopened []string  // subset of New that had been resolved
	Open     []string  // seen before and still there
	Resolved []Finding // open before, gone now
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

// FinishRun records the run's findings and returns the difference with the last state.
func (s *Store) FinishRun(ctx context.Context, scanID string, at time.Time, fs []Finding, covered Coverage) (Diff, error) {
	var d Diff
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return d, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	now := ts(at)
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.Fingerprint] = true
		var resolved sql.NullString
		err := tx.QueryRowContext(ctx, `SELECT resolved_at FROM findings WHERE fingerprint = ?`, f.Fingerprint).Scan(&resolved)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			d.New = append(d.New, f.Fingerprint)
			_, err = tx.ExecContext(ctx, `INSERT INTO findings (fingerprint, rule_id, source, location, tbl, title, risk_level, records, subjects, first_seen, last_seen, last_scan_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				f.Fingerprint, f.RuleID, f.Source, f.Location, f.Table, f.Title, f.RiskLevel, f.Records, f.Subjects, now, now, scanID)
		case err != nil:
		default:
			if resolved.Valid {
				d.New = append(d.New, f.Fingerprint)
				d.Reopened = append(d.Reopened, f.Fingerprint)
			} else {
				d.Open = append(d.Open, f.Fingerprint)
			}
			_, err = tx.ExecContext(ctx, `UPDATE findings SET risk_level = ?, records = ?, subjects = ?, title = ?, last_seen = ?, resolved_at = NULL, last_scan_id = ? WHERE fingerprint = ?`,
				f.RiskLevel, f.Records, f.Subjects, f.Title, now, scanID, f.Fingerprint)
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
		if _, err := tx.ExecContext(ctx, `UPDATE findings SET resolved_at = ? WHERE fingerprint = ?`, now, f.Fingerprint); err != nil {
			return d, fmt.Errorf("store: resolve %s: %w", f.Fingerprint, err)
		}
	}
	d.Resolved = gone
	if _, err := tx.ExecContext(ctx, `UPDATE runs SET finished_at = ?, findings = ?, new_findings = ?, resolved_findings = ? WHERE scan_id = ?`,
		now, len(fs), len(d.New), len(gone), scanID); err != nil {
		return d, fmt.Errorf("store: finish run: %w", err)
	}
	return d, tx.Commit()
}

// Task is a remediation task as the store keeps it.
type Task struct {
	ID, RuleID, Source, Table, Location, Title, Status string
	Fingerprints                                       []string
}

// Task statuses.
const (
	TaskOpen     = "open"
	TaskResolved = "resolved"
)

// SyncTasks records the tasks a run calls for. It returns the tasks that are new or
// reopened (to be sent on), and closes the open tasks that are no longer called for but
// whose location the run covered.
func (s *Store) SyncTasks(ctx context.Context, at time.Time, want []Task, covered Coverage) (created, closed []Task, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	now := ts(at)
	wanted := map[string]bool{}
	for _, t := range want {
		wanted[t.ID] = true
		var status string
		err := tx.QueryRowContext(ctx, `SELECT status FROM tasks WHERE id = ?`, t.ID).Scan(&status)
		fps := strings.Join(t.Fingerprints, ",")
		switch {
		case errors.Is(err, sql.ErrNoRows):
			_, err = tx.ExecContext(ctx, `INSERT INTO tasks (id, rule_id, source, tbl, location, title, status, fingerprints, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				t.ID, t.RuleID, t.Source, t.Table, t.Location, t.Title, TaskOpen, fps, now, now)
			created = append(created, t)
		case err != nil:
		case status != TaskOpen:
			_, err = tx.ExecContext(ctx, `UPDATE tasks SET status = ?, fingerprints = ?, updated_at = ? WHERE id = ?`, TaskOpen, fps, now, t.ID)
			created = append(created, t)
		default:
			_, err = tx.ExecContext(ctx, `UPDATE tasks SET fingerprints = ?, title = ? WHERE id = ?`, fps, t.Title, t.ID)
		}
		if err != nil {
			return nil, nil, fmt.Errorf("store: task %s: %w", t.ID, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, rule_id, source, tbl, location, title FROM tasks WHERE status = ?`, TaskOpen)
	if err != nil {
		return nil, nil, fmt.Errorf("store: %w", err)
	}
	for rows.Next() {
		var t Task
		if err := rows.Scan(&t.ID, &t.RuleID, &t.Source, &t.Table, &t.Location, &t.Title); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("store: %w", err)
		}
		if !wanted[t.ID] && covered(t.Source, t.Table, t.RuleID) {
			t.Status = TaskResolved
			closed = append(closed, t)
		}
	}
	rows.Close()
	for _, t := range closed {
		if _, err := tx.ExecContext(ctx, `UPDATE tasks SET status = ?, updated_at = ? WHERE id = ?`, TaskResolved, now, t.ID); err != nil {
			return nil, nil, fmt.Errorf("store: close task %s: %w", t.ID, err)
		}
	}
	return created, closed, tx.Commit()
}

// LastRuns returns the newest n runs' scan ids, newest first.
func (s *Store) LastRuns(ctx context.Context, n int) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT scan_id FROM runs WHERE finished_at IS NOT NULL ORDER BY started_at DESC LIMIT ?`, n)
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

func ts(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
