package suggest_test

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/suggest"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
)

// The config drafted from the demo CRM, unedited, evaluates the core consent, retention
// and lawful-basis rules, and each of those families finds something.
func TestDraftOfDemoEvaluatesFamilies(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(ctx, db, time.Now()))
	quick, err := pipeline.QuickConfig("sqlite://" + db)
	require.NoError(t, err)
	src, err := pipeline.Open(ctx, &quick.Sources[0])
	require.NoError(t, err)
	defer src.Close()
	classifier, err := detect.New()
	require.NoError(t, err)
	cat, err := suggest.Read(ctx, src, classifier, config.DefaultSampleSize)
	require.NoError(t, err)
	draft := suggest.Suggest(cat)
	path := filepath.Join(dir, "gdprscan.yaml")
	require.NoError(t, os.WriteFile(path, draft.YAML(suggest.Header{Name: "crm", Kind: "sqlite", DSN: "sqlite://" + db, Now: time.Now()}), 0o600))

	cfg, err := config.LoadFile(path)
	require.NoError(t, err)
	m := cfg.Sources[0].Mapping
	require.NotEmpty(t, m.Subjects)
	assert.Equal(t, "contacts", m.Subjects[0].Table)
	require.NotNil(t, m.Consent)
	assert.Equal(t, "consent_records", m.Consent.Table)
	assert.Equal(t, "email_marketing", m.Consent.MarketingPurpose)

	out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, OutDir: filepath.Join(dir, "out")})
	require.NoError(t, err)
	require.Equal(t, 0, out.SourcesFailed)
	assert.Empty(t, out.Report.Sources[0].TablesFailed, "every drafted query runs")
	var notEvaluated []string
	for _, ne := range out.Report.NotEvaluated {
		notEvaluated = append(notEvaluated, ne.RuleID+": "+ne.Needs)
	}
	core := []string{"CNS-01", "CNS-02", "CNS-03", "CNS-04", "CNS-05", "CNS-06", "CNS-07", "LAW-01", "LAW-02", "LAW-03", "RET-01", "RET-02", "RET-03", "RET-04"}
	for _, id := range core {
		for _, ne := range out.Report.NotEvaluated {
			assert.NotEqual(t, id, ne.RuleID, "core rule evaluated; not evaluated: %v", notEvaluated)
		}
	}
	found := map[rules.Family]bool{}
	var ids []string
	for _, f := range out.Report.Findings {
		found[f.Family] = true
		ids = append(ids, f.RuleID)
	}
	for _, fam := range []rules.Family{rules.Consent, rules.LawfulBasis, rules.Retention} {
		assert.True(t, found[fam], "a %s finding (found %v)", fam, ids)
	}
	// The planted violations the draft can see are found with their planted counts.
	e := demo.Expected
	for rule, want := range map[string]int{"CNS-01": e.CNS01, "CNS-02": e.CNS02, "CNS-03": e.CNS03, "CNS-06": e.CNS06BulkRows, "CNS-07": e.CNS07, "RET-01": e.RET01, "RET-04": e.RET04} {
		var got []int64
		for _, f := range out.Report.Findings {
			if f.RuleID == rule {
				got = append(got, f.RecordsAffected)
			}
		}
		assert.True(t, slices.Contains(got, int64(want)), "%s: want a finding of %d records, got %v", rule, want, got)
	}
}
