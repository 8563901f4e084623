package store

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// This file adds what the DPIA workbook needs from the state: findings per risk level
// of each run (for the trend chart) and when each finding was first and last seen. It
// keeps its own table, created on first use, so it needs no change to the main schema.

const historySchema = `
CREATE TABLE IF NOT EXISTS run_risk_counts (
	scan_id TEXT NOT NULL,
	risk_level TEXT NOT NULL,
	findings BIGINT NOT NULL,
	PRIMARY KEY (scan_id, risk_level)
)`

func (s *Store) ensureHistory(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, historySchema); err != nil {
		return fmt.Errorf("store: history schema: %w", err)
	}
	return nil
}

// RunStat is one finished run of a scope.
type RunStat struct {
	ScanID                  string
	StartedAt, FinishedAt   time.Time
	Findings, New, Resolved int
	// ByRisk counts the run's findings by risk level ("critical", "high", …); empty for
	// runs recorded before RecordRunStats existed.
	ByRisk map[string]int
}

// RecordRunStats stores a run's findings per risk level. Call it after FinishRun;
// calling it again for the same run replaces the counts.
func (s *Store) RecordRunStats(ctx context.Context, scanID string, byRisk map[string]int) error {
	if err := s.ensureHistory(ctx); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM run_risk_counts WHERE scan_id = ?`, scanID); err != nil {
		return fmt.Errorf("store: run stats %s: %w", scanID, err)
	}
	for level, n := range byRisk {
		if _, err := tx.ExecContext(ctx, `INSERT INTO run_risk_counts (scan_id, risk_level, findings) VALUES (?, ?, ?)`, scanID, level, n); err != nil {
			return fmt.Errorf("store: run stats %s: %w", scanID, err)
		}
	}
	return tx.Commit()
}

// History returns the newest n finished runs of a scope, oldest first, with their
// counts per risk level.
func (s *Store) History(ctx context.Context, scope string, n int) ([]RunStat, error) {
	if err := s.ensureHistory(ctx); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT scan_id, started_at, finished_at, findings, new_findings, resolved_findings
		FROM runs WHERE scope = ? AND finished_at IS NOT NULL ORDER BY started_at DESC, scan_id DESC LIMIT ?`, scope, n)
	if err != nil {
		return nil, fmt.Errorf("store: history: %w", err)
	}
	var out []RunStat
	for rows.Next() {
		var r RunStat
		var started, finished string
		if err := rows.Scan(&r.ScanID, &started, &finished, &r.Findings, &r.New, &r.Resolved); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: history: %w", err)
		}
		r.StartedAt = parseTS(started)
		r.FinishedAt = parseTS(finished)
		r.ByRisk = map[string]int{}
		out = append(out, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: history: %w", err)
	}
	for i := range out {
		rc, err := s.db.QueryContext(ctx, `SELECT risk_level, findings FROM run_risk_counts WHERE scan_id = ?`, out[i].ScanID)
		if err != nil {
			return nil, fmt.Errorf("store: history: %w", err)
		}
		for rc.Next() {
			var level string
			var n int
			if err := rc.Scan(&level, &n); err != nil {
				rc.Close()
				return nil, fmt.Errorf("store: history: %w", err)
			}
			out[i].ByRisk[level] = n
		}
		rc.Close()
		if err := rc.Err(); err != nil {
			return nil, fmt.Errorf("store: history: %w", err)
		}
	}
	slices.Reverse(out)
	return out, nil
}

// Sighting is when a finding was first and last seen.
type Sighting struct{ FirstSeen, LastSeen time.Time }

// Sightings returns the first and last sighting of the given findings, by fingerprint;
// fingerprints the store does not know are left out.
func (s *Store) Sightings(ctx context.Context, fingerprints []string) (map[string]Sighting, error) {
	want := make(map[string]bool, len(fingerprints))
	for _, fp := range fingerprints {
		want[fp] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT fingerprint, first_seen, last_seen FROM findings`)
	if err != nil {
		return nil, fmt.Errorf("store: sightings: %w", err)
	}
	defer rows.Close()
	out := map[string]Sighting{}
	for rows.Next() {
		var fp, first, last string
		if err := rows.Scan(&fp, &first, &last); err != nil {
			return nil, fmt.Errorf("store: sightings: %w", err)
		}
		if !want[fp] {
			continue
		}
		var sg Sighting
		sg.FirstSeen = parseTS(first)
		sg.LastSeen = parseTS(last)
		out[fp] = sg
	}
	return out, rows.Err()
}
