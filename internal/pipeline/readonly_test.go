package pipeline_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// fingerprint is what a write would change: each table's row count and a checksum of
// its contents, and on PostgreSQL the statistics collector's insert, update and delete
// counters.
func fingerprint(t *testing.T, kind string, db *sql.DB) map[string]string {
	t.Helper()
	out := map[string]string{}
	var tablesQ string
	d := dialect.Postgres
	if kind == "mysql" {
		d = dialect.MySQL
		tablesQ = "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE' ORDER BY 1"
	} else {
		tablesQ = "SELECT relname FROM pg_stat_user_tables ORDER BY 1"
	}
	rows, err := db.Query(tablesQ)
	require.NoError(t, err)
	var tables []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	require.NoError(t, rows.Err())
	require.NotEmpty(t, tables)
	for _, table := range tables {
		var count int64
		require.NoError(t, db.QueryRow("SELECT COUNT(*) FROM "+d.Ident(table)).Scan(&count))
		var sum string
		if kind == "mysql" {
			var name string
			require.NoError(t, db.QueryRow("CHECKSUM TABLE "+d.Ident(table)).Scan(&name, &sum))
		} else {
			require.NoError(t, db.QueryRow("SELECT COALESCE(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "+d.Ident(table)+" t").Scan(&sum))
		}
		out[table] = fmt.Sprintf("rows=%d sum=%s", count, sum)
	}
	if kind == "postgres" {
		rows, err := db.Query("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del FROM pg_stat_user_tables")
		require.NoError(t, err)
		defer rows.Close()
		for rows.Next() {
			var name string
			var ins, upd, del int64
			require.NoError(t, rows.Scan(&name, &ins, &upd, &del))
			out["stat:"+name] = fmt.Sprintf("ins=%d upd=%d del=%d", ins, upd, del)
		}
		require.NoError(t, rows.Err())
	}
	return out
}

// settledStats waits until the loader's insert counters have reached the statistics
// views, so a later difference can only come from the scan.
func settledStats(t *testing.T, db *sql.DB) {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	last := int64(-1)
	for time.Now().Before(deadline) {
		var ins int64
		require.NoError(t, db.QueryRow("SELECT COALESCE(SUM(n_tup_ins), 0) FROM pg_stat_user_tables").Scan(&ins))
		if ins > 0 && ins == last {
			return
		}
		last = ins
		time.Sleep(700 * time.Millisecond)
	}
	t.Fatal("insert counters never settled")
}

// A full scan with every mapped rule on real PostgreSQL and MariaDB changes nothing:
// not a row, not a checksum, not an insert/update/delete counter.
func TestFullScanChangesNothing(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	for _, kind := range []string{"postgres", "mysql"} {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			var dsn string
			d := dialect.Postgres
			if kind == "postgres" {
				dsn = testdb.Postgres(t)
			} else {
				dsn, d = testdb.MySQL(t), dialect.MySQL
			}
			loader := testdb.Writable(t, dsn)
			require.NoError(t, demo.Load(ctx, loader, d, demo.Generate(now)))
			require.NoError(t, loader.Close()) // its backends exit and flush their statistics
			admin := testdb.Writable(t, dsn)
			if kind == "postgres" {
				settledStats(t, admin)
			}
			before := fingerprint(t, kind, admin)

			dir := t.TempDir()
			cfg, err := demo.Config(filepath.Join(dir, "crm.db"))
			require.NoError(t, err)
			cfg.Sources[0].Kind, cfg.Sources[0].DSN = kind, config.Secret(dsn)
			out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, OutDir: dir, Now: func() time.Time { return now }})
			require.NoError(t, err)
			require.Equal(t, 0, out.SourcesFailed)
			require.Empty(t, out.Report.Sources[0].TablesFailed)
			require.NotEmpty(t, out.Report.Findings, "the rules ran their queries")

			if kind == "postgres" {
				// The scan's sessions have closed and flushed their statistics; give the
				// collector the same settling time as the loader had.
				time.Sleep(1500 * time.Millisecond)
			}
			after := fingerprint(t, kind, admin)
			require.Equal(t, before, after)

			// The fingerprint does see a write: one row updated to itself.
			_, err = admin.Exec("UPDATE contacts SET id = id WHERE id = (SELECT m FROM (SELECT MIN(id) AS m FROM contacts) x)")
			require.NoError(t, err)
			if kind == "postgres" {
				require.Eventually(t, func() bool { return fingerprint(t, kind, admin)["stat:contacts"] != before["stat:contacts"] },
					20*time.Second, 500*time.Millisecond, "an update shows in n_tup_upd")
			}
			t.Logf("%d tables and counters unchanged after a scan with %d findings", len(before), len(out.Report.Findings))
		})
	}
}
