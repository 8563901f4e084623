package cluster

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"
)

// Kill makes the replica die as a crashed process would: its connections to the state
// database are cut and no new one opens, so its running jobs stay "running" in River
// until another replica's leader rescues them, and its source query slots are freed.
// Then its goroutines are stopped.
func (n *Node) Kill(ctx context.Context) {
	n.killed.Store(true)
	conn, err := pgx.Connect(ctx, n.cfg.State.DSN.Reveal())
	if err == nil {
		_, _ = conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, "gdprscan "+n.name)
		_ = conn.Close(ctx)
	}
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	_ = n.client.StopAndCancel(sctx)
	n.closePool()
}

// SlotOf is slotOf for tests.
var SlotOf = slotOf
