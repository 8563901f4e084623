package reports

import (
	"archive/zip"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Sheet names are part of the workbook's contract: a re-import of DPO edits finds its
// cells by sheet name and header, so keep them stable.
const (
	sheetSummary     = "Summary"
	sheetDescription = "Description"
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

// sheetOrder is the tab order of the workbook: the fourteen sheets of docs/rule-catalogue.md §5,
// with the description of the processing (ICO and CNIL templates) after Summary.
var sheetOrder = []string{
	sheetSummary, sheetDescription, sheetScreening, sheetProcessing, sheetInventory, sheetConsent, sheetRetention, sheetRights,
	sheetFindings, sheetRegister, sheetRiskMatrix, sheetMeasures, sheetNecessity, sheetSignOff, sheetMethodology,
}

// sheetPurpose is the one-line description of each sheet on Summary's contents list.
var sheetPurpose = map[string]string{
	sheetDescription: "The processing described: nature, scope, context, purposes, databases, consultation",
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
	sheetSignOff:     "DPO advice, consultation, decisions, review and signature (Art. 35(2), (9), (11), 36)",
	sheetMethodology: "Scales, risk convention, rule catalogue, sampling, known limits, change log",
}

// Tabular sheets share one layout: row 1 holds the link back to Summary and the sheet
// title, row 2 the headers, data starts on row 3.
const (
	headerRow = 2
	firstRow  = 3
)

// XLSXReporter writes the DPIA workbook (docs/rule-catalogue.md §5). Large sheets are streamed, so
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
		return newParallelDeflate(out, flate.BestSpeed), nil
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
	// grid buffers the sheet being laid out cell by cell (Summary), to be streamed.
	grid *grid
	err  error
}

// grid buffers a free-layout sheet so it can be streamed once laid out: a streamed
// formula cell keeps a text cached value, which SetCellFormula on a normal sheet cannot
// (it would cache the shared-string index), and Summary's screening lines are formulas.
type grid struct {
	sheet   string
	cells   map[int]map[int]excelize.Cell // row → column → cell
	heights map[int]float64
	widths  map[int]float64
	merges  [][2]string
	// later are the calls on the sheet (links, validations, formats, charts) made once
	// the stream writer exists and before it flushes.
	later []func() error
}

func (b *book) startGrid(sheet string) {
	b.grid = &grid{sheet: sheet, cells: map[int]map[int]excelize.Cell{}, heights: map[int]float64{}, widths: map[int]float64{}}
}

// gridOf is the grid buffering sheet, or nil.
func (b *book) gridOf(sheet string) *grid {
	if b.grid != nil && b.grid.sheet == sheet {
		return b.grid
	}
	return nil
}

// put stores a cell; a nil value keeps the value already there and sets the style.
func (g *grid) put(col, row int, v any, formula string, style int) {
	r := g.cells[row]
	if r == nil {
		r = map[int]excelize.Cell{}
		g.cells[row] = r
	}
	c := r[col]
	if v != nil || formula != "" {
		c.Value, c.Formula = v, formula
	}
	if style != 0 {
		c.StyleID = style
	}
	r[col] = c
}

// later runs fn on a buffered sheet once its stream writer exists, else now.
func (b *book) later(sheet string, fn func() error) {
	if g := b.gridOf(sheet); g != nil {
		g.later = append(g.later, fn)
		return
	}
	b.do(fn)
}

// merge merges a range (buffered on a grid sheet).
func (b *book) merge(sheet, from, to string) {
	if g := b.gridOf(sheet); g != nil {
		g.merges = append(g.merges, [2]string{from, to})
		return
	}
	b.do(func() error { return b.f.MergeCell(sheet, from, to) })
}

// colWidth sets the width of columns first…last.
func (b *book) colWidth(sheet string, first, last int, w float64) {
	if g := b.gridOf(sheet); g != nil {
		for c := first; c <= last; c++ {
			g.widths[c] = w
		}
		return
	}
	b.do(func() error { return b.f.SetColWidth(sheet, colName(first), colName(last), w) })
}

// rowHeightOf sets a row's height.
func (b *book) rowHeightOf(sheet string, row int, h float64) {
	if g := b.gridOf(sheet); g != nil {
		g.heights[row] = h
		return
	}
	b.do(func() error { return b.f.SetRowHeight(sheet, row, h) })
}

// styleRange styles every cell of a rectangle.
func (b *book) styleRange(sheet string, c1, r1, c2, r2, style int) {
	if g := b.gridOf(sheet); g != nil {
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				g.put(c, r, nil, "", style)
			}
		}
		return
	}
	b.do(func() error { return b.f.SetCellStyle(sheet, cell(c1, r1), cell(c2, r2), style) })
}

// flushGrid streams the buffered sheet: properties, widths, rows in order, merges,
// then the deferred calls.
func (b *book) flushGrid() error {
	g := b.grid
	b.grid = nil
	if b.err != nil {
		return b.err
	}
	if err := b.fitToPage(g.sheet); err != nil {
		return err
	}
	sw, err := b.f.NewStreamWriter(g.sheet)
	if err != nil {
		return err
	}
	cols := make([]int, 0, len(g.widths))
	for c := range g.widths {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	for _, c := range cols {
		if err := sw.SetColWidth(c, c, g.widths[c]); err != nil {
			return err
		}
	}
	last := 0
	for r := range g.cells {
		last = max(last, r)
	}
	for r := range g.heights {
		last = max(last, r)
	}
	for r := 1; r <= last; r++ {
		cells, h := g.cells[r], g.heights[r]
		if len(cells) == 0 && h == 0 {
			continue
		}
		width := 0
		for c := range cells {
			width = max(width, c)
		}
		vals := make([]any, width)
		for c, v := range cells {
			vals[c-1] = v
		}
		var opts []excelize.RowOpts
		if h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := sw.SetRow(cell(1, r), vals, opts...); err != nil {
			return fmt.Errorf("%s row %d: %w", g.sheet, r, err)
		}
	}
	for _, m := range g.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	for _, fn := range g.later {
		if err := fn(); err != nil {
			return err
		}
	}
	return sw.Flush()
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
		b.description, b.screeningSheet, b.processing, b.inventory, b.consent, b.retention, b.rights, b.findings, b.register,
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
	if g := b.gridOf(sheet); g != nil {
		g.put(col, row, v, "", style)
		return
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

// setFormula writes a formula with the value gdprscan computed for it (a grid sheet
// only: see grid).
func (b *book) setFormula(sheet string, col, row int, formula string, cached any, style int) {
	if g := b.gridOf(sheet); g != nil {
		g.put(col, row, cached, formula, style)
		return
	}
	if b.err == nil {
		b.err = fmt.Errorf("reports: formula on %s outside a grid", sheet)
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
	b.later(sheet, func() error { return b.f.SetCellHyperLink(sheet, cell(col, row), location, "Location") })
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
