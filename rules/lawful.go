package rules

import (
	"fmt"
	"strings"
)

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
		Matches:     "With `lawful_basis_column`: rows whose basis is NULL or blank and that have no granted consent of any purpose. Without it: every row of a subject table that no activity with a lawful basis covers",
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

// LegitimateInterestWithoutLIA is LAW-02: processing on legitimate interest with no
// legitimate-interest assessment on record (Art. 6(1)(f), 5(2)). Two forms: an activity
// declaring legitimate interest without lia_ref (every record of its tables), and people
// whose own basis column says legitimate interest in a table no activity with an LIA
// covers.
func LegitimateInterestWithoutLIA() Rule {
	return newRule(Meta{
		ID:          "LAW-02",
		Title:       "Legitimate interest without an assessment (LIA)",
		Family:      LawfulBasis,
		Articles:    []string{"Art. 6(1)(f)", "Art. 5(2)"},
		Severity:    SeverityLimited,
		Likelihood:  2,
		Principle:   "lawfulness",
		Needs:       "activities with lawful_basis (and lia_ref), or mapping.subjects[].lawful_basis_column",
		Remediation: "Carry out and record the legitimate-interest assessment (purpose, necessity, balancing test) and reference it in the activity (lia_ref), or choose another basis.",
		Matches:     "Scope `activity:<id>`: every row of each personal table of an activity on legitimate interest with no `lia_ref`. Scope `per-person-basis`: rows whose basis is legitimate interest (`basis_values`) in a subject table no legitimate-interest activity covers",
	}, func(env *Env, m Meta) ([]Check, error) {
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		hasActivities := env.Config != nil && len(env.Config.Activities) > 0
		hasBasisCol := false
		for _, s := range subs {
			hasBasisCol = hasBasisCol || s.cfg.LawfulBasisColumn != ""
		}
		if !hasActivities && !hasBasisCol {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		var out []Check
		liActivity := func(t Table) (withLIA, without bool) {
			for _, a := range env.ActivitiesFor(t) {
				if a.LawfulBasis == "legitimate_interest" {
					if a.LIARef != "" {
						withLIA = true
					} else {
						without = true
					}
				}
			}
			return
		}
		if hasActivities {
			for _, a := range env.Config.Activities {
				if a.LawfulBasis != "legitimate_interest" || a.LIARef != "" || (a.Source != "" && a.Source != env.SourceName) {
					continue
				}
				for _, ref := range a.Tables {
					t, ok := env.FindTable(ref)
					if !ok || t.IsView || !t.Personal() {
						continue
					}
					key := rowKey(d, "t", t)
					out = append(out, Check{
						Location:  Location{Schema: t.Schema, Table: t.Name},
						Scope:     "activity:" + a.ID,
						Offending: offending(key, env.subjectExpr(t, "t"), "NULL", d.Table(t.Schema, t.Name)+" t", "1 = 1"+env.live(t)),
						Detail:    fmt.Sprintf("activity %s (%s) relies on legitimate interest with no lia_ref", a.ID, a.Name),
					})
				}
			}
		}
		for _, s := range subs {
			if s.cfg.LawfulBasisColumn == "" {
				continue
			}
			if err := env.column(s.table, s.cfg.LawfulBasisColumn, "mapping.subjects"); err != nil {
				return nil, err
			}
			if with, without := liActivity(s.table); with || without {
				continue // an activity states the LIA, or the activity-level check covers the table
			}
			key := d.Column("s", s.cfg.Key)
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: s.cfg.LawfulBasisColumn},
				Scope:     "per-person-basis",
				Offending: offending(key, key, "NULL", d.Table(s.table.Schema, s.table.Name)+" s", env.basisIs(d.Column("s", s.cfg.LawfulBasisColumn), "legitimate_interest")+env.live(s.table)),
				Detail:    "basis is legitimate interest, and no activity covering the table records an LIA",
			})
		}
		return out, nil
	})
}

// ContractWithoutContract is LAW-03: people whose recorded basis is contract but who
// have no contract, order or deal on record, or whose last one ended longer ago than the
// grace period (Art. 6(1)(b)).
func ContractWithoutContract() Rule {
	return newRule(Meta{
		ID:          "LAW-03",
		Title:       `"Contract" basis without a contract`,
		Family:      LawfulBasis,
		Articles:    []string{"Art. 6(1)(b)", "Art. 5(2)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "lawfulness",
		Needs:       "mapping.subjects[].lawful_basis_column and mapping.contracts",
		Remediation: "Correct the recorded basis for these people (a prospect is not under contract); where no basis applies, stop the processing or delete the data.",
		Matches:     "Live rows whose basis is contract with no row in any mapped contract table (matching its `filter`, and not ended before now minus `grace_period` when `end_column` is set)",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		if len(mp.Contracts) == 0 {
			return nil, needs("%s", m.Needs)
		}
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		for _, s := range subs {
			if s.cfg.LawfulBasisColumn == "" {
				continue
			}
			if err := env.column(s.table, s.cfg.LawfulBasisColumn, "mapping.subjects"); err != nil {
				return nil, err
			}
			key := d.Column("s", s.cfg.Key)
			var none, where []string
			for _, c := range mp.Contracts {
				if !env.appliesTo(c.SubjectTable, s) {
					continue
				}
				t, err := env.table(c.Table, "mapping.contracts")
				if err != nil {
					return nil, err
				}
				conds := []string{d.Column("k", c.SubjectKey) + " = " + key}
				for _, col := range []string{c.SubjectKey, c.EndColumn} {
					if col != "" {
						if err := env.column(t, col, "mapping.contracts"); err != nil {
							return nil, err
						}
					}
				}
				if c.EndColumn != "" {
					end := d.Column("k", c.EndColumn)
					cut := env.Now
					if !c.GracePeriod.IsZero() {
						cut = c.GracePeriod.Before(env.Now)
					}
					conds = append(conds, "("+end+" IS NULL OR "+end+" >= "+d.Time(cut)+")")
				}
				if c.Filter != "" {
					conds = append(conds, paren(c.Filter))
				}
				none = append(none, fmt.Sprintf("NOT EXISTS (SELECT 1 FROM %s k WHERE %s%s)", d.Table(t.Schema, t.Name), strings.Join(conds, " AND "), env.live(t)))
				where = append(where, t.Name)
			}
			if len(none) == 0 {
				continue
			}
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: s.cfg.LawfulBasisColumn},
				Offending: offending(key, key, "NULL", d.Table(s.table.Schema, s.table.Name)+" s", env.basisIs(d.Column("s", s.cfg.LawfulBasisColumn), "contract")+env.live(s.table)+"\n  AND "+strings.Join(none, "\n  AND ")),
				Detail:    "basis is contract, with no current row in " + strings.Join(where, ", "),
			})
		}
		if len(out) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

// BasisReviewOverdue is LAW-04: a recorded lawful basis nobody has reviewed within the
// review period (Art. 5(2), 24), SuiteCRM's date_reviewed.
func BasisReviewOverdue() Rule {
	return newRule(Meta{
		ID:          "LAW-04",
		Title:       "Lawful-basis review overdue",
		Family:      LawfulBasis,
		Articles:    []string{"Art. 5(2)", "Art. 24"},
		Severity:    SeverityNegligible,
		Likelihood:  2,
		Principle:   "accountability",
		Needs:       "mapping.subjects[].basis_reviewed_column (basis_review_period, default P12M)",
		Remediation: "Review the lawful basis of these records, record the review date, and schedule the next review.",
		Matches:     "Rows holding a basis whose review date is NULL or older than `basis_review_period` (P12M)",
	}, func(env *Env, m Meta) ([]Check, error) {
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		for _, s := range subs {
			if s.cfg.BasisReviewedColumn == "" {
				continue
			}
			if err := env.column(s.table, s.cfg.BasisReviewedColumn, "mapping.subjects"); err != nil {
				return nil, err
			}
			key := d.Column("s", s.cfg.Key)
			reviewed := d.Column("s", s.cfg.BasisReviewedColumn)
			where := "(" + reviewed + " IS NULL OR " + reviewed + " < " + d.Time(s.cfg.BasisReviewPeriod.Before(env.Now)) + ")"
			if s.cfg.LawfulBasisColumn != "" {
				bc, _ := s.table.Column(s.cfg.LawfulBasisColumn)
				where = filled(d, d.Column("s", s.cfg.LawfulBasisColumn), bc) + " AND " + where
			}
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: s.cfg.BasisReviewedColumn},
				Offending: offending(key, key, reviewed, d.Table(s.table.Schema, s.table.Name)+" s", where+env.live(s.table)),
				Detail:    fmt.Sprintf("basis not reviewed within %s", s.cfg.BasisReviewPeriod),
			})
		}
		if len(out) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}
