package reports

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/scanner"
)

// rowOf finds the row whose cell in column title holds key, on a tabular sheet.
func rowOf(t *testing.T, f *excelize.File, spec *sheetSpec, title, key string) int {
	t.Helper()
	rows, err := f.GetRows(spec.name)
	require.NoError(t, err)
	c := colIndex(spec.cols, title) - 1
	for i, r := range rows {
		if i >= headerRow && c < len(r) && r[c] == key {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %s = %s", spec.name, title, key)
	return 0
}

// dpoSet writes a value into a DPO cell, as a DPO's spreadsheet program would.
func dpoSet(t *testing.T, f *excelize.File, spec *sheetSpec, row int, title string, v any) {
	t.Helper()
	require.NoError(t, f.SetCellValue(spec.name, cell(colIndex(spec.cols, title), row), v))
}

func get(t *testing.T, f *excelize.File, spec *sheetSpec, row int, title string) string {
	t.Helper()
	v, err := f.GetCellValue(spec.name, cell(colIndex(spec.cols, title), row))
	require.NoError(t, err)
	return v
}

// editAsDPO fills DPO cells of last week's workbook and saves it, the way a DPO does in
// Excel: picks from drop-downs (numbers for the 1–4 scales), types text and dates.
func editAsDPO(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	require.NoError(t, err)
	defer f.Close()
	panFP := testFingerprint(loc("payments", "card_number"), "SEC-01")
	dupFP := testFingerprint(loc("contacts", "email"), "MIN-04")

	r := rowOf(t, f, &findingSpec, colFindingID, panFP)
	dpoSet(t, f, &findingSpec, r, colDPOStatus, DPOStatusAccepted)
	dpoSet(t, f, &findingSpec, r, colOwner, "Jana Richter")
	dpoSet(t, f, &findingSpec, r, colDueDate, time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC))
	dpoSet(t, f, &findingSpec, r, colSevOverride, 2)
	dpoSet(t, f, &findingSpec, r, colLikOverride, 3)
	dpoSet(t, f, &findingSpec, r, colReason, "Tokenised by the PSP since March; legacy rows only")
	r = rowOf(t, f, &findingSpec, colFindingID, dupFP)
	dpoSet(t, f, &findingSpec, r, colDPOStatus, DPOStatusFalsePositive)
	dpoSet(t, f, &findingSpec, r, colReason, "Shared family mailbox")

	r = rowOf(t, f, &registerSpec, colRiskID, "R-SEC-01")
	dpoSet(t, f, &registerSpec, r, colResidualSev, 2)
	dpoSet(t, f, &registerSpec, r, colResidualLik, 1)
	dpoSet(t, f, &registerSpec, r, "Existing measures", "PSP tokenisation")
	dpoSet(t, f, &registerSpec, r, colRiskSources, "Payment clerks")

	// Last week's layout still called the measure date "Due date".
	require.NoError(t, f.SetCellValue(sheetMeasures, cell(colIndex(measureCols, colImplDate), headerRow), colDueDate))
	r = rowOf(t, f, &measureSpec, colMeasureID, "M-SEC-01")
	dpoSet(t, f, &measureSpec, r, colOwner, "Payments team")
	dpoSet(t, f, &measureSpec, r, colImplDate, time.Date(2026, 5, 15, 0, 0, 0, 0, time.UTC))
	dpoSet(t, f, &measureSpec, r, colMeasureStatus, "in progress")

	r = rowOf(t, f, &screeningSpec, "Criterion id", "WP248-5")
	dpoSet(t, f, &screeningSpec, r, colApplies, "yes")
	dpoSet(t, f, &screeningSpec, r, "Comment", "Group-wide CRM, 1.2M contacts across all brands")
	r = rowOf(t, f, &necessitySpec, "Question id", "NP-01")
	dpoSet(t, f, &necessitySpec, r, "Narrative", "Purposes are listed in the privacy notice v4.")
	dpoSet(t, f, &necessitySpec, r, "Evaluation", "acceptable")
	r = rowOf(t, f, &signOffSpec, "Item id", "SO-09")
	dpoSet(t, f, &signOffSpec, r, colEntry, "changes needed")
	r = rowOf(t, f, &signOffSpec, "Item id", "SO-10")
	dpoSet(t, f, &signOffSpec, r, colEntry, time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC))
	r = rowOf(t, f, &inventorySpec, "Column", "id")
	dpoSet(t, f, &inventorySpec, r, colClassOverride, "none")
	dpoSet(t, f, &inventorySpec, r, colReason, "Surrogate key")
	r = rowOf(t, f, &processingSpec, "Activity id", "PA-01")
	dpoSet(t, f, &processingSpec, r, "Recipients", "Payment service provider")
	r = rowOf(t, f, &retentionSpec, colRuleID, "leads-3y")
	dpoSet(t, f, &retentionSpec, r, "Accepted exceptions", "Leads in litigation")
	r = rowOf(t, f, &rightsSpec, "Right id", "DSR-17")
	dpoSet(t, f, &rightsSpec, r, "Process description", "Ticket queue, 2 FTE")
	r = rowOf(t, f, &consentSpec, "Row id", "PA-01")
	dpoSet(t, f, &consentSpec, r, "Assessment", "improvable")

	rows, err := f.GetRows(sheetSummary)
	require.NoError(t, err)
	for i, row := range rows {
		if len(row) > 0 && (row[0] == fieldConclusion || row[0] == fieldStatus) {
			v := "in review"
			if row[0] == fieldConclusion {
				v = "Processing may go on once card numbers are purged."
			}
			require.NoError(t, f.SetCellValue(sheetSummary, cell(2, i+1), v))
		}
	}
	require.NoError(t, f.Save())
}

func TestAnnotationsRoundTrip(t *testing.T) {
	week1 := saveXLSX(t, testReport(), "crm-dpia-2026-03-02.xlsx")
	editAsDPO(t, week1)
	panFP := testFingerprint(loc("payments", "card_number"), "SEC-01")
	dupFP := testFingerprint(loc("contacts", "email"), "MIN-04")

	ann, err := ReadAnnotations(week1)
	require.NoError(t, err)
	assert.Equal(t, testScan, ann.ScanID)
	assert.Equal(t, "Customer CRM", ann.Scope)
	assert.Equal(t, findingsHash(testReport().Findings), ann.FindingsHash)
	require.Len(t, ann.Findings, 2)
	pan := ann.Findings[panFP]
	assert.Equal(t, FindingAnnotation{Fingerprint: panFP, Status: DPOStatusAccepted, Owner: "Jana Richter",
		DueDate: time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC), SeverityOverride: 2, LikelihoodOverride: 3,
		Reason: "Tokenised by the PSP since March; legacy rows only"}, pan)
	assert.True(t, pan.Suppresses())
	assert.Equal(t, DPOStatusFalsePositive, ann.Findings[dupFP].Status)
	assert.True(t, ann.Findings[dupFP].Suppresses())
	assert.Equal(t, "in review", ann.Fields[fieldStatus])
	assert.Contains(t, ann.Fields[fieldConclusion], "card numbers are purged")
	// Prefilled suggestions are not entries: only the edited risk is.
	require.Len(t, ann.Tables[sheetRegister], 1)
	assert.Equal(t, "Payment clerks", ann.Tables[sheetRegister]["R-SEC-01"].Values[colRiskSources])
	assert.NotContains(t, ann.Tables[sheetRegister]["R-SEC-01"].Values, colThreats, "an untouched suggestion")
	// The renamed column still reads.
	assert.Equal(t, "Payments team", ann.Tables[sheetMeasures]["M-SEC-01"].Values[colOwner])
	assert.NotEmpty(t, ann.Tables[sheetMeasures]["M-SEC-01"].Values[colImplDate])
	for sheet, n := range map[string]int{sheetScreening: 1, sheetNecessity: 1, sheetSignOff: 2, sheetInventory: 1,
		sheetProcessing: 1, sheetRetention: 1, sheetRights: 1, sheetConsent: 1} {
		assert.Len(t, ann.Tables[sheet], n, sheet)
	}

	// Next week: the duplicate is gone, a new finding appears.
	r2 := testReport()
	r2.ScanID = "scan-20260309-0800"
	r2.Findings = slices.DeleteFunc(r2.Findings, func(f scanner.Finding) bool { return f.RuleID == "MIN-04" })
	r2.Findings = append(r2.Findings, finding("SEC-03", "Plaintext passwords", rules.Security, 4, 3, loc("users", "password"), 4, 4))
	r2.Sort()
	for i := range r2.Findings {
		if r2.Findings[i].RuleID != "SEC-03" {
			r2.Findings[i].Status = scanner.StatusOpen
		}
		if r2.Findings[i].Location.Table == "orders_bak" {
			r2.Findings[i].RecordsAffected += 5 // this card-number finding grew
		}
	}
	r2.DPIA.Changes = Changes{}
	r2.DPIA.Previous, r2.DPIA.PreviousFile = &ann, filepath.Base(week1)
	week2 := saveXLSX(t, r2, "crm-dpia-2026-03-09.xlsx")
	f, err := excelize.OpenFile(week2)
	require.NoError(t, err)
	defer f.Close()

	row := rowOf(t, f, &findingSpec, colFindingID, panFP)
	assert.Equal(t, DPOStatusAccepted, get(t, f, &findingSpec, row, colDPOStatus))
	assert.Equal(t, "Jana Richter", get(t, f, &findingSpec, row, colOwner))
	assert.Equal(t, "2026-04-30", get(t, f, &findingSpec, row, colDueDate))
	assert.Equal(t, "2", get(t, f, &findingSpec, row, colSevOverride))
	assert.Equal(t, "Tokenised by the PSP since March; legacy rows only", get(t, f, &findingSpec, row, colReason))
	// The formulas' cached values follow the carried entries: assessed 2/3, residual
	// from the risk 2/1.
	assert.Equal(t, "2", get(t, f, &findingSpec, row, colAssessedSev))
	assert.Equal(t, "3", get(t, f, &findingSpec, row, colAssessedLik))
	assert.Equal(t, "2", get(t, f, &findingSpec, row, colResidualSev))
	assert.Equal(t, "1", get(t, f, &findingSpec, row, colResidualLik))
	assert.Equal(t, "= unchanged", get(t, f, &findingSpec, row, "Trend"))
	other := rowOf(t, f, &findingSpec, colFindingID, testFingerprint(loc("orders_bak", "pan"), "SEC-01"))
	assert.Equal(t, "↑ +5", get(t, f, &findingSpec, other, "Trend"))
	assert.Equal(t, "2", get(t, f, &findingSpec, other, colResidualSev), "same risk, same residual")

	// Heat map: before at the assessed ratings, after at the residual ones.
	mv := func(ref string) int {
		v, err := f.GetCellValue(sheetRiskMatrix, ref)
		require.NoError(t, err)
		n, err := strconv.Atoi(v)
		require.NoError(t, err)
		return n
	}
	assert.Equal(t, 2, mv(matrixCell(2, 3)), "the overridden card-number finding, and LAW-01")
	assert.Equal(t, 1, mv(matrixCell(4, 4)), "the other card-number finding")
	assert.Equal(t, 2, mv(matrixAfterCell(2, 1)), "both card-number findings after measures")
	assert.Equal(t, 0, mv(matrixAfterCell(4, 4)))

	// The false positive's finding is gone: its entry is retired, not lost.
	rows, err := f.GetRows(sheetFindings)
	require.NoError(t, err)
	heading := slices.IndexFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == retiredHeading })
	require.Positive(t, heading, "a retired block")
	retired := rows[heading+1]
	assert.Equal(t, dupFP, retired[colIndex(findingCols, colFindingID)-1])
	assert.Equal(t, "MIN-04", retired[colIndex(findingCols, colRuleID)-1])
	assert.Equal(t, "crm.public.contacts.email", retired[colIndex(findingCols, colTarget)-1])
	assert.Equal(t, DPOStatusFalsePositive, retired[colIndex(findingCols, colDPOStatus)-1])
	dvs, err := f.GetDataValidations(sheetFindings)
	require.NoError(t, err)
	assert.NotNil(t, validationAt(dvs, cell(colIndex(findingCols, colDPOStatus), heading+2)), "a retired entry keeps its drop-down")

	// The other sheets carried their entries.
	assert.Equal(t, "2", get(t, f, &registerSpec, rowOf(t, f, &registerSpec, colRiskID, "R-SEC-01"), colResidualSev))
	assert.Equal(t, "low", get(t, f, &registerSpec, rowOf(t, f, &registerSpec, colRiskID, "R-SEC-01"), "Residual level"))
	assert.Equal(t, "Payment clerks", get(t, f, &registerSpec, rowOf(t, f, &registerSpec, colRiskID, "R-SEC-01"), colRiskSources))
	assert.Equal(t, "Payments team", get(t, f, &measureSpec, rowOf(t, f, &measureSpec, colMeasureID, "M-SEC-01"), colOwner))
	assert.Equal(t, "2026-05-15", get(t, f, &measureSpec, rowOf(t, f, &measureSpec, colMeasureID, "M-SEC-01"), colImplDate))
	assert.Equal(t, "yes", get(t, f, &screeningSpec, rowOf(t, f, &screeningSpec, "Criterion id", "WP248-5"), colApplies))
	assert.Equal(t, "yes", get(t, f, &screeningSpec, rowOf(t, f, &screeningSpec, "Criterion id", "WP248-5"), colCounted))
	assert.Equal(t, "changes needed", get(t, f, &signOffSpec, rowOf(t, f, &signOffSpec, "Item id", "SO-09"), colEntry))
	assert.Equal(t, "2026-09-01", get(t, f, &signOffSpec, rowOf(t, f, &signOffSpec, "Item id", "SO-10"), colEntry))
	assert.Equal(t, "Surrogate key", get(t, f, &inventorySpec, rowOf(t, f, &inventorySpec, "Column", "id"), colReason))
	assert.Equal(t, "Payment service provider", get(t, f, &processingSpec, rowOf(t, f, &processingSpec, "Activity id", "PA-01"), "Recipients"))

	summary, err := f.GetRows(sheetSummary)
	require.NoError(t, err)
	field := func(label string) string {
		for _, r := range summary {
			if len(r) > 1 && r[0] == label {
				return r[1]
			}
		}
		return ""
	}
	assert.Equal(t, "in review", field(fieldStatus))
	assert.Equal(t, "Processing may go on once card numbers are purged.", field(fieldConclusion))
	assert.Equal(t, "3", field("WP248 criteria met (of 9)"), "the DPO's yes on large scale counts")
	assert.Equal(t, "1", field("DPO entries retired (no longer matching)"))
	assert.Equal(t, "crm-dpia-2026-03-02.xlsx (scan scan-20260302-0800)", field("DPO entries carried forward from"))

	// Week 3: the retired entry survives another round trip, and comes back into the
	// table when its finding returns.
	ann2, err := ReadAnnotations(week2)
	require.NoError(t, err)
	require.Contains(t, ann2.Findings, dupFP)
	assert.True(t, ann2.Findings[dupFP].Retired)
	assert.False(t, ann2.Findings[panFP].Retired)
	r3 := testReport()
	r3.DPIA.Previous = &ann2
	f3 := writeXLSX(t, r3)
	rows, err = f3.GetRows(sheetFindings)
	require.NoError(t, err)
	assert.False(t, slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && r[0] == retiredHeading }), "nothing retired")
	assert.Equal(t, DPOStatusFalsePositive, get(t, f3, &findingSpec, rowOf(t, f3, &findingSpec, colFindingID, dupFP), colDPOStatus))
}

func TestReadAnnotationsErrors(t *testing.T) {
	_, err := ReadAnnotations(filepath.Join(t.TempDir(), "missing.xlsx"))
	require.Error(t, err)

	other := filepath.Join(t.TempDir(), "budget.xlsx")
	f := excelize.NewFile()
	require.NoError(t, f.SaveAs(other))
	_, err = ReadAnnotations(other)
	require.ErrorIs(t, err, ErrNotWorkbook)

	junk := filepath.Join(t.TempDir(), "junk.xlsx")
	require.NoError(t, os.WriteFile(junk, []byte("not a zip"), 0o600))
	_, err = ReadAnnotations(junk)
	require.Error(t, err)

	// A workbook without entries reads as empty, not as an error.
	clean := saveXLSX(t, testReport(), "clean.xlsx")
	ann, err := ReadAnnotations(clean)
	require.NoError(t, err)
	assert.Empty(t, ann.Findings)
	assert.Empty(t, ann.Fields, "the prefilled draft status is no entry")
}
