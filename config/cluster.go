package config

import "time"

// Cluster is the `cluster:` block: with the PostgreSQL state store and enabled set, every
// replica running `gdprscan serve` shares each scan's tables through River job queues in
// the state database (docs/cluster.md).
type Cluster struct {
	Enabled bool `yaml:"enabled"`
	// Workers is how many jobs (table batches, plans, merges) this replica runs at once.
	// Default DefaultClusterWorkers.
	Workers int `yaml:"workers"`
	// SourceConcurrency caps the queries against one source at once, over all replicas
	// together. Default DefaultSourceConcurrency; SourceLimits sets it per source.
	SourceConcurrency int            `yaml:"source_concurrency"`
	SourceLimits      map[string]int `yaml:"source_limits"`
	// BatchTables is how many tables one job scans. Default DefaultBatchTables.
	BatchTables int `yaml:"batch_tables"`
	// JobTimeout bounds one job; RescueAfter is how long a job may run before the other
	// replicas take it as lost (its replica died) and run it again. RescueAfter must be
	// longer than JobTimeout. Defaults DefaultClusterJobTimeout, DefaultRescueAfter.
	JobTimeout  Duration `yaml:"job_timeout"`
	RescueAfter Duration `yaml:"rescue_after"`
}

// Defaults of the cluster block.
const (
	DefaultClusterWorkers    = 4
	DefaultSourceConcurrency = 2
	DefaultBatchTables       = 10
	DefaultClusterJobTimeout = 30 * time.Minute
	DefaultRescueAfter       = time.Hour
)

// WorkerCount is workers, or its default.
func (c Cluster) WorkerCount() int { return orInt(c.Workers, DefaultClusterWorkers) }

// Batch is batch_tables, or its default.
func (c Cluster) Batch() int { return orInt(c.BatchTables, DefaultBatchTables) }

// SourceLimit is how many queries may run against the named source at once, cluster-wide.
func (c Cluster) SourceLimit(source string) int {
	if n, ok := c.SourceLimits[source]; ok && n > 0 {
		return n
	}
	return orInt(c.SourceConcurrency, DefaultSourceConcurrency)
}

// Timeout is job_timeout, or its default.
func (c Cluster) Timeout() time.Duration {
	if c.JobTimeout > 0 {
		return time.Duration(c.JobTimeout)
	}
	return DefaultClusterJobTimeout
}

// Rescue is rescue_after, or its default (at least an hour past the job timeout).
func (c Cluster) Rescue() time.Duration {
	if c.RescueAfter > 0 {
		return time.Duration(c.RescueAfter)
	}
	return max(DefaultRescueAfter, c.Timeout()+DefaultRescueAfter)
}

func orInt(n, def int) int {
	if n > 0 {
		return n
	}
	return def
}

// validateCluster checks the cluster block against the rest of the file.
func (c *Config) validateCluster(v *validator) {
	cl := c.Cluster
	at := func(k ...any) []any { return append([]any{"cluster"}, k...) }
	if cl.Enabled && c.State.DSN == "" {
		v.add(at("enabled"), "cluster: enabled needs the PostgreSQL state store (state.dsn), which the replicas share")
	}
	for _, f := range []struct {
		key string
		n   int
	}{{"workers", cl.Workers}, {"source_concurrency", cl.SourceConcurrency}, {"batch_tables", cl.BatchTables}} {
		if f.n < 0 || f.n == 0 && v.has("cluster", f.key) {
			v.add(at(f.key), "cluster: %s must be greater than 0, got %d", f.key, f.n)
		}
	}
	for name, n := range cl.SourceLimits {
		if _, ok := c.SourceByName(name); !ok {
			v.add(at("source_limits", name), "cluster.source_limits: no source named %q", name)
		} else if n < 1 {
			v.add(at("source_limits", name), "cluster.source_limits: source %q: the limit must be greater than 0, got %d", name, n)
		}
	}
	if cl.JobTimeout < 0 || cl.RescueAfter < 0 {
		v.add(at(), "cluster: job_timeout and rescue_after must be positive")
	}
	if cl.RescueAfter > 0 && cl.Rescue() <= cl.Timeout() {
		v.add(at("rescue_after"), "cluster: rescue_after (%s) must be longer than job_timeout (%s), or running jobs would be run twice",
			cl.Rescue(), cl.Timeout())
	}
}
