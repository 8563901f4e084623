package daemon_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/daemon"
)

// reportSources counts a JSON report's findings per source.
func reportSources(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var rep struct {
		Findings []struct {
			Location struct {
				Source string `json:"source"`
			} `json:"location"`
		} `json:"findings"`
	}
	require.NoError(t, json.Unmarshal(b, &rep))
	out := map[string]int{}
	for _, f := range rep.Findings {
		out[f.Location.Source]++
	}
	return out
}

// The report scope has its own job: on Mondays at 06:00 Berlin it scans both sources in
// one run and writes the scope's reports; crm-eu's hourly job scans it alone and writes
// its own, leaving the scope's as they were.
func TestServeScopeAndSourceJobs(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) })
	cfg, dir := demoConfig(t)
	cfg.Sources[0].IncludeTables = []string{"payments", "users"}
	b, err := os.ReadFile(filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "crm-eu.db"), b, 0o600))
	eu := cfg.Sources[0]
	eu.Name, eu.DSN = "crm-eu", config.Secret("sqlite://"+filepath.Join(dir, "crm-eu.db"))
	eu.Schedule = &config.Schedule{Cron: "30 * * * *", Timezone: "UTC"}
	cfg.Sources[0].Schedule = nil
	cfg.Sources = append(cfg.Sources, eu)
	cfg.Report.Schedule = &config.Schedule{Cron: "0 6 * * MON", Timezone: "Europe/Berlin"}
	cfg.Report.Formats = []string{"json"}

	// Monday 2026-11-30, 05:58 in Berlin.
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 58, 0, 0, time.UTC))
	d := start(t, cfg, fc, daemon.Options{})
	advance := func(by time.Duration) {
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		require.NoError(t, fc.BlockUntilContext(ctx, 3)) // two jobs and the retry loop
		fc.Advance(by)
	}
	out := filepath.Join(dir, "out")
	scopeReport := filepath.Join(out, "crm-report.json")

	advance(2 * time.Minute) // 06:00 Berlin: the scope's run
	require.NoError(t, d.scanEnded(t))
	both := reportSources(t, scopeReport)
	require.Len(t, both, 2, "the scope's report covers both sources: %v", both)
	before, err := os.ReadFile(scopeReport)
	require.NoError(t, err)

	advance(30 * time.Minute) // 05:30 UTC: crm-eu's own run
	require.NoError(t, d.scanEnded(t))
	assert.Equal(t, map[string]int{"crm-eu": both["crm-eu"]}, reportSources(t, filepath.Join(out, "crm-crm-eu-report.json")))
	after, err := os.ReadFile(scopeReport)
	require.NoError(t, err)
	assert.Equal(t, before, after, "crm-eu's run leaves the scope's report alone")

	_, body := get(t, "http://"+d.addr+"/metrics")
	assert.Equal(t, "1", metric(body, `gdprscan_scans_total{source="crm"}`))
	assert.Equal(t, "2", metric(body, `gdprscan_scans_total{source="crm-eu"}`))
	d.shutdown(t)
}
