package sinktest

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// WebhookEvent is what the receiver keeps of a request.
type WebhookEvent struct {
	Key    string // Idempotency-Key: the task id
	Action string
	ScanID string `json:"scan_id"`
	Body   map[string]any
}

// WebhookReceiver is a webhook endpoint on loopback that checks the signature the way a
// real receiver should (HMAC over "<t>.<body>", ±5 minutes) and keeps every event.
type WebhookReceiver struct {
	URL    string
	secret []byte
	srv    *httptest.Server

	mu       sync.Mutex
	down     bool
	events   []WebhookEvent
	bad      int
	received chan WebhookEvent
}

// NewWebhookReceiver starts a receiver; it stops when the test ends.
func NewWebhookReceiver(t testing.TB, secret string) *WebhookReceiver {
	w := &WebhookReceiver{secret: []byte(secret), received: make(chan WebhookEvent, 10000)}
	w.srv = httptest.NewServer(http.HandlerFunc(w.serve))
	w.URL = w.srv.URL + "/hook"
	t.Cleanup(w.srv.Close)
	return w
}

// SetDown makes the receiver answer 503 (or serve again).
func (w *WebhookReceiver) SetDown(v bool) { w.mu.Lock(); w.down = v; w.mu.Unlock() }

// Events are the accepted events, in order.
func (w *WebhookReceiver) Events() []WebhookEvent {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]WebhookEvent(nil), w.events...)
}

// Received hands on each accepted event as it arrives, for tests that wait for one.
func (w *WebhookReceiver) Received() <-chan WebhookEvent { return w.received }

// BadSignatures counts requests refused for their signature.
func (w *WebhookReceiver) BadSignatures() int { w.mu.Lock(); defer w.mu.Unlock(); return w.bad }

func (w *WebhookReceiver) serve(rw http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.down {
		http.Error(rw, "maintenance", http.StatusServiceUnavailable)
		return
	}
	if !w.verify(r.Header.Get("X-Gdprscan-Signature"), body) {
		w.bad++
		http.Error(rw, "bad signature", http.StatusUnauthorized)
		return
	}
	var ev struct {
		Action string `json:"action"`
		ScanID string `json:"scan_id"`
	}
	var all map[string]any
	_ = json.Unmarshal(body, &ev)
	_ = json.Unmarshal(body, &all)
	we := WebhookEvent{Key: r.Header.Get("Idempotency-Key"), Action: ev.Action, ScanID: ev.ScanID, Body: all}
	w.events = append(w.events, we)
	select {
	case w.received <- we:
	default:
	}
	// Like a tracker, answer with the receiver's own id and address of the task.
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(map[string]string{"id": "HOOK-" + we.Key, "url": "https://tracker.example/" + we.Key})
}

func (w *WebhookReceiver) verify(header string, body []byte) bool {
	var ts, sig string
	for _, p := range strings.Split(header, ",") {
		k, v, _ := strings.Cut(p, "=")
		switch k {
		case "t":
			ts = v
		case "v1":
			sig = v
		}
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return false
	}
	if d := time.Since(time.Unix(sec, 0)); d > 5*time.Minute || d < -5*time.Minute {
		return false
	}
	m := hmac.New(sha256.New, w.secret)
	m.Write([]byte(ts + "."))
	m.Write(body)
	return hmac.Equal([]byte(hex.EncodeToString(m.Sum(nil))), []byte(sig))
}
