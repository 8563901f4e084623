package rules_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
)

// eventCRM is a CRM that keeps consent as an event table with history (one row per
// grant or withdrawal), a per-contact lawful basis, soft deletes on contacts, orders,
// campaign sends and list memberships, web events, erasure requests with requester
// hashes, a suppression list, legal holds, notes and a staff table.
//
// Contacts 1–63; each group's comment says which rule it trips (or, for the groups kept
// in the clean variant, which rule it must not trip).
func eventCRM(clean bool, now time.Time) fixture {
	f := fixture{name: "event-crm"}
	add := adder(clean)
	day := 24 * time.Hour
	ago := func(days int) time.Time { return now.Add(-time.Duration(days) * day) }
	born := func(years int) time.Time {
		b := now.AddDate(-years, 0, -40)
		return time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	}
	optInDefault := "1" // pre-ticked: CNS-06 column-default
	if clean {
		optInDefault = "0"
	}
	contacts := f.table("contacts", pk("id"), null("email", dbfixture.Text), null("first_name", dbfixture.Text), null("last_name", dbfixture.Text),
		null("birth_date", dbfixture.Date), null("country", dbfixture.Text), null("lawful_basis", dbfixture.Text),
		def("marketing_opt_in", dbfixture.SmallInt, optInDefault), null("health_note", dbfixture.LongText),
		def("is_deleted", dbfixture.SmallInt, "0"), null("deleted_at", dbfixture.Timestamp), col("created_at", dbfixture.Timestamp),
		null("basis_reviewed_at", dbfixture.Timestamp))
	consents := f.table("consents", pk("id"), col("contact_id", dbfixture.Int), null("purpose", dbfixture.Text), col("channel", dbfixture.Text),
		col("status", dbfixture.Text), null("consent_type", dbfixture.Text), col("captured_at", dbfixture.Timestamp), null("capture_method", dbfixture.Text),
		null("capture_source", dbfixture.Text), null("notice_version", dbfixture.Text), null("withdrawn_at", dbfixture.Timestamp),
		null("reconfirmed_at", dbfixture.Timestamp), null("parental_ref", dbfixture.Text))
	sends := f.table("campaign_sends", pk("id"), col("contact_id", dbfixture.Int), col("kind", dbfixture.Text), col("sent_at", dbfixture.Timestamp))
	lists := f.table("list_members", pk("id"), col("contact_id", dbfixture.Int), col("list_name", dbfixture.Text))
	web := f.table("web_events", pk("id"), col("contact_id", dbfixture.Int), col("event", dbfixture.Text), null("ip_address", dbfixture.Text), col("occurred_at", dbfixture.Timestamp))
	orders := f.table("orders", pk("id"), col("contact_id", dbfixture.Int), col("status", dbfixture.Text), col("ordered_at", dbfixture.Timestamp))
	requests := f.table("erasure_requests", pk("id"), null("contact_id", dbfixture.Int), null("email_hash", dbfixture.Text),
		col("received_at", dbfixture.Timestamp), null("completed_at", dbfixture.Timestamp), col("status", dbfixture.Text))
	suppressions := f.table("suppressions", pk("id"), col("email", dbfixture.Text), col("suppressed_at", dbfixture.Timestamp))
	holds := f.table("legal_holds", pk("id"), null("contact_id", dbfixture.Int), null("reason", dbfixture.Text), null("owner", dbfixture.Text),
		null("review_at", dbfixture.Timestamp), null("released_at", dbfixture.Timestamp), col("placed_at", dbfixture.Timestamp))
	notes := f.table("notes", pk("id"), col("contact_id", dbfixture.Int), col("body", dbfixture.LongText), col("created_at", dbfixture.Timestamp))
	aliasCols := []dbfixture.Column{pk("id"), col("contact_id", dbfixture.Int), col("alias_email", dbfixture.Text)}
	if clean {
		aliasCols = append(aliasCols, col("created_at", dbfixture.Timestamp)) // a date to anchor retention on (RET-03)
	}
	aliases := f.table("contact_aliases", aliasCols...)
	staff := f.table("staff", pk("id"), col("email", dbfixture.Text), col("full_name", dbfixture.Text), col("created_at", dbfixture.Timestamp))

	type person struct {
		email, basis, country, health any
		birth                         any
		optIn, deleted                int64
		deletedAt, reviewed           any
		created                       time.Time
	}
	person0 := func(id int) person {
		return person{email: fmt.Sprintf("p%d@mail-%d.eu", id, id), basis: "consent", country: "DE", birth: born(45),
			created: ago(300), reviewed: ago(30)}
	}
	contact := func(id int, bad bool, p person) {
		var first, last any = fmt.Sprintf("First%d", id), fmt.Sprintf("Last%d", id)
		if p.email == nil {
			first, last = nil, nil // anonymised
		}
		add(contacts, bad, int64(id), p.email, first, last, p.birth, p.country, p.basis, p.optIn, p.health, p.deleted, p.deletedAt, p.created, p.reviewed)
	}
	nConsent := int64(0)
	// grant adds a consent row with full proof; mod changes it.
	grant := func(bad bool, id int, at time.Time, mod func(r []any)) {
		nConsent++
		at = at.Add(time.Duration(nConsent) * 7 * time.Second) // people consent one at a time
		r := []any{nConsent, int64(id), "email_marketing", "email", "granted", "explicit", at, "web_form", "form:newsletter", "notice-v3", nil, nil, nil}
		if mod != nil {
			mod(r)
		}
		add(consents, bad, r...)
	}
	withdraw := func(bad bool, id int, at time.Time) {
		nConsent++
		add(consents, bad, nConsent, int64(id), "email_marketing", "email", "withdrawn", "explicit", at, "web_form", "unsubscribe-link", "notice-v3", at, nil, nil)
	}
	nOrder := int64(0)
	order := func(bad bool, id int, status string, at time.Time) {
		nOrder++
		add(orders, bad, nOrder, int64(id), status, at)
	}
	nWeb := int64(0)
	event := func(bad bool, id int, kind string, at time.Time) {
		nWeb++
		add(web, bad, nWeb, int64(id), kind, "203.0.113.7", at)
	}
	marketed := func(id int, bad bool) { // opted in, granted, with an order
		p := person0(id)
		p.optIn = 1
		contact(id, bad, p)
		grant(bad, id, ago(100), nil)
		order(bad, id, "paid", ago(50))
	}

	// 1–4: compliant customers with consent, orders and recent web forms.
	for id := 1; id <= 4; id++ {
		marketed(id, false)
		event(false, id, "form", ago(10))
	}
	// 5–7: marketed with no consent row at all (CNS-01).
	for id := 5; id <= 7; id++ {
		p := person0(id)
		p.optIn = 1
		contact(id, true, p)
		order(true, id, "paid", ago(40))
	}
	add(lists, true, int64(1), int64(5), "newsletter")
	// 8, 9: consent without a notice version, without a source (CNS-02).
	for _, ic := range [][2]int{{8, 9}, {9, 8}} {
		id, c := ic[0], ic[1]
		p := person0(id)
		p.optIn = 1
		contact(id, true, p)
		grant(true, id, ago(100), func(r []any) { r[c] = nil })
		order(true, id, "paid", ago(50))
	}
	// 10, 11: withdrew, still opted in; 10 was also sent a campaign afterwards (CNS-03).
	for id := 10; id <= 11; id++ {
		p := person0(id)
		p.optIn = 1
		contact(id, true, p)
		grant(true, id, ago(400), nil)
		withdraw(true, id, ago(200))
		order(true, id, "paid", ago(50))
	}
	add(sends, true, int64(1), int64(10), "marketing", ago(100))
	// 12: granted, withdrew, granted again: history ends granted (no CNS-03, no CNS-04).
	p := person0(12)
	p.optIn = 1
	contact(12, false, p)
	grant(false, 12, ago(600), nil)
	withdraw(false, 12, ago(500))
	grant(false, 12, ago(100), nil)
	order(false, 12, "paid", ago(50))
	// 13, 14: consent 900 days old, no interaction since (CNS-04).
	for id := 13; id <= 14; id++ {
		p := person0(id)
		p.optIn = 1
		contact(id, true, p)
		grant(true, id, ago(900), nil)
		order(true, id, "paid", ago(30))
	}
	// 15: old consent reconfirmed; 16: old consent, clicked since (no CNS-04).
	p = person0(15)
	p.optIn = 1
	contact(15, false, p)
	grant(false, 15, ago(900), func(r []any) { r[11] = ago(100) })
	order(false, 15, "paid", ago(30))
	p = person0(16)
	p.optIn = 1
	contact(16, false, p)
	grant(false, 16, ago(900), nil)
	order(false, 16, "paid", ago(30))
	event(false, 16, "click", ago(50))
	// 17: besides a proper consent, a catch-all one and one with no purpose (CNS-05).
	marketed(17, false)
	grant(true, 17, ago(90), func(r []any) { r[2] = "all" })
	grant(true, 17, ago(80), func(r []any) { r[2] = nil })
	// 18–28: eleven consents captured in the same second, a bulk import (CNS-06).
	bulkAt := ago(200)
	for id := 18; id <= 28; id++ {
		p := person0(id)
		p.optIn = 1
		contact(id, true, p)
		grant(true, id, bulkAt, func(r []any) { r[6] = bulkAt })
		order(true, id, "paid", ago(50))
	}
	// 29: pre-ticked (CNS-06).
	p = person0(29)
	p.optIn = 1
	contact(29, true, p)
	grant(true, 29, ago(100), func(r []any) { r[7] = "pre_ticked" })
	order(true, 29, "paid", ago(50))
	// 30, 31: 14-year-olds in Germany (age 16) on consent, no parental reference (CNS-07).
	for id := 30; id <= 31; id++ {
		p := person0(id)
		p.optIn, p.birth = 1, born(14)
		contact(id, true, p)
		grant(true, id, ago(100), nil)
	}
	// 32: 14 in the UK (age 13); 33: 14 in Germany with parental consent (no CNS-07).
	p = person0(32)
	p.optIn, p.birth, p.country = 1, born(14), "GB"
	contact(32, false, p)
	grant(false, 32, ago(100), nil)
	p = person0(33)
	p.optIn, p.birth = 1, born(14)
	contact(33, false, p)
	grant(false, 33, ago(100), func(r []any) { r[12] = "PR-2024-7" })
	// 34, 35: no basis (NULL, blank) and no consent (LAW-01).
	for _, id := range []int{34, 35} {
		p := person0(id)
		p.basis = nil
		if id == 35 {
			p.basis = ""
		}
		contact(id, true, p)
	}
	// 36, 37: legitimate interest, and no activity with an LIA covers contacts (LAW-02).
	for id := 36; id <= 37; id++ {
		p := person0(id)
		p.basis = "legitimate_interest"
		contact(id, true, p)
	}
	// 38, 39: contract basis, no order; 40: only a cancelled order (LAW-03).
	for id := 38; id <= 40; id++ {
		p := person0(id)
		p.basis = "contract"
		contact(id, true, p)
	}
	order(true, 40, "cancelled", ago(20))
	// 41: contract basis with a paid order (no LAW-03).
	p = person0(41)
	p.basis = "contract"
	contact(41, false, p)
	order(false, 41, "paid", ago(20))
	// 42, 43: basis last reviewed 500 days ago, never reviewed (LAW-04).
	p = person0(42)
	p.reviewed = ago(500)
	contact(42, true, p)
	p = person0(43)
	p.reviewed = nil
	contact(43, true, p)
	// 44, 45: prospects created four years ago, no order (RET-01).
	for id := 44; id <= 45; id++ {
		p := person0(id)
		p.created = ago(1500)
		contact(id, true, p)
	}
	// 46: as old, but under a complete legal hold (no RET-01, no RET-06).
	p = person0(46)
	p.created = ago(1500)
	contact(46, false, p)
	add(holds, false, int64(1), int64(46), "litigation 2024-17", "legal", now.Add(100*day), nil, ago(200))
	// 47, 48: former customers, last order almost four years ago (RET-02).
	for id := 47; id <= 48; id++ {
		p := person0(id)
		p.basis, p.created = "contract", ago(2000)
		contact(id, true, p)
		order(true, id, "paid", ago(1400))
	}
	// 49, 50: soft-deleted 100 days ago, names and email kept (RET-04).
	for id := 49; id <= 50; id++ {
		p := person0(id)
		p.deleted, p.deletedAt = 1, ago(100)
		contact(id, true, p)
	}
	// 51: soft-deleted five days ago, same email as contact 1 (no RET-04, no MIN-04).
	p = person0(51)
	p.deleted, p.deletedAt, p.email = 1, ago(5), "p1@mail-1.eu"
	contact(51, false, p)
	// 52: soft-deleted long ago and anonymised (no RET-04).
	p = person0(52)
	p.deleted, p.deletedAt, p.email, p.birth, p.country, p.basis = 1, ago(400), nil, nil, nil, nil
	contact(52, false, p)
	// 53: health data with explicit consent; 54, 55: with plain consent (SPC-01, SPC-04).
	for id := 53; id <= 55; id++ {
		p := person0(id)
		if !clean {
			p.health = "diabetes type 2"
		}
		contact(id, false, p)
		typ := "explicit"
		if id > 53 {
			typ = "consent"
		}
		grant(false, id, ago(100), func(r []any) { r[5] = typ })
	}
	// 56: created after its email was suppressed (ERA-03, the list spells it differently).
	p = person0(56)
	p.email, p.created = "returned@mail.eu", ago(50)
	contact(56, true, p)
	add(suppressions, true, int64(1), " Returned@Mail.EU ", ago(100))
	// 57: suppressed after it was created: not re-created.
	p = person0(57)
	p.email = "stayed@mail.eu"
	contact(57, false, p)
	add(suppressions, false, int64(2), "stayed@mail.eu", ago(100))
	// 58, 59: one person twice, the email spelled differently (MIN-04).
	for _, id := range []int{58, 59} {
		p := person0(id)
		p.email = "Dup@Example-Mail.eu"
		if id == 59 {
			p.email = " dup@example-mail.eu"
		}
		contact(id, true, p)
	}
	// 60: erased, yet still there (ERA-02); 61: erased by hash, still there (ERA-02 where
	// SQL has SHA-256).
	contact(60, true, person0(60))
	p = person0(61)
	p.email = "hashed@mail.eu"
	contact(61, true, p)
	// 62: withdrew, not marketed since (the campaign went out before) (no CNS-03).
	p = person0(62)
	contact(62, false, p)
	grant(false, 62, ago(400), nil)
	withdraw(false, 62, ago(200))
	add(sends, false, int64(2), int64(62), "marketing", ago(300))
	// 63: withdrew, not opted in, but still on a list (CNS-03).
	p = person0(63)
	contact(63, true, p)
	grant(true, 63, ago(400), nil)
	withdraw(true, 63, ago(200))
	add(lists, true, int64(2), int64(63), "newsletter")

	// Web events older than 13 months (RET-05); every web event is on legitimate interest
	// without an LIA (LAW-02, activity PA-3).
	for id := 1; id <= 3; id++ {
		event(true, id, "pageview", ago(500))
	}
	// Erasure requests.
	add(requests, true, int64(1), int64(1), sha256Hex("p1@mail-1.eu"), ago(60), nil, "open")             // ERA-01
	add(requests, false, int64(2), int64(2), sha256Hex("p2@mail-2.eu"), ago(5), nil, "open")             // within the month
	add(requests, true, int64(3), int64(60), sha256Hex("p60@mail-60.eu"), ago(30), ago(10), "completed") // ERA-02: contact 60 still there
	add(requests, true, int64(4), int64(999), nil, ago(30), ago(10), "completed")                        // ERA-02: notes of 999 remain
	add(requests, true, int64(5), nil, sha256Hex("hashed@mail.eu"), ago(30), ago(10), "completed")       // ERA-02 by hash
	add(requests, false, int64(6), nil, sha256Hex("gone@mail.eu"), ago(30), ago(10), "completed")
	add(requests, false, int64(7), int64(3), sha256Hex("p3@mail-3.eu"), ago(30), ago(20), "rejected")
	// Notes: of a live contact; of a hard-deleted contact (999); of a soft-deleted one (ERA-04).
	add(notes, false, int64(1), int64(1), "Called about the renewal.", ago(20))
	add(notes, true, int64(2), int64(999), "Asked for a callback.", ago(40))
	add(notes, true, int64(3), int64(999), "Sent the brochure.", ago(35))
	add(notes, true, int64(4), int64(49), "Prefers phone.", ago(150))
	// Aliases: personal, covered by PA-1's period, but no date column (RET-03 no-anchor).
	for id := 1; id <= 2; id++ {
		r := []any{int64(id), int64(id), fmt.Sprintf("alias%d@mail.eu", id)}
		if clean {
			r = append(r, ago(10))
		}
		add(aliases, false, r...)
	}
	// Holds: incomplete, past review, whole table (RET-06); released ones do not count.
	add(holds, true, int64(2), int64(1), "audit 2025", nil, now.Add(100*day), nil, ago(50))
	add(holds, true, int64(3), int64(2), "claim 88", "legal", ago(10), nil, ago(300))
	add(holds, true, int64(4), nil, "regulator inquiry", "dpo", now.Add(50*day), nil, ago(20))
	add(holds, false, int64(5), int64(3), nil, nil, nil, ago(5), ago(400))
	// Staff: personal data in no activity and, on servers, readable by everyone.
	for id := 1; id <= 3; id++ {
		add(staff, false, int64(id), fmt.Sprintf("staff%d@nordlicht.eu", id), fmt.Sprintf("Staff Member %d", id), ago(700))
	}
	if !clean {
		f.grant = grantBroadly("staff")
	}

	lia, profilingPurpose, staffActivity := "", "email_marketing", ""
	if clean {
		lia = "\n    lia_ref: LIA-7"
		profilingPurpose = "profiling"
		staffActivity = "\n  - {id: PA-6, lawful_basis: contract, tables: [staff], retention: P2Y}"
	}
	f.config = `sources:
  - name: fx
    kind: sqlite
    dsn: x
    mapping:
      subjects:
        - table: contacts
          key: id
          lawful_basis_column: lawful_basis
          marketable: "marketing_opt_in = 1"
          soft_deleted: "is_deleted = 1"
          deleted_at_column: deleted_at
          email_column: email
          created_column: created_at
          birth_date_column: birth_date
          country_column: country
          basis_reviewed_column: basis_reviewed_at
      consent:
        table: consents
        subject_key: contact_id
        purpose_column: purpose
        status_column: status
        marketing_purpose: email_marketing
        marketing_channel: email
        channel_column: channel
        lawful_basis_column: consent_type
        captured_at_column: captured_at
        capture_method_column: capture_method
        capture_source_column: capture_source
        notice_version_column: notice_version
        withdrawn_at_column: withdrawn_at
        reconfirmed_at_column: reconfirmed_at
        parental_consent_column: parental_ref
      sends: [{table: campaign_sends, subject_key: contact_id, at_column: sent_at, filter: "kind = 'marketing'"}]
      lists: [{table: list_members, subject_key: contact_id}]
      interactions: [{table: web_events, subject_key: contact_id, at_column: occurred_at, filter: "event IN ('form', 'click')"}]
      contracts: [{table: orders, subject_key: contact_id, filter: "status <> 'cancelled'"}]
      retention:
        - id: prospects-3y
          table: contacts
          key: id
          subject_filter: "is_deleted = 0 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.contact_id = t.id)"
          anchor: created_at
          period: P3Y
          hold: "EXISTS (SELECT 1 FROM legal_holds h WHERE h.contact_id = t.id AND h.released_at IS NULL)"
        - id: customers-3y
          table: contacts
          key: id
          applies_to: customers
          subject_filter: "is_deleted = 0 AND EXISTS (SELECT 1 FROM orders o WHERE o.contact_id = t.id)"
          anchor: "(SELECT MAX(o.ordered_at) FROM orders o WHERE o.contact_id = t.id)"
          period: P3Y
      logs: [{table: web_events, at_column: occurred_at}]
      holds: {table: legal_holds, key: id, subject_key: contact_id, reason_column: reason, owner_column: owner,
              review_column: review_at, released_column: released_at, placed_column: placed_at}
      erasure: {table: erasure_requests, key: id, subject_key: contact_id, received_column: received_at,
                completed_column: completed_at, completed_filter: "status = 'completed'", hash_column: email_hash}
      tombstones: [{table: suppressions, email_column: email, at_column: suppressed_at}]
activities:
  - {id: PA-1, lawful_basis: contract, art9_condition: "9(2)(a) explicit consent", tables: [contacts, orders, notes, contact_aliases], retention: P3Y}
  - {id: PA-2, lawful_basis: consent, consent_purpose: email_marketing, tables: [consents, campaign_sends, list_members], retention: P3Y}
  - id: PA-3
    lawful_basis: legitimate_interest` + lia + `
    tables: [web_events]
    retention: P13M
  - {id: PA-4, lawful_basis: legal_obligation, tables: [erasure_requests, suppressions, legal_holds], retention: P3Y}
  - {id: PA-5, lawful_basis: consent, consent_purpose: ` + profilingPurpose + `}` + staffActivity + "\n"
	return f
}

func TestEventCRM(t *testing.T) {
	runFixture(t, eventCRM, expectation{
		want: map[string]int64{
			"CNS-01 contacts":                        3,
			"CNS-02 consents":                        2,
			"CNS-03 consents consent-withdrawn":      3,
			"CNS-04 consents":                        2,
			"CNS-05 consents catch-all":              2,
			"CNS-05 consents shared:email_marketing": 36,
			"CNS-06 consents":                        12,
			"CNS-06 contacts column-default":         33,
			"CNS-07 contacts":                        2,
			"LAW-01 contacts":                        2,
			"LAW-02 contacts per-person-basis":       2,
			"LAW-02 web_events activity:PA-3":        8,
			"LAW-03 contacts":                        3,
			"LAW-04 contacts":                        2,
			"RET-01 contacts prospects-3y":           2,
			"RET-02 contacts customers-3y":           2,
			"RET-03 staff no-rule":                   3,
			"RET-03 contact_aliases no-anchor":       2,
			"RET-04 contacts":                        2,
			"RET-05 web_events":                      3,
			"RET-06 legal_holds incomplete":          1,
			"RET-06 legal_holds review-overdue":      1,
			"RET-06 legal_holds whole-table":         1,
			"SPC-01 contacts":                        3,
			"SPC-04 contacts":                        2,
			"ERA-01 erasure_requests":                1,
			"ERA-02 erasure_requests":                3,
			"ERA-03 contacts":                        1,
			"ERA-04 notes":                           3,
			"MIN-04 contacts":                        2,
			"DSC-02 staff":                           3,
			"SEC-05 staff":                           3,
		},
		subjects: map[string]int64{
			"CNS-05 consents shared:email_marketing": 35,
			"LAW-02 web_events activity:PA-3":        5,
			"ERA-04 notes":                           2,
			"MIN-04 contacts":                        1,
		},
		perEngine: map[string]map[string]int64{
			"sqlite": {"ERA-02 erasure_requests": 2, "SEC-05 staff": -1}, // no SHA-256, no grants
		},
		notEval:     []string{"MIN-02"}, // no activity declares personal_data_categories
		perEngineNE: map[string][]string{"sqlite": {"SEC-05", "SEC-06"}},
	})
}
