package rules

import "fmt"

// MarketedWithoutConsent is CNS-01: people the CRM markets to with no granted consent on
// record for the marketing purpose (Art. 6(1)(a), 7(1): the controller must be able to
// show consent).
func MarketedWithoutConsent() Rule {
	return newRule(Meta{
		ID:          "CNS-01",
		Title:       "Marketed without a consent record",
		Family:      Consent,
		Articles:    []string{"Art. 6(1)(a)", "Art. 7(1)"},
		Severity:    SeverityLimited,
		Likelihood:  4,
		Principle:   "lawfulness",
		Needs:       "mapping.subjects[].marketable and mapping.consent (table, subject_key, purpose_column, status_column, marketing_purpose)",
		Remediation: "Stop marketing these people until consent is captured with proof (re-permission campaign), or record the lawful basis that really applies.",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		cm := mp.Consent
		if cm == nil || cm.MarketingPurpose == "" {
			return nil, needs("%s", m.Needs)
		}
		ct, err := env.table(cm.Table, "mapping.consent")
		if err != nil {
			return nil, err
		}
		for _, c := range []string{cm.SubjectKey, cm.PurposeColumn, cm.StatusColumn} {
			if err := env.column(ct, c, "mapping.consent"); err != nil {
				return nil, err
			}
		}
		var out []Check
		for _, s := range mp.Subjects {
			if s.Marketable == "" {
				continue
			}
			st, err := env.table(s.Table, "mapping.subjects")
			if err != nil {
				return nil, err
			}
			d := env.Dialect
			key := d.Column("s", s.Key)
			where := paren(s.Marketable) + notDeleted(s.SoftDeleted) + fmt.Sprintf(
				"\n  AND NOT EXISTS (SELECT 1 FROM %s c WHERE %s = %s AND %s = %s AND %s)",
				d.Table(ct.Schema, ct.Name), d.Column("c", cm.SubjectKey), key,
				d.Column("c", cm.PurposeColumn), d.String(cm.MarketingPurpose),
				textIn(d, d.Column("c", cm.StatusColumn), cm.GrantedValues))
			out = append(out, Check{
				Location:  Location{Schema: st.Schema, Table: st.Name},
				Offending: offending(key, key, "NULL", d.Table(st.Schema, st.Name)+" s", where),
				Detail:    fmt.Sprintf("marketable (%s) with no %s consent in %s", s.Marketable, cm.MarketingPurpose, ct.Name),
			})
		}
		if len(out) == 0 {
			return nil, needs("mapping.subjects[].marketable")
		}
		return out, nil
	})
}

// notDeleted excludes soft-deleted rows when the mapping says how to see them.
func notDeleted(pred string) string {
	if pred == "" {
		return ""
	}
	return "\n  AND NOT " + paren(pred)
}
