package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"testing"
	"time"

	gomysql "github.com/go-sql-driver/mysql"
	"github.com/stretchr/testify/require"

	"github.com/gdprscan/gdprscan/rules/dialect"
	"github.com/gdprscan/gdprscan/scanner"
	"github.com/gdprscan/gdprscan/scanner/scannertest"
)

// A database whose own name is hostile, full of hostile tables and exotic types, scanned
// whole with the real classifier and rules.
func TestHostileCatalog(t *testing.T) {
	dsn, admin := setup(t) // for the skip-or-fail rule and a server connection
	u, err := url.Parse(dsn)
	require.NoError(t, err)
	name := fmt.Sprintf("crm `prod` \"eu\"; -- ü.%d", time.Now().UnixNano()%1e9)
	exec(t, admin, "CREATE DATABASE "+dialect.MySQL.Ident(name)+" CHARACTER SET utf8mb4")
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if _, err := admin.ExecContext(ctx, "DROP DATABASE IF EXISTS "+dialect.MySQL.Ident(name)); err != nil {
			t.Errorf("drop database: %v", err)
		}
	})
	u.Path = "/" + name
	hostileDSN := u.String()

	cfg, err := parseDSN(hostileDSN)
	require.NoError(t, err)
	require.Equal(t, name, cfg.DBName, "the DSN carries the name intact")
	conn, err := gomysql.NewConnector(cfg)
	require.NoError(t, err)
	hostileAdmin := sql.OpenDB(conn)
	t.Cleanup(func() { hostileAdmin.Close() })

	scannertest.RunHostile(t, scannertest.HostileHarness{
		Dialect: dialect.MySQL,
		Admin:   hostileAdmin,
		Schema:  name,
		Open: func(t *testing.T, opts scanner.Options) scanner.Source {
			return open(t, hostileDSN, opts)
		},
	})
}
