package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/demo"
)

// serveConfig writes the demo config with its source at the demo CRM built in dir,
// limited to a few tables so that a scan stays short under the race detector.
func serveConfig(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(context.Background(), db, time.Now()))
	y := strings.Replace(string(demo.ConfigYAML), `dsn: "sqlite://crm.db"`, `dsn: "sqlite://`+db+`"`, 1)
	y = strings.Replace(y, `exclude_tables: ["sqlite_*"]`, `include_tables: [payments, users]`, 1)
	require.Contains(t, y, "include_tables: [payments, users]")
	p := filepath.Join(dir, "gdprscan.yaml")
	require.NoError(t, os.WriteFile(p, []byte(y), 0o600))
	return p
}

func TestServeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	unscheduled := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(unscheduled, []byte("sources:\n  - {name: a, kind: sqlite, dsn: \"sqlite://a.db\"}\n"), 0o600))
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve"}, "--config is required"},
		{[]string{"serve", "--config", unscheduled, "--listen", "127.0.0.1:0"}, "nothing is scheduled"},
		{[]string{"serve", "--config", "../../config/testdata/bad/sink-unknown-kind.yaml"}, `sink "chat": unknown kind "slack"`},
		{[]string{"serve", "--config", unscheduled, "--stop-timeout", "0s"}, "--stop-timeout and --retry-interval must be positive"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestServeListenTaken(t *testing.T) {
	dir := t.TempDir()
	cfg := serveConfig(t, dir)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	code, _, errOut := runCLI(t, "serve", "--config", cfg, "--listen", ln.Addr().String())
	assert.Equal(t, exitSource, code)
	assert.Contains(t, errOut, "listen")
}

// serve --run-now on the demo: it answers /readyz, scans at once, writes the tasks and
// the dated workbook, and stops cleanly on SIGINT (here: the context's end).
func TestServeCommand(t *testing.T) {
	dir := t.TempDir()
	cfg := serveConfig(t, dir)
	probe, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := probe.Addr().String()
	require.NoError(t, probe.Close())

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stdout, stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"serve", "--config", cfg, "--listen", addr, "--run-now", "--stop-timeout", "2m"}, &stdout, &stderr)
	}()
	tasksFile := filepath.Join(dir, "out", "tasks.jsonl")
	client := &http.Client{Timeout: 2 * time.Second}
	defer client.CloseIdleConnections()
	deadline := time.Now().Add(2 * time.Minute)
	for {
		ready := false
		if resp, err := client.Get("http://" + addr + "/readyz"); err == nil {
			ready = resp.StatusCode == http.StatusOK
			resp.Body.Close()
		}
		if _, err := os.Stat(tasksFile); err == nil && ready {
			break
		}
		select {
		case code := <-done:
			t.Fatalf("serve ended early with %d: %s", code, stderr.String())
		case <-time.After(50 * time.Millisecond):
		}
		require.True(t, time.Now().Before(deadline), "serve did not get ready and scan")
	}
	cancel()
	select {
	case code := <-done:
		assert.Equal(t, exitOK, code, stderr.String())
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not stop")
	}
	dated, err := filepath.Glob(filepath.Join(dir, "out", "crm-dpia-*.xlsx"))
	require.NoError(t, err)
	assert.Len(t, dated, 1, "scheduled runs write the dated workbook")
	assert.Contains(t, stderr.String(), "serving endpoints")
	assert.Contains(t, stderr.String(), "stopped")
}

func TestValidateChecksSuppressions(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(cfg, []byte("sources:\n  - {name: a, kind: sqlite, dsn: \"sqlite://"+filepath.Join(dir, "a.db")+"\"}\n"), 0o600))
	ignore := filepath.Join(dir, ".gdprscan-ignore.yaml")
	require.NoError(t, os.WriteFile(ignore, []byte("suppressions:\n  - {fingerprint: \"v1:ab\", kind: accepted-risk, author: a, expires: 2030-01-01}\n"), 0o600))
	code, _, errOut := runCLI(t, "validate", "--config", cfg)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, ".gdprscan-ignore.yaml:2: suppressions[0]: justification is required")
}
