package rules_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/dbfixture"
)

// civiCRMDatabase is shaped like CiviCRM 5: opt-out flags on civicrm_contact
// (do_not_email, is_opt_out), addresses in civicrm_email where on_hold 2 is an opt-out
// with its hold_date (1 is a bounce), group memberships with a status, and mailings
// whose deliveries point at the recipient queue rather than at the contact.
//
// Each contact's comment says what it must count for under the untouched init draft.
func civiCRMDatabase(clean bool, now time.Time) []dbfixture.Table {
	day := 24 * time.Hour
	ago := func(days int) time.Time { return now.Add(-time.Duration(days) * day) }
	id := dbfixture.PK
	num := func(n string) dbfixture.Column { return dbfixture.Null(n, dbfixture.Int) }
	text, flag, at := fixtureColumns()
	contacts := &dbfixture.Table{Name: "civicrm_contact", Columns: []dbfixture.Column{id("id"), text("contact_type"), flag("do_not_email"), flag("do_not_phone"),
		flag("is_opt_out"), text("first_name"), text("last_name"), text("job_title"), flag("is_deleted"), at("created_date"), at("modified_date")}}
	emails := &dbfixture.Table{Name: "civicrm_email", Columns: []dbfixture.Column{id("id"), num("contact_id"), num("location_type_id"), text("email"),
		flag("is_primary"), flag("on_hold"), flag("is_bulkmail"), at("hold_date"), at("reset_date")}}
	groups := &dbfixture.Table{Name: "civicrm_group", Columns: []dbfixture.Column{id("id"), text("name"), text("title"), text("group_type"), flag("is_active")}}
	members := &dbfixture.Table{Name: "civicrm_group_contact", Columns: []dbfixture.Column{id("id"), num("group_id"), num("contact_id"), text("status"), num("email_id")}}
	mailings := &dbfixture.Table{Name: "civicrm_mailing", Columns: []dbfixture.Column{id("id"), text("name"), text("subject"), at("created_date"), at("scheduled_date")}}
	queue := &dbfixture.Table{Name: "civicrm_mailing_event_queue", Columns: []dbfixture.Column{id("id"), num("job_id"), num("email_id"), num("contact_id"), text("hash")}}
	delivered := &dbfixture.Table{Name: "civicrm_mailing_event_delivered", Columns: []dbfixture.Column{id("id"), num("event_queue_id"), at("time_stamp")}}
	opened := &dbfixture.Table{Name: "civicrm_mailing_event_opened", Columns: []dbfixture.Column{id("id"), num("event_queue_id"), at("time_stamp")}}
	unsubscribes := &dbfixture.Table{Name: "civicrm_mailing_event_unsubscribe", Columns: []dbfixture.Column{id("id"), num("event_queue_id"), flag("org_unsubscribe"), at("time_stamp")}}

	// bad marks the rows that follow as a violation's, left out of the clean twin.
	dropping := false
	bad := func(b bool) { dropping = clean && b }
	add := func(t *dbfixture.Table, vals ...any) {
		if !dropping {
			t.Rows = append(t.Rows, vals)
		}
	}
	add(groups, int64(1), "newsletter", "Newsletter", "\x012\x01", int64(1))
	add(mailings, int64(1), "Autumn appeal", "Our autumn appeal", ago(40), ago(30))
	firsts := []string{"Aoife", "Sean", "Niamh", "Ciaran", "Siobhan", "Padraig", "Orla", "Declan", "Roisin", "Eoin"}
	lasts := []string{"Murphy", "Kelly", "Byrne", "Walsh", "Ryan", "OBrien", "Doyle", "Lynch", "Quinn", "Nolan"}
	type person struct {
		doNotEmail, optOut, deleted int64
		modified                    int // days ago
	}
	contact := func(n int, p person) {
		add(contacts, int64(n), "Individual", p.doNotEmail, int64(0), p.optOut, firsts[n%10], lasts[(n*3)%10],
			"Volunteer", p.deleted, ago(700), ago(p.modified))
	}
	nEmail := int64(0)
	email := func(n int, onHold int64, heldDays int) int64 {
		nEmail++
		var held any
		if onHold > 0 {
			held = ago(heldDays)
		}
		add(emails, nEmail, int64(n), int64(1), firsts[n%10]+"."+lasts[(n*3)%10]+"@eircom.net",
			int64(1), onHold, int64(0), held, nil)
		return nEmail
	}
	nMember := int64(0)
	member := func(n int, status string) {
		nMember++
		add(members, nMember, int64(1), int64(n), status, nil)
	}
	nQueue := int64(0)
	enqueue := func(n int, address int64) int64 {
		nQueue++
		add(queue, nQueue, int64(1), address, int64(n), "h"+lasts[n%10])
		return nQueue
	}
	deliver := func(n int, address int64, days int) {
		q := enqueue(n, address)
		add(delivered, q, q, ago(days))
		add(opened, q, q, ago(days-1))
	}
	unsubscribe := func(n int, address int64, days int) {
		q := enqueue(n, address)
		add(unsubscribes, q, q, int64(0), ago(days))
	}

	// CNS-01 (marketed: not opted out, or in a group; no address off hold): 2, 6, 9.
	// CNS-03 opted-out: 3 (still in the group), 4 (mailed after its last change).
	// CNS-03 email-opted-out: 2 (still in the group), 9 (mailed after the hold).
	// CNS-03 unsubscribed: 10 (mailed after unsubscribing).
	bad(false)
	contact(1, person{modified: 50}) // in the newsletter, address fine: nothing
	member(1, "Added")
	deliver(1, email(1, 0, 0), 30)
	bad(true)
	contact(2, person{modified: 50}) // only address opted out 100 days ago, still in the group
	member(2, "Added")
	email(2, 2, 100)
	bad(true)
	contact(3, person{optOut: 1, modified: 80}) // opted out of bulk mail, still in the group
	member(3, "Added")
	email(3, 0, 0)
	bad(true)
	contact(4, person{doNotEmail: 1, modified: 60}) // do not email since at least 60 days, mailed 10 days ago
	member(4, "Removed")
	deliver(4, email(4, 0, 0), 10)
	bad(false)
	contact(5, person{optOut: 1, modified: 10}) // opted out after the last mailing: nothing
	member(5, "Removed")
	deliver(5, email(5, 0, 0), 30)
	bad(true)
	contact(6, person{modified: 50}) // no address at all, not opted out
	bad(false)
	contact(7, person{deleted: 1, modified: 50}) // in the trash: nothing
	member(7, "Added")
	bad(false)
	contact(8, person{modified: 50}) // address bouncing (on_hold 1), not an opt-out: nothing
	member(8, "Added")
	email(8, 1, 20)
	bad(true)
	contact(9, person{modified: 50}) // address opted out 100 days ago, mailed 20 days ago
	member(9, "Removed")
	deliver(9, email(9, 2, 100), 20)
	bad(true)
	contact(10, person{modified: 50}) // unsubscribed 50 days ago, mailed 20 days ago
	a := email(10, 0, 0)
	unsubscribe(10, a, 50)
	deliver(10, a, 20)
	bad(false)
	contact(11, person{modified: 50}) // mailed 50 days ago, unsubscribed 20 days ago: nothing
	a = email(11, 0, 0)
	deliver(11, a, 50)
	unsubscribe(11, a, 20)

	var out []dbfixture.Table
	for _, t := range []*dbfixture.Table{contacts, emails, groups, members, mailings, queue, delivered, opened, unsubscribes} {
		out = append(out, *t)
	}
	return out
}

// The untouched init draft of a CiviCRM-shaped database counts CNS-01 and CNS-03
// exactly: per-address holds, group status, and sends reached through the queue; its
// clean twin gives none.
func TestInitDraftOfCiviCRMCountsExactly(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	for _, mk := range engines() {
		t.Run(mk.kind, func(t *testing.T) {
			clean := mk.make(t)
			require.NoError(t, dbfixture.Load(context.Background(), clean.db, clean.dl, dbfixture.Database{Tables: civiCRMDatabase(true, now)}))
			cleanCfg, doc, got := initAndScan(t, clean, now, "CNS-01", "CNS-03")
			assert.Empty(t, got, "clean twin\n%s", doc)
			cm := cleanCfg.Sources[0].Mapping // the same shapes are drafted, so zero is a finding
			assert.NotNil(t, cm.EmailConsent)
			assert.Len(t, cm.Lists, 1)
			assert.Len(t, cm.Sends, 1)
			assert.Len(t, cm.Withdrawals, 1)

			e := mk.make(t)
			require.NoError(t, dbfixture.Load(context.Background(), e.db, e.dl, dbfixture.Database{Tables: civiCRMDatabase(false, now)}))
			cfg, doc, got := initAndScan(t, e, now, "CNS-01", "CNS-03")
			m := cfg.Sources[0].Mapping
			require.NotNil(t, m.EmailConsent, doc)
			assert.Equal(t, config.EmailConsentMapping{Table: "civicrm_email", Key: "id", SubjectKey: "contact_id", SubjectTable: "civicrm_contact",
				OptedOut: "on_hold = 2", OptedOutAtColumn: "hold_date"}, *m.EmailConsent)
			require.Len(t, m.Sends, 1, doc)
			assert.Equal(t, &config.EventThrough{Table: "civicrm_mailing_event_queue", Key: "id", Column: "event_queue_id"}, m.Sends[0].Through)
			require.Len(t, m.Withdrawals, 1, doc)
			assert.Equal(t, "civicrm_mailing_event_unsubscribe", m.Withdrawals[0].Table)
			assert.Equal(t, map[string]int64{
				"CNS-01 civicrm_contact":                 3,
				"CNS-03 civicrm_contact opted-out":       2,
				"CNS-03 civicrm_contact email-opted-out": 2,
				"CNS-03 civicrm_contact unsubscribed":    1,
			}, got, doc)
		})
	}
}
