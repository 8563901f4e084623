package rules_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/rules/detect"
)

func init() {
	categories["password"] = detect.PasswordOrSecret
	categories["card_cvv"] = detect.CardSecurityCode
	categories["criminal_record"] = detect.Criminal
}

// stagingCopy is a staging database refreshed from production: customers with real
// addresses and card numbers, a lead that is one of those customers again, a profile
// column almost never filled, weak staff passwords, a stray backup table, and grants
// wider than the allowlist.
func stagingCopy(clean bool, now time.Time) fixture {
	f := fixture{name: "staging"}
	add := adder(clean)
	at := now.Add(-30 * 24 * time.Hour)
	customers := f.table("customers", pk("id"), col("email", dbfixture.Text), col("first_name", dbfixture.Text),
		col("card_number", dbfixture.Text), null("card_cvv", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	leads := f.table("leads", pk("id"), col("email", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	profiles := f.table("profiles", pk("id"), null("passport_number", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	screening := f.table("screening", pk("id"), null("criminal_record", dbfixture.Text), col("created_at", dbfixture.Timestamp))
	users := f.table("users", pk("id"), col("username", dbfixture.Text), col("password", dbfixture.Text), col("created_at", dbfixture.Timestamp))

	type customer struct {
		email, card string
		cvv         any
		bad         bool
	}
	for i, c := range []customer{
		{"lena.vogel@gmail.com", "4111111111111111", "123", true}, // MIN-03 email and card, SEC-01, SEC-02
		{"j.weber@web.de", "5500 0055 5555 5559", nil, true},      // MIN-03 email and card, SEC-01
		{"anna@firma-muster.de", "411111******1111", nil, true},   // MIN-03 email; a masked card
		{"test1@example.com", "4111111111111112", nil, true},      // a test address; fails Luhn: still card data (SEC-01 luhn-failed)
		{"qa@shop.test", "tok_8fK2pQ", nil, false},
		{"dev@staging.example.org", "411111******1111", nil, false},
	} {
		if clean && c.bad {
			c.email, c.card, c.cvv = fmt.Sprintf("user%d@example.com", i), "411111******1111", nil
		}
		add(customers, false, int64(i+1), c.email, fmt.Sprintf("Name%d", i), c.card, c.cvv, at)
	}
	// The customer again as a lead, spelled differently (MIN-04 on both, MIN-03).
	add(leads, true, int64(1), " Anna@Firma-Muster.de", at)
	add(leads, false, int64(2), "lead2@example.net", at)
	// A passport number in one of 150 profiles (MIN-01).
	for i := 1; i <= 150; i++ {
		var passport any
		if i == 77 && !clean {
			passport = "C01X00T47"
		}
		add(profiles, false, int64(i), passport, at)
	}
	var record any = "theft, 2019"
	if clean {
		record = nil
	}
	add(screening, false, int64(1), record, at) // SPC-03
	add(screening, false, int64(2), nil, at)
	add(screening, false, int64(3), nil, at)
	bcrypt := "$2b$12$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm"
	pw := []string{bcrypt, "Sommer2024!", "5f4dcc3b5aa765d61d8327deb882cf99", // SEC-03 plaintext, weak hash
		"$1$ad000000$mTprwxnlTq8g2I7eTTi7hI", "$P$BvpN8mM0S0wGzQ2qk1xAjOcxpfUv9K/", "{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", // weak
		"$5$rounds=5000$saltsalt$Gbx3bNcZ2F.pr1DzKNTOUhjJyhDXdQCRZIgfIdJ2fe4",                    // modern: SHA-256-crypt
		"zadsZuIlFZK0/B0Ye08Z0rdS0.uM8a5tjMRBBVE5OYantQmLY44AigdrKVPPHRHtKB2VgyXTW2xP7KMcfxFlv0"} // SHA-512-crypt digest
	for i, v := range pw {
		if clean {
			v = bcrypt
		}
		add(users, false, int64(i+1), fmt.Sprintf("user%d", i), v, at)
	}
	if !clean {
		bak := f.table("customers_bak", pk("id"), col("email", dbfixture.Text), col("created_at", dbfixture.Timestamp))
		add(bak, true, int64(1), "lena.vogel@gmail.com", at)
		add(bak, true, int64(2), "j.weber@web.de", at)
		broad := grantBroadly("customers")
		f.grant = func(t *testing.T, e engine) {
			broad(t, e)
			grantToStranger(t, e, "leads")
		}
	}
	f.config = `sources:
  - name: fx
    kind: sqlite
    dsn: x
    environment: staging
    mapping:
      subjects:
        - {table: customers, key: id, email_column: email}
        - {table: leads, key: id, email_column: email}
      allowed_grantees: [reporting]
activities:
  - {id: PA-1, lawful_basis: contract, tables: [customers, leads, profiles, screening, users], retention: P2Y}
`
	return f
}

// grantToStranger grants SELECT on table to a role (PostgreSQL) or a localhost account
// (MySQL) that is not in the allowlist; both are dropped when the test ends.
func grantToStranger(t *testing.T, e engine, table string) {
	name := randomName("gdprscan_fx_")
	switch e.kind {
	case "postgres":
		_, err := e.db.Exec("CREATE ROLE " + name)
		require.NoError(t, err)
		t.Cleanup(func() {
			_, _ = e.db.Exec("REVOKE ALL ON " + table + " FROM " + name)
			_, _ = e.db.Exec("DROP ROLE IF EXISTS " + name)
		})
		_, err = e.db.Exec("GRANT SELECT ON " + table + " TO " + name)
		require.NoError(t, err)
	case "mysql":
		var db string
		require.NoError(t, e.db.QueryRow("SELECT DATABASE()").Scan(&db))
		_, err := e.db.Exec("CREATE USER '" + name + "'@'localhost' IDENTIFIED BY 'not-used-8f2k'")
		require.NoError(t, err)
		t.Cleanup(func() { _, _ = e.db.Exec("DROP USER IF EXISTS '" + name + "'@'localhost'") })
		_, err = e.db.Exec("GRANT SELECT ON `" + db + "`.`" + table + "` TO '" + name + "'@'localhost'")
		require.NoError(t, err)
	}
}

func TestStagingCopy(t *testing.T) {
	runFixture(t, stagingCopy, expectation{
		want: map[string]int64{
			"MIN-03 customers email":        3,
			"MIN-03 customers payment-card": 2,
			"MIN-03 leads email":            1,
			"MIN-03 customers_bak email":    2,
			"MIN-01 profiles":               1,
			"MIN-04 customers":              1,
			"MIN-04 leads":                  1,
			"SEC-01 customers":              2,
			"SEC-01 customers luhn-failed":  1,
			"SEC-04 profiles passport":      1,
			"SEC-02 customers":              1,
			"SEC-03 users plaintext":        1,
			"SEC-03 users weak-hash":        4,
			"SPC-03 screening":              1,
			"DSC-02 customers_bak":          2,
			"DSC-04 customers_bak":          2,
			"RET-03 customers_bak no-rule":  2,
			"SEC-05 customers":              6,
			"SEC-05 leads":                  2,
		},
		perEngine: map[string]map[string]int64{
			"sqlite": {"SEC-05 customers": -1, "SEC-05 leads": -1},
		},
		notEval: []string{"CNS-01", "CNS-02", "CNS-03", "CNS-04", "CNS-05", "CNS-06", "CNS-07", "ERA-01", "ERA-02", "ERA-03",
			"LAW-03", "LAW-04", "MIN-02", "RET-01", "RET-02", "RET-04", "RET-05", "RET-06"},
		perEngineNE: map[string][]string{"sqlite": {"SEC-05", "SEC-06"}},
	})
}
