package demo

import (
	_ "embed"
	"fmt"
	"path/filepath"

	"github.com/gdprscan/gdprscan/config"
)

// ConfigYAML is testdata/demo/gdprscan.yaml, built into the binary so that `gdprscan
// demo` runs anywhere. The testdata file is the one to edit: go:embed cannot reach
// outside the package, so `go generate ./internal/demo` (or `make demo-config`) copies
// it here, and a test in cmd/gdprscan fails while the two differ.
//
//go:generate cp ../../testdata/demo/gdprscan.yaml gdprscan.yaml
//go:embed gdprscan.yaml
var ConfigYAML []byte

// Config loads the demo config with its source pointed at the SQLite file at dbPath.
func Config(dbPath string) (*config.Config, error) {
	cfg, err := config.Load(ConfigYAML, "testdata/demo/gdprscan.yaml")
	if err != nil {
		return nil, fmt.Errorf("demo config: %w", err)
	}
	abs, err := filepath.Abs(dbPath)
	if err != nil {
		return nil, err
	}
	cfg.Sources[0].DSN = config.Secret("sqlite://" + abs)
	cfg.Dir = filepath.Dir(abs)
	return cfg, nil
}
