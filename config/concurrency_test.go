package config

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestConcurrency(t *testing.T) {
	tests := []struct {
		name    string
		line    string // the source's concurrency line, "" for none
		want    int
		wantErr string
	}{
		{name: "default", want: DefaultConcurrency},
		{name: "set", line: "    concurrency: 6\n", want: 6},
		{name: "zero", line: "    concurrency: 0\n", wantErr: `t.yaml:5: source "crm": concurrency must be between 1 and 64, got 0`},
		{name: "negative", line: "    concurrency: -1\n", wantErr: `t.yaml:5: source "crm": concurrency must be between 1 and 64, got -1`},
		{name: "too many", line: "    concurrency: 65\n", wantErr: `t.yaml:5: source "crm": concurrency must be between 1 and 64, got 65`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			yaml := "sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://crm.db\n" + tc.line
			cfg, err := Load([]byte(yaml), "t.yaml")
			if tc.wantErr != "" {
				require.ErrorContains(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			require.Equal(t, tc.want, cfg.Sources[0].QueryLimit())
		})
	}
	require.Equal(t, DefaultConcurrency, (*Source)(nil).QueryLimit())
}

func TestMaxQueriesPerSecond(t *testing.T) {
	for _, tc := range []struct {
		line    string
		want    float64
		wantErr string
	}{
		{line: "", want: 0},
		{line: "    max_queries_per_second: 2.5\n", want: 2.5},
		{line: "    max_queries_per_second: 0\n", wantErr: `t.yaml:5: source "crm": max_queries_per_second must be above 0 and at most 10000, got 0`},
		{line: "    max_queries_per_second: -3\n", wantErr: `t.yaml:5: source "crm": max_queries_per_second must be above 0 and at most 10000, got -3`},
		{line: "    max_queries_per_second: 1e6\n", wantErr: `t.yaml:5: source "crm": max_queries_per_second must be above 0 and at most 10000, got 1e+06`},
		{line: "    max_queries_per_second: fast\n", wantErr: `t.yaml:5`},
	} {
		cfg, err := Load([]byte("sources:\n  - name: crm\n    kind: sqlite\n    dsn: sqlite://crm.db\n"+tc.line), "t.yaml")
		if tc.wantErr != "" {
			require.ErrorContains(t, err, tc.wantErr, tc.line)
			continue
		}
		require.NoError(t, err)
		require.Equal(t, tc.want, cfg.Sources[0].MaxQueriesPerSecond)
	}
}
