// Command gdprscan-bench generates a large CRM in PostgreSQL and/or MariaDB, scans it as
// `gdprscan scan` does and prints what each phase cost; the results go to a JSON file so
// two commits can be compared (-compare old.json new.json). See docs/benchmarks.md.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gdprscan/gdprscan/internal/bench"
)

// Results is the JSON file one bench invocation writes.
type Results struct {
	Commit     string    `json:"commit"`
	Go         string    `json:"go"`
	GOMAXPROCS int       `json:"gomaxprocs"`
	CPU        string    `json:"cpu"`
	StartedAt  time.Time `json:"started_at"`
	LoadBefore float64   `json:"load_before"`
	LoadAfter  float64   `json:"load_after"`
	Runs       []Run     `json:"runs"`
}

// Run is one generated database and its scans.
type Run struct {
	Engine    string       `json:"engine"`
	Scale     string       `json:"scale"`
	Tables    int          `json:"tables"`
	Rows      int64        `json:"rows"`
	Quick     bool         `json:"quick"`
	GenerateS float64      `json:"generate_s"`
	Scans     []bench.Scan `json:"scans"`
	Peers     []bench.Peer `json:"peers,omitempty"`
	Load      []float64    `json:"load_per_scan"`
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gdprscan-bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("gdprscan-bench", flag.ContinueOnError)
	var (
		engines     = fs.String("engines", "postgres,mysql", "engines to generate and scan: postgres, mysql")
		scale       = fs.String("scale", "S", "S (100 tables, 1M rows), M (1,000 tables, 10M rows) or L (2,000 tables, 100M rows)")
		tables      = fs.Int("tables", 0, "custom scale: number of tables (with -rows)")
		rows        = fs.Int64("rows", 0, "custom scale: rows in all tables")
		even        = fs.Bool("even", false, "spread the rows evenly over the tables (default: a few tables hold most)")
		series      = fs.String("series", "", "comma-separated table counts to scan one after another, each with -rows-per-table rows per table, evenly (scaling)")
		perTable    = fs.Int64("rows-per-table", 10, "rows per table in -series")
		quick       = fs.Bool("quick", false, "scan as `scan --dsn` does: no mapping, so the consent and retention rules do not run")
		concurrency = fs.Int("concurrency", 0, "sources[].concurrency (default 2)")
		sampleSize  = fs.Int("sample-size", 0, "sources[].sample_size (default 200)")
		repeat      = fs.Int("repeat", 1, "scans of each database (the figures vary between runs on a shared machine)")
		pdscan      = fs.String("pdscan", "", "path of a pdscan binary to time on the same PostgreSQL database, alternating with gdprscan")
		replay      = fs.Bool("pdscan-replay", false, "after each scan, replay pdscan's queries on the same PostgreSQL database (a lower bound of a pdscan run, for when -pdscan has no binary)")
		out         = fs.String("json", "", "write the results to this JSON file")
		commit      = fs.String("commit", "", "commit the results belong to (make bench passes git describe)")
		keep        = fs.Bool("keep", false, "keep the generated databases (default: dropped after the scans)")
		pgAdmin     = fs.String("postgres", envOr("GDPRSCAN_TEST_POSTGRES_DSN", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"), "PostgreSQL admin URL")
		myAdmin     = fs.String("mysql", envOr("GDPRSCAN_TEST_MYSQL_DSN", "root@tcp(127.0.0.1:3306)/"), "MariaDB admin DSN (go-sql-driver form)")
		logFile     = fs.String("log", "", "write the scans' debug log (unit ids and timings, never values) to this file")
		cpuProfile  = fs.String("cpuprofile", "", "write a CPU profile of the scans to this file (go tool pprof)")
		existing    = fs.String("dsn", "", "scan this existing database instead of generating one (postgres://… or mysql://…; never dropped)")
		compare     = fs.Bool("compare", false, "compare two result files: gdprscan-bench -compare old.json new.json")
	)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *compare {
		if fs.NArg() != 2 {
			return errors.New("-compare needs two result files")
		}
		return compareFiles(stdout, fs.Arg(0), fs.Arg(1))
	}
	var scales []bench.Scale
	switch {
	case *series != "":
		for _, f := range strings.Split(*series, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n < 1 {
				return fmt.Errorf("-series: %q is not a table count", f)
			}
			scales = append(scales, bench.Scale{Name: "T" + strconv.Itoa(n), Tables: n, Rows: int64(n) * *perTable, Even: true})
		}
	case *tables > 0 || *rows > 0:
		if *tables < 1 || *rows < 1 {
			return errors.New("-tables and -rows go together, both positive")
		}
		scales = []bench.Scale{{Name: fmt.Sprintf("%dt", *tables), Tables: *tables, Rows: *rows, Even: *even}}
	default:
		s, ok := bench.Scales[strings.ToUpper(*scale)]
		if !ok {
			return fmt.Errorf("-scale: unknown scale %q (valid: L, M, S)", *scale)
		}
		s.Even = *even
		scales = []bench.Scale{s}
	}
	if *repeat < 1 {
		return errors.New("-repeat must be at least 1")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	res := Results{Commit: *commit, Go: runtime.Version(), GOMAXPROCS: runtime.GOMAXPROCS(0), CPU: cpuModel(),
		StartedAt: time.Now().UTC(), LoadBefore: bench.LoadAverage()}
	srv := bench.Servers{Postgres: *pgAdmin, MySQL: *myAdmin}
	outDir, err := os.MkdirTemp("", "gdprscan-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(outDir)
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	var logger *slog.Logger
	if *logFile != "" {
		f, err := os.Create(*logFile)
		if err != nil {
			return err
		}
		defer f.Close()
		logger = slog.New(slog.NewTextHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if *existing != "" {
		scales = []bench.Scale{{Name: "existing"}}
		srv.Existing = *existing
		*engines, _, _ = strings.Cut(*existing, "://")
	}
	for _, s := range scales {
		for _, engine := range strings.Split(*engines, ",") {
			engine = strings.TrimSpace(engine)
			r, err := runOne(ctx, stdout, srv, engine, s, *quick, *keep, *repeat, *pdscan, *replay,
				bench.ScanOptions{Quick: *quick, Concurrency: *concurrency, SampleSize: *sampleSize, OutDir: outDir, Logger: logger})
			if err != nil {
				return err
			}
			res.Runs = append(res.Runs, r)
		}
	}
	if len(scales) > 1 {
		printSeries(stdout, res.Runs)
	}
	res.LoadAfter = bench.LoadAverage()
	fmt.Fprintf(stdout, "\nload average: %.2f before, %.2f after (%d cores)\n", res.LoadBefore, res.LoadAfter, runtime.NumCPU())
	if *out != "" {
		b, err := json.MarshalIndent(res, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(*out, append(b, '\n'), 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "results written to", *out)
	}
	return nil
}

func runOne(ctx context.Context, w io.Writer, srv bench.Servers, engine string, s bench.Scale, quick, keep bool, repeat int, pdscan string, replay bool, o bench.ScanOptions) (Run, error) {
	if s.Tables > 0 {
		fmt.Fprintf(w, "\n== %s, scale %s: %d tables, %d rows\n", engine, s.Name, s.Tables, s.Rows)
	} else {
		fmt.Fprintf(w, "\n== %s, existing database\n", engine)
	}
	db, err := bench.Generate(ctx, srv, engine, s)
	if err != nil {
		return Run{}, err
	}
	defer func() {
		if keep {
			fmt.Fprintf(w, "kept database %s\n", db.Name)
			return
		}
		if err := db.Drop(context.WithoutCancel(ctx)); err != nil {
			fmt.Fprintf(w, "could not drop database %s: %v\n", db.Name, err)
		}
	}()
	if s.Tables > 0 {
		fmt.Fprintf(w, "generated %s in %.1fs\n", db.Name, db.Took.Seconds())
	}
	r := Run{Engine: engine, Scale: s.Name, Tables: db.Tables, Rows: db.Rows, Quick: quick, GenerateS: db.Took.Seconds()}
	for i := range repeat {
		r.Load = append(r.Load, bench.LoadAverage())
		sc, err := bench.RunScan(ctx, db, o)
		if err != nil {
			return r, err
		}
		r.Scans = append(r.Scans, sc)
		fmt.Fprintf(w, "\nscan %d/%d: %.2fs, peak RSS %.0f MB, %d tables (%d failed), %d columns (%d personal), %d findings\n",
			i+1, repeat, sc.TotalS, sc.PeakRSSMB, sc.Tables, sc.Failed, sc.Columns, sc.Personal, sc.Findings)
		printPhases(w, sc)
		for _, f := range sc.Failures {
			fmt.Fprintln(w, "failed:", f)
		}
		if pdscan != "" && engine == "postgres" {
			p, err := bench.RunPeer(ctx, "pdscan", []string{pdscan, db.DSN})
			if err != nil {
				return r, err
			}
			r.Peers = append(r.Peers, p)
			fmt.Fprintf(w, "pdscan %d/%d: %.2fs (exit %d, %d output lines); gdprscan is %.1fx faster\n", i+1, repeat, p.WallS, p.ExitCode, p.Lines, p.WallS/sc.TotalS)
		}
		if replay && engine == "postgres" {
			p, err := bench.ReplayPdscan(ctx, db.DSN)
			if err != nil {
				return r, err
			}
			r.Peers = append(r.Peers, p)
			fmt.Fprintf(w, "pdscan's queries replayed %d/%d: %.2fs (%d rows read); gdprscan is at least %.1fx faster\n", i+1, repeat, p.WallS, p.Lines, p.WallS/sc.TotalS)
		}
	}
	if r.Tables == 0 && len(r.Scans) > 0 { // an existing database: what the scan found
		r.Tables = r.Scans[0].Tables
	}
	if repeat > 1 {
		tot := make([]float64, len(r.Scans))
		for i, sc := range r.Scans {
			tot[i] = sc.TotalS
		}
		lo, med, hi := spread(tot)
		fmt.Fprintf(w, "\ngdprscan over %d scans: min %.2fs, median %.2fs, max %.2fs (spread %.0f%%)\n", repeat, lo, med, hi, 100*(hi-lo)/med)
		if len(r.Peers) > 0 {
			pt := make([]float64, len(r.Peers))
			for i, p := range r.Peers {
				pt[i] = p.WallS
			}
			plo, pmed, phi := spread(pt)
			fmt.Fprintf(w, "%s over %d runs: min %.2fs, median %.2fs, max %.2fs; median ratio %.1fx\n", r.Peers[0].Name, len(pt), plo, pmed, phi, pmed/med)
		}
	}
	return r, nil
}

func spread(xs []float64) (lo, med, hi float64) {
	s := slices.Clone(xs)
	sort.Float64s(s)
	return s[0], s[len(s)/2], s[len(s)-1]
}

func printPhases(w io.Writer, sc bench.Scan) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "phase\twall s\tbusy s\tqueries\trows\tunits\tpeak RSS MB\tpeak heap MB\t")
	for _, p := range sc.Phases {
		if strings.HasPrefix(p.Name, "rules/") && p.Units == 0 {
			continue // a family with nothing to check on this database
		}
		fmt.Fprintf(tw, "%s\t%.3f\t%.3f\t%d\t%d\t%d\t%.0f\t%.0f\t\n", p.Name, p.WallS, p.BusyS, p.Queries, p.Rows, p.Units, p.PeakRSSMB, p.PeakHeapMB)
	}
	tw.Flush()
}

// printSeries shows how the scan time grows with the tables.
func printSeries(w io.Writer, runs []Run) {
	fmt.Fprintln(w, "\nscaling (best scan of each):")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "engine\ttables\trows\tscan s\tcatalog s\ttables phase s\tms per table\t")
	for _, r := range runs {
		best := r.Scans[0]
		for _, s := range r.Scans[1:] {
			if s.TotalS < best.TotalS {
				best = s
			}
		}
		var cat, tbl float64
		for _, p := range best.Phases {
			switch p.Name {
			case "catalog":
				cat = p.WallS
			case "sampling":
				tbl = p.WallS
			}
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t%.2f\t\n", r.Engine, r.Tables, r.Rows, best.TotalS, cat, tbl, 1000*best.TotalS/float64(r.Tables))
	}
	tw.Flush()
}

func compareFiles(w io.Writer, oldPath, newPath string) error {
	load := func(p string) (Results, error) {
		var r Results
		b, err := os.ReadFile(p)
		if err != nil {
			return r, err
		}
		if err := json.Unmarshal(b, &r); err != nil {
			return r, fmt.Errorf("%s: %w", p, err)
		}
		return r, nil
	}
	a, err := load(oldPath)
	if err != nil {
		return err
	}
	b, err := load(newPath)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "old %s (%s), new %s (%s); best scan of each\n", oldPath, a.Commit, newPath, b.Commit)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	// Rule families run at once and share one wall time: compare their own (busy) time.
	fmt.Fprintln(tw, "run\tphase\told s\tnew s\tdelta\t")
	for _, nr := range b.Runs {
		i := slices.IndexFunc(a.Runs, func(r Run) bool { return r.Engine == nr.Engine && r.Scale == nr.Scale && r.Quick == nr.Quick })
		if i < 0 {
			continue
		}
		or := a.Runs[i]
		oldScan, ns := best(or.Scans), best(nr.Scans)
		key := nr.Engine + "/" + nr.Scale
		for _, np := range ns.Phases {
			j := slices.IndexFunc(oldScan.Phases, func(p bench.Phase) bool { return p.Name == np.Name })
			if j < 0 {
				continue
			}
			op := oldScan.Phases[j]
			name, o, n := np.Name, op.WallS, np.WallS
			if strings.HasPrefix(name, "rules/") {
				if np.Units == 0 && op.Units == 0 {
					continue
				}
				name, o, n = name+" (busy)", op.BusyS, np.BusyS
			}
			fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.3f\t%s\t\n", key, name, o, n, pct(o, n))
		}
		fmt.Fprintf(tw, "%s\ttotal\t%.3f\t%.3f\t%s\t\n", key, oldScan.TotalS, ns.TotalS, pct(oldScan.TotalS, ns.TotalS))
		fmt.Fprintf(tw, "%s\tpeak RSS MB\t%.0f\t%.0f\t%s\t\n", key, oldScan.PeakRSSMB, ns.PeakRSSMB, pct(oldScan.PeakRSSMB, ns.PeakRSSMB))
	}
	return tw.Flush()
}

func best(scans []bench.Scan) bench.Scan {
	b := scans[0]
	for _, s := range scans[1:] {
		if s.TotalS < b.TotalS {
			b = s
		}
	}
	return b
}

func pct(old, new float64) string {
	if old == 0 {
		return "-"
	}
	return fmt.Sprintf("%+.0f%%", 100*(new-old)/old)
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, l := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}
