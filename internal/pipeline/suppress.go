package pipeline

import (
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/suppress"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/reports"
	"github.com/gdprscan/gdprscan/scanner"
)

// AnnotationReader reads the DPO's entries of a DPIA workbook; reports.ReadAnnotations
// by default, a fake in tests.
type AnnotationReader func(path string) (reports.Annotations, error)

// suppressed is what the suppressions did to a run's findings.
type suppressed struct {
	byFingerprint map[string]suppress.Rule
	// notes says why a task closes when all its findings are suppressed, by task id.
	notes map[string]string
}

// applySuppressions marks the findings that a suppression holds for as suppressed: the
// suppression file (suppressions.file, or .gdprscan-ignore.yaml beside the config) and
// the DPO statuses "accepted" and "false positive" of the previous workbook. A broken
// suppression file is an error the user fixes (ErrConfig); an unreadable workbook is
// logged and skipped.
func applySuppressions(cfg *config.Config, o Options, outDir string, fs []scanner.Finding, now time.Time, log *slog.Logger) (suppressed, error) {
	out := suppressed{byFingerprint: map[string]suppress.Rule{}, notes: map[string]string{}}
	var set suppress.Set
	if p := cfg.SuppressionsPath(); p != "" {
		s, err := suppress.Load(p)
		if err != nil {
			return out, fmt.Errorf("%w: %w", ErrConfig, err)
		}
		set = s
	}
	if cfg.Suppressions.UseWorkbook() {
		// The DPO signs off the whole scope's workbook; a run over some of the sources
		// (which reports under its own scope) reads that one, or else its own.
		scopes := []string{o.Config.Organisation.Scope, cfg.Organisation.Scope}
		path := o.Previous
		for _, sc := range scopes {
			if path == "" {
				path = findPreviousWorkbook(outDir, sc)
			}
		}
		if path != "" {
			read := o.ReadAnnotations
			if read == nil {
				read = reports.ReadAnnotations
			}
			ann, err := read(path)
			switch {
			case err != nil:
				log.Warn("DPO statuses of the previous workbook not read; they suppress nothing this run", "file", path, "error", err)
			case ann.Scope != "" && !slices.Contains(scopes, ann.Scope):
			default:
				st := map[string]suppress.DPOStatus{}
				for fp, a := range ann.Findings {
					if a.Retired {
						continue
					}
					st[fp] = suppress.DPOStatus{Status: a.Status, Owner: a.Owner, Reason: a.Reason, Review: a.DueDate}
				}
				set = set.Merge(suppress.FromDPO(st, path))
			}
		}
	}
	if set.Len() == 0 {
		return out, nil
	}
	res := set.Apply(fs, now)
	for _, r := range res.Expired {
		log.Warn("suppression expired: its findings are reported again", "origin", r.Origin, "kind", r.Kind, "expired", r.ExpiresAt().Format("2006-01-02"))
	}
	out.byFingerprint = res.Suppressed
	for _, f := range fs {
		if r, ok := res.Suppressed[f.Fingerprint]; ok {
			l := f.Location
			out.notes[tasks.ID(l.Source, l.Database, l.Schema, l.Table, f.RuleID)] = "suppressed (" + r.String() + ")"
		}
	}
	if len(res.Suppressed) > 0 {
		log.Info("findings suppressed", "count", len(res.Suppressed))
	}
	return out, nil
}
