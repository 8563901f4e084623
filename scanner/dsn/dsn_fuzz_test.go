package dsn

import (
	"net/url"
	"strings"
	"testing"
)

// Any DSN parses or fails with an error that repeats neither the DSN nor its password.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{
		"postgres://scan:Sup3rSecret@db:5432/crm?sslmode=verify-full&sslrootcert=/etc/ca.pem",
		"postgresql:///crm?host=/var/run/postgresql", "host=db user=scan password=Sup3rSecret dbname=crm",
		"postgres://scan:Sup3rSecret@db:99999/crm", "postgres://scan:Sup3rSecret@db/crm?sslmode=sometimes",
		"mysql://scan:Sup3rSecret@db:3306/crm?tls=custom&timeout=5s", "mysql://scan:Sup3rSecret@db:port/crm",
		"scan:Sup3rSecret@tcp(db:3306)/crm?parseTime=true", "scan:Sup3rSecret@tcp(db/crm", "mariadb://scan@db/crm",
		"mysql://scan:Sup3rSecret@db/crm?readTimeout=forever", "sqlite:///var/lib/crm.db", "sqlite://", "", "://", "%zz",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var pw string
		if u, err := url.Parse(s); err == nil && u.User != nil {
			pw, _ = u.User.Password()
		}
		for _, kind := range []string{"postgres", "mysql", "sqlite"} {
			err := Check(kind, s)
			if err == nil {
				continue
			}
			msg := err.Error()
			if len(s) >= 12 && strings.Contains(msg, s) {
				t.Fatalf("%s: error repeats the DSN: %q", kind, msg)
			}
			if len(pw) >= 6 && strings.Contains(msg, pw) {
				t.Fatalf("%s: error repeats the password %q: %q", kind, pw, msg)
			}
		}
	})
}
