package postgres

import (
	"testing"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

func TestScanCountsMappedFacts(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.CheckFacts(t, scannertest.Harness{Dialect: dialect.Postgres, Admin: admin,
		Open: func(t *testing.T, opts scanner.Options) scanner.Source { return open(t, dsn, opts) }})
}
