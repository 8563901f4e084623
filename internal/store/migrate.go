package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migration is one step of the schema. Migrations run in order, each in its own
// transaction, and are recorded in schema_migrations; a step is never edited once
// released — a change is a new step at the end. The SQL is the same on SQLite and
// PostgreSQL: TEXT timestamps (UTC, fixed width), BIGINT counts, no engine-specific types.
type migration struct {
	version int
	name    string
	stmts   []string
}

// migrations is the ordered list. Version 1 is the schema of the first release, written
// with IF NOT EXISTS so that state files made before versioning are adopted as they are.
var migrations = []migration{
	{1, "runs, findings and tasks", []string{
		`CREATE TABLE IF NOT EXISTS runs (
			scan_id TEXT PRIMARY KEY,
			scope TEXT NOT NULL,
			started_at TEXT NOT NULL,
			finished_at TEXT,
			ruleset_version TEXT NOT NULL,
			tool_version TEXT NOT NULL,
			findings BIGINT NOT NULL DEFAULT 0,
			new_findings BIGINT NOT NULL DEFAULT 0,
			resolved_findings BIGINT NOT NULL DEFAULT 0
		)`,
		`CREATE TABLE IF NOT EXISTS findings (
			fingerprint TEXT PRIMARY KEY,
			rule_id TEXT NOT NULL,
			source TEXT NOT NULL,
			location TEXT NOT NULL,
			tbl TEXT NOT NULL,
			title TEXT NOT NULL,
			risk_level TEXT NOT NULL,
			records BIGINT NOT NULL,
			subjects BIGINT NOT NULL,
			first_seen TEXT NOT NULL,
			last_seen TEXT NOT NULL,
			resolved_at TEXT,
			last_scan_id TEXT NOT NULL
		)`,
		`CREATE TABLE IF NOT EXISTS tasks (
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
		)`,
	}},
	{2, "lifecycle status, per-source results, task references, outbox", []string{
		`ALTER TABLE runs ADD COLUMN reopened_findings BIGINT NOT NULL DEFAULT 0`,
		`ALTER TABLE runs ADD COLUMN suppressed_findings BIGINT NOT NULL DEFAULT 0`,
		`CREATE TABLE run_sources (
			scan_id TEXT NOT NULL,
			source TEXT NOT NULL,
			kind TEXT NOT NULL,
			tables_scanned BIGINT NOT NULL DEFAULT 0,
			tables_failed BIGINT NOT NULL DEFAULT 0,
			findings BIGINT NOT NULL DEFAULT 0,
			error TEXT NOT NULL DEFAULT '',
			duration_ms BIGINT NOT NULL DEFAULT 0,
			PRIMARY KEY (scan_id, source)
		)`,
		`ALTER TABLE findings ADD COLUMN status TEXT NOT NULL DEFAULT 'open'`,
		`UPDATE findings SET status = 'resolved' WHERE resolved_at IS NOT NULL`,
		`ALTER TABLE findings ADD COLUMN suppression TEXT NOT NULL DEFAULT ''`,
		`CREATE INDEX findings_unresolved ON findings (source) WHERE resolved_at IS NULL`,
		`ALTER TABLE tasks ADD COLUMN payload TEXT NOT NULL DEFAULT ''`,
		`ALTER TABLE tasks ADD COLUMN closed_at TEXT`,
		`CREATE TABLE task_refs (
			task_id TEXT NOT NULL,
			sink TEXT NOT NULL,
			external_id TEXT NOT NULL,
			url TEXT NOT NULL DEFAULT '',
			state TEXT NOT NULL,
			updated_at TEXT NOT NULL,
			PRIMARY KEY (task_id, sink)
		)`,
		`CREATE TABLE outbox (
			id TEXT PRIMARY KEY,
			sink TEXT NOT NULL,
			task_id TEXT NOT NULL,
			action TEXT NOT NULL,
			scan_id TEXT NOT NULL,
			note TEXT NOT NULL DEFAULT '',
			payload TEXT NOT NULL,
			created_at TEXT NOT NULL,
			attempts BIGINT NOT NULL DEFAULT 0,
			next_attempt_at TEXT NOT NULL,
			claimed_until TEXT,
			last_error TEXT NOT NULL DEFAULT '',
			delivered_at TEXT,
			dead_at TEXT
		)`,
		`CREATE INDEX outbox_pending ON outbox (sink, created_at) WHERE delivered_at IS NULL AND dead_at IS NULL`,
	}},
	// The workbook's trend chart (history.go), which also creates it on first use.
	{3, "findings per risk level of each run", []string{
		`CREATE TABLE IF NOT EXISTS run_risk_counts (
			scan_id TEXT NOT NULL,
			risk_level TEXT NOT NULL,
			findings BIGINT NOT NULL,
			PRIMARY KEY (scan_id, risk_level)
		)`,
	}},
	// Replicas of `serve` sharing one state claim each scheduled run here (slots.go).
	{4, "claims of scheduled job slots", []string{
		`CREATE TABLE job_slots (
			job TEXT NOT NULL,
			slot TEXT NOT NULL,
			holder TEXT NOT NULL,
			claimed_at TEXT NOT NULL,
			PRIMARY KEY (job, slot)
		)`,
	}},
}

// SchemaVersion is the newest schema version this build knows.
func SchemaVersion() int { return migrations[len(migrations)-1].version }

// migrate brings the schema up to date. On PostgreSQL a transaction-scoped advisory lock
// keeps two replicas starting at once from running the same step twice.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version BIGINT PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	var current sql.NullInt64
	if err := s.db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&current); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if int(current.Int64) > SchemaVersion() {
		return fmt.Errorf("%w: the state has schema version %d, this gdprscan knows up to %d; upgrade gdprscan", ErrSchemaTooNew, current.Int64, SchemaVersion())
	}
	for _, m := range migrations {
		if m.version <= int(current.Int64) {
			continue
		}
		if err := s.apply(ctx, m); err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// migrationLockKey is the PostgreSQL advisory lock of schema migrations.
const migrationLockKey = 0x67647072736361 // "gdprsca"

func (s *Store) apply(ctx context.Context, m migration) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if s.engine == Postgres {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(?)`, migrationLockKey); err != nil {
			return err
		}
	}
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.version).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil // another process applied it while we waited for the lock
	}
	for _, stmt := range m.stmts {
		if _, err := tx.ExecContext(ctx, stmt); err != nil {
			return err
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.version, m.name, ts(time.Now())); err != nil {
		return err
	}
	return tx.Commit()
}

// Migrations lists the versions applied to this state, oldest first.
func (s *Store) Migrations(ctx context.Context) ([]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
