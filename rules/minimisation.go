package rules

import (
	"fmt"
	"strings"

	"github.com/gdprscan/gdprscan/rules/detect"
)

// minFillRatio is MIN-01's threshold: a personal-data column filled in fewer than 1% of
// rows is collected without a clear use.
const minFillRatio = 0.01

// preFillRatio pre-selects MIN-01 candidates from the classifier's sample, generously:
// the exact ratio is then counted in SQL.
const preFillRatio = 0.05

// RarelyPopulated is MIN-01: personal-data columns almost never filled in (Art. 5(1)(c),
// 25(2)): a field collected "just in case". The sample picks candidates; the check counts
// the exact share in SQL and reports the few rows that do hold a value.
func RarelyPopulated() Rule {
	return newRule(Meta{
		ID:          "MIN-01",
		Title:       "Personal-data column almost never populated",
		Family:      Minimisation,
		Articles:    []string{"Art. 5(1)(c)", "Art. 25(2)"},
		Severity:    SeverityNegligible,
		Likelihood:  1,
		Principle:   "data minimisation",
		Remediation: "Stop collecting the field (remove it from forms and imports) and clear the few values held, unless a documented purpose needs it.",
		Matches:     "Personal columns whose sample is under 5% filled; the check keeps the rows holding a value when the exact share is under 1%",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			if t.IsView {
				continue
			}
			for _, c := range t.Columns {
				ev := c.Class.Evidence
				if !c.Class.Personal || ev.Sampled == 0 || float64(ev.NonNull) >= preFillRatio*float64(ev.Sampled) {
					continue
				}
				col := d.Column("t", c.Name)
				table := d.Table(t.Schema, t.Name)
				// filled*100 < rows, exactly, as integers: 1% without float rounding.
				where := fmt.Sprintf("%s IS NOT NULL\n  AND (SELECT COUNT(%s) FROM %s x) * %d < (SELECT COUNT(*) FROM %s x)",
					col, d.Column("x", c.Name), table, int(1/minFillRatio), table)
				key := rowKey(d, "t", t)
				out = append(out, Check{
					Location:  Location{Schema: t.Schema, Table: t.Name, Column: c.Name},
					Offending: offending(key, env.subjectExpr(t, "t"), "NULL", table+" t", where),
					Detail:    fmt.Sprintf("category %s filled in under %.0f%% of rows", c.Class.Category, minFillRatio*100),
				})
			}
		}
		return out, nil
	})
}

// RealDataOutsideProduction is MIN-03: a source tagged as non-production (staging, dev,
// test) holding real-looking personal data: email addresses outside test domains, or
// card numbers that pass Luhn and an issuer range (Art. 5(1)(c), 25, 32).
func RealDataOutsideProduction() Rule {
	return newRule(Meta{
		ID:          "MIN-03",
		Title:       "Real personal data in a non-production database",
		Family:      Minimisation,
		Articles:    []string{"Art. 5(1)(c)", "Art. 25(1)", "Art. 32(1)"},
		Severity:    SeveritySignificant,
		Likelihood:  3,
		Principle:   "data minimisation",
		Needs:       "sources[].environment (checks run when it is not prod; mapping.test_domains)",
		Remediation: "Replace the copy with synthetic or properly anonymised data (masking pipeline), and restrict production refreshes into this environment.",
		Matches:     "Scope `email`: email columns with addresses outside `test_domains` (example.com/net/org, *.example, *.invalid, *.localhost, *.test). Scope `payment-card`: card columns with values passing Luhn and an issuer range (as SEC-01)",
	}, func(env *Env, m Meta) ([]Check, error) {
		if env.Source == nil || isProduction(env.Source.Environment) {
			return nil, nil // production data belongs in production
		}
		d := env.Dialect
		var out []Check
		domains := env.Mapping().TestDomains
		for _, t := range env.Tables {
			if t.IsView {
				continue
			}
			for _, c := range t.Columns {
				col := d.Column("t", c.Name)
				key := rowKey(d, "t", t)
				from := d.Table(t.Schema, t.Name) + " t"
				loc := Location{Schema: t.Schema, Table: t.Name, Column: c.Name}
				switch {
				case hasCategory(c, detect.Email):
					norm := normEmail(d.Text(col))
					where := col + " IS NOT NULL AND " + norm + " LIKE '%_@_%._%'\n  AND NOT " + testDomain(d, norm, domains)
					out = append(out, Check{Location: loc, Scope: "email",
						Offending: offending(key, env.subjectExpr(t, "t"), "NULL", from, where),
						Detail:    "email addresses outside the test domains (" + strings.Join(domains, ", ") + ")"})
				case hasCategory(c, detect.PaymentCard):
					txt := d.Text(col)
					where := fmt.Sprintf("%s IS NOT NULL AND %s BETWEEN 13 AND %d AND %s", col, d.Length(txt), maxCardLen, d.OnlyChars(txt, "0-9 -"))
					out = append(out, Check{Location: loc, Scope: "payment-card",
						Offending: offending(key, env.subjectExpr(t, "t"), "NULL", from, where, txt),
						Validate:  detect.ValidPaymentCard, Mask: detect.MaskPaymentCard,
						Detail: "card numbers passing Luhn and issuer-range checks"})
				}
			}
		}
		return out, nil
	})
}

func isProduction(env string) bool {
	switch strings.ToLower(strings.TrimSpace(env)) {
	case "", "prod", "production", "live", "prd":
		return true
	}
	return false
}

// testDomain is true when the normalised address's domain is a test domain: an entry
// "example.com" matches it and its subdomains, "example.*" any TLD, "*.test" a suffix.
func testDomain(d interface{ String(string) string }, norm string, domains []string) string {
	var parts []string
	for _, dom := range domains {
		dom = strings.ToLower(strings.TrimSpace(dom))
		switch {
		case strings.HasPrefix(dom, "*."):
			parts = append(parts, norm+" LIKE "+d.String("%"+dom[1:]))
		case strings.HasSuffix(dom, ".*"):
			parts = append(parts, norm+" LIKE "+d.String("%@"+strings.TrimSuffix(dom, "*")+"%"))
		case dom != "":
			parts = append(parts, norm+" LIKE "+d.String("%@"+dom), norm+" LIKE "+d.String("%."+dom))
		}
	}
	return orAll(parts)
}

// DuplicatePersons is MIN-04: people held twice, by their normalised email, within or
// across subject tables, soft-deleted rows left out (Art. 5(1)(d), 17): duplicates drift
// apart, and an erasure or objection reaches only one of them.
func DuplicatePersons() Rule {
	return newRule(Meta{
		ID:          "MIN-04",
		Title:       "Duplicate person records",
		Family:      Minimisation,
		Articles:    []string{"Art. 5(1)(d)", "Art. 17(1)"},
		Severity:    SeverityNegligible,
		Likelihood:  2,
		Principle:   "accuracy",
		Needs:       "mapping.subjects[].email_column",
		Remediation: "Merge the duplicates into one record (keeping the strictest consent and objection state), and match on the normalised email at creation.",
		Matches:     "Per subject table: live rows whose lower(trim(email)) is held more than once among the live rows of all subject tables (one GROUP BY over their union); subjects are distinct emails",
	}, func(env *Env, m Meta) ([]Check, error) {
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		var keyed []subject
		for _, s := range subs {
			if s.cfg.EmailColumn != "" {
				if err := env.column(s.table, s.cfg.EmailColumn, "mapping.subjects"); err != nil {
					return nil, err
				}
				keyed = append(keyed, s)
			}
		}
		if len(keyed) == 0 {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		// Every live normalised email held more than once, across all subject tables: one
		// GROUP BY, which every engine runs as a hash or sort, not a pairwise comparison.
		var all, names []string
		for _, o := range keyed {
			col := d.Column("o", o.cfg.EmailColumn)
			all = append(all, fmt.Sprintf("SELECT %s AS e FROM %s o WHERE %s IS NOT NULL%s",
				normEmail(col), d.Table(o.table.Schema, o.table.Name), col, env.live(o.table)))
			names = append(names, o.table.Name)
		}
		twice := "SELECT e FROM (" + strings.Join(all, "\n    UNION ALL ") + ") x GROUP BY e HAVING COUNT(*) > 1"
		var out []Check
		for _, s := range keyed {
			key := d.Column("s", s.cfg.Key)
			email := normEmail(d.Column("s", s.cfg.EmailColumn))
			where := d.Column("s", s.cfg.EmailColumn) + " IS NOT NULL AND " + email + " <> ''" + env.live(s.table) + "\n  AND " + email + " IN (" + twice + ")"
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: s.cfg.EmailColumn},
				Offending: offending(key, email, "NULL", d.Table(s.table.Schema, s.table.Name)+" s", where),
				Detail:    "the same normalised email in another live row of " + strings.Join(names, " or "),
			})
		}
		return out, nil
	})
}

// categoryGroups are the words a record of processing uses for several categories at once.
var categoryGroups = map[string][]detect.Category{
	"contact":   {detect.Email, detect.Phone, detect.PostalAddress, detect.PostalCode, detect.City, detect.Country},
	"identity":  {detect.PersonName, detect.DateOfBirth, detect.Age, detect.Gender, detect.Username},
	"financial": {detect.IBANBankAccount, detect.PaymentCard, detect.SalaryFinancial, detect.TaxID},
}

// UndeclaredCategories is MIN-02: a category of personal data found in a table that none
// of the table's processing activities declares in personal_data_categories (Art.
// 5(1)(b)-(c)): collected beyond what the purpose was said to need. Only activities that
// declare categories are judged; free text is left to DSC-03 and SPC-02, which look at
// what it holds. Rows holding a value are counted exactly.
func UndeclaredCategories() Rule {
	return newRule(Meta{
		ID:          "MIN-02",
		Title:       "Data category not declared for the purpose",
		Family:      Minimisation,
		Articles:    []string{"Art. 5(1)(b)", "Art. 5(1)(c)", "Art. 30(1)(c)"},
		Severity:    SeverityLimited,
		Likelihood:  2,
		Principle:   "data minimisation",
		Needs:       "activities[].personal_data_categories",
		Remediation: "Either add the category to the activity's record (if the purpose needs it, with its lawful basis) or stop collecting it and clear the column.",
		Matches:     "Per personal column (free text left to DSC-03/SPC-02) of a table whose activities declare categories: rows holding a value when its category is declared by none of them. Categories are the classifier ids (`email`, `date_of_birth`, `national_id`, …) or the groups `contact`, `identity`, `financial`; an unknown one is an error naming the activity",
	}, func(env *Env, m Meta) ([]Check, error) {
		if env.Config == nil {
			return nil, needs("%s", m.Needs)
		}
		known := map[detect.Category]bool{}
		for _, c := range detect.Categories() {
			known[c] = true
		}
		declaring := false
		for _, a := range env.Config.Activities {
			for _, c := range a.PersonalDataCategories {
				c = strings.ToLower(strings.TrimSpace(c))
				if _, group := categoryGroups[c]; !group && !known[detect.Category(c)] {
					return nil, fmt.Errorf("activity %q: personal_data_categories: unknown category %q (valid: contact, identity, financial or a category id: %s)",
						a.ID, c, strings.Join(categoryNames(), ", "))
				}
				declaring = true
			}
		}
		if !declaring {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			if t.IsView {
				continue
			}
			declared := map[detect.Category]bool{}
			var ids []string
			for _, a := range env.ActivitiesFor(t) {
				if len(a.PersonalDataCategories) > 0 {
					ids = append(ids, a.ID)
				}
				for _, c := range a.PersonalDataCategories {
					c = strings.ToLower(strings.TrimSpace(c))
					declared[detect.Category(c)] = true
					for _, g := range categoryGroups[c] {
						declared[g] = true
					}
				}
			}
			if len(ids) == 0 {
				continue // no activity of this table declares its categories
			}
			for _, c := range t.Columns {
				cat := c.Class.Category
				if !c.Class.Personal || cat == detect.FreeText || declared[cat] {
					continue
				}
				key := rowKey(d, "t", t)
				out = append(out, Check{
					Location:  Location{Schema: t.Schema, Table: t.Name, Column: c.Name},
					Offending: offending(key, env.subjectExpr(t, "t"), "NULL", d.Table(t.Schema, t.Name)+" t", filled(d, d.Column("t", c.Name), c)),
					Detail:    fmt.Sprintf("category %s is not among the personal_data_categories of %s", cat, strings.Join(ids, ", ")),
				})
			}
		}
		return out, nil
	})
}

func categoryNames() []string {
	var out []string
	for _, c := range detect.Categories() {
		out = append(out, string(c))
	}
	return out
}
