// Package sqlsample is the sampling plumbing the engines share: which columns a sample
// reads and how long texts are cut (Columns), how a sampled row is added under the byte
// budget (Add), when a cheap sample is big enough (Enough), and, for the engines on
// database/sql (MySQL and MariaDB, SQLite), the sample read itself (Read): random ranges
// of an integer key when the table has one and is large, else the first rows.
// Identifiers come quoted from the engine; values go in as arguments, never into the SQL
// text.
package sqlsample

import (
	"context"
	"database/sql"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/gdprscan/gdprscan/scanner"
)

// Render turns a scanned value into sample text; false drops it (NULL, binary).
type Render func(v any, dataType string) (string, bool)

// seeks is how many random key ranges a sample is spread over.
const seeks = 10

// Columns returns the columns of u a sample of n rows reads, those skip does not leave
// out (binary types), with the select expression expr gives each; expr cuts long texts
// to chars, the budget's ValueChars, server-side. None when n <= 0 or no column is left.
func Columns(u scanner.Unit, n int, skip func(dataType string) bool, expr func(c scanner.ColumnInfo, chars int) string) ([]scanner.ColumnInfo, []string) {
	var cols []scanner.ColumnInfo
	for _, c := range u.Columns {
		if !skip(c.DataType) {
			cols = append(cols, c)
		}
	}
	if n <= 0 || len(cols) == 0 {
		return nil, nil
	}
	chars := scanner.NewBudget(n, len(cols)).ValueChars()
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = expr(c, chars)
	}
	return cols, exprs
}

// Query reads at most maxRows rows of q for an engine's scanner.Source.Query, with
// normalise mapping each driver value (and its column's database type name) onto what
// scanner.Rows promises.
func Query(ctx context.Context, tx *sql.Tx, q string, maxRows int, normalise func(v any, typeName string) any) (scanner.Rows, error) {
	var out scanner.Rows
	maxRows = max(maxRows, 0)
	rows, err := tx.QueryContext(ctx, q)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return out, err
	}
	for _, ct := range types {
		out.Columns = append(out.Columns, ct.Name())
	}
	for rows.Next() {
		if len(out.Values) == maxRows {
			out.Truncated = true
			break
		}
		vals := make([]any, len(types))
		dest := make([]any, len(types))
		for i := range vals {
			dest[i] = &vals[i]
		}
		if err := rows.Scan(dest...); err != nil {
			return out, err
		}
		for i, v := range vals {
			vals[i] = normalise(v, types[i].DatabaseTypeName())
		}
		out.Values = append(out.Values, vals)
	}
	rows.Close()
	return out, rows.Err()
}

// Enough reports whether a cheap sample (random ranges, TABLESAMPLE) of got rows is
// enough for n asked, or the engine should fall back to the first n rows.
func Enough(got, n int) bool { return 2*got >= n }

// Add adds one sampled row, a value per column of cols, to out under budget.
func Add(out *scanner.Sample, vals []any, cols []scanner.ColumnInfo, render Render, budget *scanner.Budget) {
	out.Rows++
	for i, v := range vals {
		if text, ok := render(v, cols[i].DataType); ok {
			out.Values[cols[i].Name] = append(out.Values[cols[i].Name], budget.Add(text))
		}
	}
}

// Read reads up to n rows of table, one expression of idents per column of cols. With
// key (a quoted integer key column, or "" for none) it reads short ranges `key >= random
// start` first — an index seek each, so a large table costs no scan — and falls back to
// the first n rows when those return fewer than half of n (a sparse or skewed key).
//
// Values are cut and rows stop at the byte budget of scanner.NewBudget(n, len(cols));
// idents should already cut long texts to its ValueChars server-side.
func Read(ctx context.Context, tx *sql.Tx, table, key string, idents []string, cols []scanner.ColumnInfo, n int, render Render) (scanner.Sample, error) {
	if key != "" {
		got, err := seek(ctx, tx, table, key, idents, cols, n, render, scanner.NewBudget(n, len(cols)))
		if err != nil {
			return scanner.Sample{}, err
		}
		if Enough(got.Rows, n) {
			return got, nil
		}
	}
	q := "SELECT " + strings.Join(idents, ", ") + " FROM " + table + " LIMIT " + strconv.Itoa(n)
	return collect(ctx, tx, q, nil, cols, nil, render, scanner.NewBudget(n, len(cols)))
}

// seek reads up to n rows as ranges from random starts, skipping rows an earlier range
// already returned.
func seek(ctx context.Context, tx *sql.Tx, table, key string, idents []string, cols []scanner.ColumnInfo, n int, render Render, budget *scanner.Budget) (scanner.Sample, error) {
	out := scanner.Sample{Values: map[string][]string{}}
	var lo, hi sql.NullInt64
	if err := tx.QueryRowContext(ctx, "SELECT MIN("+key+"), MAX("+key+") FROM "+table).Scan(&lo, &hi); err != nil {
		return out, err
	}
	span := hi.Int64 - lo.Int64
	if !lo.Valid || span < 0 || span == math.MaxInt64 { // empty, or a span that overflows
		return out, nil
	}
	q := "SELECT " + key + ", " + strings.Join(idents, ", ") + " FROM " + table +
		" WHERE " + key + " >= ? ORDER BY " + key + " LIMIT ?"
	per := (n + seeks - 1) / seeks
	seen := map[int64]bool{}
	// Ranges starting near the top return fewer rows, so allow a few extra seeks.
	for i := 0; i < 3*seeks && out.Rows < n && !budget.Full(); i++ {
		start := lo.Int64 + rand.Int64N(span+1)
		got, err := collect(ctx, tx, q, []any{start, min(per, n-out.Rows)}, cols, seen, render, budget)
		if err != nil {
			return out, err
		}
		out.Rows += got.Rows
		for c, vs := range got.Values {
			out.Values[c] = append(out.Values[c], vs...)
		}
	}
	return out, nil
}

// collect reads sample rows. With seen set, the first selected column is the integer
// key, used only to drop rows already in seen.
func collect(ctx context.Context, tx *sql.Tx, q string, args []any, cols []scanner.ColumnInfo, seen map[int64]bool, render Render, budget *scanner.Budget) (scanner.Sample, error) {
	out := scanner.Sample{Values: map[string][]string{}}
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	dest := make([]any, 0, len(cols)+1)
	var key int64
	if seen != nil {
		dest = append(dest, &key)
	}
	for i := range vals {
		dest = append(dest, &vals[i])
	}
	for !budget.Full() && rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return out, err
		}
		if seen != nil {
			if seen[key] {
				continue
			}
			seen[key] = true
		}
		Add(&out, vals, cols, render, budget)
	}
	rows.Close()
	return out, rows.Err()
}
