package sink

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/store"
	"github.com/gdprscan/gdprscan/internal/tasks"
)

// Webhook headers.
const (
	SignatureHeader   = "X-Gdprscan-Signature"
	EventHeader       = "X-Gdprscan-Event"
	DeliveryHeader    = "X-Gdprscan-Delivery"
	IdempotencyHeader = "Idempotency-Key"
)

// WebhookSink POSTs each task change as JSON, signed with HMAC-SHA256 over the
// timestamp and the body:
//
//	X-Gdprscan-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>
//
// The Idempotency-Key header is the task id, so a receiver that keeps the last state
// per key applies a retried delivery once; X-Gdprscan-Delivery names the delivery.
// Network errors, 5xx and 429 are retried with backoff; another 4xx is permanent.
type WebhookSink struct {
	name, url string
	secret    []byte
	router    Router
	client    *http.Client
	timeout   time.Duration
	attempts  int
	backoff   time.Duration
	now       func() time.Time
}

var _ TaskSink = (*WebhookSink)(nil)

// WebhookEvent is the body of a webhook request.
type WebhookEvent struct {
	EventID string     `json:"event_id"`
	Action  Action     `json:"action"`
	ScanID  string     `json:"scan_id"`
	At      time.Time  `json:"at"`
	Note    string     `json:"note,omitempty"`
	Comment string     `json:"comment,omitempty"`
	Route   Route      `json:"route"`
	Task    tasks.Task `json:"task"`
}

// NewWebhookSink posts to url.
func NewWebhookSink(name, url string, secret []byte, r Router, timeout time.Duration, attempts int, backoff time.Duration) *WebhookSink {
	if timeout <= 0 {
		timeout = config.DefaultSinkTimeout
	}
	return &WebhookSink{name: name, url: url, secret: secret, router: r, client: &http.Client{}, timeout: timeout,
		attempts: attempts, backoff: backoff, now: time.Now}
}

// Name implements TaskSink.
func (w *WebhookSink) Name() string { return w.name }

// Send implements TaskSink.
func (w *WebhookSink) Send(ctx context.Context, d Delivery) (store.Ref, error) {
	switch d.Action {
	case ActionOpen, ActionReopen:
		if !w.router.Wants(d.Task) {
			return store.Ref{}, nil
		}
	case ActionClose:
		if d.Ref.ExternalID == "" {
			return store.Ref{}, nil // never announced to this receiver
		}
	default:
		return store.Ref{}, nil
	}
	body, err := json.Marshal(WebhookEvent{EventID: d.ID, Action: d.Action, ScanID: d.ScanID, At: d.At.UTC(), Note: d.Note,
		Comment: Comment(d), Route: w.router.Route(d.Task), Task: d.Task})
	if err != nil {
		return store.Ref{}, Permanent(fmt.Errorf("webhook %s: %w", w.name, err))
	}
	var ref store.Ref
	err = retry(ctx, w.attempts, w.backoff, func() error {
		r, err := w.post(ctx, d, body)
		ref = r
		return err
	})
	if err != nil {
		return store.Ref{}, fmt.Errorf("webhook %s: %w", w.name, err)
	}
	return ref, nil
}

func (w *WebhookSink) post(ctx context.Context, d Delivery, body []byte) (store.Ref, error) {
	ctx, cancel := context.WithTimeout(ctx, w.timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(body))
	if err != nil {
		return store.Ref{}, Permanent(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "gdprscan")
	req.Header.Set(SignatureHeader, Sign(w.secret, w.now(), body))
	req.Header.Set(IdempotencyHeader, d.Task.ID)
	req.Header.Set(EventHeader, d.Action)
	req.Header.Set(DeliveryHeader, d.ID)
	resp, err := w.client.Do(req)
	if err != nil {
		return store.Ref{}, scrubURL(err)
	}
	defer resp.Body.Close()
	rb, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		err := fmt.Errorf("HTTP %d", resp.StatusCode)
		if resp.StatusCode >= 400 && resp.StatusCode < 500 && resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusRequestTimeout {
			return store.Ref{}, Permanent(err)
		}
		return store.Ref{}, err
	}
	// A receiver may answer with its own id and address for the task.
	var ans struct {
		ID  string `json:"id"`
		URL string `json:"url"`
	}
	_ = json.Unmarshal(rb, &ans)
	ref := store.Ref{ExternalID: d.Task.ID, URL: ans.URL}
	if ans.ID != "" {
		ref.ExternalID = ans.ID
	}
	return ref, nil
}

// Sign returns the signature header value for body at time t.
func Sign(secret []byte, t time.Time, body []byte) string {
	ts := strconv.FormatInt(t.Unix(), 10)
	return "t=" + ts + ",v1=" + mac(secret, ts, body)
}

func mac(secret []byte, ts string, body []byte) string {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(ts))
	m.Write([]byte("."))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}

// ErrBadSignature is returned by Verify for a missing, malformed, wrong or stale signature.
var ErrBadSignature = errors.New("sink: bad webhook signature")

// Verify checks a signature header as a receiver should: the HMAC must match (compared
// in constant time) and the timestamp be within tolerance of now (5 minutes is usual).
func Verify(secret []byte, header string, body []byte, now time.Time, tolerance time.Duration) error {
	var ts, sig string
	for _, part := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || sig == "" {
		return fmt.Errorf("%w: malformed header", ErrBadSignature)
	}
	if d := now.Sub(time.Unix(sec, 0)); d > tolerance || d < -tolerance {
		return fmt.Errorf("%w: timestamp outside the tolerance", ErrBadSignature)
	}
	want := mac(secret, ts, body)
	if !hmac.Equal([]byte(want), []byte(sig)) {
		return fmt.Errorf("%w: mismatch", ErrBadSignature)
	}
	return nil
}

// scrubURL keeps an HTTP client error from repeating the URL, which may hold a token.
func scrubURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request: %w", strings.ToUpper(ue.Op), ue.Err)
	}
	return err
}
