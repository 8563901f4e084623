package cluster

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/testdb"
)

// The query slots of a source are shared by every pool on the state database (every
// replica): limit of them, then busy; a released slot, or one whose connection dies,
// is free again.
func TestPermitSlotsAcrossPools(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.Postgres(t)
	a, err := pgxpool.New(ctx, dsn)
	require.NoError(t, err)
	defer a.Close()
	bc, err := pgxpool.ParseConfig(dsn)
	require.NoError(t, err)
	bc.ConnConfig.RuntimeParams["application_name"] = "permit-test-b"
	b, err := pgxpool.NewWithConfig(ctx, bc)
	require.NoError(t, err)
	defer b.Close()

	r1, err := acquirePermit(ctx, a, "crm", 2)
	require.NoError(t, err)
	r2, err := acquirePermit(ctx, b, "crm", 2)
	require.NoError(t, err)
	var r2once sync.Once
	defer r2once.Do(r2) // before b.Close, which waits for its connections
	_, err = acquirePermit(ctx, a, "crm", 2)
	assert.ErrorIs(t, err, errBusy, "a third query against crm waits, whichever replica asks")
	r3, err := acquirePermit(ctx, b, "erp", 2)
	require.NoError(t, err, "another source has its own slots")
	r3()

	r1()
	r4, err := acquirePermit(ctx, b, "crm", 2)
	require.NoError(t, err, "a released slot is free again")
	r4()

	// A replica that dies: its connections end and PostgreSQL frees its slots.
	_, err = a.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'permit-test-b'`)
	require.NoError(t, err)
	r5, err := acquirePermit(ctx, a, "crm", 2)
	require.NoError(t, err)
	// pg_terminate_backend only signals the backend: its locks go when it has exited.
	var r6 func()
	require.Eventually(t, func() bool {
		r6, err = acquirePermit(ctx, a, "crm", 2)
		return err == nil
	}, 10*time.Second, 20*time.Millisecond, "the dead replica's slot is freed")
	r5()
	r6()
	r2once.Do(r2) // on a dead connection: closed, not returned to the pool
}
