package scannertest

import (
	"context"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/scanner"
)

// CheckWideSample samples the wide view with n rows and returns the peak heap in MB. The
// sample holds at most scanner.MaxSampleBytes of text, however wide the table.
func CheckWideSample(t testing.TB, src scanner.Source, n int) (peakMB float64, smp scanner.Sample) {
	t.Helper()
	units, err := src.Units(context.Background())
	require.NoError(t, err)
	var wide scanner.Unit
	for _, u := range units {
		if u.Table == "wide" {
			wide = u
		}
	}
	require.Len(t, wide.Columns, WideColumns+1)
	var serr error
	peak := PeakHeap(func() { smp, serr = src.Sample(context.Background(), wide, n) })
	require.NoError(t, serr)
	held := 0
	for _, vs := range smp.Values {
		for _, v := range vs {
			held += len(v)
		}
	}
	require.LessOrEqual(t, held, scanner.MaxSampleBytes+scanner.MaxSampleChars*(WideColumns+1), "bytes held")
	// Past MaxSampleBytes/(columns*MinSampleChars) rows (689 here) the budget stops it.
	require.GreaterOrEqual(t, smp.Rows, min(n, scanner.MaxSampleBytes/(WideColumns*scanner.MinSampleChars)-1), "rows")
	return float64(peak) / (1 << 20), smp
}
