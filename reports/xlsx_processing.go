package reports

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/scanner"
)

var processingCols = []column{
	configCol("Activity id", 10), configCol("Name", 24).as(fmtWrap), configCol("Purposes", 32).as(fmtWrap),
	configCol("Lawful basis", 14), configCol("Art. 9 condition", 16).as(fmtWrap), dpoCol("Art. 10 authority", 16).as(fmtWrap),
	configCol("LIA reference", 12), configCol("Data-subject categories", 18).as(fmtWrap),
	dpoCol("Recipients", 20).as(fmtWrap), dpoCol("Transfers and safeguards", 20).as(fmtWrap), dpoCol("Processors / DPA", 20).as(fmtWrap),
	configCol("Declared retention", 12), dpoCol("TOMs summary", 26).as(fmtWrap),
	configCol("Mapped tables", 22).as(fmtWrap), autoCol("Tables found", 26).as(fmtWrap),
	autoCol("Observed categories", 30).as(fmtWrap), autoCol("Observed special categories", 14).as(fmtWrap),
	autoCol(colRecords, 10).as(fmtInt), autoCol("Subjects", 10).as(fmtInt), autoCol("Oldest offending record", 11).as(fmtDate),
	autoCol("Findings", 8).as(fmtInt), autoCol("Gaps versus declared", 44).as(fmtWrap),
	dpoCol(colOwner, 16), dpoCol("Last reviewed", 11).as(fmtDate),
}

var processingSpec = sheetSpec{name: sheetProcessing, cols: processingCols, key: []string{"Activity id"}, context: []string{"Name"}}

// unmappedID is the Processing inventory row of personal data in no activity.
const unmappedID = "UNMAPPED"

// activityRow is one Processing inventory row.
type activityRow struct {
	a        Activity
	tables   []*tableInfo
	missing  []string // references that matched no scanned table
	findings []*scanner.Finding
}

func (b *book) activityRows() []activityRow {
	d := b.derived
	var out []activityRow
	for _, a := range b.r.DPIA.Activities {
		ar := activityRow{a: a, tables: d.activityTables[a.ID]}
		for _, ref := range a.Tables {
			if len(d.find(a.Source, ref)) == 0 {
				ar.missing = append(ar.missing, ref)
			}
		}
		for _, t := range ar.tables {
			ar.findings = append(ar.findings, d.findingsByTable[t.key()]...)
		}
		out = append(out, ar)
	}
	// Personal data that no activity covers: DSC-02's tables, shown as one row so the
	// gap sits beside the declared record.
	un := activityRow{a: Activity{ID: unmappedID, Name: "Personal data in no processing activity"}}
	for _, t := range d.tables {
		if t.Personal && !t.IsView && len(d.activitiesByTable[t.key()]) == 0 {
			un.tables = append(un.tables, t)
			un.findings = append(un.findings, d.findingsByTable[t.key()]...)
		}
	}
	if len(b.r.DPIA.Activities) > 0 && len(un.tables) > 0 {
		out = append(out, un)
	}
	return out
}

// processing writes the record of processing activities beside what the scan saw in
// their tables (Art. 30(1), Art. 35(7)(a)); docs/rule-catalogue.md §5 sheet 3.
func (b *book) processing() error {
	rows := b.activityRows()
	d := b.derived
	fill := func(i int, row []any) {
		ar := rows[i]
		a := ar.a
		row[0], row[1], row[2], row[3], row[4] = a.ID, a.Name, a.Purpose, basisWords(a.LawfulBasis), a.Art9Condition
		row[6], row[7] = a.LIARef, strings.Join(a.DataSubjects, ", ")
		row[11], row[13] = periodWords(a.Retention), strings.Join(a.Tables, ", ")
		var found, cats, special []string
		var records, subjects int64
		for _, t := range ar.tables {
			found = append(found, fmt.Sprintf("%s (%s)", t, rowsWords(t.Rows, t.IsView)))
			for _, c := range t.Categories {
				if !slices.Contains(cats, c) {
					cats = append(cats, c)
				}
			}
			for _, c := range t.Special {
				if !slices.Contains(special, c) {
					special = append(special, c)
				}
			}
			if t.IsView || t.Rows < 0 {
				continue
			}
			records += t.Rows
			if _, ok := d.subjectByTable[t.key()]; ok {
				subjects += t.Rows
			}
		}
		row[14], row[15], row[16] = strings.Join(found, "; "), categoriesWords(cats), categoriesWords(special)
		if len(ar.tables) > 0 {
			row[17] = records
		}
		if subjects > 0 {
			row[18] = subjects
		}
		oldest := ""
		for _, f := range ar.findings {
			if f.Oldest != "" && (oldest == "" || f.Oldest < oldest) {
				oldest = f.Oldest
			}
		}
		row[19] = dateValue(oldest)
		row[20] = len(ar.findings)
		row[21] = truncate(strings.Join(b.activityGaps(ar, special), "\n"))
	}
	return b.writeTable(table{spec: &processingSpec, title: "Processing inventory – record of processing (Art. 30(1), Art. 35(7)(a))", n: len(rows), fill: fill})
}

// activityGaps compares an activity's declaration with what the scan observed.
func (b *book) activityGaps(ar activityRow, special []string) []string {
	a := ar.a
	var gaps []string
	if a.ID == unmappedID {
		gaps = append(gaps, "These tables hold personal data but no activity lists them (DSC-02): add them to an activity or delete the data.")
	}
	for _, ref := range ar.missing {
		gaps = append(gaps, fmt.Sprintf("Declared table %s was not found in the scanned sources.", ref))
	}
	if len(special) > 0 && a.Art9Condition == "" && a.ID != unmappedID {
		gaps = append(gaps, fmt.Sprintf("Special-category data observed (%s) but no Art. 9(2) condition declared.", categoriesWords(special)))
	}
	if strings.Contains(strings.ToLower(a.LawfulBasis), "legitimate") && a.LIARef == "" {
		gaps = append(gaps, "Legitimate interest without an LIA reference.")
	}
	if a.ID != unmappedID {
		if a.LawfulBasis == "" {
			gaps = append(gaps, "No lawful basis declared.")
		}
		if a.Retention == "" {
			gaps = append(gaps, "No retention period declared.")
		}
		if len(a.DataSubjects) == 0 {
			gaps = append(gaps, "No data-subject categories declared.")
		}
		ruled := slices.ContainsFunc(ar.tables, func(t *tableInfo) bool { return len(b.derived.retentionByTable[t.key()]) > 0 })
		if a.Retention != "" && !ruled && len(ar.tables) > 0 {
			gaps = append(gaps, fmt.Sprintf("Retention of %s is declared but no retention rule in the mapping enforces it on these tables.", periodWords(a.Retention)))
		}
	}
	if s := ruleCounts(ar.findings); s != "" {
		gaps = append(gaps, "Findings: "+s+".")
	}
	return gaps
}

// ruleCounts summarises findings as "RET-01 ×1 (45 records), SEC-01 ×2 (…)".
func ruleCounts(fs []*scanner.Finding) string {
	type agg struct {
		n       int
		records int64
	}
	by := map[string]*agg{}
	var order []string
	for _, f := range fs {
		a, ok := by[f.RuleID]
		if !ok {
			a = &agg{}
			by[f.RuleID] = a
			order = append(order, f.RuleID)
		}
		a.n++
		a.records += f.RecordsAffected
	}
	slices.Sort(order)
	parts := make([]string, len(order))
	for i, id := range order {
		parts[i] = fmt.Sprintf("%s ×%d (%s records)", id, by[id].n, thousands(by[id].records))
	}
	return strings.Join(parts, ", ")
}
