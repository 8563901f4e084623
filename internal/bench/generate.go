package bench

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/jackc/pgx/v5"

	"github.com/gdprscan/gdprscan/rules/dialect"
)

// Servers are the admin connections the bench creates its databases through.
type Servers struct {
	Postgres string // URL, e.g. postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable
	MySQL    string // go-sql-driver form, e.g. root@tcp(127.0.0.1:3306)/
	// Existing, when set, is a database to scan as it is (URL form): Generate then only
	// returns it, and Drop leaves it alone.
	Existing string
}

// Database is a generated CRM: its scan DSN and how to drop it.
type Database struct {
	Engine string // postgres | mysql
	Name   string
	DSN    string // URL form, as gdprscan takes it
	Tables int
	Rows   int64
	Took   time.Duration
	drop   func(context.Context) error
}

// Drop removes the database.
func (d *Database) Drop(ctx context.Context) error { return d.drop(ctx) }

func newName(scale string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return "gdprscan_bench_" + strings.ToLower(scale) + "_" + hex.EncodeToString(b[:])
}

// Generate creates a fresh database on engine and fills it at scale s. The values depend
// on s alone, so two runs scan the same data; the database name is random.
func Generate(ctx context.Context, srv Servers, engine string, s Scale) (*Database, error) {
	if srv.Existing != "" {
		engine, _, _ := strings.Cut(srv.Existing, "://")
		return &Database{Engine: engine, Name: "existing", DSN: srv.Existing, drop: func(context.Context) error { return nil }}, nil
	}
	switch engine {
	case "postgres":
		return generatePostgres(ctx, srv.Postgres, s)
	case "mysql":
		return generateMySQL(ctx, srv.MySQL, s)
	}
	return nil, fmt.Errorf("bench: unknown engine %q (valid: mysql, postgres)", engine)
}

func generatePostgres(ctx context.Context, admin string, s Scale) (*Database, error) {
	start := time.Now()
	u, err := url.Parse(admin)
	if err != nil {
		return nil, fmt.Errorf("bench: postgres admin DSN is not a URL")
	}
	conn, err := pgx.Connect(ctx, admin)
	if err != nil {
		return nil, fmt.Errorf("bench: connect to postgres: %w", err)
	}
	defer conn.Close(ctx)
	name := newName(s.Name)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		return nil, fmt.Errorf("bench: create database: %w", err)
	}
	u.Path = "/" + name
	db := &Database{Engine: "postgres", Name: name, DSN: u.String(), drop: func(ctx context.Context) error {
		c, err := pgx.Connect(ctx, admin)
		if err != nil {
			return err
		}
		defer c.Close(ctx)
		_, err = c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
		return err
	}}
	if err := fillPostgres(ctx, db.DSN, s, db); err != nil {
		_ = db.Drop(context.WithoutCancel(ctx))
		return nil, err
	}
	db.Took = time.Since(start)
	return db, nil
}

func fillPostgres(ctx context.Context, dsn string, s Scale, db *Database) error {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return fmt.Errorf("bench: connect: %w", err)
	}
	defer conn.Close(ctx)
	// Unlogged tables skip the WAL: the bench measures reads, and loading is 2-3x faster.
	if _, err := conn.Exec(ctx, "SET synchronous_commit = off"); err != nil {
		return err
	}
	tables := plan(s)
	contacts := tables[0].rows
	for i, t := range tables {
		var defs, names []string
		for _, c := range t.kind.cols {
			defs = append(defs, dialect.Postgres.Ident(c.name)+" "+c.pg)
			names = append(names, c.name)
		}
		if _, err := conn.Exec(ctx, "CREATE UNLOGGED TABLE "+dialect.Postgres.Ident(t.name)+" ("+strings.Join(defs, ", ")+")"); err != nil {
			return fmt.Errorf("bench: create %s: %w", t.name, err)
		}
		g := newGen(i, contacts)
		src := &rowSource{g: g, cols: t.kind.cols, rows: t.rows}
		if _, err := conn.CopyFrom(ctx, pgx.Identifier{t.name}, names, src); err != nil {
			return fmt.Errorf("bench: copy into %s: %w", t.name, err)
		}
		for _, c := range t.kind.cols {
			if c.indexed {
				q := "CREATE INDEX ON " + dialect.Postgres.Ident(t.name) + " (" + dialect.Postgres.Ident(c.name) + ")"
				if _, err := conn.Exec(ctx, q); err != nil {
					return fmt.Errorf("bench: index %s: %w", t.name, err)
				}
			}
		}
		db.Tables++
		db.Rows += t.rows
	}
	// Planner statistics, as on any production database: reltuples drives the sampling.
	if _, err := conn.Exec(ctx, "ANALYZE"); err != nil {
		return fmt.Errorf("bench: analyze: %w", err)
	}
	return nil
}

// rowSource feeds COPY one generated row at a time.
type rowSource struct {
	g    *gen
	cols []column
	rows int64
	vals []any
}

func (r *rowSource) Next() bool {
	if r.g.row >= r.rows {
		return false
	}
	r.g.row++
	if r.vals == nil {
		r.vals = make([]any, len(r.cols))
	}
	for i, c := range r.cols {
		r.vals[i] = c.gen(r.g)
	}
	return true
}
func (r *rowSource) Values() ([]any, error) { return r.vals, nil }
func (r *rowSource) Err() error             { return nil }

// insertBatch is the rows per multi-row INSERT on MariaDB.
const insertBatch = 1000

func generateMySQL(ctx context.Context, admin string, s Scale) (*Database, error) {
	start := time.Now()
	cfg, err := mysql.ParseDSN(admin)
	if err != nil {
		return nil, fmt.Errorf("bench: mysql admin DSN: %w", err)
	}
	cfg.ParseTime = true
	cfg.InterpolateParams = true
	cfg.MultiStatements = false
	adminDB, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return nil, err
	}
	defer adminDB.Close()
	name := newName(s.Name)
	if _, err := adminDB.ExecContext(ctx, "CREATE DATABASE "+name+" CHARACTER SET utf8mb4"); err != nil {
		return nil, fmt.Errorf("bench: create database: %w", err)
	}
	user := cfg.User
	if cfg.Passwd != "" {
		user += ":" + url.QueryEscape(cfg.Passwd)
	}
	db := &Database{Engine: "mysql", Name: name, DSN: "mysql://" + user + "@" + cfg.Addr + "/" + name, drop: func(ctx context.Context) error {
		a, err := sql.Open("mysql", cfg.FormatDSN())
		if err != nil {
			return err
		}
		defer a.Close()
		_, err = a.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name)
		return err
	}}
	cfg.DBName = name
	conn, err := sql.Open("mysql", cfg.FormatDSN())
	if err != nil {
		return nil, err
	}
	defer conn.Close()
	conn.SetMaxOpenConns(1)
	if err := fillMySQL(ctx, conn, s, db); err != nil {
		_ = db.Drop(context.WithoutCancel(ctx))
		return nil, err
	}
	db.Took = time.Since(start)
	return db, nil
}

func fillMySQL(ctx context.Context, conn *sql.DB, s Scale, db *Database) error {
	tables := plan(s)
	contacts := tables[0].rows
	for i, t := range tables {
		var defs, names []string
		for _, c := range t.kind.cols {
			defs = append(defs, dialect.MySQL.Ident(c.name)+" "+c.my)
			names = append(names, dialect.MySQL.Ident(c.name))
			if c.indexed {
				defs = append(defs, "INDEX ("+dialect.MySQL.Ident(c.name)+")")
			}
		}
		if _, err := conn.ExecContext(ctx, "CREATE TABLE "+dialect.MySQL.Ident(t.name)+" ("+strings.Join(defs, ", ")+") ENGINE=InnoDB"); err != nil {
			return fmt.Errorf("bench: create %s: %w", t.name, err)
		}
		g := newGen(i, contacts)
		rowPH := "(" + strings.TrimSuffix(strings.Repeat("?,", len(t.kind.cols)), ",") + ")"
		head := "INSERT INTO " + dialect.MySQL.Ident(t.name) + " (" + strings.Join(names, ", ") + ") VALUES "
		args := make([]any, 0, insertBatch*len(t.kind.cols))
		for g.row < t.rows {
			args = args[:0]
			n := 0
			for n < insertBatch && g.row < t.rows {
				g.row++
				for _, c := range t.kind.cols {
					args = append(args, c.gen(g))
				}
				n++
			}
			q := head + strings.TrimSuffix(strings.Repeat(rowPH+",", n), ",")
			if _, err := conn.ExecContext(ctx, q, args...); err != nil {
				return fmt.Errorf("bench: insert into %s: %w", t.name, err)
			}
		}
		db.Tables++
		db.Rows += t.rows
	}
	return nil
}
