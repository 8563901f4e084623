package sink

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"net"
	"net/smtp"
	"net/textproto"
	"slices"
	"strings"
	"time"

	"github.com/gdprscan/gdprscan/internal/store"
)

// EmailSink mails the run summary to the compliance team, with the DPIA workbook
// attached, over SMTP (net/smtp): STARTTLS (default), implicit TLS, or plain for a relay
// on the local network. It receives summaries only. The Message-ID is derived from the
// scan, so a resent summary threads with the first in any mail client; a 5xx answer of
// the server is permanent, anything else is retried.
type EmailSink struct {
	name     string
	addr     string // host:port
	tlsMode  string // starttls | tls | none
	from     string
	to       []string
	user     string
	password string
	timeout  time.Duration
	attempts int
	backoff  time.Duration
	// TLSConfig is used for STARTTLS and implicit TLS; nil means the system roots and
	// the server name of addr. Tests set it.
	TLSConfig *tls.Config
}

var (
	_ TaskSink   = (*EmailSink)(nil)
	_ Subscriber = (*EmailSink)(nil)
)

// NewEmailSink sends through the SMTP server at addr.
func NewEmailSink(name, addr, tlsMode, from string, to []string, user, password string, timeout time.Duration, attempts int, backoff time.Duration) *EmailSink {
	return &EmailSink{name: name, addr: addr, tlsMode: tlsMode, from: from, to: slices.Clone(to), user: user, password: password,
		timeout: timeout, attempts: attempts, backoff: backoff}
}

// Name implements TaskSink.
func (e *EmailSink) Name() string { return e.name }

// Actions implements Subscriber: summaries only.
func (e *EmailSink) Actions() []Action { return []Action{ActionSummary} }

// Send implements TaskSink.
func (e *EmailSink) Send(ctx context.Context, d Delivery) (store.Ref, error) {
	if d.Action != ActionSummary || d.Summary == nil {
		return store.Ref{}, nil
	}
	msg, err := e.message(d)
	if err != nil {
		return store.Ref{}, Permanent(fmt.Errorf("email %s: %w", e.name, err))
	}
	err = retry(ctx, e.attempts, e.backoff, func() error {
		err := e.send(ctx, msg)
		var te *textproto.Error
		if errors.As(err, &te) && te.Code >= 500 {
			return Permanent(err)
		}
		return err
	})
	if err != nil {
		return store.Ref{}, fmt.Errorf("email %s: %w", e.name, err)
	}
	return store.Ref{}, nil
}

func (e *EmailSink) send(ctx context.Context, msg []byte) error {
	host, _, err := net.SplitHostPort(e.addr)
	if err != nil {
		return Permanent(err)
	}
	tcfg := e.TLSConfig
	if tcfg == nil {
		tcfg = &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	}
	dialer := &net.Dialer{Timeout: e.timeout}
	ctx, cancel := context.WithTimeout(ctx, e.timeout)
	defer cancel()
	var conn net.Conn
	if e.tlsMode == "tls" {
		conn, err = (&tls.Dialer{NetDialer: dialer, Config: tcfg}).DialContext(ctx, "tcp", e.addr)
	} else {
		conn, err = dialer.DialContext(ctx, "tcp", e.addr)
	}
	if err != nil {
		return err
	}
	// The whole exchange is bounded by the timeout, and by ctx.
	deadline, _ := ctx.Deadline()
	_ = conn.SetDeadline(deadline)
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	c, err := smtp.NewClient(conn, host)
	if err != nil {
		conn.Close()
		return err
	}
	defer c.Close()
	if e.tlsMode == "starttls" {
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return Permanent(errors.New("the server offers no STARTTLS (set tls: none for a plain relay)"))
		}
		if err := c.StartTLS(tcfg); err != nil {
			return err
		}
	}
	if e.user != "" {
		if err := c.Auth(smtp.PlainAuth("", e.user, e.password, host)); err != nil {
			return err
		}
	}
	if err := c.Mail(e.from); err != nil {
		return err
	}
	for _, to := range e.to {
		if err := c.Rcpt(to); err != nil {
			return err
		}
	}
	w, err := c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(msg); err != nil {
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return c.Quit()
}

// message builds the MIME message: a text part, and the workbook as an attachment.
func (e *EmailSink) message(d Delivery) ([]byte, error) {
	s := d.Summary
	var out bytes.Buffer
	mw := multipart.NewWriter(&out) // writes nothing before the first part
	subject := fmt.Sprintf("gdprscan: DPIA summary for %s — %d findings (%d new, %d resolved)", s.Scope, s.Findings, s.New, s.Resolved)
	h := []string{
		"From: " + e.from,
		"To: " + strings.Join(e.to, ", "),
		"Subject: " + mime.QEncoding.Encode("utf-8", subject),
		"Date: " + d.At.UTC().Format(time.RFC1123Z),
		"Message-ID: <" + s.ScanID + "." + e.name + "@gdprscan>",
		"MIME-Version: 1.0",
		"Content-Type: multipart/mixed; boundary=" + mw.Boundary(),
	}
	out.WriteString(strings.Join(h, "\r\n") + "\r\n\r\n")
	tp, err := mw.CreatePart(textproto.MIMEHeader{"Content-Type": {"text/plain; charset=utf-8"}, "Content-Transfer-Encoding": {"8bit"}})
	if err != nil {
		return nil, err
	}
	if _, err := tp.Write([]byte(strings.ReplaceAll(SummaryText(*s), "\n", "\r\n"))); err != nil {
		return nil, err
	}
	if len(s.WorkbookData) > 0 {
		ap, err := mw.CreatePart(textproto.MIMEHeader{
			"Content-Type":              {mime.FormatMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", map[string]string{"name": s.Workbook})},
			"Content-Disposition":       {mime.FormatMediaType("attachment", map[string]string{"filename": s.Workbook})},
			"Content-Transfer-Encoding": {"base64"},
		})
		if err != nil {
			return nil, err
		}
		enc := base64.StdEncoding.EncodeToString(s.WorkbookData)
		for len(enc) > 76 {
			if _, err := ap.Write([]byte(enc[:76] + "\r\n")); err != nil {
				return nil, err
			}
			enc = enc[76:]
		}
		if _, err := ap.Write([]byte(enc + "\r\n")); err != nil {
			return nil, err
		}
	}
	if err := mw.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// SummaryText is the plain-text body of the summary mail.
func SummaryText(s Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "DPIA scan %s of %s", s.ScanID, s.Scope)
	if s.Controller != "" {
		fmt.Fprintf(&b, " (%s)", s.Controller)
	}
	fmt.Fprintf(&b, ", finished %s.\n\n", s.FinishedAt.UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "Findings: %d — %d new, %d resolved, %d suppressed.\n", s.Findings, s.New, s.Resolved, s.Suppressed)
	for _, lvl := range []string{"critical", "high", "medium", "low"} {
		if n := s.ByRisk[lvl]; n > 0 {
			fmt.Fprintf(&b, "  %-8s %d\n", lvl, n)
		}
	}
	fmt.Fprintf(&b, "Tasks: %d opened, %d closed.\n\nSources:\n", s.TasksOpened, s.TasksClosed)
	for _, src := range s.Sources {
		if src.Error != "" {
			fmt.Fprintf(&b, "  %s: NOT SCANNED: %s\n", src.Name, src.Error)
			continue
		}
		fmt.Fprintf(&b, "  %s: %d tables scanned, %d failed\n", src.Name, src.TablesScanned, src.TablesFailed)
	}
	if s.Workbook != "" {
		if len(s.WorkbookData) > 0 {
			fmt.Fprintf(&b, "\nThe DPIA workbook is attached (%s).\n", s.Workbook)
		} else {
			fmt.Fprintf(&b, "\nThe DPIA workbook is %s (too large to attach).\n", s.Workbook)
		}
	}
	return b.String()
}
