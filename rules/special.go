package rules

import (
	"fmt"

	"github.com/gdprscan/gdprscan/rules/detect"
)

// SpecialCategoryData is SPC-01: columns holding Art. 9 special-category data. The
// likelihood rises when no Art. 9(2) condition is recorded for the table's activity.
func SpecialCategoryData() Rule {
	return newRule(Meta{
		ID:          "SPC-01",
		Title:       "Special-category data present",
		Family:      SpecialCategories,
		Articles:    []string{"Art. 9(1)", "Art. 9(2)", "Art. 35(3)(b)"},
		Severity:    SeverityMaximum,
		Likelihood:  2,
		Principle:   "lawfulness (special categories)",
		Remediation: "Record the Art. 9(2) condition for this processing, restrict access and encrypt the column — or stop collecting it.",
	}, func(env *Env, m Meta) ([]Check, error) {
		return categoryChecks(env, func(c detect.Category) bool { return c.Special() }, func(t Table) (Likelihood, string) {
			for _, a := range env.ActivitiesFor(t) {
				if a.Art9Condition != "" {
					return 2, "Art. 9(2) condition recorded: " + a.Art9Condition
				}
			}
			return 3, "no Art. 9(2) condition recorded for this table's processing activity"
		}), nil
	})
}

// CriminalOffenceData is SPC-03: data on criminal convictions and offences (Art. 10).
func CriminalOffenceData() Rule {
	return newRule(Meta{
		ID:          "SPC-03",
		Title:       "Criminal-offence data present",
		Family:      SpecialCategories,
		Articles:    []string{"Art. 10"},
		Severity:    SeverityMaximum,
		Likelihood:  2,
		Principle:   "lawfulness (criminal data)",
		Remediation: "Confirm the official authority or Member State law authorising this processing (Art. 10); otherwise delete it.",
	}, func(env *Env, m Meta) ([]Check, error) {
		return categoryChecks(env, func(c detect.Category) bool { return c.CriminalData() }, nil), nil
	})
}

// categoryChecks makes one check per personal column of the matching categories: the
// rows where the column holds a value.
func categoryChecks(env *Env, match func(detect.Category) bool, likelihood func(Table) (Likelihood, string)) []Check {
	var out []Check
	d := env.Dialect
	for _, t := range env.Tables {
		if t.IsView {
			continue
		}
		for _, c := range t.Columns {
			if !c.Class.Personal || !match(c.Class.Category) {
				continue
			}
			key := rowKey(d, "t", t)
			ch := Check{
				Location:  Location{Schema: t.Schema, Table: t.Name, Column: c.Name},
				Offending: offending(key, key, "NULL", d.Table(t.Schema, t.Name)+" t", hasValue(d, d.Column("t", c.Name))),
				Detail:    fmt.Sprintf("category %s", c.Class.Category),
			}
			if likelihood != nil {
				l, why := likelihood(t)
				ch.Likelihood = l
				ch.Detail += "; " + why
			}
			out = append(out, ch)
		}
	}
	return out
}
