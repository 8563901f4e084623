package daemon_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/daemon"
	"github.com/gdprscan/gdprscan/internal/testdb"
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

// Two replicas of serve share a PostgreSQL state and the schedule: each slot is scanned
// once between them, and the tasks are opened once.
func TestServeReplicasShareSlots(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) })
	cfg, dir := demoConfig(t)
	cfg.Sources[0].IncludeTables = []string{"payments"}
	cfg.State.DSN = config.Secret(testdb.Postgres(t))
	// Monday 2026-11-30, 05:58 in Berlin; the demo's schedule is Mondays 06:00 Berlin.
	t0 := time.Date(2026, 11, 30, 4, 58, 0, 0, time.UTC)
	type replica struct {
		*started
		clock *clockwork.FakeClock
		logs  *lockedBuffer
	}
	run := func() replica {
		r := replica{clock: clockwork.NewFakeClockAt(t0), logs: &lockedBuffer{}}
		r.started = start(t, cfg, r.clock, daemon.Options{Logger: slog.New(slog.NewTextHandler(r.logs, nil))})
		return r
	}
	a, b := run(), run()
	for week := range 2 {
		step := 2 * time.Minute
		if week > 0 {
			step = 7 * 24 * time.Hour
		}
		advanceToNextSlot(t, a.clock, step)
		require.NoError(t, a.scanEnded(t), "week %d: A scans", week)
		advanceToNextSlot(t, b.clock, step)
		require.Eventually(t, func() bool {
			return strings.Count(b.logs.String(), "run skipped: this slot has run already") == week+1
		}, wait, 10*time.Millisecond, "week %d: B skips the slot A ran", week)
		select {
		case err := <-b.ended:
			t.Fatalf("week %d: B scanned too (err %v)", week, err)
		default:
		}
	}
	_, body := get(t, "http://"+b.addr+"/metrics")
	assert.Equal(t, "", metric(body, `gdprscan_scans_total{source="crm"}`), "B never scanned")
	_, body = get(t, "http://"+a.addr+"/metrics")
	assert.Equal(t, "2", metric(body, `gdprscan_scans_total{source="crm"}`))
	seen := map[string]int{}
	for _, l := range readTaskLines(t, filepath.Join(dir, "out", "tasks.jsonl")) {
		seen[l.ID+"/"+l.Status]++
	}
	require.NotEmpty(t, seen)
	for k, n := range seen {
		assert.Equal(t, 1, n, "%s written once", k)
	}
	a.shutdown(t)
	b.shutdown(t)
}

// lockedBuffer is a log sink safe for the daemon's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}
