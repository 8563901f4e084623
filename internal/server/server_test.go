package server

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/internal/metrics"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	c := &http.Client{Timeout: 5 * time.Second}
	resp, err := c.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	c.CloseIdleConnections()
	return resp.StatusCode, string(b)
}

func TestEndpoints(t *testing.T) {
	defer goleak.VerifyNone(t)
	m := metrics.New()
	m.Scan("crm", true, time.Unix(1_800_000_000, 0))
	m.Tables("crm", 14, 1)
	m.Findings("crm", map[metrics.FindingKey]int{{RiskLevel: "high", Family: "security"}: 3}, 1)
	m.Tasks(2, 1)
	m.Delivery("gh", "open", nil)
	m.Delivery("gh", "open", errors.New("down"))
	m.Phase(metrics.PhaseClassify, 1500*time.Millisecond)

	s := New(m.Registry, nil)
	var started atomic.Bool
	s.AddCheck("scheduler", func(context.Context) error {
		if !started.Load() {
			return errors.New("scheduler not started")
		}
		return nil
	})
	s.AddCheck("state", func(context.Context) error { return nil })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan error, 1)
	go func() { done <- s.Serve(ln) }()
	base := "http://" + ln.Addr().String()

	code, body := get(t, base+"/healthz")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, "ok\n", body)

	code, body = get(t, base+"/readyz")
	assert.Equal(t, http.StatusServiceUnavailable, code)
	assert.Equal(t, "not ready: scheduler: scheduler not started\n", body)
	started.Store(true)
	code, _ = get(t, base+"/readyz")
	assert.Equal(t, http.StatusOK, code)

	code, body = get(t, base+"/metrics")
	assert.Equal(t, http.StatusOK, code)
	for _, want := range []string{
		`gdprscan_scans_total{source="crm"} 1`,
		`gdprscan_tables_scanned_total{source="crm"} 14`,
		`gdprscan_tables_failed_total{source="crm"} 1`,
		`gdprscan_findings{family="security",risk_level="high",source="crm"} 3`,
		`gdprscan_findings_suppressed{source="crm"} 1`,
		`gdprscan_tasks_opened_total 2`,
		`gdprscan_tasks_closed_total 1`,
		`gdprscan_sink_deliveries_total{action="open",sink="gh"} 1`,
		`gdprscan_sink_errors_total{sink="gh"} 1`,
		`gdprscan_phase_duration_seconds_count{phase="classify"} 1`,
		`gdprscan_last_success_timestamp_seconds{source="crm"} 1.8e+09`,
		`gdprscan_build_info{version=`,
		`go_goroutines`,
	} {
		assert.Contains(t, body, want)
	}
	assert.False(t, strings.Contains(body, "scans_failed_total{source=\"crm\"} 1"))

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	require.NoError(t, s.Shutdown(ctx))
	require.NoError(t, <-done)
}

// The findings gauges of a source are replaced by each scan, not added up.
func TestFindingsGaugeReplaced(t *testing.T) {
	m := metrics.New()
	m.Findings("crm", map[metrics.FindingKey]int{{RiskLevel: "high", Family: "security"}: 3, {RiskLevel: "low", Family: "discovery"}: 2}, 0)
	m.Findings("crm", map[metrics.FindingKey]int{{RiskLevel: "high", Family: "security"}: 1}, 0)
	mfs, err := m.Registry.Gather()
	require.NoError(t, err)
	for _, mf := range mfs {
		if mf.GetName() == "gdprscan_findings" {
			require.Len(t, mf.GetMetric(), 1)
			assert.Equal(t, 1.0, mf.GetMetric()[0].GetGauge().GetValue())
		}
	}
	var nilMetrics *metrics.Metrics
	nilMetrics.Scan("x", false, time.Now()) // nil-safe
}
