package mysql

import (
	"errors"
	"strings"
)

var (
	// ErrInvalidDSN is returned when the DSN cannot be parsed. The parser's own message
	// is not passed on because it can quote the DSN, password included.
	ErrInvalidDSN = errors.New("mysql: invalid DSN")
	// ErrNoDatabase is returned when the DSN names no database: a source reads one.
	ErrNoDatabase = errors.New("mysql: DSN names no database")
	// ErrNotSelect is returned by Query for anything but a plain SELECT: the session's
	// read-only switch is itself a session variable a statement could turn off.
	ErrNotSelect = errors.New("mysql: only SELECT, WITH, VALUES and TABLE statements may be queried")
)

// redactedError carries a driver error whose text contained the password. It has no
// Unwrap on purpose: walking the chain would reach the original text again.
type redactedError struct{ msg string }

func (e *redactedError) Error() string { return e.msg }

// redact hides secret in err's text; drivers may echo connection parameters.
func redact(err error, secret string) error {
	if err == nil || secret == "" || !strings.Contains(err.Error(), secret) {
		return err
	}
	return &redactedError{msg: strings.ReplaceAll(err.Error(), secret, "xxxxx")}
}
