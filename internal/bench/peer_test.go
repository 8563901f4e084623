package bench

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/testdb"
)

// The replay reads every row of every table, and only reads: a view whose function
// writes fails it rather than writing.
func TestReplayPdscanReadsOnly(t *testing.T) {
	ctx := context.Background()
	dsn := testdb.Postgres(t)
	db := testdb.Writable(t, dsn)
	for _, q := range []string{
		`CREATE TABLE a (id int, email text)`,
		`INSERT INTO a VALUES (1, 'x@example.org'), (2, NULL), (3, 'y@example.org')`,
		`CREATE TABLE b (id int)`,
		`INSERT INTO b VALUES (1), (2)`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	p, err := ReplayPdscan(ctx, dsn)
	require.NoError(t, err)
	assert.Equal(t, 5, p.Lines, "every row of both tables read")

	for _, q := range []string{
		`CREATE TABLE writes (n int)`,
		`CREATE FUNCTION log_read() RETURNS int LANGUAGE sql VOLATILE AS 'INSERT INTO writes VALUES (1) RETURNING n'`,
		`CREATE VIEW c AS SELECT log_read() AS n`,
	} {
		_, err := db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	_, err = ReplayPdscan(ctx, dsn)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "read-only")
	var n int
	require.NoError(t, db.QueryRowContext(ctx, `SELECT count(*) FROM writes`).Scan(&n))
	assert.Zero(t, n, "nothing written")
}
