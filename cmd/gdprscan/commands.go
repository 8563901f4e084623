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
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/schedule"
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
			if _, err := rules.Default().Select(cfg.Rules.Enable, cfg.Rules.Disable); err != nil {
				return usageErr(fmt.Errorf("%s: rules: %w", cfgPath, err))
			}
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "config %s: ok (%d sources, %d activities)\n", cfgPath, len(cfg.Sources), len(cfg.Activities))
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
	var cfgPath string
	cmd := &cobra.Command{
		Use:   "serve --config FILE",
		Short: "Run the configured schedules until SIGINT or SIGTERM",
		Long: `Serve runs a scan of each source at the times of its schedule (a cron expression with a
time zone). A run of a source never overlaps the previous one: a run that would start while
the last is still going is skipped. On SIGINT or SIGTERM it stops cleanly.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := stderrLogger(cmd, g)
			if err != nil {
				return err
			}
			if cfgPath == "" {
				return usageErr(errors.New("--config is required"))
			}
			cfg, err := config.LoadFile(cfgPath)
			if err != nil {
				return usageErr(err)
			}
			s, err := schedule.New(cfg, schedule.WithLogger(log))
			if err != nil {
				return usageErr(err)
			}
			return s.Serve(cmd.Context())
		},
	}
	cmd.Flags().StringVar(&cfgPath, "config", "", "config file (YAML)")
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
