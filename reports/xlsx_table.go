package reports

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// colKind says who fills a column; the header colour shows it (docs/rule-catalogue.md §5 legend).
type colKind int

const (
	kindAuto   colKind = iota // filled by the scanner
	kindConfig                // from the configuration file
	kindDPO                   // completed by the DPO; unlocked
)

func (k colKind) String() string {
	switch k {
	case kindConfig:
		return "Configuration"
	case kindDPO:
		return "DPO"
	}
	return "Automatic"
}

// column is one column of a tabular sheet.
type column struct {
	title   string
	kind    colKind
	width   float64
	format  format
	choices []string // drop-down list of a DPO column
	prompt  string   // input message of the drop-down or date validation
	// noFit leaves a wrapped column out of the row-height estimate (long SQL at the
	// end of a row would make every row tall).
	noFit bool
}

func autoCol(title string, width float64) column {
	return column{title: title, kind: kindAuto, width: width}
}
func configCol(title string, width float64) column {
	return column{title: title, kind: kindConfig, width: width}
}
func dpoCol(title string, width float64) column {
	return column{title: title, kind: kindDPO, width: width}
}

// as sets the column's format.
func (c column) as(f format) column { c.format = f; return c }

// list gives a DPO column its drop-down.
func (c column) list(prompt string, items ...string) column {
	c.choices, c.prompt = items, prompt
	return c
}

func (b *book) headerStyle(k colKind) int {
	switch k {
	case kindConfig:
		return b.st.hdrConfig
	case kindDPO:
		return b.st.hdrDPO
	}
	return b.st.hdrAuto
}

// colIndex is the 1-based position of a column by title. The titles are constants of
// this package, so a miss is a programming error caught by the tests.
func colIndex(cols []column, title string) int {
	for i, c := range cols {
		if c.title == title {
			return i + 1
		}
	}
	panic("reports: no column " + title)
}

// colLetter is the letter of a column by title, for formulas.
func colLetter(cols []column, title string) string { return colName(colIndex(cols, title)) }

// maxDataRows leaves room under Excel's row limit for the header rows, a note and the
// retired block.
var maxDataRows = excelize.TotalRows - firstRow - 1000

// sheetSpec is what both the writer and ReadAnnotations know of a tabular sheet: its
// columns, the columns whose values make a row's stable id, and the columns kept with
// a retired DPO entry so a reader still sees what it was about.
type sheetSpec struct {
	name    string
	cols    []column
	key     []string          // column titles; their values joined form the row id
	context []string          // further column titles stored with an entry
	aliases map[string]string // earlier title of a DPO column → current title
	// defaults are values the writer prefills in DPO cells; reading them back is not
	// taken as a DPO entry, so an untouched suggestion never becomes a retired entry.
	defaults map[string][]string
}

// keySep joins the parts of a composite row id; it never occurs in names.
const keySep = "\x1f"

// table is one tabular sheet to write: row 1 holds the link back to Summary and the
// title, row 2 the headers, data starts on row 3. Rows are streamed.
type table struct {
	spec  *sheetSpec
	title string
	n     int
	// fill sets row i's values in place (the slice is reused and cleared). A plain value
	// gets its column's style; an excelize.Cell keeps its own.
	fill func(i int, row []any)
	// extras runs before Flush, for validations and formats beyond the columns' own;
	// lastData is the last data row, lastAll the last row including retired entries.
	extras func(lastData, lastAll int) error
	// below writes more rows under the table (after the retired block), starting at
	// row; it returns the next free row.
	below func(w *rowWriter, row int) (int, error)
	// repeatCols is how many leading columns repeat on every printed page.
	repeatCols int
}

// rowWriter is handed to table.below.
type rowWriter struct {
	sw *excelize.StreamWriter
	b  *book
}

// row writes one row of values at row.
func (w *rowWriter) row(row int, vals ...any) error { return w.sw.SetRow(cell(1, row), vals) }

// writeTable streams a tabular sheet. DPO cells of rows whose id matches an entry of
// the previous workbook get the DPO's values; entries that match no row are written in
// a "Retired" block under the table, with their DPO cells still editable, so nothing
// the DPO wrote is lost. Every call on the sheet happens before Flush: once flushed,
// the stream writer owns the sheet XML and later edits would be lost.
func (b *book) writeTable(t table) error {
	w, err := b.startTable(t)
	if err != nil {
		return err
	}
	lastData, next, err := w.dataRows()
	if err != nil {
		return err
	}
	next, lastAll, err := w.retiredRows(next, max(lastData, headerRow))
	if err != nil {
		return err
	}
	if t.below != nil {
		if _, err := t.below(&rowWriter{sw: w.sw, b: b}, next+1); err != nil {
			return err
		}
	}
	return w.close(lastData, lastAll)
}

// tableWriter is one table being streamed by writeTable.
type tableWriter struct {
	b     *book
	t     table
	sheet string
	cols  []column
	sw    *excelize.StreamWriter
	// Per column: its style, and a boxed empty cell for DPO and config cells left blank
	// (boxed once: the same value on every row).
	styleOf []int
	empty   []any
	wraps   bool
	keyIdx  []int            // the columns of the row id
	prev    map[string]Entry // the previous workbook's entries of this sheet
	used    map[string]bool  // the entries a row matched
	row     []any            // the row being written, reused
}

// startTable starts the stream and writes the title and header rows.
func (b *book) startTable(t table) (*tableWriter, error) {
	spec := t.spec
	sheet, cols := spec.name, spec.cols
	// Sheet properties are written when the stream writer starts, so they are set now.
	if err := b.fitToPage(sheet); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// Widths and panes must be set before the first row.
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, fitWidth(c, i)); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(headerPanes()); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A1", []any{
		excelize.Cell{StyleID: b.st.link, Value: backText},
		excelize.Cell{StyleID: b.st.title, Value: t.title},
	}, excelize.RowOpts{Height: 24}); err != nil {
		return nil, err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: b.headerStyle(c.kind), Value: c.title}
	}
	titles := make([]any, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	if err := sw.SetRow(cell(1, headerRow), header, excelize.RowOpts{Height: max(32, rowHeight(cols, titles, true))}); err != nil {
		return nil, err
	}

	w := &tableWriter{b: b, t: t, sheet: sheet, cols: cols, sw: sw,
		styleOf: make([]int, len(cols)), empty: make([]any, len(cols)),
		wraps:  slices.ContainsFunc(cols, func(c column) bool { return c.format == fmtWrap }),
		keyIdx: make([]int, len(spec.key)), prev: b.prev.Tables[sheet], used: map[string]bool{}, row: make([]any, len(cols))}
	for i, c := range cols {
		w.styleOf[i] = b.st.cell[c.kind][c.format]
		if c.kind != kindAuto {
			w.empty[i] = excelize.Cell{StyleID: w.styleOf[i]}
		}
		if !w.wraps && c.kind == kindAuto && c.format == fmtText {
			// Top alignment only matters beside wrapped cells; without it plain
			// values are written as they are, which saves a boxed cell each on the
			// large sheets.
			w.styleOf[i] = 0
		}
	}
	for i, k := range spec.key {
		w.keyIdx[i] = colIndex(cols, k) - 1
	}
	return w, nil
}

// finish styles w.row and writes it at row r.
func (w *tableWriter) finish(r int) error {
	buf := rowBuf{cells: w.row, styled: make([]excelize.Cell, len(w.row))}
	h := w.prepare(buf)
	return w.write(r, w.row, h)
}

// rowBuf is a row's cells and the styled cells they point to; both are reused from row
// to row, so styling a cell allocates nothing.
type rowBuf struct {
	cells  []any
	styled []excelize.Cell
}

// prepare gives every cell of the row its column's style and returns the row's height
// (0: the default).
func (w *tableWriter) prepare(buf rowBuf) float64 {
	row := buf.cells
	for i, v := range row {
		switch v.(type) {
		case nil:
			row[i] = w.empty[i]
		case excelize.Cell:
		default:
			if w.styleOf[i] != 0 {
				buf.styled[i] = excelize.Cell{StyleID: w.styleOf[i], Value: v}
				row[i] = &buf.styled[i]
			}
		}
	}
	if !w.wraps {
		return 0
	}
	return rowHeight(w.cols, row, false)
}

// write hands a prepared row to the stream at row r.
func (w *tableWriter) write(r int, row []any, height float64) error {
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	if err := w.sw.SetRow(cell(1, r), row, opts...); err != nil {
		return fmt.Errorf("%s row %d: %w", w.sheet, r, err)
	}
	return nil
}

// preparedRow is a data row ready for the stream.
type preparedRow struct {
	buf    rowBuf
	height float64
}

// rowBatch is how many prepared rows may wait for the stream.
const rowBatch = 256

// dataRows writes the table's rows, with the DPO's previous entries applied; it returns
// the last data row and the next free row. One goroutine prepares the rows (values,
// DPO entries, styles, heights) while this one hands them to excelize, whose encoding
// is most of the cost: on two cores a 100,000-finding sheet is written in about a
// fifth less time. Rows reach the stream in order.
func (w *tableWriter) dataRows() (lastData, next int, err error) {
	t := w.t
	written := min(t.n, maxDataRows)
	ready := make(chan preparedRow, rowBatch)
	free := make(chan rowBuf, rowBatch+2)
	stop := make(chan struct{})
	prepErr := make(chan error, 1)
	go func() {
		defer close(ready)
		prepErr <- w.prepareRows(written, ready, free, stop)
	}()
	r := firstRow
	for pr := range ready {
		if err == nil {
			if err = w.write(r, pr.buf.cells, pr.height); err != nil {
				close(stop) // the preparer ends; the loop drains what it sent
			}
		}
		r++
		select {
		case free <- pr.buf:
		default:
		}
	}
	if perr := <-prepErr; err == nil {
		err = perr
	}
	if err != nil {
		return 0, 0, err
	}
	lastData = firstRow + written - 1
	next = lastData + 1
	if written < t.n {
		note := fmt.Sprintf("%d more rows not shown (Excel row limit); the JSON report has them all.", t.n-written)
		if err := w.sw.SetRow(cell(1, next), []any{note}); err != nil {
			return 0, 0, err
		}
		next++
	}
	return lastData, next, nil
}

// prepareRows fills and prepares the first n rows and sends them to ready, reusing the
// rows that come back on free, until done or stop is closed.
func (w *tableWriter) prepareRows(n int, ready chan<- preparedRow, free <-chan rowBuf, stop <-chan struct{}) error {
	b, t := w.b, w.t
	var keyParts []string
	for i := range n {
		if i%1024 == 0 {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		var buf rowBuf
		select {
		case buf = <-free:
			clear(buf.cells)
		default:
			buf = rowBuf{cells: make([]any, len(w.cols)), styled: make([]excelize.Cell, len(w.cols))}
		}
		row := buf.cells
		t.fill(i, row)
		if len(w.prev) > 0 && len(w.keyIdx) > 0 {
			keyParts = keyParts[:0]
			for _, k := range w.keyIdx {
				keyParts = append(keyParts, cellText(row[k]))
			}
			key := strings.Join(keyParts, keySep)
			if e, ok := w.prev[key]; ok {
				w.used[key] = true
				b.carried++
				b.applyEntry(w.cols, row, e)
			}
		}
		h := w.prepare(buf)
		select {
		case ready <- preparedRow{buf: buf, height: h}:
		case <-stop:
			return nil
		}
	}
	return nil
}

// retiredRows writes the entries that matched no row, in id order so the block is
// stable, from row next on. It returns the next free row and the last row written
// (lastAll unchanged when there is none).
func (w *tableWriter) retiredRows(next, lastAll int) (int, int, error) {
	b := w.b
	var retired []string
	for k := range w.prev {
		if !w.used[k] {
			retired = append(retired, k)
		}
	}
	slices.Sort(retired)
	if len(retired) == 0 {
		return next, lastAll, nil
	}
	next++ // one blank row
	head := make([]any, len(w.cols))
	for i := range head {
		head[i] = excelize.Cell{StyleID: b.st.retired}
	}
	head[0] = excelize.Cell{StyleID: b.st.retired, Value: retiredHeading}
	if err := w.sw.SetRow(cell(1, next), head); err != nil {
		return 0, 0, err
	}
	next++
	for _, k := range retired {
		e := w.prev[k]
		clear(w.row)
		for i, part := range strings.Split(k, keySep) {
			if i < len(w.keyIdx) {
				w.row[w.keyIdx[i]] = part
			}
		}
		for title, v := range e.Context {
			if c := indexOf(w.cols, title); c >= 0 && w.row[c] == nil {
				w.row[c] = v
			}
		}
		b.applyEntry(w.cols, w.row, e)
		if err := w.finish(next); err != nil {
			return 0, 0, err
		}
		b.retired++
		next++
	}
	return next, next - 1, nil
}

// close adds the filter, back link, validations, extras and print setup, and flushes.
func (w *tableWriter) close(lastData, lastAll int) error {
	b, sheet, cols := w.b, w.sheet, w.cols
	lastFilter := max(lastData, headerRow)
	if err := b.f.AutoFilter(sheet, cell(1, headerRow)+":"+cell(len(cols), lastFilter), nil); err != nil {
		return err
	}
	if err := b.f.SetCellHyperLink(sheet, "A1", sheetRef(sheetSummary, "A1"), "Location"); err != nil {
		return err
	}
	// The columns' own validations cover the retired rows too: their DPO cells stay
	// editable.
	for i, c := range cols {
		if c.kind != kindDPO {
			continue
		}
		var err error
		rng := colRange(i+1, firstRow, lastAll)
		switch {
		case len(c.choices) > 0:
			err = b.dropList(sheet, rng, c.prompt, c.choices...)
		case c.format == fmtDate:
			err = b.dateInput(sheet, rng)
		}
		if err != nil {
			return err
		}
	}
	if w.t.extras != nil {
		if err := w.t.extras(lastData, lastAll); err != nil {
			return err
		}
	}
	width := 0.0
	for i, c := range cols {
		width += fitWidth(c, i)
	}
	if err := b.printSetup(sheet, width, w.t.repeatCols); err != nil {
		return err
	}
	if err := b.protect(sheet); err != nil {
		return err
	}
	return w.sw.Flush()
}

// retiredHeading starts a sheet's retired block; ReadAnnotations recognises it.
const retiredHeading = "Retired – DPO entries whose row is not in this scan (kept so nothing is lost; clear the yellow cells to drop one)"

// applyEntry writes an entry's DPO values into row, keeping each cell's style.
func (b *book) applyEntry(cols []column, row []any, e Entry) {
	for i, c := range cols {
		if c.kind != kindDPO {
			continue
		}
		v, ok := e.Values[c.title]
		if !ok || v == "" {
			continue
		}
		style := b.st.cell[kindDPO][c.format]
		isDate := c.format == fmtDate
		if cur, ok := row[i].(excelize.Cell); ok {
			style = cur.StyleID
			isDate = isDate || style == b.st.dpoDate
		}
		row[i] = excelize.Cell{StyleID: style, Value: typedValue(v, isDate, c.choices)}
	}
}

func indexOf(cols []column, title string) int {
	for i, c := range cols {
		if c.title == title {
			return i
		}
	}
	return -1
}

// cellText is the text a value shows as, for row ids.
func cellText(v any) string {
	switch c := v.(type) {
	case excelize.Cell:
		v = c.Value
	case *excelize.Cell:
		v = c.Value
	}
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// rowHeight estimates the height (points) a row needs so its wrapped cells show whole:
// spreadsheet programs do not all fit rows to wrapped text on opening (LibreOffice keeps
// the default height of streamed rows). all treats every column as wrapped (headers).
// 0 means the default height will do.
func rowHeight(cols []column, row []any, all bool) float64 {
	const lineHeight, maxHeight = 15.0, 300.0
	lines := 1
	for i, c := range cols {
		if i >= len(row) || (!all && (c.format != fmtWrap || c.noFit)) {
			continue
		}
		w := c.width
		if all {
			w = fitWidth(c, i)
		}
		lines = max(lines, wrappedLines(cellText(row[i]), max(1, int(w*1.1))))
	}
	if lines <= 1 {
		return 0
	}
	return min(maxHeight, float64(lines)*lineHeight+3)
}

// wrappedLines counts the lines a text takes when wrapped at words to perLine
// characters, as spreadsheet programs wrap; a word longer than a line is split.
func wrappedLines(text string, perLine int) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case used == 0:
				used = l
			case used+1+l <= perLine:
				used += 1 + l
			default:
				n++
				used = l
			}
			for used > perLine {
				n++
				used -= perLine
			}
		}
	}
	return max(1, n)
}

// fitWidth is a column's width, widened so the longest word of its header fits on one
// line (headers wrap at words, never inside one: no "Likelihoo d"); the first column
// also fits "← Summary".
func fitWidth(c column, index int) float64 {
	w := c.width
	longest := 0
	for _, word := range strings.Fields(c.title) {
		longest = max(longest, utf8.RuneCountInString(word))
	}
	w = max(w, float64(longest)*1.15+2) // bold header text is wider
	if index == 0 {
		w = max(w, float64(utf8.RuneCountInString(backText))+3)
	}
	return w
}

// fitToPage makes a sheet print one page wide. For a streamed sheet it must be called
// before NewStreamWriter, which writes the sheet properties first thing.
func (b *book) fitToPage(sheet string) error {
	fit := true
	return b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// printSetup prints a sheet landscape on A4 with the link and header rows repeated on
// every page (and the first repeatCols columns, when given), scaled so that about
// pageWidth column-width units fit a page: a narrow sheet prints one page wide, a wide
// one a few pages wide at a readable size. Every page has a header naming the scope and
// the scan and a footer with the sheet, page numbers and "Confidential". The sheet must
// have been through fitToPage.
func (b *book) printSetup(sheet string, width float64, repeatCols ...int) error {
	const pageWidth = 230.0
	orient, size := "landscape", 9 // 9 = A4
	wide, tall := max(1, int(math.Ceil(width/pageWidth))), 0
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(sheet, b.headerFooter()); err != nil {
		return err
	}
	titles := sheetRef(sheet, "$1:$2")
	if len(repeatCols) > 0 && repeatCols[0] > 0 {
		last := colName(repeatCols[0])
		titles = sheetRef(sheet, "$A:$"+last) + "," + titles
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet})
}

// headerFooter is the printed page header and footer of every sheet.
func (b *book) headerFooter() *excelize.HeaderFooterOptions {
	esc := func(s string) string { return strings.ReplaceAll(s, "&", "&&") }
	scope := esc(workbookTitle(b.r.Organisation))
	return &excelize.HeaderFooterOptions{
		OddHeader: "&L&\"-,Bold\"" + scope + "&C&A&R" + esc("Scan "+b.r.ScanID),
		OddFooter: "&L&\"-,Bold\"Confidential&\"-,Regular\" – DPIA working document&CPage &P of &N&R" + esc(b.r.FinishedAt.UTC().Format("2006-01-02")),
	}
}
