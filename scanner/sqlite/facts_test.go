package sqlite

import (
	"testing"

	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

func TestScanCountsMappedFacts(t *testing.T) {
	path := testdb.SQLite(t)
	scannertest.CheckFacts(t, scannertest.Harness{Dialect: dialect.SQLite, Admin: setup(t, path),
		Open: func(t *testing.T, opts scanner.Options) scanner.Source { return open(t, "sqlite://"+path, opts) }})
}
