package config

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"
)

// Discovery configures how columns are classified as personal data (rules/detect): the
// regions phone numbers are parsed in, custom detectors, per-column overrides with their
// reasons, and how long sampling one table may take. sample_size stays per source.
type Discovery struct {
	// PhoneRegions are tried in order for numbers written without a country code (ISO 3166
	// alpha-2, as libphonenumber knows them). Empty: the classifier's defaults.
	PhoneRegions []string `yaml:"phone_regions"`
	// TableTimeBudget bounds sampling one table: a larger second sample for columns near the
	// confidence threshold is only taken within it. Default DefaultTableTimeBudget.
	TableTimeBudget Duration         `yaml:"table_time_budget"`
	CustomDetectors []CustomDetector `yaml:"custom_detectors"`
	// Vocabulary adds column-name entries in the format of the built-in vocabulary
	// (rules/detect/vocab/*.yaml, docs/detection.md); an entry replaces a built-in one of
	// the same spelling.
	Vocabulary []VocabEntry     `yaml:"vocabulary"`
	Overrides  []ColumnOverride `yaml:"overrides"`
}

// VocabEntry is a group of column-name phrases that share a category and a strength.
type VocabEntry struct {
	Category      string   `yaml:"category"` // one of Categories, or none
	Strength      string   `yaml:"strength"` // one of VocabStrengths; none with category none
	Quasi         bool     `yaml:"quasi"`    // personal only beside a person
	ContactPerson bool     `yaml:"contact_person"`
	Languages     []string `yaml:"languages"` // ISO 639 codes, descriptive
	Phrases       []string `yaml:"phrases"`   // words separated by spaces: "first name"
}

// VocabStrengths are the name-evidence levels of vocabulary entries (rules/detect/score.go).
var VocabStrengths = []string{"specific", "likely", "ambiguous", "faint", "none"}

var vocabLangRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// DefaultTableTimeBudget is discovery.table_time_budget when the file sets none.
const DefaultTableTimeBudget = 10 * time.Second

// DefaultCustomConfidence is a custom detector's confidence when it sets none; it matches
// detect.DefaultCustomConfidence.
const DefaultCustomConfidence = 0.8

// CustomDetector is a user's own detector for one category: column-name patterns, a value
// pattern and/or a built-in validator (see detect.CustomDetector for how they combine).
type CustomDetector struct {
	ID           string   `yaml:"id"`       // kebab-case, unique
	Category     string   `yaml:"category"` // one of Categories
	NamePatterns []Regexp `yaml:"name_patterns"`
	ValueRegex   *Regexp  `yaml:"value_regex"`
	Validator    string   `yaml:"validator"`  // one of Validators; empty for none
	Confidence   float64  `yaml:"confidence"` // (0, 1]; default DefaultCustomConfidence
}

// ColumnOverride fixes the classification of one column, with the reason: the column is
// personal data of Category, or (personal: false) it is not personal data.
type ColumnOverride struct {
	Source   string `yaml:"source"` // empty: every source
	Table    string `yaml:"table"`  // "table" or "schema.table"
	Column   string `yaml:"column"`
	Category string `yaml:"category"`
	Personal *bool  `yaml:"personal"`
	Reason   string `yaml:"reason"`
}

// Matches reports whether the override is about the column, names compared case-insensitively.
func (o ColumnOverride) Matches(source, schema, table, column string) bool {
	if o.Source != "" && o.Source != source || !strings.EqualFold(o.Column, column) {
		return false
	}
	return strings.EqualFold(o.Table, table) || strings.EqualFold(o.Table, schema+"."+table)
}

// Override returns the override of a column, if there is one.
func (d Discovery) Override(source, schema, table, column string) (ColumnOverride, bool) {
	for _, o := range d.Overrides {
		if o.Matches(source, schema, table, column) {
			return o, true
		}
	}
	return ColumnOverride{}, false
}

// Budget returns the table time budget, or its default.
func (d Discovery) Budget() time.Duration {
	if d.TableTimeBudget > 0 {
		return time.Duration(d.TableTimeBudget)
	}
	return DefaultTableTimeBudget
}

// Regexp is a regular expression from the file. It keeps the text as written; it is
// compiled when the file is validated, so a bad pattern is reported with its line.
type Regexp struct {
	src string
	re  *regexp.Regexp
}

// MustRegexp compiles a pattern for code and tests.
func MustRegexp(src string) Regexp { return Regexp{src: src, re: regexp.MustCompile(src)} }

func (r *Regexp) UnmarshalText(b []byte) error { r.src, r.re = string(b), nil; return nil }
func (r Regexp) MarshalText() ([]byte, error)  { return []byte(r.src), nil }
func (r Regexp) String() string                { return r.src }

// Regexp returns the compiled expression; nil before validation or when it did not compile.
func (r Regexp) Regexp() *regexp.Regexp { return r.re }

func (r *Regexp) compile() error {
	re, err := regexp.Compile(r.src)
	if err != nil {
		return fmt.Errorf("invalid regular expression %q: %s", r.src, strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	r.re = re
	return nil
}

// Categories are the personal-data category ids a custom detector or an override may name
// (docs/rule-catalogue.md §6, in its order); they match detect.Categories.
var Categories = []string{"email", "phone", "person_name", "postal_address", "postal_code", "city", "country",
	"date_of_birth", "age", "gender", "username", "national_id", "passport", "tax_id", "payment_card",
	"card_security_code", "iban_bank_account", "salary_financial", "employment", "ip_address", "device_id",
	"geo_location", "password_or_secret", "photo_or_biometric", "free_text_may_contain_pii", "health",
	"religion_or_belief", "ethnicity", "political", "sexual_orientation", "trade_union", "genetic", "criminal"}

// Validators are the built-in value validators a custom detector may name, sorted; they
// match detect.Validators.
var Validators = []string{"bank_account", "be_national", "bsn", "china_id", "cnpj", "cns", "codice_fiscale",
	"cpf", "date", "date_of_birth", "dni", "email", "geo", "health_id", "iban", "ip", "kvnr", "luhn", "mac",
	"national_account", "national_id", "nhs", "nif_pt", "nino", "nip", "nir", "password_hash", "payment_card",
	"person_name", "personnummer", "pesel", "phone", "postcode", "ssn", "steuer_id", "taiwan_id", "tax_id", "vat"}

var customIDRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ParsePhoneRegions normalises a list of phone regions (trimmed, upper case, duplicates
// dropped) and checks that libphonenumber knows each.
func ParsePhoneRegions(list []string) ([]string, error) {
	supported := phonenumbers.GetSupportedRegions()
	var out []string
	for _, r := range list {
		r = strings.ToUpper(strings.TrimSpace(r))
		if !supported[r] {
			return nil, fmt.Errorf("unknown phone region %q (ISO 3166 alpha-2 codes such as DE, FR, GB, US, BR)", r)
		}
		if !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// validateDiscovery checks the discovery section, compiles its patterns and normalises the
// phone regions.
func (c *Config) validateDiscovery(v *validator) {
	d := &c.Discovery
	at := func(k ...any) []any { return append([]any{"discovery"}, k...) }
	if v.has("discovery", "phone_regions") && len(d.PhoneRegions) == 0 {
		v.add(at("phone_regions"), "discovery: phone_regions is empty: list at least one region or leave the key out")
	}
	for i, r := range d.PhoneRegions {
		if _, err := ParsePhoneRegions([]string{r}); err != nil {
			v.add(at("phone_regions", i), "discovery: %v", err)
		}
	}
	if regions, err := ParsePhoneRegions(d.PhoneRegions); err == nil {
		d.PhoneRegions = regions
	}
	if d.TableTimeBudget < 0 || d.TableTimeBudget == 0 && v.has("discovery", "table_time_budget") {
		v.add(at("table_time_budget"), "discovery: table_time_budget must be positive")
	}
	if d.TableTimeBudget == 0 {
		d.TableTimeBudget = Duration(DefaultTableTimeBudget)
	}

	ids := map[string]bool{}
	for i := range d.CustomDetectors {
		cd := &d.CustomDetectors[i]
		at := func(k ...any) []any { return append([]any{"discovery", "custom_detectors", i}, k...) }
		name := cd.ID
		switch {
		case cd.ID == "":
			v.add(at(), "discovery: custom_detectors[%d]: id is required", i)
			name = fmt.Sprintf("#%d", i)
		case !customIDRE.MatchString(cd.ID):
			v.add(at("id"), "custom detector %q: id must be kebab-case (a-z, 0-9, -)", cd.ID)
		case ids[cd.ID]:
			v.add(at("id"), "found multiple custom detectors with id %q", cd.ID)
		}
		ids[cd.ID] = true
		switch {
		case cd.Category == "":
			v.add(at(), "custom detector %q: category is required (valid: %s)", name, strings.Join(sortedCategories(), ", "))
		case !slices.Contains(Categories, cd.Category):
			v.add(at("category"), "custom detector %q: unknown category %q (valid: %s)", name, cd.Category, strings.Join(sortedCategories(), ", "))
		}
		for j := range cd.NamePatterns {
			if err := cd.NamePatterns[j].compile(); err != nil {
				v.add(at("name_patterns", j), "custom detector %q: name_patterns: %v", name, err)
			}
		}
		if cd.ValueRegex != nil {
			if err := cd.ValueRegex.compile(); err != nil {
				v.add(at("value_regex"), "custom detector %q: value_regex: %v", name, err)
			}
		}
		if cd.Validator != "" && !slices.Contains(Validators, cd.Validator) {
			v.add(at("validator"), "custom detector %q: unknown validator %q (valid: %s)", name, cd.Validator, strings.Join(Validators, ", "))
		}
		if len(cd.NamePatterns) == 0 && cd.ValueRegex == nil && cd.Validator == "" {
			v.add(at(), "custom detector %q: needs name_patterns, value_regex or a validator", name)
		}
		if cd.Confidence < 0 || cd.Confidence > 1 || cd.Confidence == 0 && v.has("discovery", "custom_detectors", i, "confidence") {
			v.add(at("confidence"), "custom detector %q: confidence must be greater than 0 and at most 1", name)
		}
		if cd.Confidence == 0 {
			cd.Confidence = DefaultCustomConfidence
		}
	}

	for i, e := range d.Vocabulary {
		at := func(k ...any) []any { return append([]any{"discovery", "vocabulary", i}, k...) }
		switch {
		case e.Category == "":
			v.add(at(), "discovery: vocabulary[%d]: category is required (valid: none, %s)", i, strings.Join(sortedCategories(), ", "))
		case e.Category != "none" && !slices.Contains(Categories, e.Category):
			v.add(at("category"), "discovery: vocabulary[%d]: unknown category %q (valid: none, %s)", i, e.Category, strings.Join(sortedCategories(), ", "))
		}
		switch {
		case e.Strength == "":
			v.add(at(), "discovery: vocabulary[%d]: strength is required (valid: %s)", i, strings.Join(VocabStrengths, ", "))
		case !slices.Contains(VocabStrengths, e.Strength):
			v.add(at("strength"), "discovery: vocabulary[%d]: unknown strength %q (valid: %s)", i, e.Strength, strings.Join(VocabStrengths, ", "))
		case e.Category != "" && (e.Category == "none") != (e.Strength == "none"):
			v.add(at("strength"), "discovery: vocabulary[%d]: strength none goes with category none and only with it", i)
		}
		if len(e.Phrases) == 0 {
			v.add(at(), "discovery: vocabulary[%d]: phrases are required", i)
		}
		for j, p := range e.Phrases {
			if strings.TrimSpace(p) == "" {
				v.add(at("phrases", j), "discovery: vocabulary[%d]: phrase %d is empty", i, j+1)
			}
		}
		for j, l := range e.Languages {
			if !vocabLangRE.MatchString(l) {
				v.add(at("languages", j), "discovery: vocabulary[%d]: language %q is not an ISO 639 code (de, fr, sv)", i, l)
			}
		}
	}

	seen := map[string]bool{}
	for i, o := range d.Overrides {
		at := func(k ...any) []any { return append([]any{"discovery", "overrides", i}, k...) }
		if o.Table == "" || o.Column == "" {
			v.add(at(), "discovery: overrides[%d]: table and column are required", i)
			continue
		}
		col := o.Table + "." + o.Column
		key := strings.ToLower(o.Source + "\x00" + col)
		if seen[key] {
			v.add(at(), "found multiple overrides for column %s", col)
		}
		seen[key] = true
		switch {
		case o.Category != "" && o.Personal != nil && !*o.Personal:
			v.add(at("personal"), "override %s: set category or personal: false, not both", col)
		case o.Category != "" && !slices.Contains(Categories, o.Category):
			v.add(at("category"), "override %s: unknown category %q (valid: %s)", col, o.Category, strings.Join(sortedCategories(), ", "))
		case o.Category == "" && (o.Personal == nil || *o.Personal):
			v.add(at(), "override %s: set category (the column is personal data of it) or personal: false", col)
		}
		if strings.TrimSpace(o.Reason) == "" {
			v.add(at(), "override %s: a reason is required", col)
		}
		if o.Source != "" {
			if _, ok := c.SourceByName(o.Source); !ok {
				v.add(at("source"), "override %s: no source named %q", col, o.Source)
			}
		}
	}
}

func sortedCategories() []string {
	out := slices.Clone(Categories)
	slices.Sort(out)
	return out
}
