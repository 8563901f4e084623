package pipeline_test

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/sink/sinktest"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/suppress"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/scanner"
)

var (
	demoOnce sync.Once
	demoDB   []byte
	demoErr  error
)

// demoConfig puts the demo CRM in dir (built once per test binary, then copied) and
// returns its config, limited to the payments table, which holds the violations these
// tests follow (SEC-01, SEC-02): a scan of the whole demo takes over a minute under the
// race detector.
func demoConfig(t *testing.T, dir string) *config.Config {
	t.Helper()
	demoOnce.Do(func() {
		tmp, err := os.MkdirTemp("", "gdprscan-demo-")
		if err != nil {
			demoErr = err
			return
		}
		defer os.RemoveAll(tmp)
		p := filepath.Join(tmp, "crm.db")
		if demoErr = demo.BuildSQLite(context.Background(), p, time.Now()); demoErr == nil {
			demoDB, demoErr = os.ReadFile(p)
		}
	})
	require.NoError(t, demoErr)
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, os.WriteFile(db, demoDB, 0o600))
	cfg, err := demo.Config(db)
	require.NoError(t, err)
	cfg.Sources[0].IncludeTables = []string{"payments"}
	return cfg
}

func run(t *testing.T, cfg *config.Config, dir string, o pipeline.Options) *pipeline.Outcome {
	t.Helper()
	o.Config, o.OutDir = cfg, dir
	out, err := pipeline.Run(context.Background(), o)
	require.NoError(t, err)
	return out
}

func findingOf(fs []scanner.Finding, rule, table string) (scanner.Finding, bool) {
	for _, f := range fs {
		if f.RuleID == rule && f.Location.Table == table {
			return f, true
		}
	}
	return scanner.Finding{}, false
}

func taskIDOf(f scanner.Finding) string {
	l := f.Location
	return tasks.ID(l.Source, l.Database, l.Schema, l.Table, f.RuleID)
}

func hasTask(ts []tasks.Task, id string) bool {
	for _, t := range ts {
		if t.ID == id {
			return true
		}
	}
	return false
}

func maskCards(t *testing.T, dir string) {
	t.Helper()
	db, err := sql.Open("sqlite", filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	defer db.Close()
	_, err = db.Exec(`UPDATE payments SET card_number = substr(replace(replace(card_number, ' ', ''), '-', ''), 1, 6) || '******' || substr(replace(replace(card_number, ' ', ''), '-', ''), -4) WHERE card_number NOT LIKE '%*%' AND card_number NOT LIKE 'tok_%'`)
	require.NoError(t, err)
}

// A suppressed finding stays in the report, marked, and raises no task; when the
// suppression expires it comes back and its task is opened. A task whose findings all
// become suppressed is closed, saying why.
func TestSuppressionFileAndExpiry(t *testing.T) {
	dir := t.TempDir()
	cfg := demoConfig(t, dir)
	t0 := time.Now().UTC()
	expires := t0.AddDate(0, 0, 1).Format("2006-01-02")
	ignore := fmt.Sprintf(`suppressions:
  - rule: SEC-01
    table: payments
    kind: accepted-risk
    justification: "Tokenisation project PAY-42 replaces the column"
    author: jana.richter@nordlicht.invalid
    expires: %s
`, expires)
	require.NoError(t, os.WriteFile(filepath.Join(cfg.Dir, config.DefaultSuppressionsFile), []byte(ignore), 0o600))

	first := run(t, cfg, dir, pipeline.Options{Now: func() time.Time { return t0 }})
	f, ok := findingOf(first.Report.Findings, "SEC-01", "payments")
	require.True(t, ok, "a suppressed finding stays in the report")
	assert.Equal(t, scanner.StatusSuppressed, f.Status)
	assert.Contains(t, f.Evidence[suppress.EvidenceKey], "accepted-risk by jana.richter@nordlicht.invalid until "+expires)
	assert.False(t, hasTask(first.TasksCreated, taskIDOf(f)), "a suppressed finding raises no task")
	assert.Contains(t, first.Diff.Suppressed, f.Fingerprint)
	lines := strings.Join(readLines(t, first.TasksFile), "\n")
	assert.NotContains(t, lines, taskIDOf(f))

	// Two days on, the suppression has expired: the finding is back, its task opens.
	second := run(t, cfg, dir, pipeline.Options{Now: func() time.Time { return t0.AddDate(0, 0, 2) }})
	f2, _ := findingOf(second.Report.Findings, "SEC-01", "payments")
	assert.Equal(t, scanner.StatusOpen, f2.Status)
	require.Len(t, second.TasksCreated, 1)
	assert.Equal(t, taskIDOf(f), second.TasksCreated[0].ID)

	// Now the DPO accepts SEC-02 on payments: its task closes, as suppressed.
	sec2, ok := findingOf(second.Report.Findings, "SEC-02", "payments")
	require.True(t, ok)
	ignore += fmt.Sprintf(`  - fingerprint: %q
    kind: lawful-basis
    justification: "Retention required by the tax code"
    author: dpo@nordlicht.invalid
    expires: 2099-01-01
`, sec2.Fingerprint)
	require.NoError(t, os.WriteFile(filepath.Join(cfg.Dir, config.DefaultSuppressionsFile), []byte(ignore), 0o600))
	rcv := sinktest.NewWebhookReceiver(t, "whsec")
	cfg.Tasks.Sinks = []config.Sink{{Name: "hook", Kind: "webhook", URL: rcv.URL, Secret: "whsec", MinRisk: "low",
		Timeout: config.Duration(5 * time.Second), Attempts: 1, Backoff: config.Duration(time.Millisecond)}}
	third := run(t, cfg, dir, pipeline.Options{Now: func() time.Time { return t0.AddDate(0, 0, 3) }})
	assert.Equal(t, 1, third.TasksClosed)
	st, err := store.Open(context.Background(), third.StateFile)
	require.NoError(t, err)
	defer st.Close()
	status, _, err := st.TaskStatus(context.Background(), taskIDOf(sec2))
	require.NoError(t, err)
	assert.Equal(t, store.TaskResolved, status)
	// The webhook, added now, got the open tasks it never had, and no close for a task
	// it never had.
	for _, ev := range rcv.Events() {
		assert.Equal(t, "open", ev.Action)
		assert.NotEqual(t, taskIDOf(sec2), ev.Key)
	}
	assert.NotEmpty(t, rcv.Events())
}

// The DPO's "accepted" and "false positive" in the previous workbook suppress findings.
func TestDPOStatusesSuppress(t *testing.T) {
	dir := t.TempDir()
	cfg := demoConfig(t, dir)
	first := run(t, cfg, dir, pipeline.Options{})
	sec2, ok := findingOf(first.Report.Findings, "SEC-02", "payments")
	require.True(t, ok)
	var read []string
	fake := func(path string) (reports.Annotations, error) {
		read = append(read, filepath.Base(path))
		return reports.Annotations{Scope: cfg.Organisation.Scope, Findings: map[string]reports.FindingAnnotation{
			sec2.Fingerprint: {Fingerprint: sec2.Fingerprint, Status: reports.DPOStatusFalsePositive, Owner: "Dr. Jana Richter", Reason: "column holds test data"},
		}}, nil
	}
	second := run(t, cfg, dir, pipeline.Options{ReadAnnotations: fake})
	assert.Equal(t, []string{"crm-dpia.xlsx"}, read, "the previous workbook is read")
	f, _ := findingOf(second.Report.Findings, "SEC-02", "payments")
	assert.Equal(t, scanner.StatusSuppressed, f.Status)
	assert.Equal(t, "false-positive by Dr. Jana Richter: column holds test data", f.Evidence[suppress.EvidenceKey])
	assert.Equal(t, 1, second.TasksClosed, "its task closes")
}

// A sink that is down loses nothing: the run goes on, the tasks file is written, and
// the next run delivers; over several runs every task reaches the sink once, and the
// fixed violation's task is closed once.
func TestSinkOutageAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	cfg := demoConfig(t, dir)
	rcv := sinktest.NewWebhookReceiver(t, "whsec")
	cfg.Tasks.Sinks = []config.Sink{{Name: "hook", Kind: "webhook", URL: rcv.URL, Secret: "whsec", MinRisk: "low",
		Timeout: config.Duration(5 * time.Second), Attempts: 2, Backoff: config.Duration(time.Millisecond)}}
	m := metrics.New()

	rcv.SetDown(true)
	first := run(t, cfg, dir, pipeline.Options{Metrics: m})
	require.NotEmpty(t, first.TasksCreated)
	assert.Len(t, readLines(t, first.TasksFile), len(first.TasksCreated), "the tasks file does not wait for the webhook")
	assert.Empty(t, rcv.Events())

	rcv.SetDown(false)
	second := run(t, cfg, dir, pipeline.Options{Metrics: m})
	assert.Empty(t, second.TasksCreated)
	opens := map[string]int{}
	for _, ev := range rcv.Events() {
		require.Equal(t, "open", ev.Action)
		opens[ev.Key]++
	}
	assert.Len(t, opens, len(first.TasksCreated), "every task delivered")
	for k, n := range opens {
		assert.Equal(t, 1, n, "task %s delivered once", k)
	}

	maskCards(t, dir)
	third := run(t, cfg, dir, pipeline.Options{Metrics: m})
	require.Equal(t, 1, third.TasksClosed)
	// The workbook's tickets point at the tracker's issues, once a sink made them.
	sec2, _ := findingOf(third.Report.Findings, "SEC-02", "payments")
	assert.Equal(t, reports.Ticket{ID: "HOOK-" + taskIDOf(sec2), URL: "https://tracker.example/" + taskIDOf(sec2)}, third.Report.DPIA.Tickets[sec2.Fingerprint])
	run(t, cfg, dir, pipeline.Options{Metrics: m})
	var closes []string
	for _, ev := range rcv.Events() {
		if ev.Action == "close" {
			closes = append(closes, ev.Key)
		}
	}
	require.Len(t, closes, 1, "closed once")
	sec1, _ := findingOf(second.Report.Findings, "SEC-01", "payments")
	assert.Equal(t, taskIDOf(sec1), closes[0])
	assert.Zero(t, rcv.BadSignatures())

	mfs, err := m.Registry.Gather()
	require.NoError(t, err)
	seen := map[string]bool{}
	for _, mf := range mfs {
		seen[mf.GetName()] = true
		if mf.GetName() == "gdprscan_phase_duration_seconds" {
			phases := map[string]bool{}
			for _, mt := range mf.GetMetric() {
				phases[mt.GetLabel()[0].GetValue()] = true
			}
			assert.Equal(t, map[string]bool{"discover": true, "classify": true, "rules": true, "report": true, "sinks": true}, phases)
		}
	}
	for _, name := range []string{"gdprscan_tables_scanned_total", "gdprscan_findings", "gdprscan_tasks_opened_total", "gdprscan_tasks_closed_total",
		"gdprscan_sink_errors_total", "gdprscan_sink_deliveries_total", "gdprscan_outbox_pending"} {
		assert.True(t, seen[name], name)
	}
}

// The state in PostgreSQL: the same run, twice, creates no duplicate task.
func TestPostgresStateNoDuplicates(t *testing.T) {
	dir := t.TempDir()
	cfg := demoConfig(t, dir)
	cfg.State.DSN = config.Secret(testdb.Postgres(t))
	first := run(t, cfg, dir, pipeline.Options{})
	require.NotEmpty(t, first.TasksCreated)
	second := run(t, cfg, dir, pipeline.Options{})
	assert.Empty(t, second.TasksCreated)
	assert.Empty(t, second.Diff.New)
	_, err := os.Stat(filepath.Join(dir, "state.db"))
	assert.True(t, os.IsNotExist(err), "no SQLite file when the state is in PostgreSQL")
}
