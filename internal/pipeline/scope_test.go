package pipeline_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/sink/sinktest"
	"github.com/gdprscan/gdprscan/reports"
)

// sourcesOf lists the sources that a JSON report's findings come from.
func sourcesOf(t *testing.T, path string) map[string]int {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var rep reports.Report
	require.NoError(t, json.Unmarshal(b, &rep))
	out := map[string]int{}
	for _, f := range rep.Findings {
		out[f.Location.Source]++
	}
	return out
}

// A run over one of two sources reports under "<scope>-<source>" and leaves the scope's
// own reports, which cover both sources, as they were; only the scope's run mails the
// summary when the scope has a schedule.
func TestPartialRunKeepsScopeReport(t *testing.T) {
	dir := t.TempDir()
	cfg := demoConfig(t, dir)
	second := cfg.Sources[0]
	second.Name = "crm-eu"
	b, err := os.ReadFile(filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "crm-eu.db"), b, 0o600))
	second.DSN = config.Secret("sqlite://" + filepath.Join(dir, "crm-eu.db"))
	cfg.Sources = append(cfg.Sources, second)
	cfg.Report.Formats = []string{"json"}
	cfg.Report.Schedule = &config.Schedule{Cron: "0 6 * * MON", Timezone: "UTC"}
	smtp := sinktest.NewSMTPServer(t)
	cfg.Tasks.Sinks = []config.Sink{{Name: "compliance", Kind: "email", SMTP: smtp.Addr(), TLS: "none", From: "gdprscan@acme.invalid",
		To: []string{"compliance@acme.invalid"}, Timeout: config.Duration(10 * time.Second), Attempts: 1, Backoff: config.Duration(time.Millisecond)}}

	assert.Equal(t, "crm", pipeline.RunScope(cfg, nil))
	assert.Equal(t, "crm", pipeline.RunScope(cfg, []string{"crm-eu", "crm"}))
	assert.Equal(t, "crm-crm-eu", pipeline.RunScope(cfg, []string{"crm-eu"}))

	whole := run(t, cfg, dir, pipeline.Options{})
	scopeReport := filepath.Join(dir, "crm-report.json")
	assert.Equal(t, []string{scopeReport}, whole.Files)
	both := sourcesOf(t, scopeReport)
	require.Len(t, both, 2, "the scope's report covers both sources")
	require.Len(t, smtp.Messages(), 1, "the scope's run mails its summary")
	before, err := os.ReadFile(scopeReport)
	require.NoError(t, err)

	part := run(t, cfg, dir, pipeline.Options{Sources: []string{"crm-eu"}})
	partReport := filepath.Join(dir, "crm-crm-eu-report.json")
	assert.Equal(t, []string{partReport}, part.Files)
	assert.Equal(t, "crm-crm-eu", part.Report.Organisation.Scope)
	assert.Equal(t, map[string]int{"crm-eu": both["crm-eu"]}, sourcesOf(t, partReport))
	after, err := os.ReadFile(scopeReport)
	require.NoError(t, err)
	assert.Equal(t, before, after, "the scope's report is not overwritten by a run over one source")
	assert.Empty(t, part.Diff.Resolved, "the other source's findings are not resolved by a run that did not scan it")
	assert.Len(t, smtp.Messages(), 1, "a run over one source mails no summary while the scope has its own schedule")
}
