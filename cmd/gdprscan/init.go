package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/suggest"
	"github.com/gdprscan/gdprscan/rules/detect"
)

func newInitCmd(g *globalFlags) *cobra.Command {
	var dsn, out string
	var force bool
	var sample int
	var regions string
	cmd := &cobra.Command{
		Use:   "init --dsn URL [-o FILE]",
		Short: "Draft a config from a database: people, consent, retention anchors, deletes, requests",
		Long: `Init reads the catalogue of one database, samples and classifies its columns as a scan
does, and writes a starter config: the tables of people and their keys, the consent
table and its columns (mapped onto the canonical consent model), opt-in and opt-out
flags, per-address email consent, list memberships, campaign sends, timestamps to anchor
retention on, soft-delete columns, contracts, activity logs, erasure-request, legal-hold
and suppression tables. Every suggestion is marked "# suggested: review". The Art. 30
activities cannot be guessed and are left for you. A table that cannot be read is
skipped and named in the file's header.

A password in the DSN is not written: the file refers to an environment variable instead.`,
		Example: `  gdprscan init --dsn postgres://scanner@db:5432/crm -o crm.yaml
  gdprscan init --dsn sqlite://crm.db -o -`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := stderrLogger(cmd, g)
			if err != nil {
				return err
			}
			if dsn == "" {
				return usageErr(errors.New("--dsn is required"))
			}
			if sample < 1 {
				return usageErr(fmt.Errorf("--sample-size must be greater than 0, got %d", sample))
			}
			if out != "-" && !force {
				if _, err := os.Stat(out); err == nil {
					return usageErr(fmt.Errorf("%s exists: choose another -o or pass --force", out))
				} else if !errors.Is(err, fs.ErrNotExist) {
					return usageErr(err)
				}
			}
			quick, err := pipeline.QuickConfig(dsn)
			if err != nil {
				return usageErr(err)
			}
			src := &quick.Sources[0]
			source, err := pipeline.Open(cmd.Context(), src)
			if err != nil {
				return sourceErr(err)
			}
			defer source.Close()
			var disc config.Discovery
			if regions != "" {
				if disc.PhoneRegions, err = config.ParsePhoneRegions(splitList(regions)); err != nil {
					return usageErr(fmt.Errorf("--phone-regions: %w", err))
				}
			}
			classifier, err := detect.New(detect.ConfigOptions(disc)...)
			if err != nil {
				return err
			}
			cat, err := suggest.Read(cmd.Context(), source, classifier, sample)
			if err != nil {
				return sourceErr(fmt.Errorf("source %s: %w", src.Name, err))
			}
			for _, sk := range cat.Skipped {
				log.Warn("table skipped: the draft is made from the other tables", "table", sk.Table, "error", sk.Reason)
			}
			draft := suggest.Suggest(cat)
			written, env := suggest.SafeDSN(dsn, src.Name)
			doc := draft.YAML(suggest.Header{Name: src.Name, Kind: src.Kind, DSN: written, Now: time.Now(), PhoneRegions: disc.PhoneRegions})
			// The draft must load as it is; the password variable may not be set here.
			check := doc
			if env != "" {
				check = []byte(strings.ReplaceAll(string(doc), "${"+env+"}", "x"))
			}
			if _, err := config.Load(check, "drafted config"); err != nil {
				return fmt.Errorf("the drafted config does not load (a bug): %w", err)
			}
			w := cmd.OutOrStdout()
			if out == "-" {
				_, err := w.Write(doc)
				return err
			}
			if err := os.WriteFile(out, doc, 0o600); err != nil {
				return usageErr(err)
			}
			m := draft.Mapping
			fmt.Fprintf(w, "wrote %s: %d subject tables, consent table: %s, email consent: %s, %d lists, %d sends, %d retention rules, erasure table: %s\n",
				out, len(m.Subjects), orNone(m.Consent != nil, func() string { return m.Consent.Table }),
				orNone(m.EmailConsent != nil, func() string { return m.EmailConsent.Table }), len(m.Lists), len(m.Sends), len(m.Retention),
				orNone(m.Erasure != nil, func() string { return m.Erasure.Table }))
			if len(cat.Skipped) > 0 {
				names := make([]string, len(cat.Skipped))
				for i, sk := range cat.Skipped {
					names[i] = sk.Table
				}
				fmt.Fprintf(w, "skipped %d unreadable tables (%s): see the file's header\n", len(names), strings.Join(names, ", "))
			}
			fmt.Fprintln(w, "review every line marked \"# suggested: review\", add your activities, then run: gdprscan validate --config "+out)
			if env != "" {
				fmt.Fprintf(w, "the DSN's password is not in the file: set %s before scanning\n", env)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&dsn, "dsn", "", "database to draft the config from (postgres://…, mysql://…, sqlite://…)")
	cmd.Flags().StringVarP(&out, "out", "o", "gdprscan.yaml", "file to write, or - for stdout")
	cmd.Flags().BoolVar(&force, "force", false, "overwrite the file if it exists")
	cmd.Flags().IntVar(&sample, "sample-size", config.DefaultSampleSize, "rows sampled per table to classify columns")
	cmd.Flags().StringVar(&regions, "phone-regions", "", "regions to parse phone numbers without a country code in, comma-separated (default as for scan); written to discovery.phone_regions")
	return cmd
}

func orNone(ok bool, f func() string) string {
	if !ok {
		return "none found"
	}
	return f()
}
