// Package server serves the daemon's operational endpoints: /healthz (the process
// answers), /readyz (the scheduler runs and the state store answers) and /metrics
// (Prometheus text format, from the metrics' own registry).
package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// DefaultAddr is where serve listens unless told otherwise: loopback only, since the
// metrics name sources and tables.
const DefaultAddr = "127.0.0.1:9464"

// Check is one readiness condition; an error says what is not ready.
type Check func(ctx context.Context) error

// Server is the HTTP server of the endpoints.
type Server struct {
	srv    *http.Server
	log    *slog.Logger
	checks map[string]Check
	names  []string
}

// New builds the server. reg is the registry /metrics exposes; checks are run, in the
// order of names, on each /readyz.
func New(reg *prometheus.Registry, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{log: log, checks: map[string]Check{}}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", s.readyz)
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelError), Registry: reg, Timeout: 10 * time.Second,
	}))
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	return s
}

// AddCheck adds a readiness condition.
func (s *Server) AddCheck(name string, c Check) {
	if _, ok := s.checks[name]; !ok {
		s.names = append(s.names, name)
	}
	s.checks[name] = c
}

// Handler is the server's handler (for tests).
func (s *Server) Handler() http.Handler { return s.srv.Handler }

func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	for _, n := range s.names {
		if err := s.checks[n](ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			fmt.Fprintf(w, "not ready: %s: %v\n", n, err)
			return
		}
	}
	fmt.Fprintln(w, "ready")
}

// Serve serves on ln until Shutdown; it returns nil after a Shutdown.
func (s *Server) Serve(ln net.Listener) error {
	s.log.Info("serving endpoints", "addr", ln.Addr().String(), "paths", "/healthz /readyz /metrics")
	if err := s.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// Shutdown stops the server, waiting for requests in flight until ctx ends.
func (s *Server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }
