package sink

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/rules"
)

// fixture is a state store and the runs that fill its outbox.
type fixture struct {
	t    *testing.T
	st   *store.Store
	at   time.Time
	runs int
}

func newFixture(t *testing.T) *fixture {
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "state.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	return &fixture{t: t, st: st, at: time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)}
}

func everything(string, string, string) bool { return true }

// run records a run that calls for the given tasks and queues the changes for sinks.
func (f *fixture) run(sinks []TaskSink, want ...tasks.Task) string {
	f.runs++
	f.at = f.at.AddDate(0, 0, 7)
	scan := fmt.Sprintf("scan-%d", f.runs)
	var st []store.Task
	for _, t := range want {
		t.ScanID = scan
		p, err := json.Marshal(t)
		require.NoError(f.t, err)
		st = append(st, store.Task{ID: t.ID, RuleID: t.RuleID, Source: t.Source, Table: t.Schema + "." + t.Table, Title: t.Title, Payload: p})
	}
	_, _, err := f.st.Sync(context.Background(), store.Sync{ScanID: scan, At: f.at, Want: st, Covered: everything, Sinks: Subscriptions(sinks)})
	require.NoError(f.t, err)
	return scan
}

func (f *fixture) deliver(sinks ...TaskSink) Result {
	d, err := NewDispatcher(f.st, sinks)
	require.NoError(f.t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	res, err := d.Deliver(ctx, true)
	require.NoError(f.t, err)
	return res
}

func (f *fixture) pending(sink string) int {
	c, err := f.st.Outbox(context.Background())
	require.NoError(f.t, err)
	return c[sink].Pending
}

func sampleTask(id, table string) tasks.Task {
	return tasks.Task{ID: id, Status: "open", RuleID: "SEC-01", Title: "[SEC-01] Card numbers stored in plaintext in main." + table,
		Source: "crm", Database: "main", Schema: "main", Table: table, Columns: []string{"card_number"},
		Severity: 4, Likelihood: 3, RiskLevel: rules.RiskCritical, Articles: []string{"Art. 32"},
		RecordsAffected: 12, SubjectsAffected: 9, Description: "Mask or tokenise the card numbers.",
		Fingerprints: []string{"v1:" + id}}
}

// outage makes a fake server answer 503 (down) or process a request and then answer 502
// (lost: the work is done but the client cannot know).
type outage struct {
	mu   sync.Mutex
	down bool
	lose int // the next n mutating requests are processed, then answered 502
}

func (o *outage) setDown(v bool) { o.mu.Lock(); o.down = v; o.mu.Unlock() }
func (o *outage) loseNext(n int) { o.mu.Lock(); o.lose = n; o.mu.Unlock() }

// wrap answers 503 while down; after a mutating request it answers 502 while lose > 0.
func (o *outage) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		o.mu.Lock()
		down, lose := o.down, o.lose > 0 && r.Method != http.MethodGet
		if lose {
			o.lose--
		}
		o.mu.Unlock()
		if down {
			http.Error(w, `{"message":"down for maintenance"}`, http.StatusServiceUnavailable)
			return
		}
		if lose {
			h.ServeHTTP(httptest.NewRecorder(), r)
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// fakeGitHub serves the part of the GitHub REST API the sink uses.
type fakeGitHub struct {
	outage
	mu       sync.Mutex
	issues   map[int]*ghIssue
	comments map[int][]string
	requests []string
}

type ghIssue struct {
	Number    int      `json:"number"`
	Title     string   `json:"title"`
	Body      string   `json:"body"`
	State     string   `json:"state"`
	Labels    []string `json:"-"`
	Assignees []string `json:"-"`
	Repo      string   `json:"-"`
}

func newFakeGitHub(t *testing.T) (*fakeGitHub, *httptest.Server) {
	g := &fakeGitHub{issues: map[int]*ghIssue{}, comments: map[int][]string{}}
	srv := httptest.NewServer(g.wrap(http.HandlerFunc(g.serve)))
	t.Cleanup(srv.Close)
	return g, srv
}

func (g *fakeGitHub) serve(w http.ResponseWriter, r *http.Request) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.requests = append(g.requests, r.Method+" "+r.URL.Path)
	if r.Header.Get("Authorization") != "Bearer ghp_test" {
		http.Error(w, `{"message":"Bad credentials"}`, http.StatusUnauthorized)
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/") // repos/o/r/issues[/n[/comments]]
	if len(parts) < 4 || parts[0] != "repos" || parts[3] != "issues" {
		http.NotFound(w, r)
		return
	}
	repo := parts[1] + "/" + parts[2]
	type labelJSON struct {
		Name string `json:"name"`
	}
	render := func(is *ghIssue) map[string]any {
		ls := []labelJSON{}
		for _, l := range is.Labels {
			ls = append(ls, labelJSON{l})
		}
		return map[string]any{"number": is.Number, "title": is.Title, "body": is.Body, "state": is.State, "labels": ls,
			"html_url": fmt.Sprintf("https://github.example/%s/issues/%d", is.Repo, is.Number)}
	}
	switch {
	case len(parts) == 4 && r.Method == http.MethodPost:
		var req struct {
			Title, Body string
			Labels      []string
			Assignees   []string
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		is := &ghIssue{Number: len(g.issues) + 1, Title: req.Title, Body: req.Body, State: "open", Labels: req.Labels, Assignees: req.Assignees, Repo: repo}
		g.issues[is.Number] = is
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(render(is))
	case len(parts) == 4 && r.Method == http.MethodGet:
		out := []map[string]any{}
		for n := 1; n <= len(g.issues); n++ {
			is := g.issues[n]
			if is.Repo == repo && strings.Contains(strings.Join(is.Labels, ","), r.URL.Query().Get("labels")) {
				out = append(out, render(is))
			}
		}
		_ = json.NewEncoder(w).Encode(out)
	case len(parts) == 5 && r.Method == http.MethodPatch:
		n, _ := strconv.Atoi(parts[4])
		is, ok := g.issues[n]
		if !ok {
			http.NotFound(w, r)
			return
		}
		var req struct{ State string }
		_ = json.NewDecoder(r.Body).Decode(&req)
		if req.State != "" {
			is.State = req.State
		}
		_ = json.NewEncoder(w).Encode(render(is))
	case len(parts) == 6 && parts[5] == "comments":
		n, _ := strconv.Atoi(parts[4])
		if r.Method == http.MethodPost {
			var req struct{ Body string }
			_ = json.NewDecoder(r.Body).Decode(&req)
			g.comments[n] = append(g.comments[n], req.Body)
			w.WriteHeader(http.StatusCreated)
			_ = json.NewEncoder(w).Encode(map[string]any{"id": len(g.comments[n]), "body": req.Body})
			return
		}
		out := []map[string]any{}
		for i, c := range g.comments[n] {
			out = append(out, map[string]any{"id": i + 1, "body": c})
		}
		_ = json.NewEncoder(w).Encode(out)
	default:
		http.NotFound(w, r)
	}
}

func (g *fakeGitHub) snapshot() (issues []ghIssue, comments map[int][]string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for n := 1; n <= len(g.issues); n++ {
		issues = append(issues, *g.issues[n])
	}
	comments = map[int][]string{}
	for n, cs := range g.comments {
		comments[n] = append([]string(nil), cs...)
	}
	return issues, comments
}

// byTask returns the issues by the task id in their title.
func (g *fakeGitHub) byTask() map[string]ghIssue {
	issues, _ := g.snapshot()
	out := map[string]ghIssue{}
	for _, is := range issues {
		out[taskIDOf(is.Title)] = is
	}
	return out
}

func taskIDOf(title string) string {
	i, k := strings.Index(title, "["), strings.Index(title, "]")
	if i < 0 || k < i {
		return ""
	}
	return title[i+1 : k]
}

// fakeJira serves the part of the Jira REST API v2 the sink uses, with a workflow
// To Do → In Progress → Done, and Done → To Do by "Reopen".
type fakeJira struct {
	outage
	cloud    bool
	mu       sync.Mutex
	issues   map[string]*jiraFakeIssue
	order    []string
	requests []string
}

type jiraFakeIssue struct {
	Key, Project, Summary, Description, Status, Assignee string
	Labels                                               []string
	Comments                                             []string
}

var jiraCategory = map[string]string{"To Do": "new", "In Progress": "indeterminate", "Done": "done"}

func newFakeJira(t *testing.T, cloud bool) (*fakeJira, *httptest.Server) {
	j := &fakeJira{cloud: cloud, issues: map[string]*jiraFakeIssue{}}
	srv := httptest.NewServer(j.wrap(http.HandlerFunc(j.serve)))
	t.Cleanup(srv.Close)
	return j, srv
}

func (j *fakeJira) serve(w http.ResponseWriter, r *http.Request) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.requests = append(j.requests, r.Method+" "+r.URL.Path)
	if u, p, ok := r.BasicAuth(); !ok || u != "dpo@acme.example" || p != "jira-token" {
		w.WriteHeader(http.StatusUnauthorized)
		_ = json.NewEncoder(w).Encode(map[string]any{"errorMessages": []string{"You are not authenticated."}})
		return
	}
	status := func(name string) map[string]any {
		return map[string]any{"name": name, "statusCategory": map[string]string{"key": jiraCategory[name]}}
	}
	path := strings.TrimPrefix(r.URL.Path, "/rest/api/2/")
	parts := strings.Split(path, "/")
	switch {
	case path == "issue" && r.Method == http.MethodPost:
		var req struct {
			Fields struct {
				Project     struct{ Key string }
				Summary     string
				Description string
				IssueType   struct{ Name string } `json:"issuetype"`
				Labels      []string
				Assignee    *struct {
					AccountID string `json:"accountId"`
					Name      string `json:"name"`
				}
			}
		}
		_ = json.NewDecoder(r.Body).Decode(&req)
		if req.Fields.IssueType.Name != "Task" {
			w.WriteHeader(http.StatusBadRequest)
			_ = json.NewEncoder(w).Encode(map[string]any{"errors": map[string]string{"issuetype": "valid issue type is required"}})
			return
		}
		key := fmt.Sprintf("%s-%d", req.Fields.Project.Key, len(j.order)+1)
		is := &jiraFakeIssue{Key: key, Project: req.Fields.Project.Key, Summary: req.Fields.Summary, Description: req.Fields.Description, Status: "To Do", Labels: req.Fields.Labels}
		if a := req.Fields.Assignee; a != nil {
			is.Assignee = a.AccountID + a.Name
		}
		j.issues[key] = is
		j.order = append(j.order, key)
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(map[string]string{"id": strconv.Itoa(len(j.order)), "key": key, "self": "http://jira/rest/api/2/issue/" + key})
	case (path == "search" && !j.cloud) || (path == "search/jql" && j.cloud):
		jql := r.URL.Query().Get("jql")
		out := []map[string]any{}
		for _, k := range j.order {
			is := j.issues[k]
			// Enough JQL for the sink's query: project, and the quoted id in the summary.
			if strings.Contains(jql, `project = "`+is.Project+`"`) && strings.Contains(jql, `summary ~`) && idIn(jql, is.Summary) {
				out = append(out, map[string]any{"key": k, "fields": map[string]any{"summary": is.Summary, "status": status(is.Status)}})
			}
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"issues": out})
	case len(parts) >= 2 && parts[0] == "issue":
		is, ok := j.issues[parts[1]]
		if !ok {
			w.WriteHeader(http.StatusNotFound)
			_ = json.NewEncoder(w).Encode(map[string]any{"errorMessages": []string{"Issue does not exist"}})
			return
		}
		switch {
		case len(parts) == 2 && r.Method == http.MethodGet:
			_ = json.NewEncoder(w).Encode(map[string]any{"key": is.Key, "fields": map[string]any{"summary": is.Summary, "status": status(is.Status)}})
		case len(parts) == 3 && parts[2] == "comment" && r.Method == http.MethodPost:
			var c struct{ Body string }
			_ = json.NewDecoder(r.Body).Decode(&c)
			is.Comments = append(is.Comments, c.Body)
			w.WriteHeader(http.StatusCreated)
			_ = json.NewEncoder(w).Encode(map[string]string{"id": strconv.Itoa(len(is.Comments)), "body": c.Body})
		case len(parts) == 3 && parts[2] == "comment":
			cs := []map[string]string{}
			for i, c := range is.Comments {
				cs = append(cs, map[string]string{"id": strconv.Itoa(i + 1), "body": c})
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"comments": cs})
		case len(parts) == 3 && parts[2] == "transitions" && r.Method == http.MethodGet:
			var ts []map[string]any
			switch is.Status {
			case "To Do":
				ts = append(ts, map[string]any{"id": "11", "name": "Start progress", "to": status("In Progress")}, map[string]any{"id": "31", "name": "Done", "to": status("Done")})
			case "In Progress":
				ts = append(ts, map[string]any{"id": "31", "name": "Done", "to": status("Done")})
			case "Done":
				ts = append(ts, map[string]any{"id": "41", "name": "Reopen", "to": status("To Do")})
			}
			_ = json.NewEncoder(w).Encode(map[string]any{"transitions": ts})
		case len(parts) == 3 && parts[2] == "transitions":
			var req struct{ Transition struct{ ID string } }
			_ = json.NewDecoder(r.Body).Decode(&req)
			next := map[string]string{"11": "In Progress", "31": "Done", "41": "To Do"}[req.Transition.ID]
			if next == "" {
				w.WriteHeader(http.StatusBadRequest)
				return
			}
			is.Status = next
			w.WriteHeader(http.StatusNoContent)
		default:
			w.WriteHeader(http.StatusNotFound)
		}
	default:
		w.WriteHeader(http.StatusNotFound)
	}
}

func idIn(jql, summary string) bool {
	id := taskIDOf(summary)
	return id != "" && strings.Contains(jql, id)
}

// byTask returns the issues by the task id in their summary.
func (j *fakeJira) byTask() map[string]jiraFakeIssue {
	out := map[string]jiraFakeIssue{}
	for _, is := range j.snapshot() {
		out[taskIDOf(is.Summary)] = is
	}
	return out
}

func (j *fakeJira) snapshot() []jiraFakeIssue {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []jiraFakeIssue
	for _, k := range j.order {
		is := *j.issues[k]
		is.Comments = append([]string(nil), is.Comments...)
		out = append(out, is)
	}
	return out
}
