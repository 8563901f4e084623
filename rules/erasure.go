package rules

import "fmt"

// ErasureOverdue is ERA-01: erasure requests not completed within the deadline (one
// month, Art. 12(3)).
func ErasureOverdue() Rule {
	return newRule(Meta{
		ID:          "ERA-01",
		Title:       "Erasure requests overdue",
		Family:      Erasure,
		Articles:    []string{"Art. 12(3)", "Art. 17(1)"},
		Severity:    SeveritySignificant,
		Likelihood:  4,
		Principle:   "rights of the data subject",
		Needs:       "mapping.erasure (table, key, received_column, completed_column)",
		Remediation: "Complete the overdue requests now and tell the people concerned; if an extension applies (Art. 12(3)), record it with its reason.",
	}, func(env *Env, m Meta) ([]Check, error) {
		e := env.Mapping().Erasure
		if e == nil {
			return nil, needs("%s", m.Needs)
		}
		t, err := env.table(e.Table, "mapping.erasure")
		if err != nil {
			return nil, err
		}
		for _, c := range []string{e.Key, e.ReceivedColumn, e.CompletedColumn} {
			if err := env.column(t, c, "mapping.erasure"); err != nil {
				return nil, err
			}
		}
		d := env.Dialect
		key := d.Column("t", e.Key)
		subject := key
		if e.SubjectKey != "" {
			subject = fmt.Sprintf("COALESCE(%s, %s)", d.Text(d.Column("t", e.SubjectKey)), d.Text(key))
		}
		received := d.Column("t", e.ReceivedColumn)
		where := fmt.Sprintf("%s IS NULL AND %s < %s", d.Column("t", e.CompletedColumn), received, d.Time(e.Deadline.Before(env.Now)))
		return []Check{{
			Location:  Location{Schema: t.Schema, Table: t.Name},
			Offending: offending(key, subject, received, d.Table(t.Schema, t.Name)+" t", where),
			Detail:    fmt.Sprintf("open longer than %s", e.Deadline),
		}}, nil
	})
}
