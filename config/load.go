package config

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/go-co-op/gocron/v2"
	"go.yaml.in/yaml/v3"

	"github.com/gdprscan/gdprscan/scanner/dsn"
)

// Kinds lists the source kinds, sorted.
var Kinds = []string{"mysql", "postgres", "sqlite"}

// ReportFormats lists the report formats, sorted. It must match reports.Formats.
var ReportFormats = []string{"json", "xlsx"}

// FailLevels are the valid values of report.fail_on.
var FailLevels = []string{"critical", "high", "low", "medium", "none"}

// LawfulBases are the Art. 6(1) bases an activity may declare.
var LawfulBases = []string{"consent", "contract", "legal_obligation", "legitimate_interest", "public_task", "vital_interests"}

// EndActions are what a retention rule does when the period ends.
var EndActions = []string{"anonymise", "archive", "delete"}

// Default values, applied to whatever the file leaves out.
const (
	DefaultSampleSize       = 200
	DefaultStatementTimeout = 30 * time.Second
	DefaultConnectTimeout   = 10 * time.Second
	DefaultLockTimeout      = 5 * time.Second
	DefaultOutDir           = "out"
	DefaultFailOn           = "high"
	DefaultTasksFile        = "tasks.jsonl"
	DefaultStatePath        = "state.db"
	DefaultEnvironment      = "prod"
)

// LoadFile reads and validates a config file. Errors name the file and, where it can
// be known, the line.
func LoadFile(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, fmt.Errorf("config %s: %w", path, err)
	}
	return load(data, path, dir)
}

// Load parses a config from data; name is used in error messages (a file path).
// Relative paths in it are taken from the working directory.
func Load(data []byte, name string) (*Config, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if name == "" {
		name = "config"
	}
	return load(data, name, dir)
}

func load(data []byte, name, dir string) (*Config, error) {
	if err := checkText(data, name); err != nil {
		return nil, err
	}
	// A strict decode of the file as written catches unknown keys with their lines.
	var strict Config
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&strict); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("%s: the file is empty", name)
		}
		return nil, decodeError(name, err)
	}
	// ${ENV} is expanded in values only, never in comments or keys, then decoded again.
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, decodeError(name, err)
	}
	if err := expandEnv(&root, name); err != nil {
		return nil, err
	}
	var c Config
	if err := root.Decode(&c); err != nil {
		return nil, decodeError(name, err)
	}
	c.Dir = dir
	v := &validator{name: name, root: &root}
	// A sample_size written as 0 is a mistake, not a request for the default.
	for i, s := range c.Sources {
		if s.SampleSize <= 0 && v.has("sources", i, "sample_size") {
			v.add([]any{"sources", i, "sample_size"}, "source %q: sample_size must be greater than 0", s.Name)
		}
	}
	c.applyDefaults()
	if err := c.readSecretFiles(v); err != nil {
		return nil, err
	}
	if err := c.validate(v); err != nil {
		return nil, err
	}
	return &c, nil
}

// decodeError turns the YAML library's errors into "file:line: message" lines.
func decodeError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		errs := make([]error, len(te.Errors))
		for i, e := range te.Errors {
			errs[i] = fmt.Errorf("%s:%s", name, lineMsg(e))
		}
		return errors.Join(errs...)
	}
	return fmt.Errorf("%s:%s", name, lineMsg(strings.TrimPrefix(err.Error(), "yaml: ")))
}

// lineMsg turns "line 5: msg" into "5: msg".
func lineMsg(s string) string {
	if rest, ok := strings.CutPrefix(s, "line "); ok {
		return rest
	}
	return " " + s
}

var envRE = regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)\}`)

// expandEnv replaces ${NAME} in scalar values with the environment variable's value.
// Only the braced form is expanded, so a "$" in an SQL predicate stays as written. An
// unset variable is an error: a DSN or password should never silently become empty.
func expandEnv(n *yaml.Node, name string) error {
	var errs []error
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		if n.Kind == yaml.ScalarNode && strings.Contains(n.Value, "${") {
			n.Value = envRE.ReplaceAllStringFunc(n.Value, func(m string) string {
				key := envRE.FindStringSubmatch(m)[1]
				val, ok := os.LookupEnv(key)
				if !ok {
					errs = append(errs, fmt.Errorf("%s:%d: environment variable %s is not set", name, n.Line, key))
				}
				return val
			})
		}
		for _, c := range n.Content {
			walk(c)
		}
	}
	walk(n)
	return errors.Join(errs...)
}

func (c *Config) applyDefaults() {
	for i := range c.Sources {
		s := &c.Sources[i]
		if s.SampleSize == 0 {
			s.SampleSize = DefaultSampleSize
		}
		if s.StatementTimeout == 0 {
			s.StatementTimeout = Duration(DefaultStatementTimeout)
		}
		if s.ConnectTimeout == 0 {
			s.ConnectTimeout = Duration(DefaultConnectTimeout)
		}
		if s.LockTimeout == 0 {
			s.LockTimeout = Duration(DefaultLockTimeout)
		}
		if s.Environment == "" {
			s.Environment = DefaultEnvironment
		}
		s.Schedule.applyDefaults()
		s.Mapping.applyDefaults()
	}
	if c.Report.OutDir == "" {
		c.Report.OutDir = DefaultOutDir
	}
	if len(c.Report.Formats) == 0 {
		c.Report.Formats = slices.Clone(ReportFormats)
	}
	c.Report.Schedule.applyDefaults()
	if c.Report.FailOn == "" {
		c.Report.FailOn = DefaultFailOn
	}
	if c.Tasks.File == "" {
		c.Tasks.File = DefaultTasksFile
	}
	if c.State.Path == "" {
		c.State.Path = DefaultStatePath
	}
	if c.Organisation.Scope == "" {
		c.Organisation.Scope = "gdprscan"
	}
	c.applySinkDefaults()
}

// readSecretFiles fills each secret from its _file twin. Setting both is an error.
func (c *Config) readSecretFiles(v *validator) error {
	for i := range c.Sources {
		s := &c.Sources[i]
		if s.DSNFile == "" {
			continue
		}
		if s.DSN != "" {
			return v.errf([]any{"sources", i, "dsn_file"}, "source %q: set dsn or dsn_file, not both", s.Name)
		}
		b, err := os.ReadFile(c.Path(s.DSNFile))
		if err != nil {
			return v.errf([]any{"sources", i, "dsn_file"}, "source %q: read dsn_file: %v", s.Name, err)
		}
		s.DSN = Secret(strings.TrimSpace(string(b)))
	}
	return c.readSinkSecretFiles(v)
}

// Path resolves a path from the config against the config file's directory.
func (c *Config) Path(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(c.Dir, p)
}

var nameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

func (c *Config) validate(v *validator) error {
	c.validateConcurrency(v)
	if len(c.Sources) == 0 {
		v.add([]any{}, "no sources: add at least one entry under sources:")
	}
	seen := map[string]bool{}
	for i := range c.Sources {
		s := &c.Sources[i]
		at := func(k ...any) []any { return append([]any{"sources", i}, k...) }
		switch {
		case s.Name == "":
			v.add(at(), "sources[%d]: name is required", i)
		case !nameRE.MatchString(s.Name):
			v.add(at("name"), "source name %q: use letters, digits, '.', '_' or '-'", s.Name)
		case seen[s.Name]:
			v.add(at("name"), "found multiple sources named %q", s.Name)
		}
		seen[s.Name] = true
		if !slices.Contains(Kinds, s.Kind) {
			v.add(at("kind"), "source %q: unknown kind %q (valid: %s)", s.Name, s.Kind, strings.Join(Kinds, ", "))
		}
		if s.DSN == "" {
			v.add(at(), "source %q: dsn (or dsn_file) is required", s.Name)
		} else if slices.Contains(Kinds, s.Kind) {
			if err := dsn.Check(s.Kind, s.DSN.Reveal()); err != nil {
				key := "dsn"
				if s.DSNFile != "" {
					key = "dsn_file"
				}
				v.add(at(key), "source %q: invalid %s DSN: %v", s.Name, s.Kind, err)
			}
		}
		for _, d := range []struct {
			key string
			d   Duration
		}{{"statement_timeout", s.StatementTimeout}, {"connect_timeout", s.ConnectTimeout}, {"lock_timeout", s.LockTimeout}} {
			if d.d < 0 {
				v.add(at(d.key), "source %q: %s must be positive", s.Name, d.key)
			}
		}
		for _, l := range []struct {
			key   string
			globs []string
		}{{"include_schemas", s.IncludeSchemas}, {"exclude_schemas", s.ExcludeSchemas}, {"include_tables", s.IncludeTables}, {"exclude_tables", s.ExcludeTables}} {
			key := l.key
			for j, g := range l.globs {
				if _, err := path.Match(g, ""); err != nil {
					v.add(at(key, j), "source %q: %s: malformed glob %q (an unclosed '[' or a trailing '\\'?)", s.Name, key, g)
				}
			}
		}
		if s.TLS != nil {
			s.TLS.CAFile, s.TLS.CertFile, s.TLS.KeyFile = c.Path(s.TLS.CAFile), c.Path(s.TLS.CertFile), c.Path(s.TLS.KeyFile)
			if _, err := s.TLS.Config(); err != nil {
				v.add(at("tls"), "source %q: tls: %v", s.Name, err)
			}
		}
		if s.Schedule != nil {
			validateSchedule(v, s.Schedule, fmt.Sprintf("source %q", s.Name), at("schedule")...)
		}
		c.validateMapping(v, s, at)
	}
	ids := map[string]bool{}
	for i, a := range c.Activities {
		at := []any{"activities", i}
		if a.ID == "" {
			v.add(at, "activities[%d]: id is required", i)
		} else if ids[a.ID] {
			v.add(append(at, "id"), "found multiple activities with id %q", a.ID)
		}
		ids[a.ID] = true
		if a.LawfulBasis != "" && !slices.Contains(LawfulBases, a.LawfulBasis) {
			v.add(append(at, "lawful_basis"), "activity %q: unknown lawful_basis %q (valid: %s)", a.ID, a.LawfulBasis, strings.Join(LawfulBases, ", "))
		}
		if a.Source != "" && !seen[a.Source] {
			v.add(append(at, "source"), "activity %q: no source named %q", a.ID, a.Source)
		}
		if a.Retention != "" {
			if _, err := ParsePeriod(a.Retention); err != nil {
				v.add(append(at, "retention"), "activity %q: %v", a.ID, err)
			}
		}
	}
	for i, f := range c.Report.Formats {
		if !slices.Contains(ReportFormats, f) {
			v.add([]any{"report", "formats", i}, "unknown report format %q (valid: %s)", f, strings.Join(ReportFormats, ", "))
		}
	}
	if !slices.Contains(FailLevels, c.Report.FailOn) {
		v.add([]any{"report", "fail_on"}, "unknown fail_on level %q (valid: %s)", c.Report.FailOn, strings.Join(FailLevels, ", "))
	}
	if c.Report.Schedule != nil {
		validateSchedule(v, c.Report.Schedule, "report", "report", "schedule")
	}
	for id, o := range c.Rules.Overrides {
		at := []any{"rules", "overrides", id}
		if o.Severity != 0 && (o.Severity < 1 || o.Severity > 4) {
			v.add(append(at, "severity"), "rule %s: severity must be 1 to 4", id)
		}
		if o.Likelihood != 0 && (o.Likelihood < 1 || o.Likelihood > 4) {
			v.add(append(at, "likelihood"), "rule %s: likelihood must be 1 to 4", id)
		}
		if o.Severity == 0 && o.Likelihood == 0 {
			v.add(at, "rule %s: an override needs severity or likelihood", id)
		}
		if strings.TrimSpace(o.Reason) == "" {
			v.add(at, "rule %s: an override needs a reason", id)
		}
	}
	c.validateSinks(v)
	c.validateDiscovery(v)
	c.validateCluster(v)
	return v.err()
}

// validateSchedule checks a cron schedule; what names its owner in messages ("source
// \"crm\"", "report"), at is its path in the file.
func validateSchedule(v *validator, sc *Schedule, what string, at ...any) {
	loc, err := time.LoadLocation(sc.Timezone)
	if err != nil {
		v.add(append(at, "timezone"), "%s: unknown time zone %q", what, sc.Timezone)
		loc = time.UTC
	}
	if sc.Cron == "" {
		v.add(at, "%s: schedule.cron is required", what)
	} else if err := gocron.NewDefaultCron(false).IsValid(sc.Cron, loc, time.Now()); err != nil {
		v.add(append(at, "cron"), "%s: invalid cron expression %q (five fields: minute hour day-of-month month day-of-week)", what, sc.Cron)
	}
}

// applyDefaults sets the time zone of a schedule to UTC when none is given.
func (sc *Schedule) applyDefaults() {
	if sc != nil && sc.Timezone == "" {
		sc.Timezone = "UTC"
	}
}

// checkText refuses a file that is not text before YAML sees it: the parser's message for
// a binary file ("control characters are not allowed") names no line.
func checkText(data []byte, name string) error {
	line := 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return fmt.Errorf("%s:%d: not a text file (invalid UTF-8 at byte %d): is this the YAML config?", name, line, i)
		case r == 0 || r < 0x20 && r != '\n' && r != '\r' && r != '\t':
			return fmt.Errorf("%s:%d: not a text file (control character 0x%02x at byte %d): is this the YAML config?", name, line, r, i)
		case r == '\n':
			line++
		}
		i += size
	}
	return nil
}

// Config builds the TLS configuration of a source's tls block; nil when it has none.
// The loader has made its paths absolute.
func (t *TLS) Config() (*tls.Config, error) {
	if t == nil {
		return nil, nil
	}
	out := &tls.Config{MinVersion: tls.VersionTLS12, ServerName: t.ServerName}
	if t.CAFile != "" {
		pem, err := os.ReadFile(t.CAFile)
		if err != nil {
			return nil, fmt.Errorf("ca_file: %w", err)
		}
		out.RootCAs = x509.NewCertPool()
		if !out.RootCAs.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ca_file %s: no PEM certificate in it", t.CAFile)
		}
	}
	if (t.CertFile == "") != (t.KeyFile == "") {
		return nil, errors.New("cert_file and key_file go together")
	}
	if t.CertFile != "" {
		pair, err := tls.LoadX509KeyPair(t.CertFile, t.KeyFile)
		if err != nil {
			return nil, fmt.Errorf("client certificate: %w", err)
		}
		out.Certificates = []tls.Certificate{pair}
	}
	return out, nil
}
