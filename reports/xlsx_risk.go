package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
)

// scale is one level of the CNIL severity and likelihood scales (PIA methodology).
type scale struct {
	level                int
	word                 string
	severity, likelihood string
}

var scales = []scale{
	{1, "negligible",
		"Data subjects will not be affected or may meet a few inconveniences, which they will overcome without any problem.",
		"It does not seem possible for the risk sources to make the threat happen."},
	{2, "limited",
		"Data subjects may meet significant inconveniences, which they will be able to overcome despite a few difficulties.",
		"It seems difficult for the risk sources to make the threat happen."},
	{3, "significant",
		"Data subjects may meet significant consequences, which they should be able to overcome albeit with real and serious difficulties.",
		"It seems possible for the risk sources to make the threat happen."},
	{4, "maximum",
		"Data subjects may meet significant, or even irreversible, consequences, which they may not overcome.",
		"It seems extremely easy for the risk sources to make the threat happen."},
}

// riskBands states the product convention (DOMAIN.md §3; not a regulatory scale).
var riskBands = []struct {
	level rules.RiskLevel
	span  string
}{
	{rules.RiskLow, "S×L 1–3"}, {rules.RiskMedium, "S×L 4–6"}, {rules.RiskHigh, "S×L 8–9"}, {rules.RiskCritical, "S×L 12–16"},
}

// Heat-map layout: likelihood runs up the rows (4 at the top), severity along the columns.
const (
	matrixTop     = 5 // row of likelihood 4
	matrixLeftCol = 3 // column of severity 1
)

// matrixCell is where the count for severity s and likelihood l sits.
func matrixCell(s, l int) string { return cell(matrixLeftCol+s-1, matrixTop+4-l) }

// riskMatrix writes the CNIL-style heat map: the count of findings per severity ×
// likelihood. Each cell carries a light fill of its risk band; a conditional format turns
// it to the band's strong colour once it holds a finding, so hot spots stand out.
func (b *book) riskMatrix() error {
	const s = sheetRiskMatrix
	st := b.st
	b.backLink(s, "Risk matrix – severity × likelihood")
	b.set(s, 2, 2, "Counts of findings at their scanner-assigned severity and likelihood (DPO overrides are on the Findings sheet).", st.subtitle)

	hm := heatMap(b.r.Findings)
	total := 0
	for l := 4; l >= 1; l-- {
		b.set(s, 2, matrixTop+4-l, fmt.Sprintf("%d %s", l, scales[l-1].word), st.matrixAxis)
		for sev := 1; sev <= 4; sev++ {
			lvl := rules.Risk(rules.Severity(sev), rules.Likelihood(l))
			ref := matrixCell(sev, l)
			b.set(s, matrixLeftCol+sev-1, matrixTop+4-l, hm[sev][l], st.band[lvl])
			id := st.riskCF[lvl]
			b.do(func() error {
				return b.f.SetConditionalFormat(s, ref, []excelize.ConditionalFormatOptions{
					{Type: "cell", Criteria: ">", Value: "0", Format: &id},
				})
			})
			total += hm[sev][l]
		}
	}
	axisRow := matrixTop + 4
	for sev := 1; sev <= 4; sev++ {
		b.set(s, matrixLeftCol+sev-1, axisRow, fmt.Sprintf("%d %s", sev, scales[sev-1].word), st.matrixAxis)
	}
	// Axis titles span the grid.
	b.set(s, 1, matrixTop, "Likelihood ↑", st.matrixHead)
	b.do(func() error { return b.f.MergeCell(s, cell(1, matrixTop), cell(1, matrixTop+3)) })
	b.set(s, matrixLeftCol, axisRow+1, "Severity →", st.matrixHead)
	b.do(func() error {
		return b.f.MergeCell(s, cell(matrixLeftCol, axisRow+1), cell(matrixLeftCol+3, axisRow+1))
	})
	row := axisRow + 3
	b.set(s, 2, row, "Findings in the matrix", st.label)
	b.set(s, 3, row, total, 0)
	if n := len(b.r.Findings) - total; n > 0 {
		b.set(s, 4, row, fmt.Sprintf("%d finding(s) with a scale outside 1–4 are not shown", n), st.subtitle)
	}
	// The legend sits right of the grid so the grid's columns keep an even width.
	b.scaleLegend(s, 8, 3)

	for r := matrixTop; r <= axisRow; r++ {
		b.do(func() error { return b.f.SetRowHeight(s, r, 36) })
	}
	b.do(func() error { return b.f.SetColWidth(s, "A", "A", 14) })
	b.do(func() error { return b.f.SetColWidth(s, "B", "B", 18) })
	b.do(func() error { return b.f.SetColWidth(s, "C", "F", 18) })
	b.do(func() error { return b.f.SetColWidth(s, "H", "I", 12) })
	b.do(func() error { return b.f.SetColWidth(s, "J", "K", 48) })
	b.do(func() error { return b.protect(s) })
	return b.err
}

// scaleLegend writes the CNIL scales and the risk convention with its top-left at
// (col, row) and returns the next free row. Risk matrix and Methodology both carry it.
func (b *book) scaleLegend(s string, col, row int) int {
	st := b.st
	b.set(s, col, row, "Scales (CNIL)", st.section)
	row++
	for i, t := range []string{"Level", "Word", "Severity: impact on data subjects", "Likelihood of the feared event"} {
		b.set(s, col+i, row, t, st.hdrAuto)
	}
	row++
	for _, sc := range scales {
		b.set(s, col, row, sc.level, 0)
		b.set(s, col+1, row, sc.word, 0)
		b.set(s, col+2, row, sc.severity, st.autoWrap)
		b.set(s, col+3, row, sc.likelihood, st.autoWrap)
		row++
	}
	row++
	b.set(s, col, row, "Risk level convention (product convention, not a regulatory scale)", st.section)
	row++
	for i, t := range []string{"Risk level", "Severity × likelihood"} {
		b.set(s, col+i, row, t, st.hdrAuto)
	}
	row++
	for _, band := range riskBands {
		b.set(s, col, row, band.level.String(), st.band[band.level])
		b.set(s, col+1, row, band.span, 0)
		row++
	}
	return row + 1
}
