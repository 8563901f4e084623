package detect

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCredentialNames(t *testing.T) {
	nameTable(t, PasswordOrSecret, []string{"password", "Password", "passwd", "pass", "pwd", "pw", "password_hash",
		"hashed_password", "user_pass", "user_hash", "encrypted_password", "password_salt", "passwort", "kennwort",
		"mot_de_passe", "mdp", "contrasena", "wachtwoord", "haslo", "senha", "密码", "secret", "client_secret",
		"token", "api_token", "access_token", "refresh_token", "remember_token", "api_key", "apikey",
		"private_key", "pin", "otp_secret", "totp_secret", "security_answer"},
		[]string{"password_changed_at", "password_policy", "password_reset_sent_at", "token_expires_at",
			"token_type", "api_key_id", "passport", "pass_nr", "password_length", "pinned", "spinner"})
}

func TestPasswordKind(t *testing.T) {
	sha512 := "$6$rounds=656000$saltsalt$" + strings.Repeat("a", 86)
	tests := []struct{ in, want string }{
		{"$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZyWm", KindBcrypt},
		{"$2y$10$" + strings.Repeat("A", 53), KindBcrypt},
		{"$2a$10$" + strings.Repeat("A", 53), KindBcrypt},
		{"$2b$12$short", KindPlaintext},
		{"zadsZuIlFZK0/B0Ye08Z0rdS0.uM8a5tjMRBBVE5OYantQmLY44AigdrKVPPHRHtKB2VgyXTW2xP7KMcfxFlv0", KindSHA512Crypt},
		{"bcrypt_sha256$$2b$12$" + strings.Repeat("A", 53), KindBcrypt},
		{"$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2g", KindArgon2},
		{"argon2$argon2id$v=19$m=102400,t=2,p=8$c2FsdA$aGFzaA", KindArgon2},
		{"$scrypt$ln=16,r=8,p=1$aM15713r3Xsvxbi31lqr1Q$nFNh2CVHVjNldFVKDHDlm4CbdRSCdEBsjjJxD+iCs5E", KindScrypt},
		{"scrypt:32768:8:1$salt$hash", KindScrypt},
		{"$y$j9T$salt$hash", KindScrypt},
		{"pbkdf2_sha256$600000$salt$aGFzaA==", KindPBKDF2},
		{"$pbkdf2-sha256$29000$salt$hash", KindPBKDF2},
		{"pbkdf2:sha256:600000$salt$hash", KindPBKDF2},
		{sha512, KindSHA512Crypt},
		{"$6$saltsalt$" + strings.Repeat("b", 86), KindSHA512Crypt},
		{"$5$saltsalt$" + strings.Repeat("c", 43), KindSHA256Crypt},
		{"$1$saltsalt$" + strings.Repeat("d", 22), KindMD5Crypt},
		{"$P$" + strings.Repeat("e", 31), KindPHPass},
		{"{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", KindLDAP},
		{"{CRYPT}$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZyWm", KindBcrypt},
		{"5f4dcc3b5aa765d61d8327deb882cf99", KindMD5Hex},
		{"5F4DCC3B5AA765D61D8327DEB882CF99", KindMD5Hex},
		{"5baa61e4c9b93f3f0682250b6cf8331b7ee68fd8", KindSHA1Hex},
		{"5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8", KindSHA256Hex},
		{strings.Repeat("ab", 64), KindSHA512Hex},
		{"hunter2", KindPlaintext},
		{"correct horse battery staple", KindPlaintext},
		{"sk_live_4eC39HqLyjWDarjtT1zdp7dc", KindPlaintext},
		{"$6$", KindPlaintext},
		{"  ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, PasswordKind(tt.in), tt.in)
	}
}

func TestIsSecretFormat(t *testing.T) {
	checkBool := func(v string, _ *env) level {
		if isSecretFormat(v, nil) {
			return lvStrong
		}
		return lvNone
	}
	checkTable(t, checkBool, lvStrong,
		[]string{"$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZyWm", "pbkdf2_sha256$600000$salt$hash",
			"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U",
			"-----BEGIN RSA PRIVATE KEY-----\nMIIE..."},
		[]string{"5f4dcc3b5aa765d61d8327deb882cf99", "hunter2", "eyJ", "-----BEGIN PUBLIC KEY-----"})
}

func TestClassifyCredentials(t *testing.T) {
	bcrypts := repeatf(5, "$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZy%02d", idx)
	runClassify(t, []classifyCase{
		{"password hash", Column{Table: "users", Name: "password_hash", Values: bcrypts}, PasswordOrSecret, true},
		{"plaintext password", Column{Table: "users", Name: "pwd", Values: []string{"hunter2", "letmein", "Sommer2024!"}}, PasswordOrSecret, true},
		{"suitecrm user_hash", Column{Table: "users", Name: "user_hash", Values: []string{"5f4dcc3b5aa765d61d8327deb882cf99"}}, PasswordOrSecret, true},
		{"kennwort", Column{Table: "benutzer", Name: "kennwort"}, PasswordOrSecret, true},
		{"mot de passe", Column{Table: "utilisateurs", Name: "mot_de_passe"}, PasswordOrSecret, true},
		{"api key in settings", Column{Table: "settings", Name: "api_key", Values: []string{"sk_live_4eC39HqLyjWDarjtT1zdp7dc"}}, PasswordOrSecret, true},
		{"token", Column{Table: "sessions", Name: "remember_token"}, PasswordOrSecret, true},
		{"hashes by value only", Column{Table: "legacy", Name: "col2", Values: bcrypts}, PasswordOrSecret, true},
		{"bare md5 without a name", Column{Table: "files", Name: "etag", Values: repeatf(5, "5f4dcc3b5aa765d61d8327deb882cf%02d", idx)}, None, false},
		{"password changed at", Column{Table: "users", Name: "password_changed_at", DataType: "timestamp"}, None, false},
		{"password policy", Column{Table: "settings", Name: "password_policy"}, None, false},
		{"must change password flag", Column{Table: "users", Name: "password_reset_required", DataType: "boolean"}, None, false},
	})
}

func TestSecurityAnswerNames(t *testing.T) {
	nameTable(t, PasswordOrSecret, []string{"sicherheitsantwort", "security_question_answer", "reponse_secrete",
		"respuesta_secreta", "risposta_segreta", "beveiligingsantwoord", "resposta_secreta", "senha_hash", "密保答案"},
		[]string{"sicherheitsfrage", "security_question", "password_changed_at"})
}
