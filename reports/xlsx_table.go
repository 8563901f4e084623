package reports

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// colKind says who fills a column; the header colour shows it (DOMAIN.md §5 legend).
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

type column struct {
	title string
	kind  colKind
	width float64
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

// maxDataRows leaves room under Excel's row limit for the header rows and a note.
var maxDataRows = excelize.TotalRows - firstRow

// streamTable writes a tabular sheet with the stream writer: the back link and title,
// the header row, then n rows from fill (which fills row in place; the slice is reused).
// extras runs after the rows and before Flush, for validations and formats whose ranges
// depend on the last row written. Every call on the sheet happens before Flush: once
// flushed, the stream writer owns the sheet XML and later edits would be lost.
func (b *book) streamTable(sheet, title string, cols []column, n int, fill func(i int, row []any), extras func(last int) error) error {
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	// Widths and panes must be set before the first row.
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(headerPanes()); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{
		excelize.Cell{StyleID: b.st.link, Value: backText},
		excelize.Cell{StyleID: b.st.title, Value: title},
	}, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	header := make([]any, len(cols))
	for i, c := range cols {
		header[i] = excelize.Cell{StyleID: b.headerStyle(c.kind), Value: c.title}
	}
	if err := sw.SetRow(cell(1, headerRow), header, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}

	written := min(n, maxDataRows)
	row := make([]any, len(cols))
	for i := range written {
		if i%1024 == 0 {
			if err := b.ctx.Err(); err != nil {
				return err
			}
		}
		clear(row)
		fill(i, row)
		if err := sw.SetRow(cell(1, firstRow+i), row); err != nil {
			return fmt.Errorf("%s row %d: %w", sheet, firstRow+i, err)
		}
	}
	last := firstRow + written - 1
	if written < n {
		note := fmt.Sprintf("%d more rows not shown (Excel row limit); the JSON report has them all.", n-written)
		if err := sw.SetRow(cell(1, last+1), []any{note}); err != nil {
			return err
		}
	}

	lastData := max(last, headerRow)
	if err := b.f.AutoFilter(sheet, cell(1, headerRow)+":"+cell(len(cols), lastData), nil); err != nil {
		return err
	}
	if err := b.f.SetCellHyperLink(sheet, "A1", sheetRef(sheetSummary, "A1"), "Location"); err != nil {
		return err
	}
	if err := extras(lastData); err != nil {
		return err
	}
	if err := b.protect(sheet); err != nil {
		return err
	}
	return sw.Flush()
}
