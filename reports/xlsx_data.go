package reports

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

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
	autoCol("Non-null %", 9).as(fmtPct), autoCol("Personal", 9), autoCol("Category", 22).as(fmtWrap), autoCol("Category id", 14),
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
		switch {
		case it.IsView:
			row[7] = "unknown (view)"
		case it.RowEstimate < 0:
			row[7] = "unknown"
		default:
			row[7] = it.RowEstimate
		}
		if it.Evidence.Sampled > 0 {
			row[8] = float64(it.Evidence.NonNull) / float64(it.Evidence.Sampled)
		}
		row[9] = yesNo(it.Personal)
		row[10] = categoryWords(string(it.Category))
		row[11] = string(it.Category)
		row[12] = special
		if it.Personal {
			row[13] = identifierClass(it.Category)
			row[14] = d.protection(it)
		}
		row[15] = it.Confidence
		row[16] = joinTrunc(it.Evidence.Signals, ", ")
		row[17] = it.Evidence.ValueRatio
		row[18] = it.Evidence.Sampled
		row[19] = joinTrunc(it.MaskedExamples, " | ")
		tk := tableKey(it.Source, it.Schema, it.Table)
		if rr := d.retentionByTable[tk]; len(rr) > 0 {
			ids, anchors := make([]string, len(rr)), make([]string, len(rr))
			for j, r := range rr {
				ids[j], anchors[j] = r.ID, r.Anchor
			}
			row[20], row[21] = strings.Join(ids, ", "), strings.Join(anchors, "; ")
		}
		row[22] = strings.Join(d.activitiesByTable[tk], ", ")
	}
	extras := func(_, lastAll int) error {
		c := colIndex(inventoryCols, colClassOverride)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(colRange(c, firstRow, lastAll) + " " + colRange(c+1, firstRow, lastAll))
		dv.SetInput("DPO", "Override: a category id (as in Category id; list on Methodology), or none. Give the reason beside it.")
		return b.f.AddDataValidation(sheetInventory, dv)
	}
	return b.writeTable(table{spec: &inventorySpec, title: "Data inventory – Art. 35(7)(a), Art. 5(1)(c)", n: len(items), fill: fill, extras: extras})
}

// findingCols put the action view first: what is wrong, how bad, how many, what to do,
// who and by when; then the assessment, the evidence and the links; the finding id and
// the SQL that reproduces the finding last. Rule id and title repeat on every printed
// page (see printTitles).
var findingCols = []column{
	autoCol(colRuleID, 9), autoCol(colTitle, 34).as(fmtWrap), autoCol(colRiskLevel, 9), autoCol(colRecords, 10).as(fmtInt),
	autoCol(colRemediation, 46).as(fmtWrap),
	dpoCol(colOwner, 16).as(fmtWrap), dpoCol(colDueDate, 11).as(fmtDate),
	dpoCol(colDPOStatus, 13).list("Your assessment of the finding", findingStatuses...),
	autoCol(colTarget, 30).as(fmtWrap), autoCol("Subjects", 10).as(fmtInt),
	autoCol(colSeverity, 9), autoCol(colLikelihood, 11), autoCol("Risk score", 7),
	dpoCol(colSevOverride, 10).list("1 negligible, 2 limited, 3 significant, 4 maximum (CNIL scale); give the reason", scaleChoices...),
	dpoCol(colLikOverride, 11).list("1 negligible, 2 limited, 3 significant, 4 maximum (CNIL scale); give the reason", scaleChoices...),
	dpoCol(colReason, 30).as(fmtWrap),
	autoCol(colAssessedSev, 10), autoCol(colAssessedLik, 11), autoCol(colResidualSev, 10), autoCol(colResidualLik, 11),
	autoCol("Principle / feared event", 20).as(fmtWrap), autoCol("GDPR articles", 18).as(fmtWrap), autoCol("Fine tier", 7),
	autoCol("Source", 10), autoCol("Special category", 9), autoCol("Estimated?", 10), autoCol("Evidence", 44).as(fmtWrap),
	autoCol("Oldest", 11).as(fmtDate), autoCol("First seen", 11).as(fmtDate), autoCol("Last seen", 11).as(fmtDate),
	autoCol("Trend", 12), autoCol("Status", 10), autoCol(colMeasureID, 12).as(fmtLink), autoCol(colRiskID, 12).as(fmtLink),
	autoCol(colTicket, 16).as(fmtLink), autoCol("Ticket URL", 24).as(fmtWrap), autoCol(colFindingID, 24).as(fmtWrap),
	{title: "Reproduce SQL", kind: kindAuto, width: 60, format: fmtWrap, noFit: true},
}

const colRemediation = "Remediation"

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
	text := st.cell[kindAuto][fmtText]
	c := findingIdx
	if err := b.defineRiskResiduals(); err != nil {
		return err
	}
	fill := func(i int, row []any) {
		f := &fs[i]
		r := strconv.Itoa(firstRow + i)
		row[c.id], row[c.rule], row[c.title], row[c.principle] = f.Fingerprint, f.RuleID, f.Title, f.Principle
		row[c.articles] = strings.Join(f.Articles, "; ")
		row[c.fineTier] = string(f.FineTier)
		row[c.source], row[c.target] = f.Location.Source, targetWords(f.Location)
		row[c.records], row[c.subjects] = f.RecordsAffected, f.SubjectsAffected
		row[c.special] = yesNo(d.special(f))
		row[c.estimated] = yesNo(f.Estimated)
		row[c.evidence] = truncate(evidenceText(f.Evidence))
		row[c.oldest] = dateValue(f.Oldest)
		if s, ok := b.r.DPIA.Seen[f.Fingerprint]; ok {
			row[c.firstSeen], row[c.lastSeen] = timeDay(s.First), timeDay(s.Last)
		}
		row[c.trend] = b.trend(f)
		row[c.severity], row[c.likelihood] = int(f.Severity), int(f.Likelihood)
		row[c.score] = int(f.Severity) * int(f.Likelihood)
		row[c.level] = f.RiskLevel.String()
		row[c.status] = d.status(f)
		if mr, ok := b.measureRow[f.RuleID]; ok {
			id := measureID(f.RuleID)
			row[c.measure] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetMeasures, "A"+strconv.Itoa(mr)), id)}
		}
		if rr, ok := b.riskRow[f.RuleID]; ok {
			id := riskID(f.RuleID)
			row[c.risk] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetRegister, "A"+strconv.Itoa(rr)), id)}
		}
		if t, ok := b.r.DPIA.Tickets[f.Fingerprint]; ok {
			if t.URL != "" {
				txt := cmp(t.ID, t.URL)
				row[c.ticket] = excelize.Cell{StyleID: linkStyle, Value: txt, Formula: externalLinkFormula(t.URL, txt)}
				row[c.ticketURL] = t.URL
			} else {
				row[c.ticket] = t.ID
			}
		}
		as, al, rs, rl := b.ratings(f)
		row[c.assessedSev] = excelize.Cell{StyleID: text, Value: as, Formula: overrideFormula(fcSevOverride+r, fcSeverity+r)}
		row[c.assessedLik] = excelize.Cell{StyleID: text, Value: al, Formula: overrideFormula(fcLikOverride+r, fcLikelihood+r)}
		row[c.residualSev] = excelize.Cell{StyleID: text, Value: scaleOrNotAssessed(rs), Formula: residualFormula(registerResidualSev, registerResidualLik, fcRiskID+r, fcAssessedSev+r)}
		row[c.residualLik] = excelize.Cell{StyleID: text, Value: scaleOrNotAssessed(rl), Formula: residualFormula(registerResidualLik, registerResidualSev, fcRiskID+r, fcAssessedLik+r)}
		row[c.sql] = truncate(f.ReproduceSQL)
		row[c.remediation] = truncate(periodsInWords(f.Remediation))
	}
	extras := func(lastData, _ int) error {
		return b.riskFormats(sheetFindings, colRange(fcRiskLevelIdx, firstRow, max(lastData, firstRow)))
	}
	return b.writeTable(table{spec: &findingSpec, title: "Findings – what to fix, by risk (evidence for Art. 35(7)(c))", n: len(fs), fill: fill, extras: extras,
		repeatCols: 2})
}

// findingIdx are the 0-based positions of the Findings columns, looked up once: the
// sheet has a row per finding, 100,000 of them in a large scan.
var findingIdx = struct {
	id, rule, title, principle, articles, fineTier, source, target, records, subjects,
	special, estimated, evidence, oldest, firstSeen, lastSeen, trend, severity, likelihood,
	score, level, status, measure, risk, ticket, ticketURL, assessedSev, assessedLik,
	residualSev, residualLik, sql, remediation int
}{
	findingPos(colFindingID), findingPos(colRuleID), findingPos(colTitle), findingPos("Principle / feared event"),
	findingPos("GDPR articles"), findingPos("Fine tier"), findingPos("Source"), findingPos(colTarget),
	findingPos(colRecords), findingPos("Subjects"), findingPos("Special category"), findingPos("Estimated?"),
	findingPos("Evidence"), findingPos("Oldest"), findingPos("First seen"), findingPos("Last seen"),
	findingPos("Trend"), findingPos(colSeverity), findingPos(colLikelihood), findingPos("Risk score"),
	findingPos(colRiskLevel), findingPos("Status"), findingPos(colMeasureID), findingPos(colRiskID),
	findingPos(colTicket), findingPos("Ticket URL"), findingPos(colAssessedSev), findingPos(colAssessedLik),
	findingPos(colResidualSev), findingPos(colResidualLik), findingPos("Reproduce SQL"), findingPos(colRemediation),
}

func findingPos(title string) int { return colIndex(findingCols, title) - 1 }

// timeDay is a time as a date cell (its UTC day), or nil.
func timeDay(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return time.Date(u.Year(), u.Month(), u.Day(), 0, 0, 0, 0, time.UTC)
}

// scaleOrNotAssessed is a residual rating's cell value: 1–4, or "not assessed".
func scaleOrNotAssessed(n int) any {
	if n == 0 {
		return notAssessed
	}
	return n
}

// ratings are a finding's assessed severity and likelihood (the DPO's override carried
// forward, else the scanner's) and residual ones (its risk's residual rating carried
// forward, the assessed value standing in for a half-rated risk; 0 while the risk's
// residual rating is not assessed) — the cached values of the Findings formulas.
func (b *book) ratings(f *scanner.Finding) (as, al, rs, rl int) {
	as, al = int(f.Severity), int(f.Likelihood)
	if e, ok := b.prev.table(sheetFindings)[f.Fingerprint]; ok {
		as = cmpInt(scaleValue(e.Values[colSevOverride]), as)
		al = cmpInt(scaleValue(e.Values[colLikOverride]), al)
	}
	if res, ok := b.residual[f.RuleID]; ok && (res[0] > 0 || res[1] > 0) {
		rs, rl = cmpInt(res[0], as), cmpInt(res[1], al)
	}
	return as, al, rs, rl
}

// overrideFormula is the DPO's value when one is entered, else the scanner's. A blank
// override makes 1/(1/x) divide by zero, so IFERROR falls back; a number passes through.
// The formula is kept short: it is written on every finding row.
func overrideFormula(override, scanner string) string {
	return "IFERROR(1/(1/" + override + ")," + scanner + ")"
}

// riskResiduals names the Risk register's rows for the residual lookups of Findings: two
// formulas a row, so a short name instead of a sheet range keeps a large workbook small.
const riskResiduals = "RiskResiduals"

// defineRiskResiduals defines riskResiduals over the register's risk rows.
func (b *book) defineRiskResiduals() error {
	last := strconv.Itoa(max(firstRow, b.lastRiskRow))
	rng := sheetRef(sheetRegister, "$A$"+strconv.Itoa(firstRow)+":$"+colName(max(registerResidualSev, registerResidualLik))+"$"+last)
	return b.f.SetDefinedName(&excelize.DefinedName{Name: riskResiduals, RefersTo: rng})
}

// residualFormula looks the finding's risk up on the Risk register and takes its own
// residual rating when the DPO gave one, the finding's assessed value when the DPO rated
// only the other residual scale, and "not assessed" when neither. Lookups go through
// IFERROR(1/(1/x),0) so a blank is 0 in Excel and LibreOffice alike (Excel's VLOOKUP of
// a blank gives 0, LibreOffice's an empty value). One concatenation: one allocation.
func residualFormula(ownCol, otherCol int, riskRef, fallback string) string {
	own, other := strconv.Itoa(ownCol), strconv.Itoa(otherCol)
	return "IF(IFERROR(1/(1/VLOOKUP(" + riskRef + "," + riskResiduals + "," + own + ",FALSE)),0)>0," +
		"IFERROR(1/(1/VLOOKUP(" + riskRef + "," + riskResiduals + "," + own + ",FALSE)),0)," +
		"IF(IFERROR(1/(1/VLOOKUP(" + riskRef + "," + riskResiduals + "," + other + ",FALSE)),0)>0," + fallback + `,"` + notAssessed + `"))`
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
	return periodsInWords(strings.Join(parts, "; "))
}

// isoPeriodInText finds ISO-8601 periods inside a rule's evidence text ("period P3Y").
var isoPeriodInText = regexp.MustCompile(`\bP\d+[YMWD](?:\d+[MWD])*\b`)

// periodsInWords rewrites the ISO periods of a text as words: "period 3 years".
func periodsInWords(s string) string { return isoPeriodInText.ReplaceAllStringFunc(s, periodWords) }

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
