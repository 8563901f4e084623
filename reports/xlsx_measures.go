package reports

import (
	"strings"
)

const (
	colMeasureStatus = "Status"
	colRiskEffect    = "Effect on risk"
	colApproved      = "Approved"
)

var measureCols = []column{
	{colMeasureID, kindAuto, 14}, {"Rule id", kindAuto, 10}, {"Title", kindAuto, 36}, {"Type", kindAuto, 14},
	{"Findings", kindAuto, 9}, {"Linked findings", kindAuto, 40}, {"Remediation", kindAuto, 50}, {"SQL hint", kindAuto, 50},
	{"Owner", kindDPO, 16}, {colDueDate, kindDPO, 12}, {colMeasureStatus, kindDPO, 12},
	{colRiskEffect, kindDPO, 14}, {colApproved, kindDPO, 10},
}

// measuresSheet writes the action plan (Art. 35(7)(d)): one measure per rule with
// findings. There are at most as many rows as rules, so the normal API is enough.
func (b *book) measuresSheet() error {
	const s = sheetMeasures
	st := b.st
	b.backLink(s, "Measures – remediation plan, Art. 35(7)(d)")
	for i, c := range measureCols {
		b.set(s, i+1, headerRow, c.title, b.headerStyle(c.kind))
		b.do(func() error { return b.f.SetColWidth(s, colName(i+1), colName(i+1), c.width) })
	}
	for i, m := range b.measures {
		row := firstRow + i
		short := make([]string, len(m.Fingerprints))
		for j, fp := range m.Fingerprints {
			short[j] = shortFingerprint(fp)
		}
		vals := []any{m.ID, m.RuleID, m.Title, m.Type, len(m.Fingerprints), strings.Join(short, ", "), m.Remediation, m.SQLHint}
		for j, v := range vals {
			b.set(s, j+1, row, v, 0)
		}
		for j := len(vals); j < len(measureCols); j++ {
			style := st.dpo
			if measureCols[j].title == colDueDate {
				style = st.dpoDate
			}
			b.set(s, j+1, row, nil, style)
		}
	}
	if len(b.measures) == 0 {
		b.set(s, 1, firstRow, "No findings, so no measures.", st.subtitle)
	}
	last := max(firstRow, firstRow+len(b.measures)-1)
	col := func(t string) string { return colRange(colIndex(measureCols, t), firstRow, last) }
	b.do(func() error { return b.dateInput(s, col(colDueDate)) })
	b.do(func() error {
		return b.dropList(s, col(colMeasureStatus), "Progress of the measure", measureStatuses...)
	})
	b.do(func() error {
		return b.dropList(s, col(colRiskEffect), "What the measure does to the risk", riskEffects...)
	})
	b.do(func() error {
		return b.dropList(s, col(colApproved), "Measure approved by the controller?", yesNoChoices...)
	})
	b.do(func() error { return b.f.SetPanes(s, headerPanes()) })
	b.do(func() error { return b.f.AutoFilter(s, cell(1, headerRow)+":"+cell(len(measureCols), last), nil) })
	b.do(func() error { return b.protect(s) })
	return b.err
}
