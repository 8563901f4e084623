package rules

import (
	"fmt"
	"slices"
	"strings"
)

// MarketedWithoutConsent is CNS-01: people the CRM markets to with no granted consent on
// record for the marketing purpose (Art. 6(1)(a), 7(1): the controller must be able to
// show consent). Consent counts from a consent-event table (granted, for the marketing
// purpose) or an email-address table (an address opted in and not out).
func MarketedWithoutConsent() Rule {
	return newRule(Meta{
		ID:          "CNS-01",
		Title:       "Marketed without a consent record",
		Family:      Consent,
		Articles:    []string{"Art. 6(1)(a)", "Art. 7(1)"},
		Severity:    SeverityLimited,
		Likelihood:  4,
		Principle:   "lawfulness",
		Needs:       "mapping.subjects[].marketable or mapping.lists, and mapping.consent (with marketing_purpose) or mapping.email_consent",
		Remediation: "Stop marketing these people until consent is captured with proof (re-permission campaign), or record the lawful basis that really applies.",
		Matches:     "Subjects matching the marketable predicate or on a mapped list (live membership matching its filter), not soft-deleted, with no granted consent row for the marketing purpose (and channel, when `marketing_channel` is set) and no address opted in and not out",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, et, subs, err := env.consentShapes()
		if err != nil {
			return nil, err
		}
		if (ct == nil || ct.cm.MarketingPurpose == "") && et == nil {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		var out []Check
		for _, s := range subs {
			marketed, why, err := env.marketed(s)
			if err != nil {
				return nil, err
			}
			if marketed == "" {
				continue
			}
			key := d.Column("s", s.cfg.Key)
			var missing, from []string
			if ct != nil && ct.cm.MarketingPurpose != "" && ct.appliesTo(env, s) {
				missing = append(missing, "NOT "+ct.grantedFor(env, key, ct.forMarketing(env, "c")))
				from = append(from, fmt.Sprintf("no %s consent in %s", ct.cm.MarketingPurpose, ct.t.Name))
			}
			if et != nil && et.appliesTo(env, s) {
				missing = append(missing, "NOT "+et.exists(env, s, key, et.good()))
				from = append(from, "no opted-in address in "+et.t.Name)
			}
			if len(missing) == 0 {
				continue
			}
			where := marketed + env.live(s.table) + "\n  AND " + strings.Join(missing, "\n  AND ")
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name},
				Offending: offending(key, key, "NULL", d.Table(s.table.Schema, s.table.Name)+" s", where),
				Detail:    fmt.Sprintf("%s with %s", strings.Join(why, " or "), strings.Join(from, " and ")),
			})
		}
		if len(out) == 0 {
			return nil, needs("mapping.subjects[].marketable or mapping.lists")
		}
		return out, nil
	})
}

// ConsentLacksProof is CNS-02: consent the controller relies on but could not prove
// (Art. 7(1), Recital 42): when it was given, how, from where, against which notice.
func ConsentLacksProof() Rule {
	return newRule(Meta{
		ID:          "CNS-02",
		Title:       "Consent record lacks proof elements",
		Family:      Consent,
		Articles:    []string{"Art. 7(1)", "Recital 42"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "lawfulness (demonstrable consent)",
		Needs:       "mapping.consent with proof columns (captured_at, capture_method, capture_source, notice_version, proof_ref) or mapping.email_consent with opted_in and an opt-in date column",
		Remediation: "Re-collect these consents with full proof (timestamp, method, source, notice version; double opt-in for email) or stop relying on them.",
		Matches:     "Granted consent rows with no subject, or a NULL or empty `captured_at`, `capture_method`, `capture_source`, `notice_version` or `proof_ref` (those mapped), or a method in `weak_methods` (import, unknown). Scope `email-opt-in`: opted-in addresses with no opt-in date or no double opt-in confirmation",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, err := env.consent()
		if err != nil {
			return nil, err
		}
		et, err := env.emailConsent()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		if ct != nil {
			cm := ct.cm
			var gaps, names []string
			gaps = append(gaps, ct.col(env, "c", cm.SubjectKey)+" IS NULL")
			for _, p := range []struct{ col, name string }{
				{cm.CapturedAtColumn, "captured_at"}, {cm.CaptureMethodColumn, "capture_method"},
				{cm.CaptureSourceColumn, "capture_source"}, {cm.NoticeVersionColumn, "notice_version"},
				{cm.ProofRefColumn, "proof_ref"},
			} {
				if p.col == "" {
					continue
				}
				c, _ := ct.t.Column(p.col)
				gaps = append(gaps, missing(d, ct.col(env, "c", p.col), c))
				names = append(names, p.name)
			}
			if cm.CaptureMethodColumn != "" {
				gaps = append(gaps, valueIn(d, ct.col(env, "c", cm.CaptureMethodColumn), cm.WeakMethods))
			}
			if len(names) > 0 {
				since := "NULL"
				if cm.CapturedAtColumn != "" {
					since = ct.col(env, "c", cm.CapturedAtColumn)
				}
				where := ct.granted(env, "c") + env.live(ct.t) + "\n  AND " + orAll(gaps)
				detail := "granted consent with no " + strings.Join(names, ", no ")
				if cm.CaptureMethodColumn != "" {
					detail += ", or captured by " + strings.Join(cm.WeakMethods, "/")
				}
				out = append(out, Check{
					Location:  Location{Schema: ct.t.Schema, Table: ct.t.Name},
					Offending: offending(rowKey(d, "c", ct.t), ct.col(env, "c", cm.SubjectKey), since, ct.from(env, "c"), where),
					Detail:    detail,
				})
			}
		}
		if et != nil && et.em.OptedIn != "" && (et.em.OptedInAtColumn != "" || et.em.DoubleOptInAtColumn != "") {
			var gaps, names []string
			since := "NULL"
			for _, c := range []struct{ col, name string }{{et.em.OptedInAtColumn, "opt-in date"}, {et.em.DoubleOptInAtColumn, "double opt-in confirmation"}} {
				if c.col == "" {
					continue
				}
				gaps = append(gaps, d.Column("a", c.col)+" IS NULL")
				names = append(names, c.name)
				if since == "NULL" {
					since = d.Column("a", c.col)
				}
			}
			where := et.good() + et.live(env) + "\n  AND " + orAll(gaps)
			out = append(out, Check{
				Location:  Location{Schema: et.t.Schema, Table: et.t.Name},
				Scope:     "email-opt-in",
				Offending: offending(d.Column("a", et.em.Key), et.subjectOfRow(env), since, d.Table(et.t.Schema, et.t.Name)+" a", where),
				Detail:    "opted-in addresses with no " + strings.Join(names, " or no "),
			})
		}
		if len(out) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

// ProcessedAfterWithdrawal is CNS-03: people who withdrew consent or objected and are
// still marketed to: still flagged marketable, still on a list, or sent marketing after
// the withdrawal (Art. 7(3), 21(3)). One check per shape the withdrawal is kept in.
func ProcessedAfterWithdrawal() Rule {
	return newRule(Meta{
		ID:          "CNS-03",
		Title:       "Processing after withdrawal or objection",
		Family:      Consent,
		Articles:    []string{"Art. 7(3)", "Art. 21(3)", "Art. 17(1)(b)"},
		Severity:    SeveritySignificant,
		Likelihood:  4,
		Principle:   "lawfulness (withdrawal honoured)",
		Needs:       "a withdrawal (mapping.consent with captured_at_column, subjects[].opted_out, a lawful_basis_column saying withdrawn, mapping.withdrawals, or mapping.email_consent.opted_out) and what shows processing (subjects[].marketable, mapping.lists, or mapping.sends with a withdrawal time: opted_out_at_column)",
		Remediation: "Suppress these people from every list and campaign now, clear the marketable flag, and fix the sync that re-adds them; keep a minimal suppression record.",
		Matches:     "Scope `consent-withdrawn`: the latest marketing-purpose row of a subject is withdrawn (status or `withdrawn_at`), yet the subject is marketable, on a list, or sent marketing after the withdrawal. Scope `opted-out`: an opted-out subject still marketable, listed or sent to after `opted_out_at`. Scope `email-opted-out`: every address opted out, yet marketable, listed, or sent to after the last address opt-out (`opted_out_at_column`). Scope `basis-withdrawn`: the basis column holds `withdrawn` (`basis_values`), yet marketable or listed. Scope `unsubscribed`: sent marketing after the subject's last withdrawal event",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, et, subs, err := env.consentShapes()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		if ct != nil && ct.cm.CapturedAtColumn != "" && ct.cm.MarketingPurpose != "" {
			key := ct.col(env, "w", ct.cm.SubjectKey)
			since := ct.withdrawnAt(env, "w")
			var preds, what []string
			for _, s := range subs {
				if !ct.appliesTo(env, s) {
					continue
				}
				p, w, err := env.stillProcessed(s, key, since, false)
				if err != nil {
					return nil, err
				}
				if len(w) > 0 {
					preds, what = append(preds, p), append(what, w...)
				}
			}
			if len(preds) > 0 {
				where := ct.forMarketing(env, "w") + " AND " + ct.withdrawn(env, "w") + env.live(ct.t) +
					"\n  AND " + ct.latest(env, "w") + "\n  AND " + orAll(preds)
				out = append(out, Check{
					Location:  Location{Schema: ct.t.Schema, Table: ct.t.Name},
					Scope:     "consent-withdrawn",
					Offending: offending(rowKey(d, "w", ct.t), key, since, ct.from(env, "w"), where),
					Detail:    fmt.Sprintf("latest %s consent withdrawn, yet %s", ct.cm.MarketingPurpose, strings.Join(what, " or ")),
				})
			}
		}
		for _, s := range subs {
			key := d.Column("s", s.cfg.Key)
			from := d.Table(s.table.Schema, s.table.Name) + " s"
			if s.cfg.OptedOut != "" {
				since := ""
				if s.cfg.OptedOutAtColumn != "" {
					since = d.Column("s", s.cfg.OptedOutAtColumn)
				}
				p, what, err := env.stillProcessed(withoutMarketableIfSame(s), key, since, true)
				if err != nil {
					return nil, err
				}
				if len(what) > 0 {
					sinceCol := since
					if sinceCol == "" {
						sinceCol = "NULL"
					}
					out = append(out, Check{
						Location:  Location{Schema: s.table.Schema, Table: s.table.Name},
						Scope:     "opted-out",
						Offending: offending(key, key, sinceCol, from, paren(s.cfg.OptedOut)+env.live(s.table)+"\n  AND "+p),
						Detail:    fmt.Sprintf("opted out (%s), yet %s", s.cfg.OptedOut, strings.Join(what, " or ")),
					})
				}
			}
			withdrawals, wt, err := env.events(env.Mapping().Withdrawals, "mapping.withdrawals", s)
			if err != nil {
				return nil, err
			}
			for i, w := range withdrawals {
				// Only sends after the last unsubscribe count: an unsubscribe may be from one
				// list (CiviCRM groups), so other lists and flags prove nothing.
				since := env.eventLast(w, wt[i], "w", key)
				p, what, err := env.sentAfter(s, key, since)
				if err != nil {
					return nil, err
				}
				if len(what) == 0 {
					continue
				}
				scope := "unsubscribed"
				if len(withdrawals) > 1 {
					scope += ":" + w.Table
				}
				out = append(out, Check{
					Location:  Location{Schema: s.table.Schema, Table: s.table.Name},
					Scope:     scope,
					Offending: offending(key, key, since, from, env.eventExists(w, wt[i], "w", key, "")+env.live(s.table)+"\n  AND "+p),
					Detail:    fmt.Sprintf("unsubscribed in %s, yet %s", w.Table, strings.Join(what, " or ")),
				})
			}
			if s.cfg.LawfulBasisColumn != "" {
				// SuiteCRM's lawful_basis multi-select has a "withdrawn" item.
				p, what, err := env.stillProcessed(s, key, "", true)
				if err != nil {
					return nil, err
				}
				if len(what) > 0 {
					out = append(out, Check{
						Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: s.cfg.LawfulBasisColumn},
						Scope:     "basis-withdrawn",
						Offending: offending(key, key, "NULL", from, env.basisIs(d.Column("s", s.cfg.LawfulBasisColumn), "withdrawn")+env.live(s.table)+"\n  AND "+p),
						Detail:    fmt.Sprintf("lawful basis in %s says withdrawn, yet %s", s.cfg.LawfulBasisColumn, strings.Join(what, " or ")),
					})
				}
			}
			if et != nil && et.em.OptedOut != "" && et.appliesTo(env, s) {
				// Sends count only after the opt-out, so only when the mapping says when.
				since := et.optedOutAt(env, s, key)
				p, what, err := env.stillProcessed(s, key, since, true)
				if err != nil {
					return nil, err
				}
				if len(what) > 0 {
					where := et.exists(env, s, key, paren(et.em.OptedOut)) + "\n  AND NOT " + et.exists(env, s, key, et.good()) +
						env.live(s.table) + "\n  AND " + p
					sinceCol := since
					if sinceCol == "" {
						sinceCol = "NULL"
					}
					out = append(out, Check{
						Location:  Location{Schema: s.table.Schema, Table: s.table.Name},
						Scope:     "email-opted-out",
						Offending: offending(key, key, sinceCol, from, where),
						Detail:    fmt.Sprintf("every address in %s opted out, yet %s", et.t.Name, strings.Join(what, " or ")),
					})
				}
			}
		}
		if len(out) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

// withoutMarketableIfSame drops the marketable predicate when it is the mere negation of
// opted_out (HasOptedOutOfEmail = 0 as marketable, = 1 as opted out): the two can then
// never hold together and prove nothing.
func withoutMarketableIfSame(s subject) subject {
	a := predicateColumns(s.cfg.Marketable, s.table)
	b := predicateColumns(s.cfg.OptedOut, s.table)
	if len(a) == 0 || len(a) != len(b) {
		return s
	}
	for _, c := range a {
		if !slices.ContainsFunc(b, func(o TableColumn) bool { return equalFold(o.Name, c.Name) }) {
			return s
		}
	}
	s.cfg.Marketable = ""
	return s
}

// StaleConsent is CNS-04: consents older than the refresh period (from capture or last
// reconfirmation) with no interaction the subject started since (EDPB 05/2020 §7 on the
// duration of consent). Only the latest row of each subject × purpose counts.
func StaleConsent() Rule {
	return newRule(Meta{
		ID:          "CNS-04",
		Title:       "Stale consent (refresh due)",
		Family:      Consent,
		Articles:    []string{"Art. 7(1)", "EDPB Guidelines 05/2020 §7"},
		Severity:    SeverityNegligible,
		Likelihood:  2,
		Principle:   "lawfulness (consent still valid)",
		Needs:       "mapping.consent with captured_at_column (refresh_period, default P24M; mapping.interactions for subject-initiated contact)",
		Remediation: "Ask these people to confirm their consent (re-permission); where they do not answer, stop relying on it.",
		Matches:     "Granted rows that are the latest of their subject × purpose (× channel), given or reconfirmed before `refresh_period` (P24M), with no `interactions` row since",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, err := env.consent()
		if err != nil {
			return nil, err
		}
		if ct == nil || ct.cm.CapturedAtColumn == "" {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		cm := ct.cm
		given := ct.col(env, "c", cm.CapturedAtColumn)
		if cm.ReconfirmedAtColumn != "" {
			given = "COALESCE(" + ct.col(env, "c", cm.ReconfirmedAtColumn) + ", " + given + ")"
		}
		key := ct.col(env, "c", cm.SubjectKey)
		where := ct.granted(env, "c") + env.live(ct.t) + "\n  AND " + given + " < " + d.Time(cm.RefreshPeriod.Before(env.Now)) +
			"\n  AND " + ct.latest(env, "c")
		detail := fmt.Sprintf("granted more than %s ago", cm.RefreshPeriod)
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		var used []string
		for _, s := range subs {
			if !ct.appliesTo(env, s) {
				continue
			}
			evs, ts, err := env.events(env.Mapping().Interactions, "mapping.interactions", s)
			if err != nil {
				return nil, err
			}
			for i, ev := range evs {
				if !slices.Contains(used, ev.Table+ev.Filter) {
					used = append(used, ev.Table+ev.Filter)
					where += "\n  AND NOT " + env.eventExists(ev, ts[i], "i", key, given)
					detail += "; no interaction in " + ev.Table + " since"
				}
			}
		}
		return []Check{{
			Location:  Location{Schema: ct.t.Schema, Table: ct.t.Name},
			Offending: offending(rowKey(d, "c", ct.t), key, given, ct.from(env, "c"), where),
			Detail:    detail,
		}}, nil
	})
}

// BundledConsent is CNS-05: consent that is not granular — rows whose purpose is empty
// or a catch-all ("all"), or one consent purpose that several processing activities
// rely on (Art. 4(11), 7(2), Recitals 32 and 43).
func BundledConsent() Rule {
	return newRule(Meta{
		ID:          "CNS-05",
		Title:       "Bundled or non-granular consent",
		Family:      Consent,
		Articles:    []string{"Art. 4(11)", "Art. 7(2)", "Recital 32", "Recital 43"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "lawfulness (specific consent)",
		Needs:       "mapping.consent (activities[].consent_purpose for purposes shared by activities)",
		Remediation: "Ask for consent per purpose (and channel), with a separate choice for each; re-collect the catch-all consents.",
		Matches:     "Scope `catch-all`: granted rows with a NULL/blank purpose or one of `bundled_purposes` (all, any, *, general, everything). Scope `shared:<purpose>`: granted rows of a consent purpose that two or more activities name as `consent_purpose`",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, err := env.consent()
		if err != nil {
			return nil, err
		}
		if ct == nil {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		cm := ct.cm
		purpose := ct.col(env, "c", cm.PurposeColumn)
		since := "NULL"
		if cm.CapturedAtColumn != "" {
			since = ct.col(env, "c", cm.CapturedAtColumn)
		}
		key := ct.col(env, "c", cm.SubjectKey)
		out := []Check{{
			Location: Location{Schema: ct.t.Schema, Table: ct.t.Name},
			Scope:    "catch-all",
			Offending: offending(rowKey(d, "c", ct.t), key, since, ct.from(env, "c"),
				ct.granted(env, "c")+env.live(ct.t)+"\n  AND ("+purpose+" IS NULL OR "+purpose+" = '' OR "+valueIn(d, purpose, cm.BundledPurposes)+")"),
			Detail: "granted consent with no purpose or a catch-all one (" + strings.Join(cm.BundledPurposes, ", ") + ")",
		}}
		if env.Config != nil {
			byPurpose := map[string][]string{}
			var order []string
			for _, a := range env.Config.Activities {
				if a.ConsentPurpose == "" || (a.Source != "" && a.Source != env.SourceName) {
					continue
				}
				if _, ok := byPurpose[a.ConsentPurpose]; !ok {
					order = append(order, a.ConsentPurpose)
				}
				byPurpose[a.ConsentPurpose] = append(byPurpose[a.ConsentPurpose], a.ID)
			}
			for _, p := range order {
				if len(byPurpose[p]) < 2 {
					continue
				}
				out = append(out, Check{
					Location:  Location{Schema: ct.t.Schema, Table: ct.t.Name},
					Scope:     "shared:" + p,
					Offending: offending(rowKey(d, "c", ct.t), key, since, ct.from(env, "c"), ct.granted(env, "c")+env.live(ct.t)+" AND "+purpose+" = "+d.String(p)),
					Detail:    fmt.Sprintf("one consent purpose %q covers activities %s", p, strings.Join(byPurpose[p], ", ")),
				})
			}
		}
		return out, nil
	})
}

// ImpliedConsent is CNS-06: consent that was not a clear affirmative act (Art. 4(11),
// Recital 32): many captured in the same second (a bulk import), captured by an implied
// method (import, default, pre-ticked), or a flag that is on by default in the schema.
func ImpliedConsent() Rule {
	return newRule(Meta{
		ID:          "CNS-06",
		Title:       "Implied or bulk consent",
		Family:      Consent,
		Articles:    []string{"Art. 4(11)", "Art. 7(1)", "Recital 32"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "lawfulness (unambiguous consent)",
		Needs:       "mapping.consent with captured_at_column or capture_method_column, or a marketable/opted-in flag whose column default the catalogue shows",
		Remediation: "Do not treat imported, defaulted or pre-ticked opt-ins as consent: re-permission these people and make opt-in flags default to off.",
		Matches:     "Granted rows captured in a second shared by more than `bulk_threshold` (10) granted rows, or by an `implied_methods` method (import, default, pre_ticked). Scope `column-default`: the catalogue shows a default of on (1, true, 'yes', a granted word) for a column of the marketable predicate, the opted-in predicate or the consent status; counts the rows now marketable",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, et, subs, err := env.consentShapes()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		var out []Check
		evaluated := false
		if ct != nil && (ct.cm.CapturedAtColumn != "" || ct.cm.CaptureMethodColumn != "") {
			evaluated = true
			cm := ct.cm
			var preds, what []string
			since := "NULL"
			from := ct.from(env, "c")
			if cm.CapturedAtColumn != "" {
				// A join to the crowded seconds rather than IN (…): with an OR beside it, an
				// IN subquery is re-read per row once its estimated size outgrows memory.
				since = ct.col(env, "c", cm.CapturedAtColumn)
				sec := secondOf(d, ct.col(env, "b", cm.CapturedAtColumn))
				from += fmt.Sprintf("\nLEFT JOIN (SELECT %s AS bulk_second FROM %s WHERE %s%s GROUP BY %s HAVING COUNT(*) > %d) k ON k.bulk_second = %s",
					sec, ct.from(env, "b"), ct.granted(env, "b"), env.live(ct.t), sec, cm.BulkThreshold, secondOf(d, since))
				preds = append(preds, "k.bulk_second IS NOT NULL")
				what = append(what, fmt.Sprintf("more than %d captured in the same second", cm.BulkThreshold))
			}
			if cm.CaptureMethodColumn != "" {
				preds = append(preds, valueIn(d, ct.col(env, "c", cm.CaptureMethodColumn), cm.ImpliedMethods))
				what = append(what, "captured by "+strings.Join(cm.ImpliedMethods, "/"))
			}
			out = append(out, Check{
				Location:  Location{Schema: ct.t.Schema, Table: ct.t.Name},
				Offending: offending(rowKey(d, "c", ct.t), ct.col(env, "c", cm.SubjectKey), since, from, ct.granted(env, "c")+env.live(ct.t)+"\n  AND "+orAll(preds)),
				Detail:    "granted consent " + strings.Join(what, ", or "),
			})
			if c, ok := ct.t.Column(cm.StatusColumn); ok && truthyDefault(c.Default, cm.GrantedValues) {
				out = append(out, Check{
					Location:  Location{Schema: ct.t.Schema, Table: ct.t.Name, Column: c.Name},
					Scope:     "column-default",
					Offending: offending(rowKey(d, "c", ct.t), ct.col(env, "c", cm.SubjectKey), since, ct.from(env, "c"), ct.granted(env, "c")+env.live(ct.t)),
					Detail:    fmt.Sprintf("status column defaults to %s: a consent row is granted unless someone says otherwise", *c.Default),
				})
			}
		}
		// Flags that are on by default: every row holding the default may never have been
		// ticked by the person.
		for _, s := range subs {
			if s.cfg.Marketable == "" {
				continue
			}
			evaluated = true
			for _, c := range predicateColumns(s.cfg.Marketable, s.table) {
				if !truthyDefault(c.Default, nil) {
					continue
				}
				key := d.Column("s", s.cfg.Key)
				out = append(out, Check{
					Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: c.Name},
					Scope:     "column-default",
					Offending: offending(key, key, "NULL", d.Table(s.table.Schema, s.table.Name)+" s", paren(s.cfg.Marketable)+env.live(s.table)),
					Detail:    fmt.Sprintf("%s defaults to %s (pre-ticked): marketable rows may never have opted in", c.Name, *c.Default),
				})
			}
		}
		if et != nil && et.em.OptedIn != "" {
			evaluated = true
			for _, c := range predicateColumns(et.em.OptedIn, et.t) {
				if !truthyDefault(c.Default, []string{"opt-in", "opt_in", "opted_in", "confirmed-opt-in"}) {
					continue
				}
				out = append(out, Check{
					Location:  Location{Schema: et.t.Schema, Table: et.t.Name, Column: c.Name},
					Scope:     "column-default",
					Offending: offending(d.Column("a", et.em.Key), et.subjectOfRow(env), "NULL", d.Table(et.t.Schema, et.t.Name)+" a", et.good()+et.live(env)),
					Detail:    fmt.Sprintf("%s defaults to %s (pre-ticked)", c.Name, *c.Default),
				})
			}
		}
		if !evaluated {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

// ChildWithoutParentalConsent is CNS-07: people under the age of digital consent of
// their country (Art. 8(1): 13 to 16) whose processing rests on consent, with no
// parental authorisation recorded.
func ChildWithoutParentalConsent() Rule {
	return newRule(Meta{
		ID:          "CNS-07",
		Title:       "Child without parental authorisation",
		Family:      Consent,
		Articles:    []string{"Art. 8(1)"},
		Severity:    SeveritySignificant,
		Likelihood:  3,
		Principle:   "lawfulness (children)",
		Needs:       "mapping.subjects[].birth_date_column (country_column for per-country ages) and mapping.consent or a lawful_basis_column",
		Remediation: "Suspend consent-based processing of these children until a holder of parental responsibility authorises it, and verify ages at collection.",
		Matches:     "Subjects born after now minus the Art. 8 age of their country (built-in Member State ages 13–16, `consent_ages` overrides, default 16), processed on consent (a granted row, or a basis of consent), with no granted row carrying `parental_consent_column`",
	}, func(env *Env, m Meta) ([]Check, error) {
		ct, err := env.consent()
		if err != nil {
			return nil, err
		}
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		d := env.Dialect
		ages := consentAges(env.Mapping().ConsentAges)
		var out []Check
		for _, s := range subs {
			if s.cfg.BirthDateColumn == "" {
				continue
			}
			if err := env.column(s.table, s.cfg.BirthDateColumn, "mapping.subjects"); err != nil {
				return nil, err
			}
			key := d.Column("s", s.cfg.Key)
			var relies []string
			authorised := ""
			if ct != nil && ct.appliesTo(env, s) {
				relies = append(relies, ct.grantedFor(env, key))
				if ct.cm.ParentalConsentColumn != "" {
					pc, _ := ct.t.Column(ct.cm.ParentalConsentColumn)
					authorised = ct.grantedFor(env, key, filled(d, ct.col(env, "c", ct.cm.ParentalConsentColumn), pc))
				}
			}
			if s.cfg.LawfulBasisColumn != "" {
				relies = append(relies, env.basisIs(d.Column("s", s.cfg.LawfulBasisColumn), "consent"))
			}
			if len(relies) == 0 {
				continue
			}
			birth := d.Column("s", s.cfg.BirthDateColumn)
			under := underAge(env, birth, s, ages)
			where := birth + " IS NOT NULL AND " + under + env.live(s.table) + "\n  AND " + orAll(relies)
			if authorised != "" {
				where += "\n  AND NOT " + authorised
			}
			out = append(out, Check{
				Location:  Location{Schema: s.table.Schema, Table: s.table.Name, Column: s.cfg.BirthDateColumn},
				Offending: offending(key, key, birth, d.Table(s.table.Schema, s.table.Name)+" s", where),
				Detail:    "under the age of digital consent, processed on consent, no parental authorisation recorded",
			})
		}
		if len(out) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}

// memberStateAges is the age of digital consent set under Art. 8(1) per country (EU/EEA
// and the UK). Check locally: Member States change these.
var memberStateAges = map[string]int{
	"BE": 13, "DK": 13, "EE": 13, "FI": 13, "LV": 13, "MT": 13, "PT": 13, "SE": 13, "GB": 13, "NO": 13, "IS": 13,
	"AT": 14, "BG": 14, "CY": 14, "ES": 14, "IT": 14, "LT": 14,
	"CZ": 15, "FR": 15, "GR": 15, "SI": 15,
	"DE": 16, "HR": 16, "HU": 16, "IE": 16, "LU": 16, "NL": 16, "PL": 16, "RO": 16, "SK": 16, "LI": 16,
}

// consentAges merges the config's ages over the built-in ones; "default" (16) applies
// to every other or unknown country.
func consentAges(over map[string]int) map[string]int {
	out := map[string]int{"default": 16}
	for k, v := range memberStateAges {
		out[k] = v
	}
	for k, v := range over {
		out[strings.ToUpper(k)] = v
		if strings.EqualFold(k, "default") {
			out["default"] = v
		}
	}
	delete(out, "DEFAULT")
	return out
}

// underAge is true when the birth date is after now minus the age of the subject's
// country; without a country column the default age applies to everyone. The youngest
// cut-off of any country is tested first, so adults fail on one date comparison.
func underAge(env *Env, birth string, s subject, ages map[string]int) string {
	d := env.Dialect
	cutoff := func(age int) string { return d.Date(env.Now.AddDate(-age, 0, 0)) }
	def := ages["default"]
	if s.cfg.CountryColumn == "" {
		return birth + " > " + cutoff(def)
	}
	oldest := def
	var ccs []string
	for cc, age := range ages {
		oldest = max(oldest, age)
		if cc != "default" {
			ccs = append(ccs, cc)
		}
	}
	slices.Sort(ccs)
	var b strings.Builder
	fmt.Fprintf(&b, "%s > %s AND %s > CASE UPPER(TRIM(%s))", birth, cutoff(oldest), birth, d.Column("s", s.cfg.CountryColumn))
	for _, cc := range ccs {
		fmt.Fprintf(&b, " WHEN %s THEN %s", d.String(cc), cutoff(ages[cc]))
	}
	fmt.Fprintf(&b, " ELSE %s END", cutoff(def))
	return "(" + b.String() + ")"
}
