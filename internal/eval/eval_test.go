package eval

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules/detect"
)

// fakeClassifier answers from a table keyed by column name and records what it was given.
type fakeClassifier struct {
	answers map[string]detect.Result
	got     []detect.Column
}

func (f *fakeClassifier) Classify(c detect.Column) detect.Result {
	f.got = append(f.got, c)
	return f.answers[c.Name]
}

func personal(cat detect.Category) detect.Result {
	return detect.Result{Personal: true, Category: cat, Confidence: 0.9, Evidence: detect.Evidence{Signals: []string{"name:" + string(cat)}}}
}

func notPersonal() detect.Result { return detect.Result{Category: detect.None} }

func tinyCorpus() Corpus {
	mk := func(schema, table, name, cat string) Column {
		return Column{Schema: schema, Table: table, Name: name, DataType: "text", Category: cat, Personal: cat != None,
			TableColumns: []string{"a", "b", "c", "d", "e"}, Values: []string{"SECRET-VALUE-" + name}, Sampled: 3}
	}
	return Corpus{Seed: 7, Schemas: []Schema{
		{Name: "s1", Tables: []Table{{Name: "t", Sampled: 3, Columns: []Column{
			mk("s1", "t", "a", "email"), // TP, same category
			mk("s1", "t", "b", "phone"), // TP, other category
			mk("s1", "t", "c", "city"),  // FN
			mk("s1", "t", "d", None),    // FP
			mk("s1", "t", "e", None),    // TN
		}}}},
		{Name: "s2", Tables: []Table{{Name: "u", Sampled: 3, Columns: []Column{
			mk("s2", "u", "f", "gender"), // TP, same category
		}}}},
	}}
}

func TestEvaluateArithmetic(t *testing.T) {
	fake := &fakeClassifier{answers: map[string]detect.Result{
		"a": personal(detect.Email), "b": personal(detect.FreeText), "c": notPersonal(),
		"d": personal(detect.Phone), "e": notPersonal(), "f": personal(detect.Gender),
	}}
	rep := Evaluate(tinyCorpus(), fake)

	s1 := rep.Schemas[0].Counts
	assert.Equal(t, Counts{TP: 2, FP: 1, FN: 1, TN: 1, CatMatch: 1}, s1)
	assert.InDelta(t, 2.0/3, s1.Precision(), 1e-9)
	assert.InDelta(t, 2.0/3, s1.Recall(), 1e-9)
	assert.InDelta(t, 2.0/3, s1.F1(), 1e-9)
	assert.InDelta(t, 0.5, s1.CategoryAgreement(), 1e-9)

	assert.Equal(t, Counts{TP: 3, FP: 1, FN: 1, TN: 1, CatMatch: 2}, rep.Overall)
	assert.InDelta(t, 0.75, rep.Overall.Precision(), 1e-9)
	assert.InDelta(t, 0.75, rep.Overall.Recall(), 1e-9)
	assert.InDelta(t, 0.75, rep.Overall.F1(), 1e-9)
	assert.InDelta(t, 2.0/3, rep.Overall.CategoryAgreement(), 1e-9)
	assert.Equal(t, 6, rep.Overall.Columns())
	assert.Equal(t, 4, rep.Overall.Positives())

	fn, fp, mm := rep.Misses()
	require.Len(t, fn, 1)
	require.Len(t, fp, 1)
	require.Len(t, mm, 1)
	assert.Equal(t, "s1.t.c", fn[0].Column.ID())
	assert.Equal(t, "s1.t.d", fp[0].Column.ID())
	assert.Equal(t, "s1.t.b", mm[0].Column.ID())

	byCat := map[string]CategoryResult{}
	for _, c := range rep.Categories {
		byCat[c.Category] = c
	}
	assert.Equal(t, CategoryResult{Category: "phone", Labelled: 1, Detected: 1, Matched: 0, FlaggedAs: 1, FalsePos: 1}, byCat["phone"])
	assert.Equal(t, CategoryResult{Category: "city", Labelled: 1}, byCat["city"])

	// the classifier sees the column as the scanner builds it
	require.Len(t, fake.got, 6)
	assert.Equal(t, detect.Column{Table: "t", Name: "a", DataType: "text", TableColumns: []string{"a", "b", "c", "d", "e"},
		Values: []string{"SECRET-VALUE-a"}, Sampled: 3}, fake.got[0])
}

func TestCountsEdgeCases(t *testing.T) {
	var none Counts
	assert.True(t, math.IsNaN(none.Precision()))
	assert.True(t, math.IsNaN(none.Recall()))
	assert.True(t, math.IsNaN(none.F1()))
	allMissed := Counts{FN: 3, FP: 2}
	assert.Equal(t, 0.0, allMissed.Precision())
	assert.Equal(t, 0.0, allMissed.Recall())
	assert.Equal(t, 0.0, allMissed.F1())
	assert.True(t, math.IsNaN(allMissed.CategoryAgreement()))
}

func TestGate(t *testing.T) {
	good := Counts{TP: 95, FP: 5, FN: 5}
	tests := []struct {
		name    string
		overall Counts
		schemas []Counts
		wantErr string
	}{
		{"met", good, []Counts{good, {TP: 20, FN: 1}}, ""},
		{"low precision", Counts{TP: 90, FP: 10, FN: 1}, nil, "overall: precision 0.900 < 0.95"},
		{"low recall", Counts{TP: 80, FP: 1, FN: 20}, nil, "overall: recall 0.800 < 0.95"},
		{"nothing flagged", Counts{FN: 10}, nil, "overall: precision – < 0.95, recall 0.000 < 0.95"},
		{"one schema below", good, []Counts{good, {TP: 18, FN: 2}}, "s1: recall 0.900 < 0.95"},
		{"one schema imprecise", good, []Counts{{TP: 18, FP: 2}, good}, "s0: precision 0.900 < 0.95"},
		{"schema without personal columns", good, []Counts{{TN: 30}}, ""},
		{"schema with only false alarms", good, []Counts{{FP: 1, TN: 30}}, "s0: precision 0.000 < 0.95"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep := Report{Overall: tt.overall}
			for i, c := range tt.schemas {
				rep.Schemas = append(rep.Schemas, SchemaResult{Schema: fmt.Sprintf("s%d", i), Counts: c})
			}
			err := rep.Gate(0.95, 0.95)
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

// The corpus meets the targets `make eval` enforces, overall and in every schema style.
func TestCorpusMeetsTargets(t *testing.T) {
	cl, err := detect.New()
	require.NoError(t, err)
	rep := Evaluate(defaultCorpus(), cl)
	require.NoError(t, rep.Gate(0.95, 0.95))
}

func TestPrintingNeverShowsValues(t *testing.T) {
	fake := &fakeClassifier{answers: map[string]detect.Result{
		"a": personal(detect.Email), "b": personal(detect.FreeText), "d": personal(detect.Phone), "f": personal(detect.Gender),
	}}
	rep := Evaluate(tinyCorpus(), fake)
	var buf bytes.Buffer
	rep.PrintSummary(&buf)
	rep.PrintCategories(&buf)
	rep.PrintMisses(&buf, 0)
	out := buf.String()
	assert.NotContains(t, out, "SECRET-VALUE")
	assert.Contains(t, out, "s1.t.c")
	assert.Contains(t, out, "OVERALL")
	assert.Contains(t, out, "name:phone")

	buf.Reset()
	require.NoError(t, rep.Explain(&buf, []string{"s1.t.a", " s1.t.d"}))
	assert.Contains(t, buf.String(), "want: personal=false category=none")
	assert.NotContains(t, buf.String(), "SECRET-VALUE")
	require.ErrorContains(t, rep.Explain(&buf, []string{"nope"}), `no column "nope"`)
}
