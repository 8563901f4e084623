package pipeline_test

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"
	_ "modernc.org/sqlite"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

// demoRun builds the demo CRM in SQLite and scans it with the demo config.
func demoRun(t *testing.T, dir string, logs *bytes.Buffer) (*pipeline.Outcome, *config.Config) {
	t.Helper()
	ctx := context.Background()
	db := filepath.Join(dir, "crm.db")
	if _, err := os.Stat(db); err != nil {
		require.NoError(t, demo.BuildSQLite(ctx, db, time.Now()))
	}
	cfg, err := demo.Config(db)
	require.NoError(t, err)
	var log *slog.Logger
	if logs != nil {
		log = slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, OutDir: dir, Logger: log})
	require.NoError(t, err)
	return out, cfg
}

// count returns the records of the finding of rule at table (and scope), 0 when absent.
func count(r []scanner.Finding, rule, table, scope string) (records, subjects int64) {
	for _, f := range r {
		if f.RuleID == rule && f.Location.Table == table && f.Evidence["scope"] == scope {
			return f.RecordsAffected, f.SubjectsAffected
		}
	}
	return 0, 0
}

func TestDemoEndToEnd(t *testing.T) {
	dir := t.TempDir()
	out, _ := demoRun(t, dir, nil)
	r := out.Report
	require.Len(t, r.Sources, 1)
	assert.Empty(t, r.Sources[0].TablesFailed)
	assert.Equal(t, 0, out.SourcesFailed)

	exp := demo.Expected
	tests := []struct {
		rule, table, scope string
		want               int
	}{
		{"CNS-01", "contacts", "", exp.CNS01},
		{"LAW-01", "contacts", "", exp.LAW01},
		{"RET-01", "leads", "leads-3y", exp.RET01},
		{"SPC-01", "contacts", "", exp.SPC01},
		{"ERA-01", "erasure_requests", "", exp.ERA01},
		{"SEC-01", "payments", "", exp.SEC01},
		{"SEC-02", "payments", "", exp.SEC02},
		{"SEC-03", "users", "plaintext", exp.SEC03Plaintext},
		{"SEC-03", "users", "weak-hash", exp.SEC03Weak},
		{"DSC-04", "contacts_bak_2023", "", exp.DSC04Rows},
		{"DSC-02", "contacts_bak_2023", "", exp.DSC04Rows},
		{"CNS-02", "consent_records", "", exp.CNS02},
		{"CNS-03", "consent_records", "consent-withdrawn", exp.CNS03},
		{"CNS-04", "consent_records", "", exp.CNS04},
		{"CNS-05", "consent_records", "catch-all", exp.CNS05},
		{"CNS-06", "consent_records", "", exp.CNS06BulkRows},
		{"CNS-07", "contacts", "", exp.CNS07},
		{"LAW-02", "activities", "activity:PA-07", exp.Rows["activities"]},
		{"LAW-03", "contacts", "", exp.LAW03},
		{"RET-02", "contacts", "customers-3y", exp.RET02},
		{"RET-03", "users", "no-rule", exp.Rows["users"]},
		{"RET-03", "contacts_bak_2023", "no-rule", exp.Rows["contacts_bak_2023"]},
		{"RET-04", "contacts", "", exp.RET04},
		{"ERA-02", "erasure_requests", "", exp.ERA02},
		{"ERA-04", "activities", "", exp.ERA04},
		{"MIN-04", "contacts", "", exp.MIN04},
		{"MIN-04", "leads", "", exp.MIN04},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.table+"/"+tt.scope, func(t *testing.T) {
			got, _ := count(r.Findings, tt.rule, tt.table, tt.scope)
			assert.EqualValues(t, tt.want, got)
		})
	}
	families := map[rules.Family]bool{}
	for _, f := range r.Findings {
		families[f.Family] = true
		assert.Regexp(t, `^v1:[0-9a-f]{64}$`, f.Fingerprint)
		assert.Equal(t, scanner.StatusNew, f.Status)
		assert.Equal(t, rules.Risk(f.Severity, f.Likelihood), f.RiskLevel)
	}
	for _, fam := range rules.Families {
		assert.True(t, families[fam], "a finding of family %s", fam)
	}
	// The config's override raised ERA-01's likelihood.
	for _, f := range r.Findings {
		if f.RuleID == "ERA-01" {
			assert.EqualValues(t, 4, f.Likelihood)
		}
	}

	// Files exist and read back.
	require.Len(t, out.Files, 2)
	for _, p := range out.Files {
		switch filepath.Ext(p) {
		case ".json":
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			var doc map[string]any
			require.NoError(t, json.Unmarshal(b, &doc))
			assert.EqualValues(t, 1, doc["schema_version"])
			assert.Len(t, doc["findings"], len(r.Findings))
		case ".xlsx":
			f, err := excelize.OpenFile(p)
			require.NoError(t, err)
			sheets := f.GetSheetList()
			for _, s := range []string{"Summary", "Data inventory", "Findings", "Risk matrix", "Measures"} {
				assert.Contains(t, sheets, s)
			}
			rows, err := f.GetRows("Findings")
			require.NoError(t, err)
			assert.GreaterOrEqual(t, len(rows), len(r.Findings))
			require.NoError(t, f.Close())
		}
	}
}

// Every finding's reproduce_sql, run as is on the target, returns exactly the counted rows.
func TestReproduceSQLReturnsCountedRows(t *testing.T) {
	dir := t.TempDir()
	out, _ := demoRun(t, dir, nil)
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "crm.db")+"?mode=ro")
	require.NoError(t, err)
	defer db.Close()
	for _, f := range out.Report.Findings {
		t.Run(f.RuleID+"/"+f.Location.Table+"/"+f.Location.Column, func(t *testing.T) {
			rows, err := db.Query(strings.TrimSuffix(f.ReproduceSQL, ";"))
			require.NoError(t, err)
			n := 0
			for rows.Next() {
				n++
			}
			require.NoError(t, rows.Err())
			rows.Close()
			assert.EqualValues(t, f.RecordsAffected, n)
		})
	}
}

func TestSecondRunCreatesNoDuplicateTasks(t *testing.T) {
	dir := t.TempDir()
	first, _ := demoRun(t, dir, nil)
	require.NotEmpty(t, first.TasksCreated)
	ids := map[string]bool{}
	for _, tk := range first.TasksCreated {
		assert.False(t, ids[tk.ID], "one task per rule and table")
		ids[tk.ID] = true
	}
	linesBefore := readLines(t, first.TasksFile)

	second, _ := demoRun(t, dir, nil)
	assert.Empty(t, second.TasksCreated)
	assert.Empty(t, second.Diff.New)
	assert.Equal(t, linesBefore, readLines(t, second.TasksFile))
	for _, f := range second.Report.Findings {
		assert.Equal(t, scanner.StatusOpen, f.Status)
	}

	// Fix the plaintext card numbers: SEC-01 resolves and its task closes.
	db, err := sql.Open("sqlite", filepath.Join(dir, "crm.db"))
	require.NoError(t, err)
	_, err = db.Exec(`UPDATE payments SET card_number = substr(replace(replace(card_number, ' ', ''), '-', ''), 1, 6) || '******' || substr(replace(replace(card_number, ' ', ''), '-', ''), -4) WHERE card_number NOT LIKE '%*%' AND card_number NOT LIKE 'tok_%'`)
	require.NoError(t, err)
	require.NoError(t, db.Close())
	third, _ := demoRun(t, dir, nil)
	require.Len(t, third.Diff.Resolved, 1)
	assert.Equal(t, "SEC-01", third.Diff.Resolved[0].RuleID)
	assert.Equal(t, 1, third.TasksClosed)
}

// Nothing raw leaks: no seeded personal value appears in any output or the logs.
func TestNoRawPersonalDataLeaks(t *testing.T) {
	dir := t.TempDir()
	var logs bytes.Buffer
	out, _ := demoRun(t, dir, &logs)
	require.NotEmpty(t, out.Report.Findings)

	var corpus bytes.Buffer
	corpus.Write(logs.Bytes())
	for _, p := range append(slices.Clone(out.Files), out.TasksFile, out.StateFile) {
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		corpus.Write(b)
		if filepath.Ext(p) == ".xlsx" {
			corpus.WriteString(xlsxText(t, p))
		}
	}
	// The state file's WAL holds recent writes too.
	if b, err := os.ReadFile(out.StateFile + "-wal"); err == nil {
		corpus.Write(b)
	}
	text := corpus.String()
	values := demo.Generate(time.Now()).PersonalValues()
	require.NotEmpty(t, values)
	checked := 0
	for _, v := range values {
		if len(v) < 6 || isDate(v) {
			continue // short words and dates occur by chance in any text
		}
		checked++
		assert.NotContains(t, text, v)
	}
	assert.Greater(t, checked, 500)
}

func isDate(s string) bool {
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func xlsxText(t *testing.T, path string) string {
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	var b strings.Builder
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		require.NoError(t, err)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "\t"))
			b.WriteString("\n")
		}
	}
	return b.String()
}

func readLines(t *testing.T, path string) []string {
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}
