package rules_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
)

// suiteCRM is built the way SuiteCRM and HubSpot keep people: the lawful basis as a
// multi-select field on the contact ("^consent^,^contract^"), an email opt-out flag with
// its date and a marketing status on the contact, per-address opt-ins with double
// opt-in dates on an email-address table linked through a relation table, target-list
// memberships, a campaign log, and a "deleted" flag on every table.
func suiteCRM(clean bool, now time.Time) fixture {
	f := fixture{name: "suite-crm"}
	add := adder(clean)
	day := 24 * time.Hour
	ago := func(days int) time.Time { return now.Add(-time.Duration(days) * day) }
	reviewed := func(days int) time.Time {
		t := ago(days)
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	optInDefault := "'opt-in'" // pre-ticked address opt-in: CNS-06 column-default
	if clean {
		optInDefault = "'not-opt-in'"
	}
	contacts := f.table("contacts", pk("id"), col("first_name", dbfixture.Text), col("last_name", dbfixture.Text),
		null("lawful_basis", dbfixture.Text), null("date_reviewed", dbfixture.Date), def("hs_email_optout", dbfixture.SmallInt, "0"),
		null("opted_out_at", dbfixture.Timestamp), col("marketing_status", dbfixture.Text), def("deleted", dbfixture.SmallInt, "0"),
		col("date_entered", dbfixture.Timestamp), col("date_modified", dbfixture.Timestamp))
	addresses := f.table("email_addresses", pk("id"), col("email_address", dbfixture.Text), def("opt_out", dbfixture.SmallInt, "0"),
		def("confirm_opt_in", dbfixture.Text, optInDefault), null("confirm_opt_in_sent_date", dbfixture.Timestamp),
		null("confirm_opt_in_date", dbfixture.Timestamp), def("deleted", dbfixture.SmallInt, "0"), col("date_modified", dbfixture.Timestamp))
	rel := f.table("email_addr_bean_rel", pk("id"), col("email_address_id", dbfixture.Int), col("bean_id", dbfixture.Int),
		col("bean_module", dbfixture.Text), def("primary_address", dbfixture.SmallInt, "0"), def("deleted", dbfixture.SmallInt, "0"),
		col("date_modified", dbfixture.Timestamp))
	lists := f.table("prospect_lists_prospects", pk("id"), col("prospect_list_id", dbfixture.Int), col("related_id", dbfixture.Int),
		col("related_type", dbfixture.Text), def("deleted", dbfixture.SmallInt, "0"), col("date_modified", dbfixture.Timestamp))
	campaigns := f.table("campaign_log", pk("id"), col("target_id", dbfixture.Int), col("target_type", dbfixture.Text),
		col("activity_type", dbfixture.Text), col("activity_date", dbfixture.Timestamp), def("deleted", dbfixture.SmallInt, "0"),
		col("date_modified", dbfixture.Timestamp))
	notes := f.table("notes", pk("id"), col("contact_id", dbfixture.Int), col("name", dbfixture.Text), col("description", dbfixture.LongText),
		def("deleted", dbfixture.SmallInt, "0"), col("date_modified", dbfixture.Timestamp))

	type person struct {
		basis, reviewed, optedOutAt any
		optOut, deleted             int64
		status                      string
		modified                    time.Time
	}
	p0 := func() person {
		return person{basis: "^consent^", reviewed: reviewed(30), status: "marketable", modified: ago(20)}
	}
	contact := func(id int, bad bool, p person) {
		add(contacts, bad, int64(id), fmt.Sprintf("Vorname%d", id), fmt.Sprintf("Nachname%d", id), p.basis, p.reviewed,
			p.optOut, p.optedOutAt, p.status, p.deleted, ago(400), p.modified)
	}
	nAddr := int64(0)
	// address adds an address linked to contact id: state is the confirm_opt_in value;
	// sent and confirmed say whether the double opt-in dates are set.
	address := func(bad bool, id int, module, state string, optOut int64, sent, confirmed bool, deleted int64, modified time.Time) {
		nAddr++
		var s, c any
		if sent {
			s = ago(60)
		}
		if confirmed {
			c = ago(59)
		}
		add(addresses, bad, nAddr, fmt.Sprintf("person%d.%d@posteo.de", id, nAddr), optOut, state, s, c, deleted, modified)
		add(rel, bad, nAddr, nAddr, int64(id), module, int64(1), deleted, modified)
	}
	confirmed := func(bad bool, id int) { address(bad, id, "Contacts", "confirmed-opt-in", 0, true, true, 0, ago(20)) }

	// 1–3: marketable, one confirmed double-opt-in address each.
	for id := 1; id <= 3; id++ {
		contact(id, false, p0())
		confirmed(false, id)
	}
	// 4, 5: marketable, address never opted in (CNS-01).
	for id := 4; id <= 5; id++ {
		contact(id, true, p0())
		address(true, id, "Contacts", "not-opt-in", 0, false, false, 0, ago(20))
	}
	// 6: single opt-in, never confirmed (CNS-02 email-opt-in).
	contact(6, true, p0())
	address(true, 6, "Contacts", "opt-in", 0, true, false, 0, ago(20))
	// 7: opted out yet still marketable (CNS-03 opted-out).
	p := p0()
	p.optOut, p.optedOutAt = 1, ago(100)
	contact(7, true, p)
	confirmed(true, 7)
	// 8: opted out, still on a target list (CNS-03 opted-out).
	p = p0()
	p.optOut, p.optedOutAt, p.status = 1, ago(100), "non-marketable"
	contact(8, true, p)
	add(lists, true, int64(1), int64(1), int64(8), "Contacts", int64(0), ago(10))
	// 9: opted out, targeted by a campaign afterwards (CNS-03 opted-out).
	p = p0()
	p.optOut, p.optedOutAt, p.status = 1, ago(100), "non-marketable"
	contact(9, true, p)
	add(campaigns, true, int64(1), int64(9), "Contacts", "targeted", ago(50), int64(0), ago(50))
	// 10: opted out properly: targeted before, list membership deleted (no CNS-03).
	p = p0()
	p.optOut, p.optedOutAt, p.status = 1, ago(100), "non-marketable"
	contact(10, false, p)
	add(campaigns, false, int64(2), int64(10), "Contacts", "targeted", ago(200), int64(0), ago(200))
	add(lists, false, int64(2), int64(1), int64(10), "Contacts", int64(1), ago(90))
	// 11: marketable, its only address opted out (CNS-03 email-opted-out, CNS-01).
	contact(11, true, p0())
	address(true, 11, "Contacts", "confirmed-opt-in", 1, true, true, 0, ago(20))
	// 12: marketable, one address opted out and one confirmed (neither).
	contact(12, false, p0())
	address(false, 12, "Contacts", "confirmed-opt-in", 1, true, true, 0, ago(20))
	confirmed(false, 12)
	// 13, 14: no lawful basis, blank or NULL (LAW-01).
	for id := 13; id <= 14; id++ {
		p := p0()
		p.status = "non-marketable"
		p.basis = ""
		if id == 14 {
			p.basis = nil
		}
		contact(id, true, p)
	}
	// 15: legitimate interest per contact, no activity with an LIA (LAW-02).
	p = p0()
	p.status, p.basis = "non-marketable", "^legitimate_interest^,^contract^"
	contact(15, true, p)
	// 16: basis reviewed 500 days ago (LAW-04).
	p = p0()
	p.status, p.reviewed = "non-marketable", reviewed(500)
	contact(16, true, p)
	// 17: deleted 100 days ago with its address, link and note still there (RET-04 on
	// three tables; ERA-04: link and note of a deleted parent).
	p = p0()
	p.status, p.deleted, p.modified = "non-marketable", 1, ago(100)
	contact(17, true, p)
	address(true, 17, "Contacts", "confirmed-opt-in", 0, true, true, 1, ago(100))
	add(notes, true, int64(1), int64(17), "Call", "Discussed the renewal with her.", int64(1), ago(100))
	// 18: deleted five days ago (within the purge window).
	p = p0()
	p.status, p.deleted, p.modified = "non-marketable", 1, ago(5)
	contact(18, false, p)
	// Links and notes of a contact hard-deleted without its children (ERA-04); a link to
	// an account with the same id is no contact's child.
	address(true, 999, "Contacts", "not-opt-in", 0, false, false, 0, ago(20))
	address(false, 999, "Accounts", "not-opt-in", 0, false, false, 0, ago(20))
	add(notes, true, int64(2), int64(999), "Visit", "Met at the trade fair.", int64(0), ago(20))
	add(notes, false, int64(3), int64(1), "Call", "Asked for the price list.", int64(0), ago(20))

	f.config = `sources:
  - name: fx
    kind: sqlite
    dsn: x
    mapping:
      subjects:
        - table: contacts
          key: id
          lawful_basis_column: lawful_basis
          marketable: "marketing_status = 'marketable'"
          opted_out: "hs_email_optout = 1"
          opted_out_at_column: opted_out_at
          soft_deleted: "deleted = 1"
          deleted_at_column: date_modified
          basis_reviewed_column: date_reviewed
      basis_values:
        consent: ["%^consent^%"]
        contract: ["%^contract^%"]
        legitimate_interest: ["%^legitimate_interest^%"]
      email_consent:
        table: email_addresses
        key: id
        link: {table: email_addr_bean_rel, address_key: email_address_id, subject_key: bean_id, filter: "bean_module = 'Contacts' AND deleted = 0"}
        opted_in: "confirm_opt_in IN ('opt-in', 'confirmed-opt-in')"
        opted_out: "opt_out = 1"
        opted_in_at_column: confirm_opt_in_sent_date
        double_opt_in_at_column: confirm_opt_in_date
        soft_deleted: "deleted = 1"
      lists: [{table: prospect_lists_prospects, subject_key: related_id, filter: "related_type = 'Contacts'"}]
      sends: [{table: campaign_log, subject_key: target_id, at_column: activity_date, filter: "activity_type = 'targeted' AND target_type = 'Contacts'"}]
      soft_delete:
        - {tables: ["*"], column: deleted, predicate: "deleted = 1", deleted_at_column: date_modified}
      relations:
        - {child: email_addr_bean_rel, column: bean_id, parent: contacts, filter: "bean_module = 'Contacts'"}
activities:
  - id: PA-1
    lawful_basis: contract
    tables: [contacts, email_addresses, email_addr_bean_rel, notes, prospect_lists_prospects, campaign_log]
    retention: P3Y
`
	return f
}

func TestSuiteCRM(t *testing.T) {
	runFixture(t, suiteCRM, expectation{
		want: map[string]int64{
			"CNS-01 contacts":                       4, // 4, 5, 11 marketable; 8 on a list; none with an opted-in address
			"CNS-02 email_addresses email-opt-in":   1,
			"CNS-03 contacts opted-out":             3,
			"CNS-03 contacts email-opted-out":       1,
			"CNS-06 email_addresses column-default": 6,
			"LAW-01 contacts":                       2,
			"LAW-02 contacts per-person-basis":      1,
			"LAW-04 contacts":                       1,
			"RET-04 contacts":                       1,
			"RET-04 email_addresses":                1,
			"RET-04 notes":                          1,
			"ERA-04 email_addr_bean_rel":            2,
			"ERA-04 notes":                          2,
		},
		notEval:     []string{"CNS-04", "CNS-05", "CNS-07", "ERA-01", "ERA-02", "ERA-03", "LAW-03", "MIN-02", "MIN-04", "RET-01", "RET-02", "RET-05", "RET-06"},
		perEngineNE: map[string][]string{"sqlite": {"SEC-05", "SEC-06"}},
	})
}
