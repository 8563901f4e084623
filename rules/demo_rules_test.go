package rules_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/demo"
)

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
			res := scanReal(t, e, ds.Database, cfg, now)
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
