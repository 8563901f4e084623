package dbfixture

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	_ "modernc.org/sqlite" // driver "sqlite"

	"github.com/gdprscan/gdprscan/internal/testdb"
	"github.com/gdprscan/gdprscan/rules/dialect"
)

// people has one column of every type, a NULL, a default and a view: what a fixture uses.
func people() Database {
	born := time.Date(1990, 5, 17, 0, 0, 0, 0, time.UTC)
	seen := time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)
	return Database{
		Tables: []Table{{
			Name: "people",
			Columns: []Column{
				{Name: "id", Type: Int, PrimaryKey: true}, {Name: "name", Type: Text}, {Name: "note", Type: LongText, Nullable: true},
				{Name: "born", Type: Date, Nullable: true}, {Name: "seen", Type: Timestamp}, {Name: "visits", Type: BigInt},
				{Name: "amount", Type: Decimal}, {Name: "active", Type: SmallInt, Default: "1"},
			},
			Rows: [][]any{
				{int64(1), "Anna Schmidt", "called back", born, seen, int64(1) << 40, 12.5, int64(1)},
				{int64(2), "Jan de Vries", nil, nil, seen.Add(time.Hour), int64(0), 0.0, int64(0)},
			},
		}},
		Views: []View{{Name: "active_people", SQL: "SELECT id, name FROM people WHERE active = 1"}},
	}
}

func TestDDL(t *testing.T) {
	d := people()
	pg := d.DDL(dialect.Postgres)
	require.Len(t, pg, 2)
	assert.Contains(t, pg[0], `"name" varchar(255) NOT NULL`)
	assert.Contains(t, pg[0], `"id" integer NOT NULL PRIMARY KEY`)
	assert.Contains(t, pg[0], `"active" smallint NOT NULL DEFAULT 1`)
	assert.Contains(t, pg[0], `"note" text,`)
	assert.Equal(t, `CREATE VIEW "active_people" AS SELECT id, name FROM people WHERE active = 1`, pg[1])
	my := d.DDL(dialect.MySQL)
	assert.Contains(t, my[0], "`seen` DATETIME NOT NULL")
	assert.Contains(t, my[0], "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci")
	assert.Contains(t, d.DDL(dialect.SQLite)[0], `"amount" NUMERIC NOT NULL`)
}

// TestLoad puts the same tables into every engine and reads the same values back.
func TestLoad(t *testing.T) {
	for _, tc := range []struct {
		dl   dialect.Dialect
		open func(t *testing.T) *sql.DB
	}{
		{dialect.SQLite, func(t *testing.T) *sql.DB {
			db, err := sql.Open("sqlite", testdb.SQLite(t))
			require.NoError(t, err)
			t.Cleanup(func() { db.Close() })
			return db
		}},
		{dialect.Postgres, func(t *testing.T) *sql.DB { return testdb.Writable(t, testdb.Postgres(t)) }},
		{dialect.MySQL, func(t *testing.T) *sql.DB { return testdb.Writable(t, testdb.MySQL(t)) }},
	} {
		t.Run(string(tc.dl), func(t *testing.T) {
			db := tc.open(t)
			ctx := context.Background()
			require.NoError(t, Load(ctx, db, tc.dl, people()))
			count := func(where string, args ...any) int {
				t.Helper()
				q := "SELECT COUNT(*) FROM people WHERE " + where
				if tc.dl == dialect.Postgres {
					for i := range args {
						q = strings.Replace(q, "?", "$"+strconv.Itoa(i+1), 1)
					}
				}
				var n int
				require.NoError(t, db.QueryRowContext(ctx, q, args...).Scan(&n), q)
				return n
			}
			assert.Equal(t, 2, count("1 = 1"))
			assert.Equal(t, 1, count("note IS NULL AND born IS NULL"))
			assert.Equal(t, 1, count("born = ? AND name = ?", "1990-05-17", "Anna Schmidt"))
			assert.Equal(t, 1, count("seen = ?", "2024-01-02 03:04:05"))
			assert.Equal(t, 1, count("visits = ? AND amount = 12.5", int64(1)<<40))
			var n int
			require.NoError(t, db.QueryRowContext(ctx, "SELECT COUNT(*) FROM active_people").Scan(&n))
			assert.Equal(t, 1, n)
		})
	}
}

// TestLoadRejectsBadRows: a fixture mistake fails the load, naming the cell, rather than
// reaching the database as some other value.
func TestLoadRejectsBadRows(t *testing.T) {
	for name, tc := range map[string]struct {
		row  []any
		want string
	}{
		"wrong type": {[]any{int64(1), 7}, "people.name row 0: int value for a Text column"},
		"null":       {[]any{int64(1), nil}, "people.name row 0: NULL in a NOT NULL column"},
		"short row":  {[]any{int64(1)}, "people row 0 has 1 values for 2 columns"},
	} {
		t.Run(name, func(t *testing.T) {
			db, err := sql.Open("sqlite", testdb.SQLite(t))
			require.NoError(t, err)
			defer db.Close()
			d := Database{Tables: []Table{{Name: "people", Columns: []Column{{Name: "id", Type: Int}, {Name: "name", Type: Text}}, Rows: [][]any{tc.row}}}}
			assert.ErrorContains(t, Load(context.Background(), db, dialect.SQLite, d), tc.want)
		})
	}
}

func TestLookups(t *testing.T) {
	d := people()
	require.NotNil(t, d.Table("people"))
	assert.Nil(t, d.Table("nobody"))
	assert.Equal(t, 3, d.Table("people").ColumnIndex("born"))
	assert.Equal(t, -1, d.Table("people").ColumnIndex("nothing"))
}
