package config

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The per-subject email links, the opt-out time of an address and subject_table
// references are checked with the file and line of the mistake.
func TestEmailConsentAndSubjectRefsValidate(t *testing.T) {
	tests := []struct{ file, want string }{
		{"mapping-email-links-subject.yaml", `testdata/bad/mapping-email-links-subject.yaml:14: source "crm": mapping.email_consent.links[1].subject_table "leeds" is not in mapping.subjects (contacts, leads)`},
		{"mapping-email-links-no-subject.yaml", `testdata/bad/mapping-email-links-no-subject.yaml:10: source "crm": mapping.email_consent.links[0].subject_table is required`},
		{"mapping-email-opted-out-at.yaml", `testdata/bad/mapping-email-opted-out-at.yaml:11: source "crm": mapping.email_consent.opted_out_at_column needs opted_out`},
		{"mapping-sends-through.yaml", `testdata/bad/mapping-sends-through.yaml:11: source "crm": mapping.sends[0].through.column is required`},
		{"mapping-withdrawals-no-at.yaml", `testdata/bad/mapping-withdrawals-no-at.yaml:8: source "crm": mapping.withdrawals[0].at_column is required`},
		{"mapping-lists-subject.yaml", `testdata/bad/mapping-lists-subject.yaml:15: source "crm": mapping.lists[1].subject_table "prospects" is not in mapping.subjects (crm.contacts)`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := LoadFile(filepath.Join("testdata/bad", tt.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
	// mapping-lists-subject.yaml's first list names its subject in another case and
	// without the schema: that is the same table.
	_, err := LoadFile(filepath.Join("testdata/bad", "mapping-lists-subject.yaml"))
	assert.NotContains(t, err.Error(), `"Contacts"`)
}

func TestEmailConsentLinksLoad(t *testing.T) {
	cfg, err := Load([]byte(`sources:
  - name: crm
    kind: sqlite
    dsn: "sqlite://a.db"
    mapping:
      subjects: [{table: contacts, key: id}, {table: leads, key: id}]
      email_consent:
        table: email_addresses
        key: id
        links:
          - {table: rel, address_key: email_address_id, subject_key: bean_id, subject_table: contacts, filter: "bean_module = 'Contacts'"}
          - {table: rel, address_key: email_address_id, subject_key: bean_id, subject_table: leads, filter: "bean_module = 'Leads'"}
        opted_out: "opt_out = 1"
        opted_out_at_column: date_modified
`), "ok.yaml")
	require.NoError(t, err)
	e := cfg.Sources[0].Mapping.EmailConsent
	require.Len(t, e.Links, 2)
	assert.Equal(t, "leads", e.Links[1].SubjectTable)
	assert.Equal(t, "date_modified", e.OptedOutAtColumn)
}
