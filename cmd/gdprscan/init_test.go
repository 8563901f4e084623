package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
)

func TestInitDraftsALoadableConfig(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(context.Background(), db, time.Now()))
	out := filepath.Join(dir, "crm.yaml")

	code, stdout, stderr := runCLI(t, "init", "--dsn", "sqlite://"+db, "-o", out)
	require.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stdout, "wrote "+out+": 3 subject tables, consent table: consent_records")
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
