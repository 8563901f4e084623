package reports

import (
	"fmt"
	"strconv"

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

// riskBands states the product convention (docs/rule-catalogue.md §3; not a regulatory scale).
var riskBands = []struct {
	level rules.RiskLevel
	span  string
}{
	{rules.RiskLow, "S×L 1–3"}, {rules.RiskMedium, "S×L 4–6"}, {rules.RiskHigh, "S×L 8–9"}, {rules.RiskCritical, "S×L 12–16"},
}

// Heat-map layout: two grids side by side, before and after measures. Likelihood
// runs up the rows (4 at the top), severity along the columns.
const (
	matrixTop       = 5 // row of likelihood 4
	matrixLeftCol   = 3 // column of severity 1, before measures
	matrixAfterLeft = 10
)

// matrixCell is where the before-measures count for severity s and likelihood l sits.
func matrixCell(s, l int) string { return cell(matrixLeftCol+s-1, matrixTop+4-l) }

// matrixAfterCell is where the after-measures count sits.
func matrixAfterCell(s, l int) string { return cell(matrixAfterLeft+s-1, matrixTop+4-l) }

// riskMatrix writes the CNIL-style heat maps: findings per severity × likelihood before
// measures (the assessed ratings of Findings: the DPO's overrides, else the scanner's)
// and after (the residual ratings of their risks on the Risk register, else the same).
// Counts are COUNTIFS over Findings, so they follow the DPO's edits; each cell carries
// a light fill of its risk band, turned to the band's strong colour by a conditional
// format once it holds a finding. The sheet is streamed so the formula cells keep
// numeric cached values.
func (b *book) riskMatrix() error {
	const s = sheetRiskMatrix
	st := b.st
	if err := b.fitToPage(s); err != nil { // before the stream writer starts
		return err
	}
	sw, err := b.f.NewStreamWriter(s)
	if err != nil {
		return err
	}
	widths := []float64{12, 16, 14, 14, 14, 14, 4, 12, 16, 14, 14, 14, 14}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return err
		}
	}
	m := matrixRows{}
	m.put(1, 1, styled(st.link, backText))
	m.put(2, 1, styled(st.title, "Risk matrix – severity × likelihood, before and after measures"))
	m.put(2, 2, styled(st.subtitle, "Counts of findings. Before: assessed ratings (DPO override, else the scanner's). After: the residual rating of the finding's risk on the Risk register; a risk you have not rated is not counted after measures."))
	m.put(matrixLeftCol, 4, styled(st.matrixHead, "Before measures"))
	m.put(matrixAfterLeft, 4, styled(st.matrixHead, "After measures"))
	lastF := strconv.Itoa(max(firstRow, firstRow+len(b.r.Findings)-1))
	totalBefore, totalAfter, cfs := b.matrixGrids(m, lastF)
	totalRow := matrixTop + 7
	b.matrixTotals(m, totalRow, totalBefore, totalAfter, lastF)
	next := b.streamLegend(m.put, totalRow+3)
	if err := m.write(sw, totalRow, next); err != nil {
		return err
	}
	return b.matrixFinish(sw, cfs)
}

// matrixRows are a streamed sheet's cells by row, filled in any order.
type matrixRows map[int][]any

func (m matrixRows) put(col, row int, v any) {
	r := m[row]
	for len(r) < col {
		r = append(r, nil)
	}
	r[col-1] = v
	m[row] = r
}

// write streams the rows up to next, giving the title, grid and legend rows their heights.
func (m matrixRows) write(sw *excelize.StreamWriter, totalRow, next int) error {
	for r := 1; r < next; r++ {
		vals, ok := m[r]
		opts := excelize.RowOpts{}
		switch {
		case r == 1:
			opts.Height = 24
		case r >= matrixTop && r <= matrixTop+4:
			opts.Height = 36
		case r >= totalRow+5 && r < next && len(vals) > 3:
			opts.Height = 48
		}
		if !ok && opts.Height == 0 {
			continue
		}
		if err := sw.SetRow(cell(1, r), vals, opts); err != nil {
			return err
		}
	}
	return nil
}

func styled(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }

// matrixCF is a grid cell that turns to its band's strong colour once it holds a finding.
type matrixCF struct {
	ref string
	lvl rules.RiskLevel
}

// matrixGrids puts the before and after grids, COUNTIFS over Findings with the counts
// cached; it returns both totals and the cells to format.
func (b *book) matrixGrids(m matrixRows, lastF string) (totalBefore, totalAfter int, cfs []matrixCF) {
	st := b.st
	var before, after [5][5]int
	for i := range b.r.Findings {
		f := &b.r.Findings[i]
		as, al, rs, rl := b.ratings(f)
		if validScale(as) && validScale(al) {
			before[as][al]++
		}
		if validScale(rs) && validScale(rl) {
			after[rs][rl]++
		}
	}
	countF := func(sevCol, likCol string, sev, lik int) string {
		rng := func(c string) string { return sheetRef(sheetFindings, "$"+c+"$3:$"+c+"$"+lastF) }
		return fmt.Sprintf("COUNTIFS(%s,%d,%s,%d)", rng(sevCol), sev, rng(likCol), lik)
	}
	for _, g := range []struct {
		left       int
		counts     *[5][5]int
		sevC, likC string
		total      *int
	}{
		{matrixLeftCol, &before, fcAssessedSev, fcAssessedLik, &totalBefore},
		{matrixAfterLeft, &after, fcResidualSev, fcResidualLik, &totalAfter},
	} {
		for l := 4; l >= 1; l-- {
			row := matrixTop + 4 - l
			m.put(g.left-1, row, styled(st.matrixAxis, fmt.Sprintf("%d %s", l, scales[l-1].word)))
			for sev := 1; sev <= 4; sev++ {
				lvl := rules.Risk(rules.Severity(sev), rules.Likelihood(l))
				n := g.counts[sev][l]
				m.put(g.left+sev-1, row, excelize.Cell{StyleID: st.band[lvl], Value: n, Formula: countF(g.sevC, g.likC, sev, l)})
				cfs = append(cfs, matrixCF{cell(g.left+sev-1, row), lvl})
				*g.total += n
			}
		}
		for sev := 1; sev <= 4; sev++ {
			m.put(g.left+sev-1, matrixTop+4, styled(st.matrixAxis, fmt.Sprintf("%d %s", sev, scales[sev-1].word)))
		}
		m.put(g.left-2, matrixTop, styled(st.matrixHead, "Likelihood ↑"))
		m.put(g.left, matrixTop+5, styled(st.matrixHead, "Severity →"))
	}
	return totalBefore, totalAfter, cfs
}

// matrixTotals puts the totals under the grids and the findings not rated yet.
func (b *book) matrixTotals(m matrixRows, totalRow, totalBefore, totalAfter int, lastF string) {
	st := b.st
	m.put(2, totalRow, styled(st.label, "Total findings"))
	m.put(matrixLeftCol, totalRow, styled(st.value, totalBefore))
	m.put(matrixAfterLeft-1, totalRow, styled(st.label, "Total findings"))
	m.put(matrixAfterLeft, totalRow, styled(st.value, totalAfter))
	if n := len(b.r.Findings) - totalBefore; n > 0 {
		m.put(matrixLeftCol+1, totalRow, styled(st.subtitle, fmt.Sprintf("%d finding(s) with a scale outside 1–4 are not shown", n)))
	}
	// After measures counts only the findings whose risk the DPO has rated: until then
	// the residual risk is "not assessed", not the same as before.
	notYet := 0
	for i := range b.r.Findings {
		if _, _, rs, _ := b.ratings(&b.r.Findings[i]); rs == 0 {
			notYet++
		}
	}
	m.put(matrixAfterLeft-1, totalRow+1, styled(st.label, "Not assessed yet"))
	m.put(matrixAfterLeft, totalRow+1, excelize.Cell{StyleID: st.value, Value: notYet,
		Formula: fmt.Sprintf(`COUNTIF(%s,"%s")`, sheetRef(sheetFindings, "$"+fcResidualSev+"$3:$"+fcResidualSev+"$"+lastF), notAssessed)})
	m.put(matrixAfterLeft+1, totalRow+1, styled(st.subtitle, "findings whose residual risk you have not rated on the Risk register"))
}

// matrixFinish merges the grid headings and legend cells, adds the conditional formats,
// the back link and print setup, and flushes the stream.
func (b *book) matrixFinish(sw *excelize.StreamWriter, cfs []matrixCF) error {
	const s = sheetRiskMatrix
	for _, g := range []int{matrixLeftCol, matrixAfterLeft} {
		for _, m := range [][2]string{
			{cell(g, 4), cell(g+3, 4)},
			{cell(g-2, matrixTop), cell(g-2, matrixTop+3)},
			{cell(g, matrixTop+5), cell(g+3, matrixTop+5)},
		} {
			if err := sw.MergeCell(m[0], m[1]); err != nil {
				return err
			}
		}
	}
	for _, m := range b.legendMerges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	for _, cf := range cfs {
		id := b.st.riskCF[cf.lvl]
		if err := b.f.SetConditionalFormat(s, cf.ref, []excelize.ConditionalFormatOptions{
			{Type: "cell", Criteria: ">", Value: "0", Format: &id},
		}); err != nil {
			return err
		}
	}
	if err := b.f.SetCellHyperLink(s, "A1", sheetRef(sheetSummary, "A1"), "Location"); err != nil {
		return err
	}
	if err := b.printSetup(s, 200); err != nil {
		return err
	}
	if err := b.protect(s); err != nil {
		return err
	}
	return sw.Flush()
}

func validScale(n int) bool { return n >= 1 && n <= 4 }

// streamLegend lays out the scales and the risk convention below the grids, for a
// streamed sheet: descriptions span merged cells. It returns the next free row.
func (b *book) streamLegend(put func(col, row int, v any), row int) int {
	st := b.st
	c := func(style int, v any) excelize.Cell { return excelize.Cell{StyleID: style, Value: v} }
	b.legendMerges = nil
	merge := func(c1, c2, r int) { b.legendMerges = append(b.legendMerges, [2]string{cell(c1, r), cell(c2, r)}) }
	put(2, row, c(st.section, "Scales (CNIL)"))
	row++
	put(2, row, c(st.hdrAuto, "Level"))
	put(3, row, c(st.hdrAuto, "Word"))
	put(4, row, c(st.hdrAuto, "Severity: impact on data subjects"))
	put(9, row, c(st.hdrAuto, "Likelihood of the feared event"))
	merge(4, 7, row)
	merge(9, 13, row)
	row++
	for _, sc := range scales {
		put(2, row, c(st.autoWrap, fmt.Sprint(sc.level)))
		put(3, row, c(st.autoWrap, sc.word))
		put(4, row, c(st.autoWrap, sc.severity))
		put(9, row, c(st.autoWrap, sc.likelihood))
		merge(4, 7, row)
		merge(9, 13, row)
		row++
	}
	row++
	put(2, row, c(st.section, "Risk level convention (product convention, not a regulatory scale)"))
	row++
	put(2, row, c(st.hdrAuto, "Risk level"))
	put(3, row, c(st.hdrAuto, "S × L"))
	row++
	for _, band := range riskBands {
		put(2, row, c(st.legendBand[band.level], band.level.String()))
		put(3, row, band.span)
		row++
	}
	return row
}

// scaleLegend writes the CNIL scales and the risk convention on Methodology from row
// (columns A–G, descriptions in merged cells sized to their text) and returns the next
// free row. The Risk matrix has its streamed twin, streamLegend.
func (b *book) scaleLegend(s string, row int) int {
	st := b.st
	b.set(s, 1, row, "Scales (CNIL)", st.section)
	row++
	merge := func(c1, c2, r int) {
		b.do(func() error { return b.f.MergeCell(s, cell(c1, r), cell(c2, r)) })
	}
	b.set(s, 1, row, "Level", st.hdrAuto)
	b.set(s, 2, row, "Word", st.hdrAuto)
	b.set(s, 3, row, "Severity: impact on data subjects", st.hdrAuto)
	b.set(s, 5, row, "Likelihood of the feared event", st.hdrAuto)
	merge(3, 4, row)
	merge(5, 7, row)
	row++
	desc := []column{{width: 56, format: fmtWrap}, {width: 68, format: fmtWrap}}
	for _, sc := range scales {
		b.set(s, 1, row, fmt.Sprint(sc.level), st.autoWrap)
		b.set(s, 2, row, sc.word, st.autoWrap)
		b.set(s, 3, row, sc.severity, st.autoWrap)
		b.set(s, 5, row, sc.likelihood, st.autoWrap)
		merge(3, 4, row)
		merge(5, 7, row)
		if h := rowHeight(desc, []any{sc.severity, sc.likelihood}, false); h > 0 {
			r := row
			b.do(func() error { return b.f.SetRowHeight(s, r, h) })
		}
		row++
	}
	row++
	b.set(s, 1, row, "Risk level convention (product convention, not a regulatory scale)", st.section)
	row++
	b.set(s, 1, row, "Risk level", st.hdrAuto)
	b.set(s, 2, row, "Severity × likelihood", st.hdrAuto)
	row++
	for _, band := range riskBands {
		b.set(s, 1, row, band.level.String(), st.legendBand[band.level])
		b.set(s, 2, row, band.span, 0)
		row++
	}
	return row + 1
}
