package rules_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/rules/detect"
)

func init() {
	for _, n := range []string{"user_hash", "pwd", "kennwort", "mot_de_passe", "api_token"} {
		categories[n] = detect.PasswordOrSecret
	}
	categories["cardnumber"] = detect.PaymentCard
	categories["national_id"] = detect.NationalID
	categories["iban"] = detect.IBANBankAccount
}

// helpdeskCRM is a service desk built the way SuiteCRM, Dolibarr and AdventureWorks keep
// things: cases and notes written by agents, password stores under each CRM's own name
// (users.user_hash, pwd, kennwort, mot_de_passe) next to an API token table, a credit
// card table with test numbers, identity numbers on the contact, and a record of
// processing that declares its data categories.
func helpdeskCRM(clean bool, now time.Time) fixture {
	f := fixture{name: "helpdesk"}
	add := adder(clean)
	at := now.Add(-40 * 24 * time.Hour)
	contacts := f.table("contacts", pk("id"), col("first_name", dbfixture.Text), col("email", dbfixture.Text),
		null("birth_date", dbfixture.Date), null("national_id", dbfixture.Text), null("iban", dbfixture.Text),
		null("passport_number", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	cases := f.table("cases", pk("id"), col("contact_id", dbfixture.Int), null("description", dbfixture.LongText), col("created_at", dbfixture.Timestamp))
	notes := f.table("notes", pk("id"), col("contact_id", dbfixture.Int), null("body", dbfixture.LongText), col("created_at", dbfixture.Timestamp))
	cards := f.table("creditcard", pk("id"), col("contact_id", dbfixture.Int), col("cardnumber", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	users := f.table("users", pk("id"), col("user_name", dbfixture.Text), col("user_hash", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	portal := f.table("portal_users", pk("id"), col("login", dbfixture.Text), col("pwd", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	staff := f.table("mitarbeiter", pk("id"), col("login", dbfixture.Text), col("kennwort", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	staffFR := f.table("utilisateurs", pk("id"), col("login", dbfixture.Text), col("mot_de_passe", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	tokens := f.table("api_clients", pk("id"), col("client", dbfixture.Text), col("api_token", dbfixture.Text), col("created_at", dbfixture.Timestamp))

	// Identity numbers: readable ones count for SEC-04, masked, hashed or encrypted ones not.
	ids := []struct {
		national, iban, passport any
		bad                      bool
	}{
		{"185057800608436", "DE89 3704 0044 0532 0130 00", "C01X00T47", true}, // NIR, IBAN, DE passport
		{"AB 12 34 56 C", "GB82WEST12345698765432", "12AB34567", true},        // NINO, IBAN, FR passport
		{"659.299.704.89", "DE** **** **** **** **30 00", "C01X*****", true},  // Steuer-ID with dots
		{"***-**-1234", "tok_iban_8f2k", nil, false},
		{"5f4dcc3b5aa765d61d8327deb882cf99", nil, nil, false},
		{"enc:v1:Zm9vYmFyYmF6cXV4", nil, nil, false},
		{"XXXXX1234", nil, nil, false},
		{nil, nil, nil, false},
		{nil, nil, nil, false},
		{nil, nil, nil, false},
	}
	for i, id := range ids {
		var dob any
		if i < 3 && !clean {
			dob = time.Date(1980+i, 5, 17, 0, 0, 0, 0, time.UTC) // MIN-02: birth date not declared
		}
		if clean && id.bad {
			id.national, id.iban, id.passport = "***-**-1234", "DE** **** **** **** **30 00", "C01X*****"
		}
		add(contacts, false, int64(i+1), fmt.Sprintf("Vorname%d", i), fmt.Sprintf("person%d@example.org", i), dob,
			id.national, id.iban, id.passport, at)
	}

	// Cases: three with an identifier (DSC-03), three with a special-category term (SPC-02).
	for i, c := range []struct {
		text any
		bad  bool
	}{
		{"Customer asked to be called back on +49 30 1234567 tomorrow.", true},
		{"Forwarded to anna.schmidt@posteo.de for follow-up.", true},
		{"Refund to DE89 3704 0044 0532 0130 00 approved.", true},
		{"Meeting on 01.02.2023 10:30 about the renewal.", false}, // a date and a time, not a phone
		{"Order 2023-000123456 shipped.", false},                  // an order number
		{"Patient was diagnosed with diabetes last year; prefers morning calls.", true},
		{"Asked about halal catering for the event.", true},
		{"Renewal discussed, sent the price list.", false},
		{nil, false},
		{"Ist seit März schwanger, Termin verschieben.", true},
	} {
		add(cases, c.bad, int64(i+1), int64(i%10+1), c.text, at)
	}
	for i, n := range []struct {
		text string
		bad  bool
	}{
		{"Call me at 0171 2345678 after six.", true},       // DSC-03: a German mobile number
		{"Wife is Catholic, avoid Friday meetings.", true}, // SPC-02
		{"Trade union representative present.", true},      // SPC-02
		{"Sent brochure.", false},
		{"Diagnostics of the router completed.", false}, // not a diagnosis
		{"Mr Krebs called about the invoice.", false},   // a surname
		{"Write to info@ for details.", false},          // no address
		{"Islamabad office opened.", false},             // not a religion
		{"Her direct line: 0044 20 7946 0958.", true},   // DSC-03: an international number written with 00
	} {
		add(notes, n.bad, int64(i+1), int64(i+1), n.text, at)
	}

	// Card numbers: four pass Luhn (SEC-01), two fail it (SEC-01 luhn-failed).
	for i, c := range []struct {
		number string
		bad    bool
	}{
		{"4111111111111111", true}, {"5500 0055 5555 5559", true}, {"378282246310005", true}, {"6011111111111117", true},
		{"4111111111111112", true}, {"1234-5678-9012-3456", true},
		{"411111******1111", false}, {"tok_4f8a2c", false},
	} {
		if clean && c.bad {
			c.number = "411111******1111"
		}
		add(cards, false, int64(i+1), int64(i+1), c.number, at)
	}

	bcrypt := "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm"
	// SuiteCRM's users.user_hash: one plaintext, three weak (MD5, SHA-1, SHA-512 hex),
	// the rest modern in the forms frameworks write them.
	for i, h := range []struct {
		v   string
		bad bool
	}{
		{"5f4dcc3b5aa765d61d8327deb882cf99", true},
		{"5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", true},
		{"b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86", true},
		{"Sommer2024", true},
		{bcrypt, false},
		{"$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", false},
		{"argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$Zm9vYmFy", false}, // Django
		{"bcrypt_sha256$$2b$12$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm", false},
		{"pbkdf2:sha256:600000$c29tZXNhbHQ$0d6bba5b3d4b7b4c6a3c0b1e2f3a4b5c", false}, // Werkzeug
		{"scrypt:32768:8:1$c29tZXNhbHQ$0d6bba5b3d4b7b4c6a3c0b1e2f3a4b5c", false},
		{"$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7", false}, // yescrypt
	} {
		if clean && h.bad {
			h.v = bcrypt
		}
		add(users, false, int64(i+1), fmt.Sprintf("agent%d", i), h.v, at)
	}
	for i, v := range []string{"hunter2", "geheim", "$2y$10$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm"} {
		if clean {
			v = bcrypt
		}
		add(portal, false, int64(i+1), fmt.Sprintf("kunde%d", i), v, at)
	}
	for i, v := range []string{"$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "Passwort123", bcrypt} {
		if clean {
			v = bcrypt
		}
		add(staff, false, int64(i+1), fmt.Sprintf("ma%d", i), v, at)
	}
	for i, v := range []string{"motdepasse", bcrypt} {
		if clean {
			v = bcrypt
		}
		add(staffFR, false, int64(i+1), fmt.Sprintf("u%d", i), v, at)
	}
	// API tokens are random and must be usable: never judged as password hashes.
	for i, v := range []string{"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", "sk_live_4eC39HqLyjWDarjtT1zdp7dc"} {
		add(tokens, false, int64(i+1), fmt.Sprintf("client%d", i), v, at)
	}

	f.config = `sources:
  - name: fx
    kind: sqlite
    dsn: x
activities:
  - id: PA-1
    lawful_basis: contract
    tables: [contacts, cases, notes, creditcard]
    retention: P3Y
    personal_data_categories: [person_name, contact, national_id, passport, iban_bank_account, payment_card]
  - id: PA-2
    lawful_basis: contract
    tables: [users, portal_users, mitarbeiter, utilisateurs, api_clients]
    retention: P3Y
    personal_data_categories: [username, password_or_secret]
`
	return f
}

func TestHelpdeskCRM(t *testing.T) {
	runFixture(t, helpdeskCRM, expectation{
		want: map[string]int64{
			"DSC-03 cases":                      3,
			"DSC-03 notes":                      2,
			"SPC-02 cases":                      3,
			"SPC-02 notes":                      2,
			"SEC-01 creditcard":                 4,
			"SEC-01 creditcard luhn-failed":     2,
			"SEC-03 users plaintext":            1,
			"SEC-03 users weak-hash":            3,
			"SEC-03 portal_users plaintext":     2,
			"SEC-03 mitarbeiter plaintext":      1,
			"SEC-03 mitarbeiter weak-hash":      1,
			"SEC-03 utilisateurs plaintext":     1,
			"SEC-04 contacts national_id":       3,
			"SEC-04 contacts iban_bank_account": 2,
			"SEC-04 contacts passport":          2,
			"MIN-02 contacts":                   3,
		},
		notEval: []string{"CNS-01", "CNS-02", "CNS-03", "CNS-04", "CNS-05", "CNS-06", "CNS-07", "ERA-01", "ERA-02", "ERA-03",
			"ERA-04", "LAW-01", "LAW-03", "LAW-04", "MIN-04", "RET-01", "RET-02", "RET-04", "RET-05", "RET-06"},
		perEngineNE: map[string][]string{"sqlite": {"SEC-05", "SEC-06"}},
	})
}

// TestHelpdeskEvidence: the new findings carry masked examples only and say when a person
// must judge them.
func TestHelpdeskEvidence(t *testing.T) {
	now := time.Now().UTC().Truncate(time.Second)
	e := engines()[0].make(t)
	r := scanFixture(t, e, helpdeskCRM(false, now), now)
	seen := map[string]bool{}
	for _, f := range r.findings {
		ev := f.Evidence["detail"] + " " + f.Evidence["masked_examples"]
		for _, raw := range []string{"anna.schmidt", "1234567", "0532 0130", "4111111111111111", "Sommer2024", "185057800608436"} {
			assert.NotContains(t, ev, raw, "%s on %s leaks a raw value", f.RuleID, f.Location.Table)
		}
		switch f.RuleID {
		case "DSC-03", "SPC-02":
			assert.Contains(t, f.Evidence["detail"], "confidence: needs human review", f.RuleID)
		}
		if f.RuleID == "DSC-03" && f.Location.Table == "cases" {
			assert.Equal(t, "*********67, a***@posteo.de, DE89**************3000", f.Evidence["masked_examples"])
		}
		if f.RuleID == "SEC-01" && f.Evidence["scope"] == "" {
			assert.Equal(t, "411111******1111, 550000******5559, 378282*****0005", f.Evidence["masked_examples"])
		}
		seen[f.RuleID] = true
	}
	assert.True(t, seen["DSC-03"] && seen["SPC-02"] && seen["SEC-01"])
}
