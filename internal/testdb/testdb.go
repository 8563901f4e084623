// Package testdb gives tests a fresh, empty database on the local PostgreSQL and MariaDB
// servers (see `make testdb`) and drops it when the test ends.
//
// Admin connections default to postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
// and root@tcp(127.0.0.1:3306)/; GDPRSCAN_TEST_POSTGRES_DSN (URL form) and
// GDPRSCAN_TEST_MYSQL_DSN (go-sql-driver form) override them. An unreachable server
// skips the test, unless CI=true or GDPRSCAN_REQUIRE_DB=1, which make it fail.
package testdb

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"
	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" driver of Writable
)

const (
	defaultPostgres = "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable"
	defaultMySQL    = "root@tcp(127.0.0.1:3306)/"
	connectTimeout  = 5 * time.Second
	// dropTimeout is generous: on a loaded 2-core machine a DROP DATABASE waits for the
	// test's own connections to close and can take longer than a connect.
	dropTimeout = 60 * time.Second
)

// Postgres creates a database and returns its URL DSN (postgres://…).
func Postgres(t testing.TB) string {
	t.Helper()
	admin := envOr("GDPRSCAN_TEST_POSTGRES_DSN", defaultPostgres)
	u, err := url.Parse(admin)
	if err != nil || (u.Scheme != "postgres" && u.Scheme != "postgresql") {
		t.Fatalf("testdb: GDPRSCAN_TEST_POSTGRES_DSN must be a postgres:// URL")
	}
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		unreachable(t, "PostgreSQL", u.Redacted(), err)
	}
	defer conn.Close(context.Background())

	name := newName()
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("testdb: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), dropTimeout)
		defer cancel()
		conn, err := pgx.Connect(ctx, admin)
		if err != nil {
			t.Errorf("testdb: drop database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		// FORCE ends sessions a test forgot to close.
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("testdb: drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return u.String()
}

// MySQL creates a database and returns its URL DSN (mysql://…).
func MySQL(t testing.TB) string {
	t.Helper()
	admin := envOr("GDPRSCAN_TEST_MYSQL_DSN", defaultMySQL)
	cfg, err := mysql.ParseDSN(admin)
	if err != nil {
		t.Fatalf("testdb: GDPRSCAN_TEST_MYSQL_DSN must be a go-sql-driver DSN such as %s", defaultMySQL)
	}
	cfg.Timeout = connectTimeout
	db, err := openMySQL(cfg)
	if err != nil {
		unreachable(t, "MariaDB/MySQL", cfg.Addr, err)
	}
	defer db.Close()

	name := newName()
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	if _, err := db.ExecContext(ctx, "CREATE DATABASE "+name+" CHARACTER SET utf8mb4"); err != nil {
		t.Fatalf("testdb: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		db, err := openMySQL(cfg)
		if err != nil {
			t.Errorf("testdb: drop database %s: %v", name, err)
			return
		}
		defer db.Close()
		if _, err := db.Exec("DROP DATABASE IF EXISTS " + name); err != nil {
			t.Errorf("testdb: drop database %s: %v", name, err)
		}
	})

	u := url.URL{Scheme: "mysql", Host: cfg.Addr, Path: "/" + name}
	switch {
	case cfg.Passwd != "":
		u.User = url.UserPassword(cfg.User, cfg.Passwd)
	case cfg.User != "":
		u.User = url.User(cfg.User)
	}
	return u.String()
}

// SQLite returns the path of a database file in a fresh temporary directory; the file
// does not exist yet.
func SQLite(t testing.TB) string {
	t.Helper()
	return filepath.Join(t.TempDir(), "test.db")
}

func openMySQL(cfg *mysql.Config) (*sql.DB, error) {
	conn, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, err
	}
	db := sql.OpenDB(conn)
	ctx, cancel := context.WithTimeout(context.Background(), connectTimeout)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// unreachable skips the test on a developer machine but fails it where a database is
// promised (CI), so a broken setup can never pass as green.
func unreachable(t testing.TB, server, where string, err error) {
	t.Helper()
	if os.Getenv("CI") == "true" || os.Getenv("GDPRSCAN_REQUIRE_DB") == "1" {
		t.Fatalf("testdb: %s at %s is required but unreachable: %v", server, where, err)
	}
	t.Skipf("testdb: %s at %s unreachable (%v); run `make testdb` to start it", server, where, err)
}

// newName is a database name no other test run uses.
func newName() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b) // crypto/rand.Read never fails
	return "gdprscan_test_" + hex.EncodeToString(b)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// Writable opens a database that Postgres or MySQL returned, for loading fixtures; it is
// closed when the test ends.
func Writable(t testing.TB, dsn string) *sql.DB {
	t.Helper()
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	var db *sql.DB
	switch u.Scheme {
	case "postgres":
		db, err = sql.Open("pgx", dsn)
	case "mysql":
		pw, _ := u.User.Password()
		db, err = sql.Open("mysql", fmt.Sprintf("%s:%s@tcp(%s)%s?parseTime=true", u.User.Username(), pw, u.Host, u.Path))
	default:
		t.Fatalf("testdb: no writable connection for %q databases", u.Scheme)
	}
	if err != nil {
		t.Fatalf("testdb: %v", err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}
