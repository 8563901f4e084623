package rules_test

// BenchmarkFreeTextRules times the SPC-02 and DSC-03 checks through the scanner on a
// notes table of GDPRSCAN_FREETEXT_ROWS rows (default 20,000) on each engine: one note in
// 50 names a health term, one in 40 an e-mail address or phone number, the rest are
// ordinary business notes of about 100 characters. Each iteration is a whole scan (list,
// sample, classify by name, run both rules). It reports ns per note.

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

func BenchmarkFreeTextRules(b *testing.B) {
	n := 20000
	if v, err := strconv.Atoi(os.Getenv("GDPRSCAN_FREETEXT_ROWS")); err == nil && v > 0 {
		n = v
	}
	now := time.Now().UTC()
	notes := dbfixture.Table{Name: "notes", Columns: []dbfixture.Column{pk("id"), col("contact_id", dbfixture.Int), col("body", dbfixture.LongText)}}
	for i := 1; i <= n; i++ {
		text := fmt.Sprintf("Called about renewal %d, will follow up next week; sent the updated quote, waiting for procurement sign-off.", i)
		switch {
		case i%50 == 0:
			text = "Mentioned she is pregnant and will be on leave from the summer."
		case i%40 == 0:
			text = fmt.Sprintf("Prefers her private address person%d@posteo.de.", i)
		}
		notes.Rows = append(notes.Rows, []any{int64(i), int64(i), text})
	}
	set, err := rules.Default().Select([]string{"SPC-02", "DSC-03"}, nil)
	require.NoError(b, err)
	for _, mk := range engines() {
		b.Run(mk.kind, func(b *testing.B) {
			e := mk.make(b)
			require.NoError(b, dbfixture.Load(context.Background(), e.db, e.dl, dbfixture.Database{Tables: []dbfixture.Table{notes}}))
			cfg, err := config.Load([]byte("sources: [{name: fx, kind: sqlite, dsn: x}]\n"), "bench.yaml")
			require.NoError(b, err)
			cfg.Sources[0].Kind, cfg.Sources[0].DSN = e.kind, config.Secret(e.dsn)
			sc, err := scanner.New(categories, set, scanner.WithClock(func() time.Time { return now }))
			require.NoError(b, err)
			src := e.open(b)
			b.ResetTimer()
			for b.Loop() {
				res, err := sc.Scan(context.Background(), scanner.Target{Name: "fx", Kind: e.kind, Source: src, Settings: &cfg.Sources[0], Config: cfg})
				require.NoError(b, err)
				require.Len(b, res.Findings, 2)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/note")
		})
	}
}
