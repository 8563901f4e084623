package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner/dialect"
)

// maxCardLen bounds the pre-filter: 19 digits plus separators.
const maxCardLen = 23

// PlaintextCardNumbers is SEC-01: full card numbers (PAN) stored in clear. SQL keeps only
// values made of digits, spaces and dashes of a card's length; Go then checks Luhn and
// the issuer range, so masked or tokenised numbers never count.
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
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			for _, c := range t.Columns {
				if t.IsView || !hasCategory(c, detect.PaymentCard) {
					continue
				}
				col := d.Column("t", c.Name)
				txt := d.Text(col)
				where := fmt.Sprintf("%s IS NOT NULL AND %s BETWEEN 13 AND %d AND %s",
					col, d.Length(txt), maxCardLen, d.OnlyChars(txt, "0-9 -"))
				key := rowKey(d, "t", t)
				out = append(out, Check{
					Location:  Location{Schema: t.Schema, Table: t.Name, Column: c.Name},
					Offending: offending(key, key, "NULL", d.Table(t.Schema, t.Name)+" t", where, txt),
					Validate:  detect.ValidPaymentCard,
					Mask:      detect.MaskPaymentCard,
					Detail:    "full PAN passes Luhn and issuer-range checks",
				})
			}
		}
		return out, nil
	})
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

// modernHashPrefixes are password-hash formats that are salted and slow.
var modernHashPrefixes = []string{"$2a$", "$2b$", "$2y$", "$argon2", "$scrypt$", "$7$", "pbkdf2_", "$pbkdf2", "$6$", "$5$",
	"{SSHA512}", "{PBKDF2", "{ARGON2}", "{BCRYPT}", "{CRYPT}$2", "{CRYPT}$5$", "{CRYPT}$6$"}

// legacyHashPrefixes are hash formats that are fast or built on MD5 or SHA-1: MD5-crypt
// (vtiger), Apache's apr1, phpass (WordPress, older PHP CRMs), LDAP {SHA}/{SSHA}/{MD5},
// Django's legacy sha1$ and md5$.
var legacyHashPrefixes = []string{"$1$", "$apr1$", "$P$", "$H$", "{SHA}", "{SSHA}", "{MD5}", "{SMD5}", "{CRYPT}", "sha1$", "md5$"}

// sha512CryptDigest is a SHA-512-crypt digest kept without its "$6$salt$" prefix
// (EspoCRM stores it so): 86 characters of the crypt alphabet, which no typed password is.
const sha512CryptDigest = 86

// WeakPasswords is SEC-03: password columns holding plaintext (severity 4) or fast or
// MD5/SHA-1-based hashes such as MD5 hex or MD5-crypt (severity 3). Only modern formats
// are accepted.
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
	}, func(env *Env, m Meta) ([]Check, error) {
		d := env.Dialect
		var out []Check
		for _, t := range env.Tables {
			for _, c := range t.Columns {
				if t.IsView || !hasCategory(c, detect.PasswordOrSecret) || !isPasswordName(c.Name) {
					continue
				}
				col := d.Column("t", c.Name)
				txt := d.Text(col)
				modern := make([]string, len(modernHashPrefixes))
				for i, p := range modernHashPrefixes {
					modern[i] = d.HasPrefix(txt, p)
				}
				modern = append(modern, fmt.Sprintf("(%s = %d AND %s)", d.Length(txt), sha512CryptDigest, d.OnlyChars(txt, "./0-9A-Za-z")))
				notModern := fmt.Sprintf("%s IS NOT NULL AND %s <> '' AND NOT (%s)", col, txt, strings.Join(modern, " OR "))
				weakForms := []string{fmt.Sprintf("(%s IN (32, 40, 64) AND %s)", d.Length(txt), d.OnlyChars(txt, "0-9a-fA-F"))}
				for _, p := range legacyHashPrefixes {
					weakForms = append(weakForms, d.HasPrefix(txt, p))
				}
				weak := "(" + strings.Join(weakForms, " OR ") + ")"
				key := rowKey(d, "t", t)
				from := d.Table(t.Schema, t.Name) + " t"
				loc := Location{Schema: t.Schema, Table: t.Name, Column: c.Name}
				out = append(out,
					Check{Location: loc, Scope: "plaintext", Severity: SeverityMaximum,
						Offending: offending(key, key, "NULL", from, notModern+"\n  AND NOT "+weak),
						Detail:    "values in no password-hash format: plaintext"},
					Check{Location: loc, Scope: "weak-hash", Severity: SeveritySignificant,
						Offending: offending(key, key, "NULL", from, notModern+"\n  AND "+weak),
						Detail:    "fast or MD5/SHA-1-based hashes (MD5, SHA-1 or SHA-256 hex, MD5-crypt, phpass, LDAP {SHA}/{SSHA})"})
			}
		}
		return out, nil
	})
}

// isPasswordName keeps SEC-03 to password columns: API tokens and keys are secrets too,
// but a hash-format test means nothing for them.
func isPasswordName(name string) bool {
	n := strings.ToLower(name)
	for _, w := range []string{"pass", "pwd", "kennwort", "passwort", "mot_de_passe", "contrasena", "contraseña", "mima", "密码"} {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

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
