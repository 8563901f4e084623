package mysql

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"log/slog"
	"testing"
	"time"

	gomysql "github.com/go-sql-driver/mysql"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

// setup returns a fresh database's DSN and a writable connection to it.
func setup(t *testing.T) (string, *sql.DB) {
	t.Helper()
	dsn := testdb.MySQL(t)
	cfg, err := parseDSN(dsn)
	require.NoError(t, err)
	conn, err := gomysql.NewConnector(cfg)
	require.NoError(t, err)
	admin := sql.OpenDB(conn)
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

func exec(t *testing.T, db *sql.DB, stmts ...string) {
	t.Helper()
	for _, s := range stmts {
		_, err := db.Exec(s)
		require.NoError(t, err, s)
	}
}

func TestConformance(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.Run(t, scannertest.Harness{
		Dialect: dialect.MySQL,
		Admin:   admin,
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, dsn, opts)
		},
	})
}

func TestStatementTimeout(t *testing.T) {
	dsn, _ := setup(t)
	src := open(t, dsn, scanner.Options{Name: "my", StatementTimeout: 300 * time.Millisecond})

	// SLEEP() and BENCHMARK() return normally when interrupted by max_statement_time;
	// a cross join that would run for hours fails honestly. The context is only a
	// safety net so that a broken timeout fails the test instead of hanging it.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	start := time.Now()
	_, err := src.Query(ctx, `SELECT COUNT(*) FROM information_schema.COLUMNS a,
		information_schema.COLUMNS b, information_schema.COLUMNS c`, 1)
	var myErr *gomysql.MySQLError
	require.ErrorAs(t, err, &myErr)
	// 1969: MariaDB max_statement_time exceeded; 3024: MySQL max_execution_time exceeded.
	require.Contains(t, []uint16{1969, 3024}, myErr.Number, err.Error())
	require.Less(t, time.Since(start), 2*time.Second)

	rows, err := src.Query(context.Background(), "SELECT 1", 1)
	require.NoError(t, err)
	require.Equal(t, [][]any{{int64(1)}}, rows.Values)
}

func TestReadOnlyRefusal(t *testing.T) {
	dsn, admin := setup(t)
	exec(t, admin, "CREATE TABLE t (id INT)")
	src := open(t, dsn, scanner.Options{Name: "my"})

	// Query refuses these before they reach the server; the session refuses them too.
	// DDL commits a READ ONLY transaction implicitly, so only the session setting stops it.
	tx, err := src.db.BeginTx(context.Background(), &sql.TxOptions{ReadOnly: true})
	require.NoError(t, err)
	defer tx.Rollback() //nolint:errcheck
	for _, q := range []string{"INSERT INTO t VALUES (1)", "CREATE TABLE t2 (id INT)", "DROP TABLE t"} {
		_, err := tx.Exec(q)
		var myErr *gomysql.MySQLError
		require.ErrorAs(t, err, &myErr, q)
		require.Equal(t, uint16(1792), myErr.Number, "read-only transaction: %s", q)
	}
	require.NoError(t, tx.Rollback())

	// Inside a READ ONLY transaction the session could still be switched back.
	_, err = src.Query(context.Background(), "SET SESSION tx_read_only = 0", 1)
	require.ErrorIs(t, err, ErrNotSelect)
	_, err = src.Query(context.Background(), "/*!50000 SET SESSION tx_read_only = 0 */", 1)
	require.ErrorIs(t, err, ErrNotSelect)
	_, err = src.Query(context.Background(), "CREATE TABLE t3 (id INT)", 1)
	require.ErrorIs(t, err, ErrNotSelect)

	var tables int
	require.NoError(t, admin.QueryRow("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()").Scan(&tables))
	require.Equal(t, 1, tables)
}

func TestErrorsHidePassword(t *testing.T) {
	const secret = "s3cr3t-Pa55"
	tests := []struct {
		name    string
		dsn     string
		wantErr error
	}{
		{"wrong port", "mysql://scanner:" + secret + "@127.0.0.1:1/db?timeout=2s", nil},
		{"native wrong port", "scanner:" + secret + "@tcp(127.0.0.1:1)/db?timeout=2s", nil},
		{"wrong password", "mysql://gdprscan_nobody:" + secret + "@127.0.0.1:3306/db", nil},
		{"bad port", "mysql://scanner:" + secret + "@127.0.0.1:notaport/db", ErrInvalidDSN},
		{"bad native", "scanner:" + secret + "@tcp(127.0.0.1:1/db", ErrInvalidDSN},
		{"no database", "mysql://scanner:" + secret + "@127.0.0.1:1", ErrNoDatabase},
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

func TestParseDSN(t *testing.T) {
	tests := []struct {
		name                         string
		dsn                          string
		user, pass, addr, db, tlsKey string
		params                       map[string]string
	}{
		{"url", "mysql://app:p%40ss%2Fw@db.example:3307/crm", "app", "p@ss/w", "db.example:3307", "crm", "", map[string]string{}},
		{"default port", "mysql://app@db.example/crm", "app", "", "db.example:3306", "crm", "", map[string]string{}},
		{"params", "mysql://app:pw@[::1]:3306/my%20db?tls=skip-verify&sql_mode=ANSI&time_zone=Europe/Berlin", "app", "pw", "[::1]:3306", "my db", "skip-verify",
			map[string]string{"sql_mode": "ANSI", "time_zone": "Europe/Berlin"}},
		{"native", "app:pw@tcp(10.0.0.1:3306)/crm?wait_timeout=60", "app", "pw", "10.0.0.1:3306", "crm", "", map[string]string{"wait_timeout": "60"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := parseDSN(tt.dsn)
			require.NoError(t, err)
			require.Equal(t, tt.user, cfg.User)
			require.Equal(t, tt.pass, cfg.Passwd)
			require.Equal(t, tt.addr, cfg.Addr)
			require.Equal(t, tt.db, cfg.DBName)
			require.Equal(t, tt.tlsKey, cfg.TLSConfig)
			require.Equal(t, tt.params, cfg.Params)
			require.True(t, cfg.ParseTime)
			require.Equal(t, time.UTC, cfg.Loc)
			require.False(t, cfg.InterpolateParams)
			require.False(t, cfg.MultiStatements)
		})
	}
}

func TestSampleBigTable(t *testing.T) {
	dsn, admin := setup(t)
	exec(t, admin,
		"CREATE TABLE d (i INT)",
		"INSERT INTO d VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)",
		"CREATE TABLE big (id BIGINT PRIMARY KEY, email VARCHAR(100), seen DATETIME, born DATE, photo BLOB)",
		`INSERT INTO big SELECT a.i + 10*b.i + 100*c.i + 1000*e.i + 1, CONCAT('user', a.i + 10*b.i + 100*c.i + 1000*e.i, '@example.com'),
			'2024-01-02 03:04:05', '1990-05-17', X'00'
			FROM d a, d b, d c, d e`,
		"DELETE FROM big WHERE id % 7 = 0", // gaps in the key
		"ANALYZE TABLE big",
	)
	src := open(t, dsn, scanner.Options{Name: "my"})
	units, err := src.Units(context.Background())
	require.NoError(t, err)
	var big scanner.Unit
	for _, u := range units {
		if u.Table == "big" {
			big = u
		}
	}
	require.InDelta(t, 8572, big.RowEstimate, 2000)
	require.Equal(t, []string{"id"}, big.PrimaryKey)

	seen := map[string]bool{}
	for range 3 {
		s, err := src.Sample(context.Background(), big, 100)
		require.NoError(t, err)
		require.GreaterOrEqual(t, s.Rows, 50)
		require.LessOrEqual(t, s.Rows, 100)
		require.Len(t, s.Values["email"], s.Rows)
		require.Equal(t, "2024-01-02 03:04:05", s.Values["seen"][0])
		require.Equal(t, "1990-05-17", s.Values["born"][0])
		require.NotContains(t, s.Values, "photo")
		for _, e := range s.Values["email"] {
			seen[e] = true
		}
	}
	// A plain LIMIT would return the same first 100 rows every time.
	require.Greater(t, len(seen), 100, "samples come from different parts of the table")
}

func TestIsSelect(t *testing.T) {
	tests := []struct {
		q    string
		want bool
	}{
		{"SELECT 1", true},
		{"  select 1", true},
		{"WITH x AS (SELECT 1) SELECT * FROM x", true},
		{"(SELECT 1) UNION (SELECT 2)", true},
		{"/* rule: retention */ SELECT 1", true},
		{"-- rule\nSELECT 1", true},
		{"# rule\nSELECT 1", true},
		{"VALUES (1)", true},
		{"TABLE t", true},
		{"SELECTED", false},
		{"SET SESSION tx_read_only = 0", false},
		{"/*!50000 SET SESSION tx_read_only = 0 */", false},
		{"/*M!100000 SET SESSION tx_read_only = 0 */ SELECT 1", false},
		{"/* unterminated SELECT 1", false},
		{"-- only a comment", false},
		{"SELECT * FROM t INTO OUTFILE '/tmp/x'", false},
		{"SELECT * FROM t INTO\n dumpfile '/tmp/x'", false},
		{"DELETE FROM t", false},
		{"CREATE TABLE t (id INT)", false},
		{"", false},
		{"1", false},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			require.Equal(t, tt.want, isSelect(tt.q))
		})
	}
}

func TestIntegerKey(t *testing.T) {
	unit := func(typ string, pk ...string) scanner.Unit {
		return scanner.Unit{Columns: []scanner.ColumnInfo{{Name: "id", DataType: typ}, {Name: "x", DataType: "int(11)"}}, PrimaryKey: pk}
	}
	tests := []struct {
		name string
		unit scanner.Unit
		ok   bool
	}{
		{"int", unit("int(11)", "id"), true},
		{"bigint", unit("bigint(20)", "id"), true},
		{"int unsigned", unit("int(10) unsigned", "id"), true},
		{"bigint unsigned", unit("bigint(20) unsigned", "id"), false},
		{"varchar", unit("varchar(36)", "id"), false},
		{"composite", unit("int(11)", "id", "x"), false},
		{"none", unit("int(11)"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ok := integerKey(tt.unit)
			require.Equal(t, tt.ok, ok)
		})
	}
}

func TestNormalise(t *testing.T) {
	tests := []struct {
		name     string
		in       any
		typeName string
		want     any
	}{
		{"nil", nil, "VARCHAR", nil},
		{"text", []byte("abc"), "VARCHAR", "abc"},
		{"decimal", []byte("123.45"), "DECIMAL", 123.45},
		{"negative decimal", []byte("-0.50"), "DECIMAL", -0.5},
		{"precise decimal", []byte("12345678901234567.89"), "DECIMAL", "12345678901234567.89"},
		{"bit", []byte{1, 0}, "BIT", int64(256)},
		{"uint64", uint64(7), "UNSIGNED BIGINT", int64(7)},
		{"huge uint64", uint64(1 << 63), "UNSIGNED BIGINT", "9223372036854775808"},
		{"float32", float32(0.1), "FLOAT", 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, normalise(tt.in, tt.typeName))
		})
	}
}

// A connection cut in mid-scan: the table is retried, then reported failed; the rest completes.
func TestConnectionCutMidScan(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.RunFaults(t, scannertest.FaultHarness{Dialect: dialect.MySQL, Admin: admin, DSN: dsn,
		Open: func(t *testing.T, dsn string, opts scanner.Options) scanner.Source { return open(t, dsn, opts) }})
}

// A port that accepts TCP and never answers, and PostgreSQL's port (whose server waits
// for the client to speak first), both fail within the connect timeout instead of hanging.
func TestConnectTimeout(t *testing.T) {
	for name, addr := range map[string]string{"silent port": scannertest.Blackhole(t), "postgres port": "127.0.0.1:5432"} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			_, err := Open(context.Background(), "mysql://scan:pw@"+addr+"/crm", scanner.Options{Name: "hung", ConnectTimeout: time.Second})
			took := time.Since(start)
			require.Error(t, err)
			require.Contains(t, err.Error(), `mysql source "hung": connect:`)
			require.NotContains(t, err.Error(), "pw@")
			require.Less(t, took, 5*time.Second)
			t.Logf("gave up after %v: %v", took.Round(time.Millisecond), err)
		})
	}
}

// A table locked for DDL makes the sample fail after lock_wait_timeout, not queue.
func TestLockTimeout(t *testing.T) {
	dsn, admin := setup(t)
	exec(t, admin, "CREATE TABLE locked (id INT PRIMARY KEY, email TEXT)")
	src := open(t, dsn, scanner.Options{Name: "my", StatementTimeout: 20 * time.Second, LockTimeout: time.Second})
	units, err := src.Units(context.Background())
	require.NoError(t, err)

	conn, err := admin.Conn(context.Background())
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.ExecContext(context.Background(), "LOCK TABLES locked WRITE")
	require.NoError(t, err)
	defer conn.ExecContext(context.Background(), "UNLOCK TABLES") //nolint:errcheck
	start := time.Now()
	_, err = src.Sample(context.Background(), units[0], 10)
	var myErr *gomysql.MySQLError
	require.ErrorAs(t, err, &myErr)
	require.Equal(t, uint16(1205), myErr.Number, err.Error()) // lock wait timeout exceeded
	require.Less(t, time.Since(start), 5*time.Second)
	require.True(t, src.Retryable(err))
}

// The driver's own log lines go through the project's logger, as JSON when asked.
func TestDriverLogsThroughSlog(t *testing.T) {
	var buf bytes.Buffer
	SetLogger(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { SetLogger(nil) })
	cfg, err := parseDSN("mysql://u@h/db")
	require.NoError(t, err)
	cfg.Logger.Print("closing bad idle connection: ", "user jane@doe.eu")
	var line map[string]any
	require.NoError(t, json.Unmarshal(buf.Bytes(), &line), buf.String())
	require.Equal(t, "mysql driver", line["msg"])
	require.Equal(t, "closing bad idle connection: user ***@***", line["message"])
}

// A 381-column table of ~5 KB texts, sampled with 800 and 3,200 rows: the heap stays
// bounded by the sample's byte budget (2.47 GB at 800 rows before it).
func TestWideSampleMemory(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.CreateWideView(t, dialect.MySQL, admin)
	src := open(t, dsn, scanner.Options{Name: "my", StatementTimeout: time.Minute})
	for _, n := range []int{800, 3200} {
		peak, smp := scannertest.CheckWideSample(t, src, n)
		t.Logf("n=%d: %d rows, %d chars per value, peak heap %.0f MB", n, smp.Rows, len(smp.Values["note_1"][0]), peak)
		require.Less(t, peak, 256.0, "MB")
	}
}

func TestGrantParsing(t *testing.T) {
	db, table := splitTarget("`cr``m`.`odd.table`")
	require.Equal(t, "cr`m", db)
	require.Equal(t, "odd.table", table)
	db, table = splitTarget("*.*")
	require.Equal(t, []string{"*", "*"}, []string{db, table})
	require.Equal(t, []string{"SELECT (`a`, `b`)", "INSERT", "UPDATE (`c`)"}, splitPrivileges("SELECT (`a`, `b`), INSERT, UPDATE (`c`)"))
	require.True(t, likeMatch(`crm\_prod`, "crm_prod"))
	require.False(t, likeMatch(`crm\_prod`, "crmXprod"))
	require.True(t, likeMatch(`crm_%`, "crm_2024"))
	require.False(t, likeMatch(`crm`, "crm2"))
	m := grantRE.FindStringSubmatch("GRANT SELECT (`email`), INSERT ON `crm`.`contacts` TO `scan`@`%`")
	require.Equal(t, []string{"SELECT (`email`), INSERT", "`crm`.`contacts`"}, m[1:])
	require.Nil(t, grantRE.FindStringSubmatch("GRANT `reader` TO `scan`@`%`"))
	require.Nil(t, grantRE.FindStringSubmatch("GRANT EXECUTE ON PROCEDURE `crm`.`p` TO `scan`@`%`"))
}
