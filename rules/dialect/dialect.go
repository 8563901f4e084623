// Package dialect holds what differs in SQL text between the engines gdprscan reads:
// identifier quoting, literals and a few functions. It is a leaf so that both the rules
// (which write SQL) and the scanner (which runs it) can use it.
package dialect

import (
	"fmt"
	"strings"
	"time"
)

// Dialect names an SQL engine family.
type Dialect string

const (
	Postgres Dialect = "postgres"
	MySQL    Dialect = "mysql" // MySQL and MariaDB
	SQLite   Dialect = "sqlite"
)

// Valid reports whether d is one of the known dialects.
func (d Dialect) Valid() bool { return d == Postgres || d == MySQL || d == SQLite }

// Ident quotes one identifier. Quote characters inside the name are doubled, so a
// catalogue name such as `we"ird` can never break out of its quotes.
func (d Dialect) Ident(name string) string {
	if d == MySQL {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// Table quotes a schema-qualified table. For SQLite the schema "main" is left out so
// that reproduce queries also run in the sqlite3 shell on the file itself.
func (d Dialect) Table(schema, table string) string {
	if schema == "" || (d == SQLite && schema == "main") {
		return d.Ident(table)
	}
	return d.Ident(schema) + "." + d.Ident(table)
}

// Column quotes alias.column.
func (d Dialect) Column(alias, column string) string {
	if alias == "" {
		return d.Ident(column)
	}
	return alias + "." + d.Ident(column)
}

// String returns a string literal. It is only ever used for constants that gdprscan
// itself produces (dates, enum words from the config), never for values read from data.
func (d Dialect) String(s string) string {
	s = strings.ReplaceAll(s, "'", "''")
	if d == MySQL {
		s = strings.ReplaceAll(s, `\`, `\\`)
	}
	return "'" + s + "'"
}

// Time returns a timestamp literal comparable with the engine's date and time columns.
// SQLite stores times as ISO-8601 text, which compares correctly as text.
func (d Dialect) Time(t time.Time) string {
	t = t.UTC()
	switch d {
	case Postgres:
		return fmt.Sprintf("TIMESTAMP '%s'", t.Format("2006-01-02 15:04:05"))
	case MySQL:
		return fmt.Sprintf("TIMESTAMP('%s')", t.Format("2006-01-02 15:04:05"))
	default:
		return "'" + t.Format("2006-01-02 15:04:05") + "'"
	}
}

// Date returns a date literal.
func (d Dialect) Date(t time.Time) string {
	switch d {
	case Postgres:
		return fmt.Sprintf("DATE '%s'", t.Format("2006-01-02"))
	case MySQL:
		return fmt.Sprintf("DATE('%s')", t.Format("2006-01-02"))
	default:
		return "'" + t.Format("2006-01-02") + "'"
	}
}

// Text casts an expression to text so that values of any type compare and measure alike.
func (d Dialect) Text(expr string) string {
	switch d {
	case Postgres:
		return "CAST(" + expr + " AS TEXT)"
	case MySQL:
		return "CAST(" + expr + " AS CHAR)"
	default:
		return "CAST(" + expr + " AS TEXT)"
	}
}

// Length returns the character length of a text expression.
func (d Dialect) Length(expr string) string {
	if d == MySQL {
		return "CHAR_LENGTH(" + expr + ")"
	}
	return "LENGTH(" + expr + ")"
}

// OnlyChars returns a predicate that is true when the text expression consists only of
// characters of the given class, written as a bracket set body such as "0-9a-fA-F".
// SQLite has no regular expressions without an extension, so it uses GLOB.
func (d Dialect) OnlyChars(expr, class string) string {
	switch d {
	case Postgres:
		return expr + " ~ '^[" + class + "]+$'"
	case MySQL:
		return expr + " REGEXP '^[" + class + "]+$'"
	default:
		return "(" + expr + " <> '' AND " + expr + " NOT GLOB '*[^" + class + "]*')"
	}
}

// HasPrefix returns a predicate true when the text expression starts with the literal prefix.
func (d Dialect) HasPrefix(expr, prefix string) string {
	return "SUBSTR(" + expr + ", 1, " + fmt.Sprint(len(prefix)) + ") = " + d.String(prefix)
}

// Limit returns the clause that bounds a result to n rows.
func (d Dialect) Limit(n int) string { return fmt.Sprintf("LIMIT %d", n) }
