package reports

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/xuri/excelize/v2"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/scanner"
)

// testDPIA is the workbook context of testReport: two activities and one declared but
// missing table, a retention rule, a consent table with counts, a counted request table,
// a previous run, three runs of history and two tickets.
func testDPIA() DPIAContext {
	panFP := testFingerprint(loc("payments", "card_number"), "SEC-01")
	lawFP := testFingerprint(loc("contacts", "lawful_basis"), "LAW-01")
	dupFP := testFingerprint(loc("contacts", "email"), "MIN-04")
	prev := testStart.AddDate(0, 0, -7)
	return DPIAContext{
		Activities: []Activity{
			{ID: "PA-01", Name: "Customer relationship management", Purpose: "Manage customers and orders", LawfulBasis: "contract",
				Tables: []string{"contacts", "public.payments"}, Retention: "P3Y", DataSubjects: []string{"customers"}},
			{ID: "PA-02", Name: "Direct marketing", Purpose: "Email marketing", LawfulBasis: "consent",
				Tables: []string{"leads", "consent_records"}, Retention: "P3Y", DataSubjects: []string{"prospects"}},
			{ID: "PA-03", Name: "HR records", Purpose: "Staff administration", LawfulBasis: "legitimate_interest",
				Tables: []string{"staff"}, DataSubjects: []string{"employees"}},
		},
		Subjects: []SubjectTable{
			{Source: "crm", Table: "contacts", Key: "id", Marketable: "marketing_opt_in = 1"},
			{Source: "crm", Table: "leads", Key: "id"},
		},
		Retention: []RetentionRule{{Source: "crm", ID: "leads-3y", Table: "leads", SubjectFilter: "status <> 'converted'",
			Anchor: "COALESCE(last_inbound_at, created_at)", Period: "P3Y", EndAction: "delete", LegalBasis: "CNIL reference"}},
		Consent: []ConsentSource{{Source: "crm", Table: "consent_records", MarketingPurpose: "email_marketing", Counts: []ConsentCount{
			{Purpose: "email_marketing", Status: "granted", Granted: true, Rows: 120, Subjects: 100},
			{Purpose: "email_marketing", Status: "withdrawn", Rows: 10, Subjects: 10},
			{Purpose: "profiling", Status: "granted", Granted: true, Rows: 5, Subjects: 5},
		}}},
		Requests: []RequestSource{{Source: "crm", Right: "erasure", Table: "erasure_requests", Deadline: "P1M",
			Counted: true, Received: 20, Completed: 17, Open: 3, MedianDays: 12.5}},
		Settings: []SourceSettings{{Name: "crm", Kind: "postgres", Environment: "prod", SampleSize: 1000, ExcludeSchemas: []string{"audit"}}},
		Changes:  changesForTest(prev, dupFP),
		History: []TrendPoint{
			{ScanID: "scan-a", At: testStart.AddDate(0, 0, -14), Critical: 4, High: 1, Medium: 2, Low: 1, Total: 8},
			{ScanID: "scan-20260223-0800", At: prev, Critical: 3, High: 0, Medium: 2, Low: 1, Total: 6},
			{ScanID: testScan, At: testStart, Critical: 3, High: 0, Medium: 2, Low: 1, Total: 6},
		},
		Seen: map[string]Seen{panFP: {First: testStart.AddDate(0, -2, 0), Last: testStart}},
		Tickets: map[string]Ticket{
			panFP: {ID: "GDPR-0a1b2c3d4e5f", URL: "https://tracker.example/browse/GDPR-0a1b2c3d4e5f"},
			lawFP: {ID: "GDPR-111111111111"},
		},
	}
}

// changesForTest is a previous run at prev in which the duplicate-records finding had
// been resolved (it is reopened now) and one finding is resolved by this run.
func changesForTest(prev time.Time, reopened string) Changes {
	return Changes{PreviousScanID: "scan-20260223-0800", PreviousAt: prev, New: 2, Reopened: []string{reopened},
		Resolved: []ResolvedFinding{{Fingerprint: "v1:gone", RuleID: "SEC-02", Title: "Card security codes stored", Location: "crm.public.payments.cvv", RiskLevel: "critical"}}}
}

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

// saveXLSX writes r to a file in a temporary folder and returns its path.
func saveXLSX(t *testing.T, r Report, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	f := writeXLSX(t, r)
	require.NoError(t, f.SaveAs(path))
	return path
}

// wantSheets is docs/rule-catalogue.md §5, spelled out so a rename fails here.
var wantSheets = []string{
	"Summary", "Description", "Screening", "Processing inventory", "Data inventory", "Lawful basis & consent", "Retention",
	"Data subject rights", "Findings", "Risk register", "Risk matrix", "Measures", "Necessity & proportionality",
	"Sign-off", "Methodology",
}

// TestXLSXGolden compares every sheet's cell values with a golden grid. The zip holds
// timestamps, so the bytes are never compared.
func TestXLSXGolden(t *testing.T) {
	f := writeXLSX(t, testReport())
	require.Equal(t, wantSheets, f.GetSheetList())
	golden(t, "xlsx_basic.golden.json", append(gridJSON(t, f, nil), '\n'))
}

// gridJSON renders every sheet's cell values; skip blanks cells whose value varies.
func gridJSON(t *testing.T, f *excelize.File, skip func(sheet string, row, col int, v string) bool) []byte {
	t.Helper()
	grid := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s)
		require.NoError(t, err)
		if skip != nil {
			for r, row := range rows {
				for c, v := range row {
					if skip(s, r+1, c+1, v) {
						row[c] = "<varies>"
					}
				}
			}
		}
		grid[s] = rows
	}
	got, err := json.MarshalIndent(struct {
		Sheets []string
		Cells  map[string][][]string
	}{f.GetSheetList(), grid}, "", " ")
	require.NoError(t, err)
	return got
}

func TestXLSXHeaders(t *testing.T) {
	f := writeXLSX(t, testReport())
	for _, spec := range tableSpecs() {
		rows, err := f.GetRows(spec.name)
		require.NoError(t, err)
		require.GreaterOrEqual(t, len(rows), headerRow, spec.name)
		var want []string
		for _, c := range spec.cols {
			want = append(want, c.title)
		}
		assert.Equal(t, want, rows[headerRow-1], "%s headers", spec.name)
		for _, k := range append(slices.Clone(spec.key), spec.context...) {
			assert.Contains(t, want, k, "%s: key or context column", spec.name)
		}
	}
	// Findings carry at least the columns docs/rule-catalogue.md §5 lists.
	for _, c := range []string{"Finding id", "Rule id", "Title", "Principle / feared event", "GDPR articles", "Fine tier", "Target",
		"Records", "Subjects", "Special category", "Evidence", "Severity", "Likelihood", "Risk score", "Risk level",
		"First seen", "Last seen", "Trend", "Status", "DPO status", "Owner", "Ticket", "Ticket URL", "Due date",
		"Severity override", "Likelihood override", "Reason"} {
		assert.Contains(t, titles(findingCols), c)
	}
}

func titles(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.title
	}
	return out
}

func TestXLSXDPOValidations(t *testing.T) {
	r := testReport()
	f := writeXLSX(t, r)
	// Every DPO column with choices has its drop-down on the first data row, and every
	// date column a date validation.
	for _, spec := range tableSpecs() {
		dvs, err := f.GetDataValidations(spec.name)
		require.NoError(t, err)
		for i, c := range spec.cols {
			if c.kind != kindDPO || (len(c.choices) == 0 && c.format != fmtDate) {
				continue
			}
			t.Run(spec.name+"/"+c.title, func(t *testing.T) {
				ref := cell(i+1, firstRow)
				dv := validationAt(dvs, ref)
				require.NotNil(t, dv, "no validation covers %s", ref)
				if len(c.choices) > 0 {
					require.Equal(t, "list", dv.Type)
					require.Equal(t, `"`+strings.Join(c.choices, ",")+`"`, dv.Formula1)
				} else {
					require.Equal(t, "date", dv.Type)
				}
			})
		}
	}
	// The drop-downs the issue names, by value.
	lists := map[string][]string{}
	for _, spec := range tableSpecs() {
		for _, c := range spec.cols {
			if len(c.choices) > 0 {
				lists[spec.name+"/"+c.title] = c.choices
			}
		}
	}
	assert.Equal(t, []string{"new", "open", "in progress", "fixed", "accepted", "false positive"}, lists["Findings/DPO status"])
	assert.Equal(t, []string{"1", "2", "3", "4"}, lists["Findings/Severity override"])
	assert.Equal(t, []string{"1", "2", "3", "4"}, lists["Risk register/Residual likelihood"])
	assert.Equal(t, []string{"yes", "no"}, lists["Screening/Applies"])
	assert.Equal(t, []string{"eliminated", "reduced", "accepted"}, lists["Measures/Effect on risk"])

	// The Findings validations cover every finding row.
	dvs, err := f.GetDataValidations(sheetFindings)
	require.NoError(t, err)
	require.NotNil(t, validationAt(dvs, cell(colIndex(findingCols, colDPOStatus), firstRow+len(r.Findings)-1)))

	// Per-row drop-downs of Sign-off, and the DPIA status on Summary.
	dvs, err = f.GetDataValidations(sheetSignOff)
	require.NoError(t, err)
	dv := validationAt(dvs, cell(colIndex(signOffCols, colEntry), firstRow+8)) // SO-09 Decision
	require.NotNil(t, dv)
	require.Equal(t, `"validated,refused,changes needed"`, dv.Formula1)
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
	for _, s := range wantSheets {
		p, err := f.GetSheetProtection(s)
		require.NoError(t, err, s)
		assert.True(t, p.AutoFilter && p.Sort && p.FormatColumns, "%s: protection must allow sorting, filtering, resizing", s)
		assert.Empty(t, p.Password, s)
	}
	for _, spec := range tableSpecs() {
		for i, c := range spec.cols {
			assert.Equal(t, c.kind != kindDPO, locked(spec.name, i+1, firstRow), "%s column %q", spec.name, c.title)
		}
	}
	// Header colours tell the kinds apart.
	hdr := func(sheet string, col int) string {
		id, err := f.GetCellStyle(sheet, cell(col, headerRow))
		require.NoError(t, err)
		st, err := f.GetStyle(id)
		require.NoError(t, err)
		return st.Fill.Color[0]
	}
	assert.Equal(t, colourAutoHeader, hdr(sheetFindings, 1))
	assert.Equal(t, colourDPOHeader, hdr(sheetFindings, colIndex(findingCols, colDPOStatus)))
	assert.Equal(t, colourConfigHeader, hdr(sheetProcessing, 1))
}

func TestXLSXFrozenHeadersAndFilters(t *testing.T) {
	f := writeXLSX(t, testReport())
	for _, spec := range tableSpecs() {
		panes, err := f.GetPanes(spec.name)
		require.NoError(t, err)
		assert.True(t, panes.Freeze, spec.name)
		assert.Equal(t, headerRow, panes.YSplit, spec.name)
	}
	// Every tabular sheet has an autofilter on its header row.
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm._FilterDatabase" {
			names[dn.Scope] = dn.RefersTo
		}
	}
	for _, spec := range tableSpecs() {
		assert.Contains(t, names[spec.name], "$A$2:", spec.name)
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
	for _, s := range []string{sheetRegister, sheetSummary} {
		cfs, err := f.GetConditionalFormats(s)
		require.NoError(t, err)
		assert.NotEmpty(t, cfs, s)
	}

	// The measure id links to its row on Measures, which holds that id; the risk id to
	// the Risk register; the ticket to its URL.
	val := func(sheet, ref string) string {
		v, err := f.GetCellValue(sheet, ref)
		require.NoError(t, err)
		return v
	}
	formula := func(sheet, ref string) string {
		v, err := f.GetCellFormula(sheet, ref)
		require.NoError(t, err)
		return v
	}
	mref := cell(colIndex(findingCols, colMeasureID), firstRow)
	require.Equal(t, "M-SEC-01", val(sheetFindings, mref))
	require.Contains(t, formula(sheetFindings, mref), `HYPERLINK("#'Measures'!A3","M-SEC-01")`)
	require.Equal(t, "M-SEC-01", val(sheetMeasures, "A3"))
	rref := cell(colIndex(findingCols, colRiskID), firstRow)
	require.Contains(t, formula(sheetFindings, rref), `HYPERLINK("#'Risk register'!A3","R-SEC-01")`)
	require.Equal(t, "R-SEC-01", val(sheetRegister, "A3"))

	rows, err := f.GetRows(sheetFindings)
	require.NoError(t, err)
	ticket, url := colIndex(findingCols, colTicket)-1, colIndex(findingCols, "Ticket URL")-1
	byFP := map[string][]string{}
	fpCol := colIndex(findingCols, colFindingID) - 1
	for _, row := range rows[firstRow-1:] {
		if len(row) > fpCol {
			byFP[row[fpCol]] = row
		}
	}
	pan := byFP[testFingerprint(loc("payments", "card_number"), "SEC-01")]
	assert.Equal(t, "GDPR-0a1b2c3d4e5f", pan[ticket])
	assert.Equal(t, "https://tracker.example/browse/GDPR-0a1b2c3d4e5f", pan[url])
	law := byFP[testFingerprint(loc("contacts", "lawful_basis"), "LAW-01")]
	assert.Equal(t, "GDPR-111111111111", law[ticket])
	assert.Equal(t, "", law[url], "a ticket without a URL")
	dup := byFP[testFingerprint(loc("contacts", "email"), "MIN-04")]
	assert.Equal(t, "reopened", dup[colIndex(findingCols, "Status")-1])
	assert.Equal(t, "", dup[ticket], "no ticket: the cell stays empty")
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
			// Nothing is rated after measures yet: the after grid is empty until the
			// DPO rates residual risk ("not assessed", not the same as before).
			for i, ref := range []string{matrixCell(sev, lik), matrixAfterCell(sev, lik)} {
				got, err := f.GetCellValue(sheetRiskMatrix, ref)
				require.NoError(t, err)
				if i == 1 {
					want = 0
				}
				assert.Equal(t, fmt.Sprint(want), got, "severity %d × likelihood %d at %s", sev, lik, ref)
				formula, err := f.GetCellFormula(sheetRiskMatrix, ref)
				require.NoError(t, err)
				assert.Contains(t, formula, "COUNTIFS('Findings'!")
			}
		}
	}
	// Every grid cell turns to its band's colour once it holds a finding.
	cfs, err := f.GetConditionalFormats(sheetRiskMatrix)
	require.NoError(t, err)
	assert.Len(t, cfs, 32)
	for _, ref := range []string{matrixCell(4, 4), matrixAfterCell(1, 1)} {
		require.Len(t, cfs[ref], 1)
		assert.Equal(t, "greater than", cfs[ref][0].Criteria)
	}
}

func TestXLSXCharts(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, XLSXReporter{}.Write(t.Context(), &buf, testReport()))
	charts := chartXML(t, buf.Bytes())
	require.Len(t, charts, 3, "risk level, family, trend")
	all := strings.Join(charts, "\n")
	for _, want := range []string{"<doughnutChart>", "<barChart>", "<lineChart>", "Findings by risk level", "Findings by family", "Findings over the last scans"} {
		assert.True(t, strings.Contains(all, want), "a chart has %s", want)
	}
	// Without history there is no trend chart.
	r := testReport()
	r.DPIA.History = nil
	buf.Reset()
	require.NoError(t, XLSXReporter{}.Write(t.Context(), &buf, r))
	assert.Len(t, chartXML(t, buf.Bytes()), 2)
}

func chartXML(t *testing.T, xlsx []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	require.NoError(t, err)
	var out []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, err := zf.Open()
			require.NoError(t, err)
			b, err := io.ReadAll(rc)
			require.NoError(t, err)
			rc.Close()
			out = append(out, string(b))
		}
	}
	return out
}

func TestXLSXLinksBackToSummary(t *testing.T) {
	f := writeXLSX(t, testReport())
	for _, s := range wantSheets[1:] {
		ok, target, err := f.GetCellHyperLink(s, "A1")
		require.NoError(t, err)
		assert.True(t, ok, "%s has no link in A1", s)
		assert.Equal(t, "'Summary'!A1", target, s)
		v, err := f.GetCellValue(s, "A1")
		require.NoError(t, err)
		assert.Equal(t, backText, v, s)
	}
	// Summary's contents list links to every sheet.
	rows, err := f.GetRows(sheetSummary)
	require.NoError(t, err)
	for _, s := range wantSheets[1:] {
		found := false
		for i, row := range rows {
			if len(row) > 0 && row[0] == s {
				ok, target, err := f.GetCellHyperLink(sheetSummary, cell(1, i+1))
				require.NoError(t, err)
				found = ok && target == sheetRef(s, "A1")
				break
			}
		}
		assert.True(t, found, "Summary links to %s", s)
	}
}

func TestXLSXDocProps(t *testing.T) {
	r := testReport()
	f := writeXLSX(t, r)
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
	assert.Equal(t, "Customer CRM", props["gdprscan_scope"])
	assert.Equal(t, findingsHash(r.Findings), props["gdprscan_findings_hash"])
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, props["gdprscan_findings_hash"])
	assert.EqualValues(t, SchemaVersion, props["gdprscan_schema_version"])
}

func TestXLSXEmptyReport(t *testing.T) {
	f := writeXLSX(t, Report{ScanID: testScan, StartedAt: testStart, FinishedAt: testStart})
	require.Equal(t, wantSheets, f.GetSheetList())
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
	fpCol := colIndex(findingCols, colFindingID) - 1
	found := false
	for _, row := range rows[firstRow-1:] {
		if len(row) > fpCol && row[fpCol] == r.Findings[0].Fingerprint {
			found = true
			assert.LessOrEqual(t, len(row[sqlCol]), 32767)
			assert.True(t, strings.HasSuffix(row[sqlCol], "…[truncated]"))
		}
	}
	require.True(t, found)
}

// Cancelled while a large sheet streams, the writer stops with the context's error and
// its row preparer ends with it.
func TestXLSXCancelledMidSheet(t *testing.T) {
	r := benchReport(20_000, 100)
	before := runtime.NumGoroutine()
	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(50*time.Millisecond, cancel)
	require.ErrorIs(t, XLSXReporter{}.Write(ctx, io.Discard, r), context.Canceled)
	assert.Eventually(t, func() bool { return runtime.NumGoroutine() <= before+1 }, 5*time.Second, 10*time.Millisecond, "no goroutine left behind")
}

func TestXLSXCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	require.ErrorIs(t, XLSXReporter{}.Write(ctx, io.Discard, testReport()), context.Canceled)
}

func TestScreening(t *testing.T) {
	r := testReport()
	sc := screen(r, derive(r), &Annotations{})
	by := map[string]criterion{}
	for _, c := range sc.rows {
		by[c.ID] = c
	}
	assert.Equal(t, "yes", by["WP248-4"].Indicated, "health and card numbers are sensitive")
	assert.Contains(t, by["WP248-4"].Evidence, "health_notes (health data, Art. 9)")
	assert.Equal(t, "yes", by["WP248-7"].Indicated, "an activity concerns employees")
	assert.Equal(t, "no", by["WP248-5"].Indicated, "18,200 contacts is below the default threshold")
	assert.Equal(t, dpoToJudge, by["WP248-2"].Indicated)
	assert.Equal(t, 2, sc.met)
	assert.True(t, sc.likely)

	// A lower threshold makes it large scale, and Art. 35(3)(b) then applies.
	r.DPIA.LargeScaleSubjects = 10_000
	sc = screen(r, derive(r), &Annotations{})
	assert.Equal(t, 3, sc.met)
	assert.True(t, sc.trigger)

	// The DPO's answers replace the indications.
	r.DPIA.LargeScaleSubjects = 0
	prev := &Annotations{Tables: map[string]map[string]Entry{sheetScreening: {
		"WP248-4": {Values: map[string]string{colApplies: "no"}},
		"WP248-7": {Values: map[string]string{colApplies: "no"}},
	}}}
	sc = screen(r, derive(r), prev)
	assert.Equal(t, 0, sc.met)
	assert.False(t, sc.likely)
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
			Evidence:       detect.Evidence{Signals: []string{"name:email", "value:email"}, ValueRatio: 0.9, NonNull: 900, Sampled: 1000},
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
