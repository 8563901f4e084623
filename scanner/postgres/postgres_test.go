package postgres

import (
	"context"
	"database/sql"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"
	_ "github.com/jackc/pgx/v5/stdlib" // database/sql driver "pgx" for the admin connection
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

// setup returns a fresh database's DSN and a writable connection to it.
func setup(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := testdb.Postgres(t)
	admin, err := sql.Open("pgx", dsn)
	require.NoError(t, err)
	t.Cleanup(func() { admin.Close() })
	return dsn, admin
}

func open(t *testing.T, dsn string, opts scanner.Options) *Source {
	t.Helper()
	src, err := Open(context.Background(), dsn, opts)
	require.NoError(t, err)
	t.Cleanup(func() { src.Close() })
	return src
}

func TestConformance(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.Run(t, scannertest.Harness{
		Dialect: dialect.Postgres,
		Admin:   admin,
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, dsn, opts)
		},
	})
}

func TestStatementTimeout(t *testing.T) {
	dsn, _ := setup(t)
	src := open(t, dsn, scanner.Options{Name: "pg", StatementTimeout: 200 * time.Millisecond})

	start := time.Now()
	_, err := src.Query(context.Background(), "SELECT pg_sleep(2)", 1)
	var pgErr *pgconn.PgError
	require.ErrorAs(t, err, &pgErr)
	require.Equal(t, "57014", pgErr.Code, "query_canceled by statement_timeout")
	require.Less(t, time.Since(start), 1500*time.Millisecond)

	// The connection is still usable afterwards.
	rows, err := src.Query(context.Background(), "SELECT 1", 1)
	require.NoError(t, err)
	require.Equal(t, [][]any{{int64(1)}}, rows.Values)
}

func TestReadOnlyRefusal(t *testing.T) {
	dsn, admin := setup(t)
	for _, s := range []string{
		"CREATE TABLE t (id int)",
		"CREATE SEQUENCE seq",
		// A function that writes, so the write hides behind a SELECT that DECLARE accepts.
		"CREATE FUNCTION bump() RETURNS int LANGUAGE sql AS $$ INSERT INTO t VALUES (1) RETURNING 1 $$",
	} {
		_, err := admin.Exec(s)
		require.NoError(t, err)
	}
	src := open(t, dsn, scanner.Options{Name: "pg"})

	// One row is read without a cursor (so counts may run in parallel), more through one:
	// both refuse the same things.
	for _, maxRows := range []int{1, 5} {
		for _, q := range []string{"SELECT bump()", "SELECT nextval('seq')"} {
			_, err := src.Query(context.Background(), q, maxRows)
			var pgErr *pgconn.PgError
			require.ErrorAs(t, err, &pgErr, q)
			require.Equal(t, "25006", pgErr.Code, "read_only_sql_transaction: %s", q)
		}
		// Escaping the transaction needs a second statement, which the extended protocol refuses.
		_, err := src.Query(context.Background(), "SELECT 1; COMMIT; INSERT INTO t VALUES (2)", maxRows)
		require.Error(t, err)
		_, err = src.Query(context.Background(), "WITH d AS (INSERT INTO t VALUES (3) RETURNING id) SELECT * FROM d", maxRows)
		require.Error(t, err)
		_, err = src.Query(context.Background(), "DELETE FROM t RETURNING id", maxRows)
		require.Error(t, err)
	}

	var n int
	require.NoError(t, admin.QueryRow("SELECT count(*) FROM t").Scan(&n))
	require.Zero(t, n)
}

func TestErrorsHidePassword(t *testing.T) {
	const secret = "s3cr3t-Pa55"
	tests := []struct {
		name    string
		dsn     string
		wantErr error
	}{
		{"wrong port", "postgres://scanner:" + secret + "@127.0.0.1:1/db?sslmode=disable&connect_timeout=2", nil},
		{"bad port", "postgres://scanner:" + secret + "@127.0.0.1:notaport/db", ErrInvalidDSN},
		{"keyword form", "host=127.0.0.1 port=1 user=scanner password=" + secret + " dbname=db sslmode=disable connect_timeout=2", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(context.Background(), tt.dsn, scanner.Options{Name: "crm-prod"})
			require.Error(t, err)
			require.NotContains(t, err.Error(), secret)
			require.Contains(t, err.Error(), `"crm-prod"`)
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
			}
		})
	}
}

func TestSampleBigTable(t *testing.T) {
	dsn, admin := setup(t)
	for _, s := range []string{
		"CREATE TABLE big (id int PRIMARY KEY, email text, seen timestamptz, photo bytea)",
		`INSERT INTO big SELECT g, 'user' || g || '@example.com',
			TIMESTAMPTZ '2024-01-02 03:04:05+00' + g * INTERVAL '1 second', '\x00'
			FROM generate_series(1, 50000) g`,
		"ANALYZE big",
		"CREATE TABLE never_analysed (id int)",
	} {
		_, err := admin.Exec(s)
		require.NoError(t, err)
	}
	src := open(t, dsn, scanner.Options{Name: "pg"})
	units, err := src.Units(context.Background())
	require.NoError(t, err)
	require.Len(t, units, 2)
	big, never := units[0], units[1]
	require.Equal(t, "big", big.Table)
	require.InDelta(t, 50000, big.RowEstimate, 1000)
	require.Equal(t, int64(-1), never.RowEstimate)
	require.Equal(t, "timestamp with time zone", big.Columns[2].DataType)

	// Several samples: TABLESAMPLE picks different pages each time.
	seen := map[string]bool{}
	for range 3 {
		s, err := src.Sample(context.Background(), big, 100)
		require.NoError(t, err)
		require.GreaterOrEqual(t, s.Rows, 50)
		require.LessOrEqual(t, s.Rows, 100)
		require.Len(t, s.Values["seen"], s.Rows)
		require.Regexp(t, `^2024-01-0\d \d\d:\d\d:\d\d$`, s.Values["seen"][0])
		require.NotContains(t, s.Values, "photo")
		for _, e := range s.Values["email"] {
			seen[e] = true
		}
	}
	// A plain LIMIT would return the same first 100 rows every time.
	require.Greater(t, len(seen), 100, "samples come from different parts of the table")
}

func TestSamplePercent(t *testing.T) {
	tests := []struct {
		name string
		unit scanner.Unit
		n    int
		want string
		ok   bool
	}{
		{"never analysed", scanner.Unit{RowEstimate: -1}, 100, "", false},
		{"small", scanner.Unit{RowEstimate: 999}, 100, "", false},
		{"view", scanner.Unit{RowEstimate: 1e6, IsView: true}, 100, "", false},
		{"big", scanner.Unit{RowEstimate: 1e6}, 100, "0.02", true},
		{"at threshold", scanner.Unit{RowEstimate: 1000}, 100, "20", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := samplePercent(tt.unit, tt.n)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestNormalise(t *testing.T) {
	num := func(i int64, exp int32) pgtype.Numeric {
		return pgtype.Numeric{Int: big.NewInt(i), Exp: exp, Valid: true}
	}
	huge, _ := new(big.Int).SetString("12345678901234567890", 10)
	tests := []struct {
		name string
		in   any
		want any
	}{
		{"nil", nil, nil},
		{"int32", int32(7), int64(7)},
		{"float32", float32(1.5), 1.5},
		{"numeric", num(12345, -2), 123.45},
		{"numeric trailing zeros", num(1000, 3), 1e6},
		{"numeric too precise", pgtype.Numeric{Int: huge, Valid: true}, "12345678901234567890"},
		{"numeric NaN", pgtype.Numeric{NaN: true, Valid: true}, "NaN"},
		{"numeric NULL", pgtype.Numeric{}, nil},
		{"uuid", [16]byte{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0, 1, 2, 3, 4, 5, 6, 7, 8}, "12345678-9abc-def0-0102-030405060708"},
		{"bytea", []byte{0, 0xff}, `\x00ff`},
		{"json", map[string]any{"a": 1.0}, `{"a":1}`},
		{"interval", pgtype.Interval{Days: 1, Valid: true}, "1 day 00:00:00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, normalise(tt.in))
		})
	}
}

func TestRedact(t *testing.T) {
	err := redact(errors.New("password=hunter2 rejected"), "hunter2")
	require.EqualError(t, err, "password=xxxxx rejected")
	require.Nil(t, errors.Unwrap(err), "the original text stays unreachable")
	plain := errors.New("refused")
	require.Same(t, plain, redact(plain, "hunter2"))
}

// A connection cut in mid-scan: the table is retried, then reported failed; the rest completes.
func TestConnectionCutMidScan(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.RunFaults(t, scannertest.FaultHarness{Dialect: dialect.Postgres, Admin: admin, DSN: dsn,
		Open: func(t *testing.T, dsn string, opts scanner.Options) scanner.Source { return open(t, dsn, opts) }})
}

// A port that accepts TCP and never answers fails within the connect timeout.
func TestConnectTimeout(t *testing.T) {
	addr := scannertest.Blackhole(t)
	start := time.Now()
	_, err := Open(context.Background(), "postgres://scan:pw@"+addr+"/crm?sslmode=disable",
		scanner.Options{Name: "hung", ConnectTimeout: time.Second})
	took := time.Since(start)
	require.Error(t, err)
	require.Contains(t, err.Error(), `postgres source "hung": connect:`)
	require.Less(t, took, 5*time.Second)
	t.Logf("gave up after %v", took.Round(time.Millisecond))
}

// DDL holding a lock makes the sample fail after lock_timeout instead of queueing.
func TestLockTimeout(t *testing.T) {
	dsn, admin := setup(t)
	_, err := admin.Exec("CREATE TABLE locked (id int PRIMARY KEY, email text)")
	require.NoError(t, err)
	src := open(t, dsn, scanner.Options{Name: "pg", StatementTimeout: 20 * time.Second, LockTimeout: 300 * time.Millisecond})
	units, err := src.Units(context.Background())
	require.NoError(t, err)

	tx, err := admin.Begin()
	require.NoError(t, err)
	defer tx.Rollback()                                            //nolint:errcheck
	_, err = tx.Exec("LOCK TABLE locked IN ACCESS EXCLUSIVE MODE") // what ALTER TABLE takes
	require.NoError(t, err)
	start := time.Now()
	_, err = src.Sample(context.Background(), units[0], 10)
	var pgErr *pgconn.PgError
	require.ErrorAs(t, err, &pgErr)
	require.Equal(t, "55P03", pgErr.Code, err.Error()) // lock_not_available
	require.Less(t, time.Since(start), 5*time.Second)
	require.True(t, src.Retryable(err))
}

// A 381-column table of ~5 KB texts, sampled with 800 and 3,200 rows (sample_size 800
// and the adaptive second sample): the heap stays bounded by the sample's byte budget.
// Before the budget this took 676 MB at 200 rows and 2.47 GB at 800.
func TestWideSampleMemory(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.CreateWideView(t, dialect.Postgres, admin)
	src := open(t, dsn, scanner.Options{Name: "pg", StatementTimeout: time.Minute})
	for _, n := range []int{800, 3200} {
		peak, smp := scannertest.CheckWideSample(t, src, n)
		t.Logf("n=%d: %d rows, %d chars per value, peak heap %.0f MB", n, smp.Rows, len(smp.Values["note_1"][0]), peak)
		require.Less(t, peak, 256.0, "MB")
	}
}

// go test -run '^$' -bench WideSample ./scanner/postgres: peak heap of an 800-row sample
// of the 381-column wide view.
func BenchmarkWideSample(b *testing.B) {
	dsn := testdb.Postgres(b)
	admin := testdb.Writable(b, dsn)
	scannertest.CreateWideView(b, dialect.Postgres, admin)
	src, err := Open(context.Background(), dsn, scanner.Options{Name: "pg", StatementTimeout: time.Minute})
	require.NoError(b, err)
	defer src.Close()
	var peak float64
	for b.Loop() {
		p, _ := scannertest.CheckWideSample(b, src, 800)
		peak = max(peak, p)
	}
	b.ReportMetric(peak, "peak-MB")
}

// The pool follows the source's query limit, never below two connections.
func TestPoolFollowsQueryLimit(t *testing.T) {
	dsn, _ := setup(t)
	for limit, want := range map[int]int32{0: maxConns, 1: maxConns, 6: 6} {
		src := open(t, dsn, scanner.Options{Name: "pg", MaxConns: limit})
		require.Equal(t, want, src.pool.Config().MaxConns, "limit %d", limit)
	}
}
