package sink

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/internal/store"
)

// JiraClient is a small typed client of the Jira REST API, version 2, which Jira Cloud
// and Jira Server / Data Center both serve: create an issue, comment, list and run
// transitions, read an issue's status, search by JQL. (No Jira client library can be
// had here; this is the part of the API the sink needs.)
type JiraClient struct {
	base  *url.URL
	cloud bool
	user  string // Cloud: the account email; Server: a user for basic auth, or "" for a bearer token
	token string
	// timeout bounds each request, through its context.
	timeout time.Duration
	http    *http.Client
}

// NewJiraClient talks to the Jira site at baseURL.
func NewJiraClient(baseURL string, cloud bool, user, token string, timeout time.Duration) (*JiraClient, error) {
	u, err := url.Parse(strings.TrimSuffix(baseURL, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil, fmt.Errorf("jira: base URL must be http(s)")
	}
	return &JiraClient{base: u, cloud: cloud, user: user, token: token, timeout: timeout, http: &http.Client{}}, nil
}

// JiraError is a non-2xx answer.
type JiraError struct {
	Status   int
	Messages []string
}

func (e *JiraError) Error() string {
	if len(e.Messages) == 0 {
		return fmt.Sprintf("Jira answered %d", e.Status)
	}
	return fmt.Sprintf("Jira answered %d: %s", e.Status, strings.Join(e.Messages, "; "))
}

// JiraIssueFields are the fields of a new issue.
type JiraIssueFields struct {
	Project     JiraKey       `json:"project"`
	Summary     string        `json:"summary"`
	Description string        `json:"description"`
	IssueType   JiraName      `json:"issuetype"`
	Labels      []string      `json:"labels,omitempty"`
	Assignee    *JiraAssignee `json:"assignee,omitempty"`
}

// JiraKey names a project by key.
type JiraKey struct {
	Key string `json:"key"`
}

// JiraName names an issue type by name.
type JiraName struct {
	Name string `json:"name"`
}

// JiraAssignee is a user: by account id on Cloud, by user name on Server.
type JiraAssignee struct {
	AccountID string `json:"accountId,omitempty"`
	Name      string `json:"name,omitempty"`
}

// JiraCreated is the answer to a create.
type JiraCreated struct {
	ID   string `json:"id"`
	Key  string `json:"key"`
	Self string `json:"self"`
}

// JiraTransition is one transition an issue can take now.
type JiraTransition struct {
	ID   string     `json:"id"`
	Name string     `json:"name"`
	To   JiraStatus `json:"to"`
}

// JiraStatus is an issue status with its category ("new", "indeterminate", "done").
type JiraStatus struct {
	Name           string `json:"name"`
	StatusCategory struct {
		Key string `json:"key"`
	} `json:"statusCategory"`
}

// JiraIssue is an issue as search and get return it, with the fields the sink reads.
type JiraIssue struct {
	Key    string `json:"key"`
	Fields struct {
		Summary string     `json:"summary"`
		Status  JiraStatus `json:"status"`
	} `json:"fields"`
}

// JiraComment is a comment.
type JiraComment struct {
	ID   string `json:"id,omitempty"`
	Body string `json:"body"`
}

func (c *JiraClient) do(ctx context.Context, method, path string, query url.Values, in, out any) error {
	if c.timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, c.timeout)
		defer cancel()
	}
	u := *c.base
	u.Path += path
	u.RawQuery = query.Encode()
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), body)
	if err != nil {
		return err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "gdprscan")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.user != "" {
		req.SetBasicAuth(c.user, c.token)
	} else {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return scrubURL(err)
	}
	defer resp.Body.Close()
	rb, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		je := &JiraError{Status: resp.StatusCode}
		var msg struct {
			ErrorMessages []string          `json:"errorMessages"`
			Errors        map[string]string `json:"errors"`
		}
		if json.Unmarshal(rb, &msg) == nil {
			je.Messages = msg.ErrorMessages
			keys := make([]string, 0, len(msg.Errors))
			for k := range msg.Errors {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				je.Messages = append(je.Messages, k+": "+msg.Errors[k])
			}
		}
		return je
	}
	if out != nil && len(rb) > 0 {
		if err := json.Unmarshal(rb, out); err != nil {
			return fmt.Errorf("jira: read answer: %w", err)
		}
	}
	return nil
}

// CreateIssue creates an issue.
func (c *JiraClient) CreateIssue(ctx context.Context, f JiraIssueFields) (JiraCreated, error) {
	var out JiraCreated
	err := c.do(ctx, http.MethodPost, "/rest/api/2/issue", nil, map[string]any{"fields": f}, &out)
	return out, err
}

// Issue reads an issue's summary and status.
func (c *JiraClient) Issue(ctx context.Context, key string) (JiraIssue, error) {
	var out JiraIssue
	err := c.do(ctx, http.MethodGet, "/rest/api/2/issue/"+url.PathEscape(key), url.Values{"fields": {"summary,status"}}, nil, &out)
	return out, err
}

// AddComment comments on an issue.
func (c *JiraClient) AddComment(ctx context.Context, key, body string) error {
	return c.do(ctx, http.MethodPost, "/rest/api/2/issue/"+url.PathEscape(key)+"/comment", nil, JiraComment{Body: body}, nil)
}

// Comments lists an issue's comments (the first 1000).
func (c *JiraClient) Comments(ctx context.Context, key string) ([]JiraComment, error) {
	var out struct {
		Comments []JiraComment `json:"comments"`
	}
	err := c.do(ctx, http.MethodGet, "/rest/api/2/issue/"+url.PathEscape(key)+"/comment", url.Values{"maxResults": {"1000"}}, nil, &out)
	return out.Comments, err
}

// Transitions lists the transitions an issue can take now.
func (c *JiraClient) Transitions(ctx context.Context, key string) ([]JiraTransition, error) {
	var out struct {
		Transitions []JiraTransition `json:"transitions"`
	}
	err := c.do(ctx, http.MethodGet, "/rest/api/2/issue/"+url.PathEscape(key)+"/transitions", nil, nil, &out)
	return out.Transitions, err
}

// Transition moves an issue along a transition.
func (c *JiraClient) Transition(ctx context.Context, key, id string) error {
	return c.do(ctx, http.MethodPost, "/rest/api/2/issue/"+url.PathEscape(key)+"/transitions", nil,
		map[string]any{"transition": map[string]string{"id": id}}, nil)
}

// Search runs a JQL query (Cloud: /search/jql; Server: /search).
func (c *JiraClient) Search(ctx context.Context, jql string, max int) ([]JiraIssue, error) {
	path := "/rest/api/2/search"
	if c.cloud {
		path = "/rest/api/2/search/jql"
	}
	var out struct {
		Issues []JiraIssue `json:"issues"`
	}
	err := c.do(ctx, http.MethodGet, path, url.Values{"jql": {jql}, "fields": {"summary,status"}, "maxResults": {fmt.Sprint(max)}}, nil, &out)
	return out.Issues, err
}

// JiraSink opens a Jira issue per task in the route's project, comments and moves it to
// a done status when the task is resolved, and back to a to-do status when the problem
// returns. The issue key is kept in the state store; on a retry the sink looks for the
// issue (the task id is in its summary) and for its own comment before making either.
type JiraSink struct {
	name             string
	c                *JiraClient
	router           Router
	issueType        string
	doneTransition   string
	reopenTransition string
	attempts         int
	backoff          time.Duration
}

var _ TaskSink = (*JiraSink)(nil)

// JiraLabel is put on every issue the sink opens.
const JiraLabel = "gdprscan"

// NewJiraSink builds a Jira sink on a client.
func NewJiraSink(name string, c *JiraClient, r Router, issueType, doneTransition, reopenTransition string, attempts int, backoff time.Duration) *JiraSink {
	return &JiraSink{name: name, c: c, router: r, issueType: issueType, doneTransition: doneTransition,
		reopenTransition: reopenTransition, attempts: attempts, backoff: backoff}
}

// Name implements TaskSink.
func (j *JiraSink) Name() string { return j.name }

// Send implements TaskSink.
func (j *JiraSink) Send(ctx context.Context, d Delivery) (store.Ref, error) {
	var ref store.Ref
	try := 0
	err := retry(ctx, j.attempts, j.backoff, func() error {
		dd := d
		dd.Attempt += try
		try++
		var err error
		ref, err = j.send(ctx, dd)
		var je *JiraError
		if errors.As(err, &je) && je.Status >= 400 && je.Status < 500 && je.Status != http.StatusTooManyRequests && je.Status != http.StatusRequestTimeout {
			return Permanent(err)
		}
		return err
	})
	if err != nil {
		return store.Ref{}, fmt.Errorf("jira %s: %w", j.name, err)
	}
	return ref, nil
}

func (j *JiraSink) browse(key string) string {
	u := *j.c.base
	u.Path += "/browse/" + key
	return u.String()
}

func (j *JiraSink) send(ctx context.Context, d Delivery) (store.Ref, error) {
	switch d.Action {
	case ActionOpen, ActionReopen:
		if d.Ref.ExternalID == "" {
			if !j.router.Wants(d.Task) {
				return store.Ref{}, nil
			}
			return j.create(ctx, d)
		}
		return j.move(ctx, d, "new", j.reopenTransition)
	case ActionClose:
		if d.Ref.ExternalID == "" {
			return store.Ref{}, nil
		}
		return j.move(ctx, d, "done", j.doneTransition)
	}
	return store.Ref{}, nil
}

func (j *JiraSink) create(ctx context.Context, d Delivery) (store.Ref, error) {
	rt := j.router.Route(d.Task)
	if d.Attempt > 0 || d.Action == ActionReopen {
		jql := fmt.Sprintf(`project = %q AND labels = %q AND summary ~ "\"%s\""`, rt.Project, JiraLabel, d.Task.ID)
		found, err := j.c.Search(ctx, jql, 20)
		if err != nil {
			return store.Ref{}, err
		}
		for _, is := range found {
			if strings.Contains(is.Fields.Summary, "["+d.Task.ID+"]") {
				ref := store.Ref{ExternalID: is.Key, URL: j.browse(is.Key), State: store.RefOpen}
				if is.Fields.Status.StatusCategory.Key == "done" {
					d.Ref = ref
					return j.move(ctx, d, "new", j.reopenTransition)
				}
				return ref, nil
			}
		}
	}
	labels := append([]string{JiraLabel}, rt.Labels...)
	slices.Sort(labels)
	labels = slices.Compact(labels)
	f := JiraIssueFields{
		Project: JiraKey{Key: rt.Project}, Summary: issueTitle(d.Task),
		Description: d.Task.Description + "\n\n----\nOpened by gdprscan, scan " + d.ScanID + ". Task " + d.Task.ID + ".",
		IssueType:   JiraName{Name: j.issueType}, Labels: labels,
	}
	if rt.Assignee != "" {
		if j.c.cloud {
			f.Assignee = &JiraAssignee{AccountID: rt.Assignee}
		} else {
			f.Assignee = &JiraAssignee{Name: rt.Assignee}
		}
	}
	created, err := j.c.CreateIssue(ctx, f)
	if err != nil {
		return store.Ref{}, err
	}
	return store.Ref{ExternalID: created.Key, URL: j.browse(created.Key), State: store.RefOpen}, nil
}

// move comments (once) and takes the issue to a status of the category ("done" or
// "new"), along the named transition or, without one, the first that leads there.
func (j *JiraSink) move(ctx context.Context, d Delivery, category, name string) (store.Ref, error) {
	key := d.Ref.ExternalID
	footer := "(gdprscan delivery " + d.ID + ")"
	commented := false
	if d.Attempt > 0 {
		cs, err := j.c.Comments(ctx, key)
		if err != nil {
			return store.Ref{}, err
		}
		commented = slices.ContainsFunc(cs, func(c JiraComment) bool { return strings.Contains(c.Body, footer) })
	}
	if !commented {
		if err := j.c.AddComment(ctx, key, Comment(d)+"\n\n"+footer); err != nil {
			return store.Ref{}, err
		}
	}
	state := store.RefOpen
	if category == "done" {
		state = store.RefClosed
	}
	ref := store.Ref{ExternalID: key, URL: j.browse(key), State: state}
	is, err := j.c.Issue(ctx, key)
	if err != nil {
		return store.Ref{}, err
	}
	cur := is.Fields.Status.StatusCategory.Key
	if cur == category || (category == "new" && cur == "indeterminate") {
		return ref, nil // already there (someone moved it, or an earlier try did)
	}
	ts, err := j.c.Transitions(ctx, key)
	if err != nil {
		return store.Ref{}, err
	}
	id := ""
	for _, t := range ts {
		if name != "" && strings.EqualFold(t.Name, name) {
			id = t.ID
			break
		}
		if name == "" && id == "" && t.To.StatusCategory.Key == category {
			id = t.ID
		}
	}
	if id == "" {
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = t.Name
		}
		slices.Sort(names)
		want := "a transition to a " + category + " status"
		if name != "" {
			want = "transition " + fmt.Sprintf("%q", name)
		}
		return store.Ref{}, Permanent(fmt.Errorf("issue %s has no %s (available: %s)", key, want, strings.Join(names, ", ")))
	}
	if err := j.c.Transition(ctx, key, id); err != nil {
		return store.Ref{}, err
	}
	return ref, nil
}
