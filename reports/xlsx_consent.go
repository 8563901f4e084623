package reports

import (
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/scanner"
)

// consentRuleCols maps the consent and basis rules to the Lawful basis & consent
// columns they count, and whether the count is of subjects (else of records).
var consentRuleCols = []struct {
	rule, col string
	subjects  bool
}{
	{"LAW-01", "No basis recorded", true},
	{"CNS-01", "Consent missing", true},
	{"CNS-03", "Withdrawn but still processed", true},
	{"CNS-04", "Stale consent", true},
	{"CNS-02", "Consent rows lacking proof", false},
	{"CNS-06", "Bulk or implied consent rows", false},
	{"CNS-07", "Children without parental consent", true},
}

var consentCols = func() []column {
	cols := []column{
		autoCol("Row id", 14), configCol("Activity", 20).as(fmtWrap), configCol("Purpose", 28).as(fmtWrap),
		configCol("Channel", 9), configCol("Lawful basis", 13), configCol("LIA reference", 11),
		autoCol("Subjects in scope", 10).as(fmtInt),
		autoCol("With a granted consent", 11).as(fmtInt), autoCol("With a withdrawal", 11).as(fmtInt),
	}
	for _, rc := range consentRuleCols {
		cols = append(cols, autoCol(rc.col, 11).as(fmtInt))
	}
	return append(cols, autoCol("Coverage", 9).as(fmtPct), autoCol("Related findings", 32).as(fmtWrap),
		dpoCol("Assessment", 12).list("CNIL status of the basis and consent for this purpose", cnilStatuses...),
		dpoCol("Comment", 32).as(fmtWrap))
}()

var consentSpec = sheetSpec{name: sheetConsent, cols: consentCols, key: []string{"Row id"}, context: []string{"Purpose"}}

// consentRow is one purpose of the Lawful basis & consent sheet.
type consentRow struct {
	id, activity, purpose, channel, basis, lia string
	inScope                                    int64
	findings                                   []*scanner.Finding
	sources                                    []string
	counts                                     []ConsentCount // this purpose's statuses, when counted
	counted                                    bool
	kind                                       string // "consent" (a consent purpose), "activity", or "rest"
}

var withdrawnStatus = regexp.MustCompile(`(?i)(withdr|revok|opt.?out|unsub)`)

// channelOf guesses the channel from a purpose name (email_marketing → email).
func channelOf(purpose string) string {
	p := strings.ToLower(purpose)
	for _, c := range []string{"email", "sms", "phone", "post", "web"} {
		if strings.Contains(p, c) {
			return c
		}
	}
	return "any"
}

// consentRows builds one row per mapped consent purpose (the CNS-* findings of its
// source) and one per processing activity (the LAW-* findings on its tables). Findings
// that fit no row land in a last "unattributed" row.
func (b *book) consentRows() []consentRow {
	d := b.derived
	var out []consentRow
	used := map[string]bool{}
	isFamily := func(f *scanner.Finding, prefix string) bool { return strings.HasPrefix(f.RuleID, prefix) }
	for _, cs := range b.r.DPIA.Consent {
		purpose := cmp(cs.MarketingPurpose, "(all purposes)")
		row := consentRow{id: "CONSENT-" + cs.Source + "-" + purpose, purpose: purpose, channel: channelOf(purpose), basis: "consent",
			sources: []string{cs.Source}, counted: cs.Counts != nil, kind: "consent"}
		for _, c := range cs.Counts {
			if cs.MarketingPurpose == "" || c.Purpose == cs.MarketingPurpose {
				row.counts = append(row.counts, c)
			}
		}
		var acts []string
		for _, a := range b.r.DPIA.Activities {
			if !strings.Contains(strings.ToLower(a.LawfulBasis), "consent") {
				continue
			}
			for _, ref := range a.Tables {
				if (a.Source == "" || a.Source == cs.Source) && len(d.find(cs.Source, ref)) > 0 && refMatchesName(ref, cs.Table) {
					acts = append(acts, a.ID)
					break
				}
			}
		}
		row.activity = strings.Join(acts, ", ")
		for _, s := range b.r.DPIA.Subjects {
			if s.Source != cs.Source || s.Marketable == "" {
				continue
			}
			for _, t := range d.find(s.Source, s.Table) {
				if t.Rows > 0 {
					row.inScope += t.Rows
				}
			}
		}
		for i := range b.r.Findings {
			f := &b.r.Findings[i]
			if isFamily(f, "CNS-") && f.Location.Source == cs.Source && !used[f.Fingerprint] {
				row.findings = append(row.findings, f)
				used[f.Fingerprint] = true
			}
		}
		out = append(out, row)
	}
	for _, a := range b.r.DPIA.Activities {
		row := consentRow{id: a.ID, activity: a.ID + " " + a.Name, purpose: a.Purpose, channel: "any", basis: a.LawfulBasis, lia: a.LIARef, kind: "activity"}
		for _, t := range d.activityTables[a.ID] {
			if !slices.Contains(row.sources, t.Source) {
				row.sources = append(row.sources, t.Source)
			}
			if _, ok := d.subjectByTable[t.key()]; ok && !t.IsView && t.Rows > 0 {
				row.inScope += t.Rows
			}
			for _, f := range d.findingsByTable[t.key()] {
				if (isFamily(f, "LAW-") || isFamily(f, "CNS-")) && !used[f.Fingerprint] {
					row.findings = append(row.findings, f)
					used[f.Fingerprint] = true
				}
			}
		}
		out = append(out, row)
	}
	var rest consentRow
	for i := range b.r.Findings {
		f := &b.r.Findings[i]
		if (isFamily(f, "LAW-") || isFamily(f, "CNS-")) && !used[f.Fingerprint] {
			rest.findings = append(rest.findings, f)
			if !slices.Contains(rest.sources, f.Location.Source) {
				rest.sources = append(rest.sources, f.Location.Source)
			}
		}
	}
	if len(rest.findings) > 0 || len(out) == 0 {
		rest.id, rest.purpose, rest.channel, rest.kind = "UNATTRIBUTED", "Findings on tables of no mapped purpose or activity", "any", "rest"
		for _, t := range d.tables {
			if _, ok := d.subjectByTable[t.key()]; ok && !t.IsView && t.Rows > 0 {
				rest.inScope += t.Rows
			}
		}
		out = append(out, rest)
	}
	return out
}

func hasRule(fs []*scanner.Finding, id string) bool {
	return slices.ContainsFunc(fs, func(f *scanner.Finding) bool { return f.RuleID == id })
}

// refMatchesName compares a config table reference with a mapped table name.
func refMatchesName(ref, table string) bool {
	_, a := splitRef(ref)
	_, b := splitRef(table)
	return strings.EqualFold(a, b)
}

func splitRef(ref string) (schema, table string) {
	if i := strings.LastIndexByte(ref, '.'); i >= 0 {
		return ref[:i], ref[i+1:]
	}
	return "", ref
}

// ruleStatus says whether a rule ran on some sources: "ran", "not evaluated" (in the
// scan's catalogue but its mapping is missing there) or "" (not part of this scan: a
// disabled or not yet shipped rule, or a report without a catalogue).
func (b *book) ruleStatus(ruleID string, sources []string) string {
	if len(b.derived.byRule[ruleID]) > 0 {
		return "ran"
	}
	if !slices.ContainsFunc(b.r.Rules, func(ri RuleInfo) bool { return ri.ID == ruleID }) {
		return ""
	}
	for _, ne := range b.r.NotEvaluated {
		if ne.RuleID == ruleID && (len(sources) == 0 || slices.Contains(sources, ne.Source)) {
			return "not evaluated"
		}
	}
	return "ran"
}

// evaluated reports whether a rule ran (on the sources, or anywhere).
func (b *book) evaluated(ruleID string, sources []string) bool {
	return b.ruleStatus(ruleID, sources) == "ran"
}

// consentNotes say what each count is of, so the columns are not read against each other.
var consentNotes = []string{
	"Subjects in scope: all rows of the mapped subject tables, marketed to or not (the catalogue's row estimate).",
	"With a granted consent / with a withdrawal: distinct people with such a row for the purpose in the consent table; one person can have both.",
	"Coverage: 1 − people without the basis or consent the purpose needs ÷ people in scope. It is not granted ÷ in scope: people who are not marketed to need no consent.",
}

// consent writes lawful basis and consent coverage per purpose (Art. 6, 7, 9;
// Art. 35(7)(b)); docs/rule-catalogue.md §5 sheet 5. A blank count means the rule did not run there.
func (b *book) consent() error {
	rows := b.consentRows()
	first := colIndex(consentCols, consentRuleCols[0].col) - 1
	fill := func(i int, row []any) {
		cr := rows[i]
		purpose := cr.purpose
		if cr.kind == "consent" {
			purpose = sentence(purpose) // a consent purpose is a code of the CRM
		}
		row[0], row[1], row[2], row[3], row[4], row[5] = cr.id, cr.activity, purpose, cr.channel, basisWords(cr.basis), cr.lia
		if cr.inScope > 0 {
			row[6] = cr.inScope
		}
		if cr.counted {
			var granted, withdrawn int64
			for _, c := range cr.counts {
				switch {
				case c.Granted:
					granted += c.Subjects
				case withdrawnStatus.MatchString(c.Status):
					withdrawn += c.Subjects
				}
			}
			row[7], row[8] = granted, withdrawn
		}
		var notEval []string
		missing := int64(-1)
		for j, rc := range consentRuleCols {
			// A consent purpose counts the consent rules, an activity the basis rules;
			// the rest of the columns stay blank rather than show a meaningless 0.
			consentRule := strings.HasPrefix(rc.rule, "CNS-")
			if (cr.kind == "consent" && !consentRule) || (cr.kind == "activity" && consentRule && !hasRule(cr.findings, rc.rule)) {
				continue
			}
			var n int64
			status := b.ruleStatus(rc.rule, cr.sources)
			for _, f := range cr.findings {
				if f.RuleID == rc.rule {
					status = "ran"
					if rc.subjects {
						n += f.SubjectsAffected
					} else {
						n += f.RecordsAffected
					}
				}
			}
			if status != "ran" {
				if status != "" {
					notEval = append(notEval, rc.rule)
				}
				continue
			}
			row[first+j] = n
			if (rc.rule == "CNS-01" && cr.basis == "consent") || (rc.rule == "LAW-01" && cr.basis != "consent") {
				missing = max(missing, 0) + n
			}
		}
		if missing >= 0 && cr.inScope > 0 {
			row[first+len(consentRuleCols)] = max(0, 1-float64(missing)/float64(cr.inScope))
		}
		related := ruleCounts(cr.findings)
		if len(notEval) > 0 {
			related = strings.TrimPrefix(related+"; not evaluated: "+strings.Join(notEval, ", "), "; ")
		}
		row[first+len(consentRuleCols)+1] = related
	}
	below := func(w *rowWriter, row int) (int, error) {
		for i, note := range consentNotes {
			if err := w.row(row+i, nil, excelize.Cell{StyleID: b.st.subtitle, Value: note}); err != nil {
				return 0, err
			}
		}
		return row + len(consentNotes), nil
	}
	return b.writeTable(table{spec: &consentSpec, title: "Lawful basis & consent – per purpose (Art. 6, 7, 9; Art. 35(7)(b))", n: len(rows), fill: fill, below: below})
}
