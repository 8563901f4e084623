package rules

import (
	"errors"
	"fmt"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// Family groups rules as in docs/rule-catalogue.md §4; the id prefix follows the family.
type Family string

const (
	Discovery         Family = "discovery"
	Consent           Family = "consent"
	LawfulBasis       Family = "lawful_basis"
	Retention         Family = "retention"
	SpecialCategories Family = "special_categories"
	Erasure           Family = "erasure"
	Security          Family = "security"
	Minimisation      Family = "minimisation"
)

// Families lists every family in report order.
var Families = []Family{Discovery, Consent, LawfulBasis, Retention, SpecialCategories, Erasure, Security, Minimisation}

// Meta describes a rule. IDs are stable and never reused.
type Meta struct {
	ID          string
	Title       string
	Family      Family
	Articles    []string // e.g. "Art. 6(1)(a)"
	FineTier    FineTier
	Severity    Severity
	Likelihood  Likelihood
	Principle   string // the GDPR principle or CNIL feared event the finding concerns
	Needs       string // the mapping it needs, "" when discovery alone is enough
	Remediation string
	Matches     string // how the check matches, in a sentence or a few: the RULES.md column
	Version     int
}

// Rule plans the checks for one source. It never opens a connection: the scanner runs
// the SQL a Check carries and judges the rows with it.
type Rule interface {
	Meta() Meta
	Checks(env *Env) ([]Check, error)
}

// NotEvaluated is returned by Checks when the mapping a rule needs is absent. The report
// shows the rule as "not evaluated: needs …" instead of leaving it out.
type NotEvaluated struct{ Needs string }

func (e *NotEvaluated) Error() string { return "not evaluated: needs " + e.Needs }

// needs builds a NotEvaluated error.
func needs(format string, a ...any) error { return &NotEvaluated{Needs: fmt.Sprintf(format, a...)} }

// IsNotEvaluated reports whether err says a mapping is missing, and what.
func IsNotEvaluated(err error) (string, bool) {
	var ne *NotEvaluated
	if errors.As(err, &ne) {
		return ne.Needs, true
	}
	return "", false
}

// Location is where a check looks. Column is empty for table-level findings.
type Location struct {
	Schema string
	Table  string
	Column string
}

// Check is one query a rule wants run, and how to judge its rows.
//
// Offending is a SELECT whose rows are the offending records, with the columns row_key
// (the row's primary key, or NULL without one), subject_key (the data subject the record
// is about) and since (the date the condition started, or NULL). When Validate is set a
// fourth column, value, carries
// the candidate value; the scanner reads at most a bounded number of candidates and keeps
// the rows whose value validates, so the counts are then estimates when truncated.
// Offending is run as is by an engineer to reproduce the finding.
type Check struct {
	Location Location
	// Scope tells apart checks of one rule at one location, e.g. the retention rule id
	// or "plaintext"; it is part of the finding's fingerprint.
	Scope     string
	Offending string
	Validate  func(value string) bool
	Mask      func(value string) string // masks a validated value for evidence; required with Validate
	// Severity and Likelihood override the rule defaults for this check when set.
	Severity   Severity
	Likelihood Likelihood
	Detail     string // one line added to the finding's evidence, e.g. "plaintext passwords"
}

// Table is one table or view as the rules see it.
type Table struct {
	Schema      string
	Name        string
	IsView      bool
	RowEstimate int64
	PrimaryKey  []string
	Columns     []TableColumn
}

// TableColumn is a column with its classification.
type TableColumn struct {
	Name     string
	DataType string
	Default  *string
	Class    detect.Result
}

// Personal reports whether any column of the table holds personal data.
func (t Table) Personal() bool {
	for _, c := range t.Columns {
		if c.Class.Personal {
			return true
		}
	}
	return false
}

// Column finds a column by name, case-insensitively.
func (t Table) Column(name string) (TableColumn, bool) {
	for _, c := range t.Columns {
		if equalFold(c.Name, name) {
			return c, true
		}
	}
	return TableColumn{}, false
}

// Env is what a rule may know about one source when it plans its checks.
type Env struct {
	Dialect    dialect.Dialect
	SourceName string
	Source     *config.Source
	Config     *config.Config
	Tables     []Table
	Now        time.Time

	rels *relationsMemo // parent-child links, found once per source
}

type relationsMemo struct {
	rels []relation
	err  error
}

// FindTable resolves a table reference from the config ("table" or "schema.table").
func (e *Env) FindTable(ref string) (Table, bool) {
	schema, name := config.SplitTableRef(ref)
	for _, t := range e.Tables {
		if equalFold(t.Name, name) && (schema == "" || equalFold(t.Schema, schema)) {
			return t, true
		}
	}
	return Table{}, false
}

// ActivitiesFor returns the processing activities whose tables include t.
func (e *Env) ActivitiesFor(t Table) []config.Activity {
	var out []config.Activity
	if e.Config == nil {
		return nil
	}
	for _, a := range e.Config.Activities {
		if a.Source != "" && a.Source != e.SourceName {
			continue
		}
		for _, ref := range a.Tables {
			schema, name := config.SplitTableRef(ref)
			if equalFold(name, t.Name) && (schema == "" || equalFold(schema, t.Schema)) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// Mapping returns the source's mapping, empty in quick mode.
func (e *Env) Mapping() config.Mapping {
	if e.Source == nil {
		return config.Mapping{}
	}
	return e.Source.Mapping
}

// table resolves a mapped table or explains what is missing.
func (e *Env) table(ref, what string) (Table, error) {
	t, ok := e.FindTable(ref)
	if !ok {
		return Table{}, fmt.Errorf("%s: table %q not found in source %q", what, ref, e.SourceName)
	}
	return t, nil
}

// column checks that a mapped column exists.
func (e *Env) column(t Table, name, what string) error {
	if _, ok := t.Column(name); !ok {
		return fmt.Errorf("%s: column %q not found in table %s.%s", what, name, t.Schema, t.Name)
	}
	return nil
}
