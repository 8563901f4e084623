package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/scanner"
)

// Phase is what one phase of the scan cost. Wall is elapsed time; Busy is time summed over
// workers (queries for sampling and rules, CPU for classification), so Busy/Wall shows
// how much ran at once. Peak memory is the highest process RSS and Go heap seen while
// the phase ran (sampling and classification share one window, as do the rule families).
type Phase struct {
	Name       string  `json:"name"`
	WallS      float64 `json:"wall_s"`
	BusyS      float64 `json:"busy_s"`
	Queries    int64   `json:"queries"`
	Rows       int64   `json:"rows"`
	Units      int     `json:"units"`
	PeakRSSMB  float64 `json:"peak_rss_mb"`
	PeakHeapMB float64 `json:"peak_heap_mb"`
}

// Scan is one measured scan.
type Scan struct {
	TotalS     float64  `json:"total_s"`
	PeakRSSMB  float64  `json:"peak_rss_mb"`
	PeakHeapMB float64  `json:"peak_heap_mb"`
	Phases     []Phase  `json:"phases"`
	Tables     int      `json:"tables_scanned"`
	Failed     int      `json:"tables_failed"`
	Failures   []string `json:"failures,omitempty"` // table or rule, and the scrubbed error
	Columns    int      `json:"columns"`
	Personal   int      `json:"personal_columns"`
	Findings   int      `json:"findings"`
}

// Peer is one timed run of another scanner on the same database.
type Peer struct {
	Name     string  `json:"name"`
	Command  string  `json:"command"`
	WallS    float64 `json:"wall_s"`
	Lines    int     `json:"output_lines"`
	ExitCode int     `json:"exit_code"`
}

// ScanOptions say how the scan is run.
type ScanOptions struct {
	Quick       bool // scan --dsn: no mapping, so the consent and retention rules do not run
	Concurrency int  // sources[].concurrency; 0 for the default
	SampleSize  int  // 0 for the default
	OutDir      string
	Logger      *slog.Logger     // nil discards
	Now         func() time.Time // the clock rules measure periods from; nil for time.Now
}

// RunScan scans db once through the pipeline, as `gdprscan scan` does, and measures it.
func RunScan(ctx context.Context, db *Database, o ScanOptions) (Scan, error) {
	cfg, err := scanConfig(db, o)
	if err != nil {
		return Scan{}, err
	}
	runtime.GC()
	debug.FreeOSMemory() // the generator's garbage is not the scan's
	w := startWatch()
	defer w.stop()
	var mu sync.Mutex
	var phases []Phase
	group := ""
	var groupRSS, groupHeap float64
	stat := func(p scanner.PhaseStat) {
		mu.Lock()
		defer mu.Unlock()
		g := p.Phase
		switch {
		case g == "sampling" || g == "classification":
			g = "tables"
		case strings.HasPrefix(g, "rules/"):
			g = "rules"
		}
		if g != group {
			group = g
			groupRSS, groupHeap = w.window()
		}
		phases = append(phases, Phase{Name: p.Phase, WallS: p.Wall.Seconds(), BusyS: p.Busy.Seconds(), Queries: p.Queries, Rows: p.Rows,
			Units: p.Units, PeakRSSMB: groupRSS, PeakHeapMB: groupHeap})
	}
	start := time.Now()
	out, err := scan(ctx, cfg, o, stat)
	if err != nil {
		return Scan{}, err
	}
	s := Scan{TotalS: time.Since(start).Seconds(), Phases: phases, Findings: len(out.Report.Findings)}
	s.PeakRSSMB, s.PeakHeapMB = w.total()
	for _, src := range out.Report.Sources {
		s.Tables += src.TablesScanned
		s.Failed += len(src.TablesFailed)
		for _, f := range src.TablesFailed {
			s.Failures = append(s.Failures, f.Table+": "+f.Error)
		}
		if src.Error != "" {
			return s, fmt.Errorf("bench: source %s failed: %s", src.Name, src.Error)
		}
	}
	for _, it := range out.Report.Inventory {
		s.Columns++
		if it.Personal {
			s.Personal++
		}
	}
	return s, nil
}

func scan(ctx context.Context, cfg *config.Config, o ScanOptions, stat func(scanner.PhaseStat)) (*pipeline.Outcome, error) {
	out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, OutDir: o.OutDir, Formats: []string{"json", "xlsx"}, PhaseStats: stat, Logger: o.Logger, Now: o.Now})
	if err != nil {
		return nil, fmt.Errorf("bench: scan: %w", err)
	}
	return out, nil
}

// scanConfig is the quick config of `scan --dsn`, or with Quick false the same source with
// a mapping of the generated CRM, so that every rule family runs.
func scanConfig(db *Database, o ScanOptions) (*config.Config, error) {
	var cfg *config.Config
	var err error
	if o.Quick {
		cfg, err = pipeline.QuickConfig(db.DSN)
	} else {
		// The DSN goes in as YAML's double-quoted string (JSON's escapes), since the
		// config checks it at load.
		dsn, _ := json.Marshal(db.DSN)
		yml := strings.NewReplacer("KIND", db.Engine, "DSN", string(dsn)).Replace(mappedYAML)
		cfg, err = config.Load([]byte(yml), "bench mapping")
	}
	if err != nil {
		return nil, err
	}
	cfg.Sources[0].Concurrency = o.Concurrency
	if o.SampleSize > 0 {
		cfg.Sources[0].SampleSize = o.SampleSize
	}
	cfg.Report.OutDir = o.OutDir
	return cfg, nil
}

// mappedYAML maps the first table of each kind, the way a user maps their own CRM.
const mappedYAML = `
organisation:
  controller: "Bench GmbH"
  scope: bench
sources:
  - name: crm
    kind: KIND
    dsn: DSN
    mapping:
      subjects:
        - table: contacts
          key: id
          lawful_basis_column: lawful_basis
          marketable: "marketing_opt_in = 1"
          soft_deleted: "is_deleted = 1"
          deleted_at_column: deleted_at
          email_column: email
          created_column: created_at
          birth_date_column: birth_date
          country_column: country_code
        - table: leads
          key: id
          email_column: email
          created_column: created_at
      consent:
        table: consent_records
        subject_key: contact_id
        subject_table: contacts
        purpose_column: purpose
        status_column: status
        channel_column: channel
        captured_at_column: captured_at
        marketing_purpose: email_marketing
      sends:
        - {table: activities, subject_key: contact_id, at_column: occurred_at, filter: "activity_type = 'email'"}
      interactions:
        - {table: activities, subject_key: contact_id, at_column: occurred_at, filter: "activity_type = 'web_visit'"}
      contracts:
        - {table: orders, subject_key: contact_id}
      retention:
        - id: leads-3y
          table: leads
          key: id
          applies_to: prospects
          subject_filter: "status <> 'won'"
          anchor: created_at
          period: P3Y
          end_action: delete
          legal_basis: "3 years from last contact"
        - id: customers-3y
          table: contacts
          key: id
          applies_to: customers
          subject_filter: "is_deleted = 0 AND EXISTS (SELECT 1 FROM orders o WHERE o.contact_id = t.id)"
          anchor: "(SELECT MAX(o.ordered_at) FROM orders o WHERE o.contact_id = t.id)"
          period: P3Y
          end_action: anonymise
          legal_basis: "3 years after the last purchase"
      logs:
        - {table: audit_log, at_column: logged_at}
`

// RunPeer times another scanner's command on the same database.
func RunPeer(ctx context.Context, name string, argv []string) (Peer, error) {
	p := Peer{Name: name, Command: strings.Join(redactArgs(argv), " ")}
	cmd := exec.CommandContext(ctx, argv[0], argv[1:]...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	p.WallS = time.Since(start).Seconds()
	p.Lines = strings.Count(string(out), "\n")
	if cmd.ProcessState != nil {
		p.ExitCode = cmd.ProcessState.ExitCode()
	}
	if err != nil && cmd.ProcessState == nil {
		return p, fmt.Errorf("bench: run %s: %w", name, err)
	}
	return p, nil
}

// redactArgs hides passwords in DSN arguments.
func redactArgs(argv []string) []string {
	out := make([]string, len(argv))
	for i, a := range argv {
		out[i] = a
		if at := strings.Index(a, "@"); at > 0 {
			if scheme := strings.Index(a, "://"); scheme > 0 && scheme < at {
				if colon := strings.Index(a[scheme+3:at], ":"); colon >= 0 {
					out[i] = a[:scheme+3+colon] + ":xxx" + a[at:]
				}
			}
		}
	}
	return out
}

// watch samples the process's RSS and Go heap every 10 ms.
type watch struct {
	mu                  sync.Mutex
	rss, heap           float64 // peaks of the current window
	totalRSS, totalHeap float64
	done                chan struct{}
	wg                  sync.WaitGroup
}

func startWatch() *watch {
	w := &watch{done: make(chan struct{})}
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	w.wg.Go(func() {
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			heap := float64(sample[0].Value.Uint64()) / 1e6
			rss := rssMB()
			w.mu.Lock()
			w.rss, w.heap = max(w.rss, rss), max(w.heap, heap)
			w.totalRSS, w.totalHeap = max(w.totalRSS, rss), max(w.totalHeap, heap)
			w.mu.Unlock()
			select {
			case <-w.done:
				return
			case <-t.C:
			}
		}
	})
	return w
}

// window returns the peaks since the last call and starts a new window.
func (w *watch) window() (rss, heap float64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	rss, heap = w.rss, w.heap
	w.rss, w.heap = 0, 0
	return rss, heap
}

func (w *watch) total() (rss, heap float64) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.totalRSS, w.totalHeap
}

func (w *watch) stop() {
	select {
	case <-w.done:
	default:
		close(w.done)
	}
	w.wg.Wait()
}

// rssMB reads the resident set size from /proc (Linux); 0 elsewhere.
func rssMB() float64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseInt(f[1], 10, 64)
	return float64(pages*int64(os.Getpagesize())) / 1e6
}

// LoadAverage is the 1-minute load average (Linux), to judge how noisy a run was.
func LoadAverage() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return 0
	}
	v, _ := strconv.ParseFloat(f[0], 64)
	return v
}
