package daemon_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/cluster"
	"github.com/gdprscan/gdprscan/internal/daemon"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

// serve with cluster.enabled: two replicas share one run-now scan of the demo through
// River in the PostgreSQL state; one of them merges it, the report and the tasks are
// written once, and both stop cleanly.
func TestServeClusterMode(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) })
	cfg, dir := demoConfig(t)
	cfg.State.DSN = config.Secret(testdb.Postgres(t))
	cfg.Cluster = config.Cluster{Enabled: true, Workers: 2, BatchTables: 2}
	merged := make(chan error, 4)
	opts := func(o *cluster.Options) {
		o.FetchPollInterval = 50 * time.Millisecond
		o.OnMerged = func(_ string, _ *pipeline.Outcome, err error) { merged <- err }
	}
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	a := start(t, cfg, fc, daemon.Options{Cluster: opts, RunNow: true})
	b := start(t, cfg, fc, daemon.Options{Cluster: opts})
	select {
	case err := <-merged:
		require.NoError(t, err)
	case <-time.After(wait):
		t.Fatal("the run was not merged")
	}
	code, body := get(t, "http://"+b.addr+"/readyz")
	assert.Equal(t, 200, code, body)
	lines := readTaskLines(t, filepath.Join(dir, "out", "tasks.jsonl"))
	require.NotEmpty(t, lines)
	seen := map[string]int{}
	for _, l := range lines {
		seen[l.ID]++
	}
	for id, n := range seen {
		assert.Equal(t, 1, n, "task %s written once", id)
	}
	_, err := os.Stat(filepath.Join(dir, "out", "crm-dpia.xlsx"))
	assert.NoError(t, err)
	_, err = os.Stat(filepath.Join(dir, "out", "crm-cluster.json"))
	assert.NoError(t, err, "the run's record is written next to the reports")
	// The merging replica counts the scan; the table jobs' classify phases are spread.
	scans, classify := 0, 0
	for _, d := range []*started{a, b} {
		_, body := get(t, "http://"+d.addr+"/metrics")
		if metric(body, `gdprscan_scans_total{source="crm"}`) == "1" {
			scans++
		}
		if v := metric(body, `gdprscan_phase_duration_seconds_count{phase="classify"}`); v != "" {
			n, err := strconv.Atoi(v)
			require.NoError(t, err)
			classify += n
		}
	}
	assert.Equal(t, 1, scans, "one replica merged the scan")
	assert.Positive(t, classify)
	a.shutdown(t)
	b.shutdown(t)
	select {
	case err := <-merged:
		t.Fatalf("a second merge: %v", err)
	default:
	}
}
