package store

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/testdb"
)

func TestClaimSlot(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		slot := time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)
		ok, err := s.ClaimSlot(ctx, "source:crm", slot, "replica-a", slot)
		require.NoError(t, err)
		assert.True(t, ok, "the first claim of a slot wins")
		ok, err = s.ClaimSlot(ctx, "source:crm", slot, "replica-b", slot.Add(80*time.Millisecond))
		require.NoError(t, err)
		assert.False(t, ok, "another replica's claim of the same slot loses")
		ok, err = s.ClaimSlot(ctx, "source:crm", slot, "replica-a", slot.Add(time.Second))
		require.NoError(t, err)
		assert.False(t, ok, "a slot is claimed once, even by its holder")
		ok, err = s.ClaimSlot(ctx, "scope:acme", slot, "replica-b", slot)
		require.NoError(t, err)
		assert.True(t, ok, "another job's slot is free")
		ok, err = s.ClaimSlot(ctx, "source:crm", slot.Add(7*24*time.Hour), "replica-b", slot.Add(7*24*time.Hour))
		require.NoError(t, err)
		assert.True(t, ok, "the next slot is free")

		// Claims older than slotKeep are pruned as new ones are made.
		later := slot.Add(slotKeep + 8*24*time.Hour)
		_, err = s.ClaimSlot(ctx, "source:crm", later, "replica-a", later)
		require.NoError(t, err)
		var n int
		require.NoError(t, s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM job_slots WHERE slot = ?`, ts(slot)).Scan(&n))
		assert.Zero(t, n)
	})
}

// Replicas sharing a PostgreSQL state race for the same slot: exactly one wins.
func TestClaimSlotRace(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.Postgres(t)
	const replicas = 6
	stores := make([]*Store, replicas)
	for i := range stores {
		s, err := OpenPostgres(ctx, dsn)
		require.NoError(t, err)
		defer s.Close()
		stores[i] = s
	}
	for round := 0; round < 5; round++ {
		slot := time.Date(2026, 3, 2, 6, round, 0, 0, time.UTC)
		var wg sync.WaitGroup
		won := make([]bool, replicas)
		for i, s := range stores {
			wg.Add(1)
			go func() {
				defer wg.Done()
				ok, err := s.ClaimSlot(ctx, "scope:acme", slot, fmt.Sprintf("replica-%d", i), slot)
				assert.NoError(t, err)
				won[i] = ok
			}()
		}
		wg.Wait()
		winners := 0
		for _, w := range won {
			if w {
				winners++
			}
		}
		assert.Equal(t, 1, winners, "round %d", round)
	}
}
