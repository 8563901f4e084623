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
	dialect interface{ Ident(string) string }
}

// Suggest drafts a mapping from the catalogue.
func Suggest(cat *Catalogue) *Draft {
	d := &Draft{Why: map[string]string{}, dialect: cat.Dialect}
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

// flagOn is the predicate "flag is set" for the column's type.
func (d *Draft) flagOn(c rules.TableColumn) string {
	if isBool(c) {
		return d.ident(c.Name) + " = TRUE"
	}
	return d.ident(c.Name) + " = 1"
}

func (d *Draft) subjects(cat *Catalogue) []Table {
	var out []Table
	for _, t := range cat.Tables {
		if t.IsView || t.key() == "" || rules.IsShadowCopy(t.Schema, t.Name) {
			continue
		}
		if requestNameRE.MatchString(t.Name) || tombNameRE.MatchString(t.Name) || holdNameRE.MatchString(t.Name) ||
			consentNameRE.MatchString(t.Name) || emailTableRE.MatchString(t.Name) {
			continue
		}
		_, email := t.category(detect.Email)
		_, name := t.category(detect.PersonName)
		_, phone := t.category(detect.Phone)
		if !(email && (name || phone)) && !(personNameRE.MatchString(t.Name) && (email || name)) {
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
		}
		if c, ok := t.find(optInColRE); ok && !isTime(c) {
			s.Marketable = d.flagOn(c)
		}
		if c, ok := t.find(optOutColRE); ok && !isTime(c) {
			s.OptedOut = d.flagOn(c)
			if s.Marketable == "" {
				why = append(why, "marketable taken as not opted out: change it if your policy is consent-based")
				s.Marketable = "NOT (" + s.OptedOut + ")"
			}
			if c, ok := t.findTime(optOutAtColRE); ok {
				s.OptedOutAtColumn = c.Name
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

func pick(words []string, vocab []string) []string {
	var out []string
	for _, w := range words {
		if slices.Contains(vocab, strings.ToLower(w)) {
			out = append(out, w)
		}
	}
	return out
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
			for _, w := range t.wordsOf(purpose.Name) {
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

func (d *Draft) emailConsent(cat *Catalogue, subjects []Table) {
	if len(subjects) == 0 {
		return
	}
	for _, t := range cat.Tables {
		if t.IsView || !emailTableRE.MatchString(t.Name) || t.key() == "" {
			continue
		}
		if _, ok := t.category(detect.Email); !ok {
			continue
		}
		em := &config.EmailConsentMapping{Table: t.ref(), Key: t.key()}
		if c, ok := t.find(regexp.MustCompile(`(?i)^(confirm_)?opt_?in(_status)?$`)); ok {
			em.OptedIn = d.ident(c.Name) + " IN ('opt-in', 'confirmed-opt-in')"
			if isBool(c) || strings.Contains(strings.ToLower(c.DataType), "int") {
				em.OptedIn = d.flagOn(c)
			}
		}
		if c, ok := t.find(optOutColRE); ok {
			em.OptedOut = d.flagOn(c)
		}
		if em.OptedIn == "" && em.OptedOut == "" {
			continue
		}
		if c, ok := t.findTime(doiColRE); ok {
			em.DoubleOptInAtColumn = c.Name
		}
		if c, ok := t.find(deletedFlagRE); ok {
			em.SoftDeleted = d.flagOn(c)
		}
		if s, fk, ok := referencing(t, subjects); ok {
			em.SubjectKey, em.SubjectTable = fk, s.ref()
		} else {
			// SuiteCRM style: a relation table with the address key and a bean/parent key.
			addrFK := map[string]bool{singular(strings.ToLower(t.Name)) + "_id": true, "email_address_id": true, "email_id": true}
			for _, l := range cat.Tables {
				var a, b string
				for _, c := range l.Columns {
					n := strings.ToLower(c.Name)
					if addrFK[n] {
						a = c.Name
					}
					if n == "bean_id" || n == "parent_id" || n == "contact_id" || n == "person_id" {
						b = c.Name
					}
				}
				if a != "" && b != "" {
					em.Link = &config.EmailLink{Table: l.ref(), AddressKey: a, SubjectKey: b}
					if c, ok := l.find(regexp.MustCompile(`(?i)^(bean_module|parent_type)$`)); ok {
						em.Link.Filter = d.ident(c.Name) + " = 'Contacts'"
					}
					em.SubjectTable = subjects[0].ref()
					break
				}
			}
			if em.Link == nil {
				continue
			}
		}
		d.Mapping.EmailConsent = em
		d.Why["email_consent"] = "an email-address table with opt-in/opt-out columns"
		return
	}
}

// events suggests sends, interactions and logs from activity-like tables, and lists.
func (d *Draft) events(cat *Catalogue, subjects []Table) {
	for _, t := range cat.Tables {
		if t.IsView || rules.IsShadowCopy(t.Schema, t.Name) {
			continue
		}
		s, fk, ok := referencing(t, subjects)
		if !ok {
			continue
		}
		if listNameRE.MatchString(t.Name) {
			d.Mapping.Lists = append(d.Mapping.Lists, config.SubjectEvents{Table: t.ref(), SubjectKey: fk, SubjectTable: s.ref()})
			continue
		}
		if !activityNameRE.MatchString(t.Name) || consentNameRE.MatchString(t.Name) {
			continue
		}
		at, ok := t.findTime(regexp.MustCompile(`(?i)^(occurred|sent|happened|event|activity|visited|created)(_at|_on|_date|_time)$|^(timestamp|activity_date|event_date|date_entered)$`))
		if !ok {
			continue
		}
		ev := config.SubjectEvents{Table: t.ref(), SubjectKey: fk, SubjectTable: s.ref(), AtColumn: at.Name}
		if typ, ok := t.find(typeColRE); ok {
			var sends, inter []string
			for _, w := range t.wordsOf(typ.Name) {
				if sendWord.MatchString(w) {
					sends = append(sends, w)
				}
				if interactionWord.MatchString(w) {
					inter = append(inter, w)
				}
			}
			if len(sends) > 0 {
				x := ev
				x.Filter = inList(d.ident(typ.Name), sends)
				d.Mapping.Sends = append(d.Mapping.Sends, x)
			}
			if len(inter) > 0 {
				x := ev
				x.Filter = inList(d.ident(typ.Name), inter)
				d.Mapping.Interactions = append(d.Mapping.Interactions, x)
			}
		}
		d.Mapping.Logs = append(d.Mapping.Logs, config.LogTable{Table: t.ref(), AtColumn: at.Name})
	}
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
		and := func(parts ...string) string {
			var out []string
			for _, p := range parts {
				if p != "" {
					out = append(out, p)
				}
			}
			return strings.Join(out, " AND ")
		}
		switch {
		case leadNameRE.MatchString(s.Name):
			created, ok := s.findTime(createdColRE)
			if !ok {
				d.Notes = append(d.Notes, "no creation date on "+s.Name+": add its retention rule by hand")
				continue
			}
			anchor := d.ident(created.Name)
			if in, ok := s.findTime(inboundColRE); ok {
				anchor = "COALESCE(" + d.ident(in.Name) + ", " + d.ident(created.Name) + ")"
			}
			filter := live
			if st, ok := s.find(regexp.MustCompile(`(?i)^(status|lead_status|stage|lifecycle_stage)$`)); ok && slices.Contains(s.wordsOf(st.Name), "converted") {
				filter = and(d.ident(st.Name)+" <> 'converted'", live)
			}
			if c, ok := s.find(regexp.MustCompile(`(?i)^is_?converted$`)); ok {
				filter = and("NOT ("+d.flagOn(c)+")", live)
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
