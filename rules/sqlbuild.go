package rules

import (
	"fmt"
	"strings"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

// nullTokens are values that mean "nothing recorded" in CRM fields; they are not data.
var nullTokens = []string{"", " ", "-", "n/a", "na", "none", "null", "no", "keine", "aucun", "ninguno", "nessuno", "geen", "brak", "无"}

// rowKey returns the quoted key expression of a table, or NULL when it has no single
// primary key (sample keys are then left empty rather than showing any value).
func rowKey(d dialect.Dialect, alias string, t Table) string {
	if len(t.PrimaryKey) == 1 {
		return d.Column(alias, t.PrimaryKey[0])
	}
	return "NULL"
}

// textHasValue is true when a column's text holds something other than NULL or a null
// token. It compares the text with the null tokens as written in lower, upper or
// title case: an IN list the engines hash, far cheaper per row than LOWER(TRIM()).
func textHasValue(d dialect.Dialect, col, txt string) string {
	var quoted []string
	seen := map[string]bool{}
	for _, t := range nullTokens {
		for _, v := range []string{t, strings.ToUpper(t), titleCase(t)} {
			if !seen[v] {
				seen[v] = true
				quoted = append(quoted, d.String(v))
			}
		}
	}
	return fmt.Sprintf("(%s IS NOT NULL AND %s NOT IN (%s))", col, txt, strings.Join(quoted, ", "))
}

func titleCase(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// filled is textHasValue for a column whose catalogue type is known: a date, time, number or
// boolean holds a value when it is not NULL; text is compared with the null tokens
// without a cast.
func filled(d dialect.Dialect, col string, c TableColumn) string {
	if !isTextType(c.DataType) {
		return col + " IS NOT NULL"
	}
	return textHasValue(d, col, col)
}

// missing is true when a column holds nothing at all: NULL, or empty text. Proof
// elements are judged this way; it costs a consent table of millions of rows no string
// function per row.
func missing(d dialect.Dialect, col string, c TableColumn) string {
	if !isTextType(c.DataType) {
		return col + " IS NULL"
	}
	return "(" + col + " IS NULL OR " + col + " = '')"
}

// isTextType reports whether a catalogue type holds text (or may, when unknown).
func isTextType(dataType string) bool {
	t := strings.ToLower(dataType)
	for _, non := range []string{"date", "time", "int", "serial", "numeric", "decimal", "float", "double", "real", "bool", "bit", "uuid", "money"} {
		if strings.Contains(t, non) {
			return false
		}
	}
	return true
}

// offending assembles the SELECT every check uses.
func offending(rowKey, subjectKey, since, from, where string, extra ...string) string {
	cols := []string{rowKey + " AS row_key", subjectKey + " AS subject_key", since + " AS since"}
	for _, e := range extra {
		cols = append(cols, e+" AS value")
	}
	return "SELECT " + strings.Join(cols, ", ") + "\nFROM " + from + "\nWHERE " + where
}

// textIn returns "expr IN ('a', 'b')" with literals from the config.
func textIn(d dialect.Dialect, expr string, values []string) string {
	q := make([]string, len(values))
	for i, v := range values {
		q[i] = d.String(v)
	}
	return expr + " IN (" + strings.Join(q, ", ") + ")"
}

// paren wraps a config predicate so operator precedence cannot leak out of it.
func paren(pred string) string { return "(" + strings.TrimSpace(pred) + ")" }

// secondOf truncates a timestamp expression to whole seconds, alike on every engine, so
// rows captured in the same second compare equal.
func secondOf(d dialect.Dialect, expr string) string {
	switch d {
	case dialect.Postgres:
		return "DATE_TRUNC('second', " + expr + ")"
	case dialect.MySQL:
		return "DATE_FORMAT(" + expr + ", '%Y-%m-%d %H:%i:%s')"
	default:
		return "SUBSTR(" + expr + ", 1, 19)"
	}
}

// emailHash is the hex SHA-256 of salt + lower(trim(email)) computed in SQL, the form in
// which erasure and suppression lists keep an address. SQLite has no hash function
// without an extension: ok is false there.
func emailHash(d dialect.Dialect, email, salt string) (expr string, ok bool) {
	norm := "LOWER(TRIM(" + email + "))"
	switch d {
	case dialect.Postgres:
		if salt != "" {
			norm = d.String(salt) + " || " + norm
		}
		return "ENCODE(SHA256(CONVERT_TO(" + norm + ", 'UTF8')), 'hex')", true
	case dialect.MySQL:
		if salt != "" {
			norm = "CONCAT(" + d.String(salt) + ", " + norm + ")"
		}
		return "SHA2(" + norm + ", 256)", true
	}
	return "", false
}

// normEmail is the form in which addresses are compared: trimmed, lower case.
func normEmail(col string) string { return "LOWER(TRIM(" + col + "))" }

// orAll joins predicates with OR, parenthesised; "1 = 0" for none.
func orAll(preds []string) string {
	switch len(preds) {
	case 0:
		return "1 = 0"
	case 1:
		return preds[0]
	}
	return "(" + strings.Join(preds, "\n    OR ") + ")"
}
