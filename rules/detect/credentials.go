package detect

import "strings"

// Credentials: passwords (plain or hashed), tokens, API keys, private keys, PINs.

// Kinds of stored secrets returned by PasswordKind.
const (
	KindBcrypt      = "bcrypt"      // $2a$, $2b$, $2y$ (also Django bcrypt_sha256$)
	KindArgon2      = "argon2"      // $argon2id$, $argon2i$, $argon2d$
	KindScrypt      = "scrypt"      // $scrypt$, $7$, yescrypt $y$, Werkzeug scrypt:
	KindPBKDF2      = "pbkdf2"      // pbkdf2_sha256$ (Django), $pbkdf2-sha256$ (passlib), pbkdf2:sha256: (Werkzeug)
	KindSHA512Crypt = "sha512crypt" // $6$, optionally with rounds=N$
	KindSHA256Crypt = "sha256crypt" // $5$
	KindMD5Crypt    = "md5crypt"    // $1$, $apr1$: weak
	KindPHPass      = "phpass"      // $P$, $H$ (WordPress, phpBB): weak
	KindLDAP        = "ldap"        // {SSHA}, {SHA}, {MD5}…: weak
	KindMD5Hex      = "md5_hex"     // 32 hex digits, unsalted MD5
	KindSHA1Hex     = "sha1_hex"    // 40 hex digits, unsalted SHA-1
	KindSHA256Hex   = "sha256_hex"  // 64 hex digits
	KindSHA512Hex   = "sha512_hex"  // 128 hex digits
	KindPlaintext   = "plaintext"   // anything else
)

// PasswordKind tells what a stored password or secret value is: one of the Kind constants,
// or "" for an empty value. Modern password hashes are bcrypt, argon2, scrypt, pbkdf2 and
// sha512crypt; md5crypt, phpass, ldap and the bare hex digests are weak; everything else,
// including API keys and tokens, is plaintext. It only looks at the format; it never
// verifies a hash.
func PasswordKind(v string) string {
	v = strings.TrimSpace(v)
	if v == "" {
		return ""
	}
	if i := strings.IndexByte(v, '}'); strings.HasPrefix(v, "{") && i > 0 {
		scheme := strings.ToUpper(v[1:i])
		if scheme == "CRYPT" {
			return PasswordKind(v[i+1:])
		}
		if scheme == "BCRYPT" {
			return KindBcrypt
		}
		if scheme == "ARGON2" {
			return KindArgon2
		}
		if strings.Contains(scheme, "SHA") || strings.Contains(scheme, "MD5") {
			return KindLDAP
		}
	}
	switch {
	case isBcrypt(v), strings.HasPrefix(v, "bcrypt$") || strings.HasPrefix(v, "bcrypt_sha256$"):
		return KindBcrypt
	case strings.HasPrefix(v, "$argon2") || strings.HasPrefix(v, "argon2$argon2"):
		return KindArgon2
	case strings.HasPrefix(v, "$scrypt$") || strings.HasPrefix(v, "$7$") || strings.HasPrefix(v, "$y$") ||
		strings.HasPrefix(v, "scrypt:") || strings.HasPrefix(v, "scrypt$"):
		return KindScrypt
	case strings.HasPrefix(v, "pbkdf2_") || strings.HasPrefix(v, "$pbkdf2") || strings.HasPrefix(v, "pbkdf2:") ||
		strings.HasPrefix(v, "pbkdf2$"):
		return KindPBKDF2
	case isCrypt(v, "$6$", 86):
		return KindSHA512Crypt
	case isCrypt(v, "$5$", 43):
		return KindSHA256Crypt
	case isCrypt(v, "$1$", 22) || isCrypt(v, "$apr1$", 22):
		return KindMD5Crypt
	case (strings.HasPrefix(v, "$P$") || strings.HasPrefix(v, "$H$")) && len(v) == 34:
		return KindPHPass
	case isHex(v) && len(v) == 32:
		return KindMD5Hex
	case isHex(v) && len(v) == 40:
		return KindSHA1Hex
	case isHex(v) && len(v) == 64:
		return KindSHA256Hex
	case isHex(v) && len(v) == 128:
		return KindSHA512Hex
	case len(v) == 86 && cryptChars(v):
		return KindSHA512Crypt // the digest without its "$6$salt$" prefix, as EspoCRM keeps it
	}
	return KindPlaintext
}

// isBcrypt: $2$, $2a$, $2b$, $2x$ or $2y$, a two-digit cost, 53 characters of salt and hash.
func isBcrypt(v string) bool {
	if !strings.HasPrefix(v, "$2") {
		return false
	}
	rest := v[2:]
	if len(rest) > 0 && strings.IndexByte("abxy", rest[0]) >= 0 {
		rest = rest[1:]
	}
	if len(rest) != 57 || rest[0] != '$' || !isDigit(rest[1]) || !isDigit(rest[2]) || rest[3] != '$' {
		return false
	}
	return cryptChars(rest[4:])
}

// isCrypt: a modular crypt string prefix[rounds=N$]salt$hash with a hash of n characters.
func isCrypt(v, prefix string, n int) bool {
	rest, ok := strings.CutPrefix(v, prefix)
	if !ok {
		return false
	}
	if r, ok := strings.CutPrefix(rest, "rounds="); ok {
		i := strings.IndexByte(r, '$')
		if i < 1 || !isDigits(r[:i]) {
			return false
		}
		rest = r[i+1:]
	}
	salt, hash, ok := strings.Cut(rest, "$")
	return ok && len(salt) <= 16 && len(hash) == n && cryptChars(hash)
}

func cryptChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(isDigit(c) || isUpperASCII(c) || 'a' <= c && c <= 'z' || c == '.' || c == '/') {
			return false
		}
	}
	return true
}

var passwordDetector = detector{
	cat: PasswordOrSecret, types: textTypes | types(typeBinary), check: checkSecret, probe: isSecretFormat,
	mask: plain(maskKind), valueOnlyAt: 0.8, valueCap: 0.85, longValues: true, probeFirst: true,
}

// checkSecret: in a column named as a secret any value is plausible; a recognised hash,
// token or key format is strong.
func checkSecret(v string, e *env) level {
	if k := PasswordKind(v); k != KindPlaintext && k != "" || isSecretFormat(v, e) {
		return lvStrong
	}
	return lvWeak
}

// isSecretFormat recognises secrets without a name: password hashes in a crypt or framework
// format (not bare hex digests, which are as often checksums or pseudonymised emails),
// JSON web tokens and PEM private keys.
func isSecretFormat(v string, _ *env) bool {
	switch PasswordKind(v) {
	case KindBcrypt, KindArgon2, KindScrypt, KindPBKDF2, KindSHA512Crypt, KindSHA256Crypt, KindMD5Crypt, KindPHPass, KindLDAP:
		return true
	}
	if strings.HasPrefix(v, "-----BEGIN") && strings.Contains(v, "PRIVATE KEY") {
		return true
	}
	return strings.HasPrefix(v, "eyJ") && strings.Count(v, ".") == 2 && len(v) > 30
}
