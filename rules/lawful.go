package rules

import "fmt"

// NoLawfulBasis is LAW-01: person rows with no lawful basis recorded and no granted
// consent that could stand in for one (Art. 6(1), 5(2)).
//
// When the CRM keeps a basis per person (lawful_basis_column), an empty value is the
// finding, whatever the activity declares: the column exists because bases differ per
// person. Without such a column, the table needs an activity that declares a basis.
func NoLawfulBasis() Rule {
	return newRule(Meta{
		ID:          "LAW-01",
		Title:       "No lawful basis recorded",
		Family:      LawfulBasis,
		Articles:    []string{"Art. 6(1)", "Art. 5(1)(a)", "Art. 5(2)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "lawfulness",
		Needs:       "mapping.subjects[].lawful_basis_column, or activities with lawful_basis covering the subject tables",
		Remediation: "Record the lawful basis for each person (and the evidence for it); delete the records for which none applies.",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		var out []Check
		for _, s := range mp.Subjects {
			st, err := env.table(s.Table, "mapping.subjects")
			if err != nil {
				return nil, err
			}
			d := env.Dialect
			key := d.Column("s", s.Key)
			if s.LawfulBasisColumn == "" {
				if hasDeclaredBasis(env, st) {
					continue
				}
				out = append(out, Check{
					Location:  Location{Schema: st.Schema, Table: st.Name},
					Scope:     "no-activity-basis",
					Offending: offending(key, key, "NULL", d.Table(st.Schema, st.Name)+" s", "1 = 1"+notDeleted(s.SoftDeleted)),
					Detail:    "no per-person basis column and no activity with a lawful basis covers the table",
				})
				continue
			}
			if err := env.column(st, s.LawfulBasisColumn, "mapping.subjects"); err != nil {
				return nil, err
			}
			basis := d.Column("s", s.LawfulBasisColumn)
			where := fmt.Sprintf("(%s IS NULL OR TRIM(%s) = '')", basis, basis) + notDeleted(s.SoftDeleted)
			detail := "lawful basis empty"
			if cm := mp.Consent; cm != nil {
				ct, err := env.table(cm.Table, "mapping.consent")
				if err != nil {
					return nil, err
				}
				where += fmt.Sprintf("\n  AND NOT EXISTS (SELECT 1 FROM %s c WHERE %s = %s AND %s)",
					d.Table(ct.Schema, ct.Name), d.Column("c", cm.SubjectKey), key,
					textIn(d, d.Column("c", cm.StatusColumn), cm.GrantedValues))
				detail += " and no granted consent of any purpose"
			}
			out = append(out, Check{
				Location:  Location{Schema: st.Schema, Table: st.Name, Column: s.LawfulBasisColumn},
				Offending: offending(key, key, "NULL", d.Table(st.Schema, st.Name)+" s", where),
				Detail:    detail,
			})
		}
		if len(out) == 0 && len(mp.Subjects) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

func hasDeclaredBasis(env *Env, t Table) bool {
	for _, a := range env.ActivitiesFor(t) {
		if a.LawfulBasis != "" {
			return true
		}
	}
	return false
}
