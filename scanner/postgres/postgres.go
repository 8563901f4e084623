// Package postgres reads PostgreSQL through pgx. The catalogue comes from pg_class,
// samples from TABLESAMPLE, and every statement runs in a read-only transaction under a
// statement timeout.
package postgres

import (
	"cmp"
	"context"
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/dsn"
	"github.com/gdprscan/gdprscan/scanner/sqlsample"
)

const (
	defaultTimeout = 30 * time.Second
	maxConns       = 2
	// oversample asks TABLESAMPLE for more rows than needed: reltuples is an estimate
	// and SYSTEM sampling picks whole pages, so the yield varies.
	oversample = 2
	// smallTable: below n*smallTable estimated rows a plain LIMIT is as cheap as a sample.
	smallTable = 10
)

// Source is a read-only PostgreSQL database.
type Source struct {
	pool        *pgxpool.Pool
	name        string
	timeout     time.Duration
	lockTimeout time.Duration
	// txDeadline bounds a whole transaction on the client side: a connection that goes
	// silent mid-query (a firewall dropping packets) cannot hang the scan. No transaction
	// runs more than two heavy statements, each under the server's statement timeout.
	txDeadline time.Duration
}

var (
	_ scanner.Source    = (*Source)(nil)
	_ scanner.Describer = (*Source)(nil)
	_ scanner.Retrier   = (*Source)(nil)
)

// Open connects to dsn (URL or keyword/value form). Every session is read only
// (default_transaction_read_only) and carries opts.StatementTimeout (default 30s) and
// opts.LockTimeout (default 5s). Connecting gives up after opts.ConnectTimeout (default
// 10s) unless the DSN sets connect_timeout. Errors name the source by opts.Name, never
// by DSN.
func Open(ctx context.Context, dsnText string, opts scanner.Options) (*Source, error) {
	timeout := cmp.Or(max(opts.StatementTimeout, 0), defaultTimeout)
	lockTimeout := cmp.Or(max(opts.LockTimeout, 0), scanner.DefaultLockTimeout)
	connectTimeout := cmp.Or(max(opts.ConnectTimeout, 0), scanner.DefaultConnectTimeout)
	cfg, err := dsn.Postgres(dsnText)
	if err != nil {
		return nil, fmt.Errorf("postgres source %q: %w", opts.Name, ErrInvalidDSN)
	}
	cfg.MaxConns = int32(max(opts.MaxConns, maxConns))
	cfg.MinConns = 0
	if cfg.ConnConfig.ConnectTimeout <= 0 { // the DSN's connect_timeout wins
		cfg.ConnConfig.ConnectTimeout = connectTimeout
	}
	if opts.TLS != nil {
		tc := opts.TLS.Clone()
		if tc.ServerName == "" {
			tc.ServerName = cfg.ConnConfig.Host
		}
		cfg.ConnConfig.TLSConfig = tc
		cfg.ConnConfig.Fallbacks = nil // no silent plain-text retry
	}
	rp := cfg.ConnConfig.RuntimeParams
	rp["default_transaction_read_only"] = "on"
	rp["statement_timeout"] = millis(timeout)
	rp["lock_timeout"] = millis(lockTimeout)
	rp["idle_in_transaction_session_timeout"] = millis(2*timeout + connectTimeout)
	rp["application_name"] = "gdprscan"

	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres source %q: %w", opts.Name, redact(err, cfg.ConnConfig.Password))
	}
	// The pool connects lazily; connect now so a wrong DSN fails here, not mid-scan.
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("postgres source %q: connect: %w", opts.Name, redact(err, cfg.ConnConfig.Password))
	}
	return &Source{pool: pool, name: opts.Name, timeout: timeout, lockTimeout: lockTimeout,
		txDeadline: 2*timeout + connectTimeout}, nil
}

// millis renders d for statement_timeout; 0 would mean "no timeout", so round up to 1.
func millis(d time.Duration) string {
	return strconv.FormatInt(max(d.Milliseconds(), 1), 10)
}

// Dialect implements scanner.Source.
func (s *Source) Dialect() dialect.Dialect { return dialect.Postgres }

// Close implements scanner.Source.
func (s *Source) Close() error {
	s.pool.Close()
	return nil
}

// inTx runs fn in a read-only transaction with the statement and lock timeouts set
// locally, so they hold even behind a pooler that drops startup parameters.
func (s *Source) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.txDeadline)
	defer cancel()
	tx, err := s.pool.BeginTx(ctx, pgx.TxOptions{AccessMode: pgx.ReadOnly})
	if err != nil {
		return err
	}
	defer tx.Rollback(ctx) //nolint:errcheck // after Commit this is a no-op; nothing was written anyway
	if _, err := tx.Exec(ctx, "SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true)",
		millis(s.timeout), millis(s.lockTimeout)); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit(ctx)
}

// unitsSQL lists every column of every user table, partitioned table, view and
// materialised view. Partitions are left out: their parent already covers their rows.
// pk is the column's position in the primary key, NULL when it is not part of it.
const unitsSQL = `
SELECT n.nspname, c.relname, c.relkind::text, c.reltuples::float8,
       a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid),
       array_position(i.indkey::int2[], a.attnum)
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
LEFT JOIN pg_catalog.pg_index i ON i.indrelid = c.oid AND i.indisprimary
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY n.nspname, c.relname, a.attnum`

// Units implements scanner.Source.
func (s *Source) Units(ctx context.Context) ([]scanner.Unit, error) {
	var units []scanner.Unit
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var db string
		if err := tx.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, unitsSQL)
		if err != nil {
			return err
		}
		defer rows.Close()
		type pkCol struct {
			name string
			pos  int32
		}
		var pks []pkCol // primary-key columns of the current unit
		flush := func() {
			if len(units) == 0 || len(pks) == 0 {
				return
			}
			// pg_index lists key columns in key order, which need not be column order.
			slices.SortFunc(pks, func(a, b pkCol) int { return cmp.Compare(a.pos, b.pos) })
			u := &units[len(units)-1]
			for _, p := range pks {
				u.PrimaryKey = append(u.PrimaryKey, p.name)
			}
			pks = pks[:0]
		}
		for rows.Next() {
			var (
				schema, table, kind string
				tuples              float64
				col                 scanner.ColumnInfo
				pk                  *int32
			)
			if err := rows.Scan(&schema, &table, &kind, &tuples, &col.Name, &col.DataType, &col.Nullable, &col.Default, &pk); err != nil {
				return err
			}
			if len(units) == 0 || units[len(units)-1].Schema != schema || units[len(units)-1].Table != table {
				flush()
				est := int64(tuples) // -1 when never analysed (PostgreSQL 14+)
				if kind == "v" || tuples < 0 {
					est = -1
				}
				units = append(units, scanner.Unit{
					Source: s.name, Database: db, Schema: schema, Table: table,
					IsView: kind == "v" || kind == "m", RowEstimate: est,
				})
			}
			u := &units[len(units)-1]
			u.Columns = append(u.Columns, col)
			if pk != nil {
				pks = append(pks, pkCol{col.Name, *pk})
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		flush()
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list units of %s: %w", s.name, err)
	}
	return units, nil
}

// Sample implements scanner.Source. Big analysed tables are read with TABLESAMPLE SYSTEM,
// which touches only a few pages; small, unanalysed or view units with a plain LIMIT.
// Binary (bytea) columns are left out.
func (s *Source) Sample(ctx context.Context, u scanner.Unit, n int) (scanner.Sample, error) {
	out := scanner.Sample{Values: map[string][]string{}}
	cols, exprs := sqlsample.Columns(u, n, isBinary, selectExpr)
	if cols == nil {
		return out, nil
	}
	from := "SELECT " + strings.Join(exprs, ", ") + " FROM " + dialect.Postgres.Table(u.Schema, u.Table)
	limit := " LIMIT " + strconv.Itoa(n)
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if pct, ok := samplePercent(u, n); ok {
			got, err := collect(ctx, tx, from+" TABLESAMPLE SYSTEM ("+pct+")"+limit, cols, n)
			if err != nil {
				return err
			}
			if sqlsample.Enough(got.Rows, n) {
				out = got
				return nil
			}
		}
		got, err := collect(ctx, tx, from+limit, cols, n)
		out = got
		return err
	})
	if err != nil {
		return scanner.Sample{}, fmt.Errorf("sample %s: %w", u.ID(), err)
	}
	return out, nil
}

// samplePercent returns the TABLESAMPLE percentage expected to yield about n rows, or
// false when the unit is better read with a plain LIMIT.
func samplePercent(u scanner.Unit, n int) (string, bool) {
	if u.IsView || u.RowEstimate < int64(smallTable*n) {
		return "", false
	}
	pct := min(100*float64(oversample*n)/float64(u.RowEstimate), 100)
	return strconv.FormatFloat(pct, 'f', -1, 64), true
}

// selectExpr lets the server render values as text, except dates and timestamps, which
// are formatted in Go so that every engine renders them alike.
func selectExpr(c scanner.ColumnInfo, chars int) string {
	id := dialect.Postgres.Ident(c.Name)
	if isTimeType(c.DataType) {
		return id
	}
	// Long texts are cut server-side: classifying needs their start, not megabytes.
	return "LEFT(CAST(" + id + " AS TEXT), " + strconv.Itoa(chars) + ")"
}

// isBinary tells the bytea columns a sample leaves out.
func isBinary(dt string) bool { return strings.HasPrefix(dt, "bytea") }

func isTimeType(dt string) bool {
	return !strings.HasSuffix(dt, "[]") && (dt == "date" || strings.HasPrefix(dt, "timestamp"))
}

// collect reads sample rows until the byte budget of a sample of n rows is used up.
func collect(ctx context.Context, tx pgx.Tx, query string, cols []scanner.ColumnInfo, n int) (scanner.Sample, error) {
	out := scanner.Sample{Values: map[string][]string{}}
	budget := scanner.NewBudget(n, len(cols))
	rows, err := tx.Query(ctx, query)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for !budget.Full() && rows.Next() {
		vals, err := rows.Values()
		if err != nil {
			return out, err
		}
		sqlsample.Add(&out, vals, cols, render, budget)
	}
	rows.Close()
	return out, rows.Err()
}

// render turns one sampled value into text; false for NULL.
func render(v any, dataType string) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case time.Time:
		if dataType == "date" {
			return x.Format(time.DateOnly), true
		}
		return x.UTC().Format(time.DateTime), true
	default: // infinity timestamps and the like
		return fmt.Sprint(x), true
	}
}

// cursorName is the cursor Query reads through; one per transaction, so a constant.
const cursorName = "gdprscan_query"

// Query implements scanner.Source. The statement is opened as a cursor: the server then
// produces only the rows fetched, and DECLARE accepts nothing but a SELECT or VALUES.
// Both statements use the extended protocol, which refuses several statements in one.
//
// A query read for one row (a rule's counts) is instead run as a subquery under LIMIT 2:
// PostgreSQL never plans a cursor in parallel, and a count over a large table is where
// parallel workers pay. A subquery in FROM is as strict as DECLARE: only a SELECT,
// VALUES or TABLE, and no data-modifying WITH.
func (s *Source) Query(ctx context.Context, query string, maxRows int) (scanner.Rows, error) {
	query = strings.TrimRight(strings.TrimSpace(query), "; \t\r\n")
	maxRows = max(maxRows, 0)
	var out scanner.Rows
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var rows pgx.Rows
		var err error
		if maxRows <= 1 {
			rows, err = tx.Query(ctx, "SELECT * FROM (\n"+query+"\n) gdprscan_query LIMIT 2", pgx.QueryExecModeExec)
		} else {
			var decl pgx.Rows
			if decl, err = tx.Query(ctx, "DECLARE "+cursorName+" NO SCROLL CURSOR FOR "+query, pgx.QueryExecModeExec); err != nil {
				return err
			}
			decl.Close()
			if err = decl.Err(); err != nil {
				return err
			}
			rows, err = tx.Query(ctx, fmt.Sprintf("FETCH FORWARD %d FROM %s", maxRows+1, cursorName), pgx.QueryExecModeExec)
		}
		if err != nil {
			return err
		}
		defer rows.Close()
		for _, f := range rows.FieldDescriptions() {
			out.Columns = append(out.Columns, f.Name)
		}
		for rows.Next() {
			if len(out.Values) == maxRows {
				out.Truncated = true
				break
			}
			vals, err := rows.Values()
			if err != nil {
				return err
			}
			for i, v := range vals {
				vals[i] = normalise(v)
			}
			out.Values = append(out.Values, vals)
		}
		rows.Close()
		return rows.Err()
	})
	if err != nil {
		return scanner.Rows{}, fmt.Errorf("query on %s: %w", s.name, err)
	}
	return out, nil
}

// normalise maps pgx's decoded values onto nil, int64, float64, string, bool and
// time.Time, as scanner.Rows promises.
func normalise(v any) any {
	switch x := v.(type) {
	case nil, int64, float64, string, bool, time.Time:
		return x
	case int8:
		return int64(x)
	case int16:
		return int64(x)
	case int32:
		return int64(x)
	case int:
		return int64(x)
	case uint8:
		return int64(x)
	case uint16:
		return int64(x)
	case uint32: // oid, xid
		return int64(x)
	case float32:
		return float64(x)
	case []byte:
		return `\x` + hex.EncodeToString(x)
	case [16]byte: // uuid
		h := hex.EncodeToString(x[:])
		return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	case pgtype.Numeric:
		return numeric(x)
	case driver.Valuer: // interval, time of day, ranges...: their text form
		dv, err := x.Value()
		if err != nil {
			return fmt.Sprint(x)
		}
		if _, again := dv.(driver.Valuer); again {
			return fmt.Sprint(dv)
		}
		return normalise(dv)
	case fmt.Stringer: // inet, cidr
		return x.String()
	case map[string]any, []any: // json, arrays
		b, err := json.Marshal(x)
		if err != nil {
			return fmt.Sprint(x)
		}
		return string(b)
	default:
		return fmt.Sprint(x)
	}
}

// numeric converts to float64 when no significant digit is lost (at most 15 of them),
// otherwise keeps the exact decimal text.
func numeric(n pgtype.Numeric) any {
	if !n.Valid {
		return nil
	}
	v, err := n.Value()
	if err != nil {
		return nil
	}
	text, _ := v.(string)
	if n.NaN || n.InfinityModifier != pgtype.Finite || n.Int == nil {
		return text
	}
	return scanner.DecimalValue(text)
}

// Describe implements scanner.Describer. ReadOnly requires both the session default and
// the transaction to refuse writes: a pooler may have dropped the startup parameter.
// CanWrite and Unreadable come from the role's privileges on the units Units lists.
func (s *Source) Describe(ctx context.Context) (scanner.Info, error) {
	var info scanner.Info
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		var txRO, defRO string
		var super, createRole bool
		err := tx.QueryRow(ctx, `SELECT current_setting('server_version'), current_user, current_database(),
			current_setting('transaction_read_only'), current_setting('default_transaction_read_only'),
			r.rolsuper, r.rolcreaterole
			FROM pg_catalog.pg_roles r WHERE r.rolname = current_user`).
			Scan(&info.ServerVersion, &info.User, &info.Database, &txRO, &defRO, &super, &createRole)
		if err != nil {
			return err
		}
		info.ReadOnly = txRO == "on" && defRO == "on"
		if super {
			info.CanWrite = append(info.CanWrite, "superuser: it can change anything")
		}
		if createRole {
			info.CanWrite = append(info.CanWrite, "CREATEROLE: it can grant itself more")
		}
		rows, err := tx.Query(ctx, privilegesSQL)
		if err != nil {
			return err
		}
		defer rows.Close() // a Scan error returns mid-loop: the next query needs the connection
		var writable []string
		for rows.Next() {
			var name string
			var canRead, canWrite bool
			if err := rows.Scan(&name, &canRead, &canWrite); err != nil {
				return err
			}
			if !canRead {
				info.Unreadable = append(info.Unreadable, name)
			}
			if canWrite {
				writable = append(writable, name)
			}
		}
		if err := rows.Err(); err != nil {
			return err
		}
		if len(writable) > 0 && !super {
			info.CanWrite = append(info.CanWrite, fmt.Sprintf("INSERT, UPDATE, DELETE or TRUNCATE on %d tables: %s", len(writable), list(writable)))
		}
		var schemas []string
		rows, err = tx.Query(ctx, `SELECT nspname FROM pg_catalog.pg_namespace
			WHERE has_schema_privilege(oid, 'CREATE') AND nspname NOT IN ('pg_catalog', 'information_schema')
			  AND nspname NOT LIKE 'pg\_%' ORDER BY 1`)
		if err != nil {
			return err
		}
		if schemas, err = pgx.CollectRows(rows, pgx.RowTo[string]); err != nil {
			return err
		}
		if len(schemas) > 0 && !super {
			info.CanWrite = append(info.CanWrite, "CREATE on schemas: "+list(schemas))
		}
		return nil
	})
	if err != nil {
		return scanner.Info{}, fmt.Errorf("describe %s: %w", s.name, err)
	}
	return info, nil
}

// privilegesSQL tells, for every unit Units lists, whether the role may read it (schema
// USAGE and table SELECT) and whether it could change it.
const privilegesSQL = `
SELECT n.nspname || '.' || c.relname,
       has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT'),
       has_table_privilege(c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE') OR has_any_column_privilege(c.oid, 'INSERT, UPDATE')
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p', 'v', 'm')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%'
  AND n.nspname NOT LIKE 'pg\_temp%'
ORDER BY 1`

// list names at most five items, then how many more.
func list(names []string) string {
	if len(names) <= 5 {
		return strings.Join(names, ", ")
	}
	return strings.Join(names[:5], ", ") + fmt.Sprintf(" and %d more", len(names)-5)
}
