package detect

import (
	"regexp"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/config"
)

func TestWithCustomDetectorsValidates(t *testing.T) {
	re := regexp.MustCompile
	tests := []struct {
		name    string
		d       CustomDetector
		wantErr string
	}{
		{"name only", CustomDetector{ID: "member-no", Category: NationalID, NamePatterns: []*regexp.Regexp{re(`^mitglied`)}}, ""},
		{"validator only", CustomDetector{ID: "cns", Category: Health, Validator: "cns"}, ""},
		{"bad id", CustomDetector{ID: "Member No", Category: NationalID, Validator: "luhn"}, "id must be kebab-case"},
		{"unknown category", CustomDetector{ID: "x", Category: "membership", Validator: "luhn"}, `unknown category "membership"`},
		{"none is no category", CustomDetector{ID: "x", Category: None, Validator: "luhn"}, `unknown category "none"`},
		{"unknown validator", CustomDetector{ID: "x", Category: Email, Validator: "mod11"}, `unknown validator "mod11" (valid: bank_account,`},
		{"nothing to check", CustomDetector{ID: "x", Category: Email}, "needs name_patterns, value_regex or a validator"},
		{"confidence", CustomDetector{ID: "x", Category: Email, Validator: "email", Confidence: 1.5}, "confidence 1.5 must be in [0, 1]"},
		{"nil pattern", CustomDetector{ID: "x", Category: Email, NamePatterns: []*regexp.Regexp{nil}}, "nil name pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(WithCustomDetectors(tt.d))
			if tt.wantErr == "" {
				require.NoError(t, err)
				return
			}
			require.ErrorContains(t, err, tt.wantErr)
		})
	}
	_, err := New(WithCustomDetectors(CustomDetector{ID: "a", Category: Email, Validator: "email"}),
		WithCustomDetectors(CustomDetector{ID: "a", Category: Phone, Validator: "phone"}))
	require.ErrorContains(t, err, `"a": duplicate id`)
}

func TestCustomDetectorsClassify(t *testing.T) {
	members := []string{"M1234567", "M7654321", "M0000042", "M1111111", "M2222222"}
	c := newTestClassifier(t, WithCustomDetectors(
		CustomDetector{ID: "member-number", Category: NationalID, Confidence: 0.75,
			NamePatterns: []*regexp.Regexp{regexp.MustCompile(`(?i)^(mitglieds?|member)_?(nr|no)$`)},
			ValueRegex:   regexp.MustCompile(`^M\d{7}$`)},
		CustomDetector{ID: "cns-card", Category: Health, Validator: "cns"},
		CustomDetector{ID: "loyalty", Category: PaymentCard, NamePatterns: []*regexp.Regexp{regexp.MustCompile(`loyalty`)}},
	))
	tests := []struct {
		name     string
		col      Column
		want     Category
		personal bool
		signal   string
	}{
		{"name and values", Column{Table: "t", Name: "MitgliedsNr", Values: members}, NationalID, true, "value:custom:member-number"},
		{"name, no values", Column{Table: "t", Name: "member_no"}, NationalID, true, "name:custom:member-number"},
		{"name, values contradict", Column{Table: "t", Name: "member_no", Values: []string{"a", "b", "c", "d", "e"}}, None, false, "value:contradicts"},
		{"values only (validator)", Column{Table: "t", Name: "c7", Values: []string{"700000000000005", "123456789010000", "700 0000 0000 0005"}}, Health, true, "value:custom:cns-card"},
		{"values only, too few", Column{Table: "t", Name: "c7", Values: []string{"700000000000005"}}, None, false, ""},
		{"patterns given: values alone do not classify", Column{Table: "t", Name: "ref", Values: members}, None, false, ""},
		{"a built-in detector that is surer wins", Column{Table: "t", Name: "loyalty_email", Values: []string{"a@example.com", "b@example.org", "c@example.net"}}, Email, true, "value:email"},
		{"name only custom", Column{Table: "t", Name: "loyalty_card"}, PaymentCard, true, "custom:loyalty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Classify(tt.col)
			assert.Equal(t, tt.want, r.Category, "%.2f %v", r.Confidence, r.Evidence.Signals)
			assert.Equal(t, tt.personal, r.Personal)
			assert.Equal(t, r.Personal, r.Confidence >= Threshold)
			if tt.signal != "" {
				assert.Contains(t, r.Evidence.Signals, tt.signal)
			}
			for _, ex := range r.MaskedExamples {
				assert.NotContains(t, tt.col.Values, ex, "examples are masked")
			}
			assert.LessOrEqual(t, len(r.MaskedExamples), maxExamples)
		})
	}
}

func TestConfigListsMatchDetect(t *testing.T) {
	var cats []string
	for _, c := range Categories() {
		cats = append(cats, string(c))
	}
	assert.Equal(t, cats, config.Categories, "config.Categories must list detect.Categories() in order")
	assert.Equal(t, Validators(), config.Validators, "config.Validators must list detect.Validators()")
	assert.True(t, slices.IsSorted(config.Validators))
	assert.Equal(t, DefaultCustomConfidence, config.DefaultCustomConfidence)
}

func TestConfigOptions(t *testing.T) {
	cfg, err := config.LoadFile("../../config/testdata/good/discovery.yaml")
	require.NoError(t, err)
	c, err := New(ConfigOptions(cfg.Discovery)...)
	require.NoError(t, err)
	assert.Equal(t, []string{"BR", "PT", "DE"}, c.regions)
	require.Len(t, c.custom, 3)
	r := c.Classify(Column{Table: "pessoas", Name: "celular", Values: []string{"(11) 91234-5678", "(21) 99876-5432", "11 98765-4321"}})
	assert.Equal(t, Phone, r.Category, "BR numbers parse with BR among the regions: %v", r.Evidence.Signals)

	// A config built in code with a bad pattern makes New fail instead of panicking.
	bad := config.Discovery{CustomDetectors: []config.CustomDetector{{ID: "x", Category: "email", NamePatterns: []config.Regexp{{}}}}}
	var r2 config.Regexp
	require.NoError(t, r2.UnmarshalText([]byte("a(")))
	bad.CustomDetectors[0].NamePatterns[0] = r2
	_, err = New(ConfigOptions(bad)...)
	require.ErrorContains(t, err, `custom detector "x"`)

	c, err = New(ConfigOptions(config.Discovery{})...)
	require.NoError(t, err)
	assert.Equal(t, DefaultPhoneRegions, c.regions, "no regions in the config: the defaults")
}
