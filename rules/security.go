package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules/detect"
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
var modernHashPrefixes = []string{"$2a$", "$2b$", "$2y$", "$argon2", "$scrypt$", "$7$", "pbkdf2_", "$pbkdf2", "$6$", "{SSHA512}", "{PBKDF2"}

// WeakPasswords is SEC-03: password columns holding plaintext (severity 4) or unsalted
// fast hashes such as MD5 or SHA-1 hex (severity 3). Only modern formats are accepted.
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
				notModern := fmt.Sprintf("%s IS NOT NULL AND %s <> '' AND NOT (%s)", col, txt, strings.Join(modern, " OR "))
				weak := fmt.Sprintf("(%s IN (32, 40, 64) AND %s)", d.Length(txt), d.OnlyChars(txt, "0-9a-fA-F"))
				key := rowKey(d, "t", t)
				from := d.Table(t.Schema, t.Name) + " t"
				loc := Location{Schema: t.Schema, Table: t.Name, Column: c.Name}
				out = append(out,
					Check{Location: loc, Scope: "plaintext", Severity: SeverityMaximum,
						Offending: offending(key, key, "NULL", from, notModern+"\n  AND NOT "+weak),
						Detail:    "values in no password-hash format: plaintext"},
					Check{Location: loc, Scope: "weak-hash", Severity: SeveritySignificant,
						Offending: offending(key, key, "NULL", from, notModern+"\n  AND "+weak),
						Detail:    "unsalted fast hashes (MD5, SHA-1 or SHA-256 hex)"})
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
