// Package demo builds a realistic demo CRM with planted, exactly known GDPR violations.
//
// Generate produces the same data for a given "now" (a fixed math/rand/v2 seed, no map
// iteration in the output). Every date is an offset from now and every planted violation
// sits far from its threshold, so the counts in Expected hold whenever the data is
// scanned, not only on the day it was built. DDL, Load and BuildSQLite put the dataset
// into PostgreSQL, MySQL/MariaDB or SQLite.
package demo

import (
	"slices"
	"unicode/utf8"
)

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

// Dataset is the whole demo database.
type Dataset struct {
	Tables []Table
	Views  []View

	personal []string // raw personal values seeded, for PersonalValues
}

// Table returns the named table, or nil.
func (d Dataset) Table(name string) *Table {
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

// PersonalValues returns every raw personal value seeded — first, last and full names,
// card-holder names, emails, phones, street addresses, birth dates as 'YYYY-MM-DD',
// national ids, IBANs (compact and as stored), plaintext card numbers (as stored and as
// digits), IP addresses, usernames, plaintext passwords, health values, the emails and
// phone numbers embedded in notes, and the emails behind the erasure-request hashes —
// sorted and without duplicates, for tests that prove no output leaks them. Values
// shorter than four characters (a CVV, "Eva", "Bos") are left out: they cannot be told
// apart from ordinary text. Company data (accounts, company_settings) is not personal.
func (d Dataset) PersonalValues() []string {
	return slices.Clone(d.personal)
}

func personalSet(values []string) []string {
	out := make([]string, 0, len(values))
	for _, v := range values {
		if utf8.RuneCountInString(v) >= 4 {
			out = append(out, v)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
