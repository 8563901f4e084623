package reports

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Column titles referred to by code (validations, formats, links) as well as by the
// layout below.
const (
	colFindingID     = "Finding id"
	colRiskLevel     = "Risk level"
	colMeasureID     = "Measure id"
	colDPOStatus     = "DPO status"
	colDueDate       = "Due date"
	colSevOverride   = "Severity override"
	colLikOverride   = "Likelihood override"
	colClassOverride = "Classification override"
)

var inventoryCols = []column{
	{"Source", kindAuto, 14}, {"Database", kindAuto, 14}, {"Schema", kindAuto, 12}, {"Table", kindAuto, 22},
	{"Column", kindAuto, 22}, {"Type", kindAuto, 16}, {"View?", kindAuto, 7}, {"Row estimate", kindAuto, 12},
	{"Personal", kindAuto, 9}, {"Category", kindAuto, 20}, {"Special (Art. 9/10)", kindAuto, 11},
	{"Confidence", kindAuto, 11}, {"Signals", kindAuto, 32}, {"Value ratio", kindAuto, 10},
	{"Sample size", kindAuto, 10}, {"Masked examples", kindAuto, 36},
	{colClassOverride, kindDPO, 22}, {"Reason", kindDPO, 36},
}

// inventory writes one row per scanned column, personal or not: the Art. 35(7)(a)
// description of the data, with the evidence behind each classification.
func (b *book) inventory() error {
	st := b.st
	var dpo any = excelize.Cell{StyleID: st.dpo} // boxed once: the same empty DPO cell on every row
	items := b.r.Inventory
	fill := func(i int, row []any) {
		it := items[i]
		special := ""
		switch {
		case it.Category.Special():
			special = "Art. 9"
		case it.Category.CriminalData():
			special = "Art. 10"
		}
		row[0], row[1], row[2], row[3], row[4] = it.Source, it.Database, it.Schema, it.Table, it.Column
		row[5] = it.DataType
		row[6] = yesNo(it.IsView)
		row[7] = excelize.Cell{StyleID: st.autoInt, Value: it.RowEstimate}
		row[8] = yesNo(it.Personal)
		row[9] = string(it.Category)
		row[10] = special
		row[11] = excelize.Cell{StyleID: st.autoDec, Value: it.Confidence}
		row[12] = joinTrunc(it.Evidence.Signals, ", ")
		row[13] = excelize.Cell{StyleID: st.autoPct, Value: it.Evidence.ValueRatio}
		row[14] = it.Evidence.Sampled
		row[15] = joinTrunc(it.MaskedExamples, " | ")
		row[16], row[17] = dpo, dpo
	}
	extras := func(last int) error {
		c := colIndex(inventoryCols, colClassOverride)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(colRange(c, firstRow, last) + " " + colRange(c+1, firstRow, last))
		dv.SetInput("DPO", "Override: a category id (see Methodology), or none. Give the reason beside it.")
		return b.f.AddDataValidation(sheetInventory, dv)
	}
	return b.streamTable(sheetInventory, "Data inventory – Art. 35(7)(a), Art. 5(1)(c)", inventoryCols, len(items), fill, extras)
}

var findingCols = []column{
	{colFindingID, kindAuto, 22}, {"Rule id", kindAuto, 10}, {"Title", kindAuto, 36}, {"Principle", kindAuto, 18},
	{"GDPR articles", kindAuto, 18}, {"Fine tier", kindAuto, 8}, {"Source", kindAuto, 12}, {"Target", kindAuto, 34},
	{"Records", kindAuto, 10}, {"Subjects", kindAuto, 10}, {"Estimated?", kindAuto, 10}, {"Oldest", kindAuto, 12},
	{"Severity", kindAuto, 9}, {"Likelihood", kindAuto, 10}, {colRiskLevel, kindAuto, 10}, {"Status", kindAuto, 10},
	{"Reproduce SQL", kindAuto, 40}, {"Remediation", kindAuto, 40}, {colMeasureID, kindAuto, 12},
	{colDPOStatus, kindDPO, 14}, {"Owner", kindDPO, 16}, {colDueDate, kindDPO, 12},
	{colSevOverride, kindDPO, 10}, {colLikOverride, kindDPO, 10}, {"Reason", kindDPO, 36},
}

// findings writes the evidence for Art. 35(7)(c): one row per finding, riskiest first.
// The measure id jumps to the Measures row through a HYPERLINK formula rather than a
// sheet hyperlink: Excel caps those at 65,530 per sheet, formulas have no such cap.
func (b *book) findings() error {
	st := b.st
	var dpo, dpoDate any = excelize.Cell{StyleID: st.dpo}, excelize.Cell{StyleID: st.dpoDate}
	fs := b.r.Findings
	fill := func(i int, row []any) {
		f := fs[i]
		row[0], row[1], row[2], row[3] = f.Fingerprint, f.RuleID, f.Title, f.Principle
		row[4] = strings.Join(f.Articles, "; ")
		row[5] = string(f.FineTier)
		row[6], row[7] = f.Location.Source, f.Location.String()
		row[8] = excelize.Cell{StyleID: st.autoInt, Value: f.RecordsAffected}
		row[9] = excelize.Cell{StyleID: st.autoInt, Value: f.SubjectsAffected}
		row[10] = yesNo(f.Estimated)
		row[11] = f.Oldest
		row[12], row[13] = int(f.Severity), int(f.Likelihood)
		row[14] = f.RiskLevel.String()
		row[15] = f.Status
		row[16] = truncate(f.ReproduceSQL)
		row[17] = truncate(f.Remediation)
		if mr, ok := b.measureRow[f.RuleID]; ok {
			id := measureID(f.RuleID)
			row[18] = excelize.Cell{StyleID: st.link, Value: id, Formula: hyperlinkFormula(sheetRef(sheetMeasures, "A"+strconv.Itoa(mr)), id)}
		}
		row[19], row[20], row[21], row[22], row[23], row[24] = dpo, dpo, dpoDate, dpo, dpo, dpo
	}
	extras := func(last int) error {
		col := func(t string) string { return colRange(colIndex(findingCols, t), firstRow, last) }
		if err := b.riskFormats(sheetFindings, col(colRiskLevel)); err != nil {
			return err
		}
		if err := b.dropList(sheetFindings, col(colDPOStatus), "Your assessment of the finding", findingStatuses...); err != nil {
			return err
		}
		if err := b.dateInput(sheetFindings, col(colDueDate)); err != nil {
			return err
		}
		return b.dropList(sheetFindings, col(colSevOverride)+" "+col(colLikOverride),
			"1 negligible, 2 limited, 3 significant, 4 maximum (CNIL scale); give the reason", scaleChoices...)
	}
	return b.streamTable(sheetFindings, "Findings – evidence for Art. 35(7)(c)", findingCols, len(fs), fill, extras)
}

// hyperlinkFormula builds =HYPERLINK("#location","text"); "#" makes it a link inside
// the workbook.
func hyperlinkFormula(location, text string) string {
	q := func(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }
	return "HYPERLINK(" + q("#"+location) + "," + q(text) + ")"
}
