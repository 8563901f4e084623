package rules_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// TestCleanTwin: the rules fixtures' CRMs (SuiteCRM-, event-, staging- and helpdesk-shaped)
// built without a single violation and classified by the real classifier, as the product
// runs: every rule must report nothing on every engine. A false finding costs a DPO as much
// trust as a miss.
func TestCleanTwin(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	for _, tc := range []struct {
		name  string
		build func(clean bool, now time.Time) fixture
	}{{"suite", suiteCRM}, {"event", eventCRM}, {"staging", stagingCopy}, {"helpdesk", helpdeskCRM}, {"civi-templates", civiTemplates}} {
		t.Run(tc.name, func(t *testing.T) {
			for _, mk := range engines() {
				t.Run(mk.kind, func(t *testing.T) {
					e := mk.make(t)
					f := tc.build(true, now)
					var ds dbfixture.Database
					for _, tb := range f.tables {
						ds.Tables = append(ds.Tables, *tb)
					}
					cfg, err := config.Load([]byte(f.config), f.name+".yaml")
					require.NoError(t, err)
					res := scanReal(t, e, ds, cfg, now)
					for _, fd := range res.Findings {
						assert.Fail(t, "finding on the clean twin", "%s %s.%s scope=%q records=%d: %s", fd.RuleID, fd.Location.Table,
							fd.Location.Column, fd.Evidence["scope"], fd.RecordsAffected, fd.Evidence["detail"])
					}
				})
			}
		})
	}
}

// scanReal loads tables into an engine and scans it with the real classifier, as the
// product does, with the config's first source pointed at the engine.
func scanReal(t *testing.T, e engine, ds dbfixture.Database, cfg *config.Config, now time.Time) scanner.Result {
	t.Helper()
	ctx := context.Background()
	require.NoError(t, dbfixture.Load(ctx, e.db, e.dl, ds))
	cfg.Sources[0].Kind = e.kind
	cfg.Sources[0].DSN = config.Secret(e.dsn)
	cl, err := detect.New(detect.ConfigOptions(cfg.Discovery)...)
	require.NoError(t, err)
	sc, err := scanner.New(cl, rules.Default(), scanner.WithClock(func() time.Time { return now }))
	require.NoError(t, err)
	res, err := sc.Scan(ctx, scanner.Target{Name: cfg.Sources[0].Name, Kind: e.kind, Source: e.open(t), Settings: &cfg.Sources[0], Config: cfg})
	require.NoError(t, err)
	require.Empty(t, res.Summary.TablesFailed, "checks that failed")
	return res
}

// civiTemplates is a CiviCRM-shaped CRM whose configuration tables hold the
// organisation's own texts: event descriptions, intro, thank-you and confirmation texts,
// page footers, membership type descriptions, currency and status names. They name the
// organisation's own mailbox and switchboard, and event topics ("diabetes awareness
// day"), yet are about no person; the person tables are clean.
func civiTemplates(clean bool, now time.Time) fixture {
	f := fixture{name: "civi-templates"}
	at := now.Add(-20 * 24 * time.Hour)
	contact := f.table("civicrm_contact", pk("id"), col("contact_type", dbfixture.Text), col("first_name", dbfixture.Text),
		col("last_name", dbfixture.Text), col("created_date", dbfixture.Timestamp))
	email := f.table("civicrm_email", pk("id"), col("contact_id", dbfixture.Int), col("email", dbfixture.Text),
		def("is_primary", dbfixture.SmallInt, "1"), col("created_date", dbfixture.Timestamp))
	event := f.table("civicrm_event", pk("id"), col("title", dbfixture.Text), null("summary", dbfixture.LongText), null("description", dbfixture.LongText),
		null("intro_text", dbfixture.LongText), null("footer_text", dbfixture.LongText), null("thankyou_text", dbfixture.LongText),
		null("confirm_email_text", dbfixture.LongText), col("start_date", dbfixture.Timestamp), col("created_date", dbfixture.Timestamp))
	mtype := f.table("civicrm_membership_type", pk("id"), col("name", dbfixture.Text), null("description", dbfixture.LongText),
		col("minimum_fee", dbfixture.Decimal), col("created_date", dbfixture.Timestamp))
	currency := f.table("civicrm_currency", pk("id"), col("name", dbfixture.Text), col("symbol", dbfixture.Text), col("full_name", dbfixture.Text))
	status := f.table("civicrm_participant_status_type", pk("id"), col("name", dbfixture.Text), col("label", dbfixture.Text), null("description", dbfixture.Text))
	for i := 1; i <= 12; i++ {
		contact.Rows = append(contact.Rows, []any{int64(i), "Individual", []string{"Anna", "Jonas", "Marie", "Luca"}[i%4],
			[]string{"Becker", "Dubois", "Rossi", "Nowak", "Jansen"}[i%5], at})
		email.Rows = append(email.Rows, []any{int64(i), int64(i), "member" + string(rune('a'+i)) + "@posteo.de", int64(1), at})
	}
	for i, e := range []struct{ title, desc, intro, thanks string }{
		{"Diabetes awareness day", "A day of talks on living well with diabetes, open to members and the public.",
			"Register below; places are limited.", "Thank you for registering! Questions? Write to events@nordlicht-verein.org or call +49 30 2345 6789."},
		{"Annual general meeting", "The yearly meeting of all members: reports, elections and the budget.",
			"Please confirm your attendance.", "Vielen Dank für Ihre Anmeldung. Rückfragen an info@nordlicht-verein.org."},
		{"Charity run", "Five and ten kilometre runs through the park; all proceeds go to the children's hospital.",
			"Choose your distance.", "Merci pour votre inscription ! Contact : contact@nordlicht-verein.org."},
	} {
		event.Rows = append(event.Rows, []any{int64(i + 1), e.title, e.desc, e.desc, e.intro,
			"Nordlicht e.V. · Hauptstraße 5 · 10115 Berlin · Tel. 030 23456789", e.thanks,
			"You are registered for " + e.title + ". See you there!", now.Add(30 * 24 * time.Hour), at})
	}
	for i, m := range [][2]string{{"General", "Regular membership with voting rights."}, {"Student", "Reduced fee for students; proof of enrolment required."},
		{"Honorary", "Awarded by the board for outstanding service."}} {
		mtype.Rows = append(mtype.Rows, []any{int64(i + 1), m[0], m[1], float64(40 - 15*i), at})
	}
	for i, c := range [][3]string{{"EUR", "€", "Euro"}, {"GBP", "£", "Pound Sterling"}, {"CHF", "Fr.", "Swiss Franc"}} {
		currency.Rows = append(currency.Rows, []any{int64(i + 1), c[0], c[1], c[2]})
	}
	for i, s := range [][3]string{{"Registered", "Registered", "Signed up and confirmed."}, {"Attended", "Attended", "Was present at the event."},
		{"Cancelled", "Cancelled", "Cancelled by the participant."}, {"Pending from waitlist", "On waitlist", "Waiting for a free place."}} {
		status.Rows = append(status.Rows, []any{int64(i + 1), s[0], s[1], s[2]})
	}
	f.config = `sources:
  - name: fx
    kind: sqlite
    dsn: x
activities:
  - id: PA-1
    lawful_basis: contract
    tables: [civicrm_contact, civicrm_email]
    retention: P3Y
    personal_data_categories: [identity, contact]
`
	return f
}
