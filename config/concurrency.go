package config

// DefaultConcurrency is how many queries gdprscan runs against one source at once when
// its config does not say: small, so that a scan never loads a production CRM much.
const DefaultConcurrency = 2

// MaxConcurrency bounds sources[].concurrency; beyond it a scan only queues on the server.
const MaxConcurrency = 64

// QueryLimit is the source's concurrency, or DefaultConcurrency when unset.
func (s *Source) QueryLimit() int {
	if s == nil || s.Concurrency <= 0 {
		return DefaultConcurrency
	}
	return s.Concurrency
}

// MaxQueryRate bounds sources[].max_queries_per_second: above it the limit limits nothing.
const MaxQueryRate = 10_000

// validateConcurrency refuses a concurrency written as 0, a negative one or one above
// MaxConcurrency, and a query rate written as 0, a negative one or one above MaxQueryRate.
func (c *Config) validateConcurrency(v *validator) {
	for i, s := range c.Sources {
		if s.Concurrency < 0 || s.Concurrency > MaxConcurrency || s.Concurrency == 0 && v.has("sources", i, "concurrency") {
			v.add([]any{"sources", i, "concurrency"}, "source %q: concurrency must be between 1 and %d, got %d", s.Name, MaxConcurrency, s.Concurrency)
		}
		if r := s.MaxQueriesPerSecond; r < 0 || r > MaxQueryRate || r == 0 && v.has("sources", i, "max_queries_per_second") {
			v.add([]any{"sources", i, "max_queries_per_second"}, "source %q: max_queries_per_second must be above 0 and at most %d, got %g", s.Name, MaxQueryRate, r)
		}
	}
}
