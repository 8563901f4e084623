package suggest_test

import (
	"context"
	"database/sql"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/suggest"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/postgres"
)

// A table the scanner's role may not read and a view that outlasts the statement
// timeout are skipped and named with their reason; the draft is made from the rest.
func TestReadSkipsUnreadableTables(t *testing.T) {
	dsn := testdb.Postgres(t)
	admin := testdb.Writable(t, dsn)
	for _, q := range []string{
		`CREATE TABLE contacts (id int PRIMARY KEY, email text, first_name text, last_name text, created_at timestamp)`,
		`INSERT INTO contacts VALUES (1, 'anna.berg@posteo.de', 'Anna', 'Berg', now()), (2, 'jonas.wolf@gmx.de', 'Jonas', 'Wolf', now())`,
		`CREATE TABLE hr_salaries (id int PRIMARY KEY, contact_id int, salary numeric)`,
		`CREATE VIEW slow_report AS SELECT c.id, c.email FROM contacts c, pg_sleep(4) s`, // outlasts the 1s timeout
	} {
		_, err := admin.Exec(q)
		require.NoError(t, err, q)
	}
	roleDSN := readerRole(t, dsn, admin, "contacts", "slow_report")

	src, err := postgres.Open(context.Background(), roleDSN, scanner.Options{Name: "crm", StatementTimeout: time.Second})
	require.NoError(t, err)
	defer src.Close()
	classifier, err := detect.New()
	require.NoError(t, err)
	cat, err := suggest.Read(context.Background(), src, classifier, 50)
	require.NoError(t, err, "one unreadable table does not stop init")

	var read []string
	for _, tb := range cat.Tables {
		read = append(read, tb.Name)
	}
	assert.Equal(t, []string{"contacts"}, read)
	require.Len(t, cat.Skipped, 2)
	reasons := map[string]string{}
	for _, sk := range cat.Skipped {
		reasons[sk.Table] = sk.Reason
	}
	assert.Contains(t, reasons["public.hr_salaries"], "permission denied")
	assert.Contains(t, reasons["public.slow_report"], "statement timeout")

	draft := suggest.Suggest(cat)
	require.Len(t, draft.Mapping.Subjects, 1)
	doc := string(draft.YAML(suggest.Header{Name: "crm", Kind: "postgres", DSN: "postgres://scanner@db/crm"}))
	assert.Contains(t, doc, "#   - skipped table public.hr_salaries (could not be read: ")
	assert.Contains(t, doc, "#   - skipped table public.slow_report (could not be read: ")
	assert.NotContains(t, doc, "anna.berg", "no sampled value in the draft")
}

// readerRole creates a login role that may read only the given tables of the database
// and returns its DSN; the role is dropped when the test ends.
func readerRole(t *testing.T, dsn string, admin *sql.DB, tables ...string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	role := "gdprscan_reader_" + strings.TrimPrefix(strings.Trim(u.Path, "/"), "gdprscan_test_")
	for _, q := range []string{
		"CREATE ROLE " + role + " LOGIN",
		"GRANT SELECT ON " + strings.Join(tables, ", ") + " TO " + role,
	} {
		_, err := admin.Exec(q)
		require.NoError(t, err, q)
	}
	t.Cleanup(func() {
		for _, q := range []string{"DROP OWNED BY " + role, "DROP ROLE " + role} {
			if _, err := admin.Exec(q); err != nil {
				t.Errorf("%s: %v", q, err)
			}
		}
	})
	u.User = url.User(role)
	return u.String()
}
