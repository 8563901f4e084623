package dbfixture

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

// Text formats of dates and times in SQLite, which has no date types.
const (
	sqliteDate      = "2006-01-02"
	sqliteTimestamp = "2006-01-02 15:04:05"
)

// maxParams bounds the placeholders of one INSERT (SQLite, PostgreSQL and MySQL all allow
// far more; small statements keep server-side prepares cheap).
const maxParams = 2000

func sqlType(dl dialect.Dialect, t ColumnType) string {
	switch dl {
	case dialect.Postgres:
		return [...]string{Int: "integer", BigInt: "bigint", SmallInt: "smallint", Text: "varchar(255)",
			LongText: "text", Date: "date", Timestamp: "timestamp", Decimal: "numeric(12,2)"}[t]
	case dialect.MySQL:
		return [...]string{Int: "INT", BigInt: "BIGINT", SmallInt: "SMALLINT", Text: "VARCHAR(255)",
			LongText: "TEXT", Date: "DATE", Timestamp: "DATETIME", Decimal: "DECIMAL(12,2)"}[t]
	default:
		return [...]string{Int: "INTEGER", BigInt: "INTEGER", SmallInt: "INTEGER", Text: "TEXT",
			LongText: "TEXT", Date: "TEXT", Timestamp: "TEXT", Decimal: "NUMERIC"}[t]
	}
}

// DDL returns the CREATE TABLE statements, then the CREATE VIEW statements, for dl.
func (d Database) DDL(dl dialect.Dialect) []string {
	var out []string
	for _, t := range d.Tables {
		var b strings.Builder
		fmt.Fprintf(&b, "CREATE TABLE %s (", dl.Ident(t.Name))
		for i, c := range t.Columns {
			if i > 0 {
				b.WriteString(",")
			}
			fmt.Fprintf(&b, "\n  %s %s", dl.Ident(c.Name), sqlType(dl, c.Type))
			if !c.Nullable {
				b.WriteString(" NOT NULL")
			}
			if c.Default != "" {
				b.WriteString(" DEFAULT " + c.Default)
			}
			if c.PrimaryKey {
				b.WriteString(" PRIMARY KEY")
			}
		}
		b.WriteString("\n)")
		if dl == dialect.MySQL {
			b.WriteString(" ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci")
		}
		out = append(out, b.String())
	}
	for _, v := range d.Views {
		out = append(out, fmt.Sprintf("CREATE VIEW %s AS %s", dl.Ident(v.Name), v.SQL))
	}
	return out
}

// Load creates the tables and views of d in the database db is connected to and inserts
// every row with batched multi-row INSERTs in one transaction. Values travel as
// parameters, never in the SQL text. PostgreSQL and SQLite run the DDL inside the same
// transaction; MySQL commits DDL implicitly, so there it runs first. Afterwards the tables
// are analysed (PostgreSQL ANALYZE, MySQL ANALYZE TABLE) so catalogue row estimates are
// right; SQLite is left without sqlite_stat tables.
func Load(ctx context.Context, db *sql.DB, dl dialect.Dialect, d Database) error {
	if !dl.Valid() {
		return fmt.Errorf("dbfixture: unknown dialect %q", dl)
	}
	ddl := d.DDL(dl)
	if dl == dialect.MySQL {
		if err := execAll(ctx, db, ddl); err != nil {
			return err
		}
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("dbfixture: begin: %w", err)
	}
	defer tx.Rollback() //nolint:errcheck // a no-op after Commit
	if dl != dialect.MySQL {
		if err := execAll(ctx, tx, ddl); err != nil {
			return err
		}
	}
	for _, t := range d.Tables {
		if err := insertRows(ctx, tx, dl, t); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("dbfixture: commit: %w", err)
	}
	return analyze(ctx, db, dl, d)
}

type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func execAll(ctx context.Context, db execer, stmts []string) error {
	for _, s := range stmts {
		if _, err := db.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("dbfixture: %s: %w", firstLine(s), err)
		}
	}
	return nil
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func insertRows(ctx context.Context, tx *sql.Tx, dl dialect.Dialect, t Table) error {
	cols := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		cols[i] = dl.Ident(c.Name)
	}
	head := fmt.Sprintf("INSERT INTO %s (%s) VALUES ", dl.Ident(t.Name), strings.Join(cols, ", "))
	batch := max(1, maxParams/len(t.Columns))
	for start := 0; start < len(t.Rows); start += batch {
		rows := t.Rows[start:min(start+batch, len(t.Rows))]
		var b strings.Builder
		b.WriteString(head)
		args := make([]any, 0, len(rows)*len(t.Columns))
		for i, row := range rows {
			if len(row) != len(t.Columns) {
				return fmt.Errorf("dbfixture: %s row %d has %d values for %d columns", t.Name, start+i, len(row), len(t.Columns))
			}
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteByte('(')
			for j, v := range row {
				if j > 0 {
					b.WriteString(", ")
				}
				arg, err := bind(dl, t.Columns[j], v)
				if err != nil {
					return fmt.Errorf("dbfixture: %s.%s row %d: %w", t.Name, t.Columns[j].Name, start+i, err)
				}
				args = append(args, arg)
				if dl == dialect.Postgres {
					b.WriteString("$" + strconv.Itoa(len(args)))
				} else {
					b.WriteByte('?')
				}
			}
			b.WriteByte(')')
		}
		if _, err := tx.ExecContext(ctx, b.String(), args...); err != nil {
			return fmt.Errorf("dbfixture: insert into %s: %w", t.Name, err)
		}
	}
	return nil
}

// bind converts a cell to the driver argument for its column: SQLite gets dates and
// times as text, MySQL too (so the session time zone cannot shift them), PostgreSQL
// gets time.Time in UTC.
func bind(dl dialect.Dialect, c Column, v any) (any, error) {
	if v == nil {
		if !c.Nullable {
			return nil, errors.New("NULL in a NOT NULL column")
		}
		return nil, nil
	}
	var ok bool
	switch c.Type {
	case Int, BigInt, SmallInt:
		_, ok = v.(int64)
	case Text, LongText:
		_, ok = v.(string)
	case Decimal:
		_, ok = v.(float64)
	case Date, Timestamp:
		t, isTime := v.(time.Time)
		if !isTime {
			break
		}
		t = t.UTC()
		switch {
		case dl == dialect.Postgres:
			return t, nil
		case c.Type == Date:
			return t.Format(sqliteDate), nil
		default:
			return t.Format(sqliteTimestamp), nil
		}
	}
	if !ok {
		return nil, fmt.Errorf("%T value for a %s column", v, c.Type)
	}
	return v, nil
}

func analyze(ctx context.Context, db *sql.DB, dl dialect.Dialect, d Database) error {
	if dl == dialect.SQLite {
		return nil
	}
	for _, t := range d.Tables {
		q := "ANALYZE " + dl.Ident(t.Name)
		if dl == dialect.MySQL {
			q = "ANALYZE TABLE " + dl.Ident(t.Name)
		}
		rows, err := db.QueryContext(ctx, q) // MySQL answers with a result set
		if err != nil {
			return fmt.Errorf("dbfixture: %s: %w", q, err)
		}
		for rows.Next() {
		}
		if err := rows.Close(); err != nil {
			return fmt.Errorf("dbfixture: %s: %w", q, err)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("dbfixture: %s: %w", q, err)
		}
	}
	return nil
}
