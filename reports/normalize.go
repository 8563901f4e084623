package reports

import "slices"

// normalized returns a sorted copy of r whose slices are never nil, so every format
// writes the same order and JSON shows [] instead of null. The caller's slices are
// not touched: Sort works in place and a Report is often shared between reporters.
func (r Report) normalized() Report {
	if r.SchemaVersion == 0 {
		// A zero version only means the caller did not set it; the writer knows which
		// contract it produces.
		r.SchemaVersion = SchemaVersion
	}
	r.Sources = slices.Clone(nonNil(r.Sources))
	for i := range r.Sources {
		r.Sources[i].TablesFailed = slices.Clone(nonNil(r.Sources[i].TablesFailed))
	}
	r.Inventory = slices.Clone(nonNil(r.Inventory))
	for i := range r.Inventory {
		it := &r.Inventory[i]
		it.MaskedExamples = nonNil(it.MaskedExamples)
		it.Evidence.Signals = nonNil(it.Evidence.Signals)
	}
	r.Findings = slices.Clone(nonNil(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		f.Articles = nonNil(f.Articles)
		f.SampleKeys = nonNil(f.SampleKeys)
	}
	r.NotEvaluated = slices.Clone(nonNil(r.NotEvaluated))
	r.Rules = slices.Clone(r.Rules)
	r.Sort()
	return r
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
