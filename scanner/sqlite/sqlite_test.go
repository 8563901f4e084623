package sqlite

import (
	"context"
	"database/sql"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite" // driver "sqlite" for the admin connection

	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

// setup creates a database file at path and returns a writable connection to it.
func setup(t *testing.T, path string) *sql.DB {
	t.Helper()
	admin, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	require.NoError(t, admin.Ping())
	return admin
}

func exec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		_, err := db.Exec(s)
		require.NoError(t, err, s)
	}
}

func open(t *testing.T, dsn string, opts scanner.Options) *Source {
	t.Helper()
	src, err := Open(context.Background(), dsn, opts)
	require.NoError(t, err)
	t.Cleanup(func() { src.Close() })
	return src
}

func TestConformance(t *testing.T) {
	path := testdb.SQLite(t)
	admin := setup(t, path)
	scannertest.Run(t, scannertest.Harness{
		Dialect: dialect.SQLite,
		Admin:   admin,
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, "sqlite://"+path, opts)
		},
	})
}

func TestDSNForms(t *testing.T) {
	dir := t.TempDir()
	// Characters that mean something in a file: URI must be escaped.
	path := filepath.Join(dir, "my data?#%.db")
	exec(t, setup(t, "file:"+(&url.URL{Path: path}).EscapedPath()+"?mode=rwc"), "CREATE TABLE t (x TEXT)")
	require.FileExists(t, path)
	t.Chdir(dir)

	for _, dsn := range []string{
		"sqlite://" + path,         // sqlite:///abs/...
		"sqlite://my data?#%.db",   // relative to the working directory
		path,                       // plain absolute path
		"./" + filepath.Base(path), // plain relative path
	} {
		t.Run(dsn, func(t *testing.T) {
			units, err := open(t, dsn, scanner.Options{Name: "lite"}).Units(context.Background())
			require.NoError(t, err)
			require.Len(t, units, 1)
			require.Equal(t, "main", units[0].Database)
			require.Equal(t, "main", units[0].Schema)
		})
	}
}

func TestMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "absent.db")
	_, err := Open(context.Background(), "sqlite://"+path, scanner.Options{Name: "crm-lite"})
	require.ErrorIs(t, err, ErrNotFound)
	require.Contains(t, err.Error(), `"crm-lite"`)
	require.NotContains(t, err.Error(), path, "errors name the source, not the DSN")
	require.NoFileExists(t, path, "a missing file is never created")

	_, err = Open(context.Background(), t.TempDir(), scanner.Options{Name: "crm-lite"})
	require.ErrorIs(t, err, ErrNotFile)
}

func TestNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	require.NoError(t, os.WriteFile(path, []byte("this is not a database, just some text padding it out"), 0o600))
	_, err := Open(context.Background(), path, scanner.Options{Name: "lite"})
	require.ErrorContains(t, err, `sqlite source "lite"`)
}

func TestStatementTimeout(t *testing.T) {
	path := testdb.SQLite(t)
	setup(t, path)
	src := open(t, path, scanner.Options{Name: "lite", StatementTimeout: 200 * time.Millisecond})

	start := time.Now()
	_, err := src.Query(context.Background(),
		"WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT count(*) FROM r", 1)
	require.Error(t, err)
	require.Less(t, time.Since(start), 1500*time.Millisecond)

	rows, err := src.Query(context.Background(), "SELECT 1", 1)
	require.NoError(t, err)
	require.Equal(t, [][]any{{int64(1)}}, rows.Values)
}

func TestReadOnlyRefusal(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "crm.db")
	admin := setup(t, path)
	exec(t, admin, "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)", "INSERT INTO t VALUES (1, 'a')")
	src := open(t, path, scanner.Options{Name: "lite"})

	other := filepath.Join(dir, "other.db")
	for _, q := range []string{
		"INSERT INTO t VALUES (2, 'b')",
		"UPDATE t SET name = 'changed'",
		// query_only can be switched off; mode=ro still refuses the write.
		"PRAGMA query_only = 0; INSERT INTO t VALUES (3, 'c')",
		"ATTACH 'file:" + filepath.ToSlash(other) + "?mode=rwc' AS other",
		"PRAGMA query_only = 0",
		"PRAGMA journal_mode = DELETE",
		"CREATE TEMP TABLE scratch (x)",
		"ANALYZE",
	} {
		_, err := src.Query(context.Background(), q, 1)
		require.Error(t, err, q)
	}
	require.NoFileExists(t, other)
	var n int
	require.NoError(t, admin.QueryRow("SELECT count(*) FROM t WHERE name = 'a'").Scan(&n))
	require.Equal(t, 1, n)
}

func TestSampleBigTable(t *testing.T) {
	path := testdb.SQLite(t)
	admin := setup(t, path)
	exec(t, admin,
		"CREATE TABLE big (id INTEGER PRIMARY KEY, email TEXT, seen DATETIME, photo BLOB)",
		`WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 5000)
		 INSERT INTO big SELECT i, 'user' || i || '@example.com', '2024-01-02 03:04:05', X'00' FROM r`,
		"DELETE FROM big WHERE id % 7 = 0", // gaps in the rowids
		"CREATE TABLE keyed (code TEXT PRIMARY KEY, n INTEGER) WITHOUT ROWID",
		"CREATE TABLE shadowed (rowid TEXT, _rowid_ TEXT, oid TEXT)",
	)
	src := open(t, path, scanner.Options{Name: "lite"})
	units, err := src.Units(context.Background())
	require.NoError(t, err)
	require.Len(t, units, 3)
	big, keyed, shadowed := units[0], units[1], units[2]
	require.Equal(t, int64(5000), big.RowEstimate, "max(rowid)")
	require.Equal(t, int64(-1), keyed.RowEstimate, "WITHOUT ROWID")
	require.Equal(t, int64(-1), shadowed.RowEstimate, "every rowid name is a column")
	id, _ := big.Column("id")
	require.False(t, id.Nullable, "INTEGER PRIMARY KEY is the rowid")
	code, _ := keyed.Column("code")
	require.False(t, code.Nullable, "WITHOUT ROWID keys are NOT NULL")

	seen := map[string]bool{}
	for range 3 {
		s, err := src.Sample(context.Background(), big, 100)
		require.NoError(t, err)
		require.GreaterOrEqual(t, s.Rows, 50)
		require.LessOrEqual(t, s.Rows, 100)
		require.Len(t, s.Values["email"], s.Rows)
		require.Equal(t, "2024-01-02 03:04:05", s.Values["seen"][0])
		require.NotContains(t, s.Values, "photo")
		for _, e := range s.Values["email"] {
			seen[e] = true
		}
	}
	// A plain LIMIT would return the same first 100 rows every time.
	require.Greater(t, len(seen), 100, "samples come from different parts of the table")
}

func TestRender(t *testing.T) {
	ts := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	tests := []struct {
		name   string
		in     any
		decl   string
		want   string
		wantOK bool
	}{
		{"null", nil, "TEXT", "", false},
		{"text", "abc", "TEXT", "abc", true},
		{"int", int64(42), "INTEGER", "42", true},
		{"float", 1e6, "REAL", "1000000", true},
		{"utf8 bytes", []byte("héllo"), "", "héllo", true},
		{"binary bytes", []byte{0xff, 0xfe}, "", "", false},
		{"datetime", ts, "DATETIME", "2024-01-02 03:04:05", true},
		{"date", ts, "date", "2024-01-02", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := render(tt.in, tt.decl)
			require.Equal(t, tt.wantOK, ok)
			if ok {
				require.Equal(t, tt.want, got)
			}
		})
	}
}
