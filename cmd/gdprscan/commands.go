package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/daemon"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/schedule"
	"github.com/gdprscan/gdprscan/internal/server"
	"github.com/gdprscan/gdprscan/internal/suppress"
	"github.com/gdprscan/gdprscan/internal/version"
	"github.com/gdprscan/gdprscan/rules"
)

func newDemoCmd(g *globalFlags) *cobra.Command {
	var out, failOn string
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Build the demo CRM in embedded SQLite and scan it with the demo config",
		Long: `Demo builds a realistic demo CRM (contacts, leads, consent, orders, payments, notes,
erasure requests, staff users) in an SQLite file with known GDPR violations, then scans it
with the demo config (testdata/demo/gdprscan.yaml, built into the binary). No database
server is needed. Output: the DPIA workbook, the JSON report, the tasks file and the state.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := stderrLogger(cmd, g)
			if err != nil {
				return err
			}
			abs, err := filepath.Abs(out)
			if err != nil {
				return usageErr(err)
			}
			if err := os.MkdirAll(abs, 0o755); err != nil {
				return usageErr(err)
			}
			db := filepath.Join(abs, "crm.db")
			if err := demo.BuildSQLite(cmd.Context(), db, time.Now()); err != nil {
				return fmt.Errorf("build demo CRM: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "demo CRM: %s\n", rel(db))
			cfg, err := demo.Config(db)
			if err != nil {
				return err
			}
			return runScan(cmd, cfg, pipeline.Options{OutDir: abs, Logger: log}, failOn)
		},
	}
	cmd.Flags().StringVar(&out, "out", filepath.Join("out", "demo"), "output folder")
	cmd.Flags().StringVar(&failOn, "fail-on", "none", "exit 1 when a finding is at or above this risk level")
	return cmd
}

func newValidateCmd(g *globalFlags) *cobra.Command {
	var cfgPath string
	cmd := &cobra.Command{
		Use:   "validate --config FILE",
		Short: "Check a config, connect to each source and say what the scan role can read",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cfgPath == "" {
				return usageErr(errors.New("--config is required"))
			}
			cfg, err := config.LoadFile(cfgPath)
			if err != nil {
				return usageErr(err)
			}
			if _, err := pipeline.CheckRules(cfg); err != nil {
				return usageErr(fmt.Errorf("%s: %w", cfgPath, err))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "config %s: ok (%d sources, %d activities)\n", cfgPath, len(cfg.Sources), len(cfg.Activities))
			if p := cfg.SuppressionsPath(); p != "" {
				set, err := suppress.Load(p)
				if err != nil {
					return usageErr(err)
				}
				fmt.Fprintf(w, "suppressions %s: ok (%d)\n", rel(p), set.Len())
			}
			failed, problems := 0, 0
			for i := range cfg.Sources {
				rep, n, err := pipeline.Validate(cmd.Context(), cfg, &cfg.Sources[i])
				if err != nil {
					failed++
					fmt.Fprintf(w, "source %s (%s): FAILED: %v\n", cfg.Sources[i].Name, cfg.Sources[i].Kind, err)
					continue
				}
				problems += n
				fmt.Fprint(w, rep)
			}
			if failed > 0 {
				return &exitError{code: exitSource, err: fmt.Errorf("%d of %d sources could not be reached", failed, len(cfg.Sources))}
			}
			if problems > 0 {
				return usageErr(fmt.Errorf("%s: %d mapping problems (see above)", cfgPath, problems))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "config file (YAML)")
	return cmd
}

func newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules",
		Short: "List the rule catalogue: id, family, GDPR articles, default severity and likelihood",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tFAMILY\tARTICLES\tTIER\tSEV\tLIK\tTITLE\tNEEDS")
			for _, r := range rules.Default().Rules() {
				m := r.Meta()
				needs := m.Needs
				if needs == "" {
					needs = "-"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\t%s\n", m.ID, m.Family, strings.Join(m.Articles, ", "), m.FineTier, m.Severity, m.Likelihood, m.Title, needs)
			}
			return tw.Flush()
		},
	}
}

func newServeCmd(g *globalFlags) *cobra.Command {
	var cfgPath, listen string
	var runNow bool
	var stopTimeout, retryInterval time.Duration
	cmd := &cobra.Command{
		Use:   "serve --config FILE [--listen ADDR] [--run-now]",
		Short: "Run the configured schedules and serve /healthz, /readyz and /metrics until SIGINT or SIGTERM",
		Long: `Serve runs a scan of each source at the times of its schedule (a cron expression with a
time zone). A run of a source never overlaps the previous one: a run that would start while
the last is still going is skipped. A failed run is logged and the source runs again at its
next slot. Scheduled runs also write dated reports (<scope>-dpia-YYYY-MM-DD.xlsx).

With a PostgreSQL state and cluster.enabled, every replica running serve shares each
run's tables through job queues in the state database, and one of them merges the
results into the run's reports and tasks (docs/cluster.md).

Tasks go to the tasks file and to the sinks of tasks.sinks through an outbox in the state
store: what a sink that is down did not take is retried every --retry-interval and at the
next run, and never sent twice.

On ADDR (default 127.0.0.1:9464) it serves /healthz, /readyz (the scheduler runs and the
state store answers) and /metrics (Prometheus, gdprscan_* metrics).

On SIGINT or SIGTERM it stops scheduling, lets running scans finish for up to
--stop-timeout, then cancels them.`,
		Example: `  gdprscan serve --config gdprscan.yaml
  gdprscan serve --config gdprscan.yaml --listen 0.0.0.0:9464 --run-now`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := stderrLogger(cmd, g)
			if err != nil {
				return err
			}
			if cfgPath == "" {
				return usageErr(errors.New("--config is required"))
			}
			if stopTimeout <= 0 || retryInterval <= 0 {
				return usageErr(errors.New("--stop-timeout and --retry-interval must be positive"))
			}
			cfg, err := config.LoadFile(cfgPath)
			if err != nil {
				return usageErr(err)
			}
			if _, err := pipeline.CheckRules(cfg); err != nil {
				return usageErr(fmt.Errorf("%s: %w", cfgPath, err))
			}
			err = daemon.Run(cmd.Context(), daemon.Options{Config: cfg, Listen: listen, RunNow: runNow, Logger: log,
				StopTimeout: stopTimeout, RetryInterval: retryInterval})
			switch {
			case errors.Is(err, schedule.ErrNothingScheduled), errors.Is(err, pipeline.ErrConfig):
				return usageErr(err)
			case err != nil:
				return sourceErr(err)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "config file (YAML)")
	cmd.Flags().StringVar(&listen, "listen", server.DefaultAddr, "address of /healthz, /readyz and /metrics")
	cmd.Flags().BoolVar(&runNow, "run-now", false, "start a scan of every scheduled source at startup")
	cmd.Flags().DurationVar(&stopTimeout, "stop-timeout", schedule.DefaultStopTimeout, "on SIGINT/SIGTERM, how long running scans may finish before they are cancelled")
	cmd.Flags().DurationVar(&retryInterval, "retry-interval", daemon.DefaultRetryInterval, "how often deliveries a sink did not take are tried again")
	return cmd
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			fmt.Fprintf(cmd.OutOrStdout(), "gdprscan %s (ruleset %s)\n", version.String(), rules.RulesetVersion)
		},
	}
}
