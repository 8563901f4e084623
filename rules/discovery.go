package rules

import (
	"regexp"
	"strings"
)

// UnmappedPersonalData is DSC-02: a table holds personal data but no processing activity
// of the Art. 30 record covers it, so nobody has stated why it is kept.
func UnmappedPersonalData() Rule {
	return newRule(Meta{
		ID:          "DSC-02",
		Title:       "Personal data not mapped to a processing activity",
		Family:      Discovery,
		Articles:    []string{"Art. 30(1)", "Art. 5(1)(b)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "purpose limitation",
		Needs:       "activities (the Art. 30 record: activity → tables)",
		Remediation: "Add the table to the processing activity it serves (purpose, lawful basis, retention), or delete the data if it serves none.",
		Matches:     "A table (not a view) with a personal-data column that no activity lists; counts all its rows",
	}, func(env *Env, m Meta) ([]Check, error) {
		if env.Config == nil || len(env.Config.Activities) == 0 {
			return nil, needs("%s", m.Needs)
		}
		var out []Check
		for _, t := range env.Tables {
			if t.IsView || !t.Personal() || len(env.ActivitiesFor(t)) > 0 {
				continue
			}
			d := env.Dialect
			key := rowKey(d, "t", t)
			out = append(out, Check{
				Location:  Location{Schema: t.Schema, Table: t.Name},
				Offending: offending(key, key, "NULL", d.Table(t.Schema, t.Name)+" t", "1 = 1"),
				Detail:    "personal-data columns: " + strings.Join(personalColumns(t), ", "),
			})
		}
		return out, nil
	})
}

// shadowRE matches names of stray copies: backups, old versions, temp tables, exports and
// dated snapshots such as contacts_20230115 or customers_2023.
var shadowRE = regexp.MustCompile(`(?i)(^|_)(bak|backup|bkp|old|copy|orig|tmp|temp|export|dump|snapshot|archive)(_|$|\d)|_(19|20)\d{2}(\d{2}){0,2}$|^(tmp|temp|export|backup|copy_of)_`)

var shadowSchemaRE = regexp.MustCompile(`(?i)^(archive|backup|bak|old|tmp|temp)$`)

// IsShadowCopy reports whether a table's name or schema marks a stray copy (DSC-04).
func IsShadowCopy(schema, table string) bool {
	return shadowRE.MatchString(table) || shadowSchemaRE.MatchString(schema)
}

// ShadowCopies is DSC-04: a copy of personal data outside the system of record escapes
// retention, erasure and access control.
func ShadowCopies() Rule {
	return newRule(Meta{
		ID:          "DSC-04",
		Title:       "Shadow copy or stray export of personal data",
		Family:      Discovery,
		Articles:    []string{"Art. 5(1)(e)", "Art. 5(1)(f)", "Art. 32"},
		Severity:    SeveritySignificant,
		Likelihood:  3,
		Principle:   "storage limitation",
		Remediation: "Delete the copy, or move it into the system of record under its retention and access rules; stop the job that creates such copies.",
		Matches:     "A table with personal data whose name marks a copy (`_bak`, `_backup`, `_old`, `_copy`, `tmp_`, `export_`, `_2023`, `_20230115`, …) or that sits in a schema named `archive`/`backup`/`tmp`",
	}, func(env *Env, m Meta) ([]Check, error) {
		var out []Check
		for _, t := range env.Tables {
			if t.IsView || !t.Personal() {
				continue
			}
			if !IsShadowCopy(t.Schema, t.Name) {
				continue
			}
			d := env.Dialect
			key := rowKey(d, "t", t)
			out = append(out, Check{
				Location:  Location{Schema: t.Schema, Table: t.Name},
				Offending: offending(key, key, "NULL", d.Table(t.Schema, t.Name)+" t", "1 = 1"),
				Detail:    "personal-data columns: " + strings.Join(personalColumns(t), ", "),
			})
		}
		return out, nil
	})
}

func personalColumns(t Table) []string {
	var cols []string
	for _, c := range t.Columns {
		if c.Class.Personal {
			cols = append(cols, c.Name+" ("+string(c.Class.Category)+")")
		}
	}
	return cols
}
