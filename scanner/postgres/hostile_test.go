package postgres

import (
	"testing"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

// A schema whose own name is hostile, full of hostile tables and exotic types, scanned
// whole with the real classifier and rules.
func TestHostileCatalog(t *testing.T) {
	dsn, admin := setup(t)
	scannertest.RunHostile(t, scannertest.HostileHarness{
		Dialect: dialect.Postgres,
		Admin:   admin,
		Schema:  `crm "prod"; DROP SCHEMA x; -- ü.eu`,
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, dsn, opts)
		},
	})
}

func TestTwoThousandTables(t *testing.T) {
	if testing.Short() {
		t.Skip("creates 2,000 tables")
	}
	dsn, admin := setup(t)
	scannertest.RunManyTables(t, scannertest.HostileHarness{
		Dialect: dialect.Postgres,
		Admin:   admin,
		Schema:  "public",
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, dsn, opts)
		},
	}, 2000)
}
