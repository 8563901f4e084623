package sink

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v89/github"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/store"
)

// GitHubLabel is put on every issue the sink opens; it also narrows the search for an
// issue an earlier attempt may have opened.
const GitHubLabel = "gdprscan"

// GitHubSink opens an issue per task in the task's repository (the route's project,
// "owner/name"), with the route's labels and assignee; closes it with a comment when
// the task is resolved and reopens it with a comment when the problem returns.
//
// Idempotency: the issue number is kept in the state store; on a retry of an open, the
// sink first looks for an issue carrying the task's marker, and on a retry of a close
// or reopen for a comment carrying the delivery's marker, so nothing is made twice.
type GitHubSink struct {
	name     string
	client   *github.Client
	router   Router
	timeout  time.Duration
	attempts int
	backoff  time.Duration
}

var _ TaskSink = (*GitHubSink)(nil)

// NewGitHubSink talks to GitHub (or GitHub Enterprise at baseURL, which must end with
// "/api/v3/" for an Enterprise server; an httptest URL in tests).
func NewGitHubSink(name, baseURL, token string, r Router, timeout time.Duration, attempts int, backoff time.Duration) (*GitHubSink, error) {
	// The timeout goes on each call's context: the client's own timeout would leave a
	// goroutine behind each error answer until it expires.
	opts := []github.ClientOptionsFunc{github.WithAuthToken(token), github.WithUserAgent("gdprscan")}
	if timeout <= 0 {
		timeout = config.DefaultSinkTimeout
	}
	if baseURL != "" {
		if !strings.HasSuffix(baseURL, "/") {
			baseURL += "/"
		}
		opts = append(opts, github.WithURLs(&baseURL, &baseURL))
	}
	c, err := github.NewClient(opts...)
	if err != nil {
		return nil, fmt.Errorf("sink %s: %w", name, err)
	}
	return &GitHubSink{name: name, client: c, router: r, timeout: timeout, attempts: attempts, backoff: backoff}, nil
}

// Name implements TaskSink.
func (g *GitHubSink) Name() string { return g.name }

func taskMarker(id string) string        { return "<!-- gdprscan task " + id + " -->" }
func deliveryMarker(id string) string    { return "<!-- gdprscan delivery " + id + " -->" }
func issueRef(repo string, n int) string { return repo + "#" + strconv.Itoa(n) }

func parseIssueRef(ref string) (owner, repo string, n int, err error) {
	full, num, ok := strings.Cut(ref, "#")
	owner, repo, ok2 := strings.Cut(full, "/")
	n, err = strconv.Atoi(num)
	if !ok || !ok2 || err != nil {
		return "", "", 0, Permanent(fmt.Errorf("bad issue reference %q", ref))
	}
	return owner, repo, n, nil
}

// Send implements TaskSink.
func (g *GitHubSink) Send(ctx context.Context, d Delivery) (store.Ref, error) {
	var ref store.Ref
	try := 0
	err := retry(ctx, g.attempts, g.backoff, func() error {
		dd := d
		dd.Attempt += try // a retry within Send may follow a half-done try too
		try++
		ctx, cancel := context.WithTimeout(ctx, g.timeout)
		defer cancel()
		var err error
		ref, err = g.send(ctx, dd)
		return classifyGitHub(err)
	})
	if err != nil {
		return store.Ref{}, fmt.Errorf("github %s: %w", g.name, err)
	}
	return ref, nil
}

func (g *GitHubSink) send(ctx context.Context, d Delivery) (store.Ref, error) {
	switch d.Action {
	case ActionOpen, ActionReopen:
		if d.Ref.ExternalID == "" {
			if !g.router.Wants(d.Task) {
				return store.Ref{}, nil
			}
			return g.create(ctx, d)
		}
		return g.setState(ctx, d, "open", "")
	case ActionClose:
		if d.Ref.ExternalID == "" {
			return store.Ref{}, nil // the sink never had the task
		}
		reason := "completed"
		if d.Note != "" {
			reason = "not_planned" // suppressed: accepted, not fixed
		}
		return g.setState(ctx, d, "closed", reason)
	}
	return store.Ref{}, nil
}

func (g *GitHubSink) create(ctx context.Context, d Delivery) (store.Ref, error) {
	rt := g.router.Route(d.Task)
	owner, repo, ok := strings.Cut(rt.Project, "/")
	if !ok {
		return store.Ref{}, Permanent(fmt.Errorf("project %q is not owner/name", rt.Project))
	}
	marker := taskMarker(d.Task.ID)
	if d.Attempt > 0 || d.Action == ActionReopen {
		if is, err := g.find(ctx, owner, repo, marker); err != nil || is != nil {
			if err != nil {
				return store.Ref{}, err
			}
			ref := store.Ref{ExternalID: issueRef(rt.Project, is.GetNumber()), URL: is.GetHTMLURL(), State: is.GetState()}
			if is.GetState() != "open" {
				d.Ref = ref
				return g.setState(ctx, d, "open", "")
			}
			return ref, nil
		}
	}
	labels := append([]string{GitHubLabel}, rt.Labels...)
	slices.Sort(labels)
	labels = slices.Compact(labels)
	req := &github.IssueRequest{
		Title:  github.Ptr(issueTitle(d.Task)),
		Body:   github.Ptr(d.Task.Description + "\n\n---\nOpened by gdprscan, scan " + d.ScanID + ". Task " + d.Task.ID + ".\n" + marker),
		Labels: &labels,
	}
	if rt.Assignee != "" {
		req.Assignees = &[]string{rt.Assignee}
	}
	is, _, err := g.client.Issues.Create(ctx, owner, repo, req)
	if err != nil {
		return store.Ref{}, err
	}
	return store.Ref{ExternalID: issueRef(rt.Project, is.GetNumber()), URL: is.GetHTMLURL(), State: store.RefOpen}, nil
}

// find looks for the issue of a task among the sink's issues, open or closed.
func (g *GitHubSink) find(ctx context.Context, owner, repo, marker string) (*github.Issue, error) {
	opts := &github.IssueListByRepoOptions{State: "all", Labels: []string{GitHubLabel}, ListOptions: github.ListOptions{PerPage: 100}}
	for page := 0; page < 50; page++ {
		issues, resp, err := g.client.Issues.ListByRepo(ctx, owner, repo, opts)
		if err != nil {
			return nil, err
		}
		for _, is := range issues {
			if strings.Contains(is.GetBody(), marker) {
				return is, nil
			}
		}
		if resp == nil || resp.NextPage == 0 {
			return nil, nil
		}
		opts.ListOptions.Page = resp.NextPage
	}
	return nil, nil
}

// setState comments (once) and closes or reopens the issue.
func (g *GitHubSink) setState(ctx context.Context, d Delivery, state, reason string) (store.Ref, error) {
	owner, repo, n, err := parseIssueRef(d.Ref.ExternalID)
	if err != nil {
		return store.Ref{}, err
	}
	body := Comment(d) + "\n" + deliveryMarker(d.ID)
	commented := false
	if d.Attempt > 0 {
		if commented, err = g.hasComment(ctx, owner, repo, n, deliveryMarker(d.ID)); err != nil {
			return store.Ref{}, err
		}
	}
	if !commented {
		if _, _, err := g.client.Issues.CreateComment(ctx, owner, repo, n, &github.IssueComment{Body: &body}); err != nil {
			return store.Ref{}, err
		}
	}
	req := &github.IssueRequest{State: &state}
	if reason != "" {
		req.StateReason = &reason
	}
	is, _, err := g.client.Issues.Edit(ctx, owner, repo, n, req)
	if err != nil {
		return store.Ref{}, err
	}
	refState := store.RefOpen
	if state == "closed" {
		refState = store.RefClosed
	}
	return store.Ref{ExternalID: d.Ref.ExternalID, URL: is.GetHTMLURL(), State: refState}, nil
}

func (g *GitHubSink) hasComment(ctx context.Context, owner, repo string, n int, marker string) (bool, error) {
	opts := &github.IssueListCommentsOptions{ListOptions: github.ListOptions{PerPage: 100}}
	for page := 0; page < 50; page++ {
		cs, resp, err := g.client.Issues.ListComments(ctx, owner, repo, n, opts)
		if err != nil {
			return false, err
		}
		for _, c := range cs {
			if strings.Contains(c.GetBody(), marker) {
				return true, nil
			}
		}
		if resp == nil || resp.NextPage == 0 {
			return false, nil
		}
		opts.Page = resp.NextPage
	}
	return false, nil
}

// classifyGitHub marks GitHub's refusals (4xx other than rate limits) as permanent.
func classifyGitHub(err error) error {
	if err == nil {
		return nil
	}
	var rl *github.RateLimitError
	var arl *github.AbuseRateLimitError
	if errors.As(err, &rl) || errors.As(err, &arl) {
		return err
	}
	var er *github.ErrorResponse
	if errors.As(err, &er) && er.Response != nil {
		code := er.Response.StatusCode
		if code >= 400 && code < 500 && code != http.StatusTooManyRequests && code != http.StatusRequestTimeout {
			return Permanent(fmt.Errorf("GitHub answered %d: %s", code, er.Message))
		}
		return fmt.Errorf("GitHub answered %d: %s", code, er.Message)
	}
	return scrubURL(err)
}
