package reports

import "errors"

var (
	// ErrUnknownFormat is returned by ForFormat for a name it does not know.
	ErrUnknownFormat = errors.New("reports: unknown format")
	// ErrNotWorkbook is returned by ReadAnnotations for a file that is not a gdprscan
	// DPIA workbook.
	ErrNotWorkbook = errors.New("reports: not a gdprscan DPIA workbook")
)
