package rules

import (
	"fmt"
	"strings"

	"github.com/gdprscan/gdprscan/config"
)

// PastRetention is RET-01: leads, prospects and other records kept past the retention
// period of their mapped rule (Art. 5(1)(e)). Each retention rule that does not apply to
// customers (those are RET-02) is one check: rows matching the subject filter whose
// anchor is older than the period plus grace, and not under legal hold. Rows whose
// anchor is NULL are not counted: they have no date to measure from.
func PastRetention() Rule {
	return newRule(Meta{
		ID:          "RET-01",
		Title:       "Inactive leads or records past retention",
		Family:      Retention,
		Articles:    []string{"Art. 5(1)(e)"},
		Severity:    SeverityLimited,
		Likelihood:  4,
		Principle:   "storage limitation",
		Needs:       "mapping.retention (table, key, anchor, period; applies_to prospects or records)",
		Remediation: "Apply the rule's end action (delete, anonymise or archive) to the overdue rows, and schedule it so it keeps happening.",
		Matches:     "Per retention rule: rows matching `subject_filter` whose `anchor` is older than `period` (+ `grace_period`) and not under `hold`; a NULL anchor is not counted. The table is aliased `t`",
	}, func(env *Env, m Meta) ([]Check, error) {
		return retentionChecks(env, m, func(r config.RetentionRule) bool { return r.AppliesTo != "customers" })
	})
}

// FormerCustomersPastRetention is RET-02: customers whose relationship ended (contract
// end, last order) longer ago than the active period and who are still in the active
// tables (Art. 5(1)(e)). Retention rules with applies_to: customers; the anchor is the
// end of the relationship.
func FormerCustomersPastRetention() Rule {
	return newRule(Meta{
		ID:          "RET-02",
		Title:       "Former customers past retention",
		Family:      Retention,
		Articles:    []string{"Art. 5(1)(e)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "storage limitation",
		Needs:       "mapping.retention with applies_to: customers (anchor: end of the relationship)",
		Remediation: "Delete or anonymise former customers once the active period ends; move what a statute requires (invoices, contracts) to an access-restricted archive.",
		Matches:     "As RET-01, for rules whose anchor is the end of the customer relationship (contract end, last order)",
	}, func(env *Env, m Meta) ([]Check, error) {
		return retentionChecks(env, m, func(r config.RetentionRule) bool { return r.AppliesTo == "customers" })
	})
}

func retentionChecks(env *Env, m Meta, keep func(config.RetentionRule) bool) ([]Check, error) {
	mp := env.Mapping()
	var out []Check
	found := false
	for _, r := range mp.Retention {
		if !keep(r) {
			continue
		}
		found = true
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
	if !found {
		return nil, needs("%s", m.Needs)
	}
	return out, nil
}

func orNone(s string) string {
	if s == "" {
		return "no legal basis for the period recorded"
	}
	return s
}

// NoRetentionRule is RET-03: personal-data tables no retention rule covers, or whose
// declared period (an activity's retention) has no date column to measure it from
// (Art. 5(1)(e), 30(1)(f), 13(2)(a)).
func NoRetentionRule() Rule {
	return newRule(Meta{
		ID:          "RET-03",
		Title:       "Personal-data table without a retention rule or anchor",
		Family:      Retention,
		Articles:    []string{"Art. 5(1)(e)", "Art. 30(1)(f)", "Art. 13(2)(a)"},
		Severity:    SeverityLimited,
		Likelihood:  2,
		Principle:   "storage limitation",
		Needs:       "mapping.retention, mapping.logs or activities[].retention",
		Remediation: "Decide how long this data is kept and from which event (anchor), record it in the Art. 30 record, and map a retention rule so it is enforced.",
		Matches:     "A personal table no retention or log rule names: scope `no-rule` when no covering activity declares a period either, scope `no-anchor` when one does but the table has no date/time column; counts all rows",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		declared := len(mp.Retention) > 0 || len(mp.Logs) > 0
		if env.Config != nil {
			for _, a := range env.Config.Activities {
				declared = declared || a.Retention != ""
			}
		}
		if !declared {
			return nil, needs("%s", m.Needs)
		}
		var refs []string
		for _, r := range mp.Retention {
			refs = append(refs, r.Table)
		}
		for _, l := range mp.Logs {
			refs = append(refs, l.Table)
		}
		d := env.Dialect
		var out []Check
	tables:
		for _, t := range env.Tables {
			if t.IsView || !t.Personal() {
				continue
			}
			for _, ref := range refs {
				if env.refersTo(ref, t) {
					continue tables
				}
			}
			var periods []string
			for _, a := range env.ActivitiesFor(t) {
				if a.Retention != "" {
					periods = append(periods, a.ID+" "+a.Retention)
				}
			}
			scope, detail := "no-rule", "no retention rule, and no activity covering the table declares a retention period"
			if len(periods) > 0 {
				if hasTimeColumn(t) {
					continue
				}
				scope, detail = "no-anchor", "retention declared ("+strings.Join(periods, ", ")+") but the table has no date column to measure it from"
			}
			key := rowKey(d, "t", t)
			out = append(out, Check{
				Location:  Location{Schema: t.Schema, Table: t.Name},
				Scope:     scope,
				Offending: offending(key, env.subjectExpr(t, "t"), "NULL", d.Table(t.Schema, t.Name)+" t", "1 = 1"),
				Detail:    detail,
			})
		}
		return out, nil
	})
}

func hasTimeColumn(t Table) bool {
	for _, c := range t.Columns {
		if isTimeColumn(c) {
			return true
		}
	}
	return false
}

// SoftDeletedNotPurged is RET-04: rows the CRM marks deleted that still hold personal
// data after the purge window (Art. 5(1)(e), 17): "deleted" in the interface, kept in
// the database.
func SoftDeletedNotPurged() Rule {
	return newRule(Meta{
		ID:          "RET-04",
		Title:       "Soft-deleted personal data not purged",
		Family:      Retention,
		Articles:    []string{"Art. 5(1)(e)", "Art. 17(1)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "storage limitation",
		Needs:       "mapping.subjects[].soft_deleted or mapping.soft_delete (deleted_at_column and purge_window, default P30D)",
		Remediation: "Purge soft-deleted rows after the purge window (hard delete or blank the personal columns), with a scheduled job.",
		Matches:     "Rows matching the soft-delete predicate, deleted before now minus `purge_window` (P30D) when a deletion date is mapped, that still hold a value in a personal-data column",
	}, func(env *Env, m Meta) ([]Check, error) {
		type target struct {
			t         Table
			pred, at  string
			window    config.Period
			fromEntry bool
		}
		var targets []target
		subs, err := env.subjects()
		if err != nil {
			return nil, err
		}
		for _, s := range subs {
			if s.cfg.SoftDeleted != "" {
				targets = append(targets, target{t: s.table, pred: s.cfg.SoftDeleted, at: s.cfg.DeletedAtColumn, window: s.cfg.PurgeWindow})
			}
		}
		mp := env.Mapping()
		for _, t := range env.Tables {
			if t.IsView {
				continue
			}
			if s, ok := env.subjectOf(t); ok && s.SoftDeleted != "" {
				continue
			}
			for _, sd := range mp.SoftDelete {
				if _, ok := t.Column(sd.Column); ok && matchTable(sd.Tables, t) {
					at := sd.DeletedAtColumn
					if _, ok := t.Column(at); !ok {
						at = ""
					}
					targets = append(targets, target{t: t, pred: sd.Predicate, at: at, window: sd.PurgeWindow, fromEntry: true})
					break
				}
			}
		}
		if len(targets) == 0 {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		var out []Check
		for _, tg := range targets {
			skip := map[string]bool{strings.ToLower(tg.at): true}
			for _, c := range predicateColumns(tg.pred, tg.t) {
				skip[strings.ToLower(c.Name)] = true
			}
			var held, names []string
			for _, c := range tg.t.Columns {
				if c.Class.Personal && !skip[strings.ToLower(c.Name)] {
					held = append(held, filled(d, d.Column("t", c.Name), c))
					names = append(names, c.Name)
				}
			}
			if len(held) == 0 {
				continue
			}
			where := paren(tg.pred)
			since := "NULL"
			detail := "soft-deleted rows still holding " + strings.Join(names, ", ")
			if tg.at != "" {
				if err := env.column(tg.t, tg.at, "deleted_at_column"); err != nil {
					return nil, err
				}
				since = d.Column("t", tg.at)
				where += " AND " + since + " < " + d.Time(tg.window.Before(env.Now))
				detail += fmt.Sprintf(", deleted more than %s ago", tg.window)
			} else {
				detail += " (no deletion date mapped: every soft-deleted row counts)"
			}
			key := rowKey(d, "t", tg.t)
			out = append(out, Check{
				Location:  Location{Schema: tg.t.Schema, Table: tg.t.Name},
				Offending: offending(key, env.subjectExpr(tg.t, "t"), since, d.Table(tg.t.Schema, tg.t.Name)+" t", where+"\n  AND "+orAll(held)),
				Detail:    detail,
			})
		}
		return out, nil
	})
}

// UnboundedLogs is RET-05: activity, email-log, tracking and audit rows older than their
// log period (Art. 5(1)(e), 5(1)(c)); the CNIL's 13 months for tracking is the default.
func UnboundedLogs() Rule {
	return newRule(Meta{
		ID:          "RET-05",
		Title:       "Unbounded logs and tracking",
		Family:      Retention,
		Articles:    []string{"Art. 5(1)(e)", "Art. 5(1)(c)"},
		Severity:    SeverityNegligible,
		Likelihood:  3,
		Principle:   "storage limitation",
		Needs:       "mapping.logs (table, at_column, period default P13M)",
		Remediation: "Delete or aggregate log and tracking rows older than the log period with a scheduled job.",
		Matches:     "Rows of each log table (matching its `filter`) whose `at_column` is older than `period` (P13M)",
	}, func(env *Env, m Meta) ([]Check, error) {
		mp := env.Mapping()
		if len(mp.Logs) == 0 {
			return nil, needs("%s", m.Needs)
		}
		d := env.Dialect
		var out []Check
		for _, l := range mp.Logs {
			t, err := env.table(l.Table, "mapping.logs")
			if err != nil {
				return nil, err
			}
			if err := env.column(t, l.AtColumn, "mapping.logs"); err != nil {
				return nil, err
			}
			at := d.Column("t", l.AtColumn)
			where := at + " < " + d.Time(l.Period.Before(env.Now))
			if l.Filter != "" {
				where = paren(l.Filter) + " AND " + where
			}
			key := rowKey(d, "t", t)
			out = append(out, Check{
				Location:  Location{Schema: t.Schema, Table: t.Name},
				Scope:     l.Filter,
				Offending: offending(key, env.subjectExpr(t, "t"), at, d.Table(t.Schema, t.Name)+" t", where),
				Detail:    fmt.Sprintf("rows older than %s", l.Period),
			})
		}
		return out, nil
	})
}

// LegalHoldHygiene is RET-06: legal holds that suspend deletion without being
// accountable (Art. 17(3)(e), 5(2)): no reason or owner or review date, past their
// review date, or covering a whole table rather than named subjects.
func LegalHoldHygiene() Rule {
	return newRule(Meta{
		ID:          "RET-06",
		Title:       "Legal-hold hygiene",
		Family:      Retention,
		Articles:    []string{"Art. 17(3)(e)", "Art. 5(2)"},
		Severity:    SeverityNegligible,
		Likelihood:  2,
		Principle:   "storage limitation (accountable exceptions)",
		Needs:       "mapping.holds (table, key; reason, owner, review, released and subject_key columns)",
		Remediation: "Give every hold a matter reference, reason, owner and review date; release holds whose matter is closed; scope holds to the subjects concerned.",
		Matches:     "Open holds (released column NULL): scope `incomplete` with no reason, owner or review date; `review-overdue` past the review date; `whole-table` naming no subject",
	}, func(env *Env, m Meta) ([]Check, error) {
		h := env.Mapping().Holds
		if h == nil {
			return nil, needs("%s", m.Needs)
		}
		t, err := env.table(h.Table, "mapping.holds")
		if err != nil {
			return nil, err
		}
		for _, c := range []string{h.Key, h.SubjectKey, h.ReasonColumn, h.OwnerColumn, h.ReviewColumn, h.ReleasedColumn, h.PlacedColumn} {
			if c != "" {
				if err := env.column(t, c, "mapping.holds"); err != nil {
					return nil, err
				}
			}
		}
		d := env.Dialect
		col := func(c string) string { return d.Column("h", c) }
		open := "1 = 1"
		if h.ReleasedColumn != "" {
			open = col(h.ReleasedColumn) + " IS NULL"
		}
		open += env.live(t)
		since := "NULL"
		if h.PlacedColumn != "" {
			since = col(h.PlacedColumn)
		}
		key := col(h.Key)
		from := d.Table(t.Schema, t.Name) + " h"
		var out []Check
		var gaps, names []string
		for _, c := range []struct{ col, name string }{{h.ReasonColumn, "reason"}, {h.OwnerColumn, "owner"}} {
			if c.col != "" {
				tc, _ := t.Column(c.col)
				gaps = append(gaps, "NOT "+filled(d, col(c.col), tc))
				names = append(names, c.name)
			}
		}
		if h.ReviewColumn != "" {
			gaps = append(gaps, col(h.ReviewColumn)+" IS NULL")
			names = append(names, "review date")
		}
		if len(gaps) > 0 {
			out = append(out, Check{Location: Location{Schema: t.Schema, Table: t.Name}, Scope: "incomplete",
				Offending: offending(key, key, since, from, open+"\n  AND "+orAll(gaps)),
				Detail:    "open holds with no " + strings.Join(names, ", or no ")})
		}
		if h.ReviewColumn != "" {
			out = append(out, Check{Location: Location{Schema: t.Schema, Table: t.Name}, Scope: "review-overdue",
				Offending: offending(key, key, col(h.ReviewColumn), from, open+" AND "+col(h.ReviewColumn)+" < "+d.Time(env.Now)),
				Detail:    "open holds past their review date"})
		}
		if h.SubjectKey != "" {
			out = append(out, Check{Location: Location{Schema: t.Schema, Table: t.Name}, Scope: "whole-table",
				Offending: offending(key, key, since, from, open+" AND "+col(h.SubjectKey)+" IS NULL"),
				Detail:    "open holds naming no subject: they cover whole tables"})
		}
		if len(out) == 0 {
			return nil, needs("%s", m.Needs)
		}
		return out, nil
	})
}
