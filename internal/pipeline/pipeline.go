// Package pipeline is the one place that knows the order of a run: open each source,
// scan it, record the run in the state store, write the reports and raise the tasks.
// The one-shot `scan` command and the scheduler both call Run, so both behave alike.
package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/metrics"
	"github.com/gdprscan/gdprscan/internal/sink"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/suppress"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/internal/version"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// Options of one run.
type Options struct {
	Config  *config.Config
	Sources []string // only these sources; empty means all
	OutDir  string   // overrides report.out_dir
	Formats []string // overrides report.formats
	Logger  *slog.Logger
	// Progress is told after each table of each source.
	Progress func(source string, done, total int, current string)
	Now      func() time.Time
	// Previous is a DPIA workbook whose DPO entries are carried into the new one
	// (--previous); empty means the newest workbook of the scope in the output folder.
	Previous string
	// Dated also writes each report under a dated name (<scope>-dpia-YYYY-MM-DD.xlsx),
	// the stable name being a copy of the newest; scheduled runs set it.
	Dated bool
	// Store and Dispatcher, when set, are used instead of opening the config's state
	// store and building its sinks for this run alone (serve shares them between runs;
	// the dispatcher must deliver to the same store).
	Store      *store.Store
	Dispatcher *sink.Dispatcher
	// Metrics, when set, records the run (serve); nil records nothing.
	Metrics *metrics.Metrics
	// ReadAnnotations reads the previous workbook's DPO statuses for suppressions;
	// default reports.ReadAnnotations.
	ReadAnnotations AnnotationReader
	// ScanSource, when set, stands in for scanning a source: cluster mode hands in the
	// results its workers stored (internal/cluster). An error means the source failed.
	ScanSource func(ctx context.Context, src *config.Source) (scanner.SourceSummary, scanner.Result, error)
	// PhaseStats, when set, is told what each phase of each source's scan cost, and at
	// last what writing the reports cost (phase "report", no source); the bench uses it.
	PhaseStats func(scanner.PhaseStat)
}

// Outcome is what a run produced.
type Outcome struct {
	Report        reports.Report
	Files         []string // reports written
	TasksFile     string
	StateFile     string
	TasksCreated  []tasks.Task
	TasksClosed   int
	Diff          store.Diff
	SourcesFailed int // sources that could not be scanned at all
}

// ErrConfig marks errors the user fixes in the config or the command line: an unknown
// rule id, report format or source name.
var ErrConfig = errors.New("invalid configuration")

// Run performs one scan run. An error means the run itself could not proceed (bad rule
// selection, unwritable output, state file); a source that cannot be scanned is counted
// in Outcome.SourcesFailed and the others are still scanned.
func Run(ctx context.Context, o Options) (*Outcome, error) {
	cfg := o.Config
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	now := o.Now
	if now == nil {
		now = time.Now
	}
	set, err := CheckRules(cfg)
	if err != nil {
		return nil, err
	}
	targets, err := selectSources(cfg, o.Sources)
	if err != nil {
		return nil, err
	}
	if scope := RunScope(cfg, o.Sources); scope != cfg.Organisation.Scope {
		// A run over some of the sources reports under its own scope name, so that it
		// never overwrites the scope's workbook, history or carry-forward with a part.
		partial := *cfg
		partial.Organisation.Scope = scope
		cfg = &partial
	}
	formats := o.Formats
	if len(formats) == 0 {
		formats = cfg.Report.Formats
	}
	reporters := make([]reports.Reporter, 0, len(formats))
	for _, f := range formats {
		r, err := reports.ForFormat(f)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrConfig, err)
		}
		reporters = append(reporters, r)
	}
	outDir := o.OutDir
	if outDir == "" {
		outDir = cfg.Path(cfg.Report.OutDir)
	}
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	if err := checkPrevious(o.Previous); err != nil {
		return nil, err
	}
	statePath := inDir(outDir, cfg.State.Path)
	st, disp, closeState, err := openRunState(ctx, o, cfg, outDir, log)
	if err != nil {
		return nil, err
	}
	defer closeState()

	classifier, err := detect.New(detect.ConfigOptions(cfg.Discovery)...)
	if err != nil {
		return nil, err
	}
	started := now().UTC()
	scanID := newScanID(started)
	rep := reports.Report{
		SchemaVersion: reports.SchemaVersion, ScanID: scanID, StartedAt: started,
		Tool:           reports.Tool{Name: "gdprscan", Version: version.String()},
		RulesetVersion: rules.RulesetVersion,
		Organisation:   reports.Organisation{Controller: cfg.Organisation.Controller, DPO: dpoText(cfg.Organisation.DPO), Scope: cfg.Organisation.Scope},
		Sources:        []scanner.SourceSummary{}, Inventory: []scanner.InventoryItem{}, Findings: []scanner.Finding{}, NotEvaluated: []scanner.NotEvaluated{},
		Rules: catalogue(set),
	}
	if err := st.StartRun(ctx, store.Run{ScanID: scanID, Scope: cfg.Organisation.Scope, RulesetVersion: rules.RulesetVersion, ToolVersion: version.String(), StartedAt: started}); err != nil {
		return nil, err
	}
	log = log.With("run_id", scanID)
	out := &Outcome{StateFile: stateName(st, statePath)}
	cov := coverage{}
	facts := map[string]scanner.Facts{}
	for _, src := range targets {
		var sum scanner.SourceSummary
		var res scanner.Result
		if o.ScanSource != nil {
			sum, res, err = o.ScanSource(ctx, src)
		} else {
			sum, res, err = scanOne(ctx, src, cfg, set, classifier, log, o, now)
		}
		if err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			out.SourcesFailed++
			log.Error("source could not be scanned", "source", src.Name, "error", sum.Error)
		} else {
			cov.add(src.Name, res)
		}
		rep.Sources = append(rep.Sources, sum)
		rep.Inventory = append(rep.Inventory, res.Inventory...)
		rep.Findings = append(rep.Findings, res.Findings...)
		rep.NotEvaluated = append(rep.NotEvaluated, res.NotEvaluated...)
		facts[src.Name] = res.Facts
		o.Metrics.Tables(src.Name, sum.TablesScanned, len(sum.TablesFailed))
	}
	rep.FinishedAt = now().UTC()
	rep.Sort()
	sup, err := applySuppressions(cfg, o, outDir, rep.Findings, rep.FinishedAt, log)
	if err != nil {
		return nil, err
	}

	diff, err := st.FinishRun(ctx, scanID, rep.FinishedAt, storeFindings(rep.Findings), cov.covers, storeSources(rep.Sources, rep.Findings)...)
	if err != nil {
		return nil, err
	}
	out.Diff = diff
	for i := range rep.Findings {
		rep.Findings[i].Status = reportStatus(rep.Findings[i], diff)
	}

	want := tasks.FromFindings(rep.Findings, scanID, rep.FinishedAt)
	sync, err := syncRequest(scanID, rep.FinishedAt, want, cov.covers, disp.Sinks(), sup)
	if err != nil {
		return nil, err
	}
	created, closed, err := st.Sync(ctx, sync) // queues the changes for the sinks
	if err != nil {
		return nil, err
	}
	out.TasksFile = inDir(outDir, cfg.Tasks.File)
	out.TasksCreated = pick(want, created)
	out.TasksClosed = len(closed)

	reportStart := time.Now()
	rep.DPIA, err = dpiaContext(ctx, dpiaInput{cfg: cfg, st: st, rep: rep, diff: diff, tasks: want, outDir: outDir, previous: o.Previous,
		workbook: slices.ContainsFunc(reporters, func(r reports.Reporter) bool { return r.Ext() == "xlsx" }), log: log, facts: facts})
	if err != nil {
		return nil, err
	}
	fillTickets(ctx, st, disp.Sinks(), &rep.DPIA, want, log)
	for _, r := range reporters {
		paths, err := writeReportFiles(ctx, outDir, cfg.Organisation.Scope, r, rep, o.Dated)
		if err != nil {
			return nil, err
		}
		out.Files = append(out.Files, paths...)
	}
	o.Metrics.Phase(metrics.PhaseReport, time.Since(reportStart))
	if o.PhaseStats != nil {
		o.PhaseStats(scanner.PhaseStat{Phase: "report", Wall: time.Since(reportStart), Busy: time.Since(reportStart), Units: len(rep.Findings)})
	}
	out.Report = rep
	deliver(ctx, deliverInput{st: st, disp: disp, rep: rep, diff: diff, created: created, closed: closed,
		files: out.Files, metrics: o.Metrics, log: log,
		noSummary: cfg.Organisation.Scope != o.Config.Organisation.Scope && cfg.Report.Schedule != nil})
	log.Info("scan finished", "findings", len(rep.Findings), "new", len(diff.New), "resolved", len(diff.Resolved), "tasks_created", len(created), "tasks_closed", len(closed))
	return out, nil
}

func scanOne(ctx context.Context, src *config.Source, cfg *config.Config, set rules.Set, c scanner.Classifier, log *slog.Logger, o Options, now func() time.Time) (scanner.SourceSummary, scanner.Result, error) {
	start := time.Now()
	failed := func(err error) (scanner.SourceSummary, scanner.Result, error) {
		msg := scanner.Scrub(err.Error())
		sum := scanner.SourceSummary{Name: src.Name, Kind: src.Kind, TablesFailed: []scanner.TableError{}, Error: msg, DurationMS: time.Since(start).Milliseconds()}
		return sum, scanner.Result{Summary: sum}, fmt.Errorf("source %s: %s", src.Name, msg)
	}
	source, err := Open(ctx, src)
	if err != nil {
		return failed(err)
	}
	defer source.Close()
	opts := []scanner.Option{scanner.WithLogger(log.With("component", "scanner")), scanner.WithClock(now)}
	if o.Metrics != nil {
		opts = append(opts, scanner.WithPhaseHook(o.Metrics.Phase))
	}
	if o.PhaseStats != nil {
		opts = append(opts, scanner.WithPhaseStats(o.PhaseStats))
	}
	if o.Progress != nil {
		opts = append(opts, scanner.WithProgress(func(done, total int, cur string) { o.Progress(src.Name, done, total, cur) }))
	}
	sc, err := scanner.New(c, set, opts...)
	if err != nil {
		return failed(err)
	}
	res, err := sc.Scan(ctx, scanner.Target{Name: src.Name, Kind: src.Kind, Source: source, Settings: src, Config: cfg})
	if err != nil {
		return res.Summary, res, err
	}
	return res.Summary, res, nil
}

func selectSources(cfg *config.Config, names []string) ([]*config.Source, error) {
	if len(names) == 0 {
		out := make([]*config.Source, len(cfg.Sources))
		for i := range cfg.Sources {
			out[i] = &cfg.Sources[i]
		}
		return out, nil
	}
	var out []*config.Source
	for _, n := range names {
		s, ok := cfg.SourceByName(n)
		if !ok {
			valid := make([]string, len(cfg.Sources))
			for i, s := range cfg.Sources {
				valid[i] = s.Name
			}
			slices.Sort(valid)
			return nil, fmt.Errorf("%w: no source named %q (valid: %s)", ErrConfig, n, strings.Join(valid, ", "))
		}
		out = append(out, s)
	}
	return out, nil
}

// coverage remembers what a run evaluated, so that only findings it could have seen
// again are resolved.
type coverage map[string]*sourceCoverage

type sourceCoverage struct {
	failedTables map[string]bool
	skipped      map[string]bool // rules not evaluated
	failedRules  map[string]bool
}

func (c coverage) add(source string, r scanner.Result) {
	sc := &sourceCoverage{failedTables: map[string]bool{}, skipped: map[string]bool{}, failedRules: map[string]bool{}}
	for _, te := range r.Summary.TablesFailed {
		if id, ok := strings.CutPrefix(te.Table, "rule "); ok {
			sc.failedRules[id] = true
			continue
		}
		sc.failedTables[te.Table] = true
	}
	for _, ne := range r.NotEvaluated {
		sc.skipped[ne.RuleID] = true
	}
	c[source] = sc
}

func (c coverage) covers(source, table, ruleID string) bool {
	sc, ok := c[source]
	return ok && !sc.failedTables[table] && !sc.skipped[ruleID] && !sc.failedRules[ruleID]
}

func storeFindings(fs []scanner.Finding) []store.Finding {
	out := make([]store.Finding, len(fs))
	for i, f := range fs {
		out[i] = store.Finding{
			Fingerprint: f.Fingerprint, RuleID: f.RuleID, Source: f.Location.Source,
			Table: f.Location.Schema + "." + f.Location.Table, Location: f.Location.String(),
			Title: f.Title, RiskLevel: f.RiskLevel.String(), Records: f.RecordsAffected, Subjects: f.SubjectsAffected,
			Suppressed: f.Status == scanner.StatusSuppressed, Suppression: f.Evidence[suppress.EvidenceKey],
		}
	}
	return out
}

func pick(all []tasks.Task, chosen []store.Task) []tasks.Task {
	ids := map[string]bool{}
	for _, c := range chosen {
		ids[c.ID] = true
	}
	var out []tasks.Task
	for _, t := range all {
		if ids[t.ID] {
			out = append(out, t)
		}
	}
	return out
}

func catalogue(set rules.Set) []reports.RuleInfo {
	var out []reports.RuleInfo
	for _, r := range set.Rules() {
		m := r.Meta()
		out = append(out, reports.RuleInfo{ID: m.ID, Title: m.Title, Family: string(m.Family), Articles: strings.Join(m.Articles, ", "),
			FineTier: string(m.FineTier), Severity: int(m.Severity), Likelihood: int(m.Likelihood), Remediation: m.Remediation, Version: m.Version})
	}
	return out
}

func dpoText(c config.Contact) string {
	if c.Email == "" {
		return c.Name
	}
	return strings.TrimSpace(c.Name + " <" + c.Email + ">")
}

// RunScope is the report scope of a run over the named sources: the configured scope
// when the run covers every source, else "<scope>-<source>[+<source>…]".
func RunScope(cfg *config.Config, sources []string) string {
	picked := slices.Clone(sources)
	slices.Sort(picked)
	picked = slices.Compact(picked)
	if len(picked) == 0 || len(picked) == len(cfg.Sources) {
		return cfg.Organisation.Scope
	}
	return cfg.Organisation.Scope + "-" + strings.Join(picked, "+")
}

// reportName is "<scope>-dpia.xlsx" for the workbook and "<scope>-report.<ext>" otherwise.
func reportName(scope, ext string) string {
	if ext == "xlsx" {
		return scope + "-dpia.xlsx"
	}
	return scope + "-report." + ext
}

func inDir(dir, p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(dir, p)
}

// writeAtomic writes to a temporary file and renames it, so a crash never leaves a
// half-written report in place of last week's.
func writeAtomic(ctx context.Context, path string, r reports.Reporter, rep reports.Report) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := r.Write(ctx, tmp, rep); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

func newScanID(t time.Time) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return "scan-" + t.Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}
