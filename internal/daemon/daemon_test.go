package daemon_test

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/mail"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"
	_ "modernc.org/sqlite"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/daemon"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/schedule"
	"github.com/gdprscan/gdprscan/internal/sink/sinktest"
)

const wait = 60 * time.Second // a demo scan under -race takes a few seconds

// started is a daemon running in the background.
type started struct {
	addr  string
	ended chan error // one per finished scan
	done  chan error // the daemon's return
	stop  context.CancelFunc
}

func start(t *testing.T, cfg *config.Config, fc clockwork.Clock, o daemon.Options) *started {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &started{ended: make(chan error, 16), done: make(chan error, 1)}
	ready := make(chan string, 1)
	ctx, cancel := context.WithCancel(context.Background())
	s.stop = cancel
	o.Config, o.Listener, o.Clock = cfg, ln, fc
	o.Ready = func(addr string) { ready <- addr }
	o.Schedule = append(o.Schedule, schedule.WithoutGocronSingleton(), schedule.WithAfterRun(func(_ string, err error) { s.ended <- err }))
	go func() { s.done <- daemon.Run(ctx, o) }()
	select {
	case s.addr = <-ready:
	case err := <-s.done:
		t.Fatalf("the daemon did not start: %v", err)
	case <-time.After(wait):
		t.Fatal("the daemon did not start")
	}
	return s
}

func (s *started) scanEnded(t *testing.T) error {
	t.Helper()
	select {
	case err := <-s.ended:
		return err
	case <-time.After(wait):
		t.Fatal("no scan ended")
	}
	return nil
}

func (s *started) shutdown(t *testing.T) {
	t.Helper()
	s.stop()
	select {
	case err := <-s.done:
		require.NoError(t, err)
	case <-time.After(wait):
		t.Fatal("the daemon did not stop")
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second}
	defer c.CloseIdleConnections()
	resp, err := c.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

// advanceToNextSlot waits until the job's timer and the retry loop's ticker are armed,
// then moves the fake clock on by d.
func advanceToNextSlot(t *testing.T, fc *clockwork.FakeClock, d time.Duration) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), wait)
	defer cancel()
	require.NoError(t, fc.BlockUntilContext(ctx, 2))
	fc.Advance(d)
}

type line struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	RuleID string `json:"rule_id"`
	Table  string `json:"table"`
}

func readTaskLines(t *testing.T, path string) []line {
	t.Helper()
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	var out []line
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var l line
		require.NoError(t, json.Unmarshal(sc.Bytes(), &l))
		out = append(out, l)
	}
	return out
}

func metric(body, name string) string {
	m := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(name) + ` (\S+)$`).FindStringSubmatch(body)
	if m == nil {
		return ""
	}
	return m[1]
}

func demoConfig(t *testing.T) (*config.Config, string) {
	t.Helper()
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(context.Background(), db, time.Now()))
	cfg, err := demo.Config(db)
	require.NoError(t, err)
	if raceEnabled {
		cfg.Sources[0].IncludeTables = raceTables
	}
	return cfg, dir
}

// raceTables hold the demo's security, retention and erasure violations.
var raceTables = []string{"payments", "users", "erasure_requests", "leads"}

// Done when: serve on the demo config runs scans on schedule, serves the endpoints, and
// over several runs creates each task once — in the tasks file, at the webhook — and
// closes it once the seeded violation is fixed; the compliance team gets the summary
// with the workbook.
func TestServeDemoOnSchedule(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) })
	cfg, dir := demoConfig(t)
	hook := sinktest.NewWebhookReceiver(t, "whsec-demo")
	smtp := sinktest.NewSMTPServer(t)
	cfg.Tasks.Sinks = []config.Sink{
		{Name: "hook", Kind: "webhook", URL: hook.URL, Secret: "whsec-demo", MinRisk: "low",
			Timeout: config.Duration(10 * time.Second), Attempts: 2, Backoff: config.Duration(time.Millisecond)},
		{Name: "compliance", Kind: "email", SMTP: smtp.Addr(), TLS: "none", From: "gdprscan@nordlicht.invalid",
			To: []string{"compliance@nordlicht.invalid"}, Timeout: config.Duration(10 * time.Second), Attempts: 2, Backoff: config.Duration(time.Millisecond)},
	}
	// Monday 2026-11-30, 05:58 in Berlin; the demo schedule is Mondays 06:00 Berlin.
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 30, 4, 58, 0, 0, time.UTC))
	d := start(t, cfg, fc, daemon.Options{RunNow: true})
	base := "http://" + d.addr

	// Run 1: --run-now.
	require.NoError(t, d.scanEnded(t))
	code, body := get(t, base+"/healthz")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok\n", body)
	code, body = get(t, base+"/readyz")
	assert.Equal(t, http.StatusOK, code, body)
	tasksFile := filepath.Join(dir, "out", "tasks.jsonl")
	first := readTaskLines(t, tasksFile)
	require.NotEmpty(t, first)
	var sec01 string
	for _, l := range first {
		assert.Equal(t, "open", l.Status)
		if l.RuleID == "SEC-01" && l.Table == "payments" {
			sec01 = l.ID
		}
	}
	require.NotEmpty(t, sec01, "the demo's plaintext card numbers raise a task")

	// Run 2: at the Monday slot. Nothing new.
	advanceToNextSlot(t, fc, 2*time.Minute)
	require.NoError(t, d.scanEnded(t))
	assert.Len(t, readTaskLines(t, tasksFile), len(first), "a second run creates no task")

	// The seeded violation is fixed between runs: run 3, a week later, closes its task.
	db, err := sql.Open("sqlite", filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	_, err = db.Exec(`UPDATE payments SET card_number = substr(replace(replace(card_number, ' ', ''), '-', ''), 1, 6) || '******' || substr(replace(replace(card_number, ' ', ''), '-', ''), -4) WHERE card_number NOT LIKE '%*%' AND card_number NOT LIKE 'tok_%'`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	advanceToNextSlot(t, fc, 7*24*time.Hour)
	require.NoError(t, d.scanEnded(t))
	// Run 4: nothing more.
	advanceToNextSlot(t, fc, 7*24*time.Hour)
	require.NoError(t, d.scanEnded(t))

	lines := readTaskLines(t, tasksFile)
	opened, closed := map[string]int{}, map[string]int{}
	for _, l := range lines {
		if l.Status == "open" {
			opened[l.ID]++
		} else {
			closed[l.ID]++
		}
	}
	assert.Len(t, opened, len(first))
	for id, n := range opened {
		assert.Equal(t, 1, n, "task %s opened once", id)
	}
	assert.Equal(t, map[string]int{sec01: 1}, closed, "the fixed violation's task is closed, once")

	hookOpen, hookClose := map[string]int{}, map[string]int{}
	for _, ev := range hook.Events() {
		switch ev.Action {
		case "open":
			hookOpen[ev.Key]++
		case "close":
			hookClose[ev.Key]++
		default:
			t.Errorf("unexpected webhook action %q", ev.Action)
		}
	}
	assert.Equal(t, opened, hookOpen, "the webhook got each task once")
	assert.Equal(t, map[string]int{sec01: 1}, hookClose)
	assert.Zero(t, hook.BadSignatures())

	msgs := smtp.Messages()
	require.Len(t, msgs, 4, "one summary per run")
	m, err := mail.ReadMessage(strings.NewReader(msgs[0].Data))
	require.NoError(t, err)
	assert.Contains(t, m.Header.Get("Content-Type"), "multipart/mixed")
	raw, _ := io.ReadAll(m.Body)
	assert.Regexp(t, `filename="?crm-dpia-\d{4}-\d{2}-\d{2}\.xlsx`, string(raw), "the dated workbook is attached")

	_, body = get(t, base+"/metrics")
	assert.Equal(t, "4", metric(body, `gdprscan_scans_total{source="crm"}`))
	assert.Equal(t, "", metric(body, `gdprscan_scans_failed_total{source="crm"}`))
	assert.Equal(t, "1", metric(body, `gdprscan_tasks_closed_total`))
	assert.Equal(t, metricInt(len(first)), metric(body, `gdprscan_tasks_opened_total`))
	assert.Equal(t, "1", metric(body, `gdprscan_sink_deliveries_total{action="close",sink="hook"}`))
	assert.Equal(t, "4", metric(body, `gdprscan_sink_deliveries_total{action="summary",sink="compliance"}`))
	assert.Equal(t, "0", metric(body, `gdprscan_outbox_pending{sink="hook"}`))
	assert.Contains(t, body, `gdprscan_findings{family="security",risk_level=`)
	assert.Contains(t, body, `gdprscan_phase_duration_seconds_count{phase="classify"} 4`)

	d.shutdown(t)
	_, err = os.Stat(filepath.Join(dir, "out", "crm-dpia.xlsx"))
	assert.NoError(t, err)
}

func metricInt(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// A sink that is down while serve runs: the retry loop delivers once it is back,
// without waiting for the next scan.
func TestServeRetryLoopDeliversAfterOutage(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) })
	cfg, _ := demoConfig(t)
	hook := sinktest.NewWebhookReceiver(t, "whsec")
	cfg.Tasks.Sinks = []config.Sink{{Name: "hook", Kind: "webhook", URL: hook.URL, Secret: "whsec", MinRisk: "low",
		Timeout: config.Duration(10 * time.Second), Attempts: 1, Backoff: config.Duration(time.Millisecond)}}
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)) // Sunday
	hook.SetDown(true)
	d := start(t, cfg, fc, daemon.Options{RunNow: true, RetryInterval: time.Minute})
	require.NoError(t, d.scanEnded(t))
	assert.Empty(t, hook.Events())
	hook.SetDown(false)
	// The failed item waits 30 s (on the daemon's clock) before its next try; the loop
	// ticks every minute.
	advanceToNextSlot(t, fc, time.Minute)
	select {
	case ev := <-hook.Received():
		assert.Equal(t, "open", ev.Action)
	case <-time.After(wait):
		t.Fatal("the retry loop did not deliver after the outage")
	}
	require.NotEmpty(t, hook.Events(), "the retry loop delivered after the outage")
	_, body := get(t, "http://"+d.addr+"/metrics")
	assert.Equal(t, "1", metric(body, `gdprscan_sink_errors_total{sink="hook"}`))
	d.shutdown(t)
}

// SIGINT in the middle of a scan: the scan is cancelled after the stop timeout, serve
// returns cleanly, and a later serve over the same state creates each task once.
func TestServeShutdownMidScan(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) })
	cfg, dir := demoConfig(t)
	fc := clockwork.NewFakeClockAt(time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC))
	d := start(t, cfg, fc, daemon.Options{RunNow: true, StopTimeout: time.Millisecond})
	d.shutdown(t) // the run-now scan has just started
	select {
	case err := <-d.ended:
		if err != nil {
			assert.ErrorIs(t, err, context.Canceled)
		}
	default: // the scan had not begun: nothing ran
	}

	d = start(t, cfg, fc, daemon.Options{RunNow: true})
	require.NoError(t, d.scanEnded(t))
	require.NoError(t, func() error { d.stop(); return <-d.done }())
	seen := map[string]int{}
	for _, l := range readTaskLines(t, filepath.Join(dir, "out", "tasks.jsonl")) {
		seen[l.ID+"/"+l.Status]++
	}
	require.NotEmpty(t, seen)
	for k, n := range seen {
		assert.Equal(t, 1, n, "%s written once", k)
	}
}
