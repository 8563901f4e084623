package reports

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// writeXLSX writes r and reopens it, as a DPO's spreadsheet program would.
func writeXLSX(t *testing.T, r Report) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, XLSXReporter{}.Write(t.Context(), &buf, r))
	f, err := excelize.OpenReader(&buf)
	require.NoError(t, err)
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// TestXLSXGolden compares every sheet's cell values with a golden grid. The zip holds
// timestamps, so the bytes are never compared.
func TestXLSXGolden(t *testing.T) {
	f := writeXLSX(t, testReport())
	require.Equal(t, sheetOrder, f.GetSheetList())
	grid := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		require.NoError(t, err)
		grid[s] = rows
	}
	got, err := json.MarshalIndent(struct {
		Sheets []string
		Cells  map[string][][]string
	}{f.GetSheetList(), grid}, "", " ")
	require.NoError(t, err)
	golden(t, "xlsx_basic.golden.json", append(got, '\n'))
}

func TestXLSXDPOValidations(t *testing.T) {
	f := writeXLSX(t, testReport())
	last := firstRow + len(testReport().Findings) - 1
	tests := []struct {
		sheet, column string
		cols          []column
		wantList      []string // nil: a non-list validation (dates, prompts)
	}{
		{sheetFindings, colDPOStatus, findingCols, findingStatuses},
		{sheetFindings, colSevOverride, findingCols, scaleChoices},
		{sheetFindings, colLikOverride, findingCols, scaleChoices},
		{sheetFindings, colDueDate, findingCols, nil},
		{sheetInventory, colClassOverride, inventoryCols, nil},
		{sheetMeasures, colMeasureStatus, measureCols, measureStatuses},
		{sheetMeasures, colRiskEffect, measureCols, riskEffects},
		{sheetMeasures, colApproved, measureCols, yesNoChoices},
	}
	for _, tt := range tests {
		t.Run(tt.sheet+"/"+tt.column, func(t *testing.T) {
			dvs, err := f.GetDataValidations(tt.sheet)
			require.NoError(t, err)
			ref := cell(colIndex(tt.cols, tt.column), firstRow)
			dv := validationAt(dvs, ref)
			require.NotNil(t, dv, "no validation covers %s", ref)
			if tt.wantList != nil {
				require.Equal(t, "list", dv.Type)
				require.Equal(t, `"`+strings.Join(tt.wantList, ",")+`"`, dv.Formula1)
			}
		})
	}
	// The Findings validations cover every finding row.
	dvs, err := f.GetDataValidations(sheetFindings)
	require.NoError(t, err)
	require.NotNil(t, validationAt(dvs, cell(colIndex(findingCols, colDPOStatus), last)))

	// The DPIA status on Summary has its drop-down too.
	dvs, err = f.GetDataValidations(sheetSummary)
	require.NoError(t, err)
	require.Len(t, dvs, 1)
	require.Equal(t, `"draft,in review,validated"`, dvs[0].Formula1)
}

// validationAt finds the validation whose sqref (space-separated ranges) covers ref.
func validationAt(dvs []*excelize.DataValidation, ref string) *excelize.DataValidation {
	col, row, _ := excelize.CellNameToCoordinates(ref)
	for _, dv := range dvs {
		for _, rng := range strings.Fields(dv.Sqref) {
			a, b, ok := strings.Cut(rng, ":")
			if !ok {
				b = a
			}
			c1, r1, _ := excelize.CellNameToCoordinates(a)
			c2, r2, _ := excelize.CellNameToCoordinates(b)
			if col >= c1 && col <= c2 && row >= r1 && row <= r2 {
				return dv
			}
		}
	}
	return nil
}

func TestXLSXLockedAndUnlockedCells(t *testing.T) {
	f := writeXLSX(t, testReport())
	locked := func(sheet string, col, row int) bool {
		id, err := f.GetCellStyle(sheet, cell(col, row))
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		return st.Protection == nil || st.Protection.Locked // Excel's default is locked
	}
	for _, s := range sheetOrder {
		p, err := f.GetSheetProtection(s)
		require.NoError(t, err, s)
		assert.True(t, p.AutoFilter && p.Sort && p.FormatColumns, "%s: protection must allow sorting, filtering, resizing", s)
		assert.Empty(t, p.Password, s)
	}
	for i, c := range findingCols {
		assert.Equal(t, c.kind != kindDPO, locked(sheetFindings, i+1, firstRow), "Findings column %q", c.title)
	}
	for i, c := range inventoryCols {
		assert.Equal(t, c.kind != kindDPO, locked(sheetInventory, i+1, firstRow), "Data inventory column %q", c.title)
	}
	for i, c := range measureCols {
		assert.Equal(t, c.kind != kindDPO, locked(sheetMeasures, i+1, firstRow), "Measures column %q", c.title)
	}
}

func TestXLSXFindingsFormatting(t *testing.T) {
	f := writeXLSX(t, testReport())
	n := len(testReport().Findings)
	cfs, err := f.GetConditionalFormats(sheetFindings)
	require.NoError(t, err)
	riskRange := colRange(colIndex(findingCols, colRiskLevel), firstRow, firstRow+n-1)
	require.Contains(t, cfs, riskRange)
	var values []string
	for _, o := range cfs[riskRange] {
		values = append(values, o.Value)
	}
	require.ElementsMatch(t, []string{`"critical"`, `"high"`, `"medium"`, `"low"`}, values)

	for _, s := range []string{sheetFindings, sheetInventory} {
		panes, err := f.GetPanes(s)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, s)
		assert.Equal(t, headerRow, panes.YSplit, s)
	}

	// The measure id links to its row on Measures, which holds that id.
	col := colIndex(findingCols, colMeasureID)
	formula, err := f.GetCellFormula(sheetFindings, cell(col, firstRow))
	require.NoError(t, err)
	id, err := f.GetCellValue(sheetFindings, cell(col, firstRow))
	require.NoError(t, err)
	require.Equal(t, "M-SEC-01", id)
	require.Contains(t, formula, `HYPERLINK("#'Measures'!A3","M-SEC-01")`)
	got, err := f.GetCellValue(sheetMeasures, "A3")
	require.NoError(t, err)
	require.Equal(t, id, got)
}

func TestXLSXRiskMatrixCounts(t *testing.T) {
	r := testReport()
	f := writeXLSX(t, r)
	for sev := 1; sev <= 4; sev++ {
		for lik := 1; lik <= 4; lik++ {
			want := 0
			for _, fd := range r.Findings {
				if int(fd.Severity) == sev && int(fd.Likelihood) == lik {
					want++
				}
			}
			got, err := f.GetCellValue(sheetRiskMatrix, matrixCell(sev, lik))
			require.NoError(t, err)
			assert.Equal(t, fmt.Sprint(want), got, "severity %d × likelihood %d", sev, lik)
		}
	}
	// Every grid cell turns to its band's colour once it holds a finding.
	cfs, err := f.GetConditionalFormats(sheetRiskMatrix)
	require.NoError(t, err)
	assert.Len(t, cfs, 16)
}

func TestXLSXLinksBackToSummary(t *testing.T) {
	f := writeXLSX(t, testReport())
	for _, s := range sheetOrder[1:] {
		ok, target, err := f.GetCellHyperLink(s, "A1")
		require.NoError(t, err)
		assert.True(t, ok, "%s has no link in A1", s)
		assert.Equal(t, "'Summary'!A1", target, s)
		v, err := f.GetCellValue(s, "A1")
		require.NoError(t, err)
		assert.Equal(t, backText, v, s)
	}
}

func TestXLSXDocProps(t *testing.T) {
	f := writeXLSX(t, testReport())
	p, err := f.GetDocProps()
	require.NoError(t, err)
	assert.Equal(t, "DPIA – Customer CRM", p.Title)
	assert.Contains(t, p.Keywords, testScan)
	assert.NotEmpty(t, p.Subject)
	custom, err := f.GetCustomProps()
	require.NoError(t, err)
	props := map[string]any{}
	for _, c := range custom {
		props[c.Name] = c.Value
	}
	assert.Equal(t, testScan, props["gdprscan_scan_id"])
	assert.EqualValues(t, SchemaVersion, props["gdprscan_schema_version"])
}

func TestXLSXEmptyReport(t *testing.T) {
	f := writeXLSX(t, Report{ScanID: testScan, StartedAt: testStart, FinishedAt: testStart})
	require.Equal(t, sheetOrder, f.GetSheetList())
	rows, err := f.GetRows(sheetFindings)
	require.NoError(t, err)
	require.Len(t, rows, headerRow, "only the link and header rows")
	for sev := 1; sev <= 4; sev++ {
		for lik := 1; lik <= 4; lik++ {
			v, err := f.GetCellValue(sheetRiskMatrix, matrixCell(sev, lik))
			require.NoError(t, err)
			require.Equal(t, "0", v)
		}
	}
	p, err := f.GetDocProps()
	require.NoError(t, err)
	require.Equal(t, "DPIA – unnamed scope", p.Title)
}

func TestXLSXTruncatesLongCells(t *testing.T) {
	r := testReport()
	r.Findings[0].ReproduceSQL = "SELECT " + strings.Repeat("x, ", 20000) + "1"
	f := writeXLSX(t, r)
	// Findings are sorted, so look the finding up by fingerprint.
	rows, err := f.GetRows(sheetFindings)
	require.NoError(t, err)
	sqlCol := colIndex(findingCols, "Reproduce SQL") - 1
	found := false
	for _, row := range rows[firstRow-1:] {
		if row[0] == r.Findings[0].Fingerprint {
			found = true
			assert.LessOrEqual(t, len(row[sqlCol]), 32767)
			assert.True(t, strings.HasSuffix(row[sqlCol], "…[truncated]"))
		}
	}
	require.True(t, found)
}

func TestXLSXCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	require.ErrorIs(t, XLSXReporter{}.Write(ctx, io.Discard, testReport()), context.Canceled)
}

// benchReport is a large scan: nFindings findings over nInventory columns.
func benchReport(nFindings, nInventory int) Report {
	r := testReport()
	r.Findings, r.Inventory = nil, nil
	ruleIDs := []string{"SEC-01", "SPC-01", "RET-01", "LAW-01", "CNS-01", "ERA-02", "MIN-04", "DSC-02"}
	for i := range nInventory {
		r.Inventory = append(r.Inventory, scanner.InventoryItem{
			Source: "crm", Database: "crm", Schema: "public", Table: fmt.Sprintf("table_%04d", i/20), Column: fmt.Sprintf("col_%02d", i%20),
			DataType: "text", RowEstimate: int64(i * 10), Personal: i%3 == 0, Category: detect.Email, Confidence: 0.8,
			Evidence:       detect.Evidence{Signals: []string{"name:email", "value:email"}, ValueRatio: 0.9, Sampled: 1000},
			MaskedExamples: []string{"j***@e***.com", "a***@b***.org"},
		})
	}
	for i := range nFindings {
		sev, lik := rules.Severity(i%4+1), rules.Likelihood((i/4)%4+1)
		f := finding(ruleIDs[i%len(ruleIDs)], "Benchmark finding", rules.Security, sev, lik,
			loc(fmt.Sprintf("table_%04d", i/20), fmt.Sprintf("col_%02d", i%20)), int64(i), int64(i/2))
		r.Findings = append(r.Findings, f)
	}
	return r
}

// BenchmarkXLSX writes a workbook of 10k findings and 20k inventory rows.
func BenchmarkXLSX(b *testing.B) {
	r := benchReport(10_000, 20_000)
	var size int
	b.ReportAllocs()
	for b.Loop() {
		var cw countWriter
		if err := (XLSXReporter{}).Write(b.Context(), &cw, r); err != nil {
			b.Fatal(err)
		}
		size = int(cw)
	}
	b.ReportMetric(float64(size)/1e6, "MB/file")
}

type countWriter int64

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
