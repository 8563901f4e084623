package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/testdb"
)

func all(string, string, string) bool { return true }

// eachEngine runs a test on the embedded SQLite state and on a fresh PostgreSQL database.
func eachEngine(t *testing.T, f func(t *testing.T, s *Store)) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "state.db"))
		require.NoError(t, err)
		defer s.Close()
		f(t, s)
	})
	t.Run("postgres", func(t *testing.T) {
		s, err := OpenPostgres(context.Background(), testdb.Postgres(t))
		require.NoError(t, err)
		defer s.Close()
		f(t, s)
	})
}

func TestFindingLifecycle(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		t0 := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
		a := Finding{Fingerprint: "v1:a", RuleID: "CNS-01", Source: "crm", Table: "main.contacts", Location: "main.main.contacts", Title: "x", RiskLevel: "high", Records: 3, Subjects: 3}
		b := Finding{Fingerprint: "v1:b", RuleID: "RET-01", Source: "crm", Table: "main.leads", Location: "main.main.leads", Title: "y", RiskLevel: "medium", Records: 5, Subjects: 5}

		run := func(id string, at time.Time, fs []Finding, cov Coverage) Diff {
			require.NoError(t, s.StartRun(ctx, Run{ScanID: id, Scope: "crm", RulesetVersion: "1", ToolVersion: "dev", StartedAt: at}))
			d, err := s.FinishRun(ctx, id, at, fs, cov, SourceResult{Source: "crm", Kind: "sqlite", TablesScanned: 9, Findings: len(fs), Duration: 1500 * time.Millisecond})
			require.NoError(t, err)
			return d
		}
		status := func(fp string) FindingState {
			st, ok, err := s.FindingState(ctx, fp)
			require.NoError(t, err)
			require.True(t, ok)
			return st
		}
		d := run("r1", t0, []Finding{a, b}, all)
		assert.ElementsMatch(t, []string{"v1:a", "v1:b"}, d.New)
		assert.Equal(t, StatusNew, status("v1:a").Status)
		assert.Equal(t, t0, status("v1:a").FirstSeen)

		d = run("r2", t0.AddDate(0, 0, 7), []Finding{a, b}, all)
		assert.Empty(t, d.New, "a second identical run finds nothing new")
		assert.ElementsMatch(t, []string{"v1:a", "v1:b"}, d.Open)
		st := status("v1:a")
		assert.Equal(t, StatusOpen, st.Status)
		assert.Equal(t, t0, st.FirstSeen, "first seen stays")
		assert.Equal(t, t0.AddDate(0, 0, 7), st.LastSeen, "last seen moves")

		// b's table failed this time: b must not be resolved.
		failedLeads := func(_, table, _ string) bool { return table != "main.leads" }
		d = run("r3", t0.AddDate(0, 0, 14), []Finding{a}, failedLeads)
		assert.Empty(t, d.Resolved)
		assert.Equal(t, StatusOpen, status("v1:b").Status)

		d = run("r4", t0.AddDate(0, 0, 21), []Finding{a}, all)
		require.Len(t, d.Resolved, 1)
		assert.Equal(t, "v1:b", d.Resolved[0].Fingerprint)
		st = status("v1:b")
		assert.Equal(t, StatusResolved, st.Status)
		require.NotNil(t, st.ResolvedAt)
		assert.Equal(t, t0.AddDate(0, 0, 21), *st.ResolvedAt)

		d = run("r5", t0.AddDate(0, 0, 28), []Finding{a, b}, all)
		assert.Equal(t, []string{"v1:b"}, d.New)
		assert.Equal(t, []string{"v1:b"}, d.Reopened)
		st = status("v1:b")
		assert.Equal(t, StatusReopened, st.Status)
		assert.Nil(t, st.ResolvedAt)

		// Suppressed: kept, marked, and back to open when the suppression ends.
		sa := a
		sa.Suppressed, sa.Suppression = true, "accepted-risk by dpo until 2026-03-01"
		d = run("r6", t0.AddDate(0, 0, 35), []Finding{sa, b}, all)
		assert.Equal(t, []string{"v1:a"}, d.Suppressed)
		assert.Equal(t, StatusSuppressed, status("v1:a").Status)
		assert.Equal(t, "accepted-risk by dpo until 2026-03-01", status("v1:a").Suppression)
		run("r7", t0.AddDate(0, 0, 42), []Finding{a, b}, all)
		assert.Equal(t, StatusOpen, status("v1:a").Status)

		ids, err := s.LastRuns(ctx, 2)
		require.NoError(t, err)
		assert.Equal(t, []string{"r7", "r6"}, ids)
		res, err := s.SourceResults(ctx, "r1")
		require.NoError(t, err)
		assert.Equal(t, []SourceResult{{Source: "crm", Kind: "sqlite", TablesScanned: 9, Findings: 2, Duration: 1500 * time.Millisecond}}, res)
	})
}

func TestTasksNoDuplicates(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
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
		require.Len(t, created, 1, "a resolved task comes back when the finding does")
		assert.True(t, created[0].Reopened)
	})
}

// Sync puts each task change in the outbox of each subscribed sink, once, and the
// outbox hands items out once even to two delivery loops.
func TestOutbox(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		t0 := time.Date(2026, 2, 2, 6, 0, 0, 0, time.UTC)
		subs := []Subscription{
			{Sink: "gh", Actions: []string{ActionOpen, ActionReopen, ActionClose}},
			{Sink: "mail", Actions: []string{ActionSummary}},
		}
		task := Task{ID: "GDPR-1", RuleID: "SEC-01", Source: "crm", Table: "main.payments", Location: "main.main.payments", Title: "t", Payload: []byte(`{"id":"GDPR-1"}`)}
		sync := func(scan string, at time.Time, want ...Task) {
			_, _, err := s.Sync(ctx, Sync{ScanID: scan, At: at, Want: want, Covered: all, Sinks: subs, Notes: map[string]string{"GDPR-1": "fixed"}})
			require.NoError(t, err)
		}
		sync("s1", t0, task)
		sync("s1", t0, task) // a retried run announces nothing twice
		p, err := s.Pending(ctx, "gh", t0)
		require.NoError(t, err)
		require.Len(t, p, 1)
		assert.Equal(t, ActionOpen, p[0].Action)
		assert.JSONEq(t, `{"id":"GDPR-1"}`, string(p[0].Payload))
		none, err := s.Pending(ctx, "mail", t0)
		require.NoError(t, err)
		assert.Empty(t, none, "the mail sink takes summaries only")

		ok, err := s.Claim(ctx, p[0].ID, t0, time.Minute)
		require.NoError(t, err)
		assert.True(t, ok)
		ok, err = s.Claim(ctx, p[0].ID, t0.Add(time.Second), time.Minute)
		require.NoError(t, err)
		assert.False(t, ok, "a claimed item is not handed out twice")

		// A failure: tried again from next on, not before.
		require.NoError(t, s.Failed(ctx, p[0].ID, "503", t0.Add(time.Hour), false, t0))
		p, err = s.Pending(ctx, "gh", t0.Add(time.Minute))
		require.NoError(t, err)
		assert.Empty(t, p)
		p, err = s.Pending(ctx, "gh", t0.Add(time.Hour))
		require.NoError(t, err)
		require.Len(t, p, 1)
		assert.Equal(t, 1, p[0].Attempts)
		assert.Equal(t, "503", p[0].LastError)

		ok, err = s.Claim(ctx, p[0].ID, t0.Add(time.Hour), time.Minute)
		require.NoError(t, err)
		require.True(t, ok)
		require.NoError(t, s.Delivered(ctx, p[0], Ref{ExternalID: "acme/crm#7", URL: "https://x/7"}, t0.Add(time.Hour)))
		ref, ok, err := s.TaskRef(ctx, "GDPR-1", "gh")
		require.NoError(t, err)
		require.True(t, ok)
		assert.Equal(t, Ref{ExternalID: "acme/crm#7", URL: "https://x/7", State: RefOpen}, ref)
		ok, err = s.Claim(ctx, p[0].ID, t0.Add(2*time.Hour), time.Minute)
		require.NoError(t, err)
		assert.False(t, ok, "a delivered item is never handed out again")

		// The task goes: a close with the note and the stored payload.
		sync("s2", t0.Add(24*time.Hour))
		p, err = s.Pending(ctx, "gh", t0.Add(24*time.Hour))
		require.NoError(t, err)
		require.Len(t, p, 1)
		assert.Equal(t, ActionClose, p[0].Action)
		assert.Equal(t, "fixed", p[0].Note)
		assert.JSONEq(t, `{"id":"GDPR-1"}`, string(p[0].Payload))
		require.NoError(t, s.Failed(ctx, p[0].ID, "422 gone", t0, true, t0))
		counts, err := s.Outbox(ctx)
		require.NoError(t, err)
		assert.Equal(t, OutboxCounts{Delivered: 1, Dead: 1}, counts["gh"])

		// It comes back: a reopen.
		sync("s3", t0.Add(48*time.Hour), task)
		p, err = s.Pending(ctx, "gh", t0.Add(48*time.Hour))
		require.NoError(t, err)
		require.Len(t, p, 1)
		assert.Equal(t, ActionReopen, p[0].Action)

		// A sink added later gets the open tasks it never had, once.
		n, err := s.Backfill(ctx, "jira", "s3", t0.Add(48*time.Hour))
		require.NoError(t, err)
		assert.Equal(t, 1, n)
		n, err = s.Backfill(ctx, "jira", "s3", t0.Add(48*time.Hour))
		require.NoError(t, err)
		assert.Equal(t, 0, n)
	})
}

func TestMigrations(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		v, err := s.Migrations(ctx)
		require.NoError(t, err)
		want := make([]int, len(migrations))
		for i, m := range migrations {
			want[i] = m.version
			if i > 0 {
				assert.Equal(t, migrations[i-1].version+1, m.version, "versions are consecutive")
			}
		}
		assert.Equal(t, want, v)
		// Running them again changes nothing.
		require.NoError(t, s.migrate(ctx))
		v2, err := s.Migrations(ctx)
		require.NoError(t, err)
		assert.Equal(t, v, v2)
		require.NoError(t, s.Ping(ctx))
	})
}

// A state file written before versioned migrations is adopted, its data kept.
func TestMigrateAdoptsUnversionedState(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	db, err := sql.Open("sqlite", "file:"+path)
	require.NoError(t, err)
	for _, stmt := range migrations[0].stmts {
		_, err := db.Exec(stmt)
		require.NoError(t, err)
	}
	_, err = db.Exec(`INSERT INTO findings (fingerprint, rule_id, source, location, tbl, title, risk_level, records, subjects, first_seen, last_seen, resolved_at, last_scan_id)
		VALUES ('v1:old', 'SEC-01', 'crm', 'l', 'main.payments', 't', 'high', 1, 1, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z', '2025-02-01T00:00:00Z', 'old')`)
	require.NoError(t, err)
	require.NoError(t, db.Close())

	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	st, ok, err := s.FindingState(ctx, "v1:old")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, StatusResolved, st.Status, "a resolved finding gets the resolved status")
	v, err := s.Migrations(ctx)
	require.NoError(t, err)
	assert.Len(t, v, len(migrations))
}

func TestSchemaTooNew(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "state.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)
	_, err = s.db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', '2030-01-01T00:00:00Z')`, SchemaVersion()+1)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	_, err = Open(ctx, path)
	require.ErrorIs(t, err, ErrSchemaTooNew)
}

func TestRebind(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"none", "SELECT 1", "SELECT 1"},
		{"two", "SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = $1 AND c = $2"},
		{"quoted", "SELECT '?' , \"a?\" FROM t WHERE b = ?", "SELECT '?' , \"a?\" FROM t WHERE b = $1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, rebind(tt.in)) })
	}
}

func TestOpenPostgresBadDSNIsNotEchoed(t *testing.T) {
	_, err := OpenPostgres(context.Background(), "postgres://u:hunter2@127.0.0.1:1/x?connect_timeout=1")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "hunter2")
}

// Queries of other files of the package (history.go) are written with "?" too and run
// on both engines.
func TestHistoryOnBothEngines(t *testing.T) {
	eachEngine(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		t0 := time.Date(2026, 1, 5, 6, 0, 0, 0, time.UTC)
		require.NoError(t, s.StartRun(ctx, Run{ScanID: "r1", Scope: "crm", RulesetVersion: "1", ToolVersion: "dev", StartedAt: t0}))
		_, err := s.FinishRun(ctx, "r1", t0, []Finding{{Fingerprint: "v1:a", RuleID: "SEC-01", Source: "crm", Table: "main.payments", RiskLevel: "high"}}, all)
		require.NoError(t, err)
		require.NoError(t, s.RecordRunStats(ctx, "r1", map[string]int{"high": 1}))
		h, err := s.History(ctx, "crm", 5)
		require.NoError(t, err)
		require.Len(t, h, 1)
		assert.Equal(t, map[string]int{"high": 1}, h[0].ByRisk)
		assert.True(t, h[0].FinishedAt.Equal(t0))
		seen, err := s.Sightings(ctx, []string{"v1:a"})
		require.NoError(t, err)
		assert.True(t, seen["v1:a"].FirstSeen.Equal(t0))
	})
}
