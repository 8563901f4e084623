package sqlite

import (
	"testing"

	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

// Hostile tables, typeless columns and values of a type other than the declared one,
// scanned whole with the real classifier and rules.
func TestHostileCatalog(t *testing.T) {
	path := testdb.SQLite(t)
	admin := setup(t, path)
	scannertest.RunHostile(t, scannertest.HostileHarness{
		Dialect: dialect.SQLite,
		Admin:   admin,
		Schema:  "main",
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, path, opts)
		},
	})
}
