package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var o, e bytes.Buffer
	code = run(context.Background(), args, &o, &e)
	return code, o.String(), e.String()
}

func TestHelpOnEveryCommand(t *testing.T) {
	for _, c := range []string{"scan", "demo", "validate", "rules", "serve", "version", "init"} {
		code, out, _ := runCLI(t, c, "--help")
		assert.Equal(t, exitOK, code, c)
		assert.Contains(t, out, "Usage:", c)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"scan"}, "give either --config FILE or --dsn URL"},
		{[]string{"scan", "--config", "a.yaml", "--dsn", "sqlite://x.db"}, "give either"},
		{[]string{"scan", "--dsn", "oracle://db/x"}, `unknown DSN scheme "oracle"`},
		{[]string{"scan", "--config", "../../config/testdata/bad/unknown-kind.yaml"}, `unknown-kind.yaml:3: source "crm": unknown kind "oracle"`},
		{[]string{"scan", "--dsn", "sqlite://x.db", "--fail-on", "severe"}, `unknown risk level "severe"`},
		{[]string{"scan", "--dsn", "sqlite://x.db", "--phone-regions", "BR,XX"}, `--phone-regions: unknown phone region "XX"`},
		{[]string{"scan", "--bogus"}, "unknown flag: --bogus"},
		{[]string{"--log-level", "loud", "scan", "--dsn", "sqlite://x.db"}, "--log-level"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errOut := runCLI(t, tt.args...)
			assert.Equal(t, exitUsage, code)
			assert.Contains(t, errOut, tt.want)
		})
	}
}

func TestRulesAndVersion(t *testing.T) {
	code, out, _ := runCLI(t, "rules")
	require.Equal(t, exitOK, code)
	for _, id := range []string{"DSC-02", "CNS-01", "LAW-01", "RET-01", "SPC-01", "ERA-01", "SEC-01"} {
		assert.Contains(t, out, id)
	}
	code, out, _ = runCLI(t, "version")
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, "gdprscan")
}

func TestMissingSourceExits3(t *testing.T) {
	dir := t.TempDir()
	code, _, errOut := runCLI(t, "scan", "--dsn", "sqlite://"+filepath.Join(dir, "missing.db"), "--out", dir)
	assert.Equal(t, exitSource, code)
	assert.Contains(t, errOut, "could not be scanned")
}

func TestDemoCommand(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runCLI(t, "demo", "--out", dir)
	require.Equal(t, exitOK, code, out)
	for _, f := range []string{"crm.db", "crm-dpia.xlsx", "crm-report.json", "tasks.jsonl", "state.db"} {
		assert.FileExists(t, filepath.Join(dir, f))
	}
	assert.Contains(t, out, "personal columns:")
	assert.Contains(t, out, "findings:")

	// The demo has critical findings, so --fail-on high exits 1.
	code, _, _ = runCLI(t, "demo", "--out", dir, "--fail-on", "high")
	assert.Equal(t, exitFindings, code)

	// validate on the demo config pointed at the demo database.
	cfg := strings.Replace(string(demo.ConfigYAML), `dsn: "sqlite://crm.db"`, `dsn: "sqlite://`+filepath.Join(dir, "crm.db")+`"`, 1)
	p := filepath.Join(dir, "gdprscan.yaml")
	require.NoError(t, os.WriteFile(p, []byte(cfg), 0o600))
	code, out, errOut := runCLI(t, "validate", "--config", p)
	require.Equal(t, exitOK, code, out+errOut)
	assert.Contains(t, out, "session read-only: yes")
	assert.Contains(t, out, "CNS-01 on contacts: ok")
	assert.Contains(t, out, "RET-01 on leads: ok")

	// A mapping that names a missing column is a config error.
	bad := strings.Replace(cfg, "received_column: received_at", "received_column: received_on", 1)
	require.NoError(t, os.WriteFile(p, []byte(bad), 0o600))
	code, out, _ = runCLI(t, "validate", "--config", p)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, out, `column "received_on" not found`)
}

func TestDemoConfigEmbeddedCopyMatchesTestdata(t *testing.T) {
	b, err := os.ReadFile("../../testdata/demo/gdprscan.yaml")
	require.NoError(t, err)
	assert.Equal(t, string(b), string(demo.ConfigYAML), "run make demo-config")
}

// A hand-made CRM in a naming style of its own, with odd identifiers, scanned with
// --dsn on real PostgreSQL and MariaDB.
func TestScanDSNOnHandMadeDatabases(t *testing.T) {
	for _, kind := range []string{"postgres", "mysql"} {
		t.Run(kind, func(t *testing.T) {
			var dsn string
			if kind == "postgres" {
				dsn = testdb.Postgres(t)
			} else {
				dsn = testdb.MySQL(t)
			}
			db := openWritable(t, dsn)
			q := func(s string) string {
				if kind == "mysql" {
					return strings.ReplaceAll(s, `"`, "`")
				}
				return s
			}
			stmts := []string{
				`CREATE TABLE "Kunden Stamm" ("KdNr" INTEGER PRIMARY KEY, "Vorname" VARCHAR(80), "Nachname" VARCHAR(80), "E-Mail" VARCHAR(120), "select" VARCHAR(40), "GebDatum" DATE)`,
				`CREATE TABLE "order" ("id" INTEGER PRIMARY KEY, "KdNr" INTEGER, "Betrag" DECIMAL(10,2))`,
			}
			for _, s := range stmts {
				_, err := db.Exec(q(s))
				require.NoError(t, err, s)
			}
			first := []string{"Jürgen", "Anna", "Łukasz", "Marie", "Sofía", "Pieter", "Giulia", "Oskar"}
			last := []string{"Müller", "Schmidt", "Nowak", "Dubois", "García", "de Vries", "Rossi", "Lindqvist"}
			ins := q(`INSERT INTO "Kunden Stamm" ("KdNr", "Vorname", "Nachname", "E-Mail", "select", "GebDatum") VALUES (?, ?, ?, ?, ?, ?)`)
			if kind == "postgres" {
				ins = `INSERT INTO "Kunden Stamm" ("KdNr", "Vorname", "Nachname", "E-Mail", "select", "GebDatum") VALUES ($1, $2, $3, $4, $5, $6)`
			}
			for i := 0; i < 40; i++ {
				f, l := first[i%len(first)], last[(i*3)%len(last)]
				email := fmt.Sprintf("%s.%s%d@mailbox.org", strings.ToLower(f[:1]), strings.ToLower(strings.ReplaceAll(l, " ", "")), i)
				birth := time.Date(1950+i, time.Month(1+i%12), 1+i%27, 0, 0, 0, 0, time.UTC)
				_, err := db.Exec(ins, i+1, f, l, email, []string{"gold", "silver"}[i%2], birth)
				require.NoError(t, err)
			}
			dir := t.TempDir()
			code, out, errOut := runCLI(t, "scan", "--dsn", dsn, "--out", dir, "--format", "json", "--fail-on", "none")
			require.Equal(t, exitOK, code, out+errOut)
			assert.NotContains(t, out+errOut, "gdprscan_test_pw", "no secret in output")

			files, _ := filepath.Glob(filepath.Join(dir, "*-report.json"))
			require.Len(t, files, 1)
			b, err := os.ReadFile(files[0])
			require.NoError(t, err)
			var rep struct {
				Sources []struct {
					TablesScanned int `json:"tables_scanned"`
				} `json:"sources"`
				Inventory []struct {
					Table, Column, Category string
					Personal                bool
				} `json:"inventory"`
				NotEvaluated []struct {
					RuleID string `json:"rule_id"`
				} `json:"not_evaluated"`
			}
			require.NoError(t, json.Unmarshal(b, &rep))
			require.Equal(t, 2, rep.Sources[0].TablesScanned)
			got := map[string]string{}
			for _, it := range rep.Inventory {
				if it.Personal {
					got[it.Table+"."+it.Column] = it.Category
				}
			}
			assert.Equal(t, "email", got["Kunden Stamm.E-Mail"])
			assert.Equal(t, "person_name", got["Kunden Stamm.Vorname"])
			assert.Equal(t, "person_name", got["Kunden Stamm.Nachname"])
			assert.Equal(t, "date_of_birth", got["Kunden Stamm.GebDatum"])
			assert.NotContains(t, got, "Kunden Stamm.select")
			assert.NotContains(t, got, "order.Betrag")
			assert.NotEmpty(t, rep.NotEvaluated, "mapped rules are listed as not evaluated")
		})
	}
}

func openWritable(t *testing.T, dsn string) *sql.DB {
	t.Helper()
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	var db *sql.DB
	if u.Scheme == "postgres" {
		db, err = sql.Open("pgx", dsn)
	} else {
		pw, _ := u.User.Password()
		db, err = sql.Open("mysql", fmt.Sprintf("%s:%s@tcp(%s)%s?parseTime=true", u.User.Username(), pw, u.Host, u.Path))
	}
	require.NoError(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}
