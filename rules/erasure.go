package rules

import (
	"fmt"
	"strings"
)

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
		Matches:     "Requests with no completion date received longer ago than `deadline` (P1M)",
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

// ResidualAfterErasure is ERA-02: erasure requests marked done whose subject is still
// found: the subject row (soft-deleted or not), child rows that reference it, or a
// subject whose email hashes to the requester's hash (Art. 17(1), 5(1)(e)).
func ResidualAfterErasure() Rule {
	return newRule(Meta{
		ID:          "ERA-02",
		Title:       "Residual data after completed erasure",
		Family:      Erasure,
		Articles:    []string{"Art. 17(1)", "Art. 5(1)(e)"},
		Severity:    SeveritySignificant,
		Likelihood:  4,
		Principle:   "rights of the data subject",
		Needs:       "mapping.erasure with subject_key or hash_column (completed_filter when rejected requests get a completion date too)",
		Remediation: "Finish these erasures: delete the subject's remaining rows, child records and copies, then re-run the scan to confirm.",
		Matches:     "Completed requests (`completed_filter`, else a completion date) whose subject row still exists (soft-deleted or not), whose id is still referenced by a child table, or — PostgreSQL and MySQL — whose hash equals SHA-256(`hash_salt` + lower(trim(email))) of a subject",
	}, func(env *Env, m Meta) ([]Check, error) {
		e := env.Mapping().Erasure
		if e == nil || (e.SubjectKey == "" && e.HashColumn == "") {
			return nil, needs("%s", m.Needs)
		}
		t, err := env.table(e.Table, "mapping.erasure")
		if err != nil {
			return nil, err
		}
		for _, c := range []string{e.Key, e.SubjectKey, e.HashColumn, e.CompletedColumn} {
			if c != "" {
				if err := env.column(t, c, "mapping.erasure"); err != nil {
					return nil, err
				}
			}
		}
		d := env.Dialect
		var residual, found []string
		note := ""
		if e.SubjectKey != "" {
			s, err := env.subjectByRef(e.SubjectTable, "mapping.erasure")
			if err != nil {
				return nil, err
			}
			sk := d.Column("r", e.SubjectKey)
			residual = append(residual, fmt.Sprintf("EXISTS (SELECT 1 FROM %s p WHERE %s = %s)", d.Table(s.table.Schema, s.table.Name), d.Column("p", s.cfg.Key), sk))
			found = append(found, s.table.Name)
			rels, err := env.relations()
			if err != nil {
				return nil, err
			}
			for _, rel := range rels {
				if rel.parent.Name != s.table.Name || rel.parent.Schema != s.table.Schema {
					continue
				}
				residual = append(residual, fmt.Sprintf("EXISTS (SELECT 1 FROM %s k WHERE %s = %s)", d.Table(rel.child.Schema, rel.child.Name), d.Column("k", rel.column), sk))
				found = append(found, rel.child.Name)
			}
		}
		if e.HashColumn != "" {
			subs, err := env.subjects()
			if err != nil {
				return nil, err
			}
			for _, s := range subs {
				if s.cfg.EmailColumn == "" {
					continue
				}
				h, ok := emailHash(d, d.Column("p", s.cfg.EmailColumn), e.HashSalt)
				if !ok {
					note = "; the email-hash comparison needs SHA-256 in SQL, which SQLite lacks"
					break
				}
				residual = append(residual, fmt.Sprintf("EXISTS (SELECT 1 FROM %s p WHERE %s = LOWER(%s))", d.Table(s.table.Schema, s.table.Name), h, d.Column("r", e.HashColumn)))
				found = append(found, s.table.Name+" (email hash)")
			}
		}
		if len(residual) == 0 {
			return nil, needs("mapping.erasure.subject_key (or subjects[].email_column with hash_column on an engine with SHA-256)")
		}
		done := d.Column("r", e.CompletedColumn) + " IS NOT NULL"
		if e.CompletedFilter != "" {
			done = paren(e.CompletedFilter)
		}
		key := d.Column("r", e.Key)
		subject := key
		if e.SubjectKey != "" {
			subject = fmt.Sprintf("COALESCE(%s, %s)", d.Text(d.Column("r", e.SubjectKey)), d.Text(key))
		}
		return []Check{{
			Location:  Location{Schema: t.Schema, Table: t.Name},
			Offending: offending(key, subject, d.Column("r", e.CompletedColumn), d.Table(t.Schema, t.Name)+" r", done+"\n  AND "+orAll(residual)),
			Detail:    "completed erasure requests whose subject is still found in " + strings.Join(found, ", ") + note,
		}}, nil
	})
}

// RecreatedAfterErasure is ERA-03: a live subject created after its address was erased
// or suppressed (Art. 17, 21(3)): an import or sync brought the person back.
func RecreatedAfterErasure() Rule {
	return newRule(Meta{
		ID:          "ERA-03",
		Title:       "Erased or opted-out subject re-created",
		Family:      Erasure,
		Articles:    []string{"Art. 17(1)", "Art. 21(3)"},
		Severity:    SeveritySignificant,
		Likelihood:  3,
		Principle:   "rights of the data subject",
		Needs:       "mapping.tombstones and mapping.subjects[].email_column with created_column",
		Remediation: "Delete or suppress the re-created records, and check imports and syncs against the suppression list before they create people.",
		Matches:     "Live subjects created after a tombstone row with the same normalised email (or, on PostgreSQL and MySQL, the same SHA-256 hash)",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		if len(mp.Tombstones) == 0 {
			return nil, needs("%s", m.Needs)
		}
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		hashOnly := false
		for _, s := range subs {
			if s.cfg.EmailColumn == "" || s.cfg.CreatedColumn == "" {
				continue
			}
			for _, c := range []string{s.cfg.EmailColumn, s.cfg.CreatedColumn} {
				if err := env.column(s.table, c, "mapping.subjects"); err != nil {
					return nil, err
				}
			}
			email := d.Column("s", s.cfg.EmailColumn)
			created := d.Column("s", s.cfg.CreatedColumn)
			var matches, lists []string
			for _, tb := range mp.Tombstones {
				t, err := env.table(tb.Table, "mapping.tombstones")
				if err != nil {
					return nil, err
				}
				for _, c := range []string{tb.EmailColumn, tb.HashColumn, tb.AtColumn} {
					if c != "" {
						if err := env.column(t, c, "mapping.tombstones"); err != nil {
							return nil, err
						}
					}
				}
				var match string
				if tb.EmailColumn != "" {
					match = normEmail(d.Column("z", tb.EmailColumn)) + " = " + normEmail(email)
				} else {
					h, ok := emailHash(d, email, tb.HashSalt)
					if !ok {
						hashOnly = true
						continue
					}
					match = "LOWER(" + d.Column("z", tb.HashColumn) + ") = " + h
				}
				conds := []string{match, d.Column("z", tb.AtColumn) + " < " + created}
				if tb.Filter != "" {
					conds = append(conds, paren(tb.Filter))
				}
				matches = append(matches, fmt.Sprintf("EXISTS (SELECT 1 FROM %s z WHERE %s%s)", d.Table(t.Schema, t.Name), strings.Join(conds, " AND "), env.live(t)))
				lists = append(lists, t.Name)
			}
			if len(matches) == 0 {
				continue
			}
			key := d.Column("s", s.cfg.Key)
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name},
				Offending: offending(key, key, created, d.Table(s.table.Schema, s.table.Name)+" s", email+" IS NOT NULL"+env.live(s.table)+"\n  AND "+orAll(matches)),
				Detail:    "created after the address was erased or suppressed (" + strings.Join(lists, ", ") + ")",
			})
		}
		if len(out) == 0 {
			if hashOnly {
				return nil, needs("SHA-256 in SQL to compare hashed tombstones (SQLite has none): map an email_column tombstone list")
			}
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

// OrphanedChildRows is ERA-04: rows of child tables (notes, activities, address links,
// attachments) whose parent person is gone or soft-deleted (Art. 5(1)(e), 17): a
// deletion that left the person's history behind. Links come from mapping.relations
// and from column names (contact_id → contacts.id).
func OrphanedChildRows() Rule {
	return newRule(Meta{
		ID:          "ERA-04",
		Title:       "Orphaned child rows",
		Family:      Erasure,
		Articles:    []string{"Art. 5(1)(e)", "Art. 17(1)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "storage limitation",
		Needs:       "mapping.subjects (parents; links from column names or mapping.relations)",
		Remediation: "Delete the orphaned rows, and make deletion cascade to child tables (foreign keys with ON DELETE CASCADE, or the CRM's delete hooks).",
		Matches:     "Per link child.column → subject (from `relations`, and from names such as `contact_id`/`ContactId` → `contacts.id`, leaving out erasure, hold and tombstone tables): child rows whose reference is set but whose parent is missing or soft-deleted",
	}, func(env *Env, m Meta) ([]Check, error) {
		if len(env.Mapping().Subjects) == 0 {
			return nil, needs("%s", m.Needs)
		}
		rels, err := env.relations()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		for _, r := range rels {
			fk := d.Column("c", r.column)
			where := fk + " IS NOT NULL"
			if r.filter != "" {
				where += " AND " + paren(r.filter)
			}
			where += fmt.Sprintf("\n  AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s = %s%s)",
				d.Table(r.parent.Schema, r.parent.Name), d.Column("p", r.parentKey), fk, env.live(r.parent))
			how := "from the column name"
			if !r.auto {
				how = "from mapping.relations"
			}
			out = append(out, Check{
				Location:  Location{Schema: r.child.Schema, Table: r.child.Name, Column: r.column},
				Offending: offending(rowKey(d, "c", r.child), fk, "NULL", d.Table(r.child.Schema, r.child.Name)+" c", where),
				Detail:    fmt.Sprintf("%s (%s): parent missing or soft-deleted", r, how),
			})
		}
		return out, nil
	})
}
