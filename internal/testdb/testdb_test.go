package testdb

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	"github.com/stretchr/testify/require"
)

// fakeTB records how a helper ended; Skipf and Fatalf stop the goroutine as the real
// ones do.
type fakeTB struct {
	testing.TB
	skipped, failed string
	cleanups        []func()
}

func (f *fakeTB) Helper()           {}
func (f *fakeTB) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }
func (f *fakeTB) Skipf(format string, args ...any) {
	f.skipped = fmt.Sprintf(format, args...)
	runtime.Goexit()
}
func (f *fakeTB) Fatalf(format string, args ...any) {
	f.failed = fmt.Sprintf(format, args...)
	runtime.Goexit()
}

func run(t *testing.T, fn func(tb testing.TB)) *fakeTB {
	f := &fakeTB{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn(f)
	}()
	<-done
	return f
}

func TestUnreachable(t *testing.T) {
	const secret = "s3cr3t-Pa55"
	t.Setenv("GDPRSCAN_TEST_POSTGRES_DSN", "postgres://postgres:"+secret+"@127.0.0.1:1/postgres?sslmode=disable")
	t.Setenv("GDPRSCAN_TEST_MYSQL_DSN", "root:"+secret+"@tcp(127.0.0.1:1)/")
	helpers := map[string]func(testing.TB) string{"postgres": Postgres, "mysql": MySQL}

	for name, helper := range helpers {
		t.Run(name+" skips locally", func(t *testing.T) {
			t.Setenv("CI", "")
			t.Setenv("GDPRSCAN_REQUIRE_DB", "")
			f := run(t, func(tb testing.TB) { helper(tb) })
			require.Contains(t, f.skipped, "make testdb")
			require.NotContains(t, f.skipped, secret)
			require.Empty(t, f.failed)
		})
		t.Run(name+" fails in CI", func(t *testing.T) {
			t.Setenv("CI", "true")
			f := run(t, func(tb testing.TB) { helper(tb) })
			require.NotEmpty(t, f.failed)
			require.NotContains(t, f.failed, secret)
		})
	}
}

// create runs helper on a fakeTB and returns the DSN and the fake, skipping the test
// when the server is unreachable.
func create(t *testing.T, helper func(testing.TB) string) (string, *fakeTB) {
	var dsn string
	f := run(t, func(tb testing.TB) { dsn = helper(tb) })
	if f.skipped != "" {
		t.Skip(f.skipped)
	}
	require.Empty(t, f.failed)
	require.Len(t, f.cleanups, 1)
	return dsn, f
}

func TestPostgres(t *testing.T) {
	dsn, f := create(t, Postgres)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	require.Equal(t, "postgres", u.Scheme)
	name := strings.TrimPrefix(u.Path, "/")
	require.True(t, strings.HasPrefix(name, "gdprscan_test_"), name)

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn) // the DSN reaches the new database
	require.NoError(t, err)
	require.NoError(t, conn.Close(ctx))

	f.cleanups[0]()
	admin, err := pgx.Connect(ctx, envOr("GDPRSCAN_TEST_POSTGRES_DSN", defaultPostgres))
	require.NoError(t, err)
	defer admin.Close(ctx)
	var n int
	require.NoError(t, admin.QueryRow(ctx, "SELECT count(*) FROM pg_database WHERE datname = $1", name).Scan(&n))
	require.Zero(t, n, "the cleanup dropped the database")
}

func TestMySQL(t *testing.T) {
	dsn, f := create(t, MySQL)
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	require.Equal(t, "mysql", u.Scheme)
	name := strings.TrimPrefix(u.Path, "/")
	require.True(t, strings.HasPrefix(name, "gdprscan_test_"), name)

	cfg, err := mysql.ParseDSN(envOr("GDPRSCAN_TEST_MYSQL_DSN", defaultMySQL))
	require.NoError(t, err)
	admin, err := openMySQL(cfg)
	require.NoError(t, err)
	defer admin.Close()
	exists := func() bool {
		var n int
		require.NoError(t, admin.QueryRow("SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?", name).Scan(&n))
		return n == 1
	}
	require.True(t, exists())
	f.cleanups[0]()
	require.False(t, exists(), "the cleanup dropped the database")
}

func TestSQLite(t *testing.T) {
	path := SQLite(t)
	require.NoFileExists(t, path)
	require.DirExists(t, filepath.Dir(path))
}
