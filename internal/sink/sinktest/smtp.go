// Package sinktest has local servers that the sinks' tests, and the daemon's, deliver to.
package sinktest

import (
	"bufio"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// SMTPServer is a small SMTP server for tests: it keeps each message it accepts, and can
// refuse service (421 on connect) to play an outage. It speaks plain SMTP (tls: none).
type SMTPServer struct {
	ln   net.Listener
	wg   sync.WaitGroup
	mu   sync.Mutex
	down bool
	msgs []Message
}

// Message is a mail the server accepted.
type Message struct {
	From string
	To   []string
	Data string
}

// NewSMTPServer starts a server on loopback; it stops when the test ends.
func NewSMTPServer(t testing.TB) *SMTPServer {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &SMTPServer{ln: ln}
	s.wg.Add(1)
	go s.accept()
	t.Cleanup(func() { ln.Close(); s.wg.Wait() })
	return s
}

// Addr is host:port of the server.
func (s *SMTPServer) Addr() string { return s.ln.Addr().String() }

// SetDown makes the server refuse service (or serve again).
func (s *SMTPServer) SetDown(v bool) { s.mu.Lock(); s.down = v; s.mu.Unlock() }

// Messages are the mails accepted so far.
func (s *SMTPServer) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

func (s *SMTPServer) accept() {
	defer s.wg.Done()
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(10 * time.Second))
			s.session(c)
		}()
	}
}

func (s *SMTPServer) session(c net.Conn) {
	r := bufio.NewReader(c)
	say := func(line string) { _, _ = io.WriteString(c, line+"\r\n") }
	s.mu.Lock()
	down := s.down
	s.mu.Unlock()
	if down {
		say("421 test.invalid Service not available, closing channel")
		return
	}
	say("220 test.invalid ESMTP")
	var m Message
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			say("250-test.invalid")
			say("250 8BITMIME")
		case strings.HasPrefix(cmd, "MAIL FROM:"):
			from, _, _ := strings.Cut(strings.TrimSpace(line)[10:], ">") // drop BODY=8BITMIME and such
			m = Message{From: strings.TrimPrefix(from, "<")}
			say("250 OK")
		case strings.HasPrefix(cmd, "RCPT TO:"):
			m.To = append(m.To, strings.Trim(strings.TrimSpace(line)[8:], "<>"))
			say("250 OK")
		case cmd == "DATA":
			say("354 End data with <CR><LF>.<CR><LF>")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(strings.TrimPrefix(l, "."))
			}
			m.Data = b.String()
			s.mu.Lock()
			s.msgs = append(s.msgs, m)
			s.mu.Unlock()
			say("250 OK queued")
		case cmd == "QUIT":
			say("221 Bye")
			return
		case cmd == "RSET", cmd == "NOOP":
			say("250 OK")
		default:
			say("502 Command not implemented")
		}
	}
}
