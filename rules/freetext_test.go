package rules

// The SQL that SEC-01 and SEC-03 judge values with is checked against the Go judgement
// of the same values on every engine: Luhn against a Go Luhn over many random numbers,
// hash formats against detect.PasswordKind.

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"testing"

	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// valueDBs opens each engine with a one-column table v(s) holding values.
func valueDBs(t *testing.T, values []string) map[dialect.Dialect]*sql.DB {
	t.Helper()
	out := map[dialect.Dialect]*sql.DB{}
	lite, err := sql.Open("sqlite", filepath.Join(t.TempDir(), "v.db"))
	require.NoError(t, err)
	t.Cleanup(func() { lite.Close() })
	out[dialect.SQLite] = lite
	out[dialect.Postgres] = testdb.Writable(t, testdb.Postgres(t))
	out[dialect.MySQL] = testdb.Writable(t, testdb.MySQL(t))
	for d, db := range out {
		_, err := db.Exec("CREATE TABLE v (i INTEGER, s VARCHAR(200))")
		require.NoError(t, err)
		ph := "?"
		if d == dialect.Postgres {
			ph = "$1"
		}
		tx, err := db.Begin()
		require.NoError(t, err)
		for i, v := range values {
			_, err := tx.Exec(fmt.Sprintf("INSERT INTO v (i, s) VALUES (%d, %s)", i, ph), v)
			require.NoError(t, err)
		}
		require.NoError(t, tx.Commit())
	}
	return out
}

// judge runs SELECT i, <expr> FROM v c and returns expr per value index.
func judge(t *testing.T, db *sql.DB, expr string) map[int]bool {
	t.Helper()
	rows, err := db.Query("SELECT c.i, CASE WHEN " + expr + " THEN 1 ELSE 0 END FROM v c")
	require.NoError(t, err)
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var i, b int
		require.NoError(t, rows.Scan(&i, &b))
		out[i] = b == 1
	}
	require.NoError(t, rows.Err())
	return out
}

func goLuhn(s string) bool {
	sum := 0
	for k := 0; k < len(s); k++ {
		d := int(s[len(s)-1-k] - '0')
		if k%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

func TestLuhnSQL(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 10))
	values := []string{"4111111111111111", "5500005555555559", "378282246310005", "6011111111111117", "4111111111111112", "1234567890123456",
		"4000000000000000006", "0000000000000"}
	for len(values) < 400 {
		n := 13 + r.IntN(7)
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('0' + r.IntN(10))
		}
		values = append(values, string(b))
	}
	passes := 0
	for d, db := range valueDBs(t, values) {
		got := judge(t, db, luhnSum(d, "c.s")+" % 10 = 0")
		require.Len(t, got, len(values))
		for i, v := range values {
			assert.Equal(t, goLuhn(v), got[i], "%s: Luhn of %s", d, v)
			if got[i] {
				passes++
			}
		}
	}
	assert.Greater(t, passes, 3*30, "random numbers pass Luhn about one time in ten on each engine")
}

func TestPasswordFormatsSQL(t *testing.T) {
	values := []string{
		"$2b$12$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm", "$2y$10$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm",
		"$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
		"argon2$argon2id$v=19$m=102400,t=2,p=8$c29tZXNhbHQ$Zm9vYmFy",
		"bcrypt_sha256$$2b$12$C6UzMDM.H6dfI/f/IKcEeO5U5dkXh6gDm2x9QX4Q3VQn7jG2Vd8Wm",
		"pbkdf2_sha256$600000$c29tZXNhbHQ$Zm9vYmFyYmF6cXV4", "pbkdf2:sha256:600000$salt$abcdef", "$pbkdf2-sha256$29000$c2FsdA$Zm9v",
		"scrypt:32768:8:1$salt$abcdef", "$scrypt$ln=16,r=8,p=1$c2FsdA$Zm9v", "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
		"$6$saltsalt$qFmFH.bQmmtXzyBY0s9v7Oicd2z4XSIecDzlB5KiA2/jctKu9YterLp8wwnSq.qc.eoxqOmSuNp2xS0ktL3nh/",
		"$5$rounds=5000$saltsalt$Gbx3bNcZ2F.pr1DzKNTOUhjJyhDXdQCRZIgfIdJ2fe4",
		"zadsZuIlFZK0/B0Ye08Z0rdS0.uM8a5tjMRBBVE5OYantQmLY44AigdrKVPPHRHtKB2VgyXTW2xP7KMcfxFlv0",
		"5f4dcc3b5aa765d61d8327deb882cf99", "5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8",
		"5e884898da28047151d0e56f8dc6292773603d0d6aca6ad9b4faa6a2e8a1a7f1a",
		"b109f3bbbc244eb82441917ed06d618b9008dd09b3befd1b5e07394c706a8bb980b1d7785e5976ec049b46df5f1326af5a2ea6d103fd07c95385ffab0cacbc86",
		"$1$saltsalt$qjXMvbEw8oaL.CzflDugX/", "$apr1$saltsalt$4Hn0Ky5Bp4l0HFVh2nBWq.", "$P$BvpN8mM0S0wGzQ2qk1xAjOcxpfUv9K/",
		"{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=", "{MD5}X03MO1qnZdYdgyfeuILPmQ==",
		"Sommer2024!", "hunter2", "geheim", "correct horse battery staple", "1234",
	}
	class := func(kind string) string {
		switch kind {
		case detect.KindBcrypt, detect.KindArgon2, detect.KindScrypt, detect.KindPBKDF2, detect.KindSHA512Crypt, detect.KindSHA256Crypt:
			return "modern"
		case detect.KindPlaintext:
			return "plaintext"
		}
		return "weak"
	}
	for d, db := range valueDBs(t, values) {
		modern := judge(t, db, modernHash(d, d.Text("c.s")))
		weak := judge(t, db, weakHash(d, d.Text("c.s")))
		for i, v := range values {
			got := "plaintext"
			switch {
			case modern[i]:
				got = "modern"
			case weak[i]:
				got = "weak"
			}
			assert.Equal(t, class(detect.PasswordKind(v)), got, "%s: %s", d, v)
		}
	}
}

func TestTokenNames(t *testing.T) {
	for _, n := range []string{"api_token", "remember_token", "apikey", "api_key", "secret_key", "password_salt", "totp_secret", "session_id", "webhook_secret", "key",
		"client_secret", "oauth_client_secret", "consumer_secret", "app_secret", "jwt_secret", "credentials", "google_credentials_json", "recovery_codes", "backup_code"} {
		assert.True(t, isTokenName(n), n)
	}
	for _, n := range []string{"user_hash", "pwd", "pass_hash", "kennwort", "mot_de_passe", "password", "passwort", "secret", "pin", "contrasena", "user_password",
		"user_secret", "login_credential", "secret_answer", "password_md5"} {
		assert.False(t, isTokenName(n), n)
	}
}

func TestFirstTextHit(t *testing.T) {
	regions := defaultPhoneRegions
	for _, tc := range []struct{ text, want string }{
		{"Forwarded to anna.schmidt@posteo.de today", "a***@posteo.de"},
		{"Write to info@nordlicht.org or events@nordlicht.org", ""}, // role mailboxes
		{"Call +49 30 1234567", "*********67"},
		{"Mobil 0171 2345678, abends", "*********78"},
		{"Tel. 0044 20 7946 0958", "************58"},
		{"IBAN DE89 3704 0044 0532 0130 00 please", "DE89**************3000"},
		{"IBAN DE89 3704 0044 0532 0130 01 is mistyped", ""},
		{"Meeting on 01.02.2023 10:30", ""},
		{"Order 2023-000123456 shipped", ""},
		{"Invoice 4711 of 12 March", ""},
		{"", ""},
	} {
		assert.Equal(t, tc.want, firstTextHit(tc.text, regions), tc.text)
	}
}

func TestUndeclaredCategoryUnknown(t *testing.T) {
	cfg, err := config.Load([]byte(`sources: [{name: fx, kind: sqlite, dsn: x}]
activities:
  - {id: PA-1, lawful_basis: contract, tables: [contacts], personal_data_categories: [contact, emial]}
`), "t.yaml")
	require.NoError(t, err)
	_, err = UndeclaredCategories().Checks(&Env{Dialect: dialect.SQLite, SourceName: "fx", Source: &cfg.Sources[0], Config: cfg})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `activity "PA-1": personal_data_categories: unknown category "emial"`)
	_, notEval := IsNotEvaluated(err)
	assert.False(t, notEval)

	cfg.Activities[0].PersonalDataCategories = nil
	_, err = UndeclaredCategories().Checks(&Env{Dialect: dialect.SQLite, SourceName: "fx", Source: &cfg.Sources[0], Config: cfg})
	_, notEval = IsNotEvaluated(err)
	assert.True(t, notEval, "no activity declares categories: not evaluated")
}

func TestPersonKeys(t *testing.T) {
	for _, n := range []string{"contact_id", "ContactId", "contactid", "bean_id", "partner_id", "primary_contact_id", "customer_ref", "assigned_user_id", "member_no"} {
		assert.True(t, personKeyRE.MatchString(n), n)
	}
	for _, n := range []string{"parent_id", "target_id", "related_id", "created_id", "category_id", "event_type_id", "contacts", "id"} {
		assert.False(t, personKeyRE.MatchString(n), n)
	}
}
