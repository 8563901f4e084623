package reports

import (
	"strings"

	"github.com/gdprscan/gdprscan/scanner"
)

var retentionCols = []column{
	configCol("Source", 10), configCol(colRuleID, 12), configCol("Table", 18), configCol("Subject filter", 22).as(fmtWrap),
	configCol("Anchor", 24).as(fmtWrap), configCol("Period", 10), configCol("Grace period", 10), configCol("End action", 10),
	configCol("Legal justification", 28).as(fmtWrap), configCol("Hold predicate", 20).as(fmtWrap),
	autoCol("Rows in scope", 10).as(fmtInt), autoCol("Rows overdue", 10).as(fmtInt), autoCol("Oldest overdue", 11).as(fmtDate),
	autoCol("Held rows", 9).as(fmtInt), autoCol("Soft-deleted awaiting purge", 11).as(fmtInt),
	autoCol("Other findings", 30).as(fmtWrap),
	dpoCol("Accepted exceptions", 30).as(fmtWrap), dpoCol("Comment", 28).as(fmtWrap),
}

var retentionSpec = sheetSpec{name: sheetRetention, cols: retentionCols, key: []string{"Source", colRuleID, "Table"}}

// noRule is the rule id of a personal-data table that no retention rule covers.
const noRule = "(no rule)"

type retentionRow struct {
	rule   RetentionRule
	tables []*tableInfo
}

// retention writes the retention rules and what is kept past them (Art. 5(1)(e),
// Art. 30(1)(f)); docs/rule-catalogue.md §5 sheet 6. Personal-data tables without a rule follow,
// one row each.
func (b *book) retention() error {
	d := b.derived
	var rows []retentionRow
	for _, rr := range b.r.DPIA.Retention {
		rows = append(rows, retentionRow{rule: rr, tables: d.find(rr.Source, rr.Table)})
	}
	for _, t := range d.tables {
		if t.Personal && !t.IsView && len(d.retentionByTable[t.key()]) == 0 {
			rows = append(rows, retentionRow{rule: RetentionRule{Source: t.Source, ID: noRule, Table: t.Schema + "." + t.Table}, tables: []*tableInfo{t}})
		}
	}
	fill := func(i int, row []any) {
		rr := rows[i]
		r := rr.rule
		row[0], row[1], row[2], row[3], row[4] = r.Source, r.ID, r.Table, r.SubjectFilter, r.Anchor
		row[5], row[6], row[7], row[8], row[9] = periodWords(r.Period), periodWords(r.GracePeriod), r.EndAction, r.LegalBasis, r.Hold
		var inScope, overdue, purge int64
		oldest := ""
		var other []*scanner.Finding
		for _, t := range rr.tables {
			if t.Rows > 0 {
				inScope += t.Rows
			}
			for _, f := range d.findingsByTable[t.key()] {
				switch {
				case f.RuleID == "RET-01" && r.ID != noRule && f.Evidence["scope"] == r.ID:
					overdue += f.RecordsAffected
					if f.Oldest != "" && (oldest == "" || f.Oldest < oldest) {
						oldest = f.Oldest
					}
				case f.RuleID == "RET-04":
					purge += f.RecordsAffected
				case strings.HasPrefix(f.RuleID, "RET-") || f.RuleID == "DSC-04":
					if f.RuleID != "RET-01" {
						other = append(other, f)
					}
				}
			}
		}
		if len(rr.tables) > 0 {
			row[10] = inScope
		}
		if r.ID != noRule && b.evaluated("RET-01", []string{r.Source}) {
			row[11] = overdue
		}
		row[12] = dateValue(oldest)
		if b.evaluated("RET-04", []string{r.Source}) {
			row[14] = purge
		}
		note := ruleCounts(other)
		switch {
		case len(rr.tables) == 0:
			note = strings.TrimPrefix(note+"; table not found in the scanned sources", "; ")
		case r.ID == noRule:
			note = strings.TrimPrefix(note+"; no retention rule maps this table (RET-03)", "; ")
		}
		row[15] = note
	}
	return b.writeTable(table{spec: &retentionSpec, title: "Retention – rules and rows kept past them (Art. 5(1)(e), Art. 30(1)(f))", n: len(rows), fill: fill})
}
