package detect

import (
	"testing"
)

// BenchmarkClassifyParallel classifies the benchmark columns of every detector family on
// every core at once, as the scanner does: values/s across cores, which shows whether the
// classifier scales (shared caches, locks) beyond BenchmarkClassify's one core.
func BenchmarkClassifyParallel(b *testing.B) {
	c := newTestClassifier(b, WithCustomDetectors(benchCustom))
	var cols []Column
	values := 0
	for _, col := range benchColumns() {
		c.Classify(col) // warm the caches
		cols = append(cols, col)
		values += len(col.Values)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Classify(cols[i%len(cols)])
			i++
		}
	})
	b.ReportMetric(float64(b.N)*float64(values)/float64(len(cols))/b.Elapsed().Seconds(), "values/s")
}
