package pipeline

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

// historyRuns is how many runs the workbook's trend chart shows.
const historyRuns = 12

// dpiaInput is what Run hands to dpiaContext.
type dpiaInput struct {
	cfg      *config.Config
	st       *store.Store
	rep      reports.Report
	diff     store.Diff
	tasks    []tasks.Task
	outDir   string
	previous string // --previous; empty: look in outDir
	workbook bool   // an xlsx report is written, so the previous workbook is read
	log      *slog.Logger
	facts    map[string]scanner.Facts // by source: what the scan counted in the mapped tables
}

// dpiaContext gathers what the DPIA workbook needs beyond the scan's facts: the
// configuration's declarations, the run's history and diff, first/last sightings,
// tickets, and the DPO's entries in the previous workbook. A failure to read the state
// history or an automatically found workbook is logged and the run goes on; a workbook
// named with --previous that cannot be read is an error.
func dpiaContext(ctx context.Context, in dpiaInput) (reports.DPIAContext, error) {
	cfg, rep, log := in.cfg, in.rep, in.log
	scanned := map[string]bool{}
	for _, s := range rep.Sources {
		scanned[s.Name] = true
	}
	d := reports.DPIAContext{Seen: map[string]reports.Seen{}, Tickets: map[string]reports.Ticket{}}
	for _, a := range cfg.Activities {
		if a.Source != "" && !scanned[a.Source] {
			continue
		}
		d.Activities = append(d.Activities, reports.Activity{
			ID: a.ID, Name: a.Name, Purpose: a.Purpose, LawfulBasis: a.LawfulBasis, LIARef: a.LIARef,
			Art9Condition: a.Art9Condition, Source: a.Source, Tables: slices.Clone(a.Tables), Retention: a.Retention,
			DataSubjects: slices.Clone(a.DataSubjects),
		})
	}
	for _, src := range cfg.Sources {
		if !scanned[src.Name] {
			continue
		}
		d.Settings = append(d.Settings, reports.SourceSettings{
			Name: src.Name, Kind: src.Kind, Environment: src.Environment, SampleSize: src.SampleSize,
			IncludeSchemas: src.IncludeSchemas, ExcludeSchemas: src.ExcludeSchemas, IncludeTables: src.IncludeTables, ExcludeTables: src.ExcludeTables,
		})
		m := src.Mapping
		for _, s := range m.Subjects {
			d.Subjects = append(d.Subjects, reports.SubjectTable{Source: src.Name, Table: s.Table, Key: s.Key,
				LawfulBasisColumn: s.LawfulBasisColumn, Marketable: s.Marketable, SoftDeleted: s.SoftDeleted})
		}
		for _, r := range m.Retention {
			rr := reports.RetentionRule{Source: src.Name, ID: r.ID, Table: r.Table, SubjectFilter: r.SubjectFilter, Anchor: r.Anchor,
				Period: r.Period.String(), EndAction: r.EndAction, LegalBasis: r.LegalBasis, Hold: r.Hold}
			if !r.GracePeriod.IsZero() {
				rr.GracePeriod = r.GracePeriod.String()
			}
			d.Retention = append(d.Retention, rr)
		}
		if c := m.Consent; c != nil {
			d.Consent = append(d.Consent, reports.ConsentSource{Source: src.Name, Table: c.Table, MarketingPurpose: c.MarketingPurpose,
				Counts: in.facts[src.Name].Consent})
		}
		if e := m.Erasure; e != nil {
			deadline := "P1M"
			if !e.Deadline.IsZero() {
				deadline = e.Deadline.String()
			}
			d.Requests = append(d.Requests, requestSource(reports.RequestSource{Source: src.Name, Right: "erasure", Table: e.Table, Deadline: deadline, MedianDays: -1},
				in.facts[src.Name].Erasure))
		}
	}

	d.Changes = reports.Changes{New: len(in.diff.New), Reopened: slices.Clone(in.diff.Reopened)}
	for _, f := range in.diff.Resolved {
		d.Changes.Resolved = append(d.Changes.Resolved, reports.ResolvedFinding{
			Fingerprint: f.Fingerprint, RuleID: f.RuleID, Title: f.Title, Location: f.Location, RiskLevel: f.RiskLevel})
	}
	byRisk := map[string]int{}
	for _, lvl := range []rules.RiskLevel{rules.RiskCritical, rules.RiskHigh, rules.RiskMedium, rules.RiskLow} {
		byRisk[lvl.String()] = 0
	}
	fps := make([]string, len(rep.Findings))
	for i, f := range rep.Findings {
		byRisk[f.RiskLevel.String()]++
		fps[i] = f.Fingerprint
	}
	if err := in.st.RecordRunStats(ctx, rep.ScanID, byRisk); err != nil {
		log.Warn("run statistics not recorded; the trend chart misses this run", "error", err)
	}
	if hist, err := in.st.History(ctx, cfg.Organisation.Scope, historyRuns); err != nil {
		log.Warn("run history unavailable; the workbook has no trend chart", "error", err)
	} else {
		for _, h := range hist {
			d.History = append(d.History, reports.TrendPoint{
				ScanID: h.ScanID, At: h.FinishedAt, Critical: h.ByRisk["critical"], High: h.ByRisk["high"],
				Medium: h.ByRisk["medium"], Low: h.ByRisk["low"], Total: h.Findings,
			})
			if h.ScanID != rep.ScanID {
				d.Changes.PreviousScanID, d.Changes.PreviousAt = h.ScanID, h.FinishedAt
			}
		}
	}
	if seen, err := in.st.Sightings(ctx, fps); err != nil {
		log.Warn("first and last sightings unavailable", "error", err)
	} else {
		for fp, s := range seen {
			d.Seen[fp] = reports.Seen{First: s.FirstSeen, Last: s.LastSeen}
		}
	}
	// The tasks file is the built-in tracker: each finding's ticket is its task id.
	// Sinks that create tickets elsewhere overwrite the entries with their own ids/URLs.
	for _, t := range in.tasks {
		for _, fp := range t.Fingerprints {
			d.Tickets[fp] = reports.Ticket{ID: t.ID}
		}
	}

	if !in.workbook {
		return d, nil
	}
	path := in.previous
	if path == "" {
		path = findPreviousWorkbook(in.outDir, cfg.Organisation.Scope)
	}
	if path == "" {
		return d, nil
	}
	ann, err := reports.ReadAnnotations(path)
	switch {
	case err != nil && in.previous != "":
		return d, fmt.Errorf("%w: --previous: %w", ErrConfig, err)
	case err != nil:
		log.Warn("previous workbook not read; DPO entries are not carried forward", "file", path, "error", err)
		return d, nil
	case in.previous == "" && ann.Scope != "" && ann.Scope != cfg.Organisation.Scope:
		log.Warn("previous workbook is for another scope; not carried forward", "file", path, "scope", ann.Scope)
		return d, nil
	}
	d.Previous, d.PreviousFile = &ann, filepath.Base(path)
	log.Info("DPO entries read from the previous workbook", "file", path, "findings_annotated", len(ann.Findings))
	return d, nil
}

// requestSource adds the scan's request figures, when it counted them, to rs.
func requestSource(rs reports.RequestSource, rc *scanner.RequestCounts) reports.RequestSource {
	if rc != nil {
		rs.Counted = true
		rs.Received, rs.Completed, rs.Open, rs.MedianDays = rc.Received, rc.Completed, rc.Open, rc.MedianDays
	}
	return rs
}

// checkPrevious fails fast, before any scanning, when --previous names no readable file.
func checkPrevious(path string) error {
	if path == "" {
		return nil
	}
	info, err := os.Stat(path)
	if err == nil && info.IsDir() {
		err = fmt.Errorf("%s is a folder, not a workbook", path)
	}
	if err != nil {
		return fmt.Errorf("%w: --previous: %w", ErrConfig, err)
	}
	return nil
}

// findPreviousWorkbook returns the most recently modified workbook of the scope in dir
// — "<scope>-dpia.xlsx" or a dated "<scope>-dpia-YYYY-MM-DD.xlsx" — or "" when none.
// The newest file is the one the DPO last saved, whichever of the two they edited.
func findPreviousWorkbook(dir, scope string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	dated := regexp.MustCompile(`^` + regexp.QuoteMeta(scope) + `-dpia-\d{4}-\d{2}-\d{2}\.xlsx$`)
	var best string
	var bestAt time.Time
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || (name != reportName(scope, "xlsx") && !dated.MatchString(name)) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		if best == "" || info.ModTime().After(bestAt) || (info.ModTime().Equal(bestAt) && name > filepath.Base(best)) {
			best, bestAt = filepath.Join(dir, name), info.ModTime()
		}
	}
	return best
}

// datedName is "<scope>-dpia-YYYY-MM-DD.xlsx" for the workbook and
// "<scope>-report-YYYY-MM-DD.<ext>" otherwise.
func datedName(scope, ext string, day time.Time) string {
	base := strings.TrimSuffix(reportName(scope, ext), "."+ext)
	return base + "-" + day.Format("2006-01-02") + "." + ext
}

// writeReportFiles writes one format: "<scope>-dpia.xlsx" (or "-report.<ext>"), and
// with dated also the dated file, the stable name then being a copy of it. Each file is
// written to a temporary file (mode 0600) and renamed into place.
func writeReportFiles(ctx context.Context, outDir, scope string, r reports.Reporter, rep reports.Report, dated bool) ([]string, error) {
	latest := filepath.Join(outDir, reportName(scope, r.Ext()))
	if !dated {
		return []string{latest}, writeAtomic(ctx, latest, r, rep)
	}
	day := filepath.Join(outDir, datedName(scope, r.Ext(), rep.FinishedAt.In(time.Local)))
	if err := writeAtomic(ctx, day, r, rep); err != nil {
		return nil, err
	}
	if err := copyAtomic(day, latest); err != nil {
		return nil, err
	}
	return []string{day, latest}, nil
}

// copyAtomic copies src to dst through a temporary file and a rename.
func copyAtomic(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("copy %s: %w", src, err)
	}
	defer in.Close()
	tmp, err := os.CreateTemp(filepath.Dir(dst), "."+filepath.Base(dst)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	defer os.Remove(tmp.Name())
	if _, err := io.Copy(tmp, in); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := os.Rename(tmp.Name(), dst); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	return nil
}
