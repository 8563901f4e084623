package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHistoryAndSightings(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	t0 := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
	a := Finding{Fingerprint: "v1:a", RuleID: "CNS-01", Source: "crm", Table: "main.contacts", Location: "main.main.contacts", Title: "x", RiskLevel: "high", Records: 3, Subjects: 3}
	b := Finding{Fingerprint: "v1:b", RuleID: "RET-01", Source: "crm", Table: "main.leads", Location: "main.main.leads", Title: "y", RiskLevel: "medium", Records: 5, Subjects: 5}
	none := func(string, string, string) bool { return false }
	run := func(id, scope string, at time.Time, fs []Finding, byRisk map[string]int) {
		require.NoError(t, s.StartRun(ctx, Run{ScanID: id, Scope: scope, RulesetVersion: "1", ToolVersion: "dev", StartedAt: at}))
		cov := all
		if scope != "crm" {
			cov = none // another scope's run covers none of crm's tables
		}
		_, err := s.FinishRun(ctx, id, at, fs, cov)
		require.NoError(t, err)
		require.NoError(t, s.RecordRunStats(ctx, id, byRisk))
	}
	run("r1", "crm", t0, []Finding{a, b}, map[string]int{"high": 1, "medium": 1})
	run("other", "shop", t0.AddDate(0, 0, 1), nil, nil)
	run("r2", "crm", t0.AddDate(0, 0, 7), []Finding{a}, map[string]int{"high": 1})
	// Recording again replaces the counts.
	require.NoError(t, s.RecordRunStats(ctx, "r2", map[string]int{"high": 1, "low": 0}))

	h, err := s.History(ctx, "crm", 10)
	require.NoError(t, err)
	require.Len(t, h, 2, "only the scope's runs")
	assert.Equal(t, "r1", h[0].ScanID, "oldest first")
	assert.Equal(t, map[string]int{"high": 1, "medium": 1}, h[0].ByRisk)
	assert.Equal(t, map[string]int{"high": 1, "low": 0}, h[1].ByRisk)
	assert.Equal(t, 2, h[0].Findings)
	assert.Equal(t, 1, h[1].Resolved)
	assert.True(t, h[1].FinishedAt.Equal(t0.AddDate(0, 0, 7)))

	h, err = s.History(ctx, "crm", 1)
	require.NoError(t, err)
	require.Len(t, h, 1)
	assert.Equal(t, "r2", h[0].ScanID, "the newest n")

	seen, err := s.Sightings(ctx, []string{"v1:a", "v1:b", "v1:unknown"})
	require.NoError(t, err)
	require.Len(t, seen, 2)
	assert.True(t, seen["v1:a"].FirstSeen.Equal(t0))
	assert.True(t, seen["v1:a"].LastSeen.Equal(t0.AddDate(0, 0, 7)))
	assert.True(t, seen["v1:b"].LastSeen.Equal(t0))

	// A state file from before this feature gets the table on first use.
	require.NoError(t, s.Close())
	s2, err := Open(ctx, path)
	require.NoError(t, err)
	defer s2.Close()
	_, err = s2.db.ExecContext(ctx, `DROP TABLE run_risk_counts`)
	require.NoError(t, err)
	h, err = s2.History(ctx, "crm", 10)
	require.NoError(t, err)
	require.Len(t, h, 2)
	assert.Empty(t, h[0].ByRisk)
}
