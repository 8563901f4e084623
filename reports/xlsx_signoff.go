package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// signItem is one row of the Sign-off sheet; every entry is the DPO's or controller's.
type signItem struct {
	ID, Item, Guidance string
	choices            []string // a drop-down, or nil
	date               bool
	art36              bool // shows what the Risk register indicates for Art. 36
}

var signItems = []signItem{
	{ID: "SO-01", Item: "DPO advice", Guidance: "Art. 35(2): the controller seeks the DPO's advice. Summarise it."},
	{ID: "SO-02", Item: "DPO advice followed?", Guidance: "Accepted or overruled by the controller.", choices: adviceOutcomes},
	{ID: "SO-03", Item: "Reasons if the advice was overruled", Guidance: "Record why (ICO step 7)."},
	{ID: "SO-04", Item: "Data subjects' views sought?", Guidance: "Art. 35(9): where appropriate.", choices: yesNoChoices},
	{ID: "SO-05", Item: "Their views, or why they were not sought", Guidance: "Summary of the consultation or the reason."},
	{ID: "SO-06", Item: "Measures approved by", Guidance: "Name, role and date."},
	{ID: "SO-07", Item: "Residual risks approved by", Guidance: "Name, role and date."},
	{ID: "SO-08", Item: "Prior consultation needed (Art. 36)?", Guidance: "Yes when a high residual risk remains: see what the Risk register indicates, beside.", choices: yesNoChoices, art36: true},
	{ID: "SO-09", Item: "Decision", Guidance: "Validated, refused, or changes needed before processing goes on.", choices: decisions},
	{ID: "SO-10", Item: "Next review date", Guidance: "Art. 35(11): review when the risk changes, at least periodically.", date: true},
	{ID: "SO-11", Item: "Signature reference", Guidance: "Reference of the signed record (document id, e-signature)."},
	{ID: "SO-12", Item: "Signed on", Guidance: "Date of signature.", date: true},
	{ID: "SO-13", Item: "Consultation responses reviewed by", Guidance: "Name, role and date (see Description, Consultation)."},
	{ID: "SO-14", Item: "If the decision departs from the people's views, why", Guidance: "ICO step 7: explain your reasons."},
	{ID: "SO-15", Item: "This DPIA will be kept under review by", Guidance: "Name and role of whoever keeps it under review (Art. 35(11))."},
}

const colEntry = "Entry"

var signOffCols = []column{
	autoCol("Item id", 9), autoCol("Item", 34).as(fmtWrap), autoCol("Guidance", 46).as(fmtWrap),
	autoCol("Indicated by the workbook", 30).as(fmtWrap), dpoCol(colEntry, 60).as(fmtWrap),
}

var signOffSpec = sheetSpec{name: sheetSignOff, cols: signOffCols, key: []string{"Item id"}, context: []string{"Item"}}

// signOff writes the validation sheet (Art. 35(2), 35(9), 35(11), 36; ICO step 7;
// CNIL section 4): every entry is for the DPO and the controller.
func (b *book) signOff() error {
	entry := colIndex(signOffCols, colEntry)
	fill := func(i int, row []any) {
		it := signItems[i]
		row[0], row[1], row[2] = it.ID, it.Item, it.Guidance
		if it.art36 {
			row[3] = excelize.Cell{StyleID: b.st.cell[kindAuto][fmtWrap], Value: b.art36Summary(), Formula: art36SummaryFormula(b.registerLevelRange())}
		}
		if it.date {
			row[entry-1] = excelize.Cell{StyleID: b.st.dpoDate}
		}
	}
	extras := func(_, _ int) error {
		for i, it := range signItems {
			ref := cell(entry, firstRow+i)
			var err error
			switch {
			case it.choices != nil:
				err = b.dropList(sheetSignOff, ref, it.Item, it.choices...)
			case it.date:
				err = b.dateInput(sheetSignOff, ref)
			}
			if err != nil {
				return fmt.Errorf("sign-off %s: %w", it.ID, err)
			}
		}
		return nil
	}
	return b.writeTable(table{spec: &signOffSpec, title: "Sign-off – validation of the DPIA (Art. 35(2), (9), (11); Art. 36)", n: len(signItems), fill: fill, extras: extras})
}
