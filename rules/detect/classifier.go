package detect

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nyaruka/phonenumbers"
)

// Defaults of a Classifier. The phone regions are tried in order for numbers written
// without a country code; the first eight are the usual markets of the CRMs scanned, the
// others are neighbours whose national numbers cannot be mistaken for theirs.
var (
	DefaultPhoneRegions  = []string{"DE", "FR", "GB", "US", "ES", "IT", "NL", "PL", "BR", "PT", "SE", "DK", "NO", "FI", "CH", "AT", "BE"}
	DefaultMinValueRatio = 0.8
)

// Limits on the work done per column.
const (
	maxValues    = 5000 // values looked at per column
	maxValueLen  = 512  // longer values are not checked by the short-value validators
	maxTextLen   = 8192 // free text is scanned up to this many bytes per value
	maxExamples  = 3
	ctxCacheSize = 4096
	probeWindow  = 50 // values after which a failing value-only probe gives up
)

// Classifier classifies columns. It is safe for concurrent use.
type Classifier struct {
	regions  []string
	minRatio float64
	now      func() time.Time
	custom   []customDetector
	// vocab is the column-name vocabulary: the built-in one, or it with userTerms.
	vocab     *vocabIndex
	userTerms []term

	mu       sync.Mutex
	ctxCache map[string]tableCtx
}

// Option configures a Classifier.
type Option func(*Classifier) error

// WithPhoneRegions sets the regions (ISO 3166 alpha-2, as libphonenumber knows them) tried,
// in order, to parse phone numbers written without a country code.
func WithPhoneRegions(regions []string) Option {
	return func(c *Classifier) error {
		if len(regions) == 0 {
			return errors.New("detect: phone regions: need at least one region")
		}
		supported := phonenumbers.GetSupportedRegions()
		out := make([]string, 0, len(regions))
		for _, r := range regions {
			r = strings.ToUpper(strings.TrimSpace(r))
			if !supported[r] {
				return fmt.Errorf("detect: phone regions: unknown region %q", r)
			}
			if !slices.Contains(out, r) {
				out = append(out, r)
			}
		}
		c.regions = out
		return nil
	}
}

// WithMinValueRatio sets the share of sampled non-null values that must validate for
// strict value checks (email, IBAN, card, IP, national ids) to classify a column on
// their own, or to confirm its name. It must be in (0, 1].
func WithMinValueRatio(r float64) Option {
	return func(c *Classifier) error {
		if !(r > 0 && r <= 1) { // also rejects NaN
			return fmt.Errorf("detect: min value ratio %v: must be in (0, 1]", r)
		}
		c.minRatio = r
		return nil
	}
}

// withClock fixes the current time; tests use it for birth-date ranges.
func withClock(now func() time.Time) Option {
	return func(c *Classifier) error { c.now = now; return nil }
}

// New returns a Classifier.
func New(opts ...Option) (*Classifier, error) {
	c := &Classifier{
		regions:  slices.Clone(DefaultPhoneRegions),
		minRatio: DefaultMinValueRatio,
		now:      time.Now,
		ctxCache: map[string]tableCtx{},
	}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(c); err != nil {
			return nil, err
		}
	}
	c.vocab = builtinVocab
	if len(c.userTerms) > 0 {
		c.vocab = withUserTerms(c.userTerms)
	}
	return c, nil
}

// env is what value checks need to know, and a per-column cache.
type env struct {
	regions []string
	year    int               // current year, for birth ranges
	keys    map[string]string // enumKey of values, shared by the enum detectors
}

// key returns enumKey(v), computed once per column.
func (e *env) key(v string) string {
	if e == nil {
		return enumKey(v)
	}
	if k, ok := e.keys[v]; ok {
		return k
	}
	if e.keys == nil {
		e.keys = map[string]string{}
	}
	k := enumKey(v)
	e.keys[v] = k
	return k
}

// level is how well one value fits a category.
type level int8

const (
	lvSkip   level = -1 // neutral ("unknown", "n/a"): left out of the ratio
	lvNone   level = 0  // does not fit
	lvWeak   level = 1  // plausible shape
	lvStrong level = 2  // validated: syntax and TLD, check digits, dictionary
)

// detector is one category's value check and how its evidence is weighed (see score.go).
type detector struct {
	cat   Category
	types typeSet // data types the category can be stored in
	check func(v string, e *env) level
	// probe, when set, narrows value-only matches to the strong values it accepts.
	probe func(v string, e *env) bool
	// probeFirst: the probe is cheap and check never skips a value, so a value-only probe
	// runs check only on values the probe accepts (libphonenumber on dates costs 100 µs).
	probeFirst bool
	mask       func(v string, e *env) string
	// strict checks are discriminating: the classifier's minimum value ratio both confirms
	// a name and classifies without one, and low ratios contradict a name.
	strict      bool
	confirmAt   float64 // share of strong values that confirms a name (non-strict detectors)
	valueOnlyAt float64 // share of strong values that classifies without a name; 0: never
	valueCap    float64 // upper bound of a value-only confidence; 0: none
	quasi       bool    // value-only matches are off in company, object and lookup tables
	highCard    bool    // identifiers: a constant sample lowers confidence
	longValues  bool    // check gets values up to maxTextLen instead of maxValueLen
	maxChecks   int     // expensive checks (libphonenumber, text scans) look at this many values at most
	// confirmLifts: confirming values lift the cap of a quasi name without a person beside it
	// (dictionary names, identifiers embedded in notes).
	confirmLifts bool
	// orgData: organisations have this data too (a switchboard number, info@, the company's
	// IBAN): in a company, supplier or settings table it is theirs, not a person's.
	orgData bool
	// business, when set, tells strong values that identify a business (a VAT number, an
	// info@ address); a column of them is not personal.
	business func(v string) bool
}

// detectors in the order value-only probes run; the first to reach the best confidence wins.
// A category's first detector is the one its column names select (device ids: the general
// deviceDetector, not the MAC probe).
var detectors = []*detector{
	&emailDetector, &ibanDetector, &cardDetector, &phoneDetector, &ipDetector, &deviceDetector, &macDetector,
	&nationalIDDetector, &taxIDDetector, &passwordDetector, &dobDetector, &personNameDetector,
	&addressDetector, &genderDetector, &healthDetector, &religionDetector, &ethnicityDetector,
	&politicalDetector, &unionDetector, &sexualDetector, &geneticDetector, &criminalDetector,
	&geoDetector, &postcodeDetector, &cityDetector, &countryDetector, &ageDetector,
	&usernameDetector, &passportDetector, &cvvDetector, &salaryDetector, &employmentDetector,
	&photoDetector, &freeTextDetector,
}

var byCategory = func() map[Category]*detector {
	m := map[Category]*detector{}
	for _, d := range detectors {
		if m[d.cat] == nil {
			m[d.cat] = d
		}
	}
	return m
}()

// candidate is one category under consideration for a column.
type candidate struct {
	d        *detector
	named    bool
	conf     float64
	signals  []string
	st       stats
	examples []int // indexes into the values of up to maxExamples matching values
}

// Classify classifies one column. It never keeps the values it is given.
func (c *Classifier) Classify(col Column) Result {
	vals := cleanValues(col.Values)
	e := &env{regions: c.regions, year: c.now().Year()}
	in := scoreInput{
		ctx:      c.context(col.Table, col.TableColumns),
		typ:      typeOf(col.DataType),
		distinct: countDistinct(vals),
		minRatio: c.minRatio,
		flags:    onlyFlags(vals),
	}
	nm := c.vocab.matchColumn(col.Name, in.ctx)
	if nm.det == &cardExpiryPartDetector && !in.ctx.card {
		nm = nameMatch{cat: None} // exp_year beside no card number: years of experience, a licence
	}

	var cands []candidate
	if d := nm.detector(); d != nil {
		st, ex := measure(d, vals, e, -1)
		cands = append(cands, scoreCandidate(d, nm, st, ex, in))
	}
	if cm := codedMatch(col.Name, nm, in.typ); cm != nil {
		if cd, ok := codedCandidate(cm, vals, in); ok {
			cands = append(cands, cd)
			nm = *cm // the evidence names the attribute the key stands for
		}
	}
	if cd, ok := hrCandidate(col, nm, in); ok {
		cands = append(cands, cd)
	}
	if in.typ != typeBool { // flags hold no values worth probing
		for _, d := range detectors {
			if d.cat == nm.cat || !c.probes(d, in) {
				continue
			}
			st, ex := measure(d, vals, e, c.valueOnlyAt(d))
			if !st.aborted {
				cands = append(cands, scoreCandidate(d, nameMatch{cat: None, blocked: nm.blocked}, st, ex, in))
			}
		}
	}

	best := candidate{conf: 0}
	for _, cd := range cands {
		if cd.conf > best.conf {
			best = cd
		}
	}
	res := Result{
		Category:   None,
		Confidence: best.conf,
		Evidence: Evidence{
			NonNull:  len(vals),
			Distinct: in.distinct,
			Sampled:  max(col.Sampled, len(vals)),
		},
	}
	res.Evidence.Signals = nameSignals(nm)
	if best.d != nil {
		res.Evidence.Signals = mergeSignals(res.Evidence.Signals, best.signals)
		res.Evidence.ValueRatio = best.st.ratio(best.d)
		if best.named {
			res.Evidence.NameMatch = nm.phrase
			if nm.legacy {
				res.Evidence.Signals = mergeSignals(res.Evidence.Signals, []string{"name:legacy_prefix"})
			}
		}
	}
	if cr, ok := c.classifyCustom(col, vals, best.conf); ok {
		cr.Evidence.NonNull, cr.Evidence.Distinct, cr.Evidence.Sampled = res.Evidence.NonNull, res.Evidence.Distinct, res.Evidence.Sampled
		return cr
	}
	if best.d == nil || best.conf < Threshold {
		return res
	}
	if best.d == &freeTextDetector {
		ex, sig := freeTextEvidence(vals, e)
		if !personContext(in.ctx) && !embedsIdentifier(sig) {
			// The organisation's own texts (event descriptions, page texts, settings): words
			// such as "wheelchair" or "church" in them are about nobody.
			res.Confidence = min(res.Confidence, capNoPerson)
			res.Evidence.Signals = mergeSignals(res.Evidence.Signals, []string{"context:no_person"})
			return res
		}
		res.Category, res.Personal = FreeText, true
		res.Evidence.Signals = mergeSignals(res.Evidence.Signals, sig)
		res.MaskedExamples = ex
		return res
	}
	res.Category = best.d.cat
	res.Personal = true
	if len(vals) == 0 {
		res.Evidence.Signals = mergeSignals(res.Evidence.Signals, []string{"value:none_sampled"})
	}
	if best.d == &cardDetector && best.named && best.st.strong < best.st.counted() {
		if luhnFailures(vals) > 0 {
			// Test numbers or a bad export: still card data; SEC-01 counts passes and fails.
			res.Evidence.Signals = mergeSignals(res.Evidence.Signals, []string{"value:luhn_failed"})
		}
	}
	res.MaskedExamples = examples(best, vals, e)
	if best.d.cat == TaxID {
		// A "tax_id" of Steuer-IDs, CPFs or codici fiscali holds personal identity numbers.
		for _, cd := range cands {
			if cd.d == &nationalIDDetector && cd.conf >= Threshold {
				res.Category = NationalID
				res.Evidence.Signals = mergeSignals(res.Evidence.Signals, []string{"value:national_id"})
			}
		}
	}
	return res
}

// probes reports whether a detector can classify the column from its values alone.
func (c *Classifier) probes(d *detector, in scoreInput) bool {
	if c.valueOnlyAt(d) <= 0 || !d.types.allows(in.typ) {
		return false
	}
	if d.quasi && in.ctx.nonPerson() {
		return false
	}
	if d == &freeTextDetector {
		return in.typ == typeLongText || in.typ == typeJSON
	}
	return true
}

func (c *Classifier) valueOnlyAt(d *detector) float64 {
	if d.strict {
		return c.minRatio
	}
	return d.valueOnlyAt
}

func (c *Classifier) context(table string, columns []string) tableCtx {
	key := table + "\x00" + strings.Join(columns, "\x00")
	c.mu.Lock()
	tc, ok := c.ctxCache[key]
	c.mu.Unlock()
	if ok {
		return tc
	}
	tc = c.vocab.contextOf(table, columns)
	c.mu.Lock()
	if len(c.ctxCache) >= ctxCacheSize {
		clear(c.ctxCache)
	}
	c.ctxCache[key] = tc
	c.mu.Unlock()
	return tc
}

// cleanValues trims values and drops empty ones and spelled-out NULLs.
func cleanValues(in []string) []string {
	n := min(len(in), maxValues)
	out := make([]string, 0, n)
	for _, v := range in[:n] {
		v = strings.TrimSpace(v)
		if v == "" || strings.EqualFold(v, "null") || v == `\N` {
			continue
		}
		out = append(out, v)
	}
	return out
}

func countDistinct(vals []string) int {
	seen := make(map[string]struct{}, len(vals))
	for _, v := range vals {
		seen[v] = struct{}{}
	}
	return len(seen)
}

// stats counts how the sampled values fit one detector.
type stats struct {
	n, skipped, weak, strong, probed int
	business                         int // strong values that identify a business, not a person
	aborted                          bool
}

func (s stats) counted() int { return s.n - s.skipped }

func (s stats) share(k int) float64 {
	if s.counted() <= 0 {
		return 0
	}
	return float64(k) / float64(s.counted())
}

// ratio is the ValueRatio reported: validated values for strict checks and checks with a
// strong level, plausible shapes otherwise.
func (s stats) ratio(d *detector) float64 {
	if d.strict || s.strong > 0 {
		return round2(s.share(s.strong))
	}
	return round2(s.share(s.weak))
}

// measure runs a detector over the values. With abortAt > 0 it is a value-only probe and
// stops as soon as the share of probe hits can no longer reach abortAt.
//
// A probe also gives up after probeWindow values when fewer than half the hits it needs
// have turned up: value-only matches need high ratios, so an early shortfall is final in
// practice and keeps a column of UUIDs from being checked in full by every probe.
func measure(d *detector, vals []string, e *env, abortAt float64) (stats, []int) {
	if d.maxChecks > 0 && len(vals) > d.maxChecks {
		vals = vals[:d.maxChecks]
	}
	st := stats{n: len(vals)}
	if d.check == nil {
		return st, nil
	}
	var ex []int
	exLevel := lvNone
	limit := maxValueLen
	if d.longValues {
		limit = maxTextLen
	}
	misses := 0
	for i, v := range vals {
		if len(v) > limit {
			if !d.longValues {
				misses++
				continue
			}
			v = truncate(v, limit)
		}
		if abortAt > 0 && d.probeFirst && !d.probe(v, e) {
			misses++
			if float64(misses) > (1-abortAt)*float64(len(vals))+epsilon ||
				i+1 == probeWindow && float64(st.probed) < abortAt*probeWindow/2 {
				st.aborted = true
				return st, nil
			}
			continue
		}
		lv := d.check(v, e)
		hit := lv == lvStrong
		if hit && d.probe != nil {
			hit = d.probe(v, e)
		}
		switch lv {
		case lvSkip:
			st.skipped++
		case lvStrong:
			st.strong++
			st.weak++
			if d.business != nil && d.business(v) {
				st.business++
			}
		case lvWeak:
			st.weak++
		}
		if hit {
			st.probed++
		} else if lv != lvSkip {
			misses++
		}
		if lv > lvNone && (lv > exLevel || len(ex) < maxExamples) {
			if lv > exLevel {
				ex, exLevel = ex[:0], lv
			}
			if len(ex) < maxExamples && lv == exLevel {
				ex = append(ex, i)
			}
		}
		if abortAt > 0 && (float64(misses) > (1-abortAt)*float64(len(vals))+epsilon ||
			i+1 == probeWindow && float64(st.probed) < abortAt*probeWindow/2) {
			st.aborted = true
			return st, nil
		}
	}
	return st, ex
}

// truncate cuts s to at most n bytes on a rune boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// embedsIdentifier reports free-text signals of an identifier embedded in the text (an
// email, phone, IBAN or card number), as opposed to special-category words alone.
func embedsIdentifier(signals []string) bool {
	for _, s := range signals {
		if strings.HasPrefix(s, "value:embedded_") {
			return true
		}
	}
	return false
}

// nameSignals explains a name that matched nothing personal.
func nameSignals(nm nameMatch) []string {
	switch {
	case nm.modifier != "":
		return []string{"name:modifier:" + nm.modifier}
	case nm.blocked:
		return []string{"name:non_personal"}
	}
	return nil
}

func mergeSignals(a, b []string) []string {
	out := slices.Clone(a)
	for _, s := range b {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// examples masks up to three distinct matching values of the chosen category.
func examples(cd candidate, vals []string, e *env) []string {
	var out []string
	for _, i := range cd.examples {
		m := maskGeneric(vals[i])
		if cd.d.mask != nil {
			m = cd.d.mask(vals[i], e)
		}
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}
