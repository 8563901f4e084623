package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Any file content loads or fails with an error naming the file; never a panic. The
// seeds are every good and bad config of testdata.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*.yaml")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("sources:\n  - {name: a, kind: mysql, dsn: \"mysql://u:pw@h:1/db\", statement_timeout: 1h, include_tables: [\"[\"]}\n"))
	f.Add([]byte("\x00\x01"))
	f.Add([]byte("sources: [&a {name: x}, *a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load(data, "fuzz.yaml")
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "fuzz.yaml") {
					t.Fatalf("error line does not name the file: %q", line)
				}
			}
			return
		}
		if len(c.Sources) == 0 {
			t.Fatal("a config without sources loaded")
		}
	})
}
