package rules

import (
	"fmt"
	"strings"

	"github.com/gdprscan/gdprscan/scanner/dialect"
)

// nullTokens are values that mean "nothing recorded" in CRM fields; they are not data.
var nullTokens = []string{"", "-", "n/a", "na", "none", "null", "no", "keine", "aucun", "ninguno", "nessuno", "geen", "brak", "无"}

// rowKey returns the quoted key expression of a table, or NULL when it has no single
// primary key (sample keys are then left empty rather than showing any value).
func rowKey(d dialect.Dialect, alias string, t Table) string {
	if len(t.PrimaryKey) == 1 {
		return d.Column(alias, t.PrimaryKey[0])
	}
	return "NULL"
}

// hasValue is true when a column holds something other than NULL or a null token.
func hasValue(d dialect.Dialect, col string) string {
	quoted := make([]string, len(nullTokens))
	for i, t := range nullTokens {
		quoted[i] = d.String(t)
	}
	return fmt.Sprintf("(%s IS NOT NULL AND LOWER(TRIM(%s)) NOT IN (%s))", col, d.Text(col), strings.Join(quoted, ", "))
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
