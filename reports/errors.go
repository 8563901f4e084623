package reports

import "errors"

// ErrUnknownFormat is returned by ForFormat for a name it does not know.
var ErrUnknownFormat = errors.New("reports: unknown format")
