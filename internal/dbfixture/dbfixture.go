// Package dbfixture holds portable test tables: a table definition built once, in Go,
// and created with its rows in PostgreSQL, MySQL/MariaDB or SQLite. The demo CRM and the
// rules tests build their databases with it, so a fixture written once runs on every
// engine the scanner supports, with the same values on each.
package dbfixture

// ColumnType is a portable column type; DDL maps it per dialect.
type ColumnType int

const (
	Int       ColumnType = iota // integer
	BigInt                      // 64-bit integer
	SmallInt                    // 0/1 flags
	Text                        // short text, varchar(255)
	LongText                    // unbounded text
	Date                        // calendar date
	Timestamp                   // date and time, UTC, second precision
	Decimal                     // money, numeric(12,2)
)

// String names the type for messages.
func (t ColumnType) String() string {
	switch t {
	case Int:
		return "Int"
	case BigInt:
		return "BigInt"
	case SmallInt:
		return "SmallInt"
	case Text:
		return "Text"
	case LongText:
		return "LongText"
	case Date:
		return "Date"
	case Timestamp:
		return "Timestamp"
	case Decimal:
		return "Decimal"
	}
	return "ColumnType(?)"
}

// Column describes one column.
type Column struct {
	Name       string
	Type       ColumnType
	Nullable   bool
	PrimaryKey bool
	Default    string // SQL default literal, or "" for none
}

// PK is an integer primary key column.
func PK(name string) Column { return Column{Name: name, Type: Int, PrimaryKey: true} }

// Col is a NOT NULL column.
func Col(name string, t ColumnType) Column { return Column{Name: name, Type: t} }

// Null is a nullable column.
func Null(name string, t ColumnType) Column { return Column{Name: name, Type: t, Nullable: true} }

// Def is a NOT NULL column with a default (an SQL literal).
func Def(name string, t ColumnType, value string) Column {
	return Column{Name: name, Type: t, Default: value}
}

// Table is a table with its rows. Cell values are nil, int64 (Int, BigInt, SmallInt),
// string (Text, LongText), time.Time in UTC (Date, Timestamp) or float64 (Decimal).
type Table struct {
	Name    string
	Columns []Column
	Rows    [][]any
}

// View is a view whose SQL is a portable SELECT over unquoted simple names.
type View struct {
	Name, SQL string
}

// Database is the tables, in CREATE order, and views that Load creates together.
type Database struct {
	Tables []Table
	Views  []View
}

// Table returns the named table, or nil.
func (d Database) Table(name string) *Table {
	for i := range d.Tables {
		if d.Tables[i].Name == name {
			return &d.Tables[i]
		}
	}
	return nil
}

// ColumnIndex returns the position of the named column, or -1.
func (t Table) ColumnIndex(name string) int {
	for i, c := range t.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}
