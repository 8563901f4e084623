package reports

import (
	"slices"
	"strings"

	"github.com/gdprscan/gdprscan/scanner"
)

// right is one data-subject right on the Data subject rights sheet.
type right struct {
	ID, Name, Articles string
	request            string   // RequestSource.Right that maps its requests
	rules              []string // rules whose findings concern it
}

var rightsCatalogue = []right{
	{ID: "DSR-15", Name: "Access", Articles: "Art. 12, 15"},
	{ID: "DSR-16", Name: "Rectification", Articles: "Art. 16, 19"},
	{ID: "DSR-17", Name: "Erasure", Articles: "Art. 12(3), 17, 19", request: "erasure", rules: []string{"ERA-01", "ERA-02", "ERA-03", "ERA-04"}},
	{ID: "DSR-18", Name: "Restriction", Articles: "Art. 18, 19"},
	{ID: "DSR-20", Name: "Portability", Articles: "Art. 20"},
	{ID: "DSR-21", Name: "Objection (incl. withdrawal of consent for marketing)", Articles: "Art. 7(3), 21", rules: []string{"CNS-03"}},
}

// rightsFindingCols maps rules to the columns that count their records.
var rightsFindingCols = map[string]string{
	"ERA-01": "Overdue", "ERA-02": "Erasure residuals", "ERA-03": "Re-created after erasure", "ERA-04": "Orphaned child rows",
}

var rightsCols = []column{
	autoCol("Right id", 9), autoCol("Right", 22).as(fmtWrap), autoCol("Articles", 14), configCol("Request table", 18),
	configCol("Deadline", 10), autoCol("Received", 9).as(fmtInt), autoCol("Completed", 9).as(fmtInt),
	autoCol("Open", 8).as(fmtInt), autoCol("Overdue", 8).as(fmtInt), autoCol("Median days to complete", 10).as(fmtDec),
	autoCol("Erasure residuals", 10).as(fmtInt), autoCol("Re-created after erasure", 10).as(fmtInt),
	autoCol("Orphaned child rows", 10).as(fmtInt), autoCol("Related findings", 30).as(fmtWrap),
	dpoCol("Process description", 36).as(fmtWrap), dpoCol("Art. 19 notification practice", 30).as(fmtWrap),
}

var rightsSpec = sheetSpec{name: sheetRights, cols: rightsCols, key: []string{"Right id"}}

// rights writes the state of data-subject rights (Art. 12, 15–22); docs/rule-catalogue.md §5
// sheet 7. Request figures come from the mapped request tables; the erasure findings
// give the overdue requests and what erasure left behind.
func (b *book) rights() error {
	d := b.derived
	idx := func(t string) int { return colIndex(rightsCols, t) - 1 }
	fill := func(i int, row []any) {
		rt := rightsCatalogue[i]
		row[0], row[1], row[2] = rt.ID, rt.Name, rt.Articles
		var tables, deadlines, sources []string
		var rec RequestSource
		counted := false
		for _, rs := range b.r.DPIA.Requests {
			if rs.Right != rt.request || rt.request == "" {
				continue
			}
			tables = append(tables, rs.Source+": "+rs.Table)
			deadlines = append(deadlines, periodWords(rs.Deadline))
			sources = append(sources, rs.Source)
			if rs.Counted {
				counted = true
				rec.Received += rs.Received
				rec.Completed += rs.Completed
				rec.Open += rs.Open
				rec.MedianDays = rs.MedianDays // one table per right in practice
			}
		}
		row[3], row[4] = strings.Join(tables, "; "), strings.Join(slices.Compact(deadlines), ", ")
		if counted {
			row[5], row[6], row[7] = rec.Received, rec.Completed, rec.Open
			if rec.MedianDays >= 0 {
				row[9] = rec.MedianDays
			}
		}
		var fs []*scanner.Finding
		var notEval []string
		for _, id := range rt.rules {
			fs = append(fs, d.byRule[id]...)
			col, ok := rightsFindingCols[id]
			if !ok {
				continue
			}
			if st := b.ruleStatus(id, sources); st != "ran" {
				if st != "" {
					notEval = append(notEval, id)
				}
				continue
			}
			recs, _, _ := d.sumRule(id, nil)
			row[idx(col)] = recs
		}
		related := ruleCounts(fs)
		if len(notEval) > 0 {
			related = strings.TrimPrefix(related+"; not evaluated: "+strings.Join(notEval, ", "), "; ")
		}
		if len(tables) == 0 {
			related = strings.TrimPrefix(related+"; no request table mapped", "; ")
		}
		row[13] = related
	}
	return b.writeTable(table{spec: &rightsSpec, title: "Data subject rights – requests and erasure (Art. 12, 15–22)", n: len(rightsCatalogue), fill: fill})
}
