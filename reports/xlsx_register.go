package reports

import (
	"fmt"
	"strconv"
	"strings"

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

// riskSuggestion prefills a risk's DPO cells by feared event (CNIL method); the DPO
// edits them. An unedited suggestion is not read back as a DPO entry.
type riskSuggestion struct{ sources, threats, impacts string }

var riskSuggestions = map[string]riskSuggestion{
	"illegitimate access": {
		sources: "Staff or contractors with broader access than needed; external attackers; processors.",
		threats: "Reading or copying the data through over-broad grants, stolen credentials, leaked backups or exports.",
		impacts: "Fraud, identity theft, phishing, embarrassment or discrimination for the people concerned.",
	},
	"unwanted modification": {
		sources: "Internal processes and integrations that write to the CRM.",
		threats: "Duplicate or inaccurate records used for decisions or contact.",
		impacts: "Wrong decisions, contact against the person's wishes, rights requests applied to the wrong record.",
	},
	"non-compliance": {
		sources: "The controller's own processes (collection, marketing, deletion, request handling).",
		threats: "Processing without a valid basis, beyond its purpose or retention, or ignoring a request.",
		impacts: "Loss of control over their data; unwanted marketing; rights not honoured; data kept longer than expected.",
	},
}

func suggestionFor(feared string) riskSuggestion {
	if s, ok := riskSuggestions[feared]; ok {
		return s
	}
	return riskSuggestions["non-compliance"]
}

var registerCols = []column{
	autoCol(colRiskID, 10), autoCol("Feared event", 18).as(fmtWrap), autoCol(colTitle, 28).as(fmtWrap),
	autoCol("Linked findings", 8).as(fmtInt), autoCol("Finding ids", 24).as(fmtWrap), autoCol("Data categories", 20).as(fmtWrap),
	autoCol(colRecords, 9).as(fmtInt), autoCol("Subjects", 9).as(fmtInt),
	dpoCol(colRiskSources, 28).as(fmtWrap), dpoCol(colThreats, 28).as(fmtWrap), dpoCol(colImpacts, 28).as(fmtWrap),
	autoCol("Suggested severity", 9), autoCol("Suggested likelihood", 9),
	dpoCol(colInherentSev, 9).list("Confirm or change the suggested severity (1–4)", scaleChoices...),
	dpoCol(colInherentLik, 9).list("Confirm or change the suggested likelihood (1–4)", scaleChoices...),
	autoCol("Inherent level", 9), dpoCol("Existing measures", 28).as(fmtWrap), autoCol(colMeasureID, 12).as(fmtLink),
	dpoCol(colResidualSev, 9).list("Severity once the measures are in place (1–4)", scaleChoices...),
	dpoCol(colResidualLik, 9).list("Likelihood once the measures are in place (1–4)", scaleChoices...),
	autoCol("Residual level", 9),
	dpoCol("Art. 36 prior consultation needed", 11).list("High residual risk left? Then consult the supervisory authority (Art. 36)", yesNoChoices...),
}

var registerSpec = func() sheetSpec {
	defaults := map[string][]string{}
	for _, s := range riskSuggestions {
		defaults[colRiskSources] = append(defaults[colRiskSources], s.sources)
		defaults[colThreats] = append(defaults[colThreats], s.threats)
		defaults[colImpacts] = append(defaults[colImpacts], s.impacts)
	}
	return sheetSpec{name: sheetRegister, cols: registerCols, key: []string{colRiskID}, context: []string{"Feared event", colTitle}, defaults: defaults}
}()

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

// register writes the risks to people (Art. 35(7)(c), ICO step 5, CNIL section 3):
// one risk per rule with findings, with suggested inherent ratings, the DPO's
// assessment and the residual rating the heat map uses after measures.
func (b *book) register() error {
	rs := b.risks
	prev := b.prev.table(sheetRegister)
	L := func(t string) string { return colLetter(registerCols, t) }
	linkStyle := b.st.cell[kindAuto][fmtLink]
	fill := func(i int, row []any) {
		rk := rs[i]
		r := strconv.Itoa(firstRow + i)
		short := make([]string, len(rk.Fingerprints))
		for j, fp := range rk.Fingerprints {
			short[j] = shortFingerprint(fp)
		}
		sg := suggestionFor(strings.SplitN(rk.FearedEvent, " (", 2)[0])
		row[0], row[1], row[2], row[3] = rk.ID, rk.FearedEvent, rk.Title, len(rk.Fingerprints)
		row[4], row[5], row[6], row[7] = joinTrunc(short, ", "), strings.Join(rk.Categories, ", "), rk.Records, rk.Subjects
		dpo := b.st.cell[kindDPO][fmtWrap]
		row[8] = excelize.Cell{StyleID: dpo, Value: sg.sources}
		row[9] = excelize.Cell{StyleID: dpo, Value: sg.threats}
		row[10] = excelize.Cell{StyleID: dpo, Value: sg.impacts}
		row[11], row[12] = rk.Severity, rk.Likelihood

		// Cached values of the formulas, from the carried-forward entry.
		e := prev[rk.ID]
		is, il := rk.Severity, rk.Likelihood
		if n := scaleValue(e.Values[colInherentSev]); n > 0 {
			is = n
		}
		if n := scaleValue(e.Values[colInherentLik]); n > 0 {
			il = n
		}
		inhS := orElse(L(colInherentSev)+r, L("Suggested severity")+r)
		inhL := orElse(L(colInherentLik)+r, L("Suggested likelihood")+r)
		row[15] = excelize.Cell{StyleID: b.st.cell[kindAuto][fmtText], Value: rules.Risk(rules.Severity(is), rules.Likelihood(il)).String(),
			Formula: levelFormula("(" + inhS + ")*(" + inhL + ")")}
		if mr, ok := b.measureRow[rk.RuleID]; ok {
			id := measureID(rk.RuleID)
			row[17] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetMeasures, "A"+strconv.Itoa(mr)), id)}
		}
		resS, resL := L(colResidualSev)+r, L(colResidualLik)+r
		residual := ""
		if res, ok := b.residual[rk.RuleID]; ok && (res[0] > 0 || res[1] > 0) {
			s, l := cmpInt(res[0], is), cmpInt(res[1], il)
			residual = rules.Risk(rules.Severity(s), rules.Likelihood(l)).String()
		}
		row[20] = excelize.Cell{StyleID: b.st.cell[kindAuto][fmtText], Value: residual,
			Formula: fmt.Sprintf(`IF(AND(%s="",%s=""),"",%s)`, resS, resL, levelFormula("("+orElse(resS, inhS)+")*("+orElse(resL, inhL)+")"))}
	}
	extras := func(lastData, _ int) error {
		last := max(lastData, firstRow)
		for _, t := range []string{"Inherent level", "Residual level"} {
			if err := b.riskFormats(sheetRegister, colRange(colIndex(registerCols, t), firstRow, last)); err != nil {
				return err
			}
		}
		return nil
	}
	return b.writeTable(table{spec: &registerSpec, title: "Risk register – risks to the people concerned (Art. 35(7)(c))", n: len(rs), fill: fill, extras: extras})
}

// cmpInt returns a when it is set (non-zero), else b.
func cmpInt(a, b int) int {
	if a != 0 {
		return a
	}
	return b
}
