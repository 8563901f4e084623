package main

import (
	"archive/zip"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/rules"
)

type scanFlags struct {
	config   string
	dsn      string
	sources  []string
	out      string
	format   string
	failOn   string
	previous string
	regions  string
}

func newScanCmd(g *globalFlags) *cobra.Command {
	f := &scanFlags{}
	cmd := &cobra.Command{
		Use:   "scan (--config FILE | --dsn URL)",
		Short: "Scan the configured sources once and write the reports and tasks",
		Long: `Scan runs once over the sources of a config file, or over one database given by --dsn.

With --dsn there is no mapping: discovery and every rule that needs none run, and the
report lists the other rules as "not evaluated" with what they need. DSN forms:
  postgres://user:pass@host:5432/db?sslmode=disable
  mysql://user:pass@host:3306/db
  sqlite:///abs/path.db   sqlite://rel/path.db`,
		Example: `  gdprscan scan --config gdprscan.yaml
  gdprscan scan --config gdprscan.yaml --source crm --fail-on critical
  gdprscan scan --dsn postgres://scanner@db:5432/crm --out reports/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := stderrLogger(cmd, g)
			if err != nil {
				return err
			}
			if (f.config == "") == (f.dsn == "") {
				return usageErr(errors.New("give either --config FILE or --dsn URL"))
			}
			var cfg *config.Config
			if f.config != "" {
				cfg, err = config.LoadFile(f.config)
			} else {
				if len(f.sources) > 0 {
					return usageErr(errors.New("--source needs --config"))
				}
				cfg, err = pipeline.QuickConfig(f.dsn)
			}
			if err != nil {
				return usageErr(err)
			}
			if _, err := pipeline.CheckRules(cfg); err != nil { // as validate and serve do
				return usageErr(fmt.Errorf("%s: %w", cmp.Or(f.config, "--dsn"), err))
			}
			if f.regions != "" {
				if cfg.Discovery.PhoneRegions, err = config.ParsePhoneRegions(splitList(f.regions)); err != nil {
					return usageErr(fmt.Errorf("--phone-regions: %w", err))
				}
			}
			return runScan(cmd, cfg, pipeline.Options{Sources: f.sources, OutDir: f.out, Formats: splitList(f.format), Logger: log, Previous: f.previous}, f.failOn)
		},
	}
	cmd.Flags().StringVar(&f.config, "config", "", "config file (YAML)")
	cmd.Flags().StringVar(&f.dsn, "dsn", "", "scan one database given by URL, without a config")
	cmd.Flags().StringSliceVar(&f.sources, "source", nil, "scan only this source (repeatable)")
	cmd.Flags().StringVar(&f.out, "out", "", "output folder (default: report.out_dir of the config, or ./out)")
	cmd.Flags().StringVar(&f.format, "format", "", "report formats, comma-separated: json, xlsx (default: both)")
	cmd.Flags().StringVar(&f.previous, "previous", "", "DPIA workbook whose DPO entries are carried into the new one (default: the newest <scope>-dpia*.xlsx in the output folder)")
	cmd.Flags().StringVar(&f.regions, "phone-regions", "", "regions to parse phone numbers without a country code in, comma-separated, e.g. BR,PT (default: discovery.phone_regions, or DE,FR,GB,US,ES,IT,NL,PL,BR,PT,SE,DK,NO,FI,CH,AT,BE)")
	cmd.Flags().StringVar(&f.failOn, "fail-on", "", "exit 1 when a finding is at or above this risk level: low, medium, high, critical, none (default: report.fail_on, high)")
	return cmd
}

// runScan runs the pipeline, prints the summary and turns the outcome into an exit code.
func runScan(cmd *cobra.Command, cfg *config.Config, o pipeline.Options, failOn string) error {
	if failOn == "" {
		failOn = cfg.Report.FailOn
	}
	threshold, err := parseFailOn(failOn)
	if err != nil {
		return usageErr(err)
	}
	if err := checkWorkbook(o.Previous); err != nil {
		return usageErr(fmt.Errorf("--previous: %w", err))
	}
	o.Config = cfg
	stderr := cmd.ErrOrStderr()
	if isTerminal(stderr) {
		o.Progress = progressPrinter(stderr)
	}
	out, err := pipeline.Run(cmd.Context(), o)
	if err != nil {
		if errors.Is(err, pipeline.ErrConfig) {
			return usageErr(err)
		}
		return sourceErr(err)
	}
	printSummary(cmd.OutOrStdout(), out)
	if failed := out.SourcesFailed + emptySources(out); failed > 0 {
		return &exitError{code: exitSource, err: fmt.Errorf("%d of %d sources could not be scanned", failed, len(out.Report.Sources))}
	}
	if threshold > 0 {
		for _, f := range out.Report.Findings {
			if f.RiskLevel >= threshold {
				return &exitError{code: exitFindings}
			}
		}
	}
	return nil
}

// emptySources counts the sources that connected but of whose tables every one failed:
// a scan that read nothing must not pass as clean.
func emptySources(out *pipeline.Outcome) int {
	n := 0
	for _, s := range out.Report.Sources {
		if s.Error != "" || s.TablesScanned > 0 {
			continue
		}
		for _, te := range s.TablesFailed {
			if !strings.HasPrefix(te.Table, "rule ") {
				n++
				break
			}
		}
	}
	return n
}

// checkWorkbook makes sure path, when given, is an Excel workbook, before a scan that
// would only find out at its end.
func checkWorkbook(path string) error {
	if path == "" {
		return nil
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		if _, serr := os.Stat(path); serr != nil {
			return serr
		}
		return fmt.Errorf("%s is not an Excel workbook (.xlsx)", path)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "xl/workbook.xml" {
			return nil
		}
	}
	return fmt.Errorf("%s is a zip file but not an Excel workbook (.xlsx)", path)
}

// parseFailOn returns the threshold; 0 means never fail on findings.
func parseFailOn(s string) (rules.RiskLevel, error) {
	if strings.EqualFold(s, "none") {
		return 0, nil
	}
	l, err := rules.ParseRiskLevel(s)
	if err != nil {
		return 0, fmt.Errorf("--fail-on: %w", err)
	}
	return l, nil
}

func printSummary(w io.Writer, out *pipeline.Outcome) {
	r := out.Report
	tables, personalCols := 0, 0
	for _, s := range r.Sources {
		tables += s.TablesScanned
	}
	for _, it := range r.Inventory {
		if it.Personal {
			personalCols++
		}
	}
	byLevel := map[rules.RiskLevel]int{}
	for _, f := range r.Findings {
		byLevel[f.RiskLevel]++
	}
	fmt.Fprintf(w, "scan %s\n", r.ScanID)
	for _, s := range r.Sources {
		status := fmt.Sprintf("%d tables", s.TablesScanned)
		if len(s.TablesFailed) > 0 {
			status += fmt.Sprintf(", %d failed", len(s.TablesFailed))
		}
		if s.Error != "" {
			status = "NOT SCANNED: " + s.Error
		}
		fmt.Fprintf(w, "  source %-12s %-8s %s\n", s.Name, s.Kind, status)
	}
	fmt.Fprintf(w, "tables scanned:    %d\n", tables)
	fmt.Fprintf(w, "personal columns:  %d of %d\n", personalCols, len(r.Inventory))
	fmt.Fprintf(w, "findings:          %d (critical %d, high %d, medium %d, low %d); new %d, resolved %d\n",
		len(r.Findings), byLevel[rules.RiskCritical], byLevel[rules.RiskHigh], byLevel[rules.RiskMedium], byLevel[rules.RiskLow],
		len(out.Diff.New), len(out.Diff.Resolved))
	if len(r.NotEvaluated) > 0 {
		fmt.Fprintf(w, "not evaluated:     %d rules (see the report for what they need)\n", len(r.NotEvaluated))
	}
	fmt.Fprintf(w, "tasks:             %d new, %d closed\n", len(out.TasksCreated), out.TasksClosed)
	for _, f := range out.Files {
		fmt.Fprintf(w, "report:            %s\n", rel(f))
	}
	fmt.Fprintf(w, "tasks file:        %s\n", rel(out.TasksFile))
	fmt.Fprintf(w, "state:             %s\n", rel(out.StateFile))
}

func rel(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressPrinter shows "source: 12/40 public.contacts" on one rewritten line.
func progressPrinter(w io.Writer) func(source string, done, total int, current string) {
	return func(source string, done, total int, current string) {
		if done == total {
			fmt.Fprintf(w, "\r\033[K%s: %d/%d tables\n", source, done, total)
			return
		}
		fmt.Fprintf(w, "\r\033[K%s: %d/%d %s", source, done, total, current)
	}
}
