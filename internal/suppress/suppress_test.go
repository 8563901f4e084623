package suppress

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/scanner"
)

func finding(rule, table, column string) scanner.Finding {
	loc := scanner.Location{Source: "crm", Database: "main", Schema: "main", Table: table, Column: column}
	return scanner.Finding{RuleID: rule, Location: loc, Fingerprint: scanner.Fingerprint(loc, rule, ""), Status: scanner.StatusOpen}
}

func TestParseAndApply(t *testing.T) {
	cards := finding("SEC-01", "payments", "card_number")
	notes := finding("SPC-01", "notes", "body")
	contacts := finding("CNS-01", "contacts", "")
	data := []byte(`
suppressions:
  - fingerprint: "` + cards.Fingerprint + `"
    kind: accepted-risk
    justification: "Tokenisation project PAY-42 replaces the column in Q3"
    author: jana.richter@nordlicht.invalid
    expires: 2026-09-30
  - rule: "SPC-*"
    table: main.notes
    kind: false-positive
    justification: "Free-text field holds product codes only (checked 2026-05)"
    author: dpo@nordlicht.invalid
    expires: "2027-01-01"
`)
	set, err := Parse(data, "ignore.yaml")
	require.NoError(t, err)
	require.Equal(t, 2, set.Len())

	fs := []scanner.Finding{cards, notes, contacts}
	out := set.Apply(fs, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, scanner.StatusSuppressed, fs[0].Status)
	assert.Equal(t, "accepted-risk by jana.richter@nordlicht.invalid until 2026-09-30: Tokenisation project PAY-42 replaces the column in Q3", fs[0].Evidence[EvidenceKey])
	assert.Equal(t, scanner.StatusSuppressed, fs[1].Status)
	assert.Equal(t, scanner.StatusOpen, fs[2].Status, "no suppression: untouched")
	assert.Len(t, out.Suppressed, 2)
	assert.Equal(t, "ignore.yaml:8", out.Suppressed[notes.Fingerprint].Origin)

	// On its expiry day the finding comes back.
	fs = []scanner.Finding{cards, notes}
	out = set.Apply(fs, time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, scanner.StatusOpen, fs[0].Status)
	require.Len(t, out.Expired, 1)
	assert.Equal(t, "ignore.yaml:3", out.Expired[0].Origin)
	assert.Equal(t, scanner.StatusSuppressed, fs[1].Status)
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, yaml, wantErr string }{
		{"unknown key", "suppressions:\n  - {fingerprint: \"v1:a\", kind: accepted-risk, justification: j, author: a, expires: 2027-01-01, reason: x}\n",
			"f.yaml:2: field reason not found"},
		{"no justification", "suppressions:\n  - fingerprint: \"v1:a\"\n    kind: accepted-risk\n    author: a\n    expires: 2027-01-01\n",
			"f.yaml:2: suppressions[0]: justification is required"},
		{"no author", "suppressions:\n  - {fingerprint: \"v1:a\", kind: accepted-risk, justification: j, expires: 2027-01-01}\n",
			"f.yaml:2: suppressions[0]: author is required"},
		{"no expiry", "suppressions:\n  - {fingerprint: \"v1:a\", kind: accepted-risk, justification: j, author: a}\n",
			"f.yaml:2: suppressions[0]: expires is required (YYYY-MM-DD)"},
		{"bad expiry", "suppressions:\n  - {fingerprint: \"v1:a\", kind: accepted-risk, justification: j, author: a, expires: next year}\n",
			`f.yaml:2: suppressions[0]: expires "next year" is not a date (YYYY-MM-DD)`},
		{"bad kind", "suppressions:\n  - {fingerprint: \"v1:a\", kind: wontfix, justification: j, author: a, expires: 2027-01-01}\n",
			`f.yaml:2: suppressions[0]: unknown kind "wontfix" (valid: accepted-risk, false-positive, lawful-basis)`},
		{"rule without location", "suppressions:\n  - {rule: SEC-01, kind: accepted-risk, justification: j, author: a, expires: 2027-01-01}\n",
			"f.yaml:2: suppressions[0]: a suppression by rule needs a location pattern"},
		{"both", "suppressions:\n  - {fingerprint: \"v1:a\", rule: SEC-01, kind: accepted-risk, justification: j, author: a, expires: 2027-01-01}\n",
			"f.yaml:2: suppressions[0]: give a fingerprint, or a rule with a location pattern, not both"},
		{"not a fingerprint", "suppressions:\n  - {fingerprint: abc, kind: accepted-risk, justification: j, author: a, expires: 2027-01-01}\n",
			`f.yaml:2: suppressions[0]: fingerprint "abc" is not a gdprscan fingerprint (v1:…)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.yaml), "f.yaml")
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
}

func TestEmptyFile(t *testing.T) {
	set, err := Parse(nil, "f.yaml")
	require.NoError(t, err)
	assert.Equal(t, 0, set.Len())
}

func TestFromDPO(t *testing.T) {
	cards := finding("SEC-01", "payments", "card_number")
	notes := finding("SPC-01", "notes", "body")
	contacts := finding("CNS-01", "contacts", "")
	set := FromDPO(map[string]DPOStatus{
		cards.Fingerprint:    {Status: "accepted", Owner: "Dr. Jana Richter", Reason: "compensating controls", Review: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)},
		notes.Fingerprint:    {Status: "false positive"},
		contacts.Fingerprint: {Status: "in progress", Owner: "crm-team"},
	}, "crm-dpia.xlsx")
	assert.Equal(t, 2, set.Len(), "only accepted and false positive suppress")
	fs := []scanner.Finding{cards, notes, contacts}
	set.Apply(fs, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC))
	assert.Equal(t, "accepted-risk by Dr. Jana Richter until 2026-12-01: compensating controls", fs[0].Evidence[EvidenceKey])
	assert.Equal(t, `false-positive by DPO: DPO status "false positive" in the DPIA workbook`, fs[1].Evidence[EvidenceKey])
	assert.Equal(t, scanner.StatusOpen, fs[2].Status)
}
