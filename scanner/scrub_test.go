package scanner

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestScrub(t *testing.T) {
	tests := []struct{ in, leak string }{
		{`ERROR: invalid input syntax for type integer: "jane.doe@web.de" (SQLSTATE 22P02)`, "jane.doe@web.de"},
		{`Error 1366: Incorrect integer value: 'Jürgen Müller' for column 'age'`, "Jürgen"},
		{`value 4111 1111 1111 1111 is not allowed`, "1111 1111"},
		{`dial tcp: connect postgres://scanner:hunter2@db:5432/crm failed`, "hunter2"},
		{`contact jane@example.org not found`, "jane@example.org"},
		{`ERROR: invalid input syntax for type integer: "Sean "Canary" O'Brien" (SQLSTATE 22P02)`, "Canary"},
		{`Error 1366: Incorrect integer value: 'O'Canary' for column 'age' at row 1`, "Canary"},
		{"ERROR: invalid input syntax for type json: \"line one\nCanary line\"", "Canary"},
		{`Error 1292: Truncated incorrect DOUBLE value: 'Canary Smith'`, "Canary"},
	}
	for _, tt := range tests {
		got := Scrub(tt.in)
		assert.NotContains(t, got, tt.leak, tt.in)
	}
	assert.Equal(t, `relation "public.contacts" does not exist`, Scrub(`relation "public.contacts" does not exist`),
		"identifiers stay readable")
}

func TestFingerprintStable(t *testing.T) {
	l := Location{Source: "crm", Database: "crm", Schema: "public", Table: "contacts", Column: "email"}
	a := Fingerprint(l, "CNS-01", "")
	assert.Equal(t, a, Fingerprint(l, "CNS-01", ""))
	assert.NotEqual(t, a, Fingerprint(l, "CNS-02", ""))
	assert.NotEqual(t, a, Fingerprint(l, "CNS-01", "plaintext"))
	assert.Regexp(t, `^v1:[0-9a-f]{64}$`, a)
}
