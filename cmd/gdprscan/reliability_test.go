package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/demo"
	"github.com/gdprscan/gdprscan/internal/testdb"
)

// demoDB builds the demo CRM in dir and returns the demo config pointed at it.
func demoDB(t *testing.T, dir string) string {
	t.Helper()
	db := filepath.Join(dir, "crm.db")
	require.NoError(t, demo.BuildSQLite(context.Background(), db, time.Now()))
	return strings.Replace(string(demo.ConfigYAML), `dsn: "sqlite://crm.db"`, `dsn: "sqlite://`+db+`"`, 1)
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(text), 0o600))
	return path
}

// validate and scan reject the same config: an unknown rule id in rules.overrides.
func TestUnknownOverrideRejectedByEveryCommand(t *testing.T) {
	dir := t.TempDir()
	cfg := regexpReplace(demoDB(t, dir), `(?m)^  overrides:.*$`, "  overrides:\n    XYZ-99: {severity: 2, reason: typo}")
	require.Contains(t, cfg, "XYZ-99")
	p := writeFile(t, filepath.Join(dir, "gdprscan.yaml"), cfg)
	for _, cmd := range []string{"validate", "scan", "serve"} {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second) // serve must not start
		var o, e bytes.Buffer
		code := run(ctx, []string{cmd, "--config", p, "--listen", "127.0.0.1:0"}[:map[bool]int{true: 5, false: 3}[cmd == "serve"]], &o, &e)
		cancel()
		errOut := e.String()
		assert.Equal(t, exitUsage, code, cmd)
		assert.Contains(t, errOut, p+`: invalid configuration: rules.overrides: rules: unknown rule "XYZ-99"`, cmd)
	}
}

// Bad input in the config stops the scan before it starts: exit 2, the file and line,
// and no report written.
func TestBadConfigStopsBeforeScanning(t *testing.T) {
	for name, tt := range map[string]struct{ want string }{
		"duration": {want: `gdprscan.yaml:%d: invalid duration "forever"`},
		"dsn":      {want: `invalid mysql DSN: invalid port ":port" after host`},
		"glob":     {want: `malformed glob "cont[acts"`},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			cfg := demoDB(t, dir)
			switch name {
			case "duration":
				cfg = regexpReplace(cfg, `statement_timeout: 30s`, "statement_timeout: forever")
			case "dsn":
				cfg = regexpReplace(cfg, `(?m)^    kind: sqlite.*$`, "    kind: mysql")
				cfg = regexpReplace(cfg, `dsn: "sqlite://[^"]*"`, `dsn: "mysql://scan:Sup3rSecret@db:port/crm"`)
			case "glob":
				cfg = regexpReplace(cfg, `(?m)^(    kind: sqlite.*)$`, "$1\n    include_tables: [\"cont[acts\"]")
			}
			p := writeFile(t, filepath.Join(dir, "gdprscan.yaml"), cfg)
			out := filepath.Join(dir, "out")
			code, stdout, errOut := runCLI(t, "scan", "--config", p, "--out", out)
			assert.Equal(t, exitUsage, code, stdout+errOut)
			want := tt.want
			if name == "duration" {
				want = strings.Replace(want, "%d", lineOf(cfg, "statement_timeout: forever"), 1)
			}
			assert.Contains(t, errOut, want)
			assert.NotContains(t, errOut, "Sup3rSecret")
			assert.NoDirExists(t, out, "nothing written")
		})
	}
}

// --previous naming a file that is not a workbook is refused before the scan.
func TestPreviousMustBeAWorkbook(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, filepath.Join(dir, "gdprscan.yaml"), demoDB(t, dir))
	notes := writeFile(t, filepath.Join(dir, "notes.xlsx"), "just text")
	var zbuf bytes.Buffer
	zw := zip.NewWriter(&zbuf)
	_, err := zw.Create("hello.txt")
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	otherZip := writeFile(t, filepath.Join(dir, "other.xlsx"), zbuf.String())
	for file, want := range map[string]string{
		notes:                        "is not an Excel workbook",
		otherZip:                     "is a zip file but not an Excel workbook",
		filepath.Join(dir, "nope.x"): "no such file",
	} {
		out := filepath.Join(dir, "out-"+filepath.Base(file))
		code, _, errOut := runCLI(t, "scan", "--config", p, "--out", out, "--previous", file)
		assert.Equal(t, exitUsage, code, errOut)
		assert.Contains(t, errOut, "--previous: ")
		assert.Contains(t, errOut, want)
		assert.NoFileExists(t, filepath.Join(out, "crm-report.json"), "no scan ran")
	}
}

// A source of whose tables every one failed (a role that may read none) exits 3; the
// report still lists what failed.
func TestEveryTableFailedExits3(t *testing.T) {
	dsn := testdb.Postgres(t)
	admin := openWritable(t, dsn)
	role := fmt.Sprintf("gdprscan_none_%d", time.Now().UnixNano())
	for _, s := range []string{"CREATE TABLE contacts (id int PRIMARY KEY, email text)", "CREATE TABLE leads (id int PRIMARY KEY, name text)",
		"CREATE ROLE " + role + " LOGIN", "GRANT USAGE ON SCHEMA public TO " + role} {
		_, err := admin.Exec(s)
		require.NoError(t, err, s)
	}
	t.Cleanup(func() {
		_, _ = admin.Exec("DROP OWNED BY " + role)
		_, err := admin.Exec("DROP ROLE " + role)
		assert.NoError(t, err)
	})
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	u.User = url.User(role)
	dir := t.TempDir()
	code, out, errOut := runCLI(t, "scan", "--dsn", u.String(), "--out", dir, "--format", "json", "--fail-on", "none")
	require.Equal(t, exitSource, code, out+errOut)
	assert.Contains(t, errOut, "1 of 1 sources could not be scanned")
	assert.Contains(t, out, "0 tables, 2 failed")
	files, _ := filepath.Glob(filepath.Join(dir, "*-report.json"))
	require.Len(t, files, 1)
	b, err := os.ReadFile(files[0])
	require.NoError(t, err)
	var rep struct {
		Sources []struct {
			TablesFailed []struct{ Table, Error string } `json:"tables_failed"`
		} `json:"sources"`
	}
	require.NoError(t, json.Unmarshal(b, &rep))
	require.Len(t, rep.Sources[0].TablesFailed, 2)
	assert.Contains(t, rep.Sources[0].TablesFailed[0].Error, "permission denied")
}

func regexpReplace(s, expr, repl string) string {
	return regexp.MustCompile(expr).ReplaceAllString(s, repl)
}

func lineOf(text, sub string) string {
	i := strings.Index(text, sub)
	return strconv.Itoa(strings.Count(text[:max(i, 0)], "\n") + 1)
}

// A malformed --dsn is a usage error naming the problem, never the password.
func TestBadDSNFlag(t *testing.T) {
	for dsn, want := range map[string]string{
		"postgres://scan:Sup3rSecret@db:99999/crm":          "--dsn: invalid postgres DSN: ",
		"mysql://scan:Sup3rSecret@db:3306/":                 "--dsn: invalid mysql DSN: it names no database",
		"mysql://scan:Sup3rSecret@db:3306/crm?timeout=ever": "--dsn: invalid mysql DSN: ",
	} {
		code, _, errOut := runCLI(t, "scan", "--dsn", dsn, "--out", t.TempDir())
		assert.Equal(t, exitUsage, code, dsn)
		assert.Contains(t, errOut, want)
		assert.NotContains(t, errOut, "Sup3rSecret")
	}
}
