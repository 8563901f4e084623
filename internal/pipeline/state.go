package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/gdprscan/gdprscan/config"
	"github.com/gdprscan/gdprscan/internal/sink"
	"github.com/gdprscan/gdprscan/internal/store"
)

// OpenState opens the state store a config names: the PostgreSQL database of state.dsn,
// or else the SQLite file state.path (relative to outDir, the report folder).
func OpenState(ctx context.Context, cfg *config.Config, outDir string) (*store.Store, error) {
	if cfg.State.DSN != "" {
		st, err := store.OpenPostgres(ctx, cfg.State.DSN.Reveal())
		if err != nil {
			return nil, fmt.Errorf("state (state.dsn): %w", err)
		}
		return st, nil
	}
	return store.Open(ctx, inDir(outDir, cfg.State.Path))
}

// openRunState gives a run its state store and dispatcher: those of the options when
// the caller holds them (serve keeps one store and one dispatcher for all its runs), else
// opened and built from the config for this run alone. done closes what was opened here.
func openRunState(ctx context.Context, o Options, cfg *config.Config, outDir string, log *slog.Logger) (st *store.Store, disp *sink.Dispatcher, done func(), err error) {
	if o.Store != nil && o.Dispatcher != nil {
		return o.Store, o.Dispatcher, func() {}, nil
	}
	if o.Store != nil || o.Dispatcher != nil {
		return nil, nil, nil, errors.New("pipeline: set both Store and Dispatcher, or neither")
	}
	sinks, err := sink.Build(cfg, outDir)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%w: %w", ErrConfig, err)
	}
	st, err = OpenState(ctx, cfg, outDir)
	if err != nil {
		return nil, nil, nil, err
	}
	disp, err = sink.NewDispatcher(st, sinks, sink.WithLogger(log.With("component", "sink")), sink.WithMetrics(o.Metrics))
	if err != nil {
		st.Close()
		return nil, nil, nil, err
	}
	return st, disp, func() { st.Close() }, nil
}

// stateName is the state file's path, or for PostgreSQL "postgres <database>".
func stateName(st *store.Store, path string) string {
	if st.Engine() == store.SQLite {
		return path
	}
	return st.String()
}
