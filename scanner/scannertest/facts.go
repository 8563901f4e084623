package scannertest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

type noClassifier struct{}

func (noClassifier) Classify(detect.Column) detect.Result { return detect.Result{} }

// CheckFacts checks that a scan counts the mapped consent and erasure tables for the
// DPIA workbook on the engine, also when the filters leave the tables out of the scan,
// and that a missing table leaves only its own figures uncounted. It creates its
// tables through h.Admin, so it wants a database of its own.
func CheckFacts(t *testing.T, h Harness) {
	t.Helper()
	q := h.Dialect.Ident
	ts, _ := types(h.Dialect)
	for _, s := range []string{
		fmt.Sprintf("CREATE TABLE %s (%s INTEGER PRIMARY KEY, %s INTEGER, %s VARCHAR(40), %s VARCHAR(20))",
			q("consents"), q("id"), q("contact_id"), q("purpose"), q("status")),
		fmt.Sprintf(`INSERT INTO %s VALUES (1, 1, 'newsletter', 'granted'), (2, 1, 'newsletter', 'granted'),
			(3, 2, 'newsletter', 'withdrawn'), (4, 3, 'profiling', 'Granted')`, q("consents")),
		fmt.Sprintf("CREATE TABLE %s (%s INTEGER PRIMARY KEY, %s %s NULL, %s %s NULL)",
			q("requests"), q("id"), q("received_at"), ts, q("completed_at"), ts),
		fmt.Sprintf(`INSERT INTO %s VALUES (1, '2026-01-01 00:00:00', '2026-01-03 00:00:00'),
			(2, '2026-01-01 00:00:00', '2026-01-06 00:00:00'), (3, '2026-02-01 00:00:00', NULL)`, q("requests")),
	} {
		_, err := h.Admin.Exec(s)
		require.NoError(t, err, s)
	}
	src := h.Open(t, scanner.Options{Name: SourceName, StatementTimeout: 10 * time.Second})
	sc, err := scanner.New(noClassifier{}, rules.Set{})
	require.NoError(t, err)
	settings := &config.Source{Name: SourceName, ExcludeTables: []string{"consents", "requests"}, Mapping: config.Mapping{
		Consent: &config.ConsentMapping{Table: "consents", SubjectKey: "contact_id", PurposeColumn: "purpose", StatusColumn: "status"},
		Erasure: &config.ErasureMapping{Table: "requests", ReceivedColumn: "received_at", CompletedColumn: "completed_at"},
	}}
	scan := func() scanner.Result {
		res, err := sc.Scan(context.Background(), scanner.Target{Name: SourceName, Kind: string(h.Dialect), Source: src, Settings: settings, Config: &config.Config{}})
		require.NoError(t, err)
		return res
	}
	res := scan()
	require.Zero(t, res.Summary.TablesScanned, "the filters leave both tables out of the scan")
	require.ElementsMatch(t, []scanner.ConsentCount{
		{Purpose: "newsletter", Status: "granted", Granted: true, Rows: 2, Subjects: 1},
		{Purpose: "newsletter", Status: "withdrawn", Rows: 1, Subjects: 1},
		{Purpose: "profiling", Status: "Granted", Granted: true, Rows: 1, Subjects: 1},
	}, res.Facts.Consent)
	require.Equal(t, &scanner.RequestCounts{Received: 3, Completed: 2, Open: 1, MedianDays: 3.5}, res.Facts.Erasure)

	settings.Mapping.Consent.Table = "missing"
	res = scan()
	require.Nil(t, res.Facts.Consent, "a missing consent table is not counted")
	require.NotNil(t, res.Facts.Erasure, "the erasure table is still counted")
}
