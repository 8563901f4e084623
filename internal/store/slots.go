package store

import (
	"context"
	"fmt"
	"time"
)

// slotKeep is how long claims are kept; older ones are removed as new ones are made.
const slotKeep = 30 * 24 * time.Hour

// ClaimSlot claims one scheduled run of a job — the job's name and the time slot it was
// due at — for holder (a replica, named for the record). It reports true when this call
// made the claim; a claim of the same slot made before, by any replica or by an earlier
// firing of the same one, makes it false. The claim is a row under a primary key, so of
// replicas racing for a slot exactly one wins, whatever their clock skew within the
// slot; a claim is never released, so a replica that fires late does not run the slot
// again.
func (s *Store) ClaimSlot(ctx context.Context, job string, slot time.Time, holder string, now time.Time) (bool, error) {
	res, err := s.db.ExecContext(ctx, `INSERT INTO job_slots (job, slot, holder, claimed_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (job, slot) DO NOTHING`, job, ts(slot), holder, ts(now))
	if err != nil {
		return false, fmt.Errorf("store: claim %s at %s: %w", job, ts(slot), err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("store: claim %s at %s: %w", job, ts(slot), err)
	}
	if _, err := s.db.ExecContext(ctx, `DELETE FROM job_slots WHERE claimed_at < ?`, ts(now.Add(-slotKeep))); err != nil {
		return false, fmt.Errorf("store: prune job claims: %w", err)
	}
	return n == 1, nil
}
