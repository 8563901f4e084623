package reports

import (
	"runtime"
	"sync"
	"testing"
	"time"
)

// BenchmarkXLSXLarge writes the workbook of a large scan: 100,000 inventory rows and
// 100,000 findings. Besides time per workbook it reports memory, measured by sampling
// runtime.ReadMemStats every 5 ms while the workbook is written:
//
//   - peak-heap-MB: the highest HeapAlloc seen, input report included;
//   - write-heap-MB: that peak minus the heap before the write (the writer's own);
//   - MB/file: the size of the workbook.
//
// Run it with: go test ./reports -run '^$' -bench XLSXLarge -benchtime 3x
func BenchmarkXLSXLarge(b *testing.B) {
	r := benchReport(100_000, 100_000)
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)

	var mu sync.Mutex
	var peak uint64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-stop:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				mu.Lock()
				peak = max(peak, ms.HeapAlloc)
				mu.Unlock()
			}
		}
	}()

	var size int64
	b.ResetTimer()
	for b.Loop() {
		var cw countWriter
		if err := (XLSXReporter{}).Write(b.Context(), &cw, r); err != nil {
			b.Fatal(err)
		}
		size = int64(cw)
	}
	b.StopTimer()
	close(stop)
	wg.Wait()
	mu.Lock()
	defer mu.Unlock()
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(peak-min(peak, base.HeapAlloc))/(1<<20), "write-heap-MB")
	b.ReportMetric(float64(size)/1e6, "MB/file")
}
