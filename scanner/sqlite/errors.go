package sqlite

import "errors"

var (
	// ErrNotFound is returned when the database file does not exist; the source never
	// creates one.
	ErrNotFound = errors.New("sqlite: database file not found")
	// ErrNotFile is returned when the path names something other than a regular file.
	ErrNotFile = errors.New("sqlite: database path is not a regular file")
)
