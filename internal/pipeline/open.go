package pipeline

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/scanner"
	dsnpkg "github.com/gdprscan/gdprscan/scanner/dsn"
	"github.com/gdprscan/gdprscan/scanner/mysql"
	"github.com/gdprscan/gdprscan/scanner/postgres"
	"github.com/gdprscan/gdprscan/scanner/sqlite"
)

// Opener connects to one kind of database.
type Opener func(ctx context.Context, dsn string, opts scanner.Options) (scanner.Source, error)

// Openers maps a source kind to its engine; the scanner package itself knows none.
var Openers = map[string]Opener{
	"postgres": func(ctx context.Context, dsn string, o scanner.Options) (scanner.Source, error) {
		return postgres.Open(ctx, dsn, o)
	},
	"mysql": func(ctx context.Context, dsn string, o scanner.Options) (scanner.Source, error) {
		return mysql.Open(ctx, dsn, o)
	},
	"sqlite": func(ctx context.Context, dsn string, o scanner.Options) (scanner.Source, error) {
		return sqlite.Open(ctx, dsn, o)
	},
}

// Open connects to a configured source.
func Open(ctx context.Context, s *config.Source) (scanner.Source, error) {
	open, ok := Openers[s.Kind]
	if !ok {
		return nil, fmt.Errorf("source %s: unknown kind %q", s.Name, s.Kind)
	}
	opts := scanner.Options{Name: s.Name, StatementTimeout: time.Duration(s.StatementTimeout),
		ConnectTimeout: time.Duration(s.ConnectTimeout), LockTimeout: time.Duration(s.LockTimeout),
		MaxConns: s.QueryLimit()}
	tc, err := s.TLS.Config()
	if err != nil {
		return nil, fmt.Errorf("source %s: tls: %w", s.Name, err)
	}
	opts.TLS = tc
	return open(ctx, s.DSN.Reveal(), opts)
}

// KindOfDSN tells the source kind from a DSN URL's scheme.
func KindOfDSN(dsn string) (string, error) {
	scheme, _, ok := strings.Cut(dsn, "://")
	if !ok {
		return "", fmt.Errorf("the DSN is not a URL: use postgres://…, mysql://… or sqlite://…")
	}
	switch strings.ToLower(scheme) {
	case "postgres", "postgresql":
		return "postgres", nil
	case "mysql", "mariadb":
		return "mysql", nil
	case "sqlite", "sqlite3", "file":
		return "sqlite", nil
	}
	return "", fmt.Errorf("unknown DSN scheme %q (valid: mysql, postgres, sqlite)", scheme)
}

// QuickConfig is the config of `scan --dsn`: one source, no mapping, so discovery and
// every rule that needs no mapping run, and the rest are listed as not evaluated.
func QuickConfig(dsn string) (*config.Config, error) {
	kind, err := KindOfDSN(dsn)
	if err != nil {
		return nil, err
	}
	name := "db"
	if u, err := url.Parse(dsn); err == nil {
		if p := strings.Trim(u.Path, "/"); p != "" {
			name = p[strings.LastIndex(p, "/")+1:]
			name = strings.TrimSuffix(strings.TrimSuffix(name, ".db"), ".sqlite")
		} else if u.Host != "" && kind == "sqlite" {
			name = strings.TrimSuffix(u.Host, ".db")
		}
	}
	name = sanitizeName(name)
	// The DSN itself never goes into the YAML text: ${…} in it would be expanded.
	placeholder := map[string]string{"postgres": "postgres://x/x", "mysql": "mysql://x/x", "sqlite": "sqlite://x"}[kind]
	yaml := fmt.Sprintf("sources:\n  - name: %s\n    kind: %s\n    dsn: %s\norganisation:\n  scope: %s\n", name, kind, placeholder, name)
	cfg, err := config.Load([]byte(yaml), "--dsn")
	if err != nil {
		return nil, err
	}
	if err := dsnpkg.Check(kind, dsn); err != nil {
		return nil, fmt.Errorf("--dsn: invalid %s DSN: %w", kind, err)
	}
	cfg.Sources[0].DSN = config.Secret(dsn)
	return cfg, nil
}

func sanitizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_', r == '-', r == '.':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 || strings.HasPrefix(b.String(), ".") || strings.HasPrefix(b.String(), "-") || strings.HasPrefix(b.String(), "_") {
		return "db" + b.String()
	}
	return b.String()
}
