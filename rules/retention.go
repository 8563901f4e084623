package rules

import "fmt"

// PastRetention is RET-01: records kept past the retention period of their mapped rule
// (Art. 5(1)(e)). Each mapped retention rule is one check: rows matching the subject
// filter whose anchor is older than the period plus grace, and not under legal hold.
// Rows whose anchor is NULL are not counted: they have no date to measure from.
func PastRetention() Rule {
	return newRule(Meta{
		ID:          "RET-01",
		Title:       "Personal data kept past its retention period",
		Family:      Retention,
		Articles:    []string{"Art. 5(1)(e)"},
		Severity:    SeverityLimited,
		Likelihood:  4,
		Principle:   "storage limitation",
		Needs:       "mapping.retention (table, key, anchor, period)",
		Remediation: "Apply the rule's end action (delete, anonymise or archive) to the overdue rows, and schedule it so it keeps happening.",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		if len(mp.Retention) == 0 {
			return nil, needs("%s", m.Needs)
		}
		var out []Check
		for _, r := range mp.Retention {
			t, err := env.table(r.Table, "mapping.retention "+r.ID)
			if err != nil {
				return nil, err
			}
			d := env.Dialect
			cutoff := r.Period.Before(env.Now)
			if !r.GracePeriod.IsZero() {
				cutoff = r.GracePeriod.Before(cutoff)
			}
			key := d.Column("t", r.Key)
			anchor := paren(r.Anchor)
			where := fmt.Sprintf("%s < %s", anchor, d.Time(cutoff))
			if r.SubjectFilter != "" {
				where = paren(r.SubjectFilter) + "\n  AND " + where
			}
			if r.Hold != "" {
				where += "\n  AND NOT " + paren(r.Hold)
			}
			out = append(out, Check{
				Location:  Location{Schema: t.Schema, Table: t.Name},
				Scope:     r.ID,
				Offending: offending(key, key, anchor, d.Table(t.Schema, t.Name)+" t", where),
				Detail: fmt.Sprintf("retention rule %s: period %s from %s, end action %s (%s)",
					r.ID, r.Period, r.Anchor, r.EndAction, orNone(r.LegalBasis)),
			})
		}
		return out, nil
	})
}

func orNone(s string) string {
	if s == "" {
		return "no legal basis for the period recorded"
	}
	return s
}
