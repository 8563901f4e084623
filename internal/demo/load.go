package demo

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/gdprscan/gdprscan/internal/dbfixture"
	"github.com/gdprscan/gdprscan/rules/dialect"

	_ "modernc.org/sqlite" // driver "sqlite", for BuildSQLite
)

// Load creates the demo tables and views of d in the database db is connected to, with
// every row; see dbfixture.Load.
func Load(ctx context.Context, db *sql.DB, dl dialect.Dialect, d Dataset) error {
	return dbfixture.Load(ctx, db, dl, d.Database)
}

// BuildSQLite writes Generate(now) to a new SQLite file at path, replacing any old one.
func BuildSQLite(ctx context.Context, path string, now time.Time) error {
	for _, p := range []string{path, path + "-journal", path + "-wal", path + "-shm"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("demo: %w", err)
		}
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return fmt.Errorf("demo: open %s: %w", path, err)
	}
	if err := Load(ctx, db, dialect.SQLite, Generate(now)); err != nil {
		db.Close()
		return err
	}
	return db.Close()
}
