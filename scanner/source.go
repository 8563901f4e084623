// Package scanner walks a database: it lists its tables and columns from the catalogue,
// samples rows cheaply, classifies columns and runs the compliance rules' queries.
// Engines live in sub-packages (postgres, mysql, sqlite); this package never imports them.
package scanner

import (
	"context"
	"crypto/tls"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

// Source is one database connection, read only. Every query an implementation runs goes
// through a read-only transaction with a server-side statement timeout, and every
// identifier it writes is quoted.
type Source interface {
	// Dialect tells which SQL the source speaks.
	Dialect() dialect.Dialect
	// Units lists the tables and views of every user schema, with their columns, primary
	// key and a row estimate from the catalogue (never a COUNT(*)).
	Units(ctx context.Context) ([]Unit, error)
	// Sample returns up to n rows of u, cheaply (never a full scan of a big table),
	// as text per column with NULLs dropped.
	Sample(ctx context.Context, u Unit, n int) (Sample, error)
	// Query runs one read-only SELECT and returns at most maxRows rows.
	Query(ctx context.Context, sql string, maxRows int) (Rows, error)
	Close() error
}

// Describer is an optional capability: what the connection is and what it may read.
type Describer interface {
	Describe(ctx context.Context) (Info, error)
}

// Info describes a connected source for `gdprscan validate`.
type Info struct {
	ServerVersion string
	User          string
	Database      string
	ReadOnly      bool // the session refuses writes
	// CanWrite says what the role itself could change, were the session not read only:
	// "superuser", "INSERT, UPDATE or DELETE on 3 tables: public.a, …". Empty when the
	// role can only read, as docs/security.md recommends.
	CanWrite []string
	// Unreadable lists the tables and views ("schema.table") the catalogue shows but the
	// role may not read; scanning them fails.
	Unreadable []string
	// Unseen explains tables the role cannot even list (MySQL shows only tables a role
	// has a grant on); "" when it sees them all.
	Unseen string
}

// Blind is an optional capability: what the role cannot see in the catalogue, so that
// the report says what is missing instead of leaving it out silently.
type Blind interface {
	Unseen(ctx context.Context) (string, error)
}

// Unit is one table or view.
type Unit struct {
	Source      string
	Database    string // PostgreSQL database; MySQL database; SQLite "main"
	Schema      string // PostgreSQL schema; MySQL database again; SQLite "main"
	Table       string
	IsView      bool
	RowEstimate int64 // from the catalogue; -1 when unknown
	Columns     []ColumnInfo
	PrimaryKey  []string
}

// ColumnInfo is one column as the catalogue describes it.
type ColumnInfo struct {
	Name     string
	DataType string
	Nullable bool
	Default  *string // column default expression, nil when none
}

// ID is stable across runs: "<source>/<database>/<schema>.<table>".
func (u Unit) ID() string { return u.Source + "/" + u.Database + "/" + u.Schema + "." + u.Table }

// Column returns the named column, matched case-insensitively.
func (u Unit) Column(name string) (ColumnInfo, bool) {
	for _, c := range u.Columns {
		if strings.EqualFold(c.Name, name) {
			return c, true
		}
	}
	return ColumnInfo{}, false
}

// Sample memory is bounded by bytes, not rows: a sample holds at most MaxSampleBytes of
// text over all its columns. Each value is cut, server-side where the engine can, to
// MaxSampleChars, or shorter on a wide table (down to MinSampleChars) so that n rows
// still fit; when even that does not fit, the sample stops at fewer rows.
const (
	MaxSampleChars = 4096
	MinSampleChars = 128
	MaxSampleBytes = 32 << 20
)

// Budget tracks the bytes one sample holds.
type Budget struct {
	valueBytes int
	left       int
}

// NewBudget is the budget of a sample of n rows over cols columns.
func NewBudget(n, cols int) *Budget {
	per := MaxSampleBytes / max(n*cols, 1)
	return &Budget{valueBytes: min(max(per, MinSampleChars), MaxSampleChars), left: MaxSampleBytes}
}

// ValueChars is what each value is cut to, in characters, for the engine's SQL.
func (b *Budget) ValueChars() int { return b.valueBytes }

// Add cuts s to the value limit in bytes (at a rune boundary, as multibyte text may
// exceed it in characters) and charges it. Invalid UTF-8 (Latin-1 bytes in a column
// declared UTF-8, binary in SQLite text) becomes U+FFFD: detectors and reports get text.
func (b *Budget) Add(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) > b.valueBytes {
		cut := b.valueBytes
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut]
	}
	b.left -= len(s)
	return s
}

// Full reports whether the sample has used its bytes; the engine then stops reading rows.
func (b *Budget) Full() bool { return b.left <= 0 }

// Sample holds sampled values as text, per column, NULLs dropped.
type Sample struct {
	Rows   int                 // rows read
	Values map[string][]string // column name -> non-null values
}

// Rows is a small query result. Values are normalised to nil, int64, float64, string,
// bool or time.Time.
type Rows struct {
	Columns   []string
	Values    [][]any
	Truncated bool // more rows existed than were read
}

// Options are the per-source settings every engine honours.
type Options struct {
	Name             string        // source name, used in errors instead of the DSN
	StatementTimeout time.Duration // server-side timeout for each statement
	// ConnectTimeout bounds connecting, TLS and the login handshake (default
	// DefaultConnectTimeout): a port that accepts TCP and never answers must fail, not hang.
	ConnectTimeout time.Duration
	// LockTimeout bounds waiting for a lock (default DefaultLockTimeout), so a scan never
	// queues behind DDL (and DDL never queues behind the scan for long).
	LockTimeout time.Duration
	// TLS, when set, is used for the connection instead of what the DSN says.
	TLS *tls.Config
	// MaxConns sizes the connection pool for the source's query limit (sources[].
	// concurrency); the scanner itself keeps the queries in flight under that limit.
	// The engines never open fewer than two.
	MaxConns int
}

// Defaults of Options.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultLockTimeout    = 5 * time.Second
)

// Retrier is an optional capability: it tells failures worth another try — a dropped
// connection, a server restarting, a lock wait that timed out — from those that would
// fail again (permission denied, a statement timeout, bad SQL).
type Retrier interface {
	Retryable(err error) bool
}

// DecimalValue is how engines hand over exact decimals (DECIMAL, NUMERIC) in query
// results: a float64 when no significant digit is lost (at most 15 of them), otherwise
// the exact text.
func DecimalValue(text string) any {
	digits := strings.NewReplacer("-", "", ".", "").Replace(text)
	digits = strings.TrimRight(strings.TrimLeft(digits, "0"), "0")
	if len(digits) > 15 {
		return text
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return text
	}
	return f
}
