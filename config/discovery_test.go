package config

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDiscoveryLoads(t *testing.T) {
	c, err := LoadFile("testdata/good/discovery.yaml")
	require.NoError(t, err)
	d := c.Discovery
	assert.Equal(t, []string{"BR", "PT", "DE"}, d.PhoneRegions, "regions are upper-cased")
	assert.Equal(t, 5*time.Second, d.Budget())
	require.Len(t, d.CustomDetectors, 3)
	member := d.CustomDetectors[0]
	require.Len(t, member.NamePatterns, 2)
	assert.True(t, member.NamePatterns[0].Regexp().MatchString("Mitglieds_Nr"), "patterns are compiled at load")
	assert.Equal(t, `^M\d{7}$`, member.ValueRegex.String(), "the text is kept as written")
	assert.Equal(t, 0.75, member.Confidence)
	assert.Equal(t, DefaultCustomConfidence, d.CustomDetectors[1].Confidence)
	assert.Equal(t, "cns", d.CustomDetectors[1].Validator)

	o, ok := d.Override("clinic", "public", "patients", "CID10")
	require.True(t, ok, "schema.table and column match case-insensitively")
	assert.Equal(t, "health", o.Category)
	o, ok = d.Override("clinic", "public", "settings", "contact_email")
	require.True(t, ok)
	require.NotNil(t, o.Personal)
	assert.False(t, *o.Personal)
	_, ok = d.Override("other", "public", "settings", "contact_email")
	assert.False(t, ok, "an override naming a source applies to it alone")
	_, ok = d.Override("clinic", "public", "patients", "cid9")
	assert.False(t, ok)
}

func TestDiscoveryDefaults(t *testing.T) {
	c, err := LoadFile("testdata/good/minimal.yaml")
	require.NoError(t, err)
	assert.Empty(t, c.Discovery.PhoneRegions, "empty: the classifier's defaults")
	assert.Equal(t, DefaultTableTimeBudget, c.Discovery.Budget())
	assert.Equal(t, DefaultTableTimeBudget, Discovery{}.Budget(), "a config built in code gets the default too")
}

func TestParsePhoneRegions(t *testing.T) {
	got, err := ParsePhoneRegions([]string{" br", "PT", "BR", "de"})
	require.NoError(t, err)
	assert.Equal(t, []string{"BR", "PT", "DE"}, got)
	_, err = ParsePhoneRegions([]string{"DE", "EU"})
	require.ErrorContains(t, err, `unknown phone region "EU"`)
}

func TestRegexpKeepsItsText(t *testing.T) {
	r := MustRegexp(`(?i)^kd_?nr$`)
	b, err := r.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, `(?i)^kd_?nr$`, string(b))
	assert.True(t, r.Regexp().MatchString("KdNr"))
	var u Regexp
	require.NoError(t, u.UnmarshalText([]byte(`a(`)), "compiled at validation, where the line is known")
	assert.Nil(t, u.Regexp())
	require.Error(t, u.compile())
}
