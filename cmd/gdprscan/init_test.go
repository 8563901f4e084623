package main

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

func TestInitDraftsALoadableConfig(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(context.Background(), db, time.Now()))
	out := filepath.Join(dir, "crm.yaml")

	code, stdout, stderr := runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "wrote "+out+": 3 subject tables, consent table: consent_records, email consent: none found, ")
	cfg, err := config.LoadFile(out)
	require.NoError(t, err)
	assert.Equal(t, "sqlite", cfg.Sources[0].Kind)
	assert.NotNil(t, cfg.Sources[0].Mapping.Erasure)

	// The file is not overwritten without --force.
	code, _, stderr = runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", out)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "exists")
	code, _, _ = runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", out, "--force")
	assert.Equal(t, exitOK, code)

	code, stdout, _ = runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", "-")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "# suggested: review")
	assert.NotContains(t, stdout, "discovery:")

	// Phone regions classify the sample and are kept in the draft.
	code, stdout, _ = runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", "-", "--phone-regions", "dk,NO")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "discovery:\n  phone_regions: [DK, NO]\n")
	code, _, stderr = runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", "-", "--phone-regions", "XX")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--phone-regions")

	code, _, stderr = runCLI(t, "init")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--dsn is required")
	_, err = os.Stat(filepath.Join(dir, "gdprscan.yaml"))
	assert.True(t, os.IsNotExist(err))
}

// A table the scanner's role cannot read is skipped: init drafts from the rest, logs the
// table and why, and names it in the file and in its summary.
func TestInitSkipsUnreadableTable(t *testing.T) {
	dsn := testdb.Postgres(t)
	admin := testdb.Writable(t, dsn)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	role := "gdprscan_init_" + strings.TrimPrefix(strings.Trim(u.Path, "/"), "gdprscan_test_")
	for _, q := range []string{
		`CREATE TABLE contacts (id int PRIMARY KEY, email text, first_name text, last_name text, created_at timestamp)`,
		`INSERT INTO contacts VALUES (1, 'anna.berg@posteo.de', 'Anna', 'Berg', now())`,
		`CREATE TABLE hr_salaries (id int PRIMARY KEY, contact_id int, salary numeric)`,
		"CREATE ROLE " + role + " LOGIN",
		"GRANT SELECT ON contacts TO " + role,
	} {
		_, err := admin.Exec(q)
		require.NoError(t, err, q)
	}
	t.Cleanup(func() {
		for _, q := range []string{"DROP OWNED BY " + role, "DROP ROLE " + role} {
			if _, err := admin.Exec(q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	u.User = url.User(role)
	out := filepath.Join(t.TempDir(), "crm.yaml")

	code, stdout, stderr := runCLI(t, "init", "--dsn", u.String(), "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "1 subject tables")
	assert.Contains(t, stdout, "skipped 1 unreadable tables (public.hr_salaries)")
	assert.Contains(t, stderr, "table skipped")
	assert.Contains(t, stderr, "permission denied for table hr_salaries")
	doc, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(doc), "#   - skipped table public.hr_salaries (could not be read: ERROR: permission denied for table hr_salaries")
	_, err = config.LoadFile(out)
	require.NoError(t, err)
}
