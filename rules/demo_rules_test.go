package rules_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// scanReal loads a dataset into an engine and scans it with the real classifier, as the
// product does, with the config's first source pointed at the engine.
func scanReal(t *testing.T, e engine, ds demo.Dataset, cfg *config.Config, now time.Time) scanner.Result {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, demo.Load(ctx, e.db, e.dl, ds))
	cfg.Sources[0].Kind = e.kind
	cfg.Sources[0].DSN = config.Secret(e.dsn)
	cl, err := detect.New(detect.ConfigOptions(cfg.Discovery)...)
	require.NoError(t, err)
	sc, err := scanner.New(cl, rules.Default(), scanner.WithClock(func() time.Time { return now }))
	require.NoError(t, err)
	res, err := sc.Scan(ctx, scanner.Target{Name: cfg.Sources[0].Name, Kind: e.kind, Source: e.open(t), Settings: &cfg.Sources[0], Config: cfg})
	require.NoError(t, err)
	require.Empty(t, res.Summary.TablesFailed, "checks that failed")
	return res
}

// TestDemoFreeText: on the demo CRM, classified by the real classifier, DSC-03 and SPC-02
// count exactly the notes the generator planted with contact data and with health terms
// (the demo counts them again in plain SQL), on every engine, and nowhere else.
func TestDemoFreeText(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	ds := demo.Generate(now)
	for _, mk := range engines() {
		t.Run(mk.kind, func(t *testing.T) {
			e := mk.make(t)
			cfg, err := demo.Config("crm.db")
			require.NoError(t, err)
			res := scanReal(t, e, ds, cfg, now)
			got := map[string]int64{}
			for _, f := range res.Findings {
				if f.RuleID == "DSC-03" || f.RuleID == "SPC-02" {
					got[f.RuleID+" "+f.Location.Table+"."+f.Location.Column] = f.RecordsAffected
					assert.False(t, f.Estimated, "%s counted exactly", f.RuleID)
				}
			}
			assert.Equal(t, map[string]int64{
				"DSC-03 notes.body": int64(demo.Expected.NotesWithContact),
				"SPC-02 notes.body": int64(demo.Expected.NotesWithHealth),
			}, got)
		})
	}
}
