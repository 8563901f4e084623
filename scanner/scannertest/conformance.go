// Package scannertest holds the conformance suite every scanner.Source engine runs, so
// that PostgreSQL, MySQL and SQLite behave alike where the scanner relies on it.
package scannertest

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
)

// Harness is what an engine test hands to Run.
type Harness struct {
	// Dialect of the engine; the fixture DDL is written in it.
	Dialect dialect.Dialect
	// Admin is a writable connection to an empty database; the suite creates its
	// fixtures through it and checks through it that writes were refused.
	Admin *sql.DB
	// Open opens the read-only source under test on that same database. It is called
	// after the fixtures exist and should register closing with t.Cleanup.
	Open func(t *testing.T, opts scanner.Options) scanner.Source
}

// SourceName is the scanner.Options.Name the suite opens sources with.
const SourceName = "conformance"

// Fixture table names. They exercise quoting: a reserved word, spaces, mixed case and
// an embedded double quote.
const (
	Customers = "customers"
	View      = "customer_emails"
	Odd       = `Odd "Table" Name`
	Order     = "order"
	Events    = "events"

	customerRows = 200
)

// Run creates the fixtures and checks the source against them.
func Run(t *testing.T, h Harness) {
	t.Helper()
	ctx := context.Background()
	require.True(t, h.Dialect.Valid(), "harness dialect")
	createFixtures(t, h)
	src := h.Open(t, scanner.Options{Name: SourceName, StatementTimeout: 10 * time.Second})
	require.Equal(t, h.Dialect, src.Dialect())

	units, err := src.Units(ctx)
	require.NoError(t, err)
	byName := map[string]scanner.Unit{}
	for _, u := range units {
		byName[u.Table] = u
	}

	t.Run("units", func(t *testing.T) { checkUnits(t, units) })
	t.Run("sample", func(t *testing.T) { checkSample(t, src, byName) })
	t.Run("query", func(t *testing.T) { checkQuery(t, h.Dialect, src) })
	t.Run("writes refused", func(t *testing.T) { checkWritesRefused(t, h, src) })
	t.Run("describe", func(t *testing.T) { checkDescribe(t, src) })
	t.Run("cancelled context", func(t *testing.T) {
		cctx, cancel := context.WithCancel(ctx)
		cancel()
		_, err := src.Units(cctx)
		require.Error(t, err)
	})
}

// types maps the suite's portable column types to each dialect.
func types(d dialect.Dialect) (timestamp, blob string) {
	switch d {
	case dialect.Postgres:
		return "TIMESTAMP", "BYTEA"
	case dialect.MySQL:
		return "DATETIME", "BLOB"
	default:
		return "TIMESTAMP", "BLOB"
	}
}

func blobLiteral(d dialect.Dialect, hex string) string {
	if d == dialect.Postgres {
		return "decode('" + hex + "', 'hex')"
	}
	return "X'" + hex + "'"
}

func createFixtures(t *testing.T, h Harness) {
	t.Helper()
	d := h.Dialect
	q := d.Ident
	ts, blob := types(d)
	withoutRowid := ""
	if d == dialect.SQLite {
		withoutRowid = " WITHOUT ROWID" // exercises the engine's non-rowid sampling path
	}

	var values []string
	for i := 1; i <= customerRows; i++ {
		phone := "NULL" // NULL on odd ids: samples must drop these
		if i%2 == 0 {
			phone = fmt.Sprintf("'+49 30 %07d'", i)
		}
		birth := "'1990-05-17'"
		if i%3 == 0 {
			birth = "NULL"
		}
		photo := "NULL"
		if i%10 == 0 {
			photo = blobLiteral(d, "00ff10")
		}
		values = append(values, fmt.Sprintf("(%d, 'user%d@example.com', %s, '2024-01-02 03:04:05', %s, %s)",
			i, i, phone, birth, photo))
	}

	stmts := []string{
		fmt.Sprintf(`CREATE TABLE %s (%s INTEGER PRIMARY KEY, %s VARCHAR(200) NOT NULL,
			%s VARCHAR(50) DEFAULT 'unknown', %s %s NOT NULL, %s DATE, %s %s)`,
			q(Customers), q("id"), q("email"), q("phone"), q("created_at"), ts, q("birth_date"), q("photo"), blob),
		fmt.Sprintf("INSERT INTO %s (%s, %s, %s, %s, %s, %s) VALUES %s", q(Customers),
			q("id"), q("email"), q("phone"), q("created_at"), q("birth_date"), q("photo"), strings.Join(values, ", ")),
		fmt.Sprintf("CREATE VIEW %s AS SELECT %s, %s FROM %s WHERE %s <= 100",
			q(View), q("id"), q("email"), q(Customers), q("id")),
		fmt.Sprintf("CREATE TABLE %s (%s INTEGER PRIMARY KEY, %s VARCHAR(100), %s VARCHAR(100))",
			q(Odd), q("id"), q("Full Name"), q("e-mail")),
		fmt.Sprintf("INSERT INTO %s VALUES (1, 'Anna Schmidt', 'anna@example.org'), (2, NULL, 'bob@example.org')", q(Odd)),
		// The key order (select, id) differs from the column order on purpose.
		fmt.Sprintf("CREATE TABLE %s (%s INTEGER NOT NULL, %s VARCHAR(20) NOT NULL, %s VARCHAR(100), PRIMARY KEY (%s, %s))%s",
			q(Order), q("id"), q("select"), q("Full Name"), q("select"), q("id"), withoutRowid),
		fmt.Sprintf("INSERT INTO %s VALUES (1, 'a', 'Jan Kowalski'), (2, 'b', 'Eva Novak'), (3, 'c', NULL)", q(Order)),
		fmt.Sprintf("CREATE TABLE %s (%s VARCHAR(20), %s %s)", q(Events), q("kind"), q("at"), ts),
		fmt.Sprintf("INSERT INTO %s VALUES ('login', '2024-03-04 05:06:07'), ('logout', NULL)", q(Events)),
	}
	for _, s := range stmts {
		_, err := h.Admin.Exec(s)
		require.NoError(t, err, s)
	}
}

func checkUnits(t *testing.T, units []scanner.Unit) {
	var names, ids []string
	for _, u := range units {
		names = append(names, u.Table)
		ids = append(ids, u.ID())
		assert.Equal(t, SourceName, u.Source, u.Table)
		assert.NotEmpty(t, u.Database, u.Table)
		assert.NotEmpty(t, u.Schema, u.Table)
		assert.GreaterOrEqual(t, u.RowEstimate, int64(-1), u.Table)
		require.NotEmpty(t, u.Columns, u.Table)
		for _, c := range u.Columns {
			assert.NotEmpty(t, c.DataType, "%s.%s", u.Table, c.Name)
		}
	}
	require.ElementsMatch(t, []string{Customers, View, Odd, Order, Events}, names)
	slices.Sort(ids)
	require.Len(t, slices.Compact(ids), len(units), "unit IDs are unique")

	find := func(name string) scanner.Unit {
		i := slices.IndexFunc(units, func(u scanner.Unit) bool { return u.Table == name })
		return units[i]
	}
	colNames := func(u scanner.Unit) []string {
		var out []string
		for _, c := range u.Columns {
			out = append(out, c.Name)
		}
		return out
	}

	c := find(Customers)
	assert.False(t, c.IsView)
	assert.Equal(t, []string{"id"}, c.PrimaryKey)
	assert.Equal(t, []string{"id", "email", "phone", "created_at", "birth_date", "photo"}, colNames(c))
	email, _ := c.Column("EMAIL")
	assert.False(t, email.Nullable, "email is NOT NULL")
	assert.Nil(t, email.Default)
	phone, _ := c.Column("phone")
	assert.True(t, phone.Nullable)
	if assert.NotNil(t, phone.Default, "phone has a default") {
		assert.Contains(t, *phone.Default, "unknown")
	}

	v := find(View)
	assert.True(t, v.IsView)
	assert.Empty(t, v.PrimaryKey)
	assert.Equal(t, int64(-1), v.RowEstimate, "a view has no row estimate")
	assert.Equal(t, []string{"id", "email"}, colNames(v))

	assert.Equal(t, []string{"id", "Full Name", "e-mail"}, colNames(find(Odd)))
	assert.Equal(t, []string{"id"}, find(Odd).PrimaryKey)
	assert.Equal(t, []string{"select", "id"}, find(Order).PrimaryKey, "key order, not column order")
	assert.Empty(t, find(Events).PrimaryKey)
}

var (
	emailRE = regexp.MustCompile(`^user\d+@example\.com$`)
	phoneRE = regexp.MustCompile(`^\+49 30 \d{7}$`)
)

func checkSample(t *testing.T, src scanner.Source, units map[string]scanner.Unit) {
	ctx := context.Background()
	sample := func(t *testing.T, table string, n int) scanner.Sample {
		u, ok := units[table]
		require.True(t, ok, table)
		s, err := src.Sample(ctx, u, n)
		require.NoError(t, err, table)
		require.LessOrEqual(t, s.Rows, n, "sample size limit")
		for col, vals := range s.Values {
			require.LessOrEqual(t, len(vals), s.Rows, col)
		}
		return s
	}

	t.Run("values and NULLs", func(t *testing.T) {
		s := sample(t, Customers, 50)
		require.GreaterOrEqual(t, s.Rows, 25)
		require.Len(t, s.Values["email"], s.Rows)
		for _, e := range s.Values["email"] {
			require.Regexp(t, emailRE, e)
		}
		// Half the phones are NULL: they must be dropped, not rendered.
		require.Less(t, len(s.Values["phone"]), s.Rows)
		for _, p := range s.Values["phone"] {
			require.Regexp(t, phoneRE, p)
		}
		require.NotEmpty(t, s.Values["created_at"])
		for _, v := range s.Values["created_at"] {
			require.Equal(t, "2024-01-02 03:04:05", v)
		}
		require.NotEmpty(t, s.Values["birth_date"])
		require.Less(t, len(s.Values["birth_date"]), s.Rows)
		for _, v := range s.Values["birth_date"] {
			require.Equal(t, "1990-05-17", v)
		}
		require.NotContains(t, s.Values, "photo", "binary columns are not sampled")
	})
	t.Run("limits", func(t *testing.T) {
		require.Equal(t, 1, sample(t, Customers, 1).Rows)
		require.Equal(t, 5, sample(t, Customers, 5).Rows)
		require.Equal(t, customerRows, sample(t, Customers, 1000).Rows, "whole small table")
		require.Zero(t, sample(t, Customers, 0).Rows)
	})
	t.Run("view", func(t *testing.T) {
		s := sample(t, View, 10)
		require.Equal(t, 10, s.Rows)
		require.Len(t, s.Values["email"], 10)
	})
	t.Run("odd identifiers", func(t *testing.T) {
		s := sample(t, Odd, 10)
		require.Equal(t, 2, s.Rows)
		require.Equal(t, []string{"Anna Schmidt"}, s.Values["Full Name"])
		require.ElementsMatch(t, []string{"anna@example.org", "bob@example.org"}, s.Values["e-mail"])

		s = sample(t, Order, 10)
		require.Equal(t, 3, s.Rows)
		require.ElementsMatch(t, []string{"a", "b", "c"}, s.Values["select"])
		require.ElementsMatch(t, []string{"Jan Kowalski", "Eva Novak"}, s.Values["Full Name"])
	})
	t.Run("no primary key", func(t *testing.T) {
		s := sample(t, Events, 10)
		require.Equal(t, 2, s.Rows)
		require.Equal(t, []string{"2024-03-04 05:06:07"}, s.Values["at"])
	})
	t.Run("missing table", func(t *testing.T) {
		u := units[Customers]
		u.Table = "no_such_table"
		_, err := src.Sample(ctx, u, 10)
		require.Error(t, err)
	})
}

func checkQuery(t *testing.T, d dialect.Dialect, src scanner.Source) {
	ctx := context.Background()
	q := d.Ident
	all := fmt.Sprintf("SELECT %s, %s, %s FROM %s ORDER BY %s", q("id"), q("email"), q("phone"), q(Customers), q("id"))

	rows, err := src.Query(ctx, all, 10)
	require.NoError(t, err)
	require.Equal(t, []string{"id", "email", "phone"}, rows.Columns)
	require.Len(t, rows.Values, 10)
	require.True(t, rows.Truncated)
	require.Equal(t, []any{int64(1), "user1@example.com", nil}, rows.Values[0])
	require.Equal(t, []any{int64(2), "user2@example.com", "+49 30 0000002"}, rows.Values[1])

	rows, err = src.Query(ctx, all+";", customerRows)
	require.NoError(t, err)
	require.Len(t, rows.Values, customerRows)
	require.False(t, rows.Truncated, "exactly maxRows rows is not truncated")

	rows, err = src.Query(ctx, "SELECT COUNT(*) AS n FROM "+q(Customers), 1)
	require.NoError(t, err)
	require.False(t, rows.Truncated)
	require.Equal(t, [][]any{{int64(customerRows)}}, rows.Values)

	// A plain column, not an expression: SQLite only knows the declared type of those.
	rows, err = src.Query(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s = 1", q("created_at"), q(Customers), q("id")), 1)
	require.NoError(t, err)
	require.IsType(t, time.Time{}, rows.Values[0][0], "timestamps come back as time.Time")
	require.Equal(t, "2024-01-02 03:04:05", rows.Values[0][0].(time.Time).UTC().Format(time.DateTime))

	rows, err = src.Query(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s IS NOT NULL ORDER BY %s",
		q("Full Name"), d.Table("", Odd), q("Full Name"), q("id")), 10)
	require.NoError(t, err)
	require.Equal(t, [][]any{{"Anna Schmidt"}}, rows.Values)

	rows, err = src.Query(ctx, fmt.Sprintf("SELECT %s FROM %s WHERE %s = 'zzz'", q("id"), q(Order), q("select")), 10)
	require.NoError(t, err)
	require.Empty(t, rows.Values)
	require.False(t, rows.Truncated)

	rows, err = src.Query(ctx, "SELECT 1.5 AS x, 'a' AS y", 10)
	require.NoError(t, err)
	require.Equal(t, [][]any{{1.5, "a"}}, rows.Values)

	_, err = src.Query(ctx, "SELECT * FROM no_such_table", 10)
	require.Error(t, err)
}

func checkWritesRefused(t *testing.T, h Harness, src scanner.Source) {
	ctx := context.Background()
	q := h.Dialect.Ident
	writes := []string{
		fmt.Sprintf("INSERT INTO %s (%s, %s, %s) VALUES (9999, 'x@example.com', '2024-01-01 00:00:00')",
			q(Customers), q("id"), q("email"), q("created_at")),
		fmt.Sprintf("UPDATE %s SET %s = 'changed'", q(Customers), q("email")),
		fmt.Sprintf("DELETE FROM %s", q(Customers)),
		"CREATE TABLE gdprscan_written (id INTEGER)",
		fmt.Sprintf("DROP TABLE %s", q(Events)),
	}
	for _, w := range writes {
		_, err := src.Query(ctx, w, 10)
		require.Error(t, err, w)
	}
	// A second statement smuggled behind a SELECT must not run either.
	_, _ = src.Query(ctx, fmt.Sprintf("SELECT 1; DELETE FROM %s", q(Customers)), 10)

	var n int
	var changed int
	require.NoError(t, h.Admin.QueryRow(fmt.Sprintf("SELECT COUNT(*), SUM(CASE WHEN %s = 'changed' THEN 1 ELSE 0 END) FROM %s",
		q("email"), q(Customers))).Scan(&n, &changed))
	require.Equal(t, customerRows, n)
	require.Zero(t, changed)
	require.NoError(t, h.Admin.QueryRow("SELECT COUNT(*) FROM "+q(Events)).Scan(&n))
	require.Equal(t, 2, n)
}

func checkDescribe(t *testing.T, src scanner.Source) {
	d, ok := src.(scanner.Describer)
	if !ok {
		t.Skip("source does not implement scanner.Describer")
	}
	info, err := d.Describe(context.Background())
	require.NoError(t, err)
	require.NotEmpty(t, info.ServerVersion)
	require.NotEmpty(t, info.Database)
	require.True(t, info.ReadOnly)
}
