package rules

import (
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRegistryInvariants(t *testing.T) {
	doc, err := os.ReadFile("RULES.md")
	require.NoError(t, err)
	seen := map[string]bool{}
	families := map[Family]bool{}
	for _, r := range Default().Rules() {
		m := r.Meta()
		t.Run(m.ID, func(t *testing.T) {
			assert.Regexp(t, idRE, m.ID)
			assert.False(t, seen[m.ID], "duplicate id")
			seen[m.ID] = true
			assert.NotEmpty(t, m.Title)
			assert.Contains(t, Families, m.Family)
			assert.True(t, m.Severity.Valid())
			assert.True(t, m.Likelihood.Valid())
			assert.GreaterOrEqual(t, m.Version, 1)
			assert.NotEmpty(t, m.Articles)
			assert.NotEmpty(t, m.Remediation)
			assert.Contains(t, []FineTier{Tier834, Tier835}, m.FineTier)
			row := regexp.MustCompile(`(?m)^\| ` + m.ID + ` \|.*$`).FindString(string(doc))
			if assert.NotEmpty(t, row, "RULES.md documents the rule") {
				cells := strings.Split(row, " | ")
				require.GreaterOrEqual(t, len(cells), 7)
				assert.Equal(t, m.Title, strings.ReplaceAll(cells[1], `"`, `"`), "RULES.md title")
				assert.Equal(t, string(m.FineTier), cells[4], "RULES.md tier")
				assert.True(t, strings.HasPrefix(cells[5], strconv.Itoa(int(m.Severity))), "RULES.md severity %s", cells[5])
				assert.True(t, strings.HasPrefix(cells[6], strconv.Itoa(int(m.Likelihood))), "RULES.md likelihood %s", cells[6])
			}
			prefix := map[Family]string{Discovery: "DSC", Consent: "CNS", LawfulBasis: "LAW", Retention: "RET", SpecialCategories: "SPC", Erasure: "ERA", Security: "SEC", Minimisation: "MIN"}[m.Family]
			assert.True(t, strings.HasPrefix(m.ID, prefix), "id prefix matches family")
		})
		families[m.Family] = true
	}
	for _, f := range []Family{Discovery, Consent, LawfulBasis, Retention, SpecialCategories, Erasure, Security} {
		assert.True(t, families[f], "a rule of family %s", f)
	}
}

func TestSelect(t *testing.T) {
	s, err := Default().Select(nil, []string{"DSC-04"})
	require.NoError(t, err)
	_, ok := s.Get("DSC-04")
	assert.False(t, ok)
	s, err = Default().Select([]string{"CNS-01"}, nil)
	require.NoError(t, err)
	assert.Len(t, s.Rules(), 1)
	_, err = Default().Select([]string{"CNS-99"}, nil)
	require.ErrorIs(t, err, ErrUnknownRule)
	assert.ErrorContains(t, err, "valid: CNS-01")
}

func TestRiskMatrix(t *testing.T) {
	tests := []struct {
		s    Severity
		l    Likelihood
		want RiskLevel
	}{{1, 1, RiskLow}, {1, 3, RiskLow}, {2, 2, RiskMedium}, {2, 3, RiskMedium}, {2, 4, RiskHigh}, {3, 3, RiskHigh}, {3, 4, RiskCritical}, {4, 4, RiskCritical}, {4, 1, RiskMedium}}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Risk(tt.s, tt.l), "%d×%d", tt.s, tt.l)
	}
}

func TestFineTier(t *testing.T) {
	assert.Equal(t, Tier835, fineTier([]string{"Art. 32", "Art. 5(1)(f)"}))
	assert.Equal(t, Tier834, fineTier([]string{"Art. 32(1)(a)"}))
	assert.Equal(t, Tier835, fineTier([]string{"Art. 17(1)"}))
	assert.Equal(t, Tier834, fineTier([]string{"Art. 10"}))
}
