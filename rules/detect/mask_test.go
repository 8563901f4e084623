package detect

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMasks(t *testing.T) {
	e := testEnv()
	tests := []struct {
		name string
		mask func(string) string
		in   string
		want string
	}{
		{"email", maskEmail, "jane.doe@example.com", "j***@e***.com"},
		{"email subdomain", maskEmail, "max@mail.firma.co.uk", "m***@m***.uk"},
		{"email short", maskEmail, "a@b.co", "a***@b***.co"},
		{"email with display name", maskEmail, `"Doe, Jane" <jane.doe@example.com>, bob@example.org`, "j***@e***.com"},
		{"card", maskCard, "4111 1111 1111 1111", "411111******1111"},
		{"card amex", maskCard, "378282246310005", "378282*****0005"},
		{"card too short", maskCard, "4111", "4***"},
		{"iban", maskIBAN, "DE89 3704 0044 0532 0130 00", "DE89************3000"},
		{"iban lower", maskIBAN, "nl91abna0417164300", "NL91************4300"},
		{"phone intl", func(v string) string { return maskPhone(v, e) }, "+49 171 1234567", "+49 ***67"},
		{"phone national", func(v string) string { return maskPhone(v, e) }, "0171 1234567", "+49 ***67"},
		{"phone 00", func(v string) string { return maskPhone(v, e) }, "0033 6 12 34 56 78", "+33 ***78"},
		{"phone unparsable", func(v string) string { return maskPhone(v, e) }, "4917112345678", "+49 ***78"},
		{"phone junk", func(v string) string { return maskPhone(v, e) }, "12-34-56", "***56"},
		{"ipv4", maskIP, "192.168.1.20", "192.*.*.*"},
		{"ipv6", maskIP, "2001:db8::1", "2001:***"},
		{"mac", maskMAC, "00:1a:2b:3c:4d:5e", "00:1A:2B:**:**:**"},
		{"name", maskGeneric, "Müller", "M***"},
		{"short", maskGeneric, "Li", "***"},
		{"kind", maskKind, "$2b$12$KIXQJQ0p0Qm1bH8Ck8m3duQ3yZ6rYQf3wB0e7nq0sYVh1b2QmZyWm", "[bcrypt]"},
		{"plaintext kind", maskKind, "hunter2", "[plaintext]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.mask(tt.in)
			assert.Equal(t, tt.want, got)
			assert.NotContains(t, got, tt.in)
		})
	}
}

// TestMasksNeverContainTheValue runs every mask over values of every family.
func TestMasksNeverContainTheValue(t *testing.T) {
	values := append([]string{
		"jane.doe@example.com", "a@b.co", "4111111111111111", "+49 171 1234567", "0171 1234567", "192.168.0.1",
		"Müller", "1985-03-12", "123-45-6789", "RSSMRA85T10A562S", "hunter2", "katholisch", "男",
	}, testIBANs...)
	masks := map[string]func(string, *env) string{}
	for _, d := range detectors {
		if d.mask != nil {
			masks[fmt.Sprintf("%s/%p", d.cat, d)] = d.mask
		}
	}
	e := testEnv()
	for name, m := range masks {
		for _, v := range values {
			got := m(v, e)
			assert.NotEqual(t, v, got, "%s(%q)", name, v)
			if len(v) > 3 {
				assert.NotContains(t, got, v, "%s(%q)", name, v)
			}
		}
	}
}
