package reports

import (
	"os"
	"path/filepath"
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
// Run it with: go test ./reports -run '^$' -bench Large -benchtime 3x
func BenchmarkXLSXLarge(b *testing.B) {
	r := benchReport(100_000, 100_000)
	peak := watchHeap()
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
	peak.report(b, "write")
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

// BenchmarkReadAnnotationsLarge reads the DPO entries back from the same large
// workbook, as the next scan does: 1,000 annotated findings among 100,000 rows.
func BenchmarkReadAnnotationsLarge(b *testing.B) {
	r := benchReport(100_000, 100_000)
	prev := &Annotations{Tables: map[string]map[string]Entry{sheetFindings: {}}}
	for i := 0; i < len(r.Findings); i += 100 {
		prev.Tables[sheetFindings][r.Findings[i].Fingerprint] = Entry{Values: map[string]string{colDPOStatus: DPOStatusAccepted, colOwner: "DPO"}}
	}
	r.DPIA.Previous = prev
	path := filepath.Join(b.TempDir(), "large.xlsx")
	out, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := (XLSXReporter{}).Write(b.Context(), out, r); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
	r = Report{}
	peak := watchHeap()
	b.ResetTimer()
	for b.Loop() {
		ann, err := ReadAnnotations(path)
		if err != nil {
			b.Fatal(err)
		}
		if len(ann.Findings) != 1000 {
			b.Fatalf("read %d annotated findings, want 1000", len(ann.Findings))
		}
	}
	b.StopTimer()
	peak.report(b, "read")
}

// heapWatch samples HeapAlloc every 5 ms from its start.
type heapWatch struct {
	base uint64
	mu   sync.Mutex
	peak uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func watchHeap() *heapWatch {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	w := &heapWatch{base: ms.HeapAlloc, stop: make(chan struct{})}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		var ms runtime.MemStats
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-w.stop:
				return
			case <-tick.C:
				runtime.ReadMemStats(&ms)
				w.mu.Lock()
				w.peak = max(w.peak, ms.HeapAlloc)
				w.mu.Unlock()
			}
		}
	}()
	return w
}

// report stops the watch and reports peak-heap-MB (input included) and
// <what>-heap-MB (the peak above the heap at the start).
func (w *heapWatch) report(b *testing.B, what string) {
	close(w.stop)
	w.wg.Wait()
	w.mu.Lock()
	defer w.mu.Unlock()
	b.ReportMetric(float64(w.peak)/(1<<20), "peak-heap-MB")
	b.ReportMetric(float64(w.peak-min(w.peak, w.base))/(1<<20), what+"-heap-MB")
}
