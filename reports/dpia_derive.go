package reports

import (
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// This file joins the scan's facts with the configuration's declarations: which
// tables each activity, retention rule and subject mapping covers, and which findings
// fall on each. Like dpia.go it knows nothing of excelize.

// statusReopened marks a finding that had been resolved and came back.
const statusReopened = "reopened"

// tableInfo is one scanned table, from the inventory.
type tableInfo struct {
	Source, Database, Schema, Table string
	Rows                            int64 // catalogue estimate; -1 unknown
	Categories                      []string
	Special                         []string // Art. 9 / Art. 10 categories
	Personal                        bool
	IsView                          bool
}

func (t tableInfo) key() string { return tableKey(t.Source, t.Schema, t.Table) }

func (t tableInfo) String() string { return qualifiedTable(t.Database, t.Schema, t.Table) }

// derived holds the joins the sheets share.
type derived struct {
	tables            []*tableInfo // in inventory order
	tableByKey        map[string]*tableInfo
	activitiesByTable map[string][]string           // table key → activity ids
	activityTables    map[string][]*tableInfo       // activity id → tables found
	retentionByTable  map[string][]RetentionRule    // table key → rules
	subjectByTable    map[string]SubjectTable       // table key → subject mapping
	findingsByTable   map[string][]*scanner.Finding // table key → findings
	findingsByColumn  map[string][]*scanner.Finding // column key → findings
	byRule            map[string][]*scanner.Finding
	specialColumns    map[string]bool
	columnCategory    map[string]string // column key → category of a personal column
	reopened          map[string]bool
}

// tableKey identifies a table across the report; names compare case-insensitively, as
// config references do.
func tableKey(source, schema, table string) string {
	return strings.ToLower(source + keySep + schema + keySep + table)
}

func columnKey(source, schema, table, column string) string {
	return tableKey(source, schema, table) + keySep + strings.ToLower(column)
}

// refMatches reports whether a config table reference ("table" or "schema.table")
// names t.
func refMatches(ref string, t *tableInfo) bool {
	schema, name := "", ref
	if i := strings.LastIndexByte(ref, '.'); i >= 0 {
		schema, name = ref[:i], ref[i+1:]
	}
	return strings.EqualFold(name, t.Table) && (schema == "" || strings.EqualFold(schema, t.Schema))
}

// find returns the scanned tables a config reference names in a source ("" any).
func (d *derived) find(source, ref string) []*tableInfo {
	var out []*tableInfo
	for _, t := range d.tables {
		if (source == "" || source == t.Source) && refMatches(ref, t) {
			out = append(out, t)
		}
	}
	return out
}

func derive(r Report) *derived {
	d := &derived{
		tableByKey: map[string]*tableInfo{}, activitiesByTable: map[string][]string{}, activityTables: map[string][]*tableInfo{},
		retentionByTable: map[string][]RetentionRule{}, subjectByTable: map[string]SubjectTable{},
		findingsByTable: map[string][]*scanner.Finding{}, findingsByColumn: map[string][]*scanner.Finding{},
		byRule: map[string][]*scanner.Finding{}, specialColumns: map[string]bool{}, reopened: map[string]bool{},
		columnCategory: map[string]string{},
	}
	for _, it := range r.Inventory {
		k := tableKey(it.Source, it.Schema, it.Table)
		t, ok := d.tableByKey[k]
		if !ok {
			t = &tableInfo{Source: it.Source, Database: it.Database, Schema: it.Schema, Table: it.Table, Rows: it.RowEstimate, IsView: it.IsView}
			d.tableByKey[k] = t
			d.tables = append(d.tables, t)
		}
		if !it.Personal {
			continue
		}
		t.Personal = true
		c := string(it.Category)
		d.columnCategory[columnKey(it.Source, it.Schema, it.Table, it.Column)] = c
		if !slices.Contains(t.Categories, c) {
			t.Categories = append(t.Categories, c)
		}
		if it.Category.Special() || it.Category.CriminalData() {
			d.specialColumns[columnKey(it.Source, it.Schema, it.Table, it.Column)] = true
			if !slices.Contains(t.Special, c) {
				t.Special = append(t.Special, c)
			}
		}
	}
	for _, a := range r.DPIA.Activities {
		for _, ref := range a.Tables {
			for _, t := range d.find(a.Source, ref) {
				if !slices.Contains(d.activitiesByTable[t.key()], a.ID) {
					d.activitiesByTable[t.key()] = append(d.activitiesByTable[t.key()], a.ID)
					d.activityTables[a.ID] = append(d.activityTables[a.ID], t)
				}
			}
		}
	}
	for _, rr := range r.DPIA.Retention {
		for _, t := range d.find(rr.Source, rr.Table) {
			d.retentionByTable[t.key()] = append(d.retentionByTable[t.key()], rr)
		}
	}
	for _, s := range r.DPIA.Subjects {
		for _, t := range d.find(s.Source, s.Table) {
			d.subjectByTable[t.key()] = s
		}
	}
	for i := range r.Findings {
		f := &r.Findings[i]
		l := f.Location
		tk := tableKey(l.Source, l.Schema, l.Table)
		d.findingsByTable[tk] = append(d.findingsByTable[tk], f)
		if l.Column != "" {
			ck := columnKey(l.Source, l.Schema, l.Table, l.Column)
			d.findingsByColumn[ck] = append(d.findingsByColumn[ck], f)
		}
		d.byRule[f.RuleID] = append(d.byRule[f.RuleID], f)
	}
	for _, fp := range r.DPIA.Changes.Reopened {
		d.reopened[fp] = true
	}
	return d
}

// status is a finding's lifecycle state as the workbook shows it.
func (d *derived) status(f *scanner.Finding) string {
	if f.Status == scanner.StatusNew && d.reopened[f.Fingerprint] {
		return statusReopened
	}
	return f.Status
}

// special reports whether a finding involves special-category or criminal data.
func (d *derived) special(f *scanner.Finding) bool {
	if f.Family == rules.SpecialCategories {
		return true
	}
	l := f.Location
	if l.Column != "" {
		return d.specialColumns[columnKey(l.Source, l.Schema, l.Table, l.Column)]
	}
	t := d.tableByKey[tableKey(l.Source, l.Schema, l.Table)]
	return t != nil && len(t.Special) > 0
}

// protection says how a personal-data column is stored, from the security findings on
// it and the classifier's evidence.
func (d *derived) protection(it scanner.InventoryItem) string {
	fs := d.findingsByColumn[columnKey(it.Source, it.Schema, it.Table, it.Column)]
	for _, f := range fs {
		switch f.RuleID {
		case "SEC-01":
			if f.Evidence["scope"] == "luhn-failed" {
				return "plaintext, failing Luhn (SEC-01)"
			}
			return "plaintext (SEC-01)"
		case "SEC-02":
			return "stored (SEC-02)"
		case "SEC-03":
			if f.Evidence["scope"] == "weak-hash" {
				return "weak hash (SEC-03)"
			}
			return "plaintext (SEC-03)"
		case "SEC-04":
			return "in clear (SEC-04)"
		}
	}
	switch it.Category {
	case detect.PasswordOrSecret:
		return "hashed"
	case detect.PaymentCard:
		return "masked or tokenised"
	}
	for _, s := range it.Evidence.Signals {
		if strings.HasPrefix(s, "value:") {
			return "plaintext"
		}
	}
	return "not determined"
}

// sumSubjects adds the subjects of a rule's findings, optionally only on some tables.
func (d *derived) sumRule(ruleID string, keep func(*scanner.Finding) bool) (records, subjects int64, n int) {
	for _, f := range d.byRule[ruleID] {
		if keep == nil || keep(f) {
			records += f.RecordsAffected
			subjects += f.SubjectsAffected
			n++
		}
	}
	return records, subjects, n
}

// risk is one entry of the Risk register: the risk to people that one rule's findings
// reveal. Its id ("R-" + rule id) is stable from one scan to the next.
type risk struct {
	ID, RuleID, Title string
	FearedEvent       string // one of the CNIL feared events
	Principle         string // the GDPR principle the rule checks
	Family            rules.Family
	Fingerprints      []string
	Categories        []string
	Records, Subjects int64
	Severity          int // suggested: the worst over its findings
	Likelihood        int
}

func riskID(ruleID string) string { return "R-" + ruleID }

// risks groups the findings (already sorted, riskiest first) by rule, like measures.
func risks(r Report, d *derived) []risk {
	var out []risk
	idx := map[string]int{}
	for i := range r.Findings {
		f := &r.Findings[i]
		i, ok := idx[f.RuleID]
		if !ok {
			i = len(out)
			idx[f.RuleID] = i
			out = append(out, risk{ID: riskID(f.RuleID), RuleID: f.RuleID, Title: f.Title, Family: f.Family,
				FearedEvent: ruleRisk(f.RuleID, f.Family).feared, Principle: f.Principle})
		}
		rk := &out[i]
		rk.Fingerprints = append(rk.Fingerprints, f.Fingerprint)
		rk.Records += f.RecordsAffected
		rk.Subjects += f.SubjectsAffected
		rk.Severity = max(rk.Severity, int(f.Severity))
		rk.Likelihood = max(rk.Likelihood, int(f.Likelihood))
		l := f.Location
		var cats []string
		if l.Column != "" {
			if c, ok := d.columnCategory[columnKey(l.Source, l.Schema, l.Table, l.Column)]; ok {
				cats = []string{c}
			}
		} else if t := d.tableByKey[tableKey(l.Source, l.Schema, l.Table)]; t != nil {
			cats = t.Categories
		}
		for _, c := range cats {
			if !slices.Contains(rk.Categories, c) {
				rk.Categories = append(rk.Categories, c)
			}
		}
	}
	return out
}
