package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadGoodConfigs(t *testing.T) {
	t.Setenv("GDPRSCAN_TEST_PASSWORD", "s3cr3t-pw")
	files, err := filepath.Glob("testdata/good/*.yaml")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, err := LoadFile(f)
			require.NoError(t, err)
		})
	}
}

func TestLoadBadConfigs(t *testing.T) {
	tests := []struct{ file, want string }{
		{"unknown-key.yaml", "testdata/bad/unknown-key.yaml:5: field sampel_size not found in type config.Source"},
		{"unknown-kind.yaml", `testdata/bad/unknown-kind.yaml:3: source "crm": unknown kind "oracle" (valid: mysql, postgres, sqlite)`},
		{"duplicate-source.yaml", `testdata/bad/duplicate-source.yaml:3: found multiple sources named "crm"`},
		{"bad-cron.yaml", `testdata/bad/bad-cron.yaml:6: source "crm": invalid cron expression "every monday"`},
		{"report-schedule-timezone.yaml", `testdata/bad/report-schedule-timezone.yaml:9: report: unknown time zone "Europe/Atlantis"`},
		{"zero-sample.yaml", `testdata/bad/zero-sample.yaml:5: source "crm": sample_size must be greater than 0`},
		{"bad-period.yaml", `invalid ISO-8601 period "3 years" (examples: P3Y, P24M, P30D)`},
		{"missing-env.yaml", `testdata/bad/missing-env.yaml:4: environment variable GDPRSCAN_SURELY_UNSET_VAR is not set`},
		{"dsn-and-file.yaml", `testdata/bad/dsn-and-file.yaml:5: source "crm": set dsn or dsn_file, not both`},
		{"no-sources.yaml", `testdata/bad/no-sources.yaml:1: no sources: add at least one entry under sources:`},
		{"bad-failon.yaml", `testdata/bad/bad-failon.yaml:4: unknown fail_on level "severe" (valid: critical, high, low, medium, none)`},
		{"override-no-reason.yaml", `testdata/bad/override-no-reason.yaml:5: rule CNS-01: severity must be 1 to 4`},
		{"mapping-applies-to.yaml", `testdata/bad/mapping-applies-to.yaml:12: source "crm": unknown applies_to "leads" (valid: customers, prospects, records)`},
		{"mapping-basis-key.yaml", `testdata/bad/mapping-basis-key.yaml:7: source "crm": mapping.basis_values: unknown basis "legit" (valid: consent, contract, explicit_consent, legal_obligation, legitimate_interest, public_task, vital_interests, withdrawn)`},
		{"mapping-consent-age.yaml", `testdata/bad/mapping-consent-age.yaml:7: source "crm": mapping.consent_ages.FR must be 1 to 18, got 21`},
		{"mapping-deleted-at-alone.yaml", `testdata/bad/mapping-deleted-at-alone.yaml:9: source "crm": mapping.subjects[0].deleted_at_column needs soft_deleted`},
		{"mapping-email-link-and-key.yaml", `testdata/bad/mapping-email-link-and-key.yaml:10: source "crm": mapping.email_consent: set one of subject_key, link or links`},
		{"mapping-granted-withdrawn.yaml", `testdata/bad/mapping-granted-withdrawn.yaml:12: source "crm": mapping.consent: "yes" is both a granted and a withdrawn value`},
		{"mapping-sends-no-at.yaml", `testdata/bad/mapping-sends-no-at.yaml:7: source "crm": mapping.sends[0].at_column is required`},
		{"mapping-tombstone-identifier.yaml", `testdata/bad/mapping-tombstone-identifier.yaml:7: source "crm": mapping.tombstones[0] needs email_column or hash_column (one of them)`},
		{"sink-unknown-kind.yaml", `testdata/bad/sink-unknown-kind.yaml:6: sink "chat": unknown kind "slack" (valid: email, file, github, jira, webhook)`},
		{"sink-unknown-key.yaml", `testdata/bad/sink-unknown-key.yaml:9: field lables not found in type config.Sink`},
		{"sink-key-of-other-kind.yaml", `testdata/bad/sink-key-of-other-kind.yaml:10: sink "mail": key url does not apply to kind email (valid: attempts, backoff, from, kind, name, password, password_file, smtp, timeout, tls, to, username)`},
		{"sink-secret-and-file.yaml", `testdata/bad/sink-secret-and-file.yaml:9: sink "hook": set secret or secret_file, not both`},
		{"sink-webhook-no-secret.yaml", `testdata/bad/sink-webhook-no-secret.yaml:5: sink "hook": secret (or secret_file) is required to sign the requests`},
		{"sink-duplicate-name.yaml", `testdata/bad/sink-duplicate-name.yaml:6: found multiple sinks named "out"`},
		{"sink-github-bad-project.yaml", `testdata/bad/sink-github-bad-project.yaml:8: sink "gh": project "crm-compliance" is not a repository as owner/name`},
		{"jira-cloud-no-user.yaml", `testdata/bad/jira-cloud-no-user.yaml:5: sink "jira": user (the account email of the API token) is required on Jira Cloud`},
		{"state-dsn-not-postgres.yaml", `testdata/bad/state-dsn-not-postgres.yaml:4: state: dsn must be a postgres:// URL`},
		{"discovery-bad-regex.yaml", "testdata/bad/discovery-bad-regex.yaml:8: custom detector \"member-number\": name_patterns: invalid regular expression \"(?i)^member_(no\": missing closing ): `(?i)^member_(no`"},
		{"discovery-bad-value-regex.yaml", "testdata/bad/discovery-bad-value-regex.yaml:7: custom detector \"member-number\": value_regex: invalid regular expression \"^M(\\\\d{7}$\": missing closing ): `^M(\\d{7}$`"},
		{"discovery-unknown-category.yaml", `testdata/bad/discovery-unknown-category.yaml:6: custom detector "member-number": unknown category "membership" (valid: age, card_security_code, city, country, criminal, date_of_birth, device_id, email, employment, ethnicity, free_text_may_contain_pii, gender, genetic, geo_location, health, iban_bank_account, ip_address, national_id, passport, password_or_secret, payment_card, person_name, phone, photo_or_biometric, political, postal_address, postal_code, religion_or_belief, salary_financial, sexual_orientation, tax_id, trade_union, username)`},
		{"discovery-unknown-validator.yaml", `testdata/bad/discovery-unknown-validator.yaml:7: custom detector "member-number": unknown validator "mod11" (valid: bank_account, be_national, bsn, china_id, cnpj, cns, codice_fiscale, cpf, date, date_of_birth, dni, email, geo, health_id, iban, ip, kvnr, luhn, mac, national_account, national_id, nhs, nif_pt, nino, nip, nir, password_hash, payment_card, person_name, personnummer, pesel, phone, postcode, ssn, steuer_id, taiwan_id, tax_id, vat)`},
		{"discovery-no-check.yaml", `testdata/bad/discovery-no-check.yaml:5: custom detector "member-number": needs name_patterns, value_regex or a validator`},
		{"discovery-duplicate-detector.yaml", `testdata/bad/discovery-duplicate-detector.yaml:6: found multiple custom detectors with id "member-number"`},
		{"discovery-unknown-region.yaml", `testdata/bad/discovery-unknown-region.yaml:4: discovery: unknown phone region "XX" (ISO 3166 alpha-2 codes such as DE, FR, GB, US, BR)`},
		{"discovery-unknown-key.yaml", `testdata/bad/discovery-unknown-key.yaml:7: field name_pattern not found in type config.CustomDetector`},
		{"discovery-zero-budget.yaml", `testdata/bad/discovery-zero-budget.yaml:4: discovery: table_time_budget must be positive`},
		{"discovery-override-no-reason.yaml", `testdata/bad/discovery-override-no-reason.yaml:5: override contacts.legacy_code: a reason is required`},
		{"discovery-override-both.yaml", `testdata/bad/discovery-override-both.yaml:8: override contacts.legacy_code: set category or personal: false, not both`},
		{"discovery-override-no-category.yaml", `testdata/bad/discovery-override-no-category.yaml:5: override contacts.legacy_code: set category (the column is personal data of it) or personal: false`},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, err := LoadFile(filepath.Join("testdata/bad", tt.file))
			require.ErrorContains(t, err, tt.want)
		})
	}
}

func TestDefaultsAndSecrets(t *testing.T) {
	t.Setenv("GDPRSCAN_TEST_PASSWORD", "s3cr3t-pw")
	c, err := LoadFile("testdata/good/full.yaml")
	require.NoError(t, err)
	s := c.Sources[0]
	assert.Equal(t, 500, s.SampleSize)
	assert.Equal(t, Duration(10*time.Second), s.StatementTimeout)
	assert.Equal(t, "mysql://scanner:s3cr3t-pw@db:3306/crm", s.DSN.Reveal())
	assert.Equal(t, "<secret>", s.DSN.String())
	assert.Equal(t, []string{"granted"}, s.Mapping.Consent.GrantedValues)
	assert.Equal(t, "P1M", s.Mapping.Erasure.Deadline.String())
	assert.Equal(t, 2, s.Mapping.Retention[0].Period.Years)
	assert.Equal(t, 6, s.Mapping.Retention[0].Period.Months)

	m, err := LoadFile("testdata/good/minimal.yaml")
	require.NoError(t, err)
	assert.Equal(t, DefaultSampleSize, m.Sources[0].SampleSize)
	assert.Equal(t, []string{"json", "xlsx"}, m.Report.Formats)
	assert.Equal(t, "high", m.Report.FailOn)
	assert.Equal(t, "prod", m.Sources[0].Environment)
	abs, _ := filepath.Abs("testdata/good")
	assert.Equal(t, filepath.Join(abs, "out"), m.Path(m.Report.OutDir))
}

func TestDSNFile(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dsn.txt"), []byte("postgres://u:pw@h/db\n"), 0o600))
	cfg := "sources:\n  - {name: a, kind: postgres, dsn_file: dsn.txt}\n"
	p := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(p, []byte(cfg), 0o600))
	c, err := LoadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "postgres://u:pw@h/db", c.Sources[0].DSN.Reveal())
}

func TestSecretNeverPrints(t *testing.T) {
	s := Secret("postgres://u:hunter2@h/db")
	for _, out := range []string{s.String(), s.GoString()} {
		assert.NotContains(t, out, "hunter2")
	}
	b, _ := s.MarshalJSON()
	assert.False(t, strings.Contains(string(b), "hunter2"))
}

func TestParsePeriod(t *testing.T) {
	now := time.Date(2026, 3, 31, 12, 0, 0, 0, time.UTC)
	p, err := ParsePeriod("P1M")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2026, 3, 3, 12, 0, 0, 0, time.UTC), p.Before(now)) // AddDate normalises Feb 31
	p, err = ParsePeriod("P2W")
	require.NoError(t, err)
	assert.Equal(t, 14, p.Days)
	for _, bad := range []string{"", "P", "3Y", "P0D", "PT5H"} {
		_, err := ParsePeriod(bad)
		assert.Error(t, err, bad)
	}
}

func TestSinkDefaultsAndSecrets(t *testing.T) {
	t.Setenv("GDPRSCAN_TEST_PASSWORD", "s3cr3t-pw")
	c, err := LoadFile("testdata/good/sinks.yaml")
	require.NoError(t, err)
	require.Len(t, c.Tasks.Sinks, 5)
	assert.Equal(t, "postgres://gdprscan:s3cr3t-pw@db:5432/gdprscan_state", c.State.DSN.Reveal())
	hook := c.Tasks.Sinks[1]
	assert.Equal(t, 5, hook.Attempts)
	assert.Equal(t, Duration(2*time.Second), hook.Backoff)
	assert.Equal(t, Duration(DefaultSinkTimeout), hook.Timeout)
	assert.Equal(t, "s3cr3t-pw", hook.Secret.Reveal())
	assert.Equal(t, "low", hook.MinRisk)
	jira := c.Tasks.Sinks[3]
	assert.Equal(t, "cloud", jira.Flavor, "*.atlassian.net is Jira Cloud")
	assert.Equal(t, DefaultIssueType, jira.IssueType)
	assert.Equal(t, "starttls", c.Tasks.Sinks[4].TLS)
	assert.Equal(t, "<secret>", c.Tasks.Sinks[4].Password.String())
}

func TestSinkSecretFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "token"), []byte("ghp_x\n"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dsn"), []byte("postgres://u:pw@h/state\n"), 0o600))
	cfg := "sources:\n  - {name: a, kind: sqlite, dsn: \"sqlite://a.db\"}\nstate: {dsn_file: dsn}\n" +
		"tasks:\n  sinks:\n    - {name: gh, kind: github, project: o/r, token_file: token}\n"
	p := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(p, []byte(cfg), 0o600))
	c, err := LoadFile(p)
	require.NoError(t, err)
	assert.Equal(t, "ghp_x", c.Tasks.Sinks[0].Token.Reveal())
	assert.Equal(t, "postgres://u:pw@h/state", c.State.DSN.Reveal())
}

func TestSuppressionsPath(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "c.yaml")
	require.NoError(t, os.WriteFile(p, []byte("sources:\n  - {name: a, kind: sqlite, dsn: \"sqlite://a.db\"}\n"), 0o600))
	c, err := LoadFile(p)
	require.NoError(t, err)
	assert.Empty(t, c.SuppressionsPath(), "no file beside the config: no suppressions")
	require.NoError(t, os.WriteFile(filepath.Join(dir, DefaultSuppressionsFile), []byte("suppressions: []\n"), 0o600))
	assert.Equal(t, filepath.Join(dir, DefaultSuppressionsFile), c.SuppressionsPath())
	assert.True(t, c.Suppressions.UseWorkbook())
}

func TestMappingDefaults(t *testing.T) {
	c, err := LoadFile("testdata/good/mapping.yaml")
	require.NoError(t, err)
	m := c.Sources[0].Mapping
	assert.Equal(t, "P60D", m.Subjects[0].PurgeWindow.String())
	assert.Equal(t, "P18M", m.Subjects[0].BasisReviewPeriod.String())
	assert.Equal(t, []string{"withdrawn", "revoked"}, m.Consent.WithdrawnValues)
	assert.Equal(t, 50, m.Consent.BulkThreshold)
	assert.Equal(t, "P6M", m.Contracts[0].GracePeriod.String())
	assert.Equal(t, []string{"prospects", "customers", "records"}, []string{m.Retention[0].AppliesTo, m.Retention[1].AppliesTo, m.Retention[2].AppliesTo})
	assert.Equal(t, "P13M", m.Logs[0].Period.String())
	assert.Equal(t, "email_marketing", c.Activities[0].ConsentPurpose)

	// Defaults where the file is silent.
	d, err := Load([]byte(`sources:
  - name: a
    kind: sqlite
    dsn: "sqlite://a.db"
    mapping:
      subjects: [{table: contacts, key: id}]
      consent: {table: c, subject_key: s, purpose_column: p, status_column: st}
      retention: [{id: r, table: leads, key: id, anchor: created_at, period: P3Y}]
      soft_delete: [{tables: ["*"], column: deleted, predicate: "deleted = 1"}]
      logs: [{table: events, at_column: at}]
`), "inline.yaml")
	require.NoError(t, err)
	dm := d.Sources[0].Mapping
	assert.Equal(t, "P30D", dm.Subjects[0].PurgeWindow.String())
	assert.Equal(t, "P12M", dm.Subjects[0].BasisReviewPeriod.String())
	assert.Equal(t, []string{"granted"}, dm.Consent.GrantedValues)
	assert.Equal(t, []string{"withdrawn"}, dm.Consent.WithdrawnValues)
	assert.Equal(t, []string{"import", "unknown"}, dm.Consent.WeakMethods)
	assert.Equal(t, []string{"import", "default", "pre_ticked"}, dm.Consent.ImpliedMethods)
	assert.Equal(t, "P24M", dm.Consent.RefreshPeriod.String())
	assert.Equal(t, DefaultBulkThreshold, dm.Consent.BulkThreshold)
	assert.Equal(t, "prospects", dm.Retention[0].AppliesTo)
	assert.Equal(t, "delete", dm.Retention[0].EndAction)
	assert.Equal(t, "P30D", dm.SoftDelete[0].PurgeWindow.String())
	assert.Equal(t, "P13M", dm.Logs[0].Period.String())
	assert.Equal(t, DefaultTestDomains, dm.TestDomains)
}
