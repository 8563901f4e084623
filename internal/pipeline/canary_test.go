package pipeline_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/pipeline"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// canaryDomain is in every seeded canary e-mail; canaryPhone is a seeded phone number.
const (
	canaryDomain = "leak-canary.example"
	canaryPhone  = "+49 30 55501234"
)

// outputsContain reports the files under dir (the contents of workbooks unpacked) and the
// log text that contain any of needles.
func outputsContain(t *testing.T, dir, logs string, needles ...string) []string {
	t.Helper()
	var hits []string
	check := func(where string, b []byte) {
		for _, n := range needles {
			if bytes.Contains(b, []byte(n)) {
				hits = append(hits, where+": "+n)
			}
		}
	}
	check("log", []byte(logs))
	require.NoError(t, filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		check(p, b)
		if strings.HasSuffix(p, ".xlsx") {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			require.NoError(t, err)
			for _, f := range zr.File {
				rc, err := f.Open()
				require.NoError(t, err)
				x, err := io.ReadAll(rc)
				rc.Close()
				require.NoError(t, err)
				check(p+"!"+f.Name, x)
			}
		}
		return nil
	}))
	return hits
}

// Canary e-mails and phone numbers seeded into the CRM appear nowhere in the reports,
// workbook, tasks, state or logs — not even where the driver's own error text quotes one
// (PostgreSQL: invalid input syntax for type integer: "<value>"). With
// report.masked_examples: false, not even masked examples are written.
func TestCanariesNeverLeak(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	for _, kind := range []string{"postgres", "mysql"} {
		t.Run(kind, func(t *testing.T) {
			ctx := context.Background()
			dsn, d := testdb.Postgres(t), dialect.Postgres
			if kind == "mysql" {
				dsn, d = testdb.MySQL(t), dialect.MySQL
			}
			db := testdb.Writable(t, dsn)
			require.NoError(t, demo.Load(ctx, db, d, demo.Generate(now)))
			concat := "'canary.' || id || '@" + canaryDomain + "'"
			if kind == "mysql" {
				concat = "CONCAT('canary.', id, '@" + canaryDomain + "')"
			}
			for _, q := range []string{"UPDATE leads SET email = " + concat, "UPDATE contacts SET email = " + concat + ", phone = '" + canaryPhone + "'"} {
				_, err := db.Exec(q)
				require.NoError(t, err, q)
			}
			yaml := string(demo.ConfigYAML)
			if kind == "postgres" {
				// A mapped filter whose error makes the driver quote a value.
				yaml = strings.Replace(yaml, `subject_filter: "status <> 'converted'"`, `subject_filter: "status <> 'converted' AND CAST(email AS integer) > 0"`, 1)
			}
			for _, examples := range []bool{true, false} {
				dir := t.TempDir()
				text := yaml
				if !examples {
					text = regexp.MustCompile(`(?m)^report:.*$`).ReplaceAllString(text, "report:\n  masked_examples: false")
					require.Contains(t, text, "masked_examples: false")
				}
				cfg, err := config.Load([]byte(text), "gdprscan.yaml")
				require.NoError(t, err)
				cfg.Sources[0].Kind, cfg.Sources[0].DSN = kind, config.Secret(dsn)
				var logs bytes.Buffer
				out, err := pipeline.Run(ctx, pipeline.Options{Config: cfg, OutDir: dir, Now: func() time.Time { return now },
					Logger: slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))})
				require.NoError(t, err)
				if kind == "postgres" {
					failed := failedTables(out)["public.leads"]
					require.Contains(t, failed, `invalid input syntax for type integer: "***"`, "the driver's error was kept, scrubbed")
				}
				require.Empty(t, outputsContain(t, dir, logs.String(), canaryDomain, "canary.", canaryPhone, "55501234"))
				examplesSeen := 0
				for _, it := range out.Report.Inventory {
					examplesSeen += len(it.MaskedExamples)
				}
				if examples {
					require.NotZero(t, examplesSeen, "masked examples are in the report by default")
				} else {
					require.Zero(t, examplesSeen, "masked_examples: false leaves them out")
					for _, f := range out.Report.Findings {
						require.NotContains(t, f.Evidence, "masked_examples")
					}
				}
			}
		})
	}
}
