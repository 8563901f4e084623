package sink

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jonboulle/clockwork"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/sink/sinktest"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
	"github.com/gdprscan/gdprscan/rules"
)

const (
	fastBackoff = time.Millisecond
	testTimeout = 5 * time.Second
)

func TestRouter(t *testing.T) {
	r := NewRouter(config.Sink{Project: "acme/crm", Assignee: "dpo", Labels: []string{"gdpr"}, MinRisk: "high", Routing: []config.Route{
		{Tables: []string{"payments", "billing.*"}, Project: "acme/billing", Assignee: "billing-lead", Labels: []string{"billing"}},
		{Rules: []string{"SEC-*"}, Sources: []string{"crm"}, Labels: []string{"security"}},
	}})
	pay := sampleTask("GDPR-1", "payments")
	users := sampleTask("GDPR-2", "users")
	other := sampleTask("GDPR-3", "contacts")
	other.RuleID, other.RiskLevel = "CNS-01", rules.RiskMedium
	inv := sampleTask("GDPR-4", "invoices")
	inv.Schema = "billing"
	tests := []struct {
		name string
		task tasks.Task
		want Route
	}{
		{"table owner", pay, Route{Project: "acme/billing", Assignee: "billing-lead", Labels: []string{"gdpr", "billing"}}},
		{"schema glob", inv, Route{Project: "acme/billing", Assignee: "billing-lead", Labels: []string{"gdpr", "billing"}}},
		{"rule route adds labels only", users, Route{Project: "acme/crm", Assignee: "dpo", Labels: []string{"gdpr", "security"}}},
		{"defaults", other, Route{Project: "acme/crm", Assignee: "dpo", Labels: []string{"gdpr"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { assert.Equal(t, tt.want, r.Route(tt.task)) })
	}
	assert.True(t, r.Wants(pay))
	assert.False(t, r.Wants(other), "medium is below min_risk high")
}

func TestFileSinkWritesEachLineOnce(t *testing.T) {
	f := newFixture(t)
	path := filepath.Join(t.TempDir(), "tasks.jsonl")
	fs := NewFileSink("file", path, Router{})
	sinks := []TaskSink{fs}
	task := sampleTask("GDPR-1", "payments")
	f.run(sinks, task)
	assert.Equal(t, Result{Delivered: 1}, f.deliver(fs))
	f.run(sinks, task)
	assert.Equal(t, Result{}, f.deliver(fs), "a second run over the same task sends nothing")

	// A sink that crashed after writing and before recording: the retry finds the line.
	again := NewFileSink("file", path, Router{})
	_, err := again.Send(context.Background(), Delivery{ID: "x", Action: ActionOpen, Task: func() tasks.Task { t := task; t.ScanID = "scan-1"; return t }()})
	require.NoError(t, err)

	// A task already in the file from an older gdprscan (another scan id): not again.
	_, err = again.Send(context.Background(), Delivery{ID: "y", Action: ActionOpen, Task: func() tasks.Task { t := task; t.ScanID = "scan-9"; return t }()})
	require.NoError(t, err)

	f.run(sinks) // resolved
	assert.Equal(t, Result{Delivered: 1}, f.deliver(fs))
	lines := readLines(t, path)
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"status":"open"`)
	assert.Contains(t, lines[1], `"status":"resolved"`)
	assert.Contains(t, lines[1], `"scan_id":"scan-3"`)
}

func readLines(t *testing.T, path string) []string {
	fh, err := os.Open(path)
	require.NoError(t, err)
	defer fh.Close()
	var out []string
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out
}

// webhookReceiver verifies signatures and keeps the last event per idempotency key.
type webhookReceiver struct {
	outage
	mu     sync.Mutex
	byKey  map[string]WebhookEvent
	events []WebhookEvent
	bad    int
}

func TestWebhookOutageRetryRecovery(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) }) // after every other cleanup
	secret := []byte("whsec-test")
	rcv := &webhookReceiver{byKey: map[string]WebhookEvent{}}
	srv := httptest.NewServer(rcv.wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rcv.mu.Lock()
		defer rcv.mu.Unlock()
		if err := Verify(secret, r.Header.Get(SignatureHeader), body, time.Now(), 5*time.Minute); err != nil {
			rcv.bad++
			http.Error(w, err.Error(), http.StatusUnauthorized)
			return
		}
		var ev WebhookEvent
		require.NoError(t, json.Unmarshal(body, &ev))
		assert.Equal(t, ev.Task.ID, r.Header.Get(IdempotencyHeader))
		assert.Equal(t, ev.EventID, r.Header.Get(DeliveryHeader))
		rcv.events = append(rcv.events, ev)
		rcv.byKey[r.Header.Get(IdempotencyHeader)] = ev
		_ = json.NewEncoder(w).Encode(map[string]string{"id": "EXT-" + ev.Task.ID})
	})))
	defer srv.Close()

	f := newFixture(t)
	hook := NewWebhookSink("hook", srv.URL, secret, NewRouter(config.Sink{Labels: []string{"gdpr"}}), testTimeout, 2, fastBackoff)
	sinks := []TaskSink{hook}
	task := sampleTask("GDPR-1", "payments")

	// Outage: nothing is lost, the item waits.
	rcv.setDown(true)
	f.run(sinks, task)
	assert.Equal(t, Result{Failed: 1}, f.deliver(hook))
	assert.Equal(t, 1, f.pending("hook"))

	// Recovery: the next pass delivers it, once.
	rcv.setDown(false)
	assert.Equal(t, Result{Delivered: 1}, f.deliver(hook))
	assert.Equal(t, 0, f.pending("hook"))
	assert.Equal(t, Result{}, f.deliver(hook))
	rcv.mu.Lock()
	require.Len(t, rcv.events, 1)
	assert.Equal(t, ActionOpen, rcv.events[0].Action)
	assert.Equal(t, []string{"gdpr"}, rcv.events[0].Route.Labels)
	rcv.mu.Unlock()
	ref, ok, err := f.st.TaskRef(context.Background(), "GDPR-1", "hook")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, "EXT-GDPR-1", ref.ExternalID, "the receiver's own id is kept")

	// A lost answer is retried within Send; the receiver sees the same key twice and
	// keeps one task.
	rcv.loseNext(1)
	f.run(sinks) // resolved: close
	assert.Equal(t, Result{Delivered: 1}, f.deliver(hook))
	rcv.mu.Lock()
	assert.Len(t, rcv.byKey, 1)
	assert.Equal(t, ActionClose, rcv.byKey["GDPR-1"].Action)
	assert.Contains(t, rcv.byKey["GDPR-1"].Comment, "no longer finds")
	assert.Zero(t, rcv.bad, "every request was signed")
	rcv.mu.Unlock()

	// A refusal (4xx) is permanent: not retried, not blocking.
	bad := NewWebhookSink("hook", srv.URL, []byte("wrong-secret"), Router{}, testTimeout, 3, fastBackoff)
	f.run(sinks, task) // reopened
	assert.Equal(t, Result{Failed: 1}, f.deliver(bad))
	c, err := f.st.Outbox(context.Background())
	require.NoError(t, err)
	assert.Equal(t, 1, c["hook"].Dead)
	rcv.mu.Lock()
	assert.Equal(t, 1, rcv.bad, "a permanent error is not retried")
	rcv.mu.Unlock()
}

func TestVerify(t *testing.T) {
	secret := []byte("s")
	body := []byte(`{"a":1}`)
	now := time.Unix(1_800_000_000, 0)
	good := Sign(secret, now, body)
	assert.Regexp(t, `^t=1800000000,v1=[0-9a-f]{64}$`, good)
	tests := []struct {
		name, header string
		body         []byte
		at           time.Time
		ok           bool
	}{
		{"good", good, body, now, true},
		{"good within tolerance", good, body, now.Add(4 * time.Minute), true},
		{"stale", good, body, now.Add(6 * time.Minute), false},
		{"body changed", good, []byte(`{"a":2}`), now, false},
		{"malformed", "v1=abc", body, now, false},
		{"other secret", Sign([]byte("x"), now, body), body, now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Verify(secret, tt.header, tt.body, tt.at, 5*time.Minute)
			if tt.ok {
				assert.NoError(t, err)
			} else {
				assert.ErrorIs(t, err, ErrBadSignature)
			}
		})
	}
}

func TestGitHubOutageRetryRecoveryNoDuplicates(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) }) // after every other cleanup
	gh, srv := newFakeGitHub(t)
	defer srv.Close()
	cfg := config.Sink{Project: "acme/crm", Labels: []string{"gdpr"}, Routing: []config.Route{{Tables: []string{"payments"}, Project: "acme/billing", Assignee: "billing-lead"}}}
	s, err := NewGitHubSink("gh", srv.URL+"/", "ghp_test", NewRouter(cfg), testTimeout, 2, fastBackoff)
	require.NoError(t, err)
	sinks := []TaskSink{s}
	f := newFixture(t)
	pay, users := sampleTask("GDPR-1", "payments"), sampleTask("GDPR-2", "users")

	gh.setDown(true)
	f.run(sinks, pay, users)
	assert.Equal(t, Result{Failed: 1}, f.deliver(s), "a down sink is left after its first failure")
	assert.Equal(t, 2, f.pending("gh"))

	// Back up, but the answer to the first create is lost: the retry finds the issue.
	gh.setDown(false)
	gh.loseNext(1)
	assert.Equal(t, Result{Delivered: 2}, f.deliver(s))
	f.run(sinks, pay, users)
	assert.Equal(t, Result{}, f.deliver(s), "a second run creates nothing")
	issues, _ := gh.snapshot()
	require.Len(t, issues, 2, "one issue per task, whatever the retries")
	byTask := gh.byTask()
	payIssue := byTask["GDPR-1"]
	assert.Equal(t, "acme/billing", payIssue.Repo, "routed to the table owner's repository")
	assert.Equal(t, []string{"billing-lead"}, payIssue.Assignees)
	assert.ElementsMatch(t, []string{"gdprscan", "gdpr"}, payIssue.Labels)
	assert.Equal(t, "acme/crm", byTask["GDPR-2"].Repo)

	// Resolved: closed with a comment; a lost answer does not comment twice.
	gh.loseNext(1)
	f.run(sinks, users)
	assert.Equal(t, Result{Delivered: 1}, f.deliver(s))
	_, comments := gh.snapshot()
	n := payIssue.Number
	assert.Equal(t, "closed", gh.byTask()["GDPR-1"].State)
	assert.Equal(t, "open", gh.byTask()["GDPR-2"].State)
	require.Len(t, comments[n], 1, "one comment despite the retry")
	assert.Contains(t, comments[n][0], "Resolved: scan scan-3")
	ref, _, err := f.st.TaskRef(context.Background(), "GDPR-1", "gh")
	require.NoError(t, err)
	assert.Equal(t, store.Ref{ExternalID: fmt.Sprintf("acme/billing#%d", n), URL: fmt.Sprintf("https://github.example/acme/billing/issues/%d", n), State: store.RefClosed}, ref)

	// Back again: reopened with a comment, still one issue.
	f.run(sinks, pay, users)
	assert.Equal(t, Result{Delivered: 1}, f.deliver(s))
	issues, comments = gh.snapshot()
	require.Len(t, issues, 2)
	assert.Equal(t, "open", gh.byTask()["GDPR-1"].State)
	require.Len(t, comments[n], 2)
	assert.Contains(t, comments[n][1], "Reopened")
}

func TestGitHubRefusalIsPermanent(t *testing.T) {
	_, srv := newFakeGitHub(t)
	s, err := NewGitHubSink("gh", srv.URL+"/", "wrong", NewRouter(config.Sink{Project: "acme/crm"}), testTimeout, 3, fastBackoff)
	require.NoError(t, err)
	_, err = s.Send(context.Background(), Delivery{ID: "d", Action: ActionOpen, Task: sampleTask("GDPR-1", "payments")})
	require.Error(t, err)
	assert.True(t, IsPermanent(err))
	assert.NotContains(t, err.Error(), "wrong", "the token is never in an error")
}

func TestJiraOutageRetryRecoveryNoDuplicates(t *testing.T) {
	for _, cloud := range []bool{true, false} {
		name := map[bool]string{true: "cloud", false: "server"}[cloud]
		t.Run(name, func(t *testing.T) {
			t.Cleanup(func() { goleak.VerifyNone(t) }) // after every other cleanup
			jira, srv := newFakeJira(t, cloud)
			defer srv.Close()
			cl, err := NewJiraClient(srv.URL, cloud, "dpo@acme.example", "jira-token", testTimeout)
			require.NoError(t, err)
			r := NewRouter(config.Sink{Project: "GDPR", Routing: []config.Route{{Rules: []string{"CNS-*"}, Project: "MKT", Assignee: "5b10ac8d82e05b22cc7d4ef5"}}})
			s := NewJiraSink("jira", cl, r, "Task", "", "", 2, fastBackoff)
			sinks := []TaskSink{s}
			f := newFixture(t)
			pay := sampleTask("GDPR-1", "payments")
			consent := sampleTask("GDPR-2", "contacts")
			consent.RuleID = "CNS-01"

			jira.setDown(true)
			f.run(sinks, pay, consent)
			assert.Equal(t, Result{Failed: 1}, f.deliver(s))
			jira.setDown(false)
			jira.loseNext(1)
			assert.Equal(t, Result{Delivered: 2}, f.deliver(s))
			f.run(sinks, pay, consent)
			assert.Equal(t, Result{}, f.deliver(s))
			issues := jira.byTask()
			require.Len(t, jira.snapshot(), 2, "one issue per task, whatever the retries")
			assert.Equal(t, "GDPR", issues["GDPR-1"].Project)
			assert.Equal(t, "MKT", issues["GDPR-2"].Project, "routed by rule")
			assert.Equal(t, "5b10ac8d82e05b22cc7d4ef5", issues["GDPR-2"].Assignee)
			assert.Contains(t, issues["GDPR-1"].Labels, JiraLabel)

			// Resolved: a comment and the transition to Done.
			jira.loseNext(1)
			f.run(sinks, consent)
			assert.Equal(t, Result{Delivered: 1}, f.deliver(s))
			issues = jira.byTask()
			assert.Equal(t, "Done", issues["GDPR-1"].Status)
			require.Len(t, issues["GDPR-1"].Comments, 1, "one comment despite the retry")
			assert.Contains(t, issues["GDPR-1"].Comments[0], "Resolved")
			assert.Equal(t, "To Do", issues["GDPR-2"].Status)

			// Back: reopened (Done → To Do), still one issue.
			f.run(sinks, pay, consent)
			assert.Equal(t, Result{Delivered: 1}, f.deliver(s))
			require.Len(t, jira.snapshot(), 2)
			issues = jira.byTask()
			assert.Equal(t, "To Do", issues["GDPR-1"].Status)
			assert.Len(t, issues["GDPR-1"].Comments, 2)
		})
	}
}

func TestJiraMissingTransitionIsPermanent(t *testing.T) {
	jira, srv := newFakeJira(t, false)
	cl, err := NewJiraClient(srv.URL, false, "dpo@acme.example", "jira-token", testTimeout)
	require.NoError(t, err)
	s := NewJiraSink("jira", cl, NewRouter(config.Sink{Project: "GDPR"}), "Task", "Close issue", "", 2, fastBackoff)
	ref, err := s.Send(context.Background(), Delivery{ID: "d1", Action: ActionOpen, Task: sampleTask("GDPR-1", "payments")})
	require.NoError(t, err)
	_, err = s.Send(context.Background(), Delivery{ID: "d2", Action: ActionClose, Task: sampleTask("GDPR-1", "payments"), Ref: ref})
	require.Error(t, err)
	assert.True(t, IsPermanent(err))
	assert.Contains(t, err.Error(), `has no transition "Close issue" (available: Done, Start progress)`)
	assert.Equal(t, "To Do", jira.snapshot()[0].Status)
}

func TestEmailSummaryOutageRecovery(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) }) // after every other cleanup
	srv := sinktest.NewSMTPServer(t)
	e := NewEmailSink("mail", srv.Addr(), "none", "gdprscan@acme.example", []string{"compliance@acme.example", "dpo@acme.example"}, "", "", testTimeout, 2, fastBackoff)
	f := newFixture(t)
	sum := Summary{ScanID: "scan-9", Scope: "crm", Controller: "ACME", FinishedAt: f.at, Findings: 12, ByRisk: map[string]int{"critical": 2, "high": 4},
		New: 3, Resolved: 1, TasksOpened: 2, Sources: []SourceLine{{Name: "crm", TablesScanned: 14}},
		Workbook: "crm-dpia.xlsx", WorkbookData: []byte("PK\x03\x04 not really a workbook")}
	payload, err := json.Marshal(sum)
	require.NoError(t, err)
	item := store.OutboxItem{Sink: "mail", Action: ActionSummary, ScanID: "scan-9", Payload: payload, CreatedAt: f.at}

	srv.SetDown(true)
	require.NoError(t, f.st.Enqueue(context.Background(), item))
	assert.Equal(t, Result{Failed: 1}, f.deliver(e))
	srv.SetDown(false)
	require.NoError(t, f.st.Enqueue(context.Background(), item)) // announced twice: queued once
	assert.Equal(t, Result{Delivered: 1}, f.deliver(e))
	assert.Equal(t, Result{}, f.deliver(e))

	msgs := srv.Messages()
	require.Len(t, msgs, 1, "one mail, whatever the retries")
	assert.Equal(t, "gdprscan@acme.example", msgs[0].From)
	assert.Equal(t, []string{"compliance@acme.example", "dpo@acme.example"}, msgs[0].To)
	m, err := mail.ReadMessage(strings.NewReader(msgs[0].Data))
	require.NoError(t, err)
	subject, err := new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	require.NoError(t, err)
	assert.Equal(t, "gdprscan: DPIA summary for crm — 12 findings (3 new, 1 resolved)", subject)
	assert.Equal(t, "<scan-9.mail@gdprscan>", m.Header.Get("Message-ID"))
	_, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	require.NoError(t, err)
	mr := multipart.NewReader(m.Body, params["boundary"])
	text, err := mr.NextPart()
	require.NoError(t, err)
	tb, _ := io.ReadAll(text)
	assert.Contains(t, string(tb), "critical 2")
	assert.Contains(t, string(tb), "crm: 14 tables scanned, 0 failed")
	att, err := mr.NextPart()
	require.NoError(t, err)
	assert.Equal(t, "crm-dpia.xlsx", att.FileName())
	ab, _ := io.ReadAll(att)
	data, err := base64.StdEncoding.DecodeString(strings.ReplaceAll(string(ab), "\r\n", ""))
	require.NoError(t, err)
	assert.Equal(t, sum.WorkbookData, data)
}

func TestEmailStartTLSRequired(t *testing.T) {
	srv := sinktest.NewSMTPServer(t)
	e := NewEmailSink("mail", srv.Addr(), "starttls", "a@acme.example", []string{"b@acme.example"}, "", "", testTimeout, 3, fastBackoff)
	_, err := e.Send(context.Background(), Delivery{ID: "d", Action: ActionSummary, Summary: &Summary{ScanID: "s"}})
	require.Error(t, err)
	assert.True(t, IsPermanent(err))
	assert.Contains(t, err.Error(), "no STARTTLS")
}

// The serve loop delivers what is due on each tick of its clock; it stops with ctx.
func TestDispatcherLoop(t *testing.T) {
	t.Cleanup(func() { goleak.VerifyNone(t) }) // after every other cleanup
	f := newFixture(t)
	path := filepath.Join(t.TempDir(), "tasks.jsonl")
	fs := NewFileSink("file", path, Router{})
	f.run([]TaskSink{fs}, sampleTask("GDPR-1", "payments"))
	fc := clockwork.NewFakeClockAt(f.at.Add(time.Hour))
	d, err := NewDispatcher(f.st, []TaskSink{fs}, WithClock(fc))
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.Loop(ctx, time.Minute); close(done) }()
	wait, stop := context.WithTimeout(context.Background(), testTimeout)
	defer stop()
	require.NoError(t, fc.BlockUntilContext(wait, 1))
	fc.Advance(time.Minute)
	for f.pending("file") > 0 {
		select {
		case <-wait.Done():
			t.Fatal("the loop did not deliver")
		case <-time.After(5 * time.Millisecond):
		}
	}
	cancel()
	select {
	case <-done:
	case <-wait.Done():
		t.Fatal("the loop did not stop")
	}
	assert.Len(t, readLines(t, path), 1)
}

func TestBuild(t *testing.T) {
	cfg, err := config.Load([]byte(`
sources: [{name: crm, kind: sqlite, dsn: "sqlite://crm.db"}]
tasks:
  sinks:
    - {name: copy, kind: file, path: copy.jsonl}
    - {name: hook, kind: webhook, url: "https://h.example/x", secret: s}
    - {name: gh, kind: github, project: a/b, token: t}
    - {name: jira, kind: jira, base_url: "https://j.example", token: t, project: GDPR}
    - {name: mail, kind: email, smtp: "smtp.example:25", tls: none, from: a@example.com, to: [b@example.com]}
`), "t.yaml")
	require.NoError(t, err)
	sinks, err := Build(cfg, "/out")
	require.NoError(t, err)
	var names []string
	for _, s := range sinks {
		names = append(names, s.Name())
	}
	assert.Equal(t, []string{"tasks-file", "copy", "hook", "gh", "jira", "mail"}, names)
	assert.Equal(t, "/out/tasks.jsonl", sinks[0].(*FileSink).Path())
	assert.Equal(t, "/out/copy.jsonl", sinks[1].(*FileSink).Path())
	subs := Subscriptions(sinks)
	assert.Equal(t, []string{ActionSummary}, subs[5].Actions)
	assert.Equal(t, TaskActions, subs[0].Actions)
}
