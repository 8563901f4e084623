package rules

import (
	"fmt"
	"strings"

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
		Matches:     "Per column classified as an Art. 9 category: rows holding a value (not NULL, blank or a \"none\" token). Likelihood 3 when no activity gives an Art. 9(2) condition",
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
		Matches:     "Per column classified as criminal data: rows holding a value",
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
				Offending: offending(key, key, "NULL", d.Table(t.Schema, t.Name)+" t", filled(d, d.Column("t", c.Name), c)),
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

// SpecialCategoryWithoutExplicitConsent is SPC-04: special-category data of people whose
// processing rests on explicit consent (Art. 9(2)(a)) with no explicit consent on record
// (Art. 7(1)): only granted consent rows whose type is explicit count.
func SpecialCategoryWithoutExplicitConsent() Rule {
	return newRule(Meta{
		ID:          "SPC-04",
		Title:       "Special category without explicit consent",
		Family:      SpecialCategories,
		Articles:    []string{"Art. 9(2)(a)", "Art. 7(1)"},
		Severity:    SeverityMaximum,
		Likelihood:  3,
		Principle:   "lawfulness (special categories)",
		Needs:       "activities[].art9_condition naming 9(2)(a) over subject tables, and mapping.consent.lawful_basis_column (consent type)",
		Remediation: "Collect explicit consent (a separate, express statement for this data) or stop processing the special-category data and delete it.",
		Matches:     "Per special-category column of a subject table such an activity covers: rows holding a value with no granted consent row whose type is in `explicit_values` (explicit, explicit_consent)",
	}, func(env *Env, m Meta) ([]Check, error) {
		if env.Config == nil || len(env.Config.Activities) == 0 {
			return nil, needs("%s", m.Needs)
		}
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		var relying []subject
		for _, s := range subs {
			for _, a := range env.ActivitiesFor(s.table) {
				if reliesOnExplicitConsent(a.Art9Condition) {
					relying = append(relying, s)
					break
				}
			}
		}
		if len(relying) == 0 {
			return nil, nil // no activity rests on Art. 9(2)(a): nothing to check
		}
		ct, err := env.consent()
		if err != nil {
			return nil, err
		}
		if ct == nil || ct.cm.LawfulBasisColumn == "" {
			return nil, needs("mapping.consent.lawful_basis_column (the consent type: explicit or not)")
		}
		d := env.Dialect
		var out []Check
		for _, s := range relying {
			key := d.Column("s", s.cfg.Key)
			explicit := ct.grantedFor(env, key, valueIn(d, ct.col(env, "c", ct.cm.LawfulBasisColumn), ct.cm.ExplicitValues))
			for _, c := range s.table.Columns {
				if !c.Class.Personal || !c.Class.Category.Special() {
					continue
				}
				out = append(out, Check{
					Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: c.Name},
					Offending: offending(key, key, "NULL", d.Table(s.table.Schema, s.table.Name)+" s", filled(d, d.Column("s", c.Name), c)+env.live(s.table)+"\n  AND NOT "+explicit),
					Detail:    fmt.Sprintf("category %s held under Art. 9(2)(a) with no granted explicit consent", c.Class.Category),
				})
			}
		}
		return out, nil
	})
}

func reliesOnExplicitConsent(cond string) bool {
	c := strings.ToLower(strings.ReplaceAll(cond, " ", ""))
	return strings.Contains(c, "9(2)(a)") || strings.Contains(c, "explicitconsent")
}
