package reports

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// Column titles referred to by code (validations, formats, links, re-import) as well as
// by the layouts below. Renaming one is a contract change: add the old title to the
// sheet's aliases so last week's workbook still reads.
const (
	colFindingID     = "Finding id"
	colRiskLevel     = "Risk level"
	colMeasureID     = "Measure id"
	colRiskID        = "Risk id"
	colRuleID        = "Rule id"
	colTitle         = "Title"
	colTarget        = "Target"
	colRecords       = "Records"
	colSeverity      = "Severity"
	colLikelihood    = "Likelihood"
	colDPOStatus     = "DPO status"
	colOwner         = "Owner"
	colDueDate       = "Due date"
	colSevOverride   = "Severity override"
	colLikOverride   = "Likelihood override"
	colReason        = "Reason"
	colAssessedSev   = "Assessed severity"
	colAssessedLik   = "Assessed likelihood"
	colResidualSev   = "Residual severity"
	colResidualLik   = "Residual likelihood"
	colClassOverride = "Classification override"
	colTicket        = "Ticket"
)

var inventoryCols = []column{
	autoCol("Source", 12), autoCol("Database", 12), autoCol("Schema", 10), autoCol("Table", 22),
	autoCol("Column", 22), autoCol("Type", 14), autoCol("View?", 7), autoCol("Row estimate", 11).as(fmtInt),
	autoCol("Non-null %", 9).as(fmtPct), autoCol("Personal", 9), autoCol("Category", 20),
	autoCol("Special (Art. 9/10)", 11), autoCol("Identifier class", 11), autoCol("Protection state", 16),
	autoCol("Confidence", 10).as(fmtDec), autoCol("Signals", 30), autoCol("Value ratio", 9).as(fmtPct),
	autoCol("Sample size", 9), autoCol("Masked examples", 30), autoCol("Retention rule", 14), autoCol("Anchor", 22),
	configCol("Mapped activity", 14),
	dpoCol(colClassOverride, 22), dpoCol(colReason, 36),
}

var inventorySpec = sheetSpec{
	name: sheetInventory, cols: inventoryCols,
	key: []string{"Source", "Database", "Schema", "Table", "Column"}, context: []string{"Category"},
}

// inventory writes one row per scanned column, personal or not: the Art. 35(7)(a)
// description of the data, with the evidence behind each classification.
func (b *book) inventory() error {
	items := b.r.Inventory
	d := b.derived
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
		row[7] = it.RowEstimate
		if it.Evidence.Sampled > 0 {
			row[8] = float64(it.Evidence.NonNull) / float64(it.Evidence.Sampled)
		}
		row[9] = yesNo(it.Personal)
		row[10] = string(it.Category)
		row[11] = special
		if it.Personal {
			row[12] = identifierClass(it.Category)
			row[13] = d.protection(it)
		}
		row[14] = it.Confidence
		row[15] = joinTrunc(it.Evidence.Signals, ", ")
		row[16] = it.Evidence.ValueRatio
		row[17] = it.Evidence.Sampled
		row[18] = joinTrunc(it.MaskedExamples, " | ")
		tk := tableKey(it.Source, it.Schema, it.Table)
		if rr := d.retentionByTable[tk]; len(rr) > 0 {
			ids, anchors := make([]string, len(rr)), make([]string, len(rr))
			for j, r := range rr {
				ids[j], anchors[j] = r.ID, r.Anchor
			}
			row[19], row[20] = strings.Join(ids, ", "), strings.Join(anchors, "; ")
		}
		row[21] = strings.Join(d.activitiesByTable[tk], ", ")
	}
	extras := func(_, lastAll int) error {
		c := colIndex(inventoryCols, colClassOverride)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(colRange(c, firstRow, lastAll) + " " + colRange(c+1, firstRow, lastAll))
		dv.SetInput("DPO", "Override: a category id (see Methodology), or none. Give the reason beside it.")
		return b.f.AddDataValidation(sheetInventory, dv)
	}
	return b.writeTable(table{spec: &inventorySpec, title: "Data inventory – Art. 35(7)(a), Art. 5(1)(c)", n: len(items), fill: fill, extras: extras})
}

var findingCols = []column{
	autoCol(colFindingID, 22), autoCol(colRuleID, 9), autoCol(colTitle, 34), autoCol("Principle / feared event", 20),
	autoCol("GDPR articles", 18), autoCol("Fine tier", 7), autoCol("Source", 10), autoCol(colTarget, 32),
	autoCol(colRecords, 9).as(fmtInt), autoCol("Subjects", 9).as(fmtInt), autoCol("Special category", 9),
	autoCol("Estimated?", 9), autoCol("Evidence", 40), autoCol("Oldest", 11), autoCol("First seen", 11).as(fmtDate),
	autoCol("Last seen", 11).as(fmtDate), autoCol("Trend", 11), autoCol(colSeverity, 8), autoCol(colLikelihood, 9),
	autoCol("Risk score", 7), autoCol(colRiskLevel, 9), autoCol("Status", 9), autoCol(colMeasureID, 12).as(fmtLink),
	autoCol(colRiskID, 12).as(fmtLink), autoCol(colTicket, 16).as(fmtLink), autoCol("Ticket URL", 24),
	dpoCol(colDPOStatus, 13).list("Your assessment of the finding", findingStatuses...),
	dpoCol(colOwner, 16), dpoCol(colDueDate, 11).as(fmtDate),
	dpoCol(colSevOverride, 9).list("1 negligible, 2 limited, 3 significant, 4 maximum (CNIL scale); give the reason", scaleChoices...),
	dpoCol(colLikOverride, 9).list("1 negligible, 2 limited, 3 significant, 4 maximum (CNIL scale); give the reason", scaleChoices...),
	dpoCol(colReason, 32),
	autoCol(colAssessedSev, 9), autoCol(colAssessedLik, 9), autoCol(colResidualSev, 9), autoCol(colResidualLik, 9),
	autoCol("Reproduce SQL", 40), autoCol("Remediation", 40),
}

var findingSpec = sheetSpec{
	name: sheetFindings, cols: findingCols,
	key: []string{colFindingID}, context: []string{colRuleID, colTitle, colTarget},
}

// Column letters the Findings formulas use.
var (
	fcSeverity     = colLetter(findingCols, colSeverity)
	fcLikelihood   = colLetter(findingCols, colLikelihood)
	fcSevOverride  = colLetter(findingCols, colSevOverride)
	fcLikOverride  = colLetter(findingCols, colLikOverride)
	fcRiskID       = colLetter(findingCols, colRiskID)
	fcAssessedSev  = colLetter(findingCols, colAssessedSev)
	fcAssessedLik  = colLetter(findingCols, colAssessedLik)
	fcResidualSev  = colLetter(findingCols, colResidualSev)
	fcResidualLik  = colLetter(findingCols, colResidualLik)
	fcRiskLevelIdx = colIndex(findingCols, colRiskLevel)
)

// findings writes the evidence for Art. 35(7)(c): one row per finding, riskiest first.
// Links to measures, risks and tickets are HYPERLINK formulas rather than sheet
// hyperlinks: Excel caps those at 65,530 per sheet, formulas have no such cap. The
// assessed and residual columns are formulas too, so the risk matrix follows the DPO's
// overrides and residual ratings as they are typed; their cached values are what the
// carried-forward entries give.
func (b *book) findings() error {
	st, d := b.st, b.derived
	fs := b.r.Findings
	linkStyle := st.cell[kindAuto][fmtLink]
	fill := func(i int, row []any) {
		f := &fs[i]
		r := strconv.Itoa(firstRow + i)
		row[0], row[1], row[2], row[3] = f.Fingerprint, f.RuleID, f.Title, f.Principle
		row[4] = strings.Join(f.Articles, "; ")
		row[5] = string(f.FineTier)
		row[6], row[7] = f.Location.Source, f.Location.String()
		row[8], row[9] = f.RecordsAffected, f.SubjectsAffected
		row[10] = yesNo(d.special(f))
		row[11] = yesNo(f.Estimated)
		row[12] = truncate(evidenceText(f.Evidence))
		row[13] = f.Oldest
		if s, ok := b.r.DPIA.Seen[f.Fingerprint]; ok {
			if !s.First.IsZero() {
				row[14] = s.First.UTC()
			}
			if !s.Last.IsZero() {
				row[15] = s.Last.UTC()
			}
		}
		row[16] = b.trend(f)
		row[17], row[18] = int(f.Severity), int(f.Likelihood)
		row[19] = int(f.Severity) * int(f.Likelihood)
		row[20] = f.RiskLevel.String()
		row[21] = d.status(f)
		if mr, ok := b.measureRow[f.RuleID]; ok {
			id := measureID(f.RuleID)
			row[22] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetMeasures, "A"+strconv.Itoa(mr)), id)}
		}
		if rr, ok := b.riskRow[f.RuleID]; ok {
			id := riskID(f.RuleID)
			row[23] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetRegister, "A"+strconv.Itoa(rr)), id)}
		}
		if t, ok := b.r.DPIA.Tickets[f.Fingerprint]; ok {
			if t.URL != "" {
				text := cmp(t.ID, t.URL)
				row[24] = excelize.Cell{StyleID: linkStyle, Value: text, Formula: externalLinkFormula(t.URL, text)}
				row[25] = t.URL
			} else {
				row[24] = t.ID
			}
		}
		as, al, rs, rl := b.ratings(f)
		row[32] = excelize.Cell{StyleID: st.cell[kindAuto][fmtText], Value: as, Formula: overrideFormula(fcSevOverride+r, fcSeverity+r)}
		row[33] = excelize.Cell{StyleID: st.cell[kindAuto][fmtText], Value: al, Formula: overrideFormula(fcLikOverride+r, fcLikelihood+r)}
		row[34] = excelize.Cell{StyleID: st.cell[kindAuto][fmtText], Value: rs, Formula: b.residualFormula(registerResidualSev, fcRiskID+r, fcAssessedSev+r)}
		row[35] = excelize.Cell{StyleID: st.cell[kindAuto][fmtText], Value: rl, Formula: b.residualFormula(registerResidualLik, fcRiskID+r, fcAssessedLik+r)}
		row[36] = truncate(f.ReproduceSQL)
		row[37] = truncate(f.Remediation)
	}
	extras := func(lastData, _ int) error {
		return b.riskFormats(sheetFindings, colRange(fcRiskLevelIdx, firstRow, max(lastData, firstRow)))
	}
	return b.writeTable(table{spec: &findingSpec, title: "Findings – evidence for Art. 35(7)(c)", n: len(fs), fill: fill, extras: extras})
}

// ratings are a finding's assessed severity and likelihood (the DPO's override carried
// forward, else the scanner's) and residual ones (its risk's residual rating carried
// forward, else the assessed) — the cached values of the Findings formulas.
func (b *book) ratings(f *scanner.Finding) (as, al, rs, rl int) {
	as, al = int(f.Severity), int(f.Likelihood)
	if e, ok := b.prev.table(sheetFindings)[f.Fingerprint]; ok {
		as = cmpInt(scaleValue(e.Values[colSevOverride]), as)
		al = cmpInt(scaleValue(e.Values[colLikOverride]), al)
	}
	rs, rl = as, al
	if res, ok := b.residual[f.RuleID]; ok {
		rs, rl = cmpInt(res[0], rs), cmpInt(res[1], rl)
	}
	return as, al, rs, rl
}

// overrideFormula is the DPO's value when one is entered, else the scanner's. A blank
// override makes 1/(1/x) divide by zero, so IFERROR falls back; a number passes through.
// The formula is kept short: it is written on every finding row.
func overrideFormula(override, scanner string) string {
	return "IFERROR(1/(1/" + override + ")," + scanner + ")"
}

// residualFormula looks the finding's risk up on the Risk register and takes its
// residual rating when the DPO gave one (a blank looks up as 0, which 1/(1/x) turns
// into the fallback), else the finding's assessed value.
func (b *book) residualFormula(registerCol int, riskRef, fallback string) string {
	last := strconv.Itoa(max(firstRow, b.lastRiskRow))
	rng := sheetRef(sheetRegister, "$A$3:$"+colName(registerCol)+"$"+last)
	return "IFERROR(1/(1/VLOOKUP(" + riskRef + "," + rng + "," + strconv.Itoa(registerCol) + ",FALSE))," + fallback + ")"
}

// hyperlinkFormula builds =HYPERLINK("#location","text"); "#" makes it a link inside
// the workbook.
func hyperlinkFormula(location, text string) string { return externalLinkFormula("#"+location, text) }

// externalLinkFormula builds =HYPERLINK("url","text").
func externalLinkFormula(url, text string) string {
	return "HYPERLINK(" + quoteFormula(url) + "," + quoteFormula(text) + ")"
}

func quoteFormula(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// cmp returns the first non-empty string.
func cmp(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// evidenceText renders a finding's evidence map: the detail first, then the other
// keys in order. Evidence holds counts and masked samples only.
func evidenceText(ev map[string]string) string {
	if len(ev) == 0 {
		return ""
	}
	keys := make([]string, 0, len(ev))
	for k := range ev {
		if k != "detail" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	parts := make([]string, 0, len(ev))
	if d := ev["detail"]; d != "" {
		parts = append(parts, d)
	}
	for _, k := range keys {
		parts = append(parts, strings.ReplaceAll(k, "_", " ")+": "+ev[k])
	}
	return strings.Join(parts, "; ")
}

// trend compares a finding with the previous workbook: new, reopened, or the change
// in its record count.
func (b *book) trend(f *scanner.Finding) string {
	switch st := b.derived.status(f); st {
	case scanner.StatusNew, statusReopened:
		return st
	}
	prev, ok := b.prev.records[f.Fingerprint]
	if !ok {
		return "open"
	}
	switch d := f.RecordsAffected - prev; {
	case d > 0:
		return fmt.Sprintf("↑ +%d", d)
	case d < 0:
		return fmt.Sprintf("↓ −%d", -d)
	}
	return "= unchanged"
}

// identifierClass tells whether a category identifies a person on its own.
func identifierClass(c detect.Category) string {
	switch string(c) {
	case "email", "phone", "person_name", "postal_address", "national_id", "passport", "tax_id", "username",
		"payment_card", "iban_bank_account", "photo_or_biometric", "device_id":
		return "direct"
	case "password_or_secret", "card_security_code":
		return "credential"
	}
	return "indirect"
}
