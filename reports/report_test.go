package reports

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// update rewrites the golden files: go test ./reports -update
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites the file under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./reports -update to create it")
	require.Equal(t, string(want), string(got), "golden %s differs; rerun with -update if the change is intended", name)
}

var (
	testStart = time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	testScan  = "scan-20260302-0800"
)

func finding(ruleID, title string, fam rules.Family, sev rules.Severity, lik rules.Likelihood, loc scanner.Location, recs, subj int64) scanner.Finding {
	tier := rules.Tier835
	if fam == rules.Security {
		tier = rules.Tier834
	}
	return scanner.Finding{
		Fingerprint: testFingerprint(loc, ruleID), RuleID: ruleID, Title: title, Family: fam,
		Articles: []string{"Art. 5(1)(f)"}, FineTier: tier,
		Severity: sev, Likelihood: lik, RiskLevel: rules.Risk(sev, lik), Principle: "integrity and confidentiality",
		Location: loc, RecordsAffected: recs, SubjectsAffected: subj,
		ReproduceSQL: `SELECT count(*) FROM "public"."` + loc.Table + `" WHERE x <> ''`,
		Remediation:  "Fix " + ruleID + ".", Status: scanner.StatusNew,
	}
}

// testFingerprint stands in for scanner.Fingerprint so the golden files don't change
// when the scanner's recipe does; reports only carry the value through.
func testFingerprint(l scanner.Location, ruleID string) string {
	h := sha256.Sum256([]byte(l.String() + "|" + ruleID))
	return "v1:" + hex.EncodeToString(h[:])
}

func loc(table, column string) scanner.Location {
	return scanner.Location{Source: "crm", Database: "crm", Schema: "public", Table: table, Column: column}
}

// testReport is a small scan with findings at every risk level, in no particular order.
func testReport() Report {
	pan := finding("SEC-01", "Plaintext card numbers (PAN)", rules.Security, 4, 4, loc("payments", "card_number"), 120, 80)
	pan.Evidence = map[string]string{"masked": "411111******1111"}
	pan2 := finding("SEC-01", "Plaintext card numbers (PAN)", rules.Security, 4, 4, loc("orders_bak", "pan"), 30, 30)
	pan2.Estimated = true
	health := finding("SPC-01", "Special-category columns present", rules.SpecialCategories, 4, 2, loc("contacts", "health_notes"), 900, 900)
	health.Articles = []string{"Art. 9(1)", "Art. 35(3)(b)"}
	ret := finding("RET-01", "Inactive leads past retention", rules.Retention, 2, 4, loc("leads", ""), 5000, 4800)
	ret.Oldest = "2019-04-01"
	law := finding("LAW-01", "No lawful basis recorded", rules.LawfulBasis, 2, 3, loc("contacts", "lawful_basis"), 300, 300)
	dup := finding("MIN-04", "Duplicate person records", rules.Minimisation, 1, 2, loc("contacts", "email"), 12, 6)
	dup.Articles = nil // must still be [] in JSON
	return Report{
		SchemaVersion:  SchemaVersion,
		ScanID:         testScan,
		StartedAt:      testStart,
		FinishedAt:     testStart.Add(95 * time.Second),
		Tool:           Tool{Name: "gdprscan", Version: "0.1.0-test"},
		RulesetVersion: "2026.03.1",
		Organisation:   Organisation{Controller: "Acme CRM Ltd", DPO: "dpo@acme.example", Scope: "Customer CRM"},
		Sources: []scanner.SourceSummary{
			{Name: "crm", Kind: "postgres", TablesScanned: 12, DurationMS: 80400,
				TablesFailed: []scanner.TableError{{Table: "public.audit_log", Error: "permission denied for table audit_log"}}},
			{Name: "shop", Kind: "mysql", TablesScanned: 4, DurationMS: 9000},
		},
		Inventory: []scanner.InventoryItem{
			{Source: "crm", Database: "crm", Schema: "public", Table: "payments", Column: "card_number", DataType: "text", RowEstimate: 1200,
				Personal: true, Category: detect.PaymentCard, Confidence: 0.97,
				Evidence:       detect.Evidence{Signals: []string{"name:card", "value:payment_card"}, NameMatch: "card_number", ValueRatio: 0.92, NonNull: 950, Distinct: 940, Sampled: 1000},
				MaskedExamples: []string{"411111******1111", "550000******0004"}},
			{Source: "crm", Database: "crm", Schema: "public", Table: "contacts", Column: "email", DataType: "character varying(255)", RowEstimate: 18200,
				Personal: true, Category: detect.Email, Confidence: 0.99,
				Evidence:       detect.Evidence{Signals: []string{"name:email", "value:email"}, ValueRatio: 0.995, NonNull: 998, Distinct: 990, Sampled: 1000},
				MaskedExamples: []string{"j***@e***.com"}},
			{Source: "crm", Database: "crm", Schema: "public", Table: "contacts", Column: "id", DataType: "bigint", RowEstimate: 18200,
				Category: detect.None, Evidence: detect.Evidence{Sampled: 1000, NonNull: 1000, Distinct: 1000}},
			{Source: "crm", Database: "crm", Schema: "public", Table: "contacts", Column: "health_notes", DataType: "text", RowEstimate: 18200,
				Personal: true, Category: detect.Health, Confidence: 0.7,
				Evidence: detect.Evidence{Signals: []string{"name:health"}, NameMatch: "health", Sampled: 1000, NonNull: 40}},
		},
		Findings:     []scanner.Finding{dup, law, pan2, ret, health, pan},
		NotEvaluated: []scanner.NotEvaluated{{RuleID: "CNS-01", Source: "crm", Needs: "consent mapping (consent.table)"}},
		DPIA:         testDPIA(),
		Rules: []RuleInfo{
			{ID: "SEC-01", Title: "Plaintext card numbers (PAN)", Family: "security", Articles: "32(1)(a), 5(1)(f)", FineTier: "83(4)", Severity: 4, Likelihood: 4, Remediation: "Tokenise or encrypt card numbers."},
			{ID: "SPC-01", Title: "Special-category columns present", Family: "special_categories", Articles: "9(1)-(2), 35(3)(b)", FineTier: "83(5)", Severity: 4, Likelihood: 2},
			{ID: "CNS-01", Title: "Marketed without a consent record", Family: "consent", Articles: "6(1)(a), 7(1)", FineTier: "83(5)", Severity: 2, Likelihood: 4},
		},
	}
}

func TestForFormat(t *testing.T) {
	tests := []struct {
		name, format, wantExt, wantErr string
	}{
		{name: "json", format: "json", wantExt: "json"},
		{name: "xlsx upper case", format: "XLSX", wantExt: "xlsx"},
		{name: "unknown", format: "pdf", wantErr: `reports: unknown format "pdf" (valid: json, xlsx)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := ForFormat(tt.format)
			if tt.wantErr != "" {
				require.ErrorIs(t, err, ErrUnknownFormat)
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.wantExt, r.Ext())
		})
	}
}

func TestNormalizedLeavesCallerAlone(t *testing.T) {
	r := testReport()
	before := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		before[i] = f.Fingerprint
	}
	var buf bytes.Buffer
	require.NoError(t, JSONReporter{}.Write(t.Context(), &buf, r))
	require.NoError(t, XLSXReporter{}.Write(t.Context(), &buf, r))
	for i, f := range r.Findings {
		require.Equal(t, before[i], f.Fingerprint, "the caller's findings were reordered")
	}
	require.Nil(t, r.Findings[0].Articles, "the caller's nil slice was replaced")
}

func TestTruncate(t *testing.T) {
	require.Equal(t, "short", truncate("short"))
	long := string(bytes.Repeat([]byte("é"), 20000)) // 40,000 bytes of 2-byte runes
	got := truncate(long)
	require.LessOrEqual(t, len(got), 32767)
	require.Contains(t, got, "…[truncated]")
	require.True(t, json.Valid([]byte(`"`+got+`"`)), "a rune was cut in half")
}
