package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
)

// OutboxItem is one delivery to one sink: a task to open, reopen or close, or a run
// summary. Items are written in the same transaction as the change they announce and
// stay until the sink took them, so a sink that is down loses nothing.
type OutboxItem struct {
	// ID is derived from sink, task, action and scan, so that announcing the same change
	// twice (a retried run) queues it once.
	ID, Sink, TaskID, Action, ScanID string
	// Note says why (a close because of a suppression, say).
	Note      string
	Payload   []byte
	CreatedAt time.Time
	Attempts  int
	LastError string
}

// Ref is what a sink made of a task: the issue key or number, and its address.
type Ref struct {
	ExternalID string
	URL        string
	State      string // "open" or "closed", as last delivered
}

// Ref states.
const (
	RefOpen   = "open"
	RefClosed = "closed"
)

func outboxID(sink, taskID, action, scanID string) string {
	h := sha256.Sum256([]byte(strings.Join([]string{sink, taskID, action, scanID}, "|")))
	return "ob-" + hex.EncodeToString(h[:10])
}

// Enqueue adds deliveries to the outbox; one already there is left as it is.
func (s *Store) Enqueue(ctx context.Context, items ...OutboxItem) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	if err := enqueue(ctx, tx, items); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

func enqueue(ctx context.Context, tx *sql.Tx, items []OutboxItem) error {
	for _, it := range items {
		if it.ID == "" {
			it.ID = outboxID(it.Sink, it.TaskID, it.Action, it.ScanID)
		}
		at := ts(it.CreatedAt)
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (id, sink, task_id, action, scan_id, note, payload, created_at, next_attempt_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
			it.ID, it.Sink, it.TaskID, it.Action, it.ScanID, it.Note, string(it.Payload), at, at); err != nil {
			return fmt.Errorf("store: enqueue %s for %s: %w", it.Action, it.Sink, err)
		}
	}
	return nil
}

// Pending returns a sink's undelivered items due by the given time, oldest first.
func (s *Store) Pending(ctx context.Context, sink string, dueBy time.Time) ([]OutboxItem, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sink, task_id, action, scan_id, note, payload, created_at, attempts, last_error FROM outbox
		WHERE sink = ? AND delivered_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? ORDER BY created_at, id`, sink, ts(dueBy))
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	var out []OutboxItem
	for rows.Next() {
		var it OutboxItem
		var payload, created string
		if err := rows.Scan(&it.ID, &it.Sink, &it.TaskID, &it.Action, &it.ScanID, &it.Note, &payload, &created, &it.Attempts, &it.LastError); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		it.Payload, it.CreatedAt = []byte(payload), parseTS(created)
		out = append(out, it)
	}
	return out, rows.Err()
}

// Claim takes an item for delivery until now+lease, so that two delivery loops (or two
// replicas) never send it twice. It returns false when someone else holds it, or it was
// delivered meanwhile.
func (s *Store) Claim(ctx context.Context, id string, now time.Time, lease time.Duration) (bool, error) {
	res, err := s.db.ExecContext(ctx, `UPDATE outbox SET claimed_until = ? WHERE id = ? AND delivered_at IS NULL AND dead_at IS NULL AND (claimed_until IS NULL OR claimed_until < ?)`,
		ts(now.Add(lease)), id, ts(now))
	if err != nil {
		return false, fmt.Errorf("store: claim %s: %w", id, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: claim %s: %w", id, err)
	}
	return n == 1, nil
}

// Delivered records that the sink took the item, and what it made of the task.
func (s *Store) Delivered(ctx context.Context, it OutboxItem, ref Ref, at time.Time) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	defer tx.Rollback()
	// A delivered summary's payload (with the workbook attached) is not kept.
	if _, err := tx.ExecContext(ctx, `UPDATE outbox SET delivered_at = ?, attempts = attempts + 1, claimed_until = NULL, last_error = '',
		payload = CASE WHEN action = ? THEN '' ELSE payload END WHERE id = ?`, ts(at), ActionSummary, it.ID); err != nil {
		return fmt.Errorf("store: delivered %s: %w", it.ID, err)
	}
	if it.TaskID != "" && ref.ExternalID != "" {
		if ref.State == "" {
			ref.State = RefOpen
			if it.Action == ActionClose {
				ref.State = RefClosed
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO task_refs (task_id, sink, external_id, url, state, updated_at) VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (task_id, sink) DO UPDATE SET external_id = excluded.external_id, url = excluded.url, state = excluded.state, updated_at = excluded.updated_at`,
			it.TaskID, it.Sink, ref.ExternalID, ref.URL, ref.State, ts(at)); err != nil {
			return fmt.Errorf("store: task ref %s: %w", it.TaskID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// Failed records a failed attempt. The item is tried again from next on; a dead item
// (the sink refused it for good) is never tried again.
func (s *Store) Failed(ctx context.Context, id string, msg string, next time.Time, dead bool, at time.Time) error {
	var deadAt any
	if dead {
		deadAt = ts(at)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = NULL, dead_at = ? WHERE id = ?`,
		msg, ts(next), deadAt, id); err != nil {
		return fmt.Errorf("store: failed %s: %w", id, err)
	}
	return nil
}

// TaskRef returns what a sink made of a task; ok is false when it has nothing yet.
func (s *Store) TaskRef(ctx context.Context, taskID, sink string) (ref Ref, ok bool, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT external_id, url, state FROM task_refs WHERE task_id = ? AND sink = ?`, taskID, sink).
		Scan(&ref.ExternalID, &ref.URL, &ref.State)
	if errors.Is(err, sql.ErrNoRows) {
		return Ref{}, false, nil
	}
	if err != nil {
		return Ref{}, false, fmt.Errorf("store: %w", err)
	}
	return ref, true, nil
}

// OutboxCounts counts a sink's items: pending (not yet delivered, still tried),
// delivered and dead.
type OutboxCounts struct{ Pending, Delivered, Dead int }

// Outbox counts the items of each sink that has any.
func (s *Store) Outbox(ctx context.Context) (map[string]OutboxCounts, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT sink,
		SUM(CASE WHEN delivered_at IS NULL AND dead_at IS NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END),
		SUM(CASE WHEN dead_at IS NOT NULL THEN 1 ELSE 0 END)
		FROM outbox GROUP BY sink`)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	defer rows.Close()
	out := map[string]OutboxCounts{}
	for rows.Next() {
		var sink string
		var c OutboxCounts
		if err := rows.Scan(&sink, &c.Pending, &c.Delivered, &c.Dead); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		out[sink] = c
	}
	return out, rows.Err()
}

// Backfill queues an open for each open task a sink has never received: a sink added to
// the config later gets the tasks that were already open. Items use the given scan id.
func (s *Store) Backfill(ctx context.Context, sink, scanID string, at time.Time) (int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT t.id, t.payload FROM tasks t
		WHERE t.status = ? AND t.payload <> ''
		AND NOT EXISTS (SELECT 1 FROM task_refs r WHERE r.task_id = t.id AND r.sink = ?)
		AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.task_id = t.id AND o.sink = ?)`, TaskOpen, sink, sink)
	if err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	var items []OutboxItem
	for rows.Next() {
		var id, payload string
		if err := rows.Scan(&id, &payload); err != nil {
			rows.Close()
			return 0, fmt.Errorf("store: %w", err)
		}
		items = append(items, OutboxItem{Sink: sink, TaskID: id, Action: ActionOpen, ScanID: scanID, Payload: []byte(payload), CreatedAt: at})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, fmt.Errorf("store: %w", err)
	}
	if len(items) == 0 {
		return 0, nil
	}
	return len(items), s.Enqueue(ctx, items...)
}
