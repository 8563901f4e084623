package sqlite

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

type noClassifier struct{}

func (noClassifier) Classify(detect.Column) detect.Result { return detect.Result{} }

// TestScanCountsMappedFacts: the scan itself counts the mapped consent and erasure
// tables for the DPIA workbook, also when the filters leave the tables out of the scan.
func TestScanCountsMappedFacts(t *testing.T) {
	path := testdb.SQLite(t)
	exec(t, setup(t, path),
		`CREATE TABLE consents (id INTEGER PRIMARY KEY, contact_id INTEGER, purpose TEXT, status TEXT)`,
		`INSERT INTO consents (contact_id, purpose, status) VALUES (1, 'newsletter', 'granted'), (1, 'newsletter', 'granted'),
			(2, 'newsletter', 'withdrawn'), (3, 'profiling', 'Granted')`,
		`CREATE TABLE requests (id INTEGER PRIMARY KEY, received_at TEXT, completed_at TEXT)`,
		`INSERT INTO requests (received_at, completed_at) VALUES ('2026-01-01', '2026-01-03'), ('2026-01-01', '2026-01-06'), ('2026-02-01', NULL)`,
	)
	src := open(t, "sqlite://"+path, scanner.Options{Name: "crm"})
	sc, err := scanner.New(noClassifier{}, rules.Set{})
	require.NoError(t, err)
	settings := &config.Source{Name: "crm", Kind: "sqlite", ExcludeTables: []string{"consents", "requests"}, Mapping: config.Mapping{
		Consent: &config.ConsentMapping{Table: "consents", SubjectKey: "contact_id", PurposeColumn: "purpose", StatusColumn: "status"},
		Erasure: &config.ErasureMapping{Table: "requests", ReceivedColumn: "received_at", CompletedColumn: "completed_at"},
	}}
	res, err := sc.Scan(context.Background(), scanner.Target{Name: "crm", Kind: "sqlite", Source: src, Settings: settings, Config: &config.Config{}})
	require.NoError(t, err)
	require.Zero(t, res.Summary.TablesScanned, "the filters leave both tables out of the scan")
	require.ElementsMatch(t, []scanner.ConsentCount{
		{Purpose: "newsletter", Status: "granted", Granted: true, Rows: 2, Subjects: 1},
		{Purpose: "newsletter", Status: "withdrawn", Rows: 1, Subjects: 1},
		{Purpose: "profiling", Status: "Granted", Granted: true, Rows: 1, Subjects: 1},
	}, res.Facts.Consent)
	require.Equal(t, &scanner.RequestCounts{Received: 3, Completed: 2, Open: 1, MedianDays: 3.5}, res.Facts.Erasure)

	// A mapped table that is not there leaves its figures uncounted; the other is counted.
	settings.Mapping.Consent.Table = "missing"
	res, err = sc.Scan(context.Background(), scanner.Target{Name: "crm", Kind: "sqlite", Source: src, Settings: settings, Config: &config.Config{}})
	require.NoError(t, err)
	require.Nil(t, res.Facts.Consent)
	require.NotNil(t, res.Facts.Erasure)
}
