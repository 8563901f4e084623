package suggest

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
)

// Draft is the suggested mapping, with a reason for each part and notes on what was not
// found.
type Draft struct {
	Mapping config.Mapping
	Why     map[string]string // "subjects/contacts", "consent", … → why it was suggested
	Notes   []string          // what could not be suggested, for the file's header
	Skipped []Skipped         // tables that could not be read, for the file's header
	dialect interface{ Ident(string) string }
}

// Suggest drafts a mapping from the catalogue.
func Suggest(cat *Catalogue) *Draft {
	d := &Draft{Why: map[string]string{}, dialect: cat.Dialect, Skipped: cat.Skipped}
	subjects := d.subjects(cat)
	d.consent(cat, subjects)
	d.emailConsent(cat, subjects)
	d.events(cat, subjects)
	d.contractsAndRetention(cat, subjects)
	d.softDelete(cat, subjects)
	d.requests(cat, subjects)
	return d
}

// ident quotes a column for a predicate only when it needs it.
var plainIdent = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

func (d *Draft) ident(name string) string {
	if plainIdent.MatchString(name) && !reserved[name] {
		return name
	}
	return d.dialect.Ident(name)
}

var reserved = map[string]bool{"order": true, "user": true, "group": true, "select": true, "from": true, "where": true, "key": true}

// flagOn is the predicate "flag is set" for the column's type: vtiger keeps its flags
// as varchar '0'/'1', which PostgreSQL will not compare with a number.
func (d *Draft) flagOn(c rules.TableColumn) string {
	switch {
	case isBool(c):
		return d.ident(c.Name) + " = TRUE"
	case isText(c):
		return d.ident(c.Name) + " = '1'"
	}
	return d.ident(c.Name) + " = 1"
}

func isText(c rules.TableColumn) bool {
	dt := strings.ToLower(c.DataType)
	return strings.Contains(dt, "char") || strings.Contains(dt, "text")
}

// paren wraps a predicate unless it already is one parenthesised whole.
func paren(p string) string {
	if strings.HasPrefix(p, "(") && strings.HasSuffix(p, ")") {
		return p
	}
	return "(" + p + ")"
}

func (d *Draft) subjects(cat *Catalogue) []Table {
	var out []Table
	for _, t := range cat.Tables {
		if t.IsView || t.key() == "" || rules.IsShadowCopy(t.Schema, t.Name) {
			continue
		}
		if requestNameRE.MatchString(t.Name) || tombNameRE.MatchString(t.Name) || holdNameRE.MatchString(t.Name) ||
			consentNameRE.MatchString(t.Name) || emailTableRE.MatchString(t.Name) || listNameRE.MatchString(t.Name) || collectionNameRE.MatchString(t.Name) {
			continue
		}
		_, email := t.category(detect.Email)
		_, name := t.category(detect.PersonName)
		_, phone := t.category(detect.Phone)
		if !(email && (name || phone)) && !(detect.PeopleTable(t.Name) && (email || name || phone)) {
			continue
		}
		out = append(out, t)
	}
	// People first, then prospects, then the rest (staff accounts).
	rank := func(t Table) int {
		switch {
		case primaryNameRE.MatchString(t.Name) && !leadNameRE.MatchString(t.Name):
			return 0
		case leadNameRE.MatchString(t.Name):
			return 1
		case staffNameRE.MatchString(t.Name):
			return 3
		}
		return 2
	}
	sort.SliceStable(out, func(i, j int) bool { return rank(out[i]) < rank(out[j]) })
	for _, t := range out {
		s := config.Subject{Table: t.ref(), Key: t.key()}
		why := []string{"personal data of people"}
		if c, ok := t.find(basisColRE); ok {
			s.LawfulBasisColumn = c.Name
			d.basisValues(t.tokens[strings.ToLower(c.Name)])
		}
		if c, ok := t.find(optInColRE); ok && !isTime(c) {
			s.Marketable = d.flagOn(c)
		}
		// Every opt-out flag counts (CiviCRM: do_not_email and is_opt_out).
		var outs []string
		for _, c := range t.Columns {
			if optOutColRE.MatchString(c.Name) && !isTime(c) {
				outs = append(outs, d.flagOn(c))
			}
		}
		if len(outs) > 0 {
			s.OptedOut = strings.Join(outs, " OR ")
			if len(outs) > 1 {
				s.OptedOut = "(" + s.OptedOut + ")"
			}
			if s.Marketable == "" {
				why = append(why, "marketable taken as not opted out: change it if your policy is consent-based")
				s.Marketable = "NOT " + paren(s.OptedOut)
			}
			if c, ok := t.findTime(optOutAtColRE); ok {
				s.OptedOutAtColumn = c.Name
			} else if c, ok := t.findTime(modifiedColRE); ok {
				s.OptedOutAtColumn = c.Name
				why = append(why, "opted_out_at_column is the row's last change, at or after the opt-out: sends after it surely came after the opt-out")
			}
		}
		if flag, ok := t.find(deletedFlagRE); ok && !isTime(flag) {
			s.SoftDeleted = d.flagOn(flag)
			if at, ok := t.findTime(deletedAtColRE); ok {
				s.DeletedAtColumn = at.Name
			}
		} else if at, ok := t.findTime(deletedAtColRE); ok {
			s.SoftDeleted = d.ident(at.Name) + " IS NOT NULL"
			s.DeletedAtColumn = at.Name
		}
		if c, ok := t.category(detect.Email); ok {
			s.EmailColumn = c.Name
		}
		if c, ok := t.findTime(createdColRE); ok {
			s.CreatedColumn = c.Name
		}
		if c, ok := t.category(detect.DateOfBirth); ok {
			s.BirthDateColumn = c.Name
			if cc, ok := t.category(detect.Country); ok {
				s.CountryColumn = cc.Name
			}
		}
		if c, ok := t.findTime(reviewedColRE); ok {
			s.BasisReviewedColumn = c.Name
		}
		if staffNameRE.MatchString(t.Name) {
			why = append(why, "staff accounts? keep them only if you want them checked as data subjects")
		}
		d.Mapping.Subjects = append(d.Mapping.Subjects, s)
		d.Why["subjects/"+t.Name] = strings.Join(why, "; ")
	}
	if len(out) == 0 {
		d.Notes = append(d.Notes, "no table looks like a table of people (email plus name or phone): add mapping.subjects by hand")
	}
	return out
}

// referencing returns the first subject t references and the column.
func referencing(t Table, subjects []Table) (Table, string, bool) {
	for _, s := range subjects {
		if s.Name == t.Name && s.Schema == t.Schema {
			continue
		}
		if c, ok := t.fkTo(s); ok {
			return s, c, true
		}
	}
	return Table{}, "", false
}

// ref is how rows of a table point at a subject: a column holding the subject's key,
// and a filter when the column is polymorphic (SuiteCRM bean_id with bean_module =
// 'Contacts', Odoo res_id with model = 'res.partner').
type ref struct {
	subject Table
	column  string
	filter  string
}

// polyTypeCols are the names of the column saying which table a polymorphic <p>_id
// points into, for prefix p.
func polyTypeCols(p string) []string {
	return []string{p + "_type", p + "_module", p + "_model", p + "_table", p + "type", p + "module", "model", "res_model"}
}

// refs returns every way t points at a subject: conventional foreign-key names first,
// then polymorphic id and type pairs whose sampled type values name a subject table.
func (d *Draft) refs(t Table, subjects []Table) []ref {
	var out []ref
	for _, s := range subjects {
		if s.Name == t.Name && s.Schema == t.Schema {
			continue
		}
		if c, ok := t.fkTo(s); ok {
			out = append(out, ref{subject: s, column: c})
		}
	}
	bySubject := map[string]Table{}
	for _, s := range subjects {
		bySubject[strings.ToLower(s.Name)] = s
	}
	for _, c := range t.Columns {
		n := strings.ToLower(c.Name)
		p, ok := strings.CutSuffix(n, "_id")
		if !ok || p == "" || slices.Contains(t.PrimaryKey, c.Name) {
			continue
		}
		for _, tc := range polyTypeCols(p) {
			typ, ok := t.find(regexp.MustCompile(`(?i)^` + regexp.QuoteMeta(tc) + `$`))
			if !ok {
				continue
			}
			for _, v := range t.names[strings.ToLower(typ.Name)] {
				name, _ := tableOfName(v, bySubjectNames(bySubject))
				s, ok := bySubject[name]
				if !ok || s.Name == t.Name && s.Schema == t.Schema {
					continue
				}
				out = append(out, ref{subject: s, column: c.Name, filter: d.ident(typ.Name) + " = " + quote(v)})
			}
			break
		}
	}
	return out
}

func bySubjectNames(m map[string]Table) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// quote is an SQL string literal of a sampled vocabulary word or table name.
func quote(v string) string { return "'" + strings.ReplaceAll(v, "'", "''") + "'" }

func and(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " AND ")
}

// flagOff is the predicate "flag is not set", NULL counting as not set.
func (d *Draft) flagOff(c rules.TableColumn) string {
	switch {
	case isBool(c):
		return "COALESCE(" + d.ident(c.Name) + ", FALSE) = FALSE"
	case isText(c):
		return "COALESCE(" + d.ident(c.Name) + ", '0') = '0'"
	}
	return "COALESCE(" + d.ident(c.Name) + ", 0) = 0"
}

func pick(words []string, vocab []string) []string {
	var out []string
	for _, w := range words {
		if slices.Contains(vocab, strings.ToLower(w)) {
			out = append(out, w)
		}
	}
	return out
}

// lowerWords keeps the lower-case words, the only ones matched by pattern rather than
// by a fixed vocabulary (a capitalised word may be a name).
func lowerWords(words []string) []string {
	var out []string
	for _, w := range words {
		if w == strings.ToLower(w) {
			out = append(out, w)
		}
	}
	return out
}

// multiSelectBases maps the items of a multi-select basis field onto the canonical
// bases (SuiteCRM's lawful_basis_dom).
var multiSelectBases = map[string]string{
	"consent": "consent", "explicit_consent": "explicit_consent", "contract": "contract", "legal_obligation": "legal_obligation",
	"legitimate_interest": "legitimate_interest", "legitimate_interests": "legitimate_interest", "vital_interests": "vital_interests",
	"protection_of_interest": "vital_interests", "public_task": "public_task", "public_interest": "public_task", "withdrawn": "withdrawn",
}

// basisValues drafts basis_values from the ^item^ tokens sampled in a basis column: the
// field holds "^consent^,^contract^", so each basis is a LIKE pattern.
func (d *Draft) basisValues(tokens []string) {
	for _, tok := range tokens {
		canonical, ok := multiSelectBases[tok]
		if !ok {
			continue
		}
		if d.Mapping.BasisValues == nil {
			d.Mapping.BasisValues = map[string][]string{}
		}
		pat := "%^" + tok + "^%"
		if !slices.Contains(d.Mapping.BasisValues[canonical], pat) {
			d.Mapping.BasisValues[canonical] = append(d.Mapping.BasisValues[canonical], pat)
		}
	}
	if len(tokens) > 0 {
		d.Why["basis_values"] = "the basis column is a multi-select (^item^ values); withdrawn is kept apart so it never counts as a basis"
	}
}

func (d *Draft) consent(cat *Catalogue, subjects []Table) {
	for _, t := range cat.Tables {
		if t.IsView || !consentNameRE.MatchString(t.Name) {
			continue
		}
		s, fk, ok := referencing(t, subjects)
		purpose, okP := t.find(purposeColRE)
		status, okS := t.find(statusColRE)
		if !ok || !okP || !okS {
			continue
		}
		cm := &config.ConsentMapping{Table: t.ref(), SubjectKey: fk, SubjectTable: s.ref(), PurposeColumn: purpose.Name, StatusColumn: status.Name}
		statusWords := t.wordsOf(status.Name)
		cm.GrantedValues = pick(statusWords, grantedWords)
		cm.WithdrawnValues = pick(statusWords, withdrawnWords)
		if len(cm.GrantedValues) == 0 {
			cm.GrantedValues = []string{"granted"}
		}
		if len(cm.WithdrawnValues) == 0 {
			cm.WithdrawnValues = []string{"withdrawn"}
		}
		for _, pref := range []string{"marketing", "email", "newsletter", "promo"} {
			for _, w := range lowerWords(t.wordsOf(purpose.Name)) {
				if cm.MarketingPurpose == "" && strings.Contains(w, pref) {
					cm.MarketingPurpose = w
				}
			}
		}
		set := func(dst *string, re *regexp.Regexp, timeOnly bool) {
			var c rules.TableColumn
			var found bool
			if timeOnly {
				c, found = t.findTime(re)
			} else {
				c, found = t.find(re)
			}
			if found && c.Name != purpose.Name && c.Name != status.Name {
				*dst = c.Name
			}
		}
		set(&cm.ChannelColumn, channelColRE, false)
		set(&cm.LawfulBasisColumn, consentTypeRE, false)
		set(&cm.CapturedAtColumn, capturedColRE, true)
		if cm.CapturedAtColumn == "" {
			set(&cm.CapturedAtColumn, createdColRE, true)
		}
		set(&cm.CaptureMethodColumn, methodColRE, false)
		set(&cm.CaptureSourceColumn, sourceColRE, false)
		set(&cm.NoticeVersionColumn, noticeColRE, false)
		set(&cm.ProofRefColumn, proofColRE, false)
		set(&cm.DoubleOptInAtColumn, doiColRE, true)
		set(&cm.WithdrawnAtColumn, withdrawnColRE, true)
		set(&cm.ReconfirmedAtColumn, reconfColRE, true)
		set(&cm.ParentalConsentColumn, parentalColRE, false)
		d.Mapping.Consent = cm
		why := "a consent-like table referencing " + s.Name
		if cm.MarketingPurpose == "" {
			why += "; no marketing purpose seen in the sample: set marketing_purpose"
		}
		d.Why["consent"] = why
		return
	}
	d.Notes = append(d.Notes, "no consent-event table found (a table named like consent/subscription/preference with subject, purpose and status columns)")
}

// emailConsent finds per-address opt-ins: an email-address table with opt-in or
// opt-out columns, pointing at its subject itself (CiviCRM civicrm_email.contact_id) or
// linked through a relation table (SuiteCRM email_addr_bean_rel), one link per subject.
func (d *Draft) emailConsent(cat *Catalogue, subjects []Table) {
	if len(subjects) == 0 {
		return
	}
	for _, t := range cat.Tables {
		if t.IsView || !emailTableRE.MatchString(t.Name) || t.key() == "" || isSubject(t, subjects) {
			continue
		}
		if _, ok := t.category(detect.Email); !ok {
			continue
		}
		em := &config.EmailConsentMapping{Table: t.ref(), Key: t.key()}
		var why []string
		if c, ok := t.find(regexp.MustCompile(`(?i)^(confirm_)?opt_?in(_status)?$`)); ok {
			em.OptedIn = d.ident(c.Name) + " IN ('opt-in', 'confirmed-opt-in')"
			if isBool(c) || strings.Contains(strings.ToLower(c.DataType), "int") {
				em.OptedIn = d.flagOn(c)
			}
		}
		if c, ok := t.find(optOutColRE); ok && !isTime(c) {
			em.OptedOut = d.flagOn(c)
		} else if c, ok := t.find(regexp.MustCompile(`(?i)^on_hold$`)); ok {
			// CiviCRM: on_hold 1 is a bounce, 2 an opt-out of this address.
			em.OptedOut = d.ident(c.Name) + " = 2"
			why = append(why, "on_hold = 2 is CiviCRM's opt-out (1 is a bounce): check your CRM's values")
		}
		if em.OptedIn == "" && em.OptedOut == "" {
			continue
		}
		if em.OptedOut != "" {
			if c, ok := t.findTime(optOutAtColRE); ok {
				em.OptedOutAtColumn = c.Name
			} else if c, ok := t.findTime(regexp.MustCompile(`(?i)^hold_date$`)); ok && strings.Contains(em.OptedOut, "on_hold") {
				em.OptedOutAtColumn = c.Name
			} else if c, ok := t.findTime(modifiedColRE); ok {
				em.OptedOutAtColumn = c.Name
				why = append(why, "opted_out_at_column is the row's last change, at or after the opt-out: sends after it surely came after the opt-out")
			}
		}
		if c, ok := t.findTime(doiColRE); ok {
			em.DoubleOptInAtColumn = c.Name
		}
		if c, ok := t.find(deletedFlagRE); ok {
			em.SoftDeleted = d.flagOn(c)
		}
		if rs := d.refs(t, subjects); len(rs) > 0 {
			em.SubjectKey, em.SubjectTable = rs[0].column, rs[0].subject.ref()
		} else {
			// A relation table holding the address key and the subject's key.
			for _, l := range cat.Tables {
				if l.IsView || l.Name == t.Name && l.Schema == t.Schema || isSubject(l, subjects) {
					continue
				}
				addr, ok := l.fkTo(t)
				if !ok {
					continue
				}
				for _, r := range d.refs(l, subjects) {
					if r.column != addr {
						em.Links = append(em.Links, config.EmailLink{Table: l.ref(), AddressKey: addr, SubjectKey: r.column, Filter: r.filter, SubjectTable: r.subject.ref()})
					}
				}
				if len(em.Links) > 0 {
					break
				}
			}
			if len(em.Links) == 0 {
				d.Notes = append(d.Notes, "email-address table "+t.Name+" has opt-in/opt-out columns but nothing links it to a subject table: add mapping.email_consent by hand")
				continue
			}
			if len(em.Links) == 1 {
				em.Link, em.Links = &em.Links[0], nil
			}
		}
		d.Mapping.EmailConsent = em
		d.Why["email_consent"] = strings.Join(append([]string{"an email-address table with opt-in/opt-out columns"}, why...), "; ")
		return
	}
}

func isSubject(t Table, subjects []Table) bool {
	for _, s := range subjects {
		if s.Name == t.Name && s.Schema == t.Schema {
			return true
		}
	}
	return false
}

// events suggests list memberships, sends, interactions and logs from the tables that
// point at subjects (directly or polymorphically), one entry per subject they point at.
func (d *Draft) events(cat *Catalogue, subjects []Table) {
	atRE := regexp.MustCompile(`(?i)^(occurred|sent|happened|event|activity|visited|created)(_at|_on|_date|_time|_datetime)$|^(timestamp|time_stamp|activity_date|event_date|date_entered|create_date)$`)
	for _, t := range cat.Tables {
		if t.IsView || rules.IsShadowCopy(t.Schema, t.Name) || isSubject(t, subjects) {
			continue
		}
		refs := d.refs(t, subjects)
		var through *config.EventThrough
		if len(refs) == 0 && activityNameRE.MatchString(t.Name) {
			refs, through = d.throughRefs(cat, t, subjects)
		}
		if len(refs) == 0 {
			continue
		}
		if filter, ok := d.membership(cat, t, subjects); ok && through == nil {
			for _, r := range refs {
				d.Mapping.Lists = append(d.Mapping.Lists, config.SubjectEvents{Table: t.ref(), SubjectKey: r.column, SubjectTable: r.subject.ref(), Filter: and(r.filter, filter)})
			}
			continue
		}
		if !activityNameRE.MatchString(t.Name) || consentNameRE.MatchString(t.Name) {
			continue
		}
		at, ok := t.findTime(atRE)
		if !ok {
			continue
		}
		var sends, inter, outs []string
		typ, typed := t.find(typeColRE)
		if typed {
			for _, w := range lowerWords(t.wordsOf(typ.Name)) {
				switch {
				case sendWord.MatchString(w):
					sends = append(sends, w)
				case withdrawalWord.MatchString(w):
					outs = append(outs, w)
				case interactionWord.MatchString(w):
					inter = append(inter, w)
				}
			}
		}
		typeFilter := func(words []string) string { return inList(d.ident(typ.Name), words) }
		if !typed || len(sends)+len(inter)+len(outs) == 0 {
			// No type column to tell: the table's name may say what every row is.
			typeFilter = func([]string) string { return "" }
			switch {
			case sendTableRE.MatchString(t.Name):
				sends = []string{"*"}
			case withdrawalTableRE.MatchString(t.Name):
				outs = []string{"*"}
			case interactionTableRE.MatchString(t.Name):
				inter = []string{"*"}
			}
		}
		for _, r := range refs {
			ev := config.SubjectEvents{Table: t.ref(), SubjectKey: r.column, SubjectTable: r.subject.ref(), AtColumn: at.Name, Through: through}
			if len(sends) > 0 {
				x := ev
				x.Filter = and(typeFilter(sends), r.filter)
				d.Mapping.Sends = append(d.Mapping.Sends, x)
			}
			if len(inter) > 0 {
				x := ev
				x.Filter = and(typeFilter(inter), r.filter)
				d.Mapping.Interactions = append(d.Mapping.Interactions, x)
			}
			if len(outs) > 0 {
				x := ev
				x.Filter = and(typeFilter(outs), r.filter)
				d.Mapping.Withdrawals = append(d.Mapping.Withdrawals, x)
			}
		}
		d.Mapping.Logs = append(d.Mapping.Logs, config.LogTable{Table: t.ref(), AtColumn: at.Name})
	}
}

// throughRefs finds the subjects an event table reaches through a table it references
// (CiviCRM: delivered.event_queue_id → event_queue.id, whose contact_id is the subject).
func (d *Draft) throughRefs(cat *Catalogue, t Table, subjects []Table) ([]ref, *config.EventThrough) {
	for _, q := range cat.Tables {
		if q.IsView || q.key() == "" || q.Name == t.Name && q.Schema == t.Schema || isSubject(q, subjects) {
			continue
		}
		col, ok := t.fkTo(q)
		if !ok {
			continue
		}
		if rs := d.refs(q, subjects); len(rs) > 0 {
			return rs, &config.EventThrough{Table: q.ref(), Key: q.key(), Column: col}
		}
	}
	return nil, nil
}

// membership reports whether t holds memberships of marketing lists or groups, and the
// filter keeping live memberships of marketing lists: a membership status that says
// added, an opt-out flag not set, and lists whose type is not suppression, test or seed.
func (d *Draft) membership(cat *Catalogue, t Table, subjects []Table) (string, bool) {
	if contractNameRE.MatchString(t.Name) || activityNameRE.MatchString(t.Name) || len(t.Columns) > 12 {
		return "", false
	}
	if c := d.Mapping.Consent; c != nil && c.Table == t.ref() {
		return "", false // a consent history (subscriptions with purpose and status) is no list
	}
	var listCol rules.TableColumn
	found := false
	for _, c := range t.Columns {
		if listColRE.MatchString(c.Name) && !slices.Contains(t.PrimaryKey, c.Name) {
			listCol, found = c, true
			break
		}
	}
	if !found && !listNameRE.MatchString(t.Name) {
		return "", false
	}
	var filters []string
	if st, ok := t.find(statusColRE); ok {
		if w := pick(t.wordsOf(st.Name), memberWords); len(w) > 0 {
			filters = append(filters, inList(d.ident(st.Name), w))
		}
	}
	if c, ok := t.find(optOutColRE); ok && !isTime(c) {
		filters = append(filters, d.flagOff(c))
	}
	if found {
		for _, l := range cat.Tables {
			if l.IsView || l.key() == "" || l.Name == t.Name || isSubject(l, subjects) {
				continue
			}
			if fk, ok := t.fkTo(l); !ok || fk != listCol.Name {
				continue
			}
			if typ, ok := l.find(listTypeColRE); ok {
				var bad []string
				for _, w := range l.wordsOf(typ.Name) {
					if excludedListRE.MatchString(w) {
						bad = append(bad, w)
					}
				}
				if len(bad) > 0 {
					filters = append(filters, fmt.Sprintf("%s NOT IN (SELECT %s FROM %s WHERE %s)", d.ident(listCol.Name), d.ident(l.key()), d.ident(l.Name), inList(d.ident(typ.Name), bad)))
				}
			}
			break
		}
	}
	return and(filters...), true
}

func inList(col string, words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + w + "'"
	}
	if len(q) == 1 {
		return col + " = " + q[0]
	}
	return col + " IN (" + strings.Join(q, ", ") + ")"
}

func (d *Draft) contractsAndRetention(cat *Catalogue, subjects []Table) {
	orderAt := map[string]string{}
	// Contracts, orders and deals end a relationship more plainly than invoices do.
	tables := slices.Clone(cat.Tables)
	sort.SliceStable(tables, func(i, j int) bool {
		return !strings.Contains(strings.ToLower(tables[i].Name), "invoice") && strings.Contains(strings.ToLower(tables[j].Name), "invoice")
	})
	for _, t := range tables {
		if t.IsView || !contractNameRE.MatchString(t.Name) || rules.IsShadowCopy(t.Schema, t.Name) {
			continue
		}
		s, fk, ok := referencing(t, subjects)
		if !ok {
			continue
		}
		c := config.ContractMapping{Table: t.ref(), SubjectKey: fk, SubjectTable: s.ref()}
		if end, ok := t.findTime(endColRE); ok {
			c.EndColumn = end.Name
		}
		d.Mapping.Contracts = append(d.Mapping.Contracts, c)
		if _, seen := orderAt[s.Name]; !seen {
			for _, col := range t.Columns {
				if isTime(col) && !endColRE.MatchString(col.Name) && col.Class.Category != detect.DateOfBirth {
					orderAt[s.Name] = t.Name + "\x00" + fk + "\x00" + col.Name
					break
				}
			}
		}
	}
	holdPred := map[string]string{}
	for _, t := range cat.Tables {
		if t.IsView || !holdNameRE.MatchString(t.Name) {
			continue
		}
		for _, s := range subjects {
			if fk, ok := t.fkTo(s); ok {
				p := fmt.Sprintf("EXISTS (SELECT 1 FROM %s h WHERE h.%s = t.%s", d.ident(t.Name), d.ident(fk), d.ident(s.key()))
				if rel, ok := t.findTime(releasedColRE); ok {
					p += " AND h." + d.ident(rel.Name) + " IS NULL"
				}
				holdPred[s.Name] = p + ")"
			}
		}
	}
	for i, s := range subjects {
		sub := d.Mapping.Subjects[i]
		live := ""
		if sub.SoftDeleted != "" {
			live = "NOT (" + sub.SoftDeleted + ")"
		}
		switch {
		case leadNameRE.MatchString(s.Name):
			created, ok := s.findTime(createdColRE)
			if !ok {
				d.Notes = append(d.Notes, "no creation date on "+s.Name+": add its retention rule by hand")
				continue
			}
			// The anchor is the last contact the prospect started, else collection.
			anchor := d.ident(created.Name)
			if in, ok := s.findTime(inboundColRE); ok {
				anchor = "COALESCE(" + d.ident(in.Name) + ", " + d.ident(created.Name) + ")"
			} else if i, ok := d.interactionOf(s); ok {
				last := fmt.Sprintf("(SELECT MAX(i.%s) FROM %s i WHERE i.%s = t.%s", d.ident(i.AtColumn), d.ident(i.Table), d.ident(i.SubjectKey), d.ident(s.key()))
				if i.Filter != "" {
					last += " AND " + paren(i.Filter)
				}
				anchor = "COALESCE(" + last + "), " + d.ident(created.Name) + ")"
			}
			// Converted leads became contacts or customers: their retention is not a lead's.
			filter := live
			if c, ok := s.find(convertedColRE); ok && !isTime(c) {
				filter = and(d.flagOff(c), live)
			} else if st, ok := s.find(regexp.MustCompile(`(?i)^(status|lead_status|stage|lifecycle_stage)$`)); ok {
				if w := pick(s.wordsOf(st.Name), []string{"converted"}); len(w) > 0 {
					filter = and("("+d.ident(st.Name)+" IS NULL OR "+d.ident(st.Name)+" <> "+quote(w[0])+")", live)
				}
			}
			d.Mapping.Retention = append(d.Mapping.Retention, config.RetentionRule{
				ID: s.Name + "-3y", Table: s.ref(), Key: s.key(), AppliesTo: "prospects", SubjectFilter: filter, Anchor: anchor,
				Period: config.MustPeriod("P3Y"), EndAction: "delete", LegalBasis: "CNIL reference for prospects: 3 years from the last contact they initiated",
				Hold: holdPred[s.Name],
			})
		case orderAt[s.Name] != "":
			parts := strings.Split(orderAt[s.Name], "\x00")
			tbl, fk, at := d.ident(parts[0]), d.ident(parts[1]), d.ident(parts[2])
			has := fmt.Sprintf("EXISTS (SELECT 1 FROM %s o WHERE o.%s = t.%s)", tbl, fk, d.ident(s.key()))
			d.Mapping.Retention = append(d.Mapping.Retention, config.RetentionRule{
				ID: s.Name + "-customers-3y", Table: s.ref(), Key: s.key(), AppliesTo: "customers",
				SubjectFilter: and(live, has),
				Anchor:        fmt.Sprintf("(SELECT MAX(o.%s) FROM %s o WHERE o.%s = t.%s)", at, tbl, fk, d.ident(s.key())),
				Period:        config.MustPeriod("P3Y"), EndAction: "anonymise",
				LegalBasis: "CNIL reference for customer prospecting: 3 years after the end of the relationship", Hold: holdPred[s.Name],
			})
		}
	}
	if len(d.Mapping.Retention) == 0 {
		d.Notes = append(d.Notes, "no retention rule could be drafted (no lead table, no customer table with orders or contracts)")
	}
}

// interactionOf returns the first drafted interaction table pointing at s directly.
func (d *Draft) interactionOf(s Table) (config.SubjectEvents, bool) {
	for _, i := range d.Mapping.Interactions {
		if i.SubjectTable == s.ref() && i.Through == nil {
			return i, true
		}
	}
	return config.SubjectEvents{}, false
}

// softDelete suggests a generic rule when several tables share a deleted flag (the
// SuiteCRM convention) besides the subjects' own predicates.
func (d *Draft) softDelete(cat *Catalogue, subjects []Table) {
	var with []string
	var flag string
	for _, t := range cat.Tables {
		if c, ok := t.find(deletedFlagRE); ok && !t.IsView {
			with = append(with, t.Name)
			if flag == "" {
				flag = c.Name
			}
		}
	}
	if len(with) < 3 || len(with) <= len(subjects) {
		return
	}
	sd := config.SoftDeleteRule{Tables: []string{"*"}, Column: flag, Predicate: d.ident(flag) + " = 1"}
	for _, t := range cat.Tables {
		if c, ok := t.findTime(regexp.MustCompile(`(?i)^(date_modified|updated_at|modified_at|deleted_at)$`)); ok {
			sd.DeletedAtColumn = c.Name
			break
		}
	}
	d.Mapping.SoftDelete = []config.SoftDeleteRule{sd}
	d.Why["soft_delete"] = fmt.Sprintf("%d tables have a %s flag", len(with), flag)
}

func (d *Draft) requests(cat *Catalogue, subjects []Table) {
	for _, t := range cat.Tables {
		if t.IsView || t.key() == "" {
			continue
		}
		switch {
		case requestNameRE.MatchString(t.Name) && d.Mapping.Erasure == nil:
			rec, ok1 := t.findTime(receivedColRE)
			done, ok2 := t.findTime(completedColRE)
			if !ok1 || !ok2 {
				continue
			}
			e := &config.ErasureMapping{Table: t.ref(), Key: t.key(), ReceivedColumn: rec.Name, CompletedColumn: done.Name}
			if s, fk, ok := referencing(t, subjects); ok {
				e.SubjectKey, e.SubjectTable = fk, s.ref()
			}
			if c, ok := t.find(hashColRE); ok {
				e.HashColumn = c.Name
			}
			if st, ok := t.find(statusColRE); ok {
				if w := pick(t.wordsOf(st.Name), completedWords); len(w) > 0 {
					e.CompletedFilter = inList(d.ident(st.Name), w)
				}
			}
			d.Mapping.Erasure = e
			d.Why["erasure"] = "a request table with received and completed dates"
		case holdNameRE.MatchString(t.Name) && d.Mapping.Holds == nil:
			h := &config.HoldMapping{Table: t.ref(), Key: t.key()}
			if _, fk, ok := referencing(t, subjects); ok {
				h.SubjectKey = fk
			}
			for _, x := range []struct {
				dst  *string
				re   *regexp.Regexp
				time bool
			}{{&h.ReasonColumn, reasonColRE, false}, {&h.OwnerColumn, ownerColRE, false}, {&h.ReviewColumn, reviewColRE, true},
				{&h.ReleasedColumn, releasedColRE, true}, {&h.PlacedColumn, placedColRE, true}} {
				var c rules.TableColumn
				var ok bool
				if x.time {
					c, ok = t.findTime(x.re)
				} else {
					c, ok = t.find(x.re)
				}
				if ok {
					*x.dst = c.Name
				}
			}
			d.Mapping.Holds = h
			d.Why["holds"] = "a legal-hold table"
		case tombNameRE.MatchString(t.Name):
			at, ok := t.findTime(regexp.MustCompile(`(?i)(_at|_on|_date)$|^date_entered$`))
			if !ok {
				continue
			}
			tb := config.TombstoneMapping{Table: t.ref(), AtColumn: at.Name}
			if c, ok := t.category(detect.Email); ok {
				tb.EmailColumn = c.Name
			} else if c, ok := t.find(hashColRE); ok {
				tb.HashColumn = c.Name
			} else {
				continue
			}
			d.Mapping.Tombstones = append(d.Mapping.Tombstones, tb)
		}
	}
	if d.Mapping.Erasure == nil {
		d.Notes = append(d.Notes, "no erasure-request table found")
	}
	if d.Mapping.Holds == nil {
		d.Notes = append(d.Notes, "no legal-hold table found")
	}
}
