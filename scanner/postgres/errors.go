package postgres

import (
	"errors"
	"strings"
)

// ErrInvalidDSN is returned when the DSN cannot be parsed. The parser's own message is
// not passed on because it can quote the DSN, password included.
var ErrInvalidDSN = errors.New("postgres: invalid DSN")

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
