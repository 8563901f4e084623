package pipeline_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// scanEngine loads the demo CRM into a fresh database of the given kind and scans it with
// the demo config pointed at it.
func scanEngine(t *testing.T, kind string, now time.Time) *pipeline.Outcome {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	var dsn string
	switch kind {
	case "sqlite":
		path := filepath.Join(dir, "crm.db")
		require.NoError(t, demo.BuildSQLite(ctx, path, now))
		dsn = "sqlite://" + path
	case "postgres":
		dsn = testdb.Postgres(t)
		require.NoError(t, demo.Load(ctx, testdb.Writable(t, dsn), dialect.Postgres, demo.Generate(now)))
	case "mysql":
		dsn = testdb.MySQL(t)
		require.NoError(t, demo.Load(ctx, testdb.Writable(t, dsn), dialect.MySQL, demo.Generate(now)))
	}
	cfg, err := demo.Config(filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	cfg.Sources[0].Kind = kind
	cfg.Sources[0].DSN = config.Secret(dsn)
	out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, OutDir: dir, Now: func() time.Time { return now }})
	require.NoError(t, err)
	require.Equal(t, 0, out.SourcesFailed, "%+v", out.Report.Sources)
	require.Empty(t, out.Report.Sources[0].TablesFailed)
	return out
}

// inventory renders what must agree across engines: each column's classification.
func inventory(o *pipeline.Outcome) []string {
	var out []string
	for _, it := range o.Report.Inventory {
		out = append(out, fmt.Sprintf("%s.%s personal=%v category=%s view=%v", it.Table, it.Column, it.Personal, it.Category, it.IsView))
	}
	sort.Strings(out)
	return out
}

// findings renders each finding with its counts, oldest date and sample keys.
func findings(o *pipeline.Outcome) []string {
	var out []string
	for _, f := range o.Report.Findings {
		out = append(out, fmt.Sprintf("%s %s.%s [%s] records=%d subjects=%d oldest=%s keys=%s sev=%d lik=%d",
			f.RuleID, f.Location.Table, f.Location.Column, f.Evidence["scope"], f.RecordsAffected, f.SubjectsAffected,
			f.Oldest, strings.Join(f.SampleKeys, ","), f.Severity, f.Likelihood))
	}
	sort.Strings(out)
	return out
}

// The demo CRM loaded into PostgreSQL and MariaDB gives the same inventory and the same
// findings, counts included, as in SQLite.
func TestEnginesAgreeOnDemo(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	base := scanEngine(t, "sqlite", now)
	require.NotEmpty(t, base.Report.Findings)
	for _, kind := range []string{"postgres", "mysql"} {
		t.Run(kind, func(t *testing.T) {
			got := scanEngine(t, kind, now)
			assert.Equal(t, inventory(base), inventory(got))
			assert.Equal(t, findings(base), findings(got))
		})
	}
}
