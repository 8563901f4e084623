package main

import (
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/spf13/cobra"

	"github.com/gdprscan/gdprscan/scanner/mysql"
)

type globalFlags struct {
	logLevel  string
	logFormat string
}

func newRootCmd() *cobra.Command {
	g := &globalFlags{}
	root := &cobra.Command{
		Use:   "gdprscan",
		Short: "Find personal data in CRM databases and check it against GDPR rules",
		Long: `gdprscan walks CRM databases (PostgreSQL, MySQL/MariaDB, SQLite), finds the columns that
hold personal data, flags data held without consent, past its retention period or without a
lawful basis, and writes a DPIA workbook, a JSON report and remediation tasks.`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.PersistentFlags().StringVar(&g.logLevel, "log-level", "info", "log level: debug, info, warn, error")
	root.PersistentFlags().StringVar(&g.logFormat, "log-format", "text", "log format: text, json")
	root.AddCommand(newScanCmd(g), newDemoCmd(g), newValidateCmd(g), newRulesCmd(), newServeCmd(g), newVersionCmd(), newInitCmd(g))
	return root
}

// logger builds the slog logger the flags ask for; logs go to stderr.
func (g *globalFlags) logger(w io.Writer) (*slog.Logger, error) {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(g.logLevel)); err != nil {
		return nil, usageErr(fmt.Errorf("--log-level %q: valid: debug, info, warn, error", g.logLevel))
	}
	opts := &slog.HandlerOptions{Level: lvl}
	var l *slog.Logger
	switch strings.ToLower(g.logFormat) {
	case "text":
		l = slog.New(slog.NewTextHandler(w, opts))
	case "json":
		l = slog.New(slog.NewJSONHandler(w, opts))
	default:
		return nil, usageErr(fmt.Errorf("--log-format %q: valid: json, text", g.logFormat))
	}
	// The MySQL driver logs on its own ("closing bad idle connection"); route it here so
	// --log-format holds for every line.
	mysql.SetLogger(l.With("component", "mysql-driver"))
	return l, nil
}

func stderrLogger(cmd *cobra.Command, g *globalFlags) (*slog.Logger, error) {
	return g.logger(cmd.ErrOrStderr())
}
