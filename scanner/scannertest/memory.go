package scannertest

import (
	"database/sql"
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

// Wide-table fixture: the shape that once took 2.47 GB to sample (381 text columns of
// ~5 KB, sample_size 800, and an adaptive second sample four times larger).
const (
	WideColumns = 381
	WideRows    = 1000
	WideValue   = 5000 // characters per value
)

// CreateWideView creates the view "wide": WideRows rows of WideColumns text columns of
// WideValue characters, computed by the server so the fixture costs no storage.
func CreateWideView(t testing.TB, d dialect.Dialect, admin *sql.DB) {
	t.Helper()
	reps := WideValue / 32
	cols := make([]string, WideColumns)
	var q string
	switch d {
	case dialect.Postgres:
		for i := range cols {
			cols[i] = fmt.Sprintf("repeat(md5((g * %d)::text), %d) AS note_%d", i+1, reps, i+1)
		}
		q = "CREATE VIEW wide AS SELECT g AS id, " + strings.Join(cols, ", ") + fmt.Sprintf(" FROM generate_series(1, %d) g", WideRows)
	case dialect.MySQL:
		for i := range cols {
			cols[i] = fmt.Sprintf("REPEAT(MD5(seq * %d), %d) AS note_%d", i+1, reps, i+1)
		}
		q = "CREATE VIEW wide AS SELECT seq AS id, " + strings.Join(cols, ", ") + fmt.Sprintf(" FROM seq_1_to_%d", WideRows)
	default:
		t.Fatalf("no wide view for %s", d)
	}
	if _, err := admin.Exec(q); err != nil {
		t.Fatal(err)
	}
}

// PeakHeap runs f and returns the highest heap in use above what it was before, polled
// every few milliseconds (garbage not yet collected included, as it is in the RSS).
func PeakHeap(f func()) uint64 {
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	stop, done := make(chan struct{}), make(chan uint64)
	go func() {
		var m runtime.MemStats
		var peak uint64
		tick := time.NewTicker(2 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	f()
	close(stop)
	peak := <-done
	if peak < base.HeapAlloc {
		return 0
	}
	return peak - base.HeapAlloc
}
