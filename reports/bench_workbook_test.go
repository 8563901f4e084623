package reports

import "testing"

// BenchmarkWorkbookFindings100k writes the DPIA workbook of a scan with 100,000 findings
// over a 1,000-column inventory: issue 12's target is at most 5 s for it. Run with
//
//	go test ./reports -run '^$' -bench WorkbookFindings -benchtime 3x
func BenchmarkWorkbookFindings100k(b *testing.B) {
	r := benchReport(100_000, 1_000) // findings, inventory rows
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
