// Package dsn parses the connection strings of every engine without connecting, so a
// malformed DSN is caught when the config is loaded rather than after a scan. It is a
// leaf: config and the engines both use it.
package dsn

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	gomysql "github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Postgres parses a PostgreSQL DSN, URL (postgres://…) or keyword/value form.
func Postgres(s string) (*pgxpool.Config, error) {
	if strings.TrimSpace(s) == "" {
		return nil, errors.New("the DSN is empty")
	}
	cfg, err := pgxpool.ParseConfig(s)
	if err != nil {
		return nil, reason(err, s)
	}
	return cfg, nil
}

// MySQL parses mysql://user:pass@host:port/db?params or a native go-sql-driver DSN, and
// forces the settings the scanner relies on.
func MySQL(s string) (*gomysql.Config, error) {
	var cfg *gomysql.Config
	var err error
	if strings.HasPrefix(s, "mysql://") || strings.HasPrefix(s, "mariadb://") {
		cfg, err = mysqlURL(s)
	} else {
		cfg, err = gomysql.ParseDSN(s)
	}
	if err != nil {
		return nil, reason(err, s)
	}
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	cfg.InterpolateParams = false // values travel as parameters, never spliced into SQL
	cfg.MultiStatements = false   // one statement per Query: nothing smuggled behind a SELECT
	cfg.AllowAllFiles = false
	if cfg.Params == nil {
		cfg.Params = map[string]string{}
	}
	return cfg, nil
}

// mysqlURL converts mysql://user:pass@host:port/db?params to a driver config.
func mysqlURL(s string) (*gomysql.Config, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	// The driver parses "/db?params", splitting at the last '/', so escape any in params.
	native := "/" + url.PathEscape(strings.TrimPrefix(u.Path, "/"))
	if u.RawQuery != "" {
		native += "?" + strings.ReplaceAll(u.RawQuery, "/", "%2F")
	}
	cfg, err := gomysql.ParseDSN(native)
	if err != nil {
		return nil, err
	}
	host, port := u.Hostname(), u.Port()
	if host == "" {
		host = "127.0.0.1"
	}
	if port == "" {
		port = "3306"
	}
	cfg.Net = "tcp"
	cfg.Addr = net.JoinHostPort(host, port)
	cfg.User = u.User.Username()
	cfg.Passwd, _ = u.User.Password()
	return cfg, nil
}

// SQLite returns the absolute file path of sqlite:///abs/path.db, sqlite://rel/path.db
// or a plain path.
func SQLite(s string) (string, error) {
	p, _ := strings.CutPrefix(s, "sqlite://")
	if p == "" {
		return "", errors.New("the DSN names no file")
	}
	if strings.ContainsRune(p, 0) {
		return "", errors.New("the file path contains a NUL byte")
	}
	return filepath.Abs(p) // sqlite:///abs keeps its leading slash; sqlite://rel does not
}

// Check parses s as a DSN of the given source kind. Its error never repeats the DSN.
func Check(kind, s string) error {
	var err error
	switch kind {
	case "postgres":
		_, err = Postgres(s)
	case "mysql":
		var cfg *gomysql.Config
		if cfg, err = MySQL(s); err == nil && cfg.DBName == "" {
			err = errors.New("it names no database")
		}
	case "sqlite":
		_, err = SQLite(s)
	default:
		err = fmt.Errorf("unknown kind %q", kind)
	}
	return err
}

// safeError is a parser's message with anything of the DSN cut out.
type safeError struct{ msg string }

func (e *safeError) Error() string { return e.msg }

// reason keeps the parser's explanation but none of the DSN: parsers quote the string
// they choke on, password included.
func reason(err error, s string) error {
	var ue *url.Error
	if errors.As(err, &ue) { // "parse \"<dsn>\": why"
		err = ue.Err
	}
	msg := err.Error()
	// pgx: "cannot parse `<dsn, password masked>`: <why>"
	if i := strings.LastIndex(msg, "`: "); i >= 0 && strings.HasPrefix(msg, "cannot parse `") {
		msg = msg[i+3:]
	}
	for _, secret := range secrets(s) {
		if len(secret) >= 3 {
			msg = strings.ReplaceAll(msg, secret, "xxxxx")
		}
	}
	if strings.Contains(msg, s) || msg == "" {
		msg = "it cannot be parsed"
	}
	return &safeError{msg: msg}
}

// secrets are the parts of a DSN that may be confidential: its user-info and password,
// and every parameter value.
func secrets(s string) []string {
	var out []string
	rest := s
	if _, after, ok := strings.Cut(s, "://"); ok {
		rest = after
	}
	if at := strings.LastIndex(rest, "@"); at >= 0 {
		info := rest[:at]
		out = append(out, info)
		if _, pw, ok := strings.Cut(info, ":"); ok {
			out = append(out, pw)
		}
	}
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == '&' || r == '?' || r == ' ' }) {
		if _, v, ok := strings.Cut(f, "="); ok {
			out = append(out, v)
		}
	}
	return out
}
