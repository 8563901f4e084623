package reports

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
)

const (
	colRiskSources = "Risk sources"
	colThreats     = "Threats"
	colImpacts     = "Impacts on individuals"
	colInherentSev = "Inherent severity"
	colInherentLik = "Inherent likelihood"
)

// oldSuggestions are the texts earlier versions prefilled, by column: an untouched one
// in last week's workbook is not a DPO entry.
var oldSuggestions = map[string][]string{
	colRiskSources: {
		"Staff or contractors with broader access than needed; external attackers; processors.",
		"Internal processes and integrations that write to the CRM.",
		"The controller's own processes (collection, marketing, deletion, request handling).",
	},
	colThreats: {
		"Reading or copying the data through over-broad grants, stolen credentials, leaked backups or exports.",
		"Duplicate or inaccurate records used for decisions or contact.",
		"Processing without a valid basis, beyond its purpose or retention, or ignoring a request.",
	},
	colImpacts: {
		"Fraud, identity theft, phishing, embarrassment or discrimination for the people concerned.",
		"Wrong decisions, contact against the person's wishes, rights requests applied to the wrong record.",
		"Loss of control over their data; unwanted marketing; rights not honoured; data kept longer than expected.",
	},
}

const (
	colResidualLevel = "Residual level"
	colArt36         = "Art. 36 consultation indicated"
	notAssessed      = "not assessed"
)

var registerCols = []column{
	autoCol(colRiskID, 10), autoCol(colTitle, 28).as(fmtWrap), autoCol("Feared event (CNIL)", 14).as(fmtWrap),
	autoCol("Principle", 16).as(fmtWrap), autoCol("Linked findings", 9).as(fmtInt), autoCol("Finding ids", 18).as(fmtWrap),
	autoCol("Data categories", 20).as(fmtWrap), autoCol(colRecords, 10).as(fmtInt), autoCol("Subjects", 10).as(fmtInt),
	dpoCol(colRiskSources, 30).as(fmtWrap), dpoCol(colThreats, 32).as(fmtWrap), dpoCol(colImpacts, 32).as(fmtWrap),
	autoCol("Suggested severity", 10), autoCol("Suggested likelihood", 11),
	dpoCol(colInherentSev, 10).list("Confirm or change the suggested severity (1–4)", scaleChoices...),
	dpoCol(colInherentLik, 11).list("Confirm or change the suggested likelihood (1–4)", scaleChoices...),
	autoCol("Inherent level", 10), dpoCol("Existing measures", 28).as(fmtWrap), autoCol(colMeasureID, 12).as(fmtLink),
	dpoCol(colResidualSev, 10).list("Severity once the measures are in place (1–4)", scaleChoices...),
	dpoCol(colResidualLik, 11).list("Likelihood once the measures are in place (1–4)", scaleChoices...),
	autoCol(colResidualLevel, 10), autoCol(colArt36, 13).as(fmtWrap),
	dpoCol("Art. 36 prior consultation needed", 13).list("Your decision: consult the supervisory authority before processing (Art. 36)?", yesNoChoices...),
}

var registerSpec = sheetSpec{name: sheetRegister, cols: registerCols, key: []string{colRiskID},
	context: []string{"Feared event (CNIL)", colTitle}, defaults: oldSuggestions,
	aliases: map[string]string{"Feared event": "Feared event (CNIL)"}}

// Register columns the Findings formulas look up; the risk id must be the first column.
var (
	registerResidualSev = colIndex(registerCols, colResidualSev)
	registerResidualLik = colIndex(registerCols, colResidualLik)
	_                   = mustFirst(registerCols, colRiskID)
)

func mustFirst(cols []column, title string) bool {
	if colIndex(cols, title) != 1 {
		panic("reports: " + title + " must be the first column")
	}
	return true
}

// levelFormula turns a severity × likelihood product into the risk level word.
func levelFormula(product string) string {
	return fmt.Sprintf(`IF(%[1]s>=12,"critical",IF(%[1]s>=8,"high",IF(%[1]s>=4,"medium","low")))`, product)
}

// orElse is a DPO scale cell's value, else the fallback expression.
func orElse(ref, fallback string) string {
	return fmt.Sprintf(`IF(%[1]s="",%[2]s,IFERROR(VALUE(%[1]s),%[2]s))`, ref, fallback)
}

// inherent is a risk's inherent rating: the DPO's carried-forward entry, else the
// suggestion.
func (b *book) inherent(rk risk) (sev, lik int) {
	e := b.prev.table(sheetRegister)[rk.ID]
	return cmpInt(scaleValue(e.Values[colInherentSev]), rk.Severity), cmpInt(scaleValue(e.Values[colInherentLik]), rk.Likelihood)
}

// residualLevel is the cached value of a risk's Residual level: "not assessed" until
// the DPO rates residual severity or likelihood.
func (b *book) residualLevel(rk risk) string {
	res, ok := b.residual[rk.RuleID]
	if !ok || (res[0] == 0 && res[1] == 0) {
		return notAssessed
	}
	is, il := b.inherent(rk)
	return rules.Risk(rules.Severity(cmpInt(res[0], is)), rules.Likelihood(cmpInt(res[1], il))).String()
}

// art36 is whether a residual level calls for prior consultation (Art. 36(1)): a high
// risk the measures do not bring down.
func art36(level string) string {
	switch level {
	case notAssessed:
		return notAssessed
	case rules.RiskHigh.String(), rules.RiskCritical.String():
		return "yes"
	}
	return "no"
}

func art36Formula(levelRef string) string {
	return fmt.Sprintf(`IF(%[1]s="%[2]s","%[2]s",IF(OR(%[1]s="high",%[1]s="critical"),"yes","no"))`, levelRef, notAssessed)
}

// registerLevelRange is the Residual level column of the Risk register, absolute.
func (b *book) registerLevelRange() string {
	c := colLetter(registerCols, colResidualLevel)
	return sheetRef(sheetRegister, fmt.Sprintf("$%s$%d:$%s$%d", c, firstRow, c, max(firstRow, b.lastRiskRow)))
}

// Summary's Art. 36 line, as a formula over the residual levels and as its cached value.
const (
	art36Yes     = "yes – a high residual risk remains: consult the supervisory authority before processing"
	art36Unknown = "not known yet – rate the residual risks on the Risk register"
	art36No      = "no – no high residual risk"
)

func art36SummaryFormula(levels string) string {
	return fmt.Sprintf(`IF(COUNTIF(%[1]s,"critical")+COUNTIF(%[1]s,"high")>0,%[2]s,IF(COUNTIF(%[1]s,"%[3]s")>0,%[4]s,%[5]s))`,
		levels, quoteFormula(art36Yes), notAssessed, quoteFormula(art36Unknown), quoteFormula(art36No))
}

func (b *book) art36Summary() string {
	unknown := false
	for _, rk := range b.risks {
		switch art36(b.residualLevel(rk)) {
		case "yes":
			return art36Yes
		case notAssessed:
			unknown = true
		}
	}
	if unknown {
		return art36Unknown
	}
	return art36No
}

// registerNotes explain the sheet under the table.
var registerNotes = []string{
	"Italic text starting \"" + suggestionMark + "\" is the scanner's suggestion: edit it and delete the mark to make it yours (text still marked is rewritten next scan).",
	"Feared events are the CNIL's three: illegitimate access, unwanted modification, disappearance of personal data.",
	"Residual level stays \"not assessed\" until you rate the residual severity or likelihood; Art. 36 consultation is indicated when it is high or critical.",
}

// register writes the risks to people (Art. 35(7)(c), ICO step 5, CNIL section 3):
// one risk per rule with findings, with the rule's CNIL feared event, suggested sources,
// threats and impacts specific to the rule and its data, suggested inherent ratings, the
// DPO's assessment, the residual rating the heat map uses after measures, and whether
// Art. 36 prior consultation follows from it.
func (b *book) register() error {
	rs := b.risks
	L := func(t string) string { return colLetter(registerCols, t) }
	at := func(t string) int { return colIndex(registerCols, t) - 1 }
	linkStyle := b.st.cell[kindAuto][fmtLink]
	text := b.st.cell[kindAuto][fmtWrap]
	fill := func(i int, row []any) {
		rk := rs[i]
		r := strconv.Itoa(firstRow + i)
		short := make([]string, len(rk.Fingerprints))
		for j, fp := range rk.Fingerprints {
			short[j] = shortFingerprint(fp)
		}
		feared, sources, threats, impacts := suggestRisk(rk, rk.Family)
		row[at(colRiskID)], row[at("Feared event (CNIL)")], row[at("Principle")], row[at(colTitle)] = rk.ID, feared, rk.Principle, rk.Title
		row[at("Linked findings")], row[at("Finding ids")] = len(rk.Fingerprints), joinTrunc(short, ", ")
		row[at("Data categories")], row[at(colRecords)], row[at("Subjects")] = categoriesWords(rk.Categories), rk.Records, rk.Subjects
		dpo := b.st.dpoSuggest
		row[at(colRiskSources)] = excelize.Cell{StyleID: dpo, Value: sources}
		row[at(colThreats)] = excelize.Cell{StyleID: dpo, Value: threats}
		row[at(colImpacts)] = excelize.Cell{StyleID: dpo, Value: impacts}
		row[at("Suggested severity")], row[at("Suggested likelihood")] = rk.Severity, rk.Likelihood

		is, il := b.inherent(rk)
		inhS := orElse(L(colInherentSev)+r, L("Suggested severity")+r)
		inhL := orElse(L(colInherentLik)+r, L("Suggested likelihood")+r)
		row[at("Inherent level")] = excelize.Cell{StyleID: text, Value: rules.Risk(rules.Severity(is), rules.Likelihood(il)).String(),
			Formula: levelFormula("(" + inhS + ")*(" + inhL + ")")}
		if mr, ok := b.measureRow[rk.RuleID]; ok {
			id := measureID(rk.RuleID)
			row[at(colMeasureID)] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetMeasures, "A"+strconv.Itoa(mr)), id)}
		}
		resS, resL := L(colResidualSev)+r, L(colResidualLik)+r
		level := b.residualLevel(rk)
		row[at(colResidualLevel)] = excelize.Cell{StyleID: text, Value: level,
			Formula: fmt.Sprintf(`IF(AND(%s="",%s=""),"%s",%s)`, resS, resL, notAssessed, levelFormula("("+orElse(resS, inhS)+")*("+orElse(resL, inhL)+")"))}
		row[at(colArt36)] = excelize.Cell{StyleID: text, Value: art36(level), Formula: art36Formula(L(colResidualLevel) + r)}
	}
	extras := func(lastData, _ int) error {
		last := max(lastData, firstRow)
		for _, t := range []string{"Inherent level", colResidualLevel} {
			if err := b.riskFormats(sheetRegister, colRange(colIndex(registerCols, t), firstRow, last)); err != nil {
				return err
			}
		}
		id := b.st.yesCF
		return b.f.SetConditionalFormat(sheetRegister, colRange(colIndex(registerCols, colArt36), firstRow, last),
			[]excelize.ConditionalFormatOptions{{Type: "cell", Criteria: "==", Value: `"yes"`, Format: &id}})
	}
	below := func(w *rowWriter, row int) (int, error) {
		for i, note := range registerNotes {
			if err := w.row(row+i, nil, excelize.Cell{StyleID: b.st.subtitle, Value: note}); err != nil {
				return 0, err
			}
		}
		return row + len(registerNotes), nil
	}
	return b.writeTable(table{spec: &registerSpec, title: "Risk register – risks to the people concerned (Art. 35(7)(c))",
		n: len(rs), fill: fill, extras: extras, below: below, repeatCols: 2})
}

// cmpInt returns a when it is set (non-zero), else b.
func cmpInt(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}
