package cluster

import (
	"context"
	"errors"
	"sync"

	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// The scanner walks a whole source: it classifies every table, then runs the rules over
// all of them (a rule may join a person table with its consent table). A cluster splits
// that walk in two without changing the scanner:
//
//   - a table job scans its batch alone — batchSource lists only the batch's tables — with
//     no rules, which gives the batch's classifications;
//   - the source's evaluate job scans the source again with replay standing in for the
//     sampling and the classifier: each table "classifies" to what its table job found,
//     without a query, and the rules then run against the real source as in one scan.

// batchSource is a source whose catalogue is a batch of its tables.
type batchSource struct {
	scanner.Source
	units []scanner.Unit
}

func (b batchSource) Units(context.Context) ([]scanner.Unit, error) { return b.units, nil }

// errReplayed answers the scanner's request for a larger sample of a table near the
// confidence threshold: the table job took it already, and the scanner keeps the first
// classification when a larger sample fails.
var errReplayed = errors.New("classification replayed from the table job")

// replay lists the tables its table jobs classified, answers the scanner's sample of
// each with nothing, and classifies each column as its table job did. The scanner
// samples and classifies tables concurrently, so the sampled set is guarded and a
// column is looked up by its own schema and table.
type replay struct {
	scanner.Source
	units   []scanner.Unit
	classes map[string]detect.Result // columnKey → its table job's classification; read-only

	mu      sync.Mutex
	sampled map[string]bool
}

func newReplay(src scanner.Source, units []scanner.Unit, items []scanner.InventoryItem) *replay {
	r := &replay{Source: src, units: units, classes: map[string]detect.Result{}, sampled: map[string]bool{}}
	for _, it := range items {
		r.classes[columnKey(it.Schema, it.Table, it.Column)] = detect.Result{Category: it.Category, Personal: it.Personal,
			Confidence: it.Confidence, Evidence: it.Evidence, MaskedExamples: it.MaskedExamples}
	}
	return r
}

func columnKey(schema, table, column string) string { return schema + "\x00" + table + "\x00" + column }

func (r *replay) Units(context.Context) ([]scanner.Unit, error) { return r.units, nil }

func (r *replay) Sample(_ context.Context, u scanner.Unit, _ int) (scanner.Sample, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.sampled[u.ID()] {
		return scanner.Sample{}, errReplayed
	}
	r.sampled[u.ID()] = true
	return scanner.Sample{Values: map[string][]string{}}, nil
}

// Classify returns the table job's classification of the column.
func (r *replay) Classify(col detect.Column) detect.Result {
	if res, ok := r.classes[columnKey(col.Schema, col.Table, col.Name)]; ok {
		return res
	}
	// Not classified by its table job (it cannot happen for a table the job scanned):
	// not personal, and said so.
	return detect.Result{Evidence: detect.Evidence{Signals: []string{"cluster:not_classified"}}, MaskedExamples: []string{}}
}
