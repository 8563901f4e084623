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
		{"zero-sample.yaml", `testdata/bad/zero-sample.yaml:5: source "crm": sample_size must be greater than 0`},
		{"bad-period.yaml", `invalid ISO-8601 period "3 years" (examples: P3Y, P24M, P30D)`},
		{"missing-env.yaml", `testdata/bad/missing-env.yaml:4: environment variable GDPRSCAN_SURELY_UNSET_VAR is not set`},
		{"dsn-and-file.yaml", `testdata/bad/dsn-and-file.yaml:5: source "crm": set dsn or dsn_file, not both`},
		{"no-sources.yaml", `testdata/bad/no-sources.yaml:1: no sources: add at least one entry under sources:`},
		{"bad-failon.yaml", `testdata/bad/bad-failon.yaml:4: unknown fail_on level "severe" (valid: critical, high, low, medium, none)`},
		{"override-no-reason.yaml", `testdata/bad/override-no-reason.yaml:5: rule CNS-01: severity must be 1 to 4`},
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
