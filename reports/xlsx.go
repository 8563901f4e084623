package reports

import (
	"archive/zip"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheet names are part of the workbook's contract: a re-import of DPO edits finds its
// cells by sheet name and header, so keep them stable.
const (
	sheetSummary     = "Summary"
	sheetScreening   = "Screening"
	sheetProcessing  = "Processing inventory"
	sheetInventory   = "Data inventory"
	sheetConsent     = "Lawful basis & consent"
	sheetRetention   = "Retention"
	sheetRights      = "Data subject rights"
	sheetFindings    = "Findings"
	sheetRegister    = "Risk register"
	sheetRiskMatrix  = "Risk matrix"
	sheetMeasures    = "Measures"
	sheetNecessity   = "Necessity & proportionality"
	sheetSignOff     = "Sign-off"
	sheetMethodology = "Methodology"
)

// sheetOrder is the tab order of the workbook: the fourteen sheets of DOMAIN.md §5.
var sheetOrder = []string{
	sheetSummary, sheetScreening, sheetProcessing, sheetInventory, sheetConsent, sheetRetention, sheetRights,
	sheetFindings, sheetRegister, sheetRiskMatrix, sheetMeasures, sheetNecessity, sheetSignOff, sheetMethodology,
}

// sheetPurpose is the one-line description of each sheet on Summary's contents list.
var sheetPurpose = map[string]string{
	sheetScreening:   "Is a DPIA required? The WP248 criteria and Art. 35(3) triggers, with the scan's evidence",
	sheetProcessing:  "The processing activities (Art. 30 record) and what the scan observed in their tables",
	sheetInventory:   "Every scanned column: category, special-category flag, evidence, masked examples",
	sheetConsent:     "Lawful basis per purpose and consent coverage (Art. 6, 7, 9)",
	sheetRetention:   "Retention rules and the rows kept past them (Art. 5(1)(e))",
	sheetRights:      "Data-subject requests: erasure backlog and residuals (Art. 12, 15–22)",
	sheetFindings:    "One row per finding: articles, severity, likelihood, evidence; your status and overrides",
	sheetRegister:    "The risks to people, inherent and residual, with your assessment (Art. 35(7)(c))",
	sheetRiskMatrix:  "Heat map of severity × likelihood, before and after measures",
	sheetMeasures:    "The remediation plan: one measure per rule with findings (Art. 35(7)(d))",
	sheetNecessity:   "Necessity and proportionality questions with the scan's facts (Art. 35(7)(b))",
	sheetSignOff:     "DPO advice, decisions and signature (Art. 35(2), 36)",
	sheetMethodology: "Scales, risk convention, rule catalogue, sampling, known limits, change log",
}

// Tabular sheets share one layout: row 1 holds the link back to Summary and the sheet
// title, row 2 the headers, data starts on row 3.
const (
	headerRow = 2
	firstRow  = 3
)

// XLSXReporter writes the DPIA workbook (DOMAIN.md §5). Large sheets are streamed, so
// memory stays flat with the number of findings and inventory rows.
type XLSXReporter struct{}

var _ Reporter = XLSXReporter{}

// Ext implements Reporter.
func (XLSXReporter) Ext() string { return "xlsx" }

// Write implements Reporter.
func (XLSXReporter) Write(ctx context.Context, w io.Writer, r Report) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer func() { _ = f.Close() }() // removes the stream writers' temporary files
	if len(r.Findings)+len(r.Inventory) > fastZipRows {
		f.SetZipWriter(fastZip)
	}
	b, err := newBook(ctx, f, r.normalized())
	if err != nil {
		return err
	}
	if err := b.build(); err != nil {
		return fmt.Errorf("build xlsx report: %w", err)
	}
	if err := f.Write(w); err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	return nil
}

// fastZipRows is the size above which the workbook is compressed for speed rather than
// size: deflating a large workbook otherwise takes a third of the time to write it.
const fastZipRows = 20_000

func fastZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return flate.NewWriter(out, flate.BestSpeed)
	})
	return zw
}

// book is one workbook being built. Cell writes on non-streamed sheets go through set,
// which keeps the first error so the layout code reads top to bottom without an
// if-err after every cell.
type book struct {
	ctx        context.Context
	f          *excelize.File
	st         styles
	r          Report
	stats      stats
	derived    *derived
	prev       *Annotations // the DPO's previous entries; empty, never nil
	measures   []measure
	measureRow map[string]int // rule id → row on the Measures sheet
	risks      []risk
	riskRow    map[string]int    // rule id → row on the Risk register
	residual   map[string][2]int // rule id → residual severity, likelihood carried forward (0: none)
	screen     screening
	// screenCells locate Screening's conclusion once written, for Summary.
	screenCells screeningCells
	// lastRiskRow is the Risk register's last data row, for the lookups of Findings.
	lastRiskRow int
	// legendMerges are the merged cells of the streamed risk legend.
	legendMerges [][2]string
	// carried and retired count the DPO entries written back and retired.
	carried, retired int
	err              error
}

func newBook(ctx context.Context, f *excelize.File, r Report) (*book, error) {
	st, err := newStyles(f)
	if err != nil {
		return nil, fmt.Errorf("xlsx styles: %w", err)
	}
	prev := r.DPIA.Previous
	if prev == nil {
		prev = &Annotations{}
	}
	b := &book{
		ctx: ctx, f: f, st: st, r: r, stats: computeStats(r), derived: derive(r), prev: prev,
		measures: measures(r), measureRow: map[string]int{}, riskRow: map[string]int{}, residual: map[string][2]int{},
	}
	for i, m := range b.measures {
		b.measureRow[m.RuleID] = firstRow + i
	}
	b.risks = risks(r, b.derived)
	for i, rk := range b.risks {
		b.riskRow[rk.RuleID] = firstRow + i
		if e, ok := prev.table(sheetRegister)[rk.ID]; ok {
			b.residual[rk.RuleID] = [2]int{scaleValue(e.Values[colResidualSev]), scaleValue(e.Values[colResidualLik])}
		}
	}
	b.lastRiskRow = firstRow + len(b.risks) - 1
	b.screen = screen(r, b.derived, prev)
	return b, nil
}

func (b *book) build() error {
	// NewFile starts with "Sheet1"; it becomes Summary so no empty sheet is left over.
	if err := b.f.SetSheetName("Sheet1", sheetSummary); err != nil {
		return err
	}
	for _, name := range sheetOrder[1:] {
		if _, err := b.f.NewSheet(name); err != nil {
			return err
		}
	}
	// Summary and Methodology come last: they report how many DPO entries the other
	// sheets carried forward and retired.
	steps := []func() error{
		b.screeningSheet, b.processing, b.inventory, b.consent, b.retention, b.rights, b.findings, b.register,
		b.riskMatrix, b.measuresSheet, b.necessity, b.signOff, b.summary, b.methodology, b.docProps, b.calcOnLoad,
	}
	for _, step := range steps {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		if err := step(); err != nil {
			return err
		}
	}
	// Summary stays the active sheet: it was NewFile's first. SetActiveSheet is avoided on
	// purpose, as it re-parses every sheet, the flushed streamed ones included.
	return nil
}

// set writes one value with a style on a non-streamed sheet.
func (b *book) set(sheet string, col, row int, v any, style int) {
	if b.err != nil {
		return
	}
	ref := cell(col, row)
	if s, ok := v.(string); ok {
		v = truncate(s)
	}
	if v != nil {
		if b.err = b.f.SetCellValue(sheet, ref, v); b.err != nil {
			return
		}
	}
	if style != 0 {
		b.err = b.f.SetCellStyle(sheet, ref, ref, style)
	}
}

// do runs an excelize call unless an earlier one failed.
func (b *book) do(fn func() error) {
	if b.err == nil {
		b.err = fn()
	}
}

// link writes a cell that jumps to a location in the workbook, e.g. "'Findings'!A3".
func (b *book) link(sheet string, col, row int, text, location string) {
	b.set(sheet, col, row, text, b.st.link)
	b.do(func() error { return b.f.SetCellHyperLink(sheet, cell(col, row), location, "Location") })
}

// backLink puts "← Summary" in A1 of a non-streamed sheet, with the sheet title beside it.
func (b *book) backLink(sheet, title string) {
	b.link(sheet, 1, 1, backText, sheetRef(sheetSummary, "A1"))
	b.set(sheet, 2, 1, title, b.st.title)
}

const backText = "← Summary"

// calcOnLoad asks the spreadsheet program to recalculate on opening: the formulas carry
// cached values, but the DPO's edits since must flow into the heat map and Summary.
func (b *book) calcOnLoad() error {
	yes := true
	return b.f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes})
}

// protect locks every cell except those whose style unlocks them (the DPO cells). No
// password: the point is to stop accidental edits of scan facts, not to keep anyone out,
// and sorting, filtering and resizing stay allowed.
func (b *book) protect(sheet string) error {
	return b.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{
		AutoFilter:          true,
		Sort:                true,
		FormatColumns:       true,
		FormatRows:          true,
		SelectLockedCells:   true,
		SelectUnlockedCells: true,
	})
}

// headerPanes freezes the link and header rows of a tabular sheet.
func headerPanes() *excelize.Panes {
	return &excelize.Panes{Freeze: true, YSplit: headerRow, TopLeftCell: cell(1, firstRow), ActivePane: "bottomLeft"}
}

// dropList adds a list validation to a range; an entry outside the list is refused.
func (b *book) dropList(sheet, sqref, prompt string, items ...string) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if err := dv.SetDropList(items); err != nil {
		return err
	}
	dv.SetInput("", prompt)
	dv.SetError(excelize.DataValidationErrorStyleStop, "Invalid value", "Choose one of: "+strings.Join(items, ", "))
	return b.f.AddDataValidation(sheet, dv)
}

// dateInput restricts a range to dates (2000-01-01 … 2099-12-31 as Excel serials).
func (b *book) dateInput(sheet, sqref string) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if err := dv.SetRange(36526, 73050, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dv.SetInput("", "A date, e.g. 2026-03-31")
	return b.f.AddDataValidation(sheet, dv)
}

// riskFormats colours a range of risk-level words (critical red … low green).
func (b *book) riskFormats(sheet, sqref string) error {
	var opts []excelize.ConditionalFormatOptions
	for _, lvl := range riskLevels {
		id := b.st.riskCF[lvl]
		opts = append(opts, excelize.ConditionalFormatOptions{
			Type: "cell", Criteria: "==", Value: `"` + lvl.String() + `"`, Format: &id,
		})
	}
	return b.f.SetConditionalFormat(sheet, sqref, opts)
}

// Drop-down choices of the DPO columns. Keep them in sync with the re-import.
var (
	findingStatuses = []string{DPOStatusNew, DPOStatusOpen, DPOStatusInProgress, DPOStatusFixed, DPOStatusAccepted, DPOStatusFalsePositive}
	scaleChoices    = []string{"1", "2", "3", "4"}
	measureStatuses = []string{"planned", "in progress", "done", "not planned"}
	riskEffects     = []string{"eliminated", "reduced", "accepted"}
	yesNoChoices    = []string{"yes", "no"}
	dpiaStatuses    = []string{"draft", "in review", "validated"}
	cnilStatuses    = []string{"acceptable", "improvable", "to be fixed"}
	riskLevelWords  = []string{"low", "medium", "high", "critical"}
	decisions       = []string{"validated", "refused", "changes needed"}
	adviceOutcomes  = []string{"accepted", "overruled"}
)

// cell names a cell by 1-based column and row. Callers only pass coordinates inside
// the sheet limits, so the error cannot happen.
func cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// colName names a 1-based column ("A", "B", …).
func colName(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// colRange is the range of one column from row first to last, e.g. "N3:N120".
func colRange(col, first, last int) string {
	if last < first {
		last = first
	}
	return cell(col, first) + ":" + cell(col, last)
}

// sheetRef is a hyperlink location; quoting is needed for names with spaces.
func sheetRef(sheet, ref string) string {
	return "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + ref
}
