package config

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// SinkKinds lists the task sink kinds, sorted.
var SinkKinds = []string{"email", "file", "github", "jira", "webhook"}

// RiskLevels are the values of a sink's min_risk, lowest first.
var RiskLevels = []string{"low", "medium", "high", "critical"}

// JiraFlavors are the values of a jira sink's flavor.
var JiraFlavors = []string{"cloud", "server"}

// EmailTLSModes are the values of an email sink's tls.
var EmailTLSModes = []string{"none", "starttls", "tls"}

// FileSinkName names the sink that writes tasks.file; no sink in tasks.sinks may take it.
const FileSinkName = "tasks-file"

// Sink defaults.
const (
	DefaultSinkTimeout  = 10 * time.Second
	DefaultSinkAttempts = 3
	DefaultSinkBackoff  = time.Second
	DefaultIssueType    = "Task"
	// DefaultSuppressionsFile is read from beside the config file when it exists and
	// suppressions.file is not set.
	DefaultSuppressionsFile = ".gdprscan-ignore.yaml"
)

// Sink is one place remediation tasks (or, for email, the run summary) are sent. Which
// keys apply depends on the kind; a key of another kind is an error.
type Sink struct {
	Name string `yaml:"name"`
	Kind string `yaml:"kind"` // email | file | github | jira | webhook

	// Routing of tasks: the defaults, then the first matching route. Project is a GitHub
	// repository ("owner/name") or a Jira project key.
	Project  string   `yaml:"project"`
	Assignee string   `yaml:"assignee"`
	Labels   []string `yaml:"labels"`
	Routing  []Route  `yaml:"routing"`
	MinRisk  string   `yaml:"min_risk"` // low (default) | medium | high | critical

	// Delivery: each Send tries Attempts times, Backoff apart (doubling), each HTTP or
	// SMTP exchange bounded by Timeout. What still fails stays in the outbox.
	Timeout  Duration `yaml:"timeout"`
	Attempts int      `yaml:"attempts"`
	Backoff  Duration `yaml:"backoff"`

	// file
	Path string `yaml:"path"` // JSON lines, relative to out_dir

	// webhook
	URL        string `yaml:"url"`
	Secret     Secret `yaml:"secret"` // HMAC-SHA256 key of X-Gdprscan-Signature
	SecretFile string `yaml:"secret_file"`

	// github and jira
	BaseURL   string `yaml:"base_url"` // GitHub Enterprise API URL; the Jira site URL
	Token     Secret `yaml:"token"`
	TokenFile string `yaml:"token_file"`

	// jira
	Flavor           string `yaml:"flavor"` // cloud | server (default: cloud on *.atlassian.net)
	User             string `yaml:"user"`   // cloud: the account email the API token belongs to
	IssueType        string `yaml:"issue_type"`
	DoneTransition   string `yaml:"done_transition"`   // default: a transition to a "done" status
	ReopenTransition string `yaml:"reopen_transition"` // default: a transition to a "to do" status

	// email
	SMTP         string   `yaml:"smtp"` // host:port
	TLS          string   `yaml:"tls"`  // starttls (default) | tls | none
	From         string   `yaml:"from"`
	To           []string `yaml:"to"`
	Username     string   `yaml:"username"`
	Password     Secret   `yaml:"password"`
	PasswordFile string   `yaml:"password_file"`
}

// Route sends the tasks of some tables to a project, assignee and labels: the tables'
// owners. Every list is optional; an empty one matches anything.
type Route struct {
	Sources  []string `yaml:"sources"` // source names (globs)
	Tables   []string `yaml:"tables"`  // globs over "table" or "schema.table"
	Rules    []string `yaml:"rules"`   // rule ids (globs, e.g. "SEC-*")
	Project  string   `yaml:"project"`
	Assignee string   `yaml:"assignee"`
	Labels   []string `yaml:"labels"` // added to the sink's labels
}

// Suppressions says where the suppression file is.
type Suppressions struct {
	// File is the suppression file, relative to the config file. Default:
	// .gdprscan-ignore.yaml beside the config, when it exists.
	File string `yaml:"file"`
	// Workbook reads the DPO statuses of the previous DPIA workbook ("accepted",
	// "false positive") as suppressions. Default true.
	Workbook *bool `yaml:"workbook"`
}

// UseWorkbook tells whether DPO statuses in the previous workbook suppress findings.
func (s Suppressions) UseWorkbook() bool { return s.Workbook == nil || *s.Workbook }

// SuppressionsPath returns the suppression file to read, or "" when there is none.
func (c *Config) SuppressionsPath() string {
	if c.Suppressions.File != "" {
		return c.Path(c.Suppressions.File)
	}
	p := c.Path(DefaultSuppressionsFile)
	if p == "" {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// sinkKeys are the keys each kind takes besides the common ones.
var sinkKeys = map[string][]string{
	"file":    {"path", "project", "assignee", "labels", "routing", "min_risk"},
	"webhook": {"url", "secret", "secret_file", "project", "assignee", "labels", "routing", "min_risk"},
	"github":  {"base_url", "token", "token_file", "project", "assignee", "labels", "routing", "min_risk"},
	"jira": {"base_url", "token", "token_file", "flavor", "user", "issue_type", "done_transition", "reopen_transition",
		"project", "assignee", "labels", "routing", "min_risk"},
	"email": {"smtp", "tls", "from", "to", "username", "password", "password_file"},
}

var commonSinkKeys = []string{"name", "kind", "timeout", "attempts", "backoff"}

func (c *Config) applySinkDefaults() {
	for i := range c.Tasks.Sinks {
		s := &c.Tasks.Sinks[i]
		if s.Timeout == 0 {
			s.Timeout = Duration(DefaultSinkTimeout)
		}
		if s.Attempts == 0 {
			s.Attempts = DefaultSinkAttempts
		}
		if s.Backoff == 0 {
			s.Backoff = Duration(DefaultSinkBackoff)
		}
		if s.MinRisk == "" {
			s.MinRisk = "low"
		}
		switch s.Kind {
		case "jira":
			if s.IssueType == "" {
				s.IssueType = DefaultIssueType
			}
			if s.Flavor == "" {
				s.Flavor = "server"
				if u, err := url.Parse(s.BaseURL); err == nil && strings.HasSuffix(u.Hostname(), ".atlassian.net") {
					s.Flavor = "cloud"
				}
			}
		case "email":
			if s.TLS == "" {
				s.TLS = "starttls"
			}
		}
	}
}

// readSinkSecretFiles fills the sinks' and the state's secrets from their _file twins.
func (c *Config) readSinkSecretFiles(v *validator) error {
	read := func(path []any, who, key string, val *Secret, file string) error {
		if file == "" {
			return nil
		}
		if *val != "" {
			return v.errf(path, "%s: set %s or %s_file, not both", who, key, key)
		}
		b, err := os.ReadFile(c.Path(file))
		if err != nil {
			return v.errf(path, "%s: read %s_file: %v", who, key, err)
		}
		*val = Secret(strings.TrimSpace(string(b)))
		return nil
	}
	if err := read([]any{"state", "dsn_file"}, "state", "dsn", &c.State.DSN, c.State.DSNFile); err != nil {
		return err
	}
	for i := range c.Tasks.Sinks {
		s := &c.Tasks.Sinks[i]
		at := func(k string) []any { return []any{"tasks", "sinks", i, k} }
		who := fmt.Sprintf("sink %q", s.Name)
		for _, sec := range []struct {
			key  string
			val  *Secret
			file string
		}{{"secret", &s.Secret, s.SecretFile}, {"token", &s.Token, s.TokenFile}, {"password", &s.Password, s.PasswordFile}} {
			if err := read(at(sec.key+"_file"), who, sec.key, sec.val, sec.file); err != nil {
				return err
			}
		}
	}
	return nil
}

var (
	repoRE    = regexp.MustCompile(`^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$`)
	jiraKeyRE = regexp.MustCompile(`^[A-Z][A-Z0-9_]+$`)
)

func (c *Config) validateSinks(v *validator) {
	if c.State.DSN != "" {
		if v.has("state", "path") {
			v.add([]any{"state", "path"}, "state: set path (SQLite) or dsn (PostgreSQL), not both")
		}
		if u, err := url.Parse(c.State.DSN.Reveal()); err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
			at := []any{"state", "dsn"}
			if c.State.DSNFile != "" {
				at = []any{"state", "dsn_file"}
			}
			v.add(at, "state: dsn must be a postgres:// URL")
		}
	}
	if c.Suppressions.File != "" {
		if _, err := os.Stat(c.Path(c.Suppressions.File)); err != nil {
			v.add([]any{"suppressions", "file"}, "suppressions: file %s not found", c.Suppressions.File)
		}
	}
	seen := map[string]bool{}
	for i := range c.Tasks.Sinks {
		s := &c.Tasks.Sinks[i]
		at := func(k ...any) []any { return append([]any{"tasks", "sinks", i}, k...) }
		switch {
		case s.Name == "":
			v.add(at(), "tasks.sinks[%d]: name is required", i)
		case !nameRE.MatchString(s.Name):
			v.add(at("name"), "sink name %q: use letters, digits, '.', '_' or '-'", s.Name)
		case s.Name == FileSinkName:
			v.add(at("name"), "sink name %q is reserved for tasks.file", s.Name)
		case seen[s.Name]:
			v.add(at("name"), "found multiple sinks named %q", s.Name)
		}
		seen[s.Name] = true
		keys, ok := sinkKeys[s.Kind]
		if !ok {
			v.add(at("kind"), "sink %q: unknown kind %q (valid: %s)", s.Name, s.Kind, strings.Join(SinkKinds, ", "))
			continue
		}
		if n := v.nodeExact(at()...); n != nil && n.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(n.Content); j += 2 {
				k := n.Content[j].Value
				if !slices.Contains(keys, k) && !slices.Contains(commonSinkKeys, k) {
					valid := append(slices.Clone(commonSinkKeys), keys...)
					slices.Sort(valid)
					v.add(at(k), "sink %q: key %s does not apply to kind %s (valid: %s)", s.Name, k, s.Kind, strings.Join(valid, ", "))
				}
			}
		}
		if s.Attempts < 0 {
			v.add(at("attempts"), "sink %q: attempts must be at least 1", s.Name)
		}
		if s.Timeout < 0 || s.Backoff < 0 {
			v.add(at(), "sink %q: timeout and backoff must be positive", s.Name)
		}
		if !slices.Contains(RiskLevels, s.MinRisk) {
			v.add(at("min_risk"), "sink %q: unknown min_risk %q (valid: %s)", s.Name, s.MinRisk, strings.Join(RiskLevels, ", "))
		}
		for j, r := range s.Routing {
			if r.Project == "" && r.Assignee == "" && len(r.Labels) == 0 {
				v.add(at("routing", j), "sink %q: routing[%d] sets none of project, assignee, labels", s.Name, j)
			}
		}
		projects := []string{s.Project}
		for _, r := range s.Routing {
			if r.Project != "" {
				projects = append(projects, r.Project)
			}
		}
		switch s.Kind {
		case "file":
			if s.Path == "" {
				v.add(at(), "sink %q: path is required", s.Name)
			}
		case "webhook":
			checkURL(v, at("url"), s.Name, "url", s.URL, true)
			if s.Secret == "" {
				v.add(at(), "sink %q: secret (or secret_file) is required to sign the requests", s.Name)
			}
		case "github":
			if s.BaseURL != "" {
				checkURL(v, at("base_url"), s.Name, "base_url", s.BaseURL, true)
			}
			if s.Token == "" {
				v.add(at(), "sink %q: token (or token_file) is required", s.Name)
			}
			if s.Project == "" {
				v.add(at(), "sink %q: project is required: the repository as owner/name", s.Name)
			}
			for _, p := range projects {
				if p != "" && !repoRE.MatchString(p) {
					v.add(at("project"), "sink %q: project %q is not a repository as owner/name", s.Name, p)
				}
			}
		case "jira":
			checkURL(v, at("base_url"), s.Name, "base_url", s.BaseURL, true)
			if s.Token == "" {
				v.add(at(), "sink %q: token (or token_file) is required", s.Name)
			}
			if !slices.Contains(JiraFlavors, s.Flavor) {
				v.add(at("flavor"), "sink %q: unknown flavor %q (valid: %s)", s.Name, s.Flavor, strings.Join(JiraFlavors, ", "))
			}
			if s.Flavor == "cloud" && s.User == "" {
				v.add(at(), "sink %q: user (the account email of the API token) is required on Jira Cloud", s.Name)
			}
			if s.Project == "" {
				v.add(at(), "sink %q: project is required: the Jira project key", s.Name)
			}
			for _, p := range projects {
				if p != "" && !jiraKeyRE.MatchString(p) {
					v.add(at("project"), "sink %q: project %q is not a Jira project key (e.g. GDPR)", s.Name, p)
				}
			}
		case "email":
			if _, port, err := net.SplitHostPort(s.SMTP); err != nil || port == "" {
				v.add(at("smtp"), "sink %q: smtp must be host:port (e.g. smtp.example.com:587)", s.Name)
			}
			if !slices.Contains(EmailTLSModes, s.TLS) {
				v.add(at("tls"), "sink %q: unknown tls %q (valid: %s)", s.Name, s.TLS, strings.Join(EmailTLSModes, ", "))
			}
			if !strings.Contains(s.From, "@") {
				v.add(at("from"), "sink %q: from must be an email address", s.Name)
			}
			if len(s.To) == 0 {
				v.add(at(), "sink %q: to needs at least one address", s.Name)
			}
			for j, a := range s.To {
				if !strings.Contains(a, "@") {
					v.add(at("to", j), "sink %q: to[%d] is not an email address", s.Name, j)
				}
			}
			if s.Password != "" && s.Username == "" {
				v.add(at(), "sink %q: password needs username", s.Name)
			}
		}
	}
}

func checkURL(v *validator, at []any, sink, key, raw string, required bool) {
	if raw == "" {
		if required {
			v.add(at[:len(at)-1], "sink %q: %s is required", sink, key)
		}
		return
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		v.add(at, "sink %q: %s must be an http:// or https:// URL", sink, key)
	}
}
