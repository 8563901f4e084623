package scanner

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// countingSource is a fake Source that counts Sample calls and returns up to rows rows of
// one value per column; with block set, every Sample after the first waits for its context.
type countingSource struct {
	rows  int
	block bool

	mu    sync.Mutex
	sizes []int // the n of each Sample call
}

func (f *countingSource) Dialect() dialect.Dialect              { return dialect.SQLite }
func (f *countingSource) Units(context.Context) ([]Unit, error) { return nil, nil }
func (f *countingSource) Query(context.Context, string, int) (Rows, error) {
	return Rows{}, nil
}
func (f *countingSource) Close() error { return nil }

func (f *countingSource) Sample(ctx context.Context, u Unit, n int) (Sample, error) {
	f.mu.Lock()
	f.sizes = append(f.sizes, n)
	calls := len(f.sizes)
	f.mu.Unlock()
	if f.block && calls > 1 {
		<-ctx.Done()
		return Sample{}, fmt.Errorf("sample: %w", ctx.Err())
	}
	rows := min(n, f.rows)
	out := Sample{Rows: rows, Values: map[string][]string{}}
	for _, c := range u.Columns {
		for i := range rows {
			out.Values[c.Name] = append(out.Values[c.Name], fmt.Sprintf("v%d", i))
		}
	}
	return out, nil
}

func (f *countingSource) calls() []int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]int(nil), f.sizes...)
}

// bandClassifier puts the column named "near" just above the threshold when it sees at most
// enough values and well above with more; every other column is far from it.
type bandClassifier struct{ enough int }

func (b bandClassifier) Classify(col detect.Column) detect.Result {
	r := detect.Result{Category: detect.None, Confidence: 0.1, Evidence: detect.Evidence{Signals: []string{"fake"}, Sampled: col.Sampled}}
	if col.Name == "near" {
		r.Category, r.Personal, r.Confidence = detect.Email, true, 0.62
		if len(col.Values) > b.enough {
			r.Confidence = 0.95
		}
	}
	return r
}

func adaptiveUnit() Unit {
	return Unit{Source: "crm", Database: "main", Schema: "main", Table: "contacts",
		Columns: []ColumnInfo{{Name: "id", DataType: "INTEGER"}, {Name: "near", DataType: "TEXT"}, {Name: "far", DataType: "TEXT"}}}
}

func newTestScanner(t *testing.T, enough int) *Scanner {
	t.Helper()
	s, err := New(bandClassifier{enough: enough}, rules.Set{})
	require.NoError(t, err)
	return s
}

func TestAdaptiveSampling(t *testing.T) {
	tests := []struct {
		name      string
		rows, n   int
		unit      func(Unit) Unit
		wantSizes []int
		wantConf  float64
		wantSig   string
	}{
		{"near threshold, full sample: sample again 4x", 10000, 200, nil, []int{200, 800}, 0.95, "sample:enlarged"},
		{"larger sample bounded", 10000, 2000, nil, []int{2000, adaptiveMax}, 0.95, "sample:enlarged"},
		{"small table: the first sample has every row", 150, 200, nil, []int{200}, 0.62, ""},
		{"short sample of a big table", 150, 200, func(u Unit) Unit { u.RowEstimate = 100000; return u }, []int{200, 800}, 0.62, "sample:enlarged"},
		{"no column near the threshold", 10000, 200, func(u Unit) Unit { u.Columns = u.Columns[:1]; return u }, []int{200}, 0, ""},
		{"at the bound already", 10000, adaptiveMax, nil, []int{adaptiveMax}, 0.62, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := &countingSource{rows: tt.rows}
			u := adaptiveUnit()
			if tt.unit != nil {
				u = tt.unit(u)
			}
			_, items, err := newTestScanner(t, tt.n).classifyUnit(context.Background(), Target{Name: "crm", Source: src}, u, tt.n)
			require.NoError(t, err)
			assert.Equal(t, tt.wantSizes, src.calls())
			for _, it := range items {
				if it.Column != "near" {
					assert.NotContains(t, it.Evidence.Signals, "sample:enlarged", "only columns near the threshold are classified again")
					continue
				}
				assert.Equal(t, tt.wantConf, it.Confidence)
				if tt.wantSig != "" {
					assert.Contains(t, it.Evidence.Signals, tt.wantSig)
					assert.Equal(t, min(tt.wantSizes[len(tt.wantSizes)-1], tt.rows), it.Evidence.Sampled)
				} else {
					assert.NotContains(t, it.Evidence.Signals, "sample:enlarged")
				}
			}
		})
	}
}

func TestAdaptiveSamplingTimeBound(t *testing.T) {
	src := &countingSource{rows: 10000, block: true}
	cfg := &config.Config{Discovery: config.Discovery{TableTimeBudget: config.Duration(30 * time.Millisecond)}}
	start := time.Now()
	_, items, err := newTestScanner(t, 200).classifyUnit(context.Background(), Target{Name: "crm", Source: src, Config: cfg}, adaptiveUnit(), 200)
	require.NoError(t, err, "running out of time keeps what the first sample gave")
	assert.Less(t, time.Since(start), 2*time.Second)
	assert.Equal(t, []int{200, 800}, src.calls())
	require.Len(t, items, 3)
	near := items[1]
	assert.Equal(t, 0.62, near.Confidence)
	assert.True(t, near.Personal)
	assert.Contains(t, near.Evidence.Signals, "sample:time_bounded")
	assert.NotContains(t, items[2].Evidence.Signals, "sample:time_bounded")
}

func TestAdaptiveSamplingCancelled(t *testing.T) {
	src := &countingSource{rows: 10000, block: true}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, _, err := newTestScanner(t, 200).classifyUnit(ctx, Target{Name: "crm", Source: src}, adaptiveUnit(), 200)
	require.ErrorIs(t, err, context.DeadlineExceeded, "a cancelled scan is not a time-bounded table")
}

func TestColumnOverrides(t *testing.T) {
	no := false
	cfg := &config.Config{Discovery: config.Discovery{Overrides: []config.ColumnOverride{
		{Table: "main.contacts", Column: "NEAR", Personal: &no, Reason: "test addresses only"},
		{Table: "contacts", Column: "far", Category: "health", Reason: "diagnosis codes"},
		{Source: "other", Table: "contacts", Column: "id", Category: "national_id", Reason: "another source"},
	}}}
	src := &countingSource{rows: 10}
	tbl, items, err := newTestScanner(t, 200).classifyUnit(context.Background(), Target{Name: "crm", Source: src, Config: cfg}, adaptiveUnit(), 200)
	require.NoError(t, err)
	byName := map[string]InventoryItem{}
	for _, it := range items {
		byName[it.Column] = it
	}
	near := byName["near"]
	assert.False(t, near.Personal)
	assert.Equal(t, detect.None, near.Category)
	assert.Equal(t, 0.0, near.Confidence)
	assert.Contains(t, near.Evidence.Signals, "override:test addresses only")
	assert.Empty(t, near.MaskedExamples)

	far := byName["far"]
	assert.True(t, far.Personal)
	assert.Equal(t, detect.Health, far.Category)
	assert.Equal(t, 1.0, far.Confidence)
	assert.Contains(t, far.Evidence.Signals, "override:diagnosis codes")
	assert.Contains(t, far.Evidence.Signals, "fake", "the classifier's evidence stays")

	assert.False(t, byName["id"].Personal, "an override of another source does not apply")
	c, ok := tbl.Column("far")
	require.True(t, ok)
	assert.Equal(t, detect.Health, c.Class.Category, "the compliance rules see the override")
}

// A masked key keeps its first character whole, whatever its script, and nothing else.
func TestMaskedKeyKeepsFirstRune(t *testing.T) {
	for in, want := range map[any]string{"Özgür": "Ö***", "王小明": "王***", "alice": "a***", int64(4711): "4***", "": ""} {
		got := keyText(in, true)
		assert.Equal(t, want, got, "%v", in)
		assert.True(t, utf8.ValidString(got), "%q is valid UTF-8", got)
	}
	assert.Equal(t, "Özgür", keyText("Özgür", false))
}
