package rules

import (
	"fmt"
	"strings"

	"github.com/gdprscan/gdprscan/config"
)

// The consent rules read consent in three shapes a CRM may keep it in (docs/rule-catalogue.md §1):
// a consent-event table (mapping.consent), per-address opt-ins on an email-address table
// (mapping.email_consent), and flags on the subject row itself (subjects[].marketable,
// opted_out, lawful_basis_column). This file resolves the first two.

// consentTable is mapping.consent resolved against the catalogue.
type consentTable struct {
	cm *config.ConsentMapping
	t  Table
}

// consentShapes resolves every shape consent is kept in: the consent-event table and
// the email-address table (each nil when not mapped) and the subject tables.
func (e *Env) consentShapes() (*consentTable, *emailTable, []subject, error) {
	ct, err := e.consent()
	if err != nil {
		return nil, nil, nil, err
	}
	et, err := e.emailConsent()
	if err != nil {
		return nil, nil, nil, err
	}
	subs, err := e.subjects()
	if err != nil {
		return nil, nil, nil, err
	}
	return ct, et, subs, nil
}

// consent resolves mapping.consent; nil without error when it is not mapped.
func (e *Env) consent() (*consentTable, error) {
	cm := e.Mapping().Consent
	if cm == nil {
		return nil, nil
	}
	t, err := e.table(cm.Table, "mapping.consent")
	if err != nil {
		return nil, err
	}
	cols := []string{cm.SubjectKey, cm.PurposeColumn, cm.StatusColumn, cm.ChannelColumn, cm.LawfulBasisColumn,
		cm.CapturedAtColumn, cm.CaptureMethodColumn, cm.CaptureSourceColumn, cm.NoticeVersionColumn, cm.ProofRefColumn,
		cm.DoubleOptInAtColumn, cm.WithdrawnAtColumn, cm.ReconfirmedAtColumn, cm.ParentalConsentColumn}
	for _, c := range cols {
		if c == "" {
			continue
		}
		if err := e.column(t, c, "mapping.consent"); err != nil {
			return nil, err
		}
	}
	return &consentTable{cm: cm, t: t}, nil
}

func (c *consentTable) from(e *Env, alias string) string {
	return e.Dialect.Table(c.t.Schema, c.t.Name) + " " + alias
}

func (c *consentTable) col(e *Env, alias, name string) string { return e.Dialect.Column(alias, name) }

// granted is true for rows in a granted status.
func (c *consentTable) granted(e *Env, alias string) string {
	return textIn(e.Dialect, c.col(e, alias, c.cm.StatusColumn), c.cm.GrantedValues)
}

// withdrawn is true for rows in a withdrawn status or with a withdrawal date.
func (c *consentTable) withdrawn(e *Env, alias string) string {
	p := textIn(e.Dialect, c.col(e, alias, c.cm.StatusColumn), c.cm.WithdrawnValues)
	if c.cm.WithdrawnAtColumn != "" {
		p = "(" + p + " OR " + c.col(e, alias, c.cm.WithdrawnAtColumn) + " IS NOT NULL)"
	}
	return p
}

// withdrawnAt is when a withdrawal row took effect.
func (c *consentTable) withdrawnAt(e *Env, alias string) string {
	captured := c.col(e, alias, c.cm.CapturedAtColumn)
	if c.cm.WithdrawnAtColumn == "" {
		return captured
	}
	return "COALESCE(" + c.col(e, alias, c.cm.WithdrawnAtColumn) + ", " + captured + ")"
}

// sameStream is true when the rows under a and b are about the same subject, purpose
// and (when mapped) channel.
func (c *consentTable) sameStream(e *Env, a, b string) string {
	p := fmt.Sprintf("%s = %s AND %s = %s", c.col(e, b, c.cm.SubjectKey), c.col(e, a, c.cm.SubjectKey),
		c.col(e, b, c.cm.PurposeColumn), c.col(e, a, c.cm.PurposeColumn))
	if c.cm.ChannelColumn != "" {
		p += fmt.Sprintf(" AND %s = %s", c.col(e, b, c.cm.ChannelColumn), c.col(e, a, c.cm.ChannelColumn))
	}
	return p
}

// latest is true when no later row of the same stream supersedes the row under alias
// (history is kept: a grant followed by a withdrawal is withdrawn). Needs captured_at.
func (c *consentTable) latest(e *Env, alias string) string {
	return fmt.Sprintf("NOT EXISTS (SELECT 1 FROM %s WHERE %s AND %s > %s%s)",
		c.from(e, "n"), c.sameStream(e, alias, "n"), c.col(e, "n", c.cm.CapturedAtColumn),
		c.col(e, alias, c.cm.CapturedAtColumn), e.live(c.t))
}

// forMarketing restricts rows to the marketing purpose (and channel when mapped).
func (c *consentTable) forMarketing(e *Env, alias string) string {
	d := e.Dialect
	p := c.col(e, alias, c.cm.PurposeColumn) + " = " + d.String(c.cm.MarketingPurpose)
	if c.cm.MarketingChannel != "" {
		p += " AND " + textIn(d, c.col(e, alias, c.cm.ChannelColumn), []string{c.cm.MarketingChannel, "any"})
	}
	return p
}

// grantedFor is an EXISTS over granted, live rows of subject key expression key, with
// extra conditions on the row under alias c.
func (c *consentTable) grantedFor(e *Env, key string, extra ...string) string {
	conds := []string{c.col(e, "c", c.cm.SubjectKey) + " = " + key, c.granted(e, "c")}
	conds = append(conds, extra...)
	return fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE %s%s)", c.from(e, "c"), strings.Join(conds, " AND "), e.live(c.t))
}

// appliesTo reports whether the consent table is about subject s.
func (c *consentTable) appliesTo(e *Env, s subject) bool { return e.appliesTo(c.cm.SubjectTable, s) }

// emailTable is mapping.email_consent resolved against the catalogue.
type emailTable struct {
	em    *config.EmailConsentMapping
	t     Table
	links []emailLink // none when the address row holds the subject key
}

// emailLink is one relation from addresses to one subject table.
type emailLink struct {
	cfg config.EmailLink
	t   Table
}

func (e *Env) emailConsent() (*emailTable, error) {
	em := e.Mapping().EmailConsent
	if em == nil {
		return nil, nil
	}
	t, err := e.table(em.Table, "mapping.email_consent")
	if err != nil {
		return nil, err
	}
	for _, c := range []string{em.Key, em.SubjectKey, em.OptedInAtColumn, em.DoubleOptInAtColumn, em.OptedOutAtColumn} {
		if c == "" {
			continue
		}
		if err := e.column(t, c, "mapping.email_consent"); err != nil {
			return nil, err
		}
	}
	out := &emailTable{em: em, t: t}
	links := em.Links
	if em.Link != nil {
		l := *em.Link
		if l.SubjectTable == "" {
			l.SubjectTable = em.SubjectTable
		}
		links = []config.EmailLink{l}
	}
	for _, l := range links {
		lt, err := e.table(l.Table, "mapping.email_consent.link")
		if err != nil {
			return nil, err
		}
		for _, c := range []string{l.AddressKey, l.SubjectKey} {
			if err := e.column(lt, c, "mapping.email_consent.link"); err != nil {
				return nil, err
			}
		}
		out.links = append(out.links, emailLink{cfg: l, t: lt})
	}
	return out, nil
}

// isFirstSubject reports whether s is the first mapped subject, the default of a
// subject_table left out.
func (e *Env) isFirstSubject(s subject) bool {
	subs, _ := e.subjects()
	return len(subs) > 0 && subs[0].table.Name == s.table.Name && subs[0].table.Schema == s.table.Schema
}

func (a *emailTable) appliesTo(e *Env, s subject) bool {
	if len(a.links) > 0 {
		_, ok := a.linkFor(e, s)
		return ok
	}
	if a.em.SubjectTable != "" {
		return e.refersTo(a.em.SubjectTable, s.table)
	}
	return e.isFirstSubject(s)
}

// linkFor returns the relation that leads from addresses to subject s.
func (a *emailTable) linkFor(e *Env, s subject) (emailLink, bool) {
	for _, l := range a.links {
		if l.cfg.SubjectTable == "" && e.isFirstSubject(s) || l.cfg.SubjectTable != "" && e.refersTo(l.cfg.SubjectTable, s.table) {
			return l, true
		}
	}
	return emailLink{}, false
}

// live is the address table's soft-delete condition.
func (a *emailTable) live(e *Env) string {
	if a.em.SoftDeleted != "" {
		return notDeleted(a.em.SoftDeleted)
	}
	return e.live(a.t)
}

// good is true for an address the subject may be emailed at: opted in and not out.
func (a *emailTable) good() string {
	switch {
	case a.em.OptedIn != "" && a.em.OptedOut != "":
		return paren(a.em.OptedIn) + " AND NOT " + paren(a.em.OptedOut)
	case a.em.OptedIn != "":
		return paren(a.em.OptedIn)
	}
	return "NOT " + paren(a.em.OptedOut)
}

// linked is the condition, over the link row under alias l, that it is a live link of
// the subject key expression key.
func (l emailLink) linked(e *Env, key string) string {
	p := e.Dialect.Column("l", l.cfg.SubjectKey) + " = " + key
	if l.cfg.Filter != "" {
		p += " AND " + paren(l.cfg.Filter)
	}
	return p + e.live(l.t)
}

// over selects sel from subject s's addresses (key: the subject key expression)
// matching pred, written over the address table's columns: "1" for EXISTS, "MAX(…)" for
// a time. Each mapped predicate sits in a query whose innermost table is its own.
func (a *emailTable) over(e *Env, s subject, sel, key, pred string) string {
	d := e.Dialect
	addr := d.Table(a.t.Schema, a.t.Name) + " a"
	l, ok := a.linkFor(e, s)
	if !ok {
		return fmt.Sprintf("SELECT %s FROM %s WHERE %s = %s AND %s%s", sel, addr, d.Column("a", a.em.SubjectKey), key, pred, a.live(e))
	}
	return fmt.Sprintf("SELECT %s FROM %s WHERE %s%s AND EXISTS (SELECT 1 FROM %s l WHERE %s = %s AND %s)", sel, addr, pred, a.live(e),
		d.Table(l.t.Schema, l.t.Name), d.Column("l", l.cfg.AddressKey), d.Column("a", a.em.Key), l.linked(e, key))
}

// exists is an EXISTS over subject s's addresses matching pred.
func (a *emailTable) exists(e *Env, s subject, key, pred string) string {
	return "EXISTS (" + a.over(e, s, "1", key, pred) + ")"
}

// optedOutAt is when subject s's last address was opted out ("" when the mapping does not
// say): with every address opted out, the subject is opted out from then on.
func (a *emailTable) optedOutAt(e *Env, s subject, key string) string {
	if a.em.OptedOutAtColumn == "" || a.em.OptedOut == "" {
		return ""
	}
	return "(" + a.over(e, s, "MAX("+e.Dialect.Column("a", a.em.OptedOutAtColumn)+")", key, paren(a.em.OptedOut)) + ")"
}

// subjectOfRow is the subject key of the address row under alias a.
func (a *emailTable) subjectOfRow(e *Env) string {
	d := e.Dialect
	if len(a.links) == 0 {
		return d.Column("a", a.em.SubjectKey)
	}
	var subs []string
	for _, l := range a.links {
		filter := ""
		if l.cfg.Filter != "" {
			filter = " AND " + paren(l.cfg.Filter)
		}
		subs = append(subs, fmt.Sprintf("(SELECT MIN(%s) FROM %s l WHERE %s = %s%s)", d.Column("l", l.cfg.SubjectKey),
			d.Table(l.t.Schema, l.t.Name), d.Column("l", l.cfg.AddressKey), d.Column("a", a.em.Key), filter))
	}
	if len(subs) == 1 {
		return subs[0]
	}
	return "COALESCE(" + strings.Join(subs, ", ") + ")"
}

// events resolves sends, lists or interactions that are about subject s. through holds
// each entry's through table, zero when it has none.
func (e *Env) events(list []config.SubjectEvents, what string, s subject) ([]config.SubjectEvents, []eventTables, error) {
	var out []config.SubjectEvents
	var tables []eventTables
	for _, ev := range list {
		if !e.appliesTo(ev.SubjectTable, s) {
			continue
		}
		t, err := e.table(ev.Table, what)
		if err != nil {
			return nil, nil, err
		}
		et := eventTables{t: t}
		keyOn := t
		if th := ev.Through; th != nil {
			if et.through, err = e.table(th.Table, what+" through"); err != nil {
				return nil, nil, err
			}
			if err := e.column(et.through, th.Key, what+" through"); err != nil {
				return nil, nil, err
			}
			if err := e.column(t, th.Column, what); err != nil {
				return nil, nil, err
			}
			keyOn = et.through
		}
		if err := e.column(keyOn, ev.SubjectKey, what); err != nil {
			return nil, nil, err
		}
		if ev.AtColumn != "" {
			if err := e.column(t, ev.AtColumn, what); err != nil {
				return nil, nil, err
			}
		}
		out = append(out, ev)
		tables = append(tables, et)
	}
	return out, tables, nil
}

// eventTables are an events entry's table and its through table.
type eventTables struct {
	t, through Table
}

// eventExists is an EXISTS over rows of an events table for the subject key expression
// key, after the time expression after when it is set.
func (e *Env) eventExists(ev config.SubjectEvents, et eventTables, alias, key, after string) string {
	return "EXISTS (" + e.eventQuery(ev, et, "1", alias, key, after) + ")"
}

// eventLast is the time of the subject's latest event of the entry.
func (e *Env) eventLast(ev config.SubjectEvents, et eventTables, alias, key string) string {
	return "(" + e.eventQuery(ev, et, "MAX("+e.Dialect.Column(alias, ev.AtColumn)+")", alias, key, "") + ")"
}

func (e *Env) eventQuery(ev config.SubjectEvents, et eventTables, sel, alias, key, after string) string {
	d := e.Dialect
	t := et.t
	subjectIs := d.Column(alias, ev.SubjectKey) + " = " + key
	if th := ev.Through; th != nil {
		subjectIs = fmt.Sprintf("EXISTS (SELECT 1 FROM %s q WHERE %s = %s AND %s = %s)", d.Table(et.through.Schema, et.through.Name),
			d.Column("q", th.Key), d.Column(alias, th.Column), d.Column("q", ev.SubjectKey), key)
	}
	conds := []string{subjectIs}
	if after != "" {
		conds = append(conds, d.Column(alias, ev.AtColumn)+" > "+after)
	}
	if ev.Filter != "" {
		conds = append(conds, paren(ev.Filter))
	}
	return fmt.Sprintf("SELECT %s FROM %s %s WHERE %s%s", sel, d.Table(t.Schema, t.Name), alias, strings.Join(conds, " AND "), e.live(t))
}

// marketed is the condition, over subject s's row under alias s, that the subject is
// marketed to: flagged marketable or on a marketing list. what says why; both are empty
// when the mapping shows neither.
func (e *Env) marketed(s subject) (string, []string, error) {
	var preds, what []string
	if s.cfg.Marketable != "" {
		preds = append(preds, paren(s.cfg.Marketable))
		what = append(what, "marketable ("+s.cfg.Marketable+")")
	}
	lists, lt, err := e.events(e.Mapping().Lists, "mapping.lists", s)
	if err != nil {
		return "", nil, err
	}
	key := e.Dialect.Column("s", s.cfg.Key)
	for i, l := range lists {
		preds = append(preds, e.eventExists(l, lt[i], "l", key, ""))
		what = append(what, "on a list in "+l.Table)
	}
	if len(preds) == 0 {
		return "", nil, nil
	}
	return orAll(preds), what, nil
}

// sentAfter is the condition that subject s (key expression key) was sent marketing
// after the time expression since.
func (e *Env) sentAfter(s subject, key, since string) (string, []string, error) {
	sends, st, err := e.events(e.Mapping().Sends, "mapping.sends", s)
	if err != nil {
		return "", nil, err
	}
	var preds, what []string
	for i, x := range sends {
		preds = append(preds, e.eventExists(x, st[i], "x", key, since))
		what = append(what, "sent marketing in "+x.Table+" afterwards")
	}
	return orAll(preds), what, nil
}

// stillProcessed says how a subject (key expression key) is still processed for
// marketing after withdrawing at time since ("" when unknown): marketable, on a list,
// or sent marketing after the withdrawal. marketable is the subject-row condition, or ""
// to look it up in the subject table.
func (e *Env) stillProcessed(s subject, key, since string, direct bool) (string, []string, error) {
	d := e.Dialect
	var preds, what []string
	if s.cfg.Marketable != "" {
		if direct {
			preds = append(preds, paren(s.cfg.Marketable))
		} else {
			preds = append(preds, fmt.Sprintf("EXISTS (SELECT 1 FROM %s m WHERE %s = %s AND %s%s)",
				d.Table(s.table.Schema, s.table.Name), d.Column("m", s.cfg.Key), key, paren(s.cfg.Marketable), e.live(s.table)))
		}
		what = append(what, "still marketable ("+s.cfg.Marketable+")")
	}
	lists, lt, err := e.events(e.Mapping().Lists, "mapping.lists", s)
	if err != nil {
		return "", nil, err
	}
	for i, l := range lists {
		preds = append(preds, e.eventExists(l, lt[i], "l", key, ""))
		what = append(what, "on a list in "+l.Table)
	}
	if since != "" {
		p, w, err := e.sentAfter(s, key, since)
		if err != nil {
			return "", nil, err
		}
		if len(w) > 0 {
			preds, what = append(preds, p), append(what, w...)
		}
	}
	return orAll(preds), what, nil
}
