package schedule

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/jonboulle/clockwork"
)

// Claimer records claims of job slots where every replica sees them: the state store.
type Claimer interface {
	ClaimSlot(ctx context.Context, job string, slot time.Time, holder string, now time.Time) (bool, error)
}

// ErrSlotTaken is the lock error when the slot was claimed before: by another replica,
// or by an earlier firing of this one.
var ErrSlotTaken = errors.New("slot already claimed")

// SlotLocker is the gocron Locker of replicas sharing a state. A lock on a job is a
// claim of the job's current slot — the scheduled minute, by the replica's clock — that
// is never released: a lock released after the run (an advisory lock, say) lets a
// replica whose clock is a little behind run the same slot again once the first has
// finished (LIBRARIES.md, gocron lockers). Cron schedules here have minutes as their
// finest unit, so a slot is a minute.
type SlotLocker struct {
	claims Claimer
	clock  clockwork.Clock
	holder string
}

// NewSlotLocker returns a locker that claims slots in claims under the name holder,
// which must differ between replicas.
func NewSlotLocker(claims Claimer, clock clockwork.Clock, holder string) (*SlotLocker, error) {
	switch {
	case claims == nil:
		return nil, errors.New("schedule: nil claimer")
	case clock == nil:
		return nil, errors.New("schedule: nil clock")
	case holder == "":
		return nil, errors.New("schedule: empty holder")
	}
	return &SlotLocker{claims: claims, clock: clock, holder: holder}, nil
}

// Lock claims the current slot of the job key.
func (l *SlotLocker) Lock(ctx context.Context, key string) (gocron.Lock, error) {
	now := l.clock.Now()
	slot := now.Truncate(time.Minute)
	ok, err := l.claims.ClaimSlot(ctx, key, slot, l.holder, now)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, fmt.Errorf("%s at %s: %w", key, slot.UTC().Format(time.RFC3339), ErrSlotTaken)
	}
	return claim{}, nil
}

// claim is a held slot; it stays claimed after the run.
type claim struct{}

func (claim) Unlock(context.Context) error { return nil }
