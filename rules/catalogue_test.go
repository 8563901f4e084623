package rules

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRulesMDIsCurrent(t *testing.T) {
	got, err := os.ReadFile("RULES.md")
	require.NoError(t, err)
	assert.Equal(t, string(Catalogue()), string(got), "RULES.md is stale: run go generate ./rules")
}

func TestCatalogueRowPerRuleWithMatching(t *testing.T) {
	doc := string(Catalogue())
	for _, r := range Default().Rules() {
		m := r.Meta()
		assert.NotEmpty(t, m.Matches, "%s has no Matches text", m.ID)
		assert.Equal(t, 1, strings.Count(doc, "\n| "+m.ID+" | "), "%s row", m.ID)
	}
	assert.Equal(t, "a \\| b", cell("a | b"))
}

// The README's short rules table is written by hand (its needs are abbreviated); it must
// still list every rule, under the title the registry gives it.
func TestREADMEListsEveryRule(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	require.NoError(t, err)
	for _, r := range Default().Rules() {
		m := r.Meta()
		assert.Contains(t, string(readme), "\n| "+m.ID+" | "+m.Title, "README rules table: %s", m.ID)
	}
}
