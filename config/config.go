// Package config loads gdprscan's YAML configuration: the sources to scan, the
// organisation, the Art. 30 processing activities, the mappings the compliance rules
// need, report output and task sinks. Decoding is strict: an unknown key is an error
// that names the file and line.
package config

// Config is the whole configuration file.
type Config struct {
	Organisation Organisation `yaml:"organisation"`
	Sources      []Source     `yaml:"sources"`
	// Activities is the record of processing activities (Art. 30): which tables serve
	// which purpose on which lawful basis.
	Activities []Activity  `yaml:"activities"`
	Rules      RulesConfig `yaml:"rules"`
	Report     Report      `yaml:"report"`
	Tasks      Tasks       `yaml:"tasks"`
	State      State       `yaml:"state"`
	// Suppressions silence accepted findings (see config/sinks.go).
	Suppressions Suppressions `yaml:"suppressions"`
	Discovery    Discovery    `yaml:"discovery"` // classification settings (config/discovery.go)
	Cluster      Cluster      `yaml:"cluster"`   // replicas sharing scans (config/cluster.go)

	// Dir is the directory of the config file; relative paths are resolved against it.
	Dir string `yaml:"-"`
}

// Organisation is the controller the scans are for.
type Organisation struct {
	Controller string  `yaml:"controller"`
	DPO        Contact `yaml:"dpo"`
	// Scope names the processing scope of the DPIA; it names the report files too.
	Scope string `yaml:"scope"`
}

// Contact is a person with an email address.
type Contact struct {
	Name  string `yaml:"name"`
	Email string `yaml:"email"`
}

// Source is one database to scan.
type Source struct {
	Name string `yaml:"name"`
	Kind string `yaml:"kind"` // postgres | mysql | sqlite
	// DSN is a URL: postgres://user:pass@host:port/db?sslmode=..., mysql://user:pass@host:port/db,
	// sqlite:///abs/path.db or sqlite://rel/path.db. DSNFile reads it from a file instead.
	DSN     Secret `yaml:"dsn"`
	DSNFile string `yaml:"dsn_file"`

	IncludeSchemas []string `yaml:"include_schemas"`
	ExcludeSchemas []string `yaml:"exclude_schemas"`
	IncludeTables  []string `yaml:"include_tables"` // globs over "table" or "schema.table"
	ExcludeTables  []string `yaml:"exclude_tables"`

	SampleSize       int      `yaml:"sample_size"`
	StatementTimeout Duration `yaml:"statement_timeout"`
	// ConnectTimeout bounds connecting and the login handshake (default 10s); a DSN's own
	// connect_timeout (PostgreSQL) or timeout (MySQL) wins.
	ConnectTimeout Duration `yaml:"connect_timeout"`
	// LockTimeout bounds waiting for a lock held by DDL or a writer (default 5s).
	LockTimeout Duration `yaml:"lock_timeout"`
	// TLS verifies the server against a CA and may present a client certificate; it
	// replaces the DSN's own TLS settings (sslmode, tls=…).
	TLS *TLS `yaml:"tls"`
	// Concurrency is how many queries may run against the source at once (default 2).
	Concurrency int `yaml:"concurrency"`
	// MaxQueriesPerSecond spaces the scan's queries against the source (0: no limit), for
	// a CRM that must not see bursts, whatever the concurrency.
	MaxQueriesPerSecond float64 `yaml:"max_queries_per_second"`
	// Environment tags the source (prod, staging, dev, test).
	Environment string    `yaml:"environment"`
	Schedule    *Schedule `yaml:"schedule"`
	Mapping     Mapping   `yaml:"mapping"`
}

// TLS is a source's TLS setup. Paths are relative to the config file.
type TLS struct {
	CAFile     string `yaml:"ca_file"`     // PEM CA certificates the server's certificate must chain to
	CertFile   string `yaml:"cert_file"`   // PEM client certificate, with key_file
	KeyFile    string `yaml:"key_file"`    // PEM client key
	ServerName string `yaml:"server_name"` // name the server certificate must carry; default the DSN's host
}

// Schedule runs scans of a source at the times of a cron expression.
type Schedule struct {
	Cron     string `yaml:"cron"`     // five fields: minute hour day-of-month month day-of-week
	Timezone string `yaml:"timezone"` // IANA name, e.g. Europe/Berlin; default UTC
}

// Activity is one processing activity of the Art. 30 record.
type Activity struct {
	ID            string   `yaml:"id"`
	Name          string   `yaml:"name"`
	Purpose       string   `yaml:"purpose"`
	LawfulBasis   string   `yaml:"lawful_basis"` // consent | contract | legal_obligation | vital_interests | public_task | legitimate_interest
	LIARef        string   `yaml:"lia_ref"`      // legitimate-interest assessment reference
	Art9Condition string   `yaml:"art9_condition"`
	Source        string   `yaml:"source"` // empty: tables match in any source
	Tables        []string `yaml:"tables"` // "table" or "schema.table"
	Retention     string   `yaml:"retention"`
	DataSubjects  []string `yaml:"data_subjects"`
	// PersonalDataCategories are the categories of personal data the activity declares
	// (Art. 30(1)(c)): detect category ids or the groups contact, identity, financial (MIN-02).
	PersonalDataCategories []string `yaml:"personal_data_categories"`

	// ConsentPurpose is the purpose value, in the consent mapping, of the consent this
	// activity relies on; two activities sharing one is bundled consent (CNS-05).
	ConsentPurpose string `yaml:"consent_purpose"`
}

// RulesConfig selects rules and overrides their defaults.
type RulesConfig struct {
	Enable    []string            `yaml:"enable"`
	Disable   []string            `yaml:"disable"`
	Overrides map[string]Override `yaml:"overrides"`
}

// Override changes a rule's default severity or likelihood, with the reason.
type Override struct {
	Severity   int    `yaml:"severity"`
	Likelihood int    `yaml:"likelihood"`
	Reason     string `yaml:"reason"`
}

// Report says where and how reports are written.
type Report struct {
	OutDir  string   `yaml:"out_dir"`
	Formats []string `yaml:"formats"`
	FailOn  string   `yaml:"fail_on"` // low | medium | high | critical | none
	// MaskedExamples: false leaves masked example values out of everything a scan
	// writes (reports, workbook, tasks, state); default true.
	MaskedExamples *bool `yaml:"masked_examples"`
	// Schedule, for `serve`, runs the report scope: one run over all the sources, which
	// writes the scope's workbook and reports (a source's own schedule scans it alone).
	Schedule *Schedule `yaml:"schedule"`
}

// Tasks configures remediation tasks.
type Tasks struct {
	File  string `yaml:"file"`  // JSON-lines file of tasks; relative to out_dir
	Sinks []Sink `yaml:"sinks"` // where tasks go besides the file (config/sinks.go)
}

// State is the store of runs, findings and tasks: an embedded SQLite file by default,
// or a PostgreSQL database (dsn) that a team shares.
type State struct {
	Path    string `yaml:"path"` // SQLite file; relative to out_dir
	DSN     Secret `yaml:"dsn"`  // postgres://…; replaces path
	DSNFile string `yaml:"dsn_file"`
}

// Examples reports whether masked example values may be written (report.masked_examples).
func (r Report) Examples() bool { return r.MaskedExamples == nil || *r.MaskedExamples }

// SourceByName returns the named source.
func (c *Config) SourceByName(name string) (*Source, bool) {
	for i := range c.Sources {
		if c.Sources[i].Name == name {
			return &c.Sources[i], true
		}
	}
	return nil, false
}
