package cluster

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"
)

// migrateLock is the advisory lock replicas starting together take around the schema
// changes, so that only one of them creates the tables.
const migrateLock = 7_204_512_013

// The cluster's own tables, next to River's in the state database. They hold the plan
// of each run and what its jobs found: catalogue metadata, classifications with masked
// examples and findings (counts and locations), never a value read from a source.
const schema = `
CREATE TABLE IF NOT EXISTS gdprscan_cluster_runs (
	run_key    text PRIMARY KEY,          -- "<job>@<slot>": one row per slot, so it runs once
	job        text NOT NULL,
	slot       timestamptz NOT NULL,
	sources    text[] NOT NULL,
	all_sources boolean NOT NULL,         -- the scope's run over every source
	created_at timestamptz NOT NULL DEFAULT now(),
	merged_at  timestamptz,
	scan_id    text
);
CREATE TABLE IF NOT EXISTS gdprscan_cluster_sources (
	run_key     text NOT NULL REFERENCES gdprscan_cluster_runs ON DELETE CASCADE,
	source      text NOT NULL,
	batches     int NOT NULL,
	planned_at  timestamptz NOT NULL DEFAULT now(),
	plan_attempt int NOT NULL DEFAULT 1,
	result      jsonb,                    -- the source's scan result, once evaluated
	eval_attempt int,
	finished_at timestamptz,
	PRIMARY KEY (run_key, source)
);
CREATE TABLE IF NOT EXISTS gdprscan_cluster_units (
	run_key     text NOT NULL,
	source      text NOT NULL,
	batch       int NOT NULL,
	units       jsonb NOT NULL,           -- the tables of the batch, from the catalogue
	result      jsonb,                    -- their classification, once scanned
	attempt     int,
	replica     text,
	finished_at timestamptz,
	PRIMARY KEY (run_key, source, batch),
	FOREIGN KEY (run_key, source) REFERENCES gdprscan_cluster_sources ON DELETE CASCADE
);
-- the catalogue's tables the source's filters leave out, listed by the plan: the DPIA
-- facts count the mapped ones among them, as a single scan does
ALTER TABLE gdprscan_cluster_sources ADD COLUMN IF NOT EXISTS skipped jsonb;
`

// Migrate installs River's schema and the cluster's tables in the state database.
func Migrate(ctx context.Context, pool *pgxpool.Pool) error {
	conn, err := pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("cluster: migrate: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, int64(migrateLock)); err != nil {
		return fmt.Errorf("cluster: migrate: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, int64(migrateLock)) //nolint:errcheck // the session ends with the connection anyway
	m, err := rivermigrate.New(riverpgxv5.New(pool), nil)
	if err != nil {
		return fmt.Errorf("cluster: river migrator: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("cluster: river schema: %w", err)
	}
	if _, err := conn.Exec(ctx, schema); err != nil {
		return fmt.Errorf("cluster: schema: %w", err)
	}
	return nil
}
