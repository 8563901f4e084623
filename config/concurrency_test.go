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
