package bench

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

// ReplayPdscan issues, against a PostgreSQL database, the queries pdscan (github.com/
// ankane/pdscan, the open-source Go peer) issues with its default settings, in the order
// and one at a time as it does: the tables from information_schema, then per table a
// check for tsm_system_rows and a sample of --sample-size 10000 rows (SYSTEM_ROWS when
// the extension is installed, else LIMIT), every value read as text.
//
// It is a lower bound of a pdscan run, for when the binary cannot be had: pdscan does
// the same database work and then also matches every value against its rules (on one
// core by default, --processes 1), which this leaves out.
func ReplayPdscan(ctx context.Context, dsn string) (Peer, error) {
	p := Peer{Name: "pdscan-replay", Command: "pdscan's queries replayed (sample size 10000, sequential)"}
	start := time.Now()
	cc, err := pgx.ParseConfig(dsn)
	if err != nil {
		return p, fmt.Errorf("bench: replay: %w", err)
	}
	// Like every query gdprscan sends, the replay only reads, and no query runs for ever.
	cc.RuntimeParams["default_transaction_read_only"] = "on"
	cc.RuntimeParams["statement_timeout"] = "300000"
	conn, err := pgx.ConnectConfig(ctx, cc)
	if err != nil {
		return p, fmt.Errorf("bench: replay: connect: %w", err)
	}
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, `SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('information_schema', 'pg_catalog') ORDER BY table_schema, table_name`)
	if err != nil {
		return p, fmt.Errorf("bench: replay: list tables: %w", err)
	}
	type tbl struct{ schema, name string }
	tables, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (tbl, error) {
		var t tbl
		err := r.Scan(&t.schema, &t.name)
		return t, err
	})
	if err != nil {
		return p, fmt.Errorf("bench: replay: list tables: %w", err)
	}
	for _, t := range tables {
		var n int
		if err := conn.QueryRow(ctx, "SELECT COUNT(*) FROM pg_extension WHERE extname = 'tsm_system_rows'").Scan(&n); err != nil {
			return p, fmt.Errorf("bench: replay: %w", err)
		}
		q := "SELECT * FROM " + dialect.Postgres.Table(t.schema, t.name) + " LIMIT 10000"
		if n > 0 {
			q = "SELECT * FROM " + dialect.Postgres.Table(t.schema, t.name) + " TABLESAMPLE SYSTEM_ROWS(10000)"
		}
		// pdscan reads through database/sql in the text format; ask pgx for text too.
		rows, err := conn.Query(ctx, q, pgx.QueryResultFormats{pgx.TextFormatCode})
		if err != nil {
			return p, fmt.Errorf("bench: replay: sample %s: %w", t.name, err)
		}
		for rows.Next() {
			for _, raw := range rows.RawValues() {
				if raw != nil {
					_ = string(raw)
				}
			}
			p.Lines++
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return p, fmt.Errorf("bench: replay: sample %s: %w", t.name, err)
		}
	}
	p.WallS = time.Since(start).Seconds()
	return p, nil
}
