package config_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
)

const clusterBase = `sources:
  - {name: crm, kind: sqlite, dsn: "sqlite://crm.db"}
`

func TestClusterDefaults(t *testing.T) {
	cfg, err := config.Load([]byte(clusterBase+"state:\n  dsn: postgres://db/state\ncluster:\n  enabled: true\n  source_limits: {crm: 5}\n"), "c.yaml")
	require.NoError(t, err)
	c := cfg.Cluster
	assert.True(t, c.Enabled)
	assert.Equal(t, config.DefaultClusterWorkers, c.WorkerCount())
	assert.Equal(t, config.DefaultBatchTables, c.Batch())
	assert.Equal(t, 5, c.SourceLimit("crm"))
	assert.Equal(t, config.DefaultSourceConcurrency, c.SourceLimit("other"))
	assert.Equal(t, config.DefaultClusterJobTimeout, c.Timeout())
	assert.Greater(t, c.Rescue(), c.Timeout())
}

func TestClusterErrors(t *testing.T) {
	for _, tc := range []struct{ yaml, want string }{
		{"cluster:\n  enabled: true\n", "c.yaml:4: cluster: enabled needs the PostgreSQL state store (state.dsn)"},
		{"cluster:\n  workers: 0\n", "c.yaml:4: cluster: workers must be greater than 0, got 0"},
		{"cluster:\n  batch_tables: -2\n", "c.yaml:4: cluster: batch_tables must be greater than 0, got -2"},
		{"cluster:\n  source_limits: {erp: 2}\n", `cluster.source_limits: no source named "erp"`},
		{"cluster:\n  source_limits: {crm: 0}\n", `cluster.source_limits: source "crm": the limit must be greater than 0`},
		{"cluster:\n  job_timeout: 10m\n  rescue_after: 5m\n", "cluster: rescue_after (5m0s) must be longer than job_timeout (10m0s)"},
	} {
		_, err := config.Load([]byte(clusterBase+tc.yaml), "c.yaml")
		require.Error(t, err, tc.yaml)
		assert.Contains(t, err.Error(), tc.want, tc.yaml)
	}
	cfg, err := config.Load([]byte(clusterBase+"cluster:\n  job_timeout: 2h\n"), "c.yaml")
	require.NoError(t, err)
	assert.Equal(t, 3*time.Hour, cfg.Cluster.Rescue(), "the default rescue window stays an hour past a long job timeout")
}
