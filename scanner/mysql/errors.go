package mysql

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"sync/atomic"
	"syscall"

	gomysql "github.com/go-sql-driver/mysql"

	"github.com/gdprscan/gdprscan/scanner"
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

// Retryable implements scanner.Retrier: a connection that broke or was refused, a
// server going away or restarting, a lock wait or deadlock. A read timeout is not: the
// next try would wait as long again.
func (s *Source) Retryable(err error) bool {
	var myErr *gomysql.MySQLError
	if errors.As(err, &myErr) {
		switch myErr.Number {
		case 1040, // too many connections
			1053,       // server shutdown in progress
			1205,       // lock wait timeout exceeded
			1213,       // deadlock
			1927,       // connection killed
			2006, 2013: // server gone away, lost connection
			return true
		}
		return false
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return false
	}
	var netErr net.Error
	if errors.As(err, &netErr) {
		return !netErr.Timeout()
	}
	return errors.Is(err, driver.ErrBadConn) || errors.Is(err, gomysql.ErrInvalidConn) ||
		errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, syscall.ECONNREFUSED)
}

// driverLogger sends the driver's own log lines ("closing bad idle connection", …)
// through the project's logger, scrubbed, so --log-format json holds for them too.
type driverLogger struct{}

var driverLog atomic.Pointer[slog.Logger]

func (driverLogger) Print(v ...any) {
	l := driverLog.Load()
	if l == nil {
		l = slog.Default()
	}
	l.Warn("mysql driver", "message", scanner.Scrub(fmt.Sprint(v...)))
}

// SetLogger routes the MySQL driver's log lines to l; nil silences them.
func SetLogger(l *slog.Logger) {
	if l == nil {
		l = slog.New(slog.DiscardHandler)
	}
	driverLog.Store(l)
	_ = gomysql.SetLogger(driverLogger{}) // only errors on nil
}
