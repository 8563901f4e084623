package scanner

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// recordingSource returns rows rows for every column asked and records which columns
// each Sample call asked for; failures[table] errors are returned first, in order.
type recordingSource struct {
	rows int

	mu       sync.Mutex
	asked    [][]string
	failures map[string][]error
}

func (f *recordingSource) Dialect() dialect.Dialect { return dialect.SQLite }
func (f *recordingSource) Units(context.Context) ([]Unit, error) {
	var units []Unit
	for _, name := range []string{"a", "b"} {
		units = append(units, Unit{Source: "s", Database: "main", Schema: "main", Table: name, RowEstimate: 100000,
			PrimaryKey: []string{"id"}, Columns: []ColumnInfo{{Name: "id", DataType: "integer"}, {Name: "maybe", DataType: "text"}, {Name: "other", DataType: "text"}}})
	}
	return units, nil
}
func (f *recordingSource) Query(context.Context, string, int) (Rows, error) { return Rows{}, nil }
func (f *recordingSource) Close() error                                     { return nil }
func (f *recordingSource) Retryable(err error) bool                         { return !errors.Is(err, errPermanent) }

var errPermanent = errors.New("permission denied for table")

func (f *recordingSource) Sample(_ context.Context, u Unit, n int) (Sample, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var names []string
	for _, c := range u.Columns {
		names = append(names, c.Name)
	}
	f.asked = append(f.asked, names)
	if errs := f.failures[u.Table]; len(errs) > 0 {
		f.failures[u.Table] = errs[1:]
		return Sample{}, fmt.Errorf("sample %s: %w", u.ID(), errs[0])
	}
	out := Sample{Rows: min(n, f.rows), Values: map[string][]string{}}
	for _, c := range u.Columns {
		for i := range out.Rows {
			out.Values[c.Name] = append(out.Values[c.Name], fmt.Sprint(i))
		}
	}
	return out, nil
}

// nearClassifier puts column "maybe" right at the threshold, so it is sampled again.
type nearClassifier struct{}

func (nearClassifier) Classify(c detect.Column) detect.Result {
	if c.Name == "maybe" {
		return detect.Result{Confidence: detect.Threshold}
	}
	return detect.Result{}
}

// The adaptive second sample reads only the columns classified again (and the key), so
// a wide table's larger sample does not re-read every column.
func TestLargerSampleReadsOnlyUndecidedColumns(t *testing.T) {
	src := &recordingSource{rows: 1000}
	sc, err := New(nearClassifier{}, rules.Set{})
	require.NoError(t, err)
	res, err := sc.Scan(context.Background(), Target{Name: "s", Source: src})
	require.NoError(t, err)
	require.Equal(t, 2, res.Summary.TablesScanned)
	// Tables are sampled concurrently, so only the set of reads is fixed, not their order.
	require.ElementsMatch(t, [][]string{{"id", "maybe", "other"}, {"id", "maybe"}, {"id", "maybe", "other"}, {"id", "maybe"}}, src.asked)
}

// A transient failure is retried; a permanent one is not; the error names the table once.
func TestSampleRetry(t *testing.T) {
	src := &recordingSource{rows: 10, failures: map[string][]error{
		"a": {errors.New("connection reset"), errors.New("connection reset")}, // third try works
		"b": {errPermanent},
	}}
	sc, err := New(nearClassifier{}, rules.Set{}, WithRetry(RetryPolicy{Attempts: 3, Backoff: 0}))
	require.NoError(t, err)
	res, err := sc.Scan(context.Background(), Target{Name: "s", Source: src})
	require.NoError(t, err)
	require.Equal(t, 1, res.Summary.TablesScanned)
	require.Equal(t, []TableError{{Table: "main.b", Error: "sample s/main/main.b: permission denied for table"}}, res.Summary.TablesFailed)
	require.Len(t, src.asked, 5, "a: 3 tries and its larger sample; b: 1 try")

	src = &recordingSource{rows: 10, failures: map[string][]error{"a": {errors.New("reset"), errors.New("reset"), errors.New("reset")}}}
	sc, err = New(nearClassifier{}, rules.Set{}, WithRetry(RetryPolicy{Attempts: 3, Backoff: 0}))
	require.NoError(t, err)
	res, err = sc.Scan(context.Background(), Target{Name: "s", Source: src})
	require.NoError(t, err)
	require.Equal(t, []TableError{{Table: "main.a", Error: "gave up after 3 attempts: sample s/main/main.a: reset"}}, res.Summary.TablesFailed)
}

type panickyClassifier struct{}

func (panickyClassifier) Classify(c detect.Column) detect.Result {
	if c.Table == "a" {
		panic("slice bounds out of range [:24] with length 19")
	}
	return detect.Result{}
}

// A classifier panic fails that table, with the reason, and the scan goes on.
func TestClassifierPanicFailsOnlyThatTable(t *testing.T) {
	sc, err := New(panickyClassifier{}, rules.Set{})
	require.NoError(t, err)
	res, err := sc.Scan(context.Background(), Target{Name: "s", Source: &recordingSource{rows: 5}})
	require.NoError(t, err)
	require.Equal(t, 1, res.Summary.TablesScanned)
	require.Len(t, res.Summary.TablesFailed, 1)
	require.Equal(t, "main.a", res.Summary.TablesFailed[0].Table)
	require.Contains(t, res.Summary.TablesFailed[0].Error, "the classifier failed on a sampled value")
}

// The real classifier on values found by fuzzing rules/detect: whatever it makes of them,
// no panic ends the scan.
func TestHostileValuesNeverEndTheScan(t *testing.T) {
	c, err := detect.New()
	require.NoError(t, err)
	src := &valueSource{values: []string{"ȺȺȺȺȺȺȺȺ#12", "AA\xa9\xa9\xa9\xa9\xa9#00", "+49 30 901820"}}
	sc, err := New(c, rules.Set{})
	require.NoError(t, err)
	res, err := sc.Scan(context.Background(), Target{Name: "s", Source: src})
	require.NoError(t, err)
	require.Equal(t, 1, res.Summary.TablesScanned+len(res.Summary.TablesFailed))
	for _, f := range res.Summary.TablesFailed {
		t.Logf("reported: %s", f.Error)
		require.Contains(t, f.Error, "the classifier failed on a sampled value")
	}
}

// valueSource has one table "contacts" whose phone column holds values, through a Budget
// as the engines do.
type valueSource struct{ values []string }

func (f *valueSource) Dialect() dialect.Dialect { return dialect.SQLite }
func (f *valueSource) Units(context.Context) ([]Unit, error) {
	return []Unit{{Source: "s", Database: "main", Schema: "main", Table: "contacts", RowEstimate: int64(len(f.values)),
		Columns: []ColumnInfo{{Name: "phone", DataType: "text"}}}}, nil
}
func (f *valueSource) Query(context.Context, string, int) (Rows, error) { return Rows{}, nil }
func (f *valueSource) Close() error                                     { return nil }
func (f *valueSource) Sample(_ context.Context, u Unit, n int) (Sample, error) {
	b := NewBudget(n, len(u.Columns))
	out := Sample{Rows: len(f.values), Values: map[string][]string{}}
	for _, v := range f.values {
		out.Values["phone"] = append(out.Values["phone"], b.Add(v))
	}
	return out, nil
}

func TestBudget(t *testing.T) {
	b := NewBudget(200, 10)
	require.Equal(t, MaxSampleChars, b.ValueChars(), "a narrow table keeps whole values up to the cap")
	wide := NewBudget(800, 381)
	require.Equal(t, MinSampleChars, wide.ValueChars())
	cut := wide.Add(strings.Repeat("ä", 100)) // 200 bytes
	require.Len(t, cut, MinSampleChars)
	require.True(t, utf8.ValidString(cut), "cut at a rune boundary")
	require.Equal(t, "A\uFFFDB", wide.Add("A\xffB"))
	long := strings.Repeat("x", 1000)
	for !wide.Full() {
		wide.Add(long)
	}
	require.LessOrEqual(t, MaxSampleBytes, MaxSampleBytes-wide.left)
}
