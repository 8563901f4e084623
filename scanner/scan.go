package scanner

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
)

// Classifier classifies one column. The default is *detect.Classifier; the interface lets
// a fake stand in for it in tests.
type Classifier interface {
	Classify(col detect.Column) detect.Result
}

// Scanner runs discover → classify → evaluate rules over one source at a time.
type Scanner struct {
	classifier    Classifier
	rules         rules.Set
	logger        *slog.Logger
	progress      func(done, total int, current string)
	now           func() time.Time
	maxCandidates int
	sampleKeys    int
	phase         func(phase string, d time.Duration)
	retry         RetryPolicy
	concurrency   int // queries at once per source when its config does not say
	stats         func(PhaseStat)
}

// Option configures a Scanner.
type Option func(*Scanner) error

// WithLogger sets the logger; the default discards.
func WithLogger(l *slog.Logger) Option {
	return func(s *Scanner) error {
		if l == nil {
			return errors.New("scanner: nil logger")
		}
		s.logger = l
		return nil
	}
}

// WithProgress sets a callback told after each table.
func WithProgress(f func(done, total int, current string)) Option {
	return func(s *Scanner) error { s.progress = f; return nil }
}

// WithPhaseHook sets a callback told how long each phase of a source's scan took:
// "discover" (listing the tables), "classify" (sampling and classifying them) and
// "rules" (evaluating the compliance rules). Metrics use it.
func WithPhaseHook(f func(phase string, d time.Duration)) Option {
	return func(s *Scanner) error { s.phase = f; return nil }
}

// WithClock sets the time rules measure periods from.
func WithClock(now func() time.Time) Option {
	return func(s *Scanner) error {
		if now == nil {
			return errors.New("scanner: nil clock")
		}
		s.now = now
		return nil
	}
}

// WithMaxCandidates bounds how many rows a check validated in Go reads.
func WithMaxCandidates(n int) Option {
	return func(s *Scanner) error {
		if n < 1 {
			return fmt.Errorf("scanner: max candidates must be positive, got %d", n)
		}
		s.maxCandidates = n
		return nil
	}
}

// New returns a Scanner.
func New(c Classifier, set rules.Set, opts ...Option) (*Scanner, error) {
	if c == nil {
		return nil, errors.New("scanner: nil classifier")
	}
	s := &Scanner{
		classifier: c, rules: set,
		logger:        slog.New(slog.DiscardHandler),
		now:           time.Now,
		maxCandidates: 10000,
		sampleKeys:    5,
		retry:         DefaultRetry,
		concurrency:   config.DefaultConcurrency,
	}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Target is one source to scan with its settings.
type Target struct {
	Name   string
	Kind   string
	Source Source
	// Settings is the source's config entry (sampling, filters, mapping); Config the whole
	// file. Both may be minimal in quick mode (scan --dsn).
	Settings *config.Source
	Config   *config.Config
}

// Result is what one source's scan produced.
type Result struct {
	Summary      SourceSummary
	Inventory    []InventoryItem
	Findings     []Finding
	NotEvaluated []NotEvaluated
	Facts        Facts // the mapped consent and request tables' figures, for the DPIA workbook
}

// Scan walks one source. It returns an error only when the source could not be scanned
// at all (its catalogue unreadable) or ctx ended; a failing table or check is recorded in
// the summary and the scan goes on.
//
// Tables are sampled and classified concurrently, and the rules' checks run
// concurrently, but never more queries run against the source at once than its limit
// (sources[].concurrency, else WithConcurrency, else 2), nor faster than its
// max_queries_per_second when set. The result is the same as a
// sequential scan's: everything is gathered in catalogue and rule order.
func (s *Scanner) Scan(ctx context.Context, t Target) (Result, error) {
	start := time.Now()
	log := s.logger.With("source", t.Name)
	blind, _ := t.Source.(Blind)
	t.Source = withRetry(t.Source, s.retry, log)
	res := Result{Summary: SourceSummary{Name: t.Name, Kind: t.Kind, TablesFailed: []TableError{}}}
	finish := func() { res.Summary.DurationMS = time.Since(start).Milliseconds() }
	defer finish()
	limit, perSecond := s.concurrency, 0.0
	if t.Settings != nil {
		if t.Settings.Concurrency > 0 {
			limit = t.Settings.Concurrency
		}
		perSecond = t.Settings.MaxQueriesPerSecond
	}
	src := newLimitedSource(t.Source, limit, perSecond)
	t.Source = src

	phaseStart := time.Now()
	units, err := t.Source.Units(ctx)
	s.stat(PhaseStat{Source: t.Name, Phase: "catalog", Wall: time.Since(phaseStart), Busy: time.Since(phaseStart), Queries: src.queries.Load(), Units: len(units)})
	s.timePhase("discover", &phaseStart)
	if err != nil {
		res.Summary.Error = Scrub(err.Error())
		return res, fmt.Errorf("source %s: list tables: %s", t.Name, res.Summary.Error)
	}
	catalogue := units // the mapped tables are counted even when filtered out
	units = FilterUnits(units, t.Settings)
	if blind != nil { // what the role cannot even list is reported, not left out silently
		switch msg, err := blind.Unseen(ctx); {
		case err != nil:
			log.Warn("could not read the role's grants", "error", Scrub(err.Error()))
		case msg != "":
			log.Warn("tables not visible", "error", msg)
			res.Summary.TablesFailed = append(res.Summary.TablesFailed, TableError{Table: "*", Error: msg})
		}
	}
	sampleSize := config.DefaultSampleSize
	if t.Settings != nil && t.Settings.SampleSize > 0 {
		sampleSize = t.Settings.SampleSize
	}

	type unitResult struct {
		tbl   rules.Table
		items []InventoryItem
		err   error
	}
	done := make([]unitResult, len(units))
	var mu sync.Mutex // serialises the progress callback
	started := 0
	var classifying atomic.Int64
	queriesBefore := src.queries.Load()
	forEach(ctx, len(units), classifyWorkers(limit), func(i int) {
		u := units[i]
		if s.progress != nil {
			mu.Lock()
			s.progress(started, len(units), u.Schema+"."+u.Table)
			started++
			mu.Unlock()
		}
		tbl, items, err := s.classifyUnitSafe(ctx, t, u, sampleSize, &classifying)
		done[i] = unitResult{tbl, items, err}
	})
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	var tables []rules.Table
	for i, u := range units {
		r := done[i]
		if r.err != nil {
			msg := Scrub(r.err.Error())
			log.Warn("table failed", "unit", u.ID(), "error", msg)
			res.Summary.TablesFailed = append(res.Summary.TablesFailed, TableError{Table: u.Schema + "." + u.Table, Error: msg})
			continue
		}
		log.Debug("table classified", "unit", u.ID(), "columns", len(r.items))
		res.Summary.TablesScanned++
		res.Inventory = append(res.Inventory, r.items...)
		tables = append(tables, r.tbl)
	}
	if s.progress != nil {
		s.progress(len(units), len(units), "")
	}
	wall := time.Since(phaseStart)
	s.stat(PhaseStat{Source: t.Name, Phase: "sampling", Wall: wall, Busy: time.Duration(src.busy.Load()),
		Queries: src.queries.Load() - queriesBefore, Rows: src.rows.Load(), Units: len(units)})
	s.stat(PhaseStat{Source: t.Name, Phase: "classification", Wall: wall, Busy: time.Duration(classifying.Load()), Units: len(units)})
	s.timePhase("classify", &phaseStart)
	defer s.timePhase("rules", &phaseStart)

	env := &rules.Env{Dialect: t.Source.Dialect(), SourceName: t.Name, Source: t.Settings, Config: t.Config, Tables: tables, Now: s.now()}
	db := ""
	if len(units) > 0 {
		db = units[0].Database
	}
	// Plan every rule's checks first, in rule order; then run them all concurrently.
	type job struct {
		m     rules.Meta
		c     rules.Check
		loc   Location
		meter *sourceMeter
		f     *Finding
		err   error
	}
	var jobs []*job
	var families []rules.Family
	meters := map[rules.Family]*sourceMeter{}
	checks := map[rules.Family]int{}
	for _, r := range s.rules.Rules() {
		m := r.Meta()
		planned, err := r.Checks(env)
		if needs, ok := rules.IsNotEvaluated(err); ok {
			res.NotEvaluated = append(res.NotEvaluated, NotEvaluated{RuleID: m.ID, Source: t.Name, Needs: needs})
			continue
		}
		if err != nil {
			res.Summary.TablesFailed = append(res.Summary.TablesFailed, TableError{Table: "rule " + m.ID, Error: Scrub(err.Error())})
			log.Warn("rule could not be planned", "rule_id", m.ID, "error", Scrub(err.Error()))
			continue
		}
		if meters[m.Family] == nil {
			meters[m.Family] = &sourceMeter{}
			families = append(families, m.Family)
		}
		checks[m.Family] += len(planned)
		for _, c := range planned {
			loc := Location{Source: t.Name, Database: db, Schema: c.Location.Schema, Table: c.Location.Table, Column: c.Location.Column}
			jobs = append(jobs, &job{m: m, c: c, loc: loc, meter: meters[m.Family]})
		}
	}
	rulesStart := time.Now()
	masked := personalKeys(tables)
	// Exactly limit workers, so a check's queries never wait for a slot and its timings
	// (which bound the sample-key query) are its own, as in a sequential scan.
	forEach(ctx, len(jobs), limit, func(i int) {
		j := jobs[i]
		jt := t
		jt.Source = metered{src, j.meter}
		j.f, j.err = s.runCheck(ctx, jt, j.m, j.c, j.loc, masked[j.c.Location.Schema+"."+j.c.Location.Table])
	})
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	rulesWall := time.Since(rulesStart)
	for _, f := range families {
		m := meters[f]
		s.stat(PhaseStat{Source: t.Name, Phase: "rules/" + string(f), Wall: rulesWall, Busy: time.Duration(m.busy.Load()),
			Queries: m.queries.Load(), Rows: m.rows.Load(), Units: checks[f]})
	}
	for _, j := range jobs {
		if j.err != nil {
			msg := Scrub(j.err.Error())
			res.Summary.TablesFailed = append(res.Summary.TablesFailed, TableError{Table: j.c.Location.Schema + "." + j.c.Location.Table, Error: j.m.ID + ": " + msg})
			log.Warn("check failed", "rule_id", j.m.ID, "unit", j.loc.String(), "error", msg)
			continue
		}
		if j.f != nil {
			res.Findings = append(res.Findings, *j.f)
		}
	}
	res.Facts = s.countFacts(ctx, t, catalogue)
	return res, nil
}

func (s *Scanner) stat(p PhaseStat) {
	if s.stats != nil {
		s.stats(p)
	}
}

// timePhase reports the time since *start to the phase hook and restarts the clock.
func (s *Scanner) timePhase(phase string, start *time.Time) {
	if s.phase != nil {
		s.phase(phase, time.Since(*start))
	}
	*start = time.Now()
}

// Adaptive sampling: when a column's confidence lands within adaptiveBand of the threshold
// and the sample was full-sized or the catalogue counts more rows than it holds (a
// TABLESAMPLE may return fewer than asked), the table is sampled again,
// adaptiveFactor times larger (at most adaptiveMax rows), and those columns are classified
// again on it: signal "sample:enlarged". Both samples must fit the table's time budget
// (discovery.table_time_budget); when the larger one does not, the first classification
// stays: signal "sample:time_bounded".
const (
	adaptiveBand   = 0.1
	adaptiveFactor = 4
	adaptiveMax    = 5000
)

// classifyUnit samples a table and classifies each of its columns; the config's column
// overrides then replace their columns' classification (signal "override:<reason>").
func (s *Scanner) classifyUnit(ctx context.Context, t Target, u Unit, n int) (rules.Table, []InventoryItem, error) {
	return s.classifyUnitTimed(ctx, t, u, n, nil)
}

// classifyUnitTimed is classifyUnit adding the time spent classifying to busy (when set).
//
// The table's time budget counts its own queries and classification, not the time its
// samples waited for a free query slot (a concurrent scan queues them).
func (s *Scanner) classifyUnitTimed(ctx context.Context, t Target, u Unit, n int, busy *atomic.Int64) (rules.Table, []InventoryItem, error) {
	start := time.Now()
	ctx, queued := withQueueClock(ctx)
	var disc config.Discovery
	if t.Config != nil {
		disc = t.Config.Discovery
	}
	sample, err := t.Source.Sample(ctx, u, n)
	if err != nil {
		return rules.Table{}, nil, err // the engine's error names the table already
	}
	names := make([]string, len(u.Columns))
	for i, c := range u.Columns {
		names[i] = c.Name
	}
	classify := func(c ColumnInfo, smp Sample) detect.Result {
		if busy != nil {
			began := time.Now()
			defer func() { busy.Add(int64(time.Since(began))) }()
		}
		return s.classifier.Classify(detect.Column{
			Schema: u.Schema, Table: u.Table, Name: c.Name, DataType: c.DataType, TableColumns: names,
			Values: smp.Values[c.Name], Sampled: smp.Rows,
		})
	}
	results := make([]detect.Result, len(u.Columns))
	var near []int
	for i, c := range u.Columns {
		results[i] = classify(c, sample)
		if math.Abs(results[i].Confidence-detect.Threshold) <= adaptiveBand+1e-9 {
			near = append(near, i)
		}
	}
	more := sample.Rows >= n || u.RowEstimate > int64(sample.Rows) // the table has rows the sample missed
	if larger := min(n*adaptiveFactor, adaptiveMax); len(near) > 0 && more && larger > n {
		signal := "sample:time_bounded"
		// Take the query slot first, so the larger sample's budget starts when it may run.
		hctx, release, err := holdSlot(ctx, t.Source)
		if err != nil {
			return rules.Table{}, nil, err
		}
		if left := disc.Budget() - (time.Since(start) - queued()); left <= 0 {
			release()
		} else {
			// Memory: the first sample is let go, and the larger one reads only the
			// columns to classify again (and the key, which picks how it is read).
			sample = Sample{}
			sctx, cancel := context.WithTimeout(hctx, left)
			big, err := t.Source.Sample(sctx, onlyColumns(u, near), larger)
			timedOut := sctx.Err() != nil
			cancel()
			release()
			switch {
			case ctx.Err() != nil:
				return rules.Table{}, nil, ctx.Err()
			case err == nil:
				signal = "sample:enlarged"
				for _, i := range near {
					results[i] = classify(u.Columns[i], big)
				}
			case !timedOut:
				signal = "" // the larger sample failed; the first one stands
				s.logger.Debug("larger sample failed", "unit", u.ID(), "error", Scrub(err.Error()))
			}
		}
		if signal != "" {
			for _, i := range near {
				results[i].Evidence.Signals = append(slices.Clone(results[i].Evidence.Signals), signal)
			}
		}
	}
	tbl := rules.Table{Schema: u.Schema, Name: u.Table, IsView: u.IsView, RowEstimate: u.RowEstimate, PrimaryKey: u.PrimaryKey}
	items := make([]InventoryItem, 0, len(u.Columns))
	for i, c := range u.Columns {
		r := results[i]
		if o, ok := disc.Override(t.Name, u.Schema, u.Table, c.Name); ok {
			r = applyOverride(r, o)
		}
		if r.MaskedExamples == nil || t.Config != nil && !t.Config.Report.Examples() {
			r.MaskedExamples = []string{}
		}
		if r.Evidence.Signals == nil {
			r.Evidence.Signals = []string{}
		}
		tbl.Columns = append(tbl.Columns, rules.TableColumn{Name: c.Name, DataType: c.DataType, Default: c.Default, Class: r})
		items = append(items, InventoryItem{
			Source: u.Source, Database: u.Database, Schema: u.Schema, Table: u.Table, Column: c.Name,
			DataType: c.DataType, IsView: u.IsView, RowEstimate: u.RowEstimate,
			Personal: r.Personal, Category: r.Category, Confidence: r.Confidence,
			Evidence: r.Evidence, MaskedExamples: r.MaskedExamples,
		})
	}
	return tbl, items, nil
}

// onlyColumns is u with only the columns at the given indexes and its primary key.
func onlyColumns(u Unit, idx []int) Unit {
	keep := make([]bool, len(u.Columns))
	for _, i := range idx {
		keep[i] = true
	}
	var cols []ColumnInfo
	for i, c := range u.Columns {
		if keep[i] || slices.Contains(u.PrimaryKey, c.Name) {
			cols = append(cols, c)
		}
	}
	u.Columns = cols
	return u
}

// applyOverride replaces a column's classification with the config's: personal data of the
// override's category (confidence 1) or not personal (confidence 0). The evidence stays,
// with the reason as a signal.
func applyOverride(r detect.Result, o config.ColumnOverride) detect.Result {
	r.Evidence.Signals = append(slices.Clone(r.Evidence.Signals), "override:"+o.Reason)
	if o.Category != "" {
		r.Category, r.Personal, r.Confidence = detect.Category(o.Category), true, 1
		return r
	}
	r.Category, r.Personal, r.Confidence, r.MaskedExamples = detect.None, false, 0, nil
	return r
}

// FilterUnits applies a source's include/exclude lists of schemas and table globs
// (globs match "table" or "schema.table", case-insensitively).
func FilterUnits(units []Unit, st *config.Source) []Unit {
	if st == nil {
		return units
	}
	var out []Unit
	for _, u := range units {
		if len(st.IncludeSchemas) > 0 && !matchAny(st.IncludeSchemas, u.Schema) {
			continue
		}
		if matchAny(st.ExcludeSchemas, u.Schema) {
			continue
		}
		if len(st.IncludeTables) > 0 && !matchAny(st.IncludeTables, u.Table) && !matchAny(st.IncludeTables, u.Schema+"."+u.Table) {
			continue
		}
		if matchAny(st.ExcludeTables, u.Table) || matchAny(st.ExcludeTables, u.Schema+"."+u.Table) {
			continue
		}
		out = append(out, u)
	}
	return out
}

func matchAny(globs []string, name string) bool {
	for _, g := range globs {
		if ok, _ := path.Match(strings.ToLower(g), strings.ToLower(name)); ok {
			return true
		}
	}
	return false
}

// runCheck runs one check and turns offending rows into a finding (nil when none).
func (s *Scanner) runCheck(ctx context.Context, t Target, m rules.Meta, c rules.Check, loc Location, maskKeys bool) (*Finding, error) {
	f := &Finding{
		RuleID: m.ID, Title: m.Title, Family: m.Family, Articles: slices.Clone(m.Articles), FineTier: m.FineTier,
		Severity: m.Severity, Likelihood: m.Likelihood, Principle: m.Principle, Location: loc,
		ReproduceSQL: c.Offending + ";", Remediation: m.Remediation, Status: StatusNew,
		SampleKeys: []string{}, Evidence: map[string]string{},
	}
	if c.Severity != 0 {
		f.Severity = c.Severity
	}
	if c.Likelihood != 0 {
		f.Likelihood = c.Likelihood
	}
	if t.Config != nil {
		if o, ok := t.Config.Rules.Overrides[m.ID]; ok {
			if o.Severity != 0 {
				f.Severity = rules.Severity(o.Severity)
			}
			if o.Likelihood != 0 {
				f.Likelihood = rules.Likelihood(o.Likelihood)
			}
			f.Evidence["override"] = o.Reason
		}
	}
	f.RiskLevel = rules.Risk(f.Severity, f.Likelihood)
	if c.Detail != "" {
		f.Evidence["detail"] = c.Detail
	}
	if c.Scope != "" {
		f.Evidence["scope"] = c.Scope
	}
	f.Fingerprint = Fingerprint(loc, m.ID, c.Scope)

	// Listing sample keys takes a second query, which can cost as much as the check (a
	// grouped subquery is built again; matches may sit far down the key order). After a
	// check that took keysBudgetFrom or more it gets a tenth of the check's time; past
	// that the finding keeps the smallest key, which comes cheaply with the counts, and
	// says why. MySQL's driver does not cancel a query on the server: there it runs on
	// until the statement timeout.
	count := "SELECT COUNT(*) AS records, COUNT(DISTINCT subject_key) AS subjects, MIN(since) AS oldest, MIN(row_key) AS first_key FROM (\n" + c.Offending + "\n) q"
	started := time.Now()
	rows, err := t.Source.Query(ctx, count, 1)
	if err != nil {
		return nil, err
	}
	counted := time.Since(started)
	if len(rows.Values) != 1 || len(rows.Values[0]) != 4 {
		return nil, fmt.Errorf("count query returned %d rows", len(rows.Values))
	}
	records, subjects := IntValue(rows.Values[0][0]), IntValue(rows.Values[0][1])
	if records == 0 {
		return nil, nil
	}
	f.Oldest = dateText(rows.Values[0][2])

	if c.Validate == nil {
		f.RecordsAffected, f.SubjectsAffected = records, subjects
		kctx, cancel := ctx, context.CancelFunc(func() {})
		if counted >= keysBudgetFrom {
			kctx, cancel = context.WithTimeout(ctx, counted/10)
		}
		listed := time.Now()
		keys, err := t.Source.Query(kctx, "SELECT row_key FROM (\n"+c.Offending+"\n) q WHERE row_key IS NOT NULL ORDER BY row_key "+t.Source.Dialect().Limit(s.sampleKeys), s.sampleKeys)
		timedOut := ctx.Err() == nil && errors.Is(kctx.Err(), context.DeadlineExceeded)
		cancel()
		s.logger.Debug("check run", "rule_id", m.ID, "unit", loc.String(), "count_ms", counted.Milliseconds(),
			"keys_ms", time.Since(listed).Milliseconds(), "keys_timed_out", timedOut)
		switch {
		case err == nil:
			for _, r := range keys.Values {
				f.SampleKeys = append(f.SampleKeys, keyText(r[0], maskKeys))
			}
		case timedOut:
			if first := rows.Values[0][3]; first != nil {
				f.SampleKeys = append(f.SampleKeys, keyText(first, maskKeys))
			}
			f.Evidence["sample_keys"] = "smallest key only: listing more would cost more than a tenth of the check; run reproduce_sql"
		default:
			return nil, err
		}
		return f, nil
	}

	// Validated in Go: read a bounded number of candidates, keep those that validate.
	cand, err := t.Source.Query(ctx, c.Offending+"\nORDER BY row_key "+t.Source.Dialect().Limit(s.maxCandidates), s.maxCandidates)
	if err != nil {
		return nil, err
	}
	var valid int64
	subjectSet := map[string]bool{}
	var examples []string
	for _, r := range cand.Values {
		v, ok := r[3].(string)
		if !ok || !c.Validate(v) {
			continue
		}
		valid++
		subjectSet[keyText(r[1], false)] = true
		if len(f.SampleKeys) < s.sampleKeys && r[0] != nil {
			f.SampleKeys = append(f.SampleKeys, keyText(r[0], maskKeys))
		}
		if len(examples) < 3 && c.Mask != nil {
			examples = append(examples, c.Mask(v))
		}
	}
	if valid == 0 {
		return nil, nil
	}
	f.RecordsAffected, f.SubjectsAffected = valid, int64(len(subjectSet))
	if int64(len(cand.Values)) < records {
		// Scale the validated share of the candidates read up to all candidates.
		ratio := float64(valid) / float64(len(cand.Values))
		f.RecordsAffected = int64(ratio*float64(records) + 0.5)
		f.SubjectsAffected = int64(ratio*float64(subjects) + 0.5)
		f.Estimated = true
		f.Evidence["estimate"] = fmt.Sprintf("validated %d of %d candidates read, of %d in all", valid, len(cand.Values), records)
	}
	if len(examples) > 0 && (t.Config == nil || t.Config.Report.Examples()) {
		f.Evidence["masked_examples"] = strings.Join(examples, ", ")
	}
	return f, nil
}

// keysBudgetFrom is how long a check must take before its sample-key query is timed:
// below it the keys are always listed, so on an ordinary database — even a loaded test
// machine — they stay the same from run to run; only checks over millions of rows are
// slow enough for the limit to apply.
const keysBudgetFrom = 2 * time.Second

// personalKeys lists, as "schema.table", the tables whose primary key is itself personal
// data (an email used as key, say); their sample keys are masked. A map, so that each
// check looks its table up at once however many tables there are.
func personalKeys(tables []rules.Table) map[string]bool {
	out := map[string]bool{}
	for _, t := range tables {
		for _, k := range t.PrimaryKey {
			if c, ok := t.Column(k); ok && c.Class.Personal {
				out[t.Schema+"."+t.Name] = true
			}
		}
	}
	return out
}

// keyText is a row key as the report shows it; masked, only its first character stays
// (a whole rune: cutting a byte would leave invalid UTF-8 in the report).
func keyText(v any, mask bool) string {
	s := valueText(v)
	if mask && s != "" {
		_, n := utf8.DecodeRuneInString(s)
		return s[:n] + "***"
	}
	return s
}

func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case string:
		return x
	case []byte:
		return string(x)
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05")
	default:
		return fmt.Sprint(x)
	}
}

// IntValue reads a count from a query result, whatever type the engine's driver gave it.
func IntValue(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	case string:
		n, _ := strconv.ParseInt(x, 10, 64)
		return n
	}
	return 0
}

// dateText renders the oldest "since" value as a date, alike on every engine.
func dateText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.UTC().Format("2006-01-02")
	case string:
		if len(x) >= 10 {
			if _, err := time.Parse("2006-01-02", x[:10]); err == nil {
				return x[:10]
			}
		}
		return x
	}
	return valueText(v)
}
