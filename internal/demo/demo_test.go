package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/nyaruka/phonenumbers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

var testNow = time.Date(2025, 6, 15, 12, 34, 56, 789, time.UTC)

func TestGenerateIsDeterministic(t *testing.T) {
	a, b := Generate(testNow), Generate(testNow)
	require.Equal(t, a, b)
	require.Equal(t, a.PersonalValues(), b.PersonalValues())
	// The same instant in another zone is the same now.
	require.Equal(t, a, Generate(testNow.In(time.FixedZone("CEST", 2*3600))))
}

// The numbers the brief fixed. Changing a generator constant must be deliberate.
func TestExpectedMatchesBrief(t *testing.T) {
	e := Expected
	assert.Equal(t, []int{9, 6, 9, 11, 2, 6}, []int{e.CNS04, e.CNS05, e.LAW03, e.RET02, e.ERA02, e.MIN04})
	got := []int{e.CNS01, e.CNS02, e.CNS03, e.CNS07, e.LAW01, e.RET01, e.RET04, e.SPC01, e.ERA01, e.ERA04,
		e.SEC01, e.SEC02, e.SEC03, e.SEC03Plaintext, e.SEC03Weak, e.DSC04Tables, e.DSC04Rows, e.NotesWithContact, e.NotesWithHealth}
	assert.Equal(t, []int{40, 30, 8, 4, 25, 45, 15, 35, 6, 10, 12, 7, 10, 4, 6, 1, 120, 14, 6}, got)
	assert.Equal(t, map[string]int{"accounts": 40, "contacts": 500, "leads": 300, "consent_records": 493, "orders": 800,
		"invoices": 600, "payments": 600, "activities": 1500, "notes": 300, "erasure_requests": 30, "users": 25,
		"products": 60, "countries": 31, "company_settings": 8, "contacts_bak_2023": 120}, e.Rows)
	// Data lists sized to the constants that count them.
	assert.Len(t, accountSeeds, nAccounts)
	assert.Len(t, countryNames, nCountries)
	assert.Len(t, healthNotes, nNoteHealth)
	assert.Len(t, md5Passwords, nMD5)
	assert.Len(t, sha1Passwords, nSHA1)
	assert.Len(t, plaintextPasswords, nPlainPW)
	assert.Len(t, userRoles, nUsers)
}

// Columns whose strings print a date: they follow now, everything else must not.
var dateDerived = map[string]bool{
	"orders.order_number":     true,
	"invoices.invoice_number": true,
	"payments.card_expiry":    true,
	"contacts.national_id":    true, // NIR, PESEL and codice fiscale encode the birth date
}

func TestGenerateShiftsOnlyDates(t *testing.T) {
	const delta = 1000 * 24 * time.Hour
	a, b := Generate(testNow), Generate(testNow.Add(delta))
	require.Equal(t, a.Views, b.Views)
	require.Len(t, b.Tables, len(a.Tables))
	for i, ta := range a.Tables {
		tb := b.Tables[i]
		require.Equal(t, ta.Name, tb.Name)
		require.Equal(t, ta.Columns, tb.Columns)
		require.Len(t, tb.Rows, len(ta.Rows), ta.Name)
		for r := range ta.Rows {
			for c, va := range ta.Rows[r] {
				vb := tb.Rows[r][c]
				where := fmt.Sprintf("%s.%s row %d", ta.Name, ta.Columns[c].Name, r)
				if ts, ok := va.(time.Time); ok {
					require.Equal(t, ts.Add(delta), vb, where)
					continue
				}
				if dateDerived[ta.Name+"."+ta.Columns[c].Name] {
					continue
				}
				require.Equal(t, va, vb, where)
			}
		}
	}
}

func TestSchemaShape(t *testing.T) {
	d := Generate(testNow)
	var names []string
	for _, tb := range d.Tables {
		names = append(names, tb.Name)
		assert.Equal(t, Expected.Rows[tb.Name], len(tb.Rows), tb.Name)
		for _, row := range tb.Rows {
			require.Len(t, row, len(tb.Columns), tb.Name)
		}
	}
	assert.Len(t, names, len(Expected.Rows), "every table has an expected row count")

	contacts := d.Table("contacts")
	require.NotNil(t, contacts)
	var cols []string
	for _, c := range contacts.Columns {
		cols = append(cols, c.Name)
	}
	assert.Equal(t, []string{"id", "account_id", "salutation", "first_name", "last_name", "email", "phone", "mobile",
		"birth_date", "street", "city", "postcode", "country_code", "job_title", "national_id", "lawful_basis",
		"marketing_opt_in", "health_condition", "created_at", "updated_at", "is_deleted", "deleted_at"}, cols)

	for _, dl := range []dialect.Dialect{dialect.Postgres, dialect.MySQL, dialect.SQLite} {
		ddl := d.DDL(dl)
		require.Len(t, ddl, len(d.Tables)+len(d.Views))
		assert.Contains(t, ddl[1], dl.Ident("marketing_opt_in"))
	}
	assert.Contains(t, d.DDL(dialect.MySQL)[0], "ENGINE=InnoDB")
	assert.Contains(t, d.DDL(dialect.Postgres)[0], "varchar(255)")
	assert.Contains(t, d.DDL(dialect.Postgres)[1], `"marketing_opt_in" smallint NOT NULL DEFAULT 0`)
}

// --- counts, verified in SQL on every engine ----------------------------------------------

func TestCountsSQLite(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	now := time.Now()
	path := filepath.Join(t.TempDir(), "demo.db")
	start := time.Now()
	require.NoError(t, BuildSQLite(ctx, path, now))
	t.Logf("BuildSQLite: %v", time.Since(start))
	// Building again replaces the file rather than failing on existing tables.
	require.NoError(t, BuildSQLite(ctx, path, now))

	db, err := sql.Open("sqlite", path)
	require.NoError(t, err)
	defer db.Close()
	verify(t, db, dialect.SQLite, now)
	// Scanned a week later, nothing has drifted over a threshold.
	verify(t, db, dialect.SQLite, now.Add(7*24*time.Hour))
}

func TestLoadPostgres(t *testing.T) {
	t.Parallel()
	testServer(t, dialect.Postgres)
}

func TestLoadMySQL(t *testing.T) {
	t.Parallel()
	testServer(t, dialect.MySQL)
}

func testServer(t *testing.T, dl dialect.Dialect) {
	db := tempDatabase(t, dl)
	now := time.Now()
	start := time.Now()
	require.NoError(t, Load(context.Background(), db, dl, Generate(now)))
	t.Logf("Load %s: %v", dl, time.Since(start))
	verify(t, db, dl, now)
}

// verify counts every planted violation with plain SQL, as a scan at time at would.
func verify(t *testing.T, db *sql.DB, dl dialect.Dialect, at time.Time) {
	t.Helper()
	ts := func(x time.Time) any { // a timestamp parameter
		if dl == dialect.Postgres {
			return x.UTC()
		}
		return x.UTC().Format("2006-01-02 15:04:05")
	}
	date := func(x time.Time) any {
		if dl == dialect.Postgres {
			return dateOnly(x)
		}
		return x.UTC().Format("2006-01-02")
	}
	count := func(name string, want int, query string, args ...any) {
		t.Helper()
		var got int
		require.NoError(t, db.QueryRow(rebind(dl, query), args...).Scan(&got), name)
		assert.Equal(t, want, got, "%s: %s", name, query)
	}
	const granted = `EXISTS (SELECT 1 FROM consent_records r WHERE r.contact_id = c.id AND r.purpose = 'email_marketing' AND r.status = 'granted')`
	const noBasis = `(c.lawful_basis IS NULL OR c.lawful_basis = '')`
	const anyGranted = `EXISTS (SELECT 1 FROM consent_records r WHERE r.contact_id = c.id AND r.status = 'granted')`
	const anchor = `COALESCE(last_inbound_at, created_at)`
	const latestWithdrawn = `EXISTS (SELECT 1 FROM consent_records r WHERE r.contact_id = c.id AND r.purpose = 'email_marketing'
		AND r.status = 'withdrawn' AND NOT EXISTS (SELECT 1 FROM consent_records r2 WHERE r2.contact_id = c.id
		AND r2.purpose = 'email_marketing' AND r2.captured_at > r.captured_at))`
	e := Expected

	for name, n := range e.Rows {
		count("rows "+name, n, "SELECT COUNT(*) FROM "+dl.Ident(name))
	}
	count("view active_contacts", e.ActiveContacts, "SELECT COUNT(*) FROM active_contacts")
	count("unique contact emails", e.Rows["contacts"], "SELECT COUNT(DISTINCT email) FROM contacts")

	// Consent.
	count("opted in", e.MarketingOptIn, "SELECT COUNT(*) FROM contacts WHERE marketing_opt_in = 1")
	count("opted in and deleted", 0, "SELECT COUNT(*) FROM contacts WHERE marketing_opt_in = 1 AND is_deleted = 1")
	count("CNS-01", e.CNS01, "SELECT COUNT(*) FROM contacts c WHERE c.marketing_opt_in = 1 AND c.is_deleted = 0 AND NOT "+granted)
	count("CNS-01 no rows at all", e.CNS01, `SELECT COUNT(*) FROM contacts c WHERE c.marketing_opt_in = 1 AND NOT EXISTS
		(SELECT 1 FROM consent_records r WHERE r.contact_id = c.id AND r.purpose = 'email_marketing')`)
	count("CNS-02", e.CNS02, "SELECT COUNT(*) FROM consent_records WHERE notice_version IS NULL OR capture_source IS NULL")
	count("CNS-02 covers imports", 0, `SELECT COUNT(*) FROM consent_records WHERE capture_method = 'import'
		AND notice_version IS NOT NULL AND capture_source IS NOT NULL`)
	count("CNS-02 captured_at", 0, "SELECT COUNT(*) FROM consent_records WHERE captured_at IS NULL OR contact_id IS NULL")
	count("CNS-03", e.CNS03, "SELECT COUNT(*) FROM contacts c WHERE c.marketing_opt_in = 1 AND "+latestWithdrawn)
	count("CNS-03 granted before", e.CNS03, "SELECT COUNT(*) FROM contacts c WHERE c.marketing_opt_in = 1 AND "+latestWithdrawn+" AND "+granted)
	count("CNS-03 any withdrawal", e.CNS03, `SELECT COUNT(*) FROM contacts c WHERE c.marketing_opt_in = 1 AND EXISTS
		(SELECT 1 FROM consent_records r WHERE r.contact_id = c.id AND (r.status = 'withdrawn' OR r.withdrawn_at IS NOT NULL))`)
	count("CNS-03 mailed after withdrawal", e.CNS03, `SELECT COUNT(DISTINCT c.id) FROM contacts c
		JOIN consent_records r ON r.contact_id = c.id AND r.status = 'withdrawn'
		JOIN activities a ON a.contact_id = c.id AND a.activity_type = 'email' AND a.occurred_at > r.withdrawn_at
		WHERE c.marketing_opt_in = 1`)
	count("withdrawn properly, mailed after", 0, `SELECT COUNT(*) FROM contacts c
		JOIN consent_records r ON r.contact_id = c.id AND r.status = 'withdrawn'
		JOIN activities a ON a.contact_id = c.id AND a.activity_type = 'email' AND a.occurred_at > r.withdrawn_at
		WHERE c.marketing_opt_in = 0`)
	count("CNS-07", e.CNS07, "SELECT COUNT(*) FROM contacts c WHERE c.birth_date > ? AND c.marketing_opt_in = 1 AND "+granted,
		date(at.AddDate(-16, 0, 0)))
	count("under 18", e.CNS07, "SELECT COUNT(*) FROM contacts WHERE birth_date > ?", date(at.AddDate(-18, 0, 0)))
	count("under 13", 0, "SELECT COUNT(*) FROM contacts WHERE birth_date > ?", date(at.AddDate(-13, 0, 0)))
	count("children in DE/NL/PL", e.CNS07, "SELECT COUNT(*) FROM contacts WHERE birth_date > ? AND country_code IN ('DE', 'NL', 'PL')",
		date(at.AddDate(-16, 0, 0)))

	// Lawful basis.
	count("null basis", e.NullBasis, "SELECT COUNT(*) FROM contacts c WHERE "+noBasis)
	count("LAW-01", e.LAW01, "SELECT COUNT(*) FROM contacts c WHERE c.is_deleted = 0 AND "+noBasis+" AND NOT "+anyGranted)
	count("LAW-01 incl. deleted", e.LAW01, "SELECT COUNT(*) FROM contacts c WHERE "+noBasis+" AND NOT "+anyGranted)
	count("bases", e.Rows["contacts"]-e.NullBasis, `SELECT COUNT(*) FROM contacts
		WHERE lawful_basis IN ('contract', 'consent', 'legitimate_interest')`)

	// Retention.
	count("RET-01", e.RET01, "SELECT COUNT(*) FROM leads WHERE status <> 'converted' AND "+anchor+" < ?", ts(at.AddDate(-3, 0, 0)))
	count("RET-01 4-7 years", e.RET01, "SELECT COUNT(*) FROM leads WHERE status <> 'converted' AND "+anchor+" < ? AND "+anchor+" > ?",
		ts(at.AddDate(-4, 0, 0)), ts(at.AddDate(-7, 0, 0)))
	count("old converted leads", e.OldConverted, "SELECT COUNT(*) FROM leads WHERE status = 'converted' AND "+anchor+" < ?",
		ts(at.AddDate(-4, 0, 0)))
	count("no lead anchor between 2.5 and 4 years", 0, "SELECT COUNT(*) FROM leads WHERE "+anchor+" < ? AND "+anchor+" > ?",
		ts(at.AddDate(0, -30, 0)), ts(at.AddDate(-4, 0, 0)))
	count("revived leads", e.RET01+e.LeadsRevived, "SELECT COUNT(*) FROM leads WHERE status <> 'converted' AND created_at < ?",
		ts(at.AddDate(-3, 0, 0)))
	count("inbound after created", 0, "SELECT COUNT(*) FROM leads WHERE last_inbound_at < created_at")
	count("soft-deleted", e.SoftDeleted, "SELECT COUNT(*) FROM contacts WHERE is_deleted = 1 AND deleted_at IS NOT NULL")
	count("RET-04", e.RET04, "SELECT COUNT(*) FROM contacts WHERE is_deleted = 1 AND deleted_at < ?", ts(at.AddDate(0, 0, -30)))
	count("RET-04 > 90 days", e.RET04, "SELECT COUNT(*) FROM contacts WHERE is_deleted = 1 AND deleted_at < ?", ts(at.AddDate(0, 0, -90)))
	count("deleted_at only when deleted", 0, "SELECT COUNT(*) FROM contacts WHERE is_deleted = 0 AND deleted_at IS NOT NULL")

	// Special categories.
	count("SPC-01", e.SPC01, "SELECT COUNT(*) FROM contacts WHERE health_condition IS NOT NULL")

	// Erasure and rights.
	count("ERA-01", e.ERA01, "SELECT COUNT(*) FROM erasure_requests WHERE completed_at IS NULL AND received_at < ?", ts(at.AddDate(0, -1, 0)))
	count("ERA-01 status", e.ERA01, "SELECT COUNT(*) FROM erasure_requests WHERE status = 'open' AND received_at < ?", ts(at.AddDate(0, -1, 0)))
	count("open requests", e.ERA01+e.ERA01Recent, "SELECT COUNT(*) FROM erasure_requests WHERE completed_at IS NULL AND status = 'open'")
	count("ERA-04", e.ERA04, "SELECT COUNT(*) FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id WHERE c.id IS NULL")
	count("ERA-04 incl. deleted parents", e.ERA04, `SELECT COUNT(*) FROM activities a LEFT JOIN contacts c ON c.id = a.contact_id
		WHERE c.id IS NULL OR c.is_deleted = 1`)
	for _, child := range []string{"notes", "orders", "invoices", "consent_records"} {
		count(child+" orphans", 0, "SELECT COUNT(*) FROM "+child+` x LEFT JOIN contacts c ON c.id = x.contact_id
			WHERE c.id IS NULL OR c.is_deleted = 1`)
	}
	count("ERA-02", e.ERA02, `SELECT COUNT(*) FROM erasure_requests e JOIN contacts c ON c.id = e.contact_id
		WHERE e.status = 'completed'`)
	count("ERA-02 any trace", e.ERA02, `SELECT COUNT(*) FROM erasure_requests e WHERE e.status = 'completed'
		AND (EXISTS (SELECT 1 FROM contacts c WHERE c.id = e.contact_id) OR EXISTS (SELECT 1 FROM activities a WHERE a.contact_id = e.contact_id))`)

	// Consent freshness, bundling, contracts, customers and duplicates.
	count("CNS-04", e.CNS04, `SELECT COUNT(*) FROM consent_records r WHERE r.status = 'granted' AND r.captured_at < ?
		AND NOT EXISTS (SELECT 1 FROM consent_records n WHERE n.contact_id = r.contact_id AND n.purpose = r.purpose AND n.captured_at > r.captured_at)
		AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.contact_id = r.contact_id AND a.activity_type = 'web_visit' AND a.occurred_at > r.captured_at)`,
		ts(at.AddDate(0, -24, 0)))
	count("CNS-04 margin", e.CNS04, `SELECT COUNT(*) FROM consent_records r WHERE r.status = 'granted' AND r.captured_at < ?
		AND NOT EXISTS (SELECT 1 FROM activities a WHERE a.contact_id = r.contact_id AND a.activity_type = 'web_visit' AND a.occurred_at > r.captured_at)
		AND NOT EXISTS (SELECT 1 FROM consent_records n WHERE n.contact_id = r.contact_id AND n.purpose = r.purpose AND n.captured_at > r.captured_at)`,
		ts(at.AddDate(0, -23, 0)))
	count("CNS-05", e.CNS05, "SELECT COUNT(*) FROM consent_records WHERE purpose = 'all' AND status = 'granted'")
	count("LAW-03", e.LAW03, `SELECT COUNT(*) FROM contacts c WHERE c.lawful_basis = 'contract' AND c.is_deleted = 0
		AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.contact_id = c.id)`)
	const lastOrder = `(SELECT MAX(o.ordered_at) FROM orders o WHERE o.contact_id = c.id)`
	count("RET-02", e.RET02, "SELECT COUNT(*) FROM contacts c WHERE "+lastOrder+" < ?", ts(at.AddDate(-4, 0, 0)))
	count("no last order between 2.5 and 4 years", 0, "SELECT COUNT(*) FROM contacts c WHERE "+lastOrder+" < ? AND "+lastOrder+" > ?",
		ts(at.AddDate(0, -30, 0)), ts(at.AddDate(-4, 0, 0)))
	count("MIN-04 contacts", e.MIN04, `SELECT COUNT(*) FROM contacts c WHERE c.is_deleted = 0
		AND EXISTS (SELECT 1 FROM leads l WHERE LOWER(l.email) = LOWER(c.email))`)
	count("MIN-04 leads", e.MIN04, `SELECT COUNT(*) FROM leads l WHERE l.status = 'converted'
		AND EXISTS (SELECT 1 FROM contacts c WHERE c.is_deleted = 0 AND LOWER(c.email) = LOWER(l.email))`)
	count("MIN-04 no other duplicates", 0, `SELECT COUNT(*) FROM (SELECT LOWER(email) e FROM leads GROUP BY LOWER(email) HAVING COUNT(*) > 1) x`)

	// Security.
	count("SEC-02", e.SEC02, "SELECT COUNT(*) FROM payments WHERE card_cvv IS NOT NULL")
	var plain, longDigits int
	for _, v := range strings1(t, db, "SELECT card_number FROM payments") {
		if isPlainPAN(v) {
			plain++
		} else if regexp.MustCompile(`[0-9]{13,}`).MatchString(v) {
			longDigits++
		}
	}
	assert.Equal(t, e.SEC01, plain, "SEC-01")
	assert.Zero(t, longDigits, "masked or tokenised card numbers with long digit runs")

	kinds := map[string]int{}
	for _, v := range strings1(t, db, "SELECT password_hash FROM users") {
		kinds[passwordKind(v)]++
	}
	assert.Equal(t, map[string]int{"bcrypt": e.SEC03Bcrypt, "md5": e.SEC03MD5, "sha1": e.SEC03SHA1, "plaintext": e.SEC03Plaintext}, kinds)
	assert.Equal(t, e.SEC03, kinds["md5"]+kinds["sha1"]+kinds["plaintext"])
	assert.Equal(t, e.SEC03Weak, kinds["md5"]+kinds["sha1"])

	// Discovery.
	count("DSC-04", e.DSC04Rows, `SELECT COUNT(*) FROM contacts_bak_2023 b JOIN contacts c
		ON c.id = b.id AND c.email = b.email AND c.first_name = b.first_name AND c.phone = b.phone`)

	// Free text.
	var withContact, withHealth, both int
	for _, body := range strings1(t, db, "SELECT body FROM notes") {
		c, h := noteHasContact(body), noteHasHealth(body)
		if c {
			withContact++
		}
		if h {
			withHealth++
		}
		if c && h {
			both++
		}
	}
	assert.Equal(t, e.NotesWithContact, withContact, "notes with e-mail or phone")
	assert.Equal(t, e.NotesWithHealth, withHealth, "notes with health terms")
	assert.Zero(t, both)

	// CNS-06: one bulk-import second, no other pile-up.
	var groups []int
	rows, err := db.Query("SELECT COUNT(*) FROM consent_records GROUP BY captured_at")
	require.NoError(t, err)
	for rows.Next() {
		var n int
		require.NoError(t, rows.Scan(&n))
		groups = append(groups, n)
	}
	require.NoError(t, rows.Err())
	rows.Close()
	slices.Sort(groups)
	slices.Reverse(groups)
	assert.Equal(t, e.CNS06BulkRows, groups[0], "largest captured_at group")
	assert.LessOrEqual(t, groups[1], 2, "second largest captured_at group")
}

func rebind(dl dialect.Dialect, q string) string {
	if dl != dialect.Postgres {
		return q
	}
	var b strings.Builder
	n := 0
	for _, r := range q {
		if r == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func dateOnly(t time.Time) time.Time {
	t = t.UTC()
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// strings1 returns the first column of a query as strings, NULLs dropped.
func strings1(t *testing.T, db *sql.DB, q string) []string {
	t.Helper()
	rows, err := db.Query(q)
	require.NoError(t, err)
	defer rows.Close()
	var out []string
	for rows.Next() {
		var v sql.NullString
		require.NoError(t, rows.Scan(&v))
		if v.Valid {
			out = append(out, v.String)
		}
	}
	require.NoError(t, rows.Err())
	return out
}

// --- independent checkers -------------------------------------------------------------------

func luhnOK(digits string) bool {
	sum, double := 0, false
	for i := len(digits) - 1; i >= 0; i-- {
		d := int(digits[i] - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return sum%10 == 0
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// isPlainPAN: 13–19 digits once spaces and dashes are gone, Luhn-valid, known IIN.
func isPlainPAN(v string) bool {
	d := strings.NewReplacer(" ", "", "-", "").Replace(v)
	if !allDigits(d) || len(d) < 13 || len(d) > 19 || !luhnOK(d) {
		return false
	}
	p2, _ := strconv.Atoi(d[:2])
	p4, _ := strconv.Atoi(d[:4])
	switch {
	case d[0] == '4':
		return len(d) == 16 || len(d) == 13 || len(d) == 19
	case p2 >= 51 && p2 <= 55, p4 >= 2221 && p4 <= 2720:
		return len(d) == 16
	case p2 == 34 || p2 == 37:
		return len(d) == 15
	}
	return false
}

func passwordKind(v string) string {
	switch {
	case regexp.MustCompile(`^\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}$`).MatchString(v):
		return "bcrypt"
	case regexp.MustCompile(`^[0-9a-f]{32}$`).MatchString(v):
		return "md5"
	case regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(v):
		return "sha1"
	}
	return "plaintext"
}

var (
	emailInText = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)
	phoneInText = regexp.MustCompile(`\+?[0-9][0-9 ()/.-]{6,}[0-9]`)
	healthTerms = []string{"pregnan", "diabet", "depress", "dépression", "silla de ruedas", "wheelchair", "chirurgic",
		"cancer", "asthma", "allerg", "krank", "maladie", "enceinte", "schwanger", "embarazada", "hospital", "therapy"}
)

func noteHasContact(s string) bool { return emailInText.MatchString(s) || phoneInText.MatchString(s) }

func noteHasHealth(s string) bool {
	s = strings.ToLower(s)
	for _, w := range healthTerms {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func ibanOK(s string) bool {
	lengths := map[string]int{"DE": 22, "FR": 27, "ES": 24, "IT": 27, "NL": 18, "PL": 28, "GB": 22, "SE": 24, "PT": 25}
	s = strings.ReplaceAll(s, " ", "")
	if len(s) < 5 || lengths[s[:2]] != len(s) {
		return false
	}
	m := 0
	for _, c := range s[4:] + s[:4] {
		switch {
		case c >= '0' && c <= '9':
			m = (m*10 + int(c-'0')) % 97
		case c >= 'A' && c <= 'Z':
			m = (m*100 + int(c-'A'+10)) % 97
		default:
			return false
		}
	}
	return m == 1
}

func steuerIDOK(s string) bool {
	if len(s) != 11 || !allDigits(s) || s[0] == '0' {
		return false
	}
	var seen [10]int
	for i := 0; i < 10; i++ {
		seen[s[i]-'0']++
	}
	multi := 0
	for _, n := range seen {
		if n > 3 {
			return false
		}
		if n > 1 {
			multi++
		}
	}
	if multi != 1 {
		return false
	}
	product := 10
	for i := 0; i < 10; i++ {
		sum := (int(s[i]-'0') + product) % 10
		if sum == 0 {
			sum = 10
		}
		product = sum * 2 % 11
	}
	check := (11 - product) % 10
	return int(s[10]-'0') == check
}

// nirOK checks the key and returns the encoded sex, year and month.
func nirOK(s string, birth time.Time) bool {
	if len(s) != 15 || !allDigits(s) || (s[0] != '1' && s[0] != '2') {
		return false
	}
	n, _ := strconv.ParseInt(s[:13], 10, 64)
	key, _ := strconv.Atoi(s[13:])
	return key == int(97-n%97) && s[1:5] == birth.Format("0601")
}

func dniOK(s string) bool {
	if len(s) != 9 || !allDigits(s[:8]) {
		return false
	}
	n, _ := strconv.Atoi(s[:8])
	return s[8] == "TRWAGMYFPDXBNJZSQVHLCKE"[n%23]
}

func bsnOK(s string) bool {
	if len(s) != 9 || !allDigits(s) {
		return false
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum += (9 - i) * int(s[i]-'0')
	}
	sum -= int(s[8] - '0')
	return sum%11 == 0
}

func peselOK(s string, birth time.Time) bool {
	if len(s) != 11 || !allDigits(s) {
		return false
	}
	w := []int{1, 3, 7, 9, 1, 3, 7, 9, 1, 3, 1}
	sum := 0
	for i, x := range w {
		sum += x * int(s[i]-'0')
	}
	if sum%10 != 0 {
		return false
	}
	yy, _ := strconv.Atoi(s[:2])
	mm, _ := strconv.Atoi(s[2:4])
	dd, _ := strconv.Atoi(s[4:6])
	year := 1900 + yy
	if mm > 20 && mm < 33 {
		year, mm = 2000+yy, mm-20
	}
	return time.Date(year, time.Month(mm), dd, 0, 0, 0, 0, time.UTC).Equal(birth)
}

func codiceFiscaleOK(s string, birth time.Time) bool {
	if !regexp.MustCompile(`^[A-Z]{6}[0-9]{2}[ABCDEHLMPRST][0-9]{2}[A-Z][0-9]{3}[A-Z]$`).MatchString(s) {
		return false
	}
	odd := map[byte]int{'0': 1, '1': 0, '2': 5, '3': 7, '4': 9, '5': 13, '6': 15, '7': 17, '8': 19, '9': 21,
		'A': 1, 'B': 0, 'C': 5, 'D': 7, 'E': 9, 'F': 13, 'G': 15, 'H': 17, 'I': 19, 'J': 21, 'K': 2, 'L': 4, 'M': 18,
		'N': 20, 'O': 11, 'P': 3, 'Q': 6, 'R': 8, 'S': 12, 'T': 14, 'U': 16, 'V': 10, 'W': 22, 'X': 25, 'Y': 24, 'Z': 23}
	sum := 0
	for i := 0; i < 15; i++ {
		c := s[i]
		switch {
		case i%2 == 0:
			sum += odd[c]
		case c >= '0' && c <= '9':
			sum += int(c - '0')
		default:
			sum += int(c - 'A')
		}
	}
	if s[15] != byte('A'+sum%26) {
		return false
	}
	day, _ := strconv.Atoi(s[9:11])
	return s[6:8] == birth.Format("06") && s[8] == "ABCDEHLMPRST"[birth.Month()-1] && day%40 == birth.Day()
}

func TestIdentifiersAreValid(t *testing.T) {
	d := Generate(testNow)
	contacts := d.Table("contacts")
	ci := func(name string) int { return contacts.ColumnIndex(name) }
	perCountry := map[string]int{}
	for _, row := range contacts.Rows {
		id, ok := row[ci("national_id")].(string)
		if !ok {
			continue
		}
		cc := row[ci("country_code")].(string)
		birth, _ := row[ci("birth_date")].(time.Time)
		perCountry[cc]++
		var valid bool
		switch cc {
		case "DE":
			valid = steuerIDOK(id)
		case "FR":
			valid = nirOK(id, birth)
		case "ES":
			valid = dniOK(id)
		case "IT":
			valid = codiceFiscaleOK(id, birth)
		case "NL":
			valid = bsnOK(id)
		case "PL":
			valid = peselOK(id, birth)
		}
		assert.True(t, valid, "%s national id %q (born %s)", cc, id, birth.Format(time.DateOnly))
	}
	for _, cc := range []string{"DE", "FR", "ES", "IT", "NL", "PL"} {
		assert.NotZero(t, perCountry[cc], "national ids for %s", cc)
	}

	ibans := map[string]int{}
	invoices := d.Table("invoices")
	for _, row := range invoices.Rows {
		v := row[invoices.ColumnIndex("billing_iban")].(string)
		assert.True(t, ibanOK(v), "IBAN %q", v)
		ibans[v[:2]]++
	}
	assert.GreaterOrEqual(t, len(ibans), 6, "IBAN countries: %v", ibans)

	payments := d.Table("payments")
	brands := map[byte]int{}
	plain := 0
	for _, row := range payments.Rows {
		v := row[payments.ColumnIndex("card_number")].(string)
		if isPlainPAN(v) {
			plain++
			brands[strings.NewReplacer(" ", "", "-", "").Replace(v)[0]]++
		} else {
			assert.Regexp(t, `^([0-9]{6}\*{5,6}[0-9]{4}|tok_[A-Za-z0-9]{24})$`, v)
		}
	}
	assert.Equal(t, Expected.SEC01, plain)
	assert.NotZero(t, brands['4'], "Visa")
	assert.NotZero(t, brands['5']+brands['2'], "Mastercard")
	assert.NotZero(t, brands['3'], "Amex")

	activities := d.Table("activities")
	v4, v6 := 0, 0
	for _, row := range activities.Rows {
		ip, ok := row[activities.ColumnIndex("ip_address")].(string)
		if !ok {
			continue
		}
		require.Equal(t, "web_visit", row[activities.ColumnIndex("activity_type")])
		a, err := netip.ParseAddr(ip)
		require.NoError(t, err, ip)
		assert.True(t, a.IsGlobalUnicast() && !a.IsPrivate(), ip)
		assert.Equal(t, a.String(), ip, "canonical form")
		if a.Is4() {
			v4++
		} else {
			v6++
		}
	}
	assert.NotZero(t, v4)
	assert.NotZero(t, v6)
}

func TestPhonesAndEmailsAreRealistic(t *testing.T) {
	d := Generate(testNow)
	mailRe := regexp.MustCompile(`^[a-z0-9._+-]+@[a-z0-9-]+(\.[a-z0-9-]+)+$`)
	seen := map[string]bool{}
	dups := 0
	check := func(table, col string, unique bool) {
		tb := d.Table(table)
		for _, row := range tb.Rows {
			v := row[tb.ColumnIndex(col)].(string)
			assert.Regexp(t, mailRe, v)
			assert.NotRegexp(t, `@(example|test)\.`, v)
			if unique {
				if seen[v] {
					dups++
				}
				seen[v] = true
			}
		}
	}
	check("contacts", "email", true)
	check("leads", "email", true)
	check("users", "email", true)
	assert.Equal(t, nDupLeads, dups, "the only duplicate e-mails are the MIN-04 leads")

	phone := func(table, col, ccCol string, mobile bool) {
		tb := d.Table(table)
		for _, row := range tb.Rows {
			v := row[tb.ColumnIndex(col)].(string)
			require.Regexp(t, `^\+[1-9][0-9]{7,14}$`, v, "E.164")
			num, err := phonenumbers.Parse(v, "")
			require.NoError(t, err, v)
			region := phonenumbers.GetRegionCodeForNumber(num)
			assert.True(t, phonenumbers.IsValidNumber(num), "%s.%s %s invalid", table, col, v)
			if ccCol != "" {
				assert.Equal(t, row[tb.ColumnIndex(ccCol)], region, v)
			}
			typ := phonenumbers.GetNumberType(num)
			if mobile {
				assert.Contains(t, []phonenumbers.PhoneNumberType{phonenumbers.MOBILE, phonenumbers.FIXED_LINE_OR_MOBILE}, typ, "%s is not a mobile number", v)
			} else if ccCol != "" {
				assert.Contains(t, []phonenumbers.PhoneNumberType{phonenumbers.FIXED_LINE, phonenumbers.FIXED_LINE_OR_MOBILE}, typ, "%s is not a landline", v)
			}
		}
	}
	phone("contacts", "phone", "country_code", false)
	phone("contacts", "mobile", "country_code", true)
	phone("leads", "phone", "", false)
}

func TestPersonalValues(t *testing.T) {
	d := Generate(testNow)
	pv := d.PersonalValues()
	require.True(t, slices.IsSorted(pv))
	require.Equal(t, len(pv), len(slices.Compact(slices.Clone(pv))), "no duplicates")
	for _, v := range pv {
		require.GreaterOrEqual(t, utf8.RuneCountInString(v), 4, v)
	}
	has := func(v string) bool { _, ok := slices.BinarySearch(pv, v); return ok }

	cells := func(table, col string) []string {
		tb := d.Table(table)
		var out []string
		for _, row := range tb.Rows {
			switch v := row[tb.ColumnIndex(col)].(type) {
			case string:
				out = append(out, v)
			case time.Time:
				out = append(out, v.Format(time.DateOnly))
			}
		}
		return out
	}
	for _, tc := range [][2]string{
		{"contacts", "email"}, {"contacts", "phone"}, {"contacts", "mobile"}, {"contacts", "street"},
		{"contacts", "birth_date"}, {"contacts", "national_id"}, {"contacts", "health_condition"},
		{"leads", "email"}, {"leads", "phone"}, {"users", "email"}, {"users", "full_name"},
		{"invoices", "billing_iban"}, {"activities", "ip_address"}, {"payments", "card_holder"},
	} {
		for _, v := range cells(tc[0], tc[1]) {
			if utf8.RuneCountInString(v) >= 4 {
				assert.True(t, has(v), "%s.%s value %q missing", tc[0], tc[1], v)
			}
		}
	}
	for _, v := range cells("payments", "card_number") {
		assert.Equal(t, isPlainPAN(v), has(v), "card number %q", v)
	}
	for _, v := range cells("users", "password_hash") {
		assert.Equal(t, passwordKind(v) == "plaintext", has(v), "password %q", v)
	}
	for _, body := range cells("notes", "body") {
		for _, m := range emailInText.FindAllString(body, -1) {
			assert.True(t, has(m), "note e-mail %q", m)
		}
		for _, m := range phoneInText.FindAllString(body, -1) {
			assert.True(t, has(m), "note phone %q", m)
		}
	}
	// Company data and decoys are not personal.
	for _, v := range []string{ownAddress, "support@" + ownDomain, ownCompany} {
		assert.False(t, has(v), v)
	}
}

// --- temporary server databases -------------------------------------------------------------

// tempDatabase creates a randomly named database on the test server for dl and drops it
// when the test ends. It skips when the server is unreachable, unless CI=true.
func tempDatabase(t *testing.T, dl dialect.Dialect) *sql.DB {
	t.Helper()
	driver, env, dsn := "pgx", "GDPRSCAN_TEST_POSTGRES_DSN", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	if dl == dialect.MySQL {
		driver, env, dsn = "mysql", "GDPRSCAN_TEST_MYSQL_DSN", "root@tcp(127.0.0.1:3306)/"
	}
	if v := os.Getenv(env); v != "" {
		dsn = v
	}
	admin, err := sql.Open(driver, dsn)
	require.NoError(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := admin.PingContext(ctx); err != nil {
		admin.Close()
		msg := fmt.Sprintf("%s server unreachable (%v); set %s to point at one", dl, err, env)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	name := fmt.Sprintf("gdprscan_demo_%08x", rand.Uint32())
	create := "CREATE DATABASE " + dl.Ident(name)
	if dl == dialect.MySQL {
		create += " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
	}
	_, err = admin.ExecContext(ctx, create)
	require.NoError(t, err)

	var target string
	if dl == dialect.MySQL {
		cfg, err := mysql.ParseDSN(dsn)
		require.NoError(t, err)
		cfg.DBName = name
		target = cfg.FormatDSN()
	} else {
		target = withPostgresDatabase(t, dsn, name)
	}
	db, err := sql.Open(driver, target)
	require.NoError(t, err)
	t.Cleanup(func() {
		db.Close()
		drop := "DROP DATABASE IF EXISTS " + dl.Ident(name)
		if dl == dialect.Postgres {
			drop += " WITH (FORCE)"
		}
		if _, err := admin.Exec(drop); err != nil {
			t.Errorf("drop test database %s: %v", name, err)
		}
		admin.Close()
	})
	return db
}

func withPostgresDatabase(t *testing.T, dsn, name string) string {
	if !strings.Contains(dsn, "://") { // key=value form
		return dsn + " dbname=" + name
	}
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	u.Path = "/" + name
	return u.String()
}
