package cluster

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"

	"github.com/jackc/pgx/v5/pgxpool"
)

// Per-source concurrency across the cluster is a semaphore of PostgreSQL session
// advisory locks: a source with limit n has n lock slots (key: the source's hash, slot
// number). A job holds one slot, on a connection of its own, while it has the source
// open; a job that finds every slot taken is snoozed and tried again shortly, freeing
// its worker for another source's job meanwhile.
//
// Why not a River queue per source: a queue's MaxWorkers is per client, so n replicas
// would run n times the limit (River's global limits are in River Pro only). The lock
// is held by the database session, so a replica that dies frees its slots as soon as
// PostgreSQL notices the closed connection: a crash never leaks a slot.

// errBusy means every slot of the source is taken.
var errBusy = errors.New("every query slot of the source is in use")

// permitKey is the first half of a source's lock keys. The namespace keeps them apart
// from other users of advisory locks in the state database.
func permitKey(source string) int32 {
	h := fnv.New32a()
	h.Write([]byte("gdprscan/source/" + source))
	return int32(h.Sum32())
}

// acquirePermit takes one of limit slots of source, or returns errBusy.
func acquirePermit(ctx context.Context, pool *pgxpool.Pool, source string, limit int) (release func(), err error) {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return nil, fmt.Errorf("source %s: query slot: %w", source, err)
	}
	key := permitKey(source)
	first := rand.IntN(limit) // start anywhere, so that waiting jobs do not all try slot 0
	for i := range limit {
		slot := int32((first + i) % limit)
		var ok bool
		if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1::int4, $2::int4)`, key, slot).Scan(&ok); err != nil {
			conn.Release()
			return nil, fmt.Errorf("source %s: query slot: %w", source, err)
		}
		if ok {
			return func() {
				// Unlock on a fresh context: the job's may have ended. If it fails the
				// connection is closed, which frees the lock too.
				if _, err := conn.Exec(context.Background(), `SELECT pg_advisory_unlock($1::int4, $2::int4)`, key, slot); err != nil {
					_ = conn.Conn().Close(context.Background())
				}
				conn.Release()
			}, nil
		}
	}
	conn.Release()
	return nil, errBusy
}
