// Package mysql reads MySQL and MariaDB through go-sql-driver/mysql. The catalogue comes
// from information_schema, samples from random primary-key range seeks, and every
// statement runs in a read-only transaction under a server-side statement timeout.
package mysql

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/dsn"
	"github.com/gdprscan/gdprscan/scanner/sqlsample"
)

const (
	defaultTimeout = 30 * time.Second
	maxConns       = 2
	// smallTable: below n*smallTable estimated rows a plain LIMIT is as cheap as seeking.
	smallTable = 10
)

// Source is a read-only MySQL or MariaDB database.
type Source struct {
	db       *sql.DB
	name     string
	database string
	flavour  flavour
}

var (
	_ scanner.Source    = (*Source)(nil)
	_ scanner.Describer = (*Source)(nil)
	_ scanner.Retrier   = (*Source)(nil)
	_ scanner.Blind     = (*Source)(nil)
)

// flavour is what differs between MySQL and MariaDB servers.
type flavour struct {
	mariaDB bool
	// readOnlyVar is the session variable that makes every transaction read only:
	// transaction_read_only, or tx_read_only before MariaDB 11.1.
	readOnlyVar string
}

// Open connects to dsn, either mysql://user:pass@host:port/db?params or a native
// go-sql-driver DSN. The session is read only and carries a statement timeout of
// opts.StatementTimeout (default 30s) and lock wait timeouts of opts.LockTimeout (default
// 5s). Connecting and the login handshake give up after opts.ConnectTimeout (default 10s),
// and no read from the server waits longer than the statement timeout plus that. Errors
// name the source by opts.Name, never by DSN.
func Open(ctx context.Context, dsnText string, opts scanner.Options) (*Source, error) {
	timeout := cmp.Or(max(opts.StatementTimeout, 0), defaultTimeout)
	lockTimeout := cmp.Or(max(opts.LockTimeout, 0), scanner.DefaultLockTimeout)
	connectTimeout := cmp.Or(max(opts.ConnectTimeout, 0), scanner.DefaultConnectTimeout)
	cfg, err := parseDSN(dsnText)
	if err != nil {
		return nil, fmt.Errorf("mysql source %q: %w", opts.Name, ErrInvalidDSN)
	}
	if cfg.DBName == "" {
		return nil, fmt.Errorf("mysql source %q: %w", opts.Name, ErrNoDatabase)
	}
	fail := func(what string, err error) error {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			return fmt.Errorf("mysql source %q: %s: no MySQL greeting within %v (is it a MySQL or MariaDB port?): %w",
				opts.Name, what, 2*connectTimeout, err)
		}
		return fmt.Errorf("mysql source %q: %s: %w", opts.Name, what, redact(err, cfg.Passwd))
	}
	// Without these the driver waits for ever on a server that accepts TCP and never
	// speaks (or a PostgreSQL port, which waits for the client to speak first). A DSN's
	// own timeout, readTimeout and writeTimeout win.
	if cfg.Timeout <= 0 {
		cfg.Timeout = connectTimeout
	}
	if cfg.ReadTimeout <= 0 {
		cfg.ReadTimeout = timeout + connectTimeout
	}
	if cfg.WriteTimeout <= 0 {
		cfg.WriteTimeout = connectTimeout
	}
	if opts.TLS != nil {
		cfg.TLS = opts.TLS
	}
	connectCtx, cancel := context.WithTimeout(ctx, 2*connectTimeout)
	defer cancel()

	// Which variables exist depends on the server, so ask it first.
	fl, err := probe(connectCtx, cfg)
	if err != nil {
		return nil, fail("connect", err)
	}
	// The driver sends each parameter as SET name=value on every new connection.
	// A read-only session matters beyond START TRANSACTION READ ONLY: DDL commits the
	// transaction implicitly and would otherwise run outside it.
	cfg.Params[fl.readOnlyVar] = "1"
	if fl.mariaDB {
		cfg.Params["max_statement_time"] = strconv.FormatFloat(max(timeout.Seconds(), 0.001), 'f', 3, 64)
	} else {
		cfg.Params["max_execution_time"] = strconv.FormatInt(max(timeout.Milliseconds(), 1), 10)
	}
	// Metadata locks (DDL) and row locks: whole seconds, at least one.
	lockSecs := strconv.FormatInt(max(int64(math.Ceil(lockTimeout.Seconds())), 1), 10)
	cfg.Params["lock_wait_timeout"] = lockSecs
	cfg.Params["innodb_lock_wait_timeout"] = lockSecs
	conn, err := gomysql.NewConnector(cfg)
	if err != nil {
		return nil, fail("configure", err)
	}
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(max(opts.MaxConns, maxConns))
	db.SetMaxIdleConns(max(opts.MaxConns, maxConns))
	if err := db.PingContext(connectCtx); err != nil {
		db.Close()
		return nil, fail("connect", err)
	}
	return &Source{db: db, name: opts.Name, database: cfg.DBName, flavour: fl}, nil
}

// parseDSN accepts the URL form as well as the driver's own, and forces the settings
// the scanner relies on. The driver's log lines go through the project's logger.
func parseDSN(text string) (*gomysql.Config, error) {
	cfg, err := dsn.MySQL(text)
	if err != nil {
		return nil, err
	}
	cfg.Logger = driverLogger{}
	return cfg, nil
}

// probe reads the server's flavour over a short-lived connection without extra session
// variables, since which ones exist is what it finds out.
func probe(ctx context.Context, cfg *gomysql.Config) (flavour, error) {
	fl := flavour{readOnlyVar: "transaction_read_only"}
	conn, err := gomysql.NewConnector(cfg)
	if err != nil {
		return fl, err
	}
	db := sql.OpenDB(conn)
	defer db.Close()
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fl, err
	}
	defer tx.Rollback() //nolint:errcheck // read only: nothing to keep
	var version string
	if err := tx.QueryRowContext(ctx, "SELECT VERSION()").Scan(&version); err != nil {
		return fl, err
	}
	fl.mariaDB = strings.Contains(strings.ToLower(version), "mariadb")
	var ro int
	err = tx.QueryRowContext(ctx, "SELECT @@session.transaction_read_only").Scan(&ro)
	var myErr *gomysql.MySQLError
	if errors.As(err, &myErr) && myErr.Number == 1193 { // unknown system variable
		fl.readOnlyVar = "tx_read_only"
		err = nil
	}
	return fl, err
}

// Dialect implements scanner.Source.
func (s *Source) Dialect() dialect.Dialect { return dialect.MySQL }

// Close implements scanner.Source.
func (s *Source) Close() error { return s.db.Close() }

// inTx runs fn in a read-only transaction.
func (s *Source) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback() //nolint:errcheck // after Commit this is a no-op; nothing was written anyway
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

const unitsSQL = `
SELECT t.TABLE_NAME, t.TABLE_TYPE, t.TABLE_ROWS,
       c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT
FROM information_schema.TABLES t
JOIN information_schema.COLUMNS c ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME
  AND CAST(c.TABLE_NAME AS BINARY) = CAST(t.TABLE_NAME AS BINARY) -- the catalogue compares case-insensitively
WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED', 'VIEW')
ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION`

const primaryKeysSQL = `
SELECT TABLE_NAME, COLUMN_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY'
ORDER BY TABLE_NAME, ORDINAL_POSITION`

// Units implements scanner.Source. Units are grouped by exact name: the catalogue's
// collation is case-insensitive, so rows of "Users" and "users" may interleave.
func (s *Source) Units(ctx context.Context) ([]scanner.Unit, error) {
	var units []scanner.Unit
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		index := map[string]int{}
		rows, err := tx.QueryContext(ctx, unitsSQL)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var (
				table, kind, nullable string
				est                   sql.NullInt64
				col                   scanner.ColumnInfo
			)
			if err := rows.Scan(&table, &kind, &est, &col.Name, &col.DataType, &nullable, &col.Default); err != nil {
				return err
			}
			i, ok := index[table]
			if !ok {
				i = len(units)
				index[table] = i
				u := scanner.Unit{
					Source: s.name, Database: s.database, Schema: s.database, Table: table,
					IsView: kind == "VIEW", RowEstimate: -1,
				}
				if est.Valid && !u.IsView {
					u.RowEstimate = est.Int64 // an InnoDB estimate
				}
				units = append(units, u)
			}
			col.Nullable = nullable == "YES"
			// MariaDB shows an explicit DEFAULT NULL as the text NULL; MySQL as SQL NULL.
			if s.flavour.mariaDB && col.Default != nil && *col.Default == "NULL" {
				col.Default = nil
			}
			units[i].Columns = append(units[i].Columns, col)
		}
		if err := rows.Err(); err != nil {
			return err
		}
		rows.Close()

		pks, err := tx.QueryContext(ctx, primaryKeysSQL)
		if err != nil {
			return err
		}
		defer pks.Close()
		for pks.Next() {
			var table, col string
			if err := pks.Scan(&table, &col); err != nil {
				return err
			}
			if i, ok := index[table]; ok {
				units[i].PrimaryKey = append(units[i].PrimaryKey, col)
			}
		}
		return pks.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list units of %s: %w", s.name, err)
	}
	return units, nil
}

// sampleExpr cuts long texts server-side: classifying needs their start, not megabytes.
func sampleExpr(c scanner.ColumnInfo, chars int) string {
	id := dialect.MySQL.Ident(c.Name)
	t := strings.ToLower(c.DataType)
	if strings.Contains(t, "text") || strings.Contains(t, "char") || strings.HasPrefix(t, "json") {
		return "LEFT(" + id + ", " + strconv.Itoa(chars) + ")"
	}
	return id
}

// Sample implements scanner.Source. A big table with an integer primary key is read as
// a few short key ranges from random starting points, each an index seek; anything else
// with a plain LIMIT. Binary columns are left out.
func (s *Source) Sample(ctx context.Context, u scanner.Unit, n int) (scanner.Sample, error) {
	out := scanner.Sample{Values: map[string][]string{}}
	cols, idents := sqlsample.Columns(u, n, isBinary, sampleExpr)
	if cols == nil {
		return out, nil
	}
	table := dialect.MySQL.Table(u.Schema, u.Table)
	key := ""
	if pk, ok := integerKey(u); ok && !u.IsView && u.RowEstimate >= int64(smallTable*n) {
		key = dialect.MySQL.Ident(pk)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = sqlsample.Read(ctx, tx, table, key, idents, cols, n, render)
		return err
	})
	if err != nil {
		return scanner.Sample{}, fmt.Errorf("sample %s: %w", u.ID(), err)
	}
	return out, nil
}

// integerKey returns the primary key column when it is a single signed integer, the
// only kind random range starts can be drawn for.
func integerKey(u scanner.Unit) (string, bool) {
	if len(u.PrimaryKey) != 1 {
		return "", false
	}
	c, ok := u.Column(u.PrimaryKey[0])
	if !ok || strings.Contains(c.DataType, "unsigned") && strings.HasPrefix(c.DataType, "bigint") {
		return "", false // unsigned BIGINT may not fit int64
	}
	for _, p := range []string{"tinyint", "smallint", "mediumint", "int", "bigint"} {
		if strings.HasPrefix(c.DataType, p) {
			return c.Name, true
		}
	}
	return "", false
}

// isBinary tells columns whose bytes no text rule can read.
func isBinary(columnType string) bool {
	for _, p := range []string{"binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "bit",
		"geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon"} {
		if columnType == p || strings.HasPrefix(columnType, p+"(") {
			return true
		}
	}
	return false
}

// render turns one sampled value into text; false for NULL.
func render(v any, columnType string) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case []byte:
		return string(x), true
	case float64: // DOUBLE; without an exponent, as the server itself prints it
		return strconv.FormatFloat(x, 'f', -1, 64), true
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32), true
	case time.Time:
		if columnType == "date" {
			return x.Format(time.DateOnly), true
		}
		return x.UTC().Format(time.DateTime), true
	default:
		return fmt.Sprint(x), true
	}
}

// Query implements scanner.Source. Only reading statements are sent: unlike PostgreSQL,
// MySQL lets a statement inside a READ ONLY transaction switch the session back to
// read-write, and DDL commits the transaction implicitly.
func (s *Source) Query(ctx context.Context, query string, maxRows int) (scanner.Rows, error) {
	if !isSelect(query) {
		return scanner.Rows{}, fmt.Errorf("query on %s: %w", s.name, ErrNotSelect)
	}
	var out scanner.Rows
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = sqlsample.Query(ctx, tx, query, maxRows, normalise)
		return err
	})
	if err != nil {
		return scanner.Rows{}, fmt.Errorf("query on %s: %w", s.name, err)
	}
	return out, nil
}

// writesFile matches SELECT … INTO OUTFILE/DUMPFILE, which writes on the server's disk.
var writesFile = regexp.MustCompile(`(?i)\bINTO\s+(OUTFILE|DUMPFILE)\b`)

// isSelect reports whether q's first keyword, after comments, reads. Executable comments
// (/*! … */, /*M! … */) run as SQL, so they count as statement text, not as comments.
func isSelect(q string) bool {
	q = strings.TrimSpace(q)
	for {
		switch {
		case strings.HasPrefix(q, "/*!"), strings.HasPrefix(q, "/*M!"):
			return false
		case strings.HasPrefix(q, "/*"):
			end := strings.Index(q, "*/")
			if end < 0 {
				return false
			}
			q = strings.TrimSpace(q[end+2:])
			continue
		case strings.HasPrefix(q, "--"), strings.HasPrefix(q, "#"):
			end := strings.IndexByte(q, '\n')
			if end < 0 {
				return false
			}
			q = strings.TrimSpace(q[end+1:])
			continue
		}
		break
	}
	if writesFile.MatchString(q) {
		return false
	}
	if strings.HasPrefix(q, "(") {
		return true
	}
	end := strings.IndexFunc(q, func(r rune) bool { return !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') })
	if end < 0 {
		end = len(q)
	}
	word := strings.ToUpper(q[:end])
	return word == "SELECT" || word == "WITH" || word == "VALUES" || word == "TABLE"
}

// normalise maps the driver's values onto nil, int64, float64, string, bool and
// time.Time, as scanner.Rows promises. The driver returns DECIMAL and BIT as bytes.
func normalise(v any, typeName string) any {
	switch x := v.(type) {
	case nil, int64, float64, string, bool, time.Time:
		return x
	case uint64:
		if x > math.MaxInt64 {
			return strconv.FormatUint(x, 10)
		}
		return int64(x)
	case float32: // via its shortest text, so 0.1 stays 0.1 and not 0.100000001
		f, _ := strconv.ParseFloat(strconv.FormatFloat(float64(x), 'g', -1, 32), 64)
		return f
	case []byte:
		switch typeName {
		case "DECIMAL":
			return scanner.DecimalValue(string(x))
		case "BIT":
			if len(x) <= 8 {
				b := make([]byte, 8)
				copy(b[8-len(x):], x)
				return int64(binary.BigEndian.Uint64(b))
			}
		}
		return string(x)
	default:
		return fmt.Sprint(x)
	}
}

// Describe implements scanner.Describer. CanWrite, Unreadable and Unseen come from the
// grants of the current user and its roles (SHOW GRANTS).
func (s *Source) Describe(ctx context.Context) (scanner.Info, error) {
	var info scanner.Info
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var ro int
		err := tx.QueryRowContext(ctx, "SELECT VERSION(), CURRENT_USER(), DATABASE(), @@session."+s.flavour.readOnlyVar).
			Scan(&info.ServerVersion, &info.User, &info.Database, &ro)
		if err != nil {
			return err
		}
		info.ReadOnly = ro == 1
		g, err := s.grants(ctx, tx)
		if err != nil {
			return err
		}
		info.CanWrite, info.Unreadable, info.Unseen = g.canWrite(), g.unreadable, g.unseen(s.database)
		return nil
	})
	if err != nil {
		return scanner.Info{}, fmt.Errorf("describe %s: %w", s.name, err)
	}
	return info, nil
}

// Unseen implements scanner.Blind: without SELECT on the whole database, MySQL hides
// every table the role has no grant on, so the scan cannot name what it missed.
func (s *Source) Unseen(ctx context.Context) (string, error) {
	var msg string
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		g, err := s.grants(ctx, tx)
		msg = g.unseen(s.database)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("grants of %s: %w", s.name, err)
	}
	return msg, nil
}

// writePrivileges change data or schema, or give power over the server.
var writePrivileges = []string{"ALL PRIVILEGES", "INSERT", "UPDATE", "DELETE", "CREATE", "DROP", "ALTER", "INDEX",
	"CREATE VIEW", "TRIGGER", "CREATE ROUTINE", "ALTER ROUTINE", "EVENT", "CREATE TEMPORARY TABLES", "LOCK TABLES",
	"SUPER", "FILE", "CREATE USER", "GRANT OPTION", "SHUTDOWN", "RELOAD", "DELETE HISTORY"}

// grants is what the role may do, by scope.
type grants struct {
	global, database []string            // privileges on *.* and on this database
	tables           map[string][]string // table -> privileges
	readAll          bool                // SELECT on *.* or on the database
	unreadable       []string            // tables visible without any SELECT grant
}

// grantRE reads one line of SHOW GRANTS: privileges (column lists in parentheses), then
// the target. Role grants ("GRANT `r` TO …") and routine or proxy grants do not match.
var grantRE = regexp.MustCompile("^GRANT (.+?) ON ((?:`(?:[^`]|``)*`|\\*)\\.(?:`(?:[^`]|``)*`|\\*)) TO ")

// grants reads SHOW GRANTS, which, unlike information_schema, includes the grants of the
// user's active roles. Its lines may carry a password hash; they are parsed, never kept.
func (s *Source) grants(ctx context.Context, tx *sql.Tx) (grants, error) {
	g := grants{tables: map[string][]string{}}
	rows, err := tx.QueryContext(ctx, "SHOW GRANTS")
	if err != nil {
		return g, err
	}
	defer rows.Close()
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return g, err
		}
		m := grantRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		db, table := splitTarget(m[2])
		var privs []string
		columnSelect := false
		for _, p := range splitPrivileges(m[1]) {
			name, cols, _ := strings.Cut(p, " (")
			name = strings.ToUpper(strings.TrimSpace(name))
			if name == "SELECT" && cols != "" {
				columnSelect = true // a column grant: those columns are visible and readable
			}
			privs = append(privs, name)
		}
		reads := slices.Contains(privs, "SELECT") || slices.Contains(privs, "ALL PRIVILEGES")
		switch {
		case db == "*":
			g.global = append(g.global, privs...)
			g.readAll = g.readAll || reads
		case !likeMatch(db, s.database):
			continue
		case table == "*":
			g.database = append(g.database, privs...)
			g.readAll = g.readAll || reads
		default:
			if columnSelect && !reads {
				privs = append(privs, "SELECT")
			}
			g.tables[table] = append(g.tables[table], privs...)
		}
	}
	if err := rows.Err(); err != nil {
		return g, err
	}
	rows.Close()
	if g.readAll {
		return g, nil
	}
	tables, err := tx.QueryContext(ctx, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME")
	if err != nil {
		return g, err
	}
	defer tables.Close()
	for tables.Next() {
		var t string
		if err := tables.Scan(&t); err != nil {
			return g, err
		}
		if p := g.tables[t]; !slices.Contains(p, "SELECT") && !slices.Contains(p, "ALL PRIVILEGES") {
			g.unreadable = append(g.unreadable, s.database+"."+t)
		}
	}
	return g, tables.Err()
}

// splitTarget splits `db`.`table` (or *.*) into unquoted names.
func splitTarget(target string) (db, table string) {
	unquote := func(s string) string {
		if s == "*" {
			return s
		}
		return strings.ReplaceAll(s[1:len(s)-1], "``", "`")
	}
	// The first dot outside backticks separates the two.
	in := false
	for i, r := range target {
		switch {
		case r == '`':
			in = !in
		case r == '.' && !in:
			return unquote(target[:i]), unquote(target[i+1:])
		}
	}
	return unquote(target), ""
}

// splitPrivileges splits "SELECT, INSERT (`a`, `b`), UPDATE" at the commas outside
// parentheses.
func splitPrivileges(list string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range list {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(list[start:i]))
				start = i + 1
			}
		}
	}
	return append(out, strings.TrimSpace(list[start:]))
}

// likeMatch matches a database name against a grant's database, in which '_' and '%'
// are wildcards unless escaped with a backslash, as MySQL treats them.
func likeMatch(pattern, name string) bool {
	var re strings.Builder
	re.WriteString("^")
	for i := 0; i < len(pattern); i++ {
		switch c := pattern[i]; {
		case c == '\\' && i+1 < len(pattern):
			i++
			re.WriteString(regexp.QuoteMeta(string(pattern[i])))
		case c == '%':
			re.WriteString(".*")
		case c == '_':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	re.WriteString("$")
	ok, _ := regexp.MatchString(re.String(), name)
	return ok
}

func (g grants) canWrite() []string {
	writes := func(privs []string) []string {
		var out []string
		for _, p := range privs {
			if slices.Contains(writePrivileges, p) {
				out = append(out, p)
			}
		}
		return out
	}
	var out []string
	if w := writes(g.global); len(w) > 0 {
		out = append(out, "on every database (*.*): "+strings.Join(w, ", "))
	}
	if w := writes(g.database); len(w) > 0 {
		out = append(out, "on the whole database: "+strings.Join(w, ", "))
	}
	var tables []string
	for t, privs := range g.tables {
		if len(writes(privs)) > 0 {
			tables = append(tables, t)
		}
	}
	slices.Sort(tables)
	if len(tables) > 0 {
		shown, more := tables, ""
		if len(tables) > 5 {
			shown, more = tables[:5], fmt.Sprintf(" and %d more", len(tables)-5)
		}
		out = append(out, fmt.Sprintf("writes on %d tables: %s%s", len(tables), strings.Join(shown, ", "), more))
	}
	return out
}

func (g grants) unseen(database string) string {
	if g.readAll {
		return ""
	}
	return fmt.Sprintf("the role has no SELECT on the whole database, so tables without a grant of their own are invisible to it and were not scanned (GRANT SELECT ON `%s`.* to scan them all)", database)
}
