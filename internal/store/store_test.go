package store

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func all(string, string, string) bool { return true }

func TestFindingLifecycle(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "state.db"))
	require.NoError(t, err)
	defer s.Close()
	t0 := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
	a := Finding{Fingerprint: "v1:a", RuleID: "CNS-01", Source: "crm", Table: "main.contacts", Location: "main.main.contacts", Title: "x", RiskLevel: "high", Records: 3, Subjects: 3}
	b := Finding{Fingerprint: "v1:b", RuleID: "RET-01", Source: "crm", Table: "main.leads", Location: "main.main.leads", Title: "y", RiskLevel: "medium", Records: 5, Subjects: 5}

	run := func(id string, at time.Time, fs []Finding, cov Coverage) Diff {
		require.NoError(t, s.StartRun(ctx, Run{ScanID: id, Scope: "crm", RulesetVersion: "1", ToolVersion: "dev", StartedAt: at}))
		d, err := s.FinishRun(ctx, id, at, fs, cov)
		require.NoError(t, err)
		return d
	}
	d := run("r1", t0, []Finding{a, b}, all)
	assert.ElementsMatch(t, []string{"v1:a", "v1:b"}, d.New)

	d = run("r2", t0.AddDate(0, 0, 7), []Finding{a, b}, all)
	assert.Empty(t, d.New, "a second identical run finds nothing new")
	assert.ElementsMatch(t, []string{"v1:a", "v1:b"}, d.Open)

	// b's table failed this time: b must not be resolved.
	failedLeads := func(_, table, _ string) bool { return table != "main.leads" }
	d = run("r3", t0.AddDate(0, 0, 14), []Finding{a}, failedLeads)
	assert.Empty(t, d.Resolved)

	d = run("r4", t0.AddDate(0, 0, 21), []Finding{a}, all)
	require.Len(t, d.Resolved, 1)
	assert.Equal(t, "v1:b", d.Resolved[0].Fingerprint)

	d = run("r5", t0.AddDate(0, 0, 28), []Finding{a, b}, all)
	assert.Equal(t, []string{"v1:b"}, d.New)
	assert.Equal(t, []string{"v1:b"}, d.Reopened)

	ids, err := s.LastRuns(ctx, 2)
	require.NoError(t, err)
	assert.Equal(t, []string{"r5", "r4"}, ids)
}

func TestTasksNoDuplicates(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "state.db"))
	require.NoError(t, err)
	defer s.Close()
	now := time.Now()
	want := []Task{{ID: "GDPR-1", RuleID: "CNS-01", Source: "crm", Table: "main.contacts", Location: "main.main.contacts", Title: "t", Fingerprints: []string{"v1:a"}}}
	created, closed, err := s.SyncTasks(ctx, now, want, all)
	require.NoError(t, err)
	assert.Len(t, created, 1)
	assert.Empty(t, closed)

	created, _, err = s.SyncTasks(ctx, now, want, all)
	require.NoError(t, err)
	assert.Empty(t, created, "the same findings create no second task")

	created, closed, err = s.SyncTasks(ctx, now, nil, all)
	require.NoError(t, err)
	assert.Empty(t, created)
	require.Len(t, closed, 1)
	assert.Equal(t, TaskResolved, closed[0].Status)

	created, _, err = s.SyncTasks(ctx, now, want, all)
	require.NoError(t, err)
	assert.Len(t, created, 1, "a resolved task comes back when the finding does")
}
