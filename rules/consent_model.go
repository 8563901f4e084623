package rules

import (
	"fmt"
	"strings"

	"github.com/gdprscan/gdprscan/config"
)

// The consent rules read consent in three shapes a CRM may keep it in (DOMAIN.md §1):
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
	em   *config.EmailConsentMapping
	t    Table
	link Table
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
	for _, c := range []string{em.Key, em.SubjectKey, em.OptedInAtColumn, em.DoubleOptInAtColumn} {
		if c == "" {
			continue
		}
		if err := e.column(t, c, "mapping.email_consent"); err != nil {
			return nil, err
		}
	}
	out := &emailTable{em: em, t: t}
	if l := em.Link; l != nil {
		lt, err := e.table(l.Table, "mapping.email_consent.link")
		if err != nil {
			return nil, err
		}
		for _, c := range []string{l.AddressKey, l.SubjectKey} {
			if err := e.column(lt, c, "mapping.email_consent.link"); err != nil {
				return nil, err
			}
		}
		out.link = lt
	}
	return out, nil
}

func (a *emailTable) appliesTo(e *Env, s subject) bool {
	if a.em.SubjectTable != "" {
		return e.refersTo(a.em.SubjectTable, s.table)
	}
	subs, _ := e.subjects()
	return len(subs) > 0 && subs[0].table.Name == s.table.Name && subs[0].table.Schema == s.table.Schema
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

// exists is an EXISTS over the subject's addresses (key: the subject key expression)
// matching pred, written over the address table's columns.
func (a *emailTable) exists(e *Env, key, pred string) string {
	d := e.Dialect
	addr := d.Table(a.t.Schema, a.t.Name) + " a"
	if a.em.Link == nil {
		return fmt.Sprintf("EXISTS (SELECT 1 FROM %s WHERE %s = %s AND %s%s)", addr, d.Column("a", a.em.SubjectKey), key, pred, a.live(e))
	}
	l := a.em.Link
	filter := ""
	if l.Filter != "" {
		filter = " AND " + paren(l.Filter)
	}
	return fmt.Sprintf("EXISTS (SELECT 1 FROM %s l WHERE %s = %s%s AND EXISTS (SELECT 1 FROM %s WHERE %s = %s AND %s%s))",
		d.Table(a.link.Schema, a.link.Name), d.Column("l", l.SubjectKey), key, filter,
		addr, d.Column("a", a.em.Key), d.Column("l", l.AddressKey), pred, a.live(e))
}

// subjectOfRow is the subject key of the address row under alias a.
func (a *emailTable) subjectOfRow(e *Env) string {
	d := e.Dialect
	if a.em.Link == nil {
		return d.Column("a", a.em.SubjectKey)
	}
	return fmt.Sprintf("(SELECT MIN(%s) FROM %s l WHERE %s = %s)", d.Column("l", a.em.Link.SubjectKey),
		d.Table(a.link.Schema, a.link.Name), d.Column("l", a.em.Link.AddressKey), d.Column("a", a.em.Key))
}

// events resolves sends, lists or interactions that are about subject s.
func (e *Env) events(list []config.SubjectEvents, what string, s subject) ([]config.SubjectEvents, []Table, error) {
	var out []config.SubjectEvents
	var tables []Table
	for _, ev := range list {
		if !e.appliesTo(ev.SubjectTable, s) {
			continue
		}
		t, err := e.table(ev.Table, what)
		if err != nil {
			return nil, nil, err
		}
		for _, c := range []string{ev.SubjectKey, ev.AtColumn} {
			if c == "" {
				continue
			}
			if err := e.column(t, c, what); err != nil {
				return nil, nil, err
			}
		}
		out = append(out, ev)
		tables = append(tables, t)
	}
	return out, tables, nil
}

// eventExists is an EXISTS over rows of an events table for the subject key expression
// key, after the time expression after when it is set.
func (e *Env) eventExists(ev config.SubjectEvents, t Table, alias, key, after string) string {
	d := e.Dialect
	conds := []string{d.Column(alias, ev.SubjectKey) + " = " + key}
	if after != "" {
		conds = append(conds, d.Column(alias, ev.AtColumn)+" > "+after)
	}
	if ev.Filter != "" {
		conds = append(conds, paren(ev.Filter))
	}
	return fmt.Sprintf("EXISTS (SELECT 1 FROM %s %s WHERE %s%s)", d.Table(t.Schema, t.Name), alias, strings.Join(conds, " AND "), e.live(t))
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
		sends, st, err := e.events(e.Mapping().Sends, "mapping.sends", s)
		if err != nil {
			return "", nil, err
		}
		for i, x := range sends {
			preds = append(preds, e.eventExists(x, st[i], "x", key, since))
			what = append(what, "sent marketing in "+x.Table+" afterwards")
		}
	}
	return orAll(preds), what, nil
}
