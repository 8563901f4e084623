package postgres

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
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

// Retryable implements scanner.Retrier: a connection that broke or was refused, a
// server shutting down or starting up, a lock wait (lock_timeout), a serialization
// failure or deadlock. A statement timeout is not: the next try would take as long.
func (s *Source) Retryable(err error) bool {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "57P01", "57P02", "57P03", // admin shutdown, crash shutdown, cannot connect now
			"55P03",          // lock_not_available: lock_timeout
			"40001", "40P01", // serialization failure, deadlock
			"53300": // too many connections
			return true
		}
		return strings.HasPrefix(pgErr.Code, "08") // connection exception
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return false
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return !netErr.Timeout()
	}
	var connErr *pgconn.ConnectError
	return pgconn.SafeToRetry(err) || errors.As(err, &connErr) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE)
}
