package scanner

import (
	"fmt"
	"testing"
	"time"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
)

// BenchmarkScan scans a fake CRM whose every call answers at once, so what it measures
// is the scanner's own cost: classification (on every core) plus planning and judging the
// checks. Compare commits with benchstat (make bench-go).
func BenchmarkScan(b *testing.B) {
	c, err := detect.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, tables := range []int{100, 1000} {
		for _, limit := range []int{1, 2, 4} {
			b.Run(fmt.Sprintf("tables=%d/limit=%d", tables, limit), func(b *testing.B) {
				src := newCRMSource(tables)
				src.delay = 0
				s, err := New(c, rules.Default(), WithConcurrency(limit), WithClock(func() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }))
				if err != nil {
					b.Fatal(err)
				}
				b.ReportAllocs()
				for b.Loop() {
					res, err := s.Scan(b.Context(), Target{Name: "crm", Kind: "postgres", Source: src})
					if err != nil || res.Summary.TablesScanned != tables {
						b.Fatalf("scanned %d of %d tables: %v", res.Summary.TablesScanned, tables, err)
					}
				}
				b.ReportMetric(float64(b.N*tables)/b.Elapsed().Seconds(), "tables/s")
			})
		}
	}
}
