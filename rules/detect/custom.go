package detect

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Custom detectors: a user's own column-name patterns, value pattern and built-in
// validator for a category (config discovery.custom_detectors).

// DefaultCustomConfidence is the confidence of a custom detector that sets none.
const DefaultCustomConfidence = 0.8

// CustomDetector describes one custom detector.
//
// With NamePatterns, a column whose name matches one of them is the detector's; its sampled
// values, when ValueRegex or Validator is set, must agree (the classifier's minimum value
// ratio of them must pass, or the confidence drops by 0.3). Without NamePatterns, values
// alone classify: at least three, and the minimum value ratio of them passing. A value
// passes when it matches ValueRegex (if set) and Validator (if set). A match takes the
// column when its confidence is at least the built-in detectors' best.
type CustomDetector struct {
	ID           string
	Category     Category
	NamePatterns []*regexp.Regexp // matched against the column name as written
	ValueRegex   *regexp.Regexp   // matched against each trimmed value; anchor it (^…$) to match whole values
	Validator    string           // one of Validators(); "" for none
	Confidence   float64          // 0 means DefaultCustomConfidence
}

type customDetector struct {
	CustomDetector
	validate func(v string, e *env) bool
}

// validators are the built-in checks a custom detector may use, by name.
var validators = map[string]func(v string, e *env) bool{
	"luhn": func(v string, _ *env) bool {
		d := digitsOf(v)
		return len(d) >= 2 && len(d) == len(compactUpper(v)) && luhn(d)
	},
	"iban":             func(v string, _ *env) bool { return validIBAN(v) },
	"bank_account":     func(v string, e *env) bool { return checkBankAccount(v, e) == lvStrong },
	"email":            func(v string, _ *env) bool { return validEmail(v) },
	"phone":            func(v string, e *env) bool { return checkPhone(v, e) == lvStrong },
	"payment_card":     func(v string, e *env) bool { return checkCard(v, e) == lvStrong },
	"ip":               func(v string, _ *env) bool { _, err := netip.ParseAddr(v); return err == nil },
	"mac":              func(v string, e *env) bool { return checkMAC(v, e) == lvStrong },
	"national_id":      func(v string, e *env) bool { return checkNationalID(v, e) == lvStrong },
	"tax_id":           func(v string, e *env) bool { return checkTaxID(v, e) == lvStrong },
	"vat":              func(v string, _ *env) bool { return validVAT(compactUpper(dropDotsSlashes.Replace(v))) },
	"date_of_birth":    func(v string, e *env) bool { return checkDOB(v, e) == lvStrong },
	"date":             func(v string, _ *env) bool { _, _, _, ok := parseDate(v); return ok },
	"postcode":         func(v string, e *env) bool { return checkPostcode(v, e) > lvNone },
	"person_name":      func(v string, e *env) bool { return checkPersonName(v, e) == lvStrong },
	"geo":              func(v string, e *env) bool { return checkGeo(v, e) == lvStrong },
	"password_hash":    func(v string, e *env) bool { return isSecretFormat(v, e) },
	"health_id":        func(v string, e *env) bool { return checkHealthID(v, e) == lvStrong },
	"ssn":              func(v string, _ *env) bool { return validSSN(v) },
	"nino":             compact(validNINO),
	"nir":              compact(validNIR),
	"steuer_id":        compact(validSteuerID),
	"dni":              compact(validDNI),
	"bsn":              compact(validBSN),
	"pesel":            compact(validPESEL),
	"codice_fiscale":   compact(validCodiceFiscale),
	"personnummer":     compact(validPersonnummer),
	"china_id":         compact(validChinaID),
	"taiwan_id":        compact(validTaiwanID),
	"cpf":              compact(validCPF),
	"cnpj":             compact(validCNPJ),
	"nif_pt":           compact(validNIFPT),
	"nip":              compact(validNIP),
	"be_national":      compact(validBelgianNN),
	"kvnr":             compact(validKVNR),
	"nhs":              compact(validNHS),
	"cns":              compact(validCNS),
	"national_account": compact(validNationalAccount),
}

// compact adapts a validator of compact upper-case values to the forms people type.
func compact(f func(string) bool) func(string, *env) bool {
	return func(v string, _ *env) bool { return f(compactUpper(dropDotsSlashes.Replace(v))) }
}

// Validators returns the names of the built-in validators, sorted.
func Validators() []string {
	out := make([]string, 0, len(validators))
	for k := range validators {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Categories returns the personal-data category ids (docs/rule-catalogue.md §6), without None.
func Categories() []Category {
	return []Category{Email, Phone, PersonName, PostalAddress, PostalCode, City, Country, DateOfBirth, Age,
		Gender, Username, NationalID, Passport, TaxID, PaymentCard, CardSecurityCode, IBANBankAccount,
		SalaryFinancial, Employment, IPAddress, DeviceID, GeoLocation, PasswordOrSecret, PhotoOrBiometric,
		FreeText, Health, ReligionOrBelief, Ethnicity, Political, SexualOrientation, TradeUnion, Genetic, Criminal}
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// WithCustomDetectors adds custom detectors. IDs must be unique kebab-case, the category one
// of Categories(), the validator one of Validators(), the confidence in [0, 1], and each
// detector needs name patterns, a value regex or a validator.
func WithCustomDetectors(ds ...CustomDetector) Option {
	return func(c *Classifier) error {
		seen := map[string]bool{}
		for _, cd := range c.custom {
			seen[cd.ID] = true
		}
		for _, d := range ds {
			if !idRE.MatchString(d.ID) {
				return fmt.Errorf("detect: custom detector %q: id must be kebab-case (a-z, 0-9, -)", d.ID)
			}
			if seen[d.ID] {
				return fmt.Errorf("detect: custom detector %q: duplicate id", d.ID)
			}
			seen[d.ID] = true
			if !slices.Contains(Categories(), d.Category) {
				return fmt.Errorf("detect: custom detector %q: unknown category %q", d.ID, d.Category)
			}
			if !(d.Confidence >= 0 && d.Confidence <= 1) {
				return fmt.Errorf("detect: custom detector %q: confidence %v must be in [0, 1]", d.ID, d.Confidence)
			}
			if slices.Contains(d.NamePatterns, nil) {
				return fmt.Errorf("detect: custom detector %q: nil name pattern", d.ID)
			}
			cd := customDetector{CustomDetector: d}
			cd.NamePatterns = slices.Clone(d.NamePatterns)
			if cd.Confidence == 0 {
				cd.Confidence = DefaultCustomConfidence
			}
			if d.Validator != "" {
				cd.validate = validators[d.Validator]
				if cd.validate == nil {
					return fmt.Errorf("detect: custom detector %q: unknown validator %q (valid: %s)", d.ID, d.Validator, strings.Join(Validators(), ", "))
				}
			}
			if len(d.NamePatterns) == 0 && d.ValueRegex == nil && cd.validate == nil {
				return fmt.Errorf("detect: custom detector %q: %w", d.ID, errNoCustomCheck)
			}
			c.custom = append(c.custom, cd)
		}
		return nil
	}
}

var errNoCustomCheck = errors.New("needs name_patterns, value_regex or a validator")

// checksValues reports whether the detector judges values.
func (d *customDetector) checksValues() bool { return d.ValueRegex != nil || d.validate != nil }

func (d *customDetector) pass(v string, e *env) bool {
	if d.ValueRegex != nil && !d.ValueRegex.MatchString(v) {
		return false
	}
	return d.validate == nil || d.validate(v, e)
}

func (d *customDetector) named(name string) bool {
	for _, re := range d.NamePatterns {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

// classifyCustom runs the custom detectors; it returns the result of the best one that
// matched with a confidence of at least floor (the built-in detectors' best).
func (c *Classifier) classifyCustom(col Column, vals []string, floor float64) (Result, bool) {
	if len(c.custom) == 0 {
		return Result{}, false
	}
	e := &env{regions: c.regions, year: c.now().Year()}
	var best *customDetector
	var bestRes Result
	for i := range c.custom {
		d := &c.custom[i]
		named := d.named(col.Name)
		if !named && (len(d.NamePatterns) > 0 || !d.checksValues()) {
			continue
		}
		conf, sig := d.Confidence, []string{"custom:" + d.ID}
		if named {
			sig = append(sig, "name:custom:"+d.ID)
		}
		pass, ratio := 0, 0.0
		var ex []string
		if d.checksValues() && len(vals) > 0 {
			for _, v := range vals {
				if len(v) > maxValueLen || !d.pass(v, e) {
					continue
				}
				pass++
				if m := maskGeneric(v); len(ex) < maxExamples && !slices.Contains(ex, m) {
					ex = append(ex, m)
				}
			}
			ratio = float64(pass) / float64(len(vals))
			switch {
			case atLeast(ratio, c.minRatio):
				sig = append(sig, "value:custom:"+d.ID)
			case named:
				conf -= 0.3
				sig = append(sig, "value:contradicts")
			default:
				continue
			}
			if !named && len(vals) < 3 {
				continue
			}
		} else if !named {
			continue // a value-only detector needs values
		}
		conf = round2(max(0, conf))
		if conf < floor || best != nil && conf <= bestRes.Confidence {
			continue
		}
		best = d
		bestRes = Result{Category: None, Confidence: conf, Evidence: Evidence{Signals: sig, ValueRatio: round2(ratio)}}
		if named {
			bestRes.Evidence.NameMatch = "custom:" + d.ID
		}
		if conf >= Threshold {
			bestRes.Category, bestRes.Personal, bestRes.MaskedExamples = d.Category, true, ex
		}
	}
	return bestRes, best != nil
}
