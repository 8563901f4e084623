package rules_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/internal/suggest"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// suiteCRMDatabase is a database shaped like SuiteCRM 7: UUID keys, a deleted flag and
// date_entered / date_modified on every table, no email column on people (addresses
// live in email_addresses, linked to contacts, leads, prospects, users and accounts
// through email_addr_bean_rel by bean_id and bean_module), a multi-select lawful_basis,
// target lists of several types with polymorphic memberships, a campaign log, and a
// converted flag on leads.
//
// Each person's comment says what it must count for once `gdprscan init` has drafted
// the mapping and a scan runs with the draft untouched.
func suiteCRMDatabase(clean bool, now time.Time) []dbfixture.Table {
	day := 24 * time.Hour
	ago := func(days int) time.Time { return now.Add(-time.Duration(days) * day) }
	id := func(kind string, n int) string { return fmt.Sprintf("%s-%04d-4c1e-9a5b-00000000%04d", kind, n, n) }
	uuid := dbfixture.Column{Name: "id", Type: dbfixture.Text, PrimaryKey: true}
	text, flag, at := fixtureColumns()
	stamps := []dbfixture.Column{flag("deleted"), at("date_entered"), at("date_modified")}
	table := func(name string, cols ...dbfixture.Column) *dbfixture.Table {
		return &dbfixture.Table{Name: name, Columns: append(cols, stamps...)}
	}
	contacts := table("contacts", uuid, text("salutation"), text("first_name"), text("last_name"), text("title"), text("phone_mobile"),
		text("primary_address_city"), text("lead_source"), dbfixture.Column{Name: "lawful_basis", Type: dbfixture.LongText, Nullable: true},
		dbfixture.Column{Name: "date_reviewed", Type: dbfixture.Date, Nullable: true}, text("lawful_basis_source"), text("assigned_user_id"))
	leads := table("leads", uuid, text("first_name"), text("last_name"), text("title"), text("phone_mobile"), text("status"),
		flag("converted"), text("lead_source"), dbfixture.Column{Name: "lawful_basis", Type: dbfixture.LongText, Nullable: true}, text("contact_id"))
	prospects := table("prospects", uuid, text("first_name"), text("last_name"), text("phone_mobile"), text("lead_id"),
		dbfixture.Column{Name: "lawful_basis", Type: dbfixture.LongText, Nullable: true})
	users := table("users", uuid, text("user_name"), text("first_name"), text("last_name"), text("status"), flag("is_admin"))
	accounts := table("accounts", uuid, text("name"), text("billing_address_city"), text("industry"))
	addresses := table("email_addresses", uuid, text("email_address"), text("email_address_caps"), flag("invalid_email"), flag("opt_out"),
		dbfixture.Column{Name: "confirm_opt_in", Type: dbfixture.Text, Default: "'not-opt-in'"}, at("confirm_opt_in_date"), at("confirm_opt_in_sent_date"))
	rel := table("email_addr_bean_rel", uuid, text("email_address_id"), text("bean_id"), text("bean_module"), flag("primary_address"), flag("reply_to_address"))
	lists := table("prospect_lists", uuid, text("name"), text("list_type"), text("description"))
	members := table("prospect_lists_prospects", uuid, text("prospect_list_id"), text("related_id"), text("related_type"))
	campaigns := table("campaigns", uuid, text("name"), text("campaign_type"), text("status"))
	clog := table("campaign_log", uuid, text("campaign_id"), text("target_tracker_key"), text("target_id"), text("target_type"),
		text("activity_type"), at("activity_date"), text("related_id"), text("related_type"), text("list_id"))

	// bad marks the rows that follow as a violation's, left out of the clean twin.
	dropping := false
	bad := func(b bool) { dropping = clean && b }
	row := func(t *dbfixture.Table, deleted int64, entered, modified time.Time, vals ...any) {
		if !dropping {
			t.Rows = append(t.Rows, append(vals, deleted, entered, modified))
		}
	}
	newsletter, exempt, test := id("list", 1), id("list", 2), id("list", 3)
	row(lists, 0, ago(900), ago(900), newsletter, "Monthly newsletter", "default", "Customers and prospects who get the newsletter")
	row(lists, 0, ago(900), ago(900), exempt, "Do not mail", "exempt", "People who asked not to be mailed")
	row(lists, 0, ago(900), ago(900), test, "Internal test", "test", "Our own inboxes")
	row(lists, 0, ago(900), ago(900), id("list", 4), "Seed monitors", "seed", nil)
	row(campaigns, 0, ago(400), ago(400), id("camp", 1), "Spring offer", "Email", "Active")

	nAddr, nMember, nLog := 0, 0, 0
	// address links a new address to the bean; state is confirm_opt_in.
	address := func(bean, module, email, state string, optOut int64, modified time.Time, linkDeleted int64) {
		nAddr++
		a := id("addr", nAddr)
		var confirmed any
		if state == "confirmed-opt-in" {
			confirmed = ago(300)
		}
		row(addresses, 0, ago(400), modified, a, email, strings.ToUpper(email), int64(0), optOut, state, confirmed, ago(301))
		row(rel, linkDeleted, ago(400), modified, id("rel", nAddr), a, bean, module, int64(1), int64(0))
	}
	member := func(list, bean, module string, deleted int64) {
		nMember++
		row(members, deleted, ago(200), ago(200), id("memb", nMember), list, bean, module)
	}
	logged := func(bean, module, activity string, when time.Time) {
		nLog++
		row(clog, 0, when, when, id("clog", nLog), id("camp", 1), fmt.Sprintf("trk%d", nLog), bean, module, activity, when, nil, nil, newsletter)
	}
	targeted := func(bean, module string, when time.Time) { logged(bean, module, "targeted", when) }
	mail := func(kind string, n int) string { return fmt.Sprintf("%s%d.person@posteo.de", kind, n) }
	firsts := []string{"Greta", "Jonas", "Mia", "Lukas", "Hanna", "Felix", "Ida", "Paul", "Lena", "Erik", "Nora", "Oskar", "Maja", "Emil", "Lotta", "Theo"}
	lasts := []string{"Lindqvist", "Wolff", "Berger", "Schulz", "Hansen", "Krüger", "Nyberg", "Fischer", "Brandt", "Vogel", "Sundberg", "Keller", "Lorenz", "Winter", "Hartmann", "Engel"}
	first := func(n int) string { return firsts[n%len(firsts)] }
	last := func(n int) string { return lasts[(n*7)%len(lasts)] }
	contact := func(n int, basis any, deleted int64) string {
		c := id("cont", n)
		row(contacts, deleted, ago(500), ago(40), c, "Ms.", first(n), last(n), "Buyer",
			fmt.Sprintf("+49 151 2345%04d", n), "Hamburg", "Web Site", basis, now.AddDate(0, -2, 0).Truncate(day), "Website", id("user", 1))
		return c
	}

	// Contacts. CNS-01: 3, 4, 5, 12. CNS-03 email-opted-out: 5 (on a list), 7 (sent after
	// opting out). CNS-03 basis-withdrawn: 13. CNS-03 unsubscribed: 15.
	bad(false)
	c := contact(1, "^consent^", 0) // on the newsletter, confirmed double opt-in: fine
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 1), "confirmed-opt-in", 0, ago(300), 0)
	bad(false)
	c = contact(2, "^consent^", 0) // single opt-in: consented (CNS-02's business)
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 2), "opt-in", 0, ago(300), 0)
	bad(true)
	c = contact(3, "^consent^", 0) // never opted in: CNS-01
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 3), "not-opt-in", 0, ago(300), 0)
	bad(true)
	c = contact(4, "^legitimate_interest^,^contract^", 0) // no address at all: CNS-01
	member(newsletter, c, "Contacts", 0)
	bad(true)
	c = contact(5, "^consent^", 0) // only address opted out, still on the newsletter: CNS-01, CNS-03
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 5), "confirmed-opt-in", 1, ago(60), 0)
	bad(false)
	c = contact(6, "^consent^", 0) // opted out and on the exempt list only: fine
	member(exempt, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 6), "confirmed-opt-in", 1, ago(60), 0)
	bad(true)
	c = contact(7, "^consent^", 0) // opted out 100 days ago, targeted 50 days ago: CNS-03
	address(c, "Contacts", mail("c", 7), "confirmed-opt-in", 1, ago(100), 0)
	targeted(c, "Contacts", ago(50))
	bad(false)
	c = contact(8, "^consent^", 0) // opted out 30 days ago, targeted 200 days ago: fine
	address(c, "Contacts", mail("c", 8), "confirmed-opt-in", 1, ago(30), 0)
	targeted(c, "Contacts", ago(200))
	bad(false)
	c = contact(9, "^consent^", 0) // removed from the newsletter (membership deleted): fine
	member(newsletter, c, "Contacts", 1)
	address(c, "Contacts", mail("c", 9), "not-opt-in", 0, ago(300), 0)
	bad(false)
	c = contact(10, "^consent^", 0) // one address opted out, another confirmed: fine
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 10), "confirmed-opt-in", 1, ago(90), 0)
	address(c, "Contacts", "work"+mail("c", 10), "confirmed-opt-in", 0, ago(300), 0)
	bad(false)
	c = contact(11, "^consent^", 1) // deleted contact: left to RET-04
	member(newsletter, c, "Contacts", 0)
	bad(true)
	c = contact(12, "^consent^", 0) // its confirmed address is unlinked (link deleted): CNS-01
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 12), "confirmed-opt-in", 0, ago(300), 1)
	bad(true)
	c = contact(13, "^withdrawn^", 0) // basis withdrawn, still on the newsletter: CNS-03
	member(newsletter, c, "Contacts", 0)
	address(c, "Contacts", mail("c", 13), "confirmed-opt-in", 0, ago(300), 0)
	bad(false)
	c = contact(14, "^consent^", 0) // on the internal test list only: fine
	member(test, c, "Contacts", 0)
	bad(true)
	c = contact(15, "^consent^", 0) // clicked "remove me" 60 days ago, targeted 30 days ago: CNS-03
	address(c, "Contacts", mail("c", 15), "confirmed-opt-in", 0, ago(300), 0)
	logged(c, "Contacts", "removed", ago(60))
	targeted(c, "Contacts", ago(30))
	bad(false)
	c = contact(16, "^consent^", 0) // targeted 60 days ago, removed 30 days ago: fine
	address(c, "Contacts", mail("c", 16), "confirmed-opt-in", 0, ago(300), 0)
	targeted(c, "Contacts", ago(60))
	logged(c, "Contacts", "removed", ago(30))

	// Leads. RET-01 (P3Y from the last link clicked, else date_entered; converted and
	// deleted leads excluded): 2, 5, 7, 10. CNS-01: 2. CNS-03 email-opted-out: 8.
	lead := func(n int, status string, converted int64, enteredDays int, deleted int64) string {
		l := id("lead", n)
		row(leads, deleted, ago(enteredDays), ago(enteredDays), l, first(n+5), last(n+3), "Manager",
			fmt.Sprintf("+49 160 9876%04d", n), status, converted, "Trade Show", "^consent^", nil)
		return l
	}
	bad(false)
	l := lead(1, "Assigned", 0, 100, 0) // on the newsletter, confirmed: fine
	member(newsletter, l, "Leads", 0)
	address(l, "Leads", mail("l", 1), "confirmed-opt-in", 0, ago(90), 0)
	bad(true)
	l = lead(2, "New", 0, 4*365+20, 0) // entered four years ago, on the list with no address: RET-01, CNS-01
	member(newsletter, l, "Leads", 0)
	bad(false)
	lead(3, "Converted", 1, 5*365, 0) // converted: fine
	bad(false)
	lead(4, "New", 0, 4*365, 1) // deleted: left to RET-04
	bad(true)
	lead(5, "In Process", 0, 3*365+10, 0)
	bad(false)
	lead(6, "New", 0, 2*365, 0)
	bad(true)
	lead(7, "Dead", 0, 6*365, 0)
	bad(true)
	l = lead(8, "Assigned", 0, 30, 0) // opted out 100 days ago, targeted 20 days ago: CNS-03
	address(l, "Leads", mail("l", 8), "confirmed-opt-in", 1, ago(25), 0)
	targeted(l, "Leads", ago(20))
	bad(false)
	l = lead(9, "In Process", 0, 5*365, 0) // entered five years ago, clicked a campaign link 100 days ago: fine
	logged(l, "Leads", "targeted", ago(101))
	logged(l, "Leads", "link", ago(100))
	bad(true)
	l = lead(10, "In Process", 0, 5*365, 0) // entered five years ago, only opened a mail 100 days ago: RET-01
	logged(l, "Leads", "targeted", ago(101))
	logged(l, "Leads", "viewed", ago(100))

	// Prospects (targets). RET-01: 1. CNS-01: 3.
	prospect := func(n, enteredDays int, deleted int64) string {
		p := id("pros", n)
		row(prospects, deleted, ago(enteredDays), ago(enteredDays), p, first(n+9), last(n+11),
			fmt.Sprintf("+49 170 5555%04d", n), nil, "^consent^")
		return p
	}
	bad(true)
	p := prospect(1, 4*365, 0)
	address(p, "Prospects", mail("p", 1), "confirmed-opt-in", 0, ago(400), 0)
	bad(false)
	prospect(2, 5*365, 1)
	bad(true)
	p = prospect(3, 365, 0)
	member(newsletter, p, "Prospects", 0)

	bad(false)
	// A user and an account have addresses too; neither is marketed.
	u := id("user", 1)
	row(users, 0, ago(900), ago(10), u, "admin", "Sven", "Ekberg", "Active", int64(1))
	address(u, "Users", "sven.ekberg@crm-firma.de", "not-opt-in", 0, ago(900), 0)
	a := id("acct", 1)
	row(accounts, 0, ago(900), ago(10), a, "Nordlicht Logistik GmbH", "Bremen", "Transportation")
	address(a, "Accounts", "info@nordlicht-logistik.de", "not-opt-in", 0, ago(900), 0)

	var out []dbfixture.Table
	for _, t := range []*dbfixture.Table{contacts, leads, prospects, users, accounts, addresses, rel, lists, members, campaigns, clog} {
		out = append(out, *t)
	}
	return out
}

// initAndScan does what `gdprscan init` does on the loaded database (read and classify
// the catalogue with the real classifier, draft, write the file), loads the file as it
// was written and scans with it. It returns the config, the file, and the records of
// each finding of the given rules keyed "RULE table [scope]"; every drafted query must
// run and every counted finding's reproduce_sql must return its rows.
func initAndScan(t *testing.T, e engine, now time.Time, ruleIDs ...string) (*config.Config, string, map[string]int64) {
	t.Helper()
	ctx := context.Background()
	classifier, err := detect.New()
	require.NoError(t, err)
	cat, err := suggest.Read(ctx, e.open(t), classifier, config.DefaultSampleSize)
	require.NoError(t, err)
	require.Empty(t, cat.Skipped)
	draft := suggest.Suggest(cat)
	path := filepath.Join(t.TempDir(), "gdprscan.yaml")
	doc := string(draft.YAML(suggest.Header{Name: "fx", Kind: e.kind, DSN: e.dsn, Now: now}))
	require.NoError(t, os.WriteFile(path, []byte(doc), 0o600))
	cfg, err := config.LoadFile(path)
	require.NoError(t, err, doc)

	sc, err := scanner.New(classifier, rules.Default(), scanner.WithClock(func() time.Time { return now }))
	require.NoError(t, err)
	res, err := sc.Scan(ctx, scanner.Target{Name: "fx", Kind: e.kind, Source: e.open(t), Settings: &cfg.Sources[0], Config: cfg})
	require.NoError(t, err)
	require.Empty(t, res.Summary.TablesFailed, "every drafted query runs\n%s", doc)
	got := map[string]int64{}
	var counted []scanner.Finding
	for _, f := range res.Findings {
		if !slices.Contains(ruleIDs, f.RuleID) {
			continue
		}
		k := f.RuleID + " " + f.Location.Table
		if s := f.Evidence["scope"]; s != "" {
			k += " " + s
		}
		got[k] = f.RecordsAffected
		counted = append(counted, f)
	}
	checkReproduce(t, e, counted)
	return cfg, doc, got
}

// The mapping `gdprscan init` drafts from a SuiteCRM-shaped database, used untouched,
// gives the exact counts the data was built with for CNS-01, CNS-03 and RET-01, and
// none at all on its clean twin (the same database without the violating people).
func TestInitDraftOfSuiteCRMCountsExactly(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	for _, mk := range engines() {
		t.Run(mk.kind, func(t *testing.T) {
			clean := mk.make(t)
			require.NoError(t, dbfixture.Load(context.Background(), clean.db, clean.dl, dbfixture.Database{Tables: suiteCRMDatabase(true, now)}))
			cleanCfg, doc, got := initAndScan(t, clean, now, "CNS-01", "CNS-03", "RET-01")
			assert.Empty(t, got, "clean twin\n%s", doc)
			cm := cleanCfg.Sources[0].Mapping // the same shapes are drafted, so zero is a finding
			assert.NotNil(t, cm.EmailConsent)
			assert.Len(t, cm.Lists, 2, "contacts and leads (no prospect is listed in the twin)")
			assert.Len(t, cm.Sends, 2)
			assert.Len(t, cm.Withdrawals, 2)
			assert.Len(t, cm.Retention, 2)

			e := mk.make(t)
			require.NoError(t, dbfixture.Load(context.Background(), e.db, e.dl, dbfixture.Database{Tables: suiteCRMDatabase(false, now)}))
			cfg, doc, got := initAndScan(t, e, now, "CNS-01", "CNS-03", "RET-01")
			for _, raw := range []string{"Lindqvist", "posteo.de", "+49 151"} {
				require.NotContains(t, doc, raw, "no sampled personal value in the draft")
			}

			m := cfg.Sources[0].Mapping
			var subjects []string
			for _, s := range m.Subjects {
				subjects = append(subjects, s.Table)
			}
			require.Equal(t, []string{"contacts", "leads", "prospects", "users"}, subjects, doc)
			require.NotNil(t, m.EmailConsent, doc)
			var linked []string
			for _, l := range m.EmailConsent.Links {
				linked = append(linked, l.SubjectTable+": "+l.Filter)
			}
			assert.Equal(t, []string{"contacts: bean_module = 'Contacts'", "leads: bean_module = 'Leads'", "prospects: bean_module = 'Prospects'",
				"users: bean_module = 'Users'"}, linked)
			assert.Equal(t, "opt_out = 1", m.EmailConsent.OptedOut)
			assert.Equal(t, "date_modified", m.EmailConsent.OptedOutAtColumn)
			assert.Len(t, m.Lists, 3, "newsletter memberships of contacts, leads and prospects")
			assert.Len(t, m.Sends, 2, "campaign sends to contacts and leads")
			assert.Equal(t, "lawful_basis", m.Subjects[1].LawfulBasisColumn)
			assert.Equal(t, []string{"%^withdrawn^%"}, m.BasisValues["withdrawn"])
			var leadRule config.RetentionRule
			for _, r := range m.Retention {
				if r.Table == "leads" {
					leadRule = r
				}
			}
			assert.Equal(t, "COALESCE(converted, 0) = 0 AND NOT (deleted = 1)", leadRule.SubjectFilter)
			assert.Equal(t, "COALESCE((SELECT MAX(i.activity_date) FROM campaign_log i WHERE i.target_id = t.id AND (activity_type = 'link' AND target_type = 'Leads')), date_entered)",
				leadRule.Anchor, "a mere open (viewed) is no contact the lead started")

			assert.Equal(t, map[string]int64{
				"CNS-01 contacts":                 4,
				"CNS-01 leads":                    1,
				"CNS-01 prospects":                1,
				"CNS-03 contacts email-opted-out": 2,
				"CNS-03 contacts basis-withdrawn": 1,
				"CNS-03 contacts unsubscribed":    1,
				"CNS-03 leads email-opted-out":    1,
				"RET-01 leads leads-3y":           4,
				"RET-01 prospects prospects-3y":   1,
			}, got, doc)
		})
	}
}

// fixtureColumns are the column kinds the CRM fixtures use: nullable text, a 0/1 flag
// defaulting to 0 and a nullable timestamp.
func fixtureColumns() (text, flag, at func(string) dbfixture.Column) {
	return func(n string) dbfixture.Column { return dbfixture.Null(n, dbfixture.Text) },
		func(n string) dbfixture.Column { return dbfixture.Def(n, dbfixture.SmallInt, "0") },
		func(n string) dbfixture.Column { return dbfixture.Null(n, dbfixture.Timestamp) }
}
