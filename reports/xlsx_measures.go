package reports

import (
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
)

const (
	colMeasureStatus = "Status"
	colRiskEffect    = "Effect on risk"
	colApproved      = "Approved"
	colImplDate      = "Implementation date"
)

var measureCols = []column{
	autoCol(colMeasureID, 12), autoCol(colRuleID, 9), autoCol(colTitle, 30).as(fmtWrap), autoCol("Type", 13),
	autoCol("CNIL category", 18).as(fmtWrap), autoCol("Linked risk", 10).as(fmtLink), autoCol("Findings", 8).as(fmtInt),
	autoCol("Linked findings", 26).as(fmtWrap), autoCol("Remediation", 44).as(fmtWrap), {title: "SQL hint", kind: kindAuto, width: 50, format: fmtWrap, noFit: true},
	autoCol("Tickets", 18).as(fmtWrap),
	dpoCol(colOwner, 16), dpoCol(colImplDate, 12).as(fmtDate),
	dpoCol(colMeasureStatus, 12).list("Progress of the measure", measureStatuses...),
	dpoCol(colRiskEffect, 12).list("What the measure does to the risk", riskEffects...),
	dpoCol("Residual risk", 10).list("Risk level left once the measure is in place", riskLevelWords...),
	dpoCol(colApproved, 9).list("Measure approved by the controller?", yesNoChoices...),
}

var measureSpec = sheetSpec{
	name: sheetMeasures, cols: measureCols, key: []string{colMeasureID}, context: []string{colRuleID, colTitle},
	aliases: map[string]string{colDueDate: colImplDate},
}

// cnilCategory is the CNIL measure category a rule family's fix usually falls in.
func cnilCategory(f string) string {
	switch rules.Family(f) {
	case rules.Security:
		return "encryption; logical access control"
	case rules.Retention:
		return "archiving; data deletion"
	case rules.Erasure:
		return "managing data subjects' rights"
	case rules.Minimisation, rules.SpecialCategories:
		return "minimisation"
	case rules.Consent:
		return "consent management; information"
	case rules.LawfulBasis:
		return "lawfulness; documentation"
	case rules.Discovery:
		return "data mapping; minimisation"
	}
	return ""
}

// measuresSheet writes the action plan (Art. 35(7)(d)): one measure per rule with
// findings, linked to its risk and findings; the DPO tracks owner, date, status and
// effect on risk.
func (b *book) measuresSheet() error {
	ms := b.measures
	family := map[string]string{}
	for _, f := range b.r.Findings {
		family[f.RuleID] = string(f.Family)
	}
	linkStyle := b.st.cell[kindAuto][fmtLink]
	fill := func(i int, row []any) {
		m := ms[i]
		short := make([]string, len(m.Fingerprints))
		var tickets []string
		for j, fp := range m.Fingerprints {
			short[j] = shortFingerprint(fp)
			if t, ok := b.r.DPIA.Tickets[fp]; ok && t.ID != "" && !slices.Contains(tickets, t.ID) {
				tickets = append(tickets, t.ID)
			}
		}
		row[0], row[1], row[2], row[3], row[4] = m.ID, m.RuleID, m.Title, m.Type, cnilCategory(family[m.RuleID])
		if rr, ok := b.riskRow[m.RuleID]; ok {
			id := riskID(m.RuleID)
			row[5] = excelize.Cell{StyleID: linkStyle, Value: id, Formula: hyperlinkFormula(sheetRef(sheetRegister, "A"+strconv.Itoa(rr)), id)}
		}
		row[6], row[7], row[8], row[9] = len(m.Fingerprints), joinTrunc(short, ", "), periodsInWords(m.Remediation), truncate(m.SQLHint)
		row[10] = strings.Join(tickets, ", ")
	}
	return b.writeTable(table{spec: &measureSpec, title: "Measures – remediation plan, Art. 35(7)(d)", n: len(ms), fill: fill, repeatCols: 3})
}
