package scannertest

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"maps"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules"
	"github.com/gdprscan/gdprscan/rules/detect"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
)

// Blackhole listens on a loopback port that accepts TCP connections and never answers,
// like a hung server or a firewall that completes handshakes; it returns "host:port".
func Blackhole(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c) // held open, never read or written
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return ln.Addr().String()
}

// Proxy forwards TCP connections to a database server and cuts a connection when the
// client sends a statement that Cut says to cut: a network failure in mid-scan, at a
// moment the test chooses.
type Proxy struct {
	Addr   string // "host:port" to connect to instead of the server
	target string
	ln     net.Listener

	mu   sync.Mutex
	cut  func(clientBytes []byte) bool
	cuts int
}

// NewProxy starts a proxy to target ("host:port"); it stops when the test ends.
func NewProxy(t testing.TB, target string) *Proxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &Proxy{Addr: ln.Addr().String(), target: target, ln: ln}
	var wg sync.WaitGroup
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Add(1)
			go func() { defer wg.Done(); p.serve(c) }()
		}
	}()
	t.Cleanup(func() { ln.Close(); wg.Wait() })
	return p
}

// CutWhen sets the rule: a client packet for which f returns true closes that
// connection, in both directions, before the server sees the packet.
func (p *Proxy) CutWhen(f func(clientBytes []byte) bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.cut = f
}

// CutOn cuts the connection whenever the client sends a packet containing marker, at
// most limit times (limit < 0: always).
func (p *Proxy) CutOn(marker string, limit int) {
	n := 0
	p.CutWhen(func(b []byte) bool {
		if !bytes.Contains(b, []byte(marker)) || (limit >= 0 && n >= limit) {
			return false
		}
		n++
		return true
	})
}

// Cuts is how many connections the proxy has cut.
func (p *Proxy) Cuts() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.cuts
}

func (p *Proxy) serve(client net.Conn) {
	defer client.Close()
	server, err := net.Dial("tcp", p.target)
	if err != nil {
		return
	}
	defer server.Close()
	done := make(chan struct{}, 2)
	go func() { _, _ = io.Copy(client, server); done <- struct{}{} }()
	go func() {
		defer func() { done <- struct{}{} }()
		buf := make([]byte, 64<<10)
		for {
			n, err := client.Read(buf)
			if n > 0 {
				p.mu.Lock()
				cut := p.cut != nil && p.cut(buf[:n])
				if cut {
					p.cuts++
				}
				p.mu.Unlock()
				if cut {
					return
				}
				if _, werr := server.Write(buf[:n]); werr != nil {
					return
				}
			}
			if err != nil {
				return
			}
		}
	}()
	<-done // either side ending ends both
}

// ViaProxy returns dsn (a URL) with its host and port replaced by addr.
func ViaProxy(t testing.TB, dsn, addr string) string {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Host = addr
	return u.String()
}

// FaultHarness is what an engine test hands to RunFaults.
type FaultHarness struct {
	Dialect dialect.Dialect
	Admin   *sql.DB // writable connection to an empty database
	// Open opens the source under test through dsn, which points at the proxy.
	Open func(t *testing.T, dsn string, opts scanner.Options) scanner.Source
	DSN  string // the database's URL DSN
}

// nullClassifier classifies nothing; the fault suite is about what gets read.
type nullClassifier struct{}

func (nullClassifier) Classify(detect.Column) detect.Result { return detect.Result{} }

// RunFaults scans through a proxy that cuts the connection in mid-scan. A table whose
// sample is cut once is retried and scanned; a table whose sample is always cut is
// retried with backoff, then reported failed with the reason; every other table is
// scanned.
func RunFaults(t *testing.T, h FaultHarness) {
	t.Helper()
	for _, name := range []string{"steady_one", "flaky_table", "doomed_table", "steady_two"} {
		for _, stmt := range []string{
			"CREATE TABLE " + h.Dialect.Ident(name) + " (id INTEGER PRIMARY KEY, email VARCHAR(100))",
			"INSERT INTO " + h.Dialect.Ident(name) + " VALUES (1, 'a@example.org'), (2, 'b@example.org')",
		} {
			_, err := h.Admin.Exec(stmt)
			require.NoError(t, err, stmt)
		}
	}
	u, err := url.Parse(h.DSN)
	require.NoError(t, err)
	proxy := NewProxy(t, u.Host)
	src := h.Open(t, ViaProxy(t, h.DSN, proxy.Addr), scanner.Options{Name: "faulty", StatementTimeout: 10 * time.Second})

	cuts := map[string]int{}
	proxy.CutWhen(func(b []byte) bool {
		for _, marker := range []string{"flaky_table", "doomed_table"} {
			if bytes.Contains(b, []byte(marker)) && (marker == "doomed_table" || cuts[marker] == 0) {
				cuts[marker]++
				return true
			}
		}
		return false
	})
	sc, err := scanner.New(nullClassifier{}, rules.Set{}, scanner.WithRetry(scanner.RetryPolicy{Attempts: 3, Backoff: 20 * time.Millisecond}))
	require.NoError(t, err)
	res, err := sc.Scan(context.Background(), scanner.Target{Name: "faulty", Kind: string(h.Dialect), Source: src})
	require.NoError(t, err)

	require.Equal(t, 3, res.Summary.TablesScanned, "%+v", res.Summary.TablesFailed)
	require.Len(t, res.Summary.TablesFailed, 1)
	failed := res.Summary.TablesFailed[0]
	require.True(t, strings.HasSuffix(failed.Table, ".doomed_table"), failed.Table)
	require.Contains(t, failed.Error, "gave up after 3 attempts")
	t.Logf("reported: %s: %s", failed.Table, failed.Error)
	require.Equal(t, 1, strings.Count(failed.Error, "sample "), "the table is named once: %s", failed.Error)
	proxy.mu.Lock() // the proxy's goroutines count cuts under its lock
	counted := maps.Clone(cuts)
	proxy.mu.Unlock()
	require.Equal(t, map[string]int{"flaky_table": 1, "doomed_table": 3}, counted)
	tables := map[string]bool{}
	for _, it := range res.Inventory {
		tables[it.Table] = true
	}
	require.Equal(t, map[string]bool{"steady_one": true, "flaky_table": true, "steady_two": true}, tables)
}
