package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, JSONReporter{}.Write(t.Context(), &buf, testReport()))
	golden(t, "json_basic.golden", buf.Bytes())
}

// TestJSONContract decodes the output generically and checks the keys and types that
// consumers rely on, independent of the Go types that produce them.
func TestJSONContract(t *testing.T) {
	tests := []struct {
		name string
		r    Report
	}{
		{name: "basic", r: testReport()},
		{name: "empty", r: Report{ScanID: testScan, StartedAt: testStart, FinishedAt: testStart, Tool: Tool{Name: "gdprscan", Version: "dev"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			require.NoError(t, JSONReporter{}.Write(t.Context(), &buf, tt.r))
			var doc map[string]any
			require.NoError(t, json.Unmarshal(buf.Bytes(), &doc))

			hasKeys(t, "report", doc, "schema_version", "scan_id", "started_at", "finished_at", "tool", "sources", "inventory", "findings", "not_evaluated")
			assert.EqualValues(t, SchemaVersion, doc["schema_version"])
			assert.Equal(t, testScan, doc["scan_id"])
			hasKeys(t, "tool", doc["tool"].(map[string]any), "name", "version")
			for _, key := range []string{"sources", "inventory", "findings", "not_evaluated"} {
				require.IsType(t, []any{}, doc[key], "%s must be an array, never null", key)
			}

			for _, s := range doc["sources"].([]any) {
				src := s.(map[string]any)
				hasKeys(t, "source", src, "name", "kind", "tables_scanned", "tables_failed")
				require.IsType(t, []any{}, src["tables_failed"])
				for _, tf := range src["tables_failed"].([]any) {
					hasKeys(t, "tables_failed", tf.(map[string]any), "table", "error")
				}
			}
			for _, it := range doc["inventory"].([]any) {
				item := it.(map[string]any)
				hasKeys(t, "inventory", item, "source", "database", "schema", "table", "column", "data_type", "is_view",
					"personal", "category", "confidence", "evidence", "masked_examples")
				require.IsType(t, []any{}, item["masked_examples"])
			}
			for _, f := range doc["findings"].([]any) {
				fd := f.(map[string]any)
				hasKeys(t, "finding", fd, "fingerprint", "rule_id", "title", "family", "articles", "fine_tier", "severity",
					"likelihood", "risk_level", "location", "records_affected", "subjects_affected", "reproduce_sql", "remediation", "status")
				hasKeys(t, "location", fd["location"].(map[string]any), "source", "database", "schema", "table", "column")
				require.IsType(t, []any{}, fd["articles"])
				for _, k := range []string{"severity", "likelihood"} {
					n, ok := fd[k].(float64)
					require.True(t, ok, "%s must be a number, got %T", k, fd[k])
					require.True(t, n >= 1 && n <= 4 && n == float64(int(n)), "%s = %v, want 1..4", k, n)
				}
				require.Contains(t, []any{"low", "medium", "high", "critical"}, fd["risk_level"])
			}
		})
	}
}

func TestJSONSortsFindings(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, JSONReporter{}.Write(t.Context(), &buf, testReport()))
	var got Report
	require.NoError(t, json.Unmarshal(buf.Bytes(), &got))
	for i := 1; i < len(got.Findings); i++ {
		require.GreaterOrEqual(t, got.Findings[i-1].RiskLevel, got.Findings[i].RiskLevel, "findings must be riskiest first")
	}
}

func TestJSONCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	require.ErrorIs(t, JSONReporter{}.Write(ctx, &bytes.Buffer{}, testReport()), context.Canceled)
}

func hasKeys(t *testing.T, what string, m map[string]any, keys ...string) {
	t.Helper()
	for _, k := range keys {
		_, ok := m[k]
		assert.True(t, ok, "%s: missing key %q", what, k)
	}
}
