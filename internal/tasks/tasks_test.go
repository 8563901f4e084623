package tasks

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

func finding(rule, table, column string, sev rules.Severity, records int64) scanner.Finding {
	loc := scanner.Location{Source: "crm", Database: "crm", Schema: "public", Table: table, Column: column}
	return scanner.Finding{Fingerprint: scanner.Fingerprint(loc, rule, ""), RuleID: rule, Title: "t", Location: loc,
		Severity: sev, Likelihood: 3, RiskLevel: rules.Risk(sev, 3), RecordsAffected: records, SubjectsAffected: records,
		ReproduceSQL: "SELECT 1", Remediation: "fix", Status: scanner.StatusNew}
}

func TestOneTaskPerRuleAndTable(t *testing.T) {
	fs := []scanner.Finding{
		finding("SPC-01", "contacts", "health", 4, 35),
		finding("SPC-01", "contacts", "religion", 4, 12),
		finding("SPC-01", "patients", "diagnosis", 4, 3),
		finding("CNS-01", "contacts", "", 2, 40),
	}
	sup := finding("SEC-02", "payments", "cvv", 4, 7)
	sup.Status = scanner.StatusSuppressed
	fs = append(fs, sup)
	ts := FromFindings(fs, "scan-1", time.Now())
	require.Len(t, ts, 3, "suppressed findings raise no task")
	assert.Equal(t, []string{"health", "religion"}, ts[0].Columns)
	assert.EqualValues(t, 35, ts[0].RecordsAffected, "rows of one table are not summed twice")
	assert.Len(t, ts[0].Fingerprints, 2)
	assert.Equal(t, ID("crm", "crm", "public", "contacts", "SPC-01"), ts[0].ID)
	assert.Regexp(t, `^GDPR-[0-9a-f]{12}$`, ts[0].ID)
	assert.Contains(t, ts[0].Description, "public.contacts")
	assert.Contains(t, ts[0].Description, "SELECT 1")
}

func TestScopesOfOneColumnAddUp(t *testing.T) {
	plain := finding("SEC-03", "users", "password_hash", 4, 4)
	weak := finding("SEC-03", "users", "password_hash", 3, 6)
	weak.Fingerprint = "v1:other"
	ts := FromFindings([]scanner.Finding{plain, weak}, "scan-1", time.Now())
	require.Len(t, ts, 1)
	assert.EqualValues(t, 10, ts[0].RecordsAffected)
	assert.Equal(t, []string{"password_hash"}, ts[0].Columns)
	assert.EqualValues(t, 4, ts[0].Severity)
}

func TestAppendJSONLines(t *testing.T) {
	p := filepath.Join(t.TempDir(), "out", "tasks.jsonl")
	ts := FromFindings([]scanner.Finding{finding("CNS-01", "contacts", "", 2, 40)}, "scan-1", time.Now())
	require.NoError(t, Append(p, ts))
	require.NoError(t, Append(p, nil))
	require.NoError(t, Append(p, ts))
	f, err := os.Open(p)
	require.NoError(t, err)
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var got Task
		require.NoError(t, json.Unmarshal(sc.Bytes(), &got))
		assert.Equal(t, ts[0].ID, got.ID)
		n++
	}
	assert.Equal(t, 2, n)
}
