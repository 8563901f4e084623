package sink

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/gdprscan/gdprscan/config"
)

// Build makes the sinks of a config: first the tasks file (tasks.file, named
// "tasks-file"), then each entry of tasks.sinks in order. Relative file paths are taken
// from outDir, the report folder.
func Build(cfg *config.Config, outDir string) ([]TaskSink, error) {
	in := func(p string) string {
		if filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(outDir, p)
	}
	out := []TaskSink{NewFileSink(config.FileSinkName, in(cfg.Tasks.File), Router{})}
	for _, c := range cfg.Tasks.Sinks {
		s, err := New(c, in)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// New makes one sink from its config; path resolves a relative file path.
func New(c config.Sink, path func(string) string) (TaskSink, error) {
	r := NewRouter(c)
	timeout, backoff := time.Duration(c.Timeout), time.Duration(c.Backoff)
	switch c.Kind {
	case "file":
		return NewFileSink(c.Name, path(c.Path), r), nil
	case "webhook":
		return NewWebhookSink(c.Name, c.URL, []byte(c.Secret.Reveal()), r, timeout, c.Attempts, backoff), nil
	case "github":
		return NewGitHubSink(c.Name, c.BaseURL, c.Token.Reveal(), r, timeout, c.Attempts, backoff)
	case "jira":
		cl, err := NewJiraClient(c.BaseURL, c.Flavor == "cloud", c.User, c.Token.Reveal(), timeout)
		if err != nil {
			return nil, fmt.Errorf("sink %s: %w", c.Name, err)
		}
		return NewJiraSink(c.Name, cl, r, c.IssueType, c.DoneTransition, c.ReopenTransition, c.Attempts, backoff), nil
	case "email":
		return NewEmailSink(c.Name, c.SMTP, c.TLS, c.From, c.To, c.Username, c.Password.Reveal(), timeout, c.Attempts, backoff), nil
	}
	return nil, fmt.Errorf("sink %s: unknown kind %q (valid: email, file, github, jira, webhook)", c.Name, c.Kind)
}
