package rules

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// maxCardLen bounds the pre-filter: 19 digits plus separators.
const maxCardLen = 23

// PlaintextCardNumbers is SEC-01: full card numbers (PAN) stored in clear. SQL keeps only
// values made of digits, spaces and dashes with 13–19 digits and runs the Luhn check
// itself, so both counts are exact over the whole table: the numbers that pass (Go then
// checks the issuer range, so masked or tokenised numbers never count) and, in scope
// luhn-failed, the card-length numbers that fail it — test numbers or a damaged export,
// but still card data kept in clear.
func PlaintextCardNumbers() Rule {
	return newRule(Meta{
		ID:          "SEC-01",
		Title:       "Plaintext card numbers (PAN)",
		Family:      Security,
		Articles:    []string{"Art. 32(1)(a)", "Art. 5(1)(f)", "PCI DSS 3.5.1"},
		Severity:    SeverityMaximum,
		Likelihood:  4,
		Principle:   "integrity and confidentiality",
		Remediation: "Replace stored card numbers with the payment provider's tokens, or truncate to first 6 / last 4; purge copies and backups.",
		Matches:     "Per column classified (or named) as payment card: SQL keeps 13–23 characters of digits, spaces and dashes holding 13–19 digits and computes the Luhn sum itself. Values passing it go to Go for the issuer range (bounded to 10,000 candidates; counts say when estimated). Scope `luhn-failed`: the values failing Luhn, counted exactly — test numbers or a damaged export, still card data in clear (severity 3)",
		Version:     2,
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			for _, c := range t.Columns {
				if t.IsView || !hasCategory(c, detect.PaymentCard) {
					continue
				}
				loc := Location{Schema: t.Schema, Table: t.Name, Column: c.Name}
				pass, fail := cardChecks(d, t, c.Name)
				out = append(out,
					Check{Location: loc, Offending: pass, Validate: detect.ValidPaymentCard, Mask: detect.MaskPaymentCard,
						Detail: "full PAN passes Luhn and issuer-range checks"},
					Check{Location: loc, Scope: "luhn-failed", Severity: SeveritySignificant, Offending: fail,
						Detail: "13–19 digit card numbers failing the Luhn check: test numbers or a damaged export, still card data in clear"})
			}
		}
		return out, nil
	})
}

// cardChecks returns the offending queries of the card numbers in column name of t that
// pass and that fail Luhn. The inner query keeps values of digits, spaces and dashes and
// strips the separators; the outer one computes the Luhn sum in SQL.
func cardChecks(d dialect.Dialect, t Table, name string) (pass, fail string) {
	col := d.Column("t", name)
	txt := d.Text(col)
	key := rowKey(d, "t", t)
	inner := fmt.Sprintf("SELECT %s AS k, %s AS v, REPLACE(REPLACE(%s, ' ', ''), '-', '') AS s\n  FROM %s t\n  WHERE %s IS NOT NULL AND %s BETWEEN 13 AND %d AND %s",
		key, txt, txt, d.Table(t.Schema, t.Name), col, d.Length(txt), maxCardLen, d.OnlyChars(txt, "0-9 -"))
	from := "(" + inner + ") c"
	digits := d.Length("c.s") + " BETWEEN 13 AND 19"
	sum := luhnSum(d, "c.s")
	pass = offending("c.k", "c.k", "NULL", from, digits+" AND "+sum+" % 10 = 0", "c.v")
	fail = offending("c.k", "c.k", "NULL", from, digits+" AND "+sum+" % 10 <> 0")
	return pass, fail
}

// luhnSum is the Luhn sum of a string of up to 19 digits, in SQL alike on every engine:
// the k-th digit from the right counts as itself (k odd) or doubled with its digits
// added (k even). Its value is its position, less one, in a lookup string: "0123456789"
// as is, "0516273849" doubled (5 doubled is 10, whose digits add to 1, so '5' is second).
func luhnSum(d dialect.Dialect, s string) string {
	n := d.Length(s)
	terms := make([]string, 19)
	for k := 1; k <= 19; k++ {
		lookup := "'0123456789'"
		if k%2 == 0 {
			lookup = "'0516273849'"
		}
		digit := fmt.Sprintf("SUBSTR(%s, %s - %d, 1)", s, n, k-1)
		terms[k-1] = fmt.Sprintf("CASE WHEN %s >= %d THEN %s - 1 ELSE 0 END", n, k, position(d, lookup, digit))
	}
	return "(" + strings.Join(terms, "\n    + ") + ")"
}

// position is the 1-based position of needle in haystack, 0 when absent.
func position(d dialect.Dialect, haystack, needle string) string {
	if d == dialect.Postgres {
		return "STRPOS(" + haystack + ", " + needle + ")"
	}
	return "INSTR(" + haystack + ", " + needle + ")"
}

// CardSecurityCodes is SEC-02: card verification codes kept after authorisation, which
// PCI DSS never allows.
func CardSecurityCodes() Rule {
	return newRule(Meta{
		ID:          "SEC-02",
		Title:       "Card security codes stored",
		Family:      Security,
		Articles:    []string{"Art. 32", "PCI DSS 3.3.1"},
		Severity:    SeverityMaximum,
		Likelihood:  4,
		Principle:   "integrity and confidentiality",
		Remediation: "Delete every stored CVV/CVC now and remove the column; never persist it, even encrypted.",
		Matches:     "Per column classified as a card security code: 3–4 digit values",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			for _, c := range t.Columns {
				if t.IsView || !hasCategory(c, detect.CardSecurityCode) {
					continue
				}
				col := d.Column("t", c.Name)
				txt := "TRIM(" + d.Text(col) + ")"
				where := fmt.Sprintf("%s IS NOT NULL AND %s BETWEEN 3 AND 4 AND %s", col, d.Length(txt), d.OnlyChars(txt, "0-9"))
				key := rowKey(d, "t", t)
				out = append(out, Check{
					Location:  Location{Schema: t.Schema, Table: t.Name, Column: c.Name},
					Offending: offending(key, key, "NULL", d.Table(t.Schema, t.Name)+" t", where),
					Detail:    "3–4 digit security codes",
				})
			}
		}
		return out, nil
	})
}

// modernHashPrefixes are password-hash formats that are salted and slow, as
// detect.PasswordKind recognises them: bcrypt (also Django's bcrypt$ and bcrypt_sha256$),
// argon2 (also Django's argon2$), scrypt and yescrypt, PBKDF2 (Django, passlib,
// Werkzeug), SHA-256/512-crypt, and LDAP schemes wrapping them.
var modernHashPrefixes = []string{"$2a$", "$2b$", "$2x$", "$2y$", "$2$", "bcrypt$", "bcrypt_sha256$",
	"$argon2", "argon2$", "$scrypt$", "scrypt:", "scrypt$", "$7$", "$y$",
	"pbkdf2_", "$pbkdf2", "pbkdf2:", "pbkdf2$", "$6$", "$5$",
	"{SSHA512}", "{PBKDF2", "{ARGON2}", "{BCRYPT}", "{CRYPT}$2", "{CRYPT}$5$", "{CRYPT}$6$"}

// legacyHashPrefixes are hash formats that are fast or built on MD5 or SHA-1: MD5-crypt
// (vtiger), Apache's apr1, phpass (WordPress, older PHP CRMs), LDAP {SHA}/{SSHA}/{MD5},
// Django's legacy sha1$ and md5$.
var legacyHashPrefixes = []string{"$1$", "$apr1$", "$P$", "$H$", "{SHA}", "{SSHA}", "{MD5}", "{SMD5}", "{CRYPT}", "sha1$", "md5$"}

// weakHexLengths are unsalted hex digests: MD5, SHA-1, SHA-256, SHA-512.
var weakHexLengths = []int{32, 40, 64, 128}

// sha512CryptDigest is a SHA-512-crypt digest kept without its "$6$salt$" prefix
// (EspoCRM stores it so): 86 characters of the crypt alphabet, which no typed password is.
const sha512CryptDigest = 86

// WeakPasswords is SEC-03: password stores holding plaintext (severity 4) or fast or
// MD5/SHA-1-based hashes such as MD5 hex or MD5-crypt (severity 3). Only modern formats
// are accepted. Every column classified as a password or secret is judged by its values,
// whatever the CRM calls it (SuiteCRM's users.user_hash, pwd, kennwort, mot_de_passe),
// except tokens, keys and salts, for which a password-hash format means nothing.
func WeakPasswords() Rule {
	return newRule(Meta{
		ID:          "SEC-03",
		Title:       "Plaintext or weakly hashed passwords",
		Family:      Security,
		Articles:    []string{"Art. 32(1)(a)"},
		Severity:    SeverityMaximum,
		Likelihood:  3,
		Principle:   "integrity and confidentiality",
		Remediation: "Rehash with bcrypt, scrypt or Argon2id at next login and force a reset for accounts still unconverted; never store plaintext.",
		Matches:     "Per column classified (or named) as a password or secret, whatever its name (`user_hash`, `pwd`, `kennwort`, `mot_de_passe`), except tokens, keys, salts, nonces, sessions and OTP seeds: values in no modern hash format (bcrypt also as Django `bcrypt$`/`bcrypt_sha256$`, argon2 also `argon2$`, scrypt, yescrypt `$y$`, pbkdf2 in Django, passlib and Werkzeug forms, sha256/sha512-crypt, also an 86-character sha512-crypt digest kept without its prefix); scope `weak-hash` for 32/40/64/128 hex digits (unsalted MD5, SHA-1, SHA-256, SHA-512) and MD5- or SHA-1-based formats (`$1$` MD5-crypt, `$apr1$`, phpass `$P$`/`$H$`, LDAP `{SHA}`/`{SSHA}`/`{MD5}`, Django `sha1$`/`md5$`), `plaintext` for the rest. Counted exactly in SQL. Severity 4 for plaintext, 3 for a weak hash",
		Version:     2,
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			for _, c := range t.Columns {
				if t.IsView || !hasCategory(c, detect.PasswordOrSecret) || isTokenName(c.Name) {
					continue
				}
				col := d.Column("t", c.Name)
				txt := d.Text(col)
				notModern := fmt.Sprintf("%s IS NOT NULL AND %s <> '' AND NOT %s", col, txt, modernHash(d, txt))
				weak := weakHash(d, txt)
				key := rowKey(d, "t", t)
				from := d.Table(t.Schema, t.Name) + " t"
				loc := Location{Schema: t.Schema, Table: t.Name, Column: c.Name}
				out = append(out,
					Check{Location: loc, Scope: "plaintext", Severity: SeverityMaximum,
						Offending: offending(key, key, "NULL", from, notModern+"\n  AND NOT "+weak),
						Detail:    "values in no password-hash format: plaintext"},
					Check{Location: loc, Scope: "weak-hash", Severity: SeveritySignificant,
						Offending: offending(key, key, "NULL", from, notModern+"\n  AND "+weak),
						Detail:    "fast or MD5/SHA-1-based hashes (unsalted MD5, SHA-1, SHA-256 or SHA-512 hex, MD5-crypt, phpass, LDAP {SHA}/{SSHA})"})
			}
		}
		return out, nil
	})
}

// modernHash is true when the text is in a modern password-hash format.
func modernHash(d dialect.Dialect, txt string) string {
	var ors []string
	for _, p := range modernHashPrefixes {
		ors = append(ors, d.HasPrefix(txt, p))
	}
	ors = append(ors, fmt.Sprintf("(%s = %d AND %s)", d.Length(txt), sha512CryptDigest, d.OnlyChars(txt, "./0-9A-Za-z")))
	return "(" + strings.Join(ors, " OR ") + ")"
}

// weakHash is true when the text is an unsalted hex digest or a legacy hash format.
func weakHash(d dialect.Dialect, txt string) string {
	lens := make([]string, len(weakHexLengths))
	for i, n := range weakHexLengths {
		lens[i] = fmt.Sprint(n)
	}
	ors := []string{fmt.Sprintf("(%s IN (%s) AND %s)", d.Length(txt), strings.Join(lens, ", "), d.OnlyChars(txt, "0-9a-fA-F"))}
	for _, p := range legacyHashPrefixes {
		ors = append(ors, d.HasPrefix(txt, p))
	}
	return "(" + strings.Join(ors, " OR ") + ")"
}

// tokenNameRE matches secrets that are not passwords: API tokens and keys, OAuth client
// and app secrets, stored credentials of other services, salts, nonces, session ids,
// one-time-password seeds and recovery codes must stay random or usable (the CRM sends
// them on), so a password-hash format test says nothing about how well they are kept.
var tokenNameRE = regexp.MustCompile(`(?i)(token|api_?key|apikey|access_?key|secret_?key|private_?key|signing_?key|(^|_)key$|^key_|salt|nonce|session|signature|(^|_)(otp|totp|mfa|2fa)(_|$)|webhook|hmac|csrf|cookie|` +
	`(client|consumer|app|application|oauth|oauth2|shared|jwt|api|aws)_?secret|credentials?_(json|data)|(^|_)credentials$|(recovery|backup)_?codes?)`)

// isTokenName keeps SEC-03 to password stores.
func isTokenName(name string) bool { return tokenNameRE.MatchString(name) }

// hasCategory is true when the column was classified as cat, or its name says cat even
// though its values did not confirm it: a card_number column holding mostly masked
// numbers must still be searched for the few full ones.
func hasCategory(c TableColumn, cat detect.Category) bool {
	if c.Class.Category == cat {
		return true
	}
	return slices.Contains(c.Class.Evidence.Signals, "name:"+string(cat))
}

// BroadAccess is SEC-05: personal-data tables readable by everyone (PostgreSQL PUBLIC;
// MySQL accounts whose host is a wildcard such as '%') or, with an allowlist, by any
// grantee outside it (Art. 32, 25(2), 5(1)(f)). The scanner's own account, and roles it
// belongs to, are left out. Every row of such a table is exposed, so the check counts
// the table's rows when a broad grant exists. SQLite has no access control.
func BroadAccess() Rule {
	return newRule(Meta{
		ID:          "SEC-05",
		Title:       "Broad access to personal-data tables",
		Family:      Security,
		Articles:    []string{"Art. 32(1)", "Art. 25(2)", "Art. 5(1)(f)"},
		Severity:    SeverityLimited,
		Likelihood:  3,
		Principle:   "integrity and confidentiality (illegitimate access)",
		Remediation: "Revoke the broad grant (REVOKE SELECT … FROM PUBLIC; drop '%' accounts or restrict their hosts); grant read access to named roles only, per purpose.",
		Matches:     "Per personal table, all rows when SELECT is granted broadly. PostgreSQL: `aclexplode(pg_class.relacl)` has PUBLIC, or (with `allowed_grantees`) a role that is not the owner, not one the scanner belongs to and not allowed. MySQL/MariaDB: a table, database or global SELECT grant in `information_schema` to an account with a wildcard host or no user name (or outside `allowed_grantees`), other than the scanner's own; MySQL shows other accounts' grants only to a scanner that may read the `mysql` schema. SQLite: not evaluated",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		if d == dialect.SQLite {
			return nil, needs("a server with access control: SQLite has no grants (protect the database file's permissions instead)")
		}
		allowed := env.Mapping().AllowedGrantees
		var out []Check
		for _, t := range env.Tables {
			if t.IsView || !t.Personal() {
				continue
			}
			var grant, who string
			switch d {
			case dialect.Postgres:
				grant, who = pgBroadGrant(d, t, allowed)
			case dialect.MySQL:
				grant, who = mysqlBroadGrant(d, t, allowed)
			}
			key := rowKey(d, "t", t)
			out = append(out, Check{
				Location:  Location{Schema: t.Schema, Table: t.Name},
				Offending: offending(key, env.subjectExpr(t, "t"), "NULL", d.Table(t.Schema, t.Name)+" t", grant),
				Detail:    "SELECT granted to " + who + "; every row is exposed",
			})
		}
		return out, nil
	})
}

// pgBroadGrant reads the table's ACL from pg_class (visible to every role, unlike
// information_schema.role_table_grants, which shows only the reader's own grants).
func pgBroadGrant(d dialect.Dialect, t Table, allowed []string) (string, string) {
	who := "PUBLIC"
	broad := "a.grantee = 0"
	if len(allowed) > 0 {
		// Direct membership only: pg_has_role is true for every role when the scanner
		// runs as a superuser.
		me := "(SELECT r.oid FROM pg_catalog.pg_roles r WHERE r.rolname = current_user)"
		broad = "(a.grantee = 0 OR (a.grantee <> c.relowner AND a.grantee <> " + me +
			" AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_auth_members m WHERE m.roleid = a.grantee AND m.member = " + me + ")" +
			" AND NOT " + textIn(d, "pg_get_userbyid(a.grantee)", allowed) + "))"
		who = "PUBLIC or roles outside allowed_grantees"
	}
	return fmt.Sprintf(`EXISTS (SELECT 1 FROM pg_catalog.pg_class c
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL aclexplode(c.relacl) a
    WHERE n.nspname = %s AND c.relname = %s AND a.privilege_type = 'SELECT' AND %s)`,
		d.String(t.Schema), d.String(t.Name), broad), who
}

// mysqlBroadGrant looks at table, database and global SELECT grants. information_schema
// shows other accounts' grants only to a scanner allowed to read the mysql schema.
func mysqlBroadGrant(d dialect.Dialect, t Table, allowed []string) (string, string) {
	user := "TRIM(BOTH '''' FROM SUBSTRING_INDEX(p.GRANTEE, '@', 1))"
	host := "SUBSTRING_INDEX(p.GRANTEE, '@', -1)"
	self := "p.GRANTEE <> CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')"
	wildcard := "(" + host + " LIKE " + d.String(`%\%%`) + " OR " + user + " = '')"
	broad := wildcard
	who := "accounts with a wildcard host or no user name"
	if len(allowed) > 0 {
		broad = "(" + wildcard + " OR NOT " + textIn(d, user, allowed) + ")"
		who += ", or accounts outside allowed_grantees"
	}
	sel := "p.PRIVILEGE_TYPE = 'SELECT' AND " + self + " AND "
	// Global grants belong to administrators; they count only from a wildcard host.
	return fmt.Sprintf(`(EXISTS (SELECT 1 FROM information_schema.TABLE_PRIVILEGES p WHERE p.TABLE_SCHEMA = %[1]s AND p.TABLE_NAME = %[2]s AND %[3]s%[4]s)
    OR EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES p WHERE p.TABLE_SCHEMA = %[1]s AND %[3]s%[4]s)
    OR EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES p WHERE %[3]s%[5]s))`,
		d.String(t.Schema), d.String(t.Name), sel, broad, wildcard), who
}

// TransportNotEncrypted is SEC-06: the server accepts unencrypted connections over the
// network (Art. 32(1)(a)). PostgreSQL: ssl is off while it listens beyond loopback, or
// the scanner's own session came in over the network without TLS. MySQL/MariaDB:
// require_secure_transport is off while it listens beyond loopback. A server bound to
// loopback only is not reachable unencrypted over a network. pg_hba.conf cannot be read,
// so per-client enforcement cannot be proven.
func TransportNotEncrypted() Rule {
	return newRule(Meta{
		ID:          "SEC-06",
		Title:       "Transport encryption not enforced",
		Family:      Security,
		Articles:    []string{"Art. 32(1)(a)"},
		Severity:    SeverityLimited,
		Likelihood:  2,
		Principle:   "integrity and confidentiality (illegitimate access)",
		Remediation: "Enable TLS on the server and require it (PostgreSQL: ssl = on and hostssl lines only in pg_hba.conf; MySQL: require_secure_transport = ON); connect with sslmode=verify-full.",
		Matches:     "PostgreSQL: `ssl` off while `listen_addresses` goes beyond loopback, or the scanner's own session came over the network without TLS (`pg_stat_ssl`). MySQL/MariaDB: `require_secure_transport` off while networking is on and `bind_address` is not loopback. One record per condition. SQLite: not evaluated",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var q string
		switch d {
		case dialect.Postgres:
			q = `SELECT 'server: ssl off' AS row_key, 'server' AS subject_key, NULL AS since
FROM (SELECT current_setting('ssl') AS ssl, current_setting('listen_addresses') AS listen) s
WHERE s.ssl = 'off' AND s.listen !~ '^\s*((localhost|127\.0\.0\.1|::1)\s*(,\s*|$))*$'
UNION ALL
SELECT 'session: no TLS', 'session', NULL
FROM pg_catalog.pg_stat_ssl s
WHERE s.pid = pg_backend_pid() AND NOT s.ssl AND inet_client_addr() IS NOT NULL
  AND NOT (inet_client_addr() <<= inet '127.0.0.0/8' OR inet_client_addr() = inet '::1')`
		case dialect.MySQL:
			q = `SELECT 'server: require_secure_transport off' AS row_key, 'server' AS subject_key, NULL AS since
FROM (SELECT @@global.require_secure_transport AS req, @@global.bind_address AS bind, @@global.skip_networking AS skip) s
WHERE s.req = 0 AND s.skip = 0 AND s.bind NOT IN ('127.0.0.1', '::1', 'localhost')`
		default:
			return nil, needs("a server connection: SQLite is a local file with no transport")
		}
		return []Check{{
			Location:  Location{Schema: "", Table: ""},
			Offending: q,
			Detail:    "the server accepts unencrypted connections from the network",
		}}, nil
	})
}

// clearIDShapes are the shapes SEC-04 counts, per category, over the value with spaces,
// dashes, dots and slashes removed: long enough to identify someone, made only of
// letters and digits (so masked "***1234", hashes longer than an id and encrypted or
// base64 blobs do not count), with enough digits to be a number rather than a word.
var clearIDShapes = map[detect.Category]struct {
	min, max, digits int
	what             string
}{
	detect.NationalID:      {6, 20, 5, "national identification numbers"},
	detect.TaxID:           {6, 20, 5, "tax identification numbers"},
	detect.Passport:        {6, 9, 3, "passport numbers"},
	detect.IBANBankAccount: {15, 34, 10, "IBANs"},
}

// IdentifiersInClear is SEC-04: national ids, tax ids, passport numbers and IBANs kept
// readable (Art. 32, 87). The columns are those classified so (their sampled values passed
// the classifier's validators: IBAN mod-97, NIR key, NINO, Steuer-ID check digit and
// others); the check counts, exactly and in SQL, every row whose value is readable as such
// a number. A check digit is not required: a mistyped IBAN is still an account number in
// clear, as a Luhn-failing card number is still card data.
func IdentifiersInClear() Rule {
	return newRule(Meta{
		ID:          "SEC-04",
		Title:       "National ID, IBAN or passport numbers in clear",
		Family:      Security,
		Articles:    []string{"Art. 32(1)(a)", "Art. 87"},
		Severity:    SeveritySignificant,
		Likelihood:  3,
		Principle:   "integrity and confidentiality",
		Remediation: "Encrypt the column (application-level or column encryption with a managed key) or replace the number with a token; restrict who can read it and keep only the last digits where that suffices.",
		Matches:     "Per column classified (or named) as national id, tax id, passport or IBAN (the scope is the category): rows whose value, with spaces, dashes, dots and slashes removed, is readable as such a number — only letters and digits, 6–20 characters with 5 digits (national and tax ids), 6–9 with 3 digits (passports), 15–34 starting with two letters and two digits with 10 digits (IBANs). Masked, hashed and encrypted values do not count; check digits are not required (a mistyped number is still in clear). Counted exactly in SQL",
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			if t.IsView {
				continue
			}
			for _, c := range t.Columns {
				cat, ok := clearIDCategory(c)
				if !ok {
					continue
				}
				shape := clearIDShapes[cat]
				col := d.Column("t", c.Name)
				compact := "UPPER(" + compactText(d, d.Text(col)) + ")"
				where := fmt.Sprintf("%s IS NOT NULL AND %s BETWEEN %d AND %d AND %s AND %s",
					col, d.Length(compact), shape.min, shape.max, d.OnlyChars(compact, "0-9A-Z"), atLeastDigits(d, compact, shape.digits))
				if cat == detect.IBANBankAccount {
					where += " AND " + ibanStart(d, compact)
				}
				key := rowKey(d, "t", t)
				out = append(out, Check{
					Location:  Location{Schema: t.Schema, Table: t.Name, Column: c.Name},
					Scope:     string(cat),
					Offending: offending(key, env.subjectExpr(t, "t"), "NULL", d.Table(t.Schema, t.Name)+" t", where),
					Detail:    shape.what + " readable in clear",
				})
			}
		}
		return out, nil
	})
}

// clearIDCategory is the SEC-04 category of a column: its classification, or its name's
// when the values did not confirm it (mostly masked, say).
func clearIDCategory(c TableColumn) (detect.Category, bool) {
	if _, ok := clearIDShapes[c.Class.Category]; ok && c.Class.Personal {
		return c.Class.Category, true
	}
	for _, cat := range []detect.Category{detect.NationalID, detect.Passport, detect.IBANBankAccount} {
		if hasCategory(c, cat) {
			return cat, true
		}
	}
	return "", false
}

// compactText removes the separators people type inside numbers.
func compactText(d dialect.Dialect, txt string) string {
	for _, sep := range []string{" ", "-", ".", "/"} {
		txt = "REPLACE(" + txt + ", '" + sep + "', '')"
	}
	return txt
}

// atLeastDigits is true when the text holds n digits or more.
func atLeastDigits(d dialect.Dialect, txt string, n int) string {
	switch d {
	case dialect.Postgres:
		return fmt.Sprintf("%s ~ '([0-9][^0-9]*){%d}'", txt, n)
	case dialect.MySQL:
		return fmt.Sprintf("%s REGEXP '([0-9][^0-9]*){%d}'", txt, n)
	}
	return txt + " GLOB '" + strings.Repeat("*[0-9]", n) + "*'"
}

// ibanStart is true when the text starts as an IBAN does: two letters, two digits.
func ibanStart(d dialect.Dialect, txt string) string {
	switch d {
	case dialect.Postgres:
		return txt + " ~ '^[A-Z]{2}[0-9]{2}'"
	case dialect.MySQL:
		return txt + " REGEXP '^[A-Z]{2}[0-9]{2}'"
	}
	return txt + " GLOB '[A-Z][A-Z][0-9][0-9]*'"
}
