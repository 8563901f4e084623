// Package sqlite reads SQLite files through the pure-Go modernc.org/sqlite driver. The
// file is opened read only, samples come from random rowid range seeks, and every
// statement runs in a transaction bounded by a context deadline.
package sqlite

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"modernc.org/sqlite"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/sqlsample"
)

const (
	defaultTimeout = 30 * time.Second
	maxConns       = 2
	// smallTable: below n*smallTable rowids a plain LIMIT is as cheap as seeking.
	smallTable = 10
	// schemaName is how SQLite names the opened file; it is both Database and Schema.
	schemaName = "main"
)

// Source is a read-only SQLite database file.
type Source struct {
	db      *sql.DB
	name    string
	timeout time.Duration
}

var (
	_ scanner.Source    = (*Source)(nil)
	_ scanner.Describer = (*Source)(nil)
)

// Open opens an existing database file read only. dsn is sqlite:///abs/path.db,
// sqlite://rel/path.db (relative to the working directory) or a plain path. Each
// statement is cancelled after opts.StatementTimeout (default 30s).
func Open(ctx context.Context, dsn string, opts scanner.Options) (*Source, error) {
	timeout := opts.StatementTimeout
	if timeout <= 0 {
		timeout = defaultTimeout
	}
	path, err := filePath(dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite source %q: %w", opts.Name, err)
	}
	// Check first: the driver would otherwise report a vague "unable to open".
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("sqlite source %q: %w", opts.Name, ErrNotFound)
	case err != nil:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err // the path is the DSN, which errors never repeat
		}
		return nil, fmt.Errorf("sqlite source %q: %w", opts.Name, err)
	case !info.Mode().IsRegular():
		return nil, fmt.Errorf("sqlite source %q: %w", opts.Name, ErrNotFile)
	}

	// mode=ro never creates the file and refuses writes; query_only refuses them again
	// at the statement level.
	uri := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?mode=ro&_pragma=query_only(1)&_pragma=busy_timeout(5000)"
	db := sql.OpenDB(connector{dsn: uri})
	db.SetMaxOpenConns(max(opts.MaxConns, maxConns))
	s := &Source{db: db, name: opts.Name, timeout: timeout}
	// Read the schema now, so that a file that is not a database fails here.
	if err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var n int
		return tx.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&n)
	}); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite source %q: open: %w", opts.Name, err)
	}
	return s, nil
}

// readOnlyDriver opens connections that only ever read: an authorizer refuses at prepare
// time every statement that is not a query. mode=ro alone is not enough: ATTACH
// 'file:x?mode=rwc' followed by PRAGMA query_only=0 would write a new file.
var readOnlyDriver = func() *sqlite.Driver {
	drv := &sqlite.Driver{}
	drv.RegisterConnectionHook(func(c sqlite.ExecQuerierContext, _ string) error {
		r, ok := c.(sqlite.AuthorizerRegisterer)
		if !ok {
			return errors.New("sqlite: driver cannot install an authorizer")
		}
		return r.RegisterAuthorizer(authorize)
	})
	return drv
}()

// schemaPragmas may run with an argument: they only describe the schema.
var schemaPragmas = map[string]bool{
	"table_info": true, "table_xinfo": true, "table_list": true, "index_list": true,
	"index_info": true, "index_xinfo": true, "foreign_key_list": true,
}

// settingPragmas may be read, never set.
var settingPragmas = map[string]bool{
	"query_only": true, "user_version": true, "application_id": true, "encoding": true,
	"page_count": true, "page_size": true, "schema_version": true, "data_version": true,
}

func authorize(action sqlite.AuthorizerActionCode, arg1, arg2, _, _ string) sqlite.AuthorizerReturnCode {
	switch action {
	case sqlite.AuthSelect, sqlite.AuthRead, sqlite.AuthFunction, sqlite.AuthRecursive,
		sqlite.AuthTransaction: // BEGIN, COMMIT and ROLLBACK of the read-only transactions
		return sqlite.AuthorizerOK
	case sqlite.AuthPragma:
		if schemaPragmas[arg1] || settingPragmas[arg1] && arg2 == "" {
			return sqlite.AuthorizerOK
		}
	}
	return sqlite.AuthorizerDeny
}

// connector hands database/sql connections from readOnlyDriver.
type connector struct{ dsn string }

func (c connector) Connect(context.Context) (driver.Conn, error) { return readOnlyDriver.Open(c.dsn) }
func (c connector) Driver() driver.Driver                        { return readOnlyDriver }

// filePath turns the DSN into an absolute file path.
func filePath(dsn string) (string, error) {
	p, _ := strings.CutPrefix(dsn, "sqlite://")
	if p == "" {
		return "", ErrNotFound
	}
	return filepath.Abs(p) // sqlite:///abs keeps its leading slash; sqlite://rel does not
}

// Dialect implements scanner.Source.
func (s *Source) Dialect() dialect.Dialect { return dialect.SQLite }

// Close implements scanner.Source.
func (s *Source) Close() error { return s.db.Close() }

// inTx runs fn in a read-only transaction. SQLite has no server to enforce a timeout,
// so a deadline on the context fn receives interrupts the statement instead.
func (s *Source) inTx(ctx context.Context, fn func(ctx context.Context, tx *sql.Tx) error) error {
	ctx, cancel := context.WithTimeout(ctx, s.timeout)
	defer cancel()
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op; nothing was written anyway
	if err := fn(ctx, tx); err != nil {
		return err
	}
	return tx.Commit()
}

// tablesSQL lists tables and views. pragma_table_list tells WITHOUT ROWID tables (wr)
// and the shadow tables behind virtual tables, whose rows the virtual table shows.
const tablesSQL = `
SELECT s.name, s.type, COALESCE(l.type, ''), COALESCE(l.wr, 0)
FROM sqlite_schema s
LEFT JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name
WHERE s.type IN ('table', 'view') AND s.name NOT LIKE 'sqlite\_%' ESCAPE '\'
  AND COALESCE(l.type, '') <> 'shadow'
ORDER BY s.name`

const columnsSQL = `SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?, 'main') ORDER BY cid`

// Units implements scanner.Source.
func (s *Source) Units(ctx context.Context) ([]scanner.Unit, error) {
	var units []scanner.Unit
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		type table struct {
			name, kind, listType string
			withoutRowid         bool
		}
		var tables []table
		rows, err := tx.QueryContext(ctx, tablesSQL)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t table
			if err := rows.Scan(&t.name, &t.kind, &t.listType, &t.withoutRowid); err != nil {
				return err
			}
			tables = append(tables, t)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		for _, t := range tables {
			u := scanner.Unit{
				Source: s.name, Database: schemaName, Schema: schemaName, Table: t.name,
				IsView: t.kind == "view", RowEstimate: -1,
			}
			if err := columns(ctx, tx, &u, t.withoutRowid); err != nil {
				if t.listType == "virtual" {
					continue // its module is not compiled in, so it cannot be read at all
				}
				return fmt.Errorf("columns of %s: %w", t.name, err)
			}
			if r := rowidName(u); r != "" && !u.IsView && !t.withoutRowid && t.listType != "virtual" {
				// The largest rowid is one b-tree descent; it overcounts after deletes.
				var hi sql.NullInt64
				q := "SELECT max(" + r + ") FROM " + dialect.SQLite.Ident(t.name)
				if err := tx.QueryRowContext(ctx, q).Scan(&hi); err != nil {
					return err
				}
				u.RowEstimate = max(hi.Int64, 0)
			}
			units = append(units, u)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list units of %s: %w", s.name, err)
	}
	return units, nil
}

func columns(ctx context.Context, tx *sql.Tx, u *scanner.Unit, withoutRowid bool) error {
	rows, err := tx.QueryContext(ctx, columnsSQL, u.Table)
	if err != nil {
		return err
	}
	defer rows.Close()
	pk := map[int]int{} // key position -> index in u.Columns
	for rows.Next() {
		var (
			c       scanner.ColumnInfo
			notNull bool
			pos     int
		)
		if err := rows.Scan(&c.Name, &c.DataType, &notNull, &c.Default, &pos); err != nil {
			return err
		}
		// SQLite allows untyped columns; say so rather than leave the type empty.
		if c.DataType == "" {
			c.DataType = "ANY"
		}
		c.Nullable = !notNull
		if pos > 0 {
			pk[pos] = len(u.Columns)
		}
		u.Columns = append(u.Columns, c)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	for i := 1; i <= len(pk); i++ {
		c := &u.Columns[pk[i]]
		u.PrimaryKey = append(u.PrimaryKey, c.Name)
		// Primary key columns of a rowid table may hold NULLs unless declared NOT NULL,
		// except an INTEGER PRIMARY KEY, which is the rowid itself.
		if withoutRowid || len(pk) == 1 && strings.EqualFold(c.DataType, "INTEGER") {
			c.Nullable = false
		}
	}
	return nil
}

// rowidName returns a name for the rowid that no column shadows, or "" when all three
// are taken by real columns.
func rowidName(u scanner.Unit) string {
	for _, r := range []string{"rowid", "_rowid_", "oid"} {
		if _, taken := u.Column(r); !taken {
			return r
		}
	}
	return ""
}

// sampleExpr cuts long texts: classifying needs their start, not megabytes. Only
// text-affinity columns are cut, so numbers keep their own rendering.
func sampleExpr(c scanner.ColumnInfo, chars int) string {
	id := dialect.SQLite.Ident(c.Name)
	t := strings.ToUpper(c.DataType)
	if strings.Contains(t, "CHAR") || strings.Contains(t, "TEXT") || strings.Contains(t, "CLOB") {
		return "SUBSTR(" + id + ", 1, " + strconv.Itoa(chars) + ")"
	}
	return id
}

// isBlob tells the BLOB columns a sample leaves out.
func isBlob(declType string) bool { return strings.Contains(strings.ToUpper(declType), "BLOB") }

// Sample implements scanner.Source. A big rowid table is read as a few short rowid
// ranges from random starting points; anything else with a plain LIMIT. BLOB columns are
// left out.
func (s *Source) Sample(ctx context.Context, u scanner.Unit, n int) (scanner.Sample, error) {
	out := scanner.Sample{Values: map[string][]string{}}
	cols, idents := sqlsample.Columns(u, n, isBlob, sampleExpr)
	if cols == nil {
		return out, nil
	}
	table := dialect.SQLite.Table(u.Schema, u.Table)
	key := ""
	if r := rowidName(u); r != "" && u.RowEstimate >= int64(smallTable*n) {
		key = r
	}
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		out, err = sqlsample.Read(ctx, tx, table, key, idents, cols, n, render)
		return err
	})
	if err != nil {
		return scanner.Sample{}, fmt.Errorf("sample %s: %w", u.ID(), err)
	}
	return out, nil
}

// render turns one sampled value into text; false for NULL and for binary values, which
// SQLite's dynamic typing lets into any column.
func render(v any, declType string) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, true
	case []byte:
		return string(x), utf8.Valid(x)
	case int64:
		return strconv.FormatInt(x, 10), true
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case time.Time: // the driver parses text in DATE, DATETIME and TIMESTAMP columns
		if strings.EqualFold(declType, "DATE") {
			return x.Format(time.DateOnly), true
		}
		return x.UTC().Format(time.DateTime), true
	default:
		return fmt.Sprint(x), true
	}
}

// Query implements scanner.Source.
func (s *Source) Query(ctx context.Context, query string, maxRows int) (scanner.Rows, error) {
	var out scanner.Rows
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var err error
		out, err = sqlsample.Query(ctx, tx, query, maxRows, normalise)
		return err
	})
	if err != nil {
		return scanner.Rows{}, fmt.Errorf("query on %s: %w", s.name, err)
	}
	return out, nil
}

// normalise turns a BLOB into text: scanner.Rows has no bytes.
func normalise(v any, _ string) any {
	if b, ok := v.([]byte); ok {
		return string(b)
	}
	return v
}

// Describe implements scanner.Describer. SQLite has no users, so User stays empty.
func (s *Source) Describe(ctx context.Context) (scanner.Info, error) {
	info := scanner.Info{Database: schemaName}
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var version string
		var queryOnly int
		if err := tx.QueryRowContext(ctx, "SELECT sqlite_version()").Scan(&version); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, "PRAGMA query_only").Scan(&queryOnly); err != nil {
			return err
		}
		info.ServerVersion = "SQLite " + version
		info.ReadOnly = queryOnly == 1
		return nil
	})
	if err != nil {
		return scanner.Info{}, fmt.Errorf("describe %s: %w", s.name, err)
	}
	return info, nil
}
